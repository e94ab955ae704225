"""Listings: an article that is a list of stories keeps only the items about the cluster's story.

Some pages are not one article but a list of many: a police department's daily crime report
(one paragraph per incident), a wire service's news budget (one slug per story), a newsletter
of the day's items, a roundup of datelined briefs. Each item starts a line with a label in
capitals followed by a comma, a bracket or a dash::

    ROBBERY, 2017-07230093, 5800 block of ...        (a police report)
    CUBA-ELIAN _ MIAMI _ Demonstrators sang ...      (a wire budget)
    CARACAS, Venezuela (AP) -- In the latest ...     (a roundup of datelined briefs)
    TOP TALKER -- "A $640 Uber ride ...              (a newsletter)

A speaker's turn in a transcript ("PENCE: ...") is no item: a colon does not start one.

In a cluster, such a page is there for one or a few of its items. An article with at least
``MIN_ITEMS`` item lines is a listing; each item (its lines up to the next item, and the
lines before the first item as one more) is compared with every other document of the
cluster that is no listing itself (TF-IDF cosine of content words; its score is the best
match). The story's items match some article well; the others share only common words with
any. An item is set aside when its score is under ``KEEP`` and under ``KEEP_SHARE`` of the
page's best item: it is marked in ``Document.removed`` with the kind ``other_story``, listed
with the page's debris, and never summarized, cited or put on the timeline. Nothing is set
aside on a page whose best item scores under ``MIN_BEST`` (no item tells the story: the
relevance stage judges the page as an article), nor on one where most items match (that is
one story in sections, an explainer's "THE FLOOD -- ...", "WHAT'S NEXT -- ..."), nor when
the cluster has a single document (nothing to compare with).
"""

from __future__ import annotations

import math
from collections import Counter

from .model import Document, Removal, Status
from .text.lines import ITEM_LABEL, kept_line_spans
from .text.words import content_words

READS = ("Document.text", "Document.removed", "Document.status", "Document.copy_of")
WRITES = ("Document.removed",)

KIND = "other_story"  # described in newsweave.clean.KINDS, with the debris kinds
MIN_ITEMS = 3  # item lines that make a page a listing
# An item stays when its best cosine with another article reaches KEEP or KEEP_SHARE of the
# page's best item's; nothing is set aside unless the best reaches MIN_BEST. Chosen on the
# 11 listings of raw Multi-News dev and DUC 2006 (BENCHMARKS.md, Readability).
KEEP = 0.15
KEEP_SHARE = 0.5
MIN_BEST = 0.1


def _is_item(text: str, start: int) -> bool:
    m = ITEM_LABEL.match(text, start)  # a label in capitals, then a comma, bracket or dash
    return bool(m) and sum(c.isupper() for c in m.group(0)) >= 3  # not "AP, ..." or "U.S. -"


def _items(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The kept lines grouped into items: the lines before the first item line, then each item
    line with the lines after it up to the next one."""
    groups: list[list[tuple[int, int]]] = [[]]
    for s, e in lines:
        if _is_item(text, s):
            groups.append([])
        groups[-1].append((s, e))
    return [g for g in groups if g]


def _vector(words: list[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(words)
    return {w: (1 + math.log(c)) * idf[w] for w, c in counts.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def items_of(doc: Document) -> list[list[tuple[int, int]]]:
    """The document's items (each a list of line spans); [] when it is no listing."""
    groups = _items(doc.text, kept_line_spans(doc.text, doc.removed))
    return groups if sum(1 for g in groups if _is_item(doc.text, g[0][0])) >= MIN_ITEMS else []


def item_scores(doc: Document, groups: list[list[tuple[int, int]]],
                others: list[str]) -> list[tuple[list[tuple[int, int]], float]]:
    """Each item of ``doc`` (its line spans) with its best cosine with one of ``others`` (the
    texts the cluster's story is told in)."""
    words = [content_words(" ".join(doc.text[s:e] for s, e in g)) for g in groups]
    rest = [content_words(t) for t in others]
    units = words + rest
    df = Counter(w for u in units for w in set(u))
    idf = {w: math.log((1 + len(units)) / (1 + n)) + 1 for w, n in df.items()}
    targets = [_vector(r, idf) for r in rest]
    return [(g, max((_cosine(_vector(w, idf), t) for t in targets), default=0.0))
            for g, w in zip(groups, words)]


def set_aside_other_items(documents: list[Document]) -> None:
    """Mark the items of every listing that are about other stories (see the module)."""
    live = [d for d in documents if d.status is not Status.SKIPPED and not d.copy_of]
    if len(live) < 2:
        return
    kept = {d.id: "\n".join(d.text[s:e] for s, e in kept_line_spans(d.text, d.removed)) for d in live}
    listings = {d.id: items_of(d) for d in live}
    for doc in live:
        if not listings[doc.id]:
            continue
        # The story is told by the documents that are no listing; by the others when all are.
        others = [d for d in live if d is not doc and not listings[d.id]] or [d for d in live if d is not doc]
        scored = item_scores(doc, listings[doc.id], [kept[d.id] for d in others])
        best = max((score for _, score in scored), default=0.0)
        bar = min(KEEP, KEEP_SHARE * best)
        off = [lines for lines, score in scored if score < bar]
        if best < MIN_BEST or len(off) < len(scored) / 2:
            continue  # nothing matches, or the page is one story in sections
        for lines in off:
            doc.removed += [Removal(KIND, s, e, doc.text[s:e]) for s, e in _runs(doc, lines)]
        doc.removed.sort(key=lambda r: r.start)


def _runs(doc: Document, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive kept lines joined into spans that no earlier removal interrupts."""
    runs: list[list[int]] = []
    for s, e in lines:
        if runs and not any(runs[-1][1] <= r.start < s for r in doc.removed):
            runs[-1][1] = e
        else:
            runs.append([s, e])
    return [(s, e) for s, e in runs]
