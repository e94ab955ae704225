"""``newsweave eval``: the command line of the evaluation (also ``python -m newsweave.evaluation``)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import Config
from ..errors import InputError
from .datasets import query_text, read_records
from .rouge import DEFAULT_WORDS, LABELS, ROUGE_TYPES
from .runner import evaluate
from .systems import ORACLE, make_system, names

EXTRA_MESSAGE = "newsweave eval needs the [eval] extra: pip install 'newsweave[eval]'"


def _check_extra() -> None:
    """InputError, one line, when the [eval] extra is not installed: a ROUGE package and tqdm
    (sumy and newspaper4k are checked when one of their peers runs)."""
    import importlib

    for modules in (("rouge_score_rs", "rouge_score"), ("tqdm",)):
        for module in modules:
            try:
                importlib.import_module(module)
                break
            except ImportError:
                continue
        else:
            raise InputError(EXTRA_MESSAGE)


def add_eval_parser(subparsers):
    """Add the ``eval`` command to the CLI's subparsers; returns its parser."""
    p = subparsers.add_parser(
        "eval", help="ROUGE of a summarizer on a JSONL dataset of clusters",
        description="Summarize every cluster of a JSONL dataset ({\"id\", \"documents\", "
                    "\"summaries\"} per line) and print mean ROUGE-1, ROUGE-2 and ROUGE-Lsum "
                    "(rouge_score, stemming). Default: Multi-News style F1; --duc: recall "
                    "averaged over the references.")
    p.add_argument("dataset", help="JSONL file, one cluster per line")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS,
                   help=f"summary word budget; candidates are cut to it (default {DEFAULT_WORDS})")
    p.add_argument("--duc", action="store_true",
                   help="DUC style: recall averaged over the references instead of F1")
    p.add_argument("--bytes", type=int, default=None, dest="bytes_",
                   help="cut candidates to N bytes instead of --words words (665 for DUC 2004)")
    p.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    p.add_argument("--summarizer", default=Config.summarizer,
                   help=f"a summarizer or peer ({', '.join(names())}) or "
                        f"'{ORACLE}' (greedy ROUGE ceiling; reads the references)")
    p.add_argument("--predictions", help='write {"id", "summary"} JSONL lines to this file')
    p.add_argument("--query", action="store_true",
                   help="query-focused: use each cluster's query (title + narrative)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    return p


def cmd_eval(args) -> int:
    """Run ``newsweave eval``: print the three ROUGE numbers (x100) and the time per cluster."""
    _check_extra()
    for flag, value in (("--words", args.words), ("--bytes", args.bytes_), ("--limit", args.limit),
                        ("--jobs", getattr(args, "jobs", None))):
        if value is not None and value < 1:
            raise InputError(f"{flag} must be a whole number of at least 1, not {value}")
    system = make_system(args.summarizer, words=args.words, query=args.query)
    if args.query and args.summarizer == ORACLE:
        raise InputError("the oracle reads the references, not the query: leave out --query")
    if args.predictions:
        target = Path(args.predictions)
        if target.is_dir() or not target.parent.exists():
            raise InputError(f"cannot write predictions to {args.predictions}: give a file "
                             "in an existing folder")
    records = read_records(args.dataset, args.limit)
    if args.query:
        missing = [r["id"] for r in records if query_text(r) is None]
        if missing:
            raise InputError(f"{len(missing)} clusters have no query (e.g. {missing[0]}): "
                             "leave out --query")
    mode = "recall" if args.duc else "f1"
    result = evaluate(records, system, mode=mode, words=None if args.bytes_ else args.words,
                      bytes_=args.bytes_, predictions=args.predictions,
                      processes=getattr(args, "jobs", None),
                      progress=not getattr(args, "no_progress", False))
    cut = f"{args.bytes_} bytes" if args.bytes_ else f"{args.words} words"
    print(f"{Path(args.dataset).name}: {result['clusters']} clusters, {system.name}, "
          f"{'recall (mean over references)' if args.duc else 'F1'}, candidates cut to {cut}")
    for t in ROUGE_TYPES:
        print(f"{LABELS[t]}: {100 * result[t]:.2f}")
    print(f"seconds per cluster: {result['seconds_per_cluster']:.3f} CPU, "
          f"{result['wall_seconds_per_cluster']:.3f} wall ({result['wall_seconds']:.1f} s in all "
          f"on {result['processes']} processes)")
    if result["failed"]:
        print(f"failed clusters (scored 0): {result['failed']}")
    if args.predictions:
        print(f"predictions: {args.predictions}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m newsweave.evaluation DATASET.jsonl ...``: the same as ``newsweave eval``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m newsweave.evaluation")
    sub = parser.add_subparsers(dest="command")
    add_eval_parser(sub)
    args = parser.parse_args(["eval", *(sys.argv[1:] if argv is None else argv)])
    try:
        return cmd_eval(args)
    except InputError as e:
        print(f"newsweave: error: {e}", file=sys.stderr)
        return e.exit_code
