"""Values of Format D.1.3, the evaluation document when there is an objection (003
section Keberatan 7; 004 "DOKUMEN EVALUASI KINERJA PEGAWAI JIKA TERDAPAT
KEBERATAN"): the identities and the evaluation as D.1.1 prints them (with the
predicate and recommendation that were objected to), the objection, the evaluator's
explanation, the superior's decision and recommendation, three signatures dated
with the decision."""

from odoo import api, fields, models

from .evaluation_report import PREDICATE_NAMES, RATING_NAMES, document_values
from .wording import date_id, place_date

DECISION_ID = {
    "uphold": "Menguatkan hasil evaluasi kinerja pegawai.",
    "change": "Mengubah hasil evaluasi kinerja pegawai.",
}


def objection_values(objections):
    """{objection id: values of D.1.3}; ``objections`` are read by the caller."""
    objections = objections.sudo()
    common = document_values(objections.evaluation_id)
    today = fields.Date.context_today(objections)
    values = {}
    for objection in objections:
        evaluation = objection.evaluation_id
        c = dict(common[evaluation.id])
        decided = objection.state == "decided"
        if decided:
            # item 4 and 5 as the employee received them, before the decision
            c["predicate"] = PREDICATE_NAMES.get(objection.old_predicate) or "-"
        lines = []
        if decided:
            lines.append(DECISION_ID[objection.decision])
            if objection.decision == "change":
                if objection.new_result_rating:
                    lines.append(f"Rating hasil kerja: {RATING_NAMES[objection.new_result_rating]}")
                if objection.new_behaviour_rating:
                    lines.append(
                        f"Rating perilaku kerja: {RATING_NAMES[objection.new_behaviour_rating]}"
                    )
                lines.append(
                    f"Predikat kinerja pegawai: {PREDICATE_NAMES.get(evaluation.predicate, '-')}"
                )
            if (objection.decision_note or "").strip():
                lines.append(objection.decision_note.strip())
            if objection.decision == "change" and objection.new_recommendation:
                lines.append(f"Rekomendasi: {objection.new_recommendation.strip()}")
        recommendation = (
            objection.old_recommendation if decided else evaluation.recommendation
        ) or ""
        note = "\n".join(
            part
            for part in (
                (evaluation.note or "").strip(),
                f"Rekomendasi: {recommendation.strip()}" if recommendation.strip() else "",
            )
            if part
        )
        c.update(
            {
                "note": note,
                "objection": (objection.reasons or "").strip(),
                "filed": date_id(objection.filed_date) if objection.filed_date else "",
                "explanation": (objection.evaluator_explanation or "").strip(),
                "employee_explanation": (objection.employee_explanation or "").strip(),
                "decision": "\n".join(lines),
                "sign_place_date": place_date(
                    evaluation.company_id, objection.decided_date if decided else None
                ),
                "today": today,
            }
        )
        values[objection.id] = c
    return values


class ReportKeberatan(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_keberatan"
    _description = "Evaluation Document with an Objection (D.1.3)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.keberatan"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.keberatan",
            "docs": docs,
            "d13": objection_values(docs),
        }
