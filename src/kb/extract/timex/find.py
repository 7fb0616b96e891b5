"""Finding time expressions in a parsed article and giving each its TimeML value.

The pattern grammar finds and normalises the expressions it knows; the model's DATE and
TIME entities add the ones it does not (anaphoric "that day", odd phrasings), trimmed and
left without a value. Clock times take the day of a dated expression in their sentence.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Callable, Iterator

from kb.extract.sents import doc_ents, doc_sents, doc_text
from kb.extract.timex import calendar as cal
from kb.extract.timex.calendar import last_ended_quarter, ref_value, time_value
from kb.extract.timex.found import premodifier
from kb.extract.timex.grammar import Found, candidates, duration_value, select
from kb.extract.timex.neighbours import (
    AND_DAY, DAYS_JOINED, HOURS_JOINED, days_of_a_set, hours_range, join_clock_days, join_early_hours, join_feast_parts, join_lengths, join_next_to, join_season_of, listed_days, months_of_a_told_year, order_ranges, order_weekday_ranges, paired_seasons, weekdays_of_dates, fiscal_years_by_their_start,
)
from kb.extract.timex.pubdate import dateline_day
from kb.extract.timex.resolve import SEASON_ORDER, season_of
from kb.extract.timex.tense import CLOCK_WORDS, after_reporting_verb, awaited, clause_tense, dates_a_saying, dates_its_clause, due, expected, foreseen, limit_word, of_habit, past_perfect, possessive, present_perfect, right_after_ahead_of, set_ahead, verb_of
from kb.extract.timex.words import AFTER_HOURS, AGE_BEFORE, AGE_LEAD, DOW, MINUTES_OF_A_MEETING
from kb.lexicon import lemma_in
from kb.lexicon import time_words as tw
from kb.model import PRECISIONS, DateValue, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEMPORAL_WORD = re.compile(
    r"\b(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|mornings?|afternoons?|evenings?|nights?|"
    r"weekends?|hours?|minutes?|quarters?|spring|summer|autumn|winter|dawn|dusk|overnight)\b",
    re.I,
)
_LEAD = re.compile(r"^(?:(?:the|during|in|on|since|by|from|at|of|until|till|for|throughout|between|over|after|before)\s+)+", re.I)
_TAIL = re.compile(r"(?:\s*(?:'s|’s|[.,;:!?)\]\"'”’-]))+$")


class DocContext:
    """What the grammar may ask about a parsed text: tokens, tense, the anchor."""

    def __init__(self, doc: Doc, anchor: dt.date | None) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.anchor = anchor
        from spacy.attrs import IDX

        self._starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        starts = [0] + [s.start_char for s in doc_sents(doc)][1:] if len(doc) else [0]
        # the sentences as consecutive spans covering the text: no expression crosses one
        self.pieces: list[tuple[int, int]] = list(zip(starts, starts[1:] + [len(self.text)]))

    def token(self, pos: int) -> Any | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        tok = self.doc[i]
        return tok if tok.idx <= pos < tok.idx + max(len(tok.text), 1) else None

    def tense(self, start: int, end: int) -> str | None:
        cache = self.__dict__.setdefault("_tense_cache", {})
        if (start, end) not in cache:
            cache[(start, end)] = self._tense(start, end)
        return cache[(start, end)]

    def root(self, start: int, end: int) -> Any | None:
        """The word heading the text from ``start`` to ``end`` in the parse, if any."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) > 0 else None

    def _tense(self, start: int, end: int) -> str | None:
        root = self.root(start, end)
        if root is None:
            return None
        weekday = root.lower_ in tw.WEEKDAY_NAMES
        if weekday and _WARNED_UNTIL.search(self.text, max(0, start - 90), start):
            return "future"  # "issued a winter storm warning … from 6 p.m. Friday until noon Saturday"
        if weekday and root.i >= 2 and root.doc[root.i - 1].lower_ in CLOCK_WORDS and root.head.lower_ not in CLOCK_WORDS \
                and root.doc[root.i - 2].text[:1].isdigit():
            # "took effect at 12:01 a.m. Wednesday", where the parse hangs the day elsewhere:
            # the day is placed where its clock time is
            num = root.doc[root.i - 2]
            told = self._tense(num.idx, num.idx + len(num.text))
            if told is not None:
                return told
        if weekday and root.head.i != root.i and (root.head.lower_ in CLOCK_WORDS
                                                  or root.dep_ == "npadvmod" and root.head.lower_ in ("day", "night")):
            # "set for 4 p.m. Wednesday", "open all day Saturday": the day is placed where its
            # clock time or "day" is
            root = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in tw.PARTS_OF_DAY:
            # "on the morning of February 1", "the mornings of 10 and 13 March": placed where
            # its part of the day is
            root = root.head.head
        if _after_since(root):
            return "past"
        if _FROM_NOW.search(self.text, max(0, start - 30), start):
            return "future"  # "shutdowns between now and the end of December", said in November
        if not weekday and _BOUND_OF_A_PERIOD_NOW.search(self.text, max(0, start - 40), start):
            # "the fiscal year that begins Oct. 1", "the year ending July 31": a bound not yet
            # reached, unless the clause is past ("sales for the year ending March 31 rose"),
            # which leaves it on either side
            v = verb_of(root)
            outer = verb_of(v.head) if v is not None and v.tag_ == "VBG" and v.head.i != v.i else v
            return None if outer is not None and clause_tense(outer) == "past" else "future"
        if _drawing_near(root):
            return "future"  # "with the Labor Day weekend approaching, carriers added flights"
        if _right_after_a_past_verb(root):
            return "past"  # "the growth it forecast in March", however the parse hangs "in March"
        if weekday and _priced_on(self.text, start):
            return "past"
        if weekday and _from_then_on(root):
            return "future"
        if due(root) or foreseen(root):
            return "future"
        if right_after_ahead_of(root) and clause_tense(root) == "present":
            return "future"  # "comes amid growing interest ahead of December 21", said in March
        if not dates_its_clause(root, weekday=weekday):
            # a limit is no time of its clause's event; a future one lies ahead ("will delay
            # until the fourth quarter"), a past one either side ("extended to Nov. 20")
            # a weekday on a noun in a past clause is past ("the close of business Thursday")
            limit, tense = limit_word(root), clause_tense(root)
            if limit:
                # "by Saturday, the frame was up": what was done by a day was done before the
                # writing; "the exhibition runs until September": what holds now until a time
                # holds until one ahead, and what is to be done by a time told in the present
                # is done by one ahead ("if no agreement is reached by Monday")
                if tense == "present" and limit in _LIMITS_AHEAD and not _in_the_title(self.text, start):
                    return "future"  # (a title tells the past in the present: "Bendigo swelters through long weekend")
                if tense is None and limit in _LIMITS_AHEAD and (v := verb_of(root)) is not None \
                        and _with_modal(v) and not any(c.dep_ == "neg" for c in v.children):
                    # "river levels could stay high until Monday", "could be cut by fall": what
                    # may hold or be done by then, ahead ("By Saturday night I couldn't sleep": past)
                    return "future"
                return tense if tense == "future" or tense == "past" and limit == "by" else None
            if not weekday and root.dep_ in ("amod", "compound", "nmod") and expected(root.head):
                return "future"  # "expects fourth-quarter results", said in May: of a quarter ahead
            if not weekday and root.dep_ in ("compound", "nmod") and lemma_in(root.head, tw.POLLS) \
                    and root.lower_ in tw.MONTHS and not any(c.like_num for c in root.children) \
                    and tense != "past" and not _told_as_before(root):
                # "possibly in the November election", "a levy on the March ballot", said in
                # January and July: a vote named by its month, told of as not yet past, is the
                # next (one named by its day is placed as a day: "the votes from the May 11 elections")
                return "future"
            if weekday and tense == "future" and (_event_waited_for(root) or _subjects_day(root)):
                # "will recall him for Sunday's final", "said Sunday's marathon would go on": the
                # day of an event awaited, or told as yet to come, lies ahead
                return "future"
            if weekday and tense == "past" and possessive(root) and (v := verb_of(root)) is not None \
                    and lemma_in(v, tw.REPORTING_VERBS):
                return None  # "organizers of Saturday's parade said": the saying does not date the parade
            return "past" if weekday and tense == "past" and not _event_waited_for(root) else None
        if not weekday and _argument_or_noun_time(root):
            # a noun's time is told by its clause's tense only when that is future: what is
            # yet to come has its parts ahead ("will be named commander for a mission in
            # December"), while a past or present clause tells of times on either side
            tense = clause_tense(root)
            future = tense == "future" and not _told_as_before(root)
            if tense == "past" and root.dep_ == "pobj" and root.head.lower_ in ("at", "on", "in", "during", "over") \
                    and root.head.head.dep_ in ("nsubj", "nsubjpass"):
                return "past"  # "a poll at the weekend showed": what a past clause's subject was, was before
            if tense == "past" and _circumstance_noun(root):
                return "past"  # "in one attack in March, the blast blew out": what a past event happened in was before
            return "future" if expected(root) or future else None
        if expected(root):
            return "future"
        tense = clause_tense(root)
        if weekday and tense is None and set_ahead(root):
            return "future"  # "scheduled a special meeting for Monday"
        if weekday and tense == "past" and _in_present_perfect(root) and not after_reporting_verb(root) \
                and not _LATEST_BEFORE.search(self.text, max(0, start - 20), start):
            # "the unions have called meetings on Tuesday and Wednesday": English tells no
            # past day in the present perfect, so a day of the week there lies ahead (not
            # one right after a reporting verb: "said Monday the number of cases has begun
            # to fall", nor one told as the latest: "have picked up the scent twice, most
            # recently Wednesday evening")
            return "future"
        return tense


# a period's start or end told in the present right before a date ("the fiscal year that
# begins", "the year starting", "the season, which ends"): what begins or ends in the present
# tense has not yet begun or ended
_BOUND_OF_A_PERIOD_NOW = re.compile(r"\b(?:year|season|term|session)s?,?\s+(?:(?:that|which)\s+)?"
                                    r"(?:begins|starts|ends|beginning|starting|ending)\s+(?:on\s+)?$", re.I)


# the far end of a stretch that starts now ("between now and December", "from now until May")
_FROM_NOW = re.compile(r"\b(?:between\s+now\s+and|(?:from\s+)?now\s+(?:until|till|through))\s+$", re.I)


# limits of what holds or is to be done up to a time ("runs until September", "could last
# into the weekend"), not of a range's end ("to")
_LIMITS_AHEAD = ("until", "till", "through", "by", "into")


# a closing price right before a day ("closing price of $27.15 on", "closing level on")
_WEEKDAY = re.compile(rf"\b{DOW}\b")
_CLOSING_PRICE_BEFORE = re.compile(r"\bclosing\s+(?:share\s+|stock\s+)?(?:price|level|value)(?:\s+of\s+\S+)?\s+(?:on\s+)?$", re.I)


# a weather warning or advisory in force from or until a day: one still to come
_WARNED_UNTIL = re.compile(rf"\b(?:{tw.words_pattern(sorted(tw.FORECAST_NOUNS))})(?:e?s)?\b[^.;]{{0,60}}?"
                           r"\b(?:from|until|till|through|between)\s+(?:(?:at\s+least|[\d:.]+(?:[ap]\.?m\.?)?|[ap]\.?m\.?|noon|midnight|on)\s+){0,3}$", re.I)
# a figure a change is counted from, right before a day ("down from 7.96% Friday", "up from
# 443.6 million on Thursday")
_FROM_FIGURE = re.compile(r"\bfrom\s+(?:about\s+)?[$€£]?\d[\d.,/ -]*(?:%|\s*(?:percent|per\s+cent|cents?|points?|million|billion|yen|marks|francs|pounds|dollars|euros)\b"
                          r"(?:\s+shares)?)?\s+(?:on\s+)?$", re.I)
_CLOSE_AFTER = re.compile(rf"{DOW}(?:['’]s)?\s+clos(?:e\b|ing\s+(?:share\s+|stock\s+)?(?:price|level|value)\b)", re.I)


def _priced_on(text: str, start: int) -> bool:
    """True for a day at ``start`` a closing price was struck on ("a premium of 27% over
    Benton's closing price of $27.15 on Friday", "a 31% premium over its Friday close") or a
    change is counted from ("to yield 7.89%, down from 7.96% Friday"): a day past, which
    dates a figure, not what the story tells."""
    return _CLOSING_PRICE_BEFORE.search(text, max(0, start - 60), start) is not None \
        or _FROM_FIGURE.search(text, max(0, start - 40), start) is not None \
        or _CLOSE_AFTER.match(text, start) is not None


_RECENTLY_WORD = re.compile(r"(?:most\s+|more\s+)?recently", re.I)
_BEFORE_ITS_TIME = re.compile(r"\s+(?:as\s+|on\s+|in\s+)?")


def _recently_of_a_time(f: Found, found: list[Found], text: str) -> bool:
    """"as recently as January", "most recently on June 8": "recently" there only leads to
    the time that follows, which is the expression."""
    if not _RECENTLY_WORD.fullmatch(text, f.start, f.end):
        return False
    gap = _BEFORE_ITS_TIME.match(text, f.end)
    return gap is not None and any(g.start == gap.end() for g in found)


_LATEST_BEFORE = re.compile(r"\b(?:recently|latest|last)\s+(?:on\s+)?$", re.I)


def _event_waited_for(tok: Any) -> bool:
    """True for a day's event told as waited for ("dealers positioned themselves for
    Friday's employment report", "thin trading before Tuesday's holiday"): a past clause
    does not place it, so it is the nearest such day, ahead or behind."""
    return possessive(tok) and awaited(tok)


def _subjects_day(tok: Any) -> bool:
    """True for the day of an event that is its clause's subject ("Sunday's marathon")."""
    return possessive(tok) and tok.head.dep_ in ("nsubj", "nsubjpass")


def _with_modal(verb: Any) -> bool:
    """True for a verb with a modal auxiliary ("may be introduced", "may have been")."""
    return any(c.dep_ == "aux" and c.lower_ in tw.MODAL_AUX for c in verb.children)


def _in_present_perfect(tok: Any) -> bool:
    """True in a clause told in the present perfect ("have called"; not "may have been")."""
    v = verb_of(tok)
    return v is not None and present_perfect(v) and not _with_modal(v)


def _in_the_title(text: str, pos: int) -> bool:
    """True for a position on the text's first line when that line has no closing full stop
    (a headline)."""
    end = text.find("\n")
    return 0 <= pos < end and not text[:end].rstrip().endswith(".")


_FROM_THEN_ON = frozenset({"beginning", "starting", "effective"})


def _from_then_on(tok: Any) -> bool:
    """True for a day of the week from which what is announced holds ("declared three days
    of mourning beginning Thursday", "promised cash assistance starting Monday"): a day
    still to come, whatever the tense of the announcing (not in the past perfect)."""
    before = tok.doc[max(0, tok.i - 2):tok.i]
    words = [t.lower_ for t in before]
    if words[-1:] == ["on"] or words[-1:] == ["next"]:
        words = words[:-1]
    if words == ["or", "after"]:
        words = ["starting"]  # "tickets bought on or after Friday"
    if not words or words[-1] not in _FROM_THEN_ON:
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS":
        return False  # "accused of starting Sunday's fight": the day of what was started
    v = verb_of(tok)
    if v is not None and v.lower_ in _FROM_THEN_ON and v.head.i != v.i:
        v = verb_of(v.head)  # the verb of what begins, not "starting" itself
    return v is None or not past_perfect(v) and not _lasted(v)


def _lasted(verb: Any) -> bool:
    """True for a past verb told with how long it lasted ("met for 15 hours beginning Monday
    morning", "deliberated about seven hours over two days, beginning Monday"): what began
    then has already run."""
    if clause_tense(verb) != "past":
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "over"):
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
        if c.dep_ in ("pobj", "npadvmod") and c.lemma_.lower() in tw.UNITS:
            return True
    return False


def _phrase_before(tok: Any, words: tuple[str, ...]) -> Any | None:
    """The preposition among ``words`` ("after", "following") heading the phrase the time
    hangs in, through its nouns and gerunds ("after flooding on the line on Sunday night");
    None when a verb of the clause comes first."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("prep", "pcomp"):
            return None
        if cur.dep_ == "prep" and cur.lower_ in words:
            return cur
        cur = cur.head
    return None


_NEARING = ("approach", "near", "loom")


def _drawing_near(tok: Any) -> bool:
    """True for a time told as drawing near ("with the Labor Day weekend approaching", "as
    Christmas nears", "with the deadline looming"): it lies ahead, whatever the tense of the
    clause the phrase sits in."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.i != tok.i and verb.lemma_.lower() in _NEARING \
        and verb.tag_ in ("VBG", "VBZ", "VBP") and not any(c.dep_ == "dobj" for c in verb.children)


def _right_after_a_past_verb(tok: Any) -> bool:
    """True for a time in a phrase right after a verb in the simple past that the parse
    hangs elsewhere ("up from the growth it forecast in March", where "in March" is put on
    "up"): the phrase is the past verb's."""
    first = tok.left_edge
    if first.i < 2 or first.i != tok.i and first.dep_ != "det":
        return False
    prep, verb = tok.doc[first.i - 1], tok.doc[first.i - 2]
    return prep.dep_ == "prep" and prep.lower_ in ("in", "on", "at") and prep.head.i != verb.i \
        and verb.tag_ == "VBD" and verb.pos_ == "VERB" and not any(c.dep_ == "aux" for c in verb.children)


def _told_as_before(tok: Any) -> bool:
    """True when the time hangs on a phrase telling of what came before its clause's time
    ("will hold rates steady, following its increase on June 30")."""
    return _phrase_before(tok, ("following", "after", "since")) is not None


def _after_since(tok: Any) -> bool:
    """True for a date after "since" ("since March", "since the March lows"): it is past. So
    is a day whose event came before what a clause not told as future tells ("investors remain
    jittery after Friday's 190-point drop", "widens its crackdown following Friday's coup
    attempt"; not "will decide after Friday's meeting")."""
    day, owned = tok, False
    if tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].lower_ == "since":
        return True  # (however the parse hangs it: "the heat wave that has gripped the region since Saturday is expected")
    while tok.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        owned = owned or tok.dep_ == "poss"
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    if tok.head.lower_ == "since" or owned and tok.head.lower_ in ("after", "following") and clause_tense(day) in ("past", "present"):
        return True
    return _in_what_came_after(tok) and clause_tense(day) in ("past", "present")


def _in_what_came_after(tok: Any) -> bool:
    """True for a time in a phrase on what a clause's event came after ("remain suspended
    after flooding on the line on Sunday night"; not the time itself: "after Jan. 1")."""
    if tok.head.lower_ in ("after", "following"):
        return False
    prep = _phrase_before(tok, ("after", "following"))
    # not a measured gap ("meet on Feb. 1, two weeks after the inauguration on Jan. 20")
    return prep is not None and prep.head.pos_ in ("VERB", "AUX", "ADJ") and not any(c.dep_ == "npadvmod" for c in prep.children)


def _argument_or_noun_time(tok: Any) -> bool:
    """True when a date is not an adverbial of its clause's verb: the time of a noun ("a
    ceremony on March 12", "a cutback in September") or an object ("has set Nov. 10 as the
    deadline"). The verb's tense then says nothing about which year it falls in. A time
    that is the clause's subject is what the clause tells of ("the winter had been hard").
    A time joined to another by "and" or "or" has that one's place ("closings for November
    and December")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("dobj", "attr"):
        return True
    return tok.dep_ == "pobj" and tok.head.head.i != tok.head.i and tok.head.head.pos_ in ("NOUN", "PROPN")


_CIRCUMSTANCE_PREPS = ("in", "during", "after", "amid", "since")


def _circumstance_noun(tok: Any) -> bool:
    """True for a time of a noun that tells the circumstance of its clause's event ("in one
    attack in March", "during a storm on Tuesday"): a prepositional phrase on the verb."""
    noun = tok.head.head
    return noun.dep_ == "pobj" and noun.head.lower_ in _CIRCUMSTANCE_PREPS and noun.head.head.pos_ in ("VERB", "AUX")


def _piece_of(ctx: DocContext, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right([a for a, _ in ctx.pieces], pos) - 1
    return ctx.pieces[max(i, 0)]


def _parse_anchor(anchor: str | None) -> dt.date | None:
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _from_model(doc: Doc, doc_text: str, kept: list[Found]) -> list[Found]:
    """Model DATE/TIME entities the grammar did not cover, trimmed: so many units ("the
    years", "the first hours") are a vague duration, the rest are left without a value."""
    extra = []
    for ent in doc_ents(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        if any(not (end <= k.start or start >= k.end) for k in kept):
            continue
        text = doc_text[start:end]
        lead = _LEAD.match(text)
        if lead:
            start += lead.end()
        tail = _TAIL.search(doc_text[start:end])
        if tail:
            end -= len(tail.group(0))
        if end <= start or not _TEMPORAL_WORD.search(doc_text[start:end]):
            continue
        if re.fullmatch(r"(?:morning|afternoon|evening|night)", doc_text[start:end], re.I) \
                and re.search(r"\bgood\s+$", doc_text[max(0, start - 6):start], re.I):
            continue  # "Good evening": a greeting
        if AGE_BEFORE.search(doc_text[max(0, start - 30):start]) or AGE_LEAD.match(doc_text, start):
            continue  # "aged six months", "older than six months": an age
        if AFTER_HOURS.search(doc_text, max(0, start - 6), min(len(doc_text), end + 10)):
            continue  # "after-hours trading": a market session, not a length of time
        if re.search(r"\blight[\s-]$", doc_text[max(0, start - 6):start], re.I):
            continue  # "1.8 billion light years": a distance
        if re.search(r"\b(?:years?|months?|weeks?|days?)[\s-]+old\b|anniversary|^(?:(?:its|their|his|her|our)\s+)?\w+(?:st|nd|rd|th)\s+(?:\w+\s+)?(?:year|month|week|day|season)s?$", doc_text[start:end], re.I):
            continue
        if re.fullmatch(r"(?:early|small|wee)\s+hours", doc_text[start:end], re.I):
            continue  # "in the early hours of Sunday": a time of the night, no length
        ahead = re.search(r"\s+ahead$", doc_text[start:end], re.I)
        if ahead and re.match(r"\s+of\b", doc_text[end:end + 4]):
            end = start + ahead.start()  # "the weeks ahead of the vote": "ahead of" leads on to the vote
        plural = _PLURAL_UNITS.fullmatch(doc_text, start, end)
        if plural:  # "in the years that followed", "the first hours of the war": so many of them
            unit = plural["u"].lower()
            unit = "century" if unit == "centuries" else unit[:-1]
            if unit == "minute" and MINUTES_OF_A_MEETING.match(doc_text, end):
                continue  # "minutes of the Fed's meeting": its record
            extra.append(Found(start, end, "DURATION", DateValue(duration_value(None, unit), "duration")))
            continue
        typ = "TIME" if re.search(r"\b(?:hours?|minutes?|morning|afternoon|evening|night|dawn|dusk)\b", doc_text[start:end], re.I) and ent.label_ == "TIME" else "DATE"
        extra.append(Found(start, end, typ, None))
    return extra


_PLURAL_UNITS = re.compile(r"(?:(?:early|first|last|late|final)\s+)?(?P<u>years|months|weeks|days|hours|minutes|decades|centuries)"
                           r"(?:\s+ahead)?", re.I)


def _shift(ref: DateValue, unit: str, k: int) -> DateValue | None:
    """``ref`` moved by ``k`` units, at the precision both support."""
    if ref.start is None:
        return None
    d = dt.date.fromisoformat(ref.start)
    if unit.startswith("season-"):
        return _season_from(d, ref.precision, unit.removeprefix("season-"), k)
    if unit.startswith("weekday-"):  # "the previous Friday": the one before the day told of
        if ref.precision not in ("day", "time"):
            return None
        dow = int(unit.removeprefix("weekday-"))
        if k == 0:  # "that Sunday": the one nearest the day told of
            step = (dow - d.weekday() + 3) % 7 - 3
        else:
            step = ((dow - d.weekday()) % 7 or 7) if k > 0 else -((d.weekday() - dow) % 7 or 7)
        return cal.day_value(d + dt.timedelta(days=step))
    clock = re.search(r"T(\d\d):(\d\d)$", ref.value)
    if unit in ("hour", "minute") and ref.precision == "time" and clock:
        # "about an hour later", after a clock time: that time moved on
        moved = dt.datetime.combine(d, dt.time(int(clock[1]) % 24, int(clock[2]))) \
            + dt.timedelta(days=int(clock[1]) // 24, **{f"{unit}s": k})
        return cal.time_value(moved.date(), f"{moved:%H:%M}")
    if k == 0 and (unit == "year" or unit == "month" and ref.precision in ("day", "time", "month")
                   or unit == "week" and ref.precision in ("day", "time", "week")
                   or unit == "quarter" and ref.precision in ("day", "time", "month", "quarter")):
        return cal.unit_of(d, unit)  # "that year", "later that month", "that week", "that quarter": the one of the date referred to
    if unit.startswith("month-"):
        # "that October": the October of the date told of; "the following March": the first
        # March after it, "the previous March" the last one before
        month = int(unit.removeprefix("month-"))
        if ref.precision == "season" and k == 0 and ref.value[:4].isdigit():
            return cal.month_value(int(ref.value[:4]), month)  # "in the summer of 1995 … that August"
        if ref.precision not in ("day", "month", "year"):
            return None
        if k == 0 or ref.precision == "year":
            return cal.month_value(d.year + k, month)
        return cal.month_value(d.year + (k > 0 and month <= d.month) - (k < 0 and month >= d.month), month)
    if unit == "decade" and ref.precision in ("day", "time", "month", "year", "decade"):  # "the following decade"
        return cal.decade_value((d.year // 10 + k) * 10)
    if ref.precision in ("day", "time"):
        if unit == "day":
            return cal.day_value(d + dt.timedelta(days=k))
        if unit == "week":
            return cal.day_value(d + dt.timedelta(weeks=k))
        if unit == "month":
            return cal.month_value(*cal.add_months(d.year, d.month, k))
        if unit == "year":
            return cal.year_value(d.year + k)
    if ref.precision == "month":
        if unit == "month":
            return cal.month_value(*cal.add_months(d.year, d.month, k))
        if unit == "year":
            # "four years later", after "in September 1988": a year; "a year earlier" is a
            # comparison with the same month a year before
            return cal.month_value(d.year + k, d.month) if k == -1 else cal.year_value(d.year + k)
    if ref.precision == "year" and unit == "year":
        return cal.year_value(d.year + k)
    if ref.precision == "week" and unit == "week":
        return cal.week_value(d + dt.timedelta(weeks=k))
    if ref.precision in ("day", "time", "month", "quarter") and unit == "quarter":
        return cal.quarter_of(d, k)  # "the following quarter"; "the quarter ended Dec. 31 ... the previous quarter"
    return None


def _season_from(d: dt.date, precision: str, code: str, k: int) -> DateValue | None:
    """"that summer", "the following spring", "the previous winter" told after a date ``d``:
    the season of that year, the first one after it, the last one before it."""
    if precision == "year":
        return cal.season_value(d.year + k, code)
    if precision not in ("day", "time", "week", "month", "season"):
        return None
    if k == 0:  # after a season told ("the spring of 1995 … that summer"), the season of its own year
        return cal.season_value(d.year - 1 if code == "WI" and d.month <= 2 and precision != "season" else d.year, code)
    here = season_of(d)
    told = here[0] * 4 + SEASON_ORDER.index(here[1])
    years = [y for y in range(d.year - 2, d.year + 3) if (y * 4 + SEASON_ORDER.index(code) - told) * k > 0]
    return cal.season_value(min(years) if k > 0 else max(years), code)


def _week_of(day: DateValue) -> DateValue | None:
    return cal.week_value(dt.date.fromisoformat(day.start)) if day.start else None


def _clock_shift(f: Found) -> bool:
    """True for a time counted in hours or minutes from one told before ("an hour later")."""
    return f.notes.get("shift", "").startswith(("hour:", "minute:"))


def _counted_from_clocks(f: Found) -> bool:
    """True for what is counted from a time that may be a clock time, so is resolved once the
    clock times have their day: "an hour later", "the previous evening"."""
    return _clock_shift(f) or "shift" in f.notes and "pod" in f.notes


def _unplaced_lengths(found: list[Found], clock_shifts: bool) -> None:
    """"three days later" counted from nothing told is a length of time."""
    for f in found:
        if f.dv is None and "unplaced_end" in f.notes and _counted_from_clocks(f) == clock_shifts:
            f.end, f.type = int(f.notes["unplaced_end"]), "DURATION"
            f.dv = DateValue(f.notes["unplaced_value"], "duration")


def _resolve_references(found: list[Found], sent_of: Any, anchor: dt.date | None = None,
                        clock_shifts: bool = False, told_past: Callable[[Found], bool] | None = None) -> None:
    """'a year earlier', 'two years later', 'the following day': counted from the latest
    date given before them in the same or the previous sentence. A part of a day told back
    ("the previous evening", "that night") with no day told in the sentences just before is
    of the writing's. Times counted in hours or minutes only with ``clock_shifts``."""
    for i, f in enumerate(found):
        shift = f.notes.get("shift")
        if not shift or _counted_from_clocks(f) != clock_shifts:
            continue
        unit, k = shift.split(":")
        here = sent_of(f.start)
        reach = 2 if f.notes.get("pod") else 1  # "the previous evening" looks back as far as its fallback does
        # "the following year" told as past came before the writing ("was convicted the
        # following year", in a story of 1982 told in 2000): counted from a day further back
        # when the days just before would put it later (not "three days later", which is a
        # length when no day is told just before it)
        past_after = int(k) > 0 and anchor is not None and "unplaced_end" not in f.notes \
            and told_past is not None and told_past(f)
        for g in reversed(found[:i]):
            if here - sent_of(g.start) > (_PAST_REACH if past_after else reach):
                break
            if g.dv is not None and (g.dv.precision in ("day", "time", "month", "year", "week", "quarter")
                                     or g.dv.precision == "season" and g.notes.get("year_named")
                                     and (unit.startswith(("season-", "month-")) or unit == "year")):
                value = _shift(g.dv, unit, int(k))
                if f.notes.get("same_precision") and _coarser(g.dv.precision, unit):
                    continue  # "the previous quarter" is not counted from a year told of
                if f.notes.get("same_precision") and value is not None and value.precision != unit:
                    # "the following week" after a day told of: that day's week moved on;
                    # "the following year" after a month: that month's year moved on, not
                    # the month a year on
                    value = _week_of(value) if unit == "week" and value.precision == "day" \
                        else cal.year_value(int(value.value[:4])) if unit == "year" and value.value[:4].isdigit() \
                        else None
                if value is not None and f.notes.get("pod"):
                    value = DateValue(f"{value.value}T{f.notes['pod']}", "time", value.start, value.end) \
                        if value.precision == "day" else None
                if past_after and (value is None or value.start is None or value.start > anchor.isoformat()):  # type: ignore[union-attr]
                    continue
                if value is not None:
                    f.dv = value
                    if value.precision == "time":
                        f.type = "TIME"
                break
        if f.dv is None and f.notes.get("pod") and anchor is not None and shift.startswith("day:") \
                and not any(g.type in ("DATE", "TIME") and 0 <= here - sent_of(g.start) <= 2 for g in found[:i]):
            f.dv = time_value(anchor + dt.timedelta(days=int(k)), f.notes["pod"])


# how many sentences back a time told as past and after a day looks for that day
_PAST_REACH = 4


def _coarser(precision: str, unit: str) -> bool:
    """True when a date of ``precision`` is too coarse to count ``unit``s from (a year for a quarter)."""
    return precision in PRECISIONS and unit in PRECISIONS and PRECISIONS.index(precision) > PRECISIONS.index(unit)


def _fiscal(text: str, f: Found) -> bool:
    """True for a period named as fiscal ("the fiscal first quarter", "its fiscal fourth-quarter")."""
    return bool(re.search(r"\b(?:fiscal|financial)\b", text[max(0, f.start - 10):f.end], re.I))


_SPANS_OF_QUARTERS = frozenset({"P6M", "P9M"})


def _month_compared(f: Found, before: list[Found], sent_of: Any, text: str) -> DateValue | None:
    """The month "a year ago" compares with: the last month or year told earlier in its
    sentence, not after "since", when it is a month, in a sentence naming no quarter or half
    ("rose 2% in June, its lowest since November, from a year ago"; not "introduced in
    September, … the backlog at year-end was double the level a year earlier")."""
    if f.notes.get("period_back") != "ago":
        return None
    here = sent_of(f.start)
    told = [g for g in before if sent_of(g.start) == here and g.dv is not None]
    if any(g.dv.precision in ("quarter", "half") for g in told):  # type: ignore[union-attr]
        return None
    told = [g for g in told if g.dv.precision in ("month", "year") and not _bound(text, g, _SINCE)]  # type: ignore[union-attr]
    return told[-1].dv if told and told[-1].dv.precision == "month" else None  # type: ignore[union-attr]


def _resolve_periods(found: list[Found], sent_of: Any, anchor: dt.date | None = None, text: str = "") -> None:
    """'the quarter', 'a year ago', 'the year-earlier period' in a text reporting on a
    quarter: the period is the quarter (or half) told of last ('a year ago' only when it was
    within the five sentences before, 'the year-ago period' wherever it was), and 'a year
    ago' is that quarter a year earlier. A span counted ("the nine months") is no period told of."""
    for i, f in enumerate(found):
        kind = "same" if f.notes.get("period") or f.notes.get("period_year") else \
            "back" if f.notes.get("period_back") else None
        if kind is None:
            continue
        here = sent_of(f.start)
        if (month := _month_compared(f, found[:i], sent_of, text)) is not None:
            f.dv = cal.month_value(int(month.value[:4]) - 1, int(month.value[5:7]))
            continue
        ref, again = None, False
        # "the quarter" after "for the first half": the quarter told of before, not the half
        said = text[f.start:f.end].lower()
        unit = "quarter" if "quarter" in said else "half" if "half" in said else None
        other = None  # the last period of the other kind, if none of this kind was told
        # "For the nine months, … compared with year-earlier net income": a span of
        # quarters told in the sentence is the period, which only a year can name
        months = any(g.dv is not None and g.dv.value in _SPANS_OF_QUARTERS and sent_of(g.start) == here
                     for g in found[:i])
        for g in reversed(found[:i]):
            if kind == "back" and here - sent_of(g.start) > 5 and not f.notes.get("period_named"):
                break
            if kind == "back" and g.notes.get("period_year") and anchor is not None \
                    and int(g.notes["period_year"]) < anchor.year:
                ref, again = g, True  # "in the 1988 period. The year-ago results": that period again
                break
            if kind == "back" and g.dv is not None and anchor is not None and g.dv.start and g.dv.start > anchor.isoformat() \
                    and not g.notes.get("fiscal_ahead"):
                continue  # "prices to stabilize in the first half of 1990": a period to come is no period reported on
            if g.dv is None or g.notes.get("period_back") or g.dv.precision in ("ref", "set", "day", "time", "duration"):
                continue
            if kind == "same" and not f.notes.get("period_year") and g.notes.get("period_year"):
                continue  # "the quarter" after "in the 1988 period": the quarter reported on, not the one compared
            if f.notes.get("latest") and anchor is not None and g.dv.end and g.dv.end > anchor.isoformat() \
                    and not g.notes.get("fiscal_ahead"):
                continue  # "the latest quarter" has ended: not the one still to come
            if unit is not None and g.dv.precision in ("quarter", "half") and g.dv.precision != unit:
                other = other or g
                continue
            if kind == "back" or g.dv.precision in ("quarter", "half"):
                ref = g  # the period last told of (a day is more often where one ends)
                break
        ref = ref or other
        ends = f.notes.get("ends_quarter")
        if ends is not None and (ref is None or ref.dv is None or ref.dv.precision != "quarter" or not _fiscal(text, ref)):
            # "the quarter ended Sept. 30": the quarter that day ends, unless the text named the
            # quarter as fiscal ("the fiscal first quarter … the quarter ended Sept. 29")
            f.dv = cal.quarter_value(int(ends[:4]), int(ends[-1]))
            continue
        if ref is None and f.notes.get("latest") and anchor is not None:
            f.dv = last_ended_quarter(anchor)  # the quarter last reported: the one ended last
            continue
        if again:
            f.dv = ref.dv  # type: ignore[union-attr]
            continue
        if kind == "back" and "period" in said and ref is not None and ref.dv is not None \
                and ref.dv.precision == "year" and sent_of(ref.start) == here and ref.dv.value.isdigit():
            # "in the first nine months of 2008, down from $97 million in the same period a
            # year earlier": the year told of in the sentence, a year back
            f.dv = cal.year_value(int(ref.dv.value) - 1)
            continue
        if ref is None or ref.dv is None or ref.dv.precision not in ("quarter", "half"):
            continue
        if kind == "same" and not f.notes.get("period_year"):
            f.dv = ref.dv
            continue
        year = int(f.notes["period_year"]) if kind == "same" else int(ref.dv.value[:4]) - 1
        if months and ref.dv.precision == "quarter" and not f.notes.get("quarter"):
            f.dv = cal.year_value(year)
            continue
        part = int(ref.dv.value[-1])
        if f.notes.get("quarter"):  # "the year-earlier third quarter"
            f.dv = cal.quarter_value(year, int(f.notes["quarter"]))
            continue
        f.dv = cal.quarter_value(year, part) if ref.dv.precision == "quarter" else cal.half_value(year, part)


# after a clock time opening a line: a dash, or a whole sentence ("10:20 a.m. Boston's subway
# will stay shut for the rest of Tuesday, transit officials said.")
_STAMP_LINE = re.compile(r"[ \t]*[—–:-]\s|[ \t]+[\"“A-Z][^\n]{40,}[.!?\"”][ \t]*(?:\n|$)")
# what may open such a line before the clock time: "UPDATE 3:40pm:", "Updated at 9.15am -"
_STAMP_LEAD = re.compile(r"\s*(?:(?:update[ds]?|latest)(?:\s+at)?\s*[,:]?\s*)?", re.I)


def _stamp(text: str, f: Found) -> bool:
    """True for a clock time opening a line before a dash, a colon or a sentence ("1:30 p.m.
    — The testing site …", "UPDATE 3:40pm: The Bureau says …"): a live report's entry, of
    the day written."""
    line_start = text.rfind("\n", 0, f.start) + 1
    return _STAMP_LEAD.fullmatch(text, line_start, f.start) is not None and bool(_STAMP_LINE.match(text, f.end))


def _clock_hour(clock: str) -> int | None:
    """The hour of a clock time ("21:30" 21, "24:00" 24); None for a part of the day ("EV")."""
    return int(clock[:2]) if clock[:2].isdigit() else None


def _told_as_past(ctx: DocContext, f: Found) -> bool:
    """True when the clause tells the time as past; "through the night" is a stretch the
    clause's verb spans, not a limit, so its verb's tense tells, as it does for a time hung
    on a noun ("in a radio address at noon, the president said")."""
    tense = ctx.tense(f.start, f.end)
    if tense == "past":
        return True
    root = ctx.root(f.start, f.end) if f.notes.get("night") or tense is None else None
    return root is not None and clause_tense(root) == "past"


def _days_beside(f: Found, found: list[Found], ctx: DocContext, sent_of: Any) -> tuple[list[Found], bool]:
    """The days a clock time may be of, and whether days were told beside it that it cannot
    be of. A clock time or part of the day may take its day from the sentence before ("The
    storm struck on Monday. It touched down shortly before 9 p.m."). A time told as past is
    of no day still to come ("the meeting broke up before 11 p.m.", beside "the fiscal year
    that begins July 1")."""
    s = sent_of(f.start)
    days = [g for g in found if g is not f and g.dv is not None and g.dv.precision in ("day", "time")
            and 0 <= s - sent_of(g.start) <= 1 and g.dv.start and not _bound(ctx.text, g, _SINCE)
            and (sent_of(g.start) == s or not _universal(ctx.text, g))]
    told = [g for g in days if not _dates_a_saying(ctx, g)]
    if told and len(told) < len(days) and not _dates_a_saying(ctx, f):
        days = told  # "boarded a tanker late on Tuesday, sources said on Wednesday. … at 11:30 p.m."
    if ctx.anchor is not None and ctx.tense(f.start, f.end) in ("present", "future"):
        # "fans gathered last night. Kick-off is at 7pm": what is still to come is of no day
        # that only the sentence before named as past, or as the end of a stretch
        days = [g for g in days if sent_of(g.start) == s or _names_a_day_ahead(ctx, g)]
    if ctx.anchor is None or not _told_as_past(ctx, f) or _of_a_present_perfect(ctx, f) and not _bound(ctx.text, f, _SINCE):
        return days, False
    past = [g for g in days if g.dv.start <= ctx.anchor.isoformat()]  # type: ignore[union-attr,operator]
    return past, bool(days) and not past


def _of_a_present_perfect(ctx: DocContext, f: Found) -> bool:
    """True for a time of a participle hung on a verb in the present perfect ("have organized
    a march on Friday afternoon, starting at 1 p.m."): English tells no past clock time in the
    present perfect, as it tells no past weekday there."""
    v = _verb_at(ctx, f)
    while v is not None and v.tag_ in ("VBG", "VBN") and v.dep_ in ("advcl", "xcomp", "acl") and v.head.i != v.i:
        v = v.head
    return v is not None and _in_present_perfect(v)


def _written_in_the_evening(f: Found, found: list[Found], ctx: DocContext) -> bool:
    """True when the text before ``f`` tells the evening of the day written as now or past
    ("We begin tonight in Louisiana", "two are still missing tonight"): an evening news
    report, whose evening times are of that day. So is a report whose first weekday told as
    past is the day written ("WARSAW, March 12 -- Poland joined NATO on Friday. … the flag
    was raised at 19:00 local time"): it was filed after that day's events."""
    evening = {f"{ctx.anchor}TEV", f"{ctx.anchor}TNI"}
    return any(g.start < f.start and g.dv is not None and g.dv.value in evening and not _quoted(ctx.text, g.start)
               and ctx.tense(g.start, g.end) in ("present", "past") for g in found) \
        or _first_past_weekday(f, found, ctx) == str(ctx.anchor)


def _first_past_weekday(f: Found, found: list[Found], ctx: DocContext) -> str | None:
    """The value of the first weekday (a day, or a part of one) the text tells as past
    before ``f``, if any."""
    first = next((g for g in found if g.start < f.start and g.dv is not None and g.dv.precision in ("day", "time")
                  and _WEEKDAY.search(ctx.text, g.start, g.end) and ctx.tense(g.start, g.end) == "past"), None)
    return first.dv.value if first is not None else None  # type: ignore[union-attr]


def _story_day(f: Found, found: list[Found], ctx: DocContext) -> dt.date | None:
    """The day of the story's news for a time of day told as past with no day beside it, when
    the story first tells its news as past on a day in the week before the writing ("A
    freight train derailed early Wednesday … the wagons left the tracks at around 4:40 a.m."):
    that day, or the day after it for the small hours after an evening ("lost power shortly
    before 8 p.m. on Friday … was towed into port at about 4:30 a.m."). None for a speaker's
    time, and for the night, which is placed by its own rule."""
    if ctx.anchor is None or f.notes.get("night_before") or f.notes.get("night") or _quoted(ctx.text, f.start) \
            or not _told_as_past(ctx, f):
        return None
    lead = _first_past_weekday(f, found, ctx)
    day = dt.date.fromisoformat(lead[:10]) if lead is not None else None
    if day is None or not ctx.anchor - dt.timedelta(days=7) <= day < ctx.anchor:
        return None
    if _small_hours(ctx.text, f, _clock_hour(f.clock or "")) and any(
            g.start < f.start and _evening(g) and g.dv.start == day.isoformat() for g in found):  # type: ignore[union-attr]
        day += dt.timedelta(days=1)
    return day


def _quoted(text: str, pos: int) -> bool:
    """True for a position inside a quotation opened in its paragraph (a speaker's "Tonight
    we stopped talking" tells the speaker's evening, not the writing's)."""
    before = text[text.rfind("\n", 0, pos) + 1:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _speakers_day(found: list[Found], ctx: DocContext) -> None:
    """A quoted "today" or "tonight" is the day the speaker spoke. When the story first
    tells its news on a day in the week before the writing ("The council voted late
    Thursday …"; in Friday's paper), its speakers spoke on that day ("Tonight we stopped
    talking", "Today the jury agreed"), unless the story tells the day written as its own
    before the quotation."""
    if ctx.anchor is None:
        return
    lead = next((g for g in found if g.dv is not None and g.dv.precision in ("day", "time") and g.dv.start
                 and not _quoted(ctx.text, g.start) and not _headline_at(ctx.text, g.start)), None)
    if lead is None:
        return
    day = dt.date.fromisoformat(lead.dv.start)  # type: ignore[union-attr,arg-type]
    if not ctx.anchor - dt.timedelta(days=7) <= day < ctx.anchor:
        return
    written = ctx.anchor.isoformat()
    for f in found:
        if f.start <= lead.start or f.dv is None or f.clock is not None or f.dv.start != written:
            continue
        if not _quoted(ctx.text, f.start):
            return  # the story tells the day written as its own ("heavy traffic from early this afternoon")
        if ctx.text[f.start:f.end].lower() in ("today", "tonight"):
            value = day.isoformat() + f.dv.value[10:]
            f.dv = DateValue(value, f.dv.precision, day.isoformat(), day.isoformat())


def _nowadays(found: list[Found], ctx: DocContext, sent_of: Any) -> None:
    """ "Today" opening a clause in the present, or beside "be", set against a time a year
    or more before in its sentence or the one before, is the present age, not the day
    written ("employed 11,000 people in 1985; today it employs about 2,100"; "Two years ago
    I sold my wheat for $140 a ton. Today they offer me $95")."""
    if ctx.anchor is None:
        return
    long_ago = (ctx.anchor - dt.timedelta(days=365)).isoformat()
    for f in found:
        if f.dv is None or f.clock is not None or ctx.text[f.start:f.end].lower() != "today":
            continue
        root = ctx.root(f.start, f.end)
        if root is None or possessive(root):
            continue  # ("today's youth")
        v = verb_of(root)
        if v is None or v.tag_ not in ("VBZ", "VBP") or clause_tense(root) != "present" or root.dep_.startswith("nsubj"):
            continue  # ("today feels like a party" names the day)
        subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if v.lemma_ != "be" and (subject is None or subject.i < root.i):
            continue  # an act told as done today ("we today accept the guarantee"), not a state set against the past
        s = sent_of(f.start)
        if any(g.dv is not None and g.dv.end is not None and g.dv.end < long_ago and 0 <= s - sent_of(g.start) <= 1
               and g.start < f.start + 200 for g in found):
            f.dv = ref_value("PRESENT_REF")


def _headline_at(text: str, pos: int) -> bool:
    """True for a position in a title line."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    return _headline(text, start, len(text) if end < 0 else end)


def _names_a_day_ahead(ctx: DocContext, g: Found) -> bool:
    """True when ``g``, a day, is told as today or still to come and not as the end of a
    stretch ("patrols will stay till early Wednesday morning")."""
    return g.dv.start >= ctx.anchor.isoformat() and not _told_as_past(ctx, g) \
        and not _bound(ctx.text, g, _UNTIL)  # type: ignore[union-attr,operator]


def _days_named_before(f: Found, found: list[Found]) -> list[Found]:
    """The days (or times of a day) the story named before ``f``."""
    return [g for g in found if g.end <= f.start and g.dv is not None and g.dv.precision in ("day", "time") and g.dv.start]


def _last_day_told(f: Found, found: list[Found], ctx: DocContext) -> dt.date | None:
    """The day the story last named before ``f`` in a clause not told as past, and not as
    the end of a stretch ("will vote Sunday. Campaigning was banned Saturday. Polling
    stations open at 9 a.m.": Sunday; "patrols will stay till early Wednesday morning" names
    no day of what follows)."""
    before = [g for g in _days_named_before(f, found) if _names_a_day_ahead(ctx, g)]
    return dt.date.fromisoformat(max(before, key=lambda g: g.start).dv.start) if before else None  # type: ignore[union-attr,arg-type]


# a universal time, or its day, in brackets ("at 4:37 a.m. (2037 GMT Saturday)")
_UNIVERSAL_DAY = re.compile(r"\b(?:GMT|UTC)\s*,?\s*(?:on\s+)?$")
_UNIVERSAL_TIME = re.compile(r"\b(?:GMT|UTC)\b")


def _universal(text: str, g: Found) -> bool:
    """True for a universal time given beside a local one, or that time's day ("at 4:30 a.m.
    (2030 GMT on Monday)"): not the day the story tells of."""
    return bool(_UNIVERSAL_DAY.search(text, max(0, g.start - 12), g.start) or _UNIVERSAL_TIME.search(text, g.start, g.end))


def _last_past_day_told(f: Found, found: list[Found], ctx: DocContext) -> dt.date | None:
    """The day the story named last before ``f``, when told as past and not as the end of a
    stretch ("Bond prices fell yesterday … selling accelerated after 2 p.m."); else None."""
    before = [g for g in _days_named_before(f, found) if g.clock is None and not _bounds_a_stretch(ctx.text, g)
              and not _priced_on(ctx.text, g.start) and not _universal(ctx.text, g)]
    last = max(before, key=lambda g: g.start) if before else None
    return dt.date.fromisoformat(last.dv.start[:10]) if last is not None and _told_as_past(ctx, last) else None  # type: ignore[union-attr,index]


_UNTIL = re.compile(r"\s*,?\s*(?:until|till|through|up\s+to)\s+(?:the\s+end\s+of\s+)?$", re.I)


_SINCE = re.compile(r"\bsince\s+(?:(?:late|early)\s+)?$", re.I)
# a day from which something holds ("will run until midnight from April 1", "will open on
# Sundays from 12pm to 5pm, starting on 7 November"): the hours told are of every day after
_FROM_ON = re.compile(r"\b(?:from|starting(?:\s+(?:on|from))?|beginning(?:\s+on)?|with\s+effect\s+from)\s+$", re.I)


def _bound(text: str, g: Found, before: re.Pattern[str]) -> bool:
    """True for a time right after a word that makes it the start or end of a stretch
    ("an alert in place since Saturday", "without service until the weekend"): not the time
    of what its sentence tells."""
    return before.search(text, max(0, g.start - 30), g.start) is not None


def _bounds_a_stretch(text: str, g: Found) -> bool:
    return _bound(text, g, _UNTIL) or _bound(text, g, _SINCE)


def _in_hours_range(f: Found, found: list[Found], text: str) -> bool:
    """True for a clock time at either end of a range of hours ("from 9 a.m. to 8 p.m.",
    "between noon and 4 pm")."""
    return any(hours_range(f, g, text) or hours_range(g, f, text) for g in found)


def _daily_until(f: Found, found: list[Found], ctx: DocContext) -> bool:
    """True for the hours of a range kept until a later day or period ("will function from
    9 a.m. to 8 p.m. until Monday", "open from 8 am to 8 pm till the end of the
    examinations"): hours of each day up to then."""
    text = ctx.text
    in_range = _in_hours_range(f, found, text)
    if not in_range:
        return False
    nxt = next((g for g in found if g.start >= f.end and g.clock is None), None)  # the next expression not a clock time
    if nxt is not None and nxt.type == "DATE" and nxt.start - f.end <= 50 and _UNTIL.search(text, max(0, nxt.start - 30), nxt.start):
        return True
    return re.match(r"[^.;]{0,40}?\b(?:until|till|through)\s+(?:the\s+end\s+of|further\s+(?:orders|notice))\b",
                    text[f.end:], re.I) is not None


_CLOSE_BY = re.compile(r"\s*(?:,\s*)?(?:(?:at|on)\s+)?", re.I)


def _next_to(text: str, a: Found, b: Found) -> bool:
    """True when nothing but "at", "on" or a comma stands between ``a`` and ``b`` ("starting
    March 28 at 7 p.m.", "from Sunday 6 am")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.end <= second.start and _CLOSE_BY.fullmatch(text, first.end, second.start) is not None


def _of_several_days(f: Found, days: list[Found], text: str, sent_of: Any) -> bool:
    """True for a clock time in a sentence that joins two days ("from 10 a.m. to 4 p.m. on
    Friday and Saturday", "open from Tuesday to Sunday, 9am to 5pm"): hours of each of them,
    of no one day."""
    if _clock_hour(f.clock) is None:  # type: ignore[arg-type]
        return False  # (not a part of the day: "stuck in their cars overnight" after "Tuesday and Wednesday")
    s = sent_of(f.start)
    mine = sorted((g for g in days if sent_of(g.start) == s and g.dv is not None and g.dv.precision == "day"),
                  key=lambda g: g.start)
    return any(a.end <= b.start and DAYS_JOINED.fullmatch(text, a.end, b.start) and a.dv.start != b.dv.start  # type: ignore[union-attr]
               for a, b in zip(mine, mine[1:]))


def _from_a_day_on(f: Found, near: Found | None, ctx: DocContext) -> bool:
    """True for a clock time told in the present or future of a day something holds from
    ("will run trains until midnight from April 1"): hours of every day after, not one
    right beside that day ("a series of meetings starting March 28 at 7 p.m.")."""
    return near is not None and near.dv is not None and near.dv.precision == "day" and _bound(ctx.text, near, _FROM_ON) \
        and ctx.tense(f.start, f.end) in ("present", "future") and not _next_to(ctx.text, near, f)


def _verb_at(ctx: DocContext, f: Found) -> Any | None:
    """The verb whose clause ``f`` is in, if any."""
    root = ctx.root(f.start, f.end)
    return verb_of(root) if root is not None else None


_MAY_OR_MUST = ("can", "ca", "could", "may", "might", "must", "should")
_ADVISING = ("advise", "urge", "ask", "tell", "warn", "encourage", "request")


def _hours_advised(f: Found, found: list[Found], ctx: DocContext) -> bool:
    """True for the hours of a range told as what may, must or should be done, or as what
    people are advised to do ("can be requested between 10 am and 5 pm", "advised residents
    to stay indoors between noon and 4 pm", "avoid strenuous activity between noon and 6
    p.m." as an order): hours of any day, not of one."""
    text = ctx.text
    in_range = _in_hours_range(f, found, text)
    v = _verb_at(ctx, f)
    if not in_range or v is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MAY_OR_MUST for c in v.children):
        return True
    if v.tag_ == "VB" and v.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in v.children):
        return True  # an imperative
    return v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() in _ADVISING and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _ahead(ctx: DocContext, f: Found) -> bool:
    """True when the clause tells its time as still to come, or as what may come ("expect
    more snow today and overnight", "may be introduced overnight")."""
    if ctx.tense(f.start, f.end) == "future":
        return True
    v = _verb_at(ctx, f)
    return v is not None and _with_modal(v)


def _of_habit(ctx: DocContext, f: Found) -> bool:
    """True for a time of a present verb with an adverb of habit ("speeches often continue
    past midnight"): of any day."""
    v = _verb_at(ctx, f)
    return v is not None and of_habit(v)


def _dates_a_saying(ctx: DocContext, f: Found) -> bool:
    root = ctx.root(f.start, f.end)
    return root is not None and dates_a_saying(root)


_ON_DAY = re.compile(r"\s+on\s+")
_SAID_ON = re.compile(r"\s*,?\s*(?:on\s+)?")


def _day_said(text: str, f: Found, found: list[Found]) -> Found | None:
    """The day a clock time is said to be on, written right after it or after the other end
    of its range ("from 8am to 5pm on Saturday", "between 5 p.m. and 10 p.m. that Friday")."""
    gap = _SAID_ON.match(text, f.end)
    for g in found:
        if g.start == gap.end() and g.clock is None and g.dv is not None and g.dv.precision in ("day", "time") \
                and g.dv.start:
            # (not the first of a list of days: "from 8 a.m. to 3 p.m. Wednesday and Thursday")
            return None if AND_DAY.match(text, g.end) else g
        if g.clock is not None and g.start > f.end and HOURS_JOINED.fullmatch(text, f.end, g.start):
            return _day_said(text, g, found)
    return None


# a range from midnight to a time of the morning; "after" right before a clock time
_UNTIL_MORNING = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|am\b)|dawn\b|daybreak\b|noon\b)", re.I)
_AFTER = re.compile(r"\bafter\s+$", re.I)
# what starts at a midnight: "since midnight", "shortly after midnight", "began at midnight"
_STARTS_AT = re.compile(r"\b(?:since|after|began|begins?|beginning|started|starts?|starting|opened|opens?|kick(?:s|ed)?\s+in"
                        r"|t(?:ook|akes?)\s+effect)\s+(?:(?:at|from|shortly|just|soon|right|well|around|about)\s+)*$", re.I)


_DAYS_OR_FINER = re.compile(r"[WDT]")  # "every Sunday" XXXX-WXX-7, "daily" P1D, "nightly", "every hour"
_MORNING_TOLD = re.compile(r"(?:\b|(?<=\d))(?:a\.?m\b|morning\b)", re.I)


def _same_clause(ctx: DocContext, f: Found, g: Found) -> bool:
    """True when ``f`` is in the clause ``g`` is a time of ("Every year we have parents
    running up at 10:05"), not in a clause beside it."""
    v, w = _verb_at(ctx, f), _verb_at(ctx, g)
    return v is not None and w is not None and (v.i == w.i or any(a.i == w.i for a in v.ancestors))


def _habit_of(ctx: DocContext, f: Found, g: Found) -> bool:
    """True when ``g`` is a set clock time ``f`` may be a time of: a set of days, weeks or
    times of day in any clause ("open from 1 to 5 p.m. on Sundays"), a set of years or months
    ("every year") only in the clock time's own clause."""
    if g.type != "SET":
        return False
    return g.dv is not None and bool(_DAYS_OR_FINER.search(g.dv.value)) or _same_clause(ctx, f, g)


# a universal time in brackets right after a clock time, and the day it may be told on:
# "at about 2:00 am (1800 GMT Tuesday)", "at 4:30 a.m. (2030 GMT on Monday)"
_UNIVERSAL = re.compile(r"\s*\(\s*(?:about\s+|around\s+)?(\d{1,2})[:.]?(\d\d)\s*(?:GMT|UTC)\b(?:,?\s+(?:on\s+)?)?")


def _days_from_universal(text: str, f: Found, g: Found) -> int:
    """The days from the day of ``g`` to the day of the clock time ``f`` when ``g`` is the
    universal time in brackets right after ``f``, or that time's day: "at about 2:00 am
    (1800 GMT Tuesday)" is Wednesday, "8 p.m. EDT (0000 GMT Wednesday)" Tuesday; the zones
    are less than half a day apart."""
    local, m = _clock_hour(f.clock or ""), _UNIVERSAL.match(text, f.end)
    if local is None or m is None or g.start not in (m.start(1), m.end()) or int(m[1]) > 24:
        return 0
    apart = local - int(m[1])
    return 1 if apart < -12 else -1 if apart > 12 else 0


def _evening(g: Found) -> bool:
    """True for an evening or night, or a clock time of one."""
    value = g.dv.value if g.dv is not None else ""
    hour = _clock_hour(value[11:]) if "T" in value else None
    return value.endswith(("TEV", "TNI")) or hour is not None and hour >= 18


_SUNRISE = re.compile(r"dawn|daybreak|sunrise", re.I)


def _small_hours(text: str, f: Found, hour: int | None) -> bool:
    """True for a clock time before 6 a.m. or for the dawn."""
    return hour is not None and hour < 6 or f.clock == "MO" and _SUNRISE.search(text, f.start, f.end) is not None


_EARLY_HOURS = re.compile(r"\b(?:early|small|wee)\s+hours\b", re.I)
_SMALL_HOUR_ON = re.compile(r"(?<![\d:.])[0-5](?:[:.][0-5]\d)?\s*a\.?m\.?\s+(?:on\s+)?$", re.I)  # "at around 3am on" Friday


def _before_small_hours(text: str, g: Found, hour: int) -> bool:
    """True when ``g``, a time told after a clock time of ``hour`` (6 a.m. or later), is in
    the small hours that follow that clock time's day: "the early hours of Friday", "around
    3am on Friday"."""
    if g.dv is None or hour < 6 or _universal(text, g):
        return False  # (not "the quake hit at 10:42 p.m. local time (0342 GMT Wednesday)")
    clock = re.search(r"T(\d\d):", g.dv.value)
    return clock is not None and int(clock.group(1)) < 6 or _EARLY_HOURS.search(text, g.start, g.end) is not None \
        or _SMALL_HOUR_ON.search(text, max(0, g.start - 25), g.start) is not None


def _next_in_sequence(ctx: DocContext, g: Found, f: Found) -> bool:
    """True when ``f`` is the time of a verb joined after the clause an evening or night
    ``g`` is in ("began Monday evening as rain changed around 6 p.m., and peaked at 2 a.m."):
    what came next."""
    if not _evening(g) or g.start > f.start:
        return False
    first, then = _verb_at(ctx, g), _verb_at(ctx, f)
    return first is not None and then is not None and then.dep_ == "conj" \
        and (then.head.i == first.i or then.head in first.ancestors)


def _small_hour_of(text: str, g: Found, day: dt.date | None) -> bool:
    """True when ``g`` is a clock time in the small hours of ``day`` ("3 a.m. Sunday")."""
    value = g.dv.value if g.dv is not None else ""
    return day is not None and value.startswith(f"{day.isoformat()}T") and _small_hours(text, g, _clock_hour(value[11:]))


_THROUGH_THE_DAY = re.compile(r"\b(?:through|throughout|during)\s+the\s+day$", re.I)


def _fill_clocks(found: list[Found], ctx: DocContext, sent_of: Any) -> None:
    for f in found:
        if f.clock is None:
            continue
        s = sent_of(f.start)
        days, only_later = _days_beside(f, found, ctx, sent_of)
        day: dt.date | None = None
        # a time of every day or week the sentence tells of, when the set is nearer it than
        # any day ("open from 1 to 5 p.m. on Sundays"; not "at 7.50am on August 15, on his
        # way to a weekly shift")
        sets = [g for g in found if sent_of(g.start) == s and _habit_of(ctx, f, g)]
        near = min(days + sets, key=lambda g: abs(g.start - f.start)) if days or sets else None
        on = _ON_DAY.match(ctx.text, f.end)
        said = _day_said(ctx.text, f, found)
        if said is not None:  # "at 8:50 a.m. on Thursday (2350 GMT on Wednesday)": the day it is said to be on
            near, only_later = said, False
        habitual = near is not None and near.type == "SET" or _of_habit(ctx, f) or _daily_until(f, found, ctx) \
            or near is None and _hours_advised(f, found, ctx) \
            or said is None and _of_several_days(f, days, ctx.text, sent_of) or _from_a_day_on(f, near, ctx)
        if ctx.anchor is not None and (_stamp(ctx.text, f) or f.notes.get("now") or only_later and not habitual):
            # a live report's entry ("1:30 p.m. — The testing site …") or its time told as now
            # ("It's 7:42 on this Tuesday"); a past time beside only days to come ("questioned
            # them until 4:30 p.m. and will resume at 9 a.m. Tuesday"): the day written
            day, habitual = ctx.anchor, False
        elif near is not None and not habitual:
            day = dt.date.fromisoformat(near.dv.start)  # type: ignore[union-attr]
            day += dt.timedelta(days=_days_from_universal(ctx.text, f, near))
            hour = _clock_hour(f.clock)
            if said is None and day == ctx.anchor and hour is not None and 18 <= hour < 24 and _told_as_past(ctx, f) \
                    and not _written_in_the_evening(f, found, ctx):
                # "reached two miners late Monday, but a third was still missing early today. …
                # brought to the surface shortly before 11 p.m.": a past evening is of a day
                # told before the day written, when there is one
                before = [g for g in days if g.dv.start < ctx.anchor.isoformat()]  # type: ignore[union-attr,operator]
                if before:
                    day = dt.date.fromisoformat(min(before, key=lambda g: abs(g.start - f.start)).dv.start)  # type: ignore[union-attr,arg-type]
            if near.dv.value.endswith("TNI") and hour is not None and (  # type: ignore[union-attr]
                    hour < 6 or hour < 12 and near.start < f.start and _MORNING_TOLD.search(ctx.text, f.start, f.end + 12)) \
                    or _small_hours(ctx.text, f, hour) and _next_in_sequence(ctx, near, f):
                # "last night … at around 2 a.m.", "spent the night in a cornfield. … the
                # strongest at 7:15 a.m.": the small hours after that night, and the morning
                # after a night told before; "began Monday evening around 6 p.m. and peaked
                # at 2 a.m.", "called off on Wednesday night and resumed at dawn": the small
                # hours or the dawn of a clause joined after one an evening times
                day += dt.timedelta(days=1)
            elif near.start > f.start and hour is not None and _before_small_hours(ctx.text, near, hour):
                # "polls open at 7 a.m. and close at 10 p.m., with the result expected in the
                # early hours of Friday": a day's times told before the small hours after it
                day -= dt.timedelta(days=1)
        elif ctx.anchor is not None and not habitual and not any(g is not f and sent_of(g.start) == s and g.clock is None
                                                and (g.type in ("DATE", "TIME") and not _THROUGH_THE_DAY.search(ctx.text, max(0, g.start - 12), g.end) or _habit_of(ctx, f, g))
                                                and not _clock_shift(g) and not _bounds_a_stretch(ctx.text, g)
                                                and not (g.dv is not None and g.dv.precision in ("year", "decade", "century"))
                                                for g in found):
            # the day written: another clock time beside it is of the same day ("opened at 9
            # a.m., voted at 1:22 p.m."); an evening time told as past with no day is of the
            # evening before the writing ("was arrested at about 9:30 p.m.", in the morning's news)
            day = ctx.anchor
            hour = _clock_hour(f.clock)
            lead = _story_day(f, found, ctx)
            if lead is not None:
                day = lead
            elif not _told_as_past(ctx, f) and any(g is not f and sent_of(g.start) == s and g.dv is not None
                                                   and g.dv.precision == "year" for g in found):
                # "classes will start at 8:15 a.m. in the 1995-96 school year": a time of day
                # not told as past in a sentence that tells a year, and no day, is of no one day
                day = None
            elif hour is not None and hour >= 18 and _told_as_past(ctx, f) and not _written_in_the_evening(f, found, ctx) \
                    and not (hour == 24 and _UNTIL_MORNING.match(ctx.text, f.end)):  # "between midnight and noon": the day's start
                day -= dt.timedelta(days=1)
            elif ctx.tense(f.start, f.end) in ("future", "present"):
                # a time still to come is of the day the story last named as present or
                # still to come when that lies within a month ahead ("The show will be held
                # on Saturday, August 25. … a bar will be open during the afternoon")
                ahead = _last_day_told(f, found, ctx)
                if ahead is not None and ctx.anchor < ahead <= ctx.anchor + dt.timedelta(days=31):
                    day = ahead
            elif (hour is not None and 12 <= hour < 18 or f.clock in ("AF", "EV")) and _told_as_past(ctx, f):
                # an afternoon told as past with no day of its own is of the day before the
                # writing when the story named that day last ("fell sharply yesterday …
                # selling accelerated after 2 p.m."); the small hours and the morning are
                # more often of the day written
                back = _last_past_day_told(f, found, ctx)
                if back == ctx.anchor - dt.timedelta(days=1):
                    day = back
        if f.notes.get("night_before") and day is not None and day < ctx.anchor and _ahead(ctx, f):
            day = ctx.anchor  # "came ashore on Tuesday … the heaviest downpours could come overnight": tonight
        said_on = on is not None and near is not None and near.start == on.end()  # "fell overnight on Friday": Friday's night
        # "struck on Wednesday night. … halted trains overnight": the night of that evening
        of_evening = near is not None and not habitual and any(_evening(g) and g.dv.start == near.dv.start  # type: ignore[union-attr]
                                                               for g in days + [near])
        if day is not None and (f.notes.get("night_before") and not said_on and not of_evening
                                and not (day == ctx.anchor and _ahead(ctx, f))
                                or f.notes.get("night") and day == ctx.anchor
                                and _told_as_past(ctx, f)):
            day -= dt.timedelta(days=1)  # "crews worked through the night", told as past on the day written
        clock = f.clock
        if clock == "24:00" and (_UNTIL_MORNING.match(ctx.text, f.end)
                                 or on is not None and _AFTER.search(ctx.text, max(0, f.start - 16), f.start)
                                 or near is not None and _small_hour_of(ctx.text, near, day)):
            # "between midnight and 6 a.m.", "shortly after midnight on Tuesday", "walked off
            # at 3 a.m. Sunday, after the contract expired at midnight": the day's start
            clock = "00:00"
        elif clock == "24:00" and day is not None and day == ctx.anchor and _STARTS_AT.search(ctx.text, max(0, f.start - 40), f.start) \
                and (ctx.tense(f.start, f.end) == "past" or _SINCE.search(ctx.text, max(0, f.start - 12), f.start)):
            # "have worked 140 crashes since midnight", "the walkout, which began at midnight":
            # a midnight something started from, told as past, is not the one ending the day
            # written but the one that began it
            clock = "00:00"
        if day is not None:
            f.dv = DateValue(f"{day.isoformat()}T{clock}", "time", day.isoformat(), day.isoformat())
        else:
            f.dv = DateValue(f"XXXX-XX-XXT{f.clock}", "time")


_POSSESSIVE = re.compile(r"(?:its|their|his|her|our|my|your)\s+", re.I)
_THE = re.compile(r"the\s+", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _nominal(ctx: DocContext, start: int, end: int) -> bool:
    """True when the expression is a noun phrase ("1990s", "past"), which an article may open;
    not an adverb or adjective ("the recently announced phone")."""
    root = ctx.root(start, end)
    return root is not None and root.pos_ in ("NOUN", "PROPN", "NUM")


def _extent(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    """TimeML extent: a possessive is left out; "the" is part of an expression that heads its
    noun phrase ("the third quarter", "the past three months", "the 1990s") but not of one
    that modifies a noun after it ("the Aug. 7 bombings")."""
    text = ctx.text
    m = _POSSESSIVE.match(text, start, end)
    if m and end > m.end():
        return m.end(), end
    m = _THE.match(text, start, end)
    if m and end > m.end():
        return (m.end(), end) if premodifier(ctx, m.end(), end) else (start, end)
    before = _THE_BEFORE.search(text, max(0, start - 5), start)
    if before and (_nominal(ctx, start, end) or _COUNTED_BACK.fullmatch(text, start, end)) and not premodifier(ctx, start, end) \
            and not _article_of_what_follows(ctx, before.start(), end):
        # ("compared with 19 the week before", where the parse heads the phrase by "before")
        return before.start(), end
    return start, end


def _article_of_what_follows(ctx: DocContext, the: int, end: int) -> bool:
    """True when the "the" at ``the`` belongs to a word after the expression ending at
    ``end``: a noun follows right after ("the 4 p.m. close"), or the parse hangs the "the"
    on a later word (where the tagger reads "close" as an adjective)."""
    m = re.match(r" (?=\w)", ctx.text[end:end + 2])
    nxt = ctx.token(end + 1) if m else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return True
    tok = ctx.token(the)
    return tok is not None and tok.dep_ == "det" and tok.head.idx >= end


_COUNTED_BACK = re.compile(r"(?:day|week|month|quarter|year)\s+(?:before|after|earlier|later)", re.I)


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n)_—–-]|[.!?:;\n][\"'“‘`\s]*[\"'“‘`])\s*$")


# short words title case leaves in lower case ("Sentenced to 8 Years for Fraud")
_TITLE_CASE_LOWER = frozenset("a an and as at but by for from in into nor of on or the to vs with".split())


def _headline(text: str, start: int, end: int) -> bool:
    """A line in title case: three words or more after the first, nearly all capitalised
    but for the short words title case leaves in lower case, and no full stop at its end."""
    if text[start:end].rstrip().endswith("."):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[start:end])[1:] if w not in _TITLE_CASE_LOWER]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# a broadcaster's or a paper's word right before a time word in capitals makes them one name
_MEDIA_NAME = re.compile(r"\b(?:NEWS|SPORTS|BUSINESS|USA|CNN|ABC|CBS|NBC|PBS|BBC|MSNBC) $")


# a numbered century with a capital, as British papers write it, not a name's first words
_CENTURY_IN_CAPITALS = re.compile(r"(?:[Tt]he\s+)?\d{1,2}(?:st|nd|rd|th)(?:-Century|\s+Century(?![ \t]+[A-Z]))")


def _in_a_name(ctx: DocContext, f: Found, sent_bounds: tuple[int, int]) -> bool:
    """True when a time word of the expression is capitalised where it would not be: the
    expression is a title or a name ("ABC's This Week", "60 Minutes", "USA Today"), unless its
    sentence is a headline in title case."""
    if f.notes.get("pattern") in ("holiday", "weekend", "feast_weekend"):  # "Thanksgiving Day", "the Labor Day weekend": a day's own name
        return False
    if _CENTURY_IN_CAPITALS.match(ctx.text, f.start):
        return False  # "the 10th Century", "a 17th-Century farm" (not "21st Century Fox")
    if _MEDIA_NAME.search(ctx.text, max(0, f.start - 12), f.start) and ctx.text[f.start:f.end].isupper():
        return True  # "ABC WORLD NEWS TONIGHT", "USA TODAY": a programme's or paper's name in capitals
    for w in re.finditer(r"[A-Za-z]+", ctx.text[f.start:f.end]):
        word = w.group(0)
        if word.lower() not in tw.LOWER_CASE_TIME_WORDS or not word[0].isupper() or word.isupper() and len(word) > 1:
            continue
        pos = f.start + w.start()
        tok = ctx.token(pos)
        if pos == f.start and (_SENTENCE_OPENING.search(ctx.text, max(0, pos - 4), pos)
                               or tok is not None and tok.is_sent_start):
            continue  # "Today, ..." opens its sentence (or follows a dateline)
        return not _headline(ctx.text, *sent_bounds)
    return False


@contextlib.contextmanager
def _calendar_ends() -> Iterator[None]:
    """Counting from a date told to one past the ends of the calendar (years 1 and 9999)
    stops there: what is left stays unresolved."""
    try:
        yield
    except (OverflowError, ValueError):
        pass


def find_timexes(doc: Doc, anchor: str | None) -> list[Timex]:
    """Every time expression in ``doc`` with its TimeML value, resolved against ``anchor``."""
    day = _parse_anchor(anchor)
    if day is not None:
        day = dateline_day(doc.text, day) or day
    ctx = DocContext(doc, day)
    kept = select(list(candidates(ctx)))
    names = [f for f in kept if _in_a_name(ctx, f, _piece_of(ctx, f.start))]
    kept = [f for f in kept if f not in names]
    kept = sorted(kept + _from_model(doc, ctx.text, kept + names), key=lambda f: f.start)
    kept = join_early_hours(join_clock_days(kept, ctx.text), ctx.text)
    kept = join_next_to(join_season_of(join_feast_parts(kept, ctx.text), ctx.text), ctx.text)
    kept = join_lengths(listed_days(kept, ctx.text), ctx.text)
    kept = [f for f in kept if not _recently_of_a_time(f, kept, ctx.text)]
    sent_starts = [s.start_char for s in doc_sents(doc)]

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    days_of_a_set(kept, ctx, sent_of)
    with _calendar_ends():
        _speakers_day(kept, ctx)
        _nowadays(kept, ctx, sent_of)
        _resolve_references(kept, sent_of, ctx.anchor, told_past=lambda f: _told_as_past(ctx, f))
    _unplaced_lengths(kept, clock_shifts=False)
    with _calendar_ends():
        _resolve_periods(kept, sent_of, ctx.anchor, ctx.text)
    order_weekday_ranges(kept, ctx)
    with _calendar_ends():
        _fill_clocks(kept, ctx, sent_of)
        # "an hour later" is counted from a clock time, which has its day only now
        _resolve_references(kept, sent_of, ctx.anchor, clock_shifts=True)
        months_of_a_told_year(kept, ctx, sent_of)
        paired_seasons(kept, ctx.text)
        order_ranges(kept, ctx)
        weekdays_of_dates(kept, ctx.text)
        fiscal_years_by_their_start(kept, ctx.text)
    _unplaced_lengths(kept, clock_shifts=True)
    out = []
    text = ctx.text
    for f in kept:
        start, end = _extent(ctx, f.start, f.end)
        dv = f.dv
        out.append(Timex(
            text=text[start:end], start_char=start, end_char=end, type=f.type,
            value=dv.value if dv else None, precision=dv.precision if dv else None,
            start=dv.start if dv else None, end=dv.end if dv else None, sentence=sent_of(start),
        ))
    return out
