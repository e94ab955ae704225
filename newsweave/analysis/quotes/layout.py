"""Speakers the layout gives rather than a verb the parse can see: a dash and a name after
the quotation (“…” — Ana Berg), a label and a colon before it (Berg: “…”, Berg continued:),
a transcript turn quoted whole (“BERG: …”), and an attribution too short to be a sentence of
its own (“…?” Graham asked.), which the sentence splitter leaves out and so nothing parses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .context import _DocContext, _Mention
from .marks import _Raw
from .names import _any_speaker, _full_name
from .speakers import _SPEECH_FORMS, _antecedent, _describe

_NAME = r"[A-Z][\w.'\u2019-]*(?:[ \xa0]+(?:[A-Z][\w.'\u2019-]*|de|la|van|von|al|bin)){0,4}"
# “…” — Name  /  “…” ― Name, role
_DASH_AFTER = re.compile(r"[ \xa0]*(?:[\u2015\u2014\u2013]|--)[ \xa0]*(" + _NAME + ")")
# Name: “…”  (a speaker label before the quotation, at the start of its paragraph or sentence)
_COLON_BEFORE = re.compile(r"(?:^|(?<=[.!?\n])|(?<=[-\u2014\u2013] ))[ \xa0]*(" + _NAME
                           + r")(?:[ \xa0]+(?P<verb>[a-z]+))?[ \xa0]*:[ \xa0\n]*$")
_SHORT_AFTER = re.compile(r"[ \xa0]*(?:(?P<pro>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)|(?P<name>" + _NAME
                          + r"))[ \xa0]+(?P<verb>[a-z]+)(?:[ \xa0]+[a-z]+ly)?(?=[ \xa0]*(?:[.,;:!?]|$))")
# “…,” Ortega, 58, told reporters / Webb, a retired engineer, said  (a quotation ending in a comma goes on
# with its attribution)
_AFTER = re.compile(r"[ \xa0]*(?:(?P<pro>[Hh]e|[Ss]he|[Tt]hey)|(?P<name>" + _NAME
                    + r"))(?:,[ \xa0]+[^,\n\u201c\u201d\"]{1,80},)?[ \xa0]+(?P<verb>[a-z]+)\b")  # , 58, / , a retired worker,
_SHORT_AFTER_INVERTED = re.compile(r"[ \xa0]*(?P<verb>[a-z]+)[ \xa0]+(?:[a-z-]+[ \xa0]+){0,3}?(?P<name>" + _NAME
                                   + r")(?=(?:[ \xa0]*\([^()\n]{1,16}\))?[ \xa0]*(?:[.,;]|$))")  # (D-Md.)
_NAME_BEFORE = re.compile(r"(?P<name>" + _NAME + r")(?:[ \xa0]+[a-z]+)?[ \xa0]+$")
_NAME_VERB = re.compile(r"(?<![\w.'\u2019-])(" + _NAME + r")[ \xa0]+(?:[a-z]+ly[ \xa0]+)?[a-z]+(?:ed|es|s)\b")
_NOT_NAMES = frozenset("when while after before as if in on at so then but and yet".split())
_QUOTED = re.compile('[\u201c\u201d"]')
_PRONOUN_KIND = {"he": "person", "she": "person", "they": "group", "it": "org"}
# “NAME: …”  (a transcript turn quoted whole)
_TURN = re.compile(r"((?:[A-Z][A-Z.'\u2019-]+)(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")


def _layout_speaker(ctx: _DocContext, r: _Raw, paras) -> _Mention | None:
    """A speaker the layout gives, not a verb: a dash and a name after the quotation
    (“…” — Ana Berg), a label and a colon before it (Berg: “…”), a transcript turn quoted
    whole (“BERG: …”)."""
    text = ctx.doc.text
    ps, pe = paras[r.para]
    m = _DASH_AFTER.match(text, r.end, pe)
    if m and not _SPEECH_FORMS.match(m.group(1)):
        return _named(ctx, m.group(1), m.start(1))
    # Berg: “…”  /  Berg continued:¶“…”  (too short for a sentence of its own, so no parse)
    lo = paras[r.para - 1][0] if r.start == ps and r.para > 0 else ps
    m = _COLON_BEFORE.search(text, lo, r.start)
    if m and m.end() == r.start and not ctx.inside_quote(m.start(1)) and \
            (m.group("verb") is None or _SPEECH_FORMS.fullmatch(m.group("verb"))):
        return _named(ctx, m.group(1), m.start(1))
    if r.start == ps and r.para > 0 and lo < ps and text[lo:ps].rstrip().endswith(":"):
        # As the Heritage Foundation website notes:¶“…”  (a line ending in a colon is no sentence)
        line_end = lo + len(text[lo:ps].rstrip())
        line_start = max(lo, text.rfind("\n", lo, line_end) + 1, line_end - 300)
        verbs = list(_SPEECH_FORMS.finditer(text, line_start, ps))
        m = _NAME_BEFORE.search(text, line_start, verbs[-1].start()) if verbs else None
        if m and not ctx.inside_quote(m.start("name")) and not _QUOTED.search(text, verbs[-1].end(), ps):
            return _named(ctx, m.group("name"), m.start("name"))
    m = _TURN.match(text, r.inner_start, r.inner_end)
    if m and len(m.group(1)) >= 3:
        return _named(ctx, m.group(1), m.start(1))
    # “…?” Graham asked.  /  “…,” said Graham.  (the same: a fragment the parse never sees)
    return _said_after(ctx, r, pe, unparsed=True)


def _said_after(ctx: _DocContext, r: _Raw, pe: int, unparsed: bool = False) -> _Mention | None:
    """“…,” Graham said / said Graham / he asked (rhetorically) / Ortega, 58, told reporters: the
    words right after the quotation. With ``unparsed``, only where the parse cannot see them
    (outside every sentence); otherwise where the parse of the sentence found no speaker (a
    tagger that read "Holm answers" as a noun phrase)."""
    text = ctx.doc.text
    m = _SHORT_AFTER.match(text, r.end, pe) or _SHORT_AFTER_INVERTED.match(text, r.end, pe)
    if not unparsed and m is None:
        inner = text[r.inner_start:r.inner_end].rstrip()
        m = _AFTER.match(text, r.end, pe) if inner[-1:] in (",", "?", "!", "\u2014", "-") else None
    if m is None or not _SPEECH_FORMS.fullmatch(m.group("verb")) \
            or unparsed and ctx.sentence_at(m.start("verb")) is not None:
        return None
    if m.group("name"):
        return _named(ctx, m.group("name"), m.start("name"))
    pronoun = m.group("pro").lower()
    # the sentences up to the quotation's end (it may end outside every kept sentence: a
    # fragment the splitter left out)
    found = _antecedent(ctx, bisect_right(ctx.starts, r.end - 1), _PRONOUN_KIND[pronoun], pronoun=pronoun)
    return replace(found, src_start=m.start("pro"), src_end=m.end("pro")) if found else None


def _named(ctx: _DocContext, name: str, start: int) -> _Mention | None:
    name = name.rstrip(".,").strip()
    if name.startswith("The ") and len(name.split()) > 2:  # The New York Times reports:
        name, start = name[4:], start + 4
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an", "he", "she", "it", "they", "i", "we", "and", "but",
                                         "editor", "photo", "image", "source", "update", "note", "read", "via"):
        return None
    return _Mention("person", _full_name(ctx, name), words[-1].lower(), start, start + len(name))


def _colon_speaker(ctx: _DocContext, r: _Raw) -> _Mention | None:
    """Holm, exasperated, finally responded: “…” / Holm delivered a blunt message to the
    governor:¶“…” / Holm released the following statement:¶“…”: the subject of the clause that
    ends in the colon before the quotation (any verb introduces it), when nothing else names the
    speaker."""
    text = ctx.doc.text
    colon = len(text[:r.start].rstrip())
    if colon == 0 or text[colon - 1] != ":" or "\n\n\n" in text[colon:r.start]:
        return None
    colon -= 1
    start = max(text.rfind(c, 0, colon) for c in ".!?\n") + 1
    k = ctx.sentence_at(colon)
    if k is None:  # a line ending in a colon is no sentence: no parse, so "Name verbed" in it
        for m in _NAME_VERB.finditer(text, start, colon):
            if not ctx.inside_quote(m.start()) and m.group(1).split()[0].lower() not in _NOT_NAMES:
                return _named(ctx, m.group(1), m.start(1))
        return None
    start = max(start, ctx.sentences[k].start)
    for t in ctx.parsed[k]:
        o = ctx.off(k, t)
        if start <= o < colon and t.dep_ in ("nsubj", "nsubjpass") and start <= ctx.off(k, t.head) < colon \
                and t.head.pos_ in ("VERB", "AUX") and not ctx.inside_quote(o):
            found = _describe(ctx, k, t) or _any_speaker(ctx, k, t)
            if found is not None and found.kind in ("person", "org", "group", "author"):
                return found
            return None
    return None


def _subject_before(ctx: _DocContext, r: _Raw, si: int, paras) -> _Mention | None:
    """Holm defended her record. “We need …” / Holm went on with her remarks.¶“Eight years …”:
    a quotation that opens its sentence and that nothing attributes is the words of the subject
    of the sentence before it, in the same paragraph or the one before."""
    text = ctx.doc.text
    if si == 0 or text[ctx.sentences[si].start:r.start].strip() or r.para == 0:
        return None
    prev = ctx.sentences[si - 1]
    if prev.start < paras[r.para - 1][0] or ctx.inside_quote(prev.start) or _QUOTED.search(prev.text):
        return None
    for t in ctx.parsed[si - 1]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
            m = _describe(ctx, si - 1, t)
            return m if m is not None and m.kind in ("person", "org", "group") else None
    return None
