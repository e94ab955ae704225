"""Line spans of a document's text, with and without the debris removed."""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE = re.compile(r"[^\n]+")
# A line that starts an item of a list of stories: a label in capitals (a crime, a wire slug, a
# place; up to five words), then a comma, a bracket, a dash or the wires' " _ ":
# "ROBBERY, 2017-0723, 5800 block of ...", "CUBA-ELIAN _ MIAMI _ ...", "CARACAS (AP) -- ...".
# A colon does not start one: "PENCE: ..." is a speaker's turn in a transcript.
ITEM_LABEL = re.compile(r"[A-Z][A-Z'&/.-]*[A-Z.](?: [A-Z][A-Z'&/.-]*[A-Z.]){0,4}(?:,| \(| ?[—–] | --? | _ )")


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    for m in _LINE.finditer(text):
        s, e = _trim(text, *m.span())
        if s < e:
            yield s, e


def kept_line_spans(text: str, removed) -> list[tuple[int, int]]:
    """The non-blank lines, less the removed stretches (anything with ``start`` and ``end``):
    a removal covers whole lines, or sentences of a long one (``newsweave.clean.flat``),
    whose rest is kept (whitespace trimmed)."""
    cuts = sorted((r.start, r.end) for r in removed)
    out, i = [], 0
    for s, e in line_spans(text):
        while i < len(cuts) and cuts[i][1] <= s:
            i += 1
        k = i
        while k < len(cuts) and cuts[k][0] < e:  # the cuts inside this line
            if cuts[k][0] > s:
                out.append((s, cuts[k][0]))
            s = max(s, cuts[k][1])
            k += 1
        if s < e:
            out.append((s, e))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in out) if s < e]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def paragraphs(text: str, lines, ends, *, only_lower_case: bool = False) -> list[tuple[int, int]]:
    """Join hard-wrapped lines (``(start, end)`` spans in text order) into paragraphs.

    A line continues the paragraph before it unless a blank line separates them or that
    paragraph's last character is one of ``ends`` (what ends a sentence); with
    ``only_lower_case``, a line continues it only when it starts in lower case as well."""
    paras: list[list[int]] = []
    for s, e in lines:
        joined = (
            paras
            and "\n\n" not in text[paras[-1][1]:s]  # a blank line always separates
            and not (only_lower_case and not text[s:e].split("\n")[0][:1].islower())
            and text[paras[-1][1] - 1] not in ends
        )
        if joined:
            paras[-1][1] = e
        else:
            paras.append([s, e])
    return [(s, e) for s, e in paras]
