from odoo import fields, models


class HrKinerjaPangkat(models.Model):
    """Pangkat/golongan ruang: PNS I/a-IV/e with their names, PPPK I-XVII."""

    _name = "hr.kinerja.pangkat"
    _description = "Rank and Grade (Pangkat/Golongan)"
    _order = "asn_type, sequence"

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
