from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.workflow import workflow
from .common_keberatan import HANDED_OVER, RATED, RECEIVED, KinerjaKeberatanCase


@tagged("post_install", "-at_install")
class TestDocumentHandover(KinerjaKeberatanCase):
    """003 section Tindak lanjut 5-9: the rater hands the evaluation document over
    within 14 working days of signing it (7 for the superior), the employee returns
    it signed within 14 (7) of receiving it; reminders, overdue for HR officers."""

    def _hand_over(self, evaluation, user=None, day=HANDED_OVER):
        with freeze_time(day):
            evaluation.with_user(user or self.kasi_user).action_hand_over()

    def _receive(self, evaluation, user, day=RECEIVED):
        with freeze_time(day):
            evaluation.with_user(user).action_receive()

    def test_deadlines_count_working_days_across_the_holiday_week(self):
        evaluation = self.evaluation
        self.assertEqual(evaluation.evaluated_date, RATED)
        # 14 working days after Wed 3 Feb, 8-12 Feb off: Tue 2 March (not 23 Feb)
        self.assertEqual(evaluation.handover_deadline, date(2027, 3, 2))
        self.assertFalse(evaluation.return_deadline)
        self._hand_over(evaluation)
        self._receive(evaluation, self.jf_user)
        self.assertEqual(evaluation.handed_over_date, HANDED_OVER)
        self.assertEqual(evaluation.handed_over_by_id, self.kasi)
        self.assertEqual(evaluation.received_date, RECEIVED)
        # 14 working days after Fri 5 Feb across the holiday week: Thu 4 March
        self.assertEqual(evaluation.return_deadline, date(2027, 3, 4))
        self.assertEqual(evaluation.objection_deadline, date(2027, 3, 4))

    def test_superior_rated_document_has_seven_working_days(self):
        evaluation = self.other
        workflow(evaluation).write({"escalated": True})
        # 7 working days after Wed 3 Feb, 8-12 Feb off: Fri 19 Feb
        self.assertEqual(evaluation.handover_deadline, date(2027, 2, 19))
        self.assertFalse(evaluation.with_user(self.kasi_user).can_hand_over)
        self.assertTrue(evaluation.with_user(self.kabid_user).can_hand_over)
        with self.assertRaisesRegex(UserError, "handed over by Kepala Bidang"):
            self._hand_over(evaluation, self.kasi_user)
        self._hand_over(evaluation, self.kabid_user)
        self._receive(evaluation, self.staff_users[0])
        # returned to the superior within 7: Fri 5 Feb -> Tue 23 Feb
        self.assertEqual(evaluation.return_deadline, date(2027, 2, 23))

    def test_only_the_rater_hands_over_and_only_the_employee_receives(self):
        evaluation = self.evaluation
        self.assertFalse(evaluation.with_user(self.jf_user).can_hand_over)
        self.assertTrue(evaluation.with_user(self.kasi_user).can_hand_over)
        with self.assertRaisesRegex(UserError, "handed over by Kepala Seksi Kinerja"):
            self._hand_over(evaluation, self.jf_user)
        with self.assertRaisesRegex(UserError, "not been handed over"):
            self._receive(evaluation, self.jf_user)
        self._hand_over(evaluation)
        with self.assertRaisesRegex(UserError, "was handed over on"):
            self._hand_over(evaluation)
        self.assertFalse(evaluation.with_user(self.kasi_user).can_receive)
        self.assertTrue(evaluation.with_user(self.jf_user).can_receive)
        with self.assertRaisesRegex(UserError, "Only the evaluated employee"):
            self._receive(evaluation, self.kasi_user)
        self._receive(evaluation, self.jf_user)
        self.assertTrue(evaluation.with_user(self.jf_user).can_return)

    def test_steps_after_the_period_is_locked(self):
        self.january.action_lock()
        self._hand_over(self.evaluation)
        self._receive(self.evaluation, self.jf_user)
        self.assertEqual(self.evaluation.received_date, RECEIVED)

    def test_overdue_filter_for_hr_officers(self):
        Evaluation = self.env["hr.kinerja.evaluation"].with_user(self.officer)
        domain = [("document_overdue", "=", True), ("id", "in", self.evaluations.ids)]
        with freeze_time("2027-03-02"):
            self.assertFalse(Evaluation.search(domain))
        with freeze_time("2027-03-03"):
            late = Evaluation.search(domain)
            self.assertIn(self.evaluation, late)
            self.assertTrue(self.evaluation.document_overdue)
        self._hand_over(self.evaluation)
        with freeze_time("2027-03-03"):
            self.assertNotIn(self.evaluation, Evaluation.search(domain))
        self._receive(self.evaluation, self.jf_user)
        with freeze_time("2027-03-05"):  # the return was due on 4 March
            self.assertIn(self.evaluation, Evaluation.search(domain))
            with freeze_time("2027-03-05"):
                self.evaluation.with_user(self.jf_user).action_return()
            self.assertNotIn(self.evaluation, Evaluation.search(domain))

    def _activities(self, evaluation, step, user):
        xmlid = {
            "handover": "hr_kinerja_asn.mail_activity_type_document_handover",
            "return": "hr_kinerja_asn.mail_activity_type_document_return",
        }[step]
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "hr.kinerja.evaluation"),
                    ("res_id", "=", evaluation.id),
                    ("activity_type_id", "=", self.env.ref(xmlid).id),
                    ("user_id", "=", user.id),
                ]
            )
        )

    def test_reminders_once_per_step_and_none_for_done_steps(self):
        Evaluation = self.env["hr.kinerja.evaluation"]
        evaluation = self.evaluation
        with freeze_time("2027-02-04"):
            Evaluation._cron_document_reminders()
            Evaluation._cron_document_reminders()
        handover = self._activities(evaluation, "handover", self.kasi_user)
        self.assertEqual(len(handover), 1)
        self.assertEqual(handover.date_deadline, date(2027, 3, 2))
        self.assertFalse(self._activities(evaluation, "return", self.jf_user))
        self._hand_over(evaluation)
        self.assertFalse(handover.active, "the hand-over to-do is done with the step")
        with freeze_time("2027-02-05"):
            Evaluation._cron_document_reminders()
        self.assertEqual(len(self._activities(evaluation, "handover", self.kasi_user)), 1)
        self.assertFalse(self._activities(evaluation, "return", self.jf_user))
        self._receive(evaluation, self.jf_user)
        with freeze_time("2027-02-06"):
            Evaluation._cron_document_reminders()
            Evaluation._cron_document_reminders()
        returned = self._activities(evaluation, "return", self.jf_user)
        self.assertEqual(len(returned), 1)
        self.assertEqual(returned.date_deadline, date(2027, 3, 4))
        with freeze_time("2027-02-15"):
            evaluation.with_user(self.jf_user).action_return()
            Evaluation._cron_document_reminders()
        self.assertEqual(len(self._activities(evaluation, "return", self.jf_user)), 1)
        self.assertFalse(self._activities(evaluation, "return", self.jf_user).active)
