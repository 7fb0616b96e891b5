"""Build ``src/kb/lexicon/data/wordnet_nouns.tsv`` from WordNet 3.0 (Debian's ``wordnet-base``).

For each one-word noun lemma that has a sense in a lexicographer file of happenings
(acts, events, processes, phenomena, states, communication), one row: the lemma, the
lexicographer file of its most frequent sense, the share of its senses that are
happenings, and whether a sense is derived from a verb. Event recognition reads these as
features, so that an event noun never seen in training ("the walkout") is still known.

    apt-get install wordnet-base
    python scripts/build_wordnet_nouns.py [/usr/share/wordnet]
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "kb" / "lexicon" / "data" / "wordnet_nouns.tsv"
LEXNAMES = {3: "tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
            10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location",
            16: "motive", 17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession",
            22: "process", 23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance",
            28: "time"}
HAPPENINGS = frozenset({"act", "event", "process", "phenomenon", "state", "communication"})


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    synsets: dict[str, tuple[str, bool]] = {}  # offset -> (lexname, derived from a verb)
    for line in (root / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" ")
        offset, lexnum = fields[0], int(fields[1])
        n_words = int(fields[3], 16)
        p = 4 + 2 * n_words
        n_ptrs = int(fields[p])
        ptrs = [fields[p + 1 + 4 * k: p + 5 + 4 * k] for k in range(n_ptrs)]
        derived = any(sym == "+" and pos == "v" for sym, _, pos, _ in ptrs)
        synsets[offset] = (LEXNAMES.get(lexnum, "other"), derived)
    rows = []
    for line in (root / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma = fields[0]
        if "_" in lemma or not lemma.isalpha():
            continue
        n_ptr_kinds = int(fields[3])
        offsets = fields[4 + n_ptr_kinds + 2:]
        senses = [synsets[o] for o in offsets if o in synsets]
        if not senses:
            continue
        share = sum(lex in HAPPENINGS for lex, _ in senses) / len(senses)
        if share == 0:
            continue
        derived = any(d for _, d in senses)
        rows.append(f"{lemma}\t{senses[0][0]}\t{share:.2f}\t{int(derived)}")
    header = "# lemma\tfirst sense\thappening share\tfrom a verb (WordNet 3.0; see WORDNET-LICENSE)\n"
    OUT.write_text(header + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} nouns -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
