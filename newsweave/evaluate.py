"""Evaluation: ROUGE of summaries against reference summaries, over a dataset of clusters.

Two conventions, both with ``rouge_score``'s tokenizer and Porter stemming:

* Multi-News (Fabbri et al., 2019): F1, the candidate truncated to the word budget.
* DUC (``--duc``): recall, averaged over the references as ROUGE-1.5.5 does with
  ``-f A`` (score against each reference, then take the mean), the candidate
  truncated to a byte limit (``-b 665`` for DUC 2004) or to the word budget
  (``-l 250`` for DUC 2006).

ROUGE-Lsum treats every line as a sentence: candidates are written one sentence per
line; a reference without line breaks is split into sentences with Punkt first.

Datasets are JSONL files of clusters, one per line:
``{"id": ..., "documents": [str, ...], "summaries": [str, ...], "query"?: {...}}``.
``evaluate`` summarizes every cluster on all cores and returns mean scores;
``newsweave eval`` is its command line (see :func:`add_eval_parser`).

Besides the registered summarizers there is one special system, ``oracle``: a greedy
extractive ceiling that reads the references (so it is not a summarizer).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import summarizers
from .errors import InputError
from .text import punkt
from .summarizers import peers  # noqa: F401  (registers the peer summarizers)

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
ORACLE = "oracle"
DEFAULT_WORDS = 250

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))

# --------------------------------------------------------------------------- ROUGE

# (reference, candidate) pairs on which the fast Rust port must agree with rouge_score
# exactly before it is used: stemming, punctuation, numbers, repeats, Lsum over lines.
_CHECKS = [
    ("the cat was on the mat", "the cat sat on the mat"),
    ("Police arrested two men on Tuesday.\nThe men were released on bail.",
     "Two men were arrested by police\nThey were later released, police said."),
    ("The company's shares fell 8.2 % to $ 3.50 on Monday , analysts said .",
     "shares in the company fell 8.2% monday\nanalysts said the running runners ran"),
    ("a a a b b c\nc b a", "a b c a b c\na a"),
    ("", "something"),
]


@lru_cache(maxsize=None)
def _scorer(types: tuple[str, ...] = ROUGE_TYPES):
    """A ROUGE scorer with stemming: ``rouge_score_rs`` (same numbers, ~100x faster) when
    it is installed and agrees with ``rouge_score`` on :data:`_CHECKS`, else ``rouge_score``."""
    fast = slow = None
    try:
        import rouge_score_rs

        fast = rouge_score_rs.RougeScorer(list(types), use_stemmer=True)
    except ImportError:
        pass
    try:
        from rouge_score import rouge_scorer

        slow = rouge_scorer.RougeScorer(list(types), use_stemmer=True)
    except ImportError:
        pass
    if fast is not None and slow is not None:
        for ref, cand in _CHECKS:
            a, b = fast.score(ref, cand), slow.score(ref, cand)
            if any(tuple(a[t]) != tuple(b[t]) for t in types):
                print("newsweave: rouge_score_rs disagrees with rouge_score; using rouge_score",
                      file=sys.stderr)
                return slow
        return fast
    if fast is None and slow is None:
        raise InputError("evaluation needs a ROUGE package: pip install rouge-score==0.1.2 "
                         "(and rouge-score-rs==0.2.1 for speed)")
    return fast or slow


def rouge_backend() -> str:
    """Which package computes the scores: "rouge_score_rs" or "rouge_score"."""
    return type(_scorer()).__module__.split(".")[0]




def sentence_lines(text: str) -> str:
    """The text with one sentence per line (ROUGE-Lsum's sentence boundaries): kept as
    they are when the text already has line breaks, else found with Punkt."""
    if "\n" in text:
        lines = [" ".join(line.split()) for line in text.split("\n")]
    else:
        try:
            lines = [" ".join(s.split()) for s in punkt.tokenizer().tokenize(text)]
        except ImportError:  # no sentence splitter: the whole text is one sentence
            lines = [" ".join(text.split())]
    return "\n".join(line for line in lines if line)


def truncate_words(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``, line breaks kept."""
    out, left = [], words
    for line in text.split("\n"):
        if left <= 0:
            break
        tokens = line.split()
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return "\n".join(out)


def truncate_bytes(text: str, n_bytes: int) -> str:
    """The first ``n_bytes`` bytes of the UTF-8 text (as ROUGE-1.5.5 ``-b``: a word may be
    cut; a line break counts as one byte, like the space ROUGE-1.5.5 joins lines with)."""
    return text.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


def rouge(candidate: str, references: list[str] | str, mode: str = "f1",
          words: int | None = None, bytes_: int | None = None) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum (0..1) of ``candidate`` (one sentence per line).

    ``mode`` "f1" gives F-measure (Multi-News), "recall" recall (DUC). With several
    references the score against each is averaged (ROUGE-1.5.5 ``-f A``). The candidate
    is first cut to ``words`` words and then to ``bytes_`` bytes, when given.
    """
    if mode not in ("f1", "recall"):
        raise ValueError(f"mode must be 'f1' or 'recall', not {mode!r}")
    if isinstance(references, str):
        references = [references]
    if not references:
        raise ValueError("rouge() needs at least one reference summary")
    candidate = "\n".join(" ".join(line.split()) for line in candidate.split("\n"))
    if words is not None:
        candidate = truncate_words(candidate, words)
    if bytes_ is not None:
        candidate = truncate_bytes(candidate, bytes_)
    candidate = sentence_lines(candidate)
    attr = "fmeasure" if mode == "f1" else "recall"
    scores = [_scorer().score(sentence_lines(ref), candidate) for ref in references]
    return {t: sum(getattr(s[t], attr) for s in scores) / len(scores) for t in ROUGE_TYPES}


# --------------------------------------------------------------------------- systems

def query_text(record: dict) -> str | None:
    """A record's query as one string: DUC's {title, narrative} joined, or a plain string."""
    q = record.get("query")
    if not q:
        return None
    if isinstance(q, dict):
        return " ".join(str(q[k]).strip() for k in ("title", "narrative") if q.get(k)) or None
    return str(q)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def pipeline_config(**options):
    """A pipeline Config for scoring runs: only the summary is needed, so the analysis
    stage is off; since scoring truncates every candidate at the word budget, the last
    sentence may cross it (``overflow``), for every system alike; and a cluster of one
    article is summarized rather than refused (``min_documents``)."""
    from .pipeline import Config

    options.setdefault("analyze", False)
    options.setdefault("overflow", True)
    options.setdefault("min_documents", 1)
    return Config(**options)


@dataclass(frozen=True)
class System:
    """Summarize a record with a registered summarizer through the full pipeline
    (cleaning, sentence splitting, off-topic filtering: the same for every system).
    Picklable, so it can be sent to worker processes. Returns the summary sentences."""

    summarizer: str = summarizers.DEFAULT
    words: int = DEFAULT_WORDS
    query: bool = False

    @property
    def name(self) -> str:
        return self.summarizer + ("+query" if self.query else "")

    def __call__(self, record: dict) -> list[str]:
        from .ingest import documents_from_texts
        from .pipeline import run

        query = query_text(record) if self.query else None
        if self.query and query is None:
            raise InputError(f"cluster {record.get('id')!r} has no query: leave out --query")
        brief = run(documents_from_texts(record["documents"]),
                    pipeline_config(words=self.words, summarizer=self.summarizer, query=query))
        return [_one_line(s.sentence.text) for s in brief.summary]


def candidate_sentences(documents: list[str]) -> list[str]:
    """Every sentence the summarizers choose from: the pipeline run with an unlimited
    budget (lead then takes all sentences of the documents it did not set aside)."""
    from .ingest import documents_from_texts
    from .pipeline import run

    brief = run(documents_from_texts(documents),
                pipeline_config(words=None, sentences=10**9, summarizer="lead"))
    return [_one_line(s.sentence.text) for s in brief.summary]


@lru_cache(maxsize=1)
def _tokenize():
    """rouge_score's tokenizer (lower-case, [a-z0-9] tokens, Porter stemming)."""
    try:
        from rouge_score_rs.tokenizers import DefaultTokenizer
    except ImportError:
        from rouge_score.tokenizers import DefaultTokenizer
    return DefaultTokenizer(use_stemmer=True).tokenize


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class Oracle:
    """Greedy extractive oracle (an upper bound for sentence extraction): repeatedly add
    the candidate sentence that most increases ROUGE-1 F1 + ROUGE-2 F1 against the
    references (averaged over them), until the word budget is reached or no sentence
    improves the score. N-gram counts are added per sentence (no bigrams across a
    sentence boundary), the usual approximation that makes each step cheap; the final
    summary is scored with the real ROUGE like every other system."""

    words: int = DEFAULT_WORDS
    name: str = ORACLE

    def __call__(self, record: dict) -> list[str]:
        sentences = candidate_sentences(record["documents"])
        return self.select(sentences, record["summaries"])

    def select(self, sentences: list[str], references: list[str]) -> list[str]:
        tokenize = _tokenize()
        refs = [(_ngrams(t, 1), _ngrams(t, 2)) for t in (tokenize(r) for r in references)]
        ref_totals = [(sum(u.values()), sum(b.values())) for u, b in refs]
        sents = []
        for text in sentences:
            tokens = tokenize(text)
            sents.append((len(text.split()), _ngrams(tokens, 1), _ngrams(tokens, 2)))

        chosen: list[int] = []
        words = 0
        cand = [Counter(), Counter()]  # the summary's unigram and bigram counts
        overlap = [[0, 0] for _ in refs]  # per reference, per n
        best_score = 0.0

        def f1(hit: int, cand_total: int, ref_total: int) -> float:
            p, r = hit / max(cand_total, 1), hit / max(ref_total, 1)
            return 2 * p * r / (p + r) if p + r else 0.0

        while True:
            best = None
            cand_totals = [sum(cand[0].values()), sum(cand[1].values())]
            for i, (n_words, uni, bi) in enumerate(sents):
                # like every system, the oracle may let its last sentence cross the budget
                if i in chosen or words >= self.words or not uni:
                    continue
                new_totals = (cand_totals[0] + sum(uni.values()), cand_totals[1] + sum(bi.values()))
                score = 0.0
                gains = []
                for j, ref in enumerate(refs):
                    gain = []
                    for n, grams in enumerate((uni, bi)):
                        c, r = cand[n], ref[n]
                        g = sum(min(c[k] + v, r[k]) - min(c[k], r[k]) for k, v in grams.items() if k in r)
                        gain.append(g)
                        score += f1(overlap[j][n] + g, new_totals[n], ref_totals[j][n])
                    gains.append(gain)
                score /= len(refs)
                if score > best_score + 1e-12 and (best is None or score > best[1]):
                    best = (i, score, gains)
            if best is None:
                break
            i, best_score, gains = best
            chosen.append(i)
            words += sents[i][0]
            cand[0].update(sents[i][1])
            cand[1].update(sents[i][2])
            for j, gain in enumerate(gains):
                overlap[j][0] += gain[0]
                overlap[j][1] += gain[1]
        return [sentences[i] for i in chosen]


def make_system(name: str, words: int = DEFAULT_WORDS, query: bool = False):
    """The system called ``name``: a registered summarizer, or "oracle"."""
    if name == ORACLE:
        return Oracle(words=words)
    if name not in summarizers.REGISTRY:
        raise InputError(f"unknown summarizer {name!r}: choose one of "
                         f"{', '.join(sorted(summarizers.REGISTRY))} or {ORACLE}")
    return System(summarizer=name, words=words, query=query)


# --------------------------------------------------------------------------- datasets

def read_records(path: str | os.PathLike, limit: int | None = None) -> list[dict]:
    """Clusters from a JSONL dataset; InputError with a one-line message on bad input."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; give a JSONL dataset of clusters "
                         f"(e.g. {SHARED / 'data' / 'multi_news' / 'validation.jsonl'})")
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a .jsonl file with one cluster per line")
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path} line {n}: not valid JSON ({e.msg}); "
                                 "give one JSON object per line") from None
            if not isinstance(rec, dict):
                raise InputError(f"{path} line {n}: expected a JSON object with "
                                 '"documents" and "summaries", not a {type(rec).__name__}')
            docs, refs = rec.get("documents"), rec.get("summaries")
            if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
                raise InputError(f'{path} line {n}: "documents" must be a list of article texts')
            if not isinstance(refs, list) or not refs or not all(isinstance(s, str) for s in refs):
                raise InputError(f'{path} line {n}: "summaries" must be a non-empty list of '
                                 "reference summaries (strings)")
            rec.setdefault("id", f"{path.stem}-{n}")
            records.append(rec)
    if not records:
        raise InputError(f"{path} holds no clusters")
    return records


# --------------------------------------------------------------------------- evaluation

_WORKER: dict = {}

# A tiny cluster run once before timing starts (and before the workers fork), so that
# lazy imports and model loads are not charged to the first clusters.
_WARM_UP = {"id": "warm-up", "query": {"title": "Flood", "narrative": "Describe the flood."},
            "summaries": ["A river flooded three villages and residents were moved to a school."],
            "documents": [
                "The river burst its banks on Monday, flooding three villages. Hundreds of residents "
                "were moved to a school hall, the council said. More rain is expected this week.",
                "Three villages were flooded on Monday after the river burst its banks. The council "
                "moved hundreds of residents to a school hall. Forecasters expect more rain."]}


def warm_up(summarize_fn) -> None:
    try:
        summarize_fn(dict(_WARM_UP))
    except Exception:  # noqa: BLE001 - a real failure shows up on the real clusters
        pass


def _init_worker(summarize_fn, mode, words, bytes_, one_thread=False):
    _WORKER.update(fn=summarize_fn, mode=mode, words=words, bytes_=bytes_)
    if one_thread:  # one BLAS thread per worker: the workers already share the cores, and on
        # the small matrices of one cluster BLAS threads cost more than they gain (sumy's LSA
        # runs ~4x slower with two)
        try:
            from threadpoolctl import threadpool_limits

            _WORKER["blas"] = threadpool_limits(limits=1)
        except ImportError:
            pass


def _work(record: dict) -> tuple:
    """Summarize and score one cluster (in a worker). A cluster that cannot be summarized
    scores 0 and is reported, so one bad cluster does not end a long run."""
    start, cpu = time.perf_counter(), time.process_time()
    error = None
    try:
        sentences = list(_WORKER["fn"](record))
    except Exception as e:  # noqa: BLE001 - counted and reported by evaluate()
        sentences, error = [], f"{type(e).__name__}: {e}"
    seconds = (time.process_time() - cpu, time.perf_counter() - start)
    # The prediction written out is exactly what is scored: cut at the budget.
    text = "\n".join(sentences)
    if _WORKER["words"] is not None:
        text = truncate_words(text, _WORKER["words"])
    if _WORKER["bytes_"] is not None:
        text = truncate_bytes(text, _WORKER["bytes_"])
    if sentences:
        scores = rouge(text, record["summaries"], _WORKER["mode"], _WORKER["words"], _WORKER["bytes_"])
    else:
        scores = dict.fromkeys(ROUGE_TYPES, 0.0)
    return record.get("id"), text, scores, seconds, error


def evaluate(records: list[dict], summarize_fn, *, mode: str = "f1", words: int | None = DEFAULT_WORDS,
             bytes_: int | None = None, predictions: str | os.PathLike | None = None,
             processes: int | None = None, progress: bool = True, desc: str | None = None) -> dict:
    """Summarize every record with ``summarize_fn`` (record -> list of sentence strings;
    picklable, e.g. :class:`System` or :class:`Oracle`) on ``processes`` worker processes
    (default: all cores) and score each summary with :func:`rouge`.

    Writes ``{"id", "summary"}`` lines to ``predictions`` when given (summary sentences
    separated by newlines). Returns the mean ROUGE scores (0..1); ``seconds_per_cluster``,
    the mean CPU time spent summarizing one cluster (scoring excluded; CPU time, because
    wall time per cluster depends on whatever else the machine runs), and its wall-clock
    counterpart; the total wall time; the clusters that failed (scored 0); and
    ``per_cluster``, every cluster's scores in record order, for paired comparisons
    (:func:`paired_bootstrap`).
    """
    from tqdm import tqdm

    records = list(records)
    if not records:
        raise InputError("no clusters to evaluate")
    _scorer()  # choose the ROUGE backend once, before the workers fork
    _tokenize()
    warm_up(summarize_fn)
    processes = processes or os.cpu_count() or 1
    processes = max(1, min(processes, len(records)))
    name = getattr(summarize_fn, "name", None) or getattr(summarize_fn, "__name__", "system")
    bar = tqdm(total=len(records), desc=desc or name, file=sys.stderr, disable=not progress,
               unit="cluster", dynamic_ncols=True)
    out = open(predictions, "w", encoding="utf-8") if predictions else None
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    per_cluster: dict[str, list[float]] = {t: [] for t in ROUGE_TYPES}  # in record order
    seconds: list[tuple[float, float]] = []  # (CPU, wall) per cluster
    errors: list[dict] = []
    wall = time.perf_counter()
    try:
        if processes == 1:
            _init_worker(summarize_fn, mode, words, bytes_, True)
            results = map(_work, records)
            pool = None
        else:
            import multiprocessing as mp

            ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
            pool = ctx.Pool(processes, initializer=_init_worker, initargs=(summarize_fn, mode, words, bytes_, True))
            chunksize = max(1, min(16, len(records) // (processes * 8)))
            results = pool.imap(_work, records, chunksize=chunksize)
        try:
            for rec_id, text, scores, secs, error in results:
                for t in ROUGE_TYPES:
                    totals[t] += scores[t]
                    per_cluster[t].append(scores[t])
                seconds.append(secs)
                if error:
                    errors.append({"id": rec_id, "error": error})
                if out:
                    out.write(json.dumps({"id": rec_id, "summary": text}, ensure_ascii=False) + "\n")
                bar.update(1)
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
            elif "blas" in _WORKER:
                _WORKER.pop("blas").restore_original_limits()
    finally:
        bar.close()
        if out:
            out.close()
    wall = time.perf_counter() - wall
    n = len(records)
    if errors:
        print(f"newsweave: {len(errors)} of {n} clusters could not be summarized by {name} "
              f"(scored 0), e.g. {errors[0]['id']}: {errors[0]['error']}", file=sys.stderr)
    return {
        "system": name,
        "clusters": n,
        **{t: totals[t] / n for t in ROUGE_TYPES},
        "seconds_per_cluster": sum(c for c, _ in seconds) / n,
        "wall_seconds_per_cluster": sum(w for _, w in seconds) / n,
        "wall_seconds": wall,
        "processes": processes,
        "mode": mode,
        "words": words,
        "bytes": bytes_,
        "rouge_backend": rouge_backend(),
        "failed": len(errors),
        "errors": errors[:20],
        "per_cluster": per_cluster,
    }


def paired_bootstrap(a: list[float], b: list[float], *, resamples: int = 10_000,
                     seed: int = 0) -> dict:
    """How sure is "system A scores higher than system B" on these clusters?

    ``a`` and ``b`` are the two systems' scores on the same clusters, in the same order.
    Resampling clusters with replacement (Koehn 2004; Berg-Kirkpatrick et al. 2012) gives
    the spread of the mean difference that another sample of clusters like these would
    show. Returns the mean difference ``a - b``, its 95 % interval (2.5th and 97.5th
    percentiles), the share of resamples in which A is not ahead (a one-sided p-value for
    "A is better"), and on how many clusters A wins, ties and loses.
    """
    import numpy as np

    if len(a) != len(b) or not len(a):
        raise ValueError(f"paired_bootstrap needs two equally long, non-empty score lists "
                         f"(got {len(a)} and {len(b)})")
    diff = np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)
    rng = np.random.default_rng(seed)
    means = np.empty(resamples)
    for start in range(0, resamples, 500):  # in blocks: 500 x n indices at a time
        stop = min(start + 500, resamples)
        means[start:stop] = diff[rng.integers(0, len(diff), size=(stop - start, len(diff)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return {"difference": float(diff.mean()), "low": float(low), "high": float(high),
            "p_not_better": float((means <= 0).mean()), "wins": int((diff > 0).sum()),
            "ties": int((diff == 0).sum()), "losses": int((diff < 0).sum()), "clusters": len(diff)}


# --------------------------------------------------------------------------- command line

def add_eval_parser(subparsers):
    """Add the ``eval`` command to the CLI's subparsers; returns its parser."""
    p = subparsers.add_parser(
        "eval", help="ROUGE of a summarizer on a JSONL dataset of clusters",
        description="Summarize every cluster of a JSONL dataset ({\"id\", \"documents\", "
                    "\"summaries\"} per line) and print mean ROUGE-1, ROUGE-2 and ROUGE-Lsum "
                    "(rouge_score, stemming). Default: Multi-News style F1; --duc: recall "
                    "averaged over the references.")
    p.add_argument("dataset", help="JSONL file, one cluster per line")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS,
                   help=f"summary word budget; candidates are cut to it (default {DEFAULT_WORDS})")
    p.add_argument("--duc", action="store_true",
                   help="DUC style: recall averaged over the references instead of F1")
    p.add_argument("--bytes", type=int, default=None, dest="bytes_",
                   help="cut candidates to N bytes instead of --words words (665 for DUC 2004)")
    p.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    p.add_argument("--summarizer", default=summarizers.DEFAULT,
                   help=f"a summarizer ({', '.join(sorted(summarizers.REGISTRY))}) or "
                        f"'{ORACLE}' (greedy ROUGE ceiling; reads the references)")
    p.add_argument("--predictions", help='write {"id", "summary"} JSONL lines to this file')
    p.add_argument("--query", action="store_true",
                   help="query-focused: use each cluster's query (title + narrative)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    return p


def cmd_eval(args) -> int:
    """Run ``newsweave eval``: print the three ROUGE numbers (x100) and the time per cluster."""
    for flag, value in (("--words", args.words), ("--bytes", args.bytes_), ("--limit", args.limit),
                        ("--jobs", getattr(args, "jobs", None))):
        if value is not None and value < 1:
            raise InputError(f"{flag} must be a whole number of at least 1, not {value}")
    system = make_system(args.summarizer, words=args.words, query=args.query)
    if args.query and args.summarizer == ORACLE:
        raise InputError("the oracle reads the references, not the query: leave out --query")
    if args.predictions:
        target = Path(args.predictions)
        if target.is_dir() or not target.parent.exists():
            raise InputError(f"cannot write predictions to {args.predictions}: give a file "
                             "in an existing folder")
    records = read_records(args.dataset, args.limit)
    if args.query:
        missing = [r["id"] for r in records if query_text(r) is None]
        if missing:
            raise InputError(f"{len(missing)} clusters have no query (e.g. {missing[0]}): "
                             "leave out --query")
    mode = "recall" if args.duc else "f1"
    result = evaluate(records, system, mode=mode, words=None if args.bytes_ else args.words,
                      bytes_=args.bytes_, predictions=args.predictions,
                      processes=getattr(args, "jobs", None),
                      progress=not getattr(args, "no_progress", False))
    cut = f"{args.bytes_} bytes" if args.bytes_ else f"{args.words} words"
    print(f"{Path(args.dataset).name}: {result['clusters']} clusters, {system.name}, "
          f"{'recall (mean over references)' if args.duc else 'F1'}, candidates cut to {cut}")
    for t in ROUGE_TYPES:
        print(f"{LABELS[t]}: {100 * result[t]:.2f}")
    print(f"seconds per cluster: {result['seconds_per_cluster']:.3f} CPU, "
          f"{result['wall_seconds_per_cluster']:.3f} wall ({result['wall_seconds']:.1f} s in all "
          f"on {result['processes']} processes)")
    if result["failed"]:
        print(f"failed clusters (scored 0): {result['failed']}")
    if args.predictions:
        print(f"predictions: {args.predictions}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m newsweave.evaluate DATASET.jsonl ...``: the same as ``newsweave eval``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m newsweave.evaluate")
    sub = parser.add_subparsers(dest="command")
    add_eval_parser(sub)
    args = parser.parse_args(["eval", *(sys.argv[1:] if argv is None else argv)])
    try:
        return cmd_eval(args)
    except InputError as e:
        print(f"newsweave: error: {e}", file=sys.stderr)
        return e.exit_code


if __name__ == "__main__":
    sys.exit(main())
