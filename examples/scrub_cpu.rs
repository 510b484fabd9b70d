//! The zoomed-out scrub step at 1M events timed in CPU time of this thread, for a loaded
//! machine where wall-clock medians measure preemption:
//! `cargo run --release --no-default-features --features bench --example scrub_cpu -- 5` (passes; pin it with
//! `taskset -c 1`; a second argument `sweep` or `jumps` runs that one alone, for a profiler).
//! Prints CPU milliseconds per step for the sweep and the jumps of `newsatlas bench`, the range
//! of the passes' wall-clock medians, and a checksum of what the steps drew (equal before and
//! after a change that keeps the output).

use std::sync::Arc;
use std::time::Instant;

use newsatlas::Index;
use newsatlas::gazetteer::Gazetteer;
use newsatlas::perf::{
    ScrubData, jump_windows, scrub_step, sweep_windows, synthetic_model, thread_cpu_secs,
    wide_viewport,
};

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (gazetteer, _) = Gazetteer::load_bundled(&root.join("data"));
    let gazetteer = Arc::new(gazetteer);
    let s = newsatlas::synth::events(gazetteer.places(), 1_000_000, 1);
    let index = Index::build(&s.extractions, &s.published);
    let sweep = sweep_windows(&index, 200);
    let jumps = jump_windows(&index, 200, 1);
    let mut data = ScrubData::new(synthetic_model(Arc::clone(&gazetteer), s, index));
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5)
        .max(1);
    let only = std::env::args().nth(2);
    let viewport = wide_viewport();
    for (name, windows) in [("sweep", &sweep), ("jumps", &jumps)] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut medians = Vec::new();
        let mut checksum = 0usize;
        let cpu_before = thread_cpu_secs().unwrap_or(0.0);
        for _ in 0..passes {
            let mut times = Vec::with_capacity(windows.len());
            for &w in windows {
                let t = Instant::now();
                let out = scrub_step(&mut data, w, &viewport);
                times.push(t.elapsed().as_secs_f64() * 1e3);
                checksum += out.markers + out.labels + out.visible_places + out.active_places;
                checksum += out.events_in_window as usize;
            }
            times.sort_by(f64::total_cmp);
            medians.extend(times.get(times.len() / 2).copied());
        }
        let cpu_ms = (thread_cpu_secs().unwrap_or(0.0) - cpu_before) * 1e3;
        medians.sort_by(f64::total_cmp);
        println!(
            "{name}: {:.2} CPU ms a step; wall-clock medians {:.2}-{:.2} ms; checksum {checksum}",
            cpu_ms / (passes * windows.len()).max(1) as f64,
            medians.first().copied().unwrap_or(0.0),
            medians.last().copied().unwrap_or(0.0),
        );
    }
}
