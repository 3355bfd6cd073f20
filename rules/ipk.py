"""IPK bands for employees on study leave (tugas belajar) - 003 section
"Penyusunan SKP bagi Pegawai yang melaksanakan tugas belajar", items 5-6.

Each band is the lowest IPK of a predicate; an IPK is first rounded half up to two
decimals, the way transcripts print it. Below the Butuh Perbaikan floor the
predicate is Kurang/Misconduct. Sangat Kurang has no IPK band: it is only given to
a drop-out with poor behaviour (003 section B.3.a.3, see ``drop_out_predicate``).

Domestic S1 depends on the accreditation of the university and of the programme:
a programme below the minimum of its row has no band. The seed prints the
profession/S2/S3 table under the heading for study abroad only; the domestic
paragraph has no such table, so it is applied to domestic profession/S2/S3 too
(as DOMAIN.md does) - the only band the regulation gives for those levels.
"""

from decimal import ROUND_HALF_UP, Decimal

from .constants import BAIK, BUTUH_PERBAIKAN, DI_BAWAH, KURANG, RATINGS, SANGAT_BAIK, SANGAT_KURANG

S1 = "s1"
PROFESI = "profesi"
S2 = "s2"
S3 = "s3"
LEVELS = (S1, PROFESI, S2, S3)
DOMESTIC = "domestic"
ABROAD = "abroad"
ACCREDITATION_ORDER = ("A", "B", "C")  # best first ("Unggul"/"Baik Sekali" map onto A/B)

D = Decimal
# Domestic S1: university accreditation -> (minimum programme accreditation, floors).
S1_DOMESTIC = {
    "A": ("C", {SANGAT_BAIK: D("3.51"), BAIK: D("3.01"), BUTUH_PERBAIKAN: D("2.76")}),
    "B": ("C", {SANGAT_BAIK: D("3.61"), BAIK: D("3.10"), BUTUH_PERBAIKAN: D("2.76")}),
    "C": ("B", {SANGAT_BAIK: D("3.71"), BAIK: D("3.20"), BUTUH_PERBAIKAN: D("2.76")}),
}
S1_ABROAD = {SANGAT_BAIK: D("3.51"), BAIK: D("3.01"), BUTUH_PERBAIKAN: D("2.76")}
POSTGRADUATE = {SANGAT_BAIK: D("3.51"), BAIK: D("3.20"), BUTUH_PERBAIKAN: D("3.00")}
MAX_IPK = D("4.00")


def bands(level, location=DOMESTIC, university=None, programme=None):
    """Lowest IPK per predicate (Sangat Baik, Baik, Butuh Perbaikan) for a study."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    if location not in (DOMESTIC, ABROAD):
        raise ValueError(f"unknown location {location!r}")
    if level != S1:
        return dict(POSTGRADUATE)
    if location == ABROAD:
        return dict(S1_ABROAD)
    if university not in S1_DOMESTIC:
        raise ValueError("a domestic S1 needs the university's accreditation (A, B or C)")
    if programme not in ACCREDITATION_ORDER:
        raise ValueError("a domestic S1 needs the programme's accreditation (A, B or C)")
    minimum, floors = S1_DOMESTIC[university]
    if ACCREDITATION_ORDER.index(programme) > ACCREDITATION_ORDER.index(minimum):
        raise ValueError(
            f"no IPK band: a university accredited {university} needs a programme "
            f"accredited at least {minimum}, this one is {programme}"
        )
    return dict(floors)


def predicate_for_ipk(ipk, level, location=DOMESTIC, university=None, programme=None):
    """Predicate given by an IPK (0.00-4.00) under the bands of the study."""
    try:
        value = D(str(ipk)).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    except ArithmeticError:
        raise ValueError(f"an IPK is a number between 0.00 and 4.00, not {ipk!r}") from None
    if not D(0) <= value <= MAX_IPK:
        raise ValueError(f"an IPK lies between 0.00 and 4.00, not {ipk}")
    floors = bands(level, location, university, programme)
    for predicate in (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN):
        if value >= floors[predicate]:
            return predicate
    return KURANG


def drop_out_predicate(behaviour):
    """A drop-out gets Kurang or Sangat Kurang "by behaviour" (003 section B.3.a.3):
    Sangat Kurang when behaviour is below expectation, Kurang otherwise."""
    if behaviour not in RATINGS:
        raise ValueError(f"{behaviour!r} is not a rating")
    return SANGAT_KURANG if behaviour == DI_BAWAH else KURANG
