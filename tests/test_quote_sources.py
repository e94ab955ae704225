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
