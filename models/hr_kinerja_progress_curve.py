from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import constants as rule_constants
from ..rules import proposal as rule_proposal
from . import bulk

# A graph view draws one measure: the band is two more series beside the count.
SERIES = [("1_low", "Pattern: At Least"), ("2_rated", "Rated"), ("3_high", "Pattern: At Most")]
PREDICATES = [
    (f"{index}_{key}", rule_constants.PREDICATE_NAMES[key])
    for index, key in enumerate(rule_constants.PREDICATES, 1)
]


# the types of the columns of ``_refresh``'s rows
CURVE_TYPES = ("int", "int", "int", "varchar", "varchar", "varchar", "int", "int")


class HrKinerjaProgressCurve(models.Model):
    """The predicate curve (e-Kinerja's "Monitoring Kurva", the picture the C.1.x
    forms print): per unit, period and predicate, how many were rated so (series
    "Rated"), and the lowest and highest count the pattern of the unit's achievement
    allows (series "Pattern: At Least/At Most", rules/proposal.py ``bounds``, SE
    MenPANRB 3/2023), so that Odoo's bar graph by predicate and series draws the
    count between its bounds. Summed over the units it is the agency's curve.
    Rebuilt with the progress rows (``hr.kinerja.progress``), read-only, the same
    readers."""

    _name = "hr.kinerja.progress.curve"
    _description = "ASN Performance: Predicate Curve"
    _inherit = ["hr.kinerja.policy"]
    _order = "period_sequence, department_id, predicate, series"
    _log_access = False
    # a cache rebuilt in bulk: its table is made by init() (no foreign keys)
    _auto = False

    _kinerja_policy = ()
    _kinerja_server_fields = (
        "company_id",
        "year_id",
        "period_id",
        "period_sequence",
        "department_id",
        "achievement",
        "predicate",
        "series",
        "value",
        "outside",
    )

    company_id = fields.Many2one("res.company", string="Agency", readonly=True)
    year_id = fields.Many2one("hr.kinerja.year", string="Performance Year", readonly=True)
    period_id = fields.Many2one("hr.kinerja.period", readonly=True)
    period_sequence = fields.Integer(readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    achievement = fields.Selection(
        list(rule_constants.ACHIEVEMENT_NAMES.items()),
        string="Unit Achievement",
        readonly=True,
    )
    predicate = fields.Selection(PREDICATES, readonly=True)
    series = fields.Selection(SERIES, readonly=True)
    value = fields.Integer("Employees", readonly=True)
    outside = fields.Integer(
        "Outside the Pattern",
        readonly=True,
        help="How far the count lies outside the band the pattern allows.",
    )

    def init(self):
        bulk.cache_table(self)

    @api.model
    def _refresh(self, year):
        """Rebuild the curve of the agency's ``year`` from its distributions: the
        counts in one grouped query, the achievements per period."""
        year = year.sudo()
        distributions = (
            self.env["hr.kinerja.distribution"].sudo().search([("year_id", "=", year.id)])
        )
        counts = distributions._predicate_counts() if distributions else {}
        achievements = distributions._achievements() if distributions else {}
        columns = ([], [], [], [], [], [], [], [])  # INSERT ... SELECT unnest of arrays
        periods = {period.id: period.sequence for period in distributions.period_id}
        for distribution_id, period_id, unit_id in [
            (d.id, d.period_id.id, d.department_id.id) for d in distributions
        ]:
            per, unrated = counts[distribution_id]
            achievement = achievements.get(distribution_id) or None
            total = sum(per.values()) + unrated
            allowed = rule_proposal.bounds(achievement, total)[0] if achievement else {}
            for key, _label in PREDICATES:
                predicate = key.split("_", 1)[1]
                count = per[predicate]
                low, high = allowed.get(predicate, (0, total))
                outside = max(low - count, 0, count - high)
                for series, value in (("1_low", low), ("2_rated", count), ("3_high", high)):
                    row = (
                        period_id,
                        periods[period_id],
                        unit_id,
                        achievement,
                        key,
                        series,
                        value,
                        outside if series == "2_rated" else 0,
                    )
                    for column, item in zip(columns, row, strict=True):
                        column.append(item)
        cr = self.env.cr
        cr.execute(SQL("DELETE FROM hr_kinerja_progress_curve WHERE year_id = %s", year.id))
        if columns[0]:
            cr.execute(
                SQL(
                    """INSERT INTO hr_kinerja_progress_curve (company_id, year_id, period_id,
                        period_sequence, department_id, achievement, predicate, series,
                        value, outside)
                       SELECT %s, %s, * FROM unnest(%s)""",
                    year.company_id.id,
                    year.id,
                    SQL(", ").join(
                        bulk.array(column, pgtype)
                        for column, pgtype in zip(columns, CURVE_TYPES, strict=True)
                    ),
                )
            )
        rows = columns[0]
        self.invalidate_model()
        return len(rows)

    # -- behind a number ---------------------------------------------------------------
    def _drill_domain(self):
        """The evaluations behind this line: those of its unit's distribution in its
        period rated with its predicate (a bound's line: the same evaluations, which
        the bound is about) - exactly what ``_refresh`` counted
        (``hr.kinerja.distribution._predicate_counts``)."""
        self.ensure_one()
        self.check_access("read")
        return [
            ("distribution_id.department_id", "=", self.department_id.id),
            ("distribution_id.period_id", "=", self.period_id.id),
            ("predicate", "=", self.predicate.split("_", 1)[1]),
            ("state", "!=", "draft"),
        ]

    def action_open_evaluations(self):
        """A line clicked (list, or a bar of the graph then its line): the
        evaluations it counts, with the user's rights."""
        predicates = dict(self._fields["predicate"]._description_selection(self.env))
        return self.env["hr.kinerja.progress"]._drill_action(
            predicates.get(self.predicate), self, "hr.kinerja.evaluation", self._drill_domain()
        )
