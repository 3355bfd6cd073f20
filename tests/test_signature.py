"""Signed documents (issue 13): PAdES signatures with pyHanko, the freeze of a
signed record and its revision paths, the public verification page. On the demo
agency, whose install made a test CA, the seal and dr. Hendri's certificate."""

import base64
import hashlib
import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..models import kinerja_signer
from ..models.hr_kinerja_signature_demo import DEMO_HENDRI_PASSPHRASE
from ..models.kinerja_test_ca import TestCA
from ..models.workflow import workflow


@tagged("post_install", "-at_install")
class TestSignature(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hendri = cls.env.ref("hr_kinerja_asn.emp_kapus_demo")
        cls.maya = cls.env.ref("hr_kinerja_asn.emp_dokter_pus_demo")
        cls.officer = cls.env.ref("hr_kinerja_asn.user_officer_demo")
        cls.company = cls.maya.company_id
        Evaluation = cls.env["hr.kinerja.evaluation"]
        # Another of Hendri's team, confirmed and not yet signed
        cls.evaluation = Evaluation.search(
            [
                ("evaluator_id", "=", cls.hendri.id),
                ("escalated", "=", False),
                ("state", "=", "confirmed"),
                ("employee_id", "!=", cls.maya.id),
                ("employee_id.user_id", "!=", False),
            ],
            order="period_id desc",
            limit=1,
        )
        cls.employee = cls.evaluation.employee_id

    def _sign_both(self, evaluation=None):
        evaluation = evaluation or self.evaluation
        first = evaluation.with_user(self.hendri.user_id)._kinerja_sign(
            DEMO_HENDRI_PASSPHRASE, personal=True
        )
        second = evaluation.with_user(evaluation.employee_id.user_id)._kinerja_sign()
        return first, second

    # -- the signatures -------------------------------------------------------------
    def test_two_signatures_validate_trusted_by_the_demo_ca(self):
        first, second = self._sign_both()
        pdf = second.sudo()._pdf()
        self.assertEqual(hashlib.sha256(pdf).hexdigest(), second.sha256)
        self.assertTrue(pdf.startswith(b"%PDF"))
        found = kinerja_signer.validate(pdf, self.company._kinerja_trust_roots())
        self.assertEqual(len(found), 2)
        for result in found:
            self.assertTrue(result["intact"] and result["valid"] and result["trusted"], result)
            self.assertFalse(result["modified"])
        self.assertIn(self.hendri.name, found[0]["signer"])
        self.assertIn("e-seal", found[1]["signer"])
        self.assertEqual((first.role, second.role), ("evaluator", "employee"))
        # The first signer's PDF is a prefix of the second (an incremental update)
        self.assertTrue(pdf.startswith(first.sudo()._pdf()))
        # Not trusted by another CA
        other = kinerja_signer.validate(pdf, TestCA("Other").pem)
        self.assertFalse(any(result["trusted"] for result in other))

    def test_wrong_passphrase_refused(self):
        as_hendri = self.evaluation.with_user(self.hendri.user_id)
        with self.assertRaisesRegex(UserError, "passphrase does not open"):
            as_hendri._kinerja_sign("wrong", personal=True)
        self.assertFalse(self.evaluation.is_signed)

    def test_who_may_not_sign_has_no_button_and_is_refused(self):
        evaluation = self.evaluation
        # The employee signs after the evaluator only
        as_employee = evaluation.with_user(self.employee.user_id)
        self.assertFalse(as_employee.can_sign)
        with self.assertRaisesRegex(UserError, "signed first by"):
            as_employee._kinerja_sign()
        # An HR officer signs nothing here
        as_officer = evaluation.with_user(self.officer)
        self.assertFalse(as_officer.can_sign)
        with self.assertRaises(UserError):  # AccessError is one too
            as_officer._kinerja_sign()
        self.assertTrue(evaluation.with_user(self.hendri.user_id).can_sign)
        # A rated, unconfirmed evaluation is not signed yet
        rated = self.env["hr.kinerja.evaluation"].search(
            [("evaluator_id", "=", self.hendri.id), ("state", "!=", "confirmed")], limit=1
        )
        if rated:
            self.assertFalse(rated.with_user(self.hendri.user_id).can_sign)

    # -- the freeze -------------------------------------------------------------------
    def test_signed_evaluation_refuses_changes_until_reopened(self):
        self._sign_both()
        evaluation = self.evaluation
        with self.assertRaisesRegex(UserError, "signed electronically .*D.1"):
            workflow(evaluation).write({"note": "Changed"})
        distribution = evaluation.distribution_id
        with self.assertRaisesRegex(UserError, "signed electronically"):
            workflow(distribution.evaluation_ids).write({"state": "rated"})
        # The employee cannot reopen it
        with self.assertRaises(AccessError):
            evaluation.with_user(self.employee.user_id)._kinerja_reopen_signed("x")
        signatures = evaluation.signature_ids
        evaluation.with_user(self.officer)._kinerja_reopen_signed("Wrong period recorded")
        evaluation.invalidate_recordset()
        self.assertFalse(evaluation.is_signed)
        kept = self.env["hr.kinerja.signature"]._of(evaluation, superseded=True)
        self.assertEqual(kept, signatures)
        self.assertTrue(all(kept.mapped("superseded")))
        self.assertTrue(all(kept.mapped("attachment_id")))
        self.assertIn("Wrong period recorded", evaluation.message_ids[0].body)
        # No longer frozen by its signature (the locked period is another matter)
        try:
            workflow(evaluation).write({"note": "Changed"})
        except UserError as error:
            self.assertNotIn("signed electronically", str(error))

    def test_signed_skp_changes_only_through_an_adjustment(self):
        skp = self.env["hr.kinerja.skp"].search(
            [("employee_id", "=", self.maya.id), ("state", "=", "set")], limit=1
        )
        self.assertTrue(skp.is_signed, "the demo signs Maya's SKP")
        with self.assertRaisesRegex(UserError, "signed electronically"):
            skp.rhk_ids[:1].with_user(self.officer).write({"name": "Changed"})
        with self.assertRaisesRegex(UserError, "signed electronically"):
            skp.with_user(self.officer).write({"approach": "qualitative"})
        revision = skp.with_user(self.officer)._new_revision("New duties")
        self.assertEqual(revision.state, "draft")
        self.assertFalse(revision.is_signed)
        self.assertTrue(skp.is_signed, "the signed revision stays as it was")

    # -- the public page --------------------------------------------------------------
    def _csrf(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _upload(self, token, data):
        url = f"/kinerja/verify/{token}"
        page = self.url_open(url).text
        return self.url_open(
            url,
            data={"csrf_token": self._csrf(page)},
            files={"document": ("document.pdf", data, "application/pdf")},
        )

    def test_public_page_tells_the_original_from_a_changed_copy(self):
        _first, second = self._sign_both()
        second = second.sudo()
        page = self.url_open(f"/kinerja/verify/{second.token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.employee.name, page.text)
        self.assertIn(second.sha256, page.text)
        self.assertNotIn("Predicate", page.text)
        pdf = second._pdf()
        original = self._upload(second.token, pdf)
        self.assertIn("o_kinerja_verify_original", original.text)
        changed = bytearray(pdf)
        changed[len(changed) // 2] ^= 0x01
        answer = self._upload(second.token, bytes(changed))
        self.assertIn("o_kinerja_verify_not_original", answer.text)
        self.assertNotIn("o_kinerja_verify_original", answer.text)

    def test_unknown_token_404_and_code_lookup(self):
        self.assertEqual(self.url_open("/kinerja/verify/" + "x" * 32).status_code, 404)
        self.assertEqual(self.url_open("/kinerja/verify/short").status_code, 404)
        signature = self.env["hr.kinerja.signature"].search([], limit=1)
        found = self.url_open(f"/kinerja/verify?code={signature.code.lower()}")
        self.assertIn(signature.sha256, found.text)
        missing = self.url_open("/kinerja/verify?code=ZZZZ-ZZZZ")
        self.assertIn("o_kinerja_verify_not_found", missing.text)

    def test_portal_employee_signs_after_the_evaluator(self):
        self.evaluation.with_user(self.hendri.user_id)._kinerja_sign(
            DEMO_HENDRI_PASSPHRASE, personal=True
        )
        user = self.employee.user_id
        user.password = "sign-test-pw"
        self.authenticate(user.login, "sign-test-pw")
        url = f"/my/kinerja/evaluation/{self.evaluation.id}"
        page = self.url_open(url).text
        self.assertIn("o_kinerja_sign_form", page)
        self.url_open(url + "/sign", data={"csrf_token": self._csrf(page)})
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.signature_ids.mapped("role"), ["evaluator", "employee"])
        self.assertNotIn("o_kinerja_sign_form", self.url_open(url).text)
        self.assertTrue(base64.b64decode(self.evaluation.signature_ids[-1].attachment_id.datas))
