"""Where a quotation's attribution mentions its speaker (``source_span``: the pronoun of "she
said"), and the speaker error classes fixed after the first round: small texts of our own."""

import pytest

from newsweave.model import Document
from newsweave.sentences import split_sentences

nlp = pytest.importorskip("newsweave.analysis.nlp")
from newsweave.analysis.quotes import find_quotes  # noqa: E402


def _quotes(text):
    doc = Document(id="d0", text=text)
    sentences = split_sentences(doc)
    quotes = find_quotes([doc], sentences, nlp.parse(sentences))
    for q in quotes:
        for span in (q.speaker_span, q.source_span):
            if span is not None:
                assert text[span.start:span.end] == span.text
        assert (q.source_span is None) == (q.speaker is None)
    return quotes


def _one(text, words):
    found = [q for q in _quotes(text) if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in _quotes(text)]
    return found[0]


def test_a_pronoun_attribution_is_the_source_and_the_name_the_speaker():
    text = ("Senator Laura Quell visited the flooded valley on Monday.\n\n"
            "\u201cNobody here was warned that the river would rise so fast,\u201d she said.\n")
    q = _one(text, "Nobody here")
    assert q.speaker == "Senator Laura Quell" and q.speaker_span.text == "Senator Laura Quell"
    assert q.source_span.text == "she"


def test_a_short_pronoun_attribution_the_parse_never_sees():
    text = ("Governor Tom Brandt met the strikers at noon on Friday.\n\n"
            "\u201cWhy would anyone turn down a fair offer like this one?\u201d he asked.\n")
    q = _one(text, "Why would anyone")
    assert q.speaker == "Governor Tom Brandt" and q.source_span.text == "he"


@pytest.mark.parametrize("attribution, source", [
    ("Quell said", "Quell"),
    ("said a spokeswoman for the council", "a spokeswoman for the council"),
    ("the spokeswoman said", "the spokeswoman"),
])
def test_a_named_source_is_where_the_attribution_names_them(attribution, source):
    text = ("Senator Laura Quell and a spokeswoman for the council met reporters on Monday.\n\n"
            f"\u201cWe had no warning at all from the water board,\u201d {attribution}.\n")
    q = _one(text, "We had no warning")
    assert q.source_span.text.lower() == source.lower()


def test_json_carries_the_source_offsets():
    from newsweave.model import Analysis
    from newsweave.render.json import analysis_to_dict

    text = ("Mayor Ana Lindqvist toured the harbour on Monday.\n\n"
            "\u201cWe will rebuild every single home in this town,\u201d she said.\n")
    row = analysis_to_dict(Analysis(quotes=_quotes(text)))["quotes"][0]
    assert text[row["speaker_start"]:row["speaker_end"]] == "Mayor Ana Lindqvist"
    assert text[row["source_start"]:row["source_end"]] == "she"


def test_a_straight_mark_closes_a_curly_one():
    text = ("The mayor spoke to us by telephone.\n\n"
            "\u201cAt this point there is no such thing as bad publicity for us,\" said Mayor Dan Reyes "
            "in an interview. \"We have made mistakes for fifty years.\u201d\n")
    q = _one(text, "At this point")
    assert q.speaker == "Mayor Dan Reyes" and q.span.text.endswith("years.\u201d")


@pytest.mark.parametrize("attribution, speaker", [
    ("Holm answers", "Holm"),  # "answers" tagged as a plural noun: no verb for the parse
    ("Ortega, 58, told reporters in Lima on Monday", "Ortega"),
    ("reacted Holm", "Holm"),
])
def test_the_words_right_after_a_quotation_attribute_it(attribution, speaker):
    text = ("Voters in the county have little patience left for either party.\n\n"
            f"\u201cI can name only two things this party has done for us in twenty years,\u201d {attribution}.\n")
    assert _one(text, "I can name").speaker == speaker


def test_a_pronoun_and_an_adverb_after_a_quotation():
    text = ("Veronica Holm has run the county party for a decade.\n\n"
            "\u201cCan you name one thing the party has done for this county?\u201d she asks rhetorically.\n")
    q = _one(text, "Can you name")
    assert q.speaker == "Veronica Holm" and q.source_span.text == "she"


def test_a_title_in_the_attribution_neither_is_a_quote_nor_breaks_the_next_one():
    text = ("Governor Tom Brandt spoke on Sunday.\n\n"
            "\u201cThe budget is a fraud from start to finish,\u201d Brandt said on NBC\u2019s \u201cMeet the Press.\u201d "
            "\u201cIt spends money the state does not have.\u201d\n")
    quotes = _quotes(text)
    assert not any(q.text.startswith("Meet the Press") for q in quotes)
    assert [q.speaker for q in quotes if q.text.startswith("The budget") or "It spends" in q.text] \
        and all(q.speaker == "Governor Tom Brandt" for q in quotes)


@pytest.mark.parametrize("attribution, speaker", [
    ("one harbour employee told the local radio station", "one harbour employee"),
    ("said the printed campaign card", "the printed campaign card"),
    ("said one of those advisers", "one of those advisers"),
])
def test_whatever_the_subject_of_a_speech_verb_names_speaks(attribution, speaker):
    text = ("The port reopened on Tuesday after a week of strikes.\n\n"
            f"\u201cWe are shocked, and we want answers from the company,\u201d {attribution}.\n")
    assert _one(text, "We are shocked").speaker == speaker
