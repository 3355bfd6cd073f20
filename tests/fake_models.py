"""Models that exist only while a test runs (loaded with odoo_test_helper's
FakeModelLoader; not imported by ``tests/__init__.py``)."""

from odoo import fields, models


class KinerjaGuarded(models.Model):
    """Stands for any document of a performance period (SKP, evaluation, ...)."""

    _name = "x.kinerja.guarded"
    _description = "Document Guarded by Its Period (test)"
    _inherit = "hr.kinerja.period.guard"

    name = fields.Char()
