"""Summarizers, by name. Adding one is one small file:

    from .base import Summarizer, register
    @register
    class MySummarizer(Summarizer):
        name = "mine"
        def select(self, cluster, budget): ...

and an import line at the bottom of this file.
"""

from __future__ import annotations

from ..errors import InputError
from .base import REGISTRY, Budget, Scored, Summarizer, register

DEFAULT = "centroid"


def get(name: str, **options) -> Summarizer:
    """An instance of the summarizer registered under ``name``."""
    try:
        return REGISTRY[name](**options)
    except KeyError:
        raise InputError(f"unknown summarizer {name!r}: choose one of {', '.join(sorted(REGISTRY))}") from None


from . import centroid, concepts, lead, learned, peers  # noqa: E402,F401  (registration side effect)

__all__ = ["Budget", "Scored", "Summarizer", "REGISTRY", "DEFAULT", "register", "get"]
