from odoo import fields, models

from .policy import allow


class HrKinerjaSkpBehaviour(models.Model):
    """One BerAKHLAK core value on an SKP, with the leader's optional special
    expectation (ekspektasi khusus pimpinan, 003 Pasal 10(4))."""

    _name = "hr.kinerja.skp.behaviour"
    _description = "SKP Work Behaviour"
    # The guard inherits hr.kinerja.policy first and adds the SKP's draft rule.
    _inherit = ["hr.kinerja.skp.line.guard"]
    _order = "skp_id, sequence"

    # Who changes what (deny by default, models/policy.py). The seven core values are
    # put on every SKP by the server (003 Pasal 10(3)); the leader - the evaluator, the
    # evaluator's superior after the deadline, an HR officer - writes the special
    # expectation while the SKP is a draft (003 Pasal 10(4)).
    _kinerja_policy = (
        allow(
            ("evaluator", "superior", "officer"), "write", ["special_expectation"], states=["draft"]
        ),
    )
    _kinerja_server_fields = ("skp_id", "core_value_id")

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, ondelete="cascade", index=True)
    skp_state = fields.Selection(related="skp_id.state", string="SKP Status")
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    core_value_id = fields.Many2one("hr.kinerja.core.value", required=True, ondelete="restrict")
    sequence = fields.Integer(related="core_value_id.sequence", store=True)
    guide = fields.Text(related="core_value_id.guide")
    special_expectation = fields.Text("Leader's Special Expectation")

    _sql_constraints = [
        ("value_uniq", "unique(skp_id, core_value_id)", "Each core value appears once on an SKP."),
    ]
