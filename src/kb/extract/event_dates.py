"""When an event happened, from how its sentence ties it to a time.

A time expression that hangs on the event's own clause in the parse dates it; else one
fronted on the sentence; else, for a report in the simple past, the day the story is
telling (``"narrative"``); else, for what the article reports as done or holding now, the
publication day (precision ``"reported"``), unless its sentence tells of history.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from kb.extract.coref import Coreference
from kb.extract.event_triggers import event_modality, light_verb
from kb.extract.sents import ParsedToken, parsed, parsed_tokens, sentence_root
from kb.extract.timex.tense import past_perfect
from kb.lexicon import events as lex
from kb.model import DateValue, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

HISTORY_DAYS = 31  # a time ending this long before publication is history, not the day's news
NARRATIVE_DAYS = 7  # a day this close before publication is the story's own day
PRECISION_RANK = {"time": 0, "day": 0, "reported": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3,
                  "year": 4, "decade": 5, "century": 6}


class Hosted(NamedTuple):
    """A time expression, its span, the token it dates and the clause token above it."""

    timex: Timex
    span: Span
    host: int | None  # the noun it comes before, else ``clause``
    clause: int | None  # the first trigger or clause head above it (None: a date alone)


# how a time expression inside a noun phrase hangs on the noun after it
PREMODIFIER_DEPS = ("compound", "nmod", "amod", "poss", "npadvmod", "nummod")


def _is_clause_head(t: ParsedToken) -> bool:
    if t.pos_ == "VERB":
        return t.dep_ not in ("amod", "compound", "prep", "aux", "auxpass")
    return t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")


def timex_hosts(doc: Doc, timexes: list[Timex], triggers: dict[int, str]) -> list[Hosted]:
    """Each time expression with its span and the token its phrase hangs on: the noun it
    comes before ("the October 1998 shooting"), else the first trigger or clause head
    above it (``None`` for a sentence that is only a date)."""
    out: list[Hosted] = []
    for tx in timexes:
        if tx.type in ("DURATION", "SET"):
            continue
        span = doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = parsed(span.root)
        # "its current source": a reference to now says how the noun stands, not when
        noun = _premodified(doc, span, root) if not (tx.value or "").endswith("_REF") else None
        clause = _host_above(root, span, triggers)
        out.append(Hosted(tx, span, noun if noun is not None else clause, clause))
    return out


def _host_above(cur: ParsedToken, span: Span, triggers: dict[int, str]) -> int | None:
    """The first trigger or clause head above ``cur`` (the noun a bounding preposition's
    phrase is about: "before his departure on Tuesday")."""
    noun: ParsedToken | None = None  # the last noun passed on the way up
    while cur.head.i != cur.i:
        if cur.pos_ in ("NOUN", "PROPN") and not (span.start <= cur.i < span.end):
            noun = cur
        cur = cur.head
        if cur.i in triggers or _is_clause_head(cur):
            return cur.i
        if noun is not None and cur.dep_ == "prep" and cur.lower_ in lex.BOUNDING_PREPS:
            # "before his departure on Tuesday": the date is the departure's, and only
            # bounds the clause above it
            return noun.i
    return None


def _premodified(doc: Doc, span: Span, root: ParsedToken) -> int | None:
    """The noun a time expression comes before inside a noun phrase ("last year's
    election", "the 1999 budget", "the Dec. 21, 1988, bombing"), by the parse or, where the
    parse hangs the date elsewhere, by its place: a date opened by a determiner and
    followed by a common noun."""
    if root.dep_ in PREMODIFIER_DEPS and root.head.pos_ == "NOUN" and root.head.i >= span.end:
        return root.head.i
    tokens = parsed_tokens(doc)
    after = span.end + 1 if span.end < len(doc) and tokens[span.end].lower_ == "," else span.end
    if after >= len(doc) or tokens[after].pos_ != "NOUN":
        return None
    opened = tokens[span.start].lower_ == "the" or (span.start > 0 and tokens[span.start - 1].tag_ in ("DT", "PRP$"))
    return after if opened else None


def _usable(tx: Timex) -> bool:
    if tx.value is None or tx.precision is None:
        return False
    # a length, a set or a day of no known date ("on a Monday", "XXXX-XX-XXT19:00") dates nothing
    return tx.precision not in ("duration", "set") and not tx.value.startswith(("P", "XXXX"))


def _best(cands: list[Hosted], tok: ParsedToken) -> Hosted:
    return min(cands, key=lambda c: (PRECISION_RANK.get(c[0].precision or "", 7), abs(c[1].start - tok.i)))


def _simple_past(verb: ParsedToken) -> bool:
    """Simple past, active or passive ("signed", "was signed"): told at a time of its own,
    not as it bears on the present ("has signed", "is expected")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" and not auxes:
        return True
    return verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ == "VBD" and a.lemma_.lower() == "be" for a in auxes)


def _is_past(verb: ParsedToken) -> bool:
    """Simple past, present perfect or past passive: a report of something done."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex.BACKGROUND_ADVERBS for c in verb.children):
        return False  # "has twice before sued": earlier history, not today's news
    if any(a.lemma_.lower() == "have" and a.tag_ == "VBD" for a in auxes):
        return False  # past perfect: background, earlier than the report
    if verb.tag_ == "VBD" and not auxes:
        return True
    if verb.tag_ == "VBN":
        return any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)
    return False


def narrative_times(n_sents: int, by_sent: dict[int, list[Hosted]],
                     anchor: str | None, tokens: list[ParsedToken]) -> list[Timex | None]:
    """For each sentence, the story's day (its reference time): the last day named by a
    clause above that falls in the week before publication ("Yesterday, Jobs unveiled …").
    A later sentence in the simple past with no date of its own goes on telling that day
    ("He demoed …"), whoever it tells of; the lead, above the first day named, tells of
    that first day ("Bombs blew apart buildings … The bombings occurred on Friday"). An
    older date ("In April, …") is a flashback: it dates its own clause and leaves the
    story's day alone; a date line (a sentence that is only a date) is no clause; nor is a
    past perfect ("X had on Thursday criticised …"): it tells what came before the story's
    time."""
    out: list[Timex | None] = []
    current: Timex | None = None
    lead, first = 0, None  # the story's first day and the sentence naming it
    day = iso_day(anchor)
    for i in range(n_sents):
        out.append(current)
        for tx, _, host, _ in by_sent.get(i, []):
            if host is None or not _usable(tx) or tx.precision not in ("day", "time") \
                    or tx.text.lower() in lex.VAGUE_TIMES or past_perfect(tokens[host]):
                continue
            start = iso_day(tx.start)
            if day and start and 0 <= (day - start).days <= NARRATIVE_DAYS and (
                    current is None or tx.start_char > current.start_char):
                if first is None:
                    lead, first = i, tx
                current = tx
    if first is not None:
        out[:lead + 1] = [t or first for t in out[:lead + 1]]
    return out


def iso_day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _governing_verb(tok: ParsedToken) -> ParsedToken | None:
    """For a verb without tense or subject of its own, hung on another clause as an adverbial,
    a gerund after a preposition or a coordinate ("While introducing …", "by walking",
    "walking … and taking"), the verb of that clause; ``None`` for a clause of its own, or
    one set at another time ("later revealing")."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBG", "VBN", "VB") \
            or tok.dep_ not in ("advcl", "pcomp", "conj", "xcomp"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") and c.lower_ not in lex.TENSELESS_MARKS
           for c in tok.children):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in lex.SEQUENCE_ADVERBS for c in tok.children):
        return None
    head = tok.head
    if tok.dep_ == "pcomp":
        if head.dep_ != "prep" or head.lower_ in lex.BOUNDING_PREPS:
            return None
        head = head.head
    if tok.dep_ == "conj" and head.tag_ not in ("VBG", "VBN", "VB"):
        return None  # "… and taking": only the coordinate of a tenseless verb
    return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None


def event_date(ctx: Coreference, tok: ParsedToken, gov: ParsedToken | None, triggers: dict[int, str],
          in_sent: list[Hosted], narrative: Timex | None, anchor: str | None,
          modality: str) -> tuple[DateValue | None, str | None, str | None]:
    now = next((h[0] for h in in_sent if h[2] == tok.i and h[0].value == "PRESENT_REF"), None)
    if now is not None and anchor and modality in ("asserted", "reported"):
        # "currently displays", "is now": at the time of writing, whatever else the clause names
        return DateValue(anchor, "reported", anchor, anchor), "clause", now.text
    in_sent = [h for h in in_sent if h[0].text.lower() not in lex.VAGUE_TIMES]
    own = [h for h in in_sent if h[2] == tok.i]
    if not own and tok.pos_ in ("VERB", "AUX"):
        # "advertised in today's editions", "strengthened by a 1996 law": with no time of
        # its own, a clause takes that of a noun it carries
        own = [h for h in in_sent if h.clause == tok.i]
    if not own and tok.pos_ == "VERB":
        # "made an appearance in March": the date hangs on the noun the verb carries
        own = [h for h in in_sent if h[2] is not None and h[2] in triggers
               and ctx.tokens[h[2]].head.i == tok.i and light_verb(ctx.tokens[h[2]]) is not None]
    if not own and tok.pos_ == "NOUN" and tok.dep_ == "compound":
        # "the October 1998 shooting death": a noun compounded with the one the date is on
        own = [h for h in in_sent if h[2] == tok.head.i and h[1].end <= tok.i]
    if not own and tok.pos_ == "NOUN":
        clause = gov
        if clause is None:
            cur = tok
            while cur.head.i != cur.i and not _is_clause_head(cur.head):
                cur = cur.head
            clause = cur.head if _is_clause_head(cur.head) else None
            if clause is not None and clause.i in triggers and clause.lemma_.lower() != "announce":
                clause = None
        if clause is not None:
            own = [h for h in in_sent if h[2] == clause.i]
    # an unresolved time word inside a noun phrase ("day-to-day operations") dates nothing
    own = [h for h in own if _usable(h[0]) or h[1].root.dep_ not in ("amod", "compound", "nmod", "poss")]
    if own:
        usable = [h for h in own if _usable(h[0])]
        if not usable:
            return None, None, own[0][0].text
        tx = _best(usable, tok)[0]
        return tx.date_value(), "clause", tx.text
    defined = _time_defined(ctx, tok, in_sent)
    if defined is not None:
        return defined.date_value(), "clause", defined.text
    head = _governing_verb(tok) if modality in ("asserted", "reported") else None
    if head is not None:
        # a clause without tense of its own ("While introducing the phone, Jobs …", "by
        # walking onto the stage", "later saying") is told at its governing clause's time
        return event_date(ctx, head, None, triggers, in_sent, narrative, anchor, event_modality(head, None))
    if tok.dep_ == "advcl" and tok.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in lex.SIMULTANEITY_MARKS for c in tok.children):
        # "became the subject of a manhunt in November when he was called a witness": a
        # clause told as happening when its governing one did shares that one's own date
        date = event_date(ctx, tok.head, None, triggers, in_sent, narrative, anchor, event_modality(tok.head, None))
        if date[1] in ("clause", "sentence"):
            return date
    root = sentence_root(tok)
    fronted = [h for h in in_sent if h.clause == root.i and h[1].start < root.i and root.i != tok.i]
    if fronted:
        usable = [h for h in fronted if _usable(h[0])]
        if usable:
            tx = _best(usable, tok)[0]
            return tx.date_value(), "sentence", tx.text
        return None, None, fronted[0][0].text
    stated = [h for h in in_sent if _historical(h[0], anchor)]
    # told as done, holding or not (a denial or negation is told at the same time)
    if anchor and modality in ("asserted", "reported", "negated") and not stated:
        verb = _tensed(tok, gov)
        if verb is not None and _is_past(verb):
            if narrative is not None and _simple_past(verb):
                d = narrative.date_value()
                if d is not None:
                    day = DateValue(d.value[:10], "day", d.start, d.start)
                    return day, "narrative", narrative.text
            return DateValue(anchor, "reported", anchor, anchor), "published", None
        if verb is not None and _is_present(verb):
            return DateValue(anchor, "reported", anchor, anchor), "published", None
    return None, None, None


def _time_defined(ctx: Coreference, tok: ParsedToken, in_sent: list[Hosted]) -> Timex | None:
    """"in 1965, when leaders met", "a year ago, when the industry enjoyed …", "from 1989
    when Solidarity won": a clause opened by "when" right after a time, or hung on it, tells
    what happened at that time."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    when = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < tok.i), None)
    if when is None or tok.left_edge.i != when.i:
        return None
    before = when.i - 1
    if before >= 0 and ctx.tokens[before].text == ",":
        before -= 1
    for tx, span, _, _ in in_sent:
        if _usable(tx) and (span.end - 1 == before or tok.dep_ in ("relcl", "acl") and span.start <= tok.head.i < span.end):
            return tx
    return None


def _historical(tx: Timex, anchor: str | None) -> bool:
    """A time well before publication ("in 1965", "last year"): a sentence that states one
    tells history, not the news of the day."""
    end, day = iso_day(tx.end), iso_day(anchor)
    return _usable(tx) and end is not None and day is not None and (day - end).days > HISTORY_DAYS


def _tensed(tok: ParsedToken, gov: ParsedToken | None) -> ParsedToken | None:
    """The verb whose tense tells when ``tok`` happened: itself, the verb carrying it, or
    for a noun or adjective the verb of its clause ("the talks were held", "is invincible")."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if gov is not None:
        return gov
    cur = tok
    for _ in range(4):  # up through the phrases it sits in: "at a news conference", "the start of talks"
        if cur.dep_ not in ("acomp", "attr", "nsubj", "nsubjpass", "dobj", "oprd", "pobj", "prep", "poss",
                            "compound", "appos"):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _is_present(verb: ParsedToken) -> bool:
    """Simple present, present progressive or present passive: what holds as the article is
    written ("says", "is slipping", "are held")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:
        return verb.tag_ in ("VBZ", "VBP")
    if any(a.lemma_.lower() == "have" or a.tag_ == "MD" or a.lower_ in ("do", "does", "to") for a in auxes):
        return False
    return verb.tag_ in ("VBG", "VBN") and any(a.tag_ in ("VBZ", "VBP") for a in auxes)
