"""Event detection for relevance: the document that reports another event or time.

A cluster about one story sometimes holds an article about the same place and the same
people but another episode (the seeds: the Homs evacuation of May 2014 among reports of
the siege of February–March 2012). Its wording overlaps the others, so the relevance
score cannot tell; its dates can.

Time evidence for each document, strongest first:

* its date (``Document.date``: stated in the header, or bounded by its reader comments,
  see ``newsweave.metadata``) -- a day;
* otherwise the latest year its kept sentences mention ("formed mid-2011") -- a news
  article is usually published in the latest year it names or the year after, so the
  evidence is the interval from 1 January of that year to 31 December of the next. Years
  in debris (a copyright line's "© 2019" is the year of the page) are not looked at, nor
  years after "by", "until", "before" (plans: "by 2030").

A dated document is a **different event** when its date lies more than ``MAX_GAP_DAYS``
from the time evidence of every other document, at least ``MIN_WITNESSES`` other
documents carry time evidence, one of them at least a date, and those agree among themselves (they fit in one window
of ``MAX_GAP_DAYS``). Follow-up articles a day, a week or a month apart are never flagged;
with only two documents, or a single other witness, nothing is called the odd one out:
with two dated articles two years apart, either could be the stray one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .metadata import comment_date, stated_date
from .model import Document, Sentence
from .text.dates import MONTH_NAMES, YEAR_MENTION

MAX_GAP_DAYS = 180  # half a year: beyond any follow-up of the same news event
MIN_WITNESSES = 2  # other documents with time evidence needed to call one the odd one out
# Fewest documents (with text) among which one can be judged the odd one out: with two,
# either could be the stray one. One rule for every reason relevance sets an article aside
# as not belonging (a different event here; an unrelated subject in ``newsweave.relevance``).
MIN_DOCUMENTS = 3

_FUTURE_BEFORE = re.compile(r"\b(?:by|until|till|before|through|to|in\s+the\s+year)\s+(?:the\s+end\s+of\s+)?$", re.I)


@dataclass(frozen=True)
class TimeEvidence:
    """When a document was (probably) written: a day, or an interval of years."""

    doc: str
    lo: dt.date
    hi: dt.date
    how: str  # "dated 21 February 2012", "mentions 2011"

    @property
    def exact(self) -> bool:
        return self.lo == self.hi


def latest_year(sentences: list[Sentence]) -> int | None:
    """The latest year (1950-2049) the sentences mention, plans and ranges left out."""
    years = []
    for s in sentences:
        for m in YEAR_MENTION.finditer(s.text):
            if not _FUTURE_BEFORE.search(s.text[max(0, m.start() - 30):m.start()]):
                years.append(int(m.group(1)))
    return max(years) if years else None


def time_evidence(doc: Document, sentences: list[Sentence]) -> TimeEvidence | None:
    if doc.date:
        try:
            day = dt.date.fromisoformat(doc.date)
        except ValueError:
            day = None
        if day:
            return TimeEvidence(doc.id, day, day, f"dated {_day(day)}")
    year = latest_year(sentences)
    if year:
        return TimeEvidence(doc.id, dt.date(year, 1, 1), dt.date(year + 1, 12, 31), f"mentions {year}")
    return None


def _gap(day: dt.date, ev: TimeEvidence) -> int:
    if day < ev.lo:
        return (ev.lo - day).days
    if day > ev.hi:
        return (day - ev.hi).days
    return 0


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _month(d: dt.date) -> str:
    return f"{MONTH_NAMES[d.month - 1]} {d.year}"


def _period(evidence: list[TimeEvidence]) -> str:
    """'February 2012', 'February–March 2012', '2011–2012' for the others' evidence."""
    days = sorted(e.lo for e in evidence if e.exact)
    if days:
        a, b = days[0], days[-1]
        if (a.year, a.month) == (b.year, b.month):
            return _month(a)
        if a.year == b.year:
            return f"{MONTH_NAMES[a.month - 1]}–{MONTH_NAMES[b.month - 1]} {a.year}"
        return f"{_month(a)}–{_month(b)}"
    lo = max(e.lo for e in evidence).year
    hi = min(e.hi for e in evidence).year
    return str(lo) if lo >= hi else f"{lo}–{hi}"


def different_events(documents: list[Document], sentences: dict[str, list[Sentence]]) -> dict[str, str]:
    """Reasons (one sentence each) for the documents that report a different event or time.

    ``documents`` are the candidates (readable, with sentences), ``sentences`` their kept
    sentences by document id.
    """
    if len(documents) < MIN_DOCUMENTS:
        return {}
    evidence = {d.id: ev for d in documents if (ev := time_evidence(d, sentences.get(d.id, [])))}
    reasons = {}
    for doc in documents:
        mine = evidence.get(doc.id)
        if mine is None or not mine.exact:
            continue
        others = [ev for d, ev in evidence.items() if d != doc.id]
        if len(others) < MIN_WITNESSES or not any(ev.exact for ev in others):
            continue  # years mentioned only support a date, they never outvote one alone
        if min(_gap(mine.lo, ev) for ev in others) <= MAX_GAP_DAYS:
            continue
        if (max(ev.lo for ev in others) - min(ev.hi for ev in others)).days > MAX_GAP_DAYS:
            continue  # the others disagree among themselves: no majority time to compare with
        if stated_date(doc) != doc.date and comment_date(doc) == doc.date:
            when = f"its reader comments start on {_day(mine.lo)}"
        else:
            when = f"dated {_day(mine.lo)}"
        witnesses = "; ".join(f"{ev.doc} {ev.how}" for ev in others)
        reasons[doc.id] = (f"different event or time: it reports {_month(mine.lo)} ({when}) while the other articles point to "
                           f"{_period(others)} ({witnesses})")
    return reasons
