"""How well the timeline finds and resolves dates, on TimeBank (TimeML).

    python bench/dates.py --tml DIR [--json OUT] [--errors]

Each ``*.tml`` file becomes one article: the text of its ``<TEXT>`` element (tags removed,
entities decoded), dated by its creation time (``<DCT>``). The article goes through the
pipeline's own preparation (debris, metadata, sentences; the date is then set to the creation
date) and the timeline part (``analysis.timeline.Timeline``), exactly as in a brief; every date
of every timeline entry is scored.

Gold items: the ``TIMEX3`` of type ``DATE`` in the text (the creation time is not in it) whose
value is a day (``YYYY-MM-DD``), a month (``YYYY-MM``) or a year (``YYYY``).

* found: some timeline date's words overlap the gold span;
* right: one of those dates equals the gold value at the gold's granularity (a day
  "1998-01-08" is right for a gold month "1998-01"; a month is not right for a gold day);
* precision: timeline dates whose words overlap a gold DATE (any ``TIMEX3`` of type ``DATE``
  but the creation time: weeks and quarters too) with an equal value at the gold's
  granularity (a day is right for the week "1998-W02" or the quarter "1998-Q1" it falls in),
  over all timeline dates (one per date mention: a sentence with two dates counts twice).

Prints found, right among found (``accuracy``), right overall (``recall``) and precision;
``--json OUT`` writes them as fractions; ``--errors`` lists what was missed or wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsweave import clean  # noqa: E402
from newsweave.analysis.part import AnalysisInput  # noqa: E402
from newsweave.analysis.timeline import Timeline  # noqa: E402
from newsweave.features import Cluster  # noqa: E402
from newsweave.metadata import add_metadata  # noqa: E402
from newsweave.model import Document  # noqa: E402
from newsweave.sentences import split_sentences  # noqa: E402

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_GOLD_VALUE = re.compile(r"^\d{4}(?:-\d\d){0,2}$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str


def read_tml(path: Path) -> tuple[str, str, list[Gold], list[Gold]]:
    """(text, creation date, gold dates, every DATE) of one TimeML file: the gold dates are
    the days, months and years; every DATE also holds weeks, quarters, seasons, "PAST_REF"."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S).group(1)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    out, pos, golds, dates, open_timex = [], 0, [], [], None
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(_ATTR.findall(m.group(3)))
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, attrs)
        elif open_timex:
            start, a = open_timex
            open_timex = None
            value = a.get("value", "")
            if a.get("type") == "DATE" and a.get("functionInDocument") != "CREATION_TIME":
                dates.append(Gold(start, length, "", value))
                if _GOLD_VALUE.match(value):
                    golds.append(dates[-1])
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in dates:
        g.text = text[g.start:g.end]
    return text, dct, golds, dates


def timeline_dates(doc_id: str, text: str, date: str) -> list[tuple[int, int, str, str]]:
    """(start, end, date, expression) of every date of the article's timeline entries."""
    doc = Document(id=doc_id, text=text)
    doc.removed = clean.find_debris(doc.text)
    add_metadata(doc)
    doc.date = date  # the protocol: the article's date is the creation date
    sentences = split_sentences(doc)
    cluster = Cluster([doc], sentences)
    entries = Timeline()(AnalysisInput(cluster=cluster, documents=[doc], everything=cluster, dated=[doc]))
    out = []
    for e in entries:
        for d in getattr(e, "dates", None) or [e]:
            if hasattr(d, "start") and isinstance(d.start, int):
                out.append((d.start, d.end, d.date, d.expression))
            else:  # an entry without offsets of its date words: find them in the sentence
                at = e.sentence.text.find(d.expression)
                start = e.sentence.start + max(at, 0)
                out.append((start, start + len(d.expression), d.date, d.expression))
    return out


def _right(found: str, gold: str) -> bool:
    """Whether a found date equals a gold value at the gold's granularity: a day is right for
    its month, year and week, a day or month for its quarter."""
    if (q := _QUARTER.match(gold)) and re.match(r"^\d{4}-\d\d", found):
        return found[:4] == q.group(1) and (int(found[5:7]) - 1) // 3 + 1 == int(q.group(2))
    if re.match(r"^\d{4}-W\d\d$", gold) and re.match(r"^\d{4}-\d\d-\d\d$", found):
        year, week, _ = dt.date.fromisoformat(found).isocalendar()
        return gold == f"{year}-W{week:02d}"
    if not _GOLD_VALUE.match(gold):
        return found == gold  # a week ("1998-W07"), or nothing a timeline states ("PAST_REF")
    return len(found) >= len(gold) and found[:len(gold)] == gold and "W" not in found


def score(tml_dir: Path, show_errors: bool = False) -> dict:
    n_gold = n_found = n_right = n_dates = n_precise = 0
    errors = []
    for path in sorted(tml_dir.glob("*.tml")):
        text, dct, golds, every_date = read_tml(path)
        dates = timeline_dates(path.stem, text, dct)
        n_dates += len(dates)
        for s, e, value, expr in dates:
            over = [g for g in every_date if s < g.end and g.start < e]
            if any(_right(value, g.value) for g in over):
                n_precise += 1
            elif show_errors:
                what = f"gold {over[0].value} {over[0].text!r}" if over else "no gold"
                ctx = text[max(0, s - 50):e + 30].replace("\n", " ")
                errors.append(f"EXTRA {path.stem} dct={dct} {expr!r} -> {value} ({what}) …{ctx}…")
        for g in golds:
            n_gold += 1
            over = [d for d in dates if d[0] < g.end and g.start < d[1]]
            if over:
                n_found += 1
                if any(_right(d[2], g.value) for d in over):
                    n_right += 1
                elif show_errors:
                    ctx = text[max(0, g.start - 60):g.end + 30].replace("\n", " ")
                    errors.append(f"WRONG {path.stem} dct={dct} {g.text!r}={g.value} got "
                                  f"{[(d[3], d[2]) for d in over]} …{ctx}…")
            elif show_errors:
                ctx = text[max(0, g.start - 60):g.end + 30].replace("\n", " ")
                errors.append(f"MISSED {path.stem} dct={dct} {g.text!r}={g.value} …{ctx}…")
    result = {
        "documents": len(list(tml_dir.glob("*.tml"))), "gold": n_gold, "timeline_dates": n_dates,
        "found": n_found / max(n_gold, 1), "accuracy": n_right / max(n_found, 1),
        "recall": n_right / max(n_gold, 1), "precision": n_precise / max(n_dates, 1),
    }
    if show_errors:
        result["errors"] = errors
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tml", required=True, type=Path, help="folder of TimeML (.tml) files")
    ap.add_argument("--json", type=Path, help="write the scores as JSON here")
    ap.add_argument("--errors", action="store_true", help="list the missed, wrong and extra dates")
    args = ap.parse_args()
    r = score(args.tml, args.errors)
    for line in r.pop("errors", []):
        print(line)
    print(f"{r['documents']} documents, {r['gold']} gold dates (day, month or year), "
          f"{r['timeline_dates']} timeline dates")
    print("| found | right among found | right overall | precision |")
    print("|---:|---:|---:|---:|")
    print(f"| {r['found']:.1%} | {r['accuracy']:.1%} | {r['recall']:.1%} | {r['precision']:.1%} |")
    if args.json:
        args.json.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
