"""The performance year, its periods, deadlines and the agency presets.

Sources: DOMAIN section 3 table; 000 V.11 (Kutai Kartanegara), 001 items 2, 3, 7, 9
(Lima Puluh Kota), 002 D.7-D.10 (Aceh Timur), 003 Pasal 14(1) and section Evaluasi
8 (Sumedang); 003 section Tindak lanjut 7-8 for the working-day deadlines.
"""

import datetime

import pytest

from rules import calendar as cal

D = datetime.date
KUKAR = cal.PRESETS["kutai_kartanegara"]
LPK = cal.PRESETS["lima_puluh_kota"]
ACEH = cal.PRESETS["aceh_timur"]
SUMEDANG = cal.PRESETS["sumedang"]


def period(year, period_type, number):
    """The month or quarter ``number`` of ``year`` (0 = the annual period)."""
    for p in cal.periods(year, period_type):
        if p.number == number:
            return p
    raise LookupError(number)


def annual(year):
    return period(year, cal.QUARTERLY, 0)


# --- Periods ----------------------------------------------------------------------


def test_monthly_year_has_twelve_months_and_the_annual_003_evaluasi_8():
    """003 Evaluasi 8: a year of monthly periods, plus the annual evaluation."""
    periods = cal.periods(2024, cal.MONTHLY)
    assert [(p.kind, p.number) for p in periods] == [("month", m) for m in range(1, 13)] + [
        ("annual", 0)
    ]
    assert (periods[0].date_start, periods[0].date_end) == (D(2024, 1, 1), D(2024, 1, 31))
    assert periods[1].date_end == D(2024, 2, 29)  # leap year
    assert (periods[11].date_start, periods[11].date_end) == (D(2024, 12, 1), D(2024, 12, 31))
    assert (periods[12].date_start, periods[12].date_end) == (D(2024, 1, 1), D(2024, 12, 31))


def test_quarterly_year_has_four_quarters_and_the_annual_001_item_3():
    """001 item 3: Triwulan I (Jan-Mar) ... IV (Oct-Dec), then the annual evaluation."""
    periods = cal.periods(2025, cal.QUARTERLY)
    assert [(p.kind, p.number, p.date_start, p.date_end) for p in periods] == [
        ("quarter", 1, D(2025, 1, 1), D(2025, 3, 31)),
        ("quarter", 2, D(2025, 4, 1), D(2025, 6, 30)),
        ("quarter", 3, D(2025, 7, 1), D(2025, 9, 30)),
        ("quarter", 4, D(2025, 10, 1), D(2025, 12, 31)),
        ("annual", 0, D(2025, 1, 1), D(2025, 12, 31)),
    ]


def test_period_names():
    assert period(2025, cal.MONTHLY, 2).name_en == "February 2025"
    assert period(2025, cal.MONTHLY, 2).name_id == "Februari 2025"
    assert period(2025, cal.QUARTERLY, 4).name_en == "Quarter IV 2025"
    assert period(2025, cal.QUARTERLY, 4).name_id == "Triwulan IV 2025"
    assert annual(2025).name_en == "Annual 2025"
    assert annual(2025).name_id == "Tahunan 2025"


@pytest.mark.parametrize("args", [(2025, "weekly"), (2025, cal.ANNUAL), (1900, cal.MONTHLY)])
def test_invalid_periods_raise(args):
    with pytest.raises(ValueError):
        cal.periods(*args)


# --- SKP deadline -----------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(cal.PRESETS))
def test_skp_deadline_is_31_january_003_pasal_14(code):
    """003 Pasal 14(1), 001 item 2: the SKP is set by the end of January."""
    assert cal.skp_deadline(cal.PRESETS[code], 2025) == D(2025, 1, 31)


# --- Kutai Kartanegara (000) ------------------------------------------------------


def test_kutai_kartanegara_monthly_5th_of_next_month_000_v11():
    """000 V.11: 'paling lambat tanggal 5 bulan berikutnya'."""
    assert KUKAR.default_period_type == cal.MONTHLY
    deadlines = [cal.evaluation_deadline(KUKAR, p) for p in cal.periods(2025, cal.MONTHLY)]
    assert deadlines[:12] == [D(2025, m, 5) for m in range(2, 13)] + [D(2026, 1, 5)]


def test_kutai_kartanegara_annual_15_january_000_v11():
    """000 V.11: the annual evaluation by 15 January of the next year."""
    assert cal.evaluation_deadline(KUKAR, annual(2025)) == D(2026, 1, 15)


def test_kutai_kartanegara_dialogue_every_three_months_000_vi1():
    assert KUKAR.dialogue_months == 3


def test_kutai_kartanegara_document_deadlines_003_tindak_lanjut_7_8():
    """003 Tindak lanjut 8: the superior signs within 14 working days, 7: the report
    within 30, both counted from the evaluation deadline (Wed 5 Feb 2025 for January);
    the period stays open for the superior (lock = 14 working days)."""
    result = cal.deadlines(KUKAR, period(2025, cal.MONTHLY, 1))
    assert result == {
        "organisation_achievement": D(2025, 2, 5),
        "evaluation": D(2025, 2, 5),
        "superior_evaluation": D(2025, 2, 25),
        "report": D(2025, 3, 19),
        "lock": D(2025, 2, 25),
    }


def test_holidays_shift_the_working_day_deadlines_003_tindak_lanjut_7_8():
    """Annual 2025 in Kutai Kartanegara: evaluation Thu 15 Jan 2026. Without holidays
    the superior's deadline is Wed 4 Feb and the report Thu 26 Feb; Isra Mi'raj
    (Fri 16 Jan) and Imlek (16-17 Feb) move them to Thu 5 Feb and Tue 3 Mar."""
    plain = cal.deadlines(KUKAR, annual(2025))
    assert (plain["superior_evaluation"], plain["report"]) == (D(2026, 2, 4), D(2026, 2, 26))
    holidays = {D(2026, 1, 16), D(2026, 2, 16), D(2026, 2, 17)}
    shifted = cal.deadlines(KUKAR, annual(2025), holidays=holidays)
    assert shifted["evaluation"] == D(2026, 1, 15)  # a calendar date: not shifted
    assert (shifted["superior_evaluation"], shifted["report"]) == (D(2026, 2, 5), D(2026, 3, 3))
    assert shifted["lock"] == shifted["superior_evaluation"]


# --- Lima Puluh Kota (001) --------------------------------------------------------


def test_lima_puluh_kota_quarterly_deadlines_001_item_3():
    """001 item 3.a-d: Q1 by 30 April, Q2 31 July, Q3 31 October, Q4 31 December;
    3.e: the annual by 31 January of the next year."""
    got = [cal.evaluation_deadline(LPK, p) for p in cal.periods(2025, cal.QUARTERLY)]
    assert got == [D(2025, 4, 30), D(2025, 7, 31), D(2025, 10, 31), D(2025, 12, 31), D(2026, 1, 31)]


def test_lima_puluh_kota_org_achievement_10th_of_evaluation_month_001_item_9():
    """001 item 9: the organisation achievement by the 10th of the evaluation month."""
    got = [
        cal.deadlines(LPK, p)["organisation_achievement"] for p in cal.periods(2025, cal.QUARTERLY)
    ]
    assert got == [D(2025, 4, 10), D(2025, 7, 10), D(2025, 10, 10), D(2025, 12, 10), D(2026, 1, 10)]


def test_lima_puluh_kota_locks_at_the_deadline_001_item_7():
    """001 item 7: the application locks automatically at the deadline."""
    for p in cal.periods(2025, cal.QUARTERLY):
        result = cal.deadlines(LPK, p, holidays={D(2025, 5, 1)})
        assert result["lock"] == result["evaluation"]


def test_lima_puluh_kota_superior_deadline_after_saturday_003_tindak_lanjut_8():
    """Annual 2025 ends Sat 31 Jan 2026; 14 working days later is Thu 19 Feb, or
    Mon 23 Feb with the Imlek holidays of 16-17 Feb."""
    assert cal.deadlines(LPK, annual(2025))["superior_evaluation"] == D(2026, 2, 19)
    holidays = {D(2026, 2, 16), D(2026, 2, 17)}
    result = cal.deadlines(LPK, annual(2025), holidays=holidays)
    assert result["superior_evaluation"] == D(2026, 2, 23)
    assert result["lock"] == D(2026, 1, 31)


def test_lima_puluh_kota_has_no_monthly_periods_001_item_3():
    """001 item 3: periodic evaluation is quarterly - a month period is refused."""
    january = period(2025, cal.MONTHLY, 1)
    with pytest.raises(ValueError, match="does not evaluate monthly"):
        cal.evaluation_deadline(LPK, january)
    with pytest.raises(ValueError, match="does not evaluate monthly"):
        cal.deadlines(LPK, january)


def test_monthly_only_preset_refuses_quarters():
    monthly_only = SUMEDANG.with_changes(period_types=(cal.MONTHLY,))
    with pytest.raises(ValueError, match="does not evaluate quarterly"):
        cal.evaluation_deadline(monthly_only, period(2025, cal.QUARTERLY, 1))


# --- Aceh Timur (002) -------------------------------------------------------------


def test_aceh_timur_monthly_first_week_of_next_month_002_d8():
    """002 D.8: monthly by the first week of the next month (the 7th)."""
    got = [cal.evaluation_deadline(ACEH, p) for p in cal.periods(2025, cal.MONTHLY)[:12]]
    assert got == [D(2025, m, 7) for m in range(2, 13)] + [D(2026, 1, 7)]


def test_aceh_timur_quarterly_first_week_of_apr_jul_oct_jan_002_d9():
    """002 D.9: first week of April, July, October and January of the next year."""
    got = [cal.evaluation_deadline(ACEH, p) for p in cal.periods(2025, cal.QUARTERLY)[:4]]
    assert got == [D(2025, 4, 7), D(2025, 7, 7), D(2025, 10, 7), D(2026, 1, 7)]
    assert ACEH.default_period_type == cal.QUARTERLY


def test_aceh_timur_annual_end_of_january_002_d10():
    """002 D.10: the annual achievement and predicates by the end of January."""
    assert cal.evaluation_deadline(ACEH, annual(2025)) == D(2026, 1, 31)


def test_aceh_timur_org_achievement_with_the_evaluation_002_d8():
    """002 D.8-D.9: the organisation achievement is set with the predicates."""
    for p in cal.periods(2025, cal.QUARTERLY):
        result = cal.deadlines(ACEH, p)
        assert result["organisation_achievement"] == result["evaluation"]


# --- Sumedang (003) ---------------------------------------------------------------


def test_sumedang_annual_end_of_january_003_evaluasi_8():
    """003 Evaluasi 8.b: annual at the end of December, at the latest January."""
    assert cal.evaluation_deadline(SUMEDANG, annual(2025)) == D(2026, 1, 31)
    assert SUMEDANG.default_period_type == cal.MONTHLY


def test_sumedang_monthly_end_of_next_month_preset_default():
    """Preset default (the Perbup fixes no day): the end of the next month."""
    assert cal.evaluation_deadline(SUMEDANG, period(2024, cal.MONTHLY, 1)) == D(2024, 2, 29)
    assert cal.evaluation_deadline(SUMEDANG, period(2025, cal.MONTHLY, 1)) == D(2025, 2, 28)
    assert cal.evaluation_deadline(SUMEDANG, period(2025, cal.MONTHLY, 12)) == D(2026, 1, 31)


@pytest.mark.parametrize("code", ["kutai_kartanegara", "aceh_timur", "sumedang"])
def test_default_working_day_counts_003_tindak_lanjut(code):
    """003 Tindak lanjut 5-10, Keberatan 2 and 6: 14/14/30 and 14/7/7, 14 and 7."""
    preset = cal.PRESETS[code]
    assert (preset.handover_workdays, preset.return_workdays, preset.report_workdays) == (
        14,
        14,
        30,
    )
    assert (
        preset.superior_sign_workdays,
        preset.superior_handover_workdays,
        preset.superior_return_workdays,
    ) == (14, 7, 7)
    assert (preset.objection_workdays, preset.objection_decision_workdays) == (14, 7)
    assert preset.lock_workdays == 14


# --- Date rules and preset definitions --------------------------------------------


def test_date_rule_clamps_to_the_end_of_the_month():
    """DateRule docstring: a day past the month's end is clamped; None = last day."""
    assert cal.DateRule(1, 31).apply(2025, 1) == D(2025, 2, 28)
    assert cal.DateRule(1).apply(2024, 1) == D(2024, 2, 29)
    assert cal.DateRule(1, 5).apply(2025, 12) == D(2026, 1, 5)
    assert cal.DateRule(12, 1).apply(2025, 12) == D(2026, 12, 1)


@pytest.mark.parametrize("args", [(-1,), (13,), (1, 0), (1, 32)])
def test_invalid_date_rule_raises(args):
    with pytest.raises(ValueError):
        cal.DateRule(*args)


@pytest.mark.parametrize(
    "changes",
    [
        {"period_types": ()},
        {"period_types": ("weekly",)},
        {"period_types": (cal.MONTHLY,), "default_period_type": cal.QUARTERLY},
        {"default_period_type": cal.ANNUAL},
        {"monthly": None},  # monthly allowed but no deadline rule
        {"org_day": 0},
        {"org_day": 32},
    ],
)
def test_invalid_preset_raises(changes):
    """A Preset must be consistent: allowed period types, a default among them, a
    deadline rule per allowed type, an org day that is a day of the month."""
    with pytest.raises(ValueError):
        KUKAR.with_changes(**changes)


def test_agency_overrides_a_preset():
    """Deadlines are agency settings: a copy with changes, the preset untouched."""
    custom = KUKAR.with_changes(monthly=cal.DateRule(1, 10), lock_workdays=0)
    result = cal.deadlines(custom, period(2025, cal.MONTHLY, 1))
    assert result["evaluation"] == result["lock"] == D(2025, 2, 10)
    assert cal.evaluation_deadline(KUKAR, period(2025, cal.MONTHLY, 1)) == D(2025, 2, 5)


def test_skp_opened_later_gets_the_same_window_from_its_start():
    """003 section Penetapan SKP 3: the initial SKP is due at the end of January; one
    opened on 1 July (a transfer) gets 31 days too."""
    preset = cal.PRESETS["sumedang"]
    assert cal.skp_deadline(preset, 2026) == datetime.date(2026, 1, 31)
    assert cal.skp_deadline(preset, 2026, datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 31)
    assert cal.skp_deadline(preset, 2026, datetime.date(2026, 7, 1)) == datetime.date(2026, 7, 31)
