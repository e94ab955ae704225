"""Read a document's headline and publication date from its cleaned text.

Runs after cleaning, so a newsletter box above the headline is not taken for it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lines import kept_line_spans
from ..model import Document

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# Full dates only (day, month and year): a bare "Tuesday" or "May 14" cannot date a document.
DATE_PATTERN = re.compile(
    rf"\b{_WEEKDAY}(?:"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"  # 21 February 2012
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # February 21, 2012
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"  # 2012-02-21
    rf")\b"
)
# Bylines and datelines are page furniture to the summarizer (the cleaner removes them with
# these kinds) but they are exactly where a document states its date.
DATE_BEARING_KINDS = {"meta", "credit"}
# The header is where outlets put bylines and datelines; a date deeper in the text
# is usually an event date, not the publication date.
HEADER_LINES = 6
HEADER_CHARS = 600
_TITLE_MAX_WORDS = 25


@lru_cache(maxsize=4096)
def parse_date(expression: str) -> str | None:
    """ISO date of a full date expression, or None."""
    import dateparser  # slow import, needed only when a document states a date

    parsed = dateparser.parse(expression, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of every full date stated in the text."""
    out = []
    for m in DATE_PATTERN.finditer(text):
        iso = parse_date(m.group(0))
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", ":", ",")) and not line.rstrip().endswith("..."):
        return False  # a headline has no closing full stop; a sentence does
    if DATE_PATTERN.search(line) and len(words) < 8:
        return False  # a dateline or byline
    return sum(w[0].isalpha() for w in words) >= len(words) / 2


def add_metadata(doc: Document) -> Document:
    """Fill in ``doc.title`` and ``doc.date`` from the kept text, when not already known."""
    lines = kept_line_spans(doc.text, doc.removed)
    if doc.title is None and lines:
        s, e = lines[0]
        first = doc.text[s:e].lstrip("#").strip()
        if _looks_like_headline(first):
            doc.title = first
    if doc.date is None:
        dateable = kept_line_spans(doc.text, [r for r in doc.removed
                                              if r.kind not in DATE_BEARING_KINDS])
        header_end = min(len(doc.text), max((e for s, e in dateable[:HEADER_LINES]), default=0))
        header_end = min(header_end, (dateable[0][0] if dateable else 0) + HEADER_CHARS)
        for s, e in dateable:
            if s >= header_end:
                break
            dates = find_dates(doc.text[s:e])
            if dates:
                doc.date = dates[0][2]
                break
    return doc
