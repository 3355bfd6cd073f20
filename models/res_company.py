from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # Every agency starts with the regulation's organisation quadrant (002 D.4.e).
        self.env["hr.kinerja.org.quadrant"].sudo()._load_regulation_table(companies)
        return companies
