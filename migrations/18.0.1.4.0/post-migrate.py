"""Explanations in the reader's language (18.0.1.4.0).

* The reasons of the suggested ratings were stored as English text
  (suggestion_note); they are now stored as [message, params] pairs
  (suggestion_reasons) and rendered for each reader. The reasons of the evaluations
  not confirmed yet are recomputed; a confirmed evaluation keeps the reasons its
  evaluator saw: each line of the old text becomes a message without parameters
  (translated when it is one of the addon's messages, shown as it was otherwise).
* Periods get their Indonesian name (Oktober 2026) whether or not Indonesian is
  active, so activating it later shows it.
"""

import json
import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Evaluation = env["hr.kinerja.evaluation"]
    count = 0
    for period in Evaluation.search([("state", "!=", "confirmed")]).period_id:
        evaluations = Evaluation.search(
            [("period_id", "=", period.id), ("state", "!=", "confirmed")]
        )
        suggestions = Evaluation._suggestions(
            period,
            [(e.id, e.employee_id.id, e.skp_id.id, e.led_unit_id.id) for e in evaluations],
        )
        for evaluation_id, values in suggestions.items():
            cr.execute(
                SQL(
                    "UPDATE hr_kinerja_evaluation SET suggestion_reasons = %s WHERE id = %s",
                    json.dumps(values["suggestion_reasons"])
                    if values["suggestion_reasons"]
                    else None,
                    evaluation_id,
                )
            )
            count += 1
    if column_exists(cr, "hr_kinerja_evaluation", "suggestion_note"):
        cr.execute(
            "SELECT id, suggestion_note FROM hr_kinerja_evaluation "
            "WHERE state = 'confirmed' AND suggestion_note IS NOT NULL AND suggestion_note != ''"
        )
        for evaluation_id, note in cr.fetchall():
            reasons = [[line, {}] for line in note.splitlines() if line.strip()]
            cr.execute(
                SQL(
                    "UPDATE hr_kinerja_evaluation SET suggestion_reasons = %s WHERE id = %s",
                    json.dumps(reasons),
                    evaluation_id,
                )
            )
            count += 1
    Evaluation.invalidate_model(["suggestion_reasons"])
    _logger.info("evaluations: reasons of %d suggestions stored as messages", count)

    periods = env["hr.kinerja.period"].search([])
    periods._set_indonesian_names()
    _logger.info("periods: %d named in Indonesian", len(periods))
