//! Preferences that persist across runs, in one `#[serde(default)]` struct kept in eframe storage.
//!
//! Window size and panel widths are persisted by eframe and egui themselves; this holds the rest:
//! theme, the last map view, the cursor, the window, the playback speed, whether events dated
//! only by publication are shown, and which panels (articles, timeline, scenes) are open. Unknown or missing
//! fields fall back to defaults, so an old or damaged entry never stops the app.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::coord::LatLon;

use super::theme::{BasemapChoice, ThemeChoice};
use crate::session::state::WindowMode;

/// The eframe storage key.
pub const STORAGE_KEY: &str = "newsatlas.prefs";

// The switches are independent on/off choices of the user, kept as the flat fields older
// entries already hold (an enum or a state machine would not fit them).
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub basemap: BasemapChoice,
    /// The corpus the map view, the cursor and the window mode below were left on
    /// ([`corpus_key`]); another corpus opens on its own opening view instead.
    pub corpus: Option<String>,
    /// Last map centre and zoom; `None` fits the corpus on start.
    pub map_center: Option<LatLon>,
    pub map_zoom: Option<f64>,
    pub cursor: Option<NaiveDate>,
    pub half_window_days: u32,
    pub mode: WindowMode,
    pub speed_days_per_sec: f32,
    /// Show events dated only by their article's publication (the switch under the map legend);
    /// off: only events dated by their text.
    pub show_publication_dated: bool,
    /// The article pane is shown (View > Article pane folds it away for more map).
    pub show_articles: bool,
    /// The timeline is shown (View > Timeline, or its button in the status bar).
    pub show_timeline: bool,
    /// The scenes panel is shown (the "Scenes" button, or View > Scenes panel).
    pub show_scenes: bool,
    /// The user allowed fetching the addresses they open (File > Open URL); off: fully offline.
    pub allow_online: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::Dark,
            basemap: BasemapChoice::Auto,
            corpus: None,
            map_center: None,
            map_zoom: None,
            cursor: None,
            half_window_days: 7,
            mode: WindowMode::Window,
            speed_days_per_sec: 7.0,
            show_publication_dated: true,
            show_articles: true,
            show_timeline: true,
            show_scenes: false,
            allow_online: false,
        }
    }
}

impl Prefs {
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Prefs {
        storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default()
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }
}

/// A short fingerprint of a corpus: its articles' ids and files (FNV-1a, stable across runs and
/// builds), so that a view saved over one corpus is not restored over another.
pub fn corpus_key(articles: &[crate::corpus::Article]) -> String {
    let mut ids: Vec<(&str, std::borrow::Cow<'_, str>)> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.file.to_string_lossy()))
        .collect();
    ids.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (id, file) in ids {
        for byte in id.bytes().chain([0]).chain(file.bytes()).chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{}-{hash:016x}", articles.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_their_defaults() {
        let prefs: Prefs = serde_json::from_str(r#"{"half_window_days": 3}"#).expect("parses");
        assert_eq!(prefs.half_window_days, 3);
        assert_eq!(prefs.theme, ThemeChoice::Dark);
        assert_eq!(prefs.map_center, None);
        assert!(
            prefs.show_publication_dated,
            "an old entry shows every event"
        );
    }

    #[test]
    fn an_old_entry_opens_the_timeline_and_folds_the_scenes_panel() {
        let prefs: Prefs = serde_json::from_str(r#"{"show_articles": false}"#).expect("parses");
        assert!(prefs.show_timeline && !prefs.show_scenes && !prefs.show_articles);
        let folded = Prefs {
            show_timeline: false,
            show_scenes: true,
            ..Prefs::default()
        };
        let text = serde_json::to_string(&folded).expect("writes");
        let back: Prefs = serde_json::from_str(&text).expect("reads");
        assert_eq!(back, folded);
    }

    #[test]
    fn the_publication_switch_survives_a_round_trip() {
        let prefs = Prefs {
            show_publication_dated: false,
            ..Prefs::default()
        };
        let text = serde_json::to_string(&prefs).expect("writes");
        let back: Prefs = serde_json::from_str(&text).expect("reads");
        assert!(!back.show_publication_dated);
        assert_eq!(back, prefs);
    }
}
