import logging

from psycopg2 import errors

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..rules import nip as rule_nip

_logger = logging.getLogger(__name__)

NIP_SIZE = 18
# One NIP per agency, in the database: two simultaneous saves cannot both pass a
# check in Python. Partial, since most non-ASN employees have no NIP.
NIP_INDEX = "hr_employee_company_nip_uniq"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    kinerja_planning_suspended = fields.Boolean(
        "Planning Suspended",
        compute="_compute_kinerja_planning_suspended",
        store=True,
        groups="hr.group_hr_user",
        help="The status suspends performance planning (003 section Penetapan SKP 7).",
    )
    kinerja_skp_ids = fields.One2many("hr.kinerja.skp", "employee_id", string="SKPs")
    kinerja_evaluator_id = fields.Many2one(
        "hr.employee",
        string="Evaluator",
        compute="_compute_kinerja_evaluators",
        help="Pejabat Penilai Kinerja today: the leader of the unit (or the unit above, "
        "for its own leader), or the delegate of a delegation in force.",
    )
    kinerja_evaluator_superior_id = fields.Many2one(
        "hr.employee",
        string="Evaluator's Superior",
        compute="_compute_kinerja_evaluators",
        help="Atasan Pejabat Penilai Kinerja: the evaluator's own evaluator.",
    )

    kinerja_evaluation_count = fields.Integer(
        "Evaluations", compute="_compute_kinerja_results", groups="hr.group_hr_user"
    )
    kinerja_angka_kredit = fields.Float(
        "Credit Points This Year",
        compute="_compute_kinerja_results",
        digits=(8, 2),
        groups="hr.group_hr_user",
    )

    @api.depends("kinerja_status")
    def _compute_kinerja_planning_suspended(self):
        for employee in self:
            employee.kinerja_planning_suspended = (employee.kinerja_status or "aktif") != "aktif"

    @api.depends_context("kinerja_date")
    @api.depends("department_id", "parent_id")
    def _compute_kinerja_evaluators(self):
        date = self.env.context.get("kinerja_date") or fields.Date.context_today(self)
        pairs = self._kinerja_evaluators(fields.Date.to_date(date))
        for employee in self:
            evaluator, superior = pairs.get(employee.id, (False, False))
            employee.kinerja_evaluator_id = evaluator
            employee.kinerja_evaluator_superior_id = superior

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_kinerja_results(self):
        """Counts the current user may see, in two grouped queries for the batch."""
        evaluations = dict(
            self.env["hr.kinerja.evaluation"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        year = fields.Date.context_today(self).year
        credits = dict(
            self.env["hr.kinerja.angka.kredit"]._read_group(
                [("employee_id", "in", self.ids), ("year_id.year", "=", year)],
                ["employee_id"],
                ["amount_units:sum"],
            )
        )
        Ledger = self.env["hr.kinerja.angka.kredit"]
        for employee in self:
            employee.kinerja_evaluation_count = evaluations.get(employee, 0)
            # the exact amounts added, rounded once (rules/angka_kredit.py)
            employee.kinerja_angka_kredit = Ledger._display_units(credits.get(employee, 0))

    def action_kinerja_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_evaluation_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_kinerja_angka_kredit(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_asn.hr_kinerja_angka_kredit_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {}
        return action

    # -- portal -----------------------------------------------------------------
    def action_kinerja_portal_access(self):
        """Open Odoo's portal wizard on these employees' work contacts (HR officers):
        granting access sends the invitation and links the account to the employee
        (models/portal_wizard_user.py). Employees with a back-office user are left out."""
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            raise AccessError(_("Only HR officers give portal access."))
        employees = self.filtered(lambda e: not e.user_id or e.user_id.share)
        if not employees:
            raise UserError(_("These employees already use the back office."))
        employees.filtered(lambda e: not e.work_contact_id).sudo()._create_work_contacts()
        wizard = self.env["portal.wizard"].create(
            {"partner_ids": [(6, 0, employees.work_contact_id.ids)]}
        )
        return wizard._action_open_modal()

    # -- official forms -----------------------------------------------------------
    def _kinerja_identity(self, job_title=None, unit=None):
        """The identity block of the official forms: name, NIP, pangkat/golongan,
        jabatan, unit kerja (003 Lampiran). ``job_title``/``unit`` override the
        current ones with what a document recorded (the SKP's position)."""
        self.ensure_one()
        employee = self.sudo()
        pangkat = employee.pangkat_id
        return {
            "name": employee.name,
            "nip": employee.nip or "",
            "pangkat": f"{pangkat.name} ({pangkat.code})" if pangkat.code else pangkat.name or "",
            "jabatan": job_title or employee.job_title or employee.job_id.name or "",
            # the unit as superuser too: a portal user has no access to hr.department
            "unit": (unit or employee.department_id).sudo().name or "",
        }

    # -- evaluator ----------------------------------------------------------------
    def _kinerja_evaluator_ids(self, date):
        """{employee id: evaluator id or False} on ``date``, for the whole batch in a
        fixed number of queries: the units above come from ``parent_path``."""
        employees = self.sudo()
        departments = employees.department_id
        ancestor_ids = {
            int(part)
            for path in departments.mapped("parent_path")
            for part in (path or "").split("/")
            if part
        }
        units = self.env["hr.department"].sudo().browse(ancestor_ids)
        units.mapped("manager_id")  # one read for every unit's leader, level and parent
        delegations = self.env["hr.kinerja.delegation"].sudo()._active_on(date, employees, units)
        for_employee = {
            d.employee_id.id: d.delegate_id.id for d in delegations if d.scope == "employee"
        }
        for_unit = {d.department_id.id: d.delegate_id.id for d in delegations if d.scope == "unit"}

        result = {}
        for employee in employees:
            evaluator = for_employee.get(employee.id)
            unit = employee.department_id
            while not evaluator and unit:
                leader = for_unit.get(unit.id)
                if unit.manager_id.id == employee.id:
                    leader = None  # their own unit, even under a Plt./Plh.: go up
                # The chair of a non-structural work group recommends feedback but
                # is not the evaluator: the managerial official is (004, last page).
                if not leader and unit.kinerja_level != "kelompok":
                    leader = unit.manager_id.id
                if leader and leader != employee.id:
                    evaluator = leader
                unit = unit.parent_id
            if not evaluator and not employee.department_id:
                evaluator = employee.parent_id.id
            result[employee.id] = evaluator or False
        return result

    @api.model
    def _kinerja_evaluators_at(self, pairs):
        """{(employee id, date): (evaluator id, superior id)} for many (employee, date)
        pairs: one batch per distinct date, never one lookup per record."""
        by_date = {}
        for employee, date in pairs:
            if employee and date:
                by_date.setdefault(date, self.browse())
                by_date[date] |= employee
        result = {}
        for date, employees in by_date.items():
            for employee_id, pair in employees._kinerja_evaluators(date).items():
                result[(employee_id, date)] = pair
        return result

    def _kinerja_evaluators(self, date):
        """{employee id: (evaluator id, evaluator's superior id)} on ``date``."""
        evaluators = self._kinerja_evaluator_ids(date)
        evaluator_records = self.browse({e for e in evaluators.values() if e})
        superiors = evaluator_records._kinerja_evaluator_ids(date) if evaluator_records else {}
        return {
            employee_id: (evaluator, superiors.get(evaluator, False) if evaluator else False)
            for employee_id, evaluator in evaluators.items()
        }

    # -- NIP ----------------------------------------------------------------------
    def init(self):
        super().init()
        cr = self.env.cr
        cr.execute(SQL("SELECT 1 FROM pg_indexes WHERE indexname = %s", NIP_INDEX))
        if cr.rowcount:
            return
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL(
                        "CREATE UNIQUE INDEX %s ON hr_employee (company_id, nip) "
                        "WHERE nip IS NOT NULL AND nip != ''",
                        SQL.identifier(NIP_INDEX),
                    )
                )
        except errors.UniqueViolation:
            # An older database may hold duplicates: they must be corrected first.
            _logger.error(
                "Two employees of an agency share a NIP: the unique index %s is not "
                "created until the duplicates are corrected.",
                NIP_INDEX,
            )

    @api.model
    def _normalize_nip(self, vals):
        """The NIP as stored: digits only, never cut to the field's size."""
        if not vals.get("nip"):
            return
        if not isinstance(vals["nip"], str):
            raise ValidationError(
                _("A NIP is written in digits, not %(value)r.", value=vals["nip"])
            )
        nip = rule_nip.normalize(vals["nip"])
        if len(nip) > NIP_SIZE:
            raise ValidationError(
                _(
                    "A NIP has exactly 18 digits; %(nip)s has %(length)s characters.",
                    nip=nip,
                    length=len(nip),
                )
            )
        vals["nip"] = nip

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_nip(vals)
        if not any(vals.get("nip") for vals in vals_list):
            return super().create(vals_list)
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except errors.UniqueViolation as error:
            pairs = [(vals.get("nip"), vals.get("company_id")) for vals in vals_list]
            raise self._nip_taken_error(error, pairs) from None

    def write(self, vals):
        self._normalize_nip(vals)
        if not (vals.get("nip") or (vals.get("company_id") and any(self.mapped("nip")))):
            return super().write(vals)
        try:
            with self.env.cr.savepoint():
                return super().write(vals)
        except errors.UniqueViolation as error:
            pairs = [
                (vals.get("nip") or employee.nip, vals.get("company_id") or employee.company_id.id)
                for employee in self
            ]
            raise self._nip_taken_error(error, pairs) from None

    def _nip_taken_error(self, error, pairs):
        """The unique index of NIPs fired: say who holds the NIP already (or that it
        was being saved twice at the same time), never a raw database error."""
        if error.diag.constraint_name != NIP_INDEX:
            raise error
        company_default = self.env.company.id
        Employee = self.sudo().with_context(active_test=False)
        seen = set()
        for nip, company_id in pairs:
            if not nip:
                continue
            company_id = company_id or company_default
            company = self.env["res.company"].sudo().browse(company_id)
            twin = Employee.search(
                [("nip", "=", nip), ("company_id", "=", company_id), ("id", "not in", self.ids)],
                limit=1,
            )
            if twin:
                return ValidationError(
                    _(
                        "NIP %(nip)s is already the NIP of %(other)s in %(company)s.",
                        nip=nip,
                        other=twin.name,
                        company=company.name,
                    )
                )
            if (nip, company_id) in seen:
                return ValidationError(
                    _(
                        "NIP %(nip)s is given to two employees of %(company)s at once.",
                        nip=nip,
                        company=company.name,
                    )
                )
            seen.add((nip, company_id))
        nip, company_id = next(((n, c) for n, c in pairs if n), (False, company_default))
        return ValidationError(
            _(
                "NIP %(nip)s was just registered in %(company)s by someone else: reload the "
                "employee to see who holds it.",
                nip=nip or "",
                company=self.env["res.company"].sudo().browse(company_id).name,
            )
        )

    @api.onchange("nip", "asn_type")
    def _onchange_nip(self):
        """Fill the birth date and gender that a valid NIP carries, if empty."""
        if not (self.nip and self.asn_type and rule_nip.is_valid(self.nip, self.asn_type)):
            return
        parsed = rule_nip.parse(self.nip, self.asn_type)
        if not self.birthday:
            self.birthday = parsed.birth_date
        if not self.gender:
            self.gender = parsed.gender

    @api.onchange("jabatan_type")
    def _onchange_jabatan_type(self):
        if self.jabatan_type != "fungsional":
            self.jf_jenjang = False

    @api.constrains("nip", "asn_type")
    def _check_nip(self):
        for employee in self.filtered("nip"):
            try:
                rule_nip.parse(employee.nip, employee.asn_type)
            except rule_nip.NipError as error:
                raise ValidationError(
                    _(
                        "%(employee)s: %(reason)s",
                        employee=employee.name,
                        reason=self.env._(error.template, **error.params),
                    )
                ) from error

    @api.constrains("jabatan_type", "jf_jenjang")
    def _check_jf_jenjang(self):
        for employee in self:
            if employee.jabatan_type == "fungsional" and not employee.jf_jenjang:
                raise ValidationError(
                    _(
                        "%(employee)s holds a functional position: choose its level (jenjang).",
                        employee=employee.name,
                    )
                )
            if employee.jf_jenjang and employee.jabatan_type != "fungsional":
                raise ValidationError(
                    _(
                        "%(employee)s: only a functional position (JF) has a level (jenjang).",
                        employee=employee.name,
                    )
                )

    @api.constrains("pangkat_id", "asn_type")
    def _check_pangkat(self):
        for employee in self.filtered("pangkat_id"):
            if employee.pangkat_id.asn_type != employee.asn_type:
                raise ValidationError(
                    _(
                        "%(employee)s: grade %(grade)s is not a grade of a %(type)s.",
                        employee=employee.name,
                        grade=employee.pangkat_id.display_name,
                        type=(employee.asn_type or "").upper() or _("non-ASN employee"),
                    )
                )
