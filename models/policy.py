"""How a model declares its write policy (deny by default).

A model that inherits ``hr.kinerja.policy`` lists, next to its fields, who may create,
write or delete what, and in which state::

    _kinerja_policy = (
        allow("employee", "create write", ["value", "note"], states=["draft"]),
        allow("evaluator", "write", ["review_note"], states=["submitted"]),
        allow("employee", "unlink", states=["draft"]),
    )
    # Written only by the server's own workflow steps (submit, review).
    _kinerja_server_fields = ("reviewed_by_id", "reviewed_date", "state")

Every field a user sends that no ``allow`` grants to one of their roles on that record
(in its current state) is refused, for every user; the superuser and server-side
workflow steps (``workflow(records)``) are not checked: they write what they have
checked themselves. Roles are relations of the user to the record ("employee",
"evaluator", "superior", "leader", a model's own such as "giver") or groups
("officer", "manager", "counselling"); "user" is any user who may read the record.
"""

from typing import NamedTuple

OPERATIONS = frozenset({"create", "write", "unlink"})
# fields=ALL: every field a user can set (stored, neither computed nor related), except
# the model's _kinerja_server_fields - for configuration that a group manages whole.
ALL = "__all__"
GROUP_ROLES = {
    "officer": "hr_kinerja_asn.group_kinerja_officer",
    "manager": "hr_kinerja_asn.group_kinerja_manager",
    "counselling": "hr_kinerja_asn.group_kinerja_counselling",
}


class Allow(NamedTuple):
    roles: frozenset
    operations: frozenset
    fields: frozenset
    states: frozenset | None  # None: in every state


def allow(roles, operations, fields=(), states=None):
    """Grant ``roles`` (a name or several) the ``operations`` ("create", "write",
    "unlink", space separated) on ``fields``, while the record is in ``states``
    (None: in any state; on create, the state the new record has)."""
    roles = frozenset([roles] if isinstance(roles, str) else roles)
    operations = frozenset(operations.split())
    if not operations <= OPERATIONS:
        raise ValueError(f"unknown operations {sorted(operations - OPERATIONS)}")
    fields = frozenset([ALL] if fields == ALL else fields)
    return Allow(roles, operations, fields, None if states is None else frozenset(states))


def allowed_fields(policy, roles, operation, state, all_fields=frozenset()):
    """The fields ``roles`` may set by ``operation`` in ``state``; None if the
    operation itself is not granted (nothing may be created or deleted).
    ``all_fields`` is what ALL stands for on this model."""
    granted = None
    for rule in policy:
        if operation not in rule.operations or not (rule.roles & roles):
            continue
        if rule.states is not None and state not in rule.states:
            continue
        fields = (rule.fields - {ALL}) | (all_fields if ALL in rule.fields else frozenset())
        granted = (granted or frozenset()) | fields
    return granted


def who_may(policy, field, operation):
    """[(roles, states)] of the rules granting ``field`` by ``operation``, for the
    message that says who may change it instead."""
    return [
        (rule.roles, rule.states)
        for rule in policy
        if operation in rule.operations
        and (field is None or field in rule.fields or ALL in rule.fields)
    ]
