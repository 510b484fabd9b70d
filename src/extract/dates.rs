//! Dates in text: a temporal tagger that resolves expressions against the publication date.
//!
//! INTERFACE DRAFT.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    /// Any other interval: "the past two weeks", "early April", "April 4-6".
    Span,
}

/// A closed interval of days, `from <= to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Interval {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub granularity: Granularity,
}

/// One date expression: `text[start..end]` means `interval`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub interval: Interval,
}

/// Finds date expressions in `text`, sorted by `start`, non-overlapping. Expressions that need an
/// anchor ("on Tuesday", "April 4") are skipped when `published` is `None`.
pub fn tag_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let _ = (text, published);
    todo!("dates helper")
}
