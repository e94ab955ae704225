"""Corroboration: which other documents say essentially the same as a summary sentence."""

from __future__ import annotations

import numpy as np

from .features import Cluster
from .model import Sentence, Support

# Cosine similarity of TF-IDF vectors above which two sentences are taken to state the
# same thing. Chosen by reading pairs from the seeds and Multi-News: at 0.35 pairs share
# the main actors and the main verb or number; below ~0.25 they merely share the topic.
DEFAULT_THRESHOLD = 0.35


def find_support(cluster: Cluster, sentence: Sentence, threshold: float = DEFAULT_THRESHOLD
                 ) -> tuple[Support, ...]:
    """For each other document, its sentence closest to ``sentence``, if close enough."""
    row = cluster.index_of(sentence)
    sims = np.asarray((cluster.tfidf @ cluster.tfidf[row].T).todense()).ravel()
    support = []
    for doc_id in cluster.doc_ids:
        if doc_id == sentence.doc:
            continue
        rows = cluster.rows_of(doc_id)
        if not rows:
            continue
        best = rows[int(np.argmax(sims[rows]))]
        if sims[best] >= threshold:
            s = cluster.sentences[best]
            support.append(Support(doc=s.doc, start=s.start, end=s.end, text=s.text,
                                   similarity=round(float(sims[best]), 3)))
    return tuple(sorted(support, key=lambda x: -x.similarity))
