"""Pola distribusi: the distribution guidance of employee predicates in a unit.

Source: SE MenPANRB 3/2023 as restated by Aceh Timur 860/138 (002 D.5.c); the
curves of Sumedang 103/2023 (003 section B.2) say the same without percentages.
The pattern is guidance the leader weighs ("sebagai pertimbangan", 002 D.5.b): the
checker explains every deviation; whether a deviation may be confirmed is an
agency setting decided by the caller.

Counting rule (whole people; n = employees of the unit that have a predicate):

* "at most p%"      -> count <= floor(p * n)  (never more than the stated share)
* "at least p%"     -> count >= ceil(p * n)   (never less than the stated share)
* "most" (sebagian besar) -> count >= floor(n / 2) + 1 (more than half)
* "there must be" (harus ada) -> count >= 1
* "no" (tidak ada)  -> count == 0
  Shares are exact fractions, so 70% of 10 is exactly 7.

Small units: in whole people some patterns have no solution in a unit of fewer
than ``SMALL_UNIT`` (5) people - with 1, 2 or 4 people "most, at most 70%" of an
Istimewa or Baik unit cannot both hold, and a Kurang or Sangat Kurang unit of 1 or
2 cannot have 60% of one predicate and 10% of another. Only those (achievement,
size) pairs are exempt, and they are derived by enumerating every distribution of
the unit (``satisfiable``), not listed by hand: Istimewa and Baik at 1, 2 and 4,
Kurang and Sangat Kurang at 1 and 2 (``EXEMPT``). In an exempt unit the "no" rules
(which never force anyone into a predicate) are still checked and every other rule
is returned as a note saying that no distribution of that many people meets the
whole pattern. Everywhere else - Butuh Perbaikan at every size, every achievement
at 3, Kurang and Sangat Kurang at 4, and every unit from 5 people on - the full
pattern is checked. From 5 people on, every pattern can be met exactly (tested by
brute force).
"""

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from itertools import product
from math import ceil, floor

from .constants import (
    ACHIEVEMENT_NAMES,
    ACHIEVEMENTS,
    BAIK,
    BUTUH_PERBAIKAN,
    ISTIMEWA,
    KURANG,
    PREDICATE_NAMES,
    PREDICATES,
    SANGAT_BAIK,
    SANGAT_KURANG,
)
from .i18n import _

SMALL_UNIT = 5

MOST = "most"
MAX_SHARE = "max_share"
MIN_SHARE = "min_share"
AT_LEAST_ONE = "at_least_one"
NONE = "none"
KINDS = (MOST, MAX_SHARE, MIN_SHARE, AT_LEAST_ONE, NONE)

TEMPLATES = {
    MOST: _(
        "Most employees should be %(predicates)s: more than half of %(n)s is "
        "%(bound)s, but %(count)s are."
    ),
    MAX_SHARE: _(
        "At most %(percent)s%% of the employees may be %(predicates)s: %(percent)s%% "
        "of %(n)s is %(exact)s, so at most %(bound)s; there are %(count)s."
    ),
    MIN_SHARE: _(
        "At least %(percent)s%% of the employees must be %(predicates)s: %(percent)s%% "
        "of %(n)s is %(exact)s, so at least %(bound)s; there are %(count)s."
    ),
    AT_LEAST_ONE: _("There must be at least one employee with %(predicates)s; there is none."),
    NONE: _(
        "No employee may be %(predicates)s when the unit's achievement is "
        "%(achievement)s; there are %(count)s."
    ),
}
SMALL_UNIT_NOTE = _(
    "The unit has %(n)s employees: no distribution of %(n)s people meets the whole "
    "pattern for a unit achieving %(achievement)s in whole people, so this rule is "
    "shown for guidance only: %(rule)s"
)
DESCRIPTIONS = {
    MOST: _("most employees %(predicates)s"),
    MAX_SHARE: _("at most %(percent)s%% %(predicates)s"),
    MIN_SHARE: _("at least %(percent)s%% %(predicates)s"),
    AT_LEAST_ONE: _("at least one %(predicates)s"),
    NONE: _("no %(predicates)s"),
}


@dataclass(frozen=True)
class Rule:
    kind: str
    predicates: tuple
    share: Fraction = None
    source: str = "002 D.5.c"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown rule kind {self.kind!r}")
        if not self.predicates or set(self.predicates) - set(PREDICATES):
            raise ValueError(f"bad predicates {self.predicates!r}")
        if (self.kind in (MAX_SHARE, MIN_SHARE)) != (self.share is not None):
            raise ValueError(f"{self.kind} rules need a share, the others none")
        if self.share is not None and not 0 < self.share <= 1:
            raise ValueError(f"share {self.share} outside (0, 1]")

    @property
    def code(self):
        return f"{self.kind}:{'+'.join(self.predicates)}"

    def bound(self, n):
        """The whole-person bound for a unit of n (see the module's counting rule)."""
        if self.kind == MOST:
            return n // 2 + 1
        if self.kind == MAX_SHARE:
            return floor(self.share * n)
        if self.kind == MIN_SHARE:
            return ceil(self.share * n)
        if self.kind == AT_LEAST_ONE:
            return 1
        return 0

    def is_upper(self):
        return self.kind in (MAX_SHARE, NONE)

    def holds(self, count, n):
        bound = self.bound(n)
        return count <= bound if self.is_upper() else count >= bound


def _pct(share):
    return Fraction(share) * 100


# The guidance per organisation achievement (002 D.5.c 1-5).
GUIDANCE = {
    ISTIMEWA: (
        Rule(MOST, (SANGAT_BAIK,)),
        Rule(MAX_SHARE, (SANGAT_BAIK,), Fraction(7, 10)),
    ),
    BAIK: (
        Rule(MOST, (BAIK,)),
        Rule(MAX_SHARE, (BAIK,), Fraction(7, 10)),
        Rule(AT_LEAST_ONE, (BUTUH_PERBAIKAN, KURANG)),
    ),
    BUTUH_PERBAIKAN: (
        Rule(MIN_SHARE, (BUTUH_PERBAIKAN,), Fraction(6, 10)),
        Rule(MAX_SHARE, (SANGAT_BAIK,), Fraction(1, 10)),
    ),
    KURANG: (
        Rule(MIN_SHARE, (KURANG,), Fraction(6, 10)),
        Rule(MIN_SHARE, (BUTUH_PERBAIKAN,), Fraction(1, 10)),
        Rule(MAX_SHARE, (SANGAT_BAIK,), Fraction(1, 10)),
    ),
    SANGAT_KURANG: (
        Rule(MIN_SHARE, (SANGAT_KURANG,), Fraction(6, 10)),
        Rule(MIN_SHARE, (KURANG, BUTUH_PERBAIKAN), Fraction(1, 10)),
        Rule(NONE, (SANGAT_BAIK,)),
    ),
}


@dataclass(frozen=True)
class Finding:
    """A rule that does not hold (a violation) or cannot apply (a note)."""

    rule: Rule
    count: int
    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        return self.template % self.params


@dataclass(frozen=True)
class Result:
    achievement: str
    n: int
    counts: dict
    violations: tuple
    notes: tuple

    @property
    def ok(self):
        return not self.violations


def _format_percent(value):
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def params(rule, count, n, achievement):
    exact = rule.share * n if rule.share is not None else None
    return {
        "predicates": " and/or ".join(PREDICATE_NAMES[p] for p in rule.predicates),
        "percent": _format_percent(_pct(rule.share)) if rule.share is not None else "",
        "n": n,
        "exact": _format_percent(exact) if exact is not None else "",
        "bound": rule.bound(n),
        "count": count,
        "achievement": ACHIEVEMENT_NAMES[achievement],
    }


def describe(rule):
    """A short English description of a rule, e.g. 'at most 70% Sangat Baik'."""
    return DESCRIPTIONS[rule.kind] % params(rule, 0, 0, ISTIMEWA)


def count_predicates(predicates):
    """Count an iterable of predicate keys (None = not rated yet, ignored)."""
    counts = dict.fromkeys(PREDICATES, 0)
    for predicate in predicates:
        if predicate is None:
            continue
        if predicate not in counts:
            raise ValueError(f"{predicate!r} is not a predicate")
        counts[predicate] += 1
    return counts


def compositions(n):
    """Every way to spread n people over the five predicates, as count dicts."""
    for head in product(range(n + 1), repeat=len(PREDICATES) - 1):
        if sum(head) <= n:
            yield dict(zip(PREDICATES, (*head, n - sum(head)), strict=True))


@cache
def satisfiable(rules, n):
    """Whether some distribution of n people, in whole people, meets every one of
    ``rules`` (a tuple of ``Rule``): found by enumerating all of them."""
    return any(
        all(rule.holds(sum(counts[p] for p in rule.predicates), n) for rule in rules)
        for counts in compositions(n)
    )


def exempt(achievement, n, guidance=None, small_unit=SMALL_UNIT):
    """Whether a unit of n people with this achievement is exempt from the pattern
    but its "no" rules: it has fewer than ``small_unit`` people and no distribution
    of them meets the whole pattern (see the module)."""
    rules = tuple((GUIDANCE if guidance is None else guidance)[achievement])
    return 0 < n < small_unit and not satisfiable(rules, n)


# The (achievement, size) pairs exempt under the default guidance, derived.
EXEMPT = frozenset(
    (achievement, n)
    for achievement in ACHIEVEMENTS
    for n in range(1, SMALL_UNIT)
    if exempt(achievement, n)
)


def check(achievement, counts, guidance=None, small_unit=SMALL_UNIT):
    """Check the predicate counts of a unit against the guidance for its achievement.

    ``counts`` maps predicate -> number of employees (missing = 0). Returns a
    ``Result`` whose ``violations`` explain every rule that does not hold and whose
    ``notes`` list the rules an exempt small unit only shows for guidance.
    """
    if achievement not in ACHIEVEMENTS:
        raise ValueError(f"{achievement!r} is not an organisation achievement")
    unknown = set(counts) - set(PREDICATES)
    if unknown:
        raise ValueError(f"unknown predicates {sorted(unknown)}")
    counts = {p: int(counts.get(p, 0)) for p in PREDICATES}
    if any(c < 0 for c in counts.values()):
        raise ValueError("counts cannot be negative")
    n = sum(counts.values())
    rules = (GUIDANCE if guidance is None else guidance)[achievement]
    violations, notes = [], []
    small = exempt(achievement, n, guidance, small_unit)
    for rule in rules:
        count = sum(counts[p] for p in rule.predicates)
        values = params(rule, count, n, achievement)
        if small and rule.kind != NONE:
            notes.append(
                Finding(
                    rule,
                    count,
                    SMALL_UNIT_NOTE,
                    {
                        "n": n,
                        "achievement": values["achievement"],
                        "rule": DESCRIPTIONS[rule.kind] % values,
                    },
                )
            )
            continue
        if n and not rule.holds(count, n):
            violations.append(Finding(rule, count, TEMPLATES[rule.kind], values))
    return Result(achievement, n, counts, tuple(violations), tuple(notes))
