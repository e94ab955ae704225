"""Evaluation datasets: JSONL files of clusters, one per line:
``{"id": ..., "documents": [str, ...], "summaries": [str, ...], "query"?: {...}}``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..batch.clusters import query_text  # noqa: F401  (one reading of a cluster's query, for both)
from ..errors import InputError

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))


def read_records(path: str | os.PathLike, limit: int | None = None) -> list[dict]:
    """Clusters from a JSONL dataset; InputError with a one-line message on bad input."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; give a JSONL dataset of clusters "
                         f"(e.g. {SHARED / 'data' / 'multi_news' / 'validation.jsonl'})")
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a .jsonl file with one cluster per line")
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path} line {n}: not valid JSON ({e.msg}); "
                                 "give one JSON object per line") from None
            if not isinstance(rec, dict):
                raise InputError(f"{path} line {n}: expected a JSON object with "
                                 '"documents" and "summaries", not a {type(rec).__name__}')
            docs, refs = rec.get("documents"), rec.get("summaries")
            if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
                raise InputError(f'{path} line {n}: "documents" must be a list of article texts')
            if not isinstance(refs, list) or not refs or not all(isinstance(s, str) for s in refs):
                raise InputError(f'{path} line {n}: "summaries" must be a non-empty list of '
                                 "reference summaries (strings)")
            rec.setdefault("id", f"{path.stem}-{n}")
            records.append(rec)
    if not records:
        raise InputError(f"{path} holds no clusters")
    return records
