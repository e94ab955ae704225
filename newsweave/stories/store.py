"""The stories database (SQLite): what ``newsweave stories --db FILE`` keeps between runs.

Tables (all prefixed ``story_``, so the file can be the web app's own database):
``story_articles`` (one row per article: its story, text, date, content-word counts),
``story_postings`` (the words of each live article: an inverted index),
``story_df`` (document frequency of each word), ``story_sentences`` (in how many articles
each sentence stands: boilerplate), ``story_stories`` (id, headline, dates, the last brief)
and ``story_meta``. A run reads only the rows its new articles touch: the postings of their
words, the articles those find and the members of those articles' stories.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import datetime, timezone

from .features import Item

_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS story_articles (
    id TEXT PRIMARY KEY, story TEXT NOT NULL, seq INTEGER, text TEXT, title TEXT, date TEXT,
    source TEXT, url TEXT, copy_of TEXT, latest_year INTEGER, counts TEXT, live INTEGER);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story);
CREATE TABLE IF NOT EXISTS story_postings (term TEXT, article TEXT);
CREATE INDEX IF NOT EXISTS story_postings_term ON story_postings(term);
CREATE TABLE IF NOT EXISTS story_df (term TEXT PRIMARY KEY, n INTEGER);
CREATE TABLE IF NOT EXISTS story_sentences (hash INTEGER PRIMARY KEY, n INTEGER);
CREATE TABLE IF NOT EXISTS story_stories (
    id TEXT PRIMARY KEY, headline TEXT, first_date TEXT, last_date TEXT, size INTEGER,
    brief TEXT, brief_size INTEGER, updated TEXT);
"""


def _chunks(values, size=500):
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


class Store:
    """The grouping's index (``newsweave.stories.group.MemoryIndex``'s questions) in SQLite."""

    def __init__(self, path: str):
        self.db = sqlite3.connect(path)
        self.db.executescript(_SCHEMA)
        row = self.db.execute("SELECT value FROM story_meta WHERE key='live'").fetchone()
        self.n = int(row[0]) if row else 0

    def close(self) -> None:
        self.db.close()

    def known(self, ids) -> set[str]:
        out = set()
        for chunk in _chunks(ids):
            q = f"SELECT id FROM story_articles WHERE id IN ({','.join('?' * len(chunk))})"
            out.update(r[0] for r in self.db.execute(q, chunk))
        return out

    def doc_freq(self, terms) -> dict[str, int]:
        out = {}
        for chunk in _chunks(terms):
            q = f"SELECT term, n FROM story_df WHERE term IN ({','.join('?' * len(chunk))})"
            out.update(self.db.execute(q, chunk))
        return out

    def boilerplate_counts(self, hashes) -> dict[int, int]:
        out = {}
        for chunk in _chunks(hashes):
            q = f"SELECT hash, n FROM story_sentences WHERE hash IN ({','.join('?' * len(chunk))})"
            out.update(self.db.execute(q, chunk))
        return out

    def candidates(self, terms: list[str], limit: int) -> list[str]:
        if not terms:
            return []
        q = (f"SELECT article, COUNT(*) AS c FROM story_postings WHERE term IN ({','.join('?' * len(terms))}) "
             "GROUP BY article ORDER BY c DESC LIMIT ?")
        return [r[0] for r in self.db.execute(q, [*terms, limit])]

    def story_of(self, ids) -> dict[str, str]:
        out = {}
        for chunk in _chunks(ids):
            q = f"SELECT id, story FROM story_articles WHERE id IN ({','.join('?' * len(chunk))})"
            out.update(self.db.execute(q, chunk))
        return out

    def members(self, story_ids) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for chunk in _chunks(story_ids):
            q = (f"SELECT story, id FROM story_articles WHERE story IN ({','.join('?' * len(chunk))}) "
                 "ORDER BY seq")
            for sid, aid in self.db.execute(q, chunk):
                out.setdefault(sid, []).append(aid)
        return out

    def items(self, ids) -> dict[str, Item]:
        out = {}
        for chunk in _chunks(ids):
            q = ("SELECT id, text, title, date, source, url, copy_of, latest_year, counts FROM story_articles "
                 f"WHERE id IN ({','.join('?' * len(chunk))})")
            for aid, text, title, date, source, url, copy_of, year, counts in self.db.execute(q, chunk):
                out[aid] = Item(id=aid, text=text, title=title, date=date, source=source, url=url,
                                copy_of=copy_of, latest_year=year, counts=Counter(json.loads(counts or "{}")))
        return out

    def story(self, sid: str) -> dict | None:
        row = self.db.execute("SELECT headline, brief, brief_size, updated FROM story_stories WHERE id=?",
                              (sid,)).fetchone()
        if not row:
            return None
        return {"headline": row[0], "brief": json.loads(row[1]) if row[1] else None,
                "brief_size": row[2], "updated": row[3]}

    def all_story_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM story_stories")]

    def add(self, items: list[Item], story: dict[str, str], queries: dict[str, list[str]],
            sentences: Counter) -> None:
        """Record the new articles (``story``: article id -> story id) and their words."""
        row = self.db.execute("SELECT value FROM story_meta WHERE key='seq'").fetchone()
        seq = int(row[0]) if row else 0  # (not MAX(seq): that reads every row)
        rows = []
        for i, it in enumerate(items, seq + 1):
            rows.append((it.id, story[it.id], i, it.text, it.title, it.date, it.source, it.url,
                         it.copy_of, it.latest_year, json.dumps(dict(it.counts)), int(it.id in queries)))
        self.db.executemany("INSERT INTO story_articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.db.executemany("INSERT INTO story_postings VALUES (?,?)",
                            [(t, it.id) for it in items if it.id in queries for t in it.counts])
        df = Counter()
        for it in items:
            if it.id in queries:
                df.update(it.counts.keys())
        self.db.executemany("INSERT INTO story_df VALUES (?,?) ON CONFLICT(term) DO UPDATE SET n=n+excluded.n",
                            list(df.items()))
        self.db.executemany("INSERT INTO story_sentences VALUES (?,?) ON CONFLICT(hash) DO UPDATE SET n=n+excluded.n",
                            list(sentences.items()))
        self.db.execute("INSERT OR REPLACE INTO story_meta VALUES ('seq', ?)", (str(seq + len(items)),))
        self.n += len(queries)
        self.db.execute("INSERT OR REPLACE INTO story_meta VALUES ('live', ?)", (str(self.n),))

    def save_story(self, s: dict, brief_size: int | None) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.db.execute("INSERT OR REPLACE INTO story_stories VALUES (?,?,?,?,?,?,?,?)",
                        (s["id"], s["headline"], s["first_date"], s["last_date"], len(s["articles"]),
                         json.dumps(s["brief"]) if s["brief"] else None, brief_size, now))

    def commit(self) -> None:
        self.db.commit()
