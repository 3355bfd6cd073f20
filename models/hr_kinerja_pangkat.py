from odoo import fields, models

from .policy import ALL, allow


class HrKinerjaPangkat(models.Model):
    """Pangkat/golongan ruang: PNS I/a-IV/e with their names, PPPK I-XVII."""

    _name = "hr.kinerja.pangkat"
    _description = "Rank and Grade (Pangkat/Golongan)"
    _inherit = ["hr.kinerja.policy"]
    _order = "asn_type, sequence"

    # Who changes what (deny by default, models/policy.py): an HR manager keeps the
    # table of ranks and grades whole.
    _kinerja_policy = (allow("manager", "create write unlink", ALL),)

    name = fields.Char("Rank", required=True, translate=True, help="Pangkat, e.g. Penata Muda.")
    code = fields.Char("Grade", required=True, help="Golongan ruang, e.g. III/a.")
    asn_type = fields.Selection(
        [("pns", "PNS"), ("pppk", "PPPK")], string="ASN Type", required=True
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_type_uniq", "unique(code, asn_type)", "A grade exists only once per ASN type."),
    ]

    def _compute_display_name(self):
        for pangkat in self:
            if pangkat.asn_type == "pns":
                pangkat.display_name = f"{pangkat.name} ({pangkat.code})"
            else:
                pangkat.display_name = pangkat.name
