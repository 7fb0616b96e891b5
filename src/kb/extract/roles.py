"""Roles: the title a person holds and the state or organisation it is of, read from the
title run before a name, an apposition, or an appointment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from kb.extract.candidates import Cand
from kb.extract.sents import doc_tokens, sentence_of
from kb.lexicon import lemma_in
from kb.lexicon import names as nm
from kb.model import Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _appointing(t: Token) -> bool:
    """A verb that puts someone in an office (also past forms the lemmatiser missed)."""
    return t.pos_ == "VERB" and lemma_in(t, nm.APPOINTING_VERBS)


def appointed_as(tokens: list[Token], c: Cand, start: int = 0) -> bool:
    """``c`` follows an appointing verb (from ``start`` on) and is followed by "as": "named …
    Aden Duale as …", unlike "joined Manchester United as coach", where the coach is
    someone else."""
    end = c.tok_end
    return end < len(tokens) and tokens[end].lower_ == "as" \
        and any(_appointing(t) for t in tokens[max(start, c.tok_start - 12):c.tok_start])


def named_as_office(tokens: list[Token], c: Cand) -> bool:
    """``c`` is appointed to an office only a person holds ("named … Aden Duale as defence
    minister")."""
    if not appointed_as(tokens, c):
        return False
    for t in tokens[c.tok_end + 1:c.tok_end + 5]:
        if t.lower_ in nm.PERSONAL_OFFICES and t.pos_ == "NOUN":
            return True
        if t.is_punct or t.lower_ in nm.CONJUNCTIONS:
            break
    return False


def _state_in(doc: Doc, toks: Iterable[Token], by_token: dict[int, Cand]) -> tuple[str | None, set[int]]:
    """First state or organisation named among ``toks``: its key and the tokens naming it."""
    tokens = doc_tokens(doc)
    for t in toks:
        c = by_token.get(t.i)
        if c is not None and c.kind in ("state", "organization"):
            used = set(range(c.tok_start, c.tok_end))
            nxt = c.tok_end
            if nxt < len(doc) and tokens[nxt].tag_ == "POS":
                used.add(nxt)
            return c.key, used
        if t.text in nm.gazetteer().demonyms:
            return f"state:{nm.gazetteer().demonyms[t.text]}", {t.i}
    return None, set()


def _make_role(doc: Doc, person: Cand, toks: list[Token], by_token: dict[int, Cand], names: dict[str, str]) -> Role | None:
    # cut the phrase at the first clause or time/place preposition ("Chief of Staff during the war")
    cut = []
    for n, t in enumerate(toks):
        low = t.lower_
        if low in nm.TITLE_CUT_WORDS or (low == "in" and (n + 1 >= len(toks) or toks[n + 1].lower_ != "charge")):
            if cut:
                break
        if t.text in (",", ";", "(", ")", "—", "–") and cut:
            break
        cut.append(t)
    toks = cut
    first_head = next((n for n, t in enumerate(toks) if t.lower_ in nm.TITLE_HEADS and not nm.is_honorific(t.lower_)), None)
    if first_head is not None:
        n = first_head
        while n > 0:
            t = toks[n - 1]
            if t.lower_ == "of" or t.lower_ in nm.TITLE_CUT_WORDS or (t.pos_ == "NOUN" and t.lower_ not in nm.TITLE_HEADS
                                                                   and t.is_lower):
                break
            n -= 1
        toks = toks[n:]
    if not toks or not any(t.lower_ in nm.TITLE_HEADS and not nm.is_honorific(t.lower_) for t in toks):
        return None
    of, used = _state_in(doc, toks, by_token)
    former = any(t.lower_ in nm.FORMER_WORDS for t in toks)
    words = [t for t in toks if t.i not in used and t.lower_ not in nm.FORMER_WORDS
             and not t.is_punct and not nm.is_honorific(t.lower_) and t.tag_ != "POS" and t.pos_ != "DET"
             and t.tag_ != "PRP$"]
    while words and words[0].lower_ in nm.TITLE_LEAD_WORDS:
        words = words[1:]
    while words and words[-1].lower_ in nm.TITLE_TAIL_WORDS:
        words = words[:-1]
    if not words or not any(t.lower_ in nm.TITLE_HEADS for t in words):
        return None
    heads = [t for t in words if t.lower_ in nm.TITLE_HEADS]
    if all(h.lower_ in nm.WEAK_TITLE_HEADS for h in heads) and of is None and not any(t.lower_ == "of" for t in words):
        return None
    title = " ".join(t.text for t in words[:12])
    title = title[0].upper() + title[1:]
    return Role(entity=person.key, title=title, of=of, of_name=names.get(of) if of else None, former=former,
                sentence=person.sent)


def roles_for(doc: Doc, c: Cand, by_token: dict[int, Cand], names: dict[str, str]) -> list[Role]:
    tokens = doc_tokens(doc)
    roles: list[Role] = []
    sent = sentence_of(tokens[c.tok_start])
    # 1. title run right before the name ("former US President Donald Trump")
    i = c.tok_start - 1
    run: list[Token] = []
    while i >= sent.start:
        t = tokens[i]
        low = t.lower_
        inside = by_token.get(i)
        if (low in nm.TITLE_HEADS or low in nm.FORMER_WORDS or low == "of" or low in nm.POSSESSIVE_ENDINGS
                or nm.is_honorific(low) and low not in nm.ARTICLES and low not in nm.POSSESSIVES  # not "his", "the"
                or (inside is not None and inside.kind in ("state", "organization"))
                or t.text in nm.gazetteer().demonyms
                or (t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and not t.is_sent_start
                    and by_token.get(i) is None)):
            run.append(t)
            i -= 1
            continue
        break
    run.reverse()
    while run and (run[0].lower_ == "of" or run[0].lower_ in nm.POSSESSIVE_ENDINGS):
        run = run[1:]
    if run:
        role = _make_role(doc, c, run, by_token, names)
        if role is not None:
            roles.append(role)
    end_ok = c.tok_end >= sent.end or tokens[c.tok_end].text in (",", ".", ")", ";", "and", "—", "–", "\n") or tokens[c.tok_end].is_space
    # 2. apposition before: "the Israeli Minister of Defense, Benny Gantz,"
    if not roles and c.tok_start - 1 > sent.start and tokens[c.tok_start - 1].text == "," and end_ok:
        i = c.tok_start - 2
        phrase: list[Token] = []
        while i >= sent.start and len(phrase) < 16:
            t = tokens[i]
            if t.is_punct and t.tag_ != "POS" or t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" or t.lower_ in nm.APPOS_STOP_WORDS:
                break
            other = by_token.get(i)
            if other is not None and other.kind == "person":
                phrase = []
                break
            phrase.append(t)
            i -= 1
        phrase.reverse()
        if phrase:
            role = _make_role(doc, c, phrase, by_token, names)
            if role is not None:
                roles.append(role)
    # 3. apposition after: "Mr. Gantz, a former head of the Israeli army,"
    j = c.tok_end
    if j < sent.end and tokens[j].text == "," and j + 1 < sent.end:
        first = tokens[j + 1]
        if first.lower_ in nm.ARTICLES or first.lower_ in nm.FORMER_WORDS or first.lower_ in nm.TITLE_HEADS or \
                first.text in nm.gazetteer().demonyms or (by_token.get(first.i) is not None and by_token[first.i].kind == "state"):
            phrase = []
            k = j + 1
            while k < sent.end and len(phrase) < 16:
                t = tokens[k]
                if (t.is_punct and t.tag_ != "POS") or t.pos_ in ("VERB", "AUX") or t.lower_ in nm.RELATIVE_PRONOUNS:
                    break
                other = by_token.get(k)
                if other is not None and other.kind == "person":
                    phrase = []
                    break
                phrase.append(t)
                k += 1
            if phrase:
                role = _make_role(doc, c, phrase, by_token, names)
                if role is not None:
                    roles.append(role)
    # 4. put in an office: "reappointed Kithure Kindiki as interior minister", "Justin Muturi
    # was named public service minister"
    if all(r.former for r in roles):  # "Former attorney general Justin Muturi was named …"
        phrase = _office_after(tokens, c, sent.start, sent.end)
        if phrase:
            role = _make_role(doc, c, phrase, by_token, names)
            if role is not None:
                roles.append(role)
    return roles


def monarch_holders(roles: Iterable[Role], cands: list[Cand], names: dict[str, str]) -> None:
    """A monarch's title that names no state ("King Mohammed VI") takes the one monarchy its
    sentence names, itself or by its capital: "King of Morocco" where the sentence names
    Morocco and Israel."""
    states_in: dict[int, set[str]] = {}
    capitals = nm.gazetteer().capitals
    for c in cands:
        if c.kind == "state":
            states_in.setdefault(c.sent, set()).add(c.key)
        elif c.kind == "place" and c.name in capitals:  # "King Charles met … in London"
            states_in.setdefault(c.sent, set()).add(f"state:{capitals[c.name]}")
    for role in roles:
        words = role.title.lower().split()
        if role.of is not None or not words or not set(words) <= nm.MONARCH_HEADS:
            continue
        royal = [k for k in states_in.get(role.sentence, ()) if names.get(k, k.split(":", 1)[-1]) in nm.monarchies()]
        if len(royal) == 1:
            role.of, role.of_name = royal[0], names.get(royal[0], royal[0].split(":", 1)[-1])


def _office_after(tokens: list[Token], c: Cand, start: int, end: int) -> list[Token]:
    """The office a name is put in by an appointing verb, told right after the name."""
    j = c.tok_end
    if j < end and appointed_as(tokens, c, start):
        k = j + 1
    elif j + 1 < end and tokens[j].lemma_ == "be" and _appointing(tokens[j + 1]) and tokens[j + 1].tag_ == "VBN":
        k = j + 2 + (j + 2 < end and tokens[j + 2].lower_ == "as")
    else:
        return []
    phrase: list[Token] = []
    while k < end and len(phrase) < 8:
        t = tokens[k]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ", "ADP") and t.lower_ != "of":
            break
        phrase.append(t)
        k += 1
    return phrase if any(t.lower_ in nm.TITLE_HEADS for t in phrase) else []
