"""Finding every pattern's matches in a text, the candidates they give, and the choice
among overlapping ones."""

from __future__ import annotations

import re
from typing import Iterator

from kb.extract.timex.found import Context, Found
from kb.extract.timex.patterns import COMPILED
from kb.extract.timex.words import FEASTS_KEYWORD, MOVABLE_KEYWORD


# --- trying patterns only where their keywords are -------------------------------------------
# Trying ~45 patterns at every position of an article is the slow part of finding dates,
# and every pattern needs one of a few words (a month, a unit, a year...). A time
# expression lies within one sentence, so the text is cut into its sentences (a parsed
# article gives them; a plain text is one piece) and a pattern is tried only in the
# pieces that hold its keyword and what else it needs, found by a fast scan of the
# lower-cased text. A pattern without a keyword is tried everywhere. Within a piece, a
# pattern finds exactly what a scan of the whole text finds there: a look-behind or ``\b``
# at a piece's start still sees the text before it, and pieces end where the next begins.
# Month and weekday names match only capitalised (see words.py), so their keywords are
# looked for in the text as written: "may", "market" or "money" in lower case wake no
# month or weekday pattern.
_WORD_START = "(?<![a-z])"
_AS_WRITTEN = "(?<![A-Za-z])"
_MONTH_KW = _AS_WRITTEN + "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_DOW_KW = _AS_WRITTEN + "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"
_UNITS = "(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni)"
_UNIT_KW = _WORD_START + _UNITS
_SEASON_KW = "spring|summer|autumn|fall|winter"
# pattern -> a keyword every match of it contains, in lower case (month and weekday names: as written)
KEYWORDS: dict[str, str] = {
    "iso": r"-\d\d-", "mdy": _MONTH_KW, "dmy": _MONTH_KW, "numeric": r"[/.]\d", "md": _MONTH_KW, "dm": _MONTH_KW, "md_words": _MONTH_KW, "dm_words": _MONTH_KW, "dow_nth": _DOW_KW, "dow_num": _DOW_KW, "nth_day": r"the\s+\d\d?(?:st|nd|rd|th)", "md_next": _MONTH_KW, "week_of": r"week(?:end)?\s+(?:of|end|to)", "nth_week": r"week\s+of",
    "my": _MONTH_KW, "month_rel": _MONTH_KW, "month_this_year": _MONTH_KW, "md_this_year": _MONTH_KW, "dm_this_year": _MONTH_KW, "the_year": r"year\s+[12]", "month": _MONTH_KW, "fiscal": "fiscal|fy",
    "year": r"1[5-9]\d\d|20\d\d", "decade": r"0'?s|ties", "century": "centur",
    "quarter": "quarter|period", "month_quarter": "quarter", "months_quarter": "quarter|period", "running_quarter": r"(?:consecutive|straight|successive)\s+quarter", "q": "q[1-4]", "half": "half", "month_part": r"(?:half|days|weeks)\s+of\s", "day_of_period": r"(?:day|first)\s+of\s", "two_quarters": "two\\s+quarters", "h": "h[12]", "season": _SEASON_KW, "year_season": _SEASON_KW,
    "rel_unit": _WORD_START + "(?:week|month|year|decade|centur|quarter)",
    "from_day": r"(?:day|week|fortnight)s?\s+from\s+(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    "ago": _UNIT_KW + r"[a-z]*(?:(?:\s+or\s+so)?\s+(?:ago|earlier|before|later|after|from|hence|prior)|['’]s?\s+time)",
    "duration": _UNIT_KW, "hyphen": "-" + _UNITS, "long": _UNITS + "[a-z]*-long", "plural": _UNIT_KW,
    "plural_of": _UNIT_KW, "recent": _UNIT_KW, "set": "every|each|alternate", "rate": _WORD_START + r"(?:an?|per)\s+(?:" + _UNITS + "|night)",
    "adverb_set": "annually|yearly|daily|weekly|fortnightly|monthly|hourly|nightly", "dows": _DOW_KW,
    "deictic": "today|tonight|yesterday|tomorrow", "pod": "morning|afternoon|evening|night",
    "pod_alone": "morning|afternoon|evening|overnight", "pod_night": r"the\s+night", "day_told": r"the\s+day", "pod_of": r"(?:morning|afternoon|evening|night)\s+of",
    "in_the_unit": r"in\s+the\s+(?:day|week|month|year|decade)",
    "weekday": _DOW_KW, "weekday_s": _DOW_KW, "range_start": r"\d\s*[ap]\.?m", "monthly_day": r"(?:each|every)\s+month", "clock": r"\d\s*[ap]\.?m|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+[ap]\.m\.|noon|midday|midnight|o['’]clock|in\s+the\s+(?:morning|afternoon|evening)|\s(?:(?:this|tomorrow|yesterday)\s+(?:morning|afternoon|evening)|tonight)",
    "clock_bare": r"\s\d?\d:[0-5]\d", "clock_past": r"\s(?:past|after|to|before)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon)\b", "clock24": r"[0-5]\d\s*(?:hours|hrs|local|eastern|central|mountain|pacific|atlantic|[a-z]{1,4}t\b)",
    "spoken_clock": r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:fifteen|thirty|forty|fifty|twenty|ten|eleven|twelve|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen|o[\s-])",
    "feast_weekend": "weekend",
    "holiday": FEASTS_KEYWORD + "|" + MOVABLE_KEYWORD + r"|christmas|new\s+year|easter|holy\s+week",
    "edge": r"(?:end|start|beginning|middle|close|rest)\s+of\s+the", "weekend": "weekend", "weekend_np": r"the\s+weekend", "midweek": r"mid-?week", "the_week": r"the\s+week",
    "year_ago": "year-", "period_ago": r"(?:quarter|period)\s+(?:a|one)\s+year\s+(?:ago|earlier|before)", "period": "year|quarter|period", "spoken_year": r"nineteen|twenty|two[\s-]thousand",
    "year_period": "quarter|period|half", "year_end": "year",
    "fortnight": "fortnight", "next_hour": r"(?:next|past|last|coming)\s+hour", "sport_season": "season", "running_day": r"(?:st|nd|rd|th)\s+(?:straight\s+|consecutive\s+|full\s+)?day", "nights": "nights", "weekends": "weekends|weekdays",
    "this_time": r"time\s+(?:last|next)\s+year", "new_year": r"new\s+year", "week_on": "week",
    "same": "day|week|month|quarter|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|following|previous",
    "ref": "now|present|days|moment|recent|lately|past|future|currently|term",
    "ref_adj": "current|recent",
}
# pattern -> what every match of it also holds, in lower case
NEEDS: dict[str, str] = {
    "mdy": r"1[5-9]\d\d|20\d\d", "dmy": r"1[5-9]\d\d|20\d\d", "my": r"1[5-9]\d\d|20\d\d",  # the year
    "md": r"\d", "dm": r"\d",  # the day
    "dm_this_year": r"(?:this|next|last)\s+year",
    "md_next": r"\d\s*(?:and|or|to|through)\s+\d",
    "month_rel": "last|next|this|past|coming",
    "rel_unit": "last|this|next|past|coming|previous|following|current|new",
    "plural": "(?:year|month|quarter|week|day|decade|hour|minute)s|centuries", "recent": "recent|coming|past",
}
# keywords looked for in the text as written rather than in lower case
_CASED = {_MONTH_KW, _DOW_KW}
# every distinct keyword search, compiled once and scanned at most once per text
_SEARCHES: list[str] = list(dict.fromkeys(x for name, _, _ in COMPILED for x in (KEYWORDS.get(name), NEEDS.get(name)) if x))
_COMPILED_SEARCHES = [re.compile(x) for x in _SEARCHES]


def _words_of(search: str) -> tuple[str, ...] | None:
    """The words one of which every match of a keyword search is, when the search is a
    plain list of words ("today|tonight|..."), maybe after a look-behind; else None."""
    body = search.removeprefix(_WORD_START).removeprefix(_AS_WRITTEN)
    if body.startswith("(?:") and body.endswith(")"):
        body = body[3:-1]
    words = tuple(body.split("|"))
    return words if all(re.fullmatch("[A-Za-z]+", w) for w in words) else None


# a search that is a list of words has no match in a text holding none of them: most
# keywords are missing from most articles, and looking for a word is much faster than a scan
_WORDS = [_words_of(x) for x in _SEARCHES]
# one test per pattern: its keyword, then what it needs, as indexes into _SEARCHES (none: always try)
_GATES: list[tuple[int, ...]] = [
    tuple(_SEARCHES.index(x) for x in (KEYWORDS.get(name), NEEDS.get(name)) if x) for name, _, _ in COMPILED
]
# Characters whose lower case is not one character: offsets in the lower-cased text would shift.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def _owners(pieces: list[tuple[int, int]], size: int) -> list[int]:
    """For each position of a text of ``size`` characters, the index of its piece."""
    owner = [0] * size
    for i, (a, b) in enumerate(pieces):
        owner[a:b] = [i] * (b - a)
    return owner


def _touched(rx: re.Pattern[str], text: str, owner: list[int]) -> frozenset[int]:
    """The indexes of the pieces that a match of ``rx`` in ``text`` touches (``owner``:
    each position's piece)."""
    out: set[int] = set()
    for m in rx.finditer(text):
        start, end = m.span()
        first, last = owner[start], owner[max(end - 1, start)]
        if first == last:
            out.add(first)
        else:
            out.update(range(first, last + 1))
    return frozenset(out)


def _pieces_to_try(text: str, pieces: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """For each pattern, the pieces holding its keyword and what else it needs."""
    if _ODD_CASE.search(text):
        return [pieces] * len(COMPILED)
    low = text.lower()
    owner = _owners(pieces, len(text))
    everywhere = frozenset(range(len(pieces)))
    touched: list[frozenset[int] | None] = [None] * len(_SEARCHES)
    chosen: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    present = []
    for gates in _GATES:
        if gates not in chosen:
            keep = everywhere
            for gate in gates:
                found = touched[gate]
                if found is None:
                    scanned = text if _SEARCHES[gate] in _CASED else low
                    words = _WORDS[gate]
                    if words is not None and not any(w in scanned for w in words):
                        found = touched[gate] = frozenset()
                    else:
                        found = touched[gate] = _touched(_COMPILED_SEARCHES[gate], scanned, owner)
                keep = keep & found
                if not keep:
                    break
            chosen[gates] = [pieces[i] for i in sorted(keep)]
        present.append(chosen[gates])
    return present


def _matches(text: str, pieces: list[tuple[int, int]] | None = None) -> Iterator[tuple[int, str, re.Match[str]]]:
    """Every match of every pattern, with the pattern's rank and name, pattern by pattern.

    ``pieces`` are the sentences, as consecutive ``(start, end)`` spans covering the text
    (default: the whole text as one piece)."""
    if not pieces:
        pieces = [(0, len(text))]
    for rank, ((name, rx, _), tried) in enumerate(zip(COMPILED, _pieces_to_try(text, pieces))):
        for a, b in tried:
            for m in rx.finditer(text, a, b):
                yield rank, name, m


def candidates(ctx: Context) -> Iterator[Found]:
    """Every accepted pattern match in the text, overlapping ones included."""
    handlers = [handler for _, _, handler in COMPILED]
    for rank, name, m in _matches(ctx.text, getattr(ctx, "pieces", None)):
        if m.end() == m.start():
            continue
        try:
            found = handlers[rank](m, ctx)
        except (OverflowError, ValueError):
            continue  # a date past the ends of the calendar (years 1 and 9999) cannot be told
        if found is not None and found.end > found.start:
            found.rank = rank
            found.notes["pattern"] = name
            yield found


def select(found: list[Found]) -> list[Found]:
    """Longest first; a candidate overlapping one already kept is dropped."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.rank, f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
