"""``newsweave batch``: one brief per cluster of a JSONL file, on the engine.

Input: the cluster lines ``newsweave eval`` and ``newsweave brief --id`` read
(``{"id", "documents": [text | {"id", "text"}], "query"?}``; ``.jsonl.gz`` too). Output: one
line per cluster, in the order clusters complete (not input order): the brief's JSON with
the cluster's ``"id"`` first, or ``{"id", "error"}`` for a cluster that cannot be briefed.

Nothing lost, nothing done twice: every line is written whole and flushed as its cluster
completes, so a run that is killed leaves at most one incomplete last line, which
``--resume`` cuts off before it skips the ids already written.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..config import Config
from ..errors import InputError

# A small cluster briefed once per worker before its first real one (and once in the main
# process before the local workers fork), so that models load once, not per cluster.
_WARM_UP = ["The river burst its banks on Monday, flooding three villages, the council said. "
            "Hundreds of residents were moved to a school hall. More rain is expected this week.",
            "Three villages were flooded on Monday after the river burst its banks. The council "
            "moved hundreds of residents to a school hall. Forecasters expect more rain."]


def query_text(record: dict) -> str | None:
    """A cluster's query as one string: DUC's {title, narrative} joined, or a plain string."""
    q = record.get("query")
    if not q:
        return None
    if isinstance(q, dict):
        return " ".join(str(q[k]).strip() for k in ("title", "narrative") if q.get(k)) or None
    return str(q)


@dataclass(frozen=True)
class BriefTask:
    """Brief one cluster line: ``(id, line number, JSON text)`` -> ``(id, output line, ok)``."""

    source: str = "input"
    words: int | None = None
    sentences: int | None = None
    summarizer: str = Config.summarizer
    query: str | None = None
    keep_all: bool = False
    analyze: bool = True

    @property
    def key(self) -> str:
        return f"brief:{sorted(asdict(self).items())}"

    def config(self, query: str | None = None) -> Config:
        return Config(words=self.words, sentences=self.sentences, summarizer=self.summarizer,
                      query=query or self.query, keep_all=self.keep_all, analyze=self.analyze)

    def setup(self) -> None:
        from ..ingest import documents_from_texts
        from ..pipeline import run

        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # workers fork after it loads
        try:  # one BLAS thread per worker: the workers already share the cores (as Dask's do)
            from threadpoolctl import threadpool_limits

            threadpool_limits(limits=1)
        except ImportError:
            pass
        try:
            run(documents_from_texts(_WARM_UP), self.config())
        except InputError:
            pass

    def failed(self, item, reason: str) -> tuple:
        rid = item[0]
        return rid, json.dumps({"id": rid, "error": _one_line(reason)}, ensure_ascii=False), False

    def __call__(self, item) -> tuple:
        rid, _, text = item
        try:
            if self.analyze:  # spaCy's strings of this cluster are freed when it is done
                from ..analysis.nlp import load

                with load().memory_zone():
                    brief = self._brief(text)
            else:
                brief = self._brief(text)
        except InputError as e:
            return self.failed(item, str(e))
        return rid, json.dumps({"id": rid, **brief}, ensure_ascii=False), True

    def _brief(self, text: str) -> dict:
        from ..ingest import finish
        from ..ingest.readers import read_jsonl_cluster
        from ..pipeline import run

        record = json.loads(text)
        docs = finish(read_jsonl_cluster(text, self.source, None))
        return run(docs, self.config(query_text(record))).to_dict()


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "error"


def open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="\n")
    return open(path, encoding="utf-8", newline="\n")


def check_input(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file; give a JSONL file of clusters, one "
                         '{"id": ..., "documents": [...]} object per line')
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a .jsonl file with one cluster per line")


def count_lines(path: Path) -> int:
    """Non-blank lines (an upper bound of the clusters, for the progress bar)."""
    n = 0
    with open_text(path) as f:
        for line in f:
            n += bool(line.strip())
    return n


def read_clusters(path: Path) -> Iterator[tuple[str | int, int, str | None, str]]:
    """``(id, line number, JSON text or None, problem)`` of each non-blank line. The id is the
    cluster's, else ``line<N>`` (as ``newsweave brief --id`` names it); a line that is not a
    cluster comes with its problem and no text."""
    from ..ingest.readers import _cluster_problem

    with open_text(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as e:
                yield f"line{n}", n, None, f"{path} line {n} is not valid JSON ({getattr(e, 'msg', e)})"
                continue
            rid = record.get("id") if isinstance(record, dict) else None
            if rid in (None, "") or isinstance(rid, (bool, float, list, dict)):
                rid = f"line{n}"
            problem = _cluster_problem(record)
            yield rid, n, (None if problem else line.strip()), (f"{path} line {n} {problem}" if problem else "")


_ID_PREFIX = b'{"id": '
_DECODER = json.JSONDecoder()


def _line_id(raw: bytes, last: bool) -> str | None:
    """The id of one whole output line, None if it is not one. The id comes first in every
    line this module writes, so only it is decoded (a 100-million-line OUTPUT is read for its
    ids in minutes, not hours); the last line, the one a kill can cut short, is read whole."""
    if not raw.endswith(b"}\n"):
        return None
    try:
        if raw.startswith(_ID_PREFIX) and not last:
            value, _ = _DECODER.raw_decode(raw[len(_ID_PREFIX):].decode("utf-8"))
            return str(value)
        rec = json.loads(raw)
    except ValueError:
        return None
    return str(rec["id"]) if isinstance(rec, dict) and "id" in rec else None


def finished_ids(path: Path) -> set[str]:
    """The ids already in OUTPUT (as strings). An incomplete or unreadable last line (a run
    killed while writing it) is cut off, so that appending continues on a clean line."""
    done: set[str] = set()
    good = 0  # byte offset after the last good line
    with open(path, "rb") as f:
        data_end = f.seek(0, os.SEEK_END)
        f.seek(0)
        offset = 0
        for raw in f:
            offset += len(raw)
            if not raw.strip():
                good = offset
                continue
            rid = _line_id(raw, last=offset == data_end)
            if rid is not None:
                done.add(rid)
                good = offset
            elif offset != data_end:  # only the last line can be cut short by a kill
                raise InputError(f"{path}: the line ending at byte {offset} is not a brief or an "
                                 "error line of newsweave batch; is this the right OUTPUT?")
    if good != data_end:
        with open(path, "r+b") as f:
            f.truncate(good)
    return done
