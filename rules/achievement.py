"""Indicator achievement and the suggested results rating.

* Achievement % = realisation / target x 100 (PermenPANRB 8/2021, formula of
  Capaian IKI, the predecessor that 6/2022 keeps for quantitative indicators).
* Where less is better (time, cost) the achievement is inverted with the formula
  of the same source for that "kondisi khusus": (1 + (1 - realisation / target))
  x 100, floored at 0 - 6.5 months against a 7-month target gives 107%.
* Suggested results rating (000 Lampiran 2, "Matriks objektivitas pemberian
  rating kinerja ASN", row "Capaian Hasil Kerja": ">100% target" -> di atas
  ekspektasi; "80-100% target" -> sesuai; "<80% target" -> di bawah).
* Time indicators (aspect ``waktu``) have their own row of that matrix, "Ketepatan
  Waktu": "Lebih cepat dari target" (faster than the target) -> di atas; "Sesuai
  jadwal" (on schedule) -> sesuai; "Terlambat" (late) -> di bawah. The 80-100% band
  does not apply: 7.5 months against a 7-month target is late, so below. Faster,
  on schedule and late are decided on the exact realisation and target, not on a
  rounded percentage. Cost (``biaya``) has no row: its achievement is inverted and
  rated on the "Capaian Hasil Kerja" row.
* For a period (``period_achievement``) the cumulative realisation at the end of the
  period is measured against the part of the yearly target due by then, the
  trajectory target (002 D.4.c "target periodik (trajectory target)"): the share of
  the year up to the period's last month (3/12 after March, 11/12 after November),
  the whole target for the annual period. Time and cost targets (less is better)
  are not pro-rated. One definition for every screen, list, form and the
  evaluation's suggestions.
The evaluator decides; these are only suggestions.
"""

from collections import namedtuple
from decimal import ROUND_HALF_UP, Decimal

from .constants import DI_ATAS, DI_BAWAH, SESUAI, WAKTU

HUNDRED = Decimal(100)


def _dec(value, name):
    if value is None or isinstance(value, bool):
        raise ValueError(f"{name} is required")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite():
        raise ValueError(f"{name} {value!r} is not a number")
    return number


def achievement_percent(target, realisation, less_is_better=False, digits=2):
    """Achievement of an indicator in percent, rounded half up to ``digits``."""
    target = _dec(target, "target")
    realisation = _dec(realisation, "realisation")
    if target <= 0:
        raise ValueError("the target must be positive")
    if realisation < 0:
        raise ValueError("the realisation cannot be negative")
    ratio = realisation / target
    if less_is_better:
        ratio = max(Decimal(0), 2 - ratio)
    return (ratio * HUNDRED).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def suggested_rating(percent, aspect=None):
    """Results rating suggested by an achievement % (000 Lampiran 2): the row
    "Capaian Hasil Kerja", or for ``aspect`` ``waktu`` the row "Ketepatan Waktu"
    (above 100% faster, exactly 100% on schedule, below 100% late)."""
    percent = _dec(percent, "achievement")
    if aspect == WAKTU:
        return DI_ATAS if percent > HUNDRED else SESUAI if percent == HUNDRED else DI_BAWAH
    if percent > HUNDRED:
        return DI_ATAS
    if percent >= 80:
        return SESUAI
    return DI_BAWAH


def timeliness_rating(target, realisation, less_is_better=True):
    """Row "Ketepatan Waktu" of 000 Lampiran 2 for one time indicator, on the exact
    values: faster than the target -> di atas, on schedule -> sesuai, late -> di
    bawah. A time indicator normally counts time (less is better); where the agency
    marks it otherwise (e.g. a share of deliveries on time), more is better."""
    achievement_percent(target, realisation, less_is_better)  # validates both values
    target = _dec(target, "target")
    realisation = _dec(realisation, "realisation")
    if realisation == target:
        return SESUAI
    return DI_ATAS if (realisation < target) == bool(less_is_better) else DI_BAWAH


def suggested_rating_for(target, realisation, less_is_better=False, aspect=None):
    """Both steps at once: the rating suggested for one indicator of ``aspect``."""
    if aspect == WAKTU:
        return timeliness_rating(target, realisation, less_is_better)
    return suggested_rating(achievement_percent(target, realisation, less_is_better))


PeriodAchievement = namedtuple("PeriodAchievement", "target percent rating")


def period_share(kind, end_month):
    """The share of the yearly target due by the end of a period: its last month
    over 12 (``end_month``), the whole target for the annual period (002 D.4.c)."""
    if kind == "annual":
        return Decimal(1)
    end_month = int(end_month)
    if not 1 <= end_month <= 12:
        raise ValueError(f"month {end_month} outside 1-12")
    return Decimal(end_month) / 12


def period_target(target, less_is_better, share):
    """The target due by the end of a period (the trajectory target, 002 D.4.c):
    ``share`` of the yearly target; a time or cost target (less is better) whole."""
    share = _dec(share, "share")
    if not 0 < share <= 1:
        raise ValueError(f"share {share} outside (0, 1]")
    target = _dec(target, "target")
    return target if less_is_better else target * share


def period_achievement(target, realisation, less_is_better=False, aspect=None, share=1):
    """The achievement of one indicator for a period: (the period's target, the
    percent against it, the suggested rating). The realisation is cumulative to the
    end of the period; a time indicator is rated on its own row ("Ketepatan Waktu",
    exact values), every other one on the "Capaian Hasil Kerja" row of its percent."""
    due = period_target(target, less_is_better, share)
    percent = achievement_percent(due, realisation, less_is_better)
    if aspect == WAKTU:
        rating = timeliness_rating(target, realisation, less_is_better)
    else:
        rating = suggested_rating(percent)
    return PeriodAchievement(due, percent, rating)
