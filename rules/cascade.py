"""Matriks pembagian peran dan hasil (003 Format A.1.5; 003 section B.3.a.1.e).

Across: the leader's individual performance indicators (IKI). Down: the
subordinates. A cell holds the subordinate's result plans (RHK) that play a role
for that indicator, or none ("TIDAK ADA PERAN"). A subordinate RHK supports one
RHK of the leader (the "RHK pimpinan yang diintervensi" of Format A.1.7) and, if it
names one, a single indicator of it; otherwise it plays a role for every
indicator of the leader's RHK.

The gaps are what the leader must fix before setting the SKPs: indicators of the
leader that no subordinate supports, and subordinate RHKs that support nothing.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LeaderIndicator:
    id: object
    rhk_id: object


@dataclass(frozen=True)
class SubordinateRhk:
    id: object
    employee: object
    parent_rhk_id: object = None
    parent_indicator_id: object = None


@dataclass(frozen=True)
class Matrix:
    indicators: tuple  # leader indicator ids, in order
    employees: tuple  # subordinate keys, in order of first appearance
    cells: dict  # (employee, indicator id) -> tuple of subordinate RHK ids
    unsupported: tuple  # leader indicator ids that no subordinate supports
    orphans: tuple  # subordinate RHK ids that support nothing of this leader

    def roles(self, employee, indicator_id):
        return self.cells.get((employee, indicator_id), ())


def role_matrix(leader_indicators, subordinate_rhks, employees=()):
    """Build the matrix. ``employees`` lists subordinates to show even when they
    have no RHK yet (their row is all "no role")."""
    indicators = tuple(leader_indicators)
    by_rhk = {}
    for indicator in indicators:
        by_rhk.setdefault(indicator.rhk_id, []).append(indicator.id)
    known = {indicator.id for indicator in indicators}
    rows = list(dict.fromkeys(employees))
    cells, orphans = {}, []
    for rhk in subordinate_rhks:
        if rhk.employee not in rows:
            rows.append(rhk.employee)
        if rhk.parent_indicator_id in known:
            targets = [rhk.parent_indicator_id]
        else:
            targets = by_rhk.get(rhk.parent_rhk_id, [])
        if not targets:
            orphans.append(rhk.id)
        for indicator_id in targets:
            cells.setdefault((rhk.employee, indicator_id), []).append(rhk.id)
    supported = {indicator_id for (_employee, indicator_id) in cells}
    return Matrix(
        indicators=tuple(indicator.id for indicator in indicators),
        employees=tuple(rows),
        cells={key: tuple(value) for key, value in cells.items()},
        unsupported=tuple(i.id for i in indicators if i.id not in supported),
        orphans=tuple(orphans),
    )
