from odoo import Command
from odoo.tests import tagged

from .common_portal import KinerjaPortalCase

# Queries of /my/kinerja once warm (README, "The employee portal").
HOME_QUERIES = 30
HOME_QUERIES_EVALUATOR = 31


@tagged("post_install", "-at_install")
class TestPortalIdentity(KinerjaPortalCase):
    """Issue 12: a civil servant with a portal account is linked to their employee
    (hr.employee.user_id); HR officers give accounts to a unit in one action."""

    def test_portal_employee_reads_own_skp_not_a_colleagues(self):
        Skp = self.env["hr.kinerja.skp"].with_user(self.staff_user)
        self.assertEqual(Skp.search([]), self.staff_skp)
        colleague_skp = self._skp(self.colleague, "Arsip tertata", ())
        self.assertFalse(colleague_skp.with_user(self.staff_user).has_access("read"))

    def test_portal_evaluator_reads_the_team(self):
        Skp = self.env["hr.kinerja.skp"].with_user(self.kasi_user)
        self.assertIn(self.staff_skp, Skp.search([]))

    def test_home_lists_what_is_due(self):
        response = self.portal_get(self.staff_user, "/my/kinerja")
        self.assertIn("Analis Mutasi", response.text)
        self.assertIn("o_kinerja_due_realisation", response.text)

    def test_home_needs_an_employee(self):
        self.env["hr.employee"].search([("user_id", "=", self.staff_user.id)]).user_id = False
        self.portal_get(self.staff_user, "/my/kinerja", expect=404)

    def test_home_query_count_is_fixed(self):
        self.assertEqual(self.portal_queries(self.staff_user, "/my/kinerja"), HOME_QUERIES)
        self.assertEqual(self.portal_queries(self.kasi_user, "/my/kinerja"), HOME_QUERIES_EVALUATOR)
        # more of everything the home lists: SKPs, realisations, people evaluated
        self._skp(self.archivist, "Arsip", ())
        self.env["hr.kinerja.realisasi"].create(
            [
                {"iki_id": iki.id, "period_id": self.january.id, "value": 1}
                for iki in self.staff_rhk.indicator_ids
            ]
        )
        self.assertEqual(self.portal_queries(self.staff_user, "/my/kinerja"), HOME_QUERIES)
        self.assertEqual(self.portal_queries(self.kasi_user, "/my/kinerja"), HOME_QUERIES_EVALUATOR)

    def test_officer_gives_a_unit_portal_access(self):
        self.messenger.work_email = "pramu.bakti@example.com"
        action = self.seksi.with_user(self.officer).action_kinerja_portal_access()
        wizard = self.env["portal.wizard"].with_user(self.officer).browse(action["res_id"])
        line = wizard.user_ids.filtered(lambda u: u.partner_id == self.messenger.work_contact_id)
        self.assertEqual(line.email_state, "ok")
        wizard.action_kinerja_grant_all()
        user = self.messenger.user_id
        self.assertTrue(user.share)
        self.assertTrue(user.has_group("hr_kinerja_asn.group_kinerja_portal"))
        # internal users of the unit keep their back-office account
        self.assertFalse(self.colleague_user.share)

    def test_employee_cannot_give_portal_access(self):
        with self.assertRaisesMsg(Exception, "Only HR officers"):
            self.seksi.with_user(self.colleague_user).action_kinerja_portal_access()

    def test_portal_group_keeps_share(self):
        self.assertTrue(self.staff_user.share)
        self.staff_user.groups_id = [Command.link(self.env.ref("base.group_portal").id)]
        self.assertFalse(self.staff_user.has_group("base.group_user"))


@tagged("post_install", "-at_install")
class TestPortalFiles(KinerjaPortalCase):
    """Evidence files through the portal: Odoo serves no attachment to a portal user,
    so /my/kinerja/file serves those of records the user may read, and nothing else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Attachment = cls.env["ir.attachment"]
        cls.line = cls.env["hr.kinerja.realisasi"].create(
            {"iki_id": cls.quantity.id, "period_id": cls.january.id, "value": 8}
        )
        cls.evidence = Attachment.create(
            {"name": "sk.pdf", "raw": b"%PDF-1.4 bukti", "res_model": cls.line._name}
        )
        cls.line.attachment_ids = cls.evidence
        cls.other = Attachment.create({"name": "other.pdf", "raw": b"%PDF-1.4 lain"})

    def url(self, attachment=None, line=None):
        line = line or self.line
        attachment = attachment or self.evidence
        return f"/my/kinerja/file/hr.kinerja.realisasi/{line.id}/{attachment.id}"

    def test_employee_and_evaluator_download(self):
        for user in (self.staff_user, self.kasi_user):
            response = self.portal_get(user, self.url())
            self.assertEqual(response.content, b"%PDF-1.4 bukti")

    def test_colleague_gets_404(self):
        self.portal_get(self.archivist_user, self.url(), expect=404)

    def test_attachment_of_another_record_is_404(self):
        self.portal_get(self.staff_user, self.url(attachment=self.other), expect=404)

    def test_other_models_are_404(self):
        url = f"/my/kinerja/file/hr.kinerja.skp/{self.staff_skp.id}/{self.evidence.id}"
        self.portal_get(self.staff_user, url, expect=404)
