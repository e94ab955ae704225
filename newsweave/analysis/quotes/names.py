"""Naming a speaker: the noun phrase of a name or description without its clauses, a
role apposition ("Gerald Ashdown, the water board's chief executive"), and the fuller name
a document (or the cluster) gives for a surname, an acronym or a short organisation name.
"""

from __future__ import annotations

import re

from ...text.lexicon import initials, name_without_honorifics
from .context import _DocContext, _Mention

MAX_SPEAKER_TOKENS = 12  # longer "speakers" are clauses the parse got wrong
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "parataxis"})


def _name_text(ctx: _DocContext, k: int, h, proper: bool) -> str:
    """The noun phrase headed by ``h`` without clauses, appositions and (for names) trailing
    prepositional phrases; a leading "the" dropped from names."""
    found = _name_span(ctx, k, h, proper)
    return found[0] if found else ""


def _name_span(ctx: _DocContext, k: int, h, proper: bool) -> tuple[str, int, int] | None:
    """``_name_text`` and where it stands in the document (start, end)."""
    keep = {h.i}
    heads = [h]
    # Mis-attached pieces of one name ("Talal al - Barazi" as three subjects of "said")
    doc = h.doc
    for t in (doc[i] for i in range(max(0, h.i - 3), min(len(doc), h.i + 4))):
        if t.i != h.i and t.head.i == h.head.i and t.dep_ == h.dep_ and t.head.i != t.i \
                and (t.pos_ == "PROPN" or t.ent_type_):
            keep.add(t.i)
            heads.append(t)
    if h.ent_type_:
        for ent in ctx.ents[k]:
            if ent.start <= h.i < ent.end and not any(t.pos_ in ("VERB", "AUX") for t in ent):
                keep.update(range(ent.start, ent.end))
    for c in (c for hh in heads for c in hh.children):
        if ctx.inside_quote(ctx.off(k, c)):
            continue
        if c.i < h.i and c.dep_ not in _CUT_DEPS:
            keep.update(t.i for t in c.subtree)
        elif c.i > h.i and not proper and c.dep_ in ("prep", "amod", "compound", "nummod"):
            keep.update(t.i for t in c.subtree)
        elif c.i > h.i and proper and c.dep_ in ("compound", "flat"):
            keep.update(t.i for t in c.subtree)
    toks = [doc[i] for i in sorted(keep)]
    toks = [t for t in toks if not ctx.inside_quote(ctx.off(k, t))]
    if h not in toks:
        return None
    # contiguous run around the head
    lo = hi = toks.index(h)
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    toks = toks[lo:hi + 1]
    while toks and (toks[0].dep_ in ("punct", "case", "cc") or toks[0].is_punct
                    or (proper and toks[0].dep_ in ("det", "poss"))):
        toks = toks[1:]
    while toks and toks[-1].dep_ in ("punct", "case", "cc") and toks[-1] is not h:
        toks = toks[:-1]
    if not toks:
        return None
    if proper and toks[0].is_lower and toks[0] is not h:
        # "leader Burhan Ghalioun", "retired teacher Agnieszka Moor": a bare lower-case
        # description before a name reads badly without its determiner; keep the name
        while toks and toks[0].is_lower and toks[0] is not h:
            toks = toks[1:]
    if len(toks) > MAX_SPEAKER_TOKENS:
        toks = [t for t in toks if t.i <= h.i][-MAX_SPEAKER_TOKENS:]
    if not toks:  # the trimming above can remove the head itself (a stray "det" or "cc" head)
        return None
    text = ctx.slice(k, toks[0], toks[-1])
    if not proper and toks[0].dep_ == "det" and toks[0].i == toks[0].sent.start:
        text = text[0].lower() + text[1:]  # "A Syrian security official" mid-sentence
    return text, ctx.off(k, toks[0]), ctx.off(k, toks[-1]) + len(toks[-1].text)


def _role(ctx: _DocContext, k: int, h) -> str | None:
    """A role apposition after a name: "Gerald Ashdown, the water board’s chief executive"."""
    for c in h.children:
        if c.dep_ != "appos" or c.i < h.i or c.pos_ != "NOUN":
            continue
        toks = [t for t in c.subtree]
        cut = {t.i for g in c.children if g.dep_ in ("relcl", "acl", "advcl", "appos", "conj", "cc")
               for t in g.subtree}
        run = []
        for t in toks:
            if t.i in cut or ctx.inside_quote(ctx.off(k, t)):
                break
            run.append(t)
        while run and run[-1].dep_ in ("punct", "cc"):
            run.pop()
        if run and len(run) <= 10:
            return ctx.slice(k, run[0], run[-1])
    return None


def _full_name(ctx: _DocContext, name: str) -> str:
    """A bare surname ("Kerry", "Mr Pell") becomes the document's fullest mention of that
    person, with title and role ("U.S. Secretary of State John Kerry")."""
    core = name_without_honorifics(name)
    if len(core) != 1:
        return name
    if name in ctx.names:
        return ctx.names[name]
    surname = core[0].replace("\u2019s", "").replace("'s", "")
    best = None
    for k, ents in enumerate(ctx.ents):
        for ent in ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            words = [w.lower() for w in re.split(r"[\s-]+", ent.text) if w]
            if words[-1] != surname:
                continue
            ctx.parsed[k]  # parsed in place: ``ent`` gets its dependency tree
            h = ent.root
            text = _name_text(ctx, k, h, True)
            if not text:
                continue
            role = _role(ctx, k, h)
            if role:
                text = f"{text}, {role}"
            if best is None or len(text) > len(best):
                best = text
        if best is not None:
            break  # the first sentence that names them in full
    if best is None:  # named in full only by another article
        best = ctx.cluster_names.get(surname)
    ctx.names[name] = best or name
    return best or name


def _expand_acronym(ctx: _DocContext, acronym: str) -> str:
    """"SNC" -> "Syrian National Council" when the document spells it out."""

    key = "\0" + acronym
    if key not in ctx.names:
        ctx.names[key] = acronym
        for ents in ctx.ents:
            for ent in ents:
                if ent.label_ in ("ORG", "NORP") and len(ent) > 1:
                    text = re.sub(r"^(the|The)\s+", "", ent.text)
                    if initials(text) == acronym:
                        ctx.names[key] = text
                        break
            if ctx.names[key] != acronym:
                break
    return ctx.names[key]


def _longer_org(ctx: _DocContext, name: str) -> str:
    """"Times" -> "The New York Times" when the document names it in full."""
    key = "\1" + name
    if key not in ctx.names:
        ctx.names[key] = name
        for ents in ctx.ents:
            for ent in ents:
                words = ent.text.split()
                if ent.label_ == "ORG" and len(words) > 1 and words[-1] == name:
                    ctx.names[key] = re.sub(r"^(the|The)\s+", "", ent.text)
                    return ctx.names[key]
    return ctx.names[key]


def _any_speaker(ctx: _DocContext, k: int, h) -> _Mention | None:
    """The subject of a speech verb speaks, whatever its noun: "one harbour employee told", "the
    printed campaign card said", "one of those advisers said", "tweeted another"."""
    if h.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ") and h.lower_ not in ("another", "others", "some", "many"):
        return None
    found = _name_span(ctx, k, h, False)
    if not found or len(found[0].split()) > 8:
        return None
    kind = "group" if h.tag_ in ("NNS", "NNPS") or h.lower_ in ("others", "some", "many") else "person"
    return _Mention(kind, found[0], h.lemma_.lower(), found[1], found[2])
