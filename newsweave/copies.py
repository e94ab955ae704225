"""Copies: articles that are the same text, so that they are counted once.

A wire story (AP, Reuters, AFP) runs in many outlets: under another headline, with its ending
trimmed, with the outlet's own page furniture around it. Two such copies agreeing is not two
sources agreeing. An article is a copy of another when most of its word 5-grams (shingles,
counted on the text left after cleaning) stand in the other, and it is not much shorter than
the other (a tweet or a quoted statement inside a long article is a source it quotes, not a
copy of it):

* ``MIN_CONTAINMENT`` of the shorter article's shingles are in the longer one;
* the shorter article has at least ``MIN_LENGTH_RATIO`` of the longer one's shingles.

On the raw Multi-News dev clusters (283 article pairs) these hold for the identical pair and
for no rewrite: two articles that quote the same 150-word post share 66 % of the shorter
one's shingles; the closest pair of true rewrites, 42 %.

Each group of copies has one original, the article the others are marked ``copy_of``: the
earliest dated, then the longest, then the first given. Only the original is summarized,
cited and analysed; in what the cluster is about (the centroid) it weighs as many times as
the story ran, since how many outlets ran a story says how much it matters (on DUC 2006, dropping
the copies' weight costs 0.16 ROUGE-1; keeping it, nothing). Pairs are found through an inverted
index of shingles, so the cost grows with the shingles articles share, not with the square of
the number of articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .model import Document, Status
from .text.lines import kept_line_spans

READS = ("Document.text", "Document.removed", "Document.date", "Document.status")
WRITES = ("Document.copy_of", "Document.status", "Document.reason")

SHINGLE = 5
MIN_CONTAINMENT = 0.75
MIN_LENGTH_RATIO = 0.4
MIN_SHINGLES = 20  # shorter texts are headlines or captions: too little to call a copy
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> set[int]:
    """Hashes of the text's lower-cased word n-grams."""
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i:i + n])) for i in range(len(words) - n + 1)}


def kept_text(doc: Document) -> str:
    """The document's text without the debris the cleaner removed, line by line."""
    return "\n".join(doc.text[s:e] for s, e in kept_line_spans(doc.text, doc.removed))


def find_copies(documents: list[Document]) -> dict[str, tuple[str, bool]]:
    """``{copy id: (original id, identical?)}`` among the readable documents."""
    readable = [d for d in documents if d.status is not Status.SKIPPED]
    sets = {d.id: shingles(kept_text(d)) for d in readable}
    sets = {k: v for k, v in sets.items() if len(v) >= MIN_SHINGLES}
    postings: dict[int, list[str]] = defaultdict(list)
    for doc_id, s in sets.items():
        for h in s:
            postings[h].append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in postings.values():
        if 1 < len(ids) <= 50:  # a shingle in more articles is boilerplate, not the story
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    shared[(a, b)] += 1
    parent = {d.id: d.id for d in readable}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), n in shared.items():
        small, large = sorted((len(sets[a]), len(sets[b])))
        if n >= MIN_CONTAINMENT * small and small >= MIN_LENGTH_RATIO * large:
            parent[root(a)] = root(b)
    groups: dict[str, list[Document]] = defaultdict(list)
    for d in readable:
        groups[root(d.id)].append(d)
    order = {d.id: i for i, d in enumerate(documents)}
    copies = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda d: (d.date or "9999", -len(sets.get(d.id, ())), order[d.id]))
        for d in members:
            if d is not original:
                copies[d.id] = (original.id, sets.get(d.id) == sets.get(original.id))
    return copies


def mark_copies(documents: list[Document]) -> None:
    """Set ``copy_of`` on every document (None unless it copies another); a copy is set
    aside, with a reason that names its original, so that it is counted once."""
    for d in documents:
        d.copy_of = None
    for doc_id, (original, identical) in find_copies(documents).items():
        d = next(x for x in documents if x.id == doc_id)
        d.copy_of, d.status = original, Status.SET_ASIDE
        d.reason = (f"identical to {original}: counted once" if identical else
                    f"same wire copy as {original} (the same text, another outlet): counted once")
