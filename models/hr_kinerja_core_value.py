from odoo import fields, models


class HrKinerjaCoreValue(models.Model):
    """A BerAKHLAK core value with its three guide behaviours (003 Pasal 10(3);
    004). The official Indonesian wording is the Indonesian translation."""

    _name = "hr.kinerja.core.value"
    _description = "Core Value (BerAKHLAK)"
    _order = "sequence"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    guide = fields.Text("Guide Behaviours", required=True, translate=True)
    active = fields.Boolean(default=True)
