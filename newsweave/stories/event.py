"""One event or another: a pair model that re-scores the grouping's doubtful edges.

Two articles on one subject but another event (a wedding and, months later, a birth; one
destroyer commissioned, another in a collision) share their names and subject words and
land at cosines of 0.1-0.3, where two pieces of one story land too. For every candidate edge
whose context cosine (``context.py``) is in ``ZONE``, a small gradient-boosted model
(``event_model.json``: 100 trees of depth 3, trained by ``bench/train_event_pairs.py`` on
Multi-News train only, story pairs against pairs of other stories in the same zone) gives
the probability ``p`` that the two are one story, from cheap features of the pair, and the
edge's similarity becomes ``SCALE * (p / P_AT_THRESHOLD) ** POWER``: ``p = P_AT_THRESHOLD``
sits at the story threshold. Edges above the zone (the same story, or a copy) keep their
cosine.

Features (``NAMES``), all sparse products over the edges: the plain and the context cosine,
the dot of the words at most one neighbour of either article has, the plain dot split by
how many articles have the word, the heaviest shared word's share, shared words and their
Jaccard, the lead's (first two sentences) shared words, shared and unshared numbers, the gap
between the latest years the two name. The articles' lengths are computed but the model
leaves them out (``"unused"`` in the model file): Multi-News' pieces are short, and a model
that used them split long articles of one event (the seeds) apart.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

NAMES = ["cos", "ctx", "ctx-cos", "event_dot", "b2", "b4", "b10", "b50", "bmore", "top_share",
         "log_shared", "jaccard", "log_lead_shared", "lead_share", "lead_dot", "num_shared",
         "num_unshared", "year_gap", "year_missing", "log_len_min", "log_len_max"]
ZONE = (0.05, 0.35)  # context cosines re-scored
BANDS = (2, 4, 10, 50)  # document frequency bands: <= 2, 3-4, 5-10, 11-50, more
EVENT_WORD = 0.94  # context factor at or above which a word is the pair's own (<= 1 neighbour has it)
SCALE = 0.11  # the story threshold the model was tuned with (group.THRESHOLD)
P_AT_THRESHOLD = 0.2  # chosen on the dev mix (bench/train_event_pairs.py apply)
POWER = 0.5
MODEL = Path(__file__).with_name("event_model.json")


@lru_cache(maxsize=1)
def model() -> dict:
    m = json.loads(MODEL.read_text())
    m["arrays"] = [tuple(np.array(t[k]) for k in ("f", "t", "l", "r", "leaf", "v")) for t in m["trees"]]
    return m


def probability(X: np.ndarray, m: dict | None = None) -> np.ndarray:
    """The model's probability that each row's pair is one story."""
    m = m or model()
    raw = np.full(len(X), float(m["base"]))
    rows = np.arange(len(X))
    for f, th, left, right, leaf, v in m["arrays"]:
        node = np.zeros(len(X), dtype=np.int64)
        while True:
            inner = leaf[node] == 0
            if not inner.any():
                break
            idx, nd = rows[inner], node[inner]
            node[idx] = np.where(X[idx, f[nd]] <= th[nd], left[nd], right[nd])
        raw += v[node]
    return 1.0 / (1.0 + np.exp(-raw))


def prepare(P, C, factors: dict, L, df: np.ndarray, numeric: np.ndarray, years: np.ndarray) -> dict:
    """What :func:`features` needs of the articles, computed once: ``P`` the plain unit
    vectors, ``C`` the context ones, ``factors`` ``{row: {column: context factor}}``, ``L``
    the lead's words (0/1), ``df`` each column's document frequency, ``numeric`` 1 for a
    number's column, ``years`` each row's latest year named (0: none)."""
    from scipy.sparse import csr_matrix

    width = P.shape[1]
    band = np.searchsorted(np.array(BANDS), df, side="left")
    B = csr_matrix((np.ones(width), (np.arange(width), band)), shape=(width, len(BANDS) + 1))
    E = C.copy()  # the context vectors on the words no other neighbour has
    for r, f in factors.items():
        s, e = E.indptr[r], E.indptr[r + 1]
        if f and e > s:
            cols = E.indices[s:e].tolist()
            mask = np.fromiter((f.get(c, 1.0) < EVENT_WORD for c in cols), dtype=bool, count=len(cols))
            E.data[s:e][mask] = 0.0
    num = P.copy()
    num.data = numeric[num.indices].astype(float)
    return {"P": P, "C": C, "E": E, "L": L, "B": B, "numeric": numeric.astype(float),
            "nnz": np.diff(P.indptr).astype(float), "nlead": np.asarray(L.sum(axis=1)).ravel(),
            "nnum": np.asarray(num.sum(axis=1)).ravel(), "years": np.asarray(years)}


def features(prep: dict, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One row of ``NAMES`` per edge ``(a[i], b[i])`` (row numbers of :func:`prepare`'s)."""
    P, C, E, L = prep["P"], prep["C"], prep["E"], prep["L"]
    nnz, nlead, nnum, years = prep["nnz"], prep["nlead"], prep["nnum"], prep["years"]
    prod = P[a].multiply(P[b]).tocsr()
    cos = np.asarray(prod.sum(axis=1)).ravel()
    ctx = np.asarray(C[a].multiply(C[b]).sum(axis=1)).ravel()
    ev = np.asarray(E[a].multiply(E[b]).sum(axis=1)).ravel()
    bands = np.asarray((prod @ prep["B"]).todense())
    top = np.asarray(prod.max(axis=1).todense()).ravel()
    shared = prod.copy()
    shared.data[:] = 1.0
    nshared = np.asarray(shared.sum(axis=1)).ravel()
    numshared = shared @ prep["numeric"]
    lboth = L[a].multiply(L[b])
    lead_shared = np.asarray(lboth.sum(axis=1)).ravel()
    lead_dot = np.asarray(prod.multiply(lboth).sum(axis=1)).ravel()
    ya, yb = years[a], years[b]
    miss = ((ya == 0) | (yb == 0)).astype(float)
    gap = np.where(miss > 0, 0, np.minimum(np.abs(ya - yb), 10))
    safe = np.maximum(cos, 1e-6)
    return np.column_stack([
        cos, ctx, ctx - cos, ev, *(bands[:, k] / safe for k in range(len(BANDS) + 1)), top / safe,
        np.log1p(nshared), nshared / np.maximum(nnz[a] + nnz[b] - nshared, 1),
        np.log1p(lead_shared), lead_shared / np.maximum(np.minimum(nlead[a], nlead[b]), 1), lead_dot,
        numshared, np.minimum(nnum[a], nnum[b]) - numshared, gap, miss,
        np.log1p(np.minimum(nnz[a], nnz[b])), np.log1p(np.maximum(nnz[a], nnz[b])),
    ])


def lead_words(sentences) -> set[str]:
    """The content words of an article's first two sentences that have any."""
    out, n = set(), 0
    for _, words in sentences:
        if words:
            out.update(words)
            n += 1
            if n == 2:
                break
    return out


def lead_matrix(leads: list, terms: dict[str, int], shape):
    """``L``: row i has 1 at the columns of ``leads[i]``'s words."""
    from scipy.sparse import csr_matrix

    r, c = [], []
    for i, ws in enumerate(leads):
        for t in ws:
            j = terms.get(t)
            if j is not None:
                r.append(i)
                c.append(j)
    return csr_matrix((np.ones(len(r)), (r, c)), shape=shape)


def rescore(sims: np.ndarray, prep: dict, a: np.ndarray, b: np.ndarray, chunk: int = 50000) -> np.ndarray:
    """The similarities of edges ``(a[i], b[i])``, those in ``ZONE`` replaced from the
    model's probability (features computed ``chunk`` edges at a time: bounded memory)."""
    zone = np.nonzero((sims >= ZONE[0]) & (sims <= ZONE[1]))[0]
    out = sims.copy()
    for start in range(0, len(zone), chunk):
        idx = zone[start:start + chunk]
        p = probability(features(prep, a[idx], b[idx]))
        out[idx] = SCALE * (p / P_AT_THRESHOLD) ** POWER
    return out


def rescore_edges(edges, old_edges, live, rows, terms, plain, ctx, row_factors, leads, df,
                    old_items, old_vectors) -> None:
    """The grouping's candidate edges (``group.py``), those in ``ZONE`` re-scored in place. A
    stored article is a row of its plain vector (its context is not read back) and its lead's
    words if its sentences are stored."""
    from scipy.sparse import csr_matrix, vstack

    terms = dict(terms)
    old_ids = sorted({m for _, m in old_edges})
    data, cols, indptr = [], [], [0]
    for m in old_ids:
        for t, x in old_vectors[m].items():
            cols.append(terms.setdefault(t, len(terms)))
            data.append(x)
        indptr.append(len(cols))
    width = max(len(terms), 1)
    P = csr_matrix((plain.data, plain.indices, plain.indptr), shape=(plain.shape[0], width))
    C = csr_matrix((ctx.data, ctx.indices, ctx.indptr), shape=(ctx.shape[0], width))
    row_of = dict(rows)
    if old_ids:
        O = csr_matrix((np.array(data, dtype=np.float32), np.array(cols, dtype=np.int64),
                        np.array(indptr, dtype=np.int64)), shape=(len(indptr) - 1, width))
        P, C = vstack([P, O]).tocsr(), vstack([C, O]).tocsr()
        row_of.update((m, len(live) + i) for i, m in enumerate(old_ids))
    leads = leads + [lead_words(old_items[m].sentences or []) for m in old_ids]
    L = lead_matrix(leads, terms, P.shape)
    dfc = np.ones(width)
    numeric = np.zeros(width)
    for t, j in terms.items():
        dfc[j] = df.get(t, 1)
        numeric[j] = t[0].isdigit()
    years = np.array([it.latest_year or 0 for it in live] + [old_items[m].latest_year or 0 for m in old_ids])
    lo, hi = ZONE
    prep = None
    for es in (edges, old_edges):
        keys = [k for k, x in es.items() if lo <= x <= hi]
        if keys:
            sims = np.array([es[k] for k in keys], dtype=float)
            a = np.array([row_of[k[0]] for k in keys])
            b = np.array([row_of[k[1]] for k in keys])
            if prep is None:
                prep = prepare(P, C, row_factors, L, dfc, numeric, years)
            es.update(zip(keys, rescore(sims, prep, a, b).tolist()))
