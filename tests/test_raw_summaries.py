"""No scraping debris, and no broken sentence, in any summary of the 92 raw Multi-News clusters.

The debris signatures below are written independently of ``newsweave.clean`` (which removes
whole debris lines and blocks): they look for what a reader would call page furniture
inside a summary sentence, so a miss by the cleaner shows up here.
"""

import json
import re

import pytest

import newsweave
from newsweave.errors import InputError
from newsweave.ingest import documents_from_texts

from conftest import SHARED, need_shared

RAW = SHARED / "data" / "multi_news_raw" / "dev.jsonl"

DEBRIS = {
    "link": re.compile(r"https?://|\bwww\.\w", re.I),
    "email address": re.compile(r"\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b", re.I),
    "copyright": re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b", re.I),
    "call to action": re.compile(r"\b(?:click|tap) here\b|\bsign up (?:for|to)\b|\bsubscribe (?:now|today|to (?:our|the))\b"
                                 r"|\bfollow us\b|\bshare this\b|\bcontinue reading\b|\bread more\b", re.I),
    "cookie notice": re.compile(r"\bcookies?\b.{0,60}\b(?:policy|consent|accept)", re.I),
    "browser notice": re.compile(r"\bjavascript\b|\byour browser\b|\bad ?blocker\b", re.I),
    "photo credit": re.compile(r"^(?:Photo|Photograph|Image|Picture)s?\s*:|\bGetty Images\b|\(AP Photo", re.I),
    "advertisement": re.compile(r"^advertisement\b", re.I),
    "glued sentences": re.compile(r"\b(?!(?:Mrs|Sen|Gen|Gov|Rep|Col|Capt|Sgt)\.)[A-Za-z]*[a-z]{2}[.!?][A-Z][a-z]"),
}


@pytest.fixture(scope="module")
def raw_summaries():
    need_shared(RAW, "raw Multi-News clusters")
    out = {}
    for line in RAW.open(encoding="utf-8"):
        record = json.loads(line)
        try:
            brief = newsweave.run(documents_from_texts(record["documents"]),
                                  newsweave.Config(words=250, analyze=False))
        except InputError:  # a cluster of dead pages: nothing to summarize, said in one line
            continue
        out[record["id"]] = [s.sentence.text for s in brief.summary]
    return out


def test_every_raw_cluster_but_dead_ones_is_summarized(raw_summaries):
    assert len(raw_summaries) >= 90
    assert all(raw_summaries.values())


def test_no_debris_in_any_raw_summary(raw_summaries):
    found = [f"{cid}: {kind}: {text[:100]}" for cid, texts in raw_summaries.items() for text in texts
             for kind, pattern in DEBRIS.items() if pattern.search(text)]
    assert not found, "\n".join(found)


# What a reader would call a broken sentence: one cut off the sentence before it (it starts
# in lower case: "she said in court on Friday.", "boy walked two miles for help ..."), cut
# before its number ("That puts it behind No."), or a headline or list item (no full stop).
BROKEN = {
    "starts in lower case": re.compile(r"^\W*[a-z]+\b"),  # not "iPhone", "eBay"
    "cut before a number": re.compile(r"\bNo\.$"),
    "no full stop": re.compile(r"^(?!.*[.!?\u2026][\"'\u201d\u2019)\s]*$)", re.S),
}


def test_no_broken_sentence_in_any_raw_summary(raw_summaries):
    found = [f"{cid}: {kind}: {text[:100]}" for cid, texts in raw_summaries.items() for text in texts
             for kind, pattern in BROKEN.items() if pattern.search(text)]
    assert not found, "\n".join(found)
