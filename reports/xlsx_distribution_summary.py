from odoo import models

from ..rules import constants as rule_constants
from . import xlsx_common


class ReportDistributionSummaryXlsx(models.AbstractModel):
    """Ringkasan of the predicate distributions of the units: one row per
    distribution with the unit's achievement, the count of each predicate, whether
    the pattern is followed and the deviations (002 D.5)."""

    _name = "report.hr_kinerja_asn.distribution_summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Distribution Summary of the Units (XLSX)"

    def _columns(self):
        return (
            [
                ("No", 5, "center"),
                ("Periode", 16, "cell"),
                ("Satuan Organisasi", 32, "cell"),
                ("Pimpinan Satuan Organisasi", 28, "cell"),
                ("Predikat Capaian Kinerja Organisasi", 18, "cell"),
            ]
            + [(name, 12, "integer") for name in rule_constants.PREDICATE_NAMES.values()]
            + [
                ("Belum Dinilai", 10, "integer"),
                ("Total Pegawai", 10, "integer"),
                ("Sesuai Pola Distribusi", 12, "center"),
                ("Penyimpangan dari Pola Distribusi", 60, "cell"),
                ("Status", 12, "cell"),
            ]
        )

    def generate_xlsx_report(self, workbook, data, distributions):
        distributions.check_access("read")
        fmt = xlsx_common.formats(workbook)
        sheet = xlsx_common.add_sheet(workbook, "Ringkasan Distribusi")
        row = xlsx_common.write_heading(
            sheet,
            fmt,
            "RINGKASAN DISTRIBUSI PREDIKAT KINERJA PEGAWAI",
            [
                ("INSTANSI", ", ".join(distributions.company_id.mapped("name"))),
                ("PERIODE", ", ".join(distributions.period_id.mapped("name_official"))),
            ],
            first_column=2,
        )
        states = xlsx_common.selection_labels(distributions, "state")
        ordered = distributions.sorted(
            lambda d: (d.period_id.date_start, d.period_id.kind, d.department_id.complete_name)
        )
        leaders = {employee.id: employee.name for employee in ordered.leader_id.sudo()}
        rows = []
        for number, distribution in enumerate(ordered, 1):
            rows.append(
                [
                    number,
                    distribution.period_id.name_official,
                    distribution.department_id.name,
                    leaders.get(distribution.leader_id.id),
                    rule_constants.ACHIEVEMENT_NAMES.get(distribution.achievement),
                ]
                + [distribution[f"count_{p}"] for p in rule_constants.PREDICATES]
                + [
                    distribution.count_unrated,
                    distribution.count_total,
                    "Ya" if distribution.is_compliant else "Tidak",
                    distribution.violations,
                    states.get(distribution.state),
                ]
            )
        xlsx_common.write_table(sheet, fmt, row, self._columns(), rows)
