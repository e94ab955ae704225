"""The evaluation runner: summarize every cluster of a dataset on all cores (on the engine of
``newsweave batch``), score each summary with ROUGE, and return the mean scores (``evaluate``)."""

from __future__ import annotations

import json
import os
import sys
import time
import uuid

from ..batch.engine import Engine, forget
from ..errors import InputError
from .rouge import (DEFAULT_WORDS, ROUGE_TYPES, _scorer, _tokenize, rouge, rouge_backend,
                    truncate_bytes, truncate_words)

_WORKER: dict = {}

# A tiny cluster run once before timing starts (and before the workers fork), so that
# lazy imports and model loads are not charged to the first clusters.
_WARM_UP = {"id": "warm-up", "query": {"title": "Flood", "narrative": "Describe the flood."},
            "summaries": ["A river flooded three villages and residents were moved to a school."],
            "documents": [
                "The river burst its banks on Monday, flooding three villages. Hundreds of residents "
                "were moved to a school hall, the council said. More rain is expected this week.",
                "Three villages were flooded on Monday after the river burst its banks. The council "
                "moved hundreds of residents to a school hall. Forecasters expect more rain."]}


def warm_up(summarize_fn) -> None:
    try:
        summarize_fn(dict(_WARM_UP))
    except Exception:  # noqa: BLE001 - a real failure shows up on the real clusters
        pass


def _init_worker(summarize_fn, mode, words, bytes_, one_thread=False):
    _WORKER.update(fn=summarize_fn, mode=mode, words=words, bytes_=bytes_)
    if one_thread:  # one BLAS thread per worker: the workers already share the cores, and on
        # the small matrices of one cluster BLAS threads cost more than they gain (sumy's LSA
        # runs ~4x slower with two)
        try:
            from threadpoolctl import threadpool_limits

            _WORKER["blas"] = threadpool_limits(limits=1)
        except ImportError:
            pass


def _work(record: dict) -> tuple:
    """Summarize and score one cluster (in a worker). A cluster that cannot be summarized
    scores 0 and is reported, so one bad cluster does not end a long run."""
    start, cpu = time.perf_counter(), time.process_time()
    error = None
    try:
        sentences = list(_WORKER["fn"](record))
    except Exception as e:  # noqa: BLE001 - counted and reported by evaluate()
        sentences, error = [], f"{type(e).__name__}: {e}"
    seconds = (time.process_time() - cpu, time.perf_counter() - start)
    # The prediction written out is exactly what is scored: cut at the budget.
    text = "\n".join(sentences)
    if _WORKER["words"] is not None:
        text = truncate_words(text, _WORKER["words"])
    if _WORKER["bytes_"] is not None:
        text = truncate_bytes(text, _WORKER["bytes_"])
    if sentences:
        scores = rouge(text, record["summaries"], _WORKER["mode"], _WORKER["words"], _WORKER["bytes_"])
    else:
        scores = dict.fromkeys(ROUGE_TYPES, 0.0)
    return record.get("id"), text, scores, seconds, error


class EvalTask:
    """Summarize and score one cluster: the task ``evaluate`` runs on the batch engine."""

    def __init__(self, summarize_fn, mode, words, bytes_):
        self.args = (summarize_fn, mode, words, bytes_)
        self.key = f"eval:{uuid.uuid4().hex}"  # set up anew for each evaluate()

    def setup(self) -> None:
        _init_worker(*self.args, True)

    def __call__(self, record: dict) -> tuple:
        return _work(record)

    def failed(self, record: dict, reason: str) -> tuple:
        return record.get("id"), "", dict.fromkeys(ROUGE_TYPES, 0.0), (0.0, 0.0), reason


def evaluate(records: list[dict], summarize_fn, *, mode: str = "f1", words: int | None = DEFAULT_WORDS,
             bytes_: int | None = None, predictions: str | os.PathLike | None = None,
             processes: int | None = None, progress: bool = True, desc: str | None = None) -> dict:
    """Summarize every record with ``summarize_fn`` (record -> list of sentence strings;
    picklable, e.g. :class:`System` or :class:`Oracle`) on ``processes`` worker processes
    (default: all cores) and score each summary with :func:`rouge`.

    Writes ``{"id", "summary"}`` lines to ``predictions`` when given (summary sentences
    separated by newlines). Returns the mean ROUGE scores (0..1); ``seconds_per_cluster``,
    the mean CPU time spent summarizing one cluster (scoring excluded; CPU time, because
    wall time per cluster depends on whatever else the machine runs), and its wall-clock
    counterpart; the total wall time; the clusters that failed (scored 0); and
    ``per_cluster``, every cluster's scores in record order, for paired comparisons
    (:func:`~newsweave.evaluation.statistics.paired_bootstrap`).
    """
    from tqdm import tqdm

    records = list(records)
    if not records:
        raise InputError("no clusters to evaluate")
    _scorer()  # choose the ROUGE backend once, before the workers fork
    _tokenize()
    warm_up(summarize_fn)
    processes = processes or os.cpu_count() or 1
    processes = max(1, min(processes, len(records)))
    name = getattr(summarize_fn, "name", None) or getattr(summarize_fn, "__name__", "system")
    bar = tqdm(total=len(records), desc=desc or name, file=sys.stderr, disable=not progress,
               unit="cluster", dynamic_ncols=True)
    task = EvalTask(summarize_fn, mode, words, bytes_)
    results: list = [None] * len(records)
    wall = time.perf_counter()
    try:  # the engine of newsweave batch (newsweave/batch/engine.py), on local processes
        engine = Engine(jobs=processes)
        chunk = max(1, min(16, len(records) // (processes * 8)))
        for index, result in engine.map(task, records, chunk=chunk):
            results[index] = result
            bar.update(1)
    finally:
        bar.close()
        forget(task)
        if "blas" in _WORKER:
            _WORKER.pop("blas").restore_original_limits()
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    per_cluster: dict[str, list[float]] = {t: [] for t in ROUGE_TYPES}  # in record order
    seconds: list[tuple[float, float]] = []  # (CPU, wall) per cluster
    errors: list[dict] = []
    out = open(predictions, "w", encoding="utf-8") if predictions else None
    try:
        for rec_id, text, scores, secs, error in results:
            for t in ROUGE_TYPES:
                totals[t] += scores[t]
                per_cluster[t].append(scores[t])
            seconds.append(secs)
            if error:
                errors.append({"id": rec_id, "error": error})
            if out:
                out.write(json.dumps({"id": rec_id, "summary": text}, ensure_ascii=False) + "\n")
    finally:
        if out:
            out.close()
    wall = time.perf_counter() - wall
    n = len(records)
    if errors:
        print(f"newsweave: {len(errors)} of {n} clusters could not be summarized by {name} "
              f"(scored 0), e.g. {errors[0]['id']}: {errors[0]['error']}", file=sys.stderr)
    return {
        "system": name,
        "clusters": n,
        **{t: totals[t] / n for t in ROUGE_TYPES},
        "seconds_per_cluster": sum(c for c, _ in seconds) / n,
        "wall_seconds_per_cluster": sum(w for _, w in seconds) / n,
        "wall_seconds": wall,
        "processes": processes,
        "mode": mode,
        "words": words,
        "bytes": bytes_,
        "rouge_backend": rouge_backend(),
        "failed": len(errors),
        "errors": errors[:20],
        "per_cluster": per_cluster,
    }
