from odoo import _, api, fields, models
from odoo.exceptions import UserError

WRITABLE_STATES = ("open", "reopened")


class HrKinerjaPeriodGuard(models.AbstractModel):
    """Nothing in a locked or closed period can be written (001 item 7).

    Every record that belongs to a performance period inherits this mixin: creating,
    changing or deleting it is refused while its period is not open, until an HR
    officer reopens the period with a recorded reason.
    """

    _name = "hr.kinerja.period.guard"
    _description = "Performance Period Lock Guard"

    period_id = fields.Many2one("hr.kinerja.period", required=True, index=True, ondelete="restrict")

    def _check_period_writable(self, periods=None):
        periods = periods if periods is not None else self.period_id
        closed = periods.filtered(lambda p: p.state not in WRITABLE_STATES)
        if closed:
            raise UserError(
                _(
                    "The period %(periods)s is %(state)s: nothing in it can be changed. "
                    "An HR officer can reopen it with a reason.",
                    periods=", ".join(closed.mapped("display_name")),
                    state=dict(closed._fields["state"]._description_selection(self.env))[
                        closed[0].state
                    ].lower(),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        period_ids = {vals["period_id"] for vals in vals_list if vals.get("period_id")}
        self._check_period_writable(self.env["hr.kinerja.period"].browse(period_ids))
        return super().create(vals_list)

    def write(self, vals):
        self._check_period_writable()
        if vals.get("period_id"):
            self._check_period_writable(self.env["hr.kinerja.period"].browse(vals["period_id"]))
        return super().write(vals)

    def unlink(self):
        self._check_period_writable()
        return super().unlink()
