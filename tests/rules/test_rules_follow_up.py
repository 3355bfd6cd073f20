"""The follow-up lists of the evaluation documents.

Source: 003 Pasal 29(1) (priority for succession and competency development),
Pasal 31(2) (PPPK not reaching the targets agreed in the work contract), section
Tindak lanjut 11 (training needs, competency development, problems to follow up).
"""

import pytest

from rules import follow_up
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


@pytest.mark.parametrize(
    ("predicate", "result", "asn_type", "expected"),
    [
        (SANGAT_BAIK, DI_ATAS, "pns", [follow_up.SUCCESSION]),
        (SANGAT_BAIK, DI_ATAS, "pppk", [follow_up.SUCCESSION]),
        (BAIK, SESUAI, "pns", []),
        (BAIK, SESUAI, "pppk", []),
        (BUTUH_PERBAIKAN, DI_BAWAH, "pns", [follow_up.DEVELOPMENT]),
        (
            BUTUH_PERBAIKAN,
            DI_BAWAH,
            "pppk",
            [follow_up.DEVELOPMENT, follow_up.PPPK_BELOW_TARGET],
        ),
        (KURANG, SESUAI, "pppk", [follow_up.DEVELOPMENT]),
        (SANGAT_KURANG, DI_BAWAH, "pns", [follow_up.DEVELOPMENT]),
        (SANGAT_KURANG, DI_BAWAH, False, [follow_up.DEVELOPMENT]),
    ],
)
def test_lists_of(predicate, result, asn_type, expected):
    assert follow_up.lists_of(predicate, result, asn_type) == expected


def test_criteria_agree_with_lists_of():
    for name in follow_up.LISTS:
        conditions = follow_up.criteria(name)
        assert conditions
        for field, _operator, _value in conditions:
            assert field in ("predicate", "result_rating", "asn_type")
    with pytest.raises(ValueError):
        follow_up.criteria("awards")
