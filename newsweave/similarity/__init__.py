"""Do two sentences state the same fact? A small learned model, shipped with the package.

    >>> from newsweave.similarity import same_fact, threshold
    >>> same_fact("The mayor resigned on Friday.", "On Friday the mayor stepped down.") >= threshold()

``same_fact`` is a probability (0..1): a logistic regression over the pair features of
``pairs.py`` (static word vectors distilled from all-MiniLM-L6-v2, word overlaps, numbers, names,
negation), overruled by two rules (``pairs.veto``), trained on the Microsoft Research
Paraphrase Corpus by bench/train_corroboration.py, which writes ``corroboration.json`` (weights, threshold, and where they came from).
``threshold()`` is the probability at which the training's out-of-fold precision is 0.90.

A resource like ``newsweave.text``: it imports no pipeline stage. Needs numpy and
``tokenizers`` only; the vectors load on first use (see ``static.py``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .pairs import FEATURES, table, veto

MODEL = Path(__file__).resolve().parent / "corroboration.json"


@lru_cache(maxsize=1)
def shipped() -> dict:
    """The trained model as bench/train_corroboration.py wrote it."""
    spec = json.loads(MODEL.read_text(encoding="utf-8"))
    if tuple(spec["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL} was trained on other features than pairs.FEATURES; "
                           "re-run bench/train_corroboration.py")
    return spec


def threshold() -> float:
    """The shipped decision threshold: the probability at which the training's out-of-fold
    precision reaches 0.90 (``Config.corroboration``'s default)."""
    return float(shipped()["threshold"])


def probabilities(pairs: list[tuple[str, str]]) -> np.ndarray:
    """For each (a, b): the probability that the two sentences state the same fact; 0 where a
    rule overrules the model (``pairs.veto``: conflicting numbers, a negation in one only)."""
    if not pairs:
        return np.zeros(0)
    spec = shipped()
    w = np.array([spec["weights"][f] for f in FEATURES])
    z = table(pairs) @ w + spec["bias"]
    p = 1.0 / (1.0 + np.exp(-z))
    p[[veto(a, b) is not None for a, b in pairs]] = 0.0
    return p


def same_fact(a: str, b: str) -> float:
    """The probability that sentences ``a`` and ``b`` state the same fact (0..1); the brief
    counts them as saying the same when it is at least ``Config.corroboration``."""
    return float(probabilities([(a, b)])[0])
