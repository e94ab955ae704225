"""The cleaning stage: find scraping debris in plain-text news articles.

Raw web text carries page furniture around the article: newsletter boxes, donation
appeals, copyright lines, share buttons, photo credits, reader comments, error pages.
The summarizer must never quote it, and the user must be able to check what we took
out, so :func:`find_debris` *reports* removals (kind + exact offsets) instead of
silently rewriting the text.

Design
------
* Debris is judged **line by line** (scrapers put each page block on its own line) and
  every removal covers whole lines: ``start`` is a line start, ``end`` a line end
  (before the newline), ``text == doc_text[start:end]``. A page flattened into one long
  line is judged sentence by sentence (``flat``): its opening and closing debris go, and
  in between only what speaks to the reader; there a removal starts and ends at sentence
  boundaries inside the line.
* Rules look at the **shape** of a line as much as at its words: boilerplate is short,
  imperative ("Sign up", "Follow", "Click"), addressed to the reader ("your inbox"),
  made of UI labels, or sits at the very start or end of the page.  Article prose is
  long, third person and full of reported speech, so many rules are *soft*: they skip
  a line that quotes someone or reports speech ("said", "told", quotation marks).
* A small ordered table of ``(kind, pattern)`` rules handles single lines; a few
  structural detectors handle what only context reveals: a reader-comment thread (cut
  from its header to the end of the page), a multi-paragraph donation box, a
  "Read more:" list of related headlines, a section label under the headline, a
  byline followed by a date, a paywall teaser cut off with "...", and the leftovers
  of a page that turned out to be an error page.
* Speed: everything is compiled at import, and each rule names the words (or
  substrings) it cannot match without, so a line is only tried against the few rules
  whose words it contains; pure shape rules (separators, lone credits) are anchored
  and length-capped.  A 15 KB article takes about 1.5 ms of CPU on a slow VM.

Modules
-------
* ``rules``: the rule table (kinds of debris, their line patterns and gates);
* ``stamps``: what a page's date and time stamps look like (from ``text.dates``);
* ``lines``: line splitting, normalisation, gating and classification;
* ``flat``: pages flattened into one line, read as their sentences;
* ``page``: the page-structure passes (comment thread, donation box, call-to-action lead-in,
  related-links tail, top and foot of page, dead-page leftovers);
* this module: :func:`find_debris`, the stage's entry point, which runs them in order.
"""

from __future__ import annotations

from ..model import Removal
from .flat import ends_only, to_break, unflatten
from .lines import classify, is_foreign_link, split_lines
from .page import (comment_thread_start, cta_lead_in, dead_leftovers, donation_box, foot_of_page, related_tail,
                   top_of_page)
from .rules import KINDS

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow)
READS = ("Document.text",)
WRITES = ("Document.removed",)

__all__ = ["KINDS", "find_debris"]


def find_debris(text: str) -> list[Removal]:
    """Removals sorted by start, non-overlapping; each covers whole lines (start at a
    line start, end at the line end, excluding the newline)."""
    if not text or not text.strip():
        return []
    lines = split_lines(text)
    broken = to_break(text, lines)  # long lines read as their sentences (flat.py)
    if broken:
        lines = split_lines(unflatten(text, [(start, end) for start, end, _ in broken]))
    n = len(lines)
    kinds: list[str | None] = [None] * n

    # 1. Reader-comment thread: one removal from its header to the end of the page.
    thread = comment_thread_start(lines)
    limit = n if thread is None else thread

    # 2. Line rules.
    cache: dict = {}
    for i in range(limit):
        s, low, gate = lines[i][2:]
        k = classify(s, low, gate)
        if k is None and is_foreign_link(s, text, cache):
            k = "language_link"
        kinds[i] = k

    # 3. Context rules, on the lines still kept.
    donation_box(lines, kinds, limit)
    cta_lead_in(lines, kinds, limit)
    related_tail(lines, kinds, limit)
    top_of_page(lines, kinds, limit)
    foot_of_page(lines, kinds, limit)
    dead_leftovers(lines, kinds, limit)
    ends_only(text, lines, kinds, limit, {start: kind for start, _, kind in broken if kind})

    # 4. Build removals; a donation box is reported as one block.
    out: list[Removal] = []
    i = 0
    while i < limit:
        k = kinds[i]
        if k is None:
            i += 1
            continue
        j = i
        if k == "donation":
            while j + 1 < limit and kinds[j + 1] == "donation":
                j += 1
        start, end = lines[i][0], lines[j][1]
        out.append(Removal(k, start, end, text[start:end]))
        i = j + 1
    if thread is not None:
        start, end = lines[thread][0], lines[-1][1]
        out.append(Removal("comments", start, end, text[start:end]))
    return out
