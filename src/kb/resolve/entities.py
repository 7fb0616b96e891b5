"""Clustering the articles' local entities into canonical corpus entities.

Contract used by the store:

- ``resolve_entities(records, corrections) -> Resolution``. ``records`` are every
  article's local entities; ``corrections`` the user's merge/unmerge/alias/rename
  commands in the order given. The result maps each ``(article_id, local_key)`` to a
  canonical entity id and describes each canonical entity. Ids are stable: derived from
  kind and canonical name, so re-running gives the same ids.
  ``records`` may be a stream: resolution keeps one entry per distinct name, not per
  record. With ``members=False`` the map is left empty and ``Resolution.id_of(kind,
  name)`` gives a record's id instead, so a corpus's records are never held at once.

How records cluster: first by kind and folded name (case, accents, hyphens, possessives);
then a person known by a surname (or any tail of a name) joins the one full name in the
corpus that ends that way (or, when none does, the one that starts that way: "Wang" of
"Wang Yi"), first names that differ by a letter or two join when the
surnames agree. Organisation names that differ only by a legal form are one thing
("Siemens AG" / "Siemens"); a bare name joins names that add group, trade or descriptive
words ("Airbus Group", "Toyota Motor Corp.", "Polisario Front") unless a sister company
makes it ambiguous ("Apple Corps"), and an acronym joins the one name it abbreviates. A name
that one article lists as an alias of an entity joins that entity when unambiguous.
Names with a generational or regnal suffix ("Jr.", "VI") only join the same suffix. A
product's plural joins its singular ("iPhones" / "iPhone"), and a product's short form the one
longer name it shortens ("A380" / "Airbus A380"; never "iPhone" / "iPhone 4").
Every step uses dict indexes, so the cost grows linearly with the number of records.

An ``unmerge`` of a name undoes the merges of that name recorded before it; what
resolution joined on its own stays joined.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from kb.lexicon.names import (
    AGREEMENT_SYNONYMS, DESCRIPTIVE_ORG_WORDS, GROUP_WORDS, NAME_SUFFIXES, NAME_TITLES, TRADE_WORDS, edit_distance,
    fold, initials, org_core, product_short_form,
)

# Words a name joins a longer one without: group, trade and descriptive words.
_SOFT = GROUP_WORDS | set(TRADE_WORDS.values()) | DESCRIPTIVE_ORG_WORDS


@dataclass
class LocalRecord:
    article: str
    key: str
    kind: str
    name: str
    aliases: list[str]
    mentions: int
    doubtful: bool = False


@dataclass
class Correction:
    op: str  # merge, unmerge, alias, rename
    a: str
    b: str | None = None


@dataclass(slots=True)  # one per entity of the corpus
class CanonicalEntity:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    doubtful: bool = False


@dataclass
class Resolution:
    entities: dict[str, CanonicalEntity] = field(default_factory=dict)
    members: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, key) -> id
    names: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, folded name) -> its base
    ids: list[str] = field(default_factory=list)  # base -> id

    def id_of(self, kind: str, name: str) -> str:
        """The canonical id of a resolved local entity of this kind and name."""
        return self.ids[self.names[_name_key(kind, name)]]


def entity_id(kind: str, name: str) -> str:
    return hashlib.sha1(f"{kind}\x00{name.lower()}".encode()).hexdigest()[:12]


def _name_key(kind: str, name: str) -> tuple[str, str]:
    """What records must share to be one base: their kind and folded name."""
    folded = fold(name)
    return (kind, _person_key(folded) if kind == "person" else folded)


def _person_key(folded: str) -> str:
    toks = folded.split()
    while len(toks) > 1 and toks[0] in NAME_TITLES:
        toks = toks[1:]
    key = " ".join(toks)
    return folded if key == folded else key  # the same string, not a second copy of it


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, keep: int, join: int) -> int:
        a, b = self.find(keep), self.find(join)
        if a != b:
            self.parent[b] = a
        return a


@dataclass(slots=True)
class _Base:
    """Records sharing a kind and a folded name: what extraction alone says is one thing.
    There is one per distinct name of the corpus, so it is kept small: slots, and no
    aliases counter until the first alias."""

    kind: str
    folded: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] | tuple[str, ...] = ()
    records: int = 0  # how many records it has
    mentions: int = 0
    doubtful: bool = True


def _bases(records: Iterable[LocalRecord], index: dict[tuple[str, str], int],
           owners: list[tuple[str, str, int]] | None) -> list[_Base]:
    """One base per kind and folded name, filed in ``index``; each record's (article,
    key, base) is appended to ``owners`` when given."""
    bases: list[_Base] = []
    for r in records:
        kind = sys.intern(r.kind)  # one copy of each kind, not one per base
        k = _name_key(kind, r.name)
        b = index.get(k)
        if b is None:
            b = index[k] = len(bases)
            bases.append(_Base(kind, k[1]))
        base = bases[b]
        base.names[r.name] += 1
        if r.aliases:
            if not isinstance(base.aliases, Counter):
                base.aliases = Counter()
            for alias in r.aliases:
                base.aliases[alias] += 1
        base.records += 1
        base.mentions += r.mentions
        base.doubtful = base.doubtful and r.doubtful
        if owners is not None:
            owners.append((r.article, r.key, b))
    return bases


def _link_people(bases: list[_Base], uf: _Union) -> None:
    people = [n for n, b in enumerate(bases) if b.kind == "person"]
    full = [n for n in people if len(bases[n].folded.split()) >= 2]
    # spelling variants: same surname and suffix, close first names
    by_last: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n in full:
        toks = bases[n].folded.split()
        suffix = tuple(t for t in toks if t in NAME_SUFFIXES)
        core = [t for t in toks if t not in NAME_SUFFIXES]
        if len(core) >= 2:
            by_last[(core[-1], *suffix)].append(n)
    for group in by_last.values():
        if len(group) < 2:
            continue
        cores = {n: [t for t in bases[n].folded.split() if t not in NAME_SUFFIXES] for n in group}
        by_first: dict[str, list[int]] = defaultdict(list)
        by_shape: dict[tuple[str, int, tuple[str, ...]], list[int]] = defaultdict(list)
        for n in group:
            core = cores[n]
            by_first[core[0]].append(n)
            by_shape[(core[0][0], len(core), tuple(core[1:]))].append(n)
        for same in by_first.values():  # "Donald J. Trump" / "Donald Trump"
            short = [n for n in same if len(cores[n]) == 2]
            if short:
                for n in same:
                    uf.union(short[0], n)
        for same in by_shape.values():  # "Benyamin Netanyahu" / "Benjamin Netanyahu"
            if len(same) < 2 or len(same) > 40:
                continue
            for i, a in enumerate(same):
                fa = cores[a][0]
                for b in same[i + 1:]:
                    fb = cores[b][0]
                    if fa == fb or min(len(fa), len(fb)) < 4:
                        continue
                    limit = 2 if min(len(fa), len(fb)) >= 7 else 1
                    if edit_distance(fa, fb) <= limit:
                        uf.union(a, b)
        _link_first_name_forms(group, cores, uf)
    # tails of names ("Gantz", "Ben Barka") join the unique full name that ends that way
    tails: dict[str, set[int]] = defaultdict(set)
    for n in full:
        toks = bases[n].folded.split()
        if toks[-1] in NAME_SUFFIXES:
            continue
        for k in range(1, len(toks)):
            tails[" ".join(toks[k:])].add(uf.find(n))
    # family name first ("Wang" of "Wang Yi"), only when no name in the corpus ends that way
    heads: dict[str, set[int]] = defaultdict(set)
    for n in full:
        toks = bases[n].folded.split()
        if len(toks) <= 4 and toks[-1] not in NAME_SUFFIXES:
            heads[toks[0]].add(n)
    for n in people:
        roots = tails.get(bases[n].folded)
        if not roots and " " not in bases[n].folded:
            roots = heads.get(bases[n].folded)
        if roots:
            roots = {uf.find(r) for r in roots}
            if len(roots) == 1:
                uf.union(next(iter(roots)), n)


def _link_first_name_forms(group: list[int], cores: dict[int, list[str]], uf: _Union) -> None:
    """"Bill Gates" / "William Gates": a first name in another of its forms (general-knowledge
    list in :mod:`kb.lookup`) joins the one other cluster with that form and the same rest."""
    from kb.lookup import first_name_forms

    forms = first_name_forms()
    by_rest: dict[tuple[str, ...], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for n in group:
        by_rest[tuple(cores[n][1:])][cores[n][0]].append(n)
    for firsts in by_rest.values():
        if len(firsts) < 2:
            continue
        for first, members in firsts.items():
            others = {uf.find(m) for f in forms.get(first, ()) if f != first for m in firsts.get(f, [])}
            if len(others) == 1:
                uf.union(next(iter(others)), members[0])


def _ext_joinable(stem: tuple[str, ...], exts: dict[tuple[str, ...], list[int]], bare: list[int],
                  bases: list[_Base]) -> list[tuple[str, ...]]:
    """Which longer names a bare name ``stem`` is a short form of, given all the words the
    corpus adds after it (``exts``). Group words join together ("Airbus Group", "Airbus
    Holdings"); another single extension joins when it is the only one; a trade word
    ("Toyota Motor") only when it is the only extension, the stem is no title ("General
    Motors") and no name of the stem carries a legal form of its own ("Mitsubishi Corp."
    is not "Mitsubishi Motors")."""
    if all(all(w in GROUP_WORDS for w in e) for e in exts):
        return list(exts)
    if len(exts) != 1:
        return []
    ext = next(iter(exts))
    if any(w in TRADE_WORDS.values() for w in ext):
        with_legal_form = any(len(bases[m].folded.removeprefix("the ").split()) > len(stem) for m in bare)
        if stem[0] in NAME_TITLES or with_legal_form:
            return []
    return [ext]


def _link_orgs(bases: list[_Base], uf: _Union) -> None:
    """Join an organisation's names across articles.

    Names that differ only by a legal form are one thing ("Siemens AG" / "Siemens"). A bare
    name joins the longer names it shortens by dropping group, trade or descriptive words
    ("Airbus Group", "Toyota Motor Corp.", "Polisario Front"), see :func:`_ext_joinable`,
    unless a sister organisation continues the same words with a word of its own ("Apple
    Corps", "Sony Interactive Entertainment"): then the bare name is ambiguous. Last, an
    acronym ("GM") joins the one cluster whose names it abbreviates.
    """
    orgs = [n for n, b in enumerate(bases) if b.kind == "organization"]
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n in orgs:
        by_core[org_core(bases[n].folded)].append(n)
    for same in by_core.values():
        for m in same[1:]:
            uf.union(same[0], m)
    extensions: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = defaultdict(dict)
    rivals: set[tuple[str, ...]] = set()
    for core, members in by_core.items():
        k = len(core)
        while k > 1 and core[k - 1] in _SOFT:
            k -= 1
            extensions[core[:k]][core[k:]] = members
        for j in range(1, k):
            rivals.add(core[:j])
    for stem, exts in extensions.items():
        bare = by_core.get(stem)
        if not bare or stem in rivals:
            continue
        for ext in _ext_joinable(stem, exts, bare, bases):
            for m in exts[ext]:
                uf.union(bare[0], m)
    by_acronym: dict[str, set[int]] = defaultdict(set)
    for n in orgs:
        if len(bases[n].folded.split()) >= 2:
            acro = initials(bases[n].names.most_common(1)[0][0])
            if len(acro) >= 2:
                by_acronym[acro].add(n)
    for n in orgs:
        name = bases[n].names.most_common(1)[0][0]
        if name.isupper() and " " not in name and org_core(bases[n].folded) not in extensions:
            roots = {uf.find(t) for t in by_acronym.get(name, set()) - {n}}
            if len(roots) == 1:
                uf.union(next(iter(roots)), n)


def _link_products(bases: list[_Base], uf: _Union) -> None:
    """A product's plural ("iPhones", "787s") joins its singular ("iPhone"); a model number
    written in capitals is no plural ("iPhone 3GS" is not "iPhone 3G"). A shorter name joins
    the one longer name it shortens (:func:`product_short_form`: "A380" / "Airbus A380",
    "iTunes Store" / "iTunes Music Store"), when no other longer name claims it."""
    products = [n for n, b in enumerate(bases) if b.kind == "product"]
    singular = {bases[n].folded: n for n in products}
    for n in products:
        b = bases[n]
        if not b.names.most_common(1)[0][0].endswith("s"):
            continue
        for cut in (1, 2):
            if b.folded.endswith("es"[-cut:]) and b.folded[:-cut] in singular:
                uf.union(singular[b.folded[:-cut]], n)
                break
    by_last: dict[str, list[int]] = defaultdict(list)
    for n in products:
        by_last[bases[n].folded.split()[-1]].append(n)
    for n in products:
        short = bases[n].folded
        longer = [m for m in by_last.get(short.split()[-1], []) if product_short_form(short, bases[m].folded)]
        maximal = [m for m in longer if not any(product_short_form(bases[m].folded, bases[k].folded) for k in longer)]
        roots = {uf.find(m) for m in maximal}
        if len(roots) == 1:
            uf.union(next(iter(roots)), n)


def agreement_parts(name: str) -> tuple[frozenset[str], str] | None:
    """An unnamed agreement's name as extraction builds it, "Israel–Morocco security deal":
    its parties and its kind of agreement, agreement nouns made one ("security agreement").
    None for a name of its own ("Treaty of Rome")."""
    words = name.split()
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
    phrase = [w.lower() for w in words[k:]]
    if not phrase or any(w[:1].isupper() for w in words[k:]):
        return None
    parties = frozenset(fold(p) for p in " ".join(words[:k]).split("–") if p.strip())
    text = " ".join(AGREEMENT_SYNONYMS.get(w, w) for w in phrase)
    return parties, text


def _link_agreements(bases: list[_Base], uf: _Union) -> None:
    """One agreement under several names: "Israel security deal" and "Morocco security deal"
    join the one agreement whose names include "Israel–Morocco security agreement" (same
    kind of agreement, parties a part of its parties), when no other agreement claims them."""
    agreements = [n for n, b in enumerate(bases) if b.kind == "agreement"]
    parts: dict[int, set[tuple[frozenset[str], str]]] = {}
    by_phrase: dict[str, list[tuple[frozenset[str], int]]] = defaultdict(list)
    for n in agreements:
        found = {p for name in [*bases[n].names, *bases[n].aliases] if (p := agreement_parts(name)) is not None}
        parts[n] = found
        for parties, phrase in found:
            by_phrase[phrase].append((parties, n))
    for n in agreements:
        for parties, phrase in parts[n]:
            if not parties:
                continue
            roots = {uf.find(m) for others, m in by_phrase[phrase] if parties < others and m != n}
            if len(roots) == 1 and uf.find(n) not in roots:
                uf.union(next(iter(roots)), n)
                break


def _link_aliases(bases: list[_Base], uf: _Union) -> None:
    """A name one article gave as an alias of an entity joins it, when only one entity claims it.
    Organisation names compare by :func:`org_core`, so "Shell", the alias one article gives
    "Royal Dutch Shell plc", also finds "Shell plc" (already joined with "Shell")."""

    def key(kind: str, folded: str) -> str:
        if kind == "person":
            return _person_key(folded)
        return " ".join(org_core(folded)) if kind == "organization" else folded

    claims: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, b in enumerate(bases):
        own = key(b.kind, b.folded)
        for alias in b.aliases:
            f = key(b.kind, fold(alias))
            if f != own:
                claims[(b.kind, f)].add(n)
    by_name: dict[tuple[str, str], int] = {}  # the last base of each name claimed (only those: kept small)
    for n, b in enumerate(bases):
        if (name := (b.kind, key(b.kind, b.folded))) in claims:
            by_name[name] = n
    for k, owners in claims.items():
        n = by_name.get(k)
        if n is None:
            continue
        roots = {uf.find(o) for o in owners}
        if len(roots) == 1 and uf.find(n) not in roots:
            root = next(iter(roots))
            if bases[n].kind == "person" and len(bases[n].folded.split()) >= 2:
                continue  # a full name never joins on another article's say-so alone
            uf.union(root, n)


def _canonical_name(bases: list[_Base], members: list[int]) -> str:
    names: Counter[str] = Counter()
    for n in members:
        names.update(bases[n].names)
    most_words = max(len(n.split()) for n in names)

    plurals = {fold(n) + "s" for n in names} | {fold(n) + "es" for n in names}
    product = bases[members[0]].kind == "product"

    def score(item: tuple[str, int]) -> tuple[int, int, int, int, str]:
        name, count = item
        words = len(name.split())
        full = 1 if words >= min(2, most_words) and (words == most_words or bases[members[0]].kind == "person") else 0
        singular = 0 if product and fold(name) in plurals else 1  # "iPhone" over "iPhones"
        return (singular, full, count, words, name)

    return max(names.items(), key=score)[0]


def resolve_entities(records: Iterable[LocalRecord], corrections: list[Correction] | None = None, *,
                     members: bool = True) -> Resolution:
    """Cluster every article's local entities into canonical entities, then apply corrections;
    ``members=False`` leaves ``Resolution.members`` empty (see :meth:`Resolution.id_of`)."""
    res = Resolution()
    owners: list[tuple[str, str, int]] | None = [] if members else None
    bases = _bases(records, res.names, owners)
    uf = _Union(len(bases))
    _link_people(bases, uf)
    _link_orgs(bases, uf)
    _link_products(bases, uf)
    _link_aliases(bases, uf)
    _link_agreements(bases, uf)
    renamed: dict[int, str] = {}
    extra_aliases: dict[int, list[str]] = defaultdict(list)
    kind_of: dict[int, str] = {}
    for corr in _without_undone(corrections or []):
        _apply(corr, bases, uf, renamed, extra_aliases, kind_of)

    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(bases)):
        clusters[uf.find(n)].append(n)
    res.ids = [""] * len(bases)
    for root, cluster in clusters.items():
        cluster.sort(key=lambda n: -bases[n].mentions)
        kind = kind_of.get(root) or _kind_of(bases, cluster)
        same_kind = [n for n in cluster if bases[n].kind == kind] or cluster
        name = renamed.get(root) or _canonical_name(bases, same_kind)
        eid = entity_id(kind, name)
        ent = res.entities.get(eid)
        if ent is None:
            ent = res.entities[eid] = CanonicalEntity(eid, name, kind, doubtful=True)
        seen = {ent.name, *ent.aliases}
        for n in cluster:
            base = bases[n]
            ent.mentions += base.mentions
            ent.doubtful = ent.doubtful and base.doubtful
            for alias in [*base.names, *base.aliases]:
                if alias not in seen:
                    seen.add(alias)
                    ent.aliases.append(alias)
            res.ids[n] = eid
        for alias in extra_aliases.get(root, []):
            if alias not in seen:
                seen.add(alias)
                ent.aliases.append(alias)
        if root in renamed:
            ent.doubtful = False
        for n in cluster:
            bases[n] = _SPENT  # its names are the entity's now: freed as the entities grow
    for article, key, n in owners or ():
        res.members[(article, key)] = res.ids[n]
    return res


_SPENT = _Base("", "")


def _kind_of(bases: list[_Base], cluster: list[int]) -> str:
    """The kind most of a cluster's records give (the first of its bases' kinds on a tie)."""
    votes: Counter[str] = Counter()
    for n in cluster:
        votes[bases[n].kind] += bases[n].records
    return votes.most_common(1)[0][0]


def _lookup(name: str, bases: list[_Base], uf: _Union, renamed: dict[int, str]) -> set[int]:
    """Roots of the clusters a user's name (or entity id) refers to."""
    f = fold(name)
    roots = {uf.find(r) for r, new in renamed.items() if fold(new) == f}
    if roots:
        return roots
    for n, b in enumerate(bases):
        if b.folded == f or (b.kind == "person" and b.folded == _person_key(f)):
            roots.add(uf.find(n))
    if roots:
        return roots
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(bases)):
        clusters[uf.find(n)].append(n)
    for root, members in clusters.items():
        best = renamed.get(root) or _canonical_name(bases, members)
        kind = bases[members[0]].kind
        if name == entity_id(kind, best) or fold(best) == f:
            roots.add(root)
    if not roots:
        for n, b in enumerate(bases):
            if any(fold(a) == f for a in b.aliases):
                roots.add(uf.find(n))
    return roots


def _without_undone(corrections: list[Correction]) -> list[Correction]:
    """The corrections to replay: an ``unmerge`` of a name drops the merges of that name
    recorded before it (and is itself nothing more)."""
    out: list[Correction] = []
    for c in corrections:
        if c.op == "unmerge":
            f = fold(c.a)
            out = [m for m in out if not (m.op == "merge" and f in (fold(m.a), fold(m.b or "")))]
        else:
            out.append(c)
    return out


def _apply(corr: Correction, bases: list[_Base], uf: _Union, renamed: dict[int, str],
           extra_aliases: dict[int, list[str]], kind_of: dict[int, str]) -> None:
    op = corr.op
    a_roots = _lookup(corr.a, bases, uf, renamed)
    if not a_roots:
        return
    a = min(a_roots, key=lambda r: -bases[r].mentions)
    if op == "merge" and corr.b:
        kind_of.setdefault(a, bases[a].kind)
        for b in _lookup(corr.b, bases, uf, renamed):
            if uf.find(b) != uf.find(a):
                name, kind = renamed.pop(uf.find(b), None), kind_of.pop(uf.find(b), None)
                root = uf.union(a, b)
                if name and root not in renamed:
                    pass  # the kept entity's name wins
                kind_of[root] = kind_of.get(a) or kind or bases[a].kind
    elif op == "alias" and corr.b:
        f = fold(corr.b)
        joined = False
        for n, b in enumerate(bases):
            if b.folded == f or (b.kind == "person" and b.folded == _person_key(f)):
                if uf.find(n) != uf.find(a):
                    uf.union(a, n)
                joined = True
        if not joined:
            extra_aliases[uf.find(a)].append(corr.b)
    elif op == "rename" and corr.b:
        for root in a_roots:
            renamed[uf.find(root)] = corr.b
