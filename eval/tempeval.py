"""Reading the TempEval-3 training data (TimeML 1.2.1 ``.tml`` files) for the scorers.

The data is read from ``../shared/data/tempeval3-train`` (or ``KB_TEMPEVAL``) and never
copied into the project. Every document gets plain text (the content of ``<TEXT>`` with
its tags removed and XML entities decoded), its creation date, and the annotations with
character offsets into that text:

- ``timexes``: ``<TIMEX3>`` (tid, type, value);
- ``events``: ``<EVENT>`` (eid, class) with the first ``<MAKEINSTANCE>`` of each (tense,
  aspect, polarity, eiid);
- ``tlinks``: ``<TLINK>`` relations between event instances, times and the creation time.

The split is fixed here, once, for every scorer: every fifth document in name order is
held out (``HELD_OUT``); rules and trained components may be developed on the rest
(``DEV``) and only scored on the held-out part.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("KB_TEMPEVAL", ROOT.parent / "shared" / "data" / "tempeval3-train"))

DEV = "dev"
HELD_OUT = "held-out"
ALL = "all"
SPLITS = (DEV, HELD_OUT, ALL)

_TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|\w+);")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    tid: str
    type: str
    value: str


@dataclass
class Event:
    start: int
    end: int
    text: str
    eid: str
    cls: str
    eiid: str = ""
    tense: str = ""
    aspect: str = ""
    polarity: str = ""
    pos: str = ""


@dataclass
class TLink:
    rel: str
    source: str  # an eiid or a tid
    target: str  # an eiid or a tid ("t0" is the creation time)


@dataclass
class Document:
    name: str
    text: str
    dct: str  # the creation date, YYYY-MM-DD
    dct_tid: str
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tlinks: list[TLink] = field(default_factory=list)

    def event_by_eiid(self) -> dict[str, Event]:
        return {e.eiid: e for e in self.events if e.eiid}

    def timex_by_tid(self) -> dict[str, Timex]:
        return {t.tid: t for t in self.timexes}


def files(split: str = ALL) -> list[Path]:
    """The documents of ``split`` in their fixed order: held out is every fifth by name."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    if not DATA.is_dir():
        raise FileNotFoundError(f"TempEval-3 data not found at {DATA} (set KB_TEMPEVAL)")
    paths = sorted(DATA.glob("*/*.tml"), key=lambda p: p.name)
    if split == ALL:
        return paths
    held = split == HELD_OUT
    return [p for i, p in enumerate(paths) if (i % 5 == 4) == held]


def load(split: str = ALL) -> list[Document]:
    return [read(p) for p in files(split)]


def _unescape(raw: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), raw)


def read(path: Path) -> Document:
    """One ``.tml`` file as a :class:`Document`."""
    source = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    dct_attrs = dict(_ATTR.findall(dct_match.group(1))) if dct_match else {}
    value = dct_attrs.get("value", "")
    body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    if body is None:
        raise ValueError(f"{path.name}: no <TEXT>")
    doc = tagged(body.group(1), Document(path.stem, "", value[:10], dct_attrs.get("tid", "t0")))

    by_eid = {e.eid: e for e in doc.events}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", source):
        a = dict(_ATTR.findall(m.group(1)))
        ev = by_eid.get(a.get("eventID", ""))
        if ev is not None and not ev.eiid:
            ev.eiid = a.get("eiid", "")
            ev.tense, ev.aspect = a.get("tense", ""), a.get("aspect", "")
            ev.polarity, ev.pos = a.get("polarity", ""), a.get("pos", "")
    for m in re.finditer(r"<TLINK([^>]*)/?>", source):
        a = dict(_ATTR.findall(m.group(1)))
        src = a.get("eventInstanceID") or a.get("timeID") or ""
        dst = a.get("relatedToEventInstance") or a.get("relatedToTime") or ""
        if src and dst:
            doc.tlinks.append(TLink(a.get("relType", ""), src, dst))
    return doc


def tagged(raw: str, doc: Document) -> Document:
    """``doc`` with the plain text of TimeML-tagged ``raw`` (tags removed, XML entities
    decoded) and the ``<TIMEX3>`` and ``<EVENT>`` elements in it, by character offsets."""
    out: list[str] = []
    pos = 0  # characters of plain text written so far
    open_tags: list[tuple[str, dict[str, str], int]] = []
    last = 0
    for m in _TAG.finditer(raw):
        chunk = _unescape(raw[last:m.start()])
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if closing:
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i][0] == name:
                    _, a, start = open_tags.pop(i)
                    _close(doc, name, a, start, pos, out)
                    break
        elif not selfclosing:
            open_tags.append((name, dict(_ATTR.findall(attrs)), pos))
    out.append(_unescape(raw[last:]))
    doc.text = "".join(out)
    for t in doc.timexes:
        t.text = doc.text[t.start:t.end]
    for e in doc.events:
        e.text = doc.text[e.start:e.end]
    return doc


def _close(doc: Document, name: str, a: dict[str, str], start: int, end: int, out: list[str]) -> None:
    if name == "TIMEX3":
        doc.timexes.append(Timex(start, end, "", a.get("tid", ""), a.get("type", ""), a.get("value", "")))
    elif name == "EVENT":
        doc.events.append(Event(start, end, "", a.get("eid", ""), a.get("class", "")))
