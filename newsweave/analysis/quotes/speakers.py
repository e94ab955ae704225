"""Who said a quotation: the subject of the nearest speech verb outside it ("X said",
"according to X", "Y quoted X as saying"), a pronoun's or a definite description's
antecedent in the sentences before, else the subject of the clause the quotation belongs to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...text.lexicon import (
    DOCUMENT_NOUNS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    NAMING_VERBS,
    PERSON_NOUNS,
    SPEAKING_ORG_NOUNS,
    SPEECH_VERBS,
    TITLES,
    words_regex,
)
from .context import _DocContext, _Mention
from .marks import _Raw
from .names import _any_speaker, _expand_acronym, _full_name, _longer_org, _name_span, _name_text, _role

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
    # “Why not?” Graham asked. — a quotation that ends its sentence ("?", "!" or ".") with
    # its attribution in the next one, the one right after it in the same paragraph.
    text = ctx.doc.text
    last = ctx.sentences[idx[-1]]
    if k < len(ctx.sentences) and not text[r.end:last.end].strip() and not _has_speech_verb(ctx, r, idx):
        nxt = ctx.sentences[k]
        words = nxt.text.split()
        verb = _SPEECH_FORMS.search(" ".join(words[:6]))
        after = " ".join(words[:8])[verb.end():] if verb else ""
        if "\n" not in text[r.end:nxt.start] and verb and not _QUOTE_MARK.search(nxt.text) \
                and (len(words) <= 25 or re.match(r"[\s,.;]*(?:$|of|in|on|at|to|during|after|before|while|when|as"
                                                   r"|from|about|on|last|this|Monday|Tuesday|Wednesday|Thursday"
                                                   r"|Friday|Saturday|Sunday)\b", after)) \
                and not re.match(r"\s+that\b", after):
            idx.append(k)
    return idx


def _has_speech_verb(ctx: _DocContext, r: _Raw, idx: list[int]) -> bool:
    """Does the text of these sentences outside the quotation read like an attribution?"""
    text = ctx.doc.text
    outside = text[ctx.sentences[idx[0]].start:r.start] + " " + text[r.end:ctx.sentences[idx[-1]].end]
    return bool(_SPEECH_FORMS.search(outside)) or "according to" in outside


def _forms(lemma: str) -> set[str]:
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + lemma[-1] + "ed", lemma + "es", lemma + "ing",
            lemma + lemma[-1] + "ing"}


_NAMING_FORMS = words_regex(set().union(*map(_forms, NAMING_VERBS)))
_QUOTE_MARK = re.compile('[\u201c\u201d"]')


# The written forms of the speech verbs ("said", "asks", "implored"), as whole words.
_SPEECH_FORMS = words_regex(set().union(*map(_forms, SPEECH_VERBS)) | {
    "said", "told", "wrote", "sang", "spoke", "says", "tells", "writes", "according"})


def _attribute(ctx: _DocContext, r: _Raw, si: int) -> _Mention | None:
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
    frame = _frame(ctx, r, si)
    if frame[0] < si:  # "Transcript as follows:", "X released this statement:" -> X
        for t in ctx.parsed[frame[0]]:
            if t.dep_ == "ROOT":
                subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                found = _describe(ctx, frame[0], subj[0]) if subj else None
                if found is not None and found.kind in ("person", "org", "group"):
                    return found
    # No speech verb: the subject of the clause the quotation belongs to, if it can speak.
    return _governing_subject(ctx, r, si)


def _attribute_short(ctx: _DocContext, r: _Raw, si: int) -> _Mention | None:
    """The speaker of a short quotation: the subject of the verb of speech or naming that governs
    it in its sentence (they called it a "disaster", she promised "jobs, jobs, jobs")."""
    doc = ctx.parsed[si]
    for t in doc:
        o = ctx.off(si, t)
        if not (r.inner_start <= o < r.inner_end):
            continue
        h = t.head
        for _ in range(8):
            if h.head is h and h.pos_ not in ("VERB", "AUX"):
                return None
            if not ctx.inside_quote(ctx.off(si, h)) and h.pos_ in ("VERB", "AUX") \
                    and h.lemma_.lower() in SPEECH_VERBS | NAMING_VERBS:
                found = _speaker_of_verb(ctx, si, h)
                return found if found is not None and found.kind in ("person", "org", "group") else None
            if h.head is h:
                return None
            h = h.head
        return None
    return None


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
            found = _describe(ctx, k, subj[0])
            if found is None and seen == 1 and v.lemma_.lower() in SPEECH_VERBS and v.lemma_.lower() != "continue":
                found = _any_speaker(ctx, k, subj[0])
            return found
        if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN") and _kind(v.head) in ("person", "org", "group"):
            return _describe(ctx, k, v.head)  # "footage of Quell asking, “…”"
        if v.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and v.head is not v:
            v = v.head
        else:
            break
    return None


def _governing_subject(ctx: _DocContext, r: _Raw, si: int):
    """Subject of the nearest verb outside the quotation that the quotation depends on
    ("Jarba thanked Kerry for Washington's support “for the struggle ...”"); of the verb above
    it when that verb's clause is a complement ("Holm says the mayor accepted … and “…”",
    "the engineers believe that the dam is “the weakest …”": Holm, the engineers)."""
    doc = ctx.parsed[si]
    for t in doc:
        o = ctx.off(si, t)
        if not (r.inner_start <= o < r.inner_end):
            continue
        h = t.head
        if h is t or ctx.inside_quote(ctx.off(si, h)):
            continue
        for _ in range(8):
            if h.pos_ in ("VERB", "AUX"):
                subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and not ctx.inside_quote(ctx.off(si, subj[0])):
                    if h.dep_ == "ccomp" and h.head is not h and h.head.pos_ in ("VERB", "AUX"):
                        h = h.head  # the clause is what someone says, finds, asks: that someone
                        continue
                    found = _describe(ctx, si, subj[0])
                    if found and found.kind in ("person", "org", "group"):
                        return found
                    return None
            if h.head is h:
                break
            h = h.head
        return None
    return None


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


def _describe(ctx: _DocContext, k: int, h) -> _Mention | None:
    """Who the noun phrase headed by ``h`` is: the speaker's text, kind, head lemma, where the
    text names them (here, or for a pronoun where its antecedent stands), and where this
    mention of them is (``src_start``/``src_end``: the pronoun itself, else the name here)."""
    low = h.lower_
    if low in _PERSON_PRONOUNS | _ORG_PRONOUNS | _GROUP_PRONOUNS:
        m = _same_sentence_subject(ctx, k, h) or _antecedent(ctx, k, _kind(h), pronoun=low)
        return replace(m, src_start=ctx.off(k, h), src_end=ctx.off(k, h) + len(h.text)) if m else None
    if h.text == "I":  # “…,” I said: the article's author (not named; never a later "he")
        return _Mention("author", "the author", "author", None, None, ctx.off(k, h), ctx.off(k, h) + 1)
    m = _describe_phrase(ctx, k, h)
    if m is not None and m.src_start is None:
        m = replace(m, src_start=m.start, src_end=m.end)
    return m


def _describe_phrase(ctx: _DocContext, k: int, h) -> _Mention | None:
    """``_describe`` for a noun phrase that is not a pronoun."""
    low = h.lower_
    if low in ("i", "we", "you", "who", "which", "that", "this"):
        return None
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
        found = _name_span(ctx, k, h, False)  # "the statement said": it speaks for itself
        if found and len(found[0].split()) <= 6:
            return _Mention("org", found[0], lemma, found[1], found[2])
        return None
    if h.pos_ == "NOUN":
        for c in h.children:  # "organization, Avaaz": the name, not the description
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                m = _describe(ctx, k, c)
                if m and m.kind == "person" and ", " not in m.text and h.lemma_.lower() not in SPEAKING_ORG_NOUNS:
                    # "The agency's chief, Marta Olsen" -> "Marta Olsen, the agency's chief"
                    role = _name_text(ctx, k, h, False)
                    if role and len(role.split()) <= 6 and role.split()[0].lower() not in _POSSESSIVES:
                        m = replace(m, text=f"{m.text}, {role[0].lower() + role[1:]}")
                return m
    kind = _kind(h)
    if kind is None and h.pos_ == "NOUN" and h.text[:1].isupper() and h.dep_ in ("nsubj", "nsubjpass") \
            and lemma not in DOCUMENT_NOUNS:
        kind = "group" if h.tag_ in ("NNS", "NNPS") else "person"  # "Hannity added": a name the tagger missed
    proper = h.pos_ == "PROPN" or h.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    if not proper and (h.pos_ not in ("NOUN", "ADJ", "NUM") or kind is None and not _SPEAKER_SUFFIX.search(low)):
        return None  # "the text", "the excavations": things, not speakers
    found = _name_span(ctx, k, h, proper)
    if not found:
        return None
    name, start, end = found
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
            if earlier is not None:  # named here all the same
                return replace(earlier, start=start, end=end, src_start=start, src_end=end)
    return _Mention(kind, name, lemma, start, end)


def _same_sentence_subject(ctx: _DocContext, k: int, pronoun) -> _Mention | None:
    """"McCaskill scolded him: “…,” she said": the subject of an earlier clause of the same
    sentence, outside the quotation, when it agrees with the pronoun."""
    low = pronoun.lower_
    if low not in _PERSON_PRONOUNS:
        return None
    for t in ctx.parsed[k]:
        if t.i >= pronoun.i:
            break
        if t.dep_ not in ("nsubj", "nsubjpass") or t.lower_ in _PERSON_PRONOUNS | _ORG_PRONOUNS | _GROUP_PRONOUNS \
                or ctx.inside_quote(ctx.off(k, t)) or t.pos_ != "PROPN" or _kind(t) != "person":
            continue
        m = _describe(ctx, k, t)
        if m is not None and m.kind == "person" and _sex(ctx, m) != ("m" if low in ("she", "her") else "f"):
            return m
    return None


def _antecedent(ctx: _DocContext, k: int, kind: str | None, head: str | None = None,
                pronoun: str | None = None) -> _Mention | None:
    """The most salient earlier mention of the right kind (or with the same head noun); for
    "he" or "she", one whose sex does not disagree."""
    want = {"person": ("person",), "org": ("org",), "group": ("group", "org")}.get(kind or "", ())
    sex = "f" if pronoun in ("she", "her") else "m" if pronoun in ("he", "him") else None
    for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
        for m in _sentence_mentions(ctx, j):
            if head is not None:
                if m.head == head and len(m.text.split()) > 2:
                    return m
            elif m.kind in want and (sex is None or _sex(ctx, m) != ("m" if sex == "f" else "f")):
                return m
    return None


def _sex(ctx: _DocContext, m: _Mention) -> str | None:
    """"f", "m" or None (not known) for a person mention: a form of address or a noun in its
    words ("Mrs Ode", "the spokeswoman"), a common first name, or how the document addresses
    that surname ("Ms. Ode" anywhere in it)."""
    key = "\2" + m.text
    if key not in ctx.names:
        words = [w.lower() for w in re.findall(r"[\w.]+", m.text.split(",")[0])]
        found = None
        for w in words:
            if w in FEMALE_WORDS or w.rstrip(".") in FEMALE_WORDS:
                found = "f"
            elif w in MALE_WORDS or w.rstrip(".") in MALE_WORDS:
                found = "m"
            if found:
                break
        first = [w for w in words if w.rstrip(".") not in HONORIFICS and w.lower() not in TITLES]
        if found is None and first:
            if first[0] in FEMALE_FIRST_NAMES:
                found = "f"
            elif first[0] in MALE_FIRST_NAMES:
                found = "m"
        name = m.text.split(",")[0].split()
        given = len(name) > 1 and name[-2][:1].isupper() and name[-2].lower().rstrip(".") not in HONORIFICS \
            and name[-2].lower() not in TITLES  # "Kasia Brandt" is not "Mr. Brandt" of the same article
        if found is None and name and not given:
            surname = re.escape(name[-1])
            fem = re.search(r"\b(?:Mrs|Ms|Miss)\.? " + surname + r"\b", ctx.doc.text)
            masc = re.search(r"\bMr\.? " + surname + r"\b", ctx.doc.text)
            if fem and not masc:
                found = "f"
            elif masc and not fem:
                found = "m"
        ctx.names[key] = found or ""
    return ctx.names[key] or None


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
        m = _describe(ctx, j, t)
        if m and m.text and m.kind:
            out.append(m if m.head else replace(m, head=t.lemma_.lower()))
    for ent in ctx.ents[j]:
        if ent.label_ in ("PERSON", "ORG") and not ctx.inside_quote(ctx.off(j, ent[0])):
            found = _name_span(ctx, j, ent.root, True)
            if found:
                text, start, end = found
                kind = "person" if ent.label_ == "PERSON" else "org"
                if kind == "person" or " " not in text and not text.isupper():
                    full = _full_name(ctx, text)
                    if full != text:
                        text, kind = full, "person"
                out.append(_Mention(kind, text, ent.root.lemma_.lower(), start, end))
    ctx.found[j] = out
    return out
