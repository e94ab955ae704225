"""The systems an evaluation compares: every summarizer (newsweave's own and the peers of
:mod:`.peers`) run through the full pipeline, and ``oracle``, a greedy extractive ceiling
that reads the references (so it is not a summarizer). A system maps a dataset record to
the summary's sentences and is picklable, so it can be sent to worker processes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import summarizers
from ..config import Config
from ..errors import InputError
from . import peers  # noqa: F401  (lends the peers to summarizers.get)
from .datasets import query_text
from .rouge import DEFAULT_WORDS, _tokenize

ORACLE = "oracle"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def pipeline_config(**options):
    """A pipeline Config for scoring runs: only the summary is needed, so the analysis
    stage is off; since scoring truncates every candidate at the word budget, the last
    sentence may cross it (``overflow``), for every system alike; and a cluster of one
    article is summarized rather than refused (``min_documents``)."""
    from ..pipeline import Config

    options.setdefault("analyze", False)
    options.setdefault("overflow", True)
    options.setdefault("min_documents", 1)
    return Config(**options)


@dataclass(frozen=True)
class System:
    """Summarize a record with a registered summarizer through the full pipeline
    (cleaning, sentence splitting, off-topic filtering: the same for every system).
    Picklable, so it can be sent to worker processes. Returns the summary sentences."""

    summarizer: str = Config.summarizer
    words: int = DEFAULT_WORDS
    query: bool = False

    @property
    def name(self) -> str:
        return self.summarizer + ("+query" if self.query else "")

    def __call__(self, record: dict) -> list[str]:
        from ..ingest import documents_from_texts
        from ..pipeline import run

        query = query_text(record) if self.query else None
        if self.query and query is None:
            raise InputError(f"cluster {record.get('id')!r} has no query: leave out --query")
        brief = run(documents_from_texts(record["documents"]),
                    pipeline_config(words=self.words, summarizer=self.summarizer, query=query))
        return [_one_line(s.sentence.text) for s in brief.summary]


def candidate_sentences(documents: list[str]) -> list[str]:
    """Every sentence the summarizers choose from: the pipeline run with an unlimited
    budget (lead then takes all sentences of the documents it did not set aside)."""
    from ..ingest import documents_from_texts
    from ..pipeline import run

    brief = run(documents_from_texts(documents),
                pipeline_config(words=None, sentences=10**9, summarizer="lead"))
    return [_one_line(s.sentence.text) for s in brief.summary]


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


def names() -> list[str]:
    """Every system but the oracle: the summarizers for briefs, then the peers."""
    return sorted(summarizers.REGISTRY) + sorted(summarizers.PEERS)


def make_system(name: str, words: int = DEFAULT_WORDS, query: bool = False):
    """The system called ``name``: a registered summarizer, or "oracle"."""
    if name == ORACLE:
        return Oracle(words=words)
    if name not in summarizers.REGISTRY and name not in summarizers.PEERS:
        raise InputError(f"unknown summarizer {name!r}: choose one of "
                         f"{', '.join(names())} or {ORACLE}")
    return System(summarizer=name, words=words, query=query)
