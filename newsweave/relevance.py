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
the odd one out. Thresholds were chosen on Multi-News validation against the Multi-News+
labels and on the seeds (``bench/offtopic.py``; BENCHMARKS.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import Config
from .events import MIN_DOCUMENTS, different_events
from .features import Cluster
from .model import Document, Status

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


@dataclass
class Assessment:
    """What the relevance check found about one document (before any threshold)."""

    doc: str
    relevance: float  # similarity to the rest of the cluster
    typical: float  # median relevance of the other documents
    words: int  # words in its kept sentences
    dead: str = ""  # why it is a dead page ("" if it is not)
    event: str = ""  # why it reports a different event or time ("" if it does not)


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
    return out


def decide(a: Assessment, n_alive: int, min_relevance: float = DEFAULT_MIN_RELEVANCE,
           relative: float = RELATIVE_MIN_RELEVANCE) -> str:
    """The reason to set a document aside, or "" to use it."""
    if a.dead:
        return a.dead
    if n_alive < MIN_DOCUMENTS:
        return ""  # with two documents, neither can be told to be the odd one out
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
