//! A whole headless UI frame at 1M events, and launch to first frame with the seeds, through
//! `egui_kittest` (an egui `Context` run without a GPU, as egui's own benchmark does; kittest
//! adds the AccessKit tree, so these are upper bounds of `ctx.run`).
//!
//! `cargo bench --bench frame` (needs the `gui` feature, the UI and `data/`).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use newsatlas::Dataset;
use newsatlas::Index;
use newsatlas::gazetteer::Gazetteer;
use newsatlas::gui::NewsAtlasApp;
use newsatlas::synth;

/// `n` events with texts cut from `prose`, packed as the loader packs them.
fn synthetic_dataset(gazetteer: Gazetteer, n: usize, prose: &str) -> Dataset {
    let s = synth::events(gazetteer.places(), n, synth::DEFAULT_SEED);
    let articles = synth::articles_for(&s, prose);
    let index = Index::build(&s.extractions, &s.published);
    Dataset {
        articles: Arc::new(articles),
        gazetteer: Arc::new(gazetteer),
        extractions: Arc::new(s.extractions),
        index,
        problems: Vec::new(),
    }
}

fn frame(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("data").join("gazetteer.toml").is_file() {
        eprintln!("frame bench: no data/gazetteer.toml yet, nothing to measure");
        return;
    }

    // Launch to first frame, seeds: load the dataset, build the app, run one frame.
    let t = Instant::now();
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(|cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, Dataset::load_bundled(root)));
    harness.step();
    eprintln!(
        "launch to first frame (seeds, in process): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    drop(harness);

    let (gazetteer, _) = Gazetteer::load_bundled(&root.join("data"));
    let t = Instant::now();
    let prose = newsatlas::perf::seed_prose(&root.join("seeds"));
    let dataset = synthetic_dataset(gazetteer, 1_000_000, &prose);
    eprintln!(
        "1M-event dataset made in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mb = |v: Option<f64>| v.map_or_else(|| "?".to_owned(), |v| format!("{v:.0} MB"));
    eprintln!(
        "memory with the 1M dataset: resident {}, peak {}",
        mb(newsatlas::perf::rss_mb()),
        mb(newsatlas::perf::peak_rss_mb())
    );
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset));
    let t = Instant::now();
    harness.step();
    eprintln!(
        "first frame at 1M events: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    for _ in 0..5 {
        harness.step();
    }
    // The fitted view of this corpus is zoomed out over the world (zoom ~2.7): every place with
    // events is in view, the worst case for the map.
    eprintln!(
        "fitted view: zoom {:.1}, {} places with events",
        harness.state().map_view().zoom(),
        harness.state().derived().map_or(0, |d| d.markers.len())
    );

    // The app's own additions (model, derived data, egui) on top of the dataset.
    eprintln!(
        "memory after the first frames: resident {}, peak {}",
        mb(newsatlas::perf::rss_mb()),
        mb(newsatlas::perf::peak_rss_mb())
    );
    let mut group = c.benchmark_group("frame_1m");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    // Nothing changes between frames: the derived data stays cached (the steady state).
    group.bench_function("idle", |b| {
        b.iter(|| {
            harness.step();
            black_box(harness.state().derived().is_some())
        });
    });
    // Every frame a new window: the scrub path (derived data rebuilt each frame).
    group.bench_function("scrubbing", |b| {
        b.iter(|| {
            harness.key_press(egui::Key::ArrowRight);
            harness.step();
            black_box(harness.state().derived().is_some())
        });
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
