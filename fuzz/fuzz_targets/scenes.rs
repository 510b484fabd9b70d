#![no_main]
//! cargo fuzz run scenes: see newsatlas::tools::fuzzing::scenes.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::tools::fuzzing::scenes(data));
