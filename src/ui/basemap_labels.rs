//! Map labels as a walkers [`Plugin`]: country names at zooms 3-6 and the app's cities at zooms
//! that fit their population, each with a halo for legibility on any basemap, skipping a label
//! that would overlap one drawn before it (cities by population first, then countries by area).
//! Build [`MapLabels`] once when the city list changes; the plugin only projects and draws.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Response, Ui, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector, lat_lon};

use crate::basemap::labels::{
    CityLabel, Collisions, CountryLabel, city_min_zoom, country_fits, country_labels,
    country_labels_visible,
};
use crate::basemap::render::Palette;

/// Towns smaller than this get no basemap label: the list stays a few tens of thousands, walked
/// in a frame, and a town that small shows once an article names it (as a marker).
pub const MIN_LABELLED_POPULATION: u64 = 15_000;

/// Labels ready to draw: countries (embedded) and cities (from the app), sorted by importance.
pub struct MapLabels {
    countries: Vec<CountryLabel>,
    cities: Vec<CityLabel>,
    /// Multiplies font sizes; raise it for a big screen across a room.
    pub font_scale: f32,
}

impl MapLabels {
    /// `cities` in any order; they are sorted here, once.
    pub fn new(mut cities: Vec<CityLabel>) -> Self {
        cities.retain(|c| c.position.is_valid());
        cities.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then_with(|| a.name.cmp(&b.name))
        });
        let countries = country_labels().unwrap_or_else(|e| {
            log::error!("{e}");
            Vec::new()
        });
        Self {
            countries,
            cities,
            font_scale: 1.0,
        }
    }

    /// The basemap's place names for `model`'s gazetteer: its towns of at least
    /// [`MIN_LABELLED_POPULATION`] people, each shown from the zoom its size earns
    /// ([`city_min_zoom`]), so names appear as the map zooms in, offline like the rest of it.
    pub fn for_model(model: Option<&crate::session::derived::Model>) -> Self {
        let cities = model.map_or_else(Vec::new, |m| {
            m.dataset
                .gazetteer
                .places()
                .iter()
                .filter(|p| p.kind.class() == crate::gazetteer::KindClass::Settlement)
                .filter_map(|p| {
                    let population = p.population.filter(|&n| n >= MIN_LABELLED_POPULATION)?;
                    Some(CityLabel {
                        name: p.name.to_owned(),
                        position: p.coord,
                        population,
                    })
                })
                .collect()
        });
        Self::new(cities)
    }

    /// A plugin for `Map::with_plugin`, drawing in the colours of `palette`.
    pub fn plugin(&self, palette: Palette) -> LabelsPlugin<'_> {
        LabelsPlugin {
            labels: self,
            palette,
        }
    }

    /// Draw the labels with `painter` (if you draw outside walkers' plugin pipeline).
    pub fn draw(&self, painter: &Painter, projector: &Projector, palette: Palette) {
        let zoom = projector.zoom();
        let clip = painter.clip_rect();
        let text = color(palette.label);
        let halo = color(palette.label_halo);
        let mut taken = Collisions::default();

        let city_font = FontId::proportional(14.0 * self.font_scale);
        for city in self
            .cities
            .iter()
            .filter(|c| zoom >= city_min_zoom(c.population))
        {
            let p = projector
                .project(lat_lon(city.position.lat, city.position.lon))
                .to_pos2();
            if !clip.expand(100.0).contains(p) {
                continue;
            }
            let galley = painter.layout_no_wrap(city.name.clone(), city_font.clone(), text);
            let dot = 3.0 * self.font_scale;
            let at = p + vec2(dot + 3.0, -galley.size().y / 2.0);
            let rect = Rect::from_min_size(at, galley.size())
                .union(Rect::from_center_size(p, Vec2::splat(dot * 2.0)));
            if !taken.try_take(as_box(rect)) {
                continue;
            }
            painter.circle_filled(p, dot + 1.0, halo);
            painter.circle_filled(p, dot, text);
            draw_with_halo(painter, at, &galley, text, halo);
        }

        if country_labels_visible(zoom) {
            let font = FontId::proportional(13.0 * self.font_scale);
            let country_text = text.gamma_multiply(0.75);
            for country in self.countries.iter().filter(|c| country_fits(c.area, zoom)) {
                let p = projector
                    .project(lat_lon(country.position.lat, country.position.lon))
                    .to_pos2();
                if !clip.contains(p) {
                    continue;
                }
                let galley =
                    painter.layout_no_wrap(country.name.to_uppercase(), font.clone(), country_text);
                let rect = Align2::CENTER_CENTER.anchor_size(p, galley.size());
                if taken.try_take(as_box(rect.expand(2.0))) {
                    draw_with_halo(painter, rect.min, &galley, country_text, halo);
                }
            }
        }
    }
}

/// The plugin returned by [`MapLabels::plugin`].
pub struct LabelsPlugin<'a> {
    labels: &'a MapLabels,
    palette: Palette,
}

impl Plugin for LabelsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        self.labels.draw(ui.painter(), projector, self.palette);
    }
}

fn color(c: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

fn as_box(r: Rect) -> [f32; 4] {
    [r.min.x, r.min.y, r.max.x, r.max.y]
}

fn draw_with_halo(
    painter: &Painter,
    at: Pos2,
    galley: &std::sync::Arc<egui::Galley>,
    text: Color32,
    halo: Color32,
) {
    for (dx, dy) in [
        (-1.0, -1.0),
        (0.0, -1.0),
        (1.0, -1.0),
        (-1.0, 0.0),
        (1.0, 0.0),
        (-1.0, 1.0),
        (0.0, 1.0),
        (1.0, 1.0),
    ] {
        painter.galley_with_override_text_color(at + vec2(dx, dy), galley.clone(), halo);
    }
    painter.galley(at, galley.clone(), text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_basemap_names_the_gazetteers_towns_bigger_first_and_none_before_the_data() {
        assert!(MapLabels::for_model(None).cities.is_empty());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let model = crate::session::derived::Model::new(
            crate::session::dataset::Dataset::load_bundled(root),
            1,
        );
        let labels = MapLabels::for_model(Some(&model));
        // Far more towns than the seeds name: the basemap's names, not the markers'.
        assert!(labels.cities.len() > 10_000, "{}", labels.cities.len());
        assert!(
            labels
                .cities
                .iter()
                .all(|c| c.population >= MIN_LABELLED_POPULATION)
        );
        let rank = |name: &str| labels.cities.iter().position(|c| c.name == name);
        let (tripoli, sirte) = (
            rank("Tripoli").expect("Tripoli"),
            rank("Sirte").expect("Sirte"),
        );
        assert!(tripoli < sirte, "a bigger town first");
        assert!(
            city_min_zoom(labels.cities[tripoli].population)
                < city_min_zoom(labels.cities[sirte].population)
        );
    }
}
