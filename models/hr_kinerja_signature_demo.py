import base64

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
        # The documents are signed once the server serves (a one-time job): the PDF
        # is made with its page's assets, and no install waits on wkhtmltopdf asking
        # this same server for them (odoo-bin --test-tags serves HTTP while it installs).
        return True

    @api.model
    def _cron_sign_demo(self):
        """Hendri and dr. Maya sign Maya's SKP and her last confirmed evaluation
        document, so that the verification page has examples; then the job stops."""
        env = self.sudo().env
        hendri = env.ref("hr_kinerja_asn.emp_kapus_demo", raise_if_not_found=False)
        maya = env.ref("hr_kinerja_asn.emp_dokter_pus_demo", raise_if_not_found=False)
        cron = env.ref("hr_kinerja_asn.ir_cron_sign_demo", raise_if_not_found=False)
        if cron:
            cron.active = False
        if not hendri or not maya or not hendri.user_id.kinerja_sign_p12:
            return False
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
        self._sign_demo_documents(
            skp.filtered(lambda r: not r.is_signed),
            evaluation.filtered(lambda r: not r.is_signed),
            hendri,
            maya,
        )
        return True

    @api.model
    def _sign_demo_documents(self, skp, evaluation, hendri, maya):
        for record in (skp, evaluation):
            if not record:
                continue
            as_hendri = record.with_user(hendri.user_id)
            as_hendri._kinerja_sign(DEMO_HENDRI_PASSPHRASE, personal=True)
            record.with_user(maya.user_id)._kinerja_sign()
