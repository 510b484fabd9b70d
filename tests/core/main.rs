//! The GUI-free core from the outside: the binary, the corpus loader, the date tagger against
//! the annotations, the bad-input corpus and the fuzzers' findings. One test binary, so it links
//! once.

mod bad_inputs;
mod cli;
mod corpus;
mod dates_recall;
mod formats;
#[cfg(feature = "fuzzing")]
mod fuzz_regressions;
mod new_user;
