"""How a quoted sentence relates to the span of the file its offsets point at."""

from __future__ import annotations


def quotes(raw: str, sentence: str) -> bool:
    """True when ``sentence`` is the text of ``raw`` (a span of the file as read) with the
    cleaning's repairs: artefacts dropped and spaces mended, so its characters, spaces
    aside, come in order from the span, beginning with the same word and ending alike."""
    raw = raw.strip()
    rest = iter("".join(raw.split()))
    return (all(c in rest for c in "".join(sentence.split()))
            and raw.split()[:1] == sentence.split()[:1] and raw[-1:] == sentence[-1:])
