"""Document dates and the timeline: resolution of relative dates, order, exact offsets; dates
of a year, a month or a week; one entry per sentence; the story's own timeline first."""

import datetime as dt

import pytest

import newsweave
from newsweave import clean
import json

from newsweave.analysis.timeline import build_timeline, find_date_mentions
from newsweave.model import Status
from newsweave.text.dates import period_sort_key
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
    return [(m.expression, m.value) for m in find_date_mentions(text, anchor)]


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
    keys = [period_sort_key(e.date, e.granularity) for e in timeline]
    assert keys == sorted(keys)
    texts = {d.id: d.text for d in docs}
    for e in timeline:
        assert texts[e.sentence.doc][e.sentence.start:e.sentence.end] == e.sentence.text
        assert e.expression in [d.expression for d in e.dates]
        for d in e.dates:  # the date words' offsets are exact too
            assert " ".join(texts[e.sentence.doc][d.start:d.end].split()).lower().endswith(d.expression.lower())
    # the breach (Tuesday 14 March) comes before the later toll (Thursday 16 March)
    assert min(e.date for e in timeline if "Thursday" in e.expression) > "2023-03-14"


def test_relative_expressions():
    assert _dates("The dam burst on Tuesday.") == [("on Tuesday", "2023-03-14")]
    assert _dates("Talks began today and end tomorrow.") == [("today", "2023-03-15"), ("tomorrow", "2023-03-16")]
    assert _dates("It was announced yesterday.") == [("yesterday", "2023-03-14")]
    # A week or a month is now stated as one (before, as its first day: "2023-03-06", "2023-02-01").
    assert _dates("Rain began last week.") == [("last week", "2023-W10")]
    assert _dates("Prices rose last month.") == [("last month", "2023-02")]
    assert _dates("The plan was drawn up earlier this month.") == [("earlier this month", "2023-03")]
    assert _dates("He was seen last Wednesday.") == [("last Wednesday", "2023-03-08")]
    assert _dates("The minister will visit on Friday.") == [("on Friday", "2023-03-17")]
    assert _dates("The report is due on March 20.") == [("March 20", "2023-03-20")]
    assert _dates("It happened on 28 December.", dt.date(2024, 1, 3)) == [("28 December", "2023-12-28")]
    assert _dates("They met two days ago.") == [("two days ago", "2023-03-13")]
    assert _dates("The uprising erupted in March last year.") == [("March last year", "2022-03")]


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
    # One entry per sentence, with all its dates (it used to be listed once per date).
    a = Document(id="a", text="Most left Wednesday and Thursday, and the rest on Friday.", date="2014-05-09")
    b = Document(id="b", text="The convoy arrived on Friday after a delay.", date="2014-05-09")
    sents = split_sentences(a) + split_sentences(b)
    tl = build_timeline(sents, [a, b])
    assert [(e.date, e.sentence.doc, e.expression) for e in tl] == [
        ("2014-05-07", "a", "Wednesday"), ("2014-05-09", "b", "on Friday")]
    assert [(d.date, d.expression) for d in tl[0].dates] == [
        ("2014-05-07", "Wednesday"), ("2014-05-08", "Thursday"), ("2014-05-09", "on Friday")]
    assert [a.text[d.start:d.end] for d in tl[0].dates] == ["Wednesday", "Thursday", "on Friday"]


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
    # one entry per sentence: no sentence is listed twice
    spans = [(e.sentence.doc, e.sentence.start) for e in timeline]
    assert len(spans) == len(set(spans))
    assert all(not e.date.startswith("2019") for e in timeline)  # the FT copyright year is debris
    friday = [d for e in timeline if e.sentence.doc.startswith("003") for d in e.dates if "Friday" in d.expression]
    assert friday and all(d.date == "2014-05-09" for d in friday)
    texts = {d.id: d.text for d in docs}
    assert all(texts[e.sentence.doc][e.sentence.start:e.sentence.end] == e.sentence.text for e in timeline)


# ---------------------------------------------------------------- years, months, tense (TimeBank's error classes)

SUN_5_OCT = dt.date(2025, 10, 5)


def test_bare_years_and_months():
    assert _dates("The mill closed in 1988 and reopened in 1991.", SUN_5_OCT) == [("1988", "1988"), ("1991", "1991")]
    assert _dates("Profits peaked last August.", SUN_5_OCT) == [("last August", "2025-08")]
    assert _dates("The bridge was finished in mid-1996.", SUN_5_OCT) == [("mid-1996", "1996")]
    assert _dates("Sales rose this year and fell last year.", SUN_5_OCT) == [("this year", "2025"), ("last year", "2024")]
    assert _dates("The plant opens early next year.", SUN_5_OCT) == [("early next year", "2026")]
    assert _dates("The charter dates from nineteen seventy-two.", SUN_5_OCT) == [("nineteen seventy-two", "1972")]
    assert _dates("Work began in June of 2019.", SUN_5_OCT) == [("June of 2019", "2019-06")]
    # a month whose name alone is a word needs a preposition; numbers that are not years stay out
    assert _dates("Officials may march on, and 2000 people and 1,990 cars waited.", SUN_5_OCT) == []


def test_month_without_a_year_follows_tense():
    # the latest such month in a clause about the past, the next one about the future
    assert _dates("The firm was founded in March.", SUN_5_OCT) == [("March", "2025-03")]
    assert _dates("The deal is expected to close in March.", SUN_5_OCT) == [("March", "2026-03")]
    assert _dates("Output fell in December.", dt.date(2026, 1, 20)) == [("December", "2025-12")]
    # a month just ahead of the document's date is the coming one
    assert _dates("Results will follow in November.", SUN_5_OCT) == [("November", "2025-11")]
    assert _dates("Trains run each July to the coast.", SUN_5_OCT) == []  # every July: no date
    # a span through a month, with no tense to place it, runs through the nearest one
    thu = dt.date(2023, 10, 26)
    assert _dates("Lenders have extended the firm $90 million in revolving loans through January.", thu) == [
        ("January", "2024-01")]
    assert _dates("Fund sales were flat this year through August.", thu) == [("this year", "2023"), ("August", "2023-08")]
    assert _dates("Prices climbed steadily through January.", thu) == [("January", "2023-01")]  # a past tense
    # the future reaches further in one clause, not past a comma or a relative word
    wed = dt.date(2023, 3, 15)
    assert _dates("Major Ann Lee will be named commander of the space station crew for a long mission in December.",
                  wed) == [("December", "2023-12")]
    assert _dates("Major Ann Lee will replace the long-serving commander of the station crew who joined in December.",
                  wed) == [("December", "2022-12")]


def test_a_year_ago_and_fiscal_years():
    assert _dates("A year ago, the bank had no branches here.", SUN_5_OCT) == [("A year ago", "2024-10-05")]
    assert _dates("Five years ago the road was a track.", SUN_5_OCT) == [("Five years ago", "2020")]
    assert _dates("In fiscal 1989, the company earned $7 million.", SUN_5_OCT) == [("fiscal 1989", "1989")]
    # a comparison's baseline is no event: "up from $3 a year earlier"
    assert _dates("Profit rose to $4.2 million, up from $3.1 million a year earlier.", SUN_5_OCT) == []


def test_year_end_of_the_year_a_when_clause_follows():
    assert _dates("Profit has risen over the same periods of 2022, when year-end profit fell below the 2021 level.",
                  SUN_5_OCT) == [("2022", "2022"), ("year-end", "2022-12-31"), ("2021", "2021")]
    assert _dates("Profit should rise by year-end, the bank said in 2021.", SUN_5_OCT) == [
        ("year-end", "2025-12-31"), ("2021", "2021")]


def test_month_and_day_placed_by_tense():
    anchor = dt.date(2025, 11, 2)
    assert _dates("For the year ended March 31, sales rose.", anchor) == [("March 31", "2025-03-31")]
    assert _dates("The dividend is payable Jan. 2 to holders of record Dec. 15.", anchor) == [
        ("Jan. 2", "2026-01-02"), ("Dec. 15", "2025-12-15")]
    assert _dates("The index hit its record high set on Aug. 6.", dt.date(2026, 2, 6)) == [("Aug. 6", "2025-08-06")]
    assert _dates("The new contract takes effect June 1.", anchor) == [("June 1", "2026-06-01")]


def test_future_weekdays():
    wed = dt.date(2025, 10, 8)
    assert _dates("Investors would buy as soon as trading opened Monday.", wed) == [("Monday", "2025-10-13")]
    assert _dates("The council would vote on the plan Tuesday.", wed) == [("Tuesday", "2025-10-14")]
    assert _dates("The council voted on the plan Tuesday.", wed) == [("Tuesday", "2025-10-07")]
    # "expected" inside "lower-than-expected" is no future
    assert _dates("It posted lower-than-expected earnings after the market closed Monday.", wed) == [
        ("Monday", "2025-10-06")]
    # a present tense of a planned event points ahead; held by "to" or a negation, it does not
    assert _dates("Rovers travel to Hillcrest on Saturday.", wed) == [("on Saturday", "2025-10-11")]
    assert _dates("The two leaders meet separately Monday with the envoy.", wed) == [("Monday", "2025-10-13")]
    assert _dates("The striker failed to return on Monday.", wed) == [("on Monday", "2025-10-06")]
    assert _dates("The ferry did not leave on Monday.", wed) == [("on Monday", "2025-10-06")]


def test_weekday_with_month_and_day_is_no_clock_time():
    fri = dt.date(2025, 4, 25)
    assert _dates("The paper said in an editorial on Saturday, April 26: The ruling stands.", fri) == [
        ("Saturday, April 26", "2025-04-26")]
    # the weekday picks the year of a month and day
    assert _dates("It was signed on Friday, May 3.", dt.date(2025, 1, 10)) == [("Friday, May 3", "2024-05-03")]


def test_datelines():
    doc = Document(id="d", text="VIENNA, Oct. 3 (Reuters) -- The talks ended without a deal.\n\n"
                                "Delegates said they would meet again.", date="2025-10-04")
    doc.removed = clean.find_debris(doc.text)
    tl = build_timeline(split_sentences(doc), [doc])
    assert len(tl) == 1 and tl[0].sentence.text.startswith("The talks")
    assert [(d.date, d.expression, doc.text[d.start:d.end]) for d in tl[0].dates] == [
        ("2025-10-03", "Oct. 3", "Oct. 3")]


def test_names_and_series_are_no_dates():
    assert _dates('He said on ABC\'s "This Week" that talks go on.', SUN_5_OCT) == []
    # a year inside a name the sentence gives ("called", "named", "dubbed" and capitalised words)
    assert _dates("She later ran a design firm called Juniper 1975, which made lamps.", SUN_5_OCT) == []
    assert _dates("The mayor unveiled a plan dubbed Harbour Vision 2040 in 2021.", SUN_5_OCT) == [("2021", "2021")]
    assert _dates("The firm, founded in 1975, named Ms. Reyes chief in 2001.", SUN_5_OCT) == [
        ("1975", "1975"), ("2001", "2001")]


def test_weekly_schedules_are_no_dates():
    wed = dt.date(2025, 10, 8)
    # a weekday before a plural part of the day, alone or with others, is a habit, not a day
    assert _dates("The new ferries will sail on Friday and Sunday nights from Nov. 3.", wed) == [("Nov. 3", "2025-11-03")]
    assert _dates("The market opens Tuesday, Thursday and Saturday mornings.", wed) == []
    assert _dates("The ferry sailed on Friday night and returned Sunday morning.", wed) == [
        ("on Friday night", "2025-10-03"), ("Sunday morning", "2025-10-05")]


def test_granularity_sorts_a_period_before_its_days():
    a = Document(id="a", text="Output fell on 3 August 2025. Output fell in August 2025. Output fell in 2025.",
                 date="2025-10-05")
    tl = build_timeline(split_sentences(a), [a])
    assert [(e.date, e.granularity) for e in tl] == [("2025", "year"), ("2025-08", "month"), ("2025-08-03", "day")]


# ---------------------------------------------------------------- the brief: own timeline first, set-aside apart

@pytest.fixture(scope="module")
def brief_with_aside():
    own = ["The dam at Kelby burst on Tuesday, flooding the valley town. Rescuers said on Wednesday "
           "that the water was falling, and crews repaired the dam wall on Thursday and Friday.",
           "Floodwater at Kelby receded on Wednesday after the dam burst on Tuesday. The town's mayor "
           "said the dam wall would be rebuilt in 2026 and the valley reopened next month."]
    aside = ("The football club signed a new striker in August 2019 for a record fee. The club's "
             "manager praised the striker's goals in 2018 and the fans' support.")
    docs = [Document(id="own1", text=own[0], date="2025-10-11"),  # a Saturday
            Document(id="own2", text=own[1], date="2025-10-11"),
            Document(id="aside", text=aside, date="2025-10-11")]
    return newsweave.run(docs)


def test_brief_json_groups_and_lists_each_sentence_once(brief_with_aside):
    b = brief_with_aside
    status = {d.id: d.status for d in b.documents}
    assert status["aside"] is Status.SET_ASIDE
    tl = json.loads(b.to_json())["analysis"]["timeline"]
    flags = [t["set_aside"] for t in tl]
    assert flags == sorted(flags) and flags[0] is False and flags[-1] is True  # own first, set-aside after
    assert all(t["doc"] == "aside" for t in tl if t["set_aside"])
    spans = [(t["doc"], t["start"]) for t in tl]
    assert len(spans) == len(set(spans))  # each sentence once
    several = [t for t in tl if len(t["dates"]) > 1]
    assert several and {"date", "granularity", "expression", "start", "end", "relative"} <= set(several[0]["dates"][0])
    assert {t["granularity"] for t in tl} >= {"day", "year"}
    own = [t for t in tl if not t["set_aside"]]
    keys = [period_sort_key(t["date"], t["granularity"]) for t in own]
    assert keys == sorted(keys)


def test_brief_markdown_and_html_mark_set_aside(brief_with_aside):
    from newsweave.render import render_html, render_markdown

    md = render_markdown(brief_with_aside)
    section = md.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    own, aside = section.split("### From set-aside articles", 1)
    assert "[aside]" not in own and "[own1]" in own
    assert "[aside]" in aside and "*(set aside)*" in aside
    assert "**2025-10-08** (on Wednesday) · **2025-10-09** (on Thursday) · **2025-10-10** (Friday)" in own
    assert own.count("crews repaired") == 1
    html = render_html(brief_with_aside)
    part = html.split("<h2>Timeline</h2>", 1)[1].split("<h2>", 1)[0]
    first, second = part.split("From set-aside articles", 1)
    assert "aside</a>" not in first and "aside</a>" in second and "(set aside)" in second
    assert part.count("on Thursday and Friday. <span") == 1  # listed once (the title attribute repeats it)
