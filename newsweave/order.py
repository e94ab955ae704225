"""Reading order for the chosen sentences.

Sentences from one article stay together and in their original order (their
pronouns and "he added" keep pointing at the right thing). The articles come in date
order when every one of them states a date and the dates differ: a story told as it
developed, so a later report's "six are now known to have died" reads after an earlier
one's "two people were still missing", not before it. Otherwise (an undated article
could belong anywhere) they come in the order of their most salient chosen sentence, so
the summary opens with its best fact.

Whatever the order, the summary's first sentence must stand on its own
(``summarizers.base.can_open``: no pronoun, connective, "the next day" or bare quotation
pointing at something before it, no "The <noun>" its article has not introduced). When the first article's first sentence does not, the first
article whose first sentence does comes first instead (the summarizer took one such sentence);
when none does (a summary of one article that opens on a quotation), the first sentence that
can open is taken out of its place and comes first: it leans on nothing, and whatever leans on
it still follows it.
"""

from __future__ import annotations

from typing import Mapping

from .model import Scored
from .summarizers.base import can_open

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow):
# the same sentences, in reading order
READS = ("Scored", "Document.date")
WRITES = ("Scored",)


def _opens(c: Scored) -> bool:
    """May it open the summary? The summarizer's judgement (``Kept.opens``, which knew the
    article's headline and lead) when it gave one, else ``can_open`` on the sentence alone."""
    opens = getattr(c, "opens", None)
    return can_open(c.sentence) if opens is None else opens


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

    ordered = sorted(chosen, key=key)
    if ordered and not _opens(ordered[0]):
        firsts = {}
        for c in ordered:
            firsts.setdefault(c.sentence.doc, c)
        opener = next((doc for doc, c in firsts.items() if _opens(c)), None)
        if opener is not None:
            ordered = ([c for c in ordered if c.sentence.doc == opener]
                       + [c for c in ordered if c.sentence.doc != opener])
        else:  # no article's first sentence can open: the first that can comes first alone
            first = next((c for c in ordered if _opens(c)), None)
            if first is not None:
                ordered = [first] + [c for c in ordered if c is not first]
    return ordered
