"""Facts and numbers across sources.

Finds the numeric claims of the used documents (people killed, evacuated, homes without
power, money, percentages, measurements), works out from the dependency parse what each
number counts and who reports it, groups the mentions of the same quantity across
documents and says whether the sources agree, conflict, or whether a later report
updates an earlier one. Also follows named people whose status changes between reports
("still trapped" in one, "reached Lebanon safely" in another).

Only the spaCy parse made once for all analyses is used (``nlp.parse``); everything here
is rules over it, so it adds a few milliseconds per cluster.

Each module has one job: ``numbers`` finds the numbers and reads their values,
``attribution`` works out what each counts and who says it, ``scope`` where, when and in
which year, ``verdicts`` groups them across documents (only figures of one scope) and writes
the verdicts, ``status`` follows named people; ``lexicon`` holds the word lists they share.
"""

from __future__ import annotations

from ...model import Document, Fact, Sentence, _natural_key
from ...text.words import content_words
from ..part import AnalysisInput, Part
from .attribution import _label, _what_is_counted
from .lexicon import _NOUN_CLASS
from .numbers import NumberMention, _candidates, _has_number, _make_mention
from .status import _may_have_status, _status_facts
from .verdicts import _group, _specific, _verdict

_RANK = {"conflict": 0, "update": 1, "agree": 2, "single": 3}


def find_facts(sentences: list[Sentence], parsed, documents: list[Document]) -> list[Fact]:
    """The numeric facts of the used documents, grouped across sources with a verdict.

    ``parsed`` is the cluster's ``nlp.Parses``: only the sentences of ``sentences_to_parse``
    are read in full."""
    dates = {d.id: d.date for d in documents}
    mentions: list[NumberMention] = []
    by_doc: dict[str, list[NumberMention]] = {}
    for order, sent in enumerate(sentences):
        if not _has_number(sent.text):
            continue
        doc = parsed[order]
        found = _sentence_mentions(sent, doc, order, dates.get(sent.doc), by_doc.get(sent.doc, []), parsed)
        mentions.extend(found)
        by_doc.setdefault(sent.doc, []).extend(found)
    for m in mentions:
        m.words = {w for w in content_words(m.sentence.text) if not any(ch.isdigit() for ch in w)}
    _full_source_names(by_doc)
    facts = [_verdict(g) for g in _group(mentions)
             if len({m.doc for m in g}) > 1 or any(_specific(m) for m in g)]
    facts.extend(_status_facts(sentences, parsed, dates))
    facts.sort(key=lambda f: (len(f.docs) < 2, -len(f.docs), _RANK[f.verdict],
                              _first_position(f, sentences)))
    return facts


def _full_source_names(by_doc: dict[str, list[NumberMention]]) -> None:
    """A short name ("the Observatory said") after the full one ("the Syrian Observatory for
    Human Rights said") in the same article is the same source: give it the full name."""
    for ms in by_doc.values():
        named = [m for m in ms if m.source]
        for m in named:
            short = m.source.lower()
            for other in named:
                full = other.source.lower()
                if len(full) > len(short) and f" {short} " in f" {full} ":
                    m.source, m.source_key = other.source, other.source_key
                    break


def sentences_to_parse(sentences: list[Sentence], parsed) -> set[int]:
    """The sentences whose parse ``find_facts`` reads: those with a number, and those that
    may give a named person's status (a person's name and a status word)."""
    return {i for i, s in enumerate(sentences)
            if _has_number(s.text) or _may_have_status(s.text, parsed.ents(i))}


def _first_position(fact: Fact, sentences: list[Sentence]) -> tuple:
    m = fact.mentions[0].sentence
    return (_natural_key(m.doc), m.start)


def _sentence_mentions(sent: Sentence, doc, order: int, date: str | None, earlier: list[NumberMention],
                       parsed) -> list[NumberMention]:
    text = sent.text
    out: list[NumberMention] = []
    for match in _candidates(text):
        m = _make_mention(match, sent, doc, order, date)
        if m is None:
            continue
        if not _what_is_counted(m, doc, match, out, earlier, parsed):
            continue
        if m.kind == "count" and m.value_text.lower() == "one" and not (m.event and m.noun in _NOUN_CLASS.values()):
            continue
        m.label = _label(m)
        out.append(m)
    return out


class Facts(Part):
    """The facts as a part of the analysis (see ``part``)."""

    name = "facts"
    needs = ("parse",)

    def sentences_to_parse(self, inp: AnalysisInput) -> set[int]:
        return sentences_to_parse(inp.sentences, inp.parsed)

    def __call__(self, inp: AnalysisInput) -> list[Fact]:
        return find_facts(inp.sentences, inp.parsed, inp.documents)
