"""Static word vectors: all-MiniLM-L6-v2 distilled by model2vec, read with numpy and ``tokenizers``.

``static.npz`` holds one int8 row per token of ``tokenizer.json`` and one float32 scale per row;
both are written by bench/distill_static.py (see NOTICE.md beside them). A text's vector is the
mean of its tokens' rows (unknown tokens left out, the first 512 kept), L2-normalised: what
model2vec's ``StaticModel.encode`` computes, without model2vec or torch. Loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ..text.words import STOP_WORDS, TOKEN

HERE = Path(__file__).resolve().parent
VECTORS = HERE / "static.npz"
TOKENIZER = HERE / "tokenizer.json"
MAX_TOKENS = 512


class StaticModel:
    """The vector table and its tokenizer."""

    def __init__(self, vectors: Path = VECTORS, tokenizer: Path = TOKENIZER):
        from tokenizers import Tokenizer

        z = np.load(vectors)
        self.table = z["q"].astype(np.float32) * z["scale"]
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.unknown = self.tokenizer.token_to_id("[UNK]")
        self.dims = self.table.shape[1]

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text (a zero row for a text with no known token)."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        if not texts:
            return out
        for i, e in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            ids = [t for t in e.ids if t != self.unknown][:MAX_TOKENS]
            if ids:
                out[i] = self.table[ids].mean(axis=0)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@lru_cache(maxsize=1)
def model() -> StaticModel:
    """The shipped model, loaded on first use (about 0.1 s), then shared by the process."""
    return StaticModel()


def alignment_words(text: str) -> list[str]:
    """The words of a text that soft alignment compares: lower-cased, unstemmed (the vectors
    know inflections), function words and single characters left out."""
    return [w for w in TOKEN.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS]


_WORDS: dict[str, np.ndarray] = {}  # word -> its vector, for the process (cleared when large)
_MAX_WORDS = 200_000


def word_vectors(text: str) -> np.ndarray:
    """(n x dims) unit vectors of a text's alignment words; words with no known token left out."""
    words = alignment_words(text)
    if not words:
        return np.zeros((0, model().dims), dtype=np.float32)
    found = {w: _WORDS.get(w) for w in dict.fromkeys(words)}
    missing = [w for w, v in found.items() if v is None]
    if missing:  # looked up locally, so a concurrent brief clearing the cache does no harm
        vectors = model().encode(missing)
        found.update(zip(missing, vectors))
        if len(_WORDS) + len(missing) > _MAX_WORDS:
            _WORDS.clear()
        _WORDS.update(zip(missing, vectors))
    V = np.stack([found[w] for w in words])
    return V[np.linalg.norm(V, axis=1) > 0]
