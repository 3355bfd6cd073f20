"""Signed documents after the evaluation (issue 13): D.1.3 signed by its three
parties once the objection is decided, the penetapan forms signed by the unit
leader, the employee's signature on D.1.x as the return of the document, and what
the public verification page tells of them. A test CA made on the spot signs (the
agency's seal), not the demo's."""

import base64
import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models import kinerja_signer
from ..models.hr_kinerja_signature import PENETAPAN_CAPAIAN, PENETAPAN_PREDIKAT
from ..models.kinerja_test_ca import TestCA as Authority
from .common_keberatan import HANDED_OVER, RECEIVED, KinerjaKeberatanCase
from .common_report import pdf_text

SEAL_PASSPHRASE = "seal-test"
SIGNED_D11 = date(2027, 2, 10)  # in the holiday week: a date, not a working day
FILED = date(2027, 2, 15)
DECIDED = date(2027, 2, 18)


@tagged("post_install", "-at_install")
class TestSignatureFlow(KinerjaKeberatanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.authority = Authority("Kabupaten Uji")
        cls.company = cls.env["res.company"].browse(cls.evaluation.company_id.id)
        cls.company.write(
            {
                "kinerja_seal_p12": base64.b64encode(
                    cls.authority.issue("Kabupaten Uji (e-seal)", SEAL_PASSPHRASE)
                ),
                "kinerja_seal_passphrase": SEAL_PASSPHRASE,
                "kinerja_trust_roots": cls.authority.pem,
            }
        )
        cls.colleague_user = cls.staff_users[1]

    # -- helpers ----------------------------------------------------------------------
    def _hand_over_and_receive(self, evaluation=None, employee_user=None):
        evaluation = evaluation or self.evaluation
        with freeze_time(HANDED_OVER):
            evaluation.with_user(self.kasi_user).action_hand_over()
        with freeze_time(RECEIVED):
            evaluation.with_user(employee_user or self.jf_user).action_receive()

    def _decided_objection(self, decision="change"):
        """The JF's objection, filed on 15 February and decided by the kabid on the
        18th (a change of the result unless ``decision`` says uphold)."""
        with freeze_time(FILED):
            objection = (
                self.env["hr.kinerja.keberatan"]
                .with_user(self.jf_user)
                .create({"evaluation_id": self.evaluation.id, "reasons": "Capaian 150%."})
            )
            objection.action_file()
        with freeze_time(DECIDED):
            as_superior = objection.with_user(self.kabid_user)
            values = {"decision": decision, "decision_note": "Bukti capaian mendukung."}
            if decision == "change":
                values.update(
                    new_result_rating="di_atas",
                    new_behaviour_rating="di_atas",
                    new_recommendation="Diusulkan mengikuti pelatihan kepemimpinan.",
                )
            as_superior.write(values)
            as_superior.action_decide()
        return objection

    def _validate(self, signature):
        pdf = signature.sudo()._pdf()
        return pdf, kinerja_signer.validate(pdf, self.company._kinerja_trust_roots())

    # -- D.1.3 ------------------------------------------------------------------------
    def test_d13_signed_by_the_three_validating_and_trusted(self):
        self._hand_over_and_receive()
        objection = self._decided_objection()
        signatures = []
        for user in (self.kabid_user, self.kasi_user, self.jf_user):
            as_user = objection.with_user(user)
            self.assertTrue(as_user.can_sign, user.login)
            signatures.append(as_user._kinerja_sign())
        self.assertEqual(
            [s.role for s in signatures], ["superior", "evaluator", "employee"], "003/004 D.1.3"
        )
        self.assertEqual({s.document_name for s in signatures}, {"D.1.3"})
        pdf, found = self._validate(signatures[-1])
        self.assertEqual(len(found), 3)
        for result in found:
            self.assertTrue(result["intact"] and result["valid"] and result["trusted"], result)
            self.assertFalse(result["modified"], result)
        self.assertIn("FORMAT D.1.3", pdf_text(pdf))
        other = kinerja_signer.validate(pdf, Authority("Lain").pem)
        self.assertFalse(any(result["trusted"] for result in other))
        # The employee's D.1.3 download is the signed PDF, frozen
        self.assertEqual(objection.with_user(self.jf_user)._kinerja_signed_pdf(), pdf)
        action = objection.with_user(self.kabid_user).action_print_d13()
        self.assertIn(f"/web/content/{signatures[-1].sudo().attachment_id.id}", action["url"])

    def test_d13_only_the_three_each_once_superior_first(self):
        self._hand_over_and_receive()
        with freeze_time(FILED):
            pending = (
                self.env["hr.kinerja.keberatan"]
                .with_user(self.jf_user)
                .create({"evaluation_id": self.evaluation.id, "reasons": "Capaian 150%."})
            )
            pending.action_file()
        with self.assertRaisesRegex(UserError, "once the objection is decided"):
            pending.with_user(self.kabid_user)._kinerja_sign()
        pending.invalidate_recordset()
        objection = self._decided_objection_from(pending)
        # The evaluator and the employee wait for the superior's signature
        for user in (self.kasi_user, self.jf_user):
            self.assertFalse(objection.with_user(user).can_sign)
            with self.assertRaisesRegex(UserError, "signed first by the evaluator's superior"):
                objection.with_user(user)._kinerja_sign()
        # An HR officer (who reads it) and a colleague (who does not) never sign it
        self.assertFalse(objection.with_user(self.officer).can_sign)
        for user in (self.colleague_user, self.officer):
            with self.assertRaises(UserError):
                objection.with_user(user)._kinerja_sign()
        objection.with_user(self.kabid_user)._kinerja_sign()
        with self.assertRaisesRegex(AccessError, "signed it already"):
            objection.with_user(self.kabid_user)._kinerja_sign()
        # Then the employee and the evaluator, in either order, once each
        objection.with_user(self.jf_user)._kinerja_sign()
        with self.assertRaisesRegex(AccessError, "signed it already"):
            objection.with_user(self.jf_user)._kinerja_sign()
        objection.with_user(self.kasi_user)._kinerja_sign()
        self.assertEqual(len(objection.sudo().signature_ids), 3)
        # The decided, signed objection is final
        with self.assertRaisesRegex(UserError, "final"):
            objection.with_user(self.kabid_user).write({"decision_note": "Lain"})

    def _decided_objection_from(self, objection):
        with freeze_time(DECIDED):
            as_superior = objection.with_user(self.kabid_user)
            as_superior.write({"decision": "uphold", "decision_note": "Sesuai."})
            as_superior.action_decide()
        return objection

    def test_signed_d11_changed_by_the_objection_decision(self):
        """The usual way: D.1.1 signed by both (the employee's signature returns it),
        then objected: the decision still changes the predicate of the signed
        evaluation, whose signed D.1.1 stays as the employee received it."""
        self._hand_over_and_receive()
        with freeze_time(SIGNED_D11):
            self.evaluation.with_user(self.kasi_user)._kinerja_sign()
            self.evaluation.with_user(self.jf_user)._kinerja_sign()
        before = self.evaluation.predicate
        self._decided_objection()
        self.evaluation.invalidate_recordset()
        self.assertNotEqual(self.evaluation.predicate, before)
        self.assertTrue(self.evaluation.is_signed, "the signed D.1.1 is kept")

    # -- hand-over: the employee's signature is the return ------------------------------
    def test_employee_signing_d11_records_the_return(self):
        evaluation = self.evaluation
        self._hand_over_and_receive()
        with freeze_time("2027-02-04"):
            evaluation.env["hr.kinerja.evaluation"]._cron_document_reminders()
        with freeze_time(SIGNED_D11):
            evaluation.with_user(self.kasi_user)._kinerja_sign()
            as_employee = evaluation.with_user(self.jf_user)
            # The evaluator signed: Return Signed is the employee's signature now
            self.assertFalse(as_employee.can_return)
            with self.assertRaisesRegex(UserError, "your signature returns it"):
                as_employee.action_return()
            self.assertTrue(as_employee.can_sign)
            as_employee._kinerja_sign()
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.returned_date, SIGNED_D11)
        self.assertEqual(evaluation.received_date, RECEIVED)
        self.assertFalse(evaluation.with_user(self.jf_user).can_return)
        return_todo = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "hr.kinerja.evaluation"),
                    ("res_id", "=", evaluation.id),
                    (
                        "activity_type_id",
                        "=",
                        self.env.ref("hr_kinerja_asn.mail_activity_type_document_return").id,
                    ),
                ]
            )
        )
        self.assertTrue(return_todo)
        self.assertFalse(any(return_todo.mapped("active")), "the return to-do is done")
        with freeze_time("2027-03-10"):  # the return was due on 4 March: not overdue
            self.assertFalse(evaluation.document_overdue)

    def test_colleague_cannot_sign_d11(self):
        evaluation = self.evaluation
        evaluation.with_user(self.kasi_user)._kinerja_sign()
        as_colleague = evaluation.with_user(self.colleague_user)
        self.assertFalse(as_colleague.can_sign)
        with self.assertRaises(UserError):
            as_colleague._kinerja_sign()
        self.assertEqual(evaluation.sudo().signature_ids.mapped("role"), ["evaluator"])
        self.assertFalse(evaluation.returned_date)

    # -- the penetapan forms ------------------------------------------------------------
    def test_penetapan_predikat_signed_by_the_leader_then_reset_refused(self):
        distribution = self.distribution
        self.assertEqual(distribution.state, "confirmed")
        as_leader = distribution.with_user(self.kasi_user)
        self.assertTrue(as_leader.can_sign)
        self.assertTrue(as_leader.can_reset)
        # Nobody else signs it: an employee of the unit, an HR officer, the leader
        # of the unit above (who does not even read it)
        for user in (self.jf_user, self.officer):
            self.assertFalse(distribution.with_user(user).can_sign, user.login)
        for user in (self.jf_user, self.officer, self.kabid_user):
            with self.assertRaises(UserError):
                distribution.with_user(user)._kinerja_sign()
        signature = as_leader._kinerja_sign()
        self.assertEqual(signature.role, "unit_leader")
        self.assertEqual(signature.report_xmlid, PENETAPAN_PREDIKAT)
        self.assertEqual(signature.document_name, "Penetapan Predikat Kinerja Pegawai")
        pdf, found = self._validate(signature)
        self.assertEqual(len(found), 1)
        self.assertTrue(found[0]["intact"] and found[0]["valid"] and found[0]["trusted"])
        self.assertIn("PENETAPAN PREDIKAT KINERJA PEGAWAI", pdf_text(pdf))
        with self.assertRaisesRegex(AccessError, "signed it already"):
            as_leader._kinerja_sign()
        # Signed: no Reset to Draft until an HR officer reopens it
        as_leader.invalidate_recordset()
        self.assertFalse(as_leader.can_reset)
        with self.assertRaisesRegex(UserError, "signed electronically"):
            as_leader.action_reset()
        self.assertEqual(distribution.state, "confirmed")
        with self.assertRaises(AccessError):
            as_leader._kinerja_reopen_signed("Salah hitung")
        distribution.with_user(self.officer).with_context(
            kinerja_document=PENETAPAN_PREDIKAT
        )._kinerja_reopen_signed("Salah hitung")
        kept = self.env["hr.kinerja.signature"]._of(distribution, superseded=True)
        self.assertEqual(kept, signature)
        self.assertTrue(kept.superseded and kept.attachment_id)
        as_leader.invalidate_recordset()
        self.assertTrue(as_leader.can_reset)
        as_leader.action_reset()
        self.assertEqual(distribution.state, "draft")
        # A draft distribution is not signed
        self.assertFalse(as_leader.can_sign)
        with self.assertRaisesRegex(UserError, "once the distribution is confirmed"):
            as_leader._kinerja_sign()

    def test_penetapan_capaian_signed_by_the_leader_freezes_the_achievements(self):
        # The kabid leads the bidang: the achievements of its two seksi
        distribution = self.env["hr.kinerja.distribution"].search(
            [("department_id", "=", self.bidang.id), ("period_id", "=", self.january.id)]
        )
        self.assertTrue(distribution)
        capaian = distribution.with_user(self.kabid_user).with_context(
            kinerja_document=PENETAPAN_CAPAIAN
        )
        self.assertFalse(capaian.can_sign_capaian, "Seksi Disiplin has no achievement yet")
        with self.assertRaisesRegex(UserError, "missing: Seksi Disiplin"):
            capaian._kinerja_sign()
        with freeze_time("2027-02-03"):
            self._achieve(self.seksi_2, "baik")
        capaian.invalidate_recordset()
        self.assertTrue(capaian.can_sign_capaian)
        self.assertFalse(distribution.with_user(self.kasi_user).can_sign_capaian)
        signature = capaian._kinerja_sign()
        self.assertEqual(signature.report_xmlid, PENETAPAN_CAPAIAN)
        self.assertEqual(signature.document_name, "Penetapan Capaian Kinerja Organisasi")
        pdf, found = self._validate(signature)
        self.assertTrue(found and found[0]["trusted"] and found[0]["intact"])
        self.assertIn("PENETAPAN CAPAIAN KINERJA ORGANISASI", pdf_text(pdf))
        # The two documents of the distribution are signed apart
        self.assertFalse(distribution.with_user(self.kabid_user).is_predikat_signed)
        self.assertTrue(distribution.with_user(self.kabid_user).is_capaian_signed)
        achievement = self.env["hr.kinerja.org.achievement"].search(
            [("department_id", "=", self.seksi_2.id), ("period_id", "=", self.january.id)]
        )
        with freeze_time("2027-02-03"), self.assertRaisesRegex(UserError, "signed electronically"):
            achievement.with_user(self.kabid_user).write({"value": "istimewa"})

    # -- the public page --------------------------------------------------------------
    def test_verify_page_names_the_new_documents_and_leaks_nothing(self):
        self._hand_over_and_receive()
        objection = self._decided_objection()
        d13 = objection.with_user(self.kabid_user)._kinerja_sign().sudo()
        page = self.url_open(f"/kinerja/verify/{d13.token}").text
        self.assertIn("D.1.3", page)
        self.assertIn(self.jf.name, page)
        self.assertIn(self.january.display_name, page)
        self.assertIn(d13.sha256, page)
        for secret in ("Capaian 150%", "pelatihan kepemimpinan", "Bukti capaian", "Baik"):
            self.assertNotIn(secret, page)
        predikat = self.distribution.with_user(self.kasi_user)._kinerja_sign().sudo()
        page = self.url_open(f"/kinerja/verify/{predikat.token}").text
        self.assertIn("Penetapan Predikat Kinerja Pegawai", page)
        self.assertIn("o_kinerja_verify_unit", page)
        self.assertIn(self.seksi.name, page)
        self.assertNotIn("o_kinerja_verify_employee", page)
        for employee in self.staff:
            self.assertNotIn(employee.name, page)
        for secret in ("Sangat Baik", "Butuh Perbaikan", "Capaian merata"):
            self.assertNotIn(secret, page)
        # The signed PDF uploaded there is the original
        url = f"/kinerja/verify/{predikat.token}"
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        answer = self.url_open(
            url,
            data={"csrf_token": csrf},
            files={"document": ("p.pdf", predikat._pdf(), "application/pdf")},
        )
        self.assertIn("o_kinerja_verify_original", answer.text)

    def test_portal_employee_signs_d13(self):
        self._hand_over_and_receive()
        objection = self._decided_objection()
        objection.with_user(self.kabid_user)._kinerja_sign()
        self.jf_user.password = "flow-test-pw"
        self.authenticate(self.jf_user.login, "flow-test-pw")
        url = f"/my/kinerja/evaluation/{self.evaluation.id}"
        page = self.url_open(url).text
        self.assertIn("o_kinerja_objection_sign", page)
        self.assertIn(f"/my/kinerja/keberatan/{objection.id}/sign", page)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self.url_open(f"/my/kinerja/keberatan/{objection.id}/sign", data={"csrf_token": csrf})
        objection.invalidate_recordset()
        self.assertEqual(objection.sudo().signature_ids.mapped("role"), ["superior", "employee"])
        download = self.url_open(f"/my/kinerja/keberatan/{objection.id}/report")
        self.assertEqual(download.content, objection.sudo().signature_ids[-1]._pdf())
        # A colleague cannot sign it through the portal either
        self.colleague_user.password = "flow-test-pw2"
        self.authenticate(self.colleague_user.login, "flow-test-pw2")
        self.url_open(f"/my/kinerja/keberatan/{objection.id}/sign", data={"csrf_token": csrf})
        objection.invalidate_recordset()
        self.assertEqual(len(objection.sudo().signature_ids), 2)
