"""The scope of a figure: the place it is limited to ("killed in Homs"), the period or day
("since the uprising began", "on Thursday"), the year ("the 2009 quake that killed 300")
and the date it refers to, read from the dependency parse around it.
"""

from __future__ import annotations

import datetime as _dt

from ...text.dates import MONTHS
from .lexicon import _PLACE_PREPS, _WEEKDAYS


def _place(anchor, noun, parsed) -> tuple[str | None, str | None]:
    """A place the figure is limited to, and with its preposition: "killed in Homs" ("Homs",
    "in Homs"), "killed in violence across Syria", "the U.S. death toll" ("U.S.", "in U.S.")."""
    heads = [t for t in (anchor, noun) if t is not None]
    for tok in heads:  # "the U.S. death toll"
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ == "GPE" and c.i < tok.i:
                ents = [e for e in parsed.doc_ents(tok.doc) if e.start <= c.i < e.end]
                name = (ents[0].text if ents else c.text).removeprefix("the ")
                return name, f"in {name}"
    for tok in list(heads):  # one level down: "in violence across Syria"
        heads.extend(p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                        ents = [e for e in parsed.doc_ents(tok.doc) if e.start <= p.i < e.end]
                        name = (ents[0].text if ents else p.text).removeprefix("the ")
                        return name, f"{c.lower_} {name}"
    return None, None


def _clause_head(tok):
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


def _scope_tokens(anchor) -> list:
    """The tokens of the phrases that can limit a figure in time: the prepositions and
    adverbs of its clause ("since the uprising began", "on Thursday", "in the crisis")."""
    head = _clause_head(anchor)
    toks = []
    for h in dict.fromkeys((head, anchor)):
        for c in h.children:
            if c.dep_ in ("prep", "npadvmod", "advmod", "xcomp") or \
                    (c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children)):
                toks.extend(c.subtree)
        if h.dep_ == "xcomp":  # "are estimated ... to have died": look at the main verb too
            toks.extend(x for c in h.head.children if c.dep_ in ("prep", "agent") for x in c.subtree)
    return toks


def _phrase_of(toks, start_tok, limit: int = 14) -> str:
    """The words of a time phrase from ``start_tok``, up to ``limit`` tokens, one clause."""
    # "since" as a preposition heads its phrase; as a conjunction ("since Assad's forces
    # began a crackdown") it hangs from the clause's verb: the phrase is that clause from it
    top = start_tok.head if start_tok.dep_ in ("pobj", "mark") else start_tok
    ids = sorted(t.i for t in top.subtree if t.i >= start_tok.i)
    doc = start_tok.doc
    lo, hi = ids[0], ids[-1]
    hi = min(hi, lo + limit - 1)
    words = doc[lo:hi + 1].text
    return words.rstrip(" ,;:") + ("…" if ids[-1] > hi else "")


def _scope(anchor, root) -> tuple[str | None, str | None]:
    """(key, words): "period" for a cumulative figure ("since the uprising began", "in the
    current crisis"), "since <x>", "rate" ("each year"), "day:<weekday>" for a figure of one
    day ("killed in Homs on Thursday"); else (None, None)."""
    head = _clause_head(anchor)
    toks = _scope_tokens(anchor)
    words = {t.lower_ for t in toks}
    for t in toks:
        if t.lower_ == "since":  # "since 1998" and "since 1990" are different periods
            nxt = t.nbor() if t.i + 1 < len(t.doc) else None
            if nxt is not None and (nxt.like_num or nxt.lower_ in MONTHS or nxt.lower_ in _WEEKDAYS):
                return f"since {nxt.lower_}", _phrase_of(toks, t)
    if words & {"annually", "yearly", "monthly", "weekly", "daily"} or \
            any(t.lower_ in ("year", "month", "week", "day") and t.nbor(-1).lower_ in ("each", "every", "per", "a")
                for t in toks if t.i > 0):
        return "rate", None
    period = words & {"since", "crisis", "uprising", "conflict", "war", "crackdown", "revolt",
                      "revolution", "insurgency"}
    if period or {"so", "far"} <= words or {"to", "date"} <= words:
        for t in toks:  # the phrase that says it: "since Assad's forces began a crackdown"
            if t.lower_ == "since" or (t.dep_ == "prep" and any(x.lower_ in period for x in t.subtree)):
                return "period", _phrase_of(toks, t)
        return "period", "so far" if {"so", "far"} <= words else "to date" if {"to", "date"} <= words else None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            for p in c.children:
                if p.lower_ in _WEEKDAYS:
                    return f"day:{p.lower_}", f"on {p.text}"
        if c.dep_ == "npadvmod" and c.lower_ in ("yesterday", "today"):
            return f"day:{c.lower_}", c.lower_
    return None, None


def _is_year(t) -> bool:
    return t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100


def _year(anchor, root) -> str | None:
    """The year a figure belongs to when the sentence ties it to one: "the 2009 quake that
    killed more than 300", "In 1997, an earthquake killed...", "the quake of 2009 killed".
    A year after "since" opens a period instead (see ``_scope``)."""
    head = _clause_head(anchor)
    places = [head]
    if head.dep_ in ("relcl", "acl", "advcl") and head.head is not head:
        places.append(head.head)  # the noun a relative clause describes, or the main verb
    toks = []
    for h in places:
        for c in h.children:
            if c.dep_ in ("prep", "npadvmod", "nsubj", "nsubjpass", "compound", "nummod", "amod",
                          "dobj") and c.i != root.i:
                toks.extend(c.subtree if c.dep_ != "dobj" else [c, *c.children])
        if h.pos_ in ("NOUN", "PROPN"):
            toks.append(h)
    for t in toks:
        if _is_year(t) and not (t.i > 0 and t.doc[t.i - 1].lower_ == "since") and t.i != root.i:
            return t.text
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
