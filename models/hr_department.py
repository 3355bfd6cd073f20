from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from . import bulk

UNIT_LEVELS = [
    ("ppt_pratama", "Led by a JPT Pratama"),
    ("administrator", "Led by an Administrator"),
    ("pengawas", "Led by a Pengawas"),
    ("jf_mandiri", "Independent Unit Led by a JF"),
    ("kelompok", "Non-structural Work Group"),
]


class HrDepartment(models.Model):
    """Satuan organisasi: level, leader (``manager_id``) and the unit above whose
    leader sets this unit's achievement (002 D.4.f; 002 Lampiran)."""

    _inherit = "hr.department"

    kinerja_level = fields.Selection(UNIT_LEVELS, string="Unit Level")
    kinerja_parent_id = fields.Many2one(
        "hr.department",
        string="Achievement Set By Unit",
        compute="_compute_kinerja_parent_id",
        store=True,
        readonly=False,
        check_company=True,
        help="The unit whose leader sets this unit's organisation achievement; "
        "by default the parent unit.",
    )

    kinerja_delegation_ids = fields.One2many(
        "hr.kinerja.delegation", "department_id", string="Delegations"
    )

    @api.depends("parent_id")
    def _compute_kinerja_parent_id(self):
        for unit in self:
            unit.kinerja_parent_id = unit.parent_id

    @api.constrains("kinerja_parent_id")
    def _check_kinerja_parent(self):
        for unit in self.filtered("kinerja_parent_id"):
            # the unit itself, or one below it, has a parent_path starting with its own
            if (unit.kinerja_parent_id.parent_path or "").startswith(unit.parent_path or "-"):
                raise ValidationError(
                    _(
                        "%(unit)s: its achievement must be set by a unit above it, not by "
                        "itself or a unit below.",
                        unit=unit.name,
                    )
                )

    def unlink(self):
        bulk.forget(self.env, "department_id", self.ids)  # the dashboard's rows
        return super().unlink()

    def _kinerja_leaders(self, date):
        """{unit id: leader employee id or False} on ``date``: a unit delegation in
        force (Plt./Plh., a JF leading the unit) before the unit's manager."""
        units = self.sudo()
        delegations = self.env["hr.kinerja.delegation"].sudo()._active_on(date, departments=units)
        delegate = {d.department_id.id: d.delegate_id.id for d in delegations}
        return {unit.id: delegate.get(unit.id) or unit.manager_id.id or False for unit in units}

    def action_kinerja_portal_access(self):
        """Portal access for everyone of these units and the units below them."""
        employees = self.env["hr.employee"].search([("department_id", "child_of", self.ids)])
        return employees.action_kinerja_portal_access()
