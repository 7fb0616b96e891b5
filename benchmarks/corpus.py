"""Generate N distinct, realistic general-news articles for benchmarks.

Articles recombine sentence templates with people, titles, states, capitals,
organisations, dates and topics; the same seed always gives the same corpus.

    python benchmarks/corpus.py OUT_DIR --n 1000 [--seed 7] [--jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

FIRST = ["Maria", "John", "Aisha", "Pierre", "Kenji", "Elena", "Samuel", "Fatima", "Lars", "Ana", "David",
         "Nadia", "Omar", "Ingrid", "Carlos", "Mei", "Tomas", "Grace", "Yusuf", "Helena", "Viktor", "Leila",
         "Rafael", "Sofia", "Daniel", "Amara", "Henrik", "Priya", "Mateo", "Zainab"]
LAST = ["Keller", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Petrova", "Haddad", "Novak", "Santos", "Brennan",
        "Adeyemi", "Kowalski", "Rahman", "Fischer", "Costa", "Yamamoto", "Dubois", "Mensah", "Ivanov", "Larsen",
        "Herrera", "Nakamura", "Walsh", "Demir", "Bauer", "Silva", "Osei", "Horvat", "Lund", "Varga"]
STATES = [("France", "Paris", "French"), ("Germany", "Berlin", "German"), ("Japan", "Tokyo", "Japanese"),
          ("Brazil", "Brasilia", "Brazilian"), ("Kenya", "Nairobi", "Kenyan"), ("Canada", "Ottawa", "Canadian"),
          ("India", "New Delhi", "Indian"), ("Egypt", "Cairo", "Egyptian"), ("Poland", "Warsaw", "Polish"),
          ("Mexico", "Mexico City", "Mexican"), ("Nigeria", "Abuja", "Nigerian"), ("Spain", "Madrid", "Spanish"),
          ("Turkey", "Ankara", "Turkish"), ("Sweden", "Stockholm", "Swedish"), ("Argentina", "Buenos Aires",
          "Argentine"), ("Indonesia", "Jakarta", "Indonesian"), ("Ghana", "Accra", "Ghanaian"),
          ("Italy", "Rome", "Italian"), ("Vietnam", "Hanoi", "Vietnamese"), ("Chile", "Santiago", "Chilean")]
TITLES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Trade Minister",
          "Finance Minister", "Energy Minister", "Health Minister", "Interior Minister"]
ORGS = ["the United Nations", "the World Bank", "the African Union", "the European Union",
        "the International Monetary Fund", "the World Health Organization", "NATO", "the Red Cross",
        "the World Trade Organization", "the International Energy Agency"]
COMPANIES = ["Northwind Energy", "Bluecrest Shipping", "Altamira Mining", "Helios Grid", "Corvina Foods",
             "Meridian Rail", "Stratus Telecom", "Ironbridge Steel", "Solace Pharma", "Keystone Ports"]
TOPICS = [("trade", "a trade agreement", "tariffs on steel and grain"),
          ("energy", "an energy partnership", "gas supplies for the coming winter"),
          ("security", "a security memorandum", "joint patrols along the border"),
          ("health", "a health cooperation accord", "vaccine production and hospital funding"),
          ("climate", "a climate pact", "cuts in coal use and new solar farms"),
          ("transport", "a rail agreement", "a high-speed line between the two capitals"),
          ("education", "an academic exchange programme", "scholarships for engineering students"),
          ("fisheries", "a fisheries deal", "quotas in shared waters")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

OPENINGS = [
    "{a_title} {a_name} of {a_state} arrived in {b_capital} on {weekday} for talks with {b_title} {b_name}, "
    "the first visit by a {a_dem} minister in {years} years.",
    "{a_state} and {b_state} signed {topic_deal} in {b_capital} on {weekday}, {day_month}, ending months of "
    "negotiations over {topic_detail}.",
    "{b_title} {b_name} said on {weekday} that {b_state} would seek closer ties with {a_state} on {topic}, "
    "a week after talks in {a_capital} stalled.",
    "Hundreds of people protested in {b_capital} on {weekday} against plans by {company} to expand its "
    "operations, police said.",
]
MIDDLES = [
    "Speaking to reporters after the meeting, {a_last} said the two countries had \"a shared interest\" in "
    "{topic_detail}.",
    "{b_last} described the talks as \"frank and constructive\" but warned that differences remained over "
    "{topic}.",
    "The agreement, which still needs the approval of parliament in {a_capital}, covers {topic_detail} and "
    "runs for {years} years.",
    "Officials from {org} attended the signing ceremony, which was held at the {b_dem} foreign ministry.",
    "Last {month}, {a_state} accused {b_state} of delaying payments worth {money} million dollars.",
    "{company} said it would invest {money} million dollars in {b_state} over the next {years} years.",
    "The two ministers also discussed the situation in {c_state}, where elections are due in {month}.",
    "{a_name} met {c_title} {c_name} of {c_state} in {a_capital} earlier this month to prepare the visit.",
    "Analysts in {b_capital} said the deal could double trade between the two countries by {year_later}.",
    "According to a statement from {org}, about {thousands} people have been affected by the dispute.",
    "Relations between {a_state} and {b_state} were restored in {year_before} after a long diplomatic freeze.",
    "On {weekday}, {b_dem} police arrested {small} people near the parliament building in {b_capital}.",
    "{c_name}, a former {c_title} of {c_state}, criticised the agreement, calling it \"a missed chance\".",
    "A spokesperson for {company} declined to comment on the talks on {weekday}.",
    "The {a_dem} government announced on {day_month} that it would open a consulate in {b_capital}.",
    "{org} will send observers to monitor the agreement from {month} {year}.",
]
CLOSINGS = [
    "{a_last} is expected to return to {a_capital} on {weekday_next}.",
    "A follow-up meeting is planned in {a_capital} in {month} {year_later}.",
    "Neither government gave details of the cost of the programme.",
    "{b_last} will travel to {c_capital} next week for talks on {topic}.",
]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


def article(i: int, rng: random.Random) -> tuple[str, str, str]:
    """(id, title, text) of article ``i``: a dateline, an opening, 6-12 body sentences, a close."""
    a, b, c = rng.sample(STATES, 3)
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    (a_name, a_last), (b_name, b_last), (c_name, _) = _person(rng), _person(rng), _person(rng)
    topic, deal, detail = rng.choice(TOPICS)
    slots = {
        "a_state": a[0], "a_capital": a[1], "a_dem": a[2], "b_state": b[0], "b_capital": b[1], "b_dem": b[2],
        "c_state": c[0], "c_capital": c[1], "a_name": a_name, "a_last": a_last, "b_name": b_name,
        "b_last": b_last, "c_name": c_name, "a_title": rng.choice(TITLES), "b_title": rng.choice(TITLES),
        "c_title": rng.choice(TITLES), "org": rng.choice(ORGS), "company": rng.choice(COMPANIES),
        "topic": topic, "topic_deal": deal, "topic_detail": detail, "weekday": WEEKDAYS[day.weekday()],
        "weekday_next": WEEKDAYS[(day.weekday() + 2) % 7], "day_month": f"{day.day} {MONTHS[day.month - 1]}",
        "month": rng.choice(MONTHS), "year": day.year, "year_before": day.year - rng.randint(2, 9),
        "year_later": day.year + rng.randint(1, 5), "years": rng.randint(2, 30), "money": rng.randint(5, 900),
        "thousands": rng.randint(2, 90) * 1000, "small": rng.randint(3, 60),
    }
    body = [rng.choice(OPENINGS)] + rng.sample(MIDDLES, rng.randint(6, 12)) + [rng.choice(CLOSINGS)]
    paragraphs, para = [], []
    for sentence in body:
        para.append(sentence.format(**slots))
        if len(para) >= rng.randint(1, 3):
            paragraphs.append(" ".join(para))
            para = []
    if para:
        paragraphs.append(" ".join(para))
    dateline = f"{b[1].upper()}, {MONTHS[day.month - 1]} {day.day}, {day.year} —"
    paragraphs[0] = f"{dateline} {paragraphs[0]}"
    title = f"{a[0]} and {b[0]} {rng.choice(['hold talks on', 'agree on', 'clash over', 'move closer on'])} {topic}"
    doc_id = f"{day.isoformat()}_{i:06d}"
    return doc_id, title, "\n\n".join(paragraphs) + "\n"


def articles(n: int, seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """``n`` distinct articles; the same (n, seed) always gives the same ones."""
    rng = random.Random(seed)
    for i in range(n):
        yield article(i, rng)


def write(out: Path, n: int, *, seed: int = 7, jsonl: bool = False) -> int:
    """Write ``n`` articles under ``out`` (.txt files, or one articles.jsonl); returns words written."""
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    sink = open(out / "articles.jsonl", "w", encoding="utf-8") if jsonl else None
    try:
        for doc_id, title, text in articles(n, seed):
            words += len(title.split()) + len(text.split())
            if sink:
                sink.write(json.dumps({"id": doc_id, "title": title, "text": text}) + "\n")
            else:
                (out / f"{doc_id}.txt").write_text(f"{title}\n\n{text}", encoding="utf-8")
    finally:
        if sink:
            sink.close()
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl", action="store_true", help="one articles.jsonl instead of .txt files")
    args = parser.parse_args()
    words = write(args.out, args.n, seed=args.seed, jsonl=args.jsonl)
    print(f"{args.n} articles, {words} words → {args.out}")


if __name__ == "__main__":
    main()
