"""Flattened pages: a whole page on one line, its debris glued to the article.

Some scrapers and datasets (Multi-News among them) join a page's blocks into one paragraph:
"Breaking News Emails Get breaking news alerts and special reports. The news and stories
that matter, delivered weekday mornings. Adult film star Stormy Daniels sued ...". The line
rules cannot judge such a line as a whole. So a long line is read as the sentences it is
made of: :func:`unflatten` breaks it at its sentence ends (one space becomes a newline, so
every offset stays the same) and the rules judge each sentence as they judge a line.

A long line that is debris as a whole (an archive's crawl notice) is removed whole, as any
line; only the others are broken up (:func:`to_break`), and, on a page that is one line, a
line that only a furniture rule takes whole (a gallery's or a player's, which match anywhere
in a block) unless it is debris sentence by sentence too. Debris sits where a
scraper glued it, before the article or after it, and between two sentences of prose a
caption, a credit or a stamp may be glued to the next sentence ("Photo: AP Kansas City, Mo.
..."). So in a broken line the debris that opens it and the debris that closes it go
(:func:`ends_only`), and in between only what speaks to the reader (``ADDRESSED``: "Sign up
for ...", "Click here ...", "All rights reserved"), which prose does not say. A flattened
page has lost the line break after a caption, so a caption is glued to the sentence after it
("Image copyright Getty Images Image caption The band in 1975 The band has unveiled two
unheard songs ..."): a sentence longer than ``GLUED`` is kept whole, as the article's
sentence it most likely holds is worth more than the debris it starts with.
"""

from __future__ import annotations

import re

from .lines import classify, split_lines

FLAT_LINE = 400  # a line this long (characters) is read sentence by sentence
# A sentence of a broken line longer than this that starts like debris ("Image copyright
# Getty Images Idris Elba has posted ...") is debris glued to the article's own sentence: kept.
GLUED = 150
# Debris that speaks to the reader ("Sign up for ...", "Click here ...", "All rights reserved")
# goes wherever it stands; a caption, credit, stamp or menu label between two sentences stays.
ADDRESSED = {"newsletter", "share", "copyright", "paywall", "consent", "dead_page", "donation"}
# A sentence end inside a line: ".", "!" or "?" (and a closing quote or bracket), one space,
# then anything but a lower-case letter (a capital, a digit, a quotation mark, "/ Updated").
_GAP = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]?( )(?=[^\sa-z])")


def to_break(text: str, lines) -> list[tuple[int, int]]:
    """The lines of ``text`` to read as their sentences: those of ``FLAT_LINE`` characters or
    more that are not debris as a whole. On a flattened page (one line holds most of it) a
    line that a furniture rule matches as a whole (a gallery's "Image 1 of 29", a player's
    "Embed ... 2:39") is broken too, unless it is a dead page or mostly debris sentence by
    sentence (half its characters, or two sentences inside it): a rule written for a block of
    furniture must not take the article glued to it."""
    sizes = [len(ln.s) for ln in lines]
    flattened = bool(sizes) and max(sizes) >= 0.8 * sum(sizes)
    out = []
    for ln in lines:
        if len(ln.s) < FLAT_LINE:
            continue
        kind = classify(ln.s, ln.low, ln.gate)
        if kind is None or (flattened and kind != "dead_page" and not _mostly_debris(text, ln)):
            out.append((ln.start, ln.end))
    return out


def _mostly_debris(text: str, line) -> bool:
    pieces = split_lines(unflatten(text, [(line.start, line.end)])[line.start:line.end])
    kinds = [classify(p.s, p.low, p.gate) for p in pieces]
    debris = sum(len(p.s) for p, k in zip(pieces, kinds) if k)
    return debris >= 0.5 * len(line.s) or sum(1 for k in kinds[1:-1] if k) >= 2


def unflatten(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the lines at ``spans`` (those of ``FLAT_LINE`` characters or more that
    are not debris as a whole) broken at their sentence ends: the space after a sentence
    becomes a newline (same length, same offsets)."""
    chars = list(text)
    for start, end in spans:
        for gap in _GAP.finditer(text, start, end):
            chars[gap.start(1)] = "\n"
    return "".join(chars)


def ends_only(text: str, lines, kinds: list, limit: int) -> None:
    """In each line of ``text`` that :func:`unflatten` broke, keep the debris found at its
    start and at its end, and between kept sentences only the ``ADDRESSED`` kinds."""
    i = 0
    while i < limit:
        j = i + 1
        while j < limit and text[lines[j].start - 1] != "\n":  # the same line of text
            j += 1
        if j - i > 1:
            for k in range(i, j):  # a long sentence that starts like debris is glued to prose
                if kinds[k] and len(lines[k].s) > GLUED:
                    kinds[k] = None
            kept = [k for k in range(i, j) if kinds[k] is None]
            if kept:
                for k in range(kept[0] + 1, kept[-1]):
                    if kinds[k] not in ADDRESSED:
                        kinds[k] = None
        i = j
