"""Ingest: from what the user gave (paths, stdin, Python strings) to ``Document``s."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..model import Document
from .readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS,
    MAX_TOTAL_BYTES,
    check_text,
    decode,
    read_file,
    skipped,
    sniff_format,
    text_to_documents,
)

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow):
# reads what the user gave; HTML pages also give a title and a date
READS = ()
WRITES = ("Document.id", "Document.text", "Document.source", "Document.format", "Document.title",
          "Document.date", "Document.status", "Document.reason")

__all__ = ["load_paths", "documents_from_texts", "documents_from_articles", "finish",
           "KNOWN_SUFFIXES", "MAX_DOCUMENT_BYTES", "MAX_DOCUMENTS"]

# Files a folder may hold that are clearly not articles; ignored without comment.
_IGNORED_NAMES = {"ABOUT.md", "README.md", "LICENSE", ".DS_Store"}


def load_paths(paths: list[str], cluster_id: str | None = None, stdin=None, *,
               id_option: str = "--id") -> list[Document]:
    """Read files, folders (their files, sorted by name) and "-" (standard input).

    A file named twice (or named and inside a named folder) is read once: the repeat is
    skipped with a reason. A folder's subfolders are not read; each is reported as skipped.
    ``id_option`` is how the caller spells the cluster choice, for messages ("--id" on the
    command line, "cluster_id=" in Python)."""
    if not paths:
        raise InputError("no input given: name article files, a folder, a .jsonl cluster, or - for stdin")
    if paths.count("-") > 1:
        raise InputError("standard input is named twice: it can be read once, so give - only once")
    docs: list[Document] = []
    seen: dict[Path, str] = {}
    jsonl_given = False

    def read_once(path: Path, named: str) -> list[Document]:
        nonlocal jsonl_given
        key = path.resolve()
        if key in seen:
            first = seen[key]
            how = "named twice" if first == named else f"the same file as {first}"
            return [skipped(path.name, named, f"{named} is {how}: counted once")]
        seen[key] = named
        jsonl_given |= path.suffix.lower() in JSONL_SUFFIXES
        return read_file(path, cluster_id, id_option=id_option)

    for p in paths:
        if p == "-":
            data = (stdin or sys.stdin.buffer).read()
            text, problem = decode(data, "standard input")
            if text is None:
                raise InputError(problem)
            docs.extend(text_to_documents(text, "stdin", "<stdin>", sniff_format(text, "")))
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or folder; check the path")
        if path.is_dir():
            entries = sorted(f for f in path.iterdir()
                             if not f.name.startswith(".") and f.name not in _IGNORED_NAMES)
            files = [f for f in entries if f.is_file()]
            folders = [f for f in entries if f.is_dir()]
            if not files and not folders:
                raise InputError(f"{p} is an empty folder: put the articles (.txt, .md, .html) in it")
            articles = [f for f in files if f.suffix.lower() in KNOWN_SUFFIXES]
            if not articles:
                if folders:
                    raise InputError(f"{p} holds only folders ({', '.join(f.name for f in folders[:3])}), "
                                     "and subfolders are not read: name them on the command line")
                raise InputError(f"{p} holds no .txt, .md, .html or .jsonl files: "
                                 "save the articles in one of those formats")
            for f in files:
                docs.extend(read_once(f, str(f)))
            for f in folders:
                docs.append(skipped(f.name, str(f), f"{f} is a folder inside {p}: subfolders are not "
                                    "read; name it on the command line to read its articles"))
        else:
            docs.extend(read_once(path, p))
    if cluster_id is not None and not jsonl_given:
        raise InputError(f"{id_option} chooses a cluster of a .jsonl file, and no .jsonl file was "
                         f"given: leave out {id_option}, or give the .jsonl file")
    return finish(docs)


def documents_from_texts(texts: list[str], ids: list[str] | None = None) -> list[Document]:
    """Documents from Python strings, named ``ids`` (default doc1, doc2, ...)."""
    ids = ids or [f"doc{i}" for i in range(1, len(texts) + 1)]
    if len(ids) != len(texts):
        raise InputError(f"got {len(texts)} texts but {len(ids)} ids: give one id per text")
    return documents_from_articles([{"id": i, "text": t} for i, t in zip(ids, texts)])


def documents_from_articles(articles: list[Mapping]) -> list[Document]:
    """Documents from named texts (``{"id", "text"}``, as the web API takes them), read the
    way the CLI reads files of those names: a suffix .html/.md/.txt decides the format, else
    the text is sniffed; a name without one is doc1, doc2, ..."""
    docs: list[Document] = []
    for n, a in enumerate(articles, 1):
        doc_id = str(a.get("id") or "").strip() or f"doc{n}"
        text = a.get("text")
        if not isinstance(text, str):
            raise InputError(f"{doc_id}: the article text must be a string, not {type(text).__name__}")
        suffix = PurePosixPath(doc_id).suffix.lower() if "." in doc_id else ""
        if suffix and suffix not in KNOWN_SUFFIXES:
            suffix = ""  # "Reuters 12.3" is a name, not a format; sniff the text instead
        if suffix in JSONL_SUFFIXES:
            docs.append(skipped(doc_id, doc_id, f"{doc_id}: a .jsonl cluster cannot be one article; "
                                "give its articles one by one"))
            continue
        decoded, problem = check_text(text, doc_id)
        if decoded is None:
            docs.append(skipped(doc_id, doc_id, problem))
            continue
        fmt = "html" if suffix in HTML_SUFFIXES else sniff_format(decoded, suffix)
        docs.extend(text_to_documents(decoded, doc_id, doc_id, fmt))
    return finish(docs)


def finish(docs: list[Document]) -> list[Document]:
    """Check cluster-wide limits and make ids unique."""
    if len(docs) > MAX_DOCUMENTS:
        raise InputError(f"{len(docs)} documents is over the limit of {MAX_DOCUMENTS}: "
                         "summarize a smaller cluster")
    total = sum(len(d.text) for d in docs)
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"the input totals {total / 1e6:.0f} MB of text, over the "
                         f"{MAX_TOTAL_BYTES / 1e6:.0f} MB limit: summarize a smaller cluster")
    seen: dict[str, int] = {}
    for d in docs:  # two "article.txt" from different folders must stay distinguishable
        if d.id in seen:
            seen[d.id] += 1
            d.id = f"{d.id}~{seen[d.id]}"
        else:
            seen[d.id] = 1
    return docs
