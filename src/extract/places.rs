//! Places in text: every gazetteer name found by one automaton pass, then disambiguated.
//!
//! INTERFACE DRAFT.

use serde::Serialize;

use crate::gazetteer::{Gazetteer, PlaceIdx};

/// One mention of a place: `text[start..end]` names `place`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub place: PlaceIdx,
    /// 0..=1: how sure the matcher is that this surface means this place.
    pub confidence: f32,
}

/// Finds the place mentions in `text`, sorted by `start`, non-overlapping.
pub fn find_places(text: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    let _ = (text, gazetteer);
    todo!("gazetteer helper")
}

/// A capitalised name that looks like a place but is not in the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownName {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Capitalised names that look like places ("in Wadi Rabii", "the town of X") and match nothing.
pub fn unknown_place_names(text: &str, gazetteer: &Gazetteer) -> Vec<UnknownName> {
    let _ = (text, gazetteer);
    todo!("gazetteer helper")
}
