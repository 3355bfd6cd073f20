from odoo import api, models

from .wording import (
    ASPECTS_ID,
    CORE_VALUES_ID,
    PERSPECTIVES_ID,
    agency_day,
    core_value_id,
    date_range,
    place_date,
    quantity_id,
)

# The forms print the regulation's wording whatever the user's language (003 Lampiran).
LEADERS = "PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
STAFF = "PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
HEADINGS = {
    "a_1_1": ("FORMAT A.1.1", "KUALITATIF", LEADERS),
    "a_1_2": ("FORMAT A.1.2", "KUANTITATIF", LEADERS),
    "a_1_6": ("FORMAT A.1.6", "KUALITATIF", STAFF),
    "a_1_7": ("FORMAT A.1.7", "KUANTITATIF", STAFF),
}
QUALITY_LEVELS = [
    ("outcome", "Outcome"),
    ("intermediate_outcome", "Outcome Antara"),
    ("output_low_control", "Output Kendali Rendah"),
]
REPORTING_PERIODS = [
    ("monthly", "Bulanan"),
    ("quarterly", "Triwulanan"),
    ("semester", "Semesteran"),
    ("annual", "Tahunan"),
]
RESOURCES = {
    "sdm": "Sumber Daya Manusia",
    "anggaran": "Anggaran",
    "peralatan": "Peralatan Kerja",
    "pendampingan": "Pendampingan Pimpinan",
    "sarana": "Sarana dan Prasarana",
}
CONSEQUENCES = {
    "positive": "Apabila memenuhi ekspektasi Pimpinan",
    "negative": "Apabila tidak memenuhi ekspektasi Pimpinan",
}


def _behaviour_wording(line):
    """(name, guide) of an SKP's behaviour line in the form's Indonesian; the line's
    own guide when its value is not one of the seven."""
    if line.core_value_id.code in CORE_VALUES_ID:
        name, guides = core_value_id(line.core_value_id)
        return name, "\n".join(guides)
    return line.core_value_id.name, line.guide


class ReportSkp(models.AbstractModel):
    """Values of the SKP forms (003 Lampiran, Format A.1.1-A.1.8): the heading, period,
    identity and signature blocks shared by all, and each form's own rows."""

    _name = "report.hr_kinerja_asn.report_skp"
    _description = "SKP Form (A.1.1/A.1.2/A.1.6/A.1.7)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.skp"].browse(docids)
        # The identity blocks read the employees as superuser: check the SKP first.
        docs.check_access("read")
        # the indicators of every SKP in one read (a bundle prints many SKPs)
        docs.rhk_ids.fetch(["indicator_ids"])
        return {
            "doc_ids": docs.ids,
            "doc_model": "hr.kinerja.skp",
            "docs": docs,
            "forms": {skp.id: self._skp_values(skp) for skp in docs},
        }

    @api.model
    def _skp_values(self, skp):
        start, end = skp.date_start, skp.date_end
        code, approach, audience = HEADINGS[skp.form or "a_1_7"]
        signed = skp.set_date or skp.agreed_date
        signed_on = agency_day(skp.year_id.calendar_id, signed)
        return {
            "form": skp.form,
            "form_code": code,
            "approach": approach,
            "audience": audience,
            "agency": (skp.company_id.name or "").upper(),
            "period": f"PERIODE PENILAIAN: {date_range(start, end)}",
            "left": skp.employee_id._kinerja_identity(skp.job_title, skp.department_id),
            "right": skp.evaluator_id._kinerja_identity() if skp.evaluator_id else {},
            "place_date": place_date(skp.company_id, signed_on),
            "sections": [
                ("A. UTAMA", skp.rhk_ids.filtered(lambda r: r.kind == "utama")),
                ("B. TAMBAHAN", skp.rhk_ids.filtered(lambda r: r.kind == "tambahan")),
            ],
            "table_rows": self._table_rows(skp),
            "targets": {iki.id: self._target(iki) for iki in skp.rhk_ids.indicator_ids},
            "perspectives": PERSPECTIVES_ID,
            "behaviours": [(*_behaviour_wording(b), b) for b in skp.behaviour_ids],
        }

    @api.model
    def _target(self, iki):
        if iki.skp_id.approach == "quantitative":
            return quantity_id(iki.target_value, iki.target_unit)
        return iki.target_text or ""

    @api.model
    def _table_rows(self, skp):
        """The rows of the tabular forms A.1.2 and A.1.7, section by section: one row per
        indicator, the RHK spanning its indicators and (A.1.7) the leader's RHK spanning
        the RHKs that intervene in it, numbered on through both sections."""
        sections, number = [], 0
        for kind, title in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
            rows, groups = [], {}
            for rhk in skp.rhk_ids.filtered(lambda r, k=kind: r.kind == k):
                key = rhk.parent_rhk_id.id if skp.form == "a_1_7" else rhk.id
                groups.setdefault(key or f"rhk{rhk.id}", []).append(rhk)
            for rhks in groups.values():
                number += 1
                group_rows = []
                for rhk in rhks:
                    indicators = list(rhk.indicator_ids) or [None]
                    for index, iki in enumerate(indicators):
                        group_rows.append(
                            {
                                "rhk": rhk if index == 0 else None,
                                "rhk_span": len(indicators),
                                "aspect": ASPECTS_ID.get(iki.aspect, "") if iki else "",
                                "iki": iki.name if iki else "",
                                "target": self._target(iki) if iki else "",
                                "perspective": PERSPECTIVES_ID.get(rhk.perspective, ""),
                            }
                        )
                group_rows[0].update(
                    number=number,
                    span=len(group_rows),
                    parent=rhks[0].parent_rhk_id.sudo().name or "-",
                )
                rows += group_rows
            sections.append((title, rows))
        return sections


class ReportSkpManual(models.AbstractModel):
    """Format A.1.3: the manual of each indicator of a leader's SKP."""

    _name = "report.hr_kinerja_asn.report_skp_manual"
    _inherit = "report.hr_kinerja_asn.report_skp"
    _description = "Performance Indicator Manual (A.1.3)"

    @api.model
    def _skp_values(self, skp):
        values = super()._skp_values(skp)
        values.update(
            indicators=skp.rhk_ids.indicator_ids,
            quality_levels=QUALITY_LEVELS,
            reporting_periods=REPORTING_PERIODS,
        )
        return values


class ReportSkpMatrix(models.AbstractModel):
    """Format A.1.5: the leader's indicators as columns, each subordinate's role (the
    RHK that intervenes in it) under each, from the cascading links."""

    _name = "report.hr_kinerja_asn.report_skp_matrix"
    _inherit = "report.hr_kinerja_asn.report_skp"
    _description = "Role and Result Matrix (A.1.5)"

    @api.model
    def _skp_values(self, skp):
        values = super()._skp_values(skp)
        matrix, subordinates = skp._role_matrix()
        rhk = self.env["hr.kinerja.rhk"]
        jobs = {s.employee_id.id: s.job_title for s in subordinates}
        values.update(
            indicators=self.env["hr.kinerja.iki"].browse(matrix.indicators),
            rows=[
                (
                    employee,
                    jobs.get(employee.id) or employee.job_title or "",
                    [rhk.browse(matrix.roles(employee.id, i)) for i in matrix.indicators],
                )
                for employee in self.env["hr.employee"].browse(matrix.employees)
            ],
        )
        return values


class ReportSkpLampiran(models.AbstractModel):
    """Format A.1.8: resource support, accountability scheme and consequences."""

    _name = "report.hr_kinerja_asn.report_skp_lampiran"
    _inherit = "report.hr_kinerja_asn.report_skp"
    _description = "SKP Attachment (A.1.8)"

    @api.model
    def _skp_values(self, skp):
        values = super()._skp_values(skp)
        lines = skp.lampiran_ids

        def texts(section):
            result = []
            for line in lines.filtered(lambda x: x.section == section):
                prefix = RESOURCES.get(line.resource_type) or CONSEQUENCES.get(
                    line.consequence_type
                )
                if prefix and line.description.lower().startswith(prefix.lower()):
                    prefix = False  # the description already says it
                result.append((prefix, line.description))
            return result

        values.update(
            lampiran=[
                ("DUKUNGAN SUMBER DAYA", texts("resource")),
                ("SKEMA PERTANGGUNGJAWABAN", texts("accountability")),
                ("KONSEKUENSI", texts("consequence")),
            ]
        )
        return values
