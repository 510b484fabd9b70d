//! Where extraction's CPU time goes on a folder of texts: each stage alone, one thread, in CPU
//! seconds of the thread. `cargo run --release --no-default-features --features bench --example
//! stages_cpu -- DIR [PASSES] [STAGE]`; with STAGE (`all`, `places`, `hits`, `dates`,
//! `sentences`) only that stage runs, for a profiler.

use std::path::Path;

use newsatlas::extract::{ArticleIdx, Source, dates, extract_article, places, sentences};
use newsatlas::gazetteer::Gazetteer;
use newsatlas::perf::{seed_articles, thread_cpu_secs};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map_or("seeds", String::as_str);
    let passes: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let only = args.get(3).map(String::as_str);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    let (g, _) = Gazetteer::load_cached(
        &data.join("gazetteer.toml"),
        Some(&newsatlas::gazetteer::broad_layer_in(&data)),
        None,
        newsatlas::gazetteer::default_cache_dir().as_deref(),
    );
    let mut articles = seed_articles(Path::new(dir));
    // Plain texts, as the extraction reads them once the loader's packed body is unpacked: the
    // stages alone, without the unpacking.
    for a in &mut articles {
        a.body = a.body.text().into_owned().into();
    }
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let hits: usize = articles
        .iter()
        .map(|a| g.capitalised_name_hits(&a.body.text()).len())
        .sum();
    let targets: usize = articles
        .iter()
        .map(|a| {
            g.capitalised_name_hits(&a.body.text())
                .iter()
                .map(|h| h.targets().count())
                .sum::<usize>()
        })
        .sum();
    println!(
        "{} articles, {} bytes, {} hits, {} targets",
        articles.len(),
        bytes,
        hits,
        targets
    );
    let time = |name: &str, f: &dyn Fn() -> usize| {
        if only.is_some_and(|o| o != name) {
            return;
        }
        let _ = f();
        let t = thread_cpu_secs().unwrap_or(0.0);
        let mut n = 0;
        for _ in 0..passes {
            n += std::hint::black_box(f());
        }
        let s = thread_cpu_secs().unwrap_or(0.0) - t;
        println!(
            "{name:>10}: {:7.1} ms/pass {:6.1} MB/s ({n})",
            s * 1e3 / passes as f64,
            (bytes * passes) as f64 / 1e6 / s
        );
    };
    time("all", &|| {
        articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                extract_article(
                    ArticleIdx(i as u32),
                    &a.body.text(),
                    a.published,
                    Source::of(a),
                    &g,
                )
                .events
                .len()
            })
            .sum()
    });
    time("places", &|| {
        articles
            .iter()
            .map(|a| places::find_places(&a.body.text(), &g).len())
            .sum()
    });
    time("hits", &|| {
        articles
            .iter()
            .map(|a| g.capitalised_name_hits(&a.body.text()).len())
            .sum()
    });
    time("dates", &|| {
        articles
            .iter()
            .map(|a| dates::tag_dates(&a.body.text(), a.published).len())
            .sum()
    });
    time("sentences", &|| {
        articles
            .iter()
            .map(|a| sentences::split_sentences(&a.body.text()).len())
            .sum()
    });
}
