from odoo import fields, models

from ..rules import constants as rule_constants

JABATAN_TYPES = [
    ("jpt_utama", "JPT Utama"),
    ("jpt_madya", "JPT Madya"),
    ("jpt_pratama", "JPT Pratama"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Functional (JF)"),
]
JF_JENJANG = list(rule_constants.JF_JENJANG_NAMES.items())
KINERJA_STATUS = [
    ("aktif", "Active"),
    ("pejabat_negara", "State Official / Non-structural Body Member"),
    ("diberhentikan_sementara", "Temporarily Dismissed"),
    ("cltn", "Unpaid Leave (CLTN)"),
    ("mpp", "Pre-retirement Leave (MPP)"),
]


class HrEmployeeBase(models.AbstractModel):
    """ASN master data, shared with the public employee profile so that colleagues
    and evaluators see NIP, rank and position without HR rights (DOMAIN section 2)."""

    _inherit = "hr.employee.base"

    nip = fields.Char("NIP", size=18, index=True, help="Nomor Induk Pegawai (18 digits).")
    asn_type = fields.Selection([("pns", "PNS"), ("pppk", "PPPK")], string="ASN Type")
    pangkat_id = fields.Many2one("hr.kinerja.pangkat", string="Rank/Grade")
    jabatan_type = fields.Selection(JABATAN_TYPES, string="Position Type")
    jf_jenjang = fields.Selection(JF_JENJANG, string="JF Level")
    kinerja_status = fields.Selection(
        KINERJA_STATUS,
        string="Planning Status",
        default="aktif",
        help="Employees in any status but Active are not planned or evaluated "
        "(003 section Penetapan SKP 7).",
    )
    tugas_belajar = fields.Boolean(
        "On Study Leave", help="Tugas belajar: the SKP holds academic targets (003)."
    )
