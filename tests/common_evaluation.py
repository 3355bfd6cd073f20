from odoo import Command
from odoo.tests import new_test_user

from .common import KinerjaCase


class KinerjaEvaluationCase(KinerjaCase):
    """An agency in 2027 (every deadline still ahead, time is frozen where a test
    needs it to pass): a badan (kaban) > bidang (kabid) > seksi (kasi) with six
    staff, one of them a JF Ahli Pertama and one on study leave; set SKPs for all
    but the kaban, whom the regional head evaluates."""

    YEAR = 2027
    PRESET = "kutai_kartanegara"
    PERIOD_TYPE = "monthly"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_b = cls.env["res.company"].create({"name": "Kabupaten Tetangga"})
        cls.year = cls._open_year(cls._calendar(), cls.PRESET, cls.PERIOD_TYPE, year=cls.YEAR)

        def user(login, group="base.group_user", **values):
            return new_test_user(cls.env, login, groups=group, **values)

        cls.kaban_user = user("ev_kaban")
        cls.kabid_user = user("ev_kabid")
        cls.kasi_user = user("ev_kasi")
        cls.staff_users = [user(f"ev_staff{i}") for i in range(3)]
        cls.officer = user("ev_officer", "hr_kinerja_asn.group_kinerja_officer")
        cls.officer_b = user(
            "ev_officer_b",
            "hr_kinerja_asn.group_kinerja_officer",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        Unit = cls.env["hr.department"]
        cls.badan = Unit.create({"name": "Badan Kepegawaian", "kinerja_level": "ppt_pratama"})
        cls.bidang = Unit.create(
            {
                "name": "Bidang Penilaian",
                "parent_id": cls.badan.id,
                "kinerja_level": "administrator",
            }
        )
        cls.seksi = Unit.create(
            {"name": "Seksi Kinerja", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        cls.seksi_2 = Unit.create(
            {"name": "Seksi Disiplin", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        Employee = cls.env["hr.employee"]
        cls.kaban, cls.kabid, cls.kasi = Employee.create(
            [
                {
                    "name": name,
                    "user_id": account.id,
                    "department_id": unit.id,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                }
                for name, account, unit, jabatan in (
                    ("Kepala Badan", cls.kaban_user, cls.badan, "jpt_pratama"),
                    ("Kepala Bidang Penilaian", cls.kabid_user, cls.bidang, "administrator"),
                    ("Kepala Seksi Kinerja", cls.kasi_user, cls.seksi, "pengawas"),
                )
            ]
        )
        cls.badan.manager_id = cls.kaban
        cls.bidang.manager_id = cls.kabid
        cls.seksi.manager_id = cls.kasi
        cls.seksi_2.manager_id = Employee.create(
            {"name": "Kepala Seksi Disiplin", "department_id": cls.seksi_2.id}
        )
        staff_values = [
            {"name": f"Staf Kinerja {i + 1}", "jabatan_type": "pelaksana"} for i in range(6)
        ]
        for values, account in zip(staff_values, cls.staff_users, strict=False):
            values["user_id"] = account.id
        staff_values[3].update(jabatan_type="fungsional", jf_jenjang="ahli_pertama")
        cls.staff = Employee.create(
            [dict(v, department_id=cls.seksi.id, asn_type="pns") for v in staff_values]
        )
        cls.study = cls.staff[5]
        cls.jf = cls.staff[3]
        skps = cls._set_skps(cls.kabid | cls.kasi | cls.staff)
        cls.skp_of = {skp.employee_id: skp for skp in skps}
        cls.january = cls._period(cls.year, "month", 1)
        cls.annual = cls._period(cls.year, "annual", 0)

    @classmethod
    def _set_skps(cls, employees, **values):
        """Set SKPs with one RHK and one quantitative indicator each: the workflow
        of planning is tested elsewhere, here they only need to be in force."""
        skps = cls.env["hr.kinerja.skp"].create(
            [
                {
                    "employee_id": employee.id,
                    "year_id": cls.year.id,
                    "approach": "quantitative",
                    **values,
                }
                for employee in employees
            ]
        )
        cls.env["hr.kinerja.rhk"].create(
            [
                {
                    "skp_id": skp.id,
                    "name": f"Penilaian kinerja tertib ({skp.employee_id.name})",
                    "indicator_ids": [
                        Command.create(
                            {"name": "Dokumen penilaian", "target_value": 12, "target_unit": "dok"}
                        )
                    ],
                }
                for skp in skps
            ]
        )
        skps.filtered(lambda s: s.employee_id == getattr(cls, "study", None)).write(
            {"tugas_belajar": True, "study_level": "s2", "study_location": "domestic"}
        )
        skps._transition({"state": "set"})
        return skps

    @classmethod
    def _january_realisations(cls):
        """January realisations against 12 documents a year (trajectory: 1 by January):
        contributions 200%, 150%, 120%, 100%, 90%; the student has none."""
        for employee, value in zip(cls.staff, (2, 1.5, 1.2, 1.0, 0.9), strict=False):
            cls.env["hr.kinerja.realisasi"].create(
                {
                    "iki_id": cls.skp_of[employee].rhk_ids.indicator_ids.id,
                    "period_id": cls.january.id,
                    "value": value,
                }
            )

    # -- helpers -------------------------------------------------------------------
    def _generate(self, period=None):
        return (
            self.env["hr.kinerja.evaluation"]
            .with_user(self.officer)
            ._generate(period or self.january)
        )

    def _achieve(self, unit, value, period=None, user=None):
        """The leader of the unit above sets the unit's achievement."""
        user = user or unit.kinerja_parent_id.manager_id.user_id
        return (
            self.env["hr.kinerja.org.achievement"]
            .with_user(user)
            .create(
                {"department_id": unit.id, "period_id": (period or self.january).id, "value": value}
            )
        )

    def _rate(self, evaluation, results, behaviour, user=None, done=True):
        user = user or evaluation.evaluator_id.user_id
        evaluation = evaluation.with_user(user)
        evaluation.write({"result_rating": results, "behaviour_rating": behaviour})
        if done:
            evaluation.action_done()
        return evaluation

    def _of(self, evaluations, employee):
        return evaluations.filtered(lambda e: e.employee_id == employee)
