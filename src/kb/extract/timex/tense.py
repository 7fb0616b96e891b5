"""The tense of the clause a time expression sits in, read from the dependency parse.

Works on spaCy tokens by duck typing, so this module does not import spaCy.
"""

from __future__ import annotations

import re
from typing import Any

from kb.lexicon import lemma_in
from kb.lexicon import time_words as tw

_QUOTE_MARK = re.compile("``|''|[\"\u201c\u201d]")


def _is_verb(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") or _misread_open(tok)


def _misread_open(tok: Any) -> bool:
    """"polling stations open at 9 a.m.", "stores open at 6 a.m. Friday": the verb "open"
    (or "close") with a subject of its own, which the tagger reads as an adjective or noun."""
    return tok.lower_ in ("open", "close") and tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in ("ROOT", "conj", "relcl") \
        and any(c.dep_ == "nsubj" for c in tok.children) and not any(c.dep_ in ("cop", "aux") for c in tok.children)


def _verb_of(tok: Any) -> Any | None:
    cur = tok
    for _ in range(10):
        if _is_verb(cur):
            return cur
        if cur.head is cur or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _supposed(v: Any) -> bool:
    """True for a past form in an "if" clause of a verb with "would", "could" or "might" and
    no "have" ("would be surprised if they moved", not "would have won if he ran")."""
    head = v.head
    if head.i == v.i or not any(c.dep_ == "mark" and c.lower_ == "if" for c in v.children):
        return False
    words = [c.lower_ for c in head.children if c.dep_ == "aux"]
    return any(w in ("would", "'d", "could", "might") for w in words) and "have" not in words


def _tense_of_verb(v: Any, depth: int = 0) -> str | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    # the parse may hang one auxiliary on another ("will" on "be" in "will be closed Monday")
    auxes += [g for a in auxes for g in a.children if g.dep_ == "aux" and g.i < a.i]
    if not auxes and v.dep_ == "conj" and v.head.i != v.i and _is_verb(v.head) and depth < 2 \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) \
            and (v.tag_ == "VB" or any(c.dep_ in ("aux", "auxpass") for c in v.head.children)):
        # "would close 35 branches and cut jobs": one auxiliary for both; "closed 35
        # branches and cut jobs": a bare form after a verb is in that verb's tense (not
        # so a verb with a subject of its own: "should be spending, and a group handed out")
        return _tense_of_verb(v.head, depth + 1)
    words = [a.lower_ for a in auxes]
    if "having" in words and v.tag_ == "VBN":
        return "past"  # "having been published in March": a perfect participle tells of what was done
    if any(w in tw.MODAL_AUX for w in words):
        if "have" in words:  # "would have met"
            return "past"
        if any(w in tw.FUTURE_AUX for w in words):
            return "future"
        if any(w in tw.AHEAD_MODALS for w in words) and "be" not in words and v.lemma_.lower() != "be":
            # "the road may reopen Monday", "must decide in December": what may or must be
            # done is yet to be done; what may be so is either side ("the robberies may be
            # linked to two in April"), and "could" is also the past of "can" ("could barely walk")
            return "future"
        return None
    if "to" in words:
        # an infinitive tells of something after the verb it hangs on ("subpoenaed him to
        # testify on Feb. 10"): ahead of the writing when that verb is, else either side
        gov = v.head
        if "have" in words and v.tag_ == "VBN":
            # "is expected to have hit 3 percent in September", "likely to have peaked in
            # August": a perfect infinitive tells of what was done before the verb it hangs on
            outer = _verb_of(gov) if gov.i != v.i and depth < 2 else None
            return None if outer is not None and _tense_of_verb(outer, depth + 1) == "future" else "past"
        if gov.i != v.i and depth < 2:
            outer = _verb_of(gov)
            if gov.lower_ in ("was", "were") and gov.tag_ == "VBD":
                return None  # "the offer, which was to expire Oct. 27": a plan once made, on either side of the writing
            if lemma_in(gov, tw.FUTURE_GOVERNORS) or gov.lower_ in tw.FUTURE_GOVERNORS:
                # "had been due to expire Friday": a plan told in the past perfect was
                # overtaken; its time may lie on either side of the writing (not one only
                # reported so: "said it had invited both sides to meet on Monday")
                return None if outer is not None and past_perfect(outer) and not _reported(outer) else "future"
            if outer is not None and _tense_of_verb(outer, depth + 1) == "future":
                return "future"
            if outer is gov and lemma_in(gov, tw.IMPLICATIVE_VERBS):
                # "declined to comment Friday", "continued to digest Friday's report": what one
                # did, failed or began to do is of the time of the doing
                return _tense_of_verb(gov, depth + 1)
            if lemma_in(gov, tw.ASKING_VERBS) and not any(
                    c.dep_ == "auxpass" and c.tag_ == "VBD"
                    for c in (*gov.children, *(gov.head.children if gov.dep_ == "conj" else ()))):
                # "asked voters to approve a levy in November"; not "were ordered or urged
                # to evacuate on Tuesday", which dates the asking
                return "future"
        return None
    tags = [a.tag_ for a in auxes]
    if _expected_ahead(v, auxes):
        return "future"
    if v.tag_ == "VBD" and not auxes and _bare_form_read_as_past(v):
        return "present"  # "supporters who renew before 31 May": the tagger's past of a bare form
    if v.tag_ == "VBD" and not auxes and v.dep_ == "advcl" and _supposed(v):
        return "future"  # "I'd be surprised if they moved before the fall": a case supposed is yet to come
    if v.tag_ == "VBD" or "VBD" in tags:
        return "past"
    if present_perfect(v):
        return "past"
    if v.tag_ == "VBN" and not auxes and v.dep_ == "acl" and v.head.dep_ == "dobj" and depth < 2 \
            and v.head.head.lemma_.lower() in ("have", "get") and _is_verb(v.head.head):
        return _tense_of_verb(v.head.head, depth + 1)  # "aims to have salt stockpiled by October"
    if v.tag_ == "VBN" and not auxes and v.dep_ in ("ccomp", "xcomp") and v.head.i != v.i and depth < 2 \
            and v.head.lemma_.lower() in ("have", "get") and _is_verb(v.head):
        # "should have service restored by Tuesday", "had the car repaired": what one has
        # done is told in the tense of "have"
        return _tense_of_verb(v.head, depth + 1)
    if v.tag_ == "VBN" and not auxes and v.dep_ in ("ccomp", "xcomp") and v.head.i != v.i \
            and v.head.lemma_.lower() in _WANTING and _is_verb(v.head) and depth < 2:
        # "wants waits cut to 12 months by March": what one wants or needs done is yet to be
        # done, unless the wanting is past ("wanted the work finished by June")
        return None if _tense_of_verb(v.head, depth + 1) == "past" else "future"
    if v.tag_ == "VBN" and not auxes and v.dep_ == "advcl" and _elliptical_condition(v):
        # "a runoff, if needed, on Nov. 18", "the bill, if passed, takes effect Jan. 1": what
        # may yet happen lies ahead, unless the clause it belongs to is past ("if elected in
        # 1992, he would have served")
        outer = _tense_of_verb(v.head, depth + 1) if v.head.i != v.i and _is_verb(v.head) and depth < 2 else None
        return "past" if outer == "past" else "future"
    if v.tag_ == "VBN" and not auxes and v.lemma_.lower() in ("follow", "precede") and v.dep_ == "advcl" \
            and v.head.i != v.i and _is_verb(v.head) and depth < 2 and (outer := _tense_of_verb(v.head, depth + 1)) is not None:
        # "falls this week, followed by Easter Monday on April 21": what comes next in a
        # sequence is told in the tense of the clause the sequence starts in
        return outer
    if v.tag_ == "VBN" and not auxes and v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) \
            and v.head.i != v.i and _is_verb(v.head) and depth < 2:
        return _tense_of_verb(v.head, depth + 1)  # "will go ahead as scheduled on December 12": as the clause it qualifies
    if v.tag_ == "VBN" and not auxes and v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.lower_ == "with" \
            and depth < 2 and _is_verb(outer := v.head.head.head) and _tense_of_verb(outer, depth + 1) == "future":
        return "future"  # "will then submit their choices, with postings announced in December"
    if v.tag_ == "VBN" and not auxes:
        # "the result, expected on Friday", "a summit set for Washington in April": what is
        # expected or planned lies ahead
        return "future" if _expected_or_planned(v, depth) else "past"
    if v.tag_ == "VBP" and not auxes and v.lower_ in tw.SAME_PAST_FORMS \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NN", "NNP") for c in v.children):
        return "past"  # "weakness hurt the index on Friday": no present form has a singular noun subject
    if v.tag_ in ("VBZ", "VBP") and not auxes and v.dep_ == "xcomp" and v.head.i != v.i and _is_verb(v.head) \
            and depth < 2 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        # "forced open the hatch late Sunday": a complement has no tense of its own (the
        # tagger read "open" as a present), it is told in the tense of the verb it completes
        return _tense_of_verb(v.head, depth + 1)
    if v.tag_ in ("VBZ", "VBP") or "VBZ" in tags or "VBP" in tags or _misread_open(v):
        return "present"
    if v.tag_ == "VB" and not auxes and v.dep_ == "ROOT" \
            and any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS", "PRP") for c in v.children):
        return "present"  # "Voters go to the polls on Sunday": a present form the tagger read as bare
    if v.tag_ == "VBG" and not auxes and v.head.i != v.i and depth < 2:
        outer = _verb_of(v.head)
        if outer is not None:
            tense = _tense_of_verb(outer, depth + 1)
            if v.lemma_.lower() == "end":
                # "expects revenue for the year ending in January": yet to end; told in the
                # past ("lowered her forecast for the year ending Sept. 30"), on either side
                return "future" if tense != "past" else None
            if v.dep_ == "pcomp" and v.head.lower_ in ("after", "following") and tense == "future":
                # "will meet in the final after winning their semi-finals on Thursday": what
                # comes before a time ahead may lie on either side of the writing
                return None
            if v.dep_ == "acl" and v.lemma_.lower() in ("begin", "start", "take") and tense == "past":
                # "declared a ban beginning at 10 a.m. Monday", "reforms taking effect on January
                # 1": when what was told of begins, on either side of the telling
                return None
            return tense
    return None


_WANTING = ("want", "need", "wish", "expect")


def _bare_form_read_as_past(v: Any) -> bool:
    """True for a verb tagged as a past whose form is its bare form, which is no past unless
    the verb's past is the same word ("renew", not "cut" or "set")."""
    word = v.lower_
    return word == v.lemma_.lower() and word not in tw.SAME_PAST_FORMS and not word.endswith("d") and word.isalpha()


def _elliptical_condition(v: Any) -> bool:
    """True for a participle that is a condition with no subject or verb of its own ("if
    needed", "unless extended")."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


def _reported(verb: Any) -> bool:
    """True for a verb whose clause is what a reporting verb says ("said it had invited")."""
    return verb.dep_ == "ccomp" and verb.head.i != verb.i and lemma_in(verb.head, tw.REPORTING_VERBS)


def _expected_ahead(v: Any, auxes: list[Any]) -> bool:
    """"containment was not expected until July 15", "rain was unlikely before Friday": what
    is told as expected, or as likely or not, lies ahead of the telling, past tense or not
    (not so in the past perfect: "had been expected in March")."""
    if any(a.lower_ == "had" for a in auxes):
        return False
    if lemma_in(v, tw.FORESEEING_VERBS) and any(a.dep_ == "auxpass" for a in auxes):
        return True
    return v.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lower_ in _LIKELIHOOD for c in v.children)


_LIKELIHOOD = ("likely", "unlikely", "possible")  # "rain was unlikely before Friday", "snow possible by Wednesday"


def _expected_or_planned(v: Any, depth: int) -> bool:
    """"the result, expected on Friday", "a summit set for April": a participle after its noun
    telling what is expected or planned for a time, unless the clause around tells it as past
    ("a rally planned for Saturday drew crowds"; "its record high, set on Aug. 6"). A plan
    just called off in the present perfect was still ahead ("conferences scheduled for May
    have been cancelled")."""
    if not (lemma_in(v, tw.EXPECTING_VERBS) or _plans(v) and any(c.lower_ == "for" for c in v.children)):
        return False
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "with" for c in v.children):
        return True  # "will fall through Thursday, with no more rain expected until the weekend"
    if v.dep_ != "acl":
        return False
    noun = v.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" \
            or noun.dep_ == "nsubj" and noun.head.dep_ == "pcomp" and noun.head.head.lower_ == "with":
        return True  # "offered little comfort, with more snow expected on Monday": its own clause
    outer = _verb_of(v.head)
    return outer is None or depth >= 2 or _tense_of_verb(outer, depth + 1) != "past" or present_perfect(outer)


def past_perfect(verb: Any) -> bool:
    """"had signed", "had been due": told as before another past time."""
    return verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def possessive(tok: Any) -> bool:
    """True for a time that owns what follows it ("Tuesday's ruling")."""
    return tok.dep_ == "poss" or tok.doc[tok.i + 1:tok.i + 2].text in ("'s", "’s")


def awaited(tok: Any) -> bool:
    """True for a time right after "for", "before" or "ahead of", with or without "the"
    ("positioned themselves for Friday's report", "came home for the Christmas holidays"):
    what was done was done waiting for it."""
    doc, i = tok.doc, tok.i
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    return i > 0 and doc[i - 1].lower_ in ("for", "before") or right_after_ahead_of(tok)


def right_after_ahead_of(tok: Any) -> bool:
    """True for a time right after "ahead of", with or without "the" ("ahead of December 21",
    "ahead of the weekend")."""
    doc, i = tok.doc, tok.left_edge.i
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    return i >= 2 and doc[i - 2].lower_ == "ahead" and doc[i - 1].lower_ == "of"


def after_reporting_verb(tok: Any) -> bool:
    """"said on Thursday (that) it would …": a day right after a reporting verb dates the
    saying, whatever the parser hangs it on; not a possessive or the subject of what was
    said ("said Monday's service would go on", "said the weekend would be mild")."""
    doc, i = tok.doc, tok.left_edge.i - 1
    if tok.dep_ in ("nsubj", "nsubjpass") or possessive(tok):
        return False
    if i >= 0 and doc[i].lower_ in ("on", "late", "early"):
        i -= 1
    return i >= 0 and doc[i].tag_ == "VBD" and lemma_in(doc[i], tw.REPORTING_VERBS)


def verb_of(tok: Any) -> Any | None:
    """The verb (not an auxiliary) whose clause ``tok`` is in, if any."""
    return _verb_of(tok)


def of_habit(verb: Any) -> bool:
    """True for a present verb with an adverb of habit ("usually begins", "often continue"):
    what it tells happens again and again."""
    return verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ in tw.HABIT_ADVERBS for c in verb.children)


def dates_a_saying(tok: Any) -> bool:
    """"officials said on Wednesday", "police said Wednesday": a day that dates a report
    rather than what is reported."""
    v = _verb_of(tok)
    return after_reporting_verb(tok) or v is not None and lemma_in(v, tw.REPORTING_VERBS)


def dates_its_clause(tok: Any, weekday: bool = False) -> bool:
    """False when the expression headed by ``tok`` is not the time of its clause's event: a
    possessive ("Tuesday's ruling"), a limit ("until Nov. 20"), or a modifier of a noun or
    adjective ("payable Dec. 7", "the Nov. 1 deadline", "stock of record Nov. 10"). A range's
    end ("bought from Sept. 14 to Thursday") dates it when it is a day of the week."""
    while tok.dep_ in ("compound", "nmod") and tok.head.lower_ in tw.TIME_NOUNS:  # "Saturday evening"
        tok = tok.head
    if possessive(tok):
        return False
    head = tok.head
    if head.i == tok.i:
        return True
    if tok.dep_ == "pobj":
        return head.lower_ not in tw.LIMIT_PREPS or weekday and head.lower_ in tw.RANGE_END_PREPS
    if tok.dep_ in ("compound", "nmod", "amod", "npadvmod", "appos", "nummod") and head.pos_ in ("NOUN", "PROPN", "ADJ") \
            and not _misread_open(head):
        return False
    return True


def limit_word(tok: Any) -> str | None:
    """"until", "by", "through" ... when the time is after one: the end of what the clause tells."""
    tok = _time_head(tok)
    return tok.head.lower_ if tok.dep_ == "pobj" and tok.head.lower_ in tw.LIMIT_PREPS else None


def _planned_for(tok: Any) -> bool:
    """"a summit set for April", "planned a rally on Saturday", "set Nov. 10 as the deadline":
    the time a planning verb plans, which the verb's tense does not place (said in February,
    that March is the coming one)."""
    tok = _time_head(tok)
    if tok.dep_ in ("npadvmod", "dobj") and _plans(tok.head):
        return True
    prep = tok.head
    if tok.dep_ != "pobj" or prep.head.i == prep.i:
        return False
    if prep.lower_ == "for" and any(n.pos_ == "NOUN" and n.lemma_.lower() in tw.FORECAST_NOUNS
                                    for n in (prep.head, *(c for c in prep.head.children if c.dep_ == "dobj"))):
        return True  # "the forecast for Sunday", "issued a red flag warning for Thursday afternoon"
    planner = _verb_of_object(prep.head)  # "planned a large demonstration in May"
    if planner.i == prep.head.i and prep.lower_ != "for" and prep.lower_ not in tw.LIMIT_PREPS \
            and not any(c.dep_ in ("dobj", "xcomp") or c.lower_ == "for" for c in planner.children):
        # "planned a rally on Saturday": the day of what is planned; but "set down for 10 am
        # on Friday" is one planned time the parse hangs on the verb in two pieces
        return False
    return _plans(planner)


def set_ahead(tok: Any) -> bool:
    """True for a day of the week a planning verb told as past set ("scheduled a special
    meeting for Monday", "set the vote for Friday"): news tells what was planned for a day
    of the coming week, not for one already gone (not in the past perfect: "had been set for
    Monday", then put off)."""
    head = _time_head(tok)
    if head.dep_ != "pobj" or head.head.lower_ != "for":
        return False
    v = _verb_of(tok)
    # (not a participle naming what was planned: "a rally planned for Saturday drew crowds")
    return v is not None and v.dep_ != "acl" and _tense_of_verb(v) == "past" and not past_perfect(v) \
        and _planned_for(tok)


def _plans(verb: Any) -> bool:
    """A planning verb, not one its particle makes undoing the plan or leaving ("called off
    the race", "set out on Friday for a day hike", "moved out on Monday"), nor "move" with
    nothing moved, which is going somewhere ("the storm moved inland Thursday"; but "moved
    the vote to Thursday", "the vote was moved to Thursday")."""
    if verb.lemma_.lower() == "move" and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    return lemma_in(verb, tw.PLANNING_VERBS) and not any(c.dep_ == "prt" and c.lower_ in ("off", "out") for c in verb.children)


def expected(tok: Any) -> bool:
    """"shops expect record sales at Christmas", "forecast more rain over the weekend": the
    time of what an expecting verb has as object lies after the expecting, which news tells
    as it happens (not so in the past perfect: "had expected a rebound in February")."""
    tok = _time_head(tok)
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "a quiet fall and a busy spring"
        tok = tok.head
    if tok.dep_ == "dobj":  # "we expect a quiet fall"
        noun = tok
    elif tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:
        noun = tok.head.head
    else:
        return False
    if noun.pos_ == "VERB":  # "promised an election in July": the time after the object is its
        objects = [c for c in noun.children if c.dep_ == "dobj" and c.i < tok.head.i]
        if not objects or objects[0].ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") or tok.head.lower_ == "on":
            # (not after an amount, nor a day: "pledged $38 million in May", "threatened the
            # mayor on Monday" date the pledge and the threat)
            return False
        noun = objects[0]
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "forecast more rain and snow in January"
        noun = noun.head
    verb = _verb_of_object(noun)
    return verb.i != noun.i and lemma_in(verb, tw.EXPECTING_VERBS) \
        and _tense_of_verb(verb) in ("present", "past") and not past_perfect(verb)


# words that head a clock time in the parse ("9 a.m. Tuesday": "Tuesday" hangs on "a.m.")
CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "noon", "midnight"})


def _time_head(tok: Any) -> Any:
    """The word heading the time expression ``tok`` is in: "Tuesday morning" and "9 a.m.
    Tuesday" are told by "morning" and "a.m."."""
    for _ in range(3):
        head = tok.head
        if tok.dep_ not in ("compound", "nmod", "npadvmod", "appos") or head.i == tok.i \
                or not (head.lower_ in tw.TIME_NOUNS or head.lower_ in CLOCK_WORDS):
            break
        tok = head
    return tok


def _deferred_to(tok: Any) -> bool:
    """"postponed until Tuesday", "extended the deadline to Friday": a time something is
    moved to lies after the moving, which is news: ahead of the writing."""
    tok = _time_head(tok)
    prep = tok.head
    if tok.dep_ == "npadvmod" and any(c.dep_ == "prep" and c.lower_ in tw.LIMIT_PREPS and c.i < tok.i for c in prep.children):
        verb = prep  # "extended its offer to 5 p.m. EDT Aug. 22", the day hung on the verb
    else:
        if prep.lower_ == "after" and prep.head.lower_ in ("until", "till") and prep.head.i != prep.i:
            prep = prep.head  # "delayed projects until after January 1"
        if tok.dep_ != "pobj" or prep.lower_ not in tw.LIMIT_PREPS or prep.head.i == prep.i:
            return False
        owner = prep.head
        if owner.lower_ == "from" and owner.dep_ == "prep" or _deferring_particle(owner):
            owner = owner.head  # "delayed from June to October", "pushed back to October"
        verb = _verb_of_object(owner)  # "extended its deadline until 9 a.m."
    return _defers(verb) and not past_perfect(verb)


def _deferring_particle(tok: Any) -> bool:
    """"back" in "pushed back", "off" in "put off"."""
    return tok.lower_ in ("back", "off") and tok.dep_ in ("prt", "advmod")


def _defers(verb: Any) -> bool:
    """"postponed", "delayed", and the phrasal "pushed back", "put off"."""
    return lemma_in(verb, tw.DEFERRING_VERBS) \
        or verb.lemma_.lower() in ("push", "put") and any(_deferring_particle(c) for c in verb.children)


def _earliest(tok: Any) -> bool:
    """"as early as Tuesday", "as soon as next week": the earliest time something may
    happen, which lies ahead when no tense places it."""
    tok = _time_head(tok)
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "as" and prep.head.lower_ in ("early", "soon")


def present_perfect(v: Any) -> bool:
    """"has been called", "have set": a verb told in the present perfect."""
    return v.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ in ("has", "have", "'s", "'ve") for a in v.children)


def _verb_of_object(tok: Any) -> Any:
    """The verb ``tok`` is the object of ("planned a rally", "extended its deadline"), else ``tok``."""
    return tok.head if tok.dep_ == "dobj" and tok.head.i != tok.i else tok


def _due_word(tok: Any) -> Any | None:
    """The "due" or "payable" a time hangs on ("due in the autumn", "due Tuesday"), else None."""
    tok = _time_head(tok)
    if tok.dep_ == "npadvmod":
        word = tok.head
    elif tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:
        word = tok.head.head
    else:
        return None
    return word if word.lower_ in ("due", "payable") else None


def due(tok: Any) -> bool:
    """"elections due in the autumn", "a dividend payable on April 4": the time a noun's
    "due" or "payable" gives lies ahead, whatever the clause around tells; one right after
    it ("the report due Tuesday") unless that clause is past ("missed a payment due Dec.
    15"); and one told as due in the present ("the report is due Tuesday", not "was due")."""
    word = _due_word(tok)
    if word is None:
        return False
    if word.dep_ == "acomp":
        return word.head.i != word.i and _is_verb(word.head) and _tense_of_verb(word.head) == "present"
    if word.dep_ not in ("amod", "advcl") and not (word.dep_ == "prep" and word.lower_ == "due"):
        return False  # ("watching employment figures due on Friday", "due" misread as a preposition)
    if _time_head(tok).dep_ == "npadvmod":
        # "turns to the report due Tuesday"; a past clause tells of a time due then ("missed
        # an interest payment due Dec. 15")
        return (v := _verb_of(word)) is None or _tense_of_verb(v) != "past"
    return True  # "raised its dividend, payable to holders of record on May 1"


def foreseen(tok: Any) -> bool:
    """"with a foot of snow possible by Wednesday", "with storms likely on Friday": the time
    of what is told as possible or likely lies ahead, whatever the clause around tells."""
    tok = _time_head(tok)
    if tok.dep_ != "pobj" or tok.head.head.i == tok.head.i:
        return False
    noun = tok.head.head
    if noun.pos_ == "VERB" and _forecasts_a_thing(noun):
        return True
    return noun.pos_ in ("NOUN", "VERB") and any(c.dep_ == "amod" and c.lower_ in _LIKELIHOOD for c in noun.children)


_FORECASTING_VERBS = ("forecast", "predict", "warn")


def _forecasts_a_thing(verb: Any) -> bool:
    """True for a verb that forecasts a thing, not a clause ("forecast more heavy rain through
    the weekend", "warned of disruption over the weekend"; not "warned on Saturday that talks
    could fail"): the time on it is the time of what is forecast."""
    if verb.lemma_.lower() not in _FORECASTING_VERBS or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" or c.dep_ == "prep" and c.lower_ == "of" for c in verb.children)


def _across_quote(tok: Any, v: Any) -> bool:
    """True when an odd number of quotation marks stands between ``tok`` and its verb: the
    parse has hung a time outside a quotation on a verb inside it, or the reverse ("White
    House on Thursday: \"We have been subjected to false leaks\"")."""
    lo, hi = sorted((tok.i, v.i))
    return len(_QUOTE_MARK.findall(tok.doc[lo + 1:hi].text)) % 2 == 1


def clause_tense(tok: Any) -> str | None:
    """'past', 'future', 'present' or None for the clause governing ``tok``."""
    if after_reporting_verb(tok):
        return "past"
    if due(tok):
        return "future"
    v = _verb_of(tok)
    if v is None or _across_quote(tok, v):
        return None
    tense = _tense_of_verb(v)
    if tense == "present" and lemma_in(v, tw.EXPECTING_VERBS):
        return "future"  # "analysts expect prices to fall in December"
    if tense != "future" and _deferred_to(tok):
        return "future"
    if tense is None and _earliest(tok):
        return "future"  # "could be on strike as early as Tuesday"
    if tense != "future" and _planned_for(tok):
        # "is scheduled for March", "has been set down for Friday": ahead
        return "future" if tense == "present" or present_perfect(v) else None
    return tense
