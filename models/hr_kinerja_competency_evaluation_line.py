from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .policy import allow

KINDS = [
    ("managerial", "Managerial"),
    ("socio_cultural", "Socio-cultural"),
    ("technical", "Technical"),
]
# The competencies printed on 003 Format B.1.9 (the managerial and socio-cultural
# competencies of ASN positions); technical ones are added per position.
COMPETENCY_SELECTION = [
    ("integritas", "Integrity"),
    ("kerjasama", "Cooperation"),
    ("komunikasi", "Communication"),
    ("orientasi_hasil", "Results Orientation"),
    ("pelayanan_publik", "Public Service"),
    ("pengembangan_diri", "Developing Self and Others"),
    ("mengelola_perubahan", "Managing Change"),
    ("perekat_bangsa", "Nation Binding and Unifying"),
]
COMPETENCIES = {
    "integritas": "managerial",
    "kerjasama": "managerial",
    "komunikasi": "managerial",
    "orientasi_hasil": "managerial",
    "pelayanan_publik": "managerial",
    "pengembangan_diri": "managerial",
    "mengelola_perubahan": "managerial",
    "perekat_bangsa": "socio_cultural",
}
# "Deskripsi skala penilaian" of Format B.1.9.
COMPETENCY_SCALE = [
    ("1", "1 - Very Poor"),
    ("2", "2 - Inadequate"),
    ("3", "3 - Adequate"),
    ("4", "4 - Above Adequate"),
    ("5", "5 - Outstanding"),
]
COMPETENCY_SCALE_MAX = len(COMPETENCY_SCALE)
SCALE_HELP = (
    "1 Very poor: far below the competency standard required for the position (no "
    "competency indicator met).\n"
    "2 Inadequate: below the standard (1-2 competency indicators met).\n"
    "3 Adequate: meets the standard (3 competency indicators met).\n"
    "4 Above adequate: above the standard (the indicators met, with behaviour above "
    "the competency level).\n"
    "5 Outstanding: far above the standard (the indicators met, with behaviour far "
    "above the competency level)."
)


class HrKinerjaCompetencyEvaluationLine(models.Model):
    """One competency on the competency evaluation after guidance (003 Format
    B.1.9): its score on the form's scale of 1-5 and the reason for it."""

    _name = "hr.kinerja.competency.evaluation.line"
    _description = "Competency Score (B.1.9)"
    _inherit = ["hr.kinerja.policy", "hr.kinerja.pembinaan.line.mixin"]
    _order = "evaluation_id, sequence, id"

    # Who changes what (deny by default, models/policy.py): the assessor (or an HR
    # officer) scores the competencies and gives the reasons, adds the technical ones
    # of the position (Format B.1.9); the employee reads them. A score stays in its
    # form. While the form is a draft and its period open
    # (hr.kinerja.pembinaan.line.mixin).
    _kinerja_role_fields = {"assessor": "evaluation_id.assessor_id"}
    _kinerja_policy = (
        allow(
            ("assessor", "officer"),
            "create",
            ["evaluation_id", "competency", "name", "sequence", "score", "level", "reason"],
        ),
        allow(
            ("assessor", "officer"),
            "write",
            ["competency", "name", "sequence", "score", "level", "reason"],
        ),
        allow(("assessor", "officer"), "unlink"),
    )

    _parent_field = "evaluation_id"

    evaluation_id = fields.Many2one(
        "hr.kinerja.competency.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    kind = fields.Selection(KINDS, compute="_compute_kind", store=True, precompute=True)
    competency = fields.Selection(
        COMPETENCY_SELECTION,
        string="Competency of the Form",
        help="A managerial or socio-cultural competency of the form; empty for a "
        "technical competency.",
    )
    name = fields.Char(
        "Competency",
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    sequence = fields.Integer(
        compute="_compute_sequence", store=True, precompute=True, readonly=False
    )
    score = fields.Integer(help=SCALE_HELP)
    level = fields.Selection(
        COMPETENCY_SCALE,
        compute="_compute_level",
        inverse="_inverse_level",
        help=SCALE_HELP,
    )
    reason = fields.Text(help="Why this score.")

    _sql_constraints = [
        (
            "competency_unique",
            "unique(evaluation_id, competency)",
            "Each competency of the form is scored once per evaluation.",
        )
    ]

    @api.depends("competency")
    def _compute_name(self):
        labels = dict(self._fields["competency"]._description_selection(self.env))
        for line in self:
            if line.competency:
                line.name = labels[line.competency]

    @api.depends("competency")
    def _compute_kind(self):
        for line in self:
            line.kind = COMPETENCIES.get(line.competency, "technical")

    @api.depends("competency")
    def _compute_sequence(self):
        order = list(COMPETENCIES)
        for line in self:
            line.sequence = order.index(line.competency) + 1 if line.competency else 100

    @api.depends("score")
    def _compute_level(self):
        for line in self:
            line.level = str(line.score) if 1 <= line.score <= COMPETENCY_SCALE_MAX else False

    def _inverse_level(self):
        for line in self:
            line.score = int(line.level) if line.level else 0

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if line.score and not 1 <= line.score <= COMPETENCY_SCALE_MAX:
                raise ValidationError(
                    _(
                        "%(competency)s is scored %(score)s: competencies are scored from 1 "
                        "(very poor) to %(max)s (outstanding).",
                        competency=line.name,
                        score=line.score,
                        max=COMPETENCY_SCALE_MAX,
                    )
                )
