"""Merging the groups that name the same entity: a surname or first name with the full
name, an acronym with what it abbreviates (per document), a shorter organisation name that
ends a longer one, "Homs province" with Homs, and spelling variants of a place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from ...text.lexicon import initials, is_acronym, name_core
from ...text.places import place_alias
from .groups import _Group, _union
from .mentions import _LEADING_THE, PLACE_NOUNS


def _merge(groups: dict[str, _Group], acronym_docs: dict[tuple[str, str], str]) -> None:
    gs = list(groups.values())
    persons = [g for g in gs if g.label == "person"]
    orgs = [g for g in gs if g.label == "org"]
    places = [g for g in gs if g.label == "place"]

    # People: the same core words ("Bashar al-Assad", "Bashar Assad"), then a lone surname
    # or first name with the one full name it belongs to.
    by_core: dict[tuple, _Group] = {}
    for g in sorted(persons, key=lambda g: -sum(g.variants.values())):
        core = tuple(name_core(g.key))
        if len(core) > 1 and core in by_core:
            _union(g, by_core[core])
        elif len(core) > 1:
            by_core[core] = g
    # "Sturdy Colls" is "Caroline Sturdy Colls" when that is the only longer name ending so
    multi = sorted((g for g in persons if len(name_core(g.key)) > 1 and g.merged_into is None),
                   key=lambda g: len(name_core(g.key)))
    for g in multi:
        core = name_core(g.key)
        longer = {h.root().key: h.root() for h in multi
                  if len(name_core(h.key)) > len(core) and name_core(h.key)[-len(core):] == core}
        if len(longer) == 1:
            _union(g, next(iter(longer.values())))
    full = [g for g in persons if len(name_core(g.key)) > 1 and g.merged_into is None]
    for g in gs:
        core = name_core(g.key)
        if len(core) != 1 or g.merged_into is not None:
            continue
        if g.label != "person" and (g.strong["place"] or g.strong["org"] or place_alias(g.key)
                                    or is_acronym(next(iter(g.variants)))):
            continue
        for pos in (-1, 0):
            hits = {h.root().key: h.root() for h in full if name_core(h.key)[pos] == core[0]}
            if len(hits) == 1:
                target = next(iter(hits.values()))
                _union(g, target)
                g.label = "person"
                break
            if g.label != "person":
                break  # an organisation or place only joins a person by surname

    # Organisations: acronyms (per document), "UN Security Council" = "United Nations
    # Security Council", and a shorter name ending a longer one.
    longs = [g for g in orgs if len(g.key.split()) > 1]
    by_initials: dict[str, list[_Group]] = defaultdict(list)
    for g in longs:
        for v in g.variants:
            ini = initials(_LEADING_THE.sub("", v))
            if len(ini) >= 2 and g not in by_initials[ini]:
                by_initials[ini].append(g)
    expansions: dict[str, str] = {}
    for g in orgs + [g for g in gs if g.label != "org" and is_acronym(next(iter(g.variants)))]:
        v = next(iter(g.variants))
        if not is_acronym(v) or g.merged_into is not None or len(g.key.split()) != 1:
            continue
        acr = v.replace(".", "")
        cands = by_initials.get(acr, [])
        if not cands:
            continue
        # Per document: the long form that document uses; the acronym's own group goes to
        # the long form most documents use.
        for var, ds in g.docs.items():
            for d in ds:
                local = [c for c in cands if any(d in dd for dd in c.docs.values())]
                if local:
                    acronym_docs[(d, var)] = local[0].key
        main = max(cands, key=lambda c: sum(len(ds) for ds in c.docs.values()))
        if len(cands) == 1:
            _union(g, main)
            g.label = "org"
            expansions[g.key] = main.key
        else:
            g.label = "org"
    for g in longs:
        if g.merged_into is not None:
            continue
        words = g.key.split()
        expanded = " ".join(expansions.get(w, w) for w in words)
        if expanded != g.key and expanded in groups:
            _union(g, groups[expanded])
    org_roots = {g.root() for g in orgs if g.root().label == "org"}
    for g in sorted(orgs, key=lambda g: len(g.key)):
        if g.merged_into is not None:
            continue
        words = g.key.split()
        hits = set()
        for h in org_roots:
            if h is g:
                continue
            hw = h.key.split()
            if len(hw) <= len(words):
                continue
            if len(words) > 1 and hw[-len(words):] == words:
                prefix = " ".join(hw[:-len(words)])
                if prefix in groups or prefix in expansions or prefix.endswith((" of the", " of")):
                    hits.add(h)
            elif len(words) == 1 and words[0] in hw and _same_doc(g, h) and not is_acronym(
                    next(iter(g.variants))) and words[0] != hw[0]:
                hits.add(h)
        if len(hits) == 1:
            _union(g, hits.pop())

    # Places: "Homs province" is Homs; spelling variants with the same last word.
    place_keys = {g.key: g for g in places}
    for g in places:
        m = re.match(rf"(.+) (?:{PLACE_NOUNS})$", g.key)
        if m and m.group(1) in place_keys:
            _union(g, place_keys[m.group(1)])
    roots = [g for g in places if g.merged_into is None]
    for i, a in enumerate(roots):
        for b in roots[i + 1:]:
            if a.root() is b.root():
                continue
            if _spelling_variants(a.key, b.key):
                big, small = (a, b) if sum(a.variants.values()) >= sum(b.variants.values()) else (b, a)
                _union(small, big)


def _same_doc(a: _Group, b: _Group) -> bool:
    da = set().union(*a.docs.values())
    db = set().union(*b.docs.values())
    return bool(da & db)


def _spelling_variants(a: str, b: str) -> bool:
    """"bab amr" / "baba amr": same number of words, same last word, the others nearly equal;
    "oskarby" / "oskarbi": one word each, nearly equal (not two places of the gazetteer)."""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) == 1:
        x, y = wa[0], wb[0]
        return (min(len(x), len(y)) >= 5 and x[:3] == y[:3] and not (place_alias(x) and place_alias(y))
                and SequenceMatcher(None, x, y).ratio() >= 0.85)
    if len(wa) != len(wb) or len(wa) < 2 or wa[-1] != wb[-1] or wa == wb:
        return False
    for x, y in zip(wa[:-1], wb[:-1]):
        if x == y:
            continue
        if min(len(x), len(y)) < 3:
            return False
        if not (x.startswith(y) or y.startswith(x) or SequenceMatcher(None, x, y).ratio() >= 0.8):
            return False
    return True
