"""Audit of the scraping-debris detector on the raw Multi-News dev clusters.

    python bench/debris_audit.py                  # table: kind, lines removed, documents
    python bench/debris_audit.py --show credit    # every removed line of one kind
    python bench/debris_audit.py --show all       # every removed line
    python bench/debris_audit.py --kept 100       # kept lines under 100 chars (misses?)

Reads ``multi_news_raw/dev.jsonl`` from the shared data folder (``$NEWSWEAVE_SHARED``,
default ``../shared`` next to the repository) and runs ``newsweave.clean.find_debris`` on
every document.  The table counts non-blank *lines* removed per kind (a comment thread
or a donation box is one removal but many lines) and the documents where the kind
fired; below it, the documents left with no text at all (dead pages, archive notices,
widget-only pages) and the time per document.  ``--show`` is for manual review:
precision is judged by reading what was removed, recall by reading ``--kept``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsweave.clean import KINDS, find_debris  # noqa: E402

SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "data" / "multi_news_raw" / "dev.jsonl"


def load(path: Path) -> list[tuple[str, str]]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for i, text in enumerate(rec["documents"]):
                docs.append((f"{rec['id']}#{i}", text))
    return docs


def nonblank_lines(text: str, start: int, end: int) -> list[str]:
    return [ln.strip() for ln in text[start:end].split("\n") if ln.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEV, help=f"JSONL clusters (default {DEV})")
    ap.add_argument("--show", metavar="KIND", help="print the removed lines of this kind ('all' for every kind)")
    ap.add_argument("--kept", type=int, metavar="N", help="print kept lines shorter than N characters")
    ap.add_argument("--width", type=int, default=160, help="truncate printed lines to this width")
    args = ap.parse_args()
    if not args.data.is_file():
        sys.exit(f"no data at {args.data} (set NEWSWEAVE_SHARED)")
    if args.show and args.show != "all" and args.show not in KINDS:
        sys.exit(f"unknown kind {args.show!r}; kinds: {', '.join(KINDS)}")

    docs = load(args.data)
    lines_by_kind: Counter[str] = Counter()
    docs_by_kind: Counter[str] = Counter()
    removals_by_kind: Counter[str] = Counter()
    emptied, total_lines, removed_lines, elapsed = [], 0, 0, 0.0
    for doc_id, text in docs:
        t0 = time.perf_counter()
        removals = find_debris(text)
        elapsed += time.perf_counter() - t0
        n_lines = len(nonblank_lines(text, 0, len(text)))
        total_lines += n_lines
        gone = 0
        for kind in {r.kind for r in removals}:
            docs_by_kind[kind] += 1
        for r in removals:
            removed = nonblank_lines(text, r.start, r.end)
            lines_by_kind[r.kind] += len(removed)
            removals_by_kind[r.kind] += 1
            gone += len(removed)
            if args.show in (r.kind, "all"):
                for ln in removed:
                    print(f"{r.kind:13s} {doc_id:34s} {ln[: args.width]}")
        removed_lines += gone
        if n_lines and gone == n_lines:
            emptied.append((doc_id, sorted({r.kind for r in removals})))
        if args.kept:
            cuts = [(r.start, r.end) for r in removals]
            pos = 0
            for raw in text.split("\n"):
                s, e = pos, pos + len(raw)
                pos = e + 1
                ln = raw.strip()
                if ln and len(ln) < args.kept and not any(a <= s < b or a < e <= b for a, b in cuts):
                    print(f"KEPT          {doc_id:34s} {ln[: args.width]}")
    if args.show or args.kept:
        print()

    print(f"{args.data}: {len(docs)} documents, {total_lines} non-blank lines, "
          f"{removed_lines} removed ({removed_lines / max(total_lines, 1):.1%})\n")
    print(f"{'kind':14s} {'lines':>6s} {'removals':>9s} {'docs':>5s}  description")
    for kind in KINDS:
        if lines_by_kind[kind] or docs_by_kind[kind]:
            print(f"{kind:14s} {lines_by_kind[kind]:6d} {removals_by_kind[kind]:9d} {docs_by_kind[kind]:5d}  {KINDS[kind]}")
    unused = [k for k in KINDS if not docs_by_kind[k]]
    if unused:
        print(f"(kinds that never fired here: {', '.join(unused)})")
    print(f"\ndocuments with nothing left: {len(emptied)}")
    for doc_id, kinds in emptied:
        print(f"  {doc_id:34s} {', '.join(kinds)}")
    print(f"\nfind_debris: {elapsed / len(docs) * 1000:.2f} ms per document "
          f"(mean {sum(len(t) for _, t in docs) / len(docs) / 1000:.1f} KB), {elapsed:.2f} s in all")


if __name__ == "__main__":
    main()
