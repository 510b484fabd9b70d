//! Map labels, GUI-free: country label points (embedded `assets/basemap/countries.json`: the pole
//! of inaccessibility of each country's largest part), the [`CityLabel`] the app passes from its
//! gazetteer, which zooms show what, and greedy collision avoidance (a label overlapping one
//! already placed is skipped, so earlier = more important).

use serde::Deserialize;

use crate::coord::LatLon;

/// A country name and where to write it.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryLabel {
    pub name: String,
    pub position: LatLon,
    /// Area of the largest part in Mercator-stretched square degrees; labels are sorted by it.
    pub area: f64,
}

/// A city the app wants labelled (from its gazetteer).
#[derive(Clone, Debug, PartialEq)]
pub struct CityLabel {
    pub name: String,
    pub position: LatLon,
    pub population: u64,
}

#[derive(Deserialize)]
struct RawCountry {
    name: String,
    lat: f64,
    lon: f64,
    area: f64,
}

/// The embedded country labels, largest country first.
pub fn country_labels() -> Result<Vec<CountryLabel>, String> {
    parse_country_labels(include_str!("../../assets/basemap/countries.json"))
        .map_err(|e| format!("assets/basemap/countries.json (embedded): {e}"))
}

fn parse_country_labels(json: &str) -> Result<Vec<CountryLabel>, serde_json::Error> {
    let raw: Vec<RawCountry> = serde_json::from_str(json)?;
    let mut labels: Vec<CountryLabel> = raw
        .into_iter()
        .map(|r| CountryLabel {
            name: r.name,
            position: LatLon::new(r.lat, r.lon),
            area: r.area,
        })
        .filter(|l| l.position.is_valid())
        .collect();
    labels.sort_by(|a, b| b.area.total_cmp(&a.area));
    Ok(labels)
}

/// Country names show from zoom 3 to 6 (below, the world is too small; above, cities take over).
pub fn country_labels_visible(zoom: f64) -> bool {
    (2.5..7.0).contains(&zoom)
}

/// Smaller countries wait for deeper zooms: `area` (see [`CountryLabel::area`]) at `zoom`.
pub fn country_fits(area: f64, zoom: f64) -> bool {
    // Side of the country in pixels ~ sqrt(area) degrees * 256 * 2^zoom / 360.
    let side_px = area.max(0.0).sqrt() * 256.0 * 2f64.powf(zoom) / 360.0;
    side_px >= 40.0
}

/// The zoom from which a city of `population` is labelled.
pub fn city_min_zoom(population: u64) -> f64 {
    match population {
        1_000_000.. => 4.0,
        300_000.. => 5.0,
        100_000.. => 6.0,
        30_000.. => 7.5,
        10_000.. => 9.0,
        _ => 10.5,
    }
}

/// Screen rectangles already taken: `[min_x, min_y, max_x, max_y]`.
#[derive(Default)]
pub struct Collisions {
    taken: Vec<[f32; 4]>,
}

impl Collisions {
    /// Take `rect` if it overlaps nothing taken before; false means skip this label.
    pub fn try_take(&mut self, rect: [f32; 4]) -> bool {
        let overlaps =
            |t: &[f32; 4]| rect[0] < t[2] && rect[2] > t[0] && rect[1] < t[3] && rect[3] > t[1];
        if self.taken.iter().any(overlaps) {
            return false;
        }
        self.taken.push(rect);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_libya_label_sits_inside_libya() {
        let labels = country_labels().expect("embedded json parses");
        let libya = labels
            .iter()
            .find(|l| l.name == "Libya")
            .expect("Libya is there");
        assert!(
            (20.0..30.0).contains(&libya.position.lat),
            "{:?}",
            libya.position
        );
        assert!(
            (12.0..24.0).contains(&libya.position.lon),
            "{:?}",
            libya.position
        );
        assert!(labels.len() > 200);
        assert!(labels[0].area >= labels[1].area);
    }

    #[test]
    fn an_overlapping_label_is_skipped_and_a_clear_one_is_kept() {
        let mut c = Collisions::default();
        assert!(c.try_take([0.0, 0.0, 50.0, 10.0]));
        assert!(!c.try_take([40.0, 5.0, 90.0, 15.0]));
        assert!(c.try_take([60.0, 0.0, 90.0, 10.0]));
    }

    #[test]
    fn big_cities_show_before_small_ones() {
        assert!(city_min_zoom(1_100_000) < city_min_zoom(400_000));
        assert!(city_min_zoom(400_000) < city_min_zoom(5_000));
    }

    #[test]
    fn malta_waits_for_a_deeper_zoom_than_libya() {
        assert!(country_fits(166.0, 3.0));
        assert!(!country_fits(0.027, 4.0));
    }
}
