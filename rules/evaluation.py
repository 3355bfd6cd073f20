"""Stage 3 of the evaluation: what the system suggests to the evaluator.

Everything here is a *suggestion* the evaluator accepts or overrides (003 section
B.3.a: the evaluator weighs all feedback and evidence). Each function returns the
rating and the reasons, as (template, params) pairs the Odoo layer translates.

* Results (003 section B.3.a.1.d; 004 item 9): each RHK is rated on the rows of
  000 Lampiran 2 that measure it - "Capaian Hasil Kerja" from the mean achievement
  of its indicators other than time (> 100% above, 80-100% at, < 80% below) and
  "Ketepatan Waktu" for each time indicator (faster above, on schedule at, late
  below; ``achievement.timeliness_rating``) - and takes the lowest of them: a late
  RHK is not rated at expectation because its quantity was met. An RHK the leader
  took over is below expectation (003 Pasal 19: "counts at evaluation").
  Above when more than half of the RHKs are above, no RHK utama is below and the
  feedback on results is not mostly negative; below when more than half of the
  RHKs are below; otherwise at expectation. Negative feedback outweighing positive
  feedback lowers "above" to "at".
* Behaviour (003 section B.3.a.2; 004 item 10): below when some core value has
  more "needs improvement" than positive feedback (not yet consistent); above when
  more than half of the core values have positive feedback and none has negative
  (lives them and guards them); otherwise at expectation.
* A unit leader's results rating is their unit's achievement (002 D.6.c), through
  a 5 -> 3 mapping that is an agency setting (``LEADER_MAPPING`` is the default).
* Contribution to the unit (002 D.6.b; 003 section B.3.a.1.e), used to choose who
  is raised or lowered first by the distribution proposal: the mean indicator
  achievement of the period, plus ``ROLE_WEIGHT`` points per indicator of the
  leader in which the employee plays a role (matriks peran hasil, A.1.5), minus
  ``TAKEN_OVER_WEIGHT`` per RHK taken over.
* Annual fallback (003 section B.1.f): an annual organisation achievement set
  after January of the next year is not used; the previous year's is.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from .achievement import period_achievement, suggested_rating
from .constants import (
    ACHIEVEMENTS,
    BAIK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    ISTIMEWA,
    KURANG,
    RATINGS,
    SANGAT_KURANG,
    SESUAI,
)
from .i18n import _

# Default 5 -> 3 mapping of a unit's achievement onto its leader's results rating.
LEADER_MAPPING = {
    ISTIMEWA: DI_ATAS,
    BAIK: SESUAI,
    BUTUH_PERBAIKAN: DI_BAWAH,
    KURANG: DI_BAWAH,
    SANGAT_KURANG: DI_BAWAH,
}
ROLE_WEIGHT = Decimal(5)
TAKEN_OVER_WEIGHT = Decimal(25)


@dataclass(frozen=True)
class Rhk:
    """One RHK of the period: its kind, the achievement percents of its indicators
    other than time (the quantitative ones with a realisation), whether the leader
    took it over, the positive / needs-improvement feedback recorded on it, and the
    "Ketepatan Waktu" ratings of its time indicators (``timeliness``)."""

    utama: bool
    percents: tuple = ()
    taken_over: bool = False
    positive: int = 0
    negative: int = 0
    timeliness: tuple = ()


@dataclass(frozen=True)
class Suggestion:
    rating: str  # None when there is nothing to suggest from
    reasons: tuple  # (template, params) pairs


# Why a unit leader's results suggestion is the unit's achievement (002 D.6.c);
# params: unit (name), achievement (an ACHIEVEMENTS key).
LEADER_REASON = _("Leads %(unit)s, whose achievement is %(achievement)s (002 D.6.c).")


def leader_results(achievement, mapping=None):
    """Results rating of a unit leader: the unit's achievement (002 D.6.c)."""
    mapping = LEADER_MAPPING if mapping is None else mapping
    if achievement not in ACHIEVEMENTS:
        raise ValueError(f"{achievement!r} is not an organisation achievement")
    rating = mapping.get(achievement)
    if rating not in RATINGS:
        raise ValueError(f"the mapping has no rating for {achievement!r}")
    return rating


def rhk_rating(rhk):
    """Rating of one RHK, or None when it has no measured indicator: the lowest of
    its "Capaian Hasil Kerja" and "Ketepatan Waktu" ratings (see the module)."""
    if rhk.taken_over:
        return DI_BAWAH
    ratings = list(rhk.timeliness)
    if set(ratings) - set(RATINGS):
        raise ValueError(f"unknown ratings {sorted(set(ratings) - set(RATINGS))}")
    if rhk.percents:
        mean = sum(Decimal(str(p)) for p in rhk.percents) / len(rhk.percents)
        ratings.append(suggested_rating(mean))
    if not ratings:
        return None
    return max(ratings, key=RATINGS.index)  # RATINGS are best first


def suggest_results(rhks):
    """Suggested results rating from the period's RHKs (see the module)."""
    rated = [(rhk, rhk_rating(rhk)) for rhk in rhks]
    rated = [(rhk, rating) for rhk, rating in rated if rating]
    if not rated:
        return Suggestion(None, ((_("No indicator has a measured realisation yet."), {}),))
    n = len(rated)
    above = sum(1 for _rhk, r in rated if r == DI_ATAS)
    below = sum(1 for _rhk, r in rated if r == DI_BAWAH)
    utama_below = sum(1 for rhk, r in rated if r == DI_BAWAH and rhk.utama)
    taken = sum(1 for rhk in rhks if rhk.taken_over)
    positive = sum(rhk.positive for rhk in rhks)
    negative = sum(rhk.negative for rhk in rhks)
    reasons = [
        (
            _("%(above)s of %(n)s result plans above, %(below)s below expectations."),
            {"above": above, "below": below, "n": n},
        )
    ]
    if taken:
        reasons.append(
            (
                _("%(count)s result plan(s) taken over by the leader count as below (Pasal 19)."),
                {"count": taken},
            )
        )
    if positive or negative:
        reasons.append(
            (
                _("Feedback on results: %(positive)s positive, %(negative)s needing improvement."),
                {"positive": positive, "negative": negative},
            )
        )
    if 2 * below > n:
        rating = DI_BAWAH
    elif 2 * above > n and not utama_below:
        rating = DI_ATAS
        if negative > positive:
            rating = SESUAI
            reasons.append((_("Mostly negative feedback keeps it at expectations."), {}))
    else:
        rating = SESUAI
        if 2 * above > n and utama_below:
            reasons.append((_("A main result plan is below expectations."), {}))
    return Suggestion(rating, tuple(reasons))


def suggest_behaviour(values, core_value_count=7):
    """Suggested behaviour rating from feedback per core value: ``values`` maps a
    core value to (positive, needs-improvement) counts (003 section B.3.a.2)."""
    values = {key: pair for key, pair in values.items() if pair[0] or pair[1]}
    weak = sorted(key for key, (pos, neg) in values.items() if neg > pos)
    praised = [key for key, (pos, neg) in values.items() if pos and not neg]
    if weak:
        return Suggestion(
            DI_BAWAH,
            (
                (
                    _("%(count)s core value(s) with more feedback to improve than positive."),
                    {"count": len(weak)},
                ),
            ),
        )
    if 2 * len(praised) > core_value_count and len(praised) == len(values):
        return Suggestion(
            DI_ATAS,
            (
                (
                    _("Positive feedback on %(count)s of %(total)s core values, none negative."),
                    {"count": len(praised), "total": core_value_count},
                ),
            ),
        )
    if not values:
        return Suggestion(
            SESUAI, ((_("No feedback on core values: at expectations unless noted."), {}),)
        )
    return Suggestion(
        SESUAI,
        (
            (
                _("Feedback on %(count)s of %(total)s core values, none mostly negative."),
                {"count": len(values), "total": core_value_count},
            ),
        ),
    )


def contribution(percents, roles=0, taken_over=0):
    """Contribution score of an employee to the unit (see the module)."""
    base = Decimal(0)
    if percents:
        base = sum(Decimal(str(p)) for p in percents) / len(percents)
    return base + ROLE_WEIGHT * roles - TAKEN_OVER_WEIGHT * taken_over


def annual_achievement_usable(year, date_set):
    """Whether an annual achievement of ``year`` set on ``date_set`` may be used:
    only if set by the end of January of the next year (003 section B.1.f)."""
    return date_set <= datetime.date(year + 1, 1, 31)


def period_percent(target, realisation, less_is_better, share):
    """Achievement of a cumulative realisation at the end of a period against the
    part of the yearly target due by then (``share`` of the year, e.g. 3/12 after
    March: the trajectory target of 002 D.4.c). Time and cost targets (less is
    better) are not pro-rated. See ``achievement.period_achievement``."""
    return period_achievement(target, realisation, less_is_better, share=share).percent
