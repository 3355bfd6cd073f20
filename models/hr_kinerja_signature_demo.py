import base64
import logging

from odoo import api, models

from .kinerja_test_ca import TestCA

# The demo's certificates are made at install time (no private key in the sources).
DEMO_SEAL_PASSPHRASE = "seal-demo"
DEMO_HENDRI_PASSPHRASE = "hendri"


class HrKinerjaDemoLoader(models.AbstractModel):
    _inherit = "hr.kinerja.demo.loader"

    @api.model
    def _load_signature_demo(self):
        """A local test CA for the demo agency: its seal certificate and trust root,
        a personal certificate for dr. Hendri (passphrase "hendri"); then Hendri and
        dr. Maya sign Maya's SKP and her last confirmed evaluation document, so that
        the verification page has examples."""
        env = self.sudo().env
        hendri = env.ref("hr_kinerja_asn.emp_kapus_demo")
        maya = env.ref("hr_kinerja_asn.emp_dokter_pus_demo")
        company = maya.company_id
        authority = TestCA(company.name)
        company.write(
            {
                "kinerja_seal_p12": base64.b64encode(
                    authority.issue(f"{company.name} (e-seal)", DEMO_SEAL_PASSPHRASE)
                ),
                "kinerja_seal_passphrase": DEMO_SEAL_PASSPHRASE,
                "kinerja_trust_roots": authority.pem,
            }
        )
        hendri.user_id.write(
            {
                "kinerja_sign_p12": base64.b64encode(
                    authority.issue(hendri.name, DEMO_HENDRI_PASSPHRASE)
                ),
                "kinerja_sign_subject": f"{hendri.name} ({authority.organisation})",
            }
        )
        skp = env["hr.kinerja.skp"].search(
            [
                ("employee_id", "=", maya.id),
                ("state", "=", "set"),
                ("evaluator_id", "=", hendri.id),
            ],
            limit=1,
        )
        evaluation = env["hr.kinerja.evaluation"].search(
            [
                ("employee_id", "=", maya.id),
                ("state", "=", "confirmed"),
                ("evaluator_id", "=", hendri.id),
                ("escalated", "=", False),
            ],
            order="period_id desc",
            limit=1,
        )
        # At install no HTTP server answers wkhtmltopdf's requests for the page's
        # assets: it says so on each form printed; the PDF is made all the same.
        report_logger = logging.getLogger("odoo.addons.base.models.ir_actions_report")
        level = report_logger.level
        report_logger.setLevel(logging.ERROR)
        try:
            self._sign_demo_documents(skp, evaluation, hendri, maya)
        finally:
            report_logger.setLevel(level)

    @api.model
    def _sign_demo_documents(self, skp, evaluation, hendri, maya):
        for record in (skp, evaluation):
            if not record:
                continue
            as_hendri = record.with_user(hendri.user_id)
            as_hendri._kinerja_sign(DEMO_HENDRI_PASSPHRASE, personal=True)
            record.with_user(maya.user_id)._kinerja_sign()
