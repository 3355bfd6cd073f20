import base64
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_monitoring import QUANTITY, KinerjaMonitoringCase

QUALITATIVE = {"name": "Arsip mutasi", "target_text": "Arsip mutasi lengkap dan tertata"}
LINK = "https://drive.kukarkab.go.id/mutasi/sk-februari.pdf"


@tagged("post_install", "-at_install")
class TestMonitoring(KinerjaMonitoringCase):
    """During the year (003 Pasal 15 and 19; Format B.1.1-B.1.2; DOMAIN section 5): action
    plans and realisations with evidence on a set SKP, the achievement % and the rating
    it suggests, the evaluator's review, the period lock, progress and take-over."""

    def _realise(self, iki, period=None, user=None, **values):
        self.env.invalidate_all()  # as in a request of its own: nothing in the cache
        return (
            self.env["hr.kinerja.realisasi"]
            .with_user(user or self.staff_user)
            .create({"iki_id": iki.id, "period_id": (period or self.february).id, **values})
        )

    def _plan(self, rhk, period=None, user=None, **values):
        self.env.invalidate_all()
        return (
            self.env["hr.kinerja.rencana.aksi"]
            .with_user(user or self.staff_user)
            .create(
                {
                    "rhk_id": rhk.id,
                    "period_id": (period or self.february).id,
                    "name": "Verifikasi berkas usul mutasi",
                    **values,
                }
            )
        )

    # -- where they belong ----------------------------------------------------------
    def test_only_on_a_set_skp_and_a_period_it_covers(self):
        """003 Pasal 15(1)-(3): the plan is carried out, and documented per period, once
        the SKP is set; Format B.1.1-B.1.2 are made for a period of the SKP's year that
        the SKP covers."""
        draft = self._skp(self.archivist, "Arsip mutasi tertata", (QUANTITY,))
        second_half = self._set_skp(
            self.colleague, "Layanan mutasi semester II", (QUANTITY,), date_start=date(2026, 7, 1)
        )
        other_year = self._open_year(self._calendar(), "kutai_kartanegara", "monthly", year=2025)
        july = self._period(self.year, "month", 7)
        cases = (
            (draft.rhk_ids, self.archivist_user, self.february, "is not set yet"),
            (
                self.staff_rhk,
                self.staff_user,
                self._period(other_year, "month", 2),
                "is not in the performance year",
            ),
            (second_half.rhk_ids, self.colleague_user, self.january, "does not cover the period"),
        )
        for rhk, user, period, fragment in cases:
            with self.subTest(fragment):
                with self.assertRaisesMsg(ValidationError, fragment):
                    self._plan(rhk, period, user)
                with self.assertRaisesMsg(ValidationError, fragment):
                    self._realise(rhk.indicator_ids[:1], period, user, value=1)
        plan = self._plan(second_half.rhk_ids, july, self.colleague_user)
        line = self._realise(second_half.rhk_ids.indicator_ids, july, self.colleague_user, value=9)
        self.assertEqual((plan.skp_id, line.skp_id), (second_half, second_half))
        annual = self._period(self.year, "annual", 0)
        self.assertEqual(self._realise(self.quantity, annual, value=100).period_id, annual)

    def test_action_plans_by_the_employee_and_the_evaluator(self):
        """003 Pasal 15 and Format B.1.1: the employee plans the steps of each result plan;
        the evaluator may add to them; others (the evaluator's superior included) read at
        most."""
        plan = self._plan(self.staff_rhk, date_due=date(2026, 2, 20))
        self.assertEqual((plan.employee_id, plan.display_name), (self.staff, plan.name))
        step = self._plan(self.staff_rhk, user=self.kasi_user, name="Paraf konsep SK")
        step.with_user(self.kasi_user).done = True
        plan.with_user(self.staff_user).done = True
        self.assertTrue(plan.done and step.done)
        with self.assertRaises(AccessError):
            self._plan(self.staff_rhk, user=self.colleague_user)
        with self.assertRaisesMsg(AccessError, "only record against your own SKP"):
            self._plan(self.staff_rhk, user=self.kabid_user)
        env = self.env(user=self.kabid_user)
        self.assertEqual(
            env["hr.kinerja.rencana.aksi"].search([("skp_id", "=", self.staff_skp.id)]), plan | step
        )
        with self.assertRaisesMsg(AccessError, "only record against your own SKP"):
            plan.with_env(env).write({"name": "Diubah"})
        with self.assertRaisesMsg(AccessError, "only record against your own SKP"):
            plan.with_env(env).unlink()
        with self.assertRaises(AccessError):
            plan.with_user(self.colleague_user).read(["name"])
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_user).write({"rhk_id": self.kasi_rhk.id})
        plan.with_user(self.staff_user).unlink()
        self.assertFalse(plan.exists())

    # -- achievement ----------------------------------------------------------------
    def test_achievement_and_suggested_rating(self):
        """000 Lampiran 2 (Capaian Hasil Kerja: > 100% above, 80-100% meets, < 80% below;
        Ketepatan Waktu: faster above, on schedule meets, late below) with the rule
        engine's formula: realisation / target, inverted where less is better (time,
        cost). In December the period's target is the whole yearly target."""
        december = self._period(self.year, "month", 12)
        quantity = self._realise(self.quantity, december, value=90)
        time = self._realise(self.time, december, value=4)
        self.assertTrue(self.time.less_is_better)
        self.assertFalse(self.quantity.less_is_better)
        self.assertEqual(
            (quantity.achievement_percent, quantity.suggested_rating), (90.0, "sesuai")
        )
        self.assertEqual((time.achievement_percent, time.suggested_rating), (120.0, "di_atas"))
        bands = (
            (quantity, 79, 79.0, "di_bawah"),
            (quantity, 80, 80.0, "sesuai"),
            (quantity, 100, 100.0, "sesuai"),
            (quantity, 100.5, 100.5, "di_atas"),
            (time, 5, 100.0, "sesuai"),
            (time, 6, 80.0, "di_bawah"),  # late: Ketepatan Waktu "Terlambat"
            (time, 4.5, 110.0, "di_atas"),
            (time, 6.5, 70.0, "di_bawah"),
            (time, 11, 0.0, "di_bawah"),
        )
        for line, value, percent, rating in bands:
            with self.subTest(indicator=line.iki_id.name, value=value):
                line.with_user(self.staff_user).value = value
                self.assertEqual(
                    (line.achievement_percent, line.suggested_rating), (percent, rating)
                )
        quality = self._realise(self.quality, december, value=88)
        self.assertEqual(
            (quality.achievement_percent, quality.suggested_rating), (110.0, "di_atas")
        )

    def test_one_realisation_per_indicator_and_period(self):
        """003 Pasal 15(2)-(3): the realisation of a period is cumulative - one line per
        indicator and period, updated rather than duplicated."""
        self._realise(self.quantity, value=10)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._realise(self.quantity, value=20)
        self.assertEqual(self._realise(self.quantity, self.march, value=30).value, 30)

    def test_no_negative_count_time_or_cost(self):
        """Format B.1.2: a count, a duration or an amount is never negative; a quality
        score may be (e.g. a net satisfaction index)."""
        for iki in (self.quantity, self.time, self.cost):
            with self.subTest(iki.aspect):
                with self.assertRaisesMsg(ValidationError, "cannot be negative"):
                    self._realise(iki, value=-1)
        line = self._realise(self.quantity, value=5)
        with self.assertRaisesMsg(ValidationError, "cannot be negative"):
            line.with_user(self.staff_user).value = -5
        quality = self._realise(self.quality, value=-12)
        self.assertEqual((quality.value, quality.achievement_percent), (-12, 0.0))
        self.assertEqual(quality.suggested_rating, "di_bawah")

    # -- evidence and submission ------------------------------------------------------
    def test_evidence_links_are_web_addresses(self):
        """Format B.1.2 (bukti dukung): links to documents, photos or systems, one per line,
        as http(s) addresses."""
        for links in (
            "ftp://arsip.kukarkab.go.id/sk.pdf",
            "www.kukarkab.go.id/sk.pdf",
            f"{LINK}\n\\\\server\\arsip\\sk.pdf",
            "https://dua alamat.go.id",
        ):
            with self.subTest(links):
                with self.assertRaisesMsg(ValidationError, "starting with http:// or https://"):
                    self._realise(self.quantity, value=1, evidence_links=links)
        line = self._realise(
            self.quantity, value=1, evidence_links=f"{LINK}\n\n  http://simpeg.kukarkab.go.id/1  "
        )
        self.assertIn(LINK, line.evidence_links)

    def test_submit_needs_evidence_and_for_qualitative_the_text(self):
        """Format B.1.2 and 000 Lampiran 2 (Dokumentasi Kinerja): a realisation is submitted
        with its evidence - a file or a link - and, in the qualitative approach, described
        in words."""
        line = self._realise(self.quantity, value=40)
        with self.assertRaisesMsg(UserError, "Attach the evidence"):
            line.with_user(self.staff_user).action_submit()
        line.with_user(self.staff_user).evidence_links = LINK
        line.with_user(self.staff_user).action_submit()
        self.assertEqual(line.state, "submitted")

        time = self._realise(self.time, value=4)
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.staff_user)
            .create(
                {
                    "name": "daftar-hadir.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 bukti"),
                    "res_model": "hr.kinerja.realisasi",
                    "res_id": time.id,
                }
            )
        )
        time.with_user(self.staff_user).attachment_ids = [Command.link(attachment.id)]
        time.with_user(self.staff_user).action_submit()
        self.assertEqual(time.state, "submitted")

        skp = self._set_skp(self.archivist, "Arsip tertata", (QUALITATIVE,), approach="qualitative")
        words = self._realise(
            skp.rhk_ids.indicator_ids, user=self.archivist_user, evidence_links=LINK
        )
        self.assertEqual((words.achievement_percent, words.suggested_rating), (0.0, False))
        with self.assertRaisesMsg(UserError, "Describe the realisation of Arsip mutasi"):
            words.with_user(self.archivist_user).action_submit()
        words.with_user(self.archivist_user).write({"value_text": "  ", "evidence_links": False})
        with self.assertRaisesMsg(UserError, "Describe the realisation"):
            words.with_user(self.archivist_user).action_submit()
        words.with_user(self.archivist_user).value_text = "Arsip Februari lengkap, 120 berkas."
        with self.assertRaisesMsg(UserError, "Attach the evidence"):
            words.with_user(self.archivist_user).action_submit()
        words.with_user(self.archivist_user).evidence_links = LINK
        words.with_user(self.archivist_user).action_submit()
        self.assertEqual(words.state, "submitted")

    # -- who records, who reviews -----------------------------------------------------
    def test_only_the_employee_records_realisations(self):
        """003 Pasal 15(1)-(2): the employee documents the execution of their own plan; a
        colleague - even the evaluator, who reviews - does not record it for them."""
        with self.assertRaises(AccessError):
            self._realise(self.quantity, user=self.colleague_user, value=1)
        for user in (self.kasi_user, self.kabid_user):
            with self.subTest(user.login):
                with self.assertRaisesMsg(AccessError, "only record against your own SKP"):
                    self._realise(self.quantity, user=user, value=1)
        line = self._realise(self.quantity, value=10)
        with self.assertRaises(AccessError):
            line.with_user(self.colleague_user).write({"value": 99})
        with self.assertRaisesMsg(AccessError, "only record against your own SKP"):
            line.with_user(self.kasi_user).write({"value": 99})
        with self.assertRaises(AccessError):
            line.with_user(self.staff_user).write({"iki_id": self.kasi_rhk.indicator_ids.id})
        self.assertEqual((line.value, line.iki_id), (10, self.quantity))
        # the evaluator cannot move a line of their own onto a subordinate's indicator
        own = self._realise(self.kasi_rhk.indicator_ids, user=self.kasi_user, value=3)
        with self.assertRaisesMsg(AccessError, "not that of Analis Mutasi"):
            own.with_user(self.kasi_user).write({"iki_id": self.time.id})
        self.assertEqual(own.iki_id, self.kasi_rhk.indicator_ids)
        by_officer = self._realise(self.time, user=self.officer, value=5)
        self.assertEqual(by_officer.employee_id, self.staff)

    def test_evaluator_reviews_and_sends_back(self):
        """003 Pasal 16(1): the leader monitors the execution; the employee does not review
        their own realisation, and a reviewed one changes only once sent back."""
        line = self._realise(self.quantity, value=90, evidence_links=LINK)
        line.with_user(self.staff_user).action_submit()
        for user in (self.staff_user, self.colleague_user, self.kabid_user):
            with self.subTest(user.login):
                with self.assertRaises(AccessError):
                    line.with_user(user).action_review()
        for values in ({"state": "reviewed"}, {"review_note": "Sudah baik."}):
            with self.subTest(values), self.assertRaisesMsg(AccessError, "Only the evaluator"):
                line.with_user(self.staff_user).write(values)
        self.assertEqual(line.state, "submitted")
        with freeze_time("2026-03-03 10:00:00"):
            line.with_user(self.kasi_user).write({"review_note": "Lengkap, lanjutkan."})
            line.with_user(self.kasi_user).action_review()
        self.assertEqual(line.state, "reviewed")
        self.assertEqual(line.reviewed_by_id, self.kasi_user)
        self.assertEqual(str(line.reviewed_date), "2026-03-03 10:00:00")

        for values in ({"value": 95}, {"evidence_links": LINK}):
            with self.subTest(values), self.assertRaisesMsg(UserError, "only after the evaluator"):
                line.with_user(self.staff_user).write(values)
        with self.assertRaisesMsg(AccessError, "Only the evaluator reviews"):
            line.with_user(self.staff_user).write({"value": 95, "state": "draft"})
        with self.assertRaisesMsg(UserError, "Only a draft realisation is submitted"):
            line.with_user(self.staff_user).action_submit()
        with self.assertRaises(AccessError):
            line.with_user(self.staff_user).action_reopen()
        self.assertEqual((line.state, line.value), ("reviewed", 90))

        line.with_user(self.kasi_user).action_reopen()
        self.assertEqual(line.state, "draft")
        line.with_user(self.staff_user).value = 95
        self.assertEqual(line.achievement_percent, 570.0)  # 95 of the 16.67 due by February

    # -- period lock ------------------------------------------------------------------
    def test_locked_period_until_reopened(self):
        """001 item 7: nothing of a locked period changes - realisations and action plans
        included - until an HR officer reopens it with a reason."""
        line = self._realise(self.quantity, value=10)
        plan = self._plan(self.staff_rhk)
        self.february.action_lock()
        with self.assertRaisesMsg(UserError, "is locked: nothing in it can be changed"):
            self._realise(self.time, value=5)
        with self.assertRaisesMsg(UserError, "is locked"):
            line.with_user(self.staff_user).value = 20
        with self.assertRaisesMsg(UserError, "is locked"):
            self._plan(self.staff_rhk)
        with self.assertRaisesMsg(UserError, "is locked"):
            plan.with_user(self.staff_user).done = True
        with self.assertRaises(AccessError):
            self._reopen(self.february, self.staff_user)
        self.assertEqual(self.february.state, "locked")

        self._reopen(self.february)
        self.assertEqual(self.february.state, "reopened")
        line.with_user(self.staff_user).value = 20
        self.assertEqual(self._realise(self.time, value=5).value, 5)
        plan.with_user(self.staff_user).done = True
        self.assertEqual((line.value, plan.done), (20, True))

    # -- progress and take-over (003 Pasal 19) ------------------------------------------
    def test_only_the_evaluator_marks_progress_on_a_set_skp(self):
        """003 Pasal 19(1): from the feedback the leader sees whether the employee shows
        progress - the evaluator (or an HR officer) records it, on a set SKP."""
        rhk = self.staff_rhk
        for user in (self.staff_user, self.colleague_user, self.kabid_user):
            with self.subTest(user.login):
                with self.assertRaises(AccessError):
                    rhk.with_user(user).action_mark_no_progress()
        with self.assertRaises(AccessError):
            rhk.with_user(self.staff_user).with_context(kinerja_monitoring=True).write(
                {"progress": "progress"}
            )
        self.assertFalse(rhk.progress)
        rhk.with_user(self.kasi_user).action_mark_no_progress()
        self.assertEqual(rhk.progress, "no_progress")
        rhk.with_user(self.officer).action_mark_progress()
        self.assertEqual(rhk.progress, "progress")

        draft = self._skp(self.archivist, "Arsip mutasi tertata", (QUANTITY,))
        with self.assertRaisesMsg(UserError, "recorded on a set SKP"):
            draft.rhk_ids.with_user(self.kasi_user).action_mark_progress()
        self.assertFalse(draft.rhk_ids.progress)

    @freeze_time("2026-09-15 09:00:00")
    def test_take_over_after_no_progress(self):
        """003 Pasal 19(3)-(8): still no progress after the follow-up, the leader takes the
        result plan over with a note that the employee could not complete it; the note is
        kept for the evaluation."""
        rhk = self.staff_rhk
        with self.assertRaisesMsg(UserError, "only after no progress was recorded"):
            rhk.with_user(self.kasi_user).action_take_over()
        rhk.with_user(self.kasi_user).action_mark_progress()
        with self.assertRaisesMsg(UserError, "only after no progress was recorded"):
            rhk.with_user(self.kasi_user).action_take_over()
        rhk.with_user(self.kasi_user).action_mark_no_progress()
        with self.assertRaises(AccessError):
            rhk.with_user(self.staff_user).action_take_over()

        action = rhk.with_user(self.kasi_user).action_take_over_wizard()
        self.assertEqual(action["res_model"], "hr.kinerja.rhk.takeover.wizard")
        Wizard = self.env[action["res_model"]].with_user(self.kasi_user)
        wizard = Wizard.with_context(**action["context"]).create({})
        self.assertEqual(wizard.rhk_id, rhk)
        self.assertIn("could not complete", wizard.note)
        wizard.note = "Tidak ada kemajuan setelah coaching Juli dan Agustus."
        wizard.action_take_over()
        self.assertTrue(rhk.taken_over)
        self.assertEqual(rhk.taken_over_by_id, self.kasi)
        self.assertEqual(rhk.taken_over_date, date(2026, 9, 15))
        self.assertEqual(
            rhk.taken_over_note, "Tidak ada kemajuan setelah coaching Juli dan Agustus."
        )

    def test_monitoring_writes_do_not_open_the_set_skp(self):
        """003 Pasal 14(2) and 19: progress and take-over are written on the set SKP; every
        other change of its result plans still needs an adjustment."""
        rhk = self.staff_rhk
        rhk.with_user(self.kasi_user).action_mark_no_progress()
        rhk.with_user(self.kasi_user).action_take_over("Diambil alih oleh Kepala Seksi.")
        for user in (self.kasi_user, self.officer):
            with self.subTest(user.login):
                with self.assertRaisesMsg(UserError, "only through an adjustment"):
                    rhk.with_user(user).write({"name": "Diubah"})
                with self.assertRaisesMsg(UserError, "only through an adjustment"):
                    rhk.with_user(user).with_context(kinerja_monitoring=True).write(
                        {"name": "Diubah", "progress": "progress"}
                    )
                with self.assertRaisesMsg(UserError, "only through an adjustment"):
                    self.quantity.with_user(user).write({"target_value": 1})
        self.assertEqual((rhk.name, rhk.progress), ("Layanan mutasi tepat waktu", "no_progress"))
        self.assertEqual(self.staff_skp.state, "set")
