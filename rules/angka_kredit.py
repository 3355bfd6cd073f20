"""Konversi predikat kinerja ke angka kredit for functional positions (JF).

AK = predicate percentage x the jenjang's yearly coefficient x months / 12
(Permenpan RB 1/2023 as BKN teaches it; 004 "konversi predikat kinerja bagi JF").
Rounding: each evaluation's AK is rounded half up to two decimals; a total is the
sum of those rounded amounts. This reproduces BKN's worked example: Ahli Pertama,
Sangat Baik, 12 months = 18.75; Baik, 2 months = 2.08 (2.0833...); together 20.83.
"""

from decimal import ROUND_HALF_UP, Decimal

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
CENT = Decimal("0.01")


def angka_kredit(predicate, jenjang, months=12):
    """Credit points earned by one evaluation covering ``months`` (1-12) months."""
    if predicate not in PERCENT:
        raise ValueError(f"{predicate!r} is not a predicate")
    if jenjang not in COEFFICIENT:
        raise ValueError(f"{jenjang!r} is not a jenjang of a functional position")
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
        raise ValueError(f"months must be a whole number from 1 to 12, not {months!r}")
    value = PERCENT[predicate] / 100 * COEFFICIENT[jenjang] * months / 12
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def total(entries):
    """Sum of (predicate, jenjang, months) evaluations, each rounded first."""
    return sum((angka_kredit(*entry) for entry in entries), Decimal("0.00"))
