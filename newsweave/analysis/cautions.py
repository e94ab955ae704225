"""Cautions: what a reader should know before trusting a brief as one story.

A brief assumes its articles tell one story. With two articles the relevance stage sets one
aside as another story only when the other tells far more (``relevance.LONGER`` times its
words: a Multi-News cluster pairs a short piece on the Charleston church shooting with a long
report on Ferguson). Two unrelated articles of like length make a brief that mixes two
stories, and which one the reader meant cannot be told from the text (measured: keeping the
longer, or the one the summary draws on more, picks the right one 58–74 % of the time,
`bench/two_stories.py`), so nothing is dropped: the brief says so.

An article is flagged when it shares few words with the others (relevance under
``MAX_RELEVANCE``) and names no person, organisation or place that another used article
names, while both it and the others name at least ``MIN_NAMES`` (the entities part's list,
where a name counts when the cluster mentions it twice or more; a lower-cased text names
too few, and no caution is given). The raw Multi-News dev clusters, the seeds, the example
and DUC 2006 get none: the one pair it flagged there (Charleston / Ferguson) is now set apart
by relevance.
"""

from __future__ import annotations

from ..model import Caution, Document, Entity

MAX_RELEVANCE = 0.1
MIN_NAMES = 2


def two_stories(entities: list[Entity], documents: list[Document]) -> list[Caution]:
    """A caution for the used documents that may tell another story than the rest."""
    if len(documents) < 2:
        return []
    names = {d.id: {e.name for e in entities if e.mentions.get(d.id)} for d in documents}
    odd = []
    for d in documents:
        others = set().union(*(names[o.id] for o in documents if o is not d))
        if (d.relevance is not None and d.relevance < MAX_RELEVANCE and len(names[d.id]) >= MIN_NAMES
                and len(others) >= MIN_NAMES and not names[d.id] & others):
            odd.append(d)
    if not odd:
        return []
    if len(documents) == 2:
        a, b = documents
        return [Caution(f"{a.id} and {b.id} may be two different stories: they name no person, organisation "
                        f"or place in common and share few words (relevance {a.relevance:.2f}). The summary "
                        "draws on both; brief them apart (newsweave stories groups articles by story).",
                        [a.id, b.id])]
    return [Caution(f"{d.id} may be about another story: it names no person, organisation or place that the "
                    f"other articles name and shares few words with them (relevance {d.relevance:.2f}).",
                    [d.id]) for d in odd]
