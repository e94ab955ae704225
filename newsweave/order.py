"""Reading order for the chosen sentences.

Sentences from one article stay together and in their original order (their
pronouns and "he added" keep pointing at the right thing). The articles come in date
order when every one of them states a date and the dates differ: a story told as it
developed, so a later report's "six are now known to have died" reads after an earlier
one's "two people were still missing", not before it. Otherwise (an undated article
could belong anywhere) they come in the order of their most salient chosen sentence, so
the summary opens with its best fact.
"""

from __future__ import annotations

from typing import Mapping

from .model import Scored

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow):
# the same sentences, in reading order
READS = ("Scored", "Document.date")
WRITES = ("Scored",)


def reading_order(chosen: list[Scored], dates: Mapping[str, str | None] | None = None) -> list[Scored]:
    """``chosen`` in reading order; ``dates`` maps document ids to ISO dates (or None)."""
    doc_rank: dict[str, float] = {}
    for item in chosen:
        doc_rank[item.sentence.doc] = max(doc_rank.get(item.sentence.doc, float("-inf")), item.score)
    first_seen = {doc: i for i, doc in enumerate(dict.fromkeys(c.sentence.doc for c in chosen))}
    dates = dates or {}
    chronological = (all(dates.get(doc) for doc in doc_rank)
                     and len({dates[doc] for doc in doc_rank}) > 1)

    def key(c: Scored):
        doc = c.sentence.doc
        by_salience = (-doc_rank[doc], first_seen[doc])
        # ISO dates sort as strings; on the same date the more salient article comes first
        return ((dates[doc], *by_salience) if chronological else by_salience) + (c.sentence.index,)

    return sorted(chosen, key=key)
