from odoo import api, fields, models


class HrKinerjaDialogLine(models.AbstractModel):
    """A line of a dialogue's minutes: it changes only while its dialogue's period
    is open, like the dialogue itself."""

    _name = "hr.kinerja.dialog.line"
    _description = "Dialogue Line"
    _order = "dialog_id, sequence, id"

    dialog_id = fields.Many2one("hr.kinerja.dialog", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="dialog_id.company_id", store=True)
    sequence = fields.Integer(default=10)

    def _check_dialog(self):
        for dialog in self.dialog_id:
            dialog._check_period_writable()
            dialog._check_leader()

    @api.model_create_multi
    def create(self, vals_list):
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
