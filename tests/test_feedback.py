from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_monitoring import KinerjaMonitoringCase


@tagged("post_install", "-at_install")
class TestFeedback(KinerjaMonitoringCase):
    """Umpan balik berkelanjutan (003 Pasal 16-18; 000 V.6-8; Format B.1.3-B.1.5): from the
    leader, peers, subordinates and others, on a result plan or a core value - every
    piece recorded as evidence for the ratings, read by those it concerns."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.core_value = cls.env["hr.kinerja.core.value"].search([], limit=1)

    def _feedback(self, user, receiver, **values):
        values = {
            "receiver_id": receiver.id,
            "period_id": self.march.id,
            "date": date(2026, 3, 10),
            "subject": "core_value",
            "core_value_id": self.core_value.id,
            "text": "Pelayanan kepada pemohon mutasi ramah dan cepat.",
            **values,
        }
        self.env.invalidate_all()  # as in a request of its own: nothing in the cache
        return self.env["hr.kinerja.feedback"].with_user(user).create(values)

    def test_sources_recorded_as_given(self):
        """003 Pasal 17-18 and 000 V.6-7: the leader, peers, subordinates and other parties
        give periodic or incidental feedback, directly or not; the source is what the
        giver declares."""
        given = (
            (self.kasi_user, self.staff, "leader", "periodic", "direct"),
            (self.colleague_user, self.staff, "peer", "incidental", "indirect"),
            (self.staff_user, self.kasi, "subordinate", "incidental", "direct"),
            (self.archivist_user, self.kasi, "other", "periodic", "indirect"),
        )
        for user, receiver, source, kind, mode in given:
            with self.subTest(source):
                feedback = self._feedback(user, receiver, source=source, kind=kind, mode=mode)
                self.assertEqual(
                    (feedback.giver_id, feedback.receiver_id), (user.employee_id, receiver)
                )
                self.assertEqual(
                    (feedback.source, feedback.kind, feedback.mode), (source, kind, mode)
                )
        feedback = self._feedback(self.colleague_user, self.staff, source="leader")
        self.assertEqual(feedback.source, "leader")
        self.assertEqual(
            feedback.display_name,
            "Feedback to Analis Mutasi from Pengadministrasi Mutasi (03/10/2026)",
        )

    def test_about_a_result_plan_of_the_receiver_or_a_core_value(self):
        """000 V.7 and DOMAIN section 5: feedback is about a result plan of the receiver or
        about one of the core values (BerAKHLAK)."""
        on_rhk = self._feedback(self.kasi_user, self.staff, subject="rhk", rhk_id=self.staff_rhk.id)
        self.assertEqual(on_rhk.rhk_id, self.staff_rhk)
        upward = self._feedback(
            self.staff_user, self.kasi, source="subordinate", subject="rhk", rhk_id=self.kasi_rhk.id
        )
        self.assertEqual(upward.rhk_id, self.kasi_rhk)
        peer = self._feedback(
            self.colleague_user, self.staff, subject="rhk", rhk_id=self.staff_rhk.id
        )
        self.assertEqual(peer.rhk_id, self.staff_rhk)
        with self.assertRaisesMsg(ValidationError, "is not one of Analis Mutasi's"):
            self._feedback(self.kasi_user, self.staff, subject="rhk", rhk_id=self.kasi_rhk.id)
        with self.assertRaisesMsg(ValidationError, "Choose the result plan"):
            self._feedback(self.kasi_user, self.staff, subject="rhk", core_value_id=False)
        with self.assertRaisesMsg(ValidationError, "Choose the core value"):
            self._feedback(self.kasi_user, self.staff, core_value_id=False)
        with self.assertRaisesMsg(ValidationError, "is not one of Pengadministrasi Mutasi's"):
            on_rhk.with_user(self.kasi_user).receiver_id = self.colleague

    def test_given_to_someone_else_in_ones_own_name(self):
        """003 Pasal 17: feedback is given by someone to an employee - not to oneself, and
        in one's own name (an HR officer may record it for the giver)."""
        with self.assertRaisesMsg(ValidationError, "not to oneself"):
            self._feedback(self.staff_user, self.staff)
        with self.assertRaisesMsg(AccessError, "given in your own name"):
            self._feedback(self.staff_user, self.staff, giver_id=self.colleague.id)
        with self.assertRaises(AccessError):
            self._feedback(self.staff_user, self.kasi, giver_id=self.kabid.id)
        mine = self._feedback(self.staff_user, self.colleague)
        with self.assertRaisesMsg(AccessError, "given in your own name"):
            mine.with_user(self.staff_user).giver_id = self.kasi
        with self.assertRaisesMsg(AccessError, "given in your own name"):
            mine.with_user(self.colleague_user).write({"tone": "needs_improvement"})
        self.assertEqual((mine.giver_id, mine.tone), (self.staff, "positive"))
        mine.with_user(self.staff_user).tone = "neutral"
        recorded = self._feedback(self.officer, self.staff, giver_id=self.colleague.id)
        self.assertEqual(recorded.giver_id, self.colleague)

    def test_never_deleted(self):
        """003 Pasal 16(3) and 000 V.8: every piece of feedback is recorded - it is the
        evidence for the ratings and is deleted by nobody, HR included."""
        feedback = self._feedback(self.colleague_user, self.staff)
        for user in (self.colleague_user, self.staff_user, self.kasi_user):
            with self.subTest(user.login), self.assertRaises(AccessError):
                feedback.with_user(user).unlink()
        for env in (self.env(user=self.officer), self.env(su=True)):
            with self.subTest(env.user.login), self.assertRaisesMsg(UserError, "cannot be deleted"):
                feedback.with_env(env).unlink()
        self.assertTrue(feedback.exists())

    def test_locked_with_its_period_and_dated_within_it(self):
        """001 item 7 and 003 Pasal 15(3): feedback belongs to the period it was given in and
        cannot change once that period locks."""
        with self.assertRaisesMsg(ValidationError, "outside the period"):
            self._feedback(self.colleague_user, self.staff, date=date(2026, 4, 1))
        with self.assertRaisesMsg(ValidationError, "outside the period"):
            self._feedback(self.colleague_user, self.staff, period_id=self.february.id)
        feedback = self._feedback(self.colleague_user, self.staff)
        with self.assertRaisesMsg(ValidationError, "outside the period"):
            feedback.with_user(self.colleague_user).date = date(2026, 2, 27)
        self.march.action_lock()
        with self.assertRaisesMsg(UserError, "is locked"):
            feedback.with_user(self.colleague_user).text = "Diralat setelah dikunci."
        with self.assertRaisesMsg(UserError, "is locked"):
            self._feedback(self.kasi_user, self.staff)
        self._reopen(self.march)
        feedback.with_user(self.colleague_user).text = "Diralat: pelayanan ramah."
        self.assertEqual(feedback.text, "Diralat: pelayanan ramah.")

    def test_receiver_evaluator_captured(self):
        """003 Pasal 19(1): the evaluator reads the feedback on their team - the receiver's
        evaluator is recorded by the system, not by the giver."""
        feedback = self._feedback(self.colleague_user, self.staff)
        self.assertEqual(feedback.receiver_evaluator_id, self.kasi)
        for user in (self.colleague_user, self.officer):
            with self.subTest(user.login):
                with self.assertRaisesMsg(AccessError, "recorded by the system"):
                    feedback.with_user(user).receiver_evaluator_id = self.kabid
        self.assertEqual(feedback.receiver_evaluator_id, self.kasi)
        feedback.with_user(self.colleague_user).receiver_id = self.kasi
        self.assertEqual(feedback.receiver_evaluator_id, self.kabid)

    def test_who_reads_feedback(self):
        """003 Pasal 16(3) and 19(1): the receiver reads what is said about them, the
        receiver's evaluator all feedback on the team, a giver what they gave; nobody
        else, and no other agency."""
        from_peer = self._feedback(self.colleague_user, self.staff)
        from_leader = self._feedback(self.kasi_user, self.staff, source="leader")
        to_peer = self._feedback(self.staff_user, self.colleague)
        all_three = from_peer | from_leader | to_peer
        Feedback = self.env["hr.kinerja.feedback"]
        self.assertEqual(Feedback.with_user(self.staff_user).search([]), all_three)
        self.assertEqual(
            Feedback.with_user(self.kasi_user).search([("receiver_id", "=", self.staff.id)]),
            from_peer | from_leader,
        )
        self.assertEqual(Feedback.with_user(self.colleague_user).search([]), from_peer | to_peer)
        with self.assertRaises(AccessError):
            from_leader.with_user(self.colleague_user).read(["text"])
        self.assertFalse(Feedback.with_user(self.archivist_user).search([]))
        with self.assertRaises(AccessError):
            from_peer.with_user(self.archivist_user).read(["text"])
        self.assertEqual(Feedback.with_user(self.officer).search([]), all_three)
        env_b = self._env_b()
        self.assertFalse(env_b["hr.kinerja.feedback"].search([]))
        with self.assertRaises(AccessError):
            from_peer.with_env(env_b).read(["text"])

    @freeze_time("2026-03-02 09:00:00")
    def test_request_feedback_from_colleagues(self):
        """003 Pasal 17(2): an employee asks colleagues for feedback - each gets a "Give
        Feedback" to-do with the due date; not oneself, not someone without an account."""
        Wizard = self.env["hr.kinerja.feedback.request.wizard"].with_user(self.staff_user)
        wizard = Wizard.create(
            {
                "colleague_ids": [Command.set((self.colleague | self.archivist).ids)],
                "topic": "Layanan mutasi tepat waktu",
            }
        )
        self.assertEqual(wizard.employee_id, self.staff)
        self.assertEqual(wizard.date_deadline, date(2026, 3, 9))
        wizard.date_deadline = date(2026, 3, 20)
        wizard.action_request()
        give = self.env.ref("hr_kinerja_asn.mail_activity_type_feedback_request")
        self.assertEqual(give.name, "Give Feedback")
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.employee"), ("activity_type_id", "=", give.id)]
        )
        self.assertEqual(activities.user_id, self.colleague_user | self.archivist_user)
        self.assertEqual(len(activities), 2)
        for activity in activities:
            self.assertEqual(
                (activity.res_id, activity.date_deadline), (self.staff.id, date(2026, 3, 20))
            )
            self.assertEqual(activity.summary, "Feedback requested by Analis Mutasi")
            self.assertIn("Layanan mutasi tepat waktu", activity.note)

        with self.assertRaisesMsg(UserError, "Ask colleagues, not yourself"):
            Wizard.create({"colleague_ids": [Command.set((self.staff | self.colleague).ids)]})
        wizard = Wizard.create({"colleague_ids": [Command.set((self.messenger | self.kasi).ids)]})
        with self.assertRaisesMsg(UserError, "Pramu Bakti cannot be asked: no user account"):
            wizard.action_request()
        self.assertEqual(
            self.env["mail.activity"].search_count([("activity_type_id", "=", give.id)]), 2
        )
