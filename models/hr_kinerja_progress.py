from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..rules import workdays as rule_workdays
from . import bulk
from .hr_kinerja_skp import ACTIVE_STATES

# The SKPs whose indicators owe a realisation each period they cover; closed ones
# keep what they owed (a past year, a transfer).
REPORTING_STATES = ("set", "closed")

STAGES = [
    ("1_skp", "SKP"),
    ("2_realisation", "Realisations"),
    ("3_achievement", "Unit Achievement"),
    ("4_evaluation", "Evaluations"),
    ("5_distribution", "Distribution"),
    ("6_document", "Documents Handed Over"),
    ("7_signed", "Documents Signed"),
    ("8_objection", "Objections"),
]
# Overdue first, then what is still to do, then what is done.
STATUSES = [("0_overdue", "Overdue"), ("1_todo", "To Do"), ("2_done", "Done")]
BUCKETS = ("done", "in_progress", "missing", "overdue")
COUNT_FIELDS = ("expected", "done", "in_progress", "missing", "overdue")


class HrKinerjaProgress(models.Model):
    """Where each unit stands: one row per unit, period and stage of the cycle
    (SKP, realisations, unit achievement, evaluations, distribution, documents,
    objections) with how many are done, in progress, missing and overdue, and the
    stage's deadline. The rows of an agency's year are rebuilt by ``_refresh`` from
    the records themselves, a fixed number of grouped queries whatever the size of
    the agency; ``_stage_domain`` is the one definition of each count: a number
    opens exactly the records it counts.

    Nobody writes a row (the ACL grants read only; every field is the server's);
    an HR officer reads the agency, a unit leader the units they lead and those
    below (record rules); an employee nothing.
    """

    _name = "hr.kinerja.progress"
    _description = "ASN Performance: Progress of the Units"
    _inherit = ["hr.kinerja.policy"]
    _order = "status, deadline, period_sequence, department_id, stage"
    _log_access = False
    # a cache rebuilt in bulk: its table is made by init() (no foreign keys)
    _auto = False

    _kinerja_policy = ()
    _kinerja_server_fields = (
        "company_id",
        "year_id",
        "period_id",
        "period_sequence",
        "department_id",
        "stage",
        "status",
        "deadline",
        "workdays_left",
        *COUNT_FIELDS,
        "progress",
        "refreshed",
    )

    company_id = fields.Many2one("res.company", string="Agency", readonly=True)
    year_id = fields.Many2one("hr.kinerja.year", string="Performance Year", readonly=True)
    period_id = fields.Many2one("hr.kinerja.period", readonly=True)
    period_sequence = fields.Integer(readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    stage = fields.Selection(STAGES, readonly=True)
    status = fields.Selection(STATUSES, readonly=True)
    deadline = fields.Date(readonly=True)
    workdays_left = fields.Integer(
        "Working Days Left",
        readonly=True,
        help="Working days from today to the deadline; negative once it has passed.",
    )
    expected = fields.Integer("Total", readonly=True)
    done = fields.Integer(readonly=True)
    in_progress = fields.Integer(readonly=True)
    missing = fields.Integer("Not Started", readonly=True)
    overdue = fields.Integer(readonly=True)
    progress = fields.Float("Done (%)", readonly=True, aggregator="avg")
    refreshed = fields.Datetime("Counted On", readonly=True)

    def init(self):
        bulk.cache_table(self)

    # -- the definition --------------------------------------------------------------
    @api.model
    def _stage_source(self, stage):
        """(model, the path to the unit, the period field) of a stage's records."""
        return {
            "1_skp": ("hr.kinerja.skp", "department_id", None),
            "2_realisation": ("hr.kinerja.realisasi", "department_id", "period_id"),
            "3_achievement": ("hr.kinerja.org.achievement", "department_id", "period_id"),
            "4_evaluation": ("hr.kinerja.evaluation", "department_id", "period_id"),
            "5_distribution": ("hr.kinerja.distribution", "department_id", "period_id"),
            "6_document": ("hr.kinerja.evaluation", "department_id", "period_id"),
            "7_signed": ("hr.kinerja.evaluation", "department_id", "period_id"),
            "8_objection": ("hr.kinerja.keberatan", "department_id", "period_id"),
        }[stage]

    @api.model
    def _stage_domain(self, stage, bucket, year, today):
        """The records of ``stage`` in ``bucket`` (done, in_progress, missing,
        overdue, or all with None) in the agency's ``year``: a domain on the
        stage's model. The SKPs missing and the achievements not set are no
        records: ``_missing_domain`` names the employees and units."""
        base = {
            "1_skp": [("year_id", "=", year.id), ("state", "in", ACTIVE_STATES)],
            "2_realisation": [
                ("period_id.year_id", "=", year.id),
                ("skp_id.state", "in", REPORTING_STATES),
            ],
            "3_achievement": [("year_id", "=", year.id), ("value", "!=", False)],
            "4_evaluation": [("year_id", "=", year.id)],
            "5_distribution": [("year_id", "=", year.id)],
            "6_document": [("year_id", "=", year.id), ("state", "!=", "draft")],
            "7_signed": [
                ("year_id", "=", year.id),
                ("state", "!=", "draft"),
                ("received_date", "!=", False),
            ],
            "8_objection": [("period_id.year_id", "=", year.id), ("state", "!=", "draft")],
        }[stage]
        base = [("company_id", "=", year.company_id.id), *base]
        late_rating = [
            ("state", "=", "draft"),
            "|",
            "&",
            ("escalated", "=", False),
            ("period_id.date_evaluation", "<", today),
            "&",
            ("escalated", "=", True),
            ("period_id.date_superior_evaluation", "<", today),
        ]
        buckets = {
            "1_skp": {
                "done": [("state", "=", "set")],
                "in_progress": [("state", "in", ("draft", "agreed"))],
                "missing": None,
                "overdue": [("is_overdue", "=", True)],
            },
            # Not started and overdue are indicators, entered or not: _owed_domain.
            "2_realisation": {
                "done": [("state", "=", "reviewed")],
                "in_progress": [("state", "=", "submitted")],
                "missing": None,
                "overdue": None,
            },
            "3_achievement": {"done": [], "in_progress": None, "missing": None, "overdue": None},
            "4_evaluation": {
                "done": [("state", "!=", "draft")],
                "in_progress": [("state", "=", "draft"), ("escalated", "=", True)],
                "missing": [("state", "=", "draft"), ("escalated", "=", False)],
                "overdue": late_rating,
            },
            "5_distribution": {
                "done": [("state", "=", "confirmed")],
                "in_progress": None,
                "missing": [("state", "=", "draft")],
                "overdue": [("state", "=", "draft"), ("period_id.date_report", "<", today)],
            },
            "6_document": {
                "done": [("received_date", "!=", False)],
                "in_progress": [("handed_over_date", "!=", False), ("received_date", "=", False)],
                "missing": [("handed_over_date", "=", False)],
                "overdue": [
                    ("handed_over_date", "=", False),
                    ("handover_deadline", "<", today),
                ],
            },
            # Received documents the employee returns signed within 14 working days
            # (003 section Tindak lanjut; the electronic signature returns it too).
            "7_signed": {
                "done": [("returned_date", "!=", False)],
                "in_progress": None,
                "missing": [("returned_date", "=", False)],
                "overdue": [("returned_date", "=", False), ("return_deadline", "<", today)],
            },
            "8_objection": {
                "done": [("state", "=", "decided")],
                "in_progress": [("state", "in", ("filed", "explanation"))],
                "missing": None,
                "overdue": [
                    ("state", "in", ("filed", "explanation")),
                    ("decision_deadline", "<", today),
                ],
            },
        }[stage]
        if bucket is None:
            return base
        extra = buckets[bucket]
        return None if extra is None else [*base, *extra]

    @api.model
    def _needing_skp_domain(self, company):
        """Who should have an SKP (as the bulk wizard): civil servants of the agency
        whose planning is not suspended."""
        return [
            ("company_id", "=", company.id),
            ("asn_type", "!=", False),
            ("kinerja_planning_suspended", "=", False),
            ("department_id", "!=", False),
        ]

    @api.model
    def _achievement_units_domain(self, company):
        """The units whose achievement the leader of the unit above sets."""
        return [
            ("company_id", "=", company.id),
            ("kinerja_level", "!=", False),
            ("kinerja_parent_id", "!=", False),
        ]

    # -- counting ------------------------------------------------------------------------
    @api.model
    def _today(self):
        return fields.Date.context_today(self)

    @api.model
    def _count(self, year, today):
        """{(unit id, period id, stage): {bucket: count, "deadline": date}} of the
        agency's ``year``, read as superuser (the caller checked who asks)."""
        env = self.sudo().env
        periods = year.period_ids
        annual = periods.filtered(lambda p: p.kind == "annual")[:1]
        counts = defaultdict(lambda: dict.fromkeys(BUCKETS, 0))

        def add(stage, bucket, groups):
            for unit_id, period_id, count in groups:
                if unit_id:
                    counts[(unit_id, period_id, stage)][bucket] += count

        for stage, _label in STAGES:
            model, unit_path, period_field = self._stage_source(stage)
            Model = env[model].with_context(active_test=False)
            groupby = [unit_path] + ([period_field] if period_field else [])
            buckets = {
                bucket: domain
                for bucket in BUCKETS
                for domain in [self._stage_domain(stage, bucket, year, today)]
                if domain is not None
            }
            base = self._stage_domain(stage, None, year, today)
            for group in self._count_buckets(Model, base, buckets, groupby):
                unit_id, period_id = group[0], group[1] if period_field else annual.id
                for bucket, count in zip(buckets, group[len(groupby) :], strict=True):
                    if count:
                        add(stage, bucket, [(unit_id, period_id, count)])
        self._count_missing_skps(year, annual, counts)
        self._count_owed_realisations(year, today, counts)
        self._count_missing_achievements(year, today, counts)
        self._stage_deadlines(year, today, counts)
        return counts

    @api.model
    def _count_buckets(self, Model, base, buckets, groupby):
        """[(group ids..., count of each bucket...)]: the records of ``base`` per
        ``groupby``, each bucket counted where its domain holds - one query per
        stage rather than one per bucket. Every bucket's domain is ``base`` and a
        few conditions on the record itself, so that its condition is a FILTER of
        the same grouped query; a bucket needing a join is counted on its own."""
        query = Model._search(base)
        terms = [Model._read_group_groupby(spec, query) for spec in groupby]
        query.groupby = SQL(", ").join(terms)
        aggregates = []
        for domain in buckets.values():
            extra = domain[len(base) :]
            condition = Model._where_calc(extra, active_test=False) if extra else None
            if domain[: len(base)] != base or (condition is not None and condition._joins):
                aggregates.append(None)  # counted on its own, below
            elif condition is None:
                aggregates.append(SQL("COUNT(*)"))
            else:
                aggregates.append(SQL("COUNT(*) FILTER (WHERE %s)", condition.where_clause))
        rows = {
            tuple(row[: len(groupby)]): list(row[len(groupby) :])
            for row in self.env.execute_query(
                query.select(*terms, *[a or SQL("0") for a in aggregates])
            )
        }
        for index, (domain, aggregate) in enumerate(zip(buckets.values(), aggregates, strict=True)):
            if aggregate is not None:
                continue
            for *keys, count in Model._read_group(domain, groupby, ["__count"]):
                key = tuple(key.id for key in keys)
                rows.setdefault(key, [0] * len(aggregates))[index] = count
        return [(*key, *values) for key, values in rows.items()]

    @api.model
    def _missing_skps_domain(self, year):
        """Who should have an SKP of ``year`` and has none in progress or set."""
        return [
            *self._needing_skp_domain(year.company_id),
            (
                "kinerja_skp_ids",
                "not any",
                [("year_id", "=", year.id), ("state", "in", ACTIVE_STATES)],
            ),
        ]

    @api.model
    def _count_missing_skps(self, year, annual, counts):
        groups = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(self._missing_skps_domain(year), ["department_id"], ["__count"])
        )
        for unit, count in groups:
            counts[(unit.id, annual.id, "1_skp")]["missing"] += count

    @api.model
    def _realisation_periods(self, year, today):
        """The periods whose realisations are owed: every period of the reports
        (months or quarters) that has begun."""
        return year.period_ids.filtered(lambda p: p.kind != "annual" and p.date_start <= today)

    @api.model
    def _owed_domain(self, period, today, late=False):
        """The indicators of the set SKPs covering ``period`` without a submitted or
        reviewed realisation of it - entered as a draft or never entered (the same
        rule as hr.kinerja.realisasi._owed). ``late``: without a reviewed one once
        the period's evaluation date has passed (the overdue)."""
        if late and not (period.date_evaluation and period.date_evaluation < today):
            return [("id", "=", False)]
        states = ("reviewed",) if late else ("submitted", "reviewed")
        return [
            ("company_id", "=", period.company_id.id),
            ("skp_id.year_id", "=", period.year_id.id),
            ("skp_id.state", "in", REPORTING_STATES),
            ("skp_id.date_start", "<=", period.date_end),
            ("skp_id.date_end", ">=", period.date_start),
            (
                "realisasi_ids",
                "not any",
                [("period_id", "=", period.id), ("state", "in", states)],
            ),
        ]

    @api.model
    def _count_owed_realisations(self, year, today, counts):
        """Not started: ``_owed_domain`` of every period that has begun, counted in
        one grouped query for the year (a domain per period would be a query per
        month); overdue: those and the submitted ones not reviewed once the
        evaluation date has passed."""
        periods = self._realisation_periods(year, today)
        if not periods:
            return
        self.env.cr.execute(
            self.env["hr.kinerja.realisasi"]._owed_sql(
                SQL("skp.department_id, period.id, count(*)"),
                periods,
                SQL(
                    "skp.company_id = %s AND skp.year_id = %s AND skp.state IN %s "
                    "AND skp.department_id IS NOT NULL",
                    year.company_id.id,
                    year.id,
                    REPORTING_STATES,
                ),
                group_by=SQL("skp.department_id, period.id"),
            )
        )
        late = {p.id for p in periods if p.date_evaluation and p.date_evaluation < today}
        for unit_id, period_id, count in self.env.cr.fetchall():
            counts[(unit_id, period_id, "2_realisation")]["missing"] += count
        for (_unit, period_id, stage), values in counts.items():
            if stage == "2_realisation" and period_id in late:
                values["overdue"] = values["missing"] + values["in_progress"]

    @api.model
    def _achievement_periods(self, year, today):
        """An achievement is owed once its period has ended."""
        return year.period_ids.filtered(lambda p: p.date_end < today)

    @api.model
    def _count_missing_achievements(self, year, today, counts):
        env = self.sudo().env
        units = env["hr.department"].search(self._achievement_units_domain(year.company_id))
        for period in self._achievement_periods(year, today):
            for unit in units:
                key = (unit.id, period.id, "3_achievement")
                if not counts.get(key, {}).get("done"):
                    counts[key]["missing"] += 1
                    deadline = self._period_deadline("3_achievement", period, year)
                    if deadline and deadline < today:
                        counts[key]["overdue"] += 1

    @api.model
    def _period_deadline(self, stage, period, year):
        return {
            "1_skp": year.date_skp,
            "2_realisation": period.date_evaluation,
            "3_achievement": period.date_org_achievement or period.date_evaluation,
            "4_evaluation": period.date_evaluation,
            "5_distribution": period.date_report,
        }.get(stage)

    @api.model
    def _stage_deadlines(self, year, today, counts):
        """Each row's deadline: the period's date; for documents and objections, the
        earliest deadline of what is still pending."""
        env = self.sudo().env
        earliest = {}
        for stage, model, field, pending in (
            (
                "6_document",
                "hr.kinerja.evaluation",
                "handover_deadline",
                [("handed_over_date", "=", False)],
            ),
            (
                "7_signed",
                "hr.kinerja.evaluation",
                "return_deadline",
                [("returned_date", "=", False)],
            ),
            (
                "8_objection",
                "hr.kinerja.keberatan",
                "decision_deadline",
                [("state", "in", ("filed", "explanation"))],
            ),
        ):
            domain = [*self._stage_domain(stage, None, year, today), *pending]
            _source, unit_path, _period = self._stage_source(stage)
            groups = env[model]._read_group(domain, [unit_path, "period_id"], [f"{field}:min"])
            for unit, period, deadline in groups:
                if deadline:
                    key = (unit.id, period.id, stage)
                    earliest[key] = min(deadline, earliest.get(key, deadline))
        periods = {period.id: period for period in year.period_ids}
        dates = {}  # (period id, stage): its date, read once
        for (unit_id, period_id, stage), values in counts.items():
            if stage in ("6_document", "7_signed", "8_objection"):
                values["deadline"] = earliest.get((unit_id, period_id, stage), False)
                continue
            if (period_id, stage) not in dates:
                dates[(period_id, stage)] = self._period_deadline(stage, periods[period_id], year)
            values["deadline"] = dates[(period_id, stage)]

    # -- the rows ------------------------------------------------------------------------
    @api.model
    def _refresh(self, year):
        """Rebuild the rows of the agency's ``year``: a fixed number of queries."""
        self._check_may_monitor()
        today = self._today()
        year = year.sudo()
        counts = self._count(year, today)
        holidays, weekdays = year._kinerja_holidays(), year._kinerja_weekdays()
        sequences = {period.id: period.sequence for period in year.period_ids}
        now = fields.Datetime.now()
        columns = defaultdict(list)  # one array per column: INSERT ... SELECT unnest
        lefts = {}  # working days to each of the few deadlines, counted once
        for (unit_id, period_id, stage), values in counts.items():
            done, in_progress = values["done"], values["in_progress"]
            missing, overdue = values["missing"], values["overdue"]
            expected = done + in_progress + missing
            if not expected:
                continue
            deadline = values.get("deadline") or None
            if overdue or (missing and deadline and deadline < today):
                status = "0_overdue"
            elif done == expected:
                status = "2_done"
            else:
                status = "1_todo"
            left = None
            if deadline and status != "2_done":
                if deadline not in lefts:
                    lefts[deadline] = (
                        rule_workdays.working_days_between(today, deadline, holidays, weekdays)
                        if deadline >= today
                        else -rule_workdays.working_days_between(
                            deadline, today, holidays, weekdays
                        )
                    )
                left = lefts[deadline]
            for column, value in (
                ("period_id", period_id),
                ("period_sequence", sequences[period_id]),
                ("department_id", unit_id),
                ("stage", stage),
                ("status", status),
                ("deadline", deadline),
                ("workdays_left", left),
                ("expected", expected),
                ("done", done),
                ("in_progress", in_progress),
                ("missing", missing),
                ("overdue", overdue),
                ("progress", round(100.0 * done / expected, 1)),
            ):
                columns[column].append(value)
        cr = self.env.cr
        cr.execute(SQL("DELETE FROM hr_kinerja_progress WHERE year_id = %s", year.id))
        if columns:
            names = list(columns)  # in the order the loop above fills them
            types = {"stage": "varchar", "status": "varchar", "deadline": "date"}
            types["progress"] = "float8"
            cr.execute(
                SQL(
                    "INSERT INTO hr_kinerja_progress (company_id, year_id, refreshed, %s) "
                    "SELECT %s, %s, %s, * FROM unnest(%s)",
                    SQL(", ").join(SQL.identifier(name) for name in names),
                    year.company_id.id,
                    year.id,
                    now,
                    SQL(", ").join(
                        bulk.array(columns[name], types.get(name, "int")) for name in names
                    ),
                )
            )
        rows = columns["stage"]
        self.invalidate_model()
        self.env["hr.kinerja.progress.curve"]._refresh(year)
        return len(rows)

    # -- who ---------------------------------------------------------------------------
    @api.model
    def _may_monitor(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("hr_kinerja_asn.group_kinerja_officer")
            or bool(user.kinerja_led_unit_ids)
        )

    @api.model
    def _check_may_monitor(self):
        if not self._may_monitor():
            raise AccessError(_("Only HR officers and unit leaders follow the units' progress."))

    @api.model
    def _current_year(self):
        years = self.env["hr.kinerja.year"].search(
            [("company_id", "=", self.env.company.id), ("state", "!=", "draft")],
            order="year desc",
        )
        today = self._today()
        return years.filtered(lambda y: y.year == today.year)[:1] or years[:1]

    @api.model
    def action_open_dashboard(self, view_type="kanban"):
        """The dashboard of the current year, counted now."""
        self._check_may_monitor()
        year = self._current_year()
        if year:
            self._refresh(year)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_progress_action"
        )
        action["domain"] = [("year_id", "=", year.id)]
        views = [v for v in action["views"] if v[1] == view_type]
        action["views"] = views + [v for v in action["views"] if v[1] != view_type]
        return action

    @api.model
    def action_open_curve(self, trend=False):
        """The predicate curve of the current year, on its latest period anybody was
        rated in (the picture a C.1.x form prints; the filter removed, the periods
        summed); the trend: by period, over the periods anybody was rated in - one
        whose ratings are still to come is not a fall of every predicate to nought."""
        self._check_may_monitor()
        year = self._current_year()
        if year:
            self._refresh(year)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_progress_curve_action"
        )
        action["domain"] = [("year_id", "=", year.id)]
        rated = [
            period
            for (period,) in self.env["hr.kinerja.progress.curve"]._read_group(
                [("year_id", "=", year.id), ("series", "=", "2_rated"), ("value", ">", 0)],
                ["period_id"],
            )
        ]
        context = {"hierarchical_naming": False}
        if trend:
            action["domain"].append(("period_id", "in", [period.id for period in rated]))
            view = self.env.ref("hr_kinerja_asn.hr_kinerja_progress_curve_view_graph_trend")
            action["name"] = _("Predicate Trend")
            action["views"] = [(view.id, "graph"), (False, "pivot"), (False, "list")]
            context.update(search_default_periodic=1, search_default_rated=1)
        elif rated:
            latest = max(rated, key=lambda period: (period.date_end, period.kind == "annual"))
            context["search_default_period_id"] = latest.id
        action["context"] = context
        return action

    @api.model
    def action_landing(self):
        """The app's landing page: the dashboard for HR officers and unit leaders;
        for everyone else what is due this month in the back office - their sheet of
        the open period - or My Work when there is no sheet to open."""
        if self._may_monitor():
            return self.action_open_dashboard()
        try:
            return self.env["hr.kinerja.realisasi"].action_open_sheet()
        except UserError:
            return self.env["ir.actions.act_url"]._for_xml_id(
                "hr_kinerja_asn.hr_kinerja_my_work_action"
            )

    def action_refresh(self):
        years = self.year_id or self._current_year()
        for year in years:
            self._refresh(year)
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    # -- drill-down ----------------------------------------------------------------------
    def _drill_domain(self, bucket):
        """The records behind one number of this row."""
        self.ensure_one()
        self.check_access("read")
        today = self._today()
        year = self.year_id
        if bucket == "missing" and self.stage == "1_skp":
            return "hr.employee", self._missing_skp_domain()
        if self.stage == "2_realisation" and bucket in ("missing", "overdue"):
            domain = self._owed_domain(self.period_id, today, late=bucket == "overdue")
            return "hr.kinerja.iki", [*domain, ("skp_id.department_id", "=", self.department_id.id)]
        if self.stage == "3_achievement" and bucket in ("missing", "overdue"):
            missing = bool(self.missing) if bucket == "missing" else bool(self.overdue)
            return "hr.department", [("id", "in", self.department_id.ids if missing else [])]
        model, unit_path, period_field = self._stage_source(self.stage)
        domain = self._stage_domain(self.stage, bucket, year, today)
        if domain is None:
            domain = [("id", "=", False)]
        domain = [*domain, (unit_path, "=", self.department_id.id)]
        if period_field:
            domain.append((period_field, "=", self.period_id.id))
        return model, domain

    def _missing_skp_domain(self):
        return [
            *self._missing_skps_domain(self.year_id),
            ("department_id", "=", self.department_id.id),
        ]

    def _drill(self, bucket):
        model, domain = self._drill_domain(bucket)
        labels = dict(self._fields["stage"]._description_selection(self.env))
        return self._drill_action(labels.get(self.stage), self, model, domain)

    @api.model
    def _drill_action(self, label, line, model, domain):
        """The window on the records behind a number of ``line`` (a row, or a line of
        the curve): "<label>: <unit>, <period>"."""
        return {
            "type": "ir.actions.act_window",
            "name": _(
                "%(stage)s: %(unit)s, %(period)s",
                stage=label,
                unit=line.department_id.name,
                period=line.period_id.name,
            ),
            "res_model": model,
            "views": self._drill_views(model),
            "domain": domain,
            "context": {"create": False},
        }

    @api.model
    def _drill_views(self, model):
        if model == "hr.kinerja.iki":  # the indicators owing a realisation
            return [
                (self.env.ref("hr_kinerja_asn.hr_kinerja_iki_view_list_owed").id, "list"),
                (self.env.ref("hr_kinerja_asn.hr_kinerja_iki_view_form_owed").id, "form"),
            ]
        return [(False, "list"), (False, "form")]

    def action_open_done(self):
        return self._drill("done")

    def action_open_in_progress(self):
        return self._drill("in_progress")

    def action_open_missing(self):
        return self._drill("missing")

    def action_open_overdue(self):
        return self._drill("overdue")
