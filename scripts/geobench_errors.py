#!/usr/bin/env python3
"""The geoparsing dev sets' errors, one per line with their context: the work list.

    python3 scripts/geobench_errors.py lgl|gwn OUT.jsonl [N] [m|w|f...]

OUT.jsonl is what `geobench.py run NAME BIN OUT` wrote beside OUT (the `extract --format jsonl`
output). Prints up to N (default 80) of each kind asked for (default all three):
  m  literal gold toponyms no prediction overlaps (misses)
  w  gold toponyms found but placed wrong (our name, country, kind, reason and the error in km)
  f  predictions that overlap no gold toponym (false alarms, as far as the gold marks toponyms)
Matching and "right place" are the scorer's own (`geobench.load`, `geobench.right_place`), so the
counts agree with its figures. Reads ../shared/bench/geoparse (or $GEOBENCH_DIR); writes nothing.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("GEOBENCH_DIR")
                or os.path.join(HERE, "..", "..", "shared", "bench", "geoparse"))
import geobench  # noqa: E402


def context(text, s, e):
    return (text[max(0, s - 60):s] + "[" + text[s:e] + "]" + text[e:e + 40]).replace("\n", " ")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    name, jsonl = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 80
    kinds = sys.argv[4] if len(sys.argv) > 4 else "mwf"
    docs = {d["key"]: d for d in geobench.load(name)}
    countries = geobench.countries()
    records = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    article, preds = {}, {}
    for r in records:
        if r.get("type") == "article":
            article[str(r.get("id"))] = os.path.basename(str(r.get("file", ""))).rsplit(".", 1)[0]
    for r in records:
        if r.get("type") == "place" and str(r.get("article")) in article:
            preds.setdefault(article[str(r["article"])], []).append(r)
    out = {"m": [], "w": [], "f": []}
    for key, d in docs.items():
        text = d["text"]
        byte_at = [0]
        for ch in text:
            byte_at.append(byte_at[-1] + len(ch.encode()))
        char_at = {b: i for i, b in enumerate(byte_at)}
        ps = preds.get(key, [])
        used = set()
        for g in d["gold"]:
            gs, ge = byte_at[g["s"]], byte_at[g["e"]]
            best, overlap = None, 0
            for i, p in enumerate(ps):
                o = min(ge, int(p.get("end", -1))) - max(gs, int(p.get("start", -1)))
                if i not in used and o > overlap:
                    best, overlap = i, o
            if best is None:
                if g["literal"]:
                    out["m"].append((key, g["phrase"], context(text, g["s"], g["e"])))
                continue
            used.add(best)
            p = ps[best]
            right, km = geobench.right_place(g, p, countries)
            if not right:
                said = f"{p.get('name')} {p.get('country')} {p.get('kind')} {p.get('reason')}"
                said += f" {round(km)} km" if km is not None else ""
                out["w"].append((key, g["phrase"], said, context(text, g["s"], g["e"])))
        for i, p in enumerate(ps):
            s, e = char_at.get(int(p.get("start", -1))), char_at.get(int(p.get("end", -1)))
            if i in used or s is None or e is None:
                continue
            said = f"{p.get('name')} {p.get('country')} {p.get('kind')} {p.get('reason')}"
            out["f"].append((key, p.get("surface"), said, context(text, s, e)))
    for kind in kinds:
        rows = out.get(kind, [])
        print(f"==== {kind}: {len(rows)}")
        for row in rows[:limit]:
            print(" | ".join(str(x) for x in row))


if __name__ == "__main__":
    main()
