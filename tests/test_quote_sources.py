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


def test_a_quotation_resumed_after_its_attribution_is_one_quote():
    for attribution in ("Holm retorted", "Holm said, noting that the vote had been close"):
        text = ("Veronica Holm answered the governor on Monday.\n\n"
                f"\u201cThe county will always stand by its farmers,\u201d {attribution}. "
                "\u201cIt never gives up on them, whatever the capital says.\u201d\n")
        quotes = _quotes(text)
        assert len(quotes) == 1 and quotes[0].speaker == "Veronica Holm", attribution
        assert quotes[0].text.endswith("whatever the capital says.")


def test_a_party_and_state_after_an_inverted_name():
    text = ("\u201cThey are spending their final days here attacking the bureau,\u201d said Rep. Ed Malloy "
            "(D-Md.). \u201cIt is a waste of everyone\u2019s time.\u201d\n")
    assert _quotes(text)[0].speaker == "Rep. Ed Malloy"


def test_a_first_name_is_not_the_family_s_mr():
    text = ("Mr. Brandt, the governor, did not attend the launch.\n\n"
            "Kasia Brandt, the governor\u2019s daughter, spoke for the family at the event in Akron.\n\n"
            "\u201cPolicies that let parents work should not be a novelty in this state,\u201d she said.\n")
    q = _one(text, "Policies that")
    assert q.speaker.startswith("Kasia Brandt") and q.source_span.text == "she"


def test_i_said_is_the_author():
    text = ("The judge asked me to explain myself before the sentence.\n\n"
            "\u201cI came to this country with nothing but a borrowed blazer,\u201d I said.\n")
    q = _one(text, "I came to")
    assert q.speaker == "the author" and q.speaker_span is None and q.source_span.text == "I"


@pytest.mark.parametrize("lead", [
    "Holm, exasperated, finally responded: ",
    "Senator Veronica Holm delivered a blunt message to the governor:\n\n",
    "When the dam failed, Senator Veronica Holm released the following statement:\n\n",
])
def test_the_subject_of_a_clause_that_ends_in_a_colon(lead):
    text = ("Senator Veronica Holm has led the inquiry since March.\n\n"
            f"{lead}\u201cIt is time to stop attacking the engineers and start fixing the dam.\u201d\n")
    assert _one(text, "It is time").speaker == "Senator Veronica Holm"


@pytest.mark.parametrize("sentence, speaker", [
    ("Senator Veronica Holm says the mayor accepted gifts from the builders and \u201cthere is nothing wrong "
     "with that at all.\u201d", "Senator Veronica Holm"),
    ("The two engineers believe that the dam is \u201cthe weakest in the whole region\u201d and needs work.",
     "the two engineers"),
])
def test_a_quotation_in_a_complement_clause_belongs_to_the_clause_above(sentence, speaker):
    quotes = _quotes(f"The inquiry opened on Monday.\n\n{sentence}\n")
    assert len(quotes) == 1 and quotes[0].speaker.lower() == speaker.lower()


@pytest.mark.parametrize("before", ["Holm defended her record on the dam. ", "Holm went on with her remarks.\n\n"])
def test_an_unattributed_quotation_after_a_sentence_about_its_speaker(before):
    text = ("Senator Veronica Holm faced the inquiry on Tuesday.\n\n"
            f"{before}\u201cWe need to find ways to keep every family in this valley safe from the river.\u201d\n")
    q = _one(text, "We need to find")
    assert q.speaker == "Senator Veronica Holm" and q.source_span.text == "Holm"


@pytest.mark.parametrize("attribution", ["said retired engineer Tom Webb", "Webb, a retired engineer, said quietly"])
def test_more_layouts_right_after_a_quotation(attribution):
    text = f"\u201cI am not going to say it was a mistake, so forget about it,\u201d {attribution}.\n"
    assert "Webb" in _quotes(text)[0].speaker.split(",")[0]
