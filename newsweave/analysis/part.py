"""The one interface every part of the analysis shares, like a spaCy pipeline component.

A part (``timeline``, ``facts``, ``quotes``, ``entities``) is called with one
``AnalysisInput`` and returns its list for ``model.Analysis``, under its ``name``. It declares
what it needs: ``needs`` holds "parse" when it reads spaCy's view of the cluster's sentences
(``AnalysisInput.parsed``), and ``sentences_to_parse`` says which of them it will read fully
parsed, so that ``analyze`` parses those of every part in one batch before any part runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, Sentence

if TYPE_CHECKING:
    from ..features import Cluster
    from .nlp import Parses


@dataclass
class AnalysisInput:
    """What the parts read: the cluster behind the brief and its used documents; the cluster
    of every document, set-aside ones included, and those documents (the timeline covers
    them); spaCy's view of the cluster's sentences (None when no part needs it)."""

    cluster: Cluster
    documents: list[Document]
    everything: Cluster
    dated: list[Document]
    parsed: Parses | None = None

    @property
    def sentences(self) -> list[Sentence]:
        """The cluster's sentences: ``parsed[i]`` is the parse of ``sentences[i]``."""
        return self.cluster.sentences


class Part:
    """One part of the analysis: ``part(inp)`` is its list for ``Analysis.<name>``."""

    name: str = ""  # the field of ``Analysis`` it fills
    needs: tuple[str, ...] = ()  # "parse": it reads ``AnalysisInput.parsed``

    def sentences_to_parse(self, inp: AnalysisInput) -> set[int]:
        """The sentences (positions in ``inp.sentences``) whose full parse it reads for sure."""
        return set()

    def __call__(self, inp: AnalysisInput) -> list:
        raise NotImplementedError
