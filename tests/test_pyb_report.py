"""The report to the PyB (003 Pasal 26; section Tindak lanjut 10): one PDF of a
unit's or the agency's evaluation documents, the signed PDFs where signed, its
reminder to HR officers, who may prepare it."""

import base64
import hashlib
import io
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools.pdf import PdfReader

from ..models.kinerja_test_ca import TestCA
from ..models.workflow import workflow
from .common_keberatan import HANDED_OVER, RECEIVED, KinerjaKeberatanCase


def pages(pdf):
    return len(PdfReader(io.BytesIO(pdf), strict=False).pages)


def text(pdf):
    found = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(found.split())


@tagged("post_install", "-at_install")
class TestPybReport(KinerjaKeberatanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        authority = TestCA(cls.env.company.name)
        cls.env.company.write(
            {
                "kinerja_seal_p12": base64.b64encode(authority.issue("Seal", "seal")),
                "kinerja_seal_passphrase": "seal",
                "kinerja_trust_roots": authority.pem,
            }
        )
        cls.Report = cls.env["hr.kinerja.pyb.report"]
        cls.other_leader = new_test_user(cls.env, "pyb_other_leader", groups="base.group_user")
        cls.seksi_2.manager_id.user_id = cls.other_leader

    def _prepare(self, user=None, scope="unit", unit=None):
        return self.Report.with_user(user or self.officer)._prepare(
            self.january, scope, self.seksi if unit is None else unit
        )

    def test_bundle_holds_each_employees_documents_in_order_signed_where_signed(self):
        # the JF's document signed by the kasi and the JF; an objection from another
        evaluation = self.evaluation
        first = evaluation.with_user(self.kasi_user)._kinerja_sign()
        last = evaluation.with_user(self.jf_user)._kinerja_sign()
        objected = self.other
        with freeze_time(HANDED_OVER):
            objected.with_user(self.kasi_user).action_hand_over()
        with freeze_time(RECEIVED):
            objected.with_user(self.staff_users[0]).action_receive()
            objection = (
                self.env["hr.kinerja.keberatan"]
                .with_user(self.staff_users[0])
                .create({"evaluation_id": objected.id, "reasons": "Capaian di atas target."})
            )
            objection.action_file()

        report = self._prepare()
        parts = report._parts()
        seksi = self.evaluations.filtered(lambda e: e.distribution_id == self.distribution)
        employees = seksi.employee_id.sorted("name")
        expected = [("penetapan", False)]
        for employee in employees:
            expected += [(form, employee) for form in ("skp", "result", "document")]
            if employee == objected.employee_id:
                expected.append(("objection", employee))
        self.assertEqual([(p["form"], p["employee"] or False) for p in parts], expected)
        self.assertEqual(report.employee_count, len(employees))
        self.assertEqual(report.document_count, len(expected))
        # the signed document is the last signer's PDF, byte for byte
        signed = [p for p in parts if p["signature"]]
        self.assertEqual([p["record"] for p in signed], [evaluation])
        self.assertEqual(signed[0]["signature"], last)
        self.assertEqual(hashlib.sha256(signed[0]["pdf"]).hexdigest(), last.sha256)
        self.assertNotEqual(first.sha256, last.sha256)
        self.assertEqual(report.signed_count, 1)
        # each part printed the form it stands for
        codes = {
            "penetapan": "PENETAPAN PREDIKAT",
            "result": "FORMAT C.1",
            "document": "FORMAT D.1.1",
            "objection": "FORMAT D.1.3",
        }
        for part in parts:
            if part["form"] in codes and not part["signature"]:
                with self.subTest(form=part["form"], record=part["record"].display_name):
                    self.assertIn(codes[part["form"]], text(part["pdf"]))
        # the bundle: the cover, then the parts, page by page
        bundle = base64.b64decode(report.attachment_id.datas)
        cover = text(bundle).split("Urutan dokumen")[0]
        self.assertIn("KEPADA PEJABAT YANG BERWENANG", cover)
        for employee in employees:
            self.assertIn(employee.name, cover)
        self.assertIn(f"Ditandatangani elektronik ({last.code})", cover)
        total = sum(pages(p["pdf"]) for p in parts)
        self.assertGreaterEqual(pages(bundle) - total, 1)
        self.assertLessEqual(pages(bundle) - total, 2)
        self.assertEqual(report.state, "draft")
        report.with_user(self.officer).action_mark_reported()
        self.assertEqual(report.state, "sent")
        self.assertEqual(report.reported_date, date.today())

    def test_unit_leader_reports_their_unit_only_staff_cannot_open(self):
        Report = self.Report.with_user(self.kasi_user)
        Report._check_may_report(self.january, "unit", self.seksi)
        with self.assertRaisesRegex(AccessError, "leader of the unit"):
            Report._check_may_report(self.january, "unit", self.seksi_2)
        with self.assertRaisesRegex(AccessError, "leader of the unit"):
            Report._check_may_report(self.january, "agency", self.env["hr.department"])
        # the kabid leads the bidang: the seksi lies below it
        self.Report.with_user(self.kabid_user)._check_may_report(self.january, "unit", self.seksi)
        with self.assertRaises(AccessError):
            self.Report.with_user(self.officer_b)._check_may_report(
                self.january, "agency", self.env["hr.department"]
            )
        Wizard = self.env["hr.kinerja.pyb.report.wizard"]
        for user in (self.staff_users[1], self.jf_user):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(AccessError, "HR officers and unit leaders"):
                    Wizard.with_user(user).default_get(["period_id", "department_id"])
                with self.assertRaisesRegex(AccessError, "HR officers and unit leaders"):
                    Wizard.with_user(user).create(
                        {"period_id": self.january.id, "department_id": self.seksi.id}
                    )
        defaults = Wizard.with_user(self.kasi_user).default_get(["department_id"])
        self.assertEqual(defaults["department_id"], self.seksi.id)
        wizard = Wizard.with_user(self.kasi_user).create(
            {"period_id": self.january.id, "department_id": self.seksi_2.id}
        )
        with self.assertRaises(AccessError):
            wizard.action_prepare()

    def test_a_leader_reads_their_units_reports_only(self):
        report = workflow(self.Report.sudo()).create(
            {
                "period_id": self.january.id,
                "scope": "unit",
                "department_id": self.seksi.id,
                "leader_id": self.kasi.id,
                "user_id": self.officer.id,
            }
        )

        def found(user):
            context = dict(self.env.context, allowed_company_ids=user.company_ids.ids)
            return self.env(user=user, context=context)["hr.kinerja.pyb.report"].search([])

        self.assertEqual(found(self.kasi_user), report)
        self.assertFalse(found(self.staff_users[0]))
        self.assertFalse(found(self.other_leader))
        self.assertFalse(found(self.officer_b))
        self.assertEqual(found(self.officer), report)
        with self.assertRaises(AccessError):
            report.with_user(self.kasi_user).write({"state": "sent"})

    def test_reminder_fires_once_and_not_after_reporting(self):
        Period = self.env["hr.kinerja.period"]
        deadline = self.january.date_report
        self.assertTrue(deadline)
        day = self.january.date_evaluation or self.january.date_end
        with freeze_time(day):
            self.assertFalse(
                Period._cron_pyb_report_reminders().filtered(lambda a: a.res_id == self.january.id)
            )
        with freeze_time(deadline):
            created = Period._cron_pyb_report_reminders()
            mine = created.filtered(lambda a: a.res_id == self.january.id)
            self.assertIn(self.officer, mine.user_id)
            self.assertNotIn(self.officer_b, mine.user_id)
            self.assertEqual(len(mine), len(mine.user_id))
            self.assertEqual(set(mine.mapped("date_deadline")), {deadline})
            again = Period._cron_pyb_report_reminders()
            self.assertFalse(again.filtered(lambda a: a.res_id == self.january.id))
            report = workflow(self.Report.sudo()).create(
                {"period_id": self.january.id, "scope": "agency", "user_id": self.officer.id}
            )
            report.with_user(self.officer).action_mark_reported()
            self.assertFalse(self.january._pyb_reminders())
            self.assertEqual(self.january.pyb_reported_date, deadline)
            mine.invalidate_recordset()
            self.assertFalse(self.january._pyb_reminders().filtered("active"))
        with freeze_time(deadline):
            self.assertFalse(
                Period._cron_pyb_report_reminders().filtered(lambda a: a.res_id == self.january.id)
            )

    def test_queries_do_not_grow_with_the_employees(self):
        seksi = self.evaluations.filtered(lambda e: e.distribution_id == self.distribution)

        # wkhtmltopdf fetches the pages' styles and images from this server, whose
        # requests share the test's cursor: their queries are not the bundle's
        Report = type(self.env["ir.actions.report"])
        original = Report._run_wkhtmltopdf
        served = [0]

        def run(report, *args, **kwargs):
            before = self.env.cr.sql_log_count
            try:
                return original(report, *args, **kwargs)
            finally:
                served[0] += self.env.cr.sql_log_count - before

        def queries(evaluations):
            report = workflow(self.Report.sudo()).create(
                {
                    "period_id": self.january.id,
                    "scope": "unit",
                    "department_id": self.seksi.id,
                    "evaluation_ids": [(6, 0, evaluations.ids)],
                }
            )
            self.env.flush_all()
            self.env.invalidate_all()
            served[0] = 0
            before = self.env.cr.sql_log_count
            with patch.object(Report, "_run_wkhtmltopdf", run):
                parts = report._parts()
            self.assertEqual(len(parts), 1 + 3 * len(evaluations))
            return self.env.cr.sql_log_count - before - served[0]

        self.assertGreaterEqual(len(seksi), 6)
        queries(seksi[:2])  # warms the caches (views, translations)
        # four more employees, no more queries: one per employee would be 4 or more
        # (prefetch batches may split differently: a query or two either way)
        self.assertLessEqual(abs(queries(seksi[:6]) - queries(seksi[:2])), 2)
