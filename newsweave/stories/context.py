"""Words the neighbourhood shares weigh less: what tells one event of a saga from another.

Articles about one subject at different times (a trial, then the defendant's fund, then the
protests after the verdict) share their names and subject words; what tells them apart is a
few words of the event. TF-IDF's idf is the whole pile's, so a name that is rare in the pile
weighs most even where every article around it has it. Here each article's words are weighed
again against its own neighbourhood: a word that ``n`` of its ``CONTEXT`` nearest articles
(by the first cosine) also have is weighed by ``(1 - n / CONTEXT) ** CONTEXT_POWER``. Only
neighbours under ``SAME_STORY`` count: one that close is most likely the same story, and its
words are the story's, not the saga's (so a story told by many outlets does not lose its
words). An article with no such neighbour keeps its vector as it was.

In a run with a store (``--db``), a new article's neighbourhood includes the stored articles
it was compared with; a stored article keeps its plain vector (its own neighbourhood is not
read back, so that the run's cost still follows the new articles).

Cost: one set intersection per article and neighbour (at most ``CONTEXT``), then the
candidate pairs' cosines again: linear in the articles.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

CONTEXT = 10
CONTEXT_POWER = 0.5
SAME_STORY = 0.3


def neighbourhoods(edges: dict, ids, k: int = CONTEXT, same_story: float = SAME_STORY) -> dict[str, list[str]]:
    """For each id: its ``k`` most similar articles by ``edges`` ``{(a, b): cosine}``, those at
    ``same_story`` or more left out (after ranking: a story-mate still takes a place)."""
    near: dict[str, list[tuple[float, str]]] = {i: [] for i in ids}
    for (a, b), s in edges.items():
        if s is None:
            continue
        if a in near:
            near[a].append((s, b))
        if b in near:
            near[b].append((s, a))
    out = {}
    for i, cands in near.items():
        best = sorted(cands, reverse=True)[:k]
        out[i] = [o for s, o in best if s < same_story]
    return out


def weights(words, context_words: list, k: int = CONTEXT, power: float = CONTEXT_POWER) -> dict[str, float]:
    """``{word: factor}`` for the article's words that some of its neighbours have (factor < 1);
    ``words`` and each of ``context_words`` are sets or dict key views."""
    shared: Counter = Counter()
    for other in context_words:
        shared.update(words & other)
    return {t: (1.0 - min(n, k) / k) ** power for t, n in shared.items()}


def reweigh(vector: dict[str, float], factors: dict[str, float]) -> dict[str, float]:
    """A unit vector with its words weighed by ``factors`` (1 where none), unit again."""
    if not factors:
        return vector
    v = {t: x * factors.get(t, 1.0) for t, x in vector.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def reweigh_rows(matrix, row_factors: dict[int, dict[int, float]]):
    """The CSR matrix with row ``i``'s columns weighed by ``row_factors[i]`` ``{column:
    factor}``, each row unit length again (a copy)."""
    m = matrix.copy()
    data, indices, indptr = m.data, m.indices, m.indptr
    for i, factors in row_factors.items():
        if not factors:
            continue
        start, end = indptr[i], indptr[i + 1]
        cols = indices[start:end]
        f = np.fromiter((factors.get(c, 1.0) for c in cols.tolist()), dtype=data.dtype, count=len(cols))
        row = data[start:end] * f
        norm = float(np.sqrt((row * row).sum()))
        data[start:end] = row / norm if norm > 0 else row
    return m
