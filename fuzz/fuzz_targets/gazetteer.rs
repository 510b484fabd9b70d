#![no_main]
//! cargo fuzz run gazetteer: see newsatlas::tools::fuzzing::gazetteer.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::tools::fuzzing::gazetteer(data));
