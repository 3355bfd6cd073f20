from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from .policy import allow
from .workflow import workflow

MINUTES_FIELDS = (
    "employee_id",
    "evaluator_id",
    "company_id",
    "period_id",
    "date",
    "kind",
    "participant_ids",
    "problem_ids",
    "plan_ids",
    "direction_performance",
    "direction_obstacles",
    "direction_behaviour",
)


class HrKinerjaDialog(models.Model):
    """Dialog kinerja (000 VI and its Lampiran 1): the minutes of a performance
    dialogue between a leader and an employee - the achievement table at that
    moment, the problems (cause, impact), the leader's directions (performance,
    obstacles, behaviour) and the improvement plan (action, due date, owner)."""

    _name = "hr.kinerja.dialog"
    _description = "Performance Dialogue"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The leader who holds the
    # dialogue (evaluator_id: the evaluator or the evaluator's superior, 000 VI.1)
    # writes the minutes, an HR officer may record them (000 VI.5, Lampiran 1); the
    # employee and the participants read them. The achievement table is the system's
    # snapshot at creation, "held" is a button; an HR officer deletes.
    _kinerja_policy = (
        allow(("evaluator", "officer"), "create write", MINUTES_FIELDS),
        allow("officer", "unlink"),
    )
    _kinerja_server_fields = ("achievement_html", "state", "acknowledged_date")
    _kinerja_role_fields = {"employee": "employee_id", "evaluator": "evaluator_id"}

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True)
    evaluator_id = fields.Many2one(
        "hr.employee",
        string="Leader",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(
        [("periodic", "Periodic"), ("incidental", "Incidental")], required=True, default="periodic"
    )
    participant_ids = fields.Many2many("hr.employee", string="Participants")
    # Found with the user's rights: the form's onchange shows no SKP the user may not read.
    skp_id = fields.Many2one(
        "hr.kinerja.skp", string="SKP", compute="_compute_skp", store=True, compute_sudo=False
    )
    # Written by the server only (_snapshot_achievement), and sanitized all the same.
    achievement_html = fields.Html(
        "Achievement at the Dialogue",
        readonly=True,
        sanitize=True,
        sanitize_overridable=False,
        help="Rencana kinerja, indikator, target, realisasi, capaian as recorded when the "
        "dialogue was held (000 Lampiran 1 A).",
    )
    problem_ids = fields.One2many("hr.kinerja.dialog.problem", "dialog_id", string="Problems")
    direction_performance = fields.Text("Directions: Performance")
    direction_obstacles = fields.Text("Directions: Obstacles")
    direction_behaviour = fields.Text("Directions: Behaviour")
    plan_ids = fields.One2many("hr.kinerja.dialog.plan", "dialog_id", string="Improvement Plan")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Held")], default="draft", required=True, tracking=True
    )
    # The employee reads the minutes and acknowledges them (a button, the portal's too).
    acknowledged_date = fields.Datetime("Acknowledged On", readonly=True, copy=False, tracking=True)
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")

    @api.depends("state", "acknowledged_date", "employee_id.user_id")
    @api.depends_context("uid")
    def _compute_can_acknowledge(self):
        for dialog in self:
            dialog.can_acknowledge = (
                dialog.state == "done"
                and not dialog.acknowledged_date
                and dialog._user_is_employee()
            )

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for dialog in self:  # stored for search; readers see display_name
            dialog.name = dialog._title()

    @api.depends("employee_id.name", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for dialog in self:
            dialog.display_name = dialog._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Dialogue with %(employee)s (%(date)s)",
            employee=self.employee_id.name or "",
            date=format_date(self.env, self.date) if self.date else "",
        )

    @api.depends("employee_id", "date", "period_id")
    def _compute_skp(self):
        skps = self.env["hr.kinerja.skp"].search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "in", ("set", "agreed", "draft")),
            ]
        )
        for dialog in self:
            dialog.skp_id = skps.filtered(
                lambda s, d=dialog: (
                    s.employee_id == d.employee_id and s.date_start <= d.date <= s.date_end
                )
            )[:1]

    @api.constrains("employee_id", "evaluator_id", "date", "period_id")
    def _check_leader_and_date(self):
        """The dialogue is held by the employee's leader - the evaluator or the
        evaluator's superior on that date (000 VI.1) - within the period."""
        dialogs = self.filtered(lambda d: d.employee_id != d.evaluator_id)
        found = self.env["hr.employee"]._kinerja_evaluators_at(
            (dialog.employee_id, dialog.date) for dialog in dialogs
        )
        for dialog in dialogs:
            leaders = found.get((dialog.employee_id.id, dialog.date), (False, False))
            if dialog.evaluator_id.id not in leaders:
                raise ValidationError(
                    _(
                        "%(leader)s does not lead %(employee)s on %(date)s: the dialogue is held "
                        "by the evaluator or the evaluator's superior.",
                        leader=dialog.evaluator_id.name,
                        employee=dialog.employee_id.name,
                        date=dialog.date,
                    )
                )
            period = dialog.period_id
            if not period.date_start <= dialog.date <= period.date_end:
                raise ValidationError(
                    _(
                        "The dialogue date %(date)s is outside the period %(period)s.",
                        date=dialog.date,
                        period=period.display_name,
                    )
                )

    @api.onchange("date", "company_id")
    def _onchange_period(self):
        period = self._period_for_date(self.company_id, self.date)
        if period:
            self.period_id = period

    @api.onchange("employee_id")
    def _onchange_employee_participant(self):
        """The employee takes part in their own dialogue: added by themselves."""
        if self.employee_id and self.employee_id not in self.participant_ids:
            self.participant_ids |= self.employee_id

    @api.model
    def _add_employee_participant(self, vals_list):
        """The employee is a participant of their own dialogue, whether or not the
        client listed them."""
        for vals in vals_list:
            if vals.get("employee_id"):
                commands = list(vals.get("participant_ids") or [])
                if commands and all(isinstance(c, int) for c in commands):
                    commands = [fields.Command.set(commands)]
                commands.append(fields.Command.link(vals["employee_id"]))
                vals["participant_ids"] = commands
        return vals_list

    @api.constrains("employee_id", "participant_ids", "evaluator_id")
    def _check_participants(self):
        for dialog in self:
            if dialog.employee_id == dialog.evaluator_id:
                raise ValidationError(_("A dialogue is between a leader and another employee."))
            if dialog.employee_id not in dialog.participant_ids:
                raise ValidationError(
                    _(
                        "%(employee)s must take part in their own performance dialogue.",
                        employee=dialog.employee_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        model, vals_list = self._kinerja_context_defaults(vals_list)
        # The leader's check first, for its message (the policy refuses the rest).
        for vals in vals_list:
            leader = self.env["hr.employee"].browse(vals.get("evaluator_id"))
            self._check_is_leader(leader or self.env.user.employee_id)
        if not self.env.context.get("default_period_id"):
            model._fill_period_from_date(vals_list)
        model._add_employee_participant(vals_list)
        dialogs = super(HrKinerjaDialog, model).create(vals_list)
        for dialog in dialogs:
            dialog._check_leader()
        dialogs._snapshot_achievement()
        return dialogs

    def _check_leader(self):
        self._check_is_leader(self.evaluator_id)

    @api.model
    def _check_is_leader(self, leader):
        if self.env.su or self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            return
        if leader.user_id != self.env.user:
            raise AccessError(_("The leader records the minutes of the dialogue."))

    def write(self, vals):
        if not self._kinerja_bypass():
            for dialog in self:
                dialog._check_leader()
        if vals.get("employee_id"):
            vals = self._add_employee_participant([dict(vals)])[0]
        return super().write(vals)

    def _snapshot_achievement(self):
        realisations = (
            self.env["hr.kinerja.realisasi"]
            .sudo()
            .search([("skp_id", "in", self.skp_id.ids)], order="period_id desc")
        )
        for dialog in self:
            latest = {}
            for line in realisations.filtered(
                lambda r, d=dialog: r.skp_id == d.skp_id and r.period_id.date_start <= d.date
            ):
                latest.setdefault(line.iki_id.id, line)
            rows = []
            for number, iki in enumerate(dialog.skp_id.rhk_ids.indicator_ids, 1):
                line = latest.get(iki.id)
                target = iki.target_text or f"{iki.target_value:g} {iki.target_unit or ''}"
                if line and line.period_target and line.period_target != iki.target_value:
                    # the achievement is measured against the period's part of it
                    due = f"{line.period_target:.2f}".rstrip("0").rstrip(".")
                    target += _(
                        " (%(target)s by %(period)s)", target=due, period=line.period_id.name
                    )
                done = (line.value_text or f"{line.value:g}") if line else "-"
                percent = (
                    f"{line.achievement_percent:.2f}%" if line and line.achievement_percent else "-"
                )
                rows.append(
                    Markup(
                        "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                    )
                    % (number, iki.rhk_id.display_name, iki.name, target, done, percent)
                )
            head = Markup(
                "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
            ) % (
                _("No"),
                _("Result Plan"),
                _("Indicator"),
                _("Target"),
                _("Realisation"),
                _("Achievement %"),
            )
            super(HrKinerjaDialog, dialog.sudo()).write(
                {
                    "achievement_html": Markup(
                        "<table class='table table-sm table-bordered'><thead>%s</thead>"
                        "<tbody>%s</tbody></table>"
                    )
                    % (head, Markup("").join(rows))
                }
            )
        return True

    def action_done(self):
        for dialog in self:
            dialog._check_leader()
        workflow(self).write({"state": "done"})
        return True

    def action_acknowledge(self):
        """The employee acknowledges the minutes of a held dialogue (000 Lampiran 1:
        the minutes are signed by both)."""
        for dialog in self:
            if not dialog._user_is_employee():
                raise AccessError(
                    _(
                        "Only %(employee)s acknowledges these minutes.",
                        employee=dialog.employee_id.name,
                    )
                )
            if dialog.state != "done":
                raise UserError(_("The minutes are acknowledged once the dialogue is held."))
            if dialog.acknowledged_date:
                raise UserError(_("These minutes are already acknowledged."))
        workflow(self).write({"acknowledged_date": fields.Datetime.now()})
        return True

    def _user_is_employee(self):
        return bool(self.employee_id.user_id) and self.employee_id.user_id == self.env.user

    @api.model
    def _cron_dialogue_reminder(self):
        """000 VI.1: a leader holds a dialogue with each employee at least every three
        months (the preset's minimum, 3 by default). Past it, the leader gets a to-do
        on the employee's SKP."""
        today = fields.Date.context_today(self)
        skps = self.env["hr.kinerja.skp"].search(
            [
                ("state", "=", "set"),
                ("year_id.state", "=", "open"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ]
        )
        last = {
            (employee.id, evaluator.id): date
            for employee, evaluator, date in self._read_group(
                [("state", "=", "done"), ("employee_id", "in", skps.employee_id.ids)],
                ["employee_id", "evaluator_id"],
                ["date:max"],
            )
        }
        activity_type = self.env.ref("hr_kinerja_asn.mail_activity_type_dialogue")
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.kinerja.skp"),
                ("res_id", "in", skps.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        pending = set(existing.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id("hr.kinerja.skp")
        values = []
        for skp in skps:
            months = skp.year_id.preset_id.dialogue_months or 3
            since = last.get((skp.employee_id.id, skp.evaluator_id.id)) or skp.date_start
            user = skp.evaluator_id.user_id
            if user and skp.id not in pending and since + relativedelta(months=months) <= today:
                values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": skp.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": today,
                        "summary": _(
                            "No performance dialogue with %(employee)s since %(date)s",
                            employee=skp.employee_id.name,
                            date=since,
                        ),
                        "automated": True,
                    }
                )
        return self.env["mail.activity"].sudo().create(values)
