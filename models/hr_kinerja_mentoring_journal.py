from odoo import _, api, fields, models

from .policy import allow

ENTRY_FIELDS = ("date", "place", "activity", "result", "follow_up", "follow_up_date")


class HrKinerjaMentoringJournal(models.Model):
    """A line of the mentoring journal (003 Format B.1.7, "jurnal mentoring"): when
    and where, the material or activity, its result, the action plan that follows
    and its target date."""

    _name = "hr.kinerja.mentoring.journal"
    _description = "Mentoring Journal Entry (B.1.7)"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.pembinaan.line.mixin"]
    _order = "mentoring_id, date, id"

    # Who changes what (deny by default, models/policy.py): the mentor (or an HR
    # officer) keeps the journal (Format B.1.7); the employee reads it. An entry stays
    # in its journal. While the form is a draft and its period open
    # (hr.kinerja.pembinaan.line.mixin).
    _kinerja_role_fields = {"mentor": "mentoring_id.mentor_id"}
    _kinerja_policy = (
        allow(("mentor", "officer"), "create", ["mentoring_id", *ENTRY_FIELDS]),
        allow(("mentor", "officer"), "write", ENTRY_FIELDS),
        allow(("mentor", "officer"), "unlink"),
    )

    _parent_field = "mentoring_id"

    mentoring_id = fields.Many2one(
        "hr.kinerja.mentoring", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="mentoring_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    place = fields.Char()
    activity = fields.Text("Material / Activity", required=True, help="Materi mentoring.")
    result = fields.Text()
    follow_up = fields.Text("Action Plan", help="Rencana aksi: what the employee does next.")
    follow_up_date = fields.Date("Action Plan Due", help="Target waktu rencana aksi.")

    @api.depends("date")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = _("the mentoring journal entry of %(date)s", date=entry.date)
