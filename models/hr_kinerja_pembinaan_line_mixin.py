from odoo import _, api, models
from odoo.exceptions import UserError

from .workflow import is_workflow


class HrKinerjaPembinaanLineMixin(models.AbstractModel):
    """A line of a performance guidance form (the tables of Formats B.1.6-B.1.9):
    it changes only while its form is a draft and its period is open (001 item 7).
    Who may write which column is each line model's write policy
    (``hr.kinerja.policy``, models/policy.py); who reads it, the record rules, which
    follow the form's."""

    _name = "hr.kinerja.pembinaan.line.mixin"
    _description = "Performance Guidance Form Line"

    _parent_field = None

    def _guard_parents(self):
        return self.mapped(self._parent_field)

    def _check_parent_editable(self, parents):
        if is_workflow(self):
            return
        parents._check_period_writable()
        signed = parents.filtered(lambda p: p.state == "done")
        if signed:
            raise UserError(
                _(
                    "%(record)s is signed: its lines cannot be changed. Its author can send "
                    "it back to draft first.",
                    record=signed[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._check_parent_editable(records._guard_parents())
        return records

    def write(self, vals):
        self._check_parent_editable(self._guard_parents())
        result = super().write(vals)
        if self._parent_field in vals:
            self._check_parent_editable(self._guard_parents())
        return result

    def unlink(self):
        self._check_parent_editable(self._guard_parents())
        return super().unlink()
