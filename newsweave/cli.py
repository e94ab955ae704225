"""The ``newsweave`` command line."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import __version__, summarizers
from .config import DEFAULT_WORDS, Config
from .errors import InputError

EXAMPLE_DIR = Path(__file__).parent / "example"


def _add_brief_options(p: argparse.ArgumentParser) -> None:
    length = p.add_argument_group("length")
    length.add_argument("--words", type=int, default=None,
                        help=f"word budget for the summary (default {DEFAULT_WORDS}, "
                             "or no word cap when only --sentences is given)")
    length.add_argument("--sentences", type=int, default=None,
                        help="sentence budget; with --words, both limits apply")
    p.add_argument("--format", "-f", choices=["markdown", "json", "html"], default=None,
                   help="output format (default: from the -o file's suffix, else markdown)")
    p.add_argument("-o", "--output", help="write the brief to this file instead of standard output")
    p.add_argument("--summarizer", default=Config.summarizer,
                   help=f"which summarizer (one of: {', '.join(sorted(summarizers.REGISTRY))})")
    p.add_argument("--query", help="focus the summary on this question or topic")
    p.add_argument("--keep-all", action="store_true",
                   help="also summarize documents judged off-topic")
    p.add_argument("--no-analysis", dest="analyze", action="store_false",
                   help="summary only: skip the timeline, facts, quotes and entities (faster)")
    p.add_argument("--timings", action="store_true", help="print each stage's time to stderr")


# Commands that need an extra ([web], [eval]): their code is imported only when the command
# is run, so that a brief never imports the web app or the evaluation (nor what they need).
_EXTRA_COMMANDS = {"serve": "the web app and HTTP API (open it in a browser)",
                   "eval": "ROUGE of a summarizer on a JSONL dataset of clusters"}


def _add_extra_command(sub, name: str, argv: list[str] | None) -> None:
    """The full ``serve`` or ``eval`` parser when ``argv`` runs that command, else a
    placeholder that only shows in ``newsweave --help``."""
    command = next((a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")), None)
    if command != name:
        sub.add_parser(name, help=_EXTRA_COMMANDS[name])
    elif name == "serve":
        from .web import add_serve_parser

        add_serve_parser(sub)
    else:
        from .evaluation.cli import add_eval_parser

        add_eval_parser(sub)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsweave",
        description="Summarize a cluster of news articles into a brief that cites its sources.")
    parser.add_argument("--version", action="version", version=f"newsweave {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("brief", help="brief of a cluster of articles",
                       description="Brief of a cluster: files (.txt .md .html), folders, a file "
                                   "with articles separated by '|||||' lines, a .jsonl cluster "
                                   "(with --id), or - for standard input.")
    p.add_argument("inputs", nargs="+", help="files, folders, or - for standard input")
    p.add_argument("--id", dest="cluster_id", help="which cluster of a .jsonl file")
    _add_brief_options(p)

    p = sub.add_parser("example", help="brief of the built-in example cluster (a fictional story)")
    _add_brief_options(p)

    _add_extra_command(sub, "serve", argv)
    _add_extra_command(sub, "eval", argv)
    from .stories.cli import add_stories_parser  # newsweave stories (newsweave/stories/cli.py)
    add_stories_parser(sub)
    from .batch.cli import add_batch_parser  # newsweave batch (newsweave/batch/cli.py)
    add_batch_parser(sub, _add_brief_options)
    return parser


_SUFFIX_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".md": "markdown",
                   ".markdown": "markdown", ".txt": "markdown", "": "markdown"}


def _output_format(args) -> str:
    """The format asked for: --format, else the -o file's suffix (an unknown one is an error:
    Markdown written into "brief.pdf" would be a surprise), else Markdown."""
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower() if args.output else ""
    if suffix not in _SUFFIX_FORMATS:
        raise InputError(f"-o {args.output}: newsweave writes Markdown (.md), JSON (.json) or HTML "
                         f"(.html), not {suffix}; name the file with one of those, or give --format "
                         "to write that format under this name")
    return _SUFFIX_FORMATS[suffix]


def _write(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.is_dir():
        raise InputError(f"{output} is a folder: give a file name for -o, e.g. {output}/brief.md")
    if not target.parent.exists():
        raise InputError(f"cannot write {output}: folder {target.parent} does not exist")
    # Write to a temporary file and rename, so a failure never leaves half a brief behind.
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes owner-only files; a brief is a normal file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _notes(documents) -> list[str]:
    """One line per document the brief does not use as given: skipped, or counted once."""
    from .model import Status

    names = {d.id: d.source or d.id for d in documents}
    lines = []
    for d in documents:
        if d.status is Status.SKIPPED:
            if d.reason.endswith(": counted once"):  # a file named twice is read once
                lines.append(d.reason)
            else:
                lines.append(f"skipped {d.source}: {d.reason}")
        elif d.status is Status.SET_ASIDE and d.reason.startswith("written in "):
            lines.append(f"set aside {d.source or d.id}: {d.reason}")
        elif d.copy_of:
            original = names.get(d.copy_of, d.copy_of)
            if d.reason.startswith("identical to"):
                lines.append(f"{d.source or d.id} is identical to {original}: counted once")
            else:
                lines.append(f"{d.source or d.id} is the same wire copy as {original}: counted once")
    return lines


def cmd_brief(args, inputs: list[str], cluster_id: str | None = None) -> int:
    from .ingest import load_paths
    from .pipeline import run
    from .render import RENDERERS

    for name in ("words", "sentences"):  # Config would say it too, but in Python's terms
        value = getattr(args, name)
        if value is not None and value < 1:
            raise InputError(f"--{name} must be a whole number of at least 1, not {value}")
    config = Config(words=args.words, sentences=args.sentences, summarizer=args.summarizer,
                    query=args.query, keep_all=args.keep_all, analyze=args.analyze)
    fmt = _output_format(args)  # before any work: a wrong -o fails at once
    documents = load_paths(inputs, cluster_id)
    brief = run(documents, config)
    for line in _notes(brief.documents):  # the brief records these too; say them where the user looks
        print(f"newsweave: {line}", file=sys.stderr)
    _write(RENDERERS[fmt](brief), args.output)
    if args.timings:
        print("timings (s): " + ", ".join(f"{k} {v:.3f}" for k, v in brief.timings.items()),
              file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    debug = bool(os.environ.get("NEWSWEAVE_DEBUG"))
    try:
        if args.command == "brief":
            return cmd_brief(args, args.inputs, args.cluster_id)
        if args.command == "example":
            return cmd_brief(args, [str(EXAMPLE_DIR)])
        if args.command == "stories":  # newsweave/stories/cli.py
            from .stories.cli import cmd_stories

            return cmd_stories(args)
        if args.command == "batch":  # newsweave/batch/cli.py
            from .batch.cli import cmd_batch

            return cmd_batch(args)
        if args.command == "eval":
            from .evaluation.cli import cmd_eval

            return cmd_eval(args)
        if args.command == "serve":
            from .web import cmd_serve

            return cmd_serve(args)
        parser.print_help()
        return 2
    except InputError as e:
        print(f"newsweave: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("newsweave: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `newsweave example | head`
        return 0
    except Exception as e:  # a bug, not the user's fault: one line, and how to get details
        if debug:
            raise
        print(f"newsweave: internal error: {type(e).__name__}: {e} "
              "(run again with NEWSWEAVE_DEBUG=1 for details, and please report it)", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
