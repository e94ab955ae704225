"""Copies are not corroboration: the same wire text in two outlets is counted once."""

from __future__ import annotations

import json

import pytest

import newsweave
from newsweave.clean import find_debris
from newsweave.copies import find_copies
from newsweave.ingest import documents_from_texts

WIRE = """Storm closes Penhallow harbour

PENHALLOW (Coastwire) - A winter storm closed the harbour at Penhallow on Friday after waves
broke over the sea wall and flooded the fish market, the port authority said.

Harbour master Ines Calloway said 14 trawlers had been moved to the inner basin overnight and
that no one had been hurt. "We have never seen the water this high in February," she said.

The coastguard said a yacht with two people aboard had been towed to safety near Gull Point
early on Friday morning. Both sailors were treated for cold at the lifeboat station.

Forecasters expect the wind to ease on Sunday, and the port authority said it hoped to reopen
the harbour to ferries on Monday once engineers had inspected the damaged sea wall.
"""

# The same wire story in another outlet: its own headline, its own page furniture, the last
# paragraph trimmed.
SYNDICATED = """Penhallow harbour shut as storm batters coast
Share this article

PENHALLOW (Coastwire) - A winter storm closed the harbour at Penhallow on Friday after waves
broke over the sea wall and flooded the fish market, the port authority said.

Harbour master Ines Calloway said 14 trawlers had been moved to the inner basin overnight and
that no one had been hurt. "We have never seen the water this high in February," she said.

The coastguard said a yacht with two people aboard had been towed to safety near Gull Point
early on Friday morning. Both sailors were treated for cold at the lifeboat station.
"""

# An outlet's own report of the same storm: the same facts in its own words, one quotation
# taken from the harbour master.
OWN_REPORT = """Fish market flooded as Penhallow battens down

Seawater poured into Penhallow's fish market on Friday when storm waves overtopped the sea
wall, and the port authority shut the harbour to all traffic.

Fourteen trawlers spent the night in the inner basin, according to harbour master Ines
Calloway. "We have never seen the water this high in February," she said, adding that the
ferry timetable would be decided after the weekend.

Two sailors whose yacht got into trouble near Gull Point were brought ashore by the coastguard
and warmed up at the lifeboat station, a spokesman said.
"""


def _docs(**texts):
    return documents_from_texts(list(texts.values()), list(texts))


def test_a_syndicated_copy_is_found_and_an_own_report_is_not():
    docs = _docs(**{"wire.txt": WIRE, "syndicated.txt": SYNDICATED, "own.txt": OWN_REPORT})
    for d in docs:
        d.removed = find_debris(d.text)
    assert {k: v[0] for k, v in find_copies(docs).items()} == {"syndicated.txt": "wire.txt"}


def test_the_brief_counts_a_copy_once_and_says_so():
    b = newsweave.brief({"wire.txt": WIRE, "syndicated.txt": SYNDICATED, "own.txt": OWN_REPORT},
                        analyze=False)
    copy = b.document("syndicated.txt")
    assert copy.copy_of == "wire.txt" and copy.status is newsweave.Status.SET_ASIDE
    assert "same wire copy as wire.txt" in copy.reason
    assert b.document("wire.txt").copy_of is None and b.document("own.txt").copy_of is None
    for s in b.summary:  # the copy neither speaks nor corroborates
        assert s.sentence.doc != "syndicated.txt" and "syndicated.txt" not in s.also_in
    data = json.loads(b.to_json())
    assert {d["id"]: d["copy_of"] for d in data["documents"]} == {
        "wire.txt": None, "syndicated.txt": "wire.txt", "own.txt": None}
    assert "same wire copy as wire.txt" in b.to_markdown()


def test_the_same_file_twice_is_not_two_sources():
    with pytest.raises(newsweave.InputError, match="b.txt is the same text as a.txt"):
        newsweave.brief({"a.txt": WIRE, "b.txt": WIRE})
    b = newsweave.brief({"a.txt": WIRE, "b.txt": WIRE, "own.txt": OWN_REPORT}, analyze=False)
    assert b.document("b.txt").reason == "identical to a.txt: counted once"
    assert all(s.also_in in ([], ["own.txt"], ["a.txt"]) for s in b.summary)
    assert not any("b.txt" in s.also_in for s in b.summary)


def test_an_earlier_article_is_the_original():
    later = SYNDICATED.replace("Share this article\n", "Published 3 February 2026\n")
    earlier = WIRE.replace("Storm closes Penhallow harbour\n", "Storm closes Penhallow harbour\n"
                           "Published 2 February 2026\n")
    b = newsweave.brief({"a.txt": later, "b.txt": earlier, "own.txt": OWN_REPORT}, analyze=False)
    assert b.document("a.txt").copy_of == "b.txt"  # dated earlier, though given second


def test_a_story_that_ran_twice_weighs_twice_in_the_centroid():
    import numpy as np

    from newsweave.pipeline import prepare

    docs = documents_from_texts([WIRE, SYNDICATED, OWN_REPORT], ["wire.txt", "syndicated.txt", "own.txt"])
    cluster = prepare(docs, newsweave.Config(analyze=False)).cluster
    assert cluster.weights == {"wire.txt": 2} and "syndicated.txt" not in cluster.doc_ids
    v = cluster.doc_vectors
    expected = (2 * v["wire.txt"] + v["own.txt"]) / 3
    assert np.allclose(cluster.centroid, expected / np.linalg.norm(expected), atol=1e-6)
