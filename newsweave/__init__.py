"""newsweave: multi-document news summarization with citations.

    >>> import newsweave
    >>> b = newsweave.brief(["text of article one ...", "text of article two ..."], words=150)
    >>> print(b.to_markdown())

``brief`` takes article texts (plain text or HTML), ``Document`` objects, or a
mapping of id -> text; ``load`` reads files and folders the way the CLI does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__version__ = "0.1.0"

from .errors import InputError  # noqa: E402
from .ingest import documents_from_texts, load_paths  # noqa: E402
from .brief import Brief  # noqa: E402
from .model import Document, Removal, Sentence, Status, SummarySentence, Support  # noqa: E402
from .config import Config  # noqa: E402
from .pipeline import run as _run  # noqa: E402

import dataclasses as _dataclasses  # noqa: E402
import os as _os  # noqa: E402

# The type each option of Config takes, to say a wrong one in the caller's terms.
_OPTION_TYPES = {"summarizer": (str,), "query": (str, type(None)), "keep_all": (bool,), "analyze": (bool,),
                 "overflow": (bool,), "min_relevance": (int, float), "corroboration": (int, float),
                 "min_documents": (int,)}
from .stories import stories  # noqa: E402  (a pile of articles grouped by event)


def load(paths: str | _os.PathLike | Sequence[str | _os.PathLike], cluster_id: str | None = None) -> list[Document]:
    """Read articles from files, folders, "|||||"-separated files or a JSONL cluster."""
    if paths is None or isinstance(paths, (bytes, bytearray)):
        raise InputError("load() needs a path or a list of paths (files, folders, a .jsonl "
                         f"file), not {type(paths).__name__}")
    if isinstance(paths, (str, _os.PathLike)):
        paths = [paths]
    try:
        paths = list(paths)
    except TypeError:
        raise InputError(f"load() needs a path or a list of paths, not {type(paths).__name__}") from None
    for n, p in enumerate(paths):
        if not isinstance(p, (str, _os.PathLike)):
            raise InputError(f"paths[{n}] is {type(p).__name__}: give each path as a string or a Path")
    if cluster_id is not None and not isinstance(cluster_id, (str, int)):
        raise InputError(f"cluster_id must be a string, not {type(cluster_id).__name__}")
    return load_paths([_os.fspath(p) for p in paths], None if cluster_id is None else str(cluster_id),
                      id_option="cluster_id=")


def _config(words, sentences, options: dict) -> Config:
    fields = {f.name for f in _dataclasses.fields(Config)} - {"words", "sentences"}
    for name, value in options.items():
        if name not in fields:
            raise InputError(f"unknown option {name}=: brief() takes words=, sentences=, "
                             + ", ".join(f"{f}=" for f in sorted(fields)))
        types = _OPTION_TYPES.get(name)
        if types and (not isinstance(value, types) or (bool not in types and isinstance(value, bool))):
            wanted = " or ".join("None" if t is type(None) else t.__name__ for t in types)
            raise InputError(f"{name}= must be {wanted}, not {type(value).__name__}")
    if options.get("min_documents", 1) < 1:
        raise InputError(f"min_documents= must be at least 1, not {options['min_documents']}")
    return Config(words=words, sentences=sentences, **options)


def _documents(documents) -> list[Document]:
    """The articles given to :func:`brief` as ``Document``s; every misuse is an InputError."""
    usage = "give a list of article texts, e.g. brief([text1, text2]), a list of Documents or a {id: text} mapping"
    if documents is None:
        raise InputError(f"brief() got None: {usage}")
    if isinstance(documents, str):
        raise InputError(f"brief() got one string, not a list of articles: {usage}")
    if isinstance(documents, (bytes, bytearray)):
        raise InputError(f"brief() got bytes: decode them to text, and {usage}")
    if isinstance(documents, Document):
        raise InputError(f"brief() got one Document: {usage}")
    if isinstance(documents, Mapping):
        for key, text in documents.items():
            if not isinstance(text, str):
                raise InputError(f"documents[{key!r}] is {_what(text)}: give each article's text as a string")
        return documents_from_texts(list(documents.values()), [str(k) for k in documents])
    try:
        items = list(documents)
    except TypeError:
        raise InputError(f"brief() got {type(documents).__name__}: {usage}") from None
    if items and all(isinstance(d, Document) for d in items):
        seen = set()
        for n, d in enumerate(items):
            if not isinstance(d.text, str) or not isinstance(d.id, str):
                raise InputError(f"documents[{n}] has a text or an id that is not a string")
            if d.id in seen:
                raise InputError(f"documents[{n}] has the id {d.id!r} of an earlier document: "
                                 "give each document its own id")
            seen.add(d.id)
        return items
    for n, d in enumerate(items):
        if not isinstance(d, str):
            kind = "a Document among texts" if isinstance(d, Document) else _what(d)
            raise InputError(f"documents[{n}] is {kind}: give every article as a text (a string), "
                             "or every article as a Document")
    return documents_from_texts(items)


def _what(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "bytes (decode them to a string first)"
    if value is None:
        return "None"
    return f"{type(value).__name__} {value!r}"[:60] if isinstance(value, (int, float)) else type(value).__name__


def brief(documents: Sequence[str] | Sequence[Document] | Mapping[str, str], *,
          words: int | None = None, sentences: int | None = None, **options) -> Brief:
    """Summarize a cluster of articles into a cited brief.

    ``words`` defaults to 200 unless ``sentences`` is given (then there is no word cap);
    ``options`` are the other fields of :class:`Config` (``summarizer``, ``query``,
    ``keep_all``, ...). Raises :class:`InputError` with a one-line explanation when
    the input cannot be summarized (and for every misuse: a wrong type, an unknown option).
    """
    config = _config(words, sentences, options)
    return _run(_documents(documents), config)


def run(documents: Sequence[Document], config: Config = Config()) -> Brief:
    """Summarize ``Document``s (as :func:`load` reads them) under a :class:`Config`."""
    if not isinstance(config, Config):
        raise InputError(f"config must be a newsweave.Config, not {type(config).__name__}")
    if isinstance(documents, (str, bytes)) or documents is None:
        raise InputError("run() takes a list of Documents (from newsweave.load); for texts use newsweave.brief")
    items = list(documents)
    for n, d in enumerate(items):
        if not isinstance(d, Document):
            raise InputError(f"documents[{n}] is {_what(d)}, not a Document: for texts use newsweave.brief")
    return _run(items, config)


__all__ = ["Brief", "Config", "Document", "InputError", "Removal", "Sentence", "Status",
           "SummarySentence", "Support", "brief", "load", "run", "stories", "__version__"]
