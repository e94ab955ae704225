"""Pages flattened into one line (newsweave.clean.flat), and the notices served instead of an
article (archive crawl descriptions, account forms, video players), on texts of our own.

Some scrapers and datasets join a page's blocks into one paragraph; the debris then opens or
closes the article's own line. Those ends go, and inside the prose only what speaks to the
reader (a sign-up prompt, "Click here", a rights notice): a caption or a stamp between two
sentences may be glued to the prose, and stays.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import newsweave
from newsweave.clean import find_debris
from newsweave.clean.flat import FLAT_LINE
from newsweave.stories.features import read_item, set_counts
from newsweave.text.lines import kept_line_spans

ARTICLE = (
    "The harbour authority of Quellmouth closed the north pier on Monday after a crane toppled "
    "onto two moored fishing boats, injuring three dock workers. Investigators said a gust of "
    "wind had struck the crane while it lifted a container. Photo: Ada Lindqvist/Harbour Post. "
    "The pier is expected to reopen by Friday, once the wreckage of the boats has been towed away, "
    "the authority's chief told owners in a statement."
)
OPENING = ("Breaking News Emails Get breaking news alerts and special reports. The news and stories "
           "that matter, delivered weekday mornings. ")
CLOSING = " Follow us on Twitter. Share this article."


def kept(text: str) -> str:
    return " ".join(text[s:e] for s, e in kept_line_spans(text, find_debris(text)))


def test_the_opening_and_closing_debris_of_a_flattened_page_go_and_the_article_stays():
    text = OPENING + ARTICLE + CLOSING
    assert len(text.split("\n")) == 1 and len(text) >= FLAT_LINE
    removed = find_debris(text)
    assert [r.text for r in removed] == [
        "Breaking News Emails Get breaking news alerts and special reports.",
        "The news and stories that matter, delivered weekday mornings.",
        "Follow us on Twitter.", "Share this article."]
    assert [r.kind for r in removed] == ["newsletter", "newsletter", "share", "share"]
    for r in removed:
        assert text[r.start:r.end] == r.text
    assert kept(text) == ARTICLE


def test_inside_the_prose_only_debris_that_speaks_to_the_reader_goes():
    # a caption between two sentences may be glued to the prose: it stays; a sign-up prompt goes
    text = ARTICLE + " Sign up for our harbour newsletter. " + ARTICLE.replace("Quellmouth", "Ostermere")
    removed = find_debris(text)
    assert [(r.kind, r.text) for r in removed] == [("newsletter", "Sign up for our harbour newsletter.")]
    assert kept(text) == ARTICLE + " " + ARTICLE.replace("Quellmouth", "Ostermere")
    assert "Photo: Ada Lindqvist/Harbour Post." in kept(OPENING + ARTICLE)


def test_a_caption_glued_to_the_first_sentence_keeps_that_sentence():
    glued = ("Image copyright Harbour Post Image caption The crane before it fell The harbour "
             "authority of Quellmouth closed the north pier on Monday after a crane toppled onto "
             "two moored fishing boats.")
    text = OPENING + glued + " " + ARTICLE.split(". ", 1)[1]
    assert "closed the north pier on Monday" in kept(text)
    assert "Breaking News Emails" not in kept(text)


def test_a_credit_rule_does_not_take_a_short_flattened_article_its_caption_is_glued_to():
    # the line matches a credit rule as a whole, and its first "sentence" is mostly caption:
    # still an article
    first = ("Image copyright Harbour Post Image caption The crane before it fell The harbour authority of "
             "Quellmouth closed the north pier on Monday after a crane toppled onto two moored fishing boats, "
             "injuring three dock workers.")
    page = first + " " + ARTICLE.split(". ", 1)[1]
    assert FLAT_LINE <= len(page) < 2 * FLAT_LINE
    assert "closed the north pier on Monday" in kept(page)
    assert "The pier is expected to reopen by Friday" in kept(page)


def test_a_furniture_rule_does_not_take_the_article_of_a_flattened_page():
    # a player's controls match anywhere in a block: glued before an article, they take only their sentence
    page = "Play Facebook Twitter Embed Crane falls on harbour boats 2:39 Watch the video. " + ARTICLE
    assert "Investigators said a gust of wind" in kept(page)
    assert "Embed" not in kept(page)
    # the same controls on a line of a page that keeps its line breaks: the line goes whole
    block = ("Play Facebook Twitter Embed Crane falls on harbour boats 2:39 Watch the video. "
             "Replay More Videos Autoplay " * 5).strip()
    multi = ARTICLE + "\n" + block + "\n" + ARTICLE.replace("Quellmouth", "Ostermere")
    assert [r.text for r in find_debris(multi)] == [block]


PLAYER_CAPTIONS = ("Harbour chief Ines Moro ( left ) and a dock worker embed more news videos watch the report in "
                   "the player above. Embed more news videos the harbour chief speaks to reporters on the north pier. "
                   "Embed more news videos divers search the water under the fallen crane. ")
GALLERY = ("Quellmouth crane collapse photo: harbour post image 1 of / 6 caption close image 1 of 6 the crane on "
           "the north pier. The crane on the north pier. Photo: Ada Lindqvist / harbour post image 2 of / 6 caption "
           "close image 2 of 6 two fishing boats under the crane's arm. Two fishing boats under the crane's arm. "
           "Photo: Ada Lindqvist / harbour post image 3 of / 6 caption close image 3 of 6 divers in the harbour.")


def test_a_flattened_page_that_is_mostly_furniture_keeps_its_run_of_prose():
    # a player's captions, several of them, glued before the article: the article stays, credit and all
    for furniture in (PLAYER_CAPTIONS, GALLERY + " "):
        page = furniture + ARTICLE
        assert len(find_debris(page)) >= 2
        text = kept(page)
        assert ARTICLE in text
        assert "Embed" not in text and "image 2 of" not in text
    # a gallery alone, captions between its labels and no run of prose: removed whole, as before
    assert [(r.kind, r.start, r.end) for r in find_debris(GALLERY)] == [("navigation", 0, len(GALLERY))]


def test_a_short_line_is_judged_as_a_whole():
    text = "Share this article. The pier reopens on Friday, the harbour authority said."
    assert len(text) < FLAT_LINE
    assert find_debris(text) == []


def test_a_notice_that_is_debris_as_a_whole_is_removed_whole():
    notice = ("Archive crawls of pages as they are created are kept so that a link keeps working. "
              "That way, the version that was live when a page was written is preserved. "
              "The crawl started from a list of seed urls, and its warc files are shared with "
              "partner libraries. Each capture is indexed, whatever the host of the page. "
              "Questions about the collection go to the archive's own team of librarians and its curators.")
    assert len(notice) >= FLAT_LINE
    removed = find_debris(notice)
    assert len(removed) == 1 and removed[0].kind == "dead_page"
    assert (removed[0].start, removed[0].end) == (0, len(notice))


def test_the_sentence_ends_of_a_flattened_page_include_a_stamp_after_the_stop():
    text = (OPENING.rstrip() + " / Updated by Ada Lindqvist " + ARTICLE)
    assert "delivered weekday mornings" not in kept(text)
    assert "harbour authority of Quellmouth" in kept(text)


def test_archive_account_and_player_notices_are_debris():
    for line, kind in [
        ("Focused crawls are collections of frequently-updated webcrawl data from narrow crawls of one domain.", "dead_page"),
        ("Crawl of outlinks from example.org started June, 2019. These files are currently not publicly accessible.", "dead_page"),
        ("The seed for wide00042 was: the front pages of every domain with an incoming link.", "dead_page"),
        ("Add a location to your tweets when you tweet with a location, Twitter stores that location.", "dead_page"),
        ("Sorry, the page you requested was not found. " + "Please check the address for spelling. " * 10, "dead_page"),
        ("Just one more thing... We have sent you a verification email. Please check your email.", "newsletter"),
        ("Get push notifications with news, features and more.", "newsletter"),
        ("Add harbours as an interest to stay up to date on the latest harbour news.", "newsletter"),
        ("Please purchase a subscription to continue reading. A subscription is required to continue reading.", "paywall"),
        ("Rating is available when the video has been rented.", "navigation"),
        ("To order presentation-ready copies for distribution to your colleagues, use the order form.", "copyright"),
    ]:
        removed = find_debris(line)
        assert [r.kind for r in removed] == [kind], line
        assert (removed[0].start, removed[0].end) == (0, len(line)), line


def test_news_about_crawls_and_subscriptions_is_not_debris():
    for line in [
        "Rescuers had to crawl through the collapsed tunnel for an hour to reach the two miners, the fire chief said.",
        "Subscriptions to the streaming service rose 8 percent in the quarter, the company reported on Tuesday.",
        "The museum's collection of maps is not publicly accessible until the restoration ends, its director said.",
    ]:
        assert find_debris(line) == [], line


def test_identical_archive_notices_in_a_pile_are_each_a_story_of_their_own():
    notice = ("Crawl of outlinks from example.org started June, 2019. These files are currently not "
              "publicly accessible. Properties of this collection. Duplicate detection was turned off "
              "for this collection, and the seed list was built from all the wikis.")
    articles = [{"id": f"dead{i}", "text": notice} for i in range(4)]
    articles += [{"id": "pier1", "text": ARTICLE},
                 {"id": "pier2", "text": ARTICLE.replace("on Monday", "on Monday morning")}]
    for a in articles[:4]:
        item = read_item(a)
        set_counts(item, set())
        assert sum(item.counts.values()) == 0  # nothing of an article is left
    result = newsweave.stories(articles, briefs=False)
    groups = sorted(sorted(a["id"] for a in s["articles"]) for s in result["stories"])
    assert groups == [["dead0"], ["dead1"], ["dead2"], ["dead3"], ["pier1", "pier2"]]


SENTENCE = st.sampled_from([
    "The pier reopened on Friday.", "Share this article.", "Follow us on Twitter.",
    "Officials said the crane was inspected in May.", "Sign up for our newsletter.",
    "\u201cWe were lucky,\u201d a worker said.", "Photo: Ada Lindqvist/Harbour Post", "All rights reserved.",
    "Three people were hurt.", "Read more: harbour news", "© 2024 Harbour Post",
])


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.lists(SENTENCE, min_size=1, max_size=30), min_size=1, max_size=4))
def test_removals_are_exact_sorted_and_leave_whole_sentences(lines):
    text = "\n".join(" ".join(line) for line in lines)
    removed = find_debris(text)
    prev = -1
    for r in removed:
        assert text[r.start:r.end] == r.text and r.start > prev
        prev = r.end
        # a removal starts at a line start or after a sentence end and a space
        assert r.start == 0 or text[r.start - 1] == "\n" or (
            text[r.start - 1] == " " and re.search(r"[.!?][\"'\u201d)\]]?$", text[:r.start - 1]))
        assert r.end == len(text) or text[r.end] in " \n"
    spans = kept_line_spans(text, removed)
    for s, e in spans:  # kept text never overlaps a removal
        assert not any(r.start < e and s < r.end for r in removed)
    covered = sum(e - s for s, e in spans) + sum(r.end - r.start for r in removed)
    assert covered <= len(text)
