"""The auto-proposal of a unit's distribution (002 D.5.c): fewest changes, proven
against brute force, and who changes first."""

import random
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
    # an exempt unit (Sangat Kurang, two people) enforces only the "no" rules
    single, groups = proposal.bounds("sangat_kurang", 2)
    assert single["sangat_baik"] == (0, 0)
    assert single["sangat_kurang"] == (0, 2)
    assert groups == {}
    # a unit of four can meet the pattern: 60% of 4 -> 3 Sangat Kurang, 10% -> 1
    single, groups = proposal.bounds("sangat_kurang", 4)
    assert single["sangat_baik"] == (0, 0)
    assert single["sangat_kurang"] == (3, 4)
    assert groups == {frozenset({"kurang", "butuh_perbaikan"}): (1, 4)}


# --- Who gets which predicate: contribution decides (002 D.6.b; 003 B.3.a.1.e) -------


def _final(employees, result):
    final = {key: predicate for key, predicate, _score in employees}
    for change in result.changes:
        final[change.key] = change.new
    return final


def _reason_is_true(change, employees, final):
    """Each claim of a change's reason, checked against the outcome."""
    rank = proposal.RANK
    score = {key: s for key, _p, s in employees}
    same = [key for key, p, _s in employees if p == change.old]
    me = score[change.key]
    raised = rank[change.new] < rank[change.old]
    params = change.params
    counts = distribution.count_predicates(p for _k, p, _s in employees)
    targets = distribution.count_predicates(final.values())
    assert params["have_old"] == counts[change.old] and params["have_new"] == counts[change.new]
    assert params["target_old"] == targets[change.old]
    assert params["target_new"] == targets[change.new]
    # "with the fewest changes that meet the pattern": checked by the caller

    def moved_same_way(key):
        return (rank[final[key]] < rank[change.old]) == raised and final[key] != change.old

    movers = [key for key in same if moved_same_way(key)]
    others = [key for key in same if key not in movers]
    if change.reason in (proposal.RAISED, proposal.LOWERED):
        # "one of the highest (lowest) contributors among <old>": some keep it or
        # move the other way, and none of them contributes more (less)
        assert others
        assert all(score[o] <= me if raised else score[o] >= me for o in others)
        assert len({final[m] for m in movers}) == 1
    elif change.reason in (proposal.RAISED_ALL, proposal.LOWERED_ALL):
        # "every <old> is raised (lowered)", all to one predicate
        assert movers == same and len({final[m] for m in movers}) == 1
    elif change.reason in (proposal.RAISED_FURTHEST, proposal.LOWERED_FURTHEST):
        # "raised (lowered) furthest, as one of the <moved_new> highest (lowest)
        # contributors among the <have_old> <old>"
        here = [key for key in same if final[key] == change.new]
        assert len(here) == params["moved_new"] and len({final[m] for m in movers}) > 1
        best = min if raised else max
        assert best((final[m] for m in movers), key=rank.get) == change.new
        rest = [key for key in same if key not in here]
        assert all(
            score[h] >= score[r] if raised else score[h] <= score[r] for h in here for r in rest
        )
    else:
        # "raised (lowered) only to <new>, as the <further_count> highest (lowest)
        # contributors among <old> go further, to <further>"
        assert change.reason in (proposal.RAISED_LESS, proposal.LOWERED_LESS)
        further = [
            key
            for key in movers
            if (
                rank[final[key]] < rank[change.new]
                if raised
                else rank[final[key]] > rank[change.new]
            )
        ]
        assert further and len(further) == params["further_count"]
        names = {distribution.PREDICATE_NAMES[final[key]] for key in further}
        assert set(params["further"].split(" and ")) == names
        rest = [key for key in same if key not in further]
        assert all(
            score[f] >= score[r] if raised else score[f] <= score[r] for f in further for r in rest
        )
    return True


def _check_monotone(employees, final):
    """Among employees who had the same predicate, a higher contributor never ends
    below a lower one (so, read the other way, a lower one never ends above)."""
    rank = proposal.RANK
    for key_a, old_a, score_a in employees:
        for key_b, old_b, score_b in employees:
            if old_a == old_b and score_a > score_b:
                assert rank[final[key_a]] <= rank[final[key_b]], (key_a, key_b)


def test_contribution_decides_who_gets_which_predicate_on_random_units():
    """Property over 600 seeded random units of 1-12 people and every achievement
    (002 D.6.b; 003 B.3.a.1.e: contribution decides): the proposal keeps the fewest
    changes and meets the pattern; among employees who had the same predicate a
    higher contributor never ends below a lower one (lowering) and a lower one never
    ends above a higher one (raising); every reason is true of its employee."""
    rng = random.Random(11)
    for unit in range(600):
        n = rng.randint(1, 12)
        achievement = ACHIEVEMENTS[unit % len(ACHIEVEMENTS)]
        weights = [rng.random() for _p in PREDICATES]
        employees = [(i, rng.choices(PREDICATES, weights)[0], rng.randint(0, 20)) for i in range(n)]
        result = proposal.propose(achievement, employees)
        assert result.feasible, (achievement, employees)
        final = _final(employees, result)
        counts = distribution.count_predicates(p for _k, p, _s in employees)
        assert len(result.changes) == n - proposal._kept(result.targets, counts)
        assert distribution.check(achievement, distribution.count_predicates(final.values())).ok
        _check_monotone(employees, final)
        for change in result.changes:
            assert _reason_is_true(change, employees, final), change.message


def test_kurang_unit_of_five_baik_lowers_the_lowest_furthest_002_d6b_003_b3a1e():
    """Issue example: a Kurang unit of 5, all Baik, contributions 100/90/80/70/60.
    The pattern needs 3 Kurang and 1 Butuh Perbaikan (002 D.5.c.4); contribution
    decides who (002 D.6.b; 003 B.3.a.1.e): 60, 70 and 80 go to Kurang, 90 only to
    Butuh Perbaikan, 100 stays Baik."""
    employees = [(score, "baik", score) for score in (100, 90, 80, 70, 60)]
    result = proposal.propose("kurang", employees)
    assert {c.key: c.new for c in result.changes} == {
        90: "butuh_perbaikan",
        80: "kurang",
        70: "kurang",
        60: "kurang",
    }
    messages = {c.key: c.message for c in result.changes}
    assert "lowered furthest, as one of the 3 lowest contributors among the 5 Baik" in messages[60]
    assert "lowered only to Butuh Perbaikan, as the 3 lowest contributors" in messages[90]


def test_butuh_perbaikan_unit_of_five_sangat_baik_002_d6b_003_b3a1e():
    """Issue example: a Butuh Perbaikan unit of 5, all Sangat Baik. No Sangat Baik
    may stay (10% of 5 is 0.5) and 3 must be Butuh Perbaikan (002 D.5.c.3): the
    bottom three go to Butuh Perbaikan, the top two only to Baik, and nobody's reason
    calls the top contributor "one of the lowest contributors"."""
    employees = [(score, "sangat_baik", score) for score in (100, 90, 80, 70, 60)]
    result = proposal.propose("butuh_perbaikan", employees)
    assert {c.key: c.new for c in result.changes} == {
        100: "baik",
        90: "baik",
        80: "butuh_perbaikan",
        70: "butuh_perbaikan",
        60: "butuh_perbaikan",
    }
    top = next(c for c in result.changes if c.key == 100)
    assert "one of the lowest contributors" not in top.message
    assert top.message.startswith(
        "Sangat Baik to Baik: lowered only to Baik, as the 3 lowest contributors among "
        "Sangat Baik go further, to Butuh Perbaikan;"
    )


def test_raising_to_several_predicates_raises_the_highest_furthest_002_d6b():
    """Symmetric case: an Istimewa unit of 5 Butuh Perbaikan needs 3 Sangat Baik
    (more than half, at most 70%); with fewest changes 3 move, and the highest
    contributors are the ones raised (002 D.6.b; 003 B.3.a.1.e)."""
    employees = [(s, "butuh_perbaikan", s) for s in (10, 50, 30, 40, 20)]
    result = proposal.propose("istimewa", employees)
    final = _final(employees, result)
    _check_monotone(employees, final)
    assert {key for key, p in final.items() if p == "sangat_baik"} == {50, 40, 30}
