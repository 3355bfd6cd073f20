from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .policy import ALL, allow

SUBJECTS = [
    ("employee", "About the Employee"),
    ("guide", "About the Leader or Assigned Party"),
    ("both", "About the Employee and the Leader or Assigned Party"),
]


class HrKinerjaGuidanceStatement(models.Model):
    """One of the nine statements on which the employee gives feedback after
    performance guidance (003 Format B.1.8, "kriteria"). The official Indonesian
    wording is their Indonesian translation."""

    _name = "hr.kinerja.guidance.statement"
    _description = "Guidance Feedback Statement (B.1.8)"
    _inherit = ["hr.kinerja.policy"]
    _order = "sequence, id"

    # Who changes what (deny by default, models/policy.py): configuration - the
    # statements of Format B.1.8 are the HR manager's; every user reads them.
    _kinerja_policy = (allow("manager", "create write unlink", ALL),)

    name = fields.Char("Statement", required=True, translate=True)
    sequence = fields.Integer(default=10)
    subject = fields.Selection(SUBJECTS, required=True, default="employee")
    active = fields.Boolean(default=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_unused(self):
        used = (
            self.env["hr.kinerja.guidance.feedback.line"]
            .sudo()
            .search_count([("statement_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                _("A statement answered in a feedback form stays on record: archive it instead.")
            )
