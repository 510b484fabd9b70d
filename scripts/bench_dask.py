#!/usr/bin/env python3
"""Articles per second of the Dask job (examples/dask_extract.py) on a LocalCluster of one and of
two worker processes, beside the single-process command line on the same articles.

Generates a corpus (scripts/make_parquet_corpus.py: Parquet for the job, the same articles as CSV
for `newsatlas extract --corpus`), then runs each configuration --runs times and prints a Markdown
table of the medians. For the job, `extract s` is the time of its tasks (the workers already
started and their gazetteer loaded; the job prints it), `wall s` the whole command (interpreter,
cluster start, gazetteer load, tasks); for the command line both are the whole command (it loads
the gazetteer through the same cache). Run from the repository with the wheel installed
(`maturin build --release -m python/Cargo.toml` + pip) and the core built:

    python3 scripts/bench_dask.py --cli target/release/newsatlas [--articles 4000] [--runs 3]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(cmd, env):
    start = time.perf_counter()
    proc = subprocess.run([str(c) for c in cmd], text=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_dask: {cmd[0]} failed ({proc.returncode}):\n{proc.stderr}")
    return wall, proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "newsatlas")
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--parts", type=int, default=8)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not args.cli.is_file():
        sys.exit(f"bench_dask: no newsatlas binary at {args.cli}")

    with tempfile.TemporaryDirectory(prefix="newsatlas-bench-dask-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, NEWSATLAS_CACHE_DIR=str(tmp / "cache"))
        articles, csv_file = tmp / "articles", tmp / "articles.csv"
        gen = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "make_parquet_corpus.py"), "--out", str(articles),
             "--articles", str(args.articles), "--parts", str(args.parts), "--csv", str(csv_file)],
            text=True, capture_output=True, check=True,
        )
        print(gen.stdout.strip(), file=sys.stderr)
        cli = [args.cli, "--root", REPO, "--no-user-data", "extract", "--corpus", csv_file,
               "--format", "parquet", "--out", tmp / "cli"]
        # Warm the gazetteer index cache once, as a second run of anything would find it.
        timed(cli, env)
        rows = []
        for label, extra_env in [("CLI, 2 threads (default)", {}),
                                 ("CLI, 1 thread", {"RAYON_NUM_THREADS": "1"})]:
            walls = [timed(cli, dict(env, **extra_env))[0] for _ in range(args.runs)]
            wall = statistics.median(walls)
            rows.append((label, wall, wall))
        for workers in (1, 2):
            walls, extracts = [], []
            for _ in range(args.runs):
                wall, out = timed([sys.executable, REPO / "examples" / "dask_extract.py",
                                   "--articles", articles, "--out", tmp / "dask",
                                   "--workers", workers, "--threads", 1], env)
                walls.append(wall)
                extracts.append(json.loads(out.strip().splitlines()[-1])["seconds"])
            rows.append((f"Dask, {workers} worker{'s' if workers > 1 else ''} x 1 thread",
                         statistics.median(extracts), statistics.median(walls)))
        n = args.articles
        print(f"{n} articles, {args.parts} Parquet files, median of {args.runs} runs, "
              f"{os.cpu_count()} cores\n")
        print("| run | extract s | articles/s | wall s | articles/s (wall) |")
        print("|---|---:|---:|---:|---:|")
        for label, extract, wall in rows:
            print(f"| {label} | {extract:.2f} | {n / extract:,.0f} | {wall:.2f} | {n / wall:,.0f} |")


if __name__ == "__main__":
    main()
