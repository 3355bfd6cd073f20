from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestDepartment(KinerjaCase):
    """Organisation units: the unit whose leader sets a unit's achievement (002 D.4.f)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["hr.department"]
        cls.dinas = Unit.create({"name": "Dinas Kesehatan", "kinerja_level": "ppt_pratama"})
        cls.bidang = Unit.create(
            {
                "name": "Bidang Pelayanan",
                "parent_id": cls.dinas.id,
                "kinerja_level": "administrator",
            }
        )
        cls.seksi = Unit.create(
            {"name": "Seksi Rujukan", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )

    def test_achievement_set_by_parent_by_default(self):
        """002 D.4.f: the leader of the unit above sets a unit's achievement."""
        self.assertEqual(self.seksi.kinerja_parent_id, self.bidang)
        self.seksi.parent_id = self.dinas
        self.assertEqual(self.seksi.kinerja_parent_id, self.dinas)

    def test_achievement_unit_may_be_any_unit_above(self):
        self.seksi.kinerja_parent_id = self.dinas
        self.assertEqual(self.seksi.kinerja_parent_id, self.dinas)

    def test_achievement_unit_cannot_be_itself_or_below(self):
        with self.assertRaisesMsg(ValidationError, "must be set by a unit above it"):
            self.bidang.kinerja_parent_id = self.bidang
        with self.assertRaisesMsg(ValidationError, "must be set by a unit above it"):
            self.bidang.kinerja_parent_id = self.seksi
        self.assertEqual(self.bidang.kinerja_parent_id, self.dinas)
