from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSmoke(TransactionCase):
    def test_presets_loaded(self):
        codes = self.env["hr.kinerja.preset"].search([]).mapped("code")
        self.assertIn("sumedang", codes)
