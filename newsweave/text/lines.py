"""Line spans of a document's text, with and without the debris removed."""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE = re.compile(r"[^\n]+")


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def kept_line_spans(text: str, removed) -> list[tuple[int, int]]:
    """Non-blank lines that no removed stretch (anything with ``start`` and ``end``) touches."""
    cuts = sorted((r.start, r.end) for r in removed)
    out, i = [], 0
    for s, e in line_spans(text):
        while i < len(cuts) and cuts[i][1] <= s:
            i += 1
        if i < len(cuts) and cuts[i][0] < e:
            continue  # overlaps debris
        out.append((s, e))
    return out
