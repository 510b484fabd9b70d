//! Index build and the scrub step at 10k, 100k and 1M synthetic events.
//!
//! `cargo bench --no-default-features --bench index`. Places come from the bundled gazetteer
//! when `data/` has it, else from made-up places. The 1M cases take a few seconds each.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use newsatlas::Index;
use newsatlas::gazetteer::Gazetteer;
use newsatlas::perf::{
    ScrubData, jump_windows, libya_viewport, scrub_step, sweep_windows, synthetic_model,
    wide_viewport,
};
use newsatlas::synth;

fn gazetteer() -> Gazetteer {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    if data.join("gazetteer.toml").is_file() {
        Gazetteer::load_bundled(&data).0
    } else {
        Gazetteer::from_places(synth::places(35_000, synth::DEFAULT_SEED))
    }
}

fn index(c: &mut Criterion) {
    let gazetteer = std::sync::Arc::new(gazetteer());
    let places = gazetteer.places();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    for n in synth::EVENT_SIZES {
        let s = synth::events(places, n, synth::DEFAULT_SEED);
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 12 } else { 4 }));
        group.throughput(criterion::Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("build", n), &s, |b, s| {
            b.iter(|| Index::build(black_box(&s.extractions), black_box(&s.published)));
        });

        let index = Index::build(&s.extractions, &s.published);
        let windows = sweep_windows(&index, 64);
        let jumps = jump_windows(&index, 64, synth::DEFAULT_SEED);
        // The app's model and scrub: state, derived data, the one marker pipeline.
        let mut data = ScrubData::new(synthetic_model(std::sync::Arc::clone(&gazetteer), s, index));
        for (name, viewport, windows) in [
            ("scrub_libya", libya_viewport(), &windows),
            ("scrub_wide", wide_viewport(), &windows),
            ("scrub_wide_jumps", wide_viewport(), &jumps),
        ] {
            group.measurement_time(Duration::from_secs(3));
            group.throughput(criterion::Throughput::Elements(1));
            let mut i = 0;
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| {
                    i = (i + 1) % windows.len();
                    black_box(scrub_step(&mut data, windows[i], &viewport))
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, index);
criterion_main!(benches);
