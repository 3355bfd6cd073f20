from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.policy import allow
from ..models.workflow import workflow


class HrKinerjaDistributionProposal(models.TransientModel):
    """The unit's predicates proposed to fit the pattern with the fewest changes
    (rules.proposal: lowest contributors lowered first, highest raised first, each
    change explained). The leader reviews and edits, then applies - the predicates
    are written with tracking and the justification - and confirms."""

    _name = "hr.kinerja.distribution.proposal"
    _description = "Proposed Distribution"
    _inherit = ["hr.kinerja.policy"]
    _rec_name = "distribution_id"

    # Who changes what (deny by default, models/policy.py). The distribution's
    # "Propose" button creates the wizard and its lines for the unit leader (002
    # D.5.a); the leader only edits the proposed predicates and reasons of those
    # lines. Applying re-checks every line against the distribution.
    _kinerja_policy = (allow("leader", "write", ["line_ids"]),)
    _kinerja_server_fields = (
        "distribution_id",
        "feasible",
        "explanation",
        "change_count",
    )
    _kinerja_role_fields = {"leader": "distribution_id.leader_id"}

    distribution_id = fields.Many2one("hr.kinerja.distribution", required=True, readonly=True)
    achievement = fields.Selection(related="distribution_id.achievement", compute_sudo=False)
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
        workflow(self).write(
            {
                "feasible": proposal.feasible,
                "change_count": len(changes),
                "explanation": distribution._explain_proposal(proposal) or False,
                "line_ids": [
                    fields.Command.create(
                        {
                            "evaluation_id": evaluation.id,
                            "current_predicate": evaluation.predicate,
                            "proposed_predicate": changes[evaluation.id].new
                            if evaluation.id in changes
                            else evaluation.predicate,
                            # in the leader's language: the leader reads, edits and
                            # applies it as the evaluation's justification
                            "reason": distribution._explain_change(changes[evaluation.id])
                            if evaluation.id in changes
                            else False,
                        }
                    )
                    for evaluation in evaluations
                ],
            }
        )

    def _check_lines(self, lines):
        """Every line the leader applies must hold an evaluation of the wizard's
        distribution (which the user leads and which is still a draft), not their
        own, with the predicate it had when the proposal was made. The lines are the
        server's, but this does not rely on it."""
        distribution = self.distribution_id
        me = self.env.user
        for line in lines.sudo():
            evaluation = line.evaluation_id
            if evaluation.distribution_id != distribution:
                raise AccessError(
                    _(
                        "%(employee)s is not counted in the distribution of %(unit)s: the "
                        "proposal cannot set their predicate.",
                        employee=evaluation.employee_id.name,
                        unit=distribution.department_id.name,
                    )
                )
            if evaluation.employee_id.user_id == me:
                raise AccessError(
                    _("Your own predicate is set by your evaluator, not by your proposal.")
                )
            if evaluation.state != "rated" or evaluation.predicate != line.current_predicate:
                raise UserError(
                    _(
                        "The evaluation of %(employee)s changed since the proposal was made: "
                        "propose the distribution again.",
                        employee=evaluation.employee_id.name,
                    )
                )

    def _apply(self):
        self.ensure_one()
        distribution = self.distribution_id
        distribution._check_leader()
        distribution._lock()
        distribution._check_draft()
        distribution._check_period_writable()
        lines = self.line_ids.filtered(lambda x: x.proposed_predicate != x.current_predicate)
        self._check_lines(lines)
        for line in lines:
            # Checked above: an evaluation of the distribution this user leads.
            evaluation = line.sudo().evaluation_id
            reason = line.reason or _("Changed by the unit leader to fit the distribution.")
            workflow(evaluation).write(
                {"predicate": line.proposed_predicate, "predicate_justification": reason}
            )
            evaluation.message_post(
                body=_(
                    "Predicate set by %(leader)s with the distribution of %(unit)s: %(reason)s",
                    leader=self.env.user.name,
                    unit=distribution.department_id.name,
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
