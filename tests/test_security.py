from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase

PNS_NIP = "198001012005011001"


@tagged("post_install", "-at_install")
class TestSecurity(KinerjaCase):
    """Who may do what (DOMAIN section 1): employees read, HR officers run the cycle of
    their own agency, HR managers configure it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Kabupaten Sumedang"})
        cls.user = new_test_user(cls.env, "kin_pegawai", groups="base.group_user")
        cls.officer = new_test_user(
            cls.env, "kin_officer_a", groups="hr_kinerja_asn.group_kinerja_officer"
        )
        cls.manager = new_test_user(
            cls.env, "kin_manager_a", groups="hr_kinerja_asn.group_kinerja_manager"
        )
        cls.officer_b = new_test_user(
            cls.env,
            "kin_officer_b",
            groups="hr_kinerja_asn.group_kinerja_officer",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.my_unit, cls.other_unit = cls.env["hr.department"].create(
            [{"name": "Bidang Mutasi"}, {"name": "Bidang Diklat"}]
        )
        cls.me, cls.colleague, cls.boss, cls.stranger = cls.env["hr.employee"].create(
            [
                {
                    "name": "Pegawai",
                    "user_id": cls.user.id,
                    "department_id": cls.my_unit.id,
                    "asn_type": "pns",
                    "nip": PNS_NIP,
                },
                {"name": "Rekan", "department_id": cls.my_unit.id},
                {"name": "Atasan", "department_id": cls.other_unit.id},
                {"name": "Orang Lain", "department_id": cls.other_unit.id},
            ]
        )
        Delegation = cls.env["hr.kinerja.delegation"]
        cls.as_delegate = Delegation.create(
            {
                "scope": "employee",
                "kind": "other",
                "employee_id": cls.stranger.id,
                "delegate_id": cls.me.id,
                "date_from": date(2026, 1, 1),
            }
        )
        cls.as_employee = Delegation.create(
            {
                "scope": "employee",
                "kind": "other",
                "employee_id": cls.me.id,
                "delegate_id": cls.boss.id,
                "date_from": date(2026, 1, 1),
            }
        )
        cls.of_my_unit = Delegation.create(
            {"department_id": cls.my_unit.id, "delegate_id": cls.boss.id, "date_from": "2026-01-01"}
        )
        cls.unrelated = Delegation.create(
            {
                "department_id": cls.other_unit.id,
                "delegate_id": cls.colleague.id,
                "date_from": date(2026, 1, 1),
            }
        )
        cls.year = cls._open_year(cls._calendar(), "kutai_kartanegara", "monthly")
        cls.january = cls._period(cls.year, "month", 1)
        cls.february = cls._period(cls.year, "month", 2)
        cls.january.action_lock()
        cls._reopen_as(cls.officer, cls.january)
        cls.january.action_lock()

    @classmethod
    def _reopen_as(cls, user, periods):
        return (
            cls.env["hr.kinerja.period.reopen.wizard"]
            .with_user(user)
            .create(
                {
                    "period_ids": [Command.set(periods.ids)],
                    "reason": "Koreksi nilai SKP.",
                    "reopen_until": date(2099, 12, 31),
                }
            )
            .action_reopen()
        )

    def test_employee_cannot_configure_the_cycle(self):
        """Years, periods, delegations, presets and grades are HR's."""
        env = self.env(user=self.user)
        preset = self._preset("sumedang").with_user(self.user)
        attempts = {
            "create year": lambda: env["hr.kinerja.year"].create(
                {"year": 2027, "preset_id": preset.id}
            ),
            "write year": lambda: self.year.with_user(self.user).write({"state": "closed"}),
            "create period": lambda: env["hr.kinerja.period"].create(
                {
                    "year_id": self.year.id,
                    "name": "Extra",
                    "kind": "month",
                    "date_start": "2026-01-01",
                    "date_end": "2026-01-31",
                }
            ),
            "write period": lambda: self.february.with_user(self.user).write(
                {"date_evaluation": "2026-03-31"}
            ),
            "create delegation": lambda: env["hr.kinerja.delegation"].create(
                {
                    "department_id": self.my_unit.id,
                    "delegate_id": self.me.id,
                    "date_from": "2027-01-01",
                }
            ),
            "write delegation": lambda: self.of_my_unit.with_user(self.user).write(
                {"delegate_id": self.me.id}
            ),
            "create preset": lambda: env["hr.kinerja.preset"].create(
                {"name": "Versi Sendiri", "code": "sendiri"}
            ),
            "write preset": lambda: preset.write({"monthly_day": 1}),
            "create grade": lambda: env["hr.kinerja.pangkat"].create(
                {"name": "Pembina Agung", "code": "V/a", "asn_type": "pns"}
            ),
            "write grade": lambda: (
                self.env.ref("hr_kinerja_asn.pangkat_pns_iii_a")
                .with_user(self.user)
                .write({"name": "Penata Muda Sekali"})
            ),
        }
        for label, attempt in attempts.items():
            with self.subTest(label), self.assertRaises(AccessError):
                attempt()
        # ... but reads the performance calendar.
        self.assertEqual(
            env["hr.kinerja.period"].search_count([("year_id", "=", self.year.id)]), 13
        )

    def test_employee_cannot_change_nip(self):
        """The NIP is master data kept by HR; an employee cannot rewrite their own."""
        with self.assertRaises(AccessError):
            self.me.with_user(self.user).write({"nip": "198001012005011002"})
        self.assertEqual(self.me.nip, PNS_NIP)

    def test_employee_reads_nip_on_public_profile(self):
        """Colleagues and evaluators see NIP, ASN type and grade without HR rights."""
        public = self.env["hr.employee.public"].with_user(self.user).browse(self.me.id)
        self.assertEqual(public.nip, PNS_NIP)
        self.assertEqual(public.asn_type, "pns")

    def test_employee_reads_only_delegations_concerning_them(self):
        """As delegate, as the employee evaluated, or for their own unit."""
        visible = self.env["hr.kinerja.delegation"].with_user(self.user).search([])
        self.assertEqual(visible, self.as_delegate | self.as_employee | self.of_my_unit)
        with self.assertRaises(AccessError):
            self.unrelated.with_user(self.user).read(["delegate_id"])
        officer_sees = self.env["hr.kinerja.delegation"].with_user(self.officer).search([])
        self.assertIn(self.unrelated, officer_sees)

    def test_other_agency_sees_nothing_of_ours(self):
        """Multi-company: an officer of agency B sees none of agency A's cycle."""
        env_b = self.env(
            user=self.officer_b,
            context=dict(self.env.context, allowed_company_ids=self.company_b.ids),
        )
        for model in (
            "hr.kinerja.year",
            "hr.kinerja.period",
            "hr.kinerja.period.reopen",
            "hr.kinerja.delegation",
        ):
            with self.subTest(model):
                self.assertTrue(self.env[model].search([("company_id", "=", self.company_a.id)]))
                self.assertFalse(env_b[model].search([]))
        cells = env_b["hr.kinerja.org.quadrant"].search([])
        self.assertEqual(len(cells), 9)
        self.assertEqual(cells.company_id, self.company_b)
        with self.assertRaises(AccessError):
            self.year.with_env(env_b).read(["name"])

    def test_employee_cannot_reopen(self):
        """Reopening a locked period is for HR officers (001 item 7)."""
        with self.assertRaises(AccessError):
            self._reopen_as(self.user, self.january)
        self.assertEqual(self.january.state, "locked")

    def test_officer_reopens_but_cannot_close(self):
        self._reopen_as(self.officer, self.january)
        self.assertEqual(self.january.state, "reopened")
        self.assertEqual(self.january.reopen_ids[:1].user_id, self.officer)
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "Only an HR manager can close"):
            self.january.with_user(self.officer).action_close()
        self.january.with_user(self.manager).action_close()
        self.assertEqual(self.january.state, "closed")

    def test_only_manager_configures_quadrant_and_presets(self):
        """002 D.4.e: the agency's quadrant and its deadline presets are an HR manager's."""
        cell = self.env["hr.kinerja.org.quadrant"].search(
            [("company_id", "=", self.company_a.id)], limit=1
        )
        preset = self._preset("sumedang")
        with self.assertRaises(AccessError):
            cell.with_user(self.officer).write({"achievement": "kurang"})
        with self.assertRaises(AccessError):
            preset.with_user(self.officer).write({"monthly_day": 10})
        cell.with_user(self.manager).write({"achievement": "kurang"})
        preset.with_user(self.manager).write({"monthly_day": 10})
        self.assertEqual(cell.achievement, "kurang")
        self.assertEqual(preset.monthly_day, 10)
