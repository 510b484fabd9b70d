//! Marker layout without a GUI: which places are in the viewport, where their markers go on
//! screen, how big they are, which crowded markers fold into one, and where their labels fit.
//! The map view draws exactly this layout; `newsatlas bench` times it.
//!
//! Key decisions: places are binned once per dataset into a [`PlaceGrid`] (1 degree cells, with
//! each place's Web Mercator position computed once), so the viewport query touches only the
//! cells it covers, never every place; screen positions are Web Mercator with 256-pixel tiles
//! (as walkers projects); markers whose centres share a [`LayoutOptions::fold_px`] screen cell
//! fold into the most notable of them (zoomed out over 30k places the map draws a few thousand
//! markers, not 30k discs on top of each other; selected and highlighted places never fold);
//! labels are placed greedily by
//! priority, each candidate tested against the placed labels near it (a uniform grid of
//! [`CELL_PX`] cells) and against marker discs through a summed-area table of disc coverage
//! (four lookups), never against every marker: O(n), not the O(n^2) of a pairwise test.

use crate::basemap::mercator::{TILE_SIZE, lat_lon_from_world, world_from_lat_lon};
use crate::coord::LatLon;
use crate::gazetteer::PlaceIdx;

/// A point on the screen, in points (logical pixels) from the viewport's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenPoint {
    pub x: f32,
    pub y: f32,
}

/// An axis-aligned rectangle on the screen, `min` top-left, `max` bottom-right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenRect {
    pub min: ScreenPoint,
    pub max: ScreenPoint,
}

impl ScreenRect {
    pub fn from_min_size(min: ScreenPoint, width: f32, height: f32) -> ScreenRect {
        ScreenRect {
            min,
            max: ScreenPoint {
                x: min.x + width,
                y: min.y + height,
            },
        }
    }

    pub fn around(center: ScreenPoint, radius: f32) -> ScreenRect {
        ScreenRect {
            min: ScreenPoint {
                x: center.x - radius,
                y: center.y - radius,
            },
            max: ScreenPoint {
                x: center.x + radius,
                y: center.y + radius,
            },
        }
    }

    pub fn intersects(&self, other: &ScreenRect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    fn expand(&self, by: f32) -> ScreenRect {
        ScreenRect {
            min: ScreenPoint {
                x: self.min.x - by,
                y: self.min.y - by,
            },
            max: ScreenPoint {
                x: self.max.x + by,
                y: self.max.y + by,
            },
        }
    }
}

/// What the map shows: its centre, zoom (walkers' zoom: 256 * 2^zoom pixels around the world)
/// and size in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub center: LatLon,
    pub zoom: f64,
    pub width_px: f32,
    pub height_px: f32,
}

/// A point in Web Mercator, as a share of the world: x east from the antimeridian, y south from
/// ~85 N, both in `0..=1` (the world units of [`crate::basemap::mercator`], the one projection
/// the basemap, the scenes and the markers share). Computed once per place; a zoom only scales it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitPoint {
    pub x: f64,
    pub y: f64,
}

impl UnitPoint {
    /// NaN for an invalid coordinate (then it projects nowhere and is culled).
    pub fn of(at: LatLon) -> UnitPoint {
        if !at.is_valid() {
            return UnitPoint {
                x: f64::NAN,
                y: f64::NAN,
            };
        }
        let [x, y] = world_from_lat_lon(at);
        UnitPoint { x, y }
    }
}

/// Web Mercator world pixels at `zoom`: x east from the antimeridian, y south from ~85 N.
fn world_px(at: LatLon, zoom: f64) -> (f64, f64) {
    let scale = world_size_px(zoom);
    let u = UnitPoint::of(at);
    (u.x * scale, u.y * scale)
}

fn lat_of_world_y(y: f64, zoom: f64) -> f64 {
    lat_lon_from_world([0.0, y / world_size_px(zoom)]).lat
}

/// The world's width in pixels at `zoom` (walkers' and the basemap's 256-pixel tiles).
fn world_size_px(zoom: f64) -> f64 {
    f64::from(TILE_SIZE) * zoom.exp2()
}

impl Viewport {
    /// The world's width in pixels (points) at this zoom.
    pub fn world_size_px(&self) -> f64 {
        world_size_px(self.zoom)
    }

    pub fn screen_from_geo(&self, at: LatLon) -> ScreenPoint {
        self.projection().screen(UnitPoint::of(at))
    }

    /// The projection of this viewport, with its centre projected once.
    pub fn projection(&self) -> ScreenProjection {
        let scale = self.world_size_px();
        let c = UnitPoint::of(self.center);
        ScreenProjection {
            scale,
            left: c.x * scale - f64::from(self.width_px / 2.0),
            top: c.y * scale - f64::from(self.height_px / 2.0),
        }
    }

    /// The point on the ground under the screen point `p` (points from the top left).
    pub fn geo_from_screen(&self, p: ScreenPoint) -> LatLon {
        let projection = self.projection();
        let scale = projection.scale;
        lat_lon_from_world([
            (f64::from(p.x) + projection.left) / scale,
            (f64::from(p.y) + projection.top) / scale,
        ])
    }

    /// South-west and north-east corners of what is visible, grown by `margin_px` on each side.
    pub fn geo_bounds(&self, margin_px: f32) -> (LatLon, LatLon) {
        let (cx, cy) = world_px(self.center, self.zoom);
        let scale = self.world_size_px();
        let half_w = f64::from(self.width_px / 2.0 + margin_px);
        let half_h = f64::from(self.height_px / 2.0 + margin_px);
        let lon_of = |x: f64| (x / scale * 360.0 - 180.0).clamp(-180.0, 180.0);
        let sw = LatLon::new(
            lat_of_world_y((cy + half_h).min(scale), self.zoom),
            lon_of(cx - half_w),
        );
        let ne = LatLon::new(
            lat_of_world_y((cy - half_h).max(0.0), self.zoom),
            lon_of(cx + half_w),
        );
        (sw, ne)
    }
}

/// [`UnitPoint`]s to screen points for one viewport: a multiply and a subtract per point.
#[derive(Clone, Copy, Debug)]
pub struct ScreenProjection {
    scale: f64,
    /// World pixels of the viewport's top-left corner.
    left: f64,
    top: f64,
}

impl ScreenProjection {
    pub fn screen(&self, p: UnitPoint) -> ScreenPoint {
        ScreenPoint {
            x: (p.x * self.scale - self.left) as f32,
            y: (p.y * self.scale - self.top) as f32,
        }
    }
}

/// Places binned by 1-degree cells of latitude and longitude; built once per dataset.
#[derive(Clone, Debug, Default)]
pub struct PlaceGrid {
    /// Cell `(lat + 90) * 360 + (lon + 180)` holds `cells[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    cells: Vec<PlaceIdx>,
    /// Each binned place's Web Mercator position, beside `cells`.
    units: Vec<UnitPoint>,
}

const GRID_COLS: usize = 360;
const GRID_ROWS: usize = 180;

fn grid_cell(at: LatLon) -> (usize, usize) {
    let row = ((at.lat + 90.0).floor().max(0.0) as usize).min(GRID_ROWS - 1);
    let col = ((at.lon + 180.0).floor().max(0.0) as usize).min(GRID_COLS - 1);
    (row, col)
}

impl PlaceGrid {
    /// Bins every place with a valid coordinate (a counting sort: two passes, no hashing).
    pub fn build(places: impl Iterator<Item = (PlaceIdx, LatLon)> + Clone) -> PlaceGrid {
        let mut counts = vec![0u32; GRID_ROWS * GRID_COLS + 1];
        for (_, at) in places.clone().filter(|(_, at)| at.is_valid()) {
            let (r, c) = grid_cell(at);
            counts[r * GRID_COLS + c + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let starts = counts.clone();
        let mut next = counts;
        let n = starts[starts.len() - 1] as usize;
        let mut cells = vec![PlaceIdx(0); n];
        let mut units = vec![UnitPoint { x: 0.0, y: 0.0 }; n];
        for (idx, at) in places.filter(|(_, at)| at.is_valid()) {
            let (r, c) = grid_cell(at);
            let slot = &mut next[r * GRID_COLS + c];
            cells[*slot as usize] = idx;
            units[*slot as usize] = UnitPoint::of(at);
            *slot += 1;
        }
        PlaceGrid {
            starts,
            cells,
            units,
        }
    }

    /// Like [`PlaceGrid::query`], with each place's Web Mercator position.
    pub fn query_units(
        &self,
        sw: LatLon,
        ne: LatLon,
    ) -> impl Iterator<Item = (PlaceIdx, UnitPoint)> + '_ {
        self.ranges(sw, ne).flat_map(move |r| {
            self.cells[r.clone()]
                .iter()
                .copied()
                .zip(self.units[r].iter().copied())
        })
    }

    /// Like [`PlaceGrid::query_units`], with each place's entry number (its position in
    /// [`PlaceGrid::entries`]), so that data kept beside the grid's entries is read in the
    /// grid's order instead of looked up per place.
    pub fn query_entries(
        &self,
        sw: LatLon,
        ne: LatLon,
    ) -> impl Iterator<Item = (usize, PlaceIdx, UnitPoint)> + '_ {
        self.query_rows(sw, ne).flat_map(|(first, places, units)| {
            (first..)
                .zip(places.iter().copied())
                .zip(units.iter().copied())
                .map(|((entry, place), at)| (entry, place, at))
        })
    }

    /// [`PlaceGrid::query_entries`] a run of entries at a time (one per grid row the box
    /// touches): the first entry's number, the places and their positions. A caller walking
    /// ~90k entries zoomed out loops over slices instead of a chain of iterators.
    pub fn query_rows(
        &self,
        sw: LatLon,
        ne: LatLon,
    ) -> impl Iterator<Item = (usize, &[PlaceIdx], &[UnitPoint])> + '_ {
        self.ranges(sw, ne)
            .filter_map(move |r| Some((r.start, self.cells.get(r.clone())?, self.units.get(r)?)))
    }

    /// How many entries [`Self::query_entries`] gives for the box `sw..ne`, without reading
    /// them: room for them up front.
    pub fn query_len(&self, sw: LatLon, ne: LatLon) -> usize {
        self.ranges(sw, ne).map(|r| r.len()).sum()
    }

    /// The binned places, in the grid's order (cell by cell).
    pub fn entries(&self) -> &[PlaceIdx] {
        &self.cells
    }

    /// Places binned in the grid.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Places in the cells the box `sw..ne` touches (a superset of the places inside it).
    pub fn query(&self, sw: LatLon, ne: LatLon) -> impl Iterator<Item = PlaceIdx> + '_ {
        self.ranges(sw, ne)
            .flat_map(move |r| self.cells[r].iter().copied())
    }

    /// Per grid row the box touches, the range of `cells` it covers.
    fn ranges(&self, sw: LatLon, ne: LatLon) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let (r0, c0) = grid_cell(sw);
        let (r1, c1) = grid_cell(ne);
        let rows = r0.min(r1)..=r0.max(r1);
        let (c0, c1) = (c0.min(c1), c0.max(c1));
        rows.map(move |r| {
            let a = self.starts.get(r * GRID_COLS + c0).copied().unwrap_or(0) as usize;
            let b = self
                .starts
                .get(r * GRID_COLS + c1 + 1)
                .copied()
                .unwrap_or(0) as usize;
            a..b.max(a)
        })
    }
}

/// One place to lay out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerInput {
    pub place: PlaceIdx,
    /// Where it is ([`UnitPoint::of`] its coordinate; the [`PlaceGrid`] has it ready).
    pub at: UnitPoint,
    /// Events in the current window (0: drawn faded, no label unless `wants_label`).
    pub count: u32,
    /// Of `count`, the events dated by the text (a date in their sentence, or carried); the
    /// others are dated only by their article's publication.
    pub dated_by_text: u32,
    /// Labels go by decreasing priority, and a crowded cell folds into its highest.
    pub priority: f32,
    pub wants_label: bool,
    /// Never folded into another marker (the selection, search hits).
    pub pinned: bool,
}

/// Where a label went, relative to its marker centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelPlacement {
    pub offset_x_px: f32,
    pub offset_y_px: f32,
    /// Pushed away from its marker: draw a leader line.
    pub leader: bool,
}

/// A laid-out marker, in the order of the input (culled and folded markers are left out).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerLayout {
    pub place: PlaceIdx,
    /// Position in the input slice.
    pub input: usize,
    pub center: ScreenPoint,
    pub radius_px: f32,
    pub count: u32,
    pub label: Option<LabelPlacement>,
    /// Other places folded into this marker (their centres share its screen cell).
    pub folded: u32,
    /// Their events in the window, together.
    pub folded_count: u32,
    /// Events in the window dated by the text, this place's and the folded ones' together.
    pub dated_by_text: u32,
}

impl MarkerLayout {
    /// The marker has events in the window and none of them, its own or those folded into it,
    /// is dated by the text: every one takes its article's publication date. Drawn hollow.
    pub fn publication_only(&self) -> bool {
        self.count > 0 && self.dated_by_text == 0
    }
}

/// Layout knobs; the defaults match the map view's look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    pub max_labels: usize,
    /// Markers this far outside the viewport are still laid out (they may show a label inside).
    pub margin_px: f32,
    /// Side of the screen cells in which markers fold into the most notable one; 0: never.
    /// About a faded marker's diameter: markers closer than that cover each other anyway.
    pub fold_px: f32,
    /// The count that gets the largest marker (the busiest place anywhere, so sizes do not
    /// change as the map pans); 0: the busiest marker laid out.
    pub max_count: u32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            max_labels: 60,
            margin_px: 40.0,
            fold_px: 10.0,
            max_count: 0,
        }
    }
}

/// Marker radius in points: sqrt-scaled by the share of the busiest place's count.
pub fn marker_radius_px(count: u32, max_count: u32) -> f32 {
    if count > 0 {
        let share = count as f32 / max_count.max(1) as f32;
        7.0 + 15.0 * share.sqrt()
    } else {
        5.0
    }
}

/// Side of a collision-grid cell, in points.
pub const CELL_PX: f32 = 48.0;

/// Rectangles binned by screen cells; a rectangle is listed in every cell it touches.
struct CollisionGrid {
    cols: usize,
    rows: usize,
    origin: f32,
    cells: Vec<Vec<u32>>,
    rects: Vec<ScreenRect>,
}

impl CollisionGrid {
    fn new(viewport: &Viewport, margin: f32) -> CollisionGrid {
        let cols = ((viewport.width_px + 2.0 * margin) / CELL_PX)
            .ceil()
            .max(1.0) as usize;
        let rows = ((viewport.height_px + 2.0 * margin) / CELL_PX)
            .ceil()
            .max(1.0) as usize;
        CollisionGrid {
            cols,
            rows,
            origin: -margin,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
        }
    }

    fn span(
        &self,
        r: &ScreenRect,
    ) -> (
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    ) {
        let cell = |v: f32, n: usize| (((v - self.origin) / CELL_PX).max(0.0) as usize).min(n - 1);
        (
            cell(r.min.x, self.cols)..=cell(r.max.x, self.cols),
            cell(r.min.y, self.rows)..=cell(r.max.y, self.rows),
        )
    }

    fn insert(&mut self, r: ScreenRect) {
        let id = self.rects.len() as u32;
        self.rects.push(r);
        let (xs, ys) = self.span(&r);
        for y in ys {
            for x in xs.clone() {
                self.cells[y * self.cols + x].push(id);
            }
        }
    }

    /// Whether `r` meets a stored rectangle.
    fn hits(&self, r: &ScreenRect) -> bool {
        let (xs, ys) = self.span(r);
        for y in ys {
            for x in xs.clone() {
                for &id in &self.cells[y * self.cols + x] {
                    if self.rects[id as usize].intersects(r) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Side of a disc-coverage cell, in points.
const COVER_PX: f32 = 4.0;

/// How many marker discs cover each [`COVER_PX`] cell, as a summed-area table: whether a label
/// rectangle meets a disc is four lookups, however many discs crowd the area (zoomed out, tens of
/// thousands of faded markers can sit under a few labels). Cells are conservative: a disc covers
/// every cell its bounding box touches.
struct DiscCoverage {
    cols: usize,
    rows: usize,
    origin: f32,
    /// `sat[(y + 1) * (cols + 1) + x + 1]` = discs over cells `[0..=x] x [0..=y]`, summed.
    sat: Vec<u32>,
}

impl DiscCoverage {
    fn new(viewport: &Viewport, margin: f32, discs: &[ScreenRect]) -> DiscCoverage {
        let cols = ((viewport.width_px + 2.0 * margin) / COVER_PX)
            .ceil()
            .max(1.0) as usize;
        let rows = ((viewport.height_px + 2.0 * margin) / COVER_PX)
            .ceil()
            .max(1.0) as usize;
        let mut cover = DiscCoverage {
            cols,
            rows,
            origin: -margin,
            sat: vec![0; (cols + 1) * (rows + 1)],
        };
        // Count discs per cell with a 2-D difference array, then two prefix passes turn the
        // counts into the summed-area table.
        let w = cols + 1;
        let mut diff = vec![0i32; w * (rows + 1)];
        for d in discs {
            let ((x0, x1), (y0, y1)) = cover.cells(d);
            diff[y0 * w + x0] += 1;
            diff[y0 * w + x1 + 1] -= 1;
            diff[(y1 + 1) * w + x0] -= 1;
            diff[(y1 + 1) * w + x1 + 1] += 1;
        }
        for y in 0..rows {
            for x in 1..cols {
                diff[y * w + x] += diff[y * w + x - 1];
            }
        }
        for y in 1..rows {
            for x in 0..cols {
                diff[y * w + x] += diff[(y - 1) * w + x];
            }
        }
        for y in 0..rows {
            let mut row = 0u32;
            for x in 0..cols {
                row += diff[y * w + x].max(0) as u32;
                cover.sat[(y + 1) * w + x + 1] = cover.sat[y * w + x + 1] + row;
            }
        }
        cover
    }

    /// Inclusive cell ranges a rectangle touches, clamped to the grid. (Clamped at 0 first, the
    /// cast rounds down as `floor` would, without a libm call per coordinate.)
    fn cells(&self, r: &ScreenRect) -> ((usize, usize), (usize, usize)) {
        let cell = |v: f32, n: usize| (((v - self.origin) / COVER_PX).max(0.0) as usize).min(n - 1);
        (
            (cell(r.min.x, self.cols), cell(r.max.x, self.cols)),
            (cell(r.min.y, self.rows), cell(r.max.y, self.rows)),
        )
    }

    /// Disc-cells under `r`, minus those of the disc `own` (a marker's own disc never blocks
    /// its label).
    fn covered(&self, r: &ScreenRect, own: &ScreenRect) -> u32 {
        let ((x0, x1), (y0, y1)) = self.cells(r);
        let w = self.cols + 1;
        let sum = self.sat[(y1 + 1) * w + x1 + 1] + self.sat[y0 * w + x0]
            - self.sat[y0 * w + x1 + 1]
            - self.sat[(y1 + 1) * w + x0];
        let ((a0, a1), (b0, b1)) = self.cells(own);
        let ox = (x1.min(a1) + 1).saturating_sub(x0.max(a0));
        let oy = (y1.min(b1) + 1).saturating_sub(y0.max(b0));
        sum - (ox * oy) as u32
    }
}

/// [`layout_markers_around`] with nothing reserved (the tests).
#[cfg(test)]
pub fn layout_markers(
    markers: &[MarkerInput],
    viewport: &Viewport,
    options: &LayoutOptions,
    label_size: impl FnMut(&MarkerInput) -> (f32, f32),
) -> Vec<MarkerLayout> {
    layout_markers_around(markers, viewport, options, &[], label_size)
}

/// Projects the markers into `viewport`, culls those outside it (plus a margin), folds markers
/// whose centres share a [`LayoutOptions::fold_px`] cell into the one of highest priority (pinned
/// markers never fold), sizes them by count and places labels greedily: by decreasing priority,
/// each label takes the first of 8 positions around its marker (then 8 further out, with a leader
/// line) that meets neither a placed label nor another marker; labels that fit nowhere are
/// dropped. `label_size` gives a marker's label width and height in points; it is asked only for
/// the labels tried, so the caller measures text for a few dozen markers, not every one.
/// Labels are kept out of `reserved` screen rectangles too (what the view draws over the map:
/// its legend, buttons, attribution), so no label hides under them.
pub fn layout_markers_around(
    markers: &[MarkerInput],
    viewport: &Viewport,
    options: &LayoutOptions,
    reserved: &[ScreenRect],
    mut label_size: impl FnMut(&MarkerInput) -> (f32, f32),
) -> Vec<MarkerLayout> {
    let margin = options.margin_px;
    let inside = |p: ScreenPoint| {
        p.x >= -margin
            && p.y >= -margin
            && p.x <= viewport.width_px + margin
            && p.y <= viewport.height_px + margin
    };
    let projection = viewport.projection();
    let folding = options.fold_px > 0.0;
    let fold = options.fold_px.max(1.0);
    let fold_cols = ((viewport.width_px + 2.0 * margin) / fold).ceil().max(1.0) as usize + 1;
    let fold_rows = ((viewport.height_px + 2.0 * margin) / fold).ceil().max(1.0) as usize + 1;
    // Per fold cell, the position in `out` of the marker that holds it.
    let mut holder = if folding {
        vec![u32::MAX; fold_cols * fold_rows]
    } else {
        Vec::new()
    };
    let mut out: Vec<MarkerLayout> = Vec::new();
    // The priority of each of `out`, beside it: a newcomer is compared with the holder of its
    // cell here rather than through the holder's input (a scattered read into tens of
    // thousands of inputs zoomed out).
    let mut priority: Vec<f32> = Vec::new();
    for (i, k) in markers.iter().enumerate() {
        let center = projection.screen(k.at);
        if !inside(center) {
            continue;
        }
        let laid = MarkerLayout {
            place: k.place,
            input: i,
            center,
            radius_px: 0.0,
            count: k.count,
            label: None,
            folded: 0,
            folded_count: 0,
            dated_by_text: k.dated_by_text,
        };
        if folding && !k.pinned {
            let cx = (((center.x + margin) / fold) as usize).min(fold_cols - 1);
            let cy = (((center.y + margin) / fold) as usize).min(fold_rows - 1);
            let cell = &mut holder[cy * fold_cols + cx];
            if let Some(h) = out.get_mut(*cell as usize) {
                let held = priority
                    .get(*cell as usize)
                    .copied()
                    .unwrap_or(f32::INFINITY);
                if k.priority > held {
                    // The newcomer takes the cell, in the holder's place in `out` (which is put
                    // in the inputs' order below); the holder folds into it.
                    let (folded, folded_count) = (h.folded + 1, h.folded_count + h.count);
                    let dated_by_text = h.dated_by_text + laid.dated_by_text;
                    *h = MarkerLayout {
                        folded,
                        folded_count,
                        dated_by_text,
                        ..laid
                    };
                    if let Some(p) = priority.get_mut(*cell as usize) {
                        *p = k.priority;
                    }
                } else {
                    h.folded += 1;
                    h.folded_count += k.count;
                    h.dated_by_text += k.dated_by_text;
                }
                continue;
            }
            *cell = out.len() as u32;
        }
        out.push(laid);
        priority.push(k.priority);
    }
    // (Each input is laid out once at most: its position is a total order.)
    out.sort_unstable_by_key(|m| m.input);
    let max_count = if options.max_count > 0 {
        options.max_count
    } else {
        out.iter().map(|m| m.count).max().unwrap_or(0)
    };
    let mut discs = Vec::with_capacity(out.len());
    for m in &mut out {
        m.radius_px = marker_radius_px(m.count, max_count);
        discs.push(ScreenRect::around(m.center, m.radius_px));
    }

    // The markers that want a label with their priorities beside them: the sort compares
    // these, not two scattered reads into the inputs (tens of thousands zoomed out).
    let mut order: Vec<(f32, usize)> = out
        .iter()
        .enumerate()
        .filter_map(|(j, m)| {
            let k = &markers[m.input];
            k.wants_label.then_some((k.priority, j))
        })
        .collect();
    order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let discs = DiscCoverage::new(viewport, margin, &discs);
    let mut labels = CollisionGrid::new(viewport, margin);
    for r in reserved {
        labels.insert(*r);
    }
    let mut placed = 0;
    for (_, j) in order {
        if placed >= options.max_labels {
            break;
        }
        let marker = &markers[out[j].input];
        let (w, h) = label_size(marker);
        let (c, r) = (out[j].center, out[j].radius_px);
        'rings: for (ring, leader) in [(r + 4.0, false), (r + 30.0, true)] {
            let candidates = [
                (ring, -h / 2.0),                   // east
                (-ring - w, -h / 2.0),              // west
                (ring * 0.7, -ring * 0.7 - h),      // north-east
                (ring * 0.7, ring * 0.7),           // south-east
                (-ring * 0.7 - w, -ring * 0.7 - h), // north-west
                (-ring * 0.7 - w, ring * 0.7),      // south-west
                (-w / 2.0, -ring - h),              // north
                (-w / 2.0, ring),                   // south
            ];
            for (dx, dy) in candidates {
                let rect = ScreenRect::from_min_size(
                    ScreenPoint {
                        x: c.x + dx,
                        y: c.y + dy,
                    },
                    w,
                    h,
                );
                let own = ScreenRect::around(c, r);
                // A label cut by the edge of the map reads as another name ("ondon"): a marker
                // near the edge takes a position inside (its own can hang out: it is cut too).
                let on_map = rect.min.x >= 0.0
                    && rect.min.y >= 0.0
                    && rect.max.x <= viewport.width_px
                    && rect.max.y <= viewport.height_px;
                if on_map && !labels.hits(&rect.expand(2.0)) && discs.covered(&rect, &own) == 0 {
                    labels.insert(rect);
                    out[j].label = Some(LabelPlacement {
                        offset_x_px: dx,
                        offset_y_px: dy,
                        leader,
                    });
                    placed += 1;
                    break 'rings;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screen_point_goes_back_to_the_ground_it_shows() {
        let viewport = Viewport {
            center: LatLon::new(32.9, 13.2),
            zoom: 6.5,
            width_px: 800.0,
            height_px: 600.0,
        };
        let misrata = LatLon::new(32.38, 15.09);
        let back = viewport.geo_from_screen(viewport.screen_from_geo(misrata));
        assert!((back.lat - misrata.lat).abs() < 1e-4 && (back.lon - misrata.lon).abs() < 1e-4);
    }

    #[test]
    fn a_marker_by_the_right_edge_puts_its_label_inside_the_map() {
        let view = libya();
        // A marker 20 px from the right edge: east of it (the first choice) there is no room.
        let px_per_degree = 256.0 * 64.0 / 360.0;
        let at = LatLon::new(29.0, 17.0 + 680.0 / px_per_degree);
        let laid = layout_markers(&[input(0, at, 5)], &view, &LayoutOptions::default(), |_| {
            (120.0, 20.0)
        });
        let label = laid[0].label.expect("a label");
        assert!((laid[0].center.x - 1380.0).abs() < 1.0);
        let right = laid[0].center.x + label.offset_x_px + 120.0;
        assert!(right <= view.width_px, "{label:?}");
    }

    fn libya() -> Viewport {
        Viewport {
            center: LatLon::new(29.0, 17.0),
            zoom: 6.0,
            width_px: 1400.0,
            height_px: 900.0,
        }
    }

    fn input(i: u32, at: LatLon, count: u32) -> MarkerInput {
        MarkerInput {
            place: PlaceIdx(i),
            at: UnitPoint::of(at),
            count,
            dated_by_text: count,
            priority: count as f32,
            wants_label: count > 0,
            pinned: false,
        }
    }

    fn label_size(_: &MarkerInput) -> (f32, f32) {
        (70.0, 16.0)
    }

    /// Where a marker's label went, at [`label_size`].
    fn label_rect(m: &MarkerLayout) -> Option<ScreenRect> {
        let l = m.label?;
        let at = ScreenPoint {
            x: m.center.x + l.offset_x_px,
            y: m.center.y + l.offset_y_px,
        };
        Some(ScreenRect::from_min_size(at, 70.0, 16.0))
    }

    #[test]
    fn the_centre_projects_to_the_middle_of_the_screen() {
        let v = libya();
        let p = v.screen_from_geo(v.center);
        assert!((p.x - 700.0).abs() < 1e-3 && (p.y - 450.0).abs() < 1e-3);
        // East is right, north is up.
        let east = v.screen_from_geo(LatLon::new(29.0, 18.0));
        let north = v.screen_from_geo(LatLon::new(30.0, 17.0));
        assert!(east.x > p.x && north.y < p.y);
    }

    #[test]
    fn geo_bounds_contain_exactly_what_projects_inside() {
        let v = libya();
        let (sw, ne) = v.geo_bounds(0.0);
        let corner = v.screen_from_geo(sw);
        assert!(corner.x.abs() < 0.01 && (corner.y - 900.0).abs() < 0.01);
        let corner = v.screen_from_geo(ne);
        assert!((corner.x - 1400.0).abs() < 0.01 && corner.y.abs() < 0.01);
    }

    #[test]
    fn the_grid_query_finds_the_places_in_the_box_and_skips_far_ones() {
        let places = [
            (PlaceIdx(0), LatLon::new(32.89, 13.19)), // Tripoli
            (PlaceIdx(1), LatLon::new(32.12, 20.07)), // Benghazi
            (PlaceIdx(2), LatLon::new(48.85, 2.35)),  // Paris
            (PlaceIdx(3), LatLon::new(f64::NAN, 0.0)),
        ];
        let grid = PlaceGrid::build(places.iter().copied());
        let mut found: Vec<u32> = grid
            .query(LatLon::new(30.0, 10.0), LatLon::new(34.0, 21.0))
            .map(|p| p.0)
            .collect();
        found.sort_unstable();
        assert_eq!(found, vec![0, 1]);
    }

    #[test]
    fn markers_outside_the_viewport_are_culled_and_busier_ones_are_bigger() {
        let v = libya();
        let xs = [
            input(0, LatLon::new(32.89, 13.19), 40),
            input(1, LatLon::new(32.12, 20.07), 10),
            input(2, LatLon::new(48.85, 2.35), 99),
        ];
        let out = layout_markers(&xs, &v, &LayoutOptions::default(), label_size);
        assert_eq!(out.iter().map(|m| m.place.0).collect::<Vec<_>>(), [0, 1]);
        assert!(out[0].radius_px > out[1].radius_px);
    }

    #[test]
    fn crowded_labels_never_overlap_each_other_or_other_markers() {
        let v = libya();
        let mut xs = Vec::new();
        for i in 0..400u32 {
            let at = LatLon::new(
                30.0 + f64::from(i % 20) * 0.15,
                14.0 + f64::from(i / 20) * 0.2,
            );
            xs.push(input(i, at, 1 + i % 7));
        }
        let opts = LayoutOptions {
            max_labels: 1000,
            ..LayoutOptions::default()
        };
        let out = layout_markers(&xs, &v, &opts, label_size);
        let rects: Vec<(usize, ScreenRect)> = out
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((i, label_rect(m)?)))
            .collect();
        assert!(rects.len() > 10, "{}", rects.len());
        assert!(rects.len() < 400);
        for (a, (i, ra)) in rects.iter().enumerate() {
            for (_, rb) in &rects[a + 1..] {
                assert!(!ra.intersects(rb));
            }
            for (j, m) in out.iter().enumerate() {
                if j != *i {
                    assert!(!ra.intersects(&ScreenRect::around(m.center, m.radius_px)));
                }
            }
        }
    }

    #[test]
    fn a_lone_label_sits_east_of_its_marker_and_the_cap_is_kept() {
        let v = libya();
        let out = layout_markers(
            &[input(0, LatLon::new(29.0, 17.0), 3)],
            &v,
            &LayoutOptions::default(),
            label_size,
        );
        let label = out[0].label.expect("placed");
        assert!(label.offset_x_px > 0.0 && !label.leader);
        let xs: Vec<_> = (0..50u32)
            .map(|i| input(i, LatLon::new(20.0 + f64::from(i) * 0.3, 10.0), 1))
            .collect();
        let opts = LayoutOptions {
            max_labels: 5,
            ..LayoutOptions::default()
        };
        let labelled = layout_markers(&xs, &v, &opts, label_size)
            .iter()
            .filter(|m| m.label.is_some())
            .count();
        assert_eq!(labelled, 5);
    }

    #[test]
    fn a_label_moves_out_of_a_reserved_rectangle_or_is_dropped() {
        let v = libya();
        let marker = [input(0, LatLon::new(29.0, 17.0), 3)];
        let c = layout_markers(&marker, &v, &LayoutOptions::default(), label_size)[0].center;
        // A legend over everything east of the marker: the label goes west instead.
        let east = ScreenRect {
            min: ScreenPoint { x: c.x, y: 0.0 },
            max: ScreenPoint {
                x: v.width_px,
                y: v.height_px,
            },
        };
        let out =
            layout_markers_around(&marker, &v, &LayoutOptions::default(), &[east], label_size);
        let placed = label_rect(&out[0]).expect("placed");
        assert!(!placed.intersects(&east), "{:?}", out[0].label);
        // Covered on every side: no label rather than one under the legend.
        let all = ScreenRect {
            min: ScreenPoint {
                x: -100.0,
                y: -100.0,
            },
            max: ScreenPoint {
                x: v.width_px + 100.0,
                y: v.height_px + 100.0,
            },
        };
        let out = layout_markers_around(&marker, &v, &LayoutOptions::default(), &[all], label_size);
        assert_eq!(out.len(), 1, "the marker stays");
        assert!(out[0].label.is_none());
    }

    #[test]
    fn markers_sharing_a_cell_fold_into_the_busiest_and_pinned_ones_stay_apart() {
        let v = libya();
        // Three places a few hundred metres apart (under a pixel at zoom 6), one far away.
        let xs = [
            input(0, LatLon::new(32.890, 13.190), 3),
            input(1, LatLon::new(32.891, 13.191), 9),
            input(2, LatLon::new(32.892, 13.192), 0),
            input(3, LatLon::new(32.12, 20.07), 1),
        ];
        let out = layout_markers(&xs, &v, &LayoutOptions::default(), label_size);
        assert_eq!(out.iter().map(|m| m.place.0).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(
            (out[0].folded, out[0].folded_count, out[0].count),
            (2, 3, 9)
        );
        assert_eq!((out[1].folded, out[1].input), (0, 3));

        let mut pinned = xs;
        pinned[2].pinned = true;
        let out = layout_markers(&pinned, &v, &LayoutOptions::default(), label_size);
        assert_eq!(out.iter().map(|m| m.place.0).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(out[0].folded, 1);

        let apart = LayoutOptions {
            fold_px: 0.0,
            ..LayoutOptions::default()
        };
        assert_eq!(layout_markers(&xs, &v, &apart, label_size).len(), 4);
    }

    #[test]
    fn a_marker_is_hollow_only_when_no_event_under_it_is_dated_by_the_text() {
        let v = libya();
        let publication_only = |mut k: MarkerInput| {
            k.dated_by_text = 0;
            k
        };
        // Benghazi alone, dated by publication only: hollow. Tripoli's busiest place is dated
        // by publication only too, but a place folded into it is dated by the text: filled.
        let xs = [
            publication_only(input(0, LatLon::new(32.890, 13.190), 9)),
            input(1, LatLon::new(32.891, 13.191), 2),
            publication_only(input(2, LatLon::new(32.12, 20.07), 4)),
            publication_only(input(3, LatLon::new(30.0, 15.0), 0)),
        ];
        let out = layout_markers(&xs, &v, &LayoutOptions::default(), label_size);
        let by_place = |p: u32| out.iter().find(|m| m.place.0 == p).expect("laid out");
        assert_eq!(by_place(0).folded, 1);
        assert_eq!(by_place(0).dated_by_text, 2);
        assert!(!by_place(0).publication_only());
        assert!(by_place(2).publication_only());
        assert!(
            !by_place(3).publication_only(),
            "no events in the window: faded, not hollow"
        );
        // The same group, the text-dated place the busier: it holds the cell, still filled.
        let mut swapped = xs;
        swapped[1].count = 20;
        swapped[1].dated_by_text = 20;
        swapped[1].priority = 20.0;
        let out = layout_markers(&swapped, &v, &LayoutOptions::default(), label_size);
        let holder = out.iter().find(|m| m.place.0 == 1).expect("holds the cell");
        assert_eq!((holder.folded, holder.dated_by_text), (1, 20));
        assert!(!holder.publication_only());
    }
}
