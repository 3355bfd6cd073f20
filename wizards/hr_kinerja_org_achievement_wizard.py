from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.hr_kinerja_org_achievement import PERIODIC_GUIDANCE
from ..models.policy import allow


class HrKinerjaOrgAchievementWizard(models.TransientModel):
    """One screen for a unit leader: the achievements of every unit directly below
    theirs (002 D.4.f) for a period - periodic with the guidance of 002 D.4.d,
    annual from result and process through the organisation quadrant (002 D.4.e)."""

    _name = "hr.kinerja.org.achievement.wizard"
    _description = "Set the Achievements of the Units Below"
    _inherit = ["hr.kinerja.policy"]
    _rec_name = "department_id"

    # Who changes what (deny by default, models/policy.py). Any employee may open the
    # screen (it shows the published achievements); only its owner - who opened it -
    # fills it. What it sets goes through the achievements' own policy: only the
    # leader who sets a unit's achievement (002 D.4.f, D.11) can save it.
    _kinerja_policy = (allow("owner", "create write", ["period_id", "department_id", "line_ids"]),)
    _kinerja_role_fields = {"owner": "create_uid"}

    period_id = fields.Many2one(
        "hr.kinerja.period",
        required=True,
        default=lambda self: self._default_period(),
        domain="[('state', 'in', ('open', 'reopened'))]",
    )
    period_kind = fields.Selection(related="period_id.kind")
    department_id = fields.Many2one(
        "hr.department",
        string="Your Unit",
        required=True,
        default=lambda self: self._default_department(),
    )
    line_ids = fields.One2many(
        "hr.kinerja.org.achievement.wizard.line",
        "wizard_id",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    guidance = fields.Text(compute="_compute_guidance", string="Guidance (002 D.4.d)")

    @api.model
    def _default_period(self):
        """The latest open periodic period that has started: the one being evaluated."""
        return self.env["hr.kinerja.period"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("state", "in", ("open", "reopened")),
                ("kind", "!=", "annual"),
                ("date_start", "<=", fields.Date.context_today(self)),
            ],
            order="date_start desc",
            limit=1,
        )

    @api.model
    def _default_department(self):
        led = self._led_units_with_units_below()[:1]
        if not led:
            led = self.env["hr.department"].search(
                [("manager_id.user_id", "=", self.env.uid)], limit=1
            )
        return led or self.env.user.employee_ids[:1].department_id

    @api.model
    def _led_units_with_units_below(self):
        """The units the user leads today (as manager, Plt. or Plh.) that have units
        directly below them: the units whose achievements the user sets (002 D.4.f)."""
        employees = self.env.user.employee_ids
        if not employees:
            return self.env["hr.department"]
        above = (
            self.env["hr.department"]
            .sudo()
            .search(
                [
                    ("kinerja_parent_id", "!=", False),
                    ("company_id", "in", self.env.companies.ids),
                ]
            )
            .kinerja_parent_id
        )
        leaders = above._kinerja_leaders(fields.Date.context_today(self))
        led = above.filtered(lambda unit: leaders.get(unit.id) in employees.ids)
        return self.env["hr.department"].browse(led.ids)

    @api.model
    def action_open_wizard(self):
        """Set Unit Achievements: the wizard on the user's unit; a clear word instead
        of an empty screen to whoever leads no unit with units below it."""
        units = self._led_units_with_units_below()
        if not units:
            raise UserError(
                _(
                    "You lead no unit with units below it, so there is no achievement for you "
                    "to set here. The achievement of a unit is set by the leader of the unit "
                    "above it (002 D.4.f); that of a top unit is the regional head's decision, "
                    "recorded by an HR officer."
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_org_achievement_wizard_action"
        )
        context = {"default_department_id": units[:1].id}
        if self.env.context.get("default_period_id"):
            context["default_period_id"] = self.env.context["default_period_id"]
        action["context"] = context
        return action

    @api.depends("period_id")
    def _compute_guidance(self):
        text = "\n".join(
            f"{index}) {line}" for index, line in enumerate(PERIODIC_GUIDANCE.values(), start=1)
        )
        for wizard in self:
            wizard.guidance = text if wizard.period_id.kind != "annual" else False

    @api.depends("period_id", "department_id")
    def _compute_line_ids(self):
        achievements = self.env["hr.kinerja.org.achievement"]
        for wizard in self:
            units = (
                self.env["hr.department"].search(
                    [("kinerja_parent_id", "=", wizard.department_id.id)]
                )
                if wizard.department_id
                else self.env["hr.department"]
            )
            existing = (
                {
                    r.department_id.id: r
                    for r in achievements.search(
                        [
                            ("period_id", "=", wizard.period_id.id),
                            ("department_id", "in", units.ids),
                        ]
                    )
                }
                if wizard.period_id
                else {}
            )
            wizard.line_ids = [fields.Command.clear()] + [
                fields.Command.create(
                    {
                        "department_id": unit.id,
                        "value": existing[unit.id].value if unit.id in existing else False,
                        "result_rating": existing.get(unit.id) and existing[unit.id].result_rating,
                        "process_rating": existing.get(unit.id)
                        and existing[unit.id].process_rating,
                        "note": existing.get(unit.id) and existing[unit.id].note,
                    }
                )
                for unit in units
            ]

    def action_confirm(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(
                _("%(unit)s has no unit directly below it.", unit=self.department_id.name)
            )
        annual = self.period_id.kind == "annual"
        todo = self.line_ids.filtered(
            lambda line: (line.result_rating and line.process_rating) if annual else line.value
        )
        if not todo:
            raise UserError(_("Choose the achievement of at least one unit."))
        # The lines come from the client: only the units directly below the
        # wizard's unit belong here (002 D.4.f).
        foreign = todo.department_id.filtered(
            lambda unit: unit.kinerja_parent_id != self.department_id
        )
        if foreign:
            raise UserError(
                _(
                    "%(units)s is not directly below %(unit)s: its achievement is set "
                    "from the unit above it.",
                    units=", ".join(foreign.mapped("name")),
                    unit=self.department_id.name,
                )
            )
        achievements = self.env["hr.kinerja.org.achievement"]
        existing = {
            r.department_id.id: r
            for r in achievements.search(
                [
                    ("period_id", "=", self.period_id.id),
                    ("department_id", "in", todo.department_id.ids),
                ]
            )
        }
        to_create = []
        for line in todo:
            vals = {"note": line.note}
            if annual:
                vals.update(result_rating=line.result_rating, process_rating=line.process_rating)
            else:
                vals["value"] = line.value
            record = existing.get(line.department_id.id)
            if record:
                record.write(vals)
            else:
                to_create.append(
                    dict(vals, department_id=line.department_id.id, period_id=self.period_id.id)
                )
        achievements.create(to_create)
        return {"type": "ir.actions.act_window_close"}
