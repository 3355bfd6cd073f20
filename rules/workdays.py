"""Working days (hari kerja): Monday-Friday minus national holidays and cuti
bersama. Document deadlines count them (003 section Tindak lanjut 5-10,
section Keberatan 2 and 6). ``weekdays`` lets an agency with another working week
pass its own (0 = Monday); ``holidays`` is any container of dates.

"Within N working days since D" means: D itself is not counted; the deadline is
the N-th working day after D.
"""

import datetime

MON_FRI = frozenset(range(5))
ONE_DAY = datetime.timedelta(days=1)


def _check_week(weekdays):
    weekdays = frozenset(weekdays)
    if not weekdays or not weekdays <= frozenset(range(7)):
        raise ValueError("a working week needs at least one weekday between 0 and 6")
    return weekdays


def is_working_day(day, holidays=(), weekdays=MON_FRI):
    return day.weekday() in _check_week(weekdays) and day not in holidays


def add_working_days(start, count, holidays=(), weekdays=MON_FRI):
    """The ``count``-th working day after ``start`` (``start`` not counted).

    ``count`` 0 gives ``start`` itself if it is a working day, else the next one.
    """
    weekdays = _check_week(weekdays)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"count must be a whole number of days, not {count!r}")
    day = start
    if count == 0:
        while not is_working_day(day, holidays, weekdays):
            day += ONE_DAY
        return day
    while count:
        day += ONE_DAY
        if day.weekday() in weekdays and day not in holidays:
            count -= 1
    return day


def working_days_between(start, end, holidays=(), weekdays=MON_FRI):
    """Working days in (start, end]: how many have passed from ``start`` to ``end``."""
    weekdays = _check_week(weekdays)
    if end <= start:
        return 0
    total = 0
    day = start + ONE_DAY
    while day <= end:
        if day.weekday() in weekdays and day not in holidays:
            total += 1
        day += ONE_DAY
    return total
