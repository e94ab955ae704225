"""Turn raw bytes into documents: decoding, format detection, HTML extraction.

A reader never raises for one bad document: it returns a ``Document`` with status
``skipped`` and a reason, so the rest of the cluster is still summarized.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from ..model import Document, Status

# Limits protect a laptop from a runaway input (e.g. a whole mail archive dropped in
# by mistake). A typical cluster is well under 1 MB; see README "Limits".
MAX_DOCUMENT_BYTES = 5_000_000
MAX_TOTAL_BYTES = 50_000_000
MAX_DOCUMENTS = 500

# "|||||" separates the articles of a cluster in Multi-News files; users copy the convention.
SEPARATOR = re.compile(r"^[ \t]*\|\|\|\|\|[ \t]*$", re.M)

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def skipped(doc_id: str, source: str, reason: str) -> Document:
    return Document(id=doc_id, text="", source=source, status=Status.SKIPPED, reason=reason)


def decode(data: bytes, source: str) -> tuple[str | None, str]:
    """Decode bytes as text; returns (text, "") or (None, reason it is not text)."""
    if not data.strip():
        return None, f"{source} is empty: give a file with article text"
    if b"\x00" in data[:8192]:
        return None, f"{source} is a binary file, not text: convert it to .txt or .html first"
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 leaves 5 bytes undefined: treat such files as binary
        return None, f"{source} is not readable text (unknown encoding): save it as UTF-8"
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        return None, f"{source} looks binary, not text: convert it to .txt or .html first"
    return text.replace("\r\n", "\n").replace("\r", "\n"), ""


def sniff_format(text: str, suffix: str) -> str:
    if suffix in HTML_SUFFIXES or _HTML_SNIFF.match(text):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def html_to_document(html: str, doc_id: str, source: str) -> Document:
    """Extract the article from a web page with trafilatura (reader comments excluded)."""
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    text = (getattr(extracted, "text", None) or "") if extracted else ""
    if not text.strip():
        return skipped(doc_id, source, f"{source}: no article text found in the HTML page")
    title = getattr(extracted, "title", None) or None
    date = getattr(extracted, "date", None) or None
    doc = Document(id=doc_id, text=text, source=source, format="html", title=title)
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        doc.date = date
    return doc


def text_to_documents(text: str, base_id: str, source: str, fmt: str) -> list[Document]:
    """One document, or several when the text uses the "|||||" separator."""
    if fmt == "html":
        return [html_to_document(text, base_id, source)]
    pieces = SEPARATOR.split(text)
    if len(pieces) == 1:
        return [Document(id=base_id, text=text, source=source, format=fmt)]
    docs = []
    for i, piece in enumerate(pieces, 1):
        doc_id, where = f"{base_id}#{i}", f"{source} (article {i})"
        if not piece.strip():
            docs.append(skipped(doc_id, where, f"{where} is empty"))
        else:
            sub_fmt = "html" if _HTML_SNIFF.match(piece) else fmt
            docs.extend(text_to_documents(piece, doc_id, where, sub_fmt))
    return docs


def read_jsonl_cluster(text: str, source: str, cluster_id: str | None) -> list[Document]:
    """Read one cluster ({"id", "documents": [...]}) from a JSONL (or JSON) file."""
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            if n == 1:  # maybe a pretty-printed single JSON object
                try:
                    record = json.loads(text)
                except json.JSONDecodeError as e:
                    raise InputError(f"{source} is not valid JSON Lines (line {n}: {e.msg}): "
                                     'give one {"id": ..., "documents": [...]} object per line') from None
                records = [record]
                break
            raise InputError(f"{source} line {n} is not valid JSON: fix or remove that line") from None
        records.append(record)
    records = [r for r in records if isinstance(r, dict) and isinstance(r.get("documents"), list)]
    if not records:
        raise InputError(f'{source} holds no cluster: each line must be {{"id": ..., "documents": [...]}}')
    if cluster_id is None:
        if len(records) > 1:
            ids = ", ".join(str(r.get("id")) for r in records[:3])
            raise InputError(f"{source} holds {len(records)} clusters: choose one with --id "
                             f"(e.g. --id {records[0].get('id')}; first ids: {ids})")
        record = records[0]
    else:
        matches = [r for r in records if str(r.get("id")) == cluster_id]
        if not matches:
            raise InputError(f"no cluster with id {cluster_id!r} in {source}: "
                             f"ids look like {records[0].get('id')!r}")
        record = matches[0]
    docs = []
    for i, raw in enumerate(record["documents"]):
        doc_id, where = f"{record.get('id', 'cluster')}#{i}", f"{source} {record.get('id')} document {i}"
        if not isinstance(raw, str) or not raw.strip():
            docs.append(skipped(doc_id, where, f"{where} is empty or not a string"))
            continue
        docs.extend(text_to_documents(raw, doc_id, where, sniff_format(raw, "")))
    return docs


def read_file(path: Path, cluster_id: str | None = None) -> list[Document]:
    """Read one file into one or more documents (never raises for a bad document)."""
    source, doc_id = str(path), path.name
    suffix = path.suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        return [skipped(doc_id, source, f"{source}: unknown format {suffix!r}; "
                        "newsweave reads .txt, .md, .html and .jsonl files")]
    size = path.stat().st_size
    limit = MAX_TOTAL_BYTES if suffix in JSONL_SUFFIXES else MAX_DOCUMENT_BYTES
    if size > limit:
        raise InputError(f"{source} is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit: "
                         "split it or give the articles as separate files")
    text, problem = decode(path.read_bytes(), source)
    if text is None:
        return [skipped(doc_id, source, problem)]
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_cluster(text, source, cluster_id)
    return text_to_documents(text, doc_id, source, sniff_format(text, suffix))
