"""One batch run: stream the clusters of INPUT through the engine into OUTPUT."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from .clusters import BriefTask, check_input, count_lines, finished_ids, read_clusters
from .engine import Engine, Progress, _duration, chunk_size


def run_batch(input_path, output_path, *, task: BriefTask | None = None, jobs: int | None = None,
              scheduler=None, resume: bool = False, overwrite: bool = False, chunk: int | None = None,
              progress: bool = True, stream=None) -> dict:
    """Brief every cluster of ``input_path`` into ``output_path`` (module docstring of
    :mod:`newsweave.batch.clusters`). Returns the counts: ``done`` (lines written this run),
    ``briefs``, ``errors``, ``skipped`` (ids already in OUTPUT, with ``resume``),
    ``duplicates`` (ids seen earlier in INPUT, left out), ``seconds``, ``workers``."""
    stream = stream or sys.stderr
    inp, out = Path(input_path), Path(output_path)
    check_input(inp)
    if out.is_dir():
        raise InputError(f"-o {out} is a folder: give a file name, e.g. {out}/briefs.jsonl")
    if not out.parent.exists():
        raise InputError(f"cannot write {out}: folder {out.parent} does not exist")
    done_ids: set[str] = set()
    if out.exists() and out.stat().st_size:
        if resume:
            done_ids = finished_ids(out)
        elif not overwrite:
            raise InputError(f"{out} already exists: give --resume to complete it (the ids in it are "
                             "skipped), or --overwrite to start over")
    task = task or BriefTask(source=str(inp))
    total = count_lines(inp)
    stats = dict(done=0, briefs=0, errors=0, skipped=0, duplicates=0)
    seen: set[str] = set(done_ids)

    def todo(f):
        for rid, line_no, text, problem in read_clusters(inp):
            key = str(rid)
            if key in seen:
                stats["skipped" if key in done_ids else "duplicates"] += 1
                if key not in done_ids:
                    print(f"newsweave: {inp} line {line_no} repeats the cluster id {key!r}: left out",
                          file=stream)
                continue
            seen.add(key)
            if problem:  # not a cluster: answered here, no worker needed
                f.write(json.dumps({"id": rid, "error": problem}, ensure_ascii=False) + "\n")
                f.flush()
                stats["done"] += 1
                stats["errors"] += 1
                bar.update()
                continue
            yield rid, line_no, text

    with Engine(jobs=jobs, scheduler=scheduler) as engine:
        size = chunk or chunk_size(total - len(done_ids), engine.workers)
        bar = Progress(max(0, total - len(done_ids)), enabled=progress, stream=stream)
        with open(out, "a" if done_ids or resume else "w", encoding="utf-8", newline="\n") as f:
            try:
                for _, (rid, line, ok) in engine.map(task, todo(f), chunk=size):
                    f.write(line + "\n")
                    f.flush()
                    stats["done"] += 1
                    stats["briefs" if ok else "errors"] += 1
                    bar.update()
            finally:
                bar.close()
        stats["workers"] = engine.workers
    stats["seconds"] = bar.elapsed
    return stats


def closing_line(stats: dict, output) -> str:
    rate = stats["done"] / stats["seconds"] if stats["seconds"] > 0 else 0.0
    line = (f"newsweave: {stats['done']} clusters in {_duration(stats['seconds'])} ({rate:.2f}/s on "
            f"{stats['workers']} workers): {stats['briefs']} briefs, {stats['errors']} errors")
    if stats["skipped"]:
        line += f", {stats['skipped']} already in {output}"
    if stats["duplicates"]:
        line += f", {stats['duplicates']} repeated ids left out"
    return line + f" -> {output}"
