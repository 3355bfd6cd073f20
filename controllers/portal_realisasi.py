"""The employee's realisation sheet in the portal: every indicator of the user's set
SKPs for one period on one screen - the value, a note and the evidence (files and
http(s) links) - saved and submitted in one go.

Everything goes through hr.kinerja.realisasi as the user: the write policy, the
period guard (a locked period refuses), the evidence and value checks and
action_submit decide. A refusal shows the model's message and nothing of the batch
is kept (one savepoint); the values typed stay in the form.
"""

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import UserError
from odoo.http import request

from .portal import ALLOWED_MIMETYPES, MAX_UPLOAD_MB, KinerjaPortal

WRITABLE_PERIOD_STATES = ("open", "reopened")
LINE_BADGES = {
    "none": "text-bg-light border",
    "draft": "text-bg-warning",
    "submitted": "text-bg-info",
    "reviewed": "text-bg-success",
    "returned": "text-bg-danger",
}


class KinerjaPortalRealisasi(KinerjaPortal):
    # -- what the sheet shows ---------------------------------------------------------
    def _kinerja_sheet_period(self, employee, period_id):
        """The period asked for (404 when the user may not read it or it is not of
        their agency), else the earliest open period that has begun, else the latest
        period that has begun."""
        Period = request.env["hr.kinerja.period"]
        if period_id:
            period = self._kinerja_record("hr.kinerja.period", period_id)
            if period.company_id != employee.company_id or period.kind == "annual":
                raise NotFound()
            return period
        period = request.env["hr.kinerja.due"]._open_periods(employee.company_id)[:1]
        if not period:
            period = Period.search(
                [
                    ("company_id", "=", employee.company_id.id),
                    ("kind", "!=", "annual"),
                    ("date_start", "<=", fields.Date.context_today(Period)),
                ],
                order="date_start desc",
                limit=1,
            )
        return period

    def _kinerja_sheet_indicators(self, employee, period):
        """The indicators of the employee's set SKPs covering ``period``."""
        if not period:
            return request.env["hr.kinerja.iki"]
        skps = request.env["hr.kinerja.skp"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "set"),
                ("date_start", "<=", period.date_end),
                ("date_end", ">=", period.date_start),
            ],
            order="date_start, id",
        )
        return skps.rhk_ids.indicator_ids

    def _kinerja_sheet_lines(self, indicators, period):
        """{indicator id: its realisation of ``period``}."""
        if not indicators:
            return {}
        lines = request.env["hr.kinerja.realisasi"].search(
            [("iki_id", "in", indicators.ids), ("period_id", "=", period.id)]
        )
        return {line.iki_id.id: line for line in lines}

    @staticmethod
    def _kinerja_line_status(line):
        """(code, label) of a realisation line as the sheet shows it."""
        if not line:
            return "none", _("Not entered")
        if line.state == "draft" and line.review_note:
            return "returned", _("Sent back")
        labels = dict(line._fields["state"]._description_selection(line.env))
        return line.state, labels[line.state]

    def _kinerja_sheet_values(self, employee, period, posted=None):
        Period = request.env["hr.kinerja.period"]
        indicators = self._kinerja_sheet_indicators(employee, period)
        lines = self._kinerja_sheet_lines(indicators, period)
        # The evidence of the whole sheet in one read (names only; downloads go
        # through /my/kinerja/file, which checks the line again).
        evidence = {iki_id: line.attachment_ids for iki_id, line in lines.items()}
        request.env["ir.attachment"].concat(*evidence.values()).read(["name"])
        year_periods = (
            Period.search(
                [("year_id", "=", period.year_id.id), ("kind", "!=", "annual")],
                order="date_start",
            )
            if period
            else Period
        )
        period_states = dict(Period._fields["state"]._description_selection(request.env))
        rows = []
        for iki in indicators:
            line = lines.get(iki.id)
            status, label = self._kinerja_line_status(line)
            rows.append(
                {
                    "iki": iki,
                    "rhk": iki.rhk_id,
                    "line": line,
                    "evidence": evidence.get(iki.id, request.env["ir.attachment"]),
                    "status": status,
                    "status_label": label,
                    "editable": status in ("none", "draft", "returned", "submitted"),
                }
            )
        return self._kinerja_values(
            "realisasi",
            period=period,
            year_periods=year_periods,
            period_states=period_states,
            locked=bool(period) and period.state not in WRITABLE_PERIOD_STATES,
            rows=rows,
            any_editable=any(row["editable"] for row in rows),
            line_badges=LINE_BADGES,
            posted=posted or {},
            accept=",".join(sorted(ALLOWED_MIMETYPES)),
            max_upload_mb=MAX_UPLOAD_MB,
            aspects=dict(
                request.env["hr.kinerja.iki"]._fields["aspect"]._description_selection(request.env)
            ),
            kinerja_crumbs=[(_("Realisations"), "")],
        )

    @http.route("/my/kinerja/realisasi", type="http", auth="user", website=True)
    def kinerja_realisasi(self, period_id=None, **kw):
        employee = self._kinerja_require_employee()
        period = self._kinerja_sheet_period(employee, period_id)
        return request.render(
            "hr_kinerja_asn.portal_kinerja_realisasi",
            self._kinerja_sheet_values(employee, period),
        )

    # -- saving -----------------------------------------------------------------------
    @staticmethod
    def _kinerja_number(text, indicator):
        text = (text or "").strip().replace(" ", "")
        if not text:
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # the Indonesian decimal comma
        try:
            return float(text)
        except ValueError:
            raise UserError(
                _(
                    "%(value)s is not a number (%(indicator)s).",
                    value=text,
                    indicator=indicator.name,
                )
            ) from None

    def _kinerja_save_sheet(self, indicators, lines, period, form, files, submit):
        """Create or update the realisation of each indicator from the form, attach the
        uploaded files, and submit the draft lines with a value when asked."""
        Realisasi = request.env["hr.kinerja.realisasi"]
        to_submit = Realisasi
        for iki in indicators:
            line = lines.get(iki.id)
            if line and line.state == "reviewed":
                continue  # read-only on the sheet; the evaluator reopens it
            key = str(iki.id)
            if f"note_{key}" not in form:
                continue  # not on the form that was posted
            uploads = [f for f in files.getlist(f"files_{key}") if f and f.filename]
            values = {
                "note": (form.get(f"note_{key}") or "").strip() or False,
                "evidence_links": "\n".join(
                    link.strip()
                    for link in (form.get(f"links_{key}") or "").splitlines()
                    if link.strip()
                )
                or False,
            }
            if iki.approach == "qualitative":
                values["value_text"] = (form.get(f"value_text_{key}") or "").strip() or False
                has_value = bool(values["value_text"])
            else:
                number = self._kinerja_number(form.get(f"value_{key}"), iki)
                values["value"] = number or 0.0
                has_value = number is not None
            if not line:
                if not (has_value or values["note"] or values["evidence_links"] or uploads):
                    continue
                line = Realisasi.create({"iki_id": iki.id, "period_id": period.id, **values})
            else:
                changed = {
                    name: value for name, value in values.items() if (line[name] or False) != value
                }
                if changed:
                    line.write(changed)
            if uploads:
                # checked as the user, stored, linked by the user's write (controllers/portal.py)
                self._kinerja_upload(line, uploads)
            if submit and line.state == "draft" and has_value:
                to_submit |= line
        if submit and to_submit:
            to_submit.action_submit()
        return to_submit

    @http.route(
        "/my/kinerja/realisasi/save", type="http", auth="user", website=True, methods=["POST"]
    )
    def kinerja_realisasi_save(self, period_id=None, **form):
        employee = self._kinerja_require_employee()
        period = self._kinerja_sheet_period(employee, period_id)
        if not period:
            raise NotFound()
        submit = form.get("action") == "submit"
        url = f"/my/kinerja/realisasi?period_id={period.id}"
        indicators = self._kinerja_sheet_indicators(employee, period)
        files = request.httprequest.files
        try:
            with request.env.cr.savepoint():
                lines = self._kinerja_sheet_lines(indicators, period)
                submitted = self._kinerja_save_sheet(indicators, lines, period, form, files, submit)
                request.env.flush_all()
        except UserError as error:
            # Nothing was kept: show the sheet again with what was typed and the
            # model's message (files are chosen again).
            request.env.invalidate_all()
            values = self._kinerja_sheet_values(employee, period, posted=form)
            values["kinerja_error"] = str(error.args[0] if error.args else error)
            return request.render("hr_kinerja_asn.portal_kinerja_realisasi", values)
        if submit:
            request.session["kinerja_success"] = _(
                "Saved; %(count)s realisation(s) submitted to your evaluator.",
                count=len(submitted),
            )
        else:
            request.session["kinerja_success"] = _("Saved.")
        return request.redirect(url)
