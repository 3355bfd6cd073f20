"""The employee portal (/my/kinerja): the shared base of every portal page.

The portal adds no rule of its own. Pages read and write with the user's own
environment (request.env), so access rights, record rules and the deny-by-default
write policy of each model (models/hr_kinerja_policy.py) decide exactly as in the
back office. A record named in a URL is looked up with the user's rights: an id
that is hidden and an id that does not exist give the same 404.
"""

from werkzeug.exceptions import NotFound

from odoo import Command, _, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# Evidence files (bukti dukung): documents, spreadsheets, photos; at most 8 MB each
# (Odoo's HTTP layer refuses a form part over 10 MB before any code could explain it;
# the page also checks the size in the browser, static/src/portal/).
MAX_UPLOAD_MB = 8
ALLOWED_MIMETYPES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WebP",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
    "application/vnd.oasis.opendocument.text": "OpenDocument",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument",
    "text/plain": "text",
    "text/csv": "CSV",
}


class KinerjaPortal(CustomerPortal):
    # -- identity -------------------------------------------------------------------
    def _kinerja_employee(self):
        """The user's employee in the current agency: the hr.employee whose user_id is
        this user (a portal account is linked like a back-office one). Looked up on the
        user's own id only; the record is returned in the user's environment."""
        user = request.env.user
        if user._is_public():
            return request.env["hr.employee"]
        employee = (
            request.env["hr.employee"]
            .sudo()
            .search(
                [("user_id", "=", user.id), ("company_id", "in", request.env.companies.ids)],
                limit=1,
            )
        )
        return employee.sudo(False)

    def _kinerja_require_employee(self):
        employee = self._kinerja_employee()
        if not employee:
            raise NotFound()
        return employee

    # -- records named in the URL -----------------------------------------------------
    def _kinerja_record(self, model, record_id):
        """The record ``record_id`` of ``model`` if the user may read it; 404 otherwise
        (the same answer for a hidden and a missing id)."""
        try:
            record = request.env[model].browse(int(record_id))
        except (TypeError, ValueError):
            raise NotFound() from None
        if not record.exists() or not record.has_access("read"):
            raise NotFound()
        return record

    def _kinerja_paged(self, model, domain, url, page, step, url_args=None):
        """One page of ``model`` records matching ``domain`` (the user's rights) and
        the pager of the list: (records, pager)."""
        Model = request.env[model]
        pager = portal_pager(
            url=url, url_args=url_args, total=Model.search_count(domain), page=page, step=step
        )
        return Model.search(domain, limit=step, offset=pager["offset"]), pager

    # -- actions ------------------------------------------------------------------------
    def _kinerja_act(self, action, redirect, success=None):
        """Run ``action`` (a button, a write) as the user and go back to ``redirect``.
        A refusal or a validation error is shown on that page and nothing of the action
        is kept (savepoint); ``success`` is shown when it went through."""
        try:
            with request.env.cr.savepoint():
                action()
                request.env.flush_all()
        except UserError as error:
            request.session["kinerja_error"] = str(error.args[0] if error.args else error)
        else:
            if success:
                request.session["kinerja_success"] = str(success)
        return request.redirect(redirect)

    def _kinerja_upload(self, record, files, field="attachment_ids"):
        """Evidence files for ``record``: each at most MAX_UPLOAD_MB and of an accepted
        type. Odoo lets no portal user create an attachment (ir.attachment.check wants
        an internal user), so: the user must be allowed to change ``field`` of
        ``record`` (access rights, record rules and the write policy, checked here as
        the user), then the files are created as superuser attached to that record
        only, and linked to ``field`` by the user's own write. Returns the attachments."""
        values = []
        for upload in files:
            if not upload or not upload.filename:
                continue
            data = upload.read()
            if not data:
                raise UserError(_("%(name)s is empty.", name=upload.filename))
            if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
                raise UserError(
                    _(
                        "%(name)s is %(size).1f MB; an evidence file is at most %(max)s MB.",
                        name=upload.filename,
                        size=len(data) / 1024 / 1024,
                        max=MAX_UPLOAD_MB,
                    )
                )
            mimetype = guess_mimetype(data, default="application/octet-stream")
            if mimetype == "text/plain" and upload.filename.lower().endswith(".csv"):
                mimetype = "text/csv"
            if mimetype not in ALLOWED_MIMETYPES:
                raise UserError(
                    _(
                        "%(name)s is not an accepted evidence file. Accepted: %(types)s.",
                        name=upload.filename,
                        types=", ".join(sorted(set(ALLOWED_MIMETYPES.values()))),
                    )
                )
            values.append(
                {
                    "name": upload.filename,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        if not values:
            return request.env["ir.attachment"]
        record.ensure_one()
        record.check_access("write")
        record._kinerja_check("write", [field])
        attachments = request.env["ir.attachment"].sudo().create(values).sudo(False)
        record.write({field: [Command.link(attachment.id) for attachment in attachments]})
        return attachments

    def _kinerja_attachment(self, record, attachment_id, field="attachment_ids"):
        """The attachment ``attachment_id`` of ``record`` (already checked readable by
        the user) - one of its ``field`` - as superuser to stream it (Odoo serves no
        attachment to a portal user); 404 otherwise."""
        if field not in record._fields:
            raise NotFound()
        try:
            attachment_id = int(attachment_id)
        except (TypeError, ValueError):
            raise NotFound() from None
        if attachment_id not in record[field].ids:
            raise NotFound()
        return request.env["ir.attachment"].sudo().browse(attachment_id)

    # Records whose evidence files the portal serves (their own access decides).
    _kinerja_file_models = ("hr.kinerja.realisasi",)

    @http.route(
        "/my/kinerja/file/<string:model>/<int:record_id>/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_file(self, model, record_id, attachment_id, **kw):
        """Download an evidence file of a record the user may read."""
        if model not in self._kinerja_file_models:
            raise NotFound()
        record = self._kinerja_record(model, record_id)
        attachment = self._kinerja_attachment(record, attachment_id)
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)

    # -- rendering -----------------------------------------------------------------------
    def _kinerja_values(self, tab, **values):
        """Values of every /my/kinerja page: the tab, the employee, whether they
        evaluate anyone (the Team tab), and the message left by the last action."""
        employee = self._kinerja_employee()
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "kinerja",
            "kinerja_tab": tab,
            "kinerja_employee": employee,
            "kinerja_is_evaluator": bool(employee)
            and bool(
                request.env["hr.kinerja.skp"].search_count(
                    [("evaluator_id", "=", employee.id)], limit=1
                )
            ),
            "kinerja_error": request.session.pop("kinerja_error", None),
            "kinerja_success": request.session.pop("kinerja_success", None),
            **values,
        }

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "kinerja_due_count" in counters:
            employee = self._kinerja_employee()
            values["kinerja_due_count"] = (
                len(request.env["hr.kinerja.due"]._due_items(employee)) if employee else 0
            )
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["kinerja_has_employee"] = bool(self._kinerja_employee())
        return values

    # -- home -------------------------------------------------------------------------
    @http.route("/my/kinerja", type="http", auth="user", website=True)
    def kinerja_home(self, **kw):
        employee = self._kinerja_require_employee()
        Due = request.env["hr.kinerja.due"]
        return request.render(
            "hr_kinerja_asn.portal_kinerja_home",
            self._kinerja_values(
                "home",
                due_items=Due._due_items(employee),
                team_items=Due._team_items(employee),
            ),
        )
