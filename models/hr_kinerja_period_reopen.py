from odoo import fields, models


class HrKinerjaPeriodReopen(models.Model):
    """The record of one reopening of a locked period: who, when, why, until when.
    It is written once by the reopen wizard and never changed."""

    _name = "hr.kinerja.period.reopen"
    _description = "Performance Period Reopening"
    _inherit = ["hr.kinerja.policy"]
    _order = "create_date desc, id desc"

    # Who changes what (deny by default, models/policy.py): nobody. The reopen wizard
    # (an HR officer, with a reason, 001 item 7) records it as a workflow step; it is
    # the audit trail of the period and never edited or deleted.
    _kinerja_policy = ()
    _kinerja_server_fields = ("period_id", "user_id", "reason", "reopen_until")

    period_id = fields.Many2one(
        "hr.kinerja.period", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Reopened By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    reason = fields.Text(required=True, readonly=True)
    reopen_until = fields.Date("Until", required=True, readonly=True)
