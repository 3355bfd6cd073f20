from odoo.tests import tagged

from .common_monitoring import KinerjaMonitoringCase

TEAM_MENUS = ("hr_kinerja_skp_menu_team", "hr_kinerja_rhk_monitoring_menu")
LEADER_MENUS = ("hr_kinerja_org_achievement_wizard_menu", "hr_kinerja_distribution_menu")
FUNCTIONAL_MENUS = ("hr_kinerja_angka_kredit_menu",)
COUNSELLING_MENUS = ("hr_kinerja_counselling_menu", "hr_kinerja_counselling_session_menu")


@tagged("post_install", "-at_install")
class TestRoleMenus(KinerjaMonitoringCase):
    """Menus by role (issue 15): the evaluator, unit leader and functional position
    groups are computed from the data, and each person sees the menus of their roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.users"]._kinerja_sync_role_groups()

    def _sees(self, user, xmlid):
        self.env.invalidate_all()
        menu = self.env.ref(f"hr_kinerja_asn.{xmlid}")
        return menu.id in self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def assertSees(self, user, xmlids, sees=True):
        for xmlid in xmlids:
            self.assertEqual(self._sees(user, xmlid), sees, f"{user.login} {xmlid}")

    def test_employee_without_subordinates_sees_no_team_menus(self):
        self.assertSees(self.staff_user, TEAM_MENUS + LEADER_MENUS + FUNCTIONAL_MENUS, False)
        self.assertSees(self.staff_user, COUNSELLING_MENUS, False)
        # her own work stays (the app also opens on her sheet: the landing page)
        self.assertSees(
            self.staff_user,
            (
                "hr_kinerja_skp_menu_mine",
                "hr_kinerja_my_work_menu",
                "hr_kinerja_realisasi_menu_sheet",
            ),
        )

    def test_evaluator_and_leader_see_team_and_unit_menus(self):
        self.assertSees(self.kasi_user, TEAM_MENUS + LEADER_MENUS)
        self.assertSees(self.kasi_user, FUNCTIONAL_MENUS, False)

    def test_officer_keeps_everything(self):
        self.assertSees(self.officer, TEAM_MENUS + LEADER_MENUS + FUNCTIONAL_MENUS)

    def test_functional_position_sees_credit_points(self):
        self.staff.write({"jabatan_type": "fungsional", "jf_jenjang": "ahli_pertama"})
        self.env["res.users"]._kinerja_sync_role_groups()
        self.assertSees(self.staff_user, FUNCTIONAL_MENUS)
        self.assertSees(self.staff_user, TEAM_MENUS, False)

    def test_groups_follow_a_new_manager(self):
        evaluator = self.env.ref("hr_kinerja_asn.group_kinerja_role_evaluator")
        leader = self.env.ref("hr_kinerja_asn.group_kinerja_role_leader")
        self.assertNotIn(self.staff_user, leader.users)
        self.seksi.manager_id = self.staff
        self.env["res.users"]._kinerja_sync_role_groups()  # the daily job
        self.assertIn(self.staff_user, leader.users)
        self.assertIn(self.staff_user, evaluator.users)
        self.assertSees(self.staff_user, TEAM_MENUS + LEADER_MENUS)
        # the former leader of the section still evaluates the SKPs they set this year
        self.assertIn(self.kasi_user, evaluator.users)

    def test_groups_follow_a_change_of_evaluator(self):
        evaluator = self.env.ref("hr_kinerja_asn.group_kinerja_role_evaluator")
        self.assertNotIn(self.colleague_user, evaluator.users)
        self.env["hr.kinerja.delegation"].with_user(self.officer).create(
            {
                "scope": "employee",
                "kind": "other",
                "employee_id": self.archivist.id,
                "delegate_id": self.colleague.id,
                "date_from": "2000-01-01",
                "date_to": "2099-12-31",
            }
        )
        self.env["res.users"]._kinerja_sync_role_groups()  # the daily job
        self.assertIn(self.colleague_user, evaluator.users)
        self.assertSees(self.colleague_user, TEAM_MENUS)

    def test_my_work_for_everyone(self):
        menu = self.env.ref("hr_kinerja_asn.hr_kinerja_my_work_menu")
        self.assertEqual(menu.action.url, "/my/kinerja")
        # the app opens on the progress dashboard for HR and unit leaders, on My Work
        # for everyone else (issue 14; tests/test_dashboard.py)
        self.assertEqual(
            self.env.ref("hr_kinerja_asn.hr_kinerja_menu_root").action,
            self.env.ref("hr_kinerja_asn.hr_kinerja_progress_action_landing"),
        )
