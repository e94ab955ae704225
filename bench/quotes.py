"""Direct quotations and their speakers, scored against PolNeAR.

    python bench/quotes.py --polnear ../shared/data/polnear/dev --predictions /tmp/dev.jsonl [--errors 20]

Each article (``DIR/text/<stem>.txt``) is read as the CLI reads a file, prepared by the
pipeline as a one-document cluster (``Config(min_documents=1)``: cleaning, sentences,
relevance), and its quotations are what the brief's analysis outputs: the analysis input is
built and parsed as ``analysis.analyze`` builds it (every part's sentences prefetched in one
batch), then the ``Quotes`` part runs on it (``--full`` runs the whole ``analyze`` instead;
the output is the same, only slower). One JSON line per quotation:
``{"article", "start", "end", "text", "speaker", "speaker_start", "speaker_end"}``, offsets
into the text file (the speaker's: where the quote's attribution mentions the speaker, the
brief's ``source_start``/``source_end``, which is what the scorer's span test compares with
its Source; ``--offsets name`` writes the brief's ``speaker_start``/``speaker_end`` instead,
the name a "she said" stands for); an interrupted quotation (“A,” she said, “B.”) is one line from its first
to its last quotation mark. Then the table of ``../shared/tools/score_quotes.py`` (its
protocol is in its docstring).
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))

from newsweave import analysis  # noqa: E402
from newsweave.analysis import nlp  # noqa: E402
from newsweave.analysis.part import AnalysisInput  # noqa: E402
from newsweave.analysis.quotes import Quotes  # noqa: E402
from newsweave.config import Config  # noqa: E402
from newsweave.errors import InputError  # noqa: E402
from newsweave.ingest import load_paths  # noqa: E402
from newsweave.pipeline import prepare  # noqa: E402

CONFIG = Config(min_documents=1)


def brief_quotes(path: Path, full: bool = False, with_text: bool = False):
    """The quotations a brief of this one article reports (``Analysis.quotes``); with
    ``with_text``, (quotes, the document's text their offsets are into)."""
    try:
        loaded = load_paths([str(path)])
        prepared = prepare(loaded, CONFIG)
    except InputError:
        return ([], "") if with_text else []
    doc_text = (loaded[0] if isinstance(loaded, list) else loaded).text
    quotes = _quotes(prepared, full)
    return (quotes, doc_text) if with_text else quotes


def _quotes(prepared, full: bool) -> list:
    cluster, documents, everything = prepared.cluster, prepared.readable, prepared.everything
    if full:
        return analysis.analyze(cluster, documents, everything).quotes
    # What analysis.analyze does, up to the quotes part (the other parts write nothing it reads)
    inp = AnalysisInput(cluster=cluster, documents=[d for d in documents if cluster.rows_of(d.id)],
                        everything=everything, dated=[d for d in documents if everything.rows_of(d.id)])
    inp.parsed = nlp.parse(inp.sentences)
    inp.parsed.prefetch(set().union(*(p.sentences_to_parse(inp) for p in analysis.PARTS)))
    part = next(p for p in analysis.PARTS if isinstance(p, Quotes))
    return part(inp)


def _offset_map(doc_text: str, text: str):
    """Offset in the document's text -> offset in the file's. They differ when reading the file
    changed it (a planted HTML tag in a .txt is dropped, see ``ingest``: one train article)."""
    if doc_text == text:
        return lambda o: o
    blocks = difflib.SequenceMatcher(None, doc_text, text, autojunk=False).get_matching_blocks()

    def at(o: int) -> int:
        for a, b, size in blocks:
            if a <= o <= a + size:
                return b + (o - a)
            if a > o:
                return b  # inside text the reading dropped or changed: the next kept character
        return len(text)
    return at


def predictions(data: Path, out: Path, limit: int | None = None, full: bool = False,
                offsets: str = "mention") -> float:
    """Write the predictions JSONL; returns the seconds spent in the quote finder's articles.
    ``offsets``: the speaker offsets written, "mention" (the quote's ``source_span``: where its
    attribution mentions the speaker, "she" in "she said") or "name" (``speaker_span``: the
    name "she" stands for)."""
    files = sorted((data / "text").glob("*.txt"))[:limit]
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for path in files:
            text = path.read_text(encoding="utf-8")
            quotes, doc_text = brief_quotes(path, full, with_text=True)
            at = _offset_map(doc_text, text)
            for q in quotes:
                start, end = at(q.span.start), at(q.span.end)
                assert doc_text != text or text[start:end] == q.span.text, (path, q.span)
                sp = q.speaker_span
                if offsets == "mention":
                    sp = getattr(q, "source_span", None) or sp  # speaker_span before source_span existed
                f.write(json.dumps({
                    "article": path.stem, "start": start, "end": end, "text": text[start:end],
                    "speaker": q.speaker,
                    "speaker_start": at(sp.start) if sp else None, "speaker_end": at(sp.end) if sp else None,
                }, ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def scorer():
    """``../shared/tools/score_quotes.py``, reading an annotation file whose span text runs
    over several lines (one in train) without the stray lines it cannot parse: the spans'
    offsets, which is what it scores by, are on the first line."""
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "tools" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    ann_file = module.ann_file
    fixed = Path(tempfile.mkdtemp(prefix="quotes-ann-"))

    def readable_ann_file(data: Path, stem: str) -> Path | None:
        path = ann_file(data, stem)
        if path is None:
            return None
        lines = path.read_text(encoding="utf-8").splitlines()
        good = [ln for ln in lines if not ln or ln[0] not in "TE" or re.match(r"[TE]\d+\t", ln)]
        if len(good) == len(lines):
            return path
        print(f"  note: {path.name}: {len(lines) - len(good)} continuation lines of a span's text left out",
              file=sys.stderr)
        copy = fixed / path.name
        copy.write_text("\n".join(good) + "\n", encoding="utf-8")
        return copy

    module.ann_file = readable_ann_file
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", required=True, help="a PolNeAR-layout folder (text/, attributions/)")
    ap.add_argument("--predictions", required=True, help="where to write the predictions JSONL")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (the score covers all)")
    ap.add_argument("--full", action="store_true", help="run the whole analysis (same quotes, slower)")
    ap.add_argument("--offsets", choices=("mention", "name"), default="mention",
                    help="speaker offsets written: the attribution's mention of the speaker (the scorer's"
                         " Source: 'she' in 'she said'; default) or the name it stands for")
    ap.add_argument("--score-only", action="store_true", help="score the predictions file as it is")
    ap.add_argument("--errors", type=int, default=0, help="print N example errors")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = ap.parse_args()
    data, out = Path(args.polnear), Path(args.predictions)
    seconds = None
    if not args.score_only:
        nlp.load()
        seconds = predictions(data, out, args.limit, args.full, args.offsets)
    sq = scorer()
    res, records = sq.score(data, sq.read_preds(out))
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        sq.print_table(res, f"{out} vs {data}")
    if seconds is not None:
        print(f"  seconds for the predictions (prepare + parse + quotes): {seconds:.1f}")
    if args.errors:
        sq.print_errors(data, records, args.errors, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
