from odoo import _, fields, models
from odoo.exceptions import AccessError, ValidationError


class HrKinerjaMonitoringMixin(models.AbstractModel):
    """What the records of the year between planning and evaluation share: they
    belong to a set SKP and to a period of its year, and the employee writes them
    (the evaluator reviews) - 003 Pasal 15-19."""

    _name = "hr.kinerja.monitoring.mixin"
    _description = "Performance Monitoring Record"

    def _check_monitored_skp(self, skp, period):
        if skp.state not in ("set", "revised", "closed"):
            raise ValidationError(
                _(
                    "%(skp)s is not set yet: action plans and realisations follow a set SKP.",
                    skp=skp.display_name,
                )
            )
        if period.year_id != skp.year_id:
            raise ValidationError(
                _(
                    "The period %(period)s is not in the performance year of %(skp)s.",
                    period=period.display_name,
                    skp=skp.display_name,
                )
            )
        if period.date_end < skp.date_start or period.date_start > skp.date_end:
            raise ValidationError(
                _(
                    "%(skp)s does not cover the period %(period)s.",
                    skp=skp.display_name,
                    period=period.display_name,
                )
            )

    def _check_owner(self, skps, evaluator_too=False):
        """Only the employee of the SKP (or an HR officer; for action plans also the
        evaluator) records against it."""
        if self.env.su or self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            return
        for skp in skps:
            if evaluator_too and skp.evaluator_id.user_id == self.env.user:
                continue
            if skp.employee_id.user_id != self.env.user:
                raise AccessError(
                    _(
                        "You can only record against your own SKP, not that of %(employee)s.",
                        employee=skp.employee_id.name,
                    )
                )

    def _onchange_readable(self, values, field_name):
        """Whether the record that the form's onchange puts in ``field_name`` (from the
        values, as a default, or the record's own) is one the user may read: the
        fields related to it are computed from it, some as superuser."""
        if field_name in values:
            value = values[field_name]
        else:
            value = self.default_get([field_name]).get(field_name) or self[field_name].id
        if isinstance(value, dict) and set(value) <= {"id", "display_name"}:
            value = value.get("id")
        elif isinstance(value, list | tuple) and value:
            value = value[0]
        if not value:
            return True
        comodel = self.env[self._fields[field_name].comodel_name]
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        return comodel.browse(value).has_access("read")

    def _today(self):
        return fields.Date.context_today(self)
