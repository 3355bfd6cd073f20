"""Kuadran kinerja: employee predicate and organisation achievement.

Sources: 003 section B.3.a.3 (table "Penjelasan terhadap kuadran kinerja Pegawai",
results on the y axis, behaviour on the x axis); 002 D.4.e for the organisation
quadrant (result x process, Istimewa in the top corner).
"""

import pytest

from rules import quadrant
from rules.constants import (
    ACHIEVEMENTS,
    BAIK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    ISTIMEWA,
    KURANG,
    PREDICATES,
    SANGAT_BAIK,
    SANGAT_KURANG,
    SESUAI,
)

# 003 section B.3.a.3, row by row: (results, behaviour) -> predicate.
EMPLOYEE_CELLS = [
    # 1 Sangat Baik
    (DI_ATAS, DI_ATAS, SANGAT_BAIK),
    # 2 Baik (three cells)
    (DI_ATAS, SESUAI, BAIK),
    (SESUAI, SESUAI, BAIK),
    (SESUAI, DI_ATAS, BAIK),
    # 3 Butuh Perbaikan (two cells)
    (DI_BAWAH, DI_ATAS, BUTUH_PERBAIKAN),
    (DI_BAWAH, SESUAI, BUTUH_PERBAIKAN),
    # 4 Kurang/Misconduct (two cells)
    (DI_ATAS, DI_BAWAH, KURANG),
    (SESUAI, DI_BAWAH, KURANG),
    # 5 Sangat Kurang
    (DI_BAWAH, DI_BAWAH, SANGAT_KURANG),
]


@pytest.mark.parametrize("results, behaviour, expected", EMPLOYEE_CELLS)
def test_employee_quadrant_cell_003_b3a3(results, behaviour, expected):
    """003 B.3.a.3: each of the nine cells of the employee quadrant."""
    assert quadrant.employee_predicate(results, behaviour) == expected


def test_employee_quadrant_axes_are_not_swapped_003_b3a3():
    """003 B.3.a.3: results on y, behaviour on x - good results with poor behaviour
    is Kurang/Misconduct, poor results with good behaviour is Butuh Perbaikan."""
    assert quadrant.employee_predicate(results=DI_ATAS, behaviour=DI_BAWAH) == KURANG
    assert quadrant.employee_predicate(results=DI_BAWAH, behaviour=DI_ATAS) == BUTUH_PERBAIKAN


def test_employee_quadrant_has_exactly_the_nine_cells_003_b3a3():
    """003 B.3.a.3: the shipped table is complete and holds only predicates."""
    assert quadrant.check_table(quadrant.EMPLOYEE_QUADRANT, PREDICATES) == []
    assert quadrant.EMPLOYEE_QUADRANT == {(y, x): p for y, x, p in EMPLOYEE_CELLS}


@pytest.mark.parametrize("result, process, expected", EMPLOYEE_CELLS)
def test_org_quadrant_cell_002_d4e(result, process, expected):
    """002 D.4.e: the organisation quadrant has the employee quadrant's shape, with
    Istimewa where the employee gets Sangat Baik."""
    expected = ISTIMEWA if expected == SANGAT_BAIK else expected
    assert quadrant.org_achievement(result, process) == expected


def test_org_quadrant_only_holds_achievements_002_d4a():
    """002 D.4.a: an organisation achievement is never 'Sangat Baik'."""
    assert quadrant.check_table(quadrant.ORG_QUADRANT, ACHIEVEMENTS) == []
    assert SANGAT_BAIK not in quadrant.ORG_QUADRANT.values()


def test_corrected_employee_table_is_used():
    """Module docstring: an agency may pass a corrected table; it replaces the default."""
    corrected = {**quadrant.EMPLOYEE_QUADRANT, (SESUAI, DI_ATAS): SANGAT_BAIK}
    assert quadrant.employee_predicate(SESUAI, DI_ATAS, table=corrected) == SANGAT_BAIK
    assert quadrant.employee_predicate(SESUAI, DI_ATAS) == BAIK  # default untouched


def test_corrected_org_table_is_used():
    """Module docstring: the organisation quadrant is data too."""
    corrected = {**quadrant.ORG_QUADRANT, (DI_ATAS, SESUAI): ISTIMEWA}
    assert quadrant.org_achievement(DI_ATAS, SESUAI, table=corrected) == ISTIMEWA


def test_corrected_table_missing_a_cell_raises():
    """A corrected table without the cell asked for gives a ValueError, not a KeyError."""
    partial = dict(quadrant.EMPLOYEE_QUADRANT)
    del partial[(DI_BAWAH, DI_BAWAH)]
    with pytest.raises(ValueError, match="no cell"):
        quadrant.employee_predicate(DI_BAWAH, DI_BAWAH, table=partial)


@pytest.mark.parametrize(
    "results, behaviour",
    [("excellent", SESUAI), (SESUAI, "bad"), (None, SESUAI), ("Di Atas Ekspektasi", SESUAI)],
)
def test_bad_rating_raises(results, behaviour):
    """Only the three ratings of 003 Pasal 23-24 are accepted."""
    with pytest.raises(ValueError, match="not a rating"):
        quadrant.employee_predicate(results, behaviour)
    with pytest.raises(ValueError, match="not a rating"):
        quadrant.org_achievement(results, behaviour)


def test_check_table_reports_missing_bad_and_unknown_cells():
    """check_table explains what is wrong with an agency's corrected table."""
    table = dict(quadrant.EMPLOYEE_QUADRANT)
    del table[(DI_ATAS, DI_ATAS)]
    table[(SESUAI, SESUAI)] = ISTIMEWA  # not an employee predicate
    table[("x", "y")] = BAIK
    problems = quadrant.check_table(table, PREDICATES)
    assert problems == [
        "missing cell (di_atas, di_atas)",
        "cell (sesuai, sesuai) holds 'istimewa'",
        "unknown cell ('x', 'y')",
    ]


def test_check_table_rejects_sangat_baik_in_org_table():
    """002 D.4.a: the employee table is not a valid organisation table."""
    problems = quadrant.check_table(quadrant.EMPLOYEE_QUADRANT, ACHIEVEMENTS)
    assert problems == ["cell (di_atas, di_atas) holds 'sangat_baik'"]


def test_an_empty_corrected_table_is_refused_not_replaced():
    """A corrected table that lost its cells is not silently swapped for the default."""
    with pytest.raises(ValueError, match="no cell"):
        quadrant.employee_predicate("sesuai", "sesuai", table={})
