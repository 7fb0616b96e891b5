"""The event taxonomy and the word classes event extraction reads, from ``data/events.json``.

Each type maps to a CAMEO root code (``"04"`` consult, ``"05"`` diplomatic cooperation,
…) so results line up with GDELT-style event data; general-news types CAMEO does not
cover (launches, deaths, appointments…) have none. A type's ``family`` groups types that
may name the same real event ("signed a deal" / "the deal sealed their cooperation").
Adding a type, or a word to one, is an edit of the data file alone.

The lists hold general English word classes only: lemmas as spaCy gives them.

- needs_target: verbs whose event needs an entity on the receiving side ("received the
  minister" is a meeting, "received the trademark" is not)
- election_objects / case_objects: objects that make "won"/"lost" an election or a ruling
- specific_objects: with case_objects, objects that make a needs_target verb news
  without a named receiver ("cut 2,000 jobs")
- result_verbs / result_objects: "posted a loss", "reported record profits"
- stake_objects: objects whose "in"/"of" phrase names the one acted on ("a stake in X")
- measure_nouns: nouns standing for a measure of their owner ("Airbus's sales")
- event_heads: head nouns that make a compound event noun the event ("bankruptcy protection")
- relation_objects: "set up ties" (agreements and their verbs: kb.lexicon.names)
- scheduling: verbs that put an event off to a set time ("slated for release")
- leave_kinds, leave_verbs: "took medical leave", "went on leave" (not "leave to appeal")
- patient_nouns: nouns whose possessor is the one acted on ("his arrest")
- light_verbs: verbs whose object noun is the real event ("held talks", "filed a lawsuit")
- plan_heads, plan_adj: what is planned ("plans to", "upcoming"); so is what a modal
  auxiliary governs ("will sign", "could sign": kb.lexicon.time_words)
- hedge_adv, hedge_heads, hedge_passive: what is only reported ("allegedly", "is said to")
- stative_verbs: verbs that state how things are or frame another verb
- light_with_particle, particles: of those, the acts with a particle ("set up", "gave up")
- condition_marks: subordinators of clauses that tell no fact ("if", "unless")
- deny_heads: verbs whose complement is denied ("denied attacking")
- dismissal_verbs: "fired the minister"
- agent_nouns: nouns naming people or bodies acting for whoever modifies them ("the French side")
- org_nouns, product_references: definite descriptions of an organisation ("the company")
  or a product ("the phone") named before (a state's, "the kingdom": kb.lexicon.names)
- singular_pronouns, thing_pronouns, plural_pronouns: who "he", "it" and "they" may be
- background_adverbs: earlier history, not the day's news ("had twice before sued")
- vague_times: time words that place nothing ("now", "recently")
- sequence_adverbs: adverbs that set a clause after the one it hangs on ("later revealing")
- tenseless_marks: the only markers of a clause told at its governing clause's time
- simultaneity_marks: subordinators of a clause told as happening when its governing one
  did ("… in November, when he was named")
- bounding_preps: prepositions placing an event before or after another, not at its date
- illnesses: "lost his battle with cancer" is a death, not a fight
- target_preps, group_preps, theme_preps: prepositions whose object is the one acted on
  ("talks with Morocco"), the ones acting together ("a deal between X and Y"), or what an
  event is about ("a dispute over the name")
- plan_participles: participles after a noun that make it planned ("the summit scheduled")
- raising_verbs: verbs whose "it" stands for nothing ("it seems that …")
- comparison_words: words before a mention only compared with ("as big as an iPod")
"""

from __future__ import annotations

from typing import Any

from kb.lexicon import LexiconError, json_data, names, part, time_words

_FILE = "events.json"


def _load() -> dict[str, Any]:
    data = json_data(_FILE)
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise LexiconError(f"{_FILE}: no event types")
    for name, entry in types.items():
        for key in ("verbs", "nouns"):
            words = entry.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise LexiconError(f"{_FILE}: type {name!r}: {key} must be a list of words")
        if entry.get("family") is not None and not isinstance(entry["family"], str):
            raise LexiconError(f"{_FILE}: type {name!r}: family must be a name")
    for key in ("verbs", "nouns"):
        seen: dict[str, str] = {}
        for name, entry in types.items():
            for w in entry.get(key, ()):
                if w in seen:
                    raise LexiconError(f"{_FILE}: {w!r} is one of the {key} of both {seen[w]!r} and {name!r}")
                seen[w] = name
    for table in ("phrasal", "relation_verbs", "relation_nouns"):
        unknown = sorted(set(data.get(table, {}).values()) - set(types))
        if unknown:
            raise LexiconError(f"{_FILE}: {table} names unknown types: {', '.join(unknown)}")
    return data


def _expand(key: str) -> dict[str, str]:
    """Lemma -> type for the ``verbs`` or ``nouns`` of every type (a later type wins)."""
    return {lemma: type_ for type_, entry in _DATA["types"].items() for lemma in entry.get(key, ())}


def _words(name: str) -> frozenset[str]:
    return frozenset(part(_DATA, _FILE, "lists", name))


_DATA = _load()

# type -> CAMEO root code (None outside CAMEO)
TYPES: dict[str, str | None] = {t: e.get("cameo") for t, e in _DATA["types"].items()}
# type -> family of types that may name the same event
FAMILIES: dict[str, str] = {t: e.get("family") or t for t, e in _DATA["types"].items()}
VERBS: dict[str, str] = _expand("verbs")
NOUNS: dict[str, str] = _expand("nouns")
# (verb lemma, particle or preposition) -> type; checked before VERBS
PHRASAL: dict[tuple[str, str], str] = {
    (k.split(" ", 1)[0], k.split(" ", 1)[1]): v for k, v in _DATA["phrasal"].items()}
RELATION_VERBS: dict[str, str] = dict(_DATA["relation_verbs"])
# nouns that name a relation change when followed by "of ties/relations"
RELATION_NOUNS: dict[str, str] = dict(_DATA["relation_nouns"])

NEEDS_TARGET = _words("needs_target")
ELECTION_OBJECTS = _words("election_objects")
CASE_OBJECTS = _words("case_objects")
SPECIFIC_OBJECTS = CASE_OBJECTS | _words("specific_objects")
RESULT_VERBS = _words("result_verbs")
RESULT_OBJECTS = _words("result_objects")
STAKE_OBJECTS = _words("stake_objects")
MEASURE_NOUNS = _words("measure_nouns")
EVENT_HEADS = _words("event_heads")
RELATION_OBJECTS = _words("relation_objects")
# agreements and the verbs that conclude them, and the nouns a state is referred to by
# ("the kingdom", "the government"), are the entity lexicon's lists
AGREEMENT_OBJECTS = names.AGREEMENT_HEADS
AGREEMENT_VERBS = names.SIGN_VERBS
SCHEDULING = _words("scheduling")
LEAVE_KINDS = _words("leave_kinds")
LEAVE_VERBS = _words("leave_verbs")
PATIENT_NOUNS = _words("patient_nouns")
LIGHT_VERBS = _words("light_verbs")
MODAL_AUX = time_words.MODAL_AUX
PLAN_HEADS = _words("plan_heads")
PLAN_ADJ = _words("plan_adj")
HEDGE_ADV = _words("hedge_adv")
HEDGE_HEADS = _words("hedge_heads")
HEDGE_PASSIVE = _words("hedge_passive")
STATIVE_VERBS = _words("stative_verbs")
LIGHT_WITH_PARTICLE = _words("light_with_particle")
PARTICLES = _words("particles")
CONDITION_MARKS = _words("condition_marks")
DENY_HEADS = _words("deny_heads")
DISMISSAL_VERBS = _words("dismissal_verbs")
AGENT_NOUNS = _words("agent_nouns")
ORG_NOUNS = _words("org_nouns")
PRODUCT_REFERENCES = _words("product_references")
STATE_NOUNS = names.STATE_NOUNS
SINGULAR_PRONOUNS = _words("singular_pronouns")
THING_PRONOUNS = _words("thing_pronouns")
PLURAL_PRONOUNS = _words("plural_pronouns")
BACKGROUND_ADVERBS = _words("background_adverbs")
VAGUE_TIMES = _words("vague_times")
SEQUENCE_ADVERBS = _words("sequence_adverbs")
TENSELESS_MARKS = _words("tenseless_marks")
SIMULTANEITY_MARKS = _words("simultaneity_marks")
BOUNDING_PREPS = _words("bounding_preps")
ILLNESSES = _words("illnesses")
TARGET_PREPS = _words("target_preps")
GROUP_PREPS = _words("group_preps")
THEME_PREPS = _words("theme_preps")
PLAN_PARTICIPLES = _words("plan_participles")
RAISING_VERBS = _words("raising_verbs")
COMPARISON_WORDS = _words("comparison_words")


def cameo(type_: str) -> str | None:
    """CAMEO root code of an event type (``None`` for types outside CAMEO)."""
    return TYPES.get(type_)
