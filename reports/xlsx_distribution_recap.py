from collections import defaultdict

from odoo import models

from ..rules import constants as rule_constants
from . import xlsx_common


class ReportDistributionRecapXlsx(models.AbstractModel):
    """Rekapitulasi of a unit for a period: one sheet per distribution, one row per
    employee counted in it, with the ratings, the predicate and the credit points."""

    _name = "report.hr_kinerja_asn.distribution_recap_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Unit Performance Recap (XLSX)"

    COLUMNS = (
        ("No", 5, "center"),
        ("Nama", 30, "cell"),
        ("NIP", 21, "cell"),
        ("Jabatan", 32, "cell"),
        ("Pangkat/Gol. Ruang", 22, "cell"),
        ("Rating Hasil Kerja", 20, "cell"),
        ("Rating Perilaku Kerja", 20, "cell"),
        ("Predikat Kinerja", 18, "cell"),
        ("Angka Kredit", 12, "number"),
        ("Status", 14, "cell"),
    )

    def generate_xlsx_report(self, workbook, data, distributions):
        distributions.check_access("read")
        fmt = xlsx_common.formats(workbook)
        # the rows the user may read, in one search; the identities by prefetch
        evaluations = self.env["hr.kinerja.evaluation"].search(
            [("distribution_id", "in", distributions.ids)]
        )
        by_distribution = defaultdict(list)
        for evaluation in evaluations:
            by_distribution[evaluation.distribution_id.id].append(evaluation)
        states = xlsx_common.selection_labels(evaluations, "state")
        leaders = {employee.id: employee.name for employee in distributions.leader_id.sudo()}
        for distribution in distributions:
            sheet = xlsx_common.add_sheet(workbook, distribution.department_id.name)
            row = xlsx_common.write_heading(
                sheet,
                fmt,
                "REKAPITULASI EVALUASI KINERJA PEGAWAI",
                [
                    ("INSTANSI", distribution.company_id.name),
                    ("SATUAN ORGANISASI", distribution.department_id.name),
                    ("PIMPINAN SATUAN ORGANISASI", leaders.get(distribution.leader_id.id)),
                    ("PERIODE", distribution.period_id.name_official),
                    (
                        "PREDIKAT CAPAIAN KINERJA ORGANISASI",
                        rule_constants.ACHIEVEMENT_NAMES.get(distribution.achievement),
                    ),
                ],
            )
            rows = []
            for number, evaluation in enumerate(by_distribution[distribution.id], 1):
                identity = evaluation.employee_id._kinerja_identity(
                    job_title=evaluation.job_title, unit=evaluation.department_id
                )
                rows.append(
                    [
                        number,
                        identity["name"],
                        identity["nip"],
                        identity["jabatan"],
                        identity["pangkat"],
                        rule_constants.RATING_NAMES.get(evaluation.result_rating),
                        rule_constants.RATING_NAMES.get(evaluation.behaviour_rating),
                        rule_constants.PREDICATE_NAMES.get(evaluation.predicate),
                        evaluation.angka_kredit if evaluation.angka_kredit_id else None,
                        states.get(evaluation.state),
                    ]
                )
            xlsx_common.write_table(sheet, fmt, row, self.COLUMNS, rows)
