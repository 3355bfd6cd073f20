from odoo import api, fields, models

from ..models.hr_kinerja_evaluation import PREDICATES
from ..models.policy import allow


class HrKinerjaDistributionProposalLine(models.TransientModel):
    _name = "hr.kinerja.distribution.proposal.line"
    _description = "Proposed Predicate"
    _inherit = ["hr.kinerja.policy"]
    _rec_name = "evaluation_id"

    # Who changes what (deny by default, models/policy.py). Lines are created by the
    # proposal itself (the server, for the evaluations of the distribution); the unit
    # leader changes only the proposed predicate and the reason. Nobody creates a
    # line or points one at another evaluation.
    _kinerja_policy = (allow("leader", "write", ["proposed_predicate", "reason"]),)
    _kinerja_server_fields = ("wizard_id", "evaluation_id", "current_predicate")
    _kinerja_role_fields = {"leader": "wizard_id.distribution_id.leader_id"}

    wizard_id = fields.Many2one(
        "hr.kinerja.distribution.proposal", required=True, ondelete="cascade"
    )
    evaluation_id = fields.Many2one("hr.kinerja.evaluation", required=True, readonly=True)
    # Read with the user's rights: a line shows nothing of an evaluation its reader
    # may not read.
    employee_id = fields.Many2one(related="evaluation_id.employee_id", compute_sudo=False)
    job_title = fields.Char(related="evaluation_id.job_title", compute_sudo=False)
    contribution = fields.Float(related="evaluation_id.contribution", compute_sudo=False)
    achievement_percent = fields.Float(
        related="evaluation_id.achievement_percent", compute_sudo=False
    )
    current_predicate = fields.Selection(PREDICATES, string="Rated", readonly=True)
    proposed_predicate = fields.Selection(PREDICATES, string="Proposed", required=True)
    changed = fields.Boolean(compute="_compute_changed")
    reason = fields.Text("Why")

    @api.depends("current_predicate", "proposed_predicate")
    def _compute_changed(self):
        for line in self:
            line.changed = line.current_predicate != line.proposed_predicate
