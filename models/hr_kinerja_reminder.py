from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools.misc import format_date

from ..rules import workdays as rule_workdays
from .mail_thread import followers_done

# The steps with a deadline, in the order of the cycle.
STEPS = [
    ("skp_agree", "Agree the SKP"),
    ("skp_set", "Set the SKP"),
    ("realisation", "Report the realisations"),
    ("review", "Review the realisations"),
    ("achievement", "Set the organisation achievements"),
    ("rate", "Rate the evaluation"),
    ("rate_superior", "Rate the evaluation instead of a late evaluator"),
    ("distribution", "Confirm the distribution"),
    ("handover", "Hand over the evaluation document"),
    ("return", "Return the evaluation document signed"),
    ("objection", "Decide the objection"),
]
# step: the to-do's type (the one the step's own scheduled action leaves, so that a
# reminder moves that to-do rather than adding a second one).
ACTIVITY_TYPES = {
    "skp_agree": "mail.mail_activity_data_todo",
    "skp_set": "hr_kinerja_asn.mail_activity_type_skp_set",
    "realisation": "hr_kinerja_asn.mail_activity_type_realisation_due",
    "review": "hr_kinerja_asn.mail_activity_type_realisation_review",
    "achievement": "mail.mail_activity_data_todo",
    "rate": "mail.mail_activity_data_todo",
    "rate_superior": "mail.mail_activity_data_todo",
    "distribution": "mail.mail_activity_data_todo",
    "handover": "hr_kinerja_asn.mail_activity_type_document_handover",
    "return": "hr_kinerja_asn.mail_activity_type_document_return",
    "objection": "hr_kinerja_asn.mail_activity_type_objection_decide",
}
# Steps whose to-do lives on a record shared by several periods (an SKP, a unit): an
# existing to-do is theirs only when it is due on the same date.
SHARED_RECORD_STEPS = {"realisation", "review", "achievement", "distribution"}
OPEN = ("open", "reopened")


class HrKinerjaReminder(models.Model):
    """A reminder sent: one step (its kind, record, period and the person who owes
    it) at one stage (working days before its deadline). The staged reminders
    (``_cron_reminders``) read it so that a step is reminded once per stage; nobody
    writes it but the server. ``_steps`` is the one query of the steps that are owed
    (on time or overdue) of an agency, for the reminders, the weekly digest and the
    monitoring."""

    _name = "hr.kinerja.reminder"
    _description = "Deadline Reminder"
    _inherit = ["hr.kinerja.policy"]
    _order = "date desc, id desc"
    _rec_name = "record_name"

    # A log of the server: no user creates, changes or deletes one.
    _kinerja_policy = ()
    _kinerja_server_fields = (
        "key",
        "step",
        "stage",
        "res_model",
        "res_id",
        "record_name",
        "period_id",
        "user_id",
        "employee_id",
        "deadline",
        "days_left",
        "date",
        "company_id",
    )

    key = fields.Char(required=True, index=True, readonly=True)
    step = fields.Selection(STEPS, required=True, readonly=True)
    stage = fields.Integer(
        required=True, readonly=True, help="The stage: working days before the deadline."
    )
    res_model = fields.Char("Document Model", required=True, readonly=True)
    res_id = fields.Many2oneReference("Document", model_field="res_model", readonly=True)
    record_name = fields.Char("Document Name", readonly=True)
    period_id = fields.Many2one("hr.kinerja.period", readonly=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", "Reminded", required=True, readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", "Concerning", readonly=True, help="The employee the step is about."
    )
    deadline = fields.Date(required=True, readonly=True)
    days_left = fields.Integer("Working Days Left", readonly=True)
    date = fields.Date("Sent On", required=True, readonly=True)
    company_id = fields.Many2one("res.company", "Agency", required=True, readonly=True)
    step_label = fields.Char(compute="_compute_step_label")
    url = fields.Char("Link", compute="_compute_url")
    # What the day's e-mail lists, in the reader's language: a field the template
    # prints by its path, so mail.template renders it without compiling QWeb for
    # each mail (its "regex" mode).
    list_html = fields.Html(compute="_compute_list_html", sanitize=False)
    _sql_constraints = [
        ("key_stage_uniq", "unique(key, stage)", "A step is reminded once per stage."),
    ]

    @api.depends_context("lang")
    @api.depends("step")
    def _compute_step_label(self):
        labels = self._step_labels()
        for reminder in self:
            reminder.step_label = labels.get(reminder.step, "")

    @api.model
    def _step_labels(self):
        """{step: its label in the environment's language}."""
        return dict(self._fields["step"]._description_selection(self.env))

    def mail_allowed_qweb_expressions(self):
        # The day's e-mail prints only these (rendered without QWeb, see above).
        return (*super().mail_allowed_qweb_expressions(), "object.list_html")

    @api.depends_context("lang")
    @api.depends("user_id", "date")
    def _compute_list_html(self):
        """The reminders sent to the same person the same day, in a table: step,
        document (a link), deadline, working days left. One search per batch."""
        same = defaultdict(list)
        for reminder in self.sudo().search(
            [("user_id", "in", self.user_id.ids), ("date", "in", list(set(self.mapped("date"))))],
            order="deadline, id",
        ):
            same[(reminder.user_id.id, reminder.date)].append(reminder)
        labels = self._step_labels()
        dates = {}  # the few deadlines of a run, each formatted once
        cell = Markup('<td style="padding: 4px;">%s</td>')
        head = Markup("").join(
            Markup('<th style="text-align: left; padding: 4px;">%s</th>') % label
            for label in (_("Step"), _("Document"), _("Deadline"), _("Working Days Left"))
        )
        for reminder in self:
            rows = [
                Markup("<tr>%s</tr>")
                % Markup("").join(
                    (
                        cell % labels.get(line.step, line.step),
                        cell % (Markup('<a href="%s">%s</a>') % (line.url, line.record_name)),
                        cell
                        % (
                            dates.get(line.deadline)
                            or dates.setdefault(line.deadline, format_date(self.env, line.deadline))
                        ),
                        cell % line.days_left,
                    )
                )
                for line in same.get((reminder.user_id.id, reminder.date), [])
            ]
            reminder.list_html = Markup(
                '<table style="border-collapse: collapse; width: 100%%;"><tr>%s</tr>%s</table>'
            ) % (head, Markup("").join(rows))

    @api.depends("res_model", "res_id")
    def _compute_url(self):
        base = self.browse().get_base_url()
        for reminder in self:
            reminder.url = _url(base, reminder.res_model, reminder.res_id)

    # -- the steps owed ------------------------------------------------------------------
    @api.model
    def _steps(self, company, date):
        """Every step of ``company`` that somebody owes on ``date`` and that has a
        deadline, as plain dicts (read as superuser: callers filter by scope):

        ``step`` (a key of STEPS), ``model``/``res_id`` (the record it is about),
        ``name`` (its name), ``period_id`` and ``year_id`` (ids or False),
        ``user_id`` (the user who owes it, False if nobody can be reminded),
        ``owner_id`` (their employee id), ``employee_id`` (the employee the step is
        about), ``department_id`` (the unit it belongs to), ``deadline``,
        ``overdue`` (deadline < date), ``activity_model``/``activity_res_id``
        (where its to-do lives).

        Periodic steps count only in periods open for entries (none in locked or
        closed periods); the documents' steps (hand-over, return, objection) run
        after the evaluation, lock or not. A fixed number of queries per kind of
        step, whatever the number of employees."""
        env = self.env(su=True)
        steps = []
        company = company.sudo()
        steps += self._skp_steps(env, company)
        periods = env["hr.kinerja.period"].search(
            [
                ("company_id", "=", company.id),
                ("state", "in", OPEN),
                ("kind", "!=", "annual"),
                ("date_start", "<=", date),
            ]
        )
        steps += self._realisation_steps(env, periods)
        steps += self._review_steps(env, periods)
        steps += self._achievement_steps(env, periods)
        steps += self._evaluation_steps(env, company, periods)
        steps += self._distribution_steps(env, periods)
        steps += self._document_steps(env, company)
        for step in steps:
            step["overdue"] = bool(step["deadline"] and step["deadline"] < date)
            step.setdefault("activity_model", step["model"])
            step.setdefault("activity_res_id", step["res_id"])
        return [step for step in steps if step["deadline"]]

    @api.model
    def _step(self, step, record, deadline, owner, employee, unit, period=None, year=None, **kw):
        return {
            "step": step,
            "model": record._name,
            "res_id": record.id,
            "name": record.display_name,
            "period_id": period.id if period else False,
            "year_id": (year or (period and period.year_id)).id if (year or period) else False,
            "user_id": owner.user_id.id,
            "owner_id": owner.id,
            "employee_id": employee.id,
            "department_id": unit.id,
            "deadline": deadline or False,
            **kw,
        }

    @api.model
    def _skp_steps(self, env, company):
        skps = env["hr.kinerja.skp"].search(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("draft", "agreed")),
                ("previous_id", "=", False),
                ("year_id.state", "=", "open"),
            ]
        )
        return [
            self._step(
                "skp_agree" if skp.state == "draft" else "skp_set",
                skp,
                skp.date_deadline,
                skp.employee_id if skp.state == "draft" else skp.evaluator_id,
                skp.employee_id,
                skp.department_id,
                year=skp.year_id,
            )
            for skp in skps
        ]

    @api.model
    def _realisation_steps(self, env, periods):
        Realisasi = env["hr.kinerja.realisasi"]
        return [
            self._step(
                "realisation",
                skp,
                Realisasi._due_activity_deadline(period),
                skp.employee_id,
                skp.employee_id,
                skp.department_id,
                period,
            )
            for skp, period in Realisasi._owing(periods)
        ]

    @api.model
    def _review_steps(self, env, periods):
        if not periods:
            return []
        Realisasi = env["hr.kinerja.realisasi"]
        groups = Realisasi._read_group(
            [("period_id", "in", periods.ids), ("state", "=", "submitted")],
            ["skp_id", "period_id"],
        )
        return [
            self._step(
                "review",
                skp,
                Realisasi._due_activity_deadline(period),
                skp.evaluator_id,
                skp.employee_id,
                skp.department_id,
                period,
            )
            for skp, period in groups
        ]

    @api.model
    def _achievement_steps(self, env, periods):
        """Per period and unit above: the leader of the unit above owes the
        achievements of the leading units below still without one (002 D.4.f)."""
        Achievement = env["hr.kinerja.org.achievement"]
        steps = []
        periods = periods.filtered("date_org_achievement")
        done = defaultdict(set)
        for record in Achievement.search(
            [("period_id", "in", periods.ids), ("value", "!=", False)]
        ):
            done[record.period_id.id].add(record.department_id.id)
        for period in periods:
            units = Achievement._leading_units(period).filtered(
                lambda u, p=period: u.id not in done[p.id] and u.kinerja_parent_id
            )
            setters = units.kinerja_parent_id
            leaders = setters._kinerja_leaders(period.date_end)
            for setter in setters:
                leader = env["hr.employee"].browse(leaders.get(setter.id))
                if not leader:
                    continue
                steps.append(
                    self._step(
                        "achievement",
                        setter,
                        period.date_org_achievement,
                        leader,
                        leader,
                        setter,
                        period,
                        name=f"{setter.name} - {period.name}",
                    )
                )
        return steps

    @api.model
    def _evaluation_steps(self, env, company, periods):
        evaluations = env["hr.kinerja.evaluation"].search(
            [("period_id", "in", periods.ids), ("state", "=", "draft")]
        )
        steps = []
        for evaluation in evaluations:
            period = evaluation.period_id
            if evaluation.escalated:
                step, owner, deadline = (
                    "rate_superior",
                    evaluation.evaluator_superior_id,
                    period.date_superior_evaluation,
                )
            else:
                step, owner, deadline = "rate", evaluation.evaluator_id, period.date_evaluation
            steps.append(
                self._step(
                    step,
                    evaluation,
                    deadline,
                    owner,
                    evaluation.employee_id,
                    evaluation.employee_id.department_id,
                    period,
                )
            )
        return steps

    @api.model
    def _distribution_steps(self, env, periods):
        """A unit's distribution is confirmed by its leader by the evaluation date;
        its to-do lives on the unit (a distribution has none)."""
        distributions = env["hr.kinerja.distribution"].search(
            [("period_id", "in", periods.ids), ("state", "=", "draft")]
        )
        return [
            self._step(
                "distribution",
                distribution,
                distribution.period_id.date_evaluation,
                distribution.leader_id,
                distribution.leader_id,
                distribution.department_id,
                distribution.period_id,
                activity_model="hr.department",
                activity_res_id=distribution.department_id.id,
            )
            for distribution in distributions
        ]

    @api.model
    def _document_steps(self, env, company):
        steps = []
        Evaluation = env["hr.kinerja.evaluation"]
        evaluations = Evaluation.search(
            [("company_id", "=", company.id), *Evaluation._documents_pending_domain()]
        )
        for evaluation in evaluations:
            unit = evaluation.employee_id.department_id
            if not evaluation.handed_over_date:
                steps.append(
                    self._step(
                        "handover",
                        evaluation,
                        evaluation.handover_deadline,
                        evaluation._document_rater(),
                        evaluation.employee_id,
                        unit,
                        evaluation.period_id,
                    )
                )
            elif evaluation.received_date and not evaluation.returned_date:
                steps.append(
                    self._step(
                        "return",
                        evaluation,
                        evaluation.return_deadline,
                        evaluation.employee_id,
                        evaluation.employee_id,
                        unit,
                        evaluation.period_id,
                    )
                )
        objections = env["hr.kinerja.keberatan"].search(
            [("company_id", "=", company.id), ("state", "in", ("filed", "explanation"))]
        )
        for objection in objections:
            steps.append(
                self._step(
                    "objection",
                    objection,
                    objection.decision_deadline,
                    objection.evaluator_superior_id,
                    objection.employee_id,
                    objection.employee_id.department_id,
                    objection.evaluation_id.period_id,
                )
            )
        return steps

    # -- working days ---------------------------------------------------------------------
    @api.model
    def _workdays(self, steps, date, late=False):
        """{index in steps: working days from ``date`` to the step's deadline (from
        the deadline to ``date`` if ``late``)}, with the calendar and public holidays
        of the step's performance year; counted once per year and deadline."""
        years = self.env["hr.kinerja.year"].sudo().browse({s["year_id"] for s in steps} - {False})
        calendars = {
            year.id: (year._kinerja_holidays(), year._kinerja_weekdays()) for year in years
        }
        cache = {}
        result = {}
        for index, step in enumerate(steps):
            key = (step["year_id"], step["deadline"])
            if key not in cache:
                holidays, weekdays = calendars.get(step["year_id"], ((), rule_workdays.MON_FRI))
                start, end = (step["deadline"], date) if late else (date, step["deadline"])
                cache[key] = rule_workdays.working_days_between(start, end, holidays, weekdays)
            result[index] = cache[key]
        return result

    @staticmethod
    def _key(step):
        return ":".join(
            str(part)
            for part in (
                step["step"],
                step["model"],
                step["res_id"],
                step["period_id"] or 0,
                step["user_id"],
            )
        )

    # -- the staged reminders ------------------------------------------------------------
    @api.model
    def _cron_reminders(self):
        """Daily: remind whoever owes a step N working days before its deadline, at
        each stage of the agency (7, 3 and 1 by default): a to-do (the step's own,
        moved to the deadline, or a new one) and an e-mail in their language, queued.
        Once per step and stage, the latest stage reached only (a missed day does not
        send two); nothing for a step done, overdue or in a locked period."""
        today = fields.Date.context_today(self)
        companies = self.env["hr.kinerja.year"].sudo().search([("state", "=", "open")]).company_id
        reminders = self.browse()
        for company in companies:
            reminders |= self._remind(company, today)
        return reminders

    @api.model
    def _remind(self, company, date):
        stages = company._kinerja_reminder_stages()
        if not stages:
            return self.browse()
        steps = [s for s in self._steps(company, date) if not s["overdue"] and s["user_id"]]
        left = self._workdays(steps, date)
        due = []
        for index, step in enumerate(steps):
            reached = [stage for stage in stages if stage >= left[index]]
            if reached:
                due.append((step, min(reached), left[index]))
        if not due:
            return self.browse()
        sent = {
            (r.key, r.stage)
            for r in self.sudo().search_fetch(
                [("key", "in", list({self._key(s) for s, _st, _l in due}))], ["key", "stage"]
            )
        }
        values = []
        for step, stage, days in due:
            key = self._key(step)
            if (key, stage) in sent:
                continue
            sent.add((key, stage))
            values.append(
                {
                    "key": key,
                    "step": step["step"],
                    "stage": stage,
                    "res_model": step["model"],
                    "res_id": step["res_id"],
                    "record_name": step["name"],
                    "period_id": step["period_id"],
                    "user_id": step["user_id"],
                    "employee_id": step["employee_id"] or False,
                    "deadline": step["deadline"],
                    "days_left": days,
                    "date": date,
                    "company_id": company.id,
                }
            )
        if not values:
            return self.browse()
        reminders = self.sudo().create(values)
        by_key = {step_key: step for step, _stage, _days in due for step_key in [self._key(step)]}
        self._reminder_activities(reminders, by_key)
        self._reminder_mails(reminders)
        return reminders

    @api.model
    def _reminder_mails(self, reminders):
        """One e-mail per person listing the day's reminders, in their language,
        queued: the template is rendered on the person's first reminder of the run
        (its ``list_html`` lists the others), once per language without QWeb, and
        the mails are created in one batch. Returns them."""
        Mail = self.env["mail.mail"].sudo()
        template = self.env.ref(
            "hr_kinerja_asn.mail_template_kinerja_reminder", raise_if_not_found=False
        )
        if not template or not reminders:
            return Mail
        first = {}
        for reminder in reminders.sorted("id"):
            first.setdefault(reminder.user_id, reminder)
        languages = defaultdict(list)
        for user, reminder in first.items():
            languages[user.lang or "en_US"].append(reminder.id)
        values = []
        author = self.env.user.partner_id
        for lang, ids in languages.items():
            source = template.sudo().with_context(lang=lang)

            def render(field, engine, source=source, ids=ids):
                # No post-processing: the links are absolute already.
                return source._render_template(
                    source[field], source.render_model, ids, engine=engine, options={}
                )

            subjects = render("subject", "inline_template")
            bodies = render("body_html", "qweb")
            senders = render("email_from", "inline_template")
            values += [
                {
                    "subject": subjects[res_id],
                    "body_html": bodies[res_id],
                    "email_from": senders[res_id],
                    # given, so that no author is looked up for each message
                    "author_id": author.id,
                    "recipient_ids": [(4, reminder.user_id.partner_id.id)],
                    "auto_delete": template.auto_delete,
                    "message_type": "email",
                }
                for res_id in ids
                for reminder in [self.browse(res_id)]
            ]
        return Mail.create(values)

    @api.model
    def _reminder_activities(self, reminders, by_key):
        """Move each step's to-do (of the step's type, for that person) to the
        deadline with the reminder as summary, or create it: one search and one
        create for the whole run."""
        Activity = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        types = {
            step: self.env.ref(xmlid, raise_if_not_found=False)
            for step, xmlid in ACTIVITY_TYPES.items()
        }
        wanted = []
        for reminder in reminders:
            step = by_key[reminder.key]
            activity_type = types.get(reminder.step)
            if activity_type:
                wanted.append((reminder, step, activity_type))
        if not wanted:
            return Activity
        domain = []
        for model in {step["activity_model"] for _r, step, _t in wanted}:
            ids = [
                step["activity_res_id"]
                for _r, step, _t in wanted
                if step["activity_model"] == model
            ]
            domain = (
                ["|", *domain, "&", ("res_model", "=", model), ("res_id", "in", ids)]
                if domain
                else ["&", ("res_model", "=", model), ("res_id", "in", ids)]
            )
        existing = defaultdict(list)
        for activity in Activity.search(
            [
                *domain,
                ("user_id", "in", list({r.user_id.id for r, _s, _t in wanted})),
                ("activity_type_id", "in", list({t.id for _r, _s, t in wanted})),
            ]
        ):
            existing[
                (
                    activity.res_model,
                    activity.res_id,
                    activity.user_id.id,
                    activity.activity_type_id.id,
                )
            ].append(activity)
        model_ids = {}
        creates = []
        followers = set()
        used = set()
        moves = defaultdict(list)  # (deadline, summary): the to-dos moved there
        labels = {}  # language: {step: label}
        for reminder, step, activity_type in wanted:
            lang = reminder.user_id.lang or "en_US"
            if lang not in labels:
                labels[lang] = self.with_context(lang=lang)._step_labels()
            summary = self.with_context(lang=lang).env._(
                "%(step)s: due on %(deadline)s",
                step=labels[lang].get(reminder.step, reminder.step),
                deadline=format_date(self.with_context(lang=lang).env, reminder.deadline),
            )
            key = (
                step["activity_model"],
                step["activity_res_id"],
                reminder.user_id.id,
                activity_type.id,
            )
            candidates = [a for a in existing.get(key, []) if a.id not in used]
            same_day = [a for a in candidates if a.date_deadline == reminder.deadline]
            activity = (same_day or ([] if reminder.step in SHARED_RECORD_STEPS else candidates))[
                :1
            ]
            if activity:
                used.add(activity[0].id)
                moves[(reminder.deadline, summary)].append(activity[0].id)
                continue
            model = step["activity_model"]
            if model not in model_ids:
                model_ids[model] = self.env["ir.model"]._get_id(model)
            creates.append(
                {
                    "res_model_id": model_ids[model],
                    "res_id": step["activity_res_id"],
                    "activity_type_id": activity_type.id,
                    "user_id": reminder.user_id.id,
                    "date_deadline": reminder.deadline,
                    "summary": summary,
                    "automated": True,
                }
            )
            followers.add((model, step["activity_res_id"], reminder.user_id.partner_id.id))
        for (deadline, summary), ids in moves.items():
            Activity.browse(ids).write({"date_deadline": deadline, "summary": summary})
        if not creates:
            return Activity
        self._subscribe(followers)
        return followers_done(Activity).create(creates).with_env(Activity.env)

    @api.model
    def _subscribe(self, followers):
        """Make {(model, res id, partner id)} followers in one search and one create
        (what mail.activity's create does one person at a time)."""
        Followers = self.env["mail.followers"].sudo()
        existing = {
            (f.res_model, f.res_id, f.partner_id.id)
            for f in Followers.search_fetch(
                [
                    ("res_model", "in", list({m for m, _r, _p in followers})),
                    ("res_id", "in", list({r for _m, r, _p in followers})),
                    ("partner_id", "in", list({p for _m, _r, p in followers})),
                ],
                ["res_model", "res_id", "partner_id"],
            )
        }
        subtypes = {}
        values = []
        for model, res_id, partner_id in sorted(followers - existing):
            if model not in subtypes:
                subtypes[model] = self.env["mail.message.subtype"]._default_subtypes(model)[0]
            values.append(
                {
                    "res_model": model,
                    "res_id": res_id,
                    "partner_id": partner_id,
                    "subtype_ids": [(6, 0, subtypes[model])],
                }
            )
        Followers.create(values)

    # -- the weekly digest ----------------------------------------------------------------
    @api.model
    def _cron_digest(self):
        """Weekly: one e-mail to each unit leader (their units and those below) and
        each HR officer (the agency) listing the steps overdue in their scope,
        grouped by unit, each with its deadline and a link. Returns the mails."""
        today = fields.Date.context_today(self)
        companies = self.env["hr.kinerja.year"].sudo().search([("state", "=", "open")]).company_id
        mails = self.env["mail.mail"].sudo()
        for company in companies:
            mails |= self._digest(company, today)
        return mails

    @api.model
    def _digest_scopes(self, company, date):
        """{user: set of unit ids, or None for the whole agency}."""
        Unit = self.env["hr.department"].sudo()
        units = Unit.search([("company_id", "in", [company.id, False])])
        scopes = {}
        officers = (
            self.env.ref("hr_kinerja_asn.group_kinerja_officer")
            .sudo()
            .users.filtered(lambda u: company in u.company_ids and not u.share)
        )
        for user in officers:
            scopes[user] = None
        leaders = units._kinerja_leaders(date)
        led = defaultdict(list)
        for unit in units:
            if leaders.get(unit.id):
                led[leaders[unit.id]].append(unit)
        employees = self.env["hr.employee"].sudo().browse(list(led))
        for employee in employees:
            user = employee.user_id
            if not user or user in scopes:
                continue
            paths = [unit.parent_path for unit in led[employee.id]]
            scopes[user] = {
                unit.id for unit in units if any(unit.parent_path.startswith(p) for p in paths)
            }
        return scopes

    @api.model
    def _digest(self, company, date):
        steps = [s for s in self._steps(company, date) if s["overdue"]]
        if not steps:
            return self.env["mail.mail"].sudo()
        late_days = self._workdays(steps, date, late=True)
        base = self.browse().get_base_url()
        unit_names = {
            unit.id: unit.name
            for unit in self.env["hr.department"].sudo().browse({s["department_id"] for s in steps})
        }
        digests = {}
        for user, scope in self._digest_scopes(company, date).items():
            mine = [
                index
                for index, step in enumerate(steps)
                if scope is None or step["department_id"] in scope
            ]
            if not mine:
                continue
            labels = self.with_context(lang=user.lang)._step_labels()
            groups = defaultdict(list)
            for index in mine:
                step = steps[index]
                groups[step["department_id"]].append(
                    {
                        "label": labels.get(step["step"], step["step"]),
                        "name": step["name"],
                        "deadline": step["deadline"],
                        "days_late": late_days[index],
                        "url": _url(base, step["model"], step["res_id"]),
                    }
                )
            digests[user.id] = [
                {
                    "unit": unit_names.get(unit_id) or _("No unit"),
                    "steps": sorted(rows, key=lambda r: r["deadline"]),
                }
                for unit_id, rows in sorted(
                    groups.items(), key=lambda item: unit_names.get(item[0]) or ""
                )
            ]
        if not digests:
            return self.env["mail.mail"].sudo()
        template = self.env.ref("hr_kinerja_asn.mail_template_kinerja_digest")
        return (
            template.sudo()
            .with_context(kinerja_digest=digests)
            .send_mail_batch(list(digests), force_send=False)
        )


def _url(base, model, res_id):
    return f"{base}/mail/view?model={model}&res_id={res_id}"
