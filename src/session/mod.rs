//! The session: what the app holds between frames, with no GUI in it. The shared state and the
//! intents that change it (`state`), the one command type every change arrives as (`command`), the data derived from the dataset and the state (`derived`,
//! `timeline`), loading with the user's own data and rebuilding after a change (`rebuild`), and
//! the user's edits saved before a rebuild (`edits`), the one marker pipeline the map, a
//! rendered slide and the benchmark share (`markers`), a saved scene as state (`scene`),
//! and the one background job type (`job`: progress, cancellation, a caught panic reported). The app (`ui`) draws from it; the command
//! line loads through it, so `newsatlas render` and `extract` see the user's places and dates.

pub mod command;
pub mod dataset;
pub mod derived;
pub mod edits;
pub mod job;
pub mod layout;
pub mod markers;
pub mod rebuild;
pub mod scene;
pub mod scenes;
pub mod state;
pub mod timeline;
pub mod userdata;

pub use rebuild::RunOptions;
