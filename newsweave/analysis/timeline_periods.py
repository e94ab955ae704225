"""The timeline's quarters, halves, seasons and decades, and the year-ago period of a report.

* a quarter: "the third quarter of 1984", "the 1988 second quarter", "this year's third quarter",
  "next year's first quarter", "third-quarter net income", "the fourth quarter" (the year
  placed like a month's: the document's year, a year back for a quarter well ahead of the
  document's date, a year on for one well behind it in a clause about the future; a quarter
  that "ended Oct. 31" is of that day's year, the latest Oct. 31 by the document's date);
* the quarter a report is about: "the quarter", "the latest quarter", "the latest period",
  "this quarter's loss" mean the quarter the document last named ("third-quarter profit rose
  ..."; one it compares with, "after a flat second quarter", is not it; the latest ended one
  when it names none, or, for "the quarter ended July 31", the calendar quarter holding most
  of it, the second); "the current quarter" the one the document's date falls in, "the
  previous quarter" the one before the reported one; "the year-ago quarter", "the
  year-earlier period", "the 1988 period", "last year's quarter", "the corresponding period
  last year", "the quarter a year ago" the same quarter a year before (or the quarter named
  in apposition: "the year-ago quarter, the second quarter ended Oct. 31");
* the baseline of an earnings comparison ("net rose to $9 million from $7 million a year
  earlier", "compared with a loss of $3 million last year", "year-earlier profit of $3.8
  million", "last year's results", "A year ago, the company earned $1.8 million"; a sentence
  that names the quarter, or reports an earnings word before the baseline and a figure): the
  quarter it names, else the reported one, a year before when the document names one; the
  year before in a sentence about nine months or a year (so is "the year-earlier period"),
  or in one that names no quarter after a sentence that opens "For the nine months"; nothing
  in one about six months, or in a document that names no quarter (there, as before, a
  comparison's baseline is no date, and "a year ago" elsewhere the day a year back);
* a half: "the first half", "the last half of 1989", "first-half results", "the first two
  quarters of 1990";
* a decade: "the 1970s", "the late 1970s", "the '80s", "the nineties" (TimeML's "197");
* a season: "this summer", "last fall", "the winter of 1994", "this past spring", "in the
  early summer", "well into the summer" (the nearer one) (TimeML's "1989-SU"; a winter,
  "1994-WI", is the one whose January is in 1994).

Quarters and halves are a business calendar: they are taken in a document about business
(earnings, sales, the economy) or with their year, and never in a sentence about a game ("in
the fourth quarter" of a basketball game); "a quarter of the market", "the quarter-final",
"half of its debt", "the fall of the dollar", "summer camp", "in her nineties", "the 1800s"
(a century as often as a decade) are no dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property

from ..text.dates import DAY, MONTH_ALT, MONTHS, SEASONS, SPOKEN_YEAR, YEAR, shift_months, spoken_year
from .timeline_grammar import _FUTURE, DateMention, _month_day

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": 2, "latter": 2}
_YEAR_WORDS = rf"(?:{YEAR}|{SPOKEN_YEAR})"
# A quarter, a half or "period", and the words before it that say which ("the 1988 third
# quarter", "last year's quarter", "the year-earlier period", "the latest quarter").
_PERIOD = re.compile(
    rf"""\b(?:(?P<det>the|its|their|this|last|next|a|an)\s+)?
    (?:(?P<py>{_YEAR_WORDS})(?:'s|’s)?\s+|(?P<pyrel>this|last|next)\s+year(?:'s|’s)\s+
      |(?P<pago>year[-\s](?:ago|earlier))\s+|(?P<padj>latest|current|comparable|corresponding|same|previous|preceding)\s+
      |fiscal[-\s]+|calendar\s+)*
    (?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?P<qh>quarter|half|period)
      |(?P<hord>last|latter)\s+half|(?P<two>first|last|second)\s+two\s+quarters|(?P<bare>quarter|period))\b
    (?!-(?!end)|\s*(?:point|percentage|mile|decade|century|hour|dozen|final|note|pounder)s?\b)
    (?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<oy>{_YEAR_WORDS})\b(?![,.]?\d)
      |\s+of\s+(?P<oyrel>this|last|next)\s+year\b|\s+of\s+the\s+(?:current\s+|fiscal\s+|calendar\s+)?year\b
      |(?P<of>\s+of\b(?!\s*[$#£€\d])))?
    (?:\s+(?P<tail>a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year)\b)?""",
    re.I | re.X,
)
_ORDINAL_QUARTER = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter\b", re.I)
# The baseline of a comparison a year back: "a year earlier", "last year", "year-ago", "a year
# ago" ("a year ... earlier" as in "the $13.5 million a year earlier" is the same).
_BASELINE = re.compile(r"\b(?:(?P<a>a|one)\s+year\s+(?:ago|earlier|before)|(?P<last>last\s+year)(?:'s|’s)?"
                       r"|(?P<adj>year[-\s](?:ago|earlier))(?=\s+\S))\b", re.I)
# A quarter something is compared with is not the one reported on: "After a flat second quarter".
_COMPARED_TO = re.compile(r"\b(?:after|before|since|than|from|over|versus|vs\.?|with|following)\s+(?:the\s+|a\s+|an\s+|its\s+)?"
                          r"(?:[\w-]+\s+){0,2}$", re.I)
# "compared with a loss of $3 million last year", "up from last year's $2.34 billion" (no clause
# between: "from the brewing giant, which last year ...").
_LAST_YEAR_BASE = re.compile(r"\b(?:from|with|than|versus|vs\.?|against)\s+(?:[^.;,]|\.\d|,\d|,\s+or\s){0,60}$", re.I)
# ... nor one in apposition to the year-ago quarter: "In the year-ago quarter, the second quarter ended Oct. 31".
_APPOSED = re.compile(r"\byear[-\s](?:ago|earlier)\s+(?:quarter|period),\s+$", re.I)
# What an earnings sentence reports, and a figure it reports it with.
_EARNINGS = re.compile(r"\b(?:net|income|earnings|earned|earn|profits?|loss(?:es)?|lost|revenues?|sales|results|"
                       r"per\s+share|a\s+share|dividends?|margins?)\b", re.I)
_FIGURE = re.compile(r"[$#£€¥]|\b(?:C\$|cents?|pence|guilders|francs|marks|yen|million|billion|percent)\b|\d\s*%", re.I)
# The period a sentence is about when it is not the quarter.
_YEARLONG = re.compile(r"\b(?:nine|9|twelve|12)\s+months\b|\b(?:fiscal|full|the)\s+year\b(?![-\s](?:ago|earlier))|\byear\s+(?:ended|ending|to)\b"
                       r"|\bfor\s+the\s+year\b|\bannual\b", re.I)
_HALF_YEAR = re.compile(r"\b(?:six|6)\s+months\b|\bhalf\b|\binterim\b", re.I)
# ... or the period the sentence before opens with ("For the nine months, net was $81 million.
# In the year-earlier period, ...").
_OPENS_SPAN = re.compile(r"[\W_]*(?:for|in|during)\s+the\s+(?:first\s+)?(?:(?:nine|9|twelve|12)\s+months\b"
                         r"|(?:fiscal\s+|full\s+)?year\b(?![-\s](?:ago|earlier))|(?P<half>(?:six|6)\s+months\b|half\b))", re.I)
# A game, not a business calendar.
_SPORT = re.compile(r"\b(?:scored|scoring|touchdowns?|rebounds|assists|innings?|halftime|half-time|quarterback|"
                    r"free\s+throws?|three-pointers?|goalkeeper|overtime|whistle|referee|coach|"
                    r"(?:minutes?|seconds?)\s+(?:left|remaining|to\s+play))\b", re.I)
_BUSINESS = re.compile(r"\b(?:earnings|profits?|revenues?|income|loss(?:es)?|sales|fiscal|dividends?|GDP|GNP|"
                       r"economy|economic|quarterly|shares?|stocks?|investors?|analysts?|company|corp|inc)\b|\$\s?\d", re.I)
_SEASON = re.compile(
    rf"""\b(?:(?P<smod>this\s+past|this\s+coming|this|last|next|early|late|mid|(?:in|into|during|over|through|until|by|since)\s+the(?:\s+(?:early|late))?|the\s+(?:early|late))[\s-]+)?
    (?P<season>spring|summer|fall|autumn|winter)\b
    (?:\s+(?:of\s+)?(?P<sy>{_YEAR_WORDS})\b(?![,.]?\d))?""",
    re.I | re.X,
)
# A decade: "the 1970s", "the late 1970s", "the mid-1990s", "the '80s", "the nineties".
_DECADE = re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dy>1[89]\d0|20\d0)(?:'s|’s|s)|['’](?P<dd>\d)0s"
                     r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I)
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
# The day a quarter or half ends: "the quarter ended July 31", "its fourth quarter ending Dec. 31".
_ENDED = re.compile(rf"^,?\s+(?P<how>ended|ending)\s+(?:on\s+)?(?P<m>{MONTH_ALT})\.?\s+(?P<d>{DAY})\b(?![,.]?\d)", re.I)
_SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _quarter(year: int, n: int) -> dt.date:
    return dt.date(year, 3 * n - 2, 1)


def _quarter_of(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _shift(start: dt.date, quarters: int) -> dt.date:
    """The first day of the quarter (or season) ``quarters`` after the one starting on ``start``."""
    return dt.date(*shift_months(start.year, start.month, 3 * quarters), 1)


def _year_of(word: str) -> int | None:
    return int(word) if word.isdigit() else spoken_year(word)


def _placed(n: int, size: int, anchor: dt.date, future: bool) -> int:
    """The year of the n-th quarter (size 1) or half (size 2) named without one: the
    document's, a year back for one that starts two quarters or more after the document's
    quarter, a year on for one that ended two quarters or more before it in a clause about the
    future ("expects a loss in the first quarter" in October)."""
    here = (anchor.month - 1) // 3  # the document's quarter, 0-3
    first, last = (n - 1) * size, n * size - 1  # the quarters it spans, 0-3
    if future and here - last >= 2:
        return anchor.year + 1
    if not future and first - here >= 2:
        return anchor.year - 1
    return anchor.year


class Reports:
    """The quarters a document reports on, for "the quarter" and "a year earlier": each
    explicit quarter it names ("third-quarter profit"), but one still to come in a clause
    about the future ("will result in a fourth-quarter charge"), with its offset and whether
    it has ended by the document's date; and whether the document is about business at all.
    Both are worked out the first time a sentence asks (most documents name no quarter)."""

    def __init__(self, text: str, anchor: dt.date | None):
        self.text, self.anchor = text, anchor

    @classmethod
    def of(cls, text: str, anchor: dt.date | None) -> Reports:
        return cls(text, anchor)

    @cached_property
    def business(self) -> bool:
        return len(_BUSINESS.findall(self.text)) > len(_SPORT.findall(self.text))  # a game is no business

    @cached_property
    def quarters(self) -> list[tuple[int, dt.date, bool]]:
        text, anchor, out = self.text, self.anchor, []
        if not anchor or "quarter" not in text.lower() or not self.business:
            return out
        done = 0
        for hit in _ORDINAL_QUARTER.finditer(text):
            for m in _PERIOD.finditer(text, max(done, hit.start() - 60), hit.end() + 60):
                if m.end() <= hit.start():
                    continue
                done = m.end()
                if m.group("ord") and m.group("qh").lower() != "half" and not any(
                        m.group(k) for k in ("of", "pago", "tail", "py", "oy", "pyrel", "oyrel")) \
                        and not _COMPARED_TO.search(text[max(0, m.start() - 40):m.start()]) \
                        and not _APPOSED.search(text[max(0, m.start() - 40):m.start()]):
                    found = _period(m, text, anchor, None)
                    if found and found[1] == "quarter" and found[0] <= anchor:
                        ended = _shift(found[0], 1) <= anchor
                        if ended or not _FUTURE.search(text[max(0, m.start() - 90):m.start()]):
                            out.append((m.start(), found[0], ended))
                break
        return out

    def reported(self, at: int) -> dt.date | None:
        """The quarter the text at this offset reports on: the last one named before it (or
        in its sentence), one that has ended first; else the first named after it."""
        before = [(q, ended) for pos, q, ended in self.quarters if pos < at]
        after = [(q, ended) for pos, q, ended in self.quarters if pos >= at]
        for group in (before[::-1], after):
            for q, ended in group:
                if ended:
                    return q
            if group:
                return group[0][0]
        return None


def _end_day(text: str, at: int, anchor: dt.date) -> dt.date | None:
    """The day a quarter or half that ends at ``at`` in ``text`` ends, when the text gives it
    ("the quarter ended July 31": the latest July 31 by the document's date)."""
    e = _ENDED.match(text[at:at + 40])
    if not e:
        return None
    return _month_day(MONTHS[e.group("m").lower()], int(re.sub(r"\D", "", e.group("d"))), anchor,
                      "past" if e.group("how").lower() == "ended" else "", None)


def _span(text: str, previous: str = "") -> str:
    """"year" for a sentence about nine months or a year, "half" for one about six months, else
    "": what the sentence says, or, when it names no quarter, what the sentence before it
    (``previous``) opens with."""
    if _YEARLONG.search(text):
        return "year"
    if _HALF_YEAR.search(text):
        return "half"
    o = _OPENS_SPAN.match(previous) if previous and not re.search(r"quarter", text, re.I) else None
    return ("half" if o.group("half") else "year") if o else ""


def _previous_sentence(text: str, at: int) -> str:
    """Roughly the sentence that ends before offset ``at`` (enough to see how it opens)."""
    return re.split(r"(?<=[.!?])\s+(?=[\"“‘'A-Z])|\n\s*\n", text[max(0, at - 400):at].rstrip())[-1]


def _period(m: re.Match, text: str, anchor: dt.date, reported: dt.date | None, span: str | None = None):
    """(first day, granularity) of a quarter, half or "period" match, or None. A quarter that
    ends on a day the text gives ("the second quarter ended Oct. 31") is of that day's year;
    "the quarter ended July 31" of a document that names no quarter is the calendar quarter
    that holds most of it (May to July: the second)."""
    g = m.groupdict()
    if g["of"]:
        return None  # "a quarter of the market", "the first half of the game"
    end = _end_day(text, m.end(), anchor)
    span = _span(text) if span is None else span
    det = (g["det"] or "").lower()
    future = bool(_FUTURE.search(text[max(0, m.start() - 90):m.start()]))
    year = next((_year_of(y) for y in (g["py"], g["oy"]) if y), None)
    rel = (g["pyrel"] or g["oyrel"] or "").lower()
    if rel:
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    back = bool(g["pago"] or g["tail"])  # "the year-ago quarter", "the quarter a year ago"
    if g["two"]:
        n, size = (1 if g["two"].lower() == "first" else 2), 2
    elif g["hord"] or (g["qh"] or "").lower() == "half":
        n, size = _ORDINALS[(g["hord"] or g["ord"]).lower()], 2
        if n > 2:
            return None
    elif g["ord"]:
        n, size = _ORDINALS[g["ord"].lower()], 1
        if g["qh"].lower() == "period" and det not in ("the", "its", "their") and not m.group(0)[0].isupper():
            return None  # "a second period of unrest"
    else:  # "the quarter", "the latest period", "the 1988 period", "the year-ago quarter"
        bare = g["bare"].lower()
        adj = (g["padj"] or "").lower()
        if det in ("a", "an") or (bare == "period" and not (adj in ("latest", "comparable", "corresponding", "same")
                                                             or year or back or rel)):
            return None
        if bare == "period" and not reported:
            return None  # a period of what: the document names no quarter
        if bare == "period" and span == "year":  # "the nine months ... in the 1988 period"
            return dt.date(year if year else reported.year - bool(back), 1, 1), "year"
        if bare == "period" and span == "half":
            return None
        if adj == "current" or (det == "this" and future):
            return _quarter_of(anchor), "quarter"
        if det in ("last", "next") and not adj:
            return _shift(_quarter_of(anchor), 1 if det == "next" else -1), "quarter"
        if det not in ("the", "this", "its", "their") and not (year or back or rel or adj):
            return None
        if not reported and end and bare == "quarter":  # the middle of its three months
            reported = _quarter_of(dt.date(*shift_months(end.year, end.month, -1 if end.day >= 15 else -2), 1))
        base = reported or _shift(_quarter_of(anchor), -1)  # else the latest that has ended
        if adj in ("previous", "preceding"):  # "from the previous quarter": the one before
            base = _shift(base, -1)
        n, size = (base.month - 1) // 3 + 1, 1
        if year is None:
            year = base.year
        if back and not (g["py"] or g["oy"] or rel):
            year -= 1
        return _quarter(year, n), "quarter"
    if year is None and end and not back:
        year = end.year
    if year is None:
        year = _placed(n, size, anchor, future)
        if back:
            year -= 1
    if size == 2:
        return dt.date(year, 1 if n == 1 else 7, 1), "half"
    return _quarter(year, n), "quarter"


def _season(m: re.Match, anchor: dt.date | None, before: str):
    """(first day, "season") of a season match, or None: "this summer", "last fall", "the
    winter of 1994"; a bare season ("summer camp"), "the fall" or "fall" without a year are
    no dates."""
    code = _SEASON_CODES[m.group("season").lower()]
    mod = " ".join((m.group("smod") or "").lower().split())
    if m.group("sy"):
        year = _year_of(m.group("sy"))
        return (dt.date(year - (code == "WI"), SEASONS[code], 1), "season") if year else None
    if not anchor or not mod or (code == "FA" and (mod.endswith("the") or mod in ("early", "late", "mid"))):
        return None
    starts = [dt.date(y - (code == "WI"), SEASONS[code], 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1, anchor.year + 2)]
    ends = [_shift(s, 1) for s in starts]
    current = next((s for s, e in zip(starts, ends) if s <= anchor < e), None)
    past = [s for s, e in zip(starts, ends) if e <= anchor]
    ahead = [s for s in starts if s > anchor]
    if mod in ("last", "this past"):
        return past[-1], "season"
    if mod in ("next", "this coming"):
        return ahead[0], "season"
    if mod == "this":
        return (current or min(past[-1:] + ahead[:1], key=lambda s: abs((s - anchor).days))), "season"
    if _FUTURE.search(before):
        return (current or ahead[0]), "season"
    if mod.split()[0] in ("into", "until", "by"):  # "well into the summer": the nearer one
        def gap(start: dt.date) -> int:  # days from the season to the document's date, or back
            return (anchor - _shift(start, 1)).days if start < anchor else (start - anchor).days
        return (current or min(past[-1], ahead[0], key=gap)), "season"
    return (current or past[-1]), "season"


def _baseline(m: re.Match, text: str, reported: dt.date | None, named: bool, span: str):
    """(first day, granularity) of the year-ago period an earnings comparison's baseline
    means, or None when the sentence is no earnings comparison or its period is unknown.
    ``reported`` is the quarter the sentence reports on; ``named`` whether it names one."""
    if not reported:
        return None
    noun = m.group("adj") and re.match(r"\s+(?:results?|net|profits?|loss|earnings|income|revenues?|sales)\b",
                                       text[m.end():], re.I)
    opening = not text[:m.start()].strip(" \"'“‘`")  # "A year earlier, net income was $2 million."
    if not (named or noun or ((opening or _EARNINGS.search(text[:m.start()])) and _FIGURE.search(text))):
        return None  # "up from seven a year ago", "production fell 8% from a year ago, which hurt earnings"
    if m.group("last") and not (_LAST_YEAR_BASE.search(text[max(0, m.start() - 90):m.start()])
                                or re.match(r"\s*(?:'s|’s)\s+(?:quarter|period|results?|net|profits?|loss|earnings|"
                                            r"income|revenues?|sales)\b", text[m.end("last"):], re.I)):
        return None  # "Last year, the company had charges of ...": the whole year
    if m.group("adj") and not re.match(r"\s+(?:results?|net|profits?|loss|earnings|income|revenues?|sales|figures?|"
                                        r"levels?|quarter|period|\$)", text[m.end():], re.I):
        return None
    if span == "year":
        return dt.date(reported.year - 1, 1, 1), "year"
    if span == "half":
        return None  # the six months a year before: no value states them
    return _quarter(reported.year - 1, (reported.month - 1) // 3 + 1), "quarter"


def find_periods(text: str, anchor: dt.date | None, reports: Reports | None = None,
                 offset: int = 0) -> list[DateMention]:
    """Quarters, halves, seasons, decades and earnings baselines in ``text`` (a sentence at
    ``offset`` in a document whose :class:`Reports` are given; without them, the text is its
    own document). All need the document's date (``anchor``): without it, the year in "the
    third quarter of 1984" stands alone, as the grammar finds it."""
    if not anchor:
        return []
    out: list[DateMention] = []
    low = text.lower()
    if "quarter" in low or "half" in low or "period" in low or "year" in low:
        reports = reports or Reports.of(text, anchor)
        reported = reports.reported(offset + len(text))
        span = _span(text, _previous_sentence(reports.text, offset) if offset else "")
        taken: list[tuple[int, int]] = []
        if ("quarter" in low or "half" in low or "period" in low) and not _SPORT.search(text):
            for m in _PERIOD.finditer(text):
                # a business calendar's, unless its year is stated ("the third quarter of 1984")
                if not (m.group("py") or m.group("oy") or m.group("pyrel") or m.group("oyrel") or reports.business):
                    continue
                found = _period(m, text, anchor, reported, span)
                if found and out and found[1] == "quarter" and _APPOSED.search(text[max(0, m.start() - 40):m.start()]) \
                        and text[out[-1].end:m.start()].strip() == "," and _end_day(text, m.end(), anchor):
                    # "the year-ago quarter, the second quarter ended Oct. 31": the second names the first
                    out[-1] = DateMention(out[-1].start, out[-1].end, out[-1].expression, found[0], True, "quarter")
                if found:
                    start = m.end("det") + 1 if m.group("det") and m.group("det").lower() in ("a", "an") else m.start()
                    out.append(DateMention(start, m.end(), text[start:m.end()], found[0], True, found[1]))
                    taken.append((m.start(), m.end()))
        if "year" in low and (reported or out):
            for m in _BASELINE.finditer(text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                # the quarter this sentence names before the baseline, else the document's
                own = [p.date for p in out if p.granularity == "quarter" and p.start < m.start()
                       and not re.search(r"year[-\s](?:ago|earlier)|last\s+year|a\s+year", p.expression, re.I)]
                found = _baseline(m, text, own[-1] if own else reported,
                                  any(p.granularity == "quarter" for p in out), span)
                if found:
                    out.append(DateMention(m.start(), m.end(), m.group(0), found[0], True, found[1]))
    if "0s" in low or "ties" in low:
        for m in _DECADE.finditer(text):
            if m.group("dy"):
                year = int(m.group("dy"))
                if year % 100 == 0 and year != 2000:
                    continue  # "the 1800s": a century as often as a decade
            else:  # "the '80s", "the nineties": the latest such decade begun by the document's date
                tens = int(m.group("dd")) if m.group("dd") else _DECADE_WORDS.index(m.group("dw").lower()) + 2
                if m.group("dw") and not m.group(0).lower().startswith("the"):
                    continue  # "in his nineties", "temperatures in the low seventies" need "the"
                year = (anchor.year // 100) * 100 + tens * 10
                year -= 100 * (year > anchor.year)
            out.append(DateMention(m.start(), m.end(), m.group(0), dt.date(year, 1, 1), not m.group("dy"), "decade"))
    if re.search(r"spring|summer|fall|autumn|winter", low):
        for m in _SEASON.finditer(text):
            found = _season(m, anchor, text[max(0, m.start() - 90):m.start()])
            if found:  # "in the summer": the words from "the"
                prep = re.match(r"(?:in|into|during|over|through|until|by|since)\s+", m.group(0), re.I)
                start = m.start() + (prep.end() if prep else 0)
                out.append(DateMention(start, m.end(), text[start:m.end()], found[0], True, found[1]))
    return sorted(out, key=lambda d: d.start)
