"""Facts and numbers across sources.

Finds the numeric claims of the used documents (people killed, evacuated, homes without
power, money, percentages, measurements), works out from the dependency parse what each
number counts and who reports it, groups the mentions of the same quantity across
documents and says whether the sources agree, conflict, or whether a later report
updates an earlier one. Also follows named people whose status changes between reports
("still trapped" in one, "reached Lebanon safely" in another).

Only the spaCy parse made once for all analyses is used (``nlp.parse``); everything here
is rules over it, so it adds a few milliseconds per cluster.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..features import content_words
from ..model import Document, Fact, FactMention, Sentence, Span, _natural_key

# ---------------------------------------------------------------------------------------
# Lexicons

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}
# Vague quantities: "hundreds of civilians" -> a range, not a point.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 9.99e6), "tens of millions": (2e7, 9.99e7),
}
_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                     "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD",
                   "pound": "GBP", "pounds": "GBP", "yen": "JPY", "yuan": "CNY",
                   "rupees": "INR", "francs": "CHF"}
_CURRENCY_SIGN = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_MEASURE_UNITS = {
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "cm": "cm", "centimetres": "cm",
    "centimeters": "cm", "km": "km", "kilometres": "km", "kilometers": "km", "miles": "miles",
    "metres": "m", "meters": "m", "kg": "kg", "kilograms": "kg", "tonnes": "tonnes",
    "tons": "tons", "litres": "litres", "liters": "litres", "acres": "acres",
    "hectares": "hectares", "inches": "inches", "feet": "feet", "mph": "mph", "km/h": "km/h",
}
_PERCENT_UNITS = {"%", "percent", "per cent", "pc", "per-cent"}

# Qualifier -> how it bounds the value: "approx", "lower" (the number is a floor),
# "upper" (a ceiling), "near" (just under).
_QUALIFIERS = {
    "well over": "lower", "well above": "lower", "more than": "lower", "over": "lower",
    "at least": "lower", "upwards of": "lower", "in excess of": "lower", "above": "lower",
    "no fewer than": "lower", "no less than": "lower", "just over": "lower", "more then": "lower",
    "up to": "upper", "fewer than": "upper", "less than": "upper", "under": "upper",
    "at most": "upper", "no more than": "upper", "below": "upper", "just under": "near",
    "nearly": "near", "almost": "near", "close to": "near", "some": "approx", "about": "approx",
    "around": "approx", "approximately": "approx", "roughly": "approx", "an estimated": "approx",
    "estimated": "approx", "as many as": "approx", "an approximate": "approx",
}
_QUALIFIER_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
    + r")\s*[\"“‘'‚]?\s*$", re.I)

_NUM_WORD_RE = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?<![\w.,/:$€£¥-])"
    r"(?P<cur>US\$|\$|€|£|¥|(?:USD|EUR|GBP)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?:a|(?:{_NUM_WORD_RE})(?:[- ](?:{_NUM_WORD_RE}))?)\s+dozen"
    rf"|(?:{_NUM_WORD_RE})(?:-(?:{_NUM_WORD_RE}))?(?:\s+(?:hundred|thousand|million|billion))?)"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|m|k)(?![\w]))?"
    r"(?:\s?(?P<unit>%|per[ -]?cent|percent|pc\b|euros?|dollars?|pounds?|yen|yuan|rupees|francs"
    r"|mm|millimet(?:re|er)s|cm|centimet(?:re|er)s|km/h|km|kilomet(?:re|er)s|miles|metres|meters"
    r"|kg|kilograms|tonnes|tons|litres|liters|acres|hectares|inches|feet|mph)(?![\w]))?",
    re.I)
_VAGUE_RE = re.compile(
    r"\b(?P<num>(?:tens|hundreds) of (?:thousands|millions)|dozens|scores|hundreds|thousands|millions)"
    r"(?= of\b)", re.I)
_ANY_NUMBER = re.compile(r"\d|\b(?:" + _NUM_WORD_RE + r"|dozen|dozens|scores|hundreds|thousands|millions)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_SKIP_BEFORE = re.compile(
    r"(?:\d\s?[–—-]\s?|[:/#№]\s?|\b(?:no\.|number|aged|age|ages|page|p\.|chapter|section|"
    r"article|resolution|flight|route|room|tel\.?|phone|call)\s*)$", re.I)
_SKIP_AFTER = re.compile(r"\s?[–—-]\s?\d|[:/]\d|\.\d")
_MONTH_AFTER = re.compile(r"\s?(?:january|february|march|april|may|june|july|august|september|"
                          r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b", re.I)
_TIME_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|bst\b|utc\b|cet\b|est\b|o'clock|h\b|hrs\b|"
                         r"st\b|nd\b|rd\b|th\b|s\b|-year|-month|-week|-day|-hour|-minute|:\d)", re.I)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}
_TIME_NOUNS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
               "time", "night", "morning", "evening", "afternoon", "weekend", "a.m.", "p.m.",
               "am", "pm", "o'clock", "season", "term", "round", "minute", "point", "page",
               "yard", "goal", "match", "game", "edition", "issue"}

# What is counted: noun lemma -> class.
_NOUN_CLASS = {
    **dict.fromkeys(["people", "person", "civilian", "resident", "inhabitant", "individual",
                     "citizen", "villager", "victim", "persons"], "people"),
    **dict.fromkeys(["fighter", "rebel", "militant", "insurgent", "gunman", "combatant",
                     "guerrilla", "jihadist", "militiaman"], "fighters"),
    **dict.fromkeys(["soldier", "troop", "serviceman", "servicemen"], "soldiers"),
    **dict.fromkeys(["policeman", "policemen", "officer"], "police officers"),
    **dict.fromkeys(["home", "house", "household", "dwelling", "residence", "apartment",
                     "property", "homes", "houses"], "homes"),
    **dict.fromkeys(["journalist", "reporter"], "journalists"),
    **dict.fromkeys(["child", "children", "kid"], "children"),
    **dict.fromkeys(["protester", "demonstrator"], "protesters"),
    **dict.fromkeys(["refugee"], "refugees"),
    **dict.fromkeys(["family"], "families"),
    **dict.fromkeys(["building"], "buildings"),
}
# Nouns that say both what is counted and what happened to it.
_EVENT_NOUNS = {
    "evacuee": ("people", "evacuated"), "death": ("people", "killed"),
    "fatality": ("people", "killed"), "dead": ("people", "killed"),
    "casualty": ("people", "casualties"), "injury": ("people", "wounded"),
    "arrest": ("people", "arrested"), "detainee": ("people", "arrested"),
    "hostage": ("people", "held hostage"), "prisoner": ("people", "held prisoner"),
}
# Event words (lemma or lower-cased text) -> normalised event.
_EVENTS = {
    **dict.fromkeys(["kill", "killed", "die", "died", "dead", "death", "deaths", "perish",
                     "fatality", "fatalities", "slay", "murder", "toll"], "killed"),
    **dict.fromkeys(["execute", "execution", "behead", "beheaded", "massacre"], "executed"),
    **dict.fromkeys(["wound", "wounded", "injure", "injured", "injury", "hurt"], "wounded"),
    **dict.fromkeys(["evacuate", "evacuated", "evacuee", "evacuation", "displace", "displaced",
                     "flee", "fled", "homeless", "uproot"], "evacuated"),
    **dict.fromkeys(["arrest", "arrested", "detain", "detained", "jail", "imprison"], "arrested"),
    **dict.fromkeys(["missing", "unaccounted", "disappear"], "missing"),
    **dict.fromkeys(["trap", "trapped", "strand", "stranded", "besiege"], "trapped"),
    **dict.fromkeys(["rescue", "rescued"], "rescued"),
    **dict.fromkeys(["remain"], "remaining"),
    **dict.fromkeys(["affect", "affected"], "affected"),
    **dict.fromkeys(["infect", "infected"], "infected"),
    **dict.fromkeys(["flood", "flooded", "destroy", "destroyed", "damage", "damaged"], "damaged"),
}
_POWER = {"power", "electricity"}
_REPORT_VERBS = {"say", "tell", "report", "estimate", "announce", "confirm", "claim", "state",
                 "count", "put", "record", "add", "write", "dispute", "insist", "believe",
                 "according", "warn", "note", "show", "cite", "quote"}
_PRONOUNS = {"i", "we", "it", "they", "he", "she", "you", "this", "that", "who", "which", "one"}
# Words that make a toll cumulative over a period ("since the uprising began").
_PERIOD_WORDS = {"since", "crisis", "uprising", "conflict", "war", "crackdown", "revolt",
                 "revolution", "insurgency", "far", "date", "altogether", "overall"}
_PLACE_PREPS = {"in", "across", "throughout", "near", "around", "outside", "inside", "at", "from"}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NAME_ENTS = {"ORG", "FAC", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "GPE", "LOC",
              "NORP", "LANGUAGE"}

# Status of a named person: still in trouble vs out of it.
_STATUS_OPEN = {"trapped": "trapped", "trap": "trapped", "missing": "missing",
                "stranded": "stranded", "strand": "stranded", "unaccounted": "missing",
                "held": "held", "kidnap": "kidnapped", "kidnapped": "kidnapped",
                "abduct": "abducted", "abducted": "abducted", "detain": "detained",
                "detained": "detained", "besiege": "trapped"}
_STATUS_CLOSED = {"safe", "safely", "rescue", "rescued", "free", "freed", "release", "released",
                  "escape", "escaped", "evacuate", "evacuated", "found", "find", "reach",
                  "reached", "return", "returned", "smuggle", "smuggled", "dead", "die", "killed",
                  "kill"}

# Where a status word can be: the beginning of the word itself or of an inflection of it,
# whose lemma it is ("rescuing", "freed", "dies", "dying", "found" -> find, "safer" -> safe).
_STATUS_WORD = re.compile(r"\b(?:trap|strand|missing|unaccounted|held|kidnap|abduct|detain|besieg|"
                          r"saf|rescu|free|releas|escap|evacuat|found|find|reach|return|smuggl|"
                          r"dead|die|dying|kill)", re.I)

_RANK = {"conflict": 0, "update": 1, "agree": 2, "single": 3}


# ---------------------------------------------------------------------------------------
# One mention of a number

@dataclass
class _M:
    sentence: Sentence
    order: int  # global sentence position
    pos: int  # character offset of the number within the sentence
    value: float
    lo: float
    hi: float
    value_text: str
    qualifier: str
    kind: str  # "count", "money", "percent", "measure"
    unit: str = ""  # currency code or measure unit
    noun: str | None = None
    event: str | None = None
    thing: str | None = None  # money / percent / measure: what it is about
    subset: bool = False
    place: str | None = None
    scope: str | None = None  # "period" or "day:<weekday>"
    source: str | None = None
    source_key: str | None = None
    date: str | None = None  # the document's date
    when: str | None = None  # the date the figure refers to (doc date or a resolved weekday)
    label: str = ""
    words: set = field(default_factory=set)  # content words of the sentence, for similarity

    @property
    def doc(self) -> str:
        return self.sentence.doc

    @property
    def phrase(self) -> str:
        text = self.value_text
        if text[:1].isupper() and text.lower() in _UNITS_WORDS or text.split()[0].lower() in _UNITS_WORDS:
            text = text[0].lower() + text[1:]  # "Six people" -> "six" inside a note
        return f"{self.qualifier} {text}".strip()


# ---------------------------------------------------------------------------------------
# Public entry point

def find_facts(sentences: list[Sentence], parsed, documents: list[Document]) -> list[Fact]:
    """The numeric facts of the used documents, grouped across sources with a verdict.

    ``parsed`` is the cluster's ``nlp.Parses``: only the sentences of ``sentences_to_parse``
    are read in full."""
    dates = {d.id: d.date for d in documents}
    _ENTS.clear()
    mentions: list[_M] = []
    by_doc: dict[str, list[_M]] = {}
    for order, sent in enumerate(sentences):
        if not _has_number(sent.text):
            continue
        doc = parsed[order]
        found = _sentence_mentions(sent, doc, order, dates.get(sent.doc), by_doc.get(sent.doc, []))
        mentions.extend(found)
        by_doc.setdefault(sent.doc, []).extend(found)
    for m in mentions:
        m.words = {w for w in content_words(m.sentence.text) if not any(ch.isdigit() for ch in w)}
    facts = [_verdict(g) for g in _group(mentions)
             if len({m.doc for m in g}) > 1 or any(_specific(m) for m in g)]
    facts.extend(_status_facts(sentences, parsed, dates))
    _ENTS.clear()
    facts.sort(key=lambda f: (len(f.docs) < 2, -len(f.docs), _RANK[f.verdict],
                              _first_position(f, sentences)))
    return facts


def sentences_to_parse(sentences: list[Sentence], parsed) -> set[int]:
    """The sentences whose parse ``find_facts`` reads: those with a number, and those that
    may give a named person's status (a person's name and a status word)."""
    return {i for i, s in enumerate(sentences)
            if _has_number(s.text) or _may_have_status(s.text, parsed.ents(i))}


def _has_number(text: str) -> bool:
    """Does the sentence hold a number worth a look? (Else it has none, or it is page furniture.)"""
    return bool(_ANY_NUMBER.search(text)) and len(_WORD.findall(text)) >= 4


def _first_position(fact: Fact, sentences: list[Sentence]) -> tuple:
    m = fact.mentions[0].sentence
    return (_natural_key(m.doc), m.start)


# ---------------------------------------------------------------------------------------
# Extraction

def _sentence_mentions(sent: Sentence, doc, order: int, date: str | None, earlier: list[_M]) -> list[_M]:
    text = sent.text
    out: list[_M] = []
    for match in _candidates(text):
        m = _make_mention(match, sent, doc, order, date)
        if m is None:
            continue
        if not _what_is_counted(m, doc, match, out, earlier):
            continue
        if m.kind == "count" and m.value_text.lower() == "one" and not (m.event and m.noun in _NOUN_CLASS.values()):
            continue
        m.label = _label(m)
        out.append(m)
    return out


def _candidates(text: str):
    """(start, end, groups) of number phrases, vague ones included, in text order."""
    spans = []
    for m in _NUMBER_RE.finditer(text):
        spans.append((m.start(), m.end(), m.groupdict(), False))
    for m in _VAGUE_RE.finditer(text):
        if not any(s <= m.start() < e for s, e, *_ in spans):
            spans.append((m.start(), m.end(), {"num": m.group("num"), "cur": None, "scale": None,
                                               "unit": None}, True))
    return sorted(spans, key=lambda s: s[0])


def _parse_number(num: str) -> float | None:
    s = num.lower().replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    words = re.split(r"[\s-]+", s)
    total, current = 0.0, 0.0
    for w in words:
        if w == "a":
            current = 1
        elif w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALE_WORDS[w]
            current = 0
        else:
            return None
    return total + current


def _make_mention(match, sent: Sentence, doc, order: int, date: str | None) -> _M | None:
    start, end, g, vague = match
    text = sent.text
    cur, num, scale, unit = g["cur"], g["num"], g["scale"], g["unit"]
    num_start = start + (len(cur) if cur else 0)
    if cur:
        num_start = text.index(num, start)
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    # Dates, times, years, ordinals, scores, phone numbers, ids.
    if _TIME_AFTER.match(text[num_start + len(num):num_start + len(num) + 12]) and not (unit or scale):
        return None
    if _SKIP_BEFORE.search(before) or _SKIP_AFTER.match(after):
        return None  # scores "3–1", ranges, times, ids, "aged 58", "page 3"
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        return None  # "Comments (27)"
    if num[0] == "0" and len(num) > 1 and not num.startswith("0."):
        return None
    words_before = before.split()
    if words_before and words_before[-1].strip(",.()").lower() in _MONTHS:
        return None
    if _MONTH_AFTER.match(after) and not (cur or unit):
        return None
    if vague:
        value = float(_VAGUE[num.lower()][0])
        lo, hi = _VAGUE[num.lower()]
    else:
        value = _parse_number(num)
        if value is None:
            return None
        lo = hi = value
    # Scale: "m", "bn", "k" only for money; words always.
    kind, unit_code = "count", ""
    currency = _CURRENCY_SYMBOLS.get(cur.strip().lower()) if cur else None
    if unit and unit.lower() in _CURRENCY_WORDS:
        currency = _CURRENCY_WORDS[unit.lower()]
    if scale:
        sl = scale.lower()
        if sl in ("m", "mn", "k") and not currency:
            return None  # "5m" without a currency: metres or million, unknown
        value *= _SCALE_WORDS[sl]
        lo, hi = lo * _SCALE_WORDS[sl], hi * _SCALE_WORDS[sl]
    if currency:
        kind, unit_code = "money", currency
    elif unit and unit.lower().replace("-", " ") in _PERCENT_UNITS | {"per cent", "percent"}:
        kind, unit_code = "percent", "%"
    elif unit and unit.lower() in _MEASURE_UNITS:
        kind, unit_code = "measure", _MEASURE_UNITS[unit.lower()]
    elif unit:
        return None
    is_digit = num[0].isdigit()
    # Years: a bare four-digit number 1800-2100 (not money, not a percentage).
    if kind == "count" and is_digit and "," not in num and "." not in num and 1800 <= value <= 2100 \
            and not scale:
        return None
    # spaCy's view of the number: names ("Fourth Armoured Division", "Resolution 2042"), dates.
    tokens = _tokens_in(doc, num_start, num_start + len(num))
    if not tokens:
        return None
    first = tokens[0]
    if first.ent_type_ in _NAME_ENTS and kind == "count":
        return None
    if not is_digit and num[0].isupper() and first.i > 0:
        nxt = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
            return None  # "Three Gorges", "Group of Seven" style names
    if first.i > 0 and kind == "count":
        prev = doc[first.i - 1]
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.whitespace_ and is_digit \
                and not _QUALIFIER_RE.search(before):
            return None  # "Resolution 2042", "Apollo 11"
    if first.ent_type_ in ("DATE", "TIME") and kind == "count":
        head = _phrase_root(doc, tokens)
        noun = head.head if head.dep_ in ("nummod", "quantmod") else None
        if noun is None or _noun_class(noun) is None:
            return None
    q = _QUALIFIER_RE.search(before)
    qualifier = q.group(1).lower() if q else ""
    lo, hi = _bounds(value, lo, hi, qualifier)
    written = text[start:end].strip()
    return _M(sentence=sent, order=order, pos=start, value=value, lo=lo, hi=hi,
              value_text=written, qualifier=qualifier, kind=kind, unit=unit_code, date=date,
              when=date)


def _bounds(value: float, lo: float, hi: float, qualifier: str) -> tuple[float, float]:
    how = _QUALIFIERS.get(qualifier)
    if how == "approx":
        return lo * 0.9, hi * 1.1
    if how == "near":
        return lo * 0.9, hi
    if how == "lower":
        return lo, float("inf")
    if how == "upper":
        return 0.0, hi
    return lo, hi


def _tokens_in(doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _phrase_root(doc, tokens):
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


# ---------------------------------------------------------------------------------------
# What is counted, by whom, where and when

def _noun_class(tok) -> str | None:
    lemma, low = tok.lemma_.lower(), tok.text.lower()
    return _NOUN_CLASS.get(lemma) or _NOUN_CLASS.get(low)


def _event_of(tok) -> str | None:
    lemma, low = tok.lemma_.lower(), tok.text.lower()
    if lemma in _POWER or low in _POWER:
        if tok.head.lemma_.lower() in ("without", "lose", "cut", "knock") or \
                any(c.lower_ in ("no", "without") for c in tok.children):
            return "without power"
        return None
    if lemma == "toll" or low == "toll":
        if any(c.lower_ in ("death", "casualty") for c in tok.children) or tok.i > 0 and \
                tok.doc[tok.i - 1].lower_ == "death":
            return "killed"
        return None
    if lemma == "life" and tok.head.lemma_.lower() in ("lose", "claim"):
        return "killed"
    ev = _EVENTS.get(lemma) or _EVENTS.get(low)
    if ev and tok.pos_ in ("VERB", "ADJ", "NOUN", "AUX", "ADV"):
        return ev
    return None


# Edges into another clause: an event there is about something else.
_CLAUSE_EDGES = {"advcl", "relcl", "parataxis", "ccomp"}
_WEAK_EVENTS = {"remaining", "damaged", "affected"}


def _distances(root, limit: int = 4) -> dict[int, tuple[int, list]]:
    """Tree distance (and path) from ``root`` to every token within ``limit`` edges."""
    seen = {root.i: (0, [root])}
    frontier = [root]
    for d in range(1, limit + 1):
        nxt = []
        for t in frontier:
            verb = t.pos_ in ("VERB", "AUX")
            up = [] if verb and t.dep_ in _CLAUSE_EDGES or t.head is t else [t.head]
            down = [c for c in t.children if not (verb and c.dep_ in _CLAUSE_EDGES)]
            for n in up + down:
                cost = seen[t.i][0] + 1 + (n.dep_ == "conj" or t.dep_ == "conj" and n is t.head)
                if cost <= limit and (n.i not in seen or seen[n.i][0] > cost):
                    seen[n.i] = (cost, seen[t.i][1] + [n])
                    nxt.append(n)
        frontier = nxt
    return seen


def _what_is_counted(m: _M, doc, match, so_far: list[_M], earlier: list[_M]) -> bool:
    """Fill noun, event, subset, place, scope, source, when; False when there is nothing
    countable (a bare number we cannot attach to anything)."""
    start, end = match[0], match[1]
    tokens = _tokens_in(doc, start, end)
    root = _phrase_root(doc, tokens)
    noun = None
    if root.dep_ in ("nummod", "quantmod", "npadvmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
    else:
        for c in root.children:  # "thousands of civilians", "17 of the dead"
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj and pobj[0].pos_ in ("NOUN", "PROPN", "ADJ"):
                    noun = pobj[0]
    if noun is not None:
        if noun.lemma_.lower() in _TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME"):
            return False
        if noun.pos_ == "PROPN" and noun.ent_type_ in _NAME_ENTS:
            return False
    ids = {t.i for t in tokens}
    dist = _distances(root)
    # The nearest event word in the tree.
    best = None
    for i, (d, path) in dist.items():
        if i in ids:
            continue
        ev = _event_of(doc[i])
        if ev is None:
            continue
        key = (d + (2 if ev in _WEAK_EVENTS else 0), abs(i - root.i))
        if best is None or key < best[0]:
            best = (key, ev, path, doc[i])
    event, event_tok = (best[1], best[3]) if best else (None, None)
    noun_cls = None
    if noun is not None:
        lemma = noun.lemma_.lower()
        if lemma in _EVENT_NOUNS or noun.lower_ in _EVENT_NOUNS:
            noun_cls, ev2 = _EVENT_NOUNS.get(lemma) or _EVENT_NOUNS[noun.lower_]
            event, event_tok = ev2, noun
        else:
            noun_cls = _noun_class(noun)
    if best and event_tok is best[3]:
        m.subset = any(t.lower_ in ("including", "among", "includes", "include") for t in best[2])
    elif noun is not None:
        m.subset = noun.head.lower_ in ("including", "among")
    if m.subset and noun is not None:
        noun_cls = noun.text.lower()  # "17 civilians" within "21 people": its own quantity
    m.noun = noun_cls or (noun.lower_ if noun is not None else None)
    m.event = event
    anchor = event_tok if event_tok is not None else (noun if noun is not None else root)
    m.thing = _thing(m, root, doc)
    if m.kind != "count":
        m.source, m.source_key = _source(root, doc, m.sentence.text)
        return True
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and noun is None and \
            any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in root.children):
        return False  # "the two", "the 17": a group already counted, not a new figure
    if root.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False  # "one of its piers"
    if True:
        if event is None:
            if not _inherit(m, so_far, earlier):
                if noun is None:
                    return False
                if m.value < 10 or m.value_text.lower() in _VAGUE:
                    return False  # "two schools", "thousands of civilians": not a reported figure
                if noun.pos_ not in ("NOUN",) and noun_cls is None:
                    return False
        elif m.noun is None:
            m.noun = "people" if event not in ("without power", "damaged") else "homes"
    m.place = _place(anchor, noun)
    m.scope = _scope(anchor, root)
    m.source, m.source_key = _source(root, doc, m.sentence.text)
    m.when = _when(anchor, m.date)
    return True


def _inherit(m: _M, so_far: list[_M], earlier: list[_M]) -> bool:
    """A figure with no event of its own ("has registered more than 3,000 people", "while X
    says it has registered more than 3,000") takes the quantity of the figure it answers:
    earlier in the same sentence, or in the two sentences before."""
    if m.noun not in (None, "people"):
        return False
    pool = [x for x in reversed(so_far) if x.kind == "count" and x.event] + \
        [x for x in reversed(earlier) if x.kind == "count" and x.event and m.order - x.order <= 2
         and not x.subset and m.value >= 10]
    for x in pool:
        if m.noun is None or x.noun == m.noun:
            m.noun, m.event = x.noun, x.event
            return True
    return False


def _compound_text(tok) -> str:
    parts = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
             and c.pos_ in ("NOUN", "PROPN", "ADJ") and not c.like_num
             and c.ent_type_ not in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY")
             and c.lower_ not in _SCALE_WORDS and c.lower_ not in _CURRENCY_WORDS]
    words = [c.lower_ for c in parts if c.lower_ not in ("extra", "new", "further", "additional",
                                                         "total", "other", "more")]
    return " ".join(words + [tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_])


def _thing(m: _M, root, doc) -> str | None:
    """What a sum, a percentage or a measurement is about."""
    if m.kind == "count":
        return None
    # "$27 million in non-lethal aid", "97 percent of capacity", "140 millimetres of rain"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return _compound_text(root.head.head)  # "grants of up to €5,000"
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            pobj = [p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if pobj and pobj[0].lemma_.lower() not in ("capacity", "total", "cost", "value"):
                return _compound_text(pobj[0])
    head = root.head
    if m.kind == "money":
        if root.dep_ in ("nummod", "compound", "amod", "nmod") and head.pos_ == "NOUN":
            return _compound_text(head)
        # "a repair programme costing €1.8 million", "the work, priced at €1.8m"
        t = head
        for _ in range(3):
            if t.pos_ == "VERB" and t.dep_ in ("acl", "relcl", "amod") and t.head.pos_ == "NOUN":
                return _compound_text(t.head)
            if t.pos_ in ("VERB", "AUX"):
                subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
                if subj:
                    return _compound_text(subj[0])
            if t.head is t:
                break
            t = t.head
        return None
    if m.kind == "measure":
        if head.pos_ == "NOUN" and root.dep_ in ("nummod", "compound", "amod"):
            return _compound_text(head)
        return None
    # percent: the subject of the clause ("the reservoir was 97 per cent full")
    t = root
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            if subj:
                return _compound_text(subj[0])
        if t.head is t:
            break
        t = t.head
    return None


def _place(anchor, noun) -> str | None:
    """A place the figure is limited to: "killed in Homs", "killed in violence across Syria"."""
    heads = [t for t in (anchor, noun) if t is not None]
    for tok in list(heads):  # one level down: "in violence across Syria"
        heads.extend(p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                        ents = [e for e in _ents(tok.doc) if e.start <= p.i < e.end]
                        return (ents[0].text if ents else p.text).removeprefix("the ")
    return None


def _clause_head(tok):
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


def _scope(anchor, root) -> str | None:
    """"period" for a cumulative figure ("since the uprising began", "in the current crisis"),
    "day:<weekday>" for a figure of one day ("killed in Homs on Thursday"), else None."""
    head = _clause_head(anchor)
    toks = []
    for h in {head, anchor}:
        for c in h.children:
            if c.dep_ in ("prep", "npadvmod", "advmod", "xcomp") or \
                    (c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children)):
                toks.extend(c.subtree)
        if h.dep_ == "xcomp":  # "are estimated ... to have died": look at the main verb too
            toks.extend(x for c in h.head.children if c.dep_ in ("prep", "agent") for x in c.subtree)
    words = {t.lower_ for t in toks}
    for t in toks:
        if t.lower_ == "since":  # "since 1998" and "since 1990" are different periods
            nxt = t.nbor() if t.i + 1 < len(t.doc) else None
            if nxt is not None and (nxt.like_num or nxt.lower_ in _MONTHS or nxt.lower_ in _WEEKDAYS):
                return f"since {nxt.lower_}"
    if words & {"annually", "yearly", "monthly", "weekly", "daily"} or \
            any(t.lower_ in ("year", "month", "week", "day") and t.nbor(-1).lower_ in ("each", "every", "per", "a")
                for t in toks if t.i > 0):
        return "rate"
    if words & {"since", "crisis", "uprising", "conflict", "war", "crackdown", "revolt",
                "revolution", "insurgency"} or {"so", "far"} <= words or {"to", "date"} <= words:
        return "period"
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            for p in c.children:
                if p.lower_ in _WEEKDAYS:
                    return f"day:{p.lower_}"
        if c.dep_ == "npadvmod" and c.lower_ in ("yesterday", "today"):
            return f"day:{c.lower_}"
    return None


def _when(anchor, date: str | None) -> str | None:
    """The date the figure refers to: the document's date, or the weekday the sentence
    ties it to ("confirmed dead on Tuesday", "by Thursday") resolved against it."""
    if not date:
        return None
    head = _clause_head(anchor)
    try:
        d = _dt.date.fromisoformat(date)
    except ValueError:
        return date
    for h in {head, anchor}:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "by", "until", "as"):
                for p in c.children:
                    if p.lower_ in _WEEKDAYS:
                        back = (d.weekday() - _WEEKDAYS[p.lower_]) % 7
                        return (d - _dt.timedelta(days=back)).isoformat()
            if c.dep_ == "npadvmod" and c.lower_ == "yesterday":
                return (d - _dt.timedelta(days=1)).isoformat()
    return date


_ENTS: dict[int, tuple] = {}


def _ents(doc) -> tuple:
    """``doc.ents``, built once per sentence (spaCy rebuilds it on every access)."""
    key = id(doc)
    if key not in _ENTS:
        _ENTS[key] = doc.ents
    return _ENTS[key]


def _phrase_text(tok) -> str:
    """A source's name: the subject without its relative clauses and appositions."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("compound", "det", "amod", "nmod", "poss", "case", "prep", "pobj", "flat") \
                    and c.dep_ not in ("relcl", "appos", "acl", "punct"):
                if c.dep_ == "prep" and c.lower_ not in ("for", "of"):
                    continue
                keep.add(c.i)
                stack.append(c)
    lo, hi = min(keep), max(keep)
    text = tok.doc[lo:hi + 1].text
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip(" ,’'")


def _source_key(tok) -> str:
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.i
    ents = [e for e in _ents(doc) if lo <= e.start and e.end - 1 <= hi and e.label_ in ("ORG", "GPE", "NORP")]
    ents = ents or [e for e in _ents(doc) if lo <= e.start and e.end - 1 <= hi and e.label_ == "PERSON"]
    text = ents[0].text if ents else _phrase_text(tok)
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).lower()


def _source(root, doc, text: str) -> tuple[str | None, str | None]:
    for t in (doc if "according to" in text.lower() else ()):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            pobj = [p for p in doc[t.i + 1].children if p.dep_ == "pobj"]
            if pobj and pobj[0].lower_ not in _PRONOUNS:
                return _phrase_text(pobj[0]), _source_key(pobj[0])
    t, reported = root, False
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            lemma = t.lemma_.lower()
            if lemma in _REPORT_VERBS:
                reported = True
                for c in t.children:
                    if c.dep_ == "agent":
                        pobj = [p for p in c.children if p.dep_ == "pobj"]
                        if pobj:
                            return _phrase_text(pobj[0]), _source_key(pobj[0])
            if reported:
                subj = [c for c in t.children if c.dep_ in ("nsubj",) and c.lower_ not in _PRONOUNS
                        and c.pos_ in ("NOUN", "PROPN") and not (c.i == 0 and c.text.isupper())]
                if subj:
                    return _phrase_text(subj[0]), _source_key(subj[0])
        if t.head is t:
            break
        t = t.head
    return None, None


def _label(m: _M) -> str:
    if m.kind == "money":
        return f"money: {m.thing}" if m.thing else "money"
    if m.kind == "percent":
        return f"percent: {m.thing}" if m.thing else "percent"
    if m.kind == "measure":
        return f"{m.thing} ({m.unit})" if m.thing else f"measure ({m.unit})"
    noun = m.noun or "people"
    if m.event == "without power":
        return f"{noun} without power"
    if m.event == "remaining":
        return f"{noun} remaining"
    if m.event:
        return f"{noun} {m.event}"
    return noun


# ---------------------------------------------------------------------------------------
# Grouping and verdicts

def _same_value(a: _M, b: _M) -> bool:
    if a.value_text.lower() == b.value_text.lower():
        return True
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value), 1e-9)


def _overlap(a: _M, b: _M) -> bool:
    return max(a.lo, b.lo) <= min(a.hi, b.hi)


def _compatible_scope(a: _M, b: _M) -> bool:
    if a.place and b.place and a.place.lower() != b.place.lower():
        return False
    if a.scope and b.scope and a.scope != b.scope:
        # "since 2003" is one cumulative period; "in the conflict" may be the same one
        return {a.scope.split()[0], b.scope.split()[0]} == {"since", "period"}
    return True


def _similar(a: _M, b: _M, threshold: float) -> bool:
    """Do the two sentences share enough content words (numbers aside) to be about the
    same thing? Overlap coefficient of their stemmed content words."""
    x, y = a.words, b.words
    if not x or not y:
        return False
    return len(x & y) / min(len(x), len(y)) >= threshold


def _groupable(a: _M, b: _M) -> bool:
    if a.kind != b.kind or a.unit != b.unit:
        return False
    same = _same_value(a, b)
    if a.kind == "money":  # same currency, and the very same sum or the same thing
        if same and (a.value >= 1000 or a.thing == b.thing):
            return True
        return a.thing is not None and a.thing == b.thing and _similar(a, b, 0.3)
    if a.label != b.label or a.subset != b.subset or not _compatible_scope(a, b):
        return False
    if same:
        return True
    if a.kind == "count" and _specific(a):
        # A toll, an evacuation count...: different numbers are the news (a dispute, an
        # update), unless they are far apart and the sentences have nothing else in common.
        return max(a.value, b.value) <= 3 * max(min(a.value, b.value), 1) or _similar(a, b, 0.3)
    return False  # what is counted is too vague to call different numbers a dispute


def _specific(m: _M) -> bool:
    """Is it clear what the number counts? (Lone figures that are not are left out.)"""
    if m.kind == "count":
        return bool(m.event and m.event not in _WEAK_EVENTS) or \
            (m.noun in _NOUN_CLASS.values() and m.noun != "people")
    return m.thing is not None


def _group(mentions: list[_M]) -> list[list[_M]]:
    groups: list[list[_M]] = []
    for m in mentions:
        for g in groups:
            if all(_groupable(m, x) for x in g):
                g.append(m)
                break
        else:
            groups.append([m])
    # A document repeating its own figure in one story is one report, not a fact of its own
    # only when some other document reports it too; lone figures stay as "single".
    return groups


def _doc_list(docs: list[str]) -> str:
    docs = sorted(set(docs), key=_natural_key)
    if len(docs) == 1:
        return docs[0]
    return ", ".join(docs[:-1]) + " and " + docs[-1]


def _quoted(ms: list[_M]) -> str:
    parts = []
    for doc in sorted({m.doc for m in ms}, key=_natural_key):
        phrases = []
        for m in ms:
            if m.doc == doc and m.phrase not in phrases:
                phrases.append(m.phrase)
        parts.append(f"{doc} ({', '.join(repr(p) for p in phrases)})".replace('"', "'"))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _sources_of(ms: list[_M]) -> str | None:
    names = []
    for m in ms:
        if m.source and m.source not in names and not any(_same_source(m.source_key, n[1]) for n in names):
            names.append((m.source, m.source_key))
    if not names:
        return None
    return ", ".join(n[0] for n in names)


def _acronym(s: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", s) if w.lower() not in ("of", "for", "the", "and"))


def _same_source(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = a.lower().replace(".", ""), b.lower().replace(".", "")
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return _acronym(a).lower() == b.replace(" ", "") or _acronym(b).lower() == a.replace(" ", "")


def _common_source(ms: list[_M]) -> str | None:
    keys = [m.source_key for m in ms]
    if not all(keys):
        return None
    first = keys[0]
    if all(_same_source(first, k) for k in keys):
        shortest = min((m for m in ms), key=lambda m: len(m.source_key or ""))
        name = shortest.source_key or ""
        return name.upper() if len(name) <= 4 else _titled(shortest)
    return None


def _titled(m: _M) -> str:
    key = m.source_key or ""
    src = m.source or key
    i = src.lower().find(key)
    return src[i:i + len(key)] if i >= 0 else key


def _verdict(group: list[_M]) -> Fact:
    group.sort(key=lambda m: (m.order, m.pos))
    quantity = _quantity(group)
    mentions = [FactMention(sentence=Span(m.doc, m.sentence.start, m.sentence.end, m.sentence.text),
                            value=m.value, value_text=m.value_text, qualifier=m.qualifier, date=m.date)
                for m in group]
    docs = {m.doc for m in group}
    if len(docs) < 2:
        src = _sources_of(group)
        note = f"Only {_quoted(group)} reports this figure" + (f", citing {src}." if src else ".")
        return Fact(quantity, mentions, "single", note)
    # Sets of mentions that report the same value.
    values: list[list[_M]] = []
    for m in group:
        for v in values:
            if _same_value(v[0], m):
                v.append(m)
                break
        else:
            values.append([m])
    common = _common_source(group)
    if len(values) == 1:
        who = f"The {common} figure is reported by" if common else "Reported by"
        same = len({m.phrase.lower() for m in group}) == 1
        return Fact(quantity, mentions, "agree",
                    f"{who} {_quoted(group)}: " + ("the same figure." if same else "compatible."))
    # Different numbers: an update when they are dated and change only from one date to the next.
    if all(m.when for m in group):
        by_date: dict[str, list[_M]] = {}
        for m in group:
            by_date.setdefault(m.when, []).append(m)
        steady = all(all(_same_value(a, b) or _overlap(a, b) for a in ms for b in ms)
                     for ms in by_date.values())
        if steady and len(by_date) > 1:
            days = sorted(by_date)
            steps = []
            for day in days:
                ms = by_date[day]
                best = max(ms, key=lambda m: (not m.qualifier, m.value))
                if steps and _same_value(steps[-1][1], best):
                    steps[-1][2].extend(ms)
                    continue
                steps.append([day, best, list(ms)])
            if len(steps) > 1:
                def days_of(step):
                    ds = sorted({m.when for m in step[2]})
                    return ds[0] if len(ds) == 1 else f"{ds[0]} to {ds[-1]}"

                first, last = steps[0], steps[-1]
                later = _doc_list([m.doc for m in last[2]])
                earlier = _doc_list([m.doc for m in first[2]])
                middle = "".join(f", then {s[1].phrase} in {_doc_list([m.doc for m in s[2]])} ({days_of(s)})"
                                 for s in steps[1:-1])
                n_later = len({m.doc for m in last[2]})
                note = (f"Updated from {first[1].phrase} in {earlier} ({days_of(first)}){middle} "
                        f"to {last[1].phrase} in the later {'report' if n_later == 1 else 'reports'} "
                        f"{later} ({days_of(last)}).")
                return Fact(quantity, mentions, "update", note)
    if all(_overlap(a, b) for a in group for b in group):
        return Fact(quantity, mentions, "agree",
                    f"Reported by {_quoted(group)}: different wording, compatible figures.")
    parts = []
    for v in sorted(values, key=lambda v: v[0].value):
        src = _sources_of(v)
        phrases = [m.phrase for m in v]
        phrase = max(phrases, key=phrases.count)
        parts.append(f"{phrase} ({_doc_list([m.doc for m in v])}" + (f"; according to {src})" if src else ")"))
    if any(m.when is None for m in group):
        when = "with no dates to order them"
    else:
        when = "in reports of the same date"
    return Fact(quantity, mentions, "conflict", f"Different figures {when}: " + " vs ".join(parts) + ".")


def _quantity(group: list[_M]) -> str:
    if group[0].kind != "money":
        return group[0].label
    things = [m.thing for m in group if m.thing]
    thing = max(things, key=things.count) if things else None
    return f"money: {thing}" if thing else "money"


# ---------------------------------------------------------------------------------------
# A named person's status: "still trapped" in one report, "reached Lebanon safely" in another

@dataclass
class _Status:
    sentence: Sentence
    order: int
    name: str
    key: str
    open: bool
    text: str
    date: str | None


def _may_have_status(text: str, ents) -> bool:
    """A full name (a PERSON of two words or more) and a word whose lemma can be a status
    word: the only sentences ``_person_status`` can say something about."""
    return any(e.label_ == "PERSON" and len(e) >= 2 for e in ents) and bool(_STATUS_WORD.search(text))


def _status_facts(sentences: list[Sentence], parsed, dates: dict) -> list[Fact]:
    found: list[_Status] = []
    for order, sent in enumerate(sentences):
        if not _may_have_status(sent.text, parsed.ents(order)):
            continue
        doc = parsed[order]
        for ent in _ents(doc):
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            st = _person_status(ent, doc)
            if st:
                is_open, words = st
                found.append(_Status(sent, order, ent.text, ent[-1].lower_, is_open, words,
                                     dates.get(sent.doc)))
    facts = []
    for key in dict.fromkeys(s.key for s in found):
        ss = [s for s in found if s.key == key]
        if len({s.sentence.doc for s in ss}) < 2 or len({s.open for s in ss}) < 2:
            continue
        opened = [s for s in ss if s.open]
        closed = [s for s in ss if not s.open]
        name = max((s.name for s in ss), key=len)
        mentions = [FactMention(sentence=Span(s.sentence.doc, s.sentence.start, s.sentence.end,
                                              s.sentence.text),
                                value=0.0 if s.open else 1.0, value_text=s.text, date=s.date)
                    for s in sorted(ss, key=lambda s: s.order)]
        o_dates = {s.date for s in opened}
        c_dates = {s.date for s in closed}
        if None not in o_dates | c_dates and max(o_dates) < min(c_dates):
            order_note = f"{_doc_list([s.sentence.doc for s in closed])} is the later report ({min(c_dates)})"
        elif None not in o_dates | c_dates and min(o_dates) > max(c_dates):
            continue  # resolved first, in trouble later: not a simple update; leave it out
        else:
            order_note = "dates do not tell which is later; the resolved state is read as the later one"
        note = (f"{name}: '{opened[0].text}' in {_doc_list([s.sentence.doc for s in opened])}, "
                f"'{closed[0].text}' in {_doc_list([s.sentence.doc for s in closed])}: "
                f"an update, not a contradiction ({order_note}).")
        facts.append(Fact(f"status: {name}", mentions, "update", note))
    return facts


def _person_status(ent, doc) -> tuple[bool, str] | None:
    """(still in trouble?, the words) when the sentence says what state a named person is in."""
    person = ent.root
    # Climb through coordination: "Edith Bouvier and William Daniels ... had reached ..."
    t = person
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = t.head
    chain = [verb]
    for c in verb.children:
        if c.dep_ in ("xcomp", "acomp", "advmod", "dobj", "prep", "oprd", "ccomp"):
            chain.append(c)
    for c in list(chain[1:]):
        chain.extend(g for g in c.children if g.dep_ in ("acomp", "advmod", "xcomp", "prep"))
    closed = [c for c in chain if c.lemma_.lower() in _STATUS_CLOSED or c.lower_ in _STATUS_CLOSED]
    opened = [c for c in chain if c.lemma_.lower() in _STATUS_OPEN or c.lower_ in _STATUS_OPEN]
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    pick = None
    if opened and not closed:
        pick, is_open = opened[0], True
    elif closed and not opened:
        pick, is_open = closed[0], False
    if pick is None:
        return None
    words = [verb, *[c for c in chain if c.dep_ in ("advmod", "acomp", "xcomp", "dobj")]]
    lo = min(w.i for w in words + [pick])
    hi = max(w.i for w in words + [pick])
    # Keep the words from the verb group: "still trapped", "reached lebanon safely"
    span = doc[lo:hi + 1]
    text = " ".join(w.text for w in span if w.dep_ not in ("aux", "auxpass", "punct", "neg")
                    or w is verb)
    text = re.sub(r"^(?:is|are|was|were|has|have|had|be|been)\s+", "", text)
    text = re.sub(r"^(?:believed|thought|said|reported)\s+", "", text)
    return is_open, text
