from odoo import models

# The unit and the manager decide who evaluates an employee (003 section Evaluasi 2):
# they are organisation data kept by HR, not part of the profile an employee edits.
ORGANISATION_FIELDS = ("department_id", "employee_parent_id")


class ResUsers(models.Model):
    _inherit = "res.users"

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # With "Employee Editing" on, Odoo lets employees change these on their own
        # profile; here that would let them choose their evaluator.
        return [name for name in super().SELF_WRITEABLE_FIELDS if name not in ORGANISATION_FIELDS]
