//! The pipeline layer: reading articles (`corpus`), the places they can name (`gazetteer`) and the
//! pure extraction of places, dates and events from them (`extract`). Re-exported at the crate
//! root, so they are `crate::corpus`, `crate::gazetteer` and `crate::extract` everywhere.

pub mod corpus;
pub mod extract;
pub mod gazetteer;
