"""Working days (hari kerja): Monday-Friday minus holidays and cuti bersama.

Source: 003 section Tindak lanjut 5-10 and section Keberatan 2 and 6 (deadlines in
working days); the module docstring: "within N working days since D" - D itself is
not counted, the deadline is the N-th working day after D.
"""

import datetime

import pytest

from rules import workdays

D = datetime.date
FRI_3_JAN_2025 = D(2025, 1, 3)
# Isra Mi'raj, cuti bersama Imlek, Imlek 2025 (Monday-Wednesday).
HOLIDAYS_JAN_2025 = {D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29)}


def test_fourteen_working_days_from_a_friday_003_tindak_lanjut_5():
    """003 Tindak lanjut 5: 14 working days from Friday 3 Jan 2025 skip two weekends
    and end on Thursday 23 Jan 2025."""
    assert workdays.add_working_days(FRI_3_JAN_2025, 14) == D(2025, 1, 23)


def test_holidays_shift_the_deadline_003_tindak_lanjut_5():
    """Holidays are not working days: from Friday 17 Jan 2025, 14 working days end on
    Thursday 6 Feb, or on Tuesday 11 Feb with the three holidays of 27-29 Jan."""
    start = D(2025, 1, 17)
    assert workdays.add_working_days(start, 14) == D(2025, 2, 6)
    assert workdays.add_working_days(start, 14, HOLIDAYS_JAN_2025) == D(2025, 2, 11)


def test_one_working_day_after_friday_is_monday():
    """Module docstring: the start is not counted."""
    assert workdays.add_working_days(FRI_3_JAN_2025, 1) == D(2025, 1, 6)


def test_start_on_a_weekend_counts_from_monday():
    """Saturday 4 Jan 2025 + 1 working day = Monday 6 Jan."""
    assert workdays.add_working_days(D(2025, 1, 4), 1) == D(2025, 1, 6)


def test_count_zero_is_the_start_or_next_working_day():
    """Docstring: count 0 gives the start if it is a working day, else the next one."""
    assert workdays.add_working_days(D(2025, 1, 8), 0) == D(2025, 1, 8)  # Wednesday
    assert workdays.add_working_days(D(2025, 1, 4), 0) == D(2025, 1, 6)  # Saturday
    assert workdays.add_working_days(D(2025, 1, 27), 0, HOLIDAYS_JAN_2025) == D(2025, 1, 30)


def test_negative_count_raises():
    with pytest.raises(ValueError):
        workdays.add_working_days(FRI_3_JAN_2025, -1)


def test_working_days_between():
    """Working days in (start, end]: the inverse of add_working_days."""
    assert workdays.working_days_between(FRI_3_JAN_2025, D(2025, 1, 23)) == 14
    assert workdays.working_days_between(FRI_3_JAN_2025, D(2025, 1, 6)) == 1
    assert workdays.working_days_between(D(2025, 1, 4), D(2025, 1, 5)) == 0  # weekend
    assert workdays.working_days_between(D(2025, 1, 24), D(2025, 1, 31)) == 5
    assert workdays.working_days_between(D(2025, 1, 24), D(2025, 1, 31), HOLIDAYS_JAN_2025) == 2


def test_working_days_between_same_or_reversed_dates_is_zero():
    assert workdays.working_days_between(FRI_3_JAN_2025, FRI_3_JAN_2025) == 0
    assert workdays.working_days_between(D(2025, 1, 23), FRI_3_JAN_2025) == 0


def test_add_and_between_agree_with_holidays():
    """For every start in January 2025 and every count up to 30, the deadline lies
    exactly ``count`` working days after the start."""
    for day in range(1, 32):
        start = D(2025, 1, day)
        for count in range(1, 31):
            end = workdays.add_working_days(start, count, HOLIDAYS_JAN_2025)
            assert workdays.is_working_day(end, HOLIDAYS_JAN_2025)
            assert workdays.working_days_between(start, end, HOLIDAYS_JAN_2025) == count


def test_is_working_day():
    assert workdays.is_working_day(FRI_3_JAN_2025)
    assert not workdays.is_working_day(D(2025, 1, 4))  # Saturday
    assert not workdays.is_working_day(D(2025, 1, 27), HOLIDAYS_JAN_2025)


def test_custom_working_week():
    """Module docstring: an agency with another working week passes its own
    weekdays - Monday-Saturday: 14 days from Friday 3 Jan 2025 end on Monday 20 Jan."""
    six_days = range(6)
    assert workdays.add_working_days(FRI_3_JAN_2025, 14, weekdays=six_days) == D(2025, 1, 20)
    assert workdays.working_days_between(FRI_3_JAN_2025, D(2025, 1, 20), weekdays=six_days) == 14
    assert workdays.is_working_day(D(2025, 1, 4), weekdays=six_days)


@pytest.mark.parametrize("weekdays", [(), (7,), (-1, 0)])
def test_invalid_working_week_raises(weekdays):
    with pytest.raises(ValueError):
        workdays.add_working_days(FRI_3_JAN_2025, 1, weekdays=weekdays)
    with pytest.raises(ValueError):
        workdays.working_days_between(FRI_3_JAN_2025, D(2025, 2, 1), weekdays=weekdays)


@pytest.mark.parametrize("count", [1.5, -1, True, "3"])
def test_count_must_be_a_whole_number_of_days(count):
    """003 counts whole working days (14, 7, 30)."""
    with pytest.raises(ValueError):
        workdays.add_working_days(datetime.date(2026, 1, 2), count)
