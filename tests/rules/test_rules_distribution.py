"""Pola distribusi: the distribution guidance of employee predicates in a unit.

Source: 002 D.5.c 1-5 (SE MenPANRB 3/2023 as restated by Aceh Timur), the
"sebagai pertimbangan" of 002 D.5.b, and the counting rule stated in the module
docstring of ``rules.distribution``: floor for "at most", ceil for "at least",
more than half for "most", >= 1 for "there must be", 0 for "no"; a unit of 1-4
people whose pattern no distribution can meet in whole people gets notes, except
for the "no" rules; every other unit is checked in full.
"""

import itertools
from fractions import Fraction

import pytest

from rules import distribution as dist
from rules.constants import (
    ACHIEVEMENTS,
    BAIK,
    BUTUH_PERBAIKAN,
    ISTIMEWA,
    KURANG,
    PREDICATES,
    SANGAT_BAIK,
    SANGAT_KURANG,
)

SB, B, BP, K, SK = SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG


def counts(sb=0, b=0, bp=0, k=0, sk=0):
    return {SB: sb, B: b, BP: bp, K: k, SK: sk}


def kinds(findings):
    return sorted(f.rule.code for f in findings)


def compositions(n):
    """Every way to spread n people over the five predicates."""
    for cut in itertools.combinations(range(n + 4), 4):
        parts, prev = [], -1
        for c in cut:
            parts.append(c - prev - 1)
            prev = c
        parts.append(n + 3 - prev)
        yield dict(zip(PREDICATES, parts, strict=True))


def satisfies_all(achievement, composition):
    n = sum(composition.values())
    return all(
        rule.holds(sum(composition[p] for p in rule.predicates), n)
        for rule in dist.GUIDANCE[achievement]
    )


# --- 002 D.5.c.1: Istimewa - most (at most 70%) Sangat Baik -------------------------


def test_istimewa_seven_of_ten_sangat_baik_ok_002_d5c1():
    """002 D.5.c.1: 70% of 10 is exactly 7, so 7 Sangat Baik is allowed."""
    result = dist.check(ISTIMEWA, counts(sb=7, b=3))
    assert result.ok and result.violations == () and result.notes == ()


def test_istimewa_eight_of_ten_violates_70_percent_002_d5c1():
    """002 D.5.c.1: 8 of 10 Sangat Baik exceeds 'maksimal 70%'."""
    result = dist.check(ISTIMEWA, counts(sb=8, b=2))
    assert not result.ok
    assert kinds(result.violations) == ["max_share:sangat_baik"]
    (violation,) = result.violations
    assert violation.count == 8
    assert violation.message == (
        "At most 70% of the employees may be Sangat Baik: 70% of 10 is 7, "
        "so at most 7; there are 8."
    )


def test_istimewa_five_of_ten_violates_most_002_d5c1():
    """002 D.5.c.1: 'sebagian besar' is more than half - 5 of 10 is not enough."""
    result = dist.check(ISTIMEWA, counts(sb=5, b=5))
    assert kinds(result.violations) == ["most:sangat_baik"]
    message = result.violations[0].message
    assert message == (
        "Most employees should be Sangat Baik: more than half of 10 is 6, but 5 are."
    )


def test_istimewa_at_most_rounds_down_002_d5c1():
    """Counting rule: 70% of 9 is 6.3, so at most 6 (floor) - 7 violates."""
    assert dist.check(ISTIMEWA, counts(sb=6, b=3)).ok
    result = dist.check(ISTIMEWA, counts(sb=7, b=2))
    assert kinds(result.violations) == ["max_share:sangat_baik"]
    assert "70% of 9 is 6.3, so at most 6; there are 7." in result.violations[0].message


def test_istimewa_most_of_odd_unit_002_d5c1():
    """Counting rule: more than half of 9 is 5 (4.5 is not a person)."""
    assert dist.check(ISTIMEWA, counts(sb=5, b=4)).ok
    result = dist.check(ISTIMEWA, counts(sb=4, b=5))
    assert kinds(result.violations) == ["most:sangat_baik"]


def test_istimewa_rest_may_be_any_predicate_002_d5c1():
    """002 D.5.c.1: the others 'dapat memiliki' any predicate, even Sangat Kurang."""
    assert dist.check(ISTIMEWA, counts(sb=6, b=1, bp=1, k=1, sk=1)).ok


# --- 002 D.5.c.2: Baik - most (at most 70%) Baik, there must be BP and/or Kurang ----


def test_baik_ok_002_d5c2():
    """002 D.5.c.2: 7 Baik, 1 Butuh Perbaikan, 2 Sangat Baik of 10 follow the guidance."""
    assert dist.check(BAIK, counts(sb=2, b=7, bp=1)).ok


def test_baik_without_butuh_perbaikan_or_kurang_violates_must_be_002_d5c2():
    """002 D.5.c.2: 'harus ada' someone Butuh Perbaikan and/or Kurang."""
    result = dist.check(BAIK, counts(sb=3, b=7))
    assert kinds(result.violations) == ["at_least_one:butuh_perbaikan+kurang"]
    assert result.violations[0].message == (
        "There must be at least one employee with Butuh Perbaikan and/or "
        "Kurang/Misconduct; there is none."
    )


def test_baik_a_kurang_alone_satisfies_must_be_002_d5c2():
    """002 D.5.c.2: 'dan/atau' - one Kurang/Misconduct is enough."""
    assert dist.check(BAIK, counts(b=6, k=1, sk=3)).ok


def test_baik_more_than_70_percent_baik_violates_002_d5c2():
    """002 D.5.c.2: 8 of 10 Baik exceeds 'maksimal 70%'."""
    result = dist.check(BAIK, counts(b=8, bp=1, sb=1))
    assert kinds(result.violations) == ["max_share:baik"]


def test_baik_half_baik_violates_most_002_d5c2():
    """002 D.5.c.2: 5 of 10 Baik is not 'sebagian besar'."""
    result = dist.check(BAIK, counts(b=5, bp=1, sb=4))
    assert kinds(result.violations) == ["most:baik"]


# --- 002 D.5.c.3: Butuh Perbaikan - at least 60% BP, at most 10% Sangat Baik --------


def test_butuh_perbaikan_one_sangat_baik_of_ten_ok_002_d5c3():
    """002 D.5.c.3: 10% of 10 is 1 Sangat Baik - allowed."""
    assert dist.check(BUTUH_PERBAIKAN, counts(sb=1, b=3, bp=6)).ok


def test_butuh_perbaikan_two_sangat_baik_of_ten_violates_002_d5c3():
    """002 D.5.c.3: 2 of 10 Sangat Baik exceeds 'maksimal 10%'."""
    result = dist.check(BUTUH_PERBAIKAN, counts(sb=2, b=2, bp=6))
    assert kinds(result.violations) == ["max_share:sangat_baik"]
    assert "10% of 10 is 1, so at most 1; there are 2." in result.violations[0].message


def test_butuh_perbaikan_one_sangat_baik_of_nine_violates_002_d5c3():
    """Counting rule: 10% of 9 is 0.9, so at most 0 Sangat Baik (never more than 10%)."""
    result = dist.check(BUTUH_PERBAIKAN, counts(sb=1, b=2, bp=6))
    assert kinds(result.violations) == ["max_share:sangat_baik"]
    assert "10% of 9 is 0.9, so at most 0; there are 1." in result.violations[0].message


def test_butuh_perbaikan_at_least_rounds_up_002_d5c3():
    """Counting rule: 60% of 7 is 4.2, so at least 5 Butuh Perbaikan (ceil)."""
    assert dist.check(BUTUH_PERBAIKAN, counts(b=2, bp=5)).ok
    result = dist.check(BUTUH_PERBAIKAN, counts(b=3, bp=4))
    assert kinds(result.violations) == ["min_share:butuh_perbaikan"]
    assert result.violations[0].message == (
        "At least 60% of the employees must be Butuh Perbaikan: 60% of 7 is 4.2, "
        "so at least 5; there are 4."
    )


# --- 002 D.5.c.4: Kurang - at least 60% Kurang, 10% BP, at most 10% Sangat Baik -----


def test_kurang_twenty_people_ok_002_d5c4():
    """002 D.5.c.4: of 20, 12 Kurang (60%) and 2 Butuh Perbaikan (10%) suffice."""
    assert dist.check(KURANG, counts(sb=2, b=4, bp=2, k=12)).ok


def test_kurang_eleven_of_twenty_violates_002_d5c4():
    """002 D.5.c.4: 'minimal 60%' of 20 is 12 Kurang."""
    result = dist.check(KURANG, counts(b=7, bp=2, k=11))
    assert kinds(result.violations) == ["min_share:kurang"]
    assert "so at least 12; there are 11." in result.violations[0].message


def test_kurang_one_butuh_perbaikan_of_twenty_violates_002_d5c4():
    """002 D.5.c.4: 'minimal 10%' of 20 is 2 Butuh Perbaikan."""
    result = dist.check(KURANG, counts(b=7, bp=1, k=12))
    assert kinds(result.violations) == ["min_share:butuh_perbaikan"]
    assert "so at least 2; there are 1." in result.violations[0].message


def test_kurang_three_sangat_baik_of_twenty_violates_002_d5c4():
    """002 D.5.c.4: Sangat Baik 'maksimal 10%' - 3 of 20 is too many."""
    result = dist.check(KURANG, counts(sb=3, b=3, bp=2, k=12))
    assert kinds(result.violations) == ["max_share:sangat_baik"]


# --- 002 D.5.c.5: Sangat Kurang - at least 60% SK, 10% K and/or BP, no Sangat Baik --


def test_sangat_kurang_ok_002_d5c5():
    """002 D.5.c.5: 6 Sangat Kurang, 1 Butuh Perbaikan, the rest Baik."""
    assert dist.check(SANGAT_KURANG, counts(b=3, bp=1, sk=6)).ok


def test_sangat_kurang_needs_kurang_or_butuh_perbaikan_002_d5c5():
    """002 D.5.c.5: 'harus ada minimal 10%' Kurang and/or Butuh Perbaikan."""
    result = dist.check(SANGAT_KURANG, counts(b=4, sk=6))
    assert kinds(result.violations) == ["min_share:kurang+butuh_perbaikan"]
    assert "Kurang/Misconduct and/or Butuh Perbaikan" in result.violations[0].message


def test_sangat_kurang_any_sangat_baik_violates_no_002_d5c5():
    """002 D.5.c.5: 'tidak ada pegawai dengan predikat kinerja Sangat Baik'."""
    result = dist.check(SANGAT_KURANG, counts(sb=1, k=1, sk=8))
    assert kinds(result.violations) == ["none:sangat_baik"]
    assert result.violations[0].message == (
        "No employee may be Sangat Baik when the unit's achievement is Sangat Kurang; there are 1."
    )


def test_sangat_kurang_five_of_ten_violates_002_d5c5():
    """002 D.5.c.5: 'minimal 60%' of 10 is 6 Sangat Kurang."""
    result = dist.check(SANGAT_KURANG, counts(b=4, k=1, sk=5))
    assert kinds(result.violations) == ["min_share:sangat_kurang"]


@pytest.mark.parametrize("n", [1, 2])
def test_sangat_kurang_no_rule_applies_in_small_unit_002_d5c5(n):
    """Module docstring: the 'no' rule is checked even in an exempt unit (Sangat
    Kurang with 1 or 2 people, where 60% and 10% cannot both be met)."""
    result = dist.check(SANGAT_KURANG, counts(sb=1, sk=n - 1))
    assert kinds(result.violations) == ["none:sangat_baik"]
    assert len(result.notes) == 2  # the two share rules are guidance only


@pytest.mark.parametrize("n", [3, 4])
def test_sangat_kurang_of_three_or_four_is_checked_in_full_002_d5c5(n):
    """002 D.5.c.5 can be met by 3 (2 SK + 1 K) and 4 (3 SK + 1 K) people: every rule
    is a violation, none a note."""
    result = dist.check(SANGAT_KURANG, counts(sb=1, sk=n - 1))
    assert kinds(result.violations) == ["min_share:kurang+butuh_perbaikan", "none:sangat_baik"]
    assert result.notes == ()
    assert dist.check(SANGAT_KURANG, counts(k=1, sk=n - 1)).ok


# --- Small units, empty units, several violations ---------------------------------


@pytest.mark.parametrize("n", [1, 2, 4])
def test_small_unit_gives_notes_not_violations(n):
    """Module docstring (small units): no distribution of 1, 2 or 4 people meets the
    Baik pattern (most, at most 70%), so its rules are notes and a lone Baik employee
    of a Baik unit is not forced into Butuh Perbaikan; the note says why."""
    result = dist.check(BAIK, counts(b=n))
    assert result.ok and result.violations == ()
    assert kinds(result.notes) == [
        "at_least_one:butuh_perbaikan+kurang",
        "max_share:baik",
        "most:baik",
    ]
    note = result.notes[0]
    assert note.message == (
        f"The unit has {n} employees: no distribution of {n} people meets the whole "
        "pattern for a unit achieving Baik in whole people, so this rule is shown for "
        "guidance only: most employees Baik"
    )


def test_baik_unit_of_three_is_checked_in_full_002_d5c2():
    """2 Baik and 1 Butuh Perbaikan meet the Baik pattern in a unit of 3, so three
    Baik violate 'at most 70%' (2.1 -> 2) and 'there must be' (002 D.5.c.2)."""
    result = dist.check(BAIK, counts(b=3))
    assert result.notes == ()
    assert kinds(result.violations) == ["at_least_one:butuh_perbaikan+kurang", "max_share:baik"]
    assert dist.check(BAIK, counts(b=2, bp=1)).ok


def test_small_unit_notes_even_when_rules_hold():
    """Module docstring: in an exempt unit every rule but 'no' is a note, even if it
    holds (Istimewa with 2 people: 1 Sangat Baik is at most 70% but not most)."""
    result = dist.check(ISTIMEWA, counts(sb=1, b=1))
    assert result.ok and len(result.notes) == 2


def test_small_unit_policy_is_a_parameter():
    """check(small_unit=...) lets the caller change the threshold: with 0 no unit is
    exempt and the percentages apply to 4 people (70% of 4 is 2.8, so at most 2)."""
    result = dist.check(ISTIMEWA, counts(sb=4), small_unit=0)
    assert kinds(result.violations) == ["max_share:sangat_baik"]
    assert result.notes == ()
    assert dist.check(ISTIMEWA, counts(sb=4)).ok  # exempt by default


def test_five_people_is_not_a_small_unit():
    """Module docstring: SMALL_UNIT is 5 - from 5 people on, rules are violations."""
    assert dist.SMALL_UNIT == 5
    result = dist.check(BAIK, counts(b=5))
    assert result.notes == ()
    assert kinds(result.violations) == ["at_least_one:butuh_perbaikan+kurang", "max_share:baik"]


def test_exempt_pairs_match_brute_force():
    """Issue 11, rule 4: the exempt (achievement, size) pairs are exactly those of
    1-4 people where no composition satisfies every rule of 002 D.5.c (brute force
    here, independent of the module's own enumeration)."""
    expected = {
        (achievement, n)
        for achievement in ACHIEVEMENTS
        for n in range(1, dist.SMALL_UNIT)
        if not any(satisfies_all(achievement, c) for c in compositions(n))
    }
    assert dist.EXEMPT == expected
    assert expected == {
        (ISTIMEWA, 1),
        (ISTIMEWA, 2),
        (ISTIMEWA, 4),
        (BAIK, 1),
        (BAIK, 2),
        (BAIK, 4),
        (KURANG, 1),
        (KURANG, 2),
        (SANGAT_KURANG, 1),
        (SANGAT_KURANG, 2),
    }
    for achievement in ACHIEVEMENTS:
        for n in range(15):
            assert dist.exempt(achievement, n) == ((achievement, n) in expected)


FULLY_CHECKED = (
    [(BUTUH_PERBAIKAN, n) for n in (1, 2, 3, 4)]
    + [(achievement, 3) for achievement in ACHIEVEMENTS]
    + [(KURANG, 4), (SANGAT_KURANG, 4)]
)


@pytest.mark.parametrize("achievement, n", FULLY_CHECKED)
def test_small_units_whose_pattern_can_be_met_are_checked_in_full(achievement, n):
    """Issue 11, rule 4: Butuh Perbaikan at 1-4, every achievement at 3, Kurang and
    Sangat Kurang at 4 can meet the whole pattern of 002 D.5.c in whole people, so
    every composition is checked rule by rule - violations, never notes."""
    assert (achievement, n) not in dist.EXEMPT
    for composition in compositions(n):
        result = dist.check(achievement, composition)
        assert result.notes == ()
        assert result.ok == satisfies_all(achievement, composition)


@pytest.mark.parametrize("achievement", ACHIEVEMENTS)
def test_empty_unit_gives_nothing(achievement):
    """n = 0 (nobody rated yet): no violation and no note."""
    result = dist.check(achievement, {})
    assert result.ok and result.n == 0
    assert result.violations == () and result.notes == ()
    assert result.counts == counts()


def test_result_reports_counts_and_n():
    """The result carries the counts per predicate (missing = 0) and n."""
    result = dist.check(KURANG, {K: 3, BP: 2})
    assert result.n == 5 and result.achievement == KURANG
    assert result.counts == counts(bp=2, k=3)


def test_several_violations_are_all_explained_002_d5c4():
    """Every rule that does not hold is explained, not just the first."""
    result = dist.check(KURANG, counts(sb=5, b=5))
    assert kinds(result.violations) == [
        "max_share:sangat_baik",
        "min_share:butuh_perbaikan",
        "min_share:kurang",
    ]


# --- Brute force: the counting rule and the small-unit policy ----------------------


@pytest.mark.parametrize("achievement", ACHIEVEMENTS)
def test_every_pattern_can_be_met_from_five_people(achievement):
    """Module docstring: 'From 5 people on, every pattern can be met exactly' -
    for every n from 5 to 14 some composition of n people satisfies all rules."""
    for n in range(5, 15):
        assert any(dist.check(achievement, c).ok for c in compositions(n)), n


@pytest.mark.parametrize("n", [1, 2, 4])
def test_istimewa_cannot_be_met_in_units_of_1_2_4(n):
    """Module docstring: with 1, 2 or 4 people 'most, at most 70%' has no solution -
    the reason an Istimewa unit of that size only gets notes."""
    assert not any(satisfies_all(ISTIMEWA, c) for c in compositions(n))


def test_istimewa_can_be_met_with_three_people():
    """With 3 people, 2 Sangat Baik is both more than half and at most 70% (2.1)."""
    assert satisfies_all(ISTIMEWA, counts(sb=2, b=1))


def test_counting_rule_matches_exact_fractions():
    """Module docstring counting rule, checked for every unit of 5-10 people against
    the plain statement in exact fractions: at most p -> count <= p*n; at least p ->
    count >= p*n; most -> count > n/2; there must be -> count >= 1; no -> count 0."""

    def holds(rule, count, n):
        if rule.kind == dist.MAX_SHARE:
            return count <= rule.share * n
        if rule.kind == dist.MIN_SHARE:
            return count >= rule.share * n
        if rule.kind == dist.MOST:
            return count > Fraction(n, 2)
        if rule.kind == dist.AT_LEAST_ONE:
            return count >= 1
        return count == 0

    for n in range(5, 11):
        for composition in compositions(n):
            for achievement in ACHIEVEMENTS:
                result = dist.check(achievement, composition)
                expected = {
                    rule.code
                    for rule in dist.GUIDANCE[achievement]
                    if not holds(rule, sum(composition[p] for p in rule.predicates), n)
                }
                assert {v.rule.code for v in result.violations} == expected, composition


# --- Inputs, helpers and custom guidance -------------------------------------------


@pytest.mark.parametrize(
    "achievement, given",
    [
        ("sangat_baik", counts(b=5)),  # an employee predicate, not an achievement
        ("excellent", counts(b=5)),
        (BAIK, {"istimewa": 1}),  # an achievement, not an employee predicate
        (BAIK, {"unknown": 1}),
        (BAIK, {B: -1, BP: 2}),
    ],
)
def test_invalid_input_raises(achievement, given):
    """Unknown achievements, unknown predicates and negative counts are refused."""
    with pytest.raises(ValueError):
        dist.check(achievement, given)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "sometimes", "predicates": (SB,)},
        {"kind": dist.MOST, "predicates": ()},
        {"kind": dist.MOST, "predicates": ("istimewa",)},
        {"kind": dist.MAX_SHARE, "predicates": (SB,)},  # share missing
        {"kind": dist.MOST, "predicates": (SB,), "share": Fraction(1, 2)},
        {"kind": dist.MIN_SHARE, "predicates": (SB,), "share": Fraction(0)},
        {"kind": dist.MIN_SHARE, "predicates": (SB,), "share": Fraction(11, 10)},
    ],
)
def test_invalid_rule_raises(kwargs):
    """A custom Rule must be well formed."""
    with pytest.raises(ValueError):
        dist.Rule(**kwargs)


def test_count_predicates_ignores_none():
    """count_predicates: None (not rated yet) is skipped; every predicate has a key."""
    assert dist.count_predicates([SB, None, B, B, None]) == counts(sb=1, b=2)
    assert dist.count_predicates([]) == counts()


def test_count_predicates_rejects_unknown():
    with pytest.raises(ValueError, match="not a predicate"):
        dist.count_predicates([SB, "istimewa"])


def test_describe_rules_002_d5c():
    """describe() gives the short wording of the guidance of 002 D.5.c."""
    assert [dist.describe(r) for r in dist.GUIDANCE[ISTIMEWA]] == [
        "most employees Sangat Baik",
        "at most 70% Sangat Baik",
    ]
    assert [dist.describe(r) for r in dist.GUIDANCE[SANGAT_KURANG]] == [
        "at least 60% Sangat Kurang",
        "at least 10% Kurang/Misconduct and/or Butuh Perbaikan",
        "no Sangat Baik",
    ]


def test_every_rule_cites_002_d5c():
    """Each rule of the guidance names its source."""
    for rules in dist.GUIDANCE.values():
        assert all(rule.source == "002 D.5.c" for rule in rules)


def test_custom_guidance_replaces_the_default():
    """An agency may pass its own guidance (e.g. at most half Sangat Baik)."""
    guidance = {ISTIMEWA: (dist.Rule(dist.MAX_SHARE, (SB,), Fraction(1, 2)),)}
    result = dist.check(ISTIMEWA, counts(sb=6, b=4), guidance=guidance)
    assert kinds(result.violations) == ["max_share:sangat_baik"]
    assert "At most 50% of the employees" in result.violations[0].message
