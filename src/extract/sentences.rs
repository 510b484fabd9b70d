//! Sentence segmentation that survives abbreviations ("U.S.", "Gen.", "F.1").
//!
//! INTERFACE DRAFT.

use std::ops::Range;

/// Byte ranges of the sentences of `text`, in order, covering every non-blank character once.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let _ = text;
    todo!("dates helper")
}
