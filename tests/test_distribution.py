from odoo.exceptions import AccessError, UserError

from .common_evaluation import KinerjaEvaluationCase


class TestDistribution(KinerjaEvaluationCase):
    """Stage 2: the distribution pattern of a unit (002 D.5), the auto-proposal and
    confirmation, and the angka kredit it produces (Permenpan RB 1/2023)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._january_realisations()

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self.seksi_dist = self._of(self.evaluations, self.staff[0]).distribution_id
        self.bidang_dist = self._of(self.evaluations, self.kasi).distribution_id

    def _rate_staff(self, ratings=None, ipk=3.6):
        """Every staff member meets expectations unless told; the student's IPK 3.6
        in an S2 is Sangat Baik (003 tugas belajar 6)."""
        ratings = ratings or {}
        for employee in self.staff - self.study:
            results, behaviour = ratings.get(employee, ("sesuai", "sesuai"))
            self._rate(self._of(self.evaluations, employee), results, behaviour)
        study = self._of(self.evaluations, self.study).with_user(self.kasi_user)
        study.write({"ipk": ipk})
        study.action_done()

    def test_counts_and_every_deviation_explained_002_d5c(self):
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        dist = self.seksi_dist
        self.assertEqual(dist.achievement, "baik")
        self.assertEqual((dist.count_total, dist.count_baik, dist.count_sangat_baik), (6, 5, 1))
        self.assertFalse(dist.is_compliant)
        self.assertIn("At most 70% of the employees may be Baik", dist.violations)
        self.assertIn("70% of 6 is 4.2, so at most 4; there are 5", dist.violations)
        self.assertIn("There must be at least one employee with Butuh Perbaikan", dist.violations)
        self.assertIn("at most 70% Baik", dist.pattern_html)

    def test_confirm_refuses_unrated_employees(self):
        self._achieve(self.seksi, "baik")
        self._rate(self._of(self.evaluations, self.staff[0]), "sesuai", "sesuai")
        with self.assertRaisesMsg(UserError, "5 employee(s) are not rated yet"):
            self.seksi_dist.with_user(self.kasi_user).action_confirm()

    def test_confirm_needs_the_units_achievement(self):
        self._rate_staff()
        with self.assertRaisesMsg(UserError, "has no organisation achievement"):
            self.seksi_dist.with_user(self.kasi_user).action_confirm()

    def test_strict_mode_cannot_confirm_a_deviation(self):
        self.env.company.kinerja_distribution_mode = "strict"
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        dist = self.seksi_dist.with_user(self.kasi_user)
        dist.justification = "Seluruh staf menyelesaikan target."
        with self.assertRaisesMsg(UserError, "applies the pattern strictly"):
            dist.action_confirm()
        self.assertEqual(dist.state, "draft")

    def test_advisory_mode_confirms_a_deviation_with_a_justification_002_d5b(self):
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        dist = self.seksi_dist.with_user(self.kasi_user)
        with self.assertRaisesMsg(UserError, "write the justification"):
            dist.action_confirm()
        dist.justification = "Beban kerja merata dan seluruh target tercapai."
        dist.action_confirm()
        self.assertEqual(dist.state, "confirmed")
        self.assertEqual(set(dist.evaluation_ids.mapped("state")), {"confirmed"})
        # confirmed predicates no longer change by rating
        with self.assertRaisesMsg(UserError, "resets the distribution"):
            self._rate(self._of(self.evaluations, self.staff[0]), "di_atas", "di_atas")

    def test_only_the_unit_leader_proposes_and_confirms_002_d5a(self):
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        for user in (self.kabid_user, self.staff_users[0], self.officer):
            with self.assertRaises(AccessError):
                self.seksi_dist.with_user(user).action_confirm()
            with self.assertRaises(AccessError):
                self.seksi_dist.with_user(user).action_open_proposal()

    def test_proposal_fewest_changes_lowest_contributor_lowered(self):
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        action = self.seksi_dist.with_user(self.kasi_user).action_open_proposal()
        wizard = self.env["hr.kinerja.distribution.proposal"].browse(action["res_id"])
        self.assertTrue(wizard.feasible)
        # 5 Baik, 1 Sangat Baik: one Baik must become Butuh Perbaikan (<= 4 Baik, >= 1
        # BP): the lowest contributor among the Baik, at 90%
        self.assertEqual(wizard.change_count, 1)
        changed = wizard.line_ids.filtered("changed")
        self.assertEqual(changed.evaluation_id.employee_id, self.staff[4])
        self.assertEqual(changed.proposed_predicate, "butuh_perbaikan")
        self.assertIn("lowered as one of the lowest contributors", changed.reason)
        wizard.with_user(self.kasi_user).action_apply_confirm()
        lowered = self._of(self.evaluations, self.staff[4])
        self.assertEqual(lowered.predicate, "butuh_perbaikan")
        self.assertEqual(lowered.quadrant_predicate, "baik")
        self.assertIn("lowest contributors", lowered.predicate_justification)
        self.assertEqual(self.seksi_dist.state, "confirmed")
        self.assertTrue(self.seksi_dist.is_compliant)
        self.assertIn("Predicate set by", lowered.message_ids[0].body)

    def test_leader_edits_the_proposal(self):
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        action = self.seksi_dist.with_user(self.kasi_user).action_open_proposal()
        wizard = self.env["hr.kinerja.distribution.proposal"].browse(action["res_id"])
        # the leader prefers to lower the 100% contributor instead
        wizard.line_ids.filtered("changed").proposed_predicate = "baik"
        line = wizard.line_ids.filtered(lambda x: x.evaluation_id.employee_id == self.staff[3])
        line.write({"proposed_predicate": "kurang", "reason": "Terlambat dua laporan."})
        wizard.with_user(self.kasi_user).action_apply()
        jf = self._of(self.evaluations, self.staff[3])
        self.assertEqual(
            (jf.predicate, jf.predicate_justification), ("kurang", "Terlambat dua laporan.")
        )
        self.assertTrue(self.seksi_dist.is_compliant)

    def test_small_unit_keeps_only_the_no_rules(self):
        """A unit whose pattern no distribution can meet (here Sangat Kurang with one
        person: 60% and 10% cannot both hold, rules/distribution.py EXEMPT) enforces
        only the "no" rules: it cannot keep a Sangat Baik, the rest is guidance."""
        kasi = self._of(self.evaluations, self.kasi)
        self._achieve(self.bidang, "sangat_kurang", user=self.kaban_user)
        self._rate(kasi, "di_atas", "di_atas", user=self.kabid_user)
        self.assertIn("No employee may be Sangat Baik", self.bidang_dist.violations)
        self.assertIn("shown for guidance only", self.bidang_dist.violations)
        action = self.bidang_dist.with_user(self.kabid_user).action_open_proposal()
        wizard = self.env["hr.kinerja.distribution.proposal"].browse(action["res_id"])
        self.assertTrue(wizard.feasible)
        self.assertEqual(wizard.line_ids.proposed_predicate, "baik")

    def test_angka_kredit_ledger_periodic_pro_rata(self):
        """Ahli Pertama (12.5 a year), Baik, one month: 12.5 x 100% / 12 = 1.04."""
        self.env.company.kinerja_ak_basis = "periodic"
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        dist = self.seksi_dist.with_user(self.kasi_user)
        dist.justification = "Capaian merata."
        dist.action_confirm()
        jf = self._of(self.evaluations, self.jf)
        self.assertEqual(jf.angka_kredit, 1.04)
        ledger = self.env["hr.kinerja.angka.kredit"].search([("employee_id", "=", self.jf.id)])
        self.assertEqual((ledger.months, ledger.percentage, ledger.coefficient), (1, 100, 12.5))
        self.assertEqual(ledger.running_total, 1.04)
        # only the JF earns credit points
        self.assertEqual(
            self.env["hr.kinerja.angka.kredit"]
            .search([("evaluation_id", "in", self.evaluations.ids)])
            .employee_id,
            self.jf,
        )
        # the employee reads their own ledger, a colleague does not
        Ledger = self.env["hr.kinerja.angka.kredit"]
        self.assertFalse(Ledger.with_user(self.staff_users[0]).search([]))
        dist.action_reset()
        self.assertFalse(Ledger.search([("employee_id", "=", self.jf.id)]))

    def test_angka_kredit_running_total_over_the_months(self):
        february = self._period(self.year, "month", 2)
        self.env.company.kinerja_ak_basis = "periodic"
        for period in (self.january, february):
            evaluations = self.evaluations if period == self.january else self._generate(period)
            self._achieve(self.seksi, "istimewa", period)
            self._rate_all_above(evaluations)
        ledger = self.env["hr.kinerja.angka.kredit"].search([("employee_id", "=", self.jf.id)])
        # Sangat Baik, one month each: 12.5 x 150% / 12 = 1.5625 -> 1.56 as shown; the
        # running total adds the exact amounts: 3.125 -> 3.13, not 1.56 + 1.56 (DOMAIN 6)
        self.assertEqual(ledger.mapped("amount"), [1.56, 1.56])
        self.assertEqual(ledger.mapped("running_total"), [1.56, 3.13])

    def test_angka_kredit_annual_basis_bkn_example(self):
        """BKN: Ahli Pertama, Sangat Baik, a full year = 18.75 (annual basis, the
        default); the periodic evaluations then earn nothing."""
        self._achieve(self.seksi, "istimewa")
        self._rate_all_above(self.evaluations)
        annual = self._generate(self.annual)
        self.env["hr.kinerja.org.achievement"].with_user(self.kabid_user).create(
            {
                "department_id": self.seksi.id,
                "period_id": self.annual.id,
                "result_rating": "di_atas",
                "process_rating": "di_atas",
            }
        )
        self._rate_all_above(annual)
        ledger = self.env["hr.kinerja.angka.kredit"].search([("employee_id", "=", self.jf.id)])
        self.assertEqual((ledger.period_id, ledger.months, ledger.amount), (self.annual, 12, 18.75))

    def _rate_all_above(self, evaluations):
        """The seksi's people all above expectations; the leader confirms."""
        for evaluation in evaluations.filtered(lambda e: e.unit_id == self.seksi):
            if evaluation.tugas_belajar:
                evaluation.with_user(self.kasi_user).write({"ipk": 3.6})
                evaluation.with_user(self.kasi_user).action_done()
            else:
                self._rate(evaluation, "di_atas", "di_atas")
        dist = evaluations.distribution_id.filtered(lambda d: d.department_id == self.seksi)
        dist = dist.with_user(self.kasi_user)
        dist.justification = "Unit istimewa."
        dist.action_confirm()

    def test_penetapan_data_002_lampiran(self):
        self._achieve(self.seksi, "baik")
        self._rate_staff()
        data = self.seksi_dist._penetapan_data()
        self.assertEqual(data["achievement"], "Baik")
        self.assertEqual(data["counts"]["Baik"], 5)
        self.assertIn("at least one Butuh Perbaikan and/or Kurang/Misconduct", data["pattern"])
        self.assertEqual(len(data["employees"]), 6)
        self.assertEqual(data["period"], "Januari 2027")

    def test_queries_do_not_grow_with_the_unit(self):
        """Checking, proposing and confirming cost the same number of queries for a
        unit of one (bidang: the kasi) as for a unit of six (seksi)."""
        self._achieve(self.seksi, "baik")
        self._achieve(self.bidang, "baik", user=self.kaban_user)
        self._rate_staff()
        self._rate(self._of(self.evaluations, self.kasi), "sesuai", "sesuai", user=self.kabid_user)
        (self.seksi_dist | self.bidang_dist).sudo().write({"justification": "Uji."})
        seksi = self.seksi_dist.with_user(self.kasi_user)
        bidang = self.bidang_dist.with_user(self.kabid_user)
        seksi._propose()  # warm the caches of access rights and fields
        seksi.action_confirm()
        seksi.action_reset()

        def step(dist):
            self.env.flush_all()
            self.env.invalidate_all()
            dist._propose()
            dist.action_confirm()
            self.env.flush_all()

        before = self.cr.sql_log_count
        step(bidang)
        one = self.cr.sql_log_count - before
        with self.assertQueryCount(one):
            step(seksi)
        self.assertEqual(len(self.seksi_dist.evaluation_ids), 6)
        self.assertEqual(len(self.bidang_dist.evaluation_ids), 1)
