#!/usr/bin/env python3
"""Writes src/pipeline/extract/places/person_names.rs: the common given names and surnames of the
US Census 1990 name files (public domain, as packaged by the PyPI `names` package, version
0.3.0), those borne by at least 1 in 10,000 people, for the matcher's test that a place name
opens a person's name ("Scott Pruitt", "Chad Walker": a given name, then a surname).

    python3 -m venv /tmp/gazenv && /tmp/gazenv/bin/pip install names==0.3.0
    /tmp/gazenv/bin/python scripts/build_person_names.py
"""
from pathlib import Path

import names as census_names

MIN_PERCENT = 0.01
OUT = Path(__file__).resolve().parent.parent / "src/pipeline/extract/places/person_names.rs"


def read(folder: Path, fname: str) -> list[str]:
    out = set()
    for line in (folder / fname).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= MIN_PERCENT:
            out.add(parts[0].capitalize())
    return sorted(out)


def array(name: str, doc: str, words: list[str]) -> str:
    lines = [f"/// {doc}", f"pub(super) static {name}: &[&str] = &["]
    row = "   "
    for w in words:
        item = f' "{w}",'
        if len(row) + len(item) > 100:
            lines.append(row)
            row = "   "
        row += item
    lines.append(row)
    lines.append("];")
    return "\n".join(lines)


def main() -> None:
    folder = Path(census_names.__file__).parent
    given = sorted(set(read(folder, "dist.female.first")) | set(read(folder, "dist.male.first")))
    surnames = read(folder, "dist.all.last")
    text = "\n".join([
        "//! Common given names and surnames (US Census 1990 name files, public domain; those borne",
        "//! by at least 1 in 10,000 people), sorted. Written by `scripts/build_person_names.py`;",
        "//! do not edit by hand.",
        "",
        "#[rustfmt::skip]",
        array("GIVEN_NAMES", "Given names, capitalised, sorted.", given),
        "",
        "#[rustfmt::skip]",
        array("SURNAMES", "Surnames, capitalised, sorted.", surnames),
        "",
    ])
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(given)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
