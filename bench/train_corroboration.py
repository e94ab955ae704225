"""Train the "also in" decision: a logistic regression over newsweave.similarity's pair features.

    pip install -e '.[bench]'     # scikit-learn (used here only; the brief needs numpy and tokenizers)
    OMP_NUM_THREADS=1 python bench/train_corroboration.py --msrp MSRP_TRAIN_TSV

MSRP (Microsoft Research Paraphrase Corpus) train: 4,076 sentence pairs from news, each labelled
1 when annotators judged that the two say the same thing. Features come from
``newsweave.similarity.pairs.table``, the very function the brief uses. Five-fold out-of-fold
(OOF) probabilities give the threshold: the one with the highest recall whose OOF precision is at
least --precision (0.90), with the two vetoes of ``pairs.veto`` applied as the brief applies them. A nested check (the threshold chosen inside each training part only)
tells whether that choice is honest. Then one fit on all pairs gives the shipped weights, in raw
feature units, written with the threshold, the OOF numbers and the provenance to
newsweave/similarity/corroboration.json. About 10 s.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsweave.similarity.pairs import FEATURES, table, veto  # noqa: E402
from newsweave.similarity.static import VECTORS  # noqa: E402

OUT = ROOT / "newsweave" / "similarity" / "corroboration.json"
SEED = 0


def load_msrp(path: str) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Labels and (sentence 1, sentence 2); MSRP has quotes inside sentences, so no csv quoting."""
    labels, pairs = [], []
    with open(path, encoding="utf-8-sig") as f:
        next(f)  # Quality, #1 ID, #2 ID, #1 String, #2 String
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 5:
                labels.append(int(p[0]))
                pairs.append((p[3], p[4]))
    return np.array(labels), pairs


def metrics(y: np.ndarray, decided: np.ndarray) -> dict:
    tp = int((decided & (y == 1)).sum())
    fp = int((decided & (y == 0)).sum())
    fn = int((~decided & (y == 1)).sum())
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4),
            "accuracy": round(float((decided == (y == 1)).mean()), 4)}


def best_at_precision(y: np.ndarray, s: np.ndarray, target: float) -> float | None:
    """The threshold with the highest recall whose precision is at least ``target``."""
    from sklearn.metrics import precision_recall_curve

    P, R, T = precision_recall_curve(y, s)
    ok = np.where(P[:-1] >= target)[0]
    return float(T[ok[np.argmax(R[:-1][ok])]]) if len(ok) else None


def _model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))


def out_of_fold(X: np.ndarray, y: np.ndarray, seed: int = SEED) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    s = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed).split(X, y):
        s[te] = _model().fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
    return s


def nested(X: np.ndarray, y: np.ndarray, vetoed: np.ndarray, target: float) -> dict:
    """Each outer fold's threshold chosen on inner OOF scores of its training part only."""
    from sklearn.model_selection import StratifiedKFold

    decided = np.zeros(len(y), dtype=bool)
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y):
        inner = np.where(vetoed[tr], 0.0, out_of_fold(X[tr], y[tr], SEED + 1))
        t = best_at_precision(y[tr], inner, target)
        decided[te] = (_model().fit(X[tr], y[tr]).predict_proba(X[te])[:, 1] >= t) & ~vetoed[te]
    return metrics(y, decided)


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--msrp", required=True, help="MSRP train TSV (msr_paraphrase_train.txt format)")
    ap.add_argument("--precision", type=float, default=0.90, help="OOF precision to reach (default 0.90)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    from sklearn import __version__ as sklearn_version
    from sklearn.metrics import average_precision_score

    y, pairs = load_msrp(args.msrp)
    X = table(pairs)
    print(f"MSRP: {len(y)} pairs, {int(y.sum())} same ({y.mean():.1%})")

    signals = {}  # each feature alone: how far it gets at the target precision
    for i, name in enumerate(FEATURES):
        t = best_at_precision(y, X[:, i], args.precision)
        signals[name] = {"average_precision": round(float(average_precision_score(y, X[:, i])), 4),
                         "recall_at_precision": metrics(y, X[:, i] >= t)["recall"] if t is not None else None}
    today = metrics(y, X[:, FEATURES.index("tfidf2")] >= 0.35)

    model_only = out_of_fold(X, y)
    vetoed = np.array([veto(a, b) is not None for a, b in pairs])
    s = np.where(vetoed, 0.0, model_only)  # what newsweave.similarity.probabilities gives
    t = best_at_precision(y, model_only, args.precision)
    without_vetoes = {"threshold": round(t, 4), **metrics(y, model_only >= t)}
    threshold = best_at_precision(y, s, args.precision)
    operating = {f"{p:.2f}": {"threshold": round(t, 4), **metrics(y, s >= t)}
                 for p in (0.80, 0.85, 0.90) if (t := best_at_precision(y, s, p)) is not None}
    oof = metrics(y, s >= threshold)
    check = nested(X, y, vetoed, args.precision)

    final = _model().fit(X, y)
    scaler, lr = final[0], final[1]
    w = lr.coef_[0] / scaler.scale_
    b = float(lr.intercept_[0] - (lr.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    spec = {
        "about": "P(two sentences state the same fact) = 1 / (1 + exp(-(bias + sum(weights[f] * f)))) "
                 "over newsweave.similarity.pairs.FEATURES; 'also in' when it is at least 'threshold'",
        "features": list(FEATURES),
        "weights": {f: float(x) for f, x in zip(FEATURES, w)},
        "bias": b,
        "threshold": round(threshold, 4),
        "target_precision": args.precision,
        "out_of_fold": {**oof, "average_precision": round(float(average_precision_score(y, s)), 4),
                        "nested_threshold": check, "operating_points": operating,
                        "vetoed_pairs": int(vetoed.sum()), "without_vetoes": without_vetoes},
        "today_tfidf_0.35": today,
        "single_signals": signals,
        "provenance": {
            "data": f"MSRP train ({Path(args.msrp).name}), {len(y)} pairs, sha256 {sha256(args.msrp)[:16]}",
            "vectors": f"{VECTORS.name} sha256 {sha256(VECTORS)[:16]} (bench/distill_static.py)",
            "method": "scikit-learn %s: StandardScaler + LogisticRegression(C=1); 5-fold stratified "
                      "out-of-fold (seed %d) picks the threshold, then one fit on all pairs" % (sklearn_version, SEED),
            "command": "OMP_NUM_THREADS=1 python bench/train_corroboration.py --msrp " + Path(args.msrp).name,
            "date": datetime.date.today().isoformat(),
        },
    }
    Path(args.out).write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")

    def line(name, m):
        return (f"{name:<34} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
                f"acc {m['accuracy']:.3f}")

    print(line("today: TF-IDF cosine >= 0.35", today))
    for p, m in operating.items():
        print(line(f"model OOF, P >= {p} (thr {m['threshold']:.3f})", m))
    print(line("model, nested threshold check", check))
    print(line(f"model without the vetoes (thr {without_vetoes['threshold']:.3f})", without_vetoes))
    print(f"vetoed pairs: {int(vetoed.sum())} ({vetoed.mean():.1%}), of which same: {y[vetoed].mean():.1%}")
    print(f"OOF average precision {spec['out_of_fold']['average_precision']:.3f}")
    print(f"\nEach feature alone, recall at precision >= {args.precision:.2f}:")
    for name, v in signals.items():
        r = v["recall_at_precision"]
        print(f"  {name:<14} AP {v['average_precision']:.3f}  R {'unreachable' if r is None else f'{r:.3f}'}")
    print(f"\nwrote {args.out}: threshold {spec['threshold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
