"""The event pair model of ``newsweave/stories/event.py``, trained on Multi-News train only.

    python bench/train_event_pairs.py extract   # 40 train piles -> /tmp/event_pairs.npz (~1.5 min)
    python bench/train_event_pairs.py fit       # -> newsweave/stories/event_model.json (~30 s)
    python bench/train_event_pairs.py apply     # dev grid (choose), then held-out unchanged (~40 s)

Piles like the mixes (600 random Multi-News train clusters each, pieces of 50 words or more,
~1,560 articles, shuffled) are grouped by ``newsweave.stories.group`` with the event model off;
its candidate edges are captured (monkeypatched) and each edge whose context cosine is in
``event.ZONE`` (0.05-0.35) is a pair: positive if both articles are of one train cluster
(neither judged irrelevant by Multi-News+), negative if of two (the hard negatives: other
stories that the grouping itself put that close); same cluster with an irrelevant article:
left out. Train clusters 0-4999 (the first ~10k articles ``bench/stories_scale.py`` scores)
are never drawn. The dev and held-out mixes are not used for fitting; dev chooses the mapping
from probability to similarity (``P_AT_THRESHOLD``, ``POWER``), the held-out mix is scored
with it unchanged. Features: ``event.NAMES`` (``event.features``, the same code the grouping
runs).

Measured 2026-11-29 02:44-02:52 UTC (2 shared cores; load 1-2):

* 209,895 train pairs (12.5 % positive). AUC on the last pile, trained on the other 39:
  context cosine 0.941, logistic regression 0.979, gradient boosting 0.982 (all features); in
  the zone of the dev / held-out mixes (0.08-0.35; Multi-News gold) the context cosine gives
  0.877 / 0.873, logistic regression 0.889 / 0.933, gradient boosting 0.926 / 0.945. Logistic regression re-scoring did not help on dev (0.870 / 0.897 at best): not kept.
* Shipped: 100 trees of depth 3 (62 KB of JSON), the lengths left out: with them (AUC
  0.982) the seeds' fall of Baba Amr (a long, full text) fell out of its story, alone, inside
  the dev and held-out mixes, and in the seeds' own pile of five the Homs evacuation joined
  Baba Amr instead (test_seeds_split_into_their_two_events fails); without them (AUC 0.974
  on the last pile) the seeds split right alone and inside the dev and held-out mixes. 200 trees: worse on dev (0.879 / 0.900).
* Mapping (similarity = 0.11 * (p / P_AT_THRESHOLD) ** POWER in the zone), dev grid
  P_AT_THRESHOLD 0.2-0.35 x POWER 0.5-1.5, chosen by the smaller gain of the two golds:
  0.2, 0.5. Vetoes (similarity 0 under p) and down-only scalings lost recall on dev
  (0.846-0.872 on the Multi-News gold): not kept.

| B-cubed F1 (Multi-News / Multi-News+ gold) | dev | held-out | train 10k (stories_scale) |
|---|---:|---:|---:|
| before (context weighting, threshold 0.11) | 0.875 / 0.900 | 0.845 / 0.880 | 0.772 |
| **event model in the zone (shipped)** | **0.881 / 0.904** | **0.858 / 0.891** | **0.778** |
| the same, all features (lengths in) | 0.880 / 0.904 | 0.861 / 0.894 | – (seeds test fails) |
| the same, no lengths nor years | 0.878 / 0.902 | 0.857 / 0.891 | – |

Grouping time (newsweave's column of ``bench/stories.py``, reading included): dev 2.1 -> 2.2
and 2.6 s, held-out 1.6 -> 1.5 and 1.9 s (two runs; noisy). ``bench/stories_scale.py``: 10k
train articles 4.2 -> 4.4 s of grouping (1,056 articles/s both), 281 -> 319 MB; all of train
(124,854) 61.7 -> 67.6 s of grouping, 937 -> 868 articles/s, 2,040 -> 2,465 MB, B-cubed
0.670 -> 0.679; ``--incremental 1000 10000``: 100 new articles in 0.29 / 0.51 s (0.25 / 0.41
s in BENCHMARKS.md).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
TRAIN = SHARED / "data" / "multi_news" / "train.jsonl.gz"
PAIRS = Path("/tmp/event_pairs.npz")
# features the model leaves out: lengths and years say more about Multi-News' pieces than about events
DROP = set(os.environ.get("EVENT_DROP", "log_len_min,log_len_max").split(",")) - {""}
from newsweave.stories import group as G  # noqa: E402
from newsweave.stories import event as E  # noqa: E402
from newsweave.stories.features import read_item  # noqa: E402

_state: dict = {}
_orig = {"_exact": G._exact, "reweigh_rows": G.reweigh_rows, "_link": G._link, "_matrix": G._matrix}


def _matrix(*a, **k):
    m = _orig["_matrix"](*a, **k)
    _state.setdefault("P", m)
    return m


def _reweigh_rows(matrix, row_factors):
    m = _orig["reweigh_rows"](matrix, row_factors)
    _state["C"], _state["factors"] = m, row_factors
    return m


def _link(new, live, edges, *rest):
    hook = _state.get("hook")
    if hook:
        edges = hook(live, edges)
    return _orig["_link"](new, live, edges, *rest)


G._matrix, G.reweigh_rows, G._link = _matrix, _reweigh_rows, _link


def leads(items) -> dict[str, set]:
    """The content words of each item's first two sentences (read before ``group`` frees them)."""
    return {it.id: E.lead_words(it.sentences) for it in items}


def features(live, edges, lead_words, keys=None):
    """(keys, X) for the candidate edges (``keys`` given: those), from the captured matrices,
    by ``newsweave.stories.event.features`` (what the grouping computes)."""
    P, C, factors = _state["P"], _state.get("C", _state["P"]), _state.get("factors", {})
    rows = {it.id: i for i, it in enumerate(live)}
    terms: dict[str, int] = {}
    for it in live:
        for t in it.counts:
            terms.setdefault(t, len(terms))
    df = np.bincount(P.indices, minlength=P.shape[1])
    numeric = np.zeros(P.shape[1])
    for t, c in terms.items():
        numeric[c] = t[0].isdigit()
    L = E.lead_matrix([lead_words.get(it.id, set()) for it in live], terms, P.shape)
    years = np.array([it.latest_year or 0 for it in live])
    if keys is None:
        keys = [k for k in edges if edges[k] is not None]
    a = np.array([rows[k[0]] for k in keys])
    b = np.array([rows[k[1]] for k in keys])
    return keys, E.features(E.prepare(P, C, factors, L, df, numeric, years), a, b)


def run_group(rows, params=None):
    """Group ``rows`` (the event model off unless ``params`` says), capturing its edges."""
    _state.clear()
    items = [read_item({k: r.get(k) for k in ("id", "text", "title", "date")}) for r in rows]
    lead_words = leads(items)
    captured = {}

    def capture(live, edges):
        captured["live"], captured["edges"] = live, dict(edges)
        return edges

    _state["hook"] = capture
    assignment = G.group(items, params=params or G.Params(event=False)).assignment
    return assignment, captured, lead_words


def train_piles(n_piles, clusters=600, seed=1):
    rows = []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= 5000:
                rows.append(json.loads(line))
    rng = random.Random(seed)
    rng.shuffle(rows)
    for p in range(n_piles):
        out = []
        for r in rows[p * clusters:(p + 1) * clusters]:
            meta = r.get("meta", {})
            irr = set(meta.get("multinews_plus_irrelevant_raw_doc_indices") or []) \
                if meta.get("n_empty_docs_dropped", 0) == 0 else set()
            for i, t in enumerate(r["documents"]):
                if len(t.split()) >= 50:
                    out.append({"id": f"{r['id']}#{i}", "text": t, "story": r["id"], "irr": i in irr})
        rng.shuffle(out)
        yield out


def extract(n_piles=40):
    Xs, ys, piles = [], [], []
    for p, rows in enumerate(train_piles(n_piles)):
        t0 = time.perf_counter()
        _, cap, lead_words = run_group(rows)
        info = {r["id"]: r for r in rows}
        keys, X = features(cap["live"], cap["edges"], lead_words)
        zone = (X[:, 1] >= E.ZONE[0]) & (X[:, 1] <= E.ZONE[1])
        y, keep = [], []
        for k, z in zip(keys, zone):
            ra, rb = info[k[0]], info[k[1]]
            same = ra["story"] == rb["story"]
            keep.append(z and not (same and (ra["irr"] or rb["irr"])))
            y.append(int(same))
        keep, y = np.array(keep), np.array(y)
        Xs.append(X[keep])
        ys.append(y[keep])
        piles.append(np.full(keep.sum(), p))
        print(f"pile {p}: {len(rows)} articles, {len(keys)} edges, {keep.sum()} in the zone, "
              f"{y[keep].mean():.3f} positive, {time.perf_counter() - t0:.1f} s", flush=True)
    np.savez(PAIRS, X=np.vstack(Xs), y=np.concatenate(ys), pile=np.concatenate(piles))


def export(gb, cols) -> dict:
    trees = []
    for (pred,) in gb._predictors:
        n = pred.nodes
        trees.append({"f": [int(cols[f]) for f in n["feature_idx"]], "t": n["num_threshold"].tolist(),
                      "l": n["left"].tolist(), "r": n["right"].tolist(),
                      "leaf": n["is_leaf"].astype(int).tolist(), "v": n["value"].tolist()})
    return {"names": E.NAMES, "zone": list(E.ZONE), "base": float(np.ravel(gb._baseline_prediction)[0]),
            "trees": trees}


def fit():
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    d = np.load(PAIRS)
    X, y, pile = d["X"], d["y"], d["pile"]
    cols = np.array([i for i, n in enumerate(E.NAMES) if n not in DROP])
    Xall, X = X, X[:, cols]
    make = lambda: HistGradientBoostingClassifier(max_iter=100, max_depth=3, learning_rate=0.1,  # noqa: E731
                                                  random_state=0)
    val = pile == pile.max()
    print(f"{len(y)} pairs ({y.mean():.3f} positive); validation pile: {val.sum()}")
    mu, sd = X[~val].mean(0), X[~val].std(0) + 1e-9
    lr = LogisticRegression(max_iter=3000).fit((X[~val] - mu) / sd, y[~val])
    gb = make().fit(X[~val], y[~val])
    print(f"validation AUC: context cosine {roc_auc_score(y[val], X[val, 1]):.3f}, "
          f"logistic {roc_auc_score(y[val], lr.predict_proba((X[val] - mu) / sd)[:, 1]):.3f}, "
          f"gradient boosting {roc_auc_score(y[val], gb.predict_proba(X[val])[:, 1]):.3f}")
    gb = make().fit(X, y)
    m = export(gb, cols)
    m["unused"] = sorted(DROP)
    m["arrays"] = [tuple(np.array(t[k]) for k in ("f", "t", "l", "r", "leaf", "v")) for t in m["trees"]]
    assert np.allclose(E.probability(Xall[:5000], m), gb.predict_proba(X[:5000])[:, 1])
    del m["arrays"]
    E.MODEL.write_text(json.dumps(m, separators=(",", ":")) + "\n")
    print(f"wrote {E.MODEL} ({E.MODEL.stat().st_size // 1024} KB)")


def apply():
    from score_stories import score
    from stories import heldout, load

    dev = load(SHARED / "data/stories/dev.jsonl")
    dev_g = {r["id"]: r["story"] for r in dev}
    dev_p = {r["id"]: r["story"] for r in load(SHARED / "data/stories/dev_mnplus.jsonl")}
    on = G.Params()

    def scores(rows, g1, g2, params):
        a, _, _ = run_group(rows, params)
        return score(g1, a)["b3_f1"], score(g2, a)["b3_f1"]

    off = scores(dev, dev_g, dev_p, G.Params(event=False))
    print(f"dev, event model off: {off[0]:.3f} / {off[1]:.3f}")
    results = []
    for at in (0.2, 0.25, 0.3, 0.35):
        for power in (0.5, 1.0, 1.5):
            E.P_AT_THRESHOLD, E.POWER = at, power
            s = scores(dev, dev_g, dev_p, on)
            results.append((min(s[0] - off[0], s[1] - off[1]), at, power))
            print(f"dev, p {at} at the threshold, power {power}: {s[0]:.3f} / {s[1]:.3f}", flush=True)
    _, E.P_AT_THRESHOLD, E.POWER = max(results)
    print(f"chosen on dev (best worse gain of the two golds): p {E.P_AT_THRESHOLD}, power {E.POWER}")
    held, held_g, held_p = heldout()
    for name, params in (("off", G.Params(event=False)), ("on", on)):
        s = scores(held, held_g, held_p, params)
        print(f"held-out, event model {name}: {s[0]:.3f} / {s[1]:.3f}")


if __name__ == "__main__":
    sys.path.insert(0, str(SHARED / "tools"))
    {"extract": extract, "fit": fit, "apply": apply}[sys.argv[1]]()
