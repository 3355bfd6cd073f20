from collections import defaultdict

from odoo import models

from . import xlsx_common


class ReportSkpContentsXlsx(models.AbstractModel):
    """The contents of the selected SKPs (e.g. of a unit), one row per indicator as
    Format A.1.7 lists them: the leader's RHK supported, the RHK, the aspect, the
    indicator and its target (003 Pasal 9; Lampiran Format A.1.6/A.1.7)."""

    _name = "report.hr_kinerja_asn.skp_contents_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "SKP Contents (XLSX)"

    COLUMNS = (
        ("No", 5, "center"),
        ("Nama", 28, "cell"),
        ("NIP", 21, "cell"),
        ("Jabatan", 28, "cell"),
        ("Unit Kerja", 24, "cell"),
        ("Jenis Rencana Hasil Kerja", 14, "cell"),
        ("Rencana Hasil Kerja Pimpinan yang Diintervensi", 40, "cell"),
        ("Rencana Hasil Kerja", 40, "cell"),
        ("Aspek", 11, "cell"),
        ("Indikator Kinerja Individu", 36, "cell"),
        ("Target", 12, "cell"),
        ("Satuan", 12, "cell"),
    )

    def generate_xlsx_report(self, workbook, data, skps):
        skps.check_access("read")
        fmt = xlsx_common.formats(workbook)
        rhks = self.env["hr.kinerja.rhk"].search([("skp_id", "in", skps.ids)])
        rhks_of = defaultdict(list)
        for rhk in rhks:
            rhks_of[rhk.skp_id.id].append(rhk)
        # The leader's RHK is printed on the employee's own SKP (Format A.1.7) even
        # when the employee may not open the leader's SKP.
        parents = {rhk.id: rhk.name for rhk in rhks.parent_rhk_id.sudo()}
        identities = {
            skp.id: skp.employee_id._kinerja_identity(
                job_title=skp.job_title, unit=skp.department_id
            )
            for skp in skps
        }
        by_year = defaultdict(list)
        for skp in skps:
            by_year[skp.year_id].append(skp)
        for year in sorted(by_year, key=lambda y: -y.year):
            sheet = xlsx_common.add_sheet(workbook, f"SKP {year.year}")
            year_skps = sorted(
                by_year[year], key=lambda s: (identities[s.id]["unit"], identities[s.id]["name"])
            )
            units = {identities[s.id]["unit"] for s in year_skps}
            lines = [("INSTANSI", year.company_id.name), ("TAHUN", year.year)]
            if len(units) == 1:  # several units: the rows tell each one
                lines.insert(1, ("UNIT KERJA", units.pop()))
            row = xlsx_common.write_heading(
                sheet,
                fmt,
                "SASARAN KINERJA PEGAWAI: RENCANA HASIL KERJA DAN INDIKATOR KINERJA INDIVIDU",
                lines,
            )
            rows = []
            for skp in year_skps:
                identity = identities[skp.id]
                head = [
                    identity["name"],
                    identity["nip"],
                    identity["jabatan"],
                    identity["unit"],
                ]
                for rhk in rhks_of[skp.id]:
                    rhk_values = [
                        rhk.kind.capitalize(),
                        parents.get(rhk.parent_rhk_id.id),
                        rhk.name,
                    ]
                    for indicator in rhk.indicator_ids or [None]:
                        rows.append(
                            [len(rows) + 1, *head, *rhk_values, *self._indicator(indicator)]
                        )
            xlsx_common.write_table(sheet, fmt, row, self.COLUMNS, rows)

    @staticmethod
    def _indicator(indicator):
        if indicator is None:
            return [None, None, None, None]
        return [
            indicator.aspect.capitalize(),
            indicator.name,
            indicator.target_text or indicator.target_value,
            indicator.target_unit,
        ]
