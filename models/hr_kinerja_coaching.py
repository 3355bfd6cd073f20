from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .hr_kinerja_pembinaan_mixin import DATE_FIELDS, GUIDANCE_ROLE_FIELDS, SERVER_FIELDS
from .policy import allow

# "diisi oleh pegawai" on Format B.1.6: the goal, the facts and the options.
EMPLOYEE_PART = ("goal_line_ids", "reality_line_ids", "options")
# The coach's part: the way forward agreed with the employee and the SKP adjustment.
COACH_PART = ("way_forward_line_ids", "skp_adjustment_note")


class HrKinerjaCoaching(models.Model):
    """Pelaksanaan coaching (003 Format B.1.6): a coach - the leader or another
    party given a special assignment - asks questions until the employee finds a
    strategy for a problem (003 section Pembinaan kinerja 4 e). The form follows the
    GROW steps: the goal, the facts ("where am I now"), the options ("what can I
    do") and the way forward agreed with the coach, saying for each indicator
    whether its measure and target are adjusted - which then goes through an SKP
    adjustment (003 Pasal 19(4))."""

    _name = "hr.kinerja.coaching"
    _description = "Coaching (B.1.6)"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.pembinaan.mixin",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The coach - the
    # employee's evaluator or their superior, or another party an HR officer assigns
    # (003 section Pembinaan kinerja 4 b) - opens the form for the employee, writes
    # it and signs it; the employee fills in the goal, the facts and the options
    # ("diisi oleh pegawai", Format B.1.6); an HR officer acts for the coach and
    # alone hands the form to another coach. Everything only while it is a draft; a
    # form stays about its employee; the evaluators are captured, the signature is
    # the Sign button's.
    _kinerja_role_fields = {**GUIDANCE_ROLE_FIELDS, "coach": "coach_id"}
    _kinerja_policy = (
        allow(
            ("coach", "officer"),
            "create",
            ["employee_id", "company_id", "coach_id", *DATE_FIELDS, *COACH_PART, *EMPLOYEE_PART],
        ),
        allow(
            ("coach", "officer"),
            "write",
            [*DATE_FIELDS, *COACH_PART, *EMPLOYEE_PART],
            states=["draft"],
        ),
        allow("officer", "write", ["coach_id"], states=["draft"]),
        allow("employee", "write", EMPLOYEE_PART, states=["draft"]),
        allow(("coach", "officer"), "unlink", states=["draft"]),
    )
    # The follow-up forms (B.1.8, B.1.9) point at the coaching, not the reverse.
    _kinerja_server_fields = (*SERVER_FIELDS, "feedback_ids", "competency_evaluation_ids")

    _author_field = "coach_id"
    _employee_fields = frozenset(EMPLOYEE_PART)

    coach_id = fields.Many2one(
        "hr.employee",
        compute="_compute_coach_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The leader or another party given a special assignment (003 section "
        "Pembinaan kinerja 4 b). By default the employee's evaluator.",
    )
    goal_line_ids = fields.One2many(
        "hr.kinerja.coaching.line",
        "coaching_id",
        string="Goal",
        domain=[("part", "=", "goal")],
        context={"default_part": "goal"},
        help="What do I want to achieve? Filled in by the employee.",
    )
    reality_line_ids = fields.One2many(
        "hr.kinerja.coaching.line",
        "coaching_id",
        string="Facts",
        domain=[("part", "=", "reality")],
        context={"default_part": "reality"},
        help="Where am I now? Filled in by the employee.",
    )
    options = fields.Text(
        help="Options: what can I do? Filled in by the employee.",
    )
    way_forward_line_ids = fields.One2many(
        "hr.kinerja.coaching.line",
        "coaching_id",
        string="Way Forward",
        domain=[("part", "=", "way_forward")],
        context={"default_part": "way_forward"},
        help="What will I do next? The coach's recommendation agreed with the employee.",
    )
    targets_change = fields.Boolean(
        compute="_compute_targets_change",
        store=True,
        help="The way forward adjusts the measure of success or the target of an "
        "indicator: the SKP is then adjusted (003 Pasal 19(4)).",
    )
    skp_adjustment_note = fields.Text(
        "SKP Adjustment",
        help="If targets change: the SKP adjustment that follows (its revision and reason).",
    )
    feedback_ids = fields.One2many(
        "hr.kinerja.guidance.feedback", "coaching_id", string="Employee's Feedback"
    )
    competency_evaluation_ids = fields.One2many(
        "hr.kinerja.competency.evaluation", "coaching_id", string="Competency Evaluations"
    )

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for coaching in self:  # stored for search; readers see display_name
            coaching.name = coaching._title()

    @api.depends("employee_id.name", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for coaching in self:
            coaching.display_name = coaching._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Coaching of %(employee)s (%(date)s)",
            employee=self.employee_id.name or "",
            date=format_date(self.env, self.date) if self.date else "",
        )

    @api.depends("employee_id")
    def _compute_coach_id(self):
        for coaching in self:
            coaching.coach_id = coaching._default_guide()

    @api.depends("way_forward_line_ids.adjust_target")
    def _compute_targets_change(self):
        for coaching in self:
            coaching.targets_change = any(coaching.way_forward_line_ids.mapped("adjust_target"))

    @api.constrains("employee_id", "coach_id")
    def _check_coach(self):
        for coaching in self:
            if coaching.coach_id == coaching.employee_id:
                raise ValidationError(
                    _("%(employee)s cannot coach themselves.", employee=coaching.employee_id.name)
                )

    def _check_complete(self):
        self.ensure_one()
        if not self.goal_line_ids:
            raise UserError(
                _(
                    "%(record)s has no goal: what does the employee want to achieve?",
                    record=self.display_name,
                )
            )
        if not self.way_forward_line_ids:
            raise UserError(
                _(
                    "%(record)s has no way forward: record the strategy agreed with the employee.",
                    record=self.display_name,
                )
            )
        if self.targets_change and not (self.skp_adjustment_note or "").strip():
            raise UserError(
                _(
                    "%(record)s adjusts targets: note the SKP adjustment that follows "
                    "(003 Pasal 19(4)).",
                    record=self.display_name,
                )
            )

    # -- follow-up (003 section Pembinaan kinerja 4 g-h) ------------------------
    def action_open_feedback(self):
        """The employee's feedback on the coaching (Format B.1.8)."""
        self.ensure_one()
        return self._guidance_followup_action(
            "hr.kinerja.guidance.feedback", _("Feedback on the Guidance"), "coaching_id"
        )

    def action_open_competency_evaluation(self):
        """The coach's competency evaluation after the coaching (Format B.1.9)."""
        self.ensure_one()
        return self._guidance_followup_action(
            "hr.kinerja.competency.evaluation", _("Competency Evaluation"), "coaching_id"
        )
