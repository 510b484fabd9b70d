#![no_main]
//! cargo fuzz run export: see newsatlas::fuzzing::export.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::export(data));
