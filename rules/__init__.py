"""The regulation, in one pure-Python package (no Odoo import).

Every rule of Permenpan RB 6/2022, SE MenPANRB 3/2023 and the regional rules lives
here once; the Odoo models call it and the rule tier tests it without a database.
Sources are cited by the seed file names of ``shared/seeds`` (000 Kutai
Kartanegara, 001 Lima Puluh Kota, 002 Aceh Timur, 003 Sumedang, 004 BKD briefing).
"""

from . import (
    achievement,
    angka_kredit,
    calendar,
    cascade,
    constants,
    distribution,
    evaluation,
    i18n,
    ipk,
    nip,
    proposal,
    quadrant,
    workdays,
)
