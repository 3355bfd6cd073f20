"""Stage 3 suggestions (003 section B.3.a; 002 D.6.b-c; 003 section B.1.f)."""

import datetime
from decimal import Decimal

import pytest

from rules import achievement
from rules import evaluation as ev
from rules.constants import (
    ACHIEVEMENTS,
    BAIK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    ISTIMEWA,
    KURANG,
    SANGAT_KURANG,
    SESUAI,
)


@pytest.mark.parametrize(
    ("achievement", "rating"),
    [
        (ISTIMEWA, DI_ATAS),
        (BAIK, SESUAI),
        (BUTUH_PERBAIKAN, DI_BAWAH),
        (KURANG, DI_BAWAH),
        (SANGAT_KURANG, DI_BAWAH),
    ],
)
def test_leader_results_is_unit_achievement_002_d6c(achievement, rating):
    assert ev.leader_results(achievement) == rating


def test_leader_mapping_is_an_agency_setting():
    mapping = dict(ev.LEADER_MAPPING, **{BUTUH_PERBAIKAN: SESUAI})
    assert ev.leader_results(BUTUH_PERBAIKAN, mapping) == SESUAI
    assert ev.leader_results(BUTUH_PERBAIKAN) == DI_BAWAH  # the default is untouched
    with pytest.raises(ValueError, match="no rating"):
        ev.leader_results(BAIK, {ISTIMEWA: DI_ATAS})
    with pytest.raises(ValueError, match="not an organisation achievement"):
        ev.leader_results("luar_biasa")
    assert set(ev.LEADER_MAPPING) == set(ACHIEVEMENTS)


def test_rhk_rating_uses_000_lampiran_2_bands_and_takeover_pasal_19():
    assert ev.rhk_rating(ev.Rhk(True, (100, 101))) == DI_ATAS  # mean 100.5 > 100
    assert ev.rhk_rating(ev.Rhk(True, (100,))) == SESUAI
    assert ev.rhk_rating(ev.Rhk(True, (80,))) == SESUAI
    assert ev.rhk_rating(ev.Rhk(True, (79.99,))) == DI_BAWAH
    assert ev.rhk_rating(ev.Rhk(True, (150,), taken_over=True)) == DI_BAWAH
    assert ev.rhk_rating(ev.Rhk(True, ())) is None


def test_rhk_with_a_time_indicator_follows_ketepatan_waktu_000_lampiran_2():
    """000 Lampiran 2: time has its own row ("Ketepatan Waktu": faster above, on
    schedule at, late below); the RHK takes the lowest of its rows, so a late RHK is
    below even though 92.86% would be "sesuai" on the Capaian Hasil Kerja row."""
    late = achievement.suggested_rating_for(7, "7.5", True, aspect="waktu")
    assert ev.rhk_rating(ev.Rhk(True, timeliness=(late,))) == DI_BAWAH
    assert ev.rhk_rating(ev.Rhk(True, (100,), timeliness=(late,))) == DI_BAWAH
    assert ev.rhk_rating(ev.Rhk(True, (120,), timeliness=(SESUAI,))) == SESUAI
    assert ev.rhk_rating(ev.Rhk(True, (120,), timeliness=(DI_ATAS,))) == DI_ATAS
    assert ev.rhk_rating(ev.Rhk(True, (), timeliness=(DI_ATAS, SESUAI))) == SESUAI
    assert ev.rhk_rating(ev.Rhk(True, (150,), taken_over=True, timeliness=(DI_ATAS,))) == (DI_BAWAH)
    with pytest.raises(ValueError):
        ev.rhk_rating(ev.Rhk(True, timeliness=("late",)))


def test_results_with_late_time_indicators_are_below_000_lampiran_2():
    """Two of three RHKs late (000 Lampiran 2, Ketepatan Waktu "Terlambat"): the
    results are below expectation (003 B.3.a.1.d: most below)."""
    late = ev.Rhk(True, (100,), timeliness=(DI_BAWAH,))
    assert ev.suggest_results([late, late, ev.Rhk(True, (100,))]).rating == DI_BAWAH


def test_results_above_needs_most_above_and_no_utama_below_b3a1d():
    above = ev.Rhk(True, (120,))
    assert ev.suggest_results([above, above, ev.Rhk(False, (50,))]).rating == DI_ATAS
    # same counts but the low one is a main RHK: at expectations
    result = ev.suggest_results([above, above, ev.Rhk(True, (50,))])
    assert result.rating == SESUAI
    assert any("main result plan" in t for t, _p in result.reasons)


def test_results_below_when_most_below():
    low = ev.Rhk(True, (60,))
    assert ev.suggest_results([low, low, ev.Rhk(True, (130,))]).rating == DI_BAWAH
    # exactly half below is not "most"
    assert ev.suggest_results([low, ev.Rhk(True, (100,))]).rating == SESUAI


def test_results_negative_feedback_lowers_above():
    rhks = [ev.Rhk(True, (120,), positive=1, negative=3), ev.Rhk(False, (110,))]
    assert ev.suggest_results(rhks).rating == SESUAI
    rhks = [ev.Rhk(True, (120,), positive=3, negative=1), ev.Rhk(False, (110,))]
    assert ev.suggest_results(rhks).rating == DI_ATAS


def test_results_taken_over_counts_as_below():
    rhks = [ev.Rhk(True, (120,), taken_over=True), ev.Rhk(True, (120,), taken_over=True)]
    result = ev.suggest_results([*rhks, ev.Rhk(True, (120,))])
    assert result.rating == DI_BAWAH
    assert any("taken over" in t for t, _p in result.reasons)


def test_results_without_measurement_suggest_nothing():
    assert ev.suggest_results([ev.Rhk(True, ())]).rating is None
    assert ev.suggest_results([]).rating is None


def test_behaviour_suggestions_b3a2():
    assert ev.suggest_behaviour({}).rating == SESUAI
    assert ev.suggest_behaviour({"akuntabel": (0, 1)}).rating == DI_BAWAH
    assert ev.suggest_behaviour({"akuntabel": (2, 1)}).rating == SESUAI
    four = dict.fromkeys(("a", "b", "c", "d"), (1, 0))
    assert ev.suggest_behaviour(four).rating == DI_ATAS  # 4 of 7 is most
    three = dict.fromkeys(("a", "b", "c"), (1, 0))
    assert ev.suggest_behaviour(three).rating == SESUAI
    # one value with mixed feedback keeps it from "above"
    assert ev.suggest_behaviour(dict(four, e=(1, 1))).rating == SESUAI


def test_contribution_roles_and_takeover():
    assert ev.contribution([100, 80]) == Decimal(90)
    assert ev.contribution([100], roles=2) == Decimal(110)
    assert ev.contribution([100], taken_over=1) == Decimal(75)
    assert ev.contribution([]) == Decimal(0)


def test_annual_achievement_after_january_falls_back_003_b1f():
    assert ev.annual_achievement_usable(2026, datetime.date(2027, 1, 31))
    assert not ev.annual_achievement_usable(2026, datetime.date(2027, 2, 1))


def test_period_percent_uses_the_trajectory_target_002_d4c():
    # 30 of a yearly 120 after March: the trajectory is 30, so 100%
    assert ev.period_percent(120, 30, False, Decimal(3) / 12) == Decimal("100.00")
    assert ev.period_percent(120, 120, False, 1) == Decimal("100.00")
    # time targets are not pro-rated: 6.5 months against 7 is 107.14%
    assert ev.period_percent(7, 6.5, True, Decimal(3) / 12) == Decimal("107.14")
    with pytest.raises(ValueError):
        ev.period_percent(120, 30, False, 0)
