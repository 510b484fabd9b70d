//! The session: what the app holds between frames, with no GUI in it.
//!
//! - `dataset`: the articles, the gazetteer, their extractions and the index, built together.
//! - `state`: the shared state and the intents that change it; `command`: the one command type
//!   every change arrives as.
//! - `derived`, `timeline`: what is derived from the dataset and the state.
//! - `layout`, `markers`: the marker layout and the one marker pipeline the map, a rendered slide
//!   and the benchmark share; `spread`: markers at one spot fanned out on a click.
//! - `rebuild`: loading with the user's own data and rebuilding after a change; `edits`: the
//!   user's edits saved before a rebuild; `userdata`: the user's files themselves.
//! - `scenes`: the scenes file, stepping and transitions; `scene`: a saved scene as state.
//! - `events_file`: events opened from `GeoParquet` (`--events`, File > Open) as a dataset.
//! - `recorded`: an event dataset (ACLED, GDELT) opened as a layer beside the articles.
//! - `job`: the one background job type (progress, cancellation, a caught panic reported).
//! - `fetch` (feature `online`, on with the app): a page or a feed fetched by its address, only
//!   when the user allowed going online, kept in a cache folder as an article file.
//!
//! The app (`ui`) draws from it; the command line loads through it, so `newsatlas render` and
//! `extract` see the user's places and dates.

pub mod command;
pub mod dataset;
pub mod derived;
pub mod edits;
pub mod events_file;
#[cfg(feature = "online")]
pub mod fetch;
pub mod job;
pub mod layout;
pub mod markers;
pub mod rebuild;
pub mod recorded;
pub mod scene;
pub mod scenes;
pub mod spread;
pub mod state;
pub mod timeline;
pub mod userdata;

pub use rebuild::RunOptions;
