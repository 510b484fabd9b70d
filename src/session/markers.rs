//! The one marker pipeline: the markers the map draws in a viewport, which `newsatlas render`
//! draws on a slide and `newsatlas bench` times. The places in view come from the model's place
//! grid (never every place), take their counts and flags from the derived markers, and are laid
//! out by [`crate::session::layout`] (folding, sizes, labels); only measuring text is left to the caller.

use crate::session::layout::{
    LayoutOptions, MarkerInput, MarkerLayout, ScreenPoint, ScreenRect, Viewport,
    layout_markers_around,
};

use super::derived::{Derived, Model};

/// Labels drawn at most.
pub const MAX_LABELS: usize = 60;
/// The size of a place label's text, in points (the map's label font; a slide scales it).
pub const LABEL_FONT_PT: f32 = 17.0;
/// Room around a label's text inside its box, in points: width, height.
pub const LABEL_PAD: (f32, f32) = (8.0, 2.0);

/// What [`markers_in_view`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkersInView {
    /// In draw order: faded markers first, then active ones, the busiest under the smaller.
    /// `input` is the marker's position in `Derived::markers`.
    pub markers: Vec<MarkerLayout>,
    /// Places with a marker whose centre is in the viewport (or its margin), before folding.
    pub places_in_view: usize,
    /// Of those, the places with events in the window.
    pub active_in_view: usize,
    /// Their events in the window, together.
    pub events_in_view: u32,
}

/// Lays out the markers of the places in `viewport`, with labels kept out of `reserved`.
/// `text_size` measures a label's text (width, height in points at [`LABEL_FONT_PT`]); it is
/// asked only for the labels tried.
pub fn markers_in_view(
    model: &Model,
    derived: &Derived,
    viewport: &Viewport,
    reserved: &[ScreenRect],
    mut text_size: impl FnMut(&str) -> (f32, f32),
) -> MarkersInView {
    let options = LayoutOptions {
        max_labels: MAX_LABELS,
        max_count: derived.max_count,
        ..LayoutOptions::default()
    };
    let (sw, ne) = viewport.geo_bounds(options.margin_px);
    let projection = viewport.projection();
    let margin = options.margin_px;
    // The grid's cells overlap the viewport's edges: the places whose centres fall outside it
    // (and its margin) are counted out here, as the layout would cull them.
    let inside = |p: ScreenPoint| {
        p.x >= -margin
            && p.y >= -margin
            && p.x <= viewport.width_px + margin
            && p.y <= viewport.height_px + margin
    };
    // Room for every entry in the box up front (90k zoomed out): grown by doubling, the copies
    // were about a tenth of a zoomed-out scrub step.
    let mut inputs: Vec<MarkerInput> = Vec::with_capacity(model.grid.query_len(sw, ne));
    let (mut places_in_view, mut active_in_view, mut events_in_view) = (0, 0, 0);
    for (first, places, units) in model.grid.query_rows(sw, ne) {
        for (entry, (&place, &at)) in (first..).zip(places.iter().zip(units)) {
            if model.marker_of_entry(entry).is_none() {
                continue;
            }
            let Some(k) = derived.keys.get(entry) else {
                continue;
            };
            if !inside(projection.screen(at)) {
                continue;
            }
            places_in_view += 1;
            active_in_view += usize::from(k.count > 0);
            events_in_view += k.count;
            inputs.push(MarkerInput {
                place,
                at,
                count: k.count,
                dated_by_text: k.dated_by_text,
                priority: k.priority,
                wants_label: k.notable,
                pinned: k.pinned,
            });
        }
    }
    let mut laid = layout_markers_around(&inputs, viewport, &options, reserved, |k| {
        let name = model
            .marker_position(k.place)
            .and_then(|i| derived.markers.get(i))
            .map_or("", |m| m.name.as_str());
        let (w, h) = text_size(name);
        (w + LABEL_PAD.0, h + LABEL_PAD.1)
    });
    // Back to positions in `derived.markers`, then draw order.
    for l in &mut laid {
        l.input = model
            .marker_position(inputs[l.input].place)
            .unwrap_or(usize::MAX);
    }
    laid.sort_unstable_by(|a, b| {
        (a.count > 0)
            .cmp(&(b.count > 0))
            .then(b.count.cmp(&a.count))
            .then(a.place.cmp(&b.place))
            .then(a.input.cmp(&b.input))
    });
    MarkersInView {
        markers: laid,
        places_in_view,
        active_in_view,
        events_in_view,
    }
}
