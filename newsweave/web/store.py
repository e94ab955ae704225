"""Saved briefs and story sets: one SQLite file (stdlib ``sqlite3``), so a user can come back
to a brief, share its link, and re-run a story with new articles added.

Each brief row keeps the articles as submitted (so the story can be re-run), the settings,
the brief's JSON and the brief it was re-run from (``parent``). A story set (the Stories
page: a pile of articles grouped into stories) keeps its articles as read, its settings and
the stories JSON (docs/stories.md) without the briefs: each story's brief is a brief row of
its own (table ``storyset_briefs`` says which set and story it belongs to), so it has its
own link and can be re-run like any brief. Ids are random and unguessable: a link is the
only way to a brief or a set. (The CLI's ``newsweave stories --db`` tables, ``story_*``,
may live in the same file; these tables are not theirs.)
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,32}$")
RECENT_SOURCES = 3  # how many of a brief's articles the recent list names
# SQLite stores UTF-8, which cannot hold a lone surrogate ("\ud800" in JSON): stored as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _dumps(value) -> str:
    return _SURROGATE.sub("\ufffd", json.dumps(value, ensure_ascii=False))

_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs (
    id       TEXT PRIMARY KEY,
    created  TEXT NOT NULL,            -- ISO 8601, UTC
    parent   TEXT REFERENCES briefs(id),
    title    TEXT,
    inputs   TEXT NOT NULL,            -- JSON: [{"id": ..., "text": ...}] as submitted
    settings TEXT NOT NULL,            -- JSON: the options the user chose
    brief    TEXT NOT NULL             -- JSON: the brief (docs/brief-schema.md)
);
CREATE INDEX IF NOT EXISTS briefs_created ON briefs(created);
CREATE INDEX IF NOT EXISTS briefs_parent ON briefs(parent);
CREATE TABLE IF NOT EXISTS storysets (
    id       TEXT PRIMARY KEY,
    created  TEXT NOT NULL,            -- ISO 8601, UTC
    parent   TEXT REFERENCES storysets(id),
    title    TEXT,                     -- the biggest story's headline
    inputs   TEXT NOT NULL,            -- JSON: [{"id", "text", "title", "date", ...}] as read
    settings TEXT NOT NULL,            -- JSON: the options the user chose
    result   TEXT NOT NULL             -- JSON: the stories (docs/stories.md), "brief" null and
                                       -- "brief_id" naming the story's brief row
);
CREATE INDEX IF NOT EXISTS storysets_created ON storysets(created);
CREATE INDEX IF NOT EXISTS storysets_parent ON storysets(parent);
CREATE TABLE IF NOT EXISTS storyset_briefs (
    brief    TEXT PRIMARY KEY REFERENCES briefs(id),
    storyset TEXT NOT NULL REFERENCES storysets(id),
    story    TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def default_db_path() -> Path:
    """Where briefs are kept unless ``--db`` / ``NEWSWEAVE_DB`` say otherwise."""
    import os

    if os.environ.get("NEWSWEAVE_DB"):
        return Path(os.environ["NEWSWEAVE_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "newsweave" / "briefs.sqlite3"


class Store:
    """A thread-safe handle on the SQLite file (one connection, serialised by a lock)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        with self._lock, self._db:
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def save(self, *, inputs: list[dict], settings: dict, brief: dict, parent: str | None) -> dict:
        with self._lock, self._db:
            brief_id = self._insert_brief(inputs, settings, brief, parent)
        return self.get(brief_id)

    def _insert_brief(self, inputs: list[dict], settings: dict, brief: dict, parent: str | None) -> str:
        brief_id = secrets.token_urlsafe(9)  # 12 characters, 72 random bits
        title = brief_title(brief)
        self._db.execute(
            "INSERT INTO briefs (id, created, parent, title, inputs, settings, brief) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (brief_id, _now(), parent, title and _SURROGATE.sub("\ufffd", title),
             _dumps(inputs), _dumps(settings), _dumps(brief)))
        return brief_id

    def get(self, brief_id: str) -> dict | None:
        """The saved brief with its metadata, or None."""
        if not ID_PATTERN.match(brief_id or ""):
            return None
        with self._lock:
            row = self._db.execute("SELECT * FROM briefs WHERE id = ?", (brief_id,)).fetchone()
            if row is None:
                return None
            children = [r[0] for r in self._db.execute(
                "SELECT id FROM briefs WHERE parent = ? ORDER BY created, rowid", (brief_id,))]
            link = self._db.execute("SELECT storyset, story FROM storyset_briefs WHERE brief = ?",
                                    (brief_id,)).fetchone()
        return {
            "id": row["id"], "created": row["created"], "parent": row["parent"],
            "children": children, "title": row["title"],
            "story_set": {"id": link[0], "story": link[1]} if link else None,
            "inputs": json.loads(row["inputs"]), "settings": json.loads(row["settings"]),
            "brief": json.loads(row["brief"]),
        }

    def recent(self, limit: int = 20) -> list[dict]:
        """The newest briefs, each with what tells briefs of one story apart: how many
        articles, the first ones' names (``sources``: their ids, e.g. file names) and the span of
        the articles' dates (``dates``: [first, last], or null when none is dated)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, created, parent, title, json_array_length(inputs) AS n, "
                "(SELECT json_group_array(json_extract(value, '$.id')) FROM (SELECT value FROM "
                "   json_each(briefs.brief, '$.documents') ORDER BY key LIMIT ?)) AS sources, "
                "(SELECT min(substr(json_extract(value, '$.date'), 1, 10)) "
                "   FROM json_each(briefs.brief, '$.documents')) AS first, "
                "(SELECT max(substr(json_extract(value, '$.date'), 1, 10)) "
                "   FROM json_each(briefs.brief, '$.documents')) AS last "
                "FROM briefs WHERE id NOT IN (SELECT brief FROM storyset_briefs) "
                "ORDER BY created DESC, rowid DESC LIMIT ?",
                (RECENT_SOURCES, limit)).fetchall()
        return [{"id": r["id"], "created": r["created"], "parent": r["parent"],
                 "title": r["title"], "articles": r["n"],
                 "sources": [s for s in json.loads(r["sources"] or "[]") if s is not None],
                 "dates": [r["first"], r["last"]] if r["first"] else None} for r in rows]


    # ---- story sets (the Stories page) ----------------------------------------------------

    def save_stories(self, *, inputs: list[dict], settings: dict, result: dict,
                     briefs: dict[str, list[dict]], parent: str | None = None) -> dict:
        """Save a story set and, in the same transaction, each story's brief as a brief row
        (``briefs``: story id -> the inputs to keep with its brief, for a re-run)."""
        set_id = secrets.token_urlsafe(9)
        stories = []
        with self._lock, self._db:
            for s in result["stories"]:
                brief_id = None
                if s.get("brief") is not None:
                    brief_id = self._insert_brief(briefs[s["id"]], settings, s["brief"], None)
                    self._db.execute("INSERT INTO storyset_briefs (brief, storyset, story) "
                                     "VALUES (?, ?, ?)", (brief_id, set_id, s["id"]))
                stories.append({**s, "brief": None, "brief_id": brief_id})
            first = result["stories"][0]["headline"] if result["stories"] else None
            self._db.execute(
                "INSERT INTO storysets (id, created, parent, title, inputs, settings, result) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (set_id, _now(), parent, first and _SURROGATE.sub("\ufffd", first), _dumps(inputs),
                 _dumps(settings), _dumps({**result, "stories": stories})))
        return self.get_stories(set_id)

    def get_stories(self, set_id: str) -> dict | None:
        """The saved story set with its metadata and each story's brief, or None."""
        if not ID_PATTERN.match(set_id or ""):
            return None
        with self._lock:
            row = self._db.execute("SELECT * FROM storysets WHERE id = ?", (set_id,)).fetchone()
            if row is None:
                return None
            children = [r[0] for r in self._db.execute(
                "SELECT id FROM storysets WHERE parent = ? ORDER BY created, rowid", (set_id,))]
            result = json.loads(row["result"])
            for s in result["stories"]:
                if s.get("brief_id"):
                    b = self._db.execute("SELECT brief FROM briefs WHERE id = ?", (s["brief_id"],)).fetchone()
                    s["brief"] = json.loads(b[0]) if b else None
        return {"id": row["id"], "created": row["created"], "parent": row["parent"],
                "children": children, "title": row["title"], "inputs": json.loads(row["inputs"]),
                "settings": json.loads(row["settings"]), "result": result}

    def recent_stories(self, limit: int = 20) -> list[dict]:
        """The newest story sets: title (the biggest story's headline), how many articles and
        stories, the span of the stories' dates."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, created, parent, title, json_array_length(inputs) AS n, "
                "json_array_length(result, '$.stories') AS k, "
                "(SELECT min(json_extract(value, '$.first_date')) FROM json_each(storysets.result, "
                "   '$.stories')) AS first, "
                "(SELECT max(json_extract(value, '$.last_date')) FROM json_each(storysets.result, "
                "   '$.stories')) AS last "
                "FROM storysets ORDER BY created DESC, rowid DESC LIMIT ?", (limit,)).fetchall()
        return [{"id": r["id"], "created": r["created"], "parent": r["parent"], "title": r["title"],
                 "articles": r["n"], "stories": r["k"],
                 "dates": [r["first"], r["last"]] if r["first"] else None} for r in rows]


def brief_title(brief: dict) -> str | None:
    """A name for a brief in lists: its headline (briefs saved before it had one: the first
    used document's title)."""
    if brief.get("headline"):
        return brief["headline"]
    for d in brief.get("documents", []):
        if d.get("status") == "used" and d.get("title"):
            return d["title"]
    return None
