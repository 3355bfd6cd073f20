from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .hr_kinerja_pembinaan_mixin import DATE_FIELDS, GUIDANCE_ROLE_FIELDS, SERVER_FIELDS
from .policy import allow

# What the employee answers and says on Format B.1.8.
ANSWER_FIELDS = ("line_ids", "comment")
# What is set when the form is opened; afterwards it stays on its guidance.
CREATE_FIELDS = (
    "coaching_id",
    "mentoring_id",
    "employee_id",
    "company_id",
    *DATE_FIELDS,
    *ANSWER_FIELDS,
)


class HrKinerjaGuidanceFeedback(models.Model):
    """Umpan balik pelaksanaan bimbingan kinerja (003 Format B.1.8): after a
    coaching or a mentoring the employee answers nine statements about themselves,
    about the coach or mentor and about both, signs, and the form goes to the
    leader's superior (003 section Pembinaan kinerja 4 g). The employee writes and
    signs it; the coach or mentor, the evaluator and the evaluator's superior read
    it."""

    _name = "hr.kinerja.guidance.feedback"
    _description = "Feedback on Performance Guidance (B.1.8)"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.pembinaan.mixin",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The employee who received
    # the guidance gives the feedback on it, answers and signs (003 section Pembinaan
    # kinerja 4 g); an HR officer may record it for them. Only while it is a draft;
    # it stays on its guidance; the coach or mentor, the evaluators and the average
    # are taken from the guidance and the answers, the signature is the Sign button's.
    _kinerja_policy = (
        allow(
            ("employee", "officer"),
            "create",
            CREATE_FIELDS,
        ),
        allow(("employee", "officer"), "write", [*DATE_FIELDS, *ANSWER_FIELDS], states=["draft"]),
        allow(("employee", "officer"), "unlink", states=["draft"]),
    )
    _kinerja_server_fields = SERVER_FIELDS
    _kinerja_role_fields = GUIDANCE_ROLE_FIELDS

    _author_field = "employee_id"
    _author_guides = False
    _onchange_protected = ("coaching_id", "mentoring_id")

    employee_id = fields.Many2one(
        compute="_compute_employee_id", store=True, precompute=True, readonly=False
    )
    coaching_id = fields.Many2one("hr.kinerja.coaching", index=True, check_company=True)
    mentoring_id = fields.Many2one("hr.kinerja.mentoring", index=True, check_company=True)
    guide_id = fields.Many2one(
        "hr.employee",
        string="Coach / Mentor",
        compute="_compute_guide_id",
        store=True,
        index=True,
    )
    line_ids = fields.One2many(
        "hr.kinerja.guidance.feedback.line", "feedback_id", string="Statements"
    )
    average_score = fields.Float(
        compute="_compute_average_score",
        store=True,
        digits=(3, 2),
        help="Average of the answered statements, 1 (strongly disagree) to 4 (strongly agree).",
    )
    comment = fields.Text(help="Anything else the employee wants to say about the guidance.")

    @api.depends("employee_id.name", "coaching_id", "mentoring_id", "date")
    def _compute_name(self):
        for feedback in self:  # stored for search; readers see display_name
            feedback.name = feedback._title()

    @api.depends("employee_id.name", "coaching_id", "mentoring_id", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for feedback in self:
            feedback.display_name = feedback._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Feedback of %(employee)s on %(guidance)s (%(date)s)",
            employee=self.employee_id.name or "",
            guidance=_("coaching") if self.coaching_id else _("mentoring"),
            date=format_date(self.env, self.date) if self.date else "",
        )

    @api.depends("coaching_id", "mentoring_id")
    def _compute_employee_id(self):
        for feedback in self:
            guidance = feedback.coaching_id or feedback.mentoring_id
            feedback.employee_id = guidance.employee_id or feedback.employee_id

    @api.depends("coaching_id.coach_id", "mentoring_id.mentor_id")
    def _compute_guide_id(self):
        for feedback in self:
            feedback.guide_id = feedback.coaching_id.coach_id or feedback.mentoring_id.mentor_id

    @api.depends("line_ids.score")
    def _compute_average_score(self):
        for feedback in self:
            scores = [score for score in feedback.line_ids.mapped("score") if score]
            feedback.average_score = sum(scores) / len(scores) if scores else 0.0

    def _guidance(self):
        self.ensure_one()
        return self.coaching_id or self.mentoring_id

    @api.model
    def default_get(self, fields_list):
        """A new form lists the nine statements of B.1.8, ready to be answered."""
        values = super().default_get(fields_list)
        if "line_ids" in fields_list and not values.get("line_ids"):
            values["line_ids"] = self._statement_lines()
        return values

    @api.model
    def _statement_lines(self):
        return [
            Command.create({"statement_id": statement.id})
            for statement in self.env["hr.kinerja.guidance.statement"].search([])
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            guidance = self.env["hr.kinerja.coaching"].browse(vals.get("coaching_id")) or (
                self.env["hr.kinerja.mentoring"].browse(vals.get("mentoring_id"))
            )
            if guidance and not vals.get("employee_id"):
                vals["employee_id"] = guidance.employee_id.id
            if not vals.get("line_ids"):
                vals["line_ids"] = self._statement_lines()
        records = super().create(vals_list)
        for feedback in records:
            guidance = feedback._guidance()
            if guidance.state != "done":
                raise UserError(
                    _(
                        "%(guidance)s is not signed yet: the employee gives feedback after "
                        "the guidance (003 section Pembinaan kinerja 4 g).",
                        guidance=guidance.display_name,
                    )
                )
        return records

    @api.constrains("coaching_id", "mentoring_id", "employee_id")
    def _check_guidance(self):
        for feedback in self:
            if bool(feedback.coaching_id) == bool(feedback.mentoring_id):
                raise ValidationError(
                    _("Feedback is given on one coaching or one mentoring: choose one.")
                )
            guidance = feedback._guidance()
            if guidance.employee_id != feedback.employee_id:
                raise ValidationError(
                    _(
                        "%(guidance)s is the guidance of %(employee)s: only they give "
                        "feedback on it.",
                        guidance=guidance.display_name,
                        employee=guidance.employee_id.name,
                    )
                )
            field = "coaching_id" if feedback.coaching_id else "mentoring_id"
            if self.search_count([(field, "=", guidance.id), ("id", "!=", feedback.id)]):
                raise ValidationError(
                    _(
                        "%(employee)s has already given feedback on %(guidance)s.",
                        employee=feedback.employee_id.name,
                        guidance=guidance.display_name,
                    )
                )

    def _check_complete(self):
        self.ensure_one()
        missing = self.line_ids.filtered(lambda line: not line.score)
        if missing:
            raise UserError(
                _(
                    "Answer every statement before signing; still open: %(statements)s",
                    statements="; ".join(missing.mapped("statement_id.name")),
                )
            )
