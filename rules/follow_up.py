"""What the evaluation documents drive after the evaluation (003 Pasal 28-31;
003 section Tindak lanjut 11): the lists HR officers keep.

- Priority for the succession programme and for competency development (penghargaan,
  003 Pasal 29(1)): the employees rated Sangat Baik.
- A development plan (training needs, competency development, follow-up of the
  problems the document names; 003 section Tindak lanjut 11): the employees rated
  Butuh Perbaikan, Kurang/Misconduct or Sangat Kurang.
- PPPK below the targets agreed in their work contract (003 Pasal 31(2), the
  sanction of ending the contract; 003 Pasal 8(2) for the contract as the
  expectations): a PPPK whose results (hasil kerja) are rated below expectations.
"""

from .constants import BUTUH_PERBAIKAN, DI_BAWAH, KURANG, SANGAT_BAIK, SANGAT_KURANG

SUCCESSION = "succession"
DEVELOPMENT = "development"
PPPK_BELOW_TARGET = "pppk_below_target"
LISTS = (SUCCESSION, DEVELOPMENT, PPPK_BELOW_TARGET)

SUCCESSION_PREDICATES = (SANGAT_BAIK,)
DEVELOPMENT_PREDICATES = (BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
PPPK = "pppk"


def lists_of(predicate, result_rating, asn_type):
    """The follow-up lists an evaluation with these values belongs to."""
    found = []
    if predicate in SUCCESSION_PREDICATES:
        found.append(SUCCESSION)
    if predicate in DEVELOPMENT_PREDICATES:
        found.append(DEVELOPMENT)
    if asn_type == PPPK and result_rating == DI_BAWAH:
        found.append(PPPK_BELOW_TARGET)
    return found


def criteria(name):
    """The list ``name`` as field conditions of an evaluation:
    ``[(field, operator, value)]`` with fields ``predicate``, ``result_rating``
    and ``asn_type`` (the employee's), ANDed."""
    if name == SUCCESSION:
        return [("predicate", "in", SUCCESSION_PREDICATES)]
    if name == DEVELOPMENT:
        return [("predicate", "in", DEVELOPMENT_PREDICATES)]
    if name == PPPK_BELOW_TARGET:
        return [("asn_type", "=", PPPK), ("result_rating", "=", DI_BAWAH)]
    raise ValueError(f"unknown follow-up list {name!r}")
