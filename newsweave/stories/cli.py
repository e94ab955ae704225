"""``newsweave stories``: its parser (``add_stories_parser``) and command (``cmd_stories``)."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path

from ..config import Config
from ..errors import InputError

_ARTICLE_SUFFIXES = {".jsonl", ".ndjson"}


def add_stories_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "stories", help="group a pile of articles into stories, each with its brief",
        description="Group articles into stories (one event each) and brief each story. INPUT: "
                    "files, folders, '|||||' files, - for standard input, or a JSONL of articles "
                    "({\"id\", \"text\", \"title\"?, \"date\"?, \"source\"?, \"url\"?} per line).")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--db", help="keep the stories in this SQLite file: a later run adds new "
                                "articles to them (story ids never change)")
    p.add_argument("--all", dest="all_stories", action="store_true",
                   help="with --db: list every stored story, not only those this run started or grew")
    p.add_argument("--no-briefs", dest="briefs", action="store_false", help="the grouping alone")
    p.add_argument("--threshold", type=float, default=None,
                   help="how alike (0-1, mean TF-IDF cosine) a story's articles must be")
    p.add_argument("--jobs", type=int, default=1,
                   help="brief the stories in N local worker processes (the batch engine; default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="brief the stories on this Dask cluster instead (needs the [dask] extra)")
    p.add_argument("--format", "-f", choices=["markdown", "json", "html"], default=None,
                   help="output format (default: from the -o file's suffix, else markdown)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    g = p.add_argument_group("brief options (as for `newsweave brief`)")
    g.add_argument("--words", type=int, default=None)
    g.add_argument("--sentences", type=int, default=None)
    g.add_argument("--summarizer", default=Config.summarizer)
    g.add_argument("--query")
    g.add_argument("--keep-all", action="store_true")
    g.add_argument("--no-analysis", dest="analyze", action="store_false")


def read_articles_jsonl(text: str, source: str) -> list[dict]:
    """Articles from a JSONL text, one object per line (other fields are ignored)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{source} line {n}: not JSON ({e.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{source} line {n}: expected an object with \"id\" and \"text\"")
        if not isinstance(row.get("text"), str) or not row["text"].strip():
            raise InputError(f"{source} line {n}: no \"text\" (each line is one article with its text)")
        for key in ("title", "date", "source", "url"):
            if row.get(key) is not None and not isinstance(row[key], str):
                raise InputError(f"{source} line {n}: \"{key}\" must be a string, not {type(row[key]).__name__}")
        aid = row.get("id")
        out.append({"id": str(aid) if aid not in (None, "") else f"{source}#{n}",
                    **{k: row.get(k) for k in ("text", "title", "date", "source", "url")}})
    return out


def _is_articles_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        row = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(row, dict) and "documents" not in row


def load_articles(inputs: list[str], stdin=None) -> tuple[list[dict], list[str]]:
    """Articles from the command's INPUTs, and notes (skipped files) for standard error."""
    from ..ingest import load_paths

    articles, notes, others = [], [], []
    for p in inputs:
        if p == "-":
            data = (stdin or sys.stdin.buffer).read()
            text = data.decode("utf-8", "replace")
            if _is_articles_jsonl(text):
                articles += read_articles_jsonl(text, "stdin")
                continue
            docs = load_paths(["-"], stdin=io.BytesIO(data))
        elif Path(p).suffix.lower() in _ARTICLE_SUFFIXES and Path(p).is_file() and \
                _is_articles_jsonl(Path(p).read_text(encoding="utf-8", errors="replace")):
            articles += read_articles_jsonl(Path(p).read_text(encoding="utf-8", errors="replace"), p)
            continue
        else:
            others.append(p)
            continue
        articles += _from_documents(docs, notes)
    if others:
        articles += _from_documents(load_paths(others), notes)
    return articles, notes


def _from_documents(docs, notes) -> list[dict]:
    out = []
    for d in docs:
        if not d.readable:
            notes.append(f"skipped {d.source}: {d.reason}")
            continue
        out.append({"id": d.id, "text": d.text, "title": d.title, "date": d.date, "source": d.source})
    return out


def _write(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.is_dir() or not target.parent.exists():
        raise InputError(f"cannot write {output}: give a file name in an existing folder")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_stories(args) -> int:
    from .group import Params
    from .render import RENDERERS
    from .run import make_stories

    for name in ("words", "sentences"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise InputError(f"--{name} must be a whole number of at least 1, not {value}")
    config = Config(words=args.words, sentences=args.sentences, summarizer=args.summarizer,
                    query=args.query, keep_all=args.keep_all, analyze=args.analyze)
    params = Params() if args.threshold is None else Params(threshold=args.threshold)
    articles, notes = load_articles(args.inputs)
    if not articles:
        raise InputError("no articles to group: every input was empty or unreadable")
    data = make_stories(articles, db=args.db, briefs=args.briefs, config=config, params=params,
                        all_stories=args.all_stories, notes=notes, jobs=max(1, args.jobs),
                        scheduler=args.scheduler)
    for note in notes:
        print(f"newsweave: {note}", file=sys.stderr)
    fmt = args.format or {".json": "json", ".html": "html", ".htm": "html"}.get(
        Path(args.output).suffix.lower() if args.output else "", "markdown")
    _write(RENDERERS[fmt](data), args.output)
    return 0
