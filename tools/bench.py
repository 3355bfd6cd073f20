"""Benchmark of a period's evaluation run on a synthetic agency (issue 5).

Builds, once, an agency of 25,000 employees in 800 units in a real database (SQL
``INSERT ... SELECT``; the performance year through the ORM) and reuses it. Then
it times the steps of one monthly period through the addon's batch API, each step
as one request (cold cache, committed at its end):

1. generate the evaluations (``hr.kinerja.evaluation._generate``),
2. rate everyone and compute the predicates (grouped ``write`` + ``action_done``),
3. check every distribution against the pattern (``_compute_counts``),
4. auto-propose every distribution (``_propose``),
5. confirm every distribution (``action_confirm``, writing the angka kredit ledger),

and the same steps as a straightforward per-record loop in the next month. The
per-record loop may run on a uniform random sample of units (``--sample-units``);
its times and queries are then extrapolated linearly to the whole agency, and the
output says so. The periods' evaluations, distributions, achievements and angka
kredit lines are deleted before and after the run, so the database stays reusable.

Run it with ``make bench`` (``tools/kinerja.sh bench``), which starts the private
PostgreSQL cluster and writes the Odoo configuration; the arguments below pass
through (``tools/kinerja.sh bench --sample-units 800``).
"""

import argparse
import cProfile
import importlib
import io
import json
import pstats
import random
import sys
import time
from collections import defaultdict
from datetime import date
from unittest import mock

import psycopg2

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.sql_db import connection_info_for

SEED_KEY = "hr_kinerja_asn.bench_seed"
RATINGS = ("di_atas", "sesuai", "di_bawah")
RESULT_WEIGHTS = (20, 65, 15)
BEHAVIOUR_WEIGHTS = (20, 70, 10)
# Organisation achievements of the units, by share.
ACHIEVEMENT_WEIGHTS = {
    "istimewa": 20,
    "baik": 60,
    "butuh_perbaikan": 14,
    "kurang": 4,
    "sangat_kurang": 2,
}
JF_JENJANG = (
    "pemula",
    "terampil",
    "mahir",
    "penyelia",
    "ahli_pertama",
    "ahli_muda",
    "ahli_madya",
    "ahli_utama",
)
LEVEL_JABATAN = {
    "ppt_pratama": "jpt_pratama",
    "administrator": "administrator",
    "pengawas": "pengawas",
}
JUSTIFICATION = "Benchmark: confirmed as rated."
STEPS = (
    ("generate", "generate evaluations"),
    ("predicates", "rate + compute predicates"),
    ("check", "check distributions"),
    ("propose", "auto-propose distributions"),
    ("confirm", "confirm distributions"),
)
# What a period's run writes; emptied before and after the benchmark.
PERIOD_TABLES = (
    "hr_kinerja_angka_kredit",
    "hr_kinerja_evaluation",
    "hr_kinerja_distribution",
    "hr_kinerja_org_achievement",
)
TARGET_RATIO = 20.0
TARGET_PROPOSAL = 2.0
TARGET_REMINDERS = 30.0
# What the reminder run writes (issue 14); rows it added are deleted after it.
REMINDER_TABLES = (
    "hr_kinerja_reminder",
    "mail_activity",
    "mail_followers",
    "mail_mail",
    "mail_message",
)
TARGET_DASHBOARD = 1.0
MONITORING_TABLES = ("hr_kinerja_progress", "hr_kinerja_progress_curve")


def addon(module):
    """A module of the addon (``rules.proposal``), once the registry has loaded it."""
    return importlib.import_module(f"odoo.addons.hr_kinerja_asn.{module}")


def out(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration file")
    parser.add_argument("-d", "--database", default="hr_kinerja_asn_bench")
    parser.add_argument("--employees", type=int, default=25000)
    parser.add_argument("--units", type=int, default=800)
    parser.add_argument("--year", type=int, default=2030, help="performance year (not locked)")
    parser.add_argument(
        "--sample-units",
        type=int,
        default=100,
        help="units the per-record loop runs on, extrapolated to all (0: every unit)",
    )
    parser.add_argument("--seed", type=int, default=5, help="random seed of ratings and sample")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print the N hottest batch calls"
    )
    parser.add_argument(
        "--only",
        choices=("batch", "monitoring"),
        help="only the batch path against the per-record loop, or only the monitoring "
        "(the reminder run and the dashboard, after the batch path without the "
        "per-record loop)",
    )
    return parser.parse_args(argv)


# -- the synthetic agency ----------------------------------------------------------
def unit_tree(count):
    """[(level, parent index or None)] for ``count`` units: one regional secretariat,
    5% agencies (dinas), 20% divisions (bidang), the rest sections (seksi)."""
    dinas = max(1, count // 20 - 1)
    bidang = max(1, count // 5)
    seksi = count - 1 - dinas - bidang
    units = [("ppt_pratama", None)]
    units += [("ppt_pratama", 0) for _i in range(dinas)]
    units += [("administrator", 1 + i % dinas) for i in range(bidang)]
    units += [("pengawas", 1 + dinas + i % bidang) for i in range(seksi)]
    return units


def seeded(env, args):
    param = env["ir.config_parameter"].sudo().get_param(SEED_KEY)
    wanted = {"employees": args.employees, "units": args.units, "year": args.year}
    if not param:
        return False
    if json.loads(param) != wanted:
        raise SystemExit(
            f"{env.cr.dbname} holds another agency ({param}); drop it to rebuild: "
            "tools/kinerja.sh bench --reset"
        )
    return True


def seed(env, args):
    """The agency, its units, employees and set SKPs, and the open year."""
    company = env.company
    cr = env.cr
    company.write({"kinerja_ak_basis": "periodic", "kinerja_distribution_mode": "advisory"})
    calendar = env["resource.calendar"].create(
        {"name": "Hari Kerja Pemda (Senin-Jumat)", "tz": "Asia/Jakarta", "company_id": company.id}
    )
    preset = env["hr.kinerja.preset"].search(
        [("code", "=", "kutai_kartanegara"), ("company_id", "=", False)], limit=1
    )
    year = env["hr.kinerja.year"].create(
        {
            "year": args.year,
            "preset_id": preset.id,
            "calendar_id": calendar.id,
            "company_id": company.id,
            "period_type": "monthly",
        }
    )
    year.action_open()
    env.flush_all()

    tree = unit_tree(args.units)
    names = [f"Unit {index:04d}" for index in range(len(tree))]
    cr.execute(
        """
        INSERT INTO hr_department (name, complete_name, company_id, active, kinerja_level,
                                   create_uid, write_uid, create_date, write_date)
        SELECT jsonb_build_object('en_US', n), n, %s, true, l, 1, 1,
               now() at time zone 'UTC', now() at time zone 'UTC'
          FROM unnest(%s::text[], %s::text[]) AS u(n, l)
        RETURNING id, complete_name
        """,
        (company.id, names, [level for level, _parent in tree]),
    )
    by_name = {name: unit_id for unit_id, name in cr.fetchall()}
    ids = [by_name[name] for name in names]
    paths = []
    for level_parent in tree:
        parent = level_parent[1]
        prefix = paths[parent] if parent is not None else ""
        paths.append(f"{prefix}{ids[len(paths)]}/")
    parents = [ids[parent] if parent is not None else None for _level, parent in tree]
    cr.execute(
        """
        UPDATE hr_department d
           SET parent_id = u.parent, kinerja_parent_id = u.parent, parent_path = u.path
          FROM unnest(%s::int[], %s::int[], %s::text[]) AS u(id, parent, path)
         WHERE d.id = u.id
        """,
        (ids, parents, paths),
    )

    units = len(ids)
    manager_jabatan = ["jpt_madya"] + [LEVEL_JABATAN[level] for level, _parent in tree[1:]]
    cr.execute(
        """
        WITH r AS (
            INSERT INTO resource_resource (name, resource_type, tz, time_efficiency, active,
                                           company_id, calendar_id, create_uid, write_uid,
                                           create_date, write_date)
            SELECT 'Pegawai ' || lpad(g::text, 5, '0'), 'user', 'Asia/Jakarta', 100, true,
                   %(company)s, %(calendar)s, 1, 1,
                   now() at time zone 'UTC', now() at time zone 'UTC'
              FROM generate_series(0, %(employees)s - 1) AS g
            RETURNING id, name
        ), e AS (
            SELECT r.id, r.name, substr(r.name, 9)::int AS g FROM r
        )
        INSERT INTO hr_employee (resource_id, name, company_id, resource_calendar_id,
                                 department_id, job_title, jabatan_type, jf_jenjang, asn_type,
                                 kinerja_status, tugas_belajar, kinerja_planning_suspended,
                                 employee_type, marital, distance_home_work_unit, active,
                                 create_uid, write_uid, create_date, write_date)
        SELECT e.id, e.name, %(company)s, %(calendar)s,
               (%(units)s::int[])[CASE WHEN e.g < %(n_units)s THEN e.g
                                       ELSE (e.g - %(n_units)s) %% %(n_units)s END + 1],
               CASE WHEN e.g < %(n_units)s THEN 'Kepala Unit'
                    WHEN e.g %% 4 = 0 THEN 'Pejabat Fungsional' ELSE 'Pelaksana' END,
               CASE WHEN e.g < %(n_units)s THEN (%(jabatan)s::text[])[e.g + 1]
                    WHEN e.g %% 4 = 0 THEN 'fungsional' ELSE 'pelaksana' END,
               CASE WHEN e.g >= %(n_units)s AND e.g %% 4 = 0
                    THEN (%(jenjang)s::text[])[(e.g / 4) %% 8 + 1] END,
               'pns', 'aktif', false, false, 'employee', 'single', 'kilometers', true, 1, 1,
               now() at time zone 'UTC', now() at time zone 'UTC'
          FROM e
        """,
        {
            "company": company.id,
            "calendar": calendar.id,
            "employees": args.employees,
            "units": ids,
            "n_units": units,
            "jabatan": manager_jabatan,
            "jenjang": list(JF_JENJANG),
        },
    )
    cr.execute(
        """
        UPDATE hr_department d SET manager_id = e.id
          FROM unnest(%s::int[]) WITH ORDINALITY AS u(id, ord), hr_employee e
         WHERE d.id = u.id AND e.company_id = %s
           AND e.name = 'Pegawai ' || lpad((u.ord - 1)::text, 5, '0')
        """,
        (ids, company.id),
    )
    cr.execute(
        """
        INSERT INTO hr_kinerja_skp (name, employee_id, year_id, company_id, department_id,
                                    job_title, approach, is_leader_form, form, state, set_as,
                                    revision, study_location, tugas_belajar, date_start,
                                    date_end, date_deadline, set_date, create_uid, write_uid,
                                    create_date, write_date)
        SELECT 'SKP ' || e.name || ' ' || %(year)s, e.id, %(year_id)s, %(company)s,
               e.department_id, e.job_title, 'quantitative',
               e.jabatan_type LIKE 'jpt%%',
               CASE WHEN e.jabatan_type LIKE 'jpt%%' THEN 'a_1_2' ELSE 'a_1_7' END,
               'set', 'evaluator', 0, 'domestic', false, %(start)s, %(end)s, %(deadline)s,
               now() at time zone 'UTC', 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM hr_employee e
         WHERE e.company_id = %(company)s AND e.department_id = ANY(%(units)s)
        """,
        {
            "year": args.year,
            "year_id": year.id,
            "company": company.id,
            "units": ids,
            "start": date(args.year, 1, 1),
            "end": date(args.year, 12, 31),
            "deadline": year.date_skp,
        },
    )
    cr.execute("UPDATE hr_kinerja_skp SET origin_id = id WHERE year_id = %s", (year.id,))
    cr.execute("ANALYZE hr_department, resource_resource, hr_employee, hr_kinerja_skp")
    env.invalidate_all()
    env["ir.config_parameter"].sudo().set_param(
        SEED_KEY, json.dumps({"employees": args.employees, "units": args.units, "year": args.year})
    )


# -- shared set-up of a period -------------------------------------------------------
def periods(env, args):
    year = env["hr.kinerja.year"].search(
        [("year", "=", args.year), ("company_id", "=", env.company.id)], limit=1
    )
    months = {p.number: p for p in year.period_ids if p.kind == "month"}
    for period in (months[1], months[2]):
        if period.state not in ("open", "reopened"):
            raise SystemExit(f"{period.display_name} is {period.state}: drop the database")
    return months[1], months[2]


def clear_periods(env, periods_):
    """Remove the benchmark's records from the periods (before and after a run)."""
    cr = env.cr
    env.flush_all()
    ids = list(periods_.ids)
    cr.execute("DELETE FROM hr_kinerja_angka_kredit WHERE period_id = ANY(%s)", (ids,))
    cr.execute("DELETE FROM hr_kinerja_evaluation WHERE period_id = ANY(%s)", (ids,))
    cr.execute("DELETE FROM hr_kinerja_distribution WHERE period_id = ANY(%s)", (ids,))
    cr.execute("DELETE FROM hr_kinerja_org_achievement WHERE period_id = ANY(%s)", (ids,))
    env.invalidate_all()
    cr.commit()  # pylint: disable=invalid-commit
    vacuum(cr.dbname)


def vacuum(dbname, tables=PERIOD_TABLES):
    """VACUUM ANALYZE the emptied tables. Deleted rows leave pages behind: with
    statistics of 0 rows on many pages, the planner believes the table stays empty
    while a step fills it, and the ORM's ``UPDATE ... FROM (VALUES ...)`` turns
    quadratic. VACUUM cannot run in a transaction: its own autocommit connection."""
    _name, params = connection_info_for(dbname)
    connection = psycopg2.connect(**params)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")
    finally:
        connection.close()


def set_achievements(env, period, seed_value):
    """Every unit's organisation achievement for the period (not timed)."""
    rng = random.Random(seed_value)
    units = env["hr.department"].search([("company_id", "=", env.company.id)], order="id")
    values = list(ACHIEVEMENT_WEIGHTS)
    weights = list(ACHIEVEMENT_WEIGHTS.values())
    workflow = addon("models.workflow").workflow
    workflow(env["hr.kinerja.org.achievement"].sudo()).create(
        [
            {
                "department_id": unit.id,
                "period_id": period.id,
                "value": rng.choices(values, weights)[0],
            }
            for unit in units
        ]
    )
    env.flush_all()


def ratings_for(employee_ids, seed_value):
    """{employee id: (result, behaviour)}: the evaluators' choices, fixed by the seed."""
    rng = random.Random(seed_value)
    return {
        employee_id: (
            rng.choices(RATINGS, RESULT_WEIGHTS)[0],
            rng.choices(RATINGS, BEHAVIOUR_WEIGHTS)[0],
        )
        for employee_id in sorted(employee_ids)
    }


# -- measuring -------------------------------------------------------------------------
class Meter:
    def __init__(self, env, profile=0):
        self.env = env
        self.profile = profile
        self.seconds = {}
        self.queries = {}
        self.profiles = {}

    def run(self, key, function):
        """Time ``function`` as one request: from a cold cache to its commit. Then,
        not timed, refresh the planner's statistics of the tables it filled, as
        autovacuum does between one day's work and the next."""
        env = self.env
        env.flush_all()
        env.invalidate_all()
        profiler = cProfile.Profile() if self.profile else None
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = function()
        env.flush_all()
        self.queries[key] = env.cr.sql_log_count - queries
        env.cr.commit()  # pylint: disable=invalid-commit
        if profiler:
            profiler.disable()
        self.seconds[key] = time.perf_counter() - start
        env.cr.execute(f"ANALYZE {', '.join(PERIOD_TABLES)}")
        env.cr.commit()  # pylint: disable=invalid-commit
        if profiler:
            stream = io.StringIO()
            stats = pstats.Stats(profiler, stream=stream)
            stats.sort_stats("cumulative").print_stats(self.profile)
            self.profiles[key] = stream.getvalue()
        return result


# -- the staged reminders (issue 14) ------------------------------------------------------
BENCH_LOGIN = "bench.pegawai."


def ensure_users(env):
    """A user for every employee of the agency without one (SQL, once, not timed):
    the reminders go to people who can log in. They stay (deleting 25,000 partners
    checks every table that refers to one); the batch path runs with them too, as
    in an agency where everyone logs in."""
    cr = env.cr
    cr.execute(
        """
        WITH staff AS (
            SELECT id, name, row_number() OVER (ORDER BY id) AS n
              FROM hr_employee WHERE user_id IS NULL AND company_id = %(company)s
        ), partners AS (
            INSERT INTO res_partner (name, complete_name, company_id, active, type, lang,
                                     tz, email, create_date, write_date)
            SELECT name, name, %(company)s, true, 'contact', 'en_US', 'Asia/Jakarta',
                   %(login)s || n || '@example.com', now(), now()
              FROM staff ORDER BY n
            RETURNING id
        ), numbered AS (
            SELECT id, row_number() OVER (ORDER BY id) AS n FROM partners
        )
        INSERT INTO res_users (login, partner_id, company_id, active, notification_type,
                               share, create_date, write_date)
        SELECT %(login)s || staff.n, numbered.id, %(company)s, true, 'email', false,
               now(), now()
          FROM staff JOIN numbered ON numbered.n = staff.n
        RETURNING id, login
        """,
        {"company": env.company.id, "login": BENCH_LOGIN},
    )
    created = dict(cr.fetchall())
    if not created:
        return []
    cr.execute(
        """
        UPDATE hr_employee e SET user_id = u.id, work_contact_id = u.partner_id
          FROM (SELECT id, partner_id, substr(login, %(skip)s)::int AS n FROM res_users
                 WHERE id = ANY(%(ids)s)) u,
               (SELECT id, row_number() OVER (ORDER BY id) AS n FROM hr_employee
                 WHERE user_id IS NULL AND company_id = %(company)s) staff
         WHERE staff.n = u.n AND e.id = staff.id
        """,
        {"skip": len(BENCH_LOGIN) + 1, "ids": list(created), "company": env.company.id},
    )
    group = env.ref("base.group_user").id
    cr.execute(
        """INSERT INTO res_groups_users_rel (gid, uid) SELECT %s, id FROM unnest(%s::int[]) id;
           INSERT INTO res_company_users_rel (cid, user_id)
           SELECT %s, id FROM unnest(%s::int[]) id""",
        (group, list(created), env.company.id, list(created)),
    )
    cr.execute("ANALYZE res_users, res_partner, hr_employee")
    cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()
    env.registry.clear_cache()
    return list(created)


def ensure_indicators(env):
    """A result plan with two indicators for every SKP without one (SQL, once): what
    the realisations, their reminders and the dashboard count."""
    cr = env.cr
    cr.execute(
        """
        WITH rhk AS (
            INSERT INTO hr_kinerja_rhk (skp_id, company_id, sequence, kind, name,
                                        create_date, write_date)
            SELECT s.id, s.company_id, 10, 'utama', 'Laporan kinerja unit tersusun',
                   now(), now()
              FROM hr_kinerja_skp s
             WHERE NOT EXISTS (SELECT 1 FROM hr_kinerja_rhk r WHERE r.skp_id = s.id)
            RETURNING id, skp_id, company_id
        )
        INSERT INTO hr_kinerja_iki (rhk_id, skp_id, company_id, sequence, aspect, name,
                                    target_value, target_unit, less_is_better,
                                    create_date, write_date)
        SELECT rhk.id, rhk.skp_id, rhk.company_id, n, 'kuantitas', indicator.name, 12,
               indicator.unit, false, now(), now()
          FROM rhk, (VALUES (10, 'Jumlah laporan kegiatan', 'laporan'),
                            (20, 'Jumlah dokumen yang diselesaikan', 'dokumen'))
                    AS indicator(n, name, unit)
        """
    )
    if cr.rowcount:
        cr.execute("UPDATE hr_kinerja_iki SET origin_iki_id = id WHERE origin_iki_id IS NULL")
        cr.execute("ANALYZE hr_kinerja_rhk, hr_kinerja_iki")
        cr.commit()  # pylint: disable=invalid-commit
        env.invalidate_all()


def reminder_run(env, period, meter):
    """The daily reminder run three working days before ``period``'s evaluation date:
    every employee (each with a user, created for the run) owes the period's
    realisations (the bench records none) and, after the batch path, every rated
    evaluation its hand-over. Timed as one request; the rows it adds are deleted
    afterwards."""
    workdays = addon("rules.workdays")
    year = period.year_id
    holidays, weekdays = year._kinerja_holidays(), year._kinerja_weekdays()
    day = period.date_evaluation
    while workdays.working_days_between(day, period.date_evaluation, holidays, weekdays) < 3:
        day = date.fromordinal(day.toordinal() - 1)
    cr = env.cr
    before = {}
    for table in REMINDER_TABLES:
        cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        before[table] = cr.fetchone()[0]
    # The daily to-do job has run that morning, as in production: the month's
    # realisation to-dos exist (untimed); the reminders move them.
    with mock.patch.object(odoo.fields.Date, "context_today", lambda *_args, **_kw: day):
        env["hr.kinerja.realisasi"]._cron_realisation_due()
    cr.commit()  # pylint: disable=invalid-commit
    # what earlier runs deleted, vacuumed as autovacuum would have overnight
    vacuum(cr.dbname, REMINDER_TABLES + MONITORING_TABLES)
    try:
        reminders = meter.run(
            "reminders", lambda: env["hr.kinerja.reminder"]._remind(env.company, day)
        )
        cr.execute("SELECT count(*) FROM mail_mail WHERE id > %s", (before["mail_mail"],))
        mails = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM mail_activity WHERE id > %s", (before["mail_activity"],))
        activities = cr.fetchone()[0]
        return {"reminders": len(reminders), "day": day, "mails": mails, "activities": activities}
    finally:
        cr.rollback()
        for table in REMINDER_TABLES:
            cr.execute(f"DELETE FROM {table} WHERE id > %s", (before[table],))
        cr.commit()  # pylint: disable=invalid-commit


# -- the batch path ---------------------------------------------------------------------
def batch_steps(env, period, meter, seed_value):
    workflow = addon("models.workflow").workflow
    evaluation_model = env["hr.kinerja.evaluation"]
    distribution_model = env["hr.kinerja.distribution"]

    def generate():
        return evaluation_model._generate(period)

    def predicates():
        evaluations = evaluation_model.search([("period_id", "=", period.id)])
        rows = evaluations.read(["employee_id", "led_unit_id", "suggested_result_rating"], load="")
        chosen = ratings_for([row["employee_id"] for row in rows], seed_value)
        groups = defaultdict(list)
        for row in rows:
            result, behaviour = chosen[row["employee_id"]]
            if row["led_unit_id"] and row["suggested_result_rating"]:
                result = row["suggested_result_rating"]  # the unit's achievement (002 D.6.c)
            groups[(result, behaviour)].append(row["id"])
        for (result, behaviour), ids in groups.items():
            evaluation_model.browse(ids).write(
                {"result_rating": result, "behaviour_rating": behaviour}
            )
        evaluations.action_done()
        return evaluations

    def distributions():
        return distribution_model.search([("period_id", "=", period.id)])

    def check():
        records = distributions()
        return {d.id: (d.is_compliant, d.violations) for d in records}

    def propose():
        return distributions()._propose()

    def confirm():
        records = distributions()
        deviating = records.filtered(lambda d: not d.is_compliant)
        workflow(deviating).write({"justification": JUSTIFICATION})
        records.action_confirm()
        return records

    created = meter.run("generate", generate)
    meter.run("predicates", predicates)
    checked = meter.run("check", check)
    proposals = meter.run("propose", propose)
    confirmed = meter.run("confirm", confirm)
    return {
        "evaluations": len(created),
        "distributions": len(checked),
        "compliant": sum(1 for ok, _why in checked.values() if ok),
        "proposals": sum(1 for p in proposals.values() if p is not None),
        "changes": sum(len(p.changes) for p in proposals.values() if p is not None),
        "confirmed": len(confirmed.filtered(lambda d: d.state == "confirmed")),
        "ledger": env["hr.kinerja.angka.kredit"].search_count([("period_id", "=", period.id)]),
    }


# -- the per-record path ----------------------------------------------------------------
def per_record_steps(env, period, employee_ids, meter, seed_value):
    """The same steps, one record at a time, as one request per record would run
    them: each record is browsed on its own (no compute or read is shared with
    another record through prefetching) and its step is written to the database
    (flushed) before the next record's."""
    rule_distribution = addon("rules.distribution")
    rule_proposal = addon("rules.proposal")

    employees = env["hr.employee"]
    skps = env["hr.kinerja.skp"]
    units = env["hr.department"]
    evaluations = env["hr.kinerja.evaluation"]
    distributions = env["hr.kinerja.distribution"]
    achievements = env["hr.kinerja.org.achievement"]
    day = period.date_end

    def evaluator_unit(employee, evaluator):
        unit = employee.department_id
        while unit:
            if units.browse(unit.id)._kinerja_leaders(day)[unit.id] == evaluator:
                return unit
            unit = unit.parent_id
        return units

    def led_unit(employee):
        for unit in units.search(
            [("manager_id", "=", employee.id), ("kinerja_level", "!=", "kelompok")]
        ):
            if unit._kinerja_leaders(day)[unit.id] == employee.id:
                return unit
        return units

    def generate():
        created = []
        for employee_id in employee_ids:
            employee = employees.browse(employee_id)
            skp = skps.search(
                [("employee_id", "=", employee.id), *evaluations._skp_domain(period)],
                order="date_start desc, id desc",
                limit=1,
            )
            if not skp or evaluations.search_count(
                [("employee_id", "=", employee.id), ("period_id", "=", period.id)]
            ):
                continue
            evaluator, superior = employee._kinerja_evaluators(day)[employee.id]
            unit = evaluator_unit(employee, evaluator) if evaluator else units
            led = led_unit(employee)
            distribution = distributions.browse()
            if unit:
                distribution = distributions.search(
                    [("period_id", "=", period.id), ("department_id", "=", unit.id)], limit=1
                ) or distributions.create(
                    {
                        "department_id": unit.id,
                        "period_id": period.id,
                        "leader_id": unit._kinerja_leaders(day)[unit.id],
                    }
                )
            suggestion = evaluations._suggestions(period, [(0, employee.id, skp.id, led.id)])[0]
            evaluation = evaluations.create(
                {
                    "employee_id": employee.id,
                    "period_id": period.id,
                    "skp_id": skp.id,
                    "department_id": skp.department_id.id or employee.department_id.id,
                    "job_title": skp.job_title or employee.job_title,
                    "evaluator_id": evaluator,
                    "evaluator_superior_id": superior,
                    "unit_id": unit.id,
                    "led_unit_id": led.id,
                    "distribution_id": distribution.id,
                    "tugas_belajar": skp.tugas_belajar,
                    "jf_jenjang": employee.jf_jenjang or False,
                    "months": evaluations._months(period, skp),
                    **suggestion,
                }
            )
            created.append(evaluation.id)
            env.flush_all()
        return created

    def predicates():
        chosen = ratings_for(employee_ids, seed_value)
        for evaluation_id in evaluations.search([("period_id", "=", period.id)]).ids:
            evaluation = evaluations.browse(evaluation_id)
            result, behaviour = chosen[evaluation.employee_id.id]
            if evaluation.led_unit_id and evaluation.suggested_result_rating:
                result = evaluation.suggested_result_rating
            evaluation.write({"result_rating": result, "behaviour_rating": behaviour})
            evaluation.action_done()
            env.flush_all()

    def distribution_ids():
        return distributions.search([("period_id", "=", period.id)]).ids

    def achievement_of(distribution):
        return achievements.search(
            [
                ("department_id", "=", distribution.department_id.id),
                ("period_id", "=", period.id),
            ],
            limit=1,
        ).value

    def check():
        checked = {}
        for distribution_id in distribution_ids():
            distribution = distributions.browse(distribution_id)
            members = evaluations.search_read(
                [("distribution_id", "=", distribution.id)], ["predicate", "state"]
            )
            counts = rule_distribution.count_predicates(
                m["predicate"] if m["state"] != "draft" else None for m in members
            )
            achievement = achievement_of(distribution)
            result = rule_distribution.check(achievement, counts) if achievement else None
            checked[distribution_id] = (bool(result and result.ok), distribution._explain(result))
        return checked

    def propose():
        proposals = {}
        for distribution_id in distribution_ids():
            distribution = distributions.browse(distribution_id)
            rows = evaluations.search_read(
                [("distribution_id", "=", distribution.id)],
                ["predicate", "contribution", "state"],
                order="id",
            )
            members = [(r["id"], r["predicate"], r["contribution"]) for r in rows if r["predicate"]]
            achievement = achievement_of(distribution)
            proposals[distribution_id] = (
                rule_proposal.propose(achievement, members) if achievement and members else None
            )
        return proposals

    def confirm():
        for distribution_id in distribution_ids():
            distribution = distributions.browse(distribution_id)
            counts = rule_distribution.count_predicates(
                distribution.evaluation_ids.mapped("predicate")
            )
            if not rule_distribution.check(achievement_of(distribution), counts).ok:
                distribution.write({"justification": JUSTIFICATION})
            distribution.action_confirm()
            env.flush_all()

    created = meter.run("generate", generate)
    meter.run("predicates", predicates)
    checked = meter.run("check", check)
    meter.run("propose", propose)
    meter.run("confirm", confirm)
    return {"evaluations": len(created), "distributions": len(checked)}


def sample_employees(env, reference_period, sample_units, seed_value):
    """Employees whose evaluator leads one of ``sample_units`` random units, read from
    the batch period's evaluations (so that the sampled distributions are whole)."""
    rows = env["hr.kinerja.evaluation"].search_read(
        [("period_id", "=", reference_period.id), ("unit_id", "!=", False)],
        ["employee_id", "unit_id"],
        load="",
    )
    unit_ids = sorted({row["unit_id"] for row in rows})
    if sample_units and sample_units < len(unit_ids):
        chosen = set(random.Random(seed_value).sample(unit_ids, sample_units))
    else:
        chosen = set(unit_ids)
    return sorted(row["employee_id"] for row in rows if row["unit_id"] in chosen), len(chosen)


# -- report ---------------------------------------------------------------------------
def report(batch, per_record, scale, facts, units):
    out()
    out(
        f"{'step':<28}{'batch s':>9}{'per-record s':>14}{'ratio':>8}"
        f"{'batch queries':>15}{'per-record queries':>20}"
    )
    totals = [0.0, 0.0, 0, 0]
    for key, label in STEPS:
        b_s, b_q = batch.seconds[key], batch.queries[key]
        p_s, p_q = per_record.seconds[key] * scale[key], per_record.queries[key] * scale[key]
        totals = [totals[0] + b_s, totals[1] + p_s, totals[2] + b_q, totals[3] + p_q]
        out(f"{label:<28}{b_s:>9.2f}{p_s:>14.2f}{p_s / b_s:>7.1f}x{b_q:>15,}{round(p_q):>20,}")
    ratio = totals[1] / totals[0]
    out(
        f"{'total':<28}{totals[0]:>9.2f}{totals[1]:>14.2f}{ratio:>7.1f}x"
        f"{totals[2]:>15,}{round(totals[3]):>20,}"
    )
    out()
    for line in facts:
        out(line)
    proposal = batch.seconds["propose"]
    out(f"auto-proposal for {units} units: {proposal:.2f} s (target < {TARGET_PROPOSAL:g} s)")
    failed = []
    if ratio < TARGET_RATIO:
        failed.append(f"total ratio {ratio:.1f}x is below the target of {TARGET_RATIO:g}x")
    if proposal >= TARGET_PROPOSAL:
        failed.append(f"auto-proposal took {proposal:.2f} s, the target is < {TARGET_PROPOSAL:g} s")
    for line in failed:
        out(f"TARGET FAILED: {line}")
    if not failed:
        out(f"targets met: {ratio:.1f}x >= {TARGET_RATIO:g}x, proposal < {TARGET_PROPOSAL:g} s")
    return not failed


def dashboard(env, year, day, profile=0):
    """The progress dashboard's data (issue 14) as on ``day``: count every unit x
    period x stage of the year and the predicate curve from the records, then read
    what the kanban's progress bars show, as one request from a cold cache."""
    progress = env["hr.kinerja.progress"]
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    with mock.patch.object(type(progress), "_today", lambda _self: day):
        rows = progress._refresh(year)
    progress._read_group([("year_id", "=", year.id)], ["department_id", "status"], ["expected:sum"])
    env["hr.kinerja.progress.curve"]._read_group(
        [("year_id", "=", year.id)], ["predicate", "series"], ["value:sum"]
    )
    seconds = time.perf_counter() - start
    if profiler:
        profiler.disable()
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(profile)
        out(stream.getvalue())
    queries = env.cr.sql_log_count - queries
    out(
        f"dashboard data ({rows:,} unit x period x stage rows): {seconds:.2f} s, "
        f"{queries} queries (target < {TARGET_DASHBOARD:g} s)"
    )
    if seconds >= TARGET_DASHBOARD:
        out(f"TARGET FAILED: the dashboard's data took {seconds:.2f} s")
        return False
    return True


def batch_run(env, args, batch_period, record_period, batch):
    """The batch path against the per-record loop; True when the targets are met."""
    cr = env.cr
    set_achievements(env, batch_period, args.seed)
    set_achievements(env, record_period, args.seed)
    cr.commit()  # pylint: disable=invalid-commit

    out("batch path...")
    done = batch_steps(env, batch_period, batch, args.seed)
    employee_ids, sample = sample_employees(env, batch_period, args.sample_units, args.seed)
    per_record = Meter(env)
    out(
        f"per-record path on {sample} of {done['distributions']} units "
        f"({len(employee_ids):,} employees)..."
    )
    per = per_record_steps(env, record_period, employee_ids, per_record, args.seed)
    employee_scale = done["evaluations"] / max(per["evaluations"], 1)
    unit_scale = done["distributions"] / max(per["distributions"], 1)
    scale = {
        "generate": employee_scale,
        "predicates": employee_scale,
        "check": unit_scale,
        "propose": unit_scale,
        "confirm": unit_scale,
    }
    facts = [
        f"batch: {done['evaluations']:,} evaluations, {done['distributions']} distributions "
        f"({done['compliant']} follow the pattern as rated), {done['proposals']} proposals "
        f"with {done['changes']:,} changes, {done['confirmed']} confirmed, "
        f"{done['ledger']:,} angka kredit lines",
    ]
    if sample < done["distributions"]:
        facts.append(
            f"per-record: measured on a uniform random sample of {sample} of "
            f"{done['distributions']} units ({per['evaluations']:,} evaluations), "
            f"extrapolated linearly: x{employee_scale:.2f} per-employee steps, "
            f"x{unit_scale:.2f} per-unit steps"
        )
    else:
        facts.append(f"per-record: measured on every unit ({per['evaluations']:,} evaluations)")
    return report(batch, per_record, scale, facts, done["distributions"])


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = Registry(args.database)
    cr = registry.cursor()
    both = None
    try:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        if not seeded(env, args):
            out(f"seeding {args.employees:,} employees in {args.units} units (once)...")
            start = time.perf_counter()
            seed(env, args)
            cr.commit()  # pylint: disable=invalid-commit
            out(f"seeded in {time.perf_counter() - start:.1f} s")
        ensure_users(env)
        ensure_indicators(env)
        batch_period, record_period = periods(env, args)
        both = batch_period | record_period
        clear_periods(env, both)
        company = env.company
        employee_count = env["hr.employee"].search_count(
            [("company_id", "=", company.id), ("jabatan_type", "!=", False)]
        )
        unit_count = env["hr.department"].search_count(
            [("company_id", "=", company.id), ("kinerja_level", "!=", False)]
        )
        out(
            f"agency: {employee_count:,} employees, {unit_count} units, year {args.year}; "
            f"batch in {batch_period.name}, per-record in {record_period.name}"
        )
        ok = True
        batch = Meter(env, args.profile)
        if args.only != "monitoring":
            ok = batch_run(env, args, batch_period, record_period, batch)
        else:  # the month as the batch path leaves it: rated, distributed, confirmed
            set_achievements(env, batch_period, args.seed)
            cr.commit()  # pylint: disable=invalid-commit
            out("batch path (not compared)...")
            batch_steps(env, batch_period, Meter(env), args.seed)
        reminders = Meter(env, args.profile)
        if args.only != "batch":
            run = reminder_run(env, batch_period, reminders)
            seconds = reminders.seconds["reminders"]
            out(
                f"reminder run on {run['day']}: {run['reminders']:,} reminders "
                f"({run['activities']:,} to-dos, {run['mails']:,} e-mails) in {seconds:.2f} s, "
                f"{reminders.queries['reminders']:,} queries (target < {TARGET_REMINDERS:g} s)"
            )
            if seconds >= TARGET_REMINDERS:
                out(f"TARGET FAILED: reminder run {seconds:.2f} s >= {TARGET_REMINDERS:g} s")
                ok = False
            ok = dashboard(env, batch_period.year_id, run["day"], args.profile) and ok
        for key, text in {**batch.profiles, **reminders.profiles}.items():
            out(f"\n== profile of the batch step '{key}' ==")
            out(text)
    finally:
        cr.rollback()
        if both is not None:
            clear_periods(env, both)
        cr.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
