from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_pembinaan import NOV_10, NOV_12, PembinaanCase

SESSION = "hr.kinerja.counselling.session"
# What the web client asks of a session form: the names of the records it points at.
SESSION_SPEC = {
    "case_id": {"fields": {"display_name": {}}},
    "employee_id": {"fields": {"display_name": {}}},
    "counsellor_id": {"fields": {"display_name": {}}},
    "company_id": {"fields": {"display_name": {}}},
    "display_name": {},
    "date": {},
    "place": {},
}
PERSONS = ("employee_id", "evaluator_id", "evaluator_superior_id")
GUIDANCE_SPEC = {
    name: {"fields": {"display_name": {}}}
    for name in ("coaching_id", "mentoring_id", "assessor_id", *PERSONS)
} | {"date": {}, "name": {}}
COACHING_SPEC = {name: {"fields": {"display_name": {}}} for name in ("coach_id", *PERSONS)} | {
    "date": {},
    "name": {},
}


@tagged("post_install", "-at_install")
class TestTrustPembinaan(PembinaanCase):
    """Issue 10 for performance development and confidential counselling (003 section
    Pembinaan kinerja 4, Konseling kinerja 5): what read access refuses does not come
    out of an onchange or an error message, and every write the policies do not
    grant is refused - tried as the users, over the same calls the web client makes."""

    REPORT = {
        "problem": "Sering meninggalkan kantor tanpa izin",
        "impact": "Layanan diklat tertunda; rekan menggantikan tugasnya",
        "steps_taken": "Umpan balik langsung dua kali; dibahas dalam dialog kinerja",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(cls.env, "pb_portal", groups="base.group_portal")
        # An HR officer with the technical features: Odoo's own access errors list
        # the names of the records refused to such users.
        cls.officer.groups_id = [Command.link(cls.env.ref("base.group_no_one").id)]
        cls.secrets = ("Analis Diklat", cls.counsellor_user.name)

    # -- helpers ------------------------------------------------------------------
    def _report(self, user=None, **values):
        Report = self.env["hr.kinerja.behaviour.report"].with_user(user or self.kasi_user)
        values = {"employee_id": self.staff.id, "date": NOV_10, **self.REPORT, **values}
        return Report.create(values).with_env(self.env)

    def _assigned_case(self):
        report = self._report()
        report.with_user(self.kasi_user).action_submit()
        case = report.case_id
        as_team = case.with_user(self.counselling_user)
        as_team.write({"counsellor_id": self.counsellor_user.id, "counsellor_type": "independent"})
        as_team.action_assign()
        return report, case

    def _session(self, case, user, **values):
        Session = self.env[SESSION].with_user(user)
        values = {
            "case_id": case.id,
            "date": datetime(2026, 11, 20, 2, 0),
            "place": "Ruang",
            **values,
        }
        return Session.create(values).with_env(self.env)

    def _missing_id(self, model):
        return self.env[model].search([], order="id desc", limit=1).id + 1000

    def assertRevealsNothing(self, caught):
        message = str(caught.exception)
        for secret in self.secrets:
            self.assertNotIn(secret, message)
        return message

    def _signed_mentoring(self):
        mentoring = self._mentoring(
            journal_ids=[Command.create({"date": NOV_10, "activity": "Shadowing"})]
        )
        mentoring.with_user(self.kasi_user).action_sign()
        return mentoring

    # -- finding 4 ----------------------------------------------------------------
    def test_finding_4_counselling_session_onchange_reveals_nobody(self):
        """Finding 4: an onchange on a counselling session with a case_id returned the
        employee and the counsellor of the case (related fields computed as
        superuser) to every user, portal users included; trying ids listed every
        counselled employee. Now whoever cannot read the case gets one refusal, the
        same for a case that does not exist, naming nobody - the employee concerned,
        a colleague, the reporting evaluator, HR officers and managers outside the
        counselling group, a portal user - in every way the client asks (a changed
        case, a new form with a case, a default case)."""
        _report, case = self._assigned_case()
        self._session(case, self.counsellor_user)
        missing = self._missing_id("hr.kinerja.counselling")
        outsiders = (
            self.staff_user,
            self.colleague_user,
            self.kasi_user,
            self.officer,
            self.manager,
            self.portal_user,
        )
        for user in outsiders:
            messages = set()
            for case_id in (case.id, missing):
                for values, names, context in (
                    ({"case_id": case_id}, ["case_id"], {}),
                    ({"case_id": case_id}, [], {}),
                    ({}, [], {"default_case_id": case_id}),
                ):
                    with self.subTest(user=user.login, case=case_id, names=names, ctx=context):
                        Session = self.env[SESSION].with_user(user).with_context(**context)
                        with self.assertRaises(AccessError) as caught:
                            Session.onchange(dict(values), names, SESSION_SPEC)
                        messages.add(self.assertRevealsNothing(caught))
            with self.subTest(user=user.login):
                self.assertEqual(len(messages), 1, "a hidden case and no case answer alike")
        # The counsellor and the counselling group still see whom the session is for.
        for user in (self.counsellor_user, self.counselling_user):
            with self.subTest(user=user.login):
                result = (
                    self.env[SESSION]
                    .with_user(user)
                    .onchange({"case_id": case.id}, ["case_id"], SESSION_SPEC)
                )
                self.assertEqual(result["value"]["employee_id"]["display_name"], "Analis Diklat")
                self.assertEqual(result["value"]["counsellor_id"]["id"], self.counsellor_user.id)

    def test_finding_4_no_other_door_to_a_counselling_case(self):
        """Finding 4, the other calls on the same records: creating a session on a
        case, writing or deleting a session, a case or a behaviour report, submitting
        or printing a report the user cannot read is refused with a message that
        names nobody and is the same for a record that does not exist (a missing one
        was a MissingError, a hidden one an AccessError: trying ids told which
        exist) - also for an HR officer with the technical features."""
        report, case = self._assigned_case()
        session = self._session(case, self.counsellor_user)
        when = datetime(2026, 11, 27, 2, 0)
        attempts = {
            "session create": lambda user, ids: (
                self.env[SESSION]
                .with_user(user)
                .create({"case_id": ids[case._name], "date": when, "place": "Kantin"})
            ),
            "session write": lambda user, ids: (
                self.env[SESSION].with_user(user).browse(ids[SESSION]).write({"notes": "x"})
            ),
            "session unlink": lambda user, ids: (
                self.env[SESSION].with_user(user).browse(ids[SESSION]).unlink()
            ),
            "case write": lambda user, ids: (
                case.with_user(user).browse(ids[case._name]).write({"counsellor_id": user.id})
            ),
            "case unlink": lambda user, ids: case.with_user(user).browse(ids[case._name]).unlink(),
            "report write": lambda user, ids: (
                report.with_user(user).browse(ids[report._name]).write({"problem": "x"})
            ),
            "report unlink": lambda user, ids: (
                report.with_user(user).browse(ids[report._name]).unlink()
            ),
            "report submit": lambda user, ids: (
                report.with_user(user).browse(ids[report._name]).action_submit()
            ),
            "report print": lambda user, ids: (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_pdf("hr_kinerja_asn.report_behaviour_report", [ids[report._name]])
            ),
        }
        real = {SESSION: session.id, case._name: case.id, report._name: report.id}
        missing = {model: self._missing_id(model) for model in real}
        for user in (self.officer, self.colleague_user, self.staff_user):
            for name, attempt in attempts.items():
                with self.subTest(user=user.login, attempt=name):
                    messages = set()
                    for ids in (real, missing):
                        with self.assertRaises(AccessError) as caught:
                            attempt(user, ids)
                        messages.add(self.assertRevealsNothing(caught))
                    self.assertEqual(len(messages), 1, "a hidden record and none answer alike")
        self.assertEqual(case.session_ids, session)
        self.assertFalse(session.notes)
        self.assertEqual(case.counsellor_id, self.counsellor_user)
        self.assertEqual(report.problem, self.REPORT["problem"])

    # -- the other pembinaan holes ------------------------------------------------
    def test_onchange_on_guidance_forms_reveals_nothing(self):
        """The same pattern on the follow-up forms (B.1.8, B.1.9): an onchange with
        the coaching of a colleague returned whom it coached and who coached
        (computed as superuser); a portal user learnt any employee's evaluator from a
        new coaching. Now refused, naming nobody; the coach still gets the values."""
        coaching = self._signed_coaching()
        self.secrets = ("Analis Diklat", "Kepala Seksi")
        feedback_spec = dict(GUIDANCE_SPEC, guide_id={"fields": {"display_name": {}}})
        del feedback_spec["assessor_id"]
        specs = {
            "hr.kinerja.competency.evaluation": GUIDANCE_SPEC,
            "hr.kinerja.guidance.feedback": feedback_spec,
        }
        for model, spec in specs.items():
            for user in (self.colleague_user, self.portal_user):
                with self.subTest(model=model, user=user.login):
                    Model = self.env[model].with_user(user)
                    with self.assertRaises(AccessError) as caught:
                        Model.onchange({"coaching_id": coaching.id}, ["coaching_id"], spec)
                    self.assertRevealsNothing(caught)
        with self.assertRaises(AccessError) as caught:
            self.env["hr.kinerja.coaching"].with_user(self.portal_user).onchange(
                {"employee_id": self.staff.id}, ["employee_id"], COACHING_SPEC
            )
        self.assertNotIn("Kepala Seksi", str(caught.exception))
        result = (
            self.env["hr.kinerja.competency.evaluation"]
            .with_user(self.kasi_user)
            .onchange({"coaching_id": coaching.id}, ["coaching_id"], GUIDANCE_SPEC)
        )
        self.assertEqual(result["value"]["employee_id"]["display_name"], "Analis Diklat")

    def test_employee_cannot_turn_a_goal_into_the_way_forward(self):
        """003 Format B.1.6: the employee fills in the goal and the facts; the way
        forward is the coach's. The employee moved her goal row into the way forward
        (the record rule is checked before the write only), set its "adjust target",
        or moved it into another coaching - directly or through the coaching's
        table. Refused now, nothing changed; she still fills in her rows and the
        coach still moves one."""
        coaching = self._coaching()
        other = self._coaching(date=NOV_12)
        goal = coaching.goal_line_ids
        way_forward = coaching.way_forward_line_ids
        as_staff = goal.with_user(self.staff_user)
        for vals in ({"part": "way_forward"}, {"adjust_target": True}, {"coaching_id": other.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_staff.write(vals)
        with self.assertRaises(AccessError):
            coaching.with_user(self.staff_user).write(
                {
                    "goal_line_ids": [
                        Command.update(goal.id, {"part": "way_forward", "strategy": "Tidak ada"})
                    ]
                }
            )
        with self.assertRaises(AccessError):
            coaching.with_user(self.staff_user).write(
                {"reality_line_ids": [Command.create({"part": "way_forward", "strategy": "X"})]}
            )
        self.assertEqual(
            (goal.part, goal.coaching_id, goal.adjust_target), ("goal", coaching, False)
        )
        self.assertEqual(coaching.way_forward_line_ids, way_forward)
        self.assertEqual(len(other.goal_line_ids), 1)
        as_staff.target = "130"
        self.assertEqual(goal.target, "130")
        goal.with_user(self.kasi_user).part = "reality"
        self.assertEqual(goal.part, "reality")

    def test_computed_values_cannot_be_forged(self):
        """Stored computed and related values were plain writable: the coach wrote
        "targets change" off and signed without the SKP adjustment (003 Pasal 19(4)),
        the employee and the assessor wrote their averages and the employee the coach
        of her feedback, the counsellor rewrote whom a session was with, the
        counselling group and the reporting evaluator retitled a case and a report.
        Refused now; the values stay as computed."""
        coaching = self._coaching()
        coaching.way_forward_line_ids.adjust_target = True
        with self.assertRaises(AccessError):
            coaching.with_user(self.kasi_user).write({"targets_change": False})
        self.assertTrue(coaching.targets_change)
        with self.assertRaisesMsg(UserError, "note the SKP adjustment"):
            coaching.with_user(self.kasi_user).action_sign()
        with self.assertRaises(AccessError):
            coaching.with_user(self.kasi_user).write({"name": "Coaching of Pengelola Diklat"})
        coaching.with_user(self.kasi_user).skp_adjustment_note = "SKP revisi 1"
        coaching.with_user(self.kasi_user).action_sign()

        feedback = (
            self.env["hr.kinerja.guidance.feedback"]
            .with_user(self.staff_user)
            .create({"coaching_id": coaching.id, "date": NOV_12})
            .with_env(self.env)
        )
        for vals in ({"average_score": 4.0}, {"guide_id": self.colleague.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                feedback.with_user(self.staff_user).write(vals)
        self.assertEqual((feedback.average_score, feedback.guide_id), (0.0, self.kasi))

        evaluation = (
            self.env["hr.kinerja.competency.evaluation"]
            .with_user(self.kasi_user)
            .create({"coaching_id": coaching.id, "date": NOV_12})
            .with_env(self.env)
        )
        with self.assertRaises(AccessError):
            evaluation.with_user(self.kasi_user).write({"average_score": 5.0})
        self.assertEqual(evaluation.average_score, 0.0)

        report, case = self._assigned_case()
        session = self._session(case, self.counsellor_user)
        for vals in ({"employee_id": self.colleague.id}, {"counsellor_id": self.kabid_user.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                session.with_user(self.counsellor_user).write(vals)
        self.assertEqual(
            (session.employee_id, session.counsellor_id), (self.staff, case.counsellor_id)
        )
        with self.assertRaises(AccessError):
            case.with_user(self.counselling_user).write({"name": "Counselling of nobody"})
        draft = self._report(date=NOV_12)
        with self.assertRaises(AccessError):
            draft.with_user(self.kasi_user).write({"name": "Behaviour report on nobody"})
        for record in (case, draft, report):
            self.assertIn("Analis Diklat", record.name)

    def test_guidance_forms_stay_with_their_employee_and_guidance(self):
        """A draft form could be moved after it was written: the coach or mentor gave
        it another employee (the employee's own goals then spoke for someone else),
        the assessor and the employee moved B.1.9 and B.1.8 to another guidance, the
        counselling group gave a case (and its reports) another employee, the
        counsellor moved a session to another case. Refused now; the author still
        corrects the date, an HR officer still hands a form to another coach."""
        coaching = self._signed_coaching()
        second = self._coaching(date=NOV_12)
        second.with_user(self.kasi_user).action_sign()
        mentoring = self._mentoring()
        Evaluation = self.env["hr.kinerja.competency.evaluation"].with_user(self.kasi_user)
        evaluation = Evaluation.create({"coaching_id": coaching.id, "date": NOV_12})
        Feedback = self.env["hr.kinerja.guidance.feedback"].with_user(self.staff_user)
        feedback = Feedback.create({"coaching_id": coaching.id, "date": NOV_12})
        draft = self._coaching(date=NOV_12)
        attempts = (
            (draft.with_user(self.kasi_user), {"employee_id": self.colleague.id}),
            (mentoring.with_user(self.kasi_user), {"employee_id": self.colleague.id}),
            (evaluation, {"coaching_id": second.id}),
            (feedback, {"coaching_id": second.id}),
            (draft.with_user(self.officer), {"employee_id": self.colleague.id}),
        )
        for record, vals in attempts:
            with self.subTest(model=record._name, user=record.env.user.login):
                with self.assertRaises(AccessError):
                    record.write(vals)
        self.assertEqual((draft.employee_id, mentoring.employee_id), (self.staff, self.staff))
        self.assertEqual((evaluation.coaching_id, feedback.coaching_id), (coaching, coaching))

        _report, case = self._assigned_case()
        with self.assertRaises(AccessError):
            case.with_user(self.counselling_user).write({"employee_id": self.colleague.id})
        self.assertEqual(case.employee_id, self.staff)
        session = self._session(case, self.counsellor_user)
        other_case = self.env["hr.kinerja.counselling"].create(
            {
                "employee_id": self.colleague.id,
                "counsellor_id": self.counsellor_user.id,
                "state": "assigned",
            }
        )
        with self.assertRaises(AccessError):
            session.with_user(self.counsellor_user).write({"case_id": other_case.id})
        self.assertEqual(session.case_id, case)

        draft.with_user(self.kasi_user).date = NOV_10
        draft.with_user(self.officer).coach_id = self.kabid
        self.assertEqual(draft.coach_id, self.kabid)
        with self.assertRaises(AccessError):
            draft.with_user(self.kabid_user).coach_id = self.colleague

    def test_nobody_appoints_themselves_guide(self):
        """003 section Pembinaan kinerja 4 b: the guide is the leader or "pihak lain
        yang diberikan penugasan khusus". A colleague opened a coaching or mentoring
        of a peer naming themselves coach or mentor, or a competency evaluation
        naming themselves assessor - which the peer's evaluator then reads as the
        assessment of the peer. Refused now, nothing created; the evaluator and the
        evaluator's superior open forms themselves, another party is assigned by an
        HR officer and then writes the form."""
        models = ("hr.kinerja.coaching", "hr.kinerja.mentoring", "hr.kinerja.competency.evaluation")
        before = {model: self.env[model].search_count([]) for model in models}
        attempts = (
            lambda: self._coaching(user=self.colleague_user, coach_id=self.colleague.id),
            lambda: self._mentoring(user=self.colleague_user, mentor_id=self.colleague.id),
            lambda: (
                self.env["hr.kinerja.competency.evaluation"]
                .with_user(self.colleague_user)
                .create(
                    {"employee_id": self.staff.id, "date": NOV_12, "assessor_id": self.colleague.id}
                )
            ),
        )
        for attempt in attempts:
            with self.assertRaisesMsg(AccessError, "only an HR officer assigns another party"):
                attempt()
        self.assertEqual({model: self.env[model].search_count([]) for model in models}, before)
        self.assertEqual(
            self._coaching(user=self.kabid_user, coach_id=self.kabid.id).coach_id, self.kabid
        )
        assigned = self._mentoring(user=self.officer, mentor_id=self.colleague.id)
        assigned.with_user(self.colleague_user).skill = "Analisis kebutuhan diklat teknis"
        self.assertEqual(assigned.skill, "Analisis kebutuhan diklat teknis")

    def test_feedback_keeps_every_statement(self):
        """003 Format B.1.8: the employee answers the nine statements. She deleted the
        ones she did not want to answer (or swapped one for another) and signed a
        form with fewer. Refused now; the nine stay, she answers them and signs."""
        coaching = self._signed_coaching()
        Feedback = self.env["hr.kinerja.guidance.feedback"].with_user(self.staff_user)
        feedback = Feedback.create({"coaching_id": coaching.id, "date": NOV_12})
        lines = feedback.line_ids
        with self.assertRaises(AccessError):
            lines[1:].unlink()
        with self.assertRaises(AccessError):
            feedback.write({"line_ids": [Command.delete(lines[0].id)]})
        extra = self.env["hr.kinerja.guidance.statement"].create({"name": "Pernyataan lain"})
        with self.assertRaises(AccessError):
            lines[0].statement_id = extra
        self.assertEqual(feedback.line_ids, lines)
        self.assertEqual(len(set(feedback.line_ids.mapped("statement_id"))), 9)
        lines.write({"score": 3})
        feedback.action_sign()
        self.assertEqual(feedback.state, "done")

    def test_only_the_counsellor_writes_what_was_said(self):
        """003 section Konseling kinerja 5 c 2 (b)-(c): the counsellor records the
        sessions' notes and the outcome, signed by them. Any member of the
        counselling group rewrote the outcome, the recommendation and a session's
        notes, and a counsellor named on a case not yet assigned wrote its outcome.
        Refused now; the group still schedules, the counsellor still records."""
        report = self._report()
        report.with_user(self.kasi_user).action_submit()
        case = report.case_id
        case.with_user(self.counselling_user).counsellor_id = self.counsellor_user
        with self.assertRaises(AccessError):
            case.with_user(self.counsellor_user).outcome = "Sebelum ditugaskan"
        case.with_user(self.counselling_user).action_assign()
        session = self._session(case, self.counselling_user)
        as_team = case.with_user(self.counselling_user)
        for vals in ({"outcome": "Ditulis tim"}, {"recommendation": "Mutasi"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_team.write(vals)
        for vals in ({"notes": "Ditulis tim"}, {"outcome": "Ditulis tim"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                session.with_user(self.counselling_user).write(vals)
        with self.assertRaises(AccessError):
            self._session(case, self.counselling_user, notes="Catatan tim")
        self.assertFalse(case.outcome or case.recommendation or session.notes or session.outcome)
        session.with_user(self.counselling_user).place = "Ruang konseling"
        session.with_user(self.counsellor_user).notes = "Pegawai terbuka"
        case.with_user(self.counsellor_user).outcome = "Perilaku membaik"
        self.assertEqual((session.place, session.notes), ("Ruang konseling", "Pegawai terbuka"))
        self.assertEqual(case.outcome, "Perilaku membaik")
