//! Online tile sources and their reachability, GUI-free. [`OnlineSource`] names a public XYZ
//! style or a user URL template; [`Reachability`] is what a background TCP probe of the tile host
//! last saw (the GUI layer draws online tiles only when it is `Reachable`, so an offline
//! briefing room sends no requests and logs no per-tile warnings); [`status_line`] is the one
//! line the app shows.

use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

/// The user agent sent to tile servers (OSM's policy asks for one that names the app).
pub const USER_AGENT: &str = "newsatlas/0.1 (+README)";

/// Attribution for the offline map.
pub const NATURAL_EARTH_ATTRIBUTION: &str = "Natural Earth (public domain)";

/// An online raster tile source.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OnlineSource {
    /// The OpenStreetMap standard style (tile.openstreetmap.org).
    OpenStreetMap,
    /// CARTO Positron: light and quiet, made for data on top; reads well on a projector.
    CartoPositron,
    /// `OpenTopoMap`: relief and contours.
    OpenTopoMap,
    /// A user XYZ template such as `https://tiles.example.org/{z}/{x}/{y}.png`.
    Custom(XyzTemplate),
}

impl OnlineSource {
    pub fn template(&self) -> &str {
        match self {
            OnlineSource::OpenStreetMap => "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            OnlineSource::CartoPositron => {
                "https://a.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png"
            }
            OnlineSource::OpenTopoMap => "https://a.tile.opentopomap.org/{z}/{x}/{y}.png",
            OnlineSource::Custom(t) => &t.template,
        }
    }

    pub fn attribution(&self) -> &str {
        match self {
            OnlineSource::OpenStreetMap => "© OpenStreetMap contributors",
            OnlineSource::CartoPositron => "© OpenStreetMap contributors © CARTO",
            OnlineSource::OpenTopoMap => {
                "© OpenStreetMap contributors, SRTM | © OpenTopoMap (CC-BY-SA)"
            }
            OnlineSource::Custom(t) => &t.attribution,
        }
    }

    /// The deepest zoom the server has; deeper views are upscaled from it.
    pub fn max_zoom(&self) -> u8 {
        match self {
            OnlineSource::OpenTopoMap => 17,
            OnlineSource::CartoPositron => 20,
            OnlineSource::OpenStreetMap | OnlineSource::Custom(_) => 19,
        }
    }

    /// A short name for menus and for the cache subdirectory.
    pub fn slug(&self) -> String {
        match self {
            OnlineSource::OpenStreetMap => "osm".to_owned(),
            OnlineSource::CartoPositron => "carto-positron".to_owned(),
            OnlineSource::OpenTopoMap => "opentopomap".to_owned(),
            OnlineSource::Custom(t) => format!("custom-{}", t.host().replace([':', '.'], "-")),
        }
    }

    pub fn tile_url(&self, z: u8, x: u32, y: u32) -> String {
        self.template()
            .replace("{z}", &z.to_string())
            .replace("{x}", &x.to_string())
            .replace("{y}", &y.to_string())
    }

    /// `(host, port)` to probe.
    pub fn host_port(&self) -> (String, u16) {
        let t = XyzTemplate {
            template: self.template().to_owned(),
            attribution: String::new(),
        };
        (t.host(), t.port())
    }
}

/// A validated user XYZ URL template.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct XyzTemplate {
    template: String,
    attribution: String,
}

impl XyzTemplate {
    /// Accepts `http(s)://host[:port]/...{z}...{x}...{y}...`; says what is wrong otherwise.
    pub fn parse(template: &str, attribution: &str) -> Result<Self, String> {
        let template = template.trim();
        let rest = template
            .strip_prefix("https://")
            .or_else(|| template.strip_prefix("http://"))
            .ok_or_else(|| {
                format!("{template:?}: expected a URL starting with https:// or http://")
            })?;
        for part in ["{z}", "{x}", "{y}"] {
            if !template.contains(part) {
                return Err(format!("{template:?}: expected {part} in the template"));
            }
        }
        if rest.split('/').next().unwrap_or_default().is_empty() {
            return Err(format!(
                "{template:?}: expected a host name after the scheme"
            ));
        }
        let attribution = attribution.trim();
        Ok(Self {
            template: template.to_owned(),
            attribution: if attribution.is_empty() {
                "Custom tiles".to_owned()
            } else {
                attribution.to_owned()
            },
        })
    }

    pub fn as_str(&self) -> &str {
        &self.template
    }

    fn authority(&self) -> &str {
        let rest = self
            .template
            .split_once("://")
            .map_or(self.template.as_str(), |(_, r)| r);
        rest.split('/').next().unwrap_or_default()
    }

    fn host(&self) -> String {
        let a = self.authority();
        a.rsplit_once(':')
            .filter(|(_, port)| port.parse::<u16>().is_ok())
            .map_or(a, |(h, _)| h)
            .to_owned()
    }

    fn port(&self) -> u16 {
        self.authority()
            .rsplit_once(':')
            .and_then(|(_, p)| p.parse().ok())
            .unwrap_or(if self.template.starts_with("http://") {
                80
            } else {
                443
            })
    }
}

/// What the probe last saw of the tile host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reachability {
    Unknown,
    Reachable,
    Unreachable,
}

/// The line to show under the map, if any.
pub fn status_line(online: bool, reachability: Reachability) -> Option<&'static str> {
    match (online, reachability) {
        (false, _) | (true, Reachability::Reachable) => None,
        (true, Reachability::Unknown) => Some("Connecting to online tiles — showing offline map"),
        (true, Reachability::Unreachable) => Some("Online tiles unreachable — showing offline map"),
    }
}

/// A background thread (`basemap-probe`) that checks every few seconds whether a TCP connection
/// to the tile host can be opened. Dropping it stops the thread within a quarter second.
pub struct Probe {
    state: Arc<AtomicU8>,
    stop: Arc<AtomicBool>,
}

impl Probe {
    /// Probe `host:port` with a real TCP connect (3 s timeout): every 60 s while reachable,
    /// every 10 s while not. `notify` is called when the state changes.
    pub fn spawn_tcp(host: String, port: u16, notify: Arc<dyn Fn() + Send + Sync>) -> Self {
        Self::spawn(
            move || tcp_reachable(&host, port),
            Duration::from_mins(1),
            Duration::from_secs(10),
            notify,
        )
    }

    /// Probe with `check`; tests pass a fake so they never touch the network.
    pub fn spawn(
        check: impl Fn() -> bool + Send + 'static,
        every_when_up: Duration,
        every_when_down: Duration,
        notify: Arc<dyn Fn() + Send + Sync>,
    ) -> Self {
        let state = Arc::new(AtomicU8::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (thread_state, thread_stop) = (Arc::clone(&state), Arc::clone(&stop));
        let spawned = std::thread::Builder::new()
            .name("basemap-probe".to_owned())
            .spawn(move || {
                while !thread_stop.load(Ordering::Relaxed) {
                    let up = check();
                    let new = if up { 1 } else { 2 };
                    if thread_state.swap(new, Ordering::Relaxed) != new {
                        notify();
                    }
                    let wait = if up { every_when_up } else { every_when_down };
                    let mut waited = Duration::ZERO;
                    while waited < wait && !thread_stop.load(Ordering::Relaxed) {
                        let nap = Duration::from_millis(250).min(wait.saturating_sub(waited));
                        std::thread::sleep(nap);
                        waited += nap;
                    }
                }
            });
        if let Err(e) = spawned {
            log::error!("could not start the online tiles probe: {e}");
            state.store(2, Ordering::Relaxed);
        }
        Self { state, stop }
    }

    pub fn reachability(&self) -> Reachability {
        match self.state.load(Ordering::Relaxed) {
            1 => Reachability::Reachable,
            2 => Reachability::Unreachable,
            _ => Reachability::Unknown,
        }
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn tcp_reachable(host: &str, port: u16) -> bool {
    let Ok(addrs) = (host, port).to_socket_addrs() else {
        return false;
    };
    addrs
        .take(3)
        .any(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(3)).is_ok())
}

/// The most one online source's on-disk tile cache may hold; above it the cache starts over.
pub const MAX_TILE_CACHE_BYTES: u64 = 512 * 1024 * 1024;

/// What [`prune_tile_cache`] found and did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CachePrune {
    /// Bytes of the files under the cache folder before pruning.
    pub bytes: u64,
    /// Whether the folder was removed for being above the limit.
    pub cleared: bool,
}

/// Keeps an on-disk tile cache (the HTTP cache of one online source) under `max_bytes`: when its
/// files add up to more, the whole folder is removed and the cache starts over. Whole, because
/// the HTTP cache keeps an index beside the content and removing single files would leave the
/// index pointing at nothing. A missing folder is an empty cache. Walks the folder: call it off
/// the UI thread.
pub fn prune_tile_cache(dir: &std::path::Path, max_bytes: u64) -> std::io::Result<CachePrune> {
    let mut bytes = 0u64;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                bytes = bytes.saturating_add(entry.metadata()?.len());
            }
        }
    }
    let cleared = bytes > max_bytes;
    if cleared {
        std::fs::remove_dir_all(dir)?;
    }
    Ok(CachePrune { bytes, cleared })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_tile_cache_above_its_limit_starts_over_and_one_below_is_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = dir.path().join("tiles").join("osm");
        std::fs::create_dir_all(cache.join("content-v2/sha256/ab")).expect("mkdir");
        std::fs::create_dir_all(cache.join("index-v5/cd")).expect("mkdir");
        std::fs::write(cache.join("content-v2/sha256/ab/tile"), vec![0u8; 3000]).expect("write");
        std::fs::write(cache.join("index-v5/cd/entry"), vec![0u8; 100]).expect("write");

        let kept = prune_tile_cache(&cache, 4000).expect("prune");
        assert_eq!(
            kept,
            CachePrune {
                bytes: 3100,
                cleared: false
            }
        );
        assert!(cache.join("content-v2/sha256/ab/tile").exists());

        let cleared = prune_tile_cache(&cache, 3000).expect("prune");
        assert_eq!(
            cleared,
            CachePrune {
                bytes: 3100,
                cleared: true
            }
        );
        assert!(!cache.exists());
        assert!(
            dir.path().join("tiles").exists(),
            "only this source's folder goes"
        );

        let missing = prune_tile_cache(&cache, 3000).expect("a missing cache is empty");
        assert_eq!(
            missing,
            CachePrune {
                bytes: 0,
                cleared: false
            }
        );
    }

    #[test]
    fn a_template_without_placeholders_says_which_is_missing() {
        let err = XyzTemplate::parse("https://t.example.org/{z}/{x}.png", "").expect_err("no y");
        assert!(err.contains("{y}"), "{err}");
        assert!(XyzTemplate::parse("ftp://x/{z}/{x}/{y}", "").is_err());
    }

    #[test]
    fn a_custom_template_builds_urls_and_knows_its_host_and_port() {
        let t = XyzTemplate::parse("http://tiles.local:8080/{z}/{x}/{y}.png", "Ours").expect("ok");
        let s = OnlineSource::Custom(t);
        assert_eq!(s.tile_url(7, 68, 52), "http://tiles.local:8080/7/68/52.png");
        assert_eq!(s.host_port(), ("tiles.local".to_owned(), 8080));
        assert_eq!(s.attribution(), "Ours");
        assert_eq!(OnlineSource::OpenStreetMap.host_port().1, 443);
    }

    #[test]
    fn the_status_says_when_online_tiles_are_unreachable() {
        assert_eq!(status_line(false, Reachability::Unreachable), None);
        assert_eq!(status_line(true, Reachability::Reachable), None);
        assert_eq!(
            status_line(true, Reachability::Unreachable),
            Some("Online tiles unreachable — showing offline map")
        );
    }

    #[test]
    fn the_probe_reports_what_its_check_sees() {
        let (tx, rx) = mpsc::channel::<()>();
        let tx = std::sync::Mutex::new(tx);
        let notify: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            if let Ok(tx) = tx.lock() {
                let _ = tx.send(());
            }
        });
        let probe = Probe::spawn(
            || false,
            Duration::from_mins(1),
            Duration::from_mins(1),
            notify,
        );
        rx.recv_timeout(Duration::from_secs(30)).expect("notified");
        assert_eq!(probe.reachability(), Reachability::Unreachable);
    }
}
