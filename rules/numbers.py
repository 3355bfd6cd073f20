"""Numbers as Indonesian documents write them: a decimal comma and a thousands dot
(003 Lampiran, the trajectory example: "target 100.000.000 ton ... 15.000.000 ton";
PUEBI: "tanda koma dipakai di antara bilangan utuh dan bilangan pecahan").

The official forms print in Indonesian whatever the user's language, so they do not
use the language settings of Odoo: they call these helpers."""

from decimal import ROUND_HALF_UP, Decimal


def number_id(value, decimals=None):
    """1250 -> "1.250", 10.5 -> "10,5", 91.666 -> "91,67"; ``decimals`` fixes the
    number of decimals (91.6 with 2 -> "91,60"), otherwise up to two are kept and
    trailing zeros dropped (100.0 -> "100"). Empty for no value (None/False)."""
    if value is None or value is False:
        return ""
    places = 2 if decimals is None else decimals
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if amount == 0:
        amount = abs(amount)  # no "-0"
    text = f"{amount:,.{places}f}"  # 1,250.50
    if decimals is None and places:
        text = text.rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": ".", ".": ","}))


def percent_id(value, decimals=2):
    """91.666 -> "91,67%" (two decimals, as the forms print an achievement)."""
    if value is None or value is False:
        return ""
    return f"{number_id(value, decimals)}%"


def quantity_id(value, unit=None):
    """A target or a realisation with its unit of measure: "1.250 dokumen", "10,5 laporan"."""
    return f"{number_id(value)} {unit or ''}".strip()
