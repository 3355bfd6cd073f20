from odoo import fields, models


class HrKinerjaDialogProblem(models.Model):
    """A performance problem identified in a dialogue (000 Lampiran 1 B)."""

    _name = "hr.kinerja.dialog.problem"
    _description = "Dialogue Problem"
    _inherit = ["hr.kinerja.dialog.line"]
    _order = "dialog_id, sequence, id"

    name = fields.Text("Problem", required=True)
    cause = fields.Text()
    impact = fields.Text()
