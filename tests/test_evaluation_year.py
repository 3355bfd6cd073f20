from odoo.addons.hr_kinerja_asn.rules import angka_kredit as rule_angka_kredit

from .common_evaluation import KinerjaEvaluationCase


class FullYearMixin:
    """A whole year in the back office, as the users do it: each leader sets the
    achievements of the units below with the wizard, an HR officer generates the
    evaluations, evaluators rate with the suggestions, each unit leader runs the
    proposal wizard and confirms; the JF's credit points add up in the ledger."""

    def _set_achievements(self, period, leader_user, unit, value):
        wizard = (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_user(leader_user)
            .create({"period_id": period.id, "department_id": unit.id})
        )
        for line in wizard.line_ids:
            if period.kind == "annual":
                line.write({"result_rating": "sesuai", "process_rating": "sesuai"})  # Baik
            else:
                line.value = value
        wizard.action_confirm()

    def _run_year(self):
        self.env.company.kinerja_ak_basis = "periodic"
        periods = self.year.period_ids.sorted(lambda p: (p.kind == "annual", p.date_start))
        for period in periods:
            # the badan's own, for the regional head, recorded by an HR officer
            self.env["hr.kinerja.org.achievement"].with_user(self.officer).create(
                {
                    "department_id": self.badan.id,
                    "period_id": period.id,
                    "result_rating": "sesuai",
                    "process_rating": "sesuai",
                }
                if period.kind == "annual"
                else {"department_id": self.badan.id, "period_id": period.id, "value": "baik"}
            )
            self._set_achievements(period, self.kaban_user, self.badan, "baik")
            self._set_achievements(period, self.kabid_user, self.bidang, "baik")
            evaluations = self._generate(period)
            self.assertEqual(len(evaluations), 8, period.display_name)
            for evaluation in evaluations:
                rater = evaluation.evaluator_id.user_id
                evaluation = evaluation.with_user(rater)
                if evaluation.tugas_belajar:
                    evaluation.write({"ipk": 3.3})
                else:
                    evaluation.action_apply_suggestions()
                    if not evaluation.result_rating:
                        evaluation.write({"result_rating": "sesuai"})
                evaluation.action_done()
            for dist in evaluations.distribution_id:
                leader = dist.leader_id.user_id
                action = dist.with_user(leader).action_open_proposal()
                wizard = self.env["hr.kinerja.distribution.proposal"].browse(action["res_id"])
                self.assertTrue(wizard.feasible)
                wizard.with_user(leader).action_apply()
                if not dist.is_compliant:
                    dist.with_user(leader).justification = "Unit kecil: pola sebagai panduan."
                dist.with_user(leader).action_confirm()
            self.assertEqual(set(evaluations.mapped("state")), {"confirmed"}, period.display_name)
        seksi = self.env["hr.kinerja.distribution"].search(
            [("department_id", "=", self.seksi.id), ("year_id", "=", self.year.id)]
        )
        self.assertEqual(len(seksi), len(periods))
        self.assertTrue(all(seksi.mapped("is_compliant")))
        ledger = self.env["hr.kinerja.angka.kredit"].search([("employee_id", "=", self.jf.id)])
        return periods, ledger

    def _check_exact_total(self, ledger):
        """The running total is the exact sum rounded once (004, DOMAIN 6): a year
        of Baik is the yearly coefficient, 12.5 for the Ahli Pertama."""
        entries = [(line.predicate, line.jf_jenjang, line.months) for line in ledger]
        self.assertEqual(ledger[-1].running_total, float(rule_angka_kredit.total(entries)))
        if set(ledger.mapped("predicate")) == {"baik"}:
            self.assertEqual(ledger[-1].running_total, 12.5)


class TestFullYearMonthly(FullYearMixin, KinerjaEvaluationCase):
    PRESET = "kutai_kartanegara"
    PERIOD_TYPE = "monthly"

    def test_full_year(self):
        periods, ledger = self._run_year()
        self.assertEqual(len(periods), 13)
        self.assertEqual(len(ledger), 12)  # monthly, pro rata: the annual earns none
        self.assertEqual(sum(ledger.mapped("months")), 12)
        self._check_exact_total(ledger)


class TestFullYearQuarterly(FullYearMixin, KinerjaEvaluationCase):
    PRESET = "lima_puluh_kota"
    PERIOD_TYPE = "quarterly"

    def test_full_year(self):
        periods, ledger = self._run_year()
        self.assertEqual(len(periods), 5)
        self.assertEqual(ledger.mapped("months"), [3, 3, 3, 3])
        self._check_exact_total(ledger)
