from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .hr_kinerja_dialog_line import LINE_FIELDS, LINE_WRITERS
from .policy import allow


class HrKinerjaDialogPlan(models.Model):
    """A line of the improvement plan agreed in a dialogue (000 Lampiran 1 D)."""

    _name = "hr.kinerja.dialog.plan"
    _description = "Dialogue Improvement Plan"
    _inherit = ["hr.kinerja.dialog.line"]
    _order = "dialog_id, sequence, id"

    # The leader who holds the dialogue (or an HR officer) writes the improvement plan.
    _kinerja_policy = (
        allow(LINE_WRITERS, "create write", (*LINE_FIELDS, "name", "date_due", "owner_id")),
        allow(LINE_WRITERS, "unlink"),
    )

    name = fields.Text("Action", required=True)
    date_due = fields.Date("Due")
    owner_id = fields.Many2one("hr.employee", string="Responsible")

    @api.constrains("date_due", "dialog_id")
    def _check_date_due(self):
        """An improvement is agreed for the coming months: due from the dialogue on,
        within a year of it (the next dialogues follow it up, 000 VI.1)."""
        for plan in self.filtered("date_due"):
            held = plan.dialog_id.date
            end = held + relativedelta(years=1)
            if not held <= plan.date_due <= end:
                raise ValidationError(
                    _(
                        "An improvement agreed in the dialogue of %(date)s is due between that "
                        "day and %(end)s, not on %(due)s.",
                        date=held,
                        end=end,
                        due=plan.date_due,
                    )
                )
