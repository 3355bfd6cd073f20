from odoo import api, fields, models

# What every line of the minutes has; each line model adds its own fields.
LINE_FIELDS = ("dialog_id", "sequence")
# Who writes the lines: the leader who holds the dialogue, or an HR officer.
LINE_WRITERS = ("evaluator", "officer")


class HrKinerjaDialogLine(models.AbstractModel):
    """A line of a dialogue's minutes: it changes only while its dialogue's period
    is open, like the dialogue itself, and only by who writes the minutes."""

    _name = "hr.kinerja.dialog.line"
    _description = "Dialogue Line"
    _inherit = ["hr.kinerja.policy"]
    _order = "dialog_id, sequence, id"

    # Roles of the policy that each line model declares (models/policy.py): the
    # leader who holds the dialogue, as for the minutes themselves.
    _kinerja_role_fields = {"evaluator": "dialog_id.evaluator_id"}

    dialog_id = fields.Many2one("hr.kinerja.dialog", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="dialog_id.company_id", store=True)
    sequence = fields.Integer(default=10)

    def _check_dialog(self):
        self._check_dialogs(self.dialog_id)

    @api.model
    def _check_dialogs(self, dialogs):
        for dialog in dialogs:
            dialog._check_period_writable()
            dialog._check_leader()

    @api.model_create_multi
    def create(self, vals_list):
        # The leader's check first, for its message (the policy refuses the rest).
        self._check_dialogs(
            self.env["hr.kinerja.dialog"].browse(
                vals["dialog_id"] for vals in vals_list if vals.get("dialog_id")
            )
        )
        lines = super().create(vals_list)
        lines._check_dialog()
        return lines

    def write(self, vals):
        self._check_dialog()
        result = super().write(vals)
        self._check_dialog()
        return result

    def unlink(self):
        self._check_dialog()
        return super().unlink()
