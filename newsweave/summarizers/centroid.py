"""The default summarizer: the sentences that together come closest to the cluster's centroid.

The centroid is the mean TF-IDF vector of the documents (each document weighted equally, so
one long article cannot dominate). Selection is greedy, as in Ghalandari (2017, "Revisiting
the centroid-based method"): each step adds the sentence that brings the *summary's* vector
(the sum of its sentences') closest to the centroid. Judging the summary as a whole, not each
sentence alone, rewards a sentence for what the summary still lacks: a second sentence on
the same point moves the summary less than one on a point not yet covered. A sentence too
similar to one already taken is never added: by TF-IDF cosine, or because the same-fact model
(newsweave.similarity) says it states a fact already taken, in other words (base.REPEAT). With
a query, the target is a blend of the centroid and the query.

Measured against per-sentence centroid similarity with MMR (the previous default) on raw
Multi-News, DUC 2006 and Multi-News: +0.5, +1.0 and +0.2 ROUGE-1 (BENCHMARKS.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..features import Cluster
from .base import REPEAT, Budget, Scored, Selection, Summarizer, register


@register
@dataclass
class CentroidSummarizer(Summarizer):
    name = "centroid"
    description = "summary vector closest to the TF-IDF centroid (Ghalandari 2017), greedy"

    redundancy: float = 0.5  # never take a sentence this similar (cosine) to one already taken
    query_weight: float = 0.3  # share of the target that comes from the query, when there is one
    min_words: int = 8  # shorter sentences rarely carry a self-contained fact
    repeat: float | None = REPEAT  # same-fact probability at which a sentence repeats one taken

    def target(self, cluster: Cluster) -> np.ndarray:
        """The unit vector the summary should come close to."""
        centroid = cluster.centroid
        if cluster.query:
            centroid = (1 - self.query_weight) * centroid + self.query_weight * cluster.query_vector
            centroid = centroid / (np.linalg.norm(centroid) or 1.0)
        return centroid

    def salience(self, cluster: Cluster) -> np.ndarray:
        """Each sentence's own similarity to the target (reported as its score)."""
        return np.asarray(cluster.tfidf @ self.target(cluster)).ravel()

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        if not cluster.sentences:
            return []
        X = cluster.tfidf
        alone = self.salience(cluster)  # x . target for every sentence (rows have unit length)
        summary = np.zeros(X.shape[1], dtype=np.float64)  # sum of the chosen rows
        toward, length2 = 0.0, 0.0  # summary . target and |summary|^2
        selection = Selection(cluster, budget, min_words=self.min_words, redundancy=self.redundancy,
                              repeat=self.repeat)
        while (candidates := selection.candidates()) is not None:
            # cos(summary + x, target) for every x at once, from sparse products only:
            # |summary + x|^2 = |summary|^2 + 2 summary . x + 1
            overlap = np.asarray(X @ summary).ravel()
            closeness = (toward + alone) / np.sqrt(length2 + 2 * overlap + 1.0)
            closeness[~candidates] = -np.inf
            best = int(np.argmax(closeness))
            if not selection.offer(best, alone[best]):
                continue  # it says again what is taken (newsweave.similarity): choose again
            row = X[best].toarray().ravel()
            toward += alone[best]
            length2 += 2 * float(summary @ row) + float(row @ row)
            summary += row
        return selection.result
