"""What the grouping compares: each article's content words, shingles, date and time evidence.

An article is read once into an :class:`Item`: the words of its kept text (after
``newsweave.clean`` has marked the page's debris) as stemmed content-word counts, the hashes
of its word 5-grams (for wire copies, as ``newsweave.copies``), the hashes of its sentences
(for boilerplate that many unrelated pages share), its date (given, or found by
``newsweave.metadata``) and the latest year its text mentions (``newsweave.events``' time
evidence when there is no date).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..clean import find_debris
from ..copies import shingles
from ..metadata import add_metadata
from ..model import Document
from ..sentences import opening
from ..text.dates import YEAR_MENTION, find_dates
from ..text.lines import kept_line_spans
from ..text.words import content_words

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 6  # shorter sentences ("Read more.") are too common to be boilerplate evidence
_FUTURE_BEFORE = re.compile(r"\b(?:by|until|till|before|through|to)\s+(?:the\s+end\s+of\s+)?$", re.I)


@dataclass
class Item:
    """One article as the grouping sees it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO day: given, or stated in the article
    source: str | None = None
    url: str | None = None
    sentences: list[tuple[int, list[str]]] = field(default_factory=list, repr=False)  # (hash, content words)
    shingles: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    latest_year: int | None = None
    counts: Counter = field(default_factory=Counter, repr=False)  # content words, boilerplate left out
    copy_of: str | None = None
    lead: str | None = None  # the first sentence of the article's own text (debris and labels left out)

    @property
    def day(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.date) if self.date else None
        except ValueError:
            return None

    def span(self) -> tuple[dt.date, dt.date] | None:
        """When the article was (probably) written: its day; else from 1 January of the latest
        year its own words name to the end of the next year (as ``newsweave.events``); else
        None. Only a day is exact: ``span()[0] == span()[1]``."""
        if self.day:
            return self.day, self.day
        if self.latest_year:
            return dt.date(self.latest_year, 1, 1), dt.date(self.latest_year + 1, 12, 31)
        return None


def sentence_hash(words: list[str]) -> int:
    """A hash of a sentence's words that is the same in every run (stored in the database)."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=7).digest()
    return int.from_bytes(digest, "big") or 1


_FIRST_SENTENCE = re.compile(r"(.{20,200}?[.!?])(?:\s|$)", re.S)
LEAD_WORDS = 20


def lead(kept: str) -> str:
    """The first sentence of an article's kept text (``LEAD_WORDS`` words at most), without the
    labels, credit or dateline before it (``newsweave.sentences.opening``); "" if none."""
    text = " ".join(kept.split())
    start = opening(text, 0, len(text))
    m = _FIRST_SENTENCE.match(text, start)
    words = (m.group(1) if m else text[start:]).split()
    return " ".join(words[:LEAD_WORDS]) + (" ..." if len(words) > LEAD_WORDS else "")


def lead_of(text: str) -> str:
    """:func:`lead` of a whole text, its debris found first."""
    return lead("\n".join(text[s:e] for s, e in kept_line_spans(text, find_debris(text))))


def read_item(article: dict, find_date: bool = True) -> Item:
    """An :class:`Item` from ``{"id", "text", "title"?, "date"?, "source"?, "url"?}``."""
    text = article["text"]
    date = article.get("date") or None
    if date:
        date = str(date)[:10]
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            date = None
    doc = Document(id=article["id"], text=text, title=article.get("title") or None, date=date)
    doc.removed = find_debris(text)
    if find_date and not (date and doc.title):
        add_metadata(doc)  # the headline and date the text states, where not given
    kept = "\n".join(text[s:e] for s, e in kept_line_spans(text, doc.removed))
    item = Item(id=article["id"], text=text, title=doc.title, date=doc.date,
                source=article.get("source") or None, url=article.get("url") or None)
    for piece in _SENTENCE_END.split(kept):
        words = _WORD.findall(piece.lower())
        if len(words) >= MIN_SENTENCE_WORDS:
            item.sentences.append((sentence_hash(words), content_words(piece)))
        elif words:
            item.sentences.append((0, content_words(piece)))
    item.lead = lead(kept)
    item.shingles = np.array(sorted(shingles(kept)), dtype=np.int64)  # sorted, compact
    years = [int(m.group(1)) for m in YEAR_MENTION.finditer(kept)
             if not _FUTURE_BEFORE.search(kept[max(0, m.start() - 30):m.start()])]
    if not years and item.date is None:
        years = [int(d[:4]) for _, _, d in find_dates(kept)]
    item.latest_year = max(years) if years else None
    return item


def set_counts(item: Item, boilerplate: set[int]) -> None:
    """The article's content-word counts, without the sentences that are boilerplate (kept
    as they are once the sentences have been let go)."""
    if not item.sentences:
        return
    item.counts = Counter()
    for h, words in item.sentences:
        if not (h and h in boilerplate):
            item.counts.update(words)
