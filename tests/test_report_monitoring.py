import base64
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..reports.wording import agency_day, date_id
from .common_monitoring import QUANTITY, KinerjaMonitoringCase
from .common_report import ReportCaseMixin, pdf_text

LINK = "https://drive.kukarkab.go.id/mutasi/sk-februari.pdf"


@tagged("post_install", "-at_install")
class TestReportMonitoring(ReportCaseMixin, KinerjaMonitoringCase):
    """The records of the year as the regulation prints them: rencana aksi (003 Format
    B.1.1), its realisation with evidence (B.1.2), the feedback records (B.1.3-B.1.5)
    and Kutai Kartanegara's evaluation-and-dialogue minutes (000 Lampiran 1)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.city = "Tenggarong"
        cls.staff.nip = "199001152015031002"
        cls.kasi.nip = "198505202010011001"
        cls.staff.job_title = "Analis Mutasi Kepegawaian"
        Plan = cls.env["hr.kinerja.rencana.aksi"].with_user(cls.staff_user)
        cls.plan = Plan.create(
            {
                "rhk_id": cls.staff_rhk.id,
                "period_id": cls.february.id,
                "name": "Verifikasi berkas usul mutasi",
                "date_due": date(2026, 2, 20),
            }
        )
        cls.line = (
            cls.env["hr.kinerja.realisasi"]
            .with_user(cls.staff_user)
            .create(
                {
                    "iki_id": cls.quantity.id,
                    "period_id": cls.february.id,
                    "value": 25,
                    "evidence_links": LINK,
                    "attachment_ids": [
                        Command.create(
                            {
                                "name": "rekap-sk-februari.pdf",
                                "datas": base64.b64encode(b"%PDF-1.4 bukti"),
                            }
                        )
                    ],
                }
            )
        )
        cls.core_value = cls.env["hr.kinerja.core.value"].search(
            [("code", "=", "berorientasi_pelayanan")]
        )
        Feedback = cls.env["hr.kinerja.feedback"]
        cls.feedback = Feedback.with_user(cls.kasi_user).create(
            {
                "receiver_id": cls.staff.id,
                "period_id": cls.february.id,
                "date": date(2026, 2, 16),
                "source": "leader",
                "kind": "periodic",
                "subject": "rhk",
                "rhk_id": cls.staff_rhk.id,
                "text": "Verifikasi berkas sudah rapi, percepat penerbitan SK.",
            }
        ) | Feedback.with_user(cls.colleague_user).create(
            {
                "receiver_id": cls.staff.id,
                "period_id": cls.february.id,
                "date": date(2026, 2, 18),
                "source": "peer",
                "subject": "core_value",
                "core_value_id": cls.core_value.id,
                "text": "Pelayanan kepada pemohon mutasi ramah dan cepat.",
            }
        )

    def _pdf(self, xmlid, records, user=None):
        return pdf_text(self._render_pdf(f"hr_kinerja_asn.{xmlid}", records.ids, user))

    def assertAllIn(self, fragments, text):
        for fragment in fragments:
            self.assertIn(fragment, text)

    def _html(self, xmlid, records, user=None):
        reports = self.env["ir.actions.report"].with_user(user or self.env.user)
        return reports._render_qweb_html(f"hr_kinerja_asn.{xmlid}", records.ids)[0].decode()

    def test_numbers_in_indonesian_on_b_1_2(self):
        """Indonesian documents write a decimal comma and a thousands dot: the
        realisation's achievement and the period's target (16,67 of a 100 yearly)."""
        html = self._html("action_report_realisasi", self.staff_skp, self.kasi_user)
        self.assertIn("150,00% dari target periode 16,67 dokumen", html)
        self.assertNotIn("16.67", html)
        self.assertNotIn("150.00", html)
        self.line.sudo().value = 1250.5
        html = self._html("action_report_realisasi", self.staff_skp, self.kasi_user)
        self.assertIn("1.250,5 dokumen", html)
        self.assertNotIn("1250.5", html)

    def test_signature_dates_are_the_documents_own(self):
        """Printed later, a form carries the day of its own act, not the print date:
        B.1.1 - the SKP set; B.1.2 - the evaluator's review of the realisation;
        B.1.3-B.1.5 - the last feedback recorded."""
        skp = self.staff_skp
        # the agency's day (its calendar's time zone), whoever prints
        set_on = agency_day(skp.year_id.calendar_id, skp.set_date or skp.agreed_date)
        with freeze_time("2026-03-03 03:00:00"):
            if self.line.state == "draft":
                self.line.with_user(self.staff_user).action_submit()
            self.line.with_user(self.kasi_user).action_review()
        with freeze_time("2027-01-15 03:00:00"):
            b11 = self._html("action_report_rencana_aksi", skp, self.staff_user)
            b12 = self._html("action_report_realisasi", skp, self.kasi_user)
            b13 = self._html("action_report_feedback_record", self.feedback, self.kasi_user)
        for html in (b11, b12, b13):
            self.assertNotIn("Tenggarong, 15 Januari 2027", html)
        self.assertIn(f"Tenggarong, {date_id(set_on)}", b11)
        self.assertIn("Tenggarong, 3 Maret 2026", b12)
        self.assertIn("Tenggarong, 18 Februari 2026", b13)

    def test_rencana_aksi_b_1_1(self):
        """003 Format B.1.1: the action plans per result plan and period, the employee
        and the evaluator, signed by the evaluator."""
        text = self._pdf("action_report_rencana_aksi", self.staff_skp, self.staff_user)
        self.assertAllIn(
            [
                "FORMAT B.1.1",
                "RENCANA AKSI",
                "KABUPATEN UJI KINERJA",
                "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026",
                "PEGAWAI YANG DINILAI",
                "PEJABAT PENILAI KINERJA",
                "Analis Mutasi",
                "199001152015031002",
                "Analis Mutasi Kepegawaian",
                "Seksi Mutasi",
                "Kepala Seksi Mutasi",
                "198505202010011001",
                "Layanan mutasi tepat waktu",
                "Februari 2026",
                "Verifikasi berkas usul mutasi",
                "20 Februari 2026",
                "Tenggarong,",
            ],
            text,
        )
        self.assertNotIn("REALISASI DAN BUKTI DUKUNG", text)

    def test_realisasi_b_1_2(self):
        """003 Format B.1.2: with the realisation and its evidence - links and files."""
        text = self._pdf("action_report_realisasi", self.staff_skp, self.kasi_user)
        self.assertAllIn(
            [
                "FORMAT B.1.2",
                "REALISASI DAN BUKTI DUKUNG",
                "(4)",
                "199001152015031002",
                "Verifikasi berkas usul mutasi",
                "Jumlah SK mutasi: 25 dokumen (150,00% dari target periode 16,67 dokumen)",
                LINK,
                "rekap-sk-februari.pdf",
            ],
            text,
        )

    def test_realisasi_b_1_2_from_the_action_plans(self):
        """B.1.2 from the action plans list: the selected plans and the realisation of
        their periods only."""
        march = (
            self.env["hr.kinerja.rencana.aksi"]
            .with_user(self.staff_user)
            .create(
                {
                    "rhk_id": self.staff_rhk.id,
                    "period_id": self.march.id,
                    "name": "Rekap usul mutasi bulan Maret",
                }
            )
        )
        text = self._pdf("action_report_realisasi_plans", self.plan, self.staff_user)
        self.assertAllIn(
            ["FORMAT B.1.2", "Verifikasi berkas usul mutasi", "rekap-sk-februari.pdf"], text
        )
        self.assertNotIn("Rekap usul mutasi bulan Maret", text)
        text = self._pdf("action_report_realisasi_plans", march, self.staff_user)
        self.assertIn("Rekap usul mutasi bulan Maret", text)
        self.assertNotIn("rekap-sk-februari.pdf", text)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.archivist_user)._render_qweb_pdf(
                "hr_kinerja_asn.action_report_realisasi_plans", self.plan.ids
            )

    def test_feedback_record_b_1_5(self):
        """003 Format B.1.5 for an administrative/functional quantitative SKP: the
        feedback of one employee and period - on results and on core values - with the
        realisation, in one document."""
        text = self._pdf("action_report_feedback_record", self.feedback, self.kasi_user)
        self.assertAllIn(
            [
                "FORMAT B.1.5",
                "REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN",
                "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
                "PERIODE: FEBRUARI 2026",
                "(1) (2) (3) (4) (5) (6) (7) (8)",
                "199001152015031002",
                "198505202010011001",
                "Layanan mutasi tepat waktu",
                "Kuantitas",
                "100 dokumen",
                "25 dokumen (150,00% dari target periode 16,67 dokumen)",
                "Pimpinan (Kepala Seksi Mutasi, 16 Februari",
                "percepat penerbitan SK",
                "PERILAKU KERJA",
                "Berorientasi Pelayanan",
                "Memahami dan memenuhi kebutuhan masyarakat",
                "Rekan kerja (Pengadministrasi Mutasi, 18 Februari 2026",
                "ramah dan cepat",
                "Pegawai yang dinilai",
            ],
            text,
        )

    def test_feedback_record_b_1_3_and_b_1_4(self):
        """The form follows the SKP: qualitative - B.1.3; a leader's quantitative SKP -
        B.1.4 with its perspective column."""
        qualitative = self._set_skp(
            self.colleague,
            "Arsip mutasi tertata",
            ({"name": "Arsip mutasi", "target_text": "Arsip lengkap dan tertata"},),
            approach="qualitative",
        )
        feedback = (
            self.env["hr.kinerja.feedback"]
            .with_user(self.kasi_user)
            .create(
                {
                    "receiver_id": self.colleague.id,
                    "period_id": self.january.id,
                    "date": date(2026, 1, 20),
                    "source": "leader",
                    "subject": "rhk",
                    "rhk_id": qualitative.rhk_ids.id,
                    "text": "Penataan arsip sudah dimulai.",
                }
            )
        )
        text = self._pdf("action_report_feedback_record", feedback, self.kasi_user)
        self.assertAllIn(
            [
                "FORMAT B.1.3",
                "SASARAN KINERJA PEGAWAI",
                "PENDEKATAN HASIL KERJA KUALITATIF",
                "PERIODE: JANUARI 2026",
                "Arsip lengkap dan tertata",
                "Penataan arsip sudah dimulai.",
            ],
            text,
        )
        self.kasi.jabatan_type = "jpt_pratama"
        self.assertEqual(self.kasi_skp.form, "a_1_2")
        feedback = (
            self.env["hr.kinerja.feedback"]
            .with_user(self.kabid_user)
            .create(
                {
                    "receiver_id": self.kasi.id,
                    "period_id": self.january.id,
                    "date": date(2026, 1, 21),
                    "source": "leader",
                    "subject": "rhk",
                    "rhk_id": self.kasi_rhk.id,
                    "text": "Jadwal mutasi dipatuhi.",
                }
            )
        )
        text = self._pdf("action_report_feedback_record", feedback, self.kabid_user)
        self.assertAllIn(
            [
                "FORMAT B.1.4",
                "BAGI PEJABAT PIMPINAN TINGGI DAN UNIT KERJA MANDIRI",
                "(1) (2) (3) (4) (5) (6) (7)",
                "PERSPEKTIF",
                "Jadwal mutasi dipatuhi.",
            ],
            text,
        )

    def test_feedback_on_an_skp_not_set_yet(self):
        """Feedback on a result plan of an SKP still in draft is printed on that SKP."""
        draft = self._skp(self.archivist, "Arsip mutasi digital", ({**QUANTITY},))
        feedback = (
            self.env["hr.kinerja.feedback"]
            .with_user(self.kasi_user)
            .create(
                {
                    "receiver_id": self.archivist.id,
                    "period_id": self.january.id,
                    "date": date(2026, 1, 22),
                    "source": "leader",
                    "subject": "rhk",
                    "rhk_id": draft.rhk_ids.id,
                    "text": "Mulai pindai arsip tahun lalu.",
                }
            )
        )
        text = self._pdf("action_report_feedback_record", feedback, self.kasi_user)
        self.assertAllIn(
            ["FORMAT B.1.5", "Arsip mutasi digital", "Mulai pindai arsip tahun lalu."], text
        )

    def test_feedback_several_employees_one_document_each(self):
        """Feedback of two employees printed together: one form for each."""
        other = (
            self.env["hr.kinerja.feedback"]
            .with_user(self.kabid_user)
            .create(
                {
                    "receiver_id": self.kasi.id,
                    "period_id": self.february.id,
                    "date": date(2026, 2, 10),
                    "source": "leader",
                    "subject": "rhk",
                    "rhk_id": self.kasi_rhk.id,
                    "text": "Koordinasi mutasi berjalan baik.",
                }
            )
        )
        text = self._pdf("action_report_feedback_record", self.feedback | other)
        self.assertEqual(text.count("REKAMAN INFORMASI UMPAN BALIK BERKELANJUTAN"), 2)
        self.assertAllIn(["Koordinasi mutasi berjalan baik.", "ramah dan cepat"], text)

    def test_dialog_kutai_kartanegara(self):
        """000 Lampiran 1: the evaluation and dialogue minutes - achievement table,
        problems, the leader's directions, the improvement plan."""
        dialog = (
            self.env["hr.kinerja.dialog"]
            .with_user(self.kasi_user)
            .create(
                {
                    "employee_id": self.staff.id,
                    "evaluator_id": self.kasi.id,
                    "date": date(2026, 3, 12),
                    "period_id": self.march.id,
                    "participant_ids": [Command.set(self.staff.ids)],
                    "direction_performance": "Selesaikan SK mutasi paling lambat 5 hari.",
                    "problem_ids": [
                        Command.create(
                            {
                                "name": "Berkas usul mutasi sering tidak lengkap",
                                "cause": "Persyaratan belum diumumkan",
                                "impact": "SK terlambat",
                            }
                        )
                    ],
                    "plan_ids": [
                        Command.create(
                            {
                                "name": "Umumkan daftar persyaratan di laman BKPSDM",
                                "date_due": date(2026, 3, 31),
                                "owner_id": self.staff.id,
                            }
                        )
                    ],
                }
            )
        )
        text = self._pdf("action_report_dialog", dialog, self.staff_user)
        self.assertAllIn(
            [
                "FORMAT EVALUASI DAN DIALOG KINERJA ASN",
                "PEMERINTAH KABUPATEN UJI KINERJA (PERIODIK)",
                "PERIODE: MARET 2026 - TANGGAL DIALOG: 12 Maret 2026",
                "A. CAPAIAN KINERJA PEGAWAI (BULANAN)",
                "Target tahunan",
                "Persentase Capaian Kinerja",
                "Jumlah SK mutasi",
                "100 dokumen",
                "150,00%",  # 25 of the 16.67 due by February (002 D.4.c)
                "B. IDENTIFIKASI PERMASALAHAN KINERJA",
                "Berkas usul mutasi sering tidak lengkap",
                "Persyaratan belum diumumkan",
                "C. ARAHAN, UMPAN BALIK ATASAN DAN KESEPAKATAN",
                "Selesaikan SK mutasi paling lambat 5 hari.",
                "D. RENCANA PERBAIKAN KINERJA",
                "Umumkan daftar persyaratan di laman BKPSDM",
                "31 Maret 2026",
                "199001152015031002",
                "198505202010011001",
                "Tenggarong, 12 Maret 2026",
            ],
            text,
        )

    def test_who_cannot_read_cannot_print(self):
        """Rendering reads with the user's rights: a colleague who may not read the SKP,
        the feedback or the minutes cannot print them."""
        dialog = (
            self.env["hr.kinerja.dialog"]
            .with_user(self.kasi_user)
            .create(
                {
                    "employee_id": self.staff.id,
                    "evaluator_id": self.kasi.id,
                    "date": date(2026, 3, 12),
                    "period_id": self.march.id,
                    "participant_ids": [Command.set(self.staff.ids)],
                }
            )
        )
        leader_feedback = self.feedback.filtered(lambda f: f.source == "leader")
        reports = self.env["ir.actions.report"].with_user(self.archivist_user)
        for xmlid, records in (
            ("action_report_rencana_aksi", self.staff_skp),
            ("action_report_realisasi", self.staff_skp),
            ("action_report_feedback_record", leader_feedback),
            ("action_report_dialog", dialog),
        ):
            with self.subTest(xmlid), self.assertRaises(AccessError):
                reports._render_qweb_pdf(f"hr_kinerja_asn.{xmlid}", records.ids)
        # a peer reads the feedback they gave, not the receiver's SKP it lies on
        peer_feedback = self.feedback - leader_feedback
        with self.assertRaises(AccessError):
            reports.with_user(self.colleague_user)._render_qweb_pdf(
                "hr_kinerja_asn.action_report_feedback_record", peer_feedback.ids
            )
        # the HR officer may (HTML: the text is what matters here)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_qweb_pdf("hr_kinerja_asn.action_report_realisasi", self.staff_skp.ids)
        )
        self.assertIn(b"Verifikasi berkas usul mutasi", html)
