"""Story grouping (newsweave.stories): events, copies, dead pages, the store, bad input."""

import json

import pytest

import newsweave
from newsweave.errors import InputError
from test_cli import assert_user_error, run_cli

# A fictional town, two floods four years apart: the same place and words, two events.
FLOOD_2019_A = ("Floodwater swept through the town of Marlow after the river Thame burst its banks, "
                "forcing four hundred residents from their homes. Emergency crews rescued twelve people "
                "from rooftops on Station Road, and the council opened the Wexham sports hall as a "
                "shelter. Mayor Ada Pryce asked the army for sandbags. The river rose two metres "
                "overnight after three days of rain, the Environment Agency said.")
FLOOD_2019_B = ("Rescue crews pulled twelve residents from rooftops in Marlow as the Thame rose two metres "
                "overnight. Mayor Ada Pryce said four hundred people had left their homes and slept in the "
                "Wexham sports hall. Soldiers arrived with sandbags on Tuesday, and the Environment Agency "
                "warned that more rain was coming. Station Road remains closed to traffic.")
FLOOD_2023 = ("Floodwater swept through Marlow again as the river Thame burst its banks after a week of "
              "rain. Residents of Station Road were moved to the Wexham sports hall, and Mayor Lionel Oduya "
              "asked for sandbags. The Environment Agency said the river rose one metre overnight; crews "
              "rescued three people from cars trapped near the bridge.")
# An unrelated story, and a wire copy of it under another headline with its ending trimmed.
COMET = ("Astronomers at the Kestrel Ridge observatory have found a comet that will pass closer to Earth "
         "than any in a century. The comet, named Varga-Osei after its two discoverers, is about nine "
         "kilometres wide and will be visible with binoculars in the southern sky next spring. "
         "Professor Lena Varga said the team first saw it on photographs taken for a survey of faint "
         "galaxies. Its orbit brings it past the Sun once every four thousand years.")
COMET_COPY = "Comet to light up southern skies\n\n" + COMET.rsplit(" Its orbit", 1)[0]
DEAD_PAGE = "Page not found. Please enable JavaScript and cookies to continue. Subscribe. Sign in. Menu."


def art(aid, text, date=None, title=None):
    return {"id": aid, "text": text, "date": date, "title": title}


def groups(result):
    return sorted(sorted(a["id"] for a in s["articles"]) for s in result["stories"])


PILE = [art("f19a", FLOOD_2019_A, "2019-03-04"), art("f19b", FLOOD_2019_B, "2019-03-05"),
        art("f23", FLOOD_2023, "2023-11-10"), art("comet", COMET, "2021-06-01"),
        art("comet-copy", COMET_COPY, "2021-06-02"), art("dead", DEAD_PAGE)]


def test_same_place_other_time_is_another_story_copies_and_dead_pages():
    result = newsweave.stories(PILE, briefs=False)
    assert result["schema_version"] == "1.1"
    assert groups(result) == [["comet", "comet-copy"], ["dead"], ["f19a", "f19b"], ["f23"]]
    comet = next(s for s in result["stories"] if len(s["articles"]) == 2 and s["articles"][0]["id"].startswith("comet"))
    assert {a["id"]: a["copy_of"] for a in comet["articles"]} == {"comet": None, "comet-copy": "comet"}
    # every article exactly once; biggest first; dates
    ids = [a["id"] for s in result["stories"] for a in s["articles"]]
    assert sorted(ids) == sorted(a["id"] for a in PILE)
    sizes = [len(s["articles"]) for s in result["stories"]]
    assert sizes == sorted(sizes, reverse=True)
    flood = next(s for s in result["stories"] if s["articles"][0]["id"] == "f19a")
    assert (flood["first_date"], flood["last_date"]) == ("2019-03-04", "2019-03-05")
    assert result["stories"][0]["articles"][0]["id"] == "comet"  # two of two-article stories: the newest first
    assert all(s["brief"] is None for s in result["stories"])


def test_the_date_words_of_an_undated_article_split_events_too():
    a = art("old", FLOOD_2019_A, "2019-03-04")
    b = art("new", FLOOD_2023 + " The town had not flooded since 2019; the 2023 repairs are not finished.")
    c = art("old2", FLOOD_2019_B + " It was the worst flood since 2007.", "2019-03-05")
    assert groups(newsweave.stories([a, b, c], briefs=False)) == [["new"], ["old", "old2"]]
    # years named only in the past say nothing against a later date
    d = art("old3", FLOOD_2019_B + " The last great flood was in 2018.")
    assert groups(newsweave.stories([a, d], briefs=False)) == [["old", "old3"]]


def test_a_retelling_that_names_only_older_years_joins_its_dated_story():
    from newsweave.stories.features import read_item
    from newsweave.stories.group import Params, group

    # undated, names only 2015 (when the wall was built): written in 2015 or later, maybe 2019
    a = art("dated", FLOOD_2019_A, "2019-03-04")
    retold = art("retold", FLOOD_2019_B + " The flood wall on Station Road was built in 2015.")
    assert groups(newsweave.stories([a, retold], briefs=False)) == [["dated", "retold"]]
    # the end of the year after the one named is only a guess, given way to one story's closeness
    strict = group([read_item(a), read_item(retold)], params=Params(years_yield=1.0)).assignment
    assert strict["dated"] != strict["retold"]
    # a year named after the date never gives way: 2023 is written in 2023 or later
    later = art("later", FLOOD_2023 + " The town had not flooded since 2019; the 2023 repairs are not finished.")
    assert groups(newsweave.stories([a, retold, later], briefs=False)) == [["dated", "retold"], ["later"]]


def test_briefs_and_single_article_story():
    result = newsweave.stories(PILE[:3], words=60, analyze=False)
    by_first = {s["articles"][0]["id"]: s for s in result["stories"]}
    brief = by_first["f19a"]["brief"]
    assert brief["schema_version"] and brief["summary"] and brief["update"] is None
    assert by_first["f23"]["brief"] is None  # a one-article story has no brief
    assert by_first["f19a"]["headline"]


def test_incremental_store_keeps_ids_and_briefs_what_is_new(tmp_path):
    db = str(tmp_path / "stories.db")
    first = newsweave.stories(PILE[:2] + PILE[3:4], db=db, words=80, analyze=False)
    ids = {s["articles"][0]["id"]: s["id"] for s in first["stories"]}
    flood_id = ids["f19a"]
    old_summary = {x["text"] for x in next(s for s in first["stories"] if s["id"] == flood_id)["brief"]["summary"]}
    third = art("f19c", "A week after the flood, Marlow counted the cost. Insurers estimate the damage at "
                "forty million pounds, and Mayor Ada Pryce said the Thame flood defences promised in 2012 "
                "were never built. The Wexham sports hall shelter closed on Sunday as the last residents "
                "of Station Road returned home to ruined kitchens and cellars full of mud.", "2019-03-11")
    second = newsweave.stories([third, art("comet-copy", COMET_COPY, "2021-06-02")], db=db, words=80,
                               analyze=False)
    by_id = {s["id"]: s for s in second["stories"]}
    assert set(by_id) == {flood_id, ids["comet"]}  # both joined stored stories: ids unchanged
    flood = by_id[flood_id]
    assert [a["id"] for a in flood["articles"]] == ["f19a", "f19b", "f19c"]
    update = flood["brief"]["update"]
    assert update is not None and update["previous_articles"] == 2
    assert all(x["text"] not in old_summary for x in update["sentences"])
    assert any(x["doc"] == "f19c" for x in update["sentences"])
    assert {a["id"]: a["copy_of"] for a in by_id[ids["comet"]]["articles"]}["comet-copy"] == "comet"
    # running again with the same article changes nothing; --all lists every story
    again = newsweave.stories([third], db=db, briefs=False, all_stories=True)
    assert {s["id"] for s in again["stories"]} == {flood_id, ids["comet"]}


def test_a_dated_article_without_a_title_gets_the_headline_its_text_starts_with():
    text = "Kestrel Ridge astronomers find comet Varga-Osei\n\n" + COMET
    result = newsweave.stories([{"id": "c1", "text": text, "date": "2021-06-01"}], briefs=False)
    article = result["stories"][0]["articles"][0]
    assert article["title"] == "Kestrel Ridge astronomers find comet Varga-Osei" and article["date"] == "2021-06-01"


def test_an_untitled_story_is_headed_by_its_first_sentence_not_by_debris_or_a_dateline():
    # a flattened page: a sign-up box, a player's label and a dateline before the first sentence
    text = ("Breaking News Emails Get breaking news alerts and special reports. The news and stories that "
            "matter, delivered weekday mornings. Media playback is unsupported on your device Media caption "
            "MARLOW (AP) — " + FLOOD_2019_A)
    result = newsweave.stories([art("f", text), art("g", FLOOD_2019_B)], briefs=False)
    assert result["stories"][0]["headline"] == (
        "Floodwater swept through the town of Marlow after the river Thame burst its banks, forcing four "
        "hundred residents from their ...")
    # each article's lead, the same first sentence, tells the untitled articles apart
    leads = {a["id"]: a["lead"] for a in result["stories"][0]["articles"]}
    assert leads["f"] == result["stories"][0]["headline"]
    assert leads["g"].startswith("Rescue crews pulled twelve residents from rooftops in Marlow")
    from newsweave.stories.render import to_markdown

    assert f"- f — “{leads['f']}”" in to_markdown(result)
    # a page that is all debris is headed by what it says, and has no lead
    dead = newsweave.stories([art("dead", DEAD_PAGE)], briefs=False)["stories"][0]
    assert dead["headline"].startswith("Page not found") and dead["articles"][0]["lead"] == ""


def test_articles_read_back_from_the_store_have_their_lead(tmp_path):
    db = str(tmp_path / "s.db")
    newsweave.stories([art("f19a", FLOOD_2019_A, "2019-03-04")], db=db, briefs=False)
    story = newsweave.stories([art("f19b", FLOOD_2019_B, "2019-03-05")], db=db, briefs=False)["stories"][0]
    assert {a["id"]: a["lead"][:30] for a in story["articles"]} == {
        "f19a": "Floodwater swept through the t", "f19b": "Rescue crews pulled twelve res"}


def test_bad_input():
    with pytest.raises(InputError, match="twice"):
        newsweave.stories([art("a", FLOOD_2019_A), art("a", FLOOD_2023)])
    with pytest.raises(InputError, match="text"):
        newsweave.stories([art("a", FLOOD_2019_A), {"id": "b"}])
    with pytest.raises(InputError, match='"date" must be a string'):
        newsweave.stories([{**art("a", FLOOD_2019_A), "date": 20190311}, art("b", FLOOD_2023)])
    single = newsweave.stories([art("only", COMET)])
    assert groups(single) == [["only"]] and single["stories"][0]["brief"] is None


def test_cli_jsonl_formats_and_errors(tmp_path):
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps({**a, "extra": 1}) + "\n" for a in PILE), encoding="utf-8")
    out = run_cli("stories", str(pile), "--no-briefs", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert sorted(a["id"] for s in data["stories"] for a in s["articles"]) == sorted(a["id"] for a in PILE)
    md = run_cli("stories", str(pile), "--no-briefs", "-o", str(tmp_path / "s.html"))
    assert md.returncode == 0 and "<h2>" in (tmp_path / "s.html").read_text()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": COMET}) + "\n" + json.dumps({"id": "y"}) + "\n")
    assert_user_error(run_cli("stories", str(bad)), "line 2", "text")
    dup = tmp_path / "dup.jsonl"
    dup.write_text(json.dumps({"id": "x", "text": COMET}) + "\n" + json.dumps({"id": "x", "text": FLOOD_2023}) + "\n")
    assert_user_error(run_cli("stories", str(dup)), "twice")
    typed = tmp_path / "typed.jsonl"
    typed.write_text(json.dumps({"id": "x", "text": COMET, "title": {"en": "Comet"}}) + "\n")
    assert_user_error(run_cli("stories", str(typed)), "line 1", '"title" must be a string')
    stdin = run_cli("stories", "-", "--no-briefs", "-f", "json", stdin=pile.read_bytes())
    assert len(json.loads(stdin.stdout)["stories"]) == 4


def test_seeds_split_into_their_two_events(seeds_dir):
    docs = newsweave.load(str(seeds_dir))
    result = newsweave.stories([{"id": d.id, "text": d.text, "title": d.title, "date": d.date} for d in docs],
                               briefs=False)
    assert sorted(len(s["articles"]) for s in result["stories"]) == [1, 4]
    alone = next(s for s in result["stories"] if len(s["articles"]) == 1)
    assert alone["first_date"].startswith("2014")


def test_briefs_run_on_the_batch_engine_alike_in_one_or_two_processes():
    one = newsweave.stories(PILE, words=80)
    two = newsweave.stories(PILE, words=80, jobs=2)
    strip = lambda r: [{**s, "brief": s["brief"] and {k: v for k, v in s["brief"].items() if k != "timings"}}
                       for s in r["stories"]]  # noqa: E731
    assert strip(one) == strip(two)
    assert any(s["brief"] for s in two["stories"])


def test_an_update_keeps_new_news_about_the_same_names_and_drops_a_fact_retold():
    from newsweave.stories.build import update_of

    def brief(*texts):
        return {"summary": [{"text": t, "doc": "d", "start": i, "end": i + 1} for i, t in enumerate(texts)],
                "stats": {"documents": 2}}

    before = brief("The Silver Tern ferry caught fire off Carrick Point on Monday with 212 passengers aboard.",
                   "All passengers were taken off the Silver Tern by lifeboats, the coastguard said.")
    after = brief("The Silver Tern ferry caught fire off Carrick Point on Monday with 212 passengers aboard.",
                  "Lifeboats took all the passengers off the Silver Tern, the coastguard said.",
                  "The Silver Tern ferry that caught fire off Carrick Point on Monday returned to service on Friday.")
    update = update_of(after, before, "2025-03-01T00:00:00Z")
    assert [s["text"] for s in update["sentences"]] == [after["summary"][2]["text"]]
    assert update["previous_articles"] == 2 and update_of(after, None, None) is None
    # (its content words overlap the first sentence's at cosine 0.74: the former rule, cosine >= 0.5, dropped it)


# One event told by many outlets: each piece retells four of these facts in its own order, and
# adds one line of its own. Every neighbour of such a piece is a story-mate: the words the
# neighbourhood shares (context.py) are the story's, and the story must stay whole.
STORM_FACTS = [
    "Storm Idris tore the roof off the Kelby ferry terminal on Thursday night.",
    "Winds of 140 kilometres an hour were measured at the Kelby lighthouse.",
    "The coastguard rescued nine fishermen whose trawler lost power off Kelby Point.",
    "Harbourmaster Nia Brannock closed the port until the storm passes.",
    "Eleven thousand homes on the Kelby peninsula lost electricity.",
    "The ferry company cancelled every crossing to the Skerrow islands.",
    "A falling tree crushed two cars on Harbour Street, but nobody was hurt.",
    "Forecasters said Storm Idris would weaken as it moved inland on Friday.",
    "Schools across the peninsula stayed closed and the council opened a rest centre.",
    "Insurers warned that the damage to the terminal could take months to repair.",
    "Linesmen from three counties were sent to restore power to the peninsula.",
    "Brannock said the breakwater held, which saved the marina from worse damage.",
]
OWN_LINES = ["Our reporter watched waves break over the promenade.", "Readers sent photographs of the flooded car park.",
             "The mayor thanked the volunteers who filled sandbags.", "Train services were also disrupted.",
             "A local baker handed out bread at the rest centre.", "Cafes on the seafront stayed shut.",
             "The storm was named last Monday by the weather service.", "Ferry passengers slept in the terminal cafe.",
             "Photographs showed the roof lying in the car park.", "Anglers had been warned to stay ashore.",
             "The lifeboat crew has been out three times this week.", "Residents compared it with the storm of 1987.",
             "Some roads were blocked by fallen branches.", "Power cuts also hit the hospital, which ran on generators."]


OUTLETS = ["the Courier", "the Gazette", "the Herald", "the Post", "the Echo", "the Mercury", "the Sentinel",
           "the Tribune", "the Chronicle", "the Observer", "the Examiner", "the Argus", "the Advertiser", "the Star"]


def test_a_story_told_by_many_outlets_stays_one_story():
    # each outlet words the facts its own way (a sentence in four or more pieces is boilerplate)
    pieces = [art(f"storm{i:02d}", " ".join([STORM_FACTS[(i + 5 * j) % 12][:-1] + f", {OUTLETS[i]} said."
                                             for j in range(4)] + [OWN_LINES[i]])) for i in range(14)]
    result = newsweave.stories(pieces + PILE, briefs=False)
    storm = [g for g in groups(result) if g[0].startswith("storm")]
    assert storm == [[p["id"] for p in pieces]]
    assert ["comet", "comet-copy"] in groups(result) and ["f23"] in groups(result)


def test_words_the_neighbourhood_shares_weigh_less():
    from scipy.sparse import csr_matrix

    from newsweave.stories.context import neighbourhoods, reweigh, reweigh_rows, weights

    # b is a's closest (0.5) but so close it is taken for the same story: not context
    hoods = neighbourhoods({("a", "b"): 0.5, ("a", "c"): 0.2, ("b", "c"): 0.1, ("a", "d"): 0.05}, ["a", "b", "c"],
                           k=2, same_story=0.4)
    assert hoods == {"a": ["c"], "b": ["c"], "c": ["a", "b"]}
    # two of four neighbours name the mayor, one the town; the event word is the article's own
    f = weights({"pryce", "marlow", "flood"}, [{"pryce", "marlow"}, {"pryce"}, {"trial"}], k=4,
                power=0.5)
    assert f == pytest.approx({"pryce": 0.5 ** 0.5, "marlow": 0.75 ** 0.5})
    v = reweigh({"pryce": 0.6, "flood": 0.8}, {"pryce": 0.5})
    assert v["flood"] > 0.8 and sum(x * x for x in v.values()) == pytest.approx(1.0)
    m = reweigh_rows(csr_matrix([[0.6, 0.8], [1.0, 0.0]]), {0: {0: 0.5}})
    assert m.toarray()[0] == pytest.approx([0.3 / 0.8544, 0.8 / 0.8544], abs=1e-4)
    assert m.toarray()[1] == pytest.approx([1.0, 0.0])


def test_the_event_model_rescores_only_the_doubtful_edges():
    import numpy as np
    from scipy.sparse import csr_matrix

    from newsweave.stories import event

    # a and b share a rare word (in 2 articles), in both leads; a and c a word 60 articles have
    P = csr_matrix(np.array([[0.6, 0.8, 0.0, 0.0], [0.6, 0.0, 0.8, 0.0], [0.0, 0.8, 0.0, 0.6]]))
    L = csr_matrix(np.array([[1, 0, 0, 0], [1, 0, 1, 0], [0, 1, 0, 0.0]]))
    prep = event.prepare(P, P, {}, L, np.array([2, 60, 1, 1]), np.zeros(4), np.zeros(3, dtype=int))
    X = event.features(prep, np.array([0, 0]), np.array([1, 2]))
    assert X.shape == (2, len(event.NAMES))
    assert X[:, 0] == pytest.approx([0.36, 0.64])
    X[:, :2] = 0.2  # at one cosine, the rare shared word and the lead say "one event" more
    p = event.probability(X)
    assert 0 < p[1] < p[0] < 1
    out = event.rescore(np.array([0.02, 0.3, 0.64]), prep, np.array([0, 0, 0]), np.array([1, 1, 2]))
    assert out[0] == 0.02 and out[2] == 0.64  # below and above the zone: as they were
    p = event.probability(event.features(prep, np.array([0]), np.array([1])))
    assert out[1] == pytest.approx(event.SCALE * (p[0] / event.P_AT_THRESHOLD) ** event.POWER)
