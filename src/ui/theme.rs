//! Light and dark themes tuned for a projector: large type, high-contrast markers with outlines,
//! and one colour per meaning (published vs event dates, selection, search hits) used by every view.

use egui::{Color32, FontFamily, FontId, TextStyle};
use serde::{Deserialize, Serialize};

use crate::basemap::Style;
use crate::basemap::online::OnlineSource;
use crate::gazetteer::KindClass;

use super::basemap_tiles::BasemapSource;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
}

impl ThemeChoice {
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            ThemeChoice::Dark => ThemeChoice::Light,
            ThemeChoice::Light => ThemeChoice::Dark,
        }
    }
}

/// The basemap the user picked. Offline is the default: the app must work in a room without a
/// network; online sources are drawn over the offline map only while their host is reachable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BasemapChoice {
    /// Offline, light or dark with the theme.
    #[default]
    Auto,
    OfflineLight,
    OfflineDark,
    OpenStreetMap,
    CartoPositron,
    OpenTopoMap,
}

impl BasemapChoice {
    pub const ALL: [BasemapChoice; 6] = [
        BasemapChoice::Auto,
        BasemapChoice::OfflineLight,
        BasemapChoice::OfflineDark,
        BasemapChoice::OpenStreetMap,
        BasemapChoice::CartoPositron,
        BasemapChoice::OpenTopoMap,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BasemapChoice::Auto => "Offline (follows theme)",
            BasemapChoice::OfflineLight => "Offline light",
            BasemapChoice::OfflineDark => "Offline dark",
            BasemapChoice::OpenStreetMap => "OpenStreetMap (online)",
            BasemapChoice::CartoPositron => "CARTO Positron (online)",
            BasemapChoice::OpenTopoMap => "OpenTopoMap (online)",
        }
    }

    pub fn source(self, theme: ThemeChoice) -> BasemapSource {
        match self {
            BasemapChoice::Auto => BasemapSource::Offline(match theme {
                ThemeChoice::Dark => Style::Dark,
                ThemeChoice::Light => Style::Light,
            }),
            BasemapChoice::OfflineLight => BasemapSource::Offline(Style::Light),
            BasemapChoice::OfflineDark => BasemapSource::Offline(Style::Dark),
            BasemapChoice::OpenStreetMap => BasemapSource::Online(OnlineSource::OpenStreetMap),
            BasemapChoice::CartoPositron => BasemapSource::Online(OnlineSource::CartoPositron),
            BasemapChoice::OpenTopoMap => BasemapSource::Online(OnlineSource::OpenTopoMap),
        }
    }
}

/// The colours every view draws with.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub sea: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    /// Marker outline: contrasts with every fill and with the sea.
    pub outline: Color32,
    pub settlement: Color32,
    pub facility: Color32,
    pub area: Color32,
    /// Markers with no events in the window.
    pub faded: Color32,
    pub selected: Color32,
    pub search_hit: Color32,
    /// Publication dates (timeline ticks and the pane's "published" badge).
    pub published: Color32,
    /// Event dates (timeline histogram/spans and date highlights in the text).
    pub event: Color32,
    pub window_band: Color32,
    pub cursor: Color32,
    pub mention_bg: Color32,
    pub date_bg: Color32,
    pub label_bg: Color32,
    /// An event dataset's records (ACLED, GDELT): squares on the map, a line on the timeline.
    pub recorded: Color32,
}

impl Palette {
    pub fn of(theme: ThemeChoice) -> Palette {
        match theme {
            ThemeChoice::Dark => Palette {
                sea: Color32::from_rgb(18, 38, 58),
                text: Color32::from_rgb(240, 240, 240),
                weak_text: Color32::from_rgb(170, 176, 186),
                outline: Color32::from_rgb(10, 10, 10),
                settlement: Color32::from_rgb(255, 120, 60),
                facility: Color32::from_rgb(90, 200, 255),
                area: Color32::from_rgb(120, 230, 120),
                faded: Color32::from_rgba_unmultiplied(150, 150, 150, 90),
                selected: Color32::from_rgb(255, 230, 0),
                search_hit: Color32::from_rgb(255, 80, 200),
                published: Color32::from_rgb(120, 190, 255),
                event: Color32::from_rgb(255, 170, 70),
                window_band: Color32::from_rgba_unmultiplied(255, 255, 255, 28),
                cursor: Color32::from_rgb(255, 230, 0),
                mention_bg: Color32::from_rgba_unmultiplied(255, 120, 60, 70),
                date_bg: Color32::from_rgba_unmultiplied(255, 170, 70, 45),
                label_bg: Color32::from_rgba_unmultiplied(0, 0, 0, 170),
                recorded: Color32::from_rgb(190, 150, 255),
            },
            ThemeChoice::Light => Palette {
                sea: Color32::from_rgb(196, 222, 240),
                text: Color32::from_rgb(15, 15, 15),
                weak_text: Color32::from_rgb(80, 84, 92),
                outline: Color32::WHITE,
                settlement: Color32::from_rgb(205, 60, 0),
                facility: Color32::from_rgb(0, 95, 190),
                area: Color32::from_rgb(20, 130, 40),
                faded: Color32::from_rgba_unmultiplied(90, 90, 90, 90),
                selected: Color32::from_rgb(200, 0, 120),
                search_hit: Color32::from_rgb(150, 0, 200),
                published: Color32::from_rgb(0, 90, 200),
                event: Color32::from_rgb(200, 100, 0),
                window_band: Color32::from_rgba_unmultiplied(0, 0, 0, 22),
                cursor: Color32::from_rgb(200, 0, 120),
                mention_bg: Color32::from_rgba_unmultiplied(205, 60, 0, 50),
                date_bg: Color32::from_rgba_unmultiplied(200, 100, 0, 40),
                label_bg: Color32::from_rgba_unmultiplied(255, 255, 255, 200),
                recorded: Color32::from_rgb(100, 50, 175),
            },
        }
    }

    pub fn kind(&self, class: KindClass) -> Color32 {
        match class {
            KindClass::Settlement => self.settlement,
            KindClass::Facility => self.facility,
            KindClass::Area => self.area,
        }
    }
}

/// `DejaVu` Sans (`assets/fonts`, Bitstream Vera licence): the fallback for letters egui's font
/// lacks. Transliterated place names use them ("Ḩawsh", Vietnamese "Hạ Long"); without it they
/// draw as boxes.
const FALLBACK_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the fallback font after egui's own, for both families. Call once per context.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(FALLBACK_FONT),
        families,
    ));
}

/// Applies the theme and the presenter font sizes.
pub fn apply(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::Dark => egui::Theme::Dark,
        ThemeChoice::Light => egui::Theme::Light,
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(26.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(18.0, FontFamily::Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(16.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(18.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(14.0, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 28.0;
    });
}

/// Warnings in the text: "N problems", an undated article, a message that something failed.
pub const WARNING: Color32 = Color32::from_rgb(255, 170, 0);
/// A field whose text could not be read ("expected a date like 2019-04-04").
pub const INVALID_INPUT: Color32 = Color32::from_rgb(255, 120, 80);

/// Font for map labels.
pub fn label_font() -> FontId {
    FontId::proportional(crate::session::markers::LABEL_FONT_PT)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name and alias in the bundled gazetteer draws with real letters, not boxes
    /// (e.g. the "Ḩ" of `GeoNames`' Arabic transliterations, Vietnamese "ạ").
    #[test]
    fn every_bundled_place_name_has_its_glyphs() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let (gazetteer, problems) = crate::gazetteer::Gazetteer::load_bundled(&data);
        assert!(problems.is_empty(), "{problems:?}");
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut missing = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.fonts_mut(|fonts| {
                let font = label_font();
                for place in gazetteer.places() {
                    for name in std::iter::once(place.name).chain(place.aliases) {
                        if !fonts.has_glyphs(&font, name) {
                            missing.push(name.to_owned());
                        }
                    }
                }
            });
        });
        output.textures_delta.clear();
        assert!(gazetteer.places().len() > 30_000);
        assert!(
            missing.is_empty(),
            "{} names: {:?}",
            missing.len(),
            &missing[..missing.len().min(20)]
        );
    }
}
