"""Grouping the mentions of one quantity across documents, and the verdict on each group:
the sources agree, conflict, a later report updates an earlier one, or only one source
gives the figure; with the English note that says so.
"""

from __future__ import annotations

from ...model import Fact, FactMention, Span, _natural_key
from ...text.lexicon import function_word_initials
from .lexicon import _NOUN_CLASS, _RUNNING_EVENTS, _WEAK_EVENTS
from .numbers import NumberMention


def _same_value(a: NumberMention, b: NumberMention) -> bool:
    if a.value_text.lower() == b.value_text.lower():
        return True
    if a.kind == "count" and b.kind == "count" and max(a.value, b.value) < 1000 \
            and a.value.is_integer() and b.value.is_integer():
        return a.value == b.value  # 68 and 69 dead are two figures, whatever the ratio
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value), 1e-9)


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    return max(a.lo, b.lo) <= min(a.hi, b.hi)


def _compatible_scope(a: NumberMention, b: NumberMention, same: bool = True) -> bool:
    """Can the two be the same quantity, by what the sentences say of where, when and which
    year? Different numbers are compared only when nothing tells their scopes apart; the
    same number may be read in a sentence that gives less of its scope."""
    if a.place and b.place and a.place.lower() != b.place.lower():
        return False
    if a.year != b.year and (a.year and b.year or not same):
        return False  # "the 2009 quake killed 300" is not this quake's toll
    if not same and bool(a.place) != bool(b.place):
        return False  # "killed in Homs" and a toll of no stated place: not comparable numbers
    if a.scope and b.scope and a.scope != b.scope:
        # "since 2003" is one cumulative period; "in the conflict" may be the same one
        return {a.scope.split()[0], b.scope.split()[0]} == {"since", "period"}
    return True


def _similar(a: NumberMention, b: NumberMention, threshold: float) -> bool:
    """Do the two sentences share enough content words (numbers aside) to be about the
    same thing? Overlap coefficient of their stemmed content words."""
    x, y = a.words, b.words
    if not x or not y:
        return False
    return len(x & y) / min(len(x), len(y)) >= threshold


def _groupable(a: NumberMention, b: NumberMention) -> bool:
    if a.kind != b.kind or a.unit != b.unit:
        return False
    same = _same_value(a, b)
    if a.kind == "money":  # same currency, and the very same sum or the same thing
        if same and (a.value >= 1000 or a.thing == b.thing):
            return True
        return a.thing is not None and a.thing == b.thing and _similar(a, b, 0.3)
    if a.kind == "percent" and same and a.thing != b.thing and _compatible_scope(a, b, True):
        # "an accuracy of 94 percent", "94 percent accuracy": the subject is read differently,
        # the same percentage in sentences about the same thing is one figure
        return _similar(a, b, 0.3)
    if a.label != b.label or a.subset != b.subset or not _compatible_scope(a, b, same):
        return False
    if same:
        return True
    if a.kind == "count" and _specific(a):
        # A toll, an evacuation count...: different numbers are the news (a dispute, an
        # update), unless they are far apart and the sentences have nothing else in common.
        # Far apart and undated, they are as likely two events ("this attack killed four",
        # "an attack thirty years ago killed 63"): not compared.
        near = max(a.value, b.value) <= 3 * max(min(a.value, b.value), 1)
        return near or (_similar(a, b, 0.3) and bool(a.when and b.when))
    return False  # what is counted is too vague to call different numbers a dispute


def _agrees_with(a: NumberMention, b: NumberMention) -> bool:
    """Could ``a`` stand beside ``b`` in an agreeing group: the same quantity, a scope nothing
    tells apart, and a compatible number?"""
    return a.kind == b.kind and a.unit == b.unit and a.label == b.label and a.subset == b.subset \
        and _compatible_scope(a, b, True) and (_same_value(a, b) or _overlap(a, b))


def _specific(m: NumberMention) -> bool:
    """Is it clear what the number counts? (Lone figures that are not are left out.)"""
    if m.kind == "count":
        return bool(m.event and m.event not in _WEAK_EVENTS) or \
            (m.noun in _NOUN_CLASS.values() and m.noun != "people")
    return m.thing is not None


def _group(mentions: list[NumberMention]) -> list[list[NumberMention]]:
    groups: list[list[NumberMention]] = []
    for m in mentions:
        fits = [g for g in groups if all(_groupable(m, x) for x in g)]
        # A group that already reports the same number first: "That earthquake killed more
        # than 300" joins the earlier quake's 300 rather than this quake's rising toll.
        same = [g for g in groups if any(_same_value(m, x) for x in g)
                and all(_agrees_with(m, x) for x in g)]
        if same or fits:
            (same or fits)[0].append(m)
        else:
            groups.append([m])
    # A document repeating its own figure in one story is one report, not a fact of its own
    # only when some other document reports it too; lone figures stay as "single".
    return groups


def _doc_list(docs: list[str]) -> str:
    docs = sorted(set(docs), key=_natural_key)
    if len(docs) == 1:
        return docs[0]
    return ", ".join(docs[:-1]) + " and " + docs[-1]


def _quoted(ms: list[NumberMention]) -> str:
    parts = []
    for doc in sorted({m.doc for m in ms}, key=_natural_key):
        phrases = []
        for m in ms:
            if m.doc == doc and m.phrase not in phrases:
                phrases.append(m.phrase)
        parts.append(f"{doc} ({', '.join(repr(p) for p in phrases)})".replace('"', "'"))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _sources_of(ms: list[NumberMention]) -> str | None:
    names = []
    for m in ms:
        if m.source and m.source not in names and not any(_same_source(m.source_key, n[1]) for n in names):
            names.append((m.source, m.source_key))
    if not names:
        return None
    return ", ".join(n[0] for n in names)


def _same_source(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = a.lower().replace(".", ""), b.lower().replace(".", "")
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return function_word_initials(a).lower() == b.replace(" ", "") or function_word_initials(b).lower() == a.replace(" ", "")


def _common_source(ms: list[NumberMention]) -> str | None:
    keys = [m.source_key for m in ms]
    if not all(keys):
        return None
    first = keys[0]
    if all(_same_source(first, k) for k in keys):
        shortest = min((m for m in ms), key=lambda m: len(m.source_key or ""))
        name = shortest.source_key or ""
        return name.upper() if len(name) <= 4 else _titled(shortest)
    return None


def _titled(m: NumberMention) -> str:
    key = m.source_key or ""
    src = m.source or key
    i = src.lower().find(key)
    return src[i:i + len(key)] if i >= 0 else key


def _verdict(group: list[NumberMention]) -> Fact:
    group.sort(key=lambda m: (m.order, m.pos))
    quantity = _quantity(group)
    mentions = [FactMention(sentence=Span(m.doc, m.sentence.start, m.sentence.end, m.sentence.text),
                            value=m.value, value_text=m.value_text, qualifier=m.qualifier, date=m.date,
                            what=m.label, where=m.where, when=_when_words(m), according_to=m.source)
                for m in group]
    fact = _judge(group, quantity, mentions)
    fact.scope = _scope_of(quantity, group)
    if fact.verdict == "update":
        fact.scope["when"] = None  # each report's own date: the note gives them
    return fact


def _when_words(m: NumberMention) -> str | None:
    """The period, day or year the sentence ties the figure to, in its words."""
    if m.when_text:
        return m.when_text
    if m.year:
        return f"in {m.year}"
    return None


def _scope_of(quantity: str, group: list[NumberMention]) -> dict:
    """What the mentions of a fact share: the place and period some of them state (the first
    stated), and every source named, as each article names it."""
    where = next((m.where for m in group if m.where), None)
    when = next((_when_words(m) for m in group if _when_words(m)), None)
    names: list[str] = []  # each name as written: "United Nations", "UN political chief X"
    for m in group:
        if m.source and m.source.lower() not in (n.lower() for n in names):
            names.append(m.source)
    # A name another one holds says nothing more ("Harbourlight Aid" beside "charity
    # Harbourlight Aid", "civil protection agency" beside "Tessel Valley Civil Protection Agency").
    names = [n for n in names if not any(n.lower() in o.lower() and n.lower() != o.lower() for o in names)]
    return {"what": quantity, "where": where, "when": when, "according_to": names}


def _judge(group: list[NumberMention], quantity: str, mentions: list[FactMention]) -> Fact:
    docs = {m.doc for m in group}
    if len(docs) < 2:
        src = _sources_of(group)
        note = f"Only {_quoted(group)} reports this figure" + (f", citing {src}." if src else ".")
        return Fact(quantity, mentions, "single", note)
    # Sets of mentions that report the same value.
    values: list[list[NumberMention]] = []
    for m in group:
        for v in values:
            if _same_value(v[0], m):
                v.append(m)
                break
        else:
            values.append([m])
    common = _common_source(group)
    if len(values) == 1:
        who = f"The {common} figure is reported by" if common else "Reported by"
        same = len({m.phrase.lower() for m in group}) == 1
        return Fact(quantity, mentions, "agree",
                    f"{who} {_quoted(group)}: " + ("the same figure." if same else "compatible."))
    # Different numbers: an update when they are dated and change only from one date to the next.
    if all(m.when for m in group):
        by_date: dict[str, list[NumberMention]] = {}
        for m in group:
            by_date.setdefault(m.when, []).append(m)
        steady = all(all(_same_value(a, b) or _overlap(a, b) for a in ms for b in ms)
                     for ms in by_date.values())
        if steady and len(by_date) > 1:
            days = sorted(by_date)
            steps = []
            for day in days:
                ms = by_date[day]
                best = max(ms, key=lambda m: (not m.qualifier, m.value))
                if steps and _same_value(steps[-1][1], best):
                    steps[-1][2].extend(ms)
                    continue
                steps.append([day, best, list(ms)])
            if len(steps) > 1:
                def days_of(step):
                    ds = sorted({m.when for m in step[2]})
                    return ds[0] if len(ds) == 1 else f"{ds[0]} to {ds[-1]}"

                first, last = steps[0], steps[-1]
                later = _doc_list([m.doc for m in last[2]])
                earlier = _doc_list([m.doc for m in first[2]])
                middle = "".join(f", then {s[1].phrase} in {_doc_list([m.doc for m in s[2]])} ({days_of(s)})"
                                 for s in steps[1:-1])
                n_later = len({m.doc for m in last[2]})
                note = (f"Updated from {first[1].phrase} in {earlier} ({days_of(first)}){middle} "
                        f"to {last[1].phrase} in the later {'report' if n_later == 1 else 'reports'} "
                        f"{later} ({days_of(last)}).")
                return Fact(quantity, mentions, "update", note)
    if all(_overlap(a, b) for a in group for b in group):
        return Fact(quantity, mentions, "agree",
                    f"Reported by {_quoted(group)}: different wording, compatible figures.")
    running = _running_update(group, values, quantity, mentions)
    if running is not None:
        return running
    parts = []
    for v in sorted(values, key=lambda v: v[0].value):
        src = _sources_of(v)
        phrases = [m.phrase for m in v]
        phrase = max(phrases, key=phrases.count)
        parts.append(f"{phrase} ({_doc_list([m.doc for m in v])}" + (f"; according to {src})" if src else ")"))
    if any(m.when is None for m in group):
        when = "with no dates to order them"
    else:
        when = "in reports of the same date"
    return Fact(quantity, mentions, "conflict", f"Different figures {when}: " + " vs ".join(parts) + ".")


def _running_update(group: list[NumberMention], values: list[list[NumberMention]], quantity: str,
                    mentions: list[FactMention]) -> Fact | None:
    """Undated reports of a running count (a toll, people evacuated, homes damaged) that
    differ, with no two sources standing behind different numbers: a count that rose as the
    reports came in, not a dispute. The highest is read as the latest, and the note says the
    reports are not dated. None when a conflict remains possible."""
    if all(m.when for m in group) or group[0].kind != "count" or group[0].event not in _RUNNING_EVENTS:
        return None
    named = {}
    for v in values:
        src = next((m.source_key for m in v if m.source_key), None)
        if src:
            named[id(v)] = src
    keys = list(named.values())
    if any(not _same_source(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]):
        return None  # two named sources give two numbers: a conflict, whatever the dates
    steps = sorted(values, key=lambda v: max(m.value for m in v))
    parts = [f"{max((m.phrase for m in v), key=[m.phrase for m in v].count)} ({_doc_list([m.doc for m in v])})"
             for v in steps]
    note = ("The reports are not dated; a count that grows as reports come in: "
            + ", then ".join(parts) + f". The highest, in {_doc_list([m.doc for m in steps[-1]])}, "
            "is read as the latest.")
    return Fact(quantity, mentions, "update", note)


def _quantity(group: list[NumberMention]) -> str:
    if group[0].kind != "money":
        return group[0].label
    things = [m.thing for m in group if m.thing]
    thing = max(things, key=things.count) if things else None
    return f"money: {thing}" if thing else "money"
