from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .common_monitoring import QUANTITY, TIME
from .common_portal import KinerjaPortalCase


@tagged("post_install", "-at_install")
class TestPortalSkp(KinerjaPortalCase):
    """Issue 12: the employee reads, agrees and prints their SKP in the portal and
    follows its revisions; nobody opens another employee's SKP there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The archivist's SKP waits for their agreement.
        cls.archivist_skp = cls._skp(
            cls.archivist, "Arsip tertata dan mudah ditemukan", (QUANTITY,)
        )

    def skp_url(self, skp, suffix=""):
        return f"/my/kinerja/skp/{skp.id}{suffix}"

    # -- the flows ----------------------------------------------------------------------
    def test_list_shows_my_skps_newest_first(self):
        revision = self.staff_skp._new_revision("Tugas tambahan dari pimpinan")
        text = self.portal_get(self.staff_user, "/my/kinerja/skp").text
        self.assertIn(self.staff_skp.display_name, text)
        self.assertIn("Revision 1", text)
        self.assertLess(
            text.index(f"/my/kinerja/skp/{revision.id}"), text.index(self.skp_url(self.staff_skp))
        )
        self.assertNotIn(self.kasi_skp.display_name, text)
        self.assertNotIn(self.archivist_skp.display_name, text)

    def test_page_reads_like_the_form(self):
        text = self.portal_get(self.staff_user, self.skp_url(self.staff_skp)).text
        for expected in (
            "Analis Mutasi",
            "Kepala Seksi Mutasi",  # the evaluator
            "Layanan mutasi tepat waktu",
            "Jumlah SK mutasi",
            "Waktu penyelesaian SK",
            "Agreed by",
            "Set by",
            "o_kinerja_skp_pdf",
            "o_portal_chatter",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("o_kinerja_skp_agree", text)  # already set

    def test_page_shows_the_leaders_rhk_and_the_lampiran(self):
        self.archivist_skp.rhk_ids.parent_rhk_id = self.kasi_rhk
        self.env["hr.kinerja.skp.lampiran"].create(
            {"skp_id": self.archivist_skp.id, "section": "resource", "description": "Pemindai"}
        )
        text = self.portal_get(self.archivist_user, self.skp_url(self.archivist_skp)).text
        self.assertIn("Supports the leader", text)
        self.assertIn("Mutasi pegawai tertib", text)
        self.assertIn("Pemindai", text)

    def test_agree(self):
        url = self.skp_url(self.archivist_skp)
        self.assertIn("o_kinerja_skp_agree", self.portal_get(self.archivist_user, url).text)
        response = self.portal_post(self.archivist_user, url + "/agree")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.archivist_skp.state, "agreed")
        self.assertEqual(self.archivist_skp.agreed_by_id, self.archivist_user)
        text = self.url_open(url).text  # the same session: the flash message
        self.assertIn("You agreed your SKP", text)
        self.assertNotIn("o_kinerja_skp_agree", text)

    def test_agree_refused_shows_the_models_message(self):
        self.archivist_skp.rhk_ids.indicator_ids.unlink()
        url = self.skp_url(self.archivist_skp)
        self.portal_post(self.archivist_user, url + "/agree")
        self.assertEqual(self.archivist_skp.state, "draft")
        text = self.url_open(url).text
        self.assertIn("has no indicator", text)
        self.assertIn("o_kinerja_error", text)

    def test_pdf_is_the_skp_form(self):
        """The SKP form rendered as the user, then printed by wkhtmltopdf. Here
        wkhtmltopdf is replaced: in a test the server serves one request at a time,
        so wkhtmltopdf could not fetch the form's stylesheet from it meanwhile."""
        printed = []

        def run_wkhtmltopdf(report, bodies, *args, **kwargs):
            printed.extend(bodies)
            return b"%PDF-1.4 SKP\n%%EOF\n"

        Report = type(self.env["ir.actions.report"])
        with patch.object(Report, "_run_wkhtmltopdf", run_wkhtmltopdf):
            response = self.portal_get(self.staff_user, self.skp_url(self.staff_skp, "/pdf"))
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertIn("SKP%20Analis%20Mutasi%202026.pdf", response.headers["Content-Disposition"])
        html = "".join(str(body) for body in printed)
        self.assertIn("Layanan mutasi tepat waktu", html)
        self.assertIn("Kepala Seksi Mutasi", html)

    def test_revisions_are_linked(self):
        revision = self.staff_skp._new_revision("Tugas tambahan dari pimpinan")
        text = self.portal_get(self.staff_user, self.skp_url(revision)).text
        self.assertIn("Tugas tambahan dari pimpinan", text)
        self.assertIn(f'href="{self.skp_url(self.staff_skp)}"', text)
        self.assertIn("o_kinerja_skp_agree", text)
        text = self.portal_get(self.staff_user, self.skp_url(self.staff_skp)).text
        self.assertIn(f'href="{self.skp_url(revision)}"', text)

    # -- route access -----------------------------------------------------------------
    def test_colleague_cannot_open_or_agree(self):
        revision = self.staff_skp._new_revision("Tugas tambahan dari pimpinan")
        for url in (
            self.skp_url(self.staff_skp),
            self.skp_url(self.staff_skp, "/pdf"),
            self.skp_url(revision),
            "/my/kinerja/skp/999999",
        ):
            self.portal_get(self.archivist_user, url, expect=404)
        response = self.portal_post(self.archivist_user, self.skp_url(revision, "/agree"))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(revision.state, "draft")

    def test_evaluator_reads_the_skp_but_these_pages_are_the_employees(self):
        self.assertTrue(self.staff_skp.with_user(self.kasi_user).has_access("read"))
        self.portal_get(self.kasi_user, self.skp_url(self.staff_skp), expect=404)
        self.portal_get(self.kasi_user, self.skp_url(self.staff_skp, "/pdf"), expect=404)
        self.portal_post(self.kasi_user, self.skp_url(self.archivist_skp, "/agree"))
        self.assertEqual(self.archivist_skp.state, "draft")
        # their own SKP is theirs
        self.portal_get(self.kasi_user, self.skp_url(self.kasi_skp))

    # -- query counts -----------------------------------------------------------------
    def test_list_query_count_is_fixed(self):
        url = "/my/kinerja/skp"
        self.assertEqual(self.portal_queries(self.staff_user, url), LIST_QUERIES)
        self.staff_skp._new_revision("Tugas tambahan dari pimpinan")
        self.assertEqual(self.portal_queries(self.staff_user, url), LIST_QUERIES)

    def test_page_query_count_is_fixed(self):
        url = self.skp_url(self.archivist_skp)
        self.archivist_skp.rhk_ids.parent_rhk_id = self.kasi_rhk
        self.add_rhks_and_lampiran(("tambahan",))
        self.assertEqual(self.portal_queries(self.archivist_user, url), PAGE_QUERIES)
        self.add_rhks_and_lampiran(("utama", "tambahan", "tambahan"))
        self.assertEqual(self.portal_queries(self.archivist_user, url), PAGE_QUERIES)

    def add_rhks_and_lampiran(self, kinds):
        self.env["hr.kinerja.rhk"].create(
            [
                {
                    "skp_id": self.archivist_skp.id,
                    "kind": kind,
                    "name": f"Hasil {number}",
                    "parent_rhk_id": self.kasi_rhk.id,
                    "indicator_ids": [Command.create(dict(QUANTITY)), Command.create(dict(TIME))],
                }
                for number, kind in enumerate(kinds)
            ]
        )
        self.env["hr.kinerja.skp.lampiran"].create(
            [
                {"skp_id": self.archivist_skp.id, "section": section, "description": section}
                for section in ("resource", "accountability", "consequence")
            ]
        )


LIST_QUERIES = 14
PAGE_QUERIES = 32  # +1: the signatures of the SKP (issue 13)
