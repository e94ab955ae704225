"""Speed and memory: newsweave's default summarizer (centroid) against sumy's LexRank.

    python bench/speed.py                   # throughput on raw Multi-News + scaling to 400 documents
    python bench/speed.py --sizes 2,10,25   # a quicker scaling curve
    python bench/speed.py --timeout 1800    # give the slow runs longer (CPU seconds)
    python bench/speed.py --systems lexrank --sizes 400 --skip-throughput --timeout 3600 --merge
                                            # re-measure one point, keep the rest

1. Throughput: every raw Multi-News dev cluster (92, ~1,700 words each) through the whole
   pipeline (cleaning, splitting, relevance, summarizing, corroboration; the optional
   analysis stage off), one process: clusters/s, sentences/s, and how much of the time is
   the summarizer itself.
2. Scaling: one cluster of 2, 10, 25, 100 and 400 documents, made by pooling DUC 2006
   topics (25 articles each, in file order; ``keep_all`` so every document is summarized
   even though pooled topics are off-topic for each other).

Every measurement runs in a fresh subprocess (so peak memory is that measurement's own):
wall time (best of --repeat runs when a run is short), peak resident memory during the
first run (VmHWM, its count restarted just before the run through /proc/self/clear_refs) and its growth over the process's size before the run, and the peak of
Python/NumPy allocations traced by ``tracemalloc`` (a separate run: tracing slows Python
down). Times are CPU seconds of the process (``time.process_time``), which other jobs on a
shared machine disturb far less than wall time; wall time is reported too. A measurement
that uses more than --timeout CPU seconds is stopped and reported as such.

Writes bench/results/speed.json (--merge: updates it) and the plot bench/scaling.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shlex
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
PLOT = ROOT / "bench" / "scaling.png"
SIZES = [2, 10, 25, 100, 400]
SYSTEMS = ["centroid", "lexrank"]
LABEL = {"centroid": "centroid (newsweave)", "lexrank": "LexRank (sumy)"}


def _shared() -> Path:
    return Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))


def _rss_mb() -> float:
    """Current resident set size of this process, MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_rss_mb() -> float:
    """Peak resident set size of this process since the last :func:`_reset_peak_rss`, MB.
    VmHWM, not ``ru_maxrss``: Linux carries ``ru_maxrss`` over an exec, so a child started
    by a big parent would report the parent's size."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _reset_peak_rss() -> bool:
    """Start the peak-RSS count afresh (Linux >= 4.0), so that the peak measured is the
    run's, not that of imports and loading done before it. False when not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def pooled_duc(n_docs: int) -> list[str]:
    """The first ``n_docs`` DUC 2006 articles, topic after topic."""
    docs: list[str] = []
    with open(_shared() / "data" / "duc2006" / "clusters.jsonl", encoding="utf-8") as f:
        for line in f:
            docs.extend(json.loads(line)["documents"])
            if len(docs) >= n_docs:
                break
    if len(docs) < n_docs:
        raise SystemExit(f"DUC 2006 has only {len(docs)} documents")
    return docs[:n_docs]


def raw_dev() -> list[list[str]]:
    with open(_shared() / "data" / "multi_news_raw" / "dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["documents"] for line in f if line.strip()]


# ---------------------------------------------------------------- inside a measurement subprocess

def _config(system: str, keep_all: bool = False, **options):
    from newsweave.evaluation import pipeline_config

    options.setdefault("words", 250)
    return pipeline_config(summarizer=system, keep_all=keep_all, **options)


_SELECT_CPU = [0.0]


def _time_summarizer(system: str) -> None:
    """Count the CPU time spent inside the summarizer's ``select`` (the pipeline's own stage
    timings are wall-clock, which other processes on the machine inflate)."""
    from newsweave import summarizers

    cls = type(summarizers.get(system))  # a summarizer for briefs or a lent peer
    select = cls.select

    def timed(self, cluster, budget):
        start = time.process_time()
        try:
            return select(self, cluster, budget)
        finally:
            _SELECT_CPU[0] += time.process_time() - start

    cls.select = timed


def _warm_up(system: str) -> None:
    from newsweave.evaluation import warm_up

    warm_up(lambda record: _run(record["documents"], system))


def _run(texts: list[str], system: str, keep_all: bool = False):
    import newsweave
    from newsweave.ingest import documents_from_texts

    return newsweave.run(documents_from_texts(texts), _config(system, keep_all))


def n_sentences(texts: list[str], keep_all: bool = False) -> int:
    """How many sentences the summarizer chooses from (all of them, via lead)."""
    import newsweave
    from newsweave.ingest import documents_from_texts

    brief = newsweave.run(documents_from_texts(texts),
                          _config("lead", keep_all, words=None, sentences=10**9))
    return len(brief.summary)


def measure_throughput(system: str) -> dict:
    import newsweave.evaluation  # noqa: F401  (lends the peers to summarizers.get)

    clusters = raw_dev()
    _time_summarizer(system)
    _warm_up(system)
    base = _rss_mb()
    reset = _reset_peak_rss()
    wall = cpu = summarize = 0.0
    failed = 0
    _SELECT_CPU[0] = 0.0
    for texts in clusters:
        w, c = time.perf_counter(), time.process_time()
        try:
            brief = _run(texts, system)
            summarize += brief.timings.get("summarize", 0.0)
        except Exception:  # noqa: BLE001 - a cluster with no usable text
            failed += 1
        wall += time.perf_counter() - w
        cpu += time.process_time() - c
    select_cpu = _SELECT_CPU[0]
    peak = _peak_rss_mb()
    traced = 0.0
    tracemalloc.start()
    for texts in clusters:
        tracemalloc.reset_peak()
        try:
            _run(texts, system)
        except Exception:  # noqa: BLE001
            pass
        traced = max(traced, tracemalloc.get_traced_memory()[1] / 2**20)
    tracemalloc.stop()
    return {"system": system, "clusters": len(clusters), "failed": failed, "wall_s": wall, "cpu_s": cpu,
            "summarize_s": summarize, "summarizer_cpu_s": select_cpu, "rss_before_mb": base, "peak_rss_mb": peak,
            "peak_rss_reset": reset,
            "peak_traced_mb_per_cluster": traced}


def measure_scaling(system: str, n_docs: int, repeat: int) -> dict:
    import newsweave.evaluation  # noqa: F401

    texts = pooled_duc(n_docs)
    _time_summarizer(system)
    _warm_up(system)
    base = _rss_mb()
    reset = _reset_peak_rss()
    runs = []
    for i in range(repeat):
        _SELECT_CPU[0] = 0.0
        w, c = time.perf_counter(), time.process_time()
        brief = _run(texts, system, keep_all=True)
        runs.append({"wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c,
                     "summarize_s": brief.timings.get("summarize", 0.0), "summarizer_cpu_s": _SELECT_CPU[0]})
        if i == 0:
            peak = _peak_rss_mb()
        if runs[0]["cpu_s"] > 5:
            break  # long runs are measured once: noise is small next to them
    traced = None
    if runs[0]["cpu_s"] < 60:
        tracemalloc.start()
        _run(texts, system, keep_all=True)
        traced = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    best = min(runs, key=lambda r: r["cpu_s"])
    return {"system": system, "docs": n_docs, "words": sum(len(t.split()) for t in texts),
            **best, "runs": len(runs), "rss_before_mb": base, "peak_rss_mb": peak, "peak_rss_reset": reset,
            "rss_growth_mb": peak - base, "peak_traced_mb": traced}


# ---------------------------------------------------------------- the parent

def machine() -> dict:
    cpu = platform.processor()
    if Path("/proc/cpuinfo").exists():
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                    if line.startswith("model name")), cpu)
    return {"platform": platform.platform(), "python": platform.python_version(), "cpu": cpu,
            "cores": os.cpu_count()}


def _subprocess(args: list[str], cpu_limit: float) -> dict:
    """One measurement in a fresh process, stopped after ``cpu_limit`` CPU seconds (a CPU
    limit, not a wall-clock one: other jobs on the machine must not decide what finishes)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args, "--_cpu-limit", str(int(cpu_limit))]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                              timeout=max(4 * cpu_limit, cpu_limit + 1800))
    except subprocess.TimeoutExpired:
        return {"timed_out": True, "timeout_s": cpu_limit, "wall_timeout": True}
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return {"timed_out": True, "timeout_s": cpu_limit}
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt(x, spec=".2f", none="–"):
    return none if x is None else format(x, spec)


def throughput_table(rows: list[dict], n_sent: int) -> str:
    out = ["| system | clusters per CPU s | sentences per CPU s | CPU s/cluster | summarizer CPU s/cluster | "
           "wall s/cluster | peak RSS (MB) | peak traced per cluster (MB) |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if "wall_s" not in r:
            out.append(f"| {LABEL[r['system']]} | {'timed out' if r.get('timed_out') else r.get('error')} "
                       "| | | | | | |")
            continue
        n = r["clusters"]
        out.append(f"| {LABEL[r['system']]} | {n / r['cpu_s']:.1f} | {n_sent / r['cpu_s']:,.0f} | "
                   f"{r['cpu_s'] / n:.3f} | {r['summarizer_cpu_s'] / n:.3f} | {r['wall_s'] / n:.3f} | "
                   f"{r['peak_rss_mb']:.0f} | {r['peak_traced_mb_per_cluster']:.1f} |")
    return "\n".join(out)


def scaling_table(rows: list[dict], sentences: dict[int, int], systems: list[str]) -> str:
    out = ["| documents | words | sentences | system | CPU s | summarizer CPU s | wall s | "
           "peak RSS (MB) | RSS growth (MB) | traced peak (MB) |",
           "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    by = {(r["system"], r["docs"]): r for r in rows}
    for n in sorted(sentences):
        words = next((r["words"] for r in rows if r["docs"] == n and "words" in r), None)
        for s in systems:
            r = by.get((s, n), {})
            line = f"| {n} | {_fmt(words, ',')} | {sentences[n]:,} | {LABEL[s]} |"
            if r.get("timed_out"):
                line += f" stopped after {r['timeout_s']:.0f} CPU s | | | | | |"
            elif "wall_s" not in r:
                line += f" {r.get('error', 'not run')} | | | | | |"
            else:
                line += (f" {r['cpu_s']:.2f} | {r['summarizer_cpu_s']:.2f} | {r['wall_s']:.2f} | "
                         f"{r['peak_rss_mb']:.0f} | {max(r['rss_growth_mb'], 0):.0f} | {_fmt(r['peak_traced_mb'], '.0f')} |")
            out.append(line)
    return "\n".join(out)


def plot(rows: list[dict], sentences: dict[int, int], systems: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(12, 5.4))
    colors = {"centroid": "#1f77b4", "lexrank": "#d62728"}
    for s in systems:
        done = sorted((r for r in rows if r["system"] == s and "wall_s" in r), key=lambda r: r["docs"])
        stopped = [r for r in rows if r["system"] == s and r.get("timed_out")]
        c = colors.get(s)
        x = [r["docs"] for r in done]
        ax_t.plot(x, [r["cpu_s"] for r in done], "o-", color=c, label=f"{LABEL[s]}: whole pipeline")
        ax_t.plot(x, [max(r["summarizer_cpu_s"], 1e-3) for r in done], "s--", color=c, alpha=0.6,
                  label=f"{LABEL[s]}: summarizer only")
        ax_m.plot(x, [r["peak_rss_mb"] for r in done], "o-", color=c,
                  label=f"{LABEL[s]}: peak RSS (whole process)")
        traced = [(r["docs"], r["peak_traced_mb"]) for r in done if r["peak_traced_mb"] is not None]
        if traced:
            ax_m.plot(*zip(*traced), "s--", color=c, alpha=0.6, label=f"{LABEL[s]}: tracemalloc peak")
        for r in stopped:
            ax_t.plot([r["docs"]], [r["timeout_s"]], marker="^", color=c, markersize=10, linestyle="none")
            ax_t.annotate(f"stopped after {r['timeout_s']:.0f} CPU s", (r["docs"], r["timeout_s"]),
                          textcoords="offset points", xytext=(-125, -4), color=c, fontsize=8)
    for ax in (ax_t, ax_m):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("documents in the cluster (pooled DUC 2006 articles)")
        ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.set_xticks(sorted(sentences))
        ax.set_xticklabels([f"{n}\n{sentences[n]:,} sent." for n in sorted(sentences)], fontsize=8)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False)
    ax_t.set_ylabel("CPU seconds (log)")
    ax_t.set_title("Time to summarize one cluster")
    ax_m.set_ylabel("MB (log)")
    ax_m.set_title("Peak memory during the run")
    fig.suptitle("newsweave centroid vs sumy LexRank: growth with cluster size", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--systems", default=",".join(SYSTEMS))
    p.add_argument("--sizes", default=",".join(map(str, SIZES)), help="documents per scaling cluster")
    p.add_argument("--repeat", type=int, default=3, help="runs per short measurement (best is kept)")
    p.add_argument("--timeout", type=float, default=900,
                   help="CPU seconds after which a measurement is stopped (default 900)")
    p.add_argument("--skip-throughput", action="store_true")
    p.add_argument("--skip-scaling", action="store_true")
    p.add_argument("--out", default=str(RESULTS / "speed.json"))
    p.add_argument("--plot", default=str(PLOT))
    p.add_argument("--plot-only", action="store_true", help="redraw the plot from the --out JSON")
    p.add_argument("--merge", action="store_true",
                   help="update the --out JSON instead of replacing it: this run's measurements replace "
                        "the same (system, size) ones, the others are kept (e.g. to give one slow "
                        "measurement a longer --timeout)")
    # internal: one measurement, in its own subprocess
    p.add_argument("--_throughput", metavar="SYSTEM", help=argparse.SUPPRESS)
    p.add_argument("--_scaling", nargs=2, metavar=("SYSTEM", "DOCS"), help=argparse.SUPPRESS)
    p.add_argument("--_cpu-limit", type=int, default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args._cpu_limit:
        resource.setrlimit(resource.RLIMIT_CPU, (args._cpu_limit, args._cpu_limit + 10))

    if args._throughput:
        print(json.dumps(measure_throughput(args._throughput)))
        return 0
    if args._scaling:
        print(json.dumps(measure_scaling(args._scaling[0], int(args._scaling[1]), args.repeat)))
        return 0

    systems = [s for s in args.systems.split(",") if s]
    sizes = [int(n) for n in args.sizes.split(",") if n]
    if args.plot_only:
        scaling = json.loads(Path(args.out).read_text())["scaling"]
        plot(scaling["rows"], {int(k): v for k, v in scaling["sentences"].items()}, systems, Path(args.plot))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    out_path = Path(args.out)
    previous = json.loads(out_path.read_text()) if args.merge and out_path.exists() else None
    partial = out_path.with_name(out_path.stem + ".partial.json")
    report = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "command": "python " + " ".join(shlex.quote(a) for a in sys.argv),
              "machine": machine(), "load_average_at_start": os.getloadavg()}
    if not args.skip_throughput:
        n_sent = sum(_safe_n_sentences(texts) for texts in raw_dev())
        rows = []
        for s in systems:
            print(f"throughput: {s} ...", file=sys.stderr, flush=True)
            rows.append({"system": s, **_subprocess(["--_throughput", s], args.timeout)})
        report["throughput"] = {"sentences": n_sent, "rows": rows}
    if not args.skip_scaling:
        sentences = {n: n_sentences(pooled_duc(n), keep_all=True) for n in sizes}
        rows = []
        for n in sizes:
            for s in systems:
                print(f"scaling: {s} on {n} documents ...", file=sys.stderr, flush=True)
                r = {"system": s, "docs": n, **_subprocess(["--_scaling", s, str(n), "--repeat", str(args.repeat)],
                                                           args.timeout)}
                rows.append(r)
                print(f"   {json.dumps(r)}", file=sys.stderr, flush=True)
                partial.write_text(json.dumps({**report, "scaling_partial": rows}, indent=2) + "\n")
        report["scaling"] = {"sentences": {str(k): v for k, v in sentences.items()}, "rows": rows}
    report["load_average_at_end"] = os.getloadavg()
    if previous is not None:
        report = merge(previous, report)
    out_path.write_text(json.dumps(report, indent=2) + "\n")
    partial.unlink(missing_ok=True)

    out = []
    if "throughput" in report:
        t = report["throughput"]
        out += [f"### Throughput: 92 raw Multi-News dev clusters ({t['sentences']:,} sentences), one process",
                "", throughput_table(t["rows"], t["sentences"])]
    if "scaling" in report:
        rows = report["scaling"]["rows"]
        sentences = {int(k): v for k, v in report["scaling"]["sentences"].items()}
        shown = [s for s in dict.fromkeys(r["system"] for r in rows) if s in LABEL]
        plot(rows, sentences, shown, Path(args.plot))
        out += ["", "### Scaling: one cluster of pooled DUC 2006 articles, one process", "",
                scaling_table(rows, sentences, shown), "", f"(plot: {args.plot})"]
    print("\n".join(out))
    return 0


def merge(previous: dict, new: dict) -> dict:
    """``previous`` results updated with ``new``'s measurements; each replaced row says which
    run measured it (``measured_by``), and the run is listed under ``merged_runs``."""
    merged = dict(previous)
    run = {k: new[k] for k in ("date", "command", "load_average_at_start", "load_average_at_end")}
    merged["merged_runs"] = [*previous.get("merged_runs", []), run]
    if "throughput" in new:
        merged["throughput"] = {**new["throughput"], "measured_by": run["command"]}
    if "scaling" in new:
        old = previous.get("scaling", {"sentences": {}, "rows": []})
        rows = list(old["rows"])
        for r in new["scaling"]["rows"]:
            r = {**r, "measured_by": run["command"], "measured_at": run["date"]}
            same = [i for i, o in enumerate(rows) if (o["system"], o["docs"]) == (r["system"], r["docs"])]
            if same:
                rows[same[0]] = r
            else:
                rows.append(r)
        merged["scaling"] = {"sentences": {**old["sentences"], **new["scaling"]["sentences"]}, "rows": rows}
    return merged


def _safe_n_sentences(texts: list[str]) -> int:
    try:
        return n_sentences(texts)
    except Exception:  # noqa: BLE001 - a cluster with no usable text
        return 0


if __name__ == "__main__":
    sys.exit(main())
