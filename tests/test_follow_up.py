"""Follow-up lists of HR officers (003 Pasal 28-31, section Tindak lanjut 11):
priority for succession and competency development (Sangat Baik), a development
plan (Butuh Perbaikan, Kurang, Sangat Kurang), PPPK below their agreed targets
(results below expectations, 003 Pasal 31(2))."""

import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_evaluation import KinerjaEvaluationCase


@tagged("post_install", "-at_install")
class TestFollowUp(KinerjaEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # PPPK: the third (results below expectations) and the fifth (meets them)
        (cls.staff[2] | cls.staff[4]).write({"asn_type": "pppk"})
        cls.evaluations = (
            cls.env["hr.kinerja.evaluation"].with_user(cls.officer)._generate(cls.january)
        )
        cls.env["hr.kinerja.org.achievement"].with_user(cls.kabid_user).create(
            {"department_id": cls.seksi.id, "period_id": cls.january.id, "value": "baik"}
        )
        # every predicate once: Sangat Baik, Kurang, Butuh Perbaikan (PPPK), Sangat
        # Kurang, Baik (PPPK); the student is left to rate
        ratings = [
            ("di_atas", "di_atas"),
            ("sesuai", "di_bawah"),
            ("di_bawah", "sesuai"),
            ("di_bawah", "di_bawah"),
            ("sesuai", "sesuai"),
        ]
        for employee, (results, behaviour) in zip(cls.staff, ratings, strict=False):
            evaluation = cls.evaluations.filtered(lambda e, emp=employee: e.employee_id == emp)
            evaluation = evaluation.with_user(cls.kasi_user)
            evaluation.write({"result_rating": results, "behaviour_rating": behaviour})
            evaluation.action_done()

    def _names(self, name, user=None):
        user = user or self.officer
        context = dict(self.env.context, allowed_company_ids=user.company_ids.ids)
        Evaluation = self.env(user=user, context=context)["hr.kinerja.evaluation"]
        found = Evaluation._follow_up(name)
        action = Evaluation.action_follow_up(name)
        self.assertEqual(Evaluation.search(action["domain"]), found)
        return set(found.employee_id.mapped("name"))

    def test_each_list_holds_exactly_its_employees(self):
        by_rating = {e.employee_id: e.predicate for e in self.evaluations if e.predicate}
        self.assertEqual(
            sorted(by_rating.values()),
            sorted(["sangat_baik", "kurang", "butuh_perbaikan", "sangat_kurang", "baik"]),
        )
        names = [employee.name for employee in self.staff]
        self.assertEqual(self._names("succession"), {names[0]})
        self.assertEqual(self._names("development"), {names[1], names[2], names[3]})
        self.assertEqual(self._names("pppk_below_target"), {names[2]})

    def test_nothing_of_another_agency_and_for_hr_officers_only(self):
        for name in ("succession", "development", "pppk_below_target"):
            with self.subTest(name=name):
                self.assertEqual(self._names(name, self.officer_b), set())
        with self.assertRaises(AccessError):
            self.env["hr.kinerja.evaluation"].with_user(self.kasi_user)._follow_up("succession")
        with self.assertRaises(AccessError):
            self.env["hr.kinerja.evaluation"].with_user(self.staff_users[0]).action_follow_up(
                "development"
            )

    def test_rows_carry_their_evidence_and_export_as_xlsx(self):
        Evaluation = self.env["hr.kinerja.evaluation"].with_user(self.officer)
        action = Evaluation.action_follow_up("pppk_below_target")
        view = self.env.ref("hr_kinerja_asn.hr_kinerja_evaluation_view_list_pppk_below_target")
        self.assertEqual(action["views"][0], (view.id, "list"))
        for column in ("achievement_percent", "result_rating", "suggestion_note"):
            self.assertIn(f'name="{column}"', view.arch)
        rows = Evaluation._follow_up("development")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            .with_context(kinerja_follow_up="development")
            ._render("hr_kinerja_asn.action_report_follow_up_xlsx", rows.ids)
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        self.assertIn("PEGAWAI YANG MEMERLUKAN RENCANA PENGEMBANGAN", values)
        for evaluation in rows:
            self.assertIn(evaluation.employee_id.name, values)
        self.assertNotIn(self.staff[0].name, values)
        self.assertIn("SANGAT KURANG", values)
