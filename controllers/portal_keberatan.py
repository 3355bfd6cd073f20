"""The employee portal: the evaluation document after the rating and the objection
(003 section Tindak lanjut 5-10, section Keberatan; 004 D.1.3).

On /my/kinerja/evaluation/<id> the employee receives the document handed over to
them, returns it signed, and files an objection with reasons and files within the
objection window; once filed they follow it there (explanations, decision) and
download D.1.3 once decided, from /my/kinerja/keberatan/<id>/report (404 for anyone
who may not read the objection) - the signed PDF once signed - and sign it
(/my/kinerja/keberatan/<id>/sign) after the evaluator's superior.
"""

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.safe_eval import safe_eval

from .portal_evaluation import KinerjaPortalEvaluation

KEBERATAN_REPORT = "hr_kinerja_asn.action_report_keberatan"


class KinerjaPortalKeberatan(KinerjaPortalEvaluation):
    def _kinerja_evaluation_url(self, evaluation):
        return f"/my/kinerja/evaluation/{evaluation.id}"

    @http.route(
        "/my/kinerja/evaluation/<int:evaluation_id>/receive",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_evaluation_receive(self, evaluation_id, **kw):
        evaluation = self._kinerja_my_evaluation(evaluation_id)
        return self._kinerja_act(
            evaluation.action_receive,
            self._kinerja_evaluation_url(evaluation),
            _("You received your evaluation document."),
        )

    @http.route(
        "/my/kinerja/evaluation/<int:evaluation_id>/return",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_evaluation_return(self, evaluation_id, **kw):
        evaluation = self._kinerja_my_evaluation(evaluation_id)
        return self._kinerja_act(
            evaluation.action_return,
            self._kinerja_evaluation_url(evaluation),
            _("You returned your evaluation document signed."),
        )

    @http.route(
        "/my/kinerja/evaluation/<int:evaluation_id>/keberatan",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_evaluation_object(self, evaluation_id, reasons="", **kw):
        evaluation = self._kinerja_my_evaluation(evaluation_id)
        files = request.httprequest.files.getlist("attachments")

        def file_objection():
            why = evaluation._objection_refusal()
            if why:
                raise UserError(why)
            objection = request.env["hr.kinerja.keberatan"].create(
                {"evaluation_id": evaluation.id, "reasons": reasons}
            )
            self._kinerja_upload(objection, files)
            objection.action_file()

        return self._kinerja_act(
            file_objection,
            self._kinerja_evaluation_url(evaluation),
            _("Your objection was filed with the evaluator's superior."),
        )

    @http.route(
        "/my/kinerja/keberatan/<int:objection_id>/report",
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_keberatan_report(self, objection_id, download=None, **kw):
        objection = self._kinerja_record("hr.kinerja.keberatan", objection_id)
        if objection.state != "decided":
            raise NotFound()
        # Signed: the signed PDF, as it was signed; otherwise printed now.
        pdf = (
            objection._kinerja_signed_pdf()
            or (
                request.env["ir.actions.report"]._render_qweb_pdf(KEBERATAN_REPORT, objection.ids)[
                    0
                ]
            )
        )
        headers = {"Content-Type": "application/pdf", "Content-Length": len(pdf)}
        if download:
            report = request.env.ref(KEBERATAN_REPORT).sudo()
            name = safe_eval(report.print_report_name, {"object": objection.sudo()})
            headers["Content-Disposition"] = http.content_disposition(f"{name}.pdf")
        return request.make_response(pdf, headers=list(headers.items()))

    @http.route(
        "/my/kinerja/keberatan/<int:objection_id>/sign",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_keberatan_sign(self, objection_id, passphrase=None, **kw):
        objection = self._kinerja_record("hr.kinerja.keberatan", objection_id)
        return self._kinerja_act(
            lambda: objection._kinerja_sign(passphrase, personal=bool(passphrase)),
            self._kinerja_evaluation_url(objection.sudo().evaluation_id),
            _("You signed the evaluation document with the objection (D.1.3) electronically."),
        )

    # Objection files are served to those who read the objection.
    _kinerja_file_models = (*KinerjaPortalEvaluation._kinerja_file_models, "hr.kinerja.keberatan")
