"""General-knowledge word lists for entity extraction: states, their names and demonyms,
capitals and seats of government, state epithets, titles and honorifics.

State data comes from the pinned ``countryinfo`` package (names, alternative spellings,
demonyms, capitals); the small hand-written lists below hold what it lacks. Nothing here
imports spaCy, so resolution code can share the normalisation helpers.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

# Modern or usual English names where the package keeps an older or formal one.
_RENAMES = {
    "Republic of Macedonia": "North Macedonia",
    "Swaziland": "Eswatini",
    "Burma": "Myanmar",
    "Holy See (Vatican City State)": "Vatican City",
    "Vatican City State": "Vatican City",
    "Palestine, State of": "Palestine",
    "The Bahamas": "Bahamas",
    "The Gambia": "Gambia",
    "Virgin Islands, British": "British Virgin Islands",
    "Virgin Islands, U.S.": "U.S. Virgin Islands",
}
_SKIP = {"Antarctica", "Antilles néerlandaises", "Serbia and Montenegro"}

# Short forms in common news use (upper-case codes in the package data are too ambiguous:
# "IN", "IS", "IT", "NO", "ME"...).
_ACRONYMS = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "U.S": "United States", "America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates", "the Emirates": "United Arab Emirates", "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo", "PRC": "China", "DPRK": "North Korea", "ROK": "South Korea",
    "KSA": "Saudi Arabia", "USSR": "Soviet Union", "Soviet Union": "Soviet Union", "Czechia": "Czech Republic",
    "Holland": "Netherlands", "Turkiye": "Turkey", "Türkiye": "Turkey", "Kiev": "Ukraine", "Viet Nam": "Vietnam",
    "Ivory Coast": "Ivory Coast", "Côte d'Ivoire": "Ivory Coast", "Cote d'Ivoire": "Ivory Coast",
    "East Timor": "East Timor", "Timor-Leste": "East Timor", "Korea": "South Korea", "Russian Federation": "Russia",
}

# Extra demonyms the package lacks (it keeps one per country).
_DEMONYMS = {
    "Argentine": "Argentina", "Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates", "Sahrawi": "Western Sahara",
    "Saharawi": "Western Sahara", "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Tajik": "Tajikistan",
    "Kyrgyz": "Kyrgyzstan", "Congolese": "Democratic Republic of the Congo", "Dominican": "Dominican Republic",
    "Soviet": "Soviet Union", "Slovenian": "Slovenia", "Filipino": "Philippines", "Philippine": "Philippines",
    "Ecuadorian": "Ecuador", "Cape Verdean": "Cape Verde", "Bahamian": "Bahamas", "Gambian": "Gambia",
    "Macedonian": "North Macedonia", "Burmese": "Myanmar", "Myanmarese": "Myanmar", "Swazi": "Eswatini",
    "Irish": "Ireland", "Scottish": "United Kingdom", "Welsh": "United Kingdom", "English": "United Kingdom",
    "Luxembourgish": "Luxembourg", "Vietnamese": "Vietnam", "Bosnian": "Bosnia and Herzegovina",
    "American": "United States", "Chinese": "China", "French": "France", "Indian": "India", "British": "United Kingdom",
    "Dutch": "Netherlands", "Norwegian": "Norway", "Danish": "Denmark", "Spanish": "Spain", "Portuguese": "Portugal",
    "Australian": "Australia", "Swiss": "Switzerland", "Serbian": "Serbia", "Greek": "Greece", "Turkish": "Turkey",
    "Russian": "Russia", "Palestinian": "Palestine", "Korean": "South Korea", "Taiwanese": "Taiwan",
}

# Demonyms that mostly name a people, a language or a religion rather than one state.
_NOT_STATE_DEMONYMS = {"Arab", "Arabs", "Jewish", "Jews", "Jew", "Kurdish", "Kurds", "Hebrew", "Chinese Taipei"}

# Capitals and seats of government named for the state's government ("Rabat said").
_SEATS = {
    "Washington": "United States", "Washington D.C.": "United States", "White House": "United States",
    "the White House": "United States", "Foggy Bottom": "United States", "Kremlin": "Russia", "the Kremlin": "Russia",
    "Élysée": "France", "Elysee": "France", "the Élysée": "France", "the Elysee": "France",
    "Élysée Palace": "France", "Elysee Palace": "France", "Quai d'Orsay": "France", "Downing Street": "United Kingdom",
    "Whitehall": "United Kingdom", "Zhongnanhai": "China", "Kiev": "Ukraine", "Kyiv": "Ukraine",
    "Blue House": "South Korea", "Tel Aviv": "Israel", "Bern": "Switzerland", "Berne": "Switzerland",
    "Ottawa": "Canada", "The Hague": "Netherlands", "Pretoria": "South Africa", "Canberra": "Australia",
}
# A seat that is only a state when it acts; as a place it is a building, not a city.
SEAT_BUILDINGS = {"White House", "the White House", "Kremlin", "the Kremlin", "Élysée", "Elysee", "the Élysée",
                  "the Elysee", "Élysée Palace", "Elysee Palace", "Quai d'Orsay", "Downing Street", "Whitehall",
                  "Zhongnanhai", "Blue House", "Foggy Bottom"}

# Epithets that name one sovereign state in news writing (matched case-insensitively).
_EPITHETS = {
    "the hebrew state": "Israel", "the jewish state": "Israel", "the zionist state": "Israel",
    "the shereefian kingdom": "Morocco", "the sherifian kingdom": "Morocco", "the sharifian kingdom": "Morocco",
    "the cherifian kingdom": "Morocco", "the alawite kingdom": "Morocco", "the hashemite kingdom": "Jordan",
    "the islamic republic": "Iran", "the middle kingdom": "China", "the hermit kingdom": "North Korea",
    "the land of the rising sun": "Japan", "the emerald isle": "Ireland", "the rainbow nation": "South Africa",
    "the celestial empire": "China", "the wahhabi kingdom": "Saudi Arabia", "the saudi kingdom": "Saudi Arabia",
    "the lone superpower": "United States", "uncle sam": "United States", "the land of the cedars": "Lebanon",
    "the land of cedars": "Lebanon", "the alpine republic": "Austria", "the helvetic confederation": "Switzerland",
    "the cherifian state": "Morocco", "the sultanate of oman": "Oman", "the hexagon": "France",
}

# Honorifics: dropped from names, never kept as roles.
HONORIFICS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame", "madam",
    "madame", "mme", "mme.", "m.", "monsieur", "herr", "frau", "señor", "senor", "sr.", "hon.", "rev.", "reverend",
    "his", "her", "excellency", "majesty", "highness", "the", "late",
}
# Words that head a title ("Defense Minister", "head of American diplomacy").
TITLE_HEADS = {
    "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince", "princess",
    "crown", "emir", "sheikh", "sultan", "monarch", "pope", "cardinal", "archbishop", "bishop", "rabbi", "imam",
    "ayatollah", "mayor", "governor", "gov.", "senator", "sen.", "rep.", "representative", "congressman",
    "congresswoman", "ambassador", "envoy", "general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major",
    "maj.", "captain", "capt.", "admiral", "adm.", "sergeant", "sgt.", "commander", "marshal", "chief", "head",
    "leader", "director", "chairman", "chairwoman", "chair", "ceo", "spokesman", "spokeswoman", "spokesperson",
    "judge", "justice", "prosecutor", "attorney", "speaker", "deputy", "delegate", "official", "adviser",
    "advisor", "counselor", "counsellor", "founder", "co-founder", "executive", "commissioner", "officer",
    "diplomat", "consul", "vizier", "tsar", "czar", "coordinator", "negotiator", "chancellor", "vice", "viceroy",
    "mufti", "patriarch", "dean", "professor", "expert", "analyst", "correspondent", "editor", "reporter",
    "superintendent", "inspector", "comptroller", "treasurer", "governor-general", "president-elect",
    "prime", "foreign", "defense", "defence", "interior", "finance",
}
# Words that head a title but need a complement to be a role ("head of X", "chief of staff").
WEAK_TITLE_HEADS = {"head", "chief", "leader", "director", "official", "expert", "analyst", "member"}
# Title words kept as a role even alone before a name ("King Mohammed VI", "President Biden").
STANDALONE_TITLES = {
    "president", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "senator", "sen.",
    "governor", "gov.", "general", "gen.", "colonel", "col.", "admiral", "adm.", "ayatollah", "rabbi", "imam",
    "chancellor", "premier", "mayor", "judge", "justice", "cardinal", "archbishop", "bishop", "lieutenant", "lt.",
    "captain", "capt.", "major", "maj.", "sergeant", "sgt.", "marshal", "commander", "ambassador", "rep.",
    "representative", "crown", "minister", "secretary", "professor", "prof.", "pastor", "father", "sister",
}

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
PRONOUNS = {"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "his", "hers", "its",
            "our", "their", "this", "that", "these", "those", "who", "whom", "one", "someone", "everyone"}
# Words that start a sentence or a link caption and fool the model into a name.
CAPTION_WORDS = {"read", "also", "see", "watch", "follow", "share", "click", "subscribe", "related", "more",
                 "photo", "video", "source", "advertisement", "updated", "listen", "tweet", "comment", "sign",
                 "login", "log", "register", "print", "email", "home", "menu", "search", "opinion", "analysis",
                 "breaking", "live", "exclusive", "editorial", "caption", "file", "credit", "copyright"}
# Online platforms and services: organisations, never people or places.
PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "telegram", "linkedin",
             "snapchat", "reddit", "google", "wikipedia", "x"}

ORG_SUFFIXES = {"group", "front", "international", "inc", "inc.", "corp", "corp.", "corporation", "company", "co",
                "co.", "ltd", "ltd.", "llc", "plc", "party", "movement", "organization", "organisation", "agency",
                "association", "foundation", "institute", "council", "union", "network", "holdings", "bank",
                "university", "technologies", "systems", "ag", "sa", "gmbh", "league", "alliance", "committee", "platforms",
                "motor", "motors", "se", "nv", "n.v.", "s.a.", "limited", "incorporated"}

# Legal-form words that close a company name ("Airbus SE", "Chrysler Group LLC").
LEGAL_SUFFIXES = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "sa", "s.a.", "se",
                  "nv", "n.v.", "gmbh", "limited", "incorporated", "corporation", "lp", "llp", "bhd", "pty", "spa",
                  "s.p.a.", "oyj", "asa", "ab", "kk"}
# Words that make a company name rather than a product name ("Samsung Electronics").
# Legal forms, folded (LEGAL_SUFFIXES holds them as written): how a company is registered,
# never which company it is ("Siemens AG", "Nestlé S.A.", "Toyota Motor Corp."), so names
# that differ only by one are one thing.
LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "cos", "company", "ltd", "limited", "llc", "llp", "lp", "plc",
    "ag", "se", "sa", "sas", "spa", "srl", "sarl", "nv", "bv", "gmbh", "kgaa", "kg", "kk", "ab", "asa", "oy", "oyj",
    "pty", "pte", "bhd", "berhad", "tbk", "pjsc", "jsc", "ltda"})
ORG_WORDS = ORG_SUFFIXES | LEGAL_SUFFIXES | {
    "electronics", "airlines", "airways", "capital", "energy", "financial", "securities", "entertainment", "media",
    "communications", "pharmaceuticals", "pharma", "industries", "motors", "labs", "laboratories", "services",
    "software", "studios", "records", "partners", "investments", "insurance", "telecom", "airline", "airport",
    "bank", "fund", "trust", "news", "press", "times", "post", "journal", "television", "police", "computer",
    "computers", "corps", "records", "music", "pictures", "films", "books", "publishing", "foods", "brands",
    "army", "navy", "court", "ministry", "department", "office", "commission", "authority", "board", "service"}
# Nouns that name the kind of product a proper name before them is ("its Galaxy phone").
PRODUCT_NOUNS = {
    "phone", "phones", "smartphone", "smartphones", "handset", "handsets", "console", "consoles", "tablet", "tablets",
    "laptop", "laptops", "sedans", "suvs", "hybrid", "hybrids", "pickups", "minivan", "minivans", "hatchback",
    "computer", "computers", "pc", "jet", "jets", "jetliner", "jetliners", "airliner",
    "airliners", "aircraft", "plane", "planes", "helicopter", "helicopters", "drone", "drones", "car", "cars",
    "sedan", "suv", "truck", "trucks", "pickup", "vehicle", "vehicles", "model", "models", "device", "devices",
    "app", "apps", "browser", "software", "chip", "chips", "processor", "processors", "headset", "headsets",
    "smartwatch", "watch", "camera", "vaccine", "vaccines", "drug", "pill", "missile", "missiles", "rifle",
    "satellite", "engine", "engines", "chatbot", "operating", "spyware"}
# Words that, after the first word of a name, make it a product ("MacBook Pro", "Mac App
# Store", "iPhone XS Max"); alone they name nothing in particular.
PRODUCT_NAME_WORDS = {"pro", "air", "mini", "nano", "touch", "max", "plus", "ultra", "os", "osx", "app", "apps",
                      "store", "phone", "pad", "tv", "wi-fi", "server", "edition", "browser", "console", "lite",
                      "classic", "shuffle", "se", "xl"}
# Makers whose name followed by a capitalised word names a model ("Chevrolet Volt", "Nissan
# Leaf", "Boeing Dreamliner"); the maker alone stays an organisation.
PRODUCT_MAKERS = {
    "Acura", "Audi", "BMW", "Bentley", "Buick", "BYD", "Cadillac", "Chevrolet", "Chevy", "Chrysler",
    "Citroen", "Citroën", "Dacia", "Dodge", "Ferrari", "Fiat", "Ford", "GMC", "Honda", "Hyundai", "Infiniti",
    "Jaguar", "Jeep", "Kia", "Lamborghini", "Lexus", "Maserati", "Mazda", "Mercedes",
    "Mitsubishi", "Nissan", "Opel", "Peugeot", "Pontiac", "Porsche", "Renault", "Rivian",
    "Saab", "Skoda", "Škoda", "Subaru", "Suzuki", "Tesla", "Toyota", "Vauxhall", "Volkswagen", "VW",
    "Volvo", "Airbus", "Boeing", "Bombardier", "Cessna", "Embraer", "Sukhoi", "Tupolev", "Ilyushin",
    "Antonov", "Comac", "Dassault", "Gulfstream", "Sikorsky", "Apple", "Samsung", "Sony", "Nintendo", "Microsoft",
    "Nokia", "Motorola", "Huawei", "Xiaomi", "Nvidia", "Intel", "AMD", "Canon", "Nikon",
    "Panasonic", "Philips", "Dell", "Lenovo", "HP", "Asus", "Acer", "LG", "HTC", "OnePlus", "Oppo", "BlackBerry"}
# Capitalised words that a number follows without making a product ("Article 5", "Flight
# 370", "Chapter 11", "Route 66"): numbered parts, places, times and sequences.
NUMBERED_NOUNS = {
    "article", "articles", "flight", "chapter", "section", "clause", "paragraph", "page", "room", "route", "highway",
    "interstate", "road", "street", "avenue", "gate", "terminal", "platform", "pier", "level", "category", "phase",
    "stage", "step", "week", "day", "year", "game", "round", "match", "leg", "race", "lap", "heat", "group",
    "pool", "division", "league", "district", "ward", "precinct", "zone", "block", "lot", "unit", "station",
    "line", "number", "no", "channel", "radio", "resolution", "proposition", "prop", "amendment", "bill", "act",
    "law", "rule", "title", "volume", "vol", "issue", "episode", "season", "series", "part", "scene",
    "table", "figure", "fig", "appendix", "annex", "schedule", "item", "exhibit", "case", "cell", "floor",
    "building", "hall", "camp", "base", "sector", "area", "region", "battalion", "brigade", "regiment", "company",
    "squadron", "corps", "army", "fleet", "force", "type", "class", "grade", "size", "tier",
    "version", "release", "update", "patch", "mission", "expedition", "apollo", "gemini",
    "vatican", "pope", "king", "queen", "louis", "henry", "george", "charles", "edward", "pius", "john", "paul",
    "benedict", "psalm", "verse", "genesis", "exodus", "super", "bowl", "cop", "g", "top", "under", "over", "ages",
    "covid", "sars", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "h", "n", "mp", "ms", "hr", "hb", "sb", "ab", "sr", "jr"}
# Words after a number that make it a quantity, not a model number ("4 million", "5 times").
QUANTITY_WORDS = {
    "million", "millions", "billion", "billions", "trillion", "thousand", "thousands", "hundred", "hundreds",
    "percent", "per", "%", "times", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
    "minutes", "seconds", "people", "points", "point", "cents", "dollars", "euros", "pounds", "yen", "units",
    "employees", "jobs", "workers", "staff", "members", "shares", "votes", "miles", "kilometres",
    "kilometers", "feet", "metres", "meters", "inches", "tons", "tonnes", "gb", "mb", "tb", "kb", "ghz",
    "mhz", "mp", "megapixels", "pixels", "mm", "cm", "km", "kg", "mph"}
# Words before "of" that make what follows a product ("versions of Windows Vista").
PRODUCT_OF = {"price", "prices", "version", "versions", "edition", "editions", "launch", "release", "update",
              "updates", "upgrade", "recall", "successor", "variant", "variants", "copies"}
# News agencies and photo agencies, named in credits and captions ("Photo: AFP").
NEWS_AGENCIES = {
    "AFP", "Reuters", "AP", "Associated Press", "Agence France-Presse", "Agence France Presse", "Bloomberg",
    "Xinhua", "TASS", "Tass", "RIA Novosti", "Interfax", "Anadolu", "Anadolu Agency", "EFE", "ANSA", "dpa", "DPA",
    "Kyodo", "Kyodo News", "Yonhap", "KCNA", "IRNA", "Fars", "Tasnim", "ISNA", "WAFA", "PTI", "ANI", "UPI",
    "Getty Images", "EPA", "AAP", "Canadian Press", "Press Association", "PA Media", "Bernama", "Antara",
    "MAP", "APS", "SPA", "WAM", "MENA", "QNA", "KUNA", "BNA", "Sputnik", "CNA", "Xinhua News Agency", "Shutterstock",
    "Alamy", "NurPhoto", "SOPA Images", "Sipa", "Abaca", "AFP Photo", "Reuters Photo", "AP Photo"}
# First words of those names: the table is only tried where one of them stands.
NEWS_AGENCY_FIRST = frozenset(name.split()[0] for name in NEWS_AGENCIES)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-light form of a name, for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"[-‐‑–—_/]", " ", text)
    text = re.sub(r"[.,\"“”()\[\]]", "", text)
    return " ".join(text.lower().split())


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
    from countryinfo._cache import load_countries

    gaz = Gazetteer()
    data = load_countries()["countries"]
    sovereign_first = sorted(data.values(), key=lambda v: len(v.get("altSpellings") or []) < 3)
    for info in sovereign_first:
        raw = info.get("name") or ""
        if not raw or raw in _SKIP:
            continue
        name = _RENAMES.get(raw, raw)
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
            if dem and dem not in _NOT_STATE_DEMONYMS and dem != name:
                gaz.demonyms.setdefault(dem, name)
        capital = info.get("capital")
        if isinstance(capital, list):
            capital = capital[0] if capital else None
        if isinstance(capital, str) and capital and "/" not in capital and capital != name:
            gaz.capitals.setdefault(capital, name)
    for short, name in _ACRONYMS.items():
        gaz.names[short] = name
    for dem, name in _DEMONYMS.items():
        gaz.demonyms[dem] = name
    for seat, name in _SEATS.items():
        gaz.capitals[seat] = name
    gaz.capitals.pop("Kiev", None)
    gaz.capitals["Kiev"] = "Ukraine"
    for dem, name in gaz.demonyms.items():
        plural = _plural(dem)
        if plural != dem:
            gaz.plurals.setdefault(plural, name)
    gaz.epithets = dict(_EPITHETS)
    for text, name in gaz.names.items():
        gaz.folded.setdefault(fold(text), name)
    return gaz


def is_title_word(word: str) -> bool:
    return word.lower().strip(",") in TITLE_HEADS


def is_honorific(word: str) -> bool:
    return word.lower() in HONORIFICS


# British spellings folded to one form, so that one office told both ways is one role
_SPELLINGS = {"defence": "defense", "programme": "program", "labour": "labor", "organisation": "organization",
              "centre": "center", "honour": "honor", "favour": "favor"}
_INVERTIBLE = {"minister", "secretary", "ministers", "secretaries"}


def title_key(title: str) -> str:
    """One key for the ways one title is written: "Defence Minister", "defense minister" and
    "Minister of Defense" are the same office."""
    words = [_SPELLINGS.get(w, w) for w in title.lower().replace("-", " ").split()]
    if len(words) >= 3 and words[0] in _INVERTIBLE and words[1] in ("of", "for"):
        rest = [w for w in words[2:] if w != "the"]
        words = [*rest, words[0]]
    return " ".join(words)
