"""How right is "also in"? Precision and recall of the brief's own decision on labelled pairs.

    python bench/corroboration.py --msrp MSRP_TSV [--json OUT]
    python bench/corroboration.py --timing [--limit N]      # its cost per brief (raw Multi-News dev)

--msrp: for each labelled sentence pair, the decision the brief makes (``newsweave.similarity``'s
probability at least ``Config().corroboration``) against the label; beside it today's former
decision (TF-IDF cosine of the two sentences >= 0.35) in the same run. On MSRP *train* the
learned model's numbers are in-sample (it was fitted on those pairs), so the out-of-fold numbers
stored with the model are printed too; on another file (MSRP test) they are held out.

--timing: each raw Multi-News dev cluster briefed (without analysis) with the former and the new
corroboration in one process; prints the median brief and stage times, how many "also in"
claims each makes, how often the pre-filter (best 3 per document by TF-IDF) changes the answer,
and the process start-up cost of the model (import and first load).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
OLD_THRESHOLD = 0.35


def scores(y: list[int], decided: list[bool]) -> dict:
    tp = sum(d and t == 1 for t, d in zip(y, decided))
    fp = sum(d and t == 0 for t, d in zip(y, decided))
    fn = sum(not d and t == 1 for t, d in zip(y, decided))
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4),
            "accuracy": round(sum(d == (t == 1) for t, d in zip(y, decided)) / max(len(y), 1), 4)}


def msrp(path: str, out: str | None) -> int:
    from newsweave.config import Config
    from newsweave.similarity import probabilities, shipped
    from newsweave.similarity.pairs import table

    y, pairs = [], []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 5:
                y.append(int(p[0]))
                pairs.append((p[3], p[4]))
    threshold = Config().corroboration
    shipped_ = scores(y, [p >= threshold for p in probabilities(pairs)])
    tfidf = table(pairs)[:, 1]  # pairs.FEATURES[1]: TF-IDF fitted on the two sentences
    today = scores(y, [t >= OLD_THRESHOLD for t in tfidf])
    spec = shipped()
    oof = spec["out_of_fold"]
    print(f"{Path(path).name}: {len(y)} pairs, {sum(y)} labelled same")
    print(f"{'decision':<46} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}")
    for name, m in [(f"shipped: same_fact >= {threshold}", shipped_),
                    (f"today: TF-IDF cosine >= {OLD_THRESHOLD}", today),
                    ("shipped, out-of-fold on MSRP train (stored)", oof)]:
        print(f"{name:<46} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} {m['accuracy']:>6.3f}")
    if "train" in Path(path).name:
        print("note: the model was fitted on MSRP train, so its line on this file is in-sample; "
              "the out-of-fold line is the honest one")
    if out:
        Path(out).write_text(json.dumps({**shipped_, "threshold": threshold, "pairs": len(y),
                                         "today_tfidf_0.35": today, "out_of_fold": {
                                             k: oof[k] for k in ("precision", "recall", "f1", "accuracy")}},
                                        indent=1) + "\n", encoding="utf-8")
    return 0


def old_find_support(cluster, sentence, threshold):
    """The former decision: each other document's closest sentence by TF-IDF, if >= 0.35."""
    from newsweave.model import Support

    row, support = cluster.index_of(sentence), []
    for doc_id in cluster.doc_ids:
        if doc_id == sentence.doc:
            continue
        best, similarity = (x[0] for x in cluster.best_in_document(doc_id, [row]))
        if similarity >= OLD_THRESHOLD:
            s = cluster.sentences[best]
            support.append(Support(doc=s.doc, start=s.start, end=s.end, text=s.text,
                                   similarity=round(float(similarity), 3)))
    return tuple(sorted(support, key=lambda x: -x.similarity))


def startup() -> dict:
    # newsweave itself is imported first: newsweave.similarity costs only numpy and a small JSON
    # at import (config.py reads the threshold); tokenizers and the vectors load on first use
    code = ("import time; t=time.perf_counter(); import newsweave; t1=time.perf_counter(); "
            "import newsweave.similarity as s; s.static.model(); t2=time.perf_counter(); "
            "s.same_fact('A b c.', 'A b d.'); t3=time.perf_counter(); print(t1-t, t2-t1, t3-t2)")
    runs = [list(map(float, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                           cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                           check=True).stdout.split())) for _ in range(5)]
    return {k: round(statistics.median(r[i] for r in runs), 3)
            for i, k in enumerate(("import_newsweave_s", "load_model_s", "first_pair_s"))}


def timing(limit: int | None) -> int:
    from newsweave import corroborate, pipeline
    from newsweave.config import Config
    from newsweave.errors import InputError
    from newsweave.ingest import documents_from_texts
    from newsweave.similarity import probabilities

    start = startup()
    print("start-up (median of 5 fresh processes): import newsweave %.3f s (all of it), then loading the "
          "model (tokenizers, vectors) %.3f s, first pair %.3f s" % tuple(start.values()))
    new = pipeline.find_support
    rows, changed, weighed = [], 0, 0
    with open(SHARED / "data" / "multi_news_raw" / "dev.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()][:limit]
    for record in records:
        docs = documents_from_texts(record["documents"])
        try:
            pipeline.prepare(docs, Config(analyze=False, min_documents=1))
        except InputError:  # nothing left to brief (as same_output.py records it)
            continue
        row = {}
        for name, finder in (("old", old_find_support), ("new", new), ("old", old_find_support), ("new", new)):
            pipeline.find_support = finder  # twice each, alternating: the second of each is timed
            t = time.perf_counter()
            b = pipeline.run(docs, Config(analyze=False, min_documents=1))
            row[name] = (time.perf_counter() - t, b.timings.get("corroborate", 0.0),
                         sum(len(s.support) for s in b.summary), b)
        pipeline.find_support = new
        rows.append(row)
        # the pre-filter: does weighing every sentence of every other document change the support?
        cluster = pipeline.prepare(docs, Config(analyze=False, min_documents=1)).cluster
        for s in row["new"][3].summary:
            sentence = s.sentence
            everything = corroborate.candidates(cluster, sentence, k=10**6, min_cosine=-1.0)
            pairs = [(d, r) for d, rs in everything.items() for r in rs]
            p = probabilities([(sentence.text, cluster.sentences[r].text) for _, r in pairs])
            weighed += len(pairs)
            best = {}
            for (d, r), x in zip(pairs, p):
                if x >= Config().corroboration and x > best.get(d, (0, None))[0]:
                    best[d] = (x, cluster.sentences[r].start)
            if {d: st for d, (_, st) in best.items()} != {x.doc: x.start for x in s.support}:
                changed += 1
    brief_old = statistics.median(r["old"][0] for r in rows)
    brief_new = statistics.median(r["new"][0] for r in rows)
    stage_old = statistics.median(r["old"][1] for r in rows)
    stage_new = statistics.median(r["new"][1] for r in rows)
    added = statistics.median(r["new"][0] - r["old"][0] for r in rows)
    n_sum = sum(len(r["new"][3].summary) for r in rows)
    print(f"{len(rows)} raw Multi-News dev clusters, briefs without analysis")
    print(f"median brief: former {brief_old:.3f} s, new {brief_new:.3f} s; median of the per-cluster "
          f"difference {added:+.3f} s")
    print(f"median corroborate stage: former {stage_old * 1000:.1f} ms, new {stage_new * 1000:.1f} ms")
    print(f"'also in' claims: former {sum(r['old'][2] for r in rows)}, new {sum(r['new'][2] for r in rows)} "
          f"over {n_sum} summary sentences")
    print(f"pre-filter: weighing all {weighed} sentence pairs instead changes the support of {changed} "
          f"of {n_sum} summary sentences")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--msrp", help="labelled pairs, MSRP TSV format")
    ap.add_argument("--json", help="write the shipped decision's numbers here (--msrp)")
    ap.add_argument("--timing", action="store_true", help="time it on the raw Multi-News dev clusters")
    ap.add_argument("--limit", type=int, default=None, help="dev clusters for --timing (default all)")
    args = ap.parse_args()
    if not (args.msrp or args.timing):
        ap.error("give --msrp FILE or --timing")
    rc = msrp(args.msrp, args.json) if args.msrp else 0
    return rc or (timing(args.limit) if args.timing else 0)


if __name__ == "__main__":
    sys.exit(main())
