//! Render threads: `basemap-render-N` threads take [`TileKey`]s from one bounded channel and
//! send [`Rendered`] results back on another, calling a `notify` hook (the GUI passes
//! `request_repaint`). The UI side never blocks: it uses `try_send` / `try_recv` only. Dropping
//! the [`RenderPool`] closes the request channel and the threads end after their current tile.

use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use super::data::BasemapData;
use super::render::{TileImage, render_tile};
use super::scheduler::TileKey;

/// A finished render: the image, or the error text (which names the asset file).
pub struct Rendered {
    pub key: TileKey,
    pub image: Result<TileImage, String>,
}

/// Why a request could not be sent now.
#[derive(Debug, PartialEq, Eq)]
pub enum SendError {
    /// All threads are busy and the queue is full: try again next frame.
    Full,
    /// The render threads are gone (panicked); nothing more will be rendered.
    Closed,
}

pub struct RenderPool {
    requests: SyncSender<TileKey>,
    results: Receiver<Rendered>,
}

impl RenderPool {
    /// Start `threads` render threads (1 or 2 suit a shared machine) rendering at `scale`.
    pub fn new(
        data: &Arc<BasemapData>,
        threads: usize,
        scale: u32,
        notify: &Arc<dyn Fn() + Send + Sync>,
    ) -> Self {
        let threads = threads.clamp(1, 8);
        // One waiting request per thread: the rest stay in the scheduler, where stale ones
        // are dropped when the view moves.
        let (requests, request_rx) = mpsc::sync_channel::<TileKey>(threads);
        let (result_tx, results) = mpsc::sync_channel::<Rendered>(64);
        let request_rx = Arc::new(Mutex::new(request_rx));
        for i in 0..threads {
            let request_rx = Arc::clone(&request_rx);
            let result_tx = result_tx.clone();
            let data = Arc::clone(data);
            let notify = Arc::clone(notify);
            let spawned = std::thread::Builder::new()
                .name(format!("basemap-render-{i}"))
                .spawn(move || {
                    loop {
                        let key = {
                            let Ok(rx) = request_rx.lock() else { return };
                            match rx.recv() {
                                Ok(key) => key,
                                Err(_) => return, // pool dropped
                            }
                        };
                        let image = render_tile(&data, key.tile, key.style, scale)
                            .map_err(|e| e.to_string());
                        if result_tx.send(Rendered { key, image }).is_err() {
                            return;
                        }
                        notify();
                    }
                });
            if let Err(e) = spawned {
                log::error!("could not start basemap render thread: {e}");
            }
        }
        Self { requests, results }
    }

    /// Queue `key` without blocking.
    pub fn try_send(&self, key: TileKey) -> Result<(), SendError> {
        match self.requests.try_send(key) {
            Ok(()) => Ok(()),
            Err(TrySendError::Full(_)) => Err(SendError::Full),
            Err(TrySendError::Disconnected(_)) => Err(SendError::Closed),
        }
    }

    /// A finished tile, if one is waiting.
    pub fn try_recv(&self) -> Option<Rendered> {
        self.results.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::mercator::TileCoord;
    use crate::basemap::render::Style;
    use crate::basemap::scheduler::{Lookup, TileScheduler};
    use std::time::Duration;

    #[test]
    fn the_pool_renders_what_the_scheduler_asks_for() {
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let notify: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            if let Ok(tx) = tx.lock() {
                let _ = tx.send(());
            }
        });
        let pool = RenderPool::new(&Arc::new(BasemapData::embedded()), 1, 1, &notify);
        let mut sched: TileScheduler<TileImage> = TileScheduler::new(16, 16);
        let wanted = TileKey {
            tile: TileCoord::new(1, 0, 1),
            style: Style::Light,
        };
        sched.begin_frame(1);
        assert!(matches!(sched.lookup(wanted), Lookup::Missing));
        // The "frame loop": send what we can, wait for the repaint request, take results.
        while let Some(key) = sched.next_request() {
            match pool.try_send(key) {
                Ok(()) => sched.sent(key),
                Err(e) => panic!("{e:?}"),
            }
        }
        rx.recv_timeout(Duration::from_mins(1)).expect("notified");
        let done = pool.try_recv().expect("a result");
        sched.insert(done.key, done.image.expect("renders"));
        sched.begin_frame(2);
        let Lookup::Ready(image) = sched.lookup(wanted) else {
            panic!("not ready")
        };
        assert_eq!(image.size, 256);
    }
}
