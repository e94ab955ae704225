"""What a page's date and time stamps look like: datelines, bylines, comment signatures.

Debris shapes built from the date grammar of the ground floor (``newsweave.text.dates``):
a date as pages print it (two-digit years and slashes included, unlike the full dates that
date a document), a clock time, and a line made of nothing but date and time words.
"""

from __future__ import annotations

import re

from ..text.dates import ANY_WEEKDAY_ALT, MONTH_ALT

TIME = r"\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?"
DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ ./-]{MONTH_ALT}\.?[ ./-]\d{{2,4}}|{MONTH_ALT}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d\d-\d\d)"

# A line made only of date/time words ("Tuesday 21 February 2012 01:00 GMT",
# "Published on Feb 23, 2016"): page metadata, never a sentence.  Tokens must be
# separated by at least one separator so the pattern cannot backtrack explosively.
_DTOK = (
    rf"(?:{MONTH_ALT}|{ANY_WEEKDAY_ALT}|\d{{1,2}}(?::\d\d)?\s?[ap]\.?m|\d{{1,4}}(?:st|nd|rd|th)?|"
    r"gmt|bst|utc|cet|cest|[ecmp][sd]?t|updated|published|posted|last|modified|first|on|at|edited)"
)
DATE_ONLY = re.compile(rf"^\W*{_DTOK}(?:[\s,:/|.-]+{_DTOK})*[\s,:/|.)-]*$", re.I)
HAS_DATE_WORD = re.compile(rf"\b{MONTH_ALT}\b|\d:\d\d", re.I)
