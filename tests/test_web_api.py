"""The HTTP API of ``newsweave serve``: success, every 4xx path, saved briefs across a restart."""

from __future__ import annotations

import json
import socket
import time

import pytest

fastapi = pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e .)")
from fastapi.testclient import TestClient  # noqa: E402

import newsweave  # noqa: E402
from newsweave.web import app as webapp  # noqa: E402
from newsweave.web import create_app  # noqa: E402

from conftest import EXAMPLE  # noqa: E402

EXAMPLE_DOCS = [{"id": f.name, "text": f.read_text(encoding="utf-8")}
                for f in sorted(EXAMPLE.iterdir()) if f.name != "ABOUT.md"]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "briefs.sqlite3"


@pytest.fixture
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def example_response(tmp_path_factory):
    """One brief of the built-in example, made once (a brief takes about a second)."""
    path = tmp_path_factory.mktemp("web") / "briefs.sqlite3"
    with TestClient(create_app(path)) as c:
        r = c.post("/api/brief", json={"documents": EXAMPLE_DOCS})
    return path, r


def post(client, **body):
    return client.post("/api/brief", json=body)


# ---- success ---------------------------------------------------------------------------

def test_brief_of_the_example_matches_the_cli_json(example_response):
    _, r = example_response
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["location"] == f"/api/briefs/{body['saved']['id']}"
    # The CLI's JSON (docs/brief-schema.md), plus "saved".
    cli = newsweave.run(newsweave.load(str(EXAMPLE))).to_dict()
    assert set(body) == set(cli) | {"saved"}
    assert body["schema_version"] == cli["schema_version"]
    assert body["summary"] == cli["summary"]
    assert body["stats"] == cli["stats"]
    assert [(d["id"], d["status"], d["reason"], d["text"]) for d in body["documents"]] == \
           [(d["id"], d["status"], d["reason"], d["text"]) for d in cli["documents"]]
    texts = {d["id"]: d["text"] for d in body["documents"]}
    for s in body["summary"]:
        assert texts[s["doc"]][s["start"]:s["end"]] == s["text"]
    aside = [d for d in body["documents"] if d["status"] == "set_aside"]
    assert [d["id"] for d in aside] == ["04_sports_desk.txt"] and "unrelated" in aside[0]["reason"]
    html = next(d for d in body["documents"] if d["id"] == "02_national_daily.html")
    assert html["format"] == "html" and "<" not in html["text"][:200]


def test_saved_brief_is_read_back_after_a_restart(example_response):
    path, r = example_response
    made = r.json()
    with TestClient(create_app(path)) as c:  # a new app on the same database: a restart
        again = c.get(f"/api/briefs/{made['saved']['id']}")
        assert again.status_code == 200
        assert again.json() == made
        assert c.get(f"/b/{made['saved']['id']}").status_code == 200
        listed = c.get("/api/briefs").json()
        assert listed[0]["id"] == made["saved"]["id"] and listed[0]["articles"] == 6
        assert listed[0]["title"] == made["saved"]["title"] == made["headline"] != ""


def test_options_and_unsaved_brief(client):
    r = post(client, documents=EXAMPLE_DOCS, sentences=2, words=None, query="inspection seepage",
             save=False)
    assert r.status_code == 200, r.text  # made, not created: nothing to point a Location at
    body = r.json()
    assert body["saved"] is None and "location" not in r.headers
    assert len(body["summary"]) <= 2
    assert body["settings"]["query"] == "inspection seepage" and body["settings"]["sentences"] == 2
    assert client.get("/api/briefs").json() == []


def test_rerun_with_articles_added(db):
    with TestClient(create_app(db)) as c:
        first = post(c, documents=EXAMPLE_DOCS[:3], words=120).json()
        second = c.post("/api/brief", json={"documents": EXAMPLE_DOCS[3:], "extends": first["saved"]["id"]})
        assert second.status_code == 201, second.text
        body = second.json()
        assert body["saved"]["parent"] == first["saved"]["id"]
        assert body["saved"]["articles"] == 6
        assert [d["id"] for d in body["documents"]] == [d["id"] for d in EXAMPLE_DOCS]
        assert body["settings"]["words"] == 120  # options not given are the old brief's
        assert c.get(first["saved"]["api"]).json()["saved"]["children"] == [body["saved"]["id"]]
        # Re-running with new options and no new article is allowed too.
        third = c.post("/api/brief", json={"extends": body["saved"]["id"], "sentences": 3})
        assert third.status_code == 201 and third.json()["settings"]["sentences"] == 3


def test_ids_are_labels_never_paths(client):
    docs = [{"id": "/etc/passwd", "text": EXAMPLE_DOCS[0]["text"]},
            {"id": "../../newsweave/__init__.py", "text": EXAMPLE_DOCS[2]["text"]}]
    body = post(client, documents=docs).json()
    assert [d["id"] for d in body["documents"]] == ["/etc/passwd", "../../newsweave/__init__.py"]
    assert body["documents"][0]["text"] == EXAMPLE_DOCS[0]["text"]
    assert "root:" not in json.dumps(body)


def test_unreadable_article_is_skipped_with_its_reason(client):
    docs = EXAMPLE_DOCS[:2] + [{"id": "blank.txt", "text": "   \n "},
                               {"id": "bin.txt", "text": "\x00\x01\x02" * 50}]
    body = post(client, documents=docs).json()
    status = {d["id"]: (d["status"], d["reason"]) for d in body["documents"]}
    assert status["blank.txt"][0] == "skipped" and "empty" in status["blank.txt"][1]
    assert status["bin.txt"][0] == "skipped" and "binary" in status["bin.txt"][1]


def test_page_docs_and_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from another origin
    for asset in ("/static/app.js", "/static/app.css", "/static/favicon.svg"):
        assert client.get(asset).status_code == 200
    assert "innerHTML" not in client.get("/static/app.js").text
    spec = client.get("/openapi.json").json()
    assert "/api/brief" in spec["paths"] and "/api/briefs/{brief_id}" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn." not in docs.text and "/docs-static/" in docs.text
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    redoc = client.get("/redoc")
    assert redoc.status_code == 200 and "fonts.googleapis" not in redoc.text
    assert "validatorUrl" in docs.text and "null" in docs.text.split("validatorUrl", 1)[1][:20]
    for asset in ("/docs-static/redoc.standalone.js", "/docs-static/swagger-ui-bundle.js"):
        js = client.get(asset)
        assert js.status_code == 200 and "cdn." not in js.text  # e.g. ReDoc's logo from Redocly's CDN
    assert client.get("/api/health").json()["status"] == "ok"
    example = client.get("/api/example").json()
    assert [d["id"] for d in example] == [d["id"] for d in EXAMPLE_DOCS]


# ---- 4xx ---------------------------------------------------------------------------------

def detail(r) -> str:
    body = r.json()
    assert isinstance(body["detail"], str) and "\n" not in body["detail"]
    return body["detail"]


def test_422_too_few_articles(client):
    r = post(client, documents=EXAMPLE_DOCS[:1])
    assert r.status_code == 422 and "at least 2 articles" in detail(r)
    r = post(client, documents=[])
    assert r.status_code == 422 and "no documents given" in detail(r)
    r = post(client, documents=[{"text": "   "}, {"text": ""}])
    assert r.status_code == 422 and "at least 2 readable articles" in detail(r)


@pytest.mark.parametrize("body, words", [
    ({"documents": EXAMPLE_DOCS[:2], "words": 0}, "words"),
    ({"documents": EXAMPLE_DOCS[:2], "sentences": -1}, "sentences"),
    ({"documents": EXAMPLE_DOCS[:2], "words": "many"}, "words"),
    ({"documents": [{"id": "a"}, {"id": "b"}]}, "text"),
    ({"documents": EXAMPLE_DOCS[:2], "colour": "blue"}, "colour"),
    ({"documents": "not a list"}, "documents"),
    ({"documents": EXAMPLE_DOCS[:2], "query": "q" * 501}, "query"),
    # strict types: no bool for a number, no number for a bool or a string, no string for a number
    ({"documents": EXAMPLE_DOCS[:2], "words": True}, "words"),
    ({"documents": EXAMPLE_DOCS[:2], "sentences": "3"}, "sentences"),
    ({"documents": EXAMPLE_DOCS[:2], "words": 150.0}, "words"),
    ({"documents": EXAMPLE_DOCS[:2], "keep_all": 1}, "keep_all"),
    ({"documents": EXAMPLE_DOCS[:2], "save": "no"}, "save"),
    ({"documents": [{"id": 7, "text": "a"}, {"text": "b"}]}, "documents.0.id"),
    ({"documents": [{"text": ["a"]}, {"text": "b"}]}, "documents.0.text"),
])
def test_422_invalid_request(client, body, words):
    r = client.post("/api/brief", json=body)
    assert r.status_code == 422
    assert words in detail(r) and r.json()["errors"]


def test_422_bad_json_and_unknown_summarizer(client):
    r = client.post("/api/brief", content=b'{"documents": [', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "not valid JSON" in detail(r)
    r = post(client, documents=EXAMPLE_DOCS[:2], summarizer="nope")
    assert r.status_code == 422 and "unknown summarizer 'nope'" in detail(r)


@pytest.mark.parametrize("raw", [
    b"[" * 100_000 + b"]" * 100_000,                      # nested deeper than json.loads goes
    b'{"documents": [{"text": "caf\xe9 \xff\xfe"}]}',  # not UTF-8
    b'{"documents": [{"text": "' + "\u00e9".encode() * 3 + b'"}]',  # truncated
], ids=["deep", "not-utf8", "truncated"])
def test_422_unparseable_body(client, raw):
    r = client.post("/api/brief", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 422 and "not valid JSON" in detail(r)


# A lone surrogate: valid JSON text, but no UTF-8 (nor SQLite) can hold it.
SURROGATE_BODY = (b'{"documents": [{"text": "Syrian rebels \\ud800 retreated from Baba Amr on Thursday."}, '
                  b'{"text": "Syrian rebels withdrew from Baba Amr, activists said."}]')


@pytest.mark.parametrize("save", [True, False])
def test_lone_surrogate_is_replaced_not_a_500(db, save):
    raw = SURROGATE_BODY + (b"}" if save else b', "save": false}')
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.post("/api/brief", content=raw, headers={"content-type": "application/json"})
        assert r.status_code == (201 if save else 200), r.text
        body = r.json()
        text = body["documents"][0]["text"]
        assert text == "Syrian rebels \ufffd retreated from Baba Amr on Thursday."
        for s in body["summary"]:
            assert {d["id"]: d["text"] for d in body["documents"]}[s["doc"]][s["start"]:s["end"]] == s["text"]
        if save:
            again = c.get(r.headers["location"])
            assert again.status_code == 200 and again.json() == body
            rerun = c.post("/api/brief", json={"extends": body["saved"]["id"]})
            assert rerun.status_code == 201 and rerun.json()["documents"][0]["text"] == text


def test_503_with_retry_after_beyond_the_queue(db, monkeypatch):
    """One brief computing, one waiting: a third is refused at once, not queued."""
    import threading

    import newsweave.pipeline

    release, started = threading.Event(), threading.Event()
    real_run = newsweave.pipeline.run

    def slow_run(*args, **kwargs):
        started.set()
        assert release.wait(30)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(newsweave.pipeline, "run", slow_run)
    with TestClient(create_app(db, concurrent_briefs=1, max_waiting_briefs=1)) as c:
        answers = []
        workers = [threading.Thread(target=lambda: answers.append(post(c, documents=EXAMPLE_DOCS[:2])))
                   for _ in range(2)]
        workers[0].start()
        assert started.wait(30)
        workers[1].start()
        deadline = time.monotonic() + 30
        while c.app.state.admission.waiting < 1:  # the second is waiting for its turn
            assert time.monotonic() < deadline
            time.sleep(0.01)
        t0 = time.monotonic()
        r = post(c, documents=EXAMPLE_DOCS[:2])
        assert time.monotonic() - t0 < 5  # answered at once
        assert r.status_code == 503 and "busy" in detail(r)
        assert int(r.headers["retry-after"]) >= 1
        assert c.get("/api/health").status_code == 200  # the rest of the app still answers
        release.set()
        for w in workers:
            w.join(60)
        assert sorted(a.status_code for a in answers) == [201, 201]
        assert post(c, documents=EXAMPLE_DOCS[:2]).status_code == 201  # a turn again


def test_recent_briefs_say_what_differs(client):
    first = post(client, documents=EXAMPLE_DOCS[:3]).json()
    second = post(client, documents=EXAMPLE_DOCS[1:5]).json()
    listed = client.get("/api/briefs").json()
    assert [b["id"] for b in listed] == [second["saved"]["id"], first["saved"]["id"]]
    assert [b["articles"] for b in listed] == [4, 3]
    assert listed[0]["sources"] == [d["id"] for d in EXAMPLE_DOCS[1:4]]
    assert listed[1]["sources"] == [d["id"] for d in EXAMPLE_DOCS[:3]]
    dates = sorted(d["date"][:10] for d in second["documents"] if d["date"])
    assert listed[0]["dates"] == ([dates[0], dates[-1]] if dates else None)


def test_415_not_json(client):
    r = client.post("/api/brief", content=json.dumps({"documents": EXAMPLE_DOCS[:2]}),
                    headers={"content-type": "text/plain"})
    assert r.status_code == 415 and "JSON" in detail(r)
    r = client.post("/api/brief", content=b"documents=a&documents=b",
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415  # so a cross-site form cannot post a brief


def test_413_body_too_large(db):
    with TestClient(create_app(db, max_body_bytes=2000)) as c:
        r = post(c, documents=EXAMPLE_DOCS[:2])  # with Content-Length
        assert r.status_code == 413 and "limit" in detail(r)

        def chunks():  # no Content-Length: chunked upload
            for _ in range(10):
                yield b" " * 500
        r = c.post("/api/brief", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413 and "limit" in detail(r)
        assert post(c, documents=[{"text": "a"}, {"text": "b"}]).status_code == 422  # small is fine


def test_413_too_many_or_too_long_articles(client, monkeypatch):
    r = post(client, documents=[{"text": f"article {i}"} for i in range(webapp.MAX_ARTICLES_PER_REQUEST + 1)])
    assert r.status_code == 413 and f"limit of {webapp.MAX_ARTICLES_PER_REQUEST}" in detail(r)
    monkeypatch.setattr(webapp, "MAX_DOCUMENT_CHARS", 1000)
    r = post(client, documents=EXAMPLE_DOCS[:2])
    assert r.status_code == 413 and "01_wire_agency.txt has" in detail(r)


def test_413_rerun_over_the_article_limit(client, monkeypatch):
    first = post(client, documents=EXAMPLE_DOCS[:3]).json()
    monkeypatch.setattr(webapp, "MAX_ARTICLES_PER_REQUEST", 4)
    r = post(client, documents=EXAMPLE_DOCS[3:], extends=first["saved"]["id"])
    assert r.status_code == 413 and "6 articles" in detail(r)


def test_404s_and_405(client):
    r = client.get("/api/briefs/AAAAAAAAAAAA")
    assert r.status_code == 404 and "no saved brief" in detail(r)
    assert client.get("/api/briefs/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/api/briefs/' OR 1=1 --").status_code == 404
    r = post(client, documents=EXAMPLE_DOCS[:2], extends="AAAAAAAAAAAA")
    assert r.status_code == 404 and "no saved brief" in detail(r)
    assert client.get("/b/AAAAAAAAAAAA").status_code == 404  # the page, saying so
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/api/brief").status_code == 405
    assert client.get("/api/briefs?limit=0").status_code == 422


def test_400_foreign_host(db):
    with TestClient(create_app(db, allowed_hosts=["127.0.0.1", "localhost"]),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/health").status_code == 200
        r = c.get("/api/health", headers={"host": "evil.example:8000"})
        assert r.status_code == 400 and "Host" in detail(r)


# ---- the serve command ---------------------------------------------------------------------

def test_serve_parser_defaults_to_localhost():
    import argparse

    from newsweave.web import add_serve_parser

    parser = argparse.ArgumentParser()
    add_serve_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, None)
    args = parser.parse_args(["serve", "--port", "9001", "--db", "x.sqlite3"])
    assert (args.port, args.db) == (9001, "x.sqlite3")
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "--port", "99999"])


def test_serve_refuses_a_busy_port():
    from newsweave.web import _check_port_free

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(newsweave.InputError, match="already in use"):
            _check_port_free("127.0.0.1", port)
