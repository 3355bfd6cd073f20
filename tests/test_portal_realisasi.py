from unittest.mock import patch

from odoo.tests import tagged

from ..controllers import portal as portal_controller
from .common_portal import KinerjaPortalCase

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestPortalRealisasi(KinerjaPortalCase):
    """Issue 12: the realisation sheet - every indicator of a period on one screen,
    saved and submitted with its evidence through the model."""

    def sheet_url(self, period=None):
        return "/my/kinerja/realisasi" + (f"?period_id={period.id}" if period else "")

    def lines(self, period=None):
        return self.env["hr.kinerja.realisasi"].search(
            [("skp_id", "=", self.staff_skp.id), ("period_id", "=", (period or self.january).id)]
        )

    def form(self, period=None, action="save", **values):
        data = {"period_id": (period or self.january).id, "action": action}
        for iki in self.staff_skp.rhk_ids.indicator_ids:
            data.update({f"value_{iki.id}": "", f"note_{iki.id}": "", f"links_{iki.id}": ""})
        data.update(values)
        return data

    def save(self, user=None, period=None, action="save", files=None, **values):
        return self.portal_post(
            user or self.staff_user,
            "/my/kinerja/realisasi/save",
            self.form(period, action, **values),
            files,
        )

    @staticmethod
    def download_url(attachment):
        line = attachment.env["hr.kinerja.realisasi"].browse(attachment.res_id)
        return f"/my/kinerja/file/hr.kinerja.realisasi/{line.id}/{attachment.id}"

    @staticmethod
    def error_of(response):
        text = response.text
        start = text.find("o_kinerja_error")
        return text[start : start + 600] if start >= 0 else text[-1500:]

    # -- the flows ----------------------------------------------------------------------
    def test_sheet_shows_the_earliest_open_period(self):
        text = self.portal_get(self.staff_user, self.sheet_url()).text
        self.assertIn(f'name="period_id" value="{self.january.id}"', text)
        for iki in (self.quantity, self.time, self.quality, self.cost):
            self.assertIn(iki.name, text)
        self.assertIn("Not entered", text)
        self.assertIn("o_kinerja_realisasi_submit", text)
        # January's share of the yearly 100 dokumen (002 D.4.c), as the evaluation measures
        self.assertIn("<strong>8.33 dokumen</strong>", text)

    def test_save_and_submit_with_a_file_and_a_link(self):
        response = self.save(
            action="submit",
            files=[(f"files_{self.quantity.id}", ("sk-mutasi.pdf", PDF, "application/pdf"))],
            **{
                f"value_{self.quantity.id}": "40",
                f"note_{self.quantity.id}": "SK Januari",
                f"value_{self.time.id}": "4,5",
                f"links_{self.time.id}": "https://drive.example.com/sk\n\nHTTPS://simpeg.example.go.id/x",
            },
        )
        self.assertEqual(response.status_code, 303, self.error_of(response))
        quantity, time = self.lines()
        self.assertEqual((quantity.iki_id, time.iki_id), (self.quantity, self.time))
        self.assertEqual(quantity.value, 40)
        self.assertEqual(quantity.note, "SK Januari")
        self.assertEqual(quantity.attachment_ids.mapped("name"), ["sk-mutasi.pdf"])
        self.assertEqual(time.value, 4.5)
        self.assertEqual(
            time.evidence_links, "https://drive.example.com/sk\nHTTPS://simpeg.example.go.id/x"
        )
        self.assertEqual(set(self.lines().mapped("state")), {"submitted"})
        text = self.url_open(self.sheet_url(self.january)).text  # the same session
        self.assertIn("2 realisation(s) submitted", text)
        self.assertIn("Submitted", text)
        link = self.download_url(quantity.attachment_ids)
        self.assertIn(link.replace("&", "&amp;"), text)
        # the file is the user's to download
        self.assertEqual(self.portal_get(self.staff_user, link).content, PDF)

    def test_save_keeps_a_draft_then_updates_it(self):
        self.save(**{f"value_{self.quantity.id}": "10"})
        line = self.lines()
        self.assertEqual((line.value, line.state), (10, "draft"))
        self.save(**{f"value_{self.quantity.id}": "25", f"note_{self.quantity.id}": "naik"})
        self.assertEqual(self.lines(), line)
        self.assertEqual((line.value, line.note, line.state), (25, "naik", "draft"))

    def test_sent_back_shows_the_review_note(self):
        line = (
            self.env["hr.kinerja.realisasi"]
            .with_user(self.staff_user)
            .create(
                {
                    "iki_id": self.quantity.id,
                    "period_id": self.january.id,
                    "value": 30,
                    "evidence_links": "https://example.com/bukti",
                }
            )
        )
        line.action_submit()
        line = line.with_user(self.kasi_user)
        line.review_note = "Lampirkan SK yang sudah ditandatangani."
        line.action_reopen()
        text = self.portal_get(self.staff_user, self.sheet_url(self.january)).text
        self.assertIn("Sent back", text)
        self.assertIn("Lampirkan SK yang sudah ditandatangani.", text)

    def test_wrong_file_type_is_refused_and_nothing_kept(self):
        response = self.save(
            action="submit",
            files=[
                (
                    f"files_{self.quantity.id}",
                    ("virus.exe", b"MZ\x90\x00" * 64, "application/octet-stream"),
                )
            ],
            **{
                f"value_{self.quantity.id}": "40",
                f"value_{self.time.id}": "3",
                f"links_{self.time.id}": "https://example.com/bukti",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("virus.exe is not an accepted evidence file", response.text)
        self.assertIn('value="40"', response.text)  # what was typed stays on the form
        self.assertFalse(self.lines())

    def test_too_big_file_is_refused(self):
        # The limit made small here: the test server refuses a request over 10 MB.
        big = PDF + b"0" * (1024 * 1024)
        with patch.object(portal_controller, "MAX_UPLOAD_MB", 1):
            response = self.save(
                files=[(f"files_{self.quantity.id}", ("besar.pdf", big, "application/pdf"))],
                **{f"value_{self.quantity.id}": "40"},
            )
        self.assertIn("an evidence file is at most 1 MB", response.text, self.error_of(response))
        self.assertFalse(self.lines())

    def test_bad_link_or_missing_evidence_refuses_the_whole_batch(self):
        response = self.save(
            **{
                f"value_{self.quantity.id}": "40",
                f"value_{self.time.id}": "3",
                f"links_{self.time.id}": "ftp://example.com/bukti",
            }
        )
        self.assertIn("ftp://example.com/bukti is not", response.text)
        self.assertFalse(self.lines())
        response = self.save(action="submit", **{f"value_{self.quantity.id}": "40"})
        self.assertIn("Attach the evidence", response.text)
        self.assertFalse(self.lines())
        response = self.save(**{f"value_{self.quantity.id}": "empat puluh"})
        self.assertIn("is not a number", response.text)
        self.assertFalse(self.lines())

    def test_locked_period_is_read_only_and_refused(self):
        self.january.action_lock()
        text = self.portal_get(self.staff_user, self.sheet_url(self.january)).text
        self.assertIn("o_kinerja_period_locked", text)
        self.assertNotIn("o_kinerja_realisasi_submit", text)
        response = self.save(**{f"value_{self.quantity.id}": "40"})
        self.assertIn("nothing in it can be changed", response.text)
        self.assertFalse(self.lines())
        # the default is now the next open period
        text = self.portal_get(self.staff_user, self.sheet_url()).text
        self.assertIn(f'name="period_id" value="{self.february.id}"', text)

    # -- route access -----------------------------------------------------------------
    def test_others_cannot_read_or_write_the_staffs_realisations(self):
        self.save(
            files=[(f"files_{self.quantity.id}", ("sk-mutasi.pdf", PDF, "application/pdf"))],
            **{f"value_{self.quantity.id}": "40"},
        )
        line = self.lines()
        attachment = line.attachment_ids
        self.portal_get(self.archivist_user, self.download_url(attachment), expect=404)
        self.portal_get(
            self.archivist_user, f"/web/content/{attachment.id}?download=true", expect=404
        )
        # the archivist (no SKP) posting the staff's indicator ids changes nothing
        response = self.save(user=self.archivist_user, **{f"value_{self.quantity.id}": "99"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(line.value, 40)
        text = self.portal_get(self.archivist_user, self.sheet_url(self.january)).text
        self.assertNotIn(self.quantity.name, text)
        # the evaluator's sheet shows only the kasi's own indicators
        response = self.save(user=self.kasi_user, **{f"value_{self.quantity.id}": "99"})
        self.assertEqual(line.value, 40)
        text = self.portal_get(self.kasi_user, self.sheet_url(self.january)).text
        self.assertNotIn(self.time.name, text)
        self.assertIn(self.kasi_rhk.indicator_ids.name, text)

    def test_period_of_another_agency_is_not_found(self):
        other = (
            self.env["hr.kinerja.period"]
            .sudo()
            .search([("company_id", "!=", self.staff.company_id.id)], limit=1)
        )
        if other:
            self.portal_get(self.staff_user, self.sheet_url(other), expect=404)
        self.portal_get(self.staff_user, "/my/kinerja/realisasi?period_id=999999", expect=404)

    # -- query counts -----------------------------------------------------------------
    def test_sheet_query_count_is_fixed(self):
        url = self.sheet_url(self.january)
        self.save(
            files=[(f"files_{self.quantity.id}", ("a.pdf", PDF, "application/pdf"))],
            **{f"value_{self.quantity.id}": "40"},
        )
        self.assertEqual(self.portal_queries(self.staff_user, url), SHEET_QUERIES)
        self.save(
            files=[
                (f"files_{iki.id}", (f"{iki.id}-{n}.pdf", PDF, "application/pdf"))
                for iki in (self.time, self.quality, self.cost)
                for n in range(2)
            ],
            **{f"value_{iki.id}": "3" for iki in (self.time, self.quality, self.cost)},
            **{f"links_{self.time.id}": "https://example.com/a"},
        )
        self.assertEqual(len(self.lines()), 4)
        self.assertEqual(self.portal_queries(self.staff_user, url), SHEET_QUERIES)


SHEET_QUERIES = 31


@tagged("post_install", "-at_install")
class TestPortalEmployeeTour(KinerjaPortalCase):
    def test_tour_agree_and_submit(self):
        """In a browser: the analyst agrees the adjusted SKP (a new draft revision)
        and submits January's first realisation with a file."""
        revision = self.staff_skp._new_revision("Tugas tambahan dari pimpinan")
        self.start_tour("/my/kinerja", "kinerja_portal_employee", login=self.staff_user.login)
        self.assertEqual(revision.state, "agreed")
        line = self.env["hr.kinerja.realisasi"].search(
            [("iki_id", "=", self.quantity.id), ("period_id", "=", self.january.id)]
        )
        self.assertEqual((line.value, line.state), (40, "submitted"))
        self.assertEqual(line.attachment_ids.mapped("name"), ["bukti-januari.pdf"])
