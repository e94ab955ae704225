"""Cross-source analysis: who reports what, when, and in whose words.

Each part is a module with one job; ``analyze`` runs them on the used documents.
spaCy parses each sentence once (``nlp.parse``) and the parse is shared.
"""

from __future__ import annotations

from ..features import Cluster
from ..model import Analysis, Document


def analyze(cluster: Cluster, documents: list[Document], everything: Cluster | None = None
            ) -> Analysis:
    """Timeline, facts, quotes and entities of the documents behind ``cluster``.

    The timeline also covers set-aside documents (``everything``): seeing that an article
    reports events two years after the others is how a reader checks why it was set aside.
    """
    from . import entities, facts, nlp, quotes, timeline

    used = [d for d in documents if cluster.rows_of(d.id)]
    everything = everything or cluster
    dated = [d for d in documents if everything.rows_of(d.id)]
    parsed = nlp.parse(cluster.sentences)
    return Analysis(
        timeline=timeline.build_timeline(everything.sentences, dated),
        facts=facts.find_facts(cluster.sentences, parsed, used),
        quotes=quotes.find_quotes(used, cluster.sentences, parsed),
        entities=entities.find_entities(cluster.sentences, parsed),
    )
