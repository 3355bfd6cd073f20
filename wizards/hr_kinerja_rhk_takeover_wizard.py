from odoo import fields, models

from ..models.policy import allow


class HrKinerjaRhkTakeoverWizard(models.TransientModel):
    """The leader takes a result plan over, with the note the evaluation will see
    (003 Pasal 19(6)-(8))."""

    _name = "hr.kinerja.rhk.takeover.wizard"
    _description = "Take Over a Result Plan"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): the evaluator of the result
    # plan (or an HR officer) writes the note; the take-over itself is the result
    # plan's workflow step, which checks the user again (hr.kinerja.rhk._monitor).
    _kinerja_policy = (allow(("evaluator", "officer"), "create write", ["rhk_id", "note"]),)
    _kinerja_role_fields = {"evaluator": "rhk_id.skp_id.evaluator_id"}

    rhk_id = fields.Many2one("hr.kinerja.rhk", required=True, readonly=True)
    note = fields.Text(
        required=True,
        default=lambda self: self.env._("The employee could not complete this result plan."),
    )

    def action_take_over(self):
        self.ensure_one()
        self.rhk_id.action_take_over(self.note)
        return {"type": "ir.actions.act_window_close"}
