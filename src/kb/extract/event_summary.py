"""A one-line summary of an event, headline style: who did what to whom."""

from __future__ import annotations

from kb.extract.coref import Coreference, subject_of
from kb.extract.event_parties import NOMINAL, Args
from kb.extract.sents import ParsedToken

def _phrase(ctx: Coreference, tok: ParsedToken) -> str:
    """A noun phrase in a few words: the entity's name, else the noun with the words that
    make it specific ("diplomatic ties", "memorandum of understanding")."""
    key = ctx.entity(tok)
    if key:
        return ctx.name(key)
    words = [t for t in ctx.tokens[tok.left_edge.i: tok.i + 1]
             if t.dep_ not in ("det", "poss", "case", "punct", "predet") and t.pos_ not in ("PRON", "DET")]
    text = " ".join(t.text for t in words[-4:])
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and ctx.entity(pobj) is None and pobj.pos_ == "NOUN":
        text += " of " + pobj.text  # "memorandum of understanding"
    return text


_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def _third_person(lemma: str) -> str:
    """The present-tense form a headline uses: "visit" → "visits", "cut" → "cuts"."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _joined(names: list[str]) -> str:
    return " and ".join(dict.fromkeys(n for n in names if n))


def headline(ctx: Coreference, tok: ParsedToken, args: Args, gov: ParsedToken | None = None) -> str:
    """Who did what to whom, headline style, from the article's names (shown later with the
    corpus's canonical ones): "Algeria cuts diplomatic ties with Morocco", "Benny Gantz
    visits Rabat", "visit by Benny Gantz to Morocco"."""
    actor_keys = [k for k, r in args.roles if r in ("actor", "co-actor")]
    actors = [ctx.name(k) for k in actor_keys]
    plural = len(actors) > 1 or any(ctx.kind.get(k) == "group" for k in actor_keys)  # "Islamists call"
    used = set(actors)
    tail: list[str] = []

    def add_preps(t: ParsedToken) -> None:  # "with Morocco", "to Rabat", "in Casablanca"
        for c in t.children:
            if c.dep_ not in ("prep", "agent") or c.lower_ == "by":
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                taking_part = {k for k, _ in args.roles}
                names = []
                for k, _ in ctx.entities(p):
                    state = ctx.state_of_place(k)
                    if k in taking_part or k == args.place or state in taking_part:
                        names.append(ctx.name(k))
                        if state:  # "to Rabat" says Morocco too
                            used.add(ctx.name(state))
                names = [n for n in names if n not in used]
                if names:
                    used.update(names)
                    tail.append(f"{c.lower_} {_joined(names)}")

    if tok.pos_ in NOMINAL:
        head = _phrase(ctx, tok) if ctx.entity(tok) is None else tok.text
        parts = [head]
        if actors:
            parts.append("by " + _joined(actors))
        add_preps(tok)
        if gov is not None:
            add_preps(gov)  # "filed a lawsuit against Amnesty": the carrying verb's phrases
    else:
        prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        subject = subject_of(tok) if not actors and not passive else None
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            # no entity acts, but the sentence names who did: "Arab leaders meet in Casablanca"
            actors = [_phrase(ctx, subject)]
            plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        if tok.pos_ == "ADJ":
            verb = ("are" if plural else "is") + " " + tok.lower_
        elif passive and not actors:
            verb = tok.lower_
            actors = [ctx.name(k) for k, r in args.roles if r in ("theme", "target")][:1]
            used.update(actors)
        else:
            lemma = tok.lemma_.lower()
            verb = lemma if plural else _third_person(lemma)
        if prt:
            verb += " " + prt[0]
        parts = [_joined(actors), verb] if actors else [verb]
        for o in args.objects:
            phrase = _phrase(ctx, o)
            if phrase and phrase not in used:
                used.add(phrase)
                parts.append(phrase)
                add_preps(o)
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "attr") and c not in args.objects:
                names = [ctx.name(k) for k, _ in ctx.entities(c) if ctx.name(k) not in used]
                if names:
                    used.update(names)
                    parts.append(_joined(names))
        add_preps(tok)
    parts += tail
    rest = [ctx.name(k) for k, r in args.roles if r in ("target", "theme") and ctx.name(k) not in used]
    if rest:
        used.update(rest)
        parts.append(_joined(rest[:2]))
    if args.place and ctx.name(args.place) not in used:
        parts.append(f"in {ctx.name(args.place)}")
    return " ".join(p for p in parts if p).strip()
