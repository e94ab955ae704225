"""Vector representations of a cluster's sentences, computed once and shared.

Summarizers, the corroboration finder and the relevance check all compare
sentences; they read the same TF-IDF matrix from ``Cluster.tfidf`` instead of
each building their own.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .model import Document, Sentence
from .text.words import content_words, topic_of

class Vocabulary:
    """TF-IDF weights learned from one cluster's sentences (scikit-learn's formula:
    smoothed idf, sublinear tf, L2-normalised rows), without scikit-learn's 1.5 s import."""

    def __init__(self, index: dict[str, int], idf: np.ndarray):
        self.index, self.idf = index, idf

    @classmethod
    def fit(cls, texts: list[str]) -> "Vocabulary":
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(content_words(text)))
        index = {w: i for i, w in enumerate(sorted(df))}
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + df[w])) + 1 for w in sorted(df)], dtype=np.float32)
        return cls(index, idf)

    def transform(self, texts: list[str]):
        from scipy.sparse import csr_matrix

        data, cols, indptr = [], [], [0]
        for text in texts:
            counts = Counter(w for w in content_words(text) if w in self.index)
            row = {self.index[w]: (1 + math.log(c)) * self.idf[self.index[w]] for w, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
            for col in sorted(row):
                cols.append(col)
                data.append(row[col] / norm)
            indptr.append(len(cols))
        return csr_matrix((np.array(data, dtype=np.float32), np.array(cols, dtype=np.int32),
                           np.array(indptr, dtype=np.int64)), shape=(len(texts), max(len(self.index), 1)))


PRF_SENTENCES = 10  # sentences that expand a query (pseudo-relevance feedback)


@dataclass
class Cluster:
    """The documents being summarized and the sentences of those that are used."""

    documents: list[Document]
    sentences: list[Sentence]
    query: str | None = None
    # How many outlets ran each document's text (1 + its copies, newsweave.copies): a wire
    # story that ran three times weighs three times in what the cluster is about, although
    # only its original is summarized and cited. Documents not named weigh 1.
    weights: dict[str, int] = field(default_factory=dict)
    _doc_rows: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for i, s in enumerate(self.sentences):
            self._doc_rows.setdefault(s.doc, []).append(i)

    @property
    def doc_ids(self) -> list[str]:
        """Ids of the documents that have sentences, in cluster order."""
        return list(self._doc_rows)

    def index_of(self, sentence: Sentence) -> int:
        """Row number of a sentence of this cluster."""
        return self.rows_of(sentence.doc)[sentence.index]

    def rows_of(self, doc_id: str) -> list[int]:
        """Row numbers (into ``sentences`` and ``tfidf``) of one document's sentences."""
        return self._doc_rows.get(doc_id, [])

    @cached_property
    def _vocabulary(self) -> "Vocabulary":
        return Vocabulary.fit([s.text for s in self.sentences])

    @cached_property
    def tfidf(self):
        """Sparse (n_sentences x vocabulary) TF-IDF matrix, rows L2-normalised."""
        return self._vocabulary.transform([s.text for s in self.sentences])

    def vectorize(self, texts: list[str]):
        """TF-IDF rows for other texts (e.g. a query) in the cluster's vocabulary."""
        return self._vocabulary.transform(texts)

    @cached_property
    def query_vector(self) -> np.ndarray | None:
        """The query as a dense TF-IDF vector in the cluster's vocabulary, without the words
        that only ask ("discuss", "include information on"); None without a query."""
        if not self.query:
            return None
        q = np.asarray(self.vectorize([topic_of(self.query)]).todense()).ravel()
        if not q.any() or not self.sentences:
            return q
        # Pseudo-relevance feedback (Rocchio, with the textbook weights 1 and 0.75): a query
        # is a few words; the sentences that match it best bring in the words the articles
        # use for the same thing.
        X = self.tfidf
        similarity = np.asarray(X @ q).ravel()
        top = np.argsort(-similarity)[:PRF_SENTENCES]
        top = top[similarity[top] > 0]
        if len(top):
            q = q + 0.75 * np.asarray(X[top].mean(axis=0)).ravel()
        return q / (np.linalg.norm(q) or 1.0)

    @cached_property
    def doc_vectors(self) -> dict[str, np.ndarray]:
        """One L2-normalised vector per document: the mean of its sentence vectors."""
        out = {}
        for doc_id, rows in self._doc_rows.items():
            v = np.asarray(self.tfidf[rows].mean(axis=0)).ravel()
            norm = np.linalg.norm(v)
            out[doc_id] = v / norm if norm else v
        return out

    @cached_property
    def centroid(self) -> np.ndarray:
        """The unit-length mean of the document vectors (each counted as often as it ran,
        ``weights``): what the cluster is about."""
        vectors = self.doc_vectors
        if any(self.weights.get(d, 1) != 1 for d in vectors):
            c = np.average(list(vectors.values()), axis=0, weights=[self.weights.get(d, 1) for d in vectors])
        else:  # the plain mean, bit for bit as before
            c = np.mean(list(vectors.values()), axis=0)
        return c / (np.linalg.norm(c) or 1.0)

    @cached_property
    def doc_relevance(self) -> dict[str, float]:
        """Each document's cosine similarity to the mean of the *other* documents' vectors
        (1.0 for a lone document): how much it is about what the rest are about."""
        vectors = self.doc_vectors
        out = {}
        for doc_id, v in vectors.items():
            others = [w for d, w in vectors.items() if d != doc_id]
            if not others:
                out[doc_id] = 1.0
                continue
            c = np.mean(others, axis=0)
            norm = np.linalg.norm(c)
            out[doc_id] = float(v @ c / norm) if norm else 0.0
        return out

    def best_in_document(self, doc_id: str, rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """For each sentence at ``rows``: the row of ``doc_id``'s sentence most similar to it
        (TF-IDF cosine) and that similarity. Memory stays len(rows) x (that document's
        sentences), so callers can go one document at a time over a large cluster."""
        theirs = self.rows_of(doc_id)
        if not theirs or not rows:
            return np.zeros(len(rows), dtype=int), np.zeros(len(rows))
        sims = (self.tfidf[rows] @ self.tfidf[theirs].T).toarray()
        k = sims.argmax(axis=1)
        return np.asarray(theirs)[k], sims[np.arange(len(rows)), k]

