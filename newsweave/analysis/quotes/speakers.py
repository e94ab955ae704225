"""Who said a quotation: the subject of the nearest speech verb outside it ("X said",
"according to X", "Y quoted X as saying"), a pronoun's or a definite description's
antecedent in the sentences before, else the subject of the clause the quotation belongs to.
"""

from __future__ import annotations

import re

from ...text.lexicon import DOCUMENT_NOUNS, PERSON_NOUNS, SPEAKING_ORG_NOUNS, SPEECH_VERBS
from .context import _DocContext, _Mention
from .marks import _Raw
from .names import _expand_acronym, _full_name, _longer_org, _name_text, _role

LOOK_BACK = 5  # sentences searched for a pronoun's antecedent

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_ORG_PRONOUNS = frozenset({"it"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
# Common nouns for people not in PERSON_NOUNS still mostly end like this ("pilot" does not).
_SPEAKER_SUFFIX = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|ant|ants|ent|ents|man|men|woman|women)$")
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})


def _reads_as_speech(ctx: _DocContext, r: _Raw, si: int) -> bool:
    """Unattributed, a quotation is kept only if it holds a finite verb (a clause, not a name)."""
    for k in range(si, len(ctx.sentences)):
        s = ctx.sentences[k]
        if s.start >= r.end:
            break
        for t in ctx.parsed[k]:
            o = ctx.off(k, t)
            if r.inner_start <= o < r.inner_end and t.tag_ in ("VBD", "VBP", "VBZ", "MD"):
                return True
    return False


def _frame(ctx: _DocContext, r: _Raw, si: int) -> list[int]:
    """The sentences that can hold the attribution: those the quotation overlaps, and the
    previous one when it ends in a colon ("Mr Feltman added:")."""
    idx = [si]
    k = si + 1
    while k < len(ctx.sentences) and ctx.sentences[k].start < r.end:
        idx.append(k)
        k += 1
    if si > 0 and ctx.sentences[si].start >= r.start - 1 and ctx.sentences[si - 1].text.rstrip().endswith(":"):
        idx.insert(0, si - 1)
    return idx


def _attribute(ctx: _DocContext, r: _Raw, si: int) -> tuple[str | None, str | None, str | None]:
    best = None
    for k in _frame(ctx, r, si):
        for t in ctx.parsed[k]:
            o = ctx.off(k, t)
            if ctx.inside_quote(o):
                continue
            if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX"):
                pass
            elif t.lower_ == "according" and any(c.lower_ == "to" for c in t.children):
                pass
            else:
                continue
            dist = r.start - (o + len(t.text)) if o < r.start else o - r.end
            if best is None or dist < best[0]:
                best = (dist, k, t)
    if best is not None:
        _, k, v = best
        found = _speaker_of_verb(ctx, k, v)
        if found is not None:
            return found
    # No speech verb: the subject of the clause the quotation belongs to, if it can speak.
    return _governing_subject(ctx, r, si)


def _speaker_of_verb(ctx: _DocContext, k: int, v):
    if v.lower_ == "according":
        for c in v.children:
            if c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return _describe(ctx, k, g)
        return None
    seen = 0
    while v is not None and seen < 4:
        seen += 1
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not ctx.inside_quote(ctx.off(k, c))]
        if v.lemma_ == "quote":  # "SANA quoted Barazi as saying ..."
            obj = [c for c in v.children if c.dep_ == "dobj"]
            if obj:
                return _describe(ctx, k, obj[0])
        if subj:
            return _describe(ctx, k, subj[0])
        if v.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and v.head is not v:
            v = v.head
        else:
            break
    return None


def _governing_subject(ctx: _DocContext, r: _Raw, si: int):
    """Subject of the nearest verb outside the quotation that the quotation depends on
    ("Jarba thanked Kerry for Washington's support “for the struggle ...”")."""
    doc = ctx.parsed[si]
    for t in doc:
        o = ctx.off(si, t)
        if not (r.inner_start <= o < r.inner_end):
            continue
        h = t.head
        if h is t or ctx.inside_quote(ctx.off(si, h)):
            continue
        for _ in range(6):
            if h.pos_ in ("VERB", "AUX"):
                subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and not ctx.inside_quote(ctx.off(si, subj[0])):
                    found = _describe(ctx, si, subj[0])
                    if found and found[1] in ("person", "org", "group"):
                        return found
                    return None, None, None
            if h.head is h:
                break
            h = h.head
        return None, None, None
    return None, None, None


def _kind(tok) -> str | None:
    """What a head token names: "person", "org", "group" or None (a thing)."""
    low = tok.lower_
    if low in _PERSON_PRONOUNS:
        return "person"
    if low in _ORG_PRONOUNS:
        return "org"
    if low in _GROUP_PRONOUNS:
        return "group"
    ent = tok.ent_type_
    if ent == "PERSON":
        return "person"
    if ent in ("ORG", "NORP", "GPE"):
        return "org"
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN":
        return "org" if lemma in SPEAKING_ORG_NOUNS or tok.text.isupper() else "person"
    if lemma in PERSON_NOUNS or low.endswith("-old") or (
            low == "old" and any(c.lower_ in ("year", "years") for c in tok.children)):  # "a 45-year-old"
        return "group" if tok.tag_ in ("NNS", "NNPS") else "person"
    if lemma in SPEAKING_ORG_NOUNS:
        return "org"
    return None


def _describe(ctx: _DocContext, k: int, h):
    """(speaker text, kind, head lemma) for the noun phrase headed by ``h``."""
    low = h.lower_
    if low in _PERSON_PRONOUNS | _ORG_PRONOUNS | _GROUP_PRONOUNS:
        m = _antecedent(ctx, k, _kind(h))
        return (m.text, m.kind, m.head) if m else (None, None, None)
    if low in ("i", "we", "you", "who", "which", "that", "this"):
        return None, None, None
    lemma = h.lemma_.lower()
    if lemma in DOCUMENT_NOUNS and h.pos_ == "NOUN":  # the rebels' statement, a statement by X
        for c in h.children:
            if c.dep_ == "poss":
                return _describe(ctx, k, c)
        for c in h.subtree:
            if c.lower_ in ("by", "from", "of") and c.head is h or c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return _describe(ctx, k, g)
        return None, None, None
    if h.pos_ == "NOUN":
        for c in h.children:  # "organization, Avaaz": the name, not the description
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                name, kind, head = _describe(ctx, k, c)
                if name and kind == "person" and ", " not in name and h.lemma_.lower() not in SPEAKING_ORG_NOUNS:
                    # "The agency's chief, Marta Olsen" -> "Marta Olsen, the agency's chief"
                    role = _name_text(ctx, k, h, False)
                    if role and len(role.split()) <= 6 and role.split()[0].lower() not in _POSSESSIVES:
                        name = f"{name}, {role[0].lower() + role[1:]}"
                return name, kind, head
    kind = _kind(h)
    proper = h.pos_ == "PROPN" or h.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    if not proper and (h.pos_ not in ("NOUN", "ADJ", "NUM") or kind is None and not _SPEAKER_SUFFIX.search(low)):
        return None, None, None  # "the text", "the excavations": things, not speakers
    name = _name_text(ctx, k, h, proper)
    if not name:
        return None, None, None
    if proper:
        if kind == "person" or " " not in name and not name.isupper():
            full = _full_name(ctx, name)
            if full != name:
                name, kind = full, "person"
        if kind == "person":
            pass
        elif name.isupper() and len(name) >= 2:
            name = _expand_acronym(ctx, name)
        elif kind == "org" and " " not in name:
            name = _longer_org(ctx, name)
        role = _role(ctx, k, h)
        if role and ", " not in name:
            name = f"{name}, {role}"
    else:
        det = [c for c in h.children if c.dep_ == "det" and c.i < h.i]
        if det and det[0].lower_ == "the":  # "the official": the earlier, fuller description
            earlier = _antecedent(ctx, k, kind, head=lemma)
            if earlier is not None:
                return earlier.text, earlier.kind, earlier.head
    return name, kind, lemma


def _antecedent(ctx: _DocContext, k: int, kind: str | None, head: str | None = None) -> _Mention | None:
    """The most salient earlier mention of the right kind (or with the same head noun)."""
    want = {"person": ("person",), "org": ("org",), "group": ("group", "org")}.get(kind or "", ())
    for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
        for m in _sentence_mentions(ctx, j):
            if head is not None:
                if m.head == head and len(m.text.split()) > 2:
                    return m
            elif m.kind in want:
                return m
    return None


def _sentence_mentions(ctx: _DocContext, j: int) -> list[_Mention]:
    """Candidates in sentence ``j``, most salient first: speakers of its quotations, subjects
    of its verbs (speech verbs and the root), then its named people and organisations."""
    return ctx.mentions.get(j, []) + _found_mentions(ctx, j)


def _found_mentions(ctx: _DocContext, j: int) -> list[_Mention]:
    if j in ctx.found:
        return ctx.found[j]
    out: list[_Mention] = []
    doc = ctx.parsed[j]
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and not ctx.inside_quote(ctx.off(j, t))
                and (t.head.dep_ == "ROOT" or t.head.lemma_ in SPEECH_VERBS)]
    subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
    for t in subjects:
        if t.lower_ in _PERSON_PRONOUNS | _ORG_PRONOUNS | _GROUP_PRONOUNS:
            continue  # a pronoun chain: look further back
        if _kind(t) is None:
            continue
        text, kind, head = _describe(ctx, j, t)
        if text and kind:
            out.append(_Mention(kind, text, head or t.lemma_.lower()))
    for ent in ctx.ents[j]:
        if ent.label_ in ("PERSON", "ORG") and not ctx.inside_quote(ctx.off(j, ent[0])):
            text = _name_text(ctx, j, ent.root, True)
            if text:
                kind = "person" if ent.label_ == "PERSON" else "org"
                if kind == "person" or " " not in text and not text.isupper():
                    full = _full_name(ctx, text)
                    if full != text:
                        text, kind = full, "person"
                out.append(_Mention(kind, text, ent.root.lemma_.lower()))
    ctx.found[j] = out
    return out
