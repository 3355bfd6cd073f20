from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestDelegation(KinerjaCase):
    """Dated delegations of the evaluator's authority (003 section Evaluasi 2-7): on any
    day, a unit or an employee has at most one acting evaluator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.unit, cls.other_unit = cls.env["hr.department"].create(
            [{"name": "Bidang Anggaran"}, {"name": "Bidang Aset"}]
        )
        cls.employee, cls.delegate, cls.second_delegate = cls.env["hr.employee"].create(
            [{"name": "Rina"}, {"name": "Plt. Kepala Bidang"}, {"name": "Plh. Kepala Bidang"}]
        )

    def _unit(self, date_from, date_to=None, unit=None, delegate=None):
        return self.env["hr.kinerja.delegation"].create(
            {
                "department_id": (unit or self.unit).id,
                "delegate_id": (delegate or self.delegate).id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _for_employee(self, date_from, date_to=None, delegate=None):
        return self.env["hr.kinerja.delegation"].create(
            {
                "scope": "employee",
                "kind": "other",
                "employee_id": self.employee.id,
                "delegate_id": (delegate or self.delegate).id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def test_overlapping_unit_delegations_refused(self):
        """Two acting leaders of one unit on the same day would make the evaluator ambiguous."""
        self._unit(date(2026, 1, 1), date(2026, 3, 31))
        with self.assertRaisesMsg(ValidationError, "overlaps"):
            self._unit(date(2026, 3, 31), date(2026, 6, 30), delegate=self.second_delegate)
        with self.assertRaisesMsg(ValidationError, "Bidang Anggaran"):
            self._unit(date(2025, 12, 1), None, delegate=self.second_delegate)

    def test_overlap_with_open_ended_delegation_refused(self):
        """An open-ended delegation covers every later day until it is ended."""
        self._unit(date(2026, 1, 1))
        with self.assertRaisesMsg(ValidationError, "open-ended"):
            self._unit(date(2027, 5, 1), date(2027, 5, 31), delegate=self.second_delegate)

    def test_overlapping_employee_delegations_refused(self):
        """The same holds for the delegations of one employee."""
        self._for_employee(date(2026, 1, 1), date(2026, 6, 30))
        with self.assertRaisesMsg(ValidationError, "overlaps"):
            self._for_employee(date(2026, 6, 1), None, delegate=self.second_delegate)

    def test_adjacent_periods_and_other_units_allowed(self):
        """A delegation may start the day after the previous one ends; other units are free."""
        first = self._unit(date(2026, 1, 1), date(2026, 1, 31))
        second = self._unit(date(2026, 2, 1), None, delegate=self.second_delegate)
        third = self._unit(date(2026, 1, 1), None, unit=self.other_unit)
        self.assertEqual(len(first | second | third), 3)
        # Ending the open one makes room for a later one.
        second.date_to = date(2026, 2, 28)
        self._unit(date(2026, 3, 1))

    def test_end_before_start_refused(self):
        with self.assertRaisesMsg(ValidationError, "before it starts"):
            self._unit(date(2026, 3, 1), date(2026, 2, 1))

    def test_employee_cannot_be_own_evaluator(self):
        with self.assertRaisesMsg(ValidationError, "their own evaluator"):
            self._for_employee(date(2026, 1, 1), delegate=self.employee)

    def test_unit_scope_needs_unit(self):
        with self.assertRaisesMsg(ValidationError, "names the unit"):
            self.env["hr.kinerja.delegation"].create(
                {"delegate_id": self.delegate.id, "date_from": date(2026, 1, 1)}
            )
        with self.assertRaisesMsg(ValidationError, "names that employee"):
            self.env["hr.kinerja.delegation"].create(
                {"scope": "employee", "delegate_id": self.delegate.id, "date_from": "2026-01-01"}
            )
