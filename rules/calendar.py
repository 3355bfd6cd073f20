"""The performance year: its periods, their deadlines and the agency presets.

A performance year runs January-December; the periodic evaluation is monthly or
quarterly as the agency chooses (003 section Evaluasi 8; 002 D.7), plus the annual
one. Deadlines differ by agency: the four seed agencies are presets (DOMAIN section
3). Document deadlines count working days after the evaluation window ends
(003 section Tindak lanjut 7-8).
"""

import calendar as _cal
import datetime
from dataclasses import dataclass, field, replace

from . import workdays

MONTHLY = "monthly"
QUARTERLY = "quarterly"
ANNUAL = "annual"
PERIOD_TYPES = (MONTHLY, QUARTERLY)

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ROMAN = ("I", "II", "III", "IV")
# The working-day counts a period carries for its documents and objections.
DOCUMENT_WORKDAY_FIELDS = (
    "handover_workdays",
    "return_workdays",
    "report_workdays",
    "superior_sign_workdays",
    "superior_handover_workdays",
    "superior_return_workdays",
    "objection_workdays",
    "objection_decision_workdays",
)


@dataclass(frozen=True)
class DateRule:
    """A calendar date ``months_after`` months after a reference month, on ``day``
    (None = the last day of that month; a day past the month's end is clamped)."""

    months_after: int
    day: int = None

    def __post_init__(self):
        if not 0 <= self.months_after <= 12:
            raise ValueError("months_after must be between 0 and 12")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError("day must be between 1 and 31")

    def apply(self, year, month):
        index = year * 12 + (month - 1) + self.months_after
        year, month = divmod(index, 12)
        month += 1
        last = _cal.monthrange(year, month)[1]
        return datetime.date(year, month, min(self.day or last, last))


@dataclass(frozen=True)
class Preset:
    """An agency's deadlines. Working-day counts follow 003 unless an agency says
    otherwise; ``lock_workdays`` is how long after the evaluation deadline the
    period stays open (the superior's 14 working days to evaluate instead of a late
    evaluator, 003 section Tindak lanjut 8), 0 = lock at the deadline."""

    code: str
    name: str
    source: str
    period_types: tuple
    default_period_type: str
    skp: DateRule = DateRule(0)  # end of January (003 Pasal 14(1))
    monthly: DateRule = None
    quarterly: DateRule = None
    quarter_overrides: dict = field(default_factory=dict)
    annual: DateRule = DateRule(1)  # end of January next year (003 section Evaluasi 8.b)
    org_day: int = None  # day of the evaluation month; None = with the evaluation
    dialogue_months: int = None  # minimum months between performance dialogues
    lock_workdays: int = 14
    handover_workdays: int = 14  # evaluator hands the signed document over
    return_workdays: int = 14  # employee signs and returns it
    report_workdays: int = 30  # reported to the PyB after the evaluation window
    superior_sign_workdays: int = 14  # superior signs instead of a late evaluator
    superior_handover_workdays: int = 7
    superior_return_workdays: int = 7
    objection_workdays: int = 14  # objection filed after receipt (003 Keberatan 2)
    objection_decision_workdays: int = 7  # decided after filing (003 Keberatan 6)

    def __post_init__(self):
        if not self.period_types or set(self.period_types) - set(PERIOD_TYPES):
            raise ValueError(f"bad period types {self.period_types!r}")
        if self.default_period_type not in self.period_types:
            raise ValueError("the default period type must be one of the allowed ones")
        for period_type in self.period_types:
            if getattr(self, period_type) is None:
                raise ValueError(f"{self.code}: no deadline rule for {period_type} periods")
        if self.org_day is not None and not 1 <= self.org_day <= 31:
            raise ValueError("org_day must be a day of the month")

    def with_changes(self, **changes):
        return replace(self, **changes)


PRESETS = {
    "kutai_kartanegara": Preset(
        code="kutai_kartanegara",
        name="Kutai Kartanegara",
        source="SE Bupati Kutai Kartanegara B-25/BKPSDM/800.1.5/04/2026 (000 V.3, V.11, VI.1)",
        period_types=(MONTHLY, QUARTERLY),
        default_period_type=MONTHLY,
        monthly=DateRule(1, 5),  # the 5th of the next month (000 V.11)
        quarterly=DateRule(1, 5),  # same rule for a quarter (the SE allows both, V.3)
        annual=DateRule(1, 15),  # 15 January of the next year (000 V.11)
        dialogue_months=3,  # at least once every three months (000 VI.1)
    ),
    "lima_puluh_kota": Preset(
        code="lima_puluh_kota",
        name="Lima Puluh Kota",
        source="SE Bupati Lima Puluh Kota 800.1.5.3/428/SE/BKPSDM-LK/2024 (001 items 2, 3, 7, 9)",
        period_types=(QUARTERLY,),
        default_period_type=QUARTERLY,
        quarterly=DateRule(1),  # 30 Apr, 31 Jul, 31 Oct (001 item 3.a-c)
        quarter_overrides={4: DateRule(0)},  # Q4 by 31 December (001 item 3.d)
        annual=DateRule(1),  # 31 January of the next year (001 item 3.e)
        org_day=10,  # the 10th of the evaluation month (001 item 9)
        lock_workdays=0,  # the application locks at the deadline (001 item 7)
    ),
    "aceh_timur": Preset(
        code="aceh_timur",
        name="Aceh Timur",
        source="SE Bupati Aceh Timur 860/138 (2024) (002 D.7-D.10)",
        period_types=(MONTHLY, QUARTERLY),
        default_period_type=QUARTERLY,
        monthly=DateRule(1, 7),  # first week of the next month (002 D.8)
        quarterly=DateRule(1, 7),  # first week of Apr/Jul/Oct/Jan (002 D.9)
        annual=DateRule(1),  # end of January of the next year (002 D.10)
    ),
    "sumedang": Preset(
        code="sumedang",
        name="Sumedang",
        source="Peraturan Bupati Sumedang 103/2023 (003 Pasal 14, section Evaluasi 8)",
        period_types=(MONTHLY, QUARTERLY),
        default_period_type=MONTHLY,
        # The Perbup fixes no day for the periodic evaluation: the end of the next
        # month is this preset's default, an agency setting to correct if needed.
        monthly=DateRule(1),
        quarterly=DateRule(1),
        annual=DateRule(1),  # Desember, at the latest January of the next year
    ),
}


@dataclass(frozen=True)
class Period:
    kind: str  # "month", "quarter" or "annual"
    number: int  # 1-12, 1-4, or 0 for the annual period
    year: int
    date_start: datetime.date
    date_end: datetime.date

    @property
    def name_en(self):
        if self.kind == "month":
            return f"{MONTHS_EN[self.number - 1]} {self.year}"
        if self.kind == "quarter":
            return f"Quarter {ROMAN[self.number - 1]} {self.year}"
        return f"Annual {self.year}"

    @property
    def name_id(self):
        if self.kind == "month":
            return f"{MONTHS_ID[self.number - 1]} {self.year}"
        if self.kind == "quarter":
            return f"Triwulan {ROMAN[self.number - 1]} {self.year}"
        return f"Tahunan {self.year}"

    @property
    def last_month(self):
        return self.date_end.month


def _month_end(year, month):
    return datetime.date(year, month, _cal.monthrange(year, month)[1])


def periods(year, period_type):
    """The periods of a performance year: 12 months or 4 quarters, then the annual."""
    if period_type not in PERIOD_TYPES:
        raise ValueError(f"unknown period type {period_type!r}")
    if not 1900 < year < 2200:
        raise ValueError(f"{year} is not a plausible performance year")
    result = []
    if period_type == MONTHLY:
        for month in range(1, 13):
            result.append(
                Period("month", month, year, datetime.date(year, month, 1), _month_end(year, month))
            )
    else:
        for quarter in range(1, 5):
            first = 3 * quarter - 2
            result.append(
                Period(
                    "quarter",
                    quarter,
                    year,
                    datetime.date(year, first, 1),
                    _month_end(year, first + 2),
                )
            )
    result.append(Period("annual", 0, year, datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
    return result


def skp_deadline(preset, year, start=None):
    """The date by which an SKP must be set. The initial planning of the year is due
    by the preset's date, the end of January (003 Pasal 14(1), section Penetapan SKP
    3). 003 sets no date for an SKP that starts later in the year (a transfer, a new
    evaluator, a new hire: section Penetapan SKP 5-6); it gets the same window counted
    from its start (31 days for the end of January)."""
    initial = preset.skp.apply(year, 1)
    if start is None or start <= initial:
        return initial
    return start + (initial - datetime.date(year, 1, 1))


def evaluation_deadline(preset, period):
    if period.kind == "annual":
        return preset.annual.apply(period.year, 12)
    if period.kind == "month":
        if MONTHLY not in preset.period_types:
            raise ValueError(f"{preset.name} does not evaluate monthly")
        return preset.monthly.apply(period.year, period.last_month)
    if QUARTERLY not in preset.period_types:
        raise ValueError(f"{preset.name} does not evaluate quarterly")
    rule = preset.quarter_overrides.get(period.number, preset.quarterly)
    return rule.apply(period.year, period.last_month)


def deadlines(preset, period, holidays=(), weekdays=workdays.MON_FRI):
    """All dated deadlines of a period; working-day ones use ``holidays``."""
    evaluation = evaluation_deadline(preset, period)
    org = evaluation
    if preset.org_day:
        last = _cal.monthrange(evaluation.year, evaluation.month)[1]
        org = min(evaluation, evaluation.replace(day=min(preset.org_day, last)))

    def after(count):
        return workdays.add_working_days(evaluation, count, holidays, weekdays)

    return {
        "organisation_achievement": org,
        "evaluation": evaluation,
        "superior_evaluation": after(preset.superior_sign_workdays),
        "report": after(preset.report_workdays),
        "lock": after(preset.lock_workdays) if preset.lock_workdays else evaluation,
    }
