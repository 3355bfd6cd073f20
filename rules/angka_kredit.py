"""Konversi predikat kinerja ke angka kredit for functional positions (JF).

AK = predicate percentage x the jenjang's yearly coefficient x months / 12
(Permenpan RB 1/2023 as BKN teaches it; 004 "konversi predikat kinerja bagi JF";
DOMAIN section 6).

Exactness: the yearly coefficient is by definition a full year at Baik, so twelve
monthly (or four quarterly) Baik evaluations total exactly the coefficient. Amounts
are therefore kept exact - as fractions, or as whole ``UNITS`` of 1/DENOMINATOR, the
finest part any (predicate, jenjang, months) amount needs - and added exactly; only
what is shown is rounded, half up to two decimals (``display``). This reproduces
BKN's worked example: Ahli Pertama, Sangat Baik, 12 months = 18.75; Baik, 2 months
= 2.08 (2.0833...); together 20.83 (20.8333...).
"""

import math
from decimal import Decimal
from fractions import Fraction

from .constants import BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_BAIK, SANGAT_KURANG

PERCENT = {
    SANGAT_BAIK: Decimal(150),
    BAIK: Decimal(100),
    BUTUH_PERBAIKAN: Decimal(75),
    KURANG: Decimal(50),
    SANGAT_KURANG: Decimal(25),
}
COEFFICIENT = {
    "pemula": Decimal("3.75"),
    "terampil": Decimal("5"),
    "mahir": Decimal("12.5"),
    "penyelia": Decimal("25"),
    "ahli_pertama": Decimal("12.5"),
    "ahli_muda": Decimal("25"),
    "ahli_madya": Decimal("37.5"),
    "ahli_utama": Decimal("50"),
}
MONTHS = range(1, 13)
CENT = Decimal("0.01")


def _check(predicate, jenjang, months):
    if predicate not in PERCENT:
        raise ValueError(f"{predicate!r} is not a predicate")
    if jenjang not in COEFFICIENT:
        raise ValueError(f"{jenjang!r} is not a jenjang of a functional position")
    if isinstance(months, bool) or not isinstance(months, int) or months not in MONTHS:
        raise ValueError(f"months must be a whole number from 1 to 12, not {months!r}")


def exact(predicate, jenjang, months=12):
    """The exact credit points of one evaluation covering ``months`` (1-12) months."""
    _check(predicate, jenjang, months)
    return Fraction(PERCENT[predicate]) / 100 * Fraction(COEFFICIENT[jenjang]) * months / 12


# The least common denominator of every possible amount (derived, not chosen): each
# amount is a whole number of 1/DENOMINATOR, so the ledger can store and add whole
# numbers and lose nothing.
DENOMINATOR = math.lcm(
    *(exact(p, j, m).denominator for p in PERCENT for j in COEFFICIENT for m in MONTHS)
)


def units(predicate, jenjang, months=12):
    """The exact credit points of one evaluation, in whole 1/DENOMINATOR units."""
    value = exact(predicate, jenjang, months) * DENOMINATOR
    assert value.denominator == 1, value  # by the definition of DENOMINATOR
    return value.numerator


def from_units(count):
    """The exact amount of ``count`` 1/DENOMINATOR units."""
    return Fraction(count, DENOMINATOR)


def display(value):
    """``value`` (a fraction, decimal or integer, >= 0) rounded half up to two
    decimals - for what is shown, printed or exported, never for adding."""
    value = Fraction(value)
    if value < 0:
        raise ValueError(f"credit points are never negative, not {value}")
    cents = math.floor(value * 100 + Fraction(1, 2))
    return Decimal(cents).scaleb(-2)


def angka_kredit(predicate, jenjang, months=12):
    """Credit points earned by one evaluation covering ``months`` (1-12) months,
    as displayed (rounded half up to two decimals)."""
    return display(exact(predicate, jenjang, months))


def total_exact(entries):
    """The exact sum of (predicate, jenjang, months) evaluations."""
    return sum((exact(*entry) for entry in entries), Fraction(0))


def total(entries):
    """Sum of (predicate, jenjang, months) evaluations, added exactly and rounded
    once, for display."""
    return display(total_exact(entries))
