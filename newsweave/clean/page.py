"""Page-structure passes: debris that only its place on the page reveals.

A reader-comment thread (cut from its header to the end of the page), a multi-paragraph
donation box, a call-to-action question above a sign-up line, a related-links tail, the byline,
date and section label at the top of the page, author bios and paywall teasers at its foot,
and the leftovers of an error page. Each pass reads the line kinds found so far and marks more.
"""

from __future__ import annotations

import re

from ..text.dates import ANY_WEEKDAY_ALT, MONTH_ALT
from .lines import Line
from .stamps import DATE, DATE_ONLY, HAS_DATE_WORD, TIME

# ---------------------------------------------------------------- structural patterns

# "Comments", "Comments 30", "12 comments", "Reader comments (4)": header of a thread.
_COMMENT_HEADER = re.compile(
    r"^\W*(?:\d+\s+)?(?:reader\s+|user\s+)?(?:comments?|responses|replies|discussion|conversation)(?:\s*[(\[]?\d+[)\]]?)?\s*:?\W*$",
    re.I,
)
# A comment signature: "<username> 09 May 2014, 16:33", "<user> 3 hours ago".
_COMMENT_SIG = re.compile(
    rf"^(?P<who>\S.{{0,60}}?)\s+(?:on\s+)?(?:{DATE})(?:,|\s+at)?\s+{TIME}\W*$"
    rf"|^(?P<who2>\S.{{0,60}}?)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\W*$",
    re.I,
)
# ... but not a dateline or a blog post's own byline ("Updated 09 May 2014, 16:33",
# "Posted by Jane Doe on May 9, 2014 at 4:33 pm").
_NOT_A_USER = re.compile(
    rf"^\W*(?:(?:updated|posted|published|last|modified|edited|first|on|at|{ANY_WEEKDAY_ALT}|{MONTH_ALT})\b\W*)+$|^\W*(?:(?:posted|written|updated|published)\s+)?by\b",
    re.I,
)

# Donation box: a strong trigger line, and neighbouring paragraphs that read like an
# appeal in the publisher's own voice (first person plural, no quotation marks, money
# or journalism vocabulary).
_WE = re.compile(r"\b(?:we|our|us)\b", re.I)
_APPEAL = re.compile(
    r"\b(?:journalis\w*|reporters?|reporting|newsroom|paywalls?|donat\w*|support\w*|subscri\w*|contribut\w*|independen\w*|afford|readers|free press|democracy|mission|fund\w*)\b",
    re.I,
)
_QUOTE = re.compile(r"[\"\u201c\u201d]")

# "Read more:", "Related:", "ALSO:", "You may also like:": a list of other stories follows.
_RELATED_HEADER = re.compile(
    r"^\W*(?:read more|read next|more (?:from|on|stories|news)\b[^:]{0,40}|related(?: (?:stories|articles|posts|coverage|content|links|reading|gallery))?|also(?: read| see)?|see also|you (?:may|might) also like|recommended(?: for you| reading)?|further reading|most (?:read|popular|viewed|shared)|trending|top stories|what to read next|keep reading)\s*:?\s*$",
    re.I,
)

# Lone short title-cased line ("The Takeaway"): a section or show label.
_TITLE_WORD = r"(?:[A-Z][\w'&.-]*|of|the|and|&|in|on|for|a)"
_SHORT_TITLE = re.compile(rf"^[A-Z][\w'&.-]*(?: {_TITLE_WORD}){{0,3}}$")
# A person's name on its own line ("Jane Doe"): 2-4 capitalised words.
_NAME_LINE = re.compile(r"^[A-Z][a-z'.-]+(?: (?:[A-Z]\.|[A-Z][a-z'-]+|(?:de|van|von|al|bin|la|le|da)))?(?: [A-Z][A-Za-z'-]+){1,2}$")

# Author bio at the foot of the page: "Jane Doe is a columnist for ...".
_ROLE = r"(?:columnists?|correspondents?|writers?|reporters?|editors?|contributors?|bloggers?|producers?|journalists?|analysts?)"
_AUTHOR_BIO = re.compile(
    r"^[\u2014\u2013-]?\s*(?!(?:This|That|It|He|She|They|We|There|The|His|Her|Their|Our|What|Who)\b)"
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?: and [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})? "
    rf"(?:(?:is|are) (?:a|an|the|our|[A-Z][\w.]*'s)(?: [\w'-]+){{0,5}} {_ROLE}\b[^\"\u201c\u201d]*$|writes (?:the|a)\b.{{0,60}}\bcolumn\b)"
)

# "Jane Doe reported from Cairo and John Roe from Beirut." at the foot of the page.
_PLACE = r"[A-Z][\w'-]*(?:,? [A-Z][\w.'-]*){0,3}"
_REPORTED_FROM = re.compile(rf"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}} reported from {_PLACE}(?: and [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}} (?:from|in) {_PLACE})?\.?$")

# Trailing paywall teaser: "The...", "Workers...", "The U.S. doesn't have a clear ...".
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)$")
_CTA_QUESTION = re.compile(r"\byou\b.*[?!]$", re.I)


def comment_thread_start(lines: list[Line]) -> int | None:
    """Index of the line where a reader-comment thread starts, or None.

    A thread is a run of comment signatures ("<user> <date>, <time>") below the
    article: one right after a "Comments" header, or three without a header.  Once it
    starts, everything to the end of the page is reader content.
    """
    sigs = []
    for i, line in enumerate(lines):
        s = line.s
        if len(s) <= 90 and (":" in s or "ago" in s):
            m = _COMMENT_SIG.match(s)
            if m and not _NOT_A_USER.match(m.group("who") or m.group("who2")):
                sigs.append(i)
    if not sigs:
        return None
    first = sigs[0]
    # Reader comments follow an article: ask for article paragraphs above the thread
    # (a live blog whose entries are stamped "<author> <date>, <time>" has none).
    paragraphs_above = sum(1 for line in lines[:first] if len(line.s) >= 100)
    for j in range(first - 1, max(first - 4, -1), -1):
        if _COMMENT_HEADER.match(lines[j].s):
            return j if paragraphs_above >= 1 else None
    if len(sigs) >= 3 and paragraphs_above >= 3:
        return first
    return None


# ------------------------------------------------------------------ context detectors


def donation_box(lines, kinds, limit) -> None:
    """Grow donation triggers into the appeal paragraphs around them.

    A support box spans several paragraphs, only some of which name money ("Your
    donation allows us ...").  Paragraphs between two triggers at most four lines
    apart join the box when they are in the publisher's voice (we/our, no quotes);
    paragraphs next to the box join when they also use appeal vocabulary.
    """
    trig = [i for i in range(limit) if kinds[i] == "donation"]
    if not trig:
        return

    def voice(i: int) -> bool:
        s = lines[i][2]
        return kinds[i] is None and len(s) <= 800 and not _QUOTE.search(s) and _WE.search(s) is not None

    for a, b in zip(trig, trig[1:]):
        if 1 < b - a <= 5 and all(voice(i) for i in range(a + 1, b)):
            for i in range(a + 1, b):
                kinds[i] = "donation"
    for t in trig:
        i = t + 1
        while i < limit and voice(i) and _APPEAL.search(lines[i][2]):
            kinds[i] = "donation"
            i += 1
        i = t - 1
        while i >= 0 and voice(i) and _APPEAL.search(lines[i][2]):
            kinds[i] = "donation"
            i -= 1


def cta_lead_in(lines, kinds, limit) -> None:
    """A short question to the reader right above a sign-up or donation line
    ("Looking for news you can trust?") belongs to the same box."""
    for i in range(limit - 1):
        if kinds[i] is None and kinds[i + 1] in ("newsletter", "donation", "paywall"):
            s = lines[i][2]
            if len(s) <= 80 and _CTA_QUESTION.search(s) and not _QUOTE.search(s):
                kinds[i] = kinds[i + 1]


def related_tail(lines, kinds, limit) -> None:
    """After a "Read more:" / "Related:" header at the foot of the page, the short
    lines that follow are headlines of other stories."""
    for h in range(limit):
        if len(lines[h][2]) > 60 or not _RELATED_HEADER.match(lines[h][2]):
            continue
        rest = range(h + 1, limit)
        if len(rest) > 15 or any(len(lines[i][2]) > 200 for i in rest):
            continue  # not the page foot: real paragraphs follow
        if kinds[h] is None:
            kinds[h] = "navigation"
        for i in rest:
            if kinds[i] is None:
                kinds[i] = "navigation"
        return


def _kept(kinds, limit) -> list[int]:
    return [i for i in range(limit) if kinds[i] is None]


def top_of_page(lines, kinds, limit) -> None:
    """Byline + date and section labels between the headline and the first paragraph."""
    kept = _kept(kinds, limit)[:8]
    # "Jane Doe" directly followed by a date line: byline.
    for a, b in zip(kept, kept[1:]):
        if b == a + 1 and _NAME_LINE.match(lines[a][2]) and kinds[b] is None:
            nxt = lines[b][2]
            if len(nxt) <= 80 and DATE_ONLY.match(nxt) and HAS_DATE_WORD.search(nxt):
                kinds[a] = "credit"
                kinds[b] = "meta"
    # Date-only lines near the top (the per-line rules leave bare dates alone
    # elsewhere: a timeline entry can look like one).
    for i in kept:
        s = lines[i][2]
        if kinds[i] is None and len(s) <= 80 and DATE_ONLY.match(s) and HAS_DATE_WORD.search(s):
            kinds[i] = "meta"
    kept = _kept(kinds, limit)
    if len(kept) < 3:
        return
    h, label, body = (lines[k][2] for k in kept[:3])
    # "Headline / The Takeaway / First paragraph ...": the short title-cased line is a
    # section or show label, not the headline (the headline is the longer line above
    # it, and a real paragraph follows).
    if (
        len(h.split()) >= 4
        and len(h) <= 150
        and not h.endswith((".", "!", "?", "\u2026"))
        and len(label) <= 40
        and not label.endswith((".", "!", "?"))
        and _SHORT_TITLE.match(label)
        and not re.search(r"\d", label)
        and (len(body) >= 100 or body.endswith((".", '"', "\u201d")))
    ):
        kinds[kept[1]] = "credit" if _NAME_LINE.match(label) and not label.startswith("The ") else "navigation"


def foot_of_page(lines, kinds, limit) -> None:
    """Author bios and paywall teasers at the very end of the page."""
    kept = _kept(kinds, limit)
    for i in kept[-3:]:
        s = lines[i][2]
        if len(s) <= 300 and _AUTHOR_BIO.match(s) or len(s) <= 150 and _REPORTED_FROM.match(s):
            kinds[i] = "credit"
    kept = _kept(kinds, limit)
    if kept:
        s = lines[kept[-1]][2]
        if len(s) <= 80 and _TRUNCATED.search(s) and not _QUOTE.search(s[-4:]):
            kinds[kept[-1]] = "paywall"


def dead_leftovers(lines, kinds, limit) -> None:
    """A page that is an error / block page: the few words left around the notice
    ("Notice", "Yes") are part of it."""
    if "dead_page" not in kinds[:limit]:
        return
    kept = _kept(kinds, limit)
    if len(kept) <= 3 and sum(len(lines[i][2]) for i in kept) < 200:
        for i in kept:
            kinds[i] = "dead_page"
