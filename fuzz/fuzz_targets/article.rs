#![no_main]
//! cargo fuzz run article: see newsatlas::tools::fuzzing::article.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::tools::fuzzing::article(data));
