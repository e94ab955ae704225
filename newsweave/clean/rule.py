"""What a line rule is, how one is written, and the index that finds the few worth trying.

The rule table itself is ``rules.py``; ``lines.py`` classifies a line with this index.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Rule(NamedTuple):
    kind: str
    pattern: re.Pattern
    max_len: int  # longer lines are never debris of this shape
    soft: bool  # skip lines that look like reported speech
    words: tuple[str, ...]  # gate: one of these tokens must occur in the line
    subs: tuple[str, ...]  # gate: or one of these substrings (lowercase)
    anchored: bool  # every alternative starts with "^": use re.match


def _top_level_alternatives(src: str) -> list[str]:
    """Split a regex source on its top-level "|" (outside groups and classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if src[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(src[start:i])
            start = i + 1
        i += 1
    parts.append(src[start:])
    return parts


def rule(
    kind: str,
    pattern: str,
    max_len: int = 300,
    soft: bool = False,
    words: tuple[str, ...] = (),
    subs: tuple[str, ...] = (),
    flags: int = re.I,
) -> Rule:
    """One line rule.

    ``words`` / ``subs`` gate the rule: it is only tried on a line that has one of
    these tokens / substrings (a set lookup instead of a regex scan, which keeps long
    prose lines cheap).  A rule without a gate is a pure *shape* rule: it must be
    anchored at the line start and is tried on every line up to ``max_len``.
    """
    anchored = all(a.startswith("^") for a in _top_level_alternatives(pattern))
    if not (words or subs or anchored):
        raise ValueError(f"unanchored rule needs a gate: {pattern[:60]}")
    return Rule(kind, re.compile(pattern, flags), max_len, soft, words, subs, anchored)



def index(rules: list[Rule]):
    """Gate index: token -> rules, substring -> rules, and, per line length, the
    ungated shape rules that apply."""
    by_word: dict[str, list[int]] = {}
    by_sub: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        for w in r.words:
            by_word.setdefault(w, []).append(i)
        for sub in r.subs:
            by_sub.setdefault(sub, []).append(i)
    shape = [i for i, r in enumerate(rules) if not (r.words or r.subs)]
    longest = max(rules[i].max_len for i in shape)
    shape_by_len = [[i for i in shape if n <= rules[i].max_len] for n in range(longest + 1)]
    return by_word, frozenset(by_word), list(by_sub.items()), shape_by_len
