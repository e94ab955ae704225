"""Relevance: off-topic, dead-page and different-event documents are set aside, with a reason."""

import newsweave
from newsweave.model import Status

from conftest import EXAMPLE

FLOOD = [
    "Floodwater swept through the riverside town of Marlow on Monday after the Tessel burst its "
    "banks, forcing hundreds of residents from their homes. Rescue crews lifted twelve people from "
    "rooftops overnight, the fire service said. The river rose two metres in six hours.",
    "Hundreds of Marlow residents were evacuated on Monday as the Tessel rose two metres and flooded "
    "the town centre. The fire service said twelve people were rescued from rooftops. Officials "
    "opened two shelters in the town's schools for evacuated families.",
    "The mayor of Marlow said on Tuesday that the flood had damaged more than 300 homes after the "
    "Tessel burst its banks. Twelve people had been rescued from rooftops, and the shelters in two "
    "schools were still housing evacuated residents as the river fell.",
]
FOOTBALL = ("Castlebury Rovers beat Dunmere Athletic 3-1 on Saturday, with Okafor scoring twice in the "
            "second half. The win keeps Rovers two points behind the league leaders. The manager "
            "praised his strikers after a difficult first half on a heavy pitch.")
DEAD = "404 Not Found\n\nThe page you are looking for might have been removed or is temporarily unavailable."


def _statuses(brief):
    return {d.id: (d.status, d.reason) for d in brief.documents}


def test_example_only_the_sports_report_is_set_aside(example_brief):
    aside = [d for d in example_brief.documents if d.status is Status.SET_ASIDE]
    assert [d.id for d in aside] == ["04_sports_desk.txt"]
    assert aside[0].reason.startswith("unrelated subject")
    # follow-ups one and two days after the breach all stay in
    assert all(d.status is Status.USED for d in example_brief.documents if d.id != "04_sports_desk.txt")
    assert all(d.relevance is not None for d in example_brief.documents)


def test_keep_all_brings_the_sports_report_back():
    b = newsweave.run(newsweave.load(str(EXAMPLE)), newsweave.Config(keep_all=True))
    assert all(d.status is Status.USED for d in b.documents)


def test_seeds_set_aside_the_2014_article_as_a_different_event(seeds_brief):
    aside = [d for d in seeds_brief.documents if d.status is Status.SET_ASIDE]
    assert [d.id[:3] for d in aside] == ["003"]
    reason = aside[0].reason
    assert reason.startswith("different event or time") and "May 2014" in reason and "2012" in reason
    assert all(d.status is Status.USED for d in seeds_brief.documents if not d.id.startswith("003"))
    assert all(not s.sentence.doc.startswith("003") for s in seeds_brief.summary)


def test_unrelated_document_set_aside():
    b = newsweave.brief(FLOOD + [FOOTBALL], words=80)
    st = _statuses(b)
    assert st["doc4"][0] is Status.SET_ASIDE and "unrelated subject" in st["doc4"][1]
    assert all(st[f"doc{i}"][0] is Status.USED for i in (1, 2, 3))


def test_dead_page_set_aside_as_such():
    b = newsweave.brief(FLOOD + [DEAD], words=80)
    st = _statuses(b)
    assert st["doc4"][0] is Status.SET_ASIDE and st["doc4"][1].startswith("dead or boilerplate-only page")


def test_dead_page_set_aside_even_among_two():
    b = newsweave.brief(FLOOD[:2] + [DEAD], words=80)
    assert _statuses(b)["doc3"][0] is Status.SET_ASIDE


LONG_FLOOD = " ".join(FLOOD) + (
    " Marlow's mayor, Ines Calloway, said the Tessel Valley Fire Service had worked through the night."
    " Calloway asked residents of the lower town to stay with relatives until engineers had inspected"
    " the Tessel embankment, which was built in 1962 and last strengthened eleven years ago. The"
    " Tessel Valley Fire Service said the water was expected to fall below the embankment by Thursday.")


def test_a_short_article_of_another_story_beside_a_long_one_is_set_aside():
    b = newsweave.brief([FOOTBALL, LONG_FLOOD], words=80)
    st = _statuses(b)
    assert st["doc1"][0] is Status.SET_ASIDE and st["doc1"][1].startswith("another story: it names no person")
    assert st["doc2"][0] is Status.USED
    assert {s.sentence.doc for s in b.summary} == {"doc2"}
    assert b.analysis.cautions == []  # one story left: nothing to caution about


def test_a_short_article_of_the_same_story_beside_a_long_one_stays():
    short = ("Ines Calloway, the mayor of Marlow, thanked volunteers who filled sandbags along the "
             "Tessel before dawn.")
    b = newsweave.brief([short, LONG_FLOOD], words=80)
    assert all(d.status is Status.USED for d in b.documents)


def test_two_document_clusters_of_like_length_never_set_aside_for_topic_or_time():
    b = newsweave.brief([FLOOD[0], FOOTBALL], words=80)
    assert all(d.status is Status.USED for d in b.documents)
    dated = [f"Tuesday 21 February 2012\n\n{FLOOD[0]}", f"Friday 9 May 2014\n\n{FLOOD[1]}"]
    b = newsweave.brief(dated, words=80)
    assert [d.date for d in b.documents] == ["2012-02-21", "2014-05-09"]
    assert all(d.status is Status.USED for d in b.documents)


def test_different_event_needs_a_majority_of_time_evidence():
    days = ["Monday 13 March 2023", "Tuesday 14 March 2023", "Monday 20 March 2023"]
    # a week apart: a follow-up, not another event
    b = newsweave.brief([f"{d}\n\n{t}" for d, t in zip(days, FLOOD)], words=80)
    assert all(d.status is Status.USED for d in b.documents)
    # two years later: another event
    days[2] = "Friday 9 May 2025"
    b = newsweave.brief([f"{d}\n\n{t}" for d, t in zip(days, FLOOD)], words=80)
    st = _statuses(b)
    assert st["doc3"][0] is Status.SET_ASIDE and "May 2025" in st["doc3"][1] and "March 2023" in st["doc3"][1]
    assert st["doc1"][0] is Status.USED and st["doc2"][0] is Status.USED
