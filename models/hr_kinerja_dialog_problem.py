from odoo import fields, models

from .hr_kinerja_dialog_line import LINE_FIELDS, LINE_WRITERS
from .policy import allow


class HrKinerjaDialogProblem(models.Model):
    """A performance problem identified in a dialogue (000 Lampiran 1 B)."""

    _name = "hr.kinerja.dialog.problem"
    _description = "Dialogue Problem"
    _inherit = ["hr.kinerja.dialog.line"]
    _order = "dialog_id, sequence, id"

    # The leader who holds the dialogue (or an HR officer) writes the minutes' problems.
    _kinerja_policy = (
        allow(LINE_WRITERS, "create write", (*LINE_FIELDS, "name", "cause", "impact")),
        allow(LINE_WRITERS, "unlink"),
    )

    name = fields.Text("Problem", required=True)
    cause = fields.Text()
    impact = fields.Text()
