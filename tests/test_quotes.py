"""Direct quotations and their speakers: small texts of our own, the example cluster, the seeds."""

import pytest

import newsweave
from newsweave.model import Document, Removal, Status
from newsweave.sentences import split_sentences

from conftest import EXAMPLE

nlp = pytest.importorskip("newsweave.analysis.nlp")
from newsweave.analysis import quotes as quotes_module  # noqa: E402
from newsweave.analysis.quotes import find_quotes  # noqa: E402


def _quotes_of(documents):
    sentences = [s for d in documents for s in split_sentences(d)]
    return find_quotes(documents, sentences, nlp.parse(sentences))


def _quotes(*texts, removed=None):
    docs = [Document(id=f"d{i}", text=t, removed=(removed or {}).get(i, [])) for i, t in enumerate(texts)]
    return docs, _quotes_of(docs)


def _assert_exact(documents, quotes):
    by_id = {d.id: d for d in documents}
    for q in quotes:
        doc = by_id[q.span.doc]
        assert doc.text[q.span.start:q.span.end] == q.span.text
        assert q.span.text[0] in "\u201c\"\u2018\u201d"
        assert q.parts and q.parts[0].start == q.span.start and q.parts[-1].end == q.span.end
        for part, piece in zip(q.parts, q.text.split(" \u2026 ")):
            assert doc.text[part.start:part.end] == part.text and piece in " ".join(part.text.split())
        assert q.sentence is not None and q.sentence.start <= q.span.start < q.sentence.end
        assert doc.text[q.sentence.start:q.sentence.end] == q.sentence.text
        if q.speaker_span is not None:
            assert doc.text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text


def _by_start(quotes, words):
    """The quotation one of whose pieces starts with ``words``."""
    found = [q for q in quotes if any(piece.startswith(words) for piece in q.text.split(" \u2026 "))]
    assert len(found) == 1, f"{words!r}: {[q.text for q in quotes]}"
    return found[0]


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


# --- error classes fixed for PolNeAR (bench/quotes.py): our own short examples --------------


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
