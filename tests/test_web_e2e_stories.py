"""The Stories page in headless Chromium: a pile dropped and pasted, grouped into stories, each
brief opened and shared; bad input said plainly; hostile text shown as text (browser.py has
the server, the browser and the helpers)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from browser import (IMG, SCRIPT, STORM_A, STORM_B, _assert_nothing_ran, _expect, browser, page,  # noqa: F401
                     server)  # (fixtures)


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
    page.fill("#st-paste", CHESS.split("\n\n", 1)[1])  # pasted without its title
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
        # an article is named by its title, else by its first clean sentence (its lead)
        assert cards.nth(i).locator(".story-article-title").all_text_contents() == \
            [a["title"] or (f"“{a['lead']}”" if a["lead"] else a["id"]) for a in s["articles"]]
    assert cards.nth(2).locator(".story-article-title").text_content().startswith("“Sixteen-year-old Maya Lindqvist won")
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
