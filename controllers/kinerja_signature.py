"""Signing from the portal, and the public verification page of signed documents.

``/kinerja/verify/<token>`` (no login) is what the QR code on a signed PDF opens: the
document's identity (form, employee and NIP - or the unit, for a penetapan form -,
period), its signers and times, and the
SHA-256 of the signed PDF; an uploaded PDF is compared with it (hash) and its
signatures validated with pyHanko against the agency's trust roots. Nothing else of
the record is shown (no predicate: the visitor who holds the document reads it
there). An unknown token or code answers 404; tokens are random (32 characters), so
they cannot be enumerated.
"""

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from .portal_evaluation import KinerjaPortalEvaluation
from .portal_skp import KinerjaPortalSkp

MAX_VERIFY_MB = 20


class KinerjaSignatureVerify(http.Controller):
    def _identity(self, signature):
        """What the page tells of the document: its form, who (or which unit) it
        concerns, the period - each signed record says (``_kinerja_public_identity``)."""
        sudo = signature.sudo()
        record = request.env[sudo.res_model].sudo().browse(sudo.res_id).exists()
        if record:
            identity = record._kinerja_public_identity()
        else:
            identity = {
                "employee": sudo.employee_id.name or "",
                "nip": sudo.employee_id.nip or "",
                "unit": "",
                "period": "",
            }
        return {**identity, "document": sudo.document_name, "agency": sudo.company_id.name}

    def _render(self, signature, result=None, error=None):
        chain = signature._chain()
        return request.render(
            "hr_kinerja_asn.kinerja_verify_page",
            {
                "signature": signature,
                "chain": chain,
                "final": chain[-1:],
                "identity": self._identity(signature),
                "result": result,
                "error": error,
            },
        )

    @http.route("/kinerja/verify", type="http", auth="public", website=True, sitemap=False)
    def kinerja_verify_form(self, code=None, **kw):
        if code:
            signature = request.env["hr.kinerja.signature"]._by_code(code)
            if signature:
                return request.redirect(f"/kinerja/verify/{signature.token}")
        return request.render(
            "hr_kinerja_asn.kinerja_verify_form",
            {"code": code or "", "not_found": bool(code)},
        )

    @http.route(
        "/kinerja/verify/<string:token>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET", "POST"],
    )
    def kinerja_verify(self, token, document=None, **kw):
        signature = request.env["hr.kinerja.signature"]._by_token(token)
        if not signature:
            raise NotFound()
        if request.httprequest.method != "POST":
            return self._render(signature)
        data = document.read() if document and getattr(document, "filename", None) else b""
        if not data:
            return self._render(signature, error=_("Choose the PDF file to check."))
        if len(data) > MAX_VERIFY_MB * 1024 * 1024:
            return self._render(
                signature, error=_("The file is larger than %(mb)s MB.", mb=MAX_VERIFY_MB)
            )
        return self._render(signature, result=signature._verify_upload(data))


class KinerjaPortalSkpSign(KinerjaPortalSkp):
    @http.route(
        "/my/kinerja/skp/<int:skp_id>/sign",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_skp_sign(self, skp_id, passphrase=None, **kw):
        skp = self._kinerja_own_skp(skp_id)
        return self._kinerja_act(
            lambda: skp._kinerja_sign(passphrase, personal=bool(passphrase)),
            f"/my/kinerja/skp/{skp.id}",
            success=_("You signed your SKP electronically."),
        )


class KinerjaPortalEvaluationSign(KinerjaPortalEvaluation):
    @http.route(
        "/my/kinerja/evaluation/<int:evaluation_id>/sign",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_evaluation_sign(self, evaluation_id, passphrase=None, **kw):
        evaluation = self._kinerja_my_evaluation(evaluation_id)
        return self._kinerja_act(
            lambda: evaluation._kinerja_sign(passphrase, personal=bool(passphrase)),
            f"/my/kinerja/evaluation/{evaluation.id}",
            success=_("You signed your evaluation document electronically."),
        )

    @http.route(
        "/my/kinerja/signature/<int:signature_id>/pdf", type="http", auth="user", website=True
    )
    def kinerja_signature_pdf(self, signature_id, **kw):
        signature = request.env["hr.kinerja.signature"].browse(signature_id).exists()
        if not signature or not signature._filtered_access("read"):
            raise NotFound()
        pdf = signature._chain()[-1:]._pdf() or signature._pdf()
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                (
                    "Content-Disposition",
                    http.content_disposition(f"{signature.document_name} {signature.code}.pdf"),
                ),
            ],
        )
