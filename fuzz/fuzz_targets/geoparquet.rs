#![no_main]
//! cargo fuzz run geoparquet: see newsatlas::fuzzing::geoparquet.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::geoparquet(data));
