import zlib

from odoo import api, fields, models

from .workflow import workflow

# The story of 2026 in Kabupaten Sukamaju, by month: the units whose achievement
# differs from Baik (002 D.4.d), and the unit whose leader forgot it (002 D.12).
ISTIMEWA_MONTHS = {"dept_bid_penilaian_demo": (3, 6, 9), "dept_puskesmas_demo": (8,)}
BUTUH_PERBAIKAN_MONTHS = {"dept_sdn2_demo": (2, 5), "dept_bid_yankes_demo": (7,)}
FORGOTTEN = {4: "dept_subbag_keuangan_dinkes_demo"}
LAST_EVALUATED_MONTH = 10
# The portal accounts of the demo's civil servants: login = NIP, this password.
PORTAL_DEMO_PASSWORD = "kinerja"  # October; November is left to the demo's users


class HrKinerjaDemoLoader(models.AbstractModel):
    """Builds the evaluation story of the demo agency through the real model
    methods: set SKPs for everyone without one, monthly realisations, and January
    to October evaluated - achievements, ratings taken from the suggestions, the
    proposal applied and each unit's distribution confirmed. November has its
    evaluations generated and waits for the evaluators. Demo data only."""

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
            [("user_id", "=", False), ("nip", "!=", False), ("company_id", "!=", False)]
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
        self._demo_realisations(year, skps)
        months = year.period_ids.filtered(lambda p: p.kind == "month").sorted("number")
        for period in months.filtered(lambda p: p.number <= LAST_EVALUATED_MONTH):
            self._demo_achievements(period)
            evaluations = env["hr.kinerja.evaluation"]._generate(period)
            self._demo_rate(evaluations)
            self._demo_confirm(evaluations.distribution_id)
        november = months.filtered(lambda p: p.number == LAST_EVALUATED_MONTH + 1)
        if november:
            self._demo_achievements(november, only_top=True)
            env["hr.kinerja.evaluation"]._generate(november)
        return True

    def _demo_skps(self, year):
        """A set SKP with one RHK and one indicator for everyone who has none."""
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
        env["hr.kinerja.rhk"].create(
            [
                {
                    "skp_id": skp.id,
                    "name": f"Terlaksananya tugas jabatan {skp.job_title or ''} secara tertib "
                    "dan tepat waktu",
                    "indicator_ids": [
                        fields.Command.create(
                            {
                                "name": "Jumlah laporan pelaksanaan tugas",
                                "target_value": 12,
                                "target_unit": "laporan",
                            }
                        )
                    ],
                }
                for skp in skps
            ]
        )
        skps._transition({"state": "set", "set_date": fields.Datetime.now()})
        return skps

    def _demo_realisations(self, year, skps):
        """Cumulative monthly reports, each employee at a steady pace of their own
        (between 80% and 125% of the trajectory)."""
        months = year.period_ids.filtered(
            lambda p: p.kind == "month" and p.number <= LAST_EVALUATED_MONTH
        )
        rows = []
        for iki in skps.rhk_ids.indicator_ids:
            pace = 0.80 + (zlib.crc32(iki.skp_id.employee_id.name.encode()) % 46) / 100
            for period in months:
                rows.append(
                    {
                        "iki_id": iki.id,
                        "period_id": period.id,
                        "value": round(period.number * pace, 2),
                        "state": "reviewed",
                    }
                )
        self.env["hr.kinerja.realisasi"].sudo().with_context(tracking_disable=True).create(rows)

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
            if period.number in ISTIMEWA_MONTHS.get(name, ()):
                value = "istimewa"
            elif period.number in BUTUH_PERBAIKAN_MONTHS.get(name, ()):
                value = "butuh_perbaikan"
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
        Achievement = workflow(self.env["hr.kinerja.org.achievement"].sudo())
        Achievement.create(rows)
        if forgotten:
            Achievement._apply_default(period)

    def _demo_rate(self, evaluations):
        for evaluation in evaluations:
            vals = {
                "result_rating": evaluation._leader_result()
                or evaluation.suggested_result_rating
                or "sesuai",
                "behaviour_rating": evaluation.suggested_behaviour_rating or "sesuai",
            }
            if evaluation.tugas_belajar:
                vals["ipk"] = 3.45
            workflow(evaluation).write(vals)
        workflow(evaluations).action_done()

    def _demo_confirm(self, distributions):
        proposals = distributions._propose()
        for distribution in distributions:
            proposal = proposals.get(distribution.id)
            for change in proposal.changes if proposal and proposal.feasible else ():
                workflow(self.env["hr.kinerja.evaluation"].sudo().browse(change.key)).write(
                    {
                        "predicate": change.new,
                        "predicate_justification": distribution._explain_change(change),
                    }
                )
        for distribution in distributions:
            if not distribution.is_compliant:
                workflow(distribution).write(
                    {
                        "justification": "Unit dengan kurang dari lima pegawai: pola "
                        "distribusi dipakai sebagai panduan (SE MenPANRB 3/2023)."
                    }
                )
        distributions.action_confirm()
