"""Check that a change leaves every brief exactly as it was.

Records the JSON brief (timings left out: they are measurements, not output) of the built-in
example, of the seeds and of every cluster of the raw Multi-News dev set, plus the Markdown of
the example; then compares a later run against that record, brief by brief.

    python bench/same_output.py --record out/golden     # before the change
    python bench/same_output.py --check out/golden      # after it: exit 1 on any difference
    python bench/same_output.py --check out/golden --ignore copy_of   # a key the change added

The record holds the articles' text (briefs carry it), so it goes to a folder git ignores
(``out/``) and is never committed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
RAW = SHARED / "data" / "multi_news_raw" / "dev.jsonl"


def _briefs():
    """(name, text) for every brief compared."""
    import newsweave
    from newsweave.cli import EXAMPLE_DIR

    def one(paths, cluster_id=None):
        try:
            b = newsweave.run(newsweave.load(paths, cluster_id))
        except newsweave.InputError as e:
            return f"InputError: {e}", None
        d = b.to_dict()
        d.pop("timings", None)
        return json.dumps(d, indent=1, ensure_ascii=False, sort_keys=True), b

    text, b = one(str(EXAMPLE_DIR))
    yield "example.json", text
    yield "example.md", b.to_markdown()
    yield "seeds.json", one(str(SHARED / "data" / "seeds"))[0]
    with open(RAW, encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f if line.strip()]
    for cid in ids:
        yield f"raw-{cid}.json", one(str(RAW), cid)[0]


def _without(text: str, keys: list[str]) -> str:
    """The text with those keys removed from its JSON (other texts as they are)."""
    if not keys or not text.startswith("{"):
        return text

    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k not in keys}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    return json.dumps(strip(json.loads(text)), sort_keys=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--record", metavar="DIR", help="write the current briefs here")
    g.add_argument("--check", metavar="DIR", help="compare the current briefs with these")
    ap.add_argument("--ignore", action="append", default=[], metavar="KEY",
                    help="leave this JSON key out of the comparison, at any depth (repeatable)")
    args = ap.parse_args(argv)
    folder = Path(args.record or args.check)
    folder.mkdir(parents=True, exist_ok=True)
    differ, n = [], 0
    for name, text in _briefs():
        n += 1
        path = folder / name
        if args.record:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or _without(path.read_text(encoding="utf-8"), args.ignore) != _without(
                text, args.ignore):
            differ.append(name)
            print(f"DIFFERS: {name}", flush=True)
    if args.record:
        print(f"recorded {n} briefs in {folder}")
        return 0
    print(f"{n - len(differ)} of {n} briefs identical" + (f"; {len(differ)} differ" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
