from odoo import fields, models


class HrKinerjaDialogPlan(models.Model):
    """A line of the improvement plan agreed in a dialogue (000 Lampiran 1 D)."""

    _name = "hr.kinerja.dialog.plan"
    _description = "Dialogue Improvement Plan"
    _inherit = ["hr.kinerja.dialog.line"]
    _order = "dialog_id, sequence, id"

    name = fields.Text("Action", required=True)
    date_due = fields.Date("Due")
    owner_id = fields.Many2one("hr.employee", string="Responsible")
