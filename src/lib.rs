//! newsatlas: turn news articles into places and times you can explore on a map and a timeline.
//!
//! The crate is a GUI-free core and a thin GUI shell behind the default `gui` feature, in layers
//! that are folders of `src/` (see ARCHITECTURE.md): `pipeline` (articles in; places, dates and
//! events out, pure) -> `index` -> `session` (the state the app and the command line share) ->
//! `outputs` (exports, rendered slides) and `ui` (the app); `tools` (benchmark, synthetic data,
//! fuzz harnesses) beside them, behind the `bench` and `fuzzing` features. Data flows one way.
//!
//! Every module is private: the public API is the list below. The pipeline's three modules are
//! public whole (a caller reads articles, loads a gazetteer and extracts, and the fuzz targets
//! and tests reach their parsers); everything else is the few types and functions the binary,
//! the tests, the benches and the fuzz targets use.
#![deny(clippy::unwrap_used)]
// Much of `session` and `basemap` is GUI-free code that only the app uses (the state, the jobs,
// the tile scheduler): without the `gui` feature nothing reaches it. Dead code is checked in the
// default build.
#![cfg_attr(not(feature = "gui"), allow(dead_code))]

mod atomic;
mod basemap;
mod cli;
mod coord;
mod index;
mod outputs;
mod pipeline;
mod problem;
mod read;
mod session;
mod tools;
#[cfg(feature = "gui")]
mod ui;

// The command line: what the `newsatlas` binary runs.
pub use cli::main;

// Shared vocabulary: a point on the map, a problem with a file and a line.
pub use coord::LatLon;
pub use problem::{Problem, Severity};

// The pipeline: reading articles, the places they can name, the extraction.
pub use pipeline::{corpus, extract, gazetteer};

// The index and the dataset built over the extraction.
pub use index::{EventFilter, Index, TimeWindow, day_num};
pub use session::dataset::Dataset;

// The session: loading with the user's own files, what the map draws, the scenes file.
pub use session::derived::Marker;
pub use session::rebuild::{GazetteerFiles, RunOptions};
pub use session::scenes;
pub use session::state::WindowMode;
pub use session::timeline::histogram_buckets;
pub use session::userdata::{DateOverrides, NewPlace, SaveError, UserDataDir, UserGazetteer};

// Columnar output: the record batches `extract --format parquet` writes, which the Python
// package (python/) hands to pyarrow, and the `GeoParquet` metadata of its events.
pub use outputs::export::parquet::{
    ARTICLES_FILE, DATES_FILE, EVENTS_FILE, PLACES_FILE, ParquetBatches, extract_batches,
    geo_metadata, record_batches,
};
pub use outputs::export::{ExportError, ExportSource};
// The app's reader of such events (`--events`, File > Open), for examples/open_events.rs.
pub use session::events_file::{ReadProgress, load_events};

// The offline basemap.
pub use basemap::mercator::tile_pixel_at;
pub use basemap::{BasemapData, Detail, Style, render_tile};

// Tools, each behind its feature.
#[cfg(feature = "fuzzing")]
pub use tools::fuzzing;
#[cfg(feature = "bench")]
pub use tools::{perf, synth};

/// The desktop app (feature `gui`): the eframe app, its preferences and palettes, and the labels
/// and texts the GUI tests find its controls by.
#[cfg(feature = "gui")]
pub mod gui {
    pub use crate::ui::NewsAtlasApp;
    pub use crate::ui::app::{ARTICLE_PANE_TOGGLE, SCENES_PANEL_TOGGLE, TIMELINE_TOGGLE};
    pub use crate::ui::export_ui::filtered_events;
    pub use crate::ui::filters::chip_label;
    pub use crate::ui::import::{DATE_FIELD_LABEL, FOLLOW_LINKS_LABEL, PATH_FIELD_LABEL};
    pub use crate::ui::import::{ONLINE_BOX_LABEL, URL_FIELD_LABEL};
    pub use crate::ui::map::{
        LAYER_SWITCH_LABEL, PUBLICATION_SWITCH_LABEL, marker_label, spread_marker_label,
    };
    pub use crate::ui::missing::{LAT_LABEL, LON_LABEL};
    pub use crate::ui::pane::{MAX_SHOWN_TEXT_BYTES, date_label, mention_label};
    pub use crate::ui::prefs::{Prefs, corpus_key};
    pub use crate::ui::scenes_ui::{
        EXPORT_ALL_BUTTON, EXPORT_PATH_LABEL, EXPORT_PNG_BUTTON, SAVE_SCENE_BUTTON,
        SCENE_NAME_LABEL, SCENES_BUTTON,
    };
    pub use crate::ui::theme::{Palette, ThemeChoice};
    pub use crate::ui::timeline::{GOTO_LABEL, window_text};
}
