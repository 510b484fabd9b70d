//! Extraction throughput (places + dates + sentences + events) on real text, the five seeds
//! repeated to ~1 MB, and on synthetic articles; one thread and all cores (rayon).
//!
//! `cargo bench --no-default-features --bench extract`. Needs the bundled gazetteer
//! (`data/gazetteer.toml`); without it the bench says so and measures nothing.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsatlas::corpus::Article;
use newsatlas::extract::{dates, extract_corpus, places, sentences};
use newsatlas::gazetteer::Gazetteer;
use newsatlas::perf::{repeat_to, seed_articles};
use newsatlas::synth;

const BYTES: usize = 1_000_000;

fn bench_texts(c: &mut Criterion, name: &str, articles: &[Article], gazetteer: &Gazetteer) {
    let bytes: u64 = articles.iter().map(|a| a.body.len() as u64).sum();
    let mut group = c.benchmark_group(format!("extract_{name}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    group.throughput(Throughput::Bytes(bytes));
    let all = rayon::current_num_threads();
    for threads in [1, all] {
        let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() else {
            continue;
        };
        group.bench_function(format!("{threads}_threads"), |b| {
            b.iter(|| pool.install(|| extract_corpus(black_box(articles), gazetteer)));
        });
    }
    // Each stage alone, one thread: where the time goes (on plain texts: the loader's bodies
    // are packed, and the whole extraction above unpacks each first, as the app does).
    let articles: Vec<Article> = articles
        .iter()
        .map(|a| Article {
            body: a.body.text().into_owned().into(),
            ..a.clone()
        })
        .collect();
    group.bench_function("places_only", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| places::find_places(&a.body.text(), gazetteer).len())
                .sum::<usize>()
        });
    });
    group.bench_function("dates_only", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| dates::tag_dates(&a.body.text(), a.published).len())
                .sum::<usize>()
        });
    });
    group.bench_function("sentences_only", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| sentences::split_sentences(&a.body.text()).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

fn extract(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    if !data.join("gazetteer.toml").is_file() {
        eprintln!("extract bench: no data/gazetteer.toml yet, nothing to measure");
        return;
    }
    let (gazetteer, _) = Gazetteer::load_bundled(&data);
    let seeds = repeat_to(&seed_articles(&root.join("seeds")), BYTES);
    bench_texts(c, "seeds", &seeds, &gazetteer);
    let synthetic = synth::articles(gazetteer.places(), BYTES / 2400, 2400, synth::DEFAULT_SEED);
    bench_texts(c, "synthetic", &synthetic, &gazetteer);
}

criterion_group!(benches, extract);
criterion_main!(benches);
