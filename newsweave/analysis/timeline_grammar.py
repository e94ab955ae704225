"""The timeline's date expressions of a day, a week, a month or a year, and their resolution.

What :mod:`.timeline` documents as dates ("21 February 2012", "last August", "in 1988", "a
year ago", "on Thursday", "yesterday") is found and resolved here, one sentence at a time;
quarters, halves and seasons are :mod:`.timeline_periods`'.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text.dates import (AMBIGUOUS_MONTHS, DAY, FULL_MONTHS, MONTH_ALT, MONTH_NAMES, MONTHS, SPOKEN_YEAR,
                          WEEKDAY_ALT, WEEKDAYS, YEAR, make_date, period_value, shift_months, spoken_year)

# The month, weekday, day and year grammar is the ground floor's (text/dates.py); what a
# timeline takes as a date expression, and how it resolves one, is decided here.
# A number right after a day or year that makes it something else: "March 2,000", "14:30",
# "14.5" (a colon before a space is punctuation: "Saturday, April 25: The court ruled").
_NOT_NUMBER_END = r"(?!\d|:\d|[,.]\d|\s*%|\s*(?:per\s?cent|percent)\b)"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_N = rf"(?:\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})"
_FULL_MONTH_ALT = "(?:" + "|".join(MONTH_NAMES) + ")"
_YEAR_OR_SPOKEN = rf"(?:{YEAR}|{SPOKEN_YEAR})"
# What a four-digit number counts when it is not a year ("2000 people", "1990 shares").
_COUNTED = (r"(?:people|persons|men|women|children|troops|soldiers|police|officers|workers|employees|jobs|"
            r"shares|dollars|pounds|euros|yen|miles|meters|metres|km|kilometers|feet|tons|tonnes|acres|"
            r"barrels|cars|homes|houses|votes|cases|deaths|units|points|students|members|residents|"
            r"refugees|passengers|lines|pages|words|hours|days|weeks|months|years)")

# One alternation, tried left to right at each position: longer forms first.
_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{YEAR})-(?P<im>\d\d)-(?P<id>\d\d)\b)
  | (?P<dmy>\b(?:(?P<w1>{WEEKDAY_ALT}),?\s+)?(?:the\s+)?(?P<d1>{DAY})(?:\s+of)?\s+(?P<m1>{MONTH_ALT})\.?,?\s+(?P<y1>{YEAR})\b{_NOT_NUMBER_END})
  | (?P<mdy>\b(?:(?P<w2>{WEEKDAY_ALT}),?\s+)?(?P<m2>{MONTH_ALT})\.?\s+(?P<d2>{DAY}),?\s+(?P<y2>{YEAR})\b{_NOT_NUMBER_END})
  | (?P<dm>(?<![\d,.])\b(?:(?P<w3>{WEEKDAY_ALT}),?\s+)?(?:the\s+)?(?P<d3>{DAY})(?:\s+of)?\s+(?P<m3>{MONTH_ALT})\b\.?(?!\s*\d))
  | (?P<md>\b(?:(?P<w4>{WEEKDAY_ALT}),?\s+)?(?P<m4>{MONTH_ALT})\.?\s+(?P<d4>{DAY})\b{_NOT_NUMBER_END}(?!\s*(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|km|people|percent|per)\b))
  | (?P<my>\b(?:(?:early|mid|late)[\s-]+)?(?P<m5>{MONTH_ALT})\.?,?\s+(?:of\s+)?(?P<y5>{_YEAR_OR_SPOKEN})\b{_NOT_NUMBER_END})
  | (?P<mly>\b(?P<m6>{MONTH_ALT})\s+(?P<ly>last|this|next)\s+year\b)
  | (?P<yend>\b(?:(?P<since>since)\s+)?(?:the\s+end\s+of\s+(?:the|this)\s+year|year[-\s]end|year(?:'s|’s)\s+end)\b)
  | (?P<mon>\b(?:(?P<mmod>last|this|next|early|late|mid|the\s+(?:middle|beginning|start|end)\s+of)[\s-]+)?(?P<m7>{_FULL_MONTH_ALT})(?:'s|’s)?\b(?!\s*\d))
  | (?P<yrel>\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?P<ywhich>this|last|next|the\s+(?:current|past|full|coming))\s+(?:fiscal\s+|calendar\s+)?year\b(?!-))
  | (?P<theyear>\b(?:(?:earlier|later)\s+in|for|during|through(?:out)?|(?:rest|remainder|balance|start|beginning|middle|course|part|half|quarter|months?|weeks?)\s+of)\s+the\s+(?:fiscal\s+|calendar\s+)?year\b(?![-\s]+(?:before|after|earlier|ago|later|ended|ending|to\b|two\b|nineteen|eighteen|\d)|'s|’s))
  | (?P<yago>\b(?P<yn>{_N})\s+years?\s+(?:ago|earlier)\b|\byear[-\s](?:earlier|ago)\b)
  | (?P<mago>\b(?P<mn>{_N})\s+months?\s+ago\b)
  | (?P<mrel>\b(?:(?:earlier|later|early|late)\s+)?(?P<mwhich>this|last|next)\s+month\b)
  | (?P<wrel>\b(?:(?:earlier|later|early|late)\s+)?(?P<wwhich>this|last|next)\s+week\b)
  | (?P<wkend>\b(?P<wemod>this\s+past|this\s+coming|this|last|next|(?:over|during|on|at|for|ahead\s+of|until|by|since)\s+the)\s+weekend\b)
  | (?P<year>(?<![\d,.$£€#/:])(?<!\d-)(?<!\d–)\b(?:fiscal\s+|calendar\s+|(?:early|mid|late)[\s-]+)?(?P<y8>{YEAR})\b(?![,.]?\d|\s*%|[-–/]\d|\s+(?:{_COUNTED}|[a-z]+(?:ers|ors|ants|ents|ists|ees))\b))
  | (?P<spoken>\b(?P<sy>{SPOKEN_YEAR})\b(?![-\s]+(?:year|{_COUNTED}\b)))
  | (?P<wd>\b(?:(?P<wmod>last|next|this|this\s+past|this\s+coming|the\s+previous|on|early|late)\s+)?(?P<w>{WEEKDAY_ALT})(?:'s|’s)?\b(?!,?\s+(?:{MONTH_ALT}\.?\s+{DAY}|(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH_ALT})\b)(?:\s+(?:morning|afternoon|evening|night))?)
  | (?P<ago>\b(?P<n>{_N})\s+(?P<unit>days?|weeks?)\s+ago\b)
  | (?P<rel>\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b)
    """,
    re.I | re.X,
)
# The words every date expression contains: the full pattern is only tried around them
# (trying it at every position of every sentence costs ~0.5 ms a sentence).
_TRIGGER = re.compile(rf"\b(?:{MONTH_ALT}|{WEEKDAY_ALT}|yesterday|today|tonight|tomorrow|last|earlier|this|next|"
                      r"ago|years?|months?|weeks?|weekend|eighteen|nineteen|thousand|(?:1[89]|20)\d\d)\b", re.I)
_BACK, _AHEAD = 28, 64  # how far an expression reaches before and after its trigger word
# Weekdays, "today" and "tomorrow" inside names.
_NAME_BEFORE = re.compile(r"(?:\b(?:good|black|cyber|ash|holy|maundy|palm|easter|bloody|usa|super)\s+)$", re.I)
_NAME_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:times|telegraph|mirror|express|post|herald|mail|people|school|show|"
                         r"programme|program|night\s+live|league|service|best|trading|prayers?\s+leader)\b", re.I)
# "until Wednesday", "by Friday": the nearest such weekday, before or after.
_EITHER_WAY = re.compile(r"\b(?:until|till|by|through)\s+(?:the\s+)?$", re.I)
# A date in a clause about the future points forward ("will meet on Monday", "would vote
# Tuesday", "as soon as Friday", "expected in December", "by May"): within 60 characters, or
# up to 90 in one clause, with no comma, "but" or relative word between ("will be named
# commander of the station's crew for a mission in December", not "will replace a man who
# joined in December").
_FUTURE = re.compile(r"\b(?:will|'ll|’ll|shall|would|is\s+due|are\s+due|due\s+to|scheduled|plans?\s+to|planning\s+to|"
                     r"planned|upcoming|set\s+to|(?<![-\w])expected|expects?\s+to|hopes?\s+to|intends?\s+to|aims?\s+to|"
                     r"going\s+to|is\s+to|are\s+to|to\s+be|as\s+soon\s+as|effective|takes?\s+effect|payable|of\s+record)\b"
                     r"(?:[^.;]{0,60}|(?:(?!\b(?:who|whom|whose|which|that|when|where|after|since|because|while|but)\b)"
                     r"[^.;,:()\"“”]){61,90})$", re.I)
# A present tense of a planned event points forward too ("Rovers travel to Hillcrest on
# Saturday", "the trial begins Monday"), unless an infinitive or a negation holds the verb.
_SCHEDULED = re.compile(r"(?<!\bto\s)(?<!\bnot\s)(?<!n't\s)(?<!\bdid\s)\b(?:meets?|plays?|faces?|hosts?|travels?|"
                        r"visits?|begins?|starts?|opens?|resumes?|returns?|votes?|heads?|leaves?|arrives?|kicks?\s+off|"
                        r"takes?\s+on|launch(?:es)?|goes\s+on\s+trial)\b[^.;,:]{0,50}$", re.I)
# ... and a clause about the past points back ("the year ended March 31", "a high set on Aug. 6").
_PAST = re.compile(r"\b(?:ended|since|set\s+on|began|closed|reached|hit|peaked)\s+(?:\S+\s+){0,2}$", re.I)
# A comparison's baseline is no event of its own: "up from $4 a year earlier", "the year-ago quarter".
_COMPARED = re.compile(r"\b(?:from|with|than|versus|vs\.?|over|against)\b(?:[^.;]|\.\d){0,80}$", re.I)
# A verb in the past tense earlier in the clause: "changed from a fiscal year to a calendar year in".
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|(?!(?:expected|scheduled|planned|proposed|needed|delayed|extended)\b)"
                        r"[a-z]{3,}[^e\W]ed)\b[^.;,]{0,60}$", re.I)
_BY = re.compile(r"\b(?:by|until|till|before)\s+(?:(?:early|mid|late|the\s+(?:middle|end|beginning)\s+of)[\s-]+)?$", re.I)
# A span that runs through a month, in a clause with no tense to place it: the nearest such
# month ("loans through January" in October, "sales this year through August").
_THROUGH = re.compile(r"\bthrough\s+(?:(?:early|mid|late|the\s+(?:middle|end)\s+of)[\s-]+)?$", re.I)
# A clause that a year before it sets: "comparable periods in 1988, when year-end net was ...".
_WHEN_YEAR = re.compile(rf"\b({YEAR}),?\s+when\b[^.;]{{0,60}}$", re.I)
# Words before a bare month that make it a date ("in March", "since May", "last June").
_MONTH_CONTEXT = re.compile(r"\b(?:in|by|since|until|till|through|during|for|from|to|before|after|of|between|and|or|"
                            r"around|early|late|mid|last|this|next|on)[\s-]+$", re.I)
# "Today" and "tomorrow" as the present and the future in general, not a day: "in today's
# world", "today's personal computers", "the people of tomorrow", "the cars of today" (but
# "as of today", "the big event of today", "today's vote").
_GENERIC_AFTER = re.compile(r"^(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:world|society|economy|age|era|culture|generation|youth|"
                            r"young|kids|children|teenagers|students|parents|families|consumers|workers|workforce|"
                            r"workplace|standards|terms|dollars|money|technology|computers|cars|players|athletes|"
                            r"politics|media|marketplace|companies|schools|music|fashion|climate|environment)\b")
# A weekly schedule, not a day: "on Tuesday nights", "Monday and Friday mornings" (a weekday
# with more of them before a plural part of the day).
_WEEKLY = re.compile(rf"^(?:\s*(?:,|and|or|&|,\s*and)\s*{WEEKDAY_ALT})*\s+(?:nights|mornings|afternoons|evenings)\b", re.I)
# A year inside a name a sentence gives: "a joint venture called Orion 1980", "a plan dubbed
# Vision 2030" (capitalised words right after "called", "named", ...).
_NAMED = re.compile(r"\b(?:called|named|dubbed|titled|entitled|known\s+as)\s+[\"'“‘]?(?-i:(?:[A-Z][\w&'’.-]*\s+){1,3})$", re.I)
_GENERIC_BEFORE = re.compile(r"\b(?:people|world|society|economy|generation|workforce|children|men|women|"
                             r"[a-z]{3,}[^s\W]s)\s+of\s+$", re.I)
_RELATIVE_DAYS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
                  "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tomorrow": 1}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: offsets into that text, the date (the first day of
    the period it names), how precise it is, whether it was resolved against the text's date."""

    start: int
    end: int
    expression: str
    date: dt.date
    relative: bool
    granularity: str = "day"

    @property
    def value(self) -> str:
        """The date at its granularity (``text.dates.period_value``): "1988", "1988-Q3",
        "1988-08", "1988-W32", "1988-08-02", ..."""
        return period_value(self.date, self.granularity)


def _is_lowercased(text: str) -> bool:
    """True for text with (almost) no capitals inside sentences, like Multi-News."""
    words = text[:6000].split()
    inner = [w for prev, w in zip(words, words[1:])
             if prev[-1:].isalpha() and prev[-1:].islower() and w[:1].isalpha()]
    return len(inner) >= 20 and sum(w[0].isupper() for w in inner) < 0.02 * len(inner)


def _month_ok(word: str, lowercased: bool) -> bool:
    if word[0].isupper():
        return True
    return lowercased and word.lower() not in AMBIGUOUS_MONTHS


def _tense(before: str) -> str:
    """"future" when the clause before a date looks ahead ("will", "expected", "by"), "past" when
    it looks back ("ended", "was"), else ""."""
    if _PAST.search(before):  # the nearer signal first: "to be sold for the year ended March 31"
        return "past"
    return "future" if _FUTURE.search(before) or _BY.search(before) else ""


def _month_day(month: int, day: int, anchor: dt.date, tense: str, weekday: str | None) -> dt.date | None:
    """A month and day without a year: the year its weekday names when one is given ("Saturday,
    April 25"); else on or after the document's date in a clause about the future, on or before
    it in one about the past, the nearest otherwise."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := make_date(y, month, day))]
    if weekday:
        named = [d for d in options if d.weekday() == WEEKDAYS.index(weekday.lower())]
        options = named or options
        return min(options, key=lambda d: abs((d - anchor).days)) if options else None
    if tense == "future":
        ahead = [d for d in options if d >= anchor]
        return min(ahead) if ahead else None
    if tense == "past":
        behind = [d for d in options if d <= anchor]
        return max(behind) if behind else None
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _month(month: int, anchor: dt.date, mod: str, tense: str) -> dt.date:
    """A month without a year: "last August" is the latest August before the document's month
    (but the month before it is "last month": "last February" in March is a year back), "next"
    the first after it, "this" the document's year; otherwise the first on or after the
    document's month in a clause about the future or when it is at most two months ahead ("in
    November" in late October) in a clause not about the past ("changed ... in December"), else
    the latest on or before it; the nearest for ``tense`` "nearest" ("loans through January")."""
    mod = " ".join(mod.lower().split())
    year = anchor.year
    if not mod and tense == "nearest":
        return min((dt.date(y, month, 1) for y in (year - 1, year, year + 1)),
                   key=lambda d: abs((d.year - year) * 12 + d.month - anchor.month))
    if mod == "last":
        year -= month >= anchor.month - 1
    elif mod == "next":
        year += month <= anchor.month
    elif mod != "this":
        if tense == "future" or (tense != "past" and (0 < month - anchor.month <= 2 or 0 < month + 12 - anchor.month <= 2)):
            year += month < anchor.month
        else:
            year -= month > anchor.month
    return dt.date(year, month, 1)


def _weekday(index: int, anchor: dt.date, mod: str, before: str) -> dt.date:
    back = (anchor.weekday() - index) % 7  # days back to the most recent one, 0 = same day
    mod = " ".join(mod.lower().split())
    if mod == "next" or mod == "this coming" or (mod in ("", "on") and (_FUTURE.search(before)
                                                                       or _SCHEDULED.search(before))):
        return anchor + dt.timedelta(days=(index - anchor.weekday()) % 7)
    if mod == "" and _EITHER_WAY.search(before):
        ahead = (index - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead) if ahead < back else anchor - dt.timedelta(days=back)
    if mod in ("last", "this past"):
        back = back or 7
    elif mod == "the previous":
        back = (back or 7) + 7
    return anchor - dt.timedelta(days=back)


def _weekend(anchor: dt.date, mod: str, before: str) -> dt.date:
    """The Saturday of a weekend: "last weekend", "over the weekend" the latest one that has
    begun by the document's date; "next weekend", "this coming weekend", "ahead of the weekend"
    "this weekend" or one in a clause about the future the first that has not ended."""
    mod = " ".join(mod.lower().split())
    back = (anchor.weekday() - 5) % 7  # days back to the latest Saturday (0 on a Saturday)
    latest = anchor - dt.timedelta(days=back)
    if mod in ("next", "this", "this coming", "ahead of the", "until the", "by the") or (
            mod not in ("last", "this past", "since the") and _FUTURE.search(before)):
        return latest if back <= 1 else latest + dt.timedelta(days=7)  # this one on a weekend
    return latest


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _matches(text: str) -> Iterator[re.Match]:
    """Non-overlapping matches of the full pattern that contain a trigger word, left to right."""
    done = 0
    for t in _TRIGGER.finditer(text):
        if t.start() < done:
            continue
        start = max(done, t.start() - _BACK)
        for m in _PATTERN.finditer(text, start, min(len(text), t.end() + _AHEAD)):
            if m.end() <= t.start():
                continue  # ends before the trigger: another expression, or a part of one
            if m.start() <= t.start():
                done = m.end()
                yield m
            break


def _resolve(m: re.Match, text: str, anchor: dt.date | None, lowercased: bool):
    """(date, granularity, relative) of one match, or None when it is no date here."""
    g = m.groupdict()
    if (g["yrel"] or g["mrel"] or g["wrel"] or g["wkend"] or g["theyear"]) and m.group(0).split()[-1][0].isupper():
        return None  # a title: ABC's "This Week", "Next Year's Model"
    before = text[max(0, m.start() - 90):m.start()]
    if g["iso"]:
        return make_date(int(g["iy"]), int(g["im"]), int(g["id"])), "day", False
    if g["dmy"] or g["mdy"]:
        mon, day, year = (g["m1"], g["d1"], g["y1"]) if g["dmy"] else (g["m2"], g["d2"], g["y2"])
        if _month_ok(mon, lowercased):
            return make_date(int(year), MONTHS[mon.lower()], int(re.sub(r"\D", "", day))), "day", False
    elif g["dm"] or g["md"]:
        mon, day, wd = (g["m3"], g["d3"], g["w3"]) if g["dm"] else (g["m4"], g["d4"], g["w4"])
        if anchor and _month_ok(mon, lowercased) and not (mon.lower() == "may" and not mon[0].isupper()):
            return _month_day(MONTHS[mon.lower()], int(re.sub(r"\D", "", day)), anchor, _tense(before), wd), \
                "day", True
    elif g["my"]:
        if _month_ok(g["m5"], lowercased):
            year = int(g["y5"]) if g["y5"].isdigit() else spoken_year(g["y5"])
            return make_date(year, MONTHS[g["m5"].lower()], 1), "month", False
    elif g["mly"]:
        if anchor and _month_ok(g["m6"], lowercased):
            shift = {"last": -1, "this": 0, "next": 1}[g["ly"].lower()]
            return make_date(anchor.year + shift, MONTHS[g["m6"].lower()], 1), "month", True
    elif g["yend"]:
        when = _WHEN_YEAR.search(before)  # "in 1988, when year-end net was ...": 1988's
        if when:
            return make_date(int(when.group(1)), 12, 31), "day", False
        if anchor:
            return dt.date(anchor.year - bool(g["since"]), 12, 31), "day", True
    elif g["mon"]:
        mon, mod = g["m7"], g["mmod"] or ""
        if anchor and (mon[0].isupper() or lowercased) and not re.search(r"\b(?:each|every)\s+$", before, re.I) and (
                mod or _MONTH_CONTEXT.search(before) or (mon.lower() not in AMBIGUOUS_MONTHS | {"march", "april", "june"}
                                                         and not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]))):
            tense = "future" if _BY.search(before) else _tense(before)
            if not tense and _PAST_VERB.search(before):
                tense = "past"
            if not tense and _THROUGH.search(before):
                tense = "nearest"
            return _month(MONTHS[mon.lower()], anchor, mod if mod.lower() in ("last", "next", "this") else "",
                          tense), "month", True
    elif g["yrel"]:
        if anchor:
            which = g["ywhich"].lower().split()[-1]
            shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
            return dt.date(anchor.year + shift, 1, 1), "year", True
    elif g["yago"]:
        # a comparison's baseline ("up from $4 a year earlier", "the year-ago quarter") is no event
        if anchor and g["yn"] and not (_count(g["yn"]) == 1 and _COMPARED.search(before)):
            n = _count(g["yn"])
            if n == 1:  # "a year ago": the same day a year before
                return make_date(anchor.year - 1, anchor.month, min(anchor.day, 28)) \
                    if (anchor.month, anchor.day) == (2, 29) else anchor.replace(year=anchor.year - 1), "day", True
            return dt.date(anchor.year - n, 1, 1), "year", True
    elif g["mago"]:
        if anchor:
            y, mo = shift_months(anchor.year, anchor.month, -_count(g["mn"]))
            return dt.date(y, mo, 1), "month", True
    elif g["mrel"]:
        if anchor:
            y, mo = shift_months(anchor.year, anchor.month, {"last": -1, "this": 0, "next": 1}[g["mwhich"].lower()])
            return dt.date(y, mo, 1), "month", True
    elif g["wrel"]:
        if anchor:
            days = {"last": -7, "this": 0, "next": 7}[g["wwhich"].lower()]
            return anchor + dt.timedelta(days=days - anchor.weekday()), "week", True
    elif g["wkend"]:
        if anchor:
            return _weekend(anchor, g["wemod"], before), "weekend", True
    elif g["theyear"]:
        # the document's year ("for the year", "earlier in the year", "the first nine months of
        # the year"; not "car of the year", "the busiest day of the year"), when the sentence
        # names no other and it is not early in the year (a report in February "for the year"
        # means the year before)
        if anchor and anchor.month > 2 and not re.search(rf"\b{YEAR}\b|\b(?:last|next|past|previous)\s+year\b", text, re.I):
            return dt.date(anchor.year, 1, 1), "year", True
    elif g["year"]:
        if not _NAMED.search(before):
            return make_date(int(g["y8"]), 1, 1), "year", False
    elif g["spoken"]:
        year = spoken_year(g["sy"])
        if year and (not g["sy"].lower().startswith("two") or re.search(r"\b(?:the\s+year|in|by|since|until)\s+$",
                                                                         before, re.I)):
            return make_date(year, 1, 1), "year", False
    elif g["wd"]:
        if anchor and not _NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                and not _NAME_AFTER.match(text[m.start("w") + len(g["w"]):]) \
                and not re.search(r"\b(?:each|every)\s+$", before, re.I) \
                and not _WEEKLY.match(text[m.start("w") + len(g["w"]):]):
            mod = g["wmod"] or ""
            if mod.lower() in ("early", "late"):
                mod = ""
            return _weekday(WEEKDAYS.index(g["w"].lower()), anchor, mod, before), "day", True
    elif g["ago"]:
        if anchor:
            days = _count(g["n"]) * (7 if g["unit"].lower().startswith("week") else 1)
            return anchor - dt.timedelta(days=days), "day", True
    elif g["rel"]:
        key = " ".join(m.group(0).lower().split())
        if anchor and not _NAME_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                and not _NAME_AFTER.match(text[m.end():]) \
                and not (m.group(0)[0] == "T" and m.start() > 0 and key in ("today", "tomorrow")) \
                and not (key in ("today", "tomorrow") and (_GENERIC_AFTER.match(text[m.end():])
                                                           or _GENERIC_BEFORE.search(before))):
            return anchor + dt.timedelta(days=_RELATIVE_DAYS[key]), "day", True
    return None


def find_date_mentions(text: str, anchor: dt.date | None, lowercased: bool | None = None) -> Iterator[DateMention]:
    """Date expressions in ``text``; relative ones only when an ``anchor`` date is given."""
    if lowercased is None:
        lowercased = _is_lowercased(text)
    for m in _matches(text):
        found = _resolve(m, text, anchor, lowercased)
        if not found or found[0] is None:
            continue
        date, granularity, relative = found
        expr, end = m.group(0), m.end()
        if expr.endswith(".") and expr[:-1].split()[-1].lower() in FULL_MONTHS:
            expr, end = expr[:-1], end - 1  # a full stop after "December" ends the sentence
        yield DateMention(m.start(), end, expr, date, relative, granularity)
