from odoo import fields, models


class HrKinerjaMentoringJournal(models.Model):
    """A line of the mentoring journal (003 Format B.1.7, "jurnal mentoring"): when
    and where, the material or activity, its result, the action plan that follows
    and its target date."""

    _name = "hr.kinerja.mentoring.journal"
    _description = "Mentoring Journal Entry (B.1.7)"
    _inherit = ["hr.kinerja.pembinaan.line.mixin"]
    _order = "mentoring_id, date, id"

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
