from odoo import _, fields, models
from odoo.exceptions import UserError

from ..models.workflow import workflow


class HrKinerjaDistributionProposal(models.TransientModel):
    """The unit's predicates proposed to fit the pattern with the fewest changes
    (rules.proposal: lowest contributors lowered first, highest raised first, each
    change explained). The leader reviews and edits, then applies - the predicates
    are written with tracking and the justification - and confirms."""

    _name = "hr.kinerja.distribution.proposal"
    _description = "Proposed Distribution"

    distribution_id = fields.Many2one("hr.kinerja.distribution", required=True, readonly=True)
    achievement = fields.Selection(related="distribution_id.achievement")
    feasible = fields.Boolean(readonly=True)
    explanation = fields.Text(readonly=True)
    change_count = fields.Integer("Changes Proposed", readonly=True)
    line_ids = fields.One2many("hr.kinerja.distribution.proposal.line", "wizard_id")

    def _fill(self):
        self.ensure_one()
        distribution = self.distribution_id
        proposal = distribution.sudo()._propose()[distribution.id]
        if proposal is None:
            raise UserError(_("There is nothing to propose: no evaluation is rated yet."))
        changes = {change.key: change for change in proposal.changes}
        evaluations = distribution.sudo().evaluation_ids.sorted(lambda e: -e.contribution)
        self.write(
            {
                "feasible": proposal.feasible,
                "change_count": len(changes),
                "explanation": (proposal.explanation and self.env._(proposal.explanation))
                or "\n".join(self.env._(v.template, **v.params) for v in proposal.violations),
                "line_ids": [
                    fields.Command.create(
                        {
                            "evaluation_id": evaluation.id,
                            "current_predicate": evaluation.predicate,
                            "proposed_predicate": changes[evaluation.id].new
                            if evaluation.id in changes
                            else evaluation.predicate,
                            "reason": self.env._(
                                changes[evaluation.id].reason, **changes[evaluation.id].params
                            )
                            if evaluation.id in changes
                            else False,
                        }
                    )
                    for evaluation in evaluations
                ],
            }
        )

    def _apply(self):
        self.ensure_one()
        self.distribution_id._check_leader()
        for line in self.line_ids.filtered(lambda x: x.proposed_predicate != x.current_predicate):
            evaluation = line.evaluation_id.sudo()
            reason = line.reason or _("Changed by the unit leader to fit the distribution.")
            workflow(evaluation).write(
                {"predicate": line.proposed_predicate, "predicate_justification": reason}
            )
            evaluation.message_post(
                body=_(
                    "Predicate set by %(leader)s with the distribution of %(unit)s: %(reason)s",
                    leader=self.env.user.name,
                    unit=self.distribution_id.department_id.name,
                    reason=reason,
                )
            )

    def action_apply(self):
        self._apply()
        return self.distribution_id.get_formview_action()

    def action_apply_confirm(self):
        self._apply()
        self.distribution_id.action_confirm()
        return {"type": "ir.actions.act_window_close"}
