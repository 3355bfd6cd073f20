from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

WRITABLE_STATES = ("open", "reopened")


class HrKinerjaPeriodGuard(models.AbstractModel):
    """Nothing in a locked or closed period can be written (001 item 7).

    Every record that belongs to a performance period inherits this mixin: creating,
    changing or deleting it is refused while its period is not open, until an HR
    officer reopens the period with a recorded reason.
    """

    _name = "hr.kinerja.period.guard"
    _description = "Performance Period Lock Guard"

    period_id = fields.Many2one("hr.kinerja.period", required=True, index=True, ondelete="restrict")

    @api.model
    def _period_for_date(self, company, day):
        """The agency's periodic period (month or quarter, not the year) containing
        ``day``: the default period of a record dated that day."""
        if not (company and day):
            return self.env["hr.kinerja.period"]
        return self.env["hr.kinerja.period"].search(
            [
                ("company_id", "=", company.id),
                ("kind", "!=", "annual"),
                ("date_start", "<=", day),
                ("date_end", ">=", day),
            ],
            order="date_start desc",
            limit=1,
        )

    @api.model
    def _fill_period_from_date(self, vals_list):
        """Fill a missing period_id from the date and the agency (record creation
        without a form, e.g. from code or an import)."""
        Company = self.env["res.company"]
        for vals in vals_list:
            if vals.get("period_id"):
                continue
            company = Company.browse(vals.get("company_id")) or self.env.company
            day = self._vals_date(vals)
            if not day:
                continue  # a malformed date: the policy's check names it
            period = self._period_for_date(company, day)
            if period:
                vals["period_id"] = period.id
        return vals_list

    @api.model
    def _vals_date(self, vals):
        """The date of create values (today when there is none); None when it is not
        a date."""
        try:
            return fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
        except (ValueError, TypeError):
            return None

    def _check_period_writable(self, periods=None):
        if periods is None:
            periods = self._guarded_periods()
        closed = periods.filtered(lambda p: p.state not in WRITABLE_STATES)
        if closed:
            raise UserError(
                _(
                    "The period %(periods)s is %(state)s: nothing in it can be changed. "
                    "An HR officer can reopen it with a reason.",
                    periods=", ".join(closed.mapped("display_name")),
                    state=dict(closed._fields["state"]._description_selection(self.env))[
                        closed[0].state
                    ].lower(),
                )
            )

    def _guarded_periods(self):
        """The periods of these records; for a large batch (a period's evaluations)
        one SELECT DISTINCT instead of reading every record's period."""
        if len(self) <= 100:
            return self.period_id
        self.flush_recordset(["period_id"])
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT period_id FROM %s WHERE id = ANY(%s)",
                SQL.identifier(self._table),
                list(self._ids),
            )
        )
        return self.env["hr.kinerja.period"].browse(row[0] for row in self.env.cr.fetchall())

    @api.model_create_multi
    def create(self, vals_list):
        period_ids = {vals["period_id"] for vals in vals_list if vals.get("period_id")}
        self._check_period_writable(self.env["hr.kinerja.period"].browse(period_ids))
        return super().create(vals_list)

    def write(self, vals):
        self._check_period_writable()
        if vals.get("period_id"):
            self._check_period_writable(self.env["hr.kinerja.period"].browse(vals["period_id"]))
        return super().write(vals)

    def unlink(self):
        self._check_period_writable()
        return super().unlink()
