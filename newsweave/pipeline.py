"""The pipeline: documents -> cleaned -> sentences -> selected -> brief.

Each stage is a plain function in its own module; this file only wires them together under
one explicit configuration. ``STAGES`` lists them in flow order; each stage module declares
the fields of the data model it ``READS`` and ``WRITES`` (like a spaCy component's
``requires`` and ``assigns``), and ``flow_problems`` checks that nothing is read before a
stage writes it (docs/architecture.md shows the same table).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, replace

from . import (analysis, clean, copies, corroborate, ingest, language, listings, metadata, order, relevance,
               render, sentences, summarizers)
from .config import Config
from .corroborate import find_support
from .errors import InputError
from .features import Cluster
from .brief import Brief
from .metadata import add_metadata
from .model import Document, Status, SummarySentence
from .order import reading_order
from .relevance import set_aside_off_topic
from .sentences import split_sentences
from .summarizers import base as summarize  # the stage every summarizer is


STAGES = (("ingest", ingest), ("clean", clean), ("metadata", metadata), ("language", language),
          ("copies", copies), ("listings", listings),
          ("sentences", sentences),
          ("relevance", relevance), ("summarize", summarize), ("order", order),
          ("corroborate", corroborate), ("analyze", analysis), ("render", render))


def flow_problems(stages=STAGES) -> list[str]:
    """Every field a stage reads that no earlier stage writes (none, in a sound pipeline)."""
    written: set[str] = set()
    problems = []
    for name, module in stages:
        problems += [f"{name} reads {field}, which no earlier stage writes"
                     for field in module.READS if field not in written]
        written.update(module.WRITES)
    return problems


@dataclass
class Prepared:
    """A cluster ready to summarize: every stage before the summarizer has run."""

    documents: list[Document]  # cleaned copies of the input, statuses decided
    readable: list[Document]
    cluster: Cluster  # the used documents' sentences
    everything: Cluster  # all readable documents' sentences (for relevance and the timeline)
    timings: dict[str, float]


class _Clock:
    def __init__(self):
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self._last, 4)
        self._last = now


def prepare(documents: list[Document], config: Config = Config()) -> Prepared:
    """Clean, read metadata, split sentences and set aside off-topic documents."""
    clock = _Clock()
    # Work on copies: the caller's documents stay as they were given, so a run can be repeated.
    documents = [replace(d, removed=[]) for d in documents]
    for d in documents:
        if d.readable:
            d.status, d.reason = Status.USED, ""
    readable = [d for d in documents if d.readable]
    if len(readable) < max(config.min_documents, 1):
        raise InputError(_too_few_message(documents))

    for doc in readable:
        doc.removed = clean.find_debris(doc.text)
        add_metadata(doc)
    readable = language.set_aside_foreign(readable)  # an article not in English is set aside
    if len(readable) < max(config.min_documents, 1):
        raise InputError(_too_few_english_message(documents, readable))
    copies.mark_copies(readable)
    readable = [d for d in readable if not d.copy_of]  # a copy is counted once: as its original
    if len(readable) < max(config.min_documents, 1):
        raise InputError(_only_copies_message(documents))
    listings.set_aside_other_items(readable)  # a police report's other incidents, and the like
    clock.lap("clean")

    sentences = {d.id: split_sentences(d) for d in readable}
    clock.lap("split")
    if not any(sentences.values()):
        raise InputError("no sentences left after removing debris: give the articles' full text, "
                         "not headlines or page furniture")

    everything = Cluster(readable, [s for d in readable for s in sentences[d.id]], config.query)
    set_aside_off_topic(readable, everything, config.min_relevance)
    used = [d for d in readable if d.status is Status.USED or (config.keep_all and sentences[d.id])]
    for d in used:
        if d.status is Status.SET_ASIDE:  # kept by --keep-all: the judgement stays visible
            d.status, d.reason = Status.USED, f"kept at the user's request, although judged: {d.reason}"
    # Re-fit TF-IDF on the used documents only: word weights should not come from off-topic text.
    ran = Counter(d.copy_of for d in documents if d.copy_of)  # copies count in salience, not in citations
    cluster = Cluster(used, [s for d in used for s in sentences[d.id]], config.query,
                      weights={d.id: 1 + ran[d.id] for d in used if ran[d.id]})
    clock.lap("relevance")
    return Prepared(documents, readable, cluster, everything, clock.timings)


def run(documents: list[Document], config: Config = Config()) -> Brief:
    """Summarize a cluster of documents (as read by ``newsweave.ingest``) into a brief."""
    summarizer = summarizers.get(config.summarizer)  # fail on a bad name before any work
    prepared = prepare(documents, config)
    cluster = prepared.cluster
    clock = _Clock()

    budget = summarizers.Budget(words=config.words, sentences=config.sentences,
                                overflow=config.overflow)
    chosen = reading_order(summarizer.select(cluster, budget), {d.id: d.date for d in cluster.documents})
    clock.lap("summarize")

    summary = [SummarySentence(c.sentence, round(c.score, 4),
                               find_support(cluster, c.sentence, config.corroboration,
                                            getattr(c, "repeats", ())))
               for c in chosen]
    clock.lap("corroborate")

    found = None
    if config.analyze:
        found = analysis.analyze(cluster, prepared.readable, prepared.everything)
        clock.lap("analysis")

    return Brief(summary=summary, documents=prepared.documents, settings=asdict(config),
                 timings={**prepared.timings, **clock.timings}, analysis=found)


def _too_few_english_message(documents: list[Document], english: list[Document]) -> str:
    kept = {id(d) for d in english}
    foreign = [d for d in documents if d.readable and id(d) not in kept]
    return (f"only {len(english)} article is written in English ({foreign[0].id} is {foreign[0].reason}): "
            "a brief compares sources, so give at least 2 English articles about the same story")


def _only_copies_message(documents: list[Document]) -> str:
    copied = [d for d in documents if d.copy_of]
    return (f"{copied[0].id} is the same text as {copied[0].copy_of}: a brief compares sources, "
            "so give at least 2 different articles about the same story")


def _too_few_message(documents: list[Document]) -> str:
    skipped = [d for d in documents if not d.readable]
    if not documents:
        return "no documents given: a brief needs at least 2 articles about the same story"
    if skipped and len(documents) - len(skipped) < 2:
        return f"{skipped[0].reason} (a brief needs at least 2 readable articles)"
    return (f"only {len(documents) - len(skipped)} readable article given: a brief compares "
            "several sources, so give at least 2 articles about the same story")
