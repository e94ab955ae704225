"""Renderers: a brief as JSON (the contract), Markdown (the terminal) or HTML (a report)."""

from .html import render_html
from .json import brief_to_dict, render_json
from .markdown import render_markdown

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow):
# the brief as JSON, Markdown or HTML
READS = ("SummarySentence.support", "Document.status", "Document.removed", "Analysis")
WRITES = ()

RENDERERS = {"markdown": render_markdown, "json": render_json, "html": render_html}

__all__ = ["RENDERERS", "brief_to_dict", "render_html", "render_json", "render_markdown"]
