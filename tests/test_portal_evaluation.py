from odoo.tests import tagged

from .common_portal import KinerjaPortalCase


@tagged("post_install", "-at_install")
class TestPortalEvaluation(KinerjaPortalCase):
    """Evaluations in the portal (003 Pasal 23-24): the employee's ratings and
    predicate with why, once rated; the documents; the credit points ledger."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        evaluations = cls.env["hr.kinerja.evaluation"].with_user(cls.officer)._generate(cls.january)
        cls.evaluation = evaluations.filtered(lambda e: e.employee_id == cls.staff).with_user(
            cls.env.user
        )
        cls.kasi_evaluation = evaluations.filtered(lambda e: e.employee_id == cls.kasi)

    def _rate(self, results="sesuai", behaviour="sesuai", done=True, **values):
        evaluation = self.evaluation.with_user(self.kasi_user)
        evaluation.write(
            {"result_rating": results, "behaviour_rating": behaviour, "note": "Teliti.", **values}
        )
        if done:
            evaluation.action_done()

    def _url(self, evaluation=None, suffix=""):
        return f"/my/kinerja/evaluation/{(evaluation or self.evaluation).id}{suffix}"

    # -- flows ------------------------------------------------------------------------
    def test_ratings_hidden_while_being_rated(self):
        self._rate(results="di_atas", behaviour="di_atas", done=False)
        self.assertEqual(self.evaluation.state, "draft")
        for url in (self._url(), "/my/kinerja/evaluation"):
            with self.subTest(url):
                page = self.portal_get(self.staff_user, url).text
                self.assertIn("Being rated by", page)
                self.assertIn("Kepala Seksi Mutasi", page)
                for hidden in ("Sangat Baik", "Above Expectations", "Teliti."):
                    self.assertNotIn(hidden, page)
        # no documents while rating
        self.portal_get(self.staff_user, self._url(suffix="/report/result"), expect=404)

    def test_rated_evaluation_explains_its_predicate(self):
        self._rate(results="di_atas", behaviour="sesuai")
        listing = self.portal_get(self.staff_user, "/my/kinerja/evaluation").text
        self.assertIn("Baik", listing)
        page = self.portal_get(self.staff_user, self._url()).text
        self.assertIn("o_kinerja_quadrant_cell_mine", page)
        self.assertIn("Above Expectations", page)
        self.assertIn("Meets Expectations", page)
        self.assertIn("Seksi Mutasi", page)  # the unit whose achievement counts
        self.assertIn("o_kinerja_pattern", page)
        self.assertIn("Teliti.", page)
        self.assertIn("the distribution did not change it", page)
        self.assertNotIn("o_kinerja_predicate_changed", page)

    def test_change_in_the_distribution_and_its_reason(self):
        self._rate(results="di_atas", behaviour="sesuai")
        self.evaluation.with_user(self.kasi_user).write(
            {"predicate": "sangat_baik", "predicate_justification": "Inovasi layanan daring."}
        )
        page = self.portal_get(self.staff_user, self._url()).text
        self.assertIn("o_kinerja_predicate_changed", page)
        self.assertIn("Inovasi layanan daring.", page)

    def test_documents_download(self):
        self._rate()
        for kind in ("result", "document"):
            with self.subTest(kind):
                response = self.portal_get(
                    self.staff_user, self._url(suffix=f"/report/{kind}?download=1")
                )
                self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        self.portal_get(self.staff_user, self._url(suffix="/report/other"), expect=404)

    # -- route access -----------------------------------------------------------------
    def test_another_employee_gets_404(self):
        self._rate()
        for url in (self._url(), self._url(suffix="/report/result")):
            with self.subTest(url):
                self.portal_get(self.archivist_user, url, expect=404)
        self.assertNotIn(
            self._url(), self.portal_get(self.archivist_user, "/my/kinerja/evaluation").text
        )
        # the evaluator reads it in the back office and the Team tab, not as their own
        self.portal_get(self.kasi_user, self._url(), expect=404)
        self.portal_get(self.staff_user, self._url(self.kasi_evaluation), expect=404)
        self.portal_get(self.staff_user, "/my/kinerja/evaluation/0", expect=404)

    # -- credit points ----------------------------------------------------------------
    def _ledger(self, evaluation=None):
        """A ledger line as the distribution's confirmation writes it (server side)."""
        if not evaluation:
            self._rate()
        evaluation = evaluation or self.evaluation
        return self.env["hr.kinerja.angka.kredit"]._insert(
            [
                {
                    "evaluation_id": evaluation.id,
                    "employee_id": self.staff.id,
                    "company_id": self.staff.company_id.id,
                    "year_id": self.year.id,
                    "period_id": evaluation.period_id.id,
                    "predicate": "baik",
                    "jf_jenjang": "ahli_pertama",
                    "months": 1,
                    "percentage": 100,
                    "coefficient": 12.5,
                    "amount": 1.04,
                    "amount_units": 200,
                }
            ]
        )

    def test_angka_kredit_ledger(self):
        page = self.portal_get(self.staff_user, "/my/kinerja/angka-kredit").text
        self.assertIn("o_kinerja_no_angka_kredit", page)
        self._ledger()
        page = self.portal_get(self.staff_user, "/my/kinerja/angka-kredit").text
        self.assertIn("o_kinerja_ak_line", page)
        self.assertIn("1.04", page)
        self.assertIn(self.january.name, page)
        other = self.portal_get(self.archivist_user, "/my/kinerja/angka-kredit").text
        self.assertIn("o_kinerja_no_angka_kredit", other)

    # -- query counts -----------------------------------------------------------------
    def test_query_counts_are_fixed(self):
        self._ledger()
        urls = ("/my/kinerja/evaluation", self._url(), "/my/kinerja/angka-kredit")
        before = {url: self.portal_queries(self.staff_user, url) for url in urls}
        # more periods evaluated (rated), more ledger lines
        for period in (self.february, self.march):
            evaluation = (
                self.env["hr.kinerja.evaluation"].with_user(self.officer)._generate(period)
            ).filtered(lambda e: e.employee_id == self.staff)
            evaluation.with_user(self.kasi_user).write(
                {"result_rating": "sesuai", "behaviour_rating": "sesuai"}
            )
            evaluation.with_user(self.kasi_user).action_done()
            self._ledger(evaluation)
        after = {url: self.portal_queries(self.staff_user, url) for url in urls}
        self.assertEqual(after, before)
        self.assertEqual(
            before,
            # +3 each: whether the user leads a unit (the "Units I Lead" tab)
            {"/my/kinerja/evaluation": 17, self._url(): 28, "/my/kinerja/angka-kredit": 16},
        )

    # -- browser ----------------------------------------------------------------------
    def test_tour_feedback_and_predicate(self):
        """In Chromium: the analyst gives feedback to a colleague on a core value, then
        sees the predicate of their rated evaluation."""
        self._rate()
        self.start_tour("/my/kinerja", "kinerja_portal_feedback", login=self.staff_user.login)
        feedback = self.env["hr.kinerja.feedback"].search(
            [("giver_id", "=", self.staff.id), ("receiver_id", "=", self.archivist.id)]
        )
        self.assertEqual(feedback.subject, "core_value")
        self.assertIn("selalu rapi", feedback.text)
