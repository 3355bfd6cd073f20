from odoo import models


class ReportYearTppXlsx(models.AbstractModel):
    """The performance allowance basis of a whole performance year: every
    evaluation of the year the user may read."""

    _name = "report.hr_kinerja_asn.year_tpp_xlsx"
    _inherit = "report.hr_kinerja_asn.evaluation_tpp_xlsx"
    _description = "Performance Allowance Basis of a Year (XLSX)"

    def _by_year(self, years):
        years.check_access("read")
        evaluations = self.env["hr.kinerja.evaluation"].search([("year_id", "in", years.ids)])
        return [(year, evaluations.filtered(lambda e, y=year: e.year_id == y)) for year in years]
