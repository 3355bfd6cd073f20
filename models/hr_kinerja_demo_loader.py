import datetime
import zlib

from odoo import api, fields, models

from .hr_kinerja_demo_plans import plans_for, unit_field
from .hr_kinerja_evaluation_document import after_evaluation
from .workflow import workflow

# The story of 2026 in Kabupaten Sukamaju, by month: the units whose achievement
# differs from Baik (002 D.4.d), and the unit whose leader forgot it (002 D.12).
ISTIMEWA_MONTHS = {"dept_bid_penilaian_demo": (3, 6, 9), "dept_puskesmas_demo": (8,)}
BUTUH_PERBAIKAN_MONTHS = {"dept_sdn2_demo": (2, 5), "dept_bid_yankes_demo": (7,)}
# SD Negeri 2 in September: half of the teachers without a lesson module for the
# new semester. The finance subsection in June: the half-year financial report
# not compiled and the budget realisation far below plan.
KURANG_MONTHS = {"dept_sdn2_demo": (9,)}
SANGAT_KURANG_MONTHS = {"dept_subbag_keuangan_dinkes_demo": (6,)}
FORGOTTEN = {4: "dept_subbag_keuangan_dinkes_demo"}
LAST_EVALUATED_MONTH = 10
# The portal accounts of the demo's civil servants: login = NIP, this password.
PORTAL_DEMO_PASSWORD = "kinerja"  # October; November is left to the demo's users

# The people of the story, by month (the rest work at a steady pace of their own).
# Pace: the share of the monthly trajectory an employee realises, from a month on.
PACE = {
    # Wahyu Nugroho, driver: hardly any trips from August (late, absent).
    "emp_umum_3_demo": ((1, 1.0), (8, 0.1)),
    # Yayan Suryana, teacher at SD Negeri 2: few lesson modules in the first half
    # year, catches up after the dialogue of July.
    "emp_guru2_1_demo": ((1, 0.55), (7, 1.35)),
    # Slamet Riyadi, laboratory: the analyser broke down in August.
    "emp_pranata_lab_demo": ((1, 1.0), (8, 0.3)),
    # Ayu Kartika, nurse, and Asep Kusnadi, teacher: well above their targets.
    "emp_perawat_pus_2_demo": ((1, 1.3),),
    "emp_guru1_4_demo": ((1, 1.3),),
}
# Feedback on core values by the evaluator: (employee, month, day, core value,
# tone, text). A core value with more feedback to improve than positive makes the
# suggested behaviour "below expectations"; positive feedback on four or more of
# the seven, none negative, "above".
NEGATIVE = "needs_improvement"
FEEDBACK = [
    (
        "emp_guru2_1_demo",
        4,
        14,
        "core_value_kolaboratif",
        NEGATIVE,
        "Tidak hadir pada tiga pertemuan KKG tanpa pemberitahuan; modul ajar kelas IV "
        "tidak dibagikan kepada rekan sejawat.",
    ),
    (
        "emp_keuangan_2_demo",
        5,
        12,
        "core_value_akuntabel",
        NEGATIVE,
        "Laporan pertanggungjawaban bendahara April diserahkan terlambat dua minggu dan "
        "bukti belanja tidak lengkap.",
    ),
    (
        "emp_keuangan_2_demo",
        6,
        9,
        "core_value_akuntabel",
        NEGATIVE,
        "Kembali terlambat menyetor pajak belanja dan tidak hadir pada rapat penyusunan "
        "laporan semester I tanpa keterangan.",
    ),
    (
        "emp_yankes_staff_demo",
        3,
        17,
        "core_value_harmonis",
        NEGATIVE,
        "Terjadi perselisihan dengan petugas Puskesmas saat pengumpulan data program "
        "imunisasi; laporan bersama tertunda.",
    ),
    (
        "emp_umum_3_demo",
        10,
        2,
        "core_value_akuntabel",
        NEGATIVE,
        "Terlambat menjemput pimpinan untuk kunjungan kerja; buku perjalanan kendaraan "
        "dinas tidak diisi.",
    ),
    (
        "emp_umum_3_demo",
        10,
        16,
        "core_value_harmonis",
        NEGATIVE,
        "Tidak hadir saat dijadwalkan mengantar pimpinan; rekan di subbagian harus "
        "menggantikan tanpa pemberitahuan.",
    ),
    (
        "emp_umum_3_demo",
        11,
        9,
        "core_value_akuntabel",
        NEGATIVE,
        "Kendaraan dinas kembali tidak dikembalikan tepat waktu setelah dialog kinerja 3 November.",
    ),
    (
        "emp_keuangan_2_demo",
        11,
        6,
        "core_value_akuntabel",
        NEGATIVE,
        "Laporan pertanggungjawaban bendahara Oktober belum diserahkan hingga batas waktu.",
    ),
    *(
        (employee, month, day, value, "positive", text)
        for employee, months, text in (
            (
                "emp_perawat_pus_2_demo",
                (8, 11),
                "Menjadi teladan tim: sigap, ramah kepada pasien, berbagi ilmu asuhan "
                "keperawatan, dan menyelesaikan laporan lebih awal.",
            ),
            (
                "emp_guru1_4_demo",
                (3, 6),
                "Membimbing guru muda menyusun modul ajar, aktif di KKG, dan memimpin "
                "kegiatan literasi sekolah.",
            ),
        )
        for month in months
        for day, value in (
            (5, "core_value_berorientasi_pelayanan"),
            (12, "core_value_kompeten"),
            (19, "core_value_kolaboratif"),
            (26, "core_value_adaptif"),
        )
    ),
]
# November's realisations wait for the evaluators' review; dr. Maya Sari enters
# hers in the portal (demo login "maya").
NOVEMBER_BY_HAND = ("emp_dokter_pus_demo",)
# Who set the SKPs, when: signed in the first weeks of January (a revision after
# the dialogue that adjusted it).
SIGNED_ON = datetime.datetime(2026, 1, 12, 2, 0)
SET_ON = datetime.datetime(2026, 1, 26, 3, 0)
REVISION_SIGNED_ON = datetime.datetime(2026, 7, 6, 2, 0)
REVISION_SET_ON = datetime.datetime(2026, 7, 8, 3, 0)
# The administrator (base.user_admin): an official of BKPSDM, not Odoo's demo person.
ADMIN_NAME = "Administrator SIMPEG BKPSDM"


class HrKinerjaDemoLoader(models.AbstractModel):
    """Builds the 2026 story of the demo agency through the real model methods.
    Demo data only.

    Plans. Everyone without a hand-written SKP gets one with two or three result
    plans, cascading from the heads of the agencies (Sekretaris Daerah, Kepala
    Dinas) down: each supports a result plan of the evaluator's SKP, worded for
    the position (unit leaders, functional positions of the health centre, the
    schools, finance and HR, executors), with one or two whole-number indicators.
    Every SKP is signed by its employee on 12 January and set by the evaluator on
    26 January (the heads of the agencies by the administrator for the Bupati; the
    adjusted revision of the Pengolah Data Kinerja in July).

    January to October are evaluated month by month: the units' achievements set
    by the leaders above, the ratings taken from the suggestions by each
    evaluator, the proposal applied and each distribution confirmed by the unit's
    leader (the Bupati for the heads of the agencies). November's realisations
    wait for review and its evaluations for the evaluators.

    Units: the Bidang Penilaian is Istimewa in March, June and September, the
    Puskesmas in August; SD Negeri 2 needs improvement in February and May and is
    Kurang in September (half of the teachers without lesson modules for the new
    semester: the Baik teachers are lowered to Kurang by the pattern); the
    Bidang Pelayanan Kesehatan needs improvement in July; the Subbagian
    Perencanaan dan Keuangan's achievement was forgotten in April (Butuh
    Perbaikan by 002 D.12) and is Sangat Kurang in June (the half-year financial
    report not compiled; a unit of two, so the pattern is guidance only).

    People (PACE, FEEDBACK):
    - Yayan Suryana, teacher at SD Negeri 2: few lesson modules in the first half
      year - Butuh Perbaikan; absent from the teachers' working group in April -
      Sangat Kurang; catches up from July.
    - Wulan Oktaviani, Bidang Pelayanan Kesehatan: a quarrel over the
      immunisation data in March - Kurang.
    - Yuliana Sari, treasurer: late accountability reports in May and June -
      Kurang; again in November (Kurang suggested).
    - Wahyu Nugroho, driver (evaluator Rudi Hartono): hardly any trips from
      August - Butuh Perbaikan in September; late and absent in October - Sangat
      Kurang, and Sangat Kurang suggested in November (his counselling case is
      in the pembinaan demo).
    - Slamet Riyadi, laboratory: the analyser broke down in August - Butuh
      Perbaikan in September and October by the pattern, suggested in November.
    - Ayu Kartika, nurse, and Asep Kusnadi, teacher: well above their targets and
      praised on four core values (August and November; March and June) - Sangat
      Baik from the suggestions; the pattern raises them in the other months."""

    _name = "hr.kinerja.demo.loader"
    _description = "ASN Performance Demo Loader"

    @api.model
    def _load_portal_demo(self, logins):
        """Portal accounts for the demo's civil servants without a back-office user:
        ``logins`` names a few ({employee xml id: login}, password = login); everyone
        else logs in with their NIP and the password PORTAL_DEMO_PASSWORD."""
        env = self.sudo().with_context(tracking_disable=True, no_reset_password=True).env
        groups = [
            env.ref("base.group_portal").id,
            env.ref("hr_kinerja_asn.group_kinerja_portal").id,
        ]
        named = {env.ref(f"hr_kinerja_asn.{xmlid}").id: login for xmlid, login in logins.items()}
        employees = env["hr.employee"].search(
            [
                ("user_id", "=", False),
                ("company_id", "!=", False),
                "|",
                ("nip", "!=", False),
                ("id", "in", list(named)),
            ]
        )
        users = env["res.users"].create(
            [
                {
                    "name": employee.name,
                    "login": named.get(employee.id, employee.nip),
                    "email": employee.work_email or False,
                    "company_id": employee.company_id.id,
                    "company_ids": [(6, 0, employee.company_id.ids)],
                    "groups_id": [(6, 0, groups)],
                    "tz": "Asia/Jakarta",
                    "lang": "id_ID" if env["res.lang"]._lang_get("id_ID") else "en_US",
                }
                for employee in employees
            ]
        )
        for employee, user in zip(employees, users, strict=True):
            employee.user_id = user
        # One hash for the shared demo password (hashing is slow by design).
        crypt = env["res.users"]._crypt_context()
        shared = crypt.hash(PORTAL_DEMO_PASSWORD)
        for user in users:
            password = user.login if user.login in named.values() else None
            env.cr.execute(
                "UPDATE res_users SET password = %s WHERE id = %s",
                (crypt.hash(password) if password else shared, user.id),
            )
        return True

    @api.model
    def _load_evaluation_demo(self, year):
        year = self.env["hr.kinerja.year"].browse(year).sudo()
        env = self.sudo().with_context(tracking_disable=True).env
        year.company_id.kinerja_ak_basis = "periodic"
        skps = self._demo_skps(year)
        self._demo_signatures(year)
        self._demo_feedback(year)
        self._demo_realisations(year, skps)
        months = year.period_ids.filtered(lambda p: p.kind == "month").sorted("number")
        for period in months.filtered(lambda p: p.number <= LAST_EVALUATED_MONTH):
            self._demo_achievements(period)
            evaluations = env["hr.kinerja.evaluation"]._generate(period)
            self._demo_rate(evaluations)
            self._demo_confirm(evaluations.distribution_id)
            self._demo_documents(period, evaluations)
        november = months.filtered(lambda p: p.number == LAST_EVALUATED_MONTH + 1)
        if november:
            self._demo_achievements(november, only_top=True)
            env["hr.kinerja.evaluation"]._generate(november)
        return True

    # -- the people ---------------------------------------------------------------
    @api.model
    def _load_people_demo(self):
        """Odoo's own demo people (the hr module's employees and departments, the
        demo users) are not part of the regency: archived; the administrator is
        renamed to the BKPSDM official who administers the system."""
        env = self.sudo().with_context(tracking_disable=True, active_test=False).env
        admin = env.ref("base.user_admin")
        admin.partner_id.write({"name": ADMIN_NAME, "function": "Pranata Komputer BKPSDM"})
        admin_employees = admin.employee_ids
        admin_employees.write(
            {
                "name": ADMIN_NAME,
                "job_title": "Administrator Sistem Informasi Manajemen Kepegawaian",
                "department_id": False,
                "parent_id": False,
                "coach_id": False,
            }
        )
        data = env["ir.model.data"].search(
            [("module", "=", "hr"), ("model", "in", ("hr.employee", "hr.department"))]
        )
        for model in ("hr.employee", "hr.department"):
            ids = data.filtered(lambda d, m=model: d.model == m).mapped("res_id")
            records = env[model].browse(ids).exists()
            if model == "hr.employee":
                records -= admin_employees
            records.write({"active": False})
        for xmlid in ("base.user_demo", "base.demo_user0"):
            user = env.ref(xmlid, raise_if_not_found=False)
            if user:
                user.employee_ids.write({"active": False})
                user.write({"active": False})
        return True

    # -- plans ----------------------------------------------------------------------
    def _demo_skps(self, year):
        """A set SKP for everyone who has none: two or three result plans, each
        supporting a result plan of the evaluator's SKP (cascading from the heads of
        the agencies down), with one or two indicators. Top-down: an evaluator's
        result plans exist before those of the people they evaluate."""
        env = self.sudo().with_context(tracking_disable=True).env
        having = env["hr.kinerja.skp"].search([("year_id", "=", year.id)]).employee_id
        employees = env["hr.employee"].search(
            [
                ("company_id", "=", year.company_id.id),
                ("department_id", "!=", False),
                ("asn_type", "in", ("pns", "pppk")),
                ("kinerja_planning_suspended", "=", False),
                ("tugas_belajar", "=", False),
                ("id", "not in", having.ids),
            ]
        )
        skps = env["hr.kinerja.skp"].create(
            [{"employee_id": e.id, "year_id": year.id} for e in employees]
        )
        # The result plans the subordinates support: those of each evaluator's SKP
        # in force (the latest revision of a hand-written one).
        supported = {}
        existing = env["hr.kinerja.skp"].search(
            [("year_id", "=", year.id), ("state", "!=", "revised"), ("id", "not in", skps.ids)],
            order="revision",
        )
        for skp in existing:
            supported[skp.employee_id.id] = skp.rhk_ids.filtered(
                lambda r: r.kind == "utama"
            ).sorted(lambda r: (r.sequence, r.id))
        units = env["hr.department"].search(
            [("company_id", "=", year.company_id.id), ("manager_id", "!=", False)]
        )
        led = {unit.manager_id.id: unit for unit in units}
        pending = skps
        while pending:
            waiting = set(pending.employee_id.ids)
            ready = pending.filtered(lambda s, w=waiting: s.evaluator_id.id not in w) or pending
            rows = []
            for skp in ready:
                rows += self._demo_plan_rows(skp, supported.get(skp.evaluator_id.id), led)
            created = env["hr.kinerja.rhk"].create(rows)
            for skp in ready:
                supported[skp.employee_id.id] = created.filtered(lambda r, s=skp: r.skp_id == s)
            pending -= ready
        skps._transition({"state": "set"})  # signed and set: _demo_signatures
        return skps

    def _demo_plan_rows(self, skp, parents, led):
        employee = skp.employee_id
        unit = led.get(employee.id)
        structural = ("jpt_madya", "jpt_pratama", "administrator", "pengawas")
        if unit or employee.jabatan_type in structural:
            kind, unit = "leader", unit or employee.department_id
        else:
            kind = "fungsional" if employee.jabatan_type == "fungsional" else "pelaksana"
            unit = employee.department_id
        names, department = [], unit
        while department:
            names.append(department.name)
            department = department.parent_id
        plans = plans_for(kind, unit_field(names), skp.job_title or employee.job_title)
        count = min(len(plans), 2 + zlib.crc32(employee.name.encode()) % 2)
        evaluator = skp.evaluator_id
        assigned_by = (
            evaluator.job_title or evaluator.name
            if parents
            else "Bupati Sukamaju (Perjanjian Kinerja Tahun 2026)"
        )
        rows = []
        for index, (name, indicators) in enumerate(plans[:count]):
            rows.append(
                {
                    "skp_id": skp.id,
                    "kind": "utama",
                    "sequence": 10 * (index + 1),
                    "name": name.format(unit=unit.name),
                    "assigned_by": assigned_by,
                    "parent_rhk_id": self._demo_parent(name, index, parents),
                    "indicator_ids": [
                        fields.Command.create(
                            {
                                "sequence": 10 * (position + 1),
                                "aspect": "kuantitas",
                                "name": indicator,
                                "target_value": target,
                                "target_unit": target_unit,
                            }
                        )
                        for position, (indicator, target, target_unit) in enumerate(indicators)
                    ],
                }
            )
        return rows

    @staticmethod
    def _demo_topic(name):
        """What a result plan is about: managing the unit's people, reports and
        records, or the unit's core work."""
        name = name.lower()
        if "pembinaan dan pengendalian kinerja" in name:
            return "manage"
        if any(word in name for word in ("laporan", "data", "administrasi", "arsip")):
            return "report"
        return "core"

    def _demo_parent(self, name, index, parents):
        """The evaluator's result plan that ``name`` supports: one about the same
        topic, else one about the unit's core work (an employee's own work does not
        support the leader's managing of people)."""
        if not parents:
            return False
        topic = self._demo_topic(name)
        candidates = [p for p in parents if self._demo_topic(p.name) == topic] or [
            p for p in parents if self._demo_topic(p.name) == "core"
        ]
        candidates = candidates or list(parents)
        return candidates[index % len(candidates)].id

    def _demo_signatures(self, year):
        """Every SKP of the year agreed (signed) by its employee and set by the
        evaluator - or by the administrator for the regional head - in January; a
        revision in July, after the dialogue that adjusted it."""
        env = self.sudo().with_context(tracking_disable=True).env
        admin = env.ref("base.user_admin")
        skps = env["hr.kinerja.skp"].search(
            [("year_id", "=", year.id), ("state", "in", ("agreed", "set", "revised"))]
        )
        for skp in skps:
            revised = bool(skp.revision)
            vals = {
                "agreed_by_id": skp.employee_id.user_id.id or admin.id,
                "agreed_date": REVISION_SIGNED_ON if revised else SIGNED_ON,
            }
            if skp.state != "agreed":
                evaluator_user = skp.evaluator_id.user_id
                regional = skp.is_leader_form or not evaluator_user
                vals.update(
                    {
                        "set_by_id": admin.id if regional else evaluator_user.id,
                        "set_as": "regional_head" if regional else "evaluator",
                        "set_date": REVISION_SET_ON if revised else SET_ON,
                    }
                )
            skp._transition(vals)

    def _demo_feedback(self, year):
        """The evaluators' feedback on core values of the story (see FEEDBACK)."""
        env = self.sudo().with_context(tracking_disable=True).env
        skps = env["hr.kinerja.skp"].search([("year_id", "=", year.id), ("state", "=", "set")])
        evaluators = {skp.employee_id.id: skp.evaluator_id for skp in skps}
        rows = []
        for xmlid, month, day, value, tone, text in FEEDBACK:
            employee = env.ref(f"hr_kinerja_asn.{xmlid}")
            rows.append(
                {
                    "giver_id": evaluators[employee.id].id,
                    "receiver_id": employee.id,
                    "company_id": year.company_id.id,
                    "source": "leader",
                    "subject": "core_value",
                    "core_value_id": env.ref(f"hr_kinerja_asn.{value}").id,
                    "kind": "incidental",
                    "tone": tone,
                    "text": text,
                    "date": datetime.date(year.year, month, day),
                }
            )
        workflow(env["hr.kinerja.feedback"]).create(rows)

    @staticmethod
    def _demo_pace(employee, xmlid):
        """[pace of month 1, ..., month 12] of an employee."""
        if xmlid in PACE:
            paces, pace = [], 1.0
            steps = dict(PACE[xmlid])
            for month in range(1, 13):
                pace = steps.get(month, pace)
                paces.append(pace)
            return paces
        # a steady pace of their own, between 85% and 120% of the trajectory
        return [0.85 + (zlib.crc32(employee.name.encode()) % 36) / 100] * 12

    def _demo_realisations(self, year, skps):
        """Cumulative monthly reports in whole numbers, reviewed by the evaluator up
        to October; November's submitted and waiting for the review."""
        months = year.period_ids.filtered(
            lambda p: p.kind == "month" and p.number <= LAST_EVALUATED_MONTH + 1
        ).sorted("number")
        xmlids = skps.employee_id.get_external_id()
        by_hand = {self.env.ref(f"hr_kinerja_asn.{x}").id for x in NOVEMBER_BY_HAND}
        rows = []
        for skp in skps:
            employee = skp.employee_id
            paces = self._demo_pace(employee, xmlids.get(employee.id, "").split(".")[-1])
            reviewer = skp.evaluator_id.user_id
            for iki in skp.rhk_ids.indicator_ids:
                done = 0.0
                for period in months:
                    done += iki.target_value / 12 * paces[period.number - 1]
                    november = period.number > LAST_EVALUATED_MONTH
                    if november and employee.id in by_hand:
                        continue
                    row = {
                        "iki_id": iki.id,
                        "period_id": period.id,
                        "value": round(done),
                        "state": "submitted" if november else "reviewed",
                    }
                    if not november:
                        row["reviewed_by_id"] = reviewer.id
                        row["reviewed_date"] = datetime.datetime.combine(
                            period.date_end + datetime.timedelta(days=3), datetime.time(3)
                        )
                    rows.append(row)
        self.env["hr.kinerja.realisasi"].sudo().with_context(tracking_disable=True).create(rows)

    # -- evaluation -------------------------------------------------------------------
    def _demo_achievements(self, period, only_top=False):
        units = self.env["hr.kinerja.org.achievement"]._leading_units(period)
        xmlids = units.get_external_id()
        forgotten = FORGOTTEN.get(period.number)
        rows = []
        for unit in units:
            name = xmlids.get(unit.id, "").split(".")[-1]
            if name == forgotten or (only_top and unit.kinerja_parent_id):
                continue
            value = "baik"
            for months, special in (
                (ISTIMEWA_MONTHS, "istimewa"),
                (BUTUH_PERBAIKAN_MONTHS, "butuh_perbaikan"),
                (KURANG_MONTHS, "kurang"),
                (SANGAT_KURANG_MONTHS, "sangat_kurang"),
            ):
                if period.number in months.get(name, ()):
                    value = special
            leader = unit.kinerja_parent_id.manager_id
            rows.append(
                {
                    "department_id": unit.id,
                    "period_id": period.id,
                    "value": value,
                    "set_as": "leader" if leader else "officer",
                    "set_by_id": leader.id,
                    "date_set": period.date_end,
                }
            )
        Achievement = workflow(
            self.env["hr.kinerja.org.achievement"].sudo().with_context(tracking_disable=True)
        )
        Achievement.create(rows)
        if forgotten:
            Achievement._apply_default(period)

    def _demo_as(self, records, employee_field):
        """[(user, records)]: ``records`` grouped by the user of the employee in
        ``employee_field`` (the administrator where that employee has none), each
        group with that user's environment as superuser - the step is the real
        author's (who rated, who confirmed, in the chatter) without the access
        rights of a portal account getting in the way."""
        admin = self.env.ref("base.user_admin")
        groups = {}
        for record in records:
            user = record[employee_field].user_id or admin
            groups.setdefault(user, records.browse())
            groups[user] |= record
        return [(user, group.with_user(user).sudo()) for user, group in groups.items()]

    def _demo_rate(self, evaluations):
        """Each evaluator rates their people from the suggestions and finishes."""
        for _user, mine in self._demo_as(evaluations, "evaluator_id"):
            for evaluation in mine:
                vals = {
                    "result_rating": evaluation._leader_result()
                    or evaluation.suggested_result_rating
                    or "sesuai",
                    "behaviour_rating": evaluation.suggested_behaviour_rating or "sesuai",
                }
                if evaluation.tugas_belajar:
                    vals["ipk"] = 3.45
                workflow(evaluation).write(vals)
            mine.action_done()
            # rated a few days after the month
            for evaluation in mine:
                period = evaluation.period_id
                workflow(evaluation).write(
                    {
                        "evaluated_by_id": evaluation.evaluator_id.id,
                        "evaluated_date": min(
                            period.date_evaluation or period.date_end,
                            period.date_end + datetime.timedelta(days=4),
                        ),
                    }
                )

    def _demo_documents(self, period, evaluations):
        """The documents' hand-over (003 Tindak lanjut 5-10): each rater hands the
        month's documents over a week after rating, the employees receive them two
        days later and return them signed two days after that; October's are handed
        over, about half received, none returned yet."""
        rated = min(evaluations.mapped("evaluated_date"), default=period.date_end)
        day = datetime.timedelta(days=1)
        last = period.number == LAST_EVALUATED_MONTH
        for rater in evaluations.evaluator_id:
            mine = evaluations.filtered(lambda e, rater=rater: e.evaluator_id == rater)
            after_evaluation(mine).write(
                {"handed_over_date": rated + 7 * day, "handed_over_by_id": rater.id}
            )
        received = evaluations.filtered(lambda e: not last or e.id % 2)
        after_evaluation(received).write({"received_date": rated + 9 * day})
        if not last:
            after_evaluation(received).write({"returned_date": rated + 11 * day})

    def _demo_confirm(self, distributions):
        """Each unit's leader applies the proposal, justifies a deviation and
        confirms (002 D.5.a), the week after the month."""
        proposals = distributions._propose()
        for _user, mine in self._demo_as(distributions, "leader_id"):
            Evaluation = mine.env["hr.kinerja.evaluation"]
            for distribution in mine:
                proposal = proposals.get(distribution.id)
                for change in proposal.changes if proposal and proposal.feasible else ():
                    workflow(Evaluation.browse(change.key)).write(
                        {
                            "predicate": change.new,
                            "predicate_justification": distribution._explain_change(change),
                        }
                    )
            for distribution in mine:
                if not distribution.is_compliant:
                    small = len(distribution.evaluation_ids) < 5
                    workflow(distribution).write(
                        {
                            "justification": "Unit dengan kurang dari lima pegawai: pola "
                            "distribusi dipakai sebagai panduan (SE MenPANRB 3/2023)."
                            if small
                            else "Predikat mengikuti capaian nyata pegawai dan bukti "
                            "dukungnya; penyesuaian lebih lanjut tidak sebanding dengan "
                            "kinerja yang dinilai."
                        }
                    )
            mine.action_confirm()
            for distribution in mine:
                period = distribution.period_id
                workflow(distribution).write(
                    {
                        "confirmed_date": datetime.datetime.combine(
                            period.date_end + datetime.timedelta(days=6), datetime.time(4)
                        ),
                    }
                )
