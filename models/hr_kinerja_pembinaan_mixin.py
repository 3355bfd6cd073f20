from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .read_guard import check_onchange
from .workflow import is_workflow, workflow

STATES = [("draft", "Draft"), ("done", "Signed")]
# Captured from the organisation on the date of the record, never typed in.
CAPTURED_FIELDS = frozenset({"evaluator_id", "evaluator_superior_id"})
# Written by the Sign / Back to Draft actions only.
WORKFLOW_FIELDS = frozenset({"state", "signed_by_id", "signed_date"})
X2MANY = ("one2many", "many2many")

# Shared by the write policies of the forms (models/policy.py), which each form
# declares next to its fields: the roles every form has, the date that moves its
# period with it, and what only the organisation and the Sign / Back to Draft
# actions write.
GUIDANCE_ROLE_FIELDS = {
    "employee": "employee_id",
    "evaluator": "evaluator_id",
    "superior": "evaluator_superior_id",
}
DATE_FIELDS = ("date", "period_id")
SERVER_FIELDS = (*sorted(CAPTURED_FIELDS), *sorted(WORKFLOW_FIELDS))


class HrKinerjaPembinaanMixin(models.AbstractModel):
    """What the records of performance guidance share - coaching (Format B.1.6),
    mentoring (B.1.7), the employee's feedback on it (B.1.8) and the competency
    evaluation that follows (B.1.9), 003 section Pembinaan kinerja 4.

    It extends ``hr.kinerja.period.guard`` (its create runs first, so the period is
    found from the date before the guard checks it): the record belongs to the
    periodic evaluation period of its date and cannot change once that period is
    locked (001 item 7).

    One person writes and signs the record: the coach or mentor ("pimpinan atau
    pihak lain yang diberikan penugasan khusus", 003 section Pembinaan kinerja 4 b),
    or for B.1.8 the employee. ``_author_field`` names that person's field; HR
    officers may always act. The employee may fill in the parts of the form marked
    "diisi oleh pegawai" (``_employee_fields``) while it is a draft. The employee's
    evaluator and the evaluator's superior on that date are recorded: they read it
    (003 section Pembinaan kinerja 4 i-j). The guide (coach, mentor, assessor) is
    the employee's evaluator or the evaluator's superior unless an HR officer
    assigns another party (4 b).

    Each form declares its write policy (``hr.kinerja.policy``, first in its
    ``_inherit``), which calls ``_check_write`` and ``_check_unlink`` first (its
    ``_kinerja_before_*`` hooks), so that a user who cannot read the record learns
    nothing of it and one who can gets the refusals below, which say who may."""

    _name = "hr.kinerja.pembinaan.mixin"
    _description = "Performance Guidance Record"
    _inherit = ["hr.kinerja.period.guard"]

    _author_field = "employee_id"
    _employee_fields = frozenset()
    # The author guides the employee (coach, mentor, assessor), as opposed to the
    # employee writing about the guidance received (B.1.8).
    _author_guides = True
    # Many2one fields to protected records: an onchange naming one the user cannot
    # read is refused (models/read_guard.py).
    _onchange_protected = ()

    name = fields.Char(compute="_compute_name", store=True)
    # The guard's period, shown as soon as the date is known.
    period_id = fields.Many2one(
        compute="_compute_period_id", store=True, precompute=True, readonly=False
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    evaluator_id = fields.Many2one(
        "hr.employee",
        compute="_compute_evaluators",
        store=True,
        precompute=True,
        index=True,
        copy=False,
        help="The employee's evaluator (Pejabat Penilai Kinerja) on the date: they read "
        "the record (003 section Pembinaan kinerja 4 i).",
    )
    evaluator_superior_id = fields.Many2one(
        "hr.employee",
        string="Evaluator's Superior",
        compute="_compute_evaluators",
        store=True,
        precompute=True,
        index=True,
        copy=False,
        help="The evaluator's superior on the date, to whom the evaluator reports "
        "(003 section Pembinaan kinerja 4 j).",
    )
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, copy=False)
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    signed_date = fields.Datetime("Signed On", readonly=True, copy=False)
    user_is_author = fields.Boolean(
        compute="_compute_user_role", help="The current user writes and signs the form."
    )
    user_is_employee = fields.Boolean(
        compute="_compute_user_role", help="The current user is the employee of the form."
    )

    # -- computes -----------------------------------------------------------------
    @api.depends("date", "company_id")
    def _compute_period_id(self):
        for record in self:
            if record.date and record.company_id:
                record.period_id = self.env["hr.kinerja.period"].search(
                    record._period_domain(record.company_id, record.date), limit=1
                )

    @api.depends("employee_id", "date")
    def _compute_evaluators(self):
        found = self.env["hr.employee"]._kinerja_evaluators_at(
            (record.employee_id, record.date) for record in self
        )
        for record in self:
            evaluator, superior = found.get((record.employee_id.id, record.date), (False, False))
            record.evaluator_id = evaluator
            record.evaluator_superior_id = superior

    @api.depends_context("uid")
    @api.depends(lambda self: ("employee_id", self._author_field))
    def _compute_user_role(self):
        officer = self._is_officer()
        for record in self:
            record.user_is_author = officer or record._user_is(record[record._author_field])
            record.user_is_employee = record._user_is(record.employee_id)

    def _default_guide(self):
        """The employee's evaluator on the record's date: the default coach or mentor."""
        self.ensure_one()
        if not self.employee_id:
            return self.env["hr.employee"]
        day = self.date or fields.Date.context_today(self)
        evaluator = self.employee_id._kinerja_evaluators(day)[self.employee_id.id][0]
        return self.env["hr.employee"].browse(evaluator)

    # -- roles --------------------------------------------------------------------
    def _is_officer(self):
        return self.env.su or self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer")

    def _user_is(self, employee):
        return bool(employee) and employee.sudo().user_id == self.env.user

    def _author(self):
        self.ensure_one()
        return self[self._author_field]

    def _author_label(self):
        return self._fields[self._author_field].get_description(self.env)["string"]

    def _guides_in_line(self):
        """Who guides the employee without an HR officer's assignment: the
        employee's evaluator and the evaluator's superior on the date."""
        self.ensure_one()
        return self.evaluator_id | self.evaluator_superior_id

    def _check_guide_assigned(self):
        """A coach, mentor or assessor other than the employee's leaders is "pihak
        lain yang diberikan penugasan khusus" (003 section Pembinaan kinerja 4 b):
        an HR officer assigns them; nobody appoints themselves."""
        if not self._author_guides or self._is_officer():
            return
        for record in self:
            guide = record._author()
            if guide not in record._guides_in_line():
                raise AccessError(
                    _(
                        "%(person)s is neither the evaluator of %(employee)s on %(date)s nor "
                        "the evaluator's superior: only an HR officer assigns another party "
                        "as %(role)s (003 section Pembinaan kinerja 4 b).",
                        person=guide.name,
                        employee=record.employee_id.name,
                        date=record.date,
                        role=record._author_label().lower(),
                    )
                )

    def _check_author(self):
        """Only the author (or an HR officer) records, changes and signs."""
        if self._is_officer():
            return
        for record in self:
            if not record._user_is(record._author()):
                raise AccessError(
                    _(
                        "Only the %(role)s of %(record)s (%(person)s) or an HR officer can do "
                        "this.",
                        role=record._author_label().lower(),
                        record=record.display_name,
                        person=record._author().name or _("not set"),
                    )
                )

    # -- period -------------------------------------------------------------------
    @api.model
    def _period_domain(self, company, day):
        return [
            ("company_id", "=", company.id),
            ("kind", "in", ("month", "quarter")),
            ("date_start", "<=", day),
            ("date_end", ">=", day),
        ]

    @api.model
    def _kinerja_period(self, company, day):
        """The periodic evaluation period (month or quarter) of ``company`` that
        contains ``day``."""
        period = self.env["hr.kinerja.period"].search(self._period_domain(company, day), limit=1)
        if not period:
            raise ValidationError(
                _(
                    "No performance period of %(agency)s covers %(date)s: an HR officer opens "
                    "the performance year first.",
                    agency=company.name,
                    date=day,
                )
            )
        return period

    def _fill_period(self, vals):
        """Complete ``vals`` with the agency of the employee and the period of the
        date, before the period guard checks that period."""
        employee = self.env["hr.employee"].browse(vals.get("employee_id"))
        if not vals.get("company_id") and employee:
            vals["company_id"] = employee.sudo().company_id.id
        if vals.get("period_id"):
            return vals
        defaults = self.default_get(["date", "company_id"])
        company = self.env["res.company"].browse(
            vals.get("company_id") or defaults.get("company_id")
        )
        day = fields.Date.to_date(vals.get("date") or defaults.get("date"))
        if company and day:
            vals["period_id"] = self._kinerja_period(company, day).id
        return vals

    @api.constrains("date", "period_id", "company_id")
    def _check_period(self):
        for record in self:
            period = record.period_id
            if not period.date_start <= record.date <= period.date_end:
                raise ValidationError(
                    _(
                        "%(record)s is dated %(date)s, outside its period %(period)s "
                        "(%(start)s - %(end)s).",
                        record=record.display_name,
                        date=record.date,
                        period=period.display_name,
                        start=period.date_start,
                        end=period.date_end,
                    )
                )
            if period.company_id != record.company_id:
                raise ValidationError(
                    _(
                        "%(record)s and its period belong to different agencies.",
                        record=record.display_name,
                    )
                )

    # -- create / write -----------------------------------------------------------
    def onchange(self, values, field_names, fields_spec):
        check_onchange(
            self,
            values,
            self._onchange_protected,
            _("You cannot use a coaching or mentoring that you cannot read."),
        )
        return super().onchange(values, field_names, fields_spec)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(CAPTURED_FIELDS & set(vals) for vals in vals_list):
            raise AccessError(self._captured_message())
        if not self.env.su and any(
            vals.get("state", "draft") != "draft"
            or vals.get("signed_by_id")
            or vals.get("signed_date")
            for vals in vals_list
        ):
            raise UserError(_("A new record is a draft: sign it with the Sign button."))
        vals_list = [self._fill_period(dict(vals)) for vals in vals_list]
        if not self._is_officer():
            # Before the record rules speak: say who may record it.
            for vals in vals_list:
                self.new(
                    {
                        name: value
                        for name, value in vals.items()
                        if name in self._fields and self._fields[name].type not in X2MANY
                    }
                )._check_author()
        records = super().create(vals_list)
        records._check_guide_assigned()
        records._subscribe_people()
        return records

    def _subscribe_people(self):
        """The employee and the author follow the form (the evaluator reads it
        without being notified of every change)."""
        for record in self:
            users = (record.employee_id | record._author()).sudo().user_id
            if users:
                record.message_subscribe(partner_ids=users.partner_id.ids)

    def _captured_message(self):
        return _(
            "The evaluator and the evaluator's superior are recorded from the organisation "
            "on the date: they cannot be chosen."
        )

    def _check_write(self, vals):
        """The refusals that say why, before the form's policy speaks (the policy
        calls it first; the policy then refuses whatever else it does not
        grant). Nothing about a record the user cannot read. A signed form stays as
        signed, also for the superuser; only the Sign and Back to Draft actions
        write it (``workflow``)."""
        if is_workflow(self):
            return
        self.check_access("read")
        if WORKFLOW_FIELDS & set(vals):
            raise UserError(_("Use the Sign and Back to Draft buttons to change the state."))
        signed = self.filtered(lambda r: r.state == "done")
        if signed:
            raise UserError(
                _(
                    "%(record)s is signed: it cannot be changed. Its author can send it "
                    "back to draft first.",
                    record=signed[0].display_name,
                )
            )
        if self.env.su:
            return
        if CAPTURED_FIELDS & set(vals):
            raise AccessError(self._captured_message())
        moved = self.filtered(
            lambda r: "employee_id" in vals and r.employee_id.id != vals["employee_id"]
        )
        if moved:
            raise AccessError(
                _(
                    "%(record)s stays about %(employee)s: for someone else, open a new form.",
                    record=moved[0].display_name,
                    employee=moved[0].employee_id.name,
                )
            )
        if not self._is_officer():
            self._check_can_write(vals)

    def _kinerja_before_write(self, vals):
        self._check_write(vals)

    def _kinerja_before_unlink(self):
        self._check_unlink()

    def _check_unlink(self):
        """As ``_check_write``, for ``unlink``."""
        if self.env.su:
            return
        self.check_access("read")
        self._unlink_only_draft()

    def write(self, vals):
        if "date" in vals and "period_id" not in vals:
            companies = self.company_id
            if len(companies) == 1:
                vals = dict(
                    vals,
                    period_id=self._kinerja_period(companies, fields.Date.to_date(vals["date"])).id,
                )
        return super().write(vals)

    def _check_can_write(self, vals):
        for record in self:
            if record._user_is(record._author()):
                continue
            if (
                record._user_is(record.employee_id)
                and record._employee_fields
                and set(vals) <= record._employee_fields
            ):
                continue
            if record._user_is(record.employee_id) and record._employee_fields:
                raise AccessError(
                    _(
                        "On %(record)s you fill in only your own parts (%(fields)s); the "
                        "rest is written by the %(role)s.",
                        record=record.display_name,
                        fields=", ".join(
                            record._fields[name].get_description(record.env)["string"]
                            for name in sorted(record._employee_fields)
                        ),
                        role=record._author_label().lower(),
                    )
                )
            record._check_author()

    def _transition(self, vals):
        return workflow(self).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(record.state != "draft" for record in self):
            raise UserError(_("A signed record stays on file: send it back to draft first."))
        self._check_author()

    # -- lifecycle ----------------------------------------------------------------
    def _check_complete(self):
        """Raise a UserError naming what is missing before signing."""

    def action_sign(self):
        """The author fills in and signs the form (003 section Pembinaan kinerja 4)."""
        for record in self:
            if record.state != "draft":
                raise UserError(_("%(record)s is already signed.", record=record.display_name))
            record._check_author()
            record._check_complete()
        self._transition(
            {"state": "done", "signed_by_id": self.env.uid, "signed_date": fields.Datetime.now()}
        )
        return True

    def action_reset_draft(self):
        for record in self:
            if record.state != "done":
                raise UserError(_("Only a signed record goes back to draft."))
            record._check_author()
        self._transition({"state": "draft", "signed_by_id": False, "signed_date": False})
        return True

    def _guidance_followup_action(self, model, name, link_field):
        """Open the follow-up form (B.1.8 or B.1.9) of this guidance: the one
        recorded, the list if several, or a new one."""
        self.ensure_one()
        existing = self.env[model].search([(link_field, "=", self.id)])
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "context": {
                f"default_{link_field}": self.id,
                "default_employee_id": self.employee_id.id,
            },
        }
        if len(existing) == 1:
            action.update(view_mode="form", res_id=existing.id)
        elif existing:
            action.update(view_mode="list,form", domain=[(link_field, "=", self.id)])
        else:
            action.update(view_mode="form")
        return action
