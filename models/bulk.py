"""One INSERT per 1,000 rows, for the few writes that are a whole agency at once
(a period's evaluations, the credit points of its confirmed distributions). The
callers write what the ORM's create would add (related, computed and default
columns) and check what it would check (the period lock, access)."""

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
