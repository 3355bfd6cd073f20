from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_pembinaan import NOV_10, PembinaanCase

CONFIDENTIAL = ("hr.kinerja.counselling", "hr.kinerja.counselling.session")


@tagged("post_install", "-at_install")
class TestKonseling(PembinaanCase):
    """Konseling kinerja (003 section Konseling kinerja 5): the evaluator reports a
    work-behaviour problem (Format B.1.10), the HR unit's counselling team appoints a
    counsellor, who holds individual sessions - "dengan memperhatikan prinsip
    kerahasiaan" (5 b)."""

    REPORT = {
        "problem": "Sering meninggalkan kantor tanpa izin",
        "impact": "Layanan diklat tertunda; rekan menggantikan tugasnya",
        "steps_taken": "Umpan balik langsung dua kali; dibahas dalam dialog kinerja",
    }

    def _report(self, user=None, **values):
        Report = self.env["hr.kinerja.behaviour.report"].with_user(user or self.kasi_user)
        values = {"employee_id": self.staff.id, "date": NOV_10, **self.REPORT, **values}
        return Report.create(values).with_env(self.env)

    def _submitted_case(self):
        report = self._report()
        report.with_user(self.kasi_user).action_submit()
        return report, report.case_id

    def _assigned_case(self):
        report, case = self._submitted_case()
        as_team = case.with_user(self.counselling_user)
        as_team.write({"counsellor_id": self.counsellor_user.id, "counsellor_type": "independent"})
        as_team.action_assign()
        return report, case

    def _session(self, case, user):
        Session = self.env["hr.kinerja.counselling.session"].with_user(user)
        return Session.create(
            {"case_id": case.id, "date": datetime(2026, 11, 20, 2, 0), "place": "Ruang tertutup"}
        ).with_env(self.env)

    # -- the report (B.1.10) -----------------------------------------------------
    def test_only_the_evaluator_reports(self):
        """003 section Konseling kinerja 5 c 1 (a), (d): the evaluator identifies and
        reports; nobody else, for nobody else."""
        report = self._report()
        self.assertEqual(report.reporter_id, self.kasi)
        self.assertEqual(report.period_id, self.november)
        with self.assertRaisesMsg(ValidationError, "is not the evaluator of Analis Diklat"):
            self._report(user=self.colleague_user)
        with self.assertRaisesMsg(ValidationError, "(that is Kepala Seksi)"):
            self._report(user=self.kabid_user)
        with self.assertRaisesMsg(AccessError, "Only Kepala Seksi, the evaluator"):
            self._report(user=self.colleague_user, reporter_id=self.kasi.id)

    def test_submit_needs_the_report_filled_in(self):
        """003 Format B.1.10: the problem, its detail and the retrospective are required."""
        report = self._report(impact=False, steps_taken=" ")
        with self.assertRaisesMsg(UserError, "Complete the report before submitting it"):
            report.with_user(self.kasi_user).action_submit()

    def test_submit_opens_a_case_the_reporter_does_not_see(self):
        """003 section Konseling kinerja 5 c 2 (a): the report reaches the HR unit as a
        case; the reporting evaluator keeps reading their report, not the case - and
        does not follow it."""
        report, case = self._submitted_case()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(case.employee_id, self.staff)
        self.assertEqual(case.state, "new")
        self.assertNotIn(self.kasi_user.partner_id, case.message_partner_ids)
        as_reporter = report.with_user(self.kasi_user)
        self.assertEqual(as_reporter.read(["problem"])[0]["problem"], self.REPORT["problem"])
        self.assertNotIn("case_id", as_reporter.read()[0])
        self.assertFalse(self.env["hr.kinerja.counselling"].with_user(self.kasi_user).search([]))
        with self.assertRaises(AccessError):
            case.with_user(self.kasi_user).read(["name"])
        with self.assertRaisesMsg(UserError, "stays as it was sent"):
            as_reporter.problem = "Diubah setelah dikirim"
        with self.assertRaisesMsg(UserError, "stays on file"):
            as_reporter.unlink()

    def test_second_report_joins_the_open_case(self):
        """5 c 2 (a)(1): the HR unit keeps one open case per employee."""
        _report, case = self._submitted_case()
        second = self._report(problem="Tidak mengikuti apel pagi")
        second.with_user(self.kasi_user).action_submit()
        self.assertEqual(second.case_id, case)
        self.assertEqual(case.report_count, 2)

    def test_locked_period_refuses_reports(self):
        """001 item 7: a report belongs to the period of its date."""
        report = self._report()
        self.november.action_lock()
        with self.assertRaisesMsg(UserError, "November 2026 is locked"):
            report.with_user(self.kasi_user).problem = "Terlambat"
        with self.assertRaisesMsg(UserError, "November 2026 is locked"):
            report.with_user(self.kasi_user).action_submit()
        with self.assertRaisesMsg(UserError, "is locked: nothing in it can be changed"):
            self._report()
        self._report(date=date(2026, 12, 1))

    # -- confidentiality (5 b) ----------------------------------------------------
    def test_officer_outside_the_counselling_group_cannot_read(self):
        """5 b: HR officers and managers as such read no case, session or report."""
        report, case = self._assigned_case()
        session = self._session(case, self.counsellor_user)
        for user in (self.officer, self.manager):
            with self.subTest(user=user.login):
                self.assertFalse(user.has_group("hr_kinerja_asn.group_kinerja_counselling"))
                for record in (case, session, report):
                    self.assertFalse(
                        self.env[record._name].with_user(user).search([("id", "=", record.id)])
                    )
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])

    def test_counselling_group_member_reads_all(self):
        """5 c 2 (a): the counselling team of the HR unit reads every report, case and session."""
        report, case = self._assigned_case()
        session = self._session(case, self.counsellor_user)
        for record in (case, session, report):
            self.assertTrue(record.with_user(self.counselling_user).read(["display_name"]))
        self.assertEqual(report.with_user(self.counselling_user).case_id, case)

    def test_officer_in_the_counselling_group_reads(self):
        """Membership of the counselling group, not the HR role, opens the cases."""
        _report, case = self._submitted_case()
        self.officer.groups_id = [(4, self.env.ref("hr_kinerja_asn.group_kinerja_counselling").id)]
        self.assertTrue(case.with_user(self.officer).read(["name"]))

    def test_counsellor_reads_the_case_sessions_and_reports(self):
        """5 c 2 (a)(3): the counsellor appointed reads the case, its sessions and the
        reports that led to it - with no HR right at all."""
        report, case = self._assigned_case()
        self.assertIn(self.counsellor_user.partner_id, case.message_partner_ids)
        self.assertEqual(case.activity_ids.user_id, self.counsellor_user)
        as_counsellor = case.with_user(self.counsellor_user)
        self.assertEqual(as_counsellor.read(["employee_id"])[0]["employee_id"][0], self.staff.id)
        self.assertTrue(report.with_user(self.counsellor_user).read(["problem"]))
        with self.assertRaisesMsg(UserError, "stays as it was sent"):
            report.with_user(self.counsellor_user).write({"problem": "x"})
        session = self._session(case, self.counsellor_user)
        self.assertEqual(case.state, "in_progress")
        session.with_user(self.counsellor_user).notes = "Pegawai terbuka"
        self.assertEqual(as_counsellor.session_ids, session)

    def test_reporter_and_employee_concerned_do_not_read_the_case(self):
        """5 b: neither the reporting evaluator, nor the employee, nor a colleague, nor the
        evaluator's superior reads the case or its sessions; of them, only the reporter reads the
        report."""
        report, case = self._assigned_case()
        session = self._session(case, self.counsellor_user)
        for user in (self.kasi_user, self.staff_user, self.colleague_user, self.kabid_user):
            with self.subTest(user=user.login):
                for record in (case, session):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])
        for user in (self.staff_user, self.colleague_user, self.kabid_user):
            with self.subTest(user=user.login, record="report"):
                with self.assertRaises(AccessError):
                    report.with_user(user).read(["problem"])

    def test_counselling_group_of_another_agency_sees_none(self):
        """DOMAIN section 1: multi-company - the counselling team of another agency sees nothing."""
        self._submitted_case()
        env = self.env(
            user=self.counselling_b,
            context=dict(self.env.context, allowed_company_ids=self.company_b.ids),
        )
        for model in (*CONFIDENTIAL, "hr.kinerja.behaviour.report"):
            self.assertFalse(env[model].search([]))

    def test_counselling_group_is_implied_by_no_role(self):
        """Membership is given one by one: no HR role implies it; the administrator has
        it."""
        group = self.env.ref("hr_kinerja_asn.group_kinerja_counselling")
        for xmlid in (
            "hr_kinerja_asn.group_kinerja_employee",
            "hr_kinerja_asn.group_kinerja_officer",
            "hr_kinerja_asn.group_kinerja_manager",
            "hr.group_hr_manager",
        ):
            with self.subTest(group=xmlid):
                self.assertNotIn(group, self.env.ref(xmlid).trans_implied_ids)
        self.assertIn(self.env.ref("base.user_admin"), group.users)

    # -- the case's life ----------------------------------------------------------
    def test_only_the_counselling_group_assigns(self):
        """5 c 2 (a)(2)-(4): the HR unit decides, appoints the counsellor, then sessions are
        scheduled."""
        _report, case = self._submitted_case()
        with self.assertRaisesMsg(UserError, "Choose the counsellor"):
            case.with_user(self.counselling_user).action_assign()
        with self.assertRaisesMsg(UserError, "has no counsellor yet"):
            self._session(case, self.counselling_user)
        with self.assertRaises(AccessError):
            case.with_user(self.officer).write({"counsellor_id": self.officer.id})
        case.with_user(self.counselling_user).counsellor_id = self.counsellor_user
        with self.assertRaisesMsg(AccessError, "Only the counselling group"):
            case.with_user(self.counsellor_user).action_assign()
        with self.assertRaisesMsg(ValidationError, "cannot be their own counsellor"):
            case.with_user(self.counselling_user).counsellor_id = self.staff_user

    def test_counsellor_writes_outcome_only_and_closes(self):
        """5 c 2 (c): the counsellor records the result of the counselling."""
        _report, case = self._assigned_case()
        as_counsellor = case.with_user(self.counsellor_user)
        with self.assertRaisesMsg(AccessError, "the rest of the case is the counselling"):
            as_counsellor.counsellor_id = self.kasi_user
        with self.assertRaisesMsg(UserError, "Record the outcome"):
            as_counsellor.action_close()
        as_counsellor.write({"outcome": "Perilaku membaik", "recommendation": "Pantau 3 bulan"})
        as_counsellor.action_close()
        self.assertEqual(case.state, "closed")
        with self.assertRaisesMsg(UserError, "is closed"):
            self._session(case, self.counsellor_user)
        with self.assertRaisesMsg(UserError, "is closed"):
            as_counsellor.outcome = "Diubah"
        with self.assertRaisesMsg(AccessError, "Only the counselling group"):
            as_counsellor.action_reopen()
        case.with_user(self.counselling_user).action_reopen()
        self.assertEqual(case.state, "assigned")

    def test_new_counsellor_replaces_the_old_one(self):
        """Confidentiality when the counsellor changes: the former one no longer reads
        the case nor follows it."""
        _report, case = self._assigned_case()
        case.with_user(self.counselling_user).counsellor_id = self.kabid_user
        self.assertNotIn(self.counsellor_user.partner_id, case.message_partner_ids)
        self.assertIn(self.kabid_user.partner_id, case.message_partner_ids)
        self.assertEqual(case.activity_ids.user_id, self.kabid_user)
        with self.assertRaises(AccessError):
            case.with_user(self.counsellor_user).read(["name"])
        self.assertTrue(case.with_user(self.kabid_user).read(["name"]))

    def test_cases_stay_on_file(self):
        """5 c 2 (c)-(e): the record of the counselling stays on file for the follow-up."""
        _report, case = self._submitted_case()
        with self.assertRaisesMsg(UserError, "stays on file"):
            case.with_user(self.counselling_user).unlink()
        with self.assertRaisesMsg(UserError, "Use the Assign, Close and Reopen buttons"):
            case.with_user(self.counselling_user).state = "closed"

    def test_counsellor_form(self):
        """The counsellor records sessions and the outcome; the rest of the form is the
        counselling group's."""
        _report, case = self._assigned_case()
        with Form(case.with_user(self.counsellor_user)) as form:
            with self.assertRaises(AssertionError):
                form.counsellor_id = self.kasi_user
            with form.session_ids.new() as session:
                session.date = datetime(2026, 11, 20, 2, 0)
                session.place = "Ruang tertutup"
                session.notes = "Sesi pertama"
            form.outcome = "Pegawai memahami dampak perilakunya"
        self.assertEqual(case.state, "in_progress")
        self.assertEqual(case.session_ids.notes, "Sesi pertama")

    def test_evaluator_fills_in_the_report_form(self):
        """003 Format B.1.10 as the evaluator fills it in and submits it."""
        Report = self.env["hr.kinerja.behaviour.report"].with_user(self.kasi_user)
        with Form(Report) as form:
            self.assertEqual(form.reporter_id, self.kasi)
            form.employee_id = self.staff
            form.date = NOV_10
            self.assertEqual(form.period_id, self.november)
            form.problem = self.REPORT["problem"]
            form.impact = self.REPORT["impact"]
            form.steps_taken = self.REPORT["steps_taken"]
        report = form.record
        report.action_submit()
        self.assertEqual(report.state, "submitted")
