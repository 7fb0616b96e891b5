"""Within one article, one key per real thing: people by their full name, organisations
by their name without legal form or by the acronym defined for them, products by the
longest name a short form shortens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.extract.candidates import Cand
from kb.extract.sents import doc_tokens
from kb.lexicon import names as nm

if TYPE_CHECKING:
    from spacy.tokens import Doc


def surname_key(toks: list[str]) -> str | None:
    core = [t for t in toks if t not in nm.NAME_SUFFIXES]
    if len(core) < 2 or len(core) < len(toks):
        return None  # "Mohammed VI", "Donald Trump Jr." have no bare-surname form
    return core[-1]


def cluster_people(people: list[Cand], others: list[Cand], doc: Doc) -> None:
    """Give each person candidate the key of its longest full-name form in the article."""
    full: dict[str, list[Cand]] = {}
    for c in people:
        full.setdefault(nm.fold(c.name), []).append(c)
    forms = {f: f.split() for f in full}
    by_surname: dict[str, set[str]] = {}
    by_suffix: dict[tuple[str, ...], set[str]] = {}
    for f, toks in forms.items():
        if len(toks) >= 2:
            sk = surname_key(toks)
            if sk:
                by_surname.setdefault(sk, set()).add(f)
            for k in range(1, len(toks)):
                by_suffix.setdefault(tuple(toks[k:]), set()).add(f)
            if len(toks) >= 3 and toks[-1] not in nm.NAME_SUFFIXES:
                by_suffix.setdefault((toks[0], toks[-1]), set()).add(f)
    # family name first ("Wang Yi" / "Wang", "Lee Jae-myung" / "Lee"), when no name ends that way
    by_head: dict[str, set[str]] = {}
    for f, toks in forms.items():
        if 2 <= len(toks) <= 4 and toks[-1] not in nm.NAME_SUFFIXES:
            by_head.setdefault(toks[0], set()).add(f)
        if len(toks) >= 4:  # "Lula" of "Luiz Inacio Lula da Silva"
            for t in toks[1:-1]:
                if len(t) >= 4:
                    by_head.setdefault(t, set()).add(f)
    target: dict[str, str] = {}
    for f, toks in forms.items():
        longer = by_suffix.get(tuple(toks), set()) - {f}
        if len(toks) == 1:
            longer = longer | (by_surname.get(toks[0], set()))
            if not longer and len(by_head.get(toks[0], ())) == 1:
                longer = set(by_head[toks[0]])
        longer = {g for g in longer if len(forms[g]) > len(toks)}
        # keep the maximal forms only ("Benny Gantz" inside "Benjamin Benny Gantz")
        maximal = {g for g in longer if not any(g != h and g in by_suffix.get(tuple(forms[h]), ()) for h in longer)}
        if len(maximal) == 1:
            target[f] = next(iter(maximal))
    for c in people:
        f = nm.fold(c.name)
        hops = 0
        while f in target and hops < 5:
            f = target[f]
            hops += 1
        best = max(full[f], key=lambda x: (len(x.name), x.name))
        c.key = f"person:{best.name}"


def cluster_products(products: list[Cand], doc: Doc | None = None) -> None:
    """One key per product: a plural joins its singular ("iPhones", "787s"); a short form
    joins the one longer name it shortens ("A380" / "Airbus A380", "iTunes Store" / "iTunes
    Music Store", see :func:`~kb.lexicon.names.product_short_form`); a family name said to
    be new or given a model number in front ("the new iPhone", "the 3G iPhone") joins that
    model when the article named it before."""
    names = {nm.fold(c.name): c.name for c in products}

    def singular(f: str) -> str:
        if not names[f].endswith("s"):
            return f  # "iPhone 3GS" is a model of its own, "iPhone 4s" a plural
        for cut in (1, 2):
            if len(f) > cut + 1 and f.endswith("es"[-cut:]) and f[:-cut] in names:
                return f[:-cut]
        return f

    forms = {singular(f) for f in names}
    target: dict[str, str] = {}
    for f in forms:
        longer = {g for g in forms if g != f and nm.product_short_form(f, g)}
        maximal = {g for g in longer if not any(h != g and nm.product_short_form(g, h) for h in longer)}
        if len(maximal) == 1:
            target[f] = next(iter(maximal))
    for f in forms:  # "Boeing 787" and "787 Dreamliner": one name cut either side of its number
        words = f.split()
        if len(words) >= 2 and f not in target and any(ch.isdigit() for ch in words[0]) and len(words[0]) >= 2:
            other = [g for g in forms if g != f and g.split()[-1] == words[0] and len(g.split()) >= 2]
            if len(other) == 1 and target.get(other[0]) != f:
                target[f] = other[0]
    for c in products:
        f = singular(nm.fold(c.name))
        hops = 0
        while f in target and hops < 5:
            f, hops = target[f], hops + 1
        c.key = f"product:{names[f]}"
    if doc is not None:
        _models_of_family(products, doc)


def _models_of_family(products: list[Cand], doc: Doc) -> None:
    """"The new iPhone" after "iPhone 4" is that model; "the 3G iPhone" is "iPhone 3G"."""
    tokens = doc_tokens(doc)
    seen: list[Cand] = []
    for c in sorted(products, key=lambda c: c.start):
        words = nm.fold(c.name).split()
        if len(words) == 1 and c.tok_start > 0:
            prev = tokens[c.tok_start - 1]
            models = [m for m in seen if nm.fold(m.name).split()[0] == words[0] and len(nm.fold(m.name).split()) > 1]
            if prev.lower_ in nm.NEW_WORDS and models:
                c.key = models[-1].key
            else:
                k = c.tok_start - 1  # the word before, which the tokenizer may have cut ("3" "G")
                while k > 0 and not tokens[k - 1].whitespace_ and tokens[k - 1].text.isalnum():
                    k -= 1
                code = nm.fold(doc[k:c.tok_start].text)
                same = [m for m in products if nm.fold(m.name).split() == [words[0], code]]
                if same and any(ch.isdigit() for ch in code):
                    c.key = same[0].key
        seen.append(c)


def cluster_orgs(orgs: list[Cand], acronyms: dict[str, str] | None = None) -> None:
    """One key per organisation: names that differ only by a legal form or a group word
    ("Airbus", "Airbus SE", "Airbus Group") share the longest; a name joins the longest
    name that only adds organisation words to it ("Toyota" / "Toyota Motor Corp."), never
    one that adds a word of its own ("Apple" is not "Apple Corps Ltd"); an acronym joins
    the name it abbreviates."""
    names = {nm.fold(c.name): c.name for c in orgs}
    longest = sorted(names, key=lambda f: -len(f.split()))
    target: dict[str, str] = {a: n for a, n in (acronyms or {}).items() if a in names and n in names}
    by_stem: dict[tuple[str, ...], str] = {}
    for g in longest:
        by_stem.setdefault(nm.org_stem(g), g)
    for f in names:
        if f in target:
            continue
        if by_stem[nm.org_stem(f)] != f:
            target[f] = by_stem[nm.org_stem(f)]
            continue
        toks = f.split()
        for g in longest:
            if g == f or len(g.split()) <= len(toks):
                continue
            gt = g.split()
            rest = gt[len(toks):]
            if gt[: len(toks)] == toks and all(t in nm.ORG_SUFFIXES or t in nm.LEGAL_FORMS for t in rest):
                target[f] = g
                break
            if len(toks) == 1 and names[f].isupper() and nm.initials(names[g]) == names[f]:
                target[f] = g
                break
        if f not in target and len(nm.org_stem(f)) == 1:
            target.update(_tail_owner(f, names))
    for c in orgs:
        f = nm.fold(c.name)
        seen = {f}
        while f in target and target[f] not in seen:  # "Toyota Inc." -> "Toyota" -> "Toyota Motor Corp."
            f = target[f]
            seen.add(f)
        c.key = f"organization:{names[f]}"


def _tail_owner(f: str, names: dict[str, str]) -> dict[str, str]:
    """A one-word name (legal form aside) that ends the article's one longer organisation
    name ("Shell", "Shell plc" after "Royal Dutch Shell plc"), unless the word is a generic
    organisation word ("Group", "Motors", "Union"): {f: that name}, or nothing."""
    word = nm.org_stem(f)[0]
    if word in nm.ORG_WORDS or word in nm.GENERIC_ORGS or not names[f][:1].isupper():
        return {}
    owners = [g for g in names if g != f and len(nm.org_stem(g)) >= 2 and nm.org_stem(g)[-1] == word]
    return {f: owners[0]} if len(owners) == 1 else {}
