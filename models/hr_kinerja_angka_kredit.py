from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import angka_kredit as rule_angka_kredit
from ..rules import constants as rule_constants
from . import bulk
from .hr_kinerja_evaluation import PREDICATES
from .workflow import workflow


class HrKinerjaAngkaKredit(models.Model):
    """Angka kredit earned by a functional position (JF) from one confirmed
    evaluation (Permenpan RB 1/2023; 004 "konversi predikat kinerja bagi JF"):
    the yearly ledger of each employee with its running total. Written by the
    distribution's confirmation, never by hand."""

    _name = "hr.kinerja.angka.kredit"
    _description = "Credit Points (Angka Kredit)"
    _inherit = ["hr.kinerja.policy"]
    _order = "employee_id, year_id, date_start, id"

    # Who changes what (deny by default, models/policy.py): nobody. The ledger is
    # written by the distribution's confirmation and deleted by its reset (server
    # steps, Permenpan RB 1/2023); no user creates, changes or deletes a line.
    _kinerja_policy = ()
    _kinerja_server_fields = (
        "evaluation_id",
        "employee_id",
        "company_id",
        "year_id",
        "period_id",
        "predicate",
        "jf_jenjang",
        "months",
        "percentage",
        "coefficient",
        "amount",
        "amount_units",
    )

    evaluation_id = fields.Many2one(
        "hr.kinerja.evaluation", required=True, readonly=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", string="Agency", required=True, readonly=True)
    year_id = fields.Many2one("hr.kinerja.year", required=True, readonly=True, index=True)
    period_id = fields.Many2one("hr.kinerja.period", required=True, readonly=True)
    date_start = fields.Date(related="period_id.date_start", store=True, precompute=True)
    predicate = fields.Selection(PREDICATES, required=True, readonly=True)
    jf_jenjang = fields.Selection(
        list(rule_constants.JF_JENJANG_NAMES.items()), string="JF Level", readonly=True
    )
    months = fields.Integer(readonly=True)
    percentage = fields.Integer("Predicate %", readonly=True)
    coefficient = fields.Float("Yearly Coefficient", digits=(6, 2), readonly=True)
    amount = fields.Float(
        "Credit Points",
        digits=(8, 2),
        readonly=True,
        aggregator="sum",
        help="This evaluation's credit points, rounded half up to two decimals for "
        "display. Totals add the exact amounts and are rounded once.",
    )
    amount_units = fields.Integer(
        "Exact Credit Points (Units)",
        readonly=True,
        help="The exact credit points in whole units of 1/192, the finest part any "
        "amount needs: what totals add before they are rounded for display.",
    )
    running_total = fields.Float(digits=(8, 2), compute="_compute_running_total")

    _sql_constraints = [
        ("evaluation_uniq", "unique(evaluation_id)", "An evaluation earns credit points once."),
    ]

    def _compute_running_total(self):
        """The exact sum of the amounts so far in the year, rounded once (the rule's
        total)."""
        lines = self.sudo().search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("year_id", "in", self.year_id.ids),
            ]
        )
        totals = {}
        running = {}
        for line in lines:  # ordered by employee, year, period start
            key = (line.employee_id.id, line.year_id.id)
            running[key] = running.get(key, 0) + line.amount_units
            totals[line.id] = running[key]
        for line in self:
            line.running_total = self._display_units(totals.get(line.id, 0))

    @api.model
    def _display_units(self, count):
        """``count`` exact units as a displayed amount (float, two decimals)."""
        return float(rule_angka_kredit.display(rule_angka_kredit.from_units(count)))

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Sums of ``amount`` (list group rows, pivot, the smart button) add the
        exact units and round once, never the rounded amounts."""
        if aggregate_spec == "amount:sum":
            units = self._read_group_select("amount_units:sum", query)
            return SQL(
                "ROUND(COALESCE(%s, 0)::numeric / %s, 2)",
                units,
                rule_angka_kredit.DENOMINATOR,
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def _record(self, evaluations):
        """Ledger lines for the JF among ``evaluations``, by the agency's basis:
        the annual evaluation, or each periodic one pro rata."""
        rows = []
        basis = {c.id: c.kinerja_ak_basis for c in evaluations.company_id}
        for evaluation in evaluations:
            if not evaluation.jf_jenjang or not evaluation.predicate:
                continue
            annual = evaluation.period_kind == "annual"
            if (basis[evaluation.company_id.id] == "annual") != annual:
                continue
            predicate, jenjang = evaluation.predicate, evaluation.jf_jenjang
            rows.append(
                {
                    "evaluation_id": evaluation.id,
                    "employee_id": evaluation.employee_id.id,
                    "company_id": evaluation.company_id.id,
                    "year_id": evaluation.year_id.id,
                    "period_id": evaluation.period_id.id,
                    "predicate": predicate,
                    "jf_jenjang": jenjang,
                    "months": evaluation.months,
                    "percentage": int(rule_angka_kredit.PERCENT[predicate]),
                    "coefficient": float(rule_angka_kredit.COEFFICIENT[jenjang]),
                    "amount": float(
                        rule_angka_kredit.angka_kredit(predicate, jenjang, evaluation.months)
                    ),
                    "amount_units": rule_angka_kredit.units(predicate, jenjang, evaluation.months),
                }
            )
        return self._insert(rows)

    @api.model
    def _insert(self, rows):
        """One INSERT per 1,000 lines: confirming an agency's distributions writes
        thousands of them at once (the ORM's create costs ~0.5 ms a line)."""
        if not rows:
            return self.browse()
        periods = {
            p.id: p.date_start
            for p in self.env["hr.kinerja.period"].browse({row["period_id"] for row in rows})
        }
        ids = bulk.insert(
            self.env,
            self._table,
            [*rows[0], "date_start"],
            [[*row.values(), periods[row["period_id"]]] for row in rows],
        )
        self.invalidate_model()
        return self.browse(ids)

    def _kinerja_recompute_amounts(self):
        """Recompute the stored amounts of these lines (all lines when empty) from
        their predicate, jenjang and months: the exact units and the displayed
        amount. The 18.0.1.1.0 migration calls it on every line written before
        amounts were exact (rounded per line, totals adding the rounded amounts).
        Returns the lines changed; lines the rule cannot price are left alone."""
        groups = {}
        for line in self:
            try:
                count = rule_angka_kredit.units(line.predicate, line.jf_jenjang, line.months)
            except ValueError:
                continue
            amount = self._display_units(count)
            if line.amount_units != count or line.amount != amount:
                groups.setdefault((count, amount), []).append(line.id)
        changed = self.browse()
        for (count, amount), ids in groups.items():
            records = self.browse(ids)
            workflow(records).write({"amount_units": count, "amount": amount})
            changed |= records
        return changed
