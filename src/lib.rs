//! newsatlas: turn news articles into places and times you can explore on a map and a timeline.
//!
//! The crate is a GUI-free core (everything but `ui`) and a thin GUI shell behind the default
//! `gui` feature. Data flows one way: `corpus` -> `extract` (pure) -> `index` -> `ui`/`export`.
#![deny(clippy::unwrap_used)]

pub mod atomic;
pub mod basemap;
pub mod cli;
pub mod coord;
pub mod index;
pub mod outputs;
mod pipeline;
pub mod problem;
pub mod session;
pub mod tools;

#[cfg(feature = "gui")]
pub mod ui;

pub use pipeline::{corpus, extract, gazetteer};
