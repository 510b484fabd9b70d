//! The desktop app (feature `gui`): map, timeline and article pane over the core.

pub mod basemap_labels;
pub mod basemap_tiles;

use std::path::PathBuf;

/// What the command line passes to the app.
pub struct RunOptions {
    /// The project root: the folder with `data/` and `seeds/`.
    pub root: PathBuf,
    /// Articles to open instead of the bundled seeds: a folder of .txt/.md files or a .csv file.
    pub corpus: Option<PathBuf>,
    /// A gazetteer file to use instead of `data/gazetteer.toml`.
    pub gazetteer: Option<PathBuf>,
}

/// Opens the app and returns when its window is closed.
pub fn run(options: RunOptions) -> anyhow::Result<()> {
    // Placeholder agreed with the UI engineer, who replaces this body.
    drop(options);
    Err(anyhow::anyhow!("GUI not built yet"))
}
