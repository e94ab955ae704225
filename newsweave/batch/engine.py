"""The engine: run one task over a stream of items on local worker processes or a Dask
cluster, in chunks, and hand back each item's result as it completes.

One engine serves ``newsweave batch``, ``newsweave eval`` (and, later, ``newsweave
stories``). A *task* is a picklable object with two methods:

* ``setup()`` -- run once per worker process before its first item (load models, limit
  BLAS threads); the engine remembers, per process, which tasks are set up (by ``key``);
* ``__call__(item)`` -- the result of one item. It must not raise for a bad item: return
  an error result instead, so that one bad item never stops the others (an exception that
  escapes is turned into ``task.failed(item, reason)``).

Items travel in chunks (``chunk`` items per scheduler task) so that the per-task cost of
the scheduler (about 1 ms locally, a few ms on a network) is negligible beside the work.
At most ``window`` chunks are in flight at a time, so an input of any length streams
through in bounded memory.

Worker death: on a Dask cluster the scheduler redoes the chunks of a worker that died
(``distributed.scheduler.allowed-failures`` times, then the chunk is reported as failed);
locally, a dead worker breaks the process pool, and the engine starts a new pool and
resubmits every chunk that had not come back (``RETRIES`` times per chunk, then its items
are reported as failed). Either way every item is answered exactly once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

RETRIES = 3
_READY: dict[str, object] = {}  # task key -> the task set up in this process


class MissingExtra(Exception):
    """Dask is not installed: the message says what to install."""


def _ready(task):
    key = getattr(task, "key", None) or repr(type(task))
    if key not in _READY:
        task.setup()
        _READY[key] = task
    return _READY[key]


def forget(task) -> None:
    """Drop ``task`` from this process's set-up tasks (its models stay loaded)."""
    _READY.pop(getattr(task, "key", None) or repr(type(task)), None)


def _ignore_sigint() -> None:
    # Ctrl-C is the driver's to handle: it stops the run and the workers go with the pool
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_chunk(task, chunk: list) -> list:
    """Run ``task`` on each item of ``chunk`` (in a worker): ``[(index, result), ...]``."""
    worker = _ready(task)
    out = []
    for index, item in chunk:
        try:
            result = worker(item)
        except Exception as e:  # noqa: BLE001 - a bug on one item must not end the run
            result = task.failed(item, f"internal error: {type(e).__name__}: {e}")
        out.append((index, result))
    return out


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(enumerate(items))
    while chunk := list(islice(it, size)):
        yield chunk


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunk_size(total: int | None, workers: int, most: int = 16) -> int:
    """Items per chunk: enough chunks for every worker to get several (load balance near the
    end), at most ``most`` (a chunk lost with a dead worker is redone whole)."""
    if not total:
        return most
    return max(1, min(most, total // (workers * 4)))


class Engine:
    """``Engine(jobs=N)``: N local worker processes (1: in this process); ``Engine(scheduler=
    "tcp://host:8786")``: the workers of that Dask cluster (or a ``distributed.Client``)."""

    def __init__(self, jobs: int | None = None, scheduler=None):
        self.scheduler = scheduler
        self.jobs = max(1, jobs or default_jobs())
        self._client = None
        if scheduler is not None:
            try:
                from distributed import Client
            except ImportError:
                raise MissingExtra('--scheduler needs Dask: pip install "newsweave[dask]"') from None
            try:
                self._client = scheduler if isinstance(scheduler, Client) else Client(scheduler, timeout=30)
            except OSError as e:  # no scheduler there
                from ..errors import InputError

                raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
            self._own_client = not isinstance(scheduler, Client)
            self.jobs = max(1, sum(self._client.nthreads().values()))

    @property
    def workers(self) -> int:
        return self.jobs

    def close(self) -> None:
        if self._client is not None and self._own_client:
            self._client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def map(self, task, items: Iterable, *, chunk: int = 8, window: int | None = None,
            on_chunk: Callable[[list], None] | None = None) -> Iterator[tuple[int, object]]:
        """``(index, result)`` for every item, in the order they complete (``index``: the
        item's position in ``items``)."""
        window = window or self.workers * 3
        chunks = _chunks(items, max(1, chunk))
        if self._client is not None:
            yield from self._dask(task, chunks, window)
        elif self.jobs == 1:
            for c in chunks:
                yield from run_chunk(task, c)
        else:
            yield from self._local(task, chunks, window)

    def _local(self, task, chunks: Iterator[list], window: int):
        import multiprocessing as mp
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        # fork: the workers share the models loaded here (task.setup() runs here first)
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        _ready(task)
        import gc

        gc.freeze()  # the models' objects: the workers' collector leaves them (and their pages) alone
        pending: dict = {}  # future -> (chunk, attempts)
        retry: list = []  # (chunk, attempts) to resubmit
        pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_ignore_sigint)
        try:
            exhausted = False
            while True:
                while len(pending) < window and (retry or not exhausted):
                    if retry:
                        c, attempts = retry.pop()
                    else:
                        c = next(chunks, None)
                        if c is None:
                            exhausted = True
                            break
                        attempts = 0
                    try:
                        pending[pool.submit(run_chunk, task, c)] = (c, attempts)
                    except BrokenProcessPool:
                        retry.append((c, attempts))
                        break
                if not pending:
                    if retry:  # the pool broke before a submit: start a new one
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_ignore_sigint)
                        continue
                    pool.shutdown(wait=True)  # all done: the workers exit and are reaped
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for f in done:
                    c, attempts = pending.pop(f)
                    try:
                        yield from f.result()
                    except BrokenProcessPool:
                        broken = True
                        if attempts + 1 >= RETRIES:
                            for index, item in c:
                                yield index, task.failed(item, f"a worker process died {RETRIES} times on it")
                        else:
                            retry.append((c, attempts + 1))
                if broken:  # every chunk still in flight is lost with the pool: redo them
                    for f, (c, attempts) in pending.items():
                        retry.append((c, attempts + 1))
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_ignore_sigint)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            gc.unfreeze()

    def _dask(self, task, chunks: Iterator[list], window: int):
        from distributed import as_completed

        client = self._client
        pending: dict = {}

        def submit(c):  # the task travels with each chunk: it is small (options, no models)
            f = client.submit(run_chunk, task, c, pure=False)
            pending[f] = c
            return f

        started = [submit(c) for c in islice(chunks, window)]
        queue = as_completed(started)
        try:
            for f in queue:
                c = pending.pop(f)
                try:
                    results = f.result()
                except Exception as e:  # noqa: BLE001 - KilledWorker after allowed-failures
                    results = [(index, task.failed(item, f"the chunk failed on the cluster: "
                                                         f"{type(e).__name__}"))
                               for index, item in c]
                f.release()
                yield from results
                nxt = next(chunks, None)
                if nxt is not None:
                    queue.add(submit(nxt))
        finally:
            for f in pending:
                f.cancel()


class Progress:
    """A progress line on stderr: clusters done of the total, rate, time left."""

    def __init__(self, total: int | None, *, enabled: bool = True, stream=None, unit: str = "clusters"):
        import sys

        self.stream = stream or sys.stderr
        self.total, self.enabled, self.unit = total, enabled, unit
        self.done = 0
        self.start = self.last = time.monotonic()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and now - self.last >= (0.5 if self.tty else 30):
            self.last = now
            self._show(now)

    def _show(self, now: float) -> None:
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = f"{self.done}" + (f"/{self.total}" if self.total else "") + f" {self.unit}, {rate:.2f}/s"
        if self.total and rate > 0:
            line += f", {_duration((self.total - self.done) / rate)} left"
        if self.tty:
            self.stream.write("\r" + line.ljust(60))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.start


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s" if m else f"{s}s"
