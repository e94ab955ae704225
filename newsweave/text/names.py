"""The names a text gives: the words of its people, organisations and places.

Two articles that name no person, organisation or place in common, while each names
several, are about different things (``relevance`` uses it to tell two stories apart, where
word overlap alone cannot). A name is spaCy's PERSON, ORG, GPE, LOC or FAC entity (not NORP:
"African-American" describes, it does not name), compared word by word, lower-cased, so
"Roof" is "Dylann Roof"'s; function words, months and titles are not name words.
"""

from __future__ import annotations

import re
from typing import Iterable

from .dates import MONTH_NAMES
from .lexicon import TITLES
from .nlp import NOT_NER, load
from .words import STOP_WORDS

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_MONTHS = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(m.lower()[:3] for m in MONTH_NAMES)
NOT_NAME_WORDS = STOP_WORDS | _MONTHS | TITLES
BATCH = 64


def _key(word: str) -> str:
    return word.lower() if re.fullmatch(r"(\w\.)+", word) else re.sub(r"(['’]s?|[.,-])$", "", word.lower())


def name_words(texts: Iterable[str]) -> set[str]:
    """The lower-cased words of every person, organisation and place named in ``texts``
    (one text per sentence or paragraph: spaCy reads them one by one)."""
    out: set[str] = set()
    for doc in load().pipe(texts, batch_size=BATCH, disable=list(NOT_NER)):
        for e in doc.ents:
            if e.label_ in LABELS:
                out |= {k for k in map(_key, e.text.split()) if len(k) > 1 and k not in NOT_NAME_WORDS}
    return out
