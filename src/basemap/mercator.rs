//! Web Mercator in "world units": x and y in [0, 1] from the top-left (lon -180, lat 85.0511),
//! the frame every XYZ tile server shares. Tiles are 256 px at scale 1.

use crate::coord::LatLon;

/// Latitude beyond which Web Mercator is cut off (the world becomes a square).
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// Tile edge in pixels at scale 1; `HiDPI` renders use `TILE_SIZE * scale`.
pub const TILE_SIZE: u32 = 256;

/// One XYZ tile: column `x`, row `y` (from the north), zoom `z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileCoord {
    pub x: u32,
    pub y: u32,
    pub z: u8,
}

impl TileCoord {
    pub const fn new(x: u32, y: u32, z: u8) -> Self {
        Self { x, y, z }
    }

    /// True when `x` and `y` exist at zoom `z` (and `z` is small enough to count tiles in u32).
    pub fn is_valid(self) -> bool {
        self.z <= 30 && self.x < (1 << self.z) && self.y < (1 << self.z)
    }

    /// The tile at `levels` zooms up that contains this one, and which part of it (as `[u0, v0,
    /// u1, v1]` in 0..1) this tile covers. `levels == 0` is the tile itself.
    pub fn ancestor(self, levels: u8) -> Option<(TileCoord, [f32; 4])> {
        let levels = levels.min(self.z);
        let n = 1u32 << levels;
        let parent = TileCoord::new(self.x >> levels, self.y >> levels, self.z - levels);
        let step = 1.0 / n as f32;
        let u = (self.x % n) as f32 * step;
        let v = (self.y % n) as f32 * step;
        self.is_valid()
            .then_some((parent, [u, v, u + step, v + step]))
    }

    /// The tile's extent in world units: `[min_x, min_y, max_x, max_y]`.
    pub fn world_bbox(self) -> [f64; 4] {
        let n = f64::from(1u32 << self.z);
        [
            f64::from(self.x) / n,
            f64::from(self.y) / n,
            f64::from(self.x + 1) / n,
            f64::from(self.y + 1) / n,
        ]
    }
}

/// Project a position into world units (latitude clamped to the Mercator square).
pub fn world_from_lat_lon(p: LatLon) -> [f64; 2] {
    let lat = p.lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (p.lon + 180.0) / 360.0;
    let y = 0.5 - (lat.tan() + 1.0 / lat.cos()).ln() / (2.0 * std::f64::consts::PI);
    [x, y]
}

/// The inverse of [`world_from_lat_lon`].
pub fn lat_lon_from_world(world: [f64; 2]) -> LatLon {
    let lon = world[0] * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * world[1]))
        .sinh()
        .atan()
        .to_degrees();
    LatLon::new(lat, lon)
}

/// The tile at zoom `z` containing `p`, and the pixel inside it (at `scale` 1 = 256 px tiles).
pub fn tile_pixel_at(p: LatLon, z: u8, scale: u32) -> (TileCoord, [u32; 2]) {
    let [wx, wy] = world_from_lat_lon(p);
    let size = f64::from(TILE_SIZE * scale);
    let n = f64::from(1u32 << z);
    let max = (1u32 << z) - 1;
    let (px, py) = (wx * n * size, wy * n * size);
    let tx = ((px / size).floor() as u32).min(max);
    let ty = ((py / size).floor() as u32).min(max);
    let ix = ((px - f64::from(tx) * size).floor() as u32).min(TILE_SIZE * scale - 1);
    let iy = ((py - f64::from(ty) * size).floor() as u32).min(TILE_SIZE * scale - 1);
    (TileCoord::new(tx, ty, z), [ix, iy])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_island_is_the_centre_of_the_world() {
        let [x, y] = world_from_lat_lon(LatLon::new(0.0, 0.0));
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        assert_eq!(
            tile_pixel_at(LatLon::new(0.0, 0.0), 1, 1).0,
            TileCoord::new(1, 1, 1)
        );
    }

    #[test]
    fn tripoli_lands_in_the_tile_and_pixel_an_xyz_server_uses() {
        // Reference values from the OSM wiki formula, computed independently in Python:
        // z10: x = 549.5219 -> tile 549, px 133; y = 412.8492 -> tile 412, px 217.
        let (tile, px) = tile_pixel_at(LatLon::new(32.8872, 13.1913), 10, 1);
        assert_eq!(tile, TileCoord::new(549, 412, 10));
        assert_eq!(px, [133, 217]);
    }

    #[test]
    fn projecting_and_unprojecting_is_the_identity() {
        let p = LatLon::new(-33.9, 18.4);
        let q = lat_lon_from_world(world_from_lat_lon(p));
        assert!((p.lat - q.lat).abs() < 1e-9 && (p.lon - q.lon).abs() < 1e-9);
    }

    #[test]
    fn an_ancestor_covers_the_right_quarter() {
        let (parent, uv) = TileCoord::new(3, 2, 2).ancestor(1).expect("valid");
        assert_eq!(parent, TileCoord::new(1, 1, 1));
        assert!(
            uv.iter()
                .zip([0.5, 0.0, 1.0, 0.5])
                .all(|(a, b)| (a - b).abs() < 1e-6)
        );
        assert_eq!(TileCoord::new(9, 0, 2).ancestor(1), None);
    }
}
