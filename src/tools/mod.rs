//! Tools around the app, not part of it: the benchmark (`perf`), synthetic data for it and for
//! the tests (`synth`) and the fuzz harnesses (`fuzzing`).

//!
//! Each is behind a cargo feature: `bench` (in the default features) for `perf` and `synth`,
//! `fuzzing` for `fuzzing`. The library's own unit tests use `perf` and `synth` as fixtures, so
//! they are compiled for `cargo test` without the feature too.

#[cfg(feature = "fuzzing")]
pub mod fuzzing;
#[cfg(any(test, feature = "bench"))]
#[cfg_attr(not(feature = "bench"), allow(dead_code))]
pub mod perf;
#[cfg(any(test, feature = "bench"))]
#[cfg_attr(not(feature = "bench"), allow(dead_code))]
pub mod synth;
