"""How right is "also in" inside real briefs? A hand-labelled audit on raw Multi-News dev.

    PYTHONPATH=. python bench/also_in_audit.py --dump out/also_in_pairs.txt   # pairs to read (article text: never commit)
    PYTHONPATH=. python bench/also_in_audit.py --score bench/also_in_gold.jsonl

MSRP measures the decision on sentence pairs out of context; this measures it where a reader
meets it. For every brief of the 92 raw dev clusters (default configuration), every candidate
pair the corroborate stage weighs (a summary sentence and one of another article's three
closest sentences by TF-IDF) whose same-fact probability is at least --floor (0.3) is listed:
the claims (at least ``Config.corroboration``) and the near misses under it. Each pair was read
and labelled in ``bench/also_in_gold.jsonl`` (our judgement, keyed by cluster, documents and
offsets; no article text), with the guide below. The score is the shipped decision's precision
on the claims and its recall on the pairs labelled the same.

Labelling guide. ``same``: the other sentence states the summary sentence's fact (all of what it
reports; wording, attribution and small details such as a title or a weekday may differ).
``part``: it states only part of it (a long sentence's one clause, the same event with less).
``different``: another fact (same topic or frame, another number, place, person or time), or one
sentence reports what the other denies. Precision counts ``same`` as right; ``part`` is shown
separately, since "also in" claims that the other outlet says the same.
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


def weighed_pairs(floor: float):
    """(key, probability, summary sentence, candidate) for every pair weighed at or above floor."""
    from newsweave import corroborate, pipeline
    from newsweave.config import Config
    from newsweave.errors import InputError
    from newsweave.ingest import documents_from_texts
    from newsweave.similarity import probabilities

    with open(RAW, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for record in records:
        docs = documents_from_texts(record["documents"])
        try:
            brief = pipeline.run(docs, Config(analyze=False))
            cluster = pipeline.prepare(documents_from_texts(record["documents"]), Config(analyze=False)).cluster
        except InputError:
            continue
        for s in brief.summary:
            found = corroborate.candidates(cluster, s.sentence)
            rows = [r for rs in found.values() for r in rs]
            p = probabilities([(s.sentence.text, cluster.sentences[r].text) for r in rows])
            for r, prob in zip(rows, p):
                if prob >= floor:
                    c = cluster.sentences[r]
                    key = {"cluster": record["id"], "doc": s.sentence.doc, "start": s.sentence.start,
                           "other": c.doc, "other_start": c.start}
                    yield key, float(prob), s.sentence.text, c.text


def dump(path: str, floor: float) -> int:
    from newsweave.config import Config

    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for key, prob, a, b in weighed_pairs(floor):
            n += 1
            claim = "CLAIM" if prob >= Config().corroboration else "miss "
            out.write(f"{json.dumps(key)}\n{claim} p={prob:.3f}\n  S: {a}\n  C: {b}\n\n")
    print(f"{n} pairs written to {path}")
    return 0


def score(gold_path: str, floor: float) -> int:
    from newsweave.config import Config

    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                g = json.loads(line)
                gold[(g["cluster"], g["doc"], g["start"], g["other"], g["other_start"])] = g["label"]
    thr = Config().corroboration
    counts = {(c, lab): 0 for c in ("claim", "miss") for lab in ("same", "part", "different", "unlabelled")}
    for key, prob, _, _ in weighed_pairs(floor):
        label = gold.get(tuple(key.values()), "unlabelled")
        counts["claim" if prob >= thr else "miss", label] += 1
    claims = sum(counts["claim", lab] for lab in ("same", "part", "different"))
    same_all = counts["claim", "same"] + counts["miss", "same"]
    print(f"'also in' in the briefs of raw Multi-News dev (pairs weighed with p >= {floor}; threshold {thr})")
    print("| decision | same | part | different | unlabelled |")
    print("|---|---:|---:|---:|---:|")
    for c, name in (("claim", f"claimed (p >= {thr})"), ("miss", f"not claimed ({floor} <= p < {thr})")):
        print(f"| {name} | " + " | ".join(str(counts[c, lab]) for lab in ("same", "part", "different",
                                                                              "unlabelled")) + " |")
    if claims:
        print(f"precision of the claims: {counts['claim', 'same'] / claims:.3f} "
              f"(same + part: {(counts['claim', 'same'] + counts['claim', 'part']) / claims:.3f})")
    if same_all:
        print(f"recall among the pairs labelled same (p >= {floor}): {counts['claim', 'same'] / same_all:.3f}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", metavar="OUT")
    ap.add_argument("--score", metavar="GOLD")
    ap.add_argument("--floor", type=float, default=0.3)
    args = ap.parse_args()
    if args.dump:
        return dump(args.dump, args.floor)
    if args.score:
        return score(args.score, args.floor)
    ap.error("give --dump OUT or --score GOLD")
    return 2


if __name__ == "__main__":
    sys.exit(main())
