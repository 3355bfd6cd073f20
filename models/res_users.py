from odoo import Command, api, fields, models

# The unit and the manager decide who evaluates an employee (003 section Evaluasi 2):
# they are organisation data kept by HR, not part of the profile an employee edits.
ORGANISATION_FIELDS = ("department_id", "employee_parent_id")

# Technical groups whose members follow from the data (menus by role): nobody is made
# a member by hand, _kinerja_sync_role_groups() sets them.
ROLE_GROUPS = {
    "evaluator": "hr_kinerja_asn.group_kinerja_role_evaluator",
    "leader": "hr_kinerja_asn.group_kinerja_role_leader",
    "functional": "hr_kinerja_asn.group_kinerja_role_functional",
    "counsellor": "hr_kinerja_asn.group_kinerja_role_counsellor",
}


class ResUsers(models.Model):
    _inherit = "res.users"

    kinerja_led_unit_ids = fields.Many2many(
        "hr.department",
        compute="_compute_kinerja_led_unit_ids",
        string="Units I Lead",
        help="The units the user leads today (as their manager or by a delegation in "
        "force): the scope of the progress dashboard, with the units below.",
    )

    def _compute_kinerja_led_unit_ids(self):
        today = fields.Date.context_today(self)
        Unit = self.env["hr.department"].sudo()
        employees = self.sudo().employee_ids
        candidates = Unit.search([("manager_id", "in", employees.ids)])
        delegations = (
            self.env["hr.kinerja.delegation"]
            .sudo()
            .search(
                [
                    ("scope", "=", "unit"),
                    ("delegate_id", "in", employees.ids),
                    ("date_from", "<=", today),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", today),
                ]
            )
        )
        candidates |= delegations.department_id
        leaders = candidates._kinerja_leaders(today)
        for user in self:
            mine = set(user.sudo().employee_ids.ids)
            user.kinerja_led_unit_ids = candidates.filtered(
                lambda u, m=mine: leaders.get(u.id) in m
            )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # With "Employee Editing" on, Odoo lets employees change these on their own
        # profile; here that would let them choose their evaluator.
        return [name for name in super().SELF_WRITEABLE_FIELDS if name not in ORGANISATION_FIELDS]

    # -- roles for the menus ------------------------------------------------------------
    @api.model
    def _kinerja_role_user_ids(self):
        """{role: set of user ids} from the data of today: evaluators (of someone today,
        by the unit, a delegation in force, or of an SKP in progress), unit leaders,
        functional positions and counsellors of an open case."""
        today = fields.Date.context_today(self)
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.search([])
        evaluator_ids = {e for e in employees._kinerja_evaluator_ids(today).values() if e}
        skps = (
            self.env["hr.kinerja.skp"]
            .sudo()
            .search([("state", "in", ("draft", "agreed", "set")), ("year_id.state", "=", "open")])
        )
        evaluator_ids |= set(skps.evaluator_id.ids)
        units = self.env["hr.department"].sudo().search([])
        leader_ids = {e for e in units._kinerja_leaders(today).values() if e}
        counselling = (
            self.env["hr.kinerja.counselling"].sudo().search([("counsellor_id", "!=", False)])
        )
        return {
            "evaluator": set(Employee.browse(evaluator_ids).user_id.ids),
            "leader": set(Employee.browse(leader_ids).user_id.ids),
            "functional": set(
                employees.filtered(lambda e: e.jabatan_type == "fungsional").user_id.ids
            ),
            "counsellor": set(counselling.counsellor_id.ids),
        }

    @api.model
    def _kinerja_sync_role_groups(self):
        """Make the members of each role group exactly the users who have the role:
        one write per group, none when nothing changed. Run by a daily job (and by
        hand from the job's Run Manually): recomputing every role of an agency on
        each change would cost a whole-agency computation per SKP saved and make
        concurrent saves collide on the groups' members."""
        wanted = self._kinerja_role_user_ids()
        for role, xmlid in ROLE_GROUPS.items():
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if not group:
                continue
            group = group.sudo()
            users = self.sudo().browse(wanted[role]).filtered(lambda u: not u.share)
            if set(group.with_context(active_test=False).users.ids) != set(users.ids):
                group.write({"users": [Command.set(users.ids)]})
        return True
