"""Summary quality: ROUGE of newsweave's default summarizer against baselines, peers and
an oracle, one markdown table per dataset.

    python bench/quality.py              # everything (full Multi-News validation: long)
    python bench/quality.py --quick      # first 500 Multi-News, 50 raw clusters, 3 DUC topics
    python bench/quality.py --datasets duc2006 --systems centroid,lexrank

Datasets (read from $NEWSWEAVE_SHARED, default ../shared):
  multi_news      Multi-News validation, 5,622 clusters (preprocessed: lower-cased, tokenised)
  multi_news_raw  92 raw Multi-News clusters (original case, full articles, scraping debris)
  duc2006         DUC 2006, 50 topics of 25 articles, 4 references each; generic summaries
Multi-News: F1 with the candidate cut to 250 words; DUC: recall averaged over the four
references, candidate cut to 250 words. Scores are rouge_score's (stemming on) x 100.

Results go to bench/results/quality[-quick].json; predictions to bench/results/*.jsonl.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsweave import evaluation as ev  # noqa: E402
from newsweave.config import Config  # noqa: E402

RESULTS = ROOT / "bench" / "results"

DATASETS = {
    "multi_news": dict(path="data/multi_news/validation.jsonl", title="Multi-News validation",
                       mode="f1", quick_limit=500),
    "multi_news_raw": dict(path="data/multi_news_raw/dev.jsonl", title="Multi-News raw dev",
                           mode="f1", quick_limit=50),
    "duc2006": dict(path="data/duc2006/clusters.jsonl", title="DUC 2006", mode="recall",
                    quick_limit=3),
}
SYSTEMS = ["centroid", "centroid+query", "learned", "learned+query", "concepts", "concepts+query", "lead", "random", "lexrank", "textrank", "lsa", "klsum",
           "sumbasic", "newspaper", "oracle"]
LABEL = {"centroid": "**centroid** (newsweave default)", "centroid+query": "centroid + DUC query",
         "learned": "learned (salience model)", "learned+query": "learned + DUC query",
         "concepts": "concepts (shared word pairs)", "concepts+query": "concepts + DUC query",
         "lead": "lead", "random": "random", "lexrank": "LexRank (sumy)",
         "textrank": "TextRank (sumy)", "lsa": "LSA (sumy)", "klsum": "KL-Sum (sumy)",
         "sumbasic": "SumBasic (sumy)", "newspaper": "newspaper4k's summary",
         "oracle": "oracle (greedy R-1+R-2, sees the reference)"}
WORDS = 250


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    return {"platform": platform.platform(), "python": platform.python_version(), "cpu": cpu,
            "cores": os.cpu_count()}


def code_version() -> str:
    """The commit benchmarked, and whether the working tree had uncommitted changes."""
    import subprocess

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + (" + uncommitted changes" if dirty else "")


def header(name: str, spec: dict, n: int, total: int, quick: bool) -> str:
    scope = f"all {total:,} clusters" if n == total else f"first {n:,} of {total:,} clusters"
    if name == "duc2006":
        scope = (f"all {total} topics" if n == total else f"first {n} of {total} topics"
                 + (" (--quick)" if quick else ""))
        how = "recall, mean over the 4 references, candidates cut to 250 words; generic summaries"
    else:
        scope += " (--quick)" if quick and n < total else ""
        how = "F1, candidates cut to 250 words"
    return f"{spec['title']} ({scope}; {how})"


def table(title: str, rows: list[dict]) -> str:
    out = [f"### {title}", "", "| system | R-1 | R-2 | R-Lsum | CPU s/cluster |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        out.append(f"| {LABEL.get(r['system'], r['system'])} | {100 * r['rouge1']:.2f} | "
                   f"{100 * r['rouge2']:.2f} | {100 * r['rougeLsum']:.2f} | "
                   f"{r['seconds_per_cluster']:.3f} |")
    failed = {e["id"]: e["error"] for r in rows for e in r.get("errors", [])}
    if failed:
        counts = sorted({r["failed"] for r in rows if r["failed"]})
        example = next(iter(failed.items()))
        out += ["", f"Clusters that could not be summarized (scored 0): {'/'.join(map(str, counts))} "
                    f"per system, e.g. `{example[0]}`: {example[1]}"]
    return "\n".join(out)


DEFAULT = Config.summarizer
PEERS = ["lead", "random", "lexrank", "textrank", "lsa", "klsum", "sumbasic", "newspaper"]


def comparisons(rows: list[dict]) -> list[dict]:
    """The default against every peer and baseline, and the query-focused default against
    the generic one, by a paired bootstrap over clusters (``evaluation.paired_bootstrap``)."""
    by_name = {r["system"]: r for r in rows}
    pairs = [(DEFAULT, peer) for peer in PEERS if peer in by_name and DEFAULT in by_name]
    if DEFAULT + "+query" in by_name and DEFAULT in by_name:
        pairs.insert(0, (DEFAULT + "+query", DEFAULT))
    out = []
    for a, b in pairs:
        out.append({"system": a, "against": b, **{
            t: ev.paired_bootstrap(by_name[a]["per_cluster"][t], by_name[b]["per_cluster"][t])
            for t in ("rouge1", "rouge2")}})
    return out


def significance_table(title: str, rows: list[dict]) -> str:
    def cell(c):
        return f"{100 * c['difference']:+.2f} [{100 * c['low']:+.2f}, {100 * c['high']:+.2f}]"

    out = [f"{title}: paired bootstrap over clusters (10,000 resamples); the interval is where "
           "95 % of the resampled mean differences fall, wins/ties/losses count clusters (R-1)", "",
           "| system | against | Δ R-1 [95 % interval] | Δ R-2 [95 % interval] | wins / ties / losses |",
           "|---|---|---:|---:|---:|"]
    for c in rows:
        r1 = c["rouge1"]
        out.append(f"| {LABEL.get(c['system'], c['system'])} | {LABEL.get(c['against'], c['against'])} | "
                   f"{cell(r1)} | {cell(c['rouge2'])} | {r1['wins']} / {r1['ties']} / {r1['losses']} |")
    return "\n".join(out)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="first 500 Multi-News clusters and 3 DUC topics (~3 minutes on 2 cores)")
    p.add_argument("--datasets", default=",".join(DATASETS), help="comma-separated: " + ", ".join(DATASETS))
    p.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: " + ", ".join(SYSTEMS))
    p.add_argument("--limit", type=int, default=None, help="only the first N clusters of each dataset")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--no-predictions", action="store_true", help="do not write predictions JSONL")
    p.add_argument("--out", default=None, help="results JSON (default bench/results/quality[-quick].json)")
    args = p.parse_args(argv)

    datasets = [d.strip() for d in args.datasets.split(",") if d.strip()]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for d in datasets:
        if d not in DATASETS:
            p.error(f"unknown dataset {d!r}: choose from {', '.join(DATASETS)}")
    for s in systems:
        if s not in SYSTEMS:
            p.error(f"unknown system {s!r}: choose from {', '.join(SYSTEMS)}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    tag = "quality-quick" if args.quick else "quality"
    out_path = Path(args.out) if args.out else RESULTS / f"{tag}.json"
    report = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "command": "python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *sys.argv[1:]]),
              "code": code_version(), "machine": machine(), "rouge_backend": ev.rouge_backend(),
              "datasets": {}}
    tables = []
    for name in datasets:
        spec = DATASETS[name]
        path = ev.SHARED / spec["path"]
        everything = ev.read_records(path)
        limit = args.limit or (spec["quick_limit"] if args.quick else None)
        records = everything[:limit] if limit else everything
        title = header(name, spec, len(records), len(everything), args.quick)
        print(f"== {title}", file=sys.stderr)
        rows = []
        for system_name in systems:
            query = system_name.endswith("+query")
            if query and not all(ev.query_text(r) for r in records):
                continue  # only DUC has queries
            fn = ev.make_system(system_name.removesuffix("+query"), words=WORDS, query=query)
            predictions = None if args.no_predictions else RESULTS / f"{tag}-{name}-{system_name}.jsonl"
            result = ev.evaluate(records, fn, mode=spec["mode"], words=WORDS, predictions=predictions,
                                 processes=args.jobs, desc=f"{name} {system_name}")
            result["system"] = system_name
            rows.append(result)
            print(f"   {system_name}: R-1 {100 * result['rouge1']:.2f}  R-2 {100 * result['rouge2']:.2f}  "
                  f"R-Lsum {100 * result['rougeLsum']:.2f}  {result['seconds_per_cluster']:.3f} CPU s/cluster",
                  file=sys.stderr)
        compared = comparisons(rows)
        for r in rows:  # per-cluster scores are for the comparisons only: keep the JSON small
            r.pop("per_cluster", None)
        report["datasets"][name] = {"title": title, "clusters": len(records), "rows": rows,
                                    "comparisons": compared}
        tables.append(table(title, rows))
        if compared:
            tables.append(significance_table(spec["title"], compared))
        out_path.write_text(json.dumps(report, indent=2) + "\n")  # after each dataset: partial results
    print("\n\n".join(tables))
    print(f"\n(results: {out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
