from odoo import fields, models

from .hr_kinerja_skp_line_guard import SKP_EDITORS
from .policy import allow

SECTIONS = [
    ("resource", "Resource Support"),
    ("accountability", "Accountability Scheme"),
    ("consequence", "Consequences"),
]


class HrKinerjaSkpLampiran(models.Model):
    """A line of the SKP attachment (Lampiran SKP, Format A.1.8): the resources
    the employee needs (003 Pasal 11), the accountability scheme (Pasal 12) and the
    agreed consequences (Pasal 13)."""

    _name = "hr.kinerja.skp.lampiran"
    _description = "SKP Attachment Line (A.1.8)"
    # The guard inherits hr.kinerja.policy first and adds the SKP's draft rule.
    _inherit = ["hr.kinerja.skp.line.guard"]
    _order = "skp_id, section, sequence, id"

    # Who changes what (deny by default, models/policy.py): the editors of a draft SKP
    # agree its attachment in the performance dialogue (003 Pasal 11-13); a line stays
    # on the SKP it was made for.
    _LAMPIRAN_FIELDS = ("section", "sequence", "resource_type", "consequence_type", "description")
    _kinerja_policy = (
        allow(SKP_EDITORS, "create", ["skp_id", *_LAMPIRAN_FIELDS], states=["draft"]),
        allow(SKP_EDITORS, "write", _LAMPIRAN_FIELDS, states=["draft"]),
        allow(SKP_EDITORS, "unlink", states=["draft"]),
    )

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, ondelete="cascade", index=True)
    skp_state = fields.Selection(related="skp_id.state", string="SKP Status")
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    section = fields.Selection(SECTIONS, required=True, default="resource")
    sequence = fields.Integer(default=10)
    resource_type = fields.Selection(
        [
            ("sdm", "Human Resources"),
            ("anggaran", "Budget"),
            ("peralatan", "Work Equipment"),
            ("pendampingan", "Leader's Mentoring"),
            ("sarana", "Facilities and Infrastructure"),
        ],
        string="Resource",
    )
    consequence_type = fields.Selection(
        [("positive", "Positive"), ("negative", "Negative")], string="Consequence"
    )
    description = fields.Text(required=True)
