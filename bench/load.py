"""Load and soak test of the web server: a real ``newsweave serve`` on 127.0.0.1.

    python bench/load.py                                  # 500 requests at concurrency 1, 10, 50; 10-minute soak
    python bench/load.py --requests 60 --soak-minutes 0.5  # a quick run

Starts ``python -m newsweave.cli serve`` in a subprocess on a free port of 127.0.0.1 with a
temporary ``--db``, then, with an ``httpx`` client in threads (nothing but loopback):

1. burst phases: ``--requests`` POST /api/brief at each of ``--concurrency`` (1, 10, 50);
2. a soak: ``--soak-minutes`` of steady traffic from ``--soak-workers`` clients, each
   posting a brief, reading one saved brief back and the recent list, then pausing
   ``--soak-pause`` seconds (bounded by time and by ``--soak-max-requests``).

Each request posts a small cluster (three short articles, made different per request so no
two briefs are the same). A 503 (the server's queue is full) is answered with
``Retry-After`` and counted apart: it is the expected answer beyond capacity, and its
latency is reported on its own line. At the end every brief answered 201 is read back with
GET (none may be lost), and the server's memory (VmRSS from /proc) before and after the soak
is reported. Prints Markdown tables; exits 1 when a target is missed (any 5xx or transport
error, a lost brief, a 503 without Retry-After, memory growth over --max-growth-mb).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent

OUTLETS = ["the wire", "the daily", "the broadcaster"]
SENTENCES = [
    "A landslide blocked the mountain railway near {town} on Sunday morning, {outlet} reported.",
    "Two carriages were derailed and {n} passengers were taken to hospital, officials said.",
    "The rail operator said the line near {town} would stay closed until at least Wednesday.",
    "Heavy rain had loosened the slope above the tracks for three days, forecasters said.",
    "Engineers from the regional transport agency inspected the cutting on Monday.",
    "Buses will replace trains between {town} and Kessel while the debris is cleared.",
    "The mayor of {town} called for a review of how the slopes above the line are watched.",
]


def cluster(i: int) -> list[dict]:
    """Three short articles about one story; request ``i`` gets its own town and figures."""
    town = f"Orlen-{i}"
    docs = []
    for k, outlet in enumerate(OUTLETS):
        picked = [s for j, s in enumerate(SENTENCES) if (j + k) % 3 != 2 or j == 0]
        docs.append({"id": f"{outlet.split()[-1]}-{i}.txt",
                     "text": " ".join(s.format(town=town, outlet=outlet, n=8 + (i + k) % 7) for s in picked)})
    return docs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows: list[tuple[str, int | str, float]] = []  # (kind, status, seconds)
        self.created: list[str] = []
        self.no_retry_after = 0

    def add(self, kind: str, status, seconds: float, location: str | None = None, retry_ok=True):
        with self.lock:
            self.rows.append((kind, status, seconds))
            if location:
                self.created.append(location)
            if not retry_ok:
                self.no_retry_after += 1


def request(client: httpx.Client, rec: Recorder, kind: str, i: int) -> None:
    t0 = time.perf_counter()
    try:
        if kind == "brief":
            r = client.post("/api/brief", json={"documents": cluster(i), "words": 80})
        elif kind == "get":
            with rec.lock:
                location = rec.created[i % len(rec.created)] if rec.created else None
            r = client.get(location or "/api/health")
        else:
            r = client.get("/api/briefs?limit=20")
    except httpx.HTTPError as e:
        rec.add(kind, type(e).__name__, time.perf_counter() - t0)
        return
    took = time.perf_counter() - t0
    retry_ok = r.status_code != 503 or r.headers.get("retry-after", "").isdigit()
    rec.add(kind, r.status_code, took, r.headers.get("location") if r.status_code == 201 else None,
            retry_ok)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q / 100 * len(values) + 0.5) - 1))]


def summarize(name: str, rows, seconds: float) -> str:
    ok = [t for _, s, t in rows if s in (200, 201)]
    busy = [t for _, s, t in rows if s == 503]
    statuses = Counter(str(s) for _, s, _ in rows)
    by_status = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
    ms = lambda v: f"{v * 1000:.0f}"  # noqa: E731
    return (f"| {name} | {len(rows)} | {seconds:.1f} | {len(ok) / seconds:.2f} | "
            f"{ms(percentile(ok, 50))} | {ms(percentile(ok, 95))} | {ms(percentile(ok, 99))} | "
            f"{ms(statistics.median(busy)) if busy else '–'} | {by_status} |")


HEADER = ("| phase | requests | seconds | answered/s (200/201) | p50 ms | p95 ms | p99 ms | "
          "503 median ms | by status |\n|---|---|---|---|---|---|---|---|---|")


def burst(base: str, rec: Recorder, n: int, concurrency: int, offset: int) -> tuple[list, float]:
    start = len(rec.rows)
    t0 = time.perf_counter()
    with httpx.Client(base_url=base, timeout=300, limits=httpx.Limits(max_connections=concurrency)) as c:
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(lambda i: request(c, rec, "brief", offset + i), range(n)))
    return rec.rows[start:], time.perf_counter() - t0


def soak(base: str, rec: Recorder, minutes: float, workers: int, pause: float, max_requests: int,
         pid: int, offset: int) -> tuple[list, float, list[float]]:
    start, deadline = len(rec.rows), time.monotonic() + minutes * 60
    counter, memory, lock = [offset], [], threading.Lock()
    t0 = time.perf_counter()

    def worker():
        with httpx.Client(base_url=base, timeout=300) as c:
            while time.monotonic() < deadline:
                with lock:
                    if counter[0] - offset >= max_requests:
                        return
                    counter[0] += 3
                    i = counter[0]
                request(c, rec, "brief", i)
                request(c, rec, "get", i)
                request(c, rec, "list", i)
                time.sleep(pause)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        memory.append(rss_mb(pid))
        time.sleep(5)
    for t in threads:
        t.join()
    return rec.rows[start:], time.perf_counter() - t0, memory


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=500, help="requests per burst phase (default 500)")
    ap.add_argument("--concurrency", default="1,10,50", help="burst phases' concurrency (default 1,10,50)")
    ap.add_argument("--soak-minutes", type=float, default=10.0, help="soak length (default 10)")
    ap.add_argument("--soak-workers", type=int, default=2, help="clients during the soak (default 2)")
    ap.add_argument("--soak-pause", type=float, default=0.2, help="seconds each soak client rests (default 0.2)")
    ap.add_argument("--soak-max-requests", type=int, default=20_000, help="cap on soak briefs")
    ap.add_argument("--max-growth-mb", type=float, default=50.0, help="allowed RSS growth over the soak")
    args = ap.parse_args(argv)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="newsweave-load-") as tmp:
        db = Path(tmp) / "briefs.sqlite3"
        log = open(Path(tmp) / "server.log", "w+")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        server = subprocess.Popen([sys.executable, "-m", "newsweave.cli", "serve", "--host", "127.0.0.1",
                                   "--port", str(port), "--db", str(db)], cwd=ROOT, env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    print(f"the server did not start:\n{log.read()[-2000:]}", file=sys.stderr)
                    return 1
                time.sleep(0.2)
            rec = Recorder()
            rss_start = rss_mb(server.pid)
            burst(base, rec, 5, 1, 10_000_000)  # warm-up: spaCy and the models load once
            del rec.rows[:]
            rss_warm = rss_mb(server.pid)
            print(f"server pid {server.pid} on {base}; RSS {rss_start:.0f} MB at start, "
                  f"{rss_warm:.0f} MB after warm-up\n")
            lines, offset = [HEADER], 0
            for c in [int(x) for x in args.concurrency.split(",") if x]:
                rows, secs = burst(base, rec, args.requests, c, offset)
                offset += args.requests
                lines.append(summarize(f"{args.requests} briefs, concurrency {c}", rows, secs))
                print(lines[-1], flush=True)
            rss_before = rss_mb(server.pid)
            memory = []
            if args.soak_minutes > 0:
                rows, secs, memory = soak(base, rec, args.soak_minutes, args.soak_workers, args.soak_pause,
                                          args.soak_max_requests, server.pid, offset)
                for kind in ("brief", "get", "list"):
                    lines.append(summarize(f"soak {args.soak_minutes:g} min: {kind}",
                                           [r for r in rows if r[0] == kind], secs))
                    print(lines[-1], flush=True)
            rss_after = rss_mb(server.pid)

            # No brief lost: every 201 can be read back.
            lost = 0
            with httpx.Client(base_url=base, timeout=60) as c:
                for location in rec.created:
                    if c.get(location).status_code != 200:
                        lost += 1
            errors = sum(1 for _, s, _ in rec.rows if not isinstance(s, int) or s >= 500 and s != 503)
            busy = sum(1 for _, s, _ in rec.rows if s == 503)
            growth = rss_after - rss_before
            print("\n" + "\n".join(lines))
            print(f"\n| check | result | target |\n|---|---|---|\n"
                  f"| 5xx other than 503, transport errors | {errors} | 0 |\n"
                  f"| 503 (beyond capacity) / without Retry-After | {busy} / {rec.no_retry_after} | any / 0 |\n"
                  f"| briefs answered 201 / read back afterwards | {len(rec.created)} / {len(rec.created) - lost} | all |\n"
                  f"| server RSS before soak → after (max during) | {rss_before:.0f} → {rss_after:.0f} MB "
                  f"({max(memory, default=rss_after):.0f} MB) | growth < {args.max_growth_mb:g} MB |")
            failed = errors or lost or rec.no_retry_after or growth > args.max_growth_mb
            print(f"\n{'FAILED' if failed else 'all targets met'}")
            return 1 if failed else 0
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)
            log.close()


if __name__ == "__main__":
    sys.exit(main())
