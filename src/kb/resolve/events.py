"""Merging the same real event told by several articles into one.

Contract used by the store:

- ``merge_events(records) -> dict[(article_id, event_key), event_id]``: records carry the
  event's type, date and canonical participant ids; events of the same type with
  overlapping participants and compatible dates share an id.

Compatible dates: one date contains the other (``2021-11`` and ``2021-11-24``); a date
that is only the publication day of a past-tense report (precision ``"reported"``) may be
a few days late; an undated mention joins a dated one only when it has the same trigger
word and the two articles came out within a few days. An undated mention from an article
with no publication date ("will sign the memorandum") joins the one cluster with the same
trigger word that shares two of its participants, if there is exactly one. Modality does
not split an event (what was planned in one article and done in another is one event),
except that denied or negated mentions stay apart from asserted ones.

Sharing a participant (a place, an affiliation) is not enough when the parties differ: a
mention naming two or more parties (actors, targets) does not join an event when each
names one of a kind that the other lacks, and they share another party of that kind or
none at all. "Canada and Poland restored relations in 2006" and "Vietnam and Poland
restored relations in 2006" are two events, as are "Gantz met Bourita" and "Blinken met
Bourita" on one day, or two meetings of other people in one city; "Israel and Morocco
signed" and "Gantz and Loudiyi signed" (states, then people) may be one, and so may "Jobs
started Apple Inc." and "Apple Computer was started by Jobs" (one company under two names,
which entity resolution may leave apart). This needs each entity's kind (``kinds``);
without it parties are not compared.

Mentions in one article merge too (title and body, "signed … the signing"), but never two
triggers of one sentence, two statements of one article, nor two verbs with different
words: an article narrates distinct actions with distinct verbs ("unveiled … demoed"),
while it refers back to one with a noun ("the trip"). Agreements and relations are the
exception: their verbs are synonyms ("signed", "concluded a deal"). Nominal triggers have
keys starting with ``"n"`` (see :mod:`kb.extract.events`).

Records are clustered greedily, finest dates first, against indexes keyed by
(type family, participant, time bucket), so the cost grows with the number of records,
not with its square. Ids are stable: a hash of the cluster's earliest member.

The corpus need not be merged at once: :func:`reach` gives each record its family and
the years it can meet other records in, and records whose reaches share no year of one
family can never meet, so blocks of them merge apart with the same result
(:mod:`kb.resolve.consolidate` streams them in that order).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator

from kb.lexicon.events import FAMILIES
from kb.model import GENERAL_TYPE, STATE_TYPE, UNREAL_MODALITIES

# dates not written in the event's own sentence: the publication day of a past-tense
# report, or the day the story was telling ("narrative"); either may be a few days off
SOFT_DATES = frozenset({"published", "narrative"})
# a publication-day date may trail the real day by this much
PUBLISHED_LAG_DAYS = 3
# articles published this close may tell the same undated event
UNDATED_WINDOW_DAYS = 3
# cap on candidates looked at per bucket, against pathological hubs
MAX_CANDIDATES = 200
MAX_LOOKED = 400
COARSE = {"day": 0, "time": 0, "reported": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3,
          "year": 4, "decade": 5, "century": 6}
OPPOSED_MODALITIES = set(UNREAL_MODALITIES)
UNTYPED = frozenset({GENERAL_TYPE, STATE_TYPE})
# families recognised by their object ("a deal", "ties"): their verbs are synonyms
# ("signed", "concluded", "sealed"), so one article may use several for one event
OBJECT_TYPED = frozenset({"agreement", "relations_up", "relations_broken"})
# roles naming the parties of an event, compared between a mention and an event
PARTY_ROLES = frozenset({"actor", "co-actor", "target", "participant"})
# roles that say who took part; affiliations (a minister's state) only help to link
CORE_ROLES = frozenset({"actor", "co-actor", "target", "theme", "signatory", "participant"})
# dates, trigger words and the index keys made of them recur from record to record: the
# latest this many of each are kept made
CACHED = 256


@dataclass(slots=True)
class EventRecord:
    article: str
    key: str
    type: str
    trigger: str
    participants: list[tuple[str, str]] = field(default_factory=list)  # (entity id, role)
    value: str | None = None
    precision: str | None = None
    start: str | None = None
    end: str | None = None
    published: str | None = None
    modality: str = "asserted"
    date_from: str | None = None  # clause, sentence, narrative, published (None: treated as clause)
    sentence: int = -1
    lemma: str | None = None  # trigger lemma; derived from ``trigger`` when missing

    @property
    def nominal(self) -> bool:
        """A noun trigger ("the visit"): it may refer back to an action told by a verb."""
        return self.key.startswith("n")


@dataclass(slots=True)
class _Cluster:
    # Slots, and the rarely filled fields left None until needed: a large corpus has
    # hundreds of thousands of clusters, most with a single member.
    first: tuple[str, str, str]  # (published, article, key) of the earliest member
    type_family: str
    start: dt.date | None
    end: dt.date | None
    rank: int  # precision rank of the cluster's date (lower is finer)
    from_published: bool
    modality: str
    # tuples, not sets: most hold one or two items, and an empty set alone takes 216 bytes
    entities: tuple[str, ...]
    core: tuple[str, ...]
    lemmas: tuple[str, ...]
    sentences: tuple[tuple[str, int], ...]
    themes: tuple[tuple[str, str], ...] = ()  # (article, entity) of what its tellings were about
    parties: tuple[tuple[str, str], ...] = ()  # (kind, entity) of the parties its tellings name
    statement_articles: set[str] | None = None
    verbal: dict[str, set[str]] | None = None  # article -> stems of its verb triggers


# (type family, entity, time bucket or trigger word ...) -> clusters filed there
Index = dict[tuple[str, ...], int | list[int]]


@lru_cache(maxsize=CACHED)
def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@lru_cache(maxsize=CACHED)
def stem(word: str) -> str:
    """A crude stem, so "signed", "signs" and "signing" compare equal."""
    w = word.lower().strip()
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "planned" -> "plan"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _family(type_: str) -> str:
    return FAMILIES.get(type_, type_)


def _id(first: tuple[str, str, str]) -> str:
    return event_id(first[1], first[2])


def event_id(article: str, key: str) -> str:
    """The id of the merged event whose earliest telling is ``key`` of ``article``."""
    return hashlib.sha1(f"{article}\x00{key}".encode()).hexdigest()[:12]


def family(r: EventRecord) -> str:
    """The family a record merges within: an event outside the taxonomy is only the same
    as one told with the same word ("rose" and "hired" on one day are two events, even of
    the same company)."""
    return _family_of(r.type, r.lemma or r.trigger)


def _family_of(type_: str, word: str) -> str:
    """:func:`family` from a record's type and its trigger's lemma (else the trigger)."""
    return _family(type_) if type_ not in UNTYPED else f"{type_}:{stem(word)}"


@lru_cache(maxsize=CACHED)
def _buckets(start: dt.date, end: dt.date, rank: int) -> tuple[str, ...]:
    """Index keys a dated cluster is filed under: its own granularity, plus roll-ups of
    its month, year and decade so that coarser dates find it in one look-up (interned:
    the index holds each once)."""
    year, month = f"{start.year:04d}", f"{start.year:04d}-{start.month:02d}"
    decade = f"X{start.year // 10:03d}"
    if rank <= 1:
        keys = [f"d{start.isoformat()}", f"M{month}", f"Y{year}", decade]
    elif rank <= 3:
        keys = [f"m{month}", f"Y{year}", decade]
    elif rank <= 4:
        keys = [f"y{year}", decade]
    else:
        keys = [f"x{start.year // 10:03d}"]
    return tuple(sys.intern(key) for key in keys)


@lru_cache(maxsize=CACHED)
def _lookups(start: dt.date, end: dt.date, rank: int, lag: int) -> tuple[str, ...]:
    """Index keys where a cluster compatible with this date may be filed."""
    year, month = f"{start.year:04d}", f"{start.year:04d}-{start.month:02d}"
    keys = [f"x{start.year // 10:03d}"]
    if rank <= 4:
        keys.append(f"y{year}")
    if rank <= 3:
        keys.append(f"m{month}")
    if rank <= 1:
        keys += _day_keys(start, lag)
    elif rank <= 3:
        keys.append(f"M{month}")
    elif rank <= 4:
        keys.append(f"Y{year}")
    else:
        keys.append(f"X{start.year // 10:03d}")
    return tuple(keys)


def _dates_compatible(c: _Cluster, start: dt.date, end: dt.date, rank: int, from_published: bool) -> bool:
    if c.start is None or c.end is None:
        return False
    if from_published or c.from_published:
        if rank <= 1 and c.rank <= 1:
            return abs((c.start - start).days) <= PUBLISHED_LAG_DAYS
        # the intervals overlap once widened by the lag (in days: the calendar has ends)
        return c.start.toordinal() - PUBLISHED_LAG_DAYS <= end.toordinal() \
            and start.toordinal() - PUBLISHED_LAG_DAYS <= c.end.toordinal()
    # the coarser interval must contain the finer one
    if rank >= c.rank:
        return start <= c.start and c.end <= end
    return c.start <= start and end <= c.end


# the years a reach may take in; a record that may meet any date of its family spans them all
FIRST_YEAR, LAST_YEAR = 0, 10_000


def reach(r: EventRecord) -> tuple[str, int, int] | None:
    """A record's family and the first and last year of the dates through which it can
    meet other records; None for a record with no participant, which meets none.

    Merging only looks clusters up under index keys of one family, each holding a year (or
    a decade), and a record only reads and files keys of its own years:

    - a dated record reads the buckets of its date, give or take the publication lag, and
      of its decade. A cluster is filed under the buckets of its date, which is the date of
      one of its members, so that member's years hold them. A decade (or coarser) date
      reads, and is read by, every date of its decade: its years are the whole decade.
    - a record with a publication day files its cluster under that day, and reads the days
      a few either side when it is undated or dated by a soft date.
    - an undated record from an article of unknown date looks clusters up by trigger word
      alone, at any date: its years are all years.

    A record only joins a cluster it found under a key it read, so the members of a
    cluster have overlapping reaches; records whose reaches share no year of their family
    never see each other's clusters, and merging them apart gives the same ids.
    """
    if not r.participants:
        return None
    return reach_of(r.type, r.lemma or r.trigger, r.precision, r.start, r.end, r.date_from, r.published)


def reach_of(type_: str, word: str, precision: str | None, start_text: str | None, end_text: str | None,
             date_from: str | None, published_text: str | None) -> tuple[str, int, int]:
    """The :func:`reach` of a record with participants, from its fields (``word``: its
    trigger's lemma, else the trigger)."""
    fam = _family_of(type_, word)
    start, end = _day(start_text), _day(end_text)
    rank = _rank_of(precision, start_text, end_text)
    published = _day(published_text)
    years: list[int] = []
    if start is not None and end is not None and rank < 9:
        years += [_year(min(start, end), -PUBLISHED_LAG_DAYS), _year(max(start, end), PUBLISHED_LAG_DAYS)]
        if rank > 4:
            decade = start.year // 10 * 10
            years += [decade, decade + 9]
        soft = date_from in SOFT_DATES
    else:
        soft = True  # undated: it reads the days around its publication
    if published is not None:
        window = UNDATED_WINDOW_DAYS if soft else 0
        years += [_year(published, -window), _year(published, window)]
    if not years:
        return fam, FIRST_YEAR, LAST_YEAR
    return fam, min(years), max(years)


@lru_cache(maxsize=CACHED)
def _year(day: dt.date, days: int) -> int:
    """The year ``days`` after ``day`` (that of ``day`` at the ends of the calendar)."""
    try:
        return (day + dt.timedelta(days=days)).year
    except OverflowError:
        return day.year


def merge_events(records: list[EventRecord], *, by_stem: bool | None = None,
                 kinds: dict[str, str] | None = None) -> dict[tuple[str, str], str]:
    """The merged event id of every record, by (article, key).

    ``kinds`` gives the kind of each entity ("person", "state"...), so that events with
    different parties of one kind stay apart (see the module's notes); without it, parties
    are not compared.

    ``by_stem`` says whether some record of the corpus comes from an article of unknown
    date (only then are clusters filed by trigger word alone); by default, whether one of
    ``records`` does. A caller merging the corpus in blocks passes the corpus's answer.
    """
    order = sorted(
        range(len(records)),
        key=lambda i: (
            _rank(records[i]),
            records[i].date_from in SOFT_DATES,
            records[i].start or "",
            records[i].published or "9999",  # articles of unknown date last: they only join
            records[i].article,
            records[i].key,
        ),
    )
    clusters: list[_Cluster] = []
    dated_index: Index = {}
    lemma_index: Index = {}
    stem_index: Index = {}
    # only mentions from articles of unknown date look clusters up by trigger word alone
    if by_stem is None:
        by_stem = any(r.published is None for r in records)
    assign: dict[int, int] = {}

    for i in order:
        r = records[i]
        lemma = stem(r.lemma or r.trigger)
        fam = family(r)
        ents = {e for e, role in r.participants if role in CORE_ROLES} or {e for e, _ in r.participants}
        all_ents = {e for e, _ in r.participants}
        parties = {(kinds.get(e, ""), e) for e, role in r.participants if role in PARTY_ROLES} if kinds else set()
        start, end = _day(r.start), _day(r.end)
        rank = _rank(r)
        published = _day(r.published)
        from_pub = r.date_from in SOFT_DATES
        dated = start is not None and end is not None and rank < 9

        best: int | None = None
        best_score = (-1, 0)
        seen: set[int] = set()
        looked = 0
        joinable = 0
        for cid in _candidates(fam, all_ents, lemma, start, end, rank, published, from_pub, dated,
                               dated_index, lemma_index, stem_index):
            if cid in seen:
                continue
            seen.add(cid)
            looked += 1
            if looked > MAX_LOOKED:
                break
            c = clusters[cid]
            if not _can_join(c, r, fam, ents, all_ents, lemma, start, end, rank, published, from_pub, dated):
                continue
            if len(parties) >= 2 and c.parties and _other_parties(c.parties, parties):
                continue
            joinable += 1
            score = (_shared(c.entities, all_ents), -cid)
            if score > best_score:
                best, best_score = cid, score
        if not dated and published is None and joinable > 1:
            best = None  # nothing in time to choose between them
        first = (r.published or "9999", r.article, r.key)
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster(first, fam, start if dated else None, end if dated else None,
                                     rank if dated else 9, from_pub, r.modality, (), (), (), ()))
        c = clusters[best]
        if first < c.first:
            c.first = first
        if dated and (c.start is None or rank < c.rank or (c.from_published and not from_pub)):
            c.start, c.end, c.rank, c.from_published = start, end, rank, from_pub
        c.entities = _add(c.entities, all_ents)
        c.core = _add(c.core, ents)
        c.lemmas = _add(c.lemmas, (lemma,))
        c.sentences = _add(c.sentences, ((r.article, r.sentence),))
        c.themes = _add(c.themes, ((r.article, e) for e, role in r.participants if role == "theme"))
        if parties:
            c.parties = _add(c.parties, sorted(parties))
        if r.type == "statement":
            if c.statement_articles is None:
                c.statement_articles = set()
            c.statement_articles.add(r.article)
        if not r.nominal:
            if c.verbal is None:
                c.verbal = {}
            c.verbal.setdefault(r.article, set()).add(lemma)
        assign[i] = best
        _file(best, c, fam, all_ents, lemma, published, dated_index, lemma_index, stem_index if by_stem else None)

    return {(records[i].article, records[i].key): _id(clusters[cid].first) for i, cid in assign.items()}


def _add(items: tuple[Any, ...], new: Iterable[Any]) -> tuple[Any, ...]:
    """``items`` with those of ``new`` it lacks appended (a set kept as a small tuple)."""
    if not items:
        return tuple(new)
    extra = tuple(x for x in new if x not in items)
    return items + extra if extra else items


def _other_parties(event: tuple[tuple[str, str], ...], told: set[tuple[str, str]]) -> bool:
    """Whether a mention's parties (``told``: kind, entity) and an event's are different
    ones of one kind: the mention names one the event lacks and the event one of the same
    kind the mention lacks, and either they share another of that kind ("Canada and
    Poland", "Vietnam and Poland") or no party at all ("Santos met Novak", "Tanaka met
    Lindqvist", told in one city)."""
    shared = {kind for kind, e in told if (kind, e) in event}
    missing = {kind for kind, e in told if (kind, e) not in event and (kind in shared or not shared)}
    return bool(missing) and any(kind in missing and (kind, e) not in told for kind, e in event)


def _shared(items: tuple[Any, ...], other: set[Any]) -> int:
    return sum(1 for x in items if x in other)


def _rank(r: EventRecord) -> int:
    return _rank_of(r.precision, r.start, r.end)


def _rank_of(precision: str | None, start: str | None, end: str | None) -> int:
    """How coarse a date is (:data:`COARSE`); 9: no date."""
    if not start or not end or precision is None:
        return 9
    return COARSE.get(precision, 8)


def _candidates(fam: str, ents: set[str], lemma: str, start: dt.date | None, end: dt.date | None, rank: int,
                published: dt.date | None, from_pub: bool, dated: bool,
                dated_index: Index, lemma_index: Index, stem_index: Index) -> Iterator[int]:
    # each entity is looked up under the same keys: their date strings are made once
    if dated:
        assert start is not None and end is not None
        buckets = _lookups(start, end, rank, PUBLISHED_LAG_DAYS if from_pub else 0)
        # publication-day clusters may be a few days off any finer date
        if rank <= 1 and not from_pub:
            buckets += _day_keys(start, PUBLISHED_LAG_DAYS)
        yield from _filed(dated_index, ((fam, ent, bucket) for ent in sorted(ents) for bucket in buckets))
    if published is not None and (not dated or from_pub):
        days = _dates(published, UNDATED_WINDOW_DAYS)
        yield from _filed(lemma_index, ((fam, ent, lemma, day) for ent in sorted(ents) for day in days))
    if published is None and not dated:
        yield from _filed(stem_index, ((fam, ent, lemma) for ent in sorted(ents)))


@lru_cache(maxsize=CACHED)
def _dates(day: dt.date, window: int) -> tuple[str, ...]:
    """The days from ``window`` before ``day`` to as many after, as ISO dates (those within
    the calendar: it ends at years 1 and 9999)."""
    first = max(-window, dt.date.min.toordinal() - day.toordinal())
    last = min(window, dt.date.max.toordinal() - day.toordinal())
    return tuple((day + dt.timedelta(days=d)).isoformat() for d in range(first, last + 1))


@lru_cache(maxsize=CACHED)
def _day_keys(day: dt.date, window: int) -> tuple[str, ...]:
    """The index keys of the days from ``window`` before ``day`` to as many after."""
    return tuple(f"d{date}" for date in _dates(day, window))


def _can_join(c: _Cluster, r: EventRecord, fam: str, ents: set[str], all_ents: set[str], lemma: str,
              start: dt.date | None, end: dt.date | None, rank: int, published: dt.date | None,
              from_pub: bool, dated: bool) -> bool:
    if c.type_family != fam:
        return False
    # statements are many and alike: the speaker itself must recur
    if not (_shared(c.core, ents) if r.type == "statement" else _shared(c.entities, all_ents)):
        return False
    if (r.article, r.sentence) in c.sentences and r.sentence >= 0:
        return False
    if r.type == "statement" and c.statement_articles and r.article in c.statement_articles:
        return False
    themes = {e for e, role in r.participants if role == "theme"}
    if (not dated or c.start is None) and themes and any(a == r.article and e not in themes for a, e in c.themes):
        # with no date to tell them apart, an article signing one contract and another
        # agreement tells two events ("a deal … the framework agreement" told on one day stays one)
        return False
    told = c.verbal.get(r.article) if c.verbal else None
    if told and not r.nominal and lemma not in told and fam not in OBJECT_TYPED:
        return False  # another action narrated by the same article
    if (r.modality in OPPOSED_MODALITIES) != (c.modality in OPPOSED_MODALITIES):
        return False
    if (r.modality == "planned") != (c.modality == "planned") and (from_pub or c.from_published):
        return False  # a plan and a report a few days apart are two events unless their own dates agree
    if dated and c.start is not None:
        assert start is not None and end is not None
        return _dates_compatible(c, start, end, rank, from_pub)
    # one side undated: same trigger word, articles close in time
    if lemma not in c.lemmas:
        return False
    if published is None:
        # no time at all to go by: the participants must say it is the same event
        return not dated and _shared(c.core, ents) >= 2
    return True


def _file(cid: int, c: _Cluster, fam: str, ents: set[str], lemma: str, published: dt.date | None,
          dated_index: Index, lemma_index: Index, stem_index: Index | None) -> None:
    if c.start is not None and c.end is not None:
        buckets = _buckets(c.start, c.end, c.rank)
        _put(dated_index, ((fam, ent, bucket) for ent in ents for bucket in buckets), cid)
    if published is not None:
        lemma, day = sys.intern(lemma), sys.intern(published.isoformat())
        _put(lemma_index, ((fam, ent, lemma, day) for ent in ents), cid)
    if stem_index is not None:
        _put(stem_index, ((fam, ent, lemma) for ent in ents), cid)


def _put(index: Index, keys: Iterable[tuple[str, ...]], cid: int) -> None:
    """File cluster ``cid`` under each of ``keys``: a bare id while it is the only one (most
    keys hold one cluster; a list each would double the index's memory)."""
    for key in keys:
        held = index.get(key)
        if held is None:
            index[key] = cid
        elif isinstance(held, int):
            if held != cid:
                index[key] = [held, cid]
        elif held[-1] != cid:
            held.append(cid)


def _filed(index: Index, keys: Iterable[tuple[str, ...]]) -> Iterator[int]:
    """The clusters filed under each of ``keys`` in turn, the latest ``MAX_CANDIDATES`` of each."""
    for key in keys:
        held = index.get(key)
        if held is None:
            continue
        if isinstance(held, int):
            yield held
        else:
            yield from held[-MAX_CANDIDATES:]
