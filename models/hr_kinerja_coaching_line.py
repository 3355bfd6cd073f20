from odoo import fields, models

PARTS = [
    ("goal", "Goal"),
    ("reality", "Facts"),
    ("way_forward", "Way Forward"),
]


class HrKinerjaCoachingLine(models.Model):
    """A row of one of the three tables of the coaching form (003 Format B.1.6):

    - goal ("tujuan apa yang ingin saya capai?"): indicator, base target, target,
      strategy to reach the target - filled in by the employee;
    - facts ("fakta dimana saya sekarang"): SKP target, progress, problem or
      obstacle, its cause - filled in by the employee;
    - way forward ("langkah ke depan"): indicator, strategy to overcome the problem,
      whether the measure of success and the target are adjusted - the coach's
      recommendation agreed with the employee."""

    _name = "hr.kinerja.coaching.line"
    _description = "Coaching Form Line (B.1.6)"
    _inherit = ["hr.kinerja.pembinaan.line.mixin"]
    _order = "coaching_id, part, sequence, id"

    _parent_field = "coaching_id"

    coaching_id = fields.Many2one(
        "hr.kinerja.coaching", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="coaching_id.company_id", store=True)
    part = fields.Selection(PARTS, required=True, default="goal")
    sequence = fields.Integer(default=10)
    indicator = fields.Char(
        "Individual Performance Indicator", help="Indikator Kinerja Individu (IKI)."
    )
    base_target = fields.Char(help="Base target, if any.")
    target = fields.Char()
    strategy = fields.Text(
        help="Goal: the strategy to reach the target. Way forward: the strategy to "
        "overcome the problem or obstacle."
    )
    skp_target = fields.Char("SKP Target")
    progress = fields.Char(help="Progress towards the target.")
    problem = fields.Text("Problem / Obstacle")
    cause = fields.Text()
    adjust_target = fields.Boolean(
        "Adjust Measure and Target",
        help="Yes if the measure of success and the target are adjusted: the SKP is then changed.",
    )
