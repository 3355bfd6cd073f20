from odoo import api, fields, models


class HrKinerjaRencanaAksi(models.Model):
    """Rencana aksi (Format B.1.1): the steps an employee plans, per result plan and
    period, to deliver a set SKP (003 Pasal 15)."""

    _name = "hr.kinerja.rencana.aksi"
    _description = "Action Plan (Rencana Aksi)"
    _inherit = ["hr.kinerja.period.guard", "hr.kinerja.monitoring.mixin"]
    _order = "period_id, rhk_id, sequence, id"

    rhk_id = fields.Many2one(
        "hr.kinerja.rhk", string="Result Plan", required=True, index=True, ondelete="cascade"
    )
    skp_id = fields.Many2one(related="rhk_id.skp_id", store=True, index=True)
    employee_id = fields.Many2one(related="rhk_id.skp_id.employee_id", store=True)
    company_id = fields.Many2one(related="rhk_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Text("Action", required=True)
    date_due = fields.Date("Due")
    done = fields.Boolean()

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._check_owner(plans.skp_id, evaluator_too=True)
        return plans

    def write(self, vals):
        self._check_owner(self.skp_id, evaluator_too=True)
        return super().write(vals)

    def unlink(self):
        self._check_owner(self.skp_id, evaluator_too=True)
        return super().unlink()

    @api.constrains("rhk_id", "period_id")
    def _check_rhk_and_period(self):
        for plan in self:
            plan._check_monitored_skp(plan.skp_id, plan.period_id)

    def _compute_display_name(self):
        for plan in self:
            plan.display_name = (plan.name or "").splitlines()[0][:80] if plan.name else ""
