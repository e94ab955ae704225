"""How well the brief's "Facts and figures" groups and judges the figures of a cluster.

    python bench/figures.py [--gold bench/figures_gold.jsonl] [--show]

For every cluster of the gold set (``bench/figures_gold.jsonl``, annotated by hand from the
raw Multi-News dev clusters; how, and what counts, in ``bench/FIGURES_GUIDE.md``) the brief
is made exactly as ``newsweave brief dev.jsonl --cluster ID`` makes it, and its facts are
scored against the gold figures:

- a predicted fact *matches* a gold figure when one of its mentions is in a document the
  gold figure lists and has one of the gold values (within 2 %); of several gold figures,
  the one with the most such mentions;
- **verdict precision** = predicted facts with 2+ documents whose verdict equals the
  verdict of the gold figure they match / predicted facts with 2+ documents (a fact that
  matches no gold figure counts as wrong: the brief compared what the articles do not);
- **group precision** = predicted facts with 2+ documents that match a gold figure / the same;
- **group recall** = gold figures matched by a predicted fact that has 2+ of their documents
  / gold figures;
- **verdict recall** = gold figures so matched with the right verdict / gold figures.

Status facts ("status: <person>") are not figures and are left out. ``--show`` prints each
cluster's predicted facts and what they matched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
RAW = SHARED / "data" / "multi_news_raw" / "dev.jsonl"
GOLD = ROOT / "bench" / "figures_gold.jsonl"


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.02 * max(abs(a), abs(b), 1e-9)


def predicted(cluster_id: str) -> list[dict]:
    """The brief's facts of one cluster, as {quantity, verdict, mentions: [(doc index, value)]}."""
    import newsweave

    try:
        brief = newsweave.run(newsweave.load(str(RAW), cluster_id))
    except newsweave.InputError:  # nothing readable: no facts
        return []
    index = {d.id: i for i, d in enumerate(brief.documents)}
    out = []
    for f in brief.analysis.facts if brief.analysis else []:
        if f.quantity.startswith("status:"):
            continue
        out.append({"quantity": f.quantity, "verdict": f.verdict, "note": f.note,
                    "mentions": [(index[m.sentence.doc], m.value) for m in f.mentions]})
    return out


def match(fact: dict, gold: list[dict]) -> tuple[int | None, int]:
    """(index of the gold figure the fact matches, or None; how many gold docs it covers)."""
    best, best_n, best_docs = None, 0, 0
    for gi, g in enumerate(gold):
        hits = [(d, v) for d, v in fact["mentions"]
                if d in g["docs"] and any(_same(v, x) for x in g["values"])]
        if len(hits) > best_n:
            best, best_n, best_docs = gi, len(hits), len({d for d, _ in hits})
    return best, best_docs


def score(gold_rows: list[dict], show: bool = False) -> dict:
    n_pred = right = matched = 0
    n_gold = recalled = verdict_recalled = 0
    for row in gold_rows:
        facts = predicted(row["id"])
        gold = row["figures"]
        n_gold += len(gold)
        got: dict[int, list[str]] = {}
        if show:
            print(f"\n## {row['id']}")
        for f in facts:
            docs = {d for d, _ in f["mentions"]}
            gi, covered = match(f, gold)
            if len(docs) >= 2:
                n_pred += 1
                matched += gi is not None
                ok = gi is not None and gold[gi]["verdict"] == f["verdict"]
                right += ok
                if show:
                    target = f"gold #{gi} {gold[gi]['what']} ({gold[gi]['verdict']})" if gi is not None else "no gold"
                    print(f"  {'ok ' if ok else 'BAD'} {f['quantity']} [{f['verdict']}] "
                          f"{sorted(f['mentions'])} -> {target}")
            if gi is not None and len(docs) >= 2 and covered >= 2:
                got.setdefault(gi, []).append(f["verdict"])
        for gi, g in enumerate(gold):
            if gi in got:
                recalled += 1
                verdict_recalled += g["verdict"] in got[gi]
            if show and gi not in got:
                print(f"  MISSED gold #{gi} {g['what']} / {g['scope']} {g['values']} docs {g['docs']} ({g['verdict']})")
    return {"clusters": len(gold_rows), "gold figures": n_gold, "predicted facts (2+ docs)": n_pred,
            "group precision": matched / n_pred if n_pred else 0.0,
            "group recall": recalled / n_gold if n_gold else 0.0,
            "verdict precision": right / n_pred if n_pred else 0.0,
            "verdict recall": verdict_recalled / n_gold if n_gold else 0.0,
            "_counts": (right, matched, n_pred, recalled, verdict_recalled, n_gold)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--show", action="store_true", help="print each cluster's facts and matches")
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    s = score(rows, args.show)
    right, matched, n_pred, recalled, verdict_recalled, n_gold = s["_counts"]
    print(f"\n{s['clusters']} clusters, {n_gold} gold figures, {n_pred} predicted facts with 2+ documents\n")
    print("| measure | value | counts |")
    print("|---|---:|---:|")
    print(f"| verdict precision | {s['verdict precision']:.2f} | {right} / {n_pred} |")
    print(f"| group precision | {s['group precision']:.2f} | {matched} / {n_pred} |")
    print(f"| group recall | {s['group recall']:.2f} | {recalled} / {n_gold} |")
    print(f"| verdict recall | {s['verdict recall']:.2f} | {verdict_recalled} / {n_gold} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
