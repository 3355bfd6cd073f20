from odoo import fields, models


class HrKinerjaRhkTakeoverWizard(models.TransientModel):
    """The leader takes a result plan over, with the note the evaluation will see
    (003 Pasal 19(6)-(8))."""

    _name = "hr.kinerja.rhk.takeover.wizard"
    _description = "Take Over a Result Plan"

    rhk_id = fields.Many2one("hr.kinerja.rhk", required=True, readonly=True)
    note = fields.Text(
        required=True,
        default=lambda self: self.env._("The employee could not complete this result plan."),
    )

    def action_take_over(self):
        self.ensure_one()
        self.rhk_id.action_take_over(self.note)
        return {"type": "ir.actions.act_window_close"}
