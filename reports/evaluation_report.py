"""Values of the evaluation documents: the results of the evaluation (Format
C.1.1-C.1.3, 003 Lampiran), the evaluation document (Format D.1.1/D.1.2) and the
two penetapan forms of 002 Lampiran. Prepared in batch: one search per kind of
line for all the printed evaluations."""

from collections import defaultdict

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..rules import constants as rule_constants
from ..rules import distribution as rule_distribution
from ..rules import proposal as rule_proposal
from .wording import (
    ASPECTS_ID,
    PERSPECTIVES_ID,
    agency_day,
    core_value_id,
    date_range,
    number_id,
    period_label,
    place_date,
    quantity_id,
)

RATING_NAMES = {k: v.upper() for k, v in rule_constants.RATING_NAMES.items()}
PREDICATE_NAMES = {
    **{k: v.upper() for k, v in rule_constants.PREDICATE_NAMES.items()},
    rule_constants.KURANG: "KURANG (MISCONDUCT)",
}
ACHIEVEMENT_NAMES = {k: v.upper() for k, v in rule_constants.ACHIEVEMENT_NAMES.items()}
# The pattern of the guidance in the form's words (002 D.5.c; as i18n/id.po).
PATTERN_ID = {
    rule_distribution.MOST: "sebagian besar pegawai %(predicates)s",
    rule_distribution.MAX_SHARE: "paling banyak %(percent)s%% %(predicates)s",
    rule_distribution.MIN_SHARE: "paling sedikit %(percent)s%% %(predicates)s",
    rule_distribution.AT_LEAST_ONE: "paling sedikit satu %(predicates)s",
    rule_distribution.NONE: "tidak ada %(predicates)s",
}
# Format C.1.x by the SKP form (A.1.1/A.1.2 leaders, A.1.6/A.1.7 JA/JF).
RESULT_FORMS = {"a_1_1": "C.1.1", "a_1_2": "C.1.2", "a_1_6": "C.1.3", "a_1_7": "C.1.3"}


def period_range(period):
    """What follows "PERIODE PENILAIAN:" for a period."""
    return date_range(period.date_start, period.date_end)


def predicate_svg(counts, allowed, achievement=None):
    """The distribution pattern as a picture (Format C.1.x "POLA DISTRIBUSI"): a bar
    per predicate with the unit's count, over a band from the lowest to the highest
    count the guidance allows for the unit's achievement (SE MenPANRB 3/2023)."""
    width, height, left, top, bottom = 600, 200, 34, 14, 160
    keys = rule_constants.PREDICATES
    top_count = max([1, *counts.values(), *(hi for _lo, hi in (allowed or {}).values())])
    scale = (bottom - top) / top_count
    step = (width - left - 10) / len(keys)

    def y(count):
        return bottom - count * scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="9" '
        'font-family="Liberation Sans, Arial, sans-serif">',
        f'<line x1="{left}" y1="{bottom}" x2="{width - 6}" y2="{bottom}" stroke="#000"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#000"/>',
    ]
    for tick in sorted({0, top_count // 2, top_count}):
        parts.append(f'<text x="{left - 4}" y="{y(tick) + 3:.1f}" text-anchor="end">{tick}</text>')
    for index, key in enumerate(keys):
        x = left + step * index + step / 2
        if allowed and key in allowed:
            lo, hi = allowed[key]
            parts.append(
                f'<rect x="{x - 30:.1f}" y="{y(hi):.1f}" width="60" '
                f'height="{max((hi - lo) * scale, 1.5):.1f}" fill="#cfe0f3" stroke="#4a78a8" '
                'stroke-dasharray="3,2"/>'
            )
        count = counts.get(key, 0)
        parts.append(
            f'<rect x="{x - 14:.1f}" y="{y(count):.1f}" width="28" '
            f'height="{count * scale:.1f}" fill="#444"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{y(count) - 3:.1f}" text-anchor="middle" '
            f'font-weight="bold">{count}</text>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 12}" text-anchor="middle">'
            f"{escape(rule_constants.PREDICATE_NAMES[key])}</text>"
        )
    legend_y = height - 12
    parts.append(f'<rect x="{left}" y="{legend_y - 8}" width="12" height="9" fill="#444"/>')
    parts.append(f'<text x="{left + 16}" y="{legend_y}">Jumlah pegawai</text>')
    if allowed:
        parts.append(
            f'<rect x="{left + 120}" y="{legend_y - 8}" width="12" height="9" fill="#cfe0f3" '
            'stroke="#4a78a8" stroke-dasharray="3,2"/>'
        )
        label = "Batas pola distribusi (minimal - maksimal)"
        if achievement:
            label += f" untuk capaian {rule_constants.ACHIEVEMENT_NAMES[achievement]}"
        parts.append(f'<text x="{left + 136}" y="{legend_y}">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def distribution_picture(distribution):
    """The picture of a distribution: its counts against the guidance band."""
    distribution = distribution.sudo()
    if not distribution:
        return False
    counts = {p: distribution[f"count_{p}"] for p in rule_constants.PREDICATES}
    achievement = distribution.achievement
    allowed = (
        rule_proposal.bounds(achievement, distribution.count_total)[0] if achievement else None
    )
    return predicate_svg(counts, allowed, achievement)


def pattern_id(achievement, n):
    """The pattern of the guidance for a unit of n with this achievement, in Indonesian."""
    lines = []
    for rule in rule_distribution.GUIDANCE.get(achievement, ()) if achievement else ():
        params = rule_distribution.params(rule, 0, n, achievement)
        if params.get("percent"):
            params["percent"] = number_id(params["percent"])
        params["predicates"] = " dan/atau ".join(
            rule_constants.PREDICATE_NAMES[p] for p in rule.predicates
        )
        lines.append(PATTERN_ID[rule.kind] % params)
    return lines


def identity(employee, job_title=None, unit=None):
    return employee._kinerja_identity(job_title=job_title, unit=unit) if employee else {}


def document_values(evaluations):
    """{evaluation id: the values shared by C.1.x and D.1.x}."""
    today = fields.Date.context_today(evaluations)
    values = {}
    for evaluation in evaluations:
        period = evaluation.period_id
        rater = (
            evaluation.evaluator_superior_id if evaluation.escalated else evaluation.evaluator_id
        )
        values[evaluation.id] = {
            "agency": (evaluation.company_id.name or "").upper(),
            "period_label": period_label(period),
            "period_range": period_range(period),
            "employee": identity(
                evaluation.employee_id, evaluation.job_title, evaluation.department_id
            ),
            "evaluator": identity(evaluation.evaluator_id),
            "superior": identity(evaluation.evaluator_superior_id),
            "rater": identity(rater),
            "achievement": ACHIEVEMENT_NAMES.get(evaluation.org_achievement) or "-",
            "result_rating": RATING_NAMES.get(evaluation.result_rating) or "-",
            "behaviour_rating": RATING_NAMES.get(evaluation.behaviour_rating) or "-",
            "predicate": PREDICATE_NAMES.get(evaluation.predicate) or "-",
            # Signed on the day the evaluation was done (rated); an evaluation not
            # yet rated (a draft printed for review) carries the print date.
            "place_date": place_date(evaluation.company_id, evaluation.evaluated_date or today),
        }
    return values


def _realisation_text(line):
    if line.value_text:
        return line.value_text
    return quantity_id(line.value, line.target_unit)


def result_values(evaluations):
    """{evaluation id: {"form", "rhk_sections", "behaviours", "picture"}} for C.1.x:
    the SKP's result plans and indicators with the realisations and the continuous
    feedback of the period, the core values with the leader's special expectation
    and the feedback on them."""
    evaluations = evaluations.sudo()
    skps = evaluations.skp_id
    if not evaluations:
        return {}
    start = min(evaluations.period_id.mapped("date_start"))
    end = max(evaluations.period_id.mapped("date_end"))
    realisations = evaluations.env["hr.kinerja.realisasi"].search(
        [("skp_id", "in", skps.ids), ("period_id.date_end", ">=", start)]
    )
    realisations_of = defaultdict(list)
    for line in realisations:
        realisations_of[line.iki_id.id].append(line)
    feedback = evaluations.env["hr.kinerja.feedback"].search(
        [
            ("receiver_id", "in", evaluations.employee_id.ids),
            ("date", ">=", start),
            ("date", "<=", end),
        ],
        order="date, id",
    )
    feedback_of = defaultdict(list)
    for item in feedback:
        key = ("rhk", item.rhk_id.id) if item.rhk_id else ("value", item.core_value_id.id)
        feedback_of[(item.receiver_id.id, *key)].append(item)
    pictures = {d.id: distribution_picture(d) for d in evaluations.distribution_id}
    skps.rhk_ids.fetch(["indicator_ids"])  # one read for every SKP

    result = {}
    for evaluation in evaluations:
        period = evaluation.period_id
        skp = evaluation.skp_id

        def in_period(record, period=period):
            return period.date_start <= record.date <= period.date_end

        def realised(iki, period=period):
            lines = [
                line
                for line in realisations_of[iki.id]
                if period.date_start <= line.period_id.date_start
                and line.period_id.date_end <= period.date_end
            ]
            if len(lines) == 1:
                return _realisation_text(lines[0]), [lines[0].review_note or ""]
            return (
                "\n".join(
                    f"{line.period_id.name_official}: {_realisation_text(line)}" for line in lines
                ),
                [line.review_note or "" for line in lines],
            )

        sections = []
        number = 0
        for kind, title in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
            rows = []
            for rhk in skp.rhk_ids.filtered(lambda r, k=kind: r.kind == k).sorted("sequence"):
                number += 1
                notes = [
                    f"{f.date.day}/{f.date.month}: {f.text}"
                    for f in feedback_of[(evaluation.employee_id.id, "rhk", rhk.id)]
                    if in_period(f)
                ]
                indicators = []
                for iki in rhk.indicator_ids.sorted("sequence"):
                    text, reviews = realised(iki)
                    target = iki.target_text or quantity_id(iki.target_value, iki.target_unit)
                    indicators.append(
                        {
                            "aspect": ASPECTS_ID.get(iki.aspect, iki.aspect or ""),
                            "name": iki.name,
                            "target": target,
                            "realisation": text or "-",
                            "review": "\n".join(r for r in reviews if r),
                        }
                    )
                rows.append(
                    {
                        "number": number,
                        "parent": rhk.parent_rhk_id.name or "",
                        "name": rhk.name,
                        "perspective": PERSPECTIVES_ID.get(rhk.perspective, ""),
                        "indicators": indicators
                        or [
                            {
                                "aspect": "",
                                "name": "",
                                "target": "",
                                "realisation": "-",
                                "review": "",
                            }
                        ],
                        "feedback": "\n".join(notes),
                    }
                )
            sections.append({"title": title, "rows": rows})
        behaviours = []
        for index, line in enumerate(skp.behaviour_ids.sorted("sequence"), start=1):
            value = line.core_value_id
            name, guides = core_value_id(value)
            guide = "\n".join(f"- {line}" for line in guides)
            notes = [
                f"{f.date.day}/{f.date.month}: {f.text}"
                for f in feedback_of[(evaluation.employee_id.id, "value", value.id)]
                if in_period(f)
            ]
            behaviours.append(
                {
                    "number": index,
                    "name": name,
                    "guide": guide,
                    "expectation": line.special_expectation or "",
                    "feedback": "\n".join(notes),
                }
            )
        result[evaluation.id] = {
            "form": RESULT_FORMS.get(skp.form, "C.1.3"),
            "approach": "KUALITATIF" if skp.approach == "qualitative" else "KUANTITATIF",
            "sections": sections,
            "behaviours": behaviours,
            "picture": pictures.get(evaluation.distribution_id.id),
        }
    return result


class ReportEvaluationResult(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_evaluation_result"
    _description = "Evaluation Result Report (C.1.1-C.1.3)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.evaluation"].browse(docids)
        docs.check_access("read")
        docs._kinerja_check_printable()
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.evaluation",
            "docs": docs,
            "common": document_values(docs),
            "result": result_values(docs),
        }


class ReportEvaluationDocument(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_evaluation_document"
    _description = "Evaluation Document Report (D.1.1/D.1.2)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.evaluation"].browse(docids)
        docs.check_access("read")
        docs._kinerja_check_printable()
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.evaluation",
            "docs": docs,
            "evaluations": docs,
            "common": document_values(docs),
        }


class ReportUnitEvaluationDocuments(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_unit_evaluation_documents"
    _description = "Evaluation Documents of a Unit (D.1.1/D.1.2)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.distribution"].browse(docids)
        docs.check_access("read")
        # Only the evaluations the user may read: an employee gets their own.
        evaluations = docs.evaluation_ids._filtered_access("read").sorted(
            lambda e: (e.period_id.date_start, e.department_id.name or "", e.employee_id.name)
        )
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.distribution",
            "docs": docs,
            "evaluations": evaluations,
            "common": document_values(evaluations),
        }


def _leader_identity(env, unit, period):
    leader = unit._kinerja_leaders(period.date_end).get(unit.id)
    return identity(env["hr.employee"].browse(leader)) if leader else {}


def _capaian_forms(env, pairs):
    """The penetapan capaian forms of (unit, period) pairs, the achievements of the
    units below each unit, signed by its leader."""
    Achievement = env["hr.kinerja.org.achievement"]
    today = fields.Date.context_today(Achievement)
    forms = []
    for unit, period in sorted(
        (p for p in pairs if p[0]), key=lambda p: (p[1].date_start, p[0].name)
    ):
        data = Achievement._penetapan_data(unit, period)
        forms.append(
            {
                "data": data,
                "unit": unit.name.upper(),
                "period_label": period_label(period),
                "year": period.date_end.year,
                "leader": _leader_identity(env, unit, period),
                # Signed on the day the achievements were set (the latest of them);
                # a draft printed before any is set carries the print date.
                "place_date": place_date(period.company_id, data["date_set"] or today),
            }
        )
    if not forms:
        raise UserError(
            _(
                "The achievements of the units at the top are set by the regional head: "
                "select the achievements of units below a unit leader."
            )
        )
    return forms


class ReportPenetapanCapaian(models.AbstractModel):
    """Penetapan capaian kinerja organisasi (002 Lampiran) printed from the
    distribution of the leader's unit: the achievements of the units below it."""

    _name = "report.hr_kinerja_asn.report_penetapan_capaian"
    _description = "Organisation Achievement Decision Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.distribution"].browse(docids)
        docs.check_access("read")
        forms = _capaian_forms(self.env, {(d.department_id, d.period_id) for d in docs})
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "forms": forms,
        }


class ReportPenetapanCapaianUnits(models.AbstractModel):
    """The same form printed from the achievements of the units below: one form
    per unit above and period."""

    _name = "report.hr_kinerja_asn.report_penetapan_capaian_units"
    _description = "Organisation Achievement Decision Report (from the Achievements)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.org.achievement"].browse(docids)
        docs.check_access("read")
        forms = _capaian_forms(
            self.env, {(r.department_id.kinerja_parent_id, r.period_id) for r in docs}
        )
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "forms": forms,
        }


class ReportPenetapanPredikat(models.AbstractModel):
    """Penetapan predikat kinerja pegawai of a unit (002 Lampiran). Everyone's
    predicate for the unit leader and HR officers; the rows of the people they
    evaluate for an evaluator; their own for an employee counted in the unit (the
    rows follow the evaluations' read access, see _penetapan_data)."""

    _name = "report.hr_kinerja_asn.report_penetapan_predikat"
    _description = "Employee Predicate Decision Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.distribution"].browse(docids)
        docs.check_access("read")
        forms = []
        for distribution in docs:
            period = distribution.period_id
            forms.append(
                {
                    "data": distribution._penetapan_data(),
                    "pattern": pattern_id(distribution.achievement, distribution.count_total),
                    "counts": [
                        (PREDICATE_NAMES[p], distribution[f"count_{p}"])
                        for p in rule_constants.PREDICATES
                    ],
                    "picture": distribution_picture(distribution),
                    "period_label": period_label(period),
                    "year": period.date_end.year,
                    "leader": identity(distribution.leader_id),
                    # Signed on the day the leader confirmed the distribution (in the
                    # agency's time zone); before that, the print date.
                    "place_date": place_date(
                        period.company_id,
                        agency_day(period.year_id.calendar_id, distribution.confirmed_date)
                        or fields.Date.context_today(self),
                    ),
                }
            )
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.distribution",
            "docs": docs,
            "forms": forms,
        }
