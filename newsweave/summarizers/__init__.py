"""Summarizers, by name. Adding one is one small file:

    from .base import Summarizer, register
    @register
    class MySummarizer(Summarizer):
        name = "mine"
        def select(self, cluster, budget): ...

and an import line at the bottom of this file.

``REGISTRY`` holds the summarizers for briefs. The peers newsweave is compared against
(random, sumy's, newspaper's) live in :mod:`newsweave.evaluation.peers`: importing it lends
them to :func:`get` through ``PEERS``, so evaluations run them through the same pipeline.
"""

from __future__ import annotations

from ..errors import InputError
from .base import REGISTRY, Budget, Scored, Summarizer, register

# The evaluation peers' names, to tell a user who asks for one where it is.
PEER_NAMES = ("random", "lexrank", "textrank", "lsa", "klsum", "sumbasic", "newspaper")
PEERS: dict[str, type[Summarizer]] = {}  # filled by newsweave.evaluation.peers


def register_peer(cls: type[Summarizer]) -> type[Summarizer]:
    """Class decorator: lend an evaluation peer to :func:`get` (not to ``REGISTRY``)."""
    PEERS[cls.name] = cls
    return cls


def get(name: str, **options) -> Summarizer:
    """An instance of the summarizer registered under ``name`` (or of a lent peer)."""
    cls = REGISTRY.get(name) or PEERS.get(name)
    if cls is not None:
        return cls(**options)
    if name in PEER_NAMES:
        raise InputError(f"{name} is an evaluation peer, not a summarizer for briefs: compare "
                         f"against it with `newsweave eval --summarizer {name}` (needs the [eval] "
                         f"extra: pip install 'newsweave[eval]'); briefs use one of "
                         f"{', '.join(sorted(REGISTRY))}")
    raise InputError(f"unknown summarizer {name!r}: choose one of {', '.join(sorted(REGISTRY))}")


from . import centroid, concepts, lead, learned  # noqa: E402,F401  (registration side effect)

__all__ = ["Budget", "Scored", "Summarizer", "REGISTRY", "PEERS", "PEER_NAMES",
           "register", "register_peer", "get"]
