//! Markers at one spot fanned out on a click ("spiderfy", as web maps do): the places whose
//! markers sit under a clicked marker (folded into it, or drawn at nearly the same point), and
//! where each goes around it so that every one can be seen and clicked. GUI-free: the map draws
//! a [`Spread`] kept in the state, and the tests check the geometry without a window.
//!
//! A spread is tied to the zoom it was opened at (a zoom closes it) and to the clicked marker's
//! place on the ground (a pan carries it along).

use crate::coord::LatLon;
use crate::gazetteer::PlaceIdx;

use super::derived::{Derived, Model};
use super::layout::{ScreenPoint, Viewport, marker_radius_px};
pub use super::state::Spread;

/// Places fanned out at most; the rest are counted ("and 12 more: zoom in").
pub const MAX_SPREAD_PLACES: usize = 16;

/// Room between two fanned-out markers' edges, in points.
const SPREAD_GAP_PX: f32 = 8.0;

/// The places with a marker whose centre lies within `reach_px` of `at` (a clicked marker's
/// centre, in `viewport`'s points), in spread order (see [`Spread::places`]).
pub fn places_near(
    model: &Model,
    derived: &Derived,
    viewport: &Viewport,
    at: ScreenPoint,
    reach_px: f32,
) -> Vec<PlaceIdx> {
    // The grid's cells touched by a box around `at`, grown by a point for rounding.
    let geo_at = viewport.geo_from_screen(at);
    let around = Viewport {
        center: geo_at,
        zoom: viewport.zoom,
        width_px: 2.0 * reach_px,
        height_px: 2.0 * reach_px,
    };
    let (sw, ne) = around.geo_bounds(1.0);
    let projection = viewport.projection();
    let mut found: Vec<(PlaceIdx, u32, f32)> = model
        .grid
        .query_entries(sw, ne)
        .filter_map(|(entry, place, unit)| {
            // (The keys are kept by grid entry, as the layout reads them.)
            model.marker_of_entry(entry)?;
            let key = derived.keys.get(entry)?;
            let p = projection.screen(unit);
            let (dx, dy) = (p.x - at.x, p.y - at.y);
            (dx * dx + dy * dy <= reach_px * reach_px).then_some((place, key.count, key.priority))
        })
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    found.into_iter().map(|(place, _, _)| place).collect()
}

/// The spread of the marker at `at` (its centre in `viewport`) whose place is at `center` on the
/// ground: the places within `reach_px` of it, or `None` when it stands alone (then a click
/// selects it).
pub fn spread_at(
    model: &Model,
    derived: &Derived,
    viewport: &Viewport,
    (center, at): (LatLon, ScreenPoint),
    reach_px: f32,
) -> Option<Spread> {
    let mut places = places_near(model, derived, viewport, at, reach_px);
    if places.len() < 2 {
        return None;
    }
    let left_out = places.len().saturating_sub(MAX_SPREAD_PLACES);
    places.truncate(MAX_SPREAD_PLACES);
    Some(Spread {
        center,
        zoom: viewport.zoom,
        places,
        left_out,
    })
}

/// Where each of `radii_px` (the fanned-out markers' radii, in spread order) goes, as offsets in
/// points from the spread's centre: up to nine on a circle (the first at the top, clockwise),
/// more on a spiral going outward, every marker clear of the others and of the centre.
pub fn leg_offsets(radii_px: &[f32]) -> Vec<ScreenPoint> {
    let n = radii_px.len();
    let widest = radii_px.iter().copied().fold(0.0f32, f32::max);
    let spacing = 2.0 * widest + SPREAD_GAP_PX;
    let tau = std::f32::consts::TAU;
    if n <= 9 {
        // A circle whose chord between neighbours is at least `spacing`.
        let step = tau / n.max(1) as f32;
        let chord = 2.0 * (step / 2.0).sin().max(1e-3);
        let radius = (spacing / chord).max(spacing);
        return (0..n)
            .map(|i| {
                let a = -tau / 4.0 + step * i as f32;
                ScreenPoint {
                    x: radius * a.cos(),
                    y: radius * a.sin(),
                }
            })
            .collect();
    }
    // An Archimedean spiral r = r0 + b·θ, turns `spacing` apart, points `spacing` apart along it.
    let b = spacing / tau;
    let mut theta = 0.0f32;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let r = spacing + b * theta;
        let a = -tau / 4.0 + theta;
        out.push(ScreenPoint {
            x: r * a.cos(),
            y: r * a.sin(),
        });
        theta += spacing / r;
    }
    out
}

/// The radius of a fanned-out marker with `count` events in the window, as on the map.
pub fn spread_radius_px(count: u32, derived: &Derived) -> f32 {
    marker_radius_px(count, derived.max_count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: ScreenPoint, b: ScreenPoint) -> f32 {
        ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
    }

    #[test]
    fn the_places_under_a_click_come_busiest_first_by_their_own_counts() {
        use crate::session::derived::{DerivedCache, small_synthetic_model};
        use crate::session::state::AppState;
        let (model, range) = small_synthetic_model();
        let mut cache = DerivedCache::default();
        let derived = cache.get(&model, &AppState::new(range));
        let viewport = crate::tools::perf::wide_viewport();
        let centre = ScreenPoint {
            x: viewport.width_px / 2.0,
            y: viewport.height_px / 2.0,
        };
        let near = places_near(&model, derived, &viewport, centre, 400.0);
        assert!(near.len() > 20, "{} places", near.len());
        let counts: Vec<u32> = near
            .iter()
            .map(|&p| {
                let i = model.marker_position(p).expect("a marker");
                derived.markers[i].count
            })
            .collect();
        assert!(
            counts.windows(2).all(|w| w[0] >= w[1]),
            "busiest first: {counts:?}"
        );
        assert!(counts.first() > counts.last(), "{counts:?}");
    }

    #[test]
    fn fanned_out_markers_never_touch_each_other_or_the_centre() {
        for n in [2, 3, 5, 9, 10, 16, 40] {
            let radii: Vec<f32> = (0..n).map(|i| 5.0 + (i % 4) as f32 * 5.0).collect();
            let at = leg_offsets(&radii);
            assert_eq!(at.len(), n);
            let widest = radii.iter().copied().fold(0.0, f32::max);
            for (i, a) in at.iter().enumerate() {
                let from_centre = distance(*a, ScreenPoint { x: 0.0, y: 0.0 });
                assert!(from_centre >= 2.0 * widest, "{n}: {i} at {from_centre}");
                for (j, b) in at.iter().enumerate().skip(i + 1) {
                    let d = distance(*a, *b);
                    assert!(
                        d >= radii[i] + radii[j] + 1.0,
                        "{n}: {i} and {j} overlap ({d})"
                    );
                }
            }
        }
    }

    #[test]
    fn a_few_markers_go_on_a_circle_starting_at_the_top() {
        let at = leg_offsets(&[10.0; 4]);
        assert!(at[0].x.abs() < 1e-3 && at[0].y < 0.0, "{:?}", at[0]);
        let r0 = distance(at[0], ScreenPoint { x: 0.0, y: 0.0 });
        for p in &at {
            let r = distance(*p, ScreenPoint { x: 0.0, y: 0.0 });
            assert!((r - r0).abs() < 1e-3);
        }
        assert!(leg_offsets(&[]).is_empty());
    }
}
