"""The features of a sentence pair that the corroboration model weighs.

Three kinds (measured on MSRP in bench/train_corroboration.py; see BENCHMARKS.md):

* meaning: the cosine of the two sentences' static vectors, and soft word alignment (each
  content word's best cosine with a word of the other sentence: the mean for the worse- and the
  better-covered side, and the single worst-matched word);
* words: TF-IDF cosine with the idf fitted on the two sentences alone, Jaccard overlap of the
  content words, overlap over the shorter and over the longer sentence, the length ratio;
* what a journalist checks: numbers that differ or appear in one sentence only, names of one
  sentence missing from the other, a negation in one sentence only.

Three rules overrule the model (``veto``): a pair whose numbers conflict (both sentences give
numbers and share none: "300 jobs" against "500 jobs"), where one sentence is negated and the
other not, or whose places differ (each says where, "in Aleppo" against "in Hama", and neither
names the other's place; a region such as "in Syria" may hold the other's town, so it vetoes
nothing) does not state the same fact, however alike the words. MSRP's annotators often let
such pairs pass as paraphrases; a brief that says "also in" must not (their cost on MSRP is in
BENCHMARKS.md).

``FEATURES`` is the order of the model's weights. The training script imports ``features``
from here, so the model is trained on exactly what the brief computes.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from ..text.places import is_region
from ..text.words import STOP_WORDS, TOKEN, content_words, stem
from .static import model, word_vectors

FEATURES = ("cos_static", "tfidf2", "jaccard", "containment", "overlap_long", "num_diff_both",
            "num_only_one", "num_symdiff", "name_missing", "neg_mismatch", "len_ratio",
            "align_min", "align_max", "align_worst")

NUMBER = re.compile(r"\d[\d,.]*\d|\d")
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
                "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"}
NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# capitalised words that are not names even in the middle of a sentence
NOT_NAMES = frozenset(["i"] + """january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())


def numbers(text: str) -> set[str]:
    """The numbers of a text, normalised ("7,500" -> "7500", "two" -> "2")."""
    out = set()
    for n in NUMBER.findall(text):
        n = n.replace(",", "").rstrip(".")
        try:
            out.add("%g" % float(n))
        except ValueError:
            out.add(n)
    out.update(NUMBER_WORDS[w] for w in TOKEN.findall(text.lower()) if w in NUMBER_WORDS)
    return out


def names(text: str) -> set[str]:
    """Capitalised words (a proxy for names), lower-cased and stemmed so that they can be looked
    up among the other sentence's content words; function words and month names left out."""
    out = set()
    for t in WORD.findall(text):
        if t[0].isupper():
            low = re.sub(r"'s$", "", t.lower().rstrip(".").replace("’", "'"))
            if low in STOP_WORDS or low in NOT_NAMES or len(low) < 2:
                continue
            out.add(stem(low))
    return out


# where a sentence says something happened: "in Aleppo", "near the town of Al-Kut" is not read
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|across|around)\s+([A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)")


def _place_words(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text):
        w = re.sub(r"['’]s?$", "", w.lower().rstrip("."))
        if w and w not in STOP_WORDS and w not in NOT_NAMES:
            out.append(w)
    return out


def places(text: str) -> list[list[str]]:
    """The places a sentence puts something in ("in Aleppo", "at Preston Park"), each as its
    lower-cased words; months, weekdays and function words are not places."""
    return [ws for m in LOCATIVE.finditer(text) if (ws := _place_words(m.group(1)))]


def _named_in(place: list[str], words: set[str]) -> bool:
    """Whether a word of the place is among the words (or spelled alike: "Falluja", "Fallujah")."""
    return any(w in words or (len(w) >= 5 and any(len(x) >= 5 and x[:5] == w[:5] for x in words))
               for w in place)


def places_differ(a: str, b: str) -> bool:
    """Both sentences say where, neither names the other's place, and no place is a region."""
    pa, pb = places(a), places(b)
    if not pa or not pb or any(is_region(" ".join(p)) for p in pa + pb):
        return False
    wa, wb = set(_place_words(a)), set(_place_words(b))
    return not any(_named_in(p, wb) for p in pa) and not any(_named_in(p, wa) for p in pb)


def negations(text: str) -> int:
    return sum(t in NEGATIONS or t.endswith("n't") or t.endswith("n’t") for t in TOKEN.findall(text.lower()))


def tfidf_pair(a: list[str], b: list[str]) -> float:
    """TF-IDF cosine of two content-word lists, idf fitted on the two alone (smoothed idf,
    sublinear tf: the formula of newsweave.features.Vocabulary)."""
    df = Counter(set(a)) + Counter(set(b))
    idf = {w: math.log(3 / (1 + c)) + 1 for w, c in df.items()}

    def vector(words):
        v = {w: (1 + math.log(k)) * idf[w] for w, k in Counter(words).items()}
        n = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / n for w, x in v.items()}

    va, vb = vector(a), vector(b)
    return sum(x * vb.get(w, 0.0) for w, x in va.items())


def alignment(A: np.ndarray, B: np.ndarray) -> tuple[float, float, float]:
    """Soft alignment of two sets of unit word vectors: (worse side's mean best match, better
    side's, the worst single word's best match); zeros when a side has no word."""
    if not len(A) or not len(B):
        return 0.0, 0.0, 0.0
    S = A @ B.T
    ra, rb = S.max(axis=1), S.max(axis=0)
    ma, mb = float(ra.mean()), float(rb.mean())
    return min(ma, mb), max(ma, mb), float(min(ra.min(), rb.min()))


def features(a: str, b: str, cosine: float | None = None) -> list[float]:
    """The ``FEATURES`` of one pair, in order. ``cosine``: the static vectors' cosine, when the
    caller has embedded the sentences in a batch (``table`` does)."""
    if cosine is None:
        E = model().encode([a, b])
        cosine = float(E[0] @ E[1])
    wa, wb = content_words(a), content_words(b)
    sa, sb = set(wa), set(wb)
    inter = len(sa & sb)
    na, nb = numbers(a), numbers(b)
    ea, eb = names(a), names(b)
    # a name of one sentence is missing if it is neither a name nor a content word of the other
    missing = len({e for e in ea if e not in eb and e not in sb}) + len({e for e in eb if e not in ea and e not in sa})
    la, lb = len(TOKEN.findall(a)), len(TOKEN.findall(b))
    return [
        cosine,
        tfidf_pair(wa, wb),
        inter / max(len(sa | sb), 1),
        inter / max(min(len(sa), len(sb)), 1),  # overlap over the shorter
        inter / max(max(len(sa), len(sb)), 1),  # overlap over the longer
        float(bool(na) and bool(nb) and na != nb),  # both have numbers, and they differ
        float(bool(na) != bool(nb)),  # numbers in one sentence only
        float(len(na ^ nb)),
        float(missing),
        float((negations(a) > 0) != (negations(b) > 0)),
        min(la, lb) / max(la, lb, 1),
        *alignment(word_vectors(a), word_vectors(b)),
    ]


def veto(a: str, b: str) -> str | None:
    """Why the two sentences cannot state the same fact whatever the model says, or None."""
    na, nb = numbers(a), numbers(b)
    if na and nb and not na & nb:  # both give numbers and share none: not one fact
        return "numbers differ"
    if (negations(a) > 0) != (negations(b) > 0):
        return "one is negated"
    if places_differ(a, b):
        return "places differ"
    return None


def table(pairs: list[tuple[str, str]]) -> np.ndarray:
    """(len(pairs) x len(FEATURES)) features; each distinct sentence is embedded once."""
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    row = {t: i for i, t in enumerate(texts)}
    E = model().encode(texts)
    out = np.zeros((len(pairs), len(FEATURES)))
    for i, (a, b) in enumerate(pairs):
        out[i] = features(a, b, float(E[row[a]] @ E[row[b]]))
    return out
