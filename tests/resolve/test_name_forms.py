"""First-name forms and an agreement's several names join in resolution, when unambiguous."""

from __future__ import annotations

from kb.resolve.entities import LocalRecord, agreement_parts, resolve_entities


def _rec(article: str, kind: str, name: str, aliases: list[str] | None = None) -> LocalRecord:
    return LocalRecord(article, f"{kind}:{name}", kind, name, aliases or [], 1)


def _same(res, a: LocalRecord, b: LocalRecord) -> bool:
    return res.members[(a.article, a.key)] == res.members[(b.article, b.key)]


def test_a_first_name_in_another_form_joins_the_same_surname():
    bill, william, clinton = _rec("a", "person", "Bill Gates"), _rec("b", "person", "William Gates"), \
        _rec("c", "person", "Bill Clinton")
    res = resolve_entities([bill, william, clinton])
    assert _same(res, bill, william) and not _same(res, bill, clinton)


def test_an_ambiguous_short_form_joins_nothing():
    al, albert, alfred = (_rec(x, "person", n) for x, n in (("a", "Al Smith"), ("b", "Albert Smith"),
                                                            ("c", "Alfred Smith")))
    res = resolve_entities([al, albert, alfred])
    assert not _same(res, al, albert) and not _same(res, al, alfred) and not _same(res, albert, alfred)


def test_agreement_names_by_parties_and_kind():
    assert agreement_parts("Israel–Morocco security agreement") == (frozenset({"israel", "morocco"}),
                                                                     "security agreement")
    assert agreement_parts("Israel security deal") == (frozenset({"israel"}), "security agreement")
    assert agreement_parts("Treaty of Rome") is None


def test_one_agreement_under_several_names():
    full = _rec("a", "agreement", "memorandum of understanding", ["Israel–Morocco security agreement"])
    one, other = _rec("b", "agreement", "Israel security deal"), _rec("c", "agreement", "Morocco security deal")
    trade = _rec("d", "agreement", "Israel trade deal")
    res = resolve_entities([full, one, other, trade])
    assert _same(res, full, one) and _same(res, full, other) and not _same(res, full, trade)
