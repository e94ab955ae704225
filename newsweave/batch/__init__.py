"""Batch processing at scale: one engine (``engine.Engine``) that runs a task over a stream of
items on local worker processes or a Dask cluster, in chunks, redoing the work of a worker
that dies; ``newsweave batch`` (one brief per cluster of a JSONL file) and ``newsweave eval``
run on it. See docs/scale.md.

* :mod:`.engine`: the engine, the progress line;
* :mod:`.clusters`: the brief task, reading clusters, resuming an output;
* :mod:`.run`: one batch run (``run_batch``);
* :mod:`.cli`: ``add_batch_parser``, ``cmd_batch``.
"""

from __future__ import annotations
