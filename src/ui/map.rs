//! The map (walkers): one marker per place, sized by its events in the window and coloured and
//! shaped by kind, filled when a text dates one of its events in the window and hollow (a ring)
//! when every one of them takes its article's publication date; markers that would cover each other fold into the most notable (its tooltip
//! says how many places it holds; zoom in to separate them); labels placed greedily by priority
//! so they never pile up (they fan out with a leader line, or are dropped, the least notable
//! first); hover tooltips; click to select (and, on a marker holding several places, fan them
//! out around it: [`crate::session::spread`]); fit-to-corpus and fly-to animations; a view kept
//! (or fitted again) when a panel opening or closing changes the map's size; the basemap
//! attribution.
//!
//! The layout is the one marker pipeline, [`crate::session::markers::markers_in_view`] (the
//! places the [`PlaceGrid`] finds in the viewport, laid out by [`crate::session::layout`]; what
//! `newsatlas render` draws on a slide and `newsatlas bench` times as the scrub step), cached by
//! (derived revision, viewport): an idle frame only draws. Only labelled, highlighted and hovered markers are
//! widgets (with AccessKit labels); zoomed out over 30k places, thousands of widgets would cost
//! more than the frame.
//!
//! [`PlaceGrid`]: crate::session::layout::PlaceGrid

use egui::{
    Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, Vec2, pos2, vec2,
};
use walkers::{Map, MapMemory, MercatorProjection, Position, Projection, Projector, lat_lon};

use std::sync::Arc;

use crate::coord::LatLon;
use crate::gazetteer::KindClass;
use crate::index::EventFilter;
use crate::session::layout::{MarkerLayout, ScreenPoint, ScreenRect, Viewport};
use crate::session::markers::{LABEL_PAD, markers_in_view};
use crate::session::recorded::{self, LayerView};
use crate::session::spread::{Spread, leg_offsets, spread_at, spread_radius_px};

use super::ViewData;
use super::basemap_labels::MapLabels;
use super::basemap_tiles::Basemap;
use super::theme::{Palette, label_font};
use crate::session::derived::{Derived, Marker, Model};
use crate::session::state::{Intent, MapRequest};

/// How long a fly-to or fit animation takes.
const FLY_SECONDS: f64 = 0.6;
/// Zoom a fly-to goes to at least, so a city is recognisable.
const FLY_MIN_ZOOM: f64 = 7.0;

/// The lowest zoom the map goes to: walkers' own floor, where the whole world is 256 points wide,
/// so a world-wide corpus fits a small window whole (a fit stopping at zoom 1, 512 points, cut
/// the Americas' markers off at 1024x640).
const MIN_ZOOM: f64 = 0.0;

/// A map view animation in progress.
#[derive(Clone, Copy, Debug)]
struct Fly {
    from: LatLon,
    to: LatLon,
    from_zoom: f64,
    to_zoom: f64,
    start_time: f64,
    /// A fit to the corpus: its end is remembered as the fitted view.
    fit: bool,
}

/// A view kept across changes of the map's size (a panel opened or closed, the window resized).
#[derive(Clone, Copy, Debug)]
struct KeptView {
    /// The view before the first change, and the map's size then.
    center: LatLon,
    zoom: f64,
    size: Vec2,
    /// The view the last change left (while the map shows it, the user has not moved it).
    adjusted: (LatLon, f64),
}

/// Whether two views (centre, zoom) are the same, up to rounding.
fn same_view(a: (LatLon, f64), b: (LatLon, f64)) -> bool {
    (a.0.lat - b.0.lat).abs() < 1e-7 && (a.0.lon - b.0.lon).abs() < 1e-7 && (a.1 - b.1).abs() < 1e-7
}

/// The zoom that keeps what a map of `old` points showed at `zoom` in view on a map of `new`
/// points around the same centre: lower when the map shrank, never higher than `zoom`, so a
/// panel opened and closed again brings back the view from before.
pub fn kept_zoom(zoom: f64, old: Vec2, new: Vec2) -> f64 {
    let ratio = f64::from((new.x / old.x.max(1.0)).min(new.y / old.y.max(1.0)));
    (zoom + ratio.log2().min(0.0)).clamp(MIN_ZOOM, 18.0)
}

/// Markers laid out for one (derived revision, viewport).
struct LayoutCache {
    revision: u64,
    viewport: Viewport,
    /// In draw order: faded first, then active by decreasing count, so small markers stay on top
    /// and clickable. `input` is the position in `Derived::markers`.
    markers: Vec<MarkerLayout>,
}

/// The map's own view state (not shared: the shared state is [`crate::session::state::AppState`]).
pub struct MapView {
    pub memory: MapMemory,
    fly: Option<Fly>,
    layout: Option<LayoutCache>,
    /// A fit waiting for the map's size to be known.
    pending_fit: bool,
    /// Hovered marker, to draw its tooltip.
    pub hovered: Option<crate::gazetteer::PlaceIdx>,
    /// The legend shows its rows (else one "Legend" button); `None` until the map's size is
    /// known: open unless the map is small.
    legend_open: Option<bool>,
    /// The map's rect in the last frame (for the free area and tests).
    last_rect: Option<Rect>,
    /// The view the last fit to the corpus left: while it is shown, a change of the map's size
    /// fits again.
    fitted: Option<(LatLon, f64)>,
    /// The view kept across changes of the map's size.
    kept: Option<KeptView>,
    /// An event dataset is shown: the legend has a row for it.
    layer_row: bool,
    /// The layer's records binned for the last view, window and filters.
    layer_cells: Option<LayerCells>,
}

/// The layer's cells for one viewport, window and mask (see `session::recorded::cells`).
struct LayerCells {
    key: (Viewport, crate::index::TimeWindow, u64, usize),
    cells: Vec<recorded::Cell>,
}

impl MapView {
    /// A view at `center`/`zoom` if given (the last session's), else one that fits on first show.
    pub fn new(center: Option<LatLon>, zoom: Option<f64>) -> MapView {
        let mut memory = MapMemory::default();
        let mut pending_fit = true;
        if let (Some(c), Some(z)) = (center, zoom)
            && c.is_valid()
            && memory.set_zoom(z).is_ok()
        {
            memory.center_at(to_position(c));
            pending_fit = false;
        }
        MapView {
            memory,
            fly: None,
            layout: None,
            pending_fit,
            hovered: None,
            legend_open: None,
            last_rect: None,
            fitted: None,
            kept: None,
            layer_row: false,
            layer_cells: None,
        }
    }

    /// Where `p` was on screen in the last frame (for tests), if the map was shown.
    pub fn screen_of(&self, p: LatLon) -> Option<Pos2> {
        let rect = self.last_rect?;
        let center = self.center()?;
        let proj = MercatorProjection;
        let c = proj.project(to_position(center), self.zoom());
        let q = proj.project(to_position(p), self.zoom());
        Some(rect.center() + vec2((q.x() - c.x()) as f32, (q.y() - c.y()) as f32))
    }

    /// The part of the map the legend, the buttons and the attribution leave free, on screen
    /// (for tests), if the map was shown.
    pub fn free_area(&self) -> Option<Rect> {
        let rect = self.last_rect?;
        Some(
            free_rect(rect.size(), self.legend_open(), self.layer_row)
                .translate(rect.min.to_vec2()),
        )
    }

    /// What the map showed in the last frame that an overlay should keep clear of: the map's
    /// rect and, on screen, the markers with events in the window with (roughly) their labels,
    /// the legend and the zoom buttons. `None` before the map was shown.
    pub fn busy_areas(&self) -> Option<(Rect, Vec<Rect>)> {
        let rect = self.last_rect?;
        let mut busy = vec![
            legend_rect(rect, self.legend_open(), self.layer_row),
            buttons_rect(rect),
        ];
        for l in self.layout.iter().flat_map(|l| &l.markers) {
            if l.count == 0 {
                continue;
            }
            let center = rect.min + vec2(l.center.x, l.center.y);
            busy.push(Rect::from_center_size(
                center,
                Vec2::splat(2.0 * l.radius_px),
            ));
            if let Some(p) = l.label {
                busy.push(Rect::from_min_size(
                    center + vec2(p.offset_x_px, p.offset_y_px),
                    LABEL_SIZE_GUESS,
                ));
            }
        }
        Some((rect, busy))
    }

    /// The map's size in points in the last frame, if it was shown.
    pub fn size(&self) -> Option<Vec2> {
        self.last_rect.map(|r| r.size())
    }

    /// Puts the map at `center` and `zoom` at once (for tests and tools; the app goes through
    /// [`MapRequest::SetView`]).
    pub fn show(&mut self, center: LatLon, zoom: f64) {
        self.fly = None;
        self.pending_fit = false;
        self.memory.center_at(to_position(center));
        let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, 18.0));
    }

    /// Whether the legend shows its rows (for tests).
    pub fn legend_open(&self) -> bool {
        self.legend_open.unwrap_or(true)
    }

    /// The map centre, once it has one.
    pub fn center(&self) -> Option<LatLon> {
        self.memory.detached().map(from_position)
    }

    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    pub fn is_animating(&self) -> bool {
        self.fly.is_some() || self.pending_fit
    }
}

pub fn to_position(c: LatLon) -> Position {
    lat_lon(c.lat, c.lon)
}

pub fn from_position(p: Position) -> LatLon {
    LatLon::new(p.y(), p.x())
}

/// Margin kept between a fitted box and the edges of the area left free, in points (a marker's
/// disc and its label stick out of its point): labels are wide, so more on the sides.
const FIT_MARGIN: Vec2 = Vec2::new(64.0, 36.0);

/// Centre and zoom of a map of `map_size` points that show the box `sw..ne` inside `free` (a part
/// of the map, in points from its top left corner: what the legend and the buttons leave free),
/// with a margin.
pub fn fit_bounds(sw: LatLon, ne: LatLon, map_size: Vec2, free: Rect) -> (LatLon, f64) {
    let proj = MercatorProjection;
    let a = proj.project(to_position(sw), 0.0);
    let b = proj.project(to_position(ne), 0.0);
    let (dx, dy) = ((a.x() - b.x()).abs(), (a.y() - b.y()).abs());
    let (w, h) = (
        f64::from(free.width() - 2.0 * FIT_MARGIN.x).max(60.0),
        f64::from(free.height() - 2.0 * FIT_MARGIN.y).max(60.0),
    );
    let zoom = if dx < 1e-9 && dy < 1e-9 {
        8.0
    } else {
        (w / dx.max(1e-9)).min(h / dy.max(1e-9)).log2()
    };
    let zoom = zoom.clamp(MIN_ZOOM, 12.0);
    centred_in(
        walkers::Pixels::new(f64::midpoint(a.x(), b.x()), f64::midpoint(a.y(), b.y())),
        zoom,
        map_size,
        free,
    )
}

/// The map centre (and `zoom`) that puts the point `at` (Web Mercator pixels at zoom 0) at the
/// centre of `free`.
fn centred_in(at: walkers::Pixels, zoom: f64, map_size: Vec2, free: Rect) -> (LatLon, f64) {
    let scale = 2f64.powf(zoom);
    let off = free.center() - (map_size / 2.0).to_pos2();
    let mid = walkers::Pixels::new(
        at.x() - f64::from(off.x) / scale,
        at.y() - f64::from(off.y) / scale,
    );
    (from_position(MercatorProjection.unproject(mid, 0.0)), zoom)
}

/// Where the map should go to bring the box `sw..ne` into the free area, from `view` (centre,
/// zoom): `None` when it is in view already; the same zoom, panned, when the box fits at it; else
/// zoomed out until it fits (never zoomed in).
pub fn reveal(
    sw: LatLon,
    ne: LatLon,
    view: (LatLon, f64),
    map_size: Vec2,
    free: Rect,
) -> Option<(LatLon, f64)> {
    let (center, zoom) = view;
    let proj = MercatorProjection;
    let c = proj.project(to_position(center), zoom);
    let half = map_size / 2.0;
    let on_screen = |p: LatLon| {
        let q = proj.project(to_position(p), zoom);
        pos2(
            (q.x() - c.x()) as f32 + half.x,
            (q.y() - c.y()) as f32 + half.y,
        )
    };
    let shown = Rect::from_two_pos(on_screen(sw), on_screen(ne));
    let inner = free.shrink2(FIT_MARGIN / 2.0);
    if inner.contains_rect(shown) {
        return None;
    }
    let (fit_center, fit_zoom) = fit_bounds(sw, ne, map_size, free);
    if fit_zoom >= zoom {
        let a = proj.project(to_position(sw), 0.0);
        let b = proj.project(to_position(ne), 0.0);
        let box_mid =
            walkers::Pixels::new(f64::midpoint(a.x(), b.x()), f64::midpoint(a.y(), b.y()));
        Some(centred_in(box_mid, zoom, map_size, free))
    } else {
        Some((fit_center, fit_zoom))
    }
}

/// The part of a map of `size` points (from its top left) that the legend, the buttons and the
/// attribution leave free: above the legend or right of it, whichever is the larger.
pub fn free_rect(size: Vec2, legend_open: bool, layer_row: bool) -> Rect {
    let map = Rect::from_min_size(Pos2::ZERO, size);
    let legend = legend_rect(map, legend_open, layer_row);
    let right = size.x - BUTTON_SIZE.x - 20.0;
    let above = Rect::from_min_max(pos2(8.0, 8.0), pos2(right, legend.top() - 4.0));
    let beside = Rect::from_min_max(pos2(legend.right() + 4.0, 8.0), pos2(right, size.y - 24.0));
    if above.area() >= beside.area() {
        above
    } else {
        beside
    }
}

/// When the map's size changed since the last frame (a panel opened or closed, the window
/// resized): a map showing the fit to the corpus fits again into the new free area `free`; any
/// other view keeps what it showed in view ([`kept_zoom`]), and comes back as it was when the
/// map grows back before the user moves it.
/// Returns the new zoom when it changed.
fn keep_view_on_resize(
    view: &mut MapView,
    size: Vec2,
    free: Rect,
    bounds: Option<(LatLon, LatLon)>,
) -> Option<f64> {
    let old = view.last_rect.map(|r| r.size())?;
    if (old - size).length() < 0.5 || view.fly.is_some() || view.pending_fit {
        return None;
    }
    let center = view.center()?;
    let zoom_before = view.zoom();
    let now = (center, view.zoom());
    if let (Some(fitted), Some((sw, ne))) = (view.fitted, bounds)
        && same_view(fitted, now)
    {
        let (to, zoom) = fit_bounds(sw, ne, size, free);
        view.memory.center_at(to_position(to));
        let _ = view.memory.set_zoom(zoom);
        view.fitted = view.center().map(|c| (c, view.zoom()));
        view.kept = None;
        return ((view.zoom() - zoom_before).abs() > 1e-9).then_some(view.zoom());
    }
    let base = match view.kept {
        Some(k) if same_view(k.adjusted, now) => k,
        _ => KeptView {
            center,
            zoom: now.1,
            size: old,
            adjusted: now,
        },
    };
    let zoom = kept_zoom(base.zoom, base.size, size);
    view.memory.center_at(to_position(base.center));
    let _ = view.memory.set_zoom(zoom);
    let adjusted = view
        .center()
        .map_or((base.center, zoom), |c| (c, view.zoom()));
    view.kept = Some(KeptView { adjusted, ..base });
    ((view.zoom() - zoom_before).abs() > 1e-9).then_some(view.zoom())
}

/// The AccessKit label of a place's marker.
pub fn marker_label(name: &str) -> String {
    format!("{name} on map")
}

/// The map panel. `request` is the state's pending map request, taken by the app.
pub fn map_ui(
    ui: &mut Ui,
    view: &mut MapView,
    data: ViewData<'_>,
    request: Option<MapRequest>,
    basemap: Option<&mut Basemap>,
    map_labels: Option<&MapLabels>,
) -> Vec<Intent> {
    let ViewData {
        model,
        derived,
        palette,
        state,
        layer,
    } = data;
    let mut intents = Vec::new();
    let rect = ui.available_rect_before_wrap();
    ui.painter().rect_filled(rect, 0.0, palette.sea);

    let now = ui.input(|i| i.time);
    match request {
        Some(MapRequest::FitAll) => view.pending_fit = true,
        Some(MapRequest::FlyTo(to)) => {
            let from = view.center().unwrap_or(to);
            let zoom = view.zoom();
            view.fly = Some(Fly {
                from,
                to,
                from_zoom: zoom,
                to_zoom: zoom.max(FLY_MIN_ZOOM),
                start_time: now,
                fit: false,
            });
        }
        Some(MapRequest::SetView { center, zoom }) => {
            view.memory.center_at(to_position(center));
            let _ = view.memory.set_zoom(zoom.clamp(MIN_ZOOM, 18.0));
        }
        Some(MapRequest::ZoomBy(levels)) => {
            view.fly = None;
            let _ = view
                .memory
                .set_zoom((view.zoom() + levels).clamp(MIN_ZOOM, 18.0));
        }
        Some(MapRequest::Reveal { .. }) | None => {}
    }
    let legend_open = *view
        .legend_open
        .get_or_insert(rect.height() >= LEGEND_OPEN_MIN_HEIGHT);
    view.layer_row = layer.is_some();
    let layer_row = view.layer_row;
    let free = free_rect(rect.size(), legend_open, layer_row);
    // A zoom that keeps the view over a change of the map's size carries fanned-out markers
    // along (they fold back on a zoom of the user's only).
    let resized_zoom = if request.is_none() {
        keep_view_on_resize(view, rect.size(), free, model.bounds)
    } else {
        None
    };
    if let (Some(zoom), Some(spread)) = (resized_zoom, &state.spread) {
        intents.push(Intent::OpenSpread(Spread {
            zoom,
            ..spread.clone()
        }));
    }
    view.last_rect = Some(rect);
    if let Some(MapRequest::Reveal { sw, ne }) = request
        && let Some(center) = view.center()
        && let Some(to) = reveal(sw, ne, (center, view.zoom()), rect.size(), free)
    {
        view.fly = Some(Fly {
            from: center,
            to: to.0,
            from_zoom: view.zoom(),
            to_zoom: to.1,
            start_time: now,
            fit: false,
        });
    }
    if view.pending_fit && rect.width() > 50.0 && rect.height() > 50.0 {
        view.pending_fit = false;
        if let Some((sw, ne)) = model.bounds {
            let (to, to_zoom) = fit_bounds(sw, ne, rect.size(), free);
            match view.center() {
                // First view: jump; later fits: fly.
                None => {
                    view.memory.center_at(to_position(to));
                    let _ = view.memory.set_zoom(to_zoom);
                    view.fitted = view.center().map(|c| (c, view.zoom()));
                }
                Some(from) => {
                    view.fly = Some(Fly {
                        from,
                        to,
                        from_zoom: view.zoom(),
                        to_zoom,
                        start_time: now,
                        fit: true,
                    });
                }
            }
        }
    }
    if let Some(fly) = view.fly {
        let t = ((now - fly.start_time) / FLY_SECONDS).clamp(0.0, 1.0);
        let e = t * t * (3.0 - 2.0 * t);
        let c = LatLon::new(
            fly.from.lat + (fly.to.lat - fly.from.lat) * e,
            fly.from.lon + (fly.to.lon - fly.from.lon) * e,
        );
        view.memory.center_at(to_position(c));
        let _ = view
            .memory
            .set_zoom(fly.from_zoom + (fly.to_zoom - fly.from_zoom) * e);
        if t >= 1.0 {
            view.fly = None;
            if fly.fit {
                view.fitted = view.center().map(|c| (c, view.zoom()));
            }
        } else {
            ui.ctx().request_repaint();
        }
    }

    // Before the first fit, centre on the corpus (or on Libya when there is nothing).
    let fallback = model.bounds.map_or(LatLon::new(27.0, 17.0), |(sw, ne)| {
        LatLon::new(f64::midpoint(sw.lat, ne.lat), f64::midpoint(sw.lon, ne.lon))
    });
    let attribution = basemap
        .as_ref()
        .map_or_else(|| "No basemap".to_owned(), |b| b.attribution());
    let status = basemap.as_ref().and_then(|b| b.status());
    let label_palette = basemap.as_ref().map(|b| b.palette());
    let mut hovered = None;
    let layout = &mut view.layout;
    let layer_cache = &mut view.layer_cells;
    let shown_layer = layer.filter(|_| !state.hide_layer);
    let mut legend_open = legend_open;
    let mut map = match basemap {
        Some(b) => b.map(&mut view.memory, to_position(fallback)),
        None => Map::new(None, &mut view.memory, to_position(fallback)),
    };
    if let (Some(map_labels), Some(p)) = (map_labels, label_palette) {
        map = map.with_plugin(map_labels.plugin(p));
    }
    // The wheel zooms about the pointer, as on every web map (walkers' default pans with the
    // wheel and zooms with Ctrl+wheel).
    map.double_click_to_zoom(true).zoom_with_ctrl(false).show(
        ui,
        |ui, response, projector, _memory| {
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map"));
            let viewport = viewport_of(projector);
            let stale = layout
                .as_ref()
                .is_none_or(|l| l.revision != derived.revision || l.viewport != viewport);
            if stale {
                // Labels keep out of what the overlay draws over the map.
                let origin = projector.clip_rect().min;
                let map = ui.max_rect();
                let text = ui
                    .painter()
                    .layout_no_wrap(attribution.clone(), attribution_font(), Color32::WHITE)
                    .size();
                let reserved = [
                    legend_rect(map, legend_open, layer_row),
                    buttons_rect(map),
                    attribution_rect(map, text),
                ]
                .map(|r| ScreenRect {
                    min: ScreenPoint {
                        x: r.min.x - origin.x,
                        y: r.min.y - origin.y,
                    },
                    max: ScreenPoint {
                        x: r.max.x - origin.x,
                        y: r.max.y - origin.y,
                    },
                });
                *layout = Some(LayoutCache {
                    revision: derived.revision,
                    viewport,
                    markers: layout_map_markers(ui, model, derived, &viewport, &reserved),
                });
            }
            // The event dataset's records under the articles' markers.
            if let Some(shown) = shown_layer {
                layer_ui(
                    ui,
                    projector,
                    (shown, state.window(), &viewport),
                    layer_cache,
                    palette,
                );
            }
            let laid = layout.as_ref().map_or(&[][..], |l| l.markers.as_slice());
            let marker_data = MarkerData {
                model,
                derived,
                window: state.window(),
                spread: state.spread.as_ref(),
            };
            let spread = state.spread.as_ref().map(|spread| Spread {
                zoom: resized_zoom.unwrap_or(spread.zoom),
                ..spread.clone()
            });
            let fan = spread
                .as_ref()
                .map(|s| SpreadGeometry::of(projector, marker_data, s));
            markers_ui(
                ui,
                projector,
                marker_data,
                (laid, fan.as_ref().map(SpreadGeometry::veil)),
                palette,
                &mut intents,
                &mut hovered,
            );
            if let (Some(spread), Some(fan)) = (&spread, &fan) {
                spread_ui(
                    ui,
                    projector,
                    marker_data,
                    (spread, fan),
                    palette,
                    &mut intents,
                    &mut hovered,
                );
            }
            // A click on the map itself (no marker, no button) folds fanned-out markers back.
            if state.spread.is_some()
                && response.clicked()
                && intents.iter().all(|i| matches!(i, Intent::OpenSpread(_)))
            {
                intents.push(Intent::CloseSpread);
            }
            overlay_ui(
                ui,
                palette,
                (
                    derived,
                    state.event_filter,
                    layer.map(|l| (l, state.window(), !state.hide_layer)),
                ),
                &attribution,
                status,
                &mut legend_open,
                &mut intents,
            );
        },
    );
    view.hovered = hovered;
    view.legend_open = Some(legend_open);
    intents
}

/// What the markers' tooltips read besides the markers.
#[derive(Clone, Copy)]
struct MarkerData<'a> {
    model: &'a Model,
    derived: &'a Derived,
    window: crate::index::TimeWindow,
    /// Markers fanned out, if any.
    spread: Option<&'a Spread>,
}

fn markers_ui(
    ui: &mut Ui,
    projector: &Projector,
    data: MarkerData<'_>,
    (laid, veil): (&[MarkerLayout], Option<(Pos2, f32)>),
    palette: &Palette,
    intents: &mut Vec<Intent>,
    hovered: &mut Option<crate::gazetteer::PlaceIdx>,
) {
    let derived = data.derived;
    let clip = projector.clip_rect();
    let painter = ui.painter().with_clip_rect(clip);
    let font = label_font();
    let origin = clip.min.to_vec2();
    let hover_at = ui.input(|i| i.pointer.hover_pos());
    let center_of = |l: &MarkerLayout| pos2(l.center.x, l.center.y) + origin;

    for l in laid {
        let Some(m) = derived.markers.get(l.input) else {
            continue;
        };
        let center = center_of(l);
        let r = l.radius_px;
        draw_marker(&painter, center, r, m, marker_style(l), palette);

        let hit = Rect::from_center_size(center, Vec2::splat(2.0 * r.max(10.0)));
        if !clip.intersects(hit) {
            continue;
        }
        // Widgets for the markers a label or a highlight points at, and the one under the
        // pointer; the rest are paint only (see the module doc).
        let under_pointer = hover_at.is_some_and(|p| hit.contains(p));
        if !(under_pointer || l.label.is_some() || m.selected || m.in_article || m.search_hit) {
            continue;
        }
        let response = marker_widget(ui, hit, ("marker", m), &marker_label(&m.name));
        if response.clicked() {
            intents.extend(marker_click(projector, data, m, l));
        }
        if response.hovered() {
            *hovered = Some(m.place);
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        response.on_hover_ui(|ui| marker_tooltip_ui(ui, data, m, l));
    }

    // Labels on top of every marker.
    for l in laid {
        let (Some(p), Some(m)) = (l.label, derived.markers.get(l.input)) else {
            continue;
        };
        let center = center_of(l);
        let color = if m.selected {
            palette.selected
        } else if m.active() {
            palette.text
        } else {
            palette.weak_text
        };
        let galley = painter.layout_no_wrap(m.name.clone(), font.clone(), color);
        let rect = Rect::from_min_size(
            center + vec2(p.offset_x_px, p.offset_y_px),
            galley.size() + vec2(LABEL_PAD.0, LABEL_PAD.1),
        );
        if !clip.intersects(rect) {
            continue;
        }
        // Markers fanned out cover their spot: a label there would sit among their legs and
        // their own labels.
        if veil.is_some_and(|(c, r)| rect.distance_to_pos(c) < r || center.distance(c) < r) {
            continue;
        }
        if p.leader {
            let target = rect.clamp(center);
            let dir = (target - center).normalized();
            painter.line_segment(
                [center + dir * l.radius_px, target],
                Stroke::new(1.5, palette.text.gamma_multiply(0.8)),
            );
        }
        painter.rect_filled(rect, 4.0, palette.label_bg);
        painter.galley(rect.center() - galley.size() / 2.0, galley, color);
    }
}

/// What a click on the laid-out marker `l` (of `m`) does: fold back its fanned-out markers when
/// they are open; else clear the selection when it is selected; else select it and, when it
/// holds several places (folded into it or at nearly the same point), fan them out.
fn marker_click(
    projector: &Projector,
    data: MarkerData<'_>,
    m: &Marker,
    l: &MarkerLayout,
) -> Vec<Intent> {
    if data.spread.is_some_and(|s| s.center == m.at) {
        return vec![Intent::CloseSpread];
    }
    if m.selected {
        return vec![Intent::SelectPlace(None), Intent::CloseSpread];
    }
    // Folded places lie in the marker's fold cell: up to its diagonal from the centre.
    let reach = l.radius_px.max(
        crate::session::layout::LayoutOptions::default().fold_px * std::f32::consts::SQRT_2 + 1.0,
    );
    let viewport = viewport_of(projector);
    let fan = spread_at(data.model, data.derived, &viewport, (m.at, l.center), reach)
        .map_or(Intent::CloseSpread, Intent::OpenSpread);
    vec![Intent::SelectPlace(Some(m.place)), fan]
}

/// A marker's clickable area `hit`, a button named `label` (selected with its place) for
/// AccessKit; `salt` tells the map's markers from the fanned-out ones.
fn marker_widget(
    ui: &mut Ui,
    hit: Rect,
    (salt, m): (&str, &Marker),
    label: &str,
) -> egui::Response {
    let response = ui.interact(hit, ui.scope_id().with((salt, m.place.0)), Sense::click());
    let selected = m.selected;
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, label));
    response
}

/// The AccessKit label of a fanned-out marker (apart from its marker's, which may be a widget
/// too).
pub fn spread_marker_label(name: &str) -> String {
    format!("{name} on map, fanned out")
}

/// Where the fanned-out markers of a spread are drawn: the spot, each marker with its point and
/// radius, and how far the fan reaches from the spot.
struct SpreadGeometry<'a> {
    center: Pos2,
    legs: Vec<(&'a Marker, Pos2, f32)>,
    reach: f32,
}

impl<'a> SpreadGeometry<'a> {
    fn of(projector: &Projector, data: MarkerData<'a>, spread: &Spread) -> SpreadGeometry<'a> {
        let (model, derived) = (data.model, data.derived);
        let clip = projector.clip_rect();
        let at = viewport_of(projector).screen_from_geo(spread.center);
        let center = pos2(at.x, at.y) + clip.min.to_vec2();
        let markers: Vec<&Marker> = spread
            .places
            .iter()
            .filter_map(|&p| derived.markers.get(model.marker_position(p)?))
            .collect();
        let radii: Vec<f32> = markers
            .iter()
            .map(|m| spread_radius_px(m.count, derived))
            .collect();
        let offsets = leg_offsets(&radii);
        let reach = offsets
            .iter()
            .zip(&radii)
            .map(|(o, r)| o.x.hypot(o.y) + r)
            .fold(0.0f32, f32::max);
        let legs = markers
            .into_iter()
            .zip(&offsets)
            .zip(radii)
            .map(|((m, o), r)| (m, center + vec2(o.x, o.y), r))
            .collect();
        SpreadGeometry {
            center,
            legs,
            reach,
        }
    }

    /// The disc the fan's veil covers: no map label is drawn in it.
    fn veil(&self) -> (Pos2, f32) {
        (self.center, self.reach + 8.0)
    }
}

/// Draws the fanned-out markers of `spread` over the map: a veil over the spot, a leg from it
/// to each marker, the markers with their names on the outer side (click: select; hover: the
/// tooltip) and how many were left out. A zoom since it was opened folds it back.
fn spread_ui(
    ui: &mut Ui,
    projector: &Projector,
    data: MarkerData<'_>,
    (spread, fan): (&Spread, &SpreadGeometry<'_>),
    palette: &Palette,
    intents: &mut Vec<Intent>,
    hovered: &mut Option<crate::gazetteer::PlaceIdx>,
) {
    if (spread.zoom - projector.zoom()).abs() > 1e-6 {
        intents.push(Intent::CloseSpread);
        return;
    }
    let clip = projector.clip_rect();
    let painter = ui.painter().with_clip_rect(clip);
    let (center, veil_radius) = fan.veil();
    painter.circle_filled(center, veil_radius, palette.label_bg.gamma_multiply(0.9));
    let leg = Stroke::new(1.5, palette.text.gamma_multiply(0.7));
    for (_, p, _) in &fan.legs {
        painter.line_segment([center, *p], leg);
    }
    painter.circle_filled(center, 3.0, palette.text);
    for &(m, p, r) in &fan.legs {
        let style = if m.count == 0 {
            MarkerStyle::Faded
        } else if m.publication_only() {
            MarkerStyle::Hollow
        } else {
            MarkerStyle::Filled
        };
        draw_marker(&painter, p, r, m, style, palette);
        let hit = Rect::from_center_size(p, Vec2::splat(2.0 * r.max(10.0)));
        let response = marker_widget(ui, hit, ("spread marker", m), &spread_marker_label(&m.name));
        if response.clicked() {
            intents.push(Intent::SelectPlace(if m.selected {
                None
            } else {
                Some(m.place)
            }));
        }
        if response.hovered() {
            *hovered = Some(m.place);
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        response.on_hover_ui(|ui| {
            let alone = MarkerLayout {
                place: m.place,
                input: 0,
                center: ScreenPoint { x: p.x, y: p.y },
                radius_px: r,
                count: m.count,
                label: None,
                folded: 0,
                folded_count: 0,
                dated_by_text: m.count.saturating_sub(m.publication),
            };
            marker_tooltip_ui(ui, data, m, &alone);
        });
    }
    // Names after every marker, so no marker covers one: on the side away from the spot.
    for &(m, p, r) in &fan.legs {
        let color = if m.selected {
            palette.selected
        } else {
            palette.text
        };
        let galley = painter.layout_no_wrap(m.name.clone(), label_font(), color);
        let size = galley.size() + vec2(LABEL_PAD.0, LABEL_PAD.1);
        // Outward, unless that side would leave the map.
        let outward_left = p.x < center.x - 1.0;
        let left = if outward_left {
            p.x - r - 4.0 - size.x >= clip.min.x
        } else {
            p.x + r + 4.0 + size.x > clip.max.x
        };
        let min = if left {
            p + vec2(-r - 4.0 - size.x, -size.y / 2.0)
        } else {
            p + vec2(r + 4.0, -size.y / 2.0)
        };
        let rect = Rect::from_min_size(min, size);
        painter.rect_filled(rect, 4.0, palette.label_bg);
        painter.galley(rect.center() - galley.size() / 2.0, galley, color);
    }
    if spread.left_out > 0 {
        let text = format!("and {} more here: zoom in", spread.left_out);
        let galley = painter.layout_no_wrap(text, FontId::proportional(15.0), palette.text);
        let rect = Rect::from_center_size(
            center + vec2(0.0, fan.reach + 18.0),
            galley.size() + vec2(LABEL_PAD.0, LABEL_PAD.1),
        );
        painter.rect_filled(rect, 4.0, palette.label_bg);
        painter.galley(rect.center() - galley.size() / 2.0, galley, palette.text);
    }
}

/// What the map shows, in the layout module's terms.
fn viewport_of(projector: &Projector) -> Viewport {
    let clip = projector.clip_rect();
    Viewport {
        center: from_position(projector.unproject(clip.center().to_vec2())),
        zoom: projector.zoom(),
        width_px: clip.width(),
        height_px: clip.height(),
    }
}

/// Lays out the markers of the places in `viewport` with the one marker pipeline
/// (`session::markers`), labels measured in the map's label font.
fn layout_map_markers(
    ui: &Ui,
    model: &Model,
    derived: &Derived,
    viewport: &Viewport,
    reserved: &[ScreenRect],
) -> Vec<MarkerLayout> {
    let font = label_font();
    let painter = ui.painter();
    markers_in_view(model, derived, viewport, reserved, |name| {
        let size = painter
            .layout_no_wrap(name.to_owned(), font.clone(), Color32::WHITE)
            .size();
        (size.x, size.y)
    })
    .markers
}

/// How a marker is drawn: by what its events in the window are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// A text dates at least one of its events in the window: filled with its kind's colour.
    Filled,
    /// Every event in the window takes its article's publication date: a ring, open inside.
    Hollow,
    /// No event in the window.
    Faded,
}

/// The style of a laid-out marker (its folded places count: one of them dated by the text
/// fills it).
pub fn marker_style(l: &MarkerLayout) -> MarkerStyle {
    if l.count == 0 {
        MarkerStyle::Faded
    } else if l.publication_only() {
        MarkerStyle::Hollow
    } else {
        MarkerStyle::Filled
    }
}

/// Draws one marker shape. The map, the legend and (in tiny-skia) the rendered slides draw the
/// same rule: filled, hollow (a ring of the kind's colour between two outline hairlines, open
/// inside, so the basemap shows through) or faded.
pub fn draw_shape(
    painter: &egui::Painter,
    center: Pos2,
    r: f32,
    class: KindClass,
    style: MarkerStyle,
    palette: &Palette,
) {
    let active = style != MarkerStyle::Faded;
    let fill = if active {
        palette.kind(class)
    } else {
        palette.faded
    };
    let outline = if active {
        palette.outline
    } else {
        palette.outline.gamma_multiply(0.5)
    };
    let stroke = Stroke::new(2.0, outline);
    if style == MarkerStyle::Hollow {
        let ring = (r * 0.3).clamp(2.5, 5.0);
        let hairline = Stroke::new(1.5, outline);
        match class {
            KindClass::Facility => {
                let diamond = |k: f32| {
                    vec![
                        center + vec2(0.0, -k),
                        center + vec2(k, 0.0),
                        center + vec2(0.0, k),
                        center + vec2(-k, 0.0),
                    ]
                };
                let k = r * 1.15;
                painter.add(Shape::closed_line(diamond(k), hairline));
                painter.add(Shape::closed_line(
                    diamond(k - ring * 0.75 - 0.5),
                    Stroke::new(ring, fill),
                ));
                painter.add(Shape::closed_line(diamond(k - 1.5 * ring - 1.0), hairline));
            }
            KindClass::Settlement | KindClass::Area => {
                painter.circle_stroke(center, r, hairline);
                painter.circle_stroke(center, r - ring / 2.0 - 0.5, Stroke::new(ring, fill));
                painter.circle_stroke(center, (r - ring - 1.0).max(1.0), hairline);
            }
        }
        return;
    }
    match class {
        KindClass::Settlement => {
            painter.circle(center, r, fill, stroke);
        }
        KindClass::Facility => {
            let pts = vec![
                center + vec2(0.0, -r * 1.15),
                center + vec2(r * 1.15, 0.0),
                center + vec2(0.0, r * 1.15),
                center + vec2(-r * 1.15, 0.0),
            ];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
        KindClass::Area => {
            painter.circle(center, r, fill.gamma_multiply(0.35), Stroke::new(4.0, fill));
            painter.circle_stroke(center, r + 2.0, stroke);
        }
    }
}

fn draw_marker(
    painter: &egui::Painter,
    center: Pos2,
    r: f32,
    m: &Marker,
    style: MarkerStyle,
    palette: &Palette,
) {
    draw_shape(painter, center, r, m.class, style, palette);
    let mut ring = r + 5.0;
    for (on, color) in [
        (m.selected, palette.selected),
        (m.in_article, palette.published),
        (m.search_hit, palette.search_hit),
    ] {
        if on {
            painter.circle_stroke(center, ring, Stroke::new(3.0, color));
            ring += 4.0;
        }
    }
}

/// "3 events dated by the text, 2 by publication only", with the carried ones said apart:
/// `dating` is `[by a date in the sentence, carried, by publication only]`.
pub fn dating_text(dating: [u32; 3]) -> String {
    let [text, carried, publication] = dating;
    let events = |n: u32| if n == 1 { "event" } else { "events" };
    let by_text = text + carried;
    let mut out = match (by_text, publication) {
        (0, 0) => return "no events in the window".to_owned(),
        (0, p) => format!("{p} {} dated by publication only", events(p)),
        (t, 0) => format!("{t} {} dated by the text", events(t)),
        (t, p) => format!(
            "{t} {} dated by the text, {p} by publication only",
            events(t)
        ),
    };
    if carried > 0 {
        out = format!("{out} ({carried} carried from an earlier sentence)");
    }
    out
}

fn marker_tooltip_ui(ui: &mut Ui, data: MarkerData<'_>, m: &Marker, laid: &MarkerLayout) {
    ui.strong(&m.name);
    let filter = data.derived.filter();
    let dating = data.model.dating_in(m.place, data.window);
    let shown = match filter {
        EventFilter::All => dating,
        EventFilter::DatedByText => [dating[0], dating[1], 0],
    };
    ui.label(format!("In the window: {}", dating_text(shown)));
    if filter == EventFilter::DatedByText && dating[2] > 0 {
        ui.weak(format!(
            "{} more dated by publication only, hidden",
            dating[2]
        ));
    }
    if laid.publication_only() {
        ui.weak("Hollow: no sentence dates these events; they take the article's publication date");
    }
    ui.label(format!("{} event(s) in all", m.total));
    if laid.folded > 0 {
        ui.label(format!(
            "and {} nearby place(s) under this marker ({} event(s) in the window): zoom in \
             to see them apart",
            laid.folded, laid.folded_count
        ));
    }
    match (m.first, m.last) {
        (Some(f), Some(l)) => {
            ui.label(format!(
                "first {} · last {}",
                f.format("%-d %b %Y"),
                l.format("%-d %b %Y")
            ));
        }
        _ => {
            ui.label("no dated events");
        }
    }
    ui.weak(if laid.folded > 0 {
        "Click to select it and fan out the places under it"
    } else {
        "Click to select"
    });
}

/// Zoom and fit buttons, stacked at the top right of the map.
const BUTTON_SIZE: Vec2 = Vec2::new(44.0, 36.0);
/// Height of a legend row, and its text size: smaller on a small map, so the legend (six rows)
/// does not cover a third of it.
fn legend_row(map: Rect) -> (f32, f32) {
    if map.height() < 450.0 {
        (19.0, 13.0)
    } else {
        (24.0, 15.0)
    }
}

/// A label's size as overlays reckon with it (the layout keeps only where a label goes).
const LABEL_SIZE_GUESS: Vec2 = vec2(110.0, 22.0);

/// Below this map height the legend starts folded into its button.
const LEGEND_OPEN_MIN_HEIGHT: f32 = 420.0;

fn buttons_rect(map: Rect) -> Rect {
    Rect::from_min_size(
        map.right_top() + vec2(-BUTTON_SIZE.x - 10.0, 10.0),
        vec2(BUTTON_SIZE.x, 3.0 * BUTTON_SIZE.y + 2.0 * 6.0),
    )
}

/// Rows of the legend: three kinds, hollow, faded, and the switch.
const LEGEND_ROWS: f32 = 6.0;

/// The legend box, bottom left: its rows (one more for an event dataset's layer), or (folded)
/// one "Legend" button.
fn legend_rect(map: Rect, open: bool, layer_row: bool) -> Rect {
    let (h, text) = legend_row(map);
    if !open {
        return Rect::from_min_size(
            map.left_bottom() + vec2(8.0, -(h + 16.0)),
            vec2(96.0, h + 8.0),
        );
    }
    let rows = LEGEND_ROWS + 1.0 + if layer_row { 1.0 } else { 0.0 };
    Rect::from_min_size(
        map.left_bottom() + vec2(8.0, -(h * rows + 14.0)),
        vec2(text * 20.0 + 10.0, h * rows + 8.0),
    )
}

/// The AccessKit label of the button that folds and unfolds the legend.
pub const LEGEND_TOGGLE_LABEL: &str = "Legend";

/// The text of the switch that shows or hides publication-dated events (its AccessKit label
/// starts with it; while they are hidden it adds how many: "(55 hidden)").
pub const PUBLICATION_SWITCH_LABEL: &str = "Publication-dated events";

fn attribution_font() -> FontId {
    FontId::proportional(13.0)
}

/// The attribution's background, bottom right, for text of size `text`.
fn attribution_rect(map: Rect, text: Vec2) -> Rect {
    let at = map.right_bottom() - text - vec2(8.0, 6.0);
    Rect::from_min_size(at - vec2(4.0, 2.0), text + vec2(8.0, 4.0))
}

fn overlay_ui(
    ui: &mut Ui,
    palette: &Palette,
    (derived, filter, layer): (
        &Derived,
        EventFilter,
        Option<(&LayerView, crate::index::TimeWindow, bool)>,
    ),
    attribution: &str,
    status: Option<&str>,
    legend_open: &mut bool,
    intents: &mut Vec<Intent>,
) {
    let rect = ui.max_rect();
    // The basemap's one status line (e.g. online tiles unreachable), top left.
    if let Some(status) = status {
        let painter = ui.painter();
        let galley =
            painter.layout_no_wrap(status.to_owned(), FontId::proportional(16.0), palette.text);
        let at = rect.left_top() + vec2(10.0, 10.0);
        painter.rect_filled(
            Rect::from_min_size(at - vec2(6.0, 3.0), galley.size() + vec2(12.0, 6.0)),
            4.0,
            palette.label_bg,
        );
        painter.galley(at, galley, palette.text);
    }
    // Zoom and fit buttons, top right.
    let size = BUTTON_SIZE;
    let mut top = buttons_rect(rect).min;
    for (text, name, intent) in [
        ("+", "Zoom in", Intent::Zoom(1.0)),
        ("−", "Zoom out", Intent::Zoom(-1.0)),
        ("Fit", "Fit all", Intent::FitAll),
    ] {
        let r = Rect::from_min_size(top, size);
        let response = ui
            .put(r, egui::Button::new(egui::RichText::new(text).size(22.0)))
            .on_hover_text(name);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
        if response.clicked() {
            intents.push(intent);
        }
        top.y += size.y + 6.0;
    }

    // Attribution, bottom right, always drawn.
    let painter = ui.painter();
    let galley = painter.layout_no_wrap(attribution.to_owned(), attribution_font(), palette.text);
    let back = attribution_rect(rect, galley.size());
    painter.rect_filled(back, 3.0, palette.label_bg);
    painter.galley(back.min + vec2(4.0, 2.0), galley, palette.text);

    // Legend, bottom left, under its fold button, with the switch for publication-dated events
    // as its last row.
    let (h, text_size) = legend_row(rect);
    let font = FontId::proportional(text_size);
    let box_rect = legend_rect(rect, *legend_open, layer.is_some());
    painter.rect_filled(box_rect, 4.0, palette.label_bg);
    let toggle_rect = Rect::from_min_size(box_rect.min + vec2(4.0, 4.0), vec2(88.0, h));
    let arrow = if *legend_open { "▾" } else { "▸" };
    let toggle = ui
        .put(
            toggle_rect,
            egui::Button::new(egui::RichText::new(format!("{arrow} Legend")).size(text_size))
                .frame(false),
        )
        .on_hover_text(if *legend_open {
            "Fold the legend"
        } else {
            "Show the legend"
        });
    toggle.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, *legend_open, LEGEND_TOGGLE_LABEL)
    });
    if toggle.clicked() {
        *legend_open = !*legend_open;
    }
    if !*legend_open {
        return;
    }
    let painter = ui.painter();
    let rows = [
        (KindClass::Settlement, MarkerStyle::Filled, "city, district"),
        (
            KindClass::Facility,
            MarkerStyle::Filled,
            "airport, base, site",
        ),
        (KindClass::Area, MarkerStyle::Filled, "country, region"),
        (
            KindClass::Settlement,
            MarkerStyle::Hollow,
            "dated by publication only",
        ),
        (
            KindClass::Settlement,
            MarkerStyle::Faded,
            "no events in the window",
        ),
    ];
    let top = box_rect.top() + h;
    for (i, (class, style, text)) in rows.into_iter().enumerate() {
        let y = top + 4.0 + h * i as f32 + h / 2.0;
        let r = if style == MarkerStyle::Hollow {
            7.5
        } else {
            6.0
        };
        draw_shape(
            painter,
            pos2(box_rect.left() + 18.0, y),
            r,
            class,
            style,
            palette,
        );
        painter.text(
            pos2(box_rect.left() + 36.0, y),
            Align2::LEFT_CENTER,
            text,
            font.clone(),
            palette.text,
        );
    }
    painter.rect_stroke(
        box_rect,
        4.0,
        Stroke::new(1.0, palette.weak_text.gamma_multiply(0.5)),
        StrokeKind::Inside,
    );
    let switch_rect = Rect::from_min_size(
        pos2(box_rect.left() + 8.0, top + 4.0 + h * (LEGEND_ROWS - 1.0)),
        vec2(box_rect.width() - 12.0, h),
    );
    let mut shown = filter == EventFilter::All;
    let hidden = derived.counts.total_publication();
    let text = if shown || hidden == 0 {
        PUBLICATION_SWITCH_LABEL.to_owned()
    } else {
        format!("{PUBLICATION_SWITCH_LABEL} ({hidden} hidden)")
    };
    let response = ui
        .put(
            switch_rect,
            egui::Checkbox::new(&mut shown, egui::RichText::new(text).size(text_size)),
        )
        .on_hover_text(
            "Events whose sentence gives no date take their article's publication date; \
             they are drawn hollow and stacked apart on the timeline. Untick to show only \
             events dated by the text, on the map, the timeline, the article list and in \
             exports.",
        );
    if response.changed() {
        intents.push(Intent::SetEventFilter(if shown {
            EventFilter::All
        } else {
            EventFilter::DatedByText
        }));
    }
    // The event dataset's row: its square, and the switch that shows or hides it.
    if let Some((view, window, mut visible)) = layer {
        let row = switch_rect.translate(vec2(0.0, h));
        let square = Rect::from_center_size(
            pos2(box_rect.right() - 16.0, row.center().y),
            Vec2::splat(10.0),
        );
        let painter = ui.painter();
        painter.rect_filled(square, 1.5, palette.recorded);
        painter.rect_stroke(
            square,
            1.5,
            Stroke::new(1.0, palette.outline),
            StrokeKind::Outside,
        );
        let text = layer_switch_text(view, window);
        let response = ui
            .put(
                row.with_max_x(square.left() - 4.0),
                egui::Checkbox::new(&mut visible, egui::RichText::new(text).size(text_size)),
            )
            .on_hover_text(format!(
                "{} records from {} ({} in all): what the dataset records, beside what the \
                 articles say. They follow the time window, the search (in their location, type, \
                 actors and notes) and the selected place (within {} km).",
                view.layer.source.name(),
                view.layer.file_name(),
                view.layer.len(),
                recorded::NEAR_KM
            ));
        if response.changed() {
            intents.push(Intent::ShowLayer(visible));
        }
    }
}

/// The layer's legend row: "ACLED records (1,234)" with the number in the window and filters.
pub fn layer_switch_text(view: &LayerView, window: crate::index::TimeWindow) -> String {
    format!(
        "{LAYER_SWITCH_LABEL}: {} ({})",
        view.layer.source.name(),
        view.count_in(window)
    )
}

/// The start of the layer switch's label (AccessKit), e.g. "Recorded events: ACLED (12)".
pub const LAYER_SWITCH_LABEL: &str = "Recorded events";

/// Records of the layer are binned into squares of this many points.
const LAYER_CELL_PX: f32 = 22.0;

/// Half the side of a layer square holding `count` records.
fn layer_square_half(count: u32) -> f32 {
    (3.5 + 1.6 * (count.max(1) as f32).log2()).min(11.0)
}

/// Draws the event dataset's records in the window, binned per screen cell (cached for one view,
/// window and filter), and a tooltip for the square under the pointer.
fn layer_ui(
    ui: &mut Ui,
    projector: &Projector,
    (view, window, viewport): (&LayerView, crate::index::TimeWindow, &Viewport),
    cache: &mut Option<LayerCells>,
    palette: &Palette,
) {
    let key = (
        *viewport,
        window,
        view.generation,
        Arc::as_ptr(&view.layer) as usize,
    );
    if cache.as_ref().is_none_or(|c| c.key != key) {
        *cache = Some(LayerCells {
            key,
            cells: recorded::cells(&view.layer, window, view.mask(), viewport, LAYER_CELL_PX),
        });
    }
    let Some(cells) = cache.as_ref().map(|c| &c.cells) else {
        return;
    };
    let clip = projector.clip_rect();
    let painter = ui.painter().with_clip_rect(clip);
    let origin = clip.min.to_vec2();
    let hover_at = ui.input(|i| i.pointer.hover_pos());
    let mut hovered = None;
    for cell in cells {
        let half = layer_square_half(cell.count);
        let square = Rect::from_center_size(pos2(cell.x, cell.y) + origin, Vec2::splat(2.0 * half));
        painter.rect_filled(square, 1.5, palette.recorded.gamma_multiply(0.85));
        painter.rect_stroke(
            square,
            1.5,
            Stroke::new(1.0, palette.outline),
            StrokeKind::Outside,
        );
        if hover_at.is_some_and(|p| square.expand(2.0).contains(p)) {
            hovered = Some((square, cell));
        }
    }
    if let Some((square, cell)) = hovered {
        let response = ui.interact(
            square,
            ui.scope_id().with("recorded square"),
            egui::Sense::hover(),
        );
        response.on_hover_ui(|ui| layer_tooltip_ui(ui, &view.layer, cell));
    }
}

/// What a layer square holds: how many records, and the first few with what the dataset says.
fn layer_tooltip_ui(ui: &mut Ui, layer: &recorded::Layer, cell: &recorded::Cell) {
    ui.set_max_width(420.0);
    let mut head = format!(
        "{} {} record{} here in the window",
        cell.count,
        layer.source.name(),
        if cell.count == 1 { "" } else { "s" }
    );
    if cell.fatalities > 0 {
        head = format!("{head}, {} fatalities", cell.fatalities);
    }
    ui.strong(head);
    for &i in &cell.sample {
        let Some(r) = layer.records().get(i as usize) else {
            continue;
        };
        ui.separator();
        ui.label(
            egui::RichText::new(format!("{} · {}", r.date().format("%-d %b %Y"), r.kind)).strong(),
        );
        let place: Vec<&str> = [&*r.location, &*r.actors]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !place.is_empty() {
            ui.label(place.join(" · "));
        }
        if !r.notes.is_empty() {
            let notes: String = r.notes.chars().take(240).collect();
            let more = if notes.len() < r.notes.len() {
                "…"
            } else {
                ""
            };
            ui.weak(format!("{notes}{more}"));
        }
        if !r.source.is_empty() {
            ui.weak(format!("Source: {} (line {})", r.source, r.line));
        }
    }
    let rest = cell.count as usize - cell.sample.len();
    if rest > 0 {
        ui.weak(format!("… and {rest} more"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hover_says_how_the_events_were_dated() {
        assert_eq!(
            dating_text([3, 0, 2]),
            "3 events dated by the text, 2 by publication only"
        );
        assert_eq!(dating_text([0, 0, 1]), "1 event dated by publication only");
        assert_eq!(
            dating_text([1, 2, 0]),
            "3 events dated by the text (2 carried from an earlier sentence)"
        );
        assert_eq!(dating_text([0, 0, 0]), "no events in the window");
    }

    #[test]
    fn a_shrinking_map_zooms_out_to_keep_its_view_and_a_growing_one_never_zooms_in() {
        let (old, z) = (vec2(800.0, 600.0), 5.0);
        let narrower = kept_zoom(z, old, vec2(400.0, 600.0));
        assert!((narrower - 4.0).abs() < 1e-9, "{narrower}");
        assert!((kept_zoom(z, old, vec2(800.0, 900.0)) - z).abs() < 1e-9);
        assert!((kept_zoom(z, old, old) - z).abs() < 1e-9);
        assert!((kept_zoom(1.2, old, vec2(10.0, 10.0)) - MIN_ZOOM).abs() < 1e-9);
    }

    #[test]
    fn fitting_libya_gives_a_country_scale_zoom() {
        let size = vec2(1000.0, 700.0);
        let whole = Rect::from_min_size(Pos2::ZERO, size);
        let (c, z) = fit_bounds(
            LatLon::new(25.0, 10.0),
            LatLon::new(33.0, 25.0),
            size,
            whole,
        );
        assert!((4.0..7.0).contains(&z), "{z}");
        assert!((c.lon - 17.5).abs() < 0.01 && (25.0..33.0).contains(&c.lat));
        let (_, z_point) = fit_bounds(
            LatLon::new(32.9, 13.2),
            LatLon::new(32.9, 13.2),
            size,
            whole,
        );
        assert!((z_point - 8.0).abs() < 1e-9);
    }

    /// Where `p` lands on a map of `size` at `view`, in points from its top left.
    fn screen_of(p: LatLon, view: (LatLon, f64), size: Vec2) -> Pos2 {
        let proj = MercatorProjection;
        let c = proj.project(to_position(view.0), view.1);
        let q = proj.project(to_position(p), view.1);
        pos2(
            (q.x() - c.x()) as f32 + size.x / 2.0,
            (q.y() - c.y()) as f32 + size.y / 2.0,
        )
    }

    #[test]
    fn a_fit_puts_the_box_in_the_area_the_legend_leaves_free() {
        let size = vec2(540.0, 340.0);
        let (sw, ne) = (LatLon::new(25.0, 2.0), LatLon::new(60.0, 100.0));
        for open in [true, false] {
            let free = free_rect(size, open, false);
            let legend = legend_rect(Rect::from_min_size(Pos2::ZERO, size), open, false);
            assert!(!free.intersects(legend), "{free:?} {legend:?}");
            let view = fit_bounds(sw, ne, size, free);
            for corner in [
                sw,
                ne,
                LatLon::new(sw.lat, ne.lon),
                LatLon::new(ne.lat, sw.lon),
            ] {
                let at = screen_of(corner, view, size);
                assert!(free.contains(at), "{corner:?} at {at:?} outside {free:?}");
            }
        }
    }

    #[test]
    fn a_world_wide_corpus_fits_a_small_window_whole() {
        // The map of a 1024x640 window with the article pane open, the legend folded.
        let size = vec2(545.0, 345.0);
        let free = free_rect(size, false, false);
        // Markers from Lima to Christchurch.
        let (sw, ne) = (LatLon::new(-43.5, -77.0), LatLon::new(55.8, 172.6));
        let view = fit_bounds(sw, ne, size, free);
        assert!(view.1 < 1.0, "zoomed out below 1: {}", view.1);
        for corner in [sw, ne] {
            let at = screen_of(corner, view, size);
            assert!(free.contains(at), "{corner:?} at {at:?} outside {free:?}");
        }
    }

    #[test]
    fn revealing_pans_when_the_box_fits_and_zooms_out_when_it_does_not() {
        let size = vec2(800.0, 600.0);
        let free = free_rect(size, true, false);
        let rome = (LatLon::new(41.8, 12.4), LatLon::new(41.95, 12.6));
        let over_rome = fit_bounds(rome.0, rome.1, size, free);
        assert_eq!(reveal(rome.0, rome.1, over_rome, size, free), None);
        let tripoli = (LatLon::new(32.8, 13.1), LatLon::new(32.95, 13.3));
        let at_zoom_5 = (over_rome.0, 5.0);
        let (to, z) = reveal(tripoli.0, tripoli.1, at_zoom_5, size, free).expect("moves");
        assert!((z - 5.0).abs() < 1e-9, "the box fits: same zoom");
        assert!(free.contains(screen_of(tripoli.0, (to, z), size)));
        let libya_and_russia = (LatLon::new(25.0, 13.0), LatLon::new(60.0, 100.0));
        let (_, z) = reveal(
            libya_and_russia.0,
            libya_and_russia.1,
            at_zoom_5,
            size,
            free,
        )
        .expect("moves");
        assert!(z < 5.0, "zoomed out to fit: {z}");
    }
}
