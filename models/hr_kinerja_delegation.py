from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from .policy import ALL, allow


class HrKinerjaDelegation(models.Model):
    """A dated delegation of the evaluator's authority (003 section Evaluasi 2-7).

    Unit scope: from ``date_from`` to ``date_to`` the ``delegate`` leads the unit
    for performance purposes - a Plt./Plh. of a vacant post, or a functional
    official leading a unit (a teacher heading a school, 003 section Evaluasi 7).
    Employee scope: the ``delegate`` evaluates one employee (e.g. an assignment by
    another leader, 003 section Evaluasi 5).
    """

    _name = "hr.kinerja.delegation"
    _description = "Evaluator Delegation"
    _inherit = ["hr.kinerja.policy", "mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py): an HR officer records the
    # delegations of the agency from their decrees (003 section Evaluasi 2-7), whole.
    _kinerja_policy = (allow("officer", "create write unlink", ALL),)

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    scope = fields.Selection(
        [("unit", "Unit Leadership"), ("employee", "One Employee")],
        required=True,
        default="unit",
        tracking=True,
    )
    kind = fields.Selection(
        [
            ("plt", "Plt. (Acting Official)"),
            ("plh", "Plh. (Daily Executive)"),
            ("jf_leader", "Functional Official Leading a Unit"),
            ("other", "Other Delegation"),
        ],
        string="Type",
        required=True,
        default="plt",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", check_company=True, index=True, tracking=True
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Employee Evaluated", check_company=True, index=True, tracking=True
    )
    delegate_id = fields.Many2one(
        "hr.employee",
        string="Acting Evaluator",
        required=True,
        check_company=True,
        index=True,
        tracking=True,
    )
    date_from = fields.Date("From", required=True, tracking=True)
    date_to = fields.Date("To", tracking=True, help="Leave empty while the delegation lasts.")
    reference = fields.Char("Decree (SK) Number")
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.depends("kind", "delegate_id.name", "department_id.name", "employee_id.name", "scope")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for record in self:
            target = record.department_id if record.scope == "unit" else record.employee_id
            delegate = record.delegate_id.name or ""
            record.name = f"{kinds.get(record.kind, '')}: {delegate} - {target.name or ''}"

    @api.onchange("scope")
    def _onchange_scope(self):
        if self.scope == "unit":
            self.employee_id = False
        else:
            self.department_id = False

    @api.constrains("scope", "department_id", "employee_id", "delegate_id", "date_from", "date_to")
    def _check_delegation(self):
        for record in self:
            if record.scope == "unit" and (not record.department_id or record.employee_id):
                raise ValidationError(
                    _("A unit delegation names the unit, and no single employee.")
                )
            if record.scope == "employee" and (not record.employee_id or record.department_id):
                raise ValidationError(
                    _("A delegation for one employee names that employee, and no unit.")
                )
            if record.employee_id and record.employee_id == record.delegate_id:
                raise ValidationError(_("An employee cannot be their own evaluator."))
            if record.date_to and record.date_to < record.date_from:
                raise ValidationError(
                    _(
                        "The delegation ends (%(end)s) before it starts (%(start)s).",
                        end=record.date_to,
                        start=record.date_from,
                    )
                )
        self._check_overlap()

    def _check_overlap(self):
        """Two delegations of the same unit, or for the same employee, cannot
        cover the same day: the evaluator on that day would be ambiguous."""
        domains = []
        for record in self.filtered("active"):
            target = (
                ("department_id", "=", record.department_id.id)
                if record.scope == "unit"
                else ("employee_id", "=", record.employee_id.id)
            )
            domain = [("id", "!=", record.id), ("scope", "=", record.scope), target]
            domain += ["|", ("date_to", "=", False), ("date_to", ">=", record.date_from)]
            if record.date_to:
                domain.append(("date_from", "<=", record.date_to))
            domains.append(domain)
        if not domains:
            return
        clash = self.search(expression.OR(domains), limit=1)
        if clash:
            mine = self.filtered(
                lambda r: (
                    (r.department_id, r.employee_id) == (clash.department_id, clash.employee_id)
                )
            )[:1]
            raise ValidationError(
                _(
                    "This delegation overlaps %(other)s (from %(start)s to %(end)s) "
                    "for %(target)s: "
                    "end one before the other starts.",
                    other=clash.name,
                    start=clash.date_from,
                    end=clash.date_to or _("open-ended"),
                    target=(
                        mine.department_id
                        or mine.employee_id
                        or clash.department_id
                        or clash.employee_id
                    ).name,
                )
            )

    @api.model
    def _active_on(self, date, employees=None, departments=None):
        """Delegations in force on ``date`` for these employees or units (one query)."""
        domain = [
            ("date_from", "<=", date),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", date),
        ]
        targets = []
        if employees:
            targets.append([("scope", "=", "employee"), ("employee_id", "in", employees.ids)])
        if departments:
            targets.append([("scope", "=", "unit"), ("department_id", "in", departments.ids)])
        if not targets:
            return self.browse()
        return self.search(domain + expression.OR(targets))
