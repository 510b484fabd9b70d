//! The `newsatlas bench` figures as one JSON line, until the CLI runs them itself:
//!
//! ```text
//! cargo bench --no-default-features --bench report                        # everything
//! cargo bench --no-default-features --bench report -- --events 1000000    # one size
//! cargo bench --no-default-features --bench report -- --memory-only --events 1000000
//! ```
//! `--memory-only` measures peak memory in this fresh process and nothing else.

use newsatlas::perf::{BenchOptions, run_all};

fn main() {
    let mut options = BenchOptions::default();
    let mut args = std::env::args().skip(1);
    let mut sizes = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--memory-only" => options.memory_only = true,
            "--events" => {
                if let Some(n) = args.next().and_then(|v| v.parse().ok()) {
                    sizes.push(n);
                }
            }
            "--extract-bytes" => {
                if let Some(n) = args.next().and_then(|v| v.parse().ok()) {
                    options.extract_bytes = n;
                }
            }
            // cargo bench passes `--bench`; anything else is ignored too.
            _ => {}
        }
    }
    if !sizes.is_empty() {
        options.event_sizes = sizes;
    }
    println!("{}", run_all(&options).to_json_line());
}
