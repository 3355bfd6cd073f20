"""Models that exist only while a test runs (loaded with odoo_test_helper's
FakeModelLoader; not imported by ``tests/__init__.py``)."""

from odoo import fields, models

from odoo.addons.hr_kinerja_asn.models.policy import allow


class KinerjaGuarded(models.Model):
    """Stands for any document of a performance period (SKP, evaluation, ...)."""

    _name = "x.kinerja.guarded"
    _description = "Document Guarded by Its Period (test)"
    _inherit = "hr.kinerja.period.guard"

    name = fields.Char()


class KinerjaPoliced(models.Model):
    """Stands for any document under the deny-by-default write policy."""

    _name = "x.kinerja.policed"
    _description = "Document Under the Write Policy (test)"
    _inherit = ["hr.kinerja.policy"]

    _kinerja_policy = (
        allow("employee", "create", ["employee_id"]),
        allow("employee", "create write", ["title", "note", "amount", "count", "day"], ["draft"]),
        allow("evaluator", "write", ["note"], states=["draft", "done"]),
        allow("officer", "unlink", states=["draft"]),
    )
    _kinerja_server_fields = ("evaluator_id", "state", "secret")

    employee_id = fields.Many2one("hr.employee")
    evaluator_id = fields.Many2one("hr.employee")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    title = fields.Char(required=True)
    note = fields.Text()
    amount = fields.Float()
    count = fields.Integer()
    day = fields.Date()
    secret = fields.Char()
