"""Kuadran kinerja: two ratings give one predicate.

Employee quadrant: results (hasil kerja, y axis) x behaviour (perilaku kerja, x axis)
-> predicate (003 section B.3.a.3, table "Penjelasan terhadap kuadran kinerja";
004 item 11). Organisation quadrant: result (perjanjian kinerja and the leader's
expectations, y axis) x process (innovation, x axis) -> annual achievement, same
shape (002 D.4.e). Both are data: an agency may pass a corrected table.
"""

from .constants import (
    BAIK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    ISTIMEWA,
    KURANG,
    RATINGS,
    SANGAT_BAIK,
    SANGAT_KURANG,
    SESUAI,
)

# (results, behaviour) -> predicate.
EMPLOYEE_QUADRANT = {
    (DI_ATAS, DI_ATAS): SANGAT_BAIK,
    (DI_ATAS, SESUAI): BAIK,
    (SESUAI, SESUAI): BAIK,
    (SESUAI, DI_ATAS): BAIK,
    (DI_BAWAH, DI_ATAS): BUTUH_PERBAIKAN,
    (DI_BAWAH, SESUAI): BUTUH_PERBAIKAN,
    (DI_ATAS, DI_BAWAH): KURANG,
    (SESUAI, DI_BAWAH): KURANG,
    (DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
}

# (result, process) -> organisation achievement: the same shape, with Istimewa in
# the Sangat Baik corner (002 D.4.e; the figure is missing from the seed text).
ORG_QUADRANT = {
    (DI_ATAS, DI_ATAS): ISTIMEWA,
    (DI_ATAS, SESUAI): BAIK,
    (SESUAI, SESUAI): BAIK,
    (SESUAI, DI_ATAS): BAIK,
    (DI_BAWAH, DI_ATAS): BUTUH_PERBAIKAN,
    (DI_BAWAH, SESUAI): BUTUH_PERBAIKAN,
    (DI_ATAS, DI_BAWAH): KURANG,
    (SESUAI, DI_BAWAH): KURANG,
    (DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
}


def _lookup(table, y_rating, x_rating, what):
    for rating in (y_rating, x_rating):
        if rating not in RATINGS:
            raise ValueError(f"{rating!r} is not a rating; expected one of {RATINGS}")
    try:
        return table[(y_rating, x_rating)]
    except KeyError:
        raise ValueError(f"The {what} table has no cell for ({y_rating}, {x_rating}).") from None


def employee_predicate(results, behaviour, table=None):
    """Predicate of an employee from the results and behaviour ratings."""
    return _lookup(
        EMPLOYEE_QUADRANT if table is None else table, results, behaviour, "employee quadrant"
    )


def org_achievement(result, process, table=None):
    """Annual organisation achievement from its result and process ratings."""
    return _lookup(
        ORG_QUADRANT if table is None else table, result, process, "organisation quadrant"
    )


def check_table(table, values):
    """Return the problems of a quadrant table an agency corrected: it must have
    exactly the nine cells and only the allowed values."""
    problems = []
    for y in RATINGS:
        for x in RATINGS:
            if (y, x) not in table:
                problems.append(f"missing cell ({y}, {x})")
            elif table[(y, x)] not in values:
                problems.append(f"cell ({y}, {x}) holds {table[(y, x)]!r}")
    extra = set(table) - {(y, x) for y in RATINGS for x in RATINGS}
    problems.extend(f"unknown cell {cell}" for cell in sorted(extra))
    return problems
