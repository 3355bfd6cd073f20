from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from .common import KinerjaCase

QUANTITY = {"name": "Jumlah SK mutasi", "target_value": 100, "target_unit": "dokumen"}
TIME = {
    "name": "Waktu penyelesaian SK",
    "aspect": "waktu",
    "target_value": 5,
    "target_unit": "hari",
}
QUALITY = {
    "name": "Nilai survei kepuasan",
    "aspect": "kualitas",
    "target_value": 80,
    "target_unit": "indeks",
}
COST = {"name": "Biaya cetak SK", "aspect": "biaya", "target_value": 10, "target_unit": "juta"}


class KinerjaMonitoringCase(KinerjaCase):
    """An agency with a set SKP in force, for what happens during the year (003 Pasal
    15-19; 000 V.6-8, VI): a section (kasi, with an analyst, a colleague of the
    analyst's, an archivist and a messenger without a user account) under a division
    (kabid), HR officers of this agency and of another one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_b = cls.env["res.company"].create({"name": "Kabupaten Tetangga"})
        cls.year = cls._open_year(cls._calendar(), "kutai_kartanegara", "monthly")
        cls.january, cls.february, cls.march = (
            cls._period(cls.year, "month", n) for n in (1, 2, 3)
        )

        def user(login, group="base.group_user", **values):
            return new_test_user(cls.env, login, groups=group, **values)

        cls.staff_user = user("mon_staff")
        cls.colleague_user = user("mon_colleague")
        cls.archivist_user = user("mon_archivist")
        cls.kasi_user = user("mon_kasi")
        cls.kabid_user = user("mon_kabid")
        cls.officer = user("mon_officer", "hr_kinerja_asn.group_kinerja_officer")
        cls.officer_b = user(
            "mon_officer_b",
            "hr_kinerja_asn.group_kinerja_officer",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        Unit = cls.env["hr.department"]
        cls.bidang = Unit.create({"name": "Bidang Mutasi", "kinerja_level": "administrator"})
        cls.seksi = Unit.create(
            {"name": "Seksi Mutasi", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        people = cls.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "user_id": account.id if account else False,
                    "department_id": unit.id,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                }
                for name, account, unit, jabatan in (
                    ("Kepala Bidang Mutasi", cls.kabid_user, cls.bidang, "administrator"),
                    ("Kepala Seksi Mutasi", cls.kasi_user, cls.seksi, "pengawas"),
                    ("Analis Mutasi", cls.staff_user, cls.seksi, "pelaksana"),
                    ("Pengadministrasi Mutasi", cls.colleague_user, cls.seksi, "pelaksana"),
                    ("Arsiparis", cls.archivist_user, cls.seksi, "pelaksana"),
                    ("Pramu Bakti", None, cls.seksi, "pelaksana"),
                )
            ]
        )
        cls.kabid, cls.kasi, cls.staff, cls.colleague, cls.archivist, cls.messenger = people
        cls.bidang.manager_id = cls.kabid
        cls.seksi.manager_id = cls.kasi

        cls.staff_skp = cls._set_skp(
            cls.staff, "Layanan mutasi tepat waktu", (QUANTITY, TIME, QUALITY, COST)
        )
        cls.staff_rhk = cls.staff_skp.rhk_ids
        cls.quantity, cls.time, cls.quality, cls.cost = cls.staff_rhk.indicator_ids
        cls.kasi_skp = cls._set_skp(cls.kasi, "Mutasi pegawai tertib", (QUANTITY,), cls.kabid_user)
        cls.kasi_rhk = cls.kasi_skp.rhk_ids

    @classmethod
    def _skp(cls, employee, name, indicators, **values):
        skp = cls.env["hr.kinerja.skp"].create(
            {"employee_id": employee.id, "year_id": cls.year.id, **values}
        )
        cls.env["hr.kinerja.rhk"].create(
            {
                "skp_id": skp.id,
                "name": name,
                "indicator_ids": [Command.create(dict(indicator)) for indicator in indicators],
            }
        )
        return skp

    @classmethod
    def _set_skp(cls, employee, name, indicators, evaluator_user=None, **values):
        """An SKP signed by the employee and set by the evaluator (003 Pasal 14(3))."""
        skp = cls._skp(employee, name, indicators, **values)
        skp.with_user(employee.user_id).action_agree()
        skp.with_user(evaluator_user or cls.kasi_user).action_set()
        return skp

    def _reopen(self, period, user=None):
        """An HR officer reopens a locked period with a reason (001 item 7)."""
        self.env["hr.kinerja.period.reopen.wizard"].with_user(user or self.officer).create(
            {
                "period_ids": [Command.set(period.ids)],
                "reason": "Bukti dukung yang terlambat diunggah.",
                "reopen_until": date(2099, 12, 31),
            }
        ).action_reopen()

    def _env_b(self):
        """The HR officer of another agency, working in that agency."""
        return self.env(
            user=self.officer_b,
            context=dict(self.env.context, allowed_company_ids=self.company_b.ids),
        )
