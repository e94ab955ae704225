"""The real page in headless Chromium: upload the built-in example, read the brief, follow a
citation, re-run with an article added, and make sure no script from an article ever runs.

Needs the ``playwright`` Python package (its driver ships in the wheel) and Debian's
``chromium`` (Playwright's own browser download is not used: it cannot work offline).
Set ``NEWSWEAVE_CHROMIUM`` to use another Chromium binary. Outside CI the tests are
skipped, saying why, when either is missing; in CI (``CI`` set) that is a failure.
``NEWSWEAVE_UPDATE_SCREENSHOT=1`` rewrites docs/screenshot.png, the README's picture.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT

EXAMPLE_FILES = [str(f) for f in sorted(EXAMPLE.iterdir()) if f.name != "ABOUT.md"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
TIMEOUT_MS = 30_000
SERVER_DBS: dict[str, Path] = {}


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    # A skip alone is easy to miss in "5 skipped": a warning shows in pytest's summary.
    warnings.warn(f"the browser tests of the web app are skipped: {reason} "
                  "(see the README; in CI this is a failure)", pytest.PytestWarning, stacklevel=2)
    pytest.skip(reason)


def _chromium() -> str:
    for candidate in (os.environ.get("NEWSWEAVE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    _unavailable("no Chromium found: apt-get install chromium (or set NEWSWEAVE_CHROMIUM)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``python -m newsweave.web`` (what ``newsweave serve`` runs) on a free port with a
    fresh database; stopped at the end whatever happens."""
    pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e .)")
    db = tmp_path_factory.mktemp("e2e") / "briefs.sqlite3"
    port = _free_port()
    log = open(db.parent / "server.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "newsweave.web", "--host", "127.0.0.1",
                             "--port", str(port), "--db", str(db)],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    SERVER_DBS[base] = db
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"the server did not start: {log.read()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: pip install -e '.[test]'")
    executable = _chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                              timeout=TIMEOUT_MS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def _expect(locator):
    from playwright.sync_api import expect

    return expect(locator)


def _server_db(base: str) -> Path:
    return SERVER_DBS[base]


def _brief(base: str, brief_id: str) -> dict:
    with urllib.request.urlopen(f"{base}/api/briefs/{brief_id}", timeout=10) as r:
        return json.load(r)


def _weave_example(page, base: str) -> dict:
    page.goto(base + "/")
    page.set_input_files("#file-input", EXAMPLE_FILES)
    _expect(page.locator("#articles li")).to_have_count(6)
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")
    brief_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.url == f"{base}/b/{brief_id}"
    return _brief(base, brief_id)


def test_upload_the_example_and_read_the_brief(page, server):
    brief = _weave_example(page, server)
    docs = {d["id"]: d for d in brief["documents"]}
    number = {d["id"]: str(i) for i, d in enumerate(brief["documents"], 1)}

    # The summary: every sentence verbatim, cited to its source (and the outlets that agree).
    items = page.locator("#summary li")
    assert items.count() == len(brief["summary"]) >= 3
    for i, s in enumerate(brief["summary"]):
        item = items.nth(i)
        assert item.locator(".sentence-text").text_content() == s["text"]
        assert item.locator(".cite.primary").text_content() == number[s["doc"]]
        # the closest supporting outlets, at most three (then "and N more")
        assert item.locator(".cite.support").all_text_contents() == [number[p["doc"]] for p in s["support"][:3]]
    # the same headline as the Markdown and HTML briefs: the most central article's title
    assert page.locator("#r-title").text_content() == brief["headline"] == docs["05_broadcaster.txt"]["title"]

    # Hovering a citation shows the cited sentence in its article. (The example's outlets word
    # their shared facts their own way: "also in" cites, which share this popover, are tested
    # on a cluster made for it in test_a_support_cite_shows_the_other_outlets_sentence.)
    s = brief["summary"][1]
    items.nth(1).locator(".cite.primary").hover()
    pop = page.locator("#popover")
    pop.wait_for(state="visible")
    assert pop.locator("mark").text_content() == s["text"]
    assert docs[s["doc"]]["title"] in pop.text_content()
    # Clicking pins it; "Show in the article" opens the article at that sentence.
    page.mouse.move(0, 0)
    first = items.nth(0).locator(".cite.primary")
    first.click()
    pop.wait_for(state="visible")
    pop.get_by_text("Show in the article").click()
    article = page.locator(f"#source-{number[brief['summary'][0]['doc']]} .article-body")
    article.wait_for(state="visible")
    assert brief["summary"][0]["text"] in article.locator("mark.cited").all_text_contents()

    # The off-topic article is set aside, with its reason.
    aside = page.locator(f"#source-{number['04_sports_desk.txt']}")
    assert aside.locator(".status").text_content() == "Set aside"
    assert docs["04_sports_desk.txt"]["reason"] in aside.locator(".reason").text_content()
    assert "unrelated" in aside.locator(".reason").text_content()

    # The cleaned-away debris, on demand.
    debris = page.locator(f"#source-{number['03_local_paper.txt']} del.debris")
    assert debris.count() == 0 or not debris.first.is_visible()  # hidden until asked for
    page.check("#show-debris")
    debris.first.wait_for(state="visible")
    assert debris.count() > 0
    removed = [r["text"] for r in docs["03_local_paper.txt"]["removed"]]
    assert debris.first.text_content().strip() in "\n".join(removed)
    page.uncheck("#show-debris")

    # Facts and timeline, when the brief has them.
    analysis = brief.get("analysis") or {}
    if analysis.get("facts"):
        assert page.locator("#facts .fact").count() == len(analysis["facts"])
    if analysis.get("timeline"):
        assert page.locator("#timeline .tl-item").count() == len(analysis["timeline"])
    assert page.errors == []

    # The README's picture: the brief, with one citation open.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    page.wait_for_selector("#result:not([hidden])")
    items.nth(brief["summary"].index(s)).locator(".cite.primary").hover()
    pop.wait_for(state="visible")
    shot = page.screenshot()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("NEWSWEAVE_UPDATE_SCREENSHOT"):
        (ROOT / "docs" / "screenshot.png").write_bytes(shot)


STORM_A = ("Storm closes Penhallow harbour\n\nA winter storm closed the harbour at Penhallow on Friday after "
           "waves flooded the fish market, the port authority said.\n\nThe coastguard said a yacht with two "
           "people aboard had been towed to safety near Gull Point.\n\nHarbour master Ines Calloway said "
           "fourteen trawlers had been moved to the inner basin overnight.\n")
STORM_B = ("Penhallow battens down as storm hits\n\nSeawater poured into the fish market of Penhallow on "
           "Friday when storm waves overtopped the sea wall.\n\nA yacht with two people aboard was towed to "
           "safety near Gull Point, the coastguard said.\n\nFerries will not sail until engineers have "
           "inspected the damaged sea wall, the council said.\n")


def test_a_support_cite_shows_the_other_outlets_sentence(page, server):
    page.goto(server + "/")
    for text in (STORM_A, STORM_B):  # two outlets, one fact told in both
        page.fill("#paste", text)
        page.click("#add-paste")
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")
    brief = _brief(server, page.url.rsplit("/", 1)[-1])
    s = next(s for s in brief["summary"] if "Gull Point" in s["text"])  # the yacht towed to safety
    assert s["also_in"] and len(s["support"]) == 1
    items = page.locator("#summary li")
    items.nth(brief["summary"].index(s)).locator(".cite.support").first.hover()
    pop = page.locator("#popover")
    pop.wait_for(state="visible")
    support = s["support"][0]
    assert pop.locator("mark").text_content() == support["text"]
    assert "Gull Point" in support["text"] and support["doc"] != s["doc"]


def test_phone_width_and_reload(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                  has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        brief = _weave_example(page, server)
        # Nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # A shared link shows the same brief.
        page.goto(f"{server}{brief['saved']['url']}")
        page.wait_for_selector("#result:not([hidden])")
        assert page.locator("#summary li").count() == len(brief["summary"])
        page.locator("#summary .cite.primary").first.tap()
        sheet = page.locator("#popover.sheet")
        sheet.wait_for(state="visible")
        box = sheet.bounding_box()
        assert box["width"] <= 390 and box["y"] + box["height"] <= 845
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.goto(f"{server}/b/AAAAAAAAAAAA")
        page.wait_for_selector("#notfound:not([hidden])")
    finally:
        context.close()


def test_add_an_article_and_rerun(page, server):
    page.goto(server + "/")
    page.set_input_files("#file-input", EXAMPLE_FILES[:3])
    _expect(page.locator("#articles li")).to_have_count(3)
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")
    first_url = page.url
    assert page.locator("#sources > li").count() == 3
    page.click("#rerun")
    page.wait_for_selector("#extend-note:not([hidden])")
    page.fill("#paste", Path(EXAMPLE_FILES[4]).read_text(encoding="utf-8"))
    page.click("#add-paste")
    assert page.locator("#submit-label").text_content() == "Re-run with 1 new article"
    page.click("#submit")
    page.wait_for_url(lambda url: url != first_url and "/b/" in url)
    page.wait_for_selector("#result:not([hidden])")
    assert page.locator("#sources > li").count() == 4
    earlier = page.locator("#r-lineage a")
    assert earlier.text_content() == "an earlier brief"
    assert earlier.get_attribute("href") == first_url.replace(server, "")
    page.goto(first_url)
    page.wait_for_selector("#result:not([hidden])")
    assert page.locator("#r-lineage a.newer").count() == 1
    assert page.errors == []


SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"


def test_two_stories_show_a_caution_above_the_summary(page, server):
    from test_cautions import FLOOD, MATCH

    page.goto(server + "/")
    for text in (FLOOD, MATCH):
        page.fill("#paste", text)
        page.click("#add-paste")
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")
    caution = page.locator("#cautions .caution")
    _expect(caution).to_have_count(1)
    assert "may be two different stories" in caution.text_content()
    assert page.errors == []


def test_script_in_an_article_never_runs(page, server):
    texts = {Path(f).name: Path(f).read_text(encoding="utf-8") for f in EXAMPLE_FILES[:3]}
    wire = texts["01_wire_agency.txt"]
    for plain, planted in [  # in the headline and in a sentence the summary picks
        ("Dam breach floods Marrowford", f"Dam breach {IMG} floods Marrowford {SCRIPT}"),
        ("lifted from rooftops by boat.", f"lifted {SCRIPT} from rooftops {IMG} by boat."),
    ]:
        assert plain in wire
        wire = wire.replace(plain, planted, 1)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    # Pasted, as a user would, next to two uploaded files.
    page.fill("#paste", wire)
    page.click("#add-paste")
    page.set_input_files("#file-input", EXAMPLE_FILES[1:3])
    page.fill("#query", "residents evacuated from rooftops by boat")
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")
    brief = _brief(server, page.url.rsplit("/", 1)[-1])
    assert SCRIPT in brief["documents"][0]["text"]
    # Shown everywhere it can be (article, debris, popovers), then reloaded from the database.
    for _ in range(2):
        page.locator("#source-1 .source-actions button").click()
        page.check("#show-debris")
        for cite in page.locator("#summary .cite").all()[:6]:
            cite.hover()
        page.locator("#summary .cite").first.click()
        page.wait_for_timeout(200)
        page.reload()
        page.wait_for_selector("#result:not([hidden])")
    page.locator("#source-1 .source-actions button").click()
    page.check("#show-debris")
    shown = page.locator("#source-1 .article-body").text_content()
    assert SCRIPT in shown and IMG in shown  # as text
    _assert_nothing_ran(page, dialogs)


def test_every_field_of_a_brief_is_shown_as_text(page, server, tmp_path):
    """Whatever a brief holds (titles, ids, reasons, facts, quotes, ...) never becomes markup."""
    from newsweave.web.store import Store

    docs = [{"id": f"{IMG}.txt", "text": f"{SCRIPT} Dam {IMG} breach. Second sentence here."},
            {"id": "b.txt", "text": "Dam breach. Another outlet's line."}]
    hostile = f"{SCRIPT}{IMG}"
    s0 = {"text": f"{SCRIPT} Dam {IMG} breach.", "doc": docs[0]["id"], "start": 0,
          "end": len(f"{SCRIPT} Dam {IMG} breach."), "also_in": ["b.txt"], "score": 1.0,
          "support": [{"doc": "b.txt", "start": 0, "end": 11, "text": "Dam breach.", "similarity": 0.9}]}
    span = {k: s0[k] for k in ("doc", "start", "end", "text")}
    brief = {
        "schema_version": "1.0", "generator": "test", "settings": {"words": 200, "query": hostile},
        "stats": {"documents": 2, "used": 1, "set_aside": 1, "skipped": 0, "summary_sentences": 1,
                  "summary_words": 4},
        "summary": [s0],
        "analysis": {
            "timeline": [{"date": "2023-03-14", **span, "expression": IMG, "relative": False}],
            "facts": [{"quantity": hostile, "verdict": "conflict", "note": hostile, "docs": [docs[0]["id"]],
                       "mentions": [{**span, "value": 4, "value_text": IMG, "qualifier": SCRIPT,
                                     "date": "2023-03-14"}]}],
            "quotes": [{**span, "quote": hostile, "speaker": IMG, "sentence": span}],
            "entities": [{"name": hostile, "label": IMG, "total": 2, "mentions": {IMG: 2}}],
            "cautions": [{"text": hostile, "documents": [docs[0]["id"]]}],
        },
        "documents": [
            {"id": docs[0]["id"], "source": IMG, "format": "text", "title": hostile, "date": "2023-03-14",
             "status": "used", "reason": "", "relevance": 0.5,
             "removed": [{"kind": IMG, "line": 1, "start": 35, "end": 40, "text": "x"}], "text": docs[0]["text"]},
            {"id": "b.txt", "source": "b.txt", "format": "text", "title": None, "date": None,
             "status": "set_aside", "reason": hostile, "relevance": 0.1, "removed": [], "text": docs[1]["text"]},
        ],
    }
    db = _server_db(server)
    row = Store(db).save(inputs=docs, settings={"words": 200}, brief=brief, parent=None)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/b/{row['id']}")
    page.wait_for_selector("#result:not([hidden])")
    assert page.locator("#r-title").text_content() == hostile
    assert page.locator("#summary .sentence-text").text_content() == s0["text"]
    assert hostile in page.locator("#facts").text_content()
    assert IMG in page.locator("#timeline").text_content()
    assert hostile in page.locator("#quotes").text_content()
    assert hostile in page.locator("#entities").text_content()
    assert page.locator("#cautions").text_content() == "Caution: " + hostile
    assert hostile in page.locator("#sources").text_content()
    page.locator("#source-1 .source-actions button").click()
    page.check("#show-debris")
    for cite in page.locator(".cite").all():
        cite.hover()
    page.locator(".cite").first.click()
    assert IMG in page.locator("#popover").text_content()
    _assert_nothing_ran(page, dialogs)
    page.goto(server + "/")  # the recent list shows the hostile title too
    _expect(page.locator("#recent")).to_contain_text(hostile)
    _assert_nothing_ran(page, dialogs)


def _assert_nothing_ran(page, dialogs):
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator("body img, #main script, #popover script").count() == 0


def _saved_brief(n_quotes: int, n_people: int, title: str, doc_ids: list[str], date: str) -> dict:
    """A stored brief with many quotes and entities and an untitled article (no pipeline)."""
    text = " ".join(f"“Line {i} matters,” said Speaker {i}." for i in range(n_quotes))
    docs = [{"id": doc_ids[0], "source": doc_ids[0], "format": "text", "title": None, "date": date,
             "status": "used", "reason": "", "relevance": 0.5, "removed": [], "text": text}]
    docs += [{"id": i, "source": i, "format": "text", "title": f"Report {i}", "date": None,
              "status": "used", "reason": "", "relevance": 0.5, "removed": [], "text": "Nothing."}
             for i in doc_ids[1:]]
    quotes, at = [], 0
    for i in range(n_quotes):
        sentence = f"“Line {i} matters,” said Speaker {i}."
        at = text.index(sentence, at)
        span = {"doc": doc_ids[0], "start": at, "end": at + len(sentence), "text": sentence}
        quotes.append({**span, "quote": f"Line {i} matters,", "speaker": f"Speaker {i}", "sentence": span})
    entities = [{"name": f"Person {i:02d}", "label": "person", "total": 100 - i,
                 "mentions": {doc_ids[0]: 100 - i}} for i in range(n_people)]
    return {"schema_version": "1.1", "generator": "test", "headline": title, "settings": {"words": 200},
            "stats": {"documents": len(docs), "used": len(docs), "set_aside": 0, "skipped": 0,
                      "summary_sentences": 0, "summary_words": 0},
            "summary": [], "analysis": {"quotes": quotes, "entities": entities}, "documents": docs}


def test_show_all_quotes_and_entities_untitled_source_and_recent_briefs(page, server):
    from newsweave.web.store import Store

    store = Store(_server_db(server))

    def inputs(brief):
        return [{"id": d["id"], "text": d["text"]} for d in brief["documents"]]

    first = _saved_brief(3, 2, "Same story", ["alpha.txt", "beta.txt"], "2024-02-01")
    second = _saved_brief(26, 20, "Same story", ["gamma.txt", "delta.txt", "epsilon.txt", "zeta.txt"],
                          "2024-02-03")
    store.save(inputs=inputs(first), settings={}, parent=None, brief=first)
    row = store.save(inputs=inputs(second), settings={}, parent=None, brief=second)
    store.close()
    page.goto(f"{server}/b/{row['id']}")
    page.wait_for_selector("#result:not([hidden])")

    quotes = page.locator("#quotes .quote")
    assert quotes.count() == 26
    _expect(page.locator("#quotes .quote:visible")).to_have_count(8)
    page.get_by_role("button", name="Show all 26 quotes").click()
    _expect(page.locator("#quotes .quote:visible")).to_have_count(26)
    assert "Speaker 25" in quotes.nth(25).text_content()
    _expect(page.locator("#entities .chip:visible")).to_have_count(12)
    page.get_by_role("button", name="Show all 20 people").click()
    _expect(page.locator("#entities .chip:visible")).to_have_count(20)

    # An untitled article is named once (its file name as the heading), not twice.
    untitled = page.locator("#source-1")
    assert untitled.locator("h3").text_content() == "gamma.txt"
    assert "gamma.txt" not in untitled.locator(".source-title p").text_content()
    assert page.locator("#source-2 .source-title p").text_content().startswith("delta.txt")

    # Recent briefs with one title say what tells them apart.
    page.goto(server + "/")
    items = page.locator("#recent li")
    _expect(items.first).to_contain_text("Same story")
    texts = {i: items.nth(i).text_content() for i in range(items.count())}
    newer = next(t for t in texts.values() if "gamma.txt" in t)
    old = next(t for t in texts.values() if "alpha.txt" in t)
    assert "4 articles" in newer and "gamma.txt, delta.txt, epsilon.txt +1 more" in newer
    assert "3 Feb 2024" in newer
    assert "2 articles" in old and "alpha.txt, beta.txt" in old and "1 Feb 2024" in old
    assert page.errors == []


def test_the_api_docs_load_nothing_from_elsewhere(page, server):
    """/docs and /redoc run in the browser (they render from /openapi.json) and ask only
    this server for anything: no CDN script, font, logo or validator badge."""
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    for path, ready in (("/docs", ".swagger-ui .info"), ("/redoc", "[role=navigation], .menu-content")):
        page.goto(server + path)
        page.wait_for_selector(ready)
        page.wait_for_timeout(500)
    elsewhere = [u for u in asked if not u.startswith(server) and not u.startswith(("data:", "blob:"))]
    assert elsewhere == []
    assert any(u.endswith("/docs-static/redoc.standalone.js") for u in asked)


# ---- the Stories page ------------------------------------------------------------------------

def _pile_files(folder: Path) -> list[str]:
    """The Stories tests' pile as a user has it: the ferry reports as text files, the bridge
    reports as a JSONL file (the chess report is pasted)."""
    from test_web_stories import BRIDGE_JSONL, FERRY

    paths = []
    for a in FERRY:
        (folder / a["id"]).write_text(a["text"], encoding="utf-8")
        paths.append(str(folder / a["id"]))
    (folder / "bridge.jsonl").write_text(BRIDGE_JSONL, encoding="utf-8")
    return paths + [str(folder / "bridge.jsonl")]


def _stories(base: str, set_id: str) -> dict:
    with urllib.request.urlopen(f"{base}/api/stories/{set_id}", timeout=10) as r:
        return json.load(r)


def test_stories_page_groups_a_pile_opens_each_brief_and_shares_it(page, server, tmp_path):
    from test_web_stories import CHESS, FERRY_LATER

    page.goto(server + "/")
    page.click("#nav-stories")
    page.wait_for_selector("#stories-compose:not([hidden])")
    page.set_input_files("#st-file-input", _pile_files(tmp_path))
    page.fill("#st-paste", CHESS)
    page.click("#st-add-paste")
    _expect(page.locator("#st-articles li")).to_have_count(5)
    assert page.locator("#st-count").text_content() == "6"  # the JSONL file's two lines count
    assert page.locator("#st-articles li").nth(3).locator(".fmt").text_content() == "JSONL"
    page.click("#st-submit")
    page.wait_for_selector("#stories-result:not([hidden])", timeout=120_000)
    set_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.url == f"{server}/s/{set_id}"
    made = _stories(server, set_id)
    assert [sorted(a["id"] for a in s["articles"]) for s in made["stories"]] == \
           [["copy.txt", "local.txt", "wire.txt"], ["bridge-a", "bridge-b"], ["pasted-1"]]

    # Biggest first: each story's headline, size, dates, articles; the wire copy marked.
    cards = page.locator("#st-list > li")
    _expect(cards).to_have_count(3)
    assert page.locator("#st-title").text_content() == "3 stories from 6 articles"
    for i, s in enumerate(made["stories"]):
        assert cards.nth(i).locator("h3").text_content() == s["headline"]
        assert cards.nth(i).locator(".story-size").text_content() == str(len(s["articles"]))
        assert cards.nth(i).locator(".story-articles li").count() == len(s["articles"])
    assert cards.nth(0).locator(".copy-badge").text_content() == "copy of wire.txt"
    assert "6 Mar 2025 – 7 Mar 2025" in cards.nth(1).locator(".story-meta").text_content()
    assert "One article: no brief" in cards.nth(2).text_content()
    assert cards.nth(2).locator(".open-brief").count() == 0

    # Each story opens its brief, shown as any brief, which leads back to its story.
    ferry = made["stories"][0]
    cards.nth(0).locator(".open-brief").click()
    page.wait_for_selector("#result:not([hidden])")
    assert page.url == f"{server}{ferry['saved_brief']['url']}"
    assert page.locator("#r-title").text_content() == ferry["brief"]["headline"]
    assert page.locator("#summary li").count() == len(ferry["brief"]["summary"])
    assert page.locator("#sources > li").count() == 3
    page.click("#r-lineage a.story-set")
    page.wait_for_selector("#stories-result:not([hidden])")
    _expect(page.locator(f"[id='{ferry['id']}']")).to_have_class("card story focus")

    # The link is the set: a new visitor (and a phone) sees the same stories.
    context = page.context.browser.new_context(viewport={"width": 320, "height": 700}, is_mobile=True)
    try:
        phone = context.new_page()  # the narrowest the page is made for
        phone.goto(f"{server}/s/{set_id}")
        phone.wait_for_selector("#stories-result:not([hidden])")
        _expect(phone.locator("#st-list > li")).to_have_count(3)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320
        phone.goto(f"{server}/stories")
        phone.wait_for_selector("#stories-compose:not([hidden])")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320
        phone.goto(f"{server}/s/AAAAAAAAAAAA")
        phone.wait_for_selector("#notfound:not([hidden])")
        assert phone.locator("#notfound-title").text_content() == "No such stories"
    finally:
        context.close()

    # Add an article and regroup: the story it belongs to grows, keeping its id.
    page.click("#st-extend")
    page.wait_for_selector("#st-extend-note:not([hidden])")
    page.fill("#st-paste", FERRY_LATER)
    page.click("#st-add-paste")
    assert page.locator("#st-submit-label").text_content() == "Regroup with 1 new article"
    assert page.locator("#st-articles .name").text_content() == "pasted-2"  # pasted-1 is in the set
    page.click("#st-submit")
    page.wait_for_selector("#stories-result:not([hidden])", timeout=120_000)
    assert set_id not in page.url and "/s/" in page.url
    assert page.locator("#st-lineage a").first.get_attribute("href") == f"/s/{set_id}"
    regrouped = _stories(server, page.url.rsplit("/", 1)[-1])
    assert regrouped["stories"][0]["id"] == ferry["id"] and len(regrouped["stories"][0]["articles"]) == 4
    update = regrouped["stories"][0]["brief"]["update"]  # what the earlier brief did not report
    shown = page.locator("#st-list > li").first.locator(".story-update li").all_text_contents()
    assert shown == ([x["text"] for x in update["sentences"]] or ["Nothing the earlier brief did not report."])
    assert page.locator("#st-list > li").nth(1).locator(".story-update").count() == 0
    assert page.errors == []


def test_stories_page_bad_input_says_why_and_keeps_the_articles(page, server):
    from test_web_stories import BRIDGE_A

    page.goto(server + "/stories")
    page.fill("#st-paste", BRIDGE_A)
    page.click("#st-add-paste")
    page.fill("#st-paste", '{"id": "one", "text": "A line with its text."}\n{"id": "two", "title": "no text"}\n')
    page.click("#st-add-paste")
    _expect(page.locator("#st-articles li")).to_have_count(2)
    assert page.locator("#st-articles li").nth(1).locator(".name").text_content() == "pasted-2.jsonl"
    page.click("#st-submit")
    error = page.locator("#st-error")
    error.wait_for(state="visible")
    assert error.text_content() == 'pasted-2.jsonl line 2: no "text" (each line is one article with its text)'
    _expect(page.locator("#st-articles li")).to_have_count(2)  # nothing lost: fix and send again
    assert page.url == server + "/stories"


def test_stories_page_shows_hostile_text_as_text(page, server):
    rows = [{"id": f"{IMG}-1", "title": f"Dam {SCRIPT} breach {IMG}", "text": STORM_A, "date": "2024-01-05"},
            {"id": f"{SCRIPT}-2", "title": IMG, "text": STORM_B, "date": "2024-01-05"}]
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/stories")
    page.fill("#st-paste", "\n".join(json.dumps(r) for r in rows))
    page.click("#st-add-paste")
    page.check("#st-no-briefs")
    page.click("#st-submit")
    page.wait_for_selector("#stories-result:not([hidden])")
    card = page.locator("#st-list > li").first
    assert SCRIPT in card.text_content() and IMG in card.text_content()
    page.reload()
    page.wait_for_selector("#stories-result:not([hidden])")
    assert "Grouped only" in card.text_content()
    page.goto(server + "/stories")  # the recent sets list the hostile headline as text too
    _expect(page.locator("#st-recent")).to_contain_text("Dam")
    _assert_nothing_ran(page, dialogs)
