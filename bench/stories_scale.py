"""How grouping (``stories --no-briefs``) scales: time, memory and B-cubed F1 on the first N
articles of Multi-News train (its clusters are the gold stories).

    python bench/stories_scale.py 1000 10000 125000      # one process per size
    python bench/stories_scale.py --incremental 1000 10000   # 100 new articles into a store of N

Each size runs in a fresh subprocess, so that its peak memory (ru_maxrss) is its own.
Reads ../shared/data/multi_news/train.jsonl.gz (or $NEWSWEAVE_SHARED/data/...).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
TRAIN = SHARED / "data" / "multi_news" / "train.jsonl.gz"
sys.path.insert(0, str(SHARED / "tools"))


def articles(limit: int):
    out = []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for i, text in enumerate(row["documents"]):
                if text.strip():
                    out.append({"id": f"{row['id']}#{i}", "text": text, "story": row["id"]})
                    if len(out) >= limit:
                        return out
    return out


def one(n: int) -> dict:
    from score_stories import score

    from newsweave.stories.features import read_item
    from newsweave.stories.group import group

    rows = articles(n)
    gold = {r["id"]: r["story"] for r in rows}
    t0 = time.perf_counter()
    items = [read_item(r) for r in rows]
    t1 = time.perf_counter()
    assignment = group(items).assignment
    t2 = time.perf_counter()
    s = score(gold, assignment)
    return {"articles": len(rows), "read_s": t1 - t0, "group_s": t2 - t1,
            "per_s": len(rows) / (t2 - t0), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "b3_f1": s["b3_f1"], "gold_stories": s["gold_stories"], "pred_stories": s["pred_stories"]}


def incremental(sizes: list[int], new: int = 100) -> None:
    """The cost of adding ``new`` articles to a store that holds N: it should not grow with N."""
    import tempfile

    from newsweave.stories.run import make_stories

    print(f"| articles stored | storing them (s) | adding {new} more (s) | store size (MB) |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        rows = articles(n + new)
        strip = lambda rs: [{"id": r["id"], "text": r["text"]} for r in rs]  # noqa: E731
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "stories.db")
            t0 = time.perf_counter()
            make_stories(strip(rows[:n]), db=db, briefs=False)
            t1 = time.perf_counter()
            make_stories(strip(rows[n:]), db=db, briefs=False)
            t2 = time.perf_counter()
            print(f"| {n:,} | {t1 - t0:.1f} | {t2 - t1:.2f} | {Path(db).stat().st_size / 1e6:.0f} |", flush=True)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--incremental":
        incremental([int(a) for a in argv[1:]] or [1000, 10000])
        return
    if argv and argv[0] == "--one":
        print(json.dumps(one(int(argv[1]))))
        return
    sizes = [int(a) for a in argv] or [1000, 10000]
    print("| articles | read + features (s) | grouping (s) | articles/s | peak memory (MB) | B-cubed F1 | gold / predicted stories |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {r['articles']:,} | {r['read_s']:.1f} | {r['group_s']:.1f} | {r['per_s']:.0f} | "
              f"{r['peak_mb']:.0f} | {r['b3_f1']:.3f} | {r['gold_stories']:,} / {r['pred_stories']:,} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
