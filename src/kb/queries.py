"""Questions asked of the knowledge base; each returns plain data shaped like the JSON contracts.

Nothing here imports spaCy or networkx, so ``kb who`` and ``kb timeline`` start fast.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from kb.errors import KbError, NotFound
from kb.lexicon import names as nm
from kb.model import PRECISIONS, ArticleFacts, DateValue
from kb.store import Store

# Finer first: for the same start day the more precise date sorts first.
PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}


@dataclass
class Source:
    document: str
    title: str
    published: str | None
    sentence: str
    start_char: int | None
    end_char: int | None
    trigger: str | None = None


@dataclass
class EventView:
    id: str
    date: str | None
    start: str | None
    end: str | None
    precision: str | None
    type: str
    trigger: str
    summary: str
    cameo: str | None = None
    modality: str = "asserted"
    date_from: str | None = None
    participants: list[dict[str, str]] = field(default_factory=list)
    place: str | None = None
    sources: list[Source] = field(default_factory=list)


@dataclass
class Profile:
    id: str
    name: str
    kind: str
    aliases: list[str]
    mentions: int
    roles: list[dict[str, Any]] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    events_total: int = 0
    documents: list[str] = field(default_factory=list)
    doubtful: bool = False


def to_json(obj: Any) -> Any:
    """Dataclasses (and lists of them) as JSON-ready dicts."""
    if isinstance(obj, list):
        return [to_json(o) for o in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return asdict(obj)
    return obj


# --- finding entities ---------------------------------------------------------------


def find_entities(store: Store, name: str, *, kind: str | None = None, include_doubtful: bool = True) -> list[sqlite3.Row]:
    """Entities a user means by ``name``: exact name or alias, else a whole word of one.

    Raises :class:`NotFound` with the nearest names when nothing matches.
    """
    name = " ".join(name.split())
    rows = store.entities_named(name)
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if not rows:
        rows = _key_match(store, name, kind)
    if not rows and " " not in name:
        rows = [r for r in store.entities_with_word(name) if not kind or r["kind"] == kind]
    if not rows:
        rows = _fold_match(store, name, kind)
    if not rows and " " in name:
        rows = _words_match(store, name, kind)
    if not rows:
        rows = _prefix_match(store, name, kind)
    if not rows and kind in (None, "person"):
        rows = _first_name_variant(store, name)
    if not include_doubtful and any(not r["doubtful"] for r in rows):
        rows = [r for r in rows if not r["doubtful"]]
    if not rows:
        names = store.entity_names(kind)
        lower = {n.lower(): n for n in names}
        import difflib

        near = difflib.get_close_matches(name.lower(), list(lower), n=5, cutoff=0.6)
        raise NotFound(name, [lower[n] for n in near])
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"]))


def _key_match(store: Store, name: str, kind: str | None) -> list[sqlite3.Row]:
    """Entities one of whose names is ``name`` as people vary it (:mod:`kb.lookup`): case,
    punctuation and spacing, generic words, first-name forms, everyday short forms, a
    state's other names ("U.S." -> "United States"); else the organisations or states whose
    initials were typed ("IBM"), or whose initials are the one name stored ("International
    Business Machines" -> "IBM")."""
    from kb import lookup

    wanted = lookup.keys(name, person=kind in (None, "person"))
    state = nm.gazetteer().state_of_name(name) if kind in (None, "state") else None
    if state:
        wanted.add(lookup.squash(state))
    typed = lookup.typed_initials(name)
    spelled = lookup.initials(name)
    same: set[str] = set()
    by_initials: set[str] = set()
    # a stored name can only match when it opens with a key's first letters (in order, perhaps
    # after "the"): SQL cuts first, the finer comparison runs on what is left
    heads = {"%".join(k[:6]) + "%" for k in (*wanted, typed, spelled) if k}
    for n in store.entity_names_like([*heads, *("the " + h for h in heads)], kind):
        if lookup.squash(n) in wanted or lookup.core_key(n) in wanted:
            same.add(n)
        elif (typed and lookup.initials(n) == typed) or (spelled and lookup.squash(n) == spelled):
            by_initials.add(n)
    rows = _rows_named(store, same, kind)
    if not rows:
        rows = [r for r in _rows_named(store, by_initials, kind) if r["kind"] in ("organization", "state")]
    return rows


def _prefix_match(store: Store, name: str, kind: str | None) -> list[sqlite3.Row]:
    """Entities whose name opens with what was typed, spaced or punctuated another way:
    "JP Morgan" finds "JPMorgan Chase & Co.", "Walmart" finds "Wal-Mart Stores Inc."."""
    from kb import lookup

    key = lookup.core_key(name)
    if len(key) < 4:
        return []
    hits = {n for n in store.entity_names_like(["%".join(key[:6]) + "%"], kind) if key in lookup.word_prefixes(n)}
    return _rows_named(store, hits, kind)


def _first_name_variant(store: Store, name: str) -> list[sqlite3.Row]:
    """People with the surname typed and a first name spelled a letter or two apart
    ("Benjamin Netanyahu" finds "Benyamin Netanyahu"), as resolution joins them."""
    from kb import lookup

    typed = lookup.words(name)
    if len(typed) < 2 or len(typed[0]) < 5:
        return []
    hits = set()
    for n in store.entity_names_like([f"% {typed[-1]}"], "person"):
        ws = lookup.words(n)
        if len(ws) == len(typed) and ws[1:] == typed[1:] and len(ws[0]) >= 5 and \
                nm.edit_distance(ws[0], typed[0]) <= (2 if min(len(ws[0]), len(typed[0])) >= 7 else 1):
            hits.add(n)
    return _rows_named(store, hits, "person")


def _rows_named(store: Store, names: Iterable[str], kind: str | None) -> list[sqlite3.Row]:
    rows: dict[str, sqlite3.Row] = {}
    for n in names:
        for r in store.entities_named(n):
            if not kind or r["kind"] == kind:
                rows[r["id"]] = r
    return list(rows.values())


def _words_match(store: Store, name: str, kind: str | None) -> list[sqlite3.Row]:
    """Entities one of whose names holds every word asked for, fewest other words first:
    "iTunes store" finds "iTunes Music Store"."""
    words = name.lower().split()
    best: dict[int, list[sqlite3.Row]] = {}
    for r in store.entities_with_word(max(words, key=len)):
        if kind and r["kind"] != kind:
            continue
        names = [r["name"], *json.loads(r["aliases"] or "[]")]
        extra = [len(n.split()) - len(words) for n in names if set(words) <= set(n.lower().split())]
        if extra:
            best.setdefault(min(extra), []).append(r)
    return best[min(best)] if best else []


def _fold_match(store: Store, name: str, kind: str | None) -> list[sqlite3.Row]:
    """Match ignoring accents, so "Bourita" finds "Bouríta"."""
    target = nm.unaccent(name)
    hits = {n for n in store.entity_names(kind) if nm.unaccent(n) == target}
    rows: list[sqlite3.Row] = []
    for n in hits:
        rows += [r for r in store.entities_named(n) if not kind or r["kind"] == kind]
    return list({r["id"]: r for r in rows}.values())


# --- who ----------------------------------------------------------------------------


@dataclass
class Who:
    """Entities matching a name: the first ones as full profiles, the rest in brief."""

    profiles: list[Profile]
    others: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None  # set when no entity matched and what mentions the name answers
    mentioned: Timeline | None = None  # events told in sentences that mention it
    sentences: list[dict[str, Any]] = field(default_factory=list)  # else the sentences themselves


def who(store: Store, name: str, *, kind: str | None = None, profiles: int | None = None,
        events: int | None = None) -> Who:
    """Every entity matching ``name``, most mentioned first: the first ``profiles`` (all when
    None) in full, with at most ``events`` of their events each (all when None)."""
    try:
        rows = find_entities(store, name, kind=kind, include_doubtful=False)
    except NotFound:
        if kind:
            raise
        found = mentioning(store, name, limit=events)
        if found is not None:
            return Who(profiles=[], note=found.note, mentioned=found)
        hits = search(store, name)
        if not hits:
            raise
        return Who(profiles=[], note=f"no entity is named {name!r} and no event mentions it; "
                                     f"showing the sentences that do", sentences=hits)
    full, rest = (rows, []) if profiles is None else (rows[:profiles], rows[profiles:])
    return Who(
        profiles=[profile(store, row, events=events) for row in full],
        others=[{"id": r["id"], "name": r["name"], "kind": r["kind"], "mentions": r["mentions"]} for r in rest],
    )


def profile(store: Store, row: sqlite3.Row, *, events: int | None = None) -> Profile:
    """One entity in full; its events in timeline order, the first ``events`` of them (all when None)."""
    eid = row["id"]
    roles: dict[tuple[str, str | None, bool], dict[str, Any]] = {}
    states: list[str] = []
    for r in store.roles_of(eid):
        holder = r["of_entity"] or r["of_name"]
        key = (nm.title_key(r["title"]), holder, bool(r["former"]))
        entry = roles.setdefault(key, {"title": r["title"], "of": holder, "former": bool(r["former"]), "sources": []})
        entry["sources"].append(asdict(_source(r, r["doc_title"], r["published"], r["sentence"])))
        if r["of_kind"] == "state" and r["of_entity"] not in states:
            states.append(r["of_entity"])
    _holders_from_elsewhere(roles)
    if row["kind"] == "state":
        states = []
    found = timeline_for(store, [eid], limit=events)
    return Profile(
        id=eid, name=row["name"], kind=row["kind"], aliases=json.loads(row["aliases"] or "[]"),
        mentions=row["mentions"], roles=sorted(roles.values(), key=lambda r: (r["former"], -len(r["sources"]))),
        states=states, related=related(store, eid), events=found.events, events_total=found.total,
        documents=store.documents_of(eid), doubtful=bool(row["doubtful"]),
    )


def _holders_from_elsewhere(roles: dict[tuple[str, str | None, bool], dict[str, Any]]) -> None:
    """A title one article gives without its state or organisation ("President") joins the
    same title another article gives with one ("President of France"), when only one does."""
    for key in [k for k in roles if k[1] is None]:
        title, _, former = key
        held = [k for k in roles if k[0] == title and k[2] == former and k[1] is not None]
        if len(held) == 1:
            roles[held[0]]["sources"] += roles.pop(key)["sources"]


def related(store: Store, entity_id: str, *, limit: int = 15) -> list[dict[str, Any]]:
    """Entities linked to ``entity_id`` by shared events, else by shared sentences; each with
    the relation the events state most often, read as English ("met", "was accused by")."""
    weight: Counter[str] = Counter()
    relation: dict[str, Counter[str]] = defaultdict(Counter)
    generic = set(_relation_phrases()["*"])
    for r in store.co_participants(entity_id):
        weight[r["entity"]] = 2 * r["events"]
        phrase = relation_phrase(r["type"], r["my_role"], r["other_role"])
        # what an event of a known type states comes before a bare "named in an event with"
        relation[r["entity"]][phrase] += r["n"] * (1 if phrase in generic else 1000)
    for r in store.co_mentions(entity_id):
        weight[r["entity"]] += r["n"]
    out = []
    for other, w in weight.most_common():
        row = store.entity(other)
        if row is None or row["doubtful"] or row["kind"] == "agreement":
            continue
        rel = relation.get(other)
        phrase = rel.most_common(1)[0][0] if rel else "mentioned with"
        out.append({"id": other, "name": row["name"], "kind": row["kind"], "relation": phrase, "weight": w})
        if len(out) >= limit:
            break
    return out


@functools.cache
def _relation_phrases() -> dict[str, tuple[str, ...]]:
    from importlib import resources

    text = resources.files("kb.lexicon").joinpath("data", "relation_phrases.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row[0]: tuple(row[1:6]) for row in rows if len(row) == 6}


def relation_phrase(type_: str, my_role: str | None, other_role: str | None) -> str:
    """How sharing an event of ``type_`` reads from one participant to another, by their roles
    (``lexicon/data/relation_phrases.tsv``). An affiliation ("Israeli" in "Israeli Defence
    Minister Benny Gantz visited …") belongs to one participant the event does not say, so
    it states no relation of its own."""
    table = _relation_phrases()
    if "affiliation" in (my_role, other_role):
        type_ = "*"
    active, passive, between, at_place, host = table.get(type_) or table["*"]
    if my_role == "place":
        return host
    if other_role == "place":
        return at_place
    if my_role == "actor" and other_role in ("target", "theme"):
        return active
    if my_role in ("target", "theme") and other_role == "actor":
        return passive
    return between


# --- events and timelines -----------------------------------------------------------


@dataclass
class Timeline:
    """Events in timeline order: the first ``limit`` of them in full, and how many matched."""

    events: list[EventView]
    total: int
    note: str | None = None  # how the events were chosen, when not the way asked


def timeline_for(
    store: Store,
    entity_ids: Iterable[str] | None,
    *,
    date_from: DateValue | None = None,
    date_to: DateValue | None = None,
    types: Iterable[str] | None = None,
    undated: bool = False,
    limit: int | None = None,
    everything: bool = False,
) -> Timeline:
    """Events involving any of ``entity_ids`` (all events when None), sorted by start.

    An event is kept when its span of days overlaps ``[date_from.start, date_to.end]``.
    With ``undated`` only the events without a date are returned. Without ``everything``
    only the events a reader asks for first (typed, or dated by their own sentence or the
    story's day, and not told as unreal: see :meth:`Store.event_order`). Events are chosen and
    ordered by the store from their best-dated telling alone; full views (sentences,
    participants) are built only for the first ``limit`` (all when None), so a page of a
    large timeline stays fast.
    """
    groups = None if entity_ids is None else [list(entity_ids)]
    return _timeline(store, groups, date_from=date_from, date_to=date_to, types=types, undated=undated, limit=limit,
                     everything=everything)


def _timeline(store: Store, groups: list[list[str]] | None, *, date_from: DateValue | None,
              date_to: DateValue | None, types: Iterable[str] | None, undated: bool, limit: int | None,
              event_ids: Iterable[str] | None = None, everything: bool = False) -> Timeline:
    order = store.event_order(
        groups, types=[t.lower() for t in types] if types else None, undated=undated,
        ends_from=date_from.start if date_from else None, starts_until=date_to.end if date_to else None,
        event_ids=event_ids, everything=everything or bool(types),
    )
    shown = order if limit is None else order[:limit]
    views = {v.id: v for v in event_views(store, shown)}
    return Timeline(events=[views[eid] for eid in shown if eid in views], total=len(order))


def event_views(store: Store, event_ids: Iterable[str]) -> list[EventView]:
    """Full views of merged events: date, type and trigger from the telling that dates the
    event best (chosen by the store), every article's telling as a source."""
    ids = list(event_ids)
    heads = store.event_heads(ids)
    tellings: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for r in store.event_mentions(ids):
        tellings[r["event"]].append(r)
    participants: dict[str, list[dict[str, str]]] = defaultdict(list)
    places: dict[str, str] = {}
    for r in store.event_participants(ids):
        if r["role"] == "place":
            places.setdefault(r["event"], r["name"])
            continue
        entry = {"name": r["name"], "kind": r["kind"], "role": r["role"]}
        if entry not in participants[r["event"]]:
            participants[r["event"]].append(entry)
    best_of = {eid: next((r for r in rows if (r["article"], r["key"]) == heads.get(eid)), rows[0])
               for eid, rows in tellings.items()}
    names = store.telling_names((r["article"], r["key"]) for r in best_of.values())
    views = []
    for eid, rows in tellings.items():
        best = best_of[eid]
        sources = [
            _source(r, r["doc_title"], r["doc_published"], r["sentence_text"], r["trigger"])
            for r in sorted(rows, key=lambda r: (r["doc_published"] or "", r["article"], r["sentence"]))
        ]
        views.append(EventView(
            id=eid, date=best["value"], start=best["start"], end=best["end"], precision=best["precision"],
            type=best["type"], trigger=best["trigger"],
            summary=canonical_names(best["summary"] or "", names.get((best["article"], best["key"]), [])),
            cameo=best["cameo"],
            modality=best["modality"] or "asserted", date_from=best["date_from"],
            participants=participants.get(eid, []), place=places.get(eid), sources=sources,
        ))
    return views


def canonical_names(text: str, names: list[tuple[str, str]]) -> str:
    """``text`` with each article name replaced by its canonical one (after merges and
    renames): "Bill Gates meet Joe Biden" -> "William Gates meet Joe Biden"."""
    import re

    swaps = {local: canonical for local, canonical in names
             if local and canonical and local != canonical and canonical not in text}  # never "Benny Benny Gantz"
    if not swaps or not text:
        return text
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(swaps, key=len, reverse=True)))
    return pattern.sub(lambda m: swaps[m.group(0)], text)


def _source(r: sqlite3.Row, title: str, published: str | None, sentence: str | None,
            trigger: str | None = None) -> Source:
    return Source(document=r["document"] if "document" in r.keys() else r["article"], title=title or "",
                  published=published, sentence=(sentence or "").strip(), start_char=r["start_char"],
                  end_char=r["end_char"], trigger=trigger)


def timeline(
    store: Store,
    *,
    country: str | None = None,
    person: str | None = None,
    entity: str | None = None,
    date_from: DateValue | None = None,
    date_to: DateValue | None = None,
    types: Iterable[str] | None = None,
    undated: bool = False,
    limit: int | None = None,
    everything: bool = False,
) -> Timeline:
    """Dated events, oldest first, involving the state, the person and the entity named
    (each filter given must hold; see :func:`timeline_for`; ``everything`` as there). An ``entity`` that names no
    entity (a common noun phrase: "stock markets") keeps the events told in sentences that
    mention it, and the timeline's ``note`` says so."""
    groups = [
        [r["id"] for r in find_entities(store, name, kind=kind)]
        for name, kind in ((country, "state"), (person, "person")) if name
    ]
    event_ids, note = None, None
    if entity:
        try:
            groups.append([r["id"] for r in find_entities(store, entity)])
        except NotFound:
            event_ids = _events_mentioning(store, entity)
            if not event_ids:
                if search(store, entity, limit=1):
                    raise KbError(f"no entity matches {entity!r}, and no event's sentence mentions it; "
                                  f"kb search {entity!r} finds the sentences that do") from None
                raise
            note = _mention_note(entity)
    found = _timeline(store, groups or None, date_from=date_from, date_to=date_to, types=types, undated=undated,
                      limit=limit, event_ids=event_ids, everything=everything)
    found.note = note
    return found


def _events_mentioning(store: Store, text: str) -> set[str]:
    """Events told in a sentence holding the words of ``text`` in order (a leading article dropped)."""
    import re

    ws = re.findall(r"\w+", text)
    while ws and ws[0].lower() in nm.ARTICLES:
        ws = ws[1:]
    return store.events_in_sentences('"' + " ".join(ws) + '"') if ws else set()


def _mention_note(text: str) -> str:
    return f"no entity is named {text!r}; showing the events whose sentences mention it"


def mentioning(store: Store, text: str, *, limit: int | None = None) -> Timeline | None:
    """Events, dated ones first, told in sentences that mention ``text``; None when there are none."""
    ids = _events_mentioning(store, text)
    if not ids:
        return None
    dated = _timeline(store, None, date_from=None, date_to=None, types=None, undated=False, limit=limit, event_ids=ids)
    room = None if limit is None else max(0, limit - len(dated.events))
    undated = _timeline(store, None, date_from=None, date_to=None, types=None, undated=True, limit=room, event_ids=ids)
    return Timeline(events=dated.events + undated.events, total=dated.total + undated.total, note=_mention_note(text))


# --- lists --------------------------------------------------------------------------


def entities(store: Store, *, kind: str | None = None, include_doubtful: bool = False,
             limit: int | None = None) -> list[dict[str, Any]]:
    return [
        {"id": r["id"], "name": r["name"], "kind": r["kind"], "aliases": json.loads(r["aliases"] or "[]"),
         "mentions": r["mentions"], **({"doubtful": True} if r["doubtful"] else {})}
        for r in store.list_entities(kind=kind, include_doubtful=include_doubtful, limit=limit)
    ]


def agreements(store: Store, *, country: str | None = None, doubtful: bool = False) -> list[dict[str, Any]]:
    """Agreements with their parties, signatories, date and sources (doubtful ones only when asked)."""
    keep: set[str] | None = None
    if country:
        state_ids = {r["id"] for r in find_entities(store, country, kind="state")}
        keep = set()
    grouped: dict[str, dict[str, Any]] = {}
    for r in store.agreement_rows():
        entry = grouped.setdefault(r["entity"], {"id": r["entity"], "parties": [], "signatories": [],
                                                 "date": None, "precision": None, "sources": [], "_rank": 99})
        canon = store.canonical_of(r["article"], json.loads(r["parties"]) + json.loads(r["signatories"]))
        for field_name in ("parties", "signatories"):
            for key in json.loads(r[field_name]):
                c = canon.get(key)
                if c is None:
                    continue
                if c["name"] not in entry[field_name]:
                    entry[field_name].append(c["name"])
                if keep is not None and c["id"] in state_ids:
                    keep.add(r["entity"])
        rank = PRECISION_RANK.get(r["precision"] or "", 11)
        if r["value"] and rank < entry["_rank"]:
            entry.update(date=r["value"], precision=r["precision"], _rank=rank)
        entry["sources"].append(asdict(_source(r, r["doc_title"], r["doc_published"], r["sentence_text"])))
    # an agreement whose own sentences give no date takes the day it was signed
    signed = store.signing_dates([eid for eid, entry in grouped.items() if entry["date"] is None])
    out = []
    for eid, entry in grouped.items():
        if keep is not None and eid not in keep:
            continue
        if entry["date"] is None and eid in signed:
            entry["date"], entry["precision"] = signed[eid]
        row = store.entity(eid)
        if row is not None and row["doubtful"] and not doubtful:
            continue
        entry.pop("_rank")
        out.append({"id": eid, "name": row["name"] if row else "", **{k: v for k, v in entry.items() if k != "id"}})
    out.sort(key=lambda g: (g["date"] or "9999", g["name"]))
    return out


def stats(store: Store) -> dict[str, Any]:
    return store.stats()


def search(store: Store, text: str, *, entity: str | None = None, date_from: DateValue | None = None,
           date_to: DateValue | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Sentences matching ``text`` (full-text, best first), with their article and entities."""
    wanted = [r["id"] for r in find_entities(store, entity)] if entity else None
    query = " ".join('"' + w.replace('"', '""') + '"' for w in text.split())
    hits = []
    for r in store.search_sentences(query, limit=limit, entities=wanted,
                                    published_from=date_from.start if date_from else None,
                                    published_until=date_to.end if date_to else None):
        ents = store.entities_in_sentence(r["article"], r["idx"])
        hits.append({"document": r["article"], "title": r["title"], "published": r["published"],
                     "sentence": r["text"].strip(), "start_char": r["start_char"], "end_char": r["end_char"],
                     "entities": [{"name": e["name"], "kind": e["kind"]} for e in ents]})
    return hits


# --- one article, not stored ----------------------------------------------------------


def article_report(facts: ArticleFacts) -> dict[str, Any]:
    """Everything ingest would keep of one article, shaped like the ``kb extract`` contract."""
    a = facts.article
    names = {e.key: e for e in facts.entities}
    sentences = facts.sentences

    def source(sentence: int, trigger: str | None) -> Source:
        s = sentences[sentence] if 0 <= sentence < len(sentences) else None
        return Source(document=a.doc_id, title=a.title, published=a.published, sentence=s.text.strip() if s else "",
                      start_char=s.start_char if s else None, end_char=s.end_char if s else None, trigger=trigger)

    events = []
    for e in facts.events:
        d = e.date
        participants = []
        for p in e.participants:
            ent = names.get(p.entity)
            if ent:
                participants.append({"name": ent.name, "kind": ent.kind, "role": p.role})
        place = names[e.place].name if e.place in names else None
        events.append(asdict(EventView(
            id=f"{a.doc_id}#{e.key}", date=d.value if d else None, start=d.start if d else None,
            end=d.end if d else None, precision=d.precision if d else None, type=e.type, trigger=e.trigger,
            summary=e.summary, cameo=e.cameo, modality=e.modality, date_from=e.date_from,
            participants=participants, place=place, sources=[source(e.sentence, e.trigger)],
        )))
    return {
        "document": a.doc_id,
        "title": a.title,
        "published": a.published,
        "published_from": a.published_from,
        "entities": [
            {"text": m.text, "kind": m.kind, "canonical": names[m.entity].name if m.entity in names else m.text,
             "start_char": m.start_char, "end_char": m.end_char,
             **({"doubtful": True} if m.entity in names and names[m.entity].doubtful else {})}
            for m in facts.mentions
        ],
        "dates": [
            {"text": t.text, "start_char": t.start_char, "end_char": t.end_char, "type": t.type, "value": t.value,
             "precision": t.precision, "start": t.start, "end": t.end}
            for t in facts.timexes
        ],
        "roles": [
            {"person": names[r.entity].name if r.entity in names else r.entity, "title": r.title,
             "of": names[r.of].name if r.of in names else r.of_name, "former": r.former,
             "sentence": asdict(source(r.sentence, None))["sentence"]}
            for r in facts.roles
        ],
        "events": events,
    }
