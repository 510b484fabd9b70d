#![no_main]
//! cargo fuzz run csv_import: see newsatlas::fuzzing::csv_import.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::csv_import(data));
