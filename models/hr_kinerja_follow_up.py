from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.tools.translate import LazyTranslate

from ..rules import follow_up as rule_follow_up

_lt = LazyTranslate(__name__)

# The evaluation's own fields for the rule's names (rules/follow_up.py).
FIELDS = {"asn_type": "employee_id.asn_type"}
ACTIONS = {
    rule_follow_up.SUCCESSION: {
        "name": _lt("Priority: Succession and Competency Development"),
        "help": _lt(
            "Employees rated Sangat Baik: priority for the succession programme and "
            "for competency development (003 Pasal 29(1)). The Annual filter is on; remove "
            "it to see a period."
        ),
        "context": {"search_default_annual": 1},
    },
    rule_follow_up.DEVELOPMENT: {
        "name": _lt("Development Plan Needed"),
        "help": _lt(
            "Employees rated Butuh Perbaikan, Kurang/Misconduct or Sangat Kurang: "
            "training needs, competency development and the problems the evaluation "
            "document names (003 section Tindak lanjut 11)."
        ),
        "context": {"search_default_group_period": 1},
    },
    rule_follow_up.PPPK_BELOW_TARGET: {
        "name": _lt("PPPK Below Their Agreed Targets"),
        "help": _lt(
            "PPPK whose results are rated below expectations: the targets agreed in "
            "the work contract were not reached (003 Pasal 31(2)). Check the indicators' "
            "achievement and the reasons of the suggestions on each evaluation."
        ),
        "context": {"search_default_group_period": 1},
    },
}


class HrKinerjaEvaluationFollowUp(models.Model):
    """The follow-up lists of HR officers (003 Pasal 28-31, section Tindak lanjut
    11): the evaluations of the agency that call for an award, a development plan
    or, for a PPPK, the contract's sanction; each row opens the evaluation with the
    evidence (ratings, indicator achievement, the reasons of the suggestions, the
    documents). Defined once in rules/follow_up.py."""

    _inherit = "hr.kinerja.evaluation"

    @api.model
    def _follow_up_domain(self, name):
        """The rated evaluations of the user's agencies on the list ``name``."""
        domain = [("state", "!=", "draft"), ("company_id", "in", self.env.companies.ids)]
        for field, operator, value in rule_follow_up.criteria(name):
            domain.append(
                (
                    FIELDS.get(field, field),
                    operator,
                    list(value) if isinstance(value, tuple) else value,
                )
            )
        return domain

    @api.model
    def _follow_up(self, name):
        """The evaluations on the list ``name`` (HR officers only)."""
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            raise AccessError(_("The follow-up lists are for HR officers."))
        return self.search(self._follow_up_domain(name))

    @api.model
    def action_follow_up(self, name):
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            raise AccessError(_("The follow-up lists are for HR officers."))
        spec = ACTIONS[name]
        view = self.env.ref(f"hr_kinerja_asn.hr_kinerja_evaluation_view_list_{name}")
        return {
            "type": "ir.actions.act_window",
            "name": str(spec["name"]),
            "res_model": self._name,
            "view_mode": "list,form",
            "views": [(view.id, "list"), (False, "form")],
            "search_view_id": self.env.ref("hr_kinerja_asn.hr_kinerja_evaluation_view_search").id,
            "domain": self._follow_up_domain(name),
            "context": {**spec["context"], "kinerja_follow_up": name},
            "help": f"<p>{spec['help']}</p>",
        }
