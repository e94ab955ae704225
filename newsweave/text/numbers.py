"""Numbers written in words: their values, and how to read a number phrase.

"twenty-three", "a dozen", "two hundred thousand", "1,500": ``parse_number`` gives the value
of the number part of a phrase that a stage's own grammar has found. A stage that counts only
small numbers ("three days ago") takes the words it needs from ``NUMBER_WORDS``.
"""

from __future__ import annotations

import re

# Number words, "one" to "ninety", with their values (in order).
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# The article that means one ("a week ago", "an hour", "a dozen").
ONE_ARTICLES = ("a", "an")

# Words (and abbreviations) that multiply the number before them.
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}

# Vague quantities: "hundreds of civilians" is a range, not a point.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 9.99e6), "tens of millions": (2e7, 9.99e7),
    "hundreds of millions": (2e8, 9.99e8),
}


def parse_number(num: str) -> float | None:
    """The value of a number in digits or words ("1,500" -> 1500, "twenty-three" -> 23,
    "a dozen" -> 12, "two hundred thousand" -> 200000), else None."""
    s = num.lower().replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", s):
        if w == "a":
            current = 1
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion"):
            total += (current or 1) * SCALE_WORDS[w]
            current = 0
        else:
            return None
    return total + current
