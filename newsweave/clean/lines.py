"""Line classification: split a page into lines, normalise them, and tell a line's kind.

Matching works on a normalised copy of each line; the rule gates (``rules.BY_WORD``,
``rules.BY_SUB``, ``rules.SHAPE_BY_LEN``) pick the few rules a line is tried against, and
soft rules leave lines that report speech alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .rules import BY_SUB, BY_WORD, MAX_RULE_LEN, RULES, SHAPE_BY_LEN, TRIGGERS

# Matching works on a normalized copy of the text: non-breaking and thin spaces and
# zero-width marks become plain spaces, curly apostrophes straight ones.  Every
# replacement is one character for one character, so offsets never shift.
_NORM = (
    ("\xa0", " "), ("\u2009", " "), ("\u202f", " "), ("\u2007", " "), ("\u200b", " "),
    ("\u200e", " "), ("\u200f", " "), ("\ufeff", " "), ("\xad", " "),
    ("\u2019", "'"), ("\u2018", "'"),
)  # fmt: skip

# Characters that separate tokens for the rule gates (besides whitespace).
_TOKEN_SEPARATORS = ",.:;()[]{}<>\"!?*#|=/\u201c\u201d\u2026\u2014\u2013\u2022\u25ba\u25b6\xab\xbb"

# Reported speech or a quotation: the line is most likely article prose, so "soft"
# rules (those keyed on vocabulary that news can legitimately use) leave it alone.
_PROSE = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|tells|according to|wrote|added)\b", re.I)

# Scripts other than Latin, for "read this in Arabic"-style links.
_NONLATIN = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\u0900-\u0dff\u0e00-\u0eff\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
    "\ufb50-\ufdff\ufe70-\ufeff]"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _normalize(text: str) -> str:
    """``text`` with the one-for-one replacements of ``_NORM`` (same length)."""
    for a, b in _NORM:
        if a in text:
            text = text.replace(a, b)
    return text


def _gate_text(low: str) -> str:
    """``low`` with punctuation turned into spaces, so ``split()`` yields the tokens the
    rule gates look up ("(Photo:" -> "photo", "REUTERS/Jane" -> "reuters")."""
    for c in _TOKEN_SEPARATORS:
        if c in low:
            low = low.replace(c, " ")
    return low


class Line(NamedTuple):
    start: int  # raw line bounds: line start .. end before the newline (and any CR)
    end: int
    s: str  # normalized, stripped text used for matching
    low: str  # s.lower()
    gate: str  # low with punctuation spaced out


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text``."""
    norm = _normalize(text) if not text.isascii() else text
    low_all = norm.lower()
    if len(low_all) != len(norm):  # a few letters grow when lowercased: go line by line
        low_all = None
    gate_all = _gate_text(low_all) if low_all is not None else None
    out = []
    pos = 0
    for raw in norm.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        if stripped:
            e = end - 1 if raw.endswith("\r") else end
            a = pos + (len(raw) - len(raw.lstrip()))
            b = a + len(stripped)
            if low_all is not None:
                out.append(Line(pos, e, stripped, low_all[a:b], gate_all[a:b]))
            else:
                low = stripped.lower()
                out.append(Line(pos, e, stripped, low, _gate_text(low)))
        pos = end + 1
    return out


def classify(s: str, low: str | None = None, gate: str | None = None) -> str | None:
    """Kind of debris a single (normalized, stripped) line is, or None."""
    n = len(s)
    if n > MAX_RULE_LEN:
        return None
    if low is None:
        low = s.lower()
        gate = _gate_text(low)
    cand = list(SHAPE_BY_LEN[n]) if n < len(SHAPE_BY_LEN) else []
    for w in TRIGGERS.intersection(gate.split()):
        cand += BY_WORD[w]
    for sub, idx in BY_SUB:
        if sub in low:
            cand += idx
    if not cand:
        return None
    prose = None
    for i in sorted(set(cand)):
        kind, pattern, max_len, soft, _, _, anchored = RULES[i]
        if n > max_len or not (pattern.match(s) if anchored else pattern.search(s)):
            continue
        if soft:
            if prose is None:
                prose = _PROSE.search(s) is not None
            if prose:
                continue
        return kind
    return None


def is_foreign_link(s: str, text: str, cache: dict) -> bool:
    """A short line mostly in another script inside a Latin-script article."""
    if len(s) > 120:
        return False
    nl = len(_NONLATIN.findall(s))
    if nl < 3 or nl <= len(_LATIN.findall(s)):
        return False
    if "latin_page" not in cache:
        # The page as a whole is in a Latin script (foreign letters are a small share).
        cache["latin_page"] = len(_NONLATIN.findall(text)) * 10 < len(text)
    return cache["latin_page"]
