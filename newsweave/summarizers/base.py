"""What every summarizer is: a small class that picks sentences under a budget."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .. import similarity
from ..features import Cluster
from ..model import Scored, Sentence
from ..text.lexicon import ATTRIBUTION_FORMS, words_regex
from ..text.lines import ITEM_LABEL

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow):
# every summarizer: chosen sentences with their salience
READS = ("Sentence", "Document.status")
WRITES = ("Scored",)


@dataclass(frozen=True)
class Budget:
    """How long the summary may be: at most ``words`` words and/or ``sentences`` sentences."""

    words: int | None = 200
    sentences: int | None = None
    overflow: bool = False  # the last sentence may cross ``words`` (see pipeline.Config)

    def fits(self, n_sentences: int, words_so_far: int, sentence_words: int) -> bool:
        """May a sentence of ``sentence_words`` words be added to a summary that has
        ``n_sentences`` sentences and ``words_so_far`` words?"""
        if self.sentences is not None and n_sentences + 1 > self.sentences:
            return False
        if self.words is None or words_so_far + sentence_words <= self.words:
            return True
        return self.overflow and words_so_far < self.words

    def full(self, n_sentences: int, n_words: int) -> bool:
        """True when nothing more can be added (used to stop early)."""
        return (self.sentences is not None and n_sentences >= self.sentences) or (
            self.words is not None and n_words >= self.words)


# A sentence that opens with a pronoun or a connective leans on the sentence before it
# ("He said the man started to cry", "But the agency later said ..."): on its own, in a
# summary, it points at nothing.
_LEANS_BACK = re.compile(r"\W*(?:he|she|it|they|him|her|his|its|their|them|this|that|these|those"
                         r"|but|and|so|also|however|still|yet|meanwhile|instead|then)\b", re.I)


# A sentence that is nothing but a quotation, with no one said to say it ("“We will
# rebuild every home!”"): its speaker is named in the sentence before it ("The mayor spoke
# to residents on Tuesday:"). On its own, a reader cannot tell whose words they are.
_QUOTE_ONLY = re.compile(r"\s*[\"\u201c].*[\"\u201d]\W*$", re.S)
_ATTRIBUTION = words_regex(ATTRIBUTION_FORMS)


def leans_back(sentence: Sentence) -> bool:
    """Does the sentence need the one before it to be understood?"""
    if sentence.index == 0:
        return False
    text = sentence.text
    return (bool(_LEANS_BACK.match(text)) or bool(_QUOTE_ONLY.match(text) and not _ATTRIBUTION.search(text))
            or _closes_a_quotation(text))


def _closes_a_quotation(text: str) -> bool:
    """A sentence that ends a quotation opened before it ("... and I am sorry for it.”"): its
    first words, and its speaker, are in the sentence before."""
    text = text.strip()
    if "\u201d" in text or "\u201c" in text:
        return text.count("\u201d") > text.count("\u201c")
    return text.count('"') % 2 == 1 and not text.startswith('"')


# A sentence that says again what a sentence already taken says, in other words ("Six people
# died in the fire" / "The blaze killed six"), is not taken, and its document joins the kept
# sentence's "also in" when the probability reaches that bar (``Config.corroboration``). A
# repeat (``similarity.repeats``) is what the cross-encoder that decides "also in" calls the
# same fact (at its bar, both orders), or what the first pass gives REPEAT or more. Not lower:
# at 0.5 the first pass joins sentences on one topic that state different facts, and ROUGE
# drops (BENCHMARKS.md, Readability).
REPEAT = 0.7


@dataclass(frozen=True)
class Kept(Scored):
    """A chosen sentence with the sentences it was found to repeat (and that were dropped for
    it): ``(sentence, probability)`` pairs, which corroboration counts as its support."""

    repeats: tuple[tuple[Sentence, float], ...] = ()
    opens: bool | None = None  # may it open the summary (``can_open`` with its article's lead)


# What the first sentence of a summary may not open with: before it, the reader has nothing
# for it to point at. A pronoun (the article's own "I", "we", "you" too: whose?), a word that
# points back ("Another", "Such", "The same", "Later", "The next day"), a connective, a
# quotation (whose words?).
LABEL_WORDS = 12  # a sentence this short that starts with a list item's label is only the label
_POINTS_BACK = re.compile(
    r"\W*(?:(?:he|she|it|they|him|her|his|its|their|them|this|that|these|those|we|us|our|i|my|me"
    r"|you|your|but|and|or|so|also|however|still|yet|meanwhile|instead|then|thus|therefore"
    r"|later|earlier|afterwards?|thereafter|here|such|both|another|others?|nor|besides|moreover"
    r"|not that|among (?:them|those|these)|of (?:them|those|these)|none of|neither"
    r"|the (?:latter|former|same|next (?:day|morning|week|year)|following (?:day|morning|week))"
    r"|at the time|that (?:night|day|morning)|in response|as a result|there(?!\s+(?:is|are|was|were"
    r"|has|have|had|will|would|may|might|could|seems?|appears?)\b))\b|[\"\u201c\u2018'`])", re.I)


# "The cap would increase each year ...": "the" and a noun that the article introduced before
# (in its headline or its lead, or the sentence is the lead itself, it is introduced enough).
# A noun followed by what says which one ("The report from the lab ...", "The sailor, Seaman
# ...", "The question of whether ...") introduces itself.
_DEFINITE = re.compile(r"\W*[Tt]he\s+([a-z][a-z-]+)\b(?!\s*,|\s+(?:of|from|for|in|at|on|by|with|who"
                       r"|that|which|whose|to|named|called|behind)\b)")


def can_open(sentence: Sentence, context: str | None = None) -> bool:
    """May the sentence be the first of a summary: does it stand on its own, pointing at
    nothing before it? ``context``: its article's headline and first sentence, when known:
    then "The <noun>" is an opening only if that noun is named there (or it is the lead)."""
    if leans_back(sentence) or _POINTS_BACK.match(sentence.text) or _closes_a_quotation(sentence.text):
        return False
    if ITEM_LABEL.match(sentence.text) and sentence.words <= LABEL_WORDS:
        return False  # a list item's label ("UNLAWFUL ENTRY, 2031-0412, 900 block of Orchard Lane.")
    definite = _DEFINITE.match(sentence.text)
    if context is None or not definite or sentence.index == 0:
        return True
    stem = definite.group(1)[:5]
    return any(w.startswith(stem) for w in re.findall(r"[a-z]+", context.lower()))


REGISTRY: dict[str, type["Summarizer"]] = {}


def register(cls: type["Summarizer"]) -> type["Summarizer"]:
    """Class decorator: make a summarizer available by its ``name``."""
    REGISTRY[cls.name] = cls
    return cls


class Summarizer:
    """Base class. Subclasses set ``name`` and implement :meth:`select`.

    ``select`` returns the chosen sentences with a salience score, in order of
    choice; the pipeline orders them for reading and adds citations. Register a
    new summarizer with ``@register`` (see ``summarizers/__init__.py``).
    """

    name: str = ""
    description: str = ""

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        raise NotImplementedError


def greedy_fill(ranked: list[tuple[Sentence, float]], budget: Budget) -> list[Scored]:
    """Take sentences in rank order, skipping any that would break the budget."""
    chosen: list[Scored] = []
    words = 0
    for sentence, score in ranked:
        if budget.full(len(chosen), words):
            break
        if budget.fits(len(chosen), words, sentence.words):
            chosen.append(Scored(sentence, float(score)))
            words += sentence.words
    return chosen


class Selection:
    """The state every greedy selector shares: what has been taken, what may still be.

    A sentence may be taken when it fits the budget and is not too similar to one already
    taken (cosine >= ``redundancy``: it would say the same thing again). Among those, the
    selector chooses from the first of these groups that is not empty (the first sentence
    taken, only among those that may open a summary, ``can_open``, when a long one does):

    1. sentences of at least ``min_words`` words that stand on their own;
    2. such sentences that lean on the sentence before them (a pronoun, a connective, a
       quotation without its speaker): reading order puts them after it, if it is taken;
    3. in a cluster written mostly in short sentences, once its long sentences are used up
       (taken, or saying what is taken), shorter ones (of at least ``MIN_SHORT_WORDS``) that
       stand on their own, then
    4. those that lean back.

    Short sentences come last, not never: a cluster of 300 short articles ("Twelve people
    were rescued from rooftops.") has few long sentences, and a budget is filled when the
    articles have the words to fill it. In a cluster of ordinary articles they never come in
    (to fill the last words of a budget, or after a thin article's last long sentence, they are
    asides: "What in the hell??"). Leaving leaning sentences to the end costs no ROUGE on
    Multi-News, raw Multi-News or DUC 2006 (within 0.1).

    With ``repeat``, a sentence offered (:meth:`offer`) that the same-fact model says repeats
    one taken is dropped for good, and remembered with it (``result``: :class:`Kept`).
    """

    MIN_SHORT_WORDS = 3  # "Power is out." is a fact; "Updated." or "Watch:" is not

    def __init__(self, cluster: Cluster, budget: Budget, *, min_words: int, redundancy: float = 1.0,
                 repeat: float | None = None):
        self.sentences = cluster.sentences
        self.repeat = repeat  # see offer()
        self.X = cluster.tfidf
        self.budget = budget
        self.redundancy = redundancy
        words = np.array([s.words for s in self.sentences], dtype=np.int64)
        self.long = words >= min_words
        mostly_short = len(words) > 0 and (~self.long).mean() > 0.5
        if not self.long.any():  # a cluster of short sentences: better something than nothing
            self.long[:] = True
        self.short = ~self.long & (words >= self.MIN_SHORT_WORDS) & mostly_short
        self.untaken = np.ones(len(self.sentences), dtype=bool)
        self.max_sim = np.zeros(len(self.sentences), dtype=np.float32)  # to the closest one taken
        self.waiting = np.array([leans_back(s) for s in self.sentences], dtype=bool)
        titles = {d.id: d.title or "" for d in cluster.documents}
        leads = {s.doc: s.text for s in reversed(self.sentences)}  # each article's first sentence
        self.opener = np.array([can_open(s, f"{titles.get(s.doc, '')} {leads[s.doc]}")
                                for s in self.sentences], dtype=bool)
        self.chosen: list[Scored] = []
        self.repeats: list[list[tuple[Sentence, float]]] = []  # per chosen sentence
        self.rows: list[int] = []  # the chosen sentences' rows
        self.words = 0

    @property
    def eligible(self) -> np.ndarray:
        """Sentences not yet taken and long enough to be taken first."""
        return self.untaken & self.long

    def candidates(self) -> np.ndarray | None:
        """Which sentences may be taken next (a boolean mask), or None when the summary is done."""
        if not self.sentences or self.budget.full(len(self.chosen), self.words):
            return None
        fits = np.array([self.budget.fits(len(self.chosen), self.words, s.words) for s in self.sentences])
        new = self.untaken & (self.max_sim < self.redundancy)
        mask = new & fits
        if not self.chosen and (mask & self.long & self.opener).any():
            mask = mask & self.opener  # the summary's first sentence must be able to open it
        for group in (self.long & ~self.waiting, self.long):
            if (mask & group).any():
                return mask & group
        if (new & self.long).any():  # long sentences are left that do not fit: the budget is full
            return None
        for group in (self.short & ~self.waiting, self.short):
            if (mask & group).any():
                return mask & group
        return None

    def offer(self, i: int, score: float) -> bool:
        """Take sentence ``i`` unless the same-fact model (``similarity.repeats``, its first
        pass at ``repeat``) says it repeats a sentence already taken: then it is set aside for
        good, remembered as the repeat of the one it most likely repeats, and False is returned
        (choose again)."""
        if self.repeat is not None and self.chosen:
            found, same = similarity.repeats([(c.sentence.text, self.sentences[i].text)
                                               for c in self.chosen], self.repeat)
            if found.any():
                k = int(np.argmax(np.where(found, same, -1.0)))
                self.untaken[i] = False
                self.repeats[k].append((self.sentences[i], float(same[k])))
                return False
        self.take(i, score)
        return True

    @property
    def result(self) -> list[Kept]:
        """The chosen sentences, in order of choice, each with the repeats dropped for it."""
        return [Kept(c.sentence, c.score, tuple(r), bool(self.opener[i]))
                for c, r, i in zip(self.chosen, self.repeats, self.rows)]

    def take(self, i: int, score: float) -> None:
        sentences = self.sentences
        self.chosen.append(Scored(sentences[i], float(score)))
        self.repeats.append([])
        self.rows.append(i)
        self.words += sentences[i].words
        self.untaken[i] = False
        if i + 1 < len(sentences) and sentences[i + 1].doc == sentences[i].doc:
            self.waiting[i + 1] = False
        np.maximum(self.max_sim, np.asarray((self.X @ self.X[i].T).todense()).ravel(), out=self.max_sim)


def mmr_select(cluster: Cluster, salience, budget: Budget, *, diversity: float,
               redundancy: float, min_words: int) -> list[Scored]:
    """Maximal Marginal Relevance (Carbonell & Goldstein, 1998) under a budget.

    Each step takes the sentence with the best ``(1 - diversity) * salience - diversity *
    (similarity to the closest sentence already taken)``, among those :class:`Selection`
    allows.
    """
    selection = Selection(cluster, budget, min_words=min_words, redundancy=redundancy, repeat=REPEAT)
    while (candidates := selection.candidates()) is not None:
        mmr = (1 - diversity) * salience - diversity * selection.max_sim
        mmr[~candidates] = -np.inf
        best = int(np.argmax(mmr))
        selection.offer(best, salience[best])
    return selection.result
