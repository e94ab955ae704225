"""The Python API: every misuse is an InputError in the caller's terms (texts written for these tests)."""

import pytest

import newsweave
from newsweave import Document, InputError

A = ("Floodwater swept through the town of Marlow on Monday, forcing hundreds of residents "
     "to leave their homes. The river rose two metres overnight after heavy rain. "
     "Emergency crews rescued twelve people from rooftops, officials said.\n")
B = ("Hundreds of residents fled Marlow on Monday as the river burst its banks after "
     "heavy rain. Rescue crews pulled twelve people from rooftops, the council said. "
     "The mayor asked for army help to build flood barriers.\n")


@pytest.mark.parametrize("documents, fragment", [
    (None, "brief() got None"),
    ("one string about a flood in Marlow. " * 5, "got one string, not a list"),
    (b"bytes", "got bytes"),
    ([1, 2], "documents[0] is int 1"),
    ([A, None], "documents[1] is None"),
    ([A, b"raw"], "documents[1] is bytes"),
    ([A, Document(id="x", text=B)], "documents[1] is a Document among texts"),
    ({"a": A, "b": 3}, "documents['b'] is int"),
    (42, "brief() got int"),
    ([Document(id="x", text=A), Document(id="x", text=B)], "the id 'x' of an earlier document"),
    ([], "no documents given"),
])
def test_misuse_is_an_input_error(documents, fragment):
    with pytest.raises(InputError) as e:
        newsweave.brief(documents)
    assert fragment in str(e.value)


@pytest.mark.parametrize("options, fragment", [
    ({"words": 0}, "words must be"),
    ({"words": "100"}, "words must be"),
    ({"sentences": -1}, "sentences must be"),
    ({"wordz": 100}, "unknown option wordz="),
    ({"summarizer": ["centroid"]}, "summarizer= must be str"),
    ({"summarizer": "nope"}, "unknown summarizer"),
    ({"query": 5}, "query= must be str or None"),
    ({"keep_all": "yes"}, "keep_all= must be bool"),
    ({"min_documents": 0}, "min_documents= must be at least 1"),
])
def test_bad_options_say_so_in_python_terms(options, fragment):
    with pytest.raises(InputError) as e:
        newsweave.brief([A, B], **options)
    assert fragment in str(e.value) and "--" not in str(e.value)


def test_generators_and_mappings_are_fine():
    assert newsweave.brief(t for t in [A, B]).summary
    assert newsweave.brief({"a": A, "b": B}).summary


def test_load_and_run_misuse(tmp_path):
    for bad in (None, 3, [3], b"x"):
        with pytest.raises(InputError):
            newsweave.load(bad)
    with pytest.raises(InputError, match="run\\(\\) takes a list of Documents"):
        newsweave.run("text")
    with pytest.raises(InputError, match="documents\\[0\\] is str"):
        newsweave.run([A, B])
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    assert newsweave.run(newsweave.load(tmp_path)).summary  # a Path is a path


def test_jsonl_choice_is_named_cluster_id(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "x", "documents": ["a"]}\n{"id": "y", "documents": ["b"]}\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        newsweave.load(str(f))
    assert "cluster_id=" in str(e.value) and "--id" not in str(e.value)


# ---- a large cluster of short articles fills its budget (item 6)

LEADS = ["The river Wend burst its banks in Marlow on Monday after heavy rain.",
         "Floodwater from the Wend swamped the centre of Marlow on Monday morning.",
         "Heavy rain sent the river Wend into the streets of Marlow on Monday."]
FACTS = ["Twelve people were rescued from rooftops.", "Crews saved {n} people by boat.",
         "About {h} homes were flooded.", "The mayor called in the army.", "Schools stay shut until Thursday.",
         "More rain is forecast.", "The Oxford railway line is closed.", "Volunteers filled sandbags overnight.",
         "Insurers expect large claims.", "A shelter opened at the sports centre.",
         "Engineers will inspect the old bridge.", "A severe flood warning is in force.",
         "Power is out in {p} homes.", "Residents said warnings came late.", "The prime minister will visit.",
         "Water levels fell on Tuesday.", "Two care homes were evacuated.", "Roads into town are blocked.",
         "Police urged drivers to stay away.", "The council set up a helpline.", "A farmer lost forty sheep.",
         "The football ground is under water.", "Bus services were suspended.", "A pub served free soup.",
         "Army trucks brought drinking water.", "The hospital postponed operations.",
         "Anglers found a stranded swan.", "Churches opened their halls.", "A bakery flooded for the third time.",
         "Hydrologists measured a record level."]


def short_articles(n=300, seed=6):
    # The boat crews save 10 or 14, never 12: "Crews saved 12 people by boat" may well be the
    # "Twelve people were rescued from rooftops" of another outlet, and the summary says it once.
    import random

    rnd = random.Random(seed)
    return [" ".join([rnd.choice(LEADS)] + [f.format(n=rnd.choice([10, 14]), h=rnd.choice([200, 250]),
                                                     p=rnd.choice([1500, 2000])) for f in rnd.sample(FACTS, 3)])
            for _ in range(n)]


def test_300_short_articles_fill_the_word_budget():
    b = newsweave.brief(short_articles(), words=200, analyze=False)
    words = sum(s.sentence.words for s in b.summary)
    texts = [s.sentence.text for s in b.summary]
    assert 150 <= words <= 200, words  # it stopped at 25 words: short sentences were never taken
    # What the pile says, all of it, once: every fact, and one of the three leads (which say
    # one thing in three ways). Nothing more is left to say, so the last words stay free.
    assert all(any(t.startswith(f.split("{")[0]) for t in texts) for f in FACTS), texts
    assert sum(t in LEADS for t in texts) == 1, texts
    bullets = [line for line in b.to_markdown().splitlines() if line.startswith("- ")][:len(b.summary)]
    assert all(line.count("doc") <= 4 for line in bullets)  # its citation, three also_in, "and N more"


def test_in_a_large_cluster_also_in_never_joins_two_towns():
    # item 6: "the Red Cross ... in Aleppo" was "also in" an article that says Hama
    import random

    rnd = random.Random(7)
    towns = ["Velmar", "Ostrany"]
    articles = [" ".join([f"A Red Cross convoy reached families in {town} on Tuesday, its spokesman said."]
                         + rnd.sample(FACTS[:12], 3)) for town in towns for _ in range(40)]
    b = newsweave.brief(articles, words=200, analyze=False)
    checked = 0
    for s in b.summary:
        here = [t for t in towns if t in s.sentence.text]
        for sup in s.support:
            assert not here or all(t in sup.text for t in here), (s.sentence.text, sup.text)
            checked += bool(here)
    assert checked  # the convoy sentence is in the summary, with support from its own town
