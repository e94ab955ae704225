"""How much time the cross-source analysis adds to a brief.

    python bench/analysis_time.py [--limit N]

For each cluster (the seeds, the built-in example, the raw Multi-News dev clusters) the
brief is made twice in one process, without and with analysis, after a warm-up that loads
spaCy once (its load time is reported apart: a long-running process pays it once). Prints
the median and total seconds per cluster and the ratio analysis / brief, and how many
sentences got spaCy's full parse (all get its named entities; see newsweave/analysis/nlp.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))

import newsweave  # noqa: E402
from newsweave.errors import InputError  # noqa: E402
from newsweave.ingest import documents_from_texts  # noqa: E402
from newsweave.pipeline import Config, run  # noqa: E402


def clusters(limit: int | None):
    if (SHARED / "data" / "seeds").is_dir():
        yield "seeds", newsweave.load(str(SHARED / "data" / "seeds"))
    yield "example", newsweave.load(str(ROOT / "newsweave" / "example"))
    path = SHARED / "data" / "multi_news_raw" / "dev.jsonl"
    for i, line in enumerate(open(path, encoding="utf-8")):
        if limit is not None and i >= limit:
            break
        record = json.loads(line)
        yield record["id"], documents_from_texts(record["documents"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="raw dev clusters to use (default all)")
    args = ap.parse_args()
    start = time.perf_counter()
    from newsweave.analysis import nlp

    nlp.load()
    load_seconds = time.perf_counter() - start
    parses = []  # each analysis's nlp.Parses, to count the sentences it fully parsed
    parse = nlp.parse
    nlp.parse = lambda sentences: parses.append(parse(sentences)) or parses[-1]
    rows = []
    for name, docs in clusters(args.limit):
        try:
            run(docs, Config(analyze=False))  # warm caches for this cluster's imports
            t0 = time.perf_counter()
            run(docs, Config(analyze=False))
            t1 = time.perf_counter()
            full = run(docs, Config())
        except InputError:  # a cluster of dead pages: nothing to time
            continue
        rows.append((name, t1 - t0, full.timings["analysis"]))
    brief_s = [r[1] for r in rows]
    analysis_s = [r[2] for r in rows]
    print(f"spaCy model load (once per process): {load_seconds:.2f} s")
    print(f"{len(rows)} clusters (seeds, example, raw Multi-News dev)")
    total = sum(len(p) for p in parses)
    full = sum(p.is_parsed(i) for p in parses for i in range(len(p)))
    print(f"sentences fully parsed: {full} of {total} ({full / max(total, 1):.0%}); "
          "the others get named entities only\n")
    print("| | brief without analysis | analysis added | ratio analysis / brief |")
    print("|---|---:|---:|---:|")
    print(f"| median per cluster | {statistics.median(brief_s):.3f} s | {statistics.median(analysis_s):.3f} s "
          f"| {statistics.median(analysis_s) / statistics.median(brief_s):.2f} |")
    print(f"| total | {sum(brief_s):.2f} s | {sum(analysis_s):.2f} s | {sum(analysis_s) / sum(brief_s):.2f} |")
    for name, b, a in rows[:2]:
        print(f"| {name} | {b:.3f} s | {a:.3f} s | {a / b:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
