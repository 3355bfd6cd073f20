from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .policy import allow
from .read_guard import check_onchange, check_readable, named_records

COUNSELLING_GROUP = "hr_kinerja_asn.group_kinerja_counselling"
# Scheduled by the counselling group or the counsellor; written up by the counsellor.
SCHEDULE_FIELDS = ("date", "place")
RECORD_FIELDS = ("notes", "outcome", "next_step")


class HrKinerjaCounsellingSession(models.Model):
    """One individual counselling session of a case: when and where (set by the HR
    unit or the counsellor, in private - 003 section Konseling kinerja 5 c 2 (a)(4)),
    the counsellor's notes, the outcome and the next step. As confidential as its
    case: only the counsellor and the counselling group read it - and a user who
    cannot read the case learns nothing of it through a session, not even whether
    it exists."""

    _name = "hr.kinerja.counselling.session"
    _description = "Counselling Session"
    _inherit = ["hr.kinerja.policy"]
    _order = "case_id, date, id"
    _check_company_auto = True

    # Who changes what (deny by default, models/policy.py). The counselling group of
    # the HR unit or the counsellor sets the schedule and the private place (5 c 2
    # (a)(4)); only the counsellor writes what was said: the notes, the outcome and
    # the next step (5 c 2 (b)-(c)). A session stays with its case. Whether the case
    # is open is checked by _check_case_open.
    _kinerja_role_fields = {"counsellor": "case_id.counsellor_id"}
    _kinerja_policy = (
        allow(("counselling", "counsellor"), "create", ["case_id", *SCHEDULE_FIELDS]),
        allow(("counselling", "counsellor"), "write", SCHEDULE_FIELDS),
        allow("counsellor", "create write", RECORD_FIELDS),
        allow(("counselling", "counsellor"), "unlink"),
    )

    case_id = fields.Many2one(
        "hr.kinerja.counselling",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    # Computed with the user's rights, not as superuser: they name who is counselled
    # and by whom (issue 10, finding 4).
    company_id = fields.Many2one(
        related="case_id.company_id", store=True, precompute=True, compute_sudo=False
    )
    employee_id = fields.Many2one(
        related="case_id.employee_id", store=True, precompute=True, compute_sudo=False
    )
    counsellor_id = fields.Many2one(
        related="case_id.counsellor_id", store=True, precompute=True, compute_sudo=False
    )
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

    # -- confidentiality ----------------------------------------------------------
    def _hidden_message(self):
        return _(
            "Only the counsellor of a counselling case and the counselling group see it "
            "and its sessions."
        )

    def _check_cases_readable(self, values_list):
        message = self._hidden_message()
        cases = named_records(self, "hr.kinerja.counselling", values_list, "case_id", message)
        check_readable(cases, message)

    def _check_sessions_readable(self):
        check_readable(self, self._hidden_message())

    def onchange(self, values, field_names, fields_spec):
        check_onchange(self, values, ["case_id"], self._hidden_message())
        return super().onchange(values, field_names, fields_spec)

    # -- the case must be open ----------------------------------------------------
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

    # -- create / write (the checks before the policy's, which names the record) ---
    @api.model_create_multi
    def create(self, vals_list):
        self._check_cases_readable(vals_list)
        sessions = super().create(vals_list)
        self._check_case_open(sessions.case_id)
        sessions.case_id.filtered(lambda c: c.state == "assigned")._transition(
            {"state": "in_progress"}
        )
        return sessions

    def write(self, vals):
        self._check_sessions_readable()
        self._check_cases_readable([vals])
        self._check_case_open(self.case_id)
        result = super().write(vals)
        if "case_id" in vals:
            self._check_case_open(self.case_id)
        return result

    def unlink(self):
        self._check_sessions_readable()
        self._check_case_open(self.case_id)
        return super().unlink()
