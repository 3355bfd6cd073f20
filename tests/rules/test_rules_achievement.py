"""Indicator achievement and the suggested results rating.

Sources: the module docstring of ``rules.achievement`` (PermenPANRB 8/2021 formula
of Capaian IKI, also for "less is better" indicators) and 000 Lampiran 2, "Matriks
objektivitas": Capaian Hasil Kerja >100% di atas, 80-100% sesuai, <80% di bawah.
"""

from decimal import Decimal

import pytest

from rules import achievement, evaluation
from rules.constants import DI_ATAS, DI_BAWAH, SESUAI


def test_realisation_over_target():
    """Achievement % = realisation / target x 100: 110 of 100 is 110.00."""
    assert achievement.achievement_percent(100, 110) == Decimal("110.00")


def test_result_is_rounded_half_up_to_two_decimals():
    """2 of 3 is 66.666... -> 66.67; 1 of 8 is 12.5 -> 12.50; digits is a parameter."""
    assert achievement.achievement_percent(3, 2) == Decimal("66.67")
    assert achievement.achievement_percent(8, 1) == Decimal("12.50")
    assert achievement.achievement_percent(3, 2, digits=0) == Decimal(67)
    assert achievement.achievement_percent(200, "0.01") == Decimal("0.01")  # 0.005 up


def test_less_is_better_faster_than_target():
    """Docstring: 6.5 months against a 7-month target gives 107% (107.14)."""
    assert achievement.achievement_percent(7, 6.5, less_is_better=True) == Decimal("107.14")


def test_less_is_better_slower_than_target():
    """(1 + (1 - 9/8)) x 100 = 87.50 for a target of 8 realised in 9."""
    assert achievement.achievement_percent(8, 9, less_is_better=True) == Decimal("87.50")


def test_less_is_better_is_floored_at_zero():
    """Docstring: the inverted formula is floored at 0 (3 times the target)."""
    assert achievement.achievement_percent(5, 15, less_is_better=True) == Decimal("0.00")
    assert achievement.achievement_percent(5, 0, less_is_better=True) == Decimal("200.00")


def test_accepts_decimal_and_string_inputs():
    assert achievement.achievement_percent("8", Decimal(6)) == Decimal("75.00")


@pytest.mark.parametrize(
    "percent, expected",
    [
        ("100.01", DI_ATAS),
        (150, DI_ATAS),
        (100, SESUAI),
        ("100.00", SESUAI),
        (90, SESUAI),
        (80, SESUAI),
        ("79.99", DI_BAWAH),
        (0, DI_BAWAH),
    ],
)
def test_suggested_rating_boundaries_000_lampiran_2(percent, expected):
    """000 Lampiran 2: >100% di atas, 80-100% sesuai (both ends), <80% di bawah."""
    assert achievement.suggested_rating(percent) == expected


def test_suggested_rating_for_one_indicator_000_lampiran_2():
    """Both steps at once, including an inverted (less is better) indicator."""
    assert achievement.suggested_rating_for(100, 110) == DI_ATAS
    assert achievement.suggested_rating_for(100, 80) == SESUAI
    assert achievement.suggested_rating_for(100, 79) == DI_BAWAH
    assert achievement.suggested_rating_for(7, 6.5, less_is_better=True) == DI_ATAS
    assert achievement.suggested_rating_for(8, 9, less_is_better=True) == SESUAI
    assert achievement.suggested_rating_for(10, 13, less_is_better=True) == DI_BAWAH


@pytest.mark.parametrize(
    "target, realisation",
    [(0, 10), (-5, 10), (10, -1), (None, 10), (10, None), ("abc", 10), (True, 10)],
)
def test_invalid_target_or_realisation_raises(target, realisation):
    """Zero or negative target, negative realisation, missing or non-numbers."""
    with pytest.raises(ValueError):
        achievement.achievement_percent(target, realisation)


def test_suggested_rating_needs_a_number():
    with pytest.raises(ValueError):
        achievement.suggested_rating(None)


@pytest.mark.parametrize("value", ["nan", float("nan")])
def test_nan_is_not_a_number(value):
    with pytest.raises(ValueError):
        achievement.achievement_percent(value, 10)


# --- Time: its own row, "Ketepatan Waktu" (000 Lampiran 2) -------------------------


def test_time_late_is_below_000_lampiran_2_ketepatan_waktu():
    """000 Lampiran 2, row "Ketepatan Waktu": "Lebih cepat dari target" di atas,
    "Sesuai jadwal" sesuai, "Terlambat" di bawah - the 80-100% band of "Capaian
    Hasil Kerja" does not apply: 7.5 months against a 7-month target is late."""
    assert achievement.achievement_percent(7, "7.5", less_is_better=True) == Decimal("92.86")
    assert achievement.suggested_rating_for(7, "7.5", True, aspect="waktu") == DI_BAWAH
    assert achievement.suggested_rating_for(7, 7, True, aspect="waktu") == SESUAI
    assert achievement.suggested_rating_for(7, "6.5", True, aspect="waktu") == DI_ATAS
    # the same percent on the Capaian row would be "sesuai"
    assert achievement.suggested_rating(Decimal("92.86")) == SESUAI
    assert achievement.suggested_rating(Decimal("92.86"), aspect="waktu") == DI_BAWAH


def test_time_is_decided_on_exact_values_not_a_rounded_percent():
    """000 Lampiran 2 "Terlambat": 200.01 days against 200 rounds to 100.00% but is
    late; on schedule is exactly the target."""
    assert achievement.achievement_percent(200, "200.01", True) == Decimal("100.00")
    assert achievement.timeliness_rating(200, "200.01") == DI_BAWAH
    assert achievement.timeliness_rating(200, "199.99") == DI_ATAS
    assert achievement.timeliness_rating(200, 200) == SESUAI
    assert achievement.timeliness_rating("7.0", 7) == SESUAI


@pytest.mark.parametrize(
    "percent, expected",
    [("100.01", DI_ATAS), (100, SESUAI), ("99.99", DI_BAWAH), (80, DI_BAWAH), (0, DI_BAWAH)],
)
def test_time_row_on_a_percent_000_lampiran_2(percent, expected):
    """From a percent (inverted for time): above 100 faster, exactly 100 on schedule,
    below 100 late - no 80% tolerance (000 Lampiran 2, Ketepatan Waktu)."""
    assert achievement.suggested_rating(percent, aspect="waktu") == expected


def test_time_where_more_is_better_000_lampiran_2():
    """A time indicator the agency marks "more is better" (e.g. a share of reports on
    time): above the target is faster than required, below it late."""
    assert achievement.timeliness_rating(90, 95, less_is_better=False) == DI_ATAS
    assert achievement.timeliness_rating(90, 90, less_is_better=False) == SESUAI
    assert achievement.timeliness_rating(90, 85, less_is_better=False) == DI_BAWAH


def test_cost_keeps_the_inverted_formula_and_the_capaian_row():
    """Cost (biaya) has no row of its own: inverted achievement on the Capaian Hasil
    Kerja row, so 9 against a budget of 8 (87.5%) is still "sesuai"."""
    assert achievement.suggested_rating_for(8, 9, True, aspect="biaya") == SESUAI
    assert achievement.suggested_rating_for(10, 13, True, aspect="biaya") == DI_BAWAH
    assert achievement.suggested_rating_for(8, 7, True, aspect="biaya") == DI_ATAS


@pytest.mark.parametrize("target, realisation", [(0, 1), (7, -1), (None, 7), (7, "x")])
def test_time_rating_refuses_bad_values(target, realisation):
    with pytest.raises(ValueError):
        achievement.timeliness_rating(target, realisation)


def test_period_achievement_against_the_trajectory_target_002_d4c():
    """002 D.4.c (target periodik, trajectory target): a cumulative realisation is
    measured against the share of the yearly target due by the end of the period -
    November on track (91.67 of 100) is 100%, "sesuai", not 91.67% of the year."""
    november = achievement.period_share("month", 11)
    assert november == Decimal(11) / 12
    due, percent, rating = achievement.period_achievement(100, "91.67", share=november)
    assert (round(due, 2), percent, rating) == (Decimal("91.67"), Decimal("100.00"), SESUAI)
    assert achievement.period_achievement(12, 11, share=november) == (11, Decimal("100.00"), SESUAI)
    # the first quarter (ends in March): 3/12; the annual period: the whole target
    assert achievement.period_share("quarter", 3) == Decimal(3) / 12
    assert achievement.period_share("annual", 12) == 1
    first_quarter = achievement.period_share("quarter", 3)
    assert achievement.period_achievement(120, 40, share=first_quarter) == (
        30,
        Decimal("133.33"),
        DI_ATAS,
    )
    assert achievement.period_achievement(120, 20, share=Decimal(3) / 12).rating == DI_BAWAH
    # time and cost are not pro-rated; a time indicator keeps its own row
    assert achievement.period_achievement(7, "7.5", True, "waktu", Decimal(2) / 12) == (
        7,
        Decimal("92.86"),
        DI_BAWAH,
    )
    assert achievement.period_achievement(10, 9, True, "biaya", Decimal(2) / 12).target == 10
    with pytest.raises(ValueError, match="outside"):
        achievement.period_share("month", 13)
    with pytest.raises(ValueError, match="outside"):
        achievement.period_achievement(100, 10, share=0)


def test_evaluation_period_percent_is_the_same_figure_002_d4c():
    """One definition: the evaluation's period percent is the realisation's."""
    for target, value, less, share in ((100, "91.67", False, Decimal(11) / 12), (7, 6, True, 1)):
        assert (
            evaluation.period_percent(target, value, less, share)
            == achievement.period_achievement(target, value, less, share=share).percent
        )
