//! The desktop app (feature `gui`): map, timeline and article pane over the core.

pub mod basemap_labels;
pub mod basemap_tiles;
