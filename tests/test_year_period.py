from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestYearPeriod(KinerjaCase):
    """The performance year, its periods and deadlines, locking (DOMAIN section 3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.calendar = cls._calendar()
        # Tahun Baru Imlek, Tuesday 17 February 2026: inside January's window.
        cls._holiday(cls.calendar, date(2026, 2, 17))
        cls.year = cls._open_year(cls.calendar, "kutai_kartanegara", "monthly")
        cls.january = cls._period(cls.year, "month", 1)
        cls.february = cls._period(cls.year, "month", 2)
        cls.officer = new_test_user(
            cls.env, "kin_officer", groups="hr_kinerja_asn.group_kinerja_officer"
        )
        cls.manager = new_test_user(
            cls.env, "kin_manager", groups="hr_kinerja_asn.group_kinerja_manager"
        )

    def _reopen(self, periods, reason="Evaluasi Puskesmas terlambat: jaringan putus.", **values):
        wizard = (
            self.env["hr.kinerja.period.reopen.wizard"]
            .with_user(self.officer)
            .create({"period_ids": [(6, 0, periods.ids)], "reason": reason, **values})
        )
        return wizard.action_reopen()

    # -- opening -----------------------------------------------------------------
    def test_open_monthly_year(self):
        """Kutai Kartanegara evaluates monthly by the 5th of the next month and the year by
        15 January (000 V.11): 12 month periods and the annual one."""
        periods = self.year.period_ids
        self.assertEqual(self.year.state, "open")
        self.assertEqual(len(periods), 13)
        self.assertEqual(
            periods.filtered(lambda p: p.kind == "month").mapped("number"), list(range(1, 13))
        )
        annual = self._period(self.year, "annual", 0)
        self.assertEqual(self.january.date_evaluation, date(2026, 2, 5))
        self.assertEqual(self._period(self.year, "month", 12).date_evaluation, date(2027, 1, 5))
        self.assertEqual(annual.date_evaluation, date(2027, 1, 15))
        self.assertEqual(
            (annual.date_start, annual.date_end), (date(2026, 1, 1), date(2026, 12, 31))
        )
        self.assertEqual(self.january.name, "January 2026")
        self.assertEqual(self.january.name_official, "Januari 2026")
        self.assertEqual(self.year.date_skp, date(2026, 1, 31))

    def test_open_quarterly_year(self):
        """Lima Puluh Kota (001 items 3 and 9): Q1 by 30 April with the organisation
        achievement by 10 April, Q4 by 31 December, the year by 31 January."""
        year = self._open_year(self.calendar, "lima_puluh_kota", year=2027)
        self.assertEqual(year.period_type, "quarterly")
        self.assertEqual(len(year.period_ids), 5)
        q1 = self._period(year, "quarter", 1)
        q4 = self._period(year, "quarter", 4)
        self.assertEqual((q1.date_start, q1.date_end), (date(2027, 1, 1), date(2027, 3, 31)))
        self.assertEqual(q1.date_evaluation, date(2027, 4, 30))
        self.assertEqual(q1.date_org_achievement, date(2027, 4, 10))
        self.assertEqual(q1.date_lock, q1.date_evaluation)  # locks at the deadline (001 item 7)
        self.assertEqual(q4.date_evaluation, date(2027, 12, 31))
        self.assertEqual(self._period(year, "annual", 0).date_evaluation, date(2028, 1, 31))

    def test_working_day_deadlines_skip_public_holidays(self):
        """003 section Tindak lanjut 7-8: the superior evaluates within 14 and the report
        is due within 30 working days; the 17 February holiday pushes both by a day."""
        self.assertEqual(self.january.date_superior_evaluation, date(2026, 2, 26))
        self.assertEqual(self.january.date_report, date(2026, 3, 20))
        self.assertEqual(self.january.date_lock, date(2026, 2, 26))
        self.assertEqual(self.january.date_evaluation, date(2026, 2, 5))  # a calendar date

    def test_update_deadlines_after_new_holiday(self):
        """A cuti bersama declared later moves the deadlines of the open periods only."""
        self.february.action_lock()
        february_before = self.february.read(list(self.february._DEADLINE_FIELDS))
        self._holiday(self.calendar, date(2026, 2, 24))
        self._holiday(self.calendar, date(2026, 3, 10))
        self.year.action_update_deadlines()
        self.assertEqual(self.january.date_superior_evaluation, date(2026, 2, 27))
        self.assertEqual(self.january.date_lock, date(2026, 2, 27))
        self.assertEqual(self.january.date_report, date(2026, 3, 24))
        self.assertEqual(self.february.read(list(self.february._DEADLINE_FIELDS)), february_before)

    def test_year_without_calendar_refused(self):
        """Working-day deadlines need a calendar: a year without one is refused."""
        with self.assertRaisesMsg(ValidationError, "no working-time calendar"):
            self._year(self.calendar, year=2028, calendar_id=False)
        self.assertFalse(self.env["hr.kinerja.year"].search([("year", "=", 2028)]))
        self.assertFalse(self.env["hr.kinerja.period"].search([("date_start", ">=", "2028-01-01")]))

    def test_second_year_same_company_refused(self):
        """An agency has one performance year per calendar year."""
        with self.assertRaisesMsg(ValidationError, "already has a performance year 2026"):
            self._year(self.calendar)
        other_company = self.env["res.company"].create({"name": "Kabupaten Lima Puluh Kota"})
        other = self._year(self._calendar(other_company), "lima_puluh_kota")
        self.assertEqual(other.year, 2026)

    def test_preset_without_monthly_refuses_monthly_year(self):
        """Lima Puluh Kota evaluates quarterly only (001 item 3)."""
        with self.assertRaisesMsg(ValidationError, "does not allow monthly"):
            self._year(self.calendar, "lima_puluh_kota", "monthly", year=2027)

    def test_opened_year_frozen(self):
        """The periods were cut from the year, preset, type and calendar: they stay."""
        for values in (
            {"preset_id": self._preset("sumedang").id},
            {"period_type": "quarterly"},
            {"year": 2030},
            {"calendar_id": self._calendar().id},
        ):
            with self.subTest(values=values), self.assertRaisesMsg(UserError, "cannot change"):
                self.year.write(values)

    def test_only_draft_year_deleted(self):
        with self.assertRaisesMsg(UserError, "Only a draft"):
            self.year.unlink()
        draft = self._year(self.calendar, year=2027)
        draft.unlink()
        self.assertFalse(draft.exists())

    # -- locking -----------------------------------------------------------------
    def test_cron_locks_periods_past_lock_date(self):
        """001 item 7: after its deadline a period is locked. January locks on 26 Feb."""
        Period = self.env["hr.kinerja.period"]
        with freeze_time("2026-02-26"):
            Period._cron_lock_periods()
        self.assertEqual(self.year.period_ids.filtered(lambda p: p.state == "locked"), Period)
        with freeze_time("2026-02-27"):
            Period._cron_lock_periods()
        self.assertEqual(self.year.period_ids.filtered(lambda p: p.state == "locked"), self.january)
        with freeze_time("2026-07-01"):
            locked = Period._cron_lock_periods()
        expected = self.year.period_ids.filtered(lambda p: p.date_lock < date(2026, 7, 1))
        self.assertEqual(len(expected), 5)  # January to May
        self.assertEqual(self.year.period_ids.filtered(lambda p: p.state == "locked"), expected)
        self.assertEqual(locked & self.year.period_ids, expected - self.january)

    def test_locked_period_not_writable(self):
        """Nothing in a locked period changes (001 item 7)."""
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "is locked"):
            self.january.date_evaluation = date(2026, 2, 6)
        with self.assertRaisesMsg(UserError, "Lock, Reopen and Close buttons"):
            self.february.write({"state": "closed"})

    def test_reopen_needs_reason_and_locked_period(self):
        """An HR officer reopens a locked period with a recorded reason (001 item 7)."""
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "the reason is kept on record"):
            self._reopen(self.january, reason="   ")
        with self.assertRaisesMsg(UserError, "Only locked periods can be reopened"):
            self._reopen(self.january | self.february)
        self.assertEqual(self.january.state, "locked")

    @freeze_time("2026-03-02")
    def test_reopen_records_reason_and_makes_period_writable(self):
        """The reopening is on record (who, why, until when) and in the chatter."""
        self.env["hr.kinerja.period"]._cron_lock_periods()
        self.assertEqual(self.january.state, "locked")
        self._reopen(self.january, reopen_until=date(2026, 3, 6))
        self.assertEqual(self.january.state, "reopened")
        self.assertEqual(self.january.reopen_until, date(2026, 3, 6))
        reopening = self.january.reopen_ids
        self.assertEqual(len(reopening), 1)
        self.assertEqual(reopening.user_id, self.officer)
        self.assertEqual(reopening.reason, "Evaluasi Puskesmas terlambat: jaringan putus.")
        self.assertEqual(reopening.reopen_until, date(2026, 3, 6))
        self.assertIn("jaringan putus", self.january.message_ids[0].body)
        self.january.date_evaluation = date(2026, 2, 6)
        self.assertEqual(self.january.date_evaluation, date(2026, 2, 6))

    def test_cron_relocks_after_reopening_ends(self):
        """The period locks again after the reopening date, not before."""
        with freeze_time("2026-03-02"):
            self.env["hr.kinerja.period"]._cron_lock_periods()
            self._reopen(self.january, reopen_until=date(2026, 3, 6))
        with freeze_time("2026-03-06"):
            self.env["hr.kinerja.period"]._cron_lock_periods()
        self.assertEqual(self.january.state, "reopened")
        with freeze_time("2026-03-07"):
            self.env["hr.kinerja.period"]._cron_lock_periods()
        self.assertEqual(self.january.state, "locked")
        self.assertFalse(self.january.reopen_until)

    def test_close_only_locked_and_only_by_manager(self):
        """Closing is final, for an HR manager, once the period is locked."""
        with self.assertRaisesMsg(UserError, "Only a locked period"):
            self.january.with_user(self.manager).action_close()
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "Only an HR manager"):
            self.january.with_user(self.officer).action_close()
        self.january.with_user(self.manager).action_close()
        self.assertEqual(self.january.state, "closed")

    def test_closed_period_cannot_be_reopened(self):
        self.january.action_lock()
        self.january.with_user(self.manager).action_close()
        with self.assertRaisesMsg(UserError, "a closed period is final"):
            self._reopen(self.january)
        self.assertEqual(self.january.state, "closed")

    def test_deadline_after_counts_working_days(self):
        """003 section Keberatan 2: an objection is filed within 14 working days of receipt;
        weekends and the 17 February holiday do not count."""
        self.assertEqual(self.january.objection_workdays, 14)
        self.assertEqual(
            self.january.deadline_after(date(2026, 2, 13), "objection_workdays"),
            date(2026, 3, 6),
        )
        self.assertEqual(
            self.january.deadline_after(date(2026, 3, 6), "objection_decision_workdays"),
            date(2026, 3, 17),
        )
        with self.assertRaises(ValueError):
            self.january.deadline_after(date(2026, 2, 13), "date_lock")
