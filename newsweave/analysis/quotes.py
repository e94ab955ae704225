"""Direct quotations in the kept text, and who said them.

A quotation is a stretch between double quotation marks (curly “…” or straight "…"; a
top-level ‘…’ as British papers use it counts too). Single quotes nested inside a
double quotation are part of it. Scare quotes (1–3 words: “massacre”, “tactical
withdrawal”) are not quotations of speech and are skipped; longer ones are kept when
the text attributes them, or when they read as speech (they hold a finite verb).

The speaker comes from the parse of the sentence around the quotation:

* the subject of the nearest speech verb outside the quotation ("X said", "said X",
  "X told AFP", "X added:", "the BBC wrote", "vowing:" -> the subject of the clause it
  hangs on, "according to X", "Y quoted X as saying");
* a pronoun ("he said", "it added") is the most salient person / organisation of the
  previous sentences of the same document: the speaker of a quotation there, else the
  subject, else the first name of the right kind;
* a definite description ("the official told AFP") is the earlier, fuller description
  with the same head noun ("a Syrian security official");
* a short name ("Mr Feltman", "Kerry") is the document's fullest mention of that person
  with title and role ("U.S. Secretary of State John Kerry");
* the second half of a split quotation (“A,” he said. “B.”), and a paragraph that is
  only a quotation right after a quoted paragraph, keep the speaker of the quotation
  before them;
* otherwise the subject of the clause the quotation belongs to, when it is a person or
  organisation; else ``None``.

Speakers read "name[, role]": "Colonel Riyadh al-Asaad, the leader of the Free Syrian
Army", "Homs Governor Talal al-Barazi", "a person close to the FSA".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..text.lexicon import (
    DOCUMENT_NOUNS,
    HONORIFICS,
    PERSON_NOUNS,
    SPEAKING_ORG_NOUNS,
    SPEECH_VERBS,
    initials,
)
from ..text.lines import kept_line_spans
from ..model import Document, Quote, Sentence, Span

MIN_WORDS = 4  # shorter quotations are scare quotes or labels, not reported speech
MAX_SPEAKER_TOKENS = 12  # longer "speakers" are clauses the parse got wrong
LOOK_BACK = 5  # sentences searched for a pronoun's antecedent

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_ORG_PRONOUNS = frozenset({"it"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
# Common nouns for people not in PERSON_NOUNS still mostly end like this ("pilot" does not).
_SPEAKER_SUFFIX = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|ant|ants|ent|ents|man|men|woman|women)$")
_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})

_OPENERS = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "parataxis"})
_TERMINAL = tuple('.!?"\u201d\u2019)\u2026')
_MARKS = re.compile('[\u201c\u201d"\u2018\u2019]')


@dataclass
class _Raw:
    start: int  # of the opening mark
    end: int  # after the closing mark (or the paragraph's end for an open quotation)
    para: int  # index of the paragraph
    inner_start: int
    inner_end: int


@dataclass
class _Mention:
    """Who a sentence is about: a candidate antecedent for a later pronoun."""

    kind: str  # "person", "org", "group"
    text: str
    head: str  # lemma of the head noun (for "the official")


class _DocParses:
    """One document's sentences in the cluster's ``nlp.Parses``: ``[k]`` is the full parse
    of its k-th sentence (made on first use), ``ents(k)`` its named entities."""

    def __init__(self, parses, rows: list[int]):
        self.parses, self.rows = parses, rows

    def __getitem__(self, k: int):
        return self.parses[self.rows[k]]

    def ents(self, k: int) -> list:
        return list(self.parses.ents(self.rows[k]))


@dataclass
class _DocContext:
    doc: Document
    sentences: list[Sentence]
    parsed: _DocParses
    quoted: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    mentions: dict[int, list[_Mention]] = field(default_factory=dict)  # sentence -> speakers
    found: dict[int, list[_Mention]] = field(default_factory=dict)  # sentence -> other mentions
    ents: list[list] = field(default_factory=list)  # named entities per sentence
    names: dict[str, str] = field(default_factory=dict)  # cache of _full_name / _expand_acronym
    cluster_names: "_ClusterNames | None" = None  # surname -> full name, any document

    def __post_init__(self):
        self.starts = [s.start for s in self.sentences]
        self._qstarts = [s for s, _ in self.quoted]
        self.ents = [self.parsed.ents(k) for k in range(len(self.sentences))]

    def sentence_at(self, offset: int) -> int | None:
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self._qstarts, offset) - 1
        return i >= 0 and offset < self.quoted[i][1]

    def off(self, si: int, tok) -> int:
        return self.sentences[si].start + tok.idx

    def slice(self, si: int, first, last) -> str:
        s = self.off(si, first)
        e = self.off(si, last) + len(last.text)
        return " ".join(self.doc.text[s:e].split())


def find_quotes(documents: list[Document], sentences: list[Sentence], parsed) -> list[Quote]:
    """Direct quotations of the documents' kept text, in document order, with speakers.

    ``parsed`` is the cluster's ``nlp.Parses``: the sentences of ``sentences_to_parse`` are
    read in full, and a few more on demand (a pronoun's antecedent, a full name)."""
    cluster_names = _ClusterNames(parsed)
    out: list[Quote] = []
    for doc, sents, rows in _by_doc(documents, sentences):
        out.extend(_doc_quotes(doc, sents, _DocParses(parsed, rows), cluster_names))
    return out


def sentences_to_parse(documents: list[Document], sentences: list[Sentence], parsed) -> set[int]:
    """The sentences whose parse ``find_quotes`` reads for sure: those that can attribute a
    quotation (``_frame``). The few others it may read (where the "he" of "he said" is named,
    a person's full name) depend on what it finds there, and are parsed when it does."""
    out: set[int] = set()
    for doc, sents, rows in _by_doc(documents, sentences):
        text = doc.text
        raws = _scan(text, _paragraphs(doc))
        ctx = _DocContext(doc, sents, _DocParses(parsed, rows), [(r.start, r.end) for r in raws])
        for r in raws:
            si = ctx.sentence_at(r.start)
            if si is not None and len(text[r.inner_start:r.inner_end].split()) >= MIN_WORDS:
                frame = _frame(ctx, r, si)
                out.update(rows[k] for k in frame)
                around = text[sents[frame[0]].start:r.start] + " " + text[r.end:sents[frame[-1]].end]
                if frame[0] > 0 and _PRONOUN.search(around):  # "he said": named just before, mostly
                    out.add(rows[frame[0] - 1])
    return out


def _by_doc(documents: list[Document], sentences: list[Sentence]):
    """(document, its sentences, their positions in ``sentences``), in document order."""
    rows: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        rows.setdefault(s.doc, []).append(i)
    for doc in documents:
        if doc.id in rows:
            yield doc, [sentences[i] for i in rows[doc.id]], rows[doc.id]


class _ClusterNames:
    """Surname -> the longest full name of that person in any document, for a person
    "named in full only by another article". Looked up on demand: telling a name from a
    mis-tagged clause needs the parse of its sentence."""

    def __init__(self, parsed):
        self.parsed = parsed
        self.found: dict[str, str | None] = {}

    def get(self, surname: str) -> str | None:
        if surname not in self.found:
            best = None
            for i in range(len(self.parsed)):
                for ent in self.parsed.ents(i):
                    words = [w for w in re.split(r"[\s-]+", ent.text) if w]
                    if ent.label_ != "PERSON" or len(words) < 2 or words[-1].lower() != surname:
                        continue
                    name = " ".join(ent.text.split())
                    if len(name) > len(best or ""):
                        self.parsed[i]  # parsed in place: the tokens of ``ent`` get their tags
                        if not any(t.pos_ in ("VERB", "AUX") for t in ent):
                            best = name
            self.found[surname] = best
        return self.found[surname]


# --- finding the quotation marks -------------------------------------------------------------


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    """Kept lines, hard-wrapped lines joined (a line that does not end a sentence continues)."""
    text = doc.text
    paras: list[list[int]] = []
    for s, e in kept_line_spans(text, doc.removed):
        if paras and "\n\n" not in text[paras[-1][1]:s] and not text[paras[-1][1] - 1] in _TERMINAL \
                and text[paras[-1][1] - 1] != ":":
            paras[-1][1] = e
        else:
            paras.append([s, e])
    return [(s, e) for s, e in paras]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _scan(text: str, paras: list[tuple[int, int]]) -> list[_Raw]:
    """Top-level quotations in each paragraph. An unclosed quotation counts (to the end of its
    paragraph) only when the next paragraph opens with a quotation mark: the convention for a
    quotation running over several paragraphs."""
    raws: list[_Raw] = []
    for pi, (ps, pe) in enumerate(paras):
        open_at, closer = None, None
        for m in _MARKS.finditer(text, ps, pe):
            i = m.start()
            ch = text[i]
            if open_at is None:
                if ch in ("\u201c", '"'):
                    open_at, closer = i, _OPENERS[ch]
                elif ch == "\u2018" and (i == ps or not _is_word(text[i - 1])) and i + 1 < pe \
                        and _is_word(text[i + 1]):
                    open_at, closer = i, "\u2019"
            elif ch == closer:
                if closer == "\u2019":  # an apostrophe (Syria’s, rebels’ ) does not close
                    nxt = text[i + 1] if i + 1 < pe else " "
                    if _is_word(nxt) or not _is_word(text[i - 1]) and text[i - 1] not in ".,!?":
                        continue
                    if text[i - 1] == "s" and nxt == " " and i + 2 < pe and text[i + 2].islower():
                        continue  # a plural possessive: "the rebels’ statement"
                raws.append(_Raw(open_at, i + 1, pi, open_at + 1, i))
                open_at = None
        if open_at is not None and closer != "\u2019" and pi + 1 < len(paras) \
                and text[paras[pi + 1][0]] in ("\u201c", '"'):
            raws.append(_Raw(open_at, pe, pi, open_at + 1, pe))
    return raws


# --- attribution -------------------------------------------------------------------------


def _doc_quotes(doc: Document, sents: list[Sentence], parsed: _DocParses,
                cluster_names: _ClusterNames) -> list[Quote]:
    text = doc.text
    paras = _paragraphs(doc)
    raws = _scan(text, paras)
    ctx = _DocContext(doc, sents, parsed, [(r.start, r.end) for r in raws], cluster_names=cluster_names)
    quotes: list[Quote] = []
    prev: tuple[_Raw, str | None] | None = None  # the last kept quotation and its speaker
    for r in raws:
        si = ctx.sentence_at(r.start)
        if si is None:
            continue
        inner = text[r.inner_start:r.inner_end]
        words = inner.split()
        if len(words) < MIN_WORDS:
            continue
        speaker, kind, head = _attribute(ctx, r, si)
        if speaker is None and prev is not None and prev[1] is not None and _continues(text, paras, prev[0], r):
            speaker = prev[1]
        if speaker is None and not _reads_as_speech(ctx, r, si):
            continue
        if speaker is not None:
            ctx.mentions.setdefault(si, []).append(_Mention(kind or "person", speaker, head or ""))
        prev = (r, speaker)
        s = sents[si]
        quotes.append(Quote(
            text=_clean_inner(inner),
            span=Span(doc.id, r.start, r.end, text[r.start:r.end]),
            speaker=speaker,
            sentence=Span(doc.id, s.start, s.end, s.text),
        ))
    return quotes


def _clean_inner(inner: str) -> str:
    inner = " ".join(inner.split())
    return inner.rstrip(",;: ").strip()


def _continues(text: str, paras, before: _Raw, r: _Raw) -> bool:
    """Is ``r`` the rest of the quotation ``before`` (split around its attribution, or the
    next paragraph of it)?"""
    if before.para == r.para:  # “A,” he said. “B.”
        between = text[before.end:r.start]
        return len(between.split()) <= 30 and not re.search(r"[\u201c\u201d\"]", between)
    if before.para == r.para - 1:
        ps, pe = paras[r.para]
        rest = text[r.end:pe].strip()
        tail = text[before.end:paras[before.para][1]]
        return r.start == ps and len(rest) <= 2 and len(tail.split()) <= 8
    return False


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


# --- describing a speaker ------------------------------------------------------------------


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


def _name_text(ctx: _DocContext, k: int, h, proper: bool) -> str:
    """The noun phrase headed by ``h`` without clauses, appositions and (for names) trailing
    prepositional phrases; a leading "the" dropped from names."""
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
        return ""
    # contiguous run around the head
    lo = hi = toks.index(h)
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    toks = toks[lo:hi + 1]
    while toks and (toks[0].dep_ in ("punct", "case", "cc") or (proper and toks[0].dep_ in ("det", "poss"))):
        toks = toks[1:]
    while toks and toks[-1].dep_ in ("punct", "case", "cc") and toks[-1] is not h:
        toks = toks[:-1]
    if not toks:
        return ""
    if proper and toks[0].is_lower and toks[0] is not h:
        # "leader Burhan Ghalioun", "retired teacher Agnieszka Moor": a bare lower-case
        # description before a name reads badly without its determiner; keep the name
        while toks and toks[0].is_lower and toks[0] is not h:
            toks = toks[1:]
    if len(toks) > MAX_SPEAKER_TOKENS:
        toks = [t for t in toks if t.i <= h.i][-MAX_SPEAKER_TOKENS:]
    if not toks:  # the trimming above can remove the head itself (a stray "det" or "cc" head)
        return ""
    text = ctx.slice(k, toks[0], toks[-1])
    if not proper and toks[0].dep_ == "det" and toks[0].i == toks[0].sent.start:
        text = text[0].lower() + text[1:]  # "A Syrian security official" mid-sentence
    return text


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


def _core(name: str) -> list[str]:
    """Lower-case name words without honorifics: "Mr Feltman" -> ["feltman"]."""
    name = name.split(",")[0]
    words = [w for w in re.split(r"[\s]+", name.lower()) if w]
    return [w for w in words if w not in HONORIFICS]


def _full_name(ctx: _DocContext, name: str) -> str:
    """A bare surname ("Kerry", "Mr Pell") becomes the document's fullest mention of that
    person, with title and role ("U.S. Secretary of State John Kerry")."""
    core = _core(name)
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
