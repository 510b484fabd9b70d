//! Rasterizing one XYZ tile with tiny-skia: sea background, land (one anti-aliased even-odd
//! path of every land piece whose bbox touches the tile), coastline, then country borders.
//! Pure: same inputs, same pixels; no I/O beyond the lazy asset parse in [`BasemapData`].

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform,
};

use super::data::{BasemapData, BasemapError, Detail, LinePiece, WorldBox};
use super::mercator::{TILE_SIZE, TileCoord};

/// An RGBA colour, 8 bits per channel, not premultiplied.
pub type Rgba = [u8; 4];

/// The colours of a basemap style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub sea: Rgba,
    pub land: Rgba,
    pub coast: Rgba,
    pub border: Rgba,
    /// Label text and its halo, for the label plugin.
    pub label: Rgba,
    pub label_halo: Rgba,
}

/// The offline styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Style {
    /// Pale sea, warm light land, mid-grey borders: calm and legible on a projector.
    #[default]
    Light,
    /// Dark slate sea and land for dim rooms.
    Dark,
}

impl Style {
    pub fn palette(self) -> Palette {
        match self {
            Style::Light => Palette {
                sea: [0xc9, 0xdd, 0xe8, 0xff],
                land: [0xf4, 0xef, 0xe3, 0xff],
                coast: [0x8f, 0xa9, 0xb8, 0xff],
                border: [0x8a, 0x86, 0x80, 0xff],
                label: [0x3a, 0x3a, 0x3a, 0xff],
                label_halo: [0xff, 0xff, 0xff, 0xd0],
            },
            Style::Dark => Palette {
                sea: [0x16, 0x20, 0x2a, 0xff],
                land: [0x30, 0x34, 0x38, 0xff],
                coast: [0x4d, 0x62, 0x72, 0xff],
                border: [0x80, 0x84, 0x88, 0xff],
                label: [0xe6, 0xe6, 0xe6, 0xff],
                label_halo: [0x10, 0x10, 0x10, 0xd0],
            },
        }
    }
}

/// A rendered tile: `size x size` RGBA8 pixels (not premultiplied), rows from the top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TileImage {
    pub size: u32,
    pub rgba: Vec<u8>,
}

impl TileImage {
    /// The pixel at column `x`, row `y`.
    pub fn pixel(&self, x: u32, y: u32) -> Rgba {
        let i = ((y * self.size + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }
}

/// Line widths in CSS pixels (multiplied by the render scale) by zoom.
fn widths(z: u8) -> (f32, f32) {
    match z {
        0..=2 => (0.6, 0.6),
        3..=5 => (0.8, 0.9),
        6..=8 => (1.0, 1.2),
        _ => (1.2, 1.5),
    }
}

/// Render `tile` in `style`; `scale` 1 gives 256 px, 2 gives 512 px for `HiDPI` screens.
pub fn render_tile(
    data: &BasemapData,
    tile: TileCoord,
    style: Style,
    scale: u32,
) -> Result<TileImage, BasemapError> {
    let scale = scale.clamp(1, 4);
    let size = TILE_SIZE * scale;
    let palette = style.palette();
    let mut pixmap = Pixmap::new(size, size).expect("tile size is non-zero");
    pixmap.fill(color(palette.sea));
    if !tile.is_valid() {
        return Ok(to_image(&pixmap));
    }
    let layer = data.layer(Detail::for_zoom(tile.z))?;

    // World units -> tile pixels, in f64 so zoom 10+ keeps sub-pixel precision.
    let world_px = f64::from(size) * f64::from(1u32 << tile.z);
    let origin = [
        f64::from(tile.x) * f64::from(size),
        f64::from(tile.y) * f64::from(size),
    ];
    let to_px = |p: [f32; 2]| -> (f32, f32) {
        (
            (f64::from(p[0]) * world_px - origin[0]) as f32,
            (f64::from(p[1]) * world_px - origin[1]) as f32,
        )
    };
    let (coast_w, border_w) = widths(tile.z);
    let margin = f64::from(border_w.max(coast_w) * scale as f32 + 1.0) / world_px;
    let [x0, y0, x1, y1] = tile.world_bbox();
    let view: [f64; 4] = [x0 - margin, y0 - margin, x1 + margin, y1 + margin];
    let touches = |b: &WorldBox| {
        f64::from(b[0]) <= view[2]
            && f64::from(b[2]) >= view[0]
            && f64::from(b[1]) <= view[3]
            && f64::from(b[3]) >= view[1]
    };

    // Drop vertices closer than this to the previous one: at low zoom most fall on one pixel.
    let min_step_sq = 0.35f32 * 0.35;

    let mut land = PathBuilder::new();
    for piece in layer.land.iter().filter(|p| touches(&p.bbox)) {
        for ring in &piece.rings {
            let mut last = to_px(ring[0]);
            land.move_to(last.0, last.1);
            for &p in &ring[1..] {
                let q = to_px(p);
                if (q.0 - last.0).powi(2) + (q.1 - last.1).powi(2) >= min_step_sq {
                    land.line_to(q.0, q.1);
                    last = q;
                }
            }
            land.close();
        }
    }
    if let Some(path) = land.finish() {
        pixmap.fill_path(
            &path,
            &paint(palette.land),
            FillRule::EvenOdd,
            Transform::identity(),
            None,
        );
    }

    let mut stroke_lines = |lines: &[LinePiece], rgba: Rgba, width: f32| {
        let mut pb = PathBuilder::new();
        for line in lines.iter().filter(|l| touches(&l.bbox)) {
            let mut last = to_px(line.points[0]);
            pb.move_to(last.0, last.1);
            let n = line.points.len();
            for (i, &p) in line.points[1..].iter().enumerate() {
                let q = to_px(p);
                let is_end = i + 2 == n;
                if is_end || (q.0 - last.0).powi(2) + (q.1 - last.1).powi(2) >= min_step_sq {
                    pb.line_to(q.0, q.1);
                    last = q;
                }
            }
        }
        if let Some(path) = pb.finish() {
            let stroke = Stroke {
                width: width * scale as f32,
                line_cap: LineCap::Round,
                line_join: LineJoin::Round,
                ..Stroke::default()
            };
            pixmap.stroke_path(&path, &paint(rgba), &stroke, Transform::identity(), None);
        }
    };
    stroke_lines(&layer.coast, palette.coast, coast_w);
    stroke_lines(&layer.borders, palette.border, border_w);

    Ok(to_image(&pixmap))
}

fn color(c: Rgba) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], c[3])
}

fn paint(c: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(color(c));
    paint.anti_alias = true;
    paint
}

fn to_image(pixmap: &Pixmap) -> TileImage {
    // Every colour we draw is opaque, so premultiplied equals straight alpha; demultiply anyway
    // so a translucent palette entry stays correct.
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    TileImage {
        size: pixmap.width(),
        rgba,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::mercator::tile_pixel_at;
    use crate::coord::LatLon;
    use std::sync::LazyLock;

    static DATA: LazyLock<BasemapData> = LazyLock::new(BasemapData::embedded);

    fn pixel_at(p: LatLon, z: u8, style: Style) -> Rgba {
        let (tile, [x, y]) = tile_pixel_at(p, z, 1);
        let image = render_tile(&DATA, tile, style, 1).expect("renders");
        image.pixel(x, y)
    }

    const TRIPOLI: LatLon = LatLon::new(32.8872, 13.1913);

    #[test]
    fn tripoli_is_land_at_zoom_4_7_and_10() {
        let palette = Style::Light.palette();
        for z in [7, 10] {
            assert_eq!(pixel_at(TRIPOLI, z, Style::Light), palette.land, "z{z}");
        }
        // At zoom 4 a pixel is ~8 km and Tripoli sits 1.5 km from the shore, under the
        // coastline stroke: not sea, and land one pixel (8 km) inland.
        assert_ne!(pixel_at(TRIPOLI, 4, Style::Light), palette.sea);
        let (tile, [x, y]) = tile_pixel_at(TRIPOLI, 4, 1);
        let image = render_tile(&DATA, tile, Style::Light, 1).expect("renders");
        assert_eq!(image.pixel(x, y + 2), palette.land);
    }

    #[test]
    fn the_gulf_of_sidra_at_34n_18e_is_sea() {
        for (z, style) in [(4, Style::Light), (7, Style::Dark), (10, Style::Light)] {
            assert_eq!(
                pixel_at(LatLon::new(34.0, 18.0), z, style),
                style.palette().sea
            );
        }
    }

    #[test]
    fn the_libya_tunisia_border_is_drawn_at_zoom_7() {
        // A vertex of the border line south of Ras Ajdir (Natural Earth 10m).
        let on_border = LatLon::new(BORDER_LAT, BORDER_LON);
        let (tile, [x, y]) = tile_pixel_at(on_border, 7, 1);
        let image = render_tile(&DATA, tile, Style::Light, 1).expect("renders");
        let Palette { land, border, .. } = Style::Light.palette();
        // A 1.2 px anti-aliased line: some pixel next to the vertex is at least half-way from
        // the land colour to the border colour.
        let is_border = |c: Rgba| {
            (0..3)
                .all(|i| f32::from(c[i]) <= f32::midpoint(f32::from(land[i]), f32::from(border[i])))
        };
        let near = (x.saturating_sub(1)..=x + 1)
            .flat_map(|px| (y.saturating_sub(1)..=y + 1).map(move |py| (px, py)))
            .any(|(px, py)| is_border(image.pixel(px.min(255), py.min(255))));
        assert!(near, "no border pixel near {x},{y} in {tile:?}");
    }

    #[test]
    fn a_tile_is_256_or_512_pixels_square_and_opaque() {
        let tile = tile_pixel_at(TRIPOLI, 5, 1).0;
        let small = render_tile(&DATA, tile, Style::Dark, 1).expect("renders");
        let big = render_tile(&DATA, tile, Style::Dark, 2).expect("renders");
        assert_eq!(small.rgba.len(), 256 * 256 * 4);
        assert_eq!(big.rgba.len(), 512 * 512 * 4);
        assert!(big.rgba.chunks(4).all(|p| p[3] == 255));
    }

    #[test]
    fn an_invalid_tile_is_all_sea() {
        let image = render_tile(&DATA, TileCoord::new(5, 0, 1), Style::Light, 1).expect("ok");
        assert!(
            image
                .rgba
                .chunks(4)
                .all(|p| p == Style::Light.palette().sea)
        );
    }

    const BORDER_LAT: f64 = 31.840_37;
    const BORDER_LON: f64 = 10.585_91;
}
