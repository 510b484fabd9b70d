//! Parquet: a folder of four files with the JSON Lines fields, for engines and GIS tools that read
//! columns (`DuckDB`, `GeoPandas`, Spark, QGIS):
//! - `events.parquet`, a `GeoParquet` 1.1 file: the event fields, the place's `place_name`, a
//!   `geometry` column of WKB points (lon, lat in OGC:CRS84, written out as PROJJSON) and a
//!   `bbox` covering column (`xmin`, `ymin`, `xmax`, `ymax`) that lets readers skip row groups;
//! - `articles.parquet`, `places.parquet` (place mentions), `dates.parquet` (date mentions).
//!
//! Key decisions: the columns and their names are the JSON Lines fields (dates as Parquet dates,
//! offsets as 64-bit integers, absent values as nulls); rows are written one chunk of articles at
//! a time (one row group per chunk at most), so memory stays that of one chunk; each file is
//! written to a temporary file in the folder and renamed over the old one only when whole (a
//! failed write leaves the old files as they were). An event whose place has no valid
//! coordinates keeps its row, with a null geometry and bbox (`GeoParquet` allows them).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    BinaryBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::{ExportError, ExportSource, event_text_range, slice, when_basis_name};
use crate::corpus::{Article, LastText};
use crate::extract::ArticleExtraction;
use crate::extract::dates::Granularity;
use crate::gazetteer::Gazetteer;
// The names and the date encoding the app's reader shares.
pub use crate::session::events_file::{EVENTS_FILE, GEOMETRY_COLUMN, date32};

/// The file names in the output folder besides [`EVENTS_FILE`].
pub const ARTICLES_FILE: &str = "articles.parquet";
pub const PLACES_FILE: &str = "places.parquet";
pub const DATES_FILE: &str = "dates.parquet";

/// The bbox covering column of `events.parquet` (its geometry column is [`GEOMETRY_COLUMN`]).
pub const BBOX_COLUMN: &str = "bbox";

/// OGC:CRS84 (WGS 84, longitude then latitude) as PROJJSON, as `GeoParquet` wants a CRS written.
const CRS84_PROJJSON: &str = r#"{"$schema":"https://proj.org/schemas/v0.7/projjson.schema.json","type":"GeographicCRS","name":"WGS 84 (CRS84)","datum":{"type":"GeodeticReferenceFrame","name":"World Geodetic System 1984","ellipsoid":{"name":"WGS 84","semi_major_axis":6378137,"inverse_flattening":298.257223563}},"coordinate_system":{"subtype":"ellipsoidal","axis":[{"name":"Geodetic longitude","abbreviation":"Lon","direction":"east","unit":"degree"},{"name":"Geodetic latitude","abbreviation":"Lat","direction":"north","unit":"degree"}]},"scope":"Not known.","area":"World.","bbox":{"south_latitude":-90,"west_longitude":-180,"north_latitude":90,"east_longitude":180},"id":{"authority":"OGC","code":"CRS84"}}"#;

/// A point as WKB (little-endian, 2D): what the `geometry` column holds.
pub fn wkb_point(lon: f64, lat: f64) -> [u8; 21] {
    let mut out = [0u8; 21];
    out[0] = 1; // little-endian
    out[1..5].copy_from_slice(&1u32.to_le_bytes()); // Point
    out[5..13].copy_from_slice(&lon.to_le_bytes());
    out[13..21].copy_from_slice(&lat.to_le_bytes());
    out
}

fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
        Granularity::Span => "span",
    }
}

fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

fn bbox_fields() -> Fields {
    Fields::from(
        ["xmin", "ymin", "xmax", "ymax"]
            .map(|n| field(n, DataType::Float64, false))
            .to_vec(),
    )
}

/// The schema of `events.parquet`.
pub fn events_schema() -> SchemaRef {
    use DataType::{Binary, Date32, Float64, Int64, Utf8};
    Arc::new(Schema::new(vec![
        field("article", Utf8, false),
        field("place_id", Utf8, false),
        field("place_name", Utf8, false),
        field("lat", Float64, false),
        field("lon", Float64, false),
        field("from", Date32, true),
        field("to", Date32, true),
        field("date_basis", Utf8, false),
        field("date_surface", Utf8, true),
        field("sentence_start", Int64, false),
        field("sentence_end", Int64, false),
        field("text_start", Int64, true),
        field("text_end", Int64, true),
        field("text", Utf8, false),
        field(GEOMETRY_COLUMN, Binary, true),
        field(BBOX_COLUMN, DataType::Struct(bbox_fields()), true),
    ]))
}

fn articles_schema() -> SchemaRef {
    use DataType::{Date32, Utf8};
    Arc::new(Schema::new(vec![
        field("id", Utf8, false),
        field("file", Utf8, false),
        field("title", Utf8, false),
        field("outlet", Utf8, true),
        field("byline", Utf8, true),
        field("published", Date32, true),
        field("date_basis", Utf8, false),
        field("url", Utf8, true),
    ]))
}

fn places_schema() -> SchemaRef {
    use DataType::{Float64, Int64, Utf8};
    Arc::new(Schema::new(vec![
        field("article", Utf8, false),
        field("start", Int64, false),
        field("end", Int64, false),
        field("surface", Utf8, false),
        field("place_id", Utf8, false),
        field("name", Utf8, false),
        field("lat", Float64, false),
        field("lon", Float64, false),
        field("kind", Utf8, false),
        field("country", Utf8, true),
        field("confidence", Float64, false),
        field("reason", Utf8, false),
    ]))
}

fn dates_schema() -> SchemaRef {
    use DataType::{Boolean, Date32, Int64, Utf8};
    Arc::new(Schema::new(vec![
        field("article", Utf8, false),
        field("start", Int64, false),
        field("end", Int64, false),
        field("surface", Utf8, false),
        field("from", Date32, false),
        field("to", Date32, false),
        field("granularity", Utf8, false),
        field("vague", Boolean, false),
    ]))
}

/// An offset as a Parquet int64 (offsets are far below `i64::MAX`; saturates if not).
fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn batch(schema: &SchemaRef, columns: Vec<ArrayRef>) -> Result<RecordBatch, ExportError> {
    RecordBatch::try_new(Arc::clone(schema), columns)
        .map_err(|e| ExportError::Inconsistent(format!("cannot build a Parquet batch ({e})")))
}

/// A Parquet writer's error as an I/O error naming the file (what the writer fails on is output).
fn parquet_error(file: &str, err: &parquet::errors::ParquetError) -> ExportError {
    ExportError::Io(std::io::Error::other(format!("{file}: {err}")))
}

/// One of the four files, written to a temporary file beside its final name.
struct Part {
    name: &'static str,
    schema: SchemaRef,
    writer: ArrowWriter<tempfile::NamedTempFile>,
}

impl Part {
    fn new(dir: &Path, name: &'static str, schema: SchemaRef) -> Result<Part, ExportError> {
        let mut builder = tempfile::Builder::new();
        let prefix = format!(".{name}.");
        builder.prefix(&prefix).suffix(".tmp");
        // 0666 less the umask, as any program's new file (a temporary file is 0600).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(dir)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("newsatlas {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(tmp, Arc::clone(&schema), Some(props))
            .map_err(|e| parquet_error(name, &e))?;
        Ok(Part {
            name,
            schema,
            writer,
        })
    }

    fn write(&mut self, batch: &RecordBatch) -> Result<(), ExportError> {
        if batch.schema() != self.schema {
            return Err(ExportError::Inconsistent(format!(
                "a batch for {} has another schema",
                self.name
            )));
        }
        if batch.num_rows() == 0 {
            return Ok(());
        }
        self.writer
            .write(batch)
            .map_err(|e| parquet_error(self.name, &e))?;
        // One row group per chunk of articles: the writer holds no more than one chunk's rows.
        self.writer
            .flush()
            .map_err(|e| parquet_error(self.name, &e))
    }

    /// Writes the footer and syncs; the file is renamed into place by [`Part::persist`].
    fn finish(self) -> Result<(&'static str, tempfile::NamedTempFile), ExportError> {
        let tmp = self
            .writer
            .into_inner()
            .map_err(|e| parquet_error(self.name, &e))?;
        tmp.as_file().sync_all()?;
        Ok((self.name, tmp))
    }
}

/// The extent of the written points, for the `geo` metadata's `bbox`.
#[derive(Default)]
struct Extent(Option<[f64; 4]>);

impl Extent {
    fn add(&mut self, lon: f64, lat: f64) {
        let e = self.0.get_or_insert([lon, lat, lon, lat]);
        *e = [e[0].min(lon), e[1].min(lat), e[2].max(lon), e[3].max(lat)];
    }
}

/// The `GeoParquet` 1.1 `geo` metadata of `events.parquet`.
pub fn geo_metadata(extent: Option<[f64; 4]>) -> String {
    let crs: serde_json::Value =
        serde_json::from_str(CRS84_PROJJSON).unwrap_or(serde_json::Value::Null);
    let mut column = serde_json::json!({
        "encoding": "WKB",
        "geometry_types": ["Point"],
        "crs": crs,
        "edges": "planar",
        "covering": {
            "bbox": {
                "xmin": [BBOX_COLUMN, "xmin"],
                "ymin": [BBOX_COLUMN, "ymin"],
                "xmax": [BBOX_COLUMN, "xmax"],
                "ymax": [BBOX_COLUMN, "ymax"],
            }
        }
    });
    if let (Some(e), Some(obj)) = (extent, column.as_object_mut()) {
        obj.insert("bbox".to_owned(), serde_json::json!(e));
    }
    serde_json::json!({
        "version": "1.1.0",
        "primary_column": GEOMETRY_COLUMN,
        "columns": { GEOMETRY_COLUMN: column },
    })
    .to_string()
}

/// The four files being written to a folder.
struct Writers {
    dir: PathBuf,
    events: Part,
    articles: Part,
    places: Part,
    dates: Part,
    extent: Extent,
}

impl Writers {
    fn create(dir: &Path) -> Result<Writers, ExportError> {
        if dir.exists() && !dir.is_dir() {
            return Err(ExportError::Io(std::io::Error::other(format!(
                "{} is a file; Parquet output is a folder of four files",
                dir.display()
            ))));
        }
        fs::create_dir_all(dir)?;
        Ok(Writers {
            dir: dir.to_path_buf(),
            events: Part::new(dir, EVENTS_FILE, events_schema())?,
            articles: Part::new(dir, ARTICLES_FILE, articles_schema())?,
            places: Part::new(dir, PLACES_FILE, places_schema())?,
            dates: Part::new(dir, DATES_FILE, dates_schema())?,
            extent: Extent::default(),
        })
    }

    fn add(&mut self, source: &ExportSource<'_>) -> Result<(), ExportError> {
        let batches = record_batches(source)?;
        self.articles.write(&batches.articles)?;
        self.places.write(&batches.places)?;
        self.dates.write(&batches.dates)?;
        self.events.write(&batches.events)?;
        if let Some([xmin, ymin, xmax, ymax]) = batches.extent {
            self.extent.add(xmin, ymin);
            self.extent.add(xmax, ymax);
        }
        Ok(())
    }

    /// Writes the footers, then renames each whole file over its final name.
    fn finish(mut self) -> Result<(), ExportError> {
        self.events.writer.append_key_value_metadata(KeyValue::new(
            "geo".to_owned(),
            geo_metadata(self.extent.0),
        ));
        let parts = [
            self.events.finish()?,
            self.articles.finish()?,
            self.places.finish()?,
            self.dates.finish()?,
        ];
        for (name, tmp) in parts {
            tmp.persist(self.dir.join(name)).map_err(|e| e.error)?;
        }
        if let Ok(d) = fs::File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The four tables of a chunk of articles as record batches with the schemas above: what the
/// Parquet files hold, and what the Python package (`python/`) hands to pyarrow; one code path
/// builds both.
#[derive(Debug)]
pub struct ParquetBatches {
    pub articles: RecordBatch,
    pub places: RecordBatch,
    pub dates: RecordBatch,
    pub events: RecordBatch,
    /// The extent of the events' points (xmin, ymin, xmax, ymax), for [`geo_metadata`]; none
    /// when no event has a valid point.
    pub extent: Option<[f64; 4]>,
}

/// The record batches of `source`'s articles, place and date mentions and events.
pub fn record_batches(source: &ExportSource<'_>) -> Result<ParquetBatches, ExportError> {
    if source.articles.len() != source.extractions.len() {
        return Err(ExportError::Inconsistent(format!(
            "{} articles but {} extractions",
            source.articles.len(),
            source.extractions.len()
        )));
    }
    let articles = articles_batch(source)?;
    let (places, dates) = mention_batches(source)?;
    let mut extent = Extent::default();
    let events = events_batch(source, &mut extent)?;
    Ok(ParquetBatches {
        articles,
        places,
        dates,
        events,
        extent: extent.0,
    })
}

fn articles_batch(source: &ExportSource<'_>) -> Result<RecordBatch, ExportError> {
    let n = source.articles.len();
    let mut id = StringBuilder::with_capacity(n, n * 16);
    let mut file = StringBuilder::with_capacity(n, n * 32);
    let mut title = StringBuilder::with_capacity(n, n * 48);
    let (mut outlet, mut byline, mut basis, mut url) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut published = Date32Builder::with_capacity(n);
    for a in source.articles {
        id.append_value(&a.id);
        file.append_value(source.file_of(a));
        title.append_value(&a.title);
        outlet.append_option(a.outlet.as_deref());
        byline.append_option(a.byline.as_deref());
        published.append_option(a.published.map(date32));
        basis.append_value(a.date_basis.as_str());
        url.append_option(a.url.as_deref());
    }
    batch(
        &articles_schema(),
        vec![
            Arc::new(id.finish()),
            Arc::new(file.finish()),
            Arc::new(title.finish()),
            Arc::new(outlet.finish()),
            Arc::new(byline.finish()),
            Arc::new(published.finish()),
            Arc::new(basis.finish()),
            Arc::new(url.finish()),
        ],
    )
}

fn mention_batches(source: &ExportSource<'_>) -> Result<(RecordBatch, RecordBatch), ExportError> {
    let mut place_article = StringBuilder::new();
    let (mut place_start, mut place_end) = (Int64Builder::new(), Int64Builder::new());
    let (mut place_surface, mut place_id_col, mut place_name_col) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut place_lat, mut place_lon, mut place_confidence) = (
        Float64Builder::new(),
        Float64Builder::new(),
        Float64Builder::new(),
    );
    let (mut place_kind, mut place_country, mut place_reason) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut date_article = StringBuilder::new();
    let (mut date_start, mut date_end) = (Int64Builder::new(), Int64Builder::new());
    let (mut date_surface, mut date_granularity) = (StringBuilder::new(), StringBuilder::new());
    let (mut date_from, mut date_to) = (Date32Builder::new(), Date32Builder::new());
    let mut date_vague = BooleanBuilder::new();
    for (article, x) in source.articles.iter().zip(source.extractions) {
        let body = article.body.text();
        for m in &x.places {
            let place = source.place(m.place)?;
            place_article.append_value(&article.id);
            place_start.append_value(offset(m.start));
            place_end.append_value(offset(m.end));
            place_surface.append_value(slice(&body, &(m.start..m.end)));
            place_id_col.append_value(place.id);
            place_name_col.append_value(place.name);
            place_lat.append_value(place.coord.lat);
            place_lon.append_value(place.coord.lon);
            place_kind.append_value(place.kind.as_str());
            place_country.append_option(place.country);
            // As JSON Lines writes it: f32 rounded to three decimals.
            place_confidence.append_value((f64::from(m.confidence) * 1000.0).round() / 1000.0);
            place_reason.append_value(m.reason.as_str());
        }
        for m in &x.dates {
            date_article.append_value(&article.id);
            date_start.append_value(offset(m.start));
            date_end.append_value(offset(m.end));
            date_surface.append_value(slice(&body, &(m.start..m.end)));
            date_from.append_value(date32(m.interval.from));
            date_to.append_value(date32(m.interval.to));
            date_granularity.append_value(granularity_name(m.interval.granularity));
            date_vague.append_value(m.vague);
        }
    }
    let places = batch(
        &places_schema(),
        vec![
            Arc::new(place_article.finish()),
            Arc::new(place_start.finish()),
            Arc::new(place_end.finish()),
            Arc::new(place_surface.finish()),
            Arc::new(place_id_col.finish()),
            Arc::new(place_name_col.finish()),
            Arc::new(place_lat.finish()),
            Arc::new(place_lon.finish()),
            Arc::new(place_kind.finish()),
            Arc::new(place_country.finish()),
            Arc::new(place_confidence.finish()),
            Arc::new(place_reason.finish()),
        ],
    )?;
    let dates = batch(
        &dates_schema(),
        vec![
            Arc::new(date_article.finish()),
            Arc::new(date_start.finish()),
            Arc::new(date_end.finish()),
            Arc::new(date_surface.finish()),
            Arc::new(date_from.finish()),
            Arc::new(date_to.finish()),
            Arc::new(date_granularity.finish()),
            Arc::new(date_vague.finish()),
        ],
    )?;
    Ok((places, dates))
}

fn events_batch(
    source: &ExportSource<'_>,
    extent: &mut Extent,
) -> Result<RecordBatch, ExportError> {
    let (mut article, mut place_id, mut place_name) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut lat, mut lon) = (Float64Builder::new(), Float64Builder::new());
    let (mut from, mut to) = (Date32Builder::new(), Date32Builder::new());
    let (mut basis, mut surface, mut text) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut sentence_start, mut sentence_end) = (Int64Builder::new(), Int64Builder::new());
    let (mut window_start, mut window_end) = (Int64Builder::new(), Int64Builder::new());
    let mut geometry = BinaryBuilder::new();
    let mut bbox: [Float64Builder; 4] = std::array::from_fn(|_| Float64Builder::new());
    let mut bbox_valid = Vec::new();
    let mut texts = LastText::default();
    for event in source.all_events() {
        let a = source.article(event.article)?;
        let place = source.place(event.place)?;
        let body = texts.of(event.article.0 as usize, &a.body);
        let (range, cut) = event_text_range(body, event, source.events_sharing_sentence(event));
        article.append_value(&a.id);
        place_id.append_value(place.id);
        place_name.append_value(place.name);
        lat.append_value(place.coord.lat);
        lon.append_value(place.coord.lon);
        from.append_option(event.when.map(|w| date32(w.from)));
        to.append_option(event.when.map(|w| date32(w.to)));
        basis.append_value(when_basis_name(event.basis));
        surface.append_option(event.date_mention.map(|m| slice(body, &m.range()).trim()));
        sentence_start.append_value(i64::from(event.sentence.start));
        sentence_end.append_value(i64::from(event.sentence.end));
        window_start.append_option(cut.then_some(offset(range.start)));
        window_end.append_option(cut.then_some(offset(range.end)));
        text.append_value(slice(body, &range));
        let (x, y) = (place.coord.lon, place.coord.lat);
        let valid = place.coord.is_valid();
        if valid {
            geometry.append_value(wkb_point(x, y));
            extent.add(x, y);
        } else {
            geometry.append_null();
        }
        // A null struct still holds (ignored) child values.
        for (b, v) in bbox.iter_mut().zip([x, y, x, y]) {
            b.append_value(if valid { v } else { 0.0 });
        }
        bbox_valid.push(valid);
    }
    let bbox_children: Vec<ArrayRef> = bbox
        .iter_mut()
        .map(|b| Arc::new(b.finish()) as ArrayRef)
        .collect();
    let bbox = StructArray::try_new(bbox_fields(), bbox_children, Some(bbox_valid.into()))
        .map_err(|e| ExportError::Inconsistent(format!("cannot build the bbox column ({e})")))?;
    batch(
        &events_schema(),
        vec![
            Arc::new(article.finish()),
            Arc::new(place_id.finish()),
            Arc::new(place_name.finish()),
            Arc::new(lat.finish()),
            Arc::new(lon.finish()),
            Arc::new(from.finish()),
            Arc::new(to.finish()),
            Arc::new(basis.finish()),
            Arc::new(surface.finish()),
            Arc::new(sentence_start.finish()),
            Arc::new(sentence_end.finish()),
            Arc::new(window_start.finish()),
            Arc::new(window_end.finish()),
            Arc::new(text.finish()),
            Arc::new(geometry.finish()),
            Arc::new(bbox),
        ],
    )
}

/// Extracts `articles` with `gazetteer` and returns their record batches, article files as
/// given: the Python package's `Extractor.extract`, the same rows as `extract --format parquet`.
pub fn extract_batches(
    articles: &[Article],
    gazetteer: &Gazetteer,
) -> Result<ParquetBatches, ExportError> {
    let extractions = crate::extract::extract_corpus(articles, gazetteer);
    record_batches(&ExportSource {
        articles,
        gazetteer,
        extractions: &extractions,
        base_dir: None,
    })
}

/// Writes the Parquet folder `dir` (created when missing) for `articles` extracted `chunk` of
/// them at a time by `extract`, as [`super::write_in_chunks`] does for the other formats.
/// Returns how many events were written. On an error the folder's old files are left whole
/// (the temporary files are removed).
pub fn write_parquet_in_chunks(
    dir: &Path,
    articles: &[Article],
    gazetteer: &Gazetteer,
    base_dir: Option<&Path>,
    chunk: usize,
    extract: impl Fn(&[Article]) -> Vec<ArticleExtraction>,
) -> Result<usize, ExportError> {
    let mut writers = Writers::create(dir)?;
    let events = super::for_each_chunk(articles, gazetteer, base_dir, chunk, extract, |source| {
        writers.add(source)
    })?;
    writers.finish()?;
    Ok(events)
}

/// Writes everything of `source` (articles with their extractions) to the Parquet folder `dir`
/// (for tests; the CLI writes in chunks, [`write_parquet_in_chunks`]).
#[cfg(test)]
pub fn write_parquet(dir: &Path, source: &ExportSource<'_>) -> Result<usize, ExportError> {
    let mut writers = Writers::create(dir)?;
    writers.add(source)?;
    writers.finish()?;
    Ok(source.all_events().count())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type};
    use chrono::NaiveDate;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use serde_json::{Value, json};

    use super::*;
    use crate::extract::extract_corpus;
    use crate::session::events_file::from_date32;

    const GAZETTEER: &str = "[[place]]\nid = \"tripoli-ly\"\nname = \"Tripoli\"\nkind = \"city\"\n\
        lat = 32.8872\nlon = 13.1913\ncountry = \"LY\"\n\n[[place]]\nid = \"misrata-ly\"\n\
        name = \"Misrata\"\nkind = \"city\"\nlat = 32.3754\nlon = 15.0925\ncountry = \"LY\"\n";

    /// Three articles extracted with a two-place gazetteer: dated, carried and undated events,
    /// a shared sentence, date mentions.
    pub(crate) fn sample() -> (Vec<Article>, Gazetteer, Vec<ArticleExtraction>) {
        let (gazetteer, problems) = Gazetteer::from_toml_str(GAZETTEER, Path::new("g.toml"));
        assert!(problems.is_empty(), "{problems:?}");
        let texts = [
            (
                "a1",
                "date: 2024-04-19\ntitle: Clashes\n\nFighting broke out in Tripoli on April 17. \
                 Residents fled to Misrata the next day. Tripoli and Misrata are calm now.",
            ),
            ("a2", "title: Undated\n\nA convoy left Misrata."),
            ("a3", "title: Nothing\n\nNo place is named here."),
        ];
        let articles: Vec<Article> = texts
            .iter()
            .map(|(id, text)| Article::from_text(id, &Path::new("/p").join(id), text).0)
            .collect();
        let extractions = extract_corpus(&articles, &gazetteer);
        (articles, gazetteer, extractions)
    }

    /// What the sample exports, article files as given.
    fn source_of<'a>(
        articles: &'a [Article],
        gazetteer: &'a Gazetteer,
        extractions: &'a [ArticleExtraction],
    ) -> ExportSource<'a> {
        ExportSource {
            articles,
            gazetteer,
            extractions,
            base_dir: None,
        }
    }

    /// The sample written to a temporary folder.
    pub(crate) fn written() -> (
        tempfile::TempDir,
        Vec<Article>,
        Gazetteer,
        Vec<ArticleExtraction>,
    ) {
        let (articles, gazetteer, extractions) = sample();
        let dir = tempfile::tempdir().expect("tempdir");
        write_parquet(dir.path(), &source_of(&articles, &gazetteer, &extractions)).expect("write");
        (dir, articles, gazetteer, extractions)
    }

    /// Every row of a Parquet file as JSON, with the JSON Lines conventions (dates as
    /// `YYYY-MM-DD`, nulls left out).
    pub(crate) fn rows(path: &Path) -> Vec<BTreeMap<String, Value>> {
        let file = fs::File::open(path).expect("open");
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .expect("parquet")
            .build()
            .expect("reader");
        let mut out = Vec::new();
        for batch in reader {
            let batch = batch.expect("batch");
            for i in 0..batch.num_rows() {
                let mut row = BTreeMap::new();
                for (f, col) in batch.schema().fields().iter().zip(batch.columns()) {
                    if col.is_null(i) {
                        continue;
                    }
                    let v = match col.data_type() {
                        DataType::Utf8 => json!(col.as_string::<i32>().value(i)),
                        DataType::Int64 => json!(col.as_primitive::<Int64Type>().value(i)),
                        DataType::Float64 => json!(col.as_primitive::<Float64Type>().value(i)),
                        DataType::Boolean => json!(col.as_boolean().value(i)),
                        DataType::Date32 => json!(
                            from_date32(col.as_primitive::<Date32Type>().value(i))
                                .expect("date")
                                .to_string()
                        ),
                        DataType::Binary => json!(col.as_binary::<i32>().value(i).to_vec()),
                        DataType::Struct(_) => {
                            let s = col.as_struct();
                            let c = |n: &str| {
                                s.column_by_name(n)
                                    .expect("bbox field")
                                    .as_primitive::<Float64Type>()
                                    .value(i)
                            };
                            json!([c("xmin"), c("ymin"), c("xmax"), c("ymax")])
                        }
                        other => panic!("unexpected column type {other}"),
                    };
                    row.insert(f.name().clone(), v);
                }
                out.push(row);
            }
        }
        out
    }

    #[test]
    fn the_four_files_hold_the_json_lines_records_field_for_field() {
        let (articles, gazetteer, extractions) = sample();
        let source = ExportSource {
            articles: &articles,
            gazetteer: &gazetteer,
            extractions: &extractions,
            base_dir: Some(Path::new("/p")),
        };
        let mut jsonl = Vec::new();
        super::super::write_jsonl(&source, &mut jsonl).expect("jsonl");
        let mut expected: BTreeMap<String, Vec<BTreeMap<String, Value>>> = BTreeMap::new();
        for line in String::from_utf8(jsonl).expect("utf8").lines() {
            let mut record: BTreeMap<String, Value> =
                serde_json::from_str(line).expect("json line");
            let kind = record
                .remove("type")
                .and_then(|t| t.as_str().map(str::to_owned));
            record.retain(|_, v| !v.is_null());
            expected
                .entry(kind.expect("type"))
                .or_default()
                .push(record);
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let events = write_parquet(dir.path(), &source).expect("parquet");
        assert!(events >= 4, "the sample has events: {events}");
        for (kind, file) in [
            ("article", ARTICLES_FILE),
            ("place", PLACES_FILE),
            ("date", DATES_FILE),
            ("event", EVENTS_FILE),
        ] {
            let mut got = rows(&dir.path().join(file));
            if kind == "event" {
                for (row, want) in got.iter_mut().zip(&expected[kind]) {
                    let (lon, lat) = (want["lon"].as_f64(), want["lat"].as_f64());
                    let (lon, lat) = (lon.expect("lon"), lat.expect("lat"));
                    assert_eq!(
                        row.remove("geometry"),
                        Some(json!(wkb_point(lon, lat).to_vec()))
                    );
                    assert_eq!(row.remove("bbox"), Some(json!([lon, lat, lon, lat])));
                    assert!(row.remove("place_name").is_some());
                }
            }
            if kind == "date" {
                // JSON Lines leaves `vague` out when false.
                for row in &mut got {
                    row.retain(|k, v| k != "vague" || v != &json!(false));
                }
            }
            assert_eq!(got, expected[kind], "{file}");
        }
        // No temporary file is left beside them.
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 4, "{names:?}");
    }

    #[test]
    fn the_record_batches_are_what_the_files_hold() {
        let (dir, articles, gazetteer, extractions) = written();
        let source = source_of(&articles, &gazetteer, &extractions);
        let built = record_batches(&source).expect("batches");
        assert_eq!(built.extent, Some([13.1913, 32.3754, 15.0925, 32.8872]));
        assert_eq!(
            extract_batches(&articles, &gazetteer)
                .expect("extract")
                .events,
            built.events
        );
        for (file, batch) in [
            (EVENTS_FILE, &built.events),
            (ARTICLES_FILE, &built.articles),
            (PLACES_FILE, &built.places),
            (DATES_FILE, &built.dates),
        ] {
            let reader = ParquetRecordBatchReaderBuilder::try_new(
                fs::File::open(dir.path().join(file)).expect("open"),
            )
            .expect("parquet")
            .build()
            .expect("reader");
            let read: Vec<RecordBatch> = reader.map(|b| b.expect("batch")).collect();
            assert!(batch.num_rows() > 0, "{file}");
            assert_eq!(read.len(), 1, "{file}: one chunk, one batch");
            assert_eq!(read[0].columns(), batch.columns(), "{file}");
        }
    }

    #[test]
    fn the_events_file_carries_geoparquet_1_1_metadata() {
        let (dir, ..) = written();
        let file = fs::File::open(dir.path().join(EVENTS_FILE)).expect("open");
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("parquet");
        let kv = builder
            .metadata()
            .file_metadata()
            .key_value_metadata()
            .expect("key-value metadata");
        let geo = kv.iter().find(|k| k.key == "geo").expect("geo key");
        let geo: Value = serde_json::from_str(geo.value.as_deref().expect("value")).expect("json");
        assert_eq!(geo["version"], "1.1.0");
        assert_eq!(geo["primary_column"], "geometry");
        let col = &geo["columns"]["geometry"];
        assert_eq!(col["encoding"], "WKB");
        assert_eq!(col["geometry_types"], json!(["Point"]));
        assert_eq!(
            col["crs"]["id"],
            json!({"authority": "OGC", "code": "CRS84"})
        );
        assert_eq!(col["covering"]["bbox"]["xmin"], json!(["bbox", "xmin"]));
        // Tripoli and Misrata.
        assert_eq!(col["bbox"], json!([13.1913, 32.3754, 15.0925, 32.8872]));
    }

    #[test]
    fn a_failed_write_leaves_the_old_files_and_no_temporary_file() {
        let (dir, articles, gazetteer, extractions) = written();
        let source = source_of(&articles, &gazetteer, &extractions);
        let before = fs::read(dir.path().join(EVENTS_FILE)).expect("read");
        // One extraction too few: inconsistent data fails the write midway.
        let bad = ExportSource {
            extractions: &extractions[..2],
            ..source
        };
        assert!(matches!(
            write_parquet(dir.path(), &bad),
            Err(ExportError::Inconsistent(_))
        ));
        assert_eq!(
            fs::read(dir.path().join(EVENTS_FILE)).expect("read"),
            before
        );
        assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 4);
        // A file where the folder should be is refused with a message.
        let file = dir.path().join(EVENTS_FILE);
        let err = write_parquet(&file, &source).expect_err("a file is no folder");
        assert!(err.to_string().contains("is a file"), "{err}");
    }

    #[test]
    fn dates_convert_both_ways() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 17).expect("date");
        assert_eq!(date32(d), 19_830);
        assert_eq!(from_date32(19_830), Some(d));
        assert_eq!(from_date32(0), NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(from_date32(i32::MAX), None);
    }
}
