from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .policy import allow

PLAN_FIELDS = ("rhk_id", "period_id", "sequence", "name", "date_due", "done")


class HrKinerjaRencanaAksi(models.Model):
    """Rencana aksi (Format B.1.1): the steps an employee plans, per result plan and
    period, to deliver a set SKP (003 Pasal 15)."""

    _name = "hr.kinerja.rencana.aksi"
    _description = "Action Plan (Rencana Aksi)"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.period.guard", "hr.kinerja.monitoring.mixin"]
    _order = "period_id, rhk_id, sequence, id"

    # Who changes what (deny by default, models/policy.py). The employee plans the
    # steps of their own result plans; the evaluator may add to them and tick them off;
    # an HR officer may record them (003 Pasal 15, Format B.1.1). Nobody else - the
    # evaluator's superior included - changes them. The lock of the period is the
    # period guard's.
    _kinerja_policy = (
        allow(("employee", "evaluator", "officer"), "create write", PLAN_FIELDS),
        allow(("employee", "evaluator", "officer"), "unlink"),
    )
    _kinerja_role_fields = {
        "employee": "rhk_id.skp_id.employee_id",
        "evaluator": "rhk_id.skp_id.evaluator_id",
    }

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
        # The owner's check first, for its message (the policy refuses the rest).
        rhks = self.env["hr.kinerja.rhk"].browse(v["rhk_id"] for v in vals_list if v.get("rhk_id"))
        self._check_owner(rhks.skp_id, evaluator_too=True)
        plans = super().create(vals_list)
        plans._check_owner(plans.skp_id, evaluator_too=True)
        return plans

    def write(self, vals):
        self._check_owner(self.skp_id, evaluator_too=True)
        if vals.get("rhk_id"):  # moved onto another result plan: it must be theirs too
            rhk = self.env["hr.kinerja.rhk"].browse(vals["rhk_id"])
            self._check_owner(rhk.skp_id, evaluator_too=True)
        return super().write(vals)

    def unlink(self):
        self._check_owner(self.skp_id, evaluator_too=True)
        return super().unlink()

    def onchange(self, values, field_names, fields_spec):
        """The SKP and the employee are related to the result plan chosen: refuse a
        result plan the user may not read before the form computes them."""
        if not self._onchange_readable(values, "rhk_id"):
            raise AccessError(_("You cannot plan the steps of a result plan you cannot read."))
        return super().onchange(values, field_names, fields_spec)

    @api.constrains("rhk_id", "period_id")
    def _check_rhk_and_period(self):
        for plan in self:
            plan._check_monitored_skp(plan.skp_id, plan.period_id)

    @api.constrains("date_due", "period_id")
    def _check_date_due(self):
        """A step of a period is due within the performance year, not before the
        period starts (003 Pasal 15: the plan of the year, per period)."""
        for plan in self.filtered("date_due"):
            period = plan.period_id
            end = date(period.year_id.year, 12, 31)
            if not period.date_start <= plan.date_due <= end:
                raise ValidationError(
                    _(
                        "The action plan of %(period)s is due between %(start)s and the end "
                        "of the performance year (%(end)s), not on %(date)s.",
                        period=period.display_name,
                        start=period.date_start,
                        end=end,
                        date=plan.date_due,
                    )
                )

    def _compute_display_name(self):
        for plan in self:
            plan.display_name = (plan.name or "").splitlines()[0][:80] if plan.name else ""
