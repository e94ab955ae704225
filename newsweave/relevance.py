"""Relevance: how much each document is about the same story as the rest of the cluster.

A document whose vocabulary barely overlaps the others' (a sports report in a cluster
about a flood) is set aside, so that it cannot feed the summary. A document with no
sentence left after cleaning (a dead page, a cookie wall) is set aside too.
"""

from __future__ import annotations

import numpy as np

from .features import Cluster
from .model import Document, Status

# Cosine similarity between a document's mean sentence vector and the mean of the other
# documents' below which it is judged off-topic. Same-story articles score 0.3-0.8,
# unrelated ones under 0.1 (measured on the seeds and the example).
DEFAULT_MIN_RELEVANCE = 0.12
# A document is also off-topic when it is far less related than the cluster's typical
# member (relevance under this share of the median): the bar adapts to how closely the
# other articles agree with each other.
RELATIVE_MIN_RELEVANCE = 0.4


def score_relevance(cluster: Cluster) -> dict[str, float]:
    vectors = cluster.doc_vectors
    scores = {}
    for doc_id, v in vectors.items():
        others = [w for d, w in vectors.items() if d != doc_id]
        if not others:
            scores[doc_id] = 1.0
            continue
        centroid = np.mean(others, axis=0)
        norm = np.linalg.norm(centroid)
        scores[doc_id] = float(v @ centroid / norm) if norm else 0.0
    return scores


def set_aside_off_topic(documents: list[Document], cluster: Cluster,
                        min_relevance: float = DEFAULT_MIN_RELEVANCE) -> None:
    """Score every readable document; mark the off-topic and the empty ones ``set_aside``."""
    scores = score_relevance(cluster)
    for doc in documents:
        if doc.status is Status.SKIPPED:
            continue
        if not cluster.rows_of(doc.id):
            doc.status = Status.SET_ASIDE
            doc.relevance = 0.0
            doc.reason = ("no article text left after removing debris "
                          "(a dead page, paywall or boilerplate-only page)")
            continue
        doc.relevance = round(scores.get(doc.id, 0.0), 3)
        typical = float(np.median([v for d, v in scores.items() if d != doc.id] or [0.0]))
        # With two documents, neither can be told to be the odd one out.
        if len(scores) >= 3 and (doc.relevance < min_relevance
                                 or doc.relevance < RELATIVE_MIN_RELEVANCE * typical):
            doc.status = Status.SET_ASIDE
            doc.reason = (f"unrelated subject: its wording barely overlaps the other articles "
                          f"(relevance {doc.relevance:.2f}; the others' median is {typical:.2f})")
