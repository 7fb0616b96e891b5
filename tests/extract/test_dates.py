"""Time expressions: publication dates, TimeML values, anchors, and command-line dates."""

from __future__ import annotations

import pytest

from kb.date_args import parse_date_arg
from kb.errors import BadDate
from kb.extract.dates import find_timexes, publication_date


def _values(nlp, text: str, anchor: str | None) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(nlp(text), anchor)}


def test_dateline_with_its_year():
    assert publication_date("RABAT, Nov 24, 2021 (Reuters) - Morocco and Israel signed a deal.") == (
        "2021-11-24", "dateline")


def test_yearless_dateline_takes_the_year_of_a_date_just_before_it():
    text = "RABAT, Nov 24 (Reuters) - The deal follows talks held on Nov. 20, 2021 in Rabat."
    assert publication_date(text) == ("2021-11-24", "dateline+text")
    text = "TOKYO, Jan 3 (Reuters) - Markets fell after a record close on Dec. 30, 2020."
    assert publication_date(text) == ("2021-01-03", "dateline+text")


def test_yearless_stamp_takes_a_nearby_year_or_none():
    assert publication_date("Updated Nov 24\nThe talks of Nov. 22, 2021 ended.") == ("2021-11-24", "updated+text")
    assert publication_date("Updated Nov 24\nThe treaty of 1979 still holds.") is None


def test_yearless_dateline_borrows_no_historical_year():
    for text in ("RABAT, Nov 24 (Reuters) - Morocco and Israel signed a deal. Ties resumed in December 2020.",
                 "WASHINGTON, March 12 (Xinhua) -- NATO, founded on April 4, 1949, grew to 19 members in 1999."):
        assert publication_date(text) is None, text


def test_updated_stamp():
    assert publication_date("Short Url\nUpdated 24 November 2021\nFollow\nText.") == ("2021-11-24", "updated")


def test_weekday_fixes_year_from_other_years():
    text = "On Wednesday August 11, the minister visited, a first since 2003. He may lead in 2023."
    assert publication_date(text) == ("2021-08-11", "weekday")


def test_latest_full_date_is_a_guess_and_no_date_gives_none():
    assert publication_date("It began on May 2, 2019 and ended on June 3, 2020.") == ("2020-06-03", "latest")
    assert publication_date("Nothing dated here, only last week.") is None


def test_tense_places_weekdays_and_yearless_dates(nlp):
    anchor = "2021-11-24"  # a Wednesday
    v = _values(nlp, "They signed on Tuesday and will meet again on Friday.", anchor)
    assert v == {"Tuesday": "2021-11-23", "Friday": "2021-11-26"}
    v = _values(nlp, "Algeria cut ties in August and talks are due to resume in March.", anchor)
    assert v == {"August": "2021-08", "March": "2022-03"}
    assert _values(nlp, "Rabat normalised ties last December.", anchor) == {"last December": "2020-12"}


def test_relative_expressions(nlp):
    v = _values(nlp, "Earlier this month officials met, and last week they agreed; three years ago they split.", "2021-11-24")
    assert v == {"Earlier this month": "2021-11", "last week": "2021-W46", "three years ago": "2018"}


def test_without_anchor_relative_values_stay_open(nlp):
    v = _values(nlp, "They met on Wednesday, last December and in 1993.", None)
    assert v == {"Wednesday": None, "last December": None, "1993": "1993"}


def test_decades_centuries_durations_sets(nlp):
    found = {t.text: t for t in find_timexes(nlp(
        "Ties began in the early 1990s, in the 20th century, after twelve years; during this forty-eight hour "
        "trip, which happens every year, he was 60 years old."), "2021-11-24")}
    assert found["the early 1990s"].value == "199" and found["the early 1990s"].end == "1993-12-31"
    assert found["the 20th century"].value == "19"
    assert found["twelve years"].value == "P12Y" and found["twelve years"].type == "DURATION"
    assert found["forty-eight hour"].value == "PT48H"
    assert found["every year"].type == "SET" and found["every year"].value == "P1Y"
    assert not any("old" in text for text in found)  # an age is no time expression


def test_ages_are_not_time_expressions(nlp):
    text = "The 6-year-old boy and his 62-year-old uncle, a man of 40 years old, met a six-year-old girl."
    assert _values(nlp, text, "2000-01-06") == {}


def test_counted_decades_and_centuries_are_years(nlp):
    v = _values(nlp, "Ties lapsed for two decades, the worst in a century, then for decades more.", "2021-11-24")
    assert v == {"two decades": "P20Y", "a century": "P100Y", "decades": "PXDE"}


def test_extent_takes_the_article_of_a_noun_phrase_it_heads(nlp):
    v = _values(nlp, "Profit rose in the third quarter and over the past three months, before the Aug. 7 bombings.",
                "1998-08-11")
    assert v == {"the third quarter": "1998-Q3", "the past three months": "P3M", "Aug. 7": "1998-08-07"}


def test_adversarial_words_are_not_dates(nlp):
    v = _values(nlp, "Theresa May said the March on Washington drew 2000 people, the Sunday Times reported.", "2021-11-24")
    assert v == {}


def test_refs_quarters_and_times(nlp):
    v = _values(nlp, "Profit rose in the third quarter; he is now in Rabat, recently returned, and spoke on Wednesday evening.", "2021-11-24")
    assert v["the third quarter"] == "2021-Q3"
    assert v["now"] == "PRESENT_REF" and v["recently"] == "PAST_REF"
    assert v["Wednesday evening"] == "2021-11-24TEV"


def test_offsets_and_sentences_point_into_the_doc(nlp):
    doc = nlp("The deal was signed.\nIt took effect on November 3, 2021.")
    (t,) = find_timexes(doc, None)
    assert doc.text[t.start_char:t.end_char] == t.text == "November 3, 2021"
    assert t.sentence == 1 and (t.start, t.end, t.precision) == ("2021-11-03", "2021-11-03", "day")


@pytest.mark.parametrize("text,value,start,end", [
    ("2021", "2021", "2021-01-01", "2021-12-31"),
    ("2021-11-24", "2021-11-24", "2021-11-24", "2021-11-24"),
    ("2021-Q1", "2021-Q1", "2021-01-01", "2021-03-31"),
    ("199X", "199", "1990-01-01", "1999-12-31"),
    ("24 November 2021", "2021-11-24", "2021-11-24", "2021-11-24"),
])
def test_parse_date_arg(text, value, start, end):
    dv = parse_date_arg(text)
    assert (dv.value, dv.start, dv.end) == (value, start, end)


def test_parse_date_arg_rejects_nonsense():
    for bad in ("2021-13", "soon", "2021-02-30"):
        with pytest.raises(BadDate):
            parse_date_arg(bad)


def test_a_day_right_after_a_reporting_verb_dates_the_saying(nlp):
    # the parser hangs "on Thursday" on "would review"; the day is when the Fund spoke
    values = _values(nlp, "The International Monetary Fund, which has pressed Nairobi to raise revenue, said on "
                          "Thursday it would review its programme.", "2024-07-19")
    assert values["Thursday"] == "2024-07-18"


def test_spoken_years_fractions_and_that_year(nlp):
    v = _values(nlp, "In nineteen ninety-one he was tried; in January nineteen ninety-seven he fled for 2 1/2 years.",
                "1998-01-15")
    assert v == {"nineteen ninety-one": "1991", "January nineteen ninety-seven": "1997-01", "2 1/2 years": "P2Y6M"}
    v = _values(nlp, "Support has fallen since two thousand one; a satellite follows in two thousand and eight.",
                "2005-12-12")
    assert v == {"two thousand one": "2001", "two thousand and eight": "2008"}
    assert _values(nlp, "The approach of the year two thousand worried them.", "1998-03-03") == {"the year two thousand": "2000"}
    # a verb after the year is no plural noun counted ("nineteen ninety votes")
    assert _values(nlp, "The approach of the year two thousand has many in a frenzy.", "1998-03-03") == {
        "the year two thousand": "2000"}
    assert "nineteen ninety" not in _values(nlp, "In the end nineteen ninety votes were cast.", "1998-03-03")
    # a count is no year
    assert _values(nlp, "A crowd of two thousand gathered, and two thousand one hundred people signed.", "2005-12-12") == {}
    v = _values(nlp, "The recall covers dates between August twenty-fifth and the twelfth of September.", "2012-08-30")
    assert v == {"August twenty-fifth": "2012-08-25", "the twelfth of September": "2012-09-12"}
    v = _values(nlp, "The closing concert, on Sunday the seventeenth, will draw crowds.", "2001-06-07")
    assert v == {"Sunday the seventeenth": "2001-06-17"}
    assert _values(nlp, "Apple showed on Tuesday the first generation of its Macs.", "2006-01-12") == {"Tuesday": "2006-01-10"}
    # a weekday and a bare day number: that day in the nearest month it falls on that weekday
    v = _values(nlp, "Staff will walk out on Tuesday 21, Thursday 23 and Saturday 25 June.", "2022-06-13")
    assert v == {"Tuesday 21": "2022-06-21", "Thursday 23": "2022-06-23", "Saturday 25 June": "2022-06-25"}
    assert _values(nlp, "On Tuesday 21 people were hurt.", "2022-06-13") == {"Tuesday": "2022-06-07"}
    assert _values(nlp, "They won on Saturday 21-14.", "2022-06-13") == {"Saturday": "2022-06-11"}
    v = _values(nlp, "He last fought in March of two thousand three; bribes flowed between two thousand one and two thousand five.",
                "2007-09-04")
    assert v == {"March of two thousand three": "2003-03", "two thousand one": "2001", "two thousand five": "2005"}
    assert _values(nlp, "Anyone who ate there on April the fourteenth may have been exposed.", "1999-04-19") == {
        "April the fourteenth": "1999-04-14"}
    assert _values(nlp, "The price rose to two thousand.", "1999-04-19") == {}
    v = _values(nlp, "She fled in June 1998 and returned later that year.", "2000-01-28")
    assert v["later that year"] == "1998"


def test_a_year_ago_in_a_quarterly_report_is_the_same_quarter(nlp):
    v = _values(nlp, "Net income rose in the third quarter. It was $5 million a year ago. "
                     "In the quarter, sales fell.", "1989-11-02")
    assert v == {"the third quarter": "1989-Q3", "a year ago": "1988-Q3", "the quarter": "1989-Q3"}


def test_a_clock_time_and_its_day_are_one_expression(nlp):
    v = _values(nlp, "Talks broke off at noon Thursday and the offer expires at 5 p.m. EST, Nov. 9.", "1989-11-03")
    assert v == {"noon Thursday": "1989-11-02T12:00", "5 p.m. EST, Nov. 9": "1989-11-09T17:00"}


def test_a_stamp_lines_day_and_clock_time_are_one_expression(nlp):
    text = "Posted: Mar 07, 2017 6:04 AM EST | Updated: Mar 07, 2017 12:18 PM EST\n\nPolice are asking for help."
    assert _values(nlp, text, "2017-03-07") == {"Mar 07, 2017 6:04 AM EST": "2017-03-07T06:04",
                                                "Mar 07, 2017 12:18 PM EST": "2017-03-07T12:18"}
    text = "Updated: Wednesday, November 8, 2000 at 6:15 a.m.\n\nThe race was still too close to call."
    assert _values(nlp, text, "2000-11-08") == {"Wednesday, November 8, 2000 at 6:15 a.m.": "2000-11-08T06:15"}
    # in running text, a day and the clock time after "at" are two expressions
    assert _values(nlp, "The vote was held on March 3 at 9 a.m.", "2000-11-08") == {"March 3": "2000-03-03",
                                                                                    "9 a.m.": "2000-03-03T09:00"}


def test_limits_and_noun_modifiers_are_not_dated_by_the_verb(nlp):
    # a past verb dates its own event, not the deadline it set
    v = _values(nlp, "The offer was extended to Nov. 20, and the board declared a dividend payable Dec. 7.",
                "1989-10-27")
    assert v == {"Nov. 20": "1989-11-20", "Dec. 7": "1989-12-07"}


def test_a_weekday_ending_a_stretch_keeps_the_past_tense(nlp):
    v = _values(nlp, "The group bought 254,200 shares from Sept. 14 to Thursday.", "1989-10-30")
    assert v["Thursday"] == "1989-10-26"


def test_parts_of_the_day_take_the_day_told_of(nlp):
    v = _values(nlp, "Shares fell on Friday. Dealers bought in the morning after overnight losses.", "1989-10-30")
    assert v == {"Friday": "1989-10-27", "the morning": "1989-10-27TMO", "overnight": "1989-10-26TNI"}
    v = _values(nlp, "The talks opened on June 5, 2000 and resumed the next morning.", "2000-06-10")
    assert v["the next morning"] == "2000-06-06TMO"
    v = _values(nlp, "Two new flights will leave on Tuesday nights, this past spring's plan said.", "1998-02-13")
    assert v["Tuesday nights"] == "XXXX-WXX-2TNI" and v["this past spring"] == "1997-SP"


def test_overnight_naming_a_kind_of_thing_is_no_time(nlp):
    v = _values(nlp, "The ferry was on an overnight crossing when the bank raised its overnight rate.", "2012-01-17")
    assert not any(v.values())
    v = _values(nlp, "Thakur said heavy overnight rain had loosened stones on the slope.", "2013-08-24")
    assert v == {"overnight": "2013-08-23TNI"}


def test_a_dateline_a_day_before_publication_is_the_day_written(nlp):
    text = "BANGALORE, JUNE 18. The department said here today that the monsoon set in on Tuesday."
    assert _values(nlp, text, "2003-06-19") == {"JUNE 18": "2003-06-18", "today": "2003-06-18", "Tuesday": "2003-06-17"}
    # a dateline of the publication day, or one far from it, leaves the anchor as it is
    assert _values(nlp, "BEIJING, March 13 (Xinhua) -- Talks opened today.", "1999-03-13")["today"] == "1999-03-13"
    assert _values(nlp, "BEIJING, March 3 (Xinhua) -- Talks opened today.", "1999-03-13")["today"] == "1999-03-13"
    assert publication_date("BANGALORE, JUNE 18. The monsoon gathered strength.") is None


def test_a_weekday_of_no_date_typed_as_an_argument_is_a_clear_error():
    with pytest.raises(BadDate):
        parse_date_arg("a Monday")
