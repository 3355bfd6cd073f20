from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_pembinaan import NOV_10, NOV_12, PembinaanCase


@tagged("post_install", "-at_install")
class TestCoaching(PembinaanCase):
    """Coaching (003 Format B.1.6; 003 section Pembinaan kinerja 4)."""

    def test_coach_defaults_to_evaluator(self):
        """003 section Pembinaan kinerja 4 b: guidance is given by the leader - by
        default the employee's evaluator; the evaluator and their superior on the date
        are recorded, and the record belongs to the period of its date."""
        coaching = self._coaching()
        self.assertEqual(coaching.coach_id, self.kasi)
        self.assertEqual(coaching.evaluator_id, self.kasi)
        self.assertEqual(coaching.evaluator_superior_id, self.kabid)
        self.assertEqual(coaching.period_id, self.november)
        self.assertEqual(coaching.company_id, self.env.company)
        self.assertEqual(coaching.state, "draft")

    def test_other_assigned_coach(self):
        """003 section Pembinaan kinerja 4 b: "pihak lain yang diberikan penugasan
        khusus" - an HR officer assigns another coach; that coach then writes the form,
        the evaluator still reads it."""
        coaching = self._coaching(user=self.officer, coach_id=self.kabid.id)
        self.assertEqual(coaching.coach_id, self.kabid)
        self.assertEqual(coaching.evaluator_id, self.kasi)
        coaching.with_user(self.kabid_user).options = "Belajar dari seksi lain"
        self.assertTrue(coaching.with_user(self.kasi_user).read(["name"]))
        with self.assertRaisesMsg(AccessError, "Only the coach"):
            coaching.with_user(self.kasi_user).write({"skp_adjustment_note": "x"})

    def test_only_the_coach_or_an_officer_records_it(self):
        """003 section Pembinaan kinerja 4 e f: the coach fills in and signs the form;
        the employee does not open a coaching of themselves, nor a colleague one."""
        for user in (self.staff_user, self.colleague_user):
            with self.subTest(user=user.login):
                with self.assertRaisesMsg(AccessError, "Only the coach"):
                    self._coaching(user=user, coach_id=self.kasi.id)

    def test_nobody_coaches_themselves(self):
        """003 section Pembinaan kinerja 4 e: coaching is between a coach and the employee
        (coachee)."""
        with self.assertRaisesMsg(ValidationError, "cannot coach themselves"):
            self._coaching(user=self.officer, coach_id=self.staff.id)

    def test_evaluator_is_recorded_not_chosen(self):
        """003 section Pembinaan kinerja 4 i: the records are reported to the
        evaluator of the organisation - who cannot be typed in to widen access."""
        coaching = self._coaching()
        for user in (self.kasi_user, self.staff_user):
            with self.subTest(user=user.login):
                with self.assertRaisesMsg(AccessError, "recorded from the organisation"):
                    coaching.with_user(user).write({"evaluator_id": self.colleague.id})
        with self.assertRaisesMsg(AccessError, "recorded from the organisation"):
            self._coaching(evaluator_superior_id=self.colleague.id)

    def test_no_period_for_the_date(self):
        """001 item 7: every guidance record belongs to a period of an open year."""
        with self.assertRaisesMsg(ValidationError, "No performance period"):
            self._coaching(date=date(2031, 3, 1))

    def test_employee_fills_in_goal_facts_options(self):
        """003 Format B.1.6: goal, facts and options are "diisi oleh pegawai"; the way
        forward is the coach's recommendation agreed with the employee."""
        coaching = self._coaching()
        as_staff = coaching.with_user(self.staff_user)
        as_staff.write(
            {
                "options": "Bertanya ke penyelenggara diklat lain",
                "reality_line_ids": [
                    Command.create(
                        {
                            "part": "reality",
                            "skp_target": "120 peserta",
                            "progress": "70 peserta",
                            "problem": "Undangan terlambat",
                            "cause": "Anggaran baru cair",
                        }
                    )
                ],
            }
        )
        self.assertEqual(len(coaching.reality_line_ids), 1)
        as_staff.goal_line_ids.target = "130"
        with self.assertRaisesMsg(AccessError, "you fill in only your own parts"):
            as_staff.write({"coach_id": self.kabid.id})
        with self.assertRaises(AccessError):
            as_staff.way_forward_line_ids.write({"strategy": "Tidak perlu apa-apa"})
        with self.assertRaises(AccessError):
            as_staff.write(
                {
                    "way_forward_line_ids": [
                        Command.create({"part": "way_forward", "strategy": "Lain"})
                    ]
                }
            )

    def test_signing_needs_goal_and_way_forward(self):
        """003 Format B.1.6: the form is signed with its goal and its way forward."""
        coaching = self._coaching(goal_line_ids=[])
        with self.assertRaisesMsg(UserError, "has no goal"):
            coaching.with_user(self.kasi_user).action_sign()
        coaching = self._coaching(way_forward_line_ids=[])
        with self.assertRaisesMsg(UserError, "has no way forward"):
            coaching.with_user(self.kasi_user).action_sign()

    def test_targets_change_needs_the_skp_adjustment_note(self):
        """003 Format B.1.6 footnote and Pasal 19(4): adjusted targets mean an SKP
        adjustment, noted on the form."""
        coaching = self._coaching()
        coaching.way_forward_line_ids.adjust_target = True
        self.assertTrue(coaching.targets_change)
        with self.assertRaisesMsg(UserError, "note the SKP adjustment"):
            coaching.with_user(self.kasi_user).action_sign()
        coaching.skp_adjustment_note = "SKP revisi 1: target peserta 100"
        coaching.with_user(self.kasi_user).action_sign()
        self.assertEqual(coaching.state, "done")
        self.assertEqual(coaching.signed_by_id, self.kasi_user)

    def test_signed_coaching_is_frozen(self):
        """003 section Pembinaan kinerja 4 f: a signed form stays as signed; only its coach sends it
        back to draft."""
        coaching = self._signed_coaching()
        with self.assertRaisesMsg(UserError, "is signed: it cannot be changed"):
            coaching.with_user(self.kasi_user).options = "Diubah"
        with self.assertRaisesMsg(UserError, "is signed: its lines cannot be changed"):
            coaching.goal_line_ids.with_user(self.kasi_user).target = "1"
        with self.assertRaisesMsg(UserError, "Use the Sign and Back to Draft buttons"):
            coaching.with_user(self.kasi_user).write({"state": "draft"})
        with self.assertRaisesMsg(AccessError, "Only the coach"):
            coaching.with_user(self.staff_user).action_reset_draft()
        with self.assertRaisesMsg(UserError, "stays on file"):
            coaching.with_user(self.kasi_user).unlink()
        coaching.with_user(self.kasi_user).action_reset_draft()
        coaching.with_user(self.kasi_user).options = "Dikoreksi"
        self.assertEqual(coaching.state, "draft")

    def test_locked_period_refuses_changes(self):
        """001 item 7: once its period is locked, nothing of a coaching changes and no
        coaching is added to it, until an HR officer reopens the period."""
        coaching = self._coaching()
        self.november.action_lock()
        with self.assertRaisesMsg(UserError, "November 2026 is locked"):
            coaching.with_user(self.kasi_user).options = "Terlambat"
        with self.assertRaisesMsg(UserError, "November 2026 is locked"):
            coaching.goal_line_ids.with_user(self.kasi_user).target = "1"
        with self.assertRaisesMsg(UserError, "November 2026 is locked"):
            coaching.with_user(self.kasi_user).action_sign()
        with self.assertRaisesMsg(UserError, "is locked: nothing in it can be changed"):
            self._coaching()
        with self.assertRaisesMsg(UserError, "is locked: nothing in it can be changed"):
            self._coaching(user=self.officer)

    def test_moving_the_date_moves_the_period(self):
        """001 item 7: the record follows the period of its date."""
        coaching = self._coaching()
        coaching.with_user(self.kasi_user).date = date(2026, 12, 2)
        self.assertEqual(coaching.period_id, self._period(self.year, "month", 12))


@tagged("post_install", "-at_install")
class TestMentoring(PembinaanCase):
    """Mentoring (003 Format B.1.7) with its journal."""

    def test_mentor_keeps_the_journal(self):
        """003 Format B.1.7 "jurnal mentoring": time and place, material, action plan, its target
        date."""
        mentoring = self._mentoring()
        self.assertEqual(mentoring.mentor_id, self.kasi)
        as_mentor = mentoring.with_user(self.kasi_user)
        with self.assertRaisesMsg(UserError, "has no journal entry"):
            as_mentor.action_sign()
        as_mentor.write(
            {
                "journal_ids": [
                    Command.create(
                        {
                            "date": NOV_10,
                            "place": "Ruang rapat",
                            "activity": "Mengamati penyusunan kurikulum",
                            "follow_up": "Menyusun draf kurikulum",
                            "follow_up_date": NOV_12,
                        }
                    ),
                    Command.create({"date": NOV_12, "activity": "Telaah draf kurikulum"}),
                ]
            }
        )
        self.assertEqual(len(mentoring.journal_ids), 2)
        as_mentor.action_sign()
        self.assertEqual(mentoring.state, "done")
        with self.assertRaisesMsg(UserError, "is signed: its lines cannot be changed"):
            mentoring.journal_ids[0].with_user(self.kasi_user).result = "x"

    def test_employee_sets_the_goal_not_the_journal(self):
        """003 Format B.1.7: the goal part is "diisi oleh pegawai"."""
        mentoring = self._mentoring(goal=False)
        as_staff = mentoring.with_user(self.staff_user)
        as_staff.write({"goal": "Mampu menyusun kurikulum", "duration": "Dua bulan"})
        self.assertEqual(mentoring.duration, "Dua bulan")
        with self.assertRaises(AccessError):
            as_staff.write({"journal_ids": [Command.create({"activity": "Saya sendiri"})]})
        with self.assertRaisesMsg(AccessError, "Only the mentor"):
            as_staff.action_sign()

    def test_signing_needs_goal_and_skill(self):
        """003 section Pembinaan kinerja 4, Mentoring 3 (a): the goal and the skill come first."""
        mentoring = self._mentoring(skill=False)
        with self.assertRaisesMsg(UserError, "needs the goal and the skill"):
            mentoring.with_user(self.kasi_user).action_sign()


@tagged("post_install", "-at_install")
class TestGuidanceFeedback(PembinaanCase):
    """The employee's feedback on the guidance received (003 Format B.1.8)."""

    def _feedback(self, guidance, user=None, **values):
        field = "coaching_id" if guidance._name == "hr.kinerja.coaching" else "mentoring_id"
        Feedback = self.env["hr.kinerja.guidance.feedback"].with_user(user or self.staff_user)
        return Feedback.create({field: guidance.id, "date": NOV_12, **values}).with_env(self.env)

    def test_nine_statements(self):
        """003 Format B.1.8: nine statements - three about the employee, three about
        the leader or assigned party, three about both."""
        statements = self.env["hr.kinerja.guidance.statement"].search([])
        self.assertEqual(len(statements), 9)
        self.assertEqual(
            statements.mapped("subject"), ["employee"] * 3 + ["guide"] * 3 + ["both"] * 3
        )

    def test_feedback_follows_signed_guidance(self):
        """003 section Pembinaan kinerja 4 g: the employee fills in the form after the
        guidance."""
        coaching = self._coaching()
        with self.assertRaisesMsg(UserError, "is not signed yet"):
            self._feedback(coaching)
        coaching.with_user(self.kasi_user).action_sign()
        feedback = self._feedback(coaching)
        self.assertEqual(feedback.employee_id, self.staff)
        self.assertEqual(feedback.guide_id, self.kasi)
        self.assertEqual(len(feedback.line_ids), 9)
        self.assertEqual(feedback.evaluator_superior_id, self.kabid)

    def test_employee_answers_on_the_scale_and_signs(self):
        """003 Format B.1.8: each statement answered on the four-point scale, then signed."""
        feedback = self._feedback(self._signed_coaching())
        as_staff = feedback.with_user(self.staff_user)
        with self.assertRaisesMsg(UserError, "Answer every statement"):
            as_staff.action_sign()
        for score in (-1, 5):
            with self.subTest(score=score):
                with self.assertRaisesMsg(ValidationError, "answer from 1 (strongly disagree)"):
                    as_staff.line_ids[0].score = score
        as_staff.line_ids.write({"score": 3})
        as_staff.line_ids[0].level = "4"
        self.assertEqual(feedback.line_ids[0].score, 4)
        self.assertAlmostEqual(feedback.average_score, 28 / 9, places=2)
        as_staff.action_sign()
        self.assertEqual(feedback.state, "done")

    def test_only_the_employee_writes_it(self):
        """The feedback is the employee's: the coach reads it, does not write it; a
        colleague does not even read it."""
        feedback = self._feedback(self._signed_coaching())
        self.assertTrue(feedback.with_user(self.kasi_user).read(["average_score"]))
        self.assertTrue(feedback.with_user(self.kabid_user).read(["average_score"]))
        with self.assertRaises(AccessError):
            feedback.line_ids[0].with_user(self.kasi_user).score = 1
        with self.assertRaisesMsg(AccessError, "Only the employee"):
            feedback.with_user(self.kasi_user).action_sign()
        with self.assertRaises(AccessError):
            feedback.with_user(self.colleague_user).read(["average_score"])
        with self.assertRaisesMsg(AccessError, "Only the employee"):
            self._feedback(self._signed_coaching(), user=self.kasi_user)

    def test_one_feedback_on_one_guidance(self):
        """003 Format B.1.8: one form per guidance, on one coaching or one mentoring."""
        coaching = self._signed_coaching()
        self._feedback(coaching)
        with self.assertRaisesMsg(ValidationError, "has already given feedback"):
            self._feedback(coaching)
        with self.assertRaisesMsg(ValidationError, "choose one"):
            self.env["hr.kinerja.guidance.feedback"].create(
                {"employee_id": self.staff.id, "date": NOV_12}
            )

    def test_feedback_on_mentoring(self):
        """003 section Pembinaan kinerja 4 g: feedback follows a mentoring too."""
        mentoring = self._mentoring(
            journal_ids=[Command.create({"date": NOV_10, "activity": "Shadowing"})]
        )
        mentoring.with_user(self.kasi_user).action_sign()
        feedback = self._feedback(mentoring)
        self.assertEqual(feedback.guide_id, self.kasi)
        self.assertEqual(mentoring.feedback_ids, feedback)


@tagged("post_install", "-at_install")
class TestCompetencyEvaluation(PembinaanCase):
    """Competency evaluation after guidance (003 Format B.1.9)."""

    def _evaluation(self, user=None, **values):
        Evaluation = self.env["hr.kinerja.competency.evaluation"].with_user(user or self.kasi_user)
        return Evaluation.create({"employee_id": self.staff.id, "date": NOV_12, **values})

    def test_form_competencies(self):
        """003 Format B.1.9: seven managerial competencies and one socio-cultural,
        technical ones added per position; the assessor is the coach."""
        coaching = self._signed_coaching()
        evaluation = self._evaluation(coaching_id=coaching.id)
        self.assertEqual(evaluation.assessor_id, self.kasi)
        lines = evaluation.line_ids
        self.assertEqual(lines.mapped("kind").count("managerial"), 7)
        self.assertEqual(lines.mapped("kind").count("socio_cultural"), 1)
        self.assertEqual(lines[0].name, "Integrity")
        evaluation.write(
            {"line_ids": [Command.create({"name": "Penyusunan kurikulum", "score": 3})]}
        )
        self.assertEqual(evaluation.line_ids[-1].kind, "technical")

    def test_scores_in_range(self):
        """003 Format B.1.9: "skala 1-5" with the level descriptions of the form."""
        evaluation = self._evaluation()
        line = evaluation.line_ids[0]
        for score in (6, -2):
            with self.subTest(score=score):
                with self.assertRaisesMsg(ValidationError, "scored from 1 (very poor) to 5"):
                    line.score = score
        line.level = "5"
        self.assertEqual(line.score, 5)
        self.assertIn("1 Very poor: far below the competency standard", line._fields["score"].help)

    def test_signing_needs_every_score(self):
        """003 Format B.1.9: every competency of the form is scored before signing."""
        evaluation = self._evaluation()
        with self.assertRaisesMsg(UserError, "Integrity, Cooperation"):
            evaluation.action_sign()
        evaluation.line_ids.write({"score": 3})
        evaluation.line_ids.filtered(lambda line: line.competency == "komunikasi").unlink()
        with self.assertRaisesMsg(UserError, "still open: Communication"):
            evaluation.action_sign()
        evaluation.write({"line_ids": [Command.create({"competency": "komunikasi", "score": 4})]})
        evaluation.action_sign()
        self.assertEqual(evaluation.state, "done")
        self.assertAlmostEqual(evaluation.average_score, 25 / 8, places=2)

    def test_after_the_guidance_only(self):
        """003 section Pembinaan kinerja 4 h: the evaluation follows the guidance."""
        coaching = self._coaching()
        with self.assertRaisesMsg(UserError, "competencies are evaluated after the guidance"):
            self._evaluation(coaching_id=coaching.id)

    def test_employee_reads_but_does_not_score(self):
        """003 section Pembinaan kinerja 4 h: the leader or the assigned party evaluates, not the
        employee."""
        evaluation = self._evaluation().with_env(self.env)
        self.assertTrue(evaluation.with_user(self.staff_user).read(["average_score"]))
        with self.assertRaises(AccessError):
            evaluation.line_ids[0].with_user(self.staff_user).score = 5
        with self.assertRaisesMsg(AccessError, "Only the assessor"):
            evaluation.with_user(self.staff_user).action_sign()
        with self.assertRaisesMsg(ValidationError, "cannot evaluate their own competencies"):
            self._evaluation(user=self.officer, assessor_id=self.staff.id)


@tagged("post_install", "-at_install")
class TestPembinaanAccess(PembinaanCase):
    """Who reads coaching, mentoring and their follow-up forms: the employee, the
    coach or mentor, the evaluator and the evaluator's superior (003 section
    Pembinaan kinerja 4 g, i, j), HR officers of the agency - no colleague."""

    def test_peer_cannot_read(self):
        """DOMAIN section 1: colleagues read nothing of a coaching or mentoring."""
        coaching = self._coaching()
        mentoring = self._mentoring()
        for record in (coaching, mentoring):
            with self.subTest(model=record._name):
                Model = self.env[record._name].with_user(self.colleague_user)
                self.assertFalse(Model.search([("id", "=", record.id)]))
                with self.assertRaises(AccessError):
                    record.with_user(self.colleague_user).read(["name"])
        lines = coaching.goal_line_ids | coaching.way_forward_line_ids
        self.assertFalse(
            self.env["hr.kinerja.coaching.line"]
            .with_user(self.colleague_user)
            .search([("id", "in", lines.ids)])
        )

    def test_peer_cannot_read_the_lines_of_any_form(self):
        """DOMAIN section 1: the lines of the forms - mentoring journal (B.1.7), answers
        on the guidance (B.1.8), competency scores (B.1.9) - follow their form: a
        colleague reads none of them."""
        mentoring = self._mentoring()
        mentoring.with_user(self.kasi_user).write(
            {"journal_ids": [Command.create({"date": NOV_10, "activity": "Materi SIASN"})]}
        )
        coaching = self._signed_coaching()
        feedback = (
            self.env["hr.kinerja.guidance.feedback"]
            .with_user(self.staff_user)
            .create({"coaching_id": coaching.id, "date": NOV_12})
        )
        evaluation = (
            self.env["hr.kinerja.competency.evaluation"]
            .with_user(self.kasi_user)
            .create({"employee_id": self.staff.id, "date": NOV_12, "coaching_id": coaching.id})
        )
        for lines in (mentoring.journal_ids, feedback.line_ids, evaluation.line_ids):
            with self.subTest(model=lines._name):
                self.assertTrue(lines)
                Lines = self.env[lines._name].with_user(self.colleague_user)
                self.assertFalse(Lines.search([("id", "in", lines.ids)]))
                with self.assertRaises(AccessError):
                    lines.with_user(self.colleague_user).read(["id"])

    def test_who_reads(self):
        """003 section Pembinaan kinerja 4 i-j: employee, coach, evaluator, superior, HR officer."""
        coaching = self._coaching()
        for user in (self.staff_user, self.kasi_user, self.kabid_user, self.officer):
            with self.subTest(user=user.login):
                found = self.env["hr.kinerja.coaching"].with_user(user).search([])
                self.assertIn(coaching, found)
                self.assertEqual(len(coaching.with_user(user).goal_line_ids), 1)

    def test_superior_reads_but_does_not_write(self):
        """003 section Pembinaan kinerja 4 j: the superior receives the report, does not write
        it."""
        coaching = self._coaching()
        with self.assertRaisesMsg(AccessError, "Only the coach"):
            coaching.with_user(self.kabid_user).options = "Dari atasan"

    def test_officer_of_another_agency_sees_none(self):
        """DOMAIN section 1: multi-company - an agency sees only its own forms."""
        coaching = self._coaching()
        env = self.env(
            user=self.officer_b,
            context=dict(self.env.context, allowed_company_ids=self.company_b.ids),
        )
        self.assertFalse(env["hr.kinerja.coaching"].search([("id", "=", coaching.id)]))


@tagged("post_install", "-at_install")
class TestPembinaanForms(PembinaanCase):
    """The forms as each person fills them in (003 Formats B.1.6, B.1.8, B.1.9)."""

    def test_coach_fills_in_a_coaching(self):
        """003 Format B.1.6 as the coach fills it in; coach and employee follow it."""
        with Form(self.env["hr.kinerja.coaching"].with_user(self.kasi_user)) as form:
            form.employee_id = self.staff
            form.date = NOV_10
            self.assertEqual(form.coach_id, self.kasi)
            with form.goal_line_ids.new() as line:
                line.indicator = "Jumlah peserta diklat"
                line.target = "120"
            with form.way_forward_line_ids.new() as line:
                line.strategy = "Undangan dikirim lebih awal"
                line.adjust_target = True
            self.assertTrue(form.targets_change)
            form.skp_adjustment_note = "SKP revisi 1"
        coaching = form.record
        self.assertEqual(coaching.goal_line_ids.part, "goal")
        self.assertEqual(coaching.way_forward_line_ids.part, "way_forward")
        self.assertEqual(
            coaching.message_partner_ids & (self.staff_user | self.kasi_user).partner_id,
            (self.staff_user | self.kasi_user).partner_id,
        )
        coaching.with_user(self.kasi_user).action_sign()

    def test_mentor_keeps_the_journal_in_the_form(self):
        """003 Format B.1.7 as the mentor fills it in."""
        with Form(self.env["hr.kinerja.mentoring"].with_user(self.kasi_user)) as form:
            form.employee_id = self.staff
            form.date = NOV_10
            self.assertEqual(form.mentor_id, self.kasi)
            self.assertEqual(form.period_id, self.november)
            form.mentoring_form = "shadowing"
            form.goal = "Menyusun kurikulum"
            form.skill = "Analisis kebutuhan diklat"
            with form.journal_ids.new() as entry:
                entry.activity = "Mengikuti rapat penyusunan kurikulum"
        form.record.action_sign()
        self.assertEqual(form.record.state, "done")

    def test_employee_form_keeps_the_coach_part_read_only(self):
        """003 Format B.1.6: the employee edits the parts "diisi oleh pegawai" only."""
        coaching = self._coaching()
        with Form(coaching.with_user(self.staff_user)) as form:
            form.options = "Belajar dari penyelenggara lain"
            with form.reality_line_ids.new() as line:
                line.progress = "70 peserta"
            with self.assertRaises(AssertionError):
                form.coach_id = self.kabid
            with self.assertRaises(AssertionError):
                form.skp_adjustment_note = "Bukan bagian saya"
        self.assertEqual(coaching.reality_line_ids.progress, "70 peserta")

    def test_employee_answers_the_nine_statements(self):
        """003 Format B.1.8: a new form lists the nine statements."""
        coaching = self._signed_coaching()
        Feedback = self.env["hr.kinerja.guidance.feedback"].with_user(self.staff_user)
        with Form(Feedback.with_context(default_coaching_id=coaching.id)) as form:
            self.assertEqual(form.employee_id, self.staff)
            self.assertEqual(len(form.line_ids), 9)
            for index in range(9):
                with form.line_ids.edit(index) as line:
                    line.level = "4"
        feedback = form.record
        self.assertEqual(feedback.average_score, 4)
        feedback.with_user(self.staff_user).action_sign()
        self.assertEqual(coaching.feedback_ids, feedback)

    def test_coach_scores_the_competencies(self):
        """003 Format B.1.9: a new form lists the eight competencies of the form."""
        coaching = self._signed_coaching()
        Evaluation = self.env["hr.kinerja.competency.evaluation"].with_user(self.kasi_user)
        with Form(Evaluation.with_context(default_coaching_id=coaching.id)) as form:
            self.assertEqual(form.employee_id, self.staff)
            self.assertEqual(len(form.line_ids), 8)
            for index in range(8):
                with form.line_ids.edit(index) as line:
                    line.level = "3"
            with form.line_ids.new() as line:
                line.name = "Penyusunan kurikulum diklat"
                line.level = "4"
        evaluation = form.record
        self.assertEqual(len(evaluation.line_ids), 9)
        evaluation.with_user(self.kasi_user).action_sign()
        self.assertEqual(coaching.competency_evaluation_ids, evaluation)
