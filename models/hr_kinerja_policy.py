import math

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.models import MAGIC_COLUMNS
from odoo.tools import clean_context
from odoo.tools.translate import LazyTranslate

from .policy import GROUP_ROLES, allowed_fields, who_may
from .read_guard import check_readable, client_ids
from .workflow import is_workflow

_lt = LazyTranslate(__name__)

ROLE_LABELS = {
    "user": _lt("any reader"),
    "employee": _lt("the employee"),
    "evaluator": _lt("the evaluator"),
    "superior": _lt("the evaluator's superior"),
    "leader": _lt("the unit leader"),
    "rater": _lt("the rater (the evaluator, or their superior once escalated)"),
    "owner": _lt("who opened it"),
    "coach": _lt("the coach"),
    "mentor": _lt("the mentor"),
    "assessor": _lt("the assessor"),
    "reviewer": _lt("the reviewer (the evaluator or an HR officer, not the employee concerned)"),
    "setter": _lt("the leader who sets it"),
    "giver": _lt("who gave it"),
    "receiver": _lt("who received it"),
    "author": _lt("its author"),
    "counsellor": _lt("the counsellor"),
    "officer": _lt("an HR officer"),
    "manager": _lt("an HR manager"),
    "counselling": _lt("the counselling group"),
}


class HrKinerjaPolicy(models.AbstractModel):
    """Deny-by-default writes: one mechanism for every ``hr.kinerja.*`` model.

    A model declares ``_kinerja_policy`` (see ``models/policy.py``): which fields each
    role may create or write, and in which state, and which roles may delete. Every
    field not granted is refused to every user, whatever the client sends; only the
    superuser and workflow steps (``workflow(records)``, which check what they write
    themselves) pass. Roles come from ``_kinerja_role_fields`` (a role and the path to
    the employee or user who holds it), the groups, and ``_kinerja_extra_roles``.
    """

    _name = "hr.kinerja.policy"
    _description = "ASN Performance Write Policy"

    _kinerja_policy = ()
    # Fields only server-side steps write (documented; the access matrix test
    # requires every stored field to be granted or listed here).
    _kinerja_server_fields = ()
    _kinerja_role_fields = {
        "employee": "employee_id",
        "evaluator": "evaluator_id",
        "superior": "evaluator_superior_id",
    }
    _kinerja_state_field = "state"

    # -- roles ----------------------------------------------------------------------
    def _kinerja_roles(self):
        """{record id: the roles the current user holds on it}, for the batch."""
        user = self.env.user
        common = {"user"} | {role for role, group in GROUP_ROLES.items() if user.has_group(group)}
        result = {}
        for record in self.sudo():
            roles = set(common)
            for role, path in self._kinerja_role_fields.items():
                if path.split(".")[0] not in record._fields:
                    continue
                holders = record.mapped(path)
                if holders._name == "hr.employee":
                    holders = holders.user_id
                if user.id in holders.ids:
                    roles.add(role)
            result[record.id] = roles
        self._kinerja_extra_roles(result)
        return result

    def _kinerja_extra_roles(self, roles):
        """Add the model's own roles to ``roles`` ({id: set}) in place."""

    def _kinerja_state(self):
        field = self._kinerja_state_field
        return self[field] if field and field in self._fields else None

    # -- the check ----------------------------------------------------------------------
    @api.model
    def _kinerja_exempt_fields(self):
        """Magic columns and what mail's own mixins write (followers, activities,
        the main attachment): never part of a policy."""
        exempt = set(MAGIC_COLUMNS) | {"display_name"}
        for mixin in ("mail.thread", "mail.activity.mixin"):
            if mixin in self.env and mixin in self._inherit_module_names():
                exempt |= set(self.env[mixin]._fields)
        return exempt

    @api.model
    def _inherit_module_names(self):
        return {cls._name for cls in type(self).mro() if getattr(cls, "_name", None)}

    @api.model
    def _kinerja_all_fields(self):
        """What ALL grants: the stored fields a user sets (not computed, not related,
        not magic), except the server's own."""
        return (
            frozenset(
                name
                for name, field in self._fields.items()
                if field.store and not field.compute and not field.related
            )
            - set(self._kinerja_server_fields)
            - self._kinerja_exempt_fields()
        )

    def _kinerja_bypass(self):
        return self.env.su or is_workflow(self)

    def _kinerja_check(self, operation, field_names, vals_list=None):
        """Refuse ``field_names`` by ``operation`` on these records unless the
        policy grants each of them to a role the user holds on each record. On
        create, ``vals_list`` holds each record's own values (in order); the roles
        of the whole batch are computed once."""
        if self._kinerja_bypass() or not self:
            return
        if operation != "create":
            # Read access first, one answer for a hidden and a missing id: a refusal
            # below names the record.
            check_readable(self, _("You cannot change a record you cannot read."))
            self.check_access(operation)
        exempt = self._kinerja_exempt_fields()
        names = set(field_names) - exempt
        if operation == "write" and not names:
            return
        roles = self._kinerja_roles()
        all_fields = self._kinerja_all_fields()
        for index, record in enumerate(self):
            vals = vals_list[index] if vals_list is not None else None
            if vals is not None:
                names = set(vals) - exempt
            state = record.sudo()._kinerja_state()
            granted = allowed_fields(
                self._kinerja_policy, roles[record.id], operation, state, all_fields
            )
            if granted is None:
                self._kinerja_refuse(record, operation, None, state)
            refused = names - granted
            if vals is not None:
                refused = {name for name in refused if not self._kinerja_harmless(name, vals)}
            if refused:
                self._kinerja_refuse(record, operation, sorted(refused), state)

    def _kinerja_harmless(self, name, vals):
        """On create, an empty value or the field's default is not a choice the user
        made (the web client sends them for every field of the form)."""
        value = vals.get(name)
        if not value:
            return True
        default = self.default_get([name]).get(name)
        return default is not None and default == value

    def _kinerja_refuse(self, record, operation, names, state):
        policy = self._kinerja_policy
        record_name = record.sudo().display_name or self._description
        if names is None:
            verb = {"create": _("create"), "write": _("change"), "unlink": _("delete")}[operation]
            raise AccessError(
                _(
                    "You cannot %(verb)s %(record)s%(state)s. %(who)s",
                    verb=verb,
                    record=record_name,
                    state=self._kinerja_state_words(state),
                    who=self._kinerja_who(who_may(policy, None, operation), operation),
                )
            )
        labels = ", ".join(
            self._fields[name]._description_string(self.env) if name in self._fields else name
            for name in names
        )
        rules = who_may(policy, names[0], operation if operation != "create" else "create")
        raise AccessError(
            _(
                "You cannot set %(fields)s of %(record)s%(state)s. %(who)s",
                fields=labels,
                record=record_name,
                state=self._kinerja_state_words(state),
                who=self._kinerja_who(rules, operation),
            )
        )

    def _kinerja_state_labels(self):
        """{state: label} of the state field; empty when it is no selection."""
        field = self._fields.get(self._kinerja_state_field or "")
        if not field or field.type != "selection":
            return {}
        return dict(field._description_selection(self.env))

    def _kinerja_state_words(self, state):
        if not state:
            return ""
        labels = self._kinerja_state_labels()
        return _(" (%(state)s)", state=str(labels.get(state, state)).lower())

    def _kinerja_who(self, rules, operation):
        if not rules:
            return _("It is recorded by the system, not edited.")
        parts = []
        for roles, states in rules:
            who = _(" or ").join(str(ROLE_LABELS.get(role, role)) for role in sorted(roles))
            if states is None:
                parts.append(who)
            else:
                selection = self._kinerja_state_labels()
                parts.append(
                    _(
                        "%(who)s while %(states)s",
                        who=who,
                        states=_(" or ").join(
                            str(selection.get(s, s)).lower() for s in sorted(states)
                        ),
                    )
                )
        return _("Allowed: %(who)s.", who="; ".join(parts))

    # -- values ---------------------------------------------------------------------
    _KINERJA_NUMBER_LIMIT = 1e12  # no count, target or score of this domain comes near
    _KINERJA_INTEGER_LIMIT = 2**31 - 1
    _KINERJA_TEXT_LIMIT = {"char": 1_000, "text": 20_000, "html": 100_000}

    @api.model
    def _kinerja_check_values(self, vals):
        """A value the field cannot hold (text in a number, NaN, 1e308, 30 February,
        a string longer than the field's size) is refused with a message that names
        the field, before anything is written - not a server error halfway."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is False or value is None:
                continue
            label = field._description_string(self.env)
            try:
                if field.type == "float":
                    number = float(value)
                    if not math.isfinite(number) or abs(number) > self._KINERJA_NUMBER_LIMIT:
                        raise ValueError(value)
                elif field.type in ("integer", "many2one") and not isinstance(
                    value, models.BaseModel
                ):
                    number = int(value)
                    if isinstance(value, float) and not value.is_integer():
                        raise ValueError(value)
                    if abs(number) > self._KINERJA_INTEGER_LIMIT:
                        raise ValueError(value)
                elif field.type == "date":
                    fields.Date.to_date(value)
                elif field.type == "datetime":
                    fields.Datetime.to_datetime(value)
                elif field.type in ("char", "text", "html") and not isinstance(value, str):
                    raise TypeError(value)
                elif field.type in self._KINERJA_TEXT_LIMIT:
                    size = field.size or self._KINERJA_TEXT_LIMIT[field.type]
                    if len(value) > size:
                        raise ValidationError(
                            _(
                                "%(field)s holds at most %(size)s characters; %(count)s were "
                                "given.",
                                field=label,
                                size=size,
                                count=len(value),
                            )
                        )
                    if field.required and not value.strip():
                        raise ValidationError(_("%(field)s cannot be left blank.", field=label))
                elif field.type == "selection":
                    valid = [key for key, _label in field._description_selection(self.env)]
                    if value not in valid:
                        raise ValueError(value)
            except (ValueError, TypeError, OverflowError):
                raise ValidationError(
                    _("%(field)s cannot be %(value)s.", field=label, value=repr(value)[:60])
                ) from None

    @api.model
    def _kinerja_context_defaults(self, vals_list):
        """A client's context defaults (``default_state=...``) are values it chose:
        returns the model without them and the values with them, for the checks."""
        if self._kinerja_bypass():
            return self, vals_list
        defaults = {
            key[8:]: value
            for key, value in self.env.context.items()
            if key.startswith("default_") and key[8:] in self._fields
        }
        if not defaults:
            return self, vals_list
        return (
            self.with_context(clean_context(self.env.context)),
            [{**defaults, **vals} for vals in vals_list],
        )

    def _kinerja_before(self, operation, *args):
        """A model's own refusals that say more than the policy's (a signed form, a
        moved record) come first: a mixin inherited after this one defines
        ``_kinerja_before_write(vals)`` or ``_kinerja_before_unlink()`` (looked up,
        not defined here, so that the mixin's definition is the one found)."""
        hook = getattr(self, f"_kinerja_before_{operation}", None)
        if hook:
            hook(*args)

    # -- ids the client names --------------------------------------------------------
    @api.model
    def _kinerja_check_named(self, values_list, with_defaults=False):
        """Every record a client names in a many2one (or links in a many2many) -
        in values, or in the context's ``default_*`` - must exist and be readable
        by the user: a wizard or form never takes an id it could not have picked,
        and nothing it returns or refuses then names what read access hides."""
        if self._kinerja_bypass():
            return
        message = _("You cannot use a record you cannot read.")
        sources = list(values_list)
        if with_defaults:
            sources.append(
                {
                    key[8:]: value
                    for key, value in self.env.context.items()
                    if key.startswith("default_") and key[8:] in self._fields
                }
            )
        named = {}
        for values in sources:
            for name, value in values.items():
                field = self._fields.get(name)
                if not field or field.type not in ("many2one", "many2many") or not value:
                    continue
                try:
                    ids = client_ids(field.type, value)
                except ValueError:
                    raise AccessError(message) from None
                named.setdefault(field.comodel_name, set()).update(ids)
        for comodel, ids in named.items():
            # Employees are read through their public profile (hr.employee.public).
            public = "hr.employee.public" if comodel == "hr.employee" else comodel
            check_readable(self.env[public].browse(sorted(ids)), message)

    @api.model
    def _kinerja_check_required(self, vals_list):
        """A required field left empty is named, not a database error."""
        required = [
            name
            for name, field in self._fields.items()
            if field.required and field.store and not field.compute and not field.related
        ]
        defaults = self.default_get(required) if required else {}
        for vals in vals_list:
            for name in required:
                value = vals.get(name, defaults.get(name))
                if value is None or value is False or value == "":
                    raise ValidationError(
                        _(
                            "%(field)s is required.",
                            field=self._fields[name]._description_string(self.env),
                        )
                    )

    def onchange(self, values, field_names, fields_spec):
        if not self.env.su:
            if not self:
                self.browse().check_access("create")
                self._kinerja_check_named([values], with_defaults=True)
            else:
                # An existing record's own values are the user's to read; what the
                # user changes (or sends as a default) is checked.
                changed = {name: values[name] for name in field_names if name in values}
                self._kinerja_check_named([changed], with_defaults=True)
        return super().onchange(values, field_names, fields_spec)

    # -- ORM ------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        model, vals_list = self._kinerja_context_defaults(vals_list)
        for vals in vals_list:
            self._kinerja_check_values(vals)
        self._kinerja_check_named(vals_list)
        if not self._kinerja_bypass():
            model._kinerja_check_required(vals_list)
        records = super(HrKinerjaPolicy, model).create(vals_list)
        if not self._kinerja_bypass():
            records._kinerja_check("create", (), vals_list)
        return records

    def write(self, vals):
        self._kinerja_before("write", vals)
        self._kinerja_check_values(vals)
        self._kinerja_check_named([vals])
        if self._kinerja_bypass():
            return super().write(vals)
        self._kinerja_check("write", vals)
        result = super().write(vals)
        role_fields = {path.split(".")[0] for path in self._kinerja_role_fields.values()}
        if role_fields & set(vals):
            # Who holds the record after the write must still be allowed to.
            self._kinerja_check("write", vals)
        return result

    def unlink(self):
        self._kinerja_before("unlink")
        self._kinerja_check("unlink", ())
        return super().unlink()
