from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.policy import allow


class HrKinerjaFeedbackRequestWizard(models.TransientModel):
    """Ask chosen colleagues for feedback (003 Pasal 17): each gets a to-do with a
    due date, on the requester's employee profile."""

    _name = "hr.kinerja.feedback.request.wizard"
    _description = "Request Feedback"
    _inherit = ["hr.kinerja.policy"]

    # Who changes what (deny by default, models/policy.py): an employee asks for
    # feedback about themselves (003 Pasal 17(2)) - whom, on what, by when; who asks
    # is the user's own employee, set by the server.
    _kinerja_policy = (allow("user", "create write", ["colleague_ids", "topic", "date_deadline"]),)
    _kinerja_server_fields = ("employee_id",)

    employee_id = fields.Many2one(
        "hr.employee",
        string="About",
        required=True,
        readonly=True,
        help="The user's own employee (see default_get).",
    )
    colleague_ids = fields.Many2many("hr.employee", string="Ask", required=True)
    topic = fields.Char(help="What the feedback should be about, e.g. a result plan.")
    date_deadline = fields.Date(
        "Due",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
    )

    @api.model
    def default_get(self, fields_list):
        """Who asks is the user's own employee, whatever default the client sends."""
        values = super().default_get(fields_list)
        if "employee_id" in fields_list:
            if not self.env.user.employee_id:
                raise UserError(
                    _("Feedback is asked about an employee: your user has no employee record.")
                )
            values["employee_id"] = self.env.user.employee_id.id
        return values

    @api.constrains("employee_id", "colleague_ids")
    def _check_colleagues(self):
        for wizard in self:
            if wizard.employee_id in wizard.colleague_ids:
                raise UserError(_("Ask colleagues, not yourself."))

    def action_request(self):
        self.ensure_one()
        employee = self.env.user.employee_id
        if not employee:
            raise UserError(
                _("Feedback is asked about an employee: your user has no employee record.")
            )
        if self.employee_id != employee:
            raise UserError(_("You ask for feedback about yourself only."))
        elsewhere = self.colleague_ids.filtered(lambda e: e.company_id != employee.company_id)
        if elsewhere:
            raise UserError(
                _(
                    "%(names)s work in another agency: ask colleagues of your own.",
                    names=", ".join(elsewhere.mapped("name")),
                )
            )
        without_user = self.colleague_ids.filtered(lambda e: not e.user_id)
        if without_user:
            raise UserError(
                _(
                    "%(names)s cannot be asked: no user account.",
                    names=", ".join(without_user.mapped("name")),
                )
            )
        activity_type = self.env.ref("hr_kinerja_asn.mail_activity_type_feedback_request")
        model_id = self.env["ir.model"]._get_id("hr.employee")
        summary = _("Feedback requested by %(name)s", name=employee.name)
        # sudo: a to-do for a colleague, on the requester's own employee record only
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": employee.id,
                    "activity_type_id": activity_type.id,
                    "user_id": colleague.user_id.id,
                    "date_deadline": self.date_deadline,
                    "summary": summary,
                    "note": self.topic or False,
                }
                for colleague in self.colleague_ids
            ]
        )
        return {"type": "ir.actions.act_window_close"}
