"""Throughput of ``newsweave batch`` (with analysis) on the first N Multi-News validation
clusters: 1 and 2 local workers and a two-worker Dask cluster, in one run; peak memory per
worker; and the costs that bound a run at scale (reading the input, writing the output, the
scheduler's per-task cost).

    python bench/batch.py 200          # what BENCHMARKS.md reports (a few minutes on 2 cores)
    python bench/batch.py 2000
    python bench/batch.py 5622         # all of validation

Reads $NEWSWEAVE_SHARED/data/multi_news/validation.jsonl (default ../shared). Models are
loaded before each timed run (locally in this process, whose workers fork from it; on the
Dask workers by a warm-up run of 4 clusters), so the rates are steady-state rates.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsweave.batch.clusters import BriefTask, finished_ids, read_clusters  # noqa: E402
from newsweave.batch.engine import Engine  # noqa: E402
from newsweave.batch.run import run_batch  # noqa: E402

SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
VALIDATION = SHARED / "data" / "multi_news" / "validation.jsonl"


def _rss_mb() -> float:  # this process's peak resident memory
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_rss_mb() -> float:  # the largest peak of the child processes waited for
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class Noop:
    """A task that does nothing: what the scheduler costs per chunk."""

    key = "noop"

    def setup(self):
        pass

    def __call__(self, item):
        return item

    def failed(self, item, reason):
        return reason


def write_input(n: int, path: Path) -> int:
    with open(VALIDATION, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        count = 0
        for line in f:
            if count == n:
                break
            rec = json.loads(line)
            out.write(json.dumps({"id": rec["id"], "documents": rec["documents"]}) + "\n")
            count += 1
    return count


def timed(label: str, inp: Path, out: Path, **kw) -> dict:
    start = time.perf_counter()
    stats = run_batch(inp, out, overwrite=True, progress=False, **kw)
    wall = time.perf_counter() - start
    row = {"run": label, "clusters": stats["done"], "errors": stats["errors"], "wall_s": wall,
           "clusters_per_s": stats["done"] / wall}
    print(f"{label:28s} {stats['done']:6d} clusters {wall:8.1f} s {row['clusters_per_s']:7.2f}/s "
          f"({stats['errors']} errors)", flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=200, help="first N validation clusters")
    ap.add_argument("--no-dask", action="store_true", help="local runs only")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nw-batch-bench-"))
    inp = tmp / "in.jsonl"
    n = write_input(args.n, inp)
    size = inp.stat().st_size
    print(f"{n} clusters, {size / 1e6:.1f} MB of input ({size / n / 1e3:.1f} kB a cluster); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    task = BriefTask(source=str(inp))
    task.setup()  # models loaded here once: the local workers fork from this process
    base_rss = _rss_mb()
    results: dict = {"n": n, "input_bytes": size, "load_before": os.getloadavg()[0], "runs": []}
    results["runs"].append(timed("1 local worker", inp, tmp / "out1.jsonl", task=task, jobs=1))
    results["rss_1_worker_mb"] = {"after_warm_up": base_rss, "peak": _rss_mb()}
    results["runs"].append(timed("2 local workers", inp, tmp / "out2.jsonl", task=task, jobs=2))
    results["rss_local_worker_peak_mb"] = _children_rss_mb()
    out_bytes = (tmp / "out1.jsonl").stat().st_size

    # what the driver process itself costs per cluster: reading (parsing each line for its
    # id) and writing (one line as the worker made it, flushed); and reading OUTPUT's ids
    # for --resume
    start = time.perf_counter()
    for _ in read_clusters(inp):
        pass
    read_s = (time.perf_counter() - start) / n
    lines = (tmp / "out1.jsonl").read_text(encoding="utf-8").splitlines()
    start = time.perf_counter()
    with open(tmp / "rewrite.jsonl", "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
            f.flush()
    write_s = (time.perf_counter() - start) / n
    start = time.perf_counter()
    finished_ids(tmp / "rewrite.jsonl")
    results["resume_read_s_per_cluster"] = (time.perf_counter() - start) / n
    results.update(read_s_per_cluster=read_s, write_s_per_cluster=write_s,
                   output_bytes_per_cluster=out_bytes / n)
    print(f"driver: reading {1 / read_s:,.0f} clusters/s, writing {1 / write_s:,.0f} clusters/s "
          f"({out_bytes / n / 1e3:.1f} kB a brief line); --resume reads "
          f"{1 / results['resume_read_s_per_cluster']:,.0f} ids/s", flush=True)

    if not args.no_dask:
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
            warm = tmp / "warm.jsonl"
            write_input(4, warm)
            run_batch(warm, tmp / "warm-out.jsonl", task=task, scheduler=client, overwrite=True,
                      progress=False, chunk=1)
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            results["rss_dask_worker_after_warm_up_mb"] = max(rss.values())
            results["runs"].append(timed("2-worker Dask LocalCluster", inp, tmp / "outd.jsonl",
                                         task=task, scheduler=client))
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            results["rss_dask_worker_peak_mb"] = max(rss.values())
            with Engine(scheduler=client) as engine:  # the scheduler's cost per task
                m = 2000
                start = time.perf_counter()
                for _ in engine.map(Noop(), range(m), chunk=1):
                    pass
                results["dask_s_per_task"] = (time.perf_counter() - start) / m
                start = time.perf_counter()  # with many in flight: the scheduler's throughput
                for _ in engine.map(Noop(), range(m), chunk=1, window=500):
                    pass
                results["dask_s_per_task_window_500"] = (time.perf_counter() - start) / m
            print(f"Dask: {1 / results['dask_s_per_task']:,.0f} empty tasks/s with 6 in flight, "
                  f"{1 / results['dask_s_per_task_window_500']:,.0f}/s with 500", flush=True)

    # the machine's load drifts (other users): the first local run again, after the others
    results["runs"].append(timed("2 local workers, again", inp, tmp / "out2b.jsonl", task=task, jobs=2))
    rate = {r["run"]: r["clusters_per_s"] for r in results["runs"]}
    one, two = rate["1 local worker"], rate["2 local workers"]
    results["speedup_1_to_2_local"] = two / one
    results["speedup_1_to_2_local_again"] = rate["2 local workers, again"] / one
    dask = rate.get("2-worker Dask LocalCluster")
    if dask:
        results["speedup_1_to_2_dask"] = dask / one
    results["load_after"] = os.getloadavg()[0]
    print(f"speedup 1 -> 2 local workers: {two / one:.2f}x "
          f"(again, after the others: {results['speedup_1_to_2_local_again']:.2f}x)"
          + (f"; 1 -> 2 Dask workers: {dask / one:.2f}x" if dask else ""))
    print("peak memory per worker (MB): "
          f"1 worker {results['rss_1_worker_mb']['peak']:.0f} (after warm-up {base_rss:.0f}); "
          f"local worker {results['rss_local_worker_peak_mb']:.0f}"
          + (f"; Dask worker {results['rss_dask_worker_peak_mb']:.0f} "
             f"(after warm-up {results['rss_dask_worker_after_warm_up_mb']:.0f})"
             if "rss_dask_worker_peak_mb" in results else ""))
    print(f"load average {results['load_before']:.2f} before, {results['load_after']:.2f} after")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
