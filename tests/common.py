import contextlib
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase

JAKARTA_OFFSET = timedelta(hours=7)


# An address where no server answers (see KinerjaCase.setUpClass).
NO_ASSETS_URL = "http://127.0.0.1:1"


class KinerjaAssertions:
    """Mixin for ``odoo.tests.TransactionCase``: ``assertRaises`` runs in a savepoint
    (``assertRaisesRegex`` does not), so assert the type there, the message here."""

    @contextlib.contextmanager
    def assertRaisesMsg(self, exception, fragment):
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(fragment, str(caught.exception))


class KinerjaYearMixin:
    """Builds performance years on a Monday-Friday calendar in Asia/Jakarta."""

    @classmethod
    def _preset(cls, code):
        return cls.env["hr.kinerja.preset"].search(
            [("code", "=", code), ("company_id", "=", False)]
        )

    @classmethod
    def _calendar(cls, company=None):
        return cls.env["resource.calendar"].create(
            {
                "name": "Hari Kerja Pemda (Senin-Jumat)",
                "tz": "Asia/Jakarta",
                "company_id": (company or cls.env.company).id,
            }
        )

    @classmethod
    def _holiday(cls, calendar, day):
        """A public holiday (resource_id False) covering ``day`` in Jakarta."""
        start = datetime(day.year, day.month, day.day) - JAKARTA_OFFSET
        return cls.env["resource.calendar.leaves"].create(
            {
                "name": f"Libur Nasional {day}",
                "calendar_id": calendar.id,
                "company_id": calendar.company_id.id,
                "resource_id": False,
                "date_from": start,
                "date_to": start + timedelta(hours=23, minutes=59, seconds=59),
            }
        )

    @classmethod
    def _year(cls, calendar, preset_code="kutai_kartanegara", period_type=None, **values):
        values = {
            "year": 2026,
            "preset_id": cls._preset(preset_code).id,
            "calendar_id": calendar.id,
            "company_id": calendar.company_id.id,
            **values,
        }
        if period_type:
            values["period_type"] = period_type
        return cls.env["hr.kinerja.year"].create(values)

    @classmethod
    def _open_year(cls, calendar, preset_code="kutai_kartanegara", period_type=None, **values):
        year = cls._year(calendar, preset_code, period_type, **values)
        year.action_open()
        return year

    @staticmethod
    def _period(year, kind, number):
        return year.period_ids.filtered(lambda p: (p.kind, p.number) == (kind, number))


class KinerjaCase(KinerjaAssertions, KinerjaYearMixin, TransactionCase):
    """Runs in an agency of its own, so that the tests hold with or without the
    demo agency (whose 2026 year already exists) in the database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        agency = cls.env["res.company"].create({"name": "Kabupaten Uji Kinerja"})
        cls.env.user.write({"company_ids": [Command.link(agency.id)], "company_id": agency.id})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[agency.id]))
        # wkhtmltopdf fetches no web assets from this server: under odoo-bin's runner a
        # request back to the server waits on the test's own transaction (the forms
        # carry their own style)
        cls.env["ir.config_parameter"].sudo().set_param("report.url", NO_ASSETS_URL)
