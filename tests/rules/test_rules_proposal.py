"""The auto-proposal of a unit's distribution (002 D.5.c): fewest changes, proven
against brute force, and who changes first."""

from functools import cache
from itertools import product

import pytest

from rules import distribution, proposal
from rules.constants import ACHIEVEMENTS, PREDICATES


@cache
def _fits(achievement, counts):
    return distribution.check(achievement, dict(zip(PREDICATES, counts, strict=True))).ok


@cache
def _valid_assignments(achievement, n):
    """Every assignment of predicates to n people that satisfies the pattern."""
    return [
        assignment
        for assignment in product(PREDICATES, repeat=n)
        if _fits(achievement, tuple(assignment.count(p) for p in PREDICATES))
    ]


def _brute_force_fewest_changes(achievement, predicates):
    """Try every assignment of predicates to the people of the unit."""
    distances = [
        sum(a != b for a, b in zip(assignment, predicates, strict=True))
        for assignment in _valid_assignments(achievement, len(predicates))
    ]
    return min(distances) if distances else None


def _count_level_fewest_changes(achievement, predicates):
    """Every count vector that fits, each keeping min(current, target) people."""
    n = len(predicates)
    counts = [predicates.count(p) for p in PREDICATES]
    best = None
    for head in product(range(n + 1), repeat=4):
        if sum(head) <= n:
            target = (*head, n - sum(head))
            if _fits(achievement, target):
                kept = sum(min(a, t) for a, t in zip(counts, target, strict=True))
                best = n - kept if best is None else min(best, n - kept)
    return best


def _units(n):
    """Every multiset of predicates for n people (the order does not matter)."""
    for head in product(range(n + 1), repeat=4):
        if sum(head) <= n:
            counts = (*head, n - sum(head))
            yield tuple(p for p, c in zip(PREDICATES, counts, strict=True) for _ in range(c))


@pytest.mark.parametrize("achievement", ACHIEVEMENTS)
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7, 8])
def test_fewest_changes_equals_brute_force(achievement, n):
    """For every unit of up to eight people and every achievement, the proposal
    changes exactly as few people as the best of all 5^n assignments (up to five
    people; beyond, the best of all count vectors, which the assignment-level brute
    force justifies), and the proposed distribution satisfies the pattern (002 D.5.c)."""
    brute = _brute_force_fewest_changes if n <= 5 else _count_level_fewest_changes
    for predicates in _units(n):
        employees = [(index, p, 0) for index, p in enumerate(predicates)]
        result = proposal.propose(achievement, employees)
        expected = brute(achievement, predicates)
        assert result.feasible == (expected is not None)
        assert len(result.changes) == expected, (achievement, predicates)
        final = list(predicates)
        for change in result.changes:
            assert final[change.key] == change.old
            final[change.key] = change.new
        assert distribution.check(achievement, distribution.count_predicates(final)).ok
        assert distribution.count_predicates(final) == result.targets


@pytest.mark.parametrize("n", [10, 23, 40])
def test_larger_units_reach_the_pattern_with_the_counted_changes(n):
    """From 5 people on every pattern is reachable; the number of changes is
    n minus the people who can keep their predicate."""
    predicates = [PREDICATES[i % 5] for i in range(n)]
    employees = [(i, p, i) for i, p in enumerate(predicates)]
    for achievement in ACHIEVEMENTS:
        result = proposal.propose(achievement, employees)
        assert result.feasible
        counts = distribution.count_predicates(predicates)
        kept = sum(min(counts[k], result.targets[k]) for k in PREDICATES)
        assert len(result.changes) == n - kept
        assert distribution.check(achievement, result.targets).ok


def test_no_change_when_the_unit_already_fits():
    employees = [
        (i, p, i) for i, p in enumerate(["baik"] * 7 + ["sangat_baik", "butuh_perbaikan", "kurang"])
    ]
    result = proposal.propose("baik", employees)
    assert result.feasible and not result.changes and not result.violations


def test_lowering_takes_the_lowest_contributors_first():
    """A Butuh Perbaikan unit allows at most 10% Sangat Baik: of three Sangat Baik in a
    unit of ten, the two lowest contributors are the ones lowered (002 D.5.c.3)."""
    employees = [("a", "sangat_baik", 90), ("b", "sangat_baik", 40), ("c", "sangat_baik", 70)]
    employees += [(f"e{i}", "butuh_perbaikan", 50) for i in range(7)]
    result = proposal.propose("butuh_perbaikan", employees)
    assert {c.key for c in result.changes} == {"b", "c"}
    assert all(c.old == "sangat_baik" and c.new == "baik" for c in result.changes)
    assert "lowest contributors" in result.changes[0].message


def test_raising_takes_the_highest_contributors_first():
    """An Istimewa unit: most - more than half - Sangat Baik (002 D.5.c.1); with ten
    Baik, the six highest contributors are raised."""
    employees = [
        (f"e{i}", "baik", score) for i, score in enumerate([5, 9, 1, 7, 3, 8, 2, 6, 4, 10])
    ]
    result = proposal.propose("istimewa", employees)
    raised = {c.key for c in result.changes if c.new == "sangat_baik"}
    assert raised == {"e9", "e1", "e5", "e3", "e7", "e0"}  # scores 10, 9, 8, 7, 6, 5
    assert "highest contributors" in result.changes[0].message
    assert result.targets["sangat_baik"] == 6


def test_violations_explain_why_changes_are_needed():
    employees = [(i, "baik", i) for i in range(10)]
    result = proposal.propose("baik", employees)
    messages = " ".join(v.message for v in result.violations)
    assert "at most 7" in messages and "There must be at least one" in messages
    assert len(result.changes) == 3


def test_infeasible_guidance_says_why():
    """An agency's corrected guidance can be impossible for a unit: the proposal says
    so and why, instead of guessing."""
    guidance = dict(distribution.GUIDANCE)
    guidance["baik"] = (
        distribution.Rule(distribution.MIN_SHARE, ("baik",), distribution.Fraction(6, 10)),
        distribution.Rule(distribution.MIN_SHARE, ("sangat_baik",), distribution.Fraction(6, 10)),
    )
    employees = [(i, "baik", i) for i in range(10)]
    result = proposal.propose("baik", employees, guidance=guidance)
    assert not result.feasible and not result.changes
    assert "No distribution of 10 employees" in result.explanation
    assert "At least 60%" in result.explanation


def test_unknown_predicate_refused():
    with pytest.raises(ValueError):
        proposal.propose("baik", [(1, "luar_biasa", 0)])


def test_bounds_of_a_baik_unit_of_six_002_d5c():
    """Most (> 3) and at most 70% (<= 4.2 -> 4) Baik; at least one BP and/or Kurang."""
    single, groups = proposal.bounds("baik", 6)
    assert single["baik"] == (4, 4)
    assert single["sangat_baik"] == (0, 6)
    assert groups == {frozenset({"butuh_perbaikan", "kurang"}): (1, 6)}
    # a unit of four enforces only the "no" rules
    single, groups = proposal.bounds("sangat_kurang", 4)
    assert single["sangat_baik"] == (0, 0)
    assert single["sangat_kurang"] == (0, 4)
    assert groups == {}
