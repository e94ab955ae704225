"""People, organisations and places with per-document mention counts."""

import pytest

import newsweave
from newsweave.model import Document, Status
from newsweave.sentences import split_sentences

from conftest import EXAMPLE

nlp = pytest.importorskip("newsweave.analysis.nlp")
from newsweave.analysis.entities import find_entities, place_alias  # noqa: E402
from newsweave.text.lexicon import initials  # noqa: E402


def _entities_of(documents):
    sentences = [s for d in documents for s in split_sentences(d)]
    return find_entities(sentences, nlp.parse(sentences))


def _entities(*texts):
    return _entities_of([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)])


def _named(entities, name):
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, f"{name!r} not found once in {[(e.name, e.label) for e in entities]}"
    return found[0]


def _containing(entities, word):
    return [e for e in entities if word in e.name]


def test_helpers():
    assert initials("International Committee of the Red Cross") == "ICRC"
    assert initials("United Nations") == "UN"
    assert place_alias("U.S.") == place_alias("the United States") == "United States"
    assert place_alias("Britain") == "United Kingdom"
    assert place_alias("Marrowford") is None


CLUSTER = [
    "President Karl Brandt of Norland met the United Nations envoy in Velmora on Monday. "
    "Mr Brandt said the UN would send aid to the district of Oskarby. "
    "The Velmora Relief Council said food was running out in Oskarby and Velmora.",
    "Brandt promised help for the Oskarby district. The U.N. said it had sent two convoys. "
    "Thousands fled from Oskarby to Velmora on Tuesday, the Velmora Relief Council said.",
    "Karl Brandt visited Oskarbi, a town near Velmora, where the United Nations runs a camp. "
    "Aid workers from the campaign group Helpwell said the camp in Velmora was full.",
]


@pytest.fixture(scope="module")
def cluster():
    return _entities(*CLUSTER)


def test_person_variants_merge_and_titles_are_dropped(cluster):
    brandt = _containing(cluster, "Brandt")
    assert [e.name for e in brandt] == ["Karl Brandt"]
    assert brandt[0].label == "person"
    assert brandt[0].mentions == {"d0": 2, "d1": 1, "d2": 1}


def test_acronyms_and_dotted_acronyms_merge_with_the_full_name(cluster):
    un = _named(cluster, "United Nations")
    assert un.label == "organisation"
    assert un.mentions == {"d0": 2, "d1": 1, "d2": 1}
    assert not [e for e in cluster if e.name in ("UN", "U.N.")]


def test_places_by_context_and_spelling_variants(cluster):
    oskarby = _named(cluster, "Oskarby")
    assert oskarby.label == "place"
    assert set(oskarby.mentions) == {"d0", "d1", "d2"}  # "Oskarbi" is the same place
    assert _named(cluster, "Velmora").label == "place"


def test_organisations_by_their_form_and_introduction(cluster):
    assert _named(cluster, "Velmora Relief Council").label == "organisation"


def test_ranked_by_documents_then_total_and_one_offs_dropped(cluster):
    keys = [(-len(e.mentions), -e.total) for e in cluster]
    assert keys == sorted(keys)
    assert all(e.total >= 2 for e in cluster)
    assert not _containing(cluster, "Norland")  # mentioned once
    assert not _containing(cluster, "Monday")


def test_leading_the_is_stripped():
    ents = _entities("The European Commission said on Monday it would act. The European Commission "
                     "also said the plan was ready.", "The European Commission declined to comment.")
    assert _named(ents, "European Commission").total == 3


# --- the built-in example -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    brief = newsweave.run(newsweave.load(str(EXAMPLE)))
    used = [d for d in brief.documents if d.status is Status.USED]
    return used, _entities_of(used)


def test_example_entities(example):
    used, ents = example
    marrowford = _named(ents, "Marrowford")
    assert marrowford.label == "place" and len(marrowford.mentions) == len(used)
    assert ents[0].name == "Marrowford"
    assert _named(ents, "Skelby").label == "place"  # the model calls it a date or a person
    assert _named(ents, "Harbourlight Aid").label == "organisation"  # the model says person
    assert _named(ents, "Hollin Reservoir").label == "place"
    marsk = _named(ents, "Helena Marsk")
    assert marsk.label == "person" and len(marsk.mentions) == 3
    assert _named(ents, "Tomas Ridley").mentions == {"01_wire_agency.txt": 1, "05_broadcaster.txt": 2}
    assert not _containing(ents, "Rovers")  # the set-aside football report is not analysed


# --- the seeds ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_brief):
    docs = [d for d in seeds_brief.documents if d.readable]
    return docs, _entities_of(docs)


def test_seed_assad_variants_merge(seeds):
    docs, ents = seeds
    assad = _containing(ents, "Assad")
    assert [e.name for e in assad] == ["Bashar al-Assad"]
    assert assad[0].label == "person"
    assert len(assad[0].mentions) == len(docs)  # every article mentions him
    assert assad[0].total >= 15


def test_seed_places(seeds):
    docs, ents = seeds
    homs = _named(ents, "Homs")
    assert homs.label == "place"  # the model says PERSON or ORG in about half the mentions
    assert len(homs.mentions) == len(docs)
    assert all(1 <= n <= 15 for n in homs.mentions.values())
    baba = [e for e in ents if "Amr" in e.name]
    assert len(baba) == 1 and baba[0].label == "place"  # "Baba Amr" and "Bab Amr"
    assert len(baba[0].mentions) >= 4
    for name in ("Syria", "Damascus", "Hama"):
        assert _named(ents, name).label == "place"
    assert _named(ents, "United States").label == "place"  # "US", "U.S.", "the United States"


def test_seed_organisations(seeds):
    _, ents = seeds
    un = _named(ents, "United Nations")
    assert un.label == "organisation" and len(un.mentions) >= 3
    icrc = _named(ents, "International Committee of the Red Cross")
    assert len(icrc.mentions) >= 4  # with "ICRC" and "Red Cross"
    assert not [e for e in ents if e.name in ("UN", "U.N.", "ICRC", "State", "Syrian")]
    # "SNC" is the Syrian National Council in one article, the Syrian National Coalition in another
    assert _named(ents, "Syrian National Council").total >= 5
    assert _named(ents, "Syrian National Coalition").mentions == {
        e: n for e, n in _named(ents, "Syrian National Coalition").mentions.items() if e.startswith("003")}


def test_seed_no_entity_from_the_reader_comments(seeds):
    _, ents = seeds
    for name in ("Hezbollah", "Nasrallah", "Mystic", "Sarah Palin", "Khamenei"):
        assert not _containing(ents, name)


def test_seed_ranking(seeds):
    _, ents = seeds
    top = [e.name for e in ents[:6]]
    assert {"Homs", "Bashar al-Assad", "Syria"} <= set(top)


def test_entities_need_no_parse():
    docs = [Document(id="d0", text="Ana Pereira visited Marrowford. Ana Pereira met the board."),
            Document(id="d1", text="In Marrowford, Pereira spoke to residents.")]
    sentences = [s for d in docs for s in split_sentences(d)]
    parsed = nlp.parse(sentences)
    found = find_entities(sentences, parsed)
    assert "Marrowford" in {e.name for e in found}
    assert not any(parsed.is_parsed(i) for i in range(len(sentences)))


def test_a_prefetched_sentence_has_the_entities_of_the_full_pipeline():
    # The parser splits this after "N.Y."; in the full pipeline ner runs after it and keeps
    # its entities inside each part. ner alone reads one name, "N.Y. Post A1".
    text = "MORNING READ: N.Y. Post A1 has the flood story."
    parsed = nlp.parse(split_sentences(Document(id="d0", text=text)))
    parsed.prefetch([0])
    reference = nlp.load()(text)
    assert [(e.text, e.label_) for e in parsed.ents(0)] == [(e.text, e.label_) for e in reference.ents]
    assert [(e.text, e.label_) for e in parsed[0].ents] == [(e.text, e.label_) for e in reference.ents]


def test_name_core_drops_particles_titles_and_stops():
    from newsweave.text.lexicon import name_core

    assert name_core("president bashar al assad") == ["bashar", "assad"]
    assert name_core("mr. feltman") == ["feltman"]
    assert name_core("ursula von der leyen") == ["ursula", "leyen"]
    assert name_core("president") == ["president"]  # a lone title stays


def test_a_honorific_before_a_name_makes_a_person():
    from newsweave.analysis.entities.mentions import _HONORIFIC_BEFORE

    assert _HONORIFIC_BEFORE.search("a statement by Mrs. ")
    assert _HONORIFIC_BEFORE.search("said Prof ")
    assert not _HONORIFIC_BEFORE.search("said Mrsx ")
