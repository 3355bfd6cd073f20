"""One INSERT per 1,000 rows, for the few writes that are a whole agency at once
(a period's evaluations, the credit points of its confirmed distributions). The
callers write what the ORM's create would add (related, computed and default
columns) and check what it would check (the period lock, access)."""

from datetime import date, datetime

from odoo.tools import SQL

CHUNK = 1000


def insert(env, table, columns, rows):
    """Insert ``rows`` (sequences of values in the order of ``columns``) into
    ``table`` with the audit columns; returns the new ids in order."""
    columns = [*columns, "create_uid", "write_uid", "create_date", "write_date"]
    ids = []
    for start in range(0, len(rows), CHUNK):
        values = SQL(", ").join(
            SQL(
                "(%s, now() at time zone 'UTC', now() at time zone 'UTC')",
                SQL(", ").join([*row, env.uid, env.uid]),
            )
            for row in rows[start : start + CHUNK]
        )
        env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) VALUES %s RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(c) for c in columns),
                values,
            )
        )
        ids.extend(row[0] for row in env.cr.fetchall())
    return ids


def array(values, pgtype):
    """``values`` as one array constant of ``pgtype`` (``'{1,2}'::int[]``) for
    ``unnest``: PostgreSQL parses a list adapted by psycopg2 (``ARRAY[1, 2]``) one
    element at a time, which made most of inserting the dashboard's rows."""
    if pgtype in ("int", "int4"):  # the most of them: written without a call per element
        text = ",".join("NULL" if value is None else str(value) for value in values)
    else:
        text = ",".join(_element(value) for value in values)
    return SQL("%s::%s[]", "{" + text + "}", SQL(pgtype))


def _element(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        value = value.isoformat(sep=" ")
    elif isinstance(value, date):
        value = value.isoformat()
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def insert_rows(model, columns, rows):
    """Insert ``rows`` (sequences of values in the order of ``columns``, fields of
    ``model``) into ``model``'s table with the audit columns, in one statement:
    each column an array constant (``array``) that ``unnest`` spreads. Returns
    the new ids in order."""
    if not rows:
        return []
    env = model.env
    names = [*columns, "create_uid", "write_uid"]
    arrays = [
        array([row[index] for row in rows], model._fields[name].column_type[1])
        for index, name in enumerate(columns)
    ]
    arrays += [array([env.uid] * len(rows), "int")] * 2
    env.cr.execute(
        SQL(
            "INSERT INTO %(table)s (%(names)s, create_date, write_date)"
            " SELECT %(values)s, now() at time zone 'UTC', now() at time zone 'UTC'"
            " FROM unnest(%(arrays)s) WITH ORDINALITY AS v(%(values)s, ord)"
            " ORDER BY ord RETURNING id",
            table=SQL.identifier(model._table),
            names=SQL(", ").join(SQL.identifier(name) for name in names),
            values=SQL(", ").join(SQL.identifier(name) for name in names),
            arrays=SQL(", ").join(arrays),
        )
    )
    return [row[0] for row in env.cr.fetchall()]


def columns_of(model):
    """The columns of ``model``'s own table (no id, no inherited field)."""
    return [
        name
        for name, field in model._fields.items()
        if field.store and field.column_type and not field.inherited and name != "id"
    ]


def insert_like(env, record, rows):
    """Insert copies of ``record``'s row, one per dict of ``rows`` (the columns that
    differ, the same keys in every dict): the other columns, defaults included,
    are those the ORM wrote for ``record``. One statement; returns the new ids in
    order."""
    if not rows:
        return []
    changed = list(rows[0])
    columns = [c for c in columns_of(record) if c not in changed]
    arrays = [
        array([row[name] for row in rows], record._fields[name].column_type[1]) for name in changed
    ]
    env.cr.execute(
        SQL(
            "INSERT INTO %(table)s (%(columns)s) SELECT %(source)s"
            " FROM %(table)s t, unnest(%(arrays)s) WITH ORDINALITY AS v(%(changed)s, ord)"
            " WHERE t.id = %(id)s ORDER BY v.ord RETURNING id",
            table=SQL.identifier(record._table),
            columns=SQL(", ").join(SQL.identifier(c) for c in [*columns, *changed]),
            source=SQL(", ").join(
                [
                    *(SQL.identifier("t", c) for c in columns),
                    *(SQL.identifier("v", c) for c in changed),
                ]
            ),
            arrays=SQL(", ").join(arrays),
            changed=SQL(", ").join(SQL.identifier(c) for c in changed),
            id=record.id,
        )
    )
    return [row[0] for row in env.cr.fetchall()]


def cache_table(model, indexed=("year_id",)):
    """Create or adapt the table of ``model``, a cache the server rebuilds in bulk
    (``_auto = False``): the columns of its stored fields, an index on ``indexed``,
    and no foreign key. A foreign key or an index costs each row written: the
    ORM's four keys and three indexes made most of rebuilding the dashboard's
    17,000 rows. The rows are rebuilt on every count; what they point at and is
    deleted takes them along (``forget``)."""
    cr = model.env.cr
    table = model._table
    cr.execute(SQL("CREATE TABLE IF NOT EXISTS %s (id SERIAL PRIMARY KEY)", SQL.identifier(table)))
    for name in columns_of(model):
        cr.execute(
            SQL(
                "ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s %s",
                SQL.identifier(table),
                SQL.identifier(name),
                SQL(model._fields[name].column_type[1]),
            )
        )
    # what the ORM made before the model became a cache
    cr.execute(
        SQL(
            "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = %s::regclass",
            table,
        )
    )
    for (name,) in cr.fetchall():
        cr.execute(
            SQL("ALTER TABLE %s DROP CONSTRAINT %s", SQL.identifier(table), SQL.identifier(name))
        )
    wanted = {f"{table}__{name}_index": name for name in indexed}
    cr.execute(
        SQL(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname != %s",
            table,
            f"{table}_pkey",
        )
    )
    for (name,) in cr.fetchall():
        if name not in wanted:
            cr.execute(SQL("DROP INDEX %s", SQL.identifier(name)))
    for index, name in wanted.items():
        cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (%s)",
                SQL.identifier(index),
                SQL.identifier(table),
                SQL.identifier(name),
            )
        )


def forget(env, field, ids):
    """Delete the rows of the caches (``cache_table``) that point at the records
    ``ids`` through ``field``, as the foreign keys they lack would."""
    for model in ("hr.kinerja.progress", "hr.kinerja.progress.curve"):
        env.cr.execute(
            SQL(
                "DELETE FROM %s WHERE %s = ANY(%s)",
                SQL.identifier(env[model]._table),
                SQL.identifier(field),
                list(ids),
            )
        )
        env[model].invalidate_model()
