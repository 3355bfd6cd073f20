from odoo.exceptions import AccessError, ValidationError

from .common_evaluation import KinerjaEvaluationCase


class TestEvaluationSecurity(KinerjaEvaluationCase):
    """Who may read and write the evaluation's records, beyond rating itself."""

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self.achievement = self._achieve(self.seksi, "baik")
        self.seksi_dist = self._of(self.evaluations, self.staff[0]).distribution_id
        self.bidang_dist = self._of(self.evaluations, self.kasi).distribution_id

    def _agency_b(self, model):
        return (
            self.env[model]
            .with_user(self.officer_b)
            .with_context(allowed_company_ids=self.company_b.ids)
        )

    def test_achievements_are_published_in_the_agency_only(self):
        Achievement = self.env["hr.kinerja.org.achievement"]
        self.assertEqual(Achievement.with_user(self.staff_users[0]).search([]), self.achievement)
        self.assertFalse(self._agency_b("hr.kinerja.org.achievement").search([]))
        with self.assertRaises(AccessError):
            self.achievement.with_user(self.staff_users[0]).write({"value": "istimewa"})
        with self.assertRaises(AccessError):
            self.achievement.with_user(self.kabid_user).unlink()

    def test_distribution_read_by_its_leader_and_its_people_written_by_buttons(self):
        Distribution = self.env["hr.kinerja.distribution"]
        # counted in the seksi's distribution, not in the bidang's
        self.assertEqual(Distribution.with_user(self.staff_users[0]).search([]), self.seksi_dist)
        self.assertEqual(
            Distribution.with_user(self.kasi_user).search([]), self.seksi_dist | self.bidang_dist
        )
        self.assertFalse(self._agency_b("hr.kinerja.distribution").search([]))
        with self.assertRaisesMsg(AccessError, "only through its buttons"):
            self.seksi_dist.with_user(self.kasi_user).write({"state": "confirmed"})
        with self.assertRaisesMsg(AccessError, "is set by its leader"):
            self.seksi_dist.with_user(self.staff_users[0]).write({"justification": "Saya."})
        self.assertEqual(self.seksi_dist.state, "draft")
        self.assertFalse(self.seksi_dist.justification)

    def test_credit_points_cannot_be_written_by_hand(self):
        self.env.company.kinerja_ak_basis = "periodic"
        for employee in self.staff:
            evaluation = self._of(self.evaluations, employee).with_user(self.kasi_user)
            if evaluation.tugas_belajar:
                evaluation.write({"ipk": 3.3})
                evaluation.action_done()
            else:
                self._rate(evaluation, "sesuai", "sesuai")
        dist = self.seksi_dist.with_user(self.kasi_user)
        dist.justification = "Capaian merata."
        dist.action_confirm()
        line = self.env["hr.kinerja.angka.kredit"].search([("employee_id", "=", self.jf.id)])
        self.assertEqual(line.amount, 1.04)
        for user in (self.staff_users[0], self.kasi_user, self.officer):
            with self.assertRaises(AccessError):
                line.with_user(user).write({"amount": 50})
        self.assertEqual(line.amount, 1.04)
        self.assertFalse(self._agency_b("hr.kinerja.angka.kredit").search([]))

    def test_superior_days_cannot_be_negative(self):
        with self.assertRaisesMsg(ValidationError, "superior"):
            self.env.company.kinerja_org_superior_days = -1
        self.assertEqual(self.env.company.kinerja_org_superior_days, 3)
