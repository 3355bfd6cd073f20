"""Signed documents (issue 13): PAdES signatures with pyHanko, the freeze of a
signed record and its revision paths, the public verification page. In an agency of
the tests' own (tests/common_evaluation.py), with a test CA made here: the agency's
seal and a personal certificate for the section head (kasi), who rates his staff."""

import base64
import hashlib
import re

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..models import kinerja_signer, kinerja_test_ca
from ..models.workflow import workflow
from .common_evaluation import KinerjaEvaluationCase

SEAL_PASSPHRASE = "seal-test"
KASI_PASSPHRASE = "kasi-test"


@tagged("post_install", "-at_install")
class TestSignature(KinerjaEvaluationCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._january_realisations()
        cls.company = cls.env.company
        # The agency's test CA, its seal and trust root; the kasi's own certificate
        # (as the demo does at install: models/hr_kinerja_signature_demo.py; the
        # module, not the class, is imported: pytest would take TestCA for tests)
        authority = kinerja_test_ca.TestCA(cls.company.name)
        cls.company.sudo().write(
            {
                "kinerja_seal_p12": base64.b64encode(
                    authority.issue(f"{cls.company.name} (e-seal)", SEAL_PASSPHRASE)
                ),
                "kinerja_seal_passphrase": SEAL_PASSPHRASE,
                "kinerja_trust_roots": authority.pem,
            }
        )
        cls.kasi_user.sudo().write(
            {
                "kinerja_sign_p12": base64.b64encode(
                    authority.issue(cls.kasi.name, KASI_PASSPHRASE)
                ),
                "kinerja_sign_subject": f"{cls.kasi.name} ({authority.organisation})",
            }
        )
        cls.employee = cls.staff[0]

    def setUp(self):
        super().setUp()
        # The section's January evaluations rated by the kasi and confirmed with
        # the section's distribution; the one of the first staff member is signed
        self.evaluations = self._generate().with_env(self.env)
        for employee in self.staff - self.study:
            self._rate(self._of(self.evaluations, employee), "sesuai", "sesuai")
        study = self._of(self.evaluations, self.study).with_user(self.kasi_user)
        study.write({"ipk": 3.6})
        study.action_done()
        self._achieve(self.seksi, "baik")
        self.evaluation = self._of(self.evaluations, self.employee)
        distribution = self.evaluation.distribution_id
        distribution.sudo().justification = "Target tercapai."
        distribution.with_user(self.kasi_user).action_confirm()
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.state, "confirmed")

    def _sign_both(self, record=None):
        """The evaluator with his own certificate, then the employee with the seal."""
        record = record or self.evaluation
        first = record.with_user(self.kasi_user)._kinerja_sign(KASI_PASSPHRASE, personal=True)
        second = record.with_user(self.employee.user_id)._kinerja_sign()
        return first, second

    def _assert_trusted_by_the_test_ca(self, pdf):
        found = kinerja_signer.validate(pdf, self.company._kinerja_trust_roots())
        self.assertEqual(len(found), 2)
        for result in found:
            self.assertTrue(result["intact"] and result["valid"] and result["trusted"], result)
            self.assertFalse(result["modified"])
        # Not trusted by another CA
        other = kinerja_signer.validate(pdf, kinerja_test_ca.TestCA("Other").pem)
        self.assertFalse(any(result["trusted"] for result in other))
        return found

    # -- the signatures -------------------------------------------------------------
    def test_two_signatures_validate_trusted_by_the_test_ca(self):
        first, second = self._sign_both()
        pdf = second.sudo()._pdf()
        self.assertEqual(hashlib.sha256(pdf).hexdigest(), second.sha256)
        self.assertTrue(pdf.startswith(b"%PDF"))
        found = self._assert_trusted_by_the_test_ca(pdf)
        self.assertIn(self.kasi.name, found[0]["signer"])
        self.assertIn("e-seal", found[1]["signer"])
        self.assertEqual((first.role, second.role), ("evaluator", "employee"))
        self.assertEqual(second.sudo().document_name, "D.1.1")
        # The first signer's PDF is a prefix of the second (an incremental update)
        self.assertTrue(pdf.startswith(first.sudo()._pdf()))

    def test_skp_signatures_validate_trusted_by_the_test_ca(self):
        skp = self.skp_of[self.employee]
        # An SKP is signed by the employee and who set it, in either order
        second = skp.with_user(self.employee.user_id)._kinerja_sign()
        first = skp.with_user(self.kasi_user)._kinerja_sign(KASI_PASSPHRASE, personal=True)
        self.assertEqual((second.role, first.role), ("employee", "evaluator"))
        self.assertRegex(first.sudo().document_name, r"^SKP A\.1\.\d$")
        self.assertEqual(first.sudo().document_name, "SKP A.1.7")  # a pelaksana's
        pdf = first.sudo()._pdf()
        self.assertEqual(hashlib.sha256(pdf).hexdigest(), first.sha256)
        found = self._assert_trusted_by_the_test_ca(pdf)
        self.assertIn("e-seal", found[0]["signer"])
        self.assertIn(self.kasi.name, found[1]["signer"])
        self.assertTrue(pdf.startswith(second.sudo()._pdf()))

    def test_wrong_passphrase_refused(self):
        as_kasi = self.evaluation.with_user(self.kasi_user)
        with self.assertRaisesRegex(UserError, "passphrase does not open"):
            as_kasi._kinerja_sign("wrong", personal=True)
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
        self.assertTrue(evaluation.with_user(self.kasi_user).can_sign)
        # A rated, unconfirmed evaluation is not signed yet: the kasi's own, which
        # the division head rated (the division's distribution is not confirmed)
        rated = self._rate(self._of(self.evaluations, self.kasi), "sesuai", "sesuai")
        self.assertNotEqual(rated.state, "confirmed")
        self.assertFalse(rated.can_sign)
        with self.assertRaisesRegex(UserError, "signed once the predicate is confirmed"):
            rated._kinerja_sign()

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
        skp = self.skp_of[self.employee]
        self._sign_both(skp)
        self.assertTrue(skp.is_signed)
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
        signature = self._sign_both()[1].sudo()
        found = self.url_open(f"/kinerja/verify?code={signature.code.lower()}")
        self.assertIn(signature.sha256, found.text)
        missing = self.url_open("/kinerja/verify?code=ZZZZ-ZZZZ")
        self.assertIn("o_kinerja_verify_not_found", missing.text)

    def test_portal_employee_signs_after_the_evaluator(self):
        self.evaluation.with_user(self.kasi_user)._kinerja_sign(KASI_PASSPHRASE, personal=True)
        # The employee has a portal account (tests/common_portal.py)
        user = self.employee.user_id
        user.groups_id = [
            Command.set(
                [
                    self.env.ref("base.group_portal").id,
                    self.env.ref("hr_kinerja_asn.group_kinerja_portal").id,
                ]
            )
        ]
        self.assertTrue(user.share)
        self.authenticate(user.login, user.login)
        url = f"/my/kinerja/evaluation/{self.evaluation.id}"
        page = self.url_open(url).text
        self.assertIn("o_kinerja_sign_form", page)
        self.url_open(url + "/sign", data={"csrf_token": self._csrf(page)})
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.signature_ids.mapped("role"), ["evaluator", "employee"])
        self.assertNotIn("o_kinerja_sign_form", self.url_open(url).text)
        self.assertTrue(base64.b64decode(self.evaluation.signature_ids[-1].attachment_id.datas))
