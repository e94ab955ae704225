"""What the quote tests share: find the quotations of texts of our own, and check their offsets."""

import pytest

from newsweave.model import Document
from newsweave.sentences import split_sentences

nlp = pytest.importorskip("newsweave.analysis.nlp")
from newsweave.analysis.quotes import find_quotes  # noqa: E402


def _quotes_of(documents):
    sentences = [s for d in documents for s in split_sentences(d)]
    return find_quotes(documents, sentences, nlp.parse(sentences))


def _quotes(*texts, removed=None):
    docs = [Document(id=f"d{i}", text=t, removed=(removed or {}).get(i, [])) for i, t in enumerate(texts)]
    return docs, _quotes_of(docs)


def _assert_exact(documents, quotes):
    by_id = {d.id: d for d in documents}
    for q in quotes:
        doc = by_id[q.span.doc]
        assert doc.text[q.span.start:q.span.end] == q.span.text
        assert q.span.text[0] in "\u201c\"\u2018\u201d"
        assert q.parts and q.parts[0].start == q.span.start and q.parts[-1].end == q.span.end
        for part, piece in zip(q.parts, q.text.split(" \u2026 ")):
            assert doc.text[part.start:part.end] == part.text and piece in " ".join(part.text.split())
        assert q.sentence is not None and q.sentence.start <= q.span.start < q.sentence.end
        assert doc.text[q.sentence.start:q.sentence.end] == q.sentence.text
        if q.speaker_span is not None:
            assert doc.text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text


def _by_start(quotes, words):
    """The quotation one of whose pieces starts with ``words``."""
    found = [q for q in quotes if any(piece.startswith(words) for piece in q.text.split(" \u2026 "))]
    assert len(found) == 1, f"{words!r}: {[q.text for q in quotes]}"
    return found[0]
