from odoo import models

from . import xlsx_common


class ReportProgressMatrixXlsx(models.AbstractModel):
    """The monitoring matrix agencies keep in spreadsheets: one row per unit and
    stage, one column per period (the months or quarters, then the annual one),
    each cell "done / total" on red when overdue, green when done."""

    _name = "report.hr_kinerja_asn.progress_matrix_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monitoring Matrix of the Units (XLSX)"

    def generate_xlsx_report(self, workbook, data, rows):
        rows.check_access("read")
        fmt = xlsx_common.formats(workbook)
        cell = {"border": 1, "align": "center", "valign": "top"}
        fmt["0_overdue"] = workbook.add_format({**cell, "bg_color": "#F4CCCC"})
        fmt["1_todo"] = workbook.add_format(cell)
        fmt["2_done"] = workbook.add_format({**cell, "bg_color": "#D9EAD3"})
        sheet = xlsx_common.add_sheet(workbook, "Matriks Monitoring")
        periods = rows.period_id.sorted(lambda p: (p.kind == "annual", p.date_start, p.sequence))
        row = xlsx_common.write_heading(
            sheet,
            fmt,
            "MATRIKS MONITORING SIKLUS MANAJEMEN KINERJA",
            [
                ("INSTANSI", ", ".join(rows.company_id.mapped("name"))),
                ("TAHUN", ", ".join(str(y) for y in rows.year_id.mapped("year"))),
            ],
        )
        columns = [
            ("No", 5, "center"),
            ("Satuan Organisasi", 32, "cell"),
            ("Tahapan", 18, "cell"),
        ] + [(period.name_official, 11, "1_todo") for period in periods]
        stages = xlsx_common.selection_labels(rows, "stage")
        cells = {}
        for record in rows:
            key = (record.department_id, record.stage)
            cells.setdefault(key, {})[record.period_id.id] = record
        ordered = sorted(cells, key=lambda k: (k[0].complete_name or "", k[1]))
        table = []
        for number, (unit, stage) in enumerate(ordered, 1):
            values = [number, unit.complete_name, stages.get(stage)]
            for period in periods:
                record = cells[(unit, stage)].get(period.id)
                values.append(
                    (f"{record.done} / {record.expected}", record.status) if record else None
                )
            table.append(values)
        row = xlsx_common.write_table(sheet, fmt, row, columns, table)
        sheet.write(
            row + 1,
            1,
            "Sel: selesai / jumlah; merah: lewat tenggat, hijau: selesai.",
            fmt["note"],
        )
