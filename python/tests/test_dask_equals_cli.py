#!/usr/bin/env python3
"""The Dask job (examples/dask_extract.py) on a local cluster of two worker processes writes the
same events, place mentions and date mentions as `newsatlas extract --format parquet` on the same
articles, row for row; its events are GeoParquet with the command line's `geo` metadata; each
worker loads the gazetteer once; the user's gazetteer additions apply in both.

Run from the repository (what .ci/run does):
    python3 python/tests/test_dask_equals_cli.py --cli target/debug/newsatlas
It builds and installs the wheel first (maturin, pip; --no-build to use the installed package).
Needs pyarrow, dask[dataframe], distributed and maturin; no network.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# A place the corpus names (seed 000) that the bundled gazetteer does not hold.
USER_GAZETTEER = """[[place]]
id = "user-silk-road-forum"
name = "New Silk Road Forum"
kind = "city"
lat = 39.9042
lon = 116.4074
country = "CN"
"""


def run(cmd, ok=(0,), **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    proc = subprocess.run([str(c) for c in cmd], text=True, capture_output=True, **kw)
    if proc.returncode not in ok:
        sys.exit(
            f"FAIL: exit code {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
        )
    return proc


def build_wheel(tmp, release, target_dir):
    out = tmp / "wheels"
    options = ["--release"] if release else []
    if target_dir:
        options += ["--target-dir", target_dir]
    run([sys.executable, "-m", "maturin", "build", *options, "-m", REPO / "python" / "Cargo.toml",
         "-o", out])
    wheels = sorted(out.glob("newsatlas-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"FAIL: expected one wheel in {out}, found {wheels}")
    run([sys.executable, "-m", "pip", "install", "--no-deps", "--force-reinstall", wheels[0]])


def read(files):
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = [pq.read_table(f) for f in files]
    if not tables:
        sys.exit(f"FAIL: no files to read ({files})")
    return pa.concat_tables([t.replace_schema_metadata(None) for t in tables])


def canonical_rows(table, drop=()):
    """The rows as sorted JSON strings: the sort key is the whole row, so the order is stable."""
    keep = [n for n in table.column_names if n not in drop]
    return sorted(
        json.dumps(row, sort_keys=True, default=repr) for row in table.select(keep).to_pylist()
    )


def geo_of(path):
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata.metadata or {}
    if b"geo" not in meta:
        sys.exit(f"FAIL: {path} has no `geo` metadata key")
    return json.loads(meta[b"geo"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "newsatlas")
    ap.add_argument("--no-build", action="store_true", help="use the installed newsatlas package")
    ap.add_argument("--release", action="store_true", help="build the wheel in release mode")
    ap.add_argument("--target-dir", type=Path,
                    help="cargo's target folder for the wheel (the core's: its dependencies are reused)")
    ap.add_argument("--articles", type=int, default=240)
    args = ap.parse_args()
    if not args.cli.is_file():
        sys.exit(f"FAIL: no newsatlas binary at {args.cli} (build the core first)")

    with tempfile.TemporaryDirectory(prefix="newsatlas-dask-test-") as tmp:
        tmp = Path(tmp)
        # The gazetteer index cache in the temporary folder, for this process and its children.
        os.environ["NEWSATLAS_CACHE_DIR"] = str(tmp / "cache")
        env = dict(os.environ)
        if not args.no_build:
            build_wheel(tmp, args.release, args.target_dir)

        articles, csv_file = tmp / "articles", tmp / "articles.csv"
        run([sys.executable, REPO / "scripts" / "make_parquet_corpus.py", "--out", articles,
             "--articles", args.articles, "--parts", 6, "--csv", csv_file])
        user = tmp / "user"
        user.mkdir()
        (user / "gazetteer.toml").write_text(USER_GAZETTEER, encoding="utf-8")

        job_out = tmp / "dask"
        job = run([sys.executable, REPO / "examples" / "dask_extract.py", "--articles", articles,
                   "--out", job_out, "--workers", 2, "--gazetteer-dir", REPO / "data",
                   "--user-gazetteer", user], env=env, cwd=tmp)
        summary = json.loads(job.stdout.strip().splitlines()[-1])
        print("job:", summary)

        cli_out = tmp / "cli"
        # Exit code 1 is "problems were reported" (warnings about the articles): still output.
        run([args.cli, "--root", REPO, "--user-data", user, "extract", "--corpus", csv_file,
             "--format", "parquet", "--out", cli_out], ok=(0, 1), env=env)

        failures = []

        def check(cond, what):
            print(("ok   " if cond else "FAIL ") + what, flush=True)
            if not cond:
                failures.append(what)

        check(summary["workers"] == 2, "the job ran on two workers")
        check(summary["gazetteer_loads_per_worker"] == [1, 1],
              f"each worker loaded the gazetteer once ({summary['gazetteer_loads_per_worker']})")
        check(summary["articles"] == args.articles, f"the job read {args.articles} articles")

        for name, drop in [("events", ()), ("places", ()), ("dates", ()), ("articles", ("file",))]:
            parts = sorted(glob.glob(str(job_out / name / "*.parquet")))
            check(len(parts) == 6, f"{name}: six partition files")
            got = read(parts)
            want = read([cli_out / f"{name}.parquet"])
            check(got.schema.equals(want.schema), f"{name}: same columns and types as the CLI")
            check(want.num_rows > 0, f"{name}: the CLI wrote {want.num_rows} rows")
            a, b = canonical_rows(got, drop), canonical_rows(want, drop)
            same = a == b
            if not same:
                extra = sorted(set(a) - set(b))[:3]
                missing = sorted(set(b) - set(a))[:3]
                print(f"  job has {len(a)} rows, CLI {len(b)}; only in job: {extra}; "
                      f"only in CLI: {missing}")
            check(same, f"{name}: the {len(b)} rows are equal row for row")

        events = read([cli_out / "events.parquet"])
        check("user-silk-road-forum" in set(events.column("place_id").to_pylist()),
              "the user's gazetteer addition gave events")

        want_geo = geo_of(cli_out / "events.parquet")
        boxes = []
        for part in sorted((job_out / "events").glob("*.parquet")):
            geo = geo_of(part)
            box = geo["columns"]["geometry"].pop("bbox", None)
            if box:
                boxes.append(box)
            cli_geo = json.loads(json.dumps(want_geo))
            cli_geo["columns"]["geometry"].pop("bbox", None)
            check(geo == cli_geo, f"{part.name}: the CLI's `geo` metadata (GeoParquet 1.1, CRS84)")
        union = [min(b[0] for b in boxes), min(b[1] for b in boxes),
                 max(b[2] for b in boxes), max(b[3] for b in boxes)]
        check(union == want_geo["columns"]["geometry"]["bbox"],
              "the partitions' bboxes make up the CLI's")

        # The input column types the Extractor takes give the same rows: text as large_string,
        # `published` as ISO text or timestamps instead of dates; a RecordBatch as a Table.
        import pyarrow as pa
        import pyarrow.parquet as pq
        import newsatlas

        ex = newsatlas.Extractor(gazetteer_dir=str(REPO / "data"), user_gazetteer=str(user))
        table = pq.read_table(articles)
        base = canonical_rows(ex.extract(table)["events"])
        published = table.column("published")
        variants = {
            "large_string text": table.set_column(
                1, "text", table.column("text").cast(pa.large_string())),
            "ISO text dates": table.set_column(
                2, "published", pa.array([d.isoformat() + "T10:00:00Z" if d else None
                                          for d in published.to_pylist()], pa.string())),
            "timestamps": table.set_column(2, "published", published.cast(pa.timestamp("ms"))),
            "a RecordBatch": table.combine_chunks().to_batches()[0],
        }
        for what, variant in variants.items():
            check(canonical_rows(ex.extract(variant)["events"]) == base,
                  f"the Extractor reads {what} as the same articles")
        try:
            ex.extract(table.drop_columns(["id"]))
            check(False, "a table without `id` is refused")
        except ValueError as err:
            check("no `id` column" in str(err), f"a table without `id` is refused: {err}")

        if failures:
            sys.exit(f"FAIL: {len(failures)} check(s) failed")
        print("test_dask_equals_cli: all checks passed")


if __name__ == "__main__":
    main()
