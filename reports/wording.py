"""The Indonesian wording the official forms print, whatever the user's language:
dates, places and periods as the forms write them; the BerAKHLAK core values with
their guide behaviours (003 Pasal 10(3); 004), the aspects of an indicator (003
Pasal 9) and the perspectives of a leader's SKP (003 Lampiran A.1.2)."""

import datetime

import pytz

from ..rules.calendar import MONTHS_ID, ROMAN
from ..rules.numbers import number_id, percent_id, quantity_id  # noqa: F401 (the forms' numbers)


def date_id(day, upper=False):
    """23 November 2026 (or 23 NOVEMBER 2026); empty without a date."""
    if not day:
        return ""
    month = MONTHS_ID[day.month - 1]
    return f"{day.day} {month.upper() if upper else month} {day.year}"


def date_range(start, end):
    """What follows "PERIODE PENILAIAN:": 1 JANUARI SD 31 MARET TAHUN 2026."""
    return (
        f"{start.day} {MONTHS_ID[start.month - 1]} SD {end.day} {MONTHS_ID[end.month - 1]} "
        f"TAHUN {end.year}"
    ).upper()


def year_range(year):
    """1 JANUARI SD 31 DESEMBER TAHUN 2026."""
    return date_range(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def agency_day(calendar, moment):
    """The day of ``moment`` (a stored date-time, UTC) in the agency's time zone,
    its working calendar's: a form's date must not depend on who prints it."""
    if not moment:
        return None
    # the time zone alone, whoever prints (a portal user reads no calendar)
    zone = pytz.timezone((calendar and calendar.sudo().tz) or "UTC")
    return pytz.utc.localize(moment).astimezone(zone).date()


def place_date(company, day):
    """The signature line: Sukamaju, 23 November 2026; the form's own placeholders
    where the agency has no city or the document no date yet."""
    city = (company.city or "").strip() or "(tempat)"
    return f"{city}, {date_id(day) or '...........'}"


def period_label(period, with_year=False):
    """What follows "PERIODE:": the month (MARET 2026), the quarter (TRIWULAN I) or
    AKHIR for the annual period; ``with_year`` adds the year to the last two."""
    year = f" {period.year_id.year}" if with_year else ""
    if period.kind == "quarter":
        return f"TRIWULAN {ROMAN[period.number - 1]}{year}"
    if period.kind == "annual":
        return f"AKHIR{year}"
    return (period.name_official or period.name or "").upper()


# The BerAKHLAK values as the forms print them (003 Format B.1.3-B.1.5, verbatim).
CORE_VALUES_ID = {
    "berorientasi_pelayanan": (
        "Berorientasi Pelayanan",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    "akuntabel": (
        "Akuntabel",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan "
            "berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
            "dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    "kompeten": (
        "Kompeten",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    "harmonis": (
        "Harmonis",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    "loyal": (
        "Loyal",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
            "Tahun 1945, setia pada Negara Kesatuan Republik Indonesia serta pemerintahan yang "
            "sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    "adaptif": (
        "Adaptif",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    "kolaboratif": (
        "Kolaboratif",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ),
    ),
}
ASPECTS_ID = {"kuantitas": "Kuantitas", "kualitas": "Kualitas", "waktu": "Waktu", "biaya": "Biaya"}
PERSPECTIVES_ID = {
    "penerima_layanan": "Penerima Layanan",
    "proses_bisnis": "Proses Bisnis",
    "penguatan_internal": "Penguatan Internal",
    "anggaran": "Anggaran",
}


def core_value_id(value):
    """(name, guides) of a core value as the forms print it."""
    if value.code in CORE_VALUES_ID:
        return CORE_VALUES_ID[value.code]
    return value.name, tuple(line for line in (value.guide or "").splitlines() if line.strip())
