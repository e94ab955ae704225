"""Peers to compare newsweave against: a seeded random baseline, five classic extractive
summarizers from sumy (LexRank, TextRank, LSA, KL-Sum, SumBasic) and newspaper's summary.

The sumy systems get exactly the sentences our other summarizers get: a sumy document is
built from ``Cluster.sentences`` (one paragraph per article) with a small word tokenizer,
so sumy's own tokenizer, which needs NLTK's Punkt data, is never used. Words are
normalised, stemmed and stop-worded with sumy's English Snowball stemmer and stop list.

* LexRank, TextRank and LSA rank every sentence; the ranking fills the budget with
  ``greedy_fill``.
* KL-Sum and SumBasic are greedy by nature. sumy ranks *all* sentences by running its
  greedy loop to the end, which costs O(n^2) to O(n^3) and ignores length; here the same
  loop (sumy's own scoring methods) runs only over sentences that still fit the budget and
  stops when none does, as Haghighi & Vanderwende (2009) and Nenkova & Vanderwende (2005)
  describe the methods.

newspaper (newspaper4k) summarizes one article: it rates each sentence by the article's ten
most frequent words, the title's words, its length and its position, and takes the best.
Here it rates the cluster's sentences as one article (the articles one after another, as a
user would paste them), titled with the first article title the cluster has (none on the
Multi-News files: the title term is then 0 for every sentence); its own sentence splitter
(NLTK Punkt, which needs data downloads) is never used.

sumy and newspaper (the [eval] extra) are imported only when one of their peers is used.

The peers are not summarizers for briefs: they are lent to :func:`newsweave.summarizers.get`
(``summarizers.PEERS``, not ``REGISTRY``) when this module is imported, so that an
evaluation runs them through the same pipeline as newsweave's own summarizers.
"""

from __future__ import annotations

import hashlib
import random
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from ..features import Cluster
from ..summarizers import Budget, Scored, Summarizer, register_peer
from ..summarizers.base import greedy_fill

LANGUAGE = "english"


@register_peer
@dataclass
class RandomSummarizer(Summarizer):
    """Sentences in a random order, seeded by the cluster's text: the same cluster always
    gets the same summary (across runs and machines)."""

    name = "random"
    description = "random sentences (seeded by the cluster's text): the floor"

    seed: int = 0

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        digest = hashlib.sha256(str(self.seed).encode())
        for s in cluster.sentences:
            digest.update(s.text.encode("utf-8", "surrogatepass") + b"\0")
        rng = random.Random(int.from_bytes(digest.digest()[:8], "big"))
        order = list(range(len(cluster.sentences)))
        rng.shuffle(order)
        return greedy_fill([(cluster.sentences[r], 1.0 / (1 + rank)) for rank, r in enumerate(order)],
                           budget)


class WordTokenizer:
    """Gives sumy the words of a sentence: runs of letters with inner apostrophes or
    hyphens, as sumy's own tokenizer keeps them (it drops numbers and punctuation too)."""

    _WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
    language = LANGUAGE

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(text))

    def to_sentences(self, text: str):  # sumy never needs it: we give it sentences
        raise NotImplementedError("newsweave gives sumy its sentences ready split")


def _article_order(cluster: Cluster) -> list[int]:
    """The cluster's sentence rows, article after article, each in its own order."""
    return [r for doc_id in cluster.doc_ids for r in cluster.rows_of(doc_id)]


def _sumy():
    try:
        import sumy  # noqa: F401
    except ImportError:
        raise InputError("the sumy peers need sumy, part of the [eval] extra: "
                         "pip install 'newsweave[eval]'") from None
    import sumy.summarizers.kl
    import sumy.summarizers.lex_rank
    import sumy.summarizers.lsa
    import sumy.summarizers.sum_basic
    import sumy.summarizers.text_rank

    return sumy


@lru_cache(maxsize=1)
def _stemmer_and_stop_words():
    _sumy()
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    return Stemmer(LANGUAGE), get_stop_words(LANGUAGE)


class SumyPeer(Summarizer):
    """Base of the sumy peers: subclasses name a sumy summarizer class."""

    module: str = ""
    cls: str = ""

    def algorithm(self):
        sumy = _sumy()
        stemmer, stop_words = _stemmer_and_stop_words()
        summarizer = getattr(getattr(sumy.summarizers, self.module), self.cls)(stemmer)
        summarizer.stop_words = stop_words
        return summarizer

    def document(self, cluster: Cluster):
        """A sumy document of the cluster's sentences and, in the same order, their rows."""
        _sumy()
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        tokenizer = WordTokenizer()
        rows = _article_order(cluster)
        paragraphs = [Paragraph([Sentence(cluster.sentences[r].text, tokenizer)
                                 for r in cluster.rows_of(doc_id)])
                      for doc_id in cluster.doc_ids]
        return ObjectDocumentModel(paragraphs), rows

    def ranking(self, cluster: Cluster, budget: Budget) -> list[tuple[int, float]]:
        """(row, score) of the cluster's sentences, best first."""
        document, rows = self.document(cluster)
        ranked: list = []

        def keep_all(infos):  # sumy passes the sentences sorted by rating, best first
            ranked.extend(infos)
            return infos

        with warnings.catch_warnings():  # LSA warns when a cluster has few distinct words
            warnings.simplefilter("ignore")
            self.algorithm()(document, keep_all)
        return [(rows[info.order], float(info.rating)) for info in ranked]

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        if not cluster.sentences:
            return []
        ranked = self.ranking(cluster, budget)
        if not ranked:  # sumy found no words to rate (e.g. LSA on numbers only): document order
            ranked = [(r, 0.0) for r in range(len(cluster.sentences))]
        return greedy_fill([(cluster.sentences[r], score) for r, score in ranked], budget)


@register_peer
class LexRankPeer(SumyPeer):
    name = "lexrank"
    description = "sumy LexRank (Erkan & Radev 2004): centrality in the sentence similarity graph"
    module, cls = "lex_rank", "LexRankSummarizer"


@register_peer
class TextRankPeer(SumyPeer):
    name = "textrank"
    description = "sumy TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap edges"
    module, cls = "text_rank", "TextRankSummarizer"


@register_peer
class LsaPeer(SumyPeer):
    name = "lsa"
    description = "sumy LSA (Steinberger & Jezek 2004): sentence weight in the top latent topics"
    module, cls = "lsa", "LsaSummarizer"


class _GreedyPeer(SumyPeer):
    """KL-Sum and SumBasic: sumy's scoring, greedy under the budget."""

    def ranking(self, cluster: Cluster, budget: Budget) -> list[tuple[int, float]]:
        document, rows = self.document(cluster)
        algorithm = self.algorithm()
        sentences = list(document.sentences)
        state = self.start(algorithm, sentences)
        remaining = list(range(len(sentences)))
        chosen: list[int] = []
        words = 0
        while remaining and not budget.full(len(chosen), words):
            fitting = [i for i in remaining
                       if budget.fits(len(chosen), words, cluster.sentences[rows[i]].words)]
            if not fitting:
                break
            best = self.best(algorithm, state, fitting, [sentences[i] for i in chosen])
            remaining.remove(best)
            chosen.append(best)
            words += cluster.sentences[rows[best]].words
            self.update(algorithm, state, best)
        return [(rows[i], -float(rank)) for rank, i in enumerate(chosen)]

    def start(self, algorithm, sentences):
        raise NotImplementedError

    def best(self, algorithm, state, candidates: list[int], summary) -> int:
        raise NotImplementedError

    def update(self, algorithm, state, chosen: int) -> None:
        pass


@register_peer
class KLSumPeer(_GreedyPeer):
    name = "klsum"
    description = "sumy KL-Sum (Haghighi & Vanderwende 2009): greedy, minimises KL divergence to the cluster"
    module, cls = "kl", "KLSummarizer"

    def start(self, kl, sentences):
        return {"doc_freq": kl.compute_tf(sentences),
                "words": [kl._get_content_words_in_sentence(s) for s in sentences]}

    def best(self, kl, state, candidates, summary):
        summary_words = kl._get_all_words_in_doc(summary)  # as sumy: the summary's raw words
        divergence = [kl._kl_divergence(kl._joint_freq(state["words"][i], summary_words), state["doc_freq"])
                      for i in candidates]
        return candidates[divergence.index(min(divergence))]


@register_peer
class SumBasicPeer(_GreedyPeer):
    name = "sumbasic"
    description = "sumy SumBasic (Nenkova & Vanderwende 2005): greedy on word probability, squared after use"
    module, cls = "sum_basic", "SumBasicSummarizer"

    def start(self, sb, sentences):
        return {"freq": sb._compute_tf(sentences),
                "words": [sb._get_content_words_in_sentence(s) for s in sentences]}

    def best(self, sb, state, candidates, summary):
        position = sb._find_index_of_best_sentence(state["freq"], [state["words"][i] for i in candidates])
        return candidates[position]

    def update(self, sb, state, chosen):
        sb._update_tf(state["freq"], state["words"][chosen])


@register_peer
class NewspaperPeer(Summarizer):
    name = "newspaper"
    description = "newspaper4k's article summary: frequent words, title words, length and position"

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        if not cluster.sentences:
            return []
        try:
            from newspaper import nlp, settings
        except ImportError:
            raise InputError("the newspaper peer needs newspaper4k, part of the [eval] extra: "
                             "pip install 'newsweave[eval]'") from None
        stop_words = _newspaper_stop_words()
        rows = _article_order(cluster)
        sentences = [cluster.sentences[r].text for r in rows]
        keys = nlp.keywords(" ".join(sentences), stop_words, settings.SUMMARIZE_KEYWORD_COUNT)
        title = next((d.title for d in cluster.documents if d.title), "")
        ranked = nlp.scored_sentences(sentences, list(stop_words.tokenizer(title)), keys, stop_words)
        return greedy_fill([(cluster.sentences[rows[i]], score) for i, _, score in ranked], budget)


@lru_cache(maxsize=1)
def _newspaper_stop_words():
    from newspaper.text import StopWords

    return StopWords("en")
