"""The Markdown form of a brief: what the terminal shows."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..model import Status
from ..text.dates import period_label, period_sort_key
from .common import head_and_more

if TYPE_CHECKING:  # only for annotations: the Brief class renders itself through this module
    from ..brief import Brief


def _excerpt(text: str, width: int = 70) -> str:
    """One line, at most ``width`` characters, Markdown-inert."""
    flat = " ".join(text.split())
    flat = flat if len(flat) <= width else flat[: width - 1] + "…"
    return "`" + flat.replace("`", "'") + "`"


# The terminal view shows the head of each list; the JSON and HTML forms carry everything.
MAX_ROWS = {"facts": 12, "timeline": 15, "timeline_set_aside": 5, "quotes": 12, "entities": 15}


def _set_aside(t, status) -> bool:
    return t.set_aside or status.get(t.sentence.doc) not in (None, Status.USED)


def _timeline_dates(t) -> str:
    """Each distinct date of an entry with the words stating it: "**2014-05-08** (Thursday)"."""
    seen, parts = set(), []
    for d in t.dates or [t]:
        if d.date not in seen:
            seen.add(d.date)
            parts.append((d.date, d.granularity, d.expression))
    parts.sort(key=lambda p: period_sort_key(p[0], p[1]))
    return " · ".join(f"**{period_label(date, g)}** ({expr})" for date, g, expr in parts)


def _more(n_total: int, n_shown: int) -> list[str]:
    return [f"- *… {n_total - n_shown} more in the JSON or HTML brief*"] if n_total > n_shown else []


def _analysis_sections(brief: Brief) -> list[str]:
    a = brief.analysis
    if a is None:
        return []
    status = {d.id: d.status for d in brief.documents}
    out: list[str] = []
    if a.facts:
        out += ["", "## Facts and figures across sources", ""]
        shown = a.facts[: MAX_ROWS["facts"]]
        for f in shown:
            out.append(f"- **{f.quantity}** ({f.verdict}): {f.note}")
            scope = f.scope_words()
            if scope:  # what the figure is limited to, and who gives it
                out.append(f"  - *scope:* {scope}")
        out += _more(len(a.facts), len(shown))
    if a.timeline:
        out += ["", "## Timeline", ""]
        own = [t for t in a.timeline if not _set_aside(t, status)]
        aside = [t for t in a.timeline if _set_aside(t, status)]
        shown = own[: MAX_ROWS["timeline"]]
        out += [f"- {_timeline_dates(t)} {t.sentence.text.strip()} [{t.sentence.doc}]" for t in shown]
        out += _more(len(own), len(shown))
        if aside:
            out += ["", "### From set-aside articles (not part of the story's own timeline)", ""]
            shown = aside[: MAX_ROWS["timeline_set_aside"]]
            out += [f"- {_timeline_dates(t)} {t.sentence.text.strip()} [{t.sentence.doc}] *(set aside)*"
                    for t in shown]
            out += _more(len(aside), len(shown))
    if a.quotes:
        out += ["", "## Quotes", ""]
        shown = a.quotes[: MAX_ROWS["quotes"]]
        for q in shown:
            also, more = head_and_more([s.doc for s in q.also_in])
            also = f" (also in {', '.join(also)}{f' and {more} more' if more else ''})" if also else ""
            out.append(f"- “{q.text}” — {q.speaker or 'speaker not stated'} [{q.span.doc}]{also}")
        out += _more(len(a.quotes), len(shown))
    if a.entities:
        out += ["", "## People, organisations and places", "",
                "| name | kind | mentions by source |", "|---|---|---|"]
        for e in a.entities[: MAX_ROWS["entities"]]:
            counts = ", ".join(f"{doc} ×{n}" for doc, n in e.mentions.items())
            out.append(f"| {e.name} | {e.label} | {counts} |")
    return out


def render_markdown(brief: Brief) -> str:
    docs = brief.documents
    used = [d for d in docs if d.status is Status.USED]
    aside = [d for d in docs if d.status is Status.SET_ASIDE]
    skipped = [d for d in docs if d.status is Status.SKIPPED]
    out = [f"# {brief.headline}", ""]
    out.append(f"*{len(docs)} documents: {len(used)} used, {len(aside)} set aside, "
               f"{len(skipped)} skipped · summary of {brief.words} words*")
    out += [f"\n> **Caution:** {c.text}" for c in (brief.analysis.cautions if brief.analysis else [])]
    out += ["", "## Summary", ""]
    for s in brief.summary:
        cite = f"[{s.sentence.doc}]"
        if s.also_in:
            shown, more = head_and_more([p.doc for p in s.support])  # the closest first
            cite += f" (also in {', '.join(shown)}{f' and {more} more' if more else ''})"
        out.append(f"- {s.sentence.text.strip()} {cite}")
    if not brief.summary:
        out.append("_No sentence fits the budget: raise --words or --sentences._")
    out += ["", "## Sources", "", "| id | title | date | status | debris removed |", "|---|---|---|---|---|"]
    for d in docs:
        kinds = Counter(r.kind for r in d.removed)
        removed = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(kinds.items())) or "—"
        title = (d.title or "—").replace("|", "\\|")
        out.append(f"| {d.id} | {title} | {d.date or '—'} | {d.status.value} | {removed} |")
    out += _analysis_sections(brief)
    if aside or skipped:
        out += ["", "## Set aside and skipped", ""]
        for d in aside + skipped:
            out.append(f"- **{d.id}** ({d.status.value}): {d.reason}")
    if any(d.removed for d in docs):
        out += ["", "## Debris removed", ""]
        for d in docs:
            for r in d.removed:
                line = d.text.count("\n", 0, r.start) + 1
                out.append(f"- {d.id} line {line}, {r.kind}: {_excerpt(r.text)}")
    out.append("")
    return "\n".join(out)
