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

from .i18n import RuleError, _

PNS = "pns"
PPPK = "pppk"
MIN_AGE = 18


class NipError(RuleError):
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
        raise NipError(_("Choose whether the employee is a PNS or a PPPK before entering the NIP."))
    if len(number) != 18 or not set(number) <= set("0123456789"):
        raise NipError(
            _("A NIP has exactly 18 digits; %(nip)s has %(length)s characters."),
            nip=number,
            length=len(number),
        )
    try:
        birth = datetime.date(int(number[0:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        raise NipError(
            _(
                "Digits 1-8 of NIP %(nip)s must be the birth date (YYYYMMDD); "
                "%(digits)s is not a date."
            ),
            nip=number,
            digits=number[0:8],
        ) from None
    if birth > today:
        raise NipError(
            _("The birth date in NIP %(nip)s (%(date)s) lies in the future."),
            nip=number,
            date=birth,
        )
    year = int(number[8:12])
    month = None
    if asn_type == PNS:
        month = int(number[12:14])
        if not 1 <= month <= 12:
            raise NipError(
                _(
                    "Digits 9-14 of a PNS NIP are the appointment year and month (YYYYMM); "
                    "%(digits)s has month %(month)s."
                ),
                nip=number,
                digits=number[8:14],
                month=number[12:14],
            )
    if (year, month or 1) > (today.year, today.month if month else 12):
        raise NipError(_("The appointment date in NIP %(nip)s lies in the future."), nip=number)
    if (year, month or 12) < (birth.year + MIN_AGE, birth.month):
        raise NipError(
            _(
                "NIP %(nip)s: an appointment in %(year)s is before the employee turned "
                "%(age)s (born %(date)s)."
            ),
            nip=number,
            year=year,
            age=MIN_AGE,
            date=birth,
        )
    gender = {"1": "male", "2": "female"}.get(number[14])
    if not gender:
        raise NipError(
            _("Digit 15 of NIP %(nip)s is the gender: 1 (male) or 2 (female)."), nip=number
        )
    sequence = int(number[15:18])
    if not sequence:
        raise NipError(_("Digits 16-18 of NIP %(nip)s are a sequence number from 001."), nip=number)
    return Nip(number, asn_type, birth, year, month, gender, sequence)


def is_valid(number, asn_type, today=None):
    try:
        parse(number, asn_type, today)
    except NipError:
        return False
    return True
