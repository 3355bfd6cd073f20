from odoo import models


class PortalWizard(models.TransientModel):
    """Odoo's own portal wizard, opened by HR officers for a unit or an agency
    (hr.employee / hr.department: "Give portal access"): one button grants every
    listed employee with a valid, unused e-mail address (invitation e-mails included)."""

    _inherit = "portal.wizard"

    def action_kinerja_grant_all(self):
        self.ensure_one()
        for line in self.user_ids:
            if not (line.is_portal or line.is_internal) and line.email_state == "ok":
                line.action_grant_access()
        return self._action_open_modal()
