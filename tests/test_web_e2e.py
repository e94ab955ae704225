"""The real page in headless Chromium: upload the built-in example, read the brief, follow a
citation, re-run with an article added, and make sure no script from an article ever runs.
(The Stories page: test_web_e2e_stories.py; the server, browser and helpers: browser.py.)
``NEWSWEAVE_UPDATE_SCREENSHOT=1`` rewrites docs/screenshot.png, the README's picture.
"""

from __future__ import annotations

import os
from pathlib import Path

from browser import (EXAMPLE_FILES, IMG, SCRIPT, STORM_A, STORM_B, TIMEOUT_MS, _assert_nothing_ran, _brief,
                     _expect, _server_db, _weave_example, browser, page, server)  # noqa: F401  (fixtures)

from conftest import ROOT


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
