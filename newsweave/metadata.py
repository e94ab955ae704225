"""The metadata stage: a document's headline and publication date, read from its cleaned text.

Runs after cleaning (``newsweave.clean``), so a newsletter box above the headline is not
taken for it, and the removed bylines, datelines and comment threads can be told apart.

How ``Document.date`` is obtained (the first rule that gives a date wins):

1. Already known: the reader found it (e.g. ``article:published_time`` of an HTML page).
2. **Stated in the header**: the first full date (day, month and year: "Tuesday 21
   February 2012 01:00 GMT", "March 16, 2023", "2012-02-21") on one of the first lines
   of the page, bylines and datelines included even though the cleaner removed them as
   debris. A date deeper in the text is an event date, not the publication date.
3. **Bounded by reader comments**: when the text states no date but its reader-comment
   thread (removed as debris of kind ``comments``) carries timestamps ("09 May 2014,
   16:33"), the earliest of them. The article was published on or before that day, and
   comments come within hours or days of publication, so it is the best estimate the
   page offers (an upper bound, not a statement).

Otherwise the date stays ``None``: a bare "Tuesday" or "March 14" cannot date a
document, and a copyright year ("© 2019") is the year of the page, not of the article.

Dates are parsed with the small grammar of :mod:`newsweave.text.dates` and our own
arithmetic (no ``dateparser``: it costs half a second to import and ~1 ms per call).
"""

from __future__ import annotations

import re

from .model import Document
from .text.dates import FULL_DATE, find_dates
from .text.lines import kept_line_spans

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow):
# fills what ingest could not
READS = ("Document.text", "Document.removed", "Document.title", "Document.date")
WRITES = ("Document.title", "Document.date")

# Bylines and datelines are page furniture to the summarizer (the cleaner removes them with
# these kinds) but they are exactly where a document states its date.
DATE_BEARING_KINDS = {"meta", "credit"}
# The header is where outlets put bylines and datelines; a date deeper in the text
# is usually an event date, not the publication date.
HEADER_LINES = 6
HEADER_CHARS = 600
_TITLE_MAX_WORDS = 25


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", ":", ",")) and not line.rstrip().endswith("..."):
        return False  # a headline has no closing full stop; a sentence does
    if FULL_DATE.search(line) and len(words) < 8:
        return False  # a dateline or byline
    return sum(w[0].isalpha() for w in words) >= len(words) / 2


# On a long line (a paragraph, or a whole article on one line as in Multi-News) only a
# date at its very start is a dateline or byline; and a date after a preposition or in a
# photo caption ("in this Aug. 29, 2012 file photo", "pictured ... on April 22, 2016") is an
# event date even there.
PARAGRAPH_CHARS = 200
LEAD_CHARS = 100
_EVENT_BEFORE = re.compile(r"(?:(?<!published )(?<!updated )(?<!posted )\b(?:on|in|since|until|from|of|by|"
                           r"before|after|through)\s+(?:the\s+)?|\bin this\s+|photo\W*|pictured.{0,60})$", re.I)
_CAPTION_AFTER = re.compile(r"^\W*(?:file\s+)?(?:photo|image|picture)\b", re.I)


def stated_date(doc: Document) -> str | None:
    """The first full date on the header lines (bylines and datelines included)."""
    dateable = kept_line_spans(doc.text, [r for r in doc.removed
                                          if r.kind not in DATE_BEARING_KINDS])
    if not dateable:
        return None
    header_end = min(len(doc.text), max(e for s, e in dateable[:HEADER_LINES]))
    header_end = min(header_end, dateable[0][0] + HEADER_CHARS)
    for s, e in dateable:
        if s >= header_end:
            break
        end = min(e, header_end, s + LEAD_CHARS if e - s > PARAGRAPH_CHARS else e)
        for ds, de, iso in find_dates(doc.text[s:end]):
            before = doc.text[max(s, s + ds - 80):s + ds]
            if _EVENT_BEFORE.search(before) or _CAPTION_AFTER.match(doc.text[s + de:s + de + 20]):
                continue
            return iso
    return None


def comment_date(doc: Document) -> str | None:
    """The earliest timestamp of the document's removed reader-comment thread, if any."""
    found = [iso for r in doc.removed if r.kind == "comments" for _, _, iso in find_dates(r.text)]
    return min(found) if found else None


def add_metadata(doc: Document) -> Document:
    """Fill in ``doc.title`` and ``doc.date`` from the kept text, when not already known."""
    lines = kept_line_spans(doc.text, doc.removed)
    if doc.title is None and lines:
        s, e = lines[0]
        first = doc.text[s:e].lstrip("#").strip()
        if _looks_like_headline(first):
            doc.title = first
    if doc.date is None:
        doc.date = stated_date(doc) or comment_date(doc)
    return doc
