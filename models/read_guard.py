"""Client-triggered reads that must not cross a confidentiality boundary.

An ``onchange`` runs on a new record the client fills in: the computed and related
fields it returns - and the names of the records it points at, which the web client
reads as superuser - would show what read access refuses (issue 10, finding 4: the
employee and the counsellor of any counselling case through a session's ``case_id``).
Before such a call the user must be allowed to create records of the model at all,
and to read every protected record the client names; otherwise one refusal, the same
whether the record exists or not, so that trying ids teaches nothing. Create and
write check the records they are given the same way before anything names them.
"""

from odoo.exceptions import AccessError


def _client_id(value):
    """The id a client sends for a many2one: an int, ``[id, name]`` or ``{"id": id}``."""
    if isinstance(value, dict):
        value = value.get("id")
    elif isinstance(value, list | tuple):
        value = value[0] if value else False
    if value is False or value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(value)
    return int(value)


def client_ids(field_type, value):
    """The ids a client names in a many2one value, or links in many2many commands
    (``Command.set``/``link``; a list of ids); ValueError for what is no id."""
    if field_type == "many2one":
        found = _client_id(value)
        return {found} if found else set()
    ids = set()
    for command in value:
        if isinstance(command, int):
            ids.add(command)
        elif isinstance(command, list | tuple) and command and command[0] in (4, 6):
            targets = command[2] if command[0] == 6 else [command[1]]
            for target in targets or ():
                found = _client_id(target)
                if not found or found <= 0:
                    raise ValueError(target)
                ids.add(found)
    return ids


def named_records(model, comodel, values_list, field_name, message, defaults=False):
    """The records of ``comodel`` that ``values_list`` (and with ``defaults`` the
    context's ``default_<field_name>``) name in ``field_name``; a value that is no id
    is refused with ``message`` before anything is looked up with it."""
    values = [vals.get(field_name) for vals in values_list]
    if defaults:
        values.append(model.env.context.get(f"default_{field_name}"))
    try:
        ids = {_client_id(value) for value in values}
    except ValueError:
        raise AccessError(message) from None
    return model.env[comodel].browse(sorted(ids - {None}))


def check_readable(records, message):
    """Refuse with ``message`` unless every one of ``records`` exists and the user
    may read it - one answer for an id that does not exist and one that is hidden."""
    if records.env.su or not records:
        return
    existing = records.exists()
    if existing != records or existing._filtered_access("read") != existing:
        raise AccessError(message)


def check_onchange(model, values, field_names, message):
    """Before an onchange on ``model``: the model's create right for a new record
    (a portal user has none), then read access to the protected records named in
    ``values`` or the context's defaults for the many2one ``field_names``."""
    if model.env.su:
        return
    if not model:
        model.browse().check_access("create")
    for name in field_names:
        comodel = model._fields[name].comodel_name
        check_readable(named_records(model, comodel, [values], name, message, True), message)
