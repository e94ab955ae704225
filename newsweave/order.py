"""Reading order for the chosen sentences.

Sentences from one article stay together and in their original order (their
pronouns and "he added" keep pointing at the right thing); articles come in the
order of their most salient chosen sentence, so the summary opens with its best fact.
"""

from __future__ import annotations

from .summarizers import Scored


def reading_order(chosen: list[Scored]) -> list[Scored]:
    doc_rank: dict[str, float] = {}
    for item in chosen:
        doc_rank[item.sentence.doc] = max(doc_rank.get(item.sentence.doc, float("-inf")), item.score)
    first_seen = {doc: i for i, doc in enumerate(dict.fromkeys(c.sentence.doc for c in chosen))}
    return sorted(chosen, key=lambda c: (-doc_rank[c.sentence.doc], first_seen[c.sentence.doc],
                                         c.sentence.index))
