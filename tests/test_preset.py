from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.hr_kinerja_asn.rules import calendar as rule_calendar
from odoo.addons.hr_kinerja_asn.rules import quadrant as rule_quadrant

from .common import KinerjaCase

SEED_CODES = ("kutai_kartanegara", "lima_puluh_kota", "aceh_timur", "sumedang")


@tagged("post_install", "-at_install")
class TestPreset(KinerjaCase):
    """Agency deadline presets (DOMAIN section 3) and the organisation quadrant (002 D.4.e)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Preset = cls.env["hr.kinerja.preset"]
        cls.Quadrant = cls.env["hr.kinerja.org.quadrant"]

    def _custom(self, **values):
        return self.Preset.create({"name": "Kabupaten Contoh", "code": "contoh", **values})

    def test_seed_presets_match_rule_engine(self):
        """The four seed agencies (000-003) are loaded with the rule engine's deadlines."""
        for code in SEED_CODES:
            with self.subTest(code):
                preset = self._preset(code)
                self.assertEqual(len(preset), 1)
                self.assertTrue(preset.is_regulation_preset)
                mine, expected = preset.to_rule(), rule_calendar.PRESETS[code]
                self.assertEqual(mine.period_types, expected.period_types)
                self.assertEqual(mine.default_period_type, expected.default_period_type)
                self.assertEqual(
                    rule_calendar.skp_deadline(mine, 2026),
                    rule_calendar.skp_deadline(expected, 2026),
                )
                for period_type in expected.period_types:
                    for period in rule_calendar.periods(2026, period_type):
                        self.assertEqual(
                            rule_calendar.deadlines(mine, period),
                            rule_calendar.deadlines(expected, period),
                            period.name_en,
                        )
                for name in ("objection_workdays", "report_workdays", "lock_workdays"):
                    self.assertEqual(getattr(mine, name), getattr(expected, name), name)

    def test_inconsistent_custom_presets_refused(self):
        with self.assertRaisesMsg(ValidationError, "must allow monthly or quarterly"):
            self._custom(allow_monthly=False, allow_quarterly=False)
        with self.assertRaisesMsg(ValidationError, "not consistent"):
            self._custom(allow_monthly=False, default_period_type="monthly")
        with self.assertRaisesMsg(ValidationError, "cannot be negative"):
            self._custom(objection_workdays=-1)
        with self.assertRaisesMsg(ValidationError, "not consistent"):
            self._custom(monthly_day=32)
        preset = self._custom(allow_monthly=False, default_period_type="quarterly")
        self.assertEqual(preset.to_rule().period_types, ("quarterly",))

    def test_copy_gives_unique_codes(self):
        """An HR manager copies a seed preset to adjust it, as often as needed."""
        seed = self._preset("sumedang")
        first, second = seed.copy(), seed.copy()
        self.assertEqual(first.code, "sumedang_custom_1")
        self.assertEqual(second.code, "sumedang_custom_2")
        self.assertFalse(first.is_regulation_preset)
        self.assertEqual(first.to_rule().monthly, seed.to_rule().monthly)

    def test_duplicate_shared_code_refused(self):
        """Two shared presets (no agency) cannot carry the same code."""
        with self.assertRaisesMsg(ValidationError, "already used by the preset"):
            self._custom(code="sumedang")

    def test_every_company_has_nine_quadrant_cells(self):
        """Every agency, including one created after installation, starts with the
        regulation's nine cells (002 D.4.e)."""
        new_company = self.env["res.company"].create({"name": "Kabupaten Aceh Timur"})
        for company in self.env["res.company"].search([]):
            with self.subTest(company=company.name):
                cells = self.Quadrant.search([("company_id", "=", company.id)])
                self.assertEqual(len(cells), 9)
                self.assertEqual(
                    {(c.result, c.process): c.achievement for c in cells},
                    rule_quadrant.ORG_QUADRANT,
                )
        self.assertIn(new_company, self.Quadrant.search([]).company_id)

    def test_corrected_cell_and_reset(self):
        """An agency may correct a cell; achievement_for() follows it until the cell is
        reset to the regulation's value."""
        company = self.env.company
        cell = self.Quadrant.search(
            [
                ("company_id", "=", company.id),
                ("result", "=", "di_atas"),
                ("process", "=", "di_atas"),
            ]
        )
        self.assertEqual(self.Quadrant.achievement_for(company, "di_atas", "di_atas"), "istimewa")
        cell.achievement = "baik"
        self.assertEqual(self.Quadrant.achievement_for(company, "di_atas", "di_atas"), "baik")
        self.assertEqual(cell.regulation_achievement, "istimewa")
        cell.action_reset_to_regulation()
        self.assertEqual(cell.achievement, "istimewa")
        self.assertEqual(self.Quadrant.achievement_for(company, "di_atas", "di_atas"), "istimewa")
