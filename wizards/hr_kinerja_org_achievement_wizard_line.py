from odoo import api, fields, models

from ..models.hr_kinerja_org_quadrant import ACHIEVEMENTS, RATINGS
from ..models.policy import allow


class HrKinerjaOrgAchievementWizardLine(models.TransientModel):
    _name = "hr.kinerja.org.achievement.wizard.line"
    _description = "Achievement of a Unit Below"
    _inherit = ["hr.kinerja.policy"]
    _rec_name = "department_id"

    # Who changes what (deny by default, models/policy.py): the owner of the wizard
    # (who opened it) fills its lines; the wizard checks their units when it sets
    # the achievements.
    _kinerja_policy = (
        allow(
            "owner",
            "create write",
            ["wizard_id", "department_id", "value", "result_rating", "process_rating", "note"],
        ),
        allow("owner", "unlink"),
    )
    _kinerja_role_fields = {"owner": "wizard_id.create_uid"}

    wizard_id = fields.Many2one(
        "hr.kinerja.org.achievement.wizard", required=True, ondelete="cascade"
    )
    department_id = fields.Many2one("hr.department", string="Unit", required=True)
    value = fields.Selection(ACHIEVEMENTS, string="Achievement")
    result_rating = fields.Selection(RATINGS, string="Result")
    process_rating = fields.Selection(RATINGS, string="Process")
    quadrant_value = fields.Selection(
        ACHIEVEMENTS, string="Annual Achievement", compute="_compute_quadrant_value"
    )
    note = fields.Char()

    @api.depends("result_rating", "process_rating")
    def _compute_quadrant_value(self):
        quadrant = self.env["hr.kinerja.org.quadrant"].sudo()
        for line in self:
            line.quadrant_value = (
                quadrant.achievement_for(
                    line.department_id.company_id or self.env.company,
                    line.result_rating,
                    line.process_rating,
                )
                if line.result_rating and line.process_rating
                else False
            )
