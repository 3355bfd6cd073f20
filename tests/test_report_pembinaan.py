from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_pembinaan import NOV_10, NOV_12, PembinaanCase
from .common_report import ReportCaseMixin, pdf_text

STAFF_NIP = "198801192010042001"
KASI_NIP = "198312012008031001"


@tagged("post_install", "-at_install")
class TestReportPembinaan(ReportCaseMixin, PembinaanCase):
    """The forms of performance development print from the data (003 Lampiran,
    Formats B.1.6-B.1.10): real PDFs through wkhtmltopdf, with the heading, the
    identities of the employee and of the evaluator, coach or mentor, the values;
    who cannot read a form cannot print it - the behaviour report is confidential
    (003 section Konseling kinerja 5 b)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.city = "Tenggarong"
        cls.staff.write(
            {
                "nip": STAFF_NIP,
                "job_title": "Analis Diklat Teknis",
                "pangkat_id": cls.env.ref("hr_kinerja_asn.pangkat_pns_ii_d").id,
            }
        )
        cls.kasi.write(
            {
                "nip": KASI_NIP,
                "pangkat_id": cls.env.ref("hr_kinerja_asn.pangkat_pns_iii_d").id,
            }
        )

    def _print(self, name, records, user=None):
        return pdf_text(self._render_pdf(f"hr_kinerja_asn.report_{name}", records.ids, user))

    def assertIdentities(self, text, right_title="PEJABAT PENILAI KINERJA"):
        for fragment in (
            "PEGAWAI YANG DINILAI",
            right_title,
            "PANGKAT/GOL.RUANG",
            "Analis Diklat",
            STAFF_NIP,
            "Pengatur Tingkat I (II/d)",
            "Analis Diklat Teknis",
            "Seksi Diklat",
            "Kepala Seksi",
            KASI_NIP,
        ):
            self.assertIn(fragment, text)

    def _coaching_signed(self):
        coaching = self._coaching(
            reality_line_ids=[
                Command.create(
                    {
                        "part": "reality",
                        "skp_target": "120 peserta",
                        "progress": "80 peserta",
                        "problem": "Undangan terlambat",
                        "cause": "Data peserta belum lengkap",
                    }
                )
            ],
            options="Meminta data peserta lebih awal",
        )
        coaching.with_user(self.kasi_user).action_sign()
        return coaching

    def _mentoring_signed(self):
        mentoring = self._mentoring(
            duration="November 2026",
            journal_ids=[
                Command.create(
                    {
                        "date": NOV_10,
                        "place": "Ruang Diklat",
                        "activity": "Membedah kurikulum diklat teknis",
                        "result": "Draf kerangka kurikulum",
                        "follow_up": "Menyusun modul pertama",
                        "follow_up_date": date(2026, 11, 27),
                    }
                )
            ],
        )
        mentoring.with_user(self.kasi_user).action_sign()
        return mentoring

    # -- B.1.6 ------------------------------------------------------------------
    def test_coaching_form(self):
        coaching = self._coaching_signed()
        text = self._print("coaching", coaching)
        for fragment in (
            "FORMAT B.1.6",
            "PELAKSANAAN COACHING",
            "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026",
            "TUJUAN APA YANG INGIN SAYA CAPAI?",
            "Jumlah peserta diklat",
            "FAKTA DIMANA SAYA SEKARANG",
            "Undangan terlambat",
            "PELUANG: APA YANG DAPAT SAYA LAKUKAN?",
            "Meminta data peserta lebih awal",
            "LANGKAH KEDEPAN",
            "Undangan dikirim dua minggu lebih awal",
            "TIDAK",
            "Tenggarong, 10 November 2026",
            "Pegawai yang dinilai",
            "Pimpinan / Pihak Lain yang Diberikan Penugasan Khusus",
        ):
            self.assertIn(fragment, text)
        self.assertIdentities(text)

    # -- B.1.7 ------------------------------------------------------------------
    def test_mentoring_form_with_journal(self):
        mentoring = self._mentoring_signed()
        text = self._print("mentoring", mentoring, user=self.staff_user)
        for fragment in (
            "FORMAT B.1.7",
            "PELAKSANAAN MENTORING",
            "Menyusun kurikulum diklat teknis",
            "Analisis kebutuhan diklat",
            "JURNAL MENTORING",
            "10 November 2026, Ruang Diklat",
            "Membedah kurikulum diklat teknis",
            "Menyusun modul pertama",
            "27 November 2026",
            "Tenggarong, 10 November 2026",
        ):
            self.assertIn(fragment, text)
        self.assertIdentities(text)

    # -- B.1.8 ------------------------------------------------------------------
    def test_guidance_feedback_form(self):
        coaching = self._coaching_signed()
        feedback = (
            self.env["hr.kinerja.guidance.feedback"]
            .with_user(self.staff_user)
            .create({"coaching_id": coaching.id, "date": NOV_12})
        )
        feedback.line_ids.write({"score": 3})
        feedback.line_ids[0].score = 4
        text = self._print("guidance_feedback", feedback, user=self.kasi_user)
        for fragment in (
            "FORMAT B.1.8",
            "UMPAN BALIK PELAKSANAAN BIMBINGAN KINERJA",
            "(COACHING TANGGAL 10 NOVEMBER 2026)",
            "TENTANG PEGAWAI",
            "Saya merasa diperhatikan dan dipahami",
            "Lebih banyak menggunakan metode bertanya dibandingkan",
            "Sangat Setuju",
            "Saya memahami maksud dan tujuan kegiatan bimbingan",
            "Tenggarong, 12 November 2026",
            "Pegawai yang Dinilai",
        ):
            self.assertIn(fragment, text)
        self.assertEqual(text.count("Sangat Setuju"), 1)
        self.assertIdentities(text)

    # -- B.1.9 ------------------------------------------------------------------
    def test_competency_evaluation_form(self):
        coaching = self._coaching_signed()
        evaluation = (
            self.env["hr.kinerja.competency.evaluation"]
            .with_user(self.kasi_user)
            .create(
                {
                    "coaching_id": coaching.id,
                    "date": NOV_12,
                    "recommendation": "Diklat teknis penyelenggaraan",
                    "line_ids": [Command.create({"name": "Penyelenggaraan diklat", "score": 2})],
                }
            )
        )
        evaluation.line_ids.filtered(lambda line: line.competency == "integritas").write(
            {"score": 5, "reason": "Jujur dalam laporan peserta"}
        )
        text = self._print("competency_evaluation", evaluation)
        for fragment in (
            "FORMAT B.1.9",
            "EVALUASI KOMPETENSI PEGAWAI",
            "SEBAGAI TINDAK LANJUT BIMBINGAN KINERJA",
            "KOMPETENSI PEGAWAI*",
            "(SKALA 1-5)",
            "Manajerial",
            "Integritas",
            "Jujur dalam laporan peserta",
            "Mengelola Perubahan",
            "Sosio Kultural",
            "Perekat dan Pemersatu Bangsa",
            "Teknis",
            "Penyelenggaraan diklat",
            "REKOMENDASI",
            "Diklat teknis penyelenggaraan",
            "DESKRIPSI SKALA PENILAIAN",
            "Kurang Memadai",
            "Istimewa",
            "Tenggarong, 12 November 2026",
        ):
            self.assertIn(fragment, text)
        self.assertIdentities(text)

    # -- B.1.10 -----------------------------------------------------------------
    def _behaviour_report(self):
        Report = self.env["hr.kinerja.behaviour.report"].with_user(self.kasi_user)
        return Report.create(
            {
                "employee_id": self.staff.id,
                "date": NOV_12,
                "core_value_ids": [
                    Command.set(self.env.ref("hr_kinerja_asn.core_value_akuntabel").ids)
                ],
                "problem": "Sering meninggalkan kantor tanpa izin",
                "special_expectation": "Hadir di kelas diklat sejak pembukaan",
                "impact": "Layanan diklat tertunda",
                "similar_in_others": True,
                "steps_taken": "Umpan balik langsung dua kali",
            }
        ).with_env(self.env)

    def test_behaviour_report_form(self):
        report = self._behaviour_report()
        report.with_user(self.kasi_user).action_submit()
        for user in (self.kasi_user, self.counselling_user):
            with self.subTest(user=user.login):
                text = self._print("behaviour_report", report, user=user)
                for fragment in (
                    "FORMAT B.1.10",
                    "LAPORAN PERMASALAHAN PERILAKU KERJA",
                    "NILAI DASAR ASN?",
                    "Nilai dasar ASN: Akuntabel",
                    "Sering meninggalkan kantor tanpa izin",
                    "Hadir di kelas diklat sejak pembukaan",
                    "Layanan diklat tertunda",
                    "YA / TIDAK",
                    "YANG SUDAH SAYA LAKUKAN UNTUK MEMPERBAIKI PERILAKU KERJA PEGAWAI ADALAH:",
                    "Umpan balik langsung dua kali",
                    "Tenggarong, 12 November 2026",
                    "Pejabat Penilai Kinerja",
                ):
                    self.assertIn(fragment, text)
                self.assertIdentities(text)

    # -- access -------------------------------------------------------------------
    def test_who_cannot_read_cannot_print(self):
        """003 section Pembinaan kinerja 4 i-j: the employee, the coach, the
        evaluator and their superior and the HR officers read - and print - the
        coaching; a colleague and another agency's officer do not."""
        coaching = self._coaching_signed()
        for user in (self.staff_user, self.kabid_user, self.officer):
            with self.subTest(user=user.login):
                self.assertIn("PELAKSANAAN COACHING", self._print("coaching", coaching, user))
        for user in (self.colleague_user, self.officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["ir.actions.report"].with_user(user)._render_qweb_pdf(
                    "hr_kinerja_asn.report_coaching", coaching.ids
                )

    def test_colleague_cannot_print_the_other_forms(self):
        """The same holds for mentoring, the feedback and the competency evaluation:
        read by the employee, the guide and the evaluators, not by a colleague."""
        coaching = self._coaching_signed()
        forms = {
            "mentoring": self._mentoring_signed(),
            "guidance_feedback": self.env["hr.kinerja.guidance.feedback"]
            .with_user(self.staff_user)
            .create({"coaching_id": coaching.id, "date": NOV_12}),
            "competency_evaluation": self.env["hr.kinerja.competency.evaluation"]
            .with_user(self.kasi_user)
            .create({"coaching_id": coaching.id, "date": NOV_12}),
        }
        Report = self.env["ir.actions.report"]
        for name, record in forms.items():
            with self.subTest(form=name):
                with self.assertRaises(AccessError):
                    Report.with_user(self.colleague_user)._render_qweb_pdf(
                        f"hr_kinerja_asn.report_{name}", record.ids
                    )
                for user in (self.staff_user, self.kasi_user, self.kabid_user):
                    html, _kind = Report.with_user(user)._render_qweb_pdf(
                        f"hr_kinerja_asn.report_{name}", record.ids
                    )
                    self.assertIn(b"Analis Diklat", html)

    def test_behaviour_report_is_confidential(self):
        """003 section Konseling kinerja 5 b: the employee concerned, HR officers and
        managers outside the counselling group and the counselling group of another
        agency cannot print the report; its evaluator and the counselling group can."""
        report = self._behaviour_report()
        report.with_user(self.kasi_user).action_submit()
        Report = self.env["ir.actions.report"]
        for user in (
            self.staff_user,
            self.colleague_user,
            self.kabid_user,
            self.officer,
            self.manager,
            self.counselling_b,
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Report.with_user(user)._render_qweb_pdf(
                    "hr_kinerja_asn.report_behaviour_report", report.ids
                )
        for user in (self.kasi_user, self.counselling_user):
            with self.subTest(user=user.login):
                html, _kind = Report.with_user(user)._render_qweb_pdf(
                    "hr_kinerja_asn.report_behaviour_report", report.ids
                )
                self.assertIn(b"LAPORAN PERMASALAHAN", html)

    def test_batch_print(self):
        """Several forms print together in one PDF, one form after the other (one
        page container: the unpatched wkhtmltopdf renders a single input)."""
        first = self._coaching_signed()
        second = self._coaching(date=NOV_12, options="Belajar dari seksi lain")
        text = pdf_text(self._render_pdf("hr_kinerja_asn.report_coaching", (first | second).ids))
        self.assertEqual(text.count("PELAKSANAAN COACHING"), 2)
        self.assertIn("Tenggarong, 10 November 2026", text)
        self.assertIn("Tenggarong, 12 November 2026", text)
        self.assertIn("Belajar dari seksi lain", text)
