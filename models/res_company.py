from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import constants as rule_constants
from ..rules import evaluation as rule_evaluation
from .hr_kinerja_org_quadrant import RATINGS

DEFAULT = rule_evaluation.LEADER_MAPPING


class ResCompany(models.Model):
    _inherit = "res.company"

    kinerja_distribution_mode = fields.Selection(
        [("advisory", "Advisory"), ("strict", "Strict")],
        string="Distribution Pattern",
        default="advisory",
        required=True,
        help="Advisory: a distribution that deviates from the pattern may be confirmed "
        "with a recorded justification (the pattern is guidance, 002 D.5.b). Strict: it "
        "cannot be confirmed.",
    )
    # 5 -> 3: a unit leader's results rating is the unit's achievement (002 D.6.c).
    kinerja_leader_istimewa = fields.Selection(
        RATINGS, string="Leader's Results if Istimewa", default=DEFAULT["istimewa"], required=True
    )
    kinerja_leader_baik = fields.Selection(
        RATINGS, string="Leader's Results if Baik", default=DEFAULT["baik"], required=True
    )
    kinerja_leader_butuh_perbaikan = fields.Selection(
        RATINGS,
        string="Leader's Results if Butuh Perbaikan",
        default=DEFAULT["butuh_perbaikan"],
        required=True,
    )
    kinerja_leader_kurang = fields.Selection(
        RATINGS, string="Leader's Results if Kurang", default=DEFAULT["kurang"], required=True
    )
    kinerja_leader_sangat_kurang = fields.Selection(
        RATINGS,
        string="Leader's Results if Sangat Kurang",
        default=DEFAULT["sangat_kurang"],
        required=True,
    )
    kinerja_org_superior_days = fields.Integer(
        "Superior's Days for Achievements",
        default=3,
        help="Days after the organisation achievement deadline during which the leader's "
        "superior may still set a missing achievement (002 D.11); then the evaluation "
        "window opens and a missing one becomes Butuh Perbaikan (002 D.12).",
    )
    kinerja_ak_basis = fields.Selection(
        [("annual", "Annual Evaluation"), ("periodic", "Each Periodic Evaluation")],
        string="Credit Points From",
        default="annual",
        required=True,
        help="Functional positions earn credit points (angka kredit) from the annual "
        "evaluation (12 months, or the months of the SKP) or pro rata from each monthly "
        "or quarterly evaluation (Permenpan RB 1/2023).",
    )

    kinerja_reminder_days = fields.Char(
        "Reminders (working days before)",
        default="7,3,1",
        help="When the person who owes a step (SKP, realisation, review, achievement, "
        "rating, distribution, documents, objection) is reminded, in working days "
        "before its deadline, separated by commas (e.g. 7,3,1). Empty: no reminders.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # Every agency starts with the regulation's organisation quadrant (002 D.4.e).
        self.env["hr.kinerja.org.quadrant"].sudo()._load_regulation_table(companies)
        return companies

    @api.constrains("kinerja_org_superior_days")
    def _check_kinerja_org_superior_days(self):
        for company in self:
            if not 0 <= company.kinerja_org_superior_days <= 60:
                raise ValidationError(
                    _(
                        "%(agency)s: the superior's days for achievements run from 0 to 60.",
                        agency=company.name,
                    )
                )

    @api.constrains("kinerja_reminder_days")
    def _check_kinerja_reminder_days(self):
        for company in self:
            company._kinerja_reminder_stages()

    def _kinerja_reminder_stages(self):
        """The reminder stages, most days first: [7, 3, 1]."""
        self.ensure_one()
        text = (self.kinerja_reminder_days or "").replace(" ", "")
        try:
            stages = {int(part) for part in text.split(",") if part}
        except ValueError:
            stages = None
        if stages is None or any(not 0 <= stage <= 60 for stage in stages):
            raise ValidationError(
                _(
                    "%(agency)s: reminders are whole numbers of working days from 0 to 60, "
                    "separated by commas (e.g. 7,3,1).",
                    agency=self.name,
                )
            )
        return sorted(stages, reverse=True)

    def _kinerja_leader_mapping(self):
        self.ensure_one()
        return {key: self[f"kinerja_leader_{key}"] for key in rule_constants.ACHIEVEMENTS}
