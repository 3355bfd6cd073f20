"""Matriks pembagian peran dan hasil: the leader's indicators across, the
subordinates down, in each cell the subordinate's result plans that play a role
for that indicator or "TIDAK ADA PERAN".

Sources: 003 Format A.1.5 (the matrix), 003 Format A.1.7 column (2) "Rencana hasil
kerja pimpinan yang diintervensi" (the leader's RHK a subordinate RHK supports),
003 section B.3.a.1.e (contribution judged from the matrix at evaluation).
"""

import dataclasses

import pytest

from rules.cascade import LeaderIndicator, Matrix, SubordinateRhk, role_matrix

# The leader: RHK "L1" measured by IKI 1 and IKI 2, RHK "L2" by IKI 3 (the three
# "INDIKATOR KINERJA INDIVIDU" columns of Format A.1.5).
LEADER = [
    LeaderIndicator("iki1", "L1"),
    LeaderIndicator("iki2", "L1"),
    LeaderIndicator("iki3", "L2"),
]


def test_rhk_supporting_a_leader_rhk_plays_a_role_for_each_of_its_indicators():
    """003 Format A.1.5 row 2 and Format A.1.7 column (2): an RHK that intervenes in a
    leader's RHK without naming an indicator fills every column of that RHK."""
    matrix = role_matrix(LEADER, [SubordinateRhk("r1", "ani", parent_rhk_id="L1")])
    assert matrix.roles("ani", "iki1") == ("r1",)
    assert matrix.roles("ani", "iki2") == ("r1",)
    assert matrix.roles("ani", "iki3") == ()


def test_rhk_naming_an_indicator_plays_a_role_for_that_indicator_only():
    """003 Format A.1.5: "PERAN HASIL (RENCANA KINERJA) 1" under one indicator column."""
    matrix = role_matrix(
        LEADER, [SubordinateRhk("r1", "ani", parent_rhk_id="L1", parent_indicator_id="iki2")]
    )
    assert matrix.cells == {("ani", "iki2"): ("r1",)}
    assert matrix.roles("ani", "iki1") == ()


def test_named_indicator_wins_over_the_rhk():
    """003 Format A.1.5: the indicator named is the column, even when the RHK given
    is another of the leader's."""
    matrix = role_matrix(
        LEADER, [SubordinateRhk("r1", "ani", parent_rhk_id="L1", parent_indicator_id="iki3")]
    )
    assert matrix.cells == {("ani", "iki3"): ("r1",)}


def test_unknown_indicator_falls_back_to_the_leader_rhk():
    """003 Format A.1.7 column (2): the leader's RHK is what is intervened; an indicator
    that is not one of this leader's columns leaves the RHK's columns."""
    matrix = role_matrix(
        LEADER, [SubordinateRhk("r1", "ani", parent_rhk_id="L2", parent_indicator_id="gone")]
    )
    assert matrix.cells == {("ani", "iki3"): ("r1",)}
    assert matrix.orphans == ()


def test_empty_cell_is_no_role():
    """003 Format A.1.5 row 2: "TIDAK ADA PERAN" - an empty cell, no result plan."""
    matrix = role_matrix(LEADER, [SubordinateRhk("r1", "ani", parent_rhk_id="L2")])
    assert matrix.roles("ani", "iki1") == ()
    assert matrix.roles("ani", "iki2") == ()
    assert matrix.roles("nobody", "iki3") == ()
    assert ("ani", "iki1") not in matrix.cells


def test_several_rhk_of_one_employee_share_a_cell_in_order():
    """003 Format A.1.5 row 3: an employee may play several roles ("PERAN HASIL 1, 2")
    under the same indicator, listed in the order of their result plans."""
    matrix = role_matrix(
        LEADER,
        [
            SubordinateRhk("r2", "ani", parent_rhk_id="L1"),
            SubordinateRhk("r1", "ani", parent_rhk_id="L1", parent_indicator_id="iki1"),
        ],
    )
    assert matrix.roles("ani", "iki1") == ("r2", "r1")
    assert matrix.roles("ani", "iki2") == ("r2",)


def test_unsupported_indicators_are_gaps_in_column_order():
    """003 Format A.1.5 and section B.3.a.1.e: an indicator of the leader that no
    subordinate plays a role for is a gap to fix before the SKPs are set."""
    matrix = role_matrix(LEADER, [SubordinateRhk("r1", "ani", parent_indicator_id="iki2")])
    assert matrix.unsupported == ("iki1", "iki3")
    everyone = role_matrix(
        LEADER,
        [
            SubordinateRhk("r1", "ani", parent_rhk_id="L1"),
            SubordinateRhk("r2", "budi", parent_rhk_id="L2"),
        ],
    )
    assert everyone.unsupported == ()


def test_without_subordinates_every_indicator_is_unsupported():
    """003 Format A.1.5: a leader's matrix with no subordinate row."""
    matrix = role_matrix(LEADER, [])
    assert matrix.indicators == ("iki1", "iki2", "iki3")
    assert matrix.employees == ()
    assert matrix.cells == {}
    assert matrix.unsupported == ("iki1", "iki2", "iki3")
    assert matrix.orphans == ()


def test_rhk_supporting_nothing_of_this_leader_is_an_orphan():
    """003 Format A.1.7 column (2): a subordinate RHK that intervenes in none of the
    leader's RHKs (no link, another leader's RHK, an RHK without indicators) has no
    column in the matrix."""
    leader = [*LEADER, LeaderIndicator("iki4", "L3")]
    matrix = role_matrix(
        leader,
        [
            SubordinateRhk("free", "ani"),
            SubordinateRhk("elsewhere", "ani", parent_rhk_id="other-leader"),
            SubordinateRhk("bare", "budi", parent_rhk_id="L-without-iki"),
            SubordinateRhk("ok", "budi", parent_rhk_id="L3"),
        ],
    )
    assert matrix.orphans == ("free", "elsewhere", "bare")
    assert matrix.cells == {("budi", "iki4"): ("ok",)}
    assert matrix.employees == ("ani", "budi")


def test_employee_without_rhk_has_a_row_of_no_role():
    """003 Format A.1.5: every subordinate has a row, even before writing an RHK."""
    matrix = role_matrix(
        LEADER, [SubordinateRhk("r1", "budi", parent_rhk_id="L2")], employees=["ani", "budi"]
    )
    assert matrix.employees == ("ani", "budi")
    assert all(matrix.roles("ani", indicator) == () for indicator in matrix.indicators)
    assert matrix.unsupported == ("iki1", "iki2")


def test_rows_follow_the_employees_given_then_first_appearance():
    """003 Format A.1.5: one row per subordinate, none repeated."""
    matrix = role_matrix(
        LEADER,
        [
            SubordinateRhk("r1", "citra", parent_rhk_id="L1"),
            SubordinateRhk("r2", "ani", parent_rhk_id="L1"),
            SubordinateRhk("r3", "citra", parent_rhk_id="L2"),
            SubordinateRhk("r4", "dedi", parent_rhk_id="L2"),
        ],
        employees=["budi", "ani", "budi"],
    )
    assert matrix.employees == ("budi", "ani", "citra", "dedi")


def test_columns_keep_the_leader_order():
    """003 Format A.1.5: "INDIKATOR KINERJA INDIVIDU 1, 2, 3" in the leader's order."""
    reversed_leader = list(reversed(LEADER))
    matrix = role_matrix(reversed_leader, [])
    assert matrix.indicators == ("iki3", "iki2", "iki1")
    assert matrix.unsupported == ("iki3", "iki2", "iki1")


def test_matrix_accepts_iterators_and_is_immutable():
    """The matrix is a value: built once from any iterable, not changed afterwards."""
    matrix = role_matrix(iter(LEADER), iter([SubordinateRhk("r1", "ani", parent_rhk_id="L2")]))
    assert isinstance(matrix, Matrix)
    assert matrix.indicators == ("iki1", "iki2", "iki3")
    assert all(isinstance(value, tuple) for value in matrix.cells.values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        matrix.orphans = ("x",)
