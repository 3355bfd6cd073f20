from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .hr_kinerja_competency_evaluation_line import COMPETENCIES
from .hr_kinerja_pembinaan_mixin import DATE_FIELDS, GUIDANCE_ROLE_FIELDS, SERVER_FIELDS
from .policy import allow

# What the assessor scores and recommends on Format B.1.9.
ASSESSMENT_FIELDS = ("line_ids", "recommendation")
# What the assessor (or an HR officer) sets when the form is opened; afterwards the
# form stays about its employee and its guidance.
CREATE_FIELDS = (
    "coaching_id",
    "mentoring_id",
    "employee_id",
    "company_id",
    "assessor_id",
    *DATE_FIELDS,
    *ASSESSMENT_FIELDS,
)


class HrKinerjaCompetencyEvaluation(models.Model):
    """Evaluasi kompetensi pegawai sebagai tindak lanjut bimbingan kinerja (003
    Format B.1.9): after the guidance, the leader or the assigned party scores the
    employee 1-5 on the seven managerial competencies, the socio-cultural one and
    the technical competencies of the position, each with the reason, and
    recommends (003 section Pembinaan kinerja 4 h). Made by someone else than the
    evaluator, it is reported to the evaluator, who reports to their superior
    (4 i-j): both read it."""

    _name = "hr.kinerja.competency.evaluation"
    _description = "Competency Evaluation after Guidance (B.1.9)"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.pembinaan.mixin",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The assessor - the coach
    # or mentor of the guidance, the employee's evaluator or their superior, or
    # another party an HR officer assigns (003 section Pembinaan kinerja 4 b, h) -
    # opens the form, scores, recommends and signs; an HR officer acts for the
    # assessor and alone hands the form to another one. The employee reads it and
    # writes nothing. Only while it is a draft; it stays about its employee and its
    # guidance; the evaluators and the average are computed, the signature is the
    # Sign button's.
    _kinerja_role_fields = {**GUIDANCE_ROLE_FIELDS, "assessor": "assessor_id"}
    _kinerja_policy = (
        allow(
            ("assessor", "officer"),
            "create",
            CREATE_FIELDS,
        ),
        allow(
            ("assessor", "officer"), "write", [*DATE_FIELDS, *ASSESSMENT_FIELDS], states=["draft"]
        ),
        allow("officer", "write", ["assessor_id"], states=["draft"]),
        allow(("assessor", "officer"), "unlink", states=["draft"]),
    )
    _kinerja_server_fields = SERVER_FIELDS

    _author_field = "assessor_id"
    _onchange_protected = ("coaching_id", "mentoring_id")

    employee_id = fields.Many2one(
        compute="_compute_employee_id", store=True, precompute=True, readonly=False
    )
    coaching_id = fields.Many2one("hr.kinerja.coaching", index=True, check_company=True)
    mentoring_id = fields.Many2one("hr.kinerja.mentoring", index=True, check_company=True)
    assessor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_assessor_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The leader or the party assigned who gave the guidance: by default the "
        "coach or mentor, else the employee's evaluator.",
    )
    line_ids = fields.One2many(
        "hr.kinerja.competency.evaluation.line", "evaluation_id", string="Competencies"
    )
    recommendation = fields.Text()
    average_score = fields.Float(compute="_compute_average_score", store=True, digits=(3, 2))

    def _guides_in_line(self):
        """Also the coach or mentor who gave the guidance evaluated (4 h)."""
        return super()._guides_in_line() | self.coaching_id.coach_id | self.mentoring_id.mentor_id

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for evaluation in self:  # stored for search; readers see display_name
            evaluation.name = evaluation._title()

    @api.depends("employee_id.name", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for evaluation in self:
            evaluation.display_name = evaluation._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Competency evaluation of %(employee)s (%(date)s)",
            employee=self.employee_id.name or "",
            date=format_date(self.env, self.date) if self.date else "",
        )

    @api.depends("coaching_id", "mentoring_id")
    def _compute_employee_id(self):
        for evaluation in self:
            guidance = evaluation.coaching_id or evaluation.mentoring_id
            evaluation.employee_id = guidance.employee_id or evaluation.employee_id

    @api.depends("coaching_id", "mentoring_id", "employee_id")
    def _compute_assessor_id(self):
        for evaluation in self:
            evaluation.assessor_id = (
                evaluation.coaching_id.coach_id
                or evaluation.mentoring_id.mentor_id
                or evaluation._default_guide()
            )

    @api.depends("line_ids.score")
    def _compute_average_score(self):
        for evaluation in self:
            scores = [score for score in evaluation.line_ids.mapped("score") if score]
            evaluation.average_score = sum(scores) / len(scores) if scores else 0.0

    def _guidance(self):
        self.ensure_one()
        return self.coaching_id or self.mentoring_id

    @api.model
    def default_get(self, fields_list):
        """A new form lists the competencies printed on B.1.9, ready to be scored."""
        values = super().default_get(fields_list)
        if "line_ids" in fields_list and not values.get("line_ids"):
            values["line_ids"] = [Command.create({"competency": code}) for code in COMPETENCIES]
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            guidance = self.env["hr.kinerja.coaching"].browse(vals.get("coaching_id")) or (
                self.env["hr.kinerja.mentoring"].browse(vals.get("mentoring_id"))
            )
            if guidance and not vals.get("employee_id"):
                vals["employee_id"] = guidance.employee_id.id
        records = super().create(vals_list)
        records._add_standard_competencies()
        for evaluation in records:
            guidance = evaluation._guidance()
            if guidance and guidance.state != "done":
                raise UserError(
                    _(
                        "%(guidance)s is not signed yet: competencies are evaluated after "
                        "the guidance (003 section Pembinaan kinerja 4 h).",
                        guidance=guidance.display_name,
                    )
                )
        return records

    def _add_standard_competencies(self):
        """The seven managerial competencies and the socio-cultural one of the form."""
        values = []
        for evaluation in self:
            present = set(evaluation.line_ids.mapped("competency"))
            values += [
                {"evaluation_id": evaluation.id, "competency": code}
                for code in COMPETENCIES
                if code not in present
            ]
        self.env["hr.kinerja.competency.evaluation.line"].create(values)

    @api.constrains("coaching_id", "mentoring_id", "employee_id", "assessor_id")
    def _check_guidance(self):
        for evaluation in self:
            if evaluation.coaching_id and evaluation.mentoring_id:
                raise ValidationError(
                    _("A competency evaluation follows one coaching or one mentoring, not both.")
                )
            guidance = evaluation._guidance()
            if guidance and guidance.employee_id != evaluation.employee_id:
                raise ValidationError(
                    _(
                        "%(guidance)s is the guidance of %(employee)s, not of the employee "
                        "evaluated.",
                        guidance=guidance.display_name,
                        employee=guidance.employee_id.name,
                    )
                )
            if evaluation.assessor_id == evaluation.employee_id:
                raise ValidationError(
                    _(
                        "%(employee)s cannot evaluate their own competencies.",
                        employee=evaluation.employee_id.name,
                    )
                )

    def _check_complete(self):
        self.ensure_one()
        lines = self.line_ids
        labels = dict(lines._fields["competency"]._description_selection(self.env))
        present = set(lines.mapped("competency"))
        names = [labels[code] for code in COMPETENCIES if code not in present]
        names += lines.filtered(lambda line: not line.score).mapped("display_name")
        if names:
            raise UserError(
                _(
                    "Score every competency from 1 to 5 before signing; still open: "
                    "%(competencies)s",
                    competencies=", ".join(names),
                )
            )
