"""The bulk writes (models/bulk.py): what goes in as array constants comes back as it
was, whatever the text holds."""

from datetime import date, datetime

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..models import bulk


@tagged("post_install", "-at_install")
class TestBulk(TransactionCase):
    def _round_trip(self, values, pgtype):
        self.env.cr.execute(SQL("SELECT unnest(%s)", bulk.array(values, pgtype)))
        return [row[0] for row in self.env.cr.fetchall()]

    def test_text_comes_back_as_it_was(self):
        values = [
            'Dinas "Pendidikan"',
            "C:\\arsip\\2027",
            "{a,b}",
            "NULL",
            "",
            None,
            "baris\nkedua",
            "Kepala Seksi - Januari 2027 ✓",
            '<a href="x?a=1&b=2">tautan</a>',
        ]
        self.assertEqual(self._round_trip(values, "varchar"), values)
        self.assertEqual(self._round_trip(values, "text"), values)

    def test_numbers_dates_and_booleans(self):
        self.assertEqual(self._round_trip([1, -3, None, 0], "int"), [1, -3, None, 0])
        self.assertEqual(self._round_trip([1.5, None, -0.25], "float8"), [1.5, None, -0.25])
        days = [date(2027, 1, 31), None]
        self.assertEqual(self._round_trip(days, "date"), days)
        moments = [datetime(2027, 1, 31, 23, 59, 58)]
        self.assertEqual(self._round_trip(moments, "timestamp"), moments)
        self.assertEqual(self._round_trip([True, False, None], "bool"), [True, False, None])

    def test_cache_tables_have_no_foreign_key(self):
        """The dashboard's rows are rebuilt in bulk: no foreign key costs each row."""
        for model in ("hr.kinerja.progress", "hr.kinerja.progress.curve"):
            self.env.cr.execute(
                SQL(
                    "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                    " AND conrelid = %s::regclass",
                    self.env[model]._table,
                )
            )
            self.assertEqual(self.env.cr.fetchone()[0], 0, model)
