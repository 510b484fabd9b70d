#![no_main]
//! cargo fuzz run dates: see newsatlas::fuzzing::dates.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::dates(data));
