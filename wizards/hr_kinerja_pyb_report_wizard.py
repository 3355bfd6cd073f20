from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..models.hr_kinerja_pyb_report import SCOPES
from ..models.policy import ALL, allow


class HrKinerjaPybReportWizard(models.TransientModel):
    """Report to the PyB: choose the period and a unit (with the units below) or
    the whole agency; prepares the report with its PDF (hr.kinerja.pyb.report).
    For HR officers (any unit, the agency) and unit leaders (their unit)."""

    _name = "hr.kinerja.pyb.report.wizard"
    _description = "Report to the PyB"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): who may open it fills
    # it in; preparing checks the period and the unit again (_check_may_report).
    _kinerja_policy = (allow("user", "create write", ALL),)

    period_id = fields.Many2one(
        "hr.kinerja.period",
        required=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
    )
    scope = fields.Selection(SCOPES, required=True, default="unit")
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        domain="[('company_id', 'in', allowed_company_ids)]",
        help="The unit and every unit below it.",
    )
    is_officer = fields.Boolean(compute="_compute_is_officer")

    @api.depends_context("uid")
    def _compute_is_officer(self):
        officer = self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer")
        for wizard in self:
            wizard.is_officer = officer

    def _check_reporter(self):
        if not self.env["hr.kinerja.pyb.report"]._is_reporter():
            raise AccessError(
                _("Only HR officers and unit leaders report evaluation documents to the PyB.")
            )

    @api.model
    def default_get(self, fields_list):
        self._check_reporter()
        values = super().default_get(fields_list)
        if "department_id" in fields_list and not values.get("department_id"):
            led = self.env["hr.kinerja.pyb.report"]._led_units()
            if led and not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
                values["department_id"] = led.sorted(lambda u: u.parent_path or "")[:1].id
        return values

    @api.model_create_multi
    def create(self, vals_list):
        self._check_reporter()
        return super().create(vals_list)

    def action_prepare(self):
        self.ensure_one()
        self._check_reporter()
        report = self.env["hr.kinerja.pyb.report"]._prepare(
            self.period_id,
            self.scope,
            self.department_id if self.scope == "unit" else self.env["hr.department"],
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.kinerja.pyb.report",
            "res_id": report.id,
            "view_mode": "form",
            "target": "current",
        }
