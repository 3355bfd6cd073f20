from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..rules import constants as rule_constants
from ..rules import distribution as rule_distribution
from ..rules import proposal as rule_proposal
from .hr_kinerja_org_quadrant import ACHIEVEMENTS
from .policy import allow
from .workflow import is_workflow, workflow

PREDICATE_NAMES = rule_constants.PREDICATE_NAMES


class HrKinerjaDistribution(models.Model):
    """Pola distribusi of a unit for a period (002 D.5): the predicates of the
    people its leader evaluates, counted against the guidance for the unit's
    achievement, every deviation explained; confirmed by the unit leader, with a
    recorded justification when the agency's mode is advisory (002 D.5.b), never
    against the pattern when it is strict."""

    _name = "hr.kinerja.distribution"
    _description = "Predicate Distribution of a Unit"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.period.guard", "mail.thread"]
    _order = "period_id desc, department_id"
    _rec_name = "department_id"

    # Who changes what (deny by default, models/policy.py). Distributions are created
    # by the evaluations' generation; the unit leader writes the justification of a
    # deviation while it is a draft (002 D.5.a-b); proposing, confirming and resetting
    # are the leader's buttons, which write the rest as workflow steps.
    _kinerja_policy = (allow("leader", "write", ["justification"], states=["draft"]),)
    _kinerja_server_fields = (
        "department_id",
        "period_id",
        "leader_id",
        "evaluation_ids",
        "state",
        "confirmed_by_id",
        "confirmed_date",
    )
    _kinerja_role_fields = {"leader": "leader_id"}

    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, precompute=True, string="Agency"
    )
    year_id = fields.Many2one(related="period_id.year_id", store=True, precompute=True)
    leader_id = fields.Many2one("hr.employee", string="Unit Leader", readonly=True, index=True)
    evaluation_ids = fields.One2many("hr.kinerja.evaluation", "distribution_id", readonly=True)
    achievement = fields.Selection(
        ACHIEVEMENTS, string="Unit Achievement", compute="_compute_counts"
    )
    count_total = fields.Integer("Employees", compute="_compute_counts")
    count_unrated = fields.Integer("Not Rated Yet", compute="_compute_counts")
    count_sangat_baik = fields.Integer("Sangat Baik", compute="_compute_counts")
    count_baik = fields.Integer("Baik", compute="_compute_counts")
    count_butuh_perbaikan = fields.Integer("Butuh Perbaikan", compute="_compute_counts")
    count_kurang = fields.Integer("Kurang/Misconduct", compute="_compute_counts")
    count_sangat_kurang = fields.Integer("Sangat Kurang", compute="_compute_counts")
    violations = fields.Text("Deviations from the Pattern", compute="_compute_counts")
    is_compliant = fields.Boolean("Follows the Pattern", compute="_compute_counts")
    pattern_html = fields.Html("Pattern", compute="_compute_counts", sanitize=False)
    mode = fields.Selection(related="company_id.kinerja_distribution_mode")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    justification = fields.Text(
        tracking=True, help="Why the unit's predicates deviate from the pattern (002 D.5.b)."
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime("Confirmed On", readonly=True, copy=False)
    # Which buttons the user sees: the same checks as the buttons themselves.
    can_confirm = fields.Boolean(compute="_compute_can_act")
    can_reset = fields.Boolean(compute="_compute_can_act")
    missing_achievement_note = fields.Char(compute="_compute_can_act")

    _sql_constraints = [
        (
            "unit_period_uniq",
            "unique(department_id, period_id)",
            "A unit has one distribution per period.",
        ),
    ]

    # -- counts -------------------------------------------------------------------
    def _predicate_counts(self):
        """{distribution id: ({predicate: count}, unrated)} with one grouped query."""
        counts = {d.id: (dict.fromkeys(rule_constants.PREDICATES, 0), [0]) for d in self}
        groups = (
            self.env["hr.kinerja.evaluation"]
            .sudo()
            ._read_group(
                [("distribution_id", "in", self.ids)],
                ["distribution_id", "predicate", "state"],
                ["__count"],
            )
        )
        for distribution, predicate, state, count in groups:
            per, unrated = counts[distribution.id]
            if predicate and state != "draft":
                per[predicate] += count
            else:
                unrated[0] += count
        return {key: (per, unrated[0]) for key, (per, unrated) in counts.items()}

    def _achievements(self):
        result = {}
        achievements = self.env["hr.kinerja.org.achievement"]
        for period in self.period_id:
            records = self.filtered(lambda d, p=period: d.period_id == p)
            effective = achievements._effective(records.department_id, period)
            for distribution in records:
                result[distribution.id] = effective.get(distribution.department_id.id, (False,))[0]
        return result

    @api.depends("evaluation_ids.predicate", "evaluation_ids.state")
    @api.depends_context("lang")
    def _compute_counts(self):
        counts = self._predicate_counts() if self.ids else {}
        achievements = self._achievements() if self.ids else {}
        for distribution in self:
            per, unrated = counts.get(
                distribution.id, (dict.fromkeys(rule_constants.PREDICATES, 0), 0)
            )
            achievement = achievements.get(distribution.id, False)
            distribution.achievement = achievement
            for predicate, count in per.items():
                distribution[f"count_{predicate}"] = count
            distribution.count_unrated = unrated
            distribution.count_total = sum(per.values()) + unrated
            result = rule_distribution.check(achievement, per) if achievement else None
            distribution.violations = distribution._explain(result)
            distribution.is_compliant = bool(result and result.ok)
            distribution.pattern_html = distribution._pattern_html(achievement, per)

    def _explain(self, result):
        """The deviations in the reader's language (computed on read, never stored)."""
        if result is None:
            return self.env._("The unit's achievement for the period is not set yet.")
        return self._explain_findings((*result.violations, *result.notes))

    @api.model
    def _explain_findings(self, findings):
        """Findings of rules/distribution.py rendered in the reader's language: the
        template and the words among its parameters (the predicates joined, the
        rule a small unit only shows for guidance), not the rules' English."""
        lines = []
        for finding in findings:
            rule = finding.rule
            names = [PREDICATE_NAMES[p] for p in rule.predicates]
            predicates = names[0]
            for name in names[1:]:
                predicates = self.env._(
                    "%(first)s and/or %(second)s", first=predicates, second=name
                )
            params = dict(finding.params)
            if "predicates" in params:
                params["predicates"] = predicates
            if "rule" in params:
                percent = rule_distribution.params(rule, 0, 0, rule_constants.ISTIMEWA)["percent"]
                params["rule"] = self.env._(
                    rule_distribution.DESCRIPTIONS[rule.kind],
                    predicates=predicates,
                    percent=percent,
                )
            lines.append(self.env._(finding.template, **params))
        return "\n".join(lines)

    @api.model
    def _explain_proposal(self, proposal):
        """What the proposal says of the unit, in the reader's language: why no
        distribution fits (rules.proposal.INFEASIBLE with the findings), or the
        findings on the current distribution."""
        if proposal.feasible or not proposal.explanation_params:
            return self._explain_findings(proposal.violations)
        params = proposal.explanation_params
        labels = dict(self._fields["achievement"]._description_selection(self.env))
        return self.env._(
            rule_proposal.INFEASIBLE,
            n=params["n"],
            achievement=labels.get(params["achievement"], params["achievement"]),
            violations=self._explain_findings(proposal.violations).replace("\n", " "),
        )

    @api.model
    def _explain_change(self, change):
        """The reason of one proposed change (rules.proposal.Change: a template and
        its parameters) in the reader's language; the predicates the others go to
        joined in that language, not the rules' "and"."""
        params = dict(change.params)
        names = [rule_constants.PREDICATE_NAMES[k] for k in params.pop("further_predicates", ())]
        if names:
            further = names[0]
            for name in names[1:]:
                further = self.env._("%(first)s and %(second)s", first=further, second=name)
            params["further"] = further
        try:
            return self.env._(change.reason, **params)
        except (KeyError, TypeError, ValueError):  # a translation missing a parameter
            return change.reason % params

    def _pattern_html(self, achievement, per):
        """Counts beside what the pattern allows for a unit of this size."""
        n = sum(per.values())
        allowed = rule_proposal.bounds(achievement, n)[0] if achievement else {}
        rows = []
        for predicate in rule_constants.PREDICATES:
            lo, hi = allowed.get(predicate, (None, None))
            ok = lo is None or lo <= per[predicate] <= hi
            rows.append(
                Markup("<tr class='%s'><td>%s</td><td class='text-end'>%s</td><td>%s</td></tr>")
                % (
                    "" if ok else "text-danger fw-bold",
                    PREDICATE_NAMES[predicate],
                    per[predicate],
                    "" if lo is None else (f"{lo}-{hi}" if lo != hi else str(lo)),
                )
            )
        rules = rule_distribution.GUIDANCE.get(achievement, ()) if achievement else ()
        guidance = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                rule_distribution.DESCRIPTIONS[rule.kind],
                **rule_distribution.params(rule, 0, n, achievement),
            )
            for rule in rules
        )
        head = Markup(
            "<thead><tr><th>%s</th><th class='text-end'>%s</th><th>%s</th></tr></thead>"
        ) % (
            self.env._("Predicate"),
            self.env._("Count"),
            self.env._("Allowed"),
        )
        return Markup(
            "<table class='table table-sm w-auto'>%s<tbody>%s</tbody></table><ul>%s</ul>"
        ) % (head, Markup("").join(rows), guidance or escape(""))

    @api.depends("department_id.name", "period_id.name")
    def _compute_display_name(self):
        for distribution in self:
            distribution.display_name = (
                f"{distribution.department_id.name or ''} - {distribution.period_id.name or ''}"
            )

    # -- creation by the evaluations' generation ----------------------------------
    @api.model
    def _ensure(self, period, unit_ids, leaders):
        """{unit id: distribution id} for the period, creating the missing ones."""
        existing = self.sudo().search(
            [("period_id", "=", period.id), ("department_id", "in", list(unit_ids))]
        )
        result = {d.department_id.id: d.id for d in existing}
        missing = [u for u in unit_ids if u not in result]
        created = (
            self.sudo()
            .with_context(tracking_disable=True)
            .create(
                [
                    {"department_id": u, "period_id": period.id, "leader_id": leaders.get(u)}
                    for u in missing
                ]
            )
        )
        result.update({d.department_id.id: d.id for d in created})
        return result

    # -- who confirms ---------------------------------------------------------------
    def _leader_refusal(self):
        """The unit leader sets the distribution (002 D.5.a): the error for anyone
        else, or None."""
        if self.env.su or is_workflow(self):
            return None
        for distribution in self:
            if distribution.leader_id.user_id != self.env.user:
                return AccessError(
                    _(
                        "The distribution of %(unit)s is set by its leader, %(leader)s "
                        "(002 D.5.a).",
                        unit=distribution.department_id.name,
                        leader=distribution.leader_id.name or _("not known"),
                    )
                )
        return None

    def _check_leader(self):
        refusal = self._leader_refusal()
        if refusal:
            raise refusal

    def _missing_achievement_message(self):
        """Who must set the missing achievement of this unit, and how."""
        self.ensure_one()
        unit, period = self.department_id.sudo(), self.period_id
        above = unit.kinerja_parent_id
        if not above:
            who = _(
                "%(unit)s is a top unit: an HR officer records the regional head's decision.",
                unit=unit.name,
            )
        else:
            leader_id = above._kinerja_leaders(period.date_end).get(above.id)
            leader = self.env["hr.employee"].sudo().browse(leader_id)
            who = _(
                "The leader of %(above)s, %(leader)s, sets it with Set Unit Achievements "
                "(the Evaluation menu, or the button on the period).",
                above=above.name,
                leader=leader.name or _("not known"),
            )
        return _(
            "%(unit)s has no organisation achievement for %(period)s: it must be set first "
            "(002 D.3 - the pattern follows from it). %(who)s",
            unit=unit.name,
            period=period.display_name,
            who=who,
        )

    @api.depends("state", "leader_id.user_id", "department_id", "period_id")
    @api.depends_context("uid")
    def _compute_can_act(self):
        achievements = self._achievements() if self.ids else {}
        for distribution in self:
            leads = not distribution._leader_refusal()
            achievement = achievements.get(distribution.id)
            draft = distribution.state == "draft"
            distribution.can_confirm = leads and draft and bool(achievement)
            distribution.can_reset = leads and distribution.state == "confirmed"
            distribution.missing_achievement_note = (
                distribution._missing_achievement_message()
                if draft and distribution.id and not achievement
                else False
            )

    def write(self, vals):
        # The policy refuses the rest; these say what to do instead.
        if not (self.env.su or is_workflow(self)):
            if set(vals) - {"justification"} - self._kinerja_exempt_fields():
                raise AccessError(_("A distribution changes only through its buttons."))
            if "justification" in vals:
                self._check_leader()
        return super().write(vals)

    def _lock(self):
        """Lock the rows of these distributions until the transaction ends and forget
        their cached state. Of two leaders confirming (or resetting, or applying a
        proposal to) the same distribution at once, the second waits for the first;
        PostgreSQL then refuses its stale snapshot and the request is retried, so it
        reads what the first did - "already confirmed" - instead of failing halfway."""
        if not self.ids:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
                SQL.identifier(self._table),
                list(self.ids),
            )
        )
        self.invalidate_recordset(["state", "confirmed_by_id", "confirmed_date"])

    def _check_draft(self):
        for distribution in self:
            if distribution.state == "confirmed":
                raise UserError(
                    _(
                        "The distribution of %(unit)s is already confirmed.",
                        unit=distribution.department_id.name,
                    )
                )

    # -- proposal ---------------------------------------------------------------------
    def _propose(self):
        """{distribution id: rules.proposal.Proposal} from the rated predicates and
        each employee's contribution; one query for all the distributions."""
        evaluations = self.env["hr.kinerja.evaluation"]
        evaluations.flush_model(["distribution_id", "predicate", "contribution"])
        self.env.cr.execute(
            SQL(
                "SELECT id, distribution_id, predicate, contribution FROM %s "
                "WHERE distribution_id = ANY(%s) ORDER BY distribution_id, id",
                SQL.identifier(evaluations._table),
                self.ids,
            )
        )
        rows = [
            {"id": r[0], "distribution_id": r[1], "predicate": r[2], "contribution": r[3] or 0.0}
            for r in self.env.cr.fetchall()
        ]
        by_distribution = {d.id: [] for d in self}
        for row in rows:
            by_distribution[row["distribution_id"]].append(row)
        achievements = self._achievements()
        result = {}
        for distribution in self:
            achievement = achievements.get(distribution.id)
            members = [
                (row["id"], row["predicate"], row["contribution"])
                for row in by_distribution[distribution.id]
                if row["predicate"]
            ]
            if not achievement or not members:
                result[distribution.id] = None
                continue
            result[distribution.id] = rule_proposal.propose(achievement, members)
        return result

    def action_open_proposal(self):
        self.ensure_one()
        self._check_leader()
        self._check_ready()
        # The wizard and its lines are the server's: created here for the leader
        # just checked, never from what a client sends.
        wizard = workflow(self.env["hr.kinerja.distribution.proposal"]).create(
            {"distribution_id": self.id}
        )
        wizard._fill()
        return {
            "type": "ir.actions.act_window",
            "name": _("Proposed Distribution"),
            "res_model": "hr.kinerja.distribution.proposal",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    # -- confirmation -----------------------------------------------------------------
    def _check_ready(self):
        counts = self._predicate_counts()
        achievements = self._achievements()
        self._check_draft()
        for distribution in self:
            if not achievements.get(distribution.id):
                raise UserError(distribution._missing_achievement_message())
            if counts[distribution.id][1]:
                raise UserError(
                    _(
                        "%(unit)s: %(count)s employee(s) are not rated yet; every evaluation "
                        "must be rated before the distribution is set.",
                        unit=distribution.department_id.name,
                        count=counts[distribution.id][1],
                    )
                )
        return counts, achievements

    def action_confirm(self):
        self._check_leader()
        self._lock()
        counts, achievements = self._check_ready()
        for distribution in self:
            result = rule_distribution.check(
                achievements[distribution.id], counts[distribution.id][0]
            )
            if result.ok:
                continue
            explanation = distribution._explain(result)
            if distribution.mode == "strict":
                raise UserError(
                    _(
                        "%(unit)s: the agency applies the pattern strictly, so this "
                        "distribution cannot be confirmed:\n%(why)s",
                        unit=distribution.department_id.name,
                        why=explanation,
                    )
                )
            if not (distribution.justification or "").strip():
                raise UserError(
                    _(
                        "%(unit)s deviates from the pattern; write the justification to "
                        "confirm it anyway (002 D.5.b):\n%(why)s",
                        unit=distribution.department_id.name,
                        why=explanation,
                    )
                )
        evaluations = (
            self.env["hr.kinerja.evaluation"].sudo().search([("distribution_id", "in", self.ids)])
        )
        workflow(evaluations).write({"state": "confirmed"})
        self.env["hr.kinerja.angka.kredit"]._record(evaluations)
        workflow(self.sudo()).write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.uid,
                "confirmed_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reset(self):
        """Back to draft to change predicates, while the period is open."""
        self._check_leader()
        self._lock()
        for distribution in self.filtered(lambda d: d.state != "confirmed"):
            raise UserError(
                _(
                    "The distribution of %(unit)s is not confirmed: there is nothing to reset.",
                    unit=distribution.department_id.name,
                )
            )
        evaluations = (
            self.env["hr.kinerja.evaluation"]
            .sudo()
            .search([("distribution_id", "in", self.ids), ("state", "=", "confirmed")])
        )
        self.env["hr.kinerja.angka.kredit"].sudo().search(
            [("evaluation_id", "in", evaluations.ids)]
        ).unlink()
        workflow(evaluations).write({"state": "rated"})
        workflow(self.sudo()).write(
            {"state": "draft", "confirmed_by_id": False, "confirmed_date": False}
        )
        return True

    def _penetapan_data(self):
        """The data of the penetapan form of the unit's distribution (002 Lampiran):
        achievement, counts, the pattern applied and the predicate of each employee
        whose evaluation the user may read - everyone's for the unit leader and HR
        officers, those they evaluate for an evaluator, their own for an employee."""
        self.ensure_one()
        # A search, not self.evaluation_ids: the record rules decide the rows.
        evaluations = (
            self.env["hr.kinerja.evaluation"].search([("distribution_id", "=", self.id)]).sudo()
        )
        achievement = self.achievement
        rules = rule_distribution.GUIDANCE.get(achievement, ()) if achievement else ()
        n = self.count_total
        return {
            "unit": self.department_id.name,
            "leader": self.leader_id.name,
            "period": self.period_id.name_official,
            "achievement": rule_constants.ACHIEVEMENT_NAMES.get(achievement),
            "counts": {PREDICATE_NAMES[p]: self[f"count_{p}"] for p in rule_constants.PREDICATES},
            "pattern": [
                rule_distribution.DESCRIPTIONS[rule.kind]
                % rule_distribution.params(rule, 0, n, achievement)
                for rule in rules
            ],
            "employees": [
                {
                    "name": e.employee_id.name,
                    "nip": e.employee_id.nip,
                    "position": e.job_title,
                    "predicate": PREDICATE_NAMES.get(e.predicate),
                }
                for e in evaluations.sorted(lambda e: e.employee_id.name)
            ],
            "justification": self.justification,
        }
