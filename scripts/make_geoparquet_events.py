#!/usr/bin/env python3
"""A synthetic GeoParquet events file of N events with the columns of `newsatlas extract --format
parquet`'s events.parquet (WKB points, bbox covering, the `geo` metadata from the newsatlas
package when it is installed, else an equivalent one): for timing how the app opens large event
files (examples/open_events.rs). Vectorized (numpy, pyarrow); deterministic for a given --seed.

Usage: python3 scripts/make_geoparquet_events.py --events 1000000 --out /tmp/events-1m.parquet
"""

import argparse
import json
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


def geo_metadata(bbox):
    try:
        import newsatlas

        return newsatlas.geo_metadata_json(bbox)
    except ImportError:
        column = {"encoding": "WKB", "geometry_types": ["Point"], "bbox": bbox,
                  "covering": {"bbox": {k: ["bbox", k] for k in ("xmin", "ymin", "xmax", "ymax")}}}
        return json.dumps({"version": "1.1.0", "primary_column": "geometry",
                           "columns": {"geometry": column}})


def batch(rng, start, n, places, lat, lon):
    idx = rng.integers(0, places, n)
    la, lo = lat[idx], lon[idx]
    wkb = np.zeros((n, 21), dtype=np.uint8)
    wkb[:, 0] = 1
    wkb[:, 1] = 1
    wkb[:, 5:13] = lo.astype("<f8").view(np.uint8).reshape(n, 8)
    wkb[:, 13:21] = la.astype("<f8").view(np.uint8).reshape(n, 8)
    offsets = pa.py_buffer(np.arange(0, 21 * (n + 1), 21, dtype=np.int32).tobytes())
    geometry = pa.Array.from_buffers(pa.binary(), n, [None, offsets, pa.py_buffer(wkb.tobytes())])
    article = pc.binary_join_element_wise(
        "syn-", pa.array(((start + np.arange(n)) // 20).astype(str)), "")
    place_id = pc.binary_join_element_wise("p", pa.array(idx.astype(str)), "")
    name = pc.binary_join_element_wise("Place ", pa.array(idx.astype(str)), "")
    day = rng.integers(17_897, 20_089, n).astype(np.int32)  # 2019-01-01 .. 2024-12-31
    sent = rng.integers(0, 4_000, n)
    text = pc.binary_join_element_wise(
        "Fighting was reported near ", name, " on the day the convoy arrived, officials said.", "")
    bbox = pa.StructArray.from_arrays([pa.array(lo), pa.array(la), pa.array(lo), pa.array(la)],
                                      names=["xmin", "ymin", "xmax", "ymax"])
    cols = {
        "article": article, "place_id": place_id, "place_name": name,
        "lat": pa.array(la), "lon": pa.array(lo),
        "from": pa.array(day, pa.date32()), "to": pa.array(day, pa.date32()),
        "date_basis": pa.array(["text"] * n), "date_surface": pa.nulls(n, pa.string()),
        "sentence_start": pa.array(sent), "sentence_end": pa.array(sent + 70),
        "text_start": pa.nulls(n, pa.int64()), "text_end": pa.nulls(n, pa.int64()),
        "text": text, "geometry": geometry, "bbox": bbox,
    }
    return pa.record_batch(list(cols.values()), names=list(cols))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--places", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.events < 1:
        sys.exit("make_geoparquet_events: --events must be at least 1")
    rng = np.random.default_rng(args.seed)
    lat = rng.uniform(-60, 70, args.places)
    lon = rng.uniform(-180, 180, args.places)
    chunk = 1 << 17
    writer = None
    for start in range(0, args.events, chunk):
        b = batch(rng, start, min(chunk, args.events - start), args.places, lat, lon)
        if writer is None:
            meta = {"geo": geo_metadata([lon.min(), lat.min(), lon.max(), lat.max()])}
            writer = pq.ParquetWriter(args.out, b.schema.with_metadata(meta), compression="snappy")
        writer.write_batch(b, row_group_size=chunk)
    writer.close()
    print(f"make_geoparquet_events: {args.events} events in {args.out}")


if __name__ == "__main__":
    main()
