from datetime import date

from freezegun import freeze_time
from psycopg2 import errors

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, mute_logger

from .common import KinerjaCase

PNS_NIP = "198001012005011001"
OTHER_NIP = "198001012005011002"
AFTER_DEADLINE = "2026-02-10 09:00:00"
INDICATOR = {"name": "Dokumen penilaian", "target_value": 12, "target_unit": "dokumen"}
# Every model of the planning and configuration family, with its write policy.
PLANNING_MODELS = (
    "hr.kinerja.skp",
    "hr.kinerja.rhk",
    "hr.kinerja.iki",
    "hr.kinerja.skp.behaviour",
    "hr.kinerja.skp.lampiran",
    "hr.kinerja.skp.adjust.wizard",
    "hr.kinerja.skp.bulk.wizard",
    "hr.kinerja.skp.transfer.wizard",
    "hr.kinerja.year",
    "hr.kinerja.period",
    "hr.kinerja.period.reopen",
    "hr.kinerja.period.reopen.wizard",
    "hr.kinerja.preset",
    "hr.kinerja.pangkat",
    "hr.kinerja.delegation",
    "hr.kinerja.org.quadrant",
    "hr.kinerja.core.value",
)


@tagged("post_install", "-at_install")
class TestTrustPlanning(KinerjaCase):
    """Issue 10, planning and master data: the attacks of the trust review on SKPs, their
    lines, the performance calendar and the NIP, tried as the users who would try them -
    each refused with a message an officer understands, nothing changed, and the right
    user still able to do it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_b = cls.env["res.company"].create({"name": "Kabupaten Tetangga"})
        cls.year = cls._open_year(cls._calendar(), "kutai_kartanegara")

        def user(login, group="base.group_user"):
            return new_test_user(cls.env, login, groups=group)

        cls.staff_user = user("trust_plan_staff")
        cls.colleague_user = user("trust_plan_colleague")
        cls.kasi_user = user("trust_plan_kasi")
        cls.kabid_user = user("trust_plan_kabid")
        cls.officer = user("trust_plan_officer", "hr_kinerja_asn.group_kinerja_officer")
        cls.manager = user("trust_plan_manager", "hr_kinerja_asn.group_kinerja_manager")
        Unit = cls.env["hr.department"]
        cls.bidang = Unit.create({"name": "Bidang Penilaian", "kinerja_level": "administrator"})
        cls.seksi = Unit.create(
            {"name": "Seksi Penilaian", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        cls.seksi_lain = Unit.create(
            {"name": "Seksi Data", "parent_id": cls.bidang.id, "kinerja_level": "pengawas"}
        )
        Employee = cls.env["hr.employee"]
        cls.kabid, cls.kasi, cls.staff, cls.colleague, cls.newcomer = Employee.create(
            [
                {
                    "name": name,
                    "user_id": account.id if account else False,
                    "department_id": unit.id,
                    "jabatan_type": jabatan,
                    "asn_type": "pns",
                }
                for name, account, unit, jabatan in (
                    ("Kepala Bidang", cls.kabid_user, cls.bidang, "administrator"),
                    ("Kepala Seksi", cls.kasi_user, cls.seksi, "pengawas"),
                    ("Analis Kinerja", cls.staff_user, cls.seksi, "pelaksana"),
                    ("Pengolah Data", cls.colleague_user, cls.seksi, "pelaksana"),
                    ("Pegawai Baru", None, cls.seksi, "pelaksana"),
                )
            ]
        )
        cls.bidang.manager_id = cls.kabid
        cls.seksi.manager_id = cls.kasi
        Skp = cls.env["hr.kinerja.skp"]
        cls.kabid_skp, cls.kasi_skp, cls.staff_skp, cls.colleague_skp = Skp.create(
            [
                {"employee_id": employee.id, "year_id": cls.year.id}
                for employee in (cls.kabid, cls.kasi, cls.staff, cls.colleague)
            ]
        )
        cls.kabid_rhk, cls.kasi_rhk, cls.staff_rhk, cls.colleague_rhk = cls.env[
            "hr.kinerja.rhk"
        ].create(
            [
                {
                    "skp_id": skp.id,
                    "name": f"Penilaian kinerja {skp.employee_id.name}",
                    "indicator_ids": [Command.create(dict(INDICATOR))],
                }
                for skp in (cls.kabid_skp, cls.kasi_skp, cls.staff_skp, cls.colleague_skp)
            ]
        )
        cls.staff_rhk.parent_rhk_id = cls.kasi_rhk

    # -- finding 9: NIP unique in the database ---------------------------------------------
    @mute_logger("odoo.sql_db")  # the unique index refuses: expected, not logged
    def test_finding_9_nip_unique_per_agency_in_the_database(self):
        """Issue 10 finding 9: one NIP per agency holds in the database itself, so that two
        simultaneous saves (each passing any check in Python) cannot both succeed; the
        refusal names the holder; another agency keeps its own register."""
        Employee = self.env["hr.employee"]
        holder = Employee.create({"name": "Pemilik Asli", "asn_type": "pns", "nip": PNS_NIP})
        twin = Employee.create({"name": "Peniru", "asn_type": "pns", "nip": OTHER_NIP})
        # A save that no Python check sees (a concurrent request, a direct UPDATE).
        with mute_logger("odoo.sql_db"), self.assertRaises(errors.UniqueViolation):
            self.env.cr.execute(
                SQL("UPDATE hr_employee SET nip = %s WHERE id = %s", PNS_NIP, twin.id)
            )
        self.env.invalidate_all()
        self.assertEqual(twin.nip, OTHER_NIP)
        # Through the ORM the index's refusal reads as a message, on create and write.
        with self.assertRaisesMsg(ValidationError, "already the NIP of Pemilik Asli"):
            Employee.create({"name": "Peniru Kedua", "asn_type": "pns", "nip": PNS_NIP})
        with self.assertRaisesMsg(ValidationError, "already the NIP of Pemilik Asli"):
            twin.write({"nip": PNS_NIP})
        with self.assertRaisesMsg(ValidationError, "given to two employees"):
            Employee.create(
                [
                    {"name": "Kembar A", "asn_type": "pns", "nip": "198001012005011003"},
                    {"name": "Kembar B", "asn_type": "pns", "nip": "198001012005011003"},
                ]
            )
        self.assertEqual(Employee.search_count([("nip", "=", PNS_NIP)]), 1)
        self.assertEqual(twin.nip, OTHER_NIP)
        # Another agency may hold the same NIP - but not twice either.
        moved = Employee.create(
            {
                "name": "Pindahan",
                "asn_type": "pns",
                "nip": PNS_NIP,
                "company_id": self.company_b.id,
            }
        )
        self.assertEqual(moved.nip, PNS_NIP)
        with self.assertRaisesMsg(ValidationError, "already the NIP of Pindahan"):
            twin.write({"nip": PNS_NIP, "company_id": self.company_b.id})
        self.assertEqual(holder.nip, PNS_NIP)

    @mute_logger("odoo.sql_db")  # the unique index refuses: expected, not logged
    def test_finding_9_two_requests_at_once(self):
        """Issue 10 finding 9, as it happened: two requests save the same NIP at the same
        moment. The second cannot see the first (its transaction began before the first
        was committed), so no check in Python can: the database refuses it, and the user
        reads why."""
        company = self.env.ref("base.main_company")
        values = {"asn_type": "pns", "nip": "197502022000031003", "company_id": company.id}
        context = {"tracking_disable": True, "mail_create_nolog": True}
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            for cr in (cr1, cr2):
                cr.execute("SET LOCAL lock_timeout = '10s'")
            first_request = api.Environment(cr1, SUPERUSER_ID, context)["hr.employee"]
            second_request = api.Environment(cr2, SUPERUSER_ID, context)["hr.employee"]
            domain = [("nip", "=", values["nip"])]
            self.assertFalse(second_request.with_context(active_test=False).search(domain))
            first = first_request.create({**values, "name": "Permintaan Pertama"})
            cr1.commit()
            try:
                with self.assertRaisesMsg(ValidationError, "was just registered"):
                    second_request.create({**values, "name": "Permintaan Kedua"})
                cr2.rollback()
                self.assertEqual(
                    second_request.with_context(active_test=False).search(domain), first
                )
            finally:
                contact = first.work_contact_id
                first.unlink()
                contact.unlink()
                cr1.commit()
        self.assertFalse(self.env["hr.employee"].search(domain))

    # -- finding 10: no silent truncation --------------------------------------------------
    def test_finding_10_long_nip_refused_not_cut(self):
        """Issue 10 finding 10: a NIP of 19 digits is refused as such - not cut to 18 digits
        first, which made it a valid NIP or someone else's."""
        Employee = self.env["hr.employee"]
        holder = Employee.create({"name": "Pemilik Asli", "asn_type": "pns", "nip": PNS_NIP})
        for typed in (PNS_NIP + "9", "1980 0101 2005 0110 019"):
            with self.subTest(typed), self.assertRaisesMsg(ValidationError, "exactly 18 digits"):
                Employee.create({"name": "Salah Ketik", "asn_type": "pns", "nip": typed})
        self.assertFalse(Employee.search([("name", "=", "Salah Ketik")]))
        other = Employee.create({"name": "Pegawai Lain", "asn_type": "pns", "nip": OTHER_NIP})
        with self.assertRaisesMsg(ValidationError, "has 19 characters"):
            other.write({"nip": OTHER_NIP + "1"})
        self.assertEqual(other.nip, OTHER_NIP)
        self.assertEqual(holder.nip, PNS_NIP)
        # Typed in groups it is still 18 digits.
        other.write({"nip": "19800101 200501 1 004"})
        self.assertEqual(other.nip, "198001012005011004")

    # -- finding 12: missing checks ---------------------------------------------------------
    def test_finding_12_ipk_target_within_the_scale(self):
        """Issue 10 finding 12: an IPK target of 9.5 (or below zero) is refused; an IPK lies
        between 0.00 and 4.00."""
        skp = self.staff_skp.with_user(self.staff_user)
        skp.write({"tugas_belajar": True, "study_level": "s2", "ipk_target": 3.5})
        for target in (9.5, 4.01, -1):
            with (
                self.subTest(target),
                self.assertRaisesMsg(ValidationError, "between 0.00 and 4.00"),
            ):
                skp.write({"ipk_target": target})
        self.assertEqual(self.staff_skp.ipk_target, 3.5)
        skp.write({"ipk_target": 4.0})
        self.assertEqual(self.staff_skp.ipk_target, 4.0)

    def test_finding_12_skp_created_only_as_a_draft(self):
        """Issue 10 finding 12: creating an SKP checks its state - a client creates drafts
        only, never one already agreed or set, and no workflow field (signatures,
        revisions, links): not even an HR officer."""
        Skp = self.env["hr.kinerja.skp"]
        base = {"employee_id": self.newcomer.id, "year_id": self.year.id}
        for state in ("agreed", "set", "closed"):
            for user in (self.kasi_user, self.officer):
                with (
                    self.subTest(state=state, user=user.login),
                    self.assertRaisesMsg(UserError, "starts as a draft"),
                ):
                    Skp.with_user(user).create({**base, "state": state})
        forged = {
            "signature": {"set_by_id": self.kasi_user.id, "set_as": "evaluator"},
            "revision": {"revision": 2, "previous_id": self.colleague_skp.id},
            "lineage": {"origin_id": self.colleague_skp.id},
            "evaluator": {"evaluator_id": self.kabid.id},
        }
        for label, values in forged.items():
            with (
                self.subTest(label),
                self.assertRaisesMsg(AccessError, "recorded by its workflow"),
            ):
                Skp.with_user(self.officer).create({**base, **values})
        self.assertFalse(Skp.search([("employee_id", "=", self.newcomer.id)]))
        draft = Skp.with_user(self.officer).create(base)
        self.assertRecordValues(
            draft,
            [
                {
                    "state": "draft",
                    "evaluator_id": self.kasi.id,
                    "revision": 0,
                    "origin_id": draft.id,
                }
            ],
        )

    # -- the rest of the planning walk -----------------------------------------------------
    def test_employee_cannot_choose_the_evaluator_through_the_profile(self):
        """003 section Evaluasi 2: the evaluator follows the unit and the manager. With
        Odoo's "Employee Editing" on, an employee could move herself to another unit
        or choose her manager from her profile - and so her evaluator."""
        self.env["ir.config_parameter"].set_param("hr.hr_employee_self_edit", True)
        manager = self.staff.parent_id
        me = self.staff_user.with_user(self.staff_user)
        for values in (
            {"department_id": self.seksi_lain.id},
            {"employee_parent_id": self.colleague.id},
        ):
            with self.subTest(values), self.assertRaises(AccessError):
                me.write(values)
        self.assertEqual(self.staff.department_id, self.seksi)
        self.assertEqual(self.staff.parent_id, manager)
        self.staff_skp.with_user(self.staff_user).action_refresh_evaluator()
        self.assertEqual(self.staff_skp.evaluator_id, self.kasi)
        me.write({"mobile_phone": "0812 1111 2222"})  # the rest of her profile stays hers
        self.assertEqual(self.staff.mobile_phone, "0812 1111 2222")

    def test_skp_employee_and_year_are_not_the_editors_to_change(self):
        """A draft belongs to one employee and year: the employee or the evaluator do not
        turn it into someone else's (the evaluator would stay the old one); an HR
        officer corrects it and the evaluators follow."""
        skp = self.env["hr.kinerja.skp"].create(
            {"employee_id": self.newcomer.id, "year_id": self.year.id}
        )
        other_year = self._open_year(self._calendar(), "kutai_kartanegara", year=2027)
        for user, values in (
            (self.kasi_user, {"employee_id": self.kabid.id}),
            (self.kasi_user, {"year_id": other_year.id}),
        ):
            with self.subTest(values), self.assertRaisesMsg(AccessError, "HR officer"):
                skp.with_user(user).write(values)
        self.assertEqual((skp.employee_id, skp.year_id), (self.newcomer, self.year))
        skp.with_user(self.officer).unlink()
        self.assertEqual(self.kasi_skp.evaluator_id, self.kabid)
        self.kasi_skp.with_user(self.officer).write({"employee_id": self.newcomer.id})
        self.assertEqual(self.kasi_skp.evaluator_id, self.kasi)

    def test_hr_manager_does_not_set_in_the_evaluators_place(self):
        """003 section Penetapan SKP 1-2: the evaluator sets the SKP (after the deadline
        also the evaluator's superior); an HR manager sets it for the regional head when
        nobody in the organisation evaluates the employee, or records it for an
        evaluator without a login - never in the place of one who has it."""
        self.staff_skp.with_user(self.staff_user).action_agree()
        with self.assertRaisesMsg(AccessError, "Only the evaluator (Kepala Seksi)"):
            self.staff_skp.with_user(self.manager).action_set()
        self.assertEqual(self.staff_skp.state, "agreed")
        self.staff_skp.with_user(self.kasi_user).action_set()
        self.assertEqual((self.staff_skp.state, self.staff_skp.set_as), ("set", "evaluator"))
        top = self.env["hr.employee"].create({"name": "Sekretaris Daerah", "asn_type": "pns"})
        skp = self.env["hr.kinerja.skp"].create({"employee_id": top.id, "year_id": self.year.id})
        self.env["hr.kinerja.rhk"].create(
            {"skp_id": skp.id, "name": "Tata kelola", "indicator_ids": [Command.create(INDICATOR)]}
        )
        skp.with_user(self.officer).action_agree()
        self.assertFalse(skp.evaluator_id)
        skp.with_user(self.manager).action_set()
        self.assertEqual((skp.state, skp.set_as), ("set", "regional_head"))
        self.colleague_skp.with_user(self.colleague_user).action_agree()
        self.kasi.user_id = False
        self.colleague_skp.with_user(self.manager).action_set()
        self.assertEqual(self.colleague_skp.state, "set")

    def test_officer_cannot_forge_the_skp_workflow(self):
        """Signatures, revisions and links come from the buttons: an HR officer corrects
        the evaluators of a draft, nothing more."""
        forged = {
            "signature": {"set_by_id": self.kasi_user.id, "set_as": "evaluator"},
            "agreement": {"agreed_by_id": self.staff_user.id},
            "revision": {"revision": 3},
            "links": {"previous_id": self.colleague_skp.id, "next_id": self.colleague_skp.id},
            "state": {"state": "set"},
        }
        for label, values in forged.items():
            # AccessError (the policy), or UserError for the state ("use the buttons")
            with self.subTest(label), self.assertRaises(UserError):
                self.staff_skp.with_user(self.officer).write(values)
        self.assertRecordValues(
            self.staff_skp,
            [{"state": "draft", "set_by_id": False, "revision": 0, "previous_id": False}],
        )
        self.staff_skp.with_user(self.officer).write({"evaluator_id": self.kabid.id})
        self.assertEqual(self.staff_skp.evaluator_id, self.kabid)

    def test_result_plan_stays_on_its_skp(self):
        """The evaluator edits the drafts of both people he evaluates, but a result plan
        does not move from one SKP to another (nor an indicator to another plan), and its
        first version is the server's link."""
        rhk = self.staff_rhk.with_user(self.kasi_user)
        for values in (
            {"skp_id": self.colleague_skp.id},
            {"origin_rhk_id": self.colleague_rhk.id},
        ):
            with self.subTest(values), self.assertRaises(AccessError):
                rhk.write(values)
        with self.assertRaises(AccessError):
            self.colleague_skp.with_user(self.kasi_user).write(
                {"rhk_ids": [Command.link(self.staff_rhk.id)]}
            )
        with self.assertRaises(AccessError):
            self.staff_rhk.indicator_ids.with_user(self.kasi_user).write(
                {"rhk_id": self.colleague_rhk.id}
            )
        self.assertEqual(self.staff_rhk.skp_id, self.staff_skp)
        self.assertEqual(self.staff_rhk.origin_rhk_id, self.staff_rhk)
        self.assertEqual(self.staff_rhk.indicator_ids.rhk_id, self.staff_rhk)
        self.assertEqual(len(self.colleague_skp.rhk_ids), 1)
        rhk.write({"name": "Penilaian kinerja pegawai seksi"})
        self.assertEqual(self.staff_rhk.name, "Penilaian kinerja pegawai seksi")

    def test_supported_indicator_belongs_to_the_supported_plan(self):
        """003 Format A.1.5 and A.1.7: the leader's indicator a result plan serves is one of
        the leader's result plan it supports - also when only the indicator is changed,
        and never without that result plan."""
        kabid_indicator = self.kabid_rhk.indicator_ids
        rhk = self.staff_rhk.with_user(self.staff_user)
        with self.assertRaisesMsg(ValidationError, "must belong to the leader's result plan"):
            rhk.write({"parent_indicator_id": kabid_indicator.id})
        with self.assertRaisesMsg(ValidationError, "choose that result plan first"):
            self.env["hr.kinerja.rhk"].with_user(self.staff_user).create(
                {
                    "skp_id": self.staff_skp.id,
                    "name": "Tanpa rencana pimpinan",
                    "parent_indicator_id": self.kasi_rhk.indicator_ids.id,
                }
            )
        self.assertFalse(self.staff_rhk.parent_indicator_id)
        self.assertEqual(len(self.staff_skp.rhk_ids), 1)
        rhk.write({"parent_indicator_id": self.kasi_rhk.indicator_ids.id})
        self.assertEqual(self.staff_rhk.parent_indicator_id, self.kasi_rhk.indicator_ids)

    def test_only_the_leader_writes_special_expectations(self):
        """003 Pasal 10(3)-(4): the seven core values come with the SKP; the leader adds
        special expectations - the employee does not write them for herself, nor adds,
        swaps or removes core values."""
        line = self.staff_skp.behaviour_ids[:1]
        extra = self.env["hr.kinerja.core.value"].create(
            {"name": "Inovatif", "code": "inovatif", "guide": "- Mencoba cara baru"}
        )
        Behaviour = self.env["hr.kinerja.skp.behaviour"].with_user(self.staff_user)
        attempts = {
            "expectation": lambda: line.with_user(self.staff_user).write(
                {"special_expectation": "Cukup hadir tepat waktu."}
            ),
            "swap": lambda: line.with_user(self.kasi_user).write({"core_value_id": extra.id}),
            "add": lambda: Behaviour.create(
                {"skp_id": self.staff_skp.id, "core_value_id": extra.id}
            ),
            "remove": lambda: line.with_user(self.staff_user).unlink(),
        }
        for label, attempt in attempts.items():
            with self.subTest(label), self.assertRaises(AccessError):
                attempt()
        self.assertEqual(len(self.staff_skp.behaviour_ids), 7)
        self.assertFalse(line.special_expectation)
        line.with_user(self.kasi_user).special_expectation = "Menanggapi keluhan sehari."
        self.assertEqual(line.special_expectation, "Menanggapi keluhan sehari.")

    def test_new_line_reveals_nothing_of_another_skp(self):
        """A new line computes the SKP's employee, evaluator and state from the SKP (or
        result plan) the client names: over onchange, an employee naming a colleague's
        SKP read its owner and evaluator. Only an SKP the user reads is used; her own
        still works."""
        name = {"fields": {"display_name": {}}}
        attempts = (
            ("hr.kinerja.rhk", "skp_id", self.colleague_skp, {"employee_id": name}),
            ("hr.kinerja.rhk", "skp_id", self.colleague_skp, {"evaluator_id": name}),
            ("hr.kinerja.iki", "rhk_id", self.colleague_rhk, {"skp_id": name}),
            ("hr.kinerja.skp.lampiran", "skp_id", self.colleague_skp, {"company_id": {}}),
            ("hr.kinerja.skp.behaviour", "skp_id", self.colleague_skp, {"company_id": {}}),
        )
        for model, parent_field, parent, spec in attempts:
            with self.subTest(model=model, spec=spec), self.assertRaises(AccessError):
                self.env[model].with_user(self.staff_user).onchange(
                    {parent_field: parent.id}, [parent_field], {parent_field: {}, **spec}
                )
        result = (
            self.env["hr.kinerja.rhk"]
            .with_user(self.staff_user)
            .onchange(
                {"skp_id": self.staff_skp.id},
                ["skp_id"],
                {"skp_id": {}, "employee_id": name, "evaluator_id": name},
            )
        )
        self.assertEqual(result["value"]["employee_id"]["display_name"], "Analis Kinerja")
        self.assertEqual(result["value"]["evaluator_id"]["display_name"], "Kepala Seksi")

    @freeze_time(AFTER_DEADLINE)
    def test_superior_edits_a_late_draft_only(self):
        """003 section Penetapan SKP 4: past the deadline the evaluator's superior works on
        the draft - its contents, not its evaluators or signatures."""
        skp = self.staff_skp.with_user(self.kabid_user)
        skp.write({"job_title": "Analis Kinerja Ahli"})
        self.staff_rhk.indicator_ids.with_user(self.kabid_user).target_value = 10
        with self.assertRaises(AccessError):
            skp.write({"evaluator_id": self.kabid.id})
        self.assertEqual(self.staff_skp.evaluator_id, self.kasi)
        self.assertEqual(self.staff_rhk.indicator_ids.target_value, 10)

    # -- the performance calendar ----------------------------------------------------------
    def test_periods_come_from_the_year(self):
        """001 item 7; DOMAIN section 3: periods are cut from the year by the preset; an HR
        officer corrects an open period's deadlines, not its dates, kind or state, and
        adds no period by hand."""
        february = self._period(self.year, "month", 2)
        Period = self.env["hr.kinerja.period"].with_user(self.officer)
        with self.assertRaises(AccessError):
            Period.create(
                {
                    "year_id": self.year.id,
                    "name": "Bulan Ketiga Belas",
                    "kind": "month",
                    "number": 13,
                    "date_start": "2026-12-01",
                    "date_end": "2026-12-31",
                }
            )
        for values in (
            {"date_start": date(2026, 1, 15)},
            {"kind": "annual"},
            {"year_id": self._open_year(self._calendar(), year=2027).id},
        ):
            with self.subTest(values), self.assertRaises(AccessError):
                february.with_user(self.officer).write(values)
        self.assertEqual(self.env["hr.kinerja.period"].search_count([("number", "=", 13)]), 0)
        self.assertEqual((february.date_start, february.kind), (date(2026, 2, 1), "month"))
        february.with_user(self.officer).write({"date_evaluation": date(2026, 3, 9)})
        self.assertEqual(february.date_evaluation, date(2026, 3, 9))

    def test_reopening_recorded_only_by_the_wizard(self):
        """001 item 7: a reopening (who, why, until when) is the record the wizard keeps -
        an HR officer cannot write one in another user's name, nor edit it."""
        january = self._period(self.year, "month", 1)
        january.action_lock()
        Reopen = self.env["hr.kinerja.period.reopen"].with_user(self.officer)
        with self.assertRaises(AccessError):
            Reopen.create(
                {
                    "period_id": january.id,
                    "user_id": self.manager.id,
                    "reason": "Atas perintah kepala badan.",
                    "reopen_until": "2099-12-31",
                }
            )
        self.assertFalse(january.reopen_ids)
        self.env["hr.kinerja.period.reopen.wizard"].with_user(self.officer).create(
            {
                "period_ids": [Command.set(january.ids)],
                "reason": "Evaluasi Puskesmas terlambat.",
                "reopen_until": "2099-12-31",
            }
        ).action_reopen()
        self.assertRecordValues(january.reopen_ids, [{"user_id": self.officer.id}])
        self.assertEqual(january.state, "reopened")
        with self.assertRaises(AccessError):
            january.reopen_ids.with_user(self.officer).write({"reason": "Lain"})

    def test_year_opens_only_through_its_button(self):
        """An HR officer opens a year with its button, which cuts the periods: writing its
        state would open a year without periods."""
        draft = self._year(self._calendar(), year=2027)
        with self.assertRaises(AccessError):
            draft.with_user(self.officer).write({"state": "open"})
        self.assertEqual(draft.state, "draft")
        with self.assertRaises(AccessError):
            draft.with_user(self.staff_user).action_open()
        draft.with_user(self.officer).write({"period_type": "quarterly"})
        draft.with_user(self.officer).action_open()
        self.assertEqual(draft.state, "open")
        self.assertEqual(len(draft.period_ids), 5)

    def test_quadrant_cell_keeps_its_place(self):
        """002 D.4.e: an HR manager corrects a cell's achievement; which cell it is (result,
        process, agency) stays the regulation's."""
        cell = self.env["hr.kinerja.org.quadrant"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        before = cell.read(["result", "process", "company_id"])
        for values in (
            {"result": "di_bawah" if cell.result != "di_bawah" else "di_atas"},
            {"company_id": self.company_b.id},
        ):
            with self.subTest(values), self.assertRaises(AccessError):
                cell.with_user(self.manager).write(values)
        self.assertEqual(cell.read(["result", "process", "company_id"]), before)
        cell.with_user(self.manager).write({"achievement": "kurang"})
        self.assertEqual(cell.achievement, "kurang")
