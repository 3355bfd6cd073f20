"""The employee portal: evaluations (003 Pasal 23-24) and the credit points ledger
(angka kredit, Permenpan RB 1/2023).

/my/kinerja/evaluation lists the user's evaluations per period; /my/kinerja/evaluation/<id>
shows one with why its predicate is what it is: the quadrant cell of the two ratings,
the achievement of the evaluator's unit and the distribution pattern it calls for, a
change made in the distribution and its reason, the evaluator's notes; and offers the
evaluation documents (the reports of reports/hr_kinerja_evaluation_reports.xml,
rendered once the evaluation is checked). While an evaluation is still to be rated
(draft) the employee sees who rates it, not the ratings being chosen.
/my/kinerja/angka-kredit is the user's ledger of credit points.
"""

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request
from odoo.tools.safe_eval import safe_eval

from ..rules import constants as rule_constants
from ..rules import quadrant as rule_quadrant
from .portal import KinerjaPortal

EVALUATIONS_PER_PAGE = 24
# The documents an employee downloads: url key -> report.
EVALUATION_REPORTS = {
    "result": "hr_kinerja_asn.action_report_evaluation_result",
    "document": "hr_kinerja_asn.action_report_evaluation_document",
}


class KinerjaPortalEvaluation(KinerjaPortal):
    def _kinerja_rater(self, evaluation):
        """Who rates ``evaluation``: the evaluator, their superior once escalated;
        the regional head (recorded by an HR manager) when there is no evaluator."""
        rater = (
            evaluation.evaluator_superior_id if evaluation.escalated else evaluation.evaluator_id
        )
        return rater.name if rater else _("the regional head")

    def _kinerja_my_evaluation(self, evaluation_id):
        """The evaluation ``evaluation_id`` if it is the user's own (404 otherwise:
        the evaluator's pages are the Team tab's)."""
        employee = self._kinerja_require_employee()
        evaluation = self._kinerja_record("hr.kinerja.evaluation", evaluation_id)
        if evaluation.employee_id != employee:
            raise NotFound()
        return evaluation

    # -- evaluations ------------------------------------------------------------------
    @http.route(
        ["/my/kinerja/evaluation", "/my/kinerja/evaluation/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_evaluations(self, page=1, **kw):
        employee = self._kinerja_require_employee()
        evaluations, pager = self._kinerja_paged(
            "hr.kinerja.evaluation",
            [("employee_id", "=", employee.id)],
            "/my/kinerja/evaluation",
            page,
            EVALUATIONS_PER_PAGE,
        )
        evaluations.mapped("period_id.name")
        # the raters' names in one read (through hr.employee.public)
        (evaluations.evaluator_id | evaluations.evaluator_superior_id).mapped("name")
        return request.render(
            "hr_kinerja_asn.portal_kinerja_evaluations",
            self._kinerja_values(
                "evaluation",
                kinerja_crumbs=[(_("Evaluations"), False)],
                evaluations=evaluations,
                raters={e.id: self._kinerja_rater(e) for e in evaluations},
                pager=pager,
            ),
        )

    @http.route(
        "/my/kinerja/evaluation/<int:evaluation_id>", type="http", auth="user", website=True
    )
    def kinerja_evaluation(self, evaluation_id, **kw):
        evaluation = self._kinerja_my_evaluation(evaluation_id)
        values = {
            "evaluation": evaluation,
            "rater": self._kinerja_rater(evaluation),
            "rated": evaluation.state != "draft",
            "reports": EVALUATION_REPORTS,
            "unit_names": {
                "department": evaluation.department_id.name,
                "unit": evaluation.unit_id.name,
            },
        }
        if values["rated"]:
            distribution = evaluation.distribution_id
            values.update(
                quadrant=[
                    (
                        result,
                        [
                            (behaviour, rule_quadrant.EMPLOYEE_QUADRANT[(result, behaviour)])
                            for behaviour in rule_constants.RATINGS
                        ],
                    )
                    for result in rule_constants.RATINGS
                ],
                rating_names=dict(
                    evaluation._fields["result_rating"]._description_selection(request.env)
                ),
                predicate_names=dict(
                    evaluation._fields["predicate"]._description_selection(request.env)
                ),
                achievement_names=dict(
                    evaluation._fields["org_achievement"]._description_selection(request.env)
                ),
                # the distribution is read with the user's rights (they are counted in it)
                distribution=distribution if distribution.has_access("read") else None,
                changed=bool(
                    evaluation.predicate
                    and evaluation.quadrant_predicate
                    and evaluation.predicate != evaluation.quadrant_predicate
                ),
            )
        return request.render(
            "hr_kinerja_asn.portal_kinerja_evaluation",
            self._kinerja_values(
                "evaluation",
                kinerja_crumbs=[
                    (_("Evaluations"), "/my/kinerja/evaluation"),
                    (evaluation.period_id.name, False),
                ],
                **values,
            ),
        )

    @http.route(
        "/my/kinerja/evaluation/<int:evaluation_id>/report/<string:kind>",
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_evaluation_report(self, evaluation_id, kind, download=None, **kw):
        evaluation = self._kinerja_my_evaluation(evaluation_id)
        if kind not in EVALUATION_REPORTS or evaluation.state == "draft":
            raise NotFound()
        # Rendered with the user's rights, like the back office's Print menu.
        pdf = request.env["ir.actions.report"]._render_qweb_pdf(
            EVALUATION_REPORTS[kind], evaluation.ids
        )[0]
        headers = {"Content-Type": "application/pdf", "Content-Length": len(pdf)}
        if download:
            report = request.env.ref(EVALUATION_REPORTS[kind]).sudo()
            name = safe_eval(report.print_report_name, {"object": evaluation.sudo()})
            headers["Content-Disposition"] = http.content_disposition(f"{name}.pdf")
        return request.make_response(pdf, headers=list(headers.items()))

    # -- credit points ----------------------------------------------------------------
    @http.route("/my/kinerja/angka-kredit", type="http", auth="user", website=True)
    def kinerja_angka_kredit(self, **kw):
        employee = self._kinerja_require_employee()
        Ledger = request.env["hr.kinerja.angka.kredit"]
        lines = Ledger.search([("employee_id", "=", employee.id)], order="date_start desc, id desc")
        lines.mapped("period_id.name")
        lines.mapped("year_id.name")
        years = []
        for year in lines.year_id.sorted("year", reverse=True):
            year_lines = lines.filtered(lambda line, y=year: line.year_id == y)
            years.append(
                (
                    year,
                    year_lines,
                    Ledger._display_units(sum(year_lines.mapped("amount_units"))),
                )
            )
        return request.render(
            "hr_kinerja_asn.portal_kinerja_angka_kredit",
            self._kinerja_values(
                "angka_kredit",
                kinerja_crumbs=[(_("Credit Points"), False)],
                years=years,
                total=Ledger._display_units(sum(lines.mapped("amount_units"))),
                has_lines=bool(lines),
            ),
        )
