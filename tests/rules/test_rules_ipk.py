"""IPK bands for employees on study leave (tugas belajar).

Source: 003 "Penyusunan SKP bagi Pegawai yang melaksanakan tugas belajar" items 5-6
(DOMAIN section 4 table); drop-outs: 003 section B.3.a.3.
"""

from decimal import Decimal

import pytest

from rules import ipk
from rules.constants import (
    BAIK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    KURANG,
    SANGAT_BAIK,
    SANGAT_KURANG,
    SESUAI,
)

SB, B, BP, K = SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG

# row -> (study, [(IPK, predicate)]): the edges of every band of every row of the table.
# fmt: off
EDGES = {
    # 003 item 5.a, univ A / programme min. C: 3.51-4.0 | 3.01-3.50 | 2.76-3.00 | <2.76
    "s1_domestic_A": (
        {"level": ipk.S1, "university": "A", "programme": "C"},
        [("4.00", SB), ("3.51", SB), ("3.50", B), ("3.01", B), ("3.00", BP),
         ("2.76", BP), ("2.75", K), ("0", K)],
    ),
    # 003 item 5.a, univ B / programme min. C: 3.61-4.0 | 3.10-3.60 | 2.76-3.09 | <2.76
    "s1_domestic_B": (
        {"level": ipk.S1, "university": "B", "programme": "C"},
        [("3.61", SB), ("3.60", B), ("3.10", B), ("3.09", BP), ("2.76", BP), ("2.75", K)],
    ),
    # 003 item 5.a, univ C / programme min. B: 3.71-4.0 | 3.20-3.70 | 2.76-3.19 | <2.76
    "s1_domestic_C": (
        {"level": ipk.S1, "university": "C", "programme": "B"},
        [("3.71", SB), ("3.70", B), ("3.20", B), ("3.19", BP), ("2.76", BP), ("2.75", K)],
    ),
    # 003 item 6.a, S1 abroad: 3.51-4.0 | 3.01-3.50 | 2.76-3.00 | <2.76
    "s1_abroad": (
        {"level": ipk.S1, "location": ipk.ABROAD},
        [("3.51", SB), ("3.50", B), ("3.01", B), ("3.00", BP), ("2.76", BP), ("2.75", K)],
    ),
}
# 003 item 6.b, profesi / S2 / S3: 3.51-4.00 | 3.20-3.50 | 3.00-3.19 | <3.00
POSTGRADUATE_EDGES = [
    ("3.51", SB), ("3.50", B), ("3.20", B), ("3.19", BP), ("3.00", BP), ("2.99", K),
]
# fmt: on
for level in (ipk.PROFESI, ipk.S2, ipk.S3):
    for location in (ipk.DOMESTIC, ipk.ABROAD):
        EDGES[f"{level}_{location}"] = ({"level": level, "location": location}, POSTGRADUATE_EDGES)


@pytest.mark.parametrize("row", sorted(EDGES))
def test_band_edges_003_tugas_belajar_5_6(row):
    """003 tugas belajar items 5-6: each band edge of the row gives its predicate."""
    kwargs, edges = EDGES[row]
    got = [(value, ipk.predicate_for_ipk(value, **kwargs)) for value, _ in edges]
    assert got == edges


def test_better_programme_uses_the_university_row_003_tugas_belajar_5():
    """003 item 5.a: 'minimal C' / 'minimal B' - a better programme is in the row too."""
    for programme in ("A", "B", "C"):
        assert ipk.predicate_for_ipk("3.51", ipk.S1, university="A", programme=programme) == SB
    assert ipk.predicate_for_ipk("3.71", ipk.S1, university="C", programme="A") == SB


def test_univ_c_with_programme_c_has_no_band_003_tugas_belajar_5():
    """003 item 5.a: a university accredited C needs a programme of at least B."""
    with pytest.raises(ValueError, match="at least B"):
        ipk.predicate_for_ipk("3.80", ipk.S1, university="C", programme="C")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"level": ipk.S1},  # domestic S1 without accreditation
        {"level": ipk.S1, "university": "A"},
        {"level": ipk.S1, "university": "D", "programme": "C"},
        {"level": ipk.S1, "university": "A", "programme": "Unggul"},
        {"level": "d3"},
        {"level": ipk.S2, "location": "moon"},
    ],
)
def test_missing_or_unknown_study_data_raises(kwargs):
    with pytest.raises(ValueError):
        ipk.bands(**kwargs)


def test_bands_returns_the_floors_of_the_row_003_tugas_belajar_5():
    assert ipk.bands(ipk.S1, university="B", programme="A") == {
        SB: Decimal("3.61"),
        B: Decimal("3.10"),
        BP: Decimal("2.76"),
    }


def test_ipk_is_rounded_half_up_to_two_decimals():
    """Module docstring: 3.505 is printed 3.51 on a transcript -> Sangat Baik in row A;
    3.5049 rounds to 3.50 -> Baik. Floats are read through their decimal text."""
    s1_a = {"level": ipk.S1, "university": "A", "programme": "C"}
    assert ipk.predicate_for_ipk("3.505", **s1_a) == SB
    assert ipk.predicate_for_ipk(3.505, **s1_a) == SB
    assert ipk.predicate_for_ipk("3.5049", **s1_a) == B
    assert ipk.predicate_for_ipk(4.004, **s1_a) == SB  # rounds to 4.00


@pytest.mark.parametrize("value", ["4.01", 4.01, "-0.1", -0.1, "4.005"])
def test_ipk_outside_0_to_4_raises(value):
    with pytest.raises(ValueError, match=r"between 0\.00 and 4\.00"):
        ipk.predicate_for_ipk(value, ipk.S2)


@pytest.mark.parametrize(
    "behaviour, expected",
    [(DI_BAWAH, SANGAT_KURANG), (SESUAI, KURANG), (DI_ATAS, KURANG)],
)
def test_drop_out_predicate_by_behaviour_003_b3a3(behaviour, expected):
    """003 B.3.a.3: a drop-out gets Kurang or Sangat Kurang considering behaviour."""
    assert ipk.drop_out_predicate(behaviour) == expected


def test_drop_out_needs_a_rating():
    with pytest.raises(ValueError):
        ipk.drop_out_predicate("bad")
