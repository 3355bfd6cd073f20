import os
import subprocess
import tempfile
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..reports import evaluation_report
from .common_evaluation import KinerjaEvaluationCase
from .common_report import ReportCaseMixin, pdf_text

RESULT = "hr_kinerja_asn.action_report_evaluation_result"
DOCUMENT = "hr_kinerja_asn.action_report_evaluation_document"
UNIT_DOCUMENTS = "hr_kinerja_asn.action_report_unit_evaluation_documents"
PREDIKAT = "hr_kinerja_asn.action_report_penetapan_predikat"
CAPAIAN = "hr_kinerja_asn.action_report_penetapan_capaian"
CAPAIAN_UNITS = "hr_kinerja_asn.action_report_penetapan_capaian_units"


@tagged("post_install", "-at_install")
class TestReportEvaluation(ReportCaseMixin, KinerjaEvaluationCase):
    """The evaluation documents as real PDFs: C.1.1-C.1.3 (003 Lampiran) with the
    picture of the distribution pattern, D.1.1/D.1.2, the two penetapan forms of 002
    Lampiran, the bulk print of a unit, and who may print them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["hr.kinerja.realisasi"].create(
            {
                "iki_id": cls.skp_of[cls.staff[0]].rhk_ids.indicator_ids.id,
                "period_id": cls.january.id,
                "value": 2,
            }
        )
        cls.env["hr.kinerja.feedback"].with_user(cls.kasi_user).create(
            {
                "receiver_id": cls.staff[0].id,
                "subject": "rhk",
                "rhk_id": cls.skp_of[cls.staff[0]].rhk_ids.id,
                "text": "Laporan rapi dan tepat waktu",
                "date": cls.january.date_start.replace(day=20),
                "period_id": cls.january.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self._achieve(self.seksi, "baik")
        for employee in self.staff - self.study:
            self._rate(self._of(self.evaluations, employee), "sesuai", "sesuai")
        study = self._of(self.evaluations, self.study).with_user(self.kasi_user)
        study.write({"ipk": 3.6})
        study.action_done()
        self.first = self._of(self.evaluations, self.staff[0])
        self.first.with_user(self.kasi_user).write(
            {"note": "Pertahankan ketepatan waktu", "recommendation": "Diklat analis kinerja"}
        )
        self.seksi_dist = self.first.distribution_id

    # -- helpers -------------------------------------------------------------------
    def _pdf(self, report, ids, user=None):
        return self._render_pdf(report, ids, user)

    def _text(self, pdf):
        return pdf_text(pdf)

    def _pages(self, pdf):
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
            handle.write(pdf)
        try:
            info = subprocess.run(
                ["pdfinfo", handle.name], capture_output=True, check=True
            ).stdout.decode()
        finally:
            os.unlink(handle.name)
        return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])

    def assertContains(self, text, *fragments):
        for fragment in fragments:
            self.assertIn(fragment, text)

    # -- C.1.x --------------------------------------------------------------------------
    def test_result_c13_of_a_staff_member(self):
        text = self._text(self._pdf(RESULT, self.first.ids, self.officer))
        self.assertContains(
            text,
            "FORMAT C.1.3",
            "HASIL EVALUASI KINERJA PEGAWAI",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "PERIODE: JANUARI 2027",
            "PERIODE PENILAIAN: 1 JANUARI SD 31 JANUARI TAHUN 2027",
            "Staf Kinerja 1",
            "Kepala Seksi Kinerja",
            "CAPAIAN KINERJA ORGANISASI BAIK",
            "POLA DISTRIBUSI",
            "(1) (2) (3) (4) (5) (6) (7) (8)",
            "Penilaian kinerja tertib (Staf Kinerja 1)",
            "2 dok",
            "Laporan rapi dan tepat waktu",
            "RATING HASIL KERJA SESUAI EKSPEKTASI",
            "Berorientasi Pelayanan",
            "RATING PERILAKU KERJA SESUAI EKSPEKTASI",
            "PREDIKAT KINERJA PEGAWAI BAIK",
            "Pejabat Penilai Kinerja",
        )
        # The picture: the bar chart's legend and the band of the guidance for Baik.
        self.assertContains(
            text, "Jumlah pegawai", "Batas pola distribusi (minimal - maksimal) untuk capaian Baik"
        )

    def test_result_pattern_picture_counts_and_band(self):
        html = self.env["ir.actions.report"]._render_qweb_html(RESULT, self.first.ids)[0]
        self.assertIn(b"<svg", html)
        # Five Baik, one Sangat Baik (the student's IPK): a bar labelled 5.
        self.assertEqual((self.seksi_dist.count_baik, self.seksi_dist.count_sangat_baik), (5, 1))
        self.assertIn(b'font-weight="bold">5</text>', html)
        self.assertEqual(html.count(b'stroke-dasharray="3,2"'), 6)  # five bands + legend

    def test_result_leader_forms_c11_c12_by_the_skp_form(self):
        skp = self.skp_of[self.staff[0]]
        self.env.cr.execute("UPDATE hr_kinerja_skp SET form = 'a_1_2' WHERE id = %s", [skp.id])
        self.env.cr.execute(
            "UPDATE hr_kinerja_rhk SET perspective = 'penerima_layanan' WHERE skp_id = %s",
            [skp.id],
        )
        self.env.invalidate_all()
        text = self._text(self._pdf(RESULT, self.first.ids))
        self.assertContains(
            text,
            "FORMAT C.1.2",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            "PERSPEKTIF",
            "Penerima Layanan",
            "(1) (2) (3) (4) (5) (6) (7)",
        )
        self.env.cr.execute(
            "UPDATE hr_kinerja_skp SET form = 'a_1_1', approach = 'qualitative' WHERE id = %s",
            [skp.id],
        )
        self.env.invalidate_all()
        html = self.env["ir.actions.report"]._render_qweb_html(RESULT, self.first.ids)[0]
        self.assertContains(
            html.decode(),
            "FORMAT C.1.1",
            "PENDEKATAN HASIL KERJA KUALITATIF",
            "Ukuran keberhasilan/Indikator Kinerja Individu, Target, dan Perspektif",
        )

    def test_period_wording(self):
        self.assertEqual(evaluation_report.period_label(self.january), "JANUARI 2027")
        self.assertEqual(evaluation_report.period_label(self.annual), "AKHIR")
        self.assertEqual(
            evaluation_report.period_range(self.annual), "1 JANUARI SD 31 DESEMBER TAHUN 2027"
        )
        quarter = self.env["hr.kinerja.period"].new(
            {"kind": "quarter", "number": 2, "date_start": "2027-04-01", "date_end": "2027-06-30"}
        )
        self.assertEqual(evaluation_report.period_label(quarter), "TRIWULAN II")
        self.assertEqual(evaluation_report.period_range(quarter), "1 APRIL SD 30 JUNI TAHUN 2027")

    # -- D.1.1 / D.1.2 -------------------------------------------------------------------
    def test_document_d11(self):
        text = self._text(self._pdf(DOCUMENT, self.first.ids, self.staff_users[0]))
        self.assertContains(
            text,
            "FORMAT D.1.1",
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            "PERIODE: JANUARI 2027",
            "1 PEGAWAI YANG DINILAI",
            "2 PEJABAT PENILAI KINERJA",
            "3 ATASAN PEJABAT PENILAI KINERJA",
            "Staf Kinerja 1",
            "Kepala Seksi Kinerja",
            "Kepala Bidang Penilaian",
            "CAPAIAN KINERJA ORGANISASI : BAIK",
            "PREDIKAT KINERJA PEGAWAI : BAIK",
            "CATATAN/REKOMENDASI",
            "Pertahankan ketepatan waktu",
            "Rekomendasi: Diklat analis kinerja",
            "7. Pegawai yang Dinilai",
            "8. Pejabat Penilai Kinerja",
        )
        self.assertNotIn("Atasan Pejabat Penilai Kinerja", text)

    def test_document_d12_when_escalated(self):
        self.first.sudo().write({"escalated": True})
        text = self._text(self._pdf(DOCUMENT, self.first.ids))
        self.assertContains(
            text, "FORMAT D.1.2", "6. Atasan Pejabat Penilai Kinerja", "7. Pegawai yang Dinilai"
        )
        self.assertNotIn("8. Pejabat Penilai Kinerja", text)

    # -- bulk ------------------------------------------------------------------------------
    def test_print_menu_with_several_evaluations_gives_one_pdf(self):
        two = self._pdf(
            DOCUMENT, self.evaluations.filtered(lambda e: e.employee_id in self.staff[:2]).ids
        )
        seksi = self.seksi_dist.evaluation_ids
        every = self._pdf(DOCUMENT, seksi.ids, self.officer)
        self.assertEqual(self._pages(two), 2)
        self.assertEqual(self._pages(every), len(seksi))
        text = self._text(every)
        for name in seksi.employee_id.mapped("name"):
            self.assertIn(name, text)

    def test_unit_documents_from_the_distribution(self):
        seksi = self.seksi_dist.evaluation_ids
        bidang = self._of(self.evaluations, self.kasi).distribution_id
        pdf = self._pdf(UNIT_DOCUMENTS, self.seksi_dist.ids, self.kasi_user)
        self.assertEqual(self._pages(pdf), len(seksi))
        text = self._text(pdf)
        self.assertEqual(text.count("FORMAT D.1.1"), len(seksi))
        for name in seksi.employee_id.mapped("name"):
            self.assertIn(name, text)
        both = self._pdf(UNIT_DOCUMENTS, (self.seksi_dist | bidang).ids, self.officer)
        self.assertEqual(self._pages(both), len(seksi | bidang.evaluation_ids))
        self.assertIn("Kepala Seksi Kinerja", self._text(both))

    # -- penetapan (002 Lampiran) ------------------------------------------------------------
    def test_penetapan_predikat(self):
        text = self._text(self._pdf(PREDIKAT, self.seksi_dist.ids, self.kasi_user))
        self.assertContains(
            text,
            "PENETAPAN PREDIKAT KINERJA PEGAWAI",
            "PADA SEKSI KINERJA",
            "TAHUN 2027",
            "SATUAN ORGANISASI : Seksi Kinerja",
            "PREDIKAT CAPAIAN KINERJA ORGANISASI : BAIK",
            "DISTRIBUSI PREDIKAT KINERJA PEGAWAI",
            "1 SANGAT BAIK 1",
            "2 BAIK 5",
            "TOTAL PEGAWAI 6",
            "POLA DISTRIBUSI SESUAI PENETAPAN PREDIKAT KINERJA PEGAWAI",
            "paling banyak 70% Baik",
            "Staf Kinerja 6",
            "Kepala Seksi Kinerja",
            "Batas pola distribusi",
        )

    def test_penetapan_capaian_from_the_distribution_and_the_achievements(self):
        bidang = self._of(self.evaluations, self.kasi).distribution_id
        text = self._text(self._pdf(CAPAIAN, bidang.ids, self.kabid_user))
        self.assertContains(
            text,
            "PENETAPAN CAPAIAN KINERJA ORGANISASI",
            "PADA BIDANG PENILAIAN",
            "NAMA SATUAN ORGANISASI DIBAWAHNYA",
            "Seksi Kinerja BAIK",
            "Seksi Disiplin -",
            "Kepala Bidang Penilaian",
        )
        achievement = self.env["hr.kinerja.org.achievement"].search(
            [("department_id", "=", self.seksi.id), ("period_id", "=", self.january.id)]
        )
        text = self._text(self._pdf(CAPAIAN_UNITS, achievement.ids, self.officer))
        self.assertContains(text, "PADA BIDANG PENILAIAN", "Seksi Kinerja BAIK")

    # -- Indonesian numbers and the documents' own dates --------------------------------------
    def _html(self, report, ids, user):
        reports = self.env["ir.actions.report"].with_user(user)
        return reports._render_qweb_html(report, ids)[0].decode()

    def test_numbers_in_indonesian_on_c_1_3(self):
        """The realisation prints with a decimal comma and a thousands dot, whatever
        the user's language."""
        realisation = self.env["hr.kinerja.realisasi"].search(
            [("skp_id", "=", self.first.skp_id.id), ("period_id", "=", self.january.id)]
        )
        realisation.sudo().value = 1250.5
        html = self._html(RESULT, self.first.ids, self.officer)
        self.assertIn("1.250,5 dok", html)
        self.assertNotIn("1250.5", html)

    def test_penetapan_dates_are_the_documents_own(self):
        """Printed later, the penetapan capaian is dated the day the achievements were
        set, the penetapan predikat the day the leader confirmed (in the leader's time
        zone: 20:00 UTC on 3 February is 4 February in Jakarta)."""
        achievement = self.env["hr.kinerja.org.achievement"].search(
            [("department_id", "=", self.seksi.id), ("period_id", "=", self.january.id)]
        )
        achievement.sudo().date_set = date(2027, 2, 2)
        self.kasi_user.tz = "Asia/Jakarta"
        self.seksi_dist.sudo().confirmed_date = datetime(2027, 2, 3, 20, 0)
        with freeze_time("2027-06-15 03:00:00"):
            capaian = self._html(CAPAIAN_UNITS, achievement.ids, self.officer)
            predikat = self._html(PREDIKAT, self.seksi_dist.ids, self.kasi_user)
        self.assertIn("2 Februari 2027", capaian)
        self.assertIn("4 Februari 2027", predikat)
        for html in (capaian, predikat):
            self.assertNotIn("15 Juni 2027", html)

    # -- access ------------------------------------------------------------------------------
    def test_an_employee_prints_only_their_own(self):
        colleague = self._of(self.evaluations, self.staff[1])
        reports = self.env["ir.actions.report"].with_user(self.staff_users[0])
        for report in (RESULT, DOCUMENT):
            with self.assertRaises(AccessError):
                reports._render_qweb_pdf(report, colleague.ids)
            with self.assertRaises(AccessError):
                reports._render_qweb_pdf(report, (self.first | colleague).ids)
            self.assertTrue(reports._render_qweb_pdf(report, self.first.ids)[0])
        # From the unit's distribution an employee gets their own document only.
        html = reports._render_qweb_html(UNIT_DOCUMENTS, self.seksi_dist.ids)[0].decode()
        self.assertIn("Staf Kinerja 1", html)
        self.assertNotIn("Staf Kinerja 2", html)
