"""Candidate mentions in one sentence: spaCy's named entities, corrected by their context
("the town of X", "Mr X", "the campaign group X"), each with a vote for a label (person,
organisation, place) and how strong that evidence is; and the key that groups the spellings
of one name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Sentence
from ...text.lexicon import HONORIFIC_ABBREVIATIONS, ORG_ENDINGS, ORG_NAME_NOUNS, TITLES
from ...text.places import place_alias

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
# "Mr Jarba", "Dr. Trigona", "Prof Moor": whoever follows is a person.
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(HONORIFIC_ABBREVIATIONS + ("Prof",)) + r")\.?\s+$")
_PREV_WORD = re.compile(r"(\w+)\s+(?:the\s+)?$")


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
