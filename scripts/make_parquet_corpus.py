#!/usr/bin/env python3
"""A synthetic corpus of news articles as Parquet (id, text, published), for the Dask job
(examples/dask_extract.py), its CI test and its benchmark; optionally the same articles as a CSV
file that `newsatlas extract --corpus FILE.csv` reads (id, title, date, text).

The articles are made from the paragraphs of the bundled seeds (seeds/*.txt), recombined: each
article takes the lead paragraph of one seed and a shuffled pick of paragraphs from all of them,
so places and dates vary from article to article. How an article is dated varies too: a
`published` date (most), a `date:` header line in the text, or nothing (the text's dateline, if
any, else undated). Deterministic for a given --seed.

Usage:
    python3 scripts/make_parquet_corpus.py --out DIR [--articles 3000] [--parts 8]
        [--csv FILE] [--seed 1]
Needs pyarrow.
"""

import argparse
import csv
import datetime
import random
import re
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
DATE_TOKEN = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")


def seed_paragraphs(seeds_dir):
    """Each seed's paragraphs (non-empty lines), its leading `date` token removed."""
    seeds = []
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines()]
        paragraphs = [l for l in lines if l]
        if not paragraphs:
            continue
        paragraphs[0] = DATE_TOKEN.sub("", paragraphs[0])
        seeds.append(paragraphs)
    if not seeds:
        sys.exit(f"make_parquet_corpus: no seeds/*.txt with text in {seeds_dir}")
    return seeds


def articles(seeds, n, rng):
    """n articles as (id, text, published or None)."""
    every = [p for s in seeds for p in s[1:]]
    first = datetime.date(2019, 1, 1)
    for i in range(n):
        lead = rng.choice(seeds)[0]
        body = [lead] + rng.sample(every, k=min(len(every), rng.randint(2, 7)))
        day = first + datetime.timedelta(days=rng.randrange(6 * 365))
        title = f"title: Synthetic article {i}"
        mode = rng.random()
        if mode < 0.55:
            text, published = title + "\n\n" + "\n\n".join(body), day
        elif mode < 0.8:
            text = f"{title}\ndate: {day.isoformat()}\n\n" + "\n\n".join(body)
            published = None
        else:
            text, published = "\n\n".join(body), None
        yield f"syn-{i:07d}", text, published


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="folder for part-NNNNN.parquet files")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--parts", type=int, default=8, help="how many Parquet files")
    ap.add_argument("--csv", type=Path, help="also write the articles to this CSV file")
    ap.add_argument("--seeds", type=Path, default=REPO / "seeds")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.articles < 1 or args.parts < 1:
        sys.exit("make_parquet_corpus: --articles and --parts must be at least 1")

    rows = list(articles(seed_paragraphs(args.seeds), args.articles, random.Random(args.seed)))
    args.out.mkdir(parents=True, exist_ok=True)
    schema = pa.schema(
        [("id", pa.string()), ("text", pa.string()), ("published", pa.date32())]
    )
    per_part = -(-len(rows) // args.parts)
    for part in range(args.parts):
        chunk = rows[part * per_part : (part + 1) * per_part]
        if not chunk:
            break
        table = pa.Table.from_arrays(
            [pa.array(c, type=t) for c, t in zip(zip(*chunk), schema.types)], schema=schema
        )
        pq.write_table(table, args.out / f"part-{part:05d}.parquet")
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "title", "date", "text"])
            for id_, text, published in rows:
                w.writerow([id_, "", published.isoformat() if published else "", text])
    print(
        f"make_parquet_corpus: {len(rows)} articles, {sum(len(r[1]) for r in rows)} bytes of "
        f"text, in {min(args.parts, -(-len(rows) // per_part))} files under {args.out}"
        + (f", and {args.csv}" if args.csv else "")
    )


if __name__ == "__main__":
    main()
