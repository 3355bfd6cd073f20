from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .policy import allow

FEEDBACK_FIELDS = (
    "giver_id",
    "receiver_id",
    "company_id",
    "period_id",
    "source",
    "subject",
    "rhk_id",
    "core_value_id",
    "kind",
    "mode",
    "tone",
    "text",
    "date",
)


class HrKinerjaFeedback(models.Model):
    """Umpan balik berkelanjutan: one recorded piece of feedback (003 Pasal 16-18;
    000 V.6-8). Every piece is evidence for the ratings: it cannot be deleted, and
    once its period locks it cannot be changed. The source is what the giver
    declares (leader, peer, subordinate, other party); left empty, the
    relationship on the date gives it."""

    _name = "hr.kinerja.feedback"
    _description = "Continuous Feedback"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.period.guard", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). Feedback is given in one's
    # own name (003 Pasal 17): the giver writes it, an HR officer may record it for the
    # giver; the receiver's evaluator is captured by the system. Nobody deletes it
    # (003 Pasal 16(3), 000 V.8); the lock of the period is the period guard's.
    _kinerja_policy = (allow(("giver", "officer"), "create write", FEEDBACK_FIELDS),)
    _kinerja_server_fields = ("receiver_evaluator_id",)
    _kinerja_role_fields = {"giver": "giver_id"}

    name = fields.Char(compute="_compute_name", store=True)
    giver_id = fields.Many2one(
        "hr.employee",
        string="Given By",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    receiver_id = fields.Many2one(
        "hr.employee", string="About", required=True, index=True, check_company=True
    )
    receiver_evaluator_id = fields.Many2one(
        "hr.employee",
        string="Receiver's Evaluator",
        readonly=True,
        index=True,
        help="The receiver's evaluator on the feedback date: they read it.",
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, default=lambda self: self.env.company
    )
    source = fields.Selection(
        [
            ("leader", "Leader"),
            ("peer", "Peer"),
            ("subordinate", "Subordinate"),
            ("other", "Other Party"),
        ],
        required=True,
        tracking=True,
        help="By default from the relationship on the feedback date: Leader when the giver "
        "is the receiver's evaluator or the evaluator's superior, Subordinate when the "
        "receiver is the giver's evaluator, Peer otherwise. The giver may change it.",
    )
    subject = fields.Selection(
        [("rhk", "A Result Plan"), ("core_value", "A Core Value")],
        required=True,
        default="rhk",
    )
    rhk_id = fields.Many2one("hr.kinerja.rhk", string="Result Plan", index=True)
    core_value_id = fields.Many2one(
        "hr.kinerja.core.value",
    )
    kind = fields.Selection(
        [("periodic", "Periodic"), ("incidental", "Incidental")],
        required=True,
        default="incidental",
    )
    mode = fields.Selection(
        [("direct", "Direct"), ("indirect", "Indirect")], required=True, default="direct"
    )
    tone = fields.Selection(
        [
            ("positive", "Positive"),
            ("neutral", "Neutral"),
            ("needs_improvement", "Needs Improvement"),
        ],
        required=True,
        default="positive",
        tracking=True,
    )
    text = fields.Text("Feedback", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today)

    @api.depends("giver_id.name", "receiver_id.name", "date")
    def _compute_name(self):
        for feedback in self:  # stored for search; readers see display_name
            feedback.name = feedback._title()

    @api.depends("giver_id.name", "receiver_id.name", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # the date as the reader writes dates, not ISO (a stored name cannot follow)
        for feedback in self:
            feedback.display_name = feedback._title()

    def _title(self):
        self.ensure_one()
        return _(
            "Feedback to %(receiver)s from %(giver)s (%(date)s)",
            receiver=self.receiver_id.name or "",
            giver=self.giver_id.name or "",
            date=format_date(self.env, self.date) if self.date else "",
        )

    @api.model
    def _relationship_source(self, giver, receiver, day):
        """The source the relationship gives on ``day``: leader when the giver is
        the receiver's evaluator or that evaluator's superior, subordinate when the
        receiver is the giver's evaluator, peer otherwise."""
        if not (giver and receiver and day):
            return "peer"
        found = self.env["hr.employee"]._kinerja_evaluators_at([(receiver, day), (giver, day)])
        if giver.id in found.get((receiver.id, day), (False, False)):
            return "leader"
        if found.get((giver.id, day), (False, False))[0] == receiver.id:
            return "subordinate"
        return "peer"

    @api.onchange("giver_id", "receiver_id", "date")
    def _onchange_source(self):
        if self.giver_id and self.receiver_id:
            self.source = self._relationship_source(self.giver_id, self.receiver_id, self.date)

    @api.onchange("date", "company_id")
    def _onchange_period(self):
        period = self._period_for_date(self.company_id, self.date)
        if period:
            self.period_id = period

    @api.model_create_multi
    def create(self, vals_list):
        # In one's own name first, for its message (the policy refuses the rest).
        Employee = self.env["hr.employee"]
        context = self.env.context
        for vals in vals_list:
            giver = Employee.browse(vals.get("giver_id") or context.get("default_giver_id"))
            giver = giver or self.env.user.employee_id
            self._check_in_own_name(giver)
            # What the giver declares stays; otherwise the relationship says.
            if not (vals.get("source") or context.get("default_source")):
                receiver = Employee.browse(
                    vals.get("receiver_id") or context.get("default_receiver_id")
                )
                day = self._vals_date(vals)
                if day:  # a malformed date: the policy's check names it
                    vals["source"] = self._relationship_source(giver, receiver, day)
        if not context.get("default_period_id"):
            self._fill_period_from_date(vals_list)
        records = super().create(vals_list)
        for feedback in records:
            feedback._check_giver_is_me()
        records._capture_evaluator()
        return records

    def _capture_evaluator(self):
        found = self.env["hr.employee"]._kinerja_evaluators_at(
            (feedback.receiver_id, feedback.date) for feedback in self
        )
        for feedback in self:
            evaluator = found.get((feedback.receiver_id.id, feedback.date), (False, False))[0]
            # written through super(): the giver may not change this field
            super(HrKinerjaFeedback, feedback.sudo()).write({"receiver_evaluator_id": evaluator})
        return True

    def _check_giver_is_me(self):
        self._check_in_own_name(self.giver_id)

    @api.model
    def _check_in_own_name(self, giver):
        if self.env.su or self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            return
        if giver.user_id != self.env.user:
            raise AccessError(_("Feedback is given in your own name."))

    def write(self, vals):
        for feedback in self:
            feedback._check_giver_is_me()
        if "giver_id" in vals:  # handed to another giver: still in one's own name
            self._check_in_own_name(self.env["hr.employee"].browse(vals["giver_id"]))
        if "receiver_evaluator_id" in vals and not self.env.su:
            raise AccessError(_("The receiver's evaluator is recorded by the system."))
        result = super().write(vals)
        if "receiver_id" in vals or "date" in vals:
            self._capture_evaluator()
        return result

    def unlink(self):
        # Who may not delete at all is told so by the access rights; everyone else,
        # the superuser included, is told why (the policy grants nobody a delete).
        if not self.env.context.get(MODULE_UNINSTALL_FLAG):
            self.check_access("unlink")
            self._never_delete()
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _never_delete(self):
        raise UserError(
            _(
                "Feedback is evidence for the ratings (003 Pasal 16-18): it cannot be deleted. "
                "Add a new one to correct it."
            )
        )

    @api.constrains("giver_id", "receiver_id")
    def _check_not_self(self):
        for feedback in self:
            if feedback.giver_id == feedback.receiver_id:
                raise ValidationError(_("Feedback is given to someone else, not to oneself."))

    @api.constrains("subject", "rhk_id", "core_value_id", "receiver_id")
    def _check_subject(self):
        # sudo: a peer gives feedback on a result plan that their rules do not let them read
        for feedback in self.sudo():
            if feedback.subject == "rhk":
                if not feedback.rhk_id:
                    raise ValidationError(_("Choose the result plan the feedback is about."))
                if feedback.rhk_id.skp_id.employee_id != feedback.receiver_id:
                    raise ValidationError(
                        _(
                            "The result plan %(rhk)s is not one of %(receiver)s's.",
                            rhk=feedback.rhk_id.display_name,
                            receiver=feedback.receiver_id.name,
                        )
                    )
            elif not feedback.core_value_id:
                raise ValidationError(_("Choose the core value the feedback is about."))

    @api.constrains("date", "period_id")
    def _check_date_in_period(self):
        for feedback in self:
            period = feedback.period_id
            if not period.date_start <= feedback.date <= period.date_end:
                raise ValidationError(
                    _(
                        "The feedback date %(date)s is outside the period %(period)s.",
                        date=feedback.date,
                        period=period.display_name,
                    )
                )
