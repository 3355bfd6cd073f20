from odoo import _, api, fields, models

from .policy import allow

# The columns of the three tables (the part decides which the form shows).
LINE_FIELDS = (
    "sequence",
    "indicator",
    "base_target",
    "target",
    "strategy",
    "skp_target",
    "progress",
    "problem",
    "cause",
)
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
    _inherit = ["hr.kinerja.policy", "hr.kinerja.pembinaan.line.mixin"]
    _order = "coaching_id, part, sequence, id"

    # Who changes what (deny by default, models/policy.py), by the table the line is
    # in: the employee adds, fills in and removes the rows of the goal and the facts
    # ("diisi oleh pegawai", Format B.1.6) - never a row of the way forward, nor
    # moves a row there; the coach (or an HR officer) writes every table. A row stays
    # in its form. While the form is a draft and its period open
    # (hr.kinerja.pembinaan.line.mixin).
    _kinerja_role_fields = {"employee": "coaching_id.employee_id", "coach": "coaching_id.coach_id"}
    _kinerja_state_field = "part"
    _kinerja_policy = (
        allow(
            ("coach", "officer"), "create", ["coaching_id", "part", "adjust_target", *LINE_FIELDS]
        ),
        allow(("coach", "officer"), "write", ["part", "adjust_target", *LINE_FIELDS]),
        allow(("coach", "officer"), "unlink"),
        allow(
            "employee", "create", ["coaching_id", "part", *LINE_FIELDS], states=["goal", "reality"]
        ),
        allow("employee", "write", LINE_FIELDS, states=["goal", "reality"]),
        allow("employee", "unlink", states=["goal", "reality"]),
    )

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

    @api.depends("part")
    def _compute_display_name(self):
        # What a refusal names: the table, not the row's content.
        labels = dict(self._fields["part"]._description_selection(self.env))
        for line in self:
            line.display_name = _(
                "a row of the %(part)s table of a coaching", part=labels.get(line.part, "")
            )
