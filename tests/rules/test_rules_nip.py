"""NIP (Nomor Induk Pegawai): structure and validation.

Sources: DOMAIN section 2 (18 digits for PNS: birth date YYYYMMDD, appointment
YYYYMM, gender digit 1/2, 3-digit sequence) and the module docstring of
``rules.nip`` (PPPK: appointment year and a code such as 21 in digits 13-14;
minimum age 18, PP 11/2017 Pasal 23).
"""

import datetime

import pytest

from rules import nip

TODAY = datetime.date(2026, 6, 1)
PNS_NIP = "198503142010011002"
PPPK_NIP = "199001012022212001"


def test_valid_pns_domain_2():
    """DOMAIN 2: 19850314 born, 201001 appointed, 1 male, sequence 002."""
    parsed = nip.parse(PNS_NIP, nip.PNS, today=TODAY)
    assert parsed == nip.Nip(
        number=PNS_NIP,
        asn_type=nip.PNS,
        birth_date=datetime.date(1985, 3, 14),
        appointment_year=2010,
        appointment_month=1,
        gender="male",
        sequence=2,
    )
    assert nip.is_valid(PNS_NIP, nip.PNS, today=TODAY)


def test_valid_pppk_with_code_21():
    """Module docstring: a PPPK NIP carries a code (21) where a PNS has the month."""
    parsed = nip.parse(PPPK_NIP, nip.PPPK, today=TODAY)
    assert parsed.birth_date == datetime.date(1990, 1, 1)
    assert parsed.appointment_year == 2022
    assert parsed.appointment_month is None
    assert parsed.gender == "female"
    assert parsed.sequence == 1


def test_code_21_is_not_a_pns_month():
    """Module docstring: the same number is refused as a PNS NIP (month 21)."""
    assert nip.is_valid(PPPK_NIP, nip.PPPK, today=TODAY)
    assert not nip.is_valid(PPPK_NIP, nip.PNS, today=TODAY)
    with pytest.raises(nip.NipError, match="has month 21"):
        nip.parse(PPPK_NIP, nip.PNS, today=TODAY)


@pytest.mark.parametrize(
    "number, reason",
    [
        ("19850314201001100", "exactly 18 digits"),  # 17 digits
        ("1985031420100110021", "exactly 18 digits"),  # 19 digits
        ("19850314201001100A", "exactly 18 digits"),  # a letter
        ("", "exactly 18 digits"),
        ("198702302010011002", "not a date"),  # 30 February 1987
        ("198513142010011002", "not a date"),  # birth month 13
        ("198503142010131002", "has month 13"),  # appointment month 13
        ("198503142010001002", "has month 00"),  # appointment month 00
        ("198503142010013002", "gender"),  # gender digit 3
        ("198503142010010002", "gender"),  # gender digit 0
        ("198503142010011000", "sequence"),  # sequence 000
        ("198503142002011002", "turned 18"),  # appointed at 16
        ("198503142027011002", "future"),  # appointed in 2027
        ("203001012050011001", "birth date .* future"),  # born in 2030
    ],
)
def test_invalid_pns(number, reason):
    """DOMAIN 2 and module docstring: impossible NIPs are refused with the reason."""
    with pytest.raises(nip.NipError, match=reason):
        nip.parse(number, nip.PNS, today=TODAY)
    assert not nip.is_valid(number, nip.PNS, today=TODAY)


def test_nip_error_is_a_value_error():
    assert issubclass(nip.NipError, ValueError)


def test_appointment_at_18_is_accepted():
    """PP 11/2017 Pasal 23: born March 1985, appointed March 2003 (age 18) is fine;
    February 2003 is before the 18th birthday month."""
    assert nip.is_valid("198503142003031002", nip.PNS, today=TODAY)
    assert not nip.is_valid("198503142003021002", nip.PNS, today=TODAY)


def test_appointment_this_month_is_not_in_the_future():
    assert nip.is_valid("198503142026061002", nip.PNS, today=TODAY)
    assert not nip.is_valid("198503142026071002", nip.PNS, today=TODAY)


@pytest.mark.parametrize(
    "number, reason",
    [
        ("199001012027212001", "future"),  # PPPK appointed next year
        ("199001012005212001", "turned 18"),  # PPPK appointed at 15
        ("199001012022213001", "gender"),
        ("199001012022212000", "sequence"),
    ],
)
def test_invalid_pppk(number, reason):
    with pytest.raises(nip.NipError, match=reason):
        nip.parse(number, nip.PPPK, today=TODAY)


def test_birth_date_in_the_future_depends_on_today():
    """The check uses ``today=``: a birth date of 2000 is in the future for 1999."""
    number = "200001012022212001"
    assert nip.is_valid(number, nip.PPPK, today=TODAY)
    with pytest.raises(nip.NipError, match="future"):
        nip.parse(number, nip.PPPK, today=datetime.date(1999, 12, 31))


@pytest.mark.parametrize(
    "typed",
    [
        "19850314 201001 1 002",
        "19850314.201001.1.002",
        "19850314-201001-1-002",
        " 198503142010011002\t",
    ],
)
def test_spaces_dots_and_dashes_are_normalised(typed):
    """Module docstring: spaces, dots and dashes typed by people are dropped."""
    assert nip.normalize(typed) == PNS_NIP
    assert nip.parse(typed, nip.PNS, today=TODAY).number == PNS_NIP


def test_asn_type_is_required():
    with pytest.raises(nip.NipError, match="PNS or a PPPK"):
        nip.parse(PNS_NIP, None, today=TODAY)
    assert not nip.is_valid(PNS_NIP, "honorer", today=TODAY)


def test_none_is_invalid():
    assert nip.normalize(None) == ""
    assert not nip.is_valid(None, nip.PNS, today=TODAY)


def test_is_valid_never_raises_for_odd_digits():
    """parse() docstring: 'raise NipError with the reason'; is_valid() returns a bool."""
    assert nip.is_valid("19850314201\u00b2011002", nip.PNS, today=TODAY) is False
