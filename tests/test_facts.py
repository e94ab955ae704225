"""Facts and numbers across sources (newsweave.analysis.facts)."""


import pytest

import newsweave
from newsweave.analysis import nlp
from newsweave.analysis import facts as facts_module
from newsweave.analysis.facts import find_facts
from newsweave.model import Document, Sentence
from newsweave.sentences import split_sentences

from conftest import EXAMPLE


def _facts_of(brief):
    used = [d for d in brief.documents if d.status.value == "used"]
    sents = [s for d in used for s in split_sentences(d)]
    parsed = nlp.parse(sents)
    return find_facts(sents, parsed, used), sents, parsed, used


def _fact(facts, quantity):
    found = [f for f in facts if f.quantity == quantity and len(f.docs) > 1]
    assert found, f"no multi-source fact {quantity!r} in {[(f.quantity, f.verdict) for f in facts]}"
    return found[0]


@pytest.fixture(scope="module")
def example_facts():
    return _facts_of(newsweave.run(newsweave.load(str(EXAMPLE))))


def _one_doc(*texts, date=None):
    """Documents of one sentence each, and their sentences and parses."""
    docs, sents = [], []
    for i, text in enumerate(texts):
        doc = Document(id=f"d{i}", text=text, date=date[i] if isinstance(date, list) else date)
        docs.append(doc)
        sents.append(Sentence(doc=doc.id, index=0, start=0, end=len(text), text=text, n_in_doc=1))
    return find_facts(sents, nlp.parse(sents), docs)


# --- the built-in example ---------------------------------------------------------------

def test_example_death_toll_is_an_update_from_four_to_six(example_facts):
    facts = example_facts[0]
    fact = _fact(facts, "people killed")
    assert fact.verdict == "update"
    assert {m.value for m in fact.mentions} == {4, 6}
    assert "05_broadcaster.txt" in fact.note.split("later")[1]  # names the later report
    assert "06_weekly_magazine.txt" in fact.note.split("later")[1]
    assert "2023-03-16" in fact.note


def test_example_evacuated_is_a_conflict(example_facts):
    fact = _fact(example_facts[0], "people evacuated")
    assert fact.verdict == "conflict"
    values = {(m.value, m.qualifier) for m in fact.mentions}
    assert (1200, "") in values and (3000, "more than") in values
    assert len(fact.docs) == 5
    assert "Harbourlight Aid" in fact.note and "Civil Protection Agency" in fact.note


def test_example_homes_without_power_agree_across_three_outlets(example_facts):
    fact = _fact(example_facts[0], "homes without power")
    assert fact.verdict == "agree"
    assert fact.docs == ["01_wire_agency.txt", "03_local_paper.txt", "05_broadcaster.txt"]
    assert {m.value for m in fact.mentions} == {2400}
    assert {m.qualifier for m in fact.mentions} == {"about", "some"}


def test_example_money_and_percent_agree(example_facts):
    facts = example_facts[0]
    repair = [f for f in facts if f.quantity.startswith("money") and {m.value for m in f.mentions} == {1.8e6}]
    assert len(repair) == 1 and repair[0].verdict == "agree"
    assert repair[0].docs == ["02_national_daily.html", "06_weekly_magazine.txt"]
    assert {m.value_text for m in repair[0].mentions} == {"€1.8 million", "€1.8m"}
    package = [f for f in facts if f.quantity.startswith("money") and {m.value for m in f.mentions} == {4.5e6}]
    assert len(package) == 1 and package[0].verdict == "agree" and len(package[0].docs) == 3
    reservoir = _fact(facts, "percent: reservoir")
    assert reservoir.verdict == "agree" and len(reservoir.docs) == 3
    assert {m.value_text for m in reservoir.mentions} == {"97 percent", "97 per cent", "97%"}


def test_example_no_dates_times_or_ages_as_counts(example_facts):
    facts = example_facts[0]
    values = {m.value for f in facts for m in f.mentions}
    for not_a_count in (14, 2019, 2020, 2021, 1961, 62, 58, 74, 31, 5, 48, 18, 2023):
        assert not_a_count not in values, not_a_count


def test_example_offsets_are_exact_and_sorted(example_facts):
    facts, _, _, used = example_facts
    texts = {d.id: d.text for d in used}
    for f in facts:
        for m in f.mentions:
            s = m.sentence
            assert texts[s.doc][s.start:s.end] == s.text
    multi = [len(f.docs) > 1 for f in facts]
    assert multi == sorted(multi, reverse=True)  # multi-source facts first


# --- the seeds ---------------------------------------------------------------------------

def test_seeds_un_death_toll_agrees(seeds_brief):
    facts = _facts_of(seeds_brief)[0]
    un = [f for f in facts if f.quantity == "people killed" and 7500 in {m.value for m in f.mentions}]
    assert len(un) == 1
    fact = un[0]
    assert fact.verdict == "agree"
    assert [d[:3] for d in fact.docs] == ["000", "001"]
    assert {(m.qualifier, m.value_text) for m in fact.mentions} == {("some", "7,500"), ("well over", "7,500")}
    assert "UN" in fact.note
    # Daily tolls ("21 people were killed in Homs on Thursday") are not merged with it.
    assert all(m.value == 7500 for m in fact.mentions)


def test_seeds_names_are_not_numbers(seeds_brief):
    facts = _facts_of(seeds_brief)[0]
    texts = {m.value_text.lower() for f in facts for m in f.mentions}
    assert "fourth" not in texts and "27" not in texts  # "Fourth Armoured Division", "27 straight days"


def test_seeds_status_update_of_a_named_person(seeds_brief):
    facts = _facts_of(seeds_brief)[0]
    status = [f for f in facts if f.quantity.startswith("status:") and "Bouvier" in f.quantity]
    assert status and status[0].verdict == "update"
    assert "trapped" in status[0].note and "safely" in status[0].note


# --- small sentences ---------------------------------------------------------------------

@pytest.mark.parametrize("text,value,qualifier,value_text", [
    ("Well over 7,500 people have been killed since the uprising began, the UN said.", 7500, "well over", "7,500"),
    ("Officials said at least four people were killed in the blast.", 4, "at least", "four"),
    ("Some 2,400 households were without power on Tuesday.", 2400, "some", "2,400"),
    ("Nearly 300 people were injured in the clashes, medics said.", 300, "nearly", "300"),
    ("Up to 5,000 residents were evacuated from the valley.", 5000, "up to", "5,000"),
    ("More than 3,000 people fled the town, the charity said.", 3000, "more than", "3,000"),
    ("About 1,200 residents had been evacuated by mid-morning.", 1200, "about", "1,200"),
    ("Two dozen soldiers were arrested at the border.", 24, "", "Two dozen"),
    ("The government pledged $27 million in aid for the refugees.", 27e6, "", "$27 million"),
    ("The package is worth 4.5 million euro.", 4.5e6, "", "4.5 million euro"),
    ("The reservoir was 97 per cent full.", 97, "", "97 per cent"),
])
def test_qualifiers_and_values(text, value, qualifier, value_text):
    facts = _one_doc(text)
    mentions = [m for f in facts for m in f.mentions]
    assert len(mentions) == 1, [(f.quantity, m.value_text) for f in facts for m in f.mentions]
    m = mentions[0]
    assert (m.value, m.qualifier, m.value_text) == (value, qualifier, value_text)
    assert m.sentence.text == text and m.sentence.start == 0 and m.sentence.end == len(text)


@pytest.mark.parametrize("text", [
    "The dam was built in 1961 and inspected in 2019.",
    "The breach happened shortly before 5 a.m. on March 14.",
    "Mr Pell, 58, has run the bakery for 31 years.",
    "The Fourth Armoured Division moved in on the 3rd day.",
    "Security Council Resolution 2042 was adopted at 10:30 on Saturday.",
    "The 62-year-old dam failed after two days of rain.",
    "Call 0800 123 4567 for help, page 3 of 12.",
    "Castlebury Rovers beat Dunmere Athletic 3–1 on Saturday.",
])
def test_dates_times_ages_names_are_not_counts(text):
    assert _one_doc(text) == []


def test_counted_noun_and_event_are_normalised():
    facts = _one_doc("Six people died in the flood.", "The death toll rose to six.",
                     "Six residents were killed when the dam burst.")
    assert len(facts) == 1 and facts[0].quantity == "people killed" and facts[0].verdict == "agree"


def test_subset_is_not_a_conflict():
    facts = _one_doc("The Observatory said 21 people were killed in Homs on Thursday, "
                     "including 17 civilians caught up in the battle.")
    by_quantity = {f.quantity: f for f in facts}
    assert by_quantity["people killed"].mentions[0].value == 21
    assert by_quantity["civilians killed"].mentions[0].value == 17
    assert all(f.verdict == "single" for f in facts)


def test_daily_and_cumulative_tolls_are_not_merged():
    facts = _one_doc("Some 7,500 people have died since the uprising began, the UN said.",
                     "Activists said 21 people were killed in Homs on Thursday.")
    assert len(facts) == 2 and all(f.verdict == "single" for f in facts)


def test_update_with_dates_names_the_later_report():
    facts = _one_doc("At least four people were killed, officials said.",
                     "The death toll has risen to six.", date=["2023-03-14", "2023-03-16"])
    assert len(facts) == 1
    f = facts[0]
    assert f.verdict == "update" and "later report d1" in f.note and "2023-03-16" in f.note


def test_conflict_without_dates():
    facts = _one_doc("Authorities said 1,200 people were evacuated.",
                     "An aid group said more than 3,000 people were evacuated.")
    assert len(facts) == 1 and facts[0].verdict == "conflict"
    assert "1,200" in facts[0].note and "more than 3,000" in facts[0].note


def test_compatible_qualified_figures_agree():
    facts = _one_doc("The rebels now have at least 20,000 fighters.",
                     "The rebel army has some 25,000 fighters.")
    assert len(facts) == 1 and facts[0].quantity == "fighters" and facts[0].verdict == "agree"


def test_empty_input():
    assert find_facts([], [], []) == []


# --- parsing only what is read ------------------------------------------------------------

def test_only_sentences_with_a_number_or_a_status_are_parsed():
    texts = ["The river rose quickly after the storm hit the valley overnight.",
             "Three people were killed when the bridge collapsed on Monday.",
             "Residents said the water board had ignored their warnings for years.",
             "Journalist Marie Colvin was still trapped in the besieged district."]
    docs = [Document(id="d0", text=" ".join(texts))]
    sents, start = [], 0
    for i, text in enumerate(texts):
        sents.append(Sentence(doc="d0", index=i, start=start, end=start + len(text), text=text, n_in_doc=4))
        start += len(text) + 1
    parsed = nlp.parse(sents)
    assert facts_module.sentences_to_parse(sents, parsed) == {1, 3}
    found = find_facts(sents, parsed, docs)
    assert [f.quantity for f in found] == ["people killed"]
    assert [parsed.is_parsed(i) for i in range(4)] == [False, True, False, True]


def test_status_words_are_caught_by_their_prefilter():
    from newsweave.analysis.facts.status import _STATUS_CLOSED, _STATUS_OPEN, _STATUS_WORD

    for word in [*_STATUS_OPEN, *_STATUS_CLOSED, "rescuing", "freed", "dying", "died", "safer", "Found"]:
        assert _STATUS_WORD.match(word), word


def test_a_sentence_is_parsed_once_and_as_by_the_full_pipeline():
    texts = ["Officials in Marrowford said 1,200 people had been evacuated by Tuesday.",
             "Gerald Ashdown, the water board's chief executive, declined to comment."]
    sents = [Sentence(doc="d0", index=i, start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    parsed = nlp.parse(sents)
    ents = parsed.ents(1)
    doc = parsed[1]
    assert parsed[1] is doc and parsed.ents(1) is ents and not parsed.is_parsed(0)
    reference = nlp.load()(texts[1])
    assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc] == \
        [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in reference]
    assert [(e.text, e.label_) for e in ents] == [(e.text, e.label_) for e in reference.ents]


# --- the ground floor facts reads: numbers, report verbs, initials --------------------------


@pytest.mark.parametrize("text, value", [
    ("7", 7.0), ("1,500", 1500.0), ("2.5", 2.5), ("twenty-three", 23.0), ("Forty two", 42.0),
    ("a dozen", 12.0), ("three dozen", 36.0), ("two hundred", 200.0),
    ("two hundred thousand", 200_000.0), ("five million", 5e6),
])
def test_parse_number(text, value):
    from newsweave.text.numbers import parse_number

    assert parse_number(text) == value


def test_parse_number_refuses_what_is_not_a_number():
    from newsweave.text.numbers import parse_number

    assert parse_number("several") is None
    assert parse_number("two apples") is None


def test_number_words_run_from_one_to_ninety_in_order():
    from newsweave.text.numbers import NUMBER_WORDS, ONE_ARTICLES

    assert list(NUMBER_WORDS)[:3] == ["one", "two", "three"] and NUMBER_WORDS["ninety"] == 90
    assert NUMBER_WORDS["twelve"] == 12 and "hundred" not in NUMBER_WORDS
    assert ONE_ARTICLES == ("a", "an")


def test_report_verbs_hold_speech_and_counting():
    from newsweave.text.lexicon import REPORT_VERBS, SPEECH_VERBS

    assert {"say", "estimate", "according", "count"} <= REPORT_VERBS
    assert "whisper" in SPEECH_VERBS and "whisper" not in REPORT_VERBS


def test_function_word_initials_skip_function_words_in_any_case():
    from newsweave.text.lexicon import function_word_initials, initials

    assert function_word_initials("syrian observatory for human rights") == "sohr"
    assert function_word_initials("Bank of the North") == "BN"
    # ``initials`` takes capitalised words only: nothing of a lower-cased name
    assert initials("syrian observatory for human rights") == ""


def test_each_parse_object_keeps_its_own_entity_cache():
    text = "Mayor Helena Marsk visited Marrowford."
    sents = [Sentence(doc="d0", index=0, start=0, end=len(text), text=text, n_in_doc=1)]
    first, second = nlp.parse(sents), nlp.parse(sents)
    doc = first[0]
    ents = first.doc_ents(doc)
    assert first.doc_ents(doc) is ents  # built once
    assert [e.text for e in ents] == [e.text for e in doc.ents]
    assert second.doc_ents(second[0]) is not ents  # another brief's parse has its own


# --- scope: a figure is compared only with figures of the same scope ------------------------

def test_seeds_three_tolls_are_three_rows_with_their_scope(seeds_brief):
    facts = _facts_of(seeds_brief)[0]
    killed = {m.value: (f, m) for f in facts if f.quantity == "people killed" for m in f.mentions}
    national, homs, syria = killed[7500][0], killed[21][0], killed[39][0]
    assert len({id(national), id(homs), id(syria)}) == 3
    assert national.verdict == "agree" and national.scope["where"] is None
    assert "crisis" in national.scope["when"] or "since" in national.scope["when"]
    assert homs.scope["where"] == "in Homs" and homs.scope["when"] == "on Thursday"
    assert syria.scope["where"] == "across Syria" and syria.scope["when"] == "on Thursday"
    assert homs.scope["according_to"] == syria.scope["according_to"] == \
        ["Syrian Observatory for Human Rights"]  # "the Observatory said": the full name


def test_seeds_sources_of_the_executions_and_the_fighters(seeds_brief):
    facts = _facts_of(seeds_brief)[0]
    executed = [f for f in facts if f.quantity == "people executed"]
    assert executed and executed[0].mentions[0].according_to == "UN human rights office"
    fighters = [f for f in facts if f.quantity == "fighters"]
    assert fighters and fighters[0].mentions[0].according_to == "FSA"


def test_national_city_and_one_day_tolls_are_not_compared():
    facts = _one_doc("Some 9,000 people have been killed since the revolt began, the UN said.",
                     "Medics said 30 people were killed in Paris on Monday.",
                     "In all, 52 people were killed across France on Monday, the monitors said.")
    assert sorted(m.value for f in facts for m in f.mentions) == [30, 52, 9000]
    assert all(f.verdict == "single" for f in facts) and len(facts) == 3
    where = {f.mentions[0].value: (f.mentions[0].where, f.mentions[0].when) for f in facts}
    assert where[30] == ("in Paris", "on Monday") and where[52] == ("across France", "on Monday")


def test_a_past_years_toll_is_not_this_events_toll():
    facts = _one_doc("The quake killed at least 120 people, rescuers said.",
                     "The 2009 quake killed more than 300 people in the same region.")
    assert len(facts) == 2 and all(f.verdict == "single" for f in facts)
    past = [f for f in facts if f.mentions[0].value == 300][0]
    assert past.mentions[0].when == "in 2009"


def test_the_same_number_with_less_scope_stated_still_agrees():
    facts = _one_doc("The 2009 quake killed more than 300 people in the region.",
                     "That earthquake killed more than 300 people.")
    assert len(facts) == 1 and facts[0].verdict == "agree" and len(facts[0].docs) == 2


def test_same_scope_different_values_from_two_named_sources_conflict():
    facts = _one_doc("Police said 40 people were killed in Carrick on Monday.",
                     "Medics said 65 people were killed in Carrick on Monday.")
    assert len(facts) == 1 and facts[0].verdict == "conflict"
    assert facts[0].scope["according_to"] == ["Police", "Medics"]
    assert "40" in facts[0].note and "65" in facts[0].note


def test_small_counts_differ_when_the_numbers_differ():
    facts = _one_doc("Police said 68 people were killed in the storm.",
                     "Medics said 69 people were killed in the storm.")
    assert len(facts) == 1 and facts[0].verdict == "conflict"  # not "the same figure"


def test_later_report_of_a_toll_is_an_update():
    facts = _one_doc("The landslide killed 12 people in Carrick.",
                     "The landslide killed 30 people in Carrick.", date=["2024-05-01", "2024-05-03"])
    assert len(facts) == 1 and facts[0].verdict == "update"
    assert "later report d1" in facts[0].note and facts[0].scope["when"] is None


def test_undated_running_toll_that_differs_is_an_update_not_a_conflict():
    facts = _one_doc("The landslide killed 12 people in Carrick.",
                     "The landslide killed 30 people in Carrick.")
    assert len(facts) == 1 and facts[0].verdict == "update"
    assert "not dated" in facts[0].note and facts[0].note.index("12") < facts[0].note.index("30")


def test_source_attribution_according_to_and_report_verbs():
    facts = _one_doc("According to the UN human rights office, 17 people were executed in Carrick.",
                     "The rebel army was formed last year and now boasts at least 20,000 fighters.")
    by_value = {f.mentions[0].value: f for f in facts}
    assert by_value[17].mentions[0].according_to == "UN human rights office"
    assert by_value[17].scope["according_to"] == ["UN human rights office"]
    assert by_value[20000].mentions[0].according_to == "rebel army"


@pytest.mark.parametrize("text", [
    "The magnitude 6.2 quake struck at dawn, and a magnitude-5.1 aftershock followed.",
    "He is a member of the 1 percent, and proud of it, his friends said.",
])
def test_magnitudes_and_names_are_not_figures(text):
    assert _one_doc(text) == []


def test_pounds_without_a_currency_sign_are_a_weight():
    facts = _one_doc("The robot weighs 300 pounds, its maker said.", "The robot weighs 300 pounds.")
    assert len(facts) == 1 and facts[0].verdict == "agree"
    assert facts[0].quantity == "measure (lb)" and not facts[0].quantity.startswith("money")


def test_json_fact_carries_its_scope_and_each_mention_its_own():
    from newsweave.model import Analysis
    from newsweave.render.json import analysis_to_dict

    facts = _one_doc("Medics said 30 people were killed in Paris on Monday.",
                     "Officials said 30 people were killed in Paris on Monday.")
    out = analysis_to_dict(Analysis(facts=facts))["facts"][0]
    assert out["scope"] == {"what": "people killed", "where": "in Paris", "when": "on Monday",
                            "according_to": ["Medics", "Officials"]}
    assert out["mentions"][0]["scope"] == {"what": "people killed", "where": "in Paris",
                                           "when": "on Monday", "according_to": "Medics"}
    assert {"doc", "start", "end", "text", "value", "value_text", "qualifier", "date"} <= set(out["mentions"][0])


def test_the_same_percentage_read_with_different_subjects_is_one_figure():
    facts = _one_doc("The scanner identified each volunteer with an accuracy of 94 percent.",
                     "The scanner identified the volunteers with 94 percent accuracy.")
    assert len(facts) == 1 and facts[0].verdict == "agree" and len(facts[0].docs) == 2


def test_far_apart_undated_tolls_are_not_compared():
    facts = _one_doc("Gunmen killed four people in the attack on the compound.",
                     "Gunmen once attacked another compound and killed 63 people in the attack.")
    assert len(facts) == 2 and all(f.verdict == "single" for f in facts)


def test_group_of_twenty_is_a_name():
    assert _one_doc("The leaders will meet at the Group of 20 summit in Hamburg next week.",
                    "He flies on to the Group of 20 summit after his visit.") == []


def test_the_period_of_a_cumulative_toll_is_given_in_its_words():
    facts = _one_doc("Well over 7,500 people have been killed since the army began its crackdown, the UN said.")
    assert facts[0].mentions[0].when.startswith("since the army began its crackdown")


def test_every_vague_quantity_the_finder_reads_has_a_range():
    # "hundreds of millions of dollars" used to crash the brief (a KeyError)
    from newsweave.analysis.facts.numbers import _VAGUE_RE
    from newsweave.text.numbers import VAGUE

    text = ("Dozens of firms, scores of lawyers, hundreds of staff, thousands of voters, tens of "
            "thousands of fans, hundreds of thousands of homes, millions of users, tens of millions "
            "of viewers and hundreds of millions of dollars.")
    found = [m.group("num").lower() for m in _VAGUE_RE.finditer(text)]
    assert len(found) == 9 and all(f in VAGUE for f in found)
    lo, hi = VAGUE["hundreds of millions"]
    assert lo < hi and lo >= VAGUE["tens of millions"][1]
