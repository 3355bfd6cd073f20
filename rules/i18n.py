"""Messages for people, kept translatable without importing Odoo.

``_`` only marks a template for Odoo's translation extraction (it scans every
Python file of the addon for ``_("...")``); ``RuleError`` keeps the template and
its parameters so the Odoo layer can translate the template before formatting.
"""


def _(text):
    return text


class RuleError(ValueError):
    def __init__(self, template, **params):
        self.template = template
        self.params = params
        super().__init__(template % params if params else template)
