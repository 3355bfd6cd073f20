"""Certificates for the signed documents: the agency's seal and trust roots on the
company (HR managers only), a user's own signing certificate on the user (written
only by the upload in the signing wizard, read only by the server)."""

from odoo import _, fields, models

MANAGER = "hr_kinerja_asn.group_kinerja_manager"


class ResCompany(models.Model):
    _inherit = "res.company"

    kinerja_seal_p12 = fields.Binary(
        "Seal Certificate (PKCS#12)",
        attachment=True,
        groups=MANAGER,
        help="The agency's seal: signs the documents of those without a certificate of "
        "their own, naming the signer in the signature.",
    )
    kinerja_seal_passphrase = fields.Char(
        "Seal Passphrase", groups=MANAGER, help="Opens the seal certificate when signing."
    )
    kinerja_trust_roots = fields.Text(
        "Trusted Root Certificates (PEM)",
        groups=MANAGER,
        help="The certification authorities whose signatures the verification page "
        "trusts (for BSrE: its root chain).",
    )

    def _kinerja_trust_roots(self):
        return self.sudo().kinerja_trust_roots or ""


class ResUsers(models.Model):
    _inherit = "res.users"

    kinerja_sign_p12 = fields.Binary(
        "Signing Certificate", attachment=True, groups="base.group_system", copy=False
    )
    kinerja_sign_subject = fields.Char("Signing Certificate Subject", readonly=True, copy=False)

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "kinerja_sign_subject"]

    def action_kinerja_upload_certificate(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Upload Signing Certificate"),
            "res_model": "hr.kinerja.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_mode": "certificate"},
        }
