"""When articles were written, as the grouping reads it: the time rules of ``group.py``.

An article's time (``Item.span``) is its day, or, undated, the years its own words name: from
1 January of the latest to the end of the next year. A day is exact; the years are a lower
bound (an article naming 2014 was written in 2014 or later) and a guess at an upper one. Two
dates more than ``WINDOW_DAYS`` apart, or a date before the lower bound, are two events; a
story never spans more than ``MAX_SPAN_DAYS`` of dates. A date after the guessed upper bound
is another event too, unless the two are as close as one story's pieces (``YEARS_YIELD``):
an article may name only the years of what it recalls (on the Multi-News mixes a third of
the same-story pairs name latest years five or more apart).
"""

from __future__ import annotations

from .context import SAME_STORY

WINDOW_DAYS = 180
MAX_SPAN_DAYS = 365
YEARS_YIELD = SAME_STORY  # from this similarity up, a date after the years an article names does not keep them apart


def gap_days(a, b) -> int:
    """Days between two articles' times (``Item.span``); 0 unless one of them is a day: the
    years two undated articles name say little (one may name only years long past)."""
    if a is None or b is None or (a[0] != a[1] and b[0] != b[1]):
        return 0
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def apart(a, b, s: float, params) -> bool:
    """Whether two articles linked at similarity ``s`` are too far apart in time: two dates,
    or a date before the latest year an undated article names (it was written in or after
    that year), always; a date after the end of the next year only below
    ``params.years_yield`` (an article may name only the years of what it recalls)."""
    if gap_days(a, b) <= params.window_days:
        return False
    if a[0] == a[1] and b[0] == b[1]:
        return True
    day, years = (a, b) if a[0] == a[1] else (b, a)
    return (years[0] - day[0]).days > params.window_days or s < params.years_yield


def time_of(spans) -> tuple | None:
    """A group's time: (first day, last day, latest year-start, earliest year-end) of its members."""
    days = [s[0] for s in spans if s and s[0] == s[1]]
    years = [s for s in spans if s and s[0] != s[1]]
    if not days and not years:
        return None
    return (min(days) if days else None, max(days) if days else None,
            max(s[0] for s in years) if years else None, min(s[1] for s in years) if years else None)


def _union_time(a, b):
    if not a or not b:
        return a or b
    pick = lambda f, x, y: f(x, y) if x and y else (x or y)  # noqa: E731
    return (pick(min, a[0], b[0]), pick(max, a[1], b[1]), pick(max, a[2], b[2]), pick(min, a[3], b[3]))


def merged_time(a, b, s: float, params):
    """The time of two groups merged at mean similarity ``s``, or ``False`` where they would
    hold two events: dates over ``max_span_days`` apart, or a date ``window_days`` away from
    what an undated member's years allow. Those years are a lower bound (an article naming
    2014 was written in 2014 or later) and a guess at an upper one (the end of the next
    year): at ``params.years_yield`` or more — the same story — the guess gives way (an
    article of 2016 may name only 2012, the year of what it recalls) and is dropped."""
    t = _union_time(a, b)
    if not t or t[0] is None:
        return t
    first, last, year_lo, year_hi = t
    if (last - first).days > params.max_span_days:
        return False
    if year_lo and (year_lo - first).days > params.window_days:
        return False
    if year_hi and (last - year_hi).days > params.window_days:
        if s < params.years_yield:
            return False
        t = (first, last, year_lo, None)
    return t
