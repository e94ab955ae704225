"""The concept-coverage summarizer and the query's vector."""

import newsweave
from newsweave.pipeline import prepare
from newsweave.summarizers.concepts import sentence_concepts

from conftest import EXAMPLE


def test_concepts_are_adjacent_content_pairs():
    pairs = sentence_concepts("Rebels withdrew from the Baba Amr district on Thursday.")
    assert ("baba", "amr") in pairs and ("rebel", "withdrew") in pairs
    assert ("from", "the") not in pairs  # two function words are not a concept


def test_concepts_brief_covers_shared_content_once():
    docs = newsweave.load(str(EXAMPLE))
    for words in (50, 200):
        b = newsweave.run(docs, newsweave.Config(words=words, summarizer="concepts", analyze=False))
        assert 0 < b.words <= words
        texts = [s.sentence.text for s in b.summary]
        assert len(set(texts)) == len(texts)
        for s in b.summary:
            assert b.document(s.sentence.doc).text[s.sentence.start:s.sentence.end] == s.sentence.text
    # Each sentence was taken for concepts no earlier sentence covered: the scores are the
    # new weight it added, so none is zero.
    assert all(s.score > 0 for s in b.summary)


def test_concepts_brief_prefers_what_several_sources_say():
    prepared = prepare(newsweave.load(str(EXAMPLE)))
    b = newsweave.run(newsweave.load(str(EXAMPLE)),
                      newsweave.Config(words=60, summarizer="concepts", analyze=False))
    first = b.summary[0].sentence
    others = [s for s in prepared.cluster.sentences if s.doc != first.doc]
    shared = sentence_concepts(first.text) & set().union(*(sentence_concepts(s.text) for s in others))
    assert len(shared) >= 2


def test_query_vector_ignores_asking_words():
    docs = newsweave.load(str(EXAMPLE))
    asked = prepare(docs, newsweave.Config(query="Describe the power cuts, including the ways homes were hit, "
                                                 "and what happened."))
    plain = prepare(docs, newsweave.Config(query="power cuts homes hit"))
    vocabulary = asked.cluster._vocabulary.index
    assert {"includ", "way", "happen"} <= set(vocabulary)  # the articles use these words ...
    # ... yet the question's "Describe", "including the ways", "what happened" change nothing.
    assert abs(float(asked.cluster.query_vector @ plain.cluster.query_vector) - 1.0) < 1e-5


def test_query_focus_works_for_every_summarizer():
    docs = newsweave.load(str(EXAMPLE))
    for name in ("centroid", "concepts", "learned"):
        b = newsweave.run(docs, newsweave.Config(words=60, summarizer=name, analyze=False,
                                                 query="electricity power supply homes grid"))
        text = " ".join(s.sentence.text for s in b.summary).lower()
        assert "power" in text or "electricity" in text, name


def test_a_sentence_that_leans_back_comes_only_after_its_predecessor(tmp_path):
    from newsweave.summarizers.base import leans_back

    (tmp_path / "a.txt").write_text(
        "Marlow woke to sirens and shouting before dawn on Monday.\n\n"
        "Residents of Marlow were moved to the school hall as the water rose through the night.\n\n"
        "He said the river burst its banks and floodwater swept through Marlow on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The river burst its banks in Marlow on Monday and floodwater swept through the town.\n\n"
        "Rescue crews pulled twelve people from rooftops in Marlow, the council said on Monday.\n", encoding="utf-8")
    docs = newsweave.load(str(tmp_path))
    leaning = [s for s in prepare(docs).cluster.sentences if leans_back(s)]
    assert [s.text[:8] for s in leaning] == ["He said "]  # central (concepts and learned took it) ...
    for name in ("centroid", "concepts", "learned"):
        b = newsweave.run(docs, newsweave.Config(words=30, summarizer=name, analyze=False))
        texts = [s.sentence.text for s in b.summary]
        assert texts and not any(t.startswith("He said") for t in texts), (name, texts)  # ... is left out


def test_centroid_summary_comes_closest_to_the_centroid():
    """Each greedy step takes the sentence that brings the summary's vector closest to the
    centroid (computed here densely, the obvious way), and the summary as a whole ends up
    closer to it than the same number of individually most central sentences."""
    import numpy as np

    from newsweave.summarizers import Budget
    from newsweave.summarizers.base import leans_back
    from newsweave.summarizers.centroid import CentroidSummarizer

    cluster = prepare(newsweave.load(str(EXAMPLE))).cluster
    summarizer = CentroidSummarizer()
    chosen = summarizer.select(cluster, Budget(words=200))
    X = cluster.tfidf.toarray().astype(np.float64)
    target = summarizer.target(cluster)
    rows = [cluster.index_of(c.sentence) for c in chosen]
    summary = np.zeros(X.shape[1])
    for step, row in enumerate(rows):
        def closeness(i):
            v = summary + X[i]
            return float(v @ target / np.linalg.norm(v))
        taken = rows[:step]
        words = sum(cluster.sentences[i].words for i in taken)
        allowed = [i for i, s in enumerate(cluster.sentences)
                   if i not in taken and s.words >= summarizer.min_words and words + s.words <= 200
                   and not (leans_back(s) and i - 1 not in taken)
                   and all(X[i] @ X[j] < summarizer.redundancy for j in taken)]
        assert row in allowed and max(allowed, key=closeness) == row
        summary += X[row]
    alone = X @ target
    top = np.argsort(-alone)[:len(rows)]
    def cos(idx):
        v = X[idx].sum(axis=0)
        return float(v @ target / np.linalg.norm(v))
    assert cos(rows) > cos(top)


def test_a_quotation_without_its_speaker_or_its_start_leans_on_the_sentence_before_it():
    from newsweave.model import Sentence
    from newsweave.summarizers.base import leans_back

    def sentence(text, index=1):
        return Sentence(doc="d", index=index, start=0, end=len(text), text=text, n_in_doc=3)

    leaning = ['"We will rebuild every home! Not one family will be left behind."',  # no speaker
               "\u201cThe water came through the door in seconds.\u201d",
               # the end of a quotation opened in the sentence before
               "I have asked the council to review every permit issued since March.\u201d",
               'Not one family will be left behind, and that is a promise."']
    standing = ['"The water came through the door in seconds," Ms Okafor told reporters.',
                '"We have lost everything," said a farmer near Marrowford.',
                'The mayor called it "the worst flood in living memory".',
                "\u201cWe will rebuild,\u201d the mayor said, \u201cand we will do it fast.\u201d",
                "The council reviewed every permit issued since March."]
    assert all(leans_back(sentence(t)) for t in leaning)
    assert not any(leans_back(sentence(t)) for t in standing)
    assert not leans_back(sentence(leaning[0], index=0))  # an article may open with a quote


def test_a_fact_said_again_in_other_words_is_dropped_and_its_source_joins_also_in(tmp_path):
    # b says a's bridge sentence again, in other words: TF-IDF cosine is low (it is not caught
    # as a repeat by words), the same-fact model (newsweave.similarity) catches it.
    from newsweave import similarity
    from newsweave.corroborate import find_support
    from newsweave.summarizers.base import REPEAT, Budget
    from newsweave.summarizers.centroid import CentroidSummarizer

    kept = "The city council voted to close the old bridge to all traffic on Monday."
    again = "On Monday the council decided that the old bridge will be shut to traffic."
    assert similarity.same_fact(kept, again) >= max(REPEAT, similarity.threshold())
    (tmp_path / "a.txt").write_text(
        f"{kept}\n\nEngineers found deep cracks in two of the bridge's stone piers last week.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        f"{again}\n\nDrivers will use the ferry road across the river until repairs are done.\n",
        encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "Repairs to the old bridge across the river will cost the city four million dollars.\n\n"
        "The council will ask the state to pay for part of the repairs to the bridge.\n",
        encoding="utf-8")
    docs = newsweave.load(str(tmp_path))
    b = newsweave.run(docs, newsweave.Config(words=200, analyze=False))
    texts = [s.sentence.text for s in b.summary]
    assert (kept in texts) != (again in texts), texts  # one of the two, never both
    first = next(s for s in b.summary if s.sentence.text in (kept, again))
    other = "b.txt" if first.sentence.doc == "a.txt" else "a.txt"
    assert other in first.also_in
    # Without the model's judgement, the summary says it twice.
    cluster = prepare(docs).cluster
    chosen = CentroidSummarizer(repeat=None).select(cluster, Budget(words=200))
    assert {kept, again} <= {c.sentence.text for c in chosen}
    # A repeat the summarizer dropped is support even when corroboration's own search (the
    # closest sentences by TF-IDF) would not weigh it.
    sentence = next(s for s in cluster.sentences if s.text == kept)
    far = next(s for s in cluster.sentences if s.doc == "c.txt")
    support = find_support(cluster, sentence, similarity.threshold(), [(far, similarity.threshold() + 0.01)])
    assert "c.txt" in {x.doc for x in support}
    assert "c.txt" not in {x.doc for x in find_support(cluster, sentence, similarity.threshold(),
                                                        [(far, similarity.threshold() - 0.01)])}


def test_a_repeat_only_the_cross_encoder_sees_is_dropped_too(tmp_path):
    # The first pass gives this pair less than REPEAT (an abbreviation, other words); the
    # cross-encoder that decides "also in" calls it the same fact, so the summary says it once.
    from newsweave import similarity
    from newsweave.summarizers.base import REPEAT, Budget
    from newsweave.summarizers.centroid import CentroidSummarizer

    kept = "The Securities and Exchange Commission fined the bank $5 million on Tuesday for misleading investors."
    again = "On Tuesday the SEC ordered the bank to pay a $5 million penalty for deceiving its investors."
    assert similarity.first_pass([(kept, again), (again, kept)]).max() < REPEAT
    assert similarity.same_fact(kept, again) >= similarity.threshold()
    (tmp_path / "a.txt").write_text(
        f"{kept}\n\nThe bank sold mortgage bonds to pension funds without telling them of the risks.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        f"{again}\n\nThe bank's chief executive said the bank had changed how it sells mortgage bonds to "
        "pension funds.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "Pension funds lost money on the mortgage bonds the bank sold them.\n\n"
        "The bank did not admit wrongdoing in settling with the regulator over the bonds.\n", encoding="utf-8")
    docs = newsweave.load(str(tmp_path))
    b = newsweave.run(docs, newsweave.Config(words=200, analyze=False))
    assert all(d.status.value == "used" for d in b.documents)
    texts = [s.sentence.text for s in b.summary]
    assert (kept in texts) != (again in texts), texts  # one of the two, never both
    first = next(s for s in b.summary if s.sentence.text in (kept, again))
    assert ("b.txt" if first.sentence.doc == "a.txt" else "a.txt") in first.also_in
    chosen = CentroidSummarizer(repeat=None).select(prepare(docs).cluster, Budget(words=200))
    assert {kept, again} <= {c.sentence.text for c in chosen}  # without the check, both


def test_a_summary_never_opens_on_a_sentence_that_points_back():
    from newsweave.model import Scored, Sentence
    from newsweave.order import reading_order
    from newsweave.summarizers.base import can_open

    def s(doc, index, text, score):
        return Scored(Sentence(doc=doc, index=index, start=0, end=len(text), text=text), score)

    leaning = s("a", 3, "They voted to shut the old bridge to lorries until the spring.", 0.9)
    later = s("a", 5, "Engineers will inspect the piers again in March, the council said.", 0.5)
    lead = s("b", 0, "The Harwick council voted on Monday to shut the old bridge to lorries.", 0.7)
    order = reading_order([leaning, later, lead])
    assert order[0] is lead and order[1:] == [leaning, later]  # a's sentences stay together
    for text in ("The next day the council met again to vote on the repairs.",
                 "\u201cWe will not let the bridge fall,\u201d the mayor said at the meeting.",
                 "I have crossed this bridge every morning for forty years now.",
                 "Another bridge upstream was closed for repairs last year."):
        assert not can_open(Sentence(doc="a", index=0, start=0, end=len(text), text=text)), text
    assert can_open(lead.sentence)
    assert can_open(Sentence(doc="a", index=4, start=0, end=60,
                             text="There were no lorries on the bridge when the pier cracked."))
    # One article only, opening on a quotation: its first sentence that can open comes first.
    quote = s("a", 1, "\u201cWe will not let the bridge fall,\u201d the mayor said at the meeting.", 0.9)
    order = reading_order([quote, lead := s("a", 2, lead.sentence.text, 0.8)])
    assert order == [lead, quote]


def test_an_opening_names_what_it_points_at():
    from newsweave.model import Sentence
    from newsweave.summarizers.base import can_open

    def sentence(text, index=4):
        return Sentence(doc="a", index=index, start=0, end=len(text), text=text)

    cap = sentence("The cap would rise each year at the rate of inflation, the council said.")
    lead = "Harwick council votes to limit rent rises. Harwick's council voted on Monday to limit rents."
    assert not can_open(cap, lead)  # which cap?
    assert can_open(cap, "Harwick caps rents. The council voted on Monday to cap rent rises.")
    assert can_open(sentence("The cap on rents in Harwick would rise each year, the council said."), lead)
    assert can_open(sentence("Not that the council had much choice, its members said.")) is False
    assert can_open(sentence(cap.text, index=0), lead)  # the article's own lead introduces it
