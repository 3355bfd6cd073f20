"""The evaluator in the portal (/my/kinerja/team): a leader - the head of a school,
a Puskesmas or a section - who is a portal user sees the people they evaluate and
what each owes or waits for, sets their SKPs, reviews their realisations, rates
them and sees the unit's distribution against its pattern.

Every page reads with the user's rights, and only the records where the user is
the evaluator (or the evaluator's superior, for what the models let the superior
do) are shown: another id gives a 404 even when a record rule would let the user
read it (a unit leader reads the SKPs of the whole unit, say). Every action is the
model's button or a write as the user, so the write policy and the models' checks
decide; their refusal is shown on the page.
"""

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.hr_kinerja_evaluation import RATING_FIELDS
from ..rules import constants as rule_constants
from ..rules import proposal as rule_proposal
from .portal import KinerjaPortal

SKP_ACTIVE_STATES = ("draft", "agreed", "set")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class KinerjaPortalTeam(KinerjaPortal):
    def _kinerja_unit_names(self, records, field):
        """{record id: name of its unit}: portal users do not read hr.department, the
        back office shows these names on records the user reads. ``records`` are
        already checked (read access and the user's role), so reading the name of
        exactly their unit as superuser reveals nothing more."""
        return {record.id: record.sudo()[field].name or "" for record in records}

    # -- the team ---------------------------------------------------------------------
    def _kinerja_team_skps(self, employee):
        """The SKPs of this year in force or in preparation that ``employee``
        evaluates: who is on the team."""
        today = fields.Date.context_today(request.env.user)
        return request.env["hr.kinerja.skp"].search(
            [
                ("evaluator_id", "=", employee.id),
                ("state", "in", SKP_ACTIVE_STATES),
                ("year_id.year", "=", today.year),
            ],
            order="employee_id",
        )

    def _kinerja_require_evaluator(self):
        """The user's employee when they evaluate anyone (the Team tab); 404 else."""
        employee = self._kinerja_require_employee()
        if not request.env["hr.kinerja.skp"].search_count(
            [("evaluator_id", "=", employee.id)], limit=1
        ):
            raise NotFound()
        return employee

    def _kinerja_open_periods(self, employee):
        return request.env["hr.kinerja.due"]._open_periods(employee.company_id)

    def _kinerja_pick_period(self, periods, period_id):
        """The period chosen in the URL among ``periods``, else the latest."""
        chosen = periods.filtered(lambda p: p.id == _int(period_id))
        return chosen[:1] or periods[-1:]

    @http.route("/my/kinerja/team", type="http", auth="user", website=True)
    def kinerja_team(self, period_id=None, **kw):
        employee = self._kinerja_require_evaluator()
        Due = request.env["hr.kinerja.due"]
        skps = self._kinerja_team_skps(employee)
        items = Due._team_items(employee)
        periods = self._kinerja_open_periods(employee)
        period = self._kinerja_pick_period(periods, period_id)
        people = skps.employee_id
        for item in items:
            people |= item["employee"]
        items_of = {}
        for item in items:
            items_of.setdefault(item["employee"].id, []).append(item)
        skp_of = {}
        for skp in skps:
            skp_of.setdefault(skp.employee_id.id, skp)

        # this period's realisations, counted in one grouped query
        counts = {}
        indicators_of = {}
        evaluation_of = {}
        if period:
            in_period = skps.filtered(
                lambda s: (
                    s.state == "set"
                    and s.date_start <= period.date_end
                    and s.date_end >= period.date_start
                )
            )
            for skp in in_period:
                indicators_of[skp.employee_id.id] = indicators_of.get(skp.employee_id.id, 0) + len(
                    skp.rhk_ids.indicator_ids
                )
            groups = request.env["hr.kinerja.realisasi"]._read_group(
                [("skp_id", "in", in_period.ids), ("period_id", "=", period.id)],
                ["employee_id", "state"],
                ["__count"],
            )
            for person, state, count in groups:
                counts.setdefault(person.id, {})[state] = count
            evaluations = request.env["hr.kinerja.evaluation"].search(
                [("employee_id", "in", people.ids), ("period_id", "=", period.id)]
            )
            evaluation_of = {e.employee_id.id: e for e in evaluations}
        rows = []
        for person in people.sorted("name"):
            per = counts.get(person.id, {})
            total = indicators_of.get(person.id, 0)
            entered = sum(per.values())
            rows.append(
                {
                    "employee": person,
                    "skp": skp_of.get(person.id),
                    "items": items_of.get(person.id, []),
                    "indicators": total,
                    "reviewed": per.get("reviewed", 0),
                    "to_review": per.get("submitted", 0),
                    "draft": per.get("draft", 0),
                    "not_entered": max(total - entered, 0),
                    "evaluation": evaluation_of.get(person.id),
                }
            )
        leads = bool(
            request.env["hr.kinerja.distribution"].search_count(
                [("leader_id", "=", employee.id)], limit=1
            )
        )
        return request.render(
            "hr_kinerja_asn.portal_kinerja_team",
            self._kinerja_values(
                "team",
                kinerja_crumbs=[(_("My Team"), "")],
                rows=rows,
                periods=periods,
                period=period,
                leads_unit=leads,
            ),
        )

    # -- an SKP to set ------------------------------------------------------------------
    def _kinerja_team_skp(self, employee, skp_id):
        """An SKP the user evaluates (or may set as the evaluator's superior)."""
        skp = self._kinerja_record("hr.kinerja.skp", skp_id)
        if employee not in (skp.evaluator_id | skp.evaluator_superior_id):
            raise NotFound()
        return skp

    @http.route("/my/kinerja/team/skp/<int:skp_id>", type="http", auth="user", website=True)
    def kinerja_team_skp(self, skp_id, **kw):
        employee = self._kinerja_require_evaluator()
        skp = self._kinerja_team_skp(employee, skp_id)
        return request.render(
            "hr_kinerja_asn.portal_kinerja_team_skp",
            self._kinerja_values(
                "team",
                kinerja_crumbs=[(_("My Team"), "/my/kinerja/team"), (skp.display_name, "")],
                skp=skp,
                unit_name=self._kinerja_unit_names(skp, "department_id")[skp.id],
            ),
        )

    @http.route(
        "/my/kinerja/team/skp/<int:skp_id>/set",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_team_skp_set(self, skp_id, **kw):
        employee = self._kinerja_require_evaluator()
        skp = self._kinerja_team_skp(employee, skp_id)
        return self._kinerja_act(
            skp.action_set,
            f"/my/kinerja/team/skp/{skp.id}",
            success=_("The SKP of %(employee)s is set.", employee=skp.employee_id.name),
        )

    @http.route(
        "/my/kinerja/team/skp/<int:skp_id>/draft",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_team_skp_draft(self, skp_id, **kw):
        employee = self._kinerja_require_evaluator()
        skp = self._kinerja_team_skp(employee, skp_id)
        return self._kinerja_act(
            skp.action_reset_draft,
            f"/my/kinerja/team/skp/{skp.id}",
            success=_(
                "The SKP of %(employee)s is back in draft for changes.",
                employee=skp.employee_id.name,
            ),
        )

    # -- realisations to review -----------------------------------------------------------
    @http.route("/my/kinerja/team/realisasi", type="http", auth="user", website=True)
    def kinerja_team_realisasi(self, employee_id=None, period_id=None, **kw):
        employee = self._kinerja_require_evaluator()
        Realisasi = request.env["hr.kinerja.realisasi"]
        domain = [("skp_id.evaluator_id", "=", employee.id)]
        person = request.env["hr.employee"]
        if employee_id:
            # only someone the user evaluates: another id is a 404, like a hidden one
            if not request.env["hr.kinerja.skp"].search_count(
                [("evaluator_id", "=", employee.id), ("employee_id", "=", _int(employee_id))],
                limit=1,
            ):
                raise NotFound()
            person = request.env["hr.employee"].browse(_int(employee_id))
            domain.append(("employee_id", "=", person.id))
        periods = self._kinerja_open_periods(employee)
        if period_id and _int(period_id) not in periods.ids:
            # a period that is no longer open (locked): still readable
            periods |= self._kinerja_record("hr.kinerja.period", period_id)
            periods = periods.sorted("date_start")
        period = self._kinerja_pick_period(periods, period_id)
        lines = Realisasi.browse()
        if period:
            lines = Realisasi.search(
                [
                    *domain,
                    ("period_id", "=", period.id),
                    ("state", "in", ("submitted", "reviewed")),
                ],
                order="employee_id, state, skp_id, iki_id",
            )
        return request.render(
            "hr_kinerja_asn.portal_kinerja_team_realisasi",
            self._kinerja_values(
                "team",
                kinerja_crumbs=[(_("My Team"), "/my/kinerja/team"), (_("Realisations"), "")],
                lines=lines,
                evidence=self._kinerja_evidence(lines),
                person=person,
                periods=periods,
                period=period,
            ),
        )

    def _kinerja_evidence(self, lines):
        """{line id: its evidence files}. Odoo lets only internal users read
        ir.attachment; ``lines`` are the user's team's, read with the user's rights,
        so their own files are listed as superuser (names only; downloads go through
        kinerja_team_evidence, which checks the line again)."""
        return {line.id: line.sudo().attachment_ids for line in lines}

    @http.route(
        "/my/kinerja/team/realisasi/<int:line_id>/evidence/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_team_evidence(self, line_id, attachment_id, **kw):
        employee = self._kinerja_require_evaluator()
        line = self._kinerja_record("hr.kinerja.realisasi", line_id)
        if line.skp_id.evaluator_id != employee:
            raise NotFound()
        # the file must be one of this line's evidence files (checked as superuser,
        # see _kinerja_evidence)
        attachment = line.sudo().attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment, "raw")
        return stream.get_response(as_attachment=True)

    def _kinerja_team_realisasi_back(self, line, employee_filter):
        url = f"/my/kinerja/team/realisasi?period_id={line.period_id.id}"
        if _int(employee_filter):
            url += f"&employee_id={_int(employee_filter)}"
        return url

    @http.route(
        "/my/kinerja/team/realisasi/<int:line_id>/review",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_team_realisasi_review(self, line_id, employee_filter=None, **kw):
        self._kinerja_require_evaluator()
        line = self._kinerja_record("hr.kinerja.realisasi", line_id)
        return self._kinerja_act(
            line.action_review,
            self._kinerja_team_realisasi_back(line, employee_filter),
            success=_("Accepted: %(indicator)s.", indicator=line.iki_id.name),
        )

    @http.route(
        "/my/kinerja/team/realisasi/<int:line_id>/return",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_team_realisasi_return(self, line_id, review_note="", employee_filter=None, **kw):
        self._kinerja_require_evaluator()
        line = self._kinerja_record("hr.kinerja.realisasi", line_id)

        def send_back():
            if not (review_note or "").strip():
                raise UserError(_("Write what is to be corrected before returning it."))
            line.write({"review_note": review_note.strip()})
            line.action_reopen()

        return self._kinerja_act(
            send_back,
            self._kinerja_team_realisasi_back(line, employee_filter),
            success=_(
                "Returned to %(employee)s with your note: %(indicator)s.",
                employee=line.employee_id.name,
                indicator=line.iki_id.name,
            ),
        )

    # -- an evaluation to rate ------------------------------------------------------------
    def _kinerja_team_evaluation(self, employee, evaluation_id):
        """An evaluation the user rates or rated: as the evaluator, or as the
        evaluator's superior once escalated."""
        evaluation = self._kinerja_record("hr.kinerja.evaluation", evaluation_id)
        if evaluation.employee_id == employee or employee not in (
            evaluation.evaluator_id | evaluation.evaluator_superior_id
        ):
            raise NotFound()
        return evaluation

    @http.route(
        "/my/kinerja/team/evaluation/<int:evaluation_id>", type="http", auth="user", website=True
    )
    def kinerja_team_evaluation(self, evaluation_id, **kw):
        employee = self._kinerja_require_evaluator()
        evaluation = self._kinerja_team_evaluation(employee, evaluation_id)
        rater = (
            evaluation.evaluator_superior_id if evaluation.escalated else evaluation.evaluator_id
        )
        Evaluation = request.env["hr.kinerja.evaluation"]
        return request.render(
            "hr_kinerja_asn.portal_kinerja_team_evaluation",
            self._kinerja_values(
                "team",
                kinerja_crumbs=[
                    (_("My Team"), "/my/kinerja/team"),
                    (evaluation.display_name, ""),
                ],
                evaluation=evaluation,
                unit_name=self._kinerja_unit_names(evaluation, "unit_id")[evaluation.id],
                rater=rater,
                can_rate=rater == employee and evaluation.state in ("draft", "rated"),
                ratings=Evaluation._fields["result_rating"]._description_selection(request.env),
                predicates=Evaluation._fields["predicate"]._description_selection(request.env),
                names=self._kinerja_selection_names(evaluation),
            ),
        )

    def _kinerja_selection_names(self, evaluation):
        names = {}
        for name in (
            "result_rating",
            "behaviour_rating",
            "suggested_result_rating",
            "suggested_behaviour_rating",
            "quadrant_predicate",
            "predicate",
            "state",
            "org_achievement",
        ):
            names[name] = dict(evaluation._fields[name]._description_selection(request.env)).get(
                evaluation[name], ""
            )
        return names

    def _kinerja_rating_values(self, evaluation, form):
        """The RATING_FIELDS in the form, checked for their type; a wrong value is
        a message, not a traceback."""
        vals = {}
        for name in ("result_rating", "behaviour_rating", "predicate"):
            # an empty predicate: the one the quadrant gives (not written)
            if name in form and (form[name] or name != "predicate"):
                value = form[name] or False
                allowed = dict(evaluation._fields[name]._description_selection(request.env))
                if value and value not in allowed:
                    raise UserError(_("%(value)s is not a valid choice.", value=value))
                vals[name] = value
        for name in ("note", "recommendation", "predicate_justification"):
            if name in form:
                vals[name] = form[name].strip() or False
        if "ipk" in form:
            try:
                vals["ipk"] = float((form["ipk"] or "0").replace(",", "."))
            except ValueError:
                raise UserError(_("The IPK is a number such as 3.45.")) from None
        if "ipk" in form or "drop_out" in form:
            vals["drop_out"] = bool(form.get("drop_out"))
        if "predicate" not in vals:
            vals.pop("predicate_justification", None)
        assert set(vals) <= RATING_FIELDS
        return vals

    @http.route(
        "/my/kinerja/team/evaluation/<int:evaluation_id>/save",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_team_evaluation_save(self, evaluation_id, done=None, **form):
        employee = self._kinerja_require_evaluator()
        evaluation = self._kinerja_team_evaluation(employee, evaluation_id)

        def save():
            vals = self._kinerja_rating_values(evaluation, form)
            if vals:
                evaluation.write(vals)
            if done:
                evaluation.action_done()

        return self._kinerja_act(
            save,
            f"/my/kinerja/team/evaluation/{evaluation.id}",
            success=_("Rated: %(employee)s.", employee=evaluation.employee_id.name)
            if done
            else _("Saved."),
        )

    # -- the unit's distribution ----------------------------------------------------------
    @http.route("/my/kinerja/team/distribution", type="http", auth="user", website=True)
    def kinerja_team_distribution(self, period_id=None, **kw):
        employee = self._kinerja_require_employee()
        distributions = request.env["hr.kinerja.distribution"].search(
            [("leader_id", "=", employee.id)], order="period_id desc, department_id"
        )
        if not distributions:
            raise NotFound()
        periods = distributions.period_id.sorted("date_start")
        period = self._kinerja_pick_period(periods, period_id)
        shown = distributions.filtered(lambda d: d.period_id == period)
        counts = shown._predicate_counts()
        achievements = shown._achievements()
        achievement_names = dict(shown._fields["achievement"]._description_selection(request.env))
        units = []
        for distribution in shown:
            per, unrated = counts[distribution.id]
            achievement = achievements.get(distribution.id)
            rated = sum(per.values())
            allowed = rule_proposal.bounds(achievement, rated)[0] if achievement else {}
            scale = max([rated, 1] + [hi for _lo, hi in allowed.values()])
            bars = []
            for predicate in rule_constants.PREDICATES:
                lo, hi = allowed.get(predicate, (None, None))
                count = per[predicate]
                bars.append(
                    {
                        "predicate": predicate,
                        "name": rule_constants.PREDICATE_NAMES[predicate],
                        "count": count,
                        "lo": lo,
                        "hi": hi,
                        "ok": lo is None or lo <= count <= hi,
                        "width": round(100 * count / scale, 1),
                        "range_left": 0 if lo is None else round(100 * lo / scale, 1),
                        "range_width": 0 if lo is None else round(100 * (hi - lo) / scale, 1),
                    }
                )
            units.append(
                {
                    "distribution": distribution,
                    "achievement": achievement_names.get(achievement, ""),
                    "rated": rated,
                    "unrated": unrated,
                    "bars": bars,
                }
            )
        return request.render(
            "hr_kinerja_asn.portal_kinerja_team_distribution",
            self._kinerja_values(
                "team",
                kinerja_crumbs=[
                    (_("My Team"), "/my/kinerja/team"),
                    (_("Distribution"), ""),
                ],
                units=units,
                unit_names=self._kinerja_unit_names(shown, "department_id"),
                periods=periods,
                period=period,
            ),
        )
