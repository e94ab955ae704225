"""Corroboration: which other documents say essentially the same as a summary sentence."""

from __future__ import annotations

from .features import Cluster
from .model import Sentence, Support

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow)
READS = ("Scored", "Sentence")
WRITES = ("SummarySentence.support",)


def find_support(cluster: Cluster, sentence: Sentence, threshold: float) -> tuple[Support, ...]:
    """For each other document, its sentence closest to ``sentence``, if its TF-IDF cosine
    similarity is at least ``threshold`` (``Config.corroboration``)."""
    row = cluster.index_of(sentence)
    support = []
    for doc_id in cluster.doc_ids:
        if doc_id == sentence.doc:
            continue
        best, similarity = (x[0] for x in cluster.best_in_document(doc_id, [row]))
        if similarity >= threshold:
            s = cluster.sentences[best]
            support.append(Support(doc=s.doc, start=s.start, end=s.end, text=s.text,
                                   similarity=round(float(similarity), 3)))
    return tuple(sorted(support, key=lambda x: -x.similarity))
