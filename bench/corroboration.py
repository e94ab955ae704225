"""How right is "also in"? Precision and recall of the brief's own decision on labelled pairs.

    python bench/corroboration.py --msrp MSRP_TSV [--json OUT]
    python bench/corroboration.py --timing [--limit N]      # its cost per brief (raw Multi-News dev)

--msrp: for each labelled sentence pair, the decision the brief makes (``newsweave.similarity``'s
probability at least ``Config().corroboration``: the first pass, then the cross-encoder from
``similarity.FLOOR``) against the label; beside it, in the same run, the first pass alone (the
decision shipped before the cross-encoder) and the TF-IDF decision before that (cosine of the
two sentences >= 0.35). On MSRP *train* the models were fitted on those pairs: the
cross-encoder on all but the pairs bench/train_cross_encoder.py held out, which are scored
apart (the honest line; recognised by the file's checksum), and the first pass's out-of-fold
numbers stored with it are printed too. On another file (MSRP test) every line is held out.

--timing: each raw Multi-News dev cluster briefed (without analysis) with the first pass alone
(for "also in" and for the summarizer's repeat check) and with the cross-encoder, in one process; prints the median brief and stage times, how many
"also in" claims each makes, how many pairs the cross-encoder reads, how often the pre-filter
(best 3 per document by TF-IDF) changes the answer, and the process start-up cost of the models.
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

import numpy as np

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


def held_out_rows(path: str, n: int) -> np.ndarray | None:
    """The rows bench/train_cross_encoder.py held out, if ``path`` is the file it trained on."""
    import hashlib

    from newsweave.similarity import cross_spec

    spec = cross_spec()
    if hashlib.sha256(Path(path).read_bytes()).hexdigest() != spec["trained_on"]["sha256"]:
        return None
    from train_cross_encoder import split  # bench/, this script's folder

    return split(n, spec["settings"]["seed"], spec["settings"]["held_out_share"])[0]


def msrp(path: str, out: str | None) -> int:
    from newsweave.config import Config
    from newsweave.similarity import first_pass, probabilities, shipped
    from newsweave.similarity.pairs import table

    from train_corroboration import load_msrp  # bench/, this script's folder

    labels, pairs = load_msrp(path)
    y = labels.tolist()
    threshold = Config().corroboration
    p_brief = probabilities(pairs)
    shipped_ = scores(y, [p >= threshold for p in p_brief])
    first = scores(y, [p >= shipped()["threshold"] for p in first_pass(pairs)])
    tfidf = table(pairs)[:, 1]  # pairs.FEATURES[1]: TF-IDF fitted on the two sentences
    today = scores(y, [t >= OLD_THRESHOLD for t in tfidf])
    oof = shipped()["out_of_fold"]
    rows = [(f"brief: same_fact >= {threshold}", shipped_),
            (f"first pass alone (shipped before) >= {shipped()['threshold']}", first),
            (f"TF-IDF cosine >= {OLD_THRESHOLD} (shipped before that)", today)]
    held = held_out_rows(path, len(y))
    held_scores = None
    if held is not None:
        yh = [y[i] for i in held]
        held_scores = scores(yh, [p_brief[i] >= threshold for i in held])
        rows.insert(1, (f"brief, on the {len(held)} pairs the cross-encoder never saw", held_scores))
        rows.append(("first pass, out-of-fold on MSRP train (stored)", oof))
    print(f"{Path(path).name}: {len(y)} pairs, {sum(y)} labelled same")
    print(f"{'decision':<58} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}")
    for name, m in rows:
        print(f"{name:<58} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} {m['accuracy']:>6.3f}")
    if held is not None:
        print("note: the cross-encoder was trained on this file's other pairs and the first pass on all "
              "of it; the held-out line and the out-of-fold line are the honest ones")
    if out:
        Path(out).write_text(json.dumps({**shipped_, "threshold": threshold, "pairs": len(y),
                                         "held_out": held_scores, "first_pass": first,
                                         "today_tfidf_0.35": today}, indent=1) + "\n", encoding="utf-8")
    return 0


def startup() -> dict:
    # newsweave itself is imported first: newsweave.similarity costs only numpy and two small
    # JSON files at import (config.py reads the threshold); the models load on first use
    code = ("import time; t=time.perf_counter(); import newsweave; t1=time.perf_counter(); "
            "import newsweave.similarity as s; s.static.model(); s.cross.model(); t2=time.perf_counter(); "
            "s.same_fact('The mayor resigned.', 'The mayor quit.'); t3=time.perf_counter(); "
            "print(t1-t, t2-t1, t3-t2)")
    runs = [list(map(float, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                           cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                           check=True).stdout.split())) for _ in range(5)]
    return {k: round(statistics.median(r[i] for r in runs), 3)
            for i, k in enumerate(("import_newsweave_s", "load_models_s", "first_pair_s"))}


def timing(limit: int | None) -> int:
    from newsweave import corroborate, pipeline, similarity
    from newsweave.config import Config
    from newsweave.errors import InputError
    from newsweave.ingest import documents_from_texts

    start = startup()
    print("start-up (median of 5 fresh processes): import newsweave %.3f s (all of it), then loading the "
          "models (tokenizers, vectors, MiniLM and its update) %.3f s, first pair %.3f s" % tuple(start.values()))
    cascade, repeats = similarity.probabilities, similarity.repeats

    def first(pairs, _first=None):  # the first pass alone, for "also in" ...
        return similarity.first_pass(pairs)

    def first_repeats(pairs, bar):  # ... and for the summarizer's repeat check
        p = similarity.first_pass(pairs)
        return p >= bar, p
    model = similarity.cross.model()
    read = {"n": 0}
    logits = model.logits

    def counted(pairs):
        read["n"] += len(pairs)
        return logits(pairs)
    model.logits = counted
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
        for name, fn, rep in (("old", first, first_repeats), ("new", cascade, repeats),
                              ("old", first, first_repeats), ("new", cascade, repeats)):
            similarity.probabilities, similarity.repeats = fn, rep  # twice each, alternating: the second of each is timed
            read["n"] = 0
            t = time.perf_counter()
            b = pipeline.run(docs, Config(analyze=False, min_documents=1))
            row[name] = (time.perf_counter() - t, b.timings.get("corroborate", 0.0),
                         sum(len(s.support) for s in b.summary), b, read["n"])
        similarity.probabilities, similarity.repeats = cascade, repeats
        rows.append(row)
        # the pre-filter: does weighing every sentence of every other document change the support?
        cluster = pipeline.prepare(docs, Config(analyze=False, min_documents=1)).cluster
        for s in row["new"][3].summary:
            sentence = s.sentence
            everything = corroborate.candidates(cluster, sentence, k=10**6, min_cosine=-1.0)
            pairs = [(d, r) for d, rs in everything.items() for r in rs]
            p = cascade([(sentence.text, cluster.sentences[r].text) for _, r in pairs])
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
    print(f"{len(rows)} raw Multi-News dev clusters, briefs without analysis; 'former': the first pass "
          "alone, 'new': with the cross-encoder, which decides also-in")
    print(f"median brief: former {brief_old:.3f} s, new {brief_new:.3f} s; median of the per-cluster "
          f"difference {added:+.3f} s")
    print(f"median corroborate stage: former {stage_old * 1000:.1f} ms, new {stage_new * 1000:.1f} ms")
    print(f"pairs the cross-encoder reads per brief: median {statistics.median(r['new'][4] for r in rows)}, "
          f"max {max(r['new'][4] for r in rows)}")
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
