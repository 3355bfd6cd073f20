import re
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_monitoring import QUANTITY
from .common_portal import KinerjaPortalCase

UNITS = "/my/kinerja/units"


@tagged("post_install", "-at_install")
class TestPortalProgress(KinerjaPortalCase):
    """Issue 14, the unit leader's view of the monitoring dashboard in the portal.

    The monitoring agency (tests/common_monitoring.py) with a second section under
    the division (Seksi Pengadaan: its head and a staff member without an SKP), the
    January evaluations generated. The section head (kasi) and the division head
    (kabid) are portal users: the kasi leads the Seksi Mutasi only, the kabid the
    division and both sections below; the analyst (a portal user) leads nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        portal = [
            cls.env.ref("base.group_portal").id,
            cls.env.ref("hr_kinerja_asn.group_kinerja_portal").id,
        ]
        cls.kabid_user.groups_id = [Command.set(portal)]
        cls.sibling = cls.env["hr.department"].create(
            {
                "name": "Seksi Pengadaan",
                "parent_id": cls.bidang.id,
                "kinerja_level": "pengawas",
            }
        )
        cls.sibling_head, cls.sibling_staff = cls.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "department_id": cls.sibling.id,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                }
                for name, jabatan in (
                    ("Kepala Seksi Pengadaan", "pengawas"),
                    ("Pengelola Pengadaan Tanpa SKP", "pelaksana"),
                )
            ]
        )
        cls.sibling.manager_id = cls.sibling_head
        # the archivist agreed an SKP the kasi has not set yet
        cls.archivist_skp = cls._skp(cls.archivist, "Arsip tertata", (QUANTITY,))
        cls.archivist_skp.with_user(cls.archivist_user).action_agree()
        cls.env["hr.kinerja.evaluation"]._generate(cls.january)
        cls.Progress = cls.env["hr.kinerja.progress"]

    # -- helpers ------------------------------------------------------------------
    def _row(self, unit, stage, period=None):
        period = period or (
            self.year.period_ids.filtered(lambda p: p.kind == "annual")
            if stage == "1_skp"
            else self.january
        )
        self.env.invalidate_all()
        return self.Progress.search(
            [
                ("year_id", "=", self.year.id),
                ("department_id", "=", unit.id),
                ("period_id", "=", period.id),
                ("stage", "=", stage),
            ]
        )

    def _lines(self, page):
        """The rows of a drill-down table: [(employee, record cell)]."""
        rows = re.findall(r'<tr class="o_kinerja_units_line">(.*?)</tr>', page, re.S)
        return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[:2] for row in rows]

    def _refresh(self):
        self.Progress.with_user(self.officer)._refresh(self.year)

    # -- the page -------------------------------------------------------------------
    def test_leader_sees_the_units_they_lead_and_those_below(self):
        page = self.portal_get(self.kasi_user, UNITS).text
        self.assertIn(f"o_kinerja_unit_{self.seksi.id}", page)
        self.assertNotIn(f"o_kinerja_unit_{self.sibling.id}", page)
        self.assertNotIn(f"o_kinerja_unit_{self.bidang.id}", page)
        self.assertNotIn("Pengadaan", page)
        # progress bars with the deadline, the matrix, the curve
        self.assertIn("o_kinerja_units_bar", page)
        self.assertIn("o_kinerja_units_matrix", page)
        self.assertIn(self.january.name, page)
        self.assertIn("working days", page)
        self.assertIn("o_kinerja_curve_bar", page)
        self.assertIn("allowed", page)
        # each number opens the records behind it
        row = self._row(self.seksi, "1_skp")
        self.assertIn(f'href="/my/kinerja/units/{row.id}/missing"', page)
        # the division head: the division and both sections
        page = self.portal_get(self.kabid_user, UNITS).text
        for unit in (self.bidang, self.seksi, self.sibling):
            self.assertIn(f"o_kinerja_unit_{unit.id}", page)
        # overdue first (the year's deadlines have passed by now): the overdue
        # steps of a unit come before its steps to do
        statuses = re.findall(r"o_kinerja_units_status_(\d_\w+)", page)
        self.assertTrue(statuses)
        self.assertEqual(statuses[0], "0_overdue")

    def test_leader_has_the_entry_and_the_tab_others_do_not(self):
        page = self.portal_get(self.kasi_user, "/my").text
        self.assertIn('href="/my/kinerja/units"', page)
        page = self.portal_get(self.kasi_user, "/my/kinerja").text
        self.assertIn('href="/my/kinerja/units"', page)
        for url in ("/my", "/my/kinerja"):
            page = self.portal_get(self.staff_user, url).text
            self.assertNotIn('href="/my/kinerja/units"', page)

    def test_non_leader_gets_nothing(self):
        self._refresh()
        row = self._row(self.seksi, "1_skp")
        self.assertTrue(row)
        self.portal_get(self.staff_user, UNITS, expect=404)
        self.portal_get(self.staff_user, f"{UNITS}/{row.id}/missing", expect=404)
        response = self.portal_post(self.staff_user, f"{UNITS}/refresh")
        self.assertEqual(response.status_code, 404)
        # nor through the models
        Progress = self.Progress.with_user(self.staff_user)
        self.assertFalse(Progress.search([]))
        self.assertFalse(
            self.env["hr.kinerja.progress.curve"].with_user(self.staff_user).search([])
        )
        with self.assertRaises(AccessError):
            row.with_user(self.staff_user).read(["missing"])
        with self.assertRaises(AccessError):
            Progress._refresh(self.year)

    def test_portal_leader_reads_only_their_units_rows(self):
        self._refresh()
        for user, units in (
            (self.kasi_user, self.seksi),
            (self.kabid_user, self.bidang | self.seksi | self.sibling),
        ):
            rows = self.Progress.with_user(user).search([("year_id", "=", self.year.id)])
            self.assertEqual(rows.department_id, units)
            curves = self.env["hr.kinerja.progress.curve"].with_user(user).search([])
            self.assertTrue(curves)
            self.assertLessEqual(curves.department_id, units)
        # a portal leader recounts the year (the page does, as the user)
        self.assertTrue(self.Progress.with_user(self.kasi_user)._refresh(self.year))

    # -- behind a number ----------------------------------------------------------------
    def test_drill_down_lists_the_records_counted(self):
        self.portal_get(self.kasi_user, UNITS)
        row = self._row(self.seksi, "1_skp")
        # the people of the section without an SKP: no record, their names
        page = self.portal_get(self.kasi_user, f"{UNITS}/{row.id}/missing").text
        names = sorted(employee for employee, _record in self._lines(page))
        self.assertEqual(len(names), row.missing)
        self.assertEqual(names, sorted(["Pengadministrasi Mutasi", "Pramu Bakti"]))
        self.assertNotIn("Pengadaan", page)
        # the SKPs in progress: the archivist's, which the kasi sets in the portal
        page = self.portal_get(self.kasi_user, f"{UNITS}/{row.id}/in_progress").text
        lines = self._lines(page)
        self.assertEqual(len(lines), row.in_progress)
        self.assertEqual(lines[0][0], "Arsiparis")
        self.assertIn(f'href="/my/kinerja/team/skp/{self.archivist_skp.id}"', lines[0][1])
        # the January evaluations: each links to the page where the kasi rates it
        row = self._row(self.seksi, "4_evaluation")
        page = self.portal_get(self.kasi_user, f"{UNITS}/{row.id}/all").text
        lines = self._lines(page)
        self.assertEqual(len(lines), row.expected)
        evaluation = self.env["hr.kinerja.evaluation"].search(
            [("employee_id", "=", self.staff.id), ("period_id", "=", self.january.id)]
        )
        self.assertIn(f'href="/my/kinerja/team/evaluation/{evaluation.id}"', page)
        # the kabid, above: the sibling section's missing SKPs by name, no link
        row = self._row(self.sibling, "1_skp")
        page = self.portal_get(self.kabid_user, f"{UNITS}/{row.id}/missing").text
        lines = self._lines(page)
        self.assertEqual(len(lines), row.missing)
        self.assertIn("Pengelola Pengadaan Tanpa SKP", [employee for employee, _r in lines])
        self.assertNotIn("Pramu Bakti", page)
        self.assertNotIn("<a", "".join(record for _e, record in lines))

    def test_a_count_of_the_curve_lists_its_evaluations(self):
        """Issue 14: every number clicks through - the curve's counts too: the
        evaluations of the unit and period rated with that predicate, only to a
        leader of that unit or above."""
        analyst = self.env["hr.kinerja.evaluation"].search(
            [("employee_id", "=", self.staff.id), ("period_id", "=", self.january.id)]
        )
        analyst = analyst.with_user(self.kasi_user)
        analyst.write({"result_rating": "sesuai", "behaviour_rating": "sesuai"})
        analyst.action_done()
        page = self.portal_get(self.kasi_user, f"{UNITS}?curve_period_id={self.january.id}").text
        Curve = self.env["hr.kinerja.progress.curve"]
        line = Curve.search(
            [
                ("department_id", "=", self.seksi.id),
                ("period_id", "=", self.january.id),
                ("series", "=", "2_rated"),
                ("value", ">", 0),
            ]
        )
        self.assertEqual((len(line), line.value), (1, 1))
        self.assertEqual(line.predicate.split("_", 1)[1], analyst.predicate)
        self.assertIn(f'href="{UNITS}/curve/{line.id}"', page)
        page = self.portal_get(self.kasi_user, f"{UNITS}/curve/{line.id}").text
        lines = self._lines(page)
        self.assertEqual(len(lines), line.value)
        self.assertEqual(lines[0][0], "Analis Mutasi")
        self.assertIn(f'href="/my/kinerja/team/evaluation/{analyst.id}"', lines[0][1])
        # the kabid, above, reads it too; the analyst, who leads nothing, does not
        self.portal_get(self.kabid_user, f"{UNITS}/curve/{line.id}")
        self.portal_get(self.staff_user, f"{UNITS}/curve/{line.id}", expect=404)
        # the kasi reads no line of a unit beside or above the section
        others = Curve.search([("department_id", "not in", self.seksi.ids)])
        self.assertTrue(others)
        for other in others[:3]:
            self.portal_get(self.kasi_user, f"{UNITS}/curve/{other.id}", expect=404)
        self.portal_get(self.kasi_user, f"{UNITS}/curve/999999999", expect=404)

    def test_drill_down_refuses_another_units_row(self):
        self.portal_get(self.kasi_user, UNITS)
        for unit in (self.sibling, self.bidang):
            row = self._row(unit, "1_skp")
            self.assertTrue(row)
            self.portal_get(self.kasi_user, f"{UNITS}/{row.id}/missing", expect=404)
        row = self._row(self.seksi, "1_skp")
        self.portal_get(self.kasi_user, f"{UNITS}/{row.id}/nothing", expect=404)
        self.portal_get(self.kasi_user, f"{UNITS}/999999999/missing", expect=404)

    # -- counting ---------------------------------------------------------------------
    def test_counts_again_only_when_stale_or_asked(self):
        self.portal_get(self.kasi_user, UNITS)
        before = self._row(self.seksi, "1_skp").missing
        self.env["hr.employee"].create(
            {
                "name": "Staf Mutasi Baru",
                "department_id": self.seksi.id,
                "jabatan_type": "pelaksana",
                "asn_type": "pns",
            }
        )
        # counted a moment ago: the page shows the rows as they are
        self.portal_get(self.kasi_user, UNITS)
        self.assertEqual(self._row(self.seksi, "1_skp").missing, before)
        # the Refresh button counts now
        response = self.portal_post(self.kasi_user, f"{UNITS}/refresh")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(UNITS))
        self.assertEqual(self._row(self.seksi, "1_skp").missing, before + 1)
        # rows counted long ago are counted again by the page
        self.env["hr.employee"].create(
            {
                "name": "Staf Mutasi Kedua",
                "department_id": self.seksi.id,
                "jabatan_type": "pelaksana",
                "asn_type": "pns",
            }
        )
        self.env.cr.execute(
            "UPDATE hr_kinerja_progress SET refreshed = %s WHERE year_id = %s",
            (fields.Datetime.now() - timedelta(hours=1), self.year.id),
        )
        self.portal_get(self.kasi_user, UNITS)
        self.assertEqual(self._row(self.seksi, "1_skp").missing, before + 2)

    def test_page_queries_do_not_grow_with_the_units(self):
        self._refresh()
        small = self.portal_queries(self.kabid_user, UNITS)
        for index in range(3):
            unit = self.env["hr.department"].create(
                {
                    "name": f"Seksi Tambahan {index}",
                    "parent_id": self.bidang.id,
                    "kinerja_level": "pengawas",
                }
            )
            self.env["hr.employee"].create(
                [
                    {
                        "name": f"Staf Tambahan {index}.{n}",
                        "department_id": unit.id,
                        "jabatan_type": "pelaksana",
                        "asn_type": "pns",
                    }
                    for n in range(3)
                ]
            )
        rows = self.Progress.search_count([])
        self._refresh()
        self.assertGreater(self.Progress.search_count([]), rows)
        page = self.portal_get(self.kabid_user, UNITS).text
        self.assertIn("Seksi Tambahan 2", page)
        self.assertLessEqual(self.portal_queries(self.kabid_user, UNITS), small)
