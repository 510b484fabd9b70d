//! Rendering scenes to PNG without a GUI (`newsatlas render`): offline basemap tiles composed
//! for the scene's view, markers sized by the events in the scene's window and coloured by kind,
//! place labels and the caption, encoded with tiny-skia. As on the map, a marker whose events in
//! the window are all dated only by their article's publication is drawn hollow (a ring), and a
//! key in the corner says so when one is in view.
//!
//! This is the one drawing path of a slide: `newsatlas render` and the app's "Export PNG…" and
//! "Export every scene" all call [`render_scene`], so the same scene gives the same picture
//! whichever wrote it, and an export never shows the app's controls or moves the user's view.
//!
//! Key decisions: the view is the app's (walkers' 256-px tiles, so zoom `z` is a world of
//! `256 · 2^z` points), and a slide is the scene's view on a map 900 points high
//! ([`REFERENCE_HEIGHT_PT`]) scaled to the image, so a slide shows the same area and the same
//! marker, label and text sizes at any size, only sharper when larger (1920×1080 by default, a
//! projector's). Tiles are rendered one zoom level deeper than needed and scaled down, so lines
//! stay crisp at fractional zooms; text is rasterized with `ab_glyph` from egui's default font
//! bytes (plain data, no GUI). The caption and the legend go in the corners the markers and
//! their labels leave freest.
//! The markers are the app's: the scene becomes the app's state (`session::scene`), and the
//! markers, their sizes, folding and labels come from the one pipeline the map draws with
//! (`session::markers::markers_in_view`), laid out in points (900 px high = 1 px a point) and
//! scaled to the image. Only the drawing itself (`ui::map::draw_shape` in the app) is tiny-skia's
//! here.

use std::path::{Path, PathBuf};

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use tiny_skia::{
    Color, FillRule, FilterQuality, Paint, PathBuilder, Pixmap, PixmapPaint, Stroke, Transform,
};

use crate::basemap::mercator::{TILE_SIZE, TileCoord};
use crate::basemap::{BasemapData, Style, render_tile};
use crate::gazetteer::KindClass;
use crate::index::WindowCounts;
use crate::problem::Problem;
use crate::session::derived::{Derived, Model};
use crate::session::layout::{UnitPoint, Viewport};
use crate::session::markers::{LABEL_FONT_PT, LABEL_PAD, markers_in_view};
use crate::session::scenes::{self, Scene};

/// Image size and basemap style of a render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    pub width: u32,
    pub height: u32,
    pub style: Style,
}

/// The default slide: a projector's 1920×1080, light.
pub const DEFAULT_SLIDE_SIZE: (u32, u32) = (1920, 1080);

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: DEFAULT_SLIDE_SIZE.0,
            height: DEFAULT_SLIDE_SIZE.1,
            style: Style::Light,
        }
    }
}

/// A slide is the scene's view on a map this many points high, scaled to the image's height.
pub const REFERENCE_HEIGHT_PT: f32 = 900.0;

/// The zoom at which a slide of `options`' shape shows all of a map of `map_size_pt` points
/// (width, height) at `zoom`: what "Export PNG…" gives the view it captures.
pub fn slide_zoom_for_view(zoom: f64, map_size_pt: (f32, f32), options: RenderOptions) -> f64 {
    let (w, h) = (options.width.max(16) as f32, options.height.max(16) as f32);
    let slide_w_pt = REFERENCE_HEIGHT_PT * w / h;
    let ratio =
        (slide_w_pt / map_size_pt.0.max(1.0)).min(REFERENCE_HEIGHT_PT / map_size_pt.1.max(1.0));
    zoom + f64::from(ratio).log2()
}

type Rgba = [u8; 4];

/// The marker colours of a style: the app's palette of the same name (`ui::theme::Palette`).
#[derive(Clone, Copy, Debug)]
struct Colors {
    settlement: Rgba,
    facility: Rgba,
    area: Rgba,
    faded: Rgba,
    selected: Rgba,
    outline: Rgba,
    ink: Rgba,
    weak_ink: Rgba,
    halo: Rgba,
    /// The caption's and the legend's boxes.
    panel: Rgba,
}

const LIGHT: Colors = Colors {
    settlement: [205, 60, 0, 255],
    facility: [0, 95, 190, 255],
    area: [20, 130, 40, 255],
    faded: [90, 90, 90, 110],
    selected: [200, 0, 120, 255],
    outline: [255, 255, 255, 255],
    ink: [15, 15, 15, 255],
    weak_ink: [80, 84, 92, 255],
    halo: [255, 255, 255, 230],
    panel: [255, 255, 255, 225],
};

const DARK: Colors = Colors {
    settlement: [255, 120, 60, 255],
    facility: [90, 200, 255, 255],
    area: [120, 230, 120, 255],
    faded: [150, 150, 150, 110],
    selected: [255, 230, 0, 255],
    outline: [10, 10, 10, 255],
    ink: [240, 240, 240, 255],
    weak_ink: [170, 176, 186, 255],
    halo: [0, 0, 0, 230],
    panel: [20, 24, 30, 225],
};

impl Colors {
    fn of(style: Style) -> Colors {
        match style {
            Style::Light => LIGHT,
            Style::Dark => DARK,
        }
    }

    fn kind(&self, class: KindClass) -> Rgba {
        match class {
            KindClass::Settlement => self.settlement,
            KindClass::Facility => self.facility,
            KindClass::Area => self.area,
        }
    }
}

fn color(c: Rgba) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], c[3])
}

fn paint(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(color(c));
    p.anti_alias = true;
    p
}

/// A loaded font and text drawing into a pixmap.
pub struct Text {
    font: FontRef<'static>,
}

impl Text {
    /// egui's default proportional font (Ubuntu Light), bundled as bytes by `epaint_default_fonts`.
    pub fn new() -> Result<Text, String> {
        FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT)
            .map(|font| Text { font })
            .map_err(|e| format!("the bundled font does not load: {e}"))
    }

    /// Width of `text` at `px` pixels.
    pub fn width(&self, text: &str, px: f32) -> f32 {
        let scaled = self.font.as_scaled(PxScale::from(px));
        let mut last = None;
        let mut x = 0.0;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(prev) = last {
                x += scaled.kern(prev, id);
            }
            x += scaled.h_advance(id);
            last = Some(id);
        }
        x
    }

    /// Height of a line of text at `px` pixels.
    pub fn line_height(&self, px: f32) -> f32 {
        let scaled = self.font.as_scaled(PxScale::from(px));
        scaled.ascent() - scaled.descent()
    }

    /// Draws `text` with its top-left at (`x`, `y`); `bold` draws it twice, a little apart.
    #[allow(clippy::too_many_arguments)]
    fn draw(&self, pixmap: &mut Pixmap, text: &str, x: f32, y: f32, px: f32, c: Rgba, bold: bool) {
        let scaled = self.font.as_scaled(PxScale::from(px));
        let baseline = y + scaled.ascent();
        let offsets: &[f32] = if bold { &[0.0, 0.6] } else { &[0.0] };
        for dx in offsets {
            let mut last = None;
            let mut pen = x + dx;
            for ch in text.chars() {
                let id = scaled.glyph_id(ch);
                if let Some(prev) = last {
                    pen += scaled.kern(prev, id);
                }
                let glyph = id.with_scale_and_position(px, point(pen, baseline));
                pen += scaled.h_advance(id);
                last = Some(id);
                let Some(outline) = self.font.outline_glyph(glyph) else {
                    continue;
                };
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    let px_x = bounds.min.x as i64 + i64::from(gx);
                    let px_y = bounds.min.y as i64 + i64::from(gy);
                    blend(pixmap, px_x, px_y, c, coverage);
                });
            }
        }
    }

    /// Text with a halo of `halo` around it, readable on any basemap.
    #[allow(clippy::too_many_arguments)]
    fn draw_with_halo(
        &self,
        pixmap: &mut Pixmap,
        text: &str,
        x: f32,
        y: f32,
        px: f32,
        c: Rgba,
        halo: Rgba,
    ) {
        let r = (px / 9.0).max(1.5);
        for (dx, dy) in [
            (-r, 0.0),
            (r, 0.0),
            (0.0, -r),
            (0.0, r),
            (-r * 0.7, -r * 0.7),
            (r * 0.7, -r * 0.7),
            (-r * 0.7, r * 0.7),
            (r * 0.7, r * 0.7),
        ] {
            self.draw(pixmap, text, x + dx, y + dy, px, halo, true);
        }
        self.draw(pixmap, text, x, y, px, c, true);
    }

    /// Greedy word wrap of `text` into lines at most `max_width` wide.
    fn wrap(&self, text: &str, px: f32, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if !line.is_empty() && self.width(&candidate, px) > max_width {
                    lines.push(std::mem::replace(&mut line, word.to_owned()));
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }
}

#[allow(clippy::many_single_char_names)] // pixel math: x, y, w, h, a, i, k
/// Blends `c` at `coverage` over the premultiplied pixel at (`x`, `y`), if inside.
fn blend(pixmap: &mut Pixmap, x: i64, y: i64, c: Rgba, coverage: f32) {
    let (w, h) = (i64::from(pixmap.width()), i64::from(pixmap.height()));
    if x < 0 || y < 0 || x >= w || y >= h {
        return;
    }
    let a = (coverage.clamp(0.0, 1.0) * f32::from(c[3]) / 255.0).clamp(0.0, 1.0);
    let i = ((y * w + x) * 4) as usize;
    let data = pixmap.data_mut();
    for k in 0..3 {
        let src = f32::from(c[k]) * a;
        data[i + k] = (src + f32::from(data[i + k]) * (1.0 - a)).round() as u8;
    }
    data[i + 3] = (255.0 * a + f32::from(data[i + 3]) * (1.0 - a)).round() as u8;
}

#[allow(clippy::many_single_char_names)] // image sizes and pixel positions
/// Renders one scene. The returned list names the scene's ids this data does not know.
pub fn render_scene(
    model: &Model,
    basemap: &BasemapData,
    text: &Text,
    scene: &Scene,
    options: RenderOptions,
) -> Result<(Pixmap, Vec<String>), String> {
    let (w, h) = (options.width.max(16), options.height.max(16));
    let mut pixmap = Pixmap::new(w, h).ok_or_else(|| format!("cannot make a {w}×{h} image"))?;
    // Image pixels per point: the slide is a map REFERENCE_HEIGHT_PT points high, scaled.
    let s = h as f32 / REFERENCE_HEIGHT_PT;
    let view = Viewport {
        center: scene.center,
        zoom: scene.zoom + f64::from(s).log2(),
        width_px: w as f32,
        height_px: h as f32,
    };
    draw_basemap(&mut pixmap, basemap, &view, options.style)?;

    // The app's state for the scene, and the markers the map would draw: laid out in points.
    let (state, unknown) = crate::session::scene::state_for_scene(model, scene);
    let derived = Derived::build(model, &state, 0, WindowCounts::default());
    let points = Viewport {
        zoom: scene.zoom,
        width_px: w as f32 / s,
        height_px: h as f32 / s,
        ..view
    };
    let laid = markers_in_view(model, &derived, &points, &[], |name| {
        (
            text.width(name, LABEL_FONT_PT),
            text.line_height(LABEL_FONT_PT),
        )
    })
    .markers;

    let colors = Colors::of(options.style);
    // What the caption and the legend should not cover: markers (weighted more) and labels.
    let mut obstacles: Vec<(Area, f32)> = Vec::with_capacity(laid.len() * 2);
    let mut any_hollow = false;
    let mut any_faded = false;
    for l in &laid {
        let Some(m) = derived.markers.get(l.input) else {
            continue;
        };
        let at = (l.center.x * s, l.center.y * s);
        let r = l.radius_px * s;
        obstacles.push((Area::around(at, r), if m.active() { 4.0 } else { 1.0 }));
        if l.publication_only() {
            hollow_circle(&mut pixmap, at, r, colors.kind(m.class), colors.outline, s);
            any_hollow = true;
        } else {
            any_faded |= !m.active();
            let fill = if m.active() {
                colors.kind(m.class)
            } else {
                colors.faded
            };
            circle(&mut pixmap, at, r, fill, colors.outline, 2.5 * s);
        }
        if m.selected {
            ring(&mut pixmap, at, r + 6.0 * s, colors.selected, 4.0 * s);
        }
    }

    // Labels where the layout put them, on top of every marker.
    let label_px = LABEL_FONT_PT * s;
    for l in &laid {
        let (Some(p), Some(m)) = (l.label, derived.markers.get(l.input)) else {
            continue;
        };
        let x = (l.center.x + p.offset_x_px + LABEL_PAD.0 / 2.0) * s;
        let y = (l.center.y + p.offset_y_px + LABEL_PAD.1 / 2.0) * s;
        let tw = text.width(&m.name, label_px);
        let th = text.line_height(label_px);
        obstacles.push((Area { x, y, w: tw, h: th }, 2.0));
        if p.leader {
            let (cx, cy) = (l.center.x * s, l.center.y * s);
            let tx = cx.clamp(x, x + tw);
            let ty = cy.clamp(y, y + th);
            line(&mut pixmap, (cx, cy), (tx, ty), colors.ink, 1.5 * s);
        }
        let c = if m.selected {
            colors.selected
        } else {
            colors.ink
        };
        text.draw_with_halo(&mut pixmap, &m.name, x, y, label_px, c, colors.halo);
    }

    // The caption, then the legend, each in the corner the markers leave freest.
    let image = (w as f32, h as f32);
    let margin = 16.0 * s;
    let caption = caption_layout(text, scene, image.0, s);
    let caption_at = freest_corner(image, caption.size, margin, &obstacles);
    draw_caption(&mut pixmap, text, &caption, caption_at, &colors);
    obstacles.push((caption_at, f32::MAX / 1e6));
    let legend = legend_layout(text, any_hollow, any_faded, s);
    let legend_at = freest_corner(image, legend.size, margin, &obstacles);
    draw_legend(&mut pixmap, text, &legend, legend_at, &colors, s);
    Ok((pixmap, unknown))
}

/// A rectangle of the image, in pixels from its top left.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Area {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

impl Area {
    fn around(at: (f32, f32), r: f32) -> Area {
        Area {
            x: at.0 - r,
            y: at.1 - r,
            w: 2.0 * r,
            h: 2.0 * r,
        }
    }

    fn overlap(&self, other: &Area) -> f32 {
        let w = (self.x + self.w).min(other.x + other.w) - self.x.max(other.x);
        let h = (self.y + self.h).min(other.y + other.h) - self.y.max(other.y);
        w.max(0.0) * h.max(0.0)
    }
}

/// Of the four corners of an `image` (inset by `margin`), where a box of `size` covers the
/// least of the weighted `obstacles`; ties go to the first of bottom left, bottom right, top
/// left, top right (where a reader looks for a caption first).
fn freest_corner(
    image: (f32, f32),
    size: (f32, f32),
    margin: f32,
    obstacles: &[(Area, f32)],
) -> Area {
    let (w, h) = size;
    let left = margin;
    let right = (image.0 - margin - w).max(margin);
    let top = margin;
    let bottom = (image.1 - margin - h).max(margin);
    let corners = [(left, bottom), (right, bottom), (left, top), (right, top)];
    let mut best: Option<(f32, Area)> = None;
    for (x, y) in corners {
        let area = Area { x, y, w, h };
        let covered: f32 = obstacles
            .iter()
            .map(|(o, weight)| area.overlap(o) * weight)
            .sum();
        if best.is_none_or(|(least, _)| covered < least) {
            best = Some((covered, area));
        }
    }
    best.map_or(
        Area {
            x: left,
            y: bottom,
            w,
            h,
        },
        |(_, area)| area,
    )
}

/// The legend's rows: what each colour and the hollow ring mean (the app's legend's words).
const LEGEND_ROWS: [(KindClass, &str); 3] = [
    (KindClass::Settlement, "city, district"),
    (KindClass::Facility, "airport, base, site"),
    (KindClass::Area, "country, region"),
];

/// The slide's key for a hollow marker (as the app's legend says it).
const HOLLOW_KEY: &str = "dated by publication only";

/// The slide's key for a marker with no events in the window (as the app's legend says it).
const FADED_KEY: &str = "no events in the window";

/// The basemap's credit, the legend's last line.
const CREDIT: &str = "Basemap: Natural Earth";

struct LegendLayout {
    size: (f32, f32),
    hollow: bool,
    faded: bool,
    row_h: f32,
    text_px: f32,
    pad: f32,
}

fn legend_layout(text: &Text, hollow: bool, faded: bool, s: f32) -> LegendLayout {
    let text_px = 17.0 * s;
    let row_h = 26.0 * s;
    let pad = 10.0 * s;
    let mut widest = text.width(CREDIT, 13.0 * s);
    for (_, label) in LEGEND_ROWS {
        widest = widest.max(text.width(label, text_px) + 30.0 * s);
    }
    if hollow {
        widest = widest.max(text.width(HOLLOW_KEY, text_px) + 30.0 * s);
    }
    if faded {
        widest = widest.max(text.width(FADED_KEY, text_px) + 30.0 * s);
    }
    let rows = (LEGEND_ROWS.len() + usize::from(hollow) + usize::from(faded)) as f32;
    LegendLayout {
        size: (
            widest + 2.0 * pad,
            rows * row_h + text.line_height(13.0 * s) + 2.0 * pad,
        ),
        hollow,
        faded,
        row_h,
        text_px,
        pad,
    }
}

#[allow(clippy::many_single_char_names)] // pixel math: x, y, r, c, s
fn draw_legend(
    pixmap: &mut Pixmap,
    text: &Text,
    legend: &LegendLayout,
    at: Area,
    colors: &Colors,
    s: f32,
) {
    fill_box(pixmap, at, colors.panel);
    let r = 8.0 * s;
    let x = at.x + legend.pad;
    let mut y = at.y + legend.pad;
    let text_dy = (legend.row_h - text.line_height(legend.text_px)) / 2.0;
    for (class, label) in LEGEND_ROWS {
        let c = (x + r, y + legend.row_h / 2.0);
        circle(pixmap, c, r, colors.kind(class), colors.outline, 2.0 * s);
        let tx = x + 30.0 * s;
        text.draw(
            pixmap,
            label,
            tx,
            y + text_dy,
            legend.text_px,
            colors.ink,
            false,
        );
        y += legend.row_h;
    }
    if legend.hollow {
        let c = (x + r, y + legend.row_h / 2.0);
        hollow_circle(pixmap, c, r, colors.settlement, colors.outline, s);
        let tx = x + 30.0 * s;
        text.draw(
            pixmap,
            HOLLOW_KEY,
            tx,
            y + text_dy,
            legend.text_px,
            colors.ink,
            false,
        );
        y += legend.row_h;
    }
    if legend.faded {
        let c = (x + r, y + legend.row_h / 2.0);
        circle(pixmap, c, r * 0.6, colors.faded, colors.outline, 1.5 * s);
        let tx = x + 30.0 * s;
        text.draw(
            pixmap,
            FADED_KEY,
            tx,
            y + text_dy,
            legend.text_px,
            colors.ink,
            false,
        );
        y += legend.row_h;
    }
    text.draw(pixmap, CREDIT, x, y, 13.0 * s, colors.weak_ink, false);
}

fn fill_box(pixmap: &mut Pixmap, at: Area, c: Rgba) {
    if let Some(rect) = tiny_skia::Rect::from_xywh(at.x, at.y, at.w, at.h) {
        pixmap.fill_rect(rect, &paint(c), Transform::identity(), None);
    }
}

/// The basemap under `view` (in pixels of the image).
fn draw_basemap(
    pixmap: &mut Pixmap,
    basemap: &BasemapData,
    view: &Viewport,
    style: Style,
) -> Result<(), String> {
    pixmap.fill(color(style.palette().sea));
    // One level deeper than the zoom, scaled down: crisp at fractional zooms.
    let z = (view.zoom.ceil() as i64).clamp(0, 14) as u8;
    let n = 1i64 << z;
    let tile_world = 1.0 / n as f64;
    let world_px = view.world_size_px();
    let scale = (world_px * tile_world / f64::from(TILE_SIZE)) as f32;
    let half_w = f64::from(view.width_px) / 2.0 / world_px;
    let half_h = f64::from(view.height_px) / 2.0 / world_px;
    let UnitPoint { x: cx, y: cy } = UnitPoint::of(view.center);
    let projection = view.projection();
    let x0 = ((cx - half_w) / tile_world).floor() as i64;
    let x1 = ((cx + half_w) / tile_world).floor() as i64;
    let y0 = (((cy - half_h) / tile_world).floor() as i64).max(0);
    let y1 = (((cy + half_h) / tile_world).floor() as i64).min(n - 1);
    let overlap = scale + 1.0 / TILE_SIZE as f32;
    let quality = PixmapPaint {
        quality: FilterQuality::Bilinear,
        ..PixmapPaint::default()
    };
    for ty in y0..=y1 {
        for tx in x0..=x1 {
            let coord = TileCoord::new(tx.rem_euclid(n) as u32, ty as u32, z);
            let tile = render_tile(basemap, coord, style, 1).map_err(|e| e.to_string())?;
            let size = tiny_skia::IntSize::from_wh(tile.size, tile.size)
                .ok_or_else(|| "an empty tile".to_owned())?;
            // Tiles are opaque, so straight and premultiplied alpha are the same bytes.
            let Some(tile) = Pixmap::from_vec(tile.rgba, size) else {
                continue;
            };
            let origin = projection.screen(UnitPoint {
                x: tx as f64 * tile_world,
                y: ty as f64 * tile_world,
            });
            let (ox, oy) = (origin.x, origin.y);
            pixmap.draw_pixmap(
                0,
                0,
                tile.as_ref(),
                &quality,
                // One pixel more each way: neighbouring tiles overlap instead of leaving a
                // half-covered (lighter) hairline where they meet at a fractional position.
                Transform::from_row(overlap, 0.0, 0.0, overlap, ox, oy),
                None,
            );
        }
    }
    Ok(())
}

fn circle(pixmap: &mut Pixmap, at: (f32, f32), r: f32, fill: Rgba, outline: Rgba, width: f32) {
    let Some(path) = PathBuilder::from_circle(at.0, at.1, r.max(0.5)) else {
        return;
    };
    pixmap.fill_path(
        &path,
        &paint(fill),
        FillRule::Winding,
        Transform::identity(),
        None,
    );
    let stroke = Stroke {
        width,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint(outline), &stroke, Transform::identity(), None);
}

/// A hollow marker: a ring of `c` between two `outline` hairlines, open inside (the app's
/// `ui::map::draw_shape` with `MarkerStyle::Hollow`).
fn hollow_circle(pixmap: &mut Pixmap, at: (f32, f32), r: f32, c: Rgba, outline: Rgba, s: f32) {
    let band = (r * 0.3).clamp(2.5 * s, 5.0 * s);
    ring(pixmap, at, r, outline, 1.5 * s);
    ring(pixmap, at, r - band / 2.0 - 0.5 * s, c, band);
    ring(pixmap, at, (r - band - 1.0 * s).max(1.0), outline, 1.5 * s);
}

fn line(pixmap: &mut Pixmap, from: (f32, f32), to: (f32, f32), c: Rgba, width: f32) {
    let mut path = PathBuilder::new();
    path.move_to(from.0, from.1);
    path.line_to(to.0, to.1);
    let Some(path) = path.finish() else {
        return;
    };
    let stroke = Stroke {
        width,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint(c), &stroke, Transform::identity(), None);
}

fn ring(pixmap: &mut Pixmap, at: (f32, f32), r: f32, c: Rgba, width: f32) {
    let Some(path) = PathBuilder::from_circle(at.0, at.1, r) else {
        return;
    };
    let stroke = Stroke {
        width,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint(c), &stroke, Transform::identity(), None);
}

/// The caption box's text, wrapped, and its size.
struct CaptionLayout {
    size: (f32, f32),
    title: String,
    /// The time window, under the title (`None`: the title is the time window).
    when: Option<String>,
    lines: Vec<String>,
    title_px: f32,
    body_px: f32,
    pad: f32,
}

/// The scene's name, time window and caption (at most four lines), in a box at most 45% of the
/// image wide (wider only when the image is narrow), so it fits a corner.
fn caption_layout(text: &Text, scene: &Scene, image_w: f32, s: f32) -> CaptionLayout {
    let title_px = 30.0 * s;
    let body_px = 22.0 * s;
    let pad = 14.0 * s;
    let when = match scene.mode {
        scenes::SceneMode::Window => format!(
            "{} ± {} days",
            scene.cursor.format("%-d %B %Y"),
            scene.half_window_days
        ),
        scenes::SceneMode::Cumulative => format!("up to {}", scene.cursor.format("%-d %B %Y")),
    };
    let name = scenes::shown(&scene.name, scenes::MAX_SHOWN_NAME_CHARS);
    let (title, when) = if name.trim().is_empty() {
        (when, None)
    } else {
        (name.into_owned(), Some(when))
    };
    let max_w = (image_w - 32.0 * s).min((image_w * 0.45).max(560.0 * s));
    let caption = scenes::shown(&scene.caption, scenes::MAX_SHOWN_CAPTION_CHARS);
    let mut lines = text.wrap(&caption, body_px, max_w - 2.0 * pad);
    lines.retain(|l| !l.trim().is_empty());
    lines.truncate(4);
    let mut widest = text.width(&title, title_px);
    if let Some(when) = &when {
        widest = widest.max(text.width(when, body_px));
    }
    for l in &lines {
        widest = widest.max(text.width(l, body_px));
    }
    let rows = lines.len() as f32 + if when.is_some() { 1.0 } else { 0.0 };
    CaptionLayout {
        size: (
            widest.min(max_w - 2.0 * pad) + 2.0 * pad,
            2.0 * pad + title_px * 1.25 + rows * body_px * 1.3,
        ),
        title,
        when,
        lines,
        title_px,
        body_px,
        pad,
    }
}

/// The caption box at `at`.
fn draw_caption(
    pixmap: &mut Pixmap,
    text: &Text,
    caption: &CaptionLayout,
    at: Area,
    colors: &Colors,
) {
    fill_box(pixmap, at, colors.panel);
    let x = at.x + caption.pad;
    let mut y = at.y + caption.pad;
    text.draw(
        pixmap,
        &caption.title,
        x,
        y,
        caption.title_px,
        colors.ink,
        true,
    );
    y += caption.title_px * 1.25;
    if let Some(when) = &caption.when {
        text.draw(pixmap, when, x, y, caption.body_px, colors.weak_ink, false);
        y += caption.body_px * 1.3;
    }
    for line in &caption.lines {
        text.draw(pixmap, line, x, y, caption.body_px, colors.ink, false);
        y += caption.body_px * 1.3;
    }
}

/// Why a slide was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideError {
    /// The picture could not be made (a size too large, a basemap asset unreadable).
    Render(String),
    /// The PNG could not be encoded or written.
    Write(String),
}

impl std::fmt::Display for SlideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SlideError::Render(e) => write!(f, "not rendered: {e}"),
            SlideError::Write(e) => write!(f, "cannot write the PNG: {e}"),
        }
    }
}

/// Renders `scene` and writes it as a PNG at `path` (replaced whole, never half written): the
/// one way a slide reaches a file, for `newsatlas render` and the app's exports alike. Returns
/// the scene's ids this data does not know.
pub fn write_scene_png(
    model: &Model,
    basemap: &BasemapData,
    text: &Text,
    scene: &Scene,
    options: RenderOptions,
    path: &Path,
) -> Result<Vec<String>, SlideError> {
    let (pixmap, unknown) =
        render_scene(model, basemap, text, scene, options).map_err(SlideError::Render)?;
    let png = pixmap
        .encode_png()
        .map_err(|e| SlideError::Write(e.to_string()))?;
    crate::atomic::write_output(path, &png).map_err(|e| SlideError::Write(e.to_string()))?;
    Ok(unknown)
}

/// What `render_scenes_file` did.
#[derive(Debug, Default)]
pub struct RenderReport {
    pub written: Vec<PathBuf>,
    pub problems: Vec<Problem>,
}

/// Renders every scene of the file at `scenes_path` into `out_dir` as `01-<slug>.png`…
/// `Err` means the scenes file is unusable (unreadable, not TOML) or `out_dir` cannot be made;
/// a bad scene or an unknown id is a problem in the report, and the other scenes still render.
pub fn render_scenes_file(
    model: &Model,
    scenes_path: &Path,
    out_dir: &Path,
    options: RenderOptions,
) -> anyhow::Result<RenderReport> {
    use anyhow::Context;
    // The user-file read: a size limit, only regular files, UTF-8 checked with the line.
    let text = match crate::atomic::read_user_file(scenes_path, crate::atomic::MAX_USER_FILE_BYTES)
    {
        Ok(Some(text)) => text,
        Ok(None) => anyhow::bail!(
            "cannot read the scenes file {}: it does not exist",
            scenes_path.display()
        ),
        Err(failure) => {
            let at = failure.line.map(|l| format!(":{l}")).unwrap_or_default();
            anyhow::bail!(
                "cannot read the scenes file {}{at}: {}",
                scenes_path.display(),
                failure.message
            )
        }
    };
    let parsed = scenes::parse(&text);
    let mut report = RenderReport::default();
    for (line, message) in parsed.problems {
        let problem = Problem::error(scenes_path, line, message);
        if !parsed.readable {
            anyhow::bail!("{problem}");
        }
        report.problems.push(problem);
    }
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create the folder {}", out_dir.display()))?;
    let basemap = BasemapData::embedded();
    let text = Text::new().map_err(anyhow::Error::msg)?;
    for (i, loaded) in parsed.scenes.iter().enumerate() {
        let scene = &loaded.scene;
        let path = out_dir.join(scenes::export_file_name(i, scene));
        match write_scene_png(model, &basemap, &text, scene, options, &path) {
            Ok(unknown) => {
                for id in unknown {
                    report.problems.push(Problem::warning(
                        scenes_path,
                        Some(loaded.line),
                        format!(
                            "scene “{}”: {id} is not in this data; rendered without it",
                            scene.name
                        ),
                    ));
                }
                report.written.push(path);
            }
            Err(SlideError::Write(e)) => report.problems.push(Problem::error(
                &path,
                None,
                format!("cannot write the PNG: {e}"),
            )),
            Err(SlideError::Render(e)) => report.problems.push(Problem::error(
                scenes_path,
                Some(loaded.line),
                format!("scene “{}” not rendered: {e}", scene.name),
            )),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;
    use crate::session::dataset::Dataset;

    #[test]
    fn text_is_measured_wider_for_longer_strings_and_wrapped_to_fit() {
        let text = Text::new().expect("font");
        assert!(text.width("Tripoli", 20.0) > text.width("Sirte", 20.0));
        let lines = text.wrap("one two three four five six seven", 20.0, 80.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| text.width(l, 20.0) <= 80.0 || !l.contains(' '))
        );
    }

    #[test]
    fn the_centre_of_the_view_is_the_centre_of_the_image() {
        let v = Viewport {
            center: LatLon::new(32.9, 13.2),
            zoom: 7.0,
            width_px: 1600.0,
            height_px: 900.0,
        };
        let p = v.screen_from_geo(LatLon::new(32.9, 13.2));
        let (x, y) = (p.x, p.y);
        assert!((x - 800.0).abs() < 1e-3 && (y - 450.0).abs() < 1e-3);
        // One degree east at zoom 7 is 256·2^7/360 pixels to the right.
        let x2 = v.screen_from_geo(LatLon::new(32.9, 14.2)).x;
        assert!((x2 - x - 256.0 * 128.0 / 360.0).abs() < 0.01);
    }

    #[test]
    fn a_place_dated_only_by_publication_renders_as_a_ring_open_inside() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // Two articles: one sentence dated by its text, and towns named with no date at all
        // (so dated by publication only, whatever the event-time rule carries in the seeds).
        let dated = "title: dated\ndate: 2020-01-13\n\nOn Sunday, fighting resumed in Tripoli.\n";
        let undated = "title: undated\ndate: 2020-01-13\n\nProtesters gathered in Misrata.\n";
        let (a, _) = crate::corpus::Article::from_text("a", Path::new("a.txt"), dated);
        let (b, _) = crate::corpus::Article::from_text("b", Path::new("b.txt"), undated);
        let (gazetteer, _) = crate::gazetteer::Gazetteer::load_bundled(&root.join("data"));
        let ds = Dataset::build(
            crate::corpus::Corpus {
                articles: vec![a, b],
            },
            std::sync::Arc::new(gazetteer),
            Vec::new(),
        );
        let (_, last) = ds.index.timeline_range().expect("dated seeds");
        let window = crate::index::TimeWindow::up_to(last);
        let counts = WindowCounts::new(&ds.index, window);
        let places = ds.gazetteer.places();
        // The busiest town whose events are all dated by publication only.
        let (slot, _) = ds
            .index
            .places()
            .iter()
            .enumerate()
            .filter(|(slot, agg)| {
                counts.count(*slot) > 0
                    && counts.publication(*slot) == counts.count(*slot)
                    && places
                        .get(agg.place.0 as usize)
                        .is_some_and(|p| p.kind.class() == KindClass::Settlement)
            })
            .max_by_key(|(slot, _)| counts.count(*slot))
            .expect("a town dated by publication only");
        let place = places
            .get(ds.index.places()[slot].place.0 as usize)
            .expect("the town's place");
        let (name, coord) = (place.name.to_owned(), place.coord);
        let scene = Scene {
            name: "hollow".to_owned(),
            caption: String::new(),
            center: coord,
            zoom: 9.0,
            cursor: last,
            half_window_days: 7,
            mode: scenes::SceneMode::Cumulative,
            place: None,
            article: None,
        };
        let options = RenderOptions {
            width: 800,
            height: 600,
            style: Style::Light,
        };
        let text = Text::new().expect("font");
        let model = Model::new(ds, 1);
        let (pixmap, _) = render_scene(&model, &BasemapData::embedded(), &text, &scene, options)
            .expect("renders");
        let near = |p: tiny_skia::PremultipliedColorU8, c: Rgba| {
            [p.red(), p.green(), p.blue()]
                .iter()
                .zip(c)
                .all(|(a, b)| a.abs_diff(b) <= 30)
        };
        let at = |x: u32, y: u32| pixmap.pixel(x, y).expect("inside");
        assert!(
            !near(at(400, 300), LIGHT.settlement),
            "{}: open inside, got {:?}",
            name,
            at(400, 300)
        );
        // West of the centre (labels go east): the ring in the town colour.
        assert!(
            (380..400).any(|x| near(at(x, 300), LIGHT.settlement)),
            "{name}: a ring around it"
        );
    }

    #[test]
    fn blending_text_darkens_a_white_pixel() {
        let mut p = Pixmap::new(4, 4).expect("pixmap");
        p.fill(Color::WHITE);
        blend(&mut p, 1, 1, [0, 0, 0, 255], 0.5);
        blend(&mut p, 9, 9, [0, 0, 0, 255], 1.0);
        let px = p.pixel(1, 1).expect("pixel");
        assert!((126..=129).contains(&px.red()), "{px:?}");
        assert_eq!(px.alpha(), 255);
    }
}
