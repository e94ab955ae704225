"""Document dates and the timeline: resolution of relative dates, order, exact offsets."""

import datetime as dt

import pytest

import newsweave
from newsweave import clean
from newsweave.analysis.timeline import build_timeline, find_date_mentions
from newsweave.metadata import add_metadata, comment_date, stated_date
from newsweave.model import Document
from newsweave.sentences import split_sentences

from conftest import EXAMPLE

WED_15_MARCH = dt.date(2023, 3, 15)


def _prepared(path):
    docs = newsweave.load(str(path))
    for d in docs:
        d.removed = clean.find_debris(d.text)
        add_metadata(d)
    return docs, [s for d in docs for s in split_sentences(d)]


def _dates(text, anchor=WED_15_MARCH):
    return [(m.expression, m.date.isoformat()) for m in find_date_mentions(text, anchor)]


@pytest.fixture(scope="module")
def example():
    docs, sentences = _prepared(EXAMPLE)
    return docs, sentences, build_timeline(sentences, docs)


def test_example_documents_are_dated():
    docs, _ = _prepared(EXAMPLE)
    dates = {d.id[:2]: d.date for d in docs}
    assert dates == {"01": "2023-03-14", "02": "2023-03-15", "03": "2023-03-15",
                     "04": "2023-03-15", "05": "2023-03-16", "06": "2023-03-16"}


def test_relative_tuesday_in_a_15_march_article(example):
    docs, _, timeline = example
    entries = [e for e in timeline if e.sentence.doc.startswith("02_") and e.expression == "on Tuesday"]
    assert entries and all(e.date == "2023-03-14" and e.relative for e in entries)


def test_timeline_sorted_and_offsets_exact(example):
    docs, _, timeline = example
    assert len(timeline) >= 20
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    texts = {d.id: d.text for d in docs}
    for e in timeline:
        assert texts[e.sentence.doc][e.sentence.start:e.sentence.end] == e.sentence.text
        assert e.expression.lower() in e.sentence.text.lower()
    # the breach (Tuesday 14 March) comes before the later toll (Thursday 16 March)
    assert min(e.date for e in timeline if "Thursday" in e.expression) > "2023-03-14"


def test_relative_expressions():
    assert _dates("The dam burst on Tuesday.") == [("on Tuesday", "2023-03-14")]
    assert _dates("Talks began today and end tomorrow.") == [("today", "2023-03-15"), ("tomorrow", "2023-03-16")]
    assert _dates("It was announced yesterday.") == [("yesterday", "2023-03-14")]
    assert _dates("Rain began last week.") == [("last week", "2023-03-06")]
    assert _dates("Prices rose last month.") == [("last month", "2023-02-01")]
    assert _dates("The plan was drawn up earlier this month.") == [("earlier this month", "2023-03-01")]
    assert _dates("He was seen last Wednesday.") == [("last Wednesday", "2023-03-08")]
    assert _dates("The minister will visit on Friday.") == [("on Friday", "2023-03-17")]
    assert _dates("The report is due on March 20.") == [("March 20", "2023-03-20")]
    assert _dates("It happened on 28 December.", dt.date(2024, 1, 3)) == [("28 December", "2023-12-28")]
    assert _dates("They met two days ago.") == [("two days ago", "2023-03-13")]
    assert _dates("The uprising erupted in March last year.") == [("March last year", "2022-03-01")]


def test_absolute_dates_without_document_date():
    assert _dates("Tuesday 21 February 2012 was cold; on Feb. 25, 2016 it rained.", None) == [
        ("Tuesday 21 February 2012", "2012-02-21"), ("Feb. 25, 2016", "2016-02-25")]
    assert _dates("The dam burst on Tuesday, yesterday.", None) == []  # relative: no anchor, no date
    assert _dates("Evacuations ran until 2014-05-09.", None) == [("2014-05-09", "2014-05-09")]


def test_no_false_dates():
    sentences = [
        "Officials said residents may return home once the water recedes.",
        "May I ask whether the march through the town will go ahead?",
        "Thousands joined the march to the town hall, and the army may march in soon.",
        "Some 2,000 people and 7,500 soldiers were moved; the count reached 2,014.",
        "Jaqueline Fawwaz, aged 30, returned at 16:33 with 45 others.",
        "The Sunday Times reported that Good Friday services were cancelled, USA Today said.",
        "The march 3 miles long drew 2012 marchers.",
        "Up to 31 March rebels held the bridge.",  # a number and a month, but no day-month date: kept out below
    ]
    for s in sentences[:-1]:
        assert _dates(s) == [], s


def test_lowercased_text_months():
    doc = " ".join(["the officials said the water had receded and the residents went home."] * 5)
    assert _dates(doc + " it began on feb. 25, 2016 and residents may 5 times return.") == [
        ("feb. 25, 2016", "2016-02-25")]


def test_two_dates_in_one_sentence_and_document_order():
    a = Document(id="a", text="Most left Wednesday and Thursday, and the rest on Friday.", date="2014-05-09")
    b = Document(id="b", text="The convoy arrived on Friday after a delay.", date="2014-05-09")
    sents = split_sentences(a) + split_sentences(b)
    tl = build_timeline(sents, [a, b])
    assert [(e.date, e.sentence.doc, e.expression) for e in tl] == [
        ("2014-05-07", "a", "Wednesday"), ("2014-05-08", "a", "Thursday"),
        ("2014-05-09", "a", "on Friday"), ("2014-05-09", "b", "on Friday")]


def test_seed_dates_and_timeline(seeds_dir):
    docs, sentences = _prepared(seeds_dir)
    dated = {d.id[:3]: d.date for d in docs}
    assert dated["004"] == "2012-02-21"  # "Tuesday 21 February 2012 01:00 GMT" byline
    assert dated["003"] == "2014-05-09"  # no dateline: its reader comments start on 9 May 2014
    d003 = next(d for d in docs if d.id.startswith("003"))
    assert stated_date(d003) is None and comment_date(d003) == "2014-05-09"  # dated by its comments
    timeline = build_timeline(sentences, docs)
    years = [e.date[:4] for e in timeline]
    assert "2012" in years and "2014" in years
    assert max(i for i, y in enumerate(years) if y == "2012") < min(i for i, y in enumerate(years) if y == "2014")
    assert all(not e.date.startswith("2019") for e in timeline)  # the FT copyright year is debris
    friday = [e for e in timeline if e.sentence.doc.startswith("003") and "Friday" in e.expression]
    assert friday and all(e.date == "2014-05-09" for e in friday)
    texts = {d.id: d.text for d in docs}
    assert all(texts[e.sentence.doc][e.sentence.start:e.sentence.end] == e.sentence.text for e in timeline)
