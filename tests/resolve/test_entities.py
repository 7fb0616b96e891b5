"""Cross-corpus resolution of local entities, and user corrections."""

from __future__ import annotations


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
    res = resolve_entities(recs, [Correction("merge", "Abiy Ahmed", "A. Ahmed"), Correction("unmerge", "Abiy Ahmed")])
    assert _names(res) == _names(resolve_entities(recs))  # the merge undone, resolution's own joins kept


def test_many_records_each_get_an_entity():
    # how fast resolution is at scale is measured by benchmarks/run.py (--scale), not here
    recs = [_rec(str(i), "person", f"Name{i % 5000} Surname{i % 7000}") for i in range(50_000)]
    res = resolve_entities(recs)
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


def test_an_unmerge_undoes_only_the_merges_recorded_before_it():
    recs = [_rec("a", "person", "Abiy Ahmed", ["Abiy"]), _rec("b", "person", "Abiy"), _rec("c", "person", "Tedros")]
    alone = resolve_entities(recs)
    assert alone.members[("a", "person:Abiy Ahmed")] == alone.members[("b", "person:Abiy")]
    corrections = [Correction("merge", "Abiy Ahmed", "Tedros"), Correction("unmerge", "Abiy Ahmed")]
    res = resolve_entities(recs, corrections)
    assert res.members == alone.members  # no pieces named "Abiy Ahmed (c)": extraction's joins stay
    again = resolve_entities(recs, corrections + [Correction("merge", "Abiy Ahmed", "Tedros")])
    assert again.members[("c", "person:Tedros")] == again.members[("a", "person:Abiy Ahmed")]


def _same(res, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return res.members[(a[0], f"organization:{a[1]}")] == res.members[(b[0], f"organization:{b[1]}")]


def _orgs(*names: str) -> list[LocalRecord]:
    """One organisation an article, the articles named a, b, c… in order."""
    return [_rec(chr(ord("a") + i), "organization", name) for i, name in enumerate(names)]


def test_legal_forms_and_group_words_join_across_articles():
    res = resolve_entities(_orgs("Airbus SE", "Airbus Group", "Airbus", "Nestlé S.A.", "Nestle", "Volkswagen AG",
                                 "Volkswagen"))
    assert _same(res, ("a", "Airbus SE"), ("b", "Airbus Group")) and _same(res, ("a", "Airbus SE"), ("c", "Airbus"))
    assert _same(res, ("d", "Nestlé S.A."), ("e", "Nestle"))
    assert _same(res, ("f", "Volkswagen AG"), ("g", "Volkswagen"))
    assert not _same(res, ("a", "Airbus SE"), ("f", "Volkswagen AG"))


def test_a_distinguishing_word_keeps_companies_apart():
    res = resolve_entities(_orgs("Apple Inc.", "Apple", "Apple Corps Ltd", "Apple Corps", "Apple Computer"))
    assert _same(res, ("a", "Apple Inc."), ("b", "Apple"))
    assert _same(res, ("c", "Apple Corps Ltd"), ("d", "Apple Corps"))
    assert not _same(res, ("a", "Apple Inc."), ("c", "Apple Corps Ltd"))
    assert not _same(res, ("e", "Apple Computer"), ("c", "Apple Corps Ltd"))


def test_trade_words_join_only_an_unclaimed_bare_name():
    res = resolve_entities(_orgs("Toyota Motor Corp.", "Toyota", "Mitsubishi Corp.", "Mitsubishi",
                                 "Mitsubishi Motors Corp.", "General Motors", "General"))
    assert _same(res, ("a", "Toyota Motor Corp."), ("b", "Toyota"))
    assert _same(res, ("c", "Mitsubishi Corp."), ("d", "Mitsubishi"))
    assert not _same(res, ("e", "Mitsubishi Motors Corp."), ("d", "Mitsubishi"))
    assert not _same(res, ("f", "General Motors"), ("g", "General"))


def test_group_word_does_not_join_when_a_sister_company_exists():
    res = resolve_entities(_orgs("Tata Group", "Tata", "Tata Steel"))
    assert not _same(res, ("a", "Tata Group"), ("b", "Tata"))
    assert not _same(res, ("c", "Tata Steel"), ("b", "Tata"))


def test_acronym_joins_only_when_unambiguous():
    recs = _orgs("General Motors Company", "General Motors Corp.", "GM")
    res = resolve_entities(recs)
    assert _same(res, ("a", "General Motors Company"), ("c", "GM"))
    assert _same(res, ("a", "General Motors Company"), ("b", "General Motors Corp."))
    res = resolve_entities([*recs, _rec("d", "organization", "General Mills")])
    assert not _same(res, ("a", "General Motors Company"), ("c", "GM"))
    assert not _same(res, ("d", "General Mills"), ("c", "GM"))


def test_an_alias_names_the_company_whatever_its_legal_form():
    res = resolve_entities([_rec("a", "organization", "Royal Dutch Shell plc", ["Shell"]),
                            _rec("b", "organization", "Shell plc"), _rec("c", "organization", "Shell")])
    assert _same(res, ("a", "Royal Dutch Shell plc"), ("b", "Shell plc"))
    assert _same(res, ("a", "Royal Dutch Shell plc"), ("c", "Shell"))


def test_one_key_per_company_within_an_article(nlp):
    from kb.extract.entities import find_entities

    def keys(text: str) -> dict[str, str]:
        return {m.text: m.entity for m in find_entities(nlp(text)).mentions if m.kind == "organization"}

    k = keys("Airbus SE said on Monday that profit rose. Airbus Group, as the company was called until 2017, "
             "employs 130,000 people. Airbus shares rose.")
    assert k["Airbus SE"] == k["Airbus Group"] == k["Airbus"]
    k = keys("General Motors Company said on Tuesday it would cut 2,000 jobs. GM shares fell 3 percent.")
    assert k["GM"] == k["General Motors Company"]
    k = keys("Royal Dutch Shell plc said on Thursday it would move to London. Shell said the move would help.")
    assert k["Shell"] == k["Royal Dutch Shell plc"]
    k = keys("Apple Corps Ltd sued Apple Computer Inc. in 1978. Apple Corps said Apple had broken the agreement.")
    assert k["Apple Corps"] == k["Apple Corps Ltd"] != k["Apple Computer Inc."]
    assert k["Apple"] != k["Apple Corps Ltd"]
