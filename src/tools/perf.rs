//! The figures behind `newsatlas bench`: extraction throughput, index build, the scrub step,
//! launch (data loaded) and peak memory, measured without a GUI and returned as one serde struct
//! that prints as one JSON line.
//!
//! Wall time is `std::time::Instant`; peak memory is `VmHWM` from `/proc/self/status` (Linux
//! only, `None` elsewhere). `VmHWM` only grows, so peak memory means something only when
//! measured alone: run [`run_all`] with [`BenchOptions::memory_only`] in a fresh process
//! (`newsatlas bench --memory-only --events 1000000`, or [`memory_in_fresh_process`]).
//! Benchmarks measure; no test asserts a time.
//!
//! The scrub step is the app's own code over a synthetic dataset: the session's `Model`, the
//! state moved by the same intents, `DerivedCache` (counts, markers, article list), the one
//! marker pipeline (`session::markers::markers_in_view`, labels measured with the bundled font
//! at the map's label size) and the timeline's histogram buckets.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::{Article, Body};
use crate::extract::{ArticleExtraction, dates, places, sentences};
use crate::gazetteer::{Gazetteer, Places};
use crate::index::{DayNum, Index, TimeWindow, date_of};
use crate::outputs::render::Text;
use crate::session::dataset::Dataset;
use crate::session::derived::{DerivedCache, Model};
use crate::session::layout::{PlaceGrid, Viewport};
use crate::session::markers::{LABEL_FONT_PT, markers_in_view};
use crate::session::state::{AppState, Intent};
use crate::session::timeline::histogram_buckets;
use crate::tools::synth;
use crate::tools::synth::{PlaceList, SyntheticEvents};

/// What to measure. [`BenchOptions::default`] is what `newsatlas bench` runs.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// The project root: the folder with `data/` and `seeds/`.
    pub root: PathBuf,
    /// Event counts for the index build and scrub step (default 10k, 100k, 1M).
    pub event_sizes: Vec<usize>,
    /// Bytes of text to extract for throughput: the seeds repeated (default 4 MB).
    pub extract_bytes: usize,
    /// Scrub steps timed per size (the cursor sweeps the timeline).
    pub scrub_steps: usize,
    /// Only build the largest of `event_sizes` (gazetteer, events, index, place grid) and report
    /// peak memory; nothing else, so the figure is not inflated by earlier phases.
    pub memory_only: bool,
    pub seed: u64,
}

impl Default for BenchOptions {
    fn default() -> Self {
        Self {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            event_sizes: synth::EVENT_SIZES.to_vec(),
            extract_bytes: 4_000_000,
            scrub_steps: 200,
            memory_only: false,
            seed: synth::DEFAULT_SEED,
        }
    }
}

/// Throughput of one extraction run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub threads: usize,
    pub secs: f64,
    pub mb_per_s: f64,
    pub articles_per_s: f64,
}

impl Rate {
    fn of(threads: usize, elapsed: Duration, bytes: usize, articles: usize) -> Rate {
        let secs = elapsed.as_secs_f64().max(1e-9);
        Rate {
            threads,
            secs,
            mb_per_s: bytes as f64 / 1e6 / secs,
            articles_per_s: articles as f64 / secs,
        }
    }
}

/// Extraction (places + dates + sentences + events) over one text set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractionFigures {
    /// `seeds` (the seeds repeated) or `synthetic` (see [`synth::articles`]).
    pub text: String,
    pub bytes: usize,
    pub articles: usize,
    pub events: usize,
    pub one_thread: Rate,
    /// One thread, MB per second of that thread's CPU time (user + system, from
    /// `/proc/thread-self/stat`, Linux only): the per-core figure, much less sensitive to other
    /// processes loading the machine than wall time. Runs repeat until about a second of CPU.
    #[serde(default)]
    pub one_thread_mb_per_cpu_s: Option<f64>,
    pub all_cores: Rate,
    /// One thread, each stage alone, MB/s: where the time goes.
    pub places_mb_per_s: f64,
    pub dates_mb_per_s: f64,
    pub sentences_mb_per_s: f64,
    /// One thread, MB/s: packing the bodies as the loader does ([`Body::pack`]), and unpacking
    /// them as the extraction and the pane do; how many times smaller they are packed.
    #[serde(default)]
    pub pack_mb_per_s: f64,
    #[serde(default)]
    pub unpack_mb_per_s: f64,
    #[serde(default)]
    pub packed_ratio: f64,
}

/// Index build and scrub step at one size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SizeFigures {
    pub events: usize,
    pub articles: usize,
    pub places_with_events: usize,
    pub synth_ms: f64,
    pub index_build_ms: f64,
    /// The app's model of the data: the place grid, per-place marker data, the timeline's data.
    pub grid_build_ms: f64,
    /// The map fitted on Libya (zoom 6).
    pub scrub_libya: ScrubFigures,
    /// The whole region zoomed out (zoom 3): most places with events are in view.
    pub scrub_wide: ScrubFigures,
    /// Zoomed out, the window jumping to random places on the timeline (every step recounts
    /// every place instead of walking the events that enter or leave the window).
    #[serde(default)]
    pub scrub_wide_jumps: Option<ScrubFigures>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScrubFigures {
    pub steps: usize,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// Averages over the steps: places in the viewport, with events in the window, labelled.
    pub visible_places: f64,
    pub active_places: f64,
    pub labels: f64,
    /// Markers drawn after folding crowded ones.
    #[serde(default)]
    pub markers: f64,
}

/// From nothing to a dataset ready to draw, on the bundled seeds, in this process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LaunchFigures {
    /// `Dataset::load_bundled`: gazetteer, seeds, extraction, index.
    pub dataset_ms: f64,
    /// The gazetteer as the app loads it: through the index cache (read in one go when an
    /// index of these files by this build is there; built and written on the first run).
    pub gazetteer_ms: f64,
    /// The gazetteer built from the data files, without the index cache.
    #[serde(default)]
    pub gazetteer_uncached_ms: f64,
    pub articles: usize,
    pub events: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemoryFigures {
    pub events: usize,
    /// `VmHWM` after building everything; `None` off Linux.
    pub peak_rss_mb: Option<f64>,
    /// `VmRSS` after building everything (what stays resident).
    pub rss_mb: Option<f64>,
    /// `VmHWM` before the events were made (gazetteer loaded).
    pub baseline_rss_mb: Option<f64>,
    /// `VmHWM` once the articles' texts are held too (about 3 kB of text per 12 events, as the
    /// seeds have), which is what the app holds at this size: the texts are made first, then
    /// the index is built again on top of them, as the app loads.
    pub peak_rss_with_texts_mb: Option<f64>,
    /// Bytes of article text held for that figure.
    pub text_bytes: usize,
    /// What those texts take in memory, packed as the loader packs them (cut from the seeds'
    /// prose, so they pack as real text does: about half).
    pub stored_text_bytes: usize,
}

/// Everything measured, printed by `newsatlas bench` as one JSON line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    pub version: String,
    pub profile: String,
    pub threads: usize,
    /// `bundled` (data/gazetteer.toml) or `synthetic` (no data files: made-up places; no
    /// extraction or launch figures then).
    pub gazetteer: String,
    pub gazetteer_places: usize,
    /// Heap the loaded gazetteer holds (place table, id table, name index), in MB.
    #[serde(default)]
    pub gazetteer_heap_mb: f64,
    pub extraction: Vec<ExtractionFigures>,
    pub sizes: Vec<SizeFigures>,
    pub launch: Option<LaunchFigures>,
    pub memory: Option<MemoryFigures>,
    /// `VmHWM` of this process at the end of the run (inflated by every phase; see `memory`).
    pub process_peak_rss_mb: Option<f64>,
}

impl BenchReport {
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// Runs every measurement `options` asks for and returns the figures.
///
/// With `memory_only`, builds the largest size once and reports only `memory` (call it in a
/// fresh process). Otherwise: extraction throughput on the seeds repeated and on synthetic text
/// (needs `root/data/gazetteer.toml`), index build and scrub step per size, launch (needs the
/// seeds manifest `root/data/articles.toml` too). Without the data files, events are drawn from
/// made-up places and the figures that need the real gazetteer are left out.
pub fn run_all(options: &BenchOptions) -> BenchReport {
    let started = Instant::now();
    let (loaded, gazetteer_kind) = load_gazetteer(&options.root);
    let gazetteer_ms = ms(started.elapsed());
    let bundled = loaded.is_some();
    let gazetteer = Arc::new(
        loaded.unwrap_or_else(|| Gazetteer::from_places(synth::places(35_000, options.seed))),
    );
    let places: Places<'_> = gazetteer.places();
    let mut report = BenchReport {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        profile: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
        .to_owned(),
        threads: rayon::current_num_threads(),
        gazetteer: gazetteer_kind.to_owned(),
        gazetteer_places: places.len(),
        gazetteer_heap_mb: if bundled {
            gazetteer.heap_bytes() as f64 / (1024.0 * 1024.0)
        } else {
            0.0
        },
        extraction: Vec::new(),
        sizes: Vec::new(),
        launch: None,
        memory: None,
        process_peak_rss_mb: None,
    };

    if options.memory_only {
        let n = options.event_sizes.iter().copied().max().unwrap_or(0);
        let prose = seed_prose(&options.root.join("seeds"));
        report.memory = Some(memory_at(places, n, options.seed, &prose));
        report.process_peak_rss_mb = peak_rss_mb();
        return report;
    }

    if bundled {
        let g = &gazetteer;
        let seeds = seed_articles(&options.root.join("seeds"));
        let repeated = repeat_to(&seeds, options.extract_bytes);
        if !repeated.is_empty() {
            report.extraction.push(extraction(&repeated, g, "seeds"));
        }
        let n = (options.extract_bytes / 2400).max(1);
        let synthetic = synth::articles(places, n, 2400, options.seed);
        if !synthetic.is_empty() {
            report
                .extraction
                .push(extraction(&synthetic, g, "synthetic"));
        }
    }

    for &n in &options.event_sizes {
        report.sizes.push(size_figures(
            &gazetteer,
            n,
            options.scrub_steps,
            options.seed,
        ));
    }

    if bundled && options.root.join("data").join("articles.toml").is_file() {
        let t = Instant::now();
        let ds = Dataset::load_bundled(&options.root);
        let dataset_ms = ms(t.elapsed());
        let t = Instant::now();
        drop(std::hint::black_box(Gazetteer::load_bundled(
            &options.root.join("data"),
        )));
        report.launch = Some(LaunchFigures {
            dataset_ms,
            gazetteer_ms,
            gazetteer_uncached_ms: ms(t.elapsed()),
            articles: ds.articles.len(),
            events: ds.index.events.len(),
        });
    }
    report.process_peak_rss_mb = peak_rss_mb();
    report
}

/// Runs `command` (a `newsatlas bench --memory-only --events N`, or anything that prints a
/// [`BenchReport`] JSON line) and returns its memory figures: peak memory from a fresh process.
pub fn memory_in_fresh_process(command: &mut Command) -> Option<MemoryFigures> {
    let out = command.output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .rev()
        .find_map(|l| serde_json::from_str::<BenchReport>(l).ok())
        .and_then(|r| r.memory)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn load_gazetteer(root: &Path) -> (Option<Gazetteer>, &'static str) {
    let data = root.join("data");
    if data.join("gazetteer.toml").is_file() {
        // As the app loads it: through the index cache (built and written on the first run).
        let (g, _problems) = Gazetteer::load_cached(
            &data.join("gazetteer.toml"),
            Some(&crate::gazetteer::broad_layer_in(&data)),
            None,
            crate::gazetteer::default_cache_dir().as_deref(),
        );
        (Some(g), "bundled")
    } else {
        (None, "synthetic")
    }
}

/// The seed texts as articles, loaded as any folder of articles is (`Corpus::load_dir`).
pub fn seed_articles(seeds_dir: &Path) -> Vec<Article> {
    // The corpus loader's own header/body rules, so the text measured is the text the app extracts.
    crate::corpus::Corpus::load_dir(seeds_dir).0.articles
}

/// The seeds' bodies one after another: real prose for synthetic articles' texts
/// ([`synth::articles_for`]); empty when there are no seeds.
pub fn seed_prose(seeds_dir: &Path) -> String {
    seed_articles(seeds_dir)
        .iter()
        .map(|a| a.body.text().trim().to_owned())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `articles` cycled until their bodies add up to at least `bytes`.
pub fn repeat_to(articles: &[Article], bytes: usize) -> Vec<Article> {
    if articles.iter().all(|a| a.body.is_empty()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut total = 0;
    for a in articles.iter().cycle() {
        if total >= bytes {
            break;
        }
        total += a.body.len();
        out.push(a.clone());
    }
    out
}

fn extract_all(articles: &[Article], gazetteer: &Gazetteer) -> Vec<ArticleExtraction> {
    crate::extract::extract_corpus(articles, gazetteer)
}

/// Extraction throughput on `articles`, one thread (a one-thread rayon pool, same code path)
/// and all cores, plus each stage alone on one thread.
pub fn extraction(articles: &[Article], gazetteer: &Gazetteer, text: &str) -> ExtractionFigures {
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let time_in = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .ok();
        let run = || {
            let t = Instant::now();
            let xs = extract_all(articles, gazetteer);
            (
                t.elapsed(),
                xs.iter().map(|x| x.events.len()).sum::<usize>(),
            )
        };
        match pool {
            Some(p) => p.install(run),
            None => run(),
        }
    };
    // Warm up (page in the name index, fill allocator caches), then measure.
    let _ = time_in(1);
    let (one, events) = time_in(1);
    let all_threads = rayon::current_num_threads();
    let (all, _) = time_in(all_threads);
    let one_thread_mb_per_cpu_s = cpu_rate(articles, gazetteer, bytes);

    // The stages alone read plain texts (the extraction above unpacks each body first).
    let plain: Vec<(String, Option<NaiveDate>)> = articles
        .iter()
        .map(|a| (a.body.text().into_owned(), a.published))
        .collect();
    let stage = |f: &dyn Fn(&str, Option<NaiveDate>) -> usize| {
        let t = Instant::now();
        let n: usize = plain.iter().map(|(text, day)| f(text, *day)).sum();
        std::hint::black_box(n);
        bytes as f64 / 1e6 / t.elapsed().as_secs_f64().max(1e-9)
    };
    let places_mb_per_s = stage(&|text, _| places::find_places(text, gazetteer).len());
    let dates_mb_per_s = stage(&|text, day| dates::tag_dates(text, day).len());
    let sentences_mb_per_s = stage(&|text, _| sentences::split_sentences(text).len());
    // Packing each body as the loader does, and unpacking it as the extraction does.
    let mut bodies: Vec<Body> = plain
        .iter()
        .map(|(text, _)| Body::from(text.as_str()))
        .collect();
    let t = Instant::now();
    bodies.iter_mut().for_each(Body::pack);
    let pack_mb_per_s = bytes as f64 / 1e6 / t.elapsed().as_secs_f64().max(1e-9);
    let t = Instant::now();
    let n: usize = bodies.iter().map(|b| b.text().len()).sum();
    std::hint::black_box(n);
    let unpack_mb_per_s = bytes as f64 / 1e6 / t.elapsed().as_secs_f64().max(1e-9);
    let stored: usize = bodies.iter().map(Body::stored_bytes).sum();
    ExtractionFigures {
        text: text.to_owned(),
        bytes,
        articles: articles.len(),
        events,
        one_thread: Rate::of(1, one, bytes, articles.len()),
        one_thread_mb_per_cpu_s,
        all_cores: Rate::of(all_threads, all, bytes, articles.len()),
        places_mb_per_s,
        dates_mb_per_s,
        sentences_mb_per_s,
        pack_mb_per_s,
        unpack_mb_per_s,
        packed_ratio: bytes as f64 / stored.max(1) as f64,
    }
}

/// Extraction MB per second of CPU time of the one thread doing it, over repeated runs until
/// about a second of CPU time has been spent (the clock ticks in 10 ms steps).
fn cpu_rate(articles: &[Article], gazetteer: &Gazetteer, bytes: usize) -> Option<f64> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .ok()?;
    pool.install(|| {
        let before = thread_cpu_secs()?;
        let mut runs = 0usize;
        let mut spent = 0.0;
        while runs < 50 && spent < 1.0 {
            std::hint::black_box(extract_all(articles, gazetteer));
            runs += 1;
            spent = thread_cpu_secs()? - before;
        }
        (spent > 0.0).then(|| (bytes * runs) as f64 / 1e6 / spent)
    })
}

/// CPU time (user + system) of the calling thread in seconds, Linux only. Assumes the usual
/// 100 clock ticks a second (`getconf CLK_TCK`; reading it needs libc).
pub fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) close with ')'.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}

/// The app's model of a synthetic dataset: `s`'s events with articles made for them (bodies of
/// the right sizes), indexed as `index`, over `gazetteer`.
pub fn synthetic_model(gazetteer: Arc<Gazetteer>, s: SyntheticEvents, index: Index) -> Model {
    let articles = synth::articles_for(&s, "");
    let dataset = Dataset {
        articles: Arc::new(articles),
        gazetteer,
        extractions: Arc::new(s.extractions),
        index,
        problems: Vec::new(),
    };
    Model::new(dataset, 1)
}

/// What a scrub step works on: the app's model, its shared state and its derived-data cache,
/// and the font labels are measured with.
pub struct ScrubData {
    pub model: Model,
    state: AppState,
    derived: DerivedCache,
    /// `None` only if the bundled font failed to load (then labels measure nothing).
    text: Option<Text>,
    /// Label sizes by name, measured once: what egui's galley cache does for the map.
    label_sizes: std::collections::HashMap<String, (f32, f32)>,
}

impl ScrubData {
    pub fn new(model: Model) -> ScrubData {
        let range = model
            .dataset
            .index
            .timeline_range()
            .unwrap_or((synth::first_day(), synth::last_day()));
        ScrubData {
            model,
            state: AppState::new(range),
            derived: DerivedCache::default(),
            text: Text::new().ok(),
            label_sizes: std::collections::HashMap::new(),
        }
    }
}

/// What one scrub step produced (kept small; the caller only counts it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScrubOutput {
    /// Places with events in the viewport (before folding).
    pub visible_places: usize,
    pub active_places: usize,
    /// Markers left to draw once crowded ones fold.
    pub markers: usize,
    pub labels: usize,
    pub events_in_window: u32,
    /// The timeline histogram, about `HISTOGRAM_COLUMNS` bars over the timeline range.
    pub histogram: Vec<u32>,
}

/// Histogram columns a timeline strip draws.
pub const HISTOGRAM_COLUMNS: usize = 600;

/// One scrub step, as the app takes it: the state's cursor and window moved to `window` (intents
/// applied as the timeline's), the derived data updated (`DerivedCache`: the window counts walk
/// the events entering or leaving the window; the markers take their counts; the article list
/// follows), the markers in the viewport laid out by the map's pipeline (`markers_in_view`:
/// grid query, folding, label collision with labels measured in the bundled font) and the
/// timeline's histogram buckets.
pub fn scrub_step(data: &mut ScrubData, window: TimeWindow, viewport: &Viewport) -> ScrubOutput {
    let half = ((window.to - window.from) / 2).max(0);
    data.state
        .apply(Intent::SetHalfWindow(u32::try_from(half).unwrap_or(0)));
    data.state.apply(Intent::Seek(date_of(window.from + half)));
    let model = &data.model;
    let derived = data.derived.get(model, &data.state);
    let text = data.text.as_ref();
    let sizes = &mut data.label_sizes;
    let view = markers_in_view(model, derived, viewport, &[], |name| {
        if let Some(&size) = sizes.get(name) {
            return size;
        }
        let size = text.map_or((0.0, 0.0), |t| {
            (t.width(name, LABEL_FONT_PT), t.line_height(LABEL_FONT_PT))
        });
        sizes.insert(name.to_owned(), size);
        size
    });
    let index = &model.dataset.index;
    let days = index.per_day().len().div_ceil(HISTOGRAM_COLUMNS).max(1);
    let histogram = histogram_buckets(
        index.per_day(),
        index.per_day_publication(),
        days,
        derived.filter(),
    )
    .iter()
    .map(|b| b.text + b.publication)
    .collect();
    ScrubOutput {
        visible_places: view.places_in_view,
        active_places: view.active_in_view,
        markers: view.markers.len(),
        labels: view.markers.iter().filter(|m| m.label.is_some()).count(),
        events_in_window: view.events_in_view,
        histogram,
    }
}

/// Sums `per_day` into `columns` bins (a day falls in one bin).
pub fn histogram(per_day: &[u32], columns: usize) -> Vec<u32> {
    let mut bins = vec![0u32; columns.max(1)];
    if per_day.is_empty() {
        return bins;
    }
    let (n, m) = (per_day.len(), bins.len());
    for (d, &c) in per_day.iter().enumerate() {
        bins[d * m / n] += c;
    }
    bins
}

pub fn libya_viewport() -> Viewport {
    Viewport {
        center: crate::coord::LatLon::new(29.5, 17.0),
        zoom: 6.0,
        width_px: 1200.0,
        height_px: 700.0,
    }
}

pub fn wide_viewport() -> Viewport {
    Viewport {
        center: crate::coord::LatLon::new(30.0, 15.0),
        zoom: 3.0,
        width_px: 1200.0,
        height_px: 700.0,
    }
}

/// The windows a sweep visits: a 15-day window whose cursor moves across the timeline range.
pub fn sweep_windows(index: &Index, steps: usize) -> Vec<TimeWindow> {
    let Some((a, b)) = index.timeline_range() else {
        return Vec::new();
    };
    let (a, b): (DayNum, DayNum) = (crate::index::day_num(a), crate::index::day_num(b));
    (0..steps)
        .map(|i| {
            let cursor = a + ((b - a) as usize * i / steps.max(1)) as DayNum;
            TimeWindow::new(date_of(cursor - 7), date_of(cursor + 7))
        })
        .collect()
}

/// The windows of `sweep_windows` in a shuffled order: every step a jump.
pub fn jump_windows(index: &Index, steps: usize, seed: u64) -> Vec<TimeWindow> {
    let mut windows = sweep_windows(index, steps);
    let mut rng = synth::SplitMix64::new(seed);
    for i in (1..windows.len()).rev() {
        windows.swap(i, rng.below(i + 1));
    }
    windows
}

fn scrub_figures(
    data: &mut ScrubData,
    windows: &[TimeWindow],
    viewport: &Viewport,
) -> ScrubFigures {
    let mut times = Vec::with_capacity(windows.len());
    let (mut visible, mut active, mut labels, mut markers) = (0usize, 0usize, 0usize, 0usize);
    // One untimed step first, so first-touch page faults are not a step.
    if let Some(&w) = windows.first() {
        std::hint::black_box(scrub_step(data, w, viewport));
    }
    for &w in windows {
        let t = Instant::now();
        let out = std::hint::black_box(scrub_step(data, w, viewport));
        times.push(ms(t.elapsed()));
        visible += out.visible_places;
        active += out.active_places;
        labels += out.labels;
        markers += out.markers;
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let n = windows.len().max(1) as f64;
    ScrubFigures {
        steps: windows.len(),
        median_ms: at(0.5),
        p95_ms: at(0.95),
        max_ms: at(1.0),
        visible_places: visible as f64 / n,
        active_places: active as f64 / n,
        labels: labels as f64 / n,
        markers: markers as f64 / n,
    }
}

fn size_figures(gazetteer: &Arc<Gazetteer>, n: usize, steps: usize, seed: u64) -> SizeFigures {
    let t = Instant::now();
    let s = synth::events(gazetteer.places(), n, seed);
    let synth_ms = ms(t.elapsed());
    let t = Instant::now();
    let index = Index::build(&s.extractions, &s.published);
    let index_build_ms = ms(t.elapsed());
    let (events, articles) = (index.events.len(), s.extractions.len());
    let places_with_events = index.places().len();
    let windows = sweep_windows(&index, steps);
    let jumps = jump_windows(&index, steps, seed);
    let t = Instant::now();
    let model = synthetic_model(Arc::clone(gazetteer), s, index);
    let grid_build_ms = ms(t.elapsed());
    let mut data = ScrubData::new(model);
    SizeFigures {
        events,
        articles,
        places_with_events,
        synth_ms,
        index_build_ms,
        grid_build_ms,
        scrub_libya: scrub_figures(&mut data, &windows, &libya_viewport()),
        scrub_wide: scrub_figures(&mut data, &windows, &wide_viewport()),
        scrub_wide_jumps: Some(scrub_figures(&mut data, &jumps, &wide_viewport())),
    }
}

/// The place grid the app's model builds, for the memory figures.
fn place_grid(index: &Index, places: Places<'_>) -> PlaceGrid {
    PlaceGrid::build(
        index
            .places()
            .iter()
            .filter_map(|agg| Some((agg.place, places.coord_at(agg.place.0 as usize)?))),
    )
}

/// Builds what the app holds for `n` events (extractions, index, place grid) and reports memory;
/// the articles' texts are cut from `prose` and packed as the loader packs them.
pub fn memory_at(places: Places<'_>, n: usize, seed: u64, prose: &str) -> MemoryFigures {
    let baseline_rss_mb = peak_rss_mb();
    let s = synth::events(places, n, seed);
    let index = Index::build(&s.extractions, &s.published);
    let data = place_grid(&index, places);
    std::hint::black_box(&data);
    let peak = peak_rss_mb();
    let rss_mb = rss_mb();
    let events = index.events.len();
    drop(data);
    drop(index);
    // In the app's order: the texts are read before the index is built, so the index build's
    // temporary vectors come on top of the texts.
    let articles = synth::articles_for(&s, prose);
    let index = Index::build(&s.extractions, &s.published);
    let data = place_grid(&index, places);
    std::hint::black_box(&data);
    let figures = MemoryFigures {
        events,
        peak_rss_mb: peak,
        rss_mb,
        baseline_rss_mb,
        peak_rss_with_texts_mb: peak_rss_mb(),
        text_bytes: articles.iter().map(|a| a.body.len()).sum(),
        stored_text_bytes: articles.iter().map(|a| a.body.stored_bytes()).sum(),
    };
    drop(articles);
    drop(data);
    drop(index);
    drop(s);
    figures
}

/// Resident set size of this process in MB (`VmRSS`), Linux only.
pub fn rss_mb() -> Option<f64> {
    status_kb("VmRSS:").map(|kb| kb as f64 / 1024.0)
}

/// Peak resident set size of this process in MB (`VmHWM`), Linux only.
pub fn peak_rss_mb() -> Option<f64> {
    status_kb("VmHWM:").map(|kb| kb as f64 / 1024.0)
}

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> BenchOptions {
        BenchOptions {
            event_sizes: vec![2_000],
            extract_bytes: 20_000,
            scrub_steps: 5,
            ..BenchOptions::default()
        }
    }

    #[test]
    fn a_tiny_run_reports_every_figure_it_can_and_prints_one_json_line() {
        let report = run_all(&tiny());
        assert_eq!(report.sizes.len(), 1);
        let size = &report.sizes[0];
        assert_eq!(size.events, 2_000);
        assert_eq!(size.scrub_libya.steps, 5);
        assert!(size.places_with_events > 0);
        assert!(size.scrub_wide.visible_places >= size.scrub_libya.visible_places);
        if report.gazetteer == "bundled" {
            assert_eq!(report.extraction.len(), 2);
            assert!(report.extraction.iter().all(|x| x.events > 0));
            assert!(
                report.gazetteer_heap_mb > 1.0,
                "{}",
                report.gazetteer_heap_mb
            );
            assert!(report.launch.as_ref().is_some_and(|l| l.gazetteer_ms > 0.0));
        }
        let line = report.to_json_line();
        assert!(!line.contains('\n'));
        let back: BenchReport = serde_json::from_str(&line).expect("round trip");
        assert_eq!(back.sizes[0].events, 2_000);
        assert_eq!(back.gazetteer, report.gazetteer);
    }

    #[test]
    fn memory_only_builds_only_the_largest_size() {
        let report = run_all(&BenchOptions {
            memory_only: true,
            event_sizes: vec![500, 3_000],
            ..tiny()
        });
        assert!(report.sizes.is_empty() && report.extraction.is_empty());
        let memory = report.memory.expect("memory figures");
        assert_eq!(memory.events, 3_000);
        if cfg!(target_os = "linux") {
            assert!(memory.peak_rss_mb.is_some_and(|m| m > 0.0));
        }
    }

    #[test]
    fn a_scrub_step_counts_what_a_scan_counts() {
        let places = synth::places(500, 1);
        let s = synth::events(&places, 5_000, 2);
        let index = Index::build(&s.extractions, &s.published);
        let expected = synth::events(&places, 5_000, 2);
        let gazetteer = Arc::new(Gazetteer::from_places(places));
        let mut data = ScrubData::new(synthetic_model(gazetteer, expected, index));
        let index = &data.model.dataset.index;
        let (windows, jumps) = (sweep_windows(index, 7), jump_windows(index, 7, 3));
        let (all_places, per_day_sum) = (index.places().len(), index.per_day().iter().sum::<u32>());
        // A viewport that sees everything: the whole world at zoom 0.
        let world = Viewport {
            center: crate::coord::LatLon::new(0.0, 0.0),
            zoom: 0.0,
            width_px: 256.0,
            height_px: 256.0,
        };
        for w in windows.into_iter().chain(jumps) {
            let out = scrub_step(&mut data, w, &world);
            let scanned = s
                .extractions
                .iter()
                .flat_map(|x| &x.events)
                .filter(|e| {
                    e.when.is_some_and(|x| {
                        w.contains_interval(
                            crate::index::day_num(x.from),
                            crate::index::day_num(x.to),
                        )
                    })
                })
                .count();
            assert_eq!(out.events_in_window as usize, scanned);
            assert_eq!(out.visible_places, all_places);
            assert_eq!(out.histogram.iter().sum::<u32>(), per_day_sum);
        }
    }

    #[test]
    fn seeds_repeat_up_to_the_asked_size() {
        let seeds = seed_articles(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
        assert_eq!(seeds.len(), 5);
        // Seeds with a `date` header line get it as their publication date (others have bylines
        // and datelines, which only the corpus loader reads).
        assert!(seeds.iter().filter(|a| a.published.is_some()).count() >= 2);
        assert!(seeds.iter().all(|a| !a.body.text().starts_with("date")));
        let xs = repeat_to(&seeds, 50_000);
        let total: usize = xs.iter().map(|a| a.body.len()).sum();
        assert!((50_000..53_000).contains(&total), "{total}");
        assert!(repeat_to(&[], 10).is_empty());
    }
}
