from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestSkpCascadeAccess(KinerjaCase):
    """Cascading (003 Format A.1.7): an employee chooses the leader's RHK their own
    supports, so they read their leaders' result plans - and nobody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.year = cls._open_year(cls._calendar(), "sumedang")
        Unit = cls.env["hr.department"]
        cls.bidang = Unit.create({"name": "Bidang Mutasi", "kinerja_level": "administrator"})
        cls.other = Unit.create({"name": "Bidang Diklat", "kinerja_level": "administrator"})
        cls.staff_user = new_test_user(cls.env, "cascade_staff", groups="base.group_user")
        Employee = cls.env["hr.employee"]
        cls.kabid = Employee.create(
            {
                "name": "Kabid Mutasi",
                "department_id": cls.bidang.id,
                "jabatan_type": "administrator",
            }
        )
        cls.kabid_other = Employee.create(
            {"name": "Kabid Diklat", "department_id": cls.other.id, "jabatan_type": "administrator"}
        )
        cls.bidang.manager_id = cls.kabid
        cls.other.manager_id = cls.kabid_other
        cls.staff = Employee.create(
            {
                "name": "Analis Mutasi",
                "department_id": cls.bidang.id,
                "jabatan_type": "pelaksana",
                "user_id": cls.staff_user.id,
            }
        )
        Skp = cls.env["hr.kinerja.skp"]
        cls.leader_skp, cls.other_skp, cls.staff_skp = Skp.create(
            [
                {"employee_id": cls.kabid.id, "year_id": cls.year.id},
                {"employee_id": cls.kabid_other.id, "year_id": cls.year.id},
                {"employee_id": cls.staff.id, "year_id": cls.year.id},
            ]
        )
        indicator = {"name": "Jumlah SK mutasi", "target_value": 40, "target_unit": "SK"}
        cls.leader_rhk, cls.other_rhk = cls.env["hr.kinerja.rhk"].create(
            [
                {
                    "skp_id": cls.leader_skp.id,
                    "name": "Mutasi pegawai tertib",
                    "indicator_ids": [Command.create(indicator)],
                },
                {
                    "skp_id": cls.other_skp.id,
                    "name": "Diklat terlaksana",
                    "indicator_ids": [Command.create(indicator)],
                },
            ]
        )

    def test_staff_reads_and_supports_the_leaders_plan(self):
        Rhk = self.env["hr.kinerja.rhk"].with_user(self.staff_user)
        visible = Rhk.search([("year_id", "=", self.year.id)])
        self.assertIn(self.leader_rhk, visible)
        self.assertNotIn(self.other_rhk, visible)
        own = Rhk.create(
            {
                "skp_id": self.staff_skp.id,
                "name": "Usulan mutasi diverifikasi",
                "parent_rhk_id": self.leader_rhk.id,
                "indicator_ids": [
                    Command.create({"name": "Usulan", "target_value": 100, "target_unit": "berkas"})
                ],
            }
        )
        self.assertEqual(own.parent_rhk_id.display_name, "Mutasi pegawai tertib")

    def test_staff_cannot_read_another_leaders_plan_nor_change_the_leaders(self):
        with self.assertRaises(AccessError):
            self.other_rhk.with_user(self.staff_user).read(["name"])
        with self.assertRaises(AccessError):
            self.leader_rhk.with_user(self.staff_user).write({"name": "Diubah staf"})
        with self.assertRaises(AccessError):
            self.leader_skp.with_user(self.staff_user).read(["name"])
