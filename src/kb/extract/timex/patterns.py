"""The pattern table: each time-expression pattern, a regular expression over the text, with
the handler that checks its context and gives its TimeML value (longer matches win when they overlap)."""

from __future__ import annotations

import re

from kb.extract.timex.found import Handler
from kb.extract.timex.rules_dates import (
    h_ago, h_from_day, h_century, h_turn_of_century, h_decade, h_short_year, h_nth_weekday, h_dow_nth, h_nth_day, h_fiscal, h_split_year, h_full, h_half, h_iso, h_day_of_period, h_month, h_month_day, h_month_part, h_month_rel,
    h_month_this_year, h_month_year, h_months_quarter, h_next_day, h_numeric, h_quarter, h_rel_unit,
    h_running_quarter, h_season,
    h_nth_week, h_spoken_year, h_week_of, h_year,
)
from kb.extract.timex.rules_spans import (
    h_adverb_set, h_clock, h_clock_after_part, h_clock_bare, h_clock_past, h_deictic, h_spoken_clock, h_another_unit, h_duration, h_edge, h_holiday, h_hyphen_duration, h_in_the_unit,
    h_fortnight, h_next_hour, h_nights, h_part_alone, h_part_of_day, h_plural_dow, h_monthly_day, h_range_start, h_plural_units, h_rate, h_ref, h_ref_adj, h_same, h_set,
    h_running_day, h_sport_season, h_the_period, h_unit_told, h_the_week, h_new_year, h_this_time, h_week_on, h_weekday, h_weekend, h_weekend_np, h_midweek, h_weekends, h_year_ago, h_year_end, h_year_period,
)
from kb.extract.timex.words import (
    _COUNT_WORDS_RX, _HALF_OF, _HALF_OF_A, COMMA, DAY, DAY_LIST, DAY_NO, DAY_WORD, DOW, DOWA, EDGE, FEASTS, MODP, MOVABLE_FEASTS, MON, MONFULL, NUM, PART, QUAL, SPOKEN_YEAR, UNIT,
    VAGUE, YEAR, ZONE,
)


# --- the pattern table (longer matches win when they overlap) -----------------------------
# "next Sunday, April 28", "this coming Sunday, March eighth": one expression with its date
DOW_REL = r"(?:(?:next|last|this(?:\s+coming)?|coming)\s+)?"
# the last day of a span in one month ("March 14-15"), which a handler checks comes after the first
TO_DAY = rf"(?:[-–](?P<d2>{DAY_NO})\b)?"
TO_DAY_AND = rf"(?:(?:[-–]|\s+and\s+)(?P<d2>{DAY_NO})\b)?"  # "the weekend of Feb. 6 and 7"

PATTERNS: list[tuple[str, str, Handler]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?\b", h_iso),
    ("mdy", rf"\b(?:{DOW_REL}(?P<dow>{DOWA}){COMMA})?(?P<mon>{MON})\s*(?P<d>{DAY}){TO_DAY}{COMMA}(?P<y>{YEAR})", h_full),
    ("dmy", rf"\b(?:{DOW_REL}(?P<dow>{DOWA}){COMMA})?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s*(?P<mon>{MON}){COMMA}(?P<y>{YEAR})", h_full),
    ("numeric", r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b", h_numeric),
    ("md", rf"\b(?:{DOW_REL}(?P<dow>{DOWA}){COMMA})?(?P<mon>{MON})\s*(?P<d>{DAY}){TO_DAY}(?!(?!{DAY_LIST}|,\s*\d+\s+of\s)\s*(?:,\s*)?\d|-\w|\s+(?:years?|months?|days?|weeks?)\b)", h_month_day),
    ("dm", rf"\b(?:{DOW_REL}(?P<dow>{DOWA}){COMMA})?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MON})", h_month_day),
    # "August twenty-fifth", "the seventeenth of March", "Sunday the seventeenth": a day said in words
    ("md_words", rf"\b(?:{DOW_REL}(?P<dow>{DOWA}){COMMA})?(?P<mon>{MONFULL})\s+(?:the\s+)?(?P<d>{DAY_WORD})(?:,?\s+{SPOKEN_YEAR}\b)?", h_month_day),
    ("dm_words", rf"\b(?:{DOW_REL}(?P<dow>{DOWA}){COMMA})?the\s+(?P<d>{DAY_WORD})\s+of\s+(?P<mon>{MONFULL})\b", h_month_day),
    ("nth_day", r"\b(?:on|by|until|till|from|since|before|after)\s+(?P<x>the\s+(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))\b(?![\w-])", h_nth_day),
    ("dow_nth", rf"\b(?P<dow>{DOW})\s+the\s+(?P<d>{DAY_WORD}|(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)", h_dow_nth),
    ("dow_num", rf"\b(?P<dow>{DOW})\s+(?P<d>[12]\d|3[01]|0?[1-9])\b(?!\s*[-–/.:,]?\s*\d|\s*(?:[ap]\.?m\b|%|percent|per\s+cent))", h_dow_nth),
    ("week_of", rf"\bthe\s+week(?P<we>end)?\s+(?:of|ended|ending|to)\s+(?P<mon>{MON})\s*(?P<d>{DAY}){TO_DAY_AND}(?:{COMMA}(?P<y>{YEAR}))?(?!\s*(?:,\s*)?\d)", h_week_of),
    ("nth_week", rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONFULL})(?:{COMMA}(?P<y>{YEAR}))?\b", h_nth_week),
    ("md_next", rf"\b(?P<mon>{MON})\s*(?P<d1>{DAY})\s*(?:and|or|to|through)\s+(?P<d>{DAY})(?:{COMMA}(?P<y>{YEAR}))?(?!\s*(?:,\s*)?\d|\s*%|[.,]\d|\s+(?:percent|per\s*cent|[a-z]+s)\b)", h_next_day),
    ("my", rf"\b(?P<mod>{MODP})?(?P<mon>{MON}){COMMA}(?:of\s+)?(?P<y>{YEAR})", h_month_year),
    ("month_rel", rf"\b(?P<mod>{MODP})?(?P<rel>(?i:last|next|this|past|coming))\s+(?P<mon>{MONFULL})\b", h_month_rel),
    ("dm_this_year", rf"\b(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MON})\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b(?P<mod>)", h_month_this_year),
    ("md_this_year", rf"\b(?P<mon>{MON})\s*(?P<d>{DAY})\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b(?P<mod>)", h_month_this_year),
    ("the_year", rf"\b(?:the\s+)?year\s+(?P<y>{YEAR})(?P<mod>)", h_year),
    ("month_this_year", rf"\b(?P<mod>{MODP})?(?P<mon>{MONFULL})\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b", h_month_this_year),
    ("month", rf"\b(?P<mod>{MODP})?(?P<mon>{MONFULL})\b(?!\s*\d)", h_month),
    # "the final day of the year", "the last trading day of 2012": that day
    ("day_of_period", rf"\b(?:the\s+)?(?P<ord>first|last|final)\s+(?:full\s+)?(?P<work>(?:trading|business|working)\s+)?(?:day\s+|(?P<bare>(?<=first\s)))of\s+(?:(?P<y>{YEAR})\b|the\s+(?P<u>year|month)\b(?!['’])|(?P<mon>{MONFULL})\b(?:,?\s+(?P<y2>{YEAR})\b)?)", h_day_of_period),
    # "the first half of January", "the last days of March": a part of a month, told by the month
    ("month_part", rf"\b(?:the\s+)?(?:first|second|last|final|latter|closing|opening|early|later)\s+(?:(?:few|two|three|four|several|couple\s+of)\s+)?(?:half|days|weeks)\s+of\s+(?P<mon>{MONFULL})\b(?:,?\s+(?P<y>{YEAR}))?", h_month_part),
    # "the 1993-94 school year", "the 1997 fishing year", "the 2013-14 year", "the 1994/95 season": a year of its own calendar, named by the year it starts in
    ("kind_year", rf"\b(?:the\s+)?(?P<y>{YEAR})(?:[-–/](?:\d{{2}}|\d{{4}}))?\s+(?:(?:school|academic|fiscal|financial|business|budget|tax|model|crop|marketing|fishing|hunting|calendar|accounting|growing)\s+|(?<=\d\d[-–/]\d\d\s))year\b(?!-)|\b(?:the\s+)?(?P<y3>{YEAR})[-–/](?:\d{{2}}|\d{{4}})\s+season\b(?!-)", h_fiscal),
    ("fiscal", rf"\b(?:{EDGE})?(?:fiscal(?:\s+year)?\s+(?P<y>\d{{4}})(?:[-–/]\d{{2}}\b(?![-–/]\d))?|FY\s?(?P<y2>\d{{4}}|\d{{2}}))\b", h_fiscal),
    # "in 2021/22", "the 1984-85 miners' strike": a season or accounting year across two
    # calendar years, named by the year it starts in
    ("split_year", r"\b(?P<y>(?:1[5-9]\d\d|20\d\d))[-–/](?P<yy>\d\d)\b(?![-–/.,]?\d)", h_split_year),
    ("year", rf"\b(?P<mod>{MODP})?(?P<y>{YEAR})(?!\s*(?:%|per\s*cent|GMT\b|UTC\b|hrs\b|hours\b))", h_year),
    ("spoken_year", rf"\b(?:(?P<mon>{MONFULL})\s+(?:of\s+)?|the\s+year\s+)?{SPOKEN_YEAR}\b", h_spoken_year),
    ("decade", rf"(?:\b|(?=['’]\d0s\b))(?:(?:the\s+)?{_HALF_OF_A}\s+)?(?:the\s+)?(?:(?P<part>{PART})[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|(?:['’]|(?<=the\s)|(?<=early\s)|(?<=late\s)|(?<=mid\s)|(?<=mid-))(?P<short>\d0)s|(?:nineteen[\s-]+)?(?P<word>(?-i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b", h_decade),
    # "the '65 flood", "since '98": a year written with its last two digits
    ("short_year", r"\b(?:in|of|the|since|until|till|by|from|to|and|or|during|before|after)\s+(?P<x>['’](?P<yy>\d{2}))\b(?![’'%.,]?\d|s\b)", h_short_year),
    ("turn", r"\b(?:the\s+)?turn\s+of\s+the\s+(?:century|millenn?ium)\b", h_turn_of_century),
    ("century", rf"\b(?:(?:the\s+)?{_HALF_OF_A}\s+)?(?:the\s+)?(?:(?P<part>{PART})[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+centur(?:y|ies)\b", h_century),
    ("quarter", rf"\b(?:(?P<rel0>this|last|next)\s+year['’]s\s+)?(?P<mod>{EDGE})?(?:the\s+)?(?:(?:fiscal|financial)[\s-]+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|financial\s+|calendar\s+)?(?:quarter|(?P<per>period))\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the|previous|current)\s+year))?(?:\s*,?\s*(?P<y0>{YEAR}))?(?P<q>)", h_quarter),
    # "the March quarter", "the December 2012 quarter": the quarter that month ends
    ("month_quarter", rf"\b(?:the\s+)?(?-i:(?P<mon>March|June|September|December|Mar\.|Sept?\.|Dec\.))[\s-]+(?:(?P<y0>{YEAR})[\s-]+)?quarter\b(?:\s+of\s+(?P<y>{YEAR}))?(?P<ord>)(?P<rel>)(?P<rel0>)(?P<q>)", h_quarter),
    # "the April-June period", "the July-September quarter": a quarter told by its months
    ("months_quarter", rf"\b(?:the\s+)?(?-i:(?P<m1>January|April|July|October|Jan\.|Apr\.|Jul\.|Oct\.))\s*[-–]\s*(?-i:(?P<mon>March|June|September|December|Mar\.|Sept?\.|Dec\.))\s+(?:(?P<y0>{YEAR})\s+)?(?:quarter|period)\b(?P<y>)(?P<ord>)(?P<rel>)(?P<rel0>)(?P<q>)", h_months_quarter),
    # "the ninth consecutive quarter": a count of quarters, ending with the one reported on
    ("running_quarter", r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\s+(?:consecutive|straight|successive)\s+quarter\b", h_running_quarter),
    ("q", rf"\b(?:(?P<y0>{YEAR})[\s-]*)?(?-i:Q)(?P<q>[1-4])\b(?:\s*(?P<y>{YEAR}))?(?P<ord>)(?P<rel>)(?P<rel0>)", h_quarter),
    ("half", rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|latter|last)[\s-]+half(?![\s-]+(?:an?\s+)?(?:hours?|minutes?|dozen|miles?|points?|centur|decade)){_HALF_OF}?(?P<h>)(?P<y0>)(?P<hq>)", h_half),
    # "the first two quarters of 1990": a half
    ("two_quarters", rf"\b(?:the\s+)?(?P<ord>first|second|last)\s+(?P<hq>two\s+quarters){_HALF_OF}(?P<h>)(?P<y0>)", h_half),
    ("h", rf"\b(?:(?P<y0>{YEAR})[\s-]*)?(?-i:(?P<hq>H))(?P<h>[12])\b(?:\s*(?P<y>{YEAR}))?(?P<ord>)(?P<rel>)", h_half),
    ("season", rf"\b(?P<mod>{MODP})?(?:(?:this\s+)?(?P<rel>last|this|next|past|coming|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR})(?:[-–/]\d\d\b(?![-–/]\d))?)?\b", h_season),
    ("year_season", rf"\b(?P<y>{YEAR})\s+(?P<s>spring|summer|autumn|fall|winter)\b(?P<rel>)(?P<mod>)", h_season),
    ("rel_unit", rf"\b(?P<the>the\s+)?(?:(?P<mod>{MODP}|earlier|later|early|late)\s*)?(?:this\s+(?=past\s))?(?P<rel>last|this|next|past|coming|previous|following|current|new(?=\s+(?:fiscal|financial)\s+year\b))\s+(?P<fy>(?:fiscal|financial)\s+)?(?P<u>week|weekend|month|year|decade|century|quarter)\b(?!-)", h_rel_unit),
    # "a week from Saturday", "two weeks from tomorrow": the day that many weeks on from that day
    ("from_day", rf"(?<!\bfor\s)(?<!\bonce\s)(?<!\btwice\s)(?<!\beach\s)(?<!\bevery\s)\b(?P<n>{NUM})\s+(?P<u>weeks?|fortnights?|days?)\s+from\s+(?P<from>tomorrow|{DOW})\b(?!['’])", h_from_day),
    ("ago", rf"\b(?:(?:{QUAL}|nearly|almost|over)\s+)?(?:(?P<n0>{NUM})\s+(?:or|to)\s+(?={NUM}))?(?:(?P<n>{VAGUE}|{NUM})\s+)?(?:more\s+)?(?P<u>{UNIT})(?:s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|after|from\s+(?:now|today)|hence|prior)\b|(?:s['’]|['’]s)\s+(?P<dir2>time)\b)", h_ago),
    # "another year", "an extra hour": one more of the unit
    ("another_unit", r"\b(?:another|an\s+extra|an\s+additional)\s+(?P<u>minute|hour|day|night|week|month|year|decade)\b(?![-'’])", h_another_unit),
    ("duration", rf"\b(?:(?P<q>{QUAL})\s+)?(?:(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?P<rel>past|last|next|coming|first|previous|following|final|latest)\s+)?(?:(?P<n0>{NUM})\s+(?:to|or)\s+(?=(?:{NUM})\s))?(?P<n>{VAGUE}|(?:{NUM})\s+and\s+a\s+half|half\s+an?|an?\s+half|{NUM})\s+(?:{_COUNT_WORDS_RX})?(?P<u>{UNIT})s?\b(?P<half>\s+and\s+a\s+half\b)?(?:\s+old\b)?(?!-)", h_duration),
    ("hyphen", rf"\b(?P<n>{NUM}|{VAGUE}|multi)-(?P<u>{UNIT})(?:-(?:long|old))?\b", h_hyphen_duration),
    ("long", r"\b(?P<n>)(?P<u>year|decade|month|week|day|century)-long\b", h_hyphen_duration),
    ("plural", r"\b(?:for|in|over|within|after|of|spanning|lasting|than|since|take|takes|took|taken)\s+(?P<x>(?P<q>(?:the\s+)?(?:many|several|recent|past\s+few|last\s+few|coming|next\s+few|few)\s+)?(?P<u>years|months|quarters|weeks|days|decades|hours|minutes|centuries)(?P<ahead>\s+ahead(?!\s+of\b))?)\b(?!\s+ago)", h_plural_units),
    ("plural_of", r"(?<![\w-])(?P<x>(?P<q>)(?P<u>(?-i:Years|Months|Weeks|Days|Hours|Decades|years|months|weeks|decades|centuries))(?P<ahead>))\s+of\b", h_plural_units),
    ("recent", r"\b(?P<x>(?P<q>(?:the\s+)?(?:recent|coming|past\s+few)\s+|(?<=in\s)past\s+)(?P<u>years|months|quarters|weeks|days|decades)(?P<ahead>))\b", h_plural_units),
    # "the second Monday of each month": a day every month
    # "the first Sunday in October", "the last Monday of May 2019": that day of the month
    ("nth_weekday", rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|last|final)\s+(?P<dow>{DOW})\s+(?:of|in)\s+(?P<mon>{MONFULL})\b(?:\s*,?\s*(?P<y>{YEAR}))?", h_nth_weekday),
    ("monthly_day", rf"\b(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:{DOW})\s+(?:of|in)\s+(?:each|every)\s+month\b", h_monthly_day),
    ("set", rf"\b(?:(?:every|each)\s+(?:(?P<other>other)\s+)?|(?P<alt>alternate)\s+(?=(?:day|week|month|year)s\b))(?:(?P<n>{NUM}|few|several)\s+)?(?:(?P<u>{UNIT})s?|(?P<dow>{DOW})(?:\s+(?P<dpod>morning|afternoon|evening|night))?|(?P<mon>{MONFULL})|(?P<pod>morning|afternoon|evening|night)|(?P<season>spring|summer|autumn|fall|winter)|(?P<we>weekend|weekday))\b", h_set),
    # "open at weekends", "works weekends": every weekend (not "the two weekends", "both weekends")
    ("weekends", r"\b(?P<x>weekends|weekdays)\b", h_weekends),
    ("rate", rf"\b(?:(?P<freq>once|twice|three\s+times|four\s+times|\d+\s+times|{NUM}\s+times|(?:several|many|a\s+few|multiple|numerous|(?:dozens|hundreds|thousands)\s+of)\s+times|{NUM}\s+(?:days|nights|mornings|afternoons|evenings|hours))\s+)?(?P<art>a|an|per)\s+(?P<u>{UNIT}|night)\b(?!s|-|\s+(?:ago|earlier|later|before|after)\b)", h_rate),
    # "several nights", "three nights": so many days
    ("nights", rf"\b(?P<n>{VAGUE}|{NUM})\s+nights\b", h_nights),
    ("adverb_set", r"\b(?:annually|yearly|daily|weekly|fortnightly|monthly|hourly|nightly)\b", h_adverb_set),
    ("dows", r"(?<!TGI\s)\b(?P<d>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b", h_plural_dow),
    ("deictic", r"\b(?:(?:early|late|earlier|later)\s+(?=yesterday|today|tonight))?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow)\b", h_deictic),
    ("in_the_unit", r"\b(?:earlier|later|late|early)\s+in\s+(?:(?P<x>the\s+day)\b|the\s+(?P<u>week|month|year|decade)\b(?!\s+(?:of|before|after|to|ended|ending)\b))", h_in_the_unit),
    ("pod_alone", r"\b(?:(?:(?:in|by|during|through|until|throughout|spen[dt]|spending|(?:much|most|all|the\s+rest)\s+of)\s+|(?=mid-(?:morning|afternoon|evening)\b))(?P<x>(?:(?:early|late|mid)[\s-]?)?(?:the\s+)?(?:(?:early|late)\s+)?(?P<pod>morning|afternoon|evening|lunchtime))|(?P<x2>overnight))\b", h_part_alone),
    # "before dawn", "by nightfall", "after sunset": the part of the day the sun's rising or
    # setting falls in (not "dawn raids", "a sunrise service")
    ("pod_sun", r"(?<!dusk\s)\b(?:before|after|at|by|until|till|around|toward|towards)\s+(?:shortly\s+(?:before|after)\s+)?"
                r"(?P<x>(?P<pod>dawn|daybreak|sunrise|dusk|sunset|sundown|nightfall))\b(?![\w-]|\s+(?:to|till|until)\s+dawn)(?P<x2>)", h_part_alone),
    # "during the month", "for most of the week", "for most of the decade": the month, week or decade told of
    ("unit_told", r"\b(?:during|for|through|throughout|over|across)\s+(?:(?:most|much|all|the\s+rest|the\s+remainder)\s+of\s+)?"
                  r"(?P<x>the\s+(?P<u>week|month|decade))\b(?![\w-]|['’]|\s+(?:of|before|after|ended|ending|earlier|ago|to|that|when|in|ahead|since|through|prior|just|leading)\b)", h_unit_told),
    # "closed for the day", "throughout the day", "for most of the day": the day told of (not
    # "during the day", daytime; nor "the day" a weekday or a clause follows)
    ("day_told", r"\b(?:for|throughout|(?:most|much|all|the\s+rest|the\s+remainder)\s+of)\s+(?P<x>the\s+(?P<u>day))\b"
                 rf"(?![\w-]|['’]|\s+(?:of|before|after|when|that|in|on|earlier|later|ahead|to|they|we|he|she|it|I|you|today|tomorrow|yesterday|{DOW})\b)", h_unit_told),
    # "this afternoon and evening", "Monday afternoon and evening": a part of the day joined to one before it
    # (not one before a noun it names a kind of: "morning and evening rush hours")
    ("pod_pair", r"\b(?:morning|afternoon|evening)\s+(?:and|or)\s+(?P<x>(?P<pod>afternoon|evening))\b(?![\w-])"
                 r"(?!\s+(?!(?:and|or|to|on|in|at|with|of|before|after|when|as|but|the|a|is|was|will|were|are)\b)[a-z]+\b)(?P<x2>)", h_part_alone),
    # "worked through the night", "ran into the night", "spent the night": the night of the day told
    ("pod_night", r"\b(?:through|into|during|throughout|spen[dt]|spending|(?:much|most|all|the\s+rest)\s+of)\s+(?P<x>the\s+night)\b(?!\s+(?:of|before|after)\b)(?P<pod>)(?P<x2>)", h_part_alone),
    # "the evening of Feb. 11", "the morning of Tuesday": a part of the day that follows
    ("pod_of", rf"\b(?P<x>(?:the\s+)?(?:(?:early|late)\s+)?(?P<pod>morning|afternoon|evening|night)\s+of)\s+(?=(?:{DOWA}{COMMA})?(?:(?:the\s+)?{DAY}(?:\s+of)?\s+{MON}|{MON}\s*{DAY})|{DOW}\b)(?P<x2>)", h_part_alone),
    ("pod", r"\b(?P<rel>(?:early\s+|late\s+|earlier\s+|later\s+)?(?:this|yesterday|tomorrow|last))\s+(?P<pod>morning|afternoon|evening|night)\b", h_part_of_day),
    ("weekday", rf"\b(?:(?:early|late|later)\s+(?={DOW}))?(?:(?P<rel>last|this|next|past|coming|the\s+previous|the\s+following|that|the(?=\s+{DOW}\b(?!\s+(?:of|after|before)\b)))\s+)?(?P<dow>{DOW})(?!')(?:\s+(?P<pod>mornings?|afternoons?|evenings?|nights?|overnight))?(?:\s+of\s+(?P<wrel>last|next|this)\s+week)?\b", h_weekday),
    # "until the new year": the year about to begin (or just begun)
    ("new_year", r"\bthe\s+(?-i:new\s+year)\b(?!['’])", h_new_year),
    # "this time last year": the writing's month, a year back
    ("this_time", r"\b(?:this|that)\s+time\s+(?P<rel>last|next)\s+year\b", h_this_time),
    # "a week on Thursday", "Thursday week": the Thursday after next
    ("week_on", rf"\ba\s+week\s+(?:on\s+)?(?P<dow>{DOW})\b|\b(?P<dow2>{DOW})\s+week\b(?!['’]|\s+(?:of|ending|ended)\b|\s+to\s+(?:{DOW}|{MON}|\d|the\b|date\b))", h_week_on),
    ("weekday_s", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<dow>{DOW})(?=['’]s)(?P<pod>)", h_weekday),
    ("range_start", r"\b(?:from|between|at|is|are|be|will\s+run|runs?)\s+(?P<x>(?P<h>\d{1,2})(?::(?P<mi>\d\d))?)\s*(?:to|-|–|and|until|till)\s*(?P<h2>\d{1,2})(?:[:.]\d\d)?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[ap]\.m\b)", h_range_start),
    ("clock", rf"(?:\b(?:(?:about|around|approximately|roughly)\s+)?(?P<h>\d{{1,2}}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s+[ap]\.m\.))(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)(?:\s+{ZONE})?|\b(?:(?:12|twelve)\s+)?(?P<word>noon|midday|midnight)\b(?:\s+{ZONE})?|\b(?P<oc>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[:.](?P<ocm>[0-5]\d))?(?:\s+(?:o['’]clock\b(?:\s+in\s+the\s+(?:morning|afternoon|evening)\b|\s+at\s+night\b)?|(?P<ocp>in\s+the\s+(?:morning|afternoon|evening))\b)|(?P<ocl>(?=\s+(?:(?:this|tomorrow|yesterday)\s+(?:morning|afternoon|evening)|tonight)\b)))(?:\s+{ZONE})?)", h_clock),
    # "ten past two", "a quarter to ten", "eleven minutes past six in the morning", "one minute after midnight"
    ("clock_past", rf"\b(?:(?:about|around|just|shortly)\s+)?(?P<mw>a\s+quarter|quarter|half|(?:twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|ten|eleven|twelve|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen|six|seven|eight|nine|\d{{1,2}})(?P<mins>\s+minutes?)?\s+(?P<rel>past|after|to|before)\s+(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon)\b(?:\s+(?P<ocp>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?(?:,?\s+{ZONE})?", h_clock_past),
    # "tonight at 9.30", "Saturday evening at 7.30": an hour after a part of the day later than the morning
    ("clock_after_part", r"\b(?:afternoon|evening|(?<!mid)night|tonight)\s+at\s+(?P<x>(?P<h>\d{1,2})(?:[.:](?P<mi>[0-5]\d))?)\b"
                         r"(?![.:,]?\d|\s*(?:a\.?m\b|p\.?m\b|o['’]clock|%|per\s*cent))", h_clock_after_part),
    # "from 00:01 on Friday", "the gates open at 10:30", "waiting since 04:30", "between 23:00 and 07:00",
    # "It's 7:42": a clock time in figures alone, after its preposition or told as the time now
    ("clock_bare", r"\b(?:at|from|until|till|by|before|after|since|between|as\s+of|it['’]s|it\s+is|(?<=:\d\d\s)and)\s+(?P<x>(?P<h>[01]\d|2[0-3]|\d):(?P<mi>[0-5]\d))\b(?![:.,]?\d|\s*(?:a\.?m\b|p\.?m\b|%))(?P<hh>)(?P<ap>)(?P<word>)(?P<oc>)(?P<ocm>)(?P<ocl>)", h_clock_bare),
    ("spoken_clock", rf"\b(?:(?:about|around)\s+)?(?P<sh>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?P<sm>fifteen|thirty|forty[\s-]five|o[\s-](?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen|twenty|(?:twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\s+(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+{ZONE})?|(?=\s+(?:this\s+(?:morning|afternoon|evening)|tonight|in\s+the\s+(?:morning|afternoon|evening)|(?:local|eastern|pacific|central)\s+time|GMT)))", h_spoken_clock),
    ("clock24", rf"\b(?:(?P<h>[01]?\d|2[0-3])[:.]|(?P<hh>[01]\d|2[0-3]))(?P<mi>[0-5]\d)\s*(?:{ZONE}|hours|hrs)(?P<ap>)(?P<word>)(?P<oc>)(?P<ocm>)(?P<ocl>)", h_clock),
    ("ref", r"\b(?P<x>right\s+now|now|currently|presently|nowadays|at\s+present|these\s+days|(?<=at\s)the\s+moment|recently|lately|(?<=in\s)the\s+past(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|hours?))|the\s+(?:(?:near|distant|immediate|foreseeable)\s+)?future(?!\s+(?:of|tense)\b)|(?<=in\s)future|the\s+(?:near|short|long)\s+term\b|(?<=in\s)recent\s+times|(?<=at\s)present|the\s+present\s+day)\b", h_ref),
    ("ref_adj", r"\b(?P<x>(?P<then>then\s+)?(?P<w>current|recent))\b", h_ref_adj),
    ("holiday", rf"\b(?P<name>(?-i:Christmas(?:\s+(?:Eve|Day|(?P<season>(?:shopping\s+)?season|holidays|period)))?|New\s+Year['’]s\s+(?:Eve|Day)|New\s+Year(?:['’]s)?(?=\s+(?:period|holidays?|break)\b|\s*[.,;\"”]|\s+(?:and|or)\b)|{FEASTS}|Easter\s+[Ww]eek|Holy\s+Week|{MOVABLE_FEASTS}))\b(?:\s+(?P<y>{YEAR}))?", h_holiday),
    ("edge", r"\b(?P<mod>(?:the\s+)?(?:end|start|beginning|middle|close|rest)\s+of\s+the\s+)(?P<q>(?:current\s+|this\s+)?(?:(?:fiscal|financial|calendar)\s+)?)(?P<u>year|month|week|decade|century|quarter)\b(?!\s+(?:of|before|in\s+which)\b)(?!\s+after\s+(?!\w+ing\b|\d))", h_edge),
    ("weekend_np", r"\b(?P<x>the\s+weekend)(?P<feast>)\b(?![\w-])", h_weekend_np),
    ("midweek", r"\bmid-?week\b(?![\w-])", h_midweek),
    ("weekend", rf"\b(?:at|over|during|on|by|until|till|through|for|of|since|after|before|from|into|with)\s+(?:at\s+least\s+)?(?P<x>(?:the\s+|(?=(?-i:[A-Z])|holiday\s|long\s))(?:(?P<feast>{MOVABLE_FEASTS}|Labour\s+Day|Christmas|New\s+Year['’]s|Fourth\s+of\s+July|Independence\s+Day)\s+)?(?:(?:long|holiday|bank\s+holiday)\s+)?weekend)\b", h_weekend),
    # "a Columbus Day weekend shutdown", "a mostly dry Easter weekend": a feast names its weekend with no preposition
    ("feast_weekend", rf"\b(?P<x>(?:the\s+)?(?P<feast>{MOVABLE_FEASTS}|Labour\s+Day|Christmas|New\s+Year['’]s|Fourth\s+of\s+July|Independence\s+Day)\s+(?:(?:long|holiday|bank\s+holiday)\s+)?weekend)\b", h_weekend),
    ("year_ago", r"\b(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:quarter|period))?\b", h_year_ago),
    ("period_ago", r"\b(?:the\s+)?(?:same\s+|comparable\s+)?(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:quarter|period)\s+(?:a|one)\s+year\s+(?:ago|earlier|before)\b", h_year_ago),
    ("year_period", rf"\b(?:the\s+)?(?P<y>{YEAR})\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?P<u>quarter|period|half)\b", h_year_period),
    ("year_end", r"\b(?<!-)year(?:['’]s)?[\s-]end\b(?!-)", h_year_end),
    # "up 1.8% for the week", "finished the week higher": the week the writing closes
    ("the_week", r"\b(?:for|finished|ended|closed|on)\s+(?P<x>the\s+week)\b(?!['’]|\s+(?:of|before|after|ended|ending|to|that|when|in|which|earlier|later|ahead)\b)", h_the_week),
    ("period", r"\b(?:the|(?P<own>its|their))\s+(?P<q>(?:(?:latest|current|full|fiscal|financial|comparable|calendar)\s+)*)(?P<u>year|quarter|period)\b(?!-)", h_the_period),
    ("sport_season", rf"\b(?:(?P<rel>last|next|this)\s+season|(?:(?:the|his|her|its|their)\s+)?(?:(?:past|last|next|previous|following|coming)\s+)?(?P<n>{NUM})\s+seasons|(?P<a>a)\s+season)\b(?!['’]s|\s+of\b)", h_sport_season),
    # "the strike enters its fourth day", "it's the second day of an offensive"
    ("running_day", r"\b(?:(?:the|its|their)\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?(?P<day>day)\b(?![\w-])", h_running_day),
    # "back in the air within the next hour": an hour's length
    ("next_hour", r"\bthe\s+(?:next|past|last|coming)\s+hour\b(?!['’-]|\s+of\b)", h_next_hour),
    ("fortnight", r"\b(?:(?:the\s+)?(?:past|last|previous|next|coming|following)\s+)?fortnight\b(?!['’]s)", h_fortnight),
    ("same", rf"\b(?P<x>(?:(?:earlier|later|early|late)\s+)?(?:that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+(?:day|week|month|quarter|year|morning|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter)\b|the\s+(?:morning|evening|night)\s+(?:before|after)(?=\s*[,.;:!?)]|\s+(?:and|but|when|as|while)\b)|the\s+(?:previous|following)\s+{MONFULL}(?!\s*\d))", h_same),
]


COMPILED = [(name, re.compile(rx, re.I), handler) for name, rx, handler in PATTERNS]
