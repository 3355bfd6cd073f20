from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common_monitoring import QUANTITY, KinerjaMonitoringCase

LINK = "https://drive.kukarkab.go.id/mutasi/sk-februari.pdf"
DUE = "hr_kinerja_asn.mail_activity_type_realisation_due"
REVIEW = "hr_kinerja_asn.mail_activity_type_realisation_review"


@tagged("post_install", "-at_install")
class TestDueActivities(KinerjaMonitoringCase):
    """What is due (issue 15): a to-do when a step becomes due, not only when it is
    overdue - the employee's realisation when a period opens, the evaluator's review
    when it is submitted - once per step, and done when the step is."""

    def _todos(self, type_xmlid, user, skp=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.kinerja.skp"),
                ("res_id", "=", (skp or self.staff_skp).id),
                ("activity_type_id", "=", self.env.ref(type_xmlid).id),
                ("user_id", "=", user.id),
            ]
        )

    def _cron(self):
        return self.env["hr.kinerja.realisasi"]._cron_realisation_due()

    def _submit_all(self, period, user=None, skp=None):
        lines = (
            self.env["hr.kinerja.realisasi"]
            .with_user(user or self.staff_user)
            .create(
                [
                    {"iki_id": iki.id, "period_id": period.id, "value": 1, "evidence_links": LINK}
                    for iki in (skp or self.staff_skp).rhk_ids.indicator_ids
                ]
            )
        )
        lines.action_submit()
        return lines

    @freeze_time("2026-02-10")
    def test_one_todo_per_open_period_that_has_begun(self):
        self._cron()
        todos = self._todos(DUE, self.staff_user)
        self.assertEqual(
            sorted(todos.mapped("date_deadline")),
            sorted([self.january.date_evaluation, self.february.date_evaluation]),
        )  # January and February have begun, March not yet
        self._cron()
        self.assertEqual(self._todos(DUE, self.staff_user), todos, "no duplicate")

    @freeze_time("2026-02-10")
    def test_none_for_a_locked_period(self):
        self.january.action_lock()
        self._cron()
        todos = self._todos(DUE, self.staff_user)
        self.assertEqual(todos.mapped("date_deadline"), [self.february.date_evaluation])

    @freeze_time("2026-02-10")
    def test_done_when_submitted_and_not_made_again(self):
        self._cron()
        self._submit_all(self.february)
        todos = self._todos(DUE, self.staff_user)
        self.assertEqual(todos.mapped("date_deadline"), [self.january.date_evaluation])
        self._cron()
        self.assertEqual(self._todos(DUE, self.staff_user), todos, "not made again once done")

    @freeze_time("2026-02-10")
    def test_evaluator_todo_when_submitted_done_when_reviewed(self):
        lines = self._submit_all(self.february)
        review = self._todos(REVIEW, self.kasi_user)
        self.assertEqual(len(review), 1, "one to-do for the employee and period")
        self.assertEqual(review.date_deadline, self.february.date_evaluation)
        self.assertFalse(self._todos(REVIEW, self.staff_user))
        lines[:2].with_user(self.kasi_user).action_review()
        self.assertTrue(review.exists(), "two realisations still wait")
        lines[2:].with_user(self.kasi_user).action_review()
        self.assertFalse(review.exists())
        self.assertFalse(self._todos(REVIEW, self.kasi_user))

    @freeze_time("2026-02-10")
    def test_cron_queries_do_not_grow_with_employees(self):
        """The daily job reads and creates in batch; what grows with the people is
        only Odoo's own subscription of each assignee to their SKP (one call per
        person, inside mail.activity.create) - no e-mail per to-do."""

        def measured():
            self.env["mail.activity"].search(
                [("activity_type_id", "=", self.env.ref(DUE).id)]
            ).unlink()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._cron()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        measured()  # warm the caches (ir.model, activity types)
        few = measured()
        for i in range(4):
            user = new_test_user(self.env, f"due_staff{i}", groups="base.group_user")
            employee = self.env["hr.employee"].create(
                {
                    "name": f"Pelaksana {i}",
                    "user_id": user.id,
                    "department_id": self.seksi.id,
                    "jabatan_type": "pelaksana",
                    "asn_type": "pns",
                }
            )
            self._set_skp(employee, f"Layanan {i}", (QUANTITY,))
        notifications = [
            ("model", "=", "hr.kinerja.skp"),
            ("message_type", "=", "user_notification"),
        ]
        before = self.env["mail.message"].search_count(notifications)
        more = measured()
        self.assertLessEqual(more - few, 4 * 10, f"{few} queries for 2 SKPs, {more} for 6")
        after = self.env["mail.message"].search_count(notifications)
        self.assertEqual(after, before, "no assignment e-mail per to-do")
        self.assertEqual(
            len(
                self.env["mail.activity"].search([("activity_type_id", "=", self.env.ref(DUE).id)])
            ),
            12,
        )
