"""Corroboration: which other documents state the same fact as a summary sentence.

For each other document, its sentences closest to the summary sentence by TF-IDF cosine are the
candidates (the best ``CANDIDATES``, at least ``MIN_COSINE``: a sentence sharing no content word
is not weighed); ``newsweave.similarity`` gives each the probability that it states the same fact,
and the most probable one is the document's support if that probability reaches the threshold
(``Config.corroboration``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from . import similarity
from .features import Cluster
from .model import Sentence, Support

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow)
READS = ("Scored", "Sentence")
WRITES = ("SummarySentence.support",)

# Candidates per other document. On the 92 raw Multi-News dev clusters the accepted support
# came from the best three by TF-IDF in every case but a handful (BENCHMARKS.md, Corroboration):
# weighing every sentence of every document would cost more and change almost nothing.
CANDIDATES = 3
MIN_COSINE = 0.1


def candidates(cluster: Cluster, sentence: Sentence, k: int = CANDIDATES,
               min_cosine: float = MIN_COSINE) -> dict[str, list[int]]:
    """For each other document: the rows of its ``k`` sentences closest to ``sentence`` by
    TF-IDF cosine, those at least ``min_cosine``, closest first."""
    row = cluster.index_of(sentence)
    cosine = (cluster.tfidf[row] @ cluster.tfidf.T).toarray().ravel()
    out = {}
    for doc_id in cluster.doc_ids:
        if doc_id == sentence.doc:
            continue
        rows = np.asarray(cluster.rows_of(doc_id))
        best = rows[np.argsort(-cosine[rows], kind="stable")[:k]]
        best = [int(r) for r in best if cosine[r] >= min_cosine]
        if best:
            out[doc_id] = best
    return out


def find_support(cluster: Cluster, sentence: Sentence, threshold: float,
                 repeats: Sequence[tuple[Sentence, float]] = ()) -> tuple[Support, ...]:
    """For each other document, its sentence most probably stating the same fact as
    ``sentence``, if that probability (``Support.similarity``) is at least ``threshold``
    (``Config.corroboration``); most probable first. ``repeats``: sentences the summarizer
    dropped as saying the same as ``sentence`` (``summarizers.base.Kept``), with their
    probability: one of another document, at least ``threshold``, is that document's support
    when its best candidate is not (a paraphrase may share few words, and be no candidate)."""
    found = candidates(cluster, sentence)
    rows = [(doc_id, r) for doc_id, rs in found.items() for r in rs]
    p = similarity.probabilities([(sentence.text, cluster.sentences[r].text) for _, r in rows])
    best: dict[str, tuple[float, int]] = {}
    for (doc_id, r), prob in zip(rows, p):
        if doc_id not in best or prob > best[doc_id][0]:
            best[doc_id] = (float(prob), r)
    support = []
    for prob, r in best.values():
        if prob >= threshold:
            s = cluster.sentences[r]
            support.append(Support(doc=s.doc, start=s.start, end=s.end, text=s.text,
                                   similarity=round(prob, 3)))
    found_in = {s.doc for s in support}
    for s, prob in sorted(repeats, key=lambda x: -x[1]):
        if prob >= threshold and s.doc != sentence.doc and s.doc not in found_in:
            found_in.add(s.doc)
            support.append(Support(doc=s.doc, start=s.start, end=s.end, text=s.text,
                                   similarity=round(float(prob), 3)))
    return tuple(sorted(support, key=lambda x: -x.similarity))
