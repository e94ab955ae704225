"""Relevance: which documents belong to the cluster's story, and why the others do not.

Every readable document gets a relevance score (0..1: TF-IDF cosine between its mean
sentence vector and the centroid of the other documents'), and is set aside, with one
readable sentence saying why, for one of three reasons, checked in this order:

1. **dead or boilerplate-only page**: no article sentence left after the debris is removed
   (an error page, a cookie wall, an archive placeholder), or an error/archive notice with
   only a few words around it;
2. **unrelated subject**: its wording barely overlaps the other articles' (a football report
   in a cluster about a flood): relevance under ``min_relevance``, or under
   ``RELATIVE_MIN_RELEVANCE`` times the median of the others' scores;
3. **different event or time**: same place and actors but another episode, told by its
   date (see :mod:`newsweave.events`: the seeds' May 2014 article among reports of
   February 2012).

Reasons 2 and 3 need at least three documents with text: with two, neither can be called
the odd one out. Two articles can still be two stories (a Multi-News cluster pairs a
Charleston church shooting with a Ferguson police shooting): then the brief follows the one
that tells far more, and the other is set aside as **another story**, when all of these hold
(constants set beforehand, not tuned on any reference; BENCHMARKS.md, "two stories"):

* they share few words (relevance under ``TWO_STORIES_RELEVANCE``);
* they name no person, organisation or place in common, while each names at least
  ``MIN_NAMES`` name words (``text.names``: a lower-cased text or a stub names too few);
* the longer has at least ``LONGER`` times the other's words. Of two unrelated articles of
  like length, which one the reader meant cannot be told (``bench/two_stories.py``): both
  stay, and the analysis gives a caution (``analysis.cautions``).

Thresholds were chosen on Multi-News validation against the Multi-News+
labels and on the seeds (``bench/offtopic.py``; BENCHMARKS.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import Config
from .events import MIN_DOCUMENTS, different_events
from .features import Cluster
from .model import Document, Status
from .text.names import name_words

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow)
READS = ("Sentence", "Document.removed", "Document.date", "Document.status")
WRITES = ("Document.status", "Document.reason", "Document.relevance")

DEFAULT_MIN_RELEVANCE = Config.min_relevance  # the default bar, defined (and explained) in Config
# A document is also off-topic when it is far less related than the cluster's typical
# member (relevance under this share of the median): the bar adapts to how closely the
# other articles agree with each other.
RELATIVE_MIN_RELEVANCE = 0.5
# MIN_DOCUMENTS (from newsweave.events): fewest documents with text for "unrelated" or
# "different event" to be called.
# A page with an error/archive notice removed and fewer kept words than this is a dead page.
DEAD_PAGE_MAX_WORDS = 40
_DEAD_KINDS = {"dead_page", "consent", "paywall"}
# Two articles, two stories (see the module docstring)
TWO_STORIES_RELEVANCE = 0.1
MIN_NAMES = 3
LONGER = 3


@dataclass
class Assessment:
    """What the relevance check found about one document (before any threshold)."""

    doc: str
    relevance: float  # similarity to the rest of the cluster
    typical: float  # median relevance of the other documents
    words: int  # words in its kept sentences
    dead: str = ""  # why it is a dead page ("" if it is not)
    event: str = ""  # why it reports a different event or time ("" if it does not)
    other_story: str = ""  # with one other article only: why it tells another story


def score_relevance(cluster: Cluster) -> dict[str, float]:
    return dict(cluster.doc_relevance)


def _dead_reason(doc: Document, words: int) -> str:
    if words == 0:
        return ("dead or boilerplate-only page: no article text left after removing debris "
                "(an error page, paywall, cookie wall or archive placeholder)")
    kinds = sorted({r.kind for r in doc.removed if r.kind in _DEAD_KINDS})
    if kinds and words < DEAD_PAGE_MAX_WORDS:
        what = {"dead_page": "an error or archive notice", "consent": "a cookie banner",
                "paywall": "a paywall"}
        return (f"dead or boilerplate-only page: {' and '.join(what[k] for k in kinds)} with only "
                f"{words} words of text around it")
    return ""


def assess(documents: list[Document], cluster: Cluster) -> dict[str, Assessment]:
    """Scores and findings for every readable document (no decision taken)."""
    readable = [d for d in documents if d.status is not Status.SKIPPED]
    sentences = {d.id: [cluster.sentences[i] for i in cluster.rows_of(d.id)] for d in readable}
    words = {d.id: sum(s.words for s in sentences[d.id]) for d in readable}
    dead = {d.id: _dead_reason(d, words[d.id]) for d in readable}
    alive = [d for d in readable if not dead[d.id]]
    scores = score_relevance(cluster)
    live_scores = {d.id: scores.get(d.id, 0.0) for d in alive}
    events = different_events(alive, sentences)
    out = {}
    for d in readable:
        others = [v for k, v in live_scores.items() if k != d.id]
        out[d.id] = Assessment(d.id, round(scores.get(d.id, 0.0), 3) if not dead[d.id] or words[d.id] else 0.0,
                               round(float(np.median(others)), 3) if others else 0.0,
                               words[d.id], dead[d.id], events.get(d.id, ""))
    if len(alive) == 2:
        short, long_ = sorted((out[d.id] for d in alive), key=lambda a: a.words)
        short.other_story = _another_story(short, long_, sentences)
    return out


def _another_story(short: Assessment, long_: Assessment, sentences: dict) -> str:
    """Why the shorter of two articles tells another story than the longer ("" if it may not)."""
    if short.relevance >= TWO_STORIES_RELEVANCE or long_.words < LONGER * short.words:
        return ""
    names = [name_words(s.text for s in sentences[a.doc]) for a in (short, long_)]
    if min(map(len, names)) < MIN_NAMES or names[0] & names[1]:
        return ""
    return (f"another story: it names no person, organisation or place that the other article names "
            f"and shares few words with it (relevance {short.relevance:.2f}); the brief follows the "
            f"other, which is {long_.words / short.words:.0f} times as long")


def decide(a: Assessment, n_alive: int, min_relevance: float = DEFAULT_MIN_RELEVANCE,
           relative: float = RELATIVE_MIN_RELEVANCE) -> str:
    """The reason to set a document aside, or "" to use it."""
    if a.dead:
        return a.dead
    if n_alive < MIN_DOCUMENTS:
        # with two documents, neither is the odd one out by relevance alone
        return a.other_story
    if a.relevance < min_relevance or a.relevance < relative * a.typical:
        return (f"unrelated subject: its wording barely overlaps the other articles "
                f"(relevance {a.relevance:.2f}; the others' median is {a.typical:.2f})")
    return a.event


def set_aside_off_topic(documents: list[Document], cluster: Cluster,
                        min_relevance: float = DEFAULT_MIN_RELEVANCE) -> None:
    """Score every readable document; mark the dead, off-topic and different-event ones
    ``set_aside`` with a one-sentence reason. ``cluster`` holds the sentences of all of them."""
    found = assess(documents, cluster)
    n_alive = sum(not a.dead for a in found.values())
    for doc in documents:
        a = found.get(doc.id)
        if a is None:
            continue
        doc.relevance = a.relevance
        reason = decide(a, n_alive, min_relevance)
        if reason:
            doc.status, doc.reason = Status.SET_ASIDE, reason
