"""Exact angka kredit: ledger lines written before 18.0.1.1.0 stored only the
amount rounded to two decimals, and totals added those rounded amounts (twelve
Baik months of an Ahli Pertama totalled 12.48 instead of 12.5). Recompute every
line's exact units and displayed amount from its predicate, jenjang and months."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Ledger = env["hr.kinerja.angka.kredit"]
    changed = Ledger.search([])._kinerja_recompute_amounts()
    _logger.info("angka kredit: %d ledger lines recomputed to exact amounts", len(changed))
