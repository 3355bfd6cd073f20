import base64
import hashlib
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import kinerja_signer
from .workflow import workflow

ROLES = [
    ("employee", "Employee"),
    ("evaluator", "Evaluator"),
    ("superior", "Evaluator's Superior"),
    ("unit_leader", "Unit Leader"),
]
# The official documents that are signed: the source model and the report printed
# and signed (its first one: a record may carry several, see
# ``hr.kinerja.signed.mixin._kinerja_documents``).
PENETAPAN_PREDIKAT = "hr_kinerja_asn.action_report_penetapan_predikat"
PENETAPAN_CAPAIAN = "hr_kinerja_asn.action_report_penetapan_capaian"
DOCUMENTS = {
    "hr.kinerja.skp": "hr_kinerja_asn.hr_kinerja_skp_report",
    "hr.kinerja.evaluation": "hr_kinerja_asn.action_report_evaluation_document",
    "hr.kinerja.keberatan": "hr_kinerja_asn.action_report_keberatan",
    "hr.kinerja.distribution": PENETAPAN_PREDIKAT,
}
# A short code people type: no 0/O, 1/I/L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class HrKinerjaSignature(models.Model):
    """One electronic signature on an official document: who signed which printed
    form of which record, as what, when, with which certificate, and the signed PDF
    as it was then (its SHA-256 recorded). A later signer signs that PDF again
    (an incremental update): the last signature's PDF carries them all. Created only
    by the server (``_sign``); anyone holds the verification link
    (``/kinerja/verify/<token>``) printed on the document as a QR code."""

    _name = "hr.kinerja.signature"
    _description = "Electronic Signature"
    _inherit = ["hr.kinerja.policy"]
    _order = "res_model, res_id, sequence, id"
    _rec_name = "code"

    # Nobody writes a signature: the signing step creates it, a reopening marks it
    # superseded (models/policy.py: deny by default).
    _kinerja_policy = ()
    _kinerja_server_fields = (
        "res_model",
        "res_id",
        "report_xmlid",
        "document_name",
        "sequence",
        "role",
        "user_id",
        "signer_id",
        "employee_id",
        "evaluator_id",
        "evaluator_superior_id",
        "company_id",
        "signed_at",
        "attachment_id",
        "sha256",
        "token",
        "code",
        "certificate_subject",
        "certificate_kind",
        "superseded",
        "superseded_reason",
        "superseded_date",
        "superseded_by_id",
    )
    _kinerja_role_fields = {}

    res_model = fields.Char("Document Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        "Document Record", model_field="res_model", required=True, readonly=True, index=True
    )
    source_ref = fields.Reference(
        selection="_selection_source", string="Signed Record", compute="_compute_source_ref"
    )
    report_xmlid = fields.Char("Printed Form", required=True, readonly=True)
    document_name = fields.Char("Document", readonly=True)
    sequence = fields.Integer(readonly=True, help="Order of the signatures on the document.")
    role = fields.Selection(ROLES, required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Signed By", required=True, readonly=True)
    signer_id = fields.Many2one("hr.employee", readonly=True)
    signer_name = fields.Char(compute="_compute_signer_name")
    # Who the document concerns, copied at signing: the record rules read these.
    employee_id = fields.Many2one("hr.employee", readonly=True, index=True)
    evaluator_id = fields.Many2one("hr.employee", readonly=True)
    evaluator_superior_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", string="Agency", required=True, readonly=True)
    signed_at = fields.Datetime("Signed On", required=True, readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="Signed PDF", readonly=True)
    sha256 = fields.Char("SHA-256", readonly=True, index=True)
    token = fields.Char(readonly=True, copy=False, index=True)
    code = fields.Char("Verification Code", readonly=True, copy=False, index=True)
    certificate_subject = fields.Char("Certificate", readonly=True)
    certificate_kind = fields.Selection(
        [("personal", "Personal Certificate"), ("seal", "Agency Seal")], readonly=True
    )
    superseded = fields.Boolean(
        readonly=True,
        help="The signed record was reopened: this signed version is kept on record, "
        "but the record may have changed since.",
    )
    superseded_reason = fields.Text(readonly=True)
    superseded_date = fields.Datetime(readonly=True)
    superseded_by_id = fields.Many2one("res.users", string="Reopened By", readonly=True)

    _sql_constraints = [
        ("token_uniq", "unique(token)", "A verification token is unique."),
        ("code_uniq", "unique(code)", "A verification code is unique."),
    ]

    @api.model
    def _selection_source(self):
        return [(model, self.env[model]._description) for model in DOCUMENTS]

    @api.depends("res_model", "res_id")
    def _compute_source_ref(self):
        for signature in self:
            signature.source_ref = (
                f"{signature.res_model},{signature.res_id}"
                if signature.res_model in DOCUMENTS and signature.res_id
                else False
            )

    def _compute_signer_name(self):
        for signature in self:
            sudo = signature.sudo()
            signature.signer_name = sudo.signer_id.name or sudo.user_id.name

    # -- the chain of signatures of one document ------------------------------------
    @api.model
    def _of(self, record, superseded=False, report=None):
        """The signatures of ``record``'s documents (of its printed form ``report``
        only, when given), in signing order (the current ones; with ``superseded``,
        every one)."""
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        if report:
            domain.append(("report_xmlid", "=", report))
        if not superseded:
            domain.append(("superseded", "=", False))
        return self.sudo().search(domain, order="sequence, id")

    @api.model
    def _of_records(self, records):
        """{record id: its current signatures in signing order} for ``records`` of one
        model: ``_of`` in one search."""
        if not records:
            return {}
        signatures = self.sudo().search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("superseded", "=", False),
            ],
            order="sequence, id",
        )
        chains = {}
        for signature in signatures:
            chains[signature.res_id] = chains.get(signature.res_id, self.sudo()) | signature
        return chains

    def _chain(self):
        """The current signatures of the same document as this one (itself included,
        also when it was superseded with them)."""
        self.ensure_one()
        return self.sudo().search(
            [
                ("res_model", "=", self.res_model),
                ("res_id", "=", self.res_id),
                ("report_xmlid", "=", self.report_xmlid),
                ("superseded", "=", self.superseded),
                ("superseded_date", "=", self.superseded_date),
            ],
            order="sequence, id",
        )

    def _pdf(self):
        self.ensure_one()
        return base64.b64decode(self.sudo().attachment_id.datas or b"")

    @api.model
    def _new_code(self):
        while True:
            raw = "".join(secrets.choice(CODE_ALPHABET) for _index in range(8))
            code = f"{raw[:4]}-{raw[4:]}"
            if not self.sudo().search_count([("code", "=", code)]):
                return code

    # -- signing --------------------------------------------------------------------
    @api.model
    def _signer(self, user, company, passphrase=None, personal=False):
        """(signer, kind): the user's own certificate with ``passphrase``, or the
        agency's seal with its stored passphrase."""
        if personal:
            p12 = user.sudo().kinerja_sign_p12
            if not p12:
                raise UserError(_("You have no signing certificate of your own."))
            if not passphrase:
                raise UserError(_("Enter the passphrase of your signing certificate."))
            try:
                return kinerja_signer.signer_for(base64.b64decode(p12), passphrase), "personal"
            except kinerja_signer.SigningError:
                raise UserError(
                    _("The passphrase does not open your signing certificate.")
                ) from None
        company = company.sudo()
        if not company.kinerja_seal_p12:
            raise UserError(
                _(
                    "%(agency)s has no seal certificate to sign with: an HR manager uploads "
                    "it in the agency's settings (ASN Performance tab).",
                    agency=company.name,
                )
            )
        try:
            signer = kinerja_signer.signer_for(
                base64.b64decode(company.kinerja_seal_p12), company.kinerja_seal_passphrase or ""
            )
        except kinerja_signer.SigningError:
            raise UserError(
                _("The agency's seal certificate cannot be opened with its stored passphrase.")
            ) from None
        return signer, "seal"

    @api.model
    def _sign(self, record, role, passphrase=None, personal=False):
        """Sign ``record``'s official document as the current user in ``role`` (the
        caller checked that they may): render the form (or take the PDF the previous
        signer signed), sign it with a visible QR stamp, store it. Returns the new
        signature."""
        record.ensure_one()
        user = self.env.user
        company = record.sudo().company_id
        signer, kind = self._signer(user, company, passphrase, personal)
        report_xmlid = record._kinerja_report()
        chain = self._of(record, report=report_xmlid)
        if chain:
            pdf = chain[-1]._pdf()
        else:
            pdf, _type = (
                self.env["ir.actions.report"]
                .sudo()
                .with_context(lang=user.lang, force_report_rendering=True)
                ._render_qweb_pdf(report_xmlid, record.ids)
            )
        token = secrets.token_urlsafe(24)
        code = self._new_code()
        base_url = record.get_base_url()
        url = f"{base_url}/kinerja/verify/{token}"
        employee = (
            user.employee_ids.filtered(lambda e: e.company_id == company)[:1]
            or (user.employee_ids[:1])
        )
        name = employee.name or user.name
        if employee.nip:
            name = f"{name} (NIP {employee.nip})"
        document = record._kinerja_document_name()
        role_label = dict(self._fields["role"]._description_selection(self.env))[role]
        signed = signer.sign(
            pdf,
            field_name=f"Signature{len(chain) + 1}",
            slot=len(chain),
            name=name,
            reason=f"{document} - {role_label}",
            location=company.name,
            url=url,
            code=code,
        )
        source = record.sudo()
        signature = workflow(self.sudo()).create(
            {
                "res_model": record._name,
                "res_id": record.id,
                "report_xmlid": report_xmlid,
                "document_name": document,
                "sequence": len(chain) + 1,
                "role": role,
                "user_id": user.id,
                "signer_id": employee.id,
                **record._kinerja_signature_parties(),
                "company_id": company.id,
                "signed_at": fields.Datetime.now(),
                "sha256": hashlib.sha256(signed).hexdigest(),
                "token": token,
                "code": code,
                "certificate_subject": signer.subject,
                "certificate_kind": kind,
            }
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{document} - {source.display_name} - {code}.pdf",
                    "raw": signed,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": signature.id,
                }
            )
        )
        workflow(signature).write({"attachment_id": attachment.id})
        source.message_post(
            body=_(
                "%(document)s signed electronically by %(name)s as %(role)s "
                "(verification code %(code)s).",
                document=document,
                name=name,
                role=role_label,
                code=code,
            )
        )
        return signature.sudo(False)

    def _supersede(self, reason):
        """The signed record is reopened: its signatures and PDFs stay, marked as
        superseded (the caller checked who reopens)."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Say why the signed document is reopened: it is kept on record."))
        workflow(self.sudo()).write(
            {
                "superseded": True,
                "superseded_reason": reason,
                "superseded_date": fields.Datetime.now(),
                "superseded_by_id": self.env.uid,
            }
        )

    # -- the public page ----------------------------------------------------------------
    @api.model
    def _by_token(self, token):
        if not token or len(token) < 20:
            return self.browse()
        return self.sudo().search([("token", "=", token)], limit=1)

    @api.model
    def _by_code(self, code):
        code = (code or "").strip().upper().replace(" ", "")
        if len(code) == 8:
            code = f"{code[:4]}-{code[4:]}"
        if len(code) != 9:
            return self.browse()
        return self.sudo().search([("code", "=", code)], limit=1)

    def _verify_upload(self, data):
        """What an uploaded PDF is, compared with this signature's document: whether
        it is one of the signed PDFs (by SHA-256) and what pyHanko says of each
        signature in it, against the agency's trust roots."""
        self.ensure_one()
        chain = self._chain()
        digest = hashlib.sha256(data).hexdigest()
        match = chain.filtered(lambda s: s.sha256 == digest)[:1]
        results = kinerja_signer.validate(data, self.sudo().company_id._kinerja_trust_roots())
        all_good = bool(results) and all(
            r["intact"] and r["valid"] and r["trusted"] and not r["modified"] for r in results
        )
        return {
            "sha256": digest,
            "match": match,
            "is_final": bool(match) and match == chain[-1:],
            "signatures": results,
            "original": bool(match) and all_good,
        }

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    @api.model
    def _check_signable(self, record):
        if record._name not in DOCUMENTS:
            raise AccessError(_("This record has no signed document."))
