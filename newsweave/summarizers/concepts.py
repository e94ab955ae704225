"""Concept coverage: pick the sentences that together cover the most of what the sources share.

A *concept* is a pair of adjacent content words ("rebels withdraw", "baba amr"); its weight
is the number of documents that use it (Gillick & Favre, 2009). A concept used by one
document only is one outlet's detail, not the story. The summary maximises the total weight
of the concepts it covers, each counted once, so a second sentence saying the same thing adds
nothing: redundancy is handled by the objective itself, not by a similarity threshold.

The objective is monotone submodular, so the cost-scaled greedy algorithm of Lin & Bilmes
(2010) is near-optimal: repeatedly take the sentence with the best new weight per word, and
compare the result with the single best sentence that fits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..features import Cluster
from ..text.words import STOP_WORDS, TOKEN, stem, topic_of
from .base import Budget, Scored, Selection, Summarizer, register


def sentence_concepts(text: str) -> set[tuple[str, str]]:
    """Adjacent word pairs of a sentence, stemmed, unless both words are function words."""
    words = [stem(t) if t not in STOP_WORDS else t for t in TOKEN.findall(text.lower())]
    return {(a, b) for a, b in zip(words, words[1:])
            if not (a in STOP_WORDS and b in STOP_WORDS)}


@register
@dataclass
class ConceptSummarizer(Summarizer):
    name = "concepts"
    description = "coverage of word pairs shared across sources (Gillick & Favre), greedy submodular"

    min_docs: int = 2  # a concept counts when at least this many documents use it
    detail_weight: float = 0.1  # weight of a concept fewer than ``min_docs`` documents use
    length_power: float = 1.0  # gain / words**power: 1 = gain per word; lower favours long sentences
    min_words: int = 8  # shorter sentences rarely carry a self-contained fact
    query_weight: float = 0.5  # share of a concept's weight that comes from the query

    def concept_weights(self, cluster: Cluster, concepts: list[set]) -> dict:
        docs_using: dict[tuple, set] = defaultdict(set)
        for s, cs in zip(cluster.sentences, concepts):
            for c in cs:
                docs_using[c].add(s.doc)
        # With only two documents, agreement is asked of none (a pair both use still weighs 2).
        need = min(self.min_docs, max(1, len(cluster.doc_ids) - 1))
        # One outlet's detail still beats nothing once the shared concepts are covered.
        weights = {c: float(len(d)) if len(d) >= need else self.detail_weight for c, d in docs_using.items()}
        if cluster.query:
            asked = {stem(w) for w in TOKEN.findall(topic_of(cluster.query).lower()) if w not in STOP_WORDS}
            for c in weights:
                if asked & set(c):
                    weights[c] *= 1 + self.query_weight / (1 - self.query_weight)
        return weights

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        sentences = cluster.sentences
        if not sentences:
            return []
        concepts = [sentence_concepts(s.text) for s in sentences]
        weights = self.concept_weights(cluster, concepts)
        words = np.array([max(s.words, 1) for s in sentences], dtype=np.float64) ** self.length_power
        selection = Selection(cluster, budget, min_words=self.min_words)  # redundancy: the objective's job
        covered: set = set()
        while (candidates := selection.candidates()) is not None:
            gains = np.array([sum(weights[c] for c in concepts[i] - covered) if ok else 0.0
                              for i, ok in enumerate(candidates)])
            if not gains.any():
                break
            best = int(np.argmax(gains / words))
            selection.take(best, gains[best])
            covered |= concepts[best]
        return selection.chosen
