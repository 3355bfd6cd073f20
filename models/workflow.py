"""A marker only server code can put in the context.

Workflow steps (sign, submit, assign, record progress) write fields that a user may
not write directly. They mark their write with ``workflow(records)``; the checks
skip a write only when ``is_workflow(records)``. A client's context is JSON and can
never hold this object, so the marker cannot be forged over RPC.
"""

_WORKFLOW = object()


def workflow(records):
    return records.with_context(kinerja_workflow=_WORKFLOW)


def is_workflow(records):
    return records.env.context.get("kinerja_workflow") is _WORKFLOW
