//! Opening events from `GeoParquet`: what `newsatlas extract --format parquet` writes, a
//! partitioned folder of such files from a distributed job, or any engine's file with point
//! geometries (`DuckDB`, `GeoPandas`, Spark). The events become a [`Dataset`] the map, the timeline
//! and the article pane work on as on extracted articles.
//!
//! Key decisions:
//! - **What is read**: a `.parquet` file, or a folder: its `events.parquet` when it has one (the
//!   CLI's output folder), else its `events/` folder's parts when it has one (the distributed
//!   job's output folder), else every `.parquet` file under it (partitions such as
//!   `year=2024/part-0.parquet`), in path order. Only the columns used are read.
//! - **Columns**: the point is the `geo` metadata's primary column (default `geometry`, WKB), or
//!   `lat`/`lon` numbers when there is no geometry column. Every other column is optional:
//!   `article` (else the file's name), `place_id`, `place_name`, `from`, `to` (dates or
//!   `YYYY-MM-DD` text), `date_basis`, `published`, `text` (the sentence, shown in the pane).
//! - **Articles**: one per distinct `article`, its body the distinct texts of its events one after
//!   the other (a sentence shared by consecutive events is kept once), so the pane shows each
//!   event's sentence where the file carries it. Places: one per distinct (id, point).
//! - **Beside the events**: an `articles` and a `places` table (a `.parquet` file or a folder of
//!   parts, as the CLI and the distributed job write them) give the articles their titles,
//!   outlets and publication dates and the places their kinds and countries; without them the
//!   ids stand for titles and every place is drawn as a city.
//! - **Bounded**: read one row group at a time in batches; at most [`MAX_EVENTS`] events and
//!   [`MAX_TEXT_BYTES`] of text (each text cut to [`MAX_ROW_TEXT_BYTES`]); past that the rest is
//!   left out with a message saying so.
//! - **Errors**: a file that is not Parquet, has no point columns or a column of the wrong type is
//!   an error naming the file (and the column); a row group that cannot be decoded names the row
//!   group; rows without a readable point are skipped and counted. Nothing panics.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Date64Type, Float32Type, Float64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use chrono::NaiveDate;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};

use crate::coord::LatLon;
use crate::corpus::{Article, Body, DateBasis};
use crate::extract::dates::{Granularity, Interval};
use crate::extract::places::{PlaceMention, Reason};
use crate::extract::{ArticleExtraction, ArticleIdx, Event, TextSpan, WhenBasis};
use crate::gazetteer::{Gazetteer, Place, PlaceIdx, PlaceKind, PlaceSource};
use crate::index::Index;
use crate::problem::Problem;
use crate::session::dataset::Dataset;

/// The events file of a folder `newsatlas extract --format parquet` wrote.
pub const EVENTS_FILE: &str = "events.parquet";
/// The geometry column when the `geo` metadata names none.
pub const GEOMETRY_COLUMN: &str = "geometry";

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01, Arrow's day 0.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// A date as Arrow's `Date32`: days since 1970-01-01.
pub fn date32(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE
}

/// The date of an Arrow `Date32` value, `None` beyond chrono's range.
pub fn from_date32(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_DAYS_FROM_CE)?)
}

/// The most events opened: past this the rest of the files is left out, with a message.
pub const MAX_EVENTS: usize = 5_000_000;
/// The most sentence text kept over all events.
pub const MAX_TEXT_BYTES: usize = 1 << 30;
/// The most text one row carries into the pane.
pub const MAX_ROW_TEXT_BYTES: usize = 2000;
/// The most `.parquet` files a folder may hold.
pub const MAX_FILES: usize = 100_000;
/// The most bytes one column of one row group may hold uncompressed.
pub const MAX_CHUNK_BYTES: i64 = 1 << 30;
/// Rows decoded at a time.
const BATCH_ROWS: usize = 8192;
/// At most this much of a title, outlet, byline or address from the articles table.
const MAX_COMPANION_TEXT_BYTES: usize = 1000;
/// How deep a partitioned folder is searched.
const MAX_DEPTH: usize = 8;

/// How far the reading is: rows read of all rows the files announce.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadProgress {
    pub rows: usize,
    pub total: usize,
}

/// Whether `path` is something this module opens: a `.parquet` file, or a folder with one in it
/// (at any depth, as partitioned output is laid out).
pub fn is_events_path(path: &Path) -> bool {
    if path.is_dir() {
        let mut found = Vec::new();
        parquet_files(path, 0, &mut found, 1);
        !found.is_empty()
    } else {
        has_parquet_extension(path)
    }
}

fn has_parquet_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// The `.parquet` files under `dir` (hidden and `_`-prefixed entries skipped, as engines mark
/// their temporary and metadata files), at most `limit` of them.
fn parquet_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, limit: usize) {
    if depth > MAX_DEPTH || out.len() >= limit {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && !name.starts_with('_')
        })
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        if out.len() >= limit {
            return;
        }
        if p.is_dir() {
            parquet_files(&p, depth + 1, out, limit);
        } else if has_parquet_extension(&p) && p.is_file() {
            out.push(p);
        }
    }
}

/// The files `path` stands for, or why there are none.
pub fn files_of(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.exists() {
        return Err(format!("{} does not exist", path.display()));
    }
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let events = path.join(EVENTS_FILE);
    if events.is_file() {
        return Ok(vec![events]);
    }
    // The distributed job's folder: `events/` beside `articles/`, `places/` and `dates/`.
    let parts = path.join("events");
    let root = if parts.is_dir() {
        parts
    } else {
        path.to_path_buf()
    };
    let mut files = Vec::new();
    parquet_files(&root, 0, &mut files, MAX_FILES + 1);
    if files.is_empty() {
        return Err(format!(
            "{} has no .parquet files (expected GeoParquet events, e.g. from `newsatlas extract \
             --format parquet`)",
            path.display()
        ));
    }
    if files.len() > MAX_FILES {
        return Err(format!(
            "{} has more than {MAX_FILES} .parquet files; open a part of it",
            path.display()
        ));
    }
    Ok(files)
}

/// A string column of any of Arrow's string layouts.
enum Strings<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Strings<'a> {
    fn of(col: &'a dyn Array) -> Option<Strings<'a>> {
        match col.data_type() {
            DataType::Utf8 => Some(Strings::Utf8(col.as_string::<i32>())),
            DataType::LargeUtf8 => Some(Strings::Large(col.as_string::<i64>())),
            DataType::Utf8View => Some(Strings::View(col.as_string_view())),
            _ => None,
        }
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Strings::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

/// A binary column of any of Arrow's binary layouts.
enum Bytes<'a> {
    Binary(&'a arrow_array::BinaryArray),
    Large(&'a arrow_array::LargeBinaryArray),
    View(&'a arrow_array::BinaryViewArray),
}

impl<'a> Bytes<'a> {
    fn of(col: &'a dyn Array) -> Option<Bytes<'a>> {
        match col.data_type() {
            DataType::Binary => Some(Bytes::Binary(col.as_binary::<i32>())),
            DataType::LargeBinary => Some(Bytes::Large(col.as_binary::<i64>())),
            DataType::BinaryView => Some(Bytes::View(col.as_binary_view())),
            _ => None,
        }
    }

    fn get(&self, i: usize) -> Option<&'a [u8]> {
        match self {
            Bytes::Binary(a) => a.is_valid(i).then(|| a.value(i)),
            Bytes::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Bytes::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

/// A number column (double or float).
fn number(col: &dyn Array, i: usize) -> Option<f64> {
    if !col.is_valid(i) {
        return None;
    }
    match col.data_type() {
        DataType::Float64 => Some(col.as_primitive::<Float64Type>().value(i)),
        DataType::Float32 => Some(f64::from(col.as_primitive::<Float32Type>().value(i))),
        _ => None,
    }
}

/// A date column: Arrow dates, or `YYYY-MM-DD` text.
fn date(col: &dyn Array, i: usize) -> Option<NaiveDate> {
    if !col.is_valid(i) {
        return None;
    }
    match col.data_type() {
        DataType::Date32 => from_date32(col.as_primitive::<Date32Type>().value(i)),
        DataType::Date64 => {
            let ms = col.as_primitive::<Date64Type>().value(i);
            from_date32(i32::try_from(ms.div_euclid(86_400_000)).ok()?)
        }
        _ => {
            let s = Strings::of(col)?.get(i)?;
            NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
        }
    }
}

/// The point of a WKB geometry: a 2D, Z, M or ZM point in either byte order, ISO or EWKB type
/// codes (an EWKB SRID is skipped). Anything else is refused with the reason.
pub fn wkb_point_xy(wkb: &[u8]) -> Result<(f64, f64), String> {
    let order = *wkb.first().ok_or("empty geometry")?;
    let little = match order {
        0 => false,
        1 => true,
        other => return Err(format!("byte order {other} (expected 0 or 1)")),
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = wkb.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let f64_at = |at: usize| -> Option<f64> {
        let b: [u8; 8] = wkb.get(at..at + 8)?.try_into().ok()?;
        Some(if little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    };
    let code = u32_at(1).ok_or("geometry cut short")?;
    // EWKB: high flag bits; 0x20000000 means an SRID follows the type.
    let has_srid = code & 0x2000_0000 != 0;
    let base = (code & 0x0FFF_FFFF) % 1000;
    if base != 1 {
        return Err(format!(
            "a geometry of type {base} (expected a point, type 1)"
        ));
    }
    let at = if has_srid { 9 } else { 5 };
    let (x, y) = (
        f64_at(at).ok_or("point cut short")?,
        f64_at(at + 8).ok_or("point cut short")?,
    );
    if x.is_nan() && y.is_nan() {
        return Err("an empty point".to_owned());
    }
    Ok((x, y))
}

/// Which columns of one file are read, by index in its Arrow schema.
#[derive(Default)]
struct Columns {
    geometry: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    article: Option<usize>,
    place_id: Option<usize>,
    place_name: Option<usize>,
    from: Option<usize>,
    to: Option<usize>,
    basis: Option<usize>,
    published: Option<usize>,
    text: Option<usize>,
}

/// The geometry column the file's `geo` metadata names, if it says.
fn primary_column(meta: &ArrowReaderMetadata) -> Option<String> {
    let kv = meta.metadata().file_metadata().key_value_metadata()?;
    let geo = kv.iter().find(|k| k.key == "geo")?.value.as_deref()?;
    let v: serde_json::Value = serde_json::from_str(geo).ok()?;
    v.get("primary_column")?.as_str().map(str::to_owned)
}

fn columns_of(file: &Path, meta: &ArrowReaderMetadata) -> Result<Columns, String> {
    let schema = meta.schema();
    let find = |name: &str| schema.index_of(name).ok();
    let kind = |i: usize| schema.field(i).data_type().clone();
    let wrong = |name: &str, expected: &str, i: usize| {
        format!(
            "{}: column `{name}` is {} (expected {expected})",
            file.display(),
            kind(i)
        )
    };
    let geometry_name = primary_column(meta).unwrap_or_else(|| GEOMETRY_COLUMN.to_owned());
    let mut c = Columns {
        geometry: find(&geometry_name),
        lat: find("lat"),
        lon: find("lon"),
        article: find("article"),
        place_id: find("place_id"),
        place_name: find("place_name"),
        from: find("from"),
        to: find("to"),
        basis: find("date_basis"),
        published: find("published"),
        text: find("text"),
    };
    if let Some(i) = c.geometry
        && !matches!(
            kind(i),
            DataType::Binary | DataType::LargeBinary | DataType::BinaryView
        )
    {
        return Err(wrong(&geometry_name, "WKB binary points", i));
    }
    for (name, col) in [("lat", c.lat), ("lon", c.lon)] {
        if let Some(i) = col
            && !matches!(kind(i), DataType::Float64 | DataType::Float32)
        {
            return Err(wrong(name, "a floating-point number", i));
        }
    }
    if c.geometry.is_none() && (c.lat.is_none() || c.lon.is_none()) {
        let names: Vec<&str> = schema
            .fields()
            .iter()
            .take(20)
            .map(|f| f.name().as_str())
            .collect();
        return Err(format!(
            "{}: not an events file: no `{geometry_name}` column of WKB points and no `lat` and \
             `lon` columns (it has: {}{})",
            file.display(),
            names.join(", "),
            if schema.fields().len() > 20 {
                ", …"
            } else {
                ""
            }
        ));
    }
    if c.geometry.is_some() {
        // The geometry is the point; lat/lon columns are not needed.
        c.lat = None;
        c.lon = None;
    }
    for (name, col) in [
        ("article", &mut c.article),
        ("place_id", &mut c.place_id),
        ("place_name", &mut c.place_name),
        ("date_basis", &mut c.basis),
        ("text", &mut c.text),
    ] {
        if let Some(i) = *col
            && !matches!(
                kind(i),
                DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
            )
        {
            return Err(wrong(name, "text", i));
        }
    }
    for (name, col) in [("from", c.from), ("to", c.to), ("published", c.published)] {
        if let Some(i) = col
            && !matches!(
                kind(i),
                DataType::Date32
                    | DataType::Date64
                    | DataType::Utf8
                    | DataType::LargeUtf8
                    | DataType::Utf8View
            )
        {
            return Err(wrong(name, "a date or YYYY-MM-DD text", i));
        }
    }
    Ok(c)
}

impl Columns {
    fn indices(&self) -> Vec<usize> {
        let mut v: Vec<usize> = [
            self.geometry,
            self.lat,
            self.lon,
            self.article,
            self.place_id,
            self.place_name,
            self.from,
            self.to,
            self.basis,
            self.published,
            self.text,
        ]
        .into_iter()
        .flatten()
        .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Refuses a row group whose read columns claim more bytes than the file has (damaged) or more
/// than [`MAX_CHUNK_BYTES`] uncompressed (enormous), before anything of it is read.
fn check_row_group(
    file: &Path,
    meta: &ArrowReaderMetadata,
    columns: &Columns,
    group: usize,
    file_len: u64,
) -> Result<(), String> {
    let rg = meta.metadata().row_group(group);
    let schema = meta.schema();
    for i in columns.indices() {
        let name = schema.field(i).name();
        // A root column of a nested type has several leaves; check every leaf under it.
        for cc in rg.columns() {
            let path = cc.column_path();
            if path.parts().first().map(String::as_str) != Some(name.as_str()) {
                continue;
            }
            let at = || {
                format!(
                    "{}, row group {}, column `{name}`",
                    file.display(),
                    group + 1
                )
            };
            if !u64::try_from(cc.compressed_size()).is_ok_and(|n| n <= file_len) {
                return Err(format!(
                    "{}: damaged: it claims {} bytes, the file has {file_len}",
                    at(),
                    cc.compressed_size()
                ));
            }
            if cc.uncompressed_size() > MAX_CHUNK_BYTES {
                return Err(format!(
                    "{}: {} MB uncompressed, more than the {} MB the app reads of one column at once; \
                     write smaller row groups",
                    at(),
                    cc.uncompressed_size() >> 20,
                    MAX_CHUNK_BYTES >> 20
                ));
            }
        }
    }
    Ok(())
}

/// The dataset being built.
struct Builder {
    articles: Vec<Article>,
    /// Per article, its text so far (the rows' sentences): set as the articles' bodies, packed,
    /// when the reading is done.
    bodies: Vec<String>,
    extractions: Vec<ArticleExtraction>,
    by_article: HashMap<String, u32>,
    places: Vec<Place>,
    by_place: HashMap<(String, u64, u64), u32>,
    place_ids: HashMap<String, u32>,
    /// Per article: the last text appended and its span, to keep a shared sentence once.
    last_text: Vec<Option<(u64, TextSpan)>>,
    text_bytes: usize,
    events: usize,
    skipped: usize,
    first_skip: Option<String>,
    problems: Vec<Problem>,
    full: bool,
    max_events: usize,
}

fn parse_basis(s: &str) -> Option<WhenBasis> {
    Some(match s {
        "text" => WhenBasis::Text,
        "carried" => WhenBasis::Carried,
        "publication" => WhenBasis::Publication,
        "undated" => WhenBasis::Undated,
        _ => return None,
    })
}

/// `text` cut to at most `max` bytes at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn hash_text(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(text)
}

/// One row's values.
struct Row<'a> {
    article: &'a str,
    lon: f64,
    lat: f64,
    place_id: Option<&'a str>,
    place_name: Option<&'a str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    basis: Option<WhenBasis>,
    published: Option<NaiveDate>,
    text: Option<&'a str>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            articles: Vec::new(),
            bodies: Vec::new(),
            extractions: Vec::new(),
            by_article: HashMap::new(),
            places: Vec::new(),
            by_place: HashMap::new(),
            place_ids: HashMap::new(),
            last_text: Vec::new(),
            text_bytes: 0,
            events: 0,
            skipped: 0,
            first_skip: None,
            problems: Vec::new(),
            full: false,
            max_events: MAX_EVENTS,
        }
    }

    fn skip(&mut self, at: impl FnOnce() -> String) {
        self.skipped += 1;
        if self.first_skip.is_none() {
            self.first_skip = Some(at());
        }
    }

    fn article(&mut self, file: &Path, id: &str, published: Option<NaiveDate>) -> u32 {
        if let Some(&i) = self.by_article.get(id) {
            return i;
        }
        let i = u32::try_from(self.articles.len()).unwrap_or(u32::MAX);
        self.articles.push(Article {
            id: id.to_owned(),
            file: file.to_path_buf(),
            title: id.to_owned(),
            outlet: None,
            byline: None,
            published,
            date_basis: if published.is_some() {
                DateBasis::Metadata {
                    field: "published".to_owned(),
                }
            } else {
                DateBasis::Undated
            },
            body: Body::default(),
            body_offset: 0,
            note: Some(format!("Events read from {}", file.display()).into()),
            url: None,
        });
        self.extractions.push(ArticleExtraction::default());
        self.bodies.push(String::new());
        self.last_text.push(None);
        self.by_article.insert(id.to_owned(), i);
        i
    }

    fn place(&mut self, id: Option<&str>, name: Option<&str>, lon: f64, lat: f64) -> u32 {
        let id = id.map_or_else(|| format!("{lat:.5},{lon:.5}"), str::to_owned);
        let key = (id, lon.to_bits(), lat.to_bits());
        if let Some(&i) = self.by_place.get(&key) {
            return i;
        }
        let i = u32::try_from(self.places.len()).unwrap_or(u32::MAX);
        // A gazetteer's ids are unique: the same id at another point gets a suffix.
        let unique = if self.place_ids.contains_key(&key.0) {
            format!("{}@{lat:.5},{lon:.5}", key.0)
        } else {
            key.0.clone()
        };
        self.place_ids.insert(unique.clone(), i);
        self.places.push(Place {
            id: unique,
            name: name.unwrap_or(&key.0).to_owned(),
            aliases: Vec::new(),
            kind: PlaceKind::City,
            coord: LatLon { lat, lon },
            country: None,
            geonames_id: None,
            population: None,
            source: PlaceSource::User,
            note: None,
        });
        self.by_place.insert(key, i);
        i
    }

    fn add(&mut self, file: &Path, row: &Row<'_>) {
        let a = self.article(file, row.article, row.published);
        let p = self.place(row.place_id, row.place_name, row.lon, row.lat);
        let name = row.place_name.or(row.place_id).unwrap_or("");
        let text = row
            .text
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(
                || name.to_owned(),
                |t| cut(t, MAX_ROW_TEXT_BYTES).to_owned(),
            );
        let ai = a as usize;
        let hash = hash_text(&text);
        let body = &mut self.bodies[ai];
        let sentence = match self.last_text[ai] {
            Some((h, span)) if h == hash && body.get(span.range()) == Some(text.as_str()) => span,
            _ => {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                let start = body.len();
                body.push_str(&text);
                self.text_bytes += text.len() + 2;
                let span = TextSpan::new(start..body.len());
                self.last_text[ai] = Some((hash, span));
                self.extractions[ai].sentences.push(span);
                span
            }
        };
        // The place's name in its sentence is the mention the pane highlights.
        let mention = (!name.is_empty())
            .then(|| text.find(name))
            .flatten()
            .map_or(sentence, |at| {
                let start = sentence.start as usize + at;
                TextSpan::new(start..start + name.len())
            });
        let when = match (row.from, row.to) {
            (Some(f), Some(t)) => Some((f.min(t), f.max(t))),
            (Some(d), None) | (None, Some(d)) => Some((d, d)),
            (None, None) => None,
        }
        .map(|(from, to)| Interval {
            from,
            to,
            granularity: if from == to {
                Granularity::Day
            } else {
                Granularity::Span
            },
        });
        let basis = match (when, row.basis) {
            (None, _) => WhenBasis::Undated,
            (Some(_), Some(b)) if b != WhenBasis::Undated => b,
            (Some(_), _) => WhenBasis::Text,
        };
        let x = &mut self.extractions[ai];
        if mention != sentence {
            x.places.push(PlaceMention {
                start: mention.start as usize,
                end: mention.end as usize,
                place: PlaceIdx(p),
                confidence: 1.0,
                reason: Reason::OnlyCandidate,
            });
        }
        x.events.push(Event {
            article: ArticleIdx(a),
            place: PlaceIdx(p),
            when,
            basis,
            sentence,
            mention,
            date_mention: None,
        });
        self.events += 1;
    }

    /// Reads one file's rows; `progress` gets the rows read so far over every file.
    fn read_file(
        &mut self,
        file: &Path,
        read_before: usize,
        total: usize,
        progress: &dyn Fn(ReadProgress),
        cancelled: &dyn Fn() -> bool,
    ) -> Result<usize, String> {
        let handle =
            File::open(file).map_err(|e| format!("{}: cannot open it ({e})", file.display()))?;
        let meta = ArrowReaderMetadata::load(&handle, ArrowReaderOptions::new())
            .map_err(|e| format!("{}: not a readable Parquet file ({e})", file.display()))?;
        let columns = columns_of(file, &meta)?;
        let file_len = handle.metadata().map_or(u64::MAX, |m| m.len());
        let row_groups = meta.metadata().num_row_groups();
        let mut read = 0usize;
        let fallback_article = file
            .file_stem()
            .map_or_else(|| "events".to_owned(), |s| s.to_string_lossy().into_owned());
        for group in 0..row_groups {
            if self.full || cancelled() {
                break;
            }
            check_row_group(file, &meta, &columns, group, file_len)?;
            let clone = handle
                .try_clone()
                .map_err(|e| format!("{}: cannot read it ({e})", file.display()))?;
            let builder = ParquetRecordBatchReaderBuilder::new_with_metadata(clone, meta.clone());
            let mask = ProjectionMask::roots(builder.parquet_schema(), columns.indices());
            let at_group = |e: &dyn std::fmt::Display| {
                format!(
                    "{}, row group {} of {row_groups}: cannot be read ({e})",
                    file.display(),
                    group + 1
                )
            };
            let reader = builder
                .with_projection(mask)
                .with_row_groups(vec![group])
                .with_batch_size(BATCH_ROWS)
                .build()
                .map_err(|e| at_group(&e))?;
            for batch in reader {
                let batch = batch.map_err(|e| at_group(&e))?;
                self.read_batch(file, &columns, &meta, &batch, group, &fallback_article);
                read += batch.num_rows();
                progress(ReadProgress {
                    rows: read_before + read,
                    total,
                });
                if self.full || cancelled() {
                    break;
                }
            }
        }
        Ok(read)
    }

    fn read_batch<'b>(
        &mut self,
        file: &Path,
        columns: &Columns,
        meta: &ArrowReaderMetadata,
        batch: &'b RecordBatch,
        group: usize,
        fallback_article: &str,
    ) {
        let schema = meta.schema();
        let col = |i: Option<usize>| -> Option<&dyn Array> {
            let name = schema.field(i?).name();
            batch.column_by_name(name).map(Arc::as_ref)
        };
        let geometry = col(columns.geometry).and_then(Bytes::of);
        let (lat, lon) = (col(columns.lat), col(columns.lon));
        let strings = |i| col(i).and_then(Strings::of);
        let (article, place_id, place_name, basis, text) = (
            strings(columns.article),
            strings(columns.place_id),
            strings(columns.place_name),
            strings(columns.basis),
            strings(columns.text),
        );
        let (from, to, published) = (col(columns.from), col(columns.to), col(columns.published));
        for i in 0..batch.num_rows() {
            if self.events >= self.max_events || self.text_bytes >= MAX_TEXT_BYTES {
                self.full = true;
                return;
            }
            let point = match (&geometry, lat, lon) {
                (Some(g), _, _) => match g.get(i).map(wkb_point_xy) {
                    Some(Ok(p)) => Ok(p),
                    Some(Err(why)) => Err(why),
                    None => Err("a null geometry".to_owned()),
                },
                (None, Some(lat), Some(lon)) => match (number(lon, i), number(lat, i)) {
                    (Some(x), Some(y)) => Ok((x, y)),
                    _ => Err("no lat/lon".to_owned()),
                },
                _ => Err("no point".to_owned()),
            };
            let point = point.and_then(|(x, y)| {
                if (LatLon { lat: y, lon: x }).is_valid() {
                    Ok((x, y))
                } else {
                    Err(format!("({x}, {y}) is not a longitude, latitude"))
                }
            });
            let (x, y) = match point {
                Ok(p) => p,
                Err(why) => {
                    self.skip(|| format!("row group {}, row {}: {why}", group + 1, i + 1));
                    continue;
                }
            };
            let get = |s: &Option<Strings<'b>>| s.as_ref().and_then(|s| s.get(i));
            let row = Row {
                article: get(&article).unwrap_or(fallback_article),
                lon: x,
                lat: y,
                place_id: get(&place_id),
                place_name: get(&place_name),
                from: from.and_then(|c| date(c, i)),
                to: to.and_then(|c| date(c, i)),
                basis: get(&basis).and_then(parse_basis),
                published: published.and_then(|c| date(c, i)),
                text: get(&text),
            };
            self.add(file, &row);
        }
    }

    /// Titles, outlets and publication dates of the articles, and kinds and countries of the
    /// places, from the tables written beside the events ([`companion_files`]), when there are
    /// any; only rows whose article or place the events name are used. A table that cannot be
    /// read is a warning naming it; the events stay.
    fn add_companions(&mut self, path: &Path) {
        let max_rows = self.max_events.saturating_mul(4);
        for file in companion_files(path, "articles") {
            let (by_article, articles) = (&self.by_article, &mut self.articles);
            let result = read_table(
                &file,
                &[
                    "id",
                    "title",
                    "outlet",
                    "byline",
                    "published",
                    "date_basis",
                    "url",
                ],
                max_rows,
                &mut |cols, rows| {
                    let text = |k: usize| cols[k].and_then(Strings::of);
                    let (id, title, outlet, byline, basis, url) =
                        (text(0), text(1), text(2), text(3), text(5), text(6));
                    let Some(id) = id else { return };
                    for i in 0..rows {
                        let Some(&a) = id.get(i).and_then(|id| by_article.get(id)) else {
                            continue;
                        };
                        let Some(article) = articles.get_mut(a as usize) else {
                            continue;
                        };
                        let field = |c: &Option<Strings<'_>>| {
                            c.as_ref()
                                .and_then(|c| c.get(i))
                                .map(str::trim)
                                .filter(|t| !t.is_empty())
                                .map(|t| cut(t, MAX_COMPANION_TEXT_BYTES).to_owned())
                        };
                        if let Some(title) = field(&title) {
                            article.title = title;
                        }
                        let boxed = |c| field(c).map(String::into_boxed_str);
                        article.outlet = boxed(&outlet).or(article.outlet.take());
                        article.byline = boxed(&byline).or(article.byline.take());
                        article.url = boxed(&url).or(article.url.take());
                        if let Some(published) = cols[4].and_then(|c| date(c, i)) {
                            article.published = Some(published);
                            let basis = basis.as_ref().and_then(|b| b.get(i));
                            article.date_basis = parse_article_basis(basis);
                        }
                    }
                },
            );
            if let Err(why) = result {
                self.problems.push(Problem::warning(
                    &file,
                    None,
                    format!("{why}; the articles keep their ids as titles"),
                ));
            }
        }
        for file in companion_files(path, "places") {
            let (place_ids, places) = (&self.place_ids, &mut self.places);
            let result = read_table(
                &file,
                &["place_id", "kind", "country"],
                max_rows,
                &mut |cols, rows| {
                    let text = |k: usize| cols[k].and_then(Strings::of);
                    let (Some(id), kind, country) = (text(0), text(1), text(2)) else {
                        return;
                    };
                    for i in 0..rows {
                        let Some(&p) = id.get(i).and_then(|id| place_ids.get(id)) else {
                            continue;
                        };
                        let Some(place) = places.get_mut(p as usize) else {
                            continue;
                        };
                        if let Some(kind) = kind
                            .as_ref()
                            .and_then(|k| k.get(i))
                            .and_then(PlaceKind::parse)
                        {
                            place.kind = kind;
                        }
                        if let Some(c) = country.as_ref().and_then(|c| c.get(i))
                            && c.len() == 2
                            && c.bytes().all(|b| b.is_ascii_alphabetic())
                        {
                            place.country = Some(c.to_ascii_uppercase());
                        }
                    }
                },
            );
            if let Err(why) = result {
                self.problems.push(Problem::warning(
                    &file,
                    None,
                    format!("{why}; the places are shown as cities"),
                ));
            }
        }
    }

    fn finish(mut self, path: &Path) -> Dataset {
        if self.skipped > 0 {
            self.problems.push(Problem::warning(
                path,
                None,
                format!(
                    "{} row(s) have no readable point and are left out (first: {})",
                    self.skipped,
                    self.first_skip.take().unwrap_or_default()
                ),
            ));
        }
        for x in &mut self.extractions {
            x.shrink_to_fit();
        }
        for (article, body) in self.articles.iter_mut().zip(self.bodies) {
            article.body = body.into();
            article.body.pack();
        }
        let published: Vec<_> = self.articles.iter().map(|a| a.published).collect();
        let index = Index::build(&self.extractions, &published);
        Dataset {
            articles: Arc::new(self.articles),
            gazetteer: Arc::new(Gazetteer::from_places(self.places)),
            extractions: Arc::new(self.extractions),
            index,
            problems: self.problems,
        }
    }
}

/// Opens the events of `path` (a file or a folder, see the module doc). `Err` when nothing can be
/// opened (the message names the file and what is wrong); files that fail among others that open
/// are listed as problems of the dataset. `progress` is called after every batch.
pub fn load_events(
    path: &Path,
    progress: &dyn Fn(ReadProgress),
    cancelled: &dyn Fn() -> bool,
) -> Result<Dataset, String> {
    load_events_at_most(path, MAX_EVENTS, progress, cancelled)
}

/// [`load_events`] with at most `max_events` events.
pub fn load_events_at_most(
    path: &Path,
    max_events: usize,
    progress: &dyn Fn(ReadProgress),
    cancelled: &dyn Fn() -> bool,
) -> Result<Dataset, String> {
    let files = files_of(path)?;
    // Rows announced by the footers, for the progress bar (unreadable footers count 0 here).
    let total: usize = files
        .iter()
        .filter_map(|f| {
            decoding(f, || {
                let handle = File::open(f).map_err(|e| e.to_string())?;
                let meta = ArrowReaderMetadata::load(&handle, ArrowReaderOptions::new())
                    .map_err(|e| e.to_string())?;
                usize::try_from(meta.metadata().file_metadata().num_rows())
                    .map_err(|e| e.to_string())
            })
            .ok()
        })
        .sum();
    let mut builder = Builder::new();
    builder.max_events = max_events;
    let mut read = 0;
    let mut failures = Vec::new();
    for file in &files {
        if builder.full || cancelled() {
            break;
        }
        match decoding(file, || {
            builder.read_file(file, read, total, progress, cancelled)
        }) {
            Ok(n) => read += n,
            Err(message) => failures.push((file.clone(), message)),
        }
    }
    if builder.events == 0 && !failures.is_empty() && failures.len() == files.len() {
        let (_, first) = failures.swap_remove(0);
        let more = if failures.is_empty() {
            String::new()
        } else {
            format!(" (and {} more file(s) failed)", failures.len())
        };
        return Err(format!("{first}{more}"));
    }
    for (file, message) in failures {
        builder.problems.push(Problem::error(file, None, message));
    }
    if builder.full {
        builder.problems.push(Problem::warning(
            path,
            None,
            format!(
                "more events than the app opens at once: the first {} events ({} rows of {total}) \
                 are shown (limits: {max_events} events, {} MB of sentence text)",
                builder.events,
                read,
                MAX_TEXT_BYTES >> 20
            ),
        ));
    }
    if let Err(message) = decoding(path, || {
        builder.add_companions(path);
        Ok(())
    }) {
        builder.problems.push(Problem::warning(
            path,
            None,
            format!("the tables beside the events were not all read: {message}"),
        ));
    }
    Ok(builder.finish(path))
}

/// Runs `work` on the Parquet data of `file`, with a panic of the decoder turned into an error
/// naming the file. The `parquet` crate asserts on some damaged data instead of returning an
/// error (a run-length header longer than the format allows, found by the `geoparquet` fuzz
/// target: `tests/fuzz_regressions/geoparquet/`); a damaged file must not take the app down.
/// Batches are decoded before any of their rows is added, so what was read before stays whole.
fn decoding<T>(file: &Path, work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        Err(format!(
            "{}: damaged Parquet data, the decoder stopped ({})",
            file.display(),
            super::job::panic_message(&*panic)
        ))
    })
}

/// The tables `name` (`articles`, `places`) written beside the events at `path`: a
/// `<name>.parquet` file, or a `<name>/` folder of parts, in the events' folder or, when that
/// folder is itself `events/`, in its parent (the layouts of `newsatlas extract --format
/// parquet` and of the distributed job).
fn companion_files(path: &Path, name: &str) -> Vec<PathBuf> {
    let dir = if path.is_dir() {
        Some(path)
    } else {
        path.parent()
    };
    let mut dirs: Vec<&Path> = dir.into_iter().collect();
    if let Some(d) = dir
        && d.file_name().is_some_and(|n| n == "events")
        && let Some(up) = d.parent()
    {
        dirs.push(up);
    }
    for d in dirs {
        let file = d.join(format!("{name}.parquet"));
        if file.is_file() {
            return vec![file];
        }
        let parts = d.join(name);
        if parts.is_dir() {
            let mut files = Vec::new();
            parquet_files(&parts, 0, &mut files, MAX_FILES);
            return files;
        }
    }
    Vec::new()
}

/// What [`read_table`] calls with each batch: its columns (in the order asked) and its rows.
type BatchFn<'f> = dyn FnMut(&[Option<&dyn Array>], usize) + 'f;

/// Reads the `columns` of `file` batch by batch (a column the file lacks is `None`), at most
/// `max_rows` rows; `each` gets every batch's columns and its number of rows.
fn read_table(
    file: &Path,
    columns: &[&str],
    max_rows: usize,
    each: &mut BatchFn<'_>,
) -> Result<(), String> {
    let handle = File::open(file).map_err(|e| format!("cannot open it ({e})"))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(handle)
        .map_err(|e| format!("not a readable Parquet file ({e})"))?;
    let schema = Arc::clone(builder.schema());
    let roots: Vec<usize> = columns
        .iter()
        .filter_map(|c| schema.index_of(c).ok())
        .collect();
    let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| format!("cannot be read ({e})"))?;
    let mut rows = 0usize;
    for batch in reader {
        let batch = batch.map_err(|e| format!("cannot be read ({e})"))?;
        let cols: Vec<Option<&dyn Array>> = columns
            .iter()
            .map(|c| batch.column_by_name(c).map(Arc::as_ref))
            .collect();
        each(&cols, batch.num_rows());
        rows += batch.num_rows();
        if rows >= max_rows {
            break;
        }
    }
    Ok(())
}

/// An article's `date_basis` as the exports write it.
fn parse_article_basis(s: Option<&str>) -> DateBasis {
    match s {
        Some("header") => DateBasis::Header,
        Some("dateline") => DateBasis::Dateline {
            year_inferred: false,
        },
        Some("inferred") => DateBasis::Inferred {
            reason: "as the file says".to_owned(),
        },
        Some("user") => DateBasis::UserOverride,
        _ => DateBasis::Metadata {
            field: "published".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use arrow_array::{Int64Array, RecordBatch};
    use arrow_schema::{Field, Schema};
    use parquet::arrow::ArrowWriter;

    use super::*;
    use crate::outputs::export::parquet::{tests::written, wkb_point};

    fn nothing(_: ReadProgress) {}
    fn never() -> bool {
        false
    }

    #[test]
    fn the_cli_output_opens_with_every_event_its_place_time_and_sentence() {
        let (dir, articles, gazetteer, extractions) = written();
        let seen = std::cell::Cell::new(0);
        let ds = load_events(dir.path(), &|p| seen.set(p.rows), &never).expect("open");
        let want: Vec<&Event> = extractions.iter().flat_map(|x| &x.events).collect();
        let got: Vec<&Event> = ds.extractions.iter().flat_map(|x| &x.events).collect();
        assert_eq!(got.len(), want.len());
        assert_eq!(seen.get(), want.len(), "progress reached every row");
        assert_eq!(ds.index.events.len(), want.len(), "every event is indexed");
        for (g, w) in got.iter().zip(&want) {
            let (ga, wa) = (ds.article(g.article), &articles[w.article.0 as usize]);
            assert_eq!(ga.id, wa.id);
            assert_eq!(
                g.when.map(|i| (i.from, i.to)),
                w.when.map(|i| (i.from, i.to))
            );
            assert_eq!(g.basis, w.basis);
            let (gp, wp) = (ds.gazetteer.get(g.place), gazetteer.get(w.place));
            assert_eq!((gp.id, gp.name, gp.coord), (wp.id, wp.name, wp.coord));
            // From the articles and places tables beside the events.
            assert_eq!(
                (&ga.title, ga.published, &ga.outlet),
                (&wa.title, wa.published, &wa.outlet)
            );
            assert_eq!((gp.kind, gp.country), (wp.kind, wp.country));
            let written = wa.body.text();
            let sentence = written[w.sentence.range()].trim();
            assert_eq!(
                &ga.body.text()[g.sentence.range()],
                sentence,
                "the pane shows the sentence"
            );
            assert_eq!(
                &ga.body.text()[g.mention.range()],
                wp.name,
                "the place is highlighted"
            );
        }
        // Undated articles stay undated; the article without events has no row.
        assert_eq!(ds.articles.len(), 2);
        assert!(ds.problems.is_empty(), "{:?}", ds.problems);
        // The events file alone opens the same way.
        let alone = load_events(&dir.path().join(EVENTS_FILE), &nothing, &never).expect("file");
        assert_eq!(alone.index.events.len(), want.len());
        assert_eq!(alone.articles[0].title, ds.articles[0].title);
        // The distributed job's layout: `events/` and `articles/` folders of parts, opened from
        // the top folder or from `events/`.
        let job = tempfile::tempdir().expect("tempdir");
        for (name, file) in [("events", EVENTS_FILE), ("articles", "articles.parquet")] {
            std::fs::create_dir(job.path().join(name)).expect("mkdir");
            let to = job.path().join(name).join("part-00000.parquet");
            std::fs::copy(dir.path().join(file), to).expect("copy");
        }
        for at in [job.path().to_path_buf(), job.path().join("events")] {
            let opened = load_events(&at, &nothing, &never).expect("job folder");
            assert_eq!(opened.index.events.len(), want.len());
            assert_eq!(opened.articles[0].title, ds.articles[0].title);
            assert!(opened.problems.is_empty(), "{:?}", opened.problems);
        }
        // Without the tables beside it, ids stand for titles and places are cities.
        let bare = tempfile::tempdir().expect("tempdir");
        std::fs::copy(dir.path().join(EVENTS_FILE), bare.path().join("x.parquet")).expect("copy");
        let bare = load_events(bare.path(), &nothing, &never).expect("bare");
        assert!(bare.articles.iter().all(|a| a.title == a.id));
        assert!(bare.problems.is_empty(), "{:?}", bare.problems);
    }

    #[test]
    fn a_partitioned_folder_opens_every_part_and_a_cap_says_what_was_left_out() {
        let (dir, ..) = written();
        let parts = tempfile::tempdir().expect("tempdir");
        for (i, part) in ["year=2024/part-0.parquet", "year=2025/part-1.parquet"]
            .iter()
            .enumerate()
        {
            let to = parts.path().join(part);
            fs_create(&to);
            std::fs::copy(dir.path().join(EVENTS_FILE), &to).expect("copy");
            assert!(is_events_path(&to), "{i}");
        }
        std::fs::write(parts.path().join("_SUCCESS"), b"").expect("marker");
        assert!(is_events_path(parts.path()));
        let one = load_events(&dir.path().join(EVENTS_FILE), &nothing, &never).expect("one");
        let n = one.index.events.len();
        let both = load_events(parts.path(), &nothing, &never).expect("both");
        assert_eq!(both.index.events.len(), 2 * n);
        let capped = load_events_at_most(parts.path(), 3, &nothing, &never).expect("capped");
        assert_eq!(capped.index.events.len(), 3);
        let message = capped
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<String>();
        assert!(message.contains("the first 3 events"), "{message}");
    }

    fn fs_create(file: &Path) {
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    }

    fn write_batch(path: &Path, batch: &RecordBatch) {
        let file = std::fs::File::create(path).expect("create");
        let mut w = ArrowWriter::try_new(file, batch.schema(), None).expect("writer");
        w.write(batch).expect("write");
        w.close().expect("close");
    }

    #[test]
    fn damaged_foreign_and_wrong_files_are_refused_naming_file_and_column() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Not Parquet at all.
        let junk = dir.path().join("junk.parquet");
        std::fs::write(&junk, b"PAR1 this is not parquet").expect("w");
        let err = load_events(&junk, &nothing, &never).err().expect("junk");
        assert!(
            err.contains("junk.parquet") && err.contains("not a readable Parquet"),
            "{err}"
        );
        // A real events file cut short.
        let (out, ..) = written();
        let whole = std::fs::read(out.path().join(EVENTS_FILE)).expect("read");
        let cut = dir.path().join("cut.parquet");
        std::fs::File::create(&cut)
            .and_then(|mut f| f.write_all(&whole[..whole.len() / 2]))
            .expect("w");
        let err = load_events(&cut, &nothing, &never).err().expect("cut");
        assert!(err.contains("cut.parquet"), "{err}");
        // Parquet, but no event columns.
        let foreign = dir.path().join("sales.parquet");
        let schema = Arc::new(Schema::new(vec![Field::new(
            "amount",
            DataType::Int64,
            false,
        )]));
        let batch = RecordBatch::try_new(schema, vec![Arc::new(Int64Array::from(vec![1, 2]))])
            .expect("batch");
        write_batch(&foreign, &batch);
        let err = load_events(&foreign, &nothing, &never)
            .err()
            .expect("foreign");
        assert!(
            err.contains("sales.parquet") && err.contains("not an events file"),
            "{err}"
        );
        assert!(err.contains("amount"), "{err}");
        // A `geometry` column of the wrong type.
        let wrong = dir.path().join("wrong.parquet");
        let schema = Arc::new(Schema::new(vec![Field::new(
            "geometry",
            DataType::Int64,
            false,
        )]));
        let batch =
            RecordBatch::try_new(schema, vec![Arc::new(Int64Array::from(vec![1]))]).expect("batch");
        write_batch(&wrong, &batch);
        let err = load_events(&wrong, &nothing, &never).err().expect("wrong");
        assert!(
            err.contains("wrong.parquet") && err.contains("`geometry`"),
            "{err}"
        );
        // A folder with nothing to open.
        let empty = tempfile::tempdir().expect("tempdir");
        let err = load_events(empty.path(), &nothing, &never)
            .err()
            .expect("empty");
        assert!(err.contains("no .parquet files"), "{err}");
    }

    #[test]
    fn rows_without_a_readable_point_are_counted_and_left_out() {
        use arrow_array::{BinaryArray, StringArray};
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("duck.parquet");
        let good = wkb_point(13.19, 32.89);
        let mut big_endian = vec![0u8, 0, 0, 0, 1];
        big_endian.extend_from_slice(&15.09f64.to_be_bytes());
        big_endian.extend_from_slice(&32.37f64.to_be_bytes());
        let mut line = vec![1u8, 2, 0, 0, 0];
        line.extend_from_slice(&[0; 20]);
        let far = wkb_point(500.0, 0.0);
        let geometry: Vec<Option<&[u8]>> = vec![
            Some(&good),
            Some(&big_endian),
            Some(&line),
            None,
            Some(&far),
            Some(&good[..10]),
        ];
        let schema = Arc::new(Schema::new(vec![
            Field::new("geometry", DataType::Binary, true),
            Field::new("text", DataType::Utf8, true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(BinaryArray::from(geometry)),
                Arc::new(StringArray::from(vec![Some("Shelling in Tripoli."); 6])),
            ],
        )
        .expect("batch");
        write_batch(&path, &batch);
        let ds = load_events(&path, &nothing, &never).expect("open");
        assert_eq!(ds.index.events.len(), 2);
        let message = ds
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<String>();
        assert!(
            message.contains("4 row(s)") && message.contains("row group 1, row 3"),
            "{message}"
        );
        // No `article` column: the file's name stands for the article.
        assert_eq!(ds.articles[0].id, "duck");
        assert_eq!(ds.articles[0].body, "Shelling in Tripoli.");
    }

    #[test]
    fn wkb_points_in_both_byte_orders_and_ewkb_are_read_and_others_refused() {
        assert_eq!(wkb_point_xy(&wkb_point(1.5, -2.0)), Ok((1.5, -2.0)));
        let mut ewkb = vec![1u8];
        ewkb.extend_from_slice(&0x2000_0001u32.to_le_bytes());
        ewkb.extend_from_slice(&4326u32.to_le_bytes());
        ewkb.extend_from_slice(&3.0f64.to_le_bytes());
        ewkb.extend_from_slice(&4.0f64.to_le_bytes());
        assert_eq!(wkb_point_xy(&ewkb), Ok((3.0, 4.0)));
        let mut z = vec![1u8];
        z.extend_from_slice(&1001u32.to_le_bytes());
        for v in [5.0f64, 6.0, 7.0] {
            z.extend_from_slice(&v.to_le_bytes());
        }
        assert_eq!(wkb_point_xy(&z), Ok((5.0, 6.0)));
        assert!(wkb_point_xy(&[]).is_err());
        assert!(wkb_point_xy(&[7, 1, 0, 0, 0]).is_err());
        assert!(wkb_point_xy(&[1, 3, 0, 0, 0]).is_err());
        assert!(wkb_point_xy(&wkb_point(f64::NAN, f64::NAN)).is_err());
    }
}
