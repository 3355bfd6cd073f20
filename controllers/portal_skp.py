"""The employee's SKP in the portal: the list of their SKPs, one SKP read as the
civil servant signs it, agreeing it, its PDF (the SKP form of the back office) and
its revisions.

Everything is read and written as the user (request.env): the record rules decide
what exists, the model's action_agree decides who may agree. These pages are the
employee's own: an SKP of someone else - even one the user may read as its
evaluator - answers 404 here (the evaluator has the team pages).
"""

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from .portal import KinerjaPortal

SKP_REPORT = "hr_kinerja_asn.hr_kinerja_skp_report"
STATE_BADGES = {
    "draft": "text-bg-warning",
    "agreed": "text-bg-info",
    "set": "text-bg-success",
    "revised": "text-bg-secondary",
    "closed": "text-bg-dark",
}


class KinerjaPortalSkp(KinerjaPortal):
    def _kinerja_own_skp(self, skp_id):
        """The SKP ``skp_id`` if it is the user's own (404 otherwise, the same answer
        as for a hidden or missing one)."""
        employee = self._kinerja_require_employee()
        skp = self._kinerja_record("hr.kinerja.skp", skp_id)
        if skp.employee_id != employee:
            raise NotFound()
        return skp

    def _kinerja_skp_states(self):
        Skp = request.env["hr.kinerja.skp"]
        return dict(Skp._fields["state"]._description_selection(request.env))

    @http.route("/my/kinerja/skp", type="http", auth="user", website=True)
    def kinerja_skp_list(self, **kw):
        employee = self._kinerja_require_employee()
        skps = request.env["hr.kinerja.skp"].search(
            [("employee_id", "=", employee.id)],
            order="date_start desc, revision desc, id desc",
        )
        return request.render(
            "hr_kinerja_asn.portal_kinerja_skp_list",
            self._kinerja_values(
                "skp",
                skps=skps,
                skp_states=self._kinerja_skp_states(),
                skp_badges=STATE_BADGES,
                kinerja_crumbs=[(_("SKP"), "")],
            ),
        )

    @http.route("/my/kinerja/skp/<int:skp_id>", type="http", auth="user", website=True)
    def kinerja_skp_page(self, skp_id, **kw):
        skp = self._kinerja_own_skp(skp_id)
        Skp = request.env["hr.kinerja.skp"]
        # The revision that replaces this one, set or still in progress.
        following = skp.next_id or Skp.search([("previous_id", "=", skp.id)], limit=1)
        rhks = skp.rhk_ids
        # The identity blocks and the signers' names as the SKP form prints them:
        # read as superuser (like the report), after the SKP was found to be the
        # user's own above.
        signed = skp.sudo()
        return request.render(
            "hr_kinerja_asn.portal_kinerja_skp_page",
            self._kinerja_values(
                "skp",
                skp=skp,
                following=following,
                identity=skp.employee_id._kinerja_identity(skp.job_title, skp.department_id),
                evaluator=skp.evaluator_id._kinerja_identity() if skp.evaluator_id else {},
                agreed_by=signed.agreed_by_id.name or "",
                set_by=signed.set_by_id.name or "",
                set_as=dict(skp._fields["set_as"]._description_selection(request.env)).get(
                    skp.set_as, ""
                ),
                rhk_sections=[
                    (_("Main results (utama)"), rhks.filtered(lambda r: r.kind == "utama")),
                    (
                        _("Additional results (tambahan)"),
                        rhks.filtered(lambda r: r.kind == "tambahan"),
                    ),
                ],
                lampiran_sections=[
                    (label, skp.lampiran_ids.filtered(lambda line, s=code: line.section == s))
                    for code, label in request.env["hr.kinerja.skp.lampiran"]
                    ._fields["section"]
                    ._description_selection(request.env)
                ],
                aspects=dict(
                    request.env["hr.kinerja.iki"]
                    ._fields["aspect"]
                    ._description_selection(request.env)
                ),
                skp_states=self._kinerja_skp_states(),
                skp_badges=STATE_BADGES,
                can_agree=skp.state == "draft",
                kinerja_crumbs=[(_("SKP"), "/my/kinerja/skp"), (skp.display_name, "")],
            ),
        )

    @http.route(
        "/my/kinerja/skp/<int:skp_id>/agree",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_skp_agree(self, skp_id, **kw):
        skp = self._kinerja_own_skp(skp_id)
        return self._kinerja_act(
            skp.action_agree,
            f"/my/kinerja/skp/{skp.id}",
            success=_("You agreed your SKP; your evaluator now sets it."),
        )

    @http.route("/my/kinerja/skp/<int:skp_id>/pdf", type="http", auth="user", website=True)
    def kinerja_skp_pdf(self, skp_id, **kw):
        skp = self._kinerja_own_skp(skp_id)
        # The SKP form of the back office, rendered as the user: the report's values
        # check the user's read access on the SKP again. Always a PDF (also when the
        # server runs its tests, where Odoo would answer the HTML).
        Report = request.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, _type = Report._render_qweb_pdf(SKP_REPORT, skp.ids)
        filename = f"{skp.display_name}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )
