import json
from collections import defaultdict
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from ..rules import achievement as rule_achievement
from ..rules import constants as rule_constants
from ..rules import evaluation as rule_evaluation
from ..rules import ipk as rule_ipk
from ..rules import quadrant as rule_quadrant
from . import bulk
from .hr_kinerja_org_quadrant import ACHIEVEMENTS, RATINGS
from .policy import allow
from .workflow import is_workflow, workflow

PREDICATES = list(rule_constants.PREDICATE_NAMES.items())
STATES = [("draft", "To Rate"), ("rated", "Rated"), ("confirmed", "Confirmed")]
# What the evaluator (or, after escalation, the superior) writes.
RATING_FIELDS = {
    "result_rating",
    "behaviour_rating",
    "predicate",
    "predicate_justification",
    "note",
    "recommendation",
    "ipk",
    "drop_out",
}
SKP_STATES = ("set", "closed")
# What the evaluated employee does not see while their evaluation is being rated
# (state "To Rate"): the rater's work in progress, shown once rated.
HIDDEN_WHILE_RATING = (
    "result_rating",
    "behaviour_rating",
    "predicate",
    "quadrant_predicate",
    "predicate_justification",
    "note",
    "recommendation",
)


class HrKinerjaEvaluation(models.Model):
    """Evaluasi kinerja of one employee for one period, periodic or annual
    (003 Pasal 23-24; 002 D.6): results and behaviour ratings with the system's
    suggestions beside them, the predicate from the quadrant, notes and
    recommendations. Generated for a period in batch; rated by the evaluator, or by
    the evaluator's superior once the deadline has passed - then final (003 section
    Evaluasi 11); confirmed with the unit's distribution (002 D.5)."""

    _name = "hr.kinerja.evaluation"
    _description = "Performance Evaluation"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.period.guard",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "period_id desc, distribution_id, employee_id"
    _rec_name = "employee_id"

    # Who changes what (deny by default, models/policy.py). Evaluations are generated
    # by an HR officer's batch (server side); the rater - the evaluator, the
    # evaluator's superior once escalated (003 Evaluasi 11), an HR manager for the
    # regional head (003 Evaluasi 12) - writes the ratings until the distribution is
    # confirmed; everything else is written by workflow steps.
    _kinerja_policy = (
        allow("rater", "write", RATING_FIELDS, states=["draft", "rated"]),
        allow("manager", "unlink", states=["draft"]),
    )
    _kinerja_server_fields = (
        "employee_id",
        "period_id",
        "skp_id",
        "department_id",
        "job_title",
        "evaluator_id",
        "evaluator_superior_id",
        "unit_id",
        "led_unit_id",
        "distribution_id",
        "suggested_result_rating",
        "suggested_behaviour_rating",
        "suggestion_reasons",
        "achievement_percent",
        "contribution",
        "tugas_belajar",
        "state",
        "escalated",
        "evaluated_by_id",
        "evaluated_date",
        "jf_jenjang",
        "months",
    )

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict", tracking=True
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, precompute=True, string="Agency"
    )
    year_id = fields.Many2one(related="period_id.year_id", store=True, precompute=True)
    period_kind = fields.Selection(
        related="period_id.kind", store=True, precompute=True, string="Period Kind"
    )
    skp_id = fields.Many2one("hr.kinerja.skp", string="SKP", readonly=True, index=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    job_title = fields.Char("Position", readonly=True)
    evaluator_id = fields.Many2one("hr.employee", readonly=True, tracking=True, index=True)
    evaluator_superior_id = fields.Many2one(
        "hr.employee", string="Evaluator's Superior", readonly=True, index=True
    )
    unit_id = fields.Many2one(
        "hr.department",
        string="Evaluator's Unit",
        readonly=True,
        help="The unit led by the evaluator: its achievement is the one that counts "
        "for this employee (003 section B.1.g).",
    )
    led_unit_id = fields.Many2one(
        "hr.department",
        string="Leads Unit",
        readonly=True,
        help="The unit this employee leads: its achievement is their results rating (002 D.6.c).",
    )
    distribution_id = fields.Many2one(
        "hr.kinerja.distribution", readonly=True, index=True, ondelete="restrict"
    )
    org_achievement = fields.Selection(
        ACHIEVEMENTS,
        string="Organisation Achievement",
        compute="_compute_org_achievement",
        help="The achievement of the evaluator's unit for the period (003 section B.1.g).",
    )
    leader_achievement = fields.Selection(
        ACHIEVEMENTS, string="Achievement of the Unit Led", compute="_compute_org_achievement"
    )
    result_rating = fields.Selection(RATINGS, string="Results", tracking=True)
    behaviour_rating = fields.Selection(RATINGS, string="Behaviour", tracking=True)
    suggested_result_rating = fields.Selection(RATINGS, string="Suggested Results", readonly=True)
    suggested_behaviour_rating = fields.Selection(
        RATINGS, string="Suggested Behaviour", readonly=True
    )
    # Why the system suggests these ratings, stored as translatable structure: a
    # list of [message, params] pairs - the English message exactly as written in
    # the code (rules/evaluation.py and _suggestions below), which is the key of the
    # addon's translations, and its %-parameters (numbers, the unit's name, and
    # "achievement" as an organisation achievement key). suggestion_note renders
    # them in the reader's language; nothing English is stored for a reader.
    suggestion_reasons = fields.Json(readonly=True, copy=False)
    suggestion_note = fields.Text("Why These Suggestions", compute="_compute_suggestion_note")
    achievement_percent = fields.Float(
        "Indicator Achievement %", digits=(6, 2), readonly=True, aggregator="avg"
    )
    contribution = fields.Float(
        digits=(6, 2),
        readonly=True,
        help="Mean indicator achievement, plus points for the roles in the leader's "
        "indicators (matriks peran hasil), minus points for results taken over.",
    )
    tugas_belajar = fields.Boolean("Study Leave", readonly=True)
    ipk = fields.Float("GPA (IPK)", digits=(3, 2), tracking=True)
    drop_out = fields.Boolean("Dropped Out", tracking=True)
    quadrant_predicate = fields.Selection(
        PREDICATES,
        compute="_compute_quadrant_predicate",
        store=True,
        precompute=True,
        string="Predicate by the Quadrant",
    )
    predicate = fields.Selection(
        PREDICATES,
        compute="_compute_predicate",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    predicate_justification = fields.Text(
        compute="_compute_predicate",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="Required when the predicate differs from the quadrant's.",
    )
    note = fields.Text("Evaluator's Notes")
    recommendation = fields.Text()
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, index=True)
    escalated = fields.Boolean(
        readonly=True,
        tracking=True,
        help="The evaluator missed the deadline: the evaluator's superior evaluates and "
        "the result is final (003 section Evaluasi 11).",
    )
    evaluated_by_id = fields.Many2one("hr.employee", readonly=True)
    evaluated_date = fields.Date("Evaluated On", readonly=True)
    jf_jenjang = fields.Selection(
        list(rule_constants.JF_JENJANG_NAMES.items()), string="JF Level", readonly=True
    )
    months = fields.Integer(readonly=True, help="Months this evaluation covers.")
    angka_kredit_id = fields.Many2one("hr.kinerja.angka.kredit", compute="_compute_angka_kredit")
    angka_kredit = fields.Float("Credit Points", compute="_compute_angka_kredit", digits=(8, 2))

    _sql_constraints = [
        (
            "employee_period_uniq",
            "unique(employee_id, period_id)",
            "An employee has one evaluation per period.",
        ),
    ]

    # -- computes -----------------------------------------------------------------
    def _compute_org_achievement(self):
        achievements = self.env["hr.kinerja.org.achievement"]
        for period in self.period_id:
            records = self.filtered(lambda e, p=period: e.period_id == p)
            effective = achievements._effective(records.unit_id | records.led_unit_id, period)
            for evaluation in records:
                evaluation.org_achievement = effective.get(evaluation.unit_id.id, (False,))[0]
                evaluation.leader_achievement = effective.get(evaluation.led_unit_id.id, (False,))[
                    0
                ]
        (self - self.filtered("period_id")).update(
            {"org_achievement": False, "leader_achievement": False}
        )

    @api.depends(
        "result_rating",
        "behaviour_rating",
        "tugas_belajar",
        "ipk",
        "drop_out",
        "skp_id.study_level",
        "skp_id.study_location",
        "skp_id.university_accreditation",
        "skp_id.programme_accreditation",
    )
    def _compute_quadrant_predicate(self):
        for evaluation in self:
            evaluation.quadrant_predicate = evaluation._quadrant_predicate()

    def _quadrant_predicate(self):
        if self.tugas_belajar:
            # Study leave: the IPK band, or a drop-out by behaviour (003 section B.3.a.3).
            if self.drop_out:
                if not self.behaviour_rating:
                    return False
                return rule_ipk.drop_out_predicate(self.behaviour_rating)
            skp = self.skp_id
            if not self.ipk or not skp.study_level:
                return False
            try:
                return rule_ipk.predicate_for_ipk(
                    self.ipk,
                    skp.study_level,
                    skp.study_location or rule_ipk.DOMESTIC,
                    skp.university_accreditation,
                    skp.programme_accreditation,
                )
            except ValueError:
                return False
        if self.result_rating and self.behaviour_rating:
            return rule_quadrant.employee_predicate(self.result_rating, self.behaviour_rating)
        return False

    @api.depends("quadrant_predicate")
    def _compute_predicate(self):
        for evaluation in self:
            evaluation.predicate = evaluation.quadrant_predicate
            evaluation.predicate_justification = False

    def _compute_angka_kredit(self):
        lines = (
            self.env["hr.kinerja.angka.kredit"].sudo().search([("evaluation_id", "in", self.ids)])
        )
        by_evaluation = {line.evaluation_id.id: line for line in lines}
        for evaluation in self:
            line = by_evaluation.get(evaluation.id, lines.browse())
            evaluation.angka_kredit_id = line
            evaluation.angka_kredit = line.amount

    # -- constraints --------------------------------------------------------------
    @api.constrains("predicate", "predicate_justification")
    def _check_predicate(self):
        for evaluation in self:
            if (
                evaluation.predicate
                and evaluation.quadrant_predicate
                and evaluation.predicate != evaluation.quadrant_predicate
                and not (evaluation.predicate_justification or "").strip()
            ):
                names = dict(PREDICATES)
                raise ValidationError(
                    _(
                        "%(employee)s: the ratings give %(quadrant)s by the performance "
                        "quadrant; to set %(predicate)s instead, write the justification.",
                        employee=evaluation.employee_id.name,
                        quadrant=names[evaluation.quadrant_predicate],
                        predicate=names[evaluation.predicate],
                    )
                )

    @api.constrains("ipk")
    def _check_ipk(self):
        for evaluation in self:
            if not 0 <= evaluation.ipk <= 4:
                raise ValidationError(
                    _(
                        "%(employee)s: an IPK lies between 0.00 and 4.00.",
                        employee=evaluation.employee_id.name,
                    )
                )

    @api.constrains("result_rating", "led_unit_id")
    def _check_leader_results(self):
        for evaluation in self.filtered(lambda e: e.led_unit_id and e.result_rating):
            expected = evaluation._leader_result()
            if expected and evaluation.result_rating != expected:
                raise ValidationError(
                    _(
                        "%(employee)s leads %(unit)s: their results rating is the unit's "
                        "achievement, %(achievement)s, which gives %(rating)s (002 D.6.c).",
                        employee=evaluation.employee_id.name,
                        unit=evaluation.led_unit_id.name,
                        achievement=dict(ACHIEVEMENTS)[evaluation.leader_achievement],
                        rating=dict(RATINGS)[expected],
                    )
                )

    def _leader_result(self):
        """The results rating a unit leader gets from the unit's achievement."""
        if not (self.led_unit_id and self.leader_achievement):
            return False
        return rule_evaluation.leader_results(
            self.leader_achievement, self.company_id._kinerja_leader_mapping()
        )

    # -- who rates ------------------------------------------------------------------
    def _user_is(self, employee):
        return bool(employee) and employee.user_id == self.env.user

    def _check_rater(self):
        """The evaluator rates those they evaluate; once escalated, only the
        evaluator's superior (003 section Evaluasi 11)."""
        if self.env.su or is_workflow(self):
            return
        manager = self.env.user.has_group("hr_kinerja_asn.group_kinerja_manager")
        for evaluation in self:
            rater = (
                evaluation.evaluator_superior_id
                if evaluation.escalated
                else evaluation.evaluator_id
            )
            # A JPT or head of an independent unit is evaluated by the regional head
            # (003 section Evaluasi 12): an HR manager records it on their behalf.
            if not evaluation.evaluator_id and manager:
                continue
            if not evaluation._user_is(rater):
                raise AccessError(
                    _(
                        "%(employee)s is rated by %(rater)s%(why)s.",
                        employee=evaluation.employee_id.name,
                        rater=rater.name or _("the regional head, recorded by an HR manager"),
                        why=_(", the evaluator's superior, since the deadline passed")
                        if evaluation.escalated
                        else "",
                    )
                )
            if evaluation.state == "confirmed":
                raise UserError(
                    _(
                        "The predicate of %(employee)s is confirmed with the distribution of "
                        "%(unit)s: the unit leader resets the distribution to change it.",
                        employee=evaluation.employee_id.name,
                        unit=evaluation.unit_id.name,
                    )
                )

    def _kinerja_extra_roles(self, roles):
        manager = self.env.user.has_group("hr_kinerja_asn.group_kinerja_manager")
        for evaluation in self.sudo():
            rater = (
                evaluation.evaluator_superior_id
                if evaluation.escalated
                else evaluation.evaluator_id
            )
            if (rater and rater.user_id == self.env.user) or (
                not evaluation.evaluator_id and manager
            ):
                roles[evaluation.id].add("rater")

    def write(self, vals):
        if RATING_FIELDS & set(vals):
            # The policy refuses everyone else; this says who rates instead.
            self._check_rater()
            if any(evaluation.state == "draft" for evaluation in self):
                # The rater's drafts are not tracked: the employee follows the
                # record and would read them in its history before the rating.
                self = self.with_context(mail_notrack=True)
        return super().write(vals)

    # -- the employee does not see the ratings before they are done ----------------
    def _kinerja_check_printable(self):
        """An employee prints their evaluation once it is rated."""
        if self._kinerja_hides_ratings() and self.sudo().filtered_domain(
            self._kinerja_own_draft_domain()
        ):
            raise UserError(_("Your evaluation is still being rated: it prints once rated."))

    def _kinerja_own_draft_domain(self):
        """Rows the user may not see the ratings of: their own evaluations still
        being rated. Nobody else needs them hidden (the rater is never the employee)."""
        return [("state", "=", "draft"), ("employee_id.user_id", "=", self.env.uid)]

    def _kinerja_hides_ratings(self):
        return not self.env.su

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        hidden = [name for name in fnames if name in HIDDEN_WHILE_RATING]
        if not hidden or not self._kinerja_hides_ratings():
            return result
        own_drafts = set(self.sudo().filtered_domain(self._kinerja_own_draft_domain()).ids)
        for row in result:
            if row["id"] in own_drafts:
                row.update(dict.fromkeys(hidden, False))
        return result

    def _kinerja_own_drafts(self):
        if not self._kinerja_hides_ratings():
            return self.browse()
        return self.sudo().filtered_domain(self._kinerja_own_draft_domain()).sudo(False)

    def export_data(self, fields_to_export):
        if any(path.split("/")[0] in HIDDEN_WHILE_RATING for path in fields_to_export):
            self -= self._kinerja_own_drafts()
        return super().export_data(fields_to_export)

    def onchange(self, values, field_names, fields_spec):
        # A form's onchange recomputes the quadrant from the ratings: not on one's
        # own evaluation while it is being rated (nobody edits it there anyway).
        if self._kinerja_own_drafts():
            raise AccessError(_("Your evaluation is still being rated."))
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def _kinerja_mentions_hidden(self, domain):
        return any(
            isinstance(leaf, list | tuple) and str(leaf[0]).split(".")[0] in HIDDEN_WHILE_RATING
            for leaf in domain or ()
        )

    @api.model
    def _kinerja_not_own_drafts(self, domain):
        return expression.AND([domain or [], ["!", "&", *self._kinerja_own_draft_domain()]])

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Searching one's own draft evaluation by a rating would tell the rating.
        if self._kinerja_hides_ratings() and self._kinerja_mentions_hidden(domain):
            domain = self._kinerja_not_own_drafts(domain)
        return super()._search(domain, offset, limit, order)

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        # Grouping or summing by a rating counts one's own draft: leave it out.
        specs = [spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)]
        if self._kinerja_hides_ratings() and set(specs) & set(HIDDEN_WHILE_RATING):
            domain = self._kinerja_not_own_drafts(domain)
        return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unrated(self):
        if self.filtered(lambda e: e.state != "draft"):
            raise UserError(_("A rated evaluation cannot be deleted."))

    # -- actions -----------------------------------------------------------------
    def action_apply_suggestions(self):
        """Take the suggested ratings where none is chosen yet."""
        for evaluation in self:
            vals = {}
            if not evaluation.result_rating and evaluation.suggested_result_rating:
                vals["result_rating"] = evaluation.suggested_result_rating
            if not evaluation.behaviour_rating and evaluation.suggested_behaviour_rating:
                vals["behaviour_rating"] = evaluation.suggested_behaviour_rating
            if vals:
                evaluation.write(vals)
        return True

    def action_done(self):
        """The rater finishes: the predicate must be known."""
        self._check_rater()
        me = self.env.user.employee_ids[:1]
        for evaluation in self:
            if evaluation.led_unit_id and evaluation.leader_achievement:
                if evaluation.result_rating != evaluation._leader_result():
                    evaluation.result_rating = evaluation._leader_result()
            if not evaluation.predicate:
                raise UserError(
                    _(
                        "%(employee)s: %(missing)s first.",
                        employee=evaluation.employee_id.name,
                        missing=_("enter the IPK or mark the drop-out and rate the behaviour")
                        if evaluation.tugas_belajar
                        else _("rate the results and the behaviour"),
                    )
                )
        workflow(self).write(
            {
                "state": "rated",
                "evaluated_by_id": me.id,
                "evaluated_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_back_to_draft(self):
        self._check_rater()
        workflow(self).write({"state": "draft"})
        return True

    # -- documents (My Predicates) ------------------------------------------------------
    def action_print_result(self):
        """The evaluation result (C.1.x), as in the Print menu and the portal."""
        return self._kinerja_print("hr_kinerja_asn.action_report_evaluation_result")

    def action_print_document(self):
        """The evaluation document (D.1.1/D.1.2), as in the Print menu and the portal."""
        return self._kinerja_print("hr_kinerja_asn.action_report_evaluation_document")

    def _kinerja_print(self, report_xmlid):
        # Like the portal: the documents exist once the evaluation is rated.
        if any(evaluation.state == "draft" for evaluation in self):
            raise UserError(_("The documents are printed once the evaluation is rated."))
        return self.env.ref(report_xmlid).report_action(self)

    # -- generation ------------------------------------------------------------------
    @api.model
    def _generate(self, period):
        """Create the period's missing evaluations, one per employee with a set SKP
        covering it, with evaluators, units and distributions, in a fixed number of
        queries. Returns the new evaluations."""
        period.ensure_one()
        self.check_access("create")
        env = self.sudo().with_context(tracking_disable=True).env
        date = period.date_end
        skps = env["hr.kinerja.skp"].search(
            [
                ("company_id", "=", period.company_id.id),
                ("employee_id.active", "=", True),
                *self._skp_domain(period),
            ],
            order="employee_id, date_start desc, id desc",
        )
        latest = {}
        for skp in skps:
            latest.setdefault(skp.employee_id.id, skp)
        done = set(
            env["hr.kinerja.evaluation"].search([("period_id", "=", period.id)]).employee_id.ids
        )
        latest = {emp: skp for emp, skp in latest.items() if emp not in done}
        if not latest:
            return self.browse()
        employees = env["hr.employee"].browse(list(latest))
        evaluators = employees._kinerja_evaluators(date)
        units = env["hr.department"].search([("company_id", "=", period.company_id.id)])
        leaders = units._kinerja_leaders(date)
        led = {}
        for unit in units.sorted(lambda u: len(u.parent_path or "")):
            if leaders[unit.id] and unit.kinerja_level != "kelompok":
                led.setdefault(leaders[unit.id], unit.id)
        unit_by_id = {unit.id: unit for unit in units}

        def evaluator_unit(employee, evaluator):
            unit = employee.department_id
            while unit:
                if leaders.get(unit.id) == evaluator:
                    return unit.id
                unit = unit_by_id.get(unit.parent_id.id)
            return led.get(evaluator) or employee.department_id.id or False

        rows = []
        for employee in employees:
            evaluator, superior = evaluators.get(employee.id, (False, False))
            skp = latest[employee.id]
            rows.append(
                {
                    "employee_id": employee.id,
                    "period_id": period.id,
                    "skp_id": skp.id,
                    "department_id": skp.department_id.id or employee.department_id.id,
                    "job_title": skp.job_title or employee.job_title,
                    "evaluator_id": evaluator,
                    "evaluator_superior_id": superior,
                    "unit_id": evaluator_unit(employee, evaluator) if evaluator else False,
                    "led_unit_id": led.get(employee.id, False),
                    "tugas_belajar": skp.tugas_belajar,
                    "jf_jenjang": employee.jf_jenjang or False,
                    "months": self._months(period, skp),
                }
            )
        distributions = env["hr.kinerja.distribution"]._ensure(
            period, {row["unit_id"] for row in rows if row["unit_id"]}, leaders
        )
        suggestions = env["hr.kinerja.evaluation"]._suggestions(
            period,
            [
                (index, row["employee_id"], row["skp_id"], row["led_unit_id"])
                for index, row in enumerate(rows)
            ],
        )
        for index, row in enumerate(rows):
            row["distribution_id"] = distributions.get(row["unit_id"], False)
            row.update(suggestions[index])
        return self.browse(env["hr.kinerja.evaluation"]._insert(period, rows))

    @api.model
    def _insert(self, period, rows):
        """Write a period's new evaluations with one INSERT per 1,000 rows: a
        period of an agency is tens of thousands of rows, and the ORM's create
        costs ~0.4 ms a row against ~0.01 ms (MEASURED.md). What create would add
        is written here: the related and computed columns (no rating yet, so no
        predicate), the defaults and the audit columns; the period's lock is
        checked first and the unique (employee, period) constraint holds."""
        self._check_period_writable(period)
        keys = list(rows[0])
        fixed = [period.company_id.id, period.year_id.id, period.kind, "draft", False, False, 0.0]
        ids = bulk.insert(
            self.env,
            self._table,
            [
                *keys,
                "company_id",
                "year_id",
                "period_kind",
                "state",
                "escalated",
                "drop_out",
                "ipk",
            ],
            [[*(self._column_value(k, row[k]) for k in keys), *fixed] for row in rows],
        )
        self.env.invalidate_all()
        return ids

    @api.model
    def _column_value(self, name, value):
        if self._fields[name].type == "json":
            return json.dumps(value) if value else None
        return value or None

    @api.model
    def _skp_domain(self, period):
        """The SKPs an evaluation of ``period`` is based on: set (or closed by a
        transfer) and in force during the period; the latest one wins."""
        return [
            ("state", "in", SKP_STATES),
            ("date_start", "<=", period.date_end),
            ("date_end", ">=", period.date_start),
        ]

    @api.model
    def _months(self, period, skp):
        if period.kind == "month":
            return 1
        if period.kind == "quarter":
            return 3
        start = max(skp.date_start, period.date_start)
        end = min(skp.date_end, period.date_end)
        return max(1, min(12, end.month - start.month + 1))

    # -- suggestions -------------------------------------------------------------
    @api.depends("suggestion_reasons")
    @api.depends_context("lang")
    def _compute_suggestion_note(self):
        for evaluation in self:
            evaluation.suggestion_note = (
                "\n".join(
                    evaluation._render_reason(message, params)
                    for message, params in evaluation.suggestion_reasons or ()
                )
                or False
            )

    def _render_reason(self, message, params):
        """One stored reason in the reader's language."""
        if not params:
            return self.env._(message)
        params = dict(params)
        if params.get("achievement") in rule_constants.ACHIEVEMENT_NAMES:
            labels = dict(self._fields["leader_achievement"]._description_selection(self.env))
            params["achievement"] = labels[params["achievement"]]
        try:
            return self.env._(message, **params)
        except (KeyError, TypeError, ValueError):  # a message changed since it was stored
            return message

    def _refresh_suggestions(self):
        """Suggested ratings and contribution for the batch, from realisations,
        feedback, take-overs and the matriks peran hasil: a fixed number of queries
        per period, never one per employee."""
        for period in self.period_id:
            self.filtered(lambda e, p=period: e.period_id == p)._refresh_period(period)

    def _refresh_period(self, period):
        suggestions = self._suggestions(
            period,
            [(e.id, e.employee_id.id, e.skp_id.id, e.led_unit_id.id) for e in self],
        )
        for evaluation in self.sudo().with_context(tracking_disable=True):
            workflow(evaluation).write(suggestions[evaluation.id])

    @api.model
    def _suggestions(self, period, items):
        """{key: suggestion values} for ``items`` = (key, employee id, SKP id, led
        unit id) of one period, in a fixed number of queries."""
        env = self.sudo().env
        skp_ids = list({item[2] for item in items if item[2]})
        employee_ids = list({item[1] for item in items})
        company = period.company_id
        mapping = company._kinerja_leader_mapping()
        result = {}
        year = period.year_id
        share = rule_achievement.period_share(period.kind, period.date_end.month)
        realisation_domain = [("skp_id", "in", skp_ids)]
        if period.kind == "annual":
            realisation_domain.append(("period_id.year_id", "=", year.id))
        else:
            realisation_domain.append(("period_id", "=", period.id))
        realisations = env["hr.kinerja.realisasi"].search_read(
            realisation_domain, ["iki_id", "rhk_id", "value", "period_id"], order="period_id"
        )
        ikis = {
            row["id"]: row
            for row in env["hr.kinerja.iki"].search_read(
                [("skp_id", "in", skp_ids)],
                ["target_value", "less_is_better", "approach", "aspect"],
            )
        }
        latest = {}
        for row in realisations:  # ordered by period: the last one is cumulative
            latest[row["iki_id"][0]] = row
        percents = defaultdict(list)  # indicators other than time, per RHK
        timeliness = defaultdict(list)  # time indicators: (percent, rating), per RHK
        for iki_id, row in latest.items():
            iki = ikis.get(iki_id)
            if not iki or iki["approach"] != "quantitative" or iki["target_value"] <= 0:
                continue
            # the same figure as the realisation's (rules/achievement.py)
            _due, percent, rating = rule_achievement.period_achievement(
                iki["target_value"],
                max(row["value"], 0.0),
                iki["less_is_better"],
                iki["aspect"],
                share,
            )
            if iki["aspect"] == rule_constants.WAKTU:  # its own row (000 Lampiran 2)
                timeliness[row["rhk_id"][0]].append((percent, rating))
            else:
                percents[row["rhk_id"][0]].append(percent)
        rhks = env["hr.kinerja.rhk"].search_read(
            [("skp_id", "in", skp_ids)],
            ["skp_id", "kind", "taken_over", "taken_over_date", "parent_indicator_id"],
        )
        feedback = env["hr.kinerja.feedback"].search_read(
            [
                ("receiver_id", "in", employee_ids),
                ("date", ">=", period.date_start),
                ("date", "<=", period.date_end),
                ("tone", "in", ("positive", "needs_improvement")),
            ],
            ["receiver_id", "subject", "rhk_id", "core_value_id", "tone"],
        )
        on_rhk = defaultdict(lambda: [0, 0])
        on_value = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for row in feedback:
            slot = 0 if row["tone"] == "positive" else 1
            if row["subject"] == "rhk" and row["rhk_id"]:
                on_rhk[row["rhk_id"][0]][slot] += 1
            elif row["subject"] == "core_value" and row["core_value_id"]:
                on_value[row["receiver_id"][0]][row["core_value_id"][0]][slot] += 1
        by_skp = defaultdict(list)
        for row in rhks:
            taken = row["taken_over"] and (
                not row["taken_over_date"] or row["taken_over_date"] <= period.date_end
            )
            by_skp[row["skp_id"][0]].append(
                (
                    rule_evaluation.Rhk(
                        utama=row["kind"] == "utama",
                        percents=tuple(percents.get(row["id"], ())),
                        timeliness=tuple(r for _p, r in timeliness.get(row["id"], ())),
                        taken_over=bool(taken),
                        positive=on_rhk[row["id"]][0],
                        negative=on_rhk[row["id"]][1],
                    ),
                    row["parent_indicator_id"],
                    # every measured indicator, time included, for the contribution
                    [*percents.get(row["id"], ()), *(p for p, _r in timeliness.get(row["id"], ()))],
                )
            )
        core_value_count = env["hr.kinerja.core.value"].search_count([]) or 7
        led_units = env["hr.department"].browse({item[3] for item in items if item[3]})
        achievements = (
            env["hr.kinerja.org.achievement"]._effective(led_units, period) if led_units else {}
        )
        for key, employee_id, skp_id, led_unit_id in items:
            entries = by_skp.get(skp_id, [])
            results = rule_evaluation.suggest_results([rhk for rhk, _parent, _all in entries])
            behaviour = rule_evaluation.suggest_behaviour(
                {k: tuple(v) for k, v in on_value[employee_id].items()}, core_value_count
            )
            all_percents = [p for _rhk, _parent, measured in entries for p in measured]
            # stored as [message, params], rendered for the reader (suggestion_note)
            reasons = [[t, dict(p)] for t, p in results.reasons]
            suggested_result = results.rating
            achievement = achievements.get(led_unit_id, (False,))[0]
            if achievement:
                suggested_result = rule_evaluation.leader_results(achievement, mapping)
                reasons = [
                    [
                        rule_evaluation.LEADER_REASON,
                        {"unit": led_units.browse(led_unit_id).name, "achievement": achievement},
                    ]
                ]
            reasons += [[t, dict(p)] for t, p in behaviour.reasons]
            score = rule_evaluation.contribution(
                all_percents,
                roles=len({parent[0] for _rhk, parent, _all in entries if parent}),
                taken_over=sum(1 for rhk, _parent, _all in entries if rhk.taken_over),
            )
            mean = sum(all_percents) / len(all_percents) if all_percents else Decimal(0)
            result[key] = {
                "suggested_result_rating": suggested_result or False,
                "suggested_behaviour_rating": behaviour.rating or False,
                "suggestion_reasons": reasons,
                "contribution": float(score),
                "achievement_percent": float(mean),
            }
        return result

    def action_refresh_suggestions(self):
        """Recompute the suggestions of the evaluations the user reads and that are
        not confirmed yet (every value comes from the server)."""
        self.check_access("read")
        self.filtered(lambda e: e.state != "confirmed")._refresh_suggestions()
        return True

    # -- escalation ----------------------------------------------------------------
    @api.model
    def _cron_escalate(self):
        """Past the evaluation deadline, unrated evaluations go to the evaluator's
        superior, whose result is final (003 section Evaluasi 11)."""
        today = fields.Date.context_today(self)
        late = self.sudo().search(
            [
                ("state", "=", "draft"),
                ("escalated", "=", False),
                ("period_id.date_evaluation", "<", today),
                ("period_id.state", "in", ("open", "reopened")),
                ("evaluator_superior_id", "!=", False),
            ]
        )
        workflow(late).write({"escalated": True})
        activity = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": evaluation.id,
                    "activity_type_id": activity.id if activity else False,
                    "user_id": evaluation.evaluator_superior_id.user_id.id,
                    "summary": self.env._("Evaluate instead of a late evaluator"),
                    "date_deadline": evaluation.period_id.date_superior_evaluation or today,
                }
                for evaluation in late
                if evaluation.evaluator_superior_id.user_id
            ]
        )
        return late

    @api.depends("employee_id.name", "period_id.name")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.employee_id.name or ''} - {record.period_id.name or ''}"
