"""``newsweave batch INPUT.jsonl -o OUTPUT.jsonl``: the command line of the batch runner."""

from __future__ import annotations

import argparse
import sys

from ..errors import InputError


def add_batch_parser(sub, add_brief_options) -> argparse.ArgumentParser:
    """``newsweave batch``; ``add_brief_options``: newsweave.cli's, so that the brief options
    are the same as ``brief``'s (passed in: this module does not import the CLI back)."""
    p = sub.add_parser(
        "batch", help="one brief per cluster of a JSONL file, on all cores or a Dask cluster",
        description="Brief every cluster of a JSONL file (one {\"id\", \"documents\": [...], "
                    "\"query\"?} a line; .jsonl.gz too) into OUTPUT, one JSON line per cluster "
                    "in the order they complete: the brief with the cluster's id, or "
                    "{\"id\", \"error\"}. See docs/scale.md.")
    p.add_argument("input", help="JSONL file of clusters (.jsonl or .jsonl.gz)")
    add_brief_options(p)  # -o, --words, --sentences, --summarizer, --query, --no-analysis, ...
    p.add_argument("--jobs", "-j", type=int, default=None,
                   help="local worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on the Dask cluster of this scheduler (e.g. tcp://10.0.0.1:8786) "
                        "instead of local processes; needs the [dask] extra")
    p.add_argument("--resume", action="store_true",
                   help="complete OUTPUT: skip the clusters whose id is already in it")
    p.add_argument("--overwrite", action="store_true", help="start OUTPUT over if it exists")
    p.add_argument("--chunk", type=int, default=None,
                   help="clusters per scheduler task (default: up to 16, fewer on small inputs)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no closing line")
    return p


def cmd_batch(args) -> int:
    from .clusters import BriefTask
    from .engine import MissingExtra
    from .run import closing_line, run_batch

    if not args.output:
        raise InputError("give the output file: newsweave batch INPUT.jsonl -o OUTPUT.jsonl")
    if args.format not in (None, "json"):
        raise InputError("newsweave batch writes JSON lines: leave out --format")
    for name in ("words", "sentences", "jobs", "chunk"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise InputError(f"--{name} must be a whole number of at least 1, not {value}")
    if args.resume and args.overwrite:
        raise InputError("--resume completes OUTPUT and --overwrite starts it over: give one")
    task = BriefTask(source=args.input, words=args.words, sentences=args.sentences,
                     summarizer=args.summarizer, query=args.query, keep_all=args.keep_all,
                     analyze=args.analyze)
    task.config()  # a wrong option fails here, before any worker starts
    try:
        stats = run_batch(args.input, args.output, task=task, jobs=args.jobs,
                          scheduler=args.scheduler, resume=args.resume, overwrite=args.overwrite,
                          chunk=args.chunk, progress=not args.quiet)
    except MissingExtra as e:
        print(f"newsweave: error: {e}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(closing_line(stats, args.output), file=sys.stderr)
    return 0
