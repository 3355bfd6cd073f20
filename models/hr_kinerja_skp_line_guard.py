from odoo import _, api, models
from odoo.exceptions import UserError

from .workflow import is_workflow


class HrKinerjaSkpLineGuard(models.AbstractModel):
    """The contents of an SKP (result plans, indicators, behaviour expectations,
    attachment lines) change only while it is a draft: once agreed and set, only an
    adjustment (a new revision) changes it (003 Pasal 14(2))."""

    _name = "hr.kinerja.skp.line.guard"
    _description = "SKP Content Guard"

    def _guard_skps(self):
        return self.mapped("skp_id")

    def _check_skp_draft(self, skps):
        skps._check_can_edit()
        frozen = skps.filtered(lambda skp: skp.state != "draft")
        if frozen:
            raise UserError(
                _(
                    "%(skp)s is %(state)s: its contents change only through an adjustment "
                    "(a new revision with a reason).",
                    skp=frozen[0].display_name,
                    state=dict(frozen._fields["state"]._description_selection(self.env))[
                        frozen[0].state
                    ].lower(),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._check_skp_draft(records._guard_skps())
        return records

    # Written on a set SKP by the evaluator's monitoring actions (003 Pasal 19).
    _MONITORING_FIELDS = frozenset(
        {
            "progress",
            "progress_note",
            "taken_over",
            "taken_over_by_id",
            "taken_over_date",
            "taken_over_note",
        }
    )

    def write(self, vals):
        if is_workflow(self) and set(vals) <= self._MONITORING_FIELDS:
            return super().write(vals)
        self._check_skp_draft(self._guard_skps())
        result = super().write(vals)
        if "skp_id" in vals or "rhk_id" in vals:
            self._check_skp_draft(self._guard_skps())
        return result

    def unlink(self):
        self._check_skp_draft(self._guard_skps())
        return super().unlink()
