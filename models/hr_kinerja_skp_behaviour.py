from odoo import fields, models


class HrKinerjaSkpBehaviour(models.Model):
    """One BerAKHLAK core value on an SKP, with the leader's optional special
    expectation (ekspektasi khusus pimpinan, 003 Pasal 10(4))."""

    _name = "hr.kinerja.skp.behaviour"
    _description = "SKP Work Behaviour"
    _inherit = ["hr.kinerja.skp.line.guard"]
    _order = "skp_id, sequence"

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    core_value_id = fields.Many2one("hr.kinerja.core.value", required=True, ondelete="restrict")
    sequence = fields.Integer(related="core_value_id.sequence", store=True)
    guide = fields.Text(related="core_value_id.guide")
    special_expectation = fields.Text("Leader's Special Expectation")

    _sql_constraints = [
        ("value_uniq", "unique(skp_id, core_value_id)", "Each core value appears once on an SKP."),
    ]
