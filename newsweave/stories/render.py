"""The stories as Markdown and HTML (the JSON is ``build.result`` itself)."""

from __future__ import annotations

import html
import json


def _dates(s: dict) -> str:
    a, b = s["first_date"], s["last_date"]
    if not a:
        return "undated"
    return a if a == b else f"{a} – {b}"


def _article_line(a: dict) -> str:
    title = f" — {a['title']}" if a.get("title") else (f" — “{a['lead']}”" if a.get("lead") else "")
    date = f" ({a['date']})" if a.get("date") else ""
    copy = f" · copy of {a['copy_of']}" if a.get("copy_of") else ""
    return f"{a['id']}{title}{date}{copy}"


def to_markdown(data: dict) -> str:
    stories = data["stories"]
    out = [f"# Stories ({len(stories)})", ""]
    for s in stories:
        n = len(s["articles"])
        out += [f"## {s['headline']}", "",
                f"`{s['id']}` · {n} article{'s' if n != 1 else ''} · {_dates(s)}", ""]
        out += [f"- {_article_line(a)}" for a in s["articles"]] + [""]
        brief = s.get("brief")
        if brief:
            update = brief.get("update")
            if update is not None:
                out += [f"**New since the last brief** ({update.get('since') or 'earlier run'}):", ""]
                out += [f"- {x['text']} [{x['doc']}]" for x in update["sentences"]] or ["- nothing new"]
                out += [""]
            out += [" ".join(f"{x['text']} [{x['doc']}]" for x in brief.get("summary", [])), ""]
        elif s.get("brief_note"):
            out += [f"_No brief: {s['brief_note']}_", ""]
    return "\n".join(out).rstrip() + "\n"


def to_html(data: dict) -> str:
    e = html.escape
    stories = data["stories"]
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Stories</title>",
             "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
             ".meta{color:#555}.update{background:#fffbe6;padding:.5em}</style></head><body>",
             f"<h1>Stories ({len(stories)})</h1>"]
    for s in stories:
        parts.append(f"<section id='{e(s['id'])}'><h2>{e(s['headline'])}</h2>")
        parts.append(f"<p class='meta'>{e(s['id'])} · {len(s['articles'])} articles · {e(_dates(s))}</p><ul>")
        parts += [f"<li>{e(_article_line(a))}</li>" for a in s["articles"]]
        parts.append("</ul>")
        brief = s.get("brief")
        if brief:
            update = brief.get("update")
            if update is not None:
                items = "".join(f"<li>{e(x['text'])} <cite>{e(x['doc'])}</cite></li>" for x in update["sentences"])
                parts.append(f"<div class='update'><strong>New since the last brief</strong><ul>"
                             f"{items or '<li>nothing new</li>'}</ul></div>")
            parts.append("<p>" + " ".join(f"{e(x['text'])} <cite>[{e(x['doc'])}]</cite>"
                                          for x in brief.get("summary", [])) + "</p>")
        parts.append("</section>")
    parts.append(f"<script type='application/json' id='stories-data'>{e(json.dumps({'schema_version': data['schema_version']}))}</script>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"markdown": to_markdown, "html": to_html, "json": to_json}
