#![no_main]
//! cargo fuzz run scenes: see newsatlas::fuzzing::scenes.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::scenes(data));
