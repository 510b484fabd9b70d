//! The desktop app (feature `gui`): map, timeline and article pane over the core.
//!
//! One shared [`state::AppState`] (in `crate::session`, with the cached [`derived`] data); every
//! view is a `*_ui` function that draws from them and returns [`state::Intent`]s, which [`app::NewsAtlasApp`] applies in
//! one place at the end of the frame. The dataset loads on a named thread.
//!
//! | file | owns |
//! |---|---|
//! | `app.rs` | the eframe app: loader polling, panel layout, keys, applying intents, saving prefs |
//! | `map.rs` | `map_ui`: markers, label layout, tooltips, fit and fly-to, attribution, legend |
//! | `timeline.rs` | `timeline_ui`: transport, window, "Go to date", the painted strip |
//! | `pane.rs` | `article_pane_ui`: the article list and the highlighted text |
//! | `import/` | the background rebuild job, its progress strip and status line (`mod.rs`); File > Open folder and drag and drop (`open_folder.rs`); File > Open URL and pasted links, fetched only when the user allowed it (`open_url.rs`); pasted text (`paste.rs`); the pane's "Set date" field (`date_field.rs`) |
//! | `missing.rs` | the "Missing places" window: unknown names, suggestions, adding places |
//! | `export_ui.rs` | File > Export events: the current filter as GeoJSON, KML or CSV |
//! | `filters.rs` | the filters in force as removable chips over the map |
//! | `basemap_tiles.rs`, `basemap_labels.rs` | the offline basemap and its country labels |
//! | `prefs.rs`, `theme.rs` | persisted preferences; light/dark palettes and presenter type sizes |
//! | `scenes_ui/` | `Briefing`, applying the scene commands (`mod.rs`); the scenes panel and caption overlay (`panel.rs`); the eased fly between scenes (`flight.rs`); PNG export of the view or of every scene with its writer jobs (`png_export.rs`) |
//! | `presenter.rs` | presenter mode: F5/Esc, full screen, projector palette, caption overlay |

pub mod app;
pub mod basemap_labels;
pub mod basemap_tiles;
pub mod export_ui;
pub mod filters;
pub mod focus;
pub mod import;
pub mod map;
pub mod missing;
pub mod pane;
pub mod prefs;
pub mod presenter;
pub mod scenes_ui;
pub mod theme;
pub mod timeline;

pub use app::NewsAtlasApp;

use crate::session::rebuild::RunOptions;
use crate::session::{derived, state};

/// What every view reads in a frame: the data, what is derived from it, the shared state and the
/// palette. Views read this and return intents; they never change it.
#[derive(Clone, Copy)]
pub struct ViewData<'a> {
    pub model: &'a derived::Model,
    pub derived: &'a derived::Derived,
    pub state: &'a state::AppState,
    pub palette: &'a theme::Palette,
    /// An event dataset shown beside the articles (ACLED, GDELT), if one is open.
    pub layer: Option<&'a crate::session::recorded::LayerView>,
}

/// Opens the window and runs the app until it is closed; `user` is where the user's gazetteer
/// additions and date overrides live (`None`: nothing is read or saved).
pub fn run(
    options: RunOptions,
    user: Option<crate::session::userdata::UserDataDir>,
) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("newsatlas")
            .with_app_id("newsatlas")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 600.0])
            // A map wants the whole screen; where no window manager maximizes it (a kiosk, a
            // projector box, Xvfb), the app fits itself to the screen on its second frame
            // (`fit_window_to_screen`).
            .with_maximized(true),
        ..Default::default()
    };
    eframe::run_native(
        "newsatlas",
        native,
        Box::new(|cc| Ok(Box::new(NewsAtlasApp::new_with_user(cc, options, user)))),
    )
    .map_err(|e| anyhow::anyhow!("the window failed: {e}"))
}
