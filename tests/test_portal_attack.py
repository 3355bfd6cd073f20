from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common_monitoring import QUANTITY
from .common_portal import KinerjaPortalCase

LINK = "https://arsip.example.go.id/bukti.pdf"


@tagged("post_install", "-at_install")
class TestPortalAttack(KinerjaPortalCase):
    """Issue 12 and its checks: the portal users call the models over JSON-RPC (what
    any logged-in browser can do) with ids that are not theirs. Every call outside the
    write policy is refused and nothing changes: a colleague (the archivist, portal),
    the evaluator (kasi, portal) outside his role, the employee on her own evaluation
    while it is being rated, an internal employee on the portal wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.env["hr.kinerja.realisasi"].create(
            {
                "iki_id": cls.quantity.id,
                "period_id": cls.january.id,
                "value": 8,
                "evidence_links": LINK,
            }
        )
        cls.colleague_draft = cls._skp(cls.colleague, "Administrasi mutasi", (QUANTITY,))
        cls.evaluation = (
            cls.env["hr.kinerja.evaluation"]
            .with_user(cls.officer)
            ._generate(cls.january)
            .filtered(lambda e: e.employee_id == cls.staff)
        )
        cls.evaluation.with_user(cls.kasi_user).write(
            {"result_rating": "di_bawah", "behaviour_rating": "di_bawah"}
        )

    def rpc(self, user, model, method, args, kwargs=None):
        self.portal_login(user)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def assertRefused(self, user, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as caught:
            self.rpc(user, model, method, args, kwargs)
        self.assertRegex(str(caught.exception), r"AccessError|UserError|MissingError|Validation")

    def test_colleague_cannot_touch_the_staffs_realisation(self):
        Line = "hr.kinerja.realisasi"
        self.assertRefused(self.archivist_user, Line, "write", [[self.line.id], {"value": 99}])
        self.assertRefused(self.archivist_user, Line, "action_submit", [[self.line.id]])
        self.assertRefused(self.archivist_user, Line, "read", [[self.line.id], ["value"]])
        self.assertRefused(
            self.archivist_user,
            Line,
            "create",
            [{"iki_id": self.time.id, "period_id": self.january.id, "value": 1}],
        )
        self.line.invalidate_recordset()
        self.assertEqual((self.line.value, self.line.state), (8, "draft"))

    def test_evaluator_writes_only_his_review_in_its_state(self):
        Line = "hr.kinerja.realisasi"
        # a draft is the employee's: no value, no review note, no review yet
        self.assertRefused(self.kasi_user, Line, "write", [[self.line.id], {"value": 1}])
        self.assertRefused(self.kasi_user, Line, "write", [[self.line.id], {"review_note": "x"}])
        self.assertRefused(self.kasi_user, Line, "action_review", [[self.line.id]])
        self.assertRefused(self.kasi_user, Line, "write", [[self.line.id], {"state": "reviewed"}])
        self.line.invalidate_recordset()
        self.assertEqual((self.line.state, self.line.review_note), ("draft", False))

    def test_nobody_agrees_or_acknowledges_for_someone_else(self):
        self.assertRefused(
            self.archivist_user, "hr.kinerja.skp", "action_agree", [[self.colleague_draft.id]]
        )
        dialog = self.env["hr.kinerja.dialog"].create(
            {
                "employee_id": self.staff.id,
                "evaluator_id": self.kasi.id,
                "date": self.january.date_end,
                "period_id": self.january.id,
            }
        )
        dialog.action_done()
        for user in (self.archivist_user, self.kasi_user):
            self.assertRefused(user, "hr.kinerja.dialog", "action_acknowledge", [[dialog.id]])
            self.assertRefused(
                user, "hr.kinerja.dialog", "write", [[dialog.id], {"acknowledged_date": False}]
            )
        self.assertEqual(self.colleague_draft.state, "draft")
        self.assertFalse(dialog.acknowledged_date)

    def test_employee_cannot_see_her_rating_before_it_is_done(self):
        rows = self.rpc(
            self.staff_user,
            "hr.kinerja.evaluation",
            "search_read",
            [[("id", "=", self.evaluation.id)], ["result_rating", "predicate", "state"]],
        )
        self.assertEqual(rows[0]["state"], "draft")
        self.assertFalse(rows[0]["result_rating"] or rows[0]["predicate"])
        found = self.rpc(
            self.staff_user,
            "hr.kinerja.evaluation",
            "search_count",
            [[("result_rating", "=", "di_bawah")]],
        )
        self.assertEqual(found, 0)
        self.assertRefused(
            self.staff_user,
            "hr.kinerja.evaluation",
            "onchange",
            [[self.evaluation.id], {"note": "x"}, ["note"], {"quadrant_predicate": {}}],
        )
        self.assertRefused(
            self.staff_user,
            "hr.kinerja.evaluation",
            "write",
            [[self.evaluation.id], {"result_rating": "di_atas"}],
        )
        self.assertEqual(self.evaluation.result_rating, "di_bawah")
        response = self.url_open(
            f"/report/pdf/hr_kinerja_asn.report_evaluation_document/{self.evaluation.id}"
        )
        self.assertFalse(response.content.startswith(b"%PDF"))

    def test_portal_access_is_for_hr_officers_only(self):
        self.assertRefused(
            self.staff_user, "hr.employee", "action_kinerja_portal_access", [self.archivist.ids]
        )
        self.assertRefused(
            self.colleague_user, "hr.employee", "action_kinerja_portal_access", [self.messenger.ids]
        )
        self.assertRefused(
            self.colleague_user,
            "portal.wizard",
            "create",
            [{"partner_ids": [(6, 0, self.messenger.work_contact_id.ids)]}],
        )
        self.assertFalse(self.messenger.user_id)

    def test_other_agency_officer_reads_nothing_here(self):
        self.assertRefused(
            self.officer_b, "hr.kinerja.realisasi", "read", [[self.line.id], ["value"]]
        )
        self.portal_login(self.officer_b)
        response = self.url_open(
            f"/my/kinerja/file/hr.kinerja.realisasi/{self.line.id}/0", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)
