from datetime import date

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestPeriodGuard(KinerjaCase):
    """001 item 7: nothing in a locked period changes until an HR officer reopens it.
    Every document of a period inherits ``hr.kinerja.period.guard``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import KinerjaGuarded  # noqa: PLC0415 (FakeModelLoader usage)

        cls.loader.update_registry((KinerjaGuarded,))
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.year = cls._open_year(cls._calendar(), "kutai_kartanegara", "monthly")
        cls.january = cls._period(cls.year, "month", 1)
        cls.february = cls._period(cls.year, "month", 2)
        cls.officer = new_test_user(
            cls.env, "guard_officer", groups="hr_kinerja_asn.group_kinerja_officer"
        )
        cls.Guarded = cls.env["x.kinerja.guarded"]

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _reopen(self, period):
        self.env["hr.kinerja.period.reopen.wizard"].with_user(self.officer).create(
            {
                "period_ids": [(6, 0, period.ids)],
                "reason": "Koreksi realisasi yang salah ketik.",
                "reopen_until": date(2099, 1, 1),
            }
        ).action_reopen()

    def test_open_period_writable(self):
        record = self.Guarded.create({"name": "SKP Januari", "period_id": self.january.id})
        record.name = "SKP Januari (revisi)"
        record.unlink()
        self.assertFalse(record.exists())

    def test_create_in_locked_period_refused(self):
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "is locked: nothing in it can be changed"):
            self.Guarded.create({"name": "Terlambat", "period_id": self.january.id})

    def test_write_and_unlink_in_locked_period_refused(self):
        record = self.Guarded.create({"name": "SKP Januari", "period_id": self.january.id})
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "January 2026 is locked"):
            record.name = "Diubah setelah dikunci"
        with self.assertRaisesMsg(UserError, "January 2026 is locked"):
            record.unlink()
        self.assertEqual(record.name, "SKP Januari")

    def test_closed_period_refused(self):
        record = self.Guarded.create({"name": "SKP Januari", "period_id": self.january.id})
        self.january.action_lock()
        self.january.action_close()
        with self.assertRaisesMsg(UserError, "is closed"):
            record.name = "Diubah setelah ditutup"

    def test_reopened_period_writable(self):
        """Once an HR officer reopens the period, its documents can change again."""
        record = self.Guarded.create({"name": "SKP Januari", "period_id": self.january.id})
        self.january.action_lock()
        self._reopen(self.january)
        record.name = "Dikoreksi"
        self.Guarded.create({"name": "Susulan", "period_id": self.january.id})
        record.unlink()
        self.assertFalse(record.exists())

    def test_move_into_locked_period_refused(self):
        """A document cannot be slipped into a locked period from an open one."""
        record = self.Guarded.create({"name": "SKP Februari", "period_id": self.february.id})
        self.january.action_lock()
        with self.assertRaisesMsg(UserError, "January 2026 is locked"):
            record.period_id = self.january
        self.assertEqual(record.period_id, self.february)
