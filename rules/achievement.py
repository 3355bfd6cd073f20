"""Indicator achievement and the suggested results rating.

* Achievement % = realisation / target x 100 (PermenPANRB 8/2021, formula of
  Capaian IKI, the predecessor that 6/2022 keeps for quantitative indicators).
* Where less is better (time, cost) the achievement is inverted with the formula
  of the same source for that "kondisi khusus": (1 + (1 - realisation / target))
  x 100, floored at 0 - 6.5 months against a 7-month target gives 107%.
* Suggested results rating (000 Lampiran 2, "Capaian Hasil Kerja"): above 100%
  -> di atas ekspektasi; 80-100% -> sesuai; below 80% -> di bawah. The evaluator
  decides; this is only a suggestion.
"""

from decimal import ROUND_HALF_UP, Decimal

from .constants import DI_ATAS, DI_BAWAH, SESUAI

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


def suggested_rating(percent):
    """Results rating suggested by an achievement % (000 Lampiran 2)."""
    percent = _dec(percent, "achievement")
    if percent > HUNDRED:
        return DI_ATAS
    if percent >= 80:
        return SESUAI
    return DI_BAWAH


def suggested_rating_for(target, realisation, less_is_better=False):
    """Both steps at once: the rating suggested for one indicator."""
    return suggested_rating(achievement_percent(target, realisation, less_is_better))
