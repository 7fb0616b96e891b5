"""The words of time expressions and of tense, from ``data/time_words.json``.

Plain data, read once and checked as it is read; nothing here imports spaCy, so the
query path (date arguments) and the publication-date reader use it too.

Tables:

- months, weekdays: every spelling (full and abbreviated, lower case) -> month number
  (1–12) / weekday number (Monday 0)
- seasons, parts_of_day: word -> TimeML code ("summer" -> SU, "evening" -> EV)
- small_numbers, tens, ordinals: number words -> value ("last" is the ordinal -1)
- units: unit word -> [TimeML duration prefix, unit code] ("hour" -> T, H)
- years_in_unit: units counted in years in a TimeML value ("two decades" is P20Y)
- fixed_feasts: feasts and holidays on a fixed day -> [month, day] ("boxing day" -> 12, 26)
- weekday_feasts: holidays on a weekday of a month -> [month, weekday (Monday 0), which
  one (-1 the last), and optionally days after it] ("labor day" -> 9, 0, 1: the first
  Monday of September; US "election day" -> 11, 0, 1, 1: the Tuesday after it in November)
- thanksgiving_days: US Thanksgiving and the days named after it -> days from it
  ("thanksgiving" 0, "black friday" 1)
- easter_days: the days named after Easter -> days from Easter Sunday ("good friday" -2)
- period_parts: early / mid / late -> words of a modifier that place a time in that part
  of its period ("the end of the year", "earlier this month")

Lists (order kept where a pattern tries them in turn: longer first):

- vague_counts: counts that give no number ("a few", "several")
- qualifiers: words that bound a duration without changing its value ("nearly", "at least")
- count_words: words between a duration's count and its unit ("three more years")
- month_preps: words before a month name that make it a month, not a name or a modal
- weak_preps: of those, the ones that do so only beside another time ("May and June")
- ambiguous_months: month names that are also a modal, a verb or a given name
- feast_thing_nouns: nouns after a feast's name that make it the name of a thing, not a
  time ("Christmas tree", "Easter egg", "the Easter Vigil", "the Easter Rising")
- weekday_name_openers / weekday_name_closers: words that make a weekday part of a name
  ("Black Friday", "the Sunday Times")
- lower_case_time_words: time words that, capitalised inside a sentence, belong to a
  name ("ABC's This Week", "USA Today")
- year_result_nouns: plural nouns a year before tells the period of, not a count ("said 1991
  earnings could fall", "from 2005 levels")
- current_terms: nouns after "current" that make a fixed term ("current account")
- modal_aux: the modal auxiliaries ("will", "could", "must"; "ca", "wo" as the tagger
  splits "can't", "won't"); of those, future_aux put a clause ahead of its telling, and
  ahead_modals put what may or must be done ahead ("may reopen Monday", not "may be linked
  to two in April"); "could" says nothing sure about its time ("could be located Wednesday")
- future_governors: governors of a to-infinitive that point forward ("plans to visit")
- canadian_places: Canada's provinces and territories, their dateline abbreviations
  ("Ont.", "B.C."), and its largest cities and provincial capitals, leaving out names that
  places elsewhere are better known by (London, Windsor, Hamilton, Victoria); a story that
  opens with one keeps Canada's feasts (Thanksgiving in October)
- implicative_verbs: verbs whose to-infinitive tells what was done, failed or begun at the
  verb's own time ("declined to comment Friday", "began to fall Friday")
- asking_verbs: verbs whose to-infinitive tells what is asked for, which lies ahead ("asked
  voters to approve a levy in November"); not when told as a simple past passive ("were
  urged to evacuate on Tuesday", which dates the asking)
- same_past_forms: verbs whose simple past is their base form ("cut", "hurt")
- reporting_verbs: a day right after one dates the saying ("said Thursday it would")
- limit_preps, range_end_preps: prepositions that set a limit, not the clause's time
  ("until Tuesday"), and of those the ones that end a stretch ("from May to June")
- time_nouns: nouns a weekday may be one expression with ("Saturday evening")
- habit_adverbs: adverbs that make a present clause one of habit ("December is always a
  quiet month": any December)
- expecting_verbs: verbs whose present tells of what lies ahead ("shops expect record
  sales at Christmas")
- foreseeing_verbs: verbs whose passive tells the time of what is foreseen ("was expected on
  Friday"); a plan's passive may tell when the planning was ("was planned on Saturday")
- forecast_nouns: nouns after which "for" names a time ahead ("issued a flood watch for
  Friday")
- planning_verbs: verbs after which "for" names the planned time ("set for April")
- month_determiners: determiners before "March", "June"… that make it a month modifying
  a noun ("the March accession")
- verb_month_followers: words after "May" or "March" that make it a verb or a name ("May
  have", "March said")
- season_preps: words before a season that make it a time ("in spring", "last summer")
- duration_day_preps: words before "one day" that make it a span of one day ("for one
  day"); otherwise it is some time ahead ("will one day be")
- present_words: references to the time of writing (PRESENT_REF: "now", "these days")
- degree_words: words that make "recent" a comparison, not a time ("the most recent")
- habit_adjectives: adjectives before a weekday that make it every such day ("the regular
  Thursday meeting")
- schedule_nouns: nouns after a weekday that make it every such day ("Sunday hours",
  "Saturday service")
- polls: nouns of a vote held on a set day, which a month names ("the November election",
  "the March ballot"); one told of in a clause not in the past lies ahead
- dated_by_month: nouns a month names the time of, even "May" ("crude for May delivery",
  "a levy on the May ballot", "the release of May figures")
- traded_goods: goods traded in futures, after which a month names the contract's delivery
  month, this month or one ahead ("May crude rose", "September unleaded gasoline")
- goods_grades: words of grade or kind between the month and the goods ("February light
  sweet crude", "July hard red winter wheat")
- goods_figures: words after such goods that make the month one of the goods' figures or
  events, not a contract ("October corn exports", "the August gold medal")
- measure_nouns: lemmas of nouns after a month that make it the month measured, which
  lies before the measuring is reported ("the October jobs report", "December trade figures")
- other_new_years: words before "New Year" that make it another calendar's, not January 1
  ("Lunar New Year")
- age_leads: words before a count of time that make it an age, which TimeML leaves out
  ("aged six months", "older than 65 years")
- half_year_context: words near "the first half" that make it half a year, not of a game
  (figures: "sales", "percent")
- game_words: words near "the second half" that make it half of a game, whatever figures
  are near ("a 12-point second-half deficit", "scored early in the second half"); not
  words a business also uses ("goal", "games")
"""

from __future__ import annotations

from typing import Any

from kb.lexicon import LexiconError, json_data, part

_FILE = "time_words.json"


def _load() -> dict[str, Any]:
    data = json_data(_FILE)
    tables, lists = data.get("tables"), data.get("lists")
    if not isinstance(tables, dict) or not isinstance(lists, dict):
        raise LexiconError(f"{_FILE}: needs the objects 'tables' and 'lists'")
    for name, table in tables.items():
        if not isinstance(table, dict) or not table:
            raise LexiconError(f"{_FILE}: table {name!r} is not a non-empty object")
    return data


_DATA = _load()


def _table(name: str) -> dict[str, Any]:
    return dict(part(_DATA, _FILE, "tables", name))


def _list(name: str) -> list[str]:
    return list(part(_DATA, _FILE, "lists", name))


MONTHS: dict[str, int] = _table("months")
WEEKDAYS: dict[str, int] = _table("weekdays")
SEASONS: dict[str, str] = _table("seasons")
PARTS_OF_DAY: dict[str, str] = _table("parts_of_day")
SMALL_NUMBERS: dict[str, float] = _table("small_numbers")
TENS: dict[str, int] = _table("tens")
ORDINALS: dict[str, int] = _table("ordinals")
UNITS: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _table("units").items()}
YEARS_IN_UNIT: dict[str, int] = _table("years_in_unit")
EASTER_DAYS: dict[str, int] = _table("easter_days")
WEEKDAY_FEASTS: dict[str, tuple[int, int, int, int]] = {k: (v[0], v[1], v[2], v[3] if len(v) > 3 else 0)
                                                        for k, v in _table("weekday_feasts").items()}
THANKSGIVING_DAYS: dict[str, int] = _table("thanksgiving_days")
FIXED_FEASTS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _table("fixed_feasts").items()}
PERIOD_PARTS: dict[str, list[str]] = _table("period_parts")

VAGUE_COUNTS = _list("vague_counts")
QUALIFIERS = _list("qualifiers")
AGE_LEADS = _list("age_leads")  # words before a count of years that make it an age
HALF_YEAR_CONTEXT = _list("half_year_context")
GAME_WORDS = _list("game_words")
COUNT_WORDS = _list("count_words")
MONTH_PREPS = frozenset(_list("month_preps"))
WEAK_PREPS = frozenset(_list("weak_preps"))
AMBIGUOUS_MONTHS = frozenset(_list("ambiguous_months"))
WEEKDAY_NAME_OPENERS = frozenset(_list("weekday_name_openers"))
WEEKDAY_NAME_CLOSERS = frozenset(_list("weekday_name_closers"))
FEAST_THING_NOUNS = frozenset(_list("feast_thing_nouns"))
LOWER_CASE_TIME_WORDS = frozenset(_list("lower_case_time_words"))
CURRENT_TERMS = frozenset(_list("current_terms"))
YEAR_RESULT_NOUNS = frozenset(_list("year_result_nouns"))
ERA_NOUNS = frozenset(_list("era_nouns"))  # "today's youth": of the present age, not the day
FUTURE_AUX = frozenset(_list("future_aux"))
AHEAD_MODALS = frozenset(_list("ahead_modals"))
MODAL_AUX = frozenset(_list("modal_aux"))
FUTURE_GOVERNORS = frozenset(_list("future_governors"))
ASKING_VERBS = frozenset(_list("asking_verbs"))
IMPLICATIVE_VERBS = frozenset(_list("implicative_verbs"))
CANADIAN_PLACES = tuple(_list("canadian_places"))
SAME_PAST_FORMS = frozenset(_list("same_past_forms"))
REPORTING_VERBS = frozenset(_list("reporting_verbs"))
LIMIT_PREPS = frozenset(_list("limit_preps"))
RANGE_END_PREPS = frozenset(_list("range_end_preps"))
TIME_NOUNS = frozenset(_list("time_nouns"))
PLANNING_VERBS = frozenset(_list("planning_verbs"))
EXPECTING_VERBS = frozenset(_list("expecting_verbs"))
FORESEEING_VERBS = frozenset(_list("foreseeing_verbs"))
FORECAST_NOUNS = frozenset(_list("forecast_nouns"))
HABIT_ADVERBS = frozenset(_list("habit_adverbs"))
DEFERRING_VERBS = frozenset(_list("deferring_verbs"))  # what they move to, or give until, lies after the moving
MONTH_DETERMINERS = frozenset(_list("month_determiners"))
VERB_MONTH_FOLLOWERS = frozenset(_list("verb_month_followers"))
SEASON_PREPS = frozenset(_list("season_preps"))
DURATION_DAY_PREPS = frozenset(_list("duration_day_preps"))
PRESENT_WORDS = frozenset(_list("present_words"))
DEGREE_WORDS = frozenset(_list("degree_words"))
OTHER_NEW_YEARS = frozenset(_list("other_new_years"))
HABIT_ADJECTIVES = frozenset(_list("habit_adjectives"))
SCHEDULE_NOUNS = frozenset(_list("schedule_nouns"))
POLLS = frozenset(_list("polls"))
DATED_BY_MONTH = _list("dated_by_month")
MEASURE_NOUNS = frozenset(_list("measure_nouns"))
TRADED_GOODS = _list("traded_goods")
GOODS_GRADES = _list("goods_grades")
GOODS_FIGURES = _list("goods_figures")
EXTREME_NOUNS = frozenset(_list("extreme_nouns"))  # a level reached: "its March peak" is past

# the full names, in calendar order (the first spelling of each number)
MONTH_NAMES = [next(k for k, v in MONTHS.items() if v == n) for n in range(1, 13)]
WEEKDAY_NAMES = [next(k for k, v in WEEKDAYS.items() if v == n) for n in range(7)]


def words_pattern(words: list[str]) -> str:
    """The alternation of ``words`` for a regular expression, a space matching any run of
    white space, in the list's order."""
    return "|".join(w.replace(" ", r"\s+") for w in words)
