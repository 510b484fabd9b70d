#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ (gitignored) with starting inputs from seeds/, data/ and
# tests/bad_inputs/, in the shape each harness reads (see src/tools/fuzzing.rs). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import csv, datetime, io, os, pathlib

root = pathlib.Path(".")
out = root / "fuzz" / "corpus"

def put(target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)

seeds = sorted((root / "seeds").glob("*.txt"))
bad = sorted((root / "tests" / "bad_inputs").rglob("*.*"))
for p in seeds + [b for b in bad if b.parent.name == "articles"]:
    put("article", p.name, p.read_bytes())
for p in seeds:
    put("places", p.name, p.read_bytes())
    # dates: three bytes of days since 0000-01-01 (little endian), then the text.
    n = (datetime.date(2019, 4, 9) - datetime.date(1, 1, 1)).days + 366
    put("dates", p.name, n.to_bytes(3, "little") + p.read_bytes())
    put("dates", "undated-" + p.name, b"\0\0\0" + p.read_bytes())

# gazetteer: a 0 byte then TOML (groups of 4 places), a 1 byte then broad TSV (chunks of rows).
toml = (root / "data" / "gazetteer.toml").read_text()
places = toml.split("[[place]]")
for i in range(1, len(places), 4):
    put("gazetteer", f"curated-{i:03}.toml", b"\0" + ("[[place]]" + "[[place]]".join(places[i:i + 4])).encode())
broad = root / "data" / "places_broad.tsv"
if not broad.exists():
    import gzip
    rows = gzip.decompress((root / "data" / "places_broad.tsv.gz").read_bytes()).decode().splitlines()
else:
    rows = broad.read_text().splitlines()
header = rows[0]
for i, start in enumerate(range(1, 4000, 200)):
    put("gazetteer", f"broad-{i:03}.tsv", b"\1" + "\n".join([header] + rows[start:start + 20]).encode())
for p in bad:
    if p.suffix == ".toml":
        put("gazetteer", p.name, b"\0" + p.read_bytes())
        put("scenes", p.name, p.read_bytes())
    if p.suffix == ".tsv":
        put("gazetteer", p.name, b"\1" + p.read_bytes())
    if p.suffix == ".csv":
        put("csv_import", p.name, p.read_bytes())

put("scenes", "good.toml", b'''[[scene]]
name = "Tripoli"
caption = "The offensive on Tripoli"
center = { lat = 32.9, lon = 13.2 }
zoom = 8.0
cursor = 2019-04-09
half_window_days = 14
mode = "cumulative"
place = "tripoli-ly"
article = "000_7d2449e987ad4fa5"

[[scene]]
name = "Sirte"
center = { lat = 31.2, lon = 16.6 }
zoom = 6.5
cursor = 2020-01-06
''')
put("scenes", "dates.toml", b'[[override]]\nfile = "a.txt"\nid = "a"\nhash = "00ff"\ndate = "2019-04-09"\n')

buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["title", "date", "text", "source", "id"])
for i, p in enumerate(seeds):
    w.writerow([p.stem, "2019-04-%02d" % (i + 1), p.read_text(), "AFP", p.stem])
put("csv_import", "seeds.csv", buf.getvalue().encode())
put("csv_import", "small.csv", b'\xef\xbb\xbfTitle,Date,Text\r\n"A ""quoted"" one",2019-04-08T10:00:00Z,"Two\r\nlines"\r\nB,,x\r\n')
formats = root / "tests" / "fixtures" / "formats"
for p in sorted(formats.glob("*.htm*")):
    put("html", p.name, p.read_bytes())
for p in sorted(formats.glob("*")):
    if p.suffix in (".rss", ".atom", ".xml", ".json"):
        put("feed", p.name, p.read_bytes())
for p in sorted(formats.glob("*.pdf")):
    put("pdf", p.name, p.read_bytes())
for p in sorted((root / "tests" / "bad_inputs" / "feeds").glob("*")):
    put("feed", p.name, p.read_bytes())
for p in sorted((root / "tests" / "bad_inputs" / "pdfs").glob("*.pdf")):
    put("pdf", p.name, p.read_bytes())
# event_csv: a 0 byte then an ACLED-style CSV, a 1 byte then GDELT-style tab-separated rows.
for p in sorted(formats.glob("*")):
    if p.suffix == ".csv":
        put("event_csv", p.name, b"\0" + p.read_bytes())
    if p.name.endswith(".export.CSV"):
        put("event_csv", p.name, b"\1" + p.read_bytes())
put("feed", "tiny.json", b'{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","content_text":"Sirte","date_published":"2020-01-06T10:00:00Z"}]}')
# geoparquet: the seeds' events.parquet as `newsatlas extract --format parquet` writes it (when
# a release build is there; build it with `cargo build --release --no-default-features`).
import subprocess, tempfile
exe = root / "target" / "release" / "newsatlas"
if exe.exists():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(exe), "extract", "--no-user-data", "--root", str(root.resolve()),
                        "--format", "parquet", "--out", tmp], check=True, stderr=subprocess.DEVNULL)
        for name in ("events", "places", "articles"):
            put("geoparquet", f"{name}.parquet", (pathlib.Path(tmp) / f"{name}.parquet").read_bytes())
print("seeded", {t.name: len(list(t.iterdir())) for t in sorted(out.iterdir())})
PY
