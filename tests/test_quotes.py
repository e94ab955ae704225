"""Direct quotations and their speakers: small texts of our own, the example cluster, the seeds
(the layouts PolNeAR showed: test_quote_layouts.py)."""

import pytest

import newsweave
from newsweave.model import Document, Removal, Status
from newsweave.sentences import split_sentences

from conftest import EXAMPLE
from quoting import _assert_exact, _by_start, _quotes, _quotes_of, nlp

from newsweave.analysis import quotes as quotes_module  # noqa: E402
from newsweave.analysis.quotes import find_quotes  # noqa: E402


FLOOD = """Mayor Ana Lindqvist visited the flooded town of Brennmoor on Monday.

"We will rebuild every home," Lindqvist said. "It will take years, but we will do it."

The Rivermouth Rescue Service said it had saved 40 people. "Our crews worked through the night without a single break," it said in a statement.

Residents described a "tactical withdrawal" by officials and spoke of a "massacre".

According to Lindqvist, the town council "had warned the 'river authority' many times about the dam."

\u201cThe water rose faster than anything I have seen in my life,\u201d said Piet Haaland, a fisherman from Brennmoor. He added: \u201cWe lost three boats in one night.\u201d

The agency's chief, Marta Olsen, told Radio Nord that "the levees were never designed for this."

Ms Olsen said she was proud of her team. "They did everything they could to get people out," she said.
"""


@pytest.fixture(scope="module")
def flood():
    return _quotes(FLOOD)


def test_offsets_are_exact_and_quotes_in_order(flood):
    docs, quotes = flood
    _assert_exact(docs, quotes)
    assert [q.span.start for q in quotes] == sorted(q.span.start for q in quotes)
    # “We will rebuild …,” Lindqvist said. “It will take …” is one; the residents' “tactical
    # withdrawal” and “massacre” are one (attributed short quotations)
    assert len(quotes) == 8


def test_split_quotation_is_one_quote_with_the_full_name_and_title(flood):
    _, quotes = flood
    q = _by_start(quotes, "We will rebuild")
    assert q.speaker == "Mayor Ana Lindqvist"
    assert q.span.text == '"We will rebuild every home," Lindqvist said. "It will take years, but we will do it."'
    assert q.text == "We will rebuild every home \u2026 It will take years, but we will do it."
    assert [p.text for p in q.parts] == ['"We will rebuild every home,"', '"It will take years, but we will do it."']
    assert q.speaker_span.text == "Lindqvist"  # named there as "Lindqvist"


def test_short_quotations_need_a_verb_that_attributes_them(flood):
    # "Residents described a “tactical withdrawal” ... and spoke of a “massacre”": the words
    # are attributed to the residents (PolNeAR annotates such partial quotations as
    # attributions), so they are reported, as one quotation; a scare quote in a sentence
    # with no verb of speech or naming is not (test_short_quotes_are_kept_only_when_...)
    _, quotes = flood
    q = _by_start(quotes, "tactical withdrawal")
    assert q.text == "tactical withdrawal \u2026 massacre" and q.speaker == "Residents"


def test_it_said_resolves_to_the_organisation_of_the_previous_sentence(flood):
    _, quotes = flood
    assert _by_start(quotes, "Our crews worked").speaker == "Rivermouth Rescue Service"


def test_according_to_and_nested_single_quotes(flood):
    _, quotes = flood
    q = _by_start(quotes, "had warned the 'river authority'")
    assert q.speaker == "Mayor Ana Lindqvist"
    assert q.text.endswith("about the dam.")


def test_said_name_with_role_apposition_and_he_added(flood):
    _, quotes = flood
    assert _by_start(quotes, "The water rose").speaker == "Piet Haaland, a fisherman from Brennmoor"
    assert _by_start(quotes, "We lost three boats").speaker == "Piet Haaland, a fisherman from Brennmoor"


def test_told_with_appositive_name_and_she_said(flood):
    _, quotes = flood
    assert _by_start(quotes, "the levees").speaker == "Marta Olsen, the agency's chief"
    assert _by_start(quotes, "They did everything").speaker == "Marta Olsen"


def test_unattributed_quotation_has_no_speaker_and_label_like_quotes_are_dropped():
    text = ("The slogan \"a better future for all of us\" was painted on the wall of the school.\n\n"
            "\"Nobody knows what will happen next week,\" read a sign at the entrance to the town hall.\n")
    docs, quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Nobody knows what will happen next week"]
    assert quotes[0].speaker is None


def test_quotation_running_over_two_paragraphs():
    text = ("The minister, Jonas Berg, spoke for an hour. \"We have made mistakes in the past and "
            "we will learn from them,\" he said.\n\n"
            "\"There is much more work to do before the winter comes. We need every volunteer.\n\n"
            "\"Please come to the town hall on Saturday morning to register for the clean-up.\"\n")
    docs, quotes = _quotes(text)
    _assert_exact(docs, quotes)
    assert [q.speaker for q in quotes] == ["Jonas Berg, the minister"] * 3
    assert quotes[1].span.text.endswith("We need every volunteer.")  # open at its paragraph's end


def test_quotes_in_removed_debris_are_ignored():
    body = "Officials met on Monday. \"We will reopen the bridge on Friday morning,\" said Anna Berg.\n\n"
    comments = "Comments (2)\n\n\"This is the worst council we have ever had,\" wrote a reader called Tom Hale.\n"
    text = body + comments
    removal = Removal("comments", len(body), len(text), comments)
    docs, quotes = _quotes(text, removed={0: [removal]})
    assert [q.speaker for q in quotes] == ["Anna Berg"]


def test_curly_and_straight_quotes_and_apostrophes():
    text = ("\u201cIt\u2019s the rebels\u2019 decision, not ours,\u201d said the spokesman, Omar Haddad. "
            "Residents\u2019 homes were shelled.\n")
    docs, quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text == "It\u2019s the rebels\u2019 decision, not ours"
    assert quotes[0].speaker.startswith("Omar Haddad")


# --- the built-in example ------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    brief = newsweave.run(newsweave.load(str(EXAMPLE)))
    used = [d for d in brief.documents if d.status is Status.USED]
    return used, _quotes_of(used)


def test_example_quotes_are_attributed_to_named_people(example):
    used, quotes = example
    _assert_exact(used, quotes)
    assert len(quotes) >= 13  # 20 quoted stretches, 7 of them the second half of an interrupted one
    assert all(q.speaker for q in quotes)
    assert _by_start(quotes, "This is the darkest morning").speaker == "Mayor Helena Marsk"
    assert _by_start(quotes, "The water came faster").speaker == "Commissioner Tomas Ridley"
    assert _by_start(quotes, "Our crews were knocking").speaker == "Commissioner Tomas Ridley"
    assert _by_start(quotes, "We are not arguing").speaker == "Commissioner Tomas Ridley"  # "Mr Ridley ... he said"
    assert _by_start(quotes, "Every decision we took").speaker.startswith("Gerald Ashdown")
    assert _by_start(quotes, "We lost everything in twenty").speaker == "Jonas Pell"  # "said Mr Pell"
    assert _by_start(quotes, "a start, but only a start").speaker == "Mayor Helena Marsk"
    assert not [q for q in quotes if "persistent seepage" in q.text]  # a 2-word quotation of a report
    assert _by_start(quotes, "many times that").speaker == "Mayor Helena Marsk"  # has said the town will need "…"


def test_example_comment_threads_give_no_quotes(example):
    used, quotes = example
    for q in quotes:
        doc = next(d for d in used if d.id == q.span.doc)
        assert not any(r.start <= q.span.start < r.end for r in doc.removed)


# --- the seeds -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_brief):
    # Every readable article, whatever the relevance check decided about it.
    docs = [d for d in seeds_brief.documents if d.readable]
    return docs, _quotes_of(docs)


def test_seed_offsets_are_exact(seeds):
    docs, quotes = seeds
    _assert_exact(docs, quotes)
    assert len(quotes) >= 25


def test_seed_said_colonel(seeds):
    _, quotes = seeds
    q = _by_start(quotes, "have pulled out tactically")
    assert q.speaker.startswith("Colonel Riyadh al-Asaad")


def test_seed_he_said_to_the_times_is_putin(seeds):
    _, quotes = seeds
    q = _by_start(quotes, "The first thing that we should do")
    assert "Vladimir Putin" in q.speaker


def test_seed_pronouns_definite_descriptions_and_short_names(seeds):
    _, quotes = seeds
    assert "Syrian security official" in _by_start(quotes, "The Syrian army controls").speaker
    assert _by_start(quotes, "We urge the international community").speaker == "Syrian National Council"
    assert "Burhan Ghalioun" in _by_start(quotes, "It is out of the question").speaker  # he added
    assert "Jeffrey Feltman" in _by_start(quotes, "It\u2019s important that the tipping").speaker  # Mr Feltman
    assert "person close to the FSA" in _by_start(quotes, "The battle would have been").speaker
    assert "rebels" in _by_start(quotes, "Bab Amr will remain").speaker  # vowing:
    assert "Carla Haddad" in _by_start(quotes, "The idea is to be able").speaker  # she added


def test_seed_short_quotations_only_with_their_speaker(seeds):
    # Short quotations that a verb of speech close before them attributes are reported speech
    # (“the ICRC said the organisation had been given a “green light””, “the rebels said they
    # had pulled out “tactically””): kept, with their speaker. Every short one has a speaker:
    # an unattributed one is a scare quote.
    _, quotes = seeds
    q = _by_start(quotes, "green light")
    assert q.speaker == "International Committee of the Red Cross" and q.speaker_span.text == "ICRC"
    assert "rebels" in _by_start(quotes, "tactically").speaker
    assert all(q.speaker for q in quotes if len(q.text.split()) < 4)


def test_seed_no_quote_from_the_reader_comments(seeds):
    docs, quotes = seeds
    doc = next(d for d in docs if d.id.startswith("003"))
    thread = [r for r in doc.removed if r.kind == "comments"]
    assert thread, "the comment thread of seed 003 should be removed as debris"
    for q in quotes:
        if q.span.doc == doc.id:
            assert not any(r.start <= q.span.start < r.end for r in thread)
    assert not [q for q in quotes if "Allah" in q.text]
    # its article quotes are found and attributed
    assert "Talal al-Barazi" in _by_start(quotes, "we have completed the evacuation").speaker
    assert "Jen Psaki" in _by_start(quotes, "I'm not going to outline").speaker  # next paragraph
    assert _by_start(quotes, "I came to check on my house").speaker == "a 45-year-old"


def test_only_the_sentences_around_a_quotation_are_parsed():
    docs = [Document(id="d0", text=(
        "The dam failed on Tuesday. Water reached the town within an hour. "
        "Mayor Ana Pereira visited the shelters. \u201cWe have never seen anything like this,\u201d "
        "she said. The cost is not yet known.")),
        Document(id="d1", text="The storm moved east. Schools stayed closed on Wednesday.")]
    sentences = [s for d in docs for s in split_sentences(d)]
    parsed = nlp.parse(sentences)
    wanted = quotes_module.sentences_to_parse(docs, sentences, parsed)
    # the quotation's sentence, and the one before it, where "she" is most likely named
    assert [sentences[i].text[:11] for i in sorted(wanted)] == ["Mayor Ana P", "\u201cWe have ne"]
    parsed.prefetch(wanted)
    quotes = find_quotes(docs, sentences, parsed)
    assert [q.speaker for q in quotes] == ["Mayor Ana Pereira"]
    assert [i for i in range(len(sentences)) if parsed.is_parsed(i)] == sorted(wanted)


# --- the ground floor quotes reads: paragraphs, names, speech verbs -------------------------


def test_paragraphs_join_hard_wrapped_lines():
    from newsweave.text.lines import line_spans, paragraphs

    text = "The dam failed\nbefore dawn.\nIt rained\nAnd rained:\nmore.\n\nNew one\ngoes on."
    lines = list(line_spans(text))

    def texts(spans):
        return [" ".join(text[s:e].split()) for s, e in spans]

    # a line continues unless the one before ends a sentence (here: "." or ":") or a blank
    # line comes between
    assert texts(paragraphs(text, lines, (".", ":"))) == [
        "The dam failed before dawn.", "It rained And rained:", "more.", "New one goes on."]
    # only lines that start in lower case continue
    assert texts(paragraphs(text, lines, (".",), only_lower_case=True)) == [
        "The dam failed before dawn.", "It rained", "And rained: more.", "New one goes on."]


def test_name_without_honorifics():
    from newsweave.text.lexicon import name_without_honorifics

    assert name_without_honorifics("Mr Feltman") == ["feltman"]
    assert name_without_honorifics("Dr. Ada Okafor, the mayor") == ["ada", "okafor"]
    assert name_without_honorifics("Miss Lena al-Amin") == ["lena", "al-amin"]
    assert name_without_honorifics("President Lina Moor") == ["president", "lina", "moor"]


def test_honorifics_are_derived_from_their_abbreviations():
    from newsweave.text.lexicon import HONORIFIC_ABBREVIATIONS, HONORIFICS, TITLE_ABBREVIATIONS, TITLES

    assert HONORIFICS == {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "miss"}
    assert set(HONORIFIC_ABBREVIATIONS) <= set(TITLE_ABBREVIATIONS) and "Gov" in TITLE_ABBREVIATIONS
    assert {"mr", "miss", "president"} <= TITLES and "mr." not in TITLES


def test_attribution_forms_make_whole_word_patterns():
    from newsweave.text.lexicon import ATTRIBUTION_FORMS, COMMON_ATTRIBUTION_FORMS, words_regex

    every, common = words_regex(ATTRIBUTION_FORMS), words_regex(COMMON_ATTRIBUTION_FORMS)
    assert every.search("It will rebuild, the mayor ADDED.")
    assert not common.search("It will rebuild, the mayor added.")
    assert common.search("according to the agency") and common.search("She told reporters")
    assert not every.search("The saying goes; the sayer")  # whole words only
