"""Stories: a pile of articles grouped by event, each group with its brief.

    >>> import newsweave
    >>> result = newsweave.stories([{"id": "a", "text": "..."}, {"id": "b", "text": "..."}])
    >>> [s["headline"] for s in result["stories"]]

The result is the JSON contract of docs/stories.md. ``group.py`` decides the grouping,
``build.py`` the stories, ``store.py`` keeps them between runs, ``cli.py`` is the command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .cli import add_stories_parser, cmd_stories

SCHEMA_VERSION = "1.1"  # of the stories JSON (docs/stories.md)


def stories(articles: Sequence[Mapping] | Sequence[str] | Mapping[str, str], *, db: str | None = None,
            briefs: bool = True, threshold: float | None = None, words: int | None = None,
            sentences: int | None = None, all_stories: bool = False, jobs: int = 1,
            **options) -> dict:
    """Group articles (``{"id", "text", "title"?, "date"?, ...}`` dicts, texts, or a mapping
    id -> text) into stories; ``{"schema_version", "stories": [...]}``. ``db`` keeps them in
    a SQLite file between calls; ``jobs`` > 1 briefs the stories in that many processes (the
    batch engine); ``options`` are the briefs' :class:`Config` fields."""
    if isinstance(articles, Mapping):
        rows = [{"id": str(k), "text": v} for k, v in articles.items()]
    else:
        rows = [a if isinstance(a, Mapping) else {"id": f"doc{i}", "text": a}
                for i, a in enumerate(articles, 1)]
    from ..config import Config
    from .group import Params
    from .run import make_stories

    params = Params() if threshold is None else Params(threshold=threshold)
    return make_stories([dict(r) for r in rows], db=db, briefs=briefs, params=params,
                        config=Config(words=words, sentences=sentences, **options),
                        all_stories=all_stories, jobs=jobs)


__all__ = ["SCHEMA_VERSION", "add_stories_parser", "cmd_stories", "stories"]
