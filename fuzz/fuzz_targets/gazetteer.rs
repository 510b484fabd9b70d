#![no_main]
//! cargo fuzz run gazetteer: see newsatlas::fuzzing::gazetteer.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::gazetteer(data));
