"""A single-file HTML report of a brief.

Every piece of article text goes through ``html.escape``: a ``<script>`` in an
article is shown as text, never run. The page has no scripts of its own.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from ..model import Document, Status
from ..text.dates import period_label, period_sort_key
from .common import head_and_more

if TYPE_CHECKING:  # only for annotations: the Brief class renders itself through this module
    from ..brief import Brief

_CSS = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d232b}
h1{font-size:1.6rem;margin-bottom:.2rem}.meta{color:#5b6570;margin-top:0}.caution{background:#fff4d6;border-left:4px solid #c98a00;padding:.4rem .7rem}
ol.summary li{margin:.5rem 0}.cite a{font-size:.78rem;text-decoration:none;background:#e8eef7;border-radius:4px;padding:0 .35rem;margin-left:.2rem;color:#1f4f8f}
.cite a.also{background:#eef5ea;color:#2d6a2d}
.cite details.more{display:inline}.cite details.more summary{display:inline;cursor:pointer;color:#555}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #e2e6ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
table.sources td:nth-child(3){white-space:nowrap}.status-used{color:#2d6a2d}.status-set_aside{color:#9a6700}.status-skipped{color:#a4262c}
details{margin:.6rem 0;border:1px solid #e2e6ea;border-radius:6px;padding:.5rem .8rem}summary{cursor:pointer;font-weight:600}
.doctext{white-space:pre-wrap;font-size:.92rem}mark{background:#fff3b0}mark:target{background:#ffd24d}
.verdict{font-size:.8rem;border-radius:4px;padding:0 .4rem}.v-agree{background:#eef5ea;color:#2d6a2d}
.v-conflict{background:#fdecec;color:#a4262c}.v-update{background:#fff4db;color:#8a5a00}.v-single{background:#f0f2f4;color:#5b6570}
ul.timeline li,ul.quotes li{margin:.35rem 0}
del.debris{color:#9aa3ad;text-decoration:line-through}del.debris::before{content:attr(data-kind) ": ";font-size:.75rem;color:#a4262c;text-decoration:none}
"""


def _anchor(doc_index: dict[str, int], doc: str, start: int) -> str:
    return f"d{doc_index[doc]}-{start}"


def _document_body(doc: Document, marks: dict[tuple[int, int], str]) -> str:
    """The document's text with cited sentences highlighted and debris struck through."""
    spans = [(s, e, "mark", anchor) for (s, e), anchor in marks.items()]
    spans += [(r.start, r.end, "debris", r.kind) for r in doc.removed]
    spans.sort()
    out, pos = [], 0
    for s, e, what, value in spans:
        if s < pos:  # overlapping spans cannot be nested in HTML: keep the first
            continue
        out.append(escape(doc.text[pos:s]))
        inner = escape(doc.text[s:e])
        if what == "mark":
            out.append(f'<mark id="{value}">{inner}</mark>')
        else:
            out.append(f'<del class="debris" data-kind="{escape(value)}">{inner}</del>')
        pos = e
    out.append(escape(doc.text[pos:]))
    return "".join(out)


def _cite(doc_index, marks, span, label: str | None = None) -> str:
    """A link to ``span`` highlighted in its article (registering the highlight)."""
    a = _anchor(doc_index, span.doc, span.start)
    marks[span.doc].setdefault((span.start, span.end), a)
    return f'<a href="#{a}" title="{escape(span.text)}">{escape(label or span.doc)}</a>'


def _timeline_dates(t) -> str:
    """Each distinct date of a timeline entry, with the words stating it."""
    seen: dict[str, tuple] = {}
    for d in t.dates or [t]:
        seen.setdefault(d.date, (d.granularity, d.expression))
    ordered = sorted(seen.items(), key=lambda kv: period_sort_key(kv[0], kv[1][0]))
    # HTML's datetime holds a year, month, ISO week or day; a quarter or season is shown only
    return " · ".join((f'<b><time datetime="{escape(date)}">{escape(period_label(date, g))}</time></b>'
                       if g in ("year", "month", "week", "day") else f'<b>{escape(period_label(date, g))}</b>')
                      + f' <small>({escape(expr)})</small>' for date, (g, expr) in ordered)


def _analysis_html(brief: Brief, doc_index, marks) -> str:
    a = brief.analysis
    if a is None:
        return ""
    status = {d.id: d.status for d in brief.documents}
    parts = []
    if a.facts:
        rows = []
        for f in a.facts:
            cites = "".join(_cite(doc_index, marks, m.sentence,
                                  f"{m.sentence.doc}: {(m.qualifier + ' ') if m.qualifier else ''}{m.value_text}")
                            for m in f.mentions)
            scope = f.scope_words()
            what = escape(f.quantity) + (f"<br><small>{escape(scope)}</small>" if scope else "")
            rows.append(f'<tr><td>{what}</td><td><span class="verdict v-{escape(f.verdict)}">'
                        f'{escape(f.verdict)}</span></td><td><span class="cite">{cites}</span>'
                        f'<br><small>{escape(f.note)}</small></td></tr>')
        parts.append('<h2>Facts and figures across sources</h2><table><thead><tr><th>what</th>'
                     f'<th>verdict</th><th>reports</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if a.timeline:
        groups: dict[bool, list[str]] = {False: [], True: []}
        for t in a.timeline:
            aside = t.set_aside or status.get(t.sentence.doc) not in (None, Status.USED)
            mark = ' <small class="status-set_aside">(set aside)</small>' if aside else ""
            groups[aside].append(f'<li>{_timeline_dates(t)} {escape(t.sentence.text.strip())} <span class="cite">'
                                 f'{_cite(doc_index, marks, t.sentence)}</span>{mark}</li>')
        html = '<h2>Timeline</h2>'
        if groups[False]:
            html += f'<ul class="timeline">{"".join(groups[False])}</ul>'
        if groups[True]:
            html += ('<h3 class="status-set_aside">From set-aside articles (not part of the story\'s own '
                     f'timeline)</h3><ul class="timeline set-aside">{"".join(groups[True])}</ul>')
        parts.append(html)
    if a.quotes:
        items = [f'<li>“{escape(q.text)}” — <b>{escape(q.speaker or "speaker not stated")}</b> '
                 f'<span class="cite">{_cite(doc_index, marks, q.sentence or q.span)}'
                 f'{"".join(_cite(doc_index, marks, s) for s in head_and_more(q.also_in)[0])}'
                 f'{_more_note(q.also_in)}</span></li>'
                 for q in a.quotes]
        parts.append(f'<h2>Quotes</h2><ul class="quotes">{"".join(items)}</ul>')
    if a.entities:
        rows = [f"<tr><td>{escape(e.name)}</td><td>{escape(e.label)}</td><td>"
                + escape(", ".join(f"{doc} ×{n}" for doc, n in e.mentions.items())) + "</td></tr>"
                for e in a.entities]
        parts.append("<h2>People, organisations and places</h2><table><thead><tr><th>name</th>"
                     f"<th>kind</th><th>mentions by source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return "\n".join(parts)


def _more_note(items: list) -> str:
    more = head_and_more(items)[1]
    return f' <small>and {more} more</small>' if more else ""


def render_html(brief: Brief) -> str:
    docs = brief.documents
    doc_index = {d.id: i for i, d in enumerate(docs)}
    marks: dict[str, dict[tuple[int, int], str]] = {d.id: {} for d in docs}

    items = []
    for s in brief.summary:
        sent = s.sentence
        anchor = _anchor(doc_index, sent.doc, sent.start)
        marks[sent.doc][(sent.start, sent.end)] = anchor
        cites = [f'<a href="#{anchor}" title="{escape(sent.text)}">{escape(sent.doc)}</a>']
        links = []
        for p in s.support:
            a = _anchor(doc_index, p.doc, p.start)
            marks[p.doc].setdefault((p.start, p.end), a)
            links.append(f'<a class="also" href="#{a}" title="{escape(p.text)}">{escape(p.doc)}</a>')
        shown, more = head_and_more(links)
        cites += shown
        if more:  # the rest one click away, no script needed
            cites.append(f'<details class="more"><summary>and {more} more</summary>'
                         f'{"".join(links[len(shown):])}</details>')
        items.append(f'<li>{escape(sent.text.strip())} <span class="cite">{"".join(cites)}</span></li>')

    rows = []
    for d in docs:
        kinds = Counter(r.kind for r in d.removed)
        removed = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(kinds.items())) or "—"
        rows.append(
            f"<tr><td>{escape(d.id)}</td><td>{escape(d.title or '—')}</td><td>{escape(d.date or '—')}</td>"
            f'<td class="status-{d.status.value}">{d.status.value.replace("_", " ")}'
            f"{'<br><small>' + escape(d.reason) + '</small>' if d.reason else ''}</td>"
            f"<td>{escape(removed)}</td></tr>")

    bodies = []
    for d in docs:
        if d.status is Status.SKIPPED:
            continue
        bodies.append(f'<details id="doc{doc_index[d.id]}"><summary>{escape(d.id)}'
                      f'{" — " + escape(d.title) if d.title else ""}</summary>'
                      f'<div class="doctext">{_document_body(d, marks[d.id])}</div></details>')

    analysis_html = _analysis_html(brief, doc_index, marks)
    used = sum(d.status is Status.USED for d in docs)
    title = escape(brief.headline)
    cautions = "".join(f'<p class="caution"><strong>Caution:</strong> {escape(c.text)}</p>\n'
                       for c in (brief.analysis.cautions if brief.analysis else []))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title} — newsweave brief</title><style>{_CSS}</style></head>
<body>
<h1>{title}</h1>
<p class="meta">{len(docs)} documents, {used} used · summary of {brief.words} words</p>
{cautions}<h2>Summary</h2>
<ol class="summary">
{chr(10).join(items) or '<li>No sentence fits the budget: raise the word or sentence limit.</li>'}
</ol>
{analysis_html}
<h2>Sources</h2>
<table class="sources"><thead><tr><th>id</th><th>title</th><th>date</th><th>status</th><th>debris removed</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<h2>Articles</h2>
<p class="meta">Highlighted: sentences the summary cites. Struck through: debris removed before summarizing.</p>
{''.join(bodies)}
</body></html>
"""
