"""The people, organisations and places a cluster talks about, with how often each
source mentions them.

spaCy's named entities (PERSON; ORG, and NORP only when it is an acronym such as
"SARC"; GPE, LOC, FAC) are the starting point. The small English model makes
predictable mistakes on news from elsewhere, so each name's label is decided from
evidence pooled over the whole cluster, context first:

* place: "the town / district / neighbourhood of X", "the X district", "X province",
  "X and <place>", a facility word after a name ("Hollin Reservoir", "Mill Hill"), and
  a small gazetteer of countries and capitals written for this module;
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
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from ..model import Entity, Sentence
from ..text.lexicon import ORG_ENDINGS, ORG_NAME_NOUNS, PARTICLES, TITLES, initials, is_acronym

MIN_TOTAL = 2  # entities mentioned once in the whole cluster are noise more often than not

PLACE_NOUNS = ("city|cities|town|towns|village|villages|district|districts|neighbourhood|"
               "neighbourhoods|neighborhood|neighborhoods|province|provinces|region|suburb|suburbs|"
               "area|governorate|county|municipality|capital|port|island|valley")
# Capitalised words that make a name a place ("Hollin Reservoir", "Mill Hill", "Quay Street").
PLACE_ENDINGS = frozenset("""
reservoir river street road avenue lane square park lake hill hills valley bay bridge dam airport
harbour harbor port mountain mountains island islands sea ocean gulf strait canal coast desert
""".split())
PLACE_PREPS = frozenset({"in", "inside", "into", "from", "near", "outside", "across", "around",
                         "throughout", "toward", "towards"})

_NAME = r"(?:(?:al|el|ad|as|ar|an|ash)-)?[A-Z][\w\u2019'-]*"
_NAMES = rf"{_NAME}(?:\s+{_NAME})*"
_PLACE_OF = re.compile(rf"\b(?:{PLACE_NOUNS}) of ((?:{_NAMES})(?:(?:,\s*|\s+and\s+){_NAMES})*)")
_PLACE_BEFORE = re.compile(rf"({_NAMES})\s+(?:district|neighbou?rhood|province|governorate|region|suburb)\b")
_SPLIT_NAMES = re.compile(r",\s*|\s+and\s+")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_NOT_NAME_START = frozenset("The A An This That These Those His Her Its Their Our My Your".split())

STRONG = 3  # weight of context evidence against one spaCy label
_SECRETARY_OF = re.compile(r"\bSecretary(?:-General)? of\s+(?:the\s+)?$")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_ORG_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(ORG_NAME_NOUNS))}),?\s+(?:the\s+)?$", re.I)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+$")
_PREV_WORD = re.compile(r"(\w+)\s+(?:the\s+)?$")


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


# --- mentions -------------------------------------------------------------------------------


def _mentions(s: Sentence, ents: list):
    """(surface, label, weight, strong) for each candidate mention in one sentence."""
    text = s.text
    i = 0
    while i < len(ents):
        ent = ents[i]
        start, end, label = ent.start_char, ent.end_char, ent.label_
        j = i
        # "Talal" + "al-Barazi": adjacent PERSON pieces are one name
        while label == "PERSON" and j + 1 < len(ents) and ents[j + 1].label_ == "PERSON" \
                and text[end:ents[j + 1].start_char].strip() == "":
            j += 1
            end = ents[j].end_char
        nxt = ents[j + 1] if j + 1 < len(ents) else None
        i = j + 1
        if label == "ORG" and nxt is not None and nxt.label_ == "PERSON" \
                and text[end:nxt.start_char].strip() == "":
            continue  # "U.N. Resident Coordinator Yaacub El Hillo": a title, not an organisation
        before = text[max(0, start - 40):start]
        if _SECRETARY_OF.search(before):
            continue  # "Secretary of State": part of a title
        kind = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
                "NORP": "norp"}.get(label)
        if kind is None:
            continue
        surface = _surface(text[start:end])
        if not surface:
            continue
        # A facility word after the name: "Hollin" + " Reservoir", "Mill Hill"
        m = _NEXT_WORD.match(text, end)
        if m and m.group(1).lower() in PLACE_ENDINGS and kind in ("person", "org"):
            surface = _surface(text[start:m.end()])
            kind = "place"
            yield surface, "place", 1, True
            continue
        words = surface.split()
        if kind == "norp":
            if surface.replace(".", "").isupper() and len(surface.replace(".", "")) >= 2:
                kind = "org"  # "SARC": an organisation the model took for a nationality
            elif words[-1].lower() in ORG_ENDINGS:
                kind = "org"
            else:
                continue  # "Syrian", "Shiite": adjectives, not actors
        if kind != "person" and len(words) == 1 and _HONORIFIC_BEFORE.search(before):
            kind = "person"  # "Dr. Trigona", "Mr Jarba", whatever the model says
        if kind == "person":
            stripped, titled = _strip_titles(surface)
            titled = titled or _titled_before(before)
            if not stripped:
                continue
            surface = stripped
            if any(ch.isdigit() for ch in surface):
                continue
            if surface.split()[-1].lower() in ORG_ENDINGS:  # "Harbourlight Aid", "Observatory"
                yield surface, "org", 1, True
                continue
            if titled:
                yield surface, "person", 1, True
                continue
        strong_org = _ORG_BEFORE.search(before) is not None
        if strong_org:
            yield surface, "org", 1, True
        elif kind == "place" or kind == "org" and len(words) > 1 and words[-1].lower() in ORG_ENDINGS:
            yield surface, kind, 1, place_alias(surface) is not None or kind == "org"
        else:
            yield surface, kind, 1, False
        prev = _PREV_WORD.search(before)
        if prev and prev.group(1).lower() in PLACE_PREPS and kind != "place":
            yield surface, "place", 1, False  # "in Homs": a weak vote for a place
    # Places named by their context, whatever the model made of them (or if it missed them).
    for rx in (_PLACE_OF, _PLACE_BEFORE):
        for m in rx.finditer(text):
            for part in _SPLIT_NAMES.split(m.group(1)):
                part = _surface(part)
                if not part or part.split()[0] in _NOT_NAME_START:
                    continue
                ps = text.find(part, m.start(1))
                if _is_norp(ents, ps):
                    continue  # "a Christian district"
                yield part, "place", STRONG, True


def _is_norp(ents: list, start: int) -> bool:
    for ent in ents:
        if ent.start_char <= start < ent.end_char:
            return ent.label_ == "NORP"
    return False


def _surface(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text) if re.search(r"\w['\u2019]s?$", text) else text
    text = text.strip(" ,.;:()[]\"\u201c\u201d\u2018\u2019") if not re.search(r"[A-Z]\.$", text) \
        else text.strip(" ,;:()[]\"\u201c\u201d\u2018\u2019")
    if not text or not (text[0].isupper() or text[0].isdigit() or place_alias(text)):
        return ""
    return text


def _strip_titles(surface: str) -> tuple[str, bool]:
    words = surface.split()
    n = 0
    while n < len(words) - 1 and words[n].lower().rstrip(".") in TITLES:
        n += 1
    return " ".join(words[n:]), n > 0


def _titled_before(before: str) -> bool:
    m = re.search(r"(\w+)\.?\s+$", before)
    return bool(m and m.group(1).lower() in TITLES and m.group(1)[0].isupper())


@lru_cache(maxsize=4096)
def _key(surface: str) -> str:
    alias = place_alias(surface)
    if alias:
        return alias.lower()
    t = surface.replace("\u2019", "'")
    t = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)", r"\1", t)  # U.N. -> UN.
    t = re.sub(r"\b([A-Z]{2,})\.", r"\1", t)
    t = t.lower().replace("-", " ")
    return " ".join(t.split())


# --- labels -----------------------------------------------------------------------------------


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


# --- merging ----------------------------------------------------------------------------------


def _core(key: str) -> list[str]:
    words = [w for w in key.replace(".", "").split() if w not in PARTICLES]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words


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


def _merge(groups: dict[str, _Group], acronym_docs: dict[tuple[str, str], str]) -> None:
    gs = list(groups.values())
    persons = [g for g in gs if g.label == "person"]
    orgs = [g for g in gs if g.label == "org"]
    places = [g for g in gs if g.label == "place"]

    # People: the same core words ("Bashar al-Assad", "Bashar Assad"), then a lone surname
    # or first name with the one full name it belongs to.
    by_core: dict[tuple, _Group] = {}
    for g in sorted(persons, key=lambda g: -sum(g.variants.values())):
        core = tuple(_core(g.key))
        if len(core) > 1 and core in by_core:
            _union(g, by_core[core])
        elif len(core) > 1:
            by_core[core] = g
    # "Sturdy Colls" is "Caroline Sturdy Colls" when that is the only longer name ending so
    multi = sorted((g for g in persons if len(_core(g.key)) > 1 and g.merged_into is None),
                   key=lambda g: len(_core(g.key)))
    for g in multi:
        core = _core(g.key)
        longer = {h.root().key: h.root() for h in multi
                  if len(_core(h.key)) > len(core) and _core(h.key)[-len(core):] == core}
        if len(longer) == 1:
            _union(g, next(iter(longer.values())))
    full = [g for g in persons if len(_core(g.key)) > 1 and g.merged_into is None]
    for g in gs:
        core = _core(g.key)
        if len(core) != 1 or g.merged_into is not None:
            continue
        if g.label != "person" and (g.strong["place"] or g.strong["org"] or place_alias(g.key)
                                    or is_acronym(next(iter(g.variants)))):
            continue
        for pos in (-1, 0):
            hits = {h.root().key: h.root() for h in full if _core(h.key)[pos] == core[0]}
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


# --- counting ---------------------------------------------------------------------------------


def _display(g: _Group) -> str:
    variants = g.variants
    alias = place_alias(g.key) if g.label == "place" else None
    if alias:
        return alias
    if g.label == "person":
        best = max(variants, key=lambda v: (len(_core(_key(v))), variants[v], len(v)))
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

# --- gazetteer ------------------------------------------------------------------------------
# Countries (with common short forms) and capital cities, written for this module. One line per
# place: the name shown, then other names it goes by.
_GAZETTEER = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia;
Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin;
Bhutan; Bolivia; Bosnia and Herzegovina|Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso;
Burundi; Cambodia; Cameroon; Canada; Cape Verde; Central African Republic; Chad; Chile; China;
Colombia; Comoros; Congo; Democratic Republic of Congo|DRC|Democratic Republic of the Congo;
Costa Rica; Croatia; Cuba; Cyprus; Czech Republic|Czechia; Denmark; Djibouti; Dominica;
Dominican Republic; Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini;
Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada;
Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary; Iceland; India; Indonesia;
Iran; Iraq; Ireland; Israel; Italy; Ivory Coast|Cote d'Ivoire; Jamaica; Japan; Jordan;
Kazakhstan; Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia;
Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia;
Montenegro; Morocco; Mozambique; Myanmar|Burma; Namibia; Nauru; Nepal; Netherlands|Holland;
New Zealand; Nicaragua; Niger; Nigeria; North Korea; North Macedonia|Macedonia; Norway; Oman;
Pakistan; Palau; Palestine|Palestinian Territories; Panama; Papua New Guinea; Paraguay; Peru;
Philippines; Poland; Portugal; Qatar; Romania; Russia|Russian Federation; Rwanda;
Saint Lucia; Samoa; San Marino; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone;
Singapore; Slovakia; Slovenia; Solomon Islands; Somalia; South Africa; South Korea; South Sudan;
Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania;
Thailand; Timor-Leste|East Timor; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkey|Turkiye;
Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates|UAE|U.A.E.;
United Kingdom|UK|U.K.|Britain|Great Britain; United States|US|U.S.|USA|U.S.A.|America;
Uruguay; Uzbekistan; Vanuatu; Vatican|Vatican City|Holy See; Venezuela; Vietnam; Yemen; Zambia;
Zimbabwe; Gaza|Gaza Strip; West Bank; Kurdistan; Europe; Africa; Asia; Middle East;
Kabul; Tirana; Algiers; Luanda; Buenos Aires; Yerevan; Canberra; Vienna; Baku; Manama; Dhaka;
Minsk; Brussels; Porto-Novo; La Paz; Sarajevo; Gaborone; Brasilia; Sofia; Ouagadougou;
Phnom Penh; Yaounde; Ottawa; Bangui; N'Djamena; Santiago; Beijing|Peking; Bogota; Kinshasa;
Brazzaville; San Jose; Zagreb; Havana; Nicosia; Prague; Copenhagen; Cairo; Tallinn; Addis Ababa;
Helsinki; Paris; Libreville; Banjul; Tbilisi; Berlin; Accra; Athens; Guatemala City; Conakry;
Tegucigalpa; Budapest; Reykjavik; New Delhi|Delhi; Jakarta; Tehran; Baghdad; Dublin; Jerusalem;
Rome; Kingston; Tokyo; Amman; Astana; Nairobi; Pristina; Kuwait City; Bishkek; Vientiane; Riga;
Beirut; Maseru; Monrovia; Tripoli; Vilnius; Antananarivo; Lilongwe; Kuala Lumpur; Bamako;
Valletta; Nouakchott; Mexico City; Chisinau; Ulaanbaatar; Podgorica; Rabat; Maputo; Naypyidaw;
Windhoek; Kathmandu; Amsterdam; The Hague; Wellington; Managua; Niamey; Abuja; Pyongyang; Skopje;
Oslo; Muscat; Islamabad; Ramallah; Panama City; Asuncion; Lima; Manila; Warsaw; Lisbon; Doha;
Bucharest; Moscow; Kigali; Riyadh; Dakar; Belgrade; Freetown; Bratislava; Ljubljana; Mogadishu;
Pretoria; Seoul; Juba; Madrid; Colombo; Khartoum; Paramaribo; Stockholm; Bern; Damascus; Taipei;
Dushanbe; Dodoma; Bangkok; Dili; Lome; Tunis; Ankara; Ashgabat; Kampala; Kyiv|Kiev; Abu Dhabi;
London; Washington|Washington DC|Washington, D.C.; Montevideo; Tashkent; Caracas; Hanoi; Sanaa;
Lusaka; Harare; Geneva; New York|New York City; Istanbul; Dubai; Mecca; Aleppo; Mosul; Basra;
Benghazi; Alexandria; Karachi; Mumbai|Bombay; Shanghai; Hong Kong; Los Angeles; Chicago; Sydney;
Toronto; Frankfurt; Munich; Milan; Barcelona
"""


def _build_gazetteer() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in _GAZETTEER.replace("\n", " ").split(";"):
        names = [n.strip() for n in entry.split("|") if n.strip()]
        for n in names:
            out[n.lower()] = names[0]
    return out


_GAZ = _build_gazetteer()


@lru_cache(maxsize=4096)
def place_alias(name: str) -> str | None:
    """The gazetteer's name for a country or capital ("U.S." -> "United States"), else None."""
    t = " ".join(name.split()).lower()
    t = re.sub(r"^the\s+", "", t)
    return _GAZ.get(t)
