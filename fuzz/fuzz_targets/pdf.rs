#![no_main]
//! cargo fuzz run pdf: see newsatlas::fuzzing::pdf.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::pdf(data));
