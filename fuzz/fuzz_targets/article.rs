#![no_main]
//! cargo fuzz run article: see newsatlas::fuzzing::article.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::article(data));
