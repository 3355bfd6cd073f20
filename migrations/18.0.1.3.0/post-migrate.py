"""One achievement figure (18.0.1.3.0): a realisation is measured against the target
of its period (the trajectory target, rules/achievement.py period_achievement), as
the evaluation is, no longer against the yearly target. The stored percent and
suggested rating of the existing lines are recomputed (the period's target is a new
field, computed by the update itself; it is recomputed here with them)."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

FIELDS = ("period_target", "achievement_percent", "suggested_rating")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Line = env["hr.kinerja.realisasi"]
    lines = Line.search([])
    for name in FIELDS:
        env.add_to_compute(Line._fields[name], lines)
    lines.flush_recordset(list(FIELDS))
    _logger.info("realisations: achievement of %d lines measured per period", len(lines))
