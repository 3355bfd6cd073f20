from odoo import _, api, fields, models

from ..rules import constants as rule_constants
from ..rules import quadrant as rule_quadrant
from .policy import allow

RATINGS = [
    (rule_constants.DI_ATAS, "Above Expectations"),
    (rule_constants.SESUAI, "Meets Expectations"),
    (rule_constants.DI_BAWAH, "Below Expectations"),
]
# Legal names, kept as users know them (002 D.4.a).
ACHIEVEMENTS = list(rule_constants.ACHIEVEMENT_NAMES.items())


class HrKinerjaOrgQuadrant(models.Model):
    """One cell of an agency's annual organisation quadrant (002 D.4.e): result
    (y) and process (x) ratings give the unit's annual achievement. The regulation's
    table is loaded for every agency; an HR manager may correct a cell."""

    _name = "hr.kinerja.org.quadrant"
    _description = "Organisation Quadrant Cell"
    _inherit = ["hr.kinerja.policy"]
    _order = "company_id, result, process"

    # Who changes what (deny by default, models/policy.py): the nine cells of each
    # agency are loaded from the regulation's table (002 D.4.e); an HR manager
    # corrects the achievement of a cell, never which cell it is.
    _kinerja_policy = (allow("manager", "write", ["achievement"]),)
    _kinerja_server_fields = ("company_id", "result", "process")

    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    result = fields.Selection(RATINGS, string="Result (y)", required=True)
    process = fields.Selection(RATINGS, string="Process (x)", required=True)
    achievement = fields.Selection(ACHIEVEMENTS, required=True)
    regulation_achievement = fields.Selection(
        ACHIEVEMENTS,
        compute="_compute_regulation_achievement",
        string="Regulation's Achievement",
    )

    _sql_constraints = [
        ("cell_uniq", "unique(company_id, result, process)", "Each cell exists once per agency."),
    ]

    @api.depends("result", "process")
    def _compute_regulation_achievement(self):
        for cell in self:
            cell.regulation_achievement = rule_quadrant.ORG_QUADRANT.get(
                (cell.result, cell.process)
            )

    @api.model
    def _table_for(self, company):
        """The agency's table: its corrected cells over the regulation's."""
        table = dict(rule_quadrant.ORG_QUADRANT)
        for cell in self.search([("company_id", "=", company.id)]):
            table[(cell.result, cell.process)] = cell.achievement
        return table

    @api.model
    def achievement_for(self, company, result, process):
        return rule_quadrant.org_achievement(result, process, self._table_for(company))

    @api.model
    def _load_regulation_table(self, companies=None):
        """Create the missing cells of each agency from the regulation's table."""
        companies = companies if companies is not None else self.env["res.company"].search([])
        existing = {
            (cell.company_id.id, cell.result, cell.process)
            for cell in self.search([("company_id", "in", companies.ids)])
        }
        return self.create(
            [
                {"company_id": company.id, "result": y, "process": x, "achievement": value}
                for company in companies
                for (y, x), value in rule_quadrant.ORG_QUADRANT.items()
                if (company.id, y, x) not in existing
            ]
        )

    def action_reset_to_regulation(self):
        for cell in self:
            cell.achievement = cell.regulation_achievement
        return True

    def _compute_display_name(self):
        for cell in self:
            cell.display_name = _(
                "Result %(result)s, process %(process)s",
                result=dict(RATINGS).get(cell.result),
                process=dict(RATINGS).get(cell.process),
            )
