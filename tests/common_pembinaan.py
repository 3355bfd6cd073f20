from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from .common import KinerjaCase

NOV_10 = date(2026, 11, 10)
NOV_12 = date(2026, 11, 12)


class PembinaanCase(KinerjaCase):
    """An agency for performance development (003 section Pembinaan kinerja 4-5): a
    section (kasi, the evaluator of an analyst and of the analyst's colleague) under
    a division (kabid, the evaluator's superior); HR officers of this agency and of
    another one, an HR manager, a member of the counselling group and a counsellor
    without any HR right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_b = cls.env["res.company"].create({"name": "Kabupaten Sebelah"})
        cls.year = cls._open_year(cls._calendar(), "kutai_kartanegara", "monthly")
        cls.october = cls._period(cls.year, "month", 10)
        cls.november = cls._period(cls.year, "month", 11)

        def user(login, group="base.group_user", **values):
            return new_test_user(cls.env, login, groups=group, **values)

        cls.staff_user = user("pb_staff")
        cls.colleague_user = user("pb_colleague")
        cls.kasi_user = user("pb_kasi")
        cls.kabid_user = user("pb_kabid")
        cls.counsellor_user = user("pb_counsellor")
        cls.officer = user("pb_officer", "hr_kinerja_asn.group_kinerja_officer")
        cls.manager = user("pb_manager", "hr_kinerja_asn.group_kinerja_manager")
        cls.counselling_user = user(
            "pb_counselling", "base.group_user,hr_kinerja_asn.group_kinerja_counselling"
        )
        cls.officer_b = user(
            "pb_officer_b",
            "hr_kinerja_asn.group_kinerja_officer",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.counselling_b = user(
            "pb_counselling_b",
            "base.group_user,hr_kinerja_asn.group_kinerja_counselling",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        Unit = cls.env["hr.department"]
        cls.bidang = Unit.create({"name": "Bidang Pengembangan", "kinerja_level": "administrator"})
        cls.seksi = Unit.create(
            {"name": "Seksi Diklat", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        cls.kabid, cls.kasi, cls.staff, cls.colleague = cls.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "user_id": account.id,
                    "department_id": unit.id,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                }
                for name, account, unit, jabatan in (
                    ("Kepala Bidang", cls.kabid_user, cls.bidang, "administrator"),
                    ("Kepala Seksi", cls.kasi_user, cls.seksi, "pengawas"),
                    ("Analis Diklat", cls.staff_user, cls.seksi, "pelaksana"),
                    ("Pengelola Diklat", cls.colleague_user, cls.seksi, "pelaksana"),
                )
            ]
        )
        cls.bidang.manager_id = cls.kabid
        cls.seksi.manager_id = cls.kasi

    # -- helpers ------------------------------------------------------------------
    def _coaching(self, user=None, **values):
        """A coaching of the analyst by their evaluator, with a goal and a way
        forward, in November 2026."""
        values = {
            "employee_id": self.staff.id,
            "date": NOV_10,
            "goal_line_ids": [
                Command.create(
                    {"part": "goal", "indicator": "Jumlah peserta diklat", "target": "120"}
                )
            ],
            "way_forward_line_ids": [
                Command.create(
                    {
                        "part": "way_forward",
                        "indicator": "Jumlah peserta diklat",
                        "strategy": "Undangan dikirim dua minggu lebih awal",
                    }
                )
            ],
            **values,
        }
        Coaching = self.env["hr.kinerja.coaching"].with_user(user or self.kasi_user)
        return Coaching.create(values).with_env(self.env)

    def _mentoring(self, user=None, **values):
        values = {
            "employee_id": self.staff.id,
            "date": NOV_10,
            "goal": "Menyusun kurikulum diklat teknis",
            "skill": "Analisis kebutuhan diklat",
            **values,
        }
        Mentoring = self.env["hr.kinerja.mentoring"].with_user(user or self.kasi_user)
        return Mentoring.create(values).with_env(self.env)

    def _signed_coaching(self):
        coaching = self._coaching()
        coaching.with_user(self.kasi_user).action_sign()
        return coaching
