//! Seconds and peak memory for the app's reader (`session::events_file`, what `newsatlas --events`
//! and File > Open run) to open a `GeoParquet` events file or folder into a dataset with its index:
//! `cargo run --release --no-default-features --example open_events -- PATH`. Run it in a fresh
//! process per file (the peak is the process's: `VmHWM` of /proc/self/status, Linux only).
//! `scripts/make_geoparquet_events.py` writes synthetic files of any size.

use std::path::PathBuf;
use std::time::Instant;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: open_events PATH (a GeoParquet events file or a folder of them)");
        return std::process::ExitCode::from(2);
    };
    let start = Instant::now();
    let dataset = match newsatlas::load_events(&path, &|_| {}, &|| false) {
        Ok(dataset) => dataset,
        Err(message) => {
            eprintln!("{}: {message}", path.display());
            return std::process::ExitCode::from(2);
        }
    };
    let seconds = start.elapsed().as_secs_f64();
    let events: usize = dataset.extractions.iter().map(|x| x.events.len()).sum();
    println!(
        "{}: {events} events, {} articles, {} places, {} problems: {seconds:.2} s, peak RSS {} MiB",
        path.display(),
        dataset.articles.len(),
        dataset.gazetteer.places().len(),
        dataset.problems.len(),
        peak_rss_mib().map_or_else(|| "?".to_owned(), |m| format!("{m:.0}")),
    );
    std::process::ExitCode::SUCCESS
}
