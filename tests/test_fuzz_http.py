"""Fuzzing the HTTP API (Hypothesis, through FastAPI's test client): whatever a client sends,
the answer is a brief (200/201) or a 4xx with a one-line JSON ``detail``, never a 5xx or an
exception; every cited sentence stands verbatim at its offsets in the returned text; every
201 can be read back with GET.

Bounded: derandomized, a fixed number of examples per test, the whole file well under 30 s.
``NEWSWEAVE_FUZZ_SCALE=10`` runs ten times as many (random, not derandomized) examples, to
hunt for new failures; each one found is kept below as an ``@example``.
"""

from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e .)")
hypothesis = pytest.importorskip("hypothesis", reason="pip install -e '.[test]'")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, event, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsweave.web import create_app  # noqa: E402

SCALE = int(os.environ.get("NEWSWEAVE_FUZZ_SCALE", "1"))


def fuzz(examples: int):
    return settings(max_examples=examples * SCALE, deadline=None, derandomize=SCALE == 1,
                    database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "briefs.sqlite3"
    with TestClient(create_app(db)) as c:  # a server exception fails the test
        yield c


# ---- what is sent ------------------------------------------------------------------------

# A story of my own, sentence by sentence, so that many fuzzed clusters can still be briefed.
STORY = [
    "A landslide blocked the mountain railway near Orlen on Sunday morning.",
    "Two carriages were derailed and eleven passengers were taken to hospital, officials said.",
    "The rail operator said the line would stay closed until at least Wednesday.",
    "\u201cWe heard a roar and then the windows went dark,\u201d said passenger Ines Varga.",
    "Heavy rain had loosened the slope above the tracks for three days, forecasters said.",
    "Engineers from the regional transport agency inspected the cutting on Monday.",
    "Buses will replace trains between Orlen and Kessel while the debris is cleared.",
    "The mayor of Orlen, Piet Anders, called for a review of slope monitoring.",
]
ODD = ["\ud800", "\udfff", "\udbff\udc00", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
       "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\u0301", "\u0338",
       "\u20dd", "\u0e49", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r",
       "\ufffd", "\uffff", "\U0001f600", "\U0001f1fa\U0001f1e6", "\u05e9\u05dc\u05d5\u05dd",
       "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u6587", "\u00e9", "e\u0301", "\u00a0", "\t"]
odd_text = st.lists(st.sampled_from(ODD) | st.characters(), max_size=30).map("".join)
TAGS = ["<p>", "</p>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<div",
        "<!-- c -->", "<![CDATA[x]]>", "&amp;", "&#xD800;", "&#0;", "&lt;script&gt;", "<br/>",
        "<html><head><title>T</title></head><body>", "</body></html>", "<style>p{}</style>",
        "<a href='javascript:alert(1)'>x</a>", "<?xml version='1.0'?>", "<!DOCTYPE html>"]
html_bits = st.sampled_from(TAGS)
piece = st.sampled_from(STORY) | odd_text | html_bits
article_text = st.lists(piece, min_size=0, max_size=10).map(" ".join)
doc_id = st.none() | st.sampled_from(["a.txt", "b.html", "c.md", "d.jsonl", "../../etc/passwd",
                                      "x.pdf", "", " "]) | odd_text
article = st.fixed_dictionaries({"text": article_text}, optional={"id": doc_id})

json_scalar = (st.none() | st.booleans() | st.integers(-2**70, 2**70) |
               st.floats(allow_nan=False) | odd_text)
json_value = st.recursive(json_scalar, lambda inner: st.lists(inner, max_size=4) |
                          st.dictionaries(odd_text, inner, max_size=4), max_leaves=12)
FIELDS = ["documents", "words", "sentences", "query", "keep_all", "summarizer", "extends", "save"]
wrong_body = st.dictionaries(st.sampled_from(FIELDS) | odd_text, json_value, max_size=6)


def send(client, body, raw: bytes | None = None):
    """POST a body (JSON with \\u escapes, so a lone surrogate can travel) and check the
    answer; returns the response."""
    raw = raw if raw is not None else json.dumps(body).encode()
    r = client.post("/api/brief", content=raw, headers={"content-type": "application/json"})
    assert r.status_code in (200, 201) or 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    event(f"HTTP {r.status_code}")  # --hypothesis-show-statistics shows how many of each
    answer = r.json()
    if r.status_code >= 400:
        assert isinstance(answer["detail"], str) and answer["detail"] and "\n" not in answer["detail"]
        return r
    texts = {d["id"]: d["text"] for d in answer["documents"]}
    for s in answer["summary"]:
        assert texts[s["doc"]][s["start"]:s["end"]] == s["text"]
        for p in s.get("support") or []:
            assert texts[p["doc"]][p["start"]:p["end"]] == p["text"]
    if r.status_code == 201:
        again = client.get(r.headers["location"])
        assert again.status_code == 200 and again.json() == answer
    else:
        assert answer["saved"] is None and "location" not in r.headers
    return r


# ---- the tests ----------------------------------------------------------------------------

@fuzz(40)
@given(docs=st.lists(article, min_size=0, max_size=5), words=st.none() | st.integers(1, 400),
       save=st.booleans())
@example(docs=[{"text": "Syrian rebels \ud800 retreated from Baba Amr on Thursday."},
               {"text": "Syrian rebels withdrew from Baba Amr, activists said."}], words=None, save=True)
@example(docs=[{"id": "\udc80.txt", "text": " ".join(STORY[:4])},
               {"id": "b\u202e.txt", "text": " ".join(STORY[2:])}], words=60, save=True)
@example(docs=[{"text": "\u200b".join(STORY)}, {"text": "<p>" + "</p><p>".join(STORY) + "</p>"}],
         words=None, save=True)
def test_articles_of_odd_unicode_and_html(client, docs, words, save):
    body = {"documents": docs, "save": save}
    if words is not None:
        body["words"] = words
    send(client, body)


@fuzz(25)
@given(story=st.permutations(STORY), noise=st.lists(odd_text | html_bits, min_size=1, max_size=6),
       cut=st.integers(2, 4), query=st.none() | odd_text)
def test_a_real_story_with_noise_is_briefed(client, story, noise, cut, query):
    """Noise put into a briefable story must not break the brief (or its offsets)."""
    docs = [{"text": " ".join(story[:4]) + " " + " ".join(noise)},
            {"text": " ".join(noise[::-1]) + " " + " ".join(story[cut:])}]
    r = send(client, {"documents": docs, "query": query, "sentences": 3})
    assert r.status_code in (201, 422)


@fuzz(150)
@given(body=json_value | wrong_body)
@example(body={"documents": [{"text": "a"}, {"text": "b"}], "words": True})
@example(body={"documents": [{"text": "a"}, {"text": "b"}], "words": 2**70})
@example(body={"documents": [{"text": "a"}, {"text": "b"}], "extends": "\ud800" * 9})
@example(body={"extends": "AAAAAAAAAAAA"})
@example(body={"documents": {"text": "a"}})
def test_any_json_body(client, body):
    send(client, body)


@fuzz(150)
@given(raw=st.binary(max_size=200) | st.sampled_from([
    b"", b"null", b"[]", b"{", b"\xff\xfe{\x00}\x00", b"\xef\xbb\xbf{}", b'{"documents": NaN}',
    b'{"words": Infinity}', b'{"documents": [], "documents": []}', b"[" * 5000 + b"]" * 5000,
    b'{"documents": [{"text": "\\ud800\\udc00\\udc00"}]}', b'"\\u0000"', b"1e999999"]))
@example(raw=b'{"a":' * 2000 + b"1" + b"}" * 2000)
def test_any_bytes_as_the_body(client, raw):
    send(client, None, raw=raw)


# ---- the Stories API (POST /api/stories) ---------------------------------------------------

STORY_FIELDS = ["articles", "jsonl", "words", "sentences", "query", "keep_all", "summarizer", "briefs",
                "extends", "save"]
wrong_stories_body = st.dictionaries(st.sampled_from(STORY_FIELDS) | odd_text, json_value, max_size=6)
story_article = st.fixed_dictionaries({"text": article_text}, optional={
    "id": doc_id, "title": st.none() | odd_text, "date": st.none() | odd_text | st.sampled_from(
        ["2025-03-03", "2025-02-30", "2025-03-03T10:00:00Z", "0000-00-00", "9999-12-31"])})
jsonl_line = (st.fixed_dictionaries({"text": article_text}, optional={"id": json_scalar, "title": json_value,
                                                                      "date": json_value}).map(json.dumps)
              | odd_text | st.sampled_from(["", "{", "[]", "null", '{"text": 3}']))
jsonl_file = st.fixed_dictionaries({"text": st.lists(jsonl_line, max_size=4).map("\n".join)},
                                   optional={"name": odd_text})


def send_stories(client, body, raw: bytes | None = None):
    """POST a body to /api/stories and check the answer: a 4xx with one line, or the stories,
    every readable article in exactly one story, every cited sentence at its offsets."""
    raw = raw if raw is not None else json.dumps(body).encode()
    r = client.post("/api/stories", content=raw, headers={"content-type": "application/json"})
    assert r.status_code in (200, 201) or 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    event(f"HTTP {r.status_code}")
    answer = r.json()
    if r.status_code >= 400:
        assert isinstance(answer["detail"], str) and answer["detail"] and "\n" not in answer["detail"]
        return r
    ids = [a["id"] for s in answer["stories"] for a in s["articles"]]
    assert len(ids) == len(set(ids)) >= 2
    assert not set(ids) & {s["id"] for s in answer["skipped"]}
    for s in answer["stories"]:
        if s["brief"]:
            texts = {d["id"]: d["text"] for d in s["brief"]["documents"]}
            for x in s["brief"]["summary"]:
                assert texts[x["doc"]][x["start"]:x["end"]] == x["text"]
    if r.status_code == 201:
        again = client.get(r.headers["location"])
        assert again.status_code == 200
        assert again.json() == answer
    return r


@fuzz(25)
@given(articles=st.lists(story_article, min_size=2, max_size=5), jsonl=st.lists(jsonl_file, max_size=2),
       briefs=st.booleans())
@example(articles=[{"id": "a.txt", "text": " ".join(STORY[:5]), "date": "2025-02-30"},
                   {"id": "b.txt", "text": " ".join(STORY[3:]), "title": "\ud800"}],
         jsonl=[{"name": "\udc80", "text": json.dumps({"id": "a.txt#1", "text": " ".join(STORY)})}],
         briefs=True)
def test_piles_of_odd_articles_are_grouped(client, articles, jsonl, briefs):
    send_stories(client, {"articles": articles, "jsonl": jsonl, "briefs": briefs, "sentences": 2})


@fuzz(100)
@given(body=json_value | wrong_stories_body)
@example(body={"articles": [{"text": "a"}, {"text": "b"}], "briefs": 1})
@example(body={"extends": "AAAAAAAAAAAA"})
@example(body={"jsonl": [{"text": '{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}'}]})
@example(body={"jsonl": [{"text": "\n".join(json.dumps({"id": i, "text": " ".join(STORY), "title": {"a": 1}})
                                          for i in "ab")}], "briefs": False})  # was a 500
def test_any_json_body_to_stories(client, body):
    send_stories(client, body)
