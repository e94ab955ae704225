"""One stories run: read the articles, group them (against the store, if any), build the stories."""

from __future__ import annotations

from collections import defaultdict

from ..config import Config
from ..errors import InputError
from .build import StoryBriefs, mark_copies, result, story_dict, story_id, update_of
from .features import Item, read_item
from .group import MemoryIndex, Params, group


def check_articles(articles: list[dict]) -> None:
    """Every article has a non-empty string id and text, optional fields that are strings (or
    null), and no id comes twice."""
    seen = set()
    for n, a in enumerate(articles, 1):
        if not isinstance(a, dict):
            raise InputError(f"article {n}: expected an object with \"id\" and \"text\", got {type(a).__name__}")
        aid = a.get("id")
        if not isinstance(aid, str) or not aid.strip():
            raise InputError(f"article {n}: no \"id\" (give each article a unique id)")
        if not isinstance(a.get("text"), str) or not a["text"].strip():
            raise InputError(f"article {aid}: no \"text\" (give the article's text as a string)")
        for key in ("title", "date", "source", "url"):
            if a.get(key) is not None and not isinstance(a[key], str):
                raise InputError(f"article {aid}: \"{key}\" must be a string, not {type(a[key]).__name__}")
        if aid in seen:
            raise InputError(f"article id {aid} is given twice: ids must be unique")
        seen.add(aid)


def make_stories(articles: list[dict], *, db: str | None = None, briefs: bool = True,
                 config: Config | None = None, params: Params = Params(), all_stories: bool = False,
                 notes: list[str] | None = None, jobs: int = 1, scheduler=None) -> dict:
    """The stories of the articles: ``{"schema_version", "stories": [...]}`` (docs/stories.md).

    With ``db`` the stories are kept in that SQLite file: articles already stored are left as
    they are (a note says so), new ones join a stored story or start one; the result lists
    the stories this run started or grew (``all_stories``: every stored story). The briefs run
    on the batch engine: ``jobs`` local processes, or the Dask cluster at ``scheduler``.
    """
    check_articles(articles)
    config = config or Config()
    notes = notes if notes is not None else []
    store = None
    if db:
        from .store import Store

        store = Store(db)
        known = store.known([a["id"] for a in articles])
        if known:
            notes.append(f"{len(known)} article(s) already in {db}, left as they are: "
                         + ", ".join(sorted(known)[:3]) + (" ..." if len(known) > 3 else ""))
            articles = [a for a in articles if a["id"] not in known]
    try:
        items = [read_item(a) for a in articles]
        grouping = group(items, store or MemoryIndex(), params)
        by_key: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            by_key[grouping.assignment[it.id]].append(it)
        sid_of = {}
        for key, members in by_key.items():
            sid_of[key] = story_id(members[0].id) if key.startswith("new:") else key
        story = {it.id: sid_of[grouping.assignment[it.id]] for it in items}
        old_members = store.members([k for k in by_key if not k.startswith("new:")]) if store else {}
        old_items = store.items({m for ms in old_members.values() for m in ms}) if store else {}
        planned = []
        for key, new_members in by_key.items():
            members = [old_items[m] for m in old_members.get(key, []) if m in old_items] + new_members
            mark_copies(members)
            planned.append((sid_of[key], members))
        made = _briefs([members for _, members in planned], config, jobs, scheduler) if briefs else {}
        out = []
        for n, (sid, members) in enumerate(planned):
            previous = store.story(sid) if store else None
            brief, note = made.get(n, (None, None))
            if brief is not None and previous and previous.get("brief"):
                brief["update"] = update_of(brief, previous["brief"], previous.get("updated"))
            elif brief is not None:
                brief["update"] = None
            s = story_dict(sid, members, brief, note)
            out.append(s)
        if store:
            store.add(items, story, grouping.queries, grouping.sentences)
            for s in out:
                if s["brief"] is None and not briefs:
                    prev = store.story(s["id"])
                    s["brief"] = None
                    store.save_story({**s, "brief": prev["brief"] if prev else None},
                                     prev["brief_size"] if prev else None)
                else:
                    store.save_story(s, len(s["articles"]))
            if all_stories:
                done = {s["id"] for s in out}
                rest = [x for x in store.all_story_ids() if x not in done]
                for sid, ms in store.members(rest).items():
                    stored = store.items(ms)
                    members = [stored[m] for m in ms]
                    prev = store.story(sid)
                    out.append(story_dict(sid, members, prev["brief"] if prev and briefs else None))
            store.commit()
    finally:
        if store:
            store.close()
    return result(out)


def _briefs(stories: list[list[Item]], config: Config, jobs: int, scheduler) -> dict[int, tuple]:
    """``{story index: (brief dict or None, why not)}`` for the stories of two or more articles,
    made on the batch engine (the one runner of ``batch``, ``eval`` and ``stories``)."""
    from ..batch.engine import Engine, chunk_size

    todo = [(n, items) for n, items in enumerate(stories) if len(items) >= 2]
    if not todo:
        return {}
    with Engine(jobs=jobs, scheduler=scheduler) as engine:
        size = chunk_size(len(todo), engine.workers, most=4)
        done = dict(engine.map(StoryBriefs(config), [items for _, items in todo], chunk=size))
    return {todo[i][0]: made for i, made in done.items()}

