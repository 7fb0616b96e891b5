"""The event taxonomy and the trigger lexicon it is recognised by.

Each type maps to a CAMEO root code (``"04"`` consult, ``"05"`` diplomatic cooperation,
…) so results line up with GDELT-style event data. A few general-news types that CAMEO
does not cover (launches, deaths, appointments…) have no code (``None``).

The lexicon holds general English verb and noun classes only: lemmas as spaCy gives them.
"""

from __future__ import annotations

from typing import Any

# type -> CAMEO root code
TYPES: dict[str, str | None] = {
    "statement": "01",
    "appeal": "02",
    "intent_to_cooperate": "03",
    "visit": "04",
    "meet": "04",
    "diplomatic_cooperation": "05",
    "agreement_signed": "05",
    "relations_established": "05",
    "relations_normalized": "05",
    "recognition": "05",
    "material_cooperation": "06",
    "aid": "07",
    "investigate": "09",
    "demand": "10",
    "accuse": "11",
    "reject": "12",
    "threaten": "13",
    "protest": "14",
    "force_posture": "15",
    "relations_broken": "16",
    "coerce": "17",
    "arrest": "17",
    "sue": "17",
    "assault": "18",
    "kill": "18",
    "fight": "19",
    # general news, outside CAMEO
    "launch": None,
    "transaction": None,
    "founding": None,
    "appointment": None,
    "resignation": None,
    "dismissal": None,
    "election": None,
    "ruling": None,
    "birth": None,
    "death": None,
    "change": None,  # a quantity rises or falls: prices, sales, shares, jobs
    "result": None,  # a company's results: "posted a loss", "reported record profits"
    "delay": None,
    "recall": None,  # of products
    "bankruptcy": None,
    "absence": None,  # a leave of absence: medical, maternity, sabbatical
    "action": None,  # an act outside the lexicon told alongside a typed event, by the same actor
    "occurrence": None,  # any other event: an occurrence, action or change of state the text reports
}


def cameo(type_: str) -> str | None:
    """CAMEO root code of an event type (``None`` for types outside CAMEO)."""
    return TYPES.get(type_)


def _expand(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {lemma: type_ for type_, lemmas in table.items() for lemma in lemmas}


VERBS: dict[str, str] = _expand({
    "statement": ("say", "tell", "announce", "declare", "state", "add", "note", "stress", "underline",
                  "emphasize", "emphasise", "explain", "comment", "affirm", "reaffirm", "reiterate",
                  "confirm", "indicate", "tweet", "write", "acknowledge", "admit", "claim", "insist",
                  "assert", "remark", "predict", "describe", "argue", "reveal", "disclose", "estimate", "call",
                  "report", "hint", "attribute", "forecast", "testify"),
    "appeal": ("urge", "appeal", "ask", "request", "invite", "implore", "plead", "recommend"),
    "intent_to_cooperate": ("pledge", "promise", "vow", "offer", "commit"),
    "visit": ("visit", "travel", "tour", "fly", "return"),
    "meet": ("meet", "talk", "discuss", "negotiate", "consult", "host", "receive", "welcome", "confer"),
    "diplomatic_cooperation": ("praise", "endorse", "support", "back", "hail", "commend", "congratulate",
                               "cooperate", "apologize", "apologise", "forgive", "thank"),
    "agreement_signed": ("sign", "ink", "ratify"),
    "relations_normalized": ("normalize", "normalise"),
    "recognition": ("recognize", "recognise"),
    "material_cooperation": ("supply", "export", "import", "deliver", "train", "share", "exchange", "invest"),
    "aid": ("donate", "aid", "assist", "fund", "finance", "rescue", "lend", "subsidize", "subsidise"),
    "investigate": ("investigate", "probe", "inspect", "inquire", "examine"),
    "demand": ("demand", "require"),
    "accuse": ("accuse", "criticize", "criticise", "condemn", "denounce", "blame", "slam", "decry",
               "rebuke", "censure", "allege"),
    "reject": ("reject", "refuse", "deny", "veto", "rebuff", "oppose", "dismiss"),
    "threaten": ("threaten", "warn"),
    "protest": ("protest", "demonstrate", "rally", "march", "boycott"),
    "force_posture": ("deploy", "mobilize", "mobilise", "station", "mass"),
    "relations_broken": ("sever", "expel", "recall"),
    "coerce": ("sanction", "seize", "confiscate", "ban", "blockade", "deport", "impose", "raid"),
    "arrest": ("arrest", "detain", "imprison", "jail", "capture", "convict", "sentence", "charge", "indict"),
    "sue": ("sue",),
    "assault": ("assault", "abduct", "kidnap", "torture", "stab", "wound", "injure", "hijack"),
    "kill": ("kill", "assassinate", "murder", "execute", "behead", "massacre"),
    "fight": ("attack", "bomb", "shell", "invade", "occupy", "strike", "fight", "battle", "clash",
              "shoot", "fire"),
    "launch": ("launch", "release", "unveil", "introduce", "debut", "ship", "open", "present", "demo",
               "showcase", "show", "preview", "rename", "rebrand", "relaunch",
               "discontinue", "develop", "produce", "manufacture", "build", "assemble"),
    "transaction": ("sell", "buy", "acquire", "purchase", "merge", "license", "order", "lease"),
    "founding": ("found", "establish", "create", "start", "co-found", "cofound"),
    "appointment": ("appoint", "name", "hire", "nominate", "promote", "succeed", "join", "rejoin", "reassume",
                    "reappoint", "renominate"),
    "resignation": ("resign", "quit", "retire", "leave", "step"),
    "dismissal": ("oust", "sack", "depose", "remove"),
    "election": ("elect", "vote", "win", "reelect", "re-elect"),
    "ruling": ("rule", "acquit", "overturn", "settle", "lose"),
    "birth": ("bear",),
    "death": ("die",),
    "change": ("rise", "fall", "drop", "decline", "climb", "increase", "decrease", "grow", "reduce", "lower",
               "raise", "cut", "surge", "plunge", "slump", "jump", "soar", "slide", "gain", "tumble", "double",
               "halve", "slash", "hike", "boost", "shrink", "dip", "sink", "rebound", "recover", "plummet"),
    "delay": ("delay", "postpone", "defer"),
    "recall": ("recall",),  # products; "recalled its ambassador" is a break of relations
})

# lemmas whose event needs an entity on the receiving side to be one of ours
# ("received the trademark" is no meeting; "received the minister" is one)
NEEDS_TARGET: frozenset[str] = frozenset({
    "receive", "welcome", "host", "share", "exchange", "present", "open", "name", "fire", "leave",
    "step", "create", "start", "establish", "remove", "win", "lose", "support", "back", "rule", "mass",
    "station", "charge", "sentence", "fly", "talk", "join", "rejoin", "show", "build",
    "order", "raise", "lower", "cut", "reduce", "boost", "gain", "double", "halve", "slash", "hike", "lend",
})
# objects that make "won"/"lost" an election ("lost the 2022 election")
ELECTION_OBJECTS: frozenset[str] = frozenset({
    "election", "vote", "poll", "race", "ballot", "referendum", "primary", "runoff", "run-off", "seat",
    "presidency", "mandate", "majority", "nomination", "leadership", "contest"})
# objects that make "won"/"lost" a ruling without a named party ("lost its court case")
CASE_OBJECTS: frozenset[str] = frozenset({"case", "lawsuit", "suit", "appeal", "trial", "dispute", "battle",
                                          "challenge", "bid", "vote", "election"})
# objects that make a verb of NEEDS_TARGET news without a named receiver ("cut 2,000 jobs")
SPECIFIC_OBJECTS: frozenset[str] = CASE_OBJECTS | frozenset({
    "job", "worker", "employee", "workforce", "price", "production", "output", "forecast", "rate", "stake",
    "cost", "capacity", "dividend", "share", "fare", "tariff", "tax", "salary", "wage", "investment",
})
# "posted a loss", "reported record profits": verbs that announce results, and the results
RESULT_VERBS: frozenset[str] = frozenset({"post", "report", "record", "earn", "book", "announce", "make"})
RESULT_OBJECTS: frozenset[str] = frozenset({
    "profit", "loss", "revenue", "earnings", "income", "deficit", "surplus", "result", "turnover",
})
# objects whose "in"/"of" phrase names the one acted on ("a stake in Chrysler")
STAKE_OBJECTS: frozenset[str] = frozenset({"stake", "share", "interest", "control", "holding", "majority"})
# nouns that stand for a measure of whoever owns them ("Airbus's sales", "shares of GM")
MEASURE_NOUNS: frozenset[str] = frozenset({
    "share", "stock", "sale", "revenue", "profit", "earnings", "price", "value", "output", "production",
    "workforce", "income", "loss", "deliveries", "delivery", "order", "valuation", "market", "capitalization",
})
# a head noun that turns a compound event noun into the event ("bankruptcy protection")
EVENT_HEADS: frozenset[str] = frozenset({"protection", "filing", "proceeding", "proceedings"})

# (verb lemma, particle or preposition) -> type; checked before VERBS
PHRASAL: dict[tuple[str, str], str] = {
    ("call", "for"): "appeal",
    ("call", "on"): "appeal",
    ("call", "upon"): "appeal",
    ("step", "down"): "resignation",
    ("set", "up"): "founding",
    ("carry", "out"): "fight",
    ("break", "off"): "relations_broken",
    ("cut", "off"): "relations_broken",
    ("crack", "down"): "coerce",
    ("pull", "out"): "force_posture",
    ("walk", "out"): "protest",
    ("show", "off"): "launch",
    ("roll", "out"): "launch",
    ("talk", "about"): "statement",
    ("lay", "off"): "dismissal",
    ("bail", "out"): "aid",
    ("push", "back"): "delay",
    ("step", "aside"): "resignation",
}

# verbs whose type depends on the object: "set up ties", "cut relations", "reach a deal"
RELATION_OBJECTS: frozenset[str] = frozenset({"tie", "ties", "relation", "relations", "relationship"})
AGREEMENT_OBJECTS: frozenset[str] = frozenset({
    "agreement", "deal", "accord", "treaty", "pact", "memorandum", "mou", "contract", "convention",
    "declaration", "protocol", "ceasefire", "truce", "arrangement",
})
RELATION_VERBS: dict[str, str] = {
    "establish": "relations_established", "set": "relations_established", "forge": "relations_established",
    "open": "relations_established", "restore": "relations_established", "resume": "relations_established",
    "renew": "relations_established", "launch": "relations_established", "upgrade": "relations_established",
    "normalize": "relations_normalized", "normalise": "relations_normalized",
    "break": "relations_broken", "sever": "relations_broken", "cut": "relations_broken",
    "suspend": "relations_broken", "freeze": "relations_broken", "end": "relations_broken",
    "downgrade": "relations_broken", "close": "relations_broken",
}
AGREEMENT_VERBS: frozenset[str] = frozenset({
    "sign", "reach", "strike", "conclude", "seal", "ink", "finalize", "finalise", "agree", "ratify", "broker",
})

# verbs that put an event off to a set time ("slated for release"), a part of PLAN_HEADS
# that also carries a nominal event ("slated for a U.S. release")
SCHEDULING: frozenset[str] = frozenset({"slate", "schedule", "set", "plan", "earmark", "time"})


def past_stems(word: str) -> tuple[str, ...]:
    """What a past form may be the past of, for the lemmatiser's misses ("reappointed" →
    "reappointe", "reappoint"; "slated" → "slate", "slat")."""
    return (word[:-1], word[:-2]) if word.endswith("ed") else ()


def lemma_in(tok: Any, words: frozenset[str] | set[str]) -> bool:
    """True when a token's lemma, or the verb its past form comes from, is one of ``words``."""
    return tok.lemma_.lower() in words or any(stem in words for stem in past_stems(tok.lower_))


# "leave" is an absence only in these company ("took medical leave", "a leave of absence",
# "went on leave"), not "leave to appeal"
LEAVE_KINDS: frozenset[str] = frozenset({
    "medical", "sick", "maternity", "paternity", "parental", "unpaid", "paid", "compassionate", "extended",
    "indefinite", "administrative", "annual", "personal", "temporary"})
LEAVE_VERBS: frozenset[str] = frozenset({"take", "go", "return", "begin", "start", "announce", "extend", "grant",
                                         "request", "end", "place", "put"})

NOUNS: dict[str, str] = _expand({
    "statement": ("announcement", "declaration", "remark", "speech", "statement", "keynote", "address",
                  "claim", "forecast"),
    "appeal": ("appeal", "plea", "invitation", "request"),
    "intent_to_cooperate": ("pledge", "promise", "offer"),
    "visit": ("visit", "trip", "tour", "voyage", "journey", "appearance", "return"),
    "meet": ("meeting", "talk", "summit", "negotiation", "consultation", "conference", "encounter",
             "interview"),
    "diplomatic_cooperation": ("cooperation", "co-operation", "support", "praise"),
    "agreement_signed": ("signing", "signature", "ratification"),
    "relations_normalized": ("normalization", "normalisation", "rapprochement"),
    "recognition": ("recognition",),
    "material_cooperation": ("delivery", "export", "exchange", "training", "investment", "sale", "purchase"),
    "aid": ("aid", "assistance", "donation", "relief", "bailout", "loan", "subsidy", "rescue"),
    "investigate": ("investigation", "probe", "inquiry", "inspection"),
    "demand": ("demand", "ultimatum"),
    "accuse": ("accusation", "criticism", "condemnation", "allegation", "dispute", "complaint"),
    "reject": ("rejection", "refusal", "denial", "veto"),
    "threaten": ("threat", "warning"),
    "protest": ("protest", "demonstration", "rally", "boycott", "strike"),
    "force_posture": ("deployment", "mobilization", "mobilisation", "buildup", "build-up"),
    "relations_broken": ("severance", "rupture", "expulsion"),
    "coerce": ("sanction", "embargo", "blockade", "crackdown", "seizure", "ban", "deportation", "raid"),
    "arrest": ("arrest", "detention", "conviction", "indictment"),
    "sue": ("lawsuit", "suit", "litigation"),
    "assault": ("assault", "abduction", "kidnapping", "bombing", "hijacking"),
    "kill": ("killing", "assassination", "murder", "execution", "massacre"),
    "fight": ("attack", "airstrike", "offensive", "invasion", "occupation", "war", "clash", "fighting",
              "battle", "shelling", "incursion"),
    "launch": ("launch", "release", "unveiling", "introduction", "debut", "rollout", "production"),
    "transaction": ("acquisition", "takeover", "merger", "order", "pre-order", "preorder"),
    "founding": ("founding", "foundation"),
    "appointment": ("appointment", "nomination"),
    "resignation": ("resignation", "retirement"),
    "dismissal": ("dismissal", "ouster", "firing", "layoff"),
    "election": ("election", "vote", "victory", "win"),
    "ruling": ("ruling", "verdict", "judgment", "judgement", "settlement", "trial"),
    "birth": ("birth",),
    "death": ("death",),
    "change": ("increase", "decrease", "decline", "drop", "rise", "cut", "reduction", "growth", "slump", "plunge",
               "surge", "hike", "downturn", "rebound", "recovery", "slowdown"),
    "delay": ("delay", "postponement"),
    "recall": ("recall",),
    "bankruptcy": ("bankruptcy", "insolvency", "liquidation"),
})
# nouns that name a relation change when followed by "of ties/relations"
RELATION_NOUNS: dict[str, str] = {
    "establishment": "relations_established", "restoration": "relations_established",
    "resumption": "relations_established", "opening": "relations_established",
    "normalization": "relations_normalized", "normalisation": "relations_normalized",
    "severance": "relations_broken", "severing": "relations_broken", "rupture": "relations_broken",
    "breaking": "relations_broken", "suspension": "relations_broken", "break": "relations_broken",
}
# nouns whose possessor / "of" complement is the one acted on ("his arrest")
PATIENT_NOUNS: frozenset[str] = frozenset({
    "arrest", "detention", "conviction", "indictment", "killing", "assassination", "murder", "execution",
    "abduction", "kidnapping", "expulsion", "deportation", "dismissal", "ouster", "firing", "appointment",
    "nomination", "release", "launch", "unveiling", "introduction", "signing", "ratification", "death",
    "birth", "recognition", "invasion", "occupation", "acquisition", "takeover", "sale", "purchase",
    "recall", "rollout", "production", "delay", "order", "pre-order", "preorder",
})
# verbs whose object noun is the real event ("made a visit", "held talks", "filed a lawsuit")
LIGHT_VERBS: frozenset[str] = frozenset({
    "make", "pay", "hold", "conduct", "carry", "launch", "file", "stage", "begin", "start", "have",
    "give", "deliver", "issue", "lodge", "bring", "take", "undertake", "mount", "wage", "open", "host",
    "attend", "resume", "continue", "announce", "complete", "finish", "end", "lead", "organize",
    "organise", "join", "call", "order", "impose", "levy", "express", "voice", "extend", "accept",
})

# modality cues
FUTURE_AUX: frozenset[str] = frozenset({"will", "'ll", "shall", "wo", "would", "may", "might", "could", "can", "must",
                                        "should", "ought"})
PLAN_HEADS: frozenset[str] = frozenset({
    "plan", "intend", "expect", "schedule", "due", "set", "aim", "hope", "want", "prepare", "seek",
    "propose", "likely", "going", "try", "wish", "decide", "agree", "consider", "mull", "poised",
    "slate", "eager", "ready", "about", "need", "offer", "threaten", "vow", "pledge", "promise",
})
PLAN_ADJ: frozenset[str] = frozenset({
    "planned", "upcoming", "expected", "scheduled", "forthcoming", "future", "proposed", "possible",
    "next", "potential", "prospective", "anticipated", "coming", "imminent", "likely",
})
HEDGE_ADV: frozenset[str] = frozenset({
    "reportedly", "allegedly", "purportedly", "apparently", "supposedly", "seemingly", "rumoredly",
})
HEDGE_HEADS: frozenset[str] = frozenset({"allege", "claim", "rumor", "rumour", "suspect"})
# passive report verbs: "is said to", "is believed to"
HEDGE_PASSIVE: frozenset[str] = frozenset({"say", "believe", "report", "think", "allege", "rumor", "rumour",
                                            "understand", "suspect", "claim"})
# verbs that state how things are, or only frame another verb: never an act of their own
STATIVE_VERBS: frozenset[str] = frozenset({
    "be", "have", "seem", "appear", "become", "remain", "stay", "keep", "continue", "begin", "start", "need",
    "want", "like", "love", "know", "think", "believe", "feel", "mean", "include", "contain", "consist",
    "own", "belong", "cost", "weigh", "equal", "matter", "let", "help", "try", "get", "go", "come", "use",
    "allow", "enable", "cause", "follow", "expect", "hope", "plan", "see", "look", "tend", "fail", "manage",
    "make", "do", "give", "take", "put", "set", "bring", "hold", "lead", "leave", "result", "base", "compare",
    "concern", "involve", "relate", "regard", "depend", "require", "exist", "lack", "deserve", "fit",
    "suggest", "seek", "wait", "aim", "intend", "say", "call", "find", "consider", "add",
})
# of those, the ones that are acts with a particle ("took the phone out", "set up", "gave up")
LIGHT_WITH_PARTICLE: frozenset[str] = frozenset({"take", "give", "put", "set", "bring", "hold", "go", "come",
                                                 "make", "get", "keep", "leave"})
PARTICLES: frozenset[str] = frozenset({"out", "up", "off", "down", "back", "away", "over", "in"})
# subordinators of clauses that tell no fact ("if", "unless")
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless", "whether", "lest", "without", "instead", "than"})
DENY_HEADS: frozenset[str] = frozenset({"deny", "refute", "dispute", "disavow"})
NEG_WORDS: frozenset[str] = frozenset({"not", "n't", "never", "no"})
