from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from ..models.workflow import workflow
from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestWritePolicy(KinerjaCase):
    """The shared deny-by-default mechanism (hr.kinerja.policy, issue 10): a field is
    written only by a role the model's policy grants it to, in the states it says;
    everything else is refused to every user, and malformed values (finding 13) get a
    readable message before anything is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import KinerjaPoliced  # noqa: PLC0415 (FakeModelLoader usage)

        cls.loader.update_registry((KinerjaPoliced,))
        cls.env["ir.model.access"].create(
            {
                "name": "x.kinerja.policed employee",
                "model_id": cls.env["ir.model"]._get_id("x.kinerja.policed"),
                "group_id": cls.env.ref("hr_kinerja_asn.group_kinerja_employee").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": True,
            }
        )

        def person(login, name, group="base.group_user"):
            user = new_test_user(cls.env, login, groups=group)
            return user, cls.env["hr.employee"].create({"name": name, "user_id": user.id})

        cls.staff_user, cls.staff = person("pol_staff", "Analis")
        cls.colleague_user, cls.colleague = person("pol_colleague", "Rekan")
        cls.kasi_user, cls.kasi = person("pol_kasi", "Kepala Seksi")
        cls.officer, _officer = person(
            "pol_officer", "Petugas BKPSDM", "hr_kinerja_asn.group_kinerja_officer"
        )
        cls.Doc = cls.env["x.kinerja.policed"]

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _doc(self, **values):
        return self.Doc.create(
            {"title": "Laporan", "employee_id": self.staff.id, "evaluator_id": self.kasi.id}
            | values
        )

    # -- create -----------------------------------------------------------------
    def test_employee_creates_own_document_with_granted_fields(self):
        doc = self.Doc.with_user(self.staff_user).create(
            {"title": "Laporan bulanan", "employee_id": self.staff.id, "note": "Catatan"}
        )
        self.assertEqual(doc.title, "Laporan bulanan")

    def test_create_refuses_a_server_field_and_leaves_nothing(self):
        before = self.Doc.search_count([])
        with self.assertRaisesMsg(AccessError, "Secret"):
            self.Doc.with_user(self.staff_user).create(
                {"title": "Laporan", "employee_id": self.staff.id, "secret": "forged"}
            )
        self.assertEqual(self.Doc.search_count([]), before)

    def test_create_for_someone_else_is_refused(self):
        with self.assertRaises(AccessError):
            self.Doc.with_user(self.staff_user).create(
                {"title": "Laporan", "employee_id": self.colleague.id}
            )

    def test_create_accepts_defaults_refuses_other_states(self):
        """The web client sends every field of the form: the default state is not a
        choice; another state is."""
        self.Doc.with_user(self.staff_user).create(
            {"title": "Laporan", "employee_id": self.staff.id, "state": "draft", "note": False}
        )
        with self.assertRaisesMsg(AccessError, "State"):
            self.Doc.with_user(self.staff_user).create(
                {"title": "Laporan", "employee_id": self.staff.id, "state": "done"}
            )

    # -- write ------------------------------------------------------------------
    def test_write_follows_roles_and_states(self):
        doc = self._doc()
        doc.with_user(self.kasi_user).write({"note": "Baik"})
        with self.assertRaisesMsg(AccessError, "the employee while draft"):
            doc.with_user(self.kasi_user).write({"title": "Diubah penilai"})
        with self.assertRaises(AccessError):
            doc.with_user(self.colleague_user).write({"note": "Rekan menulis"})
        doc.state = "done"
        with self.assertRaises(AccessError):
            doc.with_user(self.staff_user).write({"note": "Sesudah selesai"})
        doc.with_user(self.kasi_user).write({"note": "Penilai tetap boleh"})
        self.assertEqual(doc.note, "Penilai tetap boleh")
        self.assertEqual(doc.title, "Laporan")

    def test_server_fields_refused_to_everyone_but_workflow_steps(self):
        doc = self._doc()
        for user in (self.staff_user, self.kasi_user, self.officer):
            with self.assertRaises(AccessError):
                doc.with_user(user).write({"state": "done"})
            with self.assertRaises(AccessError):
                doc.with_user(user).write({"evaluator_id": self.colleague.id})
        # A client's context is JSON: it cannot carry the server's marker.
        with self.assertRaises(AccessError):
            doc.with_user(self.staff_user).with_context(kinerja_workflow=True).write(
                {"state": "done"}
            )
        workflow(doc.with_user(self.staff_user)).write({"state": "done"})
        self.assertEqual(doc.state, "done")
        self.assertEqual(doc.evaluator_id, self.kasi)

    def test_unlink_by_policy(self):
        doc = self._doc()
        with self.assertRaises(AccessError):
            doc.with_user(self.staff_user).unlink()
        doc.with_user(self.officer).unlink()
        self.assertFalse(doc.exists())

    # -- malformed values (finding 13) --------------------------------------------
    def test_finding_13_malformed_values_get_a_readable_message(self):
        doc = self._doc(amount=5.0, count=3)
        Doc = doc.with_user(self.staff_user)
        for values, label in (
            ({"amount": "lima"}, "Amount"),
            ({"amount": float("nan")}, "Amount"),
            ({"amount": 1e308}, "Amount"),
            ({"count": 2**40}, "Count"),
            ({"count": "tiga"}, "Count"),
            ({"day": "2026-02-30"}, "Day"),
            ({"title": "x" * 5000}, "Title"),
            ({"title": "   "}, "Title"),
            ({"note": ["not", "text"]}, "Note"),
        ):
            with self.subTest(values=values), self.assertRaisesMsg(ValidationError, label):
                Doc.write(values)
        self.assertEqual((doc.amount, doc.count, doc.title), (5.0, 3, "Laporan"))
        before = self.Doc.search_count([])
        with self.assertRaisesMsg(ValidationError, "Day"):
            self.Doc.with_user(self.staff_user).create(
                {"title": "Laporan", "employee_id": self.staff.id, "day": "2026-02-30"}
            )
        self.assertEqual(self.Doc.search_count([]), before)
