//! Fuzzing harnesses: one function per parser, shared by the cargo-fuzz targets in `fuzz/` and by
//! the core test that replays every input they found (`tests/fuzz_regressions/<target>/`).
//!
//! Each function feeds arbitrary bytes through the code the app runs on a user's files and checks
//! the invariants the rest of the crate relies on: offsets in bounds and on character boundaries,
//! mentions sorted and non-overlapping, intervals ordered, every problem naming its file and a
//! line inside the text, validated places with coordinates in range. A failed check panics, which
//! is what the fuzzer looks for; the app itself never panics on bad input.

use std::io::Read as _;
use std::path::Path;
use std::sync::LazyLock;

use chrono::{Days, NaiveDate};

use crate::corpus::{self, Corpus};
use crate::extract::{ArticleIdx, Source, extract_article, places};
use crate::gazetteer::Gazetteer;
use crate::problem::Problem;
use crate::session::{scenes, userdata};

/// The fuzz targets, by name (the names of the files in `fuzz/fuzz_targets/`).
pub const TARGETS: [&str; 12] = [
    "article",
    "gazetteer",
    "places",
    "dates",
    "scenes",
    "csv_import",
    "export",
    "html",
    "feed",
    "pdf",
    "geoparquet",
    "event_csv",
];

/// Runs the harness of the target `name` on `data`; false when there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "article" => article(data),
        "gazetteer" => gazetteer(data),
        "places" => places(data),
        "dates" => dates(data),
        "scenes" => scenes(data),
        "csv_import" => csv_import(data),
        "export" => export(data),
        "html" => html(data),
        "feed" => feed(data),
        "pdf" => pdf(data),
        "geoparquet" => geoparquet(data),
        "event_csv" => event_csv(data),
        _ => return false,
    }
    true
}

/// Lines in `text` as [`crate::problem::line_of_offset`] counts them (the last may be empty).
fn line_count(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1
}

fn check_problems<'p>(problems: impl IntoIterator<Item = &'p Problem>, file: &Path, lines: usize) {
    for p in problems {
        assert_eq!(p.file, file, "a problem names another file: {p}");
        if let Some(line) = p.line {
            assert!(
                (1..=lines).contains(&line),
                "line {line} is outside the text's {lines} lines: {p}"
            );
        }
        assert!(!p.message.is_empty(), "a problem without a message");
    }
}

fn check_range(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} is outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} splits a character"
    );
}

/// An article file's bytes through the folder loader: decoding (binary, BOM, invalid UTF-8) and
/// the header rules (header block, `date` token, dateline, title).
pub fn article(data: &[u8]) {
    let path = Path::new("fuzz/article.txt");
    let mut problems = Vec::new();
    let Some((article, notes)) = corpus::article_from_bytes(path, data.to_vec(), &mut problems)
    else {
        assert_eq!(problems.len(), 1, "a refused file is one problem");
        check_problems(&problems, path, 1);
        return;
    };
    let Ok(file) = corpus::decode(data.to_vec()) else {
        panic!("the loader accepted bytes that decode refuses");
    };
    check_problems(problems.iter().chain(&notes), path, line_count(&file.text));
    let body_start = article.body_offset - file.bom_len;
    assert_eq!(
        file.text.get(body_start..),
        Some(&*article.body.text()),
        "the body is not the text from body_offset"
    );
    assert!(!article.title.contains('\n'), "a title spans lines");
    let parsed = corpus::text::parse(&file.text);
    if let Some(d) = &parsed.dateline {
        check_range(&file.text, d.start, d.end, "the dateline");
    }
}

/// Gazetteer text: an even first byte reads the rest as a curated/user TOML layer, an odd one as
/// the broad TSV layer. Every place that loads is valid, and the automaton built from the names
/// finds them in the text itself.
pub fn gazetteer(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (path, (gazetteer, problems)) = if first % 2 == 0 {
        let path = Path::new("fuzz/gazetteer.toml");
        (path, Gazetteer::from_toml_str(&text, path))
    } else {
        let path = Path::new("fuzz/places_broad.tsv");
        (path, Gazetteer::from_broad_str(&text, path))
    };
    check_problems(&problems, path, line_count(&text));
    for (i, place) in gazetteer.places().iter().enumerate() {
        assert!(
            place.coord.is_valid(),
            "place {} has an invalid position",
            place.id
        );
        assert!(
            !place.name.trim().is_empty(),
            "place {} has no name",
            place.id
        );
        let idx = gazetteer.by_id(place.id);
        assert_eq!(
            idx.map(|p| p.0 as usize),
            Some(i),
            "id {} is not unique",
            place.id
        );
    }
    for hit in gazetteer.name_hits(&text) {
        check_range(&text, hit.start, hit.end, "a name hit");
    }
    if let Some(prefix) = text.get(..text.len().min(3)) {
        let _ = gazetteer.search_names(prefix, 10);
    }
}

/// The gazetteer the `places` harness matches against: the curated layer and the Libyan and
/// Italian rows of the broad layer (homonyms, demonyms and common-word names, but small enough to
/// build in a moment). Built once.
pub fn fuzz_gazetteer() -> &'static Gazetteer {
    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let curated = std::fs::read_to_string(data.join("gazetteer.toml")).unwrap_or_default();
        // The broad layer ships gzipped; a plain file (a local rebuild) is read when present.
        let broad = std::fs::read_to_string(data.join("places_broad.tsv")).unwrap_or_else(|_| {
            let mut text = String::new();
            if let Ok(file) = std::fs::File::open(data.join("places_broad.tsv.gz")) {
                let _ = flate2::read::GzDecoder::new(file).read_to_string(&mut text);
            }
            text
        });
        let mut text = String::new();
        // The curated layer as broad rows would lose its aliases; keep it as TOML and add the
        // broad rows as a second gazetteer's worth of places through the public loaders.
        let (curated, _) = Gazetteer::from_toml_str(&curated, Path::new("gazetteer.toml"));
        for (i, line) in broad.lines().enumerate() {
            let country = line.split('\t').nth(5).unwrap_or_default();
            if i == 0 || country == "LY" || country == "IT" || line.contains("\tcountry\t") {
                text.push_str(line);
                text.push('\n');
            }
        }
        let (broad, _) = Gazetteer::from_broad_str(&text, Path::new("places_broad.tsv"));
        let mut places: Vec<_> = curated.places().iter().map(|p| p.to_place()).collect();
        places.extend(broad.places().iter().map(|p| p.to_place()));
        Gazetteer::from_places(places)
    });
    &GAZETTEER
}

/// Arbitrary text through the place matcher, the unknown-name finder, the suggestions and the
/// whole extraction of one article.
pub fn places(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let gazetteer = fuzz_gazetteer();
    let mentions = places::find_places(&text, gazetteer);
    let mut last_end = 0;
    for m in &mentions {
        check_range(&text, m.start, m.end, "a place mention");
        assert!(
            m.start >= last_end,
            "place mentions overlap or are unsorted"
        );
        assert!(
            (0.0..=1.0).contains(&m.confidence),
            "confidence {} is not in 0..=1",
            m.confidence
        );
        assert!(
            (m.place.0 as usize) < gazetteer.len(),
            "a mention of no place"
        );
        last_end = m.end;
    }
    for (i, unknown) in places::unknown_place_names(&text, gazetteer)
        .iter()
        .enumerate()
    {
        check_range(&text, unknown.start, unknown.end, "an unknown name");
        if i < 2 {
            let _ = userdata::suggest_places(&unknown.name, gazetteer, 5);
        }
    }
    let published = NaiveDate::from_ymd_opt(2019, 4, 9);
    let extraction = extract_article(
        ArticleIdx(0),
        &text,
        published,
        Source::default(),
        gazetteer,
    );
    for s in &extraction.sentences {
        let s = s.range();
        check_range(&text, s.start, s.end, "a sentence");
    }
    for e in &extraction.events {
        let (sentence, mention) = (e.sentence.range(), e.mention.range());
        check_range(&text, sentence.start, sentence.end, "an event's sentence");
        check_range(&text, mention.start, mention.end, "an event's mention");
        if let Some(when) = e.when {
            assert!(when.from <= when.to, "an event ends before it starts");
        }
    }
}

/// The first three bytes choose the publication date (0: undated; else a day from year 0 to
/// 9999, the years a header can write), the rest is the text.
pub fn dates(data: &[u8]) {
    let (published, rest) = match data {
        [a, b, c, rest @ ..] => {
            let n = u32::from_le_bytes([*a, *b, *c, 0]);
            let day = (n != 0)
                .then(|| NaiveDate::from_ymd_opt(0, 1, 1))
                .flatten()
                .and_then(|start| start.checked_add_days(Days::new(u64::from(n % 3_652_425))));
            (day, rest)
        }
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(rest);
    let mentions = crate::extract::dates::tag_dates(&text, published);
    let mut last_end = 0;
    for m in &mentions {
        check_range(&text, m.start, m.end, "a date mention");
        assert!(m.start >= last_end, "date mentions overlap or are unsorted");
        assert!(
            m.interval.from <= m.interval.to,
            "an interval ends before it starts: {:?} at {}..{}",
            m.interval,
            m.start,
            m.end
        );
        last_end = m.end;
    }
}

/// A scenes file's text (and the date overrides sidecar, the other small user TOML file): the
/// good scenes load, and what is saved loads back as the same scenes.
pub fn scenes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parsed = scenes::parse(&text);
    let lines = line_count(&text);
    for (line, message) in &parsed.problems {
        assert!(!message.is_empty());
        if let Some(line) = line {
            assert!((1..=lines).contains(line), "line {line} outside the text");
        }
    }
    let loaded: Vec<scenes::Scene> = parsed.scenes.into_iter().map(|s| s.scene).collect();
    for scene in &loaded {
        let window = scene.window();
        assert!(
            window.from <= window.to,
            "a scene window ends before it starts"
        );
        let _ = scenes::export_file_name(0, scene);
    }
    if let [a, b, ..] = loaded.as_slice() {
        let (view, _) = scenes::Transition::new(a.view(), b.view()).at(0.3);
        assert!(view.center.is_valid(), "a transition leaves the map");
        assert!(view.zoom.is_finite(), "a transition has no zoom");
    }
    let saved = scenes::to_toml(&loaded);
    let again = scenes::parse(&saved);
    assert!(again.problems.is_empty(), "saved scenes do not load back");
    let again: Vec<scenes::Scene> = again.scenes.into_iter().map(|s| s.scene).collect();
    assert_eq!(again, loaded, "saved scenes load back different");

    let path = Path::new("fuzz/dates.toml");
    let (_, problems) = userdata::DateOverrides::parse(&text, path);
    check_problems(&problems, path, lines);
}

/// CSV bytes through the CSV corpus loader (File > Open, drops, `--corpus x.csv`).
pub fn csv_import(data: &[u8]) {
    let path = Path::new("fuzz/import.csv");
    let (corpus, problems) = Corpus::csv_from_reader(path, data);
    let lines = memchr::memchr2_iter(b'\n', b'\r', data).count() + 1;
    check_problems(&problems, path, lines);
    let mut ids = std::collections::HashSet::new();
    for article in &corpus.articles {
        assert!(ids.insert(&article.id), "id {} is not unique", article.id);
        assert_eq!(article.file, path);
    }
}

/// Bytes as an event dataset (`session::recorded`): the first byte picks ACLED's CSV (even) or
/// GDELT's tab-separated layout (odd), the rest is the file. Every record is dated, has a valid
/// coordinate and a line in the file, records come sorted by day, problems name the file and a
/// line in it, and the queries the map and the timeline make hold their bounds.
pub fn event_csv(data: &[u8]) {
    use crate::index::{DayNum, TimeWindow};
    use crate::session::layout::Viewport;
    use crate::session::recorded::{self, MAX_CELL_CHARS, Source};
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let source = if pick % 2 == 0 {
        Source::Acled
    } else {
        Source::Gdelt
    };
    let path = Path::new("fuzz/events.csv");
    let layer = recorded::load_reader(path, source, rest);
    let lines = memchr::memchr2_iter(b'\n', b'\r', rest).count() + 1;
    check_problems(&layer.problems, path, lines);
    let records = layer.records();
    for pair in records.windows(2) {
        assert!(pair[0].day <= pair[1].day, "records out of order");
    }
    for r in records {
        assert!(r.at.is_valid(), "{:?}", r.at);
        assert!(r.line >= 1 && r.line as usize <= lines, "line {}", r.line);
        for cell in [&r.location, &r.kind, &r.notes, &r.source] {
            assert!(cell.chars().count() <= 2 * MAX_CELL_CHARS + 64);
            assert!(!cell.chars().any(char::is_control), "{cell:?}");
        }
    }
    let all = TimeWindow {
        from: DayNum::MIN,
        to: DayNum::MAX,
    };
    assert_eq!(layer.in_window(all), 0..records.len());
    let view = Viewport {
        center: crate::coord::LatLon::new(0.0, 0.0),
        zoom: 1.0,
        width_px: 512.0,
        height_px: 512.0,
    };
    let cells = recorded::cells(&layer, all, None, &view, 22.0);
    let binned: u64 = cells.iter().map(|c| u64::from(c.count)).sum();
    assert!(binned <= records.len() as u64);
    let mask = layer.matching("a", None);
    let weeks = layer.bucket_counts(records.first().map_or(0, |r| r.day), 7, 8, mask.as_deref());
    assert!(weeks.iter().map(|&n| n as usize).sum::<usize>() <= records.len());
}

/// An article's bytes through the extraction and every export format: each writes without an
/// error; jsonl is one JSON object per line whose event text lies where `text_start`/`text_end`
/// say; no CSV cell could be a formula or holds a control character; and the events' text stays
/// within the bounds `export::event_text_range` promises (so no output explodes).
pub fn export(data: &[u8]) {
    use crate::outputs::export::{self, ExportSource, Format};
    let text = String::from_utf8_lossy(data);
    let path = Path::new("fuzz/export.txt");
    let (article, _) = corpus::Article::from_text("fuzz", path, &text);
    let gazetteer = fuzz_gazetteer();
    let extraction = extract_article(
        ArticleIdx(0),
        &article.body.text(),
        article.published,
        Source::of(&article),
        gazetteer,
    );
    let sentences = extraction.sentences.len();
    let events = extraction.events.len();
    let (articles, extractions) = ([article], [extraction]);
    let source = ExportSource {
        articles: &articles,
        gazetteer,
        extractions: &extractions,
        base_dir: None,
    };
    let body = articles[0].body.text();
    let mut event_text_bytes = 0;
    for format in [Format::Jsonl, Format::Csv, Format::Geojson, Format::Kml] {
        let mut out = Vec::new();
        if let Err(e) = export::write(format, &source, &mut out) {
            panic!("{format:?} export failed: {e}");
        }
        let Ok(out) = String::from_utf8(out) else {
            panic!("{format:?} export is not UTF-8");
        };
        match format {
            Format::Jsonl => {
                for line in out.lines() {
                    let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
                        panic!("a jsonl line is not JSON: {line}");
                    };
                    if record["type"] != "event" {
                        continue;
                    }
                    let text = record["text"].as_str().unwrap_or_default();
                    assert!(text.len() <= export::MAX_EVENT_TEXT_BYTES.max(body.len()));
                    event_text_bytes += text.len();
                    if let (Some(start), Some(end)) =
                        (record["text_start"].as_u64(), record["text_end"].as_u64())
                    {
                        let range = start as usize..end as usize;
                        assert_eq!(body.get(range), Some(text), "text_start/text_end");
                    }
                }
            }
            Format::Csv => {
                let mut reader = ::csv::Reader::from_reader(out.as_bytes());
                for row in reader.records() {
                    let Ok(row) = row else {
                        panic!("the CSV export does not parse");
                    };
                    for (i, cell) in row.iter().enumerate() {
                        // Columns 7 and 8 are lat and lon, numbers that may be negative.
                        let text_cell = !matches!(i, 7 | 8);
                        assert!(
                            !(text_cell && cell.starts_with(['=', '+', '-', '@'])),
                            "a CSV cell could be a formula: {cell}"
                        );
                        assert!(!cell.chars().any(char::is_control), "a control character");
                    }
                }
            }
            // A folder of files, not in this loop (the geoparquet target reads what it writes).
            Format::Geojson | Format::Kml | Format::Parquet => {}
        }
    }
    // Whole sentences up to MAX_SENTENCE_TEXT_BYTES each, windows of about twice their
    // sentence, and at least MIN_EVENT_TEXT_BYTES (and the mention) per event.
    let bound = sentences * export::MAX_SENTENCE_TEXT_BYTES
        + 2 * body.len()
        + events * (export::MIN_EVENT_TEXT_BYTES + 64);
    assert!(
        event_text_bytes <= bound,
        "the events carry {event_text_bytes} bytes of text for a {} byte body",
        body.len()
    );
}

/// A loaded article's invariants: its file, a title, a date in years 1 to 9999 exactly when it
/// is dated, a body with text.
fn check_loaded(article: &corpus::Article, path: &Path) {
    use chrono::Datelike as _;
    assert_eq!(article.file, path);
    assert!(
        !article.title.trim().is_empty(),
        "an article without a title"
    );
    assert_eq!(
        article.published.is_some(),
        article.date_basis != corpus::DateBasis::Undated,
        "the date and its basis disagree"
    );
    if let Some(d) = article.published {
        assert!((1..=9999).contains(&d.year()), "a date out of range: {d}");
    }
    assert_eq!(
        article.body_offset, 0,
        "a page's body is not a slice of the file"
    );
}

/// Bytes saved as a web page through the HTML reader (decoding, the main text, the metadata).
pub fn html(data: &[u8]) {
    let path = Path::new("fuzz/page.html");
    let (article, problems) = corpus::article_from_html("page", path, data);
    check_problems(&problems, path, usize::MAX);
    if let Some(article) = article {
        check_loaded(&article, path);
        assert!(
            article.body.text().chars().any(char::is_alphanumeric),
            "a page loaded without text"
        );
    } else {
        assert!(
            problems
                .iter()
                .any(|p| p.severity == crate::problem::Severity::Error),
            "a page refused without an error"
        );
    }
}

/// Bytes as a PDF through the PDF reader (lopdf, the page limits, the metadata).
pub fn pdf(data: &[u8]) {
    let path = Path::new("fuzz/report.pdf");
    let (article, problems) = corpus::article_from_pdf("report", path, data);
    check_problems(&problems, path, usize::MAX);
    if let Some(article) = article {
        check_loaded(&article, path);
    }
}

/// Bytes as an RSS, Atom or JSON feed through the feed reader: every item an article with a
/// unique id.
pub fn feed(data: &[u8]) {
    let path = Path::new("fuzz/feed.xml");
    let (articles, problems) = corpus::articles_from_feed("feed", path, data);
    check_problems(&problems, path, usize::MAX);
    let mut ids = std::collections::HashSet::new();
    for article in &articles {
        check_loaded(article, path);
        assert!(ids.insert(&article.id), "id {} is not unique", article.id);
    }
}

/// Bytes as a `GeoParquet` events file through the app's reader (`--events`, File > Open): an
/// error names the file; an opened dataset has every event on a known article and place, its
/// sentence and mention inside the article's text, and is indexed whole.
pub fn geoparquet(data: &[u8]) {
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join("events.parquet");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    match crate::session::events_file::load_events_at_most(&path, 10_000, &|_| {}, &|| false) {
        Err(message) => assert!(
            message.contains("events.parquet"),
            "an error that does not name the file: {message}"
        ),
        Ok(ds) => {
            assert_eq!(ds.articles.len(), ds.extractions.len());
            let mut events = 0;
            for (a, x) in ds.articles.iter().zip(ds.extractions.iter()) {
                let body = a.body.text();
                for e in &x.events {
                    events += 1;
                    assert!((e.place.0 as usize) < ds.gazetteer.len(), "unknown place");
                    assert!(ds.gazetteer.get(e.place).coord.is_valid(), "a bad point");
                    check_range(
                        &body,
                        e.sentence.start as usize,
                        e.sentence.end as usize,
                        "sentence",
                    );
                    check_range(
                        &body,
                        e.mention.start as usize,
                        e.mention.end as usize,
                        "mention",
                    );
                }
            }
            assert_eq!(ds.index.events.len(), events, "not every event is indexed");
            for p in &ds.problems {
                assert!(!p.message.is_empty(), "a problem without a message");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_runs_on_empty_and_small_inputs() {
        for name in TARGETS {
            for data in [
                &b""[..],
                b"\x00",
                b"date 2019-04-09 Tripoli, April 4",
                b"\xff\xfe",
            ] {
                assert!(run(name, data), "{name}");
            }
        }
        assert!(!run("nope", b""));
    }

    #[test]
    fn the_geoparquet_harness_survives_a_real_file_cut_and_flipped() {
        use crate::outputs::export::parquet::{EVENTS_FILE, tests::written};
        let (dir, ..) = written();
        let whole = std::fs::read(dir.path().join(EVENTS_FILE)).expect("read");
        geoparquet(&whole);
        // Every prefix length class, and a byte flipped at positions across the file (the data
        // pages, the footer, its length).
        for len in (0..whole.len()).step_by(97) {
            geoparquet(&whole[..len]);
        }
        for at in (0..whole.len())
            .step_by(53)
            .chain(whole.len().saturating_sub(12)..whole.len())
        {
            let mut bad = whole.clone();
            bad[at] ^= 0x5a;
            geoparquet(&bad);
        }
    }

    #[test]
    fn the_places_harness_matches_against_broad_rows_too() {
        let g = fuzz_gazetteer();
        let broad = g
            .places()
            .iter()
            .filter(|p| p.id.starts_with("gn:"))
            .count();
        assert!(
            broad > 1_000,
            "{broad} broad rows: the gzipped layer was not read"
        );
    }
}
