//! Exports of extracted data to any `io::Write`: JSON Lines (everything), `GeoJSON` (QGIS,
//! kepler.gl), KML (Google Earth) and CSV (spreadsheets) of events.
//!
//! Key decisions: schemas are plain and stable (they are what other tools and the golden test
//! read); coordinates are written `[lon, lat]` in `GeoJSON` and `lon,lat` in KML, as those formats
//! require; dates are `YYYY-MM-DD`, `null`/empty when undated; the same writers export a subset
//! of events ("the events in the current filter") with the same schemas; output is streamed, never
//! built in memory. Events whose place has invalid coordinates are left out of the map formats.

use std::io::Write;
use std::ops::Range;
use std::path::Path;

use thiserror::Error;

use crate::corpus::{Article, LastText};
use crate::extract::{ArticleExtraction, ArticleIdx, Event, WhenBasis};
use crate::gazetteer::{Gazetteer, PlaceIdx, PlaceRef};
use chrono::NaiveDate;

mod csv;
mod geojson;
mod jsonl;
mod kml;
pub mod parquet;

#[cfg(test)]
use self::csv::csv_cell;
pub use self::csv::write_csv;
pub use self::geojson::write_geojson;
pub use self::jsonl::write_jsonl;
use self::jsonl::write_jsonl_events;
pub use self::kml::write_kml;
#[cfg(test)]
use self::kml::xml_escape;

/// An export format. The variants' doc comments are the `--format` help text, where backticks
/// would show, hence the allowance.
#[allow(clippy::doc_markdown)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line: articles, place mentions, date mentions and events.
    Jsonl,
    /// A GeoJSON FeatureCollection of event points.
    Geojson,
    /// One row per event, with a header row.
    Csv,
    /// KML placemarks with time spans, for Google Earth.
    Kml,
    /// A folder (--out DIR) of GeoParquet events and Parquet articles, place and date mentions.
    Parquet,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Geojson => "geojson",
            Format::Csv => "csv",
            Format::Kml => "kml",
            Format::Parquet => "parquet",
        }
    }
}

/// Why an export failed. Output errors are always `Io`, whichever writer met them, so a caller can
/// tell a closed pipe from bad data.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot write the export ({0})")]
    Io(#[from] std::io::Error),
    #[error("cannot write JSON ({0})")]
    Json(serde_json::Error),
    #[error("cannot write CSV ({0})")]
    Csv(::csv::Error),
    #[error("the data to export do not fit together: {0}")]
    Inconsistent(String),
}

/// What is exported: the articles, the gazetteer and one extraction per article (same order).
#[derive(Clone, Copy)]
pub struct ExportSource<'a> {
    pub articles: &'a [Article],
    pub gazetteer: &'a Gazetteer,
    pub extractions: &'a [ArticleExtraction],
    /// Article files are written relative to this folder when they are inside it (the project
    /// root, so that exports do not depend on where the project is checked out).
    pub base_dir: Option<&'a Path>,
}

impl From<serde_json::Error> for ExportError {
    fn from(err: serde_json::Error) -> Self {
        if err.is_io() {
            ExportError::Io(err.into())
        } else {
            ExportError::Json(err)
        }
    }
}

impl From<::csv::Error> for ExportError {
    fn from(err: ::csv::Error) -> Self {
        if !err.is_io_error() {
            return ExportError::Csv(err);
        }
        match err.into_kind() {
            ::csv::ErrorKind::Io(io) => ExportError::Io(io),
            // `is_io_error` said Io; keep whatever this is as an I/O error rather than panic.
            other => ExportError::Io(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

impl<'a> ExportSource<'a> {
    fn article(&self, idx: ArticleIdx) -> Result<&'a Article, ExportError> {
        self.articles.get(idx.0 as usize).ok_or_else(|| {
            ExportError::Inconsistent(format!(
                "an event names article {} of {}",
                idx.0,
                self.articles.len()
            ))
        })
    }

    fn place(&self, idx: PlaceIdx) -> Result<PlaceRef<'a>, ExportError> {
        self.gazetteer.places().get(idx.0 as usize).ok_or_else(|| {
            ExportError::Inconsistent(format!(
                "a mention names place {} of {}",
                idx.0,
                self.gazetteer.places().len()
            ))
        })
    }

    fn file_of(&self, article: &Article) -> String {
        let path = self
            .base_dir
            .and_then(|base| article.file.strip_prefix(base).ok())
            .unwrap_or(&article.file);
        slashed(path)
    }

    /// How many events of `event`'s article come from its sentence (at least 1). An article's
    /// events are listed sentence by sentence, so this is two binary searches.
    fn events_sharing_sentence(&self, event: &Event) -> usize {
        let Some(x) = self.extractions.get(event.article.0 as usize) else {
            return 1;
        };
        let start = event.sentence.range().start;
        let first = x
            .events
            .partition_point(|e| e.sentence.range().start < start);
        let after = x
            .events
            .partition_point(|e| e.sentence.range().start <= start);
        after.saturating_sub(first).max(1)
    }

    /// Every event of every article, in article order.
    pub fn all_events(&self) -> impl Iterator<Item = &'a Event> + 'a {
        self.extractions.iter().flat_map(|x| x.events.iter())
    }
}

/// Writes everything in `format`: for JSON Lines every article with its place mentions, date
/// mentions and events; for the other formats every event. (The CLI and the app stream
/// through [`for_each_chunk`] instead; this is for the fuzz harness and tests.)
#[cfg(any(test, feature = "fuzzing"))]
pub fn write(
    format: Format,
    source: &ExportSource<'_>,
    out: impl Write,
) -> Result<(), ExportError> {
    match format {
        Format::Jsonl => write_jsonl(source, out),
        Format::Parquet => Err(not_a_stream()),
        _ => write_events(format, source, source.all_events(), out),
    }
}

/// Writes everything in `format`, as [`write`] does, for `articles` extracted `chunk` of them at a
/// time by `extract` (one extraction per article of the slice it gets, in order), so that only
/// one chunk's extraction is held in memory however many articles there are. Returns how many
/// events were written.
pub fn write_in_chunks(
    format: Format,
    articles: &[Article],
    gazetteer: &Gazetteer,
    base_dir: Option<&Path>,
    chunk: usize,
    extract: impl Fn(&[Article]) -> Vec<ArticleExtraction>,
    out: impl Write,
) -> Result<usize, ExportError> {
    if format == Format::Parquet {
        return Err(not_a_stream());
    }
    let mut out = std::io::BufWriter::new(out);
    match format {
        Format::Jsonl | Format::Parquet => {}
        Format::Geojson => geojson::geojson_start(&mut out)?,
        Format::Csv => csv::csv_header(&mut out)?,
        Format::Kml => kml::kml_start(&mut out)?,
    }
    let mut first = true;
    let events = for_each_chunk(articles, gazetteer, base_dir, chunk, extract, |source| {
        let source = *source;
        match format {
            Format::Jsonl | Format::Parquet => write_jsonl(&source, &mut out)?,
            Format::Geojson => {
                geojson::geojson_features(&source, source.all_events(), &mut out, &mut first)?;
            }
            Format::Csv => csv::csv_rows(&source, source.all_events(), &mut out)?,
            Format::Kml => kml::kml_placemarks(&source, source.all_events(), &mut out)?,
        }
        Ok(())
    })?;
    match format {
        Format::Jsonl | Format::Csv | Format::Parquet => {}
        Format::Geojson => geojson::geojson_end(&mut out)?,
        Format::Kml => kml::kml_end(&mut out)?,
    }
    out.flush()?;
    Ok(events)
}

/// Extracts `articles` `chunk` of them at a time with `extract` and hands each chunk with its
/// extractions to `write`; returns how many events were extracted.
pub(super) fn for_each_chunk(
    articles: &[Article],
    gazetteer: &Gazetteer,
    base_dir: Option<&Path>,
    chunk: usize,
    extract: impl Fn(&[Article]) -> Vec<ArticleExtraction>,
    mut write: impl FnMut(&ExportSource<'_>) -> Result<(), ExportError>,
) -> Result<usize, ExportError> {
    let mut events = 0;
    for part in articles.chunks(chunk.max(1)) {
        let extractions = extract(part);
        let source = ExportSource {
            articles: part,
            gazetteer,
            extractions: &extractions,
            base_dir,
        };
        events += extractions.iter().map(|x| x.events.len()).sum::<usize>();
        write(&source)?;
    }
    Ok(events)
}

/// Writes only `events` (e.g. those in the app's current filter) with the same schemas. JSON Lines
/// then holds each event's article record (before its first event) and the events, without the
/// mention records.
pub fn write_events<'e>(
    format: Format,
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: impl Write,
) -> Result<(), ExportError> {
    match format {
        Format::Jsonl => write_jsonl_events(source, events, out),
        Format::Geojson => write_geojson(source, events, out),
        Format::Csv => write_csv(source, events, out),
        Format::Kml => write_kml(source, events, out),
        Format::Parquet => Err(not_a_stream()),
    }
}

/// `path` with forward slashes on every system, so exports compare equal across machines: an
/// absolute path keeps one leading slash ("/tmp/a.txt", not "//tmp/a.txt").
fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        if component == std::path::Component::RootDir {
            out.push('/');
            continue;
        }
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        out.push_str(&component.as_os_str().to_string_lossy());
    }
    out
}

/// Parquet is a folder of files ([`parquet::write_parquet`]), not one stream.
fn not_a_stream() -> ExportError {
    ExportError::Inconsistent(
        "Parquet is written as a folder of files (--out DIR), not to one stream".to_owned(),
    )
}
/// The most an event carries of its sentence, in bytes. Sentences have no length limit (a list of
/// 17,000 place names can be one sentence), and every event of a sentence repeats its text: past
/// this, an event carries a window around its mention, and `sentence_start`/`sentence_end` still
/// give the whole sentence.
pub const MAX_EVENT_TEXT_BYTES: usize = 600;

/// The least window an event of a long sentence carries: its mention and a few words around it.
pub const MIN_EVENT_TEXT_BYTES: usize = 80;

/// The most the events of one sentence carry together when each carries the whole sentence (four
/// events of a 600-byte sentence, twelve of a 200-byte one); past this, each carries a window.
pub const MAX_SENTENCE_TEXT_BYTES: usize = 4 * MAX_EVENT_TEXT_BYTES;

/// How many bytes of its sentence each of `events` events of one sentence of `sentence_bytes`
/// carries when the sentence is longer than [`MAX_EVENT_TEXT_BYTES`]: together they carry about
/// twice the sentence (each at least [`MIN_EVENT_TEXT_BYTES`], at most the maximum), so the text
/// of an export grows with its input, not with the square of a sentence's places.
pub fn event_text_budget(sentence_bytes: usize, events: usize) -> usize {
    (2 * sentence_bytes / events.max(1)).clamp(MIN_EVENT_TEXT_BYTES, MAX_EVENT_TEXT_BYTES)
}

/// The text an event carries: its sentence, trimmed, or a window around its place mention when
/// the sentence is long or shared by many events (see [`event_text_range`]).
pub fn event_text<'t>(body: &'t str, event: &Event, sharing: usize) -> &'t str {
    slice(body, &event_text_range(body, event, sharing).0)
}

/// Where the text an event carries lies in `body`, and whether it is a window cut from its
/// sentence: the sentence, trimmed, when it has at most [`MAX_EVENT_TEXT_BYTES`] and its
/// `sharing` events carry at most [`MAX_SENTENCE_TEXT_BYTES`] together; else about
/// [`event_text_budget`] bytes around the mention, the mention always whole, cut at character
/// boundaries and, outside the mention, at spaces. A range that does not fit the text gives
/// `0..0` (never a panic).
pub fn event_text_range(body: &str, event: &Event, sharing: usize) -> (Range<usize>, bool) {
    let sentence = event.sentence.range();
    if body.get(sentence.clone()).is_none() {
        return (0..0, false);
    }
    let whole = trimmed(body, sentence.clone());
    if whole.len() <= MAX_EVENT_TEXT_BYTES
        && whole.len().saturating_mul(sharing.max(1)) <= MAX_SENTENCE_TEXT_BYTES
    {
        return (whole, false);
    }
    let budget = event_text_budget(sentence.len(), sharing);
    if whole.len() <= budget {
        return (whole, false);
    }
    let mention = event.mention.range();
    let mention = (sentence.start <= mention.start
        && mention.end <= sentence.end
        && body.get(mention.clone()).is_some())
    .then_some(mention);
    let centre = mention
        .as_ref()
        .map_or(sentence.start, |m| m.start.midpoint(m.end));
    let mut from = centre.saturating_sub(budget / 2).max(sentence.start);
    let mut to = (from + budget).min(sentence.end);
    from = to.saturating_sub(budget).max(sentence.start);
    if let Some(m) = &mention {
        from = from.min(m.start);
        to = to.max(m.end);
    }
    while from < to && !body.is_char_boundary(from) {
        from += 1;
    }
    while to > from && !body.is_char_boundary(to) {
        to -= 1;
    }
    // Whole words: drop the partial word at each cut end, never a part of the mention.
    let (keep_from, keep_to) = mention.as_ref().map_or((to, from), |m| (m.start, m.end));
    if from > sentence.start
        && let Some(i) = body
            .get(from..keep_from.max(from))
            .and_then(|t| t.find(' '))
    {
        from += i + 1;
    }
    if to < sentence.end
        && let Some(i) = body.get(keep_to.min(to)..to).and_then(|t| t.rfind(' '))
    {
        to = keep_to.min(to) + i;
    }
    (trimmed(body, from..to), true)
}

/// `range` of `body` without the white space at its ends (`range` on character boundaries).
fn trimmed(body: &str, range: Range<usize>) -> Range<usize> {
    let text = slice(body, &range);
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    start..end.max(start)
}

/// `text[range]`, or "" when the range does not fit the text (never a panic).
fn slice<'t>(text: &'t str, range: &Range<usize>) -> &'t str {
    text.get(range.clone()).unwrap_or("")
}

/// How an event's `date_basis` is written in the exports.
pub fn when_basis_name(basis: WhenBasis) -> &'static str {
    match basis {
        WhenBasis::Text => "text",
        WhenBasis::Carried => "carried",
        WhenBasis::Publication => "publication",
        WhenBasis::Undated => "undated",
    }
}

/// The fields shared by the `GeoJSON`, KML and CSV rows of one event.
struct EventRow<'a> {
    article: &'a Article,
    place: PlaceRef<'a>,
    event: &'a Event,
    text: String,
}

impl<'a> EventRow<'a> {
    /// The row of `event`; `texts` keeps the last article's text for the next row.
    fn new(
        source: &ExportSource<'a>,
        event: &'a Event,
        texts: &mut LastText,
    ) -> Result<Self, ExportError> {
        let article = source.article(event.article)?;
        let place = source.place(event.place)?;
        let body = texts.of(event.article.0 as usize, &article.body);
        let text = event_text(body, event, source.events_sharing_sentence(event)).to_owned();
        Ok(EventRow {
            article,
            place,
            event,
            text,
        })
    }

    fn from(&self) -> Option<NaiveDate> {
        self.event.when.map(|w| w.from)
    }

    fn to(&self) -> Option<NaiveDate> {
        self.event.when.map(|w| w.to)
    }

    fn basis(&self) -> &'static str {
        when_basis_name(self.event.basis)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::io;
    use std::path::PathBuf;

    use serde_json::Value;

    use super::*;
    // The csv crate, not the `csv` writer module the glob above brings in.
    use crate::coord::LatLon;
    use crate::corpus::DateBasis;
    use crate::extract::dates::{DateMention, Granularity, Interval};
    use crate::extract::places::PlaceMention;
    use crate::gazetteer::{Place, PlaceKind, PlaceSource};
    use ::csv;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn place(id: &str, name: &str, coord: LatLon) -> Place {
        Place {
            id: id.to_string(),
            name: name.to_string(),
            aliases: Vec::new(),
            kind: PlaceKind::City,
            coord,
            country: Some("LY".to_string()),
            geonames_id: None,
            population: None,
            source: PlaceSource::Curated,
            note: None,
        }
    }

    fn article(id: &str, body: &str, published: Option<NaiveDate>) -> Article {
        Article {
            id: id.to_string(),
            file: PathBuf::from("/project/seeds").join(format!("{id}.txt")),
            title: format!("{id} & <co>"),
            outlet: None,
            byline: None,
            published,
            date_basis: if published.is_some() {
                DateBasis::Header
            } else {
                DateBasis::Undated
            },
            body: body.into(),
            body_offset: 0,
            note: None,
            url: None,
        }
    }

    fn event(article: u32, place: u32, sentence: Range<usize>, when: Option<Interval>) -> Event {
        Event {
            article: ArticleIdx(article),
            place: PlaceIdx(place),
            when,
            basis: if when.is_some() {
                WhenBasis::Text
            } else {
                WhenBasis::Undated
            },
            sentence: sentence.clone().into(),
            mention: sentence.into(),
            date_mention: None,
        }
    }

    struct Fixture {
        articles: Vec<Article>,
        gazetteer: Gazetteer,
        extractions: Vec<ArticleExtraction>,
    }

    impl Fixture {
        /// Two articles: a dated one with a place and a date mention, an undated one; and a
        /// place with broken coordinates that the map formats leave out.
        fn new() -> Fixture {
            let april_4 = Interval {
                from: day("2019-04-04"),
                to: day("2019-04-04"),
                granularity: Granularity::Day,
            };
            let body = "Fighting in Tripoli on April 4. Calm in Misrata.";
            let dated = ArticleExtraction {
                places: vec![PlaceMention {
                    start: 12,
                    end: 19,
                    place: PlaceIdx(0),
                    confidence: 0.9,
                    reason: crate::extract::places::Reason::Prior,
                }],
                dates: vec![DateMention {
                    start: 23,
                    end: 30,
                    interval: april_4,
                    vague: false,
                }],
                sentences: vec![(0..31).into(), (32..48).into()],
                events: vec![
                    event(0, 0, 0..31, Some(april_4)),
                    event(0, 2, 32..48, Some(april_4)),
                ],
                lists: Vec::new(),
            };
            let undated = ArticleExtraction {
                events: vec![event(1, 1, 0..13, None)],
                ..Default::default()
            };
            Fixture {
                articles: vec![
                    article("a", body, Some(day("2019-04-07"))),
                    article("b", "Misrata calm.", None),
                ],
                gazetteer: Gazetteer::from_places(vec![
                    place("tripoli-ly", "Tripoli", LatLon::new(32.887, 13.187)),
                    place("misrata-ly", "Misrata", LatLon::new(32.375, 15.093)),
                    place("broken", "Broken", LatLon::new(f64::NAN, 0.0)),
                ]),
                extractions: vec![dated, undated],
            }
        }

        fn source(&self) -> ExportSource<'_> {
            ExportSource {
                articles: &self.articles,
                gazetteer: &self.gazetteer,
                extractions: &self.extractions,
                base_dir: Some(Path::new("/project")),
            }
        }

        fn export(&self, format: Format) -> String {
            let mut out = Vec::new();
            write(format, &self.source(), &mut out).expect("export");
            String::from_utf8(out).expect("UTF-8")
        }
    }

    fn lines(jsonl: &str) -> Vec<Value> {
        jsonl
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }

    #[test]
    fn a_file_is_written_with_forward_slashes_and_one_leading_slash() {
        assert_eq!(slashed(Path::new("seeds/a.txt")), "seeds/a.txt");
        assert_eq!(slashed(Path::new("/tmp/corpus/a.txt")), "/tmp/corpus/a.txt");
        assert_eq!(slashed(Path::new("./a.txt")), "./a.txt");
        assert_eq!(slashed(Path::new("a.txt")), "a.txt");
    }

    #[test]
    fn jsonl_writes_each_article_then_its_places_dates_and_events() {
        let records = lines(&Fixture::new().export(Format::Jsonl));
        let types: Vec<_> = records
            .iter()
            .map(|r| r["type"].as_str().unwrap_or("?"))
            .collect();
        assert_eq!(
            types,
            [
                "article", "place", "date", "event", "event", "article", "event"
            ]
        );
        assert_eq!(
            records[0]["file"], "seeds/a.txt",
            "relative to the base folder"
        );
        assert_eq!(records[1]["surface"], "Tripoli");
        assert_eq!(records[1]["lat"], 32.887);
        assert_eq!(records[1]["lon"], 13.187);
        assert_eq!(records[1]["confidence"], 0.9, "no f32 noise");
        assert_eq!(records[2]["surface"], "April 4");
        assert_eq!(records[2]["granularity"], "day");
        assert_eq!(records[3]["text"], "Fighting in Tripoli on April 4.");
        assert_eq!(records[3]["date_basis"], "text");
        assert_eq!(records[5]["published"], Value::Null);
        assert_eq!(records[5]["date_basis"], "undated");
        assert_eq!(records[6]["from"], Value::Null);
        assert_eq!(records[6]["date_basis"], "undated");
    }

    #[test]
    fn a_subset_of_events_is_written_with_its_articles_and_the_same_schema() {
        let fixture = Fixture::new();
        let subset = [&fixture.extractions[1].events[0]];
        let mut out = Vec::new();
        write_events(Format::Jsonl, &fixture.source(), subset, &mut out).expect("export");
        let records = lines(&String::from_utf8(out).expect("UTF-8"));
        assert_eq!(records.len(), 2);
        assert_eq!(
            (records[0]["type"].as_str(), records[0]["id"].as_str()),
            (Some("article"), Some("b"))
        );
        assert_eq!(records[1]["type"], "event");
        assert_eq!(records[1]["place_id"], "misrata-ly");
    }

    #[test]
    fn geojson_points_are_lon_lat_and_broken_coordinates_are_left_out() {
        let collection: Value =
            serde_json::from_str(&Fixture::new().export(Format::Geojson)).expect("JSON");
        let features = collection["features"].as_array().expect("features");
        assert_eq!(
            features.len(),
            2,
            "the event at the broken place is left out"
        );
        assert_eq!(
            features[0]["geometry"]["coordinates"],
            serde_json::json!([13.187, 32.887])
        );
        assert_eq!(features[0]["properties"]["from"], "2019-04-04");
        assert_eq!(features[1]["properties"]["from"], Value::Null);
    }

    #[test]
    fn kml_escapes_text_and_gives_time_spans_only_to_dated_events() {
        let kml = Fixture::new().export(Format::Kml);
        assert_eq!(kml.matches("<Placemark>").count(), 2);
        assert_eq!(
            kml.matches("<TimeSpan><begin>2019-04-04</begin><end>2019-04-04</end></TimeSpan>")
                .count(),
            1
        );
        assert!(kml.contains("a &amp; &lt;co&gt;"));
        assert!(kml.contains("<coordinates>13.187,32.887</coordinates>"));
    }

    #[test]
    fn written_in_chunks_every_format_is_what_one_pass_writes() {
        let fx = Fixture::new();
        // What an extractor gives for a slice of the articles: indices from 0 in the slice.
        let extract = |part: &[Article]| -> Vec<ArticleExtraction> {
            part.iter()
                .enumerate()
                .map(|(local, a)| {
                    let i = fx
                        .articles
                        .iter()
                        .position(|b| b.id == a.id)
                        .expect("known");
                    let mut x = fx.extractions[i].clone();
                    for e in &mut x.events {
                        e.article = ArticleIdx(local as u32);
                    }
                    x
                })
                .collect()
        };
        for format in [Format::Jsonl, Format::Csv, Format::Geojson, Format::Kml] {
            for chunk in [1, 2, 100] {
                let mut out = Vec::new();
                let events = write_in_chunks(
                    format,
                    &fx.articles,
                    &fx.gazetteer,
                    Some(Path::new("/project")),
                    chunk,
                    extract,
                    &mut out,
                )
                .expect("export");
                assert_eq!(events, 3);
                assert_eq!(
                    String::from_utf8(out).expect("UTF-8"),
                    fx.export(format),
                    "{format:?} in chunks of {chunk}"
                );
            }
        }
    }

    #[test]
    fn an_event_in_a_huge_sentence_carries_a_window_around_its_mention() {
        let names = "Tripoli, ".repeat(5_000);
        let body = format!("Fighting in {names}and Misrata ended, then {names}.");
        let at = body.find("Misrata").expect("mention");
        let e = Event {
            mention: (at..at + 7).into(),
            ..event(0, 0, 0..body.len(), None)
        };
        let text = event_text(&body, &e, 1);
        assert!(text.len() <= MAX_EVENT_TEXT_BYTES, "{}", text.len());
        assert!(text.len() > MAX_EVENT_TEXT_BYTES / 2, "{}", text.len());
        assert!(text.contains("and Misrata ended"), "{text}");
        assert!(
            text.starts_with("Tripoli,") && text.ends_with("Tripoli,"),
            "{text}"
        );
        // Multi-byte text is cut at character boundaries.
        let body = "é".repeat(2_000);
        let e = Event {
            mention: (1_000..1_002).into(),
            ..event(0, 0, 0..body.len(), None)
        };
        assert!(event_text(&body, &e, 1).len() <= MAX_EVENT_TEXT_BYTES);
        // A short sentence is whole.
        let e = event(0, 0, 0..9, None);
        assert_eq!(event_text(" Tripoli. ", &e, 1), "Tripoli.");
        // Many events of one long sentence share about twice its length.
        let body = format!("Fighting in {names}and Misrata ended.");
        let at = body.find("Misrata").expect("mention");
        let e = Event {
            mention: (at..at + 7).into(),
            ..event(0, 0, 0..body.len(), None)
        };
        let text = event_text(&body, &e, 5_000);
        assert!(text.len() <= MIN_EVENT_TEXT_BYTES, "{}", text.len());
        assert!(text.contains("Misrata"), "{text}");
        let (range, cut) = event_text_range(&body, &e, 5_000);
        assert!(cut && &body[range] == text);
        assert_eq!(event_text_budget(body.len(), 5_000), MIN_EVENT_TEXT_BYTES);
        // A mention longer than the window stays whole.
        let long = "Presidente Nicolau Lobato International Airport of the Democratic Republic \
                    of Timor-Leste in Dili";
        let body = format!("Flights from {names}{long} resumed, {names}.");
        let at = body.find(long).expect("mention");
        let e = Event {
            mention: (at..at + long.len()).into(),
            ..event(0, 0, 0..body.len(), None)
        };
        assert_eq!(event_text(&body, &e, 10_000), long);
        assert!(
            !event_text_range(&body[..100], &e, 1).1,
            "a range past the text is no window"
        );
        // A short sentence listing many places: each event gets a window.
        let body = format!("{}Rome.", "Paris, Tunis, ".repeat(30));
        let at = body.find("Rome").expect("mention");
        let e = Event {
            mention: (at..at + 4).into(),
            ..event(0, 0, 0..body.len(), None)
        };
        assert_eq!(
            event_text(&body, &e, 4),
            body.as_str(),
            "four events: whole"
        );
        let (range, cut) = event_text_range(&body, &e, 60);
        assert!(cut && range.len() <= MIN_EVENT_TEXT_BYTES, "{range:?}");
        assert!(body[range].ends_with("Rome."));
        assert_eq!(event_text_budget(1_000, 10), 200);
        assert_eq!(event_text_budget(100_000, 2), MAX_EVENT_TEXT_BYTES);
    }

    #[test]
    fn csv_cells_cannot_become_formulas_or_break_lines() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\t=1"), " =1");
        assert_eq!(csv_cell("a\r\nb\u{1b}"), "a  b ");
        assert_eq!(csv_cell("Tripoli"), "Tripoli");
        assert!(matches!(csv_cell("Tripoli"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_event() {
        let csv = Fixture::new().export(Format::Csv);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(&reader.headers().expect("headers")[0], "article");
        let rows: Vec<_> = reader.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(
            rows.len(),
            3,
            "the CSV keeps events at places with broken coordinates"
        );
        assert_eq!(&rows[0][3], "tripoli-ly");
        assert_eq!(&rows[2][9], "", "undated: empty from");
    }

    #[test]
    fn an_event_naming_a_missing_article_is_an_error_not_a_panic() {
        let fixture = Fixture::new();
        let stray = event(7, 0, 0..5, None);
        for format in [Format::Jsonl, Format::Geojson, Format::Kml, Format::Csv] {
            let result = write_events(format, &fixture.source(), [&stray], io::sink());
            assert!(
                matches!(result, Err(ExportError::Inconsistent(_))),
                "{format:?}"
            );
        }
    }

    #[test]
    fn xml_escape_escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            xml_escape("Haftar's <LNA> & \"GNA\"\u{0}\u{c}"),
            "Haftar&apos;s &lt;LNA&gt; &amp; &quot;GNA&quot;"
        );
        assert_eq!(xml_escape("line\nnext"), "line\nnext");
    }

    #[test]
    fn a_range_outside_the_text_slices_to_nothing() {
        assert_eq!(slice("Tripoli", &(3..99)), "");
        assert_eq!(slice("Tripoli", &(0..3)), "Tri");
        assert_eq!(slice("Misrātah", &(5..6)), "", "not a char boundary");
    }
}
