#![no_main]
//! cargo fuzz run places: see newsatlas::fuzzing::places.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::places(data));
