import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..rules import achievement as rule_achievement
from .policy import allow
from .workflow import workflow

# A scheme is case-insensitive (RFC 3986 section 3.1): HTTPS://... is a web address too.
URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# What the employee records (Format B.1.2).
EMPLOYEE_FIELDS = (
    "iki_id",
    "period_id",
    "value",
    "value_text",
    "attachment_ids",
    "evidence_links",
    "note",
)
REVIEW_FIELDS = frozenset({"review_note", "state", "reviewed_by_id", "reviewed_date"})
# Aspects whose realisation is a count, a duration or an amount: never negative.
NON_NEGATIVE_ASPECTS = ("kuantitas", "waktu", "biaya")


class HrKinerjaRealisasi(models.Model):
    """Realisation of an indicator in a period, with its evidence (bukti dukung,
    Format B.1.2; 003 Pasal 15). The employee records it, the evaluator reviews it.
    For the quantitative approach the value is cumulative to the end of the period
    and is measured against the indicator's target by the rule engine."""

    _name = "hr.kinerja.realisasi"
    _description = "Indicator Realisation"
    _inherit = [
        "hr.kinerja.policy",
        "hr.kinerja.period.guard",
        "hr.kinerja.monitoring.mixin",
        "mail.thread",
    ]
    _order = "period_id, skp_id, iki_id"

    # Who changes what (deny by default, models/policy.py). The employee (or an HR
    # officer for them) records the realisation and its evidence until it is reviewed
    # (003 Pasal 15(1)-(2)); the reviewer - the evaluator or an HR officer, never the
    # employee of the line - writes the review note (003 Pasal 16(1)). Submitting,
    # reviewing and sending back are buttons: the state and who reviewed when are
    # written by those workflow steps only.
    _kinerja_policy = (
        allow(
            ("employee", "officer"),
            "create write",
            EMPLOYEE_FIELDS,
            states=["draft", "submitted"],
        ),
        allow("reviewer", "write", ["review_note"], states=["submitted", "reviewed"]),
        allow("officer", "unlink"),
    )
    _kinerja_server_fields = ("state", "reviewed_by_id", "reviewed_date")
    _kinerja_role_fields = {
        "employee": "iki_id.rhk_id.skp_id.employee_id",
        "evaluator": "iki_id.rhk_id.skp_id.evaluator_id",
    }

    iki_id = fields.Many2one(
        "hr.kinerja.iki", string="Indicator", required=True, index=True, ondelete="restrict"
    )
    rhk_id = fields.Many2one(related="iki_id.rhk_id", store=True, string="Result Plan")
    skp_id = fields.Many2one(related="iki_id.rhk_id.skp_id", store=True, index=True)
    employee_id = fields.Many2one(related="iki_id.rhk_id.skp_id.employee_id", store=True)
    department_id = fields.Many2one(related="skp_id.department_id", string="Unit")
    company_id = fields.Many2one(related="iki_id.rhk_id.company_id", store=True)
    # Read with the user's rights: an indicator the user may not read shows no target
    # (not through onchange either, see onchange()).
    approach = fields.Selection(related="iki_id.approach", compute_sudo=False)
    aspect = fields.Selection(related="iki_id.aspect", compute_sudo=False)
    target_value = fields.Float(related="iki_id.target_value", compute_sudo=False)
    target_unit = fields.Char(related="iki_id.target_unit", compute_sudo=False)
    target_text = fields.Char(related="iki_id.target_text", compute_sudo=False)
    period_id = fields.Many2one(default=lambda self: self._default_period())
    period_target = fields.Float(
        "Target This Period",
        compute="_compute_achievement",
        store=True,
        digits=(16, 2),
        help="The part of the yearly target due by the end of the period (trajectory "
        "target, 002 D.4.c): the period's last month over 12 of it, the whole target "
        "for a time or cost target and for the annual period.",
    )
    value = fields.Float("Realisation", digits=(16, 2), tracking=True)
    value_text = fields.Text("Realisation (in words)", tracking=True)
    achievement_percent = fields.Float(
        "Achievement %",
        compute="_compute_achievement",
        store=True,
        digits=(16, 2),
        help="The cumulative realisation against the target of this period (inverted "
        "where less is better), PermenPANRB 8/2021 formula: the same figure as the "
        "evaluation's.",
    )
    suggested_rating = fields.Selection(
        [
            ("di_atas", "Above Expectations"),
            ("sesuai", "Meets Expectations"),
            ("di_bawah", "Below Expectations"),
        ],
        compute="_compute_achievement",
        store=True,
        help="> 100% above, 80-100% meets, < 80% below (000 Lampiran 2, Capaian Hasil "
        "Kerja); a time indicator: faster than the target above, on schedule meets, late "
        "below (Ketepatan Waktu). A suggestion only.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    evidence_links = fields.Text(help="One address per line (documents, photos, systems).")
    note = fields.Text("Employee's Note")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("reviewed", "Reviewed")],
        default="draft",
        required=True,
        tracking=True,
    )
    review_note = fields.Text("Evaluator's Review", tracking=True)
    reviewed_by_id = fields.Many2one("res.users", readonly=True)
    reviewed_date = fields.Datetime(readonly=True)
    # Which buttons the user sees: the same checks as the buttons themselves.
    can_submit = fields.Boolean(compute="_compute_can_act")
    can_review = fields.Boolean(compute="_compute_can_act")
    can_reopen = fields.Boolean(compute="_compute_can_act")

    _sql_constraints = [
        (
            "iki_period_uniq",
            "unique(iki_id, period_id)",
            "An indicator has one realisation per period: update it.",
        ),
    ]

    @api.depends(
        "value",
        "iki_id.target_value",
        "iki_id.less_is_better",
        "iki_id.aspect",
        "approach",
        "period_id.kind",
        "period_id.date_end",
    )
    def _compute_achievement(self):
        """The period's achievement of the indicator (rules/achievement.py
        period_achievement), the one the evaluation suggests from."""
        for line in self:
            iki, period = line.iki_id, line.period_id
            if line.approach != "quantitative" or iki.target_value <= 0 or not period:
                line.period_target = 0.0
                line.achievement_percent = 0.0
                line.suggested_rating = False
                continue
            due, percent, rating = rule_achievement.period_achievement(
                iki.target_value,
                max(line.value, 0.0),
                iki.less_is_better,
                iki.aspect,
                rule_achievement.period_share(period.kind, period.date_end.month),
            )
            line.period_target = float(due)
            line.achievement_percent = float(percent)
            line.suggested_rating = rating

    @api.depends("iki_id.name", "period_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " - ".join(
                name for name in (line.iki_id.name, line.period_id.name) if name
            )

    @api.model
    def _default_period(self):
        """The earliest open period of the agency that has begun (not a locked one)."""
        return self.env["hr.kinerja.due"]._open_periods(self.env.company)[:1]

    @api.depends("state", "employee_id", "skp_id.evaluator_id")
    @api.depends_context("uid")
    def _compute_can_act(self):
        for line in self:
            line.can_submit = not line._submit_refusal()
            line.can_review = not line._review_refusal()
            line.can_reopen = not line._reopen_refusal()

    @api.model_create_multi
    def create(self, vals_list):
        model, vals_list = self._kinerja_context_defaults(vals_list)
        # The owner's check first, for its message (the policy refuses the rest).
        Indicator = self.env["hr.kinerja.iki"]
        self._check_owner(
            Indicator.browse(v["iki_id"] for v in vals_list if v.get("iki_id")).skp_id
        )
        lines = super(HrKinerjaRealisasi, model).create(vals_list)
        lines._check_owner(lines.skp_id)
        return lines

    def write(self, vals):
        if not self._kinerja_bypass():
            review = REVIEW_FIELDS.intersection(vals)
            if review and not self._is_reviewer():
                raise AccessError(_("Only the evaluator reviews a realisation."))
            if set(vals) - review - {"message_main_attachment_id"}:
                self._check_owner(self.skp_id)
                if vals.get("iki_id"):  # moved onto another indicator: it must be hers too
                    self._check_owner(self.env["hr.kinerja.iki"].browse(vals["iki_id"]).skp_id)
                if any(line.state == "reviewed" for line in self):
                    raise UserError(
                        _("A reviewed realisation is changed only after the evaluator reopens it.")
                    )
        result = super().write(vals)
        if "iki_id" in vals:
            self._check_owner(self.skp_id)
        return result

    def _kinerja_extra_roles(self, roles):
        """The reviewer: the evaluator of the SKP or an HR officer - never the
        employee whose realisation it is (nobody reviews their own)."""
        for held in roles.values():
            if "employee" not in held and held & {"evaluator", "officer"}:
                held.add("reviewer")

    def onchange(self, values, field_names, fields_spec):
        """The form computes the target, the achievement % and the result plan of the
        indicator chosen: refuse an indicator the user may not read, whatever way it
        comes in (the values, the record, a default), before anything is computed."""
        if not self._onchange_readable(values, "iki_id"):
            raise AccessError(_("You cannot record a realisation of an indicator you cannot read."))
        return super().onchange(values, field_names, fields_spec)

    @api.constrains("iki_id", "period_id")
    def _check_skp(self):
        for line in self:
            line._check_monitored_skp(line.skp_id, line.period_id)

    @api.constrains("value", "iki_id")
    def _check_value(self):
        for line in self:
            if line.value < 0 and line.iki_id.aspect in NON_NEGATIVE_ASPECTS:
                raise ValidationError(
                    _(
                        "%(indicator)s measures %(aspect)s: its realisation cannot be negative "
                        "(%(value)s).",
                        indicator=line.iki_id.name,
                        aspect=dict(line.iki_id._fields["aspect"]._description_selection(self.env))[
                            line.iki_id.aspect
                        ].lower(),
                        value=line.value,
                    )
                )

    @api.constrains("evidence_links")
    def _check_links(self):
        for line in self:
            for link in (line.evidence_links or "").splitlines():
                if link.strip() and not URL.match(link.strip()):
                    raise ValidationError(
                        _(
                            "Evidence links are web addresses starting with http:// or https://; "
                            "%(link)s is not.",
                            link=link.strip(),
                        )
                    )

    def _is_reviewer(self):
        """The evaluator of the SKP, or an HR officer; never the employee of the line."""
        user = self.env.user
        if any(line.employee_id.user_id == user for line in self):
            return False
        if user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            return True
        return all(line.skp_id.evaluator_id.user_id == user for line in self)

    def _owner_refusal(self):
        """The error the owner's check raises, or None."""
        try:
            self._check_owner(self.skp_id)
        except AccessError as error:
            return error
        return None

    def _submit_refusal(self):
        """Why the user cannot submit these realisations (the employee - or an HR
        officer for them - submits a draft), or None."""
        refusal = self._owner_refusal()
        if refusal:
            return refusal
        if any(line.state != "draft" for line in self):
            return UserError(_("Only a draft realisation is submitted."))
        return None

    def _review_refusal(self):
        if not self._is_reviewer():
            return AccessError(_("Only the evaluator reviews a realisation."))
        if any(line.state != "submitted" for line in self):
            return UserError(_("Only a submitted realisation is reviewed."))
        return None

    def _reopen_refusal(self):
        if not self._is_reviewer():
            return AccessError(_("Only the evaluator sends a realisation back to the employee."))
        if any(line.state == "draft" for line in self):
            return UserError(_("Only a submitted or reviewed realisation is sent back."))
        return None

    def action_submit(self):
        refusal = self._owner_refusal()
        if refusal:
            raise refusal
        for line in self:
            if line.approach == "qualitative" and not (line.value_text or "").strip():
                raise UserError(
                    _("Describe the realisation of %(indicator)s.", indicator=line.iki_id.name)
                )
            if not (line.attachment_ids or (line.evidence_links or "").strip()):
                raise UserError(
                    _(
                        "Attach the evidence (a file or a link) of %(indicator)s before "
                        "submitting.",
                        indicator=line.iki_id.name,
                    )
                )
        refusal = self._submit_refusal()
        if refusal:
            raise refusal
        workflow(self).write({"state": "submitted"})
        self._activities_after_submit()
        return True

    def _is_filled(self):
        """Whether the employee has filled the line in enough to submit it."""
        self.ensure_one()
        if self.approach == "qualitative" and not (self.value_text or "").strip():
            return False
        return bool(self.attachment_ids or (self.evidence_links or "").strip())

    # -- the monthly sheet -----------------------------------------------------------
    @api.model
    def action_open_sheet(self):
        """My realisations this period: a draft line for each indicator of the user's
        set SKPs covering the earliest open period that has begun (created as the user,
        under the policy), opened as one editable list with one Submit."""
        employee = self.env.user.employee_id
        if not employee:
            raise UserError(_("Your user is not linked to an employee: ask an HR officer."))
        period = self.env["hr.kinerja.due"]._open_periods(employee.company_id)[:1]
        if not period:
            raise UserError(_("No performance period is open for entries now."))
        skps = self.env["hr.kinerja.skp"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "set"),
                ("year_id", "=", period.year_id.id),
                ("date_start", "<=", period.date_end),
                ("date_end", ">=", period.date_start),
            ]
        )
        indicators = skps.rhk_ids.indicator_ids
        lines = self.search([("iki_id", "in", indicators.ids), ("period_id", "=", period.id)])
        missing = indicators - lines.iki_id
        if missing:
            lines |= self.create([{"iki_id": iki.id, "period_id": period.id} for iki in missing])
        return {
            "type": "ir.actions.act_window",
            "name": _("My Realisations: %(period)s", period=period.name),
            "res_model": self._name,
            "view_mode": "list,form",
            "views": [
                (self.env.ref("hr_kinerja_asn.hr_kinerja_realisasi_view_list_sheet").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", lines.ids)],
            "context": {"create": False, "delete": False, "kinerja_sheet_period_id": period.id},
            "help": _(
                "<p class='o_view_nocontent_empty_folder'>Nothing to report this period</p>"
                "<p>Your SKP must be set by your evaluator before you report on it.</p>"
            ),
        }

    def action_submit_sheet(self):
        """The sheet's Submit: the selected draft lines or, with none selected, every
        draft line of the sheet's period that is filled in (evidence attached)."""
        lines = self
        if not lines:
            period_id = self.env.context.get("kinerja_sheet_period_id")
            lines = self.search(
                [
                    ("employee_id.user_id", "=", self.env.uid),
                    ("period_id", "=", period_id if isinstance(period_id, int) else False),
                    ("state", "=", "draft"),
                ]
            ).filtered(lambda line: line._is_filled())
            if not lines:
                raise UserError(
                    _("Nothing to submit: attach the evidence (a file or a link) of a line first.")
                )
        drafts = lines.filtered(lambda line: line.state == "draft")
        if not drafts:
            raise UserError(_("The selected realisations are already submitted."))
        return drafts.action_submit()

    def action_review(self):
        refusal = self._review_refusal()
        if refusal:
            raise refusal
        workflow(self).write(
            {
                "state": "reviewed",
                "reviewed_by_id": self.env.uid,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        self._activities_after_review()
        return True

    def action_reopen(self):
        refusal = self._reopen_refusal()
        if refusal:
            raise refusal
        workflow(self).write({"state": "draft"})
        self._activities_after_review()
        return True

    # -- what is due: to-dos when a step becomes due -----------------------------------
    @api.model
    def _due_activity_deadline(self, period):
        return period.date_evaluation or period.date_end

    @api.model
    def _owed(self, skps, periods):
        """{(SKP id, period id): (indicators owed, indicators due)} for the set SKPs
        and the periods they cover (same agency): owed = no submitted or reviewed
        realisation yet. The one rule of what is due for realisations - the to-dos
        here and the due list (hr.kinerja.due._realisation_items)."""
        indicators = skps.rhk_ids.indicator_ids
        if not indicators or not periods:
            return {}
        done = {
            (line.iki_id.id, line.period_id.id)
            for line in self.sudo().search(
                [
                    ("iki_id", "in", indicators.ids),
                    ("period_id", "in", periods.ids),
                    ("state", "in", ("submitted", "reviewed")),
                ]
            )
        }
        result = {}
        for skp in skps.filtered(lambda s: s.state == "set"):
            due = skp.rhk_ids.indicator_ids
            for period in periods:
                if (
                    period.company_id == skp.company_id
                    and skp.date_start <= period.date_end
                    and skp.date_end >= period.date_start
                ):
                    owed = due.filtered(lambda i, p=period: (i.id, p.id) not in done)
                    result[(skp.id, period.id)] = (owed, due)
        return result

    @api.model
    def _owed_sql(self, select, periods, skp_condition, group_by=None):
        """SQL: ``select`` over the (SKP, indicator, period) of the SKPs matching
        ``skp_condition`` that cover one of ``periods`` and whose indicator has no
        submitted or reviewed realisation of that period - the rule of _owed, for
        those who count a whole agency (the to-dos, the reminders, the dashboard)."""
        self.env.flush_all()
        return SQL(
            """SELECT %(select)s
                 FROM hr_kinerja_skp skp
                 JOIN hr_kinerja_iki iki ON iki.skp_id = skp.id
                 JOIN hr_kinerja_period period
                   ON period.id = ANY(%(periods)s)
                  AND period.company_id = skp.company_id
                  AND skp.date_start <= period.date_end
                  AND skp.date_end >= period.date_start
                WHERE %(condition)s
                  AND NOT EXISTS (
                      SELECT 1 FROM hr_kinerja_realisasi line
                       WHERE line.iki_id = iki.id AND line.period_id = period.id
                         AND line.state IN ('submitted', 'reviewed'))
                %(group_by)s""",
            select=select,
            periods=periods.ids,
            condition=skp_condition,
            group_by=SQL("GROUP BY %s", group_by) if group_by else SQL(),
        )

    @api.model
    def _owing(self, periods):
        """[(SKP, period)]: the set SKPs of the periods' agencies that still owe a
        realisation of one of ``periods`` (read as superuser), SKP by SKP."""
        if not periods:
            return []
        skps = (
            self.env["hr.kinerja.skp"]
            .sudo()
            .search(
                [
                    ("company_id", "in", periods.company_id.ids),
                    ("state", "=", "set"),
                    ("date_start", "<=", max(periods.mapped("date_end"))),
                    ("date_end", ">=", min(periods.mapped("date_start"))),
                ]
            )
        )
        owed = self._owed_pairs(skps, periods)
        return [(skp, period) for skp in skps for period in periods if (skp.id, period.id) in owed]

    @api.model
    def _owed_pairs(self, skps, periods):
        """{(SKP id, period id)} that still owe a realisation (the rule of _owed, in
        one query)."""
        if not skps or not periods:
            return set()
        self.env.cr.execute(
            self._owed_sql(
                SQL("DISTINCT skp.id, period.id"),
                periods,
                SQL("skp.id = ANY(%s) AND skp.state = 'set'", skps.ids),
            )
        )
        return set(self.env.cr.fetchall())

    @api.model
    def _due_activities(self, type_xmlid, skps):
        """{(SKP id, user id, deadline): activity} of the type on the SKPs."""
        activity_type = self.env.ref(type_xmlid)
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "hr.kinerja.skp"),
                    ("res_id", "in", skps.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        return {(a.res_id, a.user_id.id, a.date_deadline): a for a in activities}

    @api.model
    def _create_due_activities(self, type_xmlid, wanted):
        """Create the to-dos of ``wanted`` [(SKP, user, period, summary)] that do not
        exist yet: one per SKP, person and period."""
        activity_type = self.env.ref(type_xmlid)
        skps = self.env["hr.kinerja.skp"].browse({skp.id for skp, *_rest in wanted})
        have = self._due_activities(type_xmlid, skps)
        model_id = self.env["ir.model"]._get_id("hr.kinerja.skp")
        values = []
        for skp, user, period, summary in wanted:
            deadline = self._due_activity_deadline(period)
            key = (skp.id, user.id, deadline)
            if user and key not in have:
                have[key] = True
                values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": skp.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": deadline,
                        "summary": summary,
                        "automated": True,
                    }
                )
        # In rounds, not one by one: two to-dos of one batch on the same SKP for the
        # same person would both subscribe them as followers, so round k holds the
        # k-th to-do of each (SKP, person) - as many rounds as open periods, not
        # one create per employee.
        rounds = []
        seen = {}
        for vals in values:
            key = (vals["res_id"], vals["user_id"])
            seen[key] = seen.get(key, -1) + 1
            if seen[key] == len(rounds):
                rounds.append([])
            rounds[seen[key]].append(vals)
        # No e-mail per to-do (the staged reminders send those, issue 14); Odoo still
        # subscribes each assignee to the SKP, one call per person.
        activities = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        for batch in rounds:
            activities |= activities.create(batch)
        return activities

    @api.model
    def _cron_realisation_due(self):
        """A period open for entries has begun: each employee whose set SKP covers it
        and who has not submitted all its realisations gets one to-do for the period,
        due on the period's evaluation date. Locked periods get none; a to-do already
        there is not doubled; one done is not made again unless the step is owed again
        (sent back)."""
        today = fields.Date.context_today(self)
        periods = (
            self.env["hr.kinerja.period"]
            .sudo()
            .search([("state", "=", "open"), ("kind", "!=", "annual"), ("date_start", "<=", today)])
        )
        if not periods:
            return self.env["mail.activity"]
        # one summary per period (``_`` in a comprehension finds no language: env._)
        summaries = {p: self.env._("Report %(period)s", period=p.name) for p in periods}
        wanted = [
            (skp, skp.employee_id.user_id, period, summaries[period])
            for skp, period in self._owing(periods)
        ]
        return self._create_due_activities(
            "hr_kinerja_asn.mail_activity_type_realisation_due", wanted
        )

    def _activities_after_submit(self):
        """After a submission (checked by action_submit): the employee's to-do for the
        period is done once nothing is owed; the evaluator gets one to review it."""
        lines = self.sudo()
        skps, periods = lines.skp_id, lines.period_id
        owed = self._owed_pairs(skps, periods)
        have = self._due_activities("hr_kinerja_asn.mail_activity_type_realisation_due", skps)
        done = self.env["mail.activity"].sudo()
        for skp in skps:
            for period in lines.filtered(lambda li, s=skp: li.skp_id == s).period_id:
                if (skp.id, period.id) not in owed:
                    key = (skp.id, skp.employee_id.user_id.id, self._due_activity_deadline(period))
                    done |= have.get(key, done)
        done.action_feedback()
        wanted = []
        for line in lines:
            skp = line.skp_id
            wanted.append(
                (
                    skp,
                    skp.evaluator_id.user_id,
                    line.period_id,
                    _(
                        "Review %(employee)s's realisations of %(period)s",
                        employee=skp.employee_id.name,
                        period=line.period_id.name,
                    ),
                )
            )
        self._create_due_activities("hr_kinerja_asn.mail_activity_type_realisation_review", wanted)

    def _activities_after_review(self):
        """After a review or a sending back (checked by the button): the evaluator's
        to-do for the employee and period is done once nothing submitted waits."""
        lines = self.sudo()
        skps = lines.skp_id
        waiting = {
            (line.skp_id.id, line.period_id.id)
            for line in self.sudo().search(
                [
                    ("skp_id", "in", skps.ids),
                    ("period_id", "in", lines.period_id.ids),
                    ("state", "=", "submitted"),
                ]
            )
        }
        have = self._due_activities("hr_kinerja_asn.mail_activity_type_realisation_review", skps)
        done = self.env["mail.activity"].sudo()
        for line in lines:
            if (line.skp_id.id, line.period_id.id) not in waiting:
                key = (
                    line.skp_id.id,
                    line.skp_id.evaluator_id.user_id.id,
                    self._due_activity_deadline(line.period_id),
                )
                done |= have.get(key, done)
        done.action_feedback()
