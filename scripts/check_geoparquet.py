#!/usr/bin/env python3
"""Checks a `newsatlas extract --format parquet` folder with other tools' readers.

Usage: check_geoparquet.py DIR [EVENTS.jsonl]

- pyarrow reads the four files; events.parquet's `geo` metadata is GeoParquet 1.1 (WKB points,
  primary column, CRS, bbox covering) and every geometry decodes (shapely) to the row's lon/lat and
  lies in its bbox struct;
- GeoPandas reads events.parquet as a GeoDataFrame with CRS OGC:CRS84 (pyproj checks the
  PROJJSON) and the same points;
- DuckDB reads the files (with its spatial extension when it is installed or can be installed:
  ST_X/ST_Y of the geometry; without it the WKB blobs are decoded with shapely);
- with a JSON Lines export of the same run, the events are the same row for row.

Needs: pip install pyarrow shapely geopandas pyproj duckdb
"""
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import shapely


def main() -> int:
    out = Path(sys.argv[1])
    jsonl = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    tables = {n: pq.read_table(out / f"{n}.parquet") for n in ("events", "articles", "places", "dates")}
    for name, t in tables.items():
        print(f"{name}.parquet: {t.num_rows} rows, columns {', '.join(t.column_names)}")
    events = tables["events"]
    meta = pq.read_metadata(out / "events.parquet").metadata
    geo = json.loads(meta[b"geo"])
    col = geo["columns"][geo["primary_column"]]
    assert geo["version"] == "1.1.0", geo["version"]
    assert col["encoding"] == "WKB" and col["geometry_types"] == ["Point"], col
    assert col["covering"]["bbox"]["xmin"] == ["bbox", "xmin"], col["covering"]
    print(f"geo: version {geo['version']}, primary {geo['primary_column']}, bbox {col.get('bbox')}")

    from pyproj import CRS

    crs = CRS.from_json_dict(col["crs"])
    assert crs.equals(CRS.from_user_input("OGC:CRS84")), crs
    print(f"crs: {crs.name} ({crs.to_authority()})")

    rows = events.to_pylist()
    geoms = shapely.from_wkb([r["geometry"] for r in rows])
    for r, g in zip(rows, geoms):
        assert g.geom_type == "Point", g
        assert (g.x, g.y) == (r["lon"], r["lat"]), (g, r)
        b = r["bbox"]
        assert b["xmin"] <= g.x <= b["xmax"] and b["ymin"] <= g.y <= b["ymax"], (b, g)
    print(f"shapely: {len(geoms)} WKB points match lon/lat and their bbox")

    import geopandas

    gdf = geopandas.read_parquet(out / "events.parquet")
    assert gdf.crs is not None and gdf.crs.equals(CRS.from_user_input("OGC:CRS84")), gdf.crs
    assert list(gdf.geometry.x) == [r["lon"] for r in rows]
    assert list(gdf.geometry.y) == [r["lat"] for r in rows]
    print(f"geopandas: GeoDataFrame of {len(gdf)} points, crs {gdf.crs.to_string()}")

    import duckdb

    con = duckdb.connect()
    spatial = True
    try:
        con.execute("INSTALL spatial; LOAD spatial;")
    except Exception as e:  # no network for the extension: say so, decode the blobs instead
        spatial = False
        print(f"duckdb: the spatial extension is not available ({str(e).splitlines()[0][:120]})")
    path = str(out / "events.parquet")
    if spatial:
        got = con.execute(f"SELECT ST_X(geometry), ST_Y(geometry) FROM '{path}'").fetchall()
        print(f"duckdb spatial: {len(got)} points read as GEOMETRY")
    else:
        blobs = con.execute(f"SELECT geometry FROM '{path}'").fetchall()
        pts = shapely.from_wkb([b for (b,) in blobs])
        got = [(p.x, p.y) for p in pts]
        print(f"duckdb (no spatial): {len(got)} WKB blobs decoded with shapely")
    assert got == [(r["lon"], r["lat"]) for r in rows]
    n = con.execute(f"SELECT count(*) FROM '{out / 'places.parquet'}'").fetchone()[0]
    assert n == tables["places"].num_rows

    if jsonl:
        want = [json.loads(l) for l in jsonl.read_text().splitlines()]
        want = [w for w in want if w["type"] == "event"]
        assert len(want) == len(rows), (len(want), len(rows))
        for w, r in zip(want, rows):
            for k, v in w.items():
                if k == "type":
                    continue
                got_v = r[k]
                if hasattr(got_v, "isoformat"):
                    got_v = got_v.isoformat()
                assert got_v == v, (k, got_v, v)
        print(f"jsonl: {len(want)} events equal field for field")
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
