"""Cross-corpus resolution of local entities, and user corrections."""

from __future__ import annotations

import time

from kb.resolve.entities import Correction, LocalRecord, resolve_entities


def _rec(article: str, kind: str, name: str, aliases: list[str] | None = None) -> LocalRecord:
    return LocalRecord(article, f"{kind}:{name}", kind, name, aliases or [], 1)


def _names(res, kind="person"):
    return sorted(e.name for e in res.entities.values() if e.kind == kind)


def test_surname_joins_unique_full_name_and_spelling_variants_merge():
    res = resolve_entities([_rec("a", "person", "Benny Gantz"), _rec("b", "person", "Gantz"),
                            _rec("c", "person", "Benyamin Netanyahu"), _rec("d", "person", "Benjamin Netanyahu"),
                            _rec("e", "person", "Benjamin Netanyahu")])
    assert _names(res) == ["Benjamin Netanyahu", "Benny Gantz"]
    assert res.members[("a", "person:Benny Gantz")] == res.members[("b", "person:Gantz")]


def test_shared_surname_is_ambiguous_and_suffixes_stay_apart():
    res = resolve_entities([_rec("a", "person", "Barack Obama"), _rec("b", "person", "Michelle Obama"),
                            _rec("c", "person", "Obama"), _rec("d", "person", "Donald Trump"),
                            _rec("e", "person", "Donald Trump Jr."), _rec("f", "person", "Trump"),
                            _rec("g", "person", "Mohammed V"), _rec("h", "person", "Mohammed VI")])
    assert "Obama" in _names(res)
    assert {"Donald Trump", "Donald Trump Jr.", "Mohammed V", "Mohammed VI"} <= set(_names(res))
    assert res.members[("f", "person:Trump")] == res.members[("d", "person:Donald Trump")]


def test_organisation_acronym_and_short_form():
    res = resolve_entities([_rec("a", "organization", "NSO Group"), _rec("b", "organization", "NSO"),
                            _rec("c", "organization", "NSO"), _rec("d", "organization", "World Health Organization"),
                            _rec("e", "organization", "WHO")])
    assert _names(res, "organization") == ["NSO Group", "World Health Organization"]


def test_corrections_merge_alias_rename_unmerge():
    recs = [_rec("a", "person", "Abiy Ahmed"), _rec("b", "person", "Abiy"), _rec("c", "person", "A. Ahmed")]
    res = resolve_entities(recs, [Correction("merge", "Abiy Ahmed", "Abiy"), Correction("alias", "Abiy Ahmed", "A. Ahmed"),
                                  Correction("rename", "Abiy Ahmed", "Abiy Ahmed Ali")])
    assert _names(res) == ["Abiy Ahmed Ali"]
    res = resolve_entities(recs, [Correction("merge", "Abiy Ahmed", "Abiy"), Correction("unmerge", "Abiy Ahmed")])
    assert len(_names(res)) == 3


def test_fast_on_many_records():
    recs = [_rec(str(i), "person", f"Name{i % 5000} Surname{i % 7000}") for i in range(50_000)]
    start = time.perf_counter()
    res = resolve_entities(recs)
    assert time.perf_counter() - start < 10
    assert len(res.members) == 50_000


def test_family_name_first_joins_only_when_no_name_ends_that_way():
    res = resolve_entities([_rec("a", "person", "Wang Yi"), _rec("b", "person", "Wang"),
                            _rec("c", "person", "Li Qiang"), _rec("d", "person", "Ken Li"), _rec("e", "person", "Li")])
    assert res.members[("a", "person:Wang Yi")] == res.members[("b", "person:Wang")]
    # "Li" ends "Ken Li": the surname reading wins over the family-name-first one
    assert res.members[("e", "person:Li")] == res.members[("d", "person:Ken Li")]
    assert res.members[("e", "person:Li")] != res.members[("c", "person:Li Qiang")]


def test_product_plural_joins_the_singular():
    res = resolve_entities([_rec("a", "product", "iPhone"), _rec("b", "product", "iPhones"),
                            _rec("c", "product", "iPad")])
    assert _names(res, "product") == ["iPad", "iPhone"]


def test_unmerge_goes_back_to_article_entities_and_replays_the_same_way():
    recs = [_rec("a", "person", "Abiy Ahmed", ["Abiy"]), _rec("b", "person", "Abiy"), _rec("c", "person", "Abiy Ahmed")]
    assert len(_names(resolve_entities(recs))) == 1
    corrections = [Correction("unmerge", "Abiy Ahmed")]
    res = resolve_entities(recs, corrections)
    ids = {res.members[(r.article, r.key)] for r in recs}
    assert len(ids) == 3  # one entity per article entity, each with its own id
    assert "Abiy Ahmed (c)" in _names(res)
    again = resolve_entities(list(reversed(recs)), corrections)
    assert sorted(_names(again)) == sorted(_names(res))
    # a piece can be merged back by the name the split gave it
    res = resolve_entities(recs, corrections + [Correction("merge", "Abiy Ahmed", "Abiy Ahmed (c)")])
    assert res.members[("a", "person:Abiy Ahmed")] == res.members[("c", "person:Abiy Ahmed")]
    assert res.members[("b", "person:Abiy")] != res.members[("a", "person:Abiy Ahmed")]
