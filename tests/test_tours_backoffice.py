from odoo.tests import HttpCase, tagged

from .common_monitoring import KinerjaMonitoringCase

LINK = "https://drive.kukarkab.go.id/mutasi/sk-januari.pdf"


@tagged("post_install", "-at_install")
class TestBackofficeTours(KinerjaMonitoringCase, HttpCase):
    """Issue 15, each role's month in the back office, in a browser: the analyst
    (an internal user) fills in and submits her sheet; the section head (kasi, her
    evaluator) reviews her realisation and rates her evaluation. Each sees only the
    buttons of what they may do on the same records (can_submit / can_review /
    can_reopen, tests/test_role_actions.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The sheet takes the earliest open period that has begun: every month of
        # the fixture's 2026 is open, so (from January 2026 on) it is January.
        cls.due = cls.env["hr.kinerja.due"]

    def assert_sheet_period_is_january(self):
        self.assertEqual(self.due._open_periods(self.staff.company_id)[:1], self.january)

    def _line(self, indicator):
        return self.env["hr.kinerja.realisasi"].search(
            [("iki_id", "=", indicator.id), ("period_id", "=", self.january.id)]
        )

    def test_tour_employee_month(self):
        """The analyst enters January's value and evidence link in the sheet,
        submits it and sees it Submitted, with no evaluator's button on it."""
        self.assert_sheet_period_is_january()
        self.start_tour("/odoo", "kinerja_backoffice_employee_month", login=self.staff_user.login)
        line = self._line(self.quantity)
        self.assertEqual((line.value, line.evidence_links, line.state), (40, LINK, "submitted"))
        self.assertEqual(line.create_uid, self.staff_user)
        self.assertFalse(line.reviewed_by_id)
        # the sheet created a draft for each of her indicators; only the filled one
        # was submitted
        others = self._line(self.time) | self._line(self.quality) | self._line(self.cost)
        self.assertEqual(others.mapped("state"), ["draft"] * 3)

    def test_tour_evaluator_month(self):
        """The kasi marks the analyst's submitted January realisation reviewed, then
        rates her January evaluation: Meets and Meets, Done - Baik."""
        Line = self.env["hr.kinerja.realisasi"].with_user(self.staff_user)
        submitted = Line.create(
            {
                "iki_id": self.quantity.id,
                "period_id": self.january.id,
                "value": 10,
                "evidence_links": LINK,
            }
        )
        submitted.action_submit()
        draft = Line.create({"iki_id": self.time.id, "period_id": self.january.id, "value": 4})
        self.env["hr.kinerja.evaluation"]._generate(self.january)
        evaluation = self.env["hr.kinerja.evaluation"].search(
            [("employee_id", "=", self.staff.id), ("period_id", "=", self.january.id)]
        )
        self.assertEqual((evaluation.state, evaluation.evaluator_id), ("draft", self.kasi))
        self.assertFalse(evaluation.result_rating or evaluation.behaviour_rating)

        self.start_tour("/odoo", "kinerja_backoffice_evaluator_month", login=self.kasi_user.login)
        self.assertEqual((submitted.state, submitted.reviewed_by_id), ("reviewed", self.kasi_user))
        self.assertTrue(submitted.reviewed_date)
        self.assertEqual(draft.state, "draft")
        self.assertEqual(
            (
                evaluation.state,
                evaluation.result_rating,
                evaluation.behaviour_rating,
                evaluation.predicate,
            ),
            ("rated", "sesuai", "sesuai", "baik"),
        )
        self.assertEqual(evaluation.evaluated_by_id, self.kasi)


@tagged("post_install", "-at_install")
class TestBackofficeToursLeaderOfficer(KinerjaMonitoringCase, HttpCase):
    """Issue 15, a unit leader's and an HR officer's month in the back office, in a
    browser. The head of the Bidang sets the achievement of the section below it (002
    D.4.f) from the menu; the head of the section then proposes and confirms his
    section's distribution (002 D.5); the HR officer generates a month's evaluations
    and locks the period (001 item 7)."""

    def test_tour_leader_month(self):
        self.env["res.users"]._kinerja_sync_role_groups()  # the daily job: menus by role
        period = (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_user(self.kabid_user)
            ._default_period()
        )
        self.assertTrue(period, "an open month that has begun")
        realisation = self.env["hr.kinerja.realisasi"].create(
            {"iki_id": self.quantity.id, "period_id": period.id, "value": 40}
        )
        self.assertTrue(realisation)
        evaluation = (
            self.env["hr.kinerja.evaluation"]
            ._generate(period)
            .filtered(lambda e: e.employee_id == self.staff)
        )
        evaluation = evaluation.with_user(self.kasi_user)
        evaluation.write({"result_rating": "sesuai", "behaviour_rating": "sesuai"})
        evaluation.action_done()
        distribution = evaluation.distribution_id
        self.assertEqual((distribution.department_id, distribution.state), (self.seksi, "draft"))
        # the section's leader sees no Confirm while its achievement is missing
        self.assertFalse(distribution.with_user(self.kasi_user).can_confirm)

        self.start_tour(
            "/odoo", "kinerja_backoffice_leader_achievements", login=self.kabid_user.login
        )
        achievement = self.env["hr.kinerja.org.achievement"].search(
            [("department_id", "=", self.seksi.id), ("period_id", "=", period.id)]
        )
        self.assertEqual((achievement.value, achievement.set_by_id), ("istimewa", self.kabid))

        self.start_tour(
            "/odoo", "kinerja_backoffice_leader_distribution", login=self.kasi_user.login
        )
        self.assertEqual(distribution.state, "confirmed")
        self.assertEqual(distribution.confirmed_by_id, self.kasi_user)
        self.assertEqual(evaluation.sudo().state, "confirmed")

    def test_tour_officer_month(self):
        Evaluation = self.env["hr.kinerja.evaluation"]
        domain = [("period_id", "=", self.january.id)]
        self.assertFalse(Evaluation.search(domain))
        self.start_tour("/odoo", "kinerja_backoffice_officer_month", login=self.officer.login)
        self.assertEqual(
            set(Evaluation.search(domain).employee_id.ids), {self.staff.id, self.kasi.id}
        )
        self.assertEqual(self.january.state, "locked")
