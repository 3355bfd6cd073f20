from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase

BEFORE_DEADLINE = "2026-01-20 09:00:00"
AFTER_DEADLINE = "2026-02-10 09:00:00"
QUANTITATIVE = {"name": "Jumlah SK mutasi", "target_value": 40, "target_unit": "SK"}


@tagged("post_install", "-at_install")
class TestSkp(KinerjaCase):
    """Sasaran Kinerja Pegawai: its form, its lifecycle (agreed by the employee, set by
    the evaluator by the end of January), adjustments, transfers and its contents
    (003 Pasal 9-14; 003 section Penetapan SKP; DOMAIN section 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        calendar = cls._calendar()
        cls.year = cls._open_year(calendar, "kutai_kartanegara")
        cls.year_2025 = cls._open_year(calendar, "kutai_kartanegara", year=2025)

        def user(login, group="base.group_user"):
            return new_test_user(cls.env, login, groups=group)

        cls.staff_user = user("skp_staff")
        cls.colleague_user = user("skp_colleague")
        cls.kasi_user = user("skp_kasi")
        cls.kabid_user = user("skp_kabid")
        cls.kadis_user = user("skp_kadis")
        cls.officer = user("skp_officer", "hr_kinerja_asn.group_kinerja_officer")
        cls.manager = user("skp_manager", "hr_kinerja_asn.group_kinerja_manager")

        Unit = cls.env["hr.department"]
        Employee = cls.env["hr.employee"]

        def employee(name, jabatan, user=None, **values):
            return Employee.create(
                {
                    "name": name,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                    "user_id": user.id if user else False,
                    **values,
                }
            )

        cls.bupati = employee("Bupati", False)
        cls.kadis = employee("Kepala Dinas", "jpt_pratama", cls.kadis_user)
        cls.kabid = employee("Kepala Bidang Mutasi", "administrator", cls.kabid_user)
        cls.kabid2 = employee("Kepala Bidang Diklat", "administrator")
        cls.kasi = employee("Kepala Seksi Mutasi", "pengawas", cls.kasi_user)
        cls.staff = employee("Analis Mutasi", "pelaksana", cls.staff_user)
        cls.colleague = employee("Pengadministrasi Mutasi", "pelaksana", cls.colleague_user)
        jf = {"jf_jenjang": "ahli_muda"}
        cls.kepsek = employee("Kepala Sekolah", "fungsional", **jf)
        cls.guru = employee("Guru Kelas", "fungsional", jf_jenjang="ahli_pertama")

        cls.pemda = Unit.create({"name": "Pemerintah Kabupaten", "manager_id": cls.bupati.id})
        cls.dinas = Unit.create(
            {
                "name": "BKPSDM",
                "parent_id": cls.pemda.id,
                "kinerja_level": "ppt_pratama",
                "manager_id": cls.kadis.id,
            }
        )
        cls.bidang = Unit.create(
            {
                "name": "Bidang Mutasi",
                "parent_id": cls.dinas.id,
                "kinerja_level": "administrator",
                "manager_id": cls.kabid.id,
            }
        )
        cls.bidang2 = Unit.create(
            {
                "name": "Bidang Diklat",
                "parent_id": cls.dinas.id,
                "kinerja_level": "administrator",
                "manager_id": cls.kabid2.id,
            }
        )
        cls.seksi = Unit.create(
            {
                "name": "Seksi Mutasi",
                "parent_id": cls.bidang.id,
                "kinerja_level": "pengawas",
                "manager_id": cls.kasi.id,
            }
        )
        cls.sekolah = Unit.create(
            {
                "name": "SD Negeri 1",
                "parent_id": cls.dinas.id,
                "kinerja_level": "jf_mandiri",
                "manager_id": cls.kepsek.id,
            }
        )
        for person, unit in (
            (cls.bupati, cls.pemda),
            (cls.kadis, cls.dinas),
            (cls.kabid, cls.bidang),
            (cls.kabid2, cls.bidang2),
            (cls.kasi, cls.seksi),
            (cls.staff, cls.seksi),
            (cls.colleague, cls.seksi),
            (cls.kepsek, cls.sekolah),
            (cls.guru, cls.sekolah),
        ):
            person.department_id = unit

    # -- helpers ------------------------------------------------------------------
    def _skp(self, employee, year=None, **values):
        return self.env["hr.kinerja.skp"].create(
            {"employee_id": employee.id, "year_id": (year or self.year).id, **values}
        )

    def _rhk(self, skp, name, parent=None, indicators=(QUANTITATIVE,), **values):
        return self.env["hr.kinerja.rhk"].create(
            {
                "skp_id": skp.id,
                "name": name,
                "parent_rhk_id": parent.id if parent else False,
                "indicator_ids": [Command.create(dict(indicator)) for indicator in indicators],
                **values,
            }
        )

    def _agreed(self, employee, user=None, **values):
        skp = self._skp(employee, **values)
        self._rhk(skp, f"Hasil utama {employee.name}")
        skp.with_user(user or self.officer).action_agree()
        return skp

    def _set(self, employee, user, **values):
        """An SKP agreed by an HR officer and set by ``user``."""
        skp = self._agreed(employee, **values)
        skp.with_user(user).action_set()
        return skp

    def _adjust(self, skp, user, reason="Umpan balik Maret: target tidak realistis."):
        action = (
            self.env["hr.kinerja.skp.adjust.wizard"]
            .with_user(user)
            .create({"skp_id": skp.id, "reason": reason})
            .action_adjust()
        )
        return self.env["hr.kinerja.skp"].browse(action["res_id"])

    def _activities(self, skp, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.kinerja.skp"),
                ("res_id", "=", skp.id),
                ("activity_type_id", "=", self.env.ref(f"hr_kinerja_asn.{xmlid}").id),
            ]
        )

    # -- form and creation ----------------------------------------------------------
    def test_form_by_position_and_approach(self):
        """003 section Penyusunan SKP tugas belajar 9; DOMAIN section 4: JPT and heads of
        independent units use A.1.1 (qualitative) / A.1.2 (quantitative), administrative
        and functional positions A.1.6 / A.1.7."""
        cases = [
            (self.kadis, "quantitative", True, "a_1_2"),
            (self.kadis, "qualitative", True, "a_1_1"),
            (self.kepsek, "quantitative", True, "a_1_2"),
            (self.kepsek, "qualitative", True, "a_1_1"),
            (self.guru, "quantitative", False, "a_1_7"),
            (self.kabid, "quantitative", False, "a_1_7"),
            (self.staff, "qualitative", False, "a_1_6"),
        ]
        for person, approach, leader, form in cases:
            with self.subTest(employee=person.name, approach=approach):
                skp = self.env["hr.kinerja.skp"].new(
                    {"employee_id": person.id, "year_id": self.year.id, "approach": approach}
                )
                self.assertEqual(skp.is_leader_form, leader)
                self.assertEqual(skp.form, form)
        skp = self._skp(self.kepsek, approach="qualitative")
        self.assertEqual((skp.form, skp.department_id), ("a_1_1", self.sekolah))
        self.assertEqual(skp.name, "SKP Kepala Sekolah 2026")
        self.assertEqual((skp.date_start, skp.date_end), (date(2026, 1, 1), date(2026, 12, 31)))

    def test_evaluators_captured_at_creation(self):
        """003 section Penetapan SKP 1 and section Evaluasi 2: the SKP is set by the
        evaluator (the leader of the unit) and escalates to the evaluator's superior;
        both are kept as they were when the SKP was made."""
        staff, guru, kasi = (self._skp(e) for e in (self.staff, self.guru, self.kasi))
        self.assertEqual((staff.evaluator_id, staff.evaluator_superior_id), (self.kasi, self.kabid))
        self.assertEqual((guru.evaluator_id, guru.evaluator_superior_id), (self.kepsek, self.kadis))
        self.assertEqual((kasi.evaluator_id, kasi.evaluator_superior_id), (self.kabid, self.kadis))
        self.seksi.manager_id = self.colleague
        self.assertEqual(staff.evaluator_id, self.kasi)
        staff.action_refresh_evaluator()
        self.assertEqual(staff.evaluator_id, self.colleague)
        kasi.with_user(self.kasi_user).write({"job_title": "Kepala Seksi"})
        self._rhk(kasi, "Mutasi tertib")
        kasi.with_user(self.kasi_user).action_agree()
        with self.assertRaisesMsg(UserError, "kept as it was"):
            kasi.action_refresh_evaluator()

    def test_seven_behaviour_lines_from_core_values(self):
        """003 Pasal 10(3): the seven BerAKHLAK core values are the behaviour of every SKP,
        with room for the leader's special expectation (Pasal 10(4))."""
        values = self.env["hr.kinerja.core.value"].search([])
        self.assertEqual(len(values), 7)
        skp = self._skp(self.staff)
        self.assertEqual(len(skp.behaviour_ids), 7)
        self.assertEqual(skp.behaviour_ids.core_value_id, values)
        self.assertEqual(skp.behaviour_ids.mapped("core_value_id.code"), values.mapped("code"))
        line = skp.behaviour_ids[0]
        line.with_user(self.kasi_user).special_expectation = "Menjawab pengaduan dalam 1 hari."
        self.assertTrue(line.guide)

    def test_suspended_employee_gets_no_skp(self):
        """003 section Penetapan SKP 7: no planning for a state official, a temporarily
        dismissed employee, unpaid leave (CLTN) or pre-retirement leave (MPP)."""
        for status in ("pejabat_negara", "diberhentikan_sementara", "cltn", "mpp"):
            with self.subTest(status):
                self.staff.kinerja_status = status
                with self.assertRaisesMsg(ValidationError, "suspends performance planning"):
                    self._skp(self.staff)
        self.staff.kinerja_status = "aktif"
        self.assertEqual(self._skp(self.staff).state, "draft")

    def test_dates_within_the_year(self):
        """003 Pasal 14(1): the SKP of a performance year runs within that year."""
        for start, end in (
            (date(2025, 12, 1), date(2026, 6, 30)),
            (date(2026, 7, 1), date(2027, 1, 31)),
        ):
            with self.subTest(start=start):
                with self.assertRaisesMsg(ValidationError, "within the performance year 2026"):
                    self._skp(self.staff, date_start=start, date_end=end)
        with self.assertRaisesMsg(ValidationError, "cannot end before it starts"):
            self._skp(self.staff, date_start=date(2026, 6, 1), date_end=date(2026, 5, 31))
        skp = self._skp(self.staff, year=self.year_2025)
        self.assertEqual((skp.date_start, skp.date_end), (date(2025, 1, 1), date(2025, 12, 31)))

    def test_one_active_skp_at_a_time(self):
        """003 section Penetapan SKP 5-6 and Pasal 14(2): one SKP in force per employee;
        a second one is a transfer or an adjustment, never a duplicate."""
        first = self._skp(self.staff, date_end=date(2026, 6, 30))
        with self.assertRaisesMsg(ValidationError, "already has an active SKP"):
            self._skp(self.staff, date_start=date(2026, 6, 30))
        second = self._skp(self.staff, date_start=date(2026, 7, 1))
        self.assertEqual((first | second).mapped("state"), ["draft", "draft"])
        with self.assertRaisesMsg(ValidationError, "already has an active SKP"):
            self.env["hr.kinerja.skp"].create(
                [
                    {"employee_id": self.colleague.id, "year_id": self.year.id},
                    {"employee_id": self.colleague.id, "year_id": self.year.id},
                ]
            )

    # -- contents -----------------------------------------------------------------
    def test_indicator_targets(self):
        """003 Pasal 9(2)-(3): each indicator has a target, quantitative (a positive number
        and its unit) or qualitative (in words)."""
        skp = self._skp(self.staff)
        for values, fragment in (
            ({"target_value": 0, "target_unit": "SK"}, "needs a positive target"),
            ({"target_value": -5, "target_unit": "SK"}, "needs a positive target"),
            ({"target_value": 40}, "needs the unit of its target"),
            ({"target_value": 40, "target_unit": "  "}, "needs the unit of its target"),
        ):
            with self.subTest(values), self.assertRaisesMsg(ValidationError, fragment):
                self._rhk(skp, "Mutasi tertib", indicators=[{"name": "Jumlah SK", **values}])
        self.assertEqual(
            self._rhk(skp, "Mutasi tertib").indicator_ids.display_name, "Jumlah SK mutasi (40 SK)"
        )
        qualitative = self._skp(self.colleague, approach="qualitative")
        with self.assertRaisesMsg(ValidationError, "needs its target in words"):
            self._rhk(
                qualitative, "Arsip tertib", indicators=[{"name": "Arsip", "target_value": 9}]
            )
        rhk = self._rhk(
            qualitative,
            "Arsip tertib",
            indicators=[{"name": "Arsip", "target_text": "Arsip mutasi lengkap dan rapi"}],
        )
        self.assertEqual(rhk.indicator_ids.aspect, "kuantitas")

    def test_supported_rhk_is_the_evaluators_of_the_same_year(self):
        """003 Format A.1.7 column (2): the RHK of the leader being intervened is one of the
        evaluator's result plans for the same year."""
        kasi_2026 = self._rhk(self._skp(self.kasi), "Mutasi tertib")
        kasi_2025 = self._rhk(self._skp(self.kasi, year=self.year_2025), "Mutasi 2025")
        kabid_2026 = self._rhk(self._skp(self.kabid), "Bidang mutasi tertib")
        skp = self._skp(self.staff)
        for parent in (kabid_2026, kasi_2025):
            with (
                self.subTest(parent.name),
                self.assertRaisesMsg(ValidationError, "can only support"),
            ):
                self._rhk(skp, "Usulan mutasi diverifikasi", parent=parent)
        other_indicator = self._rhk(kasi_2026.skp_id, "Arsip mutasi").indicator_ids
        with self.assertRaisesMsg(ValidationError, "must belong to the leader's result plan"):
            self._rhk(
                skp,
                "Usulan mutasi diverifikasi",
                parent=kasi_2026,
                parent_indicator_id=other_indicator.id,
            )
        rhk = self._rhk(
            skp,
            "Usulan mutasi diverifikasi",
            parent=kasi_2026,
            parent_indicator_id=kasi_2026.indicator_ids.id,
        )
        self.assertEqual(kasi_2026.child_ids, rhk)

    # -- agree ----------------------------------------------------------------------
    @freeze_time(BEFORE_DEADLINE)
    def test_employee_agrees_and_it_is_recorded(self):
        """003 section Penetapan SKP 1 and Pasal 14(3): the employee signs the SKP; who
        and when are kept."""
        skp = self._skp(self.staff)
        self._rhk(skp, "Usulan mutasi diverifikasi")
        for user in (self.colleague_user, self.kasi_user):
            with self.subTest(user.login), self.assertRaises(AccessError):
                skp.with_user(user).action_agree()
        skp.with_user(self.staff_user).action_agree()
        self.assertEqual(skp.state, "agreed")
        self.assertEqual(skp.agreed_by_id, self.staff_user)
        self.assertEqual(skp.agreed_date, datetime(2026, 1, 20, 9, 0))
        with self.assertRaisesMsg(UserError, "Only a draft SKP can be agreed"):
            skp.with_user(self.staff_user).action_agree()
        # An HR officer may record the signature too.
        other = self._skp(self.colleague)
        self._rhk(other, "Arsip mutasi tertib")
        other.with_user(self.officer).action_agree()
        self.assertEqual(other.agreed_by_id, self.officer)

    def test_agree_needs_a_main_rhk_with_indicators(self):
        """DOMAIN section 4 and 003 Pasal 9(2): an SKP holds main result plans, each
        measured by at least one indicator."""
        skp = self._skp(self.staff)
        agree = skp.with_user(self.staff_user).action_agree
        with self.assertRaisesMsg(UserError, "has no main result plan"):
            agree()
        self._rhk(skp, "Membantu kepanitiaan", kind="tambahan")
        with self.assertRaisesMsg(UserError, "has no main result plan"):
            agree()
        self._rhk(skp, "Usulan mutasi diverifikasi")
        self._rhk(skp, "Data mutasi mutakhir", indicators=())
        with self.assertRaisesMsg(UserError, "Data mutasi mutakhir has no indicator"):
            agree()
        self.assertEqual(skp.state, "draft")

    def test_back_to_draft_from_agreed(self):
        """003 section Penetapan SKP 1: before it is set, the agreed SKP goes back to the
        performance dialogue."""
        skp = self._agreed(self.staff, self.staff_user)
        with self.assertRaises(AccessError):
            skp.with_user(self.colleague_user).action_reset_draft()
        skp.with_user(self.kasi_user).action_reset_draft()
        self.assertEqual(skp.state, "draft")
        self.assertFalse(skp.agreed_by_id or skp.agreed_date)
        with self.assertRaisesMsg(UserError, "Only an agreed SKP goes back to draft"):
            skp.action_reset_draft()
        skp.with_user(self.staff_user).action_agree()
        skp.with_user(self.kasi_user).action_set()
        with self.assertRaisesMsg(UserError, "Only an agreed SKP goes back to draft"):
            skp.with_user(self.kasi_user).action_reset_draft()

    # -- set ------------------------------------------------------------------------
    @freeze_time(BEFORE_DEADLINE)
    def test_evaluator_sets_and_it_is_recorded(self):
        """003 section Penetapan SKP 1 and Pasal 14(3): the evaluator sets (menetapkan)
        the SKP the employee agreed."""
        skp = self._skp(self.staff)
        self._rhk(skp, "Usulan mutasi diverifikasi")
        with self.assertRaisesMsg(UserError, "agrees the SKP before it is set"):
            skp.with_user(self.kasi_user).action_set()
        skp.with_user(self.staff_user).action_agree()
        for user in (self.staff_user, self.colleague_user, self.kabid_user):
            with self.subTest(user.login), self.assertRaises(AccessError):
                skp.with_user(user).action_set()
        skp.with_user(self.kasi_user).action_set()
        self.assertRecordValues(
            skp,
            [
                {
                    "state": "set",
                    "set_by_id": self.kasi_user.id,
                    "set_date": datetime(2026, 1, 20, 9, 0),
                    "set_as": "evaluator",
                }
            ],
        )

    def test_superior_sets_only_after_the_deadline(self):
        """003 section Penetapan SKP 3-4: the SKP is set by the end of January; if the
        evaluator has not set it, the employee turns to the evaluator's superior."""
        self.assertEqual(self.year.date_skp, date(2026, 1, 31))
        with freeze_time(BEFORE_DEADLINE):
            skp = self._agreed(self.staff, self.staff_user)
            with self.assertRaisesMsg(AccessError, "also the evaluator's superior"):
                skp.with_user(self.kabid_user).action_set()
            self.assertFalse(skp.is_overdue)
        with freeze_time(AFTER_DEADLINE):
            skp.invalidate_recordset(["is_overdue"])
            self.assertTrue(skp.is_overdue)
            with self.assertRaises(AccessError):
                skp.with_user(self.colleague_user).action_set()
            skp.with_user(self.kabid_user).action_set()
        self.assertEqual(
            (skp.state, skp.set_as, skp.set_by_id), ("set", "superior", self.kabid_user)
        )

    def test_leader_skp_set_only_by_hr_manager(self):
        """003 section Penetapan SKP 2: the SKP of a JPT and of the head of an independent
        unit is set by the regional head (here: an HR manager for them)."""
        for person, evaluator_user in ((self.kadis, None), (self.kepsek, self.kadis_user)):
            with self.subTest(person.name):
                skp = self._agreed(person)
                for user in filter(None, (evaluator_user, self.officer)):
                    with self.assertRaisesMsg(AccessError, "set by an HR manager"):
                        skp.with_user(user).action_set()
                skp.with_user(self.manager).action_set()
                self.assertEqual((skp.state, skp.set_as), ("set", "regional_head"))
        self.assertEqual(self._skp(self.guru).evaluator_id, self.kepsek)

    def test_set_skp_and_its_lines_are_frozen(self):
        """003 Pasal 14(2)-(3): a set SKP changes only through an adjustment - neither the
        SKP nor its result plans, indicators, behaviour or attachment lines are edited."""
        skp = self._skp(self.staff)
        rhk = self._rhk(skp, "Usulan mutasi diverifikasi")
        lampiran = self.env["hr.kinerja.skp.lampiran"].create(
            {"skp_id": skp.id, "resource_type": "anggaran", "description": "Anggaran rapat"}
        )
        skp.with_user(self.staff_user).action_agree()
        skp.with_user(self.kasi_user).action_set()
        lines = (rhk, rhk.indicator_ids, skp.behaviour_ids[0], lampiran)
        extra = self.env["hr.kinerja.core.value"].create(
            {"name": "Inovatif", "code": "inovatif", "guide": "- Mencoba cara baru"}
        )
        for user in (self.env.user, self.staff_user, self.kasi_user):
            for label, attempt in self._edits(user, extra, skp, *lines).items():
                with self.subTest(user=user.login, attempt=label):
                    with self.assertRaisesMsg(UserError, "adjustment"):
                        attempt()
        with self.assertRaisesMsg(UserError, "Use the buttons"):
            skp.write({"state": "draft"})
        with self.assertRaisesMsg(UserError, "Only a first draft can be deleted"):
            skp.unlink()
        self.assertRecordValues(
            skp, [{"state": "set", "job_title": False, "date_end": date(2026, 12, 31)}]
        )
        self.assertEqual(len(skp.behaviour_ids), 7)
        self.assertEqual(rhk.indicator_ids.target_value, 40)

    def _edits(self, user, extra_value, skp, rhk, iki, behaviour, lampiran):
        """Every way of changing an SKP's contents, as ``user``."""
        skp, rhk, iki, behaviour, lampiran = (
            record.with_user(user) for record in (skp, rhk, iki, behaviour, lampiran)
        )
        Rhk = self.env["hr.kinerja.rhk"].with_user(user)
        Lampiran = self.env["hr.kinerja.skp.lampiran"].with_user(user)
        return {
            "skp": lambda: skp.write({"job_title": "Analis"}),
            "skp date_end": lambda: skp.write({"date_end": date(2026, 3, 31)}),
            "skp next_id": lambda: skp.write({"next_id": skp.id}),
            "rhk create": lambda: Rhk.create({"skp_id": skp.id, "name": "Tambahan"}),
            "rhk write": lambda: rhk.write({"name": "Diubah"}),
            "rhk unlink": rhk.unlink,
            "iki create": lambda: iki.copy(),
            "iki write": lambda: iki.write({"target_value": 10}),
            "iki unlink": iki.unlink,
            "behaviour create": lambda: behaviour.copy({"core_value_id": extra_value.id}),
            "behaviour write": lambda: behaviour.write({"special_expectation": "Lebih ramah"}),
            "behaviour unlink": behaviour.unlink,
            "lampiran create": lambda: Lampiran.create(
                {"skp_id": skp.id, "section": "consequence", "description": "Penghargaan"}
            ),
            "lampiran write": lambda: lampiran.write({"description": "Anggaran diklat"}),
            "lampiran unlink": lampiran.unlink,
        }

    # -- adjustment (penyesuaian ekspektasi) ------------------------------------------
    def test_adjustment_is_a_new_revision(self):
        """003 Pasal 14(2) and Pasal 19: the SKP is developed during the year after
        feedback; the evaluator starts a revision with a reason, the set SKP stays in force
        and readable until the revision is set, then it is marked revised."""
        skp = self._skp(self.staff)
        rhk = self._rhk(skp, "Usulan mutasi diverifikasi")
        skp.with_user(self.staff_user).action_agree()
        skp.with_user(self.kasi_user).action_set()
        with self.assertRaises(AccessError):
            self._adjust(skp, self.staff_user)
        with self.assertRaisesMsg(UserError, "Say why"):
            self._adjust(skp, self.kasi_user, reason="   ")
        new = self._adjust(skp, self.kasi_user)
        self.assertRecordValues(
            new,
            [
                {
                    "state": "draft",
                    "revision": 1,
                    "previous_id": skp.id,
                    "origin_id": skp.id,
                    "adjustment_reason": "Umpan balik Maret: target tidak realistis.",
                    "evaluator_id": self.kasi.id,
                    "evaluator_superior_id": self.kabid.id,
                    "name": "SKP Analis Mutasi 2026 (rev. 1)",
                }
            ],
        )
        self.assertEqual(new.rhk_ids.name, rhk.name)
        self.assertNotEqual(new.rhk_ids, rhk)
        self.assertEqual(new.rhk_ids.origin_rhk_id, rhk)
        self.assertEqual(new.rhk_ids.indicator_ids.origin_iki_id, rhk.indicator_ids)
        self.assertEqual(new.rhk_ids.indicator_ids.target_value, 40)
        self.assertEqual(len(new.behaviour_ids), 7)
        # The set SKP stays in force and readable by the employee.
        self.assertEqual(skp.state, "set")
        self.assertEqual(skp.with_user(self.staff_user).read(["state"])[0]["state"], "set")
        with self.assertRaisesMsg(UserError, "already in progress"):
            self._adjust(skp, self.kasi_user)
        with self.assertRaisesMsg(UserError, "Only a set SKP is adjusted"):
            self._adjust(new, self.kasi_user)
        new.rhk_ids.indicator_ids.with_user(self.staff_user).target_value = 30
        new.with_user(self.staff_user).action_agree()
        self.assertEqual(skp.state, "set")
        new.with_user(self.kasi_user).action_set()
        self.assertRecordValues(skp, [{"state": "revised", "next_id": new.id}])
        self.assertEqual(rhk.indicator_ids.target_value, 40)
        self.assertEqual(skp.with_user(self.staff_user).read(["state"])[0]["state"], "revised")
        self.assertEqual(self._adjust(new, self.kasi_user).revision, 2)

    # -- transfer (perpindahan) ---------------------------------------------------------
    @freeze_time("2026-08-15 09:00:00")
    def test_transfer_closes_and_opens_a_new_skp(self):
        """003 section Penetapan SKP 5-6: after a transfer (or a new evaluator) the
        employee sets a new SKP with the new leader; the old one ends the day before."""
        skp = self._set(self.staff, self.kasi_user)
        plt = self.env["hr.employee"].create({"name": "Plt. Kabid Diklat", "asn_type": "pns"})
        self.env["hr.kinerja.delegation"].create(
            {"department_id": self.bidang2.id, "delegate_id": plt.id, "date_from": "2026-08-01"}
        )
        self.staff.department_id = self.bidang2
        wizard = self.env["hr.kinerja.skp.transfer.wizard"].with_user(self.officer)
        values = {"skp_id": skp.id, "date": "2026-07-01", "note": "SK Bupati 821/123"}
        with self.assertRaises(AccessError):
            wizard.with_user(self.kasi_user).create(values)
        with self.assertRaisesMsg(UserError, "must fall after the SKP starts"):
            wizard.create({**values, "date": "2026-01-01"}).action_transfer()
        action = wizard.create(values).action_transfer()
        new = self.env["hr.kinerja.skp"].browse(action["res_id"])
        self.assertRecordValues(
            skp,
            [
                {
                    "state": "closed",
                    "date_end": date(2026, 6, 30),
                    "closed_reason": "Transfer to another position: SK Bupati 821/123",
                }
            ],
        )
        self.assertRecordValues(
            new,
            [
                {
                    "state": "draft",
                    "date_start": date(2026, 7, 1),
                    "date_end": date(2026, 12, 31),
                    "department_id": self.bidang2.id,
                    "evaluator_id": self.kabid2.id,
                    "evaluator_superior_id": self.kadis.id,
                    "origin_id": new.id,
                    "revision": 0,
                }
            ],
        )
        self.assertEqual(len(new.behaviour_ids), 7)
        self.assertEqual(
            self.staff._kinerja_evaluators(date(2026, 8, 15))[self.staff.id][0], plt.id
        )
        with self.assertRaisesMsg(UserError, "Only an active SKP"):
            wizard.create({**values, "skp_id": skp.id}).action_transfer()

    def test_transfer_during_an_adjustment_closes_both(self):
        """A transfer ends the SKP in force and the adjustment in progress alike."""
        skp = self._set(self.staff, self.kasi_user)
        revision = self._adjust(skp, self.kasi_user)
        action = (
            self.env["hr.kinerja.skp.transfer.wizard"]
            .with_user(self.officer)
            .create({"skp_id": skp.id, "date": "2026-09-01"})
            .action_transfer()
        )
        self.assertEqual((skp | revision).mapped("state"), ["closed", "closed"])
        self.assertEqual(revision.date_end, date(2026, 8, 31))
        self.assertEqual(self.env["hr.kinerja.skp"].browse(action["res_id"]).state, "draft")

    def test_skp_opened_mid_year_gets_its_own_window(self):
        """003 section Penetapan SKP 3 dates the initial planning (end of January); an
        SKP opened by a transfer gets the same window from its start, so it is not
        overdue the day it opens."""
        skp = self._set(self.staff, self.kasi_user)
        self.assertEqual(skp.date_deadline, date(2026, 1, 31))
        new = skp._close_for_transfer(date(2026, 7, 1), "Mutasi")
        self.assertEqual(new.date_deadline, date(2026, 7, 31))
        with freeze_time("2026-07-02"):
            new.invalidate_recordset(["is_overdue"])
            self.assertFalse(new.is_overdue)
            self.assertNotIn(new, self.env["hr.kinerja.skp"].search([("is_overdue", "=", True)]))
        with freeze_time("2026-08-01"):
            new.invalidate_recordset(["is_overdue"])
            self.assertTrue(new.is_overdue)

    # -- study leave (tugas belajar) -----------------------------------------------------
    def test_study_leave_targets(self):
        """003 section Penyusunan SKP tugas belajar 2, 5 and 7: the results of an employee
        on study leave are an IPK target, guided by the accreditation bands, and a
        graduation target."""
        self.colleague.tugas_belajar = True
        skp = self._skp(self.colleague)
        self.assertTrue(skp.tugas_belajar)
        agree = skp.with_user(self.colleague_user).action_agree
        with self.assertRaisesMsg(UserError, "needs the study level, an IPK target"):
            agree()
        skp.with_user(self.colleague_user).write(
            {
                "study_level": "s1",
                "study_location": "domestic",
                "university_accreditation": "A",
                "programme_accreditation": "B",
                "ipk_target": 3.60,
            }
        )
        self.assertEqual(skp.ipk_target_predicate, "Sangat Baik")
        self.assertEqual(
            skp.ipk_bands, "Sangat Baik >= 3.51 / Baik >= 3.01 / Butuh Perbaikan >= 2.76"
        )
        skp.university_accreditation = "B"
        self.assertEqual(skp.ipk_target_predicate, "Baik")
        skp.ipk_target = 3.61
        self.assertEqual(skp.ipk_target_predicate, "Sangat Baik")
        skp.write({"university_accreditation": "C", "programme_accreditation": "C"})
        self.assertFalse(skp.ipk_target_predicate)
        self.assertIn("at least B", skp.ipk_bands)
        skp.write({"study_level": "s2", "ipk_target": 3.10})
        self.assertEqual(skp.ipk_target_predicate, "Butuh Perbaikan")
        with self.assertRaisesMsg(ValidationError, "between 0.00 and 4.00"):
            skp.ipk_target = 4.5
        self.assertEqual(skp.ipk_target, 3.10)
        with self.assertRaisesMsg(UserError, "graduation target"):
            agree()
        skp.graduation_target = "on_time"
        agree()
        skp.with_user(self.kasi_user).action_set()
        self.assertEqual(skp.state, "set")
        self.assertFalse(skp.rhk_ids)

    # -- matrix (Format A.1.5) ---------------------------------------------------------
    def _matrix(self, skp):
        skp.invalidate_recordset(["matrix_html", "matrix_gap_count", "subordinate_skp_ids"])
        return skp.matrix_gap_count, skp.matrix_html

    def test_role_matrix_gaps_and_revisions(self):
        """003 Format A.1.5 and section B.3.a.1.e: the leader's indicators across, the
        subordinates' roles down; an indicator nobody supports and a result plan that
        supports nothing are gaps. The links hold when the leader adjusts the SKP."""
        leader = self._skp(self.kasi)
        mutasi = self._rhk(
            leader,
            "Mutasi tertib",
            indicators=[
                {"name": "Jumlah SK mutasi", "target_value": 40, "target_unit": "SK"},
                {
                    "name": "Waktu proses",
                    "target_value": 5,
                    "target_unit": "hari",
                    "aspect": "waktu",
                },
            ],
        )
        self._rhk(
            leader,
            "Arsip tertata",
            indicators=[{"name": "Arsip digital", "target_value": 100, "target_unit": "persen"}],
        )
        staff = self._skp(self.staff)
        self._rhk(staff, "Usulan mutasi diverifikasi", parent=mutasi)
        self._rhk(staff, "Rapat koordinasi", indicators=[QUANTITATIVE])
        colleague = self._skp(self.colleague)
        gaps, html = self._matrix(leader)
        self.assertEqual(gaps, 2)
        self.assertEqual(leader.subordinate_skp_ids, staff | colleague)
        self.assertIn("Indicator not supported by any subordinate: Arsip digital", html)
        self.assertIn("Analis Mutasi: result plan supporting none of these indicators", html)
        self.assertIn("Rapat koordinasi", html)
        self.assertEqual(html.count("Usulan mutasi diverifikasi"), 2)  # both IKI of Mutasi
        self.assertIn("Pengadministrasi Mutasi", html)
        self.assertEqual(html.count("No role"), 3 + 1)  # colleague's row, staff's Arsip cell
        self.assertFalse(staff.subordinate_skp_ids)

        leader.with_user(self.kasi_user).action_agree()
        leader.with_user(self.kabid_user).action_set()
        revision = self._adjust(leader, self.kabid_user)
        gaps, html = self._matrix(revision)
        self.assertEqual(gaps, 2)
        self.assertEqual(html.count("Usulan mutasi diverifikasi"), 2)
        self.assertNotIn("Indicator not supported by any subordinate: Jumlah SK mutasi", html)
        self.assertEqual(self._matrix(leader)[0], 2)

    # -- deadline (003 section Penetapan SKP 3-4) --------------------------------------
    def test_deadline_todo_before_the_deadline(self):
        """003 section Penetapan SKP 3: the evaluator sets the SKP by the end of January -
        one to-do per SKP, whatever the number of runs."""
        with freeze_time(BEFORE_DEADLINE):
            skp = self._agreed(self.staff)
            Skp = self.env["hr.kinerja.skp"]
            Skp._cron_skp_deadline()
            Skp._cron_skp_deadline()
        todo = self._activities(skp, "mail_activity_type_skp_set")
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.kasi_user)
        self.assertEqual(todo.date_deadline, date(2026, 1, 31))
        self.assertFalse(self._activities(skp, "mail_activity_type_skp_overdue"))

    def test_deadline_escalates_to_the_superior(self):
        """003 section Penetapan SKP 4: after the end of January the employee turns to the
        evaluator's superior, who gets a to-do; setting the SKP closes the to-dos."""
        with freeze_time(AFTER_DEADLINE):
            skp = self._agreed(self.staff)
            self.env["hr.kinerja.skp"]._cron_skp_deadline()
            self.env["hr.kinerja.skp"]._cron_skp_deadline()
            late = self._activities(skp, "mail_activity_type_skp_overdue")
            self.assertEqual(late.user_id, self.kabid_user)
            self.assertEqual(late.date_deadline, date(2026, 2, 10))
            self.assertEqual(late.summary, late.activity_type_id.summary)
            self.assertEqual(
                self._activities(skp, "mail_activity_type_skp_set").user_id, self.kasi_user
            )
            skp.with_user(self.kasi_user).action_set()
        self.assertFalse(self._activities(skp, "mail_activity_type_skp_set"))
        self.assertFalse(self._activities(skp, "mail_activity_type_skp_overdue"))
        done = self.env["mail.message"].search(
            [("model", "=", "hr.kinerja.skp"), ("res_id", "=", skp.id)]
        )
        self.assertEqual(
            done.mail_activity_type_id,
            self.env.ref("hr_kinerja_asn.mail_activity_type_skp_set")
            | self.env.ref("hr_kinerja_asn.mail_activity_type_skp_overdue"),
        )
        self.env["hr.kinerja.skp"]._cron_skp_deadline()
        self.assertFalse(skp.activity_ids)

    # -- bulk creation ------------------------------------------------------------------
    def _bulk(self, unit, user=None, **values):
        wizard = (
            self.env["hr.kinerja.skp.bulk.wizard"]
            .with_user(user or self.officer)
            .create({"year_id": self.year.id, "department_id": unit.id, **values})
        )
        return wizard, wizard.action_create

    def test_bulk_creates_drafts_for_eligible_employees(self):
        """003 section Penetapan SKP 7: the SKPs of a unit and its sub-units in one go, for
        civil servants whose status does not suspend planning, once."""
        Employee = self.env["hr.employee"]
        suspended = Employee.create(
            {"name": "Pegawai MPP", "asn_type": "pns", "kinerja_status": "mpp"}
        )
        contract = Employee.create({"name": "Tenaga Honorer"})
        (suspended | contract).department_id = self.seksi
        already = self._skp(self.colleague)
        wizard, create = self._bulk(self.bidang)
        self.assertEqual(wizard.employee_ids, self.kabid | self.kasi | self.staff)
        skps = self.env["hr.kinerja.skp"].search(create()["domain"])
        self.assertEqual(skps.employee_id, self.kabid | self.kasi | self.staff)
        self.assertEqual(set(skps.mapped("state")), {"draft"})
        self.assertEqual(
            skps.filtered(lambda s: s.employee_id == self.staff).evaluator_id, self.kasi
        )
        self.assertEqual(already.state, "draft")
        _wizard, create_again = self._bulk(self.bidang)
        with self.assertRaisesMsg(UserError, "already has an SKP for 2026"):
            create_again()
        only_unit, create_unit = self._bulk(self.dinas, include_children=False)
        self.assertEqual(only_unit.employee_ids, self.kadis)
        create_unit()
        self.assertEqual(
            self.env["hr.kinerja.skp"].search_count([("employee_id", "=", self.staff.id)]), 1
        )

    def test_bulk_copies_last_years_plans(self):
        """003 Pasal 14(2) and Pasal 8(1): last year's result plans and indicators as the
        starting point of this year's dialogue; the links to the leader's plans are
        chosen again."""
        kasi_2025 = self._rhk(self._skp(self.kasi, year=self.year_2025), "Mutasi 2025")
        last = self._skp(self.staff, year=self.year_2025)
        self._rhk(
            last,
            "Usulan mutasi diverifikasi",
            parent=kasi_2025,
            indicators=[
                QUANTITATIVE,
                {
                    "name": "Waktu proses",
                    "target_value": 3,
                    "target_unit": "hari",
                    "aspect": "waktu",
                },
            ],
        )
        self._rhk(last, "Membantu kepanitiaan", kind="tambahan", indicators=[QUANTITATIVE])
        last.action_agree()
        last.with_user(self.kasi_user).action_set()
        _wizard, create = self._bulk(self.seksi, copy_previous=True)
        skps = self.env["hr.kinerja.skp"].search(create()["domain"])
        new = skps.filtered(lambda s: s.employee_id == self.staff)
        self.assertEqual(len(skps), 3)
        self.assertEqual(new.year_id, self.year)
        self.assertEqual(
            new.rhk_ids.mapped(lambda r: (r.kind, r.name)),
            [("utama", "Usulan mutasi diverifikasi"), ("tambahan", "Membantu kepanitiaan")],
        )
        self.assertFalse(new.rhk_ids.parent_rhk_id)
        indicators = new.rhk_ids[0].indicator_ids
        self.assertEqual(
            indicators.mapped(lambda i: (i.name, i.target_value, i.target_unit, i.less_is_better)),
            [("Jumlah SK mutasi", 40, "SK", False), ("Waktu proses", 3, "hari", True)],
        )
        self.assertEqual(last.rhk_ids.indicator_ids.skp_id, last)
        self.assertFalse(skps.filtered(lambda s: s.employee_id != self.staff).rhk_ids)
