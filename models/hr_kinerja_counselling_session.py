from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

COUNSELLING_GROUP = "hr_kinerja_asn.group_kinerja_counselling"


class HrKinerjaCounsellingSession(models.Model):
    """One individual counselling session of a case: when and where (set by the HR
    unit or the counsellor, in private - 003 section Konseling kinerja 5 c 2 (a)(4)),
    the counsellor's notes, the outcome and the next step. As confidential as its
    case: only the counsellor and the counselling group read it."""

    _name = "hr.kinerja.counselling.session"
    _description = "Counselling Session"
    _order = "case_id, date, id"
    _check_company_auto = True

    case_id = fields.Many2one(
        "hr.kinerja.counselling",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True)
    employee_id = fields.Many2one(related="case_id.employee_id", store=True)
    counsellor_id = fields.Many2one(related="case_id.counsellor_id", store=True)
    date = fields.Datetime("Scheduled On", required=True)
    place = fields.Char(required=True)
    notes = fields.Text(help="The counsellor's notes of the session.")
    outcome = fields.Text()
    next_step = fields.Text()

    @api.depends("case_id.name", "date")
    def _compute_display_name(self):
        for session in self:
            session.display_name = _(
                "%(case)s, session of %(date)s",
                case=session.case_id.name or "",
                date=fields.Datetime.to_string(session.date) if session.date else "",
            )

    def _check_case_open(self, cases):
        if self.env.su or self.env.user.has_group(COUNSELLING_GROUP):
            allowed = True
        else:
            allowed = all(case.counsellor_id == self.env.user for case in cases)
        if not allowed:
            raise AccessError(
                _("Only the counsellor of the case or the counselling group records sessions.")
            )
        for case in cases:
            if case.state == "new":
                raise UserError(
                    _(
                        "%(case)s has no counsellor yet: the counselling group assigns one "
                        "before sessions are scheduled.",
                        case=case.name,
                    )
                )
            if case.state == "closed":
                raise UserError(
                    _(
                        "%(case)s is closed: its sessions cannot change. The counselling "
                        "group can reopen it.",
                        case=case.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        self._check_case_open(sessions.case_id)
        sessions.case_id.filtered(lambda c: c.state == "assigned")._transition(
            {"state": "in_progress"}
        )
        return sessions

    def write(self, vals):
        self._check_case_open(self.case_id)
        result = super().write(vals)
        if "case_id" in vals:
            self._check_case_open(self.case_id)
        return result

    def unlink(self):
        self._check_case_open(self.case_id)
        return super().unlink()
