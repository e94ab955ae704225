"""A salience model learned from Multi-News, with MMR selection.

Each sentence gets a vector of cheap, explainable features (position, length,
centrality, how many other sources say the same, ...). A linear model trained on
the Multi-News train split (``bench/train_salience.py``) turns them into a predicted
ROUGE density: how many reference unigrams and bigrams per word the sentence carries.
Selection then follows MMR as in the centroid summarizer.

The weights ship in ``learned.json`` (a few hundred bytes, readable, no pickle). They
were learned from Multi-News, which is licensed for research and education only;
see the file's ``provenance`` field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..features import Cluster
from ..text.words import content_words
from ..text.lexicon import COMMON_ATTRIBUTION_FORMS, words_regex
from .base import Budget, Scored, Summarizer, mmr_select, register

WEIGHTS = Path(__file__).with_name("learned.json")
_QUOTE = re.compile(r"[\"“”]")
_DIGIT = re.compile(r"\d")
_PRONOUN_START = re.compile(r"^\W*(he|she|it|they|this|that|these|those|but|and|so|also)\b", re.I)
_SAID = words_regex(COMMON_ATTRIBUTION_FORMS)


def sentence_features(cluster: Cluster) -> tuple[np.ndarray, list[str]]:
    """(n_sentences x n_features) matrix and the feature names."""
    sentences = cluster.sentences
    n = len(sentences)
    # No feature depends on letter case or document length: the training data is lower-cased
    # and truncated, users' articles are neither.
    names = ["bias", "first", "second", "inv_index", "words", "short", "long",
             "centroid", "doc_centroid", "support_max", "support_docs", "shared_words",
             "quote", "digit", "pronoun_start", "said", "doc_relevance", "n_docs"]
    if n == 0:
        return np.zeros((0, len(names)), dtype=np.float32), names
    X = cluster.tfidf
    doc_ids = cluster.doc_ids
    doc_vectors = cluster.doc_vectors
    centroid_sim = np.asarray(X @ cluster.centroid).ravel()
    doc_of = np.array([doc_ids.index(s.doc) for s in sentences])
    n_docs = len(doc_ids)
    doc_matrix = np.stack([doc_vectors[d] for d in doc_ids])
    doc_sim = np.asarray(X @ doc_matrix.T)[np.arange(n), doc_of]
    support_max = np.zeros(n)
    support_docs = np.zeros(n)
    every = list(range(n))
    for j, d in enumerate(doc_ids):  # one document at a time: no n x n matrix in memory
        best = cluster.best_in_document(d, every)[1]
        other = doc_of != j
        support_max[other] = np.maximum(support_max[other], best[other])
        support_docs[other] += best[other] >= 0.2
    if n_docs > 1:
        support_docs /= n_docs - 1
    # words used by at least two documents: the story's shared vocabulary
    doc_words = {d: set() for d in doc_ids}
    tokens = [content_words(s.text) for s in sentences]
    for s, toks in zip(sentences, tokens):
        doc_words[s.doc].update(toks)
    counts: dict[str, int] = {}
    for words in doc_words.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    doc_relevance = cluster.doc_relevance
    F = np.zeros((n, len(names)), dtype=np.float32)
    for i, (s, toks) in enumerate(zip(sentences, tokens)):
        words = s.words
        F[i] = [
            1.0,
            s.index == 0,
            s.index == 1,
            1.0 / (1 + s.index),
            min(words, 60) / 30.0,
            words < 10,
            words > 40,
            centroid_sim[i],
            doc_sim[i],
            support_max[i],
            support_docs[i],
            (sum(counts[t] > 1 for t in toks) / len(toks)) if toks else 0.0,
            bool(_QUOTE.search(s.text)),
            bool(_DIGIT.search(s.text)),
            bool(_PRONOUN_START.match(s.text)),
            bool(_SAID.search(s.text)),
            doc_relevance[s.doc],
            np.log(n_docs),
        ]
    return F, names


@lru_cache(maxsize=1)
def _weights() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return (np.array(data["mean"], dtype=np.float32), np.array(data["scale"], dtype=np.float32),
            np.array(data["coef"], dtype=np.float32), data["features"])


@register
@dataclass
class LearnedSummarizer(Summarizer):
    name = "learned"
    description = "linear salience model trained on Multi-News train, MMR selection"

    diversity: float = 0.3
    redundancy: float = 0.5
    min_words: int = 6
    query_weight: float = 0.5  # share of salience that comes from the query, when there is one

    def salience(self, cluster: Cluster) -> np.ndarray:
        F, names = sentence_features(cluster)
        mean, scale, coef, trained_names = _weights()
        if names != trained_names:
            raise RuntimeError("learned.json does not match the feature set: retrain it")
        score = ((F - mean) / scale) @ coef
        if cluster.query:  # no query in the training data: blend query similarity in, as centroid does
            q = cluster.query_vector
            similarity = np.asarray(cluster.tfidf @ q).ravel()
            spread = float(score.max() - score.min()) or 1.0
            score = ((1 - self.query_weight) * (score - score.min()) / spread
                     + self.query_weight * similarity)
        return score

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        if not cluster.sentences:
            return []
        salience = self.salience(cluster)
        # Rescaled to 0..1 so that ``diversity`` weighs it against cosine similarity fairly.
        salience = (salience - salience.min()) / (float(salience.max() - salience.min()) or 1.0)
        return mmr_select(cluster, salience, budget, diversity=self.diversity,
                          redundancy=self.redundancy, min_words=self.min_words)
