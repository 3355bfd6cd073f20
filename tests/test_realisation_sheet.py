from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_monitoring import KinerjaMonitoringCase

LINK = "https://drive.kukarkab.go.id/mutasi/sk-februari.pdf"


@tagged("post_install", "-at_install")
class TestRealisationSheet(KinerjaMonitoringCase):
    """Issue 15: one achievement figure for an indicator and a period - the cumulative
    realisation against the period's trajectory target (002 D.4.c), in the realisation
    as in the evaluation - and the employee's monthly sheet: every indicator of the
    open period on one screen, with one submit."""

    def _sheet(self, user=None):
        """The menu "My Realisations This Period", as the user; its lines."""
        action = (
            self.env.ref("hr_kinerja_asn.hr_kinerja_realisasi_action_sheet")
            .with_user(user or self.staff_user)
            .run()
        )
        lines = self.env["hr.kinerja.realisasi"].with_user(user or self.staff_user)
        return action, lines.search(action["domain"])

    # -- one figure ------------------------------------------------------------------
    def test_november_on_track_is_100_meets_in_the_realisation_and_the_evaluation(self):
        """002 D.4.c: in November 11/12 of the yearly target is due; 91.67 of 100 is on
        track - 100% "Meets" in the realisation list and the evaluation alike (not
        91.67% of the year on one screen and 100% on the other)."""
        november = self._period(self.year, "month", 11)
        line = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .create({"iki_id": self.quantity.id, "period_id": november.id, "value": 91.67})
        )
        self.assertEqual(
            (line.period_target, line.achievement_percent, line.suggested_rating),
            (91.67, 100.0, "sesuai"),
        )
        suggestion = self.env["hr.kinerja.evaluation"]._suggestions(
            november, [("staff", self.staff.id, self.staff_skp.id, False)]
        )["staff"]
        self.assertEqual(
            (suggestion["achievement_percent"], suggestion["suggested_result_rating"]),
            (line.achievement_percent, line.suggested_rating),
        )
        # behind the trajectory: below in both
        line.with_user(self.staff_user).value = 50
        self.assertEqual((line.achievement_percent, line.suggested_rating), (54.55, "di_bawah"))
        suggestion = self.env["hr.kinerja.evaluation"]._suggestions(
            november, [("staff", self.staff.id, self.staff_skp.id, False)]
        )["staff"]
        self.assertEqual(suggestion["achievement_percent"], 54.55)
        self.assertEqual(suggestion["suggested_result_rating"], "di_bawah")
        # a time target is not pro-rated; the annual period measures the whole target
        time = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .create({"iki_id": self.time.id, "period_id": november.id, "value": 5})
        )
        self.assertEqual(
            (time.period_target, time.achievement_percent, time.suggested_rating),
            (5.0, 100.0, "sesuai"),
        )
        annual = self.year.period_ids.filtered(lambda p: p.kind == "annual")
        if annual:
            whole = (
                self.env["hr.kinerja.realisasi"]
                .with_user(self.staff_user)
                .create({"iki_id": self.cost.id, "period_id": annual.id, "value": 10})
            )
            self.assertEqual(whole.period_target, 10.0)

    def test_the_period_target_beside_the_value(self):
        """The list and the form show the target of the period next to the value."""
        Line = self.env["hr.kinerja.realisasi"]
        for view in ("list", "form"):
            arch = Line.get_view(view_type=view)["arch"]
            self.assertIn('name="period_target"', arch, view)
            self.assertLess(arch.index('name="period_target"'), arch.index('name="value"'), view)

    def test_display_name_is_the_indicator_and_the_period(self):
        """The breadcrumb reads the indicator and the period, not the model and an id."""
        line = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .create({"iki_id": self.quantity.id, "period_id": self.february.id, "value": 3})
        )
        self.assertEqual(line.display_name, f"Jumlah SK mutasi - {self.february.name}")
        self.assertNotIn("hr.kinerja.realisasi", line.display_name)

    @freeze_time("2026-03-10")
    def test_the_form_defaults_to_the_open_period(self):
        """The period of a new realisation is the earliest open period that has begun:
        not a locked month, not one still to come."""
        Line = self.env["hr.kinerja.realisasi"].with_user(self.staff_user)
        self.assertEqual(Line.default_get(["period_id"])["period_id"], self.january.id)
        self.january.action_lock()
        self.assertEqual(Line.default_get(["period_id"])["period_id"], self.february.id)

    # -- the sheet -------------------------------------------------------------------
    @freeze_time("2026-02-10")
    def test_sheet_creates_the_users_lines_of_the_open_period(self):
        """My Realisations This Period: one draft line per indicator of my set SKP for
        the open period (January is locked, March has not begun) - mine only, created
        as me - and the same lines when opened again."""
        self.january.action_lock()
        before = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .create({"iki_id": self.quantity.id, "period_id": self.february.id, "value": 12})
        )
        action, lines = self._sheet()
        self.assertEqual(action["res_model"], "hr.kinerja.realisasi")
        self.assertEqual(action["context"]["kinerja_sheet_period_id"], self.february.id)
        self.assertIn(self.february.name, action["name"])
        self.assertEqual(lines.iki_id, self.staff_skp.rhk_ids.indicator_ids)
        self.assertEqual(len(lines), 4)
        self.assertEqual(set(lines.period_id.ids), {self.february.id})
        self.assertEqual(set(lines.mapped("state")), {"draft"})
        self.assertEqual(lines.employee_id, self.staff)
        self.assertEqual((lines - before).create_uid, self.staff_user)
        self.assertIn(before, lines)
        self.assertEqual(before.value, 12)
        self.assertFalse(lines.filtered(lambda line: line.iki_id in self.kasi_rhk.indicator_ids))
        mine = [("skp_id", "in", (self.staff_skp | self.kasi_skp).ids)]
        Line = self.env["hr.kinerja.realisasi"]
        self.assertFalse(Line.search([("period_id", "=", self.january.id)]))
        self.assertEqual(Line.search(mine), lines)
        # idempotent
        _action, again = self._sheet()
        self.assertEqual(again, lines)
        self.assertEqual(Line.search_count(mine), 4)
        # the evaluator gets her own sheet, not her team's
        _action, kasi_lines = self._sheet(self.kasi_user)
        self.assertEqual(kasi_lines.iki_id, self.kasi_rhk.indicator_ids)
        self.assertEqual(Line.search_count([("employee_id", "=", self.staff.id)]), 4)

    @freeze_time("2026-02-10")
    def test_sheet_submits_the_filled_or_selected_draft_lines(self):
        """One Submit: with nothing selected it submits every filled-in draft line of
        the sheet; selected lines are submitted as chosen, each with its evidence."""
        self.january.action_lock()
        action, lines = self._sheet()
        Line = self.env["hr.kinerja.realisasi"].with_user(self.staff_user)
        sheet = Line.with_context(**action["context"])
        with self.assertRaisesMsg(UserError, "Nothing to submit"):
            sheet.action_submit_sheet()
        by_iki = {line.iki_id: line for line in lines}
        quantity, time = by_iki[self.quantity], by_iki[self.time]
        quantity.write({"value": 20, "evidence_links": LINK})
        time.write({"value": 4, "evidence_links": LINK})
        sheet.action_submit_sheet()
        self.assertEqual((quantity.state, time.state), ("submitted", "submitted"))
        self.assertEqual(set((lines - quantity - time).mapped("state")), {"draft"})
        # a selection: submitted ones are skipped, an unfilled one is refused
        quality = by_iki[self.quality].with_context(**action["context"])
        with self.assertRaisesMsg(UserError, "Attach the evidence"):
            (quality | quantity).action_submit_sheet()
        with self.assertRaisesMsg(UserError, "already submitted"):
            quantity.with_context(**action["context"]).action_submit_sheet()
        quality.write({"value": 85, "evidence_links": LINK})
        (quality | quantity).action_submit_sheet()
        self.assertEqual(quality.state, "submitted")
        # nobody submits another's line through the sheet
        colleague_sheet = self.env["hr.kinerja.realisasi"].with_user(self.kasi_user)
        with self.assertRaisesMsg(UserError, "Nothing to submit"):
            colleague_sheet.with_context(**action["context"]).action_submit_sheet()
