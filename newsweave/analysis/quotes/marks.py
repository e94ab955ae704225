"""Finding quotations: the paragraphs of a document's kept text, and the top-level
quotation marks in each (an apostrophe is no closing mark); whether a quotation continues
the one before it; a quotation's text cleaned for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Document
from ...text.lines import kept_line_spans, paragraphs

_OPENERS = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}
_TERMINAL = tuple('.!?"\u201d\u2019)\u2026')
_DOUBLE = ('"', "\u201d")
_MARKS = re.compile('[\u201c\u201d"\u2018\u2019]')


@dataclass
class _Raw:
    start: int  # of the opening mark
    end: int  # after the closing mark (or the paragraph's end for an open quotation)
    para: int  # index of the paragraph
    inner_start: int
    inner_end: int


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    """Kept lines, hard-wrapped lines joined (a line that does not end a sentence or a colon
    continues)."""
    return paragraphs(doc.text, kept_line_spans(doc.text, doc.removed), _TERMINAL + (":",))


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _scan(text: str, paras: list[tuple[int, int]]) -> list[_Raw]:
    """Top-level quotations in each paragraph. An unclosed quotation counts (to the end of its
    paragraph) only when the next paragraph opens with a quotation mark: the convention for a
    quotation running over several paragraphs."""
    raws: list[_Raw] = []
    for pi, (ps, pe) in enumerate(paras):
        open_at, closer = None, None
        for m in _MARKS.finditer(text, ps, pe):
            i = m.start()
            ch = text[i]
            if open_at is None:
                if ch in ("\u201c", '"'):
                    open_at, closer = i, _OPENERS[ch]
                elif ch == "\u201d" and (i == ps or text[i - 1] in " \xa0\n") and i + 1 < pe \
                        and (_is_word(text[i + 1]) or text[i + 1] in " \u2026") and "\u201d" in text[i + 1:pe]:
                    open_at, closer = i, "\u201d"  # a right mark typed for the left one: ”Fear. …”
                elif ch == "\u2018" and (i == ps or not _is_word(text[i - 1])) and i + 1 < pe \
                        and _is_word(text[i + 1]):
                    open_at, closer = i, "\u2019"
            elif ch == closer or ch != closer and ch in _DOUBLE and closer in _DOUBLE and text[i - 1] not in " \xa0\n" \
                    and (i + 1 >= pe or not _is_word(text[i + 1])):
                # (a straight mark closes a curly one and back, where it stands as a closing
                # mark: “… bad publicity for us," said Reyes)
                if closer == "\u2019":  # an apostrophe (Syria’s, rebels’ ) does not close
                    nxt = text[i + 1] if i + 1 < pe else " "
                    if _is_word(nxt) or not _is_word(text[i - 1]) and text[i - 1] not in ".,!?":
                        continue
                    if text[i - 1] == "s" and nxt == " " and i + 2 < pe and text[i + 2].islower():
                        continue  # a plural possessive: "the rebels’ statement"
                raws.append(_Raw(open_at, i + 1, pi, open_at + 1, i))
                open_at = None
        if open_at is not None and closer != "\u2019" and pi + 1 < len(paras) \
                and text[paras[pi + 1][0]] in ("\u201c", '"'):
            raws.append(_Raw(open_at, pe, pi, open_at + 1, pe))
    return raws


def _continues(text: str, paras, before: _Raw, r: _Raw) -> bool:
    """Is ``r`` the rest of the quotation ``before`` (split around its attribution, or the
    next paragraph of it)?"""
    if before.para == r.para:  # “A,” he said. “B.”  /  “A,” Brandt said on “Meet the Press.” “B.”
        between = _TITLE.sub(" ", text[before.end:r.start])
        return len(between.split()) <= 30 and not re.search(r"[\u201c\u201d\"]", between)
    if before.para == r.para - 1:
        ps, pe = paras[r.para]
        rest = text[r.end:pe].strip()
        tail = text[before.end:paras[before.para][1]]
        return r.start == ps and len(rest) <= 2 and len(tail.split()) <= 8
    return False


_TITLE_WORD = r"(?:[A-Z0-9][\w.'\u2019&-]*|of|the|a|an|and|in|on|for|to|with|at|by|from)"
# A name in quotation marks (a show, a book, a law): its words capitalised, but for little words
_TITLE = re.compile(r"[\u201c\"]\s*[A-Z0-9][\w.'\u2019&-]*(?:\s+" + _TITLE_WORD + r"){0,5}[,.!?]?[\u201d\"]")


def _is_title(inner: str) -> bool:
    """“Meet the Press”, “Today”, “The Art of the Deal”: a name, not words someone said."""
    return bool(_TITLE.fullmatch("\u201c" + " ".join(inner.split()) + "\u201d"))


def _clean_inner(inner: str) -> str:
    inner = " ".join(inner.split())
    return inner.rstrip(",;: ").strip()
