from odoo import _, fields, models
from odoo.exceptions import AccessError

from ..models.policy import ALL, allow


class HrKinerjaSkpTransferWizard(models.TransientModel):
    """A transfer or a new evaluator from a date: the SKP closes the day before and a
    new one opens for the new position (003 section Penetapan SKP 5-6)."""

    _name = "hr.kinerja.skp.transfer.wizard"
    _description = "Close an SKP for a Transfer"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): an HR officer records a
    # transfer (003 section Penetapan SKP 5-6); applying it checks the SKP again.
    _kinerja_policy = (allow("officer", "create write", ALL),)

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, readonly=True)
    date = fields.Date(
        "From",
        required=True,
        default=fields.Date.context_today,
        help="First day in the new position or with the new evaluator.",
    )
    reason = fields.Selection(
        [("transfer", "Transfer to another position"), ("evaluator", "New evaluator")],
        required=True,
        default="transfer",
    )
    note = fields.Char(help="e.g. the decree (SK) of the transfer")

    def action_transfer(self):
        self.ensure_one()
        if not self.skp_id._is_officer():
            raise AccessError(_("Only an HR officer records a transfer."))
        label = dict(self._fields["reason"]._description_selection(self.env))[self.reason]
        reason = f"{label}: {self.note}" if self.note else label
        new = self.skp_id._close_for_transfer(self.date, reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.kinerja.skp",
            "res_id": new.id,
            "view_mode": "form",
        }
