from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.hr_kinerja_skp import ACTIVE_STATES
from ..models.policy import ALL, allow


class HrKinerjaSkpBulkWizard(models.TransientModel):
    """Draft SKPs for every eligible employee of a unit (and its sub-units) for a
    year, optionally copying last year's result plans and indicators."""

    _name = "hr.kinerja.skp.bulk.wizard"
    _description = "Create SKPs for a Unit"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): an HR officer makes the
    # drafts of a unit; the employees are found by the server, never sent.
    _kinerja_policy = (allow("officer", "create write", ALL),)

    year_id = fields.Many2one(
        "hr.kinerja.year",
        required=True,
        domain="[('state', '=', 'open')]",
        default=lambda self: self.env["hr.kinerja.year"].search(
            [("state", "=", "open"), ("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    department_id = fields.Many2one("hr.department", string="Unit", required=True)
    include_children = fields.Boolean("Include Sub-units", default=True)
    approach = fields.Selection(
        [("qualitative", "Qualitative"), ("quantitative", "Quantitative")],
        required=True,
        default="quantitative",
    )
    copy_previous = fields.Boolean(
        "Copy Last Year's Result Plans",
        help="Copy the result plans and indicators of each employee's last SKP of the "
        "previous year (the links to the leader's plans are not copied).",
    )
    employee_ids = fields.Many2many(
        "hr.employee", compute="_compute_employee_ids", string="Employees Without an SKP"
    )

    @api.depends("year_id", "department_id", "include_children")
    def _compute_employee_ids(self):
        for wizard in self:
            wizard.employee_ids = (
                wizard._eligible_employees() if wizard.year_id and wizard.department_id else False
            )

    def _eligible_employees(self):
        self.ensure_one()
        operator = "child_of" if self.include_children else "="
        employees = self.env["hr.employee"].search(
            [
                ("department_id", operator, self.department_id.id),
                ("company_id", "=", self.year_id.company_id.id),
                ("asn_type", "!=", False),
                ("kinerja_planning_suspended", "=", False),
            ]
        )
        planned = (
            self.env["hr.kinerja.skp"]
            .search(
                [
                    ("year_id", "=", self.year_id.id),
                    ("employee_id", "in", employees.ids),
                    ("state", "in", ACTIVE_STATES),
                ]
            )
            .employee_id
        )
        return employees - planned

    def action_create(self):
        self.ensure_one()
        employees = self._eligible_employees()
        if not employees:
            raise UserError(
                _(
                    "Every eligible employee of this unit already has an SKP for %(year)s.",
                    year=self.year_id.year,
                )
            )
        skps = self.env["hr.kinerja.skp"].create(
            [
                {"employee_id": employee.id, "year_id": self.year_id.id, "approach": self.approach}
                for employee in employees
            ]
        )
        if self.copy_previous:
            self._copy_previous(skps)
        return {
            "type": "ir.actions.act_window",
            "name": _("New SKPs"),
            "res_model": "hr.kinerja.skp",
            "view_mode": "list,form",
            "domain": [("id", "in", skps.ids)],
        }

    def _copy_previous(self, skps):
        previous = self.env["hr.kinerja.skp"].search(
            [
                ("employee_id", "in", skps.employee_id.ids),
                ("year_id.year", "=", self.year_id.year - 1),
                ("state", "in", ("set", "closed", "revised")),
            ],
            order="date_end desc, revision desc",
        )
        last = {}
        for skp in previous:
            last.setdefault(skp.employee_id.id, skp)
        rhk_values, sources = [], []
        for skp in skps:
            source = last.get(skp.employee_id.id)
            for rhk in source.rhk_ids if source else []:
                rhk_values.append(
                    {
                        "skp_id": skp.id,
                        "kind": rhk.kind,
                        "name": rhk.name,
                        "sequence": rhk.sequence,
                        "assigned_by": rhk.assigned_by,
                        "perspective": rhk.perspective,
                    }
                )
                sources.append(rhk)
        new_rhks = self.env["hr.kinerja.rhk"].create(rhk_values)
        iki_values = []
        for new, old in zip(new_rhks, sources, strict=True):
            approach = new.skp_id.approach
            for iki in old.indicator_ids:
                if approach == "quantitative" and iki.target_value <= 0:
                    continue
                if approach == "qualitative" and not iki.target_text:
                    continue
                iki_values.append(
                    {
                        "rhk_id": new.id,
                        "aspect": iki.aspect,
                        "name": iki.name,
                        "target_value": iki.target_value,
                        "target_unit": iki.target_unit,
                        "target_text": iki.target_text,
                        "less_is_better": iki.less_is_better,
                        "sequence": iki.sequence,
                    }
                )
        self.env["hr.kinerja.iki"].create(iki_values)
