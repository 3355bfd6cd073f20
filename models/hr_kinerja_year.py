import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import calendar as rule_calendar
from ..rules import workdays as rule_workdays
from . import bulk
from .policy import allow
from .workflow import workflow

# Deadlines of a year reach into the next one (annual evaluation + report to PyB).
HOLIDAY_HORIZON_MONTHS = 6


class HrKinerjaYear(models.Model):
    """Tahun kinerja: January-December of one agency, cut into periods."""

    _name = "hr.kinerja.year"
    _description = "Performance Year"
    _inherit = ["hr.kinerja.policy", "mail.thread"]
    _order = "year desc, company_id"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py): an HR officer sets up a
    # draft year (its agency, preset, period type and calendar) and opens it, which
    # generates the periods; an HR manager deletes a draft. Opening and closing are
    # workflow steps.
    _YEAR_FIELDS = ("year", "company_id", "preset_id", "period_type", "calendar_id")
    _kinerja_policy = (
        allow("officer", "create write", _YEAR_FIELDS, states=["draft"]),
        allow("manager", "unlink", states=["draft"]),
    )
    _kinerja_server_fields = ("state", "period_ids")

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    preset_id = fields.Many2one(
        "hr.kinerja.preset",
        string="Agency Preset",
        required=True,
        tracking=True,
        check_company=True,
        help="Deadlines of the periods: one of the seed agencies' or a custom preset.",
    )
    period_type = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        string="Periodic Evaluation",
        compute="_compute_period_type",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="The agency evaluates monthly or quarterly (003 section Evaluasi 8).",
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Time",
        check_company=True,
        default=lambda self: self.env.company.resource_calendar_id,
        help="Its working days and public holidays count the working-day deadlines.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    date_skp = fields.Date(
        "SKP Set By",
        compute="_compute_date_skp",
        store=True,
        help="Every SKP of the year must be set by this date (003 Pasal 14(1)).",
    )
    period_ids = fields.One2many("hr.kinerja.period", "year_id", string="Periods")
    period_count = fields.Integer(compute="_compute_period_count")

    @api.depends("year")
    def _compute_name(self):
        for record in self:
            record.name = str(record.year or "")

    @api.depends("preset_id")
    def _compute_period_type(self):
        for record in self:
            if record.preset_id and not record.period_type:
                record.period_type = record.preset_id.default_period_type
            elif record.preset_id:
                allowed = record.preset_id.to_rule().period_types
                if record.period_type not in allowed:
                    record.period_type = record.preset_id.default_period_type

    @api.depends("year", "preset_id.skp_day")
    def _compute_date_skp(self):
        for record in self:
            record.date_skp = (
                rule_calendar.skp_deadline(record.preset_id.to_rule(), record.year)
                if record.preset_id and 1900 < record.year < 2200
                else False
            )

    def _compute_period_count(self):
        counts = dict(
            self.env["hr.kinerja.period"]._read_group(
                [("year_id", "in", self.ids)], ["year_id"], ["__count"]
            )
        )
        for record in self:
            record.period_count = counts.get(record, 0)

    @api.constrains("year")
    def _check_year(self):
        for record in self:
            if not 1900 < record.year < 2200:
                raise ValidationError(
                    _("%(year)s is not a valid performance year.", year=record.year)
                )

    @api.constrains("year", "company_id")
    def _check_unique_year(self):
        counts = self._read_group(
            [("company_id", "in", self.company_id.ids), ("year", "in", self.mapped("year"))],
            ["company_id", "year"],
            ["__count"],
        )
        for company, year, count in counts:
            if count > 1:
                raise ValidationError(
                    _(
                        "%(agency)s already has a performance year %(year)s.",
                        agency=company.name,
                        year=year,
                    )
                )

    @api.constrains("calendar_id")
    def _check_calendar(self):
        for record in self:
            if not record.calendar_id:
                raise ValidationError(
                    _(
                        "Performance year %(year)s has no working-time calendar: set one on the "
                        "year or on the agency, so that working-day deadlines can be counted.",
                        year=record.year,
                    )
                )

    @api.constrains("period_type", "preset_id")
    def _check_period_type(self):
        for record in self:
            if record.period_type not in record.preset_id.to_rule().period_types:
                raise ValidationError(
                    _(
                        "The preset %(preset)s does not allow %(type)s periods.",
                        preset=record.preset_id.name,
                        type=record.period_type,
                    )
                )

    def write(self, vals):
        frozen = {"year", "preset_id", "period_type", "calendar_id", "company_id"}
        if frozen & set(vals) and any(record.state != "draft" for record in self):
            raise UserError(
                _(
                    "The year, agency, preset, period type and calendar of an opened "
                    "performance year cannot change. Use 'Update Deadlines' after "
                    "correcting the public holidays."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        if any(record.state != "draft" for record in self):
            raise UserError(_("Only a draft performance year can be deleted."))

    def unlink(self):
        # the dashboard's rows of the year and its periods (deleted with it)
        bulk.forget(self.env, "year_id", self.ids)
        return super().unlink()

    # -- working days ------------------------------------------------------------
    def _kinerja_weekdays(self):
        self.ensure_one()
        days = {int(day) for day in self.calendar_id.attendance_ids.mapped("dayofweek")}
        return frozenset(days) or rule_workdays.MON_FRI

    def _kinerja_holidays(self):
        """Public holidays and cuti bersama of the calendar, as local dates."""
        self.ensure_one()
        start = datetime.datetime(self.year, 1, 1)
        end = datetime.datetime(self.year + 1, 1 + HOLIDAY_HORIZON_MONTHS, 1)
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("resource_id", "=", False),
                ("calendar_id", "in", [self.calendar_id.id, False]),
                ("company_id", "in", [self.company_id.id, False]),
                ("date_from", "<", end),
                ("date_to", ">=", start),
            ]
        )
        tz = pytz.timezone(self.calendar_id.tz or "Asia/Jakarta")
        holidays = set()
        for leave in leaves:
            day = pytz.utc.localize(leave.date_from).astimezone(tz).date()
            last = pytz.utc.localize(leave.date_to).astimezone(tz).date()
            while day <= last:
                holidays.add(day)
                day += datetime.timedelta(days=1)
        return holidays

    # -- actions -----------------------------------------------------------------
    def _period_values(self):
        self.ensure_one()
        preset = self.preset_id.to_rule()
        holidays = self._kinerja_holidays()
        weekdays = self._kinerja_weekdays()
        values = []
        for sequence, period in enumerate(rule_calendar.periods(self.year, self.period_type), 1):
            dates = rule_calendar.deadlines(preset, period, holidays, weekdays)
            values.append(
                {
                    "year_id": self.id,
                    "sequence": sequence,
                    "name": period.name_en,
                    "kind": period.kind,
                    "number": period.number,
                    "date_start": period.date_start,
                    "date_end": period.date_end,
                    "date_org_achievement": dates["organisation_achievement"],
                    "date_evaluation": dates["evaluation"],
                    "date_superior_evaluation": dates["superior_evaluation"],
                    "date_report": dates["report"],
                    "date_lock": dates["lock"],
                    **{
                        name: getattr(preset, name)
                        for name in self.env["hr.kinerja.period"]._WORKDAY_FIELDS
                    },
                }
            )
        return values

    def _check_officer(self):
        if not (self.env.su or self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer")):
            raise AccessError(_("Only an HR officer opens, updates and closes performance years."))

    def action_open(self):
        """Generate the periods with their deadlines and open the year."""
        self._check_officer()
        for record in self:
            if record.state != "draft":
                raise UserError(_("Performance year %(year)s is already open.", year=record.year))
            record._check_calendar()
            values = record._period_values()
            # The periods and their deadlines come from the preset: a workflow step.
            # (named in Indonesian too, models/hr_kinerja_period.py create)
            periods = workflow(self.env["hr.kinerja.period"]).create(values)
            workflow(record).state = "open"
            record.message_post(
                body=_(
                    "Opened with %(count)s periods (%(preset)s).",
                    count=len(periods),
                    preset=record.preset_id.name,
                )
            )
        return True

    def action_update_deadlines(self):
        """Recompute the deadlines of the open periods, e.g. after the public
        holidays changed. Locked and closed periods keep theirs."""
        self._check_officer()
        for record in self:
            if record.state != "open":
                raise UserError(_("Only an open performance year has deadlines to update."))
            by_key = {(v["kind"], v["number"]): v for v in record._period_values()}
            for period in record.period_ids.filtered(lambda p: p.state == "open"):
                values = by_key[(period.kind, period.number)]
                workflow(period).write({key: values[key] for key in period._DEADLINE_FIELDS})
        return True

    def action_close(self):
        self._check_officer()
        for record in self:
            if record.period_ids.filtered(lambda p: p.state != "closed"):
                raise UserError(_("Close every period of the year before closing the year."))
            workflow(record).state = "closed"
        return True

    def action_view_periods(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_period_action"
        )
        action["domain"] = [("year_id", "=", self.id)]
        action["context"] = {"default_year_id": self.id}
        return action
