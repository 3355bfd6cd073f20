from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models import ir_actions_report
from .common_monitoring import KinerjaMonitoringCase
from .common_report import ReportCaseMixin, embedded_fonts, pdf_text

SKP = "hr_kinerja_asn.hr_kinerja_skp_report"
MANUAL = "hr_kinerja_asn.hr_kinerja_skp_manual_report"
MATRIX = "hr_kinerja_asn.hr_kinerja_skp_matrix_report"
LAMPIRAN = "hr_kinerja_asn.hr_kinerja_skp_lampiran_report"


@tagged("post_install", "-at_install")
class TestReportSkp(ReportCaseMixin, KinerjaMonitoringCase):
    """The SKP forms of 003 Lampiran print from the data, as real PDFs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.city = "Sukamaju"
        cls.staff.nip = "198903032012051001"
        cls.kasi.nip = "198006142005032001"
        # A head of agency (JPT pratama) with a qualitative SKP: Format A.1.1.
        cls.badan = cls.env["hr.department"].create({"name": "Badan Kepegawaian Daerah"})
        cls.kepala = cls.env["hr.employee"].create(
            {
                "name": "Kepala Badan Kepegawaian",
                "department_id": cls.badan.id,
                "jabatan_type": "jpt_pratama",
                "asn_type": "pns",
                "job_title": "Kepala Badan",
            }
        )
        cls.badan.manager_id = cls.kepala
        cls.jpt_skp = cls._skp(
            cls.kepala, "Meningkatnya penerapan Sistem Merit", (), approach="qualitative"
        )
        cls.jpt_skp.rhk_ids.write(
            {
                "assigned_by": "Bupati Sukamaju",
                "perspective": "penerima_layanan",
                "indicator_ids": [
                    Command.create(
                        {
                            "name": "Sistem merit diterapkan di seluruh perangkat daerah",
                            "target_text": "Kategori sangat baik",
                            "purpose": "Mengukur penerapan sistem merit",
                            "definition": "Penilaian delapan aspek manajemen ASN",
                            "quality_level": "outcome",
                            "data_source": "Laporan penilaian KASN",
                            "reporting_period": "annual",
                        }
                    )
                ],
            }
        )
        # The colleague's draft supports the kasi's result plan: a role in A.1.5.
        cls.colleague_skp = cls._skp(
            cls.colleague,
            "Draf SK mutasi tersusun",
            ({"name": "Jumlah draf SK", "target_value": 50, "target_unit": "dokumen"},),
        )
        cls.colleague_skp.rhk_ids.parent_rhk_id = cls.kasi_rhk

    def _pdf_text(self, xmlid, records, user=None):
        return pdf_text(self._render_pdf(xmlid, records.ids, user))

    def _html(self, xmlid, records, user):
        html, _kind = (
            self.env["ir.actions.report"].with_user(user)._render_qweb_pdf(xmlid, records.ids)
        )
        return html.decode()

    def test_skp_quantitative_jf(self):
        """An administrative SKP with a quantitative approach prints as Format A.1.7."""
        self.assertEqual(self.staff_skp.form, "a_1_7")
        text = self._pdf_text(SKP, self.staff_skp)
        for expected in (
            "FORMAT A.1.7",
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUANTITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "KABUPATEN UJI KINERJA",
            "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "(1) (2) (3) (4) (5) (6)",
            "A. UTAMA",
            "B. TAMBAHAN",
            "Analis Mutasi",
            "198903032012051001",
            "Kepala Seksi Mutasi",
            "198006142005032001",
            "Layanan mutasi tepat waktu",
            "Jumlah SK mutasi",
            "100 dokumen",
            "Waktu",
            "PERILAKU KERJA",
            "Berorientasi Pelayanan",
            "Kolaboratif",
            "Ekspektasi Khusus Pimpinan",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
            "Sukamaju,",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("PERSPEKTIF", text)

    def test_skp_qualitative_jpt(self):
        """A head of agency's qualitative SKP prints as Format A.1.1."""
        self.assertEqual(self.jpt_skp.form, "a_1_1")
        text = self._pdf_text(SKP, self.jpt_skp)
        for expected in (
            "FORMAT A.1.1",
            "PENDEKATAN HASIL KERJA KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            "Kepala Badan Kepegawaian",
            "Meningkatnya penerapan Sistem Merit",
            "Jabatan Pimpinan yang memberikan penugasan: Bupati Sukamaju",
            "Indikator Kinerja Individu, Target, dan Perspektif",
            "Kategori sangat baik",
            "Penerima Layanan",
            "Akuntabel",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("DIINTERVENSI", text)

    def test_skp_batch(self):
        """Several SKPs print in one PDF, each in the layout of its own form."""
        qualitative_jf = self._skp(
            self.archivist,
            "Arsip mutasi tertata",
            ({"name": "Arsip tertata rapi", "target_text": "Seluruh arsip 2026"},),
            approach="qualitative",
        )
        qualitative_jf.rhk_ids.parent_rhk_id = self.kasi_rhk
        self.assertEqual(qualitative_jf.form, "a_1_6")
        text = self._pdf_text(SKP, self.jpt_skp | self.staff_skp | qualitative_jf)
        for expected in (
            "FORMAT A.1.1",
            "FORMAT A.1.7",
            "FORMAT A.1.6",
            "PENDEKATAN HASIL KERJA KUALITATIF BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "Rencana Hasil Kerja Pimpinan yang Diintervensi: Mutasi pegawai tertib",
            "Indikator Kinerja Individu dan Target",
            "Arsip tertata rapi: Seluruh arsip 2026",
        ):
            self.assertIn(expected, text)

    def test_manual(self):
        text = self._pdf_text(MANUAL, self.jpt_skp)
        for expected in (
            "FORMAT A.1.3",
            "MANUAL INDIKATOR KINERJA",
            "Kepala Badan Kepegawaian",
            "UKURAN KEBERHASILAN/INDIKATOR KINERJA",
            "Sistem merit diterapkan di seluruh perangkat daerah",
            "Mengukur penerapan sistem merit",
            "Penilaian delapan aspek manajemen ASN",
            "(X) Outcome",
            "Laporan penilaian KASN",
            "(X) Tahunan",
        ):
            self.assertIn(expected, text)

    def test_matrix(self):
        text = self._pdf_text(MATRIX, self.kasi_skp)
        for expected in (
            "FORMAT A.1.5",
            "MATRIKS PEMBAGIAN PERAN DAN HASIL",
            "OUTCOME ANTARA/OUTPUT/LAYANAN",
            "Kepala Seksi Mutasi",
            "Jumlah SK mutasi",
            "Pengadministrasi Mutasi",
            "Draf SK mutasi tersusun",
            "Analis Mutasi",
            "TIDAK ADA PERAN",
        ):
            self.assertIn(expected, text)

    def test_lampiran(self):
        self.env["hr.kinerja.skp.lampiran"].create(
            [
                {
                    "skp_id": self.colleague_skp.id,
                    "section": "resource",
                    "resource_type": "peralatan",
                    "description": "Pemindai dokumen untuk digitalisasi berkas.",
                },
                {
                    "skp_id": self.colleague_skp.id,
                    "section": "accountability",
                    "description": "Hasil kerja dilaporkan setiap bulan kepada Kepala Seksi.",
                },
                {
                    "skp_id": self.colleague_skp.id,
                    "section": "consequence",
                    "consequence_type": "positive",
                    "description": "Diusulkan mengikuti pelatihan.",
                },
            ]
        )
        text = self._pdf_text(LAMPIRAN, self.colleague_skp)
        for expected in (
            "FORMAT A.1.8",
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "Pengadministrasi Mutasi",
            "DUKUNGAN SUMBER DAYA",
            "Peralatan Kerja: Pemindai dokumen untuk digitalisasi berkas.",
            "SKEMA PERTANGGUNGJAWABAN",
            "Hasil kerja dilaporkan setiap bulan kepada Kepala Seksi.",
            "KONSEKUENSI",
            "Apabila memenuhi ekspektasi Pimpinan: Diusulkan mengikuti pelatihan.",
            "Pejabat Penilai Kinerja",
        ):
            self.assertIn(expected, text)

    def test_access(self):
        """A colleague who cannot read the SKP cannot print it; the employee and the
        evaluator can."""
        with self.assertRaises(AccessError):
            self._html(SKP, self.staff_skp, self.colleague_user)
        for xmlid in (MANUAL, MATRIX, LAMPIRAN):
            with self.assertRaises(AccessError):
                self._html(xmlid, self.staff_skp, self.colleague_user)
        self.assertIn("Analis Mutasi", self._html(SKP, self.staff_skp, self.staff_user))
        text = self._pdf_text(SKP, self.staff_skp, self.kasi_user)
        self.assertIn("Layanan mutasi tepat waktu", text)

    def test_every_server_prints_the_same_font(self):
        """The forms embed the Liberation Sans shipped in static/fonts (2.1.5, Arial's
        metrics), as text, whatever fonts the server has: wkhtmltopdf reads a
        fontconfig file that adds the addon's fonts to the server's and hides any
        other copy of the family."""
        pdf = self._render_pdf(SKP, self.staff_skp.ids)
        names, versions = embedded_fonts(pdf)
        self.assertTrue(names)
        self.assertTrue(all(name.startswith("LiberationSans") for name in names), names)
        self.assertIn("LiberationSans-Bold", names)
        self.assertEqual(versions, {"Version 2.1.5"})
        self.assertIn("SASARAN KINERJA PEGAWAI", pdf_text(pdf))
        text = ir_actions_report.fontconfig_text("/srv/fonts", "/etc/fonts/fonts.conf")
        self.assertIn('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>', text)
        self.assertIn("<dir>/srv/fonts</dir>", text)
        self.assertIn("<string>/srv/fonts/LiberationSans-BoldItalic.ttf</string>", text)
        self.assertNotIn("<include", ir_actions_report.fontconfig_text("/srv/fonts", None))
        self.assertEqual(
            ir_actions_report.base_config({"FONTCONFIG_FILE": "/tmp/x.conf"}), "/tmp/x.conf"
        )
