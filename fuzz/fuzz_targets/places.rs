#![no_main]
//! cargo fuzz run places: see newsatlas::tools::fuzzing::places.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::tools::fuzzing::places(data));
