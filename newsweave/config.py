"""Configuration: everything that changes a brief, with its default, defined once.

The CLI, the Python API and the web app all build a :class:`Config`; none keeps a default of
its own. The length rule is the same everywhere: with neither budget given the summary has
``DEFAULT_WORDS`` words; a sentence budget alone means no word cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import similarity
from .errors import InputError

DEFAULT_WORDS = 200


@dataclass(frozen=True)
class Config:
    """Options of a brief. ``Config()`` is what ``newsweave brief`` does with no options."""

    words: int | None = None  # word budget (None: DEFAULT_WORDS, or no cap when sentences is given)
    sentences: int | None = None  # sentence budget (None: no sentence limit)
    summarizer: str = "centroid"
    query: str | None = None  # focus the summary on a question or topic
    keep_all: bool = False  # summarize set-aside (off-topic) documents too
    analyze: bool = True  # add timeline, facts, quotes and entities (off for ROUGE runs)
    # Let the last sentence cross the word budget. Only for evaluations that truncate the
    # summary at the budget themselves (as Multi-News and DUC scoring do): a user's brief
    # never exceeds --words.
    overflow: bool = False
    # Cosine similarity between a document's mean sentence vector and the mean of the other
    # documents' below which it is judged off-topic. Same-story articles score 0.2-0.8,
    # unrelated ones under 0.1 (bench/offtopic.py sweeps it against Multi-News+ labels).
    min_relevance: float = 0.05
    # Probability (0..1, newsweave.similarity.same_fact) at or above which a sentence of
    # another article is taken to state the same fact ("also in"). The default is the shipped
    # cross-encoder's threshold (newsweave/similarity/cross.json): where its precision on the
    # MSRP news paraphrase pairs it never saw in training is 0.90. Lower it for more "also in"
    # claims and more wrong ones.
    corroboration: float = similarity.threshold()
    # A brief compares sources, so a user who gives one article is told to give more.
    # Evaluations set 1: benchmark sets can hold clusters left with one article, and a
    # summary of it is still a fair answer.
    min_documents: int = 2

    def __post_init__(self):
        for name in ("words", "sentences"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise InputError(f"{name} must be a whole number of at least 1, not {value!r}")
        if self.words is None and self.sentences is None:
            object.__setattr__(self, "words", DEFAULT_WORDS)
