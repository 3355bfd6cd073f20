from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_monitoring import KinerjaMonitoringCase


@tagged("post_install", "-at_install")
class TestDialog(KinerjaMonitoringCase):
    """Dialog kinerja (000 VI and Lampiran 1): minutes of a dialogue between a leader and
    an employee - the achievement at that moment, problems, directions and an
    improvement plan - at least every three months."""

    def _dialog(self, user=None, **values):
        values = {
            "employee_id": self.staff.id,
            "evaluator_id": self.kasi.id,
            "date": date(2026, 3, 12),
            "period_id": self.march.id,
            "participant_ids": [Command.set(self.staff.ids)],
            **values,
        }
        self.env.invalidate_all()  # as in a request of its own: nothing in the cache
        return self.env["hr.kinerja.dialog"].with_user(user or self.kasi_user).create(values)

    def _minutes(self, dialog, user=None):
        """000 Lampiran 1 B and D: a problem and an improvement plan."""
        dialog = dialog.with_user(user or self.kasi_user)
        problem = dialog.env["hr.kinerja.dialog.problem"].create(
            {
                "dialog_id": dialog.id,
                "name": "Berkas usul mutasi sering tidak lengkap",
                "cause": "Persyaratan belum diumumkan",
                "impact": "SK terlambat",
            }
        )
        plan = dialog.env["hr.kinerja.dialog.plan"].create(
            {
                "dialog_id": dialog.id,
                "name": "Umumkan daftar persyaratan di laman BKPSDM",
                "date_due": date(2026, 3, 31),
                "owner_id": self.staff.id,
            }
        )
        return problem, plan

    def _reminders(self, skp):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.kinerja.skp"),
                ("res_id", "=", skp.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("hr_kinerja_asn.mail_activity_type_dialogue").id,
                ),
            ]
        )

    # -- who takes part, who writes -----------------------------------------------------
    def test_between_a_leader_and_the_employee_who_takes_part(self):
        """000 VI.3: a two-way conversation between the leader and the employee - the
        employee takes part, and is not their own leader."""
        # Not listed by the leader: the employee is added by the dialogue itself.
        listed = self._dialog(participant_ids=[Command.set(self.colleague.ids)])
        self.assertEqual(listed.participant_ids, self.staff | self.colleague)
        listed.sudo().unlink()
        with self.assertRaisesMsg(ValidationError, "between a leader and another employee"):
            self._dialog(
                self.officer,
                evaluator_id=self.staff.id,
                participant_ids=[Command.set(self.staff.ids)],
            )
        dialog = self._dialog(participant_ids=[Command.set((self.staff | self.colleague).ids)])
        self.assertEqual(dialog.display_name, "Dialogue with Analis Mutasi (03/12/2026)")
        self.assertEqual(
            (dialog.state, dialog.kind, dialog.skp_id), ("draft", "periodic", self.staff_skp)
        )
        with self.assertRaisesMsg(ValidationError, "must take part in their own"):
            dialog.with_user(self.kasi_user).participant_ids = [Command.unlink(self.staff.id)]

    def test_only_the_leader_writes_the_minutes(self):
        """000 VI.5 and Lampiran 1 C: the leader writes the minutes - directions, problems
        and the improvement plan; the employee and the participants read them (an HR
        officer may record them)."""
        with self.assertRaisesMsg(AccessError, "The leader records the minutes"):
            self._dialog(self.staff_user)
        dialog = self._dialog(participant_ids=[Command.set((self.staff | self.colleague).ids)])
        problem, plan = self._minutes(dialog)
        dialog.with_user(self.kasi_user).write(
            {
                "direction_performance": "Selesaikan SK tepat waktu.",
                "direction_obstacles": "Koordinasi dengan bidang pengadaan.",
                "direction_behaviour": "Pertahankan pelayanan yang ramah.",
            }
        )
        for user in (self.staff_user, self.colleague_user):
            with self.subTest(user.login):
                with self.assertRaisesMsg(AccessError, "The leader records the minutes"):
                    dialog.with_user(user).direction_performance = "Diubah"
                with self.assertRaisesMsg(AccessError, "The leader records the minutes"):
                    self._minutes(dialog, user)
                with self.assertRaisesMsg(AccessError, "The leader records the minutes"):
                    plan.with_user(user).date_due = date(2026, 12, 31)
                with self.assertRaisesMsg(AccessError, "The leader records the minutes"):
                    problem.with_user(user).unlink()
                with self.assertRaisesMsg(AccessError, "The leader records the minutes"):
                    dialog.with_user(user).action_done()
        dialog.with_user(self.kasi_user).action_done()
        self.assertEqual((dialog.state, plan.date_due), ("done", date(2026, 3, 31)))
        self.assertEqual((problem.company_id, plan.owner_id), (self.env.company, self.staff))
        self._minutes(dialog, self.officer)
        dialog.with_user(self.officer).direction_behaviour = "Dicatat oleh BKPSDM."
        self.assertEqual((len(dialog.problem_ids), len(dialog.plan_ids)), (2, 2))

    def test_minutes_locked_with_the_period(self):
        """001 item 7: the minutes - their problems and plan lines included - change only
        while the period is open, or after an HR officer reopens it."""
        dialog = self._dialog()
        problem, plan = self._minutes(dialog)
        self.march.action_lock()
        with self.assertRaisesMsg(UserError, "is locked"):
            dialog.with_user(self.kasi_user).direction_performance = "Terlambat"
        with self.assertRaisesMsg(UserError, "is locked"):
            self._minutes(dialog)
        with self.assertRaisesMsg(UserError, "is locked"):
            plan.with_user(self.kasi_user).name = "Diubah"
        with self.assertRaisesMsg(UserError, "is locked"):
            problem.with_user(self.kasi_user).unlink()
        with self.assertRaisesMsg(UserError, "is locked"):
            self._dialog()
        self._reopen(self.march)
        plan.with_user(self.kasi_user).name = "Umumkan persyaratan di laman dan papan pengumuman"
        problem.with_user(self.kasi_user).unlink()
        self.assertEqual(dialog.problem_ids, self.env["hr.kinerja.dialog.problem"])

    # -- the achievement table ----------------------------------------------------------
    def test_achievement_snapshot(self):
        """000 Lampiran 1 A: the minutes show each indicator with its target, the
        realisation and the achievement % as they were when the dialogue was held."""
        Line = self.env["hr.kinerja.realisasi"].with_user(self.staff_user)
        quantity = Line.create(
            {"iki_id": self.quantity.id, "period_id": self.february.id, "value": 90}
        )
        Line.create({"iki_id": self.time.id, "period_id": self.february.id, "value": 4})
        Line.create(
            {
                "iki_id": self.cost.id,
                "period_id": self._period(self.year, "month", 4).id,
                "value": 7,
            }
        )
        html = str(self._dialog().achievement_html)
        rows = (
            "<td>1</td><td>Layanan mutasi tepat waktu</td><td>Jumlah SK mutasi</td>"
            "<td>100 dokumen (16.67 by February 2026)</td><td>90</td><td>540.00%</td>",
            "<td>2</td><td>Layanan mutasi tepat waktu</td><td>Waktu penyelesaian SK</td>"
            "<td>5 hari</td><td>4</td><td>120.00%</td>",
            "<td>3</td><td>Layanan mutasi tepat waktu</td><td>Nilai survei kepuasan</td>"
            "<td>80 indeks</td><td>-</td><td>-</td>",
            # April is after the dialogue: not yet in its table
            "<td>4</td><td>Layanan mutasi tepat waktu</td><td>Biaya cetak SK</td>"
            "<td>10 juta</td><td>-</td><td>-</td>",
        )
        for row in rows:
            self.assertIn(row, html)
        for heading in ("Target", "Realisation", "Achievement %"):
            self.assertIn(f"<th>{heading}</th>", html)
        quantity.value = 100
        dialog = self.env["hr.kinerja.dialog"].search([("employee_id", "=", self.staff.id)])
        self.assertIn("<td>90</td><td>540.00%</td>", str(dialog.achievement_html))

    # -- who reads the minutes ------------------------------------------------------------
    def test_who_reads_the_minutes(self):
        """000 VI.5-6: the minutes are read by the employee, the leader and those who took
        part; not by other colleagues nor another agency."""
        dialog = self._dialog(participant_ids=[Command.set((self.staff | self.colleague).ids)])
        problem, plan = self._minutes(dialog)
        records = {"hr.kinerja.dialog": dialog, "hr.kinerja.dialog.problem": problem}
        records["hr.kinerja.dialog.plan"] = plan
        for user in (self.staff_user, self.kasi_user, self.colleague_user, self.officer):
            for model, record in records.items():
                with self.subTest(user=user.login, model=model):
                    self.assertEqual(self.env[model].with_user(user).search([]), record)
                    record.with_user(user).read(["company_id"])
        for env in (
            self.env(user=self.archivist_user),
            self.env(user=self.kabid_user),
            self._env_b(),
        ):
            for model, record in records.items():
                with self.subTest(user=env.user.login, model=model):
                    self.assertFalse(env[model].search([]))
                    with self.assertRaises(AccessError):
                        record.with_env(env).read(["company_id"])

    # -- three-monthly reminder -------------------------------------------------------------
    def test_reminder_when_no_dialogue_for_three_months(self):
        """000 VI.1: a leader holds a dialogue with each employee at least once every three
        months; counted from the SKP's start, the leader gets one to-do on the SKP."""
        Dialog = self.env["hr.kinerja.dialog"]
        with freeze_time("2026-03-31 09:00:00"):
            Dialog._cron_dialogue_reminder()
        self.assertFalse(self._reminders(self.staff_skp))
        with freeze_time("2026-04-01 09:00:00"):
            Dialog._cron_dialogue_reminder()
        reminder = self._reminders(self.staff_skp)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(
            (reminder.user_id, reminder.date_deadline), (self.kasi_user, date(2026, 4, 1))
        )
        self.assertEqual(
            reminder.summary, "No performance dialogue with Analis Mutasi since 2026-01-01"
        )
        self.assertEqual(self._reminders(self.kasi_skp).user_id, self.kabid_user)
        with freeze_time("2026-04-08 09:00:00"):
            Dialog._cron_dialogue_reminder()
        self.assertEqual(self._reminders(self.staff_skp), reminder)

    def test_no_reminder_after_a_recent_dialogue(self):
        """000 VI.1 and VI.5: a dialogue held (with minutes) restarts the three months; a
        dialogue only planned does not."""
        self._dialog(date=date(2026, 2, 20), period_id=self.february.id)
        with freeze_time("2026-04-02 09:00:00"):
            self.env["hr.kinerja.dialog"]._cron_dialogue_reminder()
        self.assertEqual(len(self._reminders(self.staff_skp)), 1)
        self._reminders(self.staff_skp).unlink()

        self._dialog().with_user(self.kasi_user).action_done()
        with freeze_time("2026-06-11 09:00:00"):
            self.env["hr.kinerja.dialog"]._cron_dialogue_reminder()
        self.assertFalse(self._reminders(self.staff_skp))
        with freeze_time("2026-06-12 09:00:00"):
            self.env["hr.kinerja.dialog"]._cron_dialogue_reminder()
        reminder = self._reminders(self.staff_skp)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(
            reminder.summary, "No performance dialogue with Analis Mutasi since 2026-03-12"
        )

    def test_employee_acknowledges_held_minutes(self):
        """000 Lampiran 1: the minutes are signed by both - the employee acknowledges
        them once the dialogue is held, only once, and nobody does it for them."""
        dialog = self._dialog()
        mine = dialog.with_user(self.staff_user)
        self.assertFalse(mine.can_acknowledge)
        with self.assertRaisesMsg(UserError, "once the dialogue is held"):
            mine.action_acknowledge()
        dialog.action_done()
        self.assertTrue(mine.can_acknowledge)
        self.assertFalse(dialog.with_user(self.kasi_user).can_acknowledge)
        with self.assertRaisesMsg(AccessError, "acknowledges these minutes"):
            dialog.with_user(self.kasi_user).action_acknowledge()
        with self.assertRaises(AccessError):
            mine.write({"acknowledged_date": "2026-03-13 08:00:00"})
        mine.action_acknowledge()
        self.assertTrue(dialog.acknowledged_date)
        with self.assertRaisesMsg(UserError, "already acknowledged"):
            mine.action_acknowledge()
