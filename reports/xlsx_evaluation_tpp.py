from collections import defaultdict

from odoo import models

from ..rules import calendar as rule_calendar
from ..rules import constants as rule_constants
from . import xlsx_common

NOTES = (
    "Setiap kolom periode memuat predikat kinerja pegawai hasil evaluasi kinerja periode "
    "itu; periode tanpa evaluasi, atau yang belum dinilai, dibiarkan kosong.",
    "Huruf miring: predikat sudah dinilai tetapi belum ditetapkan (distribusi predikat "
    "satuan organisasi belum dikonfirmasi).",
    "Besaran tunjangan kinerja tidak dihitung di sini: ditetapkan oleh instansi sesuai "
    "ketentuan peraturan perundang-undangan.",
)


class ReportEvaluationTppXlsx(models.AbstractModel):
    """The basis of the performance allowance (tunjangan kinerja/TPP): the
    predicate of each employee in each period of the year, as evaluated (003 Pasal
    30: the evaluation documents are the basis of its payment). Data only: no
    amounts or percentages, which the agency sets under its own regulation."""

    _name = "report.hr_kinerja_asn.evaluation_tpp_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Performance Allowance Basis (XLSX)"

    def _by_year(self, evaluations):
        """[(year, evaluations)] of the selected evaluations."""
        evaluations.check_access("read")
        ids = defaultdict(list)
        for evaluation in evaluations:
            ids[evaluation.year_id].append(evaluation.id)
        return [(year, evaluations.browse(ids[year])) for year in ids]

    def generate_xlsx_report(self, workbook, data, records):
        fmt = xlsx_common.formats(workbook)
        for year, evaluations in sorted(self._by_year(records), key=lambda g: -g[0].year):
            self._write_year(workbook, fmt, year, evaluations)

    @staticmethod
    def _column_name(period):
        if period.kind == "month":
            return rule_calendar.MONTHS_ID[period.number - 1]
        if period.kind == "quarter":
            return f"Triwulan {rule_calendar.ROMAN[period.number - 1]}"
        return "Tahunan"

    def _write_year(self, workbook, fmt, year, evaluations):
        sheet = xlsx_common.add_sheet(workbook, f"TPP {year.year}")
        row = xlsx_common.write_heading(
            sheet,
            fmt,
            "REKAPITULASI PREDIKAT KINERJA PEGAWAI SEBAGAI DASAR TUNJANGAN KINERJA",
            [("INSTANSI", year.company_id.name), ("TAHUN", year.year)],
        )
        for note in NOTES:
            sheet.write(row, 1, note, fmt["note"])
            row += 1
        row += 1
        # the periodic periods in order, the annual one last
        periods = year.period_ids.sorted(lambda p: (p.kind == "annual", p.date_start))
        columns = [
            ("No", 5, "center"),
            ("Nama", 30, "cell"),
            ("NIP", 21, "cell"),
            ("Jabatan", 30, "cell"),
            ("Pangkat/Gol. Ruang", 22, "cell"),
            ("Unit Kerja", 26, "cell"),
        ] + [(self._column_name(p), 14, "cell") for p in periods]
        position = {period.id: index for index, period in enumerate(periods, 6)}
        cells = defaultdict(lambda: [None] * len(columns))
        latest = {}
        for evaluation in evaluations.sorted(
            lambda e: (e.period_id.kind == "annual", e.period_id.date_start)
        ):
            employee = evaluation.employee_id
            latest[employee] = evaluation
            if evaluation.state != "draft" and evaluation.period_id.id in position:
                cells[employee][position[evaluation.period_id.id]] = (
                    rule_constants.PREDICATE_NAMES.get(evaluation.predicate),
                    "cell" if evaluation.state == "confirmed" else "pending",
                )
        identities = {
            employee: employee._kinerja_identity(
                job_title=evaluation.job_title, unit=evaluation.department_id
            )
            for employee, evaluation in latest.items()
        }
        employees = sorted(identities, key=lambda e: (identities[e]["name"] or "", e.id))
        rows = []
        for number, employee in enumerate(employees, 1):
            identity = identities[employee]
            values = cells[employee]
            values[:6] = [
                number,
                identity["name"],
                identity["nip"],
                identity["jabatan"],
                identity["pangkat"],
                identity["unit"],
            ]
            rows.append(values)
        xlsx_common.write_table(sheet, fmt, row, columns, rows)
