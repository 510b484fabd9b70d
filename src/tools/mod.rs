//! Tools around the app, not part of it: the benchmark (`perf`), synthetic data for it and for
//! the tests (`synth`) and the fuzz harnesses (`fuzzing`).

pub mod fuzzing;
pub mod perf;
pub mod synth;
