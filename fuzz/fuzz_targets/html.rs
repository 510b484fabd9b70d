#![no_main]
//! cargo fuzz run html: see newsatlas::fuzzing::html.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::html(data));
