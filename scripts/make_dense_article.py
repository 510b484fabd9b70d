#!/usr/bin/env python3
"""Writes a hostile article: one sentence listing N distinct gazetteer names.

Issue 15's probe of output size: an article whose single sentence names thousands of places
makes thousands of events that share one sentence, the worst case for what an export repeats.
The names are a seeded random sample of the capitalised names (second column) of the broad
gazetteer, so every run of the same command writes the same bytes.

With --column the names are written one per line instead (a column of names: each line is a
sentence of its own, the other shape of a list).

Usage: python3 scripts/make_dense_article.py OUT_DIR [--names 17000] [--seed 1] [--column]
Then:  /usr/bin/time -v newsatlas extract --corpus OUT_DIR -o out.jsonl --no-user-data
"""

import argparse
import gzip
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write dense.txt into")
    parser.add_argument("--names", type=int, default=17000, help="how many names (default 17000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--column", action="store_true", help="one name per line")
    args = parser.parse_args()

    names = set()
    with gzip.open(ROOT / "data" / "places_broad.tsv.gz", "rt", encoding="utf-8") as tsv:
        for line in tsv:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and cols[1][:1].isupper():
                names.add(cols[1])
    random.seed(args.seed)
    picked = random.sample(sorted(names), min(args.names, len(names)))
    args.out.mkdir(parents=True, exist_ok=True)
    if args.column:
        body = "Officials listed:\n" + "\n".join(picked) + "\n"
    else:
        body = "Officials listed " + ", ".join(picked) + ".\n"
    path = args.out / "dense.txt"
    path.write_text("title: Every place at once\ndate: 2020-01-01\n\n" + body, encoding="utf-8")
    print(f"wrote {path}: {len(picked)} names, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
