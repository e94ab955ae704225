"""Corroboration ("also in") and the cluster's vectors it rests on, on sentences written here."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave import similarity
from newsweave.config import Config
from newsweave.corroborate import candidates, find_support
from newsweave.features import Cluster
from newsweave.model import Document, Sentence
from newsweave.similarity import pairs, same_fact


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
    probability = find_support(CLUSTER, flood, 0.0)[0].similarity
    assert Config().corroboration < probability <= 1  # three decimals: 1.0 is "at least 0.9995"
    assert find_support(CLUSTER, flood, probability - 0.01)  # just below: corroborated
    assert not find_support(CLUSTER, flood, probability + 0.01)  # just above: not
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


# Pairs written for these tests: what "also in" must accept and what it must not.
PARAPHRASES = [  # synonyms, abbreviations, another order
    ("The United Nations said on Tuesday that 40 people were killed in the attack on the northern "
     "town of Karsk.", "At least 40 people died in the attack on the northern town of Karsk, the U.N. said Tuesday."),
    ("The U.S. Federal Reserve raised interest rates by a quarter point on Wednesday.",
     "On Wednesday the US Federal Reserve increased interest rates by a quarter of a point."),
    ("Prime Minister Anna Berg resigned on Friday after losing a vote of confidence in parliament.",
     "Anna Berg stepped down as prime minister on Friday after she lost a confidence vote in parliament."),
]


@pytest.mark.parametrize("a, b", PARAPHRASES)
def test_a_paraphrase_states_the_same_fact(a, b):
    assert same_fact(a, b) >= Config().corroboration
    assert same_fact(b, a) >= Config().corroboration


def test_the_same_frame_with_another_number_is_not_the_same_fact():
    a = "The company cut 300 jobs at its plant in Ohio."
    b = "The company cut 500 jobs at its plant in Ohio."
    assert pairs.veto(a, b) == "numbers differ"
    assert same_fact(a, b) < Config().corroboration
    # a number said in one sentence only is detail, not a conflict
    assert pairs.veto(a, "At its plant in Ohio the company cut 300 jobs on Monday, 12 May.") is None
    assert pairs.veto(a, "The company, which has 4 plants, cut 300 jobs.") is None


def test_a_negated_sentence_is_not_the_same_fact():
    a = "The minister said the plant would close next year."
    b = "The minister said the plant would not close next year."
    assert pairs.veto(a, b) == "one is negated"
    assert same_fact(a, b) < Config().corroboration
    assert pairs.veto(b, "The minister said the plant wouldn't close next year.") is None


def test_the_same_frame_in_another_town_is_not_the_same_fact():
    a = "A Red Cross convoy reached families in Velmar on Tuesday, its spokesman said."
    b = "A Red Cross convoy reached families in Ostrany on Tuesday, a spokesman said."
    assert pairs.veto(a, b) == "places differ"
    assert same_fact(a, b) == 0.0
    # a region may hold the other's town; a place named elsewhere in the other sentence, or
    # spelled alike, is the same place; one sentence saying where is detail, not a conflict
    assert pairs.veto(a, "A Red Cross convoy reached families across Syria on Tuesday.") is None
    assert pairs.veto(a, "In Ostrany, whose people fled to Velmar, a convoy arrived.") is None
    assert pairs.veto("Marines shot a man in Falluja.", "A man was shot in Fallujah by Marines.") is None
    assert pairs.veto(a, "A Red Cross convoy reached the families on Tuesday.") is None
    assert pairs.veto("The talks opened in Geneva in March.", "The talks opened at Lakeside on Monday.") == "places differ"


def test_unrelated_sentences_are_not_the_same_fact():
    # the seeds' old mistake, in other words: the same place, another fact
    a = "The rebels said the army had destroyed most of the homes in the district."
    b = "Officials said a convoy of aid trucks was held up at the edge of the district."
    assert same_fact(a, b) < Config().corroboration
    assert same_fact("Stocks rose in Tokyo.", "The orchestra plans a tour of three cities.") < 0.1


def test_the_shipped_model_loads_and_gives_probabilities():
    spec = similarity.shipped()
    assert tuple(spec["features"]) == pairs.FEATURES and set(spec["weights"]) == set(pairs.FEATURES)
    assert Config().corroboration == similarity.threshold()  # the cross-encoder's bar (test_similarity_cross)
    assert spec["out_of_fold"]["precision"] >= 0.9  # the first pass's own operating point
    assert 0 < spec["threshold"] < 1
    model = similarity.static.model()
    assert model.table.shape[0] == model.tokenizer.get_vocab_size() and model.dims == 128
    p = similarity.probabilities(PARAPHRASES + [("", ""), ("Yes.", "No.")])
    assert p.shape == (5,) and ((0 <= p) & (p <= 1)).all()
    assert similarity.probabilities([]).shape == (0,)
    # the batched and the single form agree
    assert p[0] == pytest.approx(same_fact(*PARAPHRASES[0]))


def test_support_comes_from_other_documents_only():
    same = "Floodwater entered two hundred homes in Dunmore after the river burst its banks."
    cluster = _cluster([same, "Farmers counted their losses in the valley."],
                       [same, "The mayor opened the sports hall as a shelter."],  # itself, elsewhere
                       ["The river burst its banks in Dunmore, and floodwater entered two hundred homes."])
    first = cluster.sentences[0]
    assert "d1" not in candidates(cluster, first)
    support = find_support(cluster, first, Config().corroboration)
    assert [s.doc for s in support] == ["d2", "d3"]  # the identical sentence is most probable
    assert all(0 <= s.similarity <= 1 for s in support)
