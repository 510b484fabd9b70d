//! Offline basemap: Natural Earth land, coasts and borders rasterized into map tiles (GUI-free).
//!
//! - [`data`]: the embedded assets (110m/50m/10m), parsed lazily into Mercator world units and
//!   cut into bbox-indexed pieces.
//! - [`mercator`]: Web Mercator, [`TileCoord`], lon/lat -> tile pixel.
//! - [`render`]: [`render_tile`] draws one 256 (or 512 for `HiDPI`) px RGBA8 tile in a [`Style`].
//! - [`scheduler`]: which tiles are ready, wanted, in flight; LRU and stale-request dropping,
//!   generic over the texture type so it is tested without a GPU.
//! - [`worker`]: named render threads fed through bounded channels.
//! - [`online`]: online tile sources (URL templates), reachability state and status line.
//! - [`labels`]: country label points, [`CityLabel`], label zoom rules and collision avoidance.

pub mod data;
pub mod labels;
pub mod mercator;
pub mod online;
pub mod render;
pub mod scheduler;
pub mod worker;

pub use data::{BasemapData, Detail};
pub use render::{Style, render_tile};
