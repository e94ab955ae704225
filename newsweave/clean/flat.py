"""Flattened pages: a whole page on one line, its debris glued to the article.

Some scrapers and datasets (Multi-News among them) join a page's blocks into one paragraph:
"Breaking News Emails Get breaking news alerts and special reports. The news and stories
that matter, delivered weekday mornings. Adult film star Stormy Daniels sued ...". The line
rules cannot judge such a line as a whole. So a long line is read as the sentences it is
made of: :func:`unflatten` breaks it at its sentence ends (one space becomes a newline, so
every offset stays the same) and the rules judge each sentence as they judge a line.

A long line that is debris as a whole (an archive's crawl notice) is removed whole, as any
line; only the others are broken up (:func:`to_break`). On a page that is one line, so is a
line that another rule takes whole (a gallery's or a player's furniture, which match
anywhere in a block; a picture's credit glued to the first sentence); if it is mostly debris
sentence by sentence (a gallery, a player's captions), only its long runs of prose stay, and
without one it goes whole. Debris sits where a
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
# Inside a line that is mostly furniture, debris this short between two sentences of prose (a
# credit, a stamp) is glued to the prose; longer debris (a gallery's "Image 2 of 6 ...") ends it.
GLUED_DEBRIS = 60
# Debris that speaks to the reader ("Sign up for ...", "Click here ...", "All rights reserved")
# goes wherever it stands; a caption, credit, stamp or menu label between two sentences stays.
ADDRESSED = {"newsletter", "share", "copyright", "paywall", "consent", "dead_page", "donation"}
# A sentence end inside a line: ".", "!" or "?" (and a closing quote or bracket), one space,
# then anything but a lower-case letter (a capital, a digit, a quotation mark, "/ Updated").
_GAP = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]?( )(?=[^\sa-z])")


def to_break(text: str, lines) -> list[tuple[int, int, str | None]]:
    """The lines of ``text`` to read as their sentences, as ``(start, end, kind)``: those of
    ``FLAT_LINE`` characters or more that are not debris as a whole (``kind`` None). On a
    flattened page (one line holds most of it) a line that a rule matches as a whole (a
    gallery's "Image 1 of 29", a player's "Embed ... 2:39", a picture's "Image copyright")
    is broken too, unless it is a dead page: a rule written for a block of furniture must not
    take the article glued to it. If such a line is mostly debris sentence by sentence (half
    its characters, or two sentences inside it: a gallery, a player's captions; a sentence
    over ``GLUED`` characters that starts like a credit or a prompt counts as the prose it is
    glued to, as in :func:`ends_only`), only its runs of prose of
    ``FLAT_LINE`` characters or more are kept (``kind`` is the rule's, for the rest:
    :func:`ends_only`), and a line without such a run stays whole, for the rule to take."""
    sizes = [len(ln.s) for ln in lines]
    flattened = bool(sizes) and max(sizes) >= 0.8 * sum(sizes)
    out = []
    for ln in lines:
        if len(ln.s) < FLAT_LINE:
            continue
        kind = classify(ln.s, ln.low, ln.gate)
        if kind is None:
            out.append((ln.start, ln.end, None))
        elif flattened and kind != "dead_page":
            pieces = split_lines(unflatten(text, [(ln.start, ln.end)])[ln.start:ln.end])
            # a long sentence that starts like a credit or a prompt is glued to the article's first
            # sentence (ends_only); a long one of furniture (a gallery's, a script's) is not
            kinds = [classify(p.s, p.low, p.gate) for p in pieces]
            kinds = [None if k and k != "navigation" and len(p.s) > GLUED else k for p, k in zip(pieces, kinds)]
            debris = sum(len(p.s) for p, k in zip(pieces, kinds) if k)
            if debris < 0.5 * len(ln.s) and sum(1 for k in kinds[1:-1] if k) < 2:
                out.append((ln.start, ln.end, None))
            elif _prose_runs(pieces, kinds):
                out.append((ln.start, ln.end, kind))
    return out


def _prose_runs(pieces, kinds) -> list[range]:
    """The runs of prose among a line's sentences (``pieces``, their ``kinds``) that span
    ``FLAT_LINE`` characters or more, as ranges of indices: sentences that are not debris,
    a short piece of debris (``GLUED_DEBRIS`` characters: a credit, a stamp) between two of
    them allowed."""
    runs, prose = [], []
    for k, kind in enumerate([*kinds, "end"]):
        if kind is None:
            prose.append(k)
        elif k == len(kinds) or len(pieces[k].s) > GLUED_DEBRIS:
            if prose and pieces[prose[-1]].end - pieces[prose[0]].start >= FLAT_LINE:
                runs.append(range(prose[0], prose[-1] + 1))
            prose = []
    return runs


def unflatten(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the lines at ``spans`` (those of ``FLAT_LINE`` characters or more that
    are not debris as a whole) broken at their sentence ends: the space after a sentence
    becomes a newline (same length, same offsets)."""
    chars = list(text)
    for start, end in spans:
        for gap in _GAP.finditer(text, start, end):
            chars[gap.start(1)] = "\n"
    return "".join(chars)


def ends_only(text: str, lines, kinds: list, limit: int, furniture: dict[int, str] | None = None) -> None:
    """In each line of ``text`` that :func:`unflatten` broke, keep the debris found at its
    start and at its end, and between kept sentences only the ``ADDRESSED`` kinds. In a line
    that is mostly furniture (``furniture``: ``{line start: the rule's kind}``, from
    :func:`to_break`) only its long runs of prose are kept."""
    furniture = furniture or {}
    i = 0
    while i < limit:
        j = i + 1
        while j < limit and text[lines[j].start - 1] != "\n":  # the same line of text
            j += 1
        if j - i > 1 and lines[i].start in furniture:
            kind = furniture[lines[i].start]
            runs = _prose_runs(lines[i:j], kinds[i:j])
            keep = {i + k for run in runs for k in run}
            for run in runs:  # inside a run, as in any broken line: only what speaks to the reader goes
                for k in run:
                    if kinds[i + k] not in ADDRESSED:
                        kinds[i + k] = None
            for k in range(i, j):
                if k not in keep and kinds[k] is None:
                    kinds[k] = kind
        elif j - i > 1:
            for k in range(i, j):  # a long sentence that starts like debris is glued to prose
                if kinds[k] and len(lines[k].s) > GLUED:
                    kinds[k] = None
            kept = [k for k in range(i, j) if kinds[k] is None]
            if kept:
                for k in range(kept[0] + 1, kept[-1]):
                    if kinds[k] not in ADDRESSED:
                        kinds[k] = None
        i = j
