"""The general-knowledge word lists of entity extraction, resolution and lookup, from
``data/names.json``; the one :func:`fold` of names and the one :func:`title_key` of titles.

State data comes from the pinned ``countryinfo`` package (names, alternative spellings,
demonyms, capitals); the tables of the data file hold what it lacks. Nothing here imports
spaCy, so queries, the graph and lookup read it too.

Tables (text -> canonical state name, unless said otherwise):

- state_renames: the usual English name where the package keeps an older or formal one
- state_short_forms: short forms in common news use ("U.S.", "Britain"); the package's
  upper-case codes are too ambiguous ("IN", "IS", "NO")
- demonyms: demonyms the package lacks (it keeps one per country)
- seats: capitals and seats of government named for the state's government ("Rabat said")
- state_epithets: epithets that name one state in news writing, lower case ("the hebrew state")
- british_spellings: British spelling -> American, so one office told both ways is one role
- agreement_synonyms: agreement nouns made one in an unnamed agreement's name ("deal",
  "accord" -> "agreement"; "MoU" -> "memorandum of understanding")
- trade_words: words naming a company's trade, folded to the singular ("motors" -> "motor"):
  dropped in everyday use ("Toyota Motor Corp." / "Toyota") but also what tells sister
  companies apart ("Mitsubishi Motors" / "Mitsubishi Corp.")

Lists:

- skipped_countries: package entries that are no state today
- not_state_demonyms: demonyms that mostly name a people, language or religion ("Arab")
- seat_buildings: seats that are a building, not a city, when named as a place
- ambiguous_states: country names that are also common first names or surnames ("Jordan")
- honorifics: dropped from names, never kept as roles
- title_heads: words that head a title ("Defense Minister", "head of American diplomacy")
- weak_title_heads: title heads that need a complement to be a role ("head of X")
- standalone_titles: title words kept as a role even alone before a name ("King", "President")
- title_adjectives: adjectives inside a title ("Supreme Leader", "Deputy Prime Minister")
- invertible_titles: titles written either way round ("Minister of Defense" / "Defense Minister")
- personal_offices: offices only a person holds, that "X as ..." gives a name
- monarch_heads: the words of a monarch's title ("King", "Crown Prince")
- name_suffixes: generation and regnal suffixes that close a personal name ("Jr.", "VI")
- pronouns: words no name is made of (nor are weekdays and months, read from
  kb.lexicon.time_words)
- caption_words: words that open a link caption or credit and fool the model into a name
- platforms: online platforms and services, organisations, never people or places
- news_agencies: news and photo agencies, named in credits and captions ("Photo: AFP")
- org_suffixes: words besides legal forms that close an organisation's name ("Front", "Council")
- legal_forms: legal forms, folded: how a company is registered, never which company it is,
  so names that differ only by one are one thing ("Siemens AG" / "Siemens"); as written
  (``LEGAL_SUFFIXES``: "AG", "S.A.", "Inc.") they close a company's name
- org_words: with org_suffixes and legal forms, words that make a name a company's rather
  than a product's ("Samsung Electronics")
- generic_orgs: common nouns the model tags as organisations ("Parliament", "Ministry")
- club_prefixes: words before a city that make it a sports club ("Real Madrid", "FC Porto")
- product_nouns: nouns naming the kind of product a proper name before them is ("its Galaxy phone")
- product_name_words: words that, after a name's first word, make it a product ("MacBook Pro")
- product_makers: makers whose name and a capitalised word name a model ("Nissan Leaf")
- product_of: words before "of" that make what follows a product ("versions of Windows Vista")
- numbered_nouns: capitalised words a number follows without making a product ("Article 5")
- quantity_words: words after a number that make it a quantity ("4 million", "5 times")
- units, unit_tails: units after or glued to a number ("16 GB", "5km")
- not_model_letters: short capitals that never end a model name ("US", "PM")
- new_words: words that say a product is the new one ("the new iPhone")
- owners: possessives a product name follows ("its Prius")
- place_preps, place_nouns: words before a capital named as a place ("in Rabat", "the capital")
- speech_verbs: verbs whose subject is a speaker, so a name in a person's position
- appointing_verbs: verbs that put someone in an office ("appointed", "named")
- appos_stop_words, title_cut_words: words that end a title phrase
- agreement_heads: nouns that head an agreement's name or description
- sign_verbs: verbs an agreement is signed, reached or concluded by
- signing_words: nouns and verbs of signing a date may hang on ("the signing of")
- state_nouns: nouns for a state acting as one ("the Moroccan state", "the government")
- group_words: words for a company's corporate structure ("Airbus Group" is the Airbus of
  other articles, unless a sister company shares its first words)
- descriptive_org_words: words a short form of a non-commercial organisation drops
  ("Polisario" / "Polisario Front")
- name_titles: titles and honorifics a person's name is compared without ("President", "Dr")
- articles, possessives, pointing_determiners: the determiners the rules tell apart ("the
  accord" points back, "its Prius" is owned)
- possessive_endings: the possessive as its own token ("Ruto 's"), which ends a name
- former_words: words that make a title a former one ("former", "ex-", "late")
- ordinals: ordinals before a name that make it no place ("the second Lebanon war");
  with title_lead_words, words a title phrase does not start with ("visiting", "outgoing")
- title_tail_words: words a title phrase does not end with ("Minister of")
- conjunctions, relative_pronouns: words that end an office or apposition phrase
- name_particles: lower-case particles inside personal names ("bin", "van", "da")
- camel_name_prefixes: prefixes written together with a capitalised name ("McDonald",
  "DiCaprio"), so no hashtag-style run of words
- place_name_particles: particles that join a place's name with hyphens ("Ivry-sur-Seine")
- org_name_small_words: lower-case words inside an organisation's name ("Bank of America",
  "Banco de España"), not the common word that ends it
- initials_small_words: words an organisation's initials leave out ("Bank of America", BA)
- town_preps, town_followers: words before and after a name tagged as an organisation
  that make it a town ("in Tangier on Thursday")
- platform_preps: words before "X" that make it the platform ("on X")
- company_nouns: nouns after a name that make it the company, not its product ("Apple shares")
- range_marks: marks between two numbers that make them a range, no model number ("4 to 6")
- store_words: the online store a product name may end with ("iTunes Store")
- memorandum_words: agreement nouns completed by "of" and one word ("memorandum of understanding")
- place_named_agreement_heads: agreement nouns named by "of" and a place ("Treaty of Rome")
- party_preps: prepositions before an agreement's parties ("a deal with Mercosur")
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kb.lexicon import LexiconError, json_data, part, time_words

_FILE = "names.json"


def _load() -> dict[str, Any]:
    data = json_data(_FILE)
    for name, table in data.get("tables", {}).items():
        if not isinstance(table, dict) or not all(isinstance(k, str) and k and isinstance(v, str) and v
                                                  for k, v in table.items()):
            raise LexiconError(f"{_FILE}: table {name!r} must map words to words")
    return data


_DATA = _load()


def word_lines(name: str) -> list[str]:
    """The lines of the plain-text word file ``data/NAME``, stripped, comments (``#``) and
    blank lines left out."""
    text = resources.files("kb.lexicon").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def monarchies() -> frozenset[str]:
    """States whose head is a monarch, as the gazetteer names them (``data/monarchies.txt``)."""
    return frozenset(word_lines("monarchies.txt"))


def _table(name: str) -> dict[str, str]:
    return dict(part(_DATA, _FILE, "tables", name))


def _list(name: str) -> frozenset[str]:
    return frozenset(part(_DATA, _FILE, "lists", name))


STATE_RENAMES = _table("state_renames")
STATE_SHORT_FORMS = _table("state_short_forms")
DEMONYMS = _table("demonyms")
SEATS = _table("seats")
STATE_EPITHETS = _table("state_epithets")
BRITISH_SPELLINGS = _table("british_spellings")
TRADE_WORDS = _table("trade_words")
AGREEMENT_SYNONYMS = _table("agreement_synonyms")

SKIPPED_COUNTRIES = _list("skipped_countries")
NOT_STATE_DEMONYMS = _list("not_state_demonyms")
SEAT_BUILDINGS = _list("seat_buildings")
AMBIGUOUS_STATES = _list("ambiguous_states")
HONORIFICS = _list("honorifics")
TITLE_HEADS = _list("title_heads")
WEAK_TITLE_HEADS = _list("weak_title_heads")
STANDALONE_TITLES = _list("standalone_titles")
TITLE_ADJECTIVES = _list("title_adjectives")
INVERTIBLE_TITLES = _list("invertible_titles")
PERSONAL_OFFICES = _list("personal_offices")
MONARCH_HEADS = _list("monarch_heads")
NAME_SUFFIXES = _list("name_suffixes")
WEEKDAYS = frozenset(time_words.WEEKDAY_NAMES)
MONTHS = frozenset(time_words.MONTHS)
PRONOUNS = _list("pronouns")
CAPTION_WORDS = _list("caption_words")
PLATFORMS = _list("platforms")
NEWS_AGENCIES = _list("news_agencies")
# First words of those names: the table is only tried where one of them stands.
NEWS_AGENCY_FIRST = frozenset(name.split()[0] for name in NEWS_AGENCIES)
LEGAL_FORMS = _list("legal_forms")


def _written(form: str) -> set[str]:
    """The ways a folded legal form is written, lower case: "sa", "sa.", "s.a."."""
    out = {form, form + "."}
    if form.isalpha() and len(form) <= 3:
        out.add(".".join(form) + ".")
    return out


# Legal forms as written (lower case) that close a company's name ("Airbus SE", "BP plc");
# "company" is a common noun there as often ("the Apple company").
LEGAL_SUFFIXES = frozenset(w for form in LEGAL_FORMS - {"company", "cos"} for w in _written(form))
ORG_SUFFIXES = _list("org_suffixes") | LEGAL_SUFFIXES
ORG_WORDS = ORG_SUFFIXES | LEGAL_SUFFIXES | _list("org_words")
GENERIC_ORGS = _list("generic_orgs")
CLUB_PREFIXES = _list("club_prefixes")
PRODUCT_NOUNS = _list("product_nouns")
PRODUCT_NAME_WORDS = _list("product_name_words")
PRODUCT_MAKERS = _list("product_makers")
PRODUCT_OF = _list("product_of")
NUMBERED_NOUNS = _list("numbered_nouns")
QUANTITY_WORDS = _list("quantity_words")
UNITS = _list("units")
UNIT_TAILS = _list("unit_tails")
NOT_MODEL_LETTERS = _list("not_model_letters")
NEW_WORDS = _list("new_words")
OWNERS = _list("owners")
PLACE_PREPS = _list("place_preps")
PLACE_NOUNS = _list("place_nouns")
SPEECH_VERBS = _list("speech_verbs")
APPOINTING_VERBS = _list("appointing_verbs")
APPOS_STOP_WORDS = _list("appos_stop_words")
TITLE_CUT_WORDS = _list("title_cut_words")
AGREEMENT_HEADS = _list("agreement_heads")
SIGN_VERBS = _list("sign_verbs")
SIGNING_WORDS = _list("signing_words")
STATE_NOUNS = _list("state_nouns")
GROUP_WORDS = _list("group_words")
DESCRIPTIVE_ORG_WORDS = _list("descriptive_org_words")
NAME_TITLES = _list("name_titles")
ARTICLES = _list("articles")
POSSESSIVES = _list("possessives")
POINTING_DETERMINERS = _list("pointing_determiners")
POSSESSIVE_ENDINGS = _list("possessive_endings")
FORMER_WORDS = _list("former_words")
ORDINALS = _list("ordinals")
TITLE_LEAD_WORDS = _list("title_lead_words") | ORDINALS
TITLE_TAIL_WORDS = _list("title_tail_words")
CONJUNCTIONS = _list("conjunctions")
RELATIVE_PRONOUNS = _list("relative_pronouns")
NAME_PARTICLES = _list("name_particles")
CAMEL_NAME_PREFIXES = _list("camel_name_prefixes")
PLACE_NAME_PARTICLES = _list("place_name_particles")
ORG_NAME_SMALL_WORDS = _list("org_name_small_words")
INITIALS_SMALL_WORDS = _list("initials_small_words")
TOWN_PREPS = _list("town_preps")
TOWN_FOLLOWERS = _list("town_followers")
PLATFORM_PREPS = _list("platform_preps")
COMPANY_NOUNS = _list("company_nouns")
RANGE_MARKS = _list("range_marks")
STORE_WORDS = _list("store_words")
MEMORANDUM_WORDS = _list("memorandum_words")
PLACE_NAMED_AGREEMENT_HEADS = _list("place_named_agreement_heads")
PARTY_PREPS = _list("party_preps")


def alternation(words: frozenset[str]) -> str:
    """A regular-expression group matching any of ``words`` (for shapes built on a word
    list: "Ivry-sur-Seine", "McDonald")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


_FOLD_TABLE = str.maketrans({**{c: " " for c in "-‐‑–—_/"}, **{c: None for c in ".,'\"“”()[]’‘"}})


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-free form of a name, for comparing names: "Côte
    d'Ivoire", "Cote d’Ivoire" and "cote divoire" are one; a final possessive goes."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return " ".join(text.translate(_FOLD_TABLE).lower().split())


def unaccent(text: str) -> str:
    """Lower-case, accent-free form of a text, punctuation kept: what a name typed without
    its accents ("Bourita" for "Bouríta") is compared by."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def edit_distance(a: str, b: str, cap: int = 3) -> int:
    """Levenshtein distance between two words, counted up to ``cap`` (a cheap bound for
    telling spelling variants of a name apart from other names)."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass
class Gazetteer:
    """Lookup tables keyed by exact surface form (names) or folded form (epithets)."""

    names: dict[str, str] = field(default_factory=dict)  # "Kingdom of Morocco" -> "Morocco"
    demonyms: dict[str, str] = field(default_factory=dict)  # "Israeli" -> "Israel"
    plurals: dict[str, str] = field(default_factory=dict)  # "Israelis" -> "Israel"
    capitals: dict[str, str] = field(default_factory=dict)  # "Rabat" -> "Morocco"
    epithets: dict[str, str] = field(default_factory=dict)  # "the hebrew state" -> "Israel"
    folded: dict[str, str] = field(default_factory=dict)  # fold(name) -> state, names only

    def state_of_name(self, text: str) -> str | None:
        """The state a country name or alternative spelling denotes."""
        text = text.strip()
        hit = self.names.get(text)
        if hit is None and text[:4].lower() == "the ":
            hit = self.names.get(text[4:])
        if hit is None:
            hit = self.folded.get(fold(text))
        return hit

    def state_of_demonym(self, text: str) -> str | None:
        return self.demonyms.get(text.strip())


def _plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ss", "sh", "ch", "Swiss", "Thai")):
        return demonym
    if demonym.endswith("y") and not demonym.endswith(("ay", "ey", "oy")):
        return demonym[:-1] + "ies"
    return demonym + "s"


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the lookup tables once per process."""
    from countryinfo import CountryInfo

    gaz = Gazetteer()
    data = CountryInfo.all()
    sovereign_first = sorted(data.values(), key=lambda v: len(v.get("altSpellings") or []) < 3)
    for info in sovereign_first:
        raw = info.get("name") or ""
        if not raw or raw in SKIPPED_COUNTRIES:
            continue
        name = STATE_RENAMES.get(raw, raw)
        gaz.names.setdefault(raw, name)
        gaz.names.setdefault(name, name)
        for alt in info.get("altSpellings") or []:
            alt = alt.strip()
            if len(alt) < 4 or alt.isupper() or not alt[0].isupper() or not all(c.isascii() or c.isalpha() for c in alt):
                continue
            if "," in alt:
                continue
            gaz.names.setdefault(alt, name)
        for dem in re.split(r"[,/]", info.get("demonym") or ""):
            dem = dem.strip()
            if dem and dem not in NOT_STATE_DEMONYMS and dem != name:
                gaz.demonyms.setdefault(dem, name)
        capital = info.get("capital")
        if isinstance(capital, list):
            capital = capital[0] if capital else None
        if isinstance(capital, str) and capital and "/" not in capital and capital != name:
            gaz.capitals.setdefault(capital, name)
    for short, name in STATE_SHORT_FORMS.items():
        gaz.names[short] = name
    for dem, name in DEMONYMS.items():
        gaz.demonyms[dem] = name
    for seat, name in SEATS.items():
        gaz.capitals[seat] = name
    gaz.capitals.pop("Kiev", None)
    gaz.capitals["Kiev"] = "Ukraine"
    for dem, name in gaz.demonyms.items():
        plural = _plural(dem)
        if plural != dem:
            gaz.plurals.setdefault(plural, name)
    gaz.epithets = dict(STATE_EPITHETS)
    for text, name in gaz.names.items():
        gaz.folded.setdefault(fold(text), name)
    return gaz


def is_title_word(word: str) -> bool:
    return word.lower().strip(",") in TITLE_HEADS


def is_honorific(word: str) -> bool:
    return word.lower() in HONORIFICS


def title_key(title: str) -> str:
    """One key for the ways one title is written: "Defence Minister", "defense minister" and
    "Minister of Defense" are the same office."""
    words = [BRITISH_SPELLINGS.get(w, w) for w in title.lower().replace("-", " ").split()]
    if len(words) >= 3 and words[0] in INVERTIBLE_TITLES and words[1] in ("of", "for"):
        rest = [w for w in words[2:] if w != "the"]
        words = [*rest, words[0]]
    return " ".join(words)


def initials(name: str) -> str:
    """Initials of an organisation's name, without its legal form and small words, as it
    writes them ("General Motors Company" -> "GM", "Hewlett-Packard" -> "HP")."""
    name = re.sub(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\b)", "", name)  # "S.A." -> "SA."
    words = re.findall(r"[A-Za-zÀ-ÿ][\wÀ-ÿ'’]*", name)
    while len(words) > 1 and words[-1].lower() in LEGAL_FORMS:
        words = words[:-1]
    return "".join(w[0].upper() for w in words if w[:1].isupper() and w.lower() not in INITIALS_SMALL_WORDS)


def org_core(folded: str) -> tuple[str, ...]:
    """Words of a folded organisation name that say which one it is: without a leading
    "the" and trailing legal forms, trade words in the singular ("the toyota motors corp"
    -> ("toyota", "motor")). Two names with one core differ only by a legal form."""
    toks = folded.split()
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1] in LEGAL_FORMS or toks[-1] == "&"):
        toks.pop()
    return tuple(TRADE_WORDS.get(t, t) for t in toks)


def org_stem(folded: str) -> tuple[str, ...]:
    """:func:`org_core` without trailing group words: what "Airbus SE" and "Airbus Group"
    share within one article, where both name the company the article is about."""
    core = org_core(folded)
    k = len(core)
    while k > 1 and core[k - 1] in GROUP_WORDS:
        k -= 1
    return core[:k]


def product_short_form(short: str, long: str) -> bool:
    """True when folded product name ``short`` is a shortening of ``long`` naming the same
    thing: words dropped from the front (a maker: "Airbus A380" / "A380", "Boeing 787
    Dreamliner" / "Dreamliner") or from inside ("iTunes Music Store" / "iTunes Store"),
    never from the end, where model numbers and model words sit ("iPhone" is not "iPhone 4",
    "iPod" is not "iPod Touch"). What is left must name something on its own: not a bare
    model word ("Store", "Pro") nor a one-digit number, and, when the front is dropped,
    more than generic words ("App Store" is no short form of "Mac App Store")."""

    s, l = short.split(), long.split()
    if not s or len(s) >= len(l) or s[-1] != l[-1]:
        return False
    k = len(l) - 1
    for w in reversed(s):  # a subsequence of the long name, matched from its end
        while k >= 0 and l[k] != w:
            k -= 1
        if k < 0:
            return False
        k -= 1

    def generic(w: str) -> bool:
        return w in PRODUCT_NAME_WORDS or w in PRODUCT_NOUNS or (w.isdigit() and len(w) < 2)

    if len(s) == 1 and generic(s[0]):
        return False
    return s[0] == l[0] or not all(generic(w) for w in s)
