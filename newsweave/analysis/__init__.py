"""Cross-source analysis: who reports what, when, and in whose words.

Each part is a module with one job, called the same way (``part.Part``): ``timeline``,
``facts``, ``quotes`` and ``entities``; then ``cautions`` reads what they found. ``analyze`` runs them in the order of ``PARTS`` on one
``part.AnalysisInput``. spaCy runs once per sentence (``nlp.parse``) and its result is shared:
the named entities of every sentence, and the full parse of only those sentences a part says
it reads (see ``nlp``).
"""

from __future__ import annotations

from ..features import Cluster
from ..model import Analysis, Document
from . import nlp
from .cautions import two_stories
from .entities import Entities
from .facts import Facts
from .part import AnalysisInput, Part
from .quotes import Quotes
from .timeline import Timeline

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow)
READS = ("Sentence", "Document.status", "Document.date", "Document.removed")
WRITES = ("Analysis",)

# The parts, in the order they run.
PARTS: tuple[Part, ...] = (Timeline(), Facts(), Quotes(), Entities())


def analyze(cluster: Cluster, documents: list[Document], everything: Cluster | None = None
            ) -> Analysis:
    """Timeline, facts, quotes and entities of the documents behind ``cluster``.

    The timeline also covers set-aside documents (``everything``): seeing that an article
    reports events two years after the others is how a reader checks why it was set aside.
    """
    everything = everything or cluster
    inp = AnalysisInput(cluster=cluster,
                        documents=[d for d in documents if cluster.rows_of(d.id)],
                        everything=everything,
                        dated=[d for d in documents if everything.rows_of(d.id)])
    if any("parse" in p.needs for p in PARTS):
        # The named entities of every sentence now; the full parse (the expensive part) only
        # where a part reads it, in one batch. Any other sentence a rule looks at (a
        # pronoun's antecedent further back) is parsed when it does.
        inp.parsed = nlp.parse(inp.sentences)
        inp.parsed.prefetch(set().union(*(p.sentences_to_parse(inp) for p in PARTS)))
    found = Analysis(**{p.name: p(inp) for p in PARTS})
    found.cautions = two_stories(found.entities, inp.documents)
    return found
