"""Lead baseline: the first sentence of each document in turn, then the second, ..."""

from __future__ import annotations

from ..features import Cluster
from .base import Budget, Scored, Summarizer, greedy_fill, register


@register
class LeadSummarizer(Summarizer):
    name = "lead"
    description = "first sentences of each document in turn (a strong news baseline)"

    def select(self, cluster: Cluster, budget: Budget) -> list[Scored]:
        # Sentences are stored in document order, so the row number breaks ties by document.
        rows = sorted(range(len(cluster.sentences)), key=lambda r: (cluster.sentences[r].index, r))
        return greedy_fill([(cluster.sentences[r], 1.0 / (1 + cluster.sentences[r].index)) for r in rows],
                           budget)
