"""Auto-proposal of a unit's predicates that satisfies the distribution guidance
with the fewest changes (the pattern of 002 D.5.c, checked by ``distribution``).

Exactness. Given the current counts a_k per predicate and target counts t_k, the
fewest employees that must change is n - sum_k min(a_k, t_k): in each predicate
min(a_k, t_k) people can stay. The rules are bounds on single predicates plus at
most one bound on a group of predicates (Butuh Perbaikan and/or Kurang), inside the
total n - a laminar family. For a fixed group total s, each side is "fill bounded
bins to a fixed sum", whose best value has a closed form; trying every s gives the
optimum in O(n). Guidance with other shapes falls back to enumerating count
vectors. Tested against brute force over every assignment of small units.

Who changes (002 D.6.b; 003 section B.3.a.1.e: the evaluator compares the
employees by their contribution to the unit). Contribution is the caller's number
(e.g. indicator achievement and roles in the matriks peran hasil); ties keep the
input order. The counts decide how many people of each predicate move to which
predicate; then, among the people of one predicate, the highest contributors are
the ones raised and the lowest contributors the ones lowered, and when they move
to several predicates the highest contributors are raised furthest and the lowest
contributors lowered furthest. So among employees who had the same predicate a
higher contributor never ends below a lower one. Every reason says only what is
true of its employee. People beyond what the rules force go to the best predicate
the rules allow (e.g. in a Baik unit with too many Baik, the top contributors are
proposed for Sangat Baik before anyone is lowered further than the pattern needs);
the leader reviews and edits every proposal.
"""

from dataclasses import dataclass, field
from itertools import product

from . import distribution
from .constants import ACHIEVEMENT_NAMES, PREDICATE_NAMES, PREDICATES
from .i18n import _

RANK = {predicate: index for index, predicate in enumerate(PREDICATES)}  # 0 = best


@dataclass(frozen=True)
class Change:
    key: object
    old: str
    new: str
    reason: str  # explanation template
    params: dict

    @property
    def message(self):
        return self.reason % self.params


@dataclass(frozen=True)
class Proposal:
    feasible: bool
    targets: dict  # predicate -> count
    changes: tuple  # Change, in input order
    violations: tuple = ()  # the checker's findings on the current distribution
    explanation: str = ""  # why no distribution fits, when infeasible (rules' words)
    # INFEASIBLE's parameters for a reader's language: n and the achievement's key
    # (the violations are rendered from ``violations``)
    explanation_params: dict = field(default_factory=dict)


def _bounds(achievement, n, guidance, small_unit):
    """Per-predicate [lo, hi] and the group bounds the checker would enforce."""
    lo = dict.fromkeys(PREDICATES, 0)
    hi = dict.fromkeys(PREDICATES, n)
    groups = {}
    small = distribution.exempt(achievement, n, guidance, small_unit)
    for rule in (distribution.GUIDANCE if guidance is None else guidance)[achievement]:
        if small and rule.kind != distribution.NONE:
            continue  # an exempt small unit only enforces the "no" rules (see distribution)
        bound = rule.bound(n)
        key = frozenset(rule.predicates)
        if len(key) == 1:
            (predicate,) = key
            if rule.is_upper():
                hi[predicate] = min(hi[predicate], bound)
            else:
                lo[predicate] = max(lo[predicate], bound)
        else:
            g_lo, g_hi = groups.get(key, (0, n))
            groups[key] = (g_lo, min(g_hi, bound)) if rule.is_upper() else (max(g_lo, bound), g_hi)
    return lo, hi, groups


def bounds(achievement, n, guidance=None, small_unit=distribution.SMALL_UNIT):
    """{predicate: (lowest, highest) count} the pattern allows in a unit of n, and
    the bounds on groups of predicates ({frozenset: (lowest, highest)})."""
    lo, hi, groups = _bounds(achievement, n, guidance, small_unit)
    return {k: (lo[k], hi[k]) for k in PREDICATES}, groups


def _fill(members, total, counts, lo, hi):
    """Best targets for ``members`` summing to ``total`` within [lo, hi], keeping as
    many current people as possible. None if impossible."""
    if not sum(lo[k] for k in members) <= total <= sum(hi[k] for k in members):
        return None
    targets = {k: lo[k] for k in members}
    rest = total - sum(targets.values())
    for k in members:  # first up to the current count: each unit keeps a person
        step = min(rest, max(0, min(counts[k], hi[k]) - targets[k]))
        targets[k] += step
        rest -= step
    for k in members:  # then anywhere there is room
        step = min(rest, hi[k] - targets[k])
        targets[k] += step
        rest -= step
    return targets


def _kept(targets, counts):
    return sum(min(counts[k], targets[k]) for k in PREDICATES)


def best_targets(achievement, counts, guidance=None, small_unit=distribution.SMALL_UNIT):
    """Target counts satisfying the guidance and keeping the most people, or None."""
    counts = {k: int(counts.get(k, 0)) for k in PREDICATES}
    n = sum(counts.values())
    lo, hi, groups = _bounds(achievement, n, guidance, small_unit)
    if any(lo[k] > hi[k] for k in PREDICATES):
        return None
    if len(groups) > 1:
        return _enumerate(achievement, counts, guidance, small_unit)
    group, (g_lo, g_hi) = next(iter(groups.items()), (frozenset(), (0, 0)))
    inside = [k for k in PREDICATES if k in group]
    outside = [k for k in PREDICATES if k not in group]
    best = None
    for s in range(max(g_lo, 0), min(g_hi, n) + 1) if inside else [0]:
        part_in = _fill(inside, s, counts, lo, hi) if inside else {}
        part_out = _fill(outside, n - s, counts, lo, hi)
        if part_in is None or part_out is None:
            continue
        targets = {**part_in, **part_out}
        if best is None or _kept(targets, counts) > _kept(best, counts):
            best = targets
    return best


def _enumerate(achievement, counts, guidance, small_unit):
    n = sum(counts.values())
    best = None
    for head in product(range(n + 1), repeat=len(PREDICATES) - 1):
        if sum(head) > n:
            continue
        targets = dict(zip(PREDICATES, (*head, n - sum(head)), strict=True))
        result = distribution.check(achievement, targets, guidance, small_unit)
        if result.ok and (best is None or _kept(targets, counts) > _kept(best, counts)):
            best = targets
    return best


RAISED = _(
    "%(old)s to %(new)s: raised as one of the highest contributors among %(old)s; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
RAISED_ALL = _(
    "%(old)s to %(new)s: every %(old)s is raised; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
RAISED_FURTHEST = _(
    "%(old)s to %(new)s: raised furthest, as one of the %(moved_new)s highest contributors "
    "among the %(have_old)s %(old)s; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
RAISED_LESS = _(
    "%(old)s to %(new)s: raised only to %(new)s, as the %(further_count)s highest contributors "
    "among %(old)s go further, to %(further)s; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
LOWERED = _(
    "%(old)s to %(new)s: lowered as one of the lowest contributors among %(old)s; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
LOWERED_ALL = _(
    "%(old)s to %(new)s: every %(old)s is lowered; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
LOWERED_FURTHEST = _(
    "%(old)s to %(new)s: lowered furthest, as one of the %(moved_new)s lowest contributors "
    "among the %(have_old)s %(old)s; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
LOWERED_LESS = _(
    "%(old)s to %(new)s: lowered only to %(new)s, as the %(further_count)s lowest contributors "
    "among %(old)s go further, to %(further)s; "
    "with the fewest changes that meet the pattern for a unit achieving %(achievement)s, "
    "the proposal has %(target_old)s %(old)s (now %(have_old)s) and %(target_new)s "
    "%(new)s (now %(have_new)s)."
)
INFEASIBLE = _(
    "No distribution of %(n)s employees satisfies the pattern for a unit achieving "
    "%(achievement)s: %(violations)s"
)


def propose(achievement, employees, guidance=None, small_unit=distribution.SMALL_UNIT):
    """``employees`` is a sequence of (key, predicate, contribution). Returns a
    ``Proposal`` with the fewest changes, or an infeasible one that says why."""
    employees = list(employees)
    for _key, predicate, _score in employees:
        if predicate not in RANK:
            raise ValueError(f"{predicate!r} is not a predicate")
    counts = distribution.count_predicates(p for _k, p, _s in employees)
    current = distribution.check(achievement, counts, guidance, small_unit)
    targets = best_targets(achievement, counts, guidance, small_unit)
    if targets is None:
        return Proposal(
            False,
            {},
            (),
            current.violations,
            INFEASIBLE
            % {
                "n": len(employees),
                "achievement": ACHIEVEMENT_NAMES[achievement],
                "violations": " ".join(v.message for v in current.violations),
            },
            {"n": len(employees), "achievement": achievement},
        )
    surplus = {k: counts[k] - targets[k] for k in PREDICATES if counts[k] > targets[k]}
    deficit = {k: targets[k] - counts[k] for k in PREDICATES if targets[k] > counts[k]}
    changes = {}
    for old, extra in surplus.items():
        # How many move where: better predicates best first, then worse ones nearest
        # first (the counts only; who moves is decided below).
        up, down = [], []
        for new in [k for k in PREDICATES if k in deficit and RANK[k] < RANK[old]]:
            take = min(extra, deficit[new])
            if take:
                up.append((new, take))
                deficit[new] -= take
                extra -= take
        for new in [k for k in PREDICATES if k in deficit and RANK[k] > RANK[old]]:
            take = min(extra, deficit[new])
            if take:
                down.append((new, take))
                deficit[new] -= take
                extra -= take
        members = [(index, e) for index, e in enumerate(employees) if e[1] == old]
        # highest contributors first, input order on ties
        ranked = sorted(members, key=lambda item: (-item[1][2], item[0]))
        context = {
            "achievement": achievement,
            "old": old,
            "counts": counts,
            "targets": targets,
            "moved": sum(take for _new, take in up),
        }
        # the highest contributors are raised, the highest of them to the best predicate
        for position, (new, take) in enumerate(up):
            for _i in range(take):
                index, (key, _p, _s) = ranked.pop(0)
                changes[index] = _change(key, new, up, position, RAISED, context)
        # the lowest contributors are lowered, the lowest of them to the worst predicate
        down.reverse()
        context["moved"] = sum(take for _new, take in down)
        for position, (new, take) in enumerate(down):
            for _i in range(take):
                index, (key, _p, _s) = ranked.pop()
                changes[index] = _change(key, new, down, position, LOWERED, context)
    return Proposal(True, targets, tuple(changes[i] for i in sorted(changes)), current.violations)


def _change(key, new, moves, position, direction, context):
    """The change of one employee and the reason that is true of them. ``moves`` are
    the (predicate, count) moves of their predicate in this direction, furthest first;
    theirs is ``moves[position]``."""
    old, counts = context["old"], context["counts"]
    raising = direction == RAISED
    if len(moves) == 1:
        if context["moved"] == counts[old]:  # nobody keeps the predicate
            reason = RAISED_ALL if raising else LOWERED_ALL
        else:
            reason = direction
    elif position == 0:
        reason = RAISED_FURTHEST if raising else LOWERED_FURTHEST
    else:
        reason = RAISED_LESS if raising else LOWERED_LESS
    params = _params(context["achievement"], old, new, counts, context["targets"])
    further = moves[:position]
    params.update(
        {
            "moved_new": moves[position][1],
            "further_count": sum(take for _k, take in further),
            "further": " and ".join(PREDICATE_NAMES[k] for k, _take in further),
            # the keys, for the reader's language to join them (not the rules' "and")
            "further_predicates": [k for k, _take in further],
        }
    )
    return Change(key, old, new, reason, params)


def _params(achievement, old, new, counts, targets):
    return {
        "old": PREDICATE_NAMES[old],
        "new": PREDICATE_NAMES[new],
        "achievement": ACHIEVEMENT_NAMES[achievement],
        "target_new": targets[new],
        "have_new": counts[new],
        "target_old": targets[old],
        "have_old": counts[old],
    }
