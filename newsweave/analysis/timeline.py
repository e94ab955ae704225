"""A timeline of dated statements across the documents.

Every sentence with a date expression becomes one :class:`TimelineEntry`: the sentence (exact
offsets) and its dates (``TimelineDate``: the words, their offsets, the date they mean and its
granularity: a year "1988", a month "1988-08", an ISO week "1988-W32", a day "1988-08-02";
a weekend "1988-W32-WE"; quarters, halves, seasons and decades, "1988-Q3", "1989-H2",
"1989-SU", "197", are :mod:`.timeline_periods`', with the year-ago period of an earnings
comparison). The words and their resolution are :mod:`.timeline_grammar`'s. Absolute dates
("21 February 2012", "Feb. 25, 2016", "May 2014", "in 1988", "fiscal 1989", "nineteen
ninety-six") are taken as written; relative ones are resolved against the document's own
date (``Document.date``) and only when it has one (``relative=True``):

* a month and day without a year ("March 14"): the year its weekday names ("Saturday, April
  25"); else the latest on or before the document's date in a clause about the past ("the
  year ended March 31"), the first on or after it in one about the future ("payable Dec. 15",
  "will ... Feb. 1"), the nearest otherwise;
* a month without a year ("in October", "last August", "this September"): "last" is the latest
  before the document's month (a year back for the month just before it), "next" the first
  after; otherwise the latest on or before it, unless the clause is about the future or the
  month is at most two months ahead in a clause not about the past ("changed ... in December");
  a span "through January" with no tense to place it runs through the nearest one;
* a weekday: the most recent on or before the document's date; "last Tuesday" strictly before;
  "the previous Friday" a week before that; "next Monday", or a weekday in a clause about the
  future ("will", "would", "as soon as", "expected"), the first on or after it;
* "today", "tonight", "this morning", "yesterday", "last night", "tomorrow", "two days ago";
  "last week" / "this week" (a week), "last month", "earlier this month", "a month ago" (a
  month), "this year", "next year", "the past year", "five years ago" (a year), "a year ago"
  (the same day a year before), "year-end" (31 December; of the year a "when" clause follows:
  "in 1988, when year-end net fell"); "for the year", "earlier in the year", "the first nine
  months of the year" (the document's year, when the sentence names no other; not in January
  or February); "over the weekend", "next weekend", "ahead of the
  weekend" (the latest weekend begun, or the coming one).

A paragraph's dateline ("BUDAPEST, March 12 (Xinhua) --", left out of the sentence by the
splitter) dates its first sentence.

Avoided on purpose: "May" the modal verb and "march" the verb or noun (alone, a month needs a
preposition before it, and is capitalised unless the whole text is lower-cased), numbers
that are not days or years ("2,000 people", "2012 marchers", "7,500", "aged 30", "16:33"),
weekdays and periods that are names ("Sunday Times", "Good Friday", "USA Today", ABC's "This
Week", "car of the year", a year in a name a sentence gives: "a firm called Juniper 1975"),
habits ("each July", "on Friday and Sunday nights"), the present or future in general ("in
today's world", "the people of tomorrow"), and a comparison's baseline ("up from $3 a year
earlier") unless it is an earnings comparison's, with a period to state (see
:mod:`.timeline_periods`).

Pure regular expressions and date arithmetic: a five-article cluster takes a few ms.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Document, Sentence, Span, Status, TimelineDate, TimelineEntry
from ..text.dates import period_sort_key
from .part import AnalysisInput, Part
from .timeline_grammar import DateMention, _is_lowercased
from .timeline_grammar import find_date_mentions as _day_month_year
from .timeline_periods import Reports, find_periods


def find_date_mentions(text: str, anchor: dt.date | None, lowercased: bool | None = None,
                       reports: Reports | None = None, offset: int = 0) -> list[DateMention]:
    """Date expressions in ``text``, in text order; relative ones only when an ``anchor`` date
    is given. ``text`` is a sentence at ``offset`` in a document whose :class:`Reports` are
    given (without them, the text is its own document). A quarter, half or season takes the
    place of a date inside its words ("the third quarter of 1984" is no "1984")."""
    periods = find_periods(text, anchor, reports, offset)
    days = [m for m in _day_month_year(text, anchor, lowercased)
            if not any(p.start < m.end and m.start < p.end for p in periods)]
    return sorted(days + periods, key=lambda m: m.start)

def _parse_iso(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


# A dateline before a paragraph's first sentence (the sentence splitter leaves it out):
# "BUDAPEST, March 12 (Xinhua) --", "WASHINGTON, Tuesday, May 5 (AP) -", "LONDON, 3 June:".
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Za-z.'-]+){0,5}[ ,]+[^\n]{0,40}?(?:\([^()\n]{1,30}\)\s*)?"
                       r"(?:--|[-\u2013\u2014:])\s*$")


def _dateline_before(text: str, sentence: Sentence, previous_end: int) -> tuple[int, str]:
    """(offset, text) of the dateline right before a sentence ("" when there is none)."""
    start = max(previous_end, text.rfind("\n", 0, sentence.start) + 1)
    piece = text[start:sentence.start]
    if 6 <= len(piece.strip()) <= 90 and _DATELINE.match(piece):
        return start, piece
    return start, ""


def _entry_date(doc_start: int, mention: DateMention) -> TimelineDate:
    return TimelineDate(date=mention.value, granularity=mention.granularity,
                        expression=re.sub(r"^the\s+", "", " ".join(mention.expression.split()), flags=re.I),
                        start=doc_start + mention.start, end=doc_start + mention.end, relative=mention.relative)


def build_timeline(sentences: list[Sentence], documents: list[Document]) -> list[TimelineEntry]:
    """Dated statements of the given sentences: one entry per sentence with its dates.

    The story's own entries come first, then those of set-aside documents; each group in
    chronological order of its entries' earliest dates (a year or a month before the days in
    it), entries with the same date in document order (the order of ``documents``), then text
    order. A paragraph's dateline ("BUDAPEST, March 12 (Xinhua) --") dates its first sentence.
    """
    order = {d.id: i for i, d in enumerate(documents)}
    by_id = {d.id: d for d in documents}
    lowercased = {d.id: _is_lowercased(d.text[:5000]) for d in documents}
    reports: dict[str, Reports] = {}
    keyed = []
    previous_end: dict[str, int] = {}
    for s in sentences:
        doc = by_id.get(s.doc)
        if doc is None:
            continue
        anchor = _parse_iso(doc.date)
        if s.doc not in reports:
            reports[s.doc] = Reports.of(doc.text, anchor)
        dates = []
        line_start, dateline = _dateline_before(doc.text, s, previous_end.get(s.doc, 0))
        previous_end[s.doc] = s.end
        if dateline:
            dates += [_entry_date(line_start, m) for m in _day_month_year(dateline, anchor, lowercased[s.doc])]
        dates += [_entry_date(s.start, m) for m in find_date_mentions(s.text, anchor, lowercased[s.doc],
                                                                       reports[s.doc], s.start)]
        if not dates:
            continue
        first = min(dates, key=lambda d: (period_sort_key(d.date, d.granularity), d.start))
        aside = doc.status is not Status.USED
        entry = TimelineEntry(date=first.date, sentence=Span(s.doc, s.start, s.end, s.text),
                              expression=first.expression, relative=first.relative,
                              granularity=first.granularity, dates=tuple(dates), set_aside=aside)
        keyed.append(((aside, period_sort_key(first.date, first.granularity), order[s.doc], s.start), entry))
    keyed.sort(key=lambda k: k[0])
    return [e for _, e in keyed]


class Timeline(Part):
    """The timeline as a part of the analysis (see ``part``): the dated statements of every
    document, set-aside ones included (grouped after the story's own)."""

    name = "timeline"

    def __call__(self, inp: AnalysisInput) -> list[TimelineEntry]:
        return build_timeline(inp.everything.sentences, inp.dated)
