"""Word tables and the small pattern pieces the time-expression patterns are built from.

Month and weekday names must be capitalised; everything else matches in any case.
"""

from __future__ import annotations

from kb.extract.timex.calendar import NUMBER_WORDS


# --- building blocks -------------------------------------------------------------------
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONFULL = rf"(?-i:{_MON_FULL}|{_MON_FULL.upper()})"
MON = rf"(?-i:(?:{_MON_FULL}|{_MON_FULL.upper()})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b(?=\s*\d)))"
_DOW_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DOW = rf"(?-i:{_DOW_FULL}|{_DOW_FULL.upper()})"
DOWA = rf"(?-i:(?:{_DOW_FULL})\b|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[5-9]\d\d|20\d\d)\b"
COMMA = r"(?:\s*,\s*|\s+)"
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hundred|thousand)\b|(?:{NUMBER_WORDS})\b)"
VAGUE_COUNTS = (r"a\s+few", r"a\s+couple\s+of", r"couple\s+of", "several", "few", "many", "some", r"dozens\s+of",
                r"hundreds\s+of", r"thousands\s+of")
VAGUE = f"(?:{'|'.join(VAGUE_COUNTS)})"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
PART = r"(?:early|mid|late)"
EDGE = r"(?:(?:the\s+)?(?:end|start|beginning|middle|turn|close)\s+of\s+(?:the\s+)?)"
MODP = rf"(?:{EDGE}|(?:early|mid|late|earlier|later)(?:\s+in)?[\s-]+|mid-)"
QUAL = r"(?:about|around|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|roughly|approximately|close\s+to|well\s+over|just\s+over|just\s+under)"

UNIT_CODE = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"), "week": ("", "W"),
    "fortnight": ("", "2W"), "month": ("", "M"), "quarter": ("", "Q"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "centurie": ("", "CE"), "millennium": ("", "ML"), "millennia": ("", "ML"),
}
MONTH_PREPS = {"in", "since", "by", "until", "till", "during", "before", "after", "throughout", "from",
               "around", "through", "early", "late", "mid", "to", "between", "and", "or", "of", "last",
               "next", "this", "for", "beginning", "end", "start", "middle", "least", "than", "as"}
WEAK_PREPS = {"to", "and", "or", "between", "of", "for"}
DOW_BLOCK_BEFORE = {"bloody", "black", "good", "super", "ash", "holy", "palm", "easter", "cyber", "maundy", "shrove"}
DOW_BLOCK_AFTER = {"times", "telegraph", "mirror", "express", "herald", "post", "mail", "star", "tribune",
                   "independent", "observer", "journal", "sport", "magazine", "edition", "show", "club", "people",
                   "night", "massacre", "league"}


# Words between a duration's count and its unit ("three more years", "two full days").
_COUNT_WORDS = ("more", "full", "long", "straight", "consecutive", "additional", "further", "whole", "single",
                "trading", "business", "working", "fiscal", "calendar", "school")
_COUNT_WORDS_RX = "|".join(word + r"\s+" for word in _COUNT_WORDS)


# Month names that are also a modal, a verb, an adjective or a given name.
AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}


_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
# A year said in words, as broadcasts write it: "nineteen ninety-six", "nineteen oh five".
SPOKEN_YEAR = (rf"(?P<cent>nineteen|twenty)[\s-]+(?P<rest>(?:{_TENS_WORDS})(?:[\s-](?:{_UNITS_WORDS}))?"
               rf"|{_TEENS}|hundred|oh[\s-](?:{_UNITS_WORDS}))")

_HALF_OF = rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the|previous|current)\s+year))"
