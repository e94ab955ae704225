"""Finding the numbers of a sentence and reading each one: its value and bounds, its
qualifier ("more than", "about"), and whether it is a count, a sum of money, a percentage or
a measurement. Dates, times, years, scores, ids and names that contain numbers are left out.

``NumberMention`` is one number found; ``attribution`` fills in what it counts and who says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Sentence
from ...text.dates import MONTHS
from ...text.numbers import NUMBER_WORDS, SCALE_WORDS, VAGUE, parse_number
from .lexicon import (
    _CURRENCY_SYMBOLS,
    _CURRENCY_WORDS,
    _MEASURE_UNITS,
    _NAME_ENTS,
    _PERCENT_UNITS,
    _QUALIFIERS,
    _noun_class,
)

_QUALIFIER_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
    + r")\s*[\"“‘'‚]?\s*$", re.I)

_NUM_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
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
    r"article|resolution|flight|route|room|tel\.?|phone|call|group of)\s*)$", re.I)
_SKIP_AFTER = re.compile(r"\s?[–—-]\s?\d|[:/]\d|\.\d")
_MONTH_AFTER = re.compile(r"\s?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s*$", re.I)
_MAGNITUDE_AFTER = re.compile(r"\s?[-–]?\s?magnitude\b", re.I)
_TIME_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|bst\b|utc\b|cet\b|est\b|o'clock|h\b|hrs\b|"
                         r"st\b|nd\b|rd\b|th\b|s\b|-year|-month|-week|-day|-hour|-minute|:\d)", re.I)


@dataclass
class NumberMention:
    """One number in a sentence: what it says, and (filled by ``attribution``) what it counts."""

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
    scope: str | None = None  # "period", "since <x>", "rate" or "day:<weekday>"
    when_text: str | None = None  # the words that give the period or day ("on Thursday")
    year: str | None = None  # the year the figure is tied to ("the 2009 quake", "in 1997")
    where: str | None = None  # the place with its preposition ("in Homs", "across Syria")
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
        if text[:1].isupper() and text.lower() in NUMBER_WORDS or text.split()[0].lower() in NUMBER_WORDS:
            text = text[0].lower() + text[1:]  # "Six people" -> "six" inside a note
        return f"{self.qualifier} {text}".strip()


def _has_number(text: str) -> bool:
    """Does the sentence hold a number worth a look? (Else it has none, or it is page furniture.)"""
    return bool(_ANY_NUMBER.search(text)) and len(_WORD.findall(text)) >= 4


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


def _make_mention(match, sent: Sentence, doc, order: int, date: str | None) -> NumberMention | None:
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
    if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(after):
        return None  # "a magnitude 6.2 quake": a reading on a scale, not a count
    if num[0] == "0" and len(num) > 1 and not num.startswith("0."):
        return None
    words_before = before.split()
    if words_before and words_before[-1].strip(",.()").lower() in MONTHS:
        return None
    if _MONTH_AFTER.match(after) and not (cur or unit):
        return None
    if vague:
        value = float(VAGUE[num.lower()][0])
        lo, hi = VAGUE[num.lower()]
    else:
        value = parse_number(num)
        if value is None:
            return None
        lo = hi = value
    # Scale: "m", "bn", "k" only for money; words always.
    kind, unit_code = "count", ""
    currency = _CURRENCY_SYMBOLS.get(cur.strip().lower()) if cur else None
    if unit and unit.lower() in _CURRENCY_WORDS:
        currency = _CURRENCY_WORDS[unit.lower()]
        if unit.lower().startswith("pound") and not scale and not (cur and cur.strip()):
            currency, unit = None, "lb"  # "a 300-pound robot", "170 to 190 pounds": a weight
    if scale:
        sl = scale.lower()
        if sl in ("m", "mn", "k") and not currency:
            return None  # "5m" without a currency: metres or million, unknown
        value *= SCALE_WORDS[sl]
        lo, hi = lo * SCALE_WORDS[sl], hi * SCALE_WORDS[sl]
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
    if kind == "percent" and re.search(r"\bthe\s*$", before, re.I):
        nxt = next((t for t in doc if t.idx >= end), None)
        if nxt is None or not (nxt.lower_ == "of" or nxt.pos_ in ("NOUN", "PROPN", "ADJ")):
            return None  # "a member of the 1 percent": a name for the richest, not a figure
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
    return NumberMention(sentence=sent, order=order, pos=start, value=value, lo=lo, hi=hi,
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
