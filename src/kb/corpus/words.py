"""English word frequencies, and splitting words glued together by a lost space.

Scraped and machine-translated news often loses the space between two words
("cooperationbetween", "WesternSahara", "USpresident"). A token is split only when it
is not itself a known word and its parts are known, frequent enough words, so names
("McDonald", "Loudiyi"), brands ("YouTube") and rare real words are left alone.

Frequencies come from ``wordfreq`` (its English "large" list, shipped with the package,
read once per process on first use).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# A part of three letters or fewer is accepted only if it is this frequent (zipf scale:
# "of" 7.0, "two" 5.9); this keeps out fragments such as "ita", "hu", "ian", "kin".
_SHORT_PART_ZIPF = 5.0
_MID_PART_ZIPF = 3.0  # parts of four to six letters
_LONG_PART_ZIPF = 2.0  # parts of seven letters or more ("embroiled", "normalisation")
# A rare long word may be split off a very common short one ("formalises" + "it").
_FUNCTION_WORD_ZIPF = 6.0
_RARE_PART_ZIPF = 1.0
_CAMEL_TITLE_ZIPF = 3.0  # a capitalised left part of a camel-case token ("Western")
# A camel-case token this frequent as one word is a name ("YouTube", "DoorDash"); rarer
# ones are mostly glued words ("HumanRights", "SouthAfrica").
_CAMEL_WHOLE_ZIPF = 2.0

# Word-forming prefixes and endings: "deradicalisation" is one word, not "de radicalisation".
_PREFIXES = frozenset(
    "de re un non pre co anti sub over under out mis dis inter counter post pro semi multi mid "
    "ex self super micro macro mega bi tri neo pan geo euro afro cyber trans ultra hyper mini post "
    "para pseudo quasi extra intra infra socio bio eco tele".split()
)
_ENDINGS = frozenset(
    "s es ed d ing ings ly er ers est ness ment ments ism isms ist ists ian ians ity ities ise ize "
    "ised ized ises izes ising izing isation ization less ful ship ships hood wise like able ible "
    "al ally ic ics ous led wide based backed born".split()
)
# English function words: a capitalised token is split only next to one of these
# ("Moroccoand", "Thecountry") or into two long words ("Petroleumannounced"), so that
# compound names ("Bluecrest", "Northgate", "Stillwell") stay whole.
FUNCTION_WORDS = frozenset(
    "the a an of in on at to by for and or but nor as is was are were be been has had have "
    "it its with from that this into onto over after than not".split()
)
_NAME_PART_MIN = 5
# Lower-case words that may stand alone before a glued capitalised word ("ofPalestinian").
_SINGLE_LETTER_WORDS = frozenset({"a"})
# Name particles: "McDonald", "DeSantis", "MacArthur", "LeBron" are never split after them.
NAME_PARTICLES = frozenset(
    "mc mac de di da du del della des la le van von der den ten ter fitz st al el ben bin abu ibn "
    "o d".split()
)

_WORD = re.compile(r"[a-z]+")
# No two glued words are longer than this; a longer token is never split, which keeps every
# split linear-bounded (a split tries each cut, and the frequency cache keeps its parts).
MAX_WORD = 48


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="large")


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word (0 when unknown; "the" is about 7.7)."""
    freq = _frequencies().get(word)
    return math.log10(freq) + 9.0 if freq else 0.0


def is_known(word: str) -> bool:
    """Whether ``word`` (any case) is an English word or name the frequency list knows."""
    return zipf(word.lower()) > 0.0


def _part_ok(part: str) -> float:
    """The zipf of ``part`` when it is acceptable as one half of a split, else 0."""
    n = len(part)
    if n == 1 and part not in _SINGLE_LETTER_WORDS:
        return 0.0
    z = zipf(part)
    if n <= 3:
        need = _SHORT_PART_ZIPF
    elif n <= 6:
        need = _MID_PART_ZIPF
    else:
        need = _LONG_PART_ZIPF
    return z if z >= need else 0.0


@lru_cache(maxsize=50_000)
def split_glued(token: str) -> int:
    """Where to split a token made of two words glued together, or 0 for no split.

    ``token`` is letters only, all lower case except maybe the first letter
    ("cooperationbetween", "Petroleumannounced"). The best split is the one whose two
    parts are together the most frequent. A rare long word glued to a very common one
    ("formalisesit") is split too, but only in a lower-case token: names are capitalised,
    and a capitalised token is split only as described at :data:`FUNCTION_WORDS`.
    """
    word = token.lower()
    if len(word) < 4 or len(word) > MAX_WORD or not _WORD.fullmatch(word) or zipf(word) > 0.0:
        return 0
    lower = token.islower()
    best, best_score = 0, 0.0
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if left in _PREFIXES or right in _ENDINGS:
            continue
        if not lower and not (
            left in FUNCTION_WORDS
            or right in FUNCTION_WORDS
            or (len(left) >= _NAME_PART_MIN and len(right) >= _NAME_PART_MIN)
        ):
            continue
        zl, zr = _part_ok(left), _part_ok(right)
        if lower and not (zl and zr):
            if zl >= _FUNCTION_WORD_ZIPF and len(right) >= 7:
                zr = zipf(right) if zipf(right) >= _RARE_PART_ZIPF else 0.0
            elif zr >= _FUNCTION_WORD_ZIPF and len(left) >= 7:
                zl = zipf(left) if zipf(left) >= _RARE_PART_ZIPF else 0.0
        if zl and zr and zl + zr > best_score:
            best, best_score = i, zl + zr
    return best


@lru_cache(maxsize=50_000)
def split_camel(token: str) -> tuple[tuple[int, bool], ...]:
    """Where to split a camel-case token made of glued words ("WesternSahara").

    Splits happen only at a lower-to-upper case boundary, only when the whole token is
    not a common word ("YouTube", "iPhone", "McDonald" are), and only when the left part
    is a real word: a frequent lower-case word ("ofPalestinian", "theMoroccans") or a
    known capitalised word of three letters or more, not a name particle, before another
    capitalised word ("WesternSahara", "BennyGantz"; not "McGurk", "DeSantis", "OpenAI").
    Each cut comes with whether it joins two capitalised words: such a token may also be
    a brand ("BlueCrest"), which the caller splits only in a text that lost spaces.
    """
    if len(token) > MAX_WORD or zipf(token.lower()) >= _CAMEL_WHOLE_ZIPF:
        return ()
    cuts: list[tuple[int, bool]] = []
    start = 0
    for i in range(1, len(token)):
        if not (token[i].isupper() and token[i - 1].islower()):
            continue
        left, right_start = token[start:i], i
        end = right_start + 1
        while end < len(token) and not (token[end].isupper() and token[end - 1].islower()):
            end += 1
        right = token[right_start:end]
        if _camel_ok(left, right):
            cuts.append((i, not left.islower()))
        start = i
    return tuple(cuts)


def _camel_ok(left: str, right: str) -> bool:
    low = left.lower()
    if len(right) < 2 or low in NAME_PARTICLES:
        return False
    if left.islower():
        return bool(_part_ok(low))
    if left[0].isupper() and left[1:].islower():
        return (
            len(left) >= 3
            and len(right) >= 3
            and right[1:].islower()
            and zipf(low) >= _CAMEL_TITLE_ZIPF
        )
    return False


@lru_cache(maxsize=20_000)
def split_acronym(caps: str, rest: str) -> bool:
    """Whether an acronym glued to a word ("US" + "president", "BBC" + "News") is two words."""
    if len(caps) < 2 or len(rest) < 3 or len(caps) + len(rest) > MAX_WORD:
        return False
    if zipf((caps + rest).lower()) > 0.0:
        return False
    low = rest.lower()
    return low not in _ENDINGS and zipf(low) >= _MID_PART_ZIPF
