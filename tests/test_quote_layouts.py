"""Quotations as PolNeAR showed them to be laid out (bench/quotes.py): interrupted, after a
"?" or "!", colon and dash layouts, pronoun agreement, new speech verbs, speaker offsets; each
error class on short examples of our own."""

import pytest

import newsweave

from quoting import _assert_exact, _by_start, _quotes




def _one(text, words):
    docs, quotes = _quotes(text)
    _assert_exact(docs, quotes)
    return docs[0].text, _by_start(quotes, words)


def test_interrupted_quotation_is_one_quote_from_its_first_mark_to_its_last():
    text = ("Mayor Ana Lindqvist toured the shelters on Monday.\n\n"
            "\u201cWe will rebuild every home,\u201d she said, \u201cand no family will be left behind.\u201d\n")
    doc, q = _one(text, "We will rebuild")
    assert q.span.text == ("\u201cWe will rebuild every home,\u201d she said, "
                           "\u201cand no family will be left behind.\u201d")
    assert len(q.parts) == 2 and q.speaker == "Mayor Ana Lindqvist"
    # a short first half is not dropped as a scare quote: it is half of the quotation
    doc, q = _one("\"The risk,\" said Edward Lamb, an economist, \"is that jobs will leave the valley.\"\n",
                  "The risk")
    assert q.span.start == 0 and q.span.end == len(doc.rstrip()) and q.speaker.startswith("Edward Lamb")


def test_a_second_verb_starts_a_quotation_of_its_own():
    text = ("\u201cWe cannot afford this program any longer,\u201d Senator Ruth Vane said, adding later, "
            "\u201cIt is costing every family a fortune.\u201d\n")
    docs, quotes = _quotes(text)
    assert [q.text[:9] for q in quotes] == ["We cannot", "It is cos"]
    assert {q.speaker for q in quotes} == {"Senator Ruth Vane"}


def test_attribution_after_a_question_or_exclamation_mark():
    text = ("Senator Mara Quell spoke in Akron on Monday.\n\n"
            "\u201cHow many times must we see this happen in our towns?\u201d Quell asked. "
            "\u201cNobody here can accept it any longer.\u201d\n\n"
            "\u201cThis is a disgrace to every one of us!\u201d shouted Tom Brandt.\n")
    docs, quotes = _quotes(text)
    _assert_exact(docs, quotes)
    q = _by_start(quotes, "How many times")
    assert q.speaker == "Senator Mara Quell" and q.text.endswith("any longer.")  # one quotation
    assert _by_start(quotes, "This is a disgrace").speaker == "Tom Brandt"


def test_colon_layouts():
    text = ("The debate turned to taxes.\n\n"
            "BRANDT: \u201cNobody in this state will pay a cent more under my plan.\u201d\n\n"
            "\u201cQUELL: That is what you said four years ago, and taxes went up.\u201d\n\n"
            "Quell continued:\n\n"
            "\u201cWe will publish every figure before the vote in March.\u201d\n")
    docs, quotes = _quotes(text)
    _assert_exact(docs, quotes)
    assert _by_start(quotes, "Nobody in this state").speaker == "BRANDT"
    assert _by_start(quotes, "QUELL: That is").speaker == "QUELL"
    assert _by_start(quotes, "We will publish").speaker == "Quell"
    # a line that ends in a colon is no sentence of its own: read without a parse
    text = ("The figures were published late, as the Riverside Institute website notes:\n\n"
            "\u201cIn the spring of 1961, some ninety students met in a farmhouse near the lake.\u201d\n")
    _, q = _one(text, "In the spring")
    assert q.speaker == "Riverside Institute"


def test_dash_layout():
    text = ("Readers wrote to us about the debate.\n"
            "\u201cHe never answered a single question about the economy.\u201d \u2015 Carla Mendes\n"
            "\u201cI have never been so proud of a candidate in my life.\u201d \u2014 Peter Osei, Akron\n")
    docs, quotes = _quotes(text)
    _assert_exact(docs, quotes)
    q = _by_start(quotes, "He never answered")
    assert q.speaker == "Carla Mendes" and q.speaker_span.text == "Carla Mendes"
    assert _by_start(quotes, "I have never been").speaker == "Peter Osei"


@pytest.mark.parametrize("pronoun, speaker", [("she", "Senator Laura Quell"), ("he", "Governor Tom Brandt")])
def test_pronoun_agrees_with_its_antecedent(pronoun, speaker):
    for first, second in (("Governor Tom Brandt", "Senator Laura Quell"), ("Senator Laura Quell", "Governor Tom Brandt")):
        text = (f"{first} met {second} in Akron on Monday.\n\n"
                f"\u201cWe agreed on almost nothing that matters to the voters,\u201d {pronoun} said.\n")
        doc, q = _one(text, "We agreed")
        assert q.speaker == speaker, text
        assert doc[q.speaker_span.start:q.speaker_span.end] == speaker  # where "she" is named


def test_they_is_a_group():
    text = ("Mayor Tom Brandt said the offer was fair. The two unions rejected the offer on Friday.\n\n"
            "\u201cThis offer insults every worker in the city,\u201d they said.\n")
    _, q = _one(text, "This offer insults")
    assert q.speaker == "the two unions"  # lower-cased mid-sentence; the offsets give "The two unions"


def test_a_name_the_tagger_takes_for_a_common_noun():
    _, q = _one('Hannity added, "I think she is still a rising star in the party."\n', "I think she")
    assert q.speaker == "Hannity"


@pytest.mark.parametrize("verb", ["implored", "fumed", "emailed", "echoed"])
def test_new_speech_verbs(verb):
    text = f"\u201cPlease do not close the only clinic in this valley,\u201d Dr. Maya Ross {verb}.\n"
    _, q = _one(text, "Please do not")
    assert q.speaker == "Dr. Maya Ross"


def test_speaker_offsets_are_the_name_as_it_stands():
    text = ("Gerald Ashdown, the water board's chief executive, resigned on Tuesday.\n\n"
            "\u201cEvery decision we took was the right one at the time,\u201d Ashdown said.\n\n"
            "\u201cWe had no warning at all from the board,\u201d said a spokeswoman for the council.\n\n"
            "The ruling said the board \u201chad ignored three separate warnings about the dam.\u201d\n")
    docs, quotes = _quotes(text)
    doc = docs[0].text
    q = _by_start(quotes, "Every decision")
    assert q.speaker == "Gerald Ashdown, the water board's chief executive"
    assert doc[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text == "Ashdown"
    q = _by_start(quotes, "We had no warning")
    assert doc[q.speaker_span.start:q.speaker_span.end] == q.speaker == "a spokeswoman for the council"
    q = _by_start(quotes, "had ignored")
    assert q.speaker == "the ruling" and doc[q.speaker_span.start:q.speaker_span.end] == "The ruling"


def test_short_quotes_are_kept_only_when_a_verb_attributes_them():
    text = ("Senator Laura Quell called the plan a \u201cslow disaster\u201d on Monday.\n\n"
            "The bill, known as the \u201cClean Rivers Act,\u201d passed easily.\n\n"
            "Residents spoke of a \u201cmassacre\u201d of old trees along the river.\n")
    docs, quotes = _quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("slow disaster", "Senator Laura Quell")]
    assert quotes[0].speaker_span.text == "Senator Laura Quell"


def test_json_carries_speaker_offsets_and_parts():
    from newsweave.model import Analysis
    from newsweave.render.json import analysis_to_dict

    text = "\u201cWe will rebuild every home,\u201d Lindqvist said, \u201cand it will take years.\u201d\n"
    docs, quotes = _quotes(text)
    row = analysis_to_dict(Analysis(quotes=quotes))["quotes"][0]
    assert text[row["speaker_start"]:row["speaker_end"]] == "Lindqvist"
    assert [text[p["start"]:p["end"]][:4] for p in row["parts"]] == ["\u201cWe ", "\u201cand"]
    assert row["start"] == 0 and row["end"] == len(text.rstrip())


def test_the_same_quotation_in_many_articles_is_listed_once():
    import newsweave

    said = "\u201cWe will keep going until every family has food,\u201d said Red Cross spokesman Paul Karam."
    leads = ["Aid trucks reached the northern town of Velmar on Tuesday after a week of delays.",
             "A Red Cross convoy finally got through to Velmar, where families had waited for days.",
             "Food and blankets arrived in Velmar as the first convoy in a week crossed the lines.",
             "Residents of Velmar queued in the cold as relief lorries were unloaded on Tuesday."]
    tails = ["Fuel prices doubled in a week, traders said.", "Schools stayed closed for a third day.",
             "Power cuts lasted most of the night.", "Bakeries ran out of bread by noon."]
    texts = [f"{lead} {said} {tail}" for lead, tail in zip(leads, tails)]
    b = newsweave.brief(texts, words=120)
    same = [q for q in b.analysis.quotes if q.text.startswith("We will keep going")]
    assert len(same) == 1 and same[0].speaker.endswith("Paul Karam")
    assert sorted({same[0].span.doc, *(s.doc for s in same[0].also_in)}) == ["doc1", "doc2", "doc3", "doc4"]
    for s in same[0].also_in:  # each other article's copy of it, at its offsets
        assert b.document(s.doc).text[s.start:s.end].startswith("\u201cWe will keep going")
    assert "(also in doc2, doc3, doc4)" in b.to_markdown()


@pytest.mark.parametrize("cluster", ["multinews-validation-00431", "multinews-validation-01304"])
def test_a_pronoun_attribution_after_a_quotation_outside_every_sentence(cluster):
    # These crashed the brief (TypeError): the quotation ended outside every kept sentence
    # (the lower-cased, tokenised Multi-News text), and "he said" then looked for its
    # antecedent from no sentence at all.
    from conftest import SHARED, need_shared

    path = need_shared(SHARED / "data" / "multi_news" / "validation.jsonl", "Multi-News validation")
    b = newsweave.run(newsweave.load(str(path), cluster))
    assert b.analysis is not None and b.summary
