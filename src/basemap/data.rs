//! Loading the Natural Earth assets (`assets/basemap/*.nabm.gz`, see `scripts/build_basemap.py`)
//! into Mercator world units, cut into small pieces with bounding boxes so a tile only touches
//! the geometry near it. The assets are embedded in the binary: the map works with no files.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use flate2::read::GzDecoder;

use super::mercator::{MAX_LAT, world_from_lat_lon};
use crate::coord::LatLon;

/// A point in world units (see [`super::mercator`]); f32 is exact to ~0.02 px at zoom 10.
pub type WorldPoint = [f32; 2];

/// `[min_x, min_y, max_x, max_y]` in world units.
pub type WorldBox = [f32; 4];

/// Natural Earth detail levels, coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// 1:110m, for zooms 0-2.
    Coarse,
    /// 1:50m, for zooms 3-5.
    Medium,
    /// 1:10m, for zooms 6 and beyond.
    Fine,
}

impl Detail {
    pub const ALL: [Detail; 3] = [Detail::Coarse, Detail::Medium, Detail::Fine];

    /// The level drawn at tile zoom `z`.
    pub fn for_zoom(z: u8) -> Detail {
        match z {
            0..=2 => Detail::Coarse,
            3..=5 => Detail::Medium,
            _ => Detail::Fine,
        }
    }

    /// The asset's file name under `assets/basemap/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Detail::Coarse => "ne_110m.nabm.gz",
            Detail::Medium => "ne_50m.nabm.gz",
            Detail::Fine => "ne_10m.nabm.gz",
        }
    }

    fn embedded(self) -> &'static [u8] {
        match self {
            Detail::Coarse => include_bytes!("../../assets/basemap/ne_110m.nabm.gz"),
            Detail::Medium => include_bytes!("../../assets/basemap/ne_50m.nabm.gz"),
            Detail::Fine => include_bytes!("../../assets/basemap/ne_10m.nabm.gz"),
        }
    }

    /// Polygons are cut along the tile grid of this zoom (so cuts fall on pixel edges at every
    /// zoom from 0 to this + 8, and leave no anti-aliasing seams).
    fn max_cut_zoom(self) -> u8 {
        match self {
            Detail::Coarse => 3,
            Detail::Medium => 5,
            Detail::Fine => 7,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What went wrong loading an asset; always names the file.
#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: byte {offset}: {what}")]
    Format {
        path: PathBuf,
        offset: usize,
        what: String,
    },
}

/// Part of a land polygon (clipped to a grid cell when the polygon is big). Its rings are filled
/// together with the even-odd rule.
#[derive(Clone, Debug)]
pub struct LandPiece {
    pub bbox: WorldBox,
    pub rings: Vec<Vec<WorldPoint>>,
}

/// A short run of a coastline or border, stroked as an open polyline.
#[derive(Clone, Debug)]
pub struct LinePiece {
    pub bbox: WorldBox,
    pub points: Vec<WorldPoint>,
}

/// One detail level, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    pub land: Vec<LandPiece>,
    pub coast: Vec<LinePiece>,
    pub borders: Vec<LinePiece>,
}

impl Layer {
    /// Parse a `.nabm.gz` asset; `path` only names the file in errors.
    pub fn parse(gz: &[u8], path: &Path, max_cut_zoom: u8) -> Result<Layer, BasemapError> {
        let mut raw = Vec::new();
        GzDecoder::new(gz)
            .read_to_end(&mut raw)
            .map_err(|source| BasemapError::Io {
                path: path.to_owned(),
                source,
            })?;
        let mut r = Reader {
            buf: &raw,
            pos: 0,
            path,
        };
        if r.take(4)? != b"NABM" {
            return Err(r.error("not a basemap file (expected magic NABM)"));
        }
        let version = r.byte()?;
        if version != 1 {
            return Err(r.error(&format!("version {version}, expected 1")));
        }
        let scale = [r.f64()?, r.f64()?];
        let translate = [r.f64()?, r.f64()?];
        let to_world = |q: [i64; 2]| -> WorldPoint {
            let lon = q[0] as f64 * scale[0] + translate[0];
            let lat = (q[1] as f64 * scale[1] + translate[1]).clamp(-MAX_LAT, MAX_LAT);
            let [x, y] = world_from_lat_lon(LatLon::new(lat, lon));
            [x as f32, y as f32]
        };

        let mut layer = Layer::default();
        let layer_count = r.byte()?;
        for _ in 0..layer_count {
            let kind = r.byte()?;
            let features = r.varint()?;
            for _ in 0..features {
                let ring_count = r.varint()?;
                let mut rings = Vec::new();
                for _ in 0..ring_count {
                    let n = r.varint()?;
                    let mut q = [0i64; 2];
                    let mut ring = Vec::with_capacity(n.min(1 << 20));
                    for _ in 0..n {
                        q[0] += r.zigzag()?;
                        q[1] += r.zigzag()?;
                        ring.push(to_world(q));
                    }
                    rings.push(ring);
                }
                match kind {
                    0 => {
                        for ring in &rings {
                            push_coast(ring, &mut layer.coast);
                        }
                        let rings = rings
                            .iter()
                            .flat_map(|r| split_at_antimeridian(r))
                            .filter(|r| r.len() >= 3)
                            .collect();
                        split_polygon(
                            rings,
                            [0.0, 0.0, 1.0, 1.0],
                            0,
                            max_cut_zoom,
                            &mut layer.land,
                        );
                    }
                    1 => rings
                        .iter()
                        .flat_map(|l| runs_without_wraps(l))
                        .for_each(|l| push_line(l, &mut layer.coast)),
                    2 => rings
                        .iter()
                        .flat_map(|l| runs_without_wraps(l))
                        .for_each(|l| push_line(l, &mut layer.borders)),
                    other => return Err(r.error(&format!("unknown layer kind {other}"))),
                }
            }
        }
        Ok(layer)
    }
}

/// All detail levels; each is parsed on first use (the fine one takes ~100 ms in release).
pub struct BasemapData {
    dir: Option<PathBuf>,
    layers: [OnceLock<Result<Layer, String>>; 3],
}

impl BasemapData {
    /// The assets compiled into the binary.
    pub fn embedded() -> Self {
        Self {
            dir: None,
            layers: Default::default(),
        }
    }

    /// Read the assets from `dir` instead (e.g. a rebuilt `assets/basemap`).
    pub fn from_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: Some(dir.into()),
            layers: Default::default(),
        }
    }

    /// The geometry for `detail`, loading it now if needed. The error names the file.
    pub fn layer(&self, detail: Detail) -> Result<&Layer, BasemapError> {
        let result = self.layers[detail.index()]
            .get_or_init(|| self.load(detail).map_err(|e| e.to_string()));
        result.as_ref().map_err(|what| BasemapError::Format {
            path: self.path_of(detail),
            offset: 0,
            what: what.clone(),
        })
    }

    fn path_of(&self, detail: Detail) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("assets/basemap (embedded)"))
            .join(detail.file_name())
    }

    fn load(&self, detail: Detail) -> Result<Layer, BasemapError> {
        let path = self.path_of(detail);
        if self.dir.is_some() {
            let bytes = std::fs::read(&path).map_err(|source| BasemapError::Io {
                path: path.clone(),
                source,
            })?;
            Layer::parse(&bytes, &path, detail.max_cut_zoom())
        } else {
            Layer::parse(detail.embedded(), &path, detail.max_cut_zoom())
        }
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> BasemapError {
        BasemapError::Format {
            path: self.path.to_owned(),
            offset: self.pos,
            what: what.to_owned(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&[u8], BasemapError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let Some(end) = end else {
            return Err(self.error("unexpected end of file"));
        };
        let bytes = &self.buf[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    fn byte(&mut self) -> Result<u8, BasemapError> {
        Ok(self.take(1)?[0])
    }

    fn f64(&mut self) -> Result<f64, BasemapError> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(f64::from_le_bytes(b))
    }

    fn varint(&mut self) -> Result<usize, BasemapError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(value).map_err(|_| self.error("count too large"));
            }
        }
        Err(self.error("varint longer than 10 bytes"))
    }

    fn zigzag(&mut self) -> Result<i64, BasemapError> {
        let v = self.varint()? as u64;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }
}

/// Polylines are cut into runs of this many points, each with its own bbox.
const LINE_CHUNK: usize = 64;

/// Polygons are cut into grid cells until a piece has at most this many points.
const PIECE_POINTS: usize = 256;

fn bbox_of<'a>(points: impl IntoIterator<Item = &'a WorldPoint>) -> WorldBox {
    let mut b = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for p in points {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    b
}

fn push_line(points: &[WorldPoint], out: &mut Vec<LinePiece>) {
    if points.len() < 2 {
        return;
    }
    let mut start = 0;
    while start + 1 < points.len() {
        let end = (start + LINE_CHUNK).min(points.len() - 1);
        let run = &points[start..=end];
        out.push(LinePiece {
            bbox: bbox_of(run),
            points: run.to_vec(),
        });
        start = end;
    }
}

/// The coastline is the land ring minus the artificial edges along the antimeridian and the
/// Mercator cut-off near the poles.
fn push_coast(ring: &[WorldPoint], out: &mut Vec<LinePiece>) {
    let artificial = |a: WorldPoint, b: WorldPoint| {
        let edge_x = |x: f32| !(1e-6..=1.0 - 1e-6).contains(&x);
        let edge_y = |y: f32| !(1e-6..=1.0 - 1e-6).contains(&y);
        // Along the antimeridian, across it (a wrap), or along the Mercator cut-off.
        (edge_x(a[0]) && edge_x(b[0]))
            || (a[0] - b[0]).abs() > 0.5
            || (edge_y(a[1]) && edge_y(b[1]))
            || (edge_y(a[1]) && edge_y(b[1]))
    };
    let mut run: Vec<WorldPoint> = Vec::new();
    for pair in ring.windows(2) {
        if artificial(pair[0], pair[1]) {
            push_line(&run, out);
            run.clear();
        } else {
            if run.is_empty() {
                run.push(pair[0]);
            }
            run.push(pair[1]);
        }
    }
    push_line(&run, out);
}

/// An edge longer than half the world in x is a wrap across the antimeridian, not a line
/// across the map.
fn is_wrap(a: WorldPoint, b: WorldPoint) -> bool {
    (a[0] - b[0]).abs() > 0.5
}

/// A line cut where it wraps across the antimeridian, so no stroke runs across the world.
fn runs_without_wraps(points: &[WorldPoint]) -> impl Iterator<Item = &[WorldPoint]> {
    points
        .chunk_by(|a, b| !is_wrap(*a, *b))
        .filter(|run| run.len() >= 2)
}

/// A land ring that crosses the antimeridian (Chukotka, Fiji), as rings inside the world: the
/// ring is unwrapped (x made continuous, so it runs past 0 or 1) and clipped to the world and
/// to the world's copy beside it, shifted back. Left as it is, its wrap edges make a sliver
/// across the whole world that the even-odd fill turns into a band or a seam. A ring that goes
/// once around the world (x does not come back to where it started) is left as it is.
fn split_at_antimeridian(ring: &[WorldPoint]) -> Vec<Vec<WorldPoint>> {
    let Some(&first) = ring.first() else {
        return Vec::new();
    };
    if !ring.windows(2).any(|w| is_wrap(w[0], w[1])) && !is_wrap(ring[ring.len() - 1], first) {
        return vec![ring.to_vec()];
    }
    let mut unwrapped = Vec::with_capacity(ring.len());
    let mut shift = 0.0f32;
    let mut prev = first;
    for &p in ring {
        if p[0] - prev[0] > 0.5 {
            shift -= 1.0;
        } else if prev[0] - p[0] > 0.5 {
            shift += 1.0;
        }
        unwrapped.push([p[0] + shift, p[1]]);
        prev = p;
    }
    let last = unwrapped[unwrapped.len() - 1];
    if (last[0] - first[0]).abs() > 0.5 {
        return vec![ring.to_vec()];
    }
    let world = [0.0, 0.0, 1.0, 1.0];
    [-1.0f32, 0.0, 1.0]
        .iter()
        .map(|dx| {
            let moved: Vec<WorldPoint> = unwrapped.iter().map(|p| [p[0] + dx, p[1]]).collect();
            clip_ring(&moved, world)
        })
        .filter(|r| r.len() >= 3)
        .collect()
}

/// Cut a polygon along the tile grid until each piece is small, so a zoom-10 tile in Libya does
/// not walk the whole of Afro-Eurasia. Cuts follow tile edges, which are pixel edges at every
/// zoom >= `zoom - 8`, and the renderer fills all pieces of a tile as one even-odd path, so the
/// coincident cut edges cancel and leave no seam.
fn split_polygon(
    rings: Vec<Vec<WorldPoint>>,
    cell: [f32; 4],
    zoom: u8,
    max_zoom: u8,
    out: &mut Vec<LandPiece>,
) {
    if rings.is_empty() {
        return;
    }
    let points: usize = rings.iter().map(Vec::len).sum();
    let bbox = bbox_of(rings.iter().flatten());
    if points <= PIECE_POINTS || zoom >= max_zoom {
        out.push(LandPiece { bbox, rings });
        return;
    }
    let [x0, y0, x1, y1] = cell;
    let (mx, my) = (f32::midpoint(x0, x1), f32::midpoint(y0, y1));
    for quad in [
        [x0, y0, mx, my],
        [mx, y0, x1, my],
        [x0, my, mx, y1],
        [mx, my, x1, y1],
    ] {
        if quad[2] < bbox[0] || quad[0] > bbox[2] || quad[3] < bbox[1] || quad[1] > bbox[3] {
            continue;
        }
        let clipped: Vec<_> = rings
            .iter()
            .map(|ring| clip_ring(ring, quad))
            .filter(|ring| ring.len() >= 3)
            .collect();
        split_polygon(clipped, quad, zoom + 1, max_zoom, out);
    }
}

/// Sutherland-Hodgman clipping of a closed ring to an axis-aligned box.
fn clip_ring(ring: &[WorldPoint], b: [f32; 4]) -> Vec<WorldPoint> {
    let mut pts = ring.to_vec();
    // (axis, bound, keep the side where coordinate >= bound?)
    for (axis, bound, keep_greater) in [
        (0, b[0], true),
        (0, b[2], false),
        (1, b[1], true),
        (1, b[3], false),
    ] {
        if pts.is_empty() {
            break;
        }
        let inside = |p: &WorldPoint| {
            if keep_greater {
                p[axis] >= bound
            } else {
                p[axis] <= bound
            }
        };
        let mut out = Vec::with_capacity(pts.len() + 4);
        let mut prev = pts[pts.len() - 1];
        for &cur in &pts {
            let (cin, pin) = (inside(&cur), inside(&prev));
            if cin != pin {
                let t = (bound - prev[axis]) / (cur[axis] - prev[axis]);
                let mut p = [
                    prev[0] + (cur[0] - prev[0]) * t,
                    prev[1] + (cur[1] - prev[1]) * t,
                ];
                p[axis] = bound; // exactly on the cut, so neighbouring pieces meet
                out.push(p);
            }
            if cin {
                out.push(cur);
            }
            prev = cur;
        }
        pts = out;
    }
    pts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_level_loads_with_land_coast_and_borders() {
        let data = BasemapData::embedded();
        for detail in Detail::ALL {
            let layer = data.layer(detail).expect("embedded asset parses");
            assert!(layer.land.len() > 50, "{detail:?}");
            assert!(layer.coast.len() > 50, "{detail:?}");
            assert!(layer.borders.len() > 50, "{detail:?}");
        }
    }

    #[test]
    fn a_missing_asset_directory_names_the_file() {
        let data = BasemapData::from_dir("/nonexistent/basemap");
        let err = data.layer(Detail::Coarse).expect_err("missing");
        assert!(err.to_string().contains("ne_110m.nabm.gz"), "{err}");
    }

    #[test]
    fn a_truncated_asset_is_an_error_with_the_file_and_offset() {
        let mut gz = Vec::new();
        {
            use std::io::Write as _;
            let mut w = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::fast());
            w.write_all(b"NABM\x01\x00\x00").expect("in memory");
        }
        let err = Layer::parse(&gz, Path::new("x/ne_10m.nabm.gz"), 7).expect_err("truncated");
        let msg = err.to_string();
        assert!(msg.starts_with("x/ne_10m.nabm.gz: byte"), "{msg}");
    }

    #[test]
    fn no_coastline_runs_across_the_antimeridian() {
        let data = BasemapData::embedded();
        for detail in Detail::ALL {
            let layer = data.layer(detail).expect("loads");
            let wraps = layer.coast.iter().flat_map(|l| l.points.windows(2));
            assert!(
                wraps.clone().all(|w| (w[0][0] - w[1][0]).abs() < 0.5),
                "{detail:?}"
            );
        }
    }

    #[test]
    fn clipping_a_square_to_its_quarter_gives_the_quarter() {
        let square = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        let q = clip_ring(&square, [0.5, 0.5, 1.0, 1.0]);
        let b = bbox_of(&q);
        assert!(
            (b[0] - 0.5).abs() < 1e-6 && (b[1] - 0.5).abs() < 1e-6,
            "{b:?}"
        );
        assert!(
            (b[2] - 1.0).abs() < 1e-6 && (b[3] - 1.0).abs() < 1e-6,
            "{b:?}"
        );
    }

    #[test]
    fn big_polygons_are_cut_into_small_pieces() {
        let data = BasemapData::embedded();
        let layer = data.layer(Detail::Fine).expect("loads");
        let cell = 1.0 / 128.0 + 1e-6;
        for piece in &layer.land {
            let points: usize = piece.rings.iter().map(Vec::len).sum();
            let small =
                piece.bbox[2] - piece.bbox[0] <= cell && piece.bbox[3] - piece.bbox[1] <= cell;
            assert!(
                points <= PIECE_POINTS || small,
                "{points} points in {:?}",
                piece.bbox
            );
        }
    }

    #[test]
    fn no_land_ring_runs_across_the_world_at_any_detail() {
        let data = BasemapData::embedded();
        for detail in Detail::ALL {
            let layer = data.layer(detail).expect("embedded asset parses");
            for piece in &layer.land {
                for ring in &piece.rings {
                    let wrap = ring.windows(2).find(|w| is_wrap(w[0], w[1]));
                    assert!(
                        wrap.is_none(),
                        "{detail:?}: an edge {wrap:?} across the world"
                    );
                }
            }
            for line in layer.coast.iter().chain(&layer.borders) {
                assert!(!line.points.windows(2).any(|w| is_wrap(w[0], w[1])));
            }
        }
    }

    #[test]
    fn a_ring_across_the_antimeridian_becomes_two_rings_inside_the_world() {
        // A square from x 0.95 to 1.05 (written 0.95, 0.05): half on each side.
        let ring = vec![
            [0.95, 0.4],
            [0.05, 0.4],
            [0.05, 0.5],
            [0.95, 0.5],
            [0.95, 0.4],
        ];
        let parts = split_at_antimeridian(&ring);
        assert_eq!(parts.len(), 2, "{parts:?}");
        for part in &parts {
            let b = bbox_of(part);
            assert!(b[2] - b[0] <= 0.05 + 1e-6, "{b:?}");
            assert!(b[0] >= 0.0 && b[2] <= 1.0);
        }
        // A ring that does not cross is kept whole.
        let inside = vec![[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]];
        assert_eq!(split_at_antimeridian(&inside), vec![inside]);
    }
}
