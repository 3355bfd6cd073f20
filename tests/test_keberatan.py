import io
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_keberatan import HANDED_OVER, RECEIVED, KinerjaKeberatanCase


@tagged("post_install", "-at_install")
class TestKeberatan(KinerjaKeberatanCase):
    """003 section Keberatan 1-7 and format D.1.3 (004)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(HANDED_OVER):
            cls.evaluation.with_user(cls.kasi_user).action_hand_over()
            cls.other.with_user(cls.kasi_user).action_hand_over()
        with freeze_time(RECEIVED):
            cls.evaluation.with_user(cls.jf_user).action_receive()
            cls.other.with_user(cls.staff_users[0]).action_receive()

    def _file(self, day=date(2027, 2, 15), user=None, evaluation=None):
        with freeze_time(day):
            objection = (
                self.env["hr.kinerja.keberatan"]
                .with_user(user or self.jf_user)
                .create(
                    {
                        "evaluation_id": (evaluation or self.evaluation).id,
                        "reasons": "Capaian saya 150% dari target, di atas ekspektasi.",
                    }
                )
            )
            objection.action_file()
        return objection

    def _decide_change(self, objection, **values):
        with freeze_time("2027-02-18"):
            objection = objection.with_user(self.kabid_user)
            objection.action_ask_explanations()
            objection.with_user(self.kasi_user).write(
                {"evaluator_explanation": "Target dokumen tercapai, perilaku sesuai."}
            )
            objection.write(
                {
                    "employee_explanation": "Dokumen selesai sebelum tenggat.",
                    "decision": "change",
                    "new_result_rating": "di_atas",
                    "new_behaviour_rating": "di_atas",
                    "new_recommendation": "Diusulkan mengikuti pelatihan kepemimpinan.",
                    "decision_note": "Bukti capaian mendukung keberatan.",
                    **values,
                }
            )
            objection.action_decide()
        return objection

    # -- filing ------------------------------------------------------------------------
    def test_objection_after_14_working_days_is_refused_with_the_date(self):
        # received Fri 5 Feb; 14 working days across the holiday week: Thu 4 March
        self.assertEqual(self.evaluation.objection_deadline, date(2027, 3, 4))
        with self.assertRaisesRegex(UserError, r"ended on 04/03/2027.*14 working days"):
            self._file(day=date(2027, 3, 5))
        with freeze_time("2027-03-05"):
            self.assertFalse(self.evaluation.with_user(self.jf_user).can_object)
            with self.assertRaisesRegex(UserError, "ended on 04/03/2027"):
                self.evaluation.with_user(self.jf_user).action_object()
        objection = self._file(day=date(2027, 3, 4))
        self.assertEqual(objection.state, "filed")
        # decided within 7 working days of the filing: Fri 12 March
        self.assertEqual(objection.decision_deadline, date(2027, 3, 15))

    def test_only_the_evaluated_employee_files_after_receipt(self):
        with self.assertRaises(AccessError):  # a colleague cannot even name it
            self._file(user=self.staff_users[0])
        with self.assertRaisesRegex(UserError, "Only the evaluated employee"):
            self._file(user=self.kasi_user)
        with self.assertRaisesRegex(UserError, "Only the evaluated employee"):
            self._file(user=self.kabid_user)
        pending = self.evaluations.filtered(lambda e: e.employee_id == self.staff[1])
        with self.assertRaisesRegex(UserError, "once you have received"):
            self._file(user=self.staff_users[1], evaluation=pending)
        objection = self._file()
        self.assertEqual(objection.evaluator_superior_id, self.kabid)
        activity = objection.activity_ids
        self.assertEqual(activity.user_id, self.kabid_user)
        self.assertEqual(activity.date_deadline, objection.decision_deadline)

    def test_only_the_superior_decides_and_the_evaluator_explains(self):
        objection = self._file()
        as_kasi = objection.with_user(self.kasi_user)
        as_jf = objection.with_user(self.jf_user)
        as_kabid = objection.with_user(self.kabid_user)
        with self.assertRaisesRegex(UserError, "Only Kepala Bidang Penilaian"):
            as_kasi.action_ask_explanations()
        with self.assertRaises(AccessError):
            as_kasi.write({"evaluator_explanation": "Belum diminta."})
        as_kabid.action_ask_explanations()
        as_kasi.write({"evaluator_explanation": "Target tercapai sesuai ekspektasi."})
        for who, values in (
            (as_kasi, {"decision": "uphold"}),
            (as_jf, {"evaluator_explanation": "Saya yang menulis."}),
            (as_jf, {"decision": "change"}),
            (as_kabid, {"evaluator_explanation": "Ditulis atasan."}),
            (as_jf, {"reasons": "Alasan baru setelah diajukan."}),
        ):
            with self.subTest(user=who.env.user.login, values=values):
                with self.assertRaises(AccessError):
                    who.write(values)
        as_kabid.write({"decision": "uphold", "employee_explanation": "Didengar."})
        with self.assertRaisesRegex(UserError, "Only Kepala Bidang Penilaian"):
            as_kasi.action_decide()
        with self.assertRaisesRegex(UserError, "Only Kepala Bidang Penilaian"):
            as_jf.action_decide()
        as_kabid.action_decide()
        self.assertEqual(objection.state, "decided")
        self.assertEqual(self.evaluation.predicate, "baik")  # upheld: unchanged

    def test_a_change_needs_the_new_result_and_a_new_recommendation(self):
        objection = self._file().with_user(self.kabid_user)
        objection.write({"decision": "change"})
        with self.assertRaisesRegex(UserError, "new ratings"):
            objection.action_decide()
        objection.write({"new_predicate": "sangat_baik"})
        with self.assertRaisesRegex(UserError, "new recommendation"):
            objection.action_decide()

    def test_a_changed_decision_moves_predicate_counts_ledger_and_tpp(self):
        evaluation = self.evaluation
        Ledger = self.env["hr.kinerja.angka.kredit"]
        self.assertEqual(evaluation.state, "confirmed")
        self.assertEqual(evaluation.predicate, "baik")
        counts = (self.distribution.count_baik, self.distribution.count_sangat_baik)
        line = Ledger.search([("evaluation_id", "=", evaluation.id)])
        self.assertEqual((line.predicate, line.amount), ("baik", 1.04))
        self.january.action_lock()  # the decision comes after the period locked
        objection = self._decide_change(self._file())
        self.assertEqual(objection.state, "decided")
        self.assertEqual(objection.old_predicate, "baik")
        self.assertEqual(evaluation.predicate, "sangat_baik")
        self.assertEqual(evaluation.result_rating, "di_atas")
        self.assertEqual(evaluation.recommendation, "Diusulkan mengikuti pelatihan kepemimpinan.")
        self.distribution.invalidate_recordset()
        self.assertEqual(
            (self.distribution.count_baik, self.distribution.count_sangat_baik),
            (counts[0] - 1, counts[1] + 1),
        )
        line = Ledger.search([("evaluation_id", "=", evaluation.id)])
        # 12.5 x 150% / 12 months = 1.5625 (Ahli Pertama, Sangat Baik)
        self.assertEqual((line.predicate, line.amount), ("sangat_baik", 1.56))
        content, _kind = self.env["ir.actions.report"]._render(
            "hr_kinerja_asn.action_report_evaluation_tpp_xlsx", evaluation.ids
        )
        sheet = load_workbook(io.BytesIO(content)).active
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
        self.assertIn("Sangat Baik", cells)
        self.assertNotIn("Baik", cells)

    def test_the_decision_is_final(self):
        objection = self._decide_change(self._file()).with_user(self.kabid_user)
        with self.assertRaisesRegex(UserError, "final"):
            objection.write({"decision_note": "Diubah lagi."})
        with self.assertRaisesRegex(UserError, "final"):
            objection.action_decide()
        with self.assertRaisesRegex(UserError, "final"):
            objection.with_user(self.kasi_user).write({"evaluator_explanation": "Lagi."})

    def test_who_reads_an_objection(self):
        objection = self._file()
        Objection = self.env["hr.kinerja.keberatan"]
        for user, sees in (
            (self.jf_user, True),
            (self.kasi_user, True),
            (self.kabid_user, True),
            (self.officer, True),
            (self.staff_users[0], False),
            (self.kaban_user, False),
            (self.officer_b, False),
        ):
            with self.subTest(user=user.login):
                env = self.env(user=user, context={"allowed_company_ids": user.company_ids.ids})
                found = Objection.with_env(env).search([("id", "=", objection.id)])
                self.assertEqual(bool(found), sees)
        with self.assertRaises(AccessError):
            objection.with_user(self.officer).write({"decision": "uphold"})

    def test_a_missed_decision_deadline_goes_to_hr_officers(self):
        objection = self._file()  # Mon 15 Feb: decide by Wed 24 Feb
        self.assertEqual(objection.decision_deadline, date(2027, 2, 24))
        with freeze_time("2027-02-24"):
            self.assertFalse(self.env["hr.kinerja.keberatan"]._cron_decision_overdue())
        with freeze_time("2027-02-25"):
            late = self.env["hr.kinerja.keberatan"]._cron_decision_overdue()
            self.env["hr.kinerja.keberatan"]._cron_decision_overdue()
        self.assertEqual(late, objection)
        self.assertTrue(objection.decision_overdue)
        overdue = self.env.ref("hr_kinerja_asn.mail_activity_type_objection_overdue")
        to_officer = objection.activity_ids.filtered(lambda a: a.activity_type_id == overdue)
        self.assertEqual(to_officer.user_id, self.officer)
        # the superior can still decide
        objection.with_user(self.kabid_user).write({"decision": "uphold"})
        objection.with_user(self.kabid_user).action_decide()
        self.assertEqual(objection.state, "decided")

    # -- D.1.3 ---------------------------------------------------------------------------
    def test_d13_prints_the_objection_explanation_and_decision(self):
        objection = self._decide_change(self._file())
        html = (
            self.env["ir.actions.report"]
            .with_user(self.jf_user)
            ._render_qweb_html("hr_kinerja_asn.action_report_keberatan", objection.ids)[0]
            .decode()
        )
        for text in (
            "FORMAT D.1.3",
            "6</td>",
            "KEBERATAN",
            "Capaian saya 150% dari target",
            "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            "Target dokumen tercapai",
            "KEPUTUSAN DAN REKOMENDASI ATASAN PEJABAT PENILAI KINERJA",
            "Mengubah hasil evaluasi kinerja pegawai.",
            "Predikat kinerja pegawai: SANGAT BAIK",
            "Rekomendasi: Diusulkan mengikuti pelatihan kepemimpinan.",
            "10. Pegawai yang Dinilai",
            "9. Pejabat Penilai Kinerja",
            "11. Atasan Pejabat Penilai Kinerja",
            "18 Februari 2027",
            "Kepala Bidang Penilaian",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        pdf = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("hr_kinerja_asn.action_report_keberatan", objection.ids)[0]
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        with open("/tmp/kinerja_d13.pdf", "wb") as out:
            out.write(pdf)

    # -- portal ------------------------------------------------------------------------
    def test_portal_files_an_objection_with_a_file_and_hides_it_from_colleagues(self):
        self.authenticate("kb_jf", "kb_jf")
        url = f"/my/kinerja/evaluation/{self.evaluation.id}"
        # today (before the deadline of 4 March 2027): the form is offered
        page = self.url_open(url)
        self.assertIn("o_kinerja_objection_form", page.text)
        self.url_open(
            f"{url}/keberatan",
            data={
                "reasons": "Capaian saya di atas target.",
                "csrf_token": http.Request.csrf_token(self),
            },
            files={"attachments": ("bukti.pdf", b"%PDF-1.4 bukti", "application/pdf")},
        )
        objection = self.evaluation.objection_ids
        self.assertEqual(objection.state, "filed")
        self.assertEqual(objection.attachment_ids.mapped("name"), ["bukti.pdf"])
        self._decide_change(objection)
        response = self.url_open(f"/my/kinerja/keberatan/{objection.id}/report")
        self.assertEqual(response.status_code, 200)
        self.authenticate(self.staff_users[0].login, self.staff_users[0].login)
        for path in (
            f"/my/kinerja/keberatan/{objection.id}/report",
            f"/my/kinerja/file/hr.kinerja.keberatan/{objection.id}/{objection.attachment_ids.id}",
            url,
        ):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)
