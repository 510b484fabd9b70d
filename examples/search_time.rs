//! The app's text search at 1M events (the loop of `Model::articles_matching`: title, then the
//! text, case-insensitive, on every core), over the frame bench's synthetic dataset, with the
//! texts packed as the loader packs them, or with `plain` unpacked first as they were before.
//! `cargo run --release --no-default-features --features bench --example search_time [plain]`

use std::path::Path;
use std::time::Instant;

use newsatlas::gazetteer::Gazetteer;
use newsatlas::synth;
use rayon::prelude::*;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (g, _) = Gazetteer::load_bundled(&root.join("data"));
    let s = synth::events(g.places(), 1_000_000, synth::DEFAULT_SEED);
    let prose = newsatlas::perf::seed_prose(&root.join("seeds"));
    let mut articles = synth::articles_for(&s, &prose);
    let plain = std::env::args().nth(1).as_deref() == Some("plain");
    if plain {
        for a in &mut articles {
            a.body = a.body.text().into_owned().into();
        }
    }
    println!(
        "{} articles, texts {}",
        articles.len(),
        if plain { "plain" } else { "packed" }
    );
    for query in ["tripoli", "Haftar", "zzzz"] {
        let Ok(re) = regex::RegexBuilder::new(&regex::escape(query))
            .case_insensitive(true)
            .build()
        else {
            continue;
        };
        let t = Instant::now();
        let matches: Vec<bool> = articles
            .par_iter()
            .map(|a| re.is_match(&a.title) || re.is_match(&a.body.text()))
            .collect();
        println!(
            "{query}: {} articles in {:.1} ms",
            matches.iter().filter(|&&m| m).count(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
