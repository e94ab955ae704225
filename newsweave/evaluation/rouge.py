"""ROUGE, as the summarization literature computes it: ``rouge_score``'s tokenizer and Porter
stemming, through ``rouge_score_rs`` (the same numbers, ~100x faster) when it agrees.

Two conventions:

* Multi-News (Fabbri et al., 2019): F1, the candidate truncated to the word budget.
* DUC (``--duc``): recall, averaged over the references as ROUGE-1.5.5 does with
  ``-f A`` (score against each reference, then take the mean), the candidate
  truncated to a byte limit (``-b 665`` for DUC 2004) or to the word budget
  (``-l 250`` for DUC 2006).

ROUGE-Lsum treats every line as a sentence: candidates are written one sentence per
line; a reference without line breaks is split into sentences with Punkt first.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from ..errors import InputError
from ..text import punkt

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
DEFAULT_WORDS = 250  # the word budget summaries are cut to (Multi-News, DUC 2006)

# (reference, candidate) pairs on which the fast Rust port must agree with rouge_score
# exactly before it is used: stemming, punctuation, numbers, repeats, Lsum over lines.
_CHECKS = [
    ("the cat was on the mat", "the cat sat on the mat"),
    ("Police arrested two men on Tuesday.\nThe men were released on bail.",
     "Two men were arrested by police\nThey were later released, police said."),
    ("The company's shares fell 8.2 % to $ 3.50 on Monday , analysts said .",
     "shares in the company fell 8.2% monday\nanalysts said the running runners ran"),
    ("a a a b b c\nc b a", "a b c a b c\na a"),
    ("", "something"),
]


@lru_cache(maxsize=None)
def _scorer(types: tuple[str, ...] = ROUGE_TYPES):
    """A ROUGE scorer with stemming: ``rouge_score_rs`` (same numbers, ~100x faster) when
    it is installed and agrees with ``rouge_score`` on :data:`_CHECKS`, else ``rouge_score``."""
    fast = slow = None
    try:
        import rouge_score_rs

        fast = rouge_score_rs.RougeScorer(list(types), use_stemmer=True)
    except ImportError:
        pass
    try:
        from rouge_score import rouge_scorer

        slow = rouge_scorer.RougeScorer(list(types), use_stemmer=True)
    except ImportError:
        pass
    if fast is not None and slow is not None:
        for ref, cand in _CHECKS:
            a, b = fast.score(ref, cand), slow.score(ref, cand)
            if any(tuple(a[t]) != tuple(b[t]) for t in types):
                print("newsweave: rouge_score_rs disagrees with rouge_score; using rouge_score",
                      file=sys.stderr)
                return slow
        return fast
    if fast is None and slow is None:
        raise InputError("evaluation needs a ROUGE package, part of the [eval] extra: "
                         "pip install 'newsweave[eval]'")
    return fast or slow


def rouge_backend() -> str:
    """Which package computes the scores: "rouge_score_rs" or "rouge_score"."""
    return type(_scorer()).__module__.split(".")[0]


@lru_cache(maxsize=1)
def _tokenize():
    """rouge_score's tokenizer (lower-case, [a-z0-9] tokens, Porter stemming)."""
    try:
        from rouge_score_rs.tokenizers import DefaultTokenizer
    except ImportError:
        from rouge_score.tokenizers import DefaultTokenizer
    return DefaultTokenizer(use_stemmer=True).tokenize


def sentence_lines(text: str) -> str:
    """The text with one sentence per line (ROUGE-Lsum's sentence boundaries): kept as
    they are when the text already has line breaks, else found with Punkt."""
    if "\n" in text:
        lines = [" ".join(line.split()) for line in text.split("\n")]
    else:
        try:
            lines = [" ".join(s.split()) for s in punkt.tokenizer().tokenize(text)]
        except ImportError:  # no sentence splitter: the whole text is one sentence
            lines = [" ".join(text.split())]
    return "\n".join(line for line in lines if line)


def truncate_words(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``, line breaks kept."""
    out, left = [], words
    for line in text.split("\n"):
        if left <= 0:
            break
        tokens = line.split()
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return "\n".join(out)


def truncate_bytes(text: str, n_bytes: int) -> str:
    """The first ``n_bytes`` bytes of the UTF-8 text (as ROUGE-1.5.5 ``-b``: a word may be
    cut; a line break counts as one byte, like the space ROUGE-1.5.5 joins lines with)."""
    return text.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


def rouge(candidate: str, references: list[str] | str, mode: str = "f1",
          words: int | None = None, bytes_: int | None = None) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum (0..1) of ``candidate`` (one sentence per line).

    ``mode`` "f1" gives F-measure (Multi-News), "recall" recall (DUC). With several
    references the score against each is averaged (ROUGE-1.5.5 ``-f A``). The candidate
    is first cut to ``words`` words and then to ``bytes_`` bytes, when given.
    """
    if mode not in ("f1", "recall"):
        raise ValueError(f"mode must be 'f1' or 'recall', not {mode!r}")
    if isinstance(references, str):
        references = [references]
    if not references:
        raise ValueError("rouge() needs at least one reference summary")
    candidate = "\n".join(" ".join(line.split()) for line in candidate.split("\n"))
    if words is not None:
        candidate = truncate_words(candidate, words)
    if bytes_ is not None:
        candidate = truncate_bytes(candidate, bytes_)
    candidate = sentence_lines(candidate)
    attr = "fmeasure" if mode == "f1" else "recall"
    scores = [_scorer().score(sentence_lines(ref), candidate) for ref in references]
    return {t: sum(getattr(s[t], attr) for s in scores) / len(scores) for t in ROUGE_TYPES}
