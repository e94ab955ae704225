"""Dates: month and weekday names, the date grammar built from them, and what makes a date real.

Each stage's own date rules (a document's stated date, the timeline's date expressions, a
page's date-only lines) are built from the building blocks here: the month and weekday
alternations, the day and year patterns, and the full-date pattern with :func:`find_dates`.

The ``*_ALT``, ``DAY`` and ``YEAR`` names are regular-expression *sources* (non-capturing
groups, to be embedded in a stage's pattern and compiled with ``re.I``); ``FULL_DATE`` and
``YEAR_MENTION`` are compiled patterns.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# The twelve full names, lower-case ("may" included; "sept" and the other abbreviations not).
FULL_MONTHS = frozenset(m.lower() for m in MONTH_NAMES)
# Month names that are also common words ("may", "march") or names ("Jan"): a stage takes them
# only when capitalised (or when the whole text is lower-cased).
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "sep", "oct", "dec", "nov", "aug", "apr"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Short forms in datelines, bylines and comment stamps ("Tue 21 Feb", "Thurs., March 16").
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

# Plausible publication years (a "date" outside them is a misread number).
MIN_YEAR, MAX_YEAR = 1900, 2100


def _alternation(words) -> str:
    """A non-capturing group of the words, longest first (so "sept" is tried before "sep")."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# ---------------------------------------------------------------- building blocks (sources)

MONTH_ALT = _alternation(MONTHS)  # any month name or abbreviation ("February", "Feb", "Sept")
WEEKDAY_ALT = "(?:" + "|".join(WEEKDAYS) + ")"  # a full weekday name only ("Sunday", not "Sun")
ANY_WEEKDAY_ALT = _alternation(WEEKDAYS + WEEKDAY_ABBREVIATIONS)  # a weekday name or abbreviation
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"  # a day of the month, 1-31, "21st"
YEAR = r"(?:1[89]\d\d|20\d\d)"  # a four-digit year, 1800-2099

# ---------------------------------------------------------------- full dates

# Full dates only (day, month and year): a bare "Tuesday" or "May 14" cannot date a document.
# Month names in any case (Multi-News is lower-cased); the day and year make them unambiguous.
# Day and year are any digits here: make_date decides whether the date exists.
FULL_DATE = re.compile(
    rf"\b(?:{ANY_WEEKDAY_ALT}\.?,?\s+)?(?:"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)(?P<m1>{MONTH_ALT})\.?,?(?:\s+|-)(?P<y1>\d{{4}})"  # 21 February 2012
    rf"|(?P<m2>{MONTH_ALT})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"  # February 21, 2012
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"  # 2012-02-21
    rf")(?![\d,.]\d)\b",
    re.I,
)

# A year mentioned in prose (1950-2049), not part of a number, a price, a range or a percentage
# ("2,012", "$2012", "2011-2012", "2012%"); the year is group 1.
YEAR_MENTION = re.compile(r"(?<![\d,.$£€#/:])(?<!\d-)(?<!\d–)\b(19[5-9]\d|20[0-4]\d)\b(?![,.]?\d|\s*%|[-–/]\d)")


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February) or is implausible."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_date(m: re.Match) -> dt.date | None:
    g = m.groupdict()
    if g["y3"]:
        return make_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y1"]:
        return make_date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
    return make_date(int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]))


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of every full date stated in the text (dates that do not exist,
    such as 30 February, left out)."""
    out = []
    for m in FULL_DATE.finditer(text):
        d = _full_date(m)
        if d:
            out.append((m.start(), m.end(), d.isoformat()))
    return out


# ---------------------------------------------------------------- spoken years and periods

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# A year as broadcast transcripts spell it: "nineteen ninety-six", "nineteen eighty", "two
# thousand", "two thousand and one" (group 0 is the whole year; see spoken_year).
SPOKEN_YEAR = (r"(?:(?:eighteen|nineteen)[\s-]+(?:" + "|".join(_TEENS + _TENS[::-1]) + r")(?:[\s-]+(?:"
               + "|".join(_UNITS) + r"))?|two\s+thousand(?:\s+(?:and\s+)?(?:" + "|".join(_TEENS + _UNITS)
               + r"))?)")


def spoken_year(words: str) -> int | None:
    """The year of a spoken form ("nineteen ninety-six" -> 1996), or None."""
    parts = re.split(r"[\s-]+", words.lower().strip())
    parts = [p for p in parts if p != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        extra = (_UNITS.index(rest[0]) + 1 if rest[0] in _UNITS else _TEENS.index(rest[0]) + 10) if rest else 0
        return 2000 + extra
    if len(parts) < 2 or parts[0] not in ("eighteen", "nineteen"):
        return None
    century = 1800 if parts[0] == "eighteen" else 1900
    if parts[1] in _TEENS:
        return century + _TEENS.index(parts[1]) + 10
    if parts[1] not in _TENS:
        return None
    tail = _UNITS.index(parts[2]) + 1 if len(parts) > 2 and parts[2] in _UNITS else 0
    return century + 20 + 10 * _TENS.index(parts[1]) + tail


def iso_week(day: dt.date) -> str:
    """The ISO week a day falls in, as TimeML writes it: "1998-W07"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) ``by`` months later (earlier when negative)."""
    n = year * 12 + (month - 1) + by
    return n // 12, n % 12 + 1


# ---------------------------------------------------------------- dates of any granularity

# Coarsest first: a period sorts before the shorter periods and days that start with it.
GRANULARITY_RANK = {"decade": -1, "year": 0, "half": 1, "quarter": 2, "season": 3, "month": 4, "week": 5, "weekend": 6, "day": 7}
# Seasons as TimeML writes them, by the month they start in; a winter ("1994-WI") is the one
# whose January falls in its year (it starts the December before).
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def period_value(day: dt.date, granularity: str) -> str:
    """A period given by its first day, as a value: "197" (the 1970s, as TimeML writes a
    decade), "1988", "1988-H2", "1988-Q3", "1994-WI",
    "1988-08", "1988-W32", "1988-W32-WE" (a weekend, given by its Saturday) or "1988-08-02"."""
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month < 7 else 2}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "season":
        code = next(c for c, m in SEASONS.items() if m == day.month)
        return f"{day.year + (code == 'WI'):04d}-{code}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "week":
        return iso_week(day)
    if granularity == "weekend":
        return f"{iso_week(day)}-WE"
    return day.isoformat()


def period_start(value: str, granularity: str) -> dt.date:
    """The first day of a date of any granularity: "1988", "1988-H2", "1988-Q3", "1994-WI"
    (1993-12-01), "1988-08", "1988-W32", "1988-W32-WE" (its Saturday), "1988-08-02"."""
    if granularity in ("week", "weekend"):
        year, week = value[:4], value[6:8]
        return dt.date.fromisocalendar(int(year), int(week), 6 if granularity == "weekend" else 1)
    if granularity in ("half", "quarter", "season"):
        year, code = int(value[:4]), value[5:]
        if granularity == "half":
            return dt.date(year, 1 if code == "H1" else 7, 1)
        if granularity == "quarter":
            return dt.date(year, 3 * int(code[1]) - 2, 1)
        return dt.date(year - (code == "WI"), SEASONS[code], 1)
    if granularity == "decade":
        return dt.date(int(value) * 10, 1, 1)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def period_sort_key(value: str, granularity: str) -> tuple[dt.date, int]:
    """Chronological order of dates of any granularity: a year, half, quarter or month before
    its days."""
    return period_start(value, granularity), GRANULARITY_RANK[granularity]


def period_label(value: str, granularity: str) -> str:
    """A date as a reader sees it: "1970s", "1988", "H2 1988", "Q3 1988", "winter 1993-94", "1988-08",
    "week of 1988-08-01", "weekend of 1988-08-06" or "1988-08-02"."""
    if granularity in ("week", "weekend"):
        return f"{granularity} of {period_start(value, granularity).isoformat()}"
    if granularity == "decade":
        return f"{value}0s"
    if granularity in ("half", "quarter"):
        return f"{value[5:]} {value[:4]}"
    if granularity == "season":
        year, code = int(value[:4]), value[5:]
        return f"winter {year - 1}-{year % 100:02d}" if code == "WI" else f"{_SEASON_NAMES[code]} {year}"
    return value
