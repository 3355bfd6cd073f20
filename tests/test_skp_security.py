from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase

BEFORE_DEADLINE = "2026-01-20 09:00:00"
AFTER_DEADLINE = "2026-02-10 09:00:00"
LINE_MODELS = ("hr.kinerja.rhk", "hr.kinerja.iki", "hr.kinerja.skp.behaviour")


@tagged("post_install", "-at_install")
class TestSkpSecurity(KinerjaCase):
    """Who reads and edits an SKP (DOMAIN section 1; 003 section Penetapan SKP): the
    employee, the evaluator and - after the deadline - the evaluator's superior; HR
    officers of the agency; nobody once it is set."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_b = cls.env["res.company"].create({"name": "Kabupaten Lain"})
        cls.year = cls._open_year(cls._calendar(), "kutai_kartanegara")

        def user(login, group="base.group_user", **values):
            return new_test_user(cls.env, login, groups=group, **values)

        cls.staff_user = user("sec_staff")
        cls.colleague_user = user("sec_colleague")
        cls.kasi_user = user("sec_kasi")
        cls.kabid_user = user("sec_kabid")
        cls.officer = user("sec_officer", "hr_kinerja_asn.group_kinerja_officer")
        cls.manager = user("sec_manager", "hr_kinerja_asn.group_kinerja_manager")
        cls.officer_b = user(
            "sec_officer_b",
            "hr_kinerja_asn.group_kinerja_officer",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        Unit = cls.env["hr.department"]
        cls.bidang = Unit.create({"name": "Bidang Penilaian", "kinerja_level": "administrator"})
        cls.seksi = Unit.create(
            {"name": "Seksi Penilaian", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        cls.kabid, cls.kasi, cls.staff, cls.colleague = cls.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "user_id": account.id,
                    "department_id": unit.id,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                }
                for name, account, unit, jabatan in (
                    ("Kepala Bidang", cls.kabid_user, cls.bidang, "administrator"),
                    ("Kepala Seksi", cls.kasi_user, cls.seksi, "pengawas"),
                    ("Analis Kinerja", cls.staff_user, cls.seksi, "pelaksana"),
                    ("Pengolah Data", cls.colleague_user, cls.seksi, "pelaksana"),
                )
            ]
        )
        cls.bidang.manager_id = cls.kabid
        cls.seksi.manager_id = cls.kasi
        Skp = cls.env["hr.kinerja.skp"]
        cls.kasi_skp, cls.staff_skp, cls.colleague_skp = Skp.create(
            [
                {"employee_id": employee.id, "year_id": cls.year.id}
                for employee in (cls.kasi, cls.staff, cls.colleague)
            ]
        )
        indicator = {"name": "Dokumen penilaian", "target_value": 12, "target_unit": "dokumen"}
        cls.staff_rhk, cls.colleague_rhk = cls.env["hr.kinerja.rhk"].create(
            [
                {
                    "skp_id": skp.id,
                    "name": f"Penilaian kinerja {skp.employee_id.name}",
                    "indicator_ids": [Command.create(indicator)],
                }
                for skp in (cls.staff_skp, cls.colleague_skp)
            ]
        )

    def _set_staff_skp(self):
        self.staff_skp.with_user(self.staff_user).action_agree()
        self.staff_skp.with_user(self.kasi_user).action_set()

    def test_captured_roles(self):
        """003 section Evaluasi 2: the evaluator is the unit's leader, the superior the
        leader above - the relationships the record rules follow."""
        self.assertEqual(self.staff_skp.evaluator_id, self.kasi)
        self.assertEqual(self.staff_skp.evaluator_superior_id, self.kabid)

    def test_employee_reads_own_skp_only(self):
        """DOMAIN section 1 and 003 Pasal 14(3): the employee signs and reads their own SKP,
        not a colleague's."""
        env = self.env(user=self.staff_user)
        self.assertEqual(env["hr.kinerja.skp"].search([]), self.staff_skp)
        self.assertEqual(
            env["hr.kinerja.rhk"].search([("skp_id.year_id", "=", self.year.id)]), self.staff_rhk
        )
        self.assertEqual(self.staff_skp.with_env(env).rhk_ids.name, self.staff_rhk.name)
        self.assertEqual(len(self.staff_skp.with_env(env).behaviour_ids), 7)
        with self.assertRaises(AccessError):
            self.colleague_skp.with_env(env).read(["name"])
        with self.assertRaises(AccessError):
            self.colleague_rhk.with_env(env).read(["name"])
        for model in LINE_MODELS:
            with self.subTest(model):
                found = env[model].search([("skp_id", "=", self.colleague_skp.id)])
                self.assertFalse(found)

    def test_employee_agrees_in_a_fresh_request(self):
        """003 section Penetapan SKP 1: the employee signs their SKP - reading the SKP's
        people as public profiles, with nothing of HR's in the cache."""
        self.env.invalidate_all()
        self.staff_skp.with_user(self.staff_user).action_agree()
        self.env.invalidate_all()
        self.staff_skp.with_user(self.kasi_user).action_set()
        self.assertEqual(self.staff_skp.state, "set")

    def test_nobody_chooses_their_evaluator(self):
        """003 section Penetapan SKP 1 and section Evaluasi 2: the evaluator comes from the
        organisation; signatures and revisions come from the workflow, not from a write."""
        attempts = {
            "evaluator": {"evaluator_id": self.colleague.id},
            "superior": {"evaluator_superior_id": self.kasi.id},
            "signature": {"set_by_id": self.staff_user.id, "set_as": "evaluator"},
            "revision": {"revision": 3, "previous_id": self.colleague_skp.id},
        }
        for user in (self.staff_user, self.kasi_user):
            for label, values in attempts.items():
                with self.subTest(user=user.login, attempt=label):
                    with self.assertRaisesMsg(AccessError, "recorded by its workflow"):
                        self.staff_skp.with_user(user).write(values)
        self.staff_skp.unlink()
        with self.assertRaisesMsg(AccessError, "recorded by its workflow"):
            self.env["hr.kinerja.skp"].with_user(self.staff_user).create(
                {
                    "employee_id": self.staff.id,
                    "year_id": self.year.id,
                    "evaluator_id": self.colleague.id,
                }
            )
        own = (
            self.env["hr.kinerja.skp"]
            .with_user(self.staff_user)
            .create({"employee_id": self.staff.id, "year_id": self.year.id})
        )
        self.assertEqual(own.evaluator_id, self.kasi)
        self.colleague_skp.with_user(self.officer).write({"evaluator_id": self.kabid.id})
        self.assertEqual(self.colleague_skp.evaluator_id, self.kabid)

    def test_evaluator_reads_and_edits_subordinates_draft(self):
        """003 section Penetapan SKP 1 and Pasal 10(4): the evaluator works on the draft
        with the employee and adds special expectations of behaviour."""
        env = self.env(user=self.kasi_user)
        self.assertEqual(
            env["hr.kinerja.skp"].search([]), self.kasi_skp | self.staff_skp | self.colleague_skp
        )
        skp = self.staff_skp.with_env(env)
        skp.write({"job_title": "Analis Kinerja Ahli"})
        skp.behaviour_ids[0].special_expectation = "Menanggapi keluhan dalam satu hari kerja."
        env["hr.kinerja.rhk"].create(
            {"skp_id": skp.id, "name": "Laporan kinerja triwulan", "kind": "tambahan"}
        )
        self.staff_rhk.indicator_ids.with_env(env).target_value = 10
        self.assertEqual(self.staff_skp.job_title, "Analis Kinerja Ahli")
        self.assertEqual(len(self.staff_skp.rhk_ids), 2)
        self.assertEqual(self.staff_rhk.indicator_ids.target_value, 10)

    def test_colleague_cannot_edit_a_draft(self):
        """003 section Penetapan SKP 1: a colleague is neither the employee nor the
        evaluator."""
        with self.assertRaises(AccessError):
            self.staff_skp.with_user(self.colleague_user).write({"job_title": "Diubah"})
        with self.assertRaises(AccessError):
            self.staff_rhk.with_user(self.colleague_user).write({"name": "Diubah"})

    @freeze_time(BEFORE_DEADLINE)
    def test_superior_reads_but_edits_only_after_the_deadline(self):
        """003 section Penetapan SKP 3-4: the evaluator's superior holds the dialogue only
        once the end of January has passed without the SKP being set."""
        env = self.env(user=self.kabid_user)
        skp = self.staff_skp.with_env(env)
        self.assertEqual(skp.read(["name"])[0]["name"], "SKP Analis Kinerja 2026")
        self.assertIn(self.staff_rhk, env["hr.kinerja.rhk"].search([]))
        with self.assertRaisesMsg(AccessError, "edited by the employee and the evaluator"):
            skp.write({"job_title": "Diubah"})
        with self.assertRaises(AccessError):
            self.staff_rhk.with_env(env).write({"name": "Diubah"})
        with self.assertRaises(AccessError):
            env["hr.kinerja.rhk"].create({"skp_id": skp.id, "name": "Baru", "kind": "tambahan"})
        with freeze_time(AFTER_DEADLINE):
            skp.write({"job_title": "Analis Kinerja Ahli"})
            self.staff_rhk.with_env(env).write({"name": "Penilaian kinerja pegawai"})
        self.assertEqual(self.staff_skp.job_title, "Analis Kinerja Ahli")

    def test_officer_reads_all_of_the_agency(self):
        """DOMAIN section 1: the HR officer (BKPSDM) runs the cycle of the whole agency."""
        env = self.env(user=self.officer)
        skps = self.kasi_skp | self.staff_skp | self.colleague_skp
        self.assertEqual(env["hr.kinerja.skp"].search([("id", "in", skps.ids)]), skps)
        self.assertEqual(len(skps.with_env(env).read(["name", "state"])), 3)
        self.assertEqual(
            env["hr.kinerja.rhk"].search([("skp_id", "in", skps.ids)]),
            self.staff_rhk | self.colleague_rhk,
        )

    def test_officer_of_another_agency_sees_none(self):
        """DOMAIN section 1: multi-company - an agency sees only its own SKPs."""
        env_b = self.env(
            user=self.officer_b,
            context=dict(self.env.context, allowed_company_ids=self.company_b.ids),
        )
        for model in ("hr.kinerja.skp", "hr.kinerja.skp.lampiran", *LINE_MODELS):
            with self.subTest(model):
                self.assertFalse(env_b[model].search([]))
        with self.assertRaises(AccessError):
            self.staff_skp.with_env(env_b).read(["name"])
        with self.assertRaises(AccessError):
            self.staff_rhk.with_env(env_b).read(["name"])

    def test_employee_cannot_use_transfer_or_bulk_wizard(self):
        """003 section Penetapan SKP 5-6: transfers and the yearly SKPs of a unit are
        recorded by HR officers."""
        env = self.env(user=self.staff_user)
        with self.assertRaises(AccessError):
            env["hr.kinerja.skp.transfer.wizard"].create(
                {"skp_id": self.staff_skp.id, "date": "2026-07-01"}
            )
        with self.assertRaises(AccessError):
            env["hr.kinerja.skp.bulk.wizard"].create(
                {"year_id": self.year.id, "department_id": self.seksi.id}
            )
        with self.assertRaises(AccessError):
            env["hr.kinerja.skp.bulk.wizard"].search([])

    def test_employee_cannot_adjust_nor_set_own_skp(self):
        """003 Pasal 14(3) and Pasal 19: the evaluator sets and adjusts the SKP."""
        self.staff_skp.with_user(self.staff_user).action_agree()
        with self.assertRaises(AccessError):
            self.staff_skp.with_user(self.staff_user).action_set()
        self.staff_skp.with_user(self.kasi_user).action_set()
        wizard = (
            self.env["hr.kinerja.skp.adjust.wizard"]
            .with_user(self.staff_user)
            .create({"skp_id": self.staff_skp.id, "reason": "Saya ingin target lebih rendah."})
        )
        with self.assertRaisesMsg(AccessError, "Only the evaluator or an HR officer"):
            wizard.action_adjust()
        self.assertFalse(self.staff_skp.next_id)

    @freeze_time(AFTER_DEADLINE)
    def test_nobody_edits_a_set_skp(self):
        """003 Pasal 14(2)-(3): once set, the SKP changes only through an adjustment -
        for the employee, the evaluator, the superior and HR alike."""
        self._set_staff_skp()
        users = (self.staff_user, self.kasi_user, self.kabid_user, self.officer, self.manager)
        for user in users:
            with self.subTest(user.login):
                with self.assertRaisesMsg(UserError, "no longer a draft"):
                    self.staff_skp.with_user(user).write({"job_title": "Diubah"})
                with self.assertRaisesMsg(UserError, "only through an adjustment"):
                    self.staff_rhk.with_user(user).write({"name": "Diubah"})
                with self.assertRaisesMsg(UserError, "only through an adjustment"):
                    self.staff_skp.behaviour_ids[:1].with_user(user).write(
                        {"special_expectation": "Diubah"}
                    )
        with self.assertRaises(AccessError):
            self.staff_skp.with_user(self.colleague_user).write({"job_title": "Diubah"})
        self.assertFalse(self.staff_skp.job_title)
        self.assertEqual(self.staff_rhk.name, "Penilaian kinerja Analis Kinerja")
