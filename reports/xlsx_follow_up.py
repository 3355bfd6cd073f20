from odoo import models

from ..rules import follow_up as rule_follow_up
from . import xlsx_common
from .evaluation_report import PREDICATE_NAMES, RATING_NAMES

TITLES = {
    rule_follow_up.SUCCESSION: "PRIORITAS PROGRAM SUKSESI DAN PENGEMBANGAN KOMPETENSI",
    rule_follow_up.DEVELOPMENT: "PEGAWAI YANG MEMERLUKAN RENCANA PENGEMBANGAN",
    rule_follow_up.PPPK_BELOW_TARGET: "PPPK YANG TIDAK MENCAPAI TARGET KINERJA PERJANJIAN KERJA",
}


class ReportFollowUpXlsx(models.AbstractModel):
    """A follow-up list as a spreadsheet (003 Pasal 28-31): the selected
    evaluations with the evidence behind each row - ratings, predicate, the
    indicators' achievement and why the system suggested the ratings."""

    _name = "report.hr_kinerja_asn.follow_up_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Follow-up List (XLSX)"

    def generate_xlsx_report(self, workbook, data, records):
        records.check_access("read")
        name = self.env.context.get("kinerja_follow_up")
        fmt = xlsx_common.formats(workbook)
        sheet = xlsx_common.add_sheet(workbook, "Tindak Lanjut")
        agencies = ", ".join(records.company_id.mapped("name"))
        row = xlsx_common.write_heading(
            sheet,
            fmt,
            TITLES.get(name, "DAFTAR TINDAK LANJUT EVALUASI KINERJA PEGAWAI"),
            [("INSTANSI", agencies)],
        )
        columns = [
            ("NO", 5, "integer"),
            ("NAMA", 26, "cell"),
            ("NIP", 20, "cell"),
            ("JENIS ASN", 8, "center"),
            ("UNIT KERJA", 24, "cell"),
            ("JABATAN", 24, "cell"),
            ("PERIODE", 16, "cell"),
            ("RATING HASIL KERJA", 16, "center"),
            ("RATING PERILAKU KERJA", 16, "center"),
            ("PREDIKAT", 16, "center"),
            ("CAPAIAN INDIKATOR (%)", 12, "number"),
            ("DASAR SARAN RATING", 50, "cell"),
        ]
        rows = []
        ordered = records.sorted(
            lambda e: (e.period_id.date_start, e.department_id.name or "", e.employee_id.name)
        )
        for index, evaluation in enumerate(ordered, 1):
            employee = evaluation.employee_id
            rows.append(
                [
                    index,
                    employee.name,
                    employee.nip or "",
                    (employee.asn_type or "").upper(),
                    evaluation.department_id.name or "",
                    evaluation.job_title or "",
                    evaluation.period_id.name_official,
                    RATING_NAMES.get(evaluation.result_rating, ""),
                    RATING_NAMES.get(evaluation.behaviour_rating, ""),
                    PREDICATE_NAMES.get(evaluation.predicate, ""),
                    evaluation.achievement_percent,
                    evaluation.suggestion_note or "",
                ]
            )
        xlsx_common.write_table(sheet, fmt, row, columns, rows)
