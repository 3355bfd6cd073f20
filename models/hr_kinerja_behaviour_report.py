from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from .policy import allow
from .read_guard import check_onchange, check_readable
from .workflow import is_workflow, workflow

COUNSELLING_GROUP = "hr_kinerja_asn.group_kinerja_counselling"
# The questions of Format B.1.10, answered by the evaluator.
REPORT_FIELDS = (
    "core_value_ids",
    "problem",
    "special_expectation",
    "impact",
    "similar_in_others",
    "steps_taken",
    "feedback_evidence",
)


class HrKinerjaBehaviourReport(models.Model):
    """Laporan permasalahan perilaku kerja (003 Format B.1.10): when an employee's
    work behaviour hampers the performance of the team or unit and does not change
    after the evaluator has raised it, the evaluator reports it to the HR unit with
    the evidence of the continuous feedback given (003 section Konseling kinerja 5
    c 1). The report opens a confidential counselling case.

    Confidential (003 section Konseling kinerja 5 b): read by the reporting
    evaluator, the counselling group and the counsellor of its case - not by the
    employee concerned (the form is the evaluator's, signed by them alone, and the
    behaviour has already been discussed with the employee, 5 c 1 (c)), nor by HR
    officers outside the counselling group."""

    _name = "hr.kinerja.behaviour.report"
    _description = "Work Behaviour Problem Report (B.1.10)"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The reporting evaluator
    # (reporter_id, who must be the employee's evaluator on the date: 5 c 1 (a), (d))
    # writes and deletes the report while it is a draft; the counselling group may
    # record one on their behalf. Submitted, it stays as it was sent: the case it
    # opens and the submission are the Submit button's.
    _kinerja_role_fields = {"evaluator": "reporter_id"}
    _kinerja_policy = (
        allow(
            ("evaluator", "counselling"),
            "create",
            ["employee_id", "reporter_id", "company_id", "date", "period_id", *REPORT_FIELDS],
        ),
        allow(
            ("evaluator", "counselling"),
            "write",
            ["employee_id", "reporter_id", "date", "period_id", *REPORT_FIELDS],
            states=["draft"],
        ),
        allow(("evaluator", "counselling"), "unlink", states=["draft"]),
    )
    _kinerja_server_fields = ("state", "submitted_date", "case_id")

    name = fields.Char(compute="_compute_name", store=True)
    # The guard's period, shown as soon as the date is known.
    period_id = fields.Many2one(
        compute="_compute_period_id", store=True, precompute=True, readonly=False
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    reporter_id = fields.Many2one(
        "hr.employee",
        string="Evaluator",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        help="The employee's evaluator (Pejabat Penilai Kinerja) on the report date, who "
        "signs the report.",
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    core_value_ids = fields.Many2many(
        "hr.kinerja.core.value",
        string="Core Values Concerned",
        help="The ASN core values (BerAKHLAK) the behaviour falls short of.",
    )
    problem = fields.Text(
        help="What is the employee's work-behaviour problem, judged against the ASN core values?",
    )
    special_expectation = fields.Text(
        help="Do you have a special expectation of the employee? If so, which?",
    )
    impact = fields.Text(
        help="The behaviour problem in detail: how it hampers the performance of the "
        "individual, the unit and/or the team.",
    )
    similar_in_others = fields.Boolean(
        "Similar Problem in Other Employees",
        help="Does the same work-behaviour problem occur with other employees?",
    )
    steps_taken = fields.Text(
        help="Retrospective: what have you already done to improve the employee's work behaviour?",
    )
    feedback_evidence = fields.Text(
        help="The continuous feedback given to the employee on this behaviour (dates, "
        "form); attach documents in the chatter.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted to HR")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    submitted_date = fields.Datetime("Submitted On", readonly=True, copy=False)
    case_id = fields.Many2one(
        "hr.kinerja.counselling",
        string="Counselling Case",
        readonly=True,
        copy=False,
        index=True,
        groups=COUNSELLING_GROUP,
    )

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for report in self:  # stored for search; readers see display_name
            report.name = report._title()

    @api.depends("employee_id.name", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for report in self:
            report.display_name = report._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Behaviour report on %(employee)s (%(date)s)",
            employee=self.employee_id.name or "",
            date=format_date(self.env, self.date) if self.date else "",
        )

    @api.depends("date", "company_id")
    def _compute_period_id(self):
        mixin = self.env["hr.kinerja.pembinaan.mixin"]
        for report in self:
            if report.date and report.company_id:
                report.period_id = self.env["hr.kinerja.period"].search(
                    mixin._period_domain(report.company_id, report.date), limit=1
                )

    # -- roles --------------------------------------------------------------------
    def _is_counselling(self):
        return self.env.su or self.env.user.has_group(COUNSELLING_GROUP)

    def _user_is(self, employee):
        return bool(employee) and employee.sudo().user_id == self.env.user

    def _hidden_message(self):
        return _("A behaviour report is read by its evaluator and the counselling group only.")

    def _check_reports_readable(self):
        """Nothing about a report - whom it concerns, that it exists - to whoever
        cannot read it (the policy's refusals name the record)."""
        check_readable(self, self._hidden_message())

    def onchange(self, values, field_names, fields_spec):
        check_onchange(self, values, [], self._hidden_message())
        return super().onchange(values, field_names, fields_spec)

    def _check_reporter_is_user(self):
        if self._is_counselling():
            return
        for report in self:
            if not report._user_is(report.reporter_id):
                raise AccessError(
                    _(
                        "Only %(reporter)s, the evaluator who signs this report, can write or "
                        "submit it.",
                        reporter=report.reporter_id.name,
                    )
                )

    # -- constraints --------------------------------------------------------------
    @api.constrains("employee_id", "reporter_id", "date")
    def _check_reporter_is_evaluator(self):
        """Only the employee's evaluator reports a behaviour problem (003 section
        Konseling kinerja 5 c 1 (a), (d))."""
        found = self.env["hr.employee"]._kinerja_evaluators_at(
            (report.employee_id, report.date) for report in self
        )
        for report in self:
            employee = report.employee_id
            evaluator_id = found.get((employee.id, report.date), (False, False))[0]
            if report.reporter_id.id != evaluator_id:
                evaluator = self.env["hr.employee"].browse(evaluator_id).sudo()
                raise ValidationError(
                    _(
                        "%(reporter)s is not the evaluator of %(employee)s on %(date)s "
                        "(that is %(evaluator)s): only the evaluator reports a work-behaviour "
                        "problem to the HR unit.",
                        reporter=report.reporter_id.name,
                        employee=employee.name,
                        date=report.date,
                        evaluator=evaluator.name or _("nobody"),
                    )
                )

    @api.constrains("date", "period_id", "company_id")
    def _check_period(self):
        for report in self:
            period = report.period_id
            if not period.date_start <= report.date <= period.date_end:
                raise ValidationError(
                    _(
                        "The report is dated %(date)s, outside its period %(period)s.",
                        date=report.date,
                        period=period.display_name,
                    )
                )
            if period.company_id != report.company_id:
                raise ValidationError(_("The report and its period belong to different agencies."))

    # -- create / write -----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        mixin = self.env["hr.kinerja.pembinaan.mixin"]
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" or vals.get("case_id"):
                raise UserError(_("A new report is a draft: submit it with its button."))
            mixin._fill_period(vals)
            if not self._is_counselling():
                reporter = self.env["hr.employee"].browse(
                    vals.get("reporter_id") or self.default_get(["reporter_id"]).get("reporter_id")
                )
                self.new({"reporter_id": reporter.id})._check_reporter_is_user()
        return super().create(vals_list)

    def write(self, vals):
        if not is_workflow(self):
            self._check_reports_readable()
            if {"state", "case_id", "submitted_date"} & set(vals):
                raise UserError(_("Use the Submit to HR button to send the report."))
            if self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    _(
                        "A report submitted to HR stays as it was sent: add anything new in "
                        "its chatter."
                    )
                )
            self._check_reporter_is_user()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            # Before the policy's refusal, which names the report and says less.
            self._check_reports_readable()
            self._unlink_only_draft()
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(report.state != "draft" for report in self):
            raise UserError(_("A report submitted to HR stays on file."))
        self._check_reporter_is_user()

    # -- submit (003 section Konseling kinerja 5 c 1 (d) and 2 (a)) ---------------
    def action_submit(self):
        """Send the report to the HR unit: it joins the open counselling case of the
        employee, or opens one. The reporter does not follow the case."""
        self._check_reports_readable()
        for report in self:
            if report.state != "draft":
                raise UserError(_("%(report)s is already submitted.", report=report.name))
            report._check_reporter_is_user()
            report._check_reporter_is_evaluator()
            missing = [
                report._fields[name].get_description(self.env)["string"]
                for name in ("problem", "impact", "steps_taken")
                if not (report[name] or "").strip()
            ]
            if missing:
                raise UserError(
                    _(
                        "Complete the report before submitting it: %(fields)s.",
                        fields=", ".join(missing),
                    )
                )
            case = report._counselling_case()
            workflow(report.sudo()).write(
                {
                    "state": "submitted",
                    "case_id": case.id,
                    "submitted_date": fields.Datetime.now(),
                }
            )
            case.message_post(
                body=_(
                    "Behaviour report of %(date)s received from %(reporter)s.",
                    date=report.date,
                    reporter=report.reporter_id.name,
                ),
                subtype_xmlid="mail.mt_note",
                # posted by the system: the reporter is no author on the case
                author_id=self.env.ref("base.partner_root").id,
            )
        return True

    def _counselling_case(self):
        """The employee's counselling case not yet closed, or a new one - created
        without making the reporter a follower of it."""
        self.ensure_one()
        Case = (
            self.env["hr.kinerja.counselling"]
            .sudo()
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
        )
        case = Case.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "!=", "closed"),
            ],
            limit=1,
        )
        return case or Case.create(
            {"employee_id": self.employee_id.id, "company_id": self.company_id.id}
        )
