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
from .pipeline import run  # noqa: E402
from .stories import stories  # noqa: E402  (newsweave.stories: a pile of articles grouped by event)


def load(paths: str | Sequence[str], cluster_id: str | None = None) -> list[Document]:
    """Read articles from files, folders, "|||||"-separated files or a JSONL cluster."""
    return load_paths([paths] if isinstance(paths, str) else list(paths), cluster_id)


def brief(documents: Sequence[str] | Sequence[Document] | Mapping[str, str], *,
          words: int | None = None, sentences: int | None = None, **options) -> Brief:
    """Summarize a cluster of articles into a cited brief.

    ``words`` defaults to 200 unless ``sentences`` is given (then there is no word cap);
    ``options`` are the other fields of :class:`Config` (``summarizer``, ``query``,
    ``keep_all``, ...). Raises :class:`InputError` with a one-line explanation when
    the input cannot be summarized.
    """
    if isinstance(documents, Mapping):
        docs = documents_from_texts(list(documents.values()), [str(k) for k in documents])
    elif documents and all(isinstance(d, Document) for d in documents):
        docs = list(documents)
    else:
        docs = documents_from_texts(list(documents))
    return run(docs, Config(words=words, sentences=sentences, **options))


__all__ = ["Brief", "Config", "Document", "InputError", "Removal", "Sentence", "Status",
           "SummarySentence", "Support", "brief", "load", "run", "__version__"]
