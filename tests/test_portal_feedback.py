from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common_portal import KinerjaPortalCase


class FollowMixin:
    def follow(self, response):
        """The page a POST redirected to, in the same session (with its message)."""
        self.assertEqual(response.status_code, 303, response.text[-2000:])
        return self.url_open(response.headers["Location"]).text


@tagged("post_install", "-at_install")
class TestPortalFeedback(FollowMixin, KinerjaPortalCase):
    """Feedback in the portal (003 Pasal 16-18): given to a colleague, a leader or a
    subordinate, read by those it concerns, asked for and answered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.core_value = cls.env["hr.kinerja.core.value"].search([], limit=1)
        cls.Feedback = cls.env["hr.kinerja.feedback"]
        cls.period = cls.january
        cls.other_employee = cls.env["hr.employee"].create(
            {"name": "Pegawai Tetangga", "company_id": cls.company_b.id}
        )

    def _give(self, user, receiver, **values):
        data = {
            "receiver_id": receiver.id,
            "subject": "core_value",
            "core_value_id": self.core_value.id,
            "source": "peer",
            "tone": "positive",
            "period_id": self.period.id,
            "text": "Pelayanan kepada pemohon ramah dan cepat.",
            **values,
        }
        return self.portal_post(user, "/my/kinerja/feedback/new", data)

    def _about(self, receiver):
        return self.Feedback.search([("receiver_id", "=", receiver.id)])

    # -- flows ------------------------------------------------------------------------
    def test_give_feedback_to_a_colleague_on_a_core_value(self):
        response = self._give(self.staff_user, self.archivist)
        self.assertEqual(response.status_code, 303, response.text[-2000:])
        self.assertIn("Thank you: feedback given.", self.follow(response))
        feedback = self._about(self.archivist)
        self.assertEqual(len(feedback), 1)
        self.assertEqual(
            (feedback.giver_id, feedback.source, feedback.subject, feedback.core_value_id),
            (self.staff, "peer", "core_value", self.core_value),
        )
        self.assertEqual(feedback.receiver_evaluator_id, self.kasi)
        given = self.portal_get(self.staff_user, "/my/kinerja/feedback?filterby=given").text
        self.assertIn("Pelayanan kepada pemohon ramah dan cepat.", given)
        # the receiver reads it (the model's rule: feedback about me)
        received = self.portal_get(self.archivist_user, "/my/kinerja/feedback").text
        self.assertIn("Pelayanan kepada pemohon ramah dan cepat.", received)
        self.assertIn("Analis Mutasi", received)

    def test_source_defaults_from_the_relationship(self):
        cases = (
            (self.kasi_user, self.staff, "leader"),
            (self.staff_user, self.kasi, "subordinate"),
            (self.staff_user, self.archivist, "peer"),
        )
        for user, receiver, source in cases:
            with self.subTest(source):
                page = self.portal_get(
                    user, f"/my/kinerja/feedback/new?receiver_id={receiver.id}"
                ).text
                self.assertIn(f'<option value="{source}" selected', page)

    def test_leader_gives_feedback_on_a_result_plan(self):
        page = self.portal_get(
            self.kasi_user, f"/my/kinerja/feedback/new?receiver_id={self.staff.id}"
        ).text
        self.assertIn("Layanan mutasi tepat waktu", page)
        self._give(
            self.kasi_user,
            self.staff,
            subject="rhk",
            rhk_id=self.staff_rhk.id,
            source="leader",
            tone="needs_improvement",
        )
        feedback = self._about(self.staff)
        self.assertEqual((feedback.rhk_id, feedback.source), (self.staff_rhk, "leader"))

    def test_refused_input_is_shown_and_nothing_created(self):
        # a result plan that is not the receiver's, an empty text, a closed period
        for values, message in (
            ({"subject": "rhk", "rhk_id": self.kasi_rhk.id}, "result plans"),
            ({"text": "  "}, "Write the feedback."),
            ({"period_id": 0}, "Choose an open period"),
            ({"core_value_id": 999999}, "Choose the core value"),
            ({"tone": "angry"}, "Choose a value from the list."),
            ({"subject": "other"}, "Choose what the feedback is about."),
        ):
            with self.subTest(message):
                response = self._give(self.kasi_user, self.staff, **values)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertFalse(self._about(self.staff))

    def test_ask_for_feedback_and_answer_the_request(self):
        self.portal_login(self.staff_user)
        response = self.url_open(
            "/my/kinerja/feedback/ask",
            data={
                "csrf_token": self.csrf_token(),
                "colleague_ids": [self.archivist.id, self.kasi.id],
                "topic": "Presentasi layanan mutasi",
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[-2000:])
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.employee"),
                ("res_id", "=", self.staff.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("hr_kinerja_asn.mail_activity_type_feedback_request").id,
                ),
            ]
        )
        self.assertEqual(activities.user_id, self.archivist_user | self.kasi_user)
        mine = activities.filtered(lambda a: a.user_id == self.archivist_user)
        kasis = activities - mine
        page = self.portal_get(self.archivist_user, "/my/kinerja/feedback").text
        self.assertIn(f"request_id={mine.id}", page)
        # someone else's to-do: refused, and it stays open
        self.portal_get(
            self.archivist_user,
            f"/my/kinerja/feedback/new?receiver_id={self.staff.id}&request_id={kasis.id}",
            expect=404,
        )
        response = self._give(self.archivist_user, self.staff, request_id=kasis.id)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._about(self.staff))
        self.assertTrue(kasis.exists())
        # the archivist's own: answered, and done
        page = self.portal_get(
            self.archivist_user,
            f"/my/kinerja/feedback/new?receiver_id={self.staff.id}&request_id={mine.id}",
        ).text
        self.assertIn("Presentasi layanan mutasi", page)
        response = self._give(self.archivist_user, self.staff, request_id=mine.id)
        self.assertEqual(response.status_code, 303, response.text[-2000:])
        self.assertEqual(self._about(self.staff).giver_id, self.archivist)
        self.assertFalse(mine.exists())
        self.assertTrue(kasis.exists())

    # -- route access -----------------------------------------------------------------
    def test_receiver_must_be_a_colleague_of_the_agency(self):
        for receiver in (self.other_employee, self.staff):
            with self.subTest(receiver.name):
                self.portal_get(
                    self.staff_user,
                    f"/my/kinerja/feedback/new?receiver_id={receiver.id}",
                    expect=404,
                )
                response = self._give(self.staff_user, receiver)
                self.assertEqual(response.status_code, 404)
        self.portal_get(self.staff_user, "/my/kinerja/feedback/new?receiver_id=x", expect=404)
        self.assertFalse(self.Feedback.search([("giver_id", "=", self.staff.id)]))

    def test_feedback_between_others_is_not_listed(self):
        self.Feedback.with_user(self.kasi_user).create(
            {
                "receiver_id": self.archivist.id,
                "period_id": self.january.id,
                "date": date(2026, 1, 15),
                "subject": "core_value",
                "core_value_id": self.core_value.id,
                "source": "leader",
                "text": "Arsip tertata rapi.",
            }
        )
        self.assertNotIn(
            "Arsip tertata rapi.", self.portal_get(self.staff_user, "/my/kinerja/feedback").text
        )
        self.assertIn(
            "Arsip tertata rapi.", self.portal_get(self.archivist_user, "/my/kinerja/feedback").text
        )

    # -- query counts -----------------------------------------------------------------
    def _more_feedback(self, count):
        self.Feedback.create(
            [
                {
                    "giver_id": giver.id,
                    "receiver_id": receiver.id,
                    "period_id": self.january.id,
                    "date": date(2026, 1, 10 + n % 10),
                    "subject": "core_value",
                    "core_value_id": self.core_value.id,
                    "text": f"Umpan balik {n}",
                }
                for n in range(count)
                for giver, receiver in ((self.kasi, self.staff), (self.staff, self.archivist))
            ]
        )

    def test_query_counts_are_fixed(self):
        self._more_feedback(2)
        urls = (
            "/my/kinerja/feedback",
            "/my/kinerja/feedback?filterby=given",
            f"/my/kinerja/feedback/new?receiver_id={self.archivist.id}",
            "/my/kinerja/feedback/new",
            "/my/kinerja/feedback/ask",
        )
        before = {url: self.portal_queries(self.staff_user, url) for url in urls}
        self._more_feedback(8)
        after = {url: self.portal_queries(self.staff_user, url) for url in urls}
        self.assertEqual(after, before)
        self.assertEqual(
            before,
            # +3 each: whether the user leads a unit (the "Units I Lead" tab)
            {
                "/my/kinerja/feedback": 20,
                "/my/kinerja/feedback?filterby=given": 20,
                f"/my/kinerja/feedback/new?receiver_id={self.archivist.id}": 27,
                "/my/kinerja/feedback/new": 16,
                "/my/kinerja/feedback/ask": 15,
            },
        )


@tagged("post_install", "-at_install")
class TestPortalDialog(FollowMixin, KinerjaPortalCase):
    """The minutes of a performance dialogue (000 VI, Lampiran 1): the employee reads
    and acknowledges them; nobody else acknowledges, nobody else's are shown."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dialog = cls._dialog(cls.staff)

    @classmethod
    def _dialog(cls, employee, done=True):
        dialog = (
            cls.env["hr.kinerja.dialog"]
            .with_user(cls.kasi_user)
            .create(
                {
                    "employee_id": employee.id,
                    "period_id": cls.january.id,
                    "date": date(2026, 1, 20),
                    "participant_ids": [Command.set(employee.ids)],
                    "problem_ids": [
                        Command.create(
                            {
                                "name": "SK terlambat",
                                "cause": "Berkas tidak lengkap",
                                "impact": "Keluhan",
                            }
                        )
                    ],
                    "direction_performance": "Periksa kelengkapan berkas di awal.",
                    "plan_ids": [Command.create({"name": "Daftar periksa berkas"})],
                }
            )
        )
        if done:
            dialog.action_done()
        return dialog.with_user(cls.env.user)

    def test_read_and_acknowledge(self):
        listing = self.portal_get(self.staff_user, "/my/kinerja/dialog").text
        self.assertIn(f"/my/kinerja/dialog/{self.dialog.id}", listing)
        self.assertIn("To acknowledge", listing)
        page = self.portal_get(self.staff_user, f"/my/kinerja/dialog/{self.dialog.id}").text
        for text in (
            "SK terlambat",
            "Periksa kelengkapan berkas",
            "Daftar periksa berkas",
            "Jumlah SK mutasi",
        ):
            self.assertIn(text, page)
        response = self.portal_post(
            self.staff_user, f"/my/kinerja/dialog/{self.dialog.id}/acknowledge"
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(self.dialog.acknowledged_date)
        page = self.portal_get(self.staff_user, f"/my/kinerja/dialog/{self.dialog.id}").text
        self.assertIn("Acknowledged on", page)
        self.assertNotIn(f"/my/kinerja/dialog/{self.dialog.id}/acknowledge", page)

    def test_others_cannot_open_or_acknowledge(self):
        self.portal_get(self.archivist_user, f"/my/kinerja/dialog/{self.dialog.id}", expect=404)
        response = self.portal_post(
            self.archivist_user, f"/my/kinerja/dialog/{self.dialog.id}/acknowledge"
        )
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(
            f"/my/kinerja/dialog/{self.dialog.id}",
            self.portal_get(self.archivist_user, "/my/kinerja/dialog").text,
        )
        # the leader reads them, but only the employee acknowledges
        response = self.portal_post(
            self.kasi_user, f"/my/kinerja/dialog/{self.dialog.id}/acknowledge"
        )
        self.assertIn("Only Analis Mutasi acknowledges", self.follow(response))
        self.assertFalse(self.dialog.acknowledged_date)
        self.portal_get(self.staff_user, "/my/kinerja/dialog/999999", expect=404)

    def test_draft_minutes_cannot_be_acknowledged(self):
        draft = self._dialog(self.staff, done=False)
        response = self.portal_post(self.staff_user, f"/my/kinerja/dialog/{draft.id}/acknowledge")
        self.assertFalse(draft.acknowledged_date)
        self.assertIn("once the dialogue is held", self.follow(response))

    def test_query_counts_are_fixed(self):
        urls = ("/my/kinerja/dialog", f"/my/kinerja/dialog/{self.dialog.id}")
        before = {url: self.portal_queries(self.staff_user, url) for url in urls}
        for _n in range(5):
            self._dialog(self.staff)
        after = {url: self.portal_queries(self.staff_user, url) for url in urls}
        self.assertEqual(after, before)
        self.assertEqual(
            before, {"/my/kinerja/dialog": 17, f"/my/kinerja/dialog/{self.dialog.id}": 21}
        )
