"""Train the `learned` summarizer's salience model on the Multi-News train split.

    python bench/train_salience.py [--clusters 8000] [--seed 13]

For each sentence of a training cluster (split and cleaned exactly as the pipeline
does), the target is its ROUGE density against the reference summary: the mean of its
unigram and bigram precision (stemmed, rouge_score's tokenizer). A ridge regression on
standardised features predicts it; the weights go to newsweave/summarizers/learned.json.
The data is Multi-News (research and education use only): the weights inherit that.
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

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "data" / "multi_news" / "train.jsonl.gz"

from newsweave.errors import InputError  # noqa: E402
from newsweave.evaluation.rouge import _tokenize  # noqa: E402
from newsweave.evaluation.systems import _ngrams  # noqa: E402
from newsweave.ingest import documents_from_texts  # noqa: E402
from newsweave.pipeline import Config, prepare  # noqa: E402
from newsweave.summarizers.learned import WEIGHTS, sentence_features  # noqa: E402

RIDGE = 1.0  # L2 penalty on standardised features: the model is small, the data large


def density(sentence: str, ref_uni, ref_bi) -> float:
    tokens = _tokenize()(sentence)
    uni, bi = _ngrams(tokens, 1), _ngrams(tokens, 2)
    p1 = sum(min(c, ref_uni[g]) for g, c in uni.items()) / max(sum(uni.values()), 1)
    p2 = sum(min(c, ref_bi[g]) for g, c in bi.items()) / max(sum(bi.values()), 1)
    return (p1 + p2) / 2


def examples(line: str):
    record = json.loads(line)
    try:
        prepared = prepare(documents_from_texts(record["documents"]), Config(analyze=False))
    except InputError:
        return None
    cluster = prepared.cluster
    if not cluster.sentences:
        return None
    F, names = sentence_features(cluster)
    ref = _tokenize()(record["summaries"][0])
    ref_uni, ref_bi = _ngrams(ref, 1), _ngrams(ref, 2)
    y = np.array([density(s.text, ref_uni, ref_bi) for s in cluster.sentences], dtype=np.float32)
    return F, y, names


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clusters", type=int, default=8000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--output", default=str(WEIGHTS))
    args = ap.parse_args()
    with gzip.open(TRAIN, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    random.Random(args.seed).shuffle(lines)
    lines = lines[: args.clusters]
    start = time.time()
    with Pool(os.cpu_count()) as pool:
        results = [r for r in pool.imap(examples, lines, chunksize=32) if r is not None]
    names = results[0][2]
    X = np.vstack([r[0] for r in results]).astype(np.float64)
    y = np.concatenate([r[1] for r in results]).astype(np.float64)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays a constant 1
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    penalty = RIDGE * np.eye(Z.shape[1])
    penalty[0, 0] = 0.0
    coef = np.linalg.solve(Z.T @ Z + penalty, Z.T @ y)
    pred = Z @ coef
    r = float(np.corrcoef(pred, y)[0, 1])
    out = {
        "features": names,
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "provenance": (f"ridge regression (L2 {RIDGE}) trained by bench/train_salience.py on "
                       f"{len(results)} clusters ({len(y)} sentences) of the Multi-News train split "
                       f"(seed {args.seed}); Multi-News is for non-commercial research and "
                       "educational use only"),
        "train_pearson": round(r, 4),
    }
    Path(args.output).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"{len(results)} clusters, {len(y)} sentences, pearson {r:.3f}, {time.time() - start:.0f}s")
    for name, c in sorted(zip(names, coef), key=lambda p: -abs(p[1])):
        print(f"  {name:15s} {c:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
