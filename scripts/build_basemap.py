#!/usr/bin/env python3
"""Build the offline basemap assets from world-atlas (Natural Earth 4.1.0 TopoJSON).

Usage:
    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/build_basemap.py /tmp/package assets/basemap

Writes, for each detail level (110m, 50m, 10m), `ne_<level>.nabm.gz`: gzip of

    b"NABM" u8 version(=1)
    f64 scale_lon, scale_lat, translate_lon, translate_lat   (degrees = q * scale + translate)
    u8 layer_count, then per layer:
        u8 kind (0 = land polygons, 2 = country border lines; 1 = coastline lines is reserved:
                 the loader derives the coastline from the land rings, which halves the file)
        varint feature_count, then per feature:
            varint ring_count, then per ring:
                varint point_count, then point_count pairs of zigzag varint deltas (dlon, dlat)
                in TopoJSON's integer grid (each ring starts from 0, 0)

Land polygons: rings of one polygon (outer + holes) are filled even-odd; the coastline is every
ring of the merged `land` object, so it is not stored twice. Borders: every arc shared by two different countries (topojson's
`mesh(a !== b)`), merged into polylines where arcs chain.

Also writes `countries.json`: [{name, lat, lon, area}] with a label point per country (pole of
inaccessibility of its largest part, computed in a Mercator-like plane) and `area` (largest part,
in square degrees after Mercator stretch) so the app can rank labels.

Only the Python standard library is used. Output is deterministic.
"""

import gzip
import json
import math
import struct
import sys
from pathlib import Path

LEVELS = ["110m", "50m", "10m"]
LABEL_LEVEL = "50m"


def decode_arcs(topo):
    """Absolute integer coordinates of each arc (TopoJSON arcs are delta-encoded)."""
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        out.append(pts)
    return out


def arc_points(arcs, index):
    return arcs[index] if index >= 0 else list(reversed(arcs[~index]))


def ring_points(arcs, ring):
    pts = []
    for i, index in enumerate(ring):
        a = arc_points(arcs, index)
        pts.extend(a if i == 0 else a[1:])
    return pts


def polygons_of(geometry):
    if geometry is None or "arcs" not in geometry:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def varint(n, buf):
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            buf.append(b | 0x80)
        else:
            buf.append(b)
            return


def zigzag(n):
    return (n << 1) ^ (n >> 63)


def write_ring(pts, buf):
    varint(len(pts), buf)
    px = py = 0
    for x, y in pts:
        varint(zigzag(x - px), buf)
        varint(zigzag(y - py), buf)
        px, py = x, y


def border_lines(topo, arcs):
    """Arcs used by two different countries, chained into polylines."""
    users = {}
    for gi, g in enumerate(topo["objects"]["countries"]["geometries"]):
        for poly in polygons_of(g):
            for ring in poly:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(gi)
    shared = sorted(a for a, u in users.items() if len(u) >= 2)
    # Chain arcs that meet end to start so strokes join smoothly.
    by_start = {}
    for a in shared:
        by_start.setdefault(arcs[a][0], []).append(a)
    used = set()
    lines = []
    for a in shared:
        if a in used:
            continue
        used.add(a)
        line = list(arcs[a])
        while True:
            nxt = [b for b in by_start.get(line[-1], []) if b not in used]
            if not nxt:
                break
            used.add(nxt[0])
            line.extend(arcs[nxt[0]][1:])
        lines.append([line])
    return lines


def build_level(src, level, out_dir):
    topo = json.loads((src / f"countries-{level}.json").read_text())
    arcs = decode_arcs(topo)
    land = []
    for g in topo["objects"]["land"]["geometries"]:
        for poly in polygons_of(g):
            land.append([ring_points(arcs, r) for r in poly])
    borders = border_lines(topo, arcs)

    buf = bytearray(b"NABM")
    buf.append(1)
    t = topo["transform"]
    buf += struct.pack("<4d", t["scale"][0], t["scale"][1], t["translate"][0], t["translate"][1])
    layers = [(0, land), (2, borders)]
    buf.append(len(layers))
    for kind, features in layers:
        buf.append(kind)
        varint(len(features), buf)
        for rings in features:
            varint(len(rings), buf)
            for ring in rings:
                write_ring(ring, buf)
    path = out_dir / f"ne_{level}.nabm.gz"
    path.write_bytes(gzip.compress(bytes(buf), compresslevel=9, mtime=0))
    npts = sum(len(r) for f in land for r in f)
    print(f"{path}: {path.stat().st_size} bytes, {len(land)} land polygons ({npts} points), "
          f"{len(borders)} border lines")
    return topo, arcs


# --- label points ---------------------------------------------------------------------------

def merc_y(lat):
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def inv_merc_y(y):
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def ring_area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        s += x1 * y2 - x2 * y1
    return s / 2


def point_to_segment_sq(px, py, a, b):
    x, y = a
    dx, dy = b[0] - x, b[1] - y
    if dx or dy:
        t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy)
        if t > 1:
            x, y = b
        elif t > 0:
            x += dx * t
            y += dy * t
    dx, dy = px - x, py - y
    return dx * dx + dy * dy


def signed_dist(px, py, rings):
    """Distance to the polygon outline, negative outside (even-odd)."""
    inside = False
    best = math.inf
    for ring in rings:
        n = len(ring)
        for i in range(n):
            a, b = ring[i], ring[i - 1]
            if (a[1] > py) != (b[1] > py) and px < (b[0] - a[0]) * (py - a[1]) / (b[1] - a[1]) + a[0]:
                inside = not inside
            best = min(best, point_to_segment_sq(px, py, a, b))
    return (1 if inside else -1) * math.sqrt(best)


def polylabel(rings, precision):
    """Pole of inaccessibility (Mapbox's polylabel, simplified, with a best-first search)."""
    import heapq

    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    size = min(maxx - minx, maxy - miny)
    if size == 0:
        return minx, miny
    h = size / 2
    heap = []

    def push(x, y, h):
        d = signed_dist(x, y, rings)
        heapq.heappush(heap, (-(d + h * math.sqrt(2)), x, y, h, d))

    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            push(x + h, y + h, h)
            y += size
        x += size
    # Start from the area centroid.
    a = ring_area(rings[0]) or 1e-12
    cx = sum((p[0] + q[0]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(rings[0], rings[0][1:] + rings[0][:1])) / (6 * a)
    cy = sum((p[1] + q[1]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(rings[0], rings[0][1:] + rings[0][:1])) / (6 * a)
    best = (signed_dist(cx, cy, rings), cx, cy)
    while heap:
        neg_max, x, y, h, d = heapq.heappop(heap)
        if d > best[0]:
            best = (d, x, y)
        if -neg_max - best[0] <= precision:
            continue
        h /= 2
        for sx in (-h, h):
            for sy in (-h, h):
                push(x + sx, y + sy, h)
    return best[1], best[2]


def build_labels(topo, arcs, out_dir):
    t = topo["transform"]
    sx, sy = t["scale"]
    tx, ty = t["translate"]
    labels = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = (g.get("properties") or {}).get("name")
        polys = polygons_of(g)
        if not name or not polys:
            continue
        best = None
        for poly in polys:
            rings = []
            for r in poly:
                pts = ring_points(arcs, r)
                rings.append([(x * sx + tx, merc_y(y * sy + ty)) for x, y in pts])
            area = abs(ring_area(rings[0])) - sum(abs(ring_area(r)) for r in rings[1:])
            if best is None or area > best[0]:
                best = (area, rings)
        area, rings = best
        x, y = polylabel(rings, precision=0.05)
        labels.append({"name": name, "lat": round(inv_merc_y(y), 4), "lon": round(x, 4),
                       "area": round(area, 3)})
    labels.sort(key=lambda l: (-l["area"], l["name"]))
    path = out_dir / "countries.json"
    path.write_text(json.dumps(labels, ensure_ascii=False, indent=0) + "\n")
    print(f"{path}: {len(labels)} country labels")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    for level in LEVELS:
        topo, arcs = build_level(src, level, out_dir)
        if level == LABEL_LEVEL:
            build_labels(topo, arcs, out_dir)


if __name__ == "__main__":
    main()
