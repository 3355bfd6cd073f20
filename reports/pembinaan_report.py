from odoo import _, api, models

from ..models.read_guard import check_readable
from .wording import date_id, place_date, year_range

# The nine statements of 003 Format B.1.8 as the form prints them, by XML id: the
# official wording, whatever the languages installed.
STATEMENTS_ID = {
    "guidance_statement_1": "Saya merasa diperhatikan dan dipahami",
    "guidance_statement_2": "Saya merasa tindakan/langkah yang telah saya lakukan dihargai",
    "guidance_statement_3": "Saya merasa dapat dengan bebas mengemukakan pendapat/pikiran saya",
    "guidance_statement_4": "Saya merasa bahwa pandangan yang diberikan berdasarkan "
    "data/fakta yang akurat",
    "guidance_statement_5": "Saya merasa bahwa pandangan/pendapat yang diberikan kepada saya "
    "bersifat positif",
    "guidance_statement_6": "Lebih banyak menggunakan metode bertanya dibandingkan menggurui",
    "guidance_statement_7": "Saya merasa dibantu dalam mencari solusi dan aksi tindak lanjut",
    "guidance_statement_8": "Saya tahu apa yang harus saya lakukan setelah mengikuti kegiatan "
    "bimbingan ini",
    "guidance_statement_9": "Saya memahami maksud dan tujuan kegiatan bimbingan kinerja ini",
}
SUBJECTS_ID = [
    ("employee", "TENTANG PEGAWAI"),
    ("guide", "TENTANG PIMPINAN/PIHAK LAIN YANG DIBERIKAN PENUGASAN KHUSUS"),
    ("both", "TENTANG PEGAWAI DAN PIMPINAN/PIHAK LAIN YANG DIBERIKAN PENUGASAN KHUSUS"),
]
FEEDBACK_ANSWERS_ID = {
    1: "Sangat Tidak Setuju",
    2: "Tidak Setuju",
    3: "Setuju",
    4: "Sangat Setuju",
}
# 003 Format B.1.9: the competencies and the scale as printed.
COMPETENCIES_ID = {
    "integritas": "Integritas",
    "kerjasama": "Kerjasama",
    "komunikasi": "Komunikasi",
    "orientasi_hasil": "Orientasi Pada Hasil",
    "pelayanan_publik": "Pelayanan Publik",
    "pengembangan_diri": "Pengembangan Diri dan Orang Lain",
    "mengelola_perubahan": "Mengelola Perubahan",
    "perekat_bangsa": "Perekat dan Pemersatu Bangsa",
}
KINDS_ID = [
    ("managerial", "Manajerial"),
    ("socio_cultural", "Sosio Kultural"),
    ("technical", "Teknis"),
]
SCALE_ID = [
    (
        "1",
        "Sangat Kurang",
        "Diberikan apabila pegawai yang dinilai kompetensinya jauh dibawah standar "
        "kompetensi yang dipersyaratkan pada jabatan pegawai bersangkutan (Tidak ada "
        "Indikator Kompetensi yang dipenuhi).",
    ),
    (
        "2",
        "Kurang Memadai",
        "Diberikan apabila pegawai yang dinilai kompetensinya dibawah standar kompetensi "
        "yang dipersyaratkan pada jabatan pegawai bersangkutan (1-2 Indikator Kompetensi "
        "yang dipenuhi)",
    ),
    (
        "3",
        "Memadai",
        "Diberikan apabila pegawai yang dinilai kompetensinya sesuai standar kompetensi "
        "yang dipersyaratkan pada jabatan pegawai yang bersangkutan (3 Indikator kompetensi "
        "yang dipenuhi)",
    ),
    (
        "4",
        "Diatas Memadai",
        "Diberikan apabila pegawai yang dinilai kompetensinya diatas standar kompetensi "
        "yang dipersyaratkan pada jabatan pegawai yang bersangkutan (3 indikator kompetensi "
        "dipenuhi dan menunjukkan perilaku diatas level kompetensinya)",
    ),
    (
        "5",
        "Istimewa",
        "Diberikan apabila pegawai yang dinilai kompetensinya jauh diatas standar "
        "kompetensi yang dipersyaratkan pada jabatan pegawai yang bersangkutan (3 "
        "Indikator perilaku dipenuhi dan menunjukkan perilaku jauh diatas level "
        "kompetensinya)",
    ),
]
GUIDE_ROLE = "Pimpinan / Pihak Lain yang Diberikan Penugasan Khusus"


class ReportPembinaanBase(models.AbstractModel):
    """What the forms of performance development (003 Formats B.1.6-B.1.10) share:
    the identities, the place and date, the assessment year. The records are read
    with the user's rights: who cannot read a form cannot print it - and learns
    nothing of it, not even whether it exists (the behaviour report is
    confidential)."""

    _name = "report.hr_kinerja_asn.pembinaan_base"
    _description = "Performance Development Forms (B.1.6-B.1.10)"

    _report_model = None

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env[self._report_model].browse(docids)
        check_readable(docs, _("You can print only the forms you may read."))
        return {
            "doc_ids": docs.ids,
            "doc_model": self._report_model,
            "docs": docs,
            "forms": {doc.id: self._form_values(doc) for doc in docs},
        }

    def _form_values(self, doc):
        employee = doc.employee_id
        evaluator = doc.evaluator_id if "evaluator_id" in doc._fields else doc.reporter_id
        year = doc.period_id.year_id.year or doc.date.year
        return {
            "agency": doc.company_id.name,
            "year": year,
            "period": year_range(year),
            "employee": employee._kinerja_identity(),
            "evaluator": evaluator._kinerja_identity() if evaluator else {},
            "place_date": place_date(doc.company_id, doc.date),
        }


class ReportCoaching(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_coaching"
    _inherit = "report.hr_kinerja_asn.pembinaan_base"
    _description = "Coaching Form (B.1.6)"

    _report_model = "hr.kinerja.coaching"

    def _form_values(self, doc):
        values = super()._form_values(doc)
        values["guide"] = doc.coach_id._kinerja_identity()
        values["guide_role"] = GUIDE_ROLE
        values["evaluator"] = values["evaluator"] or values["guide"]
        return values


class ReportMentoring(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_mentoring"
    _inherit = "report.hr_kinerja_asn.pembinaan_base"
    _description = "Mentoring Form (B.1.7)"

    _report_model = "hr.kinerja.mentoring"

    def _form_values(self, doc):
        values = super()._form_values(doc)
        values["guide"] = doc.mentor_id._kinerja_identity()
        values["guide_role"] = GUIDE_ROLE
        values["evaluator"] = values["evaluator"] or values["guide"]
        values["journal"] = [
            {
                "when": ", ".join(filter(None, [date_id(entry.date), entry.place])),
                "activity": entry.activity,
                "result": entry.result,
                "follow_up": entry.follow_up,
                "follow_up_date": date_id(entry.follow_up_date),
            }
            for entry in doc.journal_ids
        ]
        return values


class ReportGuidanceFeedback(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_guidance_feedback"
    _inherit = "report.hr_kinerja_asn.pembinaan_base"
    _description = "Feedback on Performance Guidance Form (B.1.8)"

    _report_model = "hr.kinerja.guidance.feedback"

    def _form_values(self, doc):
        values = super()._form_values(doc)
        statements = doc.line_ids.statement_id
        xmlids = statements.sudo().get_external_id()
        official = {
            statement.id: STATEMENTS_ID.get(xmlids.get(statement.id, "").split(".")[-1])
            or statement.with_context(lang="id_ID").name
            for statement in statements
        }
        lines = doc.line_ids.sorted(lambda line: (line.sequence, line.id))
        values["guidance"] = "COACHING" if doc.coaching_id else "MENTORING"
        values["guidance_date"] = date_id(doc._guidance().date)
        if not values["evaluator"] and doc.guide_id:
            values["evaluator"] = doc.guide_id._kinerja_identity()
        values["groups"] = [
            (
                label,
                [
                    {
                        "statement": official[line.statement_id.id],
                        "answer": FEEDBACK_ANSWERS_ID.get(line.score, ""),
                        "comment": line.comment,
                    }
                    for line in lines
                    if line.subject == subject
                ],
            )
            for subject, label in SUBJECTS_ID
        ]
        return values


class ReportCompetencyEvaluation(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_competency_evaluation"
    _inherit = "report.hr_kinerja_asn.pembinaan_base"
    _description = "Competency Evaluation Form (B.1.9)"

    _report_model = "hr.kinerja.competency.evaluation"

    def _form_values(self, doc):
        values = super()._form_values(doc)
        values["guide"] = doc.assessor_id._kinerja_identity()
        values["guide_role"] = GUIDE_ROLE
        values["evaluator"] = values["evaluator"] or values["guide"]
        lines = doc.line_ids.sorted(lambda line: (line.sequence, line.id))
        values["groups"] = [
            (
                label,
                [
                    {
                        "name": COMPETENCIES_ID.get(line.competency) or line.name,
                        "score": line.score or "",
                        "reason": line.reason,
                    }
                    for line in lines
                    if line.kind == kind
                ],
            )
            for kind, label in KINDS_ID
        ]
        values["scale"] = SCALE_ID
        return values


class ReportBehaviourReport(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_behaviour_report"
    _inherit = "report.hr_kinerja_asn.pembinaan_base"
    _description = "Work Behaviour Problem Report Form (B.1.10)"

    _report_model = "hr.kinerja.behaviour.report"

    def _form_values(self, doc):
        values = super()._form_values(doc)
        # BerAKHLAK by its Indonesian code: berorientasi_pelayanan -> Berorientasi Pelayanan
        values["core_values"] = ", ".join(
            value.code.replace("_", " ").title() for value in doc.core_value_ids
        )
        return values
