from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..rules import calendar as rule_calendar
from ..rules import workdays as rule_workdays
from .policy import allow
from .workflow import workflow

STATES = [("open", "Open"), ("locked", "Locked"), ("reopened", "Reopened"), ("closed", "Closed")]


class HrKinerjaPeriod(models.Model):
    """A periodic (month or quarter) or annual evaluation period with its deadlines.

    open -> locked (by the scheduled action once ``date_lock`` passes, 001 item 7)
    -> reopened (an HR officer, with a recorded reason, until a date) -> locked ->
    closed (final, by an HR manager).
    """

    _name = "hr.kinerja.period"
    _description = "Performance Period"
    _inherit = ["hr.kinerja.policy", "mail.thread"]
    _order = "year_id desc, sequence"

    _WORKDAY_FIELDS = rule_calendar.DOCUMENT_WORKDAY_FIELDS
    _DEADLINE_FIELDS = (
        "date_org_achievement",
        "date_evaluation",
        "date_superior_evaluation",
        "date_report",
        "date_lock",
    )
    _TRANSITION_FIELDS = {"state", "reopen_until"}

    # Who changes what (deny by default, models/policy.py). Periods are generated with
    # their deadlines when a year opens (from the agency preset); an HR officer may
    # correct the deadlines of an open period. Lock, reopen (with a recorded reason)
    # and close are workflow steps (001 item 7); a period is never deleted by hand.
    _kinerja_policy = (
        allow("officer", "write", [*_DEADLINE_FIELDS, *_WORKDAY_FIELDS], states=["open"]),
    )
    _kinerja_server_fields = (
        "name",
        "year_id",
        "sequence",
        "kind",
        "number",
        "date_start",
        "date_end",
        "state",
        "reopen_until",
        "reopen_ids",
    )

    name = fields.Char(required=True, translate=True)
    name_official = fields.Char(
        "Official Name",
        compute="_compute_name_official",
        help="The period as the official forms print it (Januari 2026, Triwulan I 2026).",
    )
    year_id = fields.Many2one(
        "hr.kinerja.year", string="Performance Year", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="year_id.company_id", store=True, string="Agency")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("annual", "Annual")], required=True
    )
    number = fields.Integer(help="Month 1-12, quarter 1-4, 0 for the annual period.")
    date_start = fields.Date("Start", required=True)
    date_end = fields.Date("End", required=True)
    date_org_achievement = fields.Date("Organisation Achievement Due")
    date_evaluation = fields.Date("Evaluation Due", tracking=True)
    date_superior_evaluation = fields.Date(
        "Superior Evaluates By",
        help="A late evaluator's superior evaluates and signs by this date "
        "(003 section Tindak lanjut 8).",
    )
    date_report = fields.Date("Reported to PyB By", help="003 section Tindak lanjut 7.")
    date_lock = fields.Date("Locks On", tracking=True)
    handover_workdays = fields.Integer("Hand-over (working days)")
    return_workdays = fields.Integer("Return (working days)")
    report_workdays = fields.Integer("Report (working days)")
    superior_sign_workdays = fields.Integer("Superior Signs (working days)")
    superior_handover_workdays = fields.Integer("Superior Hand-over (working days)")
    superior_return_workdays = fields.Integer("Return to Superior (working days)")
    objection_workdays = fields.Integer("Objection Filing (working days)")
    objection_decision_workdays = fields.Integer("Objection Decision (working days)")
    state = fields.Selection(STATES, default="open", required=True, tracking=True, copy=False)
    reopen_until = fields.Date("Reopened Until", tracking=True, copy=False)
    reopen_ids = fields.One2many("hr.kinerja.period.reopen", "period_id", string="Reopenings")
    evaluation_count = fields.Integer("Evaluations", compute="_compute_evaluation_count")
    can_set_achievements = fields.Boolean(compute="_compute_can_set_achievements")

    @api.depends("kind", "number", "year_id.year")
    def _compute_name_official(self):
        for period in self:
            period.name_official = period._rule_period().name_id if period.year_id else False

    def _rule_period(self):
        self.ensure_one()
        return rule_calendar.Period(
            self.kind, self.number, self.year_id.year, self.date_start, self.date_end
        )

    @api.model_create_multi
    def create(self, vals_list):
        periods = super().create(vals_list)
        periods._set_indonesian_names()
        return periods

    def _set_indonesian_names(self):
        """Write the Indonesian name (Oktober 2026, Triwulan I 2026) of the periods
        whether or not Indonesian is active yet: a language activated later reads
        it (the ORM only writes the translations of active languages, hence SQL)."""
        periods = self.filtered("year_id")
        if not periods:
            return
        self.flush_model(["name"])
        values = SQL(", ").join(
            SQL("(%s, %s)", period.id, period.name_official) for period in periods
        )
        self.env.cr.execute(
            SQL(
                """UPDATE hr_kinerja_period p
                   SET name = COALESCE(p.name, '{}'::jsonb) || jsonb_build_object('id_ID', v.name)
                   FROM (VALUES %s) AS v(id, name)
                   WHERE p.id = v.id""",
                values,
            )
        )
        self.invalidate_model(["name"])

    def write(self, vals):
        # The state changes through _transition(), which skips these checks.
        locked = self.filtered(lambda p: p.state in ("locked", "closed"))
        if locked:
            raise UserError(
                _(
                    "The period %(periods)s is locked: it cannot be changed. An HR "
                    "officer can reopen it with a reason.",
                    periods=", ".join(locked.mapped("display_name")),
                )
            )
        if self._TRANSITION_FIELDS & set(vals):
            raise UserError(_("Use the Lock, Reopen and Close buttons to change a period's state."))
        return super().write(vals)

    def _transition(self, vals):
        """Lock, reopen, close: past the checks of write() and the policy (a workflow
        step the caller has checked); no context key can."""
        return super(HrKinerjaPeriod, workflow(self)).write(vals)

    def deadline_after(self, start, field_name, calendars=None):
        """The date ``field_name`` working days (e.g. ``objection_workdays``) after
        ``start``, with the year's calendar and public holidays. ``calendars``: a
        dict the caller keeps across records, so a batch reads each year's
        holidays once."""
        self.ensure_one()
        if field_name not in self._WORKDAY_FIELDS:
            raise ValueError(f"{field_name} is not a working-day deadline")
        year = self.year_id
        calendars = {} if calendars is None else calendars
        if year.id not in calendars:
            calendars[year.id] = (year._kinerja_holidays(), year._kinerja_weekdays())
        holidays, weekdays = calendars[year.id]
        return rule_workdays.add_working_days(start, self[field_name], holidays, weekdays)

    def is_writable(self):
        self.ensure_one()
        return self.state in ("open", "reopened")

    def _compute_evaluation_count(self):
        groups = self.env["hr.kinerja.evaluation"]._read_group(
            [("period_id", "in", self.ids)], ["period_id"], ["__count"]
        )
        counts = {period.id: count for period, count in groups}
        for period in self:
            period.evaluation_count = counts.get(period.id, 0)

    # -- actions -----------------------------------------------------------------
    def action_generate_evaluations(self):
        """Create the missing evaluations of the period (HR officer)."""
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            raise UserError(_("Only an HR officer generates a period's evaluations."))
        created = self.env["hr.kinerja.evaluation"]
        for period in self:
            created |= self.env["hr.kinerja.evaluation"]._generate(period)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if created else "warning",
                "message": _(
                    "%(count)s evaluation(s) created. Employees need a set SKP covering "
                    "the period to be evaluated.",
                    count=len(created),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_view_evaluations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_evaluation_action"
        )
        action["domain"] = [("period_id", "in", self.ids)]
        action["context"] = {"search_default_group_distribution": 1}
        return action

    @api.depends_context("uid")
    def _compute_can_set_achievements(self):
        """Set Unit Achievements shows only to a leader of units below (the wizard's
        own rule, 002 D.4.f), on an open period."""
        leads = bool(self.env["hr.kinerja.org.achievement.wizard"]._led_units_with_units_below())
        for period in self:
            period.can_set_achievements = leads and period.state in ("open", "reopened")

    def action_org_achievement_wizard(self):
        self.ensure_one()
        return (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_context(default_period_id=self.id)
            .action_open_wizard()
        )

    def action_lock(self):
        to_lock = self.filtered(lambda p: p.state in ("open", "reopened"))
        to_lock._transition({"state": "locked", "reopen_until": False})
        return True

    def action_close(self):
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_manager"):
            raise UserError(_("Only an HR manager can close a period."))
        if self.filtered(lambda p: p.state != "locked"):
            raise UserError(_("Only a locked period can be closed: lock it first."))
        self._transition({"state": "closed"})
        return True

    def action_reopen_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_period_reopen_wizard_action"
        )
        action["context"] = {"default_period_ids": self.ids}
        return action

    @api.model
    def _cron_lock_periods(self):
        """Lock every period whose lock date, or reopening, has passed."""
        today = fields.Date.context_today(self)
        expired = self.search(
            [
                "|",
                "&",
                ("state", "=", "open"),
                ("date_lock", "<", today),
                "&",
                ("state", "=", "reopened"),
                ("reopen_until", "<", today),
            ]
        )
        expired.action_lock()
        return expired
