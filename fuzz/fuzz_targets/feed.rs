#![no_main]
//! cargo fuzz run feed: see newsatlas::fuzzing::feed.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsatlas::fuzzing::feed(data));
