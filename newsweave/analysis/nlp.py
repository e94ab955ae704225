"""spaCy, loaded once and run at most once per sentence for all analyses that need it.

The model is loaded by ``newsweave.text.nlp`` (the ground floor: other stages use it too).
Sentences are parsed one by one, so a token's offset in its document is
``sentence.start + token.idx``.

The full pipeline is most of the time of a brief, so it runs in two steps:

* the named entities of every sentence: entities.py looks at all of them, and quotes.py
  and facts.py look up names anywhere in a document. ``ner`` has its own tok2vec, so
  running it alone (twice as fast) gives the same entities as the full pipeline, but for
  one thing: there, ner runs after the parser and an entity cannot cross a sentence
  boundary that the parser found inside one of our sentences (2 of 6,131 sentences of the
  seeds, the example and the raw dev clusters: "N.Y. | Times A1", "Jubal A. | Early");
* the rest of the pipeline (tags, lemmas, dependency parse) only for the sentences whose
  parse a rule reads: ``Parses.prefetch`` parses those known in advance in one batch (see
  ``analyze``), exactly as the full pipeline would (it runs ner again where the parser
  found a boundary); ``parsed[i]`` parses any other sentence on first use (a pronoun's
  antecedent a few sentences back), so a rule never sees a missing parse.

A sentence's ``Doc`` is one object throughout, completed in place.
"""

from __future__ import annotations

from typing import Iterable

from ..model import Sentence
from ..text.nlp import NOT_NER, load

BATCH = 128


class Parses:
    """spaCy's view of a list of sentences: ``ents(i)`` for any sentence, ``parsed[i]`` the
    fully parsed ``Doc`` of sentence ``i`` (parsed on first use)."""

    def __init__(self, sentences: list[Sentence]):
        nlp = load()
        self._docs = list(nlp.pipe((s.text for s in sentences), batch_size=BATCH, disable=list(NOT_NER)))
        self._ents = [doc.ents for doc in self._docs]  # spaCy rebuilds doc.ents on every access
        self._full: set[int] = set()
        # id(Doc) -> doc.ents as a rule first read it from one of these Docs: owned by this
        # object, so each brief (each thread of the web app) has its own.
        self._doc_ents: dict[int, tuple] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def ents(self, i: int) -> tuple:
        """The named entities of sentence ``i`` (parsed or not)."""
        return self._ents[i]

    def doc_ents(self, doc) -> tuple:
        """``doc.ents`` of one of these Docs (reached from a token: ``tok.doc``), built once:
        spaCy rebuilds it on every access."""
        key = id(doc)
        if key not in self._doc_ents:
            self._doc_ents[key] = doc.ents
        return self._doc_ents[key]

    def is_parsed(self, i: int) -> bool:
        return i in self._full

    def prefetch(self, indices: Iterable[int]) -> None:
        """Parse these sentences now, in one batch (much faster than one by one), before any
        rule reads them: exactly as the full pipeline would, entities included."""
        todo = self._parse(indices)
        # In the full pipeline ner runs after the parser, and an entity never crosses a sentence
        # boundary the parser found ("N.Y. | Times A1"): where there is one, run ner again.
        split = [i for i in todo if any(t.is_sent_start for t in self._docs[i][1:])]
        for i in split:
            self._docs[i].set_ents([], default="missing")  # forget those found without the boundary
        for _ in load().pipe((self._docs[i] for i in split), batch_size=BATCH, disable=list(NOT_NER)):
            pass
        for i in split:
            self._ents[i] = self._docs[i].ents

    def __getitem__(self, i: int):
        """The full parse of sentence ``i``. Made now if it was not prefetched, and then its
        entities stay as they are: a rule may already hold them."""
        if i not in self._full:
            self._parse([i])
        return self._docs[i]

    def _parse(self, indices: Iterable[int]) -> list[int]:
        todo = sorted(set(indices) - self._full)
        for _ in load().pipe((self._docs[i] for i in todo), batch_size=BATCH, disable=["ner"]):
            pass  # each Doc is completed in place
        self._full.update(todo)
        return todo

    def __iter__(self):  # every sentence fully parsed, as a list of Docs would be
        self.prefetch(range(len(self)))
        return iter(self._docs)


def parse(sentences: list[Sentence]) -> Parses:
    """spaCy for ``sentences``: entities now, the full parse of a sentence when needed."""
    return Parses(sentences)
