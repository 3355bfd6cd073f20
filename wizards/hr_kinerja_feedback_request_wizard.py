from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class HrKinerjaFeedbackRequestWizard(models.TransientModel):
    """Ask chosen colleagues for feedback (003 Pasal 17): each gets a to-do with a
    due date, on the requester's employee profile."""

    _name = "hr.kinerja.feedback.request.wizard"
    _description = "Request Feedback"

    employee_id = fields.Many2one(
        "hr.employee",
        string="About",
        required=True,
        default=lambda self: self.env.user.employee_id,
    )
    colleague_ids = fields.Many2many("hr.employee", string="Ask", required=True)
    topic = fields.Char(help="What the feedback should be about, e.g. a result plan.")
    date_deadline = fields.Date(
        "Due",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
    )

    @api.constrains("employee_id", "colleague_ids")
    def _check_colleagues(self):
        for wizard in self:
            if wizard.employee_id in wizard.colleague_ids:
                raise UserError(_("Ask colleagues, not yourself."))

    def action_request(self):
        self.ensure_one()
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
        summary = _("Feedback requested by %(name)s", name=self.employee_id.name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": self.employee_id.id,
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
