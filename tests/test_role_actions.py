from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common_evaluation import KinerjaEvaluationCase
from .common_monitoring import QUANTITY, KinerjaMonitoringCase

LINK = "https://drive.kukarkab.go.id/mutasi/sk-februari.pdf"


class _Undo(Exception):
    """Raised inside a savepoint to undo a click that succeeded."""


class RoleButtonAssertions:
    """A button is shown exactly to whoever can click it without an error."""

    def _click_succeeds(self, record, method):
        try:
            with self.env.cr.savepoint():
                getattr(record, method)()
                record.env.flush_all()
                raise _Undo
        except _Undo:
            return True
        except (AccessError, UserError):
            return False
        finally:
            self.env.invalidate_all()

    def assertButtonFor(self, record, flag, method, users, allowed):
        """The flag is true for the users in ``allowed`` and their click succeeds;
        false for the others and their click raises."""
        for user in users:
            with self.subTest(button=method, user=user.login):
                self.env.invalidate_all()
                shown = record.with_user(user)[flag]
                self.assertEqual(shown, user in allowed, f"{flag} for {user.login}")
                self.assertEqual(
                    self._click_succeeds(record.with_user(user), method),
                    user in allowed,
                    f"{method} by {user.login}",
                )


@tagged("post_install", "-at_install")
class TestRoleButtonsMonitoring(RoleButtonAssertions, KinerjaMonitoringCase):
    """Issue 15: the realisation's and the SKP's buttons, only for who can use them."""

    def _users(self):
        """Who reads the staff member's realisation (a colleague does not see it)."""
        return (self.staff_user, self.kasi_user, self.kabid_user, self.officer)

    def test_realisation_submit_review_send_back(self):
        line = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .create(
                {
                    "iki_id": self.quantity.id,
                    "period_id": self.february.id,
                    "value": 40,
                    "evidence_links": LINK,
                }
            )
        )
        # a draft: the employee (or an HR officer for her) submits it
        self.assertButtonFor(
            line, "can_submit", "action_submit", self._users(), (self.staff_user, self.officer)
        )
        self.assertFalse(line.with_user(self.kasi_user).can_review)
        line.with_user(self.staff_user).action_submit()
        # submitted: the evaluator (or an HR officer) reviews or sends it back; never
        # the employee on her own realisation
        reviewers = (self.kasi_user, self.officer)
        self.assertButtonFor(line, "can_review", "action_review", self._users(), reviewers)
        self.assertButtonFor(line, "can_reopen", "action_reopen", self._users(), reviewers)
        self.assertButtonFor(line, "can_submit", "action_submit", self._users(), ())

    def test_skp_agree_and_set(self):
        skp = self._skp(self.archivist, "Arsip mutasi tertata", (QUANTITY,))
        # who reads the archivist's SKP (a colleague does not see it)
        users = (self.archivist_user, self.kasi_user, self.kabid_user, self.officer)
        # a draft: the employee (or an HR officer for them) agrees it
        self.assertButtonFor(
            skp, "can_agree", "action_agree", users, (self.archivist_user, self.officer)
        )
        self.assertButtonFor(skp, "can_set", "action_set", users, ())
        skp.with_user(self.archivist_user).action_agree()
        # agreed: only who _setting_role() names sets it - the evaluator, and past the
        # deadline also the evaluator's superior
        deadline = skp.date_deadline
        with freeze_time(deadline):
            self.assertButtonFor(skp, "can_set", "action_set", users, (self.kasi_user,))
        with freeze_time(deadline + timedelta(days=1)):
            self.assertButtonFor(
                skp, "can_set", "action_set", users, (self.kasi_user, self.kabid_user)
            )
        self.assertButtonFor(skp, "can_agree", "action_agree", users, ())

    def test_adjust_expectations_wizard_has_a_title(self):
        action = self.staff_skp.with_user(self.staff_user).action_adjust_wizard()
        self.assertEqual(action["name"], "Adjust Expectations")


@tagged("post_install", "-at_install")
class TestRoleButtonsDistribution(RoleButtonAssertions, KinerjaEvaluationCase):
    """Issue 15: Propose Distribution / Confirm for the unit's leader once the unit's
    achievement is set; a message naming who sets it until then; Set Unit
    Achievements only for a leader of a unit with units below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._january_realisations()

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self.seksi_dist = self._of(self.evaluations, self.staff[0]).distribution_id

    def _rate_staff(self):
        for employee in self.staff - self.study:
            self._rate(self._of(self.evaluations, employee), "sesuai", "sesuai")
        study = self._of(self.evaluations, self.study).with_user(self.kasi_user)
        study.write({"ipk": 3.6})
        study.action_done()

    def test_propose_and_confirm_for_the_leader_once_the_achievement_is_set(self):
        # who reads the section's distribution: its leader, its staff, an HR officer
        users = (self.kasi_user, self.staff_users[0], self.officer)
        self._rate_staff()
        dist = self.seksi_dist
        # no achievement yet: nobody sees the buttons; the form and the click say who
        # sets it, and how
        for user in users:
            self.assertFalse(dist.with_user(user).can_confirm)
        note = dist.with_user(self.kasi_user).missing_achievement_note
        self.assertIn("The leader of Bidang Penilaian, Kepala Bidang", note)
        self.assertIn("Set Unit Achievements", note)
        with self.assertRaisesMsg(UserError, "The leader of Bidang Penilaian, Kepala Bidang"):
            dist.with_user(self.kasi_user).action_confirm()

        self._achieve(self.seksi, "baik")
        dist.sudo().with_context(tracking_disable=True).justification = "Target tercapai."
        self.assertFalse(dist.with_user(self.kasi_user).missing_achievement_note)
        self.assertButtonFor(dist, "can_confirm", "action_open_proposal", users, (self.kasi_user,))
        self.assertButtonFor(dist, "can_confirm", "action_confirm", users, (self.kasi_user,))
        dist.with_user(self.kasi_user).action_confirm()
        self.assertButtonFor(dist, "can_reset", "action_reset", users, (self.kasi_user,))
        self.assertButtonFor(dist, "can_confirm", "action_confirm", users, ())

    def test_evaluations_open_on_my_own_and_those_i_rate(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_evaluation_action"
        )
        context = safe_eval(action["context"], {"uid": self.staff_users[0].id})
        self.assertEqual(
            (context.get("search_default_mine"), context.get("search_default_to_rate")), (1, 1)
        )
        arch = self.env["hr.kinerja.evaluation"].get_view(view_type="search")["arch"]
        # one group (no separator between them): either filter, so both show
        between = arch.split('name="mine"')[1].split('name="to_rate"')[0]
        self.assertNotIn("<separator", between)
        Evaluation = self.env["hr.kinerja.evaluation"].with_user(self.staff_users[0])
        mine = Evaluation.search([("employee_id.user_id", "=", self.staff_users[0].id)])
        self.assertEqual(mine.employee_id, self.staff[0])

    def test_a_top_unit_names_an_hr_officer(self):
        Distribution = self.env["hr.kinerja.distribution"]
        ids = Distribution._ensure(self.january, [self.badan.id], {self.badan.id: self.kaban.id})
        top = Distribution.browse(ids[self.badan.id])
        self.assertIn("top unit: an HR officer records", top._missing_achievement_message())

    def test_set_unit_achievements_only_for_a_leader_of_units_below(self):
        Wizard = self.env["hr.kinerja.org.achievement.wizard"]
        for user in (self.kasi_user, self.staff_users[0], self.officer):
            with self.subTest(user.login):
                with self.assertRaisesMsg(UserError, "You lead no unit with units below it"):
                    Wizard.with_user(user).action_open_wizard()
        action = Wizard.with_user(self.kabid_user).action_open_wizard()
        self.assertEqual(action["res_model"], "hr.kinerja.org.achievement.wizard")
        self.assertEqual(action["context"]["default_department_id"], self.bidang.id)
        wizard = (
            Wizard.with_user(self.kabid_user)
            .with_context(**action["context"])
            .create({"period_id": self.january.id})
        )
        self.assertEqual(wizard.line_ids.department_id, self.seksi | self.seksi_2)
        # from a period: the same check, with that period; the period's button shows
        # exactly to whom the check lets through
        for user in (self.kasi_user, self.staff_users[0], self.officer):
            self.assertFalse(self.january.with_user(user).can_set_achievements, user.login)
        self.assertTrue(self.january.with_user(self.kabid_user).can_set_achievements)
        with self.assertRaisesMsg(UserError, "You lead no unit"):
            self.january.with_user(self.kasi_user).action_org_achievement_wizard()
        action = self.january.with_user(self.kabid_user).action_org_achievement_wizard()
        self.assertEqual(action["context"]["default_period_id"], self.january.id)
        # the menu opens the same check
        menu = self.env.ref("hr_kinerja_asn.hr_kinerja_org_achievement_wizard_menu")
        opener = "hr_kinerja_asn.hr_kinerja_org_achievement_wizard_action_open"
        self.assertEqual(menu.action, self.env.ref(opener))


@tagged("post_install", "-at_install")
class TestSensibleDefaults(KinerjaMonitoringCase):
    """Issue 15: the period from the date, the employee among the participants, the
    feedback source from the relationship."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.core_value = cls.env["hr.kinerja.core.value"].search([], limit=1)

    def _feedback(self, user, receiver, **values):
        values = {
            "receiver_id": receiver.id,
            "date": date(2026, 3, 10),
            "subject": "core_value",
            "core_value_id": self.core_value.id,
            "text": "Pelayanan kepada pemohon mutasi ramah dan cepat.",
            **values,
        }
        self.env.invalidate_all()
        return self.env["hr.kinerja.feedback"].with_user(user).create(values)

    def test_feedback_period_from_the_date(self):
        feedback = self._feedback(self.kasi_user, self.staff)
        self.assertEqual(feedback.period_id, self.march)
        self.assertEqual(feedback.period_id.kind, "month")
        feedback = self._feedback(self.kasi_user, self.staff, date=date(2026, 2, 27))
        self.assertEqual(feedback.period_id, self.february)

    def test_feedback_source_from_the_relationship(self):
        cases = (
            (self.kasi_user, self.staff, "leader"),  # the evaluator
            (self.kabid_user, self.staff, "leader"),  # the evaluator's superior
            (self.staff_user, self.kasi, "subordinate"),  # to her evaluator
            (self.colleague_user, self.staff, "peer"),
        )
        for user, receiver, source in cases:
            with self.subTest(user.login):
                self.assertEqual(self._feedback(user, receiver).source, source)

    def test_feedback_source_declared_stays(self):
        feedback = self._feedback(self.kasi_user, self.staff, source="other")
        self.assertEqual(feedback.source, "other")
        feedback = self._feedback(self.colleague_user, self.staff, source="leader")
        self.assertEqual(feedback.source, "leader")

    def test_feedback_form_fills_period_and_source(self):
        form = Form(self.env["hr.kinerja.feedback"].with_user(self.kasi_user))
        form.date = date(2026, 3, 10)
        form.receiver_id = self.staff
        self.assertEqual(form.period_id, self.march)
        self.assertEqual(form.source, "leader")
        form.source = "other"  # declared by the giver after the receiver: kept
        form.subject = "core_value"
        form.core_value_id = self.core_value
        form.text = "Tepat waktu."
        self.assertEqual(form.save().source, "other")

    def test_dialogue_period_and_participant(self):
        dialog = (
            self.env["hr.kinerja.dialog"]
            .with_user(self.kasi_user)
            .create({"employee_id": self.staff.id, "date": date(2026, 3, 12)})
        )
        self.assertEqual(dialog.period_id, self.march)
        self.assertEqual(dialog.participant_ids, self.staff)
        self.assertEqual(dialog.evaluator_id, self.kasi)

    def test_dialogue_form_fills_period_and_participant(self):
        form = Form(self.env["hr.kinerja.dialog"].with_user(self.kasi_user))
        form.employee_id = self.staff
        form.date = date(2026, 2, 20)
        self.assertEqual(form.period_id, self.february)
        self.assertIn(self.staff, form.participant_ids)
        form.participant_ids.add(self.colleague)
        dialog = form.save()
        self.assertEqual(dialog.participant_ids, self.staff | self.colleague)

    def test_dialogue_new_employee_joins_the_participants(self):
        dialog = (
            self.env["hr.kinerja.dialog"]
            .with_user(self.kasi_user)
            .create(
                {
                    "employee_id": self.staff.id,
                    "date": date(2026, 3, 12),
                    "participant_ids": [Command.set(self.colleague.ids)],
                }
            )
        )
        self.assertEqual(dialog.participant_ids, self.staff | self.colleague)
