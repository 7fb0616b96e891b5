"""Word tables and the small pattern pieces the time-expression patterns are built from.

Month and weekday names must be capitalised; everything else matches in any case.
"""

from __future__ import annotations

import re

from kb.extract.timex.calendar import NUMBER_WORDS
from kb.lexicon import time_words as tw


# --- building blocks -------------------------------------------------------------------
def _title_or_upper(names: list[str]) -> str:
    """The names as written in title case or in capitals, "March|...|MARCH|..."."""
    title = "|".join(name.title() for name in names)
    return f"{title}|{title.upper()}"


def _feast(name: str) -> str:
    """A feast's name as written: its words capitalised but "of", "St" with or without its
    full stop, either apostrophe ("Fourth of July", "St. Patrick's Day")."""
    words = [w if w == "of" else w[:1].upper() + w[1:] for w in name.split()]
    return r"\s+".join(re.escape(w).replace("'", "['’]") + (r"\.?" if w == "St" else "") for w in words)


# the feasts on a fixed day that the holiday pattern names from the lexicon's table; the
# Christmas and New Year forms it spells out itself ("the Christmas season", "New Year period")
FEASTS = "|".join(_feast(name) for name in sorted(tw.FIXED_FEASTS, key=len, reverse=True)
                  if not name.startswith(("christmas", "new year")))
FEASTS_KEYWORD = "|".join(_feast(name).lower() for name in sorted(tw.FIXED_FEASTS, key=len, reverse=True))
# the feasts whose day moves, from the lexicon's tables ("Labor Day", "Black Friday", "Palm Sunday")
_MOVABLE_NAMES = sorted({*tw.WEEKDAY_FEASTS, *tw.THANKSGIVING_DAYS, *tw.EASTER_DAYS}, key=len, reverse=True)
MOVABLE_FEASTS = "|".join(_feast(name) for name in _MOVABLE_NAMES)
MOVABLE_KEYWORD = "|".join(_feast(name).lower() for name in _MOVABLE_NAMES)

MONFULL = rf"(?-i:{_title_or_upper(tw.MONTH_NAMES)})"
MON = rf"(?-i:(?:{_title_or_upper(tw.MONTH_NAMES)})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)(?:\.|\b(?=\s*\d)))"
_DOW_FULL = "|".join(name.title() for name in tw.WEEKDAY_NAMES)
DOW = rf"(?-i:{_title_or_upper(tw.WEEKDAY_NAMES)})"
DOWA = rf"(?-i:(?:{_DOW_FULL})\b|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)"
DAY_NO = r"(?:[12]\d|3[01]|0?[1-9])"  # a day of the month as a number
DAY = DAY_NO + r"(?:st|nd|rd|th)?\b"
# a day of the month said as an ordinal word, as broadcasts write it ("March eighth",
# "the twenty-fifth"): 1 to 31
_ORDINAL_WORDS = {w: n for w, n in tw.ORDINALS.items() if w.isalpha() and 1 <= n <= 20}
DAY_WORDS: dict[str, int] = {**_ORDINAL_WORDS, "thirtieth": 30, "thirty first": 31,
                             **{f"twenty {w}": 20 + n for w, n in _ORDINAL_WORDS.items() if n <= 9}}
DAY_WORD = "(?:" + "|".join(r"[\s-]".join(w.split()) for w in sorted(DAY_WORDS, key=len, reverse=True)) + r")\b"
YEAR = r"(?:1[5-9]\d\d|20\d\d)\b"
COMMA = r"(?:\s*,\s*|\s+)"
# a time zone after a clock time ("5 p.m. EST", "11 p.m. Central time", "0812 GMT")
ZONE = (r"(?:(?-i:GMT|UTC|ET|CT|MT|PT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|BST|CET|CEST|EET|EEST|IST|JST|"
        r"AEST|AEDT|ACST|AWST|NZST|NZDT|SGT|HKT)\b|(?:local|(?-i:Eastern|Central|Mountain|Pacific|Atlantic|Universal))"
        r"(?:\s+(?:standard|daylight))?\s+time\b)")
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hundred|thousand)\b|(?:{NUMBER_WORDS})\b)"
VAGUE = f"(?:{tw.words_pattern(tw.VAGUE_COUNTS)})"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
# the rest of a list of days after a month's first one: "(January 13), 14, 22 and 23"
DAY_LIST = rf"(?:\s*,\s*{DAY})+\s*,?\s+(?:and|or)\s+{DAY}(?!\s*(?:%|[.,]\d|percent|per\s*cent|{UNIT}s?\b|people\b))"
PART = r"(?:early|mid|late)"
EDGE = r"(?:(?:the\s+)?(?:end|start|beginning|middle|turn|close)\s+of\s+(?:the\s+)?)"
MODP = rf"(?:{EDGE}|(?:early|mid|late|earlier|later)(?:\s+in)?[\s-]+|mid-)"
QUAL = f"(?:{tw.words_pattern(tw.QUALIFIERS)})"
# Before a count of time, these make it an age ("aged six months", "older than 65 years").
AGE_LEAD = re.compile(rf"\b(?:{tw.words_pattern(tw.AGE_LEADS)})\b", re.I)
AFTER_HOURS = re.compile(r"\bafter[\s-]+hours[\s-]+(?:trading|session|market|deals?)\b", re.I)  # a session, no time
# amounts a rate is told of ("$5m a year", "300,000 yen a year"): "a year" after them is a set
RATE_AMOUNTS = ("million|billion|trillion|bn|times|percent|cents?|points|tonnes|barrels|dollars|euros|pounds|yen|yuan|rupees|pesos|francs"
                "|rand|roubles|rubles|dinars|riyals|reais|lire|won|crore|lakh")
AGE_BEFORE = re.compile(rf"{AGE_LEAD.pattern}\s+(?:(?:{QUAL}|over|under)\s+)?$", re.I)

UNIT_CODE = tw.UNITS
MONTH_PREPS = tw.MONTH_PREPS
WEAK_PREPS = tw.WEAK_PREPS



# Words between a duration's count and its unit ("three more years", "two full days").
_COUNT_WORDS = tuple(tw.COUNT_WORDS)
_COUNT_WORDS_RX = "|".join(word + r"\s+" for word in _COUNT_WORDS)


# Month names that are also a modal, a verb, an adjective or a given name.
AMBIGUOUS_MONTHS = tw.AMBIGUOUS_MONTHS


_TEENS = "|".join(w for v in range(10, 20) for w, n in tw.SMALL_NUMBERS.items() if n == v)
_TENS_WORDS = "|".join(tw.TENS)
_UNITS_WORDS = "|".join(next(w for w, n in tw.SMALL_NUMBERS.items() if n == v) for v in range(1, 10))
# A year said in words, as broadcasts write it: "nineteen ninety-six", "nineteen oh five",
# "two thousand eight", "two thousand and one".
SPOKEN_YEAR = (rf"(?:(?P<cent>nineteen|twenty)[\s-]+(?P<rest>(?:{_TENS_WORDS})(?:[\s-](?:{_UNITS_WORDS}))?"
               rf"|{_TEENS}|hundred|oh[\s-](?:{_UNITS_WORDS}))"
               rf"|(?P<k>two[\s-]thousand)(?:[\s-]+(?:and\s+)?(?P<krest>{_TEENS}|{_UNITS_WORDS}))?)")

_HALF_OF = rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the|previous|current)\s+(?:(?:fiscal|financial)\s+)?year))"
# a half of a longer time, which has that time's value ("the last half of the '80s")
_HALF_OF_A = r"(?:first|second|last|latter)\s+half\s+of"

# what follows "minutes" that are a meeting's record, not a length ("minutes of the Fed's latest meeting")
MINUTES_OF_A_MEETING = re.compile(r"\s+of\s+(?:the|its|their|this|last|a)\b[^.;]{0,40}?\b(?:meeting|session|board|committee)", re.I)
