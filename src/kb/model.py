"""Plain data passed between the stages: articles, and the facts extracted from them.

Nothing here imports spaCy or SQLite, so every stage can use these types.

Offsets: every ``start_char``/``end_char`` in :class:`ArticleFacts` counts characters
in ``Article.text`` (the text as read from the file), not in the cleaned text that the
NLP pipeline sees. Extraction modules work in cleaned-text offsets and the extraction
orchestrator maps them back with :meth:`Article.original_span`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["person", "state", "organization", "place", "group", "agreement", "product"]
ENTITY_KINDS: tuple[str, ...] = ("person", "state", "organization", "place", "group", "agreement", "product")

# Date precisions, finest first; "reported": dated only by the day its article came out.
PRECISIONS: tuple[str, ...] = (
    "time", "day", "reported", "week", "month", "season", "quarter", "half", "year", "decade", "century",
)
# Where an event's date came from, most trusted first (None: undated).
EVENT_DATE_FROM: tuple[str, ...] = ("clause", "sentence", "narrative", "published")

# Where a publication date came from, most trusted first.
PUBLISHED_FROM = ("override", "metadata", "dateline", "updated", "weekday", "latest")


@dataclass
class Article:
    """One article as read from disk, before any NLP."""

    doc_id: str
    text: str
    title: str = ""
    published: str | None = None  # ISO day "2021-11-24"
    published_from: str | None = None  # one of PUBLISHED_FROM
    url: str | None = None
    source: str | None = None
    path: str | None = None
    clean: str = ""  # cleaned text handed to the NLP pipeline
    # offsets[i] is the index in ``text`` of ``clean[i]``; one extra entry for the end.
    offsets: list[int] = field(default_factory=list)
    # Problems met while reading that did not stop it ("not UTF-8: read as Windows-1252").
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.clean and not self.offsets:
            self.clean = self.text
        if not self.offsets:
            self.offsets = list(range(len(self.clean) + 1))

    @property
    def content_hash(self) -> str:
        meta = f"{self.title}\x00{self.published or ''}\x00{self.url or ''}\x00"
        return hashlib.sha256((meta + self.text).encode("utf-8")).hexdigest()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``clean`` to the span of ``text`` it came from."""
        start = max(0, min(start, len(self.clean)))
        end = max(start, min(end, len(self.clean)))
        if end == start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Sentence:
    start_char: int
    end_char: int
    text: str


@dataclass
class DateValue:
    """A normalised time value: TimeML TIMEX3 ``value`` plus the days it covers."""

    value: str  # "2021-11-24", "2021-11", "2021", "199X", "P3Y", "PRESENT_REF", ...
    precision: str  # day, week, month, quarter, season, half, year, decade, century, time, ref, duration, set;
    # "reported" for an event dated only by the publication day of the article that told it
    start: str | None = None  # first ISO day covered, for sorting and filtering
    end: str | None = None  # last ISO day covered


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}|MO|MI|AF|EV|NI|DT))?)?"
                    r"|-W(\d{2})|-Q([1-4])|-H([12])|-(SP|SU|FA|AU|WI))?$")


def readable_date(value: str | None) -> str:
    """A TimeML value as a reader writes it: "24 Nov 2021, evening", "Dec 2020", "1965",
    "1990s", "Q3 2021", "summer 2021"; a value of another form as it is."""
    if not value:
        return ""
    if value in _REFS:
        return _REFS[value]
    if re.fullmatch(r"\d{3}X?", value):  # TimeML writes the 1990s "199" ("199X" read too)
        return value[:3] + "0s"
    if re.fullmatch(r"\d{2}(?:XX)?", value):
        return f"{int(value[:2]) + 1}th century"
    m = _VALUE.match(value)
    if not m:
        return value
    year, month, day, time, week, quarter, half, season = m.groups()
    if week:
        return f"week {int(week)} of {year}"
    if quarter:
        return f"Q{quarter} {year}"
    if half:
        return f"{'first' if half == '1' else 'second'} half of {year}"
    if season:
        return f"{_SEASONS[season]} {year}"
    if not month:
        return year
    if not 1 <= int(month) <= 12:
        return value
    if not day:
        return f"{_MONTHS[int(month) - 1]} {year}"
    text = f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    if time:
        text += ", " + _PARTS.get(time, time)
    return text


@dataclass
class Timex:
    """A time expression found in an article."""

    text: str
    start_char: int
    end_char: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None = None  # None when it could not be resolved
    precision: str | None = None
    start: str | None = None
    end: str | None = None
    sentence: int = -1

    def date_value(self) -> DateValue | None:
        if self.value is None or self.precision is None:
            return None
        return DateValue(self.value, self.precision, self.start, self.end)


@dataclass
class Mention:
    """One occurrence of an entity name in the text."""

    text: str
    kind: str
    start_char: int
    end_char: int
    entity: str  # key of the LocalEntity it belongs to
    sentence: int = -1


@dataclass
class LocalEntity:
    """An entity as one article knows it; resolved across articles later."""

    key: str  # unique within the article, e.g. "person:Benny Gantz"
    kind: str
    name: str  # the best name the article gives
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    doubtful: bool = False


@dataclass
class Role:
    """A person's title: ``entity`` is ``title`` of ``of`` (an entity key or a plain name)."""

    entity: str
    title: str
    of: str | None = None  # key of a LocalEntity, when the holder is known
    of_name: str | None = None
    former: bool = False
    sentence: int = -1


@dataclass
class Participant:
    entity: str  # LocalEntity key
    role: str  # actor, target, co-actor, signatory, place, ...


@dataclass
class Event:
    key: str  # unique within the article
    trigger: str
    type: str
    sentence: int
    trigger_start: int = -1
    trigger_end: int = -1
    cameo: str | None = None
    modality: str = "asserted"  # asserted, planned, reported, denied, negated, conditional
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None  # LocalEntity key
    date: DateValue | None = None
    date_from: str | None = None  # clause, sentence, narrative (the story's day told above), published
    date_text: str | None = None
    summary: str = ""


GENERAL_TYPE = "occurrence"  # the type of an event outside the taxonomy
STATE_TYPE = "state"  # the type of a state the text reports ("is invincible", "owns"), outside it too
# modalities of what the text says did not, or only might, happen
UNREAL_MODALITIES = ("negated", "denied", "conditional")


@dataclass
class Agreement:
    entity: str  # LocalEntity key of kind "agreement"
    name: str
    parties: list[str] = field(default_factory=list)  # state / organisation keys
    signatories: list[str] = field(default_factory=list)  # person keys
    date: DateValue | None = None
    sentence: int = -1


@dataclass
class ArticleFacts:
    """Everything extracted from one article; what ingest stores and extract prints."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
