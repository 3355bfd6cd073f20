from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .policy import allow

# The form leaves the answer column ("umpan balik") open; the answers are kept on
# a four-point agreement scale without a neutral middle, so that each statement
# gets an opinion.
FEEDBACK_SCALE = [
    ("1", "1 - Strongly Disagree"),
    ("2", "2 - Disagree"),
    ("3", "3 - Agree"),
    ("4", "4 - Strongly Agree"),
]
FEEDBACK_SCALE_MAX = len(FEEDBACK_SCALE)


class HrKinerjaGuidanceFeedbackLine(models.Model):
    """The employee's answer to one statement of the guidance feedback form
    (003 Format B.1.8), scored 1 (strongly disagree) to 4 (strongly agree)."""

    _name = "hr.kinerja.guidance.feedback.line"
    _description = "Guidance Feedback Answer (B.1.8)"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.pembinaan.line.mixin"]
    _order = "feedback_id, sequence, id"

    # Who changes what (deny by default, models/policy.py): the employee giving the
    # feedback (or an HR officer for them) answers and comments; the nine statements
    # of Format B.1.8 come with the form and stay - none is removed, swapped or moved
    # to another form, so that a signed form has answered them all. While the form
    # is a draft and its period open (hr.kinerja.pembinaan.line.mixin).
    _kinerja_role_fields = {"employee": "feedback_id.employee_id"}
    _kinerja_policy = (
        allow(
            ("employee", "officer"),
            "create",
            ["feedback_id", "statement_id", "score", "level", "comment"],
        ),
        allow(("employee", "officer"), "write", ["score", "level", "comment"]),
    )

    _parent_field = "feedback_id"

    feedback_id = fields.Many2one(
        "hr.kinerja.guidance.feedback", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="feedback_id.company_id", store=True)
    statement_id = fields.Many2one(
        "hr.kinerja.guidance.statement", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="statement_id.sequence", store=True)
    subject = fields.Selection(related="statement_id.subject")
    score = fields.Integer(
        help="1 Strongly disagree, 2 Disagree, 3 Agree, 4 Strongly agree; 0 while unanswered.",
    )
    level = fields.Selection(
        FEEDBACK_SCALE, string="Answer", compute="_compute_level", inverse="_inverse_level"
    )
    comment = fields.Char()

    _sql_constraints = [
        (
            "statement_unique",
            "unique(feedback_id, statement_id)",
            "Each statement is answered once per feedback form.",
        )
    ]

    @api.depends("statement_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = _(
                'the answer to "%(statement)s"', statement=line.statement_id.name or ""
            )

    @api.depends("score")
    def _compute_level(self):
        for line in self:
            line.level = str(line.score) if 1 <= line.score <= FEEDBACK_SCALE_MAX else False

    def _inverse_level(self):
        for line in self:
            line.score = int(line.level) if line.level else 0

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if line.score and not 1 <= line.score <= FEEDBACK_SCALE_MAX:
                raise ValidationError(
                    _(
                        'The answer to "%(statement)s" is %(score)s: answer from 1 (strongly '
                        "disagree) to %(max)s (strongly agree).",
                        statement=line.statement_id.name,
                        score=line.score,
                        max=FEEDBACK_SCALE_MAX,
                    )
                )
