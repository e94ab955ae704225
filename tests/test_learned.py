"""The learned summarizer: weights load, features are sane, selection respects the budget."""

import json

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
