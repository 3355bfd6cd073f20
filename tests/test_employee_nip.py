from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import KinerjaCase

# Born 1 Jan 1980, appointed January 2005, male, sequence 001.
PNS_NIP = "198001012005011001"
# Born 14 Mar 1985, appointed in 2010 under code 21, female, sequence 002.
PPPK_NIP = "198503142010212002"


@tagged("post_install", "-at_install")
class TestEmployeeNip(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Employee = cls.env["hr.employee"].with_context(tracking_disable=True)
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Kabupaten Lain"})

    def _employee(self, **values):
        return self.Employee.create({"name": "Budi Santoso", **values})

    def test_valid_pns_and_pppk_nip_accepted(self):
        """A well-formed PNS and PPPK NIP are accepted as typed (DOMAIN section 2)."""
        pns = self._employee(asn_type="pns", nip=PNS_NIP)
        pppk = self._employee(name="Siti Aminah", asn_type="pppk", nip=PPPK_NIP)
        self.assertEqual(pns.nip, PNS_NIP)
        self.assertEqual(pppk.nip, PPPK_NIP)

    def test_spaces_and_dots_normalised(self):
        """People type the NIP in groups; it is stored as 18 digits, on create and write."""
        employee = self._employee(asn_type="pns", nip="19800101 200501 1 001")
        self.assertEqual(employee.nip, PNS_NIP)
        employee.write({"nip": "19800101.200501.1.002"})
        self.assertEqual(employee.nip, "198001012005011002")

    def test_invalid_nip_refused_with_reason(self):
        """An impossible NIP is refused and the message says which part is wrong."""
        cases = [
            ("198002302005011001", "not a date"),  # 30 February
            ("198001012005131001", "month 13"),
            ("19800101200501100", "exactly 18 digits"),  # 17 digits
            ("198001012005013001", "gender"),  # gender digit 3
        ]
        for nip, reason in cases:
            with self.subTest(nip=nip), self.assertRaisesMsg(ValidationError, reason):
                self._employee(asn_type="pns", nip=nip)

    def test_nip_without_asn_type_refused(self):
        """The NIP structure depends on PNS/PPPK: a NIP without an ASN type is refused."""
        with self.assertRaisesMsg(ValidationError, "PNS or a PPPK"):
            self._employee(nip=PNS_NIP)

    # The unique index refuses it: the database error is expected, not logged.
    @mute_logger("odoo.sql_db")
    def test_duplicate_nip_same_company_refused(self):
        """One NIP belongs to one civil servant of an agency; the message names the holder."""
        self._employee(name="Pemilik Asli", asn_type="pns", nip=PNS_NIP)
        with self.assertRaisesMsg(ValidationError, "already the NIP of Pemilik Asli"):
            self._employee(name="Peniru", asn_type="pns", nip=PNS_NIP)
        other = self._employee(name="Peniru", asn_type="pns", nip="198001012005011009")
        with self.assertRaisesMsg(ValidationError, "already the NIP of Pemilik Asli"):
            other.write({"nip": PNS_NIP})

    # The unique index refuses it: the database error is expected, not logged.
    @mute_logger("odoo.sql_db")
    def test_duplicate_nip_of_archived_employee_refused(self):
        """An archived (e.g. retired) employee keeps their NIP: no one else may take it."""
        retired = self._employee(name="Pensiunan", asn_type="pns", nip=PNS_NIP)
        retired.action_archive()
        with self.assertRaisesMsg(ValidationError, "already the NIP of Pensiunan"):
            self._employee(asn_type="pns", nip=PNS_NIP)

    def test_same_nip_in_another_company_allowed(self):
        """Each agency (company) keeps its own register, so the NIP may repeat across them."""
        self._employee(asn_type="pns", nip=PNS_NIP)
        moved = self._employee(asn_type="pns", nip=PNS_NIP, company_id=self.other_company.id)
        self.assertEqual(moved.nip, PNS_NIP)

    def test_batch_with_one_bad_nip_creates_nothing(self):
        """An import batch with one invalid NIP is refused as a whole."""
        with self.assertRaises(ValidationError):
            self.Employee.create(
                [
                    {"name": "Benar", "asn_type": "pns", "nip": PNS_NIP},
                    {"name": "Salah", "asn_type": "pns", "nip": "198002302005011001"},
                ]
            )
        self.assertFalse(
            self.Employee.with_context(active_test=False).search([("nip", "=", PNS_NIP)])
        )

    def test_jf_jenjang_consistency(self):
        """A functional position (JF) needs its level; only a JF has one."""
        with self.assertRaisesMsg(ValidationError, "choose its level"):
            self._employee(jabatan_type="fungsional")
        with self.assertRaisesMsg(ValidationError, "only a functional position"):
            self._employee(jabatan_type="pelaksana", jf_jenjang="ahli_muda")
        guru = self._employee(jabatan_type="fungsional", jf_jenjang="ahli_muda")
        self.assertEqual(guru.jf_jenjang, "ahli_muda")

    def test_pppk_grade_on_pns_refused(self):
        """PPPK golongan (I-XVII) are not grades of a PNS."""
        with self.assertRaisesMsg(ValidationError, "is not a grade of a PNS"):
            self._employee(
                asn_type="pns",
                nip=PNS_NIP,
                pangkat_id=self.env.ref("hr_kinerja_asn.pangkat_pppk_9").id,
            )
        employee = self._employee(
            asn_type="pns",
            nip=PNS_NIP,
            pangkat_id=self.env.ref("hr_kinerja_asn.pangkat_pns_iii_a").id,
        )
        self.assertEqual(employee.pangkat_id.code, "III/a")

    def test_form_fills_birthday_and_gender_from_nip(self):
        """Entering a valid NIP fills the birth date and gender it carries."""
        with Form(self.Employee) as form:
            form.name = "Siti Aminah"
            form.asn_type = "pppk"
            form.nip = PPPK_NIP
            self.assertEqual(str(form.birthday), "1985-03-14")
            self.assertEqual(form.gender, "female")
        self.assertEqual(form.record.nip, PPPK_NIP)

    def test_planning_suspended_statuses(self):
        """Pejabat negara, temporary dismissal, CLTN and MPP suspend planning
        (003 section Penetapan SKP 7); an active employee is planned."""
        employee = self._employee()
        self.assertFalse(employee.kinerja_planning_suspended)
        for status in ("pejabat_negara", "diberhentikan_sementara", "cltn", "mpp"):
            with self.subTest(status=status):
                employee.kinerja_status = status
                self.assertTrue(employee.kinerja_planning_suspended)
        employee.kinerja_status = "aktif"
        self.assertFalse(employee.kinerja_planning_suspended)
