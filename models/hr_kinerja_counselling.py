from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from .policy import allow
from .read_guard import check_onchange, check_readable
from .workflow import is_workflow, workflow

COUNSELLING_GROUP = "hr_kinerja_asn.group_kinerja_counselling"
STATES = [
    ("new", "New"),
    ("assigned", "Counsellor Assigned"),
    ("in_progress", "In Progress"),
    ("closed", "Closed"),
]
# What the counsellor writes on the case; the appointment is the HR unit's.
COUNSELLOR_FIELDS = frozenset({"outcome", "recommendation", "session_ids"})
WORKFLOW_FIELDS = frozenset({"state", "date_closed"})
OPEN_STATES = ("new", "assigned", "in_progress")
COUNSELLED_STATES = ("assigned", "in_progress")


class HrKinerjaCounselling(models.Model):
    """Konseling kinerja: the confidential case of an employee with a work-behaviour
    problem (003 section Konseling kinerja 5). From the evaluators' reports
    (Format B.1.10) the HR unit lists the employees concerned, decides on
    counselling, appoints a counsellor - an independent counsellor, an evaluator
    trained in counselling or an official whose function it is - and sets the
    schedule and place of individual sessions; the counsellor records the result
    (5 c 2 (a)-(c)).

    Confidential (5 b): read only by the counsellor and the members of the
    counselling group - not by the reporting evaluator, not by the HR officers as
    such, not by colleagues."""

    _name = "hr.kinerja.counselling"
    _description = "Performance Counselling Case"
    _inherit = ["hr.kinerja.policy", "mail.thread", "mail.activity.mixin"]
    _order = "state_sequence, date_open desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The counselling group of
    # the HR unit opens a case for an employee (behaviour reports open theirs on
    # submission), appoints the counsellor and schedules sessions (5 c 2 (a)); the
    # counsellor appointed records the sessions, the outcome and the recommended
    # follow-up (5 c 2 (b)-(c)) - theirs alone, the group does not rewrite them. A
    # case stays about its employee; a closed case changes only once reopened; the
    # state moves by the Assign, Close and Reopen buttons.
    _kinerja_role_fields = {"counsellor": "counsellor_id"}
    _kinerja_policy = (
        allow(
            "counselling",
            "create",
            ["employee_id", "company_id", "date_open", "counsellor_id", "counsellor_type"],
        ),
        allow(
            "counselling",
            "write",
            ["date_open", "counsellor_id", "counsellor_type"],
            states=OPEN_STATES,
        ),
        allow("counselling", "write", ["session_ids"], states=COUNSELLED_STATES),
        allow("counsellor", "write", COUNSELLOR_FIELDS, states=COUNSELLED_STATES),
    )
    _kinerja_server_fields = ("state", "date_closed", "report_ids")

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    report_ids = fields.One2many(
        "hr.kinerja.behaviour.report",
        "case_id",
        string="Behaviour Reports",
        readonly=True,
        groups=COUNSELLING_GROUP,
    )
    report_count = fields.Integer(compute="_compute_report_count")
    counsellor_id = fields.Many2one(
        "res.users",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Reads and writes this case and its sessions (003 section Konseling kinerja "
        "5 c 2 (a)(3) and (b)).",
    )
    counsellor_type = fields.Selection(
        [
            ("independent", "Independent Counsellor"),
            ("evaluator", "Evaluator Trained in Counselling"),
            ("official", "Official with a Counselling Function"),
        ],
        tracking=True,
    )
    date_open = fields.Date("Opened On", required=True, default=fields.Date.context_today)
    date_closed = fields.Date("Closed On", readonly=True, copy=False)
    state = fields.Selection(STATES, default="new", required=True, tracking=True, copy=False)
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    session_ids = fields.One2many("hr.kinerja.counselling.session", "case_id", string="Sessions")
    session_count = fields.Integer(compute="_compute_session_count")
    outcome = fields.Text(
        help="Rekaman informasi hasil konseling: the result of the counselling, recorded "
        "and signed by the counsellor (5 c 2 (c)).",
    )
    recommendation = fields.Text(
        "Recommended Follow-up",
        help="For the evaluator's superior, the PyB or the HR unit, who decide the "
        "follow-up (5 c 2 (e)).",
    )

    user_is_counselling = fields.Boolean(
        compute="_compute_user_is_counselling",
        help="The current user belongs to the counselling group.",
    )

    @api.depends("employee_id.name", "date_open")
    def _compute_name(self):
        for case in self:  # stored for search; readers see display_name
            case.name = case._title()

    @api.depends("employee_id.name", "date_open")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for case in self:
            case.display_name = case._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Counselling of %(employee)s (%(date)s)",
            employee=self.employee_id.name or "",
            date=format_date(self.env, self.date_open) if self.date_open else "",
        )

    @api.depends("state")
    def _compute_state_sequence(self):
        order = [state for state, _label in STATES]
        for case in self:
            case.state_sequence = order.index(case.state)

    @api.depends_context("uid")
    def _compute_user_is_counselling(self):
        self.user_is_counselling = self._is_counselling()

    def _reports(self):
        """The reports of the cases, also for a counsellor outside the counselling
        group (who reads them through the record rules, not through this field)."""
        return self.env["hr.kinerja.behaviour.report"].sudo().search([("case_id", "in", self.ids)])

    def _compute_report_count(self):
        reports = self._reports()
        for case in self:
            case.report_count = len(reports.filtered(lambda r, c=case: r.case_id == c))

    def _compute_session_count(self):
        for case in self:
            case.session_count = len(case.session_ids)

    # -- roles --------------------------------------------------------------------
    def _is_counselling(self):
        return self.env.su or self.env.user.has_group(COUNSELLING_GROUP)

    def _is_counsellor(self):
        return self.counsellor_id == self.env.user

    def _hidden_message(self):
        return _("Only the counsellor of a counselling case and the counselling group see it.")

    def _check_cases_readable(self):
        """Nothing about a case - not its name, not that it exists - to whoever
        cannot read it (the policy's refusals name the record)."""
        check_readable(self, self._hidden_message())

    def onchange(self, values, field_names, fields_spec):
        check_onchange(self, values, [], self._hidden_message())
        return super().onchange(values, field_names, fields_spec)

    def _check_counselling_group(self):
        if not self._is_counselling():
            raise AccessError(
                _("Only the counselling group of the HR unit lists, assigns and reopens cases.")
            )

    # -- constraints --------------------------------------------------------------
    @api.constrains("employee_id", "counsellor_id")
    def _check_counsellor(self):
        for case in self:
            if case.counsellor_id and case.counsellor_id == case.employee_id.sudo().user_id:
                raise ValidationError(
                    _(
                        "%(employee)s cannot be their own counsellor.",
                        employee=case.employee_id.name,
                    )
                )

    # -- write --------------------------------------------------------------------
    def write(self, vals):
        if not is_workflow(self):
            self._check_cases_readable()
            if WORKFLOW_FIELDS & set(vals):
                raise UserError(
                    _("Use the Assign, Close and Reopen buttons to change a case's state.")
                )
            closed = self.filtered(lambda c: c.state == "closed")
            if closed:
                raise UserError(
                    _(
                        "%(case)s is closed: the counselling group reopens it to change it.",
                        case=closed[0].name,
                    )
                )
            if not self._is_counselling():
                others = set(vals) - COUNSELLOR_FIELDS
                if others or not all(case._is_counsellor() for case in self):
                    raise AccessError(
                        _(
                            "The counsellor records the outcome and the recommendation; the "
                            "rest of the case is the counselling group's."
                        )
                    )
        old_partners = (
            {case.id: case.counsellor_id.partner_id for case in self}
            if "counsellor_id" in vals
            else {}
        )
        result = super().write(vals)
        if "counsellor_id" in vals:
            for case in self:
                old = old_partners[case.id]
                if old and old != case.counsellor_id.partner_id:
                    # The former counsellor loses the case: no notification, no to-do.
                    case.message_unsubscribe(partner_ids=old.ids)
                    todo = case.activity_ids.filtered(
                        lambda a, partner=old: a.user_id.partner_id == partner
                    )
                    if case.counsellor_id:
                        todo.write({"user_id": case.counsellor_id.id})
                    else:
                        todo.unlink()
                if case.state != "new":
                    case._follow_counsellor()
            # The sessions name the counsellor, computed with the writer's rights:
            # now, while they are the counselling group's.
            self.session_ids.flush_recordset(["counsellor_id"])
        return result

    def _transition(self, vals):
        return workflow(self).write(vals)

    def _follow_counsellor(self):
        for case in self.filtered("counsellor_id"):
            case.message_subscribe(partner_ids=case.counsellor_id.partner_id.ids)

    def unlink(self):
        if not self.env.su:
            # Before the policy's refusal, which names the case and says less.
            self._check_cases_readable()
            self._unlink_never()
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("A counselling case stays on file: close it instead."))

    # -- lifecycle (003 section Konseling kinerja 5 c 2) --------------------------
    def action_assign(self):
        """The HR unit decides on counselling and appoints the counsellor, who
        follows the case and gets a to-do to schedule the sessions."""
        self._check_counselling_group()
        for case in self:
            if case.state != "new":
                raise UserError(_("%(case)s already has a counsellor.", case=case.name))
            if not case.counsellor_id:
                raise UserError(_("Choose the counsellor of %(case)s first.", case=case.name))
        self._transition({"state": "assigned"})
        self._follow_counsellor()
        for case in self:
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=case.counsellor_id.id,
                summary=_("Schedule the counselling sessions"),
                note=_("Agree the schedule and a private place with the employee."),
            )
        return True

    def action_close(self):
        """The counsellor (or the counselling group) closes the case with its
        outcome."""
        for case in self:
            if not (case._is_counsellor() or case._is_counselling()):
                raise AccessError(_("Only the counsellor or the counselling group closes a case."))
            if case.state not in ("assigned", "in_progress"):
                raise UserError(_("Only a case with a counsellor can be closed: assign one first."))
            if not (case.outcome or "").strip():
                raise UserError(
                    _(
                        "Record the outcome of the counselling of %(employee)s before closing "
                        "the case.",
                        employee=case.employee_id.name,
                    )
                )
        self._transition({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_reopen(self):
        self._check_counselling_group()
        for case in self:
            if case.state != "closed":
                raise UserError(_("Only a closed case can be reopened."))
            case._transition(
                {"state": "in_progress" if case.session_ids else "assigned", "date_closed": False}
            )
        return True

    def action_view_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Behaviour Reports"),
            "res_model": "hr.kinerja.behaviour.report",
            "view_mode": "list,form",
            "domain": [("id", "in", self._reports().ids)],
            "context": {"create": False},
        }
