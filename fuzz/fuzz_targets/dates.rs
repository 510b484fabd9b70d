#![no_main]
//! cargo fuzz run dates: see newsatlas::tools::fuzzing::dates.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::tools::fuzzing::dates(data));
