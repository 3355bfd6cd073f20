import re
from collections import defaultdict
from functools import reduce

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.tools import SQL
from odoo.tools.mail import html_normalize
from odoo.tools.misc import format_date
from odoo.tools.rendering_tools import parse_inline_template

from ..rules import workdays as rule_workdays
from . import bulk
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
# mail.template's "regex" mode: a tag printing a field path (mail_render_mixin).
QWEB_OUT = re.compile(
    r"""<(\w+)[\s|\n]+t-out=[\s|\n]*(\'|\")((\w|\.)+)(\2)[\s|\n]*((\/>)|(>[\s|\n]*([^<>]*?))[\s|\n]*<\/\1>)""",
    flags=re.DOTALL,
)


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
        return (
            *super().mail_allowed_qweb_expressions(),
            "object.list_html",
            "object.company_id.email_formatted",
        )

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
        cell = '<td style="padding: 4px;">%s</td>'
        head = "".join(
            f'<th style="text-align: left; padding: 4px;">{escape(label)}</th>'
            for label in (_("Step"), _("Document"), _("Deadline"), _("Working Days Left"))
        )
        for reminder in self:
            rows = []
            for line in same.get((reminder.user_id.id, reminder.date), []):
                if line.deadline not in dates:
                    dates[line.deadline] = escape(format_date(self.env, line.deadline))
                link = f'<a href="{escape(line.url)}">{escape(line.record_name or "")}</a>'
                rows.append(
                    "<tr>"
                    + cell % escape(labels.get(line.step, line.step))
                    + cell % link
                    + cell % dates[line.deadline]
                    + cell % line.days_left
                    + "</tr>"
                )
            # every value above is escaped
            reminder.list_html = Markup(
                f'<table style="border-collapse: collapse; width: 100%;"><tr>{head}</tr>'
                f"{''.join(rows)}</table>"
            )

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
        ``name`` (its name, None until ``_named``), ``period_id`` and ``year_id``
        (ids or False),
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
    def _named(self, steps):
        """Fill in the names of ``steps`` (those a caller keeps: a name costs a
        compute), one batch per model. Returns them."""
        ids = defaultdict(list)
        for step in steps:
            if step["name"] is None:
                ids[step["model"]].append(step["res_id"])
        names = {
            (model, record.id): record.display_name
            for model, res_ids in ids.items()
            for record in self.env[model].sudo().browse(res_ids)
        }
        for step in steps:
            if step["name"] is None:
                step["name"] = names[(step["model"], step["res_id"])]
        return steps

    @api.model
    def _step(self, step, record, deadline, owner, employee, unit, period=None, year=None, **kw):
        return {
            "step": step,
            "model": record._name,
            "res_id": record.id,
            "name": None,
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
        owing = Realisasi._owing(periods)
        # only what the steps read: an employee's whole row is wide
        skps = env["hr.kinerja.skp"].browse({skp.id for skp, _period in owing})
        skps.fetch(["employee_id", "department_id"])
        skps.employee_id.fetch(["user_id"])
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
            for skp, period in owing
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
        evaluations = Evaluation.search_fetch(
            [("company_id", "=", company.id), *Evaluation._documents_pending_domain()],
            [
                "employee_id",
                "period_id",
                "handed_over_date",
                "received_date",
                "returned_date",
                "escalated",
                "evaluator_id",
                "evaluator_superior_id",
            ],
        )
        # only what the steps read: an employee's whole row is wide
        evaluations.employee_id.fetch(["user_id", "department_id"])
        (evaluations.evaluator_id | evaluations.evaluator_superior_id).fetch(["user_id"])
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
        self._named([step for step, _stage, _days in due])
        sent = {
            (r.key, r.stage)
            for r in self.sudo().search_fetch(
                [("key", "in", list({self._key(s) for s, _st, _l in due}))], ["key", "stage"]
            )
        }
        rows, reminded = [], []
        for step, stage, days in due:
            key = self._key(step)
            if (key, stage) in sent:
                continue
            sent.add((key, stage))
            reminded.append(step)
            rows.append(
                {
                    "key": key,
                    "step": step["step"],
                    "stage": stage,
                    "res_model": step["model"],
                    "res_id": step["res_id"],
                    "record_name": step["name"],
                    "period_id": step["period_id"] or None,
                    "user_id": step["user_id"],
                    "employee_id": step["employee_id"] or None,
                    "deadline": step["deadline"],
                    "days_left": days,
                    "date": date,
                    "company_id": company.id,
                }
            )
        if not rows:
            return self.browse()
        # A log of the server (see the class): written in one INSERT.
        columns = list(rows[0])
        ids = bulk.insert_rows(self, columns, [[row[c] for c in columns] for row in rows])
        reminders = self.sudo().browse(ids)
        self._reminder_activities(reminded)
        self._reminder_mails(reminders)
        return reminders

    @api.model
    def _reminder_mails(self, reminders):
        """One e-mail per person listing the day's reminders, in their language,
        queued: the template is rendered on the person's first reminder of the run
        (its ``list_html`` lists the others), once per language, and the mails are
        written in one batch. Returns them."""
        Mail = self.env["mail.mail"].sudo()
        template = self.env.ref(
            "hr_kinerja_asn.mail_template_kinerja_reminder", raise_if_not_found=False
        )
        if not template or not reminders:
            return Mail
        first = {}
        reminders.fetch(["user_id"])
        self._fetch_users(reminders.user_id)
        for reminder in reminders.sorted("id"):
            first.setdefault(reminder.user_id, reminder)
        languages = defaultdict(list)
        for user, reminder in first.items():
            languages[user.lang or "en_US"].append(reminder.id)
        values = []
        author = self.env.user.partner_id
        for lang, ids in languages.items():
            source = template.sudo().with_context(lang=lang)
            records = self.sudo().with_context(lang=lang).browse(ids)
            subjects = _render(source, "subject", records)
            bodies = _render(source, "body_html", records)
            senders = _render(source, "email_from", records)
            values += [
                {
                    "subject": subjects[reminder.id],
                    "body_html": bodies[reminder.id],
                    "email_from": senders[reminder.id],
                    "partner_id": reminder.user_id.partner_id.id,
                }
                for reminder in records
            ]
        return self._queue_mails(values, template.auto_delete, author)

    @api.model
    def _queue_mails(self, values, auto_delete, author):
        """Queue the mails of ``values`` (subject, body_html, email_from, partner_id):
        the first through the ORM, the others as copies of its rows (a mail.message
        and its mail.mail: 25,000 ORM creates take most of a reminder run), each with
        its own Message-Id. Returns the mails."""
        Mail = self.env["mail.mail"].sudo()
        if not values:
            return Mail
        first = Mail.create(
            {
                "subject": values[0]["subject"],
                "body_html": values[0]["body_html"],
                "email_from": values[0]["email_from"],
                # given, so that no author is looked up
                "author_id": author.id,
                "recipient_ids": [(4, values[0]["partner_id"])],
                "auto_delete": auto_delete,
                "message_type": "email",
            }
        )
        rest = values[1:]
        if not rest:
            return first
        Message = self.env["mail.message"].sudo()
        message_ids = bulk.insert_like(
            self.env,
            first.mail_message_id,
            [
                {
                    "subject": value["subject"],
                    "email_from": value["email_from"],
                    "message_id": Message._get_message_id({"message_type": "email"}),
                }
                for value in rest
            ],
        )
        mail_ids = bulk.insert_like(
            self.env,
            first,
            [
                {"mail_message_id": message_id, "body_html": value["body_html"]}
                for message_id, value in zip(message_ids, rest, strict=True)
            ],
        )
        field = Mail._fields["recipient_ids"]
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s, %s) SELECT * FROM unnest(%s::int[], %s::int[])",
                SQL.identifier(field.relation),
                SQL.identifier(field.column1),
                SQL.identifier(field.column2),
                mail_ids,
                [value["partner_id"] for value in rest],
            )
        )
        return first | Mail.browse(mail_ids)

    @api.model
    def _fetch_users(self, users):
        """Read only what a reminder prints of ``users`` (their name, language and
        partner) for all of them at once: a user's whole row is wide. Returns them."""
        users.fetch(["partner_id"])
        users.partner_id.fetch(["name", "lang"])
        return users

    @api.model
    def _reminder_activities(self, steps):
        """Move each step's to-do (of the step's type, for that person) to the
        deadline with the reminder as summary, or create it: one search and one
        create for the whole run."""
        Activity = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        types = {
            step: self.env.ref(xmlid, raise_if_not_found=False)
            for step, xmlid in ACTIVITY_TYPES.items()
        }
        wanted = [(step, types[step["step"]]) for step in steps if types.get(step["step"])]
        if not wanted:
            return Activity
        users = self._fetch_users(
            self.env["res.users"].sudo().browse({step["user_id"] for step, _t in wanted})
        )
        langs = {user.id: user.lang or "en_US" for user in users}
        partners = {user.id: user.partner_id.id for user in users}
        domain = []
        for model in {step["activity_model"] for step, _t in wanted}:
            ids = [
                step["activity_res_id"] for step, _t in wanted if step["activity_model"] == model
            ]
            domain = (
                ["|", *domain, "&", ("res_model", "=", model), ("res_id", "in", ids)]
                if domain
                else ["&", ("res_model", "=", model), ("res_id", "in", ids)]
            )
        existing = defaultdict(list)
        for activity in Activity.search_fetch(
            [
                *domain,
                ("user_id", "in", users.ids),
                ("activity_type_id", "in", list({t.id for _s, t in wanted})),
            ],
            ["res_model", "res_id", "user_id", "activity_type_id", "date_deadline"],
        ):
            existing[
                (
                    activity.res_model,
                    activity.res_id,
                    activity.user_id.id,
                    activity.activity_type_id.id,
                )
            ].append((activity.id, activity.date_deadline))
        model_ids = {}
        creates = []
        followers = set()
        used = set()
        moves = defaultdict(list)  # (deadline, summary): the to-dos moved there
        labels = {}  # language: {step: label}
        summaries = {}  # (language, step, deadline): the to-do's summary
        for step, activity_type in wanted:
            user_id, deadline = step["user_id"], step["deadline"]
            lang = langs[user_id]
            if lang not in labels:
                labels[lang] = self.with_context(lang=lang)._step_labels()
            summary_key = (lang, step["step"], deadline)
            if summary_key not in summaries:
                env = self.with_context(lang=lang).env
                summaries[summary_key] = env._(
                    "%(step)s: due on %(deadline)s",
                    step=labels[lang].get(step["step"], step["step"]),
                    deadline=format_date(env, deadline),
                )
            summary = summaries[summary_key]
            key = (step["activity_model"], step["activity_res_id"], user_id, activity_type.id)
            candidates = [a for a in existing.get(key, []) if a[0] not in used]
            same_day = [a for a in candidates if a[1] == deadline]
            activity = (same_day or ([] if step["step"] in SHARED_RECORD_STEPS else candidates))[:1]
            if activity:
                used.add(activity[0][0])
                moves[(deadline, summary)].append(activity[0][0])
                continue
            model = step["activity_model"]
            if model not in model_ids:
                model_ids[model] = self.env["ir.model"]._get_id(model)
            creates.append(
                {
                    "res_model_id": model_ids[model],
                    "res_id": step["activity_res_id"],
                    "activity_type_id": activity_type.id,
                    "user_id": user_id,
                    "date_deadline": deadline,
                    "summary": summary,
                    "automated": True,
                }
            )
            followers.add((model, step["activity_res_id"], partners[user_id]))
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
        steps = self._named([s for s in self._steps(company, date) if s["overdue"]])
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


def _render(template, field, records):
    """{id: ``template``'s ``field`` rendered on ``records``}. A field that prints
    only field paths (as the reminder template does) is rendered as mail.template's
    "regex" mode does, its template parsed once rather than once per record; any
    other goes through mail.template."""
    src = template[field] or ""
    model = records._name
    qweb = field == "body_html"
    if (
        template._has_unsafe_expression_template_qweb(src, model)
        if qweb
        else template._has_unsafe_expression_template_inline_template(src, model)
    ):
        return template._render_template(
            src, model, records.ids, engine="qweb" if qweb else "inline_template", options={}
        )
    if qweb:
        src = html_normalize(f"<div>{src}</div>")
        parts, position = [], 0
        for match in QWEB_OUT.finditer(src):
            parts.append(
                (src[position : match.start()], match.group(1), match.group(3), match.group(9))
            )
            position = match.end()
        parts.append((src[position:], None, None, None))
    else:
        parts = [(text, None, expr, default) for text, expr, default in parse_inline_template(src)]
    result = {}
    for record in records:
        chunks = []
        for text, tag, expr, default in parts:
            chunks.append(text)
            if not expr:
                continue
            try:
                value = reduce(lambda rec, name: rec[name], expr.split(".")[1:], record) or default
            except KeyError:
                value = default
            if not qweb:
                chunks.append(str(value))
                continue
            value = escape(value or "")
            chunks.append(value if tag.lower() == "t" else f"<{tag}>{value}</{tag}>")
        result[record.id] = Markup("".join(chunks)) if qweb else "".join(chunks)
    return result


def _url(base, model, res_id):
    return f"{base}/mail/view?model={model}&res_id={res_id}"
