from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestSmoke(KinerjaCase):
    def test_presets_loaded(self):
        codes = self.env["hr.kinerja.preset"].search([]).mapped("code")
        self.assertIn("sumedang", codes)
