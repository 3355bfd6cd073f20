from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_kinerja_skp_line_guard import MONITORING_FIELDS, SKP_EDITORS
from .policy import allow
from .workflow import workflow

PERSPECTIVES = [
    ("penerima_layanan", "Service Recipients"),
    ("proses_bisnis", "Business Process"),
    ("penguatan_internal", "Internal Strengthening"),
    ("anggaran", "Budget"),
]


class HrKinerjaRhk(models.Model):
    """Rencana Hasil Kerja: a result the employee plans, utama or tambahan, assigned
    by a leader position and - for administrative and functional positions -
    supporting one RHK of the evaluator (the "RHK pimpinan yang diintervensi",
    003 Format A.1.7; DOMAIN section 4)."""

    _name = "hr.kinerja.rhk"
    _description = "Result Plan (RHK)"
    # The guard inherits hr.kinerja.policy first and adds the SKP's draft rule.
    _inherit = ["hr.kinerja.skp.line.guard"]
    _order = "skp_id, kind desc, sequence, id"

    # Who changes what (deny by default, models/policy.py). The editors of a draft SKP
    # (003 section Penetapan SKP 1, 4) write its result plans; a result plan stays on
    # the SKP it was made for (no moving it to another one). The evaluator records
    # progress and take-over on a set SKP through the monitoring actions (003 Pasal
    # 19), a workflow step; the first version is linked by the server.
    _RHK_FIELDS = (
        "sequence",
        "kind",
        "name",
        "assigned_by",
        "parent_rhk_id",
        "parent_indicator_id",
        "perspective",
        "indicator_ids",
    )
    _kinerja_policy = (
        allow(SKP_EDITORS, "create", ["skp_id", *_RHK_FIELDS], states=["draft"]),
        allow(SKP_EDITORS, "write", _RHK_FIELDS, states=["draft"]),
        allow(SKP_EDITORS, "unlink", states=["draft"]),
    )
    # The cascade's links, and what the evaluator's monitoring steps record.
    _kinerja_server_fields = ("origin_rhk_id", "child_ids", *sorted(MONITORING_FIELDS))

    skp_id = fields.Many2one("hr.kinerja.skp", required=True, ondelete="cascade", index=True)
    skp_state = fields.Selection(related="skp_id.state", string="SKP Status")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, string="Employee")
    year_id = fields.Many2one(related="skp_id.year_id", store=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("utama", "Main"), ("tambahan", "Additional")],
        required=True,
        default="utama",
        help="Main (utama): performance agreement, strategic plan, directives; "
        "additional (tambahan): the rest (DOMAIN section 4).",
    )
    name = fields.Text("Result Plan", required=True)
    assigned_by = fields.Char(help="The leader position or team that assigned this result.")
    parent_rhk_id = fields.Many2one(
        "hr.kinerja.rhk",
        string="Leader's RHK Supported",
        index=True,
        ondelete="restrict",
        domain="[('employee_id', '=', evaluator_id), ('year_id', '=', year_id)]",
        help="The evaluator's result plan this one intervenes in (cascading).",
    )
    parent_indicator_id = fields.Many2one(
        "hr.kinerja.iki",
        string="Leader's Indicator Supported",
        ondelete="set null",
        domain="[('rhk_id', '=', parent_rhk_id)]",
        help="Optional: the one indicator of the leader's RHK this result serves; "
        "empty means all of them (matriks peran dan hasil, A.1.5).",
    )
    evaluator_id = fields.Many2one(related="skp_id.evaluator_id")
    perspective = fields.Selection(
        PERSPECTIVES, help="Perspective of a leader's result plan (Format A.1.2)."
    )
    origin_rhk_id = fields.Many2one(
        "hr.kinerja.rhk",
        string="First Version",
        copy=False,
        index=True,
        help="The same result plan in the first revision of the SKP.",
    )
    indicator_ids = fields.One2many("hr.kinerja.iki", "rhk_id", string="Indicators", copy=True)
    child_ids = fields.One2many("hr.kinerja.rhk", "parent_rhk_id", string="Supported By")
    # Progress and take-over during the year (003 Pasal 19)
    progress = fields.Selection(
        [("progress", "Progress"), ("no_progress", "No Progress")],
        copy=False,
        help="The evaluator's reading of the feedback on this result plan (003 Pasal 19(1)).",
    )
    progress_note = fields.Text(copy=False)
    taken_over = fields.Boolean(
        "Taken Over by the Leader",
        copy=False,
        help="The leader took this result plan over: the employee could not complete it "
        "(003 Pasal 19(6)-(8)); it counts at evaluation.",
    )
    taken_over_by_id = fields.Many2one("hr.employee", copy=False, readonly=True)
    taken_over_date = fields.Date(copy=False, readonly=True)
    taken_over_note = fields.Text("Take-over Note", copy=False, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rhk in records.filtered(lambda r: not r.origin_rhk_id):
            workflow(rhk).origin_rhk_id = rhk
        return records

    def write(self, vals):
        # The monitoring fields pass the SKP content guard: only the evaluator writes them.
        if self._MONITORING_FIELDS.intersection(vals):
            self._check_evaluator_acts()
        return super().write(vals)

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for rhk, vals in zip(self, vals_list, strict=True):
            vals["origin_rhk_id"] = rhk.origin_rhk_id.id or rhk.id
        return vals_list

    @api.constrains("parent_rhk_id", "parent_indicator_id", "skp_id")
    def _check_cascade(self):
        """The supported RHK must be the evaluator's, of the same year; the indicator
        supported, one of that RHK's."""
        for rhk in self:
            if rhk.parent_indicator_id and not rhk.parent_rhk_id:
                raise ValidationError(
                    _(
                        "The result plan %(rhk)s supports an indicator of a leader's result "
                        "plan: choose that result plan first.",
                        rhk=rhk.name,
                    )
                )
        for rhk in self.filtered("parent_rhk_id"):
            parent = rhk.parent_rhk_id
            if parent.employee_id != rhk.skp_id.evaluator_id or parent.year_id != rhk.year_id:
                raise ValidationError(
                    _(
                        "The result plan %(rhk)s can only support a result plan of the "
                        "evaluator (%(evaluator)s) for %(year)s; %(parent)s belongs to "
                        "%(owner)s.",
                        rhk=rhk.name,
                        evaluator=rhk.skp_id.evaluator_id.name or _("none"),
                        year=rhk.year_id.year,
                        parent=parent.name,
                        owner=f"{parent.employee_id.name} ({parent.year_id.year})",
                    )
                )
            if rhk.parent_indicator_id and rhk.parent_indicator_id.rhk_id != parent:
                raise ValidationError(
                    _("The indicator supported must belong to the leader's result plan supported.")
                )

    def _check_evaluator_acts(self):
        for rhk in self:
            skp = rhk.skp_id
            if skp.state != "set":
                raise UserError(_("Progress and take-over are recorded on a set SKP."))
            if not (self.env.su or skp._is_officer() or skp._user_is(skp.evaluator_id)):
                raise AccessError(
                    _("Only the evaluator records progress or takes a result plan over.")
                )

    def _monitor(self, vals):
        self._check_evaluator_acts()
        return workflow(self).write(vals)

    def action_mark_progress(self, note=None):
        vals = {"progress": "progress"}
        if note:
            vals["progress_note"] = note
        return self._monitor(vals)

    def action_mark_no_progress(self, note=None):
        vals = {"progress": "no_progress"}
        if note:
            vals["progress_note"] = note
        return self._monitor(vals)

    def action_take_over(self, note=None):
        """003 Pasal 19(6)-(7): the leader takes the result plan over, with the note
        that the employee could not complete it."""
        note = note or _("The employee could not complete this result plan.")
        for rhk in self:
            if rhk.progress != "no_progress":
                raise UserError(
                    _(
                        "A result plan is taken over only after no progress was recorded and "
                        "followed up (003 Pasal 19(3)-(6))."
                    )
                )
        return self._monitor(
            {
                "taken_over": True,
                "taken_over_by_id": self.env.user.employee_id.id,
                "taken_over_date": fields.Date.context_today(self),
                "taken_over_note": note,
            }
        )

    def action_take_over_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.kinerja.rhk.takeover.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_rhk_id": self.id},
        }

    def _compute_display_name(self):
        for rhk in self:
            name = (rhk.name or "").splitlines()[0] if rhk.name else ""
            rhk.display_name = name[:80] + ("..." if len(name) > 80 else "")
