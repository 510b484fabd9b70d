//! The basemap as walkers layers. [`OfflineTiles`] is a walkers [`Tiles`] source that never
//! blocks: tiles render on `basemap-render-N` threads (bounded channels), arrive as egui
//! textures, and until then the nearest rendered ancestor stands in (a sub-rect of its texture),
//! so panning and zooming never show blank tiles. [`Basemap`] switches at runtime between the
//! offline styles and online XYZ sources; online tiles are drawn *over* the offline map and only
//! while a background probe can reach the tile host, so an offline room sees a legible map, one
//! status line, and no flood of per-tile warnings.

use std::sync::Arc;

use egui::{ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2};
use walkers::sources::Attribution;
use walkers::{
    HttpOptions, HttpTiles, Map, MapMemory, Position, Stats, Tile, TileId, TilePiece, Tiles,
};

use crate::basemap::mercator::{TILE_SIZE, TileCoord};
use crate::basemap::online::{
    MAX_TILE_CACHE_BYTES, NATURAL_EARTH_ATTRIBUTION, OnlineSource, Probe, Reachability, USER_AGENT,
    prune_tile_cache, status_line,
};
use crate::basemap::render::Palette;
use crate::basemap::scheduler::{Lookup, TileKey, TileScheduler};
use crate::basemap::worker::{RenderPool, SendError};
use crate::basemap::{BasemapData, Style};

/// At most this many finished tiles become textures per frame (keeps frames smooth).
const UPLOADS_PER_FRAME: usize = 8;

/// Offline Natural Earth tiles rendered on background threads.
pub struct OfflineTiles {
    ctx: Context,
    style: Style,
    scheduler: TileScheduler<TextureHandle>,
    pool: RenderPool,
    error: Option<String>,
}

impl OfflineTiles {
    /// Embedded data, 2 render threads (1 on a single core), `HiDPI` textures when the screen
    /// has more than one pixel per point.
    pub fn new(ctx: &Context, style: Style) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
        Self::with_data(ctx, style, &Arc::new(BasemapData::embedded()), threads)
    }

    pub fn with_data(ctx: &Context, style: Style, data: &Arc<BasemapData>, threads: usize) -> Self {
        let scale: u32 = if ctx.pixels_per_point() > 1.0 { 2 } else { 1 };
        let repaint_ctx = ctx.clone();
        let notify: Arc<dyn Fn() + Send + Sync> = Arc::new(move || repaint_ctx.request_repaint());
        let mut tiles = Self {
            ctx: ctx.clone(),
            style,
            // ~128 MB of RGBA at most: 512 tiles of 256 px, or 128 of 512 px.
            scheduler: TileScheduler::new(512 / (scale * scale) as usize, 64),
            pool: RenderPool::new(data, threads, scale, &notify),
            error: None,
        };
        tiles.prefetch_world();
        tiles
    }

    /// Switch palette; tiles of the old style stay cached for switching back.
    pub fn set_style(&mut self, style: Style) {
        if style != self.style {
            self.style = style;
            self.prefetch_world();
        }
    }

    /// The last render error (names the asset file), if rendering failed.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    fn prefetch_world(&mut self) {
        let style = self.style;
        let world = std::iter::once(TileCoord::new(0, 0, 0))
            .chain((0..4).map(|i| TileCoord::new(i % 2, i / 2, 1)));
        for tile in world {
            self.scheduler.prefetch(TileKey { tile, style });
        }
        self.send_requests();
    }

    fn receive(&mut self) {
        for _ in 0..UPLOADS_PER_FRAME {
            let Some(done) = self.pool.try_recv() else {
                break;
            };
            match done.image {
                Ok(image) => {
                    let side = image.size as usize;
                    let color = ColorImage::from_rgba_unmultiplied([side, side], &image.rgba);
                    let t = done.key.tile;
                    let name = format!("basemap/{:?}/{}/{}/{}", done.key.style, t.z, t.x, t.y);
                    let texture = self.ctx.load_texture(name, color, TextureOptions::LINEAR);
                    self.scheduler.insert(done.key, texture);
                }
                Err(e) => {
                    if self.error.as_deref() != Some(&e) {
                        log::error!("basemap tile {:?}: {e}", done.key.tile);
                    }
                    self.error = Some(e);
                    self.scheduler.failed(done.key);
                }
            }
        }
    }

    fn send_requests(&mut self) {
        while let Some(key) = self.scheduler.next_request() {
            match self.pool.try_send(key) {
                Ok(()) => self.scheduler.sent(key),
                Err(SendError::Full) => break,
                Err(SendError::Closed) => {
                    self.error = Some("the basemap render threads stopped".to_owned());
                    break;
                }
            }
        }
    }
}

fn full_uv() -> Rect {
    Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0))
}

impl Tiles for OfflineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.scheduler.begin_frame(self.ctx.cumulative_frame_nr());
        self.receive();
        let key = TileKey {
            tile: TileCoord::new(tile_id.x, tile_id.y, tile_id.zoom),
            style: self.style,
        };
        let piece = match self.scheduler.lookup(key) {
            Lookup::Ready(texture) => Some(TilePiece::new(Tile::Raster(texture), full_uv())),
            Lookup::Ancestor(texture, [u0, v0, u1, v1]) => Some(TilePiece::new(
                Tile::Raster(texture),
                Rect::from_min_max(pos2(u0, v0), pos2(u1, v1)),
            )),
            Lookup::Missing => None,
        };
        self.send_requests();
        piece
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: NATURAL_EARTH_ATTRIBUTION,
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_SIZE
    }

    fn stats(&self) -> Stats {
        Stats {
            in_progress: self.scheduler.pending(),
        }
    }
}

/// What the map shows underneath the app's markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BasemapSource {
    Offline(Style),
    Online(OnlineSource),
}

impl Default for BasemapSource {
    fn default() -> Self {
        BasemapSource::Offline(Style::Light)
    }
}

/// walkers' view of an [`OnlineSource`].
struct WalkersSource(OnlineSource);

impl walkers::sources::TileSource for WalkersSource {
    fn tile_url(&self, tile_id: TileId) -> String {
        self.0.tile_url(tile_id.zoom, tile_id.x, tile_id.y)
    }

    fn attribution(&self) -> Attribution {
        // The app draws `Basemap::attribution()` itself; walkers only needs a static string.
        let text = match &self.0 {
            OnlineSource::OpenStreetMap => "© OpenStreetMap contributors",
            OnlineSource::CartoPositron => "© OpenStreetMap contributors © CARTO",
            OnlineSource::OpenTopoMap => "© OpenStreetMap contributors, © OpenTopoMap (CC-BY-SA)",
            OnlineSource::Custom(_) => "",
        };
        Attribution {
            text,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn max_zoom(&self) -> u8 {
        self.0.max_zoom()
    }
}

struct OnlineLayer {
    source: OnlineSource,
    tiles: HttpTiles,
    probe: Probe,
    last_seen: Reachability,
}

impl OnlineLayer {
    fn new(ctx: &Context, source: OnlineSource) -> Self {
        let tiles = http_tiles(ctx, &source);
        let (host, port) = source.host_port();
        let repaint_ctx = ctx.clone();
        let probe = Probe::spawn_tcp(host, port, Arc::new(move || repaint_ctx.request_repaint()));
        Self {
            source,
            tiles,
            probe,
            last_seen: Reachability::Unknown,
        }
    }
}

fn http_tiles(ctx: &Context, source: &OnlineSource) -> HttpTiles {
    let cache = directories::ProjectDirs::from("", "", "newsatlas")
        .map(|dirs| dirs.cache_dir().join("tiles").join(source.slug()));
    if let Some(dir) = cache.clone() {
        spawn_cache_prune(dir);
    }
    HttpTiles::with_options(
        WalkersSource(source.clone()),
        HttpOptions {
            cache,
            user_agent: Some(walkers::HeaderValue::from_static(USER_AGENT)),
            ..HttpOptions::default()
        },
        ctx.clone(),
    )
}

/// Bounds the source's on-disk tile cache, on a short-lived thread (it walks the folder).
fn spawn_cache_prune(dir: std::path::PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("tile-cache-prune".to_owned())
        .spawn(move || match prune_tile_cache(&dir, MAX_TILE_CACHE_BYTES) {
            Ok(p) if p.cleared => log::info!(
                "{}: the tile cache held {} MB, above the limit: it starts over",
                dir.display(),
                p.bytes / (1024 * 1024)
            ),
            Ok(_) => {}
            Err(e) => log::warn!("{}: cannot check the tile cache: {e}", dir.display()),
        });
    if let Err(e) = spawned {
        log::warn!("could not start the tile cache check: {e}");
    }
}

/// Drops `value` on a short-lived thread. Dropping walkers' `HttpTiles` joins its download
/// thread, and that waits for whatever its tokio runtime still runs in blocking threads (a DNS
/// lookup of a slow or unreachable tile host can take many seconds): never on the UI thread.
fn drop_off_thread<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("basemap-drop".to_owned())
        .spawn(move || drop(value));
    if let Err(e) = spawned {
        // The value went down with the closure, on this thread.
        log::warn!("could not drop the old online tiles off the UI thread: {e}");
    }
}

/// The basemap the app shows: offline tiles always, online tiles over them when chosen and
/// reachable. Keep one for the app's lifetime (it owns the render and probe threads).
pub struct Basemap {
    ctx: Context,
    source: BasemapSource,
    offline: OfflineTiles,
    online: Option<OnlineLayer>,
}

impl Basemap {
    pub fn new(ctx: &Context, source: BasemapSource) -> Self {
        let style = match source {
            BasemapSource::Offline(style) => style,
            BasemapSource::Online(_) => Style::Light,
        };
        let mut basemap = Self {
            ctx: ctx.clone(),
            source: BasemapSource::Offline(style),
            offline: OfflineTiles::new(ctx, style),
            online: None,
        };
        basemap.set_source(source);
        basemap
    }

    /// True when the map is dark (for choosing overlay colours).
    #[cfg(test)]
    pub fn is_dark(&self) -> bool {
        self.online.is_none() && self.offline.style == Style::Dark
    }

    /// Switch source. Online sources keep the current offline style underneath.
    pub fn set_source(&mut self, source: BasemapSource) {
        if source == self.source {
            return;
        }
        match &source {
            BasemapSource::Offline(style) => {
                self.offline.set_style(*style);
                // Ends the probe; walkers' fetch thread ends with its tiles.
                drop_off_thread(self.online.take());
            }
            BasemapSource::Online(online) => {
                if self.online.as_ref().is_none_or(|o| &o.source != online) {
                    let new = OnlineLayer::new(&self.ctx, online.clone());
                    drop_off_thread(self.online.replace(new));
                }
            }
        }
        self.source = source;
    }

    /// The walkers map with the basemap layers; add plugins to it and `ui.add` it.
    pub fn map<'a, 'b, 'c>(
        &'b mut self,
        memory: &'a mut MapMemory,
        center: Position,
    ) -> Map<'a, 'b, 'c> {
        let Self {
            ctx,
            offline,
            online,
            ..
        } = self;
        let map = Map::new(Some(offline as &mut dyn Tiles), memory, center);
        let Some(online) = online.as_mut() else {
            return map;
        };
        let now = online.probe.reachability();
        if now == Reachability::Reachable && online.last_seen == Reachability::Unreachable {
            // Back online: walkers never retries a failed tile, so start with a fresh cache.
            drop_off_thread(std::mem::replace(
                &mut online.tiles,
                http_tiles(ctx, &online.source),
            ));
        }
        online.last_seen = now;
        if now == Reachability::Reachable {
            map.with_layer(&mut online.tiles, 1.0)
        } else {
            map
        }
    }

    /// One line for the UI when online tiles are chosen but not shown, else `None`.
    pub fn status(&self) -> Option<&'static str> {
        let reach = self
            .online
            .as_ref()
            .map_or(Reachability::Unknown, |o| o.probe.reachability());
        status_line(self.online.is_some(), reach).or_else(|| {
            self.offline
                .error()
                .map(|_| "Offline map could not be drawn — see the log")
        })
    }

    /// Attribution to draw in a corner of the map, e.g.
    /// `"© OpenStreetMap contributors · Natural Earth (public domain)"`.
    pub fn attribution(&self) -> String {
        match &self.online {
            Some(o) if o.probe.reachability() == Reachability::Reachable => {
                format!("{} · {NATURAL_EARTH_ATTRIBUTION}", o.source.attribution())
            }
            _ => NATURAL_EARTH_ATTRIBUTION.to_owned(),
        }
    }

    /// Colours for labels and overlays that suit what is shown: the offline style's, or the
    /// light palette over online styles (all of which are light).
    pub fn palette(&self) -> Palette {
        match self.source {
            BasemapSource::Offline(style) => style.palette(),
            BasemapSource::Online(_) => Style::Light.palette(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offline_tiles_show_the_world_without_blank_tiles_once_rendered() {
        let ctx = Context::default();
        let mut tiles = OfflineTiles::new(&ctx, Style::Light);
        let deep = TileId {
            x: 549,
            y: 412,
            zoom: 10,
        };
        // Give the threads time; `at` never blocks, so poll like frames would.
        let mut piece = None;
        for _ in 0..2000 {
            piece = tiles.at(deep);
            if piece.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(piece.is_some(), "an ancestor or the tile itself is drawn");
        assert_eq!(tiles.attribution().text, "Natural Earth (public domain)");
    }

    #[test]
    fn an_offline_basemap_has_no_status_and_natural_earth_attribution() {
        let ctx = Context::default();
        let basemap = Basemap::new(&ctx, BasemapSource::Offline(Style::Dark));
        assert_eq!(basemap.status(), None);
        assert_eq!(basemap.attribution(), "Natural Earth (public domain)");
        assert!(basemap.is_dark());
    }
}
