from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .activities import activities_of
from .hr_kinerja_evaluation import HrKinerjaEvaluation
from .workflow import is_workflow, workflow

# A marker only server code can put in the context (like models/workflow.py): the
# steps after the evaluation (hand-over, receipt, return, an objection's decision)
# run past the evaluation deadline, often once the period is locked (003 section
# Tindak lanjut 5-10, section Keberatan 6); they write through here, nothing else.
_AFTER_EVALUATION = object()

DOCUMENT_STEPS = {
    # step: (activity type, deadline field)
    "handover": ("hr_kinerja_asn.mail_activity_type_document_handover", "handover_deadline"),
    "return": ("hr_kinerja_asn.mail_activity_type_document_return", "return_deadline"),
}


def after_evaluation(records):
    """``records`` for a checked server step after the evaluation: a workflow write
    the period lock does not refuse."""
    return workflow(records).with_context(kinerja_after_evaluation=_AFTER_EVALUATION)


# Another server-only marker: the superior's decision on an objection writes a
# changed result to an evaluation whose document is signed (the signed D.1.x stays
# as the employee received it; D.1.3, signed in turn, records the change).
_OBJECTION_DECISION = object()


def objection_decision(records):
    return after_evaluation(records).with_context(kinerja_objection_decision=_OBJECTION_DECISION)


def is_objection_decision(records):
    return records.env.context.get("kinerja_objection_decision") is _OBJECTION_DECISION


class HrKinerjaEvaluationDocument(models.Model):
    """The evaluation document (D.1.1, or D.1.2 when the superior evaluated) after
    the rating (003 section Tindak lanjut 5-10): the rater hands it over within 14
    working days of signing it (the superior within 7), the employee receives it and
    returns it signed within 14 (to the superior: 7). Every deadline counts the
    agency's working days (``period.deadline_after``). The objection window (14
    working days, 003 section Keberatan 2) runs from the receipt. A daily scheduled
    action leaves one to-do per step to whoever owes it, due on the step's deadline;
    HR officers find the late ones with the "Document Overdue" filter."""

    _inherit = "hr.kinerja.evaluation"

    _kinerja_server_fields = (
        *HrKinerjaEvaluation._kinerja_server_fields,
        "handed_over_date",
        "handed_over_by_id",
        "received_date",
        "returned_date",
    )

    handed_over_date = fields.Date("Handed Over On", readonly=True, tracking=True, copy=False)
    handed_over_by_id = fields.Many2one("hr.employee", readonly=True, copy=False)
    received_date = fields.Date("Received On", readonly=True, tracking=True, copy=False)
    returned_date = fields.Date("Returned Signed On", readonly=True, tracking=True, copy=False)
    handover_deadline = fields.Date(
        "Hand Over By",
        compute="_compute_document_deadlines",
        store=True,
        help="14 working days after the rating (7 when the evaluator's superior rated), "
        "003 section Tindak lanjut 5 and 8.",
    )
    return_deadline = fields.Date(
        "Return Signed By",
        compute="_compute_document_deadlines",
        store=True,
        help="14 working days after the receipt (7 to the evaluator's superior), "
        "003 section Tindak lanjut 6 and 9.",
    )
    objection_deadline = fields.Date(
        "Objection Until",
        compute="_compute_document_deadlines",
        store=True,
        help="An objection is filed within 14 working days of the receipt "
        "(003 section Keberatan 2).",
    )
    document_overdue = fields.Boolean(
        compute="_compute_document_overdue",
        search="_search_document_overdue",
        help="The document was not handed over, or not returned, by its deadline.",
    )
    can_hand_over = fields.Boolean(compute="_compute_can_document")
    can_receive = fields.Boolean(compute="_compute_can_document")
    can_return = fields.Boolean(compute="_compute_can_document")

    # -- deadlines --------------------------------------------------------------------
    @api.depends(
        "evaluated_date",
        "received_date",
        "escalated",
        "period_id.handover_workdays",
        "period_id.superior_handover_workdays",
        "period_id.return_workdays",
        "period_id.superior_return_workdays",
        "period_id.objection_workdays",
    )
    def _compute_document_deadlines(self):
        calendars = {}  # each year's holidays read once for the batch
        for evaluation in self:
            period = evaluation.period_id
            superior = evaluation.escalated
            evaluation.handover_deadline = (
                period.deadline_after(
                    evaluation.evaluated_date,
                    "superior_handover_workdays" if superior else "handover_workdays",
                    calendars,
                )
                if period and evaluation.evaluated_date
                else False
            )
            received = evaluation.received_date
            evaluation.return_deadline = (
                period.deadline_after(
                    received,
                    "superior_return_workdays" if superior else "return_workdays",
                    calendars,
                )
                if period and received
                else False
            )
            evaluation.objection_deadline = (
                period.deadline_after(received, "objection_workdays", calendars)
                if period and received
                else False
            )

    @api.depends_context("date")
    def _compute_document_overdue(self):
        today = fields.Date.context_today(self)
        for evaluation in self:
            evaluation.document_overdue = evaluation.state != "draft" and bool(
                (
                    not evaluation.handed_over_date
                    and evaluation.handover_deadline
                    and evaluation.handover_deadline < today
                )
                or (
                    evaluation.received_date
                    and not evaluation.returned_date
                    and evaluation.return_deadline
                    and evaluation.return_deadline < today
                )
            )

    def _search_document_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search overdue documents with = True or = False."))
        today = fields.Date.context_today(self)
        domain = [
            ("state", "!=", "draft"),
            "|",
            "&",
            ("handed_over_date", "=", False),
            ("handover_deadline", "<", today),
            "&",
            "&",
            ("received_date", "!=", False),
            ("returned_date", "=", False),
            ("return_deadline", "<", today),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", *domain]

    # -- who may act ------------------------------------------------------------------
    def _document_rater(self):
        return self.evaluator_superior_id if self.escalated else self.evaluator_id

    def _handover_refusal(self):
        """Why the user cannot hand this document over (False: they can)."""
        self.ensure_one()
        if self.state == "draft":
            return _("The evaluation document is handed over once the evaluation is rated.")
        if self.handed_over_date:
            return _(
                "The evaluation document was handed over on %(date)s.", date=self.handed_over_date
            )
        rater = self.sudo()._document_rater()
        manager = self.env.user.has_group("hr_kinerja_asn.group_kinerja_manager")
        if not (self._user_is(rater) or (not self.sudo().evaluator_id and manager)):
            return _(
                "The evaluation document of %(employee)s is handed over by %(rater)s.",
                employee=self.sudo().employee_id.name,
                rater=rater.name or _("an HR manager"),
            )
        return False

    def _receive_refusal(self):
        self.ensure_one()
        if not self.handed_over_date:
            return _("The evaluation document has not been handed over yet.")
        if self.received_date:
            return _("The evaluation document was received on %(date)s.", date=self.received_date)
        if not self._user_is(self.sudo().employee_id):
            return _("Only the evaluated employee receives their evaluation document.")
        return False

    def _return_refusal(self):
        self.ensure_one()
        if not self.received_date:
            return _("Receive the evaluation document first.")
        if self.returned_date:
            return _("The evaluation document was returned on %(date)s.", date=self.returned_date)
        if not self._user_is(self.sudo().employee_id):
            return _("Only the evaluated employee returns their evaluation document.")
        return False

    @api.depends_context("uid")
    @api.depends("state", "handed_over_date", "received_date", "returned_date", "escalated")
    def _compute_can_document(self):
        for evaluation in self:
            evaluation.can_hand_over = not evaluation._handover_refusal()
            evaluation.can_receive = not evaluation._receive_refusal()
            evaluation.can_return = not evaluation._return_refusal()

    def _check_period_writable(self, periods=None):
        if self.env.context.get("kinerja_after_evaluation") is _AFTER_EVALUATION and is_workflow(
            self
        ):
            return
        return super()._check_period_writable(periods)

    # -- actions ----------------------------------------------------------------------
    def _document_step(self, refusal, vals, done_step=None, message=None):
        for evaluation in self:
            why = refusal(evaluation)
            if why:
                raise UserError(why)
        after_evaluation(self).write(vals)
        if done_step:
            self._document_activities(done_step).action_feedback(feedback=message)
        return True

    def action_hand_over(self):
        """The rater hands the signed document over to the employee."""
        me = self.env.user.employee_ids[:1]
        today = fields.Date.context_today(self)
        return self._document_step(
            type(self)._handover_refusal,
            {"handed_over_date": today, "handed_over_by_id": me.id},
            "handover",
        )

    def action_receive(self):
        """The employee records that they received the document."""
        return self._document_step(
            type(self)._receive_refusal, {"received_date": fields.Date.context_today(self)}
        )

    def action_return(self):
        """The employee returns the document signed."""
        return self._document_step(
            type(self)._return_refusal,
            {"returned_date": fields.Date.context_today(self)},
            "return",
        )

    # -- reminders ----------------------------------------------------------------------
    def _document_activities(self, step, include_done=False):
        return activities_of(self, DOCUMENT_STEPS[step][0], include_done)

    def _document_owner(self, step):
        """The user who owes ``step`` of this document (False: nobody to remind)."""
        if step == "handover":
            if self.state == "draft" or self.handed_over_date:
                return False
            return self._document_rater().user_id
        if not self.received_date or self.returned_date:
            return False
        return self.employee_id.user_id

    @api.model
    def _documents_pending_domain(self):
        """Rated evaluations whose document is still to hand over, or received and
        still to return signed."""
        return [
            ("state", "!=", "draft"),
            "|",
            ("handed_over_date", "=", False),
            "&",
            ("received_date", "!=", False),
            ("returned_date", "=", False),
        ]

    @api.model
    def _cron_document_reminders(self):
        """One to-do per owed step (hand over, return signed) to whoever owes it,
        due on its deadline; never a second one for the same step, none for a step
        done. Returns the activities created."""
        evaluations = self.sudo().search(self._documents_pending_domain())
        model_id = self.env["ir.model"]._get_id(self._name)
        created = self.env["mail.activity"].sudo()
        for step, (xmlid, deadline_field) in DOCUMENT_STEPS.items():
            activity_type = self.env.ref(xmlid, raise_if_not_found=False)
            if not activity_type:
                continue
            had = set(evaluations._document_activities(step, include_done=True).mapped("res_id"))
            values = []
            for evaluation in evaluations:
                user = evaluation._document_owner(step)
                if not user or evaluation.id in had:
                    continue
                values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": evaluation.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": evaluation[deadline_field]
                        or fields.Date.context_today(self),
                    }
                )
            if values:
                created |= self.env["mail.activity"].sudo().create(values)
        return created
