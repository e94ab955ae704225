"""The default summarizer: TF-IDF centroid salience with a lead prior, MMR selection.

Salience of a sentence = cosine similarity to the cluster centroid (each document
weighted equally, so one long article cannot dominate), optionally plus a bonus for
early position. Selection is Maximal Marginal Relevance
(Carbonell & Goldstein, 1998): each step takes the sentence with the best trade-off
between salience and novelty, and never one too similar to a sentence already taken.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..features import Cluster
from .base import Budget, Scored, Summarizer, mmr_select, register


@register
@dataclass
class CentroidSummarizer(Summarizer):
    name = "centroid"
    description = "TF-IDF centroid salience + lead prior, MMR redundancy control"

    diversity: float = 0.3  # weight of novelty against salience in MMR (0 = pure salience)
    # Bonus for a document's first sentence, decaying with position. Off by default: on all
    # three benchmarks (Multi-News, raw Multi-News, DUC 2006) a lead prior lowered ROUGE-1
    # (DUC: 40.5 without, 37.4 with 0.25); centrality already favours lead sentences.
    position_weight: float = 0.0
    position_decay: float = 3.0  # sentences over which the lead bonus falls by a factor of e
    redundancy: float = 0.5  # never take a sentence this similar (cosine) to one already taken
    query_weight: float = 0.3  # share of salience that comes from the query, when there is one
    min_words: int = 8  # shorter sentences rarely carry a self-contained fact

    def salience(self, cluster: Cluster) -> np.ndarray:
        X = cluster.tfidf
        doc_vectors = list(cluster.doc_vectors.values())
        centroid = np.mean(doc_vectors, axis=0) if doc_vectors else np.zeros(X.shape[1])
        norm = np.linalg.norm(centroid)
        centroid = centroid / norm if norm else centroid
        score = np.asarray(X @ centroid).ravel()
        if cluster.query:
            q = cluster.query_vector
            score = (1 - self.query_weight) * score + self.query_weight * np.asarray(X @ q).ravel()
        index = np.array([s.index for s in cluster.sentences], dtype=np.float32)
        return score + self.position_weight * np.exp(-index / self.position_decay)

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        return mmr_select(cluster, self.salience(cluster), budget, diversity=self.diversity,
                          redundancy=self.redundancy, min_words=self.min_words)
