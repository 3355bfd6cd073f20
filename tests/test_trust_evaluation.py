from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..models.workflow import workflow
from .common_evaluation import KinerjaEvaluationCase

PREDIKAT = "hr_kinerja_asn.action_report_penetapan_predikat"
FAMILY = (
    "hr.kinerja.evaluation",
    "hr.kinerja.distribution",
    "hr.kinerja.distribution.proposal",
    "hr.kinerja.distribution.proposal.line",
    "hr.kinerja.angka.kredit",
    "hr.kinerja.org.achievement",
    "hr.kinerja.org.achievement.wizard",
    "hr.kinerja.org.achievement.wizard.line",
)


@tagged("post_install", "-at_install")
class TestTrustEvaluation(KinerjaEvaluationCase):
    """Issue 10, the evaluation family: evaluations, distributions and their proposal,
    credit points, organisation achievements. Each finding is attacked as the issue
    describes it - over "RPC", i.e. create/write/read/report rendering as the user -
    and must be refused with nothing changed, while the legitimate path still works."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._january_realisations()

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self.seksi_dist = self._of(self.evaluations, self.staff[0]).distribution_id
        self.bidang_dist = self._of(self.evaluations, self.kasi).distribution_id
        self.Proposal = self.env["hr.kinerja.distribution.proposal"]
        self.Line = self.env["hr.kinerja.distribution.proposal.line"]

    # -- helpers -------------------------------------------------------------------
    def _rate_seksi(self):
        """The seksi's achievement Baik, every staff member Baik, the student Sangat
        Baik by an IPK of 3.6 in an S2: one Baik too many for the pattern."""
        self._achieve(self.seksi, "baik")
        for employee in self.staff - self.study:
            self._rate(self._of(self.evaluations, employee), "sesuai", "sesuai")
        study = self._of(self.evaluations, self.study).with_user(self.kasi_user)
        study.write({"ipk": 3.6})
        study.action_done()

    def _open_proposal(self, user=None):
        dist = self.seksi_dist.with_user(user or self.kasi_user)
        action = dist.action_open_proposal()
        return self.Proposal.with_user(user or self.kasi_user).browse(action["res_id"])

    def _snapshot(self, records, names):
        self.env.flush_all()
        self.env.invalidate_all()
        return records.sudo().read(names, load=None)

    # -- finding 1 ---------------------------------------------------------------------
    def test_finding_1_proposal_applies_only_its_distributions_evaluations(self):
        """A unit leader cannot set any predicate in the agency - his own included -
        through proposal lines carrying evaluation ids the client chose."""
        self._rate_seksi()
        own = self._of(self.evaluations, self.kasi)  # in the bidang's distribution
        self._achieve(self.bidang, "baik", user=self.kaban_user)
        self._rate(own, "sesuai", "sesuai", user=self.kabid_user)
        forged = {
            "evaluation_id": own.id,
            "current_predicate": "baik",
            "proposed_predicate": "sangat_baik",
            "reason": "Saya layak.",
        }
        # a wizard made over RPC, its lines chosen by the client
        with self.assertRaises(AccessError):
            self.Proposal.with_user(self.kasi_user).create(
                {"distribution_id": self.seksi_dist.id, "line_ids": [Command.create(forged)]}
            )
        wizard = self._open_proposal()
        lines_before = self._snapshot(
            wizard.line_ids, ["evaluation_id", "current_predicate", "proposed_predicate"]
        )
        # a line added to the server's wizard, or one of its lines pointed elsewhere
        with self.assertRaises(AccessError):
            wizard.write({"line_ids": [Command.create(forged)]})
        with self.assertRaises(AccessError):
            self.Line.with_user(self.kasi_user).create(dict(forged, wizard_id=wizard.id))
        with self.assertRaisesMsg(AccessError, "You cannot set"):
            wizard.line_ids[0].write({"evaluation_id": own.id, "proposed_predicate": "sangat_baik"})
        self.assertEqual(
            self._snapshot(
                wizard.line_ids, ["evaluation_id", "current_predicate", "proposed_predicate"]
            ),
            lines_before,
        )
        # and a line that got past all that is still refused when applied
        intruder = workflow(self.Line.with_user(self.kasi_user)).create(
            dict(forged, wizard_id=wizard.id)
        )
        for apply in (wizard.action_apply, wizard.action_apply_confirm):
            with self.assertRaisesMsg(AccessError, "is not counted in the distribution"):
                apply()
        self.assertEqual(own.predicate, "baik")
        self.assertEqual(self.seksi_dist.state, "draft")
        self.assertEqual(
            set(self.seksi_dist.evaluation_ids.mapped("predicate")), {"baik", "sangat_baik"}
        )
        intruder.sudo().unlink()
        # the legitimate path: the leader applies the server's lines and confirms
        wizard.action_apply_confirm()
        self.assertEqual(self.seksi_dist.state, "confirmed")
        self.assertEqual(self._of(self.evaluations, self.staff[4]).predicate, "butuh_perbaikan")
        self.assertEqual(own.predicate, "baik")

    def test_finding_1_proposal_lines_are_checked_again_on_apply(self):
        """What a line holds is re-checked when applied: an evaluation rated again
        since the proposal, a distribution confirmed since, another leader."""
        self._rate_seksi()
        wizard = self._open_proposal()
        changed = wizard.line_ids.filtered("changed")
        evaluation = changed.evaluation_id
        # the evaluator rates again in between: the proposal is stale
        evaluation.with_user(self.kasi_user).action_back_to_draft()
        with self.assertRaisesMsg(UserError, "changed since the proposal was made"):
            wizard.action_apply()
        self.assertEqual(evaluation.predicate, "baik")
        evaluation.with_user(self.kasi_user).action_done()
        # nobody but the leader applies it
        for user in (self.staff_users[0], self.kabid_user, self.officer):
            with self.assertRaises(AccessError):
                wizard.with_user(user).action_apply()
        self.assertEqual(evaluation.predicate, "baik")
        wizard.action_apply()
        self.assertEqual(evaluation.predicate, "butuh_perbaikan")

    # -- finding 2 ---------------------------------------------------------------------
    def test_finding_2_evaluator_writes_only_the_ratings(self):
        """The evaluator cannot move, confirm, escalate or re-score an evaluation he
        rates, even with a rating in the same write."""
        evaluation = self._of(self.evaluations, self.staff[0]).with_user(self.kasi_user)
        february = self._period(self.year, "month", 2)
        attacks = {
            "employee_id": self.kasi.id,
            "period_id": february.id,
            "state": "confirmed",
            "contribution": 500.0,
            "achievement_percent": 500.0,
            "suggestion_note": "Semua indikator melampaui target.",
            "distribution_id": self.bidang_dist.id,
            "escalated": True,
        }
        names = ["result_rating", "behaviour_rating", "predicate", *attacks]
        before = self._snapshot(evaluation, names)
        for field, value in attacks.items():
            label = evaluation._fields[field]._description_string(self.env)
            for vals in ({field: value}, {"result_rating": "di_atas", field: value}):
                with self.subTest(field=field, vals=vals):
                    with self.assertRaisesMsg(AccessError, f"You cannot set {label}"):
                        evaluation.write(vals)
        self.assertEqual(self._snapshot(evaluation, names), before)
        # rating is still the evaluator's
        evaluation.write({"result_rating": "di_atas", "behaviour_rating": "di_atas"})
        evaluation.action_done()
        self.assertEqual(
            (evaluation.predicate, evaluation.state, evaluation.employee_id),
            ("sangat_baik", "rated", self.staff[0]),
        )

    # -- finding 5 ---------------------------------------------------------------------
    def test_finding_5_penetapan_predikat_lists_what_the_reader_may_read(self):
        """The unit's predicates: everyone's for the unit leader and HR officers;
        an employee counted in the unit reads only their own line."""
        self._rate_seksi()
        reports = self.env["ir.actions.report"]
        names = [f"Staf Kinerja {i}" for i in range(1, 7)]
        for user in (self.kasi_user, self.officer):
            self.env.invalidate_all()
            html = reports.with_user(user)._render_qweb_html(PREDIKAT, self.seksi_dist.ids)[0]
            for name in names:
                self.assertIn(name, html.decode())
        self.env.invalidate_all()
        html = (
            reports.with_user(self.staff_users[0])
            ._render_qweb_html(PREDIKAT, self.seksi_dist.ids)[0]
            .decode()
        )
        self.assertIn("Staf Kinerja 1", html)
        for name in names[1:]:
            self.assertNotIn(name, html)
        # outside the unit: nothing at all
        with self.assertRaises(AccessError):
            reports.with_user(self.kabid_user)._render_qweb_html(PREDIKAT, self.seksi_dist.ids)

    # -- finding 6 ---------------------------------------------------------------------
    def test_finding_6_only_the_setter_changes_an_achievement(self):
        """Nobody moves an achievement to another unit or forges who set it and
        when; only the leader who sets it changes its value and note."""
        achievement = self._achieve(self.seksi, "baik")
        names = ["department_id", "period_id", "value", "set_as", "set_by_id", "date_set", "note"]
        before = self._snapshot(achievement, names)
        attacks = [
            {"department_id": self.seksi_2.id},
            {"period_id": self._period(self.year, "month", 2).id},
            {"set_as": "officer"},
            {"set_by_id": self.kaban.id},
            {"date_set": "2027-01-05"},
            {"note": "Diubah oleh orang lain."},
            {"value": "istimewa"},
        ]
        for user in (self.staff_users[0], self.kasi_user, self.officer):
            for vals in attacks:
                with self.subTest(user=user.login, vals=vals):
                    with self.assertRaises(AccessError):
                        achievement.with_user(user).write(vals)
        # the setter himself cannot move it or forge who and when either
        for vals in attacks[:5]:
            with self.subTest(user="setter", vals=vals):
                with self.assertRaisesMsg(AccessError, "You cannot set"):
                    achievement.with_user(self.kabid_user).write(vals)
        self.assertEqual(self._snapshot(achievement, names), before)
        # nor create one that says it was set by someone else
        with self.assertRaisesMsg(AccessError, "You cannot set"):
            self.env["hr.kinerja.org.achievement"].with_user(self.kabid_user).create(
                {
                    "department_id": self.seksi_2.id,
                    "period_id": self.january.id,
                    "value": "baik",
                    "set_as": "officer",
                    "date_set": "2027-01-02",
                }
            )
        # the setter changes the value and the note
        achievement.with_user(self.kabid_user).write(
            {"value": "istimewa", "note": "Target triwulan terlampaui."}
        )
        self.assertEqual(
            (achievement.value, achievement.note, achievement.set_as, achievement.set_by_id),
            ("istimewa", "Target triwulan terlampaui.", "leader", self.kabid),
        )

    def test_finding_6_achievement_wizard_sets_only_the_units_below(self):
        """The screen's lines come from the client: a unit not directly below the
        wizard's unit is refused, and nobody fills another user's screen."""
        Wizard = self.env["hr.kinerja.org.achievement.wizard"]
        wizard = Wizard.with_user(self.kabid_user).create(
            {"period_id": self.january.id, "department_id": self.bidang.id}
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.staff_users[0]).write({"department_id": self.seksi.id})
        with self.assertRaises(AccessError):
            self.env["hr.kinerja.org.achievement.wizard.line"].with_user(
                self.staff_users[0]
            ).create({"wizard_id": wizard.id, "department_id": self.seksi.id, "value": "kurang"})
        wizard.write(
            {"line_ids": [Command.create({"department_id": self.bidang.id, "value": "istimewa"})]}
        )
        with self.assertRaisesMsg(UserError, "is not directly below"):
            wizard.action_confirm()
        Achievement = self.env["hr.kinerja.org.achievement"]
        self.assertFalse(Achievement.search([("period_id", "=", self.january.id)]))
        # the screen as the web client fills it: lines from the onchange, saved at once
        form = Form(Wizard.with_user(self.kabid_user))
        form.period_id = self.january
        form.department_id = self.bidang
        with form.line_ids.edit(0) as line:
            line.value = "istimewa"
        form.save().action_confirm()
        self.assertEqual(
            Achievement.search([("period_id", "=", self.january.id)]).mapped("set_as"), ["leader"]
        )

    # -- finding 7a --------------------------------------------------------------------
    def test_finding_7a_proposal_lines_reveal_no_foreign_evaluation(self):
        """Another employee's contribution and achievement % cannot be read through
        proposal lines made over RPC, nor through the leader's wizard."""
        self._rate_seksi()
        staff = self.staff_users[0]
        colleague = self._of(self.evaluations, self.staff[1])
        with self.assertRaises(AccessError):
            self.Proposal.with_user(staff).create(
                {
                    "distribution_id": self.seksi_dist.id,
                    "line_ids": [
                        Command.create(
                            {"evaluation_id": colleague.id, "proposed_predicate": "baik"}
                        )
                    ],
                }
            )
        wizard = self._open_proposal()
        self.assertEqual(len(wizard.line_ids), 6)
        # the leader's lines are his: an employee neither finds nor reads them
        self.env.invalidate_all()
        self.assertFalse(self.Line.with_user(staff).search([("wizard_id", "=", wizard.id)]))
        with self.assertRaises(AccessError):
            wizard.line_ids.with_user(staff).read(["contribution", "current_predicate"])
        with self.assertRaises(AccessError):
            self.Line.with_user(staff).create(
                {
                    "wizard_id": wizard.id,
                    "evaluation_id": colleague.id,
                    "proposed_predicate": "baik",
                }
            )
        # a line of his own on a colleague's evaluation shows nothing of it
        mine = workflow(self.Proposal.with_user(staff)).create(
            {"distribution_id": self.seksi_dist.id}
        )
        line = workflow(self.Line.with_user(staff)).create(
            {"wizard_id": mine.id, "evaluation_id": colleague.id, "proposed_predicate": "baik"}
        )
        self.env.invalidate_all()
        for field in ("contribution", "achievement_percent", "employee_id", "job_title"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                line.with_user(staff).read([field])
        # nor through an onchange of a new line
        spec = {name: {} for name in ("employee_id", "contribution", "achievement_percent")}
        with self.assertRaises(AccessError):
            self.Line.with_user(staff).onchange(
                {"evaluation_id": colleague.id}, ["evaluation_id"], spec
            )
        with self.assertRaises(AccessError):
            self.Proposal.with_user(self.officer_b).onchange(
                {"distribution_id": self.seksi_dist.id}, ["distribution_id"], {"achievement": {}}
            )
        # the leader reads his unit's
        self.env.invalidate_all()
        rows = wizard.line_ids.read(["employee_id", "contribution", "achievement_percent"])
        self.assertEqual(max(row["contribution"] for row in rows), 200.0)

    # -- finding 14 --------------------------------------------------------------------
    def test_finding_14_the_second_confirmation_is_told_already_confirmed(self):
        """Two confirmations of the same distribution at once: the second waits on the
        row lock, then reads the first one's result and says so - instead of failing
        on the credit points the first one has written."""
        self.env.company.kinerja_ak_basis = "periodic"
        self._rate_seksi()
        loser = self.seksi_dist.with_user(self.kasi_user)
        loser.justification = "Beban kerja merata."
        stale_wizard = self._open_proposal()
        self.assertEqual(loser.state, "draft")  # what the second request has read
        # The first request commits in between: its rows are in the database, not in
        # what the second request has read.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_kinerja_distribution SET state = 'confirmed', confirmed_by_id = %s, "
            "confirmed_date = now() WHERE id = %s",
            (self.kasi_user.id, self.seksi_dist.id),
        )
        self.env.cr.execute(
            "UPDATE hr_kinerja_evaluation SET state = 'confirmed' WHERE distribution_id = %s",
            (self.seksi_dist.id,),
        )
        self.env["hr.kinerja.angka.kredit"]._record(self.seksi_dist.sudo().evaluation_ids)
        Ledger = self.env["hr.kinerja.angka.kredit"]
        self.assertEqual(len(Ledger.search([("employee_id", "=", self.jf.id)])), 1)
        with self.assertRaisesMsg(UserError, "is already confirmed"):
            loser.action_confirm()
        with self.assertRaisesMsg(UserError, "is already confirmed"):
            stale_wizard.action_apply_confirm()
        self.env.invalidate_all()
        self.assertEqual(self._of(self.evaluations, self.staff[4]).predicate, "baik")
        self.assertEqual(len(Ledger.search([("employee_id", "=", self.jf.id)])), 1)
        # one after the other: the same clear answer, and a reset that finds a draft
        # says there is nothing to reset
        loser.action_reset()
        loser.action_confirm()
        with self.assertRaisesMsg(UserError, "is already confirmed"):
            loser.action_confirm()
        loser.action_reset()
        with self.assertRaisesMsg(UserError, "nothing to reset"):
            loser.action_reset()
