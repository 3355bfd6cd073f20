from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.policy import allow


class HrKinerjaSkpAdjustWizard(models.TransientModel):
    """Penyesuaian ekspektasi: start a new revision of a set SKP (003 Pasal 14(2), 19)."""

    _name = "hr.kinerja.skp.adjust.wizard"
    _description = "Adjust an SKP"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): anyone who reads the SKP
    # may open the wizard; applying it checks that the user is the SKP's evaluator or
    # an HR officer (003 Pasal 19).
    _kinerja_policy = (allow("user", "create write", ["skp_id", "reason"]),)

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, readonly=True)
    reason = fields.Text(required=True, help="Why the expectations change: kept on record.")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if isinstance(vals.get("reason"), str) and not vals["reason"].strip():
                raise UserError(
                    _("Say why the expectations are adjusted: the reason is kept on record.")
                )
        return super().create(vals_list)

    def action_adjust(self):
        self.ensure_one()
        skp = self.skp_id
        skp.check_access("read")
        if not (skp._user_is(skp.evaluator_id) or skp._is_officer()):
            raise AccessError(_("Only the evaluator or an HR officer adjusts a set SKP."))
        new = skp._new_revision(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.kinerja.skp",
            "res_id": new.id,
            "view_mode": "form",
        }
