"""Cross-source analysis: who reports what, when, and in whose words.

Each part is a module with one job; ``analyze`` runs them on the used documents.
spaCy runs once per sentence (``nlp.parse``) and its result is shared: the named entities of
every sentence, and the full parse of only those sentences a rule reads (see ``nlp``).
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
    sentences = cluster.sentences
    parsed = nlp.parse(sentences)  # the named entities of every sentence (entities.py reads them all)
    # The full parse (the expensive part) only where a rule reads it, in one batch: sentences
    # with a number or a person's status, and those around a quotation. Any other sentence a
    # rule looks at (a pronoun's antecedent further back) is parsed when it does.
    parsed.prefetch(facts.sentences_to_parse(sentences, parsed)
                    | quotes.sentences_to_parse(used, sentences, parsed))
    return Analysis(
        timeline=timeline.build_timeline(everything.sentences, dated),
        facts=facts.find_facts(cluster.sentences, parsed, used),
        quotes=quotes.find_quotes(used, cluster.sentences, parsed),
        entities=entities.find_entities(cluster.sentences, parsed),
    )
