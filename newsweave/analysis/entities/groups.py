"""A group of mentions that name one entity, and its label decided from the evidence pooled
over the cluster (strong context first, then the majority of votes), with the vote that a
name coordinated with a place ("Homs and Hama") is a place too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .mentions import _key, _surface


@dataclass(eq=False)
class _Group:
    key: str
    votes: Counter = field(default_factory=Counter)  # label -> weight (spaCy labels and context)
    strong: Counter = field(default_factory=Counter)  # label -> decisive context evidence
    variants: Counter = field(default_factory=Counter)  # surface form -> mentions found by NER
    docs: dict = field(default_factory=dict)  # surface form -> set of documents
    label: str = ""
    merged_into: "_Group | None" = None

    def root(self) -> "_Group":
        g = self
        while g.merged_into is not None:
            g = g.merged_into
        return g


def _decide(g: _Group) -> str:
    if g.strong["place"] and not g.strong["person"] and g.strong["place"] >= g.strong["org"]:
        return "place"
    if g.strong["org"] and not g.strong["person"]:
        return "org"
    if g.strong["person"] and g.strong["person"] >= g.strong["place"]:
        return "person"
    votes = g.votes
    order = ("place", "org", "person")
    return max(order, key=lambda lab: (votes[lab], -order.index(lab)))


def _vote_coordinated_places(sentences, ents_per_sentence, groups: dict[str, _Group]) -> None:
    """"Homs and Hama", "Nubol and Zahraa": a name coordinated with a place, or followed by
    "in <place>", is a place too."""
    places = {k for k, g in groups.items() if g.label == "place"}
    for s, all_ents in zip(sentences, ents_per_sentence):
        ents = [e for e in all_ents if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")]
        for a, b in zip(ents, ents[1:]):
            between = s.text[a.end_char:b.start_char].strip()
            if between not in ("and", ",", "or", "in"):
                continue
            ka, kb = _key(_surface(a.text)), _key(_surface(b.text))
            if between == "in":
                if kb in places and ka in groups and ka not in places:
                    groups[ka].votes["place"] += 1
                continue
            if ka in places and kb in groups and kb not in places:
                groups[kb].votes["place"] += 2
            elif kb in places and ka in groups and ka not in places:
                groups[ka].votes["place"] += 2


def _union(small: _Group, big: _Group) -> None:
    small, big = small.root(), big.root()
    if small is big:
        return
    small.merged_into = big
    big.votes.update(small.votes)
    big.strong.update(small.strong)
    big.variants.update(small.variants)
    for v, ds in small.docs.items():
        big.docs.setdefault(v, set()).update(ds)
