"""How a name as a person types it is compared with the names kb holds.

Pure functions over strings: no SQL, no spaCy. A typed name and a stored name match when
one of their *keys* agree. Keys forgive what people vary when they type a name:

- case, accents, punctuation and spacing ("U.S." / "US", "Hewlett Packard" /
  "Hewlett-Packard" / "HewlettPackard");
- words a name may carry or drop ("Inc.", "Corp.", "company", "index", "the");
- a first name in its short or long form ("Bill Gates" / "William Gates");
- an organisation's initials ("IBM" / "International Business Machines") or an everyday
  short form ("Fed" / "Federal Reserve").

Numbers stay part of the name ("FTSE 100" is never "FTSE 250"). The word lists are
general knowledge, kept as data files in :mod:`kb.lexicon`.
"""

from __future__ import annotations

import functools
import re

from kb.lexicon.names import LEGAL_FORMS, unaccent, word_lines

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NOT_NAME_WORDS = {"of", "the", "and", "for", "&"}


@functools.cache
def generic_words() -> frozenset[str]:
    """Words a name may carry or drop: legal forms and the generic words of the lexicon."""
    return frozenset(LEGAL_FORMS | set(word_lines("name_generic_words.txt")))


@functools.cache
def first_name_forms() -> dict[str, frozenset[str]]:
    """Each first name (lower case) -> every form of it, itself included."""
    out: dict[str, set[str]] = {}
    for line in word_lines("first_names.txt"):
        group = set(line.lower().split())
        for name in group:
            out.setdefault(name, set()).update(group)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def short_forms() -> dict[str, frozenset[str]]:
    """Core key of an organisation's name -> core keys of its other everyday forms."""
    out: dict[str, set[str]] = {}
    for line in word_lines("org_short_forms.txt"):
        group = {core_key(part) for part in line.split("|") if part.strip()}
        for key in group:
            out.setdefault(key, set()).update(group)
    return {k: frozenset(v) for k, v in out.items()}


def words(name: str) -> list[str]:
    """Lower-case, accent-free words of a name; dotted initials close up ("U.S." -> "us")."""
    text = unaccent(name).replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(\w)\.(?=\w\b\.?)", r"\1", text)  # "u.s." -> "us.", "s.p.a." -> "spa."
    return _WORD.findall(text)


def squash(name: str) -> str:
    """The name's letters and digits only: "U.S." -> "us", "Hewlett Packard" -> "hewlettpackard"."""
    return "".join(words(name))


def core_key(name: str) -> str:
    """:func:`squash` without the words a name may carry or drop ("the S&P 500 index" -> "sp500")."""
    ws = words(name)
    kept = [w for w in ws if w not in generic_words()]
    return "".join(kept or ws)


def initials(name: str) -> str:
    """An organisation's initials, without its legal form and small words
    ("International Business Machines Corp." -> "ibm", "Hewlett-Packard" -> "hp")."""
    ws = [w for w in words(name) if w not in generic_words() and w not in _NOT_NAME_WORDS]
    if len(ws) < 2 or any(w.isdigit() for w in ws):
        return ""
    return "".join(w[0] for w in ws)


def word_prefixes(name: str) -> set[str]:
    """The name's first words run together, for every count short of all of them:
    "Wal-Mart Stores Inc." -> {"wal", "walmart", "walmartstores"}."""
    ws = [w for w in words(name) if w not in generic_words()]
    return {"".join(ws[:k]) for k in range(1, len(ws))}


def keys(name: str, *, person: bool = False) -> set[str]:
    """Every key under which ``name`` is found. ``person`` adds the other forms of its
    first name ("bill gates" -> also "williamgates")."""
    out = {squash(name), core_key(name)}
    out.update(short_forms().get(core_key(name), ()))
    if person:
        ws = words(name)
        if len(ws) >= 2:
            for form in first_name_forms().get(ws[0], ()):
                out.add(form + "".join(ws[1:]))
    out.discard("")
    return out


def typed_initials(name: str) -> str:
    """What a typed name is as initials ("IBM", "U.S.", "hp"): its squashed form when it is one
    short run of letters, else nothing."""
    ws = words(name)
    if len(ws) != 1 or not ws[0].isalpha() or not 2 <= len(ws[0]) <= 6:
        return ""
    return ws[0]
