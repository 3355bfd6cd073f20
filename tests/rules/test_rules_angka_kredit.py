"""Konversi predikat kinerja ke angka kredit for functional positions (JF).

Source: DOMAIN section 6 (004 "konversi predikat kinerja bagi JF"; Permenpan RB
1/2023 as BKN teaches it): AK = percentage x yearly coefficient x months / 12. The
yearly coefficient is a full year at Baik, so twelve monthly or four quarterly Baik
evaluations total exactly the coefficient: amounts are added exactly and only what
is shown is rounded, half up to two decimals.
"""

import itertools
import random
from decimal import Decimal
from fractions import Fraction

import pytest

from rules.angka_kredit import (
    COEFFICIENT,
    DENOMINATOR,
    PERCENT,
    angka_kredit,
    display,
    exact,
    from_units,
    total,
    total_exact,
    units,
)
from rules.constants import (
    BAIK,
    BUTUH_PERBAIKAN,
    JF_JENJANG_NAMES,
    KURANG,
    SANGAT_BAIK,
    SANGAT_KURANG,
)

ORDER = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)  # 150/100/75/50/25%

# A full year per jenjang (coefficient), SB / Baik / BP / Kurang / SK, computed by hand
# and rounded half up: e.g. Pemula 3.75 x 25% = 0.9375 -> 0.94.
FULL_YEAR = {
    "pemula": ("5.63", "3.75", "2.81", "1.88", "0.94"),  # 3.75
    "terampil": ("7.50", "5.00", "3.75", "2.50", "1.25"),  # 5
    "mahir": ("18.75", "12.50", "9.38", "6.25", "3.13"),  # 12.5
    "penyelia": ("37.50", "25.00", "18.75", "12.50", "6.25"),  # 25
    "ahli_pertama": ("18.75", "12.50", "9.38", "6.25", "3.13"),  # 12.5
    "ahli_muda": ("37.50", "25.00", "18.75", "12.50", "6.25"),  # 25
    "ahli_madya": ("56.25", "37.50", "28.13", "18.75", "9.38"),  # 37.5
    "ahli_utama": ("75.00", "50.00", "37.50", "25.00", "12.50"),  # 50
}


def test_bkn_example_ahli_pertama_sangat_baik_full_year_004():
    """BKN worked example (004, DOMAIN 6): Ahli Pertama, Sangat Baik, 12 months = 18.75."""
    assert angka_kredit(SANGAT_BAIK, "ahli_pertama", 12) == Decimal("18.75")


def test_bkn_example_ahli_pertama_baik_two_months_004():
    """BKN worked example: Ahli Pertama, Baik, 2 months = 2.0833... -> 2.08."""
    assert angka_kredit(BAIK, "ahli_pertama", 2) == Decimal("2.08")


def test_bkn_example_total_004():
    """BKN worked example: the two together = 20.8333... -> 20.83 (added exactly)."""
    entries = [(SANGAT_BAIK, "ahli_pertama", 12), (BAIK, "ahli_pertama", 2)]
    assert total(entries) == Decimal("20.83")


def test_total_adds_exact_amounts_and_rounds_once_domain_6():
    """DOMAIN 6 (the seed wins over the old rule): 3 x Pemula Baik for 1 month is
    3 x 0.3125 = 0.9375 -> 0.94, not 3 x 0.31 = 0.93."""
    assert angka_kredit(BAIK, "pemula", 1) == Decimal("0.31")
    assert total([(BAIK, "pemula", 1)] * 3) == Decimal("0.94")
    assert total_exact([(BAIK, "pemula", 1)] * 3) == Fraction(15, 16)
    assert total([]) == Decimal("0.00")


@pytest.mark.parametrize("jenjang", sorted(FULL_YEAR))
def test_every_percentage_and_coefficient_full_year_domain_6(jenjang):
    """DOMAIN 6: percentages 150/100/75/50/25 x the jenjang's coefficient, 12 months."""
    got = tuple(str(angka_kredit(p, jenjang, 12)) for p in ORDER)
    assert got == FULL_YEAR[jenjang]


def test_every_jenjang_of_the_constants_has_a_coefficient():
    assert set(FULL_YEAR) == set(JF_JENJANG_NAMES)


def test_months_default_to_a_full_year():
    assert angka_kredit(BAIK, "ahli_muda") == Decimal("25.00")


@pytest.mark.parametrize("months", [0, 13, 1.5, -1, "12", True])
def test_months_must_be_whole_from_1_to_12(months):
    with pytest.raises(ValueError, match="months"):
        angka_kredit(BAIK, "ahli_pertama", months)


def test_unknown_jenjang_raises():
    with pytest.raises(ValueError, match="jenjang"):
        angka_kredit(BAIK, "ahli_super", 12)


def test_unknown_predicate_raises():
    with pytest.raises(ValueError, match="not a predicate"):
        angka_kredit("istimewa", "ahli_pertama", 12)


# -- exact totals (DOMAIN 6; 004 "konversi predikat kinerja bagi JF") ------------------
# The yearly coefficient is a full year at Baik: a year split into months or quarters
# earns exactly what one annual evaluation with the same predicate earns.
SPLITS = {
    "12 x monthly": [1] * 12,
    "4 x quarterly": [3] * 4,
    "9 + 3 months": [9, 3],
    "2 x semester": [6, 6],
    "uneven 5 + 4 + 2 + 1": [5, 4, 2, 1],
}


@pytest.mark.parametrize("split", sorted(SPLITS))
@pytest.mark.parametrize("predicate", ORDER)
@pytest.mark.parametrize("jenjang", sorted(FULL_YEAR))
def test_a_split_year_totals_the_full_year_exactly_004(jenjang, predicate, split):
    """004 / DOMAIN 6: 12 monthly, 4 quarterly or 9 + 3 months of one predicate total
    the full year's amount exactly, for every jenjang and every predicate."""
    entries = [(predicate, jenjang, months) for months in SPLITS[split]]
    assert total_exact(entries) == exact(predicate, jenjang, 12)
    assert total(entries) == angka_kredit(predicate, jenjang, 12)
    assert sum(units(*entry) for entry in entries) == units(predicate, jenjang, 12)


@pytest.mark.parametrize("jenjang", sorted(FULL_YEAR))
def test_a_year_at_baik_totals_the_yearly_coefficient_004(jenjang):
    """DOMAIN 6: the yearly coefficient is by definition a full year at Baik."""
    for split in SPLITS.values():
        entries = [(BAIK, jenjang, months) for months in split]
        assert total(entries) == COEFFICIENT[jenjang].quantize(Decimal("0.01"))
        assert total_exact(entries) == Fraction(COEFFICIENT[jenjang])


def test_ahli_pertama_twelve_baik_months_is_12_50_not_12_48_004():
    """The case of the issue: 12 x 1.0416... = 12.5; adding the displayed 1.04 gave 12.48."""
    assert angka_kredit(BAIK, "ahli_pertama", 1) == Decimal("1.04")
    assert total([(BAIK, "ahli_pertama", 1)] * 12) == Decimal("12.50")
    # and four quarterly Baik of an Ahli Madya: 4 x 9.375 (9.38 shown) = 37.50, not 37.52
    assert angka_kredit(BAIK, "ahli_madya", 3) == Decimal("9.38")
    assert total([(BAIK, "ahli_madya", 3)] * 4) == Decimal("37.50")


def test_mixed_year_adds_exactly():
    """9 months Baik + 3 months Sangat Baik of an Ahli Pertama: 9.375 + 4.6875 = 14.0625
    -> 14.06 (adding the displayed 9.38 + 4.69 would give 14.07)."""
    entries = [(BAIK, "ahli_pertama", 9), (SANGAT_BAIK, "ahli_pertama", 3)]
    assert total_exact(entries) == Fraction("14.0625")
    assert total(entries) == Decimal("14.06")


def test_units_are_whole_and_exact_for_every_case():
    """Every (predicate, jenjang, months) amount is a whole number of 1/DENOMINATOR
    units, so a ledger that stores and adds units loses nothing."""
    assert DENOMINATOR == 192  # 4 (percent) x 4 (coefficient) x 12 (months)
    for predicate, jenjang, months in itertools.product(PERCENT, COEFFICIENT, range(1, 13)):
        count = units(predicate, jenjang, months)
        assert isinstance(count, int)
        assert from_units(count) == exact(predicate, jenjang, months)


def test_random_ledgers_add_exactly():
    """Any mix of evaluations: the total is the exact sum, rounded once."""
    rng = random.Random(11)
    for _ in range(500):
        entries = [
            (rng.choice(ORDER), rng.choice(sorted(FULL_YEAR)), rng.randint(1, 12))
            for _ in range(rng.randint(0, 14))
        ]
        exact_sum = sum((exact(*entry) for entry in entries), Fraction(0))
        assert total_exact(entries) == exact_sum
        assert total(entries) == display(from_units(sum(units(*e) for e in entries)))
        assert abs(Fraction(total(entries)) - exact_sum) <= Fraction(1, 200)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(1, 8), "0.13"),  # half up, not to even
        (Fraction(3, 8), "0.38"),
        (Fraction(25, 12), "2.08"),
        (Fraction(0), "0.00"),
        (Decimal("18.75"), "18.75"),
        (12, "12.00"),
    ],
)
def test_display_rounds_half_up_to_two_decimals(value, shown):
    assert str(display(value)) == shown


def test_display_refuses_negative_amounts():
    with pytest.raises(ValueError, match="never negative"):
        display(Fraction(-1, 3))
