"""Dates: month and weekday names, and what makes a date real.

The date grammars themselves (a document's stated date, the timeline's date expressions, a
page's date-only lines) are built from these names.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Plausible publication years (a "date" outside them is a misread number).
MIN_YEAR, MAX_YEAR = 1900, 2100


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February) or is implausible."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
