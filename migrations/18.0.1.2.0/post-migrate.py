"""The portal (18.0.1.2.0): the record rules of the Employee group also apply to the
new Portal Employee group. The rules are noupdate data, so an upgraded database gets
the group added here; a new one gets it from the XML."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    employee = env.ref("hr_kinerja_asn.group_kinerja_employee")
    portal = env.ref("hr_kinerja_asn.group_kinerja_portal")
    rules = (
        env["ir.rule"]
        .with_context(active_test=False)
        .search([("groups", "in", employee.ids), ("groups", "not in", portal.ids)])
    )
    rules.write({"groups": [(4, portal.id)]})
    _logger.info("portal: %d record rules extended to portal employees", len(rules))
