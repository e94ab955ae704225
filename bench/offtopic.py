"""Off-topic / different-event detection against the Multi-News+ labels, and its cost.

    python bench/offtopic.py                 # whole validation split + raw dev + seeds
    python bench/offtopic.py --limit 500     # quicker
    python bench/offtopic.py --jobs 8 --examples 12

For every cluster the documents go through the pipeline's own stages (clean, metadata,
sentences, TF-IDF cluster, ``relevance.assess``), and a document counts as *predicted
off-topic* when ``relevance.decide`` sets it aside for any reason. Gold: the indices in
``meta.multinews_plus_irrelevant_raw_doc_indices`` (Multi-News+ LLM votes: noisy). Those
indices count the documents *before* empty ones were dropped and the position of the
dropped ones is not recorded, so clusters with ``n_empty_docs_dropped > 0`` (43 of 5,622)
are left out rather than guessed. ``multi_news_raw/dev.jsonl`` has no labels of its own:
each of its clusters names its truncated twin (``same_cluster_in_multi_news_jsonl``) whose
labels apply when the twin has the same number of documents in the same order (checked by
word overlap).

Prints: precision / recall / F1 per data set (and for clusters of >= 3 documents, where the
topic reasons can fire), per reason, a sweep of the relevance cut-offs, a sample of
disagreements (200-character excerpts) to judge label noise, and the time the relevance
stage takes per cluster.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsweave import clean  # noqa: E402
from newsweave.features import Cluster  # noqa: E402
from newsweave.metadata import add_metadata  # noqa: E402
from newsweave.model import Document  # noqa: E402
from newsweave.relevance import (DEFAULT_MIN_RELEVANCE, RELATIVE_MIN_RELEVANCE, assess,  # noqa: E402
                                 decide)
from newsweave.sentences import split_sentences  # noqa: E402

SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"


def analyse(item):
    """(name, texts, gold) -> rows of per-document findings, plus the time it took."""
    name, texts, gold = item
    t0 = time.perf_counter()
    docs = [Document(id=str(i), text=t, source=name) for i, t in enumerate(texts)]
    sents = {}
    for d in docs:
        d.removed = clean.find_debris(d.text)
        add_metadata(d)
        sents[d.id] = split_sentences(d)
    t1 = time.perf_counter()
    cluster = Cluster(docs, [s for d in docs for s in sents[d.id]])
    found = assess(docs, cluster)
    t2 = time.perf_counter()
    rows = []
    for i, d in enumerate(docs):
        a = found[d.id]
        rows.append({"cluster": name, "i": i, "gold": i in gold, "relevance": a.relevance,
                     "typical": a.typical, "words": a.words, "dead": a.dead, "event": a.event,
                     "date": d.date, "excerpt": " ".join(d.text.split())[:200]})
    n_alive = sum(not r["dead"] for r in rows)
    for r in rows:
        r["n_alive"] = n_alive
    return rows, t1 - t0, t2 - t1


def _same_order(raw: list[str], trunc: list[str]) -> bool:
    def words(t):
        return {w.lower() for w in t.split()[:60] if len(w) > 3}
    for a, b in zip(raw, trunc):
        wa, wb = words(a), words(b)
        if not wb or len(wa & wb) < 0.3 * len(wb):
            return False
    return True


def load_validation(limit=None):
    items, skipped = [], 0
    with open(DATA / "multi_news" / "validation.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["meta"]["n_empty_docs_dropped"]:
                skipped += 1
                continue
            items.append((r["id"], r["documents"], set(r["meta"]["multinews_plus_irrelevant_raw_doc_indices"])))
            if limit and len(items) >= limit:
                break
    return items, skipped


def load_raw():
    raw = [json.loads(line) for line in open(DATA / "multi_news_raw" / "dev.jsonl", encoding="utf-8")]
    want = {r["meta"]["same_cluster_in_multi_news_jsonl"] for r in raw}
    twins = {}
    with open(DATA / "multi_news" / "validation.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in want:
                twins[r["id"]] = r
    train = DATA / "multi_news" / "train.jsonl.gz"
    if train.exists():
        with gzip.open(train, "rt", encoding="utf-8") as f:
            for line in f:
                if '"multinews-train-' in line[:60]:
                    r = json.loads(line)
                    if r["id"] in want:
                        twins[r["id"]] = r
    items, skipped = [], 0
    for r in raw:
        t = twins.get(r["meta"]["same_cluster_in_multi_news_jsonl"])
        if (t is None or t["meta"]["n_empty_docs_dropped"] or r["meta"].get("n_empty_pieces_dropped")
                or len(t["documents"]) != len(r["documents"]) or not _same_order(r["documents"], t["documents"])):
            skipped += 1
            continue
        items.append((r["id"], r["documents"], set(t["meta"]["multinews_plus_irrelevant_raw_doc_indices"])))
    return items, skipped


def load_seeds():
    files = sorted((DATA / "seeds").glob("*.txt"))
    gold = {i for i, p in enumerate(files) if p.name.startswith("003_")}  # the May 2014 article
    return [("seeds", [p.read_text(encoding="utf-8") for p in files], gold)]


def predict(r, min_rel=DEFAULT_MIN_RELEVANCE, rel=RELATIVE_MIN_RELEVANCE, events=True):
    from newsweave.relevance import Assessment

    a = Assessment("", r["relevance"], r["typical"], r["words"], r["dead"], r["event"] if events else "")
    return decide(a, r["n_alive"], min_rel, rel)


def prf(rows, **kw):
    tp = fp = fn = 0
    for r in rows:
        p = bool(predict(r, **kw))
        tp += p and r["gold"]
        fp += p and not r["gold"]
        fn += (not p) and r["gold"]
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f1, tp, fp, fn


def reason_kind(text):
    return text.split(":")[0] if text else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="first N labelled validation clusters only")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--examples", type=int, default=8, help="disagreements shown per kind")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    sets = {}
    val, val_skipped = load_validation(args.limit)
    sets["multi_news validation"] = val
    raw, raw_skipped = load_raw()
    sets["multi_news_raw dev"] = raw
    sets["seeds"] = load_seeds()
    print(f"validation: {len(val)} clusters ({val_skipped} with dropped empty documents left out); "
          f"raw dev: {len(raw)} labelled via their truncated twin ({raw_skipped} left out)\n")

    results, timing = {}, {}
    with Pool(args.jobs) as pool:
        for name, items in sets.items():
            out = pool.map(analyse, items, chunksize=16)
            results[name] = [r for rows, _, _ in out for r in rows]
            timing[name] = ([p for _, p, _ in out], [a for _, _, a in out])

    print("| data | clusters | docs | labelled off-topic | predicted | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, rows in results.items():
        for sub, sel in (("all", rows), (">=3 docs", [r for r in rows if r["n_alive"] >= 3])):
            if name == "seeds" and sub != "all":
                continue
            pr, rc, f1, tp, fp, fn = prf(sel)
            n_clusters = len({r["cluster"] for r in sel})
            print(f"| {name} ({sub}) | {n_clusters} | {len(sel)} | {tp + fn} | {tp + fp} | "
                  f"{pr:.3f} | {rc:.3f} | {f1:.3f} |")

    rows = results["multi_news validation"]
    print("\nBy reason (validation): how many set aside, and how many of those the labels agree with")
    kinds = {}
    for r in rows:
        k = reason_kind(predict(r))
        if k:
            kinds.setdefault(k, [0, 0])
            kinds[k][0] += 1
            kinds[k][1] += r["gold"]
    for k, (n, agree) in sorted(kinds.items()):
        print(f"  {k}: {n} set aside, {agree} labelled off-topic ({agree / n:.0%})")
    events_off = prf(rows, events=False)
    print(f"  without the different-event rule: P {events_off[0]:.3f} R {events_off[1]:.3f} F1 {events_off[2]:.3f}")

    print("\nSweep of the relevance cut-offs (validation; dead-page and event rules fixed)")
    print("| min_relevance | relative | precision | recall | F1 |")
    print("|---:|---:|---:|---:|---:|")
    for mr in (0.0, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25):
        for rel in (0.0, 0.3, 0.4, 0.5, 0.6):
            pr, rc, f1, *_ = prf(rows, min_rel=mr, rel=rel)
            print(f"| {mr:.2f} | {rel:.1f} | {pr:.3f} | {rc:.3f} | {f1:.3f} |")

    rng = random.Random(args.seed)
    for label, want in (("false positives (we set aside, labels say relevant)", (True, False)),
                        ("false negatives (labels say off-topic, we keep)", (False, True))):
        pool_rows = [r for r in rows if (bool(predict(r)), r["gold"]) == want]
        print(f"\nSample of {label}: {len(pool_rows)} in all")
        for r in rng.sample(pool_rows, min(args.examples, len(pool_rows))):
            why = reason_kind(predict(r)) or f"kept: relevance {r['relevance']:.2f}, median {r['typical']:.2f}"
            print(f"- {r['cluster']} doc {r['i']} [{why}; {r['words']} words] {r['excerpt']}")

    print("\nTime per cluster (ms, median / 95th percentile)")
    for name, (prep, rel) in timing.items():
        prep, rel = sorted(prep), sorted(rel)
        q = lambda xs, p: 1000 * xs[min(len(xs) - 1, int(p * len(xs)))]  # noqa: E731
        print(f"  {name}: clean+metadata+split {q(prep, .5):.1f} / {q(prep, .95):.1f}; "
              f"relevance (incl. events) {q(rel, .5):.1f} / {q(rel, .95):.1f}")


if __name__ == "__main__":
    main()
