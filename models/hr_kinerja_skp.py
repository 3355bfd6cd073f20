import datetime

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import calendar as rule_calendar
from ..rules import cascade as rule_cascade
from ..rules import ipk as rule_ipk
from .hr_kinerja_skp_line_guard import SKP_EDITORS
from .policy import allow
from .workflow import workflow

LEADER_JABATAN = ("jpt_utama", "jpt_madya", "jpt_pratama")
FORMS = [
    ("a_1_1", "A.1.1 - Leader, qualitative"),
    ("a_1_2", "A.1.2 - Leader, quantitative"),
    ("a_1_6", "A.1.6 - Administrative/functional, qualitative"),
    ("a_1_7", "A.1.7 - Administrative/functional, quantitative"),
]
STATES = [
    ("draft", "Draft"),
    ("agreed", "Agreed"),
    ("set", "Set"),
    ("revised", "Revised"),
    ("closed", "Closed"),
]
ACTIVE_STATES = ("draft", "agreed", "set")
# Fields that stay writable on an agreed or set SKP besides chatter and activities;
# "state" is refused with its own message, transitions go through _transition.
ALWAYS_WRITABLE = {"state"}
# What the editors of a draft write (003 section Penetapan SKP 1; Pasal 9-13): the
# position recorded, the dates, the approach, the study-leave targets, the lines.
CONTENT_FIELDS = (
    "department_id",
    "job_title",
    "date_start",
    "date_end",
    "approach",
    "tugas_belajar",
    "study_level",
    "study_location",
    "university_accreditation",
    "programme_accreditation",
    "ipk_target",
    "graduation_target",
    "rhk_ids",
    "behaviour_ids",
    "lampiran_ids",
)
# The evaluator and the superior captured from the organisation: an HR officer
# corrects them on a draft, nobody else chooses them.
EVALUATOR_FIELDS = {"evaluator_id", "evaluator_superior_id"}
# Recorded by the workflow (roles captured from the organisation, signatures,
# revisions, transfers), not typed in.
WORKFLOW_FIELDS = {
    "evaluator_id",
    "evaluator_superior_id",
    "agreed_by_id",
    "agreed_date",
    "set_by_id",
    "set_date",
    "set_as",
    "revision",
    "origin_id",
    "previous_id",
    "next_id",
    "adjustment_reason",
    "closed_reason",
}


class HrKinerjaSkp(models.Model):
    """Sasaran Kinerja Pegawai: an employee's expectations for a performance year,
    agreed by the employee and set by the evaluator by the end of January
    (003 Pasal 14; 003 section Penetapan SKP)."""

    _name = "hr.kinerja.skp"
    _description = "Employee Performance Plan (SKP)"
    _inherit = ["hr.kinerja.policy", "mail.thread", "mail.activity.mixin"]
    _order = "year_id desc, employee_id, revision desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The employee or an HR
    # officer makes a draft (the evaluator is captured from the organisation after it
    # exists); the employee and the evaluator work on it, the evaluator's superior
    # only once the deadline has passed - the role "superior" is held only then (003
    # section Penetapan SKP 1, 4); an HR officer corrects the employee, year and
    # evaluators of a draft. Agreeing, setting, adjusting and transfers are workflow
    # steps (the buttons and wizards); a set SKP changes only through an adjustment
    # (003 Pasal 14(2)).
    _kinerja_policy = (
        allow(
            ("employee", "officer"),
            "create",
            ["employee_id", "year_id", "company_id", *CONTENT_FIELDS],
            states=["draft"],
        ),
        allow(SKP_EDITORS, "write", CONTENT_FIELDS, states=["draft"]),
        allow("officer", "write", ["employee_id", "year_id", *EVALUATOR_FIELDS], states=["draft"]),
        allow("officer", "unlink", states=["draft"]),
    )
    _kinerja_server_fields = ("state", *sorted(WORKFLOW_FIELDS - EVALUATOR_FIELDS))
    _kinerja_role_fields = {"employee": "employee_id", "evaluator": "evaluator_id"}

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    year_id = fields.Many2one(
        "hr.kinerja.year",
        string="Performance Year",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', '=', 'open')]",
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", compute="_compute_position", store=True, readonly=False
    )
    job_title = fields.Char("Position", compute="_compute_position", store=True, readonly=False)
    date_start = fields.Date("From", required=True, tracking=True)
    date_end = fields.Date("To", required=True, tracking=True)
    approach = fields.Selection(
        [("qualitative", "Qualitative"), ("quantitative", "Quantitative")],
        required=True,
        default="quantitative",
        tracking=True,
        help="Pendekatan hasil kerja: qualitative or quantitative (003 Lampiran).",
    )
    is_leader_form = fields.Boolean(
        "Leader Form",
        compute="_compute_is_leader_form",
        store=True,
        help="JPT and heads of independent units use forms A.1.1/A.1.2 (003 Lampiran).",
    )
    form = fields.Selection(FORMS, compute="_compute_form", store=True)
    tugas_belajar = fields.Boolean("Study Leave", tracking=True)
    evaluator_id = fields.Many2one(
        "hr.employee",
        tracking=True,
        index=True,
        check_company=True,
        copy=False,
    )
    evaluator_superior_id = fields.Many2one(
        "hr.employee",
        string="Evaluator's Superior",
        tracking=True,
        index=True,
        check_company=True,
        copy=False,
    )
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, copy=False)
    # Which buttons the user sees: the same checks as the buttons themselves.
    can_agree = fields.Boolean(compute="_compute_can_act")
    can_set = fields.Boolean(compute="_compute_can_act")
    agreed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    agreed_date = fields.Datetime("Agreed On", readonly=True, copy=False)
    set_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    set_date = fields.Datetime("Set On", readonly=True, copy=False)
    set_as = fields.Selection(
        [
            ("evaluator", "Evaluator"),
            ("superior", "Evaluator's Superior (deadline passed)"),
            ("regional_head", "HR Manager for the Regional Head"),
        ],
        readonly=True,
        copy=False,
    )
    revision = fields.Integer(default=0, readonly=True, copy=False)
    origin_id = fields.Many2one(
        "hr.kinerja.skp", string="First Revision", readonly=True, copy=False, index=True
    )
    previous_id = fields.Many2one("hr.kinerja.skp", string="Replaces", readonly=True, copy=False)
    next_id = fields.Many2one("hr.kinerja.skp", string="Replaced By", readonly=True, copy=False)
    adjustment_reason = fields.Text(readonly=True, copy=False)
    closed_reason = fields.Text(readonly=True, copy=False)
    rhk_ids = fields.One2many("hr.kinerja.rhk", "skp_id", string="Result Plans", copy=True)
    behaviour_ids = fields.One2many(
        "hr.kinerja.skp.behaviour", "skp_id", string="Work Behaviour", copy=True
    )
    lampiran_ids = fields.One2many(
        "hr.kinerja.skp.lampiran", "skp_id", string="Attachment (A.1.8)", copy=True
    )
    rhk_count = fields.Integer(compute="_compute_rhk_count")
    subordinate_skp_ids = fields.Many2many(
        "hr.kinerja.skp", compute="_compute_matrix", string="Subordinates' SKPs"
    )
    matrix_html = fields.Html(
        "Role and Result Matrix",
        compute="_compute_matrix",
        sanitize=False,
        help="Matriks pembagian peran dan hasil (Format A.1.5), from the cascading links.",
    )
    matrix_gap_count = fields.Integer("Gaps", compute="_compute_matrix")
    date_deadline = fields.Date(
        "SKP Due",
        compute="_compute_date_deadline",
        store=True,
        help="End of January for the year's initial planning; the same window from its "
        "start for an SKP opened later in the year.",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    # Study leave (003 section Penyusunan SKP tugas belajar 2-7)
    study_level = fields.Selection(
        [
            ("s1", "Bachelor (S1)"),
            ("profesi", "Profession"),
            ("s2", "Master (S2)"),
            ("s3", "Doctorate (S3)"),
        ],
    )
    study_location = fields.Selection(
        [("domestic", "Domestic"), ("abroad", "Abroad")], default="domestic"
    )
    university_accreditation = fields.Selection([("A", "A"), ("B", "B"), ("C", "C")])
    programme_accreditation = fields.Selection([("A", "A"), ("B", "B"), ("C", "C")])
    ipk_target = fields.Float("GPA (IPK) Target", digits=(3, 2))
    ipk_target_predicate = fields.Char(
        "Target Corresponds To",
        compute="_compute_ipk_guidance",
        help="The predicate the IPK target reaches under the bands of 003.",
    )
    ipk_bands = fields.Char("IPK Bands", compute="_compute_ipk_guidance")
    graduation_target = fields.Selection(
        [("faster", "Faster than the normative period"), ("on_time", "On time")],
    )

    # -- computes -----------------------------------------------------------------
    @api.depends("employee_id.name", "year_id.year", "revision")
    def _compute_name(self):
        for skp in self:
            name = f"SKP {skp.employee_id.name or ''} {skp.year_id.year or ''}".strip()
            skp.name = f"{name} (rev. {skp.revision})" if skp.revision else name

    @api.depends("employee_id")
    def _compute_position(self):
        for skp in self:
            skp.department_id = skp.employee_id.department_id
            skp.job_title = skp.employee_id.job_title

    @api.depends(
        "employee_id.jabatan_type", "department_id.kinerja_level", "department_id.manager_id"
    )
    def _compute_is_leader_form(self):
        for skp in self:
            unit = skp.department_id
            skp.is_leader_form = skp.employee_id.jabatan_type in LEADER_JABATAN or (
                unit.kinerja_level == "jf_mandiri" and unit.manager_id == skp.employee_id
            )

    @api.depends(
        "state",
        "is_leader_form",
        "employee_id.user_id",
        "evaluator_id.user_id",
        "evaluator_superior_id.user_id",
        "date_deadline",
    )
    @api.depends_context("uid")
    def _compute_can_act(self):
        for skp in self:
            skp.can_agree = not skp._agree_refusal()
            skp.can_set = not skp._set_refusal()

    @api.depends("is_leader_form", "approach")
    def _compute_form(self):
        for skp in self:
            qualitative = skp.approach == "qualitative"
            if skp.is_leader_form:
                skp.form = "a_1_1" if qualitative else "a_1_2"
            else:
                skp.form = "a_1_6" if qualitative else "a_1_7"

    def _compute_rhk_count(self):
        for skp in self:
            skp.rhk_count = len(skp.rhk_ids)

    @api.depends("year_id.date_skp", "year_id.preset_id", "date_start")
    def _compute_date_deadline(self):
        for skp in self:
            year = skp.year_id
            skp.date_deadline = (
                rule_calendar.skp_deadline(year.preset_id.to_rule(), year.year, skp.date_start)
                if year.preset_id and skp.date_start
                else False
            )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for skp in self:
            skp.is_overdue = bool(
                skp.state in ("draft", "agreed")
                and skp.date_deadline
                and skp.date_deadline < today
                and not skp.previous_id
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on overdue SKPs."))
        domain = [
            ("state", "in", ("draft", "agreed")),
            ("previous_id", "=", False),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends(
        "tugas_belajar",
        "study_level",
        "study_location",
        "university_accreditation",
        "programme_accreditation",
        "ipk_target",
    )
    def _compute_ipk_guidance(self):
        names = dict(self.env["hr.kinerja.skp"]._predicate_selection())
        for skp in self:
            skp.ipk_bands = skp.ipk_target_predicate = False
            if not (skp.tugas_belajar and skp.study_level):
                continue
            try:
                bands = rule_ipk.bands(
                    skp.study_level,
                    skp.study_location or "domestic",
                    skp.university_accreditation,
                    skp.programme_accreditation,
                )
            except ValueError as error:
                skp.ipk_bands = str(error)
                continue
            skp.ipk_bands = " / ".join(
                f"{names[predicate]} >= {floor}" for predicate, floor in bands.items()
            )
            if skp.ipk_target:
                try:
                    predicate = rule_ipk.predicate_for_ipk(
                        skp.ipk_target,
                        skp.study_level,
                        skp.study_location or "domestic",
                        skp.university_accreditation,
                        skp.programme_accreditation,
                    )
                except ValueError as error:  # a target outside 0.00-4.00
                    skp.ipk_target_predicate = str(error)
                    continue
                skp.ipk_target_predicate = names[predicate]

    @api.model
    def _predicate_selection(self):
        return [
            ("sangat_baik", _("Sangat Baik")),
            ("baik", _("Baik")),
            ("butuh_perbaikan", _("Butuh Perbaikan")),
            ("kurang", _("Kurang/Misconduct")),
            ("sangat_kurang", _("Sangat Kurang")),
        ]

    # -- create / write -----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._kinerja_bypass():
            self._check_workflow_fields({key for vals in vals_list for key in vals}, create=True)
            if any(vals.get("state", "draft") != "draft" for vals in vals_list):
                raise UserError(
                    _(
                        "An SKP starts as a draft: the employee agrees it and the evaluator "
                        "sets it with the buttons."
                    )
                )
        years = self.env["hr.kinerja.year"].browse(
            {v["year_id"] for v in vals_list if v.get("year_id")}
        )
        employees = self.env["hr.employee"].browse(
            {v["employee_id"] for v in vals_list if v.get("employee_id")}
        )
        for vals in vals_list:
            year = years.filtered(lambda y, v=vals: y.id == v.get("year_id"))
            employee = employees.filtered(lambda e, v=vals: e.id == v.get("employee_id"))
            if year:
                vals.setdefault("date_start", datetime.date(year.year, 1, 1))
                vals.setdefault("date_end", datetime.date(year.year, 12, 31))
                vals.setdefault("company_id", year.company_id.id)
            if employee:
                vals.setdefault("tugas_belajar", employee.tugas_belajar)
        skps = super().create(vals_list)
        skps.filtered(lambda s: not s.evaluator_id)._capture_evaluators()
        skps.filtered(lambda s: not s.behaviour_ids)._add_core_values()
        for skp in skps.filtered(lambda s: not s.origin_id):
            skp._transition({"origin_id": skp.id})
        return skps

    def write(self, vals):
        # The workflow writes through _transition(), which skips these checks; no
        # context key can (a client could send any).
        frozen = self.filtered(lambda s: s.state != "draft")
        content = {
            key
            for key in vals
            if key not in ALWAYS_WRITABLE and not key.startswith(("message_", "activity_"))
        }
        if frozen and content:
            raise UserError(
                _(
                    "%(skp)s is no longer a draft: it changes only through an adjustment "
                    "(a new revision with a reason).",
                    skp=frozen[0].display_name,
                )
            )
        if "state" in vals:
            raise UserError(_("Use the buttons to agree, set or adjust an SKP."))
        self._check_workflow_fields(vals)
        if content:
            self._check_can_edit()
        result = super().write(vals)
        if "employee_id" in vals and not EVALUATOR_FIELDS.intersection(vals):
            # An HR officer corrected whose draft it is: their evaluators follow.
            self._capture_evaluators()
        return result

    def _check_workflow_fields(self, field_names, create=False):
        """The evaluator is captured from the organisation and the signatures come from
        the buttons: an employee cannot choose who sets their SKP (003 section
        Penetapan SKP 1). An HR officer may correct the evaluators of a draft."""
        if self._kinerja_bypass():
            return
        fixed = WORKFLOW_FIELDS.intersection(field_names)
        if not create and self._is_officer():
            fixed -= EVALUATOR_FIELDS
        fixed = sorted(fixed)
        if fixed:
            raise AccessError(
                _(
                    "%(fields)s of an SKP are recorded by its workflow, not edited.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in fixed
                    ),
                )
            )

    def _check_can_edit(self):
        """A draft is edited by the employee, the evaluator or an HR officer; the
        evaluator's superior only once the SKP deadline has passed (003 section
        Penetapan SKP 4)."""
        if self.env.su or self._is_officer():
            return
        today = fields.Date.context_today(self)
        for skp in self:
            if skp._user_is(skp.employee_id) or skp._user_is(skp.evaluator_id):
                continue
            if skp._kinerja_superior_may_edit(today):
                continue
            raise AccessError(
                _(
                    "%(skp)s is edited by the employee and the evaluator (%(evaluator)s).",
                    skp=skp.display_name,
                    evaluator=skp.evaluator_id.name or _("none"),
                )
            )

    def _kinerja_superior_may_edit(self, today):
        """The evaluator's superior works on the draft once the SKP deadline has passed
        (003 section Penetapan SKP 4)."""
        self.ensure_one()
        return bool(
            self._user_is(self.evaluator_superior_id)
            and self.date_deadline
            and today > self.date_deadline
        )

    def _kinerja_extra_roles(self, roles):
        today = fields.Date.context_today(self)
        for skp in self.sudo():
            if skp._kinerja_superior_may_edit(today):
                roles[skp.id].add("superior")

    def _transition(self, vals):
        """Workflow writes (state, signatures, links) that the caller has checked:
        past the checks of write() and the policy (a workflow step)."""
        return super(HrKinerjaSkp, workflow(self)).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(skp.state != "draft" or skp.previous_id for skp in self):
            raise UserError(
                _("Only a first draft can be deleted: an SKP once agreed stays on record.")
            )

    def _capture_evaluators(self, date=None):
        """Evaluator and superior from the master data on ``date`` (default: the
        SKP's start, or today when later), in one batch per date."""
        today = fields.Date.context_today(self)
        days = {skp: date or max(skp.date_start, min(today, skp.date_end)) for skp in self}
        found = self.env["hr.employee"]._kinerja_evaluators_at(
            (skp.employee_id, day) for skp, day in days.items()
        )
        for skp, day in days.items():
            evaluator, superior = found.get((skp.employee_id.id, day), (False, False))
            skp._transition({"evaluator_id": evaluator, "evaluator_superior_id": superior})

    def _add_core_values(self):
        values = self.env["hr.kinerja.core.value"].search([])
        # The seven core values come with every SKP (003 Pasal 10(3)): a server step.
        workflow(self.env["hr.kinerja.skp.behaviour"]).create(
            [{"skp_id": skp.id, "core_value_id": value.id} for skp in self for value in values]
        )

    # -- constraints --------------------------------------------------------------
    @api.constrains("employee_id", "year_id", "date_start", "date_end", "company_id")
    def _check_dates_and_employee(self):
        for skp in self:
            year = skp.year_id
            if skp.date_end < skp.date_start:
                raise ValidationError(_("An SKP cannot end before it starts."))
            if skp.date_start.year != year.year or skp.date_end.year != year.year:
                raise ValidationError(
                    _(
                        "The SKP of %(employee)s must lie within the performance year %(year)s "
                        "(%(start)s - %(end)s).",
                        employee=skp.employee_id.name,
                        year=year.year,
                        start=skp.date_start,
                        end=skp.date_end,
                    )
                )
            if skp.company_id != year.company_id:
                raise ValidationError(
                    _("The SKP and its performance year belong to different agencies.")
                )
            if skp.state in ACTIVE_STATES and not skp.previous_id:
                if skp.employee_id.sudo().kinerja_planning_suspended:
                    raise ValidationError(
                        _(
                            "%(employee)s has a status that suspends performance planning "
                            "(003 section Penetapan SKP 7): no SKP is made for them.",
                            employee=skp.employee_id.name,
                        )
                    )
                if not skp.employee_id.active:
                    raise ValidationError(
                        _(
                            "%(employee)s is archived: no SKP can be made.",
                            employee=skp.employee_id.name,
                        )
                    )
        self._check_single_active()

    @api.constrains("ipk_target")
    def _check_ipk_target(self):
        """An IPK (GPA) lies between 0.00 and 4.00 (the scale of the bands of 003
        section Penyusunan SKP tugas belajar 5-6, rules/ipk.py)."""
        for skp in self:
            if not 0 <= skp.ipk_target <= float(rule_ipk.MAX_IPK):
                raise ValidationError(
                    _(
                        "The IPK target of %(skp)s must lie between 0.00 and 4.00; "
                        "%(target)s was given.",
                        skp=skp.display_name,
                        target=skp.ipk_target,
                    )
                )

    @api.constrains("state")
    def _check_single_active(self):
        """One active SKP per employee at a time; a draft revision of the same SKP
        (an adjustment in progress) is not a second SKP."""
        active = self.filtered(lambda s: s.state in ACTIVE_STATES)
        if not active:
            return
        others = (
            self.search(
                [
                    ("employee_id", "in", active.employee_id.ids),
                    ("state", "in", ACTIVE_STATES),
                    ("id", "not in", active.ids),
                ]
            )
            | active
        )
        for skp in active:
            clash = others.filtered(
                lambda o, s=skp: (
                    o != s
                    and o.employee_id == s.employee_id
                    and (o.origin_id or o) != (s.origin_id or s)
                    and o.date_start <= s.date_end
                    and s.date_start <= o.date_end
                )
            )[:1]
            if clash:
                raise ValidationError(
                    _(
                        "%(employee)s already has an active SKP for %(start)s - %(end)s "
                        "(%(other)s). Adjust or close it instead of making a second one.",
                        employee=skp.employee_id.name,
                        start=clash.date_start,
                        end=clash.date_end,
                        other=clash.display_name,
                    )
                )

    # -- roles --------------------------------------------------------------------
    def _is_officer(self):
        return self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer")

    def _is_manager(self):
        return self.env.user.has_group("hr_kinerja_asn.group_kinerja_manager")

    def _user_is(self, employee):
        return bool(employee.user_id) and employee.user_id == self.env.user

    # -- lifecycle ----------------------------------------------------------------
    def action_agree(self):
        """The employee signs the SKP (003 section Penetapan SKP 1)."""
        for skp in self:
            refusal = skp._agree_refusal()
            if refusal:
                raise refusal
            skp._check_complete()
        self._transition(
            {"state": "agreed", "agreed_by_id": self.env.uid, "agreed_date": fields.Datetime.now()}
        )
        return True

    def _agree_refusal(self):
        """Why the user cannot agree this SKP (the employee - or an HR officer for
        them - agrees a draft), or None."""
        self.ensure_one()
        if self.state != "draft":
            return UserError(_("Only a draft SKP can be agreed."))
        if not (self._user_is(self.employee_id) or self._is_officer()):
            return AccessError(
                _("Only %(employee)s can agree their SKP.", employee=self.employee_id.name)
            )
        return None

    def _set_refusal(self):
        """Why the user cannot set this SKP (see _setting_role), or None."""
        self.ensure_one()
        if self.state != "agreed":
            return UserError(_("The employee agrees the SKP before it is set."))
        if not self._setting_role():
            return AccessError(
                _(
                    "Only the evaluator (%(evaluator)s) sets this SKP; after the deadline "
                    "also the evaluator's superior. The SKP of a JPT or of the head of an "
                    "independent unit is set by an HR manager for the regional head.",
                    evaluator=self.evaluator_id.name or _("none"),
                )
            )
        return None

    def _check_complete(self):
        self.ensure_one()
        if self.tugas_belajar:
            if not (self.ipk_target and self.study_level and self.graduation_target):
                raise UserError(
                    _(
                        "An SKP on study leave needs the study level, an IPK target and a "
                        "graduation target."
                    )
                )
            return
        if not self.rhk_ids.filtered(lambda r: r.kind == "utama"):
            raise UserError(
                _(
                    "%(skp)s has no main result plan (RHK utama): add one before agreeing.",
                    skp=self.display_name,
                )
            )
        missing = self.rhk_ids.filtered(lambda r: not r.indicator_ids)
        if missing:
            raise UserError(_("The result plan %(rhk)s has no indicator.", rhk=missing[0].name))

    def _setting_role(self):
        """Who may set this SKP now, as what (003 section Penetapan SKP 1-4)."""
        self.ensure_one()
        if self.is_leader_form:
            # JPT and heads of independent units: set by the regional head
            return "regional_head" if self._is_manager() else None
        if self._user_is(self.evaluator_id):
            return "evaluator"
        today = fields.Date.context_today(self)
        if (
            self._user_is(self.evaluator_superior_id)
            and self.date_deadline
            and today > self.date_deadline
        ):
            return "superior"
        if self._is_manager() and (not self.evaluator_id.user_id or self.env.su):
            # Nobody above in the organisation (the regional head sets it), or an
            # evaluator without a login who signed on paper: an HR manager records it.
            # Server code and data files (the superuser) act for whoever sets it.
            return "regional_head"
        return None

    def action_set(self):
        """The evaluator sets (menetapkan) the agreed SKP."""
        for skp in self:
            refusal = skp._set_refusal()
            if refusal:
                raise refusal
            role = skp._setting_role()
            skp._check_complete()
            skp._transition(
                {
                    "state": "set",
                    "set_by_id": self.env.uid,
                    "set_date": fields.Datetime.now(),
                    "set_as": role,
                }
            )
            previous = skp.previous_id
            if previous and previous.state == "set":
                previous._transition({"state": "revised", "next_id": skp.id})
                previous.message_post(
                    body=_(
                        "Replaced by revision %(revision)s: %(reason)s",
                        revision=skp.revision,
                        reason=skp.adjustment_reason,
                    )
                )
            # Portal users (a leader with a portal account) have no access to
            # mail.activity: the to-dos of exactly this SKP, whose setter was checked
            # above, are closed as superuser for them.
            skp.sudo(skp.env.user.share).activity_feedback(
                [
                    "hr_kinerja_asn.mail_activity_type_skp_set",
                    "hr_kinerja_asn.mail_activity_type_skp_overdue",
                ]
            )
        return True

    def action_reset_draft(self):
        for skp in self:
            if skp.state != "agreed":
                raise UserError(_("Only an agreed SKP goes back to draft."))
            if not (
                skp._user_is(skp.employee_id) or skp._user_is(skp.evaluator_id) or skp._is_officer()
            ):
                raise AccessError(
                    _("Only the employee or the evaluator can send it back to draft.")
                )
        self._transition({"state": "draft", "agreed_by_id": False, "agreed_date": False})
        return True

    def _new_revision(self, reason):
        """Penyesuaian ekspektasi: a new draft revision, the old one stays readable
        and in force until the new one is set (003 Pasal 14(2), Pasal 19)."""
        self.ensure_one()
        if self.state != "set":
            raise UserError(_("Only a set SKP is adjusted; a draft is simply edited."))
        if self.search_count([("previous_id", "=", self.id), ("state", "in", ACTIVE_STATES)]):
            raise UserError(_("An adjustment of this SKP is already in progress."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                _("Say why the expectations are adjusted: the reason is kept on record.")
            )
        # The caller checked who adjusts; the copy carries workflow fields, hence sudo.
        new = self.sudo().copy(
            {
                "previous_id": self.id,
                "origin_id": self.origin_id.id,
                "revision": self.revision + 1,
                "adjustment_reason": reason,
                "evaluator_id": self.evaluator_id.id,
                "evaluator_superior_id": self.evaluator_superior_id.id,
            }
        )
        self.message_post(
            body=_(
                "Adjustment started (revision %(revision)s): %(reason)s",
                revision=new.revision,
                reason=reason,
            )
        )
        return new.with_env(self.env)

    def _close_for_transfer(self, date, reason):
        """Close this SKP the day before ``date`` and open a draft for the new
        position or evaluator from ``date`` (003 section Penetapan SKP 5-6)."""
        self.ensure_one()
        if self.state not in ACTIVE_STATES:
            raise UserError(_("Only an active SKP can be closed for a transfer."))
        if not self.date_start < date <= self.date_end:
            raise UserError(
                _(
                    "The transfer date must fall after the SKP starts (%(start)s) and not "
                    "after it ends (%(end)s).",
                    start=self.date_start,
                    end=self.date_end,
                )
            )
        end = self.date_end
        # The whole lineage closes: the SKP in force and an adjustment in progress.
        lineage = self.search(
            [("origin_id", "=", self.origin_id.id), ("state", "in", ACTIVE_STATES)]
        )
        lineage._transition(
            {
                "state": "closed",
                "date_end": date - datetime.timedelta(days=1),
                "closed_reason": reason,
            }
        )
        new = self.create(
            {
                "employee_id": self.employee_id.id,
                "year_id": self.year_id.id,
                "date_start": date,
                "date_end": end,
                "approach": self.approach,
                "tugas_belajar": self.employee_id.tugas_belajar,
            }
        )
        new._capture_evaluators(date)
        self.message_post(
            body=_(
                "Closed on %(date)s: %(reason)s. New SKP: %(new)s",
                date=self.date_end,
                reason=reason,
                new=new.display_name,
            )
        )
        return new

    def action_refresh_evaluator(self):
        if any(skp.state != "draft" for skp in self):
            raise UserError(_("The evaluator of an agreed or set SKP is kept as it was."))
        self._check_can_edit()
        self._capture_evaluators()
        return True

    def action_adjust_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Adjust Expectations"),
            "res_model": "hr.kinerja.skp.adjust.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_id": self.id},
        }

    def action_transfer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Transfer / New Evaluator"),
            "res_model": "hr.kinerja.skp.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_id": self.id},
        }

    def action_view_revisions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Revisions"),
            "res_model": "hr.kinerja.skp",
            "view_mode": "list,form",
            "domain": [("origin_id", "=", self.origin_id.id)],
            "context": {"active_test": False},
        }

    # -- deadline (003 section Penetapan SKP 3-4) ----------------------------------
    @api.model
    def _cron_skp_deadline(self):
        """Before the deadline the evaluator has a to-do to set each SKP; once it
        has passed, the evaluator's superior gets one too."""
        today = fields.Date.context_today(self)
        pending = self.search(
            [
                ("state", "in", ("draft", "agreed")),
                ("previous_id", "=", False),
                ("year_id.state", "=", "open"),
            ]
        )
        set_type = self.env.ref("hr_kinerja_asn.mail_activity_type_skp_set")
        late_type = self.env.ref("hr_kinerja_asn.mail_activity_type_skp_overdue")
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", pending.ids),
                ("activity_type_id", "in", (set_type | late_type).ids),
            ]
        )
        have = {(a.res_id, a.activity_type_id.id, a.user_id.id) for a in existing}
        model_id = self.env["ir.model"]._get_id(self._name)
        values = []
        for skp in pending:
            deadline = skp.date_deadline
            targets = [(set_type, skp.evaluator_id.user_id)]
            if deadline and today > deadline:
                targets.append((late_type, skp.evaluator_superior_id.user_id))
            for activity_type, user in targets:
                if user and (skp.id, activity_type.id, user.id) not in have:
                    values.append(
                        {
                            "res_model_id": model_id,
                            "res_id": skp.id,
                            "activity_type_id": activity_type.id,
                            "user_id": user.id,
                            "date_deadline": max(deadline or today, today)
                            if activity_type == set_type
                            else today,
                            "summary": activity_type.summary,
                            # found by activity_feedback() when the SKP is set
                            "automated": True,
                        }
                    )
        return self.env["mail.activity"].sudo().create(values)

    # -- matriks peran dan hasil (Format A.1.5) ------------------------------------
    def _subordinate_skps(self):
        """Active SKPs of the same year that this SKP's employee evaluates."""
        return self.search(
            [
                ("evaluator_id", "in", self.employee_id.ids),
                ("year_id", "in", self.year_id.ids),
                ("state", "in", ACTIVE_STATES),
            ]
        )

    def _role_matrix(self, subordinates=None):
        self.ensure_one()
        subordinates = (
            subordinates if subordinates is not None else self._subordinate_skps()
        ).filtered(lambda s: s.evaluator_id == self.employee_id and s.year_id == self.year_id)
        # Latest revision per employee: a draft adjustment shows over the set one.
        latest = {}
        for skp in subordinates.sorted("revision"):
            latest[skp.employee_id.id] = skp
        subordinates = self.browse([skp.id for skp in latest.values()])
        indicators = self.rhk_ids.indicator_ids
        iki_by_origin = {i.origin_iki_id.id or i.id: i.id for i in indicators}
        rhk_by_origin = {r.origin_rhk_id.id or r.id: r.id for r in self.rhk_ids}
        matrix = rule_cascade.role_matrix(
            [rule_cascade.LeaderIndicator(i.id, i.rhk_id.id) for i in indicators],
            [
                rule_cascade.SubordinateRhk(
                    rhk.id,
                    rhk.skp_id.employee_id.id,
                    rhk_by_origin.get(rhk.parent_rhk_id.origin_rhk_id.id or rhk.parent_rhk_id.id),
                    iki_by_origin.get(
                        rhk.parent_indicator_id.origin_iki_id.id or rhk.parent_indicator_id.id
                    ),
                )
                for rhk in subordinates.rhk_ids
            ],
            employees=subordinates.employee_id.ids,
        )
        return matrix, subordinates

    @api.depends("rhk_ids.indicator_ids", "employee_id", "year_id")
    def _compute_matrix(self):
        for skp in self:
            if not skp.id or not skp.employee_id:
                skp.matrix_html = skp.subordinate_skp_ids = False
                skp.matrix_gap_count = 0
                continue
            matrix, subordinates = skp._role_matrix()
            skp.subordinate_skp_ids = subordinates
            skp.matrix_gap_count = len(matrix.unsupported) + len(matrix.orphans)
            skp.matrix_html = skp._render_matrix(matrix, subordinates)

    def _render_matrix(self, matrix, subordinates):
        if not matrix.indicators and not matrix.employees:
            return Markup("<p class='text-muted'>%s</p>") % _(
                "No indicator on this SKP and no subordinate SKP yet."
            )
        iki = self.env["hr.kinerja.iki"].browse(matrix.indicators)
        rhk = self.env["hr.kinerja.rhk"]
        employees = self.env["hr.employee"].browse(matrix.employees)
        jobs = {s.employee_id.id: s.job_title for s in subordinates}
        no_role = _("No role")
        head = Markup("").join(Markup("<th>%s</th>") % i.name for i in iki)
        rows = []
        for employee in employees:
            cells = []
            for indicator_id in matrix.indicators:
                roles = rhk.browse(matrix.roles(employee.id, indicator_id))
                cells.append(
                    Markup("<td>%s</td>")
                    % Markup("<br/>").join(escape(r.display_name) for r in roles)
                    if roles
                    else Markup("<td class='text-muted fst-italic'>%s</td>") % no_role
                )
            rows.append(
                Markup("<tr><td>%s</td><td>%s</td>%s</tr>")
                % (employee.name, jobs.get(employee.id) or "", Markup("").join(cells))
            )
        table = Markup(
            "<table class='table table-sm table-bordered o_kinerja_matrix'><thead><tr>"
            "<th>%s</th><th>%s</th>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (_("Employee"), _("Position"), head, Markup("").join(rows))
        gaps = []
        for indicator in iki.browse(matrix.unsupported):
            gaps.append(
                Markup("<li>%s</li>")
                % _("Indicator not supported by any subordinate: %(name)s", name=indicator.name)
            )
        for orphan in rhk.browse(matrix.orphans):
            gaps.append(
                Markup("<li>%s</li>")
                % _(
                    "%(employee)s: result plan supporting none of these indicators: %(name)s",
                    employee=orphan.employee_id.name,
                    name=orphan.display_name,
                )
            )
        if gaps:
            table += Markup("<div class='alert alert-warning'><b>%s</b><ul>%s</ul></div>") % (
                _("Gaps"),
                Markup("").join(gaps),
            )
        return table
