"""The people, organisations and places a cluster talks about, with how often each
source mentions them.

spaCy's named entities (PERSON; ORG, and NORP only when it is an acronym such as
"SARC"; GPE, LOC, FAC) are the starting point. The small English model makes
predictable mistakes on news from elsewhere, so each name's label is decided from
evidence pooled over the whole cluster, context first:

* place: "the town / district / neighbourhood of X", "the X district", "X province",
  "X and <place>", a facility word after a name ("Hollin Reservoir", "Mill Hill"), and
  the gazetteer of countries and capitals (``text.places``);
* organisation: a name ending like one ("... Aid", "... Council") or introduced as one
  ("the campaign group Avaaz", "organization, Avaaz");
* person: a title or honorific before the name ("President", "Mr");
* otherwise the majority of spaCy's labels, and "in/from X" as a vote for a place.

Variants are merged: a surname or first name with the full name ("Assad", "Mr Assad",
"President Bashar al-Assad" -> "Bashar al-Assad"), an acronym with the name it abbreviates
in the same document, else in the cluster ("UN", "U.N.", "the United Nations"; "SNC" is
the Syrian National Council in one article and the Syrian National Coalition in another),
"UN Security Council" with "United Nations Security Council", a shorter name that ends a
longer one ("Security Council", "Red Cross", "Times"), gazetteer aliases ("U.S.", "US",
"the United States") and spelling variants of a place ("Bab Amr", "Baba Amr"). A
leading "the" and a possessive "'s" are dropped.

Mentions are counted by matching every variant in each document's kept sentences
(longest first), so a name counts even where the model missed it. Entities mentioned
only once in the whole cluster are dropped; the rest are ranked by how many documents
mention them, then by total mentions.

The modules: ``mentions`` finds the candidate mentions of a sentence, ``groups`` decides
labels, ``merging`` joins variants, ``text.places`` knows countries and capitals; counting the
mentions of each entity is here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ...model import Entity, Sentence
from ...text.lexicon import is_acronym, name_core
from ..part import AnalysisInput, Part
from ...text.places import place_alias
from .groups import _decide, _Group, _vote_coordinated_places
from .merging import _merge
from .mentions import _key, _mentions, _strip_titles

__all__ = ["Entities", "find_entities", "place_alias"]

MIN_TOTAL = 2  # entities mentioned once in the whole cluster are noise more often than not


def find_entities(sentences: list[Sentence], parsed) -> list[Entity]:
    """People, organisations and places with per-document mention counts, most widely
    mentioned first. Reads only the named entities of ``parsed`` (an ``nlp.Parses``)."""
    groups: dict[str, _Group] = {}
    acronym_docs: dict[tuple[str, str], str] = {}  # (doc, acronym) -> key of its long form there
    ents = [list(parsed.ents(i)) for i in range(len(sentences))]
    for s, doc_ents in zip(sentences, ents):
        for surface, label, weight, strong in _mentions(s, doc_ents):
            key = _key(surface)
            if not key:
                continue
            g = groups.setdefault(key, _Group(key))
            g.votes[label] += weight
            if strong:
                g.strong[label] += 1
            g.variants[surface] += 1
            g.docs.setdefault(surface, set()).add(s.doc)
    if not groups:
        return []
    for g in groups.values():
        g.label = _decide(g)
    _vote_coordinated_places(sentences, ents, groups)
    for g in groups.values():
        g.label = _decide(g)
    _merge(groups, acronym_docs)
    return _count(sentences, groups, acronym_docs)


def _display(g: _Group) -> str:
    variants = g.variants
    alias = place_alias(g.key) if g.label == "place" else None
    if alias:
        return alias
    if g.label == "person":
        best = max(variants, key=lambda v: (len(name_core(_key(v))), variants[v], len(v)))
        return _strip_titles(best)[0]
    if g.label == "org":
        longs = [v for v in variants if not is_acronym(v)]
        if longs:
            return max(longs, key=lambda v: (len(v.split()) > 1, not any(is_acronym(w) for w in v.split()),
                                             len(g.docs.get(v, ())), variants[v], len(v)))
    return max(variants, key=lambda v: (len(g.docs.get(v, ())), variants[v], len(v)))


def _count(sentences: list[Sentence], groups: dict[str, _Group],
           acronym_docs: dict[tuple[str, str], str]) -> list[Entity]:
    surface_to_root: dict[str, _Group] = {}
    for g in groups.values():
        root = g.root()
        for v in g.variants:
            if v not in surface_to_root or surface_to_root[v] is not root and \
                    sum(root.variants.values()) > sum(surface_to_root[v].variants.values()):
                surface_to_root[v] = root
    if not surface_to_root:
        return []
    pattern = re.compile(
        r"(?<![\w\u2019'-])(?:"
        + "|".join(re.escape(v) for v in sorted(surface_to_root, key=len, reverse=True))
        + r")(?![\w-])"
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    roots: dict[int, _Group] = {}
    for s in sentences:
        for m in pattern.finditer(s.text):
            v = m.group(0)
            key = acronym_docs.get((s.doc, v))
            g = groups[key].root() if key in groups else surface_to_root[v]
            counts[id(g)][s.doc] += 1
            roots[id(g)] = g
    out = []
    for gid, c in counts.items():
        g = roots[gid]
        if sum(c.values()) < MIN_TOTAL:
            continue
        label = {"person": "person", "org": "organisation", "place": "place"}[g.label]
        out.append(Entity(name=_display(g), label=label, mentions=dict(c)))
    out.sort(key=lambda e: (-len(e.mentions), -e.total, e.name))
    return out


class Entities(Part):
    """The entities as a part of the analysis (see ``part``): it reads only the named entities."""

    name = "entities"
    needs = ("parse",)

    def __call__(self, inp: AnalysisInput) -> list[Entity]:
        return find_entities(inp.sentences, inp.parsed)
