from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user

from .common_evaluation import KinerjaEvaluationCase

# A holiday week (Monday 8 to Friday 12 February 2027): every deadline below
# counts across it.
HOLIDAY_WEEK = [date(2027, 2, 8) + timedelta(days=i) for i in range(5)]
RATED = date(2027, 2, 3)  # Wednesday
HANDED_OVER = date(2027, 2, 4)
RECEIVED = date(2027, 2, 5)  # Friday


class KinerjaKeberatanCase(KinerjaEvaluationCase, HttpCase):
    """January 2027 of the evaluation agency, rated on 3 February (the kasi rates
    the seksi, the kabid is the evaluator's superior), with the agency's holiday
    week of 8-12 February; the JF Ahli Pertama has an account and their January
    document is handed over on the 4th and received on the 5th."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.year.calendar_id
        for day in HOLIDAY_WEEK:
            cls._holiday(calendar, day)
        cls.env.company.kinerja_ak_basis = "periodic"
        cls.jf_user = new_test_user(cls.env, "kb_jf", groups="base.group_user")
        cls.jf.user_id = cls.jf_user
        with freeze_time(RATED):
            evaluations = (
                cls.env["hr.kinerja.evaluation"].with_user(cls.officer)._generate(cls.january)
            )
            cls.env["hr.kinerja.org.achievement"].with_user(cls.kabid_user).create(
                {"department_id": cls.seksi.id, "period_id": cls.january.id, "value": "baik"}
            )
            for evaluation in evaluations.filtered(lambda e: e.unit_id == cls.seksi):
                evaluation = evaluation.with_user(cls.kasi_user)
                if evaluation.tugas_belajar:
                    evaluation.write({"ipk": 3.3})
                else:
                    evaluation.write({"result_rating": "sesuai", "behaviour_rating": "sesuai"})
                evaluation.action_done()
            cls.distribution = evaluations.distribution_id.filtered(
                lambda d: d.department_id == cls.seksi
            )
            distribution = cls.distribution.with_user(cls.kasi_user)
            distribution.justification = "Capaian merata."
            distribution.action_confirm()
        cls.evaluations = evaluations
        cls.evaluation = evaluations.filtered(lambda e: e.employee_id == cls.jf)
        cls.other = evaluations.filtered(lambda e: e.employee_id == cls.staff[0])
