"""Grouping articles into stories: candidates from an inverted index, then average linkage.

The cost grows with the articles, not with their pairs:

1. **Wire copies** (``newsweave.copies``' rule: most of the shorter text's word 5-grams are in
   the longer one) are found through an inverted index of shingles and joined first.
2. **Boilerplate** — a sentence that stands in ``BOILERPLATE_ARTICLES`` or more articles that
   are not copies of each other ("Get breaking news alerts ...", an archive's crawl notice) —
   is left out of the words compared.
3. A **dead page** (fewer than ``MIN_WORDS`` content words left) is a story of its own.
4. Each article is a TF-IDF vector (sublinear tf; idf from every article seen, the store's
   too). Its ``QUERY_TERMS`` heaviest words that are rare enough (in at most ``MAX_DF``
   articles) look up the articles that share them; the
   ``NEIGHBOURS`` best by those words are compared exactly (cosine).
5. **Context** (``context.py``): each article's words are weighed again against its
   ``CONTEXT`` nearest articles — a word most of them have (the subject and the names of a
   saga) weighs less, so that the words of the event decide — and the pairs are compared
   again; neighbours at ``SAME_STORY`` or closer do not count (they are the story itself).
   Then the story threshold is 0.11 (0.15 on plain cosines before).
5b. **Event** (``event.py``): an edge whose cosine is in the doubtful zone (0.05-0.35: one
   subject, maybe another event) gets its similarity from a small pair model trained on
   Multi-News train (``bench/train_event_pairs.py``).
6. **Time** (``when.py``): two articles of different times are never linked — two dates more
   than ``WINDOW_DAYS`` apart, or a date before the latest year an undated article names — and
   a story never spans more than ``MAX_SPAN_DAYS`` of dates: the same place or people at
   another time is another story.
7. **Average linkage** on that sparse graph (a missing pair counts as similarity 0): the two
   groups with the highest mean similarity are merged while it is at least ``THRESHOLD``.
   Stories already stored are groups from the start and are never merged with each other,
   so their ids never change; a new article joins one or starts its own.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..copies import MIN_CONTAINMENT, MIN_LENGTH_RATIO, MIN_SHINGLES
from . import event as _event
from .context import CONTEXT, CONTEXT_POWER, SAME_STORY, neighbourhoods, reweigh, reweigh_rows, weights
from .features import Item, set_counts
from .when import MAX_SPAN_DAYS, WINDOW_DAYS, YEARS_YIELD, apart, merged_time, time_of

THRESHOLD = 0.11  # on the cosines after context.py reweighs the words (0.15 before it)
NEIGHBOURS = 10
QUERY_TERMS = 12
MAX_DF = 50  # a word in more articles is not looked up: it names no one story
MIN_WORDS = 15
BOILERPLATE_ARTICLES = 4
MIN_EDGE = 0.05
# idf as if among at least this many articles: in a pile of five, every word is "common" and
# the weights say nothing; a word in few of 1,000 articles is what names a story.
MIN_IDF_ARTICLES = 1000


@dataclass
class Params:
    threshold: float = THRESHOLD
    neighbours: int = NEIGHBOURS
    query_terms: int = QUERY_TERMS
    max_df: int = MAX_DF
    window_days: int = WINDOW_DAYS
    max_span_days: int = MAX_SPAN_DAYS
    min_words: int = MIN_WORDS
    boilerplate_articles: int = BOILERPLATE_ARTICLES
    context: int = CONTEXT  # neighbours that reweigh an article's words (context.py); 0: none
    context_power: float = CONTEXT_POWER
    same_story: float = SAME_STORY
    event: bool = True  # the doubtful edges re-scored by the event pair model (event.py)
    years_yield: float = YEARS_YIELD


class MemoryIndex:
    """What the grouping needs to know of the articles already grouped; this one is empty
    and kept in memory. ``newsweave.stories.store.Store`` answers the same from SQLite."""

    def __init__(self):
        self.n = 0
        self.df: Counter = Counter()
        self.boiler: Counter = Counter()

    def doc_freq(self, terms) -> dict[str, int]:
        return {t: self.df.get(t, 0) for t in terms}

    def boilerplate_counts(self, hashes) -> dict[int, int]:
        return {h: self.boiler.get(h, 0) for h in hashes}

    def candidates(self, terms: list[str], limit: int) -> list[str]:
        return []

    def items(self, ids) -> dict[str, Item]:
        return {}

    def story_of(self, ids) -> dict[str, str]:
        return {}

    def members(self, story_ids) -> dict[str, list[str]]:
        return {}


SKETCH = 24  # shingles per article (the smallest hashes) that find its copies


def _find_copies(items: list[Item]) -> dict[str, str]:
    """``{copy id: original id}`` among the items (``newsweave.copies``' rule), candidates
    found by a bottom-k sketch (the ``SKETCH`` smallest shingle hashes: most of a copy's are
    in its original), then checked on all the shingles."""
    import numpy as np

    postings: dict[int, list[int]] = defaultdict(list)
    sketches = {}
    for i, it in enumerate(items):
        if len(it.shingles) >= MIN_SHINGLES:
            sketches[i] = it.shingles[:SKETCH]  # sorted: the smallest hashes
            for h in sketches[i].tolist():
                postings[h].append(i)
    pairs: Counter = Counter()
    for ids in postings.values():
        if 1 < len(ids) <= 20:  # a shingle in more articles is boilerplate, not one story
            for a_i, a in enumerate(ids):
                for b in ids[a_i + 1:]:
                    pairs[(a, b)] += 1
    shared = {(a, b): len(np.intersect1d(items[a].shingles, items[b].shingles, assume_unique=True))
              for (a, b), c in pairs.items() if c >= 2}
    parent = list(range(len(items)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), n in shared.items():
        small, large = sorted((len(items[a].shingles), len(items[b].shingles)))
        if n >= MIN_CONTAINMENT * small and small >= MIN_LENGTH_RATIO * large:
            parent[root(a)] = root(b)
    groups = defaultdict(list)
    for i in range(len(items)):
        groups[root(i)].append(i)
    copies = {}
    for members in groups.values():
        if len(members) > 1:
            orig = min(members, key=lambda i: (items[i].date or "9999", -len(items[i].shingles), i))
            for i in members:
                if i != orig:
                    copies[items[i].id] = items[orig].id
    return copies


class _Vectors:
    def __init__(self, n: int, df: dict[str, int]):
        self.n, self.df = n, df
        self.cache: dict[str, float] = {}

    def idf(self, t: str) -> float:
        x = self.cache.get(t)
        if x is None:
            x = self.cache[t] = math.log((1 + max(self.n, MIN_IDF_ARTICLES)) / (1 + self.df.get(t, 0))) + 1
        return x

    def vector(self, counts: Counter) -> dict[str, float]:
        v = {t: (1 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}


def _matrix(data, cols, indptr, width):
    import numpy as np
    from scipy.sparse import csr_matrix

    return csr_matrix((np.array(data, dtype=np.float32), np.array(cols, dtype=np.int64),
                       np.array(indptr, dtype=np.int64)), shape=(len(indptr) - 1, max(width, 1)))


def _exact(edges: dict, X, row: dict) -> None:
    """The exact cosine of every candidate pair, as one sparse product."""
    if not edges:
        return
    import numpy as np

    keys = list(edges)
    a = np.array([row[k[0]] for k in keys])
    b = np.array([row[k[1]] for k in keys])
    sims = np.zeros(len(keys))
    for start in range(0, len(keys), 50000):
        sl = slice(start, start + 50000)
        sims[sl] = np.asarray(X[a[sl]].multiply(X[b[sl]]).sum(axis=1)).ravel()
    for k, x in zip(keys, sims):
        edges[k] = float(x)


def _cos(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


@dataclass
class Grouping:
    """What one run decided: ``assignment`` ``{article id: story key}`` (a stored story's id,
    or ``"new:<an article id>"`` for a story that starts now); for the store, the looked-up
    words of each live article (``queries``) and the sentence counts (``sentences``)."""

    assignment: dict[str, str]
    queries: dict[str, list[str]]
    sentences: Counter


def group(new: list[Item], index=None, params: Params = Params()) -> Grouping:
    """Assign each new item to a stored story or a new one (sets ``copy_of`` and ``counts``
    on the items)."""
    index = index or MemoryIndex()
    by_id = {it.id: it for it in new}
    # 1. wire copies among the new articles
    for cid, oid in _find_copies(new).items():
        by_id[cid].copy_of = oid
    # 2. boilerplate: sentences in many articles that are not copies of each other
    seen: Counter = Counter()
    for it in new:
        if not it.copy_of:
            seen.update({h for h, _ in it.sentences if h})
    stored = index.boilerplate_counts([h for h, c in seen.items()])
    boiler = {h for h, c in seen.items() if c + stored.get(h, 0) >= params.boilerplate_articles}
    for it in new:
        set_counts(it, boiler)
    index_boiler_update = seen  # the store records these counts
    # 3. dead pages; 4. vectors
    live = [it for it in new if sum(it.counts.values()) >= params.min_words]
    local_df: Counter = Counter()
    for it in live:
        local_df.update(it.counts.keys())
    df = index.doc_freq(local_df)
    df = {t: df.get(t, 0) + c for t, c in local_df.items()}
    n = index.n + len(live)
    vec = _Vectors(n, df)
    max_df = params.max_df
    # the vectors as one sparse matrix; each article's looked-up words and their weights
    queries: dict[str, list[str]] = {}
    looked: dict[str, list[tuple[str, float]]] = {}
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    terms: dict[str, int] = {}
    data, cols, indptr = [], [], [0]
    leads: list[set] = []
    for it in live:
        v = vec.vector(it.counts)
        for t, x in v.items():
            cols.append(terms.setdefault(t, len(terms)))
            data.append(x)
            if 2 <= df[t] <= max_df:
                postings[t].append((it.id, x))
        indptr.append(len(cols))
        # words no other article has find nothing: the heaviest of those shared are looked up
        q = [t for t in sorted(v, key=v.get, reverse=True) if 2 <= df[t] <= max_df][:params.query_terms]
        queries[it.id] = q
        looked[it.id] = [(t, v[t]) for t in q]
        if params.event:
            leads.append(_event.lead_words(it.sentences))
        it.sentences = []  # read: free the memory
    matrix = plain = _matrix(data, cols, indptr, len(terms))
    rows = {it.id: i for i, it in enumerate(live)}
    edges: dict[tuple[str, str], float] = {}
    old_ids: set[str] = set()
    old_cands: dict[str, list[str]] = {}
    for it in live:
        partial: Counter = Counter()
        for t, w in looked[it.id]:
            for other, w2 in postings[t]:
                partial[other] += w * w2
        partial.pop(it.id, None)
        for other, _ in partial.most_common(params.neighbours):
            key = (it.id, other) if it.id < other else (other, it.id)
            if key not in edges:
                edges[key] = None
        if index.n:
            old_cands[it.id] = index.candidates(queries[it.id], params.neighbours)
            old_ids.update(old_cands[it.id])
    _exact(edges, matrix, rows)
    # stored stories touched: every member is compared, so that their mean is exact
    story_of = index.story_of(old_ids) if old_ids else {}
    members = index.members(set(story_of.values())) if story_of else {}
    old_items = index.items({m for ms in members.values() for m in ms}) if members else {}
    old_vectors = {}
    for oid, oit in old_items.items():
        if oit.sentences:
            set_counts(oit, boiler)
        old_vectors[oid] = vec.vector(oit.counts)
    near_old: dict[str, list[str]] = {}
    mine: dict[str, dict[str, float]] = {}
    old_edges: dict[tuple[str, str], float] = {}
    for it in live:
        stories_near = {story_of[o] for o in old_cands.get(it.id, []) if o in story_of}
        if stories_near:
            mine[it.id] = vec.vector(it.counts)
            near_old[it.id] = [m for sid in stories_near for m in members.get(sid, []) if m in old_vectors]
            for m in near_old[it.id]:
                old_edges[(it.id, m)] = _cos(mine[it.id], old_vectors[m])
    row_factors: dict[int, dict[int, float]] = {}
    if params.context and live:
        # 5. the words each article's neighbourhood shares weigh less (context.py); compared again
        words = {it.id: it.counts.keys() for it in live}
        words.update((oid, oit.counts.keys()) for oid, oit in old_items.items())
        hoods = neighbourhoods({**edges, **old_edges}, list(rows), params.context, params.same_story)
        factors = {a: weights(words[a], [words[o] for o in hood], params.context, params.context_power)
                   for a, hood in hoods.items() if hood}
        row_factors = {rows[a]: {terms[t]: x for t, x in f.items()} for a, f in factors.items()}
        matrix = reweigh_rows(matrix, row_factors)
        _exact(edges, matrix, rows)
        for a, ms in near_old.items():
            v = reweigh(mine[a], factors.get(a, {}))
            for m in ms:
                old_edges[(a, m)] = _cos(v, old_vectors[m])
    if params.event and (edges or old_edges):
        _event.rescore_edges(edges, old_edges, live, rows, terms, plain, matrix, row_factors, leads, df,
                             old_items, old_vectors)
    plain = matrix = None  # noqa: F841 (free them before the linkage)
    edges.update(old_edges)
    assignment = _link(new, live, edges, old_items, members, params, by_id)
    return Grouping(assignment, queries, index_boiler_update)


def _link(new, live, edges, old_items, members, params, by_id) -> dict[str, str]:
    spans = {it.id: it.span() for it in new}
    spans.update({i: it.span() for i, it in old_items.items()})
    # clusters: stored stories, wire-copy groups, single articles
    cluster: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    size: Counter = Counter()
    days: dict[str, tuple] = {}
    for sid, ms in members.items():
        for m in ms:
            cluster[m] = sid
        groups[sid] = list(ms)
        size[sid] = len(ms)
    for it in new:
        key = f"new:{it.id}"
        cluster[it.id] = key
        groups[key] = [it.id]
        size[key] = 1
    for it in new:  # a copy goes with its original
        if it.copy_of and it.copy_of in cluster:
            a, b = cluster[it.copy_of], cluster[it.id]
            cluster[it.id] = a
            groups[a].append(it.id)
            del groups[b]
            size[a] += 1
            del size[b]
    for c in list(size):
        days[c] = time_of([spans.get(m) for m in groups[c]])
    links: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), s in edges.items():
        if s < MIN_EDGE or apart(spans.get(a), spans.get(b), s, params):
            continue
        ca, cb = cluster[a], cluster[b]
        if ca == cb or (not ca.startswith("new:") and not cb.startswith("new:")):
            continue
        links[ca][cb] = links[ca].get(cb, 0.0) + s
        links[cb][ca] = links[cb].get(ca, 0.0) + s
    heap = []
    for a, nb in links.items():
        for b, s in nb.items():
            if a < b:
                heap.append((-s / (size[a] * size[b]), a, b))
    heapq.heapify(heap)
    alive = set(size)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in alive or b not in alive:
            continue
        s = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(s + neg) > 1e-12:
            continue  # stale
        if s < params.threshold:
            break
        if not a.startswith("new:") and not b.startswith("new:"):
            continue
        t = merged_time(days.get(a), days.get(b), s, params)
        if t is False:
            continue
        if not a.startswith("new:"):
            keep, gone = a, b
        elif not b.startswith("new:"):
            keep, gone = b, a
        else:
            keep, gone = (a, b) if size[a] >= size[b] else (b, a)
        alive.discard(gone)
        size[keep] += size.pop(gone)
        days[keep] = t
        for c, s2 in links.pop(gone).items():
            links[c].pop(gone, None)
            if c == keep:
                continue
            if not keep.startswith("new:") and not c.startswith("new:"):
                continue
            links[keep][c] = links[keep].get(c, 0.0) + s2
            links[c][keep] = links[keep][c]
        links[keep].pop(gone, None)
        for c, s2 in links[keep].items():
            heapq.heappush(heap, (-s2 / (size[keep] * size[c]), keep, c) if keep < c
                           else (-s2 / (size[keep] * size[c]), c, keep))
        for m in groups[gone]:
            cluster[m] = keep
        groups[keep].extend(groups.pop(gone))
    return {it.id: cluster[it.id] for it in new}


