"""The records of the year printed as the regulation's forms: rencana aksi and its
realisation (003 Format B.1.1, B.1.2), the feedback records (B.1.3-B.1.5) and
Kutai Kartanegara's evaluation-and-dialogue minutes (000 Lampiran 1)."""

import re
from collections import defaultdict

from lxml import html as lxml_html

from odoo import api, fields, models

from .wording import (
    ASPECTS_ID,
    PERSPECTIVES_ID,
    agency_day,
    core_value_id,
    date_id,
    date_range,
    percent_id,
    period_label,
    place_date,
    quantity_id,
    year_range,
)

SOURCES_ID = {
    "leader": "Pimpinan",
    "peer": "Rekan kerja",
    "subordinate": "Bawahan",
    "other": "Pihak lain",
}
KINDS_ID = {"periodic": "berkala", "incidental": "insidental"}
MODES_ID = {"direct": "langsung", "indirect": "tidak langsung"}
# 003 Lampiran: the feedback record follows the SKP's approach and position.
FEEDBACK_FORMS = {"a_1_1": "b_1_3", "a_1_6": "b_1_3", "a_1_2": "b_1_4", "a_1_7": "b_1_5"}
MONITORED_STATES = ("set", "revised", "closed")
DECIMAL_POINT = re.compile(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.,]*\d)")


def assessment_span(skp):
    """PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026."""
    return date_range(skp.date_start, skp.date_end)


def target_of(iki):
    if iki.target_text:
        return iki.target_text
    return quantity_id(iki.target_value, iki.target_unit)


def realisation_of(line):
    """The realisation as one line: value (achievement against the period's target),
    or the words of a qualitative one."""
    if line.approach == "qualitative" or line.value_text:
        text = line.value_text or "-"
    else:
        text = quantity_id(line.value, line.target_unit)
    if line.achievement_percent:
        due = quantity_id(line.period_target, line.target_unit)
        text += f" ({percent_id(line.achievement_percent)} dari target periode {due})"
    return text


def evidence_of(line):
    """The evidence of a realisation: its links and the names of its files (read as the
    system once the realisation itself was read: a file's own rights follow its record)."""
    links = [link.strip() for link in (line.evidence_links or "").splitlines() if link.strip()]
    files = line.sudo().attachment_ids.mapped("name")
    return links, files


class ReportMonitoringMixin(models.AbstractModel):
    _name = "report.hr_kinerja_asn.monitoring_mixin"
    _description = "Monitoring Forms: Shared Helpers"

    def _identities(self, skp, employee=None):
        employee = employee or skp.employee_id
        left = employee._kinerja_identity(skp.job_title or None, skp.department_id or None)
        evaluator = skp.evaluator_id
        right = evaluator._kinerja_identity() if evaluator else {}
        return left, right

    def _today(self):
        return fields.Date.context_today(self)


class ReportRencanaAksi(models.AbstractModel):
    """B.1.1 (action plans) and, with ``realisation``, B.1.2 (action plans with the
    realisation and evidence), per result plan and period of an SKP."""

    _name = "report.hr_kinerja_asn.report_rencana_aksi"
    _inherit = "report.hr_kinerja_asn.monitoring_mixin"
    _description = "Action Plan Form (B.1.1)"

    _realisation = False

    @api.model
    def _get_report_values(self, docids, data=None):
        skps = self.env["hr.kinerja.skp"].browse(docids)
        skps.check_access("read")
        plans = self.env["hr.kinerja.rencana.aksi"].search([("skp_id", "in", skps.ids)])
        return self._values(skps, plans)

    def _values(self, skps, plans, periods=None):
        lines = self.env["hr.kinerja.realisasi"]
        if self._realisation:
            domain = [("skp_id", "in", skps.ids)]
            if periods is not None:
                domain.append(("period_id", "in", periods.ids))
            lines = lines.search(domain)
        by_rhk = defaultdict(lambda: defaultdict(lambda: {"plans": [], "lines": []}))
        for plan in plans:
            by_rhk[plan.rhk_id.id][plan.period_id]["plans"].append(plan)
        reviewed_on = defaultdict(list)
        for line in lines:
            if line.reviewed_date:
                reviewed_on[line.skp_id.id].append(line.reviewed_date)
            links, files = evidence_of(line)
            by_rhk[line.rhk_id.id][line.period_id]["lines"].append(
                {
                    "indicator": line.iki_id.name,
                    "value": realisation_of(line),
                    "links": links,
                    "files": files,
                    "note": line.note or "",
                }
            )
        today = self._today()
        forms = []
        for skp in skps:
            left, right = self._identities(skp)
            # The form's own date: B.1.1 - the day the SKP the plans belong to was set
            # (agreed); B.1.2 - the day the evaluator last reviewed a printed
            # realisation. A form not yet at that step carries the print date.
            if self._realisation:
                signed = max(reviewed_on[skp.id], default=False)
            else:
                signed = skp.set_date or skp.agreed_date
            signed_on = agency_day(skp.year_id.calendar_id, signed) or today
            rhks = []
            for number, rhk in enumerate(skp.rhk_ids, 1):
                periods = sorted(by_rhk[rhk.id].items(), key=lambda item: item[0].date_start)
                rhks.append(
                    {
                        "number": number,
                        "rhk": rhk,
                        "periods": [
                            {"label": period.name_official, **content}
                            for period, content in periods
                        ],
                    }
                )
            forms.append(
                {
                    "skp": skp,
                    "company": skp.company_id,
                    "span": assessment_span(skp),
                    "left": left,
                    "right": right,
                    "rhks": rhks,
                    "place_date": place_date(skp.company_id, signed_on),
                }
            )
        return {
            "doc_ids": skps.ids,
            "doc_model": "hr.kinerja.skp",
            "docs": skps,
            "forms": forms,
            "date_id": date_id,
        }


class ReportRealisasi(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_realisasi"
    _inherit = "report.hr_kinerja_asn.report_rencana_aksi"
    _description = "Action Plan Realisation Form (B.1.2)"

    _realisation = True


class ReportRealisasiPlans(models.AbstractModel):
    """B.1.2 printed from the action plans list: the selected plans with the
    realisation of their periods, one form per SKP."""

    _name = "report.hr_kinerja_asn.report_realisasi_plans"
    _inherit = "report.hr_kinerja_asn.report_realisasi"
    _description = "Action Plan Realisation Form (B.1.2) from Action Plans"

    @api.model
    def _get_report_values(self, docids, data=None):
        plans = self.env["hr.kinerja.rencana.aksi"].browse(docids)
        plans.check_access("read")
        values = self._values(plans.skp_id, plans, plans.period_id)
        return {**values, "doc_ids": plans.ids, "doc_model": plans._name, "docs": plans}


class ReportFeedbackRecord(models.AbstractModel):
    """B.1.3-B.1.5: the selected feedback, one document per employee and period, laid
    on the employee's SKP (results with their realisation, the seven core values) in
    the form of its approach and position."""

    _name = "report.hr_kinerja_asn.report_feedback_record"
    _inherit = "report.hr_kinerja_asn.monitoring_mixin"
    _description = "Continuous Feedback Record (B.1.3-B.1.5)"

    def _skps_for(self, groups):
        """{(employee id, period id): SKP} - the SKP covering each period, a set one
        first, the latest revision first; the user must be able to read it (checked by
        the caller)."""
        employees = self.env["hr.employee"].browse({key[0].id for key in groups})
        periods = self.env["hr.kinerja.period"].browse({key[1].id for key in groups})
        candidates = (
            self.env["hr.kinerja.skp"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("year_id", "in", periods.year_id.ids),
                ],
                order="revision desc, id desc",
            )
            .sorted(lambda skp: skp.state not in MONITORED_STATES)
        )
        found = {}
        for employee, period in groups:
            for skp in candidates:
                if (
                    skp.employee_id == employee
                    and skp.year_id == period.year_id
                    and skp.date_start <= period.date_end
                    and skp.date_end >= period.date_start
                ):
                    found[(employee.id, period.id)] = skp.with_env(self.env)
                    break
        return found

    @staticmethod
    def _feedback_row(feedback):
        giver = feedback.giver_id.sudo().name or ""
        return {
            "date": date_id(feedback.date),
            "source": SOURCES_ID.get(feedback.source, feedback.source),
            "giver": giver,
            "how": f"{KINDS_ID.get(feedback.kind, '')}, {MODES_ID.get(feedback.mode, '')}",
            "text": feedback.text,
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        feedbacks = self.env["hr.kinerja.feedback"].browse(docids)
        feedbacks.check_access("read")
        groups = defaultdict(lambda: self.env["hr.kinerja.feedback"])
        for feedback in feedbacks.sorted(lambda f: (f.date, f.id)):
            groups[(feedback.receiver_id, feedback.period_id)] |= feedback
        skps = self._skps_for(groups)
        for skp in skps.values():
            skp.check_access("read")
        all_skps = self.env["hr.kinerja.skp"].browse({skp.id for skp in skps.values()})
        lines = self.env["hr.kinerja.realisasi"].search(
            [
                ("skp_id", "in", all_skps.ids),
                ("period_id", "in", feedbacks.period_id.ids),
            ]
        )
        line_of = {(line.iki_id.id, line.period_id.id): line for line in lines}
        core_values = self.env["hr.kinerja.core.value"].search([])
        today = self._today()
        forms = []
        for (employee, period), given in groups.items():
            skp = skps.get((employee.id, period.id))
            forms.append(self._form(employee, period, given, skp, line_of, core_values, today))
        return {
            "doc_ids": feedbacks.ids,
            "doc_model": "hr.kinerja.feedback",
            "docs": feedbacks,
            "forms": forms,
            "date_id": date_id,
        }

    def _form(self, employee, period, given, skp, line_of, core_values, today):
        on_rhk = defaultdict(list)
        on_value = defaultdict(list)
        for feedback in given:
            if feedback.subject == "rhk":
                origin = feedback.sudo().rhk_id.origin_rhk_id or feedback.sudo().rhk_id
                on_rhk[origin.id].append(self._feedback_row(feedback))
            else:
                on_value[feedback.core_value_id.id].append(self._feedback_row(feedback))
        if skp:
            left, right = self._identities(skp, employee)
            rhks = skp.rhk_ids
            special = {b.core_value_id.id: b.special_expectation for b in skp.behaviour_ids}
            span = assessment_span(skp)
            code = FEEDBACK_FORMS.get(skp.form, "b_1_3")
        else:
            left, right = employee._kinerja_identity(), {}
            if given[:1].receiver_evaluator_id:
                right = given[:1].receiver_evaluator_id._kinerja_identity()
            rhks = self.env["hr.kinerja.rhk"]
            special = {}
            year = period.year_id
            span = year_range(year.year)
            code = "b_1_3"
        sections = []
        number = 0
        for kind, title in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
            rows = []
            for rhk in rhks.filtered(lambda r, k=kind: r.kind == k):
                number += 1
                indicators = []
                for iki in rhk.indicator_ids:
                    line = line_of.get((iki.id, period.id))
                    links, files = evidence_of(line) if line else ([], [])
                    indicators.append(
                        {
                            "iki": iki,
                            "aspect": ASPECTS_ID.get(iki.aspect, ""),
                            "target": target_of(iki),
                            "realisation": realisation_of(line) if line else "-",
                            "links": links,
                            "files": files,
                        }
                    )
                origin = rhk.origin_rhk_id or rhk
                rows.append(
                    {
                        "number": number,
                        "rhk": rhk,
                        "parent": rhk.parent_rhk_id.sudo().name or "",
                        "perspective": PERSPECTIVES_ID.get(rhk.perspective, ""),
                        "indicators": indicators or [{}],
                        "feedback": on_rhk.get(origin.id, []),
                    }
                )
            sections.append({"title": title, "rows": rows})
        placed = {
            row["rhk"].origin_rhk_id.id or row["rhk"].id for s in sections for row in s["rows"]
        }
        for origin_id, items in on_rhk.items():
            if origin_id not in placed:  # on a result plan of another SKP (revision, transfer)
                rhk = given.sudo().rhk_id.filtered(
                    lambda r, o=origin_id: (r.origin_rhk_id or r).id == o
                )[:1]
                number += 1
                section = sections[0 if rhk.kind == "utama" else 1]
                section["rows"].append(
                    {
                        "number": number,
                        "rhk": rhk,
                        "parent": "",
                        "perspective": "",
                        "indicators": [{}],
                        "feedback": items,
                    }
                )
        behaviours = []
        for number, value in enumerate(core_values, 1):
            name, guides = core_value_id(value)
            behaviours.append(
                {
                    "number": number,
                    "name": name,
                    "guides": guides,
                    "special": special.get(value.id) or "",
                    "feedback": on_value.get(value.id, []),
                }
            )
        return {
            "code": code,
            "employee": employee,
            "period": period_label(period, with_year=True),
            "company": employee.sudo().company_id,
            "span": span,
            "left": left,
            "right": right,
            "sections": sections,
            "behaviours": behaviours,
            # The record's own date: the day of the last feedback it records (the
            # print date only for an empty record, which the selection never gives).
            "place_date": place_date(
                employee.sudo().company_id, max(given.mapped("date"), default=False) or today
            ),
        }


class ReportDialog(models.AbstractModel):
    """000 Lampiran 1: Format Evaluasi dan Dialog Kinerja ASN (periodik) - the minutes
    of a performance dialogue."""

    _name = "report.hr_kinerja_asn.report_dialog"
    _inherit = "report.hr_kinerja_asn.monitoring_mixin"
    _description = "Performance Evaluation and Dialogue Form"

    @staticmethod
    def _achievement_rows(dialog):
        """The achievement table recorded at the dialogue (its snapshot), as rows of
        cell texts: No, rencana kinerja, indikator, target, realisasi, persentase."""
        if not dialog.achievement_html:
            return []
        tree = lxml_html.fromstring(str(dialog.achievement_html))
        rows = [
            [cell.text_content().strip() for cell in row.findall("td")]
            for row in tree.iter("tr")
            if row.findall("td")
        ]
        # The snapshot is written with a decimal point; the form prints the decimal
        # comma in the target, realisation and percentage cells (not the names).
        return [row[:3] + [DECIMAL_POINT.sub(r"\1,\2", cell) for cell in row[3:]] for row in rows]

    @api.model
    def _get_report_values(self, docids, data=None):
        dialogs = self.env["hr.kinerja.dialog"].browse(docids)
        dialogs.check_access("read")
        forms = []
        for dialog in dialogs:
            skp = dialog.sudo().skp_id
            employee = dialog.employee_id
            if skp:
                left = employee._kinerja_identity(skp.job_title or None, skp.department_id or None)
            else:
                left = employee._kinerja_identity()
            leader = dialog.evaluator_id
            is_evaluator = not skp or skp.evaluator_id == leader
            forms.append(
                {
                    "dialog": dialog,
                    "company": dialog.company_id,
                    "period": period_label(dialog.period_id, with_year=True),
                    "date": date_id(dialog.date),
                    "left": left,
                    "right": leader._kinerja_identity(),
                    "right_title": "PEJABAT PENILAI KINERJA"
                    if is_evaluator
                    else "ATASAN PEJABAT PENILAI KINERJA",
                    "rows": self._achievement_rows(dialog),
                    "place_date": place_date(dialog.company_id, dialog.date),
                }
            )
        return {
            "doc_ids": dialogs.ids,
            "doc_model": "hr.kinerja.dialog",
            "docs": dialogs,
            "forms": forms,
            "date_id": date_id,
        }
