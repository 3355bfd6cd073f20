from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .workflow import is_workflow

# Who edits an SKP's contents while it is a draft (003 section Penetapan SKP 1, 4;
# Pasal 10(4)): the employee and the evaluator in the performance dialogue, the
# evaluator's superior once the SKP deadline has passed (the role "superior" is held
# only then, see hr.kinerja.skp._kinerja_extra_roles), an HR officer.
SKP_EDITORS = ("employee", "evaluator", "superior", "officer")


def _record_id(value):
    """The id in a many2one value as a client sends it (an id, or a dict with one)."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, int) and value > 0 else []


# Written on a set SKP's result plans by the evaluator's monitoring steps (003 Pasal 19).
MONITORING_FIELDS = frozenset(
    {
        "progress",
        "progress_note",
        "taken_over",
        "taken_over_by_id",
        "taken_over_date",
        "taken_over_note",
    }
)


class HrKinerjaSkpLineGuard(models.AbstractModel):
    """The contents of an SKP (result plans, indicators, behaviour expectations,
    attachment lines) change only while it is a draft: once agreed and set, only an
    adjustment (a new revision) changes it (003 Pasal 14(2)).

    The guard is the write policy of the SKP's lines plus this rule: it inherits
    ``hr.kinerja.policy`` so that its own checks (with their messages about
    adjustments) run before the policy's. Roles come from the SKP: its employee, its
    evaluator, its evaluator's superior after the deadline, HR officers. Each line
    model declares ``skp_state`` (the SKP's state), the state its policy reads."""

    _name = "hr.kinerja.skp.line.guard"
    _description = "SKP Content Guard"
    _inherit = ["hr.kinerja.policy"]

    _kinerja_role_fields = {
        "employee": "skp_id.employee_id",
        "evaluator": "skp_id.evaluator_id",
    }
    _kinerja_state_field = "skp_state"

    def _kinerja_extra_roles(self, roles):
        today = fields.Date.context_today(self)
        for line in self.sudo():
            if line.skp_id._kinerja_superior_may_edit(today):
                roles[line.id].add("superior")

    def _guard_skps(self):
        return self.mapped("skp_id")

    @api.model
    def _guard_skps_of_values(self, vals_list):
        """The SKPs new lines will belong to, before they are created."""
        return self.env["hr.kinerja.skp"].browse(
            {vals["skp_id"] for vals in vals_list if vals.get("skp_id")}
        )

    @api.model
    def _guard_parent_of_values(self, values):
        """The record a new line hangs from, as the client names it (an SKP here, a
        result plan for an indicator)."""
        return self.env["hr.kinerja.skp"].browse(_record_id(values.get("skp_id")))

    def onchange(self, values, field_names, fields_spec):
        # A new line's related fields (the SKP's employee, evaluator, state) are read
        # from the SKP or result plan the client names, as superuser: only from one
        # the user may read - no side door around the record rules.
        self._guard_parent_of_values(values).check_access("read")
        return super().onchange(values, field_names, fields_spec)

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
        self._check_skp_draft(self._guard_skps_of_values(vals_list))
        records = super().create(vals_list)
        self._check_skp_draft(records._guard_skps())
        return records

    # Written on a set SKP by the evaluator's monitoring actions (003 Pasal 19).
    _MONITORING_FIELDS = MONITORING_FIELDS

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
