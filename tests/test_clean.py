"""Scraping-debris detection (newsweave.clean).

The seed articles are read at run time from the shared data folder (never copied into
the repository); expected debris lines are located by searching the seed text with
short generic patterns, so these tests say *what kind of line* must go, not which
words a particular site used.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsweave.clean import KINDS, find_debris
from newsweave.model import Removal


# --------------------------------------------------------------------------- helpers


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of every non-blank line."""
    out, pos = [], 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        if raw.strip():
            out.append((pos, end, raw.strip()))
        pos = end + 1
    return out


def _covering(removals: list[Removal], start: int, end: int) -> Removal | None:
    """The removal that covers [start, end), if any."""
    for r in removals:
        if r.start <= start and end <= r.end:
            return r
    return None


def _touching(removals: list[Removal], start: int, end: int) -> list[Removal]:
    return [r for r in removals if r.start < end and start < r.end]


def _find_lines(text: str, pattern: str, flags: int = 0) -> list[tuple[int, int, str]]:
    rx = re.compile(pattern, flags)
    found = [ln for ln in _lines(text) if rx.search(ln[2])]
    assert found, f"test setup: no line matches {pattern!r}"
    return found


def _assert_removed(text: str, removals: list[Removal], pattern: str, kind: str, flags: int = 0) -> None:
    for start, end, line in _find_lines(text, pattern, flags):
        r = _covering(removals, start, end)
        assert r is not None, f"not removed: {line[:80]!r}"
        assert r.kind == kind, f"{line[:80]!r} removed as {r.kind!r}, expected {kind!r}"


def _assert_well_formed(text: str, removals: list[Removal]) -> None:
    prev_end = -1
    for r in removals:
        assert r.kind in KINDS
        assert text[r.start:r.end] == r.text
        assert r.start < r.end
        assert r.start > prev_end, "removals must be sorted and non-overlapping"
        prev_end = r.end
        assert r.start == 0 or text[r.start - 1] == "\n", "a removal starts at a line start"
        assert r.end == len(text) or text[r.end] in "\r\n", "a removal ends at a line end"


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[str, list[Removal]]]:
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, find_debris(text))
    assert len(out) == 5, f"expected 5 seed articles in {seeds_dir}, found {len(out)}"
    return out


def _comment_thread(text: str) -> tuple[int, int]:
    """Span of seed 003's comment thread: from its "Comments <n>" header to the end."""
    start = _find_lines(text, r"^Comments \d+$")[0][0]
    return start, _lines(text)[-1][1]


def _donation_box(text: str) -> tuple[int, int]:
    """Span of seed 004's support box: first to last paragraph opening with "Your support"."""
    found = _find_lines(text, r"^Your support\b")
    assert len(found) >= 2
    return found[0][0], found[-1][1]


def _debris_regions(name: str, text: str) -> list[tuple[int, int]]:
    if name == "003":
        return [_comment_thread(text)]
    if name == "004":
        return [_donation_box(text)]
    return []


def test_seed_removals_are_well_formed(seeds):
    for text, removals in seeds.values():
        _assert_well_formed(text, removals)


def test_seed_000_newsletter_and_section_label(seeds):
    text, removals = seeds["000"]
    _assert_removed(text, removals, r"^Sign up\b", "newsletter")
    # The short label between the headline and the first paragraph is page furniture;
    # the headline itself stays.
    lines = _lines(text)
    headline, label = lines[0], lines[1]
    assert len(label[2].split()) <= 3 and len(headline[2]) > len(label[2])
    r = _covering(removals, label[0], label[1])
    assert r is not None and r.kind == "navigation"
    assert not _touching(removals, headline[0], headline[1])


def test_seed_001_is_clean(seeds):
    text, removals = seeds["001"]
    assert removals == []


def test_seed_002_footer(seeds):
    text, removals = seeds["002"]
    _assert_removed(text, removals, r"^Copyright\b", "copyright")
    _assert_removed(text, removals, r"^Reuse\b", "copyright")
    _assert_removed(text, removals, r"^Additional reporting by\b", "credit")
    _assert_removed(text, removals, r"^Get alerts\b", "newsletter")
    _assert_removed(text, removals, r"^Follow\b", "share")


def test_seed_003_comment_thread_is_one_removal_to_the_end(seeds):
    text, removals = seeds["003"]
    start, end = _comment_thread(text)
    thread = [r for r in removals if r.kind == "comments"]
    assert len(thread) == 1
    assert thread[0].start == start
    assert thread[0].end == end
    assert thread[0] is removals[-1]


def test_seed_003_language_link(seeds):
    text, removals = seeds["003"]
    # The line written mostly in Arabic script: a "read this in Arabic" link.
    _assert_removed(text, removals, r"^[\u0600-\u06ff]{2,}", "language_link")


def test_seed_004_boxes(seeds):
    text, removals = seeds["004"]
    _assert_removed(text, removals, r"otifications", "newsletter")
    _assert_removed(text, removals, r"^Comments$", "comments")
    _assert_removed(text, removals, r"^AP$", "credit")
    _assert_removed(text, removals, r"^Join\b", "share")
    _assert_removed(text, removals, r"^Thank you for\b", "share")
    _assert_removed(text, removals, r"^Please refresh\b", "share")


def test_seed_004_donation_paragraphs(seeds):
    text, removals = seeds["004"]
    start, end = _donation_box(text)
    inside = [ln for ln in _lines(text) if start <= ln[0] and ln[1] <= end]
    assert len(inside) >= 3
    for s, e, line in inside:
        r = _covering(removals, s, e)
        assert r is not None and r.kind == "donation", f"not removed as donation: {line[:60]!r}"


def test_seed_real_content_survives(seeds):
    """Every long line outside the known debris regions is untouched."""
    checked = 0
    for name, (text, removals) in seeds.items():
        regions = _debris_regions(name, text)
        for s, e, line in _lines(text):
            if len(line) <= 150 or any(a <= s and e <= b for a, b in regions):
                continue
            assert not _touching(removals, s, e), f"seed {name}: real paragraph removed: {line[:80]!r}"
            checked += 1
    assert checked > 50


def test_seed_quotes_survive(seeds):
    """Paragraphs that quote someone are article text, however short."""
    checked = 0
    for name, (text, removals) in seeds.items():
        regions = _debris_regions(name, text)
        for s, e, line in _lines(text):
            if len(line) < 40 or not re.search(r"[\"\u201c\u201d]", line):
                continue
            if any(a <= s and e <= b for a, b in regions):
                continue
            assert not _touching(removals, s, e), f"seed {name}: quote removed: {line[:80]!r}"
            checked += 1
    assert checked > 20


def test_seed_headlines_survive(seeds):
    for name, (text, removals) in seeds.items():
        first = _lines(text)[0]
        if name == "004":  # opens with a notification box; the headline follows it
            continue
        assert not _touching(removals, first[0], first[1]), f"seed {name}: first line removed"


# --------------------------------------------------------------------------- synthetic

ARTICLE = (
    "Council approves new budget after long debate\n"
    "\n"
    "The city council approved a $2 billion budget on Tuesday after a debate that lasted "
    "late into the night, with members split over police funding.\n"
    "\n"
    "\u201cThis is a budget for everyone,\u201d the mayor told reporters after the vote.\n"
)


def test_empty_and_blank():
    assert find_debris("") == []
    assert find_debris("   \n\n \t\n") == []


def test_clean_article_untouched():
    assert find_debris(ARTICLE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The court ruled that the song did not infringe copyright law, ending a five-year dispute.",
        "Comments made by the senator on Tuesday drew sharp criticism from both parties.",
        "Netflix added 5 million subscribers in the quarter, beating analysts' expectations.",
        "Any increase in rates, however small, would hurt borrowers, the central bank warned.",
        "He was already a member of the club when the scandal broke.",
        "Travelers passed through a security check at the airport before boarding the plane.",
        "Share prices fell 3 percent on Monday after the company cut its forecast.",
        "Photos show the building collapsing moments after the blast.",
        "Support for the bill grew in the Senate after the amendment passed.",
    ],
)
def test_news_sentences_with_boilerplate_words_survive(sentence):
    text = ARTICLE + "\n" + sentence + "\n\nThe vote was 7 to 2, with two members absent.\n"
    assert find_debris(text) == []


def test_offsets_and_order_on_a_messy_page():
    text = (
        "Skip to content\n"
        "Council approves new budget after long debate\n"
        "By Jane Doe\n"
        "\n"
        "The city council approved a $2 billion budget on Tuesday after a debate that lasted "
        "late into the night.\n"
        "Advertisement\n"
        "\u201cThis is a budget for everyone,\u201d the mayor said.\u00a0\n"
        "Share on Facebook\n"
        "Sign up for our daily newsletter\r\n"
        "\u00a9 2024 Example Media. All rights reserved.\n"
        "Comments (12)\n"
    )
    removals = find_debris(text)
    _assert_well_formed(text, removals)
    got = {r.text.strip(): r.kind for r in removals}
    assert got == {
        "Skip to content": "navigation",
        "By Jane Doe": "credit",
        "Advertisement": "navigation",
        "Share on Facebook": "share",
        "Sign up for our daily newsletter": "newsletter",
        "\u00a9 2024 Example Media. All rights reserved.": "copyright",
        "Comments (12)": "comments",
    }


def test_comment_thread_runs_to_the_end():
    text = ARTICLE + (
        "\nComments 3\n"
        "reader_one 12 March 2021, 09:15\n"
        "I disagree with every word of this.\n"
        "\n"
        "someone 12 March 2021, 10:02\n"
        "Great reporting, thanks.\n"
    )
    removals = find_debris(text)
    _assert_well_formed(text, removals)
    assert len(removals) == 1
    r = removals[0]
    assert r.kind == "comments"
    assert r.text.startswith("Comments 3")
    assert r.end == len(text.rstrip("\n"))


def test_donation_box_spanning_paragraphs():
    text = ARTICLE + (
        "\nYour support helps us keep our journalism free for everyone.\n"
        "\n"
        "We do not put our reporting behind a paywall, because we believe everyone deserves access to the facts.\n"
        "\n"
        "Your donation makes that possible.\n"
        "\n"
        "The budget takes effect on July 1.\n"
    )
    removals = find_debris(text)
    assert [r.kind for r in removals] == ["donation"]
    assert removals[0].text.startswith("Your support")
    assert removals[0].text.endswith("possible.")


def test_dead_page_with_leftovers():
    text = "Notice\n\nYou must log in to continue.\n"
    removals = find_debris(text)
    assert [r.kind for r in removals] == ["dead_page", "dead_page"]


def test_error_and_browser_notices():
    for line in (
        "Sorry, the page you were looking for could not be found.",
        "We've noticed that you are using an ad blocker.",
        "Please enable JavaScript to continue.",
        "Your browser is not supported.",
    ):
        removals = find_debris(ARTICLE + "\n" + line + "\n")
        assert [r.kind for r in removals] == ["dead_page"], line


def test_foreign_script_link():
    text = ARTICLE + "\n\u0627\u0642\u0631\u0623 \u0647\u0630\u0627 \u0628\u0627\u0644\u0639\u0631\u0628\u064a\u0629\n"
    removals = find_debris(text)
    assert [r.kind for r in removals] == ["language_link"]


def test_related_links_at_the_foot():
    text = ARTICLE + "\nRead more:\nMayor unveils transit plan\nSchools brace for cuts as deficit grows\n"
    removals = find_debris(text)
    assert [r.kind for r in removals] == ["share", "navigation", "navigation"]


def test_live_blog_entries_are_not_a_comment_thread():
    text = (
        "Storm hits the coast: live updates\n\n"
        "Jane Smith 9 May 2014, 10:45\nPower is out across the county.\n\n"
        "John Roe 9 May 2014, 10:55\nRoads along the shore are closed.\n\n"
        "Jane Smith 9 May 2014, 11:05\nMore rain is forecast for the evening.\n"
    )
    assert [r for r in find_debris(text) if r.kind == "comments"] == []


def test_quoted_speech_is_not_an_appeal():
    # Soft rules leave reported speech alone, even when it uses appeal vocabulary.
    text = ARTICLE + "\n\u201cYour support helps us, and we rely on you,\u201d the charity's director said.\n"
    assert find_debris(text) == []


def test_crlf_and_nbsp_offsets():
    text = "Council approves budget\r\n\r\nAdvertisement\r\nSign\u00a0up for our newsletter\r\nThe vote was close.\r\n"
    removals = find_debris(text)
    _assert_well_formed(text, removals)
    assert [(r.kind, r.text) for r in removals] == [
        ("navigation", "Advertisement"),
        ("newsletter", "Sign\u00a0up for our newsletter"),
    ]


def test_a_paragraph_with_a_planted_tag_keeps_its_prose():
    line = ("Flood barriers failed along the river in Tamsworth on Friday night, officials said. "
            "<script>alert('x')</script><img src=x onerror=alert(1)> About 300 homes were evacuated "
            "as the water rose above the quay, and the council opened two shelters.")
    assert find_debris(line) == []  # the prose stays; the renderers show the tags as text
    assert [r.kind for r in find_debris('<div class="promo"><a href="https://x.example/">')] == ["navigation"]


def test_teasers_for_other_pages_are_debris():
    teasers = [
        "Follow the always-running Harbour Draughts Open: Watch and chat on our site.",
        "Old Rivals vs Young Guns: Ten Classic Games of the Century ...",
        "You can follow their ride on The Evening Show and on the Ride Challenge website.",
        "HOW TO REACH US",
        "Questions should be directed to the Harbour News Service at 555-0100.",
    ]
    prose = [
        "The ferry ran aground near the harbour on Monday, the coastguard said.",
        "Follow-up inspections found cracks in the hull, officials said on Tuesday.",
        "Follow the money, the investigators told the council on Tuesday.",
        "Questions about the ferry's safety were raised by residents on Monday.",
    ]
    text = "\n\n".join(prose[:2] + teasers + prose[2:]) + "\n"
    removed = {text[r.start:r.end].strip() for r in find_debris(text)}
    assert set(teasers) <= removed
    assert not removed & set(prose)


def test_a_short_promotion_paragraph_ending_in_a_follow_prompt_is_debris():
    promo = ("The Ride Challenge returns for another year to raise money for the harbour lifeboats. "
             "You can follow their ride on The Evening Show and on the Ride Challenge website.")
    # a long paragraph of news that ends with such a prompt is the article's own: kept
    news = ("The lifeboat crew rescued two fishermen off Gull Point on Saturday after their trawler lost "
            "power in heavy seas, the coastguard said. The men were taken to hospital in Penhallow and "
            "released the same evening, and the trawler was towed back to harbour on Sunday morning. "
            "You can follow the crew's work on the station's website.")
    text = promo + "\n\n" + news + "\n"
    removed = [text[r.start:r.end].strip() for r in find_debris(text)]
    assert removed == [promo]


def test_related_link_cards_pasted_into_a_paragraph_are_debris():
    line = ("Former Mayor Jane Quill Doe Jane Quill DoeDoe: Bridge vote 'a disgrace' MORE said "
            "on Sunday that the council should vote again.")
    text = "The council voted to close the bridge on Monday.\n\n" + line + "\n"
    removed = [text[r.start:r.end].strip() for r in find_debris(text)]
    assert removed == [line]
