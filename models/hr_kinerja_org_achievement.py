from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..rules import evaluation as rule_evaluation
from .hr_kinerja_org_quadrant import ACHIEVEMENTS, RATINGS
from .policy import allow
from .workflow import is_workflow, workflow

# Panduan kriteria capaian kinerja organisasi periodik, verbatim (002 D.4.d).
PERIODIC_GUIDANCE = {
    "istimewa": "Istimewa apabila rencana aksi dan/atau target periodik (trajectory target) "
    "yang dicapai oleh satuan organisasi melampaui ekspektasi atau target yang telah "
    "disepakati bersama pimpinan.",
    "baik": "Baik apabila rencana aksi dan/atau target periodik (trajectory target) yang "
    "dicapai oleh satuan organisasi sesuai dengan ekspektasi atau target yang telah "
    "disepakati bersama pimpinan.",
    "butuh_perbaikan": "Butuh Perbaikan (Cukup) apabila sebagian besar rencana aksi "
    "menunjukkan perkembangan (progress) namun perlu dilakukan perbaikan dan/atau target "
    "periodik (trajectory target) yang dicapai oleh satuan organisasi sedikit di bawah "
    "target yang telah disepakati bersama pimpinan.",
    "kurang": "Kurang apabila sebagian besar rencana aksi menunjukkan perkembangan "
    "(progress) namun perlu dilakukan banyak perbaikan dan/atau target periodik "
    "(trajectory target) yang dicapai oleh satuan organisasi jauh di bawah target yang "
    "telah disepakati bersama pimpinan.",
    "sangat_kurang": "Sangat Kurang apabila sebagian besar rencana aksi belum menunjukkan "
    "perkembangan (progress) dan/atau target periodik (trajectory target) yang dicapai "
    "oleh satuan organisasi jauh di bawah target yang telah disepakati bersama pimpinan.",
}
SET_AS = [
    ("leader", "Leader of the Unit Above"),
    ("superior", "Leader's Superior (002 D.11)"),
    ("default", "Not Set: Butuh Perbaikan (002 D.12)"),
    ("officer", "HR Officer for the Regional Head"),
]
# What the one who sets an achievement chooses.
SET_FIELDS = ("value", "result_rating", "process_rating", "note")


class HrKinerjaOrgAchievement(models.Model):
    """Capaian kinerja organisasi of a unit for a period (002 D.4), set by the
    leader of the unit above (002 D.4.f); escalated to that leader's superior past
    the deadline (002 D.11); Butuh Perbaikan when still unset as the evaluation
    window opens (002 D.12)."""

    _name = "hr.kinerja.org.achievement"
    _description = "Organisation Achievement"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.period.guard", "mail.thread"]
    _order = "period_id desc, department_id"
    _rec_name = "department_id"

    # Who changes what (deny by default, models/policy.py). The "setter" - the leader
    # of the unit above (002 D.4.f), that leader's superior past the deadline (002
    # D.11), an HR officer recording the regional head's decision on a top unit -
    # creates the achievement of a unit for a period and changes its value, ratings
    # and note, until the evaluation window opens (checked in _check_setter). Who set
    # it and when are recorded by the server (the date decides whether an annual
    # achievement counts, 003 B.1.f); nobody moves one to another unit or period.
    _kinerja_policy = (
        allow("setter", "create", ("department_id", "period_id", *SET_FIELDS)),
        allow("setter", "write", SET_FIELDS),
        allow("manager", "unlink"),
    )
    _kinerja_server_fields = ("set_as", "set_by_id", "date_set")
    _kinerja_role_fields = {}

    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True, string="Agency")
    year_id = fields.Many2one(related="period_id.year_id", store=True)
    period_kind = fields.Selection(related="period_id.kind", string="Period Kind")
    setter_unit_id = fields.Many2one(
        related="department_id.kinerja_parent_id", string="Set By Unit", store=True
    )
    value = fields.Selection(ACHIEVEMENTS, string="Achievement", tracking=True)
    result_rating = fields.Selection(
        RATINGS,
        string="Result",
        tracking=True,
        help="Perjanjian kinerja achieved and the "
        "leader's expectations delivered (y axis, 002 D.4.e).",
    )
    process_rating = fields.Selection(
        RATINGS,
        string="Process",
        tracking=True,
        help="Process improvement and innovation (x axis, 002 D.4.e).",
    )
    guidance = fields.Text(compute="_compute_guidance", string="Guidance (002 D.4.d)")
    set_as = fields.Selection(SET_AS, string="Set By", readonly=True, tracking=True)
    set_by_id = fields.Many2one("hr.employee", string="Set By Official", readonly=True)
    date_set = fields.Date("Set On", readonly=True, tracking=True)
    note = fields.Text()

    _sql_constraints = [
        (
            "unit_period_uniq",
            "unique(department_id, period_id)",
            "A unit has one organisation achievement per period.",
        ),
    ]

    @api.depends("value", "period_id.kind")
    def _compute_guidance(self):
        for record in self:
            record.guidance = (
                PERIODIC_GUIDANCE.get(record.value) if record.period_id.kind != "annual" else False
            )

    @api.constrains("value", "result_rating", "process_rating", "period_id")
    def _check_annual(self):
        for record in self.filtered(lambda r: r.period_id.kind == "annual"):
            if record.set_as == "default":
                continue
            if (record.value or record.result_rating or record.process_rating) and not (
                record.result_rating and record.process_rating
            ):
                raise ValidationError(
                    _(
                        "%(unit)s: the annual achievement comes from the result and process "
                        "ratings (002 D.4.e): rate both.",
                        unit=record.department_id.name,
                    )
                )

    @api.constrains("department_id", "period_id")
    def _check_company(self):
        for record in self:
            if record.department_id.company_id != record.period_id.company_id:
                raise ValidationError(
                    _(
                        "%(unit)s belongs to another agency than the period.",
                        unit=record.department_id.name,
                    )
                )

    # -- who sets it --------------------------------------------------------------
    @api.model
    def _leader_deadline(self, period):
        return period.date_org_achievement or period.date_evaluation or period.date_end

    @api.model
    def _window_opens(self, period):
        """The day the evaluation window opens: a missing achievement becomes
        Butuh Perbaikan from then on (002 D.12)."""
        days = period.company_id.kinerja_org_superior_days
        return self._leader_deadline(period) + timedelta(days=max(days, 0) + 1)

    @api.model
    def _setter_role(self, units, period):
        """{unit id: 'leader' | 'superior' | 'officer' | False} for the current user."""
        today = fields.Date.context_today(self)
        employee_ids = set(self.env.user.employee_ids.ids)
        setters = units.kinerja_parent_id
        leaders = setters._kinerja_leaders(period.date_end)
        superiors = (
            self.env["hr.employee"]
            .browse({e for e in leaders.values() if e})
            ._kinerja_evaluator_ids(period.date_end)
        )
        officer = self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer")
        late = today > self._leader_deadline(period)
        roles = {}
        for unit in units:
            leader = leaders.get(unit.kinerja_parent_id.id)
            if not unit.kinerja_parent_id:
                roles[unit.id] = "officer" if officer else False
            elif leader in employee_ids:
                roles[unit.id] = "leader"
            elif late and leader and superiors.get(leader) in employee_ids:
                roles[unit.id] = "superior"
            else:
                roles[unit.id] = False
        return roles

    @api.model
    def _check_setter(self, pairs):
        """Refuse unless the user may set each (unit, period); {(unit id, period id):
        role} otherwise. Checked before anything is written."""
        if self.env.su or is_workflow(self):
            return {}
        roles = {}
        today = fields.Date.context_today(self)
        for period in {period for _unit, period in pairs}:
            units = self.env["hr.department"].union(*(u for u, p in pairs if p == period))
            for unit_id, role in self._setter_role(units, period).items():
                roles[(unit_id, period.id)] = role
        for unit, period in pairs:
            role = roles.get((unit.id, period.id))
            if not role and not unit.kinerja_parent_id:
                raise AccessError(
                    _(
                        "The achievement of %(unit)s is the regional head's decision; an "
                        "HR officer records it.",
                        unit=unit.name,
                    )
                )
            if not role:
                raise AccessError(
                    _(
                        "The achievement of %(unit)s is set by the leader of %(above)s "
                        "(002 D.4.f), or by that leader's superior once the deadline has "
                        "passed (002 D.11).",
                        unit=unit.name,
                        above=unit.kinerja_parent_id.name,
                    )
                )
            # The regional head's decision on a top unit is recorded whenever it comes.
            if role != "officer" and today >= self._window_opens(period):
                raise AccessError(
                    _(
                        "The evaluation window of %(period)s is open: achievements not set "
                        "by then are Butuh Perbaikan (002 D.12). An HR officer can reopen "
                        "the period.",
                        period=period.display_name,
                    )
                )
        return roles

    def _kinerja_extra_roles(self, roles):
        records = self.sudo()
        for period in records.period_id:
            of_period = records.filtered(lambda r, p=period: r.period_id == p)
            setters = self._setter_role(of_period.department_id, period)
            for record in of_period:
                if setters.get(record.department_id.id):
                    roles[record.id].add("setter")

    @api.model_create_multi
    def create(self, vals_list):
        browse = self.env["hr.department"].browse
        periods = self.env["hr.kinerja.period"].browse
        roles = self._check_setter(
            [
                (browse(vals.get("department_id")), periods(vals.get("period_id")))
                for vals in vals_list
                if vals.get("department_id") and vals.get("period_id")
            ]
        )
        records = super().create(vals_list)
        records._after_set(roles)
        return records

    def write(self, vals):
        if self.env.su or is_workflow(self) or not set(vals) - self._kinerja_exempt_fields():
            return super().write(vals)
        # Says who sets it instead, and refuses once the evaluation window is open;
        # the policy refuses every field the setter does not choose.
        roles = self._check_setter([(r.department_id, r.period_id) for r in self])
        result = super().write(vals)
        if {"value", "result_rating", "process_rating"} & set(vals):
            self._after_set(roles)
        return result

    def _after_set(self, roles):
        """Annual value from the agency's quadrant; who set it, and when."""
        if is_workflow(self):
            return
        quadrant = self.env["hr.kinerja.org.quadrant"].sudo()
        today = fields.Date.context_today(self)
        me = self.env.user.employee_ids[:1]
        for record in self:
            vals = {"date_set": today, "set_by_id": me.id}
            role = roles.get((record.department_id.id, record.period_id.id))
            if role:
                vals["set_as"] = role
            if record.period_id.kind == "annual" and record.result_rating and record.process_rating:
                vals["value"] = quadrant.achievement_for(
                    record.company_id, record.result_rating, record.process_rating
                )
            workflow(record).write(vals)

    # -- the achievement that counts -------------------------------------------
    @api.model
    def _effective(self, units, period):
        """{unit id: (value, record)} for ``period``. An annual achievement set after
        January of the next year gives way to the previous year's (003 section
        B.1.f). Two queries for any number of units."""
        records = self.sudo().search(
            [("department_id", "in", units.ids), ("period_id", "=", period.id)]
        )
        found = {r.department_id.id: r for r in records if r.value}
        result = {unit_id: (r.value, r) for unit_id, r in found.items()}
        if period.kind != "annual":
            return result
        year = period.year_id.year
        late = [
            unit_id
            for unit_id, r in found.items()
            if r.date_set and not rule_evaluation.annual_achievement_usable(year, r.date_set)
        ]
        if late:
            previous = self.sudo().search(
                [
                    ("department_id", "in", late),
                    ("period_id.kind", "=", "annual"),
                    ("period_id.year_id.year", "=", year - 1),
                    ("company_id", "=", period.company_id.id),
                    ("value", "!=", False),
                ]
            )
            for r in previous:
                result[r.department_id.id] = (r.value, r)
        return result

    @api.model
    def _penetapan_data(self, unit, period):
        """The penetapan form of the achievements of the units below ``unit``
        (002 D.13 and Lampiran), signed by its leader."""
        below = self.env["hr.department"].search([("kinerja_parent_id", "=", unit.id)])
        effective = self._effective(below, period)
        leader = unit._kinerja_leaders(period.date_end).get(unit.id)
        names = dict(ACHIEVEMENTS)
        return {
            "unit": unit.name,
            "leader": self.env["hr.employee"].browse(leader).name if leader else False,
            "period": period.name_official,
            "units": [
                {
                    "name": child.name,
                    "achievement": names.get(effective.get(child.id, (False,))[0]),
                    "set_as": dict(SET_AS).get(effective[child.id][1].set_as)
                    if child.id in effective
                    else False,
                }
                for child in below.sorted("name")
            ],
            # The form's date: when the last of these achievements was set (False
            # while none is).
            "date_set": max(
                (record.date_set for _value, record in effective.values() if record.date_set),
                default=False,
            ),
        }

    # -- escalation ---------------------------------------------------------------
    @api.model
    def _leading_units(self, period):
        """The agency's units with a leader at the period's end (manager, Plt./Plh.
        or a JF leading it): those whose achievement counts for someone."""
        units = (
            self.env["hr.department"]
            .sudo()
            .search(
                [("company_id", "=", period.company_id.id), ("kinerja_level", "!=", "kelompok")]
            )
        )
        leaders = units._kinerja_leaders(period.date_end)
        return units.filtered(lambda u: leaders.get(u.id))

    @api.model
    def _apply_default(self, periods):
        """Every leading unit of the agency still without an achievement gets
        Butuh Perbaikan, recorded as such (002 D.12)."""
        today = fields.Date.context_today(self)
        created = self.browse()
        for period in periods:
            units = self._leading_units(period)
            existing = self.sudo().search([("period_id", "=", period.id)])
            done = set(existing.filtered("value").department_id.ids)
            empty = existing.filtered(lambda r: not r.value)
            workflow(empty.sudo()).write(
                {"value": "butuh_perbaikan", "set_as": "default", "date_set": today}
            )
            created |= empty
            missing = units.filtered(
                lambda u, d=done, e=empty: u.id not in d and u not in e.department_id
            )
            created |= workflow(self.sudo()).create(
                [
                    {
                        "department_id": unit.id,
                        "period_id": period.id,
                        "value": "butuh_perbaikan",
                        "set_as": "default",
                        "date_set": today,
                    }
                    for unit in missing
                ]
            )
        return created

    @api.model
    def _cron_default_achievements(self):
        """Daily: once a period's evaluation window opens, apply 002 D.12."""
        today = fields.Date.context_today(self)
        periods = (
            self.env["hr.kinerja.period"]
            .sudo()
            .search([("state", "in", ("open", "reopened")), ("date_end", "<", today)])
        )
        due = periods.filtered(lambda p: today >= self._window_opens(p))
        return self._apply_default(due)

    @api.depends("department_id.name", "period_id.name")
    def _compute_display_name(self):
        for record in self:
            record.display_name = (
                f"{record.department_id.name or ''} - {record.period_id.name or ''}"
            )
