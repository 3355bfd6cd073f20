import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models import kinerja_signer
from ..models.hr_kinerja_signature import DOCUMENTS
from ..models.policy import allow

# Secrets the wizard uses while it is created and never keeps: a passphrase, the
# certificate being uploaded (its copy goes to the user's own record).
SECRETS = ("passphrase", "certificate")


class HrKinerjaSignWizard(models.TransientModel):
    """Sign an official document, reopen a signed one, or upload one's own signing
    certificate. The work is done when the dialog's values arrive (create): the
    passphrase is used there and never written to the database."""

    _name = "hr.kinerja.sign.wizard"
    _description = "Sign a Document"
    _inherit = ["hr.kinerja.policy"]

    # Anyone opens it; what it does checks who they are on the record (the same
    # refusal as the Sign button's visibility) - deny by default otherwise.
    _kinerja_policy = (
        allow(
            "user",
            "create write",
            [
                "res_model",
                "res_id",
                "document",
                "mode",
                "use_personal",
                "reason",
                "passphrase",
                "certificate",
            ],
        ),
    )
    _kinerja_server_fields = ("signature_id",)

    mode = fields.Selection(
        [("sign", "Sign"), ("reopen", "Reopen"), ("certificate", "Upload Certificate")],
        default="sign",
        required=True,
    )
    res_model = fields.Char()
    res_id = fields.Integer()
    # Which of the record's printed forms (its first one when empty or not its own).
    document = fields.Char()
    has_personal = fields.Boolean(compute="_compute_has_personal")
    use_personal = fields.Boolean(
        "Sign With My Own Certificate",
        default=lambda self: bool(self.env.user.sudo().kinerja_sign_p12),
        help="Otherwise the agency's seal certificate signs, naming you in the signature.",
    )
    passphrase = fields.Char(help="Used to sign, never stored.")
    certificate = fields.Binary("Certificate (PKCS#12)", attachment=False)
    reason = fields.Text()
    signature_id = fields.Many2one("hr.kinerja.signature", readonly=True)

    @api.depends_context("uid")
    def _compute_has_personal(self):
        for wizard in self:
            wizard.has_personal = bool(self.env.user.sudo().kinerja_sign_p12)

    def _record(self, res_model, res_id):
        if res_model not in DOCUMENTS:
            raise AccessError(_("This record has no signed document."))
        record = self.env[res_model].browse(res_id or 0).exists()
        if not record:
            raise AccessError(_("You cannot sign a record you cannot read."))
        record.check_access("read")
        return record

    @api.model_create_multi
    def create(self, vals_list):
        secrets = [{key: vals.pop(key, False) for key in SECRETS} for vals in vals_list]
        wizards = super().create(vals_list)
        for wizard, secret in zip(wizards, secrets, strict=True):
            wizard._do(secret)
        return wizards

    def write(self, vals):
        secret = {key: vals.pop(key, False) for key in SECRETS}
        result = super().write(vals)
        if any(secret.values()):
            for wizard in self:
                wizard._do(secret)
        return result

    def _do(self, secret):
        if self.mode == "certificate":
            return self._upload(secret)
        record = self._record(self.res_model, self.res_id).with_context(
            kinerja_document=self.document or False
        )
        if self.mode == "reopen":
            return record._kinerja_reopen_signed(self.reason or "")
        signature = record._kinerja_sign(secret["passphrase"], personal=self.use_personal)
        super(HrKinerjaSignWizard, self.sudo()).write({"signature_id": signature.id})
        return True

    def _upload(self, secret):
        if not secret["certificate"]:
            raise UserError(_("Choose your certificate file (.p12 or .pfx)."))
        data = base64.b64decode(secret["certificate"])
        try:
            signer = kinerja_signer.signer_for(data, secret["passphrase"] or "")
        except kinerja_signer.SigningError:
            raise UserError(_("The passphrase does not open this certificate.")) from None
        self.env.user.sudo().write(
            {"kinerja_sign_p12": base64.b64encode(data), "kinerja_sign_subject": signer.subject}
        )
        return True

    def action_done(self):
        """The dialog's button: the work was done as the values arrived."""
        return {"type": "ir.actions.act_window_close"}
