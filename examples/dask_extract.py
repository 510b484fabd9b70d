#!/usr/bin/env python3
"""newsatlas's extraction over a folder of Parquet articles on a Dask distributed cluster.

Reads every `*.parquet` file under --articles (columns `id`, `text`, optionally `published`),
runs `newsatlas.Extractor` on the workers one row group at a time (each worker process loads the
gazetteer once: `Extractor.shared`), and writes a partitioned output folder:

    OUT/events/part-NNNNN.parquet    GeoParquet 1.1 events (WKB points, CRS84, bbox covering),
                                     the columns and `geo` metadata of `newsatlas extract
                                     --format parquet`'s events.parquet
    OUT/places/part-NNNNN.parquet    place mentions   (as places.parquet)
    OUT/dates/part-NNNNN.parquet     date mentions    (as dates.parquet)
    OUT/articles/part-NNNNN.parquet  articles         (as articles.parquet; `file` is empty)

Open the events in the app with `newsatlas --events OUT/events`.

Without --scheduler it starts a LocalCluster of --workers processes on this machine; with
--scheduler tcp://HOST:8786 the same code runs on a real cluster (every worker needs the
`newsatlas` wheel installed, the gazetteer folder at --gazetteer-dir, and --articles/--out on
storage they all see). Prints one JSON line of figures at the end.

Usage:
    python3 examples/dask_extract.py --articles DIR --out DIR [--workers 2]
        [--scheduler ADDRESS] [--gazetteer-dir DIR] [--user-gazetteer DIR] [--threads 1]
"""

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

TABLES = ("events", "places", "dates", "articles")
INPUT_COLUMNS = ("id", "text", "published")


def extract_row_group(task):
    """Runs on a worker: one row group of one input file in, four Parquet files out."""
    import newsatlas  # imported on the worker

    path, row_group, index, out, settings = task
    extractor = newsatlas.Extractor.shared(**settings)
    source = pq.ParquetFile(path)
    columns = [c for c in INPUT_COLUMNS if c in source.schema_arrow.names]
    tables = extractor.extract(source.read_row_group(row_group, columns=columns))
    for name in TABLES:
        # The events table carries the `geo` key in its schema metadata: pyarrow writes it into
        # the file's footer, which makes the file GeoParquet.
        pq.write_table(
            tables[name], os.path.join(out, name, f"part-{index:05d}.parquet"), compression="snappy"
        )
    return {
        "articles": tables["articles"].num_rows,
        "events": tables["events"].num_rows,
        "pid": os.getpid(),
    }


def load_gazetteer(settings):
    """Runs on each worker before the tasks: loads its gazetteer (timed apart from extraction)."""
    import newsatlas

    newsatlas.Extractor.shared(**settings)
    return newsatlas.gazetteer_loads()


def tasks_of(articles_dir, out, settings):
    """One task per row group of every `*.parquet` file under `articles_dir`, in path order."""
    files = sorted(p for p in Path(articles_dir).rglob("*.parquet") if p.is_file())
    if not files:
        sys.exit(f"dask_extract: no .parquet file under {articles_dir}")
    tasks = []
    for path in files:
        try:
            meta = pq.ParquetFile(path)
        except Exception as err:  # noqa: BLE001 - any reading error is reported the same way
            sys.exit(f"dask_extract: {path}: not a Parquet file ({err})")
        missing = [c for c in ("id", "text") if c not in meta.schema_arrow.names]
        if missing:
            sys.exit(
                f"dask_extract: {path}: no {', '.join(missing)} column, expected id, text and "
                f"optionally published (it has {', '.join(meta.schema_arrow.names)})"
            )
        for rg in range(meta.num_row_groups):
            tasks.append((str(path), rg, len(tasks), str(out), settings))
    return tasks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", required=True, type=Path, help="folder of Parquet articles")
    ap.add_argument("--out", required=True, type=Path, help="output folder (replaced)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", help="a running cluster's scheduler address instead")
    ap.add_argument("--gazetteer-dir", help="folder with gazetteer.toml and places_broad.tsv.gz")
    ap.add_argument("--user-gazetteer", help="the user's additions: the user data folder (as --user-data DIR) or its gazetteer.toml")
    ap.add_argument("--threads", type=int, default=1, help="extraction threads per worker")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    settings = {
        "gazetteer_dir": args.gazetteer_dir,
        "user_gazetteer": args.user_gazetteer,
        "threads": args.threads,
    }
    tasks = tasks_of(args.articles, args.out.resolve(), settings)
    if args.out.exists():
        # Only an earlier output (nothing but the four folders) is replaced.
        if not args.out.is_dir() or any(p.name not in TABLES for p in args.out.iterdir()):
            sys.exit(f"dask_extract: {args.out} is not an earlier output of this job; not replacing it")
        shutil.rmtree(args.out)
    for name in TABLES:
        (args.out / name).mkdir(parents=True)

    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        client.wait_for_workers(1 if args.scheduler else args.workers)
        start = time.perf_counter()
        client.run(load_gazetteer, settings)
        load_seconds = time.perf_counter() - start
        start = time.perf_counter()
        results = client.gather(client.map(extract_row_group, tasks, pure=False))
        seconds = time.perf_counter() - start
        import newsatlas

        loads = client.run(newsatlas.gazetteer_loads)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    n_articles = sum(r["articles"] for r in results)
    print(
        json.dumps(
            {
                "articles": n_articles,
                "events": sum(r["events"] for r in results),
                "partitions": len(results),
                "workers": len(loads),
                "gazetteer_loads_per_worker": sorted(loads.values()),
                "gazetteer_load_seconds": round(load_seconds, 3),
                "seconds": round(seconds, 3),
                "articles_per_second": round(n_articles / seconds, 1) if seconds > 0 else None,
                "out": str(args.out),
            }
        )
    )


if __name__ == "__main__":
    main()
