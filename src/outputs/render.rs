//! Rendering scenes to PNG without a GUI (`newsatlas render`): offline basemap tiles composed
//! for the scene's view, markers sized by the events in the scene's window and coloured by kind,
//! place labels and the caption, encoded with tiny-skia. As on the map, a marker whose events in
//! the window are all dated only by their article's publication is drawn hollow (a ring), and a
//! key in the corner says so when one is in view.
//!
//! Key decisions: the view is the app's (walkers' 256-px tiles, so zoom `z` is a world of
//! `256 · 2^z` pixels), tiles are rendered one zoom level deeper than needed and scaled down, so
//! lines stay crisp at fractional zooms; text is rasterized with `ab_glyph` from egui's default
//! font bytes (plain data, no GUI); sizes scale with the image height (900 px = the app's sizes).
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

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 1600,
            height: 900,
            style: Style::Light,
        }
    }
}

type Rgba = [u8; 4];

const SETTLEMENT: Rgba = [205, 60, 0, 255];
const FACILITY: Rgba = [0, 95, 190, 255];
const AREA: Rgba = [20, 130, 40, 255];
const FADED: Rgba = [110, 110, 110, 150];
const SELECTED: Rgba = [200, 0, 120, 255];

fn kind_color(class: KindClass) -> Rgba {
    match class {
        KindClass::Settlement => SETTLEMENT,
        KindClass::Facility => FACILITY,
        KindClass::Area => AREA,
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
    let s = (h as f32 / 900.0).clamp(0.4, 4.0);
    let view = Viewport {
        center: scene.center,
        zoom: scene.zoom,
        width_px: w as f32,
        height_px: h as f32,
    };
    draw_basemap(&mut pixmap, basemap, &view, options.style)?;

    // The app's state for the scene, and the markers the map would draw: laid out in points.
    let (state, unknown) = crate::session::scene::state_for_scene(model, scene);
    let derived = Derived::build(model, &state, 0, WindowCounts::default());
    let points = Viewport {
        zoom: scene.zoom - f64::from(s).log2(),
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

    let outline = match options.style {
        Style::Light => [255, 255, 255, 255],
        Style::Dark => [10, 10, 10, 255],
    };
    let mut any_hollow = false;
    for l in &laid {
        let Some(m) = derived.markers.get(l.input) else {
            continue;
        };
        let at = (l.center.x * s, l.center.y * s);
        let r = l.radius_px * s;
        if l.publication_only() {
            hollow_circle(&mut pixmap, at, r, kind_color(m.class), outline, s);
            any_hollow = true;
        } else {
            let fill = if m.active() {
                kind_color(m.class)
            } else {
                FADED
            };
            circle(&mut pixmap, at, r, fill, outline, 2.5 * s);
        }
        if m.selected {
            ring(&mut pixmap, at, r + 6.0 * s, SELECTED, 4.0 * s);
        }
    }

    // Labels where the layout put them, on top of every marker.
    let (ink, halo) = match options.style {
        Style::Light => ([20, 20, 20, 255], [255, 255, 255, 230]),
        Style::Dark => ([240, 240, 240, 255], [0, 0, 0, 230]),
    };
    let label_px = LABEL_FONT_PT * s;
    for l in &laid {
        let (Some(p), Some(m)) = (l.label, derived.markers.get(l.input)) else {
            continue;
        };
        let x = (l.center.x + p.offset_x_px + LABEL_PAD.0 / 2.0) * s;
        let y = (l.center.y + p.offset_y_px + LABEL_PAD.1 / 2.0) * s;
        if p.leader {
            let (cx, cy) = (l.center.x * s, l.center.y * s);
            let tw = text.width(&m.name, label_px);
            let th = text.line_height(label_px);
            let tx = cx.clamp(x, x + tw);
            let ty = cy.clamp(y, y + th);
            line(&mut pixmap, (cx, cy), (tx, ty), ink, 1.5 * s);
        }
        let c = if m.selected { SELECTED } else { ink };
        text.draw_with_halo(&mut pixmap, &m.name, x, y, label_px, c, halo);
    }

    if any_hollow {
        // The key, top left: what a hollow marker means.
        let key_px = 18.0 * s;
        let r = 9.0 * s;
        let at = (16.0 * s + r, 16.0 * s + r);
        hollow_circle(&mut pixmap, at, r, SETTLEMENT, outline, s);
        text.draw_with_halo(
            &mut pixmap,
            HOLLOW_KEY,
            at.0 + r + 8.0 * s,
            at.1 - key_px * 0.6,
            key_px,
            ink,
            halo,
        );
    }

    draw_caption(&mut pixmap, text, scene, s);
    Ok((pixmap, unknown))
}

/// The slide's key for a hollow marker (as the app's legend says it).
const HOLLOW_KEY: &str = "hollow: dated by publication only";

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
                Transform::from_row(scale, 0.0, 0.0, scale, ox, oy),
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

/// The scene's name, caption and time window in a band along the bottom.
fn draw_caption(pixmap: &mut Pixmap, text: &Text, scene: &Scene, s: f32) {
    let (w, h) = (pixmap.width() as f32, pixmap.height() as f32);
    let title_px = 32.0 * s;
    let body_px = 24.0 * s;
    let margin = 20.0 * s;
    let when = match scene.mode {
        scenes::SceneMode::Window => format!(
            "{} ± {} days",
            scene.cursor.format("%-d %B %Y"),
            scene.half_window_days
        ),
        scenes::SceneMode::Cumulative => format!("up to {}", scene.cursor.format("%-d %B %Y")),
    };
    let caption = scenes::shown(&scene.caption, scenes::MAX_SHOWN_CAPTION_CHARS);
    let mut lines = text.wrap(&caption, body_px, w - 2.0 * margin);
    lines.retain(|l| !l.trim().is_empty());
    lines.truncate(4);
    let band_h = margin * 1.5 + title_px * 1.25 + lines.len() as f32 * body_px * 1.3;
    if let Some(rect) = tiny_skia::Rect::from_xywh(0.0, h - band_h, w, band_h) {
        pixmap.fill_rect(
            rect,
            &paint([255, 255, 255, 225]),
            Transform::identity(),
            None,
        );
    }
    let ink = [15, 15, 15, 255];
    let mut y = h - band_h + margin * 0.75;
    let name = scenes::shown(&scene.name, scenes::MAX_SHOWN_NAME_CHARS);
    text.draw(pixmap, &name, margin, y, title_px, ink, true);
    let when_w = text.width(&when, body_px);
    text.draw(
        pixmap,
        &when,
        w - margin - when_w,
        y + (title_px - body_px) / 2.0,
        body_px,
        [60, 60, 60, 255],
        false,
    );
    y += title_px * 1.25;
    for line in &lines {
        text.draw(pixmap, line, margin, y, body_px, ink, false);
        y += body_px * 1.3;
    }
    let credit = "Basemap: Natural Earth";
    let credit_px = 13.0 * s;
    let cw = text.width(credit, credit_px);
    text.draw_with_halo(
        pixmap,
        credit,
        w - cw - 8.0 * s,
        h - band_h - credit_px * 1.6,
        credit_px,
        [60, 60, 60, 255],
        [255, 255, 255, 200],
    );
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
        match render_scene(model, &basemap, &text, scene, options) {
            Ok((pixmap, unknown)) => {
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
                let path = out_dir.join(scenes::export_file_name(i, scene));
                let written = pixmap
                    .encode_png()
                    .map_err(|e| e.to_string())
                    .and_then(|png| {
                        crate::atomic::write_output(&path, &png).map_err(|e| e.to_string())
                    });
                match written {
                    Ok(()) => report.written.push(path),
                    Err(e) => report.problems.push(Problem::error(
                        &path,
                        None,
                        format!("cannot write the PNG: {e}"),
                    )),
                }
            }
            Err(e) => report.problems.push(Problem::error(
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
            !near(at(400, 300), SETTLEMENT),
            "{}: open inside, got {:?}",
            name,
            at(400, 300)
        );
        // West of the centre (labels go east): the ring in the town colour.
        assert!(
            (380..400).any(|x| near(at(x, 300), SETTLEMENT)),
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
