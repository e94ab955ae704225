"""The timeline's periods longer than a month and shorter than a year, and the rest of issue
#14's date classes: quarters, the quarter a report is about and its year-ago baseline, halves,
seasons, weekends, decades, "for the year", generic "today", a month in a clause about the past.
Every sentence here is written for the test."""

import datetime as dt
import re
from pathlib import Path

from newsweave.analysis.timeline import build_timeline, find_date_mentions
from newsweave.model import Document
from newsweave.sentences import split_sentences
from newsweave.text.dates import GRANULARITY_RANK, period_label, period_sort_key, period_start, period_value

from conftest import ROOT

THU_26_OCT = dt.date(2023, 10, 26)


def _dates(text, anchor=THU_26_OCT):
    return [(m.expression, m.value) for m in find_date_mentions(text, anchor)]


def _timeline(text, date="2023-10-26"):
    """(expression, value, granularity) of every timeline date of a one-article document."""
    doc = Document(id="d", text=text, date=date)
    return [(d.expression, d.date, d.granularity) for e in sorted(build_timeline(split_sentences(doc), [doc]),
                                                                  key=lambda e: e.sentence.start) for d in e.dates]


def test_quarters_named_with_their_year():
    assert _dates("The bank cut its payout in the third quarter of 1984.") == [
        ("the third quarter of 1984", "1984-Q3")]
    assert _dates("Profit fell in the 2021 second quarter, and sales rose in this year's third quarter.") == [
        ("the 2021 second quarter", "2021-Q2"), ("this year's third quarter", "2023-Q3")]
    assert _dates("The new unit could start trading in next year's first quarter, analysts said.") == [
        ("next year's first quarter", "2024-Q1")]
    # without a year: the document's, or the year before for one well ahead of its date
    assert _dates("Third-quarter earnings rose 4%.") == [("Third-quarter", "2023-Q3")]
    assert _dates("Sales slumped in the fourth quarter, the retailer said.", dt.date(2024, 2, 1)) == [
        ("the fourth quarter", "2023-Q4")]


def test_the_quarter_a_report_is_about_and_its_baseline():
    text = ("Acme Corp. said third-quarter net income fell 12% to $40 million from $45 million a year earlier. "
            "In the year-ago quarter, the company took a charge of $3 million. "
            "Revenue in the latest quarter rose 3% to $900 million. "
            "A year earlier, net income was $45 million, or 90 cents a share. "
            "For the nine months, net rose to $110 million from $95 million a year earlier.")
    assert _timeline(text) == [
        ("third-quarter", "2023-Q3", "quarter"), ("a year earlier", "2022-Q3", "quarter"),
        ("year-ago quarter", "2022-Q3", "quarter"),
        ("latest quarter", "2023-Q3", "quarter"),
        ("A year earlier", "2022-Q3", "quarter"),
        ("a year earlier", "2022", "year")]  # nine months a year back: the year
    # the sentence before opens with the nine months (or six): the year-earlier period is theirs
    report = "Theta Inc. said third-quarter net rose 9% to $12 million. "
    assert _timeline(report + "For the nine months, net was $30 million. "
                              "In the year-earlier period, the company had net of $26 million.")[1:] == [
        ("year-earlier period", "2022", "year")]
    assert _timeline(report + "For the six months, net was $20 million. "
                              "In the year-earlier period, the company had net of $17 million.")[1:] == []
    assert _timeline(report + "Sales fell 2% to $90 million. "
                              "In the year-earlier period, the company had net of $11 million.")[1:] == [
        ("year-earlier period", "2022-Q3", "quarter")]


def test_a_baseline_is_a_quarter_only_in_an_earnings_comparison():
    report = "Beta Inc. posted a third-quarter loss of $8 million. "
    # no earnings figure compared: not the quarter (and a comparison's baseline stays out)
    assert _timeline(report + "It has 13 stores, up from seven a year ago.")[1:] == []
    assert _timeline(report + "Last year, the company had charges of $71 million.")[1:] == [
        ("Last year", "2022", "year")]  # the whole of last year, not the quarter
    assert _timeline(report + "The loss compares with a profit of $3 million last year.")[1:] == [
        ("last year", "2022-Q3", "quarter")]
    # six months a year back: no value states them
    assert _timeline(report + "For the six months, net fell to $2 million from $9 million a year earlier.")[1:] == []
    # a document that names no quarter: the baseline is left out as before
    assert _timeline("Net rose to $9 million from $7 million a year earlier.") == []


def test_the_quarter_before_and_the_current_one():
    text = ("Gamma Co. reported third-quarter revenue of $2 billion, down 5% from the previous quarter. "
            "It expects the current quarter to be weak.")
    assert _timeline(text) == [("third-quarter", "2023-Q3", "quarter"), ("previous quarter", "2023-Q2", "quarter"),
                               ("current quarter", "2023-Q4", "quarter")]
    # the reported quarter is not one the report compares with ("After a flat second quarter")
    text = ("Delta Corp. said third-quarter net income rose 20%. After a weak second quarter, "
            "the gain was welcome. In the year-earlier period, the company earned $50 million.")
    assert _timeline(text)[-1] == ("year-earlier period", "2022-Q3", "quarter")


def test_a_quarter_that_ends_on_a_given_day():
    # a quarter ended on a day the sentence gives is of that day's year: Oct. 31 is after the
    # document's 26 October, so the second quarter ended Oct. 31 ended in 2022
    assert _dates("Profit rose 5% in the second quarter ended Oct. 31, the retailer said.") == [
        ("the second quarter", "2022-Q2"), ("Oct. 31", "2022-10-31")]
    assert _dates("Profit rose 5% in its fourth quarter ended June 30.") == [
        ("its fourth quarter", "2023-Q4"), ("June 30", "2023-06-30")]
    # "the quarter ended July 31" of a document that names no quarter: May to July, the second
    # calendar quarter (not the latest one ended, the third)
    assert _timeline("Epsilon Inc. sells office chairs. In the quarter ended July 31, its sales were $5 million.") == [
        ("quarter", "2023-Q2", "quarter"), ("July 31", "2023-07-31", "day")]
    assert _timeline("Zeta Corp. sells lamps. Its sales were $5 million in the quarter ended Sept. 30.") == [
        ("quarter", "2023-Q3", "quarter"), ("Sept. 30", "2023-09-30", "day")]
    # a year-ago quarter named in apposition is that quarter, and no quarter the report is about
    text = ("Eta Co. expects third-quarter profit of 15 cents a share. In the comparable year-ago quarter, "
            "the second quarter ended Oct. 31, Eta had a loss of $12 million.")
    assert _timeline(text) == [("third-quarter", "2023-Q3", "quarter"),
                               ("comparable year-ago quarter", "2022-Q2", "quarter"),
                               ("second quarter", "2022-Q2", "quarter"), ("Oct. 31", "2022-10-31", "day")]


def test_halves():
    assert _dates("Margins should narrow in the last half of 1989 and in 1990.") == [
        ("the last half of 1989", "1989-H2"), ("1990", "1990")]
    assert _dates("Losses will continue through the first two quarters of 2024, analysts said.") == [
        ("the first two quarters of 2024", "2024-H1")]
    assert _dates("First-half profit rose 8% to $30 million.") == [("First-half", "2023-H1")]


def test_fractions_games_and_titles_are_no_periods():
    anchor = THU_26_OCT
    assert _dates("Funds hold a quarter of the market and half of its debt.", anchor) == []
    assert _dates("Rates rose a quarter point; sales were cut in half.", anchor) == []
    assert _dates("He scored 12 points in the fourth quarter as the coach watched.", anchor) == []
    assert _dates("The team reached the quarter-final in the second half of the game.", anchor) == []
    assert _dates("Arms sales grew over the last half decade.", anchor) == []


def test_seasons():
    assert _dates("Prices fell this summer.") == [("this summer", "2023-SU")]
    assert _dates("The plant closed last fall.", dt.date(2024, 2, 6)) == [("last fall", "2023-FA")]
    assert _dates("Oil was as cheap as in the winter of 1994.") == [("the winter of 1994", "1994-WI")]
    assert _dates("Demand should stay strong well into the summer, she said.", dt.date(2023, 5, 2)) == [
        ("the summer", "2023-SU")]
    assert _dates("The fall of the dollar hurt exporters; summer camps opened.") == []


def test_weekends():
    mon = dt.date(2023, 3, 13)
    assert _dates("Officials said over the weekend that talks would resume.", mon) == [
        ("over the weekend", "2023-W10-WE")]
    assert _dates("Shops ran out of bread ahead of the weekend.", dt.date(2023, 3, 10)) == [
        ("ahead of the weekend", "2023-W10-WE")]
    assert _dates("The band will play next weekend.", mon) == [("next weekend", "2023-W11-WE")]


def test_decades():
    assert _dates("The band toured widely in the late 1970s.") == [("the late 1970s", "197")]
    assert _dates("Sales of vinyl fell through the nineties.", dt.date(1998, 3, 3)) == [("the nineties", "199")]
    assert _dates("She is in her nineties; the cabins were built in the 1800s.") == []


def test_the_year_is_the_documents_year():
    assert _dates("Revenue fell through the first nine months of the year.") == [("months of the year", "2023")]
    assert _dates("Planting was held up earlier in the year by floods.") == [("earlier in the year", "2023")]
    assert _dates("The Bolt was named car of the year; it was the busiest day of the year.") == []
    assert _dates("For the year, volume was flat.", dt.date(2024, 2, 1)) == []  # early in a year: which year?
    assert _dates("Sales in 1987 were flat for the year.") == [("1987", "1987")]


def test_today_and_tomorrow_in_general_are_no_dates():
    assert _dates("Paternity is easy to prove in today's world.") == []
    assert _dates("The program runs on most of today's home computers.") == []
    assert _dates("Schools should train the leaders of tomorrow.") == []
    assert _dates('"The big event of today is the vote," he said. As of today, it is open.') == [
        ("today", "2023-10-26"), ("today", "2023-10-26")]
    assert _dates("Today's vote was close.") == [("Today", "2023-10-26")]


def test_a_month_in_a_clause_about_the_past():
    # two months ahead of the document's date, but the clause is about the past
    assert _dates("The firm switched its books to a calendar year in December.") == [
        ("December", "2022-12")]
    assert _dates("The merger will close in December.") == [("December", "2023-12")]


def test_period_values_round_trip_and_sort():
    day = dt.date(1988, 8, 2)
    for granularity, value in [("decade", "198"), ("year", "1988"), ("half", "1988-H2"), ("quarter", "1988-Q3"),
                               ("month", "1988-08"), ("week", "1988-W31"), ("day", "1988-08-02")]:
        assert period_value(day if granularity in ("week", "day") else period_start(value, granularity),
                            granularity) == value
    assert period_value(dt.date(1993, 12, 1), "season") == "1994-WI"
    assert period_start("1994-WI", "season") == dt.date(1993, 12, 1)
    assert period_start("1990-W32-WE", "weekend") == dt.date(1990, 8, 11)
    assert period_label("1994-WI", "season") == "winter 1993-94"
    assert period_label("1989-SU", "season") == "summer 1989"
    assert period_label("197", "decade") == "1970s"
    keys = sorted([("1988-08-02", "day"), ("1988-08", "month"), ("1988-Q3", "quarter"), ("1988-H2", "half"),
                   ("1988", "year"), ("198", "decade")], key=lambda p: period_sort_key(*p))
    assert [g for _, g in keys] == ["decade", "year", "half", "quarter", "month", "day"]


def test_schema_documents_every_granularity():
    schema = (Path(ROOT) / "docs" / "brief-schema.md").read_text(encoding="utf-8")
    row = next(line for line in schema.splitlines() if line.startswith("| `timeline`"))
    documented = set(re.findall(r"`(\w+)`", row.split("`granularity` (", 1)[1].split(";", 1)[0]))
    assert documented == set(GRANULARITY_RANK)


def test_period_labels_in_markdown_and_html():
    from newsweave.render.html import _timeline_dates
    doc = Document(id="d", text="Acme said third-quarter profit rose 5% to $3 million on Oct. 2.", date="2023-10-26")
    entry = build_timeline(split_sentences(doc), [doc])[0]
    assert period_label("1988-Q3", "quarter") == "Q3 1988" and period_label("1989-H2", "half") == "H2 1989"
    html = _timeline_dates(entry)
    assert "<b>Q3 2023</b> <small>(third-quarter)</small>" in html  # no datetime: HTML has no quarters
    assert '<time datetime="2023-10-02">2023-10-02</time></b> <small>(Oct. 2)</small>' in html
