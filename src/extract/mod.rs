//! Extraction: a pure function of (article text, publication date, gazetteer) to mentions and
//! events. No I/O, no globals, no GUI.

pub mod dates;
pub mod places;
pub mod sentences;
