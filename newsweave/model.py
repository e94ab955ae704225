"""The one data model every pipeline stage reads and writes.

documents -> cleaned documents -> sentences -> selected sentences -> brief

All offsets are character offsets into ``Document.text``: for plain text and
Markdown that is exactly the text the user gave; for HTML it is the article text
extracted from the page (the brief carries it, so offsets can always be checked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    """What happened to a document on its way to the brief."""

    USED = "used"  # feeds the summary
    SET_ASIDE = "set_aside"  # readable, but judged off-topic or empty of content
    SKIPPED = "skipped"  # could not be read at all


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: ``doc.text[start:end] == text``."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Removal:
    """A piece of scraping debris taken out of a document before summarizing."""

    kind: str  # e.g. "newsletter", "donation", "copyright", "comments" (see clean.KINDS)
    start: int
    end: int
    text: str


@dataclass
class Document:
    """One article of the cluster, as read from the user's input."""

    id: str
    text: str  # the text offsets refer to (see module docstring)
    source: str = ""  # file path, "<stdin>", "clusters.jsonl#3", ...
    format: str = "text"  # "text", "markdown" or "html"
    title: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) when the document states one
    status: Status = Status.USED
    reason: str = ""  # why a document was set aside or skipped
    removed: list[Removal] = field(default_factory=list)
    relevance: float | None = None  # similarity to the rest of the cluster (0..1)
    copy_of: str | None = None  # id of the document this one is a copy of (newsweave.copies)

    @property
    def readable(self) -> bool:
        return self.status is not Status.SKIPPED


@dataclass(frozen=True)
class Sentence:
    """A sentence with exact provenance: ``doc.text[start:end] == text``."""

    doc: str
    index: int  # position among the document's kept sentences, 0-based
    start: int
    end: int
    text: str
    n_in_doc: int = 0  # how many kept sentences the document has (for position features)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def position(self) -> float:
        """Relative position in the document: 0.0 for the first sentence."""
        return self.index / max(self.n_in_doc, 1)


@dataclass(frozen=True)
class Scored:
    """A sentence a summarizer chose, with its salience score (higher: more central)."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class Support:
    """Another document's sentence that says essentially the same thing."""

    doc: str
    start: int
    end: int
    text: str
    similarity: float


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of the summary, cited to its document and corroborated by others."""

    sentence: Sentence
    score: float
    support: tuple[Support, ...] = ()

    @property
    def also_in(self) -> list[str]:
        return sorted({s.doc for s in self.support}, key=_natural_key)


@dataclass(frozen=True)
class TimelineDate:
    """One date stated in a timeline entry's sentence (or in the dateline before it)."""

    date: str  # "YYYY", "YYYY-Q3", "YYYY-MM", "YYYY-Www" (an ISO week), "YYYY-MM-DD", ... (see granularity)
    granularity: str  # "decade", "year", "half", "quarter", "season", "month", "week", "weekend" or "day"
    expression: str  # the words that state it, e.g. "last August", "in 1988", "on Thursday"
    start: int  # offsets of those words in ``Document.text``
    end: int
    relative: bool  # True when resolved against the document's own date


@dataclass(frozen=True)
class TimelineEntry:
    """A dated statement: the sentence, the date expression in it and the date it means.

    A sentence with several dates is one entry: ``dates`` lists them all, in text order;
    ``date``, ``granularity``, ``expression`` and ``relative`` are those of its earliest date
    (the one it is sorted by)."""

    date: str  # "YYYY", "YYYY-Q3", "YYYY-MM", "YYYY-Www", "YYYY-MM-DD", ... (see ``granularity``)
    sentence: Span
    expression: str  # the words that state the date, e.g. "on Thursday", "21 February 2012"
    relative: bool  # True when resolved against the document's own date ("yesterday")
    granularity: str = "day"  # as TimelineDate's (docs/brief-schema.md)
    dates: tuple[TimelineDate, ...] = ()
    set_aside: bool = False  # from a document set aside (not part of the story's own timeline)


@dataclass(frozen=True)
class FactMention:
    """One source's report of a number."""

    sentence: Span
    value: float
    value_text: str  # the number as written, e.g. "7,500", "two dozen", "$27 million"
    qualifier: str = ""  # "well over", "about", "at least", ... ("" when exact)
    date: str | None = None  # the reporting document's date, when known
    # The figure's scope, as this sentence states it (None when it does not say):
    what: str = ""  # what is counted, e.g. "people killed", "civilians killed", "money: aid"
    where: str | None = None  # e.g. "in Homs", "across Syria"
    when: str | None = None  # e.g. "on Thursday", "since the uprising began", "in 2009"
    according_to: str | None = None  # who gives the figure, e.g. "UN human rights office"


@dataclass
class Fact:
    """One quantity (what is counted) as reported across sources."""

    quantity: str  # e.g. "people killed", "people evacuated", "aid (USD)"
    mentions: list[FactMention]
    verdict: str  # "agree", "conflict", "update" or "single"
    note: str = ""  # for people: why the verdict, which report is later
    # The scope the mentions share: {"what", "where", "when", "according_to"}; where and when
    # are those some mention states (None when none does), according_to every source named.
    scope: dict = field(default_factory=dict)

    @property
    def docs(self) -> list[str]:
        return sorted({m.sentence.doc for m in self.mentions}, key=_natural_key)

    def scope_words(self) -> str:
        """Where, when and according to whom, in words ("in Homs, on Thursday; according to
        the Syrian Observatory"); "" when the sentences state none of it."""
        s = self.scope or {}
        text = ", ".join(x for x in (s.get("where"), s.get("when")) if x)
        if s.get("according_to"):
            text += ("; " if text else "") + "according to " + ", ".join(s["according_to"])
        return text


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    text: str  # the words inside the quotation marks ("A … B" for one interrupted by its attribution)
    span: Span  # the quotation (marks included) in its document, from its first mark to its last
    speaker: str | None  # None when the text does not say
    sentence: Span | None = None
    # Where the text names the speaker: the name or description in the attribution ("Lindqvist"
    # in "Lindqvist said"), or for "he said" the mention "he" stands for; None when not named.
    speaker_span: Span | None = None
    # The quoted pieces (marks included) of a quotation interrupted by its attribution
    # (“A,” she said, “B.”); one piece, ``span`` itself, for most.
    parts: list[Span] = field(default_factory=list)
    # The same quotation in the cluster's other articles (wire copy, quoted alike): listed once,
    # here, not once per article.
    also_in: list[Span] = field(default_factory=list)
    # Where this quotation's attribution mentions its speaker: "Lindqvist" in "Lindqvist said",
    # "she" in "she said", "the spokeswoman"; None when it does not.
    source_span: Span | None = None


@dataclass
class Entity:
    """A person, organisation or place, and how often each source mentions it."""

    name: str
    label: str  # "person", "organisation", "place"
    mentions: dict[str, int]  # document id -> count

    @property
    def total(self) -> int:
        return sum(self.mentions.values())


@dataclass(frozen=True)
class Caution:
    """Something a reader should know before trusting the brief as one story."""

    text: str  # one sentence, for people
    documents: list[str]  # the ids of the documents it is about


@dataclass
class Analysis:
    """Cross-source analysis of the used documents (see newsweave.analysis)."""

    timeline: list[TimelineEntry] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    cautions: list[Caution] = field(default_factory=list)


def _natural_key(s: str):
    """Sort "doc2" before "doc10"."""
    import re

    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s)]
