"""The Stories API: a pile of articles grouped into stories (``newsweave.stories``), each
story with its brief; the set saved and shareable like a brief (docs/web.md, "Stories").

    POST /api/stories          articles (a list, JSONL texts, or both) -> the stories + "saved"
    GET  /api/stories          recent saved story sets
    GET  /api/stories/{id}     one saved set, the same shape as POST's answer
    GET  /s/{id}               the page showing a saved set (served by app.py)

Each story's brief is saved as a brief of its own (``/b/{id}``: re-run, copy link, as any
brief). The articles go through the same limits as a brief's (``common``), the work through
the same admission gate (one turn for the whole set), in FastAPI's thread pool.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..config import DEFAULT_WORDS, Config
from ..errors import InputError
from . import common
from .common import (MAX_ID_CHARS, MAX_QUERY_CHARS, MAX_SENTENCES, MAX_WORDS, Admission, ApiError,
                     no_surrogates)
from .store import Store

MAX_DATE_CHARS = 40


class StoryArticle(BaseModel):
    """One article of the pile: its text (plain text, Markdown or HTML) and what is known of it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    id: Annotated[str | None, Field(max_length=MAX_ID_CHARS, description=(
        "a unique name for the article (e.g. its file name; a suffix .html/.txt/.md decides the "
        "format, otherwise it is sniffed); default doc1, doc2, ..."))] = None
    text: Annotated[str, Field(description="the article: plain text, Markdown or HTML")]
    title: Annotated[str | None, Field(max_length=1000, description="its headline, if known")] = None
    date: Annotated[str | None, Field(max_length=MAX_DATE_CHARS, description=(
        "its date, ISO (2019-03-04; a longer timestamp is cut to its day)"))] = None
    source: Annotated[str | None, Field(max_length=MAX_ID_CHARS)] = None
    url: Annotated[str | None, Field(max_length=2000)] = None

    _clean = field_validator("id", "text", "title", "date", "source", "url")(no_surrogates)


class JsonlText(BaseModel):
    """A JSONL file of articles, one ``{"id", "text", "title"?, "date"?, ...}`` per line, as
    ``newsweave stories`` reads it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    name: Annotated[str, Field(max_length=MAX_ID_CHARS, description=(
        "the file's name: errors say '{name} line N', an article without id is '{name}#N'"))] = "articles.jsonl"
    text: Annotated[str, Field(description="the file's content")]

    _clean = field_validator("name", "text")(no_surrogates)


class StoriesRequest(BaseModel):
    """A pile of articles about many stories, and how the stories' briefs should be made."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "articles": [{"id": "a.txt", "text": "First article ..."},
                     {"id": "b.html", "text": "<html>...</html>", "date": "2024-05-02"}],
        "jsonl": [{"name": "crawl.jsonl", "text": '{"id": "c1", "text": "..."}\n'}],
        "words": 120}]})
    articles: list[StoryArticle] = Field(default_factory=list, description=(
        f"the articles (with those of the JSONL texts, at most {common.MAX_ARTICLES_PER_REQUEST})"))
    jsonl: list[JsonlText] = Field(default_factory=list, description="JSONL texts of articles")
    words: Annotated[int | None, Field(ge=1, le=MAX_WORDS, description=(
        f"each brief's word budget (default {DEFAULT_WORDS})"))] = None
    sentences: Annotated[int | None, Field(ge=1, le=MAX_SENTENCES)] = None
    query: Annotated[str | None, Field(max_length=MAX_QUERY_CHARS)] = None
    keep_all: bool = Field(False, description="also summarize articles judged off-topic")
    summarizer: str = Field(Config.summarizer, description="which summarizer")
    briefs: bool = Field(True, description="brief each story of two or more articles (false: the grouping alone)")
    extends: Annotated[str | None, Field(max_length=64, description=(
        "id of a saved story set: group its articles with these added (options not given are "
        "taken from it); the new set is saved with it as parent"))] = None
    save: bool = Field(True, description="keep the stories in the database and give them a link")

    _clean = field_validator("query", "summarizer", "extends")(no_surrogates)


def saved_meta(row: dict) -> dict:
    stories = row["result"]["stories"]
    return {"id": row["id"], "url": f"/s/{row['id']}", "api": f"/api/stories/{row['id']}",
            "created": row["created"], "parent": row["parent"], "children": row["children"],
            "title": row["title"], "articles": len(row["inputs"]), "stories": len(stories)}


def with_saved(row: dict) -> dict:
    result = row["result"]
    stories = [{**{k: v for k, v in s.items() if k != "brief_id"},
                "saved_brief": _brief_link(s.get("brief_id"))} for s in result["stories"]]
    return {**result, "stories": stories, "saved": saved_meta(row)}


def _brief_link(brief_id: str | None) -> dict | None:
    return {"id": brief_id, "url": f"/b/{brief_id}", "api": f"/api/briefs/{brief_id}"} if brief_id else None


def add_story_routes(app: FastAPI, store: Store, gate: Admission, responses: dict) -> None:
    """``POST /api/stories``, ``GET /api/stories`` and ``GET /api/stories/{id}`` on ``app``."""

    @app.post("/api/stories", status_code=201, tags=["stories"], responses=responses,
              summary="Group a pile of articles into stories, each with its brief (and save them)")
    def create_stories(body: StoriesRequest, response: Response) -> dict:
        """Returns the stories JSON of `newsweave stories --format json` (docs/stories.md):
        `{schema_version, stories: [{id, headline, articles, first_date, last_date, brief}]}`,
        biggest and newest first, plus `skipped` (unreadable articles, with why), each story's
        `saved_brief` (`{id, url, api}` of its brief, saved as any brief; with `extends`, a
        story that grew has `brief.update`: what its earlier brief did not report) and `saved` (`{id,
        url, api, created, parent, children, title, articles, stories}`): 201 with `Location`,
        or 200 with `saved: null` when `save` is false. 422 with a one-line `detail` for input
        that cannot be grouped (a JSONL line without text, an id given twice, fewer than 2
        readable articles); 413 over the limits; 503 with `Retry-After` when the server is full."""
        given = body.model_fields_set
        settings = {"words": body.words, "sentences": body.sentences, "query": body.query or None,
                    "keep_all": body.keep_all, "summarizer": body.summarizer, "briefs": body.briefs}
        parent = None
        kept: list[dict] = []
        if body.extends is not None:
            parent = store.get_stories(body.extends)
            if parent is None:
                raise ApiError(404, f"no saved stories {body.extends!r} to add articles to: "
                                    "check the link, or start a new set")
            for key, value in parent["settings"].items():  # options not given: the old ones
                if key not in given and key in settings:
                    settings[key] = value
            kept = parent["inputs"]
        new = [a.model_dump() for a in body.articles]
        for n, a in enumerate(new, 1):
            a["id"] = a["id"] if a["id"] and a["id"].strip() else f"doc{n}"
        rows = _jsonl_rows(body.jsonl)
        given_ids = [a["id"] for a in kept] + [a["id"] for a in new] + [r["id"] for r in rows]
        total = len(given_ids)
        if total > common.MAX_ARTICLES_PER_REQUEST:
            raise ApiError(413, f"{total} articles is over the limit of {common.MAX_ARTICLES_PER_REQUEST} "
                                "for one set of stories on this server: send fewer, or run "
                                "`newsweave stories` on the command line")
        for a in [*new, *rows]:
            if len(a["text"]) > common.MAX_DOCUMENT_CHARS:
                raise ApiError(413, f"{a['id']} has {len(a['text']):,} characters, over the "
                                    f"{common.MAX_DOCUMENT_CHARS:,} limit for one article: "
                                    "give the article text, not a whole archive")
        seen = set()
        for aid in given_ids:
            if aid in seen:
                where = " (it is already in the stories being extended)" if aid in {a["id"] for a in kept} else ""
                raise ApiError(422, f"article id {aid!r} is given twice{where}: ids must be unique")
            seen.add(aid)
        read, skipped = _read(new)
        articles = kept + read + [{**r, "raw": None} for r in rows]
        if not articles:
            if not skipped:
                raise ApiError(422, "no articles given: give at least 2 articles (or a JSONL file "
                                    "of them) to group into stories")
            first = skipped[0]
            why = "" if len(skipped) > 1 else f" ({first['reason']})" if first["id"] in first["reason"] \
                else f" ({first['id']}: {first['reason']})"
            raise ApiError(422, f"no readable article given{why}: give at least 2 articles to "
                                "group into stories")
        if len(articles) < 2:
            raise ApiError(422, "only 1 readable article given: stories group a pile of articles, "
                                "so give at least 2 (to brief one story, use New brief)")
        result = {**_group(articles, settings, gate), "skipped": skipped}
        if parent is not None:
            _updates(result, parent)
        if not body.save:
            response.status_code = 200
            return {**result, "stories": [{**s, "saved_brief": None} for s in result["stories"]],
                    "saved": None}
        by_id = {a["id"]: a for a in articles}
        briefs = {s["id"]: [{"id": m["id"], "text": by_id[m["id"]].get("raw") or by_id[m["id"]]["text"]}
                            for m in s["articles"]] for s in result["stories"]}
        row = store.save_stories(inputs=articles, settings=settings, result=result, briefs=briefs,
                                 parent=parent["id"] if parent else None)
        response.headers["Location"] = f"/api/stories/{row['id']}"
        return with_saved(row)

    @app.get("/api/stories/{set_id}", tags=["stories"], summary="A saved set of stories",
             responses={404: {"description": "no such set"}})
    def get_stories(set_id: str) -> dict:
        """The same JSON `POST /api/stories` answered when the set was made."""
        row = store.get_stories(set_id)
        if row is None:
            raise ApiError(404, f"no saved stories {set_id!r}: the link may be mistyped")
        return with_saved(row)

    @app.get("/api/stories", tags=["stories"], summary="Recently saved sets of stories")
    def list_stories(limit: Annotated[int, Field(ge=1, le=100)] = 20) -> list[dict]:
        """`[{id, created, parent, title, articles, stories, dates}]`: `title` is the biggest
        story's headline, `dates` `[first, last]` of the stories' dates (or null)."""
        return store.recent_stories(limit)


def _jsonl_rows(files: list[JsonlText]) -> list[dict]:
    """The articles of JSONL texts, read as ``newsweave stories`` reads a JSONL file (its
    optional fields must be strings or null, as in ``articles``)."""
    from ..stories.cli import read_articles_jsonl

    rows = []
    for f in files:
        try:
            read = read_articles_jsonl(f.text, f.name)
        except InputError as e:
            raise ApiError(422, str(e)) from None
        rows += read
    return rows


def _read(articles: list[dict]) -> tuple[list[dict], list[dict]]:
    """The articles read as ``newsweave brief`` reads files of those names (HTML to text, a
    ``|||||`` file split), each with ``raw``, the text as sent (kept for its brief's re-runs);
    and the unreadable ones, ``[{id, reason}]``."""
    from ..ingest import documents_from_articles

    read, skipped = [], []
    for a in articles:
        try:
            docs = documents_from_articles([{"id": a["id"], "text": a["text"]}])
        except InputError as e:
            raise ApiError(422, str(e)) from None
        for d in docs:
            if not d.readable:
                skipped.append({"id": d.id, "reason": d.reason})
                continue
            read.append({"id": d.id, "text": d.text, "title": a["title"] or d.title,
                         "date": a["date"] or d.date, "source": a["source"], "url": a["url"],
                         "raw": a["text"] if len(docs) == 1 and a["text"] != d.text else None})
    return read, skipped


def _updates(result: dict, parent: dict) -> None:
    """A story that grew since the set it was regrouped from gets its brief's ``update``: the
    summary sentences that report what its earlier brief did not (docs/stories.md)."""
    from ..stories.build import update_of

    before = {s["id"]: s for s in parent["result"]["stories"]}
    for s in result["stories"]:
        old = before.get(s["id"])
        if s.get("brief") and old and old.get("brief") and len(s["articles"]) > len(old["articles"]):
            s["brief"]["update"] = update_of(s["brief"], old["brief"], parent["created"])


def _group(articles: list[dict], settings: dict, gate: Admission) -> dict:
    from .. import summarizers
    from ..stories import stories

    try:
        name = settings["summarizer"]
        if settings["briefs"] and name not in summarizers.REGISTRY and name not in summarizers.PEERS:
            summarizers.get(name)  # its one-line error, before any work (not once per story)
        with gate.slot():
            return stories([{k: v for k, v in a.items() if k != "raw"} for a in articles],
                           briefs=settings["briefs"], words=settings["words"],
                           sentences=settings["sentences"], query=settings["query"],
                           keep_all=settings["keep_all"], summarizer=settings["summarizer"])
    except InputError as e:
        raise ApiError(422, str(e)) from None
