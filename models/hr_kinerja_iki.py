from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import achievement as rule_achievement
from ..rules import constants as rule_constants
from .hr_kinerja_skp_line_guard import SKP_EDITORS, _record_id
from .policy import allow
from .workflow import workflow


class HrKinerjaIki(models.Model):
    """Indikator Kinerja Individu: how an RHK is measured - aspect, indicator,
    target (003 Pasal 9), and for leaders the indicator manual (Format A.1.3)."""

    _name = "hr.kinerja.iki"
    _description = "Individual Performance Indicator (IKI)"
    # The guard inherits hr.kinerja.policy first and adds the SKP's draft rule.
    _inherit = ["hr.kinerja.skp.line.guard"]
    _order = "rhk_id, sequence, id"

    # Who changes what (deny by default, models/policy.py): the editors of a draft SKP
    # (003 section Penetapan SKP 1, 4) write its indicators and targets (003 Pasal 9);
    # an indicator stays on the result plan it was made for. The first version is
    # linked by the server.
    _IKI_FIELDS = (
        "sequence",
        "aspect",
        "name",
        "target_value",
        "target_unit",
        "target_text",
        "less_is_better",
        "purpose",
        "definition",
        "formula",
        "quality_level",
        "data_source",
        "reporting_period",
    )
    _kinerja_policy = (
        allow(SKP_EDITORS, "create", ["rhk_id", *_IKI_FIELDS], states=["draft"]),
        allow(SKP_EDITORS, "write", _IKI_FIELDS, states=["draft"]),
        allow(SKP_EDITORS, "unlink", states=["draft"]),
    )
    _kinerja_server_fields = ("origin_iki_id",)

    rhk_id = fields.Many2one("hr.kinerja.rhk", required=True, ondelete="cascade", index=True)
    skp_id = fields.Many2one(related="rhk_id.skp_id", store=True, index=True)
    realisasi_ids = fields.One2many("hr.kinerja.realisasi", "iki_id", string="Realisations")
    skp_state = fields.Selection(related="rhk_id.skp_id.state", string="SKP Status")
    employee_id = fields.Many2one(related="rhk_id.skp_id.employee_id")
    company_id = fields.Many2one(related="rhk_id.company_id", store=True)
    approach = fields.Selection(related="skp_id.approach")
    sequence = fields.Integer(default=10)
    aspect = fields.Selection(
        [
            ("kuantitas", "Quantity"),
            ("kualitas", "Quality"),
            ("waktu", "Time"),
            ("biaya", "Cost"),
        ],
        required=True,
        default="kuantitas",
    )
    name = fields.Char("Indicator", required=True)
    target_value = fields.Float("Target", digits=(16, 2))
    target_unit = fields.Char("Unit of Measure", help="e.g. dokumen, laporan, hari, persen")
    target_text = fields.Char("Qualitative Target")
    less_is_better = fields.Boolean(
        compute="_compute_less_is_better",
        store=True,
        readonly=False,
        help="A lower realisation is better (time, cost): its achievement is inverted.",
    )
    origin_iki_id = fields.Many2one(
        "hr.kinerja.iki",
        string="First Version",
        copy=False,
        index=True,
        help="The same indicator in the first revision of the SKP.",
    )
    # Indicator manual (Format A.1.3), for leaders
    purpose = fields.Text()
    definition = fields.Text()
    formula = fields.Text()
    quality_level = fields.Selection(
        [
            ("outcome", "Outcome"),
            ("intermediate_outcome", "Intermediate Outcome"),
            ("output_low_control", "Output, Low Control"),
        ],
        string="Quality and Level of Control",
    )
    data_source = fields.Char()
    reporting_period = fields.Selection(
        [
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("semester", "Half-yearly"),
            ("annual", "Annual"),
        ],
    )

    def _period_target(self, period):
        """The target due by the end of ``period`` (the trajectory target, 002
        D.4.c; rules/achievement.py): what the period's realisation is measured
        against. 0 for a qualitative indicator."""
        self.ensure_one()
        if self.approach != "quantitative" or self.target_value <= 0 or not period:
            return 0.0
        share = rule_achievement.period_share(period.kind, period.date_end.month)
        return float(rule_achievement.period_target(self.target_value, self.less_is_better, share))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for iki in records.filtered(lambda i: not i.origin_iki_id):
            workflow(iki).origin_iki_id = iki
        return records

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for iki, vals in zip(self, vals_list, strict=True):
            vals["origin_iki_id"] = iki.origin_iki_id.id or iki.id
        return vals_list

    @api.depends("aspect")
    def _compute_less_is_better(self):
        for iki in self:
            iki.less_is_better = iki.aspect in rule_constants.LESS_IS_BETTER_ASPECTS

    def _guard_skps(self):
        return self.mapped("rhk_id.skp_id")

    @api.model
    def _guard_parent_of_values(self, values):
        return self.env["hr.kinerja.rhk"].browse(_record_id(values.get("rhk_id")))

    @api.model
    def _guard_skps_of_values(self, vals_list):
        rhks = self.env["hr.kinerja.rhk"].browse(
            {vals["rhk_id"] for vals in vals_list if vals.get("rhk_id")}
        )
        return rhks.skp_id

    @api.constrains("target_value", "target_unit", "target_text", "rhk_id")
    def _check_target(self):
        for iki in self:
            if iki.skp_id.approach == "quantitative":
                if iki.target_value <= 0:
                    raise ValidationError(
                        _(
                            "The indicator %(indicator)s of a quantitative SKP needs a positive "
                            "target (now %(target)s).",
                            indicator=iki.name,
                            target=iki.target_value,
                        )
                    )
                if not (iki.target_unit or "").strip():
                    raise ValidationError(
                        _(
                            "The indicator %(indicator)s needs the unit of its target.",
                            indicator=iki.name,
                        )
                    )
            elif not (iki.target_text or "").strip():
                raise ValidationError(
                    _(
                        "The indicator %(indicator)s of a qualitative SKP needs its target "
                        "in words.",
                        indicator=iki.name,
                    )
                )

    def _compute_display_name(self):
        for iki in self:
            if iki.approach == "quantitative" and iki.target_value:
                iki.display_name = (
                    f"{iki.name} ({iki.target_value:g} {iki.target_unit or ''})".strip()
                )
            else:
                iki.display_name = iki.name
