"""The JSON form of a brief: a versioned contract (see docs/brief-schema.md)."""

from __future__ import annotations

import json

from ..model import Brief, Status

SCHEMA_VERSION = "1.0"


def brief_to_dict(brief: Brief) -> dict:
    from .. import __version__

    docs = brief.documents
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"newsweave {__version__}",
        "settings": brief.settings,
        "stats": {
            "documents": len(docs),
            "used": sum(d.status is Status.USED for d in docs),
            "set_aside": sum(d.status is Status.SET_ASIDE for d in docs),
            "skipped": sum(d.status is Status.SKIPPED for d in docs),
            "summary_sentences": len(brief.summary),
            "summary_words": brief.words,
        },
        "summary": [
            {
                "text": s.sentence.text,
                "doc": s.sentence.doc,
                "start": s.sentence.start,
                "end": s.sentence.end,
                "also_in": s.also_in,
                "score": s.score,
                "support": [
                    {"doc": p.doc, "start": p.start, "end": p.end, "text": p.text,
                     "similarity": p.similarity}
                    for p in s.support
                ],
            }
            for s in brief.summary
        ],
        "documents": [
            {
                "id": d.id,
                "source": d.source,
                "format": d.format,
                "title": d.title,
                "date": d.date,
                "status": d.status.value,
                "reason": d.reason,
                "relevance": d.relevance,
                "removed": [{"kind": r.kind, "line": d.text.count("\n", 0, r.start) + 1,
                             "start": r.start, "end": r.end, "text": r.text}
                            for r in d.removed],
                "text": d.text,
            }
            for d in docs
        ],
    }


def render_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent) + "\n"
