"""Words: English function words, and the tokenizer and stemmer that compare sentences by content."""

from __future__ import annotations

import re
from functools import lru_cache


STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although
always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
be became because become becomes becoming been before beforehand behind being below beside besides
between beyond both but by can cannot could did do does doing done down during each either else
elsewhere enough etc even ever every everyone everything everywhere except few for former formerly
from further had has have having he hence her here hereafter hereby herein hers herself him himself
his how however i ie if in indeed into is it its itself just last latter least less ltd made many
may me meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps please rather re same seem seemed
seeming seems several she should since so some somehow someone something sometime sometimes
somewhere still such than that the their theirs them themselves then thence there thereafter thereby
therefore therein thereupon these they this those though through throughout thru thus to together
too toward towards under until up upon us very via was we well were what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
whoever whole whom whose why will with within without would yet you your yours yourself yourselves
said says say told mr mrs ms s t don doesn didn isn wasn weren won wouldn couldn shouldn ll ve d m
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks
""".split())
# Weekday names and "yesterday" say when, not what: every story has them, so they would make
# unrelated articles from the same week look alike.

# Words a question or a topic statement uses to ask rather than to name its subject
# ("Discuss ... Include information regarding ..."). Left out of the query's vector, they
# would pull the summary towards sentences that happen to contain "include" or "describe".
ASKING_WORDS = frozenset("""
discuss discussed describe described include includes included including information identify
explain explained give provide specify detail details list mention report reported note
regarding concerning aspect aspects example examples kind kinds type types way ways
whether happened happening known
""".split())

# Words (with inner apostrophes and hyphens) and numbers ("7,500" is one token: a number
# two sentences share is strong evidence that they report the same fact).
TOKEN = re.compile(r"\d[\d,.]*\d|\w(?:[\w'’-]*\w)?")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: "killed", "killing", "kills" -> "kill". Enough to match
    inflections across outlets; a full Porter stemmer buys little for sentence similarity."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased, stemmed tokens of a text; function words and single characters left out."""
    return [stem(t) for t in TOKEN.findall(text.lower()) if len(t) > 1 and t not in STOP_WORDS]


def topic_of(query: str) -> str:
    """A query without the words that only ask ("Discuss ..., include information on ...")."""
    return " ".join(w for w in TOKEN.findall(query) if w.lower() not in ASKING_WORDS)
