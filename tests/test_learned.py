"""The learned summarizer: weights load, features are sane, selection respects the budget."""

import json

import numpy as np

import newsweave
from newsweave.summarizers.learned import WEIGHTS, sentence_features

from conftest import EXAMPLE


def test_weights_match_features_and_state_provenance():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    prepared = newsweave.pipeline.prepare(newsweave.load(str(EXAMPLE)))
    F, names = sentence_features(prepared.cluster)
    assert names == data["features"]
    assert len(data["coef"]) == len(names) == F.shape[1]
    assert F.shape[0] == len(prepared.cluster.sentences)
    assert "Multi-News" in data["provenance"] and "research" in data["provenance"]


def test_learned_brief_is_cited_and_within_budget():
    docs = newsweave.load(str(EXAMPLE))
    for words in (60, 200):
        b = newsweave.run(docs, newsweave.Config(words=words, summarizer="learned", analyze=False))
        assert 0 < b.words <= words
        for s in b.summary:
            assert b.document(s.sentence.doc).text[s.sentence.start:s.sentence.end] == s.sentence.text
        texts = [s.sentence.text for s in b.summary]
        assert len(set(texts)) == len(texts)


def test_query_moves_the_summary():
    docs = newsweave.load(str(EXAMPLE))
    plain = newsweave.run(docs, newsweave.Config(words=60, summarizer="learned", analyze=False))
    focused = newsweave.run(docs, newsweave.Config(words=60, summarizer="learned", analyze=False,
                                                   query="electricity power supply homes grid"))
    text = " ".join(s.sentence.text for s in focused.summary).lower()
    assert "power" in text or "electricity" in text
    assert [s.sentence.text for s in plain.summary] != [s.sentence.text for s in focused.summary]


def test_overflow_only_when_asked():
    docs = newsweave.load(str(EXAMPLE))
    strict = newsweave.run(docs, newsweave.Config(words=50, analyze=False))
    loose = newsweave.run(docs, newsweave.Config(words=50, analyze=False, overflow=True))
    assert strict.words <= 50
    assert loose.words >= strict.words
    last = loose.summary[-1].sentence.words if loose.summary else 0
    assert loose.words - last < 50  # only the last sentence may cross the budget


def test_feature_values_on_sentences_written_here():
    from test_corroborate import _cluster

    cluster = _cluster(
        ["The river burst its banks in Dunmore on Monday, flooding 200 homes.",
         "\u201cWe lost everything,\u201d said one resident.",
         "But the council said the barriers had held elsewhere in the town for a week."],
        ["Floodwater entered 200 homes in Dunmore after the river burst its banks."],
    )
    F, names = sentence_features(cluster)
    col = {name: F[:, i] for i, name in enumerate(names)}
    assert col["bias"].tolist() == [1, 1, 1, 1]
    assert col["first"].tolist() == [1, 0, 0, 1] and col["second"].tolist() == [0, 1, 0, 0]
    assert np.allclose(col["inv_index"], [1, 1 / 2, 1 / 3, 1])
    assert col["quote"].tolist() == [0, 1, 0, 0] and col["digit"].tolist() == [1, 0, 0, 1]
    assert col["pronoun_start"].tolist() == [0, 0, 1, 0]  # "But ..." leans on what came before
    assert col["said"].tolist() == [0, 1, 1, 0]
    assert np.allclose(col["n_docs"], np.log(2))
    # the flood sentence is told by the other article too; the quotation is not
    assert col["support_max"][0] > 0.5 > col["support_max"][1]
    assert col["support_docs"][0] == 1.0 and col["support_docs"][1] == 0.0
    relevance = cluster.doc_relevance
    assert col["doc_relevance"][0] == np.float32(relevance["d1"])
    assert col["centroid"][0] > col["centroid"][1]  # the shared fact is closer to the story
