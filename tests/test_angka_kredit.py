import importlib.util
import os

from freezegun import freeze_time

from odoo.modules.module import get_module_path

from odoo.addons.hr_kinerja_asn.rules import angka_kredit as rule_angka_kredit

from .common_evaluation import KinerjaEvaluationCase


class TestAngkaKreditExact(KinerjaEvaluationCase):
    """Angka kredit totals are exact (004 "konversi predikat kinerja bagi JF";
    DOMAIN 6): the yearly coefficient is a full year at Baik, so a year of twelve
    monthly Baik confirmations of an Ahli Pertama totals 12.5 - not 12 x 1.04 =
    12.48 - and only what is shown is rounded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.kinerja_ak_basis = "periodic"
        for month in range(1, 13):
            cls._confirm_month(cls._period(cls.year, "month", month))
        cls.ledger = cls.env["hr.kinerja.angka.kredit"].search([("employee_id", "=", cls.jf.id)])

    @classmethod
    def _confirm_month(cls, period):
        """The month as the users do it: the bidang head sets the seksi's Baik
        achievement, the kasi rates everyone at expectations and confirms."""
        evaluations = cls.env["hr.kinerja.evaluation"].with_user(cls.officer)._generate(period)
        cls.env["hr.kinerja.org.achievement"].with_user(cls.kabid_user).create(
            {"department_id": cls.seksi.id, "period_id": period.id, "value": "baik"}
        )
        for evaluation in evaluations.filtered(lambda e: e.unit_id == cls.seksi):
            evaluation = evaluation.with_user(cls.kasi_user)
            if evaluation.tugas_belajar:
                evaluation.write({"ipk": 3.3})
            else:
                evaluation.write({"result_rating": "sesuai", "behaviour_rating": "sesuai"})
            evaluation.action_done()
        dist = evaluations.distribution_id.filtered(lambda d: d.department_id == cls.seksi)
        dist = dist.with_user(cls.kasi_user)
        dist.justification = "Capaian merata."
        dist.action_confirm()

    def test_a_year_of_monthly_baik_totals_the_yearly_coefficient_004(self):
        ledger = self.ledger
        self.assertEqual(len(ledger), 12)
        self.assertEqual(set(ledger.mapped("predicate")), {"baik"})
        self.assertEqual(set(ledger.mapped("jf_jenjang")), {"ahli_pertama"})
        # each month as shown: 12.5 x 100% / 12 = 1.0416... -> 1.04; exactly 200/192
        self.assertEqual(set(ledger.mapped("amount")), {1.04})
        self.assertEqual(set(ledger.mapped("amount_units")), {200})
        self.assertEqual(rule_angka_kredit.DENOMINATOR, 192)
        # the running total adds the exact amounts: 2.08, 3.13 (3.125), ..., 12.50
        self.assertEqual(ledger[0].running_total, 1.04)
        self.assertEqual(ledger[2].running_total, 3.13)
        self.assertEqual(ledger[-1].running_total, 12.5)  # not 12.48
        # the list's sums (read_group) and the employee's smart button agree
        Ledger = self.env["hr.kinerja.angka.kredit"]
        [(total,)] = Ledger._read_group([("id", "in", ledger.ids)], [], ["amount:sum"])
        self.assertEqual(total, 12.5)
        groups = Ledger.read_group([("id", "in", ledger.ids)], ["amount:sum"], ["employee_id"])
        self.assertEqual([g["amount"] for g in groups], [12.5])
        with freeze_time("2027-12-31"):
            self.jf.invalidate_recordset(["kinerja_angka_kredit"])
            self.assertEqual(self.jf.kinerja_angka_kredit, 12.5)
        # the evaluation shows its own month
        self.assertEqual(ledger[0].evaluation_id.angka_kredit, 1.04)

    def _corrupt_to_the_old_rounding(self):
        """The ledger as 18.0.1.0.0 left it: the amount rounded per line and no
        exact amount (the column the upgrade adds is empty); one line also holds
        a wrong amount."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_kinerja_angka_kredit SET amount = 1.04, amount_units = NULL WHERE id IN %s",
            [tuple(self.ledger.ids)],
        )
        self.env.cr.execute(
            "UPDATE hr_kinerja_angka_kredit SET amount = 1.0 WHERE id = %s", [self.ledger[5].id]
        )
        self.env.invalidate_all()
        self.assertEqual(self.ledger[-1].running_total, 0.0)

    def _check_fixed(self):
        self.env.invalidate_all()
        self.assertEqual(set(self.ledger.mapped("amount_units")), {200})
        self.assertEqual(set(self.ledger.mapped("amount")), {1.04})
        self.assertEqual(self.ledger[-1].running_total, 12.5)

    def test_the_migration_recomputes_old_rounded_lines(self):
        self._corrupt_to_the_old_rounding()
        changed = self.ledger._kinerja_recompute_amounts()
        self.assertEqual(changed, self.ledger)
        self._check_fixed()
        # a second run changes nothing
        self.assertFalse(self.ledger._kinerja_recompute_amounts())

    def test_the_migration_script_18_0_1_1_0(self):
        """migrations/18.0.1.1.0/post-migrate.py, run as Odoo runs it on an upgrade
        from 18.0.1.0.0 (and a no-op on a fresh install)."""
        path = os.path.join(
            get_module_path("hr_kinerja_asn"), "migrations", "18.0.1.1.0", "post-migrate.py"
        )
        spec = importlib.util.spec_from_file_location("hr_kinerja_asn_migrate_18_0_1_1_0", path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        self._corrupt_to_the_old_rounding()
        script.migrate(self.env.cr, None)  # a fresh install: nothing to migrate
        self.env.invalidate_all()
        self.assertEqual(self.ledger[-1].running_total, 0.0)
        script.migrate(self.env.cr, "18.0.1.0.0")
        self._check_fixed()

    def test_a_line_the_rule_cannot_price_is_left_alone(self):
        line = self.ledger[0]
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_kinerja_angka_kredit SET months = 0, amount_units = NULL WHERE id = %s",
            [line.id],
        )
        self.env.invalidate_all()
        self.assertFalse(line._kinerja_recompute_amounts())
        self.assertEqual((line.amount_units, line.amount), (0, 1.04))
