"""The progress dashboard (issue 14): where every unit stands, counted from the records.

The agency of tests/common_evaluation.py in January 2027: the kaban has no SKP, a new
staff member of the Seksi Disiplin a draft one, everyone else a set one; five January
realisations entered, one submitted; the January evaluations generated, two rated,
one of them handed over and received; the Seksi Kinerja's January achievement set.
Counted on 20 January (every deadline ahead) and again once the January deadlines
have passed.
"""

import io
from datetime import timedelta

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common_evaluation import KinerjaEvaluationCase

SETUP_DAY = "2027-01-20"
BUCKETS = ("done", "in_progress", "missing", "overdue")


@tagged("post_install", "-at_install")
class TestDashboard(KinerjaEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(SETUP_DAY):
            cls.newcomer = cls.env["hr.employee"].create(
                {
                    "name": "Staf Disiplin Baru",
                    "department_id": cls.seksi_2.id,
                    "asn_type": "pns",
                    "jabatan_type": "pelaksana",
                }
            )
            cls.env["hr.kinerja.skp"].create(
                {"employee_id": cls.newcomer.id, "year_id": cls.year.id, "approach": "quantitative"}
            )
            cls._january_realisations()
            submitted = cls.env["hr.kinerja.realisasi"].search(
                [("employee_id", "=", cls.staff[0].id), ("period_id", "=", cls.january.id)]
            )
            submitted = submitted.with_user(cls.staff_users[0])
            submitted.write({"evidence_links": "https://example.com/dokumen"})
            submitted.action_submit()
            evaluations = (
                cls.env["hr.kinerja.evaluation"].with_user(cls.officer)._generate(cls.january)
            )
            cls.evaluations = evaluations.with_env(cls.env)
            for employee in cls.staff[1:3]:
                rated = cls.evaluations.filtered(lambda e, x=employee: e.employee_id == x)
                rated = rated.with_user(cls.kasi_user)
                rated.write({"result_rating": "sesuai", "behaviour_rating": "sesuai"})
                rated.action_done()
            handed = cls.evaluations.filtered(lambda e: e.employee_id == cls.staff[1])
            handed.with_user(cls.kasi_user).action_hand_over()
            handed.with_user(cls.staff_users[1]).action_receive()
            cls.env["hr.kinerja.org.achievement"].with_user(cls.kabid_user).create(
                {"department_id": cls.seksi.id, "period_id": cls.january.id, "value": "baik"}
            )
        january = cls.january
        deadlines = [
            january.date_evaluation,
            january.date_superior_evaluation,
            january.date_org_achievement,
            january.date_report,
        ]
        cls.late_day = max(d for d in deadlines if d) + timedelta(days=1)
        cls.Progress = cls.env["hr.kinerja.progress"]

    # -- helpers ------------------------------------------------------------------
    def _count(self, day, user=None):
        """{(unit, period, stage): row} as ``user`` (the officer) sees them on ``day``."""
        user = user or self.officer
        with freeze_time(day):
            self.Progress.with_user(self.officer)._refresh(self.year)
            rows = self.Progress.with_user(user).search([("year_id", "=", self.year.id)])
            return {(r.department_id, r.period_id, r.stage): r for r in rows}

    def _row(self, rows, unit, stage, period=None):
        return rows.get((unit, period or self.january, stage))

    def _numbers(self, row):
        return row and (row.expected, row.done, row.in_progress, row.missing, row.overdue)

    # -- the counts ----------------------------------------------------------------
    def test_counts_on_time(self):
        rows = self._count(SETUP_DAY)
        annual = self.annual
        # (total, done, in progress, not started, overdue)
        self.assertEqual(
            self._numbers(self._row(rows, self.badan, "1_skp", annual)), (1, 0, 0, 1, 0)
        )
        self.assertEqual(
            self._numbers(self._row(rows, self.bidang, "1_skp", annual)), (1, 1, 0, 0, 0)
        )
        self.assertEqual(
            self._numbers(self._row(rows, self.seksi, "1_skp", annual)), (7, 7, 0, 0, 0)
        )
        self.assertEqual(
            self._numbers(self._row(rows, self.seksi_2, "1_skp", annual)), (1, 0, 1, 0, 0)
        )
        # one indicator per set SKP of the Seksi Kinerja: five entered (one submitted,
        # four drafts) and two never entered - all seven count
        self.assertEqual(
            self._numbers(self._row(rows, self.seksi, "2_realisation")), (7, 0, 1, 6, 0)
        )
        self.assertEqual(
            self._numbers(self._row(rows, self.seksi, "3_achievement")), (1, 1, 0, 0, 0)
        )
        # January has not ended: no other achievement is due yet
        self.assertIsNone(self._row(rows, self.seksi_2, "3_achievement"))
        self.assertEqual(
            self._numbers(self._row(rows, self.seksi, "4_evaluation")), (7, 2, 0, 5, 0)
        )
        self.assertEqual(
            self._numbers(self._row(rows, self.bidang, "4_evaluation")), (1, 0, 0, 1, 0)
        )
        self.assertEqual(self._numbers(self._row(rows, self.seksi, "6_document")), (2, 1, 0, 1, 0))
        # the one received is still to be returned signed
        self.assertEqual(self._numbers(self._row(rows, self.seksi, "7_signed")), (1, 0, 0, 1, 0))
        for row in rows.values():
            self.assertFalse(row.overdue, f"{row.stage} overdue on time")
            self.assertNotEqual(row.status, "0_overdue")
        done = self._row(rows, self.seksi, "3_achievement")
        self.assertEqual((done.status, done.progress), ("2_done", 100.0))
        todo = self._row(rows, self.seksi, "4_evaluation")
        self.assertEqual(todo.status, "1_todo")
        self.assertEqual(todo.deadline, self.january.date_evaluation)
        self.assertGreater(todo.workdays_left, 0)

    def test_counts_once_late(self):
        rows = self._count(self.late_day)
        evaluation = self._row(rows, self.seksi, "4_evaluation")
        self.assertEqual(self._numbers(evaluation), (7, 2, 0, 5, 5))
        self.assertEqual(evaluation.status, "0_overdue")
        self.assertLess(evaluation.workdays_left, 0)
        # every indicator without a reviewed realisation: drafts, the submitted one
        # and the two never entered
        realisation = self._row(rows, self.seksi, "2_realisation")
        self.assertEqual(realisation.overdue, 7)
        # January has ended: the achievements of Bidang and Seksi Disiplin are missing
        for unit in (self.bidang, self.seksi_2):
            self.assertEqual(self._numbers(self._row(rows, unit, "3_achievement")), (1, 0, 0, 1, 1))
        # the SKP still in draft after the end of January
        skp = self._row(rows, self.seksi_2, "1_skp", self.annual)
        self.assertEqual((skp.overdue, skp.status), (1, "0_overdue"))
        # overdue first
        ordered = self.Progress.with_user(self.officer).search([("year_id", "=", self.year.id)])
        statuses = ordered.mapped("status")
        self.assertEqual(statuses, sorted(statuses))
        self.assertEqual(statuses[0], "0_overdue")

    def test_drill_down_opens_exactly_the_records_counted(self):
        for day in (SETUP_DAY, self.late_day):
            rows = self._count(day)
            self.assertTrue(rows)
            with freeze_time(day):
                for row in rows.values():
                    row = row.with_user(self.officer)
                    for bucket in BUCKETS:
                        model, domain = row._drill_domain(bucket)
                        with self.subTest(day=day, stage=row.stage, bucket=bucket):
                            found = self.env[model].with_user(self.officer).search(domain)
                            self.assertEqual(len(found), row[bucket])
                    action = row.action_open_missing()
                    self.assertEqual(action["type"], "ir.actions.act_window")
        # the names behind a number: the kaban has no SKP
        rows = self._count(SETUP_DAY)
        row = self._row(rows, self.badan, "1_skp", self.annual).with_user(self.officer)
        action = row.action_open_missing()
        self.assertEqual(action["res_model"], "hr.employee")
        self.assertEqual(self.env["hr.employee"].search(action["domain"]), self.kaban)
        row = self._row(rows, self.seksi, "6_document").with_user(self.officer)
        action = row.action_open_done()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]).employee_id, self.staff[1]
        )

    def test_signed_documents_stage(self):
        """Documents signed: of the documents received, those returned signed; late
        once the return deadline (14 working days after receipt) has passed."""
        handed = self.evaluations.filtered(lambda e: e.employee_id == self.staff[1])
        late = handed.return_deadline + timedelta(days=1)
        rows = self._count(late)
        row = self._row(rows, self.seksi, "7_signed")
        self.assertEqual(self._numbers(row), (1, 0, 0, 1, 1))
        self.assertEqual((row.status, row.deadline), ("0_overdue", handed.return_deadline))
        with freeze_time(late):
            handed.with_user(self.staff_users[1]).action_return()
        rows = self._count(late)
        row = self._row(rows, self.seksi, "7_signed")
        self.assertEqual(self._numbers(row), (1, 1, 0, 0, 0))
        self.assertEqual(row.status, "2_done")

    def test_owed_pairs_follow_the_rule_of_owed(self):
        """The daily to-dos and the reminders ask in one query which SKPs owe a
        realisation of which period: the same answer as the due list's rule."""
        Realisasi = self.env["hr.kinerja.realisasi"]
        skps = self.env["hr.kinerja.skp"].search([("year_id", "=", self.year.id)])
        periods = self.year.period_ids.filtered(lambda p: p.kind != "annual")
        expected = {key for key, (owed, _due) in Realisasi._owed(skps, periods).items() if owed}
        self.assertTrue(expected)
        owing = Realisasi._owed_pairs(skps, periods)
        self.assertEqual(owing, expected)
        # the one who submitted January owes nothing for it
        submitted = self.skp_of[self.staff[0]]
        self.assertNotIn((submitted.id, self.january.id), owing)

    def test_never_entered_realisations_are_counted_and_named(self):
        """The realisations nobody entered are indicators, not records: the number
        opens the indicators, the two entered by nobody among them."""
        rows = self._count(SETUP_DAY)
        row = self._row(rows, self.seksi, "2_realisation").with_user(self.officer)
        action = row.action_open_missing()
        self.assertEqual(action["res_model"], "hr.kinerja.iki")
        owed = self.env["hr.kinerja.iki"].with_user(self.officer).search(action["domain"])
        self.assertEqual(len(owed), row.missing)
        entered = self.env["hr.kinerja.realisasi"].search([("period_id", "=", self.january.id)])
        never = owed - entered.iki_id
        self.assertEqual(len(never), 2)
        self.assertNotIn(self.staff[0], owed.employee_id, "the submitted one is in progress")
        # once entered and submitted, the indicator leaves "not started"
        user = never[0].employee_id.user_id
        self.assertTrue(user, "the employee reports their own realisations")
        line = self.env["hr.kinerja.realisasi"].create(
            {"iki_id": never[0].id, "period_id": self.january.id, "value": 1}
        )
        line.with_user(user).write({"evidence_links": "https://example.com/dokumen"})
        line.with_user(user).action_submit()
        rows = self._count(SETUP_DAY)
        self.assertEqual(
            self._numbers(self._row(rows, self.seksi, "2_realisation")), (7, 0, 2, 5, 0)
        )

    # -- the curve -----------------------------------------------------------------
    def test_curve_counts_against_the_pattern(self):
        self._count(SETUP_DAY)
        Curve = self.env["hr.kinerja.progress.curve"].with_user(self.officer)
        distribution = self.evaluations.filtered(
            lambda e: e.employee_id == self.staff[1]
        ).distribution_id
        lines = Curve.search(
            [
                ("period_id", "=", self.january.id),
                ("department_id", "=", distribution.department_id.id),
            ]
        )
        # a count and the band around it for each of the five predicates
        self.assertEqual(len(lines), 15)
        self.assertEqual(lines.mapped("achievement"), ["baik"] * 15)
        series = {(line.predicate.split("_", 1)[1], line.series): line.value for line in lines}
        rated = self.evaluations.filtered(
            lambda e: e.distribution_id == distribution and e.state != "draft"
        )
        for predicate in ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"):
            count = len(rated.filtered(lambda e, p=predicate: e.predicate == p))
            self.assertEqual(series[(predicate, "2_rated")], count)
            self.assertLessEqual(series[(predicate, "1_low")], series[(predicate, "3_high")])
        # the agency's curve is the sum over the units
        groups = Curve._read_group(
            [("period_id", "=", self.january.id), ("series", "=", "2_rated")],
            ["predicate"],
            ["value:sum"],
        )
        rated_all = self.evaluations.filtered(lambda e: e.state != "draft")
        self.assertEqual(sum(total for _p, total in groups), len(rated_all))

    def test_every_count_of_the_curve_opens_the_evaluations_it_counts(self):
        """Issue 14: every number clicks through to the records behind it - a line of
        the curve (a bar of the graph, a cell of the pivot, then its line) opens the
        evaluations of its unit and period rated with its predicate."""
        self._count(SETUP_DAY)
        Curve = self.env["hr.kinerja.progress.curve"].with_user(self.officer)
        lines = Curve.search([("year_id", "=", self.year.id)])
        rated = {
            (line.department_id, line.period_id, line.predicate): line.value
            for line in lines
            if line.series == "2_rated"
        }
        self.assertEqual(sum(rated.values()), 2)
        for line in lines:
            action = line.action_open_evaluations()
            self.assertEqual(action["res_model"], "hr.kinerja.evaluation")
            found = (
                self.env["hr.kinerja.evaluation"].with_user(self.officer).search(action["domain"])
            )
            key = (line.department_id, line.period_id, line.predicate)
            self.assertEqual(len(found), rated[key], f"{line.display_name}: {line.series}")
            self.assertLessEqual(found.distribution_id.department_id, line.department_id)
            self.assertTrue(all(e.predicate == line.predicate.split("_", 1)[1] for e in found))
        # the two rated in the Seksi Kinerja are its "Baik" count
        baik = lines.filtered(
            lambda line: (
                line.series == "2_rated"
                and line.department_id == self.seksi
                and line.predicate.split("_", 1)[1] == "baik"
            )
        )
        found = self.env["hr.kinerja.evaluation"].search(baik.action_open_evaluations()["domain"])
        self.assertEqual(found.employee_id, self.staff[1] | self.staff[2])
        # a user who does not read the line cannot open what is behind it
        with self.assertRaises(AccessError):
            baik.with_user(self.staff_users[1]).action_open_evaluations()

    def test_the_trend_leaves_out_periods_nobody_was_rated_in_yet(self):
        """The trend by period: February's evaluations generated but none rated yet
        is not a fall of every predicate to nought - only January is drawn; the
        curve of the year still lists February's distributions, and opens on
        January."""
        february = self._period(self.year, "month", 2)
        with freeze_time("2027-02-20"):
            self.env["hr.kinerja.evaluation"].with_user(self.officer)._generate(february)
            Progress = self.Progress.with_user(self.officer)
            curve = Progress.action_open_curve()
            trend = Progress.action_open_curve(trend=True)
        Curve = self.env["hr.kinerja.progress.curve"].with_user(self.officer)
        self.assertIn(february, Curve.search(curve["domain"]).period_id)
        self.assertEqual(Curve.search(trend["domain"]).period_id, self.january)
        # the curve opens on the latest period anybody was rated in: January, the
        # picture its C.1.x form prints, not the year's periods summed
        self.assertEqual(curve["context"]["search_default_period_id"], self.january.id)

    def test_a_deleted_unit_takes_its_rows_along(self):
        """The dashboard's rows are a cache without foreign keys (written in bulk):
        deleting a unit deletes its rows and curve, and the rest still reads."""
        unit = self.env["hr.department"].create(
            {"name": "Seksi Sementara", "parent_id": self.bidang.id, "kinerja_level": "pengawas"}
        )
        employee = self.env["hr.employee"].create(
            {"name": "Staf Sementara", "department_id": unit.id, "asn_type": "pns"}
        )
        rows = self._count(SETUP_DAY)
        self.assertTrue([key for key in rows if key[0] == unit], "the new unit is counted")
        employee.unlink()
        unit.unlink()
        Progress = self.Progress.with_user(self.officer)
        self.assertFalse(Progress.search([("department_id", "=", unit.id)]))
        self.assertFalse(
            self.env["hr.kinerja.progress.curve"].search([("department_id", "=", unit.id)])
        )
        # every remaining row still reads (no dangling unit)
        Progress.search([("year_id", "=", self.year.id)]).read(["department_id", "period_id"])

    # -- who sees what --------------------------------------------------------------
    def test_leader_sees_only_their_units(self):
        rows = self._count(SETUP_DAY, self.kabid_user)
        self.assertEqual({unit for unit, _p, _s in rows}, {self.bidang, self.seksi, self.seksi_2})
        rows = self._count(SETUP_DAY, self.kasi_user)
        self.assertEqual({unit for unit, _p, _s in rows}, {self.seksi})
        rows = self._count(SETUP_DAY, self.officer)
        self.assertIn(self.badan, {unit for unit, _p, _s in rows})
        Curve = self.env["hr.kinerja.progress.curve"]
        self.assertEqual(
            set(Curve.with_user(self.kasi_user).search([]).department_id.ids), {self.seksi.id}
        )
        other_agency = self.env(
            user=self.officer_b, context={"allowed_company_ids": self.company_b.ids}
        )
        self.assertFalse(other_agency["hr.kinerja.progress"].search([]))

    def test_employee_sees_nothing_of_others(self):
        self._count(SETUP_DAY)
        employee = self.staff_users[0]
        self.assertFalse(self.Progress.with_user(employee).search([]))
        self.assertFalse(self.env["hr.kinerja.progress.curve"].with_user(employee).search([]))
        row = self.Progress.search([("department_id", "=", self.seksi.id)], limit=1)
        with self.assertRaises(AccessError):
            row.with_user(employee).read(["done"])
        with self.assertRaises(AccessError):
            row.with_user(employee).action_open_done()
        with self.assertRaises(AccessError):
            self.Progress.with_user(employee).action_open_dashboard()
        with self.assertRaises(AccessError):
            self.Progress.with_user(employee)._refresh(self.year)
        # nobody writes a row
        with self.assertRaises(AccessError):
            row.with_user(self.officer).write({"done": 99})

    def test_landing_page_by_role(self):
        with freeze_time(SETUP_DAY):
            landing = self.Progress.with_user(self.officer).action_landing()
            self.assertEqual(landing["res_model"], "hr.kinerja.progress")
            self.assertEqual(landing["domain"], [("year_id", "=", self.year.id)])
            landing = self.Progress.with_user(self.kasi_user).action_landing()
            self.assertEqual(landing["res_model"], "hr.kinerja.progress")
            # an employee lands on the sheet of the open period, inside the back office
            landing = self.Progress.with_user(self.staff_users[0]).action_landing()
            self.assertEqual(landing["res_model"], "hr.kinerja.realisasi")
            # a user without an employee (no sheet to open) on My Work
            stranger = new_test_user(self.env, "dash_stranger", groups="base.group_user")
            landing = self.Progress.with_user(stranger).action_landing()
            self.assertEqual(
                (landing["type"], landing["url"]), ("ir.actions.act_url", "/my/kinerja")
            )
            # the app's root runs the landing action as the user
            landing = self.env.ref("hr_kinerja_asn.hr_kinerja_progress_action_landing")
            self.assertEqual(
                landing.with_user(self.officer).run()["res_model"], "hr.kinerja.progress"
            )
            self.assertEqual(
                landing.with_user(self.staff_users[0]).run()["res_model"], "hr.kinerja.realisasi"
            )
            matrix = self.env.ref("hr_kinerja_asn.hr_kinerja_progress_action_matrix")
            self.assertEqual(matrix.with_user(self.kasi_user).run()["views"][0][1], "pivot")
        root = self.env.ref("hr_kinerja_asn.hr_kinerja_menu_root")
        self.assertEqual(
            root.action, self.env.ref("hr_kinerja_asn.hr_kinerja_progress_action_landing")
        )

    def test_the_dashboard_heads_each_unit_with_its_own_name(self):
        """A column per unit: headed "Seksi Kinerja", not by the path every unit shares
        with the agency (cut off in a kanban column's header)."""
        with freeze_time(SETUP_DAY):
            action = self.Progress.with_user(self.officer).action_open_dashboard()
        self.assertEqual(action["views"][0][1], "kanban")
        Progress = self.Progress.with_user(self.officer).with_context(
            **safe_eval(action["context"])
        )
        groups = Progress.web_read_group(action["domain"], ["department_id"], ["department_id"])
        labels = {group["department_id"][1] for group in groups["groups"]}
        self.assertIn(self.seksi.name, labels)
        self.assertNotIn(self.seksi.complete_name, labels)
        self.assertNotEqual(self.seksi.name, self.seksi.complete_name)

    def test_the_demo_officer_logs_in_on_the_dashboard(self):
        """The demo's HR officer and evaluator have the landing as their home action:
        after log-in the officer is on the dashboard, not in Discuss."""
        officer = self.env.ref("hr_kinerja_asn.user_officer_demo", raise_if_not_found=False)
        if not officer:
            self.skipTest("the demo data is not installed")
        landing = self.env.ref("hr_kinerja_asn.hr_kinerja_progress_action_landing")
        evaluator = self.env.ref("hr_kinerja_asn.user_evaluator_demo")
        self.assertEqual((officer | evaluator).action_id.ids, landing.ids)
        home = (
            landing.with_user(officer)
            .with_context(allowed_company_ids=officer.company_id.ids)
            .run()
        )
        self.assertEqual(
            (home["res_model"], home["views"][0][1]), ("hr.kinerja.progress", "kanban")
        )

    # -- batch -------------------------------------------------------------------------
    def _refresh_queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with freeze_time(self.late_day):
            self.Progress.with_user(self.officer)._refresh(self.year)
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_agency(self):
        self._refresh_queries()  # warm the caches
        small = self._refresh_queries()
        Unit = self.env["hr.department"]
        with freeze_time(SETUP_DAY):
            for index in range(3):
                unit = Unit.create(
                    {
                        "name": f"Seksi Tambahan {index}",
                        "parent_id": self.bidang.id,
                        "kinerja_level": "pengawas",
                    }
                )
                staff = self.env["hr.employee"].create(
                    [
                        {
                            "name": f"Staf Tambahan {index}.{n}",
                            "department_id": unit.id,
                            "asn_type": "pns",
                            "jabatan_type": "pelaksana",
                        }
                        for n in range(4)
                    ]
                )
                unit.manager_id = staff[0]
                self._set_skps(staff)
            self.env["hr.kinerja.evaluation"].with_user(self.officer)._generate(self.january)
        rows_before = self.Progress.search_count([])
        large = self._refresh_queries()
        self.assertGreater(self.Progress.search_count([]), rows_before)
        self.assertEqual(large, small)
        with freeze_time(self.late_day), self.assertQueryCount(small):
            self.env.invalidate_all()
            self.Progress.with_user(self.officer)._refresh(self.year)

    # -- export --------------------------------------------------------------------------
    def test_matrix_export(self):
        rows = self._count(self.late_day)
        records = self.Progress.with_user(self.officer).search([("year_id", "=", self.year.id)])
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render("hr_kinerja_asn.progress_matrix_xlsx", records.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        header = next(row for row in values if row and row[0] == "No")
        self.assertIn(self.january.name_official, header)
        column = header.index(self.january.name_official)
        evaluation = self._row(rows, self.seksi, "4_evaluation")
        line = next(
            row for row in values if row[1] == self.seksi.complete_name and row[2] == "Evaluations"
        )
        self.assertEqual(line[column], f"{evaluation.done} / {evaluation.expected}")
