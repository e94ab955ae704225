"""The date grammar of the ground floor (text/dates.py) and the metadata stage (newsweave.metadata)."""

import re

from newsweave.clean import find_debris
from newsweave.metadata import add_metadata, comment_date, stated_date
from newsweave.model import Document
from newsweave.text.dates import (ANY_WEEKDAY_ALT, DAY, MONTH_ALT, WEEKDAY_ALT, YEAR, YEAR_MENTION, find_dates,
                                  make_date)


def _isos(text):
    return [iso for _, _, iso in find_dates(text)]


def test_find_dates_the_three_written_forms():
    assert find_dates("Published 21 February 2012") == [(10, 26, "2012-02-21")]
    assert find_dates("Feb. 21, 2012") == [(0, 13, "2012-02-21")]
    assert find_dates("2012-02-21") == [(0, 10, "2012-02-21")]
    assert _isos("the 3rd-mar-2015 notice; august 4th 2016") == ["2015-03-03", "2016-08-04"]


def test_find_dates_takes_a_leading_weekday_into_the_span():
    text = "Tuesday 21 February 2012 01:00 GMT"
    assert find_dates(text) == [(0, 24, "2012-02-21")]
    assert find_dates("Thurs., March 16, 2023") == [(0, 22, "2023-03-16")]


def test_find_dates_leaves_out_what_is_not_a_full_real_date():
    assert find_dates("30 February 2012") == []  # no such day
    assert find_dates("It rained in May 2014 and on March 14.") == []  # no day, or no year
    assert find_dates("On 21 February 1850 the town was founded.") == []  # implausible year
    assert find_dates("Some 21 Feb 20125 units") == []  # the year runs on into a longer number
    assert find_dates("2012-13-01") == []


def test_building_blocks():
    def full(pattern, word):
        return re.fullmatch(pattern, word, re.I) is not None

    assert all(full(MONTH_ALT, w) for w in ("February", "feb", "Sept", "sep", "MAY"))
    assert not full(MONTH_ALT, "Febr")
    assert full(WEEKDAY_ALT, "Sunday") and not full(WEEKDAY_ALT, "Sun")
    assert all(full(ANY_WEEKDAY_ALT, w) for w in ("Sun", "Tues", "thurs", "Wednesday"))
    assert [w for w in ("0", "1", "09", "21st", "31", "32") if full(DAY, w)] == ["1", "09", "21st", "31"]
    assert [w for w in ("1799", "1850", "2012", "2100") if full(YEAR, w)] == ["1850", "2012"]
    assert make_date(2012, 2, 29).isoformat() == "2012-02-29" and make_date(2013, 2, 29) is None


def test_year_mention_skips_numbers_ranges_and_percentages():
    found = [m.group(1) for m in YEAR_MENTION.finditer(
        "Formed in 2011, it had 2,012 members, a $2013 budget, grew 2014% over 2015-2016 and by 1999 mattered.")]
    assert found == ["2011", "1999"]


def _doc(text):
    d = Document(id="d", text=text)
    d.removed = find_debris(d.text)
    return add_metadata(d)


BODY = ("The river burst its banks overnight and flooded the lower town, forcing hundreds of "
        "residents to leave their homes, the fire service said on Tuesday morning.")


def test_metadata_title_and_stated_date():
    d = _doc(f"Flood forces hundreds from their homes\nTuesday 21 February 2012 01:00 GMT\n{BODY}")
    assert d.title == "Flood forces hundreds from their homes"
    assert d.date == "2012-02-21"


def test_an_event_date_in_the_header_does_not_date_the_document():
    d = _doc(f"Flood forces hundreds from their homes\nThe river rose in this Aug. 29, 2012 file photo.\n{BODY}")
    assert stated_date(d) is None and d.date is None


def test_a_date_the_reader_already_found_is_kept():
    d = Document(id="d", text=f"Flood forces hundreds from their homes\n21 February 2012\n{BODY}", date="2012-02-22")
    d.removed = find_debris(d.text)
    assert add_metadata(d).date == "2012-02-22"


def test_undated_article_is_bounded_by_its_earliest_reader_comment():
    d = _doc(f"Flood forces hundreds from their homes\n{BODY}\n{BODY}\nComments\n"
             "riverwatcher 10 May 2014, 09:12\nThey should have built the wall years ago.\n"
             "marlow_mum 09 May 2014, 16:33\nStay safe everyone.")
    assert [r.kind for r in d.removed][-1] == "comments"
    assert stated_date(d) is None and comment_date(d) == "2014-05-09" and d.date == "2014-05-09"
