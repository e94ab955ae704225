"""The result of the pipeline: a cited summary of a cluster, its documents and its analysis.

Kept apart from the records in ``model`` because it renders itself (``to_json``,
``to_markdown``, ...) through ``render``, which reads those records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Analysis, Document, Status, SummarySentence


HEADLINE_WORDS = 20  # an untitled brief's headline: the first words of its first sentence


@dataclass
class Brief:
    """The result: a cited summary of a cluster plus what happened to every document."""

    summary: list[SummarySentence]
    documents: list[Document]
    settings: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    analysis: Analysis | None = None

    @property
    def words(self) -> int:
        return sum(s.sentence.words for s in self.summary)

    @property
    def headline(self) -> str:
        """The title of the used document most central to the cluster: the story's best name
        (not the first article's: in date order that is the oldest report). When no used
        document has a title, the summary's first sentence, which states what happened and
        stands alone (cut after ``HEADLINE_WORDS`` words); with no summary, "Brief of N articles"."""
        titled = [d for d in self.documents if d.status is Status.USED and d.title]
        if titled:
            return max(titled, key=lambda d: d.relevance or 0.0).title
        if self.summary:
            words = self.summary[0].sentence.text.split()
            return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
        used = sum(d.status is Status.USED for d in self.documents)
        return f"Brief of {used} article{'' if used == 1 else 's'}"

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    # Renderers live in newsweave.render; these are conveniences for API users.
    def to_dict(self) -> dict:
        from .render.json import brief_to_dict

        return brief_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        from .render.json import render_json

        return render_json(self, indent=indent)

    def to_markdown(self) -> str:
        from .render.markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        from .render.html import render_html

        return render_html(self)
