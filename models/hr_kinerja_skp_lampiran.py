from odoo import fields, models

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
    _inherit = ["hr.kinerja.skp.line.guard"]
    _order = "skp_id, section, sequence, id"

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, ondelete="cascade", index=True)
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
