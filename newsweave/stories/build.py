"""From groups of articles to the stories JSON: headline, articles, dates, brief and update.

The JSON is a versioned contract (docs/stories.md): ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from ..config import Config
from ..copies import find_copies
from ..clean import find_debris
from ..errors import InputError
from ..model import Document
from ..similarity import repeats
from ..summarizers.base import REPEAT
from ..text.words import content_words
from . import SCHEMA_VERSION
from .features import Item, lead, lead_of

# A sentence of the new brief is already told when the previous brief has it, states the same
# fact in other words (what the summarizer drops as a repeat: ``similarity.repeats``), or
# shares this much of its content words (cosine): a sentence that names the story's people and
# places again but reports something new is news.
SAME_WORDS = 0.8


def story_id(first_article: str) -> str:
    """A story's id, made once from the article that started it, never changed."""
    return "s-" + hashlib.blake2b(first_article.encode("utf-8"), digest_size=6).hexdigest()


def _documents(items: list[Item]) -> list[Document]:
    docs = []
    for it in items:
        d = Document(id=it.id, text=it.text, title=it.title, date=it.date, source=it.source or it.id)
        d.removed = find_debris(it.text)
        docs.append(d)
    return docs


def mark_copies(items: list[Item]) -> None:
    """``copy_of`` within one story (``newsweave.copies``, as a brief marks them)."""
    if len(items) < 2:
        for it in items:
            it.copy_of = None
        return
    copies = find_copies(_documents(items))
    for it in items:
        it.copy_of = copies[it.id][0] if it.id in copies else None


def headline_of(items: list[Item], brief: dict | None) -> str:
    if brief and brief.get("headline") and not brief["headline"].startswith("Brief of "):
        return brief["headline"]
    for it in items:
        if it.title:
            return it.title
    return lead_line(items[0]) or lead(items[0].text)  # a page that is all debris: what it says


def lead_line(item: Item) -> str:
    """The article's first sentence after cleaning (``features.lead``); "" for a page that is
    all debris."""
    if item.lead is None:  # read back from the store: found once, for the headline and the article
        item.lead = lead_of(item.text)
    return item.lead


def make_brief(items: list[Item], config: Config) -> tuple[dict | None, str | None]:
    """The story's brief as ``brief`` makes it (JSON dict), or None and why not."""
    if len(items) < 2:
        return None, None
    from ..pipeline import run

    try:
        return run(_documents(items), config).to_dict(), None
    except InputError as e:
        return None, str(e)


@dataclass(frozen=True)
class StoryBriefs:
    """The briefs of stories as a task of the batch engine (``newsweave.batch.engine``), so that
    ``stories`` runs them on the same local processes or Dask cluster as ``batch`` and ``eval``:
    one story's items -> ``(brief dict or None, why not)``."""

    config: Config

    @property
    def key(self) -> str:
        return f"stories:{self.config}"

    def setup(self) -> None:
        """Models load on first use, once per worker process."""

    def __call__(self, items: list[Item]) -> tuple[dict | None, str | None]:
        return make_brief(items, self.config)

    def failed(self, items: list[Item], message: str) -> tuple[dict | None, str | None]:
        return None, message


def _vector(text: str) -> Counter:
    return Counter(set(content_words(text)))


def _cos(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    shared = sum(1 for w in a if w in b)
    return shared / (len(a) * len(b)) ** 0.5


def update_of(new: dict, previous: dict | None, since: str | None) -> dict | None:
    """The sentences of the new brief that report what the previous brief did not."""
    if previous is None:
        return None
    old = [s["text"] for s in previous.get("summary", [])]
    told = [_vector(t) for t in old]
    fresh = []
    for s in new.get("summary", []):
        if s["text"] in old:
            continue
        v = _vector(s["text"])
        if any(_cos(v, t) >= SAME_WORDS for t in told):
            continue
        if old and repeats([(s["text"], t) for t in old], REPEAT)[0].any():
            continue
        fresh.append({"text": s["text"], "doc": s["doc"], "start": s["start"], "end": s["end"]})
    return {"since": since, "previous_articles": previous.get("stats", {}).get("documents"),
            "sentences": fresh}


def story_dict(sid: str, items: list[Item], brief: dict | None, note: str | None = None) -> dict:
    items = sorted(items, key=lambda it: (it.date or "9999", it.id))
    dates = sorted(it.date for it in items if it.date)
    out = {
        "id": sid,
        "headline": headline_of(items, brief),
        "articles": [{"id": it.id, "title": it.title, "lead": lead_line(it), "date": it.date,
                      "copy_of": it.copy_of} for it in items],
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "brief": brief,
    }
    if note:
        out["brief_note"] = note
    return out


def order_stories(stories: list[dict]) -> list[dict]:
    """Biggest first, then newest (undated last), then by id."""
    out = sorted(stories, key=lambda s: s["id"])
    out.sort(key=lambda s: s["last_date"] or "", reverse=True)  # undated ("") sort last
    out.sort(key=lambda s: -len(s["articles"]))
    return out


def result(stories: list[dict]) -> dict:
    return {"schema_version": SCHEMA_VERSION, "stories": order_stories(stories)}
