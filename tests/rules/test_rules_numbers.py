"""Numbers on the Indonesian official forms: decimal comma, thousands dot.

Source: 003 Lampiran (Sumedang), the trajectory example of the organisation's
achievement: "target 100.000.000 ton ... trajectory target 15.000.000 ton" - the
thousands dot; PUEBI for the decimal comma.
"""

import pytest

from rules.numbers import number_id, percent_id, quantity_id


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (100000000, "100.000.000"),
        (15000000.0, "15.000.000"),
        (1250, "1.250"),
        (10.5, "10,5"),
        (3.45, "3,45"),
        (91.66666, "91,67"),
        (16.666666, "16,67"),
        (100.0, "100"),
        (0, "0"),
        (-0.001, "0"),
        (1234.5, "1.234,5"),
        (None, ""),
        (False, ""),
    ],
)
def test_number_id(value, text):
    assert number_id(value) == text


def test_fixed_decimals_and_percent():
    assert number_id(91.6, 2) == "91,60"
    assert number_id(2.5, 0) == "3"  # half up, as the forms round
    assert percent_id(91.666) == "91,67%"
    assert percent_id(150) == "150,00%"
    assert percent_id(1250.5) == "1.250,50%"
    assert percent_id(None) == ""


def test_quantity_with_unit():
    assert quantity_id(10.5, "laporan") == "10,5 laporan"
    assert quantity_id(1250, "dokumen") == "1.250 dokumen"
    assert quantity_id(3.45, False) == "3,45"
