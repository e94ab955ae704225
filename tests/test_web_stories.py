"""The Stories API of ``newsweave serve`` (POST /api/stories, GET /api/stories[/{id}]): a pile
of articles written for these tests (two events, one with a wire copy, and an article on its
own) grouped, saved, shared and extended; every bad input a 4xx with a one-line message."""

from __future__ import annotations

import importlib
import json

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e .)")
from fastapi.testclient import TestClient  # noqa: E402

import newsweave  # noqa: E402
from newsweave.web import common  # noqa: E402
from newsweave.web import create_app  # noqa: E402

# ---- the pile: fictional, written for these tests ------------------------------------------

FERRY_WIRE = """Fire forces evacuation of ferry off Port Alder

PORT ALDER, March 3 (Northwire) - A fire broke out in the engine room of the passenger ferry \
Silver Tern off Port Alder on Tuesday, forcing the evacuation of 212 passengers and crew, the \
coastguard said.

Lifeboats and two fishing vessels took passengers off the ship about four miles from the \
harbour, coastguard spokeswoman Lena Morrow said. Nine people were treated for smoke inhalation.

The ferry operator, Alder Line, said the fire was put out by the crew within an hour and the \
ship would be towed into port for inspection. The cause of the fire was not yet known.
"""
# the same wire story, printed by another outlet under its own headline
FERRY_COPY = FERRY_WIRE.replace("Fire forces evacuation of ferry off Port Alder",
                                "212 taken off burning ferry near Port Alder")
FERRY_LOCAL = """Ferry passengers describe smoke and fear off Port Alder

Passengers on the Silver Tern ferry said smoke filled the lower deck minutes after the engine \
room fire began on Tuesday morning.

"We could taste the smoke before the alarm went off," said Daniel Okafor, who was travelling \
with his two children. The coastguard said 212 people were evacuated by lifeboats and fishing \
boats, and nine were treated for smoke inhalation.

Alder Line said the ferry would be inspected in Port Alder before it returned to service, and \
that crossings would be covered by a chartered vessel. Harbour officials said the ship was \
towed in late on Tuesday.
"""
BRIDGE_A = """Bridge collapse cuts main road to Kessford

KESSFORD, March 5 - A section of the old river bridge at Kessford collapsed into the Lune on \
Thursday night after days of flooding, cutting the main road into the town, police said.

No one was on the bridge when it fell, but a delivery van stopped only metres from the gap, its \
driver told local radio. Engineers said the flood water had scoured the foundations of the \
central pier.

The county council said a diversion of twenty miles was in place and a temporary crossing could \
take months to build.
"""
BRIDGE_B = """Kessford bridge falls into flooded river

The central span of Kessford's river bridge fell into the swollen Lune late on Thursday, leaving \
the town cut off from the main road, the county council said on Friday.

Council engineers said flood water had undermined the foundations of the central pier. A van \
driver said he braked just in time as the road ahead disappeared.

Residents face a twenty-mile diversion. The council said it would ask the government for \
emergency funds to build a temporary bridge.
"""
CHESS = """Teenager wins Northcliff chess open

Sixteen-year-old Maya Lindqvist won the Northcliff chess open on Sunday, beating three \
grandmasters on her way to the title. She said she had prepared for the final round by studying \
endgames with her coach for a month.
"""
# two days on: what the first reports could not say
FERRY_LATER = """Leaking fuel pipe blamed for Silver Tern blaze

Investigators blamed a leaking fuel pipe for the blaze, the shipping company said on Friday, and \
all three of its vessels will have their pipes replaced by the end of the month.

The Silver Tern returned to service on Friday. The coastguard praised the crew who evacuated \
212 people.
"""
FERRY = [{"id": "wire.txt", "text": FERRY_WIRE, "date": "2025-03-03"},
         {"id": "copy.txt", "text": FERRY_COPY, "date": "2025-03-03"},
         {"id": "local.txt", "text": FERRY_LOCAL, "date": "2025-03-04"}]
BRIDGE = [{"id": "bridge-a", "text": BRIDGE_A, "date": "2025-03-06", "title": "Bridge collapse cuts main road to Kessford"},
          {"id": "bridge-b", "text": BRIDGE_B, "date": "2025-03-07"}]
BRIDGE_JSONL = "\n".join(json.dumps(a) for a in BRIDGE) + "\n"
PILE = FERRY + BRIDGE + [{"id": "chess.txt", "text": CHESS}]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "briefs.sqlite3"


@pytest.fixture
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The pile posted once (articles as a list, the bridge as a JSONL file), with briefs."""
    path = tmp_path_factory.mktemp("stories") / "briefs.sqlite3"
    with TestClient(create_app(path)) as c:
        r = c.post("/api/stories", json={"articles": FERRY + [{"id": "chess.txt", "text": CHESS}],
                                         "jsonl": [{"name": "bridge.jsonl", "text": BRIDGE_JSONL}],
                                         "words": 80})
    return path, r


def groups(body) -> list[list[str]]:
    return [sorted(a["id"] for a in s["articles"]) for s in body["stories"]]


def detail(r) -> str:
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"] and "\n" not in body["detail"]
    return body["detail"]


# ---- success ---------------------------------------------------------------------------

def test_the_pile_is_grouped_into_its_stories(made):
    _, r = made
    assert r.status_code == 201, r.text
    body = r.json()
    saved = body["saved"]
    assert r.headers["location"] == saved["api"] == f"/api/stories/{saved['id']}"
    assert saved["url"] == f"/s/{saved['id']}" and saved["articles"] == 6 and saved["stories"] == 3
    # biggest first; every article in exactly one story; the two events apart
    assert groups(body) == [["copy.txt", "local.txt", "wire.txt"], ["bridge-a", "bridge-b"], ["chess.txt"]]
    ferry, bridge, chess = body["stories"]
    assert body["schema_version"] == newsweave.stories.__globals__["SCHEMA_VERSION"]
    # the wire copy is marked, as a copy of the other printing
    copies = {a["id"]: a["copy_of"] for a in ferry["articles"]}
    assert sorted(copies.items()) == [("copy.txt", "wire.txt"), ("local.txt", None), ("wire.txt", None)]
    assert all(a["copy_of"] is None for a in bridge["articles"] + chess["articles"])
    # headlines, sizes and dates
    assert ferry["headline"] == "Fire forces evacuation of ferry off Port Alder"
    assert bridge["headline"] == "Bridge collapse cuts main road to Kessford"
    assert chess["headline"] == "Teenager wins Northcliff chess open"
    assert (ferry["first_date"], ferry["last_date"]) == ("2025-03-03", "2025-03-04")
    assert (bridge["first_date"], bridge["last_date"]) == ("2025-03-06", "2025-03-07")
    assert (chess["first_date"], chess["last_date"]) == (None, None)
    # the title given, and the headline the second article's text starts with (it gave none)
    assert [a["title"] for a in bridge["articles"]] == ["Bridge collapse cuts main road to Kessford",
                                                        "Kessford bridge falls into flooded river"]
    # a brief for each story of two or more articles, saved as a brief of its own
    assert chess["brief"] is None and chess["saved_brief"] is None
    for story in (ferry, bridge):
        brief = story["brief"]
        texts = {d["id"]: d["text"] for d in brief["documents"]}
        assert set(texts) == {a["id"] for a in story["articles"]}
        assert brief["summary"] and brief["stats"]["summary_words"] <= 80 + 40
        for s in brief["summary"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["text"]
        link = story["saved_brief"]
        assert link["url"] == f"/b/{link['id']}" and link["api"] == f"/api/briefs/{link['id']}"
    assert body["skipped"] == []


def test_the_same_stories_as_the_python_api(made):
    """The grouping is ``newsweave.stories``' (the headlines differ: here they are the briefs')."""
    _, r = made
    body = r.json()
    direct = newsweave.stories(PILE, briefs=False)
    assert groups(body) == groups(direct)
    assert [(s["id"], s["first_date"], s["last_date"]) for s in body["stories"]] == \
           [(s["id"], s["first_date"], s["last_date"]) for s in direct["stories"]]
    assert [[(a["id"], a["date"], a["copy_of"]) for a in s["articles"]] for s in body["stories"]] == \
           [[(a["id"], a["date"], a["copy_of"]) for a in s["articles"]] for s in direct["stories"]]


def test_a_saved_set_is_shared_and_read_back_after_a_restart(made):
    path, r = made
    body = r.json()
    with TestClient(create_app(path)) as c:  # a new app on the same database: a restart
        again = c.get(body["saved"]["api"])
        assert again.status_code == 200
        assert again.json() == body
        assert c.get(body["saved"]["url"]).status_code == 200  # the page
        assert "text/html" in c.get(body["saved"]["url"]).headers["content-type"]
        listed = c.get("/api/stories").json()
        assert listed == [{"id": body["saved"]["id"], "created": body["saved"]["created"], "parent": None,
                           "title": "Fire forces evacuation of ferry off Port Alder", "articles": 6,
                           "stories": 3, "dates": ["2025-03-03", "2025-03-07"]}]
        # each story's brief: a brief like any other, which knows its set
        ferry = body["stories"][0]
        brief = c.get(ferry["saved_brief"]["api"]).json()
        assert {k: v for k, v in brief.items() if k != "saved"} == ferry["brief"]
        assert brief["saved"]["story_set"] == {"id": body["saved"]["id"], "story": ferry["id"],
                                               "url": body["saved"]["url"]}
        assert brief["saved"]["article_ids"] == [a["id"] for a in ferry["articles"]]
        assert c.get(ferry["saved_brief"]["url"]).status_code == 200
        # story briefs are reached through their set: the recent briefs are the user's own
        assert c.get("/api/briefs").json() == []
        # and can be re-run like any brief
        rerun = c.post("/api/brief", json={"extends": ferry["saved_brief"]["id"], "sentences": 2})
        assert rerun.status_code == 201, rerun.text
        assert rerun.json()["saved"]["articles"] == 3 and rerun.json()["saved"]["story_set"] is None


def test_html_articles_are_read_and_unreadable_ones_listed(client):
    html = ("<html><head><title>Kessford bridge falls into flooded river</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in BRIDGE_B.split("\n\n")[1:]) + "</article></body></html>")
    r = client.post("/api/stories", json={"briefs": False, "articles": [
        {"id": "bridge-a.txt", "text": BRIDGE_A}, {"id": "bridge-b.html", "text": html},
        {"id": "blank.txt", "text": "  \n "}, {"id": "bin.txt", "text": "\x00\x01\x02" * 50}]})
    assert r.status_code == 201, r.text
    body = r.json()
    assert groups(body) == [["bridge-a.txt", "bridge-b.html"]]
    assert body["stories"][0]["brief"] is None and body["stories"][0]["saved_brief"] is None
    titles = {a["id"]: a["title"] for a in body["stories"][0]["articles"]}
    assert titles["bridge-b.html"] == "Kessford bridge falls into flooded river"
    skipped = {s["id"]: s["reason"] for s in body["skipped"]}
    assert set(skipped) == {"blank.txt", "bin.txt"} and "empty" in skipped["blank.txt"]
    assert client.get(body["saved"]["api"]).json()["skipped"] == body["skipped"]  # kept with the set


def test_grouping_only_and_unsaved(client):
    r = client.post("/api/stories", json={"articles": PILE, "briefs": False, "save": False})
    assert r.status_code == 200 and "location" not in r.headers
    body = r.json()
    assert body["saved"] is None and len(body["stories"]) == 3
    assert all(s["brief"] is None and s["saved_brief"] is None for s in body["stories"])
    assert client.get("/api/stories").json() == [] and client.get("/api/briefs").json() == []


def test_add_articles_to_a_saved_set(client):
    first = client.post("/api/stories", json={"articles": FERRY[:2] + BRIDGE[:1] + [{"id": "chess.txt", "text": CHESS}],
                                              "briefs": False}).json()
    ids = {tuple(sorted(a["id"] for a in s["articles"])): s["id"] for s in first["stories"]}
    r = client.post("/api/stories", json={"extends": first["saved"]["id"], "jsonl": [
        {"name": "more.jsonl", "text": json.dumps(FERRY[2]) + "\n" + json.dumps(BRIDGE[1]) + "\n"}]})
    assert r.status_code == 201, r.text
    second = r.json()
    assert second["saved"]["parent"] == first["saved"]["id"] and second["saved"]["articles"] == 6
    assert groups(second) == [["copy.txt", "local.txt", "wire.txt"], ["bridge-a", "bridge-b"], ["chess.txt"]]
    # a story that grew keeps its id
    assert second["stories"][0]["id"] == ids[("copy.txt", "wire.txt")]
    assert second["stories"][1]["id"] == ids[("bridge-a",)]
    assert all(s["brief"] is None for s in second["stories"])  # options not given: the old ones
    assert client.get(first["saved"]["api"]).json()["saved"]["children"] == [second["saved"]["id"]]
    again = client.post("/api/stories", json={"extends": first["saved"]["id"], "articles": [FERRY[0]]})
    assert again.status_code == 422 and "'wire.txt' is given twice" in detail(again)
    assert "already in the stories being extended" in detail(again)


def test_a_story_that_grew_gets_an_update(client):
    first = client.post("/api/stories", json={"articles": [FERRY[0], FERRY[2]] + BRIDGE}).json()
    r = client.post("/api/stories", json={"extends": first["saved"]["id"], "articles": [
        {"id": "later.txt", "text": FERRY_LATER, "date": "2025-03-07"}]})
    assert r.status_code == 201, r.text
    ferry, bridge = r.json()["stories"]
    before = {s["id"]: s for s in first["stories"]}  # two of two: the newer (the bridge) first
    assert [s["id"] for s in first["stories"]] == [bridge["id"], ferry["id"]]
    assert [a["id"] for a in ferry["articles"]] == ["wire.txt", "local.txt", "later.txt"]
    update = ferry["brief"]["update"]
    assert update["since"] == first["saved"]["created"] and update["previous_articles"] == 2
    summary = [(x["text"], x["doc"]) for x in ferry["brief"]["summary"]]
    assert update["sentences"] and all((x["text"], x["doc"]) in summary for x in update["sentences"])
    assert any("fuel pipe" in x["text"] for x in update["sentences"])
    told = {x["text"] for x in before[ferry["id"]]["brief"]["summary"]}
    assert not told & {x["text"] for x in update["sentences"]}
    assert bridge["brief"]["update"] is None  # it did not grow


def test_the_stories_wait_their_turn_like_briefs(db):
    """The grouping and its briefs take one turn of the gate briefs use: a server that is full
    answers at once, 503 with Retry-After, and the page keeps the articles."""
    with TestClient(create_app(db, concurrent_briefs=1, max_waiting_briefs=0)) as c:
        with c.app.state.admission.slot():  # a brief being made
            r = c.post("/api/stories", json={"articles": PILE})
            assert r.status_code == 503 and "busy" in detail(r) and int(r.headers["retry-after"]) >= 1
            assert c.get("/api/stories").status_code == 200  # reading is never refused
        assert c.post("/api/stories", json={"articles": PILE, "briefs": False}).status_code == 201


# ---- 4xx: one line, never a 5xx ----------------------------------------------------------

@pytest.mark.parametrize("body, status, says", [
    ({"jsonl": [{"name": "day.jsonl", "text": json.dumps(FERRY[0]) + '\n{"id": "x", "title": "no text"}\n'}]},
     422, 'day.jsonl line 2: no "text"'),
    ({"jsonl": [{"name": "day.jsonl", "text": json.dumps(FERRY[0]) + "\n{not json\n"}]}, 422, "day.jsonl line 2: not JSON"),
    ({"jsonl": [{"text": '["a list"]\n'}]}, 422, "articles.jsonl line 1: expected an object"),
    ({"jsonl": [{"text": json.dumps(BRIDGE[0]) + "\n\n" + json.dumps({**BRIDGE[1], "title": {"a": 1}})}]}, 422,
     'articles.jsonl line 3: "title" must be a string, not dict'),
    ({"jsonl": [{"text": json.dumps({**BRIDGE[0], "date": 20250306}) + "\n" + json.dumps(BRIDGE[1])}]}, 422,
     'articles.jsonl line 1: "date" must be a string, not int'),
    ({"articles": [FERRY[0], {**FERRY[1], "id": "wire.txt"}]}, 422, "article id 'wire.txt' is given twice"),
    ({"articles": FERRY, "jsonl": [{"text": json.dumps({"id": "copy.txt", "text": CHESS})}]}, 422,
     "article id 'copy.txt' is given twice"),
    ({}, 422, "no articles given"),
    ({"articles": [], "jsonl": [{"text": "\n\n"}]}, 422, "no articles given"),
    ({"articles": [FERRY[0]]}, 422, "only 1 readable article given"),
    ({"articles": [{"id": "a.txt", "text": " "}, {"id": "b.txt", "text": ""}]}, 422, "no readable article given"),
    ({"articles": [{"id": "a.txt", "text": " "}]}, 422, "no readable article given (a.txt is empty"),
    ({"articles": PILE, "summarizer": "nope"}, 422, "unknown summarizer 'nope'"),
    ({"articles": PILE, "words": 0}, 422, "words"),
    ({"articles": PILE, "briefs": "no"}, 422, "briefs"),
    ({"articles": [{"id": 3, "text": "a"}]}, 422, "articles.0.id"),
    ({"articles": [{"text": "a", "colour": "blue"}]}, 422, "articles.0.colour"),
    ({"jsonl": "a string, not a list of files"}, 422, "jsonl"),
    ({"articles": PILE, "extends": "AAAAAAAAAAAA"}, 404, "no saved stories 'AAAAAAAAAAAA'"),
], ids=["jsonl-no-text", "jsonl-not-json", "jsonl-not-object", "jsonl-title-type", "jsonl-date-type", "duplicate-id", "duplicate-across",
        "nothing", "empty-jsonl", "one-article", "none-readable", "one-unreadable", "summarizer",
        "words", "briefs-type", "id-type", "unknown-field", "jsonl-type", "extends-unknown"])
def test_bad_input_is_a_4xx_with_one_line(client, body, status, says):
    r = client.post("/api/stories", json=body)
    assert r.status_code == status, r.text
    assert says in detail(r)


def test_too_large(client, db, monkeypatch):
    monkeypatch.setattr(common, "MAX_ARTICLES_PER_REQUEST", 5)
    r = client.post("/api/stories", json={"articles": PILE})
    assert r.status_code == 413 and "6 articles is over the limit of 5" in detail(r)
    r = client.post("/api/stories", json={"articles": PILE[:3], "jsonl": [{"text": BRIDGE_JSONL * 2}]})
    assert r.status_code == 413  # JSONL lines count (before their ids are checked)
    monkeypatch.setattr(common, "MAX_DOCUMENT_CHARS", 500)
    r = client.post("/api/stories", json={"articles": PILE[:2]})
    assert r.status_code == 413 and "wire.txt has" in detail(r) and "limit for one article" in detail(r)
    with TestClient(create_app(db, max_body_bytes=2000)) as small:
        r = small.post("/api/stories", json={"articles": PILE})
        assert r.status_code == 413 and "limit" in detail(r)
    r = client.post("/api/stories", content=json.dumps({"articles": PILE}), headers={"content-type": "text/plain"})
    assert r.status_code == 415


def test_404s_and_bad_bodies(client):
    r = client.get("/api/stories/AAAAAAAAAAAA")
    assert r.status_code == 404 and "no saved stories" in detail(r)
    assert client.get("/api/stories/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/s/AAAAAAAAAAAA").status_code == 404  # the page, saying so
    assert client.get("/stories").status_code == 200
    assert client.get("/api/stories?limit=0").status_code == 422
    r = client.post("/api/stories", content=b'{"articles": [', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "not valid JSON" in detail(r)
    r = client.post("/api/stories", content=b"[" * 100_000 + b"]" * 100_000, headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_a_lone_surrogate_is_replaced_not_a_500(db):
    raw = (b'{"articles": [{"id": "a.txt", "text": "' + json.dumps(BRIDGE_A)[1:-1].encode()
           + b' \\udfff"}, {"id": "b.txt", "text": "\\ud800' + json.dumps(BRIDGE_B)[1:-1].encode() + b'"}]}')
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.post("/api/stories", content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 201, r.text
        body = r.json()
        assert groups(body) == [["a.txt", "b.txt"]]
        brief = c.get(body["stories"][0]["saved_brief"]["api"]).json()
        assert {d["id"]: d["text"][:1] for d in brief["documents"]}["b.txt"] == "\ufffd"
        assert c.get(body["saved"]["api"]).status_code == 200
        # in a field with a length limit it is refused, as in a brief's request: one line, 422
        r = c.post("/api/stories", content=raw.replace(b'"a.txt"', b'"a\\ud800.txt"'),
                   headers={"content-type": "application/json"})
        assert r.status_code == 422 and "articles.0.id" in detail(r)


def test_the_page_and_the_api_docs_know_the_stories(client):
    js = client.get("/static/stories.js")
    assert js.status_code == 200 and "innerHTML" not in js.text
    page = client.get("/stories").text
    assert "/static/stories.js" in page and 'id="stories-result"' in page
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{set_id}"} <= set(spec["paths"])
