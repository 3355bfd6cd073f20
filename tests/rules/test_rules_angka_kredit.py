"""Konversi predikat kinerja ke angka kredit for functional positions (JF).

Source: DOMAIN section 6 (004 "konversi predikat kinerja bagi JF"; Permenpan RB
1/2023 as BKN teaches it): AK = percentage x yearly coefficient x months / 12, each
evaluation rounded half up to two decimals.
"""

from decimal import Decimal

import pytest

from rules.angka_kredit import angka_kredit, total
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
    """BKN worked example: the two together = 20.83 (sum of rounded amounts)."""
    entries = [(SANGAT_BAIK, "ahli_pertama", 12), (BAIK, "ahli_pertama", 2)]
    assert total(entries) == Decimal("20.83")


def test_total_sums_rounded_amounts():
    """Module docstring: a total is the sum of the rounded amounts - 3 x Pemula Baik
    for 1 month is 3 x 0.31 (0.3125) = 0.93, not 0.9375 -> 0.94."""
    assert angka_kredit(BAIK, "pemula", 1) == Decimal("0.31")
    assert total([(BAIK, "pemula", 1)] * 3) == Decimal("0.93")
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
