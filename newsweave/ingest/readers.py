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
from .markup import strip_markup

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


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes have the pattern of UTF-16 text without a byte
    order mark (mostly Latin script: every other byte is zero, the ones between are not)."""
    sample = data[:8192]
    sample = sample[:len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> tuple[str | None, str]:
    """Decode bytes as text; returns (text, "") or (None, reason it is not text).

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, UTF-16 without one when its
    byte pattern shows, else Windows-1252 (what old Latin-1 files are read as)."""
    if not data.strip():
        return None, f"{source} is empty: give a file with article text"
    encodings = [enc for bom, enc in _BOMS if data.startswith(bom)][:1]
    if not encodings:
        guess = _utf16_without_bom(data)
        encodings = [guess] if guess else []
    if encodings:
        try:
            text = data.decode(encodings[0])
        except UnicodeDecodeError:
            return None, f"{source} is not readable text (broken {encodings[0].upper()}): save it as UTF-8"
        return check_text(text, source)
    if b"\x00" in data[:8192]:
        return None, f"{source} is a binary file, not text: convert it to .txt or .html first"
    try:
        return check_text(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few broken bytes (a surrogate's, a cut character) keeps its good
    # characters: each broken byte becomes U+FFFD. A file with no valid multi-byte character
    # at all is an old Latin-1/Windows-1252 file.
    lenient = data.decode("utf-8-sig", errors="replace")
    broken = lenient.count("\ufffd")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in lenient) and broken <= max(3, len(lenient) // 1000):
        return check_text(lenient, source)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves 5 bytes undefined: treat such files as binary
        return None, f"{source} is not readable text (unknown encoding): save it as UTF-8"
    return check_text(text, source)


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, source: str) -> tuple[str | None, str]:
    """(text with uniform line ends, "") when ``text`` is text; (None, why not) otherwise.
    A lone surrogate (which no file can hold, but a Python string can) becomes U+FFFD."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, f"{source} is empty: give a file with article text"
    if "\x00" in text[:8192]:
        return None, f"{source} is a binary file, not text: convert it to .txt or .html first"
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        return None, f"{source} looks binary, not text: convert it to .txt or .html first"
    text = _SURROGATE.sub("\ufffd", text)
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
    """One document, or several when the text uses the "|||||" separator (a separator before
    the first article or after the last one separates nothing: it is no empty article)."""
    if fmt == "html":
        return [html_to_document(text, base_id, source)]
    pieces = SEPARATOR.split(text)
    if len(pieces) == 1:
        return [_plain_document(text, base_id, source, fmt)]
    while pieces and not pieces[-1].strip():
        pieces.pop()
    first = next((i for i, p in enumerate(pieces) if p.strip()), len(pieces))
    numbered = list(enumerate(pieces, 1))[first:]
    if len(numbered) == 1:  # "|||||" only before or after one article
        i, piece = numbered[0]
        return text_to_documents(piece, base_id, source, "html" if _HTML_SNIFF.match(piece) else fmt)
    if not numbered:
        return [skipped(base_id, source, f"{source} holds only '|||||' separators, no article text")]
    docs = []
    for i, piece in numbered:
        doc_id, where = f"{base_id}#{i}", f"{source} (article {i})"
        if not piece.strip():
            docs.append(skipped(doc_id, where, f"{where} is empty: two '|||||' lines with nothing between"))
        else:
            sub_fmt = "html" if _HTML_SNIFF.match(piece) else fmt
            docs.extend(text_to_documents(piece, doc_id, where, sub_fmt))
    return docs


def _plain_document(text: str, doc_id: str, source: str, fmt: str) -> Document:
    """A plain-text or Markdown document; markup left in it is converted first (see markup)."""
    text = strip_markup(text)
    if not text.strip():
        return skipped(doc_id, source, f"{source} holds only markup, no article text")
    return Document(id=doc_id, text=text, source=source, format=fmt)


def _jsonl_records(text: str, source: str) -> list[tuple[int, object]]:
    """(line number, parsed value) of each non-blank line; a whole-file JSON value is line 1."""
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((n, json.loads(line)))
        except (json.JSONDecodeError, RecursionError) as e:
            if not records:  # maybe a pretty-printed single JSON object
                try:
                    return [(1, json.loads(text))]
                except (json.JSONDecodeError, RecursionError):
                    pass
            msg = getattr(e, "msg", "nested too deeply")
            raise InputError(f"{source} line {n} is not valid JSON ({msg}): "
                             'give one {"id": ..., "documents": [...]} object per line') from None
    return records


def _cluster_problem(record: object) -> str:
    """Why a parsed line is not a cluster ("" when it is one)."""
    if not isinstance(record, dict):
        return f'is a JSON {type(record).__name__}, not a {{"id": ..., "documents": [...]}} object'
    if "documents" not in record:
        return 'has no "documents" list'
    docs = record["documents"]
    if not isinstance(docs, list):
        return f'has "documents" as a JSON {type(docs).__name__}, not a list of texts'
    for i, d in enumerate(docs):
        if isinstance(d, dict):
            if not isinstance(d.get("text"), str):
                return (f'document {i} has no "text" string: give each document as a string or '
                        'as {"id": ..., "text": ...}')
            if "id" in d and not isinstance(d["id"], (str, int)):
                return f'document {i} has an "id" that is neither a string nor a number'
        elif not isinstance(d, str):
            return (f"document {i} is a JSON {type(d).__name__}: give each document as a string "
                    'or as {"id": ..., "text": ...}')
    rid = record.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        return 'has an "id" that is neither a string nor a number'
    return ""


def _cluster_name(record: dict, line: int) -> str:
    return str(record["id"]) if record.get("id") not in (None, "") else f"line{line}"


def read_jsonl_cluster(text: str, source: str, cluster_id: str | None, *,
                       id_option: str = "--id") -> list[Document]:
    """Read one cluster from a JSONL (or JSON) file: one ``{"id", "documents": [...]}`` object a
    line, each document a string or an ``{"id", "text"}`` object (the web API's shape)."""
    records = _jsonl_records(text, source)
    if not records:
        raise InputError(f'{source} holds no cluster: each line must be {{"id": ..., "documents": [...]}}')
    first_line: dict[str, int] = {}
    for n, record in records:
        problem = _cluster_problem(record)
        if problem:
            raise InputError(f"{source} line {n} {problem}")
        if record.get("id") not in (None, ""):
            key = str(record["id"])
            if key in first_line:
                raise InputError(f"{source} line {n} repeats the cluster id {key!r} of line "
                                 f"{first_line[key]}: give each cluster its own id")
            first_line[key] = n
    if cluster_id is None:
        if len(records) > 1:
            names = [_cluster_name(r, n) for n, r in records]
            how = f"{id_option}{names[0]!r}" if id_option.endswith("=") else f"{id_option} {names[0]}"
            raise InputError(f"{source} holds {len(records)} clusters: choose one with {id_option.rstrip('=')} "
                             f"(e.g. {how}; first ids: {', '.join(names[:3])})")
        line, record = records[0]
    else:
        matches = [(n, r) for n, r in records if _cluster_name(r, n) == str(cluster_id)]
        if not matches:
            names = [_cluster_name(r, n) for n, r in records]
            raise InputError(f"no cluster with id {cluster_id!r} in {source}: its ids are "
                             f"{', '.join(names[:5])}{' ...' if len(names) > 5 else ''}")
        line, record = matches[0]
    name = _cluster_name(record, line)
    docs = []
    for i, raw in enumerate(record["documents"]):
        given = raw.get("id") if isinstance(raw, dict) else None
        doc_id = str(given).strip() if given not in (None, "") and str(given).strip() else f"{name}#{i}"
        where = f"{source} {name} document {i}" + (f" ({doc_id})" if given not in (None, "") else "")
        body = raw["text"] if isinstance(raw, dict) else raw
        body, problem = check_text(body, where)
        if body is None:
            docs.append(skipped(doc_id, where, problem))
            continue
        docs.extend(text_to_documents(body, doc_id, where, sniff_format(body, "")))
    return docs


def read_file(path: Path, cluster_id: str | None = None, *, id_option: str = "--id") -> list[Document]:
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
        return read_jsonl_cluster(text, source, cluster_id, id_option=id_option)
    return text_to_documents(text, doc_id, source, sniff_format(text, suffix))
