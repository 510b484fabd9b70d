#!/usr/bin/env python3
"""Build data/area_codes.tsv: the US state or Canadian province of each North American area code.

A phone number in local news ("call the sheriff's office at 304-340-3676") tells the state the
story is in even where the text never names it. Source: the geocoding data of phonenumbers
(PyPI; Google's libphonenumber, Apache-2.0), which names the state or province of each area
code ("1304": "West Virginia"); each name is matched to the first-level division of the broad
layer (data/places_broad.tsv.gz, built first) to get the key the matcher uses (`US.WV`,
`CA.08`). Area codes of several states, toll-free and non-geographic codes have no single
state there and are left out.

Rebuild:
    /tmp/gazenv/bin/pip install phonenumbers==9.0.43
    /tmp/gazenv/bin/python scripts/build_area_codes.py
"""
import csv, gzip, os, sys

from phonenumbers.geodata import GEOCODE_DATA

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")


def divisions():
    """Name -> `CC.code` key of the first-level divisions of the United States and Canada."""
    out = {}
    with gzip.open(os.path.join(DATA, "places_broad.tsv.gz"), "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            flags = row["flags"].split(",")
            if "adm1" in flags and row["country"] in ("US", "CA") and row["admin1"]:
                out.setdefault(row["name"], f"{row['country']}.{row['admin1']}")
    return out


# The data's own spellings of a few divisions.
SPELLINGS = {"British Colombia": "British Columbia", "Washington State": "Washington",
             "Washington D.C.": "District of Columbia"}

# Canada Post's province abbreviations, for the data's "Toronto, ON" (US states use their
# postal code, which is the key's own code).
PROVINCES = {"AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
             "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "ON": "Ontario",
             "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan"}


def key_of(name, keys):
    """The division key of a geocoding name: a division's name, or "City, ST"."""
    name = SPELLINGS.get(name, name)
    if name in keys:
        return keys[name]
    _, _, code = name.rpartition(", ")
    if code in PROVINCES:
        return keys.get(PROVINCES[code])
    if f"US.{code}" in keys.values():
        return f"US.{code}"
    return None


def main():
    keys = divisions()
    rows, missing = [], set()
    for prefix, names in GEOCODE_DATA.items():
        if len(prefix) != 4 or not prefix.startswith("1"):
            continue
        name = names.get("en", "")
        key = key_of(name, keys)
        if key:
            rows.append((prefix[1:], key, name))
        else:
            missing.add(name)
    missing = sorted(missing)
    print(f"{len(rows)} area codes; names not a US or Canadian division: {missing}", file=sys.stderr)
    with open(os.path.join(DATA, "area_codes.tsv"), "w", encoding="utf-8") as f:
        f.write("# North American area code -> first-level division key (US state, Canadian province).\n")
        f.write("# Built by scripts/build_area_codes.py from phonenumbers 9.0.43 (libphonenumber's\n")
        f.write("# geocoding data, Apache-2.0); see data/ATTRIBUTION.md.\n")
        for code, key, name in sorted(rows):
            f.write(f"{code}\t{key}\t{name}\n")


if __name__ == "__main__":
    main()
