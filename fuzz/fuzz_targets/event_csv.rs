#![no_main]
//! cargo fuzz run event_csv: see newsatlas::fuzzing::event_csv.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::event_csv(data));
