"""The employee portal: the minutes of performance dialogues (000 VI, Lampiran 1).

/my/kinerja/dialog lists the minutes about the user; /my/kinerja/dialog/<id> shows
one (as far as the record rules of hr.kinerja.dialog let the user read it) and lets
the employee acknowledge held minutes (hr.kinerja.dialog.action_acknowledge).
"""

from odoo import _, http
from odoo.http import request

from .portal import KinerjaPortal

DIALOGS_PER_PAGE = 20


class KinerjaPortalDialog(KinerjaPortal):
    @http.route(
        ["/my/kinerja/dialog", "/my/kinerja/dialog/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_dialogs(self, page=1, **kw):
        employee = self._kinerja_require_employee()
        dialogs, pager = self._kinerja_paged(
            "hr.kinerja.dialog",
            [("employee_id", "=", employee.id)],
            "/my/kinerja/dialog",
            page,
            DIALOGS_PER_PAGE,
        )
        dialogs.mapped("evaluator_id.name")  # the leaders' names in one read
        dialogs.mapped("period_id.name")
        return request.render(
            "hr_kinerja_asn.portal_kinerja_dialogs",
            self._kinerja_values(
                "dialog",
                kinerja_crumbs=[(_("Dialogues"), False)],
                dialogs=dialogs,
                pager=pager,
            ),
        )

    @http.route("/my/kinerja/dialog/<int:dialog_id>", type="http", auth="user", website=True)
    def kinerja_dialog(self, dialog_id, **kw):
        self._kinerja_require_employee()
        dialog = self._kinerja_record("hr.kinerja.dialog", dialog_id)
        return request.render(
            "hr_kinerja_asn.portal_kinerja_dialog",
            self._kinerja_values(
                "dialog",
                kinerja_crumbs=[(_("Dialogues"), "/my/kinerja/dialog"), (dialog.name, False)],
                dialog=dialog,
                can_acknowledge=dialog._user_is_employee()
                and dialog.state == "done"
                and not dialog.acknowledged_date,
            ),
        )

    @http.route(
        "/my/kinerja/dialog/<int:dialog_id>/acknowledge",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def kinerja_dialog_acknowledge(self, dialog_id, **kw):
        self._kinerja_require_employee()
        dialog = self._kinerja_record("hr.kinerja.dialog", dialog_id)
        return self._kinerja_act(
            dialog.action_acknowledge,
            f"/my/kinerja/dialog/{dialog.id}",
            success=_("Minutes acknowledged."),
        )
