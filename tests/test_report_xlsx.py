import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_evaluation import KinerjaEvaluationCase

NIP = "199203152019031004"


@tagged("post_install", "-at_install")
class TestReportXlsx(KinerjaEvaluationCase):
    """The spreadsheets (OCA report_xlsx): rendered through their report actions and
    read back with openpyxl; each reads with the rights of the user who prints."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.kinerja_ak_basis = "periodic"
        cls.staff[0].write(
            {"nip": NIP, "pangkat_id": cls.env.ref("hr_kinerja_asn.pangkat_pns_iii_b").id}
        )
        # the first staff member's RHK supports the kasi's (cascading, Format A.1.7)
        skp = cls.skp_of[cls.staff[0]]
        skp._transition({"state": "draft"})
        skp.rhk_ids.parent_rhk_id = cls.skp_of[cls.kasi].rhk_ids
        skp._transition({"state": "set"})

    def setUp(self):
        super().setUp()
        self.evaluations = self._generate()
        self.seksi_dist = self._of(self.evaluations, self.staff[0]).distribution_id
        self.bidang_dist = self._of(self.evaluations, self.kasi).distribution_id
        self._achieve(self.seksi, "baik")
        # Baik, Sangat Baik, Butuh Perbaikan, Baik (the JF), Baik; the student's IPK
        # 3.6 in an S2 is Sangat Baik
        ratings = [
            ("sesuai", "sesuai"),
            ("di_atas", "di_atas"),
            ("di_bawah", "sesuai"),
            ("sesuai", "sesuai"),
            ("sesuai", "sesuai"),
        ]
        for employee, (results, behaviour) in zip(self.staff, ratings, strict=False):
            self._rate(self._of(self.evaluations, employee), results, behaviour)
        study = self._of(self.evaluations, self.study).with_user(self.kasi_user)
        study.write({"ipk": 3.6})
        study.action_done()
        dist = self.seksi_dist.with_user(self.kasi_user)
        dist.justification = "Sesuai hasil kerja."
        dist.action_confirm()

    # -- helpers -------------------------------------------------------------------
    def _render(self, xmlid, records, user=None):
        report = self.env["ir.actions.report"]
        if user:
            report = report.with_user(user)
        content, kind = report._render(f"hr_kinerja_asn.{xmlid}", records.ids)
        self.assertEqual(kind, "xlsx")
        return load_workbook(io.BytesIO(content))

    def _table(self, sheet):
        """(heading {label: value}, header, [{header: value}]) of a sheet: the
        "LABEL : value" lines, the header row (the one starting with "No") and the
        data rows after the "(1) (2) ..." numbering."""
        rows = list(sheet.iter_rows(values_only=True))
        start = next(i for i, row in enumerate(rows) if row[0] == "No")
        heading = {}
        for row in rows[1:start]:
            labelled = [v for v in row if v is not None]
            if len(labelled) == 2 and str(labelled[1]).startswith(": "):
                heading[labelled[0]] = labelled[1][2:]
        header = list(rows[start])
        self.assertEqual(rows[start + 1][:3], ("(1)", "(2)", "(3)"))
        data = [dict(zip(header, row, strict=True)) for row in rows[start + 2 :]]
        return heading, header, data

    def _row(self, data, name):
        return next(row for row in data if row["Nama"] == name)

    # -- unit recap ----------------------------------------------------------------
    def test_unit_recap_one_sheet_per_distribution(self):
        book = self._render(
            "action_report_distribution_recap_xlsx", self.seksi_dist | self.bidang_dist
        )
        self.assertEqual(book.sheetnames, ["Seksi Kinerja", "Bidang Penilaian"])
        sheet = book["Seksi Kinerja"]
        self.assertEqual(sheet["A1"].value, "REKAPITULASI EVALUASI KINERJA PEGAWAI")
        heading, header, data = self._table(sheet)
        self.assertEqual(heading["SATUAN ORGANISASI"], "Seksi Kinerja")
        self.assertEqual(heading["PIMPINAN SATUAN ORGANISASI"], "Kepala Seksi Kinerja")
        self.assertEqual(heading["PERIODE"], "Januari 2027")
        self.assertEqual(heading["PREDIKAT CAPAIAN KINERJA ORGANISASI"], "Baik")
        self.assertEqual(
            header,
            [
                "No",
                "Nama",
                "NIP",
                "Jabatan",
                "Pangkat/Gol. Ruang",
                "Rating Hasil Kerja",
                "Rating Perilaku Kerja",
                "Predikat Kinerja",
                "Angka Kredit",
                "Status",
            ],
        )
        self.assertEqual(len(data), 6)
        first = self._row(data, "Staf Kinerja 1")
        self.assertEqual(first["NIP"], NIP)
        self.assertEqual(first["Pangkat/Gol. Ruang"], "Penata Muda Tingkat I (III/b)")
        self.assertEqual(first["Rating Hasil Kerja"], "Sesuai Ekspektasi")
        self.assertEqual(first["Predikat Kinerja"], "Baik")
        self.assertIsNone(first["Angka Kredit"])
        self.assertEqual(first["Status"], "Confirmed")
        self.assertEqual(self._row(data, "Staf Kinerja 2")["Predikat Kinerja"], "Sangat Baik")
        self.assertEqual(self._row(data, "Staf Kinerja 3")["Predikat Kinerja"], "Butuh Perbaikan")
        # the JF earns 12.5 x 100% / 12 credit points for a Baik month
        self.assertEqual(self._row(data, "Staf Kinerja 4")["Angka Kredit"], 1.04)
        _heading, _header, bidang = self._table(book["Bidang Penilaian"])
        kasi = self._row(bidang, "Kepala Seksi Kinerja")
        self.assertIsNone(kasi["Predikat Kinerja"])
        self.assertEqual(kasi["Status"], "To Rate")

    def test_unit_recap_reads_with_the_users_rights(self):
        # an employee counted in the unit prints only the row they may read
        book = self._render(
            "action_report_distribution_recap_xlsx", self.seksi_dist, self.staff_users[0]
        )
        _heading, _header, data = self._table(book["Seksi Kinerja"])
        self.assertEqual([row["Nama"] for row in data], ["Staf Kinerja 1"])
        # and not the distribution of a unit they are not counted in
        with self.assertRaises(AccessError):
            self._render(
                "action_report_distribution_recap_xlsx", self.bidang_dist, self.staff_users[0]
            )
        book = self._render(
            "action_report_distribution_recap_xlsx", self.seksi_dist, self.kasi_user
        )
        self.assertEqual(len(self._table(book["Seksi Kinerja"])[2]), 6)

    # -- allowance basis -----------------------------------------------------------
    def test_allowance_basis_predicate_per_month(self):
        february = self._period(self.year, "month", 2)
        february_evaluations = self._generate(february)
        self._achieve(self.seksi, "baik", february)
        # rated, not confirmed yet: printed in italics
        self._rate(self._of(february_evaluations, self.staff[0]), "di_atas", "di_atas")
        book = self._render(
            "action_report_evaluation_tpp_xlsx", self.evaluations | february_evaluations
        )
        self.assertEqual(book.sheetnames, ["TPP 2027"])
        sheet = book["TPP 2027"]
        heading, header, data = self._table(sheet)
        self.assertEqual(heading["TAHUN"], "2027")
        self.assertEqual(
            header[:8],
            [
                "No",
                "Nama",
                "NIP",
                "Jabatan",
                "Pangkat/Gol. Ruang",
                "Unit Kerja",
                "Januari",
                "Februari",
            ],
        )
        self.assertEqual(header[-2:], ["Desember", "Tahunan"])
        first = self._row(data, "Staf Kinerja 1")
        self.assertEqual(first["NIP"], NIP)
        self.assertEqual(first["Unit Kerja"], "Seksi Kinerja")
        self.assertEqual((first["Januari"], first["Februari"]), ("Baik", "Sangat Baik"))
        self.assertIsNone(first["Maret"])
        self.assertIsNone(first["Tahunan"])
        # February's other evaluations are not rated yet: empty
        self.assertIsNone(self._row(data, "Staf Kinerja 2")["Februari"])
        self.assertEqual(self._row(data, "Staf Kinerja 2")["Januari"], "Sangat Baik")
        # confirmed in roman, only rated in italics
        cells = next(r for r in sheet.iter_rows() if r[1].value == "Staf Kinerja 1")
        cells = dict(zip(header, cells, strict=True))
        self.assertFalse(cells["Januari"].font.i)
        self.assertTrue(cells["Februari"].font.i)
        # no amounts: nothing but the predicates in the period columns
        predicates = {"Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", None}
        for row in data:
            self.assertLessEqual({row[month] for month in header[6:]}, predicates)

    def test_allowance_basis_of_the_year(self):
        book = self._render("action_report_year_tpp_xlsx", self.year, self.officer)
        _heading, _header, data = self._table(book["TPP 2027"])
        # the kabid, the kasi and the six staff have evaluations
        self.assertEqual(len(data), 8)
        self.assertEqual(self._row(data, "Staf Kinerja 3")["Januari"], "Butuh Perbaikan")
        # an employee prints the year with their own evaluations only
        book = self._render("action_report_year_tpp_xlsx", self.year, self.staff_users[0])
        data = self._table(book["TPP 2027"])[2]
        self.assertEqual([row["Nama"] for row in data], ["Staf Kinerja 1"])

    def test_allowance_basis_access(self):
        other = self._of(self.evaluations, self.staff[0])
        with self.assertRaises(AccessError):
            self._render("action_report_evaluation_tpp_xlsx", other, self.staff_users[1])
        book = self._render("action_report_evaluation_tpp_xlsx", other, self.staff_users[0])
        self.assertEqual(self._table(book["TPP 2027"])[2][0]["Januari"], "Baik")

    # -- distribution summary ------------------------------------------------------
    def test_distribution_summary(self):
        book = self._render(
            "action_report_distribution_summary_xlsx", self.seksi_dist | self.bidang_dist
        )
        sheet = book["Ringkasan Distribusi"]
        self.assertEqual(sheet["A1"].value, "RINGKASAN DISTRIBUSI PREDIKAT KINERJA PEGAWAI")
        heading, header, data = self._table(sheet)
        self.assertEqual(heading["PERIODE"], "Januari 2027")
        self.assertEqual(
            header[5:12],
            [
                "Sangat Baik",
                "Baik",
                "Butuh Perbaikan",
                "Kurang/Misconduct",
                "Sangat Kurang",
                "Belum Dinilai",
                "Total Pegawai",
            ],
        )
        rows = {row["Satuan Organisasi"]: row for row in data}
        seksi = rows["Seksi Kinerja"]
        self.assertEqual(seksi["Pimpinan Satuan Organisasi"], "Kepala Seksi Kinerja")
        self.assertEqual(seksi["Predikat Capaian Kinerja Organisasi"], "Baik")
        self.assertEqual([seksi[name] for name in header[5:12]], [2, 3, 1, 0, 0, 0, 6])
        self.assertEqual(
            seksi["Sesuai Pola Distribusi"], "Ya" if self.seksi_dist.is_compliant else "Tidak"
        )
        self.assertEqual(seksi["Status"], "Confirmed")
        bidang = rows["Bidang Penilaian"]
        self.assertEqual((bidang["Belum Dinilai"], bidang["Total Pegawai"]), (1, 1))
        self.assertIsNone(bidang["Predikat Capaian Kinerja Organisasi"])
        self.assertEqual(bidang["Sesuai Pola Distribusi"], "Tidak")
        self.assertIn(
            "achievement for the period is not set", bidang["Penyimpangan dari Pola Distribusi"]
        )
        self.assertEqual(bidang["Status"], "Draft")
        with self.assertRaises(AccessError):
            self._render(
                "action_report_distribution_summary_xlsx", self.bidang_dist, self.staff_users[0]
            )

    # -- SKP contents --------------------------------------------------------------
    def test_skp_contents(self):
        skps = self.env["hr.kinerja.skp"].search(
            [("employee_id", "in", (self.kasi | self.staff[:2]).ids)]
        )
        book = self._render("action_report_skp_contents_xlsx", skps)
        heading, header, data = self._table(book["SKP 2027"])
        self.assertEqual(heading["TAHUN"], "2027")
        self.assertEqual(
            header[5:],
            [
                "Jenis Rencana Hasil Kerja",
                "Rencana Hasil Kerja Pimpinan yang Diintervensi",
                "Rencana Hasil Kerja",
                "Aspek",
                "Indikator Kinerja Individu",
                "Target",
                "Satuan",
            ],
        )
        self.assertEqual(len(data), 3)
        first = self._row(data, "Staf Kinerja 1")
        self.assertEqual(first["NIP"], NIP)
        self.assertEqual(first["Unit Kerja"], "Seksi Kinerja")
        self.assertEqual(first["Jenis Rencana Hasil Kerja"], "Utama")
        self.assertEqual(
            first["Rencana Hasil Kerja Pimpinan yang Diintervensi"],
            "Penilaian kinerja tertib (Kepala Seksi Kinerja)",
        )
        self.assertEqual(first["Rencana Hasil Kerja"], "Penilaian kinerja tertib (Staf Kinerja 1)")
        self.assertEqual(
            (first["Aspek"], first["Indikator Kinerja Individu"], first["Target"], first["Satuan"]),
            ("Kuantitas", "Dokumen penilaian", 12, "dok"),
        )
        self.assertIsNone(
            self._row(data, "Staf Kinerja 2")["Rencana Hasil Kerja Pimpinan yang Diintervensi"]
        )

    def test_skp_contents_access(self):
        skp = self.skp_of[self.staff[0]]
        with self.assertRaises(AccessError):
            self._render("action_report_skp_contents_xlsx", skp, self.staff_users[1])
        # the evaluator prints it, with the leader's RHK it supports
        book = self._render("action_report_skp_contents_xlsx", skp, self.kasi_user)
        data = self._table(book["SKP 2027"])[2]
        self.assertEqual(data[0]["Nama"], "Staf Kinerja 1")

    def test_batch_reads(self):
        """The queries do not grow with the number of records, only with the kinds
        of data to read."""

        def queries(xmlid, records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._render(xmlid, records, self.officer)
            return self.env.cr.sql_log_count - before

        evaluations = self.evaluations.filtered(lambda e: e.employee_id in self.staff[1:])
        skps = self.env["hr.kinerja.skp"].browse([self.skp_of[e].id for e in self.staff[1:]])
        # the seksi has a grade to read and a credit point line the bidang has not
        for xmlid, few, many, extra in (
            ("action_report_evaluation_tpp_xlsx", evaluations[:2], evaluations, 0),
            ("action_report_skp_contents_xlsx", skps[:2], skps, 0),
            ("action_report_distribution_recap_xlsx", self.bidang_dist, self.seksi_dist, 2),
            ("action_report_distribution_summary_xlsx", self.bidang_dist, self.seksi_dist, 2),
        ):
            with self.subTest(report=xmlid):
                queries(xmlid, few)  # the registry's caches warm
                queries(xmlid, many)
                self.assertLessEqual(queries(xmlid, many), queries(xmlid, few) + extra)

    def test_actions_in_the_print_menu(self):
        for xmlid, model in (
            ("action_report_distribution_recap_xlsx", "hr.kinerja.distribution"),
            ("action_report_distribution_summary_xlsx", "hr.kinerja.distribution"),
            ("action_report_evaluation_tpp_xlsx", "hr.kinerja.evaluation"),
            ("action_report_year_tpp_xlsx", "hr.kinerja.year"),
            ("action_report_skp_contents_xlsx", "hr.kinerja.skp"),
        ):
            action = self.env.ref(f"hr_kinerja_asn.{xmlid}")
            self.assertEqual((action.report_type, action.binding_model_id.model), ("xlsx", model))
