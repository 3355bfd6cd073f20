from datetime import date

from odoo.tests import tagged

from .common import KinerjaCase

DAY = date(2026, 3, 15)


@tagged("post_install", "-at_install")
class TestEvaluator(KinerjaCase):
    """Pejabat Penilai Kinerja derived from the organisation (003 section Evaluasi 2-7)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        (
            cls.bupati,
            cls.kadis,
            cls.kabid,
            cls.kasi,
            cls.staff,
            cls.staff_vacant,
            cls.ketua_kelompok,
            cls.jf_kelompok,
            cls.kepsek,
            cls.guru,
            cls.plt,
            cls.assigned_evaluator,
        ) = Employee.create(
            [
                {"name": name}
                for name in (
                    "Bupati",
                    "Kepala Dinas",
                    "Kepala Bidang",
                    "Kepala Seksi",
                    "Staf Seksi",
                    "Staf Seksi Kosong",
                    "Ketua Kelompok",
                    "Anggota Kelompok",
                    "Kepala Sekolah",
                    "Guru",
                    "Plt. Pejabat",
                    "Penilai Penugasan",
                )
            ]
        )
        cls.pemda = Department.create({"name": "Pemerintah Kabupaten", "manager_id": cls.bupati.id})
        cls.dinas = Department.create(
            {
                "name": "Dinas Pendidikan",
                "parent_id": cls.pemda.id,
                "kinerja_level": "ppt_pratama",
                "manager_id": cls.kadis.id,
            }
        )
        cls.bidang = Department.create(
            {
                "name": "Bidang Pembinaan",
                "parent_id": cls.dinas.id,
                "kinerja_level": "administrator",
                "manager_id": cls.kabid.id,
            }
        )
        cls.seksi = Department.create(
            {
                "name": "Seksi Kurikulum",
                "parent_id": cls.bidang.id,
                "kinerja_level": "pengawas",
                "manager_id": cls.kasi.id,
            }
        )
        cls.seksi_vacant = Department.create(
            {"name": "Seksi Sarana", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        cls.kelompok = Department.create(
            {
                "name": "Kelompok Pengawas Sekolah",
                "parent_id": cls.bidang.id,
                "kinerja_level": "kelompok",
                "manager_id": cls.ketua_kelompok.id,
            }
        )
        cls.sekolah = Department.create(
            {
                "name": "SD Negeri 1",
                "parent_id": cls.dinas.id,
                "kinerja_level": "jf_mandiri",
                "manager_id": cls.kepsek.id,
            }
        )
        for employee, unit in (
            (cls.bupati, cls.pemda),
            (cls.kadis, cls.dinas),
            (cls.kabid, cls.bidang),
            (cls.kasi, cls.seksi),
            (cls.staff, cls.seksi),
            (cls.staff_vacant, cls.seksi_vacant),
            (cls.ketua_kelompok, cls.kelompok),
            (cls.jf_kelompok, cls.kelompok),
            (cls.kepsek, cls.sekolah),
            (cls.guru, cls.sekolah),
            (cls.plt, cls.dinas),
            (cls.assigned_evaluator, cls.dinas),
        ):
            employee.department_id = unit

    def _evaluator(self, employee, day=DAY):
        return self.env["hr.employee"].browse(employee._kinerja_evaluators(day)[employee.id][0])

    def _delegate(self, delegate, date_from, date_to=None, **values):
        values.setdefault("department_id", self.seksi_vacant.id)
        return self.env["hr.kinerja.delegation"].create(
            {"delegate_id": delegate.id, "date_from": date_from, "date_to": date_to, **values}
        )

    def test_staff_evaluated_by_unit_leader(self):
        """The evaluator is the direct superior: the leader of the unit (003 section Evaluasi 2)."""
        self.assertEqual(self._evaluator(self.staff), self.kasi)
        self.assertEqual(self._evaluator(self.guru), self.kepsek)

    def test_unit_leader_evaluated_by_leader_above(self):
        """A unit's leader is evaluated by the leader of the unit above (003 section Evaluasi 2)."""
        self.assertEqual(self._evaluator(self.kasi), self.kabid)
        self.assertEqual(self._evaluator(self.kabid), self.kadis)
        self.assertEqual(self._evaluator(self.kadis), self.bupati)

    def test_jf_leading_independent_unit(self):
        """A JF who leads an independent unit (a school head) evaluates its staff and is
        evaluated by the leader above (003 section Evaluasi 7)."""
        self.assertEqual(self._evaluator(self.guru), self.kepsek)
        self.assertEqual(self._evaluator(self.kepsek), self.kadis)

    def test_vacant_unit_goes_to_next_unit_up(self):
        """Without a leader, the staff of a vacant unit go to the leader above."""
        self.assertEqual(self._evaluator(self.staff_vacant), self.kabid)

    def test_work_group_chair_is_not_the_evaluator(self):
        """004 last page: the evaluator of JF and pelaksana is a managerial official; the
        chair of a kelompok only recommends feedback."""
        self.assertEqual(self._evaluator(self.jf_kelompok), self.kabid)
        self.assertEqual(self._evaluator(self.ketua_kelompok), self.kabid)

    def test_unit_delegation_only_inside_its_dates(self):
        """003 section Evaluasi 3-4: a Plt. of a vacant post evaluates while the decree lasts."""
        self._delegate(self.plt, date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(self._evaluator(self.staff_vacant, date(2026, 3, 1)), self.plt)
        self.assertEqual(self._evaluator(self.staff_vacant, date(2026, 3, 31)), self.plt)
        self.assertEqual(self._evaluator(self.staff_vacant, date(2026, 2, 28)), self.kabid)
        self.assertEqual(self._evaluator(self.staff_vacant, date(2026, 4, 1)), self.kabid)

    def test_open_ended_unit_delegation(self):
        """A delegation without an end date lasts until it is ended."""
        self._delegate(self.plt, date(2026, 3, 1))
        self.assertEqual(self._evaluator(self.staff_vacant, date(2030, 1, 1)), self.plt)

    def test_employee_delegation_wins(self):
        """003 section Evaluasi 5: an employee assigned to another leader is evaluated by
        that leader, whatever the unit's leadership."""
        self._delegate(self.plt, date(2026, 1, 1), department_id=self.seksi.id)
        self._delegate(
            self.assigned_evaluator,
            date(2026, 1, 1),
            scope="employee",
            department_id=False,
            employee_id=self.staff.id,
            kind="other",
        )
        self.assertEqual(self._evaluator(self.staff), self.assigned_evaluator)

    def test_definitive_leader_under_plh_goes_one_level_up(self):
        """A Plh. standing in for the head of a unit evaluates its staff and lower leaders,
        not the unit's own definitive leader, who stays with the leader above."""
        self._delegate(
            self.plt, date(2026, 3, 1), date(2026, 3, 20), kind="plh", department_id=self.bidang.id
        )
        self.assertEqual(self._evaluator(self.kasi), self.plt)
        self.assertEqual(self._evaluator(self.staff_vacant), self.plt)
        self.assertEqual(self._evaluator(self.kabid), self.kadis)

    def test_evaluator_superior_is_evaluators_evaluator(self):
        """Atasan Pejabat Penilai Kinerja: the evaluator's own evaluator (DOMAIN section 1)."""
        pairs = (self.staff | self.kasi | self.guru | self.bupati)._kinerja_evaluators(DAY)
        self.assertEqual(pairs[self.staff.id], (self.kasi.id, self.kabid.id))
        self.assertEqual(pairs[self.kasi.id], (self.kabid.id, self.kadis.id))
        self.assertEqual(pairs[self.guru.id], (self.kepsek.id, self.kadis.id))
        self.assertEqual(pairs[self.bupati.id], (False, False))

    def test_computed_fields_follow_kinerja_date(self):
        """The form shows today's evaluator; context key kinerja_date shows another day's."""
        self._delegate(self.plt, date(2026, 3, 1), date(2026, 3, 31), department_id=self.seksi.id)
        during = self.staff.with_context(kinerja_date=date(2026, 3, 10))
        after = self.staff.with_context(kinerja_date="2026-04-01")
        self.assertEqual(during.kinerja_evaluator_id, self.plt)
        self.assertEqual(during.kinerja_evaluator_superior_id, self.kadis)
        self.assertEqual(after.kinerja_evaluator_id, self.kasi)
        self.assertEqual(after.kinerja_evaluator_superior_id, self.kabid)

    def test_evaluators_in_constant_queries(self):
        """The evaluators of a whole agency are computed in a fixed number of queries."""
        units = self.seksi | self.seksi_vacant | self.kelompok | self.sekolah | self.bidang
        staff = self.env["hr.employee"].create(
            [
                {"name": f"Pegawai {index}", "department_id": units[index % 5].id}
                for index in range(50)
            ]
        )
        self._delegate(self.plt, date(2026, 1, 1))
        staff[:5]._kinerja_evaluators(DAY)  # warm the ormcaches
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            small = staff[:5]._kinerja_evaluators(DAY)
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            large = staff._kinerja_evaluators(DAY)
        self.assertEqual(len(small), 5)
        self.assertEqual(len(large), 50)
        self.assertEqual(large[staff[1].id], (self.plt.id, self.kadis.id))
