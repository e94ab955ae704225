"""Language: set aside an article that is not written in English.

Every resource newsweave has (the sentence splitter's abbreviations, function words, names,
speech verbs, the spaCy model) is English. A German article would still be "summarized", with
"Baba Amr | person" among the entities and its quotations unattributed, and next to English
articles its version of the story shares no words with them and is set aside as unrelated:
a wrong reason. So each article's language is identified first, on the text left after
cleaning, and an article that is not in English is set aside "written in German: newsweave
reads English"; a cluster with no English article is an ``InputError``.

The identifier is CLD2 (``pycld2``: Chromium's compact language detector, its model compiled
into the package, offline, about 0.03 ms for a 3 KB article). On news-like texts written for
the choice (one sentence and one paragraph each in en, de, fr, es, it, nl and pt) it was right
on 42/42 sentences and 7/7 paragraphs, and on 3/3 English texts dense with German quotations and
foreign names, where py3langid (0/3), langid.py (1/3) and lingua (0/3) called them German,
Danish or Dutch; it was also the fastest (py3langid 0.6 ms a sentence, langid.py 20 ms, lingua
up to 850 ms) and, but for py3langid, the smallest install (14 MB; lingua 96 MB). CLD2 reports the share of the text in each language it
found, so a quotation does not decide: an article is set aside only when a language other than
English is most of its text, and the detector is sure. Too little text to judge (a caption, a
headline) is taken to be English: no false alarm.
"""

from __future__ import annotations

import re

from .errors import InputError
from .model import Document, Status
from .text.lines import kept_line_spans

READS = ("Document.text", "Document.removed", "Document.status")
WRITES = ("Document.status", "Document.reason")

MIN_LETTERS = 40  # fewer letters than this: too little to judge (taken to be English)
MIN_SHARE = 60  # percent of the text a foreign language must hold to count as the article's
MAX_CHARS = 100_000  # the beginning of a long article decides
ENGLISH = "en"

# What CLD2 refuses as input ("invalid UTF-8"): C0 and C1 controls, noncharacters.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def identify(text: str) -> tuple[str, str] | None:
    """(ISO 639-1 code, English name) of the language most of ``text`` is written in, or None
    when the text is too short, mixed, or the detector is unsure."""
    import pycld2  # imported here: a brief of English text pays nothing more than this call

    sample = _REFUSED.sub(" ", text[:MAX_CHARS])
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    try:
        reliable, _, found = pycld2.detect(sample.encode("utf-8", "replace"))
    except pycld2.error:
        return None
    name, code, share, _ = found[0]
    if not reliable or code in ("un", "") or share < MIN_SHARE or name.startswith(("X_", "TG_")):
        return None
    return code, _language_name(name)


def _language_name(cld2_name: str) -> str:
    """CLD2's "GERMAN", "CHINESET" or "PORTUGUESE" as people write them."""
    special = {"CHINESET": "Chinese (traditional)", "CHINESE": "Chinese"}
    return special.get(cld2_name, cld2_name.replace("_", " ").title())


def kept_text(doc: Document) -> str:
    return "\n".join(doc.text[s:e] for s, e in kept_line_spans(doc.text, doc.removed))


def set_aside_foreign(documents: list[Document]) -> list[Document]:
    """Set aside each readable document not written in English (with its reason) and return
    the documents left. Raises ``InputError`` when none of the readable ones is in English."""
    readable = [d for d in documents if d.status is not Status.SKIPPED]
    left, foreign = [], []
    for d in readable:
        found = identify(kept_text(d))
        if found is None or found[0] == ENGLISH:
            left.append(d)
            continue
        d.status, d.reason = Status.SET_ASIDE, f"written in {found[1]}: newsweave reads English"
        foreign.append((d, found[1]))
    if readable and not left:
        what = ", ".join(f"{d.id} in {name}" for d, name in foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        raise InputError(f"no article is written in English ({what}): newsweave reads English; "
                         "give English articles about the story")
    return left
