//! Recorded events: an event dataset (an ACLED CSV export, a GDELT events file) opened beside the
//! articles as a layer of its own, so an analyst sets what the articles say beside what the
//! dataset records. A record is a dated point with what the dataset says of it (location, type,
//! actors, fatalities, notes, source); it is not extracted from text and never becomes an
//! article event.
//!
//! - [`sniff`] tells a layer file from an article CSV by its first line: ACLED's header row
//!   (`event_date`, `latitude`, `longitude`), or GDELT's tab-separated rows with no header (61
//!   fields in 2.0, 57 or 58 in 1.0, the day as `YYYYMMDD` in the second).
//! - [`load`] reads one, streamed with the CSV row limit of [`crate::read::row_limited`]: rows
//!   with no usable date or coordinate are skipped with a problem naming the file and line, the
//!   good ones kept; ACLED columns this reader does not know are reported, not guessed at.
//! - [`Layer::in_window`] is a binary search (records are sorted by day), [`Layer::matching`] the
//!   records a search and a selected place let through, and [`cells`] bins what is in view into
//!   screen cells for the map.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::layout::{UnitPoint, Viewport};
use crate::coord::LatLon;
use crate::index::{DayNum, TimeWindow, day_num};
use crate::problem::Problem;
use crate::read::{CsvRow, open_regular, row_limited};

/// Rows read at most from one file: a year of ACLED for the whole world is about 200,000, a day
/// of GDELT about 150,000. Past this the rest of the file is skipped with a warning.
pub const MAX_RECORDS: usize = 2_000_000;

/// One row may hold a long `notes` cell, never a megabyte: past this the row is refused while it
/// is read (an unclosed quote), with the rest of the file.
pub const MAX_ROW_BYTES: u64 = 1024 * 1024;

/// The most a record keeps of one text cell (notes are a paragraph; the rest a few words).
pub const MAX_CELL_CHARS: usize = 1_000;

/// Problems listed one by one per file; past this they are counted in one last problem, so a
/// file of a million bad rows reports in bounded memory.
const MAX_LISTED_PROBLEMS: usize = 50;

/// Records within this distance of the selected place are the ones "at" it.
pub const NEAR_KM: f64 = 25.0;

/// Which dataset a layer comes from: its columns, and its name in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Acled,
    Gdelt,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Acled => "ACLED",
            Source::Gdelt => "GDELT",
        }
    }
}

/// One row of the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub day: DayNum,
    pub at: LatLon,
    /// Where, as the dataset names it ("Tripoli", "Misratah, Misratah, Libya").
    pub location: Box<str>,
    /// What happened, in the dataset's terms: ACLED's event type (and sub-type), GDELT's CAMEO
    /// root category.
    pub kind: Box<str>,
    /// Who, as the dataset names them, joined by " – ".
    pub actors: Box<str>,
    pub fatalities: Option<u32>,
    pub notes: Box<str>,
    /// Where the dataset took it from (ACLED's sources, GDELT's first article address).
    pub source: Box<str>,
    /// The row's first line in the file.
    pub line: u32,
}

impl Record {
    pub fn date(&self) -> NaiveDate {
        crate::index::date_of(self.day)
    }

    /// Whether `needle` (lower case) is in its location, kind, actors, notes or source.
    fn contains(&self, needle: &str) -> bool {
        [
            &self.location,
            &self.kind,
            &self.actors,
            &self.notes,
            &self.source,
        ]
        .iter()
        .any(|cell| contains_folded(cell, needle))
    }
}

/// Case-insensitive (Unicode lower case) substring test without allocating for ASCII cells.
fn contains_folded(cell: &str, needle: &str) -> bool {
    if cell.is_ascii() && needle.is_ascii() {
        let (h, n) = (cell.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        cell.to_lowercase().contains(needle)
    }
}

/// A dataset opened as a layer: its records sorted by day, and what was wrong with its rows.
#[derive(Clone, Debug)]
pub struct Layer {
    pub source: Source,
    pub path: PathBuf,
    records: Vec<Record>,
    /// Each record's Web Mercator position, beside `records`.
    units: Vec<UnitPoint>,
    pub problems: Vec<Problem>,
}

impl Layer {
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The file's name, for the legend and the status line.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// First and last day of the records.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.records.first()?.date(), self.records.last()?.date()))
    }

    /// The records of `window`'s days, as a range of [`Layer::records`].
    pub fn in_window(&self, window: TimeWindow) -> Range<usize> {
        let from = self.records.partition_point(|r| r.day < window.from);
        let to = self.records.partition_point(|r| r.day <= window.to);
        from..to.max(from)
    }

    /// Per record, whether the search (any case, in its location, kind, actors, notes or source)
    /// and the selected place (within [`NEAR_KM`]) let it through; `None` when neither is on.
    /// Computed once per change of either, not per frame.
    pub fn matching(&self, search: &str, near: Option<LatLon>) -> Option<Vec<bool>> {
        let needle = search.trim().to_lowercase();
        if needle.is_empty() && near.is_none() {
            return None;
        }
        Some(
            self.records
                .iter()
                .map(|r| {
                    (needle.is_empty() || r.contains(&needle))
                        && near.is_none_or(|p| r.at.distance_km(p) <= NEAR_KM)
                })
                .collect(),
        )
    }

    /// Records per bucket of `bucket_days` days from day `first`, `buckets` buckets, for the
    /// timeline's bars; `mask` as [`Layer::matching`].
    pub fn bucket_counts(
        &self,
        first: DayNum,
        bucket_days: usize,
        buckets: usize,
        mask: Option<&[bool]>,
    ) -> Vec<u32> {
        let mut out = vec![0; buckets];
        let bucket_days = bucket_days.max(1);
        let span = i64::try_from(bucket_days.saturating_mul(buckets)).unwrap_or(i64::MAX);
        let last = i64::from(first).saturating_add(span).saturating_sub(1);
        let range = self.in_window(TimeWindow {
            from: first,
            to: DayNum::try_from(last).unwrap_or(DayNum::MAX),
        });
        for i in range {
            if mask.is_none_or(|m| m.get(i).copied().unwrap_or(false)) {
                let offset = usize::try_from(self.records[i].day - first).unwrap_or(0);
                if let Some(b) = out.get_mut(offset / bucket_days) {
                    *b += 1;
                }
            }
        }
        out
    }
}

/// A layer as the app shows it: which records the search and the selected place
/// let through (worked out once per change of either, see [`LayerView::update`]).
#[derive(Clone, Debug)]
pub struct LayerView {
    pub layer: Arc<Layer>,
    mask: Option<Vec<bool>>,
    /// The search and the selected place's point the mask was made for.
    key: (String, Option<(u64, u64)>),
    /// Bumped at each new mask, for caches of what is drawn.
    pub generation: u64,
}

impl LayerView {
    pub fn new(layer: Arc<Layer>) -> LayerView {
        LayerView {
            layer,
            mask: None,
            key: (String::new(), None),
            generation: 0,
        }
    }

    /// Follows the app's filters: `search` as typed, `near` the selected place's point.
    pub fn update(&mut self, search: &str, near: Option<LatLon>) {
        let key = (
            search.trim().to_lowercase(),
            near.map(|p| (p.lat.to_bits(), p.lon.to_bits())),
        );
        if key != self.key {
            self.mask = self.layer.matching(&key.0, near);
            self.key = key;
            self.generation += 1;
        }
    }

    /// Which records the filters let through (`None`: all).
    pub fn mask(&self) -> Option<&[bool]> {
        self.mask.as_deref()
    }

    /// How many records the window and the filters let through.
    pub fn count_in(&self, window: TimeWindow) -> usize {
        let range = self.layer.in_window(window);
        match &self.mask {
            None => range.len(),
            Some(mask) => mask
                .get(range)
                .map_or(0, |m| m.iter().filter(|&&b| b).count()),
        }
    }
}

/// The records of one screen cell: where to draw them and how many there are.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The mean screen position of its records (points from the viewport's top left).
    pub x: f32,
    pub y: f32,
    pub count: u32,
    pub fatalities: u64,
    /// Its records, up to [`CELL_SAMPLE`] of them (the first in time), for the hover.
    pub sample: Vec<u32>,
}

/// Records a cell keeps for its hover.
pub const CELL_SAMPLE: usize = 5;

/// The records of `window` that `mask` lets through, binned into square cells of `cell_px`
/// points of the viewport (records outside it are left out). Cells come sorted by count, the
/// largest last (drawn on top).
pub fn cells(
    layer: &Layer,
    window: TimeWindow,
    mask: Option<&[bool]>,
    viewport: &Viewport,
    cell_px: f32,
) -> Vec<Cell> {
    let projection = viewport.projection();
    let cell_px = cell_px.max(1.0);
    let cols = (viewport.width_px / cell_px).ceil().max(1.0) as i64;
    let mut bins: std::collections::HashMap<i64, (f64, f64, Cell)> =
        std::collections::HashMap::new();
    for i in layer.in_window(window) {
        if !mask.is_none_or(|m| m.get(i).copied().unwrap_or(false)) {
            continue;
        }
        let p = projection.screen(layer.units[i]);
        if !(p.x >= 0.0 && p.y >= 0.0 && p.x < viewport.width_px && p.y < viewport.height_px) {
            continue;
        }
        let key = (p.y / cell_px) as i64 * cols + (p.x / cell_px) as i64;
        let record = &layer.records[i];
        let (sx, sy, cell) = bins.entry(key).or_insert_with(|| {
            (
                0.0,
                0.0,
                Cell {
                    x: 0.0,
                    y: 0.0,
                    count: 0,
                    fatalities: 0,
                    sample: Vec::new(),
                },
            )
        });
        *sx += f64::from(p.x);
        *sy += f64::from(p.y);
        cell.count += 1;
        cell.fatalities += u64::from(record.fatalities.unwrap_or(0));
        if cell.sample.len() < CELL_SAMPLE {
            cell.sample.push(i as u32);
        }
    }
    let mut out: Vec<Cell> = bins
        .into_values()
        .map(|(sx, sy, mut cell)| {
            cell.x = (sx / f64::from(cell.count)) as f32;
            cell.y = (sy / f64::from(cell.count)) as f32;
            cell
        })
        .collect();
    out.sort_by(|a, b| {
        a.count
            .cmp(&b.count)
            .then(a.y.total_cmp(&b.y))
            .then(a.x.total_cmp(&b.x))
    });
    out
}

/// Whether `path` is an event dataset this module reads (by its first line), and which.
pub fn sniff(path: &Path) -> Option<Source> {
    use std::io::Read;
    let file = open_regular(path).ok()?;
    let mut head = Vec::with_capacity(8192);
    file.take(64 * 1024).read_to_end(&mut head).ok()?;
    sniff_bytes(&head)
}

/// [`sniff`] on a file's first bytes.
pub fn sniff_bytes(head: &[u8]) -> Option<Source> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let end = memchr::memchr(b'\n', head).unwrap_or(head.len());
    let line = String::from_utf8_lossy(&head[..end]);
    let line = line.trim_end_matches('\r');
    let tabs: Vec<&str> = line.split('\t').collect();
    if matches!(tabs.len(), 57 | 58 | 61) && is_yyyymmdd(tabs[1]) {
        return Some(Source::Gdelt);
    }
    let names: Vec<String> = line
        .split(',')
        .map(|h| h.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |n: &str| names.iter().any(|h| h == n);
    (has("event_date") && has("latitude") && has("longitude")).then_some(Source::Acled)
}

fn is_yyyymmdd(cell: &str) -> bool {
    cell.len() == 8 && cell.bytes().all(|b| b.is_ascii_digit())
}

/// Why a file could not be opened as a layer at all (its rows' problems are in the layer).
pub fn load(path: &Path) -> Result<Layer, Problem> {
    let file = open_regular(path)
        .map_err(|err| Problem::error(path, None, format!("cannot read the file ({err})")))?;
    let Some(source) = sniff(path) else {
        return Err(Problem::error(
            path,
            Some(1),
            "not an event dataset: expected an ACLED CSV export (a header row with event_date, \
             latitude and longitude) or a GDELT events file (tab-separated, 61 fields per row in \
             GDELT 2.0, 57 or 58 in 1.0)",
        ));
    };
    Ok(load_reader(path, source, file))
}

/// Reads a layer of `source`'s layout from `input`; problems name `path`.
pub fn load_reader(path: &Path, source: Source, input: impl std::io::Read) -> Layer {
    let (input, meter) = row_limited(input, MAX_ROW_BYTES);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(if source == Source::Gdelt { b'\t' } else { b',' })
        .quoting(source == Source::Acled)
        .from_reader(input);
    let mut out = Rows {
        path,
        records: Vec::new(),
        problems: Vec::new(),
        skipped: 0,
    };
    let mut columns = None;
    let mut row = csv::ByteRecord::new();
    loop {
        let line = match meter.next_row(&mut reader, &mut row) {
            CsvRow::Row { line } => line,
            CsvRow::End => break,
            CsvRow::Bad { line, message } => {
                out.problem(line, message);
                continue;
            }
            CsvRow::Stop { line, message } => {
                out.problem(line, message);
                break;
            }
        };
        if out.records.len() >= MAX_RECORDS {
            out.problems.push(Problem::warning(
                path,
                Some(line),
                format!(
                    "more than {MAX_RECORDS} rows: this row and the rest of the file are not read"
                ),
            ));
            break;
        }
        let parsed = match source {
            Source::Gdelt => gdelt_row(&row),
            Source::Acled => {
                if let Some(columns) = &columns {
                    acled_row(columns, &row)
                } else {
                    match AcledColumns::of(&row) {
                        Ok((found, unknown)) => {
                            if !unknown.is_empty() {
                                out.problems.push(Problem::warning(
                                    path,
                                    Some(line),
                                    format!(
                                        "unknown column{} {} ignored (not one of ACLED's export \
                                         columns)",
                                        if unknown.len() == 1 { "" } else { "s" },
                                        unknown.join(", ")
                                    ),
                                ));
                            }
                            columns = Some(found);
                        }
                        Err(message) => {
                            out.problem(line, message);
                            break;
                        }
                    }
                    continue;
                }
            }
        };
        match parsed {
            Ok(mut record) => {
                record.line = u32::try_from(line).unwrap_or(u32::MAX);
                out.records.push(record);
            }
            Err(message) => out.problem(line, format!("{message}; the row is skipped")),
        }
    }
    out.finish(source)
}

/// The rows read so far and their problems, listed up to [`MAX_LISTED_PROBLEMS`].
struct Rows<'p> {
    path: &'p Path,
    records: Vec<Record>,
    problems: Vec<Problem>,
    skipped: usize,
}

impl Rows<'_> {
    fn problem(&mut self, line: usize, message: String) {
        if self.skipped < MAX_LISTED_PROBLEMS {
            self.problems
                .push(Problem::error(self.path, Some(line), message));
        }
        self.skipped += 1;
    }

    fn finish(mut self, source: Source) -> Layer {
        if self.skipped > MAX_LISTED_PROBLEMS {
            self.problems.push(Problem::error(
                self.path,
                None,
                format!(
                    "{} rows could not be used in all (the first {MAX_LISTED_PROBLEMS} are listed)",
                    self.skipped
                ),
            ));
        }
        self.records.sort_by_key(|r| r.day);
        let units = self.records.iter().map(|r| UnitPoint::of(r.at)).collect();
        Layer {
            source,
            path: self.path.to_path_buf(),
            records: self.records,
            units,
            problems: self.problems,
        }
    }
}

/// A cell as text: invalid UTF-8 replaced, control characters dropped, at most
/// [`MAX_CELL_CHARS`] characters.
fn text(cell: Option<&[u8]>) -> Box<str> {
    let raw = String::from_utf8_lossy(cell.unwrap_or_default());
    raw.trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_CELL_CHARS)
        .collect::<String>()
        .into_boxed_str()
}

fn coordinate(cell: Option<&[u8]>, what: &str, max: f64) -> Result<f64, String> {
    let raw = text(cell);
    if raw.is_empty() {
        return Err(format!("no {what}"));
    }
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= max => Ok(v),
        _ => Err(format!(
            "{what} “{raw}” is not a number between -{max} and {max}"
        )),
    }
}

/// The columns of ACLED's export this reader takes, by position in the header row.
#[derive(Clone, Debug)]
struct AcledColumns {
    date: usize,
    lat: usize,
    lon: usize,
    location: Option<usize>,
    admin1: Option<usize>,
    country: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actor1: Option<usize>,
    actor2: Option<usize>,
    fatalities: Option<usize>,
    notes: Option<usize>,
    source: Option<usize>,
}

/// Every column of ACLED's export (the ones read and the ones known but not shown).
const ACLED_KNOWN: &[&str] = &[
    "event_id_cnty",
    "event_id_no_cnty",
    "data_id",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "iso3",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

impl AcledColumns {
    /// From the header row: the columns, and the names it has that ACLED's export does not.
    fn of(header: &csv::ByteRecord) -> Result<(AcledColumns, Vec<String>), String> {
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect();
        let col = |n: &str| names.iter().position(|h| h == n);
        let (Some(date), Some(lat), Some(lon)) =
            (col("event_date"), col("latitude"), col("longitude"))
        else {
            return Err(
                "the header row needs event_date, latitude and longitude columns \
                        (an ACLED export)"
                    .to_owned(),
            );
        };
        let unknown = names
            .iter()
            .filter(|n| !n.is_empty() && !ACLED_KNOWN.contains(&n.as_str()))
            .map(|n| text(Some(n.as_bytes())).into_string())
            .collect();
        Ok((
            AcledColumns {
                date,
                lat,
                lon,
                location: col("location"),
                admin1: col("admin1"),
                country: col("country"),
                event_type: col("event_type"),
                sub_event_type: col("sub_event_type"),
                actor1: col("actor1"),
                actor2: col("actor2"),
                fatalities: col("fatalities"),
                notes: col("notes"),
                source: col("source"),
            },
            unknown,
        ))
    }
}

/// ACLED's `event_date`: ISO (`2020-01-05`), or the day-month-year its older exports and
/// spreadsheets write (`05 January 2020`, `5-Jan-2020`). Numeric day/month orders other than ISO
/// are refused: `01/05/2020` is the 1st of May in one country and the 5th of January in another.
fn acled_date(raw: &str) -> Option<NaiveDate> {
    if let Some(date) = crate::pipeline::corpus::parse_iso_date(raw) {
        return Some(date);
    }
    let spaced = raw.replace('-', " ");
    ["%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&spaced, f).ok())
}

fn acled_row(c: &AcledColumns, row: &csv::ByteRecord) -> Result<Record, String> {
    let cell = |i: Option<usize>| text(i.and_then(|i| row.get(i)));
    let raw_date = cell(Some(c.date));
    let date = acled_date(&raw_date).ok_or_else(|| {
        if raw_date.is_empty() {
            "no event_date".to_owned()
        } else {
            format!(
                "event_date “{raw_date}” is not a date (expected 2020-01-05 or 05 January 2020)"
            )
        }
    })?;
    let lat = coordinate(row.get(c.lat), "latitude", 90.0)?;
    let lon = coordinate(row.get(c.lon), "longitude", 180.0)?;
    let fatalities = match cell(c.fatalities) {
        f if f.is_empty() => None,
        f => Some(
            f.parse::<u32>()
                .map_err(|_| format!("fatalities “{f}” is not a whole number"))?,
        ),
    };
    let location = [cell(c.location), cell(c.admin1), cell(c.country)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
    let mut location_text: Vec<&str> = Vec::new();
    for part in &location {
        if !location_text.contains(&&**part) {
            location_text.push(part);
        }
    }
    let kind = match (cell(c.event_type), cell(c.sub_event_type)) {
        (t, s) if s.is_empty() || *s == *t => t,
        (t, s) if t.is_empty() => s,
        (t, s) => format!("{t}: {s}").into_boxed_str(),
    };
    Ok(Record {
        day: day_num(date),
        at: LatLon::new(lat, lon),
        location: location_text.join(", ").into_boxed_str(),
        kind,
        actors: join_actors(&cell(c.actor1), &cell(c.actor2)),
        fatalities,
        notes: cell(c.notes),
        source: cell(c.source),
        line: 0,
    })
}

fn join_actors(a: &str, b: &str) -> Box<str> {
    match (a.is_empty(), b.is_empty()) {
        (false, false) => format!("{a} – {b}").into_boxed_str(),
        (false, true) => a.into(),
        (true, false) => b.into(),
        (true, true) => "".into(),
    }
}

/// The 20 root categories of the CAMEO event codes GDELT uses (`EventRootCode` 01-20).
const CAMEO_ROOTS: [&str; 20] = [
    "Make public statement",
    "Appeal",
    "Express intent to cooperate",
    "Consult",
    "Engage in diplomatic cooperation",
    "Engage in material cooperation",
    "Provide aid",
    "Yield",
    "Investigate",
    "Demand",
    "Disapprove",
    "Reject",
    "Threaten",
    "Protest",
    "Exhibit military posture",
    "Reduce relations",
    "Coerce",
    "Assault",
    "Fight",
    "Use unconventional mass violence",
];

/// Field positions of a GDELT events row: 2.0 (61 fields) adds an ADM2 code to each of the three
/// geographies of 1.0 (57 fields, 58 with the source address).
struct GdeltFields {
    action_name: usize,
    action_lat: usize,
    action_lon: usize,
    url: Option<usize>,
}

fn gdelt_fields(len: usize) -> Option<GdeltFields> {
    match len {
        61 => Some(GdeltFields {
            action_name: 52,
            action_lat: 56,
            action_lon: 57,
            url: Some(60),
        }),
        57 | 58 => Some(GdeltFields {
            action_name: 50,
            action_lat: 53,
            action_lon: 54,
            url: (len == 58).then_some(57),
        }),
        _ => None,
    }
}

fn gdelt_row(row: &csv::ByteRecord) -> Result<Record, String> {
    let f = gdelt_fields(row.len()).ok_or_else(|| {
        format!(
            "{} tab-separated fields, expected 61 (GDELT 2.0 events) or 57-58 (GDELT 1.0)",
            row.len()
        )
    })?;
    let cell = |i: usize| text(row.get(i));
    let raw_date = cell(1);
    let date = is_yyyymmdd(&raw_date)
        .then(|| NaiveDate::parse_from_str(&raw_date, "%Y%m%d").ok())
        .flatten()
        .ok_or_else(|| format!("the day “{raw_date}” is not a YYYYMMDD date"))?;
    let lat = coordinate(row.get(f.action_lat), "ActionGeo_Lat", 90.0)?;
    let lon = coordinate(row.get(f.action_lon), "ActionGeo_Long", 180.0)?;
    let root = cell(28);
    let kind = root
        .parse::<usize>()
        .ok()
        .and_then(|n| CAMEO_ROOTS.get(n.wrapping_sub(1)))
        .map_or_else(
            || format!("CAMEO {}", cell(26)).into_boxed_str(),
            |name| format!("{name} (CAMEO {})", cell(26)).into_boxed_str(),
        );
    Ok(Record {
        day: day_num(date),
        at: LatLon::new(lat, lon),
        location: cell(f.action_name),
        kind,
        actors: join_actors(&cell(6), &cell(16)),
        fatalities: None,
        notes: format!(
            "Goldstein {}, {} mentions, tone {}",
            cell(30),
            cell(31),
            cell(34)
        )
        .into_boxed_str(),
        source: f.url.map(cell).unwrap_or_default(),
        line: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACLED: &str = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,\
country,admin1,location,latitude,longitude,source,notes,fatalities,my_column\n\
LBY1,2019-04-20,2019,Battles,Armed clash,LNA,GNA,Libya,Tripoli,Ain Zara,32.79,13.23,Libya Observer,\"Clashes south of the capital, \"\"heavy\"\"\",4,x\n\
LBY2,05 January 2020,2020,Explosions/Remote violence,Air/drone strike,LNA,,Libya,Tripoli,Tripoli,32.88,13.19,AFP,Strike on a military academy,30,y\n\
LBY3,2020-13-01,2020,Battles,,,,Libya,,Sirte,31.2,16.6,,,,\n\
LBY4,2019-06-26,2019,Battles,,,,Libya,,Gharyan,,13.02,,,,\n";

    fn gdelt_row_text(day: &str, root: &str, lat: &str, lon: &str) -> String {
        let mut f = vec![String::new(); 61];
        f[0] = "1".into();
        f[1] = day.into();
        f[6] = "LIBYA".into();
        f[16] = "TURKEY".into();
        f[26] = format!("{root}0");
        f[28] = root.into();
        f[30] = "-10.0".into();
        f[31] = "12".into();
        f[34] = "-5.2".into();
        f[52] = "Tripoli, Tarabulus, Libya".into();
        f[56] = lat.into();
        f[57] = lon.into();
        f[60] = "https://example.org/story".into();
        f.join("\t")
    }

    #[test]
    fn an_acled_export_is_read_row_by_row_bad_rows_named_unknown_columns_reported() {
        assert_eq!(sniff_bytes(ACLED.as_bytes()), Some(Source::Acled));
        let layer = load_reader(Path::new("acled.csv"), Source::Acled, ACLED.as_bytes());
        assert_eq!(layer.len(), 2, "{:?}", layer.problems);
        let first = &layer.records()[0];
        assert_eq!(
            first.date(),
            NaiveDate::from_ymd_opt(2019, 4, 20).expect("test value")
        );
        assert_eq!(&*first.location, "Ain Zara, Tripoli, Libya");
        assert_eq!(&*first.kind, "Battles: Armed clash");
        assert_eq!(&*first.actors, "LNA – GNA");
        assert_eq!(&*first.notes, "Clashes south of the capital, \"heavy\"");
        assert_eq!(first.fatalities, Some(4));
        assert_eq!(first.line, 2);
        let second = &layer.records()[1];
        assert_eq!(
            second.date(),
            NaiveDate::from_ymd_opt(2020, 1, 5).expect("test value")
        );
        assert_eq!(&*second.location, "Tripoli, Libya");
        let messages: Vec<String> = layer.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("acled.csv:1: warning: unknown column my_column"));
        assert!(messages[1].starts_with("acled.csv:4: error: event_date “2020-13-01”"));
        assert!(messages[2].starts_with("acled.csv:5: error: no latitude"));
    }

    #[test]
    fn a_gdelt_events_file_is_read_by_position_with_cameo_categories() {
        let text = [
            gdelt_row_text("20200105", "19", "32.8752", "13.1875"),
            gdelt_row_text("20190420", "04", "41.9", "12.48"),
            gdelt_row_text("2019042", "04", "41.9", "12.48"),
            "1\t20190101\tshort row".to_owned(),
        ]
        .join("\n");
        assert_eq!(sniff_bytes(text.as_bytes()), Some(Source::Gdelt));
        let layer = load_reader(Path::new("x.export.CSV"), Source::Gdelt, text.as_bytes());
        assert_eq!(layer.len(), 2);
        // Sorted by day.
        let (a, b) = (&layer.records()[0], &layer.records()[1]);
        assert_eq!(
            a.date(),
            NaiveDate::from_ymd_opt(2019, 4, 20).expect("test value")
        );
        assert_eq!(&*a.kind, "Consult (CAMEO 040)");
        assert_eq!(&*b.kind, "Fight (CAMEO 190)");
        assert_eq!(&*b.actors, "LIBYA – TURKEY");
        assert_eq!(&*b.location, "Tripoli, Tarabulus, Libya");
        assert_eq!(&*b.source, "https://example.org/story");
        assert!((b.at.lat - 32.8752).abs() < 1e-9);
        let messages: Vec<String> = layer.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains(":3: error: the day “2019042”"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains(":4: error: 3 tab-separated fields"),
            "{messages:?}"
        );
    }

    #[test]
    fn an_article_csv_or_plain_text_is_not_a_layer() {
        assert_eq!(sniff_bytes(b"title,date,text\nA,2020-01-01,Hello\n"), None);
        assert_eq!(sniff_bytes(b"Tripoli, 5 April (AFP) - Fighting\n"), None);
        assert_eq!(sniff_bytes(b""), None);
    }

    #[test]
    fn windows_searches_and_cells_select_the_records() {
        let layer = load_reader(Path::new("a.csv"), Source::Acled, ACLED.as_bytes());
        let day = |y, m, d| day_num(NaiveDate::from_ymd_opt(y, m, d).expect("date"));
        let april = TimeWindow {
            from: day(2019, 4, 1),
            to: day(2019, 4, 30),
        };
        assert_eq!(layer.in_window(april), 0..1);
        let all = TimeWindow {
            from: DayNum::MIN,
            to: DayNum::MAX,
        };
        assert_eq!(layer.in_window(all), 0..2);
        // The search reads notes and actors, in any case.
        let mask = layer.matching("ACADEMY", None).expect("test value");
        assert_eq!(mask, vec![false, true]);
        assert!(layer.matching("  ", None).is_none());
        // Ain Zara is 10 km from Tripoli's centre, Tripoli's record at it.
        let near = layer
            .matching("", Some(LatLon::new(32.8872, 13.1913)))
            .expect("test value");
        assert_eq!(near, vec![true, true]);
        let far = layer
            .matching("", Some(LatLon::new(41.9, 12.5)))
            .expect("test value");
        assert_eq!(far, vec![false, false]);
        // Weeks from 1 April 2019 over 45 weeks: the strike of 5 January 2020 in week 39.
        let weeks = layer.bucket_counts(day(2019, 4, 1), 7, 45, None);
        assert_eq!(weeks.iter().sum::<u32>(), 2);
        assert_eq!((weeks[2], weeks[39]), (1, 1));
        let weeks = layer.bucket_counts(day(2019, 4, 1), 7, 45, Some(&mask));
        assert_eq!(weeks.iter().sum::<u32>(), 1);
        assert_eq!(layer.bucket_counts(day(2019, 4, 1), 7, 2, None), vec![0, 0]);

        let view = Viewport {
            center: LatLon::new(32.85, 13.2),
            zoom: 6.0,
            width_px: 800.0,
            height_px: 600.0,
        };
        // Zoomed out, both records fall in one 24-point cell.
        let both = cells(&layer, all, None, &view, 24.0);
        assert_eq!(both.len(), 1);
        assert_eq!((both[0].count, both[0].fatalities), (2, 34));
        assert_eq!(both[0].sample, vec![0, 1]);
        // Zoomed in, two cells; the window and the mask leave one.
        let close = Viewport { zoom: 12.0, ..view };
        assert_eq!(cells(&layer, all, None, &close, 24.0).len(), 2);
        assert_eq!(cells(&layer, april, None, &close, 24.0).len(), 1);
        assert!(cells(&layer, april, Some(&mask), &close, 24.0).is_empty());
        // Out of view.
        let rome = Viewport {
            center: LatLon::new(41.9, 12.5),
            ..close
        };
        assert!(cells(&layer, all, None, &rome, 24.0).is_empty());
    }

    #[test]
    fn the_view_follows_the_search_and_the_selected_place_and_counts_the_window() {
        let layer = load_reader(Path::new("a.csv"), Source::Acled, ACLED.as_bytes());
        let mut view = LayerView::new(Arc::new(layer));
        let all = TimeWindow {
            from: DayNum::MIN,
            to: DayNum::MAX,
        };
        assert_eq!(view.count_in(all), 2);
        view.update("lna", None);
        let first = view.generation;
        assert_eq!(view.count_in(all), 2);
        view.update("Academy ", None);
        assert!(view.generation > first);
        assert_eq!(view.count_in(all), 1);
        view.update("", Some(LatLon::new(41.9, 12.5)));
        assert_eq!(view.count_in(all), 0);
        view.update("", None);
        assert!(view.mask().is_none());
        assert_eq!(view.count_in(all), 2);
    }

    #[test]
    fn a_runaway_quote_and_binary_bytes_are_refused_with_the_good_rows_kept() {
        let mut text = ACLED.lines().take(2).collect::<Vec<_>>().join("\n");
        text.push_str("\nLBY9,2019-05-01,2019,Battles,,,,Libya,,\"Sirte");
        text.push_str(&"x".repeat(MAX_ROW_BYTES as usize + 10));
        let layer = load_reader(Path::new("a.csv"), Source::Acled, text.as_bytes());
        assert_eq!(layer.len(), 1);
        assert!(
            layer
                .problems
                .iter()
                .any(|p| p.message.contains("above the limit")),
            "{:?}",
            layer.problems
        );
        let binary = b"event_date,latitude,longitude,notes\n2019-05-01,1,2,\xff\xfe\x00\x01\n";
        let layer = load_reader(Path::new("b.csv"), Source::Acled, &binary[..]);
        assert_eq!(layer.len(), 1);
        assert_eq!(&*layer.records()[0].notes, "\u{fffd}\u{fffd}");
    }

    #[test]
    fn a_million_bad_rows_report_in_bounded_memory() {
        let mut text = String::from("event_date,latitude,longitude\n");
        for _ in 0..10_000 {
            text.push_str("soon,1,1\n");
        }
        let layer = load_reader(Path::new("c.csv"), Source::Acled, text.as_bytes());
        assert!(layer.is_empty());
        assert_eq!(layer.problems.len(), MAX_LISTED_PROBLEMS + 1);
        assert!(
            layer.problems[MAX_LISTED_PROBLEMS]
                .message
                .starts_with("10000 rows could not be used")
        );
    }
}
