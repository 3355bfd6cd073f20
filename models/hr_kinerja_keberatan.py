from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import quadrant as rule_quadrant
from .hr_kinerja_evaluation import PREDICATES
from .hr_kinerja_evaluation_document import objection_decision
from .hr_kinerja_org_quadrant import RATINGS
from .policy import allow
from .workflow import workflow

STATES = [
    ("draft", "Draft"),
    ("filed", "Filed"),
    ("explanation", "Explanations Asked"),
    ("decided", "Decided"),
]
DECISIONS = [("uphold", "Uphold the Result"), ("change", "Change the Result")]
# What the superior writes while examining the objection (003 Keberatan 3-7).
DECISION_FIELDS = (
    "employee_explanation",
    "decision",
    "decision_note",
    "new_result_rating",
    "new_behaviour_rating",
    "new_predicate",
    "new_recommendation",
)


class HrKinerjaKeberatan(models.Model):
    """Keberatan: an employee's objection to their evaluation (003 section
    Keberatan 1-7; 004 format D.1.3).

    The evaluated employee files it, with reasons and attachments, within 14
    working days of receiving the evaluation document, to the evaluator's superior
    (draft -> filed). The superior asks for explanations (-> explanations asked):
    the evaluator writes theirs, the superior records the employee's. Within 7
    working days of filing the superior decides (-> decided): uphold, or change the
    result with new ratings and/or predicate and a new recommendation. A change is
    written to the evaluation (its predicate, tracked in its history), so the unit's
    distribution counts, the credit-point ledger and the allowance (TPP) exports
    follow it. The decision is final: nothing changes afterwards.

    A missed decision deadline: the seeds say nothing of what then. Here the
    objection is marked "Decision Overdue" by the daily scheduled action and the
    agency's HR officers get a to-do to follow it up with the superior; the
    superior can still decide (the employee's right to a decision does not lapse).
    """

    _name = "hr.kinerja.keberatan"
    _description = "Performance Objection (Keberatan)"
    _inherit = ["hr.kinerja.policy", "mail.thread", "mail.activity.mixin"]
    _order = "filed_date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py): the employee writes the
    # objection while it is a draft; the evaluator writes their explanation once the
    # superior asks for it; the superior records the employee's explanation and the
    # decision until deciding. Filing, asking, deciding are the buttons' steps.
    _kinerja_policy = (
        allow("employee", "create", ["evaluation_id", "reasons", "attachment_ids"]),
        allow("employee", "write", ["reasons", "attachment_ids"], states=["draft"]),
        allow("employee", "unlink", states=["draft"]),
        allow("evaluator", "write", ["evaluator_explanation"], states=["explanation"]),
        allow("superior", "write", DECISION_FIELDS, states=["filed", "explanation"]),
    )
    _kinerja_server_fields = (
        "state",
        "filed_date",
        "explanation_date",
        "decided_date",
        "decided_by_id",
        "old_predicate",
        "old_recommendation",
        "decision_overdue",
    )

    evaluation_id = fields.Many2one(
        "hr.kinerja.evaluation",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    employee_id = fields.Many2one(
        related="evaluation_id.employee_id", store=True, index=True, string="Employee"
    )
    evaluator_id = fields.Many2one(
        related="evaluation_id.evaluator_id", store=True, index=True, string="Evaluator"
    )
    department_id = fields.Many2one(related="evaluation_id.department_id", string="Unit")
    evaluator_superior_id = fields.Many2one(
        related="evaluation_id.evaluator_superior_id",
        store=True,
        index=True,
        string="Evaluator's Superior",
        help="Decides the objection (003 section Keberatan 2).",
    )
    company_id = fields.Many2one(
        related="evaluation_id.company_id", store=True, index=True, string="Agency"
    )
    period_id = fields.Many2one(related="evaluation_id.period_id", store=True, string="Period")
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, index=True)
    reasons = fields.Text(required=True, help="Why the employee objects (003 section Keberatan 2).")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    filed_date = fields.Date("Filed On", readonly=True, tracking=True)
    decision_deadline = fields.Date(
        "Decide By",
        compute="_compute_decision_deadline",
        store=True,
        help="7 working days after the filing (003 section Keberatan 6).",
    )
    decision_overdue = fields.Boolean(
        readonly=True,
        tracking=True,
        help="Not decided by the deadline: the agency's HR officers follow it up; "
        "the superior can still decide.",
    )
    explanation_date = fields.Date("Explanations Asked On", readonly=True)
    evaluator_explanation = fields.Text(
        "Evaluator's Explanation", tracking=True, help="003 section Keberatan 4; D.1.3 item 7."
    )
    employee_explanation = fields.Text(
        "Employee's Explanation",
        tracking=True,
        help="Recorded by the superior (003 section Keberatan 4).",
    )
    decision = fields.Selection(DECISIONS, tracking=True)
    decision_note = fields.Text("Grounds of the Decision", tracking=True)
    new_result_rating = fields.Selection(RATINGS, string="New Results Rating", tracking=True)
    new_behaviour_rating = fields.Selection(RATINGS, tracking=True)
    new_predicate = fields.Selection(PREDICATES, tracking=True)
    new_recommendation = fields.Text(tracking=True)
    old_predicate = fields.Selection(PREDICATES, string="Predicate Before", readonly=True)
    old_recommendation = fields.Text("Recommendation Before", readonly=True)
    decided_date = fields.Date("Decided On", readonly=True, tracking=True)
    decided_by_id = fields.Many2one("hr.employee", readonly=True)
    can_file = fields.Boolean(compute="_compute_can")
    can_ask = fields.Boolean(compute="_compute_can")
    can_decide = fields.Boolean(compute="_compute_can")
    can_explain = fields.Boolean(compute="_compute_can")

    _sql_constraints = [
        (
            "evaluation_uniq",
            "unique(evaluation_id)",
            "An evaluation has one objection.",
        ),
    ]

    @api.depends("filed_date", "period_id.objection_decision_workdays")
    def _compute_decision_deadline(self):
        for objection in self:
            objection.decision_deadline = (
                objection.period_id.deadline_after(
                    objection.filed_date, "objection_decision_workdays"
                )
                if objection.filed_date and objection.period_id
                else False
            )

    @api.depends("evaluation_id.employee_id.name", "period_id.name")
    def _compute_display_name(self):
        for objection in self:
            objection.display_name = _(
                "Objection of %(employee)s - %(period)s",
                employee=objection.sudo().employee_id.name or "",
                period=objection.sudo().period_id.name or "",
            )

    # -- who may act ----------------------------------------------------------------------
    def _is(self, employee):
        return bool(employee) and employee.user_id == self.env.user

    def _file_refusal(self):
        """Why the user cannot file this objection (False: they can)."""
        self.ensure_one()
        objection = self.sudo()
        evaluation = objection.evaluation_id
        if self.state != "draft":
            return _("This objection was filed on %(date)s.", date=self.filed_date)
        if not evaluation:
            return _("Choose the evaluation you object to.")
        if not self._is(objection.employee_id):
            return _("Only the evaluated employee files an objection to their evaluation.")
        return evaluation._objection_refusal()

    def _superior_refusal(self, states):
        self.ensure_one()
        if self.state == "decided":
            return _(
                "The objection was decided on %(date)s: the decision is final.",
                date=self.decided_date,
            )
        if self.state not in states:
            return _("The objection must be filed first.")
        if not self._is(self.sudo().evaluator_superior_id):
            return _(
                "Only %(superior)s, the evaluator's superior, examines and decides this objection.",
                superior=self.sudo().evaluator_superior_id.name or _("the evaluator's superior"),
            )
        return False

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can(self):
        for objection in self:
            objection.can_file = not objection._file_refusal()
            objection.can_ask = not objection._superior_refusal(("filed",))
            objection.can_decide = not objection._superior_refusal(("filed", "explanation"))
            objection.can_explain = objection.state == "explanation" and objection._is(
                objection.sudo().evaluator_id
            )

    # -- constraints ----------------------------------------------------------------------
    @api.constrains("reasons")
    def _check_reasons(self):
        for objection in self:
            if not (objection.reasons or "").strip():
                raise ValidationError(_("Write the reasons of the objection."))

    # -- ORM ----------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # the evaluation named must be readable (refused as the policy does),
            # the user's own, received and within the objection window
            self._kinerja_check_named(vals_list)
            Evaluation = self.env["hr.kinerja.evaluation"]
            for vals in vals_list:
                evaluation = Evaluation.browse(vals.get("evaluation_id")).exists()
                why = evaluation and evaluation._objection_refusal()
                if why:
                    raise UserError(why)
        return super().create(vals_list)

    # -- actions --------------------------------------------------------------------------
    def action_file(self):
        """The employee files the objection to the evaluator's superior."""
        for objection in self:
            why = objection._file_refusal()
            if why:
                raise UserError(why)
        today = fields.Date.context_today(self)
        workflow(self).write({"state": "filed", "filed_date": today})
        for objection in self.sudo():
            user = objection.evaluator_superior_id.user_id
            if user:
                objection.activity_schedule(
                    "hr_kinerja_asn.mail_activity_type_objection_decide",
                    date_deadline=objection.decision_deadline,
                    user_id=user.id,
                )
        return True

    def action_ask_explanations(self):
        """The superior asks the evaluator (and the employee) for explanations."""
        for objection in self:
            why = objection._superior_refusal(("filed",))
            if why:
                raise UserError(why)
        workflow(self).write(
            {"state": "explanation", "explanation_date": fields.Date.context_today(self)}
        )
        for objection in self.sudo():
            user = objection.evaluator_id.user_id
            if user:
                objection.activity_schedule(
                    "hr_kinerja_asn.mail_activity_type_objection_explain",
                    date_deadline=objection.decision_deadline,
                    user_id=user.id,
                )
        return True

    def _decision_values(self):
        """The evaluation's new values for a change; checks the decision."""
        self.ensure_one()
        if not self.decision:
            raise UserError(_("Choose whether to uphold or change the result."))
        if self.decision == "uphold":
            return {}
        evaluation = self.sudo().evaluation_id
        if not (self.new_result_rating or self.new_behaviour_rating or self.new_predicate):
            raise UserError(
                _("To change the result, give the new ratings and/or the new predicate.")
            )
        if not (self.new_recommendation or "").strip():
            raise UserError(
                _("A changed result carries a new recommendation (003 section Keberatan 7).")
            )
        result = self.new_result_rating or evaluation.result_rating
        behaviour = self.new_behaviour_rating or evaluation.behaviour_rating
        vals = {"recommendation": self.new_recommendation}
        if self.new_result_rating:
            vals["result_rating"] = result
        if self.new_behaviour_rating:
            vals["behaviour_rating"] = behaviour
        quadrant = (
            rule_quadrant.employee_predicate(result, behaviour)
            if result and behaviour and not evaluation.tugas_belajar
            else evaluation.quadrant_predicate
        )
        predicate = self.new_predicate or quadrant or evaluation.predicate
        vals["predicate"] = predicate
        vals["predicate_justification"] = (
            _(
                "Changed by the objection decision of %(date)s: %(note)s",
                date=fields.Date.context_today(self),
                note=(self.decision_note or "").strip() or self.new_recommendation,
            )
            if predicate != quadrant
            else False
        )
        return vals

    def action_decide(self):
        """The superior decides: upholds, or changes the result (then written to the
        evaluation: predicate, distribution counts, credit points, allowance basis)."""
        for objection in self:
            why = objection._superior_refusal(("filed", "explanation"))
            if why:
                raise UserError(why)
        me = self.env.user.employee_ids[:1]
        today = fields.Date.context_today(self)
        for objection in self:
            vals = objection._decision_values()
            evaluation = objection.sudo().evaluation_id
            workflow(objection).write(
                {
                    "state": "decided",
                    "decided_date": today,
                    "decided_by_id": me.id,
                    "old_predicate": evaluation.predicate,
                    "old_recommendation": evaluation.recommendation,
                }
            )
            if vals:
                evaluation._apply_objection_decision(vals)
        activities = self.sudo().activity_ids
        activities.action_feedback(feedback=_("Decided"))
        return True

    def write(self, vals):
        decided = self.filtered(lambda o: o.state == "decided")
        if decided and not self.env.su:
            raise UserError(
                _(
                    "The objection was decided on %(date)s: the decision is final.",
                    date=decided[0].decided_date,
                )
            )
        return super().write(vals)

    def action_print_d13(self):
        return self.env.ref("hr_kinerja_asn.action_report_keberatan").report_action(self)

    # -- the missed decision deadline ----------------------------------------------------
    @api.model
    def _cron_decision_overdue(self):
        """Objections not decided by their deadline: marked, and one to-do per
        objection to each HR officer of the agency (the seeds are silent; see the
        class docstring)."""
        today = fields.Date.context_today(self)
        late = self.sudo().search(
            [
                ("state", "in", ("filed", "explanation")),
                ("decision_overdue", "=", False),
                ("decision_deadline", "<", today),
            ]
        )
        if not late:
            return late
        workflow(late).write({"decision_overdue": True})
        officers = self.env.ref("hr_kinerja_asn.group_kinerja_officer").users
        for objection in late:
            for user in officers.filtered(
                lambda u, c=objection.company_id: c in u.company_ids and not u.share
            ):
                objection.activity_schedule(
                    "hr_kinerja_asn.mail_activity_type_objection_overdue",
                    date_deadline=today,
                    user_id=user.id,
                )
        return late


class HrKinerjaEvaluationObjection(models.Model):
    _inherit = "hr.kinerja.evaluation"

    objection_ids = fields.One2many("hr.kinerja.keberatan", "evaluation_id", string="Objections")
    can_object = fields.Boolean(compute="_compute_can_object")

    def _objection_refusal(self):
        """Why the user cannot object to this evaluation (False: they can): only
        its employee, after receiving the document, within the objection window."""
        self.ensure_one()
        evaluation = self.sudo()
        if not self._user_is(evaluation.employee_id):
            return _("Only the evaluated employee files an objection to their evaluation.")
        if not evaluation.received_date:
            return _(
                "An objection is filed once you have received the evaluation document "
                "(003 section Keberatan 1)."
            )
        today = fields.Date.context_today(self)
        if evaluation.objection_deadline and today > evaluation.objection_deadline:
            return _(
                "The objection period ended on %(deadline)s: an objection is filed within "
                "%(days)s working days of receiving the evaluation document (received on "
                "%(received)s; 003 section Keberatan 2).",
                deadline=evaluation.objection_deadline.strftime("%d/%m/%Y"),
                days=evaluation.period_id.objection_workdays,
                received=evaluation.received_date.strftime("%d/%m/%Y"),
            )
        return False

    @api.depends_context("uid")
    @api.depends("received_date", "objection_deadline")
    def _compute_can_object(self):
        for evaluation in self:
            evaluation.can_object = not evaluation.sudo().objection_ids and not (
                evaluation._objection_refusal()
            )

    def action_object(self):
        """Open a new objection to this evaluation (the employee, within the window)."""
        self.ensure_one()
        why = self._objection_refusal()
        if why:
            raise UserError(why)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.kinerja.keberatan",
            "view_mode": "form",
            "target": "current",
            "context": {"default_evaluation_id": self.id},
        }

    def _apply_objection_decision(self, vals):
        """Write an objection's change to the evaluation (checked by the decision):
        the predicate is tracked; the distribution counts follow by their compute;
        the credit-point line of the evaluation, if any, is written again."""
        self.ensure_one()
        objection_decision(self.sudo()).write(vals)
        Ledger = self.env["hr.kinerja.angka.kredit"].sudo()
        lines = Ledger.search([("evaluation_id", "=", self.id)])
        if lines:
            lines.unlink()
            Ledger._record(self.sudo())
