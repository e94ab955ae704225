"""Would briefing only one of two unrelated articles help? (issue #18, measured, not shipped)

    PYTHONPATH=. python bench/two_stories.py ../shared/data/multi_news_raw/dev.jsonl
    PYTHONPATH=. python bench/two_stories.py ../shared/data/multi_news/validation.jsonl   # ~4 min
    PYTHONPATH=. python bench/two_stories.py FILE --list --save out/two.jsonl \
        --rule tfidf,names,names-rel,ents-rel,lex-rel,rare-rel,years-rel        # validation: ~4 min

Default (``--rule tfidf``): for every cluster with exactly two used articles whose relevance
(their TF-IDF cosine, from the relevance stage) is under --below, ROUGE-1 F1 (stemmed,
candidates cut to 250 words, against the first reference) of today's brief and of a brief of
the longer article alone, then the means by relevance band. The relevance stage calls neither
of two articles the odd one out; this script is what stands behind that.

Stricter rules (``--rule`` with a comma-separated list; none reads the reference):

* ``names``: the two articles share no name. A name is a capitalised word in mid-sentence
  (not first on its line, not after . ! ? : ; a quotation mark or a bracket, unless after a
  title such as "Mr."), not a function word, month, weekday or title ("President"), in a line
  that is not a Title-Case headline; names are compared word by word, lower-cased ("Roof" is
  "Dylann Roof"'s). It abstains (never fires) when either article has fewer than
  ``MIN_NAMES`` distinct names: a lower-cased text (all of Multi-News validation) or a stub.
* ``names-rel``: ``names`` and relevance under --below.
* ``ents-rel``: as ``names-rel``, but the names are the words of spaCy's PERSON, ORG, GPE,
  LOC and FAC entities (people, organisations, places: not "African-American", NORP), as the
  relevance stage reads them (``newsweave.text.names``); abstains where ``names`` does.
* ``lex-rel``: case-free names, for lower-cased text: a word is a name when cased news
  (DUC 2006, PolNeAR, MSRP, TimeBank from shared/data: none of Multi-News) writes it
  capitalised in mid-sentence at least ``LEX_CAPITALISED`` of the time, seen
  ``LEX_MIN_SEEN`` times or more; no such word shared, both articles with ``MIN_NAMES`` or
  more, and relevance under --below.
* ``rare-rel``: no shared content word that is in under ``RARE_SHARE`` of the documents of
  Multi-News train (lower-cased; most such words are names), and relevance under --below.
* ``years-rel``: both state years (1950-2039), their latest years ``YEARS_APART`` or more
  apart, and relevance under --below.

For each rule: how many clusters it fires on, how many of them the Multi-News+ vote marks as
holding an irrelevant document (``meta.multinews_plus_irrelevant_raw_doc_indices``, Multi-News
only: an LLM vote, that also marks dead pages and stubs), and ROUGE-1 of today's brief against a
brief of one article alone, kept by ``longer`` (more characters), ``drawn`` (the article
today's brief takes more sentences from; ties to the longer) or ``names`` (more distinct
case-free names, as ``lex-rel`` finds them; ties to the longer), with the counts of clusters that
get better and worse; ``either`` is the better of the two articles (an oracle, a bound: it
reads the reference) and ``mn+`` the one the Multi-News+ vote does not mark (a bound: it reads
that label; the longer where it marks neither or both). Then ROUGE-2 and the brief's length.
``--list`` names the fired clusters; ``--save`` keeps every cluster's findings.

What it found (twostory branch): no rule tells two stories apart well enough to brief one
article. Multi-News validation is lower-cased, so the case-based rules abstain on all of it; on
raw dev ``ents-rel`` and ``rare-rel`` fire once, on the one true pair (Charleston / Ferguson).
On validation every rule that fires loses ROUGE-1 with every reference-free choice of the kept
article: when one article is off-story, the mixed brief loses ~0.02 against the right article
alone, the wrong one alone loses ~0.2, and longer/drawn/names pick the right one 70-74% of the
time (break-even is ~90%).
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import json
import os
import re
from collections import Counter
from pathlib import Path

import numpy as np

import newsweave
from newsweave.evaluation.rouge import _scorer, sentence_lines, truncate_words
from newsweave.model import Status
from newsweave.text.lexicon import TITLE_ABBREVIATIONS, TITLES
from newsweave.text.names import name_words
from newsweave.text.words import STOP_WORDS

SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BANDS = [(0.0, 0.02), (0.02, 0.04), (0.04, 0.06), (0.06, 0.08), (0.08, 0.1)]
RULES = ("tfidf", "names", "names-rel", "ents-rel", "lex-rel", "rare-rel", "years-rel")
KEEPS = ("longer", "drawn", "names", "either", "mn+")

MIN_NAMES = 3  # fewer distinct names in an article: lower-cased text or a stub, abstain
LEX_CAPITALISED = 0.9  # a case-free name: capitalised this often in cased news ...
LEX_MIN_SEEN = 3  # ... seen this many times in mid-sentence
RARE_SHARE = 0.001  # "rare" words: in under this share of Multi-News train's documents
YEARS_APART = 2

MONTHS = frozenset("january february march april may june july august september october november "
                   "december jan feb mar apr jun jul aug sep sept oct nov dec".split())
NOT_NAMES = STOP_WORDS | MONTHS | TITLES | {"i", "i'm", "i've", "i'd", "i'll", "ok"}
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_OPENERS = set(".!?:;\"“”‘'([{—–-•*|>#")
_AFTER_TITLE = tuple(t + "." for t in TITLE_ABBREVIATIONS)
_CONTENT = re.compile(r"[a-z][a-z'’-]*[a-z]")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")


def _headline(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _key(word: str) -> str:
    return word.lower() if re.fullmatch(r"(\w\.)+", word) else re.sub(r"(['’]s?|[.,-])$", "", word.lower())


def mid_sentence_words(text: str):
    """(word, capitalised) for every word in mid-sentence, outside Title-Case headlines."""
    for line in text.split("\n"):
        if _headline(line):
            continue
        for m in _WORD.finditer(line):
            before = line[:m.start()].rstrip()
            if before and (before[-1] not in _OPENERS or before.endswith(_AFTER_TITLE)):
                yield m.group(), m.group()[0].isupper()


def names(text: str) -> set[str]:
    """Lower-cased words of the names in ``text`` (see the module docstring)."""
    keys = (_key(w) for w, cap in mid_sentence_words(text) if cap)
    return {k for k in keys if len(k) > 1 and k not in NOT_NAMES}


def _cased_texts():
    """Cased news from shared/data that is not Multi-News."""
    for line in open(SHARED / "data/duc2006/clusters.jsonl", encoding="utf-8"):
        yield from json.loads(line)["documents"]
    for path in sorted(glob.glob(str(SHARED / "data/polnear/*/text/*.txt"))):
        yield Path(path).read_text(encoding="utf-8")
    with open(SHARED / "data/msrp/train.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield from row[3:5]
    for path in sorted(glob.glob(str(SHARED / "data/timebank/*.tml"))):
        yield re.sub(r"<[^>]+>", "", Path(path).read_text(encoding="utf-8"))


def name_lexicon() -> frozenset[str]:
    """Words that cased news writes capitalised in mid-sentence (``lex-rel``)."""
    cap, seen = Counter(), Counter()
    for text in _cased_texts():
        for w, c in mid_sentence_words(text):
            k = _key(w)
            seen[k] += 1
            cap[k] += c
    return frozenset(k for k, n in seen.items() if n >= LEX_MIN_SEEN and cap[k] >= LEX_CAPITALISED * n
                     and len(k) > 1 and k not in NOT_NAMES)


def lex_names(text: str, lexicon: frozenset[str]) -> set[str]:
    return {k for k in map(_key, _WORD.findall(text)) if k in lexicon}


def document_frequencies() -> tuple[int, Counter]:
    """Document frequency of every lower-cased word over Multi-News train (``rare-rel``)."""
    df, n = Counter(), 0
    with gzip.open(SHARED / "data/multi_news/train.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            for d in json.loads(line)["documents"]:
                if d and d.strip():
                    n += 1
                    df.update(set(_CONTENT.findall(d.lower())))
    return n, df


def content(text: str) -> set[str]:
    return {w for w in _CONTENT.findall(text.lower()) if w not in STOP_WORDS and len(w) > 2}


def years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def _docs(r) -> list[str]:
    docs = [d.get("text", "") if isinstance(d, dict) else d for d in r["documents"]]
    return [d for d in docs if d and d.strip()]


def _irrelevant(r) -> bool | None:
    """Whether the Multi-News+ vote marks a document of the cluster irrelevant (None: no vote)."""
    marks = r.get("meta", {}).get("multinews_plus_irrelevant_raw_doc_indices")
    return None if marks is None else bool(marks)


def _marked(r) -> list[int] | None:
    """[0/1, 0/1]: which of two documents the Multi-News+ vote marks irrelevant (None: no vote,
    or empty documents dropped, so the indices may not match)."""
    meta = r.get("meta", {})
    marks = meta.get("multinews_plus_irrelevant_raw_doc_indices")
    if marks is None or meta.get("n_empty_docs_dropped"):
        return None
    return [int(i in marks) for i in range(2)]


def old_report(rows, below):
    print(f"{len(rows)} two-article clusters with relevance under {below}")
    print("| relevance | clusters | ROUGE-1 today | longer article only | better | worse |")
    print("|---|---:|---:|---:|---:|---:|")
    for lo, hi in BANDS + [(0.0, below)]:
        band = np.array([x[2:] for x in rows if lo <= x[1] < hi])
        if len(band):
            print(f"| {lo:.2f}–{hi:.2f} | {len(band)} | {band[:, 0].mean():.4f} | {band[:, 1].mean():.4f} | "
                  f"{int((band[:, 1] > band[:, 0]).sum())} | {int((band[:, 1] < band[:, 0]).sum())} |")
    for cid, rel, now, alone in rows if len(rows) <= 10 else []:
        print(f"{cid}: relevance {rel:.3f}, ROUGE-1 {now:.3f} -> {alone:.3f}")


def fires(rule: str, c: dict, below: float) -> bool:
    low = c["rel"] < below
    if rule == "tfidf":
        return low
    if rule in ("names", "names-rel", "ents-rel"):
        if not c["cased"] or (rule != "names" and not low):
            return False
        n0, n1 = c["ents" if rule == "ents-rel" else "names"]
        return bool(n0) and bool(n1) and not (n0 & n1)
    if rule == "lex-rel":
        n0, n1 = c["lex"]
        return low and min(len(n0), len(n1)) >= MIN_NAMES and not (n0 & n1)
    if rule == "rare-rel":
        return low and not c["rare_shared"]
    if rule == "years-rel":
        y0, y1 = c["years"]
        return low and bool(y0) and bool(y1) and abs(max(y0) - max(y1)) >= YEARS_APART
    raise ValueError(rule)


def r1(scorer, ref: str, brief) -> float:
    cand = "\n".join(s.sentence.text for s in brief.summary)
    return scorer.score(ref, truncate_words(cand, 250))["rouge1"].fmeasure


def scores(scorer, ref: str, brief) -> tuple[float, float, int]:
    """ROUGE-1 and ROUGE-2 F1 of a brief, and its length in words (up to 250)."""
    cand = truncate_words("\n".join(s.sentence.text for s in brief.summary), 250)
    got = scorer.score(ref, cand)
    return got["rouge1"].fmeasure, got["rouge2"].fmeasure, len(cand.split())


def _reference(r) -> str:
    return sentence_lines((r["summaries"][0] if isinstance(r["summaries"], list) else r["summaries"])
                          .lstrip("– ").strip())


def kept(c: dict, how: str) -> int:
    """Which article (0 or 1) to brief alone; ``either`` reads the reference (a bound)."""
    if how == "either":
        return int(c["alone"][1][0] > c["alone"][0][0])
    if how == "mn+":
        if c["marked"] and sum(c["marked"]) == 1:
            return 1 - c["marked"][1]
    if how == "drawn" and c["drawn"][0] != c["drawn"][1]:
        return int(c["drawn"][1] > c["drawn"][0])
    if how == "names" and len(c["lex"][0]) != len(c["lex"][1]):
        return int(len(c["lex"][1]) > len(c["lex"][0]))
    return int(c["len"][1] > c["len"][0])



def _two_article_briefs(records):
    """(record, its two texts, today's brief, the two used documents) for every cluster of two
    articles that the brief uses both of."""
    for r in records:
        docs = _docs(r)
        if len(docs) != 2:
            continue
        try:
            b = newsweave.brief(docs, words=250, analyze=False)
        except newsweave.InputError:
            continue
        used = [d for d in b.documents if d.status == Status.USED]
        if len(used) == 2:
            yield r, docs, b, used

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonl")
    ap.add_argument("--below", type=float, default=0.1)
    ap.add_argument("--rule", default="tfidf",
                    help=f"comma-separated, of {', '.join(RULES)} (default tfidf: the first measurement)")
    ap.add_argument("--list", action="store_true", help="list the clusters each rule fires on")
    ap.add_argument("--save", metavar="JSONL", help="write every cluster's findings and scores here (for out/)")
    args = ap.parse_args()
    rules = args.rule.split(",")
    for rule in rules:
        if rule not in RULES:
            ap.error(f"unknown rule {rule!r}")
    scorer = _scorer()
    with open(args.jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]

    if rules == ["tfidf"]:  # the first measurement, as it was
        rows = []
        for r, docs, b, used in _two_article_briefs(records):
            if min(d.relevance or 0 for d in used) >= args.below:
                continue
            ref = _reference(r)
            longer = max(used, key=lambda d: len(d.text))
            alone = newsweave.brief([docs[[d.id for d in b.documents].index(longer.id)]], words=250,
                                    analyze=False, min_documents=1)
            rows.append((r["id"], min(d.relevance for d in used), r1(scorer, ref, b), r1(scorer, ref, alone)))
        old_report(rows, args.below)
        return

    lexicon = name_lexicon()
    n_train, df = document_frequencies() if "rare-rel" in rules else (0, Counter())
    clusters = []
    for r, docs, b, used in _two_article_briefs(records):
        drawn = Counter(s.sentence.doc for s in b.summary)
        nm = [names(d) for d in docs]
        c = {"id": r["id"], "rel": min(d.relevance or 0 for d in used), "names": nm,
             "cased": min(len(n) for n in nm) >= MIN_NAMES, "lex": [lex_names(d, lexicon) for d in docs],
             "rare_shared": {w for w in content(docs[0]) & content(docs[1]) if df[w] < RARE_SHARE * n_train},
             "years": [years(d) for d in docs], "len": [len(d) for d in docs],
             "drawn": [drawn[d.id] for d in b.documents], "irrelevant": _irrelevant(r), "marked": _marked(r)}
        c["ents"] = [name_words([d]) for d in docs] if c["cased"] and "ents-rel" in rules else [set(), set()]
        c["fired"] = [rule for rule in rules if fires(rule, c, args.below)]
        clusters.append(c)
        if c["fired"]:
            ref = _reference(r)
            c["today"] = scores(scorer, ref, b)
            c["alone"] = [scores(scorer, ref, newsweave.brief([d], words=250, analyze=False, min_documents=1))
                          for d in docs]

    print(f"{args.jsonl}: {len(clusters)} clusters of two used articles; names abstain on "
          f"{sum(not c['cased'] for c in clusters)} (lower-cased or under {MIN_NAMES} names); relevance "
          f"under {args.below} in {sum(c['rel'] < args.below for c in clusters)}; {len(lexicon)} words in "
          f"the case-free name lexicon")
    labelled = [c for c in clusters if c["irrelevant"] is not None]
    if labelled:
        print(f"Multi-News+ marks an irrelevant document in {sum(c['irrelevant'] for c in labelled)} of "
              f"{len(labelled)} (relevance under {args.below}: "
              f"{sum(c['irrelevant'] for c in labelled if c['rel'] < args.below)} of "
              f"{sum(c['rel'] < args.below for c in labelled)})")
    print("ROUGE-1 F1; keep KEEP: a brief of that article alone; better/worse: clusters against today")
    head = " | ".join(f"keep {k} | better | worse" for k in KEEPS)
    print(f"| rule | fires | MN+ irrelevant | today | {head} |")
    print("|---|---:|---:|---:|" + "---:|---:|---:|" * len(KEEPS))
    for rule in rules:
        got = [c for c in clusters if rule in c["fired"]]
        if not got:
            print(f"| {rule} | 0 | | |" + " | | |" * len(KEEPS))
            continue
        lab = [c["irrelevant"] for c in got if c["irrelevant"] is not None]
        today = np.array([c["today"][0] for c in got])
        cells = []
        for how in KEEPS:
            alone = np.array([c["alone"][kept(c, how)][0] for c in got])
            cells.append(f"{alone.mean():.4f} | {int((alone > today).sum())} | {int((alone < today).sum())}")
        print(f"| {rule} | {len(got)} | {f'{sum(lab)}/{len(lab)}' if lab else '-'} | {today.mean():.4f} | "
              + " | ".join(cells) + " |")
    print("ROUGE-2 F1 and words (of at most 250), today and keep longer")
    print("| rule | fires | R-2 today | R-2 keep longer | better | worse | words today | words keep longer |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for rule in rules:
        got = [c for c in clusters if rule in c["fired"]]
        if got:
            today = np.array([c["today"] for c in got])
            alone = np.array([c["alone"][kept(c, "longer")] for c in got])
            print(f"| {rule} | {len(got)} | {today[:, 1].mean():.4f} | {alone[:, 1].mean():.4f} | "
                  f"{int((alone[:, 1] > today[:, 1]).sum())} | {int((alone[:, 1] < today[:, 1]).sum())} | "
                  f"{today[:, 2].mean():.0f} | {alone[:, 2].mean():.0f} |")
    if args.list:
        for rule in rules:
            for c in clusters:
                if rule in c["fired"]:
                    print(f"{rule}: {c['id']} rel {c['rel']:.3f} chars {c['len']} names "
                          f"{[len(n) for n in c['names']]} ents {[len(n) for n in c['ents']]} lex "
                          f"{[len(n) for n in c['lex']]} shared {sorted(c['names'][0] & c['names'][1])[:3]} "
                          f"lex-shared {sorted(c['lex'][0] & c['lex'][1])[:3]} rare-shared "
                          f"{sorted(c['rare_shared'])[:3]} years {[max(y) if y else None for y in c['years']]} "
                          f"drawn {c['drawn']} MN+ {c['marked']} ROUGE-1 {c['today'][0]:.3f} -> "
                          f"{c['alone'][0][0]:.3f} / {c['alone'][1][0]:.3f}")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            for c in clusters:
                f.write(json.dumps({k: [sorted(x) if isinstance(x, set) else x for x in v]
                                    if isinstance(v, list) else sorted(v) if isinstance(v, set) else v
                                    for k, v in c.items()}) + "\n")

if __name__ == "__main__":
    main()
