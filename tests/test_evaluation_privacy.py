from odoo.exceptions import AccessError, UserError

from .common_evaluation import KinerjaEvaluationCase


class TestEvaluationPrivacy(KinerjaEvaluationCase):
    """The employee does not see the rater's work while the evaluation is "To Rate"
    (issue 15: "she sees the evaluator's draft ratings and predicate while the
    evaluation is still To Rate"; issue 12's portal hides them, the model too): not
    through read, search, grouping, export, onchange, the history or the printed
    forms. Once rated, everything is hers to read."""

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self.employee = self.staff[0]
        self.user = self.staff_users[0]
        self.evaluation = self._of(self.evaluations, self.employee)
        self._rate(self.evaluation, "di_bawah", "di_bawah", done=False)
        self.mine = self.evaluation.with_user(self.user)

    def test_read_shows_no_draft_rating(self):
        values = self.mine.read(["result_rating", "predicate", "note", "state"])[0]
        self.assertEqual(values["state"], "draft")
        self.assertFalse(values["result_rating"])
        self.assertFalse(values["predicate"])
        spec = {"behaviour_rating": {}, "quadrant_predicate": {}}
        self.assertFalse(self.mine.web_read(spec)[0]["behaviour_rating"])
        # the rater still reads the draft
        rater = self.evaluation.with_user(self.kasi_user).read(["result_rating"])[0]
        self.assertEqual(rater["result_rating"], "di_bawah")

    def test_search_and_group_by_rating_leave_the_draft_out(self):
        Evaluation = self.env["hr.kinerja.evaluation"].with_user(self.user)
        self.assertFalse(Evaluation.search([("result_rating", "=", "di_bawah")]))
        self.assertFalse(Evaluation.search_count([("predicate", "!=", False)]))
        groups = Evaluation.read_group([], ["predicate"], ["predicate"])
        self.assertFalse([g for g in groups if g["predicate"]])
        self.assertIn(self.evaluation, Evaluation.search([]))

    def test_export_and_onchange_refuse_the_draft(self):
        self.user.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        rows = self.mine.export_data(["predicate", "result_rating"])["datas"]
        self.assertEqual(rows, [])
        with self.assertRaisesMsg(AccessError, "still being rated"):
            self.mine.onchange({"note": "x"}, ["note"], {"note": {}, "quadrant_predicate": {}})

    def test_draft_ratings_are_not_in_the_history(self):
        self.evaluation.invalidate_recordset()
        tracked = self.evaluation.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertNotIn("result_rating", tracked)

    def test_forms_print_once_rated(self):
        report = self.env["ir.actions.report"].with_user(self.user)
        with self.assertRaisesMsg(UserError, "still being rated"):
            report._render_qweb_html(
                "hr_kinerja_asn.report_evaluation_document", self.evaluation.ids
            )
        self.evaluation.with_user(self.kasi_user).action_done()
        self.assertEqual(self.mine.read(["result_rating"])[0]["result_rating"], "di_bawah")
        html, _format = report._render_qweb_html(
            "hr_kinerja_asn.report_evaluation_document", self.evaluation.ids
        )
        self.assertIn(b"DOKUMEN EVALUASI", html.upper())
