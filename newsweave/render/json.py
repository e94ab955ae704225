"""The JSON form of a brief: a versioned contract (see docs/brief-schema.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..model import Analysis, Status

if TYPE_CHECKING:  # only for annotations: the Brief class renders itself through this module
    from ..brief import Brief

SCHEMA_VERSION = "1.1"


def _span(span) -> dict:
    return {"doc": span.doc, "start": span.start, "end": span.end, "text": span.text}


def _fact(f) -> dict:
    scope = f.scope or {"what": f.quantity, "where": None, "when": None, "according_to": []}
    return {"quantity": f.quantity, "verdict": f.verdict, "note": f.note, "docs": f.docs,
            "scope": {k: scope.get(k) for k in ("what", "where", "when", "according_to")},
            "mentions": [{**_span(m.sentence), "value": m.value, "value_text": m.value_text,
                          "qualifier": m.qualifier, "date": m.date,
                          "scope": {"what": m.what or f.quantity, "where": m.where, "when": m.when,
                                    "according_to": m.according_to}}
                         for m in f.mentions]}


def analysis_to_dict(analysis: Analysis | None) -> dict | None:
    if analysis is None:
        return None
    return {
        "timeline": [{"date": t.date, **_span(t.sentence), "expression": t.expression,
                      "relative": t.relative, "granularity": t.granularity, "set_aside": t.set_aside,
                      "dates": [{"date": d.date, "granularity": d.granularity, "expression": d.expression,
                                 "start": d.start, "end": d.end, "relative": d.relative} for d in t.dates]}
                     for t in analysis.timeline],
        "facts": [_fact(f) for f in analysis.facts],
        "quotes": [{**_span(q.span), "quote": q.text, "speaker": q.speaker,
                    "speaker_start": q.speaker_span.start if q.speaker_span else None,
                    "speaker_end": q.speaker_span.end if q.speaker_span else None,
                    "source_start": q.source_span.start if q.source_span else None,
                    "source_end": q.source_span.end if q.source_span else None,
                    "parts": [{"start": p.start, "end": p.end} for p in q.parts or [q.span]],
                    "also_in": [{"doc": s.doc, "start": s.start, "end": s.end} for s in q.also_in],
                    "sentence": _span(q.sentence) if q.sentence else None} for q in analysis.quotes],
        "entities": [{"name": e.name, "label": e.label, "total": e.total, "mentions": e.mentions}
                     for e in analysis.entities],
        "cautions": [{"text": c.text, "documents": c.documents} for c in analysis.cautions],
    }


def brief_to_dict(brief: Brief) -> dict:
    from .. import __version__

    docs = brief.documents
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"newsweave {__version__}",
        "headline": brief.headline,
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
        "analysis": analysis_to_dict(brief.analysis),
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
                "copy_of": d.copy_of,
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
