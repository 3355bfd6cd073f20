from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common_evaluation import KinerjaEvaluationCase

TEMPLATE = "hr_kinerja_asn.mail_template_kinerja_reminder"


def before(deadline, count, holidays=()):
    """The latest day with ``count`` Monday-Friday working days after it up to the
    deadline (the deadline counted if it is a working day)."""
    day = deadline
    while count:
        if day.weekday() < 5 and day not in holidays:
            count -= 1
        day -= timedelta(days=1)
    return day


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestReminders(KinerjaEvaluationCase):
    """Staged reminders before each deadline (issue 14): 7, 3 and 1 working days
    before, to whoever owes the step, once per step and stage; and the weekly digest
    of what is overdue, to each unit leader and HR officer, of their scope only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newcomer_user = new_test_user(cls.env, "rm_newcomer", groups="base.group_user")
        cls.newcomer = cls.env["hr.employee"].create(
            {
                "name": "Staf Baru",
                "user_id": cls.newcomer_user.id,
                "department_id": cls.seksi.id,
                "jabatan_type": "pelaksana",
                "asn_type": "pns",
            }
        )
        cls.skp = cls.env["hr.kinerja.skp"].create(
            {"employee_id": cls.newcomer.id, "year_id": cls.year.id, "approach": "quantitative"}
        )
        cls.env["hr.kinerja.rhk"].create(
            {
                "skp_id": cls.skp.id,
                "name": "Penilaian kinerja tertib (Staf Baru)",
                "indicator_ids": [
                    Command.create(
                        {"name": "Dokumen penilaian", "target_value": 12, "target_unit": "dok"}
                    )
                ],
            }
        )
        cls.deadline = cls.skp.date_deadline
        cls.company = cls.year.company_id
        cls.Reminder = cls.env["hr.kinerja.reminder"]

    def _run(self, day):
        with freeze_time(day):
            return self.Reminder._cron_reminders()

    def _sent(self, step="skp_agree", user=None):
        return self.Reminder.search(
            [("step", "=", step), ("user_id", "=", (user or self.newcomer_user).id)]
        )

    def _todos(self, user=None, record=None):
        record = record or self.skp
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("user_id", "=", (user or self.newcomer_user).id),
            ]
        )

    def _mails(self, user=None):
        partner = (user or self.newcomer_user).partner_id
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    # -- stages -------------------------------------------------------------------------
    def test_once_per_step_and_stage(self):
        self.assertEqual(self.company._kinerja_reminder_stages(), [7, 3, 1])
        self.assertFalse(
            self._run(before(self.deadline, 8)).filtered(lambda r: r.res_id == self.skp.id)
        )
        self.assertFalse(self._sent(), "8 working days before: not yet")
        for stage in (7, 3, 1):
            day = before(self.deadline, stage)
            self._run(day)
            self._run(day)  # twice the same day: nothing more
            self.assertEqual(
                sorted(self._sent().mapped("stage"), reverse=True),
                [s for s in (7, 3, 1) if s >= stage],
            )
            self.assertEqual(len(self._todos()), 1, "one to-do, moved, never doubled")
            self.assertEqual(self._todos().date_deadline, self.deadline)
            self.assertEqual(len(self._mails()), len(self._sent()), "one e-mail per stage")
        # between stages and on the deadline itself: nothing new; past it: not a reminder
        self._run(before(self.deadline, 2))
        self._run(self.deadline)
        self._run(self.deadline + timedelta(days=3))
        self.assertEqual(len(self._sent()), 3)
        reminder = self._sent().filtered(lambda r: r.stage == 3)
        self.assertEqual(reminder.res_id, self.skp.id)
        self.assertEqual(reminder.days_left, 3)
        self.assertEqual(reminder.deadline, self.deadline)

    def test_a_missed_day_sends_the_latest_stage_only(self):
        self._run(before(self.deadline, 2))
        self.assertEqual(self._sent().mapped("stage"), [3])

    def test_agency_stages(self):
        self.company.kinerja_reminder_days = "5"
        self._run(before(self.deadline, 7))
        self.assertFalse(self._sent())
        self._run(before(self.deadline, 5))
        self.assertEqual(self._sent().mapped("stage"), [5])
        with self.assertRaises(ValidationError):
            self.company.kinerja_reminder_days = "7,tiga"

    def test_working_days_and_holidays(self):
        """A holiday week before the deadline: 7 working days before falls a week
        earlier in the calendar."""
        holidays = {before(self.deadline, 3) - timedelta(days=i) for i in range(7)}
        for day in holidays:
            if day.weekday() < 5:
                self._holiday(self.year.calendar_id, day)
        without = before(self.deadline, 7)
        with_holidays = before(self.deadline, 7, holidays)
        self.assertLess(with_holidays, without - timedelta(days=4))
        self._run(before(self.deadline, 8, holidays))
        self.assertFalse(self._sent())
        self._run(with_holidays)
        self.assertEqual(self._sent().mapped("stage"), [7])
        # a weekend counts no working day: from Saturday to Monday, one
        saturday = date(self.YEAR, 3, 6)
        self.assertEqual(
            self.Reminder._workdays(
                [{"year_id": self.year.id, "deadline": saturday + timedelta(days=2)}], saturday
            ),
            {0: 1},
        )

    # -- which steps, to whom ---------------------------------------------------------
    def test_not_for_a_done_step_and_to_whoever_owes_it(self):
        self.skp.with_user(self.newcomer_user).action_agree()
        self.assertEqual(self.skp.state, "agreed")
        self._run(before(self.deadline, 3))
        self.assertFalse(self._sent(), "the employee agreed: not reminded")
        to_set = self._sent("skp_set", self.kasi_user)
        self.assertEqual(to_set.res_id, self.skp.id, "the evaluator owes setting it")
        self.assertEqual(len(self._todos(self.kasi_user)), 1)
        self.assertEqual(to_set.employee_id, self.newcomer)

    def test_evaluations_to_the_rater_none_in_a_locked_period(self):
        evaluations = self._generate()
        deadline = self.january.date_evaluation
        day = before(deadline, 1)
        self.january.action_lock()
        self._run(day)
        self.assertFalse(self._sent("rate", self.kasi_user), "a locked period: none")
        self.assertFalse(self._sent("realisation", self.staff_users[0]))
        self.january._transition({"state": "open"})  # (as before the lock)
        self._run(day)
        rate = self._sent("rate", self.kasi_user)
        staff = evaluations.filtered(lambda e: e.evaluator_id == self.kasi)
        self.assertEqual(sorted(rate.mapped("res_id")), sorted(staff.ids))
        self.assertEqual(set(rate.mapped("stage")), {1})
        realisation = self._sent("realisation", self.staff_users[0])
        self.assertEqual(realisation.res_id, self.skp_of[self.staff[0]].id)
        self.assertEqual(realisation.period_id, self.january)
        # the kasi's own evaluation is rated by the kabid
        self.assertEqual(
            self._sent("rate", self.kabid_user).res_id, self._of(evaluations, self.kasi).id
        )

    def test_mail_queued_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.newcomer_user.lang = "id_ID"
        template = self.env.ref(TEMPLATE)
        template.with_context(lang="id_ID").write(
            {
                "subject": "Pengingat: {{ object.user_id.name }}",
                "body_html": "<p>Pengingat tenggat</p>",
            }
        )
        self._run(before(self.deadline, 3))
        mail = self._mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing", "queued, not sent by the job")
        self.assertIn("Pengingat tenggat", mail.body_html)
        self.assertTrue(mail.subject.startswith("Pengingat: "))
        english = self._mails(self.kasi_user)  # the evaluator's realisation reviews etc.
        self.assertFalse(any("Pengingat" in m.body_html for m in english))

    def test_one_mail_a_day_per_person_lists_their_reminders(self):
        """A person who owes several steps the same day gets one e-mail listing them
        all, each with its deadline and a link; one to-do per step still."""
        with freeze_time("2027-01-20"):
            evaluations = self._generate()
        day = before(self.january.date_evaluation, 3)
        reminders = self._run(day)
        for user in reminders.user_id:
            mine = reminders.filtered(lambda r, u=user: r.user_id == u)
            mails = self._mails(user)
            self.assertEqual(len(mails), 1, f"one e-mail for {user.login}")
            for reminder in mine:
                self.assertIn(reminder.record_name, mails.body_html)
                self.assertIn(f"res_id={reminder.res_id}", mails.body_html)
        kasi = reminders.filtered(lambda r: r.user_id == self.kasi_user)
        self.assertGreater(len(kasi), 1, "the evaluator rates several evaluations")
        # to-dos: one per step, moved to the step's deadline
        for reminder in kasi.filtered(lambda r: r.step == "rate"):
            todo = self._todos(self.kasi_user, evaluations.browse(reminder.res_id))
            self.assertEqual(len(todo), 1)
            self.assertEqual(todo.date_deadline, reminder.deadline)

    def test_every_mail_of_a_run_is_whole_and_its_own(self):
        """The run's mails are written in one batch (copies of the first one's rows):
        each is still a queued e-mail of its own, to its one recipient, with its own
        Message-Id, the template's subject and sender, and a body naming its reader
        and listing only their reminders."""
        self.company.email = "bkpsdm@example.com"
        with freeze_time("2027-01-20"):
            self._generate()
        last = self.env["mail.mail"].search([], limit=1, order="id desc").id or 0
        reminders = self._run(before(self.january.date_evaluation, 3))
        users = reminders.user_id
        self.assertGreater(len(users), 2)
        mails = self.env["mail.mail"].search([("id", ">", last)])
        self.assertEqual(len(mails), len(users), "one e-mail per person")
        self.assertEqual(len(set(mails.mapped("message_id"))), len(mails))
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        self.assertEqual(set(mails.mapped("message_type")), {"email"})
        self.assertEqual(set(mails.mapped("subject")), {self.env.ref(TEMPLATE).subject})
        self.assertEqual(set(mails.mapped("email_from")), {self.company.email_formatted})
        for mail in mails:
            self.assertEqual(len(mail.recipient_ids), 1)
            user = users.filtered(lambda u, m=mail: u.partner_id == m.recipient_ids)
            self.assertIn(f"Dear {user.name},", mail.body_html)
            theirs = reminders.filtered(lambda r, u=user: r.user_id == u)
            others = reminders - theirs
            links = 'model={}&amp;res_id={}"'
            for reminder in theirs:
                self.assertIn(links.format(reminder.res_model, reminder.res_id), mail.body_html)
            for reminder in others:
                self.assertNotIn(links.format(reminder.res_model, reminder.res_id), mail.body_html)

    def test_a_template_beyond_field_paths_is_rendered_by_qweb(self):
        """An agency may write more than field paths in the template (a condition):
        the mails are then rendered by mail.template's QWeb, still one per person."""
        self.env.ref(TEMPLATE).body_html = (
            '<p>Halo <t t-out="object.user_id.name"/></p>'
            '<p t-if="object.days_left &lt;= 3">Segera!</p>'
            '<t t-out="object.list_html"/>'
        )
        self._run(before(self.deadline, 3))
        mail = self._mails()
        self.assertEqual(len(mail), 1)
        self.assertIn(f"Halo {self.newcomer_user.name}", mail.body_html)
        self.assertIn("Segera!", mail.body_html)
        self.assertIn(f"res_id={self.skp.id}", mail.body_html)

    def test_queries_do_not_grow_with_employees(self):
        day = before(self.deadline, 3)

        def count(size):
            try:
                with self.env.cr.savepoint():
                    employees = self.env["hr.employee"].create(
                        [
                            {
                                "name": f"Staf Uji {size}-{i}",
                                "department_id": self.seksi_2.id,
                                "user_id": new_test_user(
                                    self.env, f"rm_q{size}_{i}", groups="base.group_user"
                                ).id,
                            }
                            for i in range(size)
                        ]
                    )
                    self.env["hr.kinerja.skp"].create(
                        [
                            {
                                "employee_id": e.id,
                                "year_id": self.year.id,
                                "approach": "quantitative",
                            }
                            for e in employees
                        ]
                    )
                    self.env.flush_all()
                    self.env.invalidate_all()
                    start = self.env.cr.sql_log_count
                    with freeze_time(day):
                        sent = self.Reminder._remind(self.company, day)
                    self.env.flush_all()
                    result = (self.env.cr.sql_log_count - start, len(sent))
                    raise _Rollback
            except _Rollback:
                self.env.invalidate_all()
                return result

        small, sent_small = count(2)
        large, sent_large = count(8)
        self.assertEqual(sent_large - sent_small, 6)
        self.assertEqual(large, small)

    # -- the digest -----------------------------------------------------------------------
    def test_digest_lists_the_recipients_scope(self):
        other = self.env["hr.employee"].create(
            {"name": "Staf Disiplin Baru", "department_id": self.seksi_2.id}
        )
        other_skp = self.env["hr.kinerja.skp"].create(
            {"employee_id": other.id, "year_id": self.year.id, "approach": "quantitative"}
        )
        with freeze_time(self.deadline + timedelta(days=3)):
            steps = self.Reminder._steps(self.company, self.deadline + timedelta(days=3))
            mails = self.Reminder._cron_digest()
        overdue = {(s["model"], s["res_id"]) for s in steps if s["overdue"]}
        self.assertIn(("hr.kinerja.skp", self.skp.id), overdue)
        self.assertIn(("hr.kinerja.skp", other_skp.id), overdue)

        def body(user):
            mail = mails.filtered(lambda m: user.partner_id in m.recipient_ids)
            self.assertEqual(len(mail), 1, f"one digest for {user.login}")
            return mail.body_html

        kasi = body(self.kasi_user)  # Seksi Kinerja only
        self.assertIn(self.skp.display_name, kasi)
        self.assertNotIn(other_skp.display_name, kasi)
        self.assertNotIn("Seksi Disiplin", kasi)
        for user in (self.kabid_user, self.officer):  # the division, the agency
            text = body(user)
            self.assertIn(self.skp.display_name, text)
            self.assertIn(other_skp.display_name, text)
            self.assertIn("Seksi Disiplin", text)
            self.assertIn(f"/mail/view?model=hr.kinerja.skp&amp;res_id={self.skp.id}", text)
        self.assertFalse(
            mails.filtered(lambda m: self.officer_b.partner_id in m.recipient_ids),
            "another agency's officer: nothing of this one",
        )
        self.assertFalse(
            mails.filtered(lambda m: self.newcomer_user.partner_id in m.recipient_ids),
            "an employee gets no digest",
        )
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
