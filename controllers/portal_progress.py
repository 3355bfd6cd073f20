"""The unit leader in the portal (/my/kinerja/units): the monitoring dashboard of
the back office (models/hr_kinerja_progress.py) for the heads of schools, health
centres and sections who use only the portal - where each unit they lead, and each
unit below, stands in the current year: a bar per stage and period (overdue
first, with the deadline in working days), the period x stage matrix, the
predicate curve against the pattern, and behind every number the records it counts.

The page is for a user who leads a unit today (``res.users.kinerja_led_unit_ids``);
anyone else gets a 404. The rows and curves are read with the user's rights (record
rules: the units they lead and those below) and filtered again explicitly on those
units. The rows are recounted (``_refresh``, as the user: it checks that they may
monitor) only when they are older than STALE_AFTER, or on the Refresh button: a
page view does not recount a whole agency each time.

Behind a number (``_drill_domain`` of a row the user reads) the records are listed
as superuser - a portal leader reads neither employees nor every document of the
units below - once the row has been checked, and only the records of that row's
unit: the employee, the record's name, its state and deadline. Where the user has a
portal page for a record (their own, or one they evaluate) the line links to it. A
count of the curve opens the same way (``/my/kinerja/units/curve/<line>``): the
evaluations rated with that predicate in that unit and period.
"""

from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.hr_kinerja_progress import BUCKETS
from .portal import KinerjaPortal

# Rows counted less than this long ago are shown as they are.
STALE_AFTER = timedelta(minutes=5)
DRILL_STEP = 80
# "all": the records of the three buckets that make up a row's total.
DRILL_BUCKETS = (*BUCKETS, "all")


class KinerjaPortalProgress(KinerjaPortal):
    # -- who ---------------------------------------------------------------------------
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["kinerja_leads_units"] = bool(values.get("kinerja_has_employee")) and bool(
            request.env.user.kinerja_led_unit_ids
        )
        return values

    def _kinerja_require_leader(self):
        """The units the user leads today (an employee of the agency); 404 else."""
        self._kinerja_require_employee()
        units = request.env.user.kinerja_led_unit_ids
        if not units:
            raise NotFound()
        return units

    def _kinerja_scope(self, units):
        """The domain of the rows of the units led and those below."""
        return [("department_id", "child_of", units.ids)]

    # -- counting ------------------------------------------------------------------------
    def _kinerja_progress_year(self):
        year = request.env["hr.kinerja.progress"]._current_year()
        if not year:
            raise NotFound()
        return year

    def _kinerja_progress_counted(self, year):
        """When the rows of ``year`` were last counted (False: never). One value for
        the whole agency: read as superuser, it tells nothing of any unit."""
        groups = (
            request.env["hr.kinerja.progress"]
            .sudo()
            ._read_group([("year_id", "=", year.id)], [], ["refreshed:max"])
        )
        return groups[0][0] if groups else False

    def _kinerja_progress_refresh(self, year, force=False):
        """Recount ``year`` (as the user: ``_refresh`` checks they may monitor) when
        forced or when the rows are older than STALE_AFTER."""
        counted = self._kinerja_progress_counted(year)
        if force or not counted or fields.Datetime.now() - counted > STALE_AFTER:
            request.env["hr.kinerja.progress"]._refresh(year)
            counted = self._kinerja_progress_counted(year)
        return counted

    # -- the page -------------------------------------------------------------------------
    @http.route("/my/kinerja/units", type="http", auth="user", website=True)
    def kinerja_units(self, curve_period_id=None, **kw):
        units = self._kinerja_require_leader()
        year = self._kinerja_progress_year()
        counted = self._kinerja_progress_refresh(year)
        Progress = request.env["hr.kinerja.progress"]
        domain = [("year_id", "=", year.id), *self._kinerja_scope(units)]
        rows = Progress.search(domain)
        curves = request.env["hr.kinerja.progress.curve"].search(
            domain, order="period_sequence, predicate, series"
        )
        # the units in scope that have something counted, in the tree's order
        shown_units = (
            request.env["hr.department"]
            .sudo()
            .search(
                [("id", "in", (rows.department_id | curves.department_id).ids)],
                order="parent_path, name",
            )
        )
        # the names of exactly the units in scope (portal users read no hr.department)
        names = {unit.id: unit.complete_name or unit.name for unit in shown_units}
        periods = year.period_ids.sorted(lambda p: (p.kind == "annual", p.sequence))
        rows_of, curves_of = {}, {}
        for row in rows:
            rows_of.setdefault(row.department_id.id, []).append(row.id)
        for line in curves:
            curves_of.setdefault(line.department_id.id, []).append(line.id)
        stage_names = dict(Progress._fields["stage"]._description_selection(request.env))
        today = Progress._today()
        cards = []
        for unit in shown_units:
            mine = rows.browse(rows_of.get(unit.id, []))
            open_rows = mine.filtered(lambda r: r.status != "2_done")
            cards.append(
                {
                    "unit": unit,
                    "name": names[unit.id],
                    "rows": mine,
                    "open": open_rows,
                    "done": len(mine) - len(open_rows),
                    "overdue": sum(mine.mapped("overdue")),
                    "matrix": {(r.stage, r.period_id.id): r for r in mine},
                    "stages": [s for s in stage_names if any(r.stage == s for r in mine)],
                    "curve": self._kinerja_curve(
                        curves.browse(curves_of.get(unit.id, [])), curve_period_id
                    ),
                }
            )
        # overdue first: the units with overdue rows, most overdue first
        cards.sort(key=lambda c: (not c["overdue"], -c["overdue"]))
        return request.render(
            "hr_kinerja_asn.portal_kinerja_units",
            self._kinerja_values(
                "units",
                kinerja_crumbs=[(_("Units I Lead"), "")],
                year=year,
                cards=cards,
                periods=periods,
                stage_names=stage_names,
                counted=counted,
                today=today,
            ),
        )

    def _kinerja_curve(self, lines, period_id=None):
        """The predicate curve of one unit (its curve ``lines``) in the chosen period,
        else in the latest period with ratings: {"period", "periods", "bars",
        "achievement"}, or None without a distribution."""
        Curve = request.env["hr.kinerja.progress.curve"]
        if not lines:
            return None
        periods = lines.period_id.sorted("sequence")
        try:
            chosen = periods.filtered(lambda p: p.id == int(period_id or 0))
        except ValueError:
            chosen = periods.browse()
        if not chosen:
            rated = lines.filtered(lambda line: line.series == "2_rated" and line.value)
            chosen = (rated.period_id or periods).sorted("sequence")[-1:]
        lines = lines.filtered(lambda line: line.period_id == chosen)
        predicate_names = dict(Curve._fields["predicate"]._description_selection(request.env))
        values = {}
        for line in lines:
            values.setdefault(line.predicate, {})[line.series] = line
        scale = max([1, *lines.mapped("value")])
        bars = []
        for predicate, series in sorted(values.items()):
            low = series.get("1_low")
            rated = series.get("2_rated")
            high = series.get("3_high")
            lo, count, hi = (
                (low.value if low else 0),
                (rated.value if rated else 0),
                (high.value if high else 0),
            )
            outside = rated.outside if rated else 0
            bars.append(
                {
                    "line_id": rated.id if rated and count else False,
                    "predicate": predicate.split("_", 1)[1],
                    "name": predicate_names.get(predicate, predicate),
                    "count": count,
                    "lo": lo,
                    "hi": hi,
                    "ok": not outside,
                    "width": round(100 * count / scale, 1),
                    "range_left": round(100 * lo / scale, 1),
                    "range_width": round(100 * (hi - lo) / scale, 1),
                }
            )
        achievement_names = dict(Curve._fields["achievement"]._description_selection(request.env))
        return {
            "period": chosen,
            "periods": periods,
            "bars": bars,
            "achievement": achievement_names.get(lines[:1].achievement, ""),
        }

    @http.route(
        "/my/kinerja/units/refresh",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_units_refresh(self, **kw):
        self._kinerja_require_leader()
        year = self._kinerja_progress_year()
        return self._kinerja_act(
            lambda: self._kinerja_progress_refresh(year, force=True),
            "/my/kinerja/units",
            success=_("Counted again just now."),
        )

    # -- behind a number ---------------------------------------------------------------
    def _kinerja_progress_row(self, units, row_id):
        """A row the user reads (record rules) of a unit they lead or below; 404 else."""
        row = self._kinerja_record("hr.kinerja.progress", row_id)
        if not row.search_count([("id", "=", row.id), *self._kinerja_scope(units)]):
            raise NotFound()
        return row

    @http.route(
        [
            "/my/kinerja/units/<int:row_id>/<string:bucket>",
            "/my/kinerja/units/<int:row_id>/<string:bucket>/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_units_drill(self, row_id, bucket, page=1, **kw):
        units = self._kinerja_require_leader()
        employee = self._kinerja_employee()
        if bucket not in DRILL_BUCKETS:
            raise NotFound()
        row = self._kinerja_progress_row(units, row_id)
        lines = []
        for part in BUCKETS[:3] if bucket == "all" else (bucket,):
            lines += self._kinerja_drill_lines(row, part, employee)
        total = len(lines)
        pager = portal_pager(
            url=f"/my/kinerja/units/{row.id}/{bucket}", total=total, page=page, step=DRILL_STEP
        )
        lines = lines[pager["offset"] : pager["offset"] + DRILL_STEP]
        Progress = request.env["hr.kinerja.progress"]
        stage = dict(Progress._fields["stage"]._description_selection(request.env))[row.stage]
        return self._kinerja_drill_page(
            row, stage, bucket, self._kinerja_bucket_names()[bucket], lines, total, pager
        )

    def _kinerja_drill_page(self, row, stage, bucket, bucket_name, lines, total, pager):
        """The records behind a number of ``row`` (a progress row or a curve line)."""
        unit_name = row.sudo().department_id.complete_name
        return request.render(
            "hr_kinerja_asn.portal_kinerja_units_drill",
            self._kinerja_values(
                "units",
                kinerja_crumbs=[
                    (_("Units I Lead"), "/my/kinerja/units"),
                    (f"{unit_name}: {stage}, {row.period_id.name}", ""),
                ],
                row=row,
                stage_name=stage,
                unit_name=unit_name,
                bucket=bucket,
                bucket_name=bucket_name,
                lines=lines,
                total=total,
                pager=pager,
            ),
        )

    @http.route(
        [
            "/my/kinerja/units/curve/<int:line_id>",
            "/my/kinerja/units/curve/<int:line_id>/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_units_curve_drill(self, line_id, page=1, **kw):
        """The evaluations behind a count of the curve: a line the user reads (record
        rules) of a unit they lead or below, its records (of that line's unit only)
        listed as superuser, as behind a row's number; paged in the query."""
        units = self._kinerja_require_leader()
        employee = self._kinerja_employee()
        line = self._kinerja_record("hr.kinerja.progress.curve", line_id)
        if not line.search_count([("id", "=", line.id), *self._kinerja_scope(units)]):
            raise NotFound()
        # the domain names the line's unit: nothing of another one
        Evaluation, domain = request.env["hr.kinerja.evaluation"].sudo(), line._drill_domain()
        total = Evaluation.search_count(domain)
        pager = portal_pager(
            url=f"/my/kinerja/units/curve/{line.id}", total=total, page=page, step=DRILL_STEP
        )
        records = Evaluation.search(
            domain, order="employee_id", limit=DRILL_STEP, offset=pager["offset"]
        )
        predicate = dict(line._fields["predicate"]._description_selection(request.env))[
            line.predicate
        ]
        stage = _("Predicate Curve")
        lines = [
            {
                "employee": record.employee_id.name,
                "record": record.display_name,
                "state": self._kinerja_state_name(record),
                "deadline": record.period_id.date_evaluation,
                "url": self._kinerja_drill_url(record, employee),
            }
            for record in records
        ]
        return self._kinerja_drill_page(line, stage, "curve", predicate, lines, total, pager)

    def _kinerja_bucket_names(self):
        return {
            "done": _("Done"),
            "in_progress": _("In Progress"),
            "missing": _("Not Started"),
            "overdue": _("Overdue"),
            "all": _("All"),
        }

    def _kinerja_drill_lines(self, row, bucket, employee):
        """The records behind ``bucket`` of ``row`` (checked): dicts with the
        employee, the record, its state, its deadline and the portal page, if any."""
        model, domain = row._drill_domain(bucket)
        unit = row.sudo().department_id
        records = request.env[model].sudo().search(domain)
        unit_path = {
            "hr.employee": "department_id",
            "hr.department": "id",
        }.get(model) or row._stage_source(row.stage)[1]
        # nothing outside the row's unit, whatever the domain says
        records = records.filtered(
            lambda r: (r if unit_path == "id" else r.mapped(unit_path)) == unit
        )
        bucket_name = self._kinerja_bucket_names()[bucket]
        lines = []
        for record in records:
            lines.append(
                {
                    "bucket": bucket,
                    "bucket_name": bucket_name,
                    **self._kinerja_drill_line(row, record, employee),
                }
            )
        return lines

    def _kinerja_state_name(self, record):
        if "state" not in record._fields:
            return ""
        names = dict(record._fields["state"]._description_selection(request.env))
        return names.get(record.state, "")

    def _kinerja_drill_line(self, row, record, me):
        """One line of the drill-down: what the leader reads of ``record`` (a superuser
        record of the row's unit) and the portal page that shows it to them."""
        model = record._name
        if model == "hr.employee":
            return {
                "employee": record.name,
                "record": _("No SKP for %(year)s", year=row.year_id.year),
                "state": _("Not started"),
                "deadline": row.deadline,
                "url": False,
            }
        if model == "hr.department":
            return {
                "employee": record.manager_id.name or "",
                "record": _("Unit achievement of %(unit)s", unit=record.name),
                "state": _("Not set"),
                "deadline": row.deadline,
                "url": False,
            }
        person = record.employee_id if "employee_id" in record._fields else record.browse()
        deadline = {
            "hr.kinerja.skp": lambda: row.year_id.date_skp,
            "hr.kinerja.realisasi": lambda: record.period_id.date_evaluation,
            "hr.kinerja.org.achievement": lambda: (
                record.period_id.date_org_achievement or record.period_id.date_evaluation
            ),
            "hr.kinerja.iki": lambda: row.period_id.date_evaluation,
            "hr.kinerja.evaluation": lambda: {
                "6_document": record.handover_deadline,
                "7_signed": record.return_deadline,
            }.get(row.stage, record.period_id.date_evaluation),
            "hr.kinerja.distribution": lambda: record.period_id.date_report,
            "hr.kinerja.keberatan": lambda: record.decision_deadline,
        }.get(model, lambda: row.deadline)()
        employee_name = person.name or (
            record.leader_id.name if "leader_id" in record._fields else ""
        )
        if model == "hr.kinerja.iki":  # an indicator whose realisation is owed
            return {
                "employee": employee_name or "",
                "record": record.display_name,
                "state": _("Not submitted"),
                "deadline": deadline or False,
                "url": self._kinerja_owed_url(record, row.period_id, me),
            }
        return {
            "employee": employee_name or "",
            "record": record.display_name,
            "state": self._kinerja_state_name(record),
            "deadline": deadline or False,
            "url": self._kinerja_drill_url(record, me),
        }

    def _kinerja_owed_url(self, indicator, period, me):
        """The employee's own realisation sheet of the period; for their evaluator,
        the SKP's team page."""
        if me and indicator.employee_id == me:
            return f"/my/kinerja/realisasi?period_id={period.id}"
        if me and me in (indicator.skp_id.evaluator_id | indicator.skp_id.evaluator_superior_id):
            return f"/my/kinerja/team/skp/{indicator.skp_id.id}"
        return False

    def _kinerja_drill_url(self, record, me):
        """The existing portal page of ``record`` for the user ``me`` (their own
        record, or one they evaluate or lead), else False. The page checks again."""
        if not me:
            return False
        model = record._name
        if model == "hr.kinerja.skp":
            if record.employee_id == me:
                return f"/my/kinerja/skp/{record.id}"
            if me in (record.evaluator_id | record.evaluator_superior_id):
                return f"/my/kinerja/team/skp/{record.id}"
        elif model == "hr.kinerja.realisasi":
            if record.employee_id == me:
                return f"/my/kinerja/realisasi?period_id={record.period_id.id}"
            if record.skp_id.evaluator_id == me and record.state != "draft":
                return (
                    f"/my/kinerja/team/realisasi?period_id={record.period_id.id}"
                    f"&employee_id={record.employee_id.id}"
                )
        elif model == "hr.kinerja.evaluation":
            if record.employee_id == me:
                return f"/my/kinerja/evaluation/{record.id}"
            if me in (record.evaluator_id | record.evaluator_superior_id):
                return f"/my/kinerja/team/evaluation/{record.id}"
        elif model == "hr.kinerja.keberatan":
            if record.employee_id == me:
                return f"/my/kinerja/evaluation/{record.evaluation_id.id}"
        elif model == "hr.kinerja.distribution":
            if record.leader_id == me:
                return f"/my/kinerja/team/distribution?period_id={record.period_id.id}"
        return False
