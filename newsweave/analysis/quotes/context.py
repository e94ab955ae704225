"""What the speaker rules read about one document: its sentences and their parses, where
its quotations are, the speakers found so far (antecedents of a later "he said"), and the
names already resolved; and, for the cluster, the full names of people by surname.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ...model import Document, Sentence


@dataclass
class _Mention:
    """Who a sentence is about: a candidate antecedent for a later pronoun."""

    kind: str  # "person", "org", "group"
    text: str
    head: str  # lemma of the head noun (for "the official")
    start: int | None = None  # where the text names them (document offsets), if it does
    end: int | None = None
    # where the attribution at hand mentions them, when that is not ``start``/``end``: the
    # pronoun of "she said" (``start``/``end`` are then the name "she" stands for)
    src_start: int | None = None
    src_end: int | None = None


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
