from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..reports import pyb_report
from .activities import activities_of
from .policy import allow
from .workflow import workflow

STATES = [("draft", "Prepared"), ("sent", "Reported")]
SCOPES = [("unit", "A Unit and the Units Below"), ("agency", "The Whole Agency")]
# The forms of the bundle (003 Pasal 26(2): the evaluation document with the SKP
# and the evaluation result; 002 Lampiran: the unit's penetapan predikat).
FORMS = {
    "penetapan": ("hr.kinerja.distribution", "hr_kinerja_asn.action_report_penetapan_predikat"),
    "skp": ("hr.kinerja.skp", "hr_kinerja_asn.hr_kinerja_skp_report"),
    "result": ("hr.kinerja.evaluation", "hr_kinerja_asn.action_report_evaluation_result"),
    "document": ("hr.kinerja.evaluation", "hr_kinerja_asn.action_report_evaluation_document"),
    "objection": ("hr.kinerja.keberatan", "hr_kinerja_asn.action_report_keberatan"),
}
EMPLOYEE_FORMS = ("skp", "result", "document", "objection")
REMINDER = "hr_kinerja_asn.mail_activity_type_pyb_report"


class HrKinerjaPybReport(models.Model):
    """The report of a period's evaluation documents to the PyB (Pejabat yang
    Berwenang; 003 Pasal 26, section Tindak lanjut 10): within 30 working days
    after the evaluation window (the period's ``date_report``), the documents of a
    unit and the units below it, or of the whole agency, as one PDF: a cover page
    listing the employees and which of their documents are signed, then for each
    unit its penetapan predikat and for each employee the SKP (A.1.x), the
    evaluation result (C.1.x), the evaluation document (D.1.1/D.1.2) and, after an
    objection, D.1.3 - each the signed PDF when it was signed, else printed now.

    Prepared by the wizard of an HR officer (any unit, or the agency) or of a unit
    leader (their unit); kept with its PDF; marked reported with the date."""

    _name = "hr.kinerja.pyb.report"
    _description = "Performance Report to the PyB"
    _inherit = ["hr.kinerja.policy", "mail.thread"]
    _order = "period_id desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py): nobody writes a report;
    # the wizard prepares it and "Mark as Reported" records the sending. An HR
    # officer deletes a prepared report that was not sent.
    _kinerja_policy = (allow("officer", "unlink", states=["draft"]),)
    _kinerja_server_fields = (
        "period_id",
        "scope",
        "department_id",
        "leader_id",
        "user_id",
        "prepared_at",
        "evaluation_ids",
        "employee_count",
        "signed_count",
        "document_count",
        "attachment_id",
        "state",
        "reported_date",
        "reported_by_id",
    )
    _kinerja_role_fields = {"leader": "leader_id"}

    name = fields.Char(compute="_compute_name")
    period_id = fields.Many2one(
        "hr.kinerja.period", required=True, readonly=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, precompute=True, string="Agency"
    )
    scope = fields.Selection(SCOPES, required=True, readonly=True, default="unit")
    department_id = fields.Many2one(
        "hr.department", string="Unit", readonly=True, index=True, check_company=True
    )
    leader_id = fields.Many2one(
        "hr.employee",
        string="Unit Leader",
        readonly=True,
        index=True,
        help="The unit's leader when the report was prepared: they find it too.",
    )
    user_id = fields.Many2one("res.users", string="Prepared By", readonly=True)
    prepared_at = fields.Datetime("Prepared On", readonly=True)
    date_report = fields.Date(related="period_id.date_report", string="Report By")
    evaluation_ids = fields.Many2many("hr.kinerja.evaluation", readonly=True)
    employee_count = fields.Integer("Employees", readonly=True)
    document_count = fields.Integer("Documents", readonly=True)
    signed_count = fields.Integer("Signed Documents", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="PDF", readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    reported_date = fields.Date("Reported On", readonly=True, tracking=True)
    reported_by_id = fields.Many2one("res.users", readonly=True)

    @api.depends("period_id", "scope", "department_id")
    def _compute_name(self):
        for report in self:
            where = (
                report.department_id.name
                if report.scope == "unit"
                else report.sudo().company_id.name
            )
            report.name = f"{report.period_id.name_official or ''} - {where or ''}"

    # -- who may report what ------------------------------------------------------------
    @api.model
    def _led_units(self):
        """The units the user leads today (manager, Plt. or Plh.), in their agencies."""
        employees = self.env.user.employee_ids
        if not employees:
            return self.env["hr.department"]
        units = (
            self.env["hr.department"]
            .sudo()
            .search([("company_id", "in", self.env.user.company_ids.ids)])
        )
        leaders = units._kinerja_leaders(fields.Date.context_today(self))
        return units.filtered(lambda u: leaders.get(u.id) in employees.ids).sudo(False)

    @api.model
    def _is_reporter(self):
        """An HR officer, or a unit leader: who opens "Report to the PyB"."""
        return self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer") or bool(
            self._led_units()
        )

    @api.model
    def _check_may_report(self, period, scope, department):
        """Refuse unless the user may report ``department`` (and the units below)
        or, with ``scope`` "agency", the whole agency for ``period``."""
        period = period.exists()
        if not period or period.company_id not in self.env.user.company_ids:
            raise AccessError(_("You cannot report a period of another agency."))
        period.check_access("read")
        if scope == "unit" and not department:
            raise UserError(_("Choose the unit to report, or report the whole agency."))
        if department and department.company_id != period.company_id:
            raise UserError(_("The unit belongs to another agency than the period."))
        if self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            return
        if scope == "unit":
            above = self.env["hr.department"].browse(
                int(unit_id)
                for unit_id in (department.sudo().parent_path or "").split("/")
                if unit_id
            )
            if above & self._led_units():
                return
        raise AccessError(
            _(
                "Only an HR officer of the agency, or the leader of the unit, reports "
                "the unit's evaluation documents to the PyB."
            )
        )

    # -- preparing ------------------------------------------------------------------------
    @api.model
    def _scope_evaluations(self, period, scope, department):
        """The rated evaluations of the period in the scope (a unit: those counted
        in the distribution of the unit or a unit below it, and those of its
        employees counted in none)."""
        domain = [("period_id", "=", period.id), ("state", "!=", "draft")]
        if scope == "unit":
            domain += [
                "|",
                ("distribution_id.department_id", "child_of", department.id),
                "&",
                ("distribution_id", "=", False),
                ("department_id", "child_of", department.id),
            ]
        return self.env["hr.kinerja.evaluation"].sudo().search(domain)

    @api.model
    def _prepare(self, period, scope, department=None):
        """Check, collect, render and keep the report (one rendering per form for
        every employee at once). Returns the new report."""
        department = department or self.env["hr.department"]
        self._check_may_report(period, scope, department)
        evaluations = self._scope_evaluations(period, scope, department)
        if not evaluations:
            raise UserError(
                _(
                    "No rated evaluation of %(period)s in %(where)s: nothing to report yet.",
                    period=period.display_name,
                    where=department.name if scope == "unit" else period.company_id.name,
                )
            )
        leader = False
        if scope == "unit":
            leader = department._kinerja_leaders(fields.Date.context_today(self)).get(department.id)
        report = workflow(self.sudo()).create(
            {
                "period_id": period.id,
                "scope": scope,
                "department_id": department.id if scope == "unit" else False,
                "leader_id": leader,
                "user_id": self.env.uid,
                "prepared_at": fields.Datetime.now(),
                "evaluation_ids": [fields.Command.set(evaluations.ids)],
                "employee_count": len(evaluations.employee_id),
            }
        )
        parts = report._parts()
        cover = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("hr_kinerja_asn.action_report_pyb_cover", report.ids)[0]
        )
        pdf = pyb_report.merge([cover, *(part["pdf"] for part in parts)])
        where = department.name if scope == "unit" else period.company_id.name
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"Laporan Kinerja Pegawai - {where} - {period.name_official}.pdf",
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": report.id,
                }
            )
        )
        workflow(report).write(
            {
                "attachment_id": attachment.id,
                "document_count": len(parts),
                "signed_count": len([part for part in parts if part["signature"]]),
            }
        )
        return report.sudo(False)

    def _ordered(self):
        """[(distribution or empty, [evaluations])]: units by their place in the
        tree, employees by name; evaluations counted in no distribution last."""
        self.ensure_one()
        evaluations = self.sudo().evaluation_ids
        by_unit = defaultdict(list)
        for evaluation in evaluations.sorted(lambda e: (e.employee_id.name or "", e.id)):
            by_unit[evaluation.distribution_id].append(evaluation)
        units = sorted(
            (d for d in by_unit if d),
            key=lambda d: (d.department_id.parent_path or "", d.department_id.name or ""),
        )
        ordered = [(unit, by_unit[unit]) for unit in units]
        none = self.env["hr.kinerja.distribution"]
        if none in by_unit:
            ordered.append((none, by_unit[none]))
        return ordered

    def _records(self):
        """{form: records} of the report's documents (sudo: the caller checked)."""
        self.ensure_one()
        evaluations = self.sudo().evaluation_ids
        objections = (
            self.env["hr.kinerja.keberatan"]
            .sudo()
            .search([("evaluation_id", "in", evaluations.ids), ("state", "!=", "draft")])
        )
        return {
            "penetapan": evaluations.distribution_id,
            "skp": evaluations.skp_id,
            "result": evaluations,
            "document": evaluations,
            "objection": objections,
        }

    @api.model
    def _signatures(self, records_by_form):
        """{(model, id): the current last signature of the record's document} for
        every record at once (the last signer's PDF carries every signature)."""
        domain = []
        for records in records_by_form.values():
            if records:
                domain = [
                    *(["|"] if domain else []),
                    *domain,
                    "&",
                    ("res_model", "=", records._name),
                    ("res_id", "in", records.ids),
                ]
        if not domain:
            return {}
        signatures = (
            self.env["hr.kinerja.signature"]
            .sudo()
            .search([("superseded", "=", False), *domain], order="sequence, id")
        )
        return {(s.res_model, s.res_id): s for s in signatures}

    def _parts(self):
        """The report's documents in order: [{"form", "record", "employee", "pdf",
        "signature"}], the signed PDF where there is one, else the form printed now
        (one rendering per form for all the records that need it)."""
        self.ensure_one()
        records = self._records()
        signed = self._signatures(records)
        env = self.sudo().with_context(lang=self.env.user.lang).env
        pdfs = {}
        for form, (_model, report_ref) in FORMS.items():
            unsigned = records[form].filtered(lambda r: (r._name, r.id) not in signed)
            if form == "result":
                # the evaluation result is not a signed document: printed every time
                unsigned = records[form]
            rendered = pyb_report.render_parts(env, report_ref, unsigned)
            pdfs.update({(form, record_id): pdf for record_id, pdf in rendered.items()})
        objection_of = {o.evaluation_id.id: o for o in records["objection"]}

        def part(form, record, employee=None):
            signature = (
                signed.get((record._name, record.id)) if form != "result" else None
            ) or self.env["hr.kinerja.signature"]
            pdf = signature._pdf() if signature else pdfs[(form, record.id)]
            return {
                "form": form,
                "record": record,
                "employee": employee,
                "pdf": pdf,
                "signature": signature,
            }

        parts = []
        for distribution, evaluations in self._ordered():
            if distribution:
                parts.append(part("penetapan", distribution))
            for evaluation in evaluations:
                employee = evaluation.employee_id
                if evaluation.skp_id:
                    parts.append(part("skp", evaluation.skp_id, employee))
                parts.append(part("result", evaluation, employee))
                parts.append(part("document", evaluation, employee))
                if evaluation.id in objection_of:
                    parts.append(part("objection", objection_of[evaluation.id], employee))
        return parts

    def _cover_values(self):
        """What the cover page lists: each employee with their documents and, for
        a signed one, its verification code."""
        self.ensure_one()
        report = self.sudo()
        records = report._records()
        signed = self._signatures(records)
        objection_of = {o.evaluation_id.id: o for o in records["objection"]}

        def state(record):
            signature = signed.get((record._name, record.id))
            return (
                f"Ditandatangani elektronik ({signature.code})"
                if signature
                else "Belum ditandatangani"
            )

        rows = []
        for distribution, evaluations in report._ordered():
            for evaluation in evaluations:
                employee = evaluation.employee_id
                objection = objection_of.get(evaluation.id)
                rows.append(
                    {
                        "name": employee.name,
                        "nip": employee.nip or "",
                        "unit": (distribution.department_id or evaluation.department_id).name,
                        "predicate": dict(
                            evaluation._fields["predicate"]._description_selection(self.env)
                        ).get(evaluation.predicate, "-"),
                        "skp": state(evaluation.skp_id) if evaluation.skp_id else "-",
                        "document": state(evaluation),
                        "objection": state(objection) if objection else "-",
                    }
                )
        units = [
            {"unit": d.department_id.name, "signed": state(d)}
            for d, _evaluations in report._ordered()
            if d
        ]
        return {
            "agency": report.company_id.name,
            "where": report.department_id.name
            if report.scope == "unit"
            else report.company_id.name,
            "period": report.period_id.name_official,
            "deadline": report.period_id.date_report,
            "prepared_by": report.user_id.name,
            "prepared_at": fields.Datetime.context_timestamp(self, report.prepared_at)
            if report.prepared_at
            else False,
            "rows": rows,
            "units": units,
        }

    # -- actions --------------------------------------------------------------------------
    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(_("This report has no PDF."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    def action_mark_reported(self):
        """The report was sent to the PyB: recorded with the date; the reminders of
        the period end once the whole agency is reported."""
        for report in self:
            report._check_may_report(report.period_id, report.scope, report.department_id)
            if report.state != "draft":
                raise UserError(
                    _("This report was already reported on %(date)s.", date=report.reported_date)
                )
        workflow(self.sudo()).write(
            {
                "state": "sent",
                "reported_date": fields.Date.context_today(self),
                "reported_by_id": self.env.uid,
            }
        )
        periods = self.filtered(lambda r: r.scope == "agency").period_id
        periods.sudo()._pyb_reminders().action_feedback(
            feedback=_("Reported to the PyB by %(user)s.", user=self.env.user.name)
        )
        return True

    def unlink(self):
        self.attachment_id.sudo().unlink()
        return super().unlink()


class HrKinerjaPeriod(models.Model):
    """The period's report to the PyB: a to-do for the agency's HR officers due on
    the report deadline (003 section Tindak lanjut 10)."""

    _name = "hr.kinerja.period"
    _inherit = ["hr.kinerja.period", "mail.activity.mixin"]

    pyb_report_ids = fields.One2many("hr.kinerja.pyb.report", "period_id", string="PyB Reports")
    pyb_reported_date = fields.Date(
        "Reported to PyB On",
        compute="_compute_pyb_reported_date",
        help="When the whole agency's report was marked reported.",
    )

    def _compute_pyb_reported_date(self):
        reports = (
            self.env["hr.kinerja.pyb.report"]
            .sudo()
            .search(
                [("period_id", "in", self.ids), ("scope", "=", "agency"), ("state", "=", "sent")],
                order="reported_date",
            )
        )
        first = {}
        for report in reports:
            first.setdefault(report.period_id.id, report.reported_date)
        for period in self:
            period.pyb_reported_date = first.get(period.id, False)

    def _pyb_reminders(self, include_done=False):
        return activities_of(self, REMINDER, include_done)

    @api.model
    def _cron_pyb_report_reminders(self):
        """Once the evaluation window of a period is over (its evaluation deadline,
        else its end), one to-do for each HR officer of the agency, due on the
        report deadline; never a second one, none once the agency is reported.
        Returns the activities created."""
        activity_type = self.env.ref(REMINDER, raise_if_not_found=False)
        if not activity_type:
            return self.env["mail.activity"]
        today = fields.Date.context_today(self)
        periods = self.sudo().search(
            [
                ("date_report", "!=", False),
                ("date_report", ">=", today),
                "|",
                ("date_evaluation", "<", today),
                "&",
                ("date_evaluation", "=", False),
                ("date_end", "<", today),
            ]
        )
        reported = (
            self.env["hr.kinerja.pyb.report"]
            .sudo()
            .search(
                [("period_id", "in", periods.ids), ("scope", "=", "agency"), ("state", "=", "sent")]
            )
            .period_id
        )
        periods -= reported
        had = defaultdict(set)
        for activity in periods._pyb_reminders(include_done=True):
            had[activity.res_id].add(activity.user_id.id)
        officers = self.env.ref("hr_kinerja_asn.group_kinerja_officer").users.filtered(
            lambda u: not u.share and u.active
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        values = [
            {
                "res_model_id": model_id,
                "res_id": period.id,
                "activity_type_id": activity_type.id,
                "user_id": user.id,
                "date_deadline": period.date_report,
            }
            for period in periods
            for user in officers
            if period.company_id in user.company_ids and user.id not in had[period.id]
        ]
        return self.env["mail.activity"].sudo().create(values)
