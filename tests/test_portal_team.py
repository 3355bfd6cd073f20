from odoo import Command
from odoo.tests import tagged

from .common_monitoring import QUANTITY
from .common_portal import KinerjaPortalCase

LINK = "https://drive.kukarkab.go.id/sk-mutasi.pdf"


@tagged("post_install", "-at_install")
class TestPortalTeam(KinerjaPortalCase):
    """Issue 12, the evaluator in the portal: the section head (kasi, a portal user)
    sets the SKP the archivist agreed, reviews the analyst's January realisations and
    rates the analyst's January evaluation - through the models, as the user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the archivist agreed an SKP: the kasi sets it
        cls.archivist_skp = cls._skp(cls.archivist, "Arsip tertata", (QUANTITY,))
        cls.archivist_skp.with_user(cls.archivist_user).action_agree()
        # the analyst submitted two January realisations
        cls.quantity_line, cls.time_line = (
            cls.env["hr.kinerja.realisasi"]
            .with_user(cls.staff_user)
            .create(
                [
                    {
                        "iki_id": iki.id,
                        "period_id": cls.january.id,
                        "value": value,
                        "evidence_links": LINK,
                        "note": f"Catatan {iki.name}",
                    }
                    for iki, value in ((cls.quantity, 10), (cls.time, 4))
                ]
            )
        )
        (cls.quantity_line | cls.time_line).with_user(cls.staff_user).action_submit()
        # the kasi's own January realisation, for the kabid to review
        cls.kasi_line = (
            cls.env["hr.kinerja.realisasi"]
            .with_user(cls.kasi_user)
            .create(
                {
                    "iki_id": cls.kasi_rhk.indicator_ids.id,
                    "period_id": cls.january.id,
                    "value": 8,
                    "evidence_links": LINK,
                }
            )
        )
        cls.kasi_line.with_user(cls.kasi_user).action_submit()
        # January's evaluations, generated as the model does (an HR officer's batch)
        cls.env["hr.kinerja.evaluation"]._generate(cls.january)
        Evaluation = cls.env["hr.kinerja.evaluation"]
        cls.staff_evaluation = Evaluation.search(
            [("employee_id", "=", cls.staff.id), ("period_id", "=", cls.january.id)]
        )
        cls.kasi_evaluation = Evaluation.search(
            [("employee_id", "=", cls.kasi.id), ("period_id", "=", cls.january.id)]
        )

    def _act(self, user, url, data=None):
        """POST as ``user`` and open the page it leads to in the same session (where
        the action's message is shown); returns that page's text."""
        response = self.portal_post(user, url, data)
        self.assertEqual(response.status_code, 303, response.text[-2000:])
        return self.url_open(response.headers["Location"]).text

    def _url(self, line=None):
        return f"/my/kinerja/team/realisasi?period_id={self.january.id}" + (
            f"&employee_id={line.employee_id.id}" if line else ""
        )

    # -- flows ----------------------------------------------------------------------
    def test_team_page_shows_each_member_and_what_they_wait_for(self):
        page = self.portal_get(self.kasi_user, f"/my/kinerja/team?period_id={self.january.id}").text
        for name in ("Analis Mutasi", "Arsiparis"):
            self.assertIn(name, page)
        self.assertIn("yours to set", page)  # the archivist's agreed SKP
        self.assertIn("2 to review", page)  # the analyst's January realisations
        self.assertIn("2 not submitted", page)  # of four indicators
        self.assertIn(f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}", page)
        self.assertIn(f"/my/kinerja/team/skp/{self.archivist_skp.id}", page)
        # the kasi's own evaluator is the kabid: the kasi is not on the kasi's team
        self.assertNotIn(f"/my/kinerja/team/evaluation/{self.kasi_evaluation.id}", page)
        self.assertIn("My Team", self.portal_get(self.kasi_user, "/my/kinerja").text)

    def test_kasi_sets_the_agreed_skp(self):
        url = f"/my/kinerja/team/skp/{self.archivist_skp.id}"
        page = self.portal_get(self.kasi_user, url).text
        self.assertIn("Arsip tertata", page)
        self.assertIn("o_kinerja_skp_set", page)
        page = self._act(self.kasi_user, f"{url}/set")
        self.assertIn("The SKP of Arsiparis is set.", page)
        self.assertEqual(self.archivist_skp.state, "set")
        self.assertEqual(self.archivist_skp.set_by_id, self.kasi_user)
        self.assertNotIn("o_kinerja_skp_set", page)

    def test_kasi_sends_the_skp_back_to_draft(self):
        url = f"/my/kinerja/team/skp/{self.archivist_skp.id}"
        self.portal_post(self.kasi_user, f"{url}/draft")
        self.assertEqual(self.archivist_skp.state, "draft")
        # a draft cannot be set: the model's message, nothing changes
        page = self._act(self.kasi_user, f"{url}/set")
        self.assertEqual(self.archivist_skp.state, "draft")
        self.assertIn("agrees the SKP before", page)

    def test_kasi_accepts_one_realisation_and_returns_another(self):
        page = self.portal_get(self.kasi_user, self._url(self.quantity_line)).text
        for text in (self.quantity.name, self.time.name, LINK, "Catatan Jumlah SK mutasi"):
            self.assertIn(text, page)
        self.portal_post(
            self.kasi_user,
            f"/my/kinerja/team/realisasi/{self.quantity_line.id}/review",
            {"employee_filter": self.staff.id},
        )
        page = self._act(
            self.kasi_user,
            f"/my/kinerja/team/realisasi/{self.time_line.id}/return",
            {"review_note": "Lampirkan SK yang sudah ditandatangani."},
        )
        self.assertEqual(self.quantity_line.state, "reviewed")
        self.assertEqual(self.quantity_line.reviewed_by_id, self.kasi_user)
        self.assertEqual(self.time_line.state, "draft")
        self.assertEqual(self.time_line.review_note, "Lampirkan SK yang sudah ditandatangani.")
        self.assertIn("Returned to Analis Mutasi", page)
        self.assertNotIn(f'data-line="{self.time_line.id}"', page)  # back with the employee

    def test_return_needs_a_note(self):
        page = self._act(
            self.kasi_user,
            f"/my/kinerja/team/realisasi/{self.time_line.id}/return",
            {"review_note": "  "},
        )
        self.assertEqual(self.time_line.state, "submitted")
        self.assertIn("Write what is to be corrected", page)

    def test_evidence_file_downloads_for_the_evaluator_only(self):
        # the file as the employee's upload leaves it (created here as superuser)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "sk.pdf",
                "raw": b"%PDF-1.4 bukti",
                "res_model": "hr.kinerja.realisasi",
                "res_id": self.time_line.id,
            }
        )
        self.time_line.attachment_ids = [Command.link(attachment.id)]
        download = f"/my/kinerja/team/realisasi/{self.time_line.id}/evidence/{attachment.id}"
        page = self.portal_get(self.kasi_user, self._url()).text
        self.assertIn(download, page)
        self.assertIn("sk.pdf", page)
        self.assertEqual(self.portal_get(self.kasi_user, download).content, b"%PDF-1.4 bukti")
        # not another line's file, not for someone outside the team
        other = f"/my/kinerja/team/realisasi/{self.quantity_line.id}/evidence/{attachment.id}"
        self.portal_get(self.kasi_user, other, expect=404)
        self.portal_get(self.archivist_user, download, expect=404)
        self.portal_get(self.staff_user, download, expect=404)

    def test_kasi_rates_and_marks_done(self):
        url = f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}"
        page = self.portal_get(self.kasi_user, url).text
        self.assertIn("o_kinerja_suggestions", page)
        self.assertIn("Rated by <strong>Kepala Seksi Mutasi", page)
        self.portal_post(
            self.kasi_user,
            f"{url}/save",
            {
                "result_rating": "sesuai",
                "behaviour_rating": "di_atas",
                "note": "Tepat waktu.",
                "recommendation": "Diklat analis.",
            },
        )
        self.assertEqual(self.staff_evaluation.state, "draft")
        self.assertEqual(self.staff_evaluation.quadrant_predicate, "baik")
        self.assertEqual(self.staff_evaluation.note, "Tepat waktu.")
        self.assertIn("Baik", self.portal_get(self.kasi_user, url).text)
        self.portal_post(
            self.kasi_user,
            f"{url}/save",
            {"result_rating": "sesuai", "behaviour_rating": "di_atas", "done": "1"},
        )
        self.assertEqual(self.staff_evaluation.state, "rated")
        self.assertEqual(self.staff_evaluation.predicate, "baik")
        self.assertEqual(self.staff_evaluation.evaluated_by_id, self.kasi)

    def test_bad_rating_is_a_message(self):
        url = f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}"
        page = self._act(self.kasi_user, f"{url}/save", {"result_rating": "luar_biasa"})
        self.assertIn("luar_biasa is not a valid choice", page)
        page = self._act(self.kasi_user, f"{url}/save", {"done": "1"})
        self.assertIn("rate the results and the behaviour", page)
        self.assertFalse(self.staff_evaluation.result_rating)
        self.assertEqual(self.staff_evaluation.state, "draft")
        # another predicate than the quadrant's needs a justification (the model's check)
        page = self._act(
            self.kasi_user,
            f"{url}/save",
            {"result_rating": "sesuai", "behaviour_rating": "sesuai", "predicate": "sangat_baik"},
        )
        self.assertFalse(self.staff_evaluation.result_rating)
        self.assertIn("write the justification", page)

    def test_escalated_evaluation_is_rated_by_the_superior(self):
        self.staff_evaluation.sudo().escalated = True
        url = f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}"
        page = self.portal_get(self.kasi_user, url).text
        self.assertIn("Rated by <strong>Kepala Bidang Mutasi", page)
        self.assertNotIn("o_kinerja_rating_done", page)
        page = self._act(self.kasi_user, f"{url}/save", {"result_rating": "sesuai"})
        self.assertFalse(self.staff_evaluation.result_rating)
        self.assertIn("is rated by Kepala Bidang Mutasi", page)

    def test_unit_distribution_as_bars(self):
        url = f"/my/kinerja/team/distribution?period_id={self.january.id}"
        page = self.portal_get(self.kasi_user, url).text
        self.assertIn("Seksi Mutasi", page)
        for predicate in ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"):
            self.assertIn(f"o_kinerja_bar_{predicate}", page)
        self.assertIn("1 not rated yet", page)
        # the archivist leads nothing
        self.portal_get(self.archivist_user, "/my/kinerja/team/distribution", expect=404)

    # -- route access -----------------------------------------------------------------
    def test_staff_is_not_an_evaluator(self):
        self.assertNotIn("/my/kinerja/team", self.portal_get(self.staff_user, "/my/kinerja").text)
        for url in (
            "/my/kinerja/team",
            f"/my/kinerja/team/skp/{self.archivist_skp.id}",
            f"/my/kinerja/team/skp/{self.staff_skp.id}",
            self._url(),
            f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}",
            "/my/kinerja/team/distribution",
        ):
            with self.subTest(url):
                self.portal_get(self.staff_user, url, expect=404)
        for url, data in (
            (f"/my/kinerja/team/skp/{self.archivist_skp.id}/set", {}),
            (f"/my/kinerja/team/realisasi/{self.quantity_line.id}/review", {}),
            (f"/my/kinerja/team/realisasi/{self.time_line.id}/return", {"review_note": "x"}),
            (
                f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}/save",
                {"result_rating": "di_atas", "behaviour_rating": "di_atas", "done": "1"},
            ),
        ):
            with self.subTest(url):
                self.assertEqual(self.portal_post(self.staff_user, url, data).status_code, 404)
        self.assertEqual(self.archivist_skp.state, "agreed")
        self.assertEqual((self.quantity_line | self.time_line).mapped("state"), ["submitted"] * 2)
        self.assertFalse(self.staff_evaluation.result_rating)

    def test_kasi_cannot_reach_outside_the_team(self):
        # the colleague's SKP is evaluated by the kabid (not the kasi), agreed
        colleague_skp = self._skp(self.colleague, "Administrasi mutasi", (QUANTITY,))
        colleague_skp.evaluator_id = self.kabid
        colleague_skp.with_user(self.colleague_user).action_agree()
        kabid_skp = self._skp(self.kabid, "Mutasi tertib", (QUANTITY,))
        for url in (
            f"/my/kinerja/team/skp/{colleague_skp.id}",
            f"/my/kinerja/team/skp/{kabid_skp.id}",
            f"/my/kinerja/team/skp/{self.kasi_skp.id}",  # their own: the kabid sets it
            f"/my/kinerja/team/realisasi?employee_id={self.kabid.id}",
            f"/my/kinerja/team/realisasi?employee_id={self.colleague.id}",
            f"/my/kinerja/team/realisasi?employee_id={self.kasi.id}",
            f"/my/kinerja/team/evaluation/{self.kasi_evaluation.id}",
            "/my/kinerja/team/skp/999999",
        ):
            with self.subTest(url):
                self.portal_get(self.kasi_user, url, expect=404)
        for url, data in (
            (f"/my/kinerja/team/skp/{colleague_skp.id}/set", {}),
            (f"/my/kinerja/team/skp/{colleague_skp.id}/draft", {}),
            (
                f"/my/kinerja/team/evaluation/{self.kasi_evaluation.id}/save",
                {"result_rating": "di_atas", "behaviour_rating": "di_atas", "done": "1"},
            ),
        ):
            with self.subTest(url):
                self.assertEqual(self.portal_post(self.kasi_user, url, data).status_code, 404)
        self.assertEqual(colleague_skp.state, "agreed")
        self.assertFalse(self.kasi_evaluation.result_rating)
        # the kasi's own realisation: the kabid reviews it - the model says so
        page = self._act(self.kasi_user, f"/my/kinerja/team/realisasi/{self.kasi_line.id}/review")
        self.assertIn("Only the evaluator reviews", page)
        self.portal_post(
            self.kasi_user,
            f"/my/kinerja/team/realisasi/{self.kasi_line.id}/return",
            {"review_note": "Sendiri."},
        )
        self.assertEqual(self.kasi_line.state, "submitted")
        self.assertFalse(self.kasi_line.review_note)
        # the kasi's review page shows the team's lines only
        page = self.portal_get(self.kasi_user, self._url()).text
        self.assertNotIn(f'data-line="{self.kasi_line.id}"', page)

    # -- query counts -------------------------------------------------------------------
    def _pages(self):
        return {
            "team": f"/my/kinerja/team?period_id={self.january.id}",
            "skp": f"/my/kinerja/team/skp/{self.staff_skp.id}",
            "realisasi": self._url(),
            "evaluation": f"/my/kinerja/team/evaluation/{self.staff_evaluation.id}",
            "distribution": f"/my/kinerja/team/distribution?period_id={self.january.id}",
        }

    def test_query_counts_do_not_grow_with_the_team(self):
        expected = {"team": 36, "skp": 24, "realisasi": 25, "evaluation": 23, "distribution": 21}
        measured = {
            name: self.portal_queries(self.kasi_user, url) for name, url in self._pages().items()
        }
        self.assertEqual(measured, expected)
        # four more people in the section, with set SKPs, submitted January
        # realisations and January evaluations
        people = self.env["hr.employee"].create(
            [
                {
                    "name": f"Pelaksana Mutasi {i}",
                    "department_id": self.seksi.id,
                    "jabatan_type": "pelaksana",
                    "asn_type": "pns",
                }
                for i in range(4)
            ]
        )
        for person in people:
            skp = self._skp(person, f"Layanan {person.name}", (QUANTITY,))
            skp._transition({"state": "set"})
            line = self.env["hr.kinerja.realisasi"].create(
                {
                    "iki_id": skp.rhk_ids.indicator_ids.id,
                    "period_id": self.january.id,
                    "value": 5,
                    "evidence_links": LINK,
                }
            )
            line.action_submit()
        self.assertEqual(
            self.env["hr.kinerja.skp"].search([("employee_id", "in", people.ids)]).evaluator_id,
            self.kasi,
        )
        self.env["hr.kinerja.evaluation"]._generate(self.january)
        self.env.flush_all()
        measured = {
            name: self.portal_queries(self.kasi_user, url) for name, url in self._pages().items()
        }
        self.assertEqual(measured, expected)

    # -- the browser ------------------------------------------------------------------
    def test_tour_kasi_reviews_and_rates(self):
        self.start_tour("/my/kinerja", "kinerja_portal_evaluator", login=self.kasi_user.login)
        self.assertEqual(
            sorted((self.quantity_line | self.time_line).mapped("state")),
            ["reviewed", "submitted"],
        )
        self.assertEqual(self.staff_evaluation.state, "rated")
        self.assertEqual(self.staff_evaluation.predicate, "baik")
