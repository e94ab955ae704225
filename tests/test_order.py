"""Reading order of the summary: articles together, in date order when all are dated."""

from newsweave.model import Sentence
from newsweave.order import reading_order
from newsweave.model import Scored


def _doc_runs(summary):
    """Document ids in summary order, one entry per run of consecutive sentences."""
    runs = []
    for s in summary:
        if not runs or runs[-1] != s.sentence.doc:
            runs.append(s.sentence.doc)
    return runs


def test_example_summary_tells_the_story_in_date_order(example_brief):
    dates = {d.id: d.date for d in example_brief.documents}
    runs = _doc_runs(example_brief.summary)
    assert len(runs) == len(set(runs)), "an article's sentences are split up"
    assert len({dates[d] for d in runs}) > 1  # otherwise this test shows nothing
    assert [dates[d] for d in runs] == sorted(dates[d] for d in runs)
    # the later report's death toll comes after the earlier reports of people still missing
    texts = [s.sentence.text for s in example_brief.summary]
    six = next(i for i, t in enumerate(texts) if t.startswith("Six people are now known"))
    missing = next(i for i, t in enumerate(texts) if "still missing" in t)
    assert missing < six
    for doc in runs:  # within an article, its own order
        indices = [s.sentence.index for s in example_brief.summary if s.sentence.doc == doc]
        assert indices == sorted(indices)


def test_seed_summary_undated_articles_open_with_the_best_fact(seeds_brief):
    # three of the seed articles state no date: date order is impossible, salience decides
    runs = _doc_runs(seeds_brief.summary)
    assert len(runs) == len(set(runs))
    best = max(seeds_brief.summary, key=lambda s: s.score)
    assert seeds_brief.summary[0].sentence.doc == best.sentence.doc


def _scored(doc, index, score):
    return Scored(Sentence(doc=doc, index=index, start=0, end=1, text="x"), score)


def test_dates_order_articles_only_when_every_article_has_one():
    chosen = [_scored("late", 0, 0.9), _scored("early", 3, 0.5), _scored("early", 1, 0.4)]
    ordered = reading_order(chosen, {"late": "2023-03-16", "early": "2023-03-14"})
    assert [(c.sentence.doc, c.sentence.index) for c in ordered] == [("early", 1), ("early", 3), ("late", 0)]
    undated = reading_order(chosen, {"late": "2023-03-16", "early": None})
    assert [(c.sentence.doc, c.sentence.index) for c in undated] == [("late", 0), ("early", 1), ("early", 3)]
    same_day = reading_order(chosen, {"late": "2023-03-14", "early": "2023-03-14"})
    assert [c.sentence.doc for c in same_day] == ["late", "early", "early"]
