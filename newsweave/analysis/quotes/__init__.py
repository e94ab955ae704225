"""Direct quotations in the kept text, and who said them.

A quotation is a stretch between double quotation marks (curly “…” or straight "…"; a
top-level ‘…’ as British papers use it counts too). Single quotes nested inside a
double quotation are part of it. A quotation interrupted by its attribution (“A,” she
said, “B.”) is one quote, from its first mark to its last. Short ones (1–3 words) are kept
only when a verb of speech or naming close before them attributes them (they called it a
“disaster”); otherwise they are scare quotes or titles. Longer ones are kept when the text
attributes them, or when they read as speech (they hold a finite verb).

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
* the layout: “…” — Name, Name: “…”, “NAME: …”, and attributions too short to be one of
  the pipeline's sentences (“…?” Graham asked.; Caddell continued:) (``layout``);
* the second half of a split quotation (“A,” he said. “B.”), and a paragraph that is
  only a quotation right after a quoted paragraph, keep the speaker of the quotation
  before them;
* otherwise the subject of the clause the quotation belongs to, when it is a person or
  organisation (of the clause above, when that clause is a complement: "X says Y did … and
  “…”" is X's); the words right after the quotation the parse misread ("Holm answers");
  the subject of a clause ending in a colon before it, whatever its verb ("X released the
  following statement:"); for a quotation opening its sentence with nothing attributing it,
  the subject of the sentence before; "I said" is "the author"; else ``None``.

Speakers read "name[, role]": "Colonel Riyadh al-Asaad, the leader of the Free Syrian
Army", "Homs Governor Talal al-Barazi", "a person close to the FSA".

A quote's ``speaker_span`` is where the text names the speaker (the name in the attribution,
or the mention a pronoun stands for); its ``source_span`` is where its attribution mentions
the speaker (the pronoun of "she said", else the same as ``speaker_span``). The modules:
``marks`` finds the quotations, ``speakers`` attributes them, ``layout`` reads speakers from
the layout, ``names`` turns a speaker's words into a full name with role, ``context`` holds
what they read of a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import Document, Quote, Sentence, Span
from ..part import AnalysisInput, Part
from .context import _ClusterNames, _DocContext, _DocParses, _Mention
from .marks import _Raw, _clean_inner, _continues, _is_title, _paragraphs, _scan
from .layout import _colon_speaker, _layout_speaker, _said_after, _subject_before
from .speakers import _NAMING_FORMS, _SPEECH_FORMS, _attribute, _attribute_short, _frame, _reads_as_speech

MIN_WORDS = 4  # shorter quotations are scare quotes or labels, not reported speech ...
SHORT_QUOTES = True  # ... unless a verb of speech or naming attributes them: called it a "disaster"
SHORT_REACH = 8  # words before a short quotation searched for that verb (each candidate costs a parse)
_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)


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
        for r, si, _ in _candidates(ctx, raws):
            if True:
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


@dataclass
class _Found:
    raw: _Raw
    si: int  # its sentence
    speaker: _Mention | None
    inherited: bool  # the speaker of the quotation before it (its second half, its next paragraph)


def _doc_quotes(doc: Document, sents: list[Sentence], parsed: _DocParses,
                cluster_names: _ClusterNames) -> list[Quote]:
    text = doc.text
    paras = _paragraphs(doc)
    raws = _scan(text, paras)
    ctx = _DocContext(doc, sents, parsed, [(r.start, r.end) for r in raws], cluster_names=cluster_names)
    found: list[_Found] = []
    prev: _Found | None = None  # the last kept quotation
    for r, si, short in _candidates(ctx, raws):
        if short == "named":  # they called it a "disaster": kept with its speaker only
            speaker = _attribute_short(ctx, r, si)
            if speaker is not None:
                ctx.mentions.setdefault(si, []).append(speaker)
                found.append(_Found(r, si, speaker, False))
            continue
        speaker = _layout_speaker(ctx, r, paras) or _attribute(ctx, r, si) \
            or _said_after(ctx, r, paras[r.para][1]) or _colon_speaker(ctx, r)
        inherited = False
        if speaker is None and prev is not None and prev.speaker is not None and _continues(text, paras, prev.raw, r):
            speaker, inherited = prev.speaker, True
        if speaker is None and not _reads_as_speech(ctx, r, si):
            continue
        if speaker is None:  # Holm defended her record. “We need …”
            speaker = _subject_before(ctx, r, si, paras)
        if speaker is not None:
            ctx.mentions.setdefault(si, []).append(speaker)
        prev = _Found(r, si, speaker, inherited)
        found.append(prev)
    groups: list[list[_Found]] = []
    for f in found:
        if groups and _interrupted(text, groups[-1][-1], f):
            groups[-1].append(f)
        else:
            groups.append([f])
    return [_quote(doc, sents, g) for g in groups if _kept(text, g)]


def _candidates(ctx: _DocContext, raws: list[_Raw]):
    """(quotation, its sentence, how it is read) for each quotation worth attributing: those of
    ``MIN_WORDS`` words or more (None); a shorter first half of an interrupted one (“No,” she
    said, “we will not.”: "piece"); a shorter one that a verb of speech or naming governs
    ("named"). Shorter ones are otherwise scare quotes or titles."""
    text = ctx.doc.text
    for i, r in enumerate(raws):
        si = ctx.sentence_at(r.start)
        if si is None:
            continue
        inner = text[r.inner_start:r.inner_end]
        if len(inner.split()) >= MIN_WORDS:
            yield r, si, None
        elif i + 1 < len(raws) and raws[i + 1].para == r.para and inner.rstrip()[-1:] in (",", "?", "!", "\u2014") \
                and len(_SPEECH_FORMS.findall(text[r.end:raws[i + 1].start])) == 1 \
                and len(text[raws[i + 1].inner_start:raws[i + 1].inner_end].split()) >= 2:
            yield r, si, "piece"
        elif SHORT_QUOTES and _short_candidate(ctx, r, si):
            yield r, si, "named"


def _short_candidate(ctx: _DocContext, r: _Raw, si: int) -> bool:
    """A short quotation in a sentence with a verb of speech or naming outside it, not a title
    (every word capitalised: a show, a book, a law)."""
    text = ctx.doc.text
    inner = text[r.inner_start:r.inner_end].strip(" ,.;:")
    words = inner.split()
    if not words or _is_title(inner):  # “Meet the Press”: a title
        return False
    s = ctx.sentences[si]
    # the verb stands close before it (said the situation was “horrific”), or just after it
    near = " ".join(text[s.start:r.start].split()[-SHORT_REACH:]) + " " + " ".join(text[r.end:s.end].split()[:3])
    return bool(_SPEECH_FORMS.search(near) or _NAMING_FORMS.search(near))


def _kept(text: str, group: list[_Found]) -> bool:
    """A group of pieces is a quotation when it has ``MIN_WORDS`` words, or a speaker."""
    words = sum(len(text[f.raw.inner_start:f.raw.inner_end].split()) for f in group)
    return words >= MIN_WORDS or any(f.speaker is not None for f in group) and \
        (len(group) > 1 or SHORT_QUOTES)


def _interrupted(text: str, before: _Found, f: _Found) -> bool:
    """Is ``f`` the rest of the quotation ``before``, after its attribution in the same
    paragraph (“A,” she said, “B.”)? Not when another speaker is named for it."""
    if before.raw.para != f.raw.para or not _continues(text, [], before.raw, f.raw):
        return False
    if f.inherited:  # no attribution of its own: “A,” Holm retorted. “B.”; “A,” X said, noting … “B.”
        return True
    between = text[before.raw.end:f.raw.start]
    verbs = len(_SPEECH_FORMS.findall(between))
    same = f.speaker is not None and before.speaker is not None and f.speaker.text == before.speaker.text
    if verbs == 0:  # called it “A” and “B”
        return f.si == before.si and same
    # one attribution between them, of both: a second verb ("…,” she said, adding, “…”) starts
    # a quotation of its own
    return verbs == 1 and same


def _quote(doc: Document, sents: list[Sentence], group: list[_Found]) -> Quote:
    text = doc.text
    first, last = group[0], group[-1]
    parts = [Span(doc.id, f.raw.start, f.raw.end, text[f.raw.start:f.raw.end]) for f in group]
    speaker = next((f.speaker for f in group if f.speaker is not None and not f.inherited), None) \
        or first.speaker
    named = source = None
    if speaker is not None and speaker.start is not None:
        named = Span(doc.id, speaker.start, speaker.end, text[speaker.start:speaker.end])
    if speaker is not None:  # this attribution's own mention of them: "she" of "she said", else the name
        s0, s1 = (speaker.src_start, speaker.src_end) if speaker.src_start is not None else (speaker.start, speaker.end)
        source = Span(doc.id, s0, s1, text[s0:s1]) if s0 is not None else None
    s = sents[first.si]
    return Quote(
        text=" \u2026 ".join(_clean_inner(text[f.raw.inner_start:f.raw.inner_end]) for f in group),
        span=Span(doc.id, first.raw.start, last.raw.end, text[first.raw.start:last.raw.end]),
        speaker=speaker.text if speaker else None,
        sentence=Span(doc.id, s.start, s.end, s.text),
        speaker_span=named,
        parts=parts,
        source_span=source,
    )


class Quotes(Part):
    """The quotations as a part of the analysis (see ``part``)."""

    name = "quotes"
    needs = ("parse",)

    def sentences_to_parse(self, inp: AnalysisInput) -> set[int]:
        return sentences_to_parse(inp.documents, inp.sentences, inp.parsed)

    def __call__(self, inp: AnalysisInput) -> list[Quote]:
        return once_each(find_quotes(inp.documents, inp.sentences, inp.parsed))


def once_each(quotes: list[Quote]) -> list[Quote]:
    """The same words quoted in several articles, listed once: the first that names its speaker
    (else the first), with the others' spans in ``also_in``."""
    groups: dict[str, list[Quote]] = {}
    for q in quotes:
        key = " ".join(re.findall(r"\w+", q.text.lower()))
        groups.setdefault(key, []).append(q)
    out = []
    for q in quotes:
        group = groups[" ".join(re.findall(r"\w+", q.text.lower()))]
        if q is not group[0]:
            continue
        kept = next((x for x in group if x.speaker), group[0])
        others = [x.span for x in group if x is not kept and x.span.doc != kept.span.doc]
        out.append(replace(kept, also_in=others) if others else kept)
    return out
