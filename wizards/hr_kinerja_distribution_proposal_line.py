from odoo import api, fields, models

from ..models.hr_kinerja_evaluation import PREDICATES


class HrKinerjaDistributionProposalLine(models.TransientModel):
    _name = "hr.kinerja.distribution.proposal.line"
    _description = "Proposed Predicate"

    wizard_id = fields.Many2one(
        "hr.kinerja.distribution.proposal", required=True, ondelete="cascade"
    )
    evaluation_id = fields.Many2one("hr.kinerja.evaluation", required=True, readonly=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id")
    job_title = fields.Char(related="evaluation_id.job_title")
    contribution = fields.Float(related="evaluation_id.contribution")
    achievement_percent = fields.Float(related="evaluation_id.achievement_percent")
    current_predicate = fields.Selection(PREDICATES, string="Rated", readonly=True)
    proposed_predicate = fields.Selection(PREDICATES, string="Proposed", required=True)
    changed = fields.Boolean(compute="_compute_changed")
    reason = fields.Text("Why")

    @api.depends("current_predicate", "proposed_predicate")
    def _compute_changed(self):
        for line in self:
            line.changed = line.current_predicate != line.proposed_predicate
