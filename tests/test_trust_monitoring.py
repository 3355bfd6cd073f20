from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_monitoring import QUANTITY, KinerjaMonitoringCase

LINK = "https://drive.kukarkab.go.id/mutasi/sk-februari.pdf"
SCRIPT = "<img src=x onerror=alert(1)>"
# What the realisation form shows of the indicator chosen (views/hr_kinerja_monitoring_views.xml).
FORM = {
    "iki_id": {"fields": {"display_name": {}}},
    "rhk_id": {"fields": {"display_name": {}}},
    "employee_id": {"fields": {"display_name": {}}},
    "period_id": {"fields": {"display_name": {}}},
    "approach": {},
    "aspect": {},
    "target_value": {},
    "target_unit": {},
    "target_text": {},
    "value": {},
    "achievement_percent": {},
    "suggested_rating": {},
}


@tagged("post_install", "-at_install")
class TestTrustMonitoring(KinerjaMonitoringCase):
    """Issue 10, the records of the year (realisations, action plans, feedback and its
    request, dialogues and their lines): each attack of the issue, over the same calls
    the web client makes, is refused and changes nothing; the right user still can."""

    def _realise(self, iki, user=None, context=None, **values):
        self.env.invalidate_all()  # as in a request of its own: nothing in the cache
        return (
            self.env["hr.kinerja.realisasi"]
            .with_user(user or self.staff_user)
            .with_context(**(context or {}))
            .create({"iki_id": iki.id, "period_id": self.february.id, **values})
        )

    def _plan(self, user=None, **values):
        self.env.invalidate_all()
        return (
            self.env["hr.kinerja.rencana.aksi"]
            .with_user(user or self.staff_user)
            .create(
                {
                    "rhk_id": self.staff_rhk.id,
                    "period_id": self.february.id,
                    "name": "Verifikasi berkas usul mutasi",
                    **values,
                }
            )
        )

    def _dialog(self, user=None, context=None, **values):
        self.env.invalidate_all()
        return (
            self.env["hr.kinerja.dialog"]
            .with_user(user or self.kasi_user)
            .with_context(**(context or {}))
            .create(
                {
                    "employee_id": self.staff.id,
                    "evaluator_id": self.kasi.id,
                    "date": date(2026, 3, 12),
                    "period_id": self.march.id,
                    "participant_ids": [Command.set(self.staff.ids)],
                    **values,
                }
            )
        )

    def _feedback(self, user=None, **values):
        self.env.invalidate_all()
        return (
            self.env["hr.kinerja.feedback"]
            .with_user(user or self.colleague_user)
            .create(
                {
                    "receiver_id": self.staff.id,
                    "period_id": self.march.id,
                    "date": date(2026, 3, 10),
                    "subject": "rhk",
                    "rhk_id": self.staff_rhk.id,
                    "text": "Pelayanan kepada pemohon mutasi ramah dan cepat.",
                    **values,
                }
            )
        )

    # -- 3: stored script in the dialogue minutes ------------------------------------
    def test_finding_3_dialogue_achievement_is_not_stored_script(self):
        """The achievement table of the minutes is the system's snapshot: the leader (or
        an HR officer) cannot write it over RPC, and whatever reaches it is sanitized."""
        dialog = self._dialog()
        before = dialog.achievement_html
        self.assertIn("<td>Jumlah SK mutasi</td>", str(before))
        for user in (self.kasi_user, self.officer):
            with self.subTest(user.login):
                with self.assertRaisesMsg(AccessError, "Achievement at the Dialogue"):
                    dialog.with_user(user).write({"achievement_html": SCRIPT})
                with self.assertRaises(AccessError):
                    dialog.with_user(user).write(
                        {"direction_performance": "Lanjutkan.", "achievement_html": SCRIPT}
                    )
        with self.assertRaises(AccessError):
            self._dialog(achievement_html=SCRIPT, date=date(2026, 3, 13))
        self.env.invalidate_all()
        self.assertEqual(dialog.achievement_html, before)
        self.assertFalse(dialog.direction_performance)
        # Even the server's own writes pass the sanitizer.
        dialog.sudo().write({"achievement_html": f"<p>Capaian</p>{SCRIPT}"})
        self.env.invalidate_all()
        self.assertNotIn("onerror", str(dialog.achievement_html))
        self.assertIn("<p>Capaian</p>", str(dialog.achievement_html))
        # the leader still writes the minutes
        dialog.with_user(self.kasi_user).direction_performance = "Selesaikan SK tepat waktu."
        self.assertEqual(dialog.direction_performance, "Selesaikan SK tepat waktu.")

    # -- 7b: another employee's indicator targets through onchange -------------------
    def test_finding_7b_no_indicator_target_through_onchange(self):
        """The realisation form computes the target, the achievement % and the result plan
        of the indicator chosen: a colleague who cannot read the indicator learns
        nothing of it, whichever way the indicator is sent."""
        Line = self.env["hr.kinerja.realisasi"].with_user(self.colleague_user)
        self.assertFalse(self.quantity.with_user(self.colleague_user).has_access("read"))
        attacks = (
            ("changed", {"iki_id": self.quantity.id, "value": 50}, ["iki_id"], {}),
            ("as initial value", {"iki_id": self.quantity.id, "value": 50}, ["value"], {}),
            ("first call", {"iki_id": self.quantity.id, "value": 50}, [], {}),
            ("as a dict", {"iki_id": {"id": self.quantity.id}, "value": 50}, ["iki_id"], {}),
            ("as a default", {"value": 50}, [], {"default_iki_id": self.quantity.id}),
        )
        for label, values, names, context in attacks:
            with self.subTest(label):
                self.env.invalidate_all()
                with self.assertRaisesMsg(AccessError, "an indicator you cannot read"):
                    Line.with_context(**context).onchange(dict(values), names, FORM)
        # nor through a realisation of their own
        skp = self._set_skp(self.colleague, "Administrasi mutasi", (QUANTITY,))
        mine = self._realise(skp.rhk_ids.indicator_ids, self.colleague_user, value=1)
        self.env.invalidate_all()
        with self.assertRaisesMsg(AccessError, "an indicator you cannot read"):
            mine.with_user(self.colleague_user).onchange(
                {"iki_id": self.quantity.id}, ["iki_id"], FORM
            )
        self.assertEqual(mine.iki_id, skp.rhk_ids.indicator_ids)
        # nor the SKP and the employee of a result plan through an action plan's form
        self.env.invalidate_all()
        with self.assertRaisesMsg(AccessError, "a result plan you cannot read"):
            self._env_b()["hr.kinerja.rencana.aksi"].onchange(
                {"rhk_id": self.staff_rhk.id},
                ["rhk_id"],
                {"rhk_id": {}, "skp_id": {"fields": {"display_name": {}}}, "employee_id": {}},
            )
        # the fields themselves are computed with the user's rights
        for name in ("approach", "aspect", "target_value", "target_unit", "target_text"):
            self.assertFalse(Line._fields[name].compute_sudo, name)
        # the employee sees the target of her own indicator
        self.env.invalidate_all()
        result = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .onchange(
                {
                    "iki_id": self.quantity.id,
                    "period_id": self._period(self.year, "month", 12).id,
                    "value": 50,
                },
                ["iki_id"],
                FORM,
            )
        )
        self.assertEqual(
            (result["value"]["target_value"], result["value"]["target_unit"]), (100, "dokumen")
        )
        self.assertEqual(result["value"]["achievement_percent"], 50.0)

    # -- 8: the employee forges the evaluator's review --------------------------------
    def test_finding_8_employee_cannot_forge_the_review(self):
        """The review is the evaluator's (003 Pasal 16(1)): the employee cannot write it,
        whatever else is sent with it, not even as an HR officer; the state moves by
        the buttons only."""
        line = self._realise(self.quantity, value=90, evidence_links=LINK)
        forged = {
            "state": "submitted",
            "review_note": "Sudah baik, sesuai target.",
            "reviewed_by_id": self.kasi_user.id,
        }
        for values in (
            forged,
            {**forged, "state": "reviewed", "reviewed_date": "2026-03-03 10:00:00"},
            {"review_note": "Sudah baik."},
            {"reviewed_by_id": self.kasi_user.id, "value": 95},
        ):
            with self.subTest(values):
                with self.assertRaisesMsg(AccessError, "Only the evaluator reviews"):
                    line.with_user(self.staff_user).write(values)
        with self.assertRaises(AccessError):
            self._realise(self.time, value=4, state="reviewed", review_note="Baik.")
        forged_defaults = {
            "default_state": "reviewed",
            "default_review_note": "Baik.",
            "default_reviewed_by_id": self.kasi_user.id,
        }
        with self.assertRaises(AccessError):
            self._realise(self.time, context=forged_defaults, value=4)
        self.assertFalse(self.env["hr.kinerja.realisasi"].search([("iki_id", "=", self.time.id)]))
        self.env.invalidate_all()
        self.assertEqual((line.state, line.value), ("draft", 90))
        self.assertFalse(line.review_note or line.reviewed_by_id or line.reviewed_date)

        line.with_user(self.staff_user).action_submit()
        self.assertEqual(line.state, "submitted")
        # an employee who is also an HR officer does not review her own realisation
        self.staff_user.groups_id = [
            Command.link(self.env.ref("hr_kinerja_asn.group_kinerja_officer").id)
        ]
        with self.assertRaisesMsg(AccessError, "Only the evaluator reviews"):
            line.with_user(self.staff_user).write({"review_note": "Baik."})
        with self.assertRaisesMsg(AccessError, "Only the evaluator reviews"):
            line.with_user(self.staff_user).action_review()
        # the evaluator moves the state by the buttons, not by writing it
        with self.assertRaises(AccessError):
            line.with_user(self.kasi_user).write({"state": "reviewed"})
        with self.assertRaises(AccessError):
            line.with_user(self.kasi_user).write({"reviewed_by_id": self.kabid_user.id})
        self.assertEqual((line.state, line.reviewed_by_id.id), ("submitted", False))
        line.with_user(self.kasi_user).write({"review_note": "Lengkap, lanjutkan."})
        line.with_user(self.kasi_user).action_review()
        self.assertEqual((line.state, line.reviewed_by_id), ("reviewed", self.kasi_user))
        self.assertEqual(line.review_note, "Lengkap, lanjutkan.")

    # -- 11: the feedback request in someone else's name -------------------------------
    def test_finding_11_feedback_is_requested_about_oneself(self):
        """003 Pasal 17(2): an employee asks colleagues for feedback about herself; she
        cannot send to-dos "Feedback requested by" her head of division."""
        Wizard = self.env["hr.kinerja.feedback.request.wizard"].with_user(self.staff_user)
        asked = {"colleague_ids": [Command.set(self.colleague.ids)], "topic": "Layanan"}
        with self.assertRaisesMsg(AccessError, "You cannot set About"):
            Wizard.create({**asked, "employee_id": self.kabid.id}).action_request()
        wizard = Wizard.create(asked)
        with self.assertRaisesMsg(AccessError, "You cannot set About"):
            wizard.write({"employee_id": self.kabid.id})
        self.assertEqual(wizard.employee_id, self.staff)
        # a default sent in the context is a value sent: refused the same way
        with self.assertRaisesMsg(AccessError, "You cannot set About"):
            Wizard.with_context(default_employee_id=self.kabid.id).create(asked)
        # sending one's own employee is harmless
        self.assertEqual(
            Wizard.create({**asked, "employee_id": self.staff.id}).employee_id, self.staff
        )
        give = self.env.ref("hr_kinerja_asn.mail_activity_type_feedback_request")
        Activity = self.env["mail.activity"]
        self.assertFalse(Activity.search([("activity_type_id", "=", give.id)]))
        wizard.action_request()
        activity = Activity.search([("activity_type_id", "=", give.id)])
        self.assertEqual((activity.res_id, activity.user_id), (self.staff.id, self.colleague_user))
        self.assertEqual(activity.summary, "Feedback requested by Analis Mutasi")

    # -- 12: missing checks -------------------------------------------------------------
    def test_finding_12_blank_feedback_and_action_names(self):
        """Whitespace is not feedback, nor an action of a plan: refused with the field's
        name, on create and on write."""
        blank = "  \n\t "
        with self.assertRaisesMsg(ValidationError, "Feedback cannot be left blank"):
            self._feedback(text=blank)
        with self.assertRaisesMsg(ValidationError, "Action cannot be left blank"):
            self._plan(name=blank)
        dialog = self._dialog()
        Plan = self.env["hr.kinerja.dialog.plan"].with_user(self.kasi_user)
        with self.assertRaisesMsg(ValidationError, "Action cannot be left blank"):
            Plan.create({"dialog_id": dialog.id, "name": blank})
        Problem = self.env["hr.kinerja.dialog.problem"].with_user(self.kasi_user)
        with self.assertRaisesMsg(ValidationError, "Problem cannot be left blank"):
            Problem.create({"dialog_id": dialog.id, "name": blank})
        feedback = self._feedback()
        plan = self._plan()
        with self.assertRaisesMsg(ValidationError, "cannot be left blank"):
            feedback.with_user(self.colleague_user).text = blank
        with self.assertRaisesMsg(ValidationError, "cannot be left blank"):
            plan.with_user(self.staff_user).name = blank
        self.assertEqual(feedback.text, "Pelayanan kepada pemohon mutasi ramah dan cepat.")
        self.assertEqual(plan.name, "Verifikasi berkas usul mutasi")
        self.assertFalse(dialog.plan_ids or dialog.problem_ids)

    def test_finding_12_plans_due_within_their_year(self):
        """An action plan of February 2026 is not due in 2029, nor before its period; an
        improvement agreed in a dialogue is due after it, within a year."""
        with self.assertRaisesMsg(ValidationError, "is due between 2026-02-01 and the end"):
            self._plan(date_due=date(2029, 2, 20))
        with self.assertRaisesMsg(ValidationError, "not on 2026-01-15"):
            self._plan(date_due=date(2026, 1, 15))
        plan = self._plan(date_due=date(2026, 2, 20))
        with self.assertRaisesMsg(ValidationError, "(2026-12-31)"):
            plan.with_user(self.staff_user).date_due = date(2027, 1, 4)
        self.assertEqual(plan.date_due, date(2026, 2, 20))
        plan.with_user(self.staff_user).date_due = date(2026, 12, 31)

        dialog = self._dialog()
        Plan = self.env["hr.kinerja.dialog.plan"].with_user(self.kasi_user)
        for due in (date(2030, 1, 1), date(2027, 3, 13), date(2026, 3, 11)):
            with self.subTest(due=due), self.assertRaisesMsg(ValidationError, "is due between"):
                Plan.create(
                    {"dialog_id": dialog.id, "name": "Umumkan persyaratan", "date_due": due}
                )
        self.assertFalse(dialog.plan_ids)
        agreed = Plan.create(
            {"dialog_id": dialog.id, "name": "Umumkan persyaratan", "date_due": date(2026, 3, 31)}
        )
        self.assertEqual(dialog.plan_ids, agreed)

    def test_finding_12_evidence_links_scheme_is_case_insensitive(self):
        """RFC 3986 3.1: a scheme is case-insensitive - HTTPS:// is a web address."""
        links = "HTTPS://DRIVE.KUKARKAB.GO.ID/mutasi/sk.pdf\nHttp://simpeg.kukarkab.go.id/1"
        line = self._realise(self.quantity, value=1, evidence_links=links)
        self.assertEqual(line.evidence_links, links)
        with self.assertRaisesMsg(ValidationError, "starting with http:// or https://"):
            line.with_user(self.staff_user).evidence_links = "HTTPS//drive.kukarkab.go.id"
        line.with_user(self.staff_user).action_submit()
        self.assertEqual(line.state, "submitted")

    def test_finding_12_free_text_has_a_size(self):
        """Free text has a bound (char 1,000, text 20,000): refused with the field's name
        and the size, nothing written."""
        long_text = "x" * 20_001
        with self.assertRaisesMsg(ValidationError, "Feedback holds at most 20000 characters"):
            self._feedback(text=long_text)
        with self.assertRaisesMsg(ValidationError, "Action holds at most 20000"):
            self._plan(name=long_text)
        line = self._realise(self.quantity, value=1)
        for name in ("evidence_links", "note", "value_text"):
            with self.subTest(name), self.assertRaisesMsg(ValidationError, "at most 20000"):
                line.with_user(self.staff_user).write({name: long_text})
        dialog = self._dialog()
        with self.assertRaisesMsg(ValidationError, "at most 20000"):
            dialog.with_user(self.kasi_user).direction_obstacles = long_text
        Wizard = self.env["hr.kinerja.feedback.request.wizard"].with_user(self.staff_user)
        with self.assertRaisesMsg(ValidationError, "Topic holds at most 1000"):
            Wizard.create({"colleague_ids": [Command.set(self.colleague.ids)], "topic": "y" * 1001})
        self.env.invalidate_all()
        self.assertFalse(line.evidence_links or line.note or line.value_text)
        self.assertFalse(dialog.direction_obstacles)
        # what fits is kept
        line.with_user(self.staff_user).note = "z" * 20_000
        self.assertEqual(len(line.note), 20_000)

    def test_finding_13_malformed_values_on_real_forms(self):
        """Text in a number, NaN, 1e308, 30 February on the employee's own forms: a
        message naming the field, nothing half-written (issue 10, finding 13)."""
        line = self._realise(self.quantity, value=7)
        as_staff = line.with_user(self.staff_user)
        for value in ("tujuh", float("nan"), 1e308, float("inf")):
            with self.subTest(value=value), self.assertRaisesMsg(ValidationError, "Realisation"):
                as_staff.write({"value": value})
        with self.assertRaisesMsg(ValidationError, "Date"):
            self._feedback(date="2026-02-30")
        with self.assertRaisesMsg(ValidationError, "Due"):
            self._plan(date_due="2026-02-30")
        self.env.invalidate_all()
        self.assertEqual(line.value, 7)

    # -- the mechanism: what the context chooses is checked like what the values do ----
    def test_context_defaults_are_checked_like_values(self):
        """A ``default_<field>`` in the context is the client's choice too: it cannot set
        what the policy refuses (a state, a review), and still sets what it allows."""
        Line = self.env["hr.kinerja.realisasi"].with_user(self.staff_user)
        with self.assertRaises(AccessError):
            Line.with_context(default_state="reviewed").create(
                {"iki_id": self.time.id, "period_id": self.february.id, "value": 4}
            )
        line = Line.with_context(default_iki_id=self.time.id, default_value=4).create(
            {"period_id": self.february.id}
        )
        self.assertEqual((line.iki_id, line.value, line.state), (self.time, 4, "draft"))
        with self.assertRaises(AccessError):
            self._dialog(context={"default_state": "done"})
        dialog = self._dialog(context={"default_kind": "incidental"})
        self.assertEqual((dialog.state, dialog.kind), ("draft", "incidental"))
