from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.policy import ALL, allow
from ..models.workflow import workflow


class HrKinerjaPeriodReopenWizard(models.TransientModel):
    """Reopen locked periods for a while, with a reason that stays on record."""

    _name = "hr.kinerja.period.reopen.wizard"
    _description = "Reopen Performance Periods"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): an HR officer reopens
    # locked periods with a reason (001 item 7); applying it checks each period.
    _kinerja_policy = (allow("officer", "create write", ALL),)

    period_ids = fields.Many2many("hr.kinerja.period", string="Periods", required=True)
    reason = fields.Text(required=True)
    reopen_until = fields.Date(
        "Until",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
        help="The period locks again after this date.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if isinstance(vals.get("reason"), str) and not vals["reason"].strip():
                raise UserError(self._reason_missing())
        return super().create(vals_list)

    def _reason_missing(self):
        return _("Say why the period is reopened: the reason is kept on record.")

    def action_reopen(self):
        self.ensure_one()
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            raise UserError(_("Only an HR officer can reopen a period."))
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self._reason_missing())
        if self.reopen_until < fields.Date.context_today(self):
            raise UserError(_("The reopening must last until today or a later date."))
        not_locked = self.period_ids.filtered(lambda p: p.state != "locked")
        if not_locked:
            raise UserError(
                _(
                    "Only locked periods can be reopened; %(periods)s is not locked "
                    "(a closed period is final).",
                    periods=", ".join(not_locked.mapped("display_name")),
                )
            )
        # The reopening is recorded by this step (who, why, until when), never typed in.
        workflow(self.env["hr.kinerja.period.reopen"]).create(
            [
                {"period_id": period.id, "reason": reason, "reopen_until": self.reopen_until}
                for period in self.period_ids
            ]
        )
        self.period_ids._transition({"state": "reopened", "reopen_until": self.reopen_until})
        for period in self.period_ids:
            period.message_post(
                body=_(
                    "Reopened until %(date)s by %(user)s. Reason: %(reason)s",
                    date=self.reopen_until,
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        return {"type": "ir.actions.act_window_close"}
