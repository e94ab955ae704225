"""What the web app's routes share (briefs in ``app.py``, stories in ``stories.py``): the
limits (docs/web.md, "Limits"), the admission gate for CPU-bound work and the API error."""

from __future__ import annotations

import math
import re
import threading
import time
from contextlib import contextmanager

from ..ingest import MAX_DOCUMENT_BYTES

# Web limits (docs/web.md). A request body over MAX_BODY_BYTES is refused with 413 before
# it is parsed; so are more than MAX_ARTICLES_PER_REQUEST articles (counting those of the
# brief being re-run: tighter than the CLI's ingest.MAX_DOCUMENTS, as a server shares its
# CPU) and an article over MAX_DOCUMENT_CHARS characters (the CLI's per-file limit).
MAX_BODY_BYTES = 10_000_000
MAX_ARTICLES_PER_REQUEST = 100
MAX_DOCUMENT_CHARS = MAX_DOCUMENT_BYTES
MAX_WORDS = 2000
MAX_SENTENCES = 100
MAX_QUERY_CHARS = 500
MAX_ID_CHARS = 200
CONCURRENT_BRIEFS = 2  # briefs are CPU-bound: more at once only makes each slower
# At most MAX_WAITING_BRIEFS more wait for one of those; beyond that (or after waiting
# MAX_WAIT_SECONDS) a request is answered at once with 503 and Retry-After, not queued.
MAX_WAITING_BRIEFS = 8
MAX_WAIT_SECONDS = 120.0
# JSON text cannot hold a lone surrogate in UTF-8 (nor can SQLite or the answer): a "\ud800"
# escape in a request becomes U+FFFD, the replacement character, before anything else.
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(value):
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


class Admission:
    """At most ``running`` briefs (or sets of stories: one turn for the grouping and all its
    briefs) computed at once and ``waiting`` more waiting for a turn;
    a request beyond that is refused at once (503) with a Retry-After estimated from how
    long recent briefs took, so a burst cannot pile up threads and memory without limit."""

    def __init__(self, running: int, waiting: int, max_wait: float = MAX_WAIT_SECONDS):
        self.running, self.max_waiting, self.max_wait = running, waiting, max_wait
        self._slots = threading.BoundedSemaphore(running)
        self._lock = threading.Lock()
        self.waiting = 0
        self.seconds = 1.0  # moving average of one brief's time

    def retry_after(self) -> int:
        with self._lock:
            queued = self.waiting + self.running
        return max(1, math.ceil(self.seconds * queued / self.running))

    def _busy(self, why: str) -> ApiError:
        return ApiError(503, f"the server is busy ({why}): try again in a few seconds",
                        headers={"Retry-After": str(self.retry_after())})

    @contextmanager
    def slot(self):
        if not self._slots.acquire(blocking=False):
            with self._lock:
                if self.waiting >= self.max_waiting:
                    full = True
                else:
                    full, self.waiting = False, self.waiting + 1
            if full:
                raise self._busy(f"{self.running} briefs are being made and {self.max_waiting} "
                                 "are waiting")
            try:
                got = self._slots.acquire(timeout=self.max_wait)
            finally:
                with self._lock:
                    self.waiting -= 1
            if not got:
                raise self._busy(f"no turn within {self.max_wait:g} seconds")
        start = time.monotonic()
        try:
            yield
        finally:
            took = time.monotonic() - start
            with self._lock:
                self.seconds = 0.8 * self.seconds + 0.2 * took
            self._slots.release()
