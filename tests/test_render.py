"""The Markdown form of a brief, rendered from a brief built here record by record."""

from __future__ import annotations

from newsweave.brief import Brief
from newsweave.model import (Analysis, Document, Quote, Removal, Sentence, Span, Status,
                             SummarySentence, Support)
from newsweave.render.markdown import MAX_ROWS, render_markdown

A = "Heavy rain closed the coast road at Penhallow on Friday. Cookies help us improve this site."
B = "The coast road at Penhallow was shut by heavy rain on Friday, the council said."


def _brief(summary_budget_met: bool = True, quotes: int = 0) -> Brief:
    first = A.index(".") + 1
    docs = [
        Document(id="a.txt", text=A, title="Coast road | closed", date="2025-01-10",
                 removed=[Removal("consent", first + 1, len(A), A[first + 1:])]),
        Document(id="b.txt", text=B, title=None, date=None),
        Document(id="c.txt", text="Match report.", status=Status.SET_ASIDE,
                 reason="unrelated subject: its wording barely overlaps the other articles"),
    ]
    sentence = Sentence(doc="a.txt", index=0, start=0, end=first, text=A[:first], n_in_doc=1)
    support = Support(doc="b.txt", start=0, end=len(B), text=B, similarity=0.61)
    summary = [SummarySentence(sentence, 0.9, (support,))] if summary_budget_met else []
    said = Span("b.txt", 0, len(B), B)
    analysis = Analysis(quotes=[Quote(text=f"We will reopen it soon {i}", span=said,
                                      speaker=None if i % 2 else "the council")
                                for i in range(quotes)])
    return Brief(summary=summary, documents=docs, analysis=analysis)


def test_summary_sources_and_set_aside():
    md = render_markdown(_brief())
    lines = md.splitlines()
    assert lines[0] == "# Coast road | closed"  # the only titled used document
    assert "*3 documents: 2 used, 1 set aside, 0 skipped · summary of 10 words*" in md
    assert f"- {A[:A.index('.') + 1]} [a.txt] (also in b.txt)" in lines
    # a "|" in a title must not break the sources table
    assert "| a.txt | Coast road \\| closed | 2025-01-10 | used | consent |" in lines
    assert "| b.txt | — | — | used | — |" in lines
    assert "- **c.txt** (set_aside): unrelated subject: its wording barely overlaps the other articles" in lines
    assert "## Debris removed" in md and "Cookies help us" in md


def test_empty_summary_says_what_to_do():
    md = render_markdown(_brief(summary_budget_met=False))
    assert "_No sentence fits the budget: raise --words or --sentences._" in md


def test_long_lists_show_their_head_and_say_how_many_more():
    n = MAX_ROWS["quotes"] + 3
    md = render_markdown(_brief(quotes=n))
    quote_lines = [line for line in md.splitlines() if line.startswith("- “We will reopen")]
    assert len(quote_lines) == MAX_ROWS["quotes"]
    assert "- *… 3 more in the JSON or HTML brief*" in md
    assert "— the council [b.txt]" in md and "— speaker not stated [b.txt]" in md
