from odoo import fields, models

from .policy import ALL, allow


class HrKinerjaCoreValue(models.Model):
    """A BerAKHLAK core value with its three guide behaviours (003 Pasal 10(3);
    004). The official Indonesian wording is the Indonesian translation."""

    _name = "hr.kinerja.core.value"
    _description = "Core Value (BerAKHLAK)"
    _inherit = ["hr.kinerja.policy"]
    _order = "sequence"

    # Who changes what (deny by default, models/policy.py): an HR manager keeps the
    # core values and their guide behaviours (003 Pasal 10(3); 004), as their access
    # rights say; they are never deleted (SKPs refer to them), only archived.
    _kinerja_policy = (allow("manager", "create write", ALL),)

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    guide = fields.Text("Guide Behaviours", required=True, translate=True)
    active = fields.Boolean(default=True)
