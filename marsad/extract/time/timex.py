"""TIMEX3 values: formatting, calendar arithmetic and validation.

Values follow TimeML/TIMEX3 (ISO 8601 based):

* DATE      ``2025-12-17``, ``2025-12``, ``2025``, ``2025-W51``, ``2025-W51-WE``, ``2025-SU``,
            ``2025-Q1``, ``2025-H2``, ``198`` (a decade), ``19`` (a century), ``XXXX-07-19``,
            ``XXXX-WXX-5`` (a weekday without a date), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``
* TIME      a date, ``T`` and ``hh:mm`` or a part of the day: ``2025-12-17T10:30``, ``2025-12-17TMO``
* DURATION  ``P3D``, ``P2W``, ``P6M``, ``P10Y``, ``PT5H``, ``PT30M``, ``P2DE``, ``PXD`` (unknown count)
* SET       a frequency ``P1W`` or a recurring date ``XXXX-WXX-7``

Nothing here reads the clock: every function takes the dates it works on.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")

_N = r"(?:\d+(?:\.\d+)?|X)"
_DURATION_RE = re.compile(
    rf"^P(?=.)(?:{_N}Y)?(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?(?:{_N}(?:DE|CE))?"
    rf"(?:T(?=.)(?:{_N}H)?(?:{_N}M)?(?:{_N}S)?)?$"
)
_YMD_RE = re.compile(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")
_WEEK_RE = re.compile(r"(\d{4}|XXXX)-W(\d{2}|XX)(?:-WE|-[1-7])?")
_OTHER_DATE_RE = re.compile(r"\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])|\d{2,3}")
_CLOCK_RE = re.compile(r"(\d{2}):(\d{2})(?::(\d{2}))?")


def ymd(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def valid_day(year: int | None, month: int, day: int) -> bool:
    """True when ``day`` exists in ``month`` (of ``year``, or of a leap year when it is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it cannot exist (31 فبراير, month 13) or is out of range."""
    if not 1 <= year <= 9999 or not valid_day(year, month, day):
        return None
    return date(year, month, day)


def shift(d: date, unit: str, n: int) -> date | None:
    """``d`` moved by ``n`` units (D W M Y DE CE; H and MIN by the whole days they make, toward
    zero: 48 hours back is two days back, five hours back the same day)."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit in ("H", "MIN"):
            return d + timedelta(days=int(n / (24 if unit == "H" else 1440)))
        if unit == "W":
            return d + timedelta(weeks=n)
        if unit in ("M", "Y", "DE", "CE"):
            months = n * {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit]
            y, m = add_months(d.year, d.month, months)
            if not 1 <= y <= 9999:
                return None
            return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
        return d
    except OverflowError:
        return None


def weekday_value(weekday: int) -> str:
    """A weekday without a date: ``XXXX-WXX-5`` (ISO weekday, 1 Monday … 7 Sunday)."""
    return f"XXXX-WXX-{weekday}"


def duration(n: int | None, unit: str) -> str:
    """``P3D``, ``PT5H``, ``PT30M``; decades and centuries in years (``P20Y``); an unknown
    count gives ``PXD``."""
    if unit in ("DE", "CE"):
        n, unit = (None if n is None else n * (10 if unit == "DE" else 100)), "Y"
    count = "X" if n is None else str(n)
    if unit == "H":
        return f"PT{count}H"
    if unit == "MIN":
        return f"PT{count}M"
    return f"P{count}{unit}"


# -- validation -------------------------------------------------------------------------------


def _valid_ymd(y: str, m: str | None, d: str | None) -> bool:
    if m is not None and m != "XX" and not 1 <= int(m) <= 12:
        return False
    if d is not None and d != "XX":
        if not 1 <= int(d) <= 31:
            return False
        if m is not None and m != "XX":
            year = int(y) if y.isdigit() else None
            if not valid_day(year, int(m), int(d)):
                return False
    return True


def valid_date_value(v: str) -> bool:
    if v in REFS:
        return True
    m = _YMD_RE.fullmatch(v)
    if m:
        return _valid_ymd(m.group(1), m.group(2), m.group(3))
    m = _WEEK_RE.fullmatch(v)
    if m:
        return m.group(2) == "XX" or 1 <= int(m.group(2)) <= 53
    return bool(_OTHER_DATE_RE.fullmatch(v))


def valid_time_value(v: str) -> bool:
    if "T" not in v:
        return False
    day, clock = v.split("T", 1)
    m = _YMD_RE.fullmatch(day)
    if not m or m.group(3) is None or not _valid_ymd(m.group(1), m.group(2), m.group(3)):
        return False
    if clock in PARTS_OF_DAY:
        return True
    c = _CLOCK_RE.fullmatch(clock)
    if c is None:
        return False
    hour, minute = int(c.group(1)), int(c.group(2))
    return minute < 60 and (hour < 24 or (hour == 24 and minute == 0))


def valid_duration_value(v: str) -> bool:
    return bool(_DURATION_RE.match(v)) and v not in ("P", "PT")


@lru_cache(maxsize=8192)
def is_valid(type_: str, value: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value of ``type_`` that can exist."""
    if type_ == "DATE":
        return valid_date_value(value)
    if type_ == "TIME":
        return valid_time_value(value)
    if type_ == "DURATION":
        return valid_duration_value(value)
    if type_ == "SET":
        return valid_duration_value(value) or (
            "X" in value and (valid_date_value(value) or valid_time_value(value))
        )
    return False
