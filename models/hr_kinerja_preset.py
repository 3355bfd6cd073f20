from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import calendar as rule_calendar
from .policy import ALL, allow

PERIOD_TYPES = [("monthly", "Monthly"), ("quarterly", "Quarterly")]
DAY_HELP = "Day of the month; 0 means the last day of the month."
WORKDAY_FIELDS = ("lock_workdays", *rule_calendar.DOCUMENT_WORKDAY_FIELDS)


class HrKinerjaPreset(models.Model):
    """An agency's deadlines. The four seed agencies come from the rule engine
    (``rules.calendar.PRESETS``); an HR manager copies one to make a custom preset."""

    _name = "hr.kinerja.preset"
    _description = "Agency Deadline Preset"
    _inherit = ["hr.kinerja.policy"]
    _order = "is_regulation_preset desc, name"

    # Who changes what (deny by default, models/policy.py): an HR manager keeps the
    # presets whole, as their access rights say; whether a preset is one of the seed
    # agencies' regulations is recorded by the server that creates it.
    _kinerja_policy = (allow("manager", "create write unlink", ALL),)
    _kinerja_server_fields = ("is_regulation_preset",)

    name = fields.Char(required=True)
    code = fields.Char(required=True, copy=False)
    source = fields.Char("Legal Source", help="The regulation that sets these deadlines.")
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the preset with every agency."
    )
    active = fields.Boolean(default=True)
    is_regulation_preset = fields.Boolean(
        "Seed Agency Preset",
        readonly=True,
        copy=False,
        help="Created from the regulation of one of the seed agencies.",
    )
    allow_monthly = fields.Boolean("Monthly Periods Allowed", default=True)
    allow_quarterly = fields.Boolean("Quarterly Periods Allowed", default=True)
    default_period_type = fields.Selection(PERIOD_TYPES, required=True, default="monthly")
    skp_day = fields.Integer("SKP Set By (day of January)", default=0, help=DAY_HELP)
    monthly_months_after = fields.Integer("Monthly: Months After", default=1)
    monthly_day = fields.Integer("Monthly: Day", default=0, help=DAY_HELP)
    quarterly_months_after = fields.Integer("Quarterly: Months After", default=1)
    quarterly_day = fields.Integer("Quarterly: Day", default=0, help=DAY_HELP)
    q4_override = fields.Boolean("Own Deadline for Quarter IV")
    q4_months_after = fields.Integer("Quarter IV: Months After", default=0)
    q4_day = fields.Integer("Quarter IV: Day", default=0, help=DAY_HELP)
    annual_months_after = fields.Integer("Annual: Months After December", default=1)
    annual_day = fields.Integer("Annual: Day", default=0, help=DAY_HELP)
    org_day = fields.Integer(
        "Organisation Achievement Due (day of the evaluation month)",
        default=0,
        help="0 means the organisation achievement is due with the evaluation.",
    )
    dialogue_months = fields.Integer(
        "Dialogue At Least Every (months)", default=0, help="0 means no minimum."
    )
    lock_workdays = fields.Integer(
        "Lock After (working days)",
        default=14,
        help="Working days after the evaluation deadline before the period locks; "
        "0 locks it at the deadline.",
    )
    handover_workdays = fields.Integer("Document Hand-over (working days)", default=14)
    return_workdays = fields.Integer("Document Return (working days)", default=14)
    report_workdays = fields.Integer("Report to PyB (working days)", default=30)
    superior_sign_workdays = fields.Integer("Superior Signs Instead (working days)", default=14)
    superior_handover_workdays = fields.Integer("Superior Hand-over (working days)", default=7)
    superior_return_workdays = fields.Integer("Return to Superior (working days)", default=7)
    objection_workdays = fields.Integer("Objection Filing (working days)", default=14)
    objection_decision_workdays = fields.Integer("Objection Decision (working days)", default=7)

    @api.constrains("code", "company_id")
    def _check_unique_code(self):
        for preset in self:
            twin = self.with_context(active_test=False).search(
                [
                    ("id", "!=", preset.id),
                    ("code", "=", preset.code),
                    ("company_id", "=", preset.company_id.id),
                ],
                limit=1,
            )
            if twin:
                raise ValidationError(
                    _(
                        "The code %(code)s is already used by the preset %(name)s.",
                        code=preset.code,
                        name=twin.name,
                    )
                )

    def to_rule(self):
        """The preset as the rule engine's ``Preset``; ValueError if inconsistent."""
        self.ensure_one()
        types = tuple(
            t
            for t, allowed in (("monthly", self.allow_monthly), ("quarterly", self.allow_quarterly))
            if allowed
        )

        def rule(months_after, day):
            return rule_calendar.DateRule(months_after, day or None)

        return rule_calendar.Preset(
            code=self.code,
            name=self.name,
            source=self.source or "",
            period_types=types,
            default_period_type=self.default_period_type,
            skp=rule(0, self.skp_day),
            monthly=rule(self.monthly_months_after, self.monthly_day)
            if self.allow_monthly
            else None,
            quarterly=rule(self.quarterly_months_after, self.quarterly_day)
            if self.allow_quarterly
            else None,
            quarter_overrides={4: rule(self.q4_months_after, self.q4_day)}
            if self.q4_override
            else {},
            annual=rule(self.annual_months_after, self.annual_day),
            org_day=self.org_day or None,
            dialogue_months=self.dialogue_months or None,
            **{name: self[name] for name in WORKDAY_FIELDS},
        )

    @api.constrains(
        "allow_monthly",
        "allow_quarterly",
        "default_period_type",
        "skp_day",
        "monthly_months_after",
        "monthly_day",
        "quarterly_months_after",
        "quarterly_day",
        "q4_override",
        "q4_months_after",
        "q4_day",
        "annual_months_after",
        "annual_day",
        "org_day",
        "dialogue_months",
        *WORKDAY_FIELDS,
    )
    def _check_rules(self):
        for preset in self:
            if any(preset[name] < 0 for name in WORKDAY_FIELDS) or preset.dialogue_months < 0:
                raise ValidationError(
                    _(
                        "Preset %(name)s: working days and months cannot be negative.",
                        name=preset.name,
                    )
                )
            if not (preset.allow_monthly or preset.allow_quarterly):
                raise ValidationError(
                    _("Preset %(name)s must allow monthly or quarterly periods.", name=preset.name)
                )
            try:
                preset.to_rule()
            except ValueError as error:
                raise ValidationError(
                    _("Preset %(name)s is not consistent: %(error)s", name=preset.name, error=error)
                ) from error

    @api.model
    def _values_from_rule(self, preset):
        def split(rule):
            return (rule.months_after, rule.day or 0) if rule else (1, 0)

        q4 = preset.quarter_overrides.get(4)
        values = {
            "name": preset.name,
            "code": preset.code,
            "source": preset.source,
            "is_regulation_preset": True,
            "allow_monthly": "monthly" in preset.period_types,
            "allow_quarterly": "quarterly" in preset.period_types,
            "default_period_type": preset.default_period_type,
            "skp_day": preset.skp.day or 0,
            "q4_override": bool(q4),
            "org_day": preset.org_day or 0,
            "dialogue_months": preset.dialogue_months or 0,
        }
        for prefix, date_rule in (
            ("monthly", preset.monthly),
            ("quarterly", preset.quarterly),
            ("q4", q4),
            ("annual", preset.annual),
        ):
            values[f"{prefix}_months_after"], values[f"{prefix}_day"] = split(date_rule)
        values.update({name: getattr(preset, name) for name in WORKDAY_FIELDS})
        return values

    @api.model
    def _sync_regulation_presets(self):
        """Create the seed agencies' presets that are missing (called at install)."""
        existing = set(
            self.with_context(active_test=False).search([("company_id", "=", False)]).mapped("code")
        )
        missing = [p for code, p in rule_calendar.PRESETS.items() if code not in existing]
        return self.create([self._values_from_rule(preset) for preset in missing])

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        taken = set(self.with_context(active_test=False).search([]).mapped("code"))
        for preset, vals in zip(self, vals_list, strict=True):
            vals.setdefault("name", _("%s (copy)", preset.name))
            if "code" not in vals:
                number = 1
                while f"{preset.code}_custom_{number}" in taken:
                    number += 1
                vals["code"] = f"{preset.code}_custom_{number}"
                taken.add(vals["code"])
        return vals_list

    @api.ondelete(at_uninstall=False)
    def _unlink_unused_custom_only(self):
        """The seed agencies' presets are shared by every agency, and a year keeps
        the deadlines of its preset: neither is deleted (archive a custom one)."""
        if self.filtered("is_regulation_preset"):
            raise UserError(_("The regulation's presets are shared by every agency: copy one."))
        years = (
            self.env["hr.kinerja.year"]
            .sudo()
            .search_count([("preset_id", "in", self.ids)], limit=1)
        )
        if years:
            raise UserError(_("A preset used by a performance year stays on record."))
