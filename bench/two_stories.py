"""Would briefing only the longer of two unrelated articles help? (issue #18, measured, not shipped)

    PYTHONPATH=. python bench/two_stories.py ../shared/data/multi_news_raw/dev.jsonl
    PYTHONPATH=. python bench/two_stories.py ../shared/data/multi_news/validation.jsonl   # ~4 min

For every cluster with exactly two used articles whose relevance (their TF-IDF cosine, from the
relevance stage) is under --below, ROUGE-1 F1 (stemmed, candidates cut to 250 words, against the
first reference) of today's brief and of a brief of the longer article alone, then the means by
relevance band. The relevance stage calls neither of two articles the odd one out; this script
is what stands behind that.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

import newsweave
from newsweave.evaluation.rouge import _scorer, sentence_lines, truncate_words
from newsweave.model import Status

BANDS = [(0.0, 0.02), (0.02, 0.04), (0.04, 0.06), (0.06, 0.08), (0.08, 0.1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonl")
    ap.add_argument("--below", type=float, default=0.1)
    args = ap.parse_args()
    scorer = _scorer()
    rows = []
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs = [d.get("text", "") if isinstance(d, dict) else d for d in r["documents"]]
            docs = [d for d in docs if d and d.strip()]
            if len(docs) != 2:
                continue
            try:
                b = newsweave.brief(docs, words=250, analyze=False)
            except newsweave.InputError:
                continue
            used = [d for d in b.documents if d.status == Status.USED]
            if len(used) != 2 or min(d.relevance or 0 for d in used) >= args.below:
                continue
            ref = sentence_lines((r["summaries"][0] if isinstance(r["summaries"], list) else r["summaries"])
                                 .lstrip("– ").strip())

            def r1(brief):
                cand = "\n".join(s.sentence.text for s in brief.summary)
                return scorer.score(ref, truncate_words(cand, 250))["rouge1"].fmeasure

            longer = max(used, key=lambda d: len(d.text))
            alone = newsweave.brief([docs[[d.id for d in b.documents].index(longer.id)]], words=250,
                                    analyze=False, min_documents=1)
            rows.append((r["id"], min(d.relevance for d in used), r1(b), r1(alone)))
    print(f"{len(rows)} two-article clusters with relevance under {args.below}")
    print("| relevance | clusters | ROUGE-1 today | longer article only | better | worse |")
    print("|---|---:|---:|---:|---:|---:|")
    for lo, hi in BANDS + [(0.0, args.below)]:
        band = np.array([x[2:] for x in rows if lo <= x[1] < hi])
        if len(band):
            print(f"| {lo:.2f}–{hi:.2f} | {len(band)} | {band[:, 0].mean():.4f} | {band[:, 1].mean():.4f} | "
                  f"{int((band[:, 1] > band[:, 0]).sum())} | {int((band[:, 1] < band[:, 0]).sum())} |")
    for cid, rel, now, alone in rows if len(rows) <= 10 else []:
        print(f"{cid}: relevance {rel:.3f}, ROUGE-1 {now:.3f} -> {alone:.3f}")


if __name__ == "__main__":
    main()
