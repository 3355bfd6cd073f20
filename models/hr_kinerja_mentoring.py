from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hr_kinerja_pembinaan_mixin import DATE_FIELDS, GUIDANCE_ROLE_FIELDS, SERVER_FIELDS
from .policy import allow

# "diisi oleh pegawai" on Format B.1.7: the goal and its plan.
EMPLOYEE_PART = ("goal", "skill", "duration", "expected_change", "success_measure")
# The mentor's part: the form of mentoring and the journal.
MENTOR_PART = ("mentoring_form", "journal_ids")
MENTORING_FORMS = [
    ("shadowing", "Shadowing Events"),
    ("work_sharing", "Work Sharing"),
    ("hands_on", "Hands-on Training"),
    ("introduction", "Introduction"),
]


class HrKinerjaMentoring(models.Model):
    """Pelaksanaan mentoring (003 Format B.1.7): a mentor experienced in a field
    shares knowledge and experience with the employee (003 section Pembinaan kinerja
    4, Mentoring 1-3). The employee first sets out what they want to achieve, the
    specific skill, the time frame, the change expected and the measure of success;
    the mentoring itself is kept as a journal (time and place, material, action plan,
    its target date)."""

    _name = "hr.kinerja.mentoring"
    _description = "Mentoring (B.1.7)"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.pembinaan.mixin",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The mentor - the
    # employee's evaluator or their superior, or another party an HR officer assigns
    # (003 section Pembinaan kinerja 4 b) - opens the form for the employee, keeps the
    # journal and signs; the employee fills in the goal and its plan ("diisi oleh
    # pegawai", Format B.1.7); an HR officer acts for the mentor and alone hands the
    # form to another mentor. Everything only while it is a draft; a form stays about
    # its employee; the evaluators are captured, the signature is the Sign button's.
    _kinerja_role_fields = {**GUIDANCE_ROLE_FIELDS, "mentor": "mentor_id"}
    _kinerja_policy = (
        allow(
            ("mentor", "officer"),
            "create",
            ["employee_id", "company_id", "mentor_id", *DATE_FIELDS, *MENTOR_PART, *EMPLOYEE_PART],
        ),
        allow(
            ("mentor", "officer"),
            "write",
            [*DATE_FIELDS, *MENTOR_PART, *EMPLOYEE_PART],
            states=["draft"],
        ),
        allow("officer", "write", ["mentor_id"], states=["draft"]),
        allow("employee", "write", EMPLOYEE_PART, states=["draft"]),
        allow(("mentor", "officer"), "unlink", states=["draft"]),
    )
    # The follow-up forms (B.1.8, B.1.9) point at the mentoring, not the reverse.
    _kinerja_server_fields = (*SERVER_FIELDS, "feedback_ids", "competency_evaluation_ids")

    _author_field = "mentor_id"
    _employee_fields = frozenset(EMPLOYEE_PART)

    mentor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_mentor_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The leader or another party given a special assignment, experienced in the "
        "field (003 section Pembinaan kinerja 4 b). By default the employee's evaluator.",
    )
    mentoring_form = fields.Selection(
        MENTORING_FORMS,
        string="Form of Mentoring",
        help="Shadowing: the employee follows the mentor's project and observes. Work "
        "sharing: the employee contributes actively to it. Hands-on training: the mentor "
        "introduces and trains a new task. Introduction: the mentor introduces people "
        "with the expertise sought.",
    )
    goal = fields.Text(help="What do I want to achieve with mentoring? Filled in by the employee.")
    skill = fields.Text("Skill to Develop", help="The specific expertise or skill to be developed.")
    duration = fields.Char("Mentoring Period", help="E.g. three months, November 2026.")
    expected_change = fields.Text(help="The change the leader should notice.")
    success_measure = fields.Text("Measure of Success")
    journal_ids = fields.One2many(
        "hr.kinerja.mentoring.journal", "mentoring_id", string="Mentoring Journal"
    )
    feedback_ids = fields.One2many(
        "hr.kinerja.guidance.feedback", "mentoring_id", string="Employee's Feedback"
    )
    competency_evaluation_ids = fields.One2many(
        "hr.kinerja.competency.evaluation", "mentoring_id", string="Competency Evaluations"
    )

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for mentoring in self:
            mentoring.name = _(
                "Mentoring of %(employee)s (%(date)s)",
                employee=mentoring.employee_id.name or "",
                date=mentoring.date or "",
            )

    @api.depends("employee_id")
    def _compute_mentor_id(self):
        for mentoring in self:
            mentoring.mentor_id = mentoring._default_guide()

    @api.constrains("employee_id", "mentor_id")
    def _check_mentor(self):
        for mentoring in self:
            if mentoring.mentor_id == mentoring.employee_id:
                raise ValidationError(
                    _(
                        "%(employee)s cannot mentor themselves.",
                        employee=mentoring.employee_id.name,
                    )
                )

    def _check_complete(self):
        self.ensure_one()
        if not (self.goal or "").strip() or not (self.skill or "").strip():
            raise UserError(
                _(
                    "%(record)s needs the goal and the skill to develop, filled in by the "
                    "employee.",
                    record=self.display_name,
                )
            )
        if not self.journal_ids:
            raise UserError(
                _(
                    "%(record)s has no journal entry: record at least one mentoring session.",
                    record=self.display_name,
                )
            )

    def action_open_feedback(self):
        """The employee's feedback on the mentoring (Format B.1.8)."""
        self.ensure_one()
        return self._guidance_followup_action(
            "hr.kinerja.guidance.feedback", _("Feedback on the Guidance"), "mentoring_id"
        )

    def action_open_competency_evaluation(self):
        """The mentor's competency evaluation after the mentoring (Format B.1.9)."""
        self.ensure_one()
        return self._guidance_followup_action(
            "hr.kinerja.competency.evaluation", _("Competency Evaluation"), "mentoring_id"
        )
