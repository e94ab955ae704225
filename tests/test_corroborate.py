"""Corroboration ("also in") and the cluster's vectors it rests on, on sentences written here."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.config import Config
from newsweave.corroborate import find_support
from newsweave.features import Cluster
from newsweave.model import Document, Sentence


def _cluster(*docs: list[str]) -> Cluster:
    documents, sentences = [], []
    for d, texts in enumerate(docs, 1):
        doc_id, pos, text = f"d{d}", 0, " ".join(texts)
        documents.append(Document(id=doc_id, text=text))
        for i, t in enumerate(texts):
            sentences.append(Sentence(doc=doc_id, index=i, start=pos, end=pos + len(t), text=t,
                                      n_in_doc=len(texts)))
            pos += len(t) + 1
    return Cluster(documents, sentences)


CLUSTER = _cluster(
    ["The river burst its banks in Dunmore on Monday, flooding two hundred homes.",
     "The mayor opened the sports hall as a shelter."],
    ["Floodwater entered two hundred homes in Dunmore after the river burst its banks.",
     "Farmers counted their losses in the valley."],
    ["Ticket prices for the autumn concert series went up by ten percent.",
     "The orchestra plans a tour of three cities."],
)


def test_support_is_the_best_sentence_of_each_other_document_above_the_threshold():
    flood = CLUSTER.sentences[0]
    support = find_support(CLUSTER, flood, Config().corroboration)
    assert [s.doc for s in support] == ["d2"]  # the concert article says nothing of it
    best = support[0]
    assert best.text.startswith("Floodwater entered")  # not the farmers' sentence
    d2 = next(d for d in CLUSTER.documents if d.id == "d2")
    assert d2.text[best.start:best.end] == best.text  # cited by exact offsets


def test_the_threshold_decides():
    flood = CLUSTER.sentences[0]
    similarity = find_support(CLUSTER, flood, 0.0)[0].similarity
    assert 0 < similarity < 1
    assert find_support(CLUSTER, flood, similarity - 0.01)  # just below: corroborated
    assert not find_support(CLUSTER, flood, similarity + 0.01)  # just above: not
    # unrelated sentences fall under the default threshold even when some word is shared
    shelter = CLUSTER.sentences[1]
    assert find_support(CLUSTER, shelter, Config().corroboration) == ()


def test_cluster_vectors():
    X = CLUSTER.tfidf
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0, atol=1e-6)  # rows are unit length
    assert np.isclose(np.linalg.norm(CLUSTER.centroid), 1.0)
    relevance = CLUSTER.doc_relevance
    # the two flood reports are about what the others are about; the concert article is not
    assert relevance["d3"] < min(relevance["d1"], relevance["d2"])
    rows, sims = CLUSTER.best_in_document("d2", [0, 1])
    assert rows[0] == CLUSTER.rows_of("d2")[0] and sims[0] == pytest.approx(
        float((X[0] @ X[rows[0]].T).toarray()[0, 0]))
    assert sims[0] > sims[1]
    assert CLUSTER.best_in_document("d9", [0])[1].tolist() == [0.0]  # no such document
