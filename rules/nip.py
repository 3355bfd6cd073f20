"""NIP (Nomor Induk Pegawai): structure and validation.

PNS (18 digits): birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, gender 1 (male)
or 2 (female), a 3-digit sequence from 001. PPPK (18 digits): birth date YYYYMMDD,
the appointment year YYYY, two digits that are not a month (PPPK numbers carry a
code there, e.g. 21), gender, sequence. Impossible dates are refused: a birth date
that does not exist or lies in the future, an appointment month 00 or 13+, an
appointment in the future or before the age of 18 (the minimum age to apply, PP
11/2017 Pasal 23).
"""

import datetime
from dataclasses import dataclass

PNS = "pns"
PPPK = "pppk"
MIN_AGE = 18


class NipError(ValueError):
    """An invalid NIP; the message says what is wrong, for an HR officer."""


@dataclass(frozen=True)
class Nip:
    number: str
    asn_type: str
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int  # None for PPPK
    gender: str  # "male" / "female"
    sequence: int


def normalize(number):
    """Digits only: spaces, dots and dashes typed by people are dropped."""
    return "".join(ch for ch in (number or "") if ch not in " .-\t")


def parse(number, asn_type, today=None):
    """Validate a NIP and return its parts; raise NipError with the reason."""
    today = today or datetime.date.today()
    number = normalize(number)
    if asn_type not in (PNS, PPPK):
        raise NipError("Choose whether the employee is a PNS or a PPPK before entering the NIP.")
    if len(number) != 18 or not number.isdigit():
        raise NipError(f"A NIP has exactly 18 digits; {number!r} has {len(number)} characters.")
    try:
        birth = datetime.date(int(number[0:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        raise NipError(
            f"Digits 1-8 of NIP {number} must be the birth date (YYYYMMDD); "
            f"{number[0:8]} is not a date."
        ) from None
    if birth > today:
        raise NipError(f"The birth date in NIP {number} ({birth}) lies in the future.")
    year = int(number[8:12])
    month = None
    if asn_type == PNS:
        month = int(number[12:14])
        if not 1 <= month <= 12:
            raise NipError(
                f"Digits 9-14 of a PNS NIP are the appointment year and month (YYYYMM); "
                f"{number[8:14]} has month {number[12:14]}."
            )
    if (year, month or 1) > (today.year, today.month if month else 12):
        raise NipError(f"The appointment date in NIP {number} lies in the future.")
    if (year, month or 12) < (birth.year + MIN_AGE, birth.month):
        raise NipError(
            f"NIP {number}: an appointment in {number[8:12]} is before the employee "
            f"turned {MIN_AGE} (born {birth})."
        )
    gender = {"1": "male", "2": "female"}.get(number[14])
    if not gender:
        raise NipError(f"Digit 15 of NIP {number} is the gender: 1 (male) or 2 (female).")
    sequence = int(number[15:18])
    if not sequence:
        raise NipError(f"Digits 16-18 of NIP {number} are a sequence number from 001.")
    return Nip(number, asn_type, birth, year, month, gender, sequence)


def is_valid(number, asn_type, today=None):
    try:
        parse(number, asn_type, today)
    except NipError:
        return False
    return True
