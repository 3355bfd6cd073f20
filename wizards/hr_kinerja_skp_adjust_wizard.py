from odoo import _, fields, models
from odoo.exceptions import AccessError


class HrKinerjaSkpAdjustWizard(models.TransientModel):
    """Penyesuaian ekspektasi: start a new revision of a set SKP (003 Pasal 14(2), 19)."""

    _name = "hr.kinerja.skp.adjust.wizard"
    _description = "Adjust an SKP"

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, readonly=True)
    reason = fields.Text(required=True, help="Why the expectations change: kept on record.")

    def action_adjust(self):
        self.ensure_one()
        skp = self.skp_id
        if not (skp._user_is(skp.evaluator_id) or skp._is_officer()):
            raise AccessError(_("Only the evaluator or an HR officer adjusts a set SKP."))
        new = skp._new_revision(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.kinerja.skp",
            "res_id": new.id,
            "view_mode": "form",
        }
