"""What a number counts and who says it: from the dependency parse around it, the noun it
counts and the event (killed, evacuated, without power...), whether it is a subset
("including 17 children"), its scope (``scope``: place, period, year, date), and who reports
it ("according to X", "X said"). Also the label that names the quantity.
"""

from __future__ import annotations

import re

from ...text.numbers import SCALE_WORDS, VAGUE
from .lexicon import (
    _CLAUSE_EDGES,
    _CURRENCY_WORDS,
    _EVENT_NOUNS,
    _EVENTS,
    _NAME_ENTS,
    _PEOPLE_EVENTS,
    _POWER,
    _PRONOUNS,
    _REPORT_VERBS,
    _THING_CLASSES,
    _TIME_NOUNS,
    _WEAK_EVENTS,
    _noun_class,
)
from .numbers import NumberMention, _phrase_root, _tokens_in
from .scope import _place, _scope, _when, _year


def _event_of(tok) -> str | None:
    lemma, low = tok.lemma_.lower(), tok.text.lower()
    if lemma in _POWER or low in _POWER:
        if tok.head.lemma_.lower() in ("without", "lose", "cut", "knock") or \
                any(c.lower_ in ("no", "without") for c in tok.children):
            return "without power"
        return None
    if lemma == "toll" or low == "toll":
        if any(c.lower_ in ("death", "casualty") for c in tok.children) or tok.i > 0 and \
                tok.doc[tok.i - 1].lower_ == "death":
            return "killed"
        return None
    if lemma == "life" and tok.head.lemma_.lower() in ("lose", "claim"):
        return "killed"
    ev = _EVENTS.get(lemma) or _EVENTS.get(low)
    if ev and tok.pos_ in ("VERB", "ADJ", "NOUN", "AUX", "ADV"):
        return ev
    return None


def _distances(root, limit: int = 4) -> dict[int, tuple[int, list]]:
    """Tree distance (and path) from ``root`` to every token within ``limit`` edges."""
    seen = {root.i: (0, [root])}
    frontier = [root]
    for d in range(1, limit + 1):
        nxt = []
        for t in frontier:
            verb = t.pos_ in ("VERB", "AUX")
            up = [] if verb and t.dep_ in _CLAUSE_EDGES or t.head is t else [t.head]
            down = [c for c in t.children if not (verb and c.dep_ in _CLAUSE_EDGES)]
            for n in up + down:
                cost = seen[t.i][0] + 1 + (n.dep_ == "conj" or t.dep_ == "conj" and n is t.head)
                if cost <= limit and (n.i not in seen or seen[n.i][0] > cost):
                    seen[n.i] = (cost, seen[t.i][1] + [n])
                    nxt.append(n)
        frontier = nxt
    return seen


def _what_is_counted(m: NumberMention, doc, match, so_far: list[NumberMention], earlier: list[NumberMention],
                     parsed) -> bool:
    """Fill noun, event, subset, place, scope, source, when; False when there is nothing
    countable (a bare number we cannot attach to anything). ``parsed`` is the ``nlp.Parses``
    that ``doc`` belongs to."""
    start, end = match[0], match[1]
    tokens = _tokens_in(doc, start, end)
    root = _phrase_root(doc, tokens)
    noun = None
    if root.dep_ in ("nummod", "quantmod", "npadvmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
    else:
        for c in root.children:  # "thousands of civilians", "17 of the dead"
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj and pobj[0].pos_ in ("NOUN", "PROPN", "ADJ"):
                    noun = pobj[0]
    if noun is not None:
        if noun.lemma_.lower() in _TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME"):
            return False
        if noun.pos_ == "PROPN" and noun.ent_type_ in _NAME_ENTS:
            return False
    ids = {t.i for t in tokens}
    dist = _distances(root)
    # The nearest event word in the tree.
    best = None
    for i, (d, path) in dist.items():
        if i in ids:
            continue
        ev = _event_of(doc[i])
        if ev is None:
            continue
        key = (d + (2 if ev in _WEAK_EVENTS else 0), abs(i - root.i))
        if best is None or key < best[0]:
            best = (key, ev, path, doc[i])
    event, event_tok = (best[1], best[3]) if best else (None, None)
    noun_cls = None
    if noun is not None:
        lemma = noun.lemma_.lower()
        if lemma in _EVENT_NOUNS or noun.lower_ in _EVENT_NOUNS:
            noun_cls, ev2 = _EVENT_NOUNS.get(lemma) or _EVENT_NOUNS[noun.lower_]
            event, event_tok = ev2, noun
        else:
            noun_cls = _noun_class(noun)
            # "killed 300 people and damaged 10,000 buildings": the verb the counted noun
            # is the object of says what happened to it, before any nearer event word.
            own = _event_of(noun.head) if noun.dep_ in ("dobj", "nsubjpass") else None
            if own is not None:
                event, event_tok = own, noun.head
    if event in _PEOPLE_EVENTS and noun_cls in _THING_CLASSES:
        event, event_tok = None, None  # "buildings killed": the event is someone else's
    if best and event_tok is best[3]:
        m.subset = any(t.lower_ in ("including", "among", "includes", "include") for t in best[2])
    elif noun is not None:
        m.subset = noun.head.lower_ in ("including", "among")
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("them", "those", "whom")
                                                         for p in c.children) for c in root.children):
        m.subset = True  # "46 people were killed, 23 of them in New York": a part of the total
    if m.subset and noun is not None:
        noun_cls = noun.text.lower()  # "17 civilians" within "21 people": its own quantity
    m.noun = noun_cls or (noun.lower_ if noun is not None else None)
    m.event = event
    anchor = event_tok if event_tok is not None else (noun if noun is not None else root)
    m.thing = _thing(m, root, doc)
    if m.kind != "count":
        m.source, m.source_key = _source(root, doc, m.sentence.text, parsed)
        m.year = _year(anchor, root)
        return True
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and noun is None and \
            any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in root.children):
        return False  # "the two", "the 17": a group already counted, not a new figure
    if root.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False  # "one of its piers"
    if True:
        if event is None:
            if not _inherit(m, so_far, earlier):
                if noun is None:
                    return False
                if m.value < 10 or m.value_text.lower() in VAGUE:
                    return False  # "two schools", "thousands of civilians": not a reported figure
                if noun.pos_ not in ("NOUN",) and noun_cls is None:
                    return False
        elif m.noun is None:
            m.noun = "people" if event not in ("without power", "damaged") else "homes"
    m.place, m.where = _place(anchor, noun, parsed)
    m.scope, m.when_text = _scope(anchor, root)
    m.year = _year(anchor, root)
    m.source, m.source_key = _source(root, doc, m.sentence.text, parsed)
    m.when = _when(anchor, m.date)
    return True


def _inherit(m: NumberMention, so_far: list[NumberMention], earlier: list[NumberMention]) -> bool:
    """A figure with no event of its own ("has registered more than 3,000 people", "while X
    says it has registered more than 3,000") takes the quantity of the figure it answers:
    earlier in the same sentence, or in the two sentences before."""
    if m.noun not in (None, "people"):
        return False
    pool = [x for x in reversed(so_far) if x.kind == "count" and x.event] + \
        [x for x in reversed(earlier) if x.kind == "count" and x.event and m.order - x.order <= 2
         and not x.subset and m.value >= 10]
    for x in pool:
        if m.noun is None or x.noun == m.noun:
            m.noun, m.event = x.noun, x.event
            return True
    return False


def _compound_text(tok) -> str:
    parts = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
             and c.pos_ in ("NOUN", "PROPN", "ADJ") and not c.like_num
             and c.ent_type_ not in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY")
             and c.lower_ not in SCALE_WORDS and c.lower_ not in _CURRENCY_WORDS]
    words = [c.lower_ for c in parts if c.lower_ not in ("extra", "new", "further", "additional",
                                                         "total", "other", "more")]
    return " ".join(words + [tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_])


def _thing(m: NumberMention, root, doc) -> str | None:
    """What a sum, a percentage or a measurement is about."""
    if m.kind == "count":
        return None
    # "$27 million in non-lethal aid", "97 percent of capacity", "140 millimetres of rain"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return _compound_text(root.head.head)  # "grants of up to €5,000"
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            pobj = [p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if pobj and pobj[0].lemma_.lower() not in ("capacity", "total", "cost", "value"):
                return _compound_text(pobj[0])
    head = root.head
    if m.kind == "money":
        if root.dep_ in ("nummod", "compound", "amod", "nmod") and head.pos_ == "NOUN":
            return _compound_text(head)
        # "a repair programme costing €1.8 million", "the work, priced at €1.8m"
        return _clause_subject(head, steps=3, kinds=("NOUN",), modified_noun=True)
    if m.kind == "measure":
        if head.pos_ == "NOUN" and root.dep_ in ("nummod", "compound", "amod"):
            return _compound_text(head)
        return None
    # percent: the subject of the clause ("the reservoir was 97 per cent full")
    return _clause_subject(root, steps=4, kinds=("NOUN", "PROPN"))


def _clause_subject(t, steps: int, kinds: tuple[str, ...], modified_noun: bool = False) -> str | None:
    """Walking up at most ``steps`` heads from ``t``: the subject (of a part of speech in
    ``kinds``) of the first verb that has one; with ``modified_noun``, first the noun a verb
    modifies ("a programme costing ...") when the walk meets such a verb."""
    for _ in range(steps):
        if modified_noun and t.pos_ == "VERB" and t.dep_ in ("acl", "relcl", "amod") and t.head.pos_ == "NOUN":
            return _compound_text(t.head)
        if t.pos_ in ("VERB", "AUX"):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in kinds]
            if subj:
                return _compound_text(subj[0])
        if t.head is t:
            break
        t = t.head
    return None


def _phrase_text(tok) -> str:
    """A source's name: the subject without its relative clauses and appositions."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("compound", "det", "amod", "nmod", "poss", "case", "prep", "pobj", "flat") \
                    and c.dep_ not in ("relcl", "appos", "acl", "punct"):
                if c.dep_ == "prep" and c.lower_ not in ("for", "of"):
                    continue
                keep.add(c.i)
                stack.append(c)
    lo, hi = min(keep), max(keep)
    text = tok.doc[lo:hi + 1].text
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip(" ,’'")


def _source_key(tok, parsed) -> str:
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.i
    ents = [e for e in parsed.doc_ents(doc) if lo <= e.start and e.end - 1 <= hi and e.label_ in ("ORG", "GPE", "NORP")]
    ents = ents or [e for e in parsed.doc_ents(doc) if lo <= e.start and e.end - 1 <= hi and e.label_ == "PERSON"]
    text = ents[0].text if ents else _phrase_text(tok)
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).lower()


def _source(root, doc, text: str, parsed) -> tuple[str | None, str | None]:
    for t in (doc if "according to" in text.lower() else ()):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            pobj = [p for p in doc[t.i + 1].children if p.dep_ == "pobj"]
            if pobj and pobj[0].lower_ not in _PRONOUNS:
                return _phrase_text(pobj[0]), _source_key(pobj[0], parsed)
    t, reported = root, False
    for _ in range(12):  # "said it had received reports of ... executions of 17 people"
        if t.pos_ in ("VERB", "AUX"):
            lemma = t.lemma_.lower()
            if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "live")
                                        for c in t.children):
                lemma = ""  # "the quake claimed 70,000 lives": not a claim anyone makes
            if lemma in _REPORT_VERBS:
                reported = True
                for c in t.children:
                    if c.dep_ == "agent":
                        pobj = [p for p in c.children if p.dep_ == "pobj"]
                        if pobj:
                            return _phrase_text(pobj[0]), _source_key(pobj[0], parsed)
            if reported:
                subj = [c for c in t.children if c.dep_ in ("nsubj",) and c.lower_ not in _PRONOUNS
                        and c.pos_ in ("NOUN", "PROPN") and not (c.i == 0 and c.text.isupper())]
                if not subj and t.dep_ == "conj" and lemma not in ("say", "tell"):
                    # "The FSA was formed ... and now boasts 20,000 fighters": the first verb's subject
                    subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")
                            and c.lower_ not in _PRONOUNS and c.pos_ in ("NOUN", "PROPN")]
                if subj:
                    return _phrase_text(subj[0]), _source_key(subj[0], parsed)
        if t.head is t:
            break
        t = t.head
    return None, None


def _label(m: NumberMention) -> str:
    if m.kind == "money":
        return f"money: {m.thing}" if m.thing else "money"
    if m.kind == "percent":
        return f"percent: {m.thing}" if m.thing else "percent"
    if m.kind == "measure":
        return f"{m.thing} ({m.unit})" if m.thing else f"measure ({m.unit})"
    noun = m.noun or "people"
    if m.event == "without power":
        return f"{noun} without power"
    if m.event == "remaining":
        return f"{noun} remaining"
    if m.event:
        return f"{noun} {m.event}"
    return noun
