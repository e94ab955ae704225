"""A named person's status across reports: "still trapped" in one, "reached Lebanon
safely" in another is an update, not a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Fact, FactMention, Sentence, Span
from .verdicts import _doc_list

# Status of a named person: still in trouble vs out of it.
# Status of a named person: still in trouble vs out of it.
_STATUS_OPEN = {"trapped": "trapped", "trap": "trapped", "missing": "missing",
                "stranded": "stranded", "strand": "stranded", "unaccounted": "missing",
                "held": "held", "kidnap": "kidnapped", "kidnapped": "kidnapped",
                "abduct": "abducted", "abducted": "abducted", "detain": "detained",
                "detained": "detained", "besiege": "trapped"}
_STATUS_CLOSED = {"safe", "safely", "rescue", "rescued", "free", "freed", "release", "released",
                  "escape", "escaped", "evacuate", "evacuated", "found", "find", "reach",
                  "reached", "return", "returned", "smuggle", "smuggled", "dead", "die", "killed",
                  "kill"}

# Where a status word can be: the beginning of the word itself or of an inflection of it,
# whose lemma it is ("rescuing", "freed", "dies", "dying", "found" -> find, "safer" -> safe).
_STATUS_WORD = re.compile(r"\b(?:trap|strand|missing|unaccounted|held|kidnap|abduct|detain|besieg|"
                          r"saf|rescu|free|releas|escap|evacuat|found|find|reach|return|smuggl|"
                          r"dead|die|dying|kill)", re.I)


@dataclass
class _Status:
    sentence: Sentence
    order: int
    name: str
    key: str
    open: bool
    text: str
    date: str | None


def _may_have_status(text: str, ents) -> bool:
    """A full name (a PERSON of two words or more) and a word whose lemma can be a status
    word: the only sentences ``_person_status`` can say something about."""
    return any(e.label_ == "PERSON" and len(e) >= 2 for e in ents) and bool(_STATUS_WORD.search(text))


def _status_facts(sentences: list[Sentence], parsed, dates: dict) -> list[Fact]:
    found: list[_Status] = []
    for order, sent in enumerate(sentences):
        if not _may_have_status(sent.text, parsed.ents(order)):
            continue
        doc = parsed[order]
        for ent in parsed.doc_ents(doc):
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            st = _person_status(ent, doc)
            if st:
                is_open, words = st
                found.append(_Status(sent, order, ent.text, ent[-1].lower_, is_open, words,
                                     dates.get(sent.doc)))
    facts = []
    for key in dict.fromkeys(s.key for s in found):
        ss = [s for s in found if s.key == key]
        if len({s.sentence.doc for s in ss}) < 2 or len({s.open for s in ss}) < 2:
            continue
        opened = [s for s in ss if s.open]
        closed = [s for s in ss if not s.open]
        name = max((s.name for s in ss), key=len)
        mentions = [FactMention(sentence=Span(s.sentence.doc, s.sentence.start, s.sentence.end,
                                              s.sentence.text),
                                value=0.0 if s.open else 1.0, value_text=s.text, date=s.date)
                    for s in sorted(ss, key=lambda s: s.order)]
        o_dates = {s.date for s in opened}
        c_dates = {s.date for s in closed}
        if None not in o_dates | c_dates and max(o_dates) < min(c_dates):
            order_note = f"{_doc_list([s.sentence.doc for s in closed])} is the later report ({min(c_dates)})"
        elif None not in o_dates | c_dates and min(o_dates) > max(c_dates):
            continue  # resolved first, in trouble later: not a simple update; leave it out
        else:
            order_note = "dates do not tell which is later; the resolved state is read as the later one"
        note = (f"{name}: '{opened[0].text}' in {_doc_list([s.sentence.doc for s in opened])}, "
                f"'{closed[0].text}' in {_doc_list([s.sentence.doc for s in closed])}: "
                f"an update, not a contradiction ({order_note}).")
        facts.append(Fact(f"status: {name}", mentions, "update", note))
    return facts


def _person_status(ent, doc) -> tuple[bool, str] | None:
    """(still in trouble?, the words) when the sentence says what state a named person is in."""
    person = ent.root
    # Climb through coordination: "Edith Bouvier and William Daniels ... had reached ..."
    t = person
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = t.head
    chain = [verb]
    for c in verb.children:
        if c.dep_ in ("xcomp", "acomp", "advmod", "dobj", "prep", "oprd", "ccomp"):
            chain.append(c)
    for c in list(chain[1:]):
        chain.extend(g for g in c.children if g.dep_ in ("acomp", "advmod", "xcomp", "prep"))
    closed = [c for c in chain if c.lemma_.lower() in _STATUS_CLOSED or c.lower_ in _STATUS_CLOSED]
    opened = [c for c in chain if c.lemma_.lower() in _STATUS_OPEN or c.lower_ in _STATUS_OPEN]
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    pick = None
    if opened and not closed:
        pick, is_open = opened[0], True
    elif closed and not opened:
        pick, is_open = closed[0], False
    if pick is None:
        return None
    words = [verb, *[c for c in chain if c.dep_ in ("advmod", "acomp", "xcomp", "dobj")]]
    lo = min(w.i for w in words + [pick])
    hi = max(w.i for w in words + [pick])
    # Keep the words from the verb group: "still trapped", "reached lebanon safely"
    span = doc[lo:hi + 1]
    text = " ".join(w.text for w in span if w.dep_ not in ("aux", "auxpass", "punct", "neg")
                    or w is verb)
    text = re.sub(r"^(?:is|are|was|were|has|have|had|be|been)\s+", "", text)
    text = re.sub(r"^(?:believed|thought|said|reported)\s+", "", text)
    return is_open, text
