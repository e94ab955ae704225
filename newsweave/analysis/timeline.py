"""A timeline of dated statements across the documents.

Every date expression in a sentence becomes a :class:`TimelineEntry`: the sentence (exact
offsets), the words that state the date, and the ISO date they mean. Absolute dates ("21
February 2012", "Feb. 25, 2016", "2012-02-21", "May 2014") are taken as written; relative
ones are resolved against the document's own date (``Document.date``) and only when it has
one (``relative=True``):

* a month and day without a year ("March 14", "14 March"): the year that puts it nearest
  the document's date (a "December 28" in a 3 January article is last year's);
* a weekday ("on Thursday", "Friday", "Thursday night"): the most recent such weekday on or
  before the document's date (the same day when they coincide); "last Tuesday" is strictly
  before; "next Monday", or a weekday after "will" / "is due to" / "scheduled", the first on or
  after it;
* "today", "tonight", "this morning" (the day itself), "yesterday", "last night", "the day
  before yesterday", "tomorrow", "two days ago", "a week ago";
* periods resolve to their first day: "last week" (Monday of the week before), "earlier this
  week" (Monday of this week), "last month" and "earlier this month" (the 1st), "March last
  year" (1 March of the year before). A month without a day ("May 2014") also means its 1st;
  the entry's ``expression`` keeps the wording, so a reader sees the precision.

Avoided on purpose: "May" the modal verb and "march" the verb or noun (a month needs a day
or a year next to it, and is capitalised unless the whole text is lower-cased), numbers
that are not days or years ("2,000 people", "7,500", "aged 30", "16:33"), weekdays that
are names ("Sunday Times", "Good Friday", "USA Today").

Pure regular expressions and date arithmetic: a five-article cluster takes a few ms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document, Sentence, Span, TimelineEntry
from ..text.dates import (AMBIGUOUS_MONTHS, DAY, FULL_MONTHS, MONTH_ALT, MONTHS, WEEKDAY_ALT, WEEKDAYS, YEAR,
                          make_date)
from .part import AnalysisInput, Part

# The month, weekday, day and year grammar is the ground floor's (text/dates.py); what a
# timeline takes as a date expression, and how it resolves one, is decided here.
# A number right after a day or year that makes it something else: "March 2,000", "14:30", "14.5".
_NOT_NUMBER_END = r"(?![\d:]|[,.]\d|\s*%|\s*(?:per\s?cent|percent)\b)"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# One alternation, tried left to right at each position: longer forms first.
_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{YEAR})-(?P<im>\d\d)-(?P<id>\d\d)\b)
  | (?P<dmy>\b(?:(?:{WEEKDAY_ALT}),?\s+)?(?:the\s+)?(?P<d1>{DAY})(?:\s+of)?\s+(?P<m1>{MONTH_ALT})\.?,?\s+(?P<y1>{YEAR})\b{_NOT_NUMBER_END})
  | (?P<mdy>\b(?:(?:{WEEKDAY_ALT}),?\s+)?(?P<m2>{MONTH_ALT})\.?\s+(?P<d2>{DAY}),?\s+(?P<y2>{YEAR})\b{_NOT_NUMBER_END})
  | (?P<dm>(?<![\d,.])\b(?:(?:{WEEKDAY_ALT}),?\s+)?(?:the\s+)?(?P<d3>{DAY})(?:\s+of)?\s+(?P<m3>{MONTH_ALT})\b\.?(?!\s*\d))
  | (?P<md>\b(?:(?:{WEEKDAY_ALT}),?\s+)?(?P<m4>{MONTH_ALT})\.?\s+(?P<d4>{DAY})\b{_NOT_NUMBER_END}(?!\s*(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|km|people|percent|per)\b))
  | (?P<my>\b(?:(?:early|mid|late)[\s-]+)?(?P<m5>{MONTH_ALT})\.?,?\s+(?:of\s+)?(?P<y5>{YEAR})\b{_NOT_NUMBER_END})
  | (?P<mly>\b(?P<m6>{MONTH_ALT})\s+(?P<ly>last|this|next)\s+year\b)
  | (?P<wd>\b(?:(?P<wmod>last|next|this|this\s+past|this\s+coming|on|early|late)\s+)?(?P<w>{WEEKDAY_ALT})(?:'s|’s)?\b(?:\s+(?:morning|afternoon|evening|night))?)
  | (?P<ago>\b(?P<n>\d{{1,2}}|{"|".join(_NUMBER_WORDS)})\s+(?P<unit>days?|weeks?)\s+ago\b)
  | (?P<rel>\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)
        |(?:earlier\s+|late\s+)?last\s+week|earlier\s+this\s+week|(?:earlier\s+|late\s+)?last\s+month|earlier\s+this\s+month)\b)
    """,
    re.I | re.X,
)
# The words every date expression contains: the full pattern is only tried around them
# (trying it at every position of every sentence costs ~0.5 ms a sentence).
_TRIGGER = re.compile(rf"\b(?:{MONTH_ALT}|{WEEKDAY_ALT}|yesterday|today|tonight|tomorrow|last|earlier|"
                      r"this\s+(?:morning|afternoon|evening)|ago|(?:1[89]|20)\d\d-\d\d-\d\d)\b", re.I)
_BACK, _AHEAD = 28, 64  # how far an expression reaches before and after its trigger word
# Weekdays, "today" and "tomorrow" inside names.
_NAME_BEFORE = re.compile(r"(?:\b(?:good|black|cyber|ash|holy|maundy|palm|easter|bloody|usa|super)\s+)$", re.I)
_NAME_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:times|telegraph|mirror|express|post|herald|mail|people|school|show|"
                         r"programme|program|night\s+live|league|service|best|trading|prayers?\s+leader)\b", re.I)
# "until Wednesday", "by Friday": the nearest such weekday, before or after.
_EITHER_WAY = re.compile(r"\b(?:until|till|by)\s+(?:the\s+)?$", re.I)
# A weekday in a clause about the future points forward ("will meet on Monday").
_FUTURE = re.compile(r"\b(?:will|'ll|’ll|shall|is\s+due|are\s+due|due\s+to|scheduled|plans?\s+to|planning\s+to|"
                     r"planned|upcoming|set\s+to|expected\s+to|going\s+to|is\s+to|are\s+to)\b[^.;]{0,60}$", re.I)
_RELATIVE_DAYS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
                  "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tomorrow": 1}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: offsets into that text, the date, whether relative."""

    start: int
    end: int
    expression: str
    date: dt.date
    relative: bool


def _is_lowercased(text: str) -> bool:
    """True for text with (almost) no capitals inside sentences, like Multi-News."""
    words = text[:6000].split()
    inner = [w for prev, w in zip(words, words[1:])
             if prev[-1:].isalpha() and prev[-1:].islower() and w[:1].isalpha()]
    return len(inner) >= 20 and sum(w[0].isupper() for w in inner) < 0.02 * len(inner)


def _month_ok(word: str, lowercased: bool) -> bool:
    if word[0].isupper():
        return True
    return lowercased and word.lower() not in AMBIGUOUS_MONTHS


def _nearest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := make_date(y, month, day))]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _weekday(index: int, anchor: dt.date, mod: str, before: str) -> dt.date:
    back = (anchor.weekday() - index) % 7  # days back to the most recent one, 0 = same day
    mod = " ".join(mod.lower().split())
    if mod == "next" or mod == "this coming" or (mod in ("", "on") and _FUTURE.search(before)):
        return anchor + dt.timedelta(days=(index - anchor.weekday()) % 7)
    if mod == "" and _EITHER_WAY.search(before):
        ahead = (index - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead) if ahead < back else anchor - dt.timedelta(days=back)
    if mod == "last" or mod == "this past":
        back = back or 7
    return anchor - dt.timedelta(days=back)


def _period(expr: str, anchor: dt.date) -> dt.date:
    expr = " ".join(expr.lower().split())
    if expr.endswith("last week"):
        return anchor - dt.timedelta(days=anchor.weekday() + 7)
    if expr == "earlier this week":
        return anchor - dt.timedelta(days=anchor.weekday())
    if expr.endswith("last month"):
        first = anchor.replace(day=1)
        return (first - dt.timedelta(days=1)).replace(day=1)
    return anchor.replace(day=1)  # earlier this month


def _matches(text: str) -> Iterator[re.Match]:
    """Non-overlapping matches of the full pattern that contain a trigger word, left to right."""
    done = 0
    for t in _TRIGGER.finditer(text):
        if t.start() < done:
            continue
        start = max(done, t.start() - _BACK)
        for m in _PATTERN.finditer(text, start, min(len(text), t.end() + _AHEAD)):
            if m.end() <= t.start():
                continue  # ends before the trigger: another expression, or a part of one
            if m.start() <= t.start():
                done = m.end()
                yield m
            break


def find_date_mentions(text: str, anchor: dt.date | None, lowercased: bool | None = None) -> Iterator[DateMention]:
    """Date expressions in ``text``; relative ones only when an ``anchor`` date is given."""
    if lowercased is None:
        lowercased = _is_lowercased(text)
    for m in _matches(text):
        g = m.groupdict()
        expr = m.group(0)
        date, relative = None, True
        if g["iso"]:
            date, relative = make_date(int(g["iy"]), int(g["im"]), int(g["id"])), False
        elif g["dmy"] or g["mdy"]:
            mon, day, year = (g["m1"], g["d1"], g["y1"]) if g["dmy"] else (g["m2"], g["d2"], g["y2"])
            if _month_ok(mon, lowercased):
                date, relative = make_date(int(year), MONTHS[mon.lower()], int(re.sub(r"\D", "", day))), False
        elif g["dm"] or g["md"]:
            mon, day = (g["m3"], g["d3"]) if g["dm"] else (g["m4"], g["d4"])
            if anchor and _month_ok(mon, lowercased) and not (mon.lower() == "may" and not mon[0].isupper()):
                date = _nearest_year(MONTHS[mon.lower()], int(re.sub(r"\D", "", day)), anchor)
        elif g["my"]:
            mon = g["m5"]
            if _month_ok(mon, lowercased):
                date, relative = make_date(int(g["y5"]), MONTHS[mon.lower()], 1), False
        elif g["mly"]:
            if anchor and _month_ok(g["m6"], lowercased):
                shift = {"last": -1, "this": 0, "next": 1}[g["ly"].lower()]
                date = make_date(anchor.year + shift, MONTHS[g["m6"].lower()], 1)
        elif g["wd"]:
            if anchor and not _NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                    and not _NAME_AFTER.match(text[m.start("w") + len(g["w"]):]):
                mod = g["wmod"] or ""
                if mod.lower() in ("early", "late"):
                    mod = ""
                date = _weekday(WEEKDAYS.index(g["w"].lower()), anchor, mod, text[max(0, m.start() - 90):m.start()])
        elif g["ago"]:
            if anchor:
                n = _NUMBER_WORDS.get(g["n"].lower()) or int(g["n"]) if not g["n"].isdigit() else int(g["n"])
                days = n * (7 if g["unit"].lower().startswith("week") else 1)
                date = anchor - dt.timedelta(days=days)
        elif g["rel"]:
            key = " ".join(expr.lower().split())
            if anchor and not _NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                    and not _NAME_AFTER.match(text[m.end():]) and not (expr[0] == "T" and m.start() > 0
                                                                       and key in ("today", "tomorrow")):
                date = (anchor + dt.timedelta(days=_RELATIVE_DAYS[key]) if key in _RELATIVE_DAYS
                        else _period(key, anchor))
        if date is not None:
            end = m.end()
            if expr.endswith(".") and expr[:-1].split()[-1].lower() in FULL_MONTHS:
                expr, end = expr[:-1], end - 1  # a full stop after "December" ends the sentence
            yield DateMention(m.start(), end, expr, date, relative)


def _parse_iso(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def build_timeline(sentences: list[Sentence], documents: list[Document]) -> list[TimelineEntry]:
    """Dated statements of the given sentences, in chronological order.

    Entries with the same date keep document order (the order of ``documents``), then text
    order. A sentence with two different dates gives two entries; the same date twice, one.
    """
    order = {d.id: i for i, d in enumerate(documents)}
    by_id = {d.id: d for d in documents}
    lowercased = {d.id: _is_lowercased(d.text[:5000]) for d in documents}
    keyed = []
    for s in sentences:
        doc = by_id.get(s.doc)
        if doc is None:
            continue
        anchor = _parse_iso(doc.date)
        seen = set()
        for mention in find_date_mentions(s.text, anchor, lowercased[s.doc]):
            if mention.date in seen:
                continue
            seen.add(mention.date)
            entry = TimelineEntry(date=mention.date.isoformat(),
                                  sentence=Span(s.doc, s.start, s.end, s.text),
                                  expression=re.sub(r"^the\s+", "", " ".join(mention.expression.split()),
                                                    flags=re.I),
                                  relative=mention.relative)
            keyed.append(((mention.date, order[s.doc], s.start, mention.start), entry))
    keyed.sort(key=lambda k: k[0])
    return [e for _, e in keyed]


class Timeline(Part):
    """The timeline as a part of the analysis (see ``part``): the dated statements of every
    document, set-aside ones included."""

    name = "timeline"

    def __call__(self, inp: AnalysisInput) -> list[TimelineEntry]:
        return build_timeline(inp.everything.sentences, inp.dated)
