from odoo import fields, models

SUBJECTS = [
    ("employee", "About the Employee"),
    ("guide", "About the Leader or Assigned Party"),
    ("both", "About the Employee and the Leader or Assigned Party"),
]


class HrKinerjaGuidanceStatement(models.Model):
    """One of the nine statements on which the employee gives feedback after
    performance guidance (003 Format B.1.8, "kriteria"). The official Indonesian
    wording is their Indonesian translation."""

    _name = "hr.kinerja.guidance.statement"
    _description = "Guidance Feedback Statement (B.1.8)"
    _order = "sequence, id"

    name = fields.Char("Statement", required=True, translate=True)
    sequence = fields.Integer(default=10)
    subject = fields.Selection(SUBJECTS, required=True, default="employee")
    active = fields.Boolean(default=True)
