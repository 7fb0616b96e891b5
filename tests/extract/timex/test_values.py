"""TimeML values for present/past references, halves and quarters, and how tense places a date."""

from __future__ import annotations

from kb.extract.dates import find_timexes, reported


def _found(nlp, text: str, anchor: str | None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in reported(find_timexes(nlp(text), anchor), anchor)}


def test_current_and_recent_place_their_noun_in_time(nlp):
    got = _found(nlp, "Analysts blamed the current weakness of the peso on a recent decision by the bank.", "2021-11-24")
    assert got == {"current": ("DATE", "PRESENT_REF"), "recent": ("DATE", "PAST_REF")}
    got = _found(nlp, "Holders may buy shares at half the then current market price.", "2021-11-24")
    assert got == {"then current": ("DATE", "PAST_REF")}


def test_current_as_a_noun_or_a_fixed_term_is_no_time(nlp):
    assert _found(nlp, "The swimmers were swept away by a strong current.", "2021-11-24") == {}
    assert _found(nlp, "The country's current account deficit widened.", "2021-11-24") == {}
    assert _found(nlp, "The most recent survey found the same.", "2021-11-24") == {}


def test_halves_named_by_their_quarters_or_as_last(nlp):
    got = _found(nlp, "Prices should fall through the first two quarters of 2022.", "2021-11-24")
    assert got == {"the first two quarters of 2022": ("DATE", "2022-H1")}
    got = _found(nlp, "Earnings will be lower for the last half of 2021.", "2021-11-24")
    assert got == {"the last half of 2021": ("DATE", "2021-H2")}
    assert _found(nlp, "He spoke for the last half hour.", "2021-11-24") == {"the last half hour": ("DURATION", "PT30M")}
    assert _found(nlp, "Sales rose in H1 2021.", "2021-11-24") == {"H1 2021": ("DATE", "2021-H1")}


def test_a_quarter_of_next_or_last_year(nlp):
    got = _found(nlp, "The sale could close as early as next year's first quarter.", "2021-11-24")
    assert got == {"next year's first quarter": ("DATE", "2022-Q1")}
    got = _found(nlp, "Profit doubled from last year's fourth quarter.", "2021-11-24")
    assert got == {"last year's fourth quarter": ("DATE", "2020-Q4")}


def test_a_fiscal_quarter_just_reported_is_of_the_year_written_when_the_calendars_is_long_past(nlp):
    # the calendar's second quarter of 1989 ended eight months before: the fiscal year runs ahead
    got = _found(nlp, "Merriam said net income for its fiscal second quarter fell 18%.", "1990-02-22")
    assert got == {"fiscal second quarter": ("DATE", "1990-Q2")}
    text = ("Merriam said net income for its fiscal second quarter fell 18%. In the quarter ended Jan. 31, it earned "
            "$14.2 million, compared with $17.3 million a year earlier. The latest quarter included a charge.")
    got = _found(nlp, text, "1990-02-22")
    assert (got["the quarter"], got["a year earlier"], got["The latest quarter"]) == (
        ("DATE", "1990-Q2"), ("DATE", "1989-Q2"), ("DATE", "1990-Q2"))
    # the calendar's fourth quarter ended three months before: that one
    got = _found(nlp, "Harwood said net income for its fiscal fourth quarter rose 18%.", "1988-03-31")
    assert got == {"fiscal fourth quarter": ("DATE", "1987-Q4")}


def test_an_infinitive_after_a_past_verb_may_lie_ahead(nlp):
    # said in January: the hearing the committee asked for is the coming February's
    got = _found(nlp, "The committee subpoenaed him to testify on Feb. 10.", "2022-01-07")
    assert got == {"Feb. 10": ("DATE", "2022-02-10")}


def test_a_plan_told_in_the_past_perfect_was_overtaken(nlp):
    # said on a Monday: what "is due" on Friday is ahead, what "had been due" is behind
    assert _found(nlp, "The offer is due to expire Friday.", "1989-10-30") == {"Friday": ("DATE", "1989-11-03")}
    got = _found(nlp, "The offer was extended to Nov. 16. It had been due to expire Friday.", "1989-10-30")
    assert got["Friday"] == ("DATE", "1989-10-27")


def test_a_date_planned_for_is_the_coming_one(nlp):
    got = _found(nlp, "The vote was planned for early March, an official said.", "2022-02-10")
    assert got["early March"] == ("DATE", "2022-03")


def test_a_past_form_read_as_present_still_dates_the_past(nlp):
    # "hurt" with a singular subject is past: the Friday is the one before a Monday
    got = _found(nlp, "Weakness in bank stocks hurt the index on Friday.", "2021-11-22")
    assert got == {"Friday": ("DATE", "2021-11-19")}


def test_the_latest_quarter_is_the_one_ended_last(nlp):
    text = ("The insurer expects a fourth-quarter charge from the storm. "
            "Profit fell 59% in the latest quarter, compared with a gain a year ago.")
    got = _found(nlp, text, "2021-11-02")
    assert got["fourth-quarter"] == ("DATE", "2021-Q4")
    assert got["the latest quarter"] == ("DATE", "2021-Q3")
    assert got["a year ago"] == ("DATE", "2020-Q3")


def test_the_year_earlier_period_is_the_reported_quarter_a_year_back(nlp):
    text = ("Acme said its third-quarter profit rose 20%. Sales grew in every region. "
            "Costs were flat. Prices rose. Margins widened. "
            "In the year-earlier period, the company earned $4 million.")
    got = _found(nlp, text, "2021-10-26")
    assert got["the year-earlier period"] == ("DATE", "2020-Q3")
    got = _found(nlp, "Acme said its third-quarter profit rose 20%. For the quarter a year ago, it earned $4 million.",
                 "2021-10-26")
    assert got["the quarter a year ago"] == ("DATE", "2020-Q3")


def test_the_year_earlier_part_of_nine_months_told_is_a_year(nlp):
    # nine months are no quarter: a year is all TimeML can name of them
    text = ("Acme lost $158,666 in the third quarter, compared with a year-earlier loss of $26,956. "
            "For the nine months, it reported a net loss of $608,413, compared with year-earlier net income of $967,809.")
    got = [(t.text, t.value) for t in reported(find_timexes(nlp(text), "1989-11-02"), "1989-11-02")]
    assert [v for text, v in got if text == "year-earlier"] == ["1988-Q3", "1988"]
    # the year-ago period after the earlier year's period named is that period again
    text = ("Travelers's third-quarter net rose 11%. In the first nine months, net was $306 million, "
            "compared with a loss of $195 million in the 1988 period. The year-ago results included a charge.")
    got = _found(nlp, text, "1989-11-02")
    assert got["the 1988 period"] == got["year-ago"] == ("DATE", "1988")


def test_a_span_and_a_half_and_later_with_nothing_before(nlp):
    got = _found(nlp, "But a minute and a half later, a pilot called in.", "2021-11-24")
    assert got == {"a minute and a half": ("DURATION", "PT1M30S")}
    got = _found(nlp, "The gap closes slowly. Three days later, the index was down.", "2021-11-24")
    assert got == {"Three days": ("DURATION", "P3D")}
    got = _found(nlp, "The talks began on Nov. 2, 2021. Three days later, they failed.", "2021-11-24")
    assert got["Three days later"] == ("DATE", "2021-11-05")


def test_half_a_unit_is_half_its_length(nlp):
    got = _found(nlp, "The vote took half an hour; the feud lasted half a century.", "2021-11-24")
    assert got == {"half an hour": ("DURATION", "PT30M"), "half a century": ("DURATION", "P50Y")}
    got = _found(nlp, "Crews worked for a half day and then waited half a year.", "2021-11-24")
    assert got == {"a half day": ("DURATION", "PT12H"), "half a year": ("DURATION", "P6M")}


def test_one_day_ahead_and_seasons_and_weekends_after_more_prepositions(nlp):
    assert _found(nlp, "Analysts say the city will one day be the largest port.", "2021-11-24") == {
        "one day": ("DATE", "FUTURE_REF")}
    assert _found(nlp, "Supply problems will last well into the summer.", "2021-11-24") == {
        "the summer": ("DATE", "2022-SU")}
    assert _found(nlp, "Traders will square positions ahead of the weekend.", "2021-11-24") == {
        "the weekend": ("DATE", "2021-W47-WE")}


def test_that_quarter_is_the_quarter_told_of(nlp):
    got = _found(nlp, "Acme lost money in the third quarter of 2021. Results for that quarter included a charge.", "2021-11-24")
    assert got["that quarter"] == ("DATE", "2021-Q3")


def test_capitalised_time_words_inside_a_sentence_are_names(nlp):
    text = 'Baker said on ABC\'s "This Week" that talks would go on, and Gonzalez spoke on CBS\'s "60 Minutes."'
    assert _found(nlp, text, "2021-11-24") == {}
    assert _found(nlp, "The film High Noon opened. This is VOA Today.", "2021-11-24") == {}
    got = _found(nlp, "Today, the boy was found on Thanksgiving Day.", "2021-11-26")
    assert got == {"Today": ("DATE", "2021-11-26"), "Thanksgiving Day": ("DATE", "2021-11-25")}
    got = _found(nlp, "Markets Rally As Fed Holds Rates This Week", "2021-11-24")
    assert got == {"This Week": ("DATE", "2021-W47")}
    # title case leaves short words in lower case; a line ending in a full stop is a sentence
    got = _found(nlp, "Former Treasurer Sentenced to 8 Years for Fraud", "1995-12-29")
    assert got == {"8 Years": ("DURATION", "P8Y")}
    assert _found(nlp, "He starred in This Week and in Face the Nation on CBS.", "2021-11-24") == {}


def test_the_day_before_and_this_past_week(nlp):
    got = _found(nlp, "Revenue fell to $300 million last year from $450 million the year before.", "2021-11-24")
    assert got == {"last year": ("DATE", "2020"), "the year before": ("DATE", "2019")}
    got = _found(nlp, "Officials met this past week.", "2021-11-24")
    assert got == {"this past week": ("DATE", "2021-W46")}


def test_a_second_day_of_the_same_month(nlp):
    got = _found(nlp, "The summit will be held on April 24 and 25.", "2021-02-10")
    assert got == {"April 24": ("DATE", "2021-04-24"), "25": ("DATE", "2021-04-25")}
    got = _found(nlp, "Talks ran on Jan. 5 or 6, 2020, officials said.", "2021-02-10")
    assert got["6, 2020"] == ("DATE", "2020-01-06")
    assert "30" not in _found(nlp, "Sales rose on March 3 and 30 stores closed.", "2021-02-10")


def test_months_after_through_and_as_noun_modifiers(nlp):
    got = _found(nlp, "Sales were flat this year through August.", "2021-10-27")
    assert got["August"] == ("DATE", "2021-08")
    got = _found(nlp, "The March accession will let the three join.", "2021-02-10")
    assert got == {"March": ("DATE", "2021-03")}
    assert _found(nlp, "He spoke to the May government.", "2021-02-10") == {}


def test_a_month_after_since_is_past(nlp):
    got = _found(nlp, "The company's shares have tripled since the March lows.", "2020-10-30")
    assert got == {"March": ("DATE", "2020-03")}


def test_a_month_after_for_or_into_is_a_month_but_may_only_beside_another_time(nlp):
    assert _found(nlp, "Everyone will read them as a rehearsal for March.", "2007-05-26") == {"March": ("DATE", "2008-03")}
    assert _found(nlp, "High water could last into August.", "2011-06-24") == {"August": ("DATE", "2011-08")}
    assert _found(nlp, "There was little support for May in the party.", "2011-06-24") == {}


def test_later_in_the_day_a_greeting_and_a_daily_paper(nlp):
    got = _found(nlp, "The envoy landed in Dar es Salaam on Tuesday, Nov. 23. He flew to Nairobi later in the day.",
                 "2021-11-24")
    assert got["the day"] == ("DATE", "2021-11-23")
    assert _found(nlp, "Good evening from Havana.", "2021-11-24") == {}
    assert _found(nlp, "The Communist Party daily Granma said so.", "2021-11-24") == {}
    assert _found(nlp, "Qantas plans daily flights to Bombay.", "2021-11-24") == {"daily": ("SET", "P1D")}


def test_counted_trading_and_fiscal_units_are_durations(nlp):
    got = _found(nlp, "Eight trading days after the plunge, the index was still lower.", "2021-11-24")
    assert got == {"Eight trading days": ("DURATION", "P8D")}
    got = _found(nlp, "The plan calls for cuts over the next three fiscal years.", "2021-11-24")
    assert got == {"the next three fiscal years": ("DURATION", "P3Y")}
    got = _found(nlp, "The firm changed from a fiscal year to a calendar year.", "2021-11-24")
    assert all(value is None for _, value in got.values())  # kinds of year, not spans of one


def test_the_week_of_a_day(nlp):
    got = _found(nlp, "The case may be heard the week of March 6, his lawyer said.", "2000-02-24")
    assert got == {"the week of March 6": ("DATE", "2000-W10")}
    got = _found(nlp, "The vote was set for the week of March 23, 1998.", "2000-02-24")
    assert got == {"the week of March 23, 1998": ("DATE", "1998-W13")}


def test_the_time_of_a_noun_is_not_placed_by_the_verb(nlp):
    # said in February: the ceremony the leaders were invited to is the coming March's
    got = _found(nlp, "Clinton invited the leaders to a ceremony on March 12.", "1999-02-16")
    assert got == {"March 12": ("DATE", "1999-03-12")}


def test_a_capitalised_time_word_after_a_dateline_opens_the_sentence(nlp):
    got = _found(nlp, "WASHINGTON (AP) -- Today the Senate votes on the bill.", "2021-11-24")
    assert got == {"Today": ("DATE", "2021-11-24")}


def test_an_age_is_no_time_expression(nlp):
    assert _found(nlp, "Children older than six months can get the vaccine.", "2010-05-04") == {}
    assert _found(nlp, "A girl aged six months died on Monday.", "2010-05-04") == {"Monday": ("DATE", "2010-05-03")}
    assert _found(nlp, "He stayed for six months.", "2010-05-04") == {"six months": ("DURATION", "P6M")}


def test_the_year_after_an_event_is_a_point_not_a_length(nlp):
    # a point counted from an event kb cannot place: no value, so not reported (and not "P1Y");
    # the finder still keeps it, for event dating
    assert _found(nlp, "The company was sold the year after the war.", "2010-05-04") == {}
    assert [(t.text, t.value) for t in find_timexes(nlp("The company was sold the year after the war."), "2010-05-04")] \
        == [("the year", None)]
    assert _found(nlp, "He returned a year after the crash.", "2010-05-04") == {"a year": ("DURATION", "P1Y")}


def test_a_limit_told_in_the_future_lies_ahead(nlp):
    got = _found(nlp, "The chipmaker said it would delay shipments until the fourth quarter.", "2000-09-03")
    assert got == {"the fourth quarter": ("DATE", "2000-Q4")}
    got = _found(nlp, "The offer was extended to Nov. 20.", "1989-11-02")
    assert got == {"Nov. 20": ("DATE", "1989-11-20")}


def test_a_half_year_told_with_figures(nlp):
    got = _found(nlp, "The airline expects capacity to grow 4 percent in the first half.", "2016-02-24")
    assert got == {"the first half": ("DATE", "2016-H1")}
    assert _found(nlp, "He scored twice in the first half.", "2016-02-24") == {}


def test_a_present_form_read_as_bare_still_tells_of_a_coming_day(nlp):
    got = _found(nlp, "Voters in the province go to the polls on Sunday.", "1995-03-13")
    assert got == {"Sunday": ("DATE", "1995-03-19")}


def test_the_previous_period_is_the_one_before_the_period_told_of(nlp):
    got = _found(nlp, "Sales rose 12 percent in the second quarter, against 9 percent in the previous quarter.",
                 "1998-07-22")
    assert got == {"the second quarter": ("DATE", "1998-Q2"), "the previous quarter": ("DATE", "1998-Q1")}
    assert _found(nlp, "Sales were higher than in the previous year.", "1998-07-22") == {
        "the previous year": ("DATE", "1997")}


def test_the_following_period_is_the_one_after_the_date_told_of(nlp):
    got = _found(nlp, "The vote was on March 3, 2010. The following week, he resigned.", "2013-03-15")
    assert got == {"March 3, 2010": ("DATE", "2010-03-03"), "The following week": ("DATE", "2010-W10")}
    got = _found(nlp, "Sales rose in 2009. The following year they fell.", "2013-03-15")
    assert got["The following year"] == ("DATE", "2010")
    assert _found(nlp, "He resigned the following week.", "2013-03-15") == {"the following week": ("DATE", "2013-W12")}


def test_the_rest_and_the_end_of_the_current_period(nlp):
    got = _found(nlp, "Over eight million will have been sold by the end of the current financial quarter.", "2010-06-16")
    assert got == {"the end of the current financial quarter": ("DATE", "2010-Q2")}
    got = _found(nlp, "Developers will spend the rest of the week in workshops.", "2011-06-07")
    assert got == {"the rest of the week": ("DATE", "2011-W23")}
    got = _found(nlp, "The current fiscal year ends in September.", "2010-06-16")
    assert got["The current fiscal year"] == ("DATE", "2010")
    got = _found(nlp, "Sales rose 5% in the third quarter, and the company expects more by the end of the quarter.",
                 "2010-10-20")
    assert got["the end of the quarter"] == ("DATE", "2010-Q3")  # the quarter told of


def test_after_hours_trading_is_a_session_and_several_years_a_vague_length(nlp):
    assert _found(nlp, "Apple shares slid $19.37 in after hours trading.", "2011-08-25") == {}
    assert _found(nlp, "After hours of talks, they agreed.", "2011-08-25") == {"hours": ("DURATION", "PTXH")}
    assert _found(nlp, "She followed a several-year tenure as chairman.", "1989-11-02") == {
        "several-year": ("DURATION", "PXY")}
    assert _found(nlp, "Prices rose through the 2000s.", "2013-03-15") == {"the 2000s": ("DATE", "200")}


def test_the_quarter_is_the_one_reported_on_not_the_year_compared(nlp):
    text = ("Acme said it earned $3.1 million in the fiscal first quarter. Sales were up 20% from a year earlier. "
            "In the 1988 period, the company earned $11.4 million. It had expected to break even for the quarter.")
    got = _found(nlp, text, "1989-10-26")
    assert got["the 1988 period"] == ("DATE", "1988-Q1")
    assert got["the quarter"] == ("DATE", "1989-Q1")


def test_an_expression_with_nothing_to_count_from_is_left_out_only_with_an_anchor(nlp):
    text = "Late in the day, lawyers for the family emerged. On Tuesday they met again."
    assert _found(nlp, text, "2000-04-03") == {"Tuesday": ("DATE", "2000-03-28")}
    assert _found(nlp, text, None) == {"the day": ("DATE", None), "Tuesday": ("DATE", None)}


def test_a_measure_per_second_is_no_set_and_past_years_are_past(nlp):
    assert _found(nlp, "The new chip runs at 20 million instructions per second.", "1989-10-27") == {}
    assert _found(nlp, "The car went 60 miles per hour.", "1989-10-27") == {}
    assert _found(nlp, "Visitors per week rose.", "1989-10-27") == {"per week": ("SET", "P1W")}
    assert _found(nlp, "There were similar sell-offs in past years, too.", "1989-10-30") == {
        "past years": ("DATE", "PAST_REF")}


def test_a_time_something_is_moved_to_lies_ahead_and_a_planned_one_is_not_placed_by_tense(nlp):
    got = _found(nlp, "Officials postponed until Tuesday morning any action on the permit.", "2000-03-30")
    assert got == {"Tuesday morning": ("TIME", "2000-04-04TMO")}
    got = _found(nlp, "The agency extended its deadline until 9 a.m. EST Tuesday.", "2000-03-30")
    assert got == {"9 a.m. EST Tuesday": ("TIME", "2000-04-04T09:00")}
    assert _found(nlp, "The talks lasted until Tuesday morning.", "2000-03-30") == {
        "Tuesday morning": ("TIME", "2000-03-28TMO")}
    got = _found(nlp, "Students planned a large march in the capital on Saturday.", "2000-01-07")
    assert got == {"Saturday": ("DATE", "2000-01-08")}
    got = _found(nlp, "The board has set Nov. 10 as the deadline for rival offers.", "1989-11-02")
    assert got == {"Nov. 10": ("DATE", "1989-11-10")}


def test_a_weekday_on_a_noun_in_a_past_clause_is_past(nlp):
    got = _found(nlp, "Acme said that at the close of business Thursday, 2,100,000 shares of Bolt and $40 million "
                      "of notes had been tendered to its offer.", "1989-10-30")
    assert got == {"Thursday": ("DATE", "1989-10-26")}


def test_the_year_earlier_nine_months_is_a_length(nlp):
    assert _found(nlp, "Profit for the year-earlier nine months included a gain.", "1989-10-26") == {
        "nine months": ("DURATION", "P9M")}
    assert _found(nlp, "Profit for the year-earlier period included a gain.", "1989-10-26") == {
        "the year-earlier period": ("DATE", "1988")}


def test_any_count_and_a_half(nlp):
    assert _found(nlp, "He served two and a half years in prison.", "2013-03-15") == {
        "two and a half years": ("DURATION", "P2Y6M")}
    assert _found(nlp, "The flight took 2 and a half hours.", "2013-03-15") == {
        "2 and a half hours": ("DURATION", "PT2H30M")}


def test_what_a_present_expecting_verb_expects_lies_ahead(nlp):
    assert _found(nlp, "Shops expect record sales over Christmas.", "2013-03-22") == {"Christmas": ("DATE", "2013-12-25")}
    got = _found(nlp, "The company forecasts a loss for the fourth quarter.", "2013-03-22")
    assert got == {"the fourth quarter": ("DATE", "2013-Q4")}
    got = _found(nlp, "The company reported a loss for the fourth quarter.", "2013-03-22")
    assert got == {"the fourth quarter": ("DATE", "2012-Q4")}


def test_the_quarter_a_month_ends(nlp):
    got = _found(nlp, "Profit fell in the December quarter and will rise in the June quarter.", "2013-03-22")
    assert got == {"the December quarter": ("DATE", "2012-Q4"), "the June quarter": ("DATE", "2013-Q2")}


def test_four_digit_clock_times_with_a_zone(nlp):
    got = _found(nlp, "The blast happened at 1430 GMT on Tuesday.", "2013-03-22")
    assert got == {"1430 GMT": ("TIME", "2013-03-19T14:30"), "Tuesday": ("DATE", "2013-03-19")}
    assert _found(nlp, "The curfew starts at 2200 hours.", "2013-03-22") == {"2200 hours": ("TIME", "2013-03-22T22:00")}
    # the same time told again in another zone is a second clock time, not a year
    got = _found(nlp, "Polls close at 8pm local time (1900 GMT).", "2013-03-22")
    assert got == {"8pm local time": ("TIME", "2013-03-22T20:00"), "1900 GMT": ("TIME", "2013-03-22T19:00")}
    assert _found(nlp, "Volunteers gave 1500 hours of their time.", "2013-03-22") == {"1500 hours": ("DURATION", "PT1500H")}
    got = _found(nlp, "Officers stopped the car at about 1:45 a.m.", "2013-08-31")
    assert got == {"about 1:45 a.m.": ("TIME", "2013-08-31T01:45")}  # the modifier is part of it
    got = _found(nlp, "The wait ended shortly after 11 p.m. Central time.", "2007-06-29")
    assert got == {"11 p.m. Central time": ("TIME", "2007-06-28T23:00")}  # the evening before the writing
    assert _found(nlp, "The call is at 03:41 EDT.", "2007-06-29") == {"03:41 EDT": ("TIME", "2007-06-29T03:41")}


def test_two_months_named_as_a_range_are_in_order(nlp):
    got = _found(nlp, "Prices rose sharply between March and May.", "2013-03-22")
    assert got == {"March": ("DATE", "2012-03"), "May": ("DATE", "2012-05")}
    got = _found(nlp, "Between November and January, sales will rise.", "2013-03-22")
    assert got == {"November": ("DATE", "2013-11"), "January": ("DATE", "2014-01")}


def test_a_season_as_far_behind_as_ahead_is_the_coming_one_in_a_present_clause(nlp):
    assert _found(nlp, "The new model goes on sale in the autumn.", "2013-03-22") == {"the autumn": ("DATE", "2013-FA")}
    assert _found(nlp, "The new model went on sale in the autumn.", "2013-03-22") == {"the autumn": ("DATE", "2012-FA")}


def test_clock_times_counted_from_an_hour_in_words(nlp):
    got = _found(nlp, "The final vote came at about ten past two, and service stopped at one minute after midnight.", "2007-02-03")
    assert got == {"about ten past two": ("TIME", "2007-02-03T02:10"), "one minute after midnight": ("TIME", "2007-02-03T00:01")}
    got = _found(nlp, "The window opens at eleven minutes past six in the morning, Universal Time.", "2005-12-12")
    assert got == {"eleven minutes past six in the morning, Universal Time": ("TIME", "2005-12-12T06:11")}
    assert _found(nlp, "The meeting starts at a quarter to ten.", "2005-12-12") == {"a quarter to ten": ("TIME", "2005-12-12T09:45")}
    # odds and ranges are no clock times
    assert _found(nlp, "Odds are ten to one against him, and two to three people died.", "2005-12-12") == {}


def test_a_clock_time_in_figures_alone_after_its_preposition(nlp):
    got = _found(nlp, "Workers will walk out for 24 hours from 00:01 on Friday 8 September.", "2006-09-04")
    assert got["00:01"] == ("TIME", "2006-09-08T00:01") and got["Friday 8 September"] == ("DATE", "2006-09-08")
    assert _found(nlp, "The score went to 21:14 at halftime.", "2006-09-04") == {}


def test_an_hour_in_words_before_this_afternoon_or_tonight(nlp):
    got = _found(nlp, "Moscow celebrated at four this afternoon; she speaks at nine tonight.", "1999-12-31")
    assert got == {"four this afternoon": ("TIME", "1999-12-31T16:00"), "nine tonight": ("TIME", "1999-12-31T21:00")}
    assert _found(nlp, "The two this afternoon were fine.", "1999-12-31") == {"this afternoon": ("TIME", "1999-12-31TAF")}
    assert _found(nlp, "Polls open at six tomorrow morning.", "2006-11-06") == {"six tomorrow morning": ("TIME", "2006-11-07T06:00")}
    got = _found(nlp, "Clinics will stay open until nine tonight and all day Saturday.", "1999-04-19")
    assert got == {"nine tonight": ("TIME", "1999-04-19T21:00"), "Saturday": ("DATE", "1999-04-24")}


def test_clock_times_told_in_o_clock(nlp):
    got = _found(nlp, "The ceremony begins at 11 o'clock tomorrow morning.", "2013-03-22")
    assert got == {"11 o'clock tomorrow morning": ("TIME", "2013-03-23T11:00")}
    got = _found(nlp, "At five o'clock in the afternoon, the doors opened.", "2013-03-22")
    assert got == {"five o'clock in the afternoon": ("TIME", "2013-03-22T17:00")}
    got = _found(nlp, "By two o'clock in the morning the water was at the roof; it ended at nine o'clock at night.", "2002-06-30")
    assert got == {"two o'clock in the morning": ("TIME", "2002-06-30T02:00"), "nine o'clock at night": ("TIME", "2002-06-30T21:00")}


def test_decades_said_with_their_century(nlp):
    got = _found(nlp, "Truces going back to the late nineteen-eighties have held.", "1998-08-09")
    assert got == {"the late nineteen-eighties": ("DATE", "198")}


def test_a_day_counted_from_a_day_itself_counted(nlp):
    text = "The protests began on March 3. Two days later, the army moved in. The next day, the president resigned."
    got = _found(nlp, text, "2013-03-22")
    assert got["Two days later"] == ("DATE", "2013-03-05") and got["The next day"] == ("DATE", "2013-03-06")


def test_days_listed_after_a_month_are_dates_of_that_month(nlp):
    got = _found(nlp, "Unions held strikes on June 3, 4, 11 and 12 across the region.", "2015-06-30")
    assert got == {"June 3": ("DATE", "2015-06-03"), "4": ("DATE", "2015-06-04"),
                   "11": ("DATE", "2015-06-11"), "12": ("DATE", "2015-06-12")}


def test_decades_and_years_told_by_their_last_two_digits(nlp):
    got = _found(nlp, "The band toured in the 1980s and '90s; we got through the '65 flood.", "2009-06-21")
    assert got == {"the 1980s": ("DATE", "198"), "'90s": ("DATE", "199"), "'65": ("DATE", "1965")}
    assert _found(nlp, "The class of '05 met again.", "2009-06-21") == {"'05": ("DATE", "2005")}
    assert _found(nlp, "He said 'we lost 65 games'.", "2009-06-21") == {}


def test_a_decade_of_someone_s_life_is_an_age(nlp):
    assert _found(nlp, "The patient, a man in his sixties, is stable.", "2015-06-30") == {}
    assert _found(nlp, "Voters in their early 20s backed him.", "2015-06-30") == {}
    assert _found(nlp, "Music of the sixties was louder.", "2015-06-30") == {"the sixties": ("DATE", "196")}
    assert _found(nlp, "The suspect is a man in his late 30s to mid-40s.", "2015-06-30") == {}


def test_a_decade_in_a_weather_report_is_a_reading(nlp):
    got = _found(nlp, "Highs will climb into the 60s by Friday.", "2015-06-30")
    assert got == {"Friday": ("DATE", "2015-07-03")}
    assert _found(nlp, "Temperatures in the 1990s rose fast.", "2015-06-30") == {"the 1990s": ("DATE", "199")}


def test_lengths_told_in_two_units_are_one(nlp):
    got = _found(nlp, "She won after two hours and 14 minutes.", "2015-06-30")
    assert got == {"two hours and 14 minutes": ("DURATION", "PT2H14M")}
    got = _found(nlp, "He served six years and three months in prison.", "2015-06-30")
    assert got == {"six years and three months": ("DURATION", "P6Y3M")}
    got = _found(nlp, "The talks lasted five hours and the vote took ten minutes.", "2015-06-30")
    assert got == {"five hours": ("DURATION", "PT5H"), "ten minutes": ("DURATION", "PT10M")}


def test_a_week_of_a_month_and_a_quarter_told_by_its_months(nlp):
    got = _found(nlp, "The heats are scheduled for the first week of August.", "2012-06-11")
    assert got == {"the first week of August": ("DATE", "2012-W31")}
    got = _found(nlp, "Profit rose in the April-June period.", "2014-07-16")
    assert got == {"the April-June period": ("DATE", "2014-Q2")}


def test_following_and_past_without_a_determiner_are_prepositions(nlp):
    got = _found(nlp, "The levee gave way following a week of heavy rain.", "2015-06-30")
    assert got == {"a week": ("DURATION", "P1W")}


def test_a_weekday_of_last_or_next_week(nlp):
    got = _found(nlp, "Hail hit the vines on Tuesday and Wednesday of last week.", "2016-09-07")
    assert got == {"Tuesday": ("DATE", "2016-08-30"), "Wednesday of last week": ("DATE", "2016-08-31")}
    assert _found(nlp, "The vote is on Thursday of next week.", "2016-09-07") == {"Thursday of next week": ("DATE", "2016-09-15")}


def test_the_weekend_after_more_prepositions_and_the_nearer_one_when_tense_is_silent(nlp):
    got = _found(nlp, "Sales of antihistamines have risen sharply since the weekend.", "2005-06-07")
    assert got == {"the weekend": ("DATE", "2005-W22-WE")}
    got = _found(nlp, "Temperatures will stay high until at least the weekend.", "2005-06-07")
    assert got == {"the weekend": ("DATE", "2005-W23-WE")}
    assert _found(nlp, "Fighting continued through the weekend.", "2005-06-07") == {"the weekend": ("DATE", "2005-W22-WE")}


def test_a_day_of_next_year_the_year_by_number_and_a_financial_year_by_name(nlp):
    got = _found(nlp, "The council will ban plastic bags from July 1 next year.", "2011-07-13")
    assert got == {"July 1 next year": ("DATE", "2012-07-01")}
    got = _found(nlp, "Firms rushed to fix computers before the year 2000.", "1999-06-30")
    assert got == {"the year 2000": ("DATE", "2000")}
    got = _found(nlp, "Infections fell by half in the last financial year.", "2011-07-13")
    assert got == {"the last financial year": ("DATE", "2010")}


def test_the_early_hours_are_no_length_and_what_is_expected_lies_ahead(nlp):
    got = _found(nlp, "He was arrested in the early hours of Sunday.", "2000-01-18")
    assert got == {"the early hours of Sunday": ("TIME", "2000-01-16TMO")}
    got = _found(nlp, "Polls close tonight, with the result expected in the early hours of Friday.", "2000-01-18")
    assert got["the early hours of Friday"] == ("TIME", "2000-01-21TMO")


def test_a_feast_with_its_part_of_the_day_is_one_time(nlp):
    got = _found(nlp, "Shoppers lined up outside stores on Thanksgiving night.", "2011-11-25")
    assert got == {"Thanksgiving night": ("TIME", "2011-11-24TNI")}
    got = _found(nlp, "Light snow is expected Wednesday night into Christmas morning.", "2024-12-23")
    assert got["Christmas morning"] == ("TIME", "2024-12-25TMO")


def test_the_day_or_week_next_to_a_day_is_one_date(nlp):
    got = _found(nlp, "Legislators will convene on Tuesday, the day after Labor Day.", "1996-08-30")
    assert got["the day after Labor Day"] == ("DATE", "1996-09-03")
    got = _found(nlp, "He had worked until the week before Christmas, his family said.", "2009-01-02")
    assert got == {"the week before Christmas": ("DATE", "2008-W51")}
    got = _found(nlp, "The day before last Tuesday's hearing, he went home.", "2000-02-24")
    assert got == {"The day before last Tuesday": ("DATE", "2000-02-21")}
    # a length before an event, or a day next to no day, is no such date
    assert _found(nlp, "A day after the vote, it rained.", "2000-02-24") == {"A day": ("DURATION", "P1D")}
    assert _found(nlp, "She left the day after the election.", "2000-02-24") == {}


def test_a_quarter_counted_in_a_row_is_the_last_ended(nlp):
    text = "House prices fell for the second quarter in a row. Sales fell 14% on the previous quarter."
    got = _found(nlp, text, "2011-01-18")
    assert got == {"the second quarter": ("DATE", "2010-Q4"), "the previous quarter": ("DATE", "2010-Q3")}
    got = _found(nlp, "Export orders fell for the ninth consecutive quarter.", "2011-01-18")
    assert got == {"the ninth consecutive quarter": ("DATE", "2010-Q4")}


def test_a_month_or_season_with_an_article_and_an_adjective(nlp):
    got = _found(nlp, "A cool June helped, but a hot August undid much of that.", "2009-12-15")
    assert got == {"June": ("DATE", "2009-06"), "August": ("DATE", "2009-08")}
    got = _found(nlp, "Spain faces drought after an unusually dry spring.", "2005-08-09")
    assert got == {"spring": ("DATE", "2005-SP")}
    assert _found(nlp, "She starred in A Long Hot Summer.", "2005-08-09") == {}


def test_a_month_in_a_present_clause_of_habit_is_any_such_month(nlp):
    got = _found(nlp, "Estate agents said December is always a quiet month.", "2011-01-18")
    assert got == {"December": ("DATE", "XXXX-12")}
    assert _found(nlp, "June is traditionally the worst month.", "2005-06-07") == {"June": ("DATE", "XXXX-06")}


def test_a_month_of_a_year_told_in_the_same_sentence(nlp):
    got = _found(nlp, "She was arrested in June 2014 and pleaded guilty in July.", "2015-11-10")
    assert got == {"June 2014": ("DATE", "2014-06"), "July": ("DATE", "2014-07")}
    got = _found(nlp, "Since 2008, prices have risen; in March, they hit a record.", "2015-11-10")
    assert got["March"] == ("DATE", "2015-03")


def test_what_was_forecast_lies_ahead_and_the_year_to_a_month(nlp):
    got = _found(nlp, "Officials forecast more rain over the weekend.", "2011-05-03")
    assert got == {"the weekend": ("DATE", "2011-W18-WE")}
    got = _found(nlp, "We expect a quiet fall and a busy spring.", "2011-05-03")
    assert got == {"fall": ("DATE", "2011-FA"), "spring": ("DATE", "2011-SP")}
    got = _found(nlp, "Profit for the year to December 31 rose.", "1998-02-17")
    assert got["the year"] == ("DATE", "1997")
    got = _found(nlp, "Profit rose 18 percent in the year to March 31.", "1997-05-02")
    assert got["the year"] == ("DURATION", "P1Y")
    got = _found(nlp, "Chinese shares had more than doubled in the year to mid-June.", "2015-08-24")
    assert got["the year"] == ("DURATION", "P1Y")


def test_a_time_a_noun_is_set_for_lies_ahead_unless_told_as_past(nlp):
    got = _found(nlp, "Kosovo will dominate a summit set for Washington in April.", "1999-03-12")
    assert got == {"April": ("DATE", "1999-04")}
    got = _found(nlp, "The index is within 70 points of its record high set on Aug. 6.", "1999-03-12")
    assert got == {"Aug. 6": ("DATE", "1998-08-06")}


def test_a_time_planned_for_in_a_present_clause_lies_ahead(nlp):
    assert _found(nlp, "Sentencing is set for August.", "2007-06-19") == {"August": ("DATE", "2007-08")}
    assert _found(nlp, "The trial is scheduled for March.", "2007-06-19") == {"March": ("DATE", "2008-03")}


def test_a_verb_joined_to_another_shares_its_tense_and_due_lies_ahead(nlp):
    got = _found(nlp, "The bank said it would close 35 branches and cut 1,100 jobs by the end of March.", "2008-10-17")
    assert got == {"the end of March": ("DATE", "2009-03")}
    assert _found(nlp, "The bank closed 35 branches and cut jobs in March.", "2008-10-17") == {"March": ("DATE", "2008-03")}
    # a joined verb with a subject of its own keeps its own tense
    text = "Critics asked whether the council should be spending so much, and protesters handed out leaflets on Friday."
    assert _found(nlp, text, "2011-03-13") == {"Friday": ("DATE", "2011-03-11")}
    got = _found(nlp, "The threat was aimed at local elections due in the autumn.", "2003-01-12")
    assert got == {"the autumn": ("DATE", "2003-FA")}


def test_a_day_after_the_planned_clock_is_planned_too(nlp):
    got = _found(nlp, "A commission hearing has been set down for 10 am on Friday.", "1990-03-14")
    assert got == {"10 am": ("TIME", "1990-03-16T10:00"), "Friday": ("DATE", "1990-03-16")}
    assert _found(nlp, "The rally was planned on Saturday.", "1990-03-14") == {"Saturday": ("DATE", "1990-03-10")}


def test_hours_ago_are_the_same_day_and_speeds_and_ranks_are_no_times(nlp):
    got = _found(nlp, "The prime minister announced a few hours ago that he will step down.", "2016-06-24")
    assert got == {"a few hours ago": ("DATE", "2016-06-24")}
    assert _found(nlp, "Winds topped two hundred miles an hour.", "2016-06-24") == {}
    assert _found(nlp, "Two players finished joint second after each carded 68.", "2016-06-24") == {}


def test_easter_week_and_a_holiday_weekend(nlp):
    got = _found(nlp, "Candidates have spent the Easter week knocking on doors.", "2015-04-02")
    assert got == {"the Easter week": ("DATE", "2015-W14")}
    got = _found(nlp, "Candidates head into the bank holiday weekend.", "2015-04-02")
    assert got == {"the bank holiday weekend": ("DATE", "2015-W14-WE")}


def test_clock_times_said_in_words_and_with_a_part_of_the_day(nlp):
    got = _found(nlp, "The quake hit at about three-thirty this morning.", "2009-04-06")
    assert got == {"about three-thirty this morning": ("TIME", "2009-04-06T03:30")}
    got = _found(nlp, "The plane landed at 5 o'clock yesterday afternoon.", "2009-04-06")
    assert got == {"5 o'clock yesterday afternoon": ("TIME", "2009-04-05T17:00")}
    assert _found(nlp, "He bought twenty-five shares.", "2009-04-06") == {}


def test_a_part_of_a_day_told_back_with_no_day_told_is_of_the_writing(nlp):
    got = _found(nlp, "The bus had been travelling fast since leaving the town the previous evening.", "2013-12-02")
    assert got == {"the previous evening": ("TIME", "2013-12-01TEV")}


def test_the_week_ending_a_day_an_upper_case_dateline_and_counts_inside_words(nlp):
    got = _found(nlp, "Inflation rose in the week ended June 26.", "2004-07-08")
    assert got == {"the week": ("DATE", "2004-W26"), "June 26": ("DATE", "2004-06-26")}
    got = _found(nlp, "THIRUVANANTHAPURAM, OCT. 13. The Opposition announced protests.", "2002-10-14")
    assert got == {"OCT. 13": ("DATE", "2002-10-13")}
    assert _found(nlp, "The plant will defer the 60,000-barrel-a-day second stage.", "2008-04-15") == {}
    got = _found(nlp, "Net profit for the 1996/97 business year reached 41.2 billion yen.", "1997-05-02")
    assert got == {"the 1996/97 business year": ("DATE", "1996")}
    assert _found(nlp, "Winds of up to 180 kilometres (110 miles) per hour hit the coast.", "1998-03-10") == {}


def test_a_day_of_the_month_just_behind_the_writing_is_not_a_year_ahead(nlp):
    text = "The family said it would fight the order to return the boy by Jan. 14."
    assert _found(nlp, text, "2000-01-15") == {"Jan. 14": ("DATE", "2000-01-14")}
    text = "The company had a loss in the quarter that ended Oct. 31."
    assert _found(nlp, text, "1989-10-27") == {"the quarter": ("DATE", "1988-Q3"), "Oct. 31": ("DATE", "1988-10-31")}


def test_a_season_told_after_a_date_is_counted_from_it(nlp):
    got = _found(nlp, "The plant opened in October 2009 and closed the following spring.", "2014-06-12")
    assert got["the following spring"] == ("DATE", "2010-SP")
    got = _found(nlp, "The storm hit on Jan. 5, 2010; that winter was the coldest in decades.", "2014-06-12")
    assert got["that winter"] == ("DATE", "2009-WI")
    got = _found(nlp, "The talks failed in March 2011, after a calm the previous autumn.", "2014-06-12")
    assert got["the previous autumn"] == ("DATE", "2010-FA")
    assert _found(nlp, "The museum will reopen the following spring.", "2014-06-12") == {"the following spring": ("DATE", "2015-SP")}


def test_what_is_promised_for_a_month_lies_ahead(nlp):
    got = _found(nlp, "The interim government has promised a presidential election in July.", "2013-04-11")
    assert got == {"July": ("DATE", "2013-07")}
    assert _found(nlp, "The president vowed new elections in May.", "2013-04-11") == {"May": ("DATE", "2013-05")}
    assert _found(nlp, "He promised in March to resign.", "2013-04-11") == {"March": ("DATE", "2013-03")}


def test_hours_later_than_a_clock_time_are_a_time_of_day(nlp):
    text = "The prisoners escaped at 2 a.m. Guards found the breach during a headcount about three hours later."
    assert _found(nlp, text, "2015-01-08")["about three hours later"] == ("TIME", "2015-01-08T05:00")
    text = "He arrived at midnight and left 45 minutes later."
    # the midnight told as past is the one the day written began with
    assert _found(nlp, text, "2015-01-08")["45 minutes later"] == ("TIME", "2015-01-08T00:45")
    assert _found(nlp, "She left three hours later.", "2015-01-08") == {"three hours": ("DURATION", "PT3H")}


def test_two_counts_ago_keep_what_both_dates_share(nlp):
    got = _found(nlp, "I would have had to give up two or three years ago.", "2015-11-12")
    assert got == {"two or three years ago": ("DATE", "201X")}
    assert _found(nlp, "He left two or three days ago.", "2015-11-12") == {"two or three days ago": ("DATE", "2015-11-XX")}
    assert _found(nlp, "He left three days ago.", "2015-11-12") == {"three days ago": ("DATE", "2015-11-09")}


def test_a_fortnight_with_an_adjective_or_told_back_and_a_mid_part_of_the_day(nlp):
    assert _found(nlp, "Shares recovered after a turbulent fortnight.", "2012-05-24") == {"fortnight": ("DURATION", "P2W")}
    assert _found(nlp, "Prices rose over the last fortnight.", "2012-05-24") == {"the last fortnight": ("DURATION", "P2W")}
    assert _found(nlp, "Talks began mid-morning.", "2012-05-24") == {"mid-morning": ("TIME", "2012-05-24TMO")}


def test_a_nouns_month_in_a_clause_about_what_will_come_lies_ahead(nlp):
    text = "Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December."
    assert _found(nlp, text, "1998-03-04") == {"December": ("DATE", "1998-12")}
    text = "Officials said a ceremony in December drew thousands."
    assert _found(nlp, text, "1998-03-04") == {"December": ("DATE", "1997-12")}


def test_a_month_a_year_is_ending_in_lies_ahead_unless_told_as_past(nlp):
    text = "The firm now expects revenue of 1.7 billion dollars for the year ending in January."
    assert _found(nlp, text, "2012-05-24")["January"] == ("DATE", "2013-01")
    assert _found(nlp, "Sales for the fiscal year ending March 31 rose.", "2012-05-24")["March 31"] == ("DATE", "2012-03-31")


def test_every_few_days_and_a_rate_in_any_currency_are_sets(nlp):
    assert _found(nlp, "Every few days she walks along the road.", "2014-09-30") == {"Every few days": ("SET", "PXD")}
    assert _found(nlp, "The sensors cost 300,000 yen a year.", "2014-09-30") == {"a year": ("SET", "P1Y")}
    assert _found(nlp, "It costs 5,000 rupees a month.", "2014-09-30") == {"a month": ("SET", "P1M")}


def test_a_year_beside_a_part_of_the_day_does_not_keep_it_from_the_writing_day(nlp):
    text = "In Europe, the index was down about 5 percent by mid-afternoon, on course for its worst day since 2008."
    assert _found(nlp, text, "2015-08-24")["mid-afternoon"] == ("TIME", "2015-08-24TAF")


def test_a_day_after_things_counted_is_a_rate(nlp):
    assert _found(nlp, "A bridge carrying around 30,000 vehicles a day will close.", "2013-01-09") == {"a day": ("SET", "P1D")}
    got = _found(nlp, "The KSRTC was losing nearly Rs. 1 crore a month.", "2002-10-14")
    assert got == {"a month": ("SET", "P1M")}
    assert _found(nlp, "He stayed a day.", "2013-01-09") == {"a day": ("DURATION", "P1D")}


def test_a_percentage_or_an_amount_in_brackets_before_a_unit_make_a_rate(nlp):
    got = _found(nlp, "The offer included raises of 2.5 percent a year.", "2012-05-14")
    assert got == {"a year": ("SET", "P1Y")}
    got = _found(nlp, "The strike costs 40 million Canadian dollars ($40 million) a day.", "2012-05-14")
    assert got == {"a day": ("SET", "P1D")}
    assert _found(nlp, "We gave them a day to decide.", "2012-05-14") == {"a day": ("DURATION", "P1D")}


def test_a_length_between_two_counts_is_one_expression_of_unknown_amount(nlp):
    got = _found(nlp, "Those who slept seven to eight hours were fine.", "2013-01-09")
    assert got == {"seven to eight hours": ("DURATION", "PTXH")}
    assert _found(nlp, "The next three to four weeks are crucial.", "2013-01-09") == {
        "The next three to four weeks": ("DURATION", "PXW")}
    assert _found(nlp, "The term was cut from five to three years.", "2013-01-09") == {"three years": ("DURATION", "P3Y")}


def test_a_season_of_sport_is_counted_in_years(nlp):
    got = _found(nlp, "He spent much of last season on the Challenger circuit.", "2015-01-26")
    assert got == {"last season": ("DATE", "2014")}
    got = _found(nlp, "Nunn has kicked 31 goals this season.", "1999-05-22")
    assert got == {"this season": ("DATE", "1999")}
    got = _found(nlp, "He played through pain for most of the next three seasons.", "2015-01-26")
    assert got == {"the next three seasons": ("DURATION", "P3Y")}
    assert _found(nlp, "The holiday season starts.", "2015-01-26") == {}


def test_clock_times_in_words_of_the_day_and_the_end_of_the_year_after_a_clause(nlp):
    assert _found(nlp, "We met at 4 in the afternoon.", "2006-09-09") == {"4 in the afternoon": ("TIME", "2006-09-09T16:00")}
    got = _found(nlp, "The theatre is to close at the end of the year after losing its grant.", "2006-09-09")
    assert got == {"the end of the year": ("DATE", "2006")}


def test_a_verb_last_and_a_comparison_are_no_part_of_a_time(nlp):
    assert _found(nlp, "The trial, which is expected to last ten weeks, continues.", "2013-01-31") == {
        "ten weeks": ("DURATION", "P10W")}
    got = _found(nlp, "Swallows are arriving more than a week earlier than they did.", "2001-06-21")
    assert got == {"more than a week": ("DURATION", "P1W")}


def test_the_end_of_the_quarter_is_the_quarter_told_of_else_the_current_one(nlp):
    got = _found(nlp, "Inflation should be closer to 6 per cent by the end of the quarter.", "2004-07-08")
    assert got == {"the end of the quarter": ("DATE", "2004-Q3")}
    got = _found(nlp, "Profit rose in the second quarter. Sales slowed toward the end of the quarter.", "2004-07-08")
    assert got["the end of the quarter"] == ("DATE", "2004-Q2")


def test_the_previous_evening_counts_from_a_clock_time_told_two_sentences_before(nlp):
    text = ("The bus left the road at about 3:30 a.m. local time. Rescuers worked through the morning. "
            "Survivors said the bus had been travelling fast since leaving the town the previous evening.")
    assert _found(nlp, text, "2013-12-02")["the previous evening"] == ("TIME", "2013-12-01TEV")


def test_a_season_as_the_subject_or_after_at_least_is_a_time(nlp):
    got = _found(nlp, "The Welsh government said the winter had been exceptionally difficult.", "2013-04-22")
    assert got == {"the winter": ("DATE", "2012-WI")}
    assert _found(nlp, "The summer was the hottest on record.", "2013-04-22") == {"The summer": ("DATE", "2012-SU")}
    got = _found(nlp, "Conditions will remain difficult until at least the autumn.", "1997-05-02")
    assert got == {"the autumn": ("DATE", "1997-FA")}
    assert _found(nlp, "The fall in prices hurt.", "2013-04-22") == {}


def test_last_and_the_month_just_before_is_a_year_back(nlp):
    assert _found(nlp, "The bank has raised rates since last February.", "1995-03-28") == {"last February": ("DATE", "1994-02")}
    assert _found(nlp, "He left last April.", "1989-10-27") == {"last April": ("DATE", "1989-04")}


def test_the_previous_or_following_weekday_counts_from_the_day_told(nlp):
    text = "The index closed at 2082.1 on Friday, down 4.5% from the previous Friday."
    assert _found(nlp, text, "1989-10-30")["the previous Friday"] == ("DATE", "1989-10-20")
    text = "He was arrested on Oct. 12. The following Monday he was released."
    assert _found(nlp, text, "1989-10-30")["The following Monday"] == ("DATE", "1989-10-16")


def test_a_time_told_as_before_a_clause_about_what_will_come_is_not_ahead(nlp):
    text = "The Fed is expected to hold rates steady in the coming months, following its quarter-point increase on June 30."
    assert _found(nlp, text, "1999-07-30")["June 30"] == ("DATE", "1999-06-30")


def test_earlier_in_the_week_and_that_week_are_the_week_told_of(nlp):
    got = _found(nlp, "Bond prices, which had rallied earlier in the week, were little changed.", "1990-01-12")
    assert got == {"earlier in the week": ("DATE", "1990-W02")}
    got = _found(nlp, "Prices rose 0.5% in December, as the cold late in the month sent them soaring.", "1990-01-12")
    assert got["late in the month"] == ("DATE", "1989-12")
    got = _found(nlp, "He was arrested on Tuesday. That week, he had fled.", "1990-01-12")
    assert got["That week"] == ("DATE", "1990-W02")


def test_a_day_something_was_done_by_is_past(nlp):
    assert _found(nlp, "By Saturday, the frame was up.", "1999-10-06") == {"Saturday": ("DATE", "1999-10-02")}
    assert _found(nlp, "The frame will be up by Saturday.", "1999-10-06") == {"Saturday": ("DATE", "1999-10-09")}


def test_the_christmas_season_is_that_december(nlp):
    got = _found(nlp, "Heavy markdowns after a disappointing Christmas season squeezed margins.", "1988-03-15")
    assert got == {"Christmas season": ("DATE", "1987-12")}
    assert _found(nlp, "Shops expect record sales at Christmas.", "1988-03-15") == {"Christmas": ("DATE", "1988-12-25")}


def test_the_year_earlier_quarter_with_none_told_is_the_last_ended_a_year_back(nlp):
    got = _found(nlp, "Earnings are expected to rise about 14% from the year-earlier quarter, analysts said.", "1992-07-14")
    assert got == {"the year-earlier quarter": ("DATE", "1991-Q2")}


def test_every_weekday_with_its_part_of_the_day_is_one_set(nlp):
    got = _found(nlp, "The market opens every Saturday morning.", "2024-03-13")
    assert got == {"every Saturday morning": ("SET", "XXXX-WXX-6TMO")}
    assert _found(nlp, "She runs every morning.", "2024-03-13") == {"every morning": ("SET", "XXXX-XX-XXTMO")}


def test_a_clock_time_of_a_habit_has_no_day(nlp):
    got = _found(nlp, "The council meets on Mondays at 7 p.m.", "2024-03-13")
    assert got == {"Mondays": ("SET", "XXXX-WXX-1"), "7 p.m.": ("TIME", "XXXX-XX-XXT19:00")}
    got = _found(nlp, "The shop opens daily at 9 a.m.", "2024-03-13")
    assert got == {"daily": ("SET", "P1D"), "9 a.m.": ("TIME", "XXXX-XX-XXT09:00")}
    got = _found(nlp, "Since March 2, the library has been open until 5 p.m. on Sundays.", "2024-03-13")
    assert got["5 p.m."] == ("TIME", "XXXX-XX-XXT17:00")


def test_that_quarter_after_a_day_is_the_quarter_of_that_day(nlp):
    got = _found(nlp, "The plant closed on Aug. 3. Results for that quarter included a write-down.", "1989-10-27")
    assert got == {"Aug. 3": ("DATE", "1989-08-03"), "that quarter": ("DATE", "1989-Q3")}


def test_weekends_and_weekday_plurals_recur(nlp):
    got = _found(nlp, "The pool is open every weekend, and the library at weekends.", "2024-03-13")
    assert got == {"every weekend": ("SET", "XXXX-WXX-WE"), "weekends": ("SET", "XXXX-WXX-WE")}
    assert _found(nlp, "The last two weekends were busy.", "2024-03-13") == {}
    got = _found(nlp, "It has been open Mondays, Wednesdays and Fridays since March 23.", "2021-09-12")
    assert got["Mondays"] == ("SET", "XXXX-WXX-1") and got["Fridays"] == ("SET", "XXXX-WXX-5")


def test_a_weekday_listed_beside_a_set_recurs_too(nlp):
    got = _found(nlp, "They ate in the same booth every Tuesday and Thursday for 20 years.", "2021-09-12")
    assert got["Thursday"] == ("SET", "XXXX-WXX-4")
    got = _found(nlp, "The band played Friday and Saturday nights at the club.", "2021-09-12")
    assert got == {"Friday": ("SET", "XXXX-WXX-5TNI"), "Saturday nights": ("SET", "XXXX-WXX-6TNI")}
    got = _found(nlp, "On Monday and Tuesday, talks continued.", "2021-09-12")
    assert got == {"Monday": ("DATE", "2021-09-06"), "Tuesday": ("DATE", "2021-09-07")}


def test_a_weekday_after_a_is_no_day_in_particular(nlp):
    got = _found(nlp, "Households normally served on a Monday will wait.", "2017-12-22")
    assert got == {"a Monday": ("DATE", "XXXX-WXX-1")}
    got = _found(nlp, "It started with a few painters on a Saturday afternoon.", "2017-12-22")
    assert got == {"a Saturday afternoon": ("TIME", "XXXX-WXX-6TAF")}
    assert _found(nlp, "In a Wednesday media event, Apple released laptops.", "2010-10-23") == {
        "Wednesday": ("DATE", "2010-10-20")}


def test_new_year_is_january_first_unless_another_calendars(nlp):
    got = _found(nlp, "Collections will run late over the Christmas and New Year period.", "2017-12-22")
    assert got == {"Christmas": ("DATE", "2017-12-25"), "New Year": ("DATE", "2018-01-01")}
    assert _found(nlp, "Crowds gathered for Lunar New Year celebrations.", "2017-12-22") == {}


def test_a_part_of_the_day_before_or_after_the_day_told(nlp):
    got = _found(nlp, "The storm hit on Saturday. Winds had brought down two marquees the night before.", "2001-10-28")
    assert got["the night before"] == ("TIME", "2001-10-26TNI")
    got = _found(nlp, "She left on May 3 and returned the morning after.", "2001-10-28")
    assert got["the morning after"] == ("TIME", "2001-05-04TMO")
    assert "the night before" not in _found(nlp, "They met the night before the election.", "2001-10-28")


def test_a_clock_time_with_minutes_in_the_morning(nlp):
    got = _found(nlp, "The train left at 4.15 in the afternoon.", "2013-02-18")
    assert got == {"4.15 in the afternoon": ("TIME", "2013-02-18T16:15")}


def test_a_clock_time_takes_the_day_or_the_set_nearer_it(nlp):
    text = "At about 7.50am on August 15 last year, his van struck a cyclist on his way to a weekly shift."
    assert _found(nlp, text, "2025-06-04")["about 7.50am"] == ("TIME", "2024-08-15T07:50")


def test_a_live_reports_entry_time_is_of_the_day_written(nlp):
    text = "Updates through the day.\n\n1:30 p.m. — The testing site will run daily from 9 a.m.\n\n"
    got = _found(nlp, text, "2020-04-02")
    assert got["1:30 p.m."] == ("TIME", "2020-04-02T13:30")
    assert got["9 a.m."] == ("TIME", "XXXX-XX-XXT09:00")
    text = ("Flights were grounded on Monday.\n\n"
            "7:00 a.m. Gusts reached 78 mph on Cape Cod overnight, forecasters said this morning.\n\n"
            "7 p.m. Dinner at the hall\n")
    got = _found(nlp, text, "2015-01-27")
    assert got["7:00 a.m."] == ("TIME", "2015-01-27T07:00") and got["7 p.m."] == ("TIME", "2015-01-26T19:00")


def test_a_set_of_years_in_another_clause_leaves_a_clock_time_its_day(nlp):
    text = ('"Every year the poorest kids get the least," said a lawmaker after the meeting broke up '
            "around 10 p.m.")
    got = _found(nlp, text, "1996-05-09")
    assert got["around 10 p.m."][1].startswith("1996-05-0")
    text = '"Every year we have parents running up at 10:05 wondering where the eggs went."'
    assert _found(nlp, text, "2015-04-04")["10:05"] == ("TIME", "XXXX-XX-XXT10:05")


def test_a_morning_time_after_a_night_told_before_is_the_next_morning(nlp):
    text = "She spent the night in a cornfield. Aftershocks rattled the area, the strongest at 7:15 a.m."
    assert _found(nlp, text, "1997-10-07")["7:15 a.m."] == ("TIME", "1997-10-07T07:15")
    # a night told after the time is no night before it
    text = "Polls would open at 7 a.m., with results expected late on Tuesday night."
    assert _found(nlp, text, "2015-05-08")["7 a.m."] == ("TIME", "2015-05-12T07:00")


def test_a_clock_time_takes_its_day_from_the_sentence_before(nlp):
    got = _found(nlp, "A tornado struck the town on Monday. It touched down shortly before 9 p.m.", "2000-04-18")
    assert got["9 p.m."] == ("TIME", "2000-04-17T21:00")


def test_a_weekday_after_regular_or_weekly_recurs(nlp):
    got = _found(nlp, "Commissioners will hold their regular Thursday meeting by video.", "2020-04-02")
    assert got == {"Thursday": ("SET", "XXXX-WXX-4")}
    got = _found(nlp, "The carrier plans to resume its weekly Saturday service from July 3.", "2020-04-02")
    assert got == {"weekly Saturday": ("SET", "XXXX-WXX-6"), "July 3": ("DATE", "2020-07-03")}


def test_the_following_decade_and_that_month_count_from_the_year_told(nlp):
    got = _found(nlp, "He returned home in 1979 and spent much of the following decade teaching.", "2017-01-17")
    assert got["following decade"] == ("DATE", "198")
    got = _found(nlp, "His 1961 album, recorded over two sessions that October, sold modestly.", "2017-01-17")
    assert got["that October"] == ("DATE", "1961-10")


def test_a_second_before_a_comma_and_a_word_is_an_ordinal(nlp):
    assert _found(nlp, "A second, smaller crowd stayed until late.", "2020-04-02") == {}
    assert _found(nlp, "He paused for a second, then spoke.", "2020-04-02") == {"a second": ("DURATION", "PT1S")}


def test_so_many_days_a_week_is_one_set(nlp):
    got = _found(nlp, "The airline has flown the route only three days a week since last April.", "2021-05-04")
    assert got["three days a week"] == ("SET", "P1W")
    got = _found(nlp, "Teenagers who sleep fewer than seven hours a night are more likely to be tired.", "2021-05-04")
    assert got == {"fewer than seven hours": ("DURATION", "PT7H"), "a night": ("SET", "P1D")}
    assert _found(nlp, "She spent several nights in hospital.", "2021-05-04") == {"several nights": ("DURATION", "PXD")}


def test_a_weekday_after_its_clock_time_is_placed_by_the_clocks_clause(nlp):
    got = _found(nlp, "A reception in her honor is set for 4 p.m. Wednesday in the school library.", "2023-06-10")
    assert got == {"4 p.m. Wednesday": ("TIME", "2023-06-14T16:00")}


def test_a_week_on_thursday_is_the_thursday_after_next(nlp):
    got = _found(nlp, "Voters go to the polls a week on Thursday to elect councillors.", "2024-04-23")
    assert got == {"a week on Thursday": ("DATE", "2024-05-02")}
    assert _found(nlp, "The hearing resumes Thursday week.", "2024-04-23") == {"Thursday week": ("DATE", "2024-05-02")}


def test_what_should_be_lies_ahead(nlp):
    got = _found(nlp, "The new beds should be open before Christmas.", "2009-03-31")
    assert got == {"Christmas": ("DATE", "2009-12-25")}


def test_this_time_last_year_is_the_month_a_year_back(nlp):
    got = _found(nlp, "Wheat is trading below where it was this time last year.", "2023-10-21")
    assert got == {"this time last year": ("DATE", "2022-10")}


def test_a_season_in_a_year_and_a_fall_that_is_no_season(nlp):
    got = _found(nlp, "The harvest was close to record levels after a wet spring in 1998.", "1999-09-03")
    assert got == {"spring": ("DATE", "1998-SP"), "1998": ("DATE", "1998")}
    assert _found(nlp, "The drug caused a significant fall in enzyme levels.", "1999-09-03") == {}


def test_fortnightly_is_every_two_weeks(nlp):
    got = _found(nlp, "The plan includes a move to fortnightly bin collections from September.", "2024-04-23")
    assert got == {"fortnightly": ("SET", "P2W"), "September": ("DATE", "2024-09")}


def test_last_or_next_weekday_is_never_yesterday_or_tomorrow(nlp):
    got = _found(nlp, "The order took effect last Wednesday.", "2020-04-02")  # a Thursday
    assert got == {"last Wednesday": ("DATE", "2020-03-25")}
    got = _found(nlp, "The board will meet next Thursday.", "2001-05-30")  # a Wednesday
    assert got == {"next Thursday": ("DATE", "2001-06-07")}
    got = _found(nlp, "The order took effect last Monday.", "2020-04-02")
    assert got == {"last Monday": ("DATE", "2020-03-30")}


def test_the_weekdays_of_a_timetable_recur(nlp):
    got = _found(nlp, "The museum is open Tuesday through Sunday from 10 a.m. to 5 p.m.", "2019-07-22")
    assert got == {"Tuesday": ("SET", "XXXX-WXX-2"), "Sunday": ("SET", "XXXX-WXX-7"),
                   "10 a.m.": ("TIME", "XXXX-XX-XXT10:00"), "5 p.m.": ("TIME", "XXXX-XX-XXT17:00")}
    got = _found(nlp, "Talks will run from Monday to Friday, starting at 9 a.m.", "2019-07-22")
    assert got["Monday"] == ("DATE", "2019-07-22") and got["Friday"] == ("DATE", "2019-07-26")


def test_a_clock_time_told_as_past_takes_no_day_still_to_come(nlp):
    text = ("Council members spent four hours Monday night on a budget for the fiscal year that begins July 1, "
            "and the meeting broke up shortly before 11 p.m.")
    assert _found(nlp, text, "1995-03-14")["11 p.m."] == ("TIME", "1995-03-13T23:00")


def test_a_past_clock_time_beside_only_days_to_come_is_of_the_day_written(nlp):
    text = "Attorneys questioned the first group until shortly after 4:30 p.m. and will resume at 9 a.m. Tuesday."
    got = _found(nlp, text, "2017-09-11")
    assert got == {"4:30 p.m.": ("TIME", "2017-09-11T16:30"), "9 a.m. Tuesday": ("TIME", "2017-09-12T09:00")}


def test_a_timetables_clock_times_do_not_join_its_first_weekday(nlp):
    got = _found(nlp, "Stop-go lights will operate from 7am to 7pm, Monday to Friday.", "2007-01-25")
    assert got == {"7am": ("TIME", "XXXX-XX-XXT07:00"), "7pm": ("TIME", "XXXX-XX-XXT19:00"),
                   "Monday": ("SET", "XXXX-WXX-1"), "Friday": ("SET", "XXXX-WXX-5")}


def test_the_week_ended_a_day_is_the_week_and_the_day(nlp):
    text = "The department received 87 flu reports for the week ending Jan. 15, compared with 19 the week before."
    got = _found(nlp, text, "2011-01-19")
    assert got == {"the week": ("DATE", "2011-W02"), "Jan. 15": ("DATE", "2011-01-15"), "the week before": ("DATE", "2011-W01")}
    assert _found(nlp, "Sales rose in the week of March 6.", "2011-01-19") == {"the week of March 6": ("DATE", "2010-W09")}


def test_a_part_of_a_day_named_and_that_weekday_counted_from_the_day_told(nlp):
    text = ("The child was seen on the evening of Feb. 11. Anyone in the room between 5 p.m. and 10 p.m. "
            "that Friday, or between noon and 6 p.m. that Sunday, should call.")
    got = _found(nlp, text, "2011-02-18")
    assert got["the evening of Feb. 11"] == ("TIME", "2011-02-11TEV")
    assert got["that Friday"] == ("DATE", "2011-02-11") and got["10 p.m."] == ("TIME", "2011-02-11T22:00")
    assert got["that Sunday"] == ("DATE", "2011-02-13") and got["noon"] == ("TIME", "2011-02-13T12:00")


def test_through_the_night_is_the_night_told_of_or_the_one_before_the_writing(nlp):
    got = _found(nlp, "Crews worked through the night and expect supply restored by tomorrow.", "2008-01-22")
    assert got == {"the night": ("TIME", "2008-01-21TNI"), "tomorrow": ("DATE", "2008-01-23")}
    got = _found(nlp, "The closing concert on Sunday is expected to run well into the night.", "2001-06-14")
    assert got == {"Sunday": ("DATE", "2001-06-17"), "the night": ("TIME", "2001-06-17TNI")}
    assert _found(nlp, "They stayed through the night of June 5.", "2008-06-09") == {"the night of June 5": ("TIME", "2008-06-05TNI")}


def test_the_week_a_market_report_closes(nlp):
    got = _found(nlp, "The Dow finished the week with a gain of 87 points and was up 1.8% for the week.", "1995-05-12")
    assert got == {"the week": ("DATE", "1995-W19")}
    assert _found(nlp, "He was named player of the week.", "1995-05-12") == {}
    # told as past on a Monday, the week before
    assert _found(nlp, "For the week, the index dropped 3.8%.", "1989-10-30") == {"the week": ("DATE", "1989-W43")}


def test_the_end_of_a_year_told_as_past_is_the_year_before(nlp):
    got = _found(nlp, "Consumer debt stood at $718.9 billion at the end of the year, the Fed said.", "1990-02-08")
    assert got == {"the end of the year": ("DATE", "1989")}
    assert _found(nlp, "The index has risen 12% since year-end.", "1989-10-30") == {"year-end": ("DATE", "1988")}
    assert _found(nlp, "It hopes to cut $500 million by the end of the year.", "1989-10-30") == {"the end of the year": ("DATE", "1989")}


def test_the_end_of_the_century_is_the_writings_century(nlp):
    got = _found(nlp, "They want a treaty on the border before the end of the century.", "1997-12-03")
    assert got == {"the end of the century": ("DATE", "19")}


def test_this_season_is_the_one_of_the_writings_year(nlp):
    got = _found(nlp, "Students face the biggest tuition increase in the school's history this fall.", "2003-04-16")
    assert got == {"this fall": ("DATE", "2003-FA")}
    assert _found(nlp, "Snow has been scarce this winter.", "2002-03-08") == {"this winter": ("DATE", "2002-WI")}


def test_labor_day_and_the_weekends_named_after_feasts(nlp):
    assert _found(nlp, "The replica will stay on display through Labor Day.", "2019-07-22") == {"Labor Day": ("DATE", "2019-09-02")}
    got = _found(nlp, "Sales will rise over the Memorial Day weekend.", "2012-05-10")
    assert got == {"the Memorial Day weekend": ("DATE", "2012-W21-WE")}  # the weekend before the Monday
    got = _found(nlp, "Traffic was heavy over the Thanksgiving weekend.", "2011-12-02")
    assert got == {"the Thanksgiving weekend": ("DATE", "2011-W47-WE")}  # the weekend after the Thursday
    got = _found(nlp, "Drivers returned from the New Year's holiday weekend.", "2012-01-03")
    assert got == {"the New Year's holiday weekend": ("DATE", "2011-W52-WE")}
    got = _found(nlp, "Rail workers to strike over Easter weekend", "2008-03-15")  # a headline, with no "the"
    assert got == {"Easter weekend": ("DATE", "2008-W12-WE")}
    got = _found(nlp, "Traffic was heavy over the Presidents' Day weekend.", "2011-03-02")
    assert got == {"the Presidents' Day weekend": ("DATE", "2011-W07-WE")}  # Monday, February 21


def test_feasts_that_move_with_a_weekday_thanksgiving_or_easter(nlp):
    got = _found(nlp, "City offices will be closed for Martin Luther King Jr. Day.", "2011-01-14")
    assert got == {"Martin Luther King Jr. Day": ("DATE", "2011-01-17")}  # the third Monday of January
    got = _found(nlp, "Black Friday crowds were thin, but sales rose on Cyber Monday.", "2011-12-02")
    assert got == {"Black Friday": ("DATE", "2011-11-25"), "Cyber Monday": ("DATE", "2011-11-28")}
    got = _found(nlp, "Churches were full on Palm Sunday and Ash Wednesday.", "2013-04-10")
    assert got == {"Palm Sunday": ("DATE", "2013-03-24"), "Ash Wednesday": ("DATE", "2013-02-13")}
    got = _found(nlp, "Workers marched on May Day; the court sits again after All Saints' Day.", "2015-05-04")
    assert got == {"May Day": ("DATE", "2015-05-01"), "All Saints' Day": ("DATE", "2015-11-01")}
    assert _found(nlp, "He had an epiphany about the job.", "2015-05-04") == {}


def test_the_day_a_part_of_the_day_is_of_takes_the_tense_of_its_clause(nlp):
    got = _found(nlp, "On the morning of February 1, hot gases got in through the hole.", "2003-08-26")
    assert got == {"the morning of February 1": ("TIME", "2003-02-01TMO")}
    got = _found(nlp, "The crew will land on the morning of February 1.", "2003-08-26")
    assert got == {"the morning of February 1": ("TIME", "2004-02-01TMO")}


def test_a_clock_time_last_night_is_in_the_evening_and_a_season_in_a_name_is_none(nlp):
    got = _found(nlp, "It was just before eleven o'clock last night when the final whistle blew.", "1998-07-13")
    assert got == {"eleven o'clock last night": ("TIME", "1998-07-12T23:00")}
    assert _found(nlp, "These are the last Winter Games to be held with the Summer Olympics.", "1992-02-08") == {}


def test_mother_s_day_and_april_fools_day(nlp):
    got = _found(nlp, "Growers turn to Mother's Day; it is April Fools' Day.", "2011-02-14")
    assert got == {"Mother's Day": ("DATE", "2011-05-08"), "April Fools' Day": ("DATE", "2011-04-01")}
    assert _found(nlp, "Florists are busy before Mothering Sunday.", "2011-02-14") == {"Mothering Sunday": ("DATE", "2011-04-03")}


def test_holidays_on_a_fixed_day_and_memorial_day(nlp):
    assert _found(nlp, "Studios turn to the long Fourth of July holiday.", "2000-06-26") == {
        "Fourth of July": ("DATE", "2000-07-04")}
    assert _found(nlp, "The replica will stay on display through Memorial Day.", "2000-06-26") == {
        "Memorial Day": ("DATE", "2001-05-28")}
    assert _found(nlp, "He died on Remembrance Day 1998.", "2000-06-26") == {"Remembrance Day 1998": ("DATE", "1998-11-11")}


def test_the_new_year_is_the_one_about_to_begin_or_just_begun(nlp):
    assert _found(nlp, "Talks were put off until the new year.", "2005-12-19") == {"the new year": ("DATE", "2006")}
    assert _found(nlp, "The programs ran for the first time in the new year.", "2000-01-03") == {
        "the new year": ("DATE", "2000")}


def test_what_is_called_for_a_day_lies_ahead(nlp):
    got = _found(nlp, "Unions at the state railway have called a strike for May 11.", "2012-04-26")
    assert got == {"May 11": ("DATE", "2012-05-11")}
    assert _found(nlp, "He called for calm on Monday.", "2012-04-26") == {"Monday": ("DATE", "2012-04-23")}


def test_a_day_a_meeting_has_been_called_for_lies_ahead(nlp):
    got = _found(nlp, "A meeting of the departments concerned has been called for Monday.", "1993-04-22")
    assert got == {"Monday": ("DATE", "1993-04-26")}


def test_an_evening_clock_time_told_as_past_with_no_day_is_the_evening_before(nlp):
    got = _found(nlp, "Hoyt was taken into custody at about 9:30 p.m. at a motel, police said.", "2012-10-31")
    assert got == {"about 9:30 p.m.": ("TIME", "2012-10-30T21:30")}
    # a morning time told as past is of the day written; one still to come is too
    got = _found(nlp, "The fire started at 6:15 a.m. and polls will close at 8 p.m.", "2012-10-31")
    assert got == {"6:15 a.m.": ("TIME", "2012-10-31T06:15"), "8 p.m.": ("TIME", "2012-10-31T20:00")}


def test_the_second_weekday_of_a_range_comes_after_the_first(nlp):
    got = _found(nlp, "Staff will stop work from 6pm on Thursday until 6am on Tuesday.", "2008-03-15")
    assert got == {"6pm": ("TIME", "2008-03-20T18:00"), "Thursday": ("DATE", "2008-03-20"),
                   "6am": ("TIME", "2008-03-25T06:00"), "Tuesday": ("DATE", "2008-03-25")}


def test_a_date_a_dividend_is_payable_on_lies_ahead(nlp):
    got = _found(nlp, "Acme declared a dividend of 12 cents a share, payable April 23 to holders of record on April 4.",
                 "2014-01-31")
    assert got == {"April 23": ("DATE", "2014-04-23"), "April 4": ("DATE", "2014-04-04")}


def test_recent_and_coming_years_are_stretches_of_years(nlp):
    got = _found(nlp, "Prices rose in recent years and will keep rising in the coming months.", "2015-09-06")
    assert got == {"recent years": ("DURATION", "PXY"), "the coming months": ("DURATION", "PXM")}
    got = _found(nlp, "Rates were lower in past years.", "2015-09-06")
    assert got == {"past years": ("DATE", "PAST_REF")}


def test_a_month_of_what_happens_every_year_is_of_any_year(nlp):
    got = _found(nlp, "The monsoon, which typically runs from June to September, has been heavy.", "2015-09-06")
    assert got == {"June": ("DATE", "XXXX-06"), "September": ("DATE", "XXXX-09")}
    assert _found(nlp, "Sales usually rose in June.", "2015-09-06") == {"June": ("DATE", "2015-06")}


def test_last_and_next_before_a_feast_and_the_christmas_period(nlp):
    got = _found(nlp, "Last New Year's Eve, over 800 people were booked.", "2013-12-31")
    assert got == {"Last New Year's Eve": ("DATE", "2012-12-31")}
    assert _found(nlp, "Checks start again next Easter Monday.", "2013-12-31") == {"next Easter Monday": ("DATE", "2014-04-21")}
    assert _found(nlp, "Stay in over the Christmas period.", "2015-12-01") == {"the Christmas period": ("DATE", "2015-12")}


def test_a_quarter_of_a_game_is_no_quarter_of_the_year(nlp):
    assert _found(nlp, "Moynihan threw two touchdown passes in the fourth quarter.", "2012-11-22") == {}
    assert _found(nlp, "Profit rose in the fourth quarter.", "2012-11-22") == {"the fourth quarter": ("DATE", "2012-Q4")}
    got = _found(nlp, "A limited service will run on St Stephen's Day.", "2017-12-22")
    assert got == {"St Stephen's Day": ("DATE", "2017-12-26")}


def test_a_day_of_the_month_said_alone_is_of_the_month_beside_the_writing(nlp):
    assert _found(nlp, "He finished a poem on the 18th and said that would do him.", "2009-01-02") == {
        "the 18th": ("DATE", "2008-12-18")}
    assert _found(nlp, "Stores are expected to open their doors on the 17th.", "2018-10-06") == {
        "the 17th": ("DATE", "2018-10-17")}
    assert _found(nlp, "He won on the 18th hole after a birdie on the 17th.", "2018-10-06") == {}


def test_what_someone_is_certain_or_unlikely_to_do_lies_ahead(nlp):
    assert _found(nlp, "The winner is all but certain to win in November.", "2014-05-04") == {"November": ("DATE", "2014-11")}
    assert _found(nlp, "He is unlikely to run in November.", "2014-05-04") == {"November": ("DATE", "2014-11")}


def test_the_small_hours_after_a_night_are_of_the_next_day(nlp):
    got = _found(nlp, "Last night we had a tanker arrive at around 2 a.m., so we had supply through the morning.", "2021-05-08")
    assert got == {"Last night": ("TIME", "2021-05-07TNI"), "around 2 a.m.": ("TIME", "2021-05-08T02:00"),
                   "the morning": ("TIME", "2021-05-08TMO")}
    # "overnight" after an evening told of is that evening's night; "9am" after it, the morning after
    text = ("The quake struck at 10.14pm on Wednesday. KiwiRail halted trains overnight while crews inspected "
            "the track, and services resumed shortly after 9am.")
    got = _found(nlp, text, "2019-06-20")
    assert got["overnight"] == ("TIME", "2019-06-19TNI")
    assert got["9am"] == ("TIME", "2019-06-20T09:00")


def test_greetings_meeting_minutes_and_the_weekend_as_a_subject(nlp):
    assert _found(nlp, "Thanks, and happy Thanksgiving.", "2019-11-28") == {}
    text = "The dollar rose after minutes of the Fed's latest meeting showed officials favored a slowdown."
    assert _found(nlp, text, "2022-11-24") == {}
    got = _found(nlp, "For families, the weekend brought its own traditions.", "2020-04-12")
    assert got == {"the weekend": ("DATE", "2020-W15-WE")}
    assert _found(nlp, "He reads the weekend edition.", "2020-04-12") == {}


def test_a_day_of_a_month_told_of_every_year_is_of_any_year(nlp):
    assert _found(nlp, "The board typically meets on March 3.", "2015-09-06") == {"March 3": ("DATE", "XXXX-03-03")}


def test_a_year_before_a_result_noun_or_a_kind_of_year_is_that_year(nlp):
    assert _found(nlp, "He said 1991 earnings could fall.", "1990-10-19") == {"1991": ("DATE", "1991")}
    assert _found(nlp, "About 1990 people attended.", "1990-10-19") == {}
    got = _found(nlp, "The 2013 calendar year was the driest on record.", "2014-08-23")
    assert got == {"The 2013 calendar year": ("DATE", "2013")}
    assert _found(nlp, "The empire lasted 1500 years.", "2014-08-23") == {"1500 years": ("DURATION", "P1500Y")}


def test_what_was_expected_or_unlikely_lies_ahead(nlp):
    got = _found(nlp, "He said containment was not expected until July 15.", "2011-07-05")
    assert got == {"July 15": ("DATE", "2011-07-15")}
    got = _found(nlp, "Forecasters said rain was unlikely before Friday.", "2011-07-05")
    assert got == {"Friday": ("DATE", "2011-07-08")}
    got = _found(nlp, "The vote had been expected on Friday.", "2011-07-05")
    assert got == {"Friday": ("DATE", "2011-07-01")}


def test_next_or_this_coming_before_a_dated_weekday_belongs_to_it(nlp):
    got = _found(nlp, "Admission is free through next Sunday, April 28.", "2013-04-19")
    assert got == {"next Sunday, April 28": ("DATE", "2013-04-28")}
    got = _found(nlp, "Women's Day is this coming Sunday, March eighth.", "1998-03-05")
    assert got == {"this coming Sunday, March eighth": ("DATE", "1998-03-08")}


def test_midweek_is_the_week_of_the_nearest_wednesday_on_the_side_told(nlp):
    got = _found(nlp, "Some roads could stay closed until midweek.", "2010-03-14")
    assert got == {"midweek": ("DATE", "2010-W11")}
    assert _found(nlp, "Stocks fell midweek.", "2010-03-14") == {"midweek": ("DATE", "2010-W10")}


def test_new_years_said_alone_is_january_first(nlp):
    got = _found(nlp, "This isn't how I planned to spend New Year's.", "1989-12-30")
    assert got == {"New Year's": ("DATE", "1990-01-01")}
    assert _found(nlp, "The New Year's resolution failed.", "1989-12-30") == {}
    assert _found(nlp, "The Lunar New Year's holiday begins.", "1989-12-30") == {}


def test_a_part_of_a_month_has_the_months_value(nlp):
    got = _found(nlp, "Figures for November are due in the first half of January.", "2004-12-29")
    assert got["the first half of January"] == ("DATE", "2005-01")
    got = _found(nlp, "In the final days of March 2003, troops advanced.", "2004-12-29")
    assert got == {"the final days of March 2003": ("DATE", "2003-03")}
    assert _found(nlp, "Profit rose in the first half of 2004.", "2004-12-29") == {"the first half of 2004": ("DATE", "2004-H1")}


def test_a_clock_time_said_to_be_on_a_day_is_of_that_day(nlp):
    got = _found(nlp, "The survey is due at 8:50 a.m. on Thursday (2350 GMT on Wednesday).", "2004-03-31")
    assert got["8:50 a.m."] == ("TIME", "2004-04-01T08:50")
    assert got["2350 GMT"] == ("TIME", "2004-03-31T23:50")
    # both ends of a range said to be on a day, though the clause is told as past
    got = _found(nlp, "Police have announced restrictions on traffic from 8am to 5pm on Saturday.", "2015-03-27")
    assert (got["8am"], got["5pm"]) == (("TIME", "2015-03-28T08:00"), ("TIME", "2015-03-28T17:00"))


def test_the_year_before_an_amount_is_the_year_but_not_before_what_names_it(nlp):
    got = _found(nlp, "The stock rose to a high for the year of $42.875 a share.", "1989-10-30")
    assert got == {"the year": ("DATE", "1989")}
    assert _found(nlp, "It was the year of the dragon.", "1989-10-30") == {}


def test_results_for_the_year_told_early_in_a_year_are_of_the_year_before(nlp):
    got = _found(nlp, "For the full year, the company earned $302.6 million.", "2006-02-14")
    assert got == {"the full year": ("DATE", "2005")}
    assert _found(nlp, "For the year, sales will rise 5%.", "2006-02-14") == {"the year": ("DATE", "2006")}
    assert _found(nlp, "For the full year, the company earned $302.6 million.", "2006-11-14") == {"the full year": ("DATE", "2006")}


def test_hours_and_minutes_before_this_morning_are_a_clock_time_without_a_preposition(nlp):
    assert _found(nlp, "It was 1:15 this morning.", "1998-04-07") == {"1:15 this morning": ("TIME", "1998-04-07T01:15")}
    assert _found(nlp, "Shares rose 1.15 this morning.", "1998-04-07") == {"this morning": ("TIME", "1998-04-07TMO")}


def test_that_afternoon_and_early_the_next_morning_are_counted_from_the_day_told(nlp):
    got = _found(nlp, "The storm hit on Wednesday. The school had dismissed students early that afternoon.", "2011-04-30")
    assert got["early that afternoon"] == ("TIME", "2011-04-27TAF")
    got = _found(nlp, "The storm hit on Wednesday. Early the next morning, crews arrived.", "2011-04-30")
    assert got["Early the next morning"] == ("TIME", "2011-04-28TMO")


def test_weekdays_are_a_set_and_make_the_clock_times_beside_them_of_any_day(nlp):
    got = _found(nlp, "The shuttle runs from 6 a.m. to 8 p.m. weekdays.", "2001-09-27")
    assert got == {"6 a.m.": ("TIME", "XXXX-XX-XXT06:00"), "8 p.m.": ("TIME", "XXXX-XX-XXT20:00"), "weekdays": ("SET", "XXXX-WXX-WD")}


def test_an_hour_opening_a_range_takes_the_half_of_the_day_of_its_end(nlp):
    got = _found(nlp, "The club will serve breakfast from 7 to 10 a.m. on Saturday.", "2015-04-02")
    assert got["7"] == ("TIME", "2015-04-04T07:00")
    assert _found(nlp, "Lunch is served from 11 to 2 p.m. today.", "2015-04-02")["11"] == ("TIME", "2015-04-02T11:00")
    assert _found(nlp, "Prices rose from 10 to 12 percent.", "2015-04-02") == {}


def test_a_weekday_of_each_month_is_a_set(nlp):
    got = _found(nlp, "The board meets on the second Monday of each month at 7:30 p.m.", "1995-03-14")
    assert got == {"the second Monday of each month": ("SET", "P1M"), "7:30 p.m.": ("TIME", "XXXX-XX-XXT19:30")}


def test_a_clock_time_in_words_before_a_weekday_afternoon_is_in_the_afternoon(nlp):
    got = _found(nlp, "The tornado touched down just before three o'clock on Monday afternoon.", "2013-05-26")
    assert got["three o'clock"] == ("TIME", "2013-05-20T15:00")


def test_this_week_ahead_told_on_a_sunday_is_the_week_starting_next_day(nlp):
    assert _found(nlp, "Parliament will vote this week.", "2017-03-05") == {"this week": ("DATE", "2017-W10")}
    assert _found(nlp, "Parliament voted this week.", "2017-03-05") == {"this week": ("DATE", "2017-W09")}


def test_so_many_days_time_is_that_far_ahead(nlp):
    got = _found(nlp, "In three days' time, Slovenia will adopt the euro.", "2006-12-29")
    assert got == {"three days' time": ("DATE", "2007-01-01")}


def test_a_weekday_after_its_clock_time_takes_the_tense_of_the_clock_time(nlp):
    text = "The order, which took effect at 12:01 a.m. Wednesday, remains in place until at least April 8."
    assert _found(nlp, text, "2020-03-26")["12:01 a.m. Wednesday"] == ("TIME", "2020-03-25T00:01")
    text = "Hollis will host a playoff game at 7 p.m. Friday."
    assert _found(nlp, text, "2022-10-30")["7 p.m. Friday"] == ("TIME", "2022-11-04T19:00")


def test_the_day_a_fiscal_year_ends_is_that_day_of_any_year(nlp):
    assert _found(nlp, "Tillman's fiscal year ends Sept. 30.", "1993-04-10") == {"Sept. 30": ("DATE", "XXXX-09-30")}
    assert _found(nlp, "Its fiscal year ends in September.", "1993-04-10") == {"September": ("DATE", "XXXX-09")}
    assert _found(nlp, "The fiscal year ended Sept. 30.", "1993-04-10")["Sept. 30"] == ("DATE", "1992-09-30")


def test_every_christmas_is_a_set(nlp):
    got = _found(nlp, "Every Fourth of July, every Christmas, their house was where everybody went.", "2017-11-24")
    assert got == {"Every Fourth of July": ("SET", "XXXX-07-04"), "every Christmas": ("SET", "XXXX-12-25")}


def test_a_time_something_was_called_off_at_is_not_a_planned_time(nlp):
    got = _found(nlp, "Organisers called off the race at 10:45 a.m., and said it had been rescheduled for Tuesday.", "1998-02-08")
    assert got == {"10:45 a.m.": ("TIME", "1998-02-08T10:45"), "Tuesday": ("DATE", "1998-02-10")}


def test_what_begins_or_takes_effect_may_begin_on_either_side_of_the_telling(nlp):
    text = "City officials declared a snow emergency, with a parking ban on major roads beginning at 10 a.m. Monday."
    assert _found(nlp, text, "2007-12-30") == {"10 a.m. Monday": ("TIME", "2007-12-31T10:00")}
    text = "Consumers have been unsettled by the labour market reforms taking effect on January 1."
    assert _found(nlp, text, "2004-12-29") == {"January 1": ("DATE", "2005-01-01")}


def test_year_olds_are_ages(nlp):
    assert _found(nlp, "Only 55 percent of 2-year-olds have had their shots.", "1993-03-05") == {}


def test_the_first_or_last_day_of_a_year_or_month_is_that_day(nlp):
    got = _found(nlp, "Trading on the final day of the year was light.", "1993-12-31")
    assert got == {"the final day of the year": ("DATE", "1993-12-31")}
    got = _found(nlp, "Shares rose in the last trading day of 2011.", "2012-01-02")
    assert got == {"the last trading day of 2011": ("DATE", "2011-12-30")}
    assert _found(nlp, "It was the first day of the trial.", "1993-12-31") == {}


def test_a_clock_time_takes_the_day_of_the_event_not_of_the_report(nlp):
    text = ("Police arrested a man Tuesday night in connection with the robberies, authorities said Wednesday. "
            "He was taken into custody at about 9:30 p.m. at a motel.")
    assert _found(nlp, text, "2012-10-31")["about 9:30 p.m."] == ("TIME", "2012-10-30T21:30")
    text = "The ship was boarded on Monday, officials said on Wednesday. The men left at 4 p.m., they said."
    assert _found(nlp, text, "2015-11-25")["4 p.m."] == ("TIME", "2015-11-23T16:00")


def test_a_weekday_something_is_forecast_for_lies_ahead(nlp):
    text = "The Met Office has forecast heavy rain across West Yorkshire on Saturday and Sunday."
    assert _found(nlp, text, "2012-06-08") == {"Saturday": ("DATE", "2012-06-09"), "Sunday": ("DATE", "2012-06-10")}
    text = "Forecasters predicted more heavy rain for the region through Tuesday."
    assert _found(nlp, text, "2015-09-06") == {"Tuesday": ("DATE", "2015-09-08")}


def test_a_possessive_weekday_after_a_reporting_verb_does_not_date_the_saying(nlp):
    text = "Town leaders said Monday's Memorial Day service at the cemetery would go on as planned."
    assert _found(nlp, text, "2012-05-27")["Monday"] == ("DATE", "2012-05-28")
    assert _found(nlp, "Officials said Monday the service would go on.", "2012-05-27")["Monday"] == ("DATE", "2012-05-21")


def test_midnight_opening_a_morning_or_told_after_on_a_day_is_that_days_start(nlp):
    got = _found(nlp, "Snow led to more than 200 accidents between midnight and noon.", "2002-03-08")
    assert got["midnight"] == ("TIME", "2002-03-08T00:00")
    got = _found(nlp, "The fire started just after midnight on September 14th.", "1999-10-06")
    assert got["midnight"] == ("TIME", "1999-09-14T00:00")
    assert _found(nlp, "The store opens at midnight.", "2002-03-08")["midnight"] == ("TIME", "2002-03-08T24:00")


def test_the_quarter_ended_on_a_day_is_the_three_months_up_to_it_unless_named_fiscal(nlp):
    text = ("A stronger dollar could trim results in the fourth quarter. "
            "For the quarter ended Sept. 30, the maker of patient monitors earned $14.2 million.")
    assert _found(nlp, text, "1994-10-19")["the quarter"] == ("DATE", "1994-Q3")
    text = "Net income for the quarter, which ended Jan. 30, rose 8%."
    assert _found(nlp, text, "1994-03-01")["the quarter"] == ("DATE", "1993-Q4")
    text = ("Sun said it earned $5.2 million in the fiscal first quarter. "
            "Sun reported sales of $538.5 million for the quarter ended Sept. 29.")
    assert _found(nlp, text, "1989-10-26")["the quarter"] == ("DATE", "1989-Q1")


def test_every_weekday_is_every_working_day(nlp):
    got = _found(nlp, "She got up at 5am every weekday to write for two hours.", "2010-06-19")
    assert got == {"5am": ("TIME", "XXXX-XX-XXT05:00"), "every weekday": ("SET", "P1D"), "two hours": ("DURATION", "PT2H")}


def test_that_fall_as_a_verb_is_no_season_and_a_quarter_told_in_the_present_lies_ahead(nlp):
    text = "Banks cannot roll over short-term foreign loans that fall due in the first quarter."
    assert _found(nlp, text, "1997-12-31") == {"the first quarter": ("DATE", "1998-Q1")}
    assert _found(nlp, "He returned to school that fall.", "1997-12-31") == {"that fall": ("DATE", "1997-FA")}


def test_two_days_of_a_range_without_a_year_are_in_order_and_within_a_year(nlp):
    text = "The university postponed examinations scheduled between December 2 and December 5."
    assert _found(nlp, text, "2015-12-02") == {"December 2": ("DATE", "2015-12-02"), "December 5": ("DATE", "2015-12-05")}
    got = _found(nlp, "The festival ran from Dec. 30 to Jan. 3.", "2015-12-02")
    assert got == {"Dec. 30": ("DATE", "2014-12-30"), "Jan. 3": ("DATE", "2015-01-03")}


def test_a_day_right_before_its_noon_is_one_time(nlp):
    got = _found(nlp, "Results had been received by Wednesday noon.", "1999-06-16")
    assert got == {"Wednesday noon": ("TIME", "1999-06-16T12:00")}


def test_a_year_earlier_is_not_counted_from_a_period_still_to_come(nlp):
    text = ("The company expects margins to recover in the first half of 2013. "
            "Profit rose to 212 million pounds, down from 233 million a year earlier.")
    assert _found(nlp, text, "2012-03-14")["a year earlier"] == ("DATE", "2011")


def test_a_season_told_in_the_simple_present_is_of_any_year(nlp):
    text = "Kyrgyzstan wants payment for the water it holds back for Kazakh cotton fields in summer."
    assert _found(nlp, text, "1997-01-21") == {"summer": ("DATE", "XXXX-SU")}
    assert _found(nlp, "Flu season usually begins in the fall.", "2012-10-31") == {"the fall": ("DATE", "XXXX-FA")}
    assert _found(nlp, "We expect a quiet fall.", "1999-06-30") == {"fall": ("DATE", "1999-FA")}
    assert _found(nlp, "The pressure will grow if there is no pick-up by the autumn.", "2014-07-31") == {"the autumn": ("DATE", "2014-FA")}


def test_the_early_hours_of_a_day_are_that_days_first_hours(nlp):
    got = _found(nlp, "About 900 people were detained in the early hours of yesterday.", "2005-12-19")
    assert got == {"the early hours of yesterday": ("TIME", "2005-12-18TMO")}
    got = _found(nlp, "Ivan came ashore in the early hours of Sept. 16.", "2004-09-17")
    assert got == {"the early hours of Sept. 16": ("TIME", "2004-09-16TMO")}


def test_the_subject_of_what_was_said_is_not_dated_by_the_saying(nlp):
    got = _found(nlp, "Met Eireann said the weekend would be mild and breezy.", "2017-12-22")
    assert got == {"the weekend": ("DATE", "2017-W51-WE")}
    assert _found(nlp, "Officials said Monday the talks would resume.", "1996-03-14")["Monday"] == ("DATE", "1996-03-11")


def test_the_time_of_a_past_clauses_subject_was_before(nlp):
    got = _found(nlp, "A poll at the weekend showed the side ahead.", "2014-09-11")
    assert got == {"the weekend": ("DATE", "2014-W36-WE")}
    got = _found(nlp, "She said bookings for the fall were mixed.", "2014-07-16")
    assert got == {"the fall": ("DATE", "2014-FA")}


def test_thursday_week_before_an_infinitive_is_a_week_after_the_coming_thursday(nlp):
    got = _found(nlp, "The chamber is to meet traders on Thursday week to discuss the proposal.", "1995-08-22")
    assert got == {"Thursday week": ("DATE", "1995-08-31")}


def test_overnight_said_to_be_on_a_day_is_that_days_night(nlp):
    got = _found(nlp, "Around thirty centimetres of snow fell overnight on Friday.", "2011-08-08")
    assert got["overnight"] == ("TIME", "2011-08-05TNI")
    got = _found(nlp, "Stocks fell on Friday after overnight losses in Asia.", "2011-08-08")
    assert got["overnight"] == ("TIME", "2011-08-04TNI")


def test_a_time_to_come_without_a_day_is_of_the_day_the_story_last_named_ahead(nlp):
    text = ("The Harwood Show will be held on Saturday, August 25. Entries close soon. Judging of cattle is in "
            "the main ring. A bar service will also be available at the showground pavilion during the afternoon.")
    assert _found(nlp, text, "2018-08-08")["the afternoon"] == ("TIME", "2018-08-25TAF")
    text = "Police searched the house on Monday. Officers found nothing. Neighbours were shocked. They will return at 9 a.m."
    assert _found(nlp, text, "2018-08-08")["9 a.m."] == ("TIME", "2018-08-08T09:00")


def test_what_is_expected_in_a_with_clause_lies_ahead_of_a_past_clause(nlp):
    text = ("The forecast offered little comfort, with more snow expected on Monday and visibility in the upper "
            "section of the course predicted to be poor.")
    assert _found(nlp, text, "1998-02-08") == {"Monday": ("DATE", "1998-02-09")}
    assert _found(nlp, "A rally planned for Saturday drew crowds.", "1998-02-10") == {"Saturday": ("DATE", "1998-02-07")}
    # the with-clause may be the parse's adverbial clause of its own
    got = _found(nlp, "Rain will fall slowly through Thursday, with no more rain expected until the weekend.", "1989-03-14")
    assert got["the weekend"] == ("DATE", "1989-W11-WE")


def test_another_year_and_an_extra_hour_are_spans_of_one_unit(nlp):
    got = _found(nlp, "Small firms will get an extra year; it could be another day.", "2016-01-15")
    assert got == {"an extra year": ("DURATION", "P1Y"), "another day": ("DURATION", "P1D")}
    assert _found(nlp, "He scored another year-end bonus.", "2016-01-15") == {"year-end": ("DATE", "2016")}


def test_a_dateline_after_the_headline_names_the_day_written(nlp):
    text = "Residents urged to boil water\n\nAHMEDABAD, August 10: The corporation today asked residents to boil water."
    assert _found(nlp, text, "1992-08-11")["today"] == ("DATE", "1992-08-10")
    text = "Hawkers given notice\n\nNAKURU, Tuesday\n\nCouncillors met yesterday and adopted the report."
    assert _found(nlp, text, "1996-06-19")["yesterday"] == ("DATE", "1996-06-17")
    text = "Hawkers given notice\n\nCouncillors met yesterday and adopted the report."
    assert _found(nlp, text, "1996-06-19")["yesterday"] == ("DATE", "1996-06-18")


def test_a_month_in_a_clause_of_habit_is_of_any_year_whatever_other_clauses_say(nlp):
    text = "Flu season usually begins in the fall and peaks in December, though it can run as late as May."
    got = _found(nlp, text, "2012-10-31")
    assert got["the fall"] == ("DATE", "XXXX-FA") and got["December"] == ("DATE", "XXXX-12")
    assert _found(nlp, "The council met in December, though it can meet later.", "2012-10-31") == {"December": ("DATE", "2011-12")}


def test_a_time_to_come_takes_no_past_day_from_the_sentence_before(nlp):
    text = "Thousands of fans gathered near Trafalgar Square last night. Kick-off is at 7pm."
    assert _found(nlp, text, "1996-06-30")["7pm"] == ("TIME", "1996-06-30T19:00")


def test_a_clock_time_whose_day_is_not_told_keeps_its_hour(nlp):
    text = "A hotline will be staffed from 6 a.m. to 7 p.m. on school days through the end of the month."
    got = _found(nlp, text, "2015-09-08")
    assert got["6 a.m."] == ("TIME", "XXXX-XX-XXT06:00") and got["7 p.m."] == ("TIME", "XXXX-XX-XXT19:00")


def test_a_feast_naming_a_thing_is_no_time(nlp):
    text = "Children held an Easter egg hunt, Christmas trees were collected and sales rose at Christmas."
    assert _found(nlp, text, "2020-04-12") == {"Christmas": ("DATE", "2019-12-25")}


def test_the_year_of_a_superlative_told_in_the_present_is_no_particular_year(nlp):
    text = "Friday is traditionally the busiest shopping day of the year; January is one of the slowest months of the year."
    assert _found(nlp, text, "1994-11-23") == {"Friday": ("DATE", "1994-11-25"), "January": ("DATE", "XXXX-01")}
    got = _found(nlp, "It was the hottest day of the year so far.", "1994-11-23")
    assert got == {"the year": ("DATE", "1994")}


def test_overnight_naming_a_kind_of_low_or_shift_is_no_time(nlp):
    text = "Forecasters said overnight lows could fall to 12 degrees; he works the overnight shift."
    assert _found(nlp, text, "1989-12-30") == {}
    assert "overnight" in _found(nlp, "Heavy overnight rain loosened stones.", "1989-12-30")


def test_what_holds_now_until_a_time_holds_until_one_ahead(nlp):
    assert _found(nlp, "The exhibition runs until the end of September.", "2011-03-13") == {
        "the end of September": ("DATE", "2011-09")}
    text = "Bendigo swelters through long weekend\n\nThe city sweltered on Saturday."
    assert _found(nlp, text, "2019-01-28")["long weekend"] == ("DATE", "2019-W04-WE")


def test_a_clock_time_of_a_verb_of_habit_is_of_any_day(nlp):
    got = _found(nlp, "Speeches often continue past midnight; the shop usually opens at 9 a.m.", "1996-09-10")
    assert got == {"midnight": ("TIME", "XXXX-XX-XXT24:00"), "9 a.m.": ("TIME", "XXXX-XX-XXT09:00")}


def test_what_follows_in_a_sequence_is_told_in_the_tense_of_its_start(nlp):
    got = _found(nlp, "Good Friday falls this week, followed by Easter Monday on April 21.", "2014-04-16")
    assert got["April 21"] == ("DATE", "2014-04-21") and got["Easter Monday"] == ("DATE", "2014-04-21")
    got = _found(nlp, "Forecasters expect heavy snow tomorrow, followed by bitter cold over the weekend.", "1996-03-14")
    assert got["the weekend"] == ("DATE", "1996-W11-WE")


def test_the_nth_weekday_of_a_named_month_is_that_day(nlp):
    got = _found(nlp, "Daylight saving begins on the first Sunday in October.", "1996-09-15")
    assert got == {"the first Sunday in October": ("DATE", "1996-10-06")}
    got = _found(nlp, "The vote was held on the last Tuesday in March.", "1996-09-15")
    assert got == {"the last Tuesday in March": ("DATE", "1996-03-26")}


def test_the_hours_of_a_range_kept_until_a_later_day_are_of_each_day(nlp):
    got = _found(nlp, "Stalls near the bus stand will function from 9 a.m. to 8 p.m. until Monday.", "2003-09-07")
    assert got["9 a.m."] == ("TIME", "XXXX-XX-XXT09:00") and got["8 p.m."] == ("TIME", "XXXX-XX-XXT20:00")
    got = _found(nlp, "Police closed the road from 2 p.m. to 5 p.m. on Saturday.", "2003-09-07")
    assert got["2 p.m."] == ("TIME", "2003-09-06T14:00")


def test_year_s_end_before_a_hyphen_is_part_of_a_word(nlp):
    got = _found(nlp, "He played three tests on last year's end-of-season tour.", "1999-03-15")
    assert got == {"last year": ("DATE", "1998")}


def test_overnight_still_to_come_is_the_coming_night(nlp):
    got = _found(nlp, "Forecasters expect another 20 centimetres today and overnight.", "2001-06-29")
    assert got["overnight"] == ("TIME", "2001-06-29TNI")
    assert _found(nlp, "Snow fell overnight.", "2001-06-29")["overnight"] == ("TIME", "2001-06-28TNI")


def test_by_lunchtime_is_midday_of_the_day_told(nlp):
    text = "People queued at the clinic before seven o'clock this morning, and by lunchtime it wrapped around the block."
    assert _found(nlp, text, "1999-04-19")["lunchtime"] == ("TIME", "1999-04-19TMI")


def test_an_hour_from_one_to_six_o_clock_is_of_the_afternoon_unless_the_small_hours_are_told(nlp):
    got = _found(nlp, "We have been told to come back at 2 o'clock, then at 4 o'clock, said a passenger.", "1998-12-12")
    assert got == {"2 o'clock": ("TIME", "1998-12-12T14:00"), "4 o'clock": ("TIME", "1998-12-12T16:00")}
    got = _found(nlp, "The children fell asleep around one o'clock.", "1998-12-12")
    assert got == {"one o'clock": ("TIME", "1998-12-12T01:00")}


def test_a_time_to_come_takes_the_last_day_named_as_still_to_come(nlp):
    text = "Spaniards will vote Sunday. Campaigning was banned Saturday under the rules.\n\nThe polls will open at 9 a.m."
    assert _found(nlp, text, "2007-05-26")["9 a.m."] == ("TIME", "2007-05-27T09:00")
    text = "Police will stay on the streets till early Wednesday morning. Vehicles will not be allowed in from 8pm."
    assert _found(nlp, text, "2011-04-16")["8pm"] == ("TIME", "2011-04-16T20:00")


def test_a_day_of_the_week_in_the_present_perfect_lies_ahead(nlp):
    text = "The unions have called for gate meetings at every depot on Tuesday; prices have risen since Monday."
    assert _found(nlp, text, "2017-01-04") == {"Tuesday": ("DATE", "2017-01-10"), "Monday": ("DATE", "2017-01-02")}
    text = "Concern may have been responsible for a drop in trading on Wednesday."
    assert _found(nlp, text, "1989-10-27") == {"Wednesday": ("DATE", "1989-10-25")}


def test_dawn_and_dusk_after_a_preposition_are_parts_of_the_day(nlp):
    text = "The ferry capsized before dawn Thursday. Searchers gave up at nightfall. Police made dawn raids."
    got = _found(nlp, text, "1996-03-15")
    assert got == {"dawn Thursday": ("TIME", "1996-03-14TMO"), "nightfall": ("TIME", "1996-03-14TEV")}
    assert _found(nlp, "A curfew from dusk to dawn was imposed.", "1996-03-15") == {}


def test_a_seasons_span_told_in_the_present_is_of_every_year(nlp):
    text = "The monsoon season, which runs from June to September, has been heavy."
    assert _found(nlp, text, "2013-08-25") == {"June": ("DATE", "XXXX-06"), "September": ("DATE", "XXXX-09")}
    text = "The season ran from May to October."
    assert _found(nlp, text, "1998-06-14") == {"May": ("DATE", "1998-05"), "October": ("DATE", "1998-10")}
    text = "The season runs from August to May."  # a season of no kind named: the one told of
    assert _found(nlp, text, "2019-07-08") == {"August": ("DATE", "2019-08"), "May": ("DATE", "2020-05")}


def test_two_months_named_together_go_to_the_year_nearer_the_writing(nlp):
    text = "The rains could still produce a normal harvest in October and November."
    assert _found(nlp, text, "1997-05-12") == {"October": ("DATE", "1997-10"), "November": ("DATE", "1997-11")}
    assert _found(nlp, "Prices fell in October and November.", "1997-05-12") == {
        "October": ("DATE", "1996-10"), "November": ("DATE", "1996-11")}


def test_the_past_weekend_is_the_weekend_before_not_a_year(nlp):
    text = "Kerrigan spent the last weekend of the campaign in the steel towns; sales rose over the past year."
    got = _found(nlp, text, "1996-11-06")
    assert got == {"the last weekend": ("DATE", "1996-W44-WE"), "the past year": ("DURATION", "P1Y")}


def test_what_was_told_as_possible_lies_ahead(nlp):
    text = "Union leaders said further strikes were possible in August if there was no agreement."
    assert _found(nlp, text, "2000-06-22") == {"August": ("DATE", "2000-08")}


def test_open_misread_as_an_adjective_or_noun_is_still_a_verb(nlp):
    text = "Most big-box stores on Highway 10 open at 6 a.m. Friday, but merchants are hoping residents will shop local."
    assert _found(nlp, text, "2024-11-25") == {"6 a.m. Friday": ("TIME", "2024-11-29T06:00")}
    text = "Spaniards will vote Sunday. Campaigning was banned Saturday. Polling stations open at 9:00 am (0700 GMT)."
    got = _found(nlp, text, "2007-05-26")
    assert got["9:00 am"] == ("TIME", "2007-05-27T09:00") and got["0700 GMT"] == ("TIME", "2007-05-27T07:00")


def test_the_weekday_is_the_one_of_the_days_told_before(nlp):
    text = "The school will mark its centenary on October 15 with a dinner. On the Saturday it will be open from 10am to 3pm."
    got = _found(nlp, text, "1999-09-08")
    assert got["the Saturday"] == ("DATE", "1999-10-16") and got["10am"] == ("TIME", "1999-10-16T10:00")
    assert _found(nlp, "He left on the Friday.", "1999-09-08") == {"the Friday": ("DATE", "1999-09-03")}


def test_an_hour_after_an_evening_or_night_is_of_the_evening(nlp):
    got = _found(nlp, "Festivities begin tonight at 9.30; a meeting is set for tomorrow night at 8 o'clock.", "2017-08-18")
    assert got["9.30"] == ("TIME", "2017-08-18T21:30") and got["8 o'clock"] == ("TIME", "2017-08-19T20:00")
    assert "9" not in _found(nlp, "Shares rose in the afternoon at 9 percent.", "2017-08-18")


def test_an_hour_opening_a_range_after_is_or_be(nlp):
    got = _found(nlp, "Calling hours will be 4 to 7 p.m. Sunday at the funeral home.", "2005-08-25")
    assert got["4"] == ("TIME", "2005-08-28T16:00")


def test_a_season_joined_to_one_before_is_told_as_that_one(nlp):
    got = _found(nlp, "Crews will resurface the road this spring and summer.", "1995-03-14")
    assert got == {"this spring": ("DATE", "1995-SP"), "summer": ("DATE", "1995-SU")}
    assert "summer" not in _found(nlp, "Sales of summer clothes rose.", "1995-03-14")


def test_a_part_of_the_day_spent_or_most_of_it_is_a_time(nlp):
    assert _found(nlp, "About 140 people spent the night in shelters.", "2010-03-14") == {"the night": ("TIME", "2010-03-13TNI")}
    assert _found(nlp, "Officials spent the morning inspecting villages.", "2010-03-14") == {"the morning": ("TIME", "2010-03-14TMO")}
    assert _found(nlp, "Traffic was slow for most of the evening.", "2010-03-14") == {"the evening": ("TIME", "2010-03-14TEV")}


def test_a_part_of_the_day_joined_to_one_before_is_of_its_day(nlp):
    got = _found(nlp, "The heaviest snow is expected Monday afternoon and evening.", "2007-12-30")
    assert got == {"Monday afternoon": ("TIME", "2007-12-31TAF"), "evening": ("TIME", "2007-12-31TEV")}
    assert "evening" not in _found(nlp, "Trains will run during morning and evening rush hours.", "2007-12-30")


def test_the_month_or_week_told_of(nlp):
    got = _found(nlp, "It rained hard in October. Some 212 mm fell at Gort during the month.", "1997-11-05")
    assert got == {"October": ("DATE", "1997-10"), "the month": ("DATE", "1997-10")}
    assert _found(nlp, "Hot weather will continue through the week.", "2017-07-04") == {"the week": ("DATE", "2017-W27")}
    assert _found(nlp, "It was the best month for the week of trading before the vote.", "2017-07-04") == {}


def test_of_two_weekdays_named_together_the_next_day_is_the_day_after(nlp):
    got = _found(nlp, "Performances had been cancelled for Saturday and Sunday.", "2015-08-15")
    assert got == {"Saturday": ("DATE", "2015-08-15"), "Sunday": ("DATE", "2015-08-16")}
    got = _found(nlp, "It happened on a Monday or a Tuesday.", "2015-08-15")
    assert got == {"a Monday": ("DATE", "XXXX-WXX-1"), "a Tuesday": ("DATE", "XXXX-WXX-2")}


def test_a_weekday_a_past_planning_verb_set_lies_ahead(nlp):
    got = _found(nlp, "County supervisors scheduled a special meeting for Monday.", "1997-01-29")
    assert got == {"Monday": ("DATE", "1997-02-03")}
    # a day the verb does not plan for is placed as before
    got = _found(nlp, "The strike, called by operators late Wednesday, emptied the streets.", "2023-11-16")
    assert got == {"late Wednesday": ("DATE", "2023-11-15")}


def test_a_weekday_from_which_what_is_announced_holds_lies_ahead(nlp):
    got = _found(nlp, "Authorities declared three days of mourning beginning Thursday.", "2000-10-18")
    assert got["Thursday"] == ("DATE", "2000-10-19")
    got = _found(nlp, "Officials promised each family cash assistance starting Monday.", "2005-01-01")
    assert got == {"Monday": ("DATE", "2005-01-03")}


def test_the_day_a_particular_fiscal_year_begins_has_its_year(nlp):
    got = _found(nlp, "The impasse comes eight weeks before the new fiscal year begins on July 1.", "1996-05-09")
    assert got["July 1"] == ("DATE", "1996-07-01")
    got = _found(nlp, "The company, whose fiscal year ends Oct. 31, reported a gain.", "1996-05-09")
    assert got == {"Oct. 31": ("DATE", "XXXX-10-31")}


def test_days_listed_before_a_day_and_its_month_are_dates_of_that_month(nlp):
    got = _found(nlp, "Strikes will take place on 5 and 12 April.", "2013-03-21")
    assert got == {"5": ("DATE", "2013-04-05"), "12 April": ("DATE", "2013-04-12")}
    got = _found(nlp, "Votes were held on 5, 12 and 19 April 2012.", "2013-03-21")
    assert got == {"5": ("DATE", "2012-04-05"), "12": ("DATE", "2012-04-12"), "19 April 2012": ("DATE", "2012-04-19")}
    assert _found(nlp, "Sales should reach about 40,000 by 12 April.", "2013-03-21") == {"12 April": ("DATE", "2013-04-12")}


def test_a_month_after_a_year_told_in_its_clause_is_of_that_year(nlp):
    got = _found(nlp, "Last year, the budget was not adopted until August, the latest ever.", "1998-04-17")
    assert got["August"] == ("DATE", "1997-08")
    # "the year" told of is no frame for the month
    got = _found(nlp, "Officials plan to release final crime figures for the year in late January.", "2013-12-31")
    assert got["late January"] == ("DATE", "2014-01")


def test_a_season_of_a_year_told_or_said_in_words_is_one_date(nlp):
    got = _found(nlp, "Construction began in the spring of last year.", "1999-07-09")
    assert got == {"the spring of last year": ("DATE", "1998-SP")}
    got = _found(nlp, "It is the third flood since the winter of nineteen ninety-four.", "1996-04-01")
    assert got == {"the winter of nineteen ninety-four": ("DATE", "1994-WI")}


def test_the_decade_told_of_is_the_writings_or_the_one_told_before(nlp):
    got = _found(nlp, "The dispute has simmered for most of the decade.", "1997-01-21")
    assert got == {"the decade": ("DATE", "199")}
    got = _found(nlp, "Farmers borrowed heavily earlier in the decade.", "1999-01-26")
    assert got == {"earlier in the decade": ("DATE", "199")}


def test_a_weekday_right_after_a_reporting_verb_dates_the_saying_whatever_the_clause(nlp):
    text = ("An official with a medical charity working in the camp said Monday the number of new cases "
            "has begun to fall.")
    assert _found(nlp, text, "1996-09-03")["Monday"] == ("DATE", "1996-09-02")
    # a day in the present perfect with no reporting verb before it still lies ahead
    text = "Police have announced restrictions on vehicle movement from 8am to 5pm on Saturday."
    assert _found(nlp, text, "2015-03-27")["Saturday"] == ("DATE", "2015-03-28")


def test_what_may_hold_until_a_weekday_holds_until_one_ahead(nlp):
    text = "Forecasters warned that river levels could stay high until Monday."
    assert _found(nlp, text, "2006-11-23")["Monday"] == ("DATE", "2006-11-27")
    text = "The road could have stayed closed until Monday."
    assert _found(nlp, text, "2006-11-23")["Monday"] == ("DATE", "2006-11-20")


def test_a_live_reports_update_line_is_of_the_day_written(nlp):
    text = ("Residents were told to finish preparing today, with the cyclone expected to cross the coast "
            "early tomorrow morning.\n\nUPDATE 3:40pm: The Bureau says Marla has strengthened to a category four system.")
    assert _found(nlp, text, "2011-03-15")["3:40pm"] == ("TIME", "2011-03-15T15:40")


def test_a_day_that_starts_or_ends_a_stretch_gives_no_clock_time_its_day(nlp):
    text = ("Residents were ordered out of their homes Monday afternoon. The district issued the order at "
            "2:15 p.m., upgrading an alert that had been in place since Saturday.")
    assert _found(nlp, text, "2019-07-22")["2:15 p.m."] == ("TIME", "2019-07-22T14:15")
    text = "About 4,200 customers were without power at midday, and some could be without service until the weekend."
    assert _found(nlp, text, "2023-04-12")["midday"] == ("TIME", "2023-04-12T12:00")


def test_a_local_time_beside_a_universal_time_of_another_day(nlp):
    text = "A landslide struck the village at about 2:00 am (1800 GMT Tuesday), when most residents were asleep."
    assert _found(nlp, text, "2008-08-13")["about 2:00 am"] == ("TIME", "2008-08-13T02:00")
    got = _found(nlp, "The ship overturned at about 4:30 a.m. (2030 GMT on Monday) off the coast.", "2012-01-17")
    assert got["about 4:30 a.m."] == ("TIME", "2012-01-17T04:30")
    got = _found(nlp, "The polls closed at 8 p.m. EDT (0000 GMT Wednesday).", "2008-08-13")
    assert got["8 p.m. EDT"] == ("TIME", "2008-08-12T20:00")
    # zones a few hours apart: the same day
    got = _found(nlp, "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "1998-08-08")
    assert got["about 10:35 a.m."] == ("TIME", "1998-08-07T10:35")


def test_a_past_evening_is_of_a_day_before_the_writing(nlp):
    text = ("Rescue crews late Monday reached two miners, but a third was still missing early today. "
            "The two miners were brought to the surface shortly before 11 p.m.")
    assert _found(nlp, text, "1989-03-14")["11 p.m."] == ("TIME", "1989-03-13T23:00")
    # unless the text is told on the evening it was written
    text = ("We begin tonight in Louisiana, where an explosion ripped through a plant. Deputies closed the "
            "highway. That order was lifted around six o'clock, after officials said the air was clean.")
    assert _found(nlp, text, "1994-03-02")["six o'clock"] == ("TIME", "1994-03-02T18:00")


def test_a_decade_ago_is_the_year_ten_years_back(nlp):
    assert _found(nlp, "It delivered about 230 babies a decade ago.", "2009-06-30") == {"a decade ago": ("DATE", "1999")}
    got = _found(nlp, "The line opened more than a decade ago.", "2009-06-30")
    assert got == {"more than a decade ago": ("DATE", "199")}
    assert _found(nlp, "It began two decades ago.", "2009-06-30") == {"two decades ago": ("DATE", "198")}


def test_a_rate_after_an_amount_more_or_less(nlp):
    got = _found(nlp, "The owner of a $100,000 home would pay about $181 more a year.", "2005-03-16")
    assert got == {"a year": ("SET", "P1Y")}


def test_fall_alone_after_a_preposition_of_time_is_the_season(nlp):
    got = _found(nlp, "Bus routes and sports could be cut by fall if the measure fails.", "2005-03-16")
    assert got == {"fall": ("DATE", "2005-FA")}
    assert _found(nlp, "Prices are expected to fall by 5%.", "2005-03-16") == {}
    assert _found(nlp, "After a fall in prices, markets steadied.", "2005-03-16") == {}
    # a negated modal tells the past: "By Saturday night I couldn't sleep"
    text = "The fan just blows hot air at you. By Saturday night I couldn't sleep."
    assert _found(nlp, text, "1999-07-05")["Saturday night"] == ("TIME", "1999-07-03TNI")


def test_a_days_event_waited_for_is_the_nearest_such_day(nlp):
    text = "Bond prices edged higher on Monday in thin trading before Tuesday's Independence Day holiday."
    assert _found(nlp, text, "1989-07-03")["Tuesday"] == ("DATE", "1989-07-04")
    text = "Ticket sales for Sunday's finals were sold out by Saturday afternoon, organisers said."
    assert _found(nlp, text, "2013-07-27")["Sunday"] == ("DATE", "2013-07-28")
    # an event not waited for in a past clause stays past
    assert _found(nlp, "Lawyers criticized Tuesday's ruling.", "1989-07-03")["Tuesday"] == ("DATE", "1989-06-27")


def test_an_hour_in_words_before_a_m_or_p_m(nlp):
    got = _found(nlp, "Polls closed Monday at six p.m. in the rural constituency.", "1998-09-15")
    assert got["six p.m."] == ("TIME", "1998-09-14T18:00")
    got = _found(nlp, "At about three a.m. Sunday, the four men walked out on their own.", "1999-10-11")
    assert got == {"about three a.m. Sunday": ("TIME", "1999-10-10T03:00")}
    assert _found(nlp, "Which one am I supposed to pick?", "1999-10-11") == {}


def test_a_time_word_in_capitals_after_a_broadcasters_or_papers_word_is_a_name(nlp):
    assert _found(nlp, "ABC WORLD NEWS TONIGHT: Blizzard Paralyzes Northern Plains", "2000-01-24") == {}
    assert _found(nlp, "He told USA TODAY that he would resign.", "2000-01-24") == {}
    # a headline in capitals still tells a time
    assert _found(nlp, "STORMS HIT THE COAST TONIGHT", "2000-01-24") == {"TONIGHT": ("TIME", "2000-01-24TNI")}


def test_the_end_of_a_quarter_named_by_its_number(nlp):
    got = _found(nlp, "The company said it would close a plant by the end of the third quarter.", "1998-05-06")
    assert got == {"the end of the third quarter": ("DATE", "1998-Q3")}


def test_what_is_hoped_for_lies_ahead_though_the_lemmatiser_misreads_hoped(nlp):
    text = "The company said it hoped to emerge from bankruptcy by the end of the second quarter."
    assert _found(nlp, text, "2012-01-03") == {"the end of the second quarter": ("DATE", "2012-Q2")}


def test_a_record_date_after_payable_lies_ahead(nlp):
    text = ("Heartland raised its quarterly dividend to 22 cents a share from 19 cents, payable February 15 "
            "to shareholders of record on February 1.")
    assert _found(nlp, text, "1996-01-17")["February 1"] == ("DATE", "1996-02-01")


def test_a_time_something_is_put_off_until_after(nlp):
    text = "Work on computer bugs tapered off and clients delayed new projects until after January 1."
    assert _found(nlp, text, "1999-11-03") == {"January 1": ("DATE", "2000-01-01")}


def test_financial_in_a_companys_name_is_not_a_fiscal_quarter(nlp):
    got = _found(nlp, "Heartland Savings Financial fourth-quarter profit up 18 pct", "1996-01-17")
    assert got == {"fourth-quarter": ("DATE", "1995-Q4")}


def test_the_weekend_ahead_of_which_something_was_done_late_in_the_week(nlp):
    text = "Traders said gains were capped by merchant selling ahead of the weekend."
    assert _found(nlp, text, "1996-09-13") == {"the weekend": ("DATE", "1996-W37-WE")}
    # early in the week, the weekend just gone
    assert _found(nlp, text, "1996-09-09") == {"the weekend": ("DATE", "1996-W36-WE")}


def test_the_next_or_past_hour_is_an_hours_length(nlp):
    text = "Two air tankers are expected back in the air within the next hour."
    assert _found(nlp, text, "2001-06-25") == {"the next hour": ("DURATION", "PT1H")}
    assert _found(nlp, "In the last hour of trading, stocks fell.", "2001-06-25") == {}


def test_the_quarter_after_this_one_told_with_no_tense_is_the_coming_one(nlp):
    text = "Westfalen Kreditbank flags Lehman hit, sees fourth-quarter loss"
    assert _found(nlp, text, "2008-09-16") == {"fourth-quarter": ("DATE", "2008-Q4")}
    text = "The company said summer shutdowns would trim third-quarter sales as usual."
    assert _found(nlp, text, "1998-04-16") == {"third-quarter": ("DATE", "1998-Q3")}
    # told as past, the last one
    assert _found(nlp, "Sales fell in the third quarter.", "1998-04-16") == {"the third quarter": ("DATE", "1997-Q3")}


def test_an_amount_pledged_on_a_day_dates_the_pledge(nlp):
    text = "Six relief agencies meeting here pledged $38 million on Monday to feed the workers."
    assert _found(nlp, text, "1990-09-11") == {"Monday": ("DATE", "1990-09-10")}
    # what is promised has its own time ahead
    assert _found(nlp, "The president promised an election in July.", "1990-09-11") == {"July": ("DATE", "1991-07")}


def test_a_day_on_or_after_which_something_holds_is_still_to_come(nlp):
    text = "The surcharge applies to tickets bought on or after Friday, the company said."
    assert _found(nlp, text, "1990-08-08") == {"Friday": ("DATE", "1990-08-10")}


def test_the_previous_quarter_after_a_quarter_ended_on_a_day(nlp):
    text = "The company said its operating profit for the quarter ended Dec. 31 fell 63 percent from the previous quarter."
    assert _found(nlp, text, "1999-03-03")["the previous quarter"] == ("DATE", "1998-Q3")


def test_the_end_of_a_fiscal_year(nlp):
    got = _found(nlp, "The center would close by the end of fiscal 1993.", "1990-01-23")
    assert got == {"the end of fiscal 1993": ("DATE", "1993")}


def test_a_fiscal_period_numbered_in_a_results_headline_is_a_quarter(nlp):
    got = _found(nlp, "Pelham Stores Posts 23% Rise in Net for Fiscal 2nd Period", "1989-04-06")
    assert got == {"Fiscal 2nd Period": ("DATE", "1989-Q2")}
    assert _found(nlp, "Lindqvist opened the scoring 7:32 into the first period.", "1989-04-06") == {}


def test_midnight_with_its_zone_before_a_day_named_march(nlp):
    text = "The offer, which expires at midnight EST March 21 unless extended, is conditioned on financing."
    assert _found(nlp, text, "1989-02-22") == {"midnight EST March 21": ("TIME", "1989-03-21T24:00")}


def test_the_end_of_the_month_before_a_length_after_it(nlp):
    text = "Mr. Kemp, 64, will retire at the end of the month after 23 years with the company."
    assert _found(nlp, text, "1989-01-10")["the end of the month"] == ("DATE", "1989-01")


def test_a_day_a_period_is_ending_on_told_in_the_past_is_the_nearest(nlp):
    text = "Janet Kirby of Hollis & Dunn lowered her forecast for the fiscal year ending Sept. 30 to $2.40 a share."
    assert _found(nlp, text, "1989-06-29")["Sept. 30"] == ("DATE", "1989-09-30")


def test_a_day_an_offer_is_extended_to_hung_on_the_verb(nlp):
    text = "The company extended its tender offer for Harbor Marine Corp. to 5 p.m. EDT Aug. 22."
    assert _found(nlp, text, "1989-08-09") == {"5 p.m. EDT Aug. 22": ("TIME", "1989-08-22T17:00")}


def test_a_quarter_before_the_results_a_company_expects_lies_ahead(nlp):
    text = "Lanford said it expects fourth-quarter results, for the period ending July 31, to be about even."
    assert _found(nlp, text, "1990-05-24")["fourth-quarter"] == ("DATE", "1990-Q4")
    # the quarter just ended, in January, is still last year's
    assert _found(nlp, "Analysts expect fourth-quarter earnings to fall.", "2012-01-10") == {"fourth-quarter": ("DATE", "2011-Q4")}


def test_the_small_hours_of_a_clause_joined_after_an_evening(nlp):
    text = "The outages began Monday evening as rain turned to ice around 6 p.m., and peaked at 3 a.m., the utility said."
    assert _found(nlp, text, "2014-01-28")["3 a.m."] == ("TIME", "2014-01-28T03:00")
    text = "The search was halted on Friday night because of fog and resumed at dawn."
    assert _found(nlp, text, "2019-09-07")["dawn"] == ("TIME", "2019-09-07TMO")
    # not a time told inside another clause, which may come before the evening
    text = "A man was in a stable condition on Sunday evening after he was assaulted outside a pub at about 2am."
    assert _found(nlp, text, "2013-03-18")["about 2am"] == ("TIME", "2013-03-17T02:00")


def test_the_earliest_day_something_may_happen_lies_ahead(nlp):
    text = "Nurses at the hospital could be on strike as early as Tuesday, their union said Friday."
    assert _found(nlp, text, "2021-11-12")["Tuesday"] == ("DATE", "2021-11-16")


def test_what_one_should_have_done_by_a_day_lies_ahead(nlp):
    text = "The utility said most customers should have power restored by late Tuesday."
    assert _found(nlp, text, "2024-08-25")["late Tuesday"] == ("DATE", "2024-08-27")


def test_a_month_something_is_pushed_back_to_lies_ahead(nlp):
    text = "The launch has been pushed back to October after engineers found a fault."
    assert _found(nlp, text, "2022-04-07")["October"] == ("DATE", "2022-10")
    text = "The opening has been delayed from June to October."
    assert _found(nlp, text, "2022-04-07")["October"] == ("DATE", "2022-10")


def test_a_second_before_a_comma_and_a_number_is_an_ordinal(nlp):
    assert _found(nlp, "The union said a second, 48-hour stoppage would follow.", "2002-11-08") == {"48-hour": ("DURATION", "PT48H")}


def test_the_day_a_run_of_days_has_reached_told_in_the_present(nlp):
    got = _found(nlp, "Bus strike enters fourth day as talks stall", "2007-06-29")
    assert got == {"fourth day": ("DATE", "2007-06-29")}
    got = _found(nlp, "It is the third day of heavy fighting in the province.", "1998-03-06")
    assert got == {"the third day": ("DATE", "1998-03-06")}
    # told in the past it is no day the sentence gives; nor a day a clause describes
    assert _found(nlp, "The strike entered its fourth day without talks.", "2007-06-29") == {}
    assert _found(nlp, "Today is the first day I am not afraid.", "2015-09-12") == {"Today": ("DATE", "2015-09-12")}


def test_a_quoted_today_is_the_day_the_speaker_spoke(nlp):
    text = ("The city council voted late Thursday to raise the minimum wage. "
            '"We have been talking about this for two years. Tonight we stopped talking," the mayor said.')
    assert _found(nlp, text, "2016-01-15")["Tonight"] == ("TIME", "2016-01-14TNI")
    # a story that tells the day written as its own quotes speakers of that day
    text = ("A driver was killed in a crash on the coast late Sunday. Police expect heavy traffic this afternoon. "
            '"Today is the same risk in reverse," the commissioner said.')
    assert _found(nlp, text, "2009-04-13")["Today"] == ("DATE", "2009-04-13")
    # unquoted, it is the day written
    text = "The council voted late Thursday to raise the wage. The mayor will sign the bill today."
    assert _found(nlp, text, "2016-01-15")["today"] == ("DATE", "2016-01-15")


def test_today_set_against_years_before_is_the_present_age(nlp):
    text = "The plant employed about 11,000 people in 1985; today it employs about 2,100."
    assert _found(nlp, text, "2013-09-03")["today"] == ("DATE", "PRESENT_REF")
    text = "In the summer of 1992, the village had 400 people. Today it has fewer than 250."
    assert _found(nlp, text, "2001-06-26")["Today"] == ("DATE", "PRESENT_REF")
    # an act told as done today, and "today" as the subject, name the day
    text = "Troops swept through the city in 1968. It is symbolic that we today accept the guarantee."
    assert _found(nlp, text, "1999-03-12")["today"] == ("DATE", "1999-03-12")
    text = "The club closed in 2019. Today feels like a party."
    assert _found(nlp, text, "2020-10-03")["Today"] == ("DATE", "2020-10-03")


def test_what_is_threatened_lies_ahead_but_a_day_after_the_object_dates_the_act(nlp):
    text = "The unions have threatened a national stoppage in July if talks fail."
    assert _found(nlp, text, "2004-06-17")["July"] == ("DATE", "2004-07")
    assert _found(nlp, "The rebels threatened the mayor on Monday.", "2004-06-17")["Monday"] == ("DATE", "2004-06-14")
    assert _found(nlp, "The minister promised them on Monday that taxes would fall.", "2004-06-17")["Monday"] == ("DATE", "2004-06-14")


def test_a_time_after_the_second_of_two_things_forecast_lies_ahead(nlp):
    # the parse joins "north" to "rainfall", the thing forecast, and hangs the months on it
    text = "The institute has forecast above-normal rainfall in the centre and north between January and March."
    assert _found(nlp, text, "2023-12-07")["January"] == ("DATE", "2024-01")


def test_another_month_hung_on_a_present_verb_lies_ahead(nlp):
    text = "Kasich, who is running for a second term in November, has not endorsed in the race."
    assert _found(nlp, text, "2014-05-04")["November"] == ("DATE", "2014-11")
    text = "Chepkemoi, who sits her final school examinations in November, said she would travel."
    assert _found(nlp, text, "1997-05-31")["November"] == ("DATE", "1997-11")
    # not a noun's month, nor a headline's
    text = "The country is still recovering from floods in August and September that submerged much of its land."
    assert _found(nlp, text, "1988-10-07")["August"] == ("DATE", "1988-08")
    assert _found(nlp, "Philippine exports fall for eighth straight month in October", "2015-12-10")["October"] == ("DATE", "2015-10")


def test_what_was_planned_for_a_month_and_has_been_called_off_lay_ahead(nlp):
    text = "At least six conferences scheduled for May and June have been cancelled since Wednesday."
    assert _found(nlp, text, "2003-04-24")["May"] == ("DATE", "2003-05")


def test_hours_told_of_two_days_are_of_no_one_day(nlp):
    got = _found(nlp, "Free flu shots will be offered at the parish hall on Friday and Saturday from 10 a.m. to 4 p.m.", "2003-01-02")
    assert got["10 a.m."] == ("TIME", "XXXX-XX-XXT10:00") and got["4 p.m."] == ("TIME", "XXXX-XX-XXT16:00")
    # one day, or a clock time joined to its day, keeps the day
    got = _found(nlp, "Polls open at 7 a.m. Tuesday and close at 8 p.m.", "2003-01-02")
    assert got["8 p.m."] == ("TIME", "2003-01-07T20:00")
    got = _found(nlp, "The hall will be open on Saturday from 10 a.m. to 4 p.m.", "2003-01-02")
    assert got["10 a.m."] == ("TIME", "2003-01-04T10:00")


def test_hours_told_from_a_day_on_are_of_every_day_after(nlp):
    text = "Kenya Railways will run commuter trains on its busiest lines until midnight from April 1."
    assert _found(nlp, text, "2014-03-11")["midnight"] == ("TIME", "XXXX-XX-XXT24:00")
    # a clock time beside the day it starts on is of that day
    text = "The board will hold a series of meetings on the levy, starting March 28 at 7 p.m. in the auditorium."
    assert _found(nlp, text, "2000-03-14")["7 p.m."] == ("TIME", "2000-03-28T19:00")


def test_a_feast_awaited_in_a_past_clause_is_the_nearest(nlp):
    got = _found(nlp, "Thousands of Nigerians from abroad came home for Christmas.", "2022-12-20")
    assert got == {"Christmas": ("DATE", "2022-12-25")}
    got = _found(nlp, "Travelers packed airports ahead of Thanksgiving.", "2012-11-18")
    assert got == {"Thanksgiving": ("DATE", "2012-11-22")}
    got = _found(nlp, "Retail sales at Christmas were weak.", "1992-12-15")
    assert got == {"Christmas": ("DATE", "1991-12-25")}


def test_a_year_ago_beside_a_month_is_that_month_a_year_back(nlp):
    got = _found(nlp, "The median price of a house rose 7 percent in July from a year ago.", "1997-08-28")
    assert got == {"July": ("DATE", "1997-07"), "a year ago": ("DATE", "1996-07")}
    got = _found(nlp, "Inflation slowed to 6.0% in June, its lowest since November, but prices were up 115% from a year earlier.", "2023-07-14")
    assert got["a year earlier"] == ("DATE", "2022-06")
    got = _found(nlp, "Visits rose in July from the same period last year.", "1997-08-28")
    assert got["last year"] == ("DATE", "1996")


def test_a_half_of_a_game_is_no_half_year(nlp):
    got = _found(nlp, "Carver State overcame a 12-point second-half deficit to beat Millbrook 78-71.", "1991-03-17")
    assert got == {}
    got = _found(nlp, "Last year's final was held up for 20 minutes in the second half.", "2011-11-19")
    assert got == {"Last year": ("DATE", "2010"), "20 minutes": ("DURATION", "PT20M")}
    got = _found(nlp, "The company expects its deficit to narrow in the second half.", "2011-11-19")
    assert got == {"the second half": ("DATE", "2011-H2")}


def test_a_planning_verb_with_out_leaves_rather_than_plans(nlp):
    got = _found(nlp, "The two men, both from Denver, set out on Friday for what was supposed to be a short hike.", "1998-10-19")
    assert got["Friday"] == ("DATE", "1998-10-16")
    assert _found(nlp, "A summit set for Friday will discuss trade.", "1998-10-19") == {"Friday": ("DATE", "1998-10-23")}


def test_a_clock_time_on_a_noun_in_a_past_clause_takes_no_day_to_come(nlp):
    text = ("The president dissolved parliament on Tuesday and called early elections for April 26. "
            "In a radio address to the nation at noon, the president said the deadlock had paralysed the government.")
    got = _found(nlp, text, "1992-02-25")
    assert got["noon"] == ("TIME", "1992-02-25T12:00")


def test_a_past_evening_hour_on_a_noun_is_of_the_evening_before(nlp):
    got = _found(nlp, "Guards discovered the men missing during a 10 p.m. head count.", "1999-11-20")
    assert got["10 p.m."] == ("TIME", "1999-11-19T22:00")
    got = _found(nlp, "Traffic was suspended between midnight and 10 am as a precaution.", "1998-12-13")
    assert got["midnight"] == ("TIME", "1998-12-13T00:00")


def test_a_time_due_lies_ahead_unless_told_as_past(nlp):
    got = _found(nlp, "Attention now turns to the consumer price report due Tuesday.", "1988-05-20")
    assert got["Tuesday"] == ("DATE", "1988-05-24")
    assert _found(nlp, "The report is due Tuesday.", "1988-05-20")["Tuesday"] == ("DATE", "1988-05-24")
    assert _found(nlp, "The payment was due Tuesday.", "1988-05-20")["Tuesday"] == ("DATE", "1988-05-17")
    got = _found(nlp, "The company missed an interest payment due Dec. 15, starting a grace period.", "2012-01-03")
    assert got["Dec. 15"] == ("DATE", "2011-12-15")


def test_days_listed_after_one_of_next_week_follow_it(nlp):
    text = ("The sale will consist of three-year notes to be auctioned next Tuesday, "
            "10-year notes on Wednesday and 30-year bonds on Thursday.")
    got = _found(nlp, text, "1992-01-29")
    assert got["next Tuesday"] == ("DATE", "1992-02-04")
    assert got["Wednesday"] == ("DATE", "1992-02-05")
    assert got["Thursday"] == ("DATE", "1992-02-06")
    text = "Mills will start crushing next Monday and will review the forecast on Thursday."
    assert _found(nlp, text, "2021-06-15")["Thursday"] == ("DATE", "2021-06-17")


def test_a_dateline_with_a_state_gives_the_day_written(nlp):
    text = "WILMINGTON, Del., Dec. 5 - A federal jury here today ordered the company to pay $86.4 million."
    assert _found(nlp, text, "1989-12-06")["today"] == ("DATE", "1989-12-05")


def test_thanksgiving_told_of_canada_is_in_october(nlp):
    text = "Workers are expected back on the job Tuesday, after the Thanksgiving holiday weekend in Canada."
    assert _found(nlp, text, "1998-10-08")["the Thanksgiving holiday weekend"] == ("DATE", "1998-W41-WE")
    assert _found(nlp, "Stores expect crowds after Thanksgiving.", "1998-10-08")["Thanksgiving"] == ("DATE", "1998-11-26")


def test_the_quarter_is_the_quarter_told_of_not_the_half(nlp):
    text = ("The company said second-quarter profit climbed 18%. For the first half, net was $281.5 million. "
            "Sales rose 21% in the quarter.")
    got = _found(nlp, text, "1991-07-18")
    assert got["the first half"] == ("DATE", "1991-H1")
    assert got["the quarter"] == ("DATE", "1991-Q2")


def test_a_past_afternoon_is_of_the_day_before_when_the_story_named_it_last(nlp):
    text = ("A county jury on Wednesday convicted a former township treasurer of theft. He was found guilty "
            "on 11 counts of forgery. The jury deliberated for nine hours before returning its verdict shortly after 3 p.m.")
    assert _found(nlp, text, "1996-03-14")["3 p.m."] == ("TIME", "1996-03-13T15:00")
    text = ("A county jury on Monday convicted a former township treasurer of theft. He was found guilty "
            "on 11 counts of forgery. The jury deliberated for nine hours before returning its verdict shortly after 3 p.m.")
    assert _found(nlp, text, "1996-03-14")["3 p.m."] == ("TIME", "1996-03-11T15:00")  # the story's day


def test_a_day_a_forecast_is_issued_for_lies_ahead(nlp):
    text = "The National Weather Service issued a red flag warning for Thursday afternoon."
    assert _found(nlp, text, "1998-07-29")["Thursday afternoon"] == ("TIME", "1998-07-30TAF")
    assert _found(nlp, "Forecasters issued a flood watch for Friday.", "1998-07-29")["Friday"] == ("DATE", "1998-07-31")
    assert _found(nlp, "Forecasters issued a flood watch on Friday.", "1998-07-29")["Friday"] == ("DATE", "1998-07-24")


def test_a_day_told_as_the_latest_in_the_present_perfect_is_past(nlp):
    text = "Tracking dogs have picked up the men's scent twice, most recently Wednesday evening along a creek."
    assert _found(nlp, text, "1997-07-03") == {"Wednesday evening": ("TIME", "1997-07-02TEV")}
    got = _found(nlp, "The unions have called meetings on Tuesday.", "1997-07-03")
    assert got["Tuesday"] == ("DATE", "1997-07-08")


def test_recently_leading_to_a_time_is_no_expression(nlp):
    assert _found(nlp, "The shares traded above $14 as recently as 1987.", "1992-06-12") == {"1987": ("DATE", "1987")}
    assert _found(nlp, "The company recently announced cuts.", "1992-06-12") == {"recently": ("DATE", "PAST_REF")}


def test_twelve_noon_is_one_clock_time(nlp):
    text = "Forms are available from the school office between 9am and 12 noon."
    assert _found(nlp, text, "2007-01-29")["12 noon"] == ("TIME", "2007-01-29T12:00")
    assert _found(nlp, "The doors close at twelve midnight.", "2007-01-29") == {"twelve midnight": ("TIME", "2007-01-29T24:00")}


def test_months_and_seasons_of_most_years_are_any_years(nlp):
    text = "In most years, flu in Iowa peaks in late January or February and tapers off by mid-March."
    got = _found(nlp, text, "1998-03-13")
    assert got == {"late January": ("DATE", "XXXX-01"), "February": ("DATE", "XXXX-02"), "mid-March": ("DATE", "XXXX-03")}
    text = "A federal advisory panel meets each year in late winter to choose the strains."
    assert _found(nlp, text, "1998-03-13")["late winter"] == ("DATE", "XXXX-WI")
    assert _found(nlp, "The panel met in late winter.", "1998-03-13")["late winter"] == ("DATE", "1997-WI")


def test_weeks_from_today_name_a_day(nlp):
    got = _found(nlp, "Classes are scheduled to begin a week from today.", "1993-08-31")
    assert got == {"a week from today": ("DATE", "1993-09-07")}
    assert _found(nlp, "The law takes effect ten days from today.", "1993-08-31") == {"ten days from today": ("DATE", "1993-09-10")}


def test_the_early_or_late_part_of_a_day(nlp):
    got = _found(nlp, "Turnout was 41 percent, the chancellery said in the early evening.", "2006-05-21")
    assert got == {"the early evening": ("TIME", "2006-05-21TEV")}


def test_a_season_or_part_of_the_day_listed_after_a_recurring_one_recurs(nlp):
    got = _found(nlp, "The estimate is based on trawls conducted every spring and fall.", "1996-08-23")
    assert got == {"every spring": ("SET", "XXXX-SP"), "fall": ("SET", "XXXX-FA")}
    got = _found(nlp, "Trains run each morning and evening.", "1996-08-23")
    assert got == {"each morning": ("SET", "XXXX-XX-XXTMO"), "evening": ("SET", "XXXX-XX-XXTEV")}
    assert _found(nlp, "Trains run each morning and Tuesday evening.", "1996-08-23")["Tuesday evening"] == ("TIME", "1996-08-27TEV")


def test_a_year_of_its_own_calendar_is_one_expression(nlp):
    got = _found(nlp, "The board adopted a budget for the 1993-94 school year.", "1993-08-31")
    assert got == {"the 1993-94 school year": ("DATE", "1993")}
    assert _found(nlp, "It must set rules for the 1997 fishing year.", "1996-08-23") == {"the 1997 fishing year": ("DATE", "1997")}


def test_a_vague_count_of_times_belongs_to_its_rate(nlp):
    got = _found(nlp, "Moderate earthquakes occur in the province several times a year.", "2001-03-25")
    assert got == {"several times a year": ("SET", "P1Y")}
    assert _found(nlp, "They met only a few times a year.", "2020-11-07") == {"a few times a year": ("SET", "P1Y")}


def test_a_half_of_a_fiscal_year_is_one_expression(nlp):
    got = _found(nlp, "The surplus for the first half of fiscal 1992 totaled $60 billion.", "1992-11-05")
    assert got == {"the first half of fiscal 1992": ("DATE", "1992-H1")}


def test_a_weekday_naming_a_schedule_is_every_such_day(nlp):
    got = _found(nlp, "The council will debate a proposal to add Sunday service on route 1.", "1999-09-16")
    assert got == {"Sunday": ("SET", "XXXX-WXX-7")}
    assert _found(nlp, "Monday hours could be restored by January.", "2005-07-06")["Monday"] == ("SET", "XXXX-WXX-1")
    assert _found(nlp, "Monday's service was cancelled.", "2005-07-06")["Monday"] == ("DATE", "2005-07-04")


def test_a_weekday_naming_one_kind_of_schedule_is_no_time(nlp):
    text = "On the bank holiday, buses will run to a Sunday timetable and a reduced Saturday service."
    assert "Sunday" not in _found(nlp, text, "2016-07-29") and "Saturday" not in _found(nlp, text, "2016-07-29")


def test_alternate_days_recur_every_second_day(nlp):
    got = _found(nlp, "Sprinklers can be used only on alternate days, between 6am and 8am.", "2015-01-28")
    assert got == {"alternate days": ("SET", "P2D"), "6am": ("TIME", "XXXX-XX-XXT06:00"), "8am": ("TIME", "XXXX-XX-XXT08:00")}
    assert _found(nlp, "The alternate route was closed.", "2015-01-28") == {}


def test_a_perfect_participle_tells_of_the_past(nlp):
    got = _found(nlp, "The novel was the surprise of the list, having been published by a small press in March.", "2011-10-18")
    assert got == {"March": ("DATE", "2011-03")}


def test_a_time_given_until_lies_ahead(nlp):
    got = _found(nlp, "Ortiz gave the county until 5 p.m. Monday to restore the names.", "2000-10-12")
    assert got == {"5 p.m. Monday": ("TIME", "2000-10-16T17:00")}


def test_election_day_is_the_tuesday_after_the_first_monday_of_november(nlp):
    got = _found(nlp, "With one week left before Election Day, the bond issue is in doubt.", "1996-10-29")
    assert got["Election Day"] == ("DATE", "1996-11-05")
    text = "Absentee ballots received by mail before Election Day will be included in the final totals."
    assert _found(nlp, text, "1988-11-09") == {"Election Day": ("DATE", "1988-11-08")}
    assert _found(nlp, "Voters went to the polls on Election Day.", "1996-06-10") == {"Election Day": ("DATE", "1995-11-07")}


def test_a_condition_without_a_verb_of_its_own_lies_ahead(nlp):
    got = _found(nlp, "Primaries will be held Oct. 12, with a runoff, if needed, on Nov. 9.", "1999-08-31")
    assert got == {"Oct. 12": ("DATE", "1999-10-12"), "Nov. 9": ("DATE", "1999-11-09")}


def test_a_day_awaited_in_a_future_clause_lies_ahead(nlp):
    got = _found(nlp, "Holcombe will recall their captain for Sunday's final.", "1997-06-18")
    assert got == {"Sunday": ("DATE", "1997-06-22")}
    assert _found(nlp, "Holcombe recalled their captain for Sunday's final.", "1997-06-18") == {"Sunday": ("DATE", "1997-06-15")}


def test_a_year_ago_compares_with_a_quarter_told_five_sentences_before(nlp):
    text = ("Hadson Corp. said it expects to report a third-quarter net loss of $17 million. "
            "The company said it will record a $7.5 million reserve for its defense group. "
            "It will also write off about $3.5 million in costs. "
            "The company also cited interest costs as factors in the loss. "
            "A year earlier, net income was $2.1 million.")
    assert _found(nlp, text, "1989-11-02")["A year earlier"] == ("DATE", "1988-Q3")


def test_a_month_a_report_measures_is_not_the_one_ahead_of_the_report(nlp):
    text = "Markets await the Labor Department's May employment report on Friday."
    assert _found(nlp, text, "1993-06-02")["May"] == ("DATE", "1993-05")
    assert _found(nlp, "Investors awaited October retail sales figures.", "1999-11-03") == {"October": ("DATE", "1999-10")}
    assert _found(nlp, "Britain's March retail sales rose.", "1993-12-31") == {"March": ("DATE", "1993-03")}
    assert _found(nlp, "Investors awaited the October vote.", "1999-11-03") == {"October": ("DATE", "2000-10")}


def test_a_range_of_counts_before_or_after_an_event_is_an_uncounted_length(nlp):
    got = _found(nlp, "Symptoms appear 15 to 50 days after exposure.", "1997-01-29")
    assert got == {"15 to 50 days": ("DURATION", "PXD")}
    assert _found(nlp, "The patients fell ill two or three days later.", "2011-02-18") == {"two or three days": ("DURATION", "PXD")}
    assert _found(nlp, "Symptoms appear 15 days after exposure.", "1997-01-29") == {"15 days": ("DURATION", "P15D")}


def test_the_following_year_after_a_month_is_that_months_year_moved_on(nlp):
    got = _found(nlp, "The company went public in March 1999. The following year, it moved to Ohio.", "2001-05-16")
    assert got["The following year"] == ("DATE", "2000")
    got = _found(nlp, "The comet passed close in July 1992. It was torn apart the year before.", "1994-07-24")
    assert got["the year before"] == ("DATE", "1991")


def test_the_unit_before_is_counted_back_at_the_start_of_a_sentence(nlp):
    assert _found(nlp, "It happened in 1999. The year before, it had flooded.", "2001-05-16")["The year before"] == ("DATE", "1998")


def test_the_following_month_by_name_is_the_first_one_after_the_date_told(nlp):
    text = "It went public in March 1999 at $14 a share. Its stock peaked at $112 the following March, then fell."
    assert _found(nlp, text, "2001-05-16")["the following March"] == ("DATE", "2000-03")
    text = "The plant opened in June 1995. The previous March, workers had struck."
    assert _found(nlp, text, "2001-05-16")["The previous March"] == ("DATE", "1995-03")
    assert "previous July" not in _found(nlp, "Sales were ahead of the previous July high, set in 1994.", "1997-08-28")


def test_a_day_a_closing_price_was_struck_on_is_past(nlp):
    text = "Van Leeuwen will pay 148 marks a share, a premium of 22 percent to the brewer's closing price on Thursday."
    assert _found(nlp, text, "1998-01-09") == {"Thursday": ("DATE", "1998-01-08")}
    text = "The offer is a premium of 27% over Benton's closing price of $27.15 on Friday."
    assert _found(nlp, text, "2006-11-27") == {"Friday": ("DATE", "2006-11-24")}


def test_figures_due_on_a_day_are_due_ahead(nlp):
    text = "Investors will be watching employment figures due on Friday. Many analysts expect a cut."
    assert _found(nlp, text, "2008-03-03") == {"Friday": ("DATE", "2008-03-07")}


def test_a_month_a_period_runs_to_is_one(nlp):
    got = _found(nlp, "The Nikkei average still ended the 12 months to March with its biggest gain in a decade.", "2004-03-31")
    assert got["March"] == ("DATE", "2004-03")
    assert _found(nlp, "Soldiers began to march to the border.", "2004-03-31") == {}


def test_its_latest_quarter_is_the_latest_quarter(nlp):
    got = _found(nlp, "The company said on Thursday that its profit nearly tripled in its latest quarter.", "2000-08-12")
    assert got["latest quarter"] == ("DATE", "2000-Q2")
    assert "fiscal year" not in _found(nlp, "For its fiscal year ended July 31, Benton earned $71.2 million.", "2006-11-27")


def test_a_month_figures_are_for_is_not_the_one_ahead_of_their_release(nlp):
    text = "The department is scheduled to release its index of producer prices for March tomorrow."
    assert _found(nlp, text, "1990-04-13")["March"] == ("DATE", "1990-03")
    text = "The office is due to publish retail sales figures for November in the first half of January."
    assert _found(nlp, text, "2004-12-29")["November"] == ("DATE", "2004-11")


def test_a_day_named_after_one_still_to_come_comes_after_it(nlp):
    text = "Hospitals were told to cancel routine operations on Friday and Monday and to keep emergency departments fully staffed."
    assert _found(nlp, text, "1999-12-29") == {"Friday": ("DATE", "1999-12-31"), "Monday": ("DATE", "2000-01-03")}
    text = "Following are statements made Friday and Thursday by the lawyer."
    assert _found(nlp, text, "1998-02-06") == {"Friday": ("DATE", "1998-02-06"), "Thursday": ("DATE", "1998-02-05")}


def test_a_meeting_one_was_invited_to_lies_ahead(nlp):
    text = "The Labor Ministry said it had invited both sides to meet in Lima on Monday."
    assert _found(nlp, text, "2004-06-17") == {"Monday": ("DATE", "2004-06-21")}
    assert _found(nlp, "The ministry invited both sides to meet in Lima on Monday.", "2004-06-17") == {"Monday": ("DATE", "2004-06-21")}


def test_what_is_told_as_possible_by_a_day_lies_ahead(nlp):
    text = "Forecasters warned of heavy snow, with a foot or more of snow possible by Wednesday."
    assert _found(nlp, text, "2011-01-31") == {"Wednesday": ("DATE", "2011-02-02")}


def test_a_month_in_a_clause_telling_of_a_year_is_of_that_year(nlp):
    text = "It was the worst tornado since 1974, when an April outbreak killed more than 70 people."
    assert _found(nlp, text, "1998-05-09")["April"] == ("DATE", "1974-04")
    text = "Easter falls three weeks later than last year, when it came on March 26, so spending will show up in April's numbers."
    assert _found(nlp, text, "1990-04-13")["April"] == ("DATE", "1990-04")


def test_the_end_of_the_month_told_as_past_is_of_the_month_just_told(nlp):
    text = "The campaign raised $1.1 million from July through September and had $710,000 on hand at the end of the month."
    assert _found(nlp, text, "1999-10-05")["the end of the month"] == ("DATE", "1999-09")
    text = "Sales fell in February. Prices will rise at the end of the month."
    assert _found(nlp, text, "2008-03-03")["the end of the month"] == ("DATE", "2008-03")


def test_twelve_in_the_morning_is_just_after_midnight(nlp):
    got = _found(nlp, "About 450 pilots walked off the job at 12:01 this morning.", "1999-11-16")
    assert got == {"12:01 this morning": ("TIME", "1999-11-16T00:01")}
    assert _found(nlp, "The strike began at 12:30 in the morning.", "1999-11-16") == {"12:30 in the morning": ("TIME", "1999-11-16T00:30")}
    assert _found(nlp, "It started at 12:15 this afternoon.", "1999-11-16") == {"12:15 this afternoon": ("TIME", "1999-11-16T12:15")}


def test_a_time_with_fractions_of_a_second_is_one_length(nlp):
    got = _found(nlp, "Ortega ran the 1,600 meters in 4 minutes, 38.71 seconds.", "1997-05-31")
    assert got == {"4 minutes, 38.71 seconds": ("DURATION", "PT4M38.71S")}
    assert _found(nlp, "He touched in 1 minute 56.71 seconds.", "2021-07-28") == {"1 minute 56.71 seconds": ("DURATION", "PT1M56.71S")}


def test_the_day_of_a_universal_time_is_not_the_storys_day(nlp):
    text = ("The ferry capsized at about 4:30 a.m. (2030 GMT on Monday) off the port of Bima. "
            "Navy patrol boats had rescued 61 people by mid-afternoon, an official said.")
    assert _found(nlp, text, "2012-01-17")["mid-afternoon"] == ("TIME", "2012-01-17TAF")


def test_a_number_to_ring_is_no_year(nlp):
    assert _found(nlp, "Residents could call the helpline 1913 for assistance.", "2015-12-02") == {}
    assert _found(nlp, "Residents can call the Corporation's helpline, 1913, to report fallen trees.", "2011-11-14") == {}
    assert _found(nlp, "The hall was built in 1913.", "2011-11-14") == {"1913": ("DATE", "1913")}


def test_all_summer_is_the_summer(nlp):
    got = _found(nlp, "It's the same story we have had all summer, a trader said.", "1998-08-20")
    assert got == {"summer": ("DATE", "1998-SU")}


def test_last_winter_said_in_january_is_the_year_before(nlp):
    assert _found(nlp, "The company was criticised last winter.", "2015-01-27") == {"last winter": ("DATE", "2014-WI")}
    assert _found(nlp, "The company was criticised last winter.", "2015-05-27") == {"last winter": ("DATE", "2014-WI")}
    assert _found(nlp, "Snow has been scarce this winter.", "2015-01-27") == {"this winter": ("DATE", "2015-WI")}


def test_a_feast_names_its_weekend_without_a_preposition(nlp):
    got = _found(nlp, "Monuments reopened after a Columbus Day weekend shutdown.", "1990-10-09")
    assert got == {"Columbus Day weekend": ("DATE", "1990-W40-WE")}
    got = _found(nlp, "Forecasters expect a mild, mostly dry Easter weekend.", "2014-04-16")
    assert got == {"Easter weekend": ("DATE", "2014-W16-WE")}


def test_a_feast_weekend_of_a_year_told_after_it(nlp):
    got = _found(nlp, "The last shutdown came over the Columbus Day weekend in 1990.", "1995-11-15")
    assert got == {"the Columbus Day weekend": ("DATE", "1990-W40-WE"), "1990": ("DATE", "1990")}


def test_a_month_a_peak_or_high_was_reached_in_is_past(nlp):
    text = "The selloff has pushed the index down more than 35% from its March peak."
    assert _found(nlp, text, "2000-10-19") == {"March": ("DATE", "2000-03")}
    assert _found(nlp, "The stock is down about 30 percent from its high in March.", "2000-08-12") == {"March": ("DATE", "2000-03")}
    assert _found(nlp, "Sales will hit a record in March.", "2000-10-19") == {"March": ("DATE", "2001-03")}


def test_a_half_of_the_year_is_placed_by_its_tense_as_a_half_named_alone(nlp):
    got = _found(nlp, "The government issued bonds in the second half of the year.", "1999-01-20")
    assert got == {"the second half of the year": ("DATE", "1998-H2")}
    got = _found(nlp, "We think the first half of the year will be the weakest.", "1997-12-11")
    assert got == {"the first half of the year": ("DATE", "1998-H1")}
    got = _found(nlp, "Sales rose in the first half of the year.", "1997-08-11")
    assert got == {"the first half of the year": ("DATE", "1997-H1")}


def test_a_month_of_that_year_is_one_expression_in_the_year_told_of(nlp):
    text = "In February of 1997, a fire broke out on board. Then in June of that year, a cargo ship hit the station."
    assert _found(nlp, text, "2001-03-23")["June of that year"] == ("DATE", "1997-06")
    got = _found(nlp, "He was elected in 1992 and resigned in March of the same year.", "2001-03-23")
    assert got["March of the same year"] == ("DATE", "1992-03")


def test_the_start_of_a_range_is_of_the_year_its_end_names(nlp):
    got = _found(nlp, "About 800,000 people were killed between April and July 1994.", "1998-09-02")
    assert got == {"April": ("DATE", "1994-04"), "July 1994": ("DATE", "1994-07")}
    got = _found(nlp, "Sales in December and January 1990 were weak.", "1998-09-02")
    assert got == {"December": ("DATE", "1989-12"), "January 1990": ("DATE", "1990-01")}
    got = _found(nlp, "They met in March and again in May 1995.", "1998-09-02")
    assert got["March"] == ("DATE", "1998-03")


def test_a_complement_read_as_a_present_is_told_in_the_tense_of_its_verb(nlp):
    got = _found(nlp, "The divers forced open the outer hatch late Sunday.", "2000-08-21")
    assert got == {"late Sunday": ("DATE", "2000-08-20")}


def test_move_with_nothing_moved_is_going_somewhere_not_a_plan(nlp):
    text = "The storm stalled off the coast before moving inland Thursday."
    assert _found(nlp, text, "1998-11-03") == {"Thursday": ("DATE", "1998-10-29")}
    assert _found(nlp, "The council moved the vote to Thursday.", "1998-11-03") == {"Thursday": ("DATE", "1998-11-05")}


def test_a_year_earlier_compares_with_the_last_month_or_year_told(nlp):
    text = ("Orders for the switches, introduced in September, exceeded expectations, and the backlog "
            "at year-end was about $52 million, double the level a year earlier.")
    assert _found(nlp, text, "1997-02-05")["a year earlier"] == ("DATE", "1995")
    text = "Inflation slowed to 6.0% in June, its lowest since November, but prices were up 115.6% from a year earlier."
    assert _found(nlp, text, "2023-07-14")["a year earlier"] == ("DATE", "2022-06")


def test_a_weekday_close_is_a_price_of_a_day_past(nlp):
    got = _found(nlp, "The offer is a 31% premium over Castle Creek's Friday close of $29.", "1996-06-18")
    assert got == {"Friday": ("DATE", "1996-06-14")}
    assert _found(nlp, "The stock will close Friday.", "1996-06-18") == {"Friday": ("DATE", "1996-06-21")}


def test_a_days_times_told_before_the_small_hours_after_it_are_of_the_day_before(nlp):
    text = "Polls open at 7 a.m. and close at 10 p.m., with the result expected in the early hours of Friday."
    got = _found(nlp, text, "2000-01-18")
    assert got["7 a.m."] == ("TIME", "2000-01-20T07:00") and got["10 p.m."] == ("TIME", "2000-01-20T22:00")
    text = "The quake hit at 10:42 pm local time (0342 GMT Wednesday), officials said Wednesday."
    assert _found(nlp, text, "2009-10-07")["10:42 pm local time"] == ("TIME", "2009-10-06T22:42")


def test_a_timetables_from_monday_to_friday_in_the_simple_present_recurs(nlp):
    got = _found(nlp, "The gallery is open from Tuesday to Sunday, 9am to 5pm.", "1994-08-13")
    assert got["Tuesday"] == ("SET", "XXXX-WXX-2") and got["Sunday"] == ("SET", "XXXX-WXX-7")
    got = _found(nlp, "Demonstrations will run at 11am and 3pm each day from Monday to Friday.", "2008-02-14")
    assert got["Monday"][0] == "DATE" and got["Friday"][0] == "DATE"


def test_a_bare_form_tagged_as_a_past_is_a_present(nlp):
    text = "There is an early-bird discount for supporters who renew before 31 May."
    assert _found(nlp, text, "2015-04-16") == {"31 May": ("DATE", "2015-05-31")}


def test_starting_a_days_event_is_no_start_from_that_day(nlp):
    got = _found(nlp, "The inmate accused of starting Sunday's fight was charged Tuesday.", "1996-03-14")
    assert got["Sunday"] == ("DATE", "1996-03-10")
    assert _found(nlp, "The government promised cash assistance starting Monday.", "1996-03-14") == {"Monday": ("DATE", "1996-03-18")}


def test_a_weather_warning_in_force_until_a_day_is_of_a_day_to_come(nlp):
    text = "The National Weather Service issued a winter storm warning for the metro area from 6 p.m. Friday until noon Saturday."
    got = _found(nlp, text, "2003-11-20")
    assert got["6 p.m. Friday"] == ("TIME", "2003-11-21T18:00") and got["noon Saturday"] == ("TIME", "2003-11-22T12:00")
    assert _found(nlp, "The bureau had issued a gale warning for the area on Tuesday.", "1996-03-14") == {"Tuesday": ("DATE", "1996-03-12")}
    got = _found(nlp, "Clinton glossed over warnings from Moscow on Thursday.", "1998-02-13")
    assert got == {"Thursday": ("DATE", "1998-02-12")}


def test_a_participle_after_with_is_told_in_the_tense_of_the_clause_with_hangs_on(nlp):
    text = "Pupils will then submit their school choices, with postings announced in December."
    assert _found(nlp, text, "2009-08-21") == {"December": ("DATE", "2009-12")}
    text = "Bars will serve liquor till 1am, in line with the excise department's order issued on Monday."
    assert _found(nlp, text, "2013-12-31")["Monday"] == ("DATE", "2013-12-30")


def test_that_summer_after_a_season_of_a_named_year_is_of_that_year(nlp):
    text = "She told him about the child in the spring of 1995. A blood test that summer confirmed his paternity."
    assert _found(nlp, text, "1997-04-10")["that summer"] == ("DATE", "1995-SU")
    text = "The 2009 swine flu pandemic, which began in the spring and peaked that fall, killed 12,000 people."
    assert _found(nlp, text, "2012-10-31")["that fall"] == ("DATE", "2009-FA")


def test_a_days_event_after_which_a_present_tells_is_past(nlp):
    got = _found(nlp, "Investors remain jittery after Friday's 190-point drop in the Dow.", "1989-10-19")
    assert got == {"Friday": ("DATE", "1989-10-13")}
    assert _found(nlp, "The board will decide after Friday's meeting.", "1989-10-19") == {"Friday": ("DATE", "1989-10-20")}


def test_what_was_to_happen_is_on_either_side_of_the_writing(nlp):
    got = _found(nlp, "Harwell extended the offer, which originally was to expire Oct. 27.", "1989-11-14")
    assert got == {"Oct. 27": ("DATE", "1989-10-27")}
    assert _found(nlp, "The offer was to expire Dec. 1.", "1989-11-14") == {"Dec. 1": ("DATE", "1989-12-01")}


def test_an_evening_time_of_a_report_whose_first_past_weekday_is_the_day_written(nlp):
    text = ("WARSAW, March 12 (Xinhua) -- Poland, the Czech Republic and Hungary formally joined NATO on Friday. "
            "The foreign ministers handed over their instruments of accession at a ceremony in Missouri. "
            "In Warsaw, the NATO flag was raised at 19:00 local time (1800 GMT), shortly after the ceremony.")
    assert _found(nlp, text, "1999-03-12")["19:00 local time"] == ("TIME", "1999-03-12T19:00")
    text = "Two inmates escaped on Friday night and remained at large Saturday. Guards found them missing at a 10 p.m. count."
    assert _found(nlp, text, "1999-11-20")["10 p.m."] == ("TIME", "1999-11-19T22:00")


def test_at_the_moment_leaves_its_preposition_out(nlp):
    got = _found(nlp, "Nobody wants to hold rupiah at the moment, a dealer said.", "1998-01-13")
    assert got == {"the moment": ("DATE", "PRESENT_REF")}
    assert _found(nlp, "The moment he arrived, he left.", "1998-01-13") == {}


def test_a_numbered_century_written_with_a_capital_is_a_century_not_a_name(nlp):
    got = _found(nlp, "Lead levels began to rise in the 10th Century, the researchers found.", "2015-03-31")
    assert got == {"the 10th Century": ("DATE", "09")}
    assert _found(nlp, "Two 17th-Century Flemish paintings were stolen.", "2014-09-09") == {"17th-Century": ("DATE", "16")}
    assert _found(nlp, "Shares of 21st Century Fox rose.", "2014-09-09") == {}


def test_a_clock_time_a_stretch_starts_from_is_of_its_day_not_of_every_day(nlp):
    text = "The lanes will come into force from 6am on Monday 21 July and stay in place until the end of the Games."
    assert _found(nlp, text, "2014-06-26")["6am"] == ("TIME", "2014-07-21T06:00")
    text = "Polling stations will be open from 7 a.m. to 8 p.m. until the end of the month."
    assert _found(nlp, text, "2014-06-26")["7 a.m."] == ("TIME", "XXXX-XX-XXT07:00")


def test_a_clock_time_of_a_participle_on_a_present_perfect_may_be_of_a_day_ahead(nlp):
    text = "Women's groups have organized a march on Friday afternoon, starting at 1 p.m., to call for equal pay."
    assert _found(nlp, text, "2019-03-05")["1 p.m."] == ("TIME", "2019-03-08T13:00")
    text = "Troopers have worked 140 crashes since 6 a.m., ahead of a storm due on Friday."
    assert _found(nlp, text, "2014-12-02")["6 a.m."] == ("TIME", "2014-12-02T06:00")


def test_the_day_a_clause_spans_is_the_day_told_of(nlp):
    text = "All public schools in the county were closed for the day, and businesses told employees to stay home."
    assert _found(nlp, text, "2007-02-14") == {"the day": ("DATE", "2007-02-14")}
    text = "The quake struck on Monday. Aftershocks rattled the area throughout the day."
    assert _found(nlp, text, "2007-02-14")["the day"] == ("DATE", "2007-02-12")
    assert _found(nlp, "They will wait for the day they can go home.", "2007-02-14") == {}
    assert _found(nlp, "The road will stay open during the day.", "2007-02-14") == {}


def test_the_first_of_the_year_or_month_is_the_nearest_such_first_as_the_clause_tells(nlp):
    got = _found(nlp, "Everybody says the same thing: maybe after the first of the year.", "1990-11-22")
    assert got == {"the first of the year": ("DATE", "1991-01-01")}
    got = _found(nlp, "Several thousand jobs have been lost since the first of the year.", "1998-05-28")
    assert got == {"the first of the year": ("DATE", "1998-01-01")}
    assert _found(nlp, "The new rates apply from the first of the month.", "1998-05-28") == {
        "the first of the month": ("DATE", "1998-06-01")}


def test_light_years_are_a_distance(nlp):
    assert _found(nlp, "The merger was recorded some 1.8 billion light years from Earth.", "2017-09-28") == {}


def test_a_month_of_a_gerund_is_not_told_ahead_as_a_present_progressive_is(nlp):
    text = "The articles accuse Clinton of lying to a federal grand jury in August about his relationship."
    assert _found(nlp, text, "1998-12-12") == {"August": ("DATE", "1998-08")}
    assert _found(nlp, "He is running for a second term in November.", "1998-12-12") == {"November": ("DATE", "1999-11")}


def test_a_day_something_is_done_by_told_in_the_present_lies_ahead(nlp):
    text = "If no agreement is reached by Monday, the law would require cuts."
    assert _found(nlp, text, "1990-09-26") == {"Monday": ("DATE", "1990-10-01")}
    assert _found(nlp, "By Saturday, the frame was up.", "1990-09-26") == {"Saturday": ("DATE", "1990-09-22")}


def test_a_days_event_following_which_a_present_tells_is_past(nlp):
    text = "The government widens its crackdown following Friday's failed coup attempt."
    assert _found(nlp, text, "2016-07-19") == {"Friday": ("DATE", "2016-07-15")}


def test_a_day_of_a_gerund_after_after_in_a_future_clause_lies_either_side(nlp):
    text = "Ghana and Egypt will meet in the final on Sunday after contrasting semi-final victories in Angola on Thursday."
    assert _found(nlp, text, "2010-01-29")["Thursday"] == ("DATE", "2010-01-28")


def test_a_clock_time_after_from_is_one_expression_with_the_day_that_starts_a_range(nlp):
    text = "CDOT said it will suspend all lane closures from noon Wednesday through Monday morning."
    got = _found(nlp, text, "2014-11-26")
    assert got == {"noon Wednesday": ("TIME", "2014-11-26T12:00"), "Monday morning": ("TIME", "2014-12-01TMO")}
    got = _found(nlp, "The library will stay open until 9 p.m. Monday through Thursday.", "2014-11-26")
    assert got["Monday"] == ("SET", "XXXX-WXX-1")


def test_a_habit_told_in_a_relative_clause_is_not_the_habit_of_the_time_it_follows(nlp):
    text = "Forecasters expect heavy rain to continue until at least the end of March, when the rainy season normally ends."
    assert _found(nlp, text, "2007-02-14") == {"the end of March": ("DATE", "2007-03")}
    text = "The monsoon typically runs from June to September."
    assert _found(nlp, text, "2007-02-14")["June"] == ("DATE", "XXXX-06")


def test_the_second_season_of_a_pair_is_the_first_of_its_name_from_the_first_on(nlp):
    text = "Experts warned the virus could return when temperatures fall in the autumn and winter."
    assert _found(nlp, text, "2013-05-08") == {"the autumn": ("DATE", "2013-FA"), "winter": ("DATE", "2013-WI")}
    assert _found(nlp, "Sales rose in the spring and summer.", "2013-05-08")["summer"] == ("DATE", "2013-SU")


def test_midnight_beside_a_small_hour_of_its_day_is_that_days_start(nlp):
    text = "Drivers walked off the job at 3 a.m. Sunday, after their contract expired at midnight."
    assert _found(nlp, text, "1997-06-18")["midnight"] == ("TIME", "1997-06-15T00:00")
    text = "Drivers walked off the job at 9 p.m. Sunday and talks ran past midnight."
    assert _found(nlp, text, "1997-06-18")["midnight"] == ("TIME", "1997-06-15T24:00")


def test_the_time_of_a_noun_that_is_the_circumstance_of_a_past_event_is_past(nlp):
    text = "During a storm in March, the wind tore the roof off the school."
    assert _found(nlp, text, "2013-12-10")["March"] == ("DATE", "2013-03")
    text = "Officials announced plans for a vote in March."
    assert _found(nlp, text, "2013-12-10")["March"] == ("DATE", "2014-03")


def test_a_modal_the_parse_hangs_on_another_auxiliary_still_tells_the_future(nlp):
    # the parse hangs "will" on "be", not on "closed"
    assert _found(nlp, "Federal courts will be closed Monday.", "2022-02-15") == {"Monday": ("DATE", "2022-02-21")}


def test_a_warning_until_a_clock_time_written_without_a_space_lies_ahead(nlp):
    text = "The Met Office issued a yellow warning for ice covering the north from 4pm until 10am on Sunday."
    assert _found(nlp, text, "2024-12-06")["Sunday"] == ("DATE", "2024-12-08")


def test_a_time_in_what_a_present_or_past_event_came_after_is_past(nlp):
    text = "The road remains closed after a landslide near the bridge on Sunday night."
    assert _found(nlp, text, "2014-02-12")["Sunday night"] == ("TIME", "2014-02-09TNI")
    text = "Policymakers next meet on Feb. 1, two weeks after the inauguration on Jan. 20."
    assert _found(nlp, text, "2016-12-14")["Jan. 20"] == ("DATE", "2017-01-20")


def test_the_time_of_what_a_verb_forecasts_lies_ahead(nlp):
    assert _found(nlp, "Forecasters predicted more snow over the weekend.", "2013-10-24") == {"the weekend": ("DATE", "2013-W43-WE")}
    assert _found(nlp, "The union warned of delays on Saturday.", "2013-10-24") == {"Saturday": ("DATE", "2013-10-26")}
    # a warning given on a day, of a clause
    assert _found(nlp, "The minister warned on Saturday that talks could fail.", "2013-10-24") == {"Saturday": ("DATE", "2013-10-19")}


def test_the_article_before_a_time_that_a_noun_follows_is_the_nouns(nlp):
    got = _found(nlp, "Crowds gathered for the 4:30 a.m. Mass at the cathedral.", "2009-01-24")
    assert got == {"4:30 a.m.": ("TIME", "2009-01-24T04:30")}


def test_a_time_right_after_ahead_of_in_a_present_clause_lies_ahead(nlp):
    text = "Banks are stockpiling cash ahead of Jan. 1, when the new currency takes over."
    assert _found(nlp, text, "1999-06-30")["Jan. 1"] == ("DATE", "2000-01-01")


def test_what_began_on_a_day_and_lasted_a_told_time_in_the_past_has_run(nlp):
    text = "The two sides talked for 12 hours starting Monday morning before talks collapsed."
    assert _found(nlp, text, "1994-08-10")["Monday morning"] == ("TIME", "1994-08-08TMO")
    text = "The government declared three days of mourning beginning Thursday."
    assert _found(nlp, text, "2000-10-18")["Thursday"] == ("DATE", "2000-10-19")


def test_a_day_right_after_since_is_past_however_the_parse_hangs_it(nlp):
    text = "The heat wave that has gripped the city since Saturday is expected to last through the holiday weekend."
    assert _found(nlp, text, "1999-06-29")["Saturday"] == ("DATE", "1999-06-26")


def test_a_unit_after_a_counted_noun_phrase_is_a_rate(nlp):
    text = "The smelter will process about 400,000 tonnes of zinc a year."
    assert _found(nlp, text, "2014-03-05") == {"a year": ("SET", "P1Y")}
    assert _found(nlp, "Fishermen land hundreds of sharks a month.", "2014-03-05") == {"a month": ("SET", "P1M")}
    # a count before a verb counts no rate
    text = "The council served notices on 12 families, giving residents a week to leave."
    assert _found(nlp, text, "2014-03-05") == {"a week": ("DURATION", "P1W")}


def test_a_length_left_open_after_it_is_one_expression(nlp):
    assert _found(nlp, "Repairs could take two years or more.", "1999-09-23") == {"two years or more": ("DURATION", "P2Y")}
    assert _found(nlp, "Snow may linger for another day or two.", "1999-09-23") == {"another day or two": ("DURATION", "PXD")}
    # a second length is its own
    assert _found(nlp, "He served a year or two years.", "1999-09-23") == {"a year": ("DURATION", "P1Y"), "two years": ("DURATION", "P2Y")}


def test_a_participle_after_as_is_told_in_the_tense_of_its_clause(nlp):
    assert _found(nlp, "The summit will go ahead as planned on March 3.", "1993-10-05") == {"March 3": ("DATE", "1994-03-03")}
    assert _found(nlp, "The vote went ahead as planned on Sunday.", "1993-10-05") == {"Sunday": ("DATE", "1993-10-03")}


def test_a_time_what_may_last_into_lies_ahead(nlp):
    assert _found(nlp, "Delays could stretch into the weekend.", "2014-12-02") == {"the weekend": ("DATE", "2014-W49-WE")}
    assert _found(nlp, "Talks ran into the weekend.", "2014-12-02") == {"the weekend": ("DATE", "2014-W48-WE")}


def test_a_past_midnight_something_started_from_is_the_one_that_began_the_day(nlp):
    # the day named before is the day written; the midnight the walkout began at is its start, not its end
    text = "Bus drivers walked off the job today. The walkout, which began at midnight, idled the city's buses."
    assert _found(nlp, text, "1996-09-03")["midnight"] == ("TIME", "1996-09-03T00:00")
    assert _found(nlp, "The strike will begin at midnight.", "2014-12-02") == {"midnight": ("TIME", "2014-12-02T24:00")}


def test_a_half_of_a_decade_or_century_has_its_value(nlp):
    assert _found(nlp, "Growth slowed in the first half of the 1990s.", "1999-10-26") == {"the first half of the 1990s": ("DATE", "199")}
    assert _found(nlp, "Profit rose in the first half of 1998.", "1999-10-26") == {"the first half of 1998": ("DATE", "1998-H1")}


def test_a_year_running_into_the_next_is_one_expression(nlp):
    assert _found(nlp, "The deficit will narrow to 9.3 percent in 2021/22.", "2021-02-25") == {"2021/22": ("DATE", "2021")}
    assert _found(nlp, "Rates rose in the 2013-14 year.", "2015-09-25") == {"the 2013-14 year": ("DATE", "2013")}
    assert _found(nlp, "The strike came in the winter of 1996-97.", "2000-09-26") == {"the winter of 1996-97": ("DATE", "1996-WI")}
    # years further apart are a range, not one year
    assert "1975-79" not in _found(nlp, "Its 1975-79 rule left a million dead.", "1995-10-10")


def test_a_perfect_infinitive_tells_of_what_was_done_before(nlp):
    text = "Inflation is expected to have hit 3 percent in September."
    assert _found(nlp, text, "2022-10-20") == {"September": ("DATE", "2022-09")}
    assert _found(nlp, "Inflation is expected to hit 3 percent in September.", "2022-10-20") == {"September": ("DATE", "2023-09")}


def test_the_day_a_clock_time_runs_through_is_no_other_day(nlp):
    got = _found(nlp, "Counting began at 8 a.m. and prices rose through the day.", "2019-05-23")
    assert got["8 a.m."] == ("TIME", "2019-05-23T08:00")


def test_what_one_wants_done_by_a_time_is_yet_to_be_done(nlp):
    assert _found(nlp, "The minister wants the work finished by March.", "1996-11-14") == {"March": ("DATE", "1997-03")}


def test_today_of_the_present_age_is_no_day(nlp):
    assert _found(nlp, "The barriers apply only to fathers in today's world.", "1998-04-24") == {}
    assert _found(nlp, "Today's decision was welcomed.", "1998-04-24") == {"Today": ("DATE", "1998-04-24")}


def test_a_saying_does_not_date_the_day_whose_event_it_tells_of(nlp):
    text = "Organisers of Saturday's race said it would go ahead."
    assert _found(nlp, text, "2018-10-10") == {"Saturday": ("DATE", "2018-10-13")}
    assert _found(nlp, "Police said Saturday's attack killed four.", "2018-10-10") == {"Saturday": ("DATE", "2018-10-06")}


def test_a_superlative_ranks_a_month(nlp):
    got = _found(nlp, "India recorded its driest August since records began in 1901.", "2023-09-12")
    assert got["August"] == ("DATE", "2023-08")


def test_a_plural_object_read_as_a_verb_tells_no_timetable(nlp):
    text = "The agency will issue public status reports every three hours from Friday evening through Saturday."
    got = _found(nlp, text, "1999-12-29")
    assert got["Friday evening"] == ("TIME", "1999-12-31TEV") and got["Saturday"] == ("DATE", "2000-01-01")


def test_hours_of_what_may_be_done_or_is_advised_are_of_any_day(nlp):
    got = _found(nlp, "Tankers can be requested from ward offices between 10 am and 5 pm.", "2001-01-12")
    assert got == {"10 am": ("TIME", "XXXX-XX-XXT10:00"), "5 pm": ("TIME", "XXXX-XX-XXT17:00")}
    got = _found(nlp, "Officials advised residents to stay indoors between noon and 4 pm.", "2013-05-14")
    assert got == {"noon": ("TIME", "XXXX-XX-XXT12:00"), "4 pm": ("TIME", "XXXX-XX-XXT16:00")}
    got = _found(nlp, "Offices stayed open between 10 am and 5 pm.", "2013-05-14")
    assert got == {"10 am": ("TIME", "2013-05-14T10:00"), "5 pm": ("TIME", "2013-05-14T17:00")}


def test_a_range_of_months_told_in_the_simple_present_is_of_any_year(nlp):
    got = _found(nlp, "Norovirus is most common between October and April.", "2020-01-15")
    assert got == {"October": ("DATE", "XXXX-10"), "April": ("DATE", "XXXX-04")}
    got = _found(nlp, "The company expects deliveries between May and July.", "2020-01-15")
    assert got == {"May": ("DATE", "2020-05"), "July": ("DATE", "2020-07")}


def test_a_weekday_of_no_particular_week_takes_its_article(nlp):
    assert _found(nlp, "It is easier than getting to work on a Monday.", "2000-09-17") == {"a Monday": ("DATE", "XXXX-WXX-1")}
    assert _found(nlp, "There was a Wednesday media event.", "2000-09-17") == {"Wednesday": ("DATE", "2000-09-13")}


def test_a_time_right_after_a_past_verb_is_that_verbs_however_the_parse_hangs_it(nlp):
    text = "The company now expects sales growth of 20 percent, up from the growth of 10 to 15 percent it forecast in March."
    assert _found(nlp, text, "2008-05-13")["March"] == ("DATE", "2008-03")


def test_hours_from_an_evening_to_a_morning_end_on_the_next_day(nlp):
    got = _found(nlp, "The commandant announced a curfew from 11 p.m. to 5 a.m., beginning tonight.", "1991-08-20")
    assert got["11 p.m."] == ("TIME", "1991-08-20T23:00") and got["5 a.m."] == ("TIME", "1991-08-21T05:00")


def test_the_month_told_as_past_in_a_months_first_days_is_the_one_just_ended(nlp):
    assert _found(nlp, "Sales fell 3% for the month.", "1991-01-09") == {"the month": ("DATE", "1990-12")}
    assert _found(nlp, "Sales fell 3% for the month.", "1991-01-20") == {"the month": ("DATE", "1991-01")}


def test_a_time_told_as_drawing_near_lies_ahead(nlp):
    text = "With the Labor Day weekend approaching, other carriers added flights."
    assert _found(nlp, text, "1998-09-02") == {"the Labor Day weekend": ("DATE", "1998-W36-WE")}


def test_a_past_time_of_day_with_no_day_beside_it_is_of_the_storys_day(nlp):
    text = ("A freight train derailed near the village early Wednesday, forcing the evacuation of about 300 residents. "
            "No injuries were reported.\n\nAccording to a fire service spokesman, eleven wagons left the tracks at "
            "around 4:40 a.m. on a stretch of line between two towns.")
    assert _found(nlp, text, "2008-02-14")["around 4:40 a.m."] == ("TIME", "2008-02-13T04:40")
    text = ("The tournament ended on Sunday with a win for the home side. The final drew a large crowd.\n\n"
            "A rain shower swept across the stadium shortly after 3 p.m., and the wind picked up in the late afternoon.")
    got = _found(nlp, text, "1991-05-07")
    assert got["3 p.m."] == ("TIME", "1991-05-05T15:00") and got["the late afternoon"] == ("TIME", "1991-05-05TAF")


def test_the_small_hours_after_the_storys_evening_are_of_the_next_day(nlp):
    text = ("The ferry lost power shortly before 8 p.m. on Friday, the operator said. Passengers waited on board for hours."
            "\n\nThe crew dropped anchor in a sheltered sound and a tug was sent. The vessel was towed into port at about 4:30 a.m.")
    assert _found(nlp, text, "2011-01-02")["about 4:30 a.m."] == ("TIME", "2011-01-01T04:30")


def test_hours_a_day_is_one_set_unless_the_hours_are_bounded(nlp):
    got = _found(nlp, "The hotline runs 24 hours a day, seven days a week.", "1998-12-02")
    assert got == {"24 hours a day": ("SET", "P1D"), "seven days a week": ("SET", "P1W")}
    got = _found(nlp, "Power cuts of up to six hours a day are common.", "1995-03-23")
    assert got == {"up to six hours": ("DURATION", "PT6H"), "a day": ("SET", "P1D")}


def test_a_time_of_day_still_to_come_in_a_year_told_of_is_of_no_one_day(nlp):
    text = "Under the plan, high school classes will start at 8:15 a.m. in the 1995-96 school year."
    assert _found(nlp, text, "1994-08-30")["8:15 a.m."] == ("TIME", "XXXX-XX-XXT08:15")
    assert _found(nlp, "Classes will start at 8:15 a.m.", "1994-08-30")["8:15 a.m."] == ("TIME", "1994-08-30T08:15")


def test_the_turn_of_the_century_is_the_year_the_nearest_century_begins(nlp):
    text = "The new terminal could be finished by the turn of the century."
    assert _found(nlp, text, "1996-06-04") == {"the turn of the century": ("DATE", "2000")}
    assert _found(nlp, text, "1893-06-04") == {"the turn of the century": ("DATE", "1900")}


def test_what_one_is_to_have_done_is_told_in_the_tense_of_have(nlp):
    text = "The council aims to have salt stockpiled by October."
    assert _found(nlp, text, "2010-08-24") == {"October": ("DATE", "2010-10")}


def test_a_past_form_in_a_case_supposed_is_yet_to_come(nlp):
    text = "\"I'd be surprised if they actually moved before the fall,\" the economist said."
    assert _found(nlp, text, "1993-05-20") == {"the fall": ("DATE", "1993-FA")}
    text = "The economist said they moved before the fall."
    assert _found(nlp, text, "1993-05-20") == {"the fall": ("DATE", "1992-FA")}


def test_a_days_event_told_as_yet_to_come_lies_ahead(nlp):
    text = "The city said Sunday's marathon would go on as scheduled."
    assert _found(nlp, text, "2012-10-31") == {"Sunday": ("DATE", "2012-11-04")}
    text = "The city said Sunday's marathon was a success."
    assert _found(nlp, text, "2012-10-31") == {"Sunday": ("DATE", "2012-10-28")}


def test_earlier_before_a_weekday_is_left_out_of_it(nlp):
    assert _found(nlp, "Earlier Friday, lawyers filed a petition.", "2000-01-07") == {"Friday": ("DATE", "2000-01-07")}
    assert _found(nlp, "Later Thursday, two cousins sought support.", "2000-01-07") == {"Later Thursday": ("DATE", "2000-01-06")}


def test_a_season_named_by_a_year_running_into_the_next_is_one_expression(nlp):
    text = "It was expected to draw the biggest crowd of the 1994/95 season."
    assert _found(nlp, text, "1994-12-28") == {"the 1994/95 season": ("DATE", "1994")}
    assert _found(nlp, "He retired after the 2002 season.", "2003-01-05") == {"2002": ("DATE", "2002")}


def test_a_range_of_weekdays_with_parts_of_the_day_runs_forward(nlp):
    text = "The round robin runs from Tuesday morning through Friday night."
    got = _found(nlp, text, "2019-01-31")
    assert got == {"Tuesday morning": ("TIME", "2019-02-05TMO"), "Friday night": ("TIME", "2019-02-08TNI")}


def test_a_clock_time_does_not_take_a_day_from_the_next_paragraph(nlp):
    got = _found(nlp, "The area stays open until 8 p.m.\n\nMonday is a holiday.", "2024-06-13")
    assert "8 p.m." in got and "Monday" in got


def test_the_far_end_of_a_stretch_from_now_lies_ahead(nlp):
    text = "Truck makers have announced plant shutdowns between now and the end of December."
    assert _found(nlp, text, "1989-11-16")["the end of December"] == ("DATE", "1989-12")
    text = "The committee plans to hold hearings every month between now and the summer."
    assert _found(nlp, text, "1999-02-24")["the summer"] == ("DATE", "1999-SU")


def test_the_late_part_of_this_week_said_on_a_sunday_is_the_week_ahead(nlp):
    assert _found(nlp, "The tour arrives at Lake Louise later this week.", "2014-11-30") == {"later this week": ("DATE", "2014-W49")}
    assert _found(nlp, "The tour arrived at Lake Louise earlier this week.", "2014-11-30") == {"earlier this week": ("DATE", "2014-W48")}


def test_a_month_dating_a_contract_a_sale_a_vote_or_figures_is_a_month(nlp):
    text = "West Texas Intermediate crude for May delivery settled at minus $37.63 a barrel."
    assert _found(nlp, text, "2020-04-20") == {"May": ("DATE", "2020-05")}
    assert _found(nlp, "No decision is expected before the May refunding.", "1992-02-05") == {"May": ("DATE", "1992-05")}
    assert _found(nlp, "Theresa May contracts were signed.", "2020-04-20") == {}
    assert _found(nlp, "The school board puts a levy on the May ballot.", "2000-03-14") == {"May": ("DATE", "2000-05")}
    assert _found(nlp, "Markets face a test with the release of May figures.", "1989-06-12") == {"May": ("DATE", "1989-05")}
    assert _found(nlp, "The May government won the vote.", "2018-03-14") == {}


def test_years_counted_from_a_month_give_a_year(nlp):
    text = "He signed for Groningen in September 1988 and joined PSV Eindhoven four years later."
    assert _found(nlp, text, "2007-08-16")["four years later"] == ("DATE", "1992")


def test_a_day_a_change_is_counted_from_is_past(nlp):
    text = "The bond was priced to yield 7.89%, down from 7.96% Friday."
    assert _found(nlp, text, "1992-04-07") == {"Friday": ("DATE", "1992-04-03")}
    assert _found(nlp, "Strikes will run from 9am Friday.", "1992-04-07") == {"9am Friday": ("TIME", "1992-04-10T09:00")}


def test_next_weekday_two_days_ahead_is_the_one_of_the_week_after(nlp):
    text = "The major chains report their sales results next Thursday."
    assert _found(nlp, text, "1991-11-26") == {"next Thursday": ("DATE", "1991-12-05")}
    assert _found(nlp, text, "1991-11-25") == {"next Thursday": ("DATE", "1991-11-28")}


def test_overnight_told_as_still_to_come_is_tonight(nlp):
    text = "The storm came ashore on Tuesday. Now forecasters say the heaviest downpours could come overnight."
    assert _found(nlp, text, "2001-06-08")["overnight"] == ("TIME", "2001-06-08TNI")


def test_a_weekday_the_text_calls_today_overrules_an_earlier_dateline(nlp):
    text = "KARACHI, Aug 8: Eid will be celebrated on Friday (today), the committee announced on Thursday."
    got = _found(nlp, text, "2013-08-09")
    assert got["today"] == ("DATE", "2013-08-09") and got["Thursday"] == ("DATE", "2013-08-08")


def test_a_weekday_naming_the_day_of_a_date_just_told_is_that_date(nlp):
    text = "The clerk was shot on March 12, 1982, a Friday, while closing the store."
    assert _found(nlp, text, "2000-11-09")["a Friday"] == ("DATE", "1982-03-12")
    text = "Because Christmas falls on a Sunday, the shopping season is short."
    assert _found(nlp, text, "1994-11-23")["a Sunday"] == ("DATE", "1994-12-25")
    assert _found(nlp, text, "2000-11-09")["a Sunday"] == ("DATE", "XXXX-WXX-7")


def test_the_following_year_told_as_past_is_counted_from_a_day_before_the_writing(nlp):
    text = ("The clerk was shot on March 12, 1982, a Friday, while closing the store. A man was arrested a week "
            "later after a witness said she had seen him. He was convicted the following year and sentenced to life.")
    assert _found(nlp, text, "2000-11-09")["the following year"] == ("DATE", "1983")
    text = "The company expects to finish the plant next spring and to double output the following year."
    assert _found(nlp, text, "2000-11-09")["the following year"] == ("DATE", "2001")


def test_hours_on_a_list_of_days_are_of_no_one_day(nlp):
    text = "Tickets can be bought in the athletic office from 8 a.m. to 3 p.m. Wednesday and Thursday."
    got = _found(nlp, text, "2011-05-31")
    assert got["8 a.m."] == ("TIME", "XXXX-XX-XXT08:00") and got["3 p.m."] == ("TIME", "XXXX-XX-XXT15:00")
    assert got["Wednesday"] == ("DATE", "2011-06-01")
    got = _found(nlp, "Tickets can be bought from 8 a.m. to 3 p.m. Wednesday.", "2011-05-31")
    assert got["3 p.m. Wednesday"] == ("TIME", "2011-06-01T15:00")


def test_a_vote_named_by_its_month_and_not_yet_past_is_the_next(nlp):
    text = "The board will discuss placing a new school levy on the November ballot at its next meeting."
    assert _found(nlp, text, "2012-04-19")["November"] == ("DATE", "2012-11")
    text = "The last levy failed in the November election by 312 votes."
    assert _found(nlp, text, "2012-04-19")["November"] == ("DATE", "2011-11")
    text = "Officials are still counting ballots from the May 11 elections."
    assert _found(nlp, text, "1992-06-07")["May 11"] == ("DATE", "1992-05-11")


def test_what_may_or_must_be_done_on_a_day_is_yet_to_be_done(nlp):
    assert _found(nlp, "The road may reopen Monday, the county said.", "2001-05-30")["Monday"] == ("DATE", "2001-06-04")
    text = "Town leaders have said they may put a smaller override on the ballot in the fall."
    assert _found(nlp, text, "2001-05-30")["the fall"] == ("DATE", "2001-FA")
    text = "Detectives said the robbery may be linked to two others in Ames in September."
    assert _found(nlp, text, "2012-10-31")["September"] == ("DATE", "2012-09")


def test_a_day_of_last_or_next_year_is_one_expression_in_that_year(nlp):
    text = "On July 2nd of last year, the government stopped defending its currency."
    assert _found(nlp, text, "1998-07-16") == {"July 2nd of last year": ("DATE", "1997-07-02")}
    text = "The previous deadline was Dec. 31 of this year, and the new one is Jan. 15 of next year."
    got = _found(nlp, text, "1999-10-21")
    assert got["Dec. 31 of this year"] == ("DATE", "1999-12-31") and got["Jan. 15 of next year"] == ("DATE", "2000-01-15")


def test_weeks_from_tomorrow_or_a_weekday_count_on_from_that_day(nlp):
    text = "South Carolina holds its primary a week from Saturday, and the jobs report comes out a week from tomorrow."
    got = _found(nlp, text, "2000-02-08")
    assert got["a week from Saturday"] == ("DATE", "2000-02-19") and got["a week from tomorrow"] == ("DATE", "2000-02-16")
    got = _found(nlp, "The plant will be closed for two weeks from Monday.", "2000-02-08")
    assert got == {"two weeks": ("DURATION", "P2W"), "Monday": ("DATE", "2000-02-14")}


def test_an_article_the_parse_hangs_on_a_word_after_the_time_is_left_out(nlp):
    got = _found(nlp, "Shares fell after the 4 p.m. close.", "2000-10-25")
    assert got == {"4 p.m.": ("TIME", "2000-10-25T16:00")}
    got = _found(nlp, "Shares have fallen sharply since the Sept. 11 attacks unsettled markets.", "2001-10-18")
    assert got == {"Sept. 11": ("DATE", "2001-09-11")}


def test_ahead_of_after_a_count_of_time_is_a_preposition(nlp):
    got = _found(nlp, "Prices have risen sharply in recent weeks ahead of the fasting month.", "1997-12-19")
    assert got == {"recent weeks": ("DURATION", "PXW")}
    assert _found(nlp, "Prices will rise in the weeks ahead.", "1997-12-19") == {"the weeks ahead": ("DURATION", "PXW")}


def test_the_end_of_the_month_still_running_or_as_a_deadline_is_the_writings_month(nlp):
    text = ("The judge moved the start of jury selection from March 21 to May 9 and ordered prosecutors "
            "to turn over the remaining documents by the end of the month.")
    assert _found(nlp, text, "2005-03-14")["the end of the month"] == ("DATE", "2005-03")
    text = ("Asian markets had a poor February, with most indexes ending the month lower after a brief rally "
            "in the middle of the month.")
    assert _found(nlp, text, "2008-03-03")["the middle of the month"] == ("DATE", "2008-02")


def test_a_day_written_before_its_month_then_last_year_is_one_expression(nlp):
    text = "He stabbed a man at a lock-up garage on the evening of 19 August last year."
    assert _found(nlp, text, "1995-03-14") == {"the evening of 19 August last year": ("TIME", "1994-08-19TEV")}
    assert _found(nlp, "The law takes effect on 1 July next year.", "1995-03-14") == {"1 July next year": ("DATE", "1996-07-01")}


def test_a_verb_inside_a_quotation_does_not_date_a_time_outside_it(nlp):
    text = 'Statements made this week: White House on Thursday ``For the past few weeks we\'ve been subjected to false leaks.\'\''
    assert _found(nlp, text, "1998-02-06")["Thursday"] == ("DATE", "1998-02-05")
    assert _found(nlp, "The mayor said he will decide on Thursday.", "1998-02-06")["Thursday"] == ("DATE", "1998-02-12")


def test_a_span_of_days_in_one_month_is_dated_by_its_first_day(nlp):
    got = _found(nlp, "The central bank's next policy meeting is scheduled for March 14-15.", "2016-01-29")
    assert got == {"March 14-15": ("DATE", "2016-03-14")}
    assert _found(nlp, "The Fed met on Nov. 5-6, 1997.", "1998-01-05") == {"Nov. 5-6, 1997": ("DATE", "1997-11-05")}
    assert _found(nlp, "Kenya beat Uganda on Sept. 3-1.", "1998-01-05") == {}


def test_the_weekend_of_a_date_is_that_weeks_weekend(nlp):
    got = _found(nlp, "The library will hold its book sale the weekend of June 26-28.", "2015-05-31")
    assert got == {"the weekend of June 26-28": ("DATE", "2015-W26-WE")}
    got = _found(nlp, "The work is planned for the weekend of Feb. 6 and 7.", "2016-01-20")
    assert got == {"the weekend of Feb. 6 and 7": ("DATE", "2016-W05-WE")}


def test_a_month_before_traded_goods_is_the_contracts_delivery_month(nlp):
    text = "In London, February Brent was quoted at $27.15, while January unleaded gasoline lost 2.35 cents."
    got = _found(nlp, text, "1990-12-24")
    assert got == {"February": ("DATE", "1991-02"), "January": ("DATE", "1991-01")}
    assert _found(nlp, "Brent fell, while May crude in New York rose to $14.65.", "1999-03-23") == {"May": ("DATE", "1999-05")}
    assert _found(nlp, "October corn exports fell sharply.", "1999-03-23") == {"October": ("DATE", "1998-10")}


def test_the_same_period_a_year_earlier_than_a_year_told_in_the_sentence(nlp):
    text = "The company earned $80 million in the first nine months of 2008, down from $97 million in the same period a year earlier."
    assert _found(nlp, text, "2009-01-15")["the same period a year earlier"] == ("DATE", "2007")


def test_the_fourth_quarter_told_of_in_january_is_the_one_just_ended(nlp):
    text = "The retailer said it expected to take a charge of up to $180 million in the fourth quarter."
    assert _found(nlp, text, "2016-01-07") == {"the fourth quarter": ("DATE", "2015-Q4")}
    text = "The company expects revenue to grow 45% in the fiscal fourth quarter."
    assert _found(nlp, text, "2000-02-15") == {"the fiscal fourth quarter": ("DATE", "2000-Q4")}


def test_a_length_after_a_comma_counted_from_an_event_is_not_joined_to_the_one_before(nlp):
    text = "Japan resumed commercial whaling for the first time in 31 years, a day after it left the commission."
    assert _found(nlp, text, "2019-07-01") == {"31 years": ("DURATION", "P31Y"), "a day": ("DURATION", "P1D")}
    got = _found(nlp, "She came ashore 17 hours and 42 minutes after she started.", "2000-07-03")
    assert got == {"17 hours and 42 minutes": ("DURATION", "PT17H42M")}


def test_a_day_followed_by_a_count_of_what_it_dates(nlp):
    text = "The agency had received 79 reports of the condition up to March 31, 19 of them fatal."
    assert _found(nlp, text, "2021-04-07") == {"March 31": ("DATE", "2021-03-31")}


def test_that_before_a_month_pointing_back_is_part_of_the_expression(nlp):
    text = ("The trainees served eight weeks in the summer of 1995. One woman said she first "
            "complained to a chaplain that August; she was moved soon after.")
    assert _found(nlp, text, "1997-04-29")["that August"] == ("DATE", "1995-08")
    text = "The chief executive told reporters that January had been the weakest month in years."
    assert "January" in _found(nlp, text, "2009-02-10")


def test_the_weekend_told_of_on_a_friday_is_the_one_about_to_begin(nlp):
    text = "Schools handed out laptops before students left for the weekend."
    assert _found(nlp, text, "2020-03-13") == {"the weekend": ("DATE", "2020-W11-WE")}
    assert _found(nlp, text, "2020-03-11") == {"the weekend": ("DATE", "2020-W10-WE")}


def test_the_summer_season_is_one_expression(nlp):
    text = "Air traffic controllers called a strike for Thursday, at the height of the summer season."
    assert _found(nlp, text, "1992-07-14")["the summer season"] == ("DATE", "1992-SU")
    text = "The real test of the spring season will come around Mother's Day in May."
    assert _found(nlp, text, "1996-04-04")["the spring season"] == ("DATE", "1996-SP")


def test_what_someone_is_asked_to_do_lies_ahead(nlp):
    assert _found(nlp, "The district is asking voters to approve a levy in November.", "2012-05-06") == {"November": ("DATE", "2012-11")}
    got = _found(nlp, "Commuters have been advised to avoid the Ring Road on Monday.", "2022-08-13")
    assert got == {"Monday": ("DATE", "2022-08-15")}
    got = _found(nlp, "Residents were ordered or urged to evacuate on Tuesday.", "1999-09-16")
    assert got == {"Tuesday": ("DATE", "1999-09-14")}


def test_a_story_from_canada_keeps_canadas_thanksgiving(nlp):
    text = ("Transit workers set strike deadline for day after Thanksgiving\n\nGUELPH, Ont. — Buses could "
            "stop running next week.")
    assert _found(nlp, text, "2010-10-06")["Thanksgiving"] == ("DATE", "2010-10-11")
    text = ("Food pantry sees record demand\n\nHALIFAX — A food pantry served a record number of families "
            "over the Thanksgiving long weekend.")
    assert _found(nlp, text, "2017-10-09")["the Thanksgiving long weekend"] == ("DATE", "2017-W40-WE")
    text = "CHICAGO (AP) — Millions of travellers headed home for Thanksgiving on Wednesday."
    assert _found(nlp, text, "1999-11-24")["Thanksgiving"] == ("DATE", "1999-11-25")


def test_an_hour_told_without_am_or_pm_after_night_is_of_the_evening(nlp):
    text = "He said goodbye to his wife Friday night before boarding a bus at 11:30."
    assert _found(nlp, text, "1990-08-12")["11:30"][1].endswith("T23:30")
    text = "Not tonight, David. The Senate adjourned at about a quarter past seven."
    assert _found(nlp, text, "1997-03-12")["about a quarter past seven"] == ("TIME", "1997-03-12T19:15")
    text = "The ferry left at 7:30 on Friday morning, a night after the storm."
    assert _found(nlp, text, "1990-08-12")["7:30"][1].endswith("T07:30")


def test_a_clock_time_said_in_words_takes_its_minutes_and_zone(nlp):
    text = "Endeavour lifted off at three-thirty-five a.m. Eastern Standard Time."
    assert _found(nlp, text, "1998-12-04") == {"three-thirty-five a.m. Eastern Standard Time": ("TIME", "1998-12-04T03:35")}
    text = "Then, at two-nineteen p.m. Eastern time, Discovery lifted off."
    assert _found(nlp, text, "1998-10-29") == {"two-nineteen p.m. Eastern time": ("TIME", "1998-10-29T14:19")}


def test_a_time_zone_after_a_clock_time_stays_with_it_across_a_sentence_split(nlp):
    text = "In Casper, the moon fully covered the sun at 11:42 a.m. MDT, and the sky stayed dark."
    assert "11:42 a.m. MDT" in _found(nlp, text, "2017-08-22")


def test_what_one_did_failed_or_began_to_do_is_of_the_time_of_the_doing(nlp):
    text = "Treasury prices fell yesterday as traders continued to digest Friday's strong employment report."
    assert _found(nlp, text, "1989-01-10")["Friday"] == ("DATE", "1989-01-06")
    assert _found(nlp, "The company declined to comment Friday.", "1989-01-10") == {"Friday": ("DATE", "1989-01-06")}
    assert _found(nlp, "Traders will continue to watch Friday's report.", "1989-01-10") == {"Friday": ("DATE", "1989-01-13")}


def test_a_period_told_as_beginning_or_ending_on_a_date_has_not_yet_reached_it(nlp):
    text = "The board expected exports of about 10 million tonnes in the year starting December 1."
    assert _found(nlp, text, "1992-09-23")["December 1"] == ("DATE", "1992-12-01")
    text = "The company raised its forecast for the full fiscal year, which ends Oct. 31."
    assert _found(nlp, text, "2000-02-15")["Oct. 31"] == ("DATE", "2000-10-31")
    text = "Challengers out-raised incumbents in the quarter ending June 30."
    assert _found(nlp, text, "1996-08-21")["June 30"] == ("DATE", "1996-06-30")


def test_a_time_joined_to_a_nouns_time_is_placed_as_that_one(nlp):
    text = "Ford and GM have both announced temporary plant closings for November and December."
    got = _found(nlp, text, "1989-11-02")
    assert got["November"] == ("DATE", "1989-11") and got["December"] == ("DATE", "1989-12")


def test_a_season_as_far_ahead_as_behind_with_no_tense_is_the_coming_one(nlp):
    text = "The agreement, signed Monday, calls for talks in the fall."
    assert _found(nlp, text, "1996-05-14")["the fall"] == ("DATE", "1996-FA")
    assert _found(nlp, "The talks were held in the fall.", "1996-05-14")["the fall"] == ("DATE", "1995-FA")


def test_a_day_said_in_words_takes_a_year_said_in_words_after_it(nlp):
    text = "The wall had divided the city since August thirteenth, nineteen sixty-one."
    assert _found(nlp, text, "1999-11-09") == {"August thirteenth, nineteen sixty-one": ("DATE", "1961-08-13")}
    assert _found(nlp, "On March first, two thousand people marched.", "2001-03-05") == {"March first": ("DATE", "2001-03-01")}


def test_an_hour_in_words_before_that_night_is_of_the_evening(nlp):
    text = "About six hours later, just before eleven o'clock that night, he climbed down the ladder."
    assert _found(nlp, text, "1999-07-20")["eleven o'clock"][1].endswith("T23:00")


def test_the_new_fiscal_year_is_the_one_after_the_current_one(nlp):
    text = "Lawmakers raised the prospect of spending cuts when the new fiscal year begins Oct. 1."
    assert _found(nlp, text, "1990-09-11")["the new fiscal year"] == ("DATE", "1991")


def test_may_after_figures_for_it_or_days_counted_in_it_is_the_month(nlp):
    text = "Retailers fell after reporting weaker-than-expected sales for May."
    assert _found(nlp, text, "1997-06-10") == {"May": ("DATE", "1997-05")}
    text = "The next sales report, covering the first 10 days of May, is due later."
    assert _found(nlp, text, "1990-05-03")["May"] == ("DATE", "1990-05")
    assert _found(nlp, "The party voted in support for May.", "2017-06-10") == {}


def test_a_clock_time_in_figures_after_since_between_or_its_now_is_found(nlp):
    assert _found(nlp, "Voters had been waiting since 04:30.", "2009-04-22") == {"04:30": ("TIME", "2009-04-22T04:30")}
    got = _found(nlp, "It is illegal to let them off between 23:00 and 07:00.", "2016-11-06")
    assert set(got) == {"23:00", "07:00"}
    text = "HOST: Good morning, it's 7:20. The games are now just over three weeks away."
    assert _found(nlp, text, "2015-06-18")["7:20"] == ("TIME", "2015-06-18T07:20")
    assert _found(nlp, "The halves ended 2:15 and 3:40.", "2015-06-18") == {}


def test_a_fiscal_year_told_by_its_first_day_is_the_year_holding_most_of_it(nlp):
    text = "The plan would trim the projected deficit for the fiscal year that begins Oct. 1."
    assert _found(nlp, text, "1989-04-12")["the fiscal year"] == ("DATE", "1990")
    text = "The council approved a budget for the fiscal year that begins July 1."
    assert _found(nlp, text, "1995-03-14")["the fiscal year"] == ("DATE", "1995")
    text = "In the fiscal year ended Jan. 31, the company reported sales of $59.5 million."
    assert _found(nlp, text, "1989-10-31")["the fiscal year"] == ("DURATION", "P1Y")
