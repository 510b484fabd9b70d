//! Bookkeeping for tiles rendered off the UI thread, generic over the texture type `T` so it is
//! tested without a GPU. The UI asks [`TileScheduler::lookup`] for every visible tile each frame;
//! it answers at once with the tile, or the nearest ready ancestor and the sub-rectangle of it
//! that covers the tile, or nothing. Wanted tiles queue here (bounded; a tile not asked for in
//! the current frame is stale and dropped before it is sent), and [`TileScheduler::next_request`]
//! hands them, newest frame first and in the order the map asked, to the render channel.

use std::collections::{HashMap, HashSet, VecDeque};

use super::mercator::TileCoord;
use super::render::Style;

/// A tile in a style: what is rendered and cached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TileKey {
    pub tile: TileCoord,
    pub style: Style,
}

/// How much of an ancestor's texture to draw: `[u0, v0, u1, v1]` in 0..1.
pub type Uv = [f32; 4];

/// The answer to a lookup.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup<T> {
    /// The tile itself (uv is the whole texture).
    Ready(T),
    /// A part of a lower-zoom tile standing in while the tile renders.
    Ancestor(T, Uv),
    /// Nothing rendered yet covers this tile.
    Missing,
}

/// How many ancestors up to look for a stand-in (8 levels = 1/256 of a tile, one pixel).
const MAX_ANCESTOR_LEVELS: u8 = 8;

pub struct TileScheduler<T> {
    ready: HashMap<TileKey, (T, u64)>,
    ready_capacity: usize,
    /// Wanted but not sent, with the frame they were last wanted in; in the order first asked.
    queue: VecDeque<TileKey>,
    queued: HashMap<TileKey, u64>,
    pending_capacity: usize,
    in_flight: HashSet<TileKey>,
    frame: u64,
}

impl<T: Clone> TileScheduler<T> {
    /// Keep at most `ready_capacity` rendered tiles and `pending_capacity` queued requests.
    pub fn new(ready_capacity: usize, pending_capacity: usize) -> Self {
        Self {
            ready: HashMap::new(),
            ready_capacity: ready_capacity.max(1),
            queue: VecDeque::new(),
            queued: HashMap::new(),
            pending_capacity: pending_capacity.max(1),
            in_flight: HashSet::new(),
            frame: 0,
        }
    }

    /// Start frame `frame` (any increasing number, e.g. egui's `cumulative_frame_nr`).
    /// Requests not asked for again since the previous frame are dropped: the view moved on.
    pub fn begin_frame(&mut self, frame: u64) {
        if frame == self.frame {
            return;
        }
        let previous = self.frame;
        self.frame = frame;
        self.queued.retain(|_, wanted| *wanted >= previous);
        let queued = &self.queued;
        self.queue.retain(|key| queued.contains_key(key));
    }

    /// What to draw for `key` now; queues a render if the tile is neither ready nor on its way.
    pub fn lookup(&mut self, key: TileKey) -> Lookup<T> {
        let frame = self.frame;
        if let Some((texture, used)) = self.ready.get_mut(&key) {
            *used = frame;
            return Lookup::Ready(texture.clone());
        }
        if key.tile.is_valid() && !self.in_flight.contains(&key) {
            if let Some(wanted) = self.queued.get_mut(&key) {
                if *wanted != u64::MAX {
                    *wanted = frame;
                }
            } else {
                self.queued.insert(key, frame);
                self.queue.push_back(key);
                self.trim_queue();
            }
        }
        for levels in 1..=MAX_ANCESTOR_LEVELS.min(key.tile.z) {
            let Some((parent, uv)) = key.tile.ancestor(levels) else {
                break;
            };
            let parent = TileKey {
                tile: parent,
                style: key.style,
            };
            if let Some((texture, used)) = self.ready.get_mut(&parent) {
                *used = frame;
                return Lookup::Ancestor(texture.clone(), uv);
            }
        }
        Lookup::Missing
    }

    /// The next tile to send to the renderer, or `None`. Call [`Self::sent`] if the channel took
    /// it; if it was full, just stop and try again next frame.
    pub fn next_request(&self) -> Option<TileKey> {
        // Tiles wanted this frame first, in the order the map asked (centre outwards).
        self.queue
            .iter()
            .find(|key| self.queued.get(key) == Some(&self.frame))
            .or_else(|| self.queue.front())
            .copied()
    }

    /// Queue `key` now and keep it queued until sent, even if no frame asks for it (for the
    /// zoom 0-1 tiles that stand in for everything else).
    pub fn prefetch(&mut self, key: TileKey) {
        if key.tile.is_valid()
            && !self.ready.contains_key(&key)
            && !self.in_flight.contains(&key)
            && self.queued.insert(key, u64::MAX).is_none()
        {
            self.queue.push_back(key);
        }
    }

    /// `key` was handed to the renderer.
    pub fn sent(&mut self, key: TileKey) {
        self.queued.remove(&key);
        self.queue.retain(|k| *k != key);
        self.in_flight.insert(key);
    }

    /// The renderer finished `key`; keep it, evicting the least recently used tile if full.
    pub fn insert(&mut self, key: TileKey, texture: T) {
        self.in_flight.remove(&key);
        self.ready.insert(key, (texture, self.frame));
        while self.ready.len() > self.ready_capacity {
            // Zoom 0-1 tiles (5 per style) stay: they are the stand-in of last resort.
            let oldest = self
                .ready
                .iter()
                .filter(|(k, _)| k.tile.z > 1)
                .min_by_key(|(k, (_, used))| (*used, std::cmp::Reverse(k.tile.z)))
                .map(|(k, _)| *k);
            match oldest {
                Some(k) => self.ready.remove(&k),
                None => break,
            };
        }
    }

    /// The renderer gave up on `key` (error or skipped); it may be asked for again.
    pub fn failed(&mut self, key: TileKey) {
        self.in_flight.remove(&key);
    }

    /// Tiles queued or being rendered.
    pub fn pending(&self) -> usize {
        self.queue.len() + self.in_flight.len()
    }

    /// Rendered tiles held.
    #[cfg(test)]
    pub fn ready_len(&self) -> usize {
        self.ready.len()
    }

    fn trim_queue(&mut self) {
        while self.queue.len() > self.pending_capacity {
            // Drop the oldest wanted request (prefetches are kept).
            let Some(i) = self
                .queue
                .iter()
                .position(|k| self.queued.get(k) != Some(&u64::MAX))
            else {
                break;
            };
            if let Some(old) = self.queue.remove(i) {
                self.queued.remove(&old);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(x: u32, y: u32, z: u8) -> TileKey {
        TileKey {
            tile: TileCoord::new(x, y, z),
            style: Style::Light,
        }
    }

    /// Pretend to be the render thread: send what is asked, finish it at once.
    fn render_all(s: &mut TileScheduler<String>) {
        while let Some(k) = s.next_request() {
            s.sent(k);
            s.insert(k, format!("{}/{}/{}", k.tile.z, k.tile.x, k.tile.y));
        }
    }

    #[test]
    fn a_missing_tile_is_queued_once_and_ready_after_rendering() {
        let mut s = TileScheduler::new(8, 8);
        s.begin_frame(1);
        assert_eq!(s.lookup(key(1, 1, 1)), Lookup::Missing);
        assert_eq!(s.lookup(key(1, 1, 1)), Lookup::Missing);
        assert_eq!(s.pending(), 1);
        render_all(&mut s);
        s.begin_frame(2);
        assert_eq!(s.lookup(key(1, 1, 1)), Lookup::Ready("1/1/1".to_owned()));
        assert_eq!(s.pending(), 0);
    }

    #[test]
    fn an_in_flight_tile_is_not_requested_again() {
        let mut s: TileScheduler<String> = TileScheduler::new(8, 8);
        s.begin_frame(1);
        s.lookup(key(0, 0, 0));
        let k = s.next_request().expect("queued");
        s.sent(k);
        s.begin_frame(2);
        s.lookup(key(0, 0, 0));
        assert_eq!(s.next_request(), None);
    }

    #[test]
    fn a_rendered_ancestor_stands_in_with_the_right_sub_rectangle() {
        let mut s = TileScheduler::new(8, 8);
        s.begin_frame(1);
        s.lookup(key(0, 0, 0));
        render_all(&mut s);
        s.begin_frame(2);
        // z2 tile (3, 1) is the right half, second quarter from the top, of the world tile.
        assert_eq!(
            s.lookup(key(3, 1, 2)),
            Lookup::Ancestor("0/0/0".to_owned(), [0.75, 0.25, 1.0, 0.5])
        );
    }

    #[test]
    fn requests_the_view_moved_away_from_are_dropped() {
        let mut s: TileScheduler<String> = TileScheduler::new(8, 8);
        s.begin_frame(1);
        s.lookup(key(10, 10, 5));
        s.lookup(key(11, 10, 5));
        s.begin_frame(2);
        s.lookup(key(11, 10, 5)); // still visible
        s.begin_frame(3);
        s.lookup(key(20, 20, 6)); // panned and zoomed: (10, 10, 5) is not asked for any more
        assert_eq!(s.next_request(), Some(key(20, 20, 6)));
        s.sent(key(20, 20, 6));
        assert_eq!(s.next_request(), Some(key(11, 10, 5)));
        s.sent(key(11, 10, 5));
        assert_eq!(s.next_request(), None);
    }

    #[test]
    fn the_request_queue_is_bounded() {
        let mut s: TileScheduler<String> = TileScheduler::new(8, 4);
        s.begin_frame(1);
        for x in 0..100 {
            s.lookup(key(x, 0, 8));
        }
        assert_eq!(s.pending(), 4);
        // The newest requests survive.
        assert_eq!(s.next_request(), Some(key(96, 0, 8)));
    }

    #[test]
    fn the_least_recently_used_tile_is_evicted_first() {
        let mut s = TileScheduler::new(2, 8);
        s.begin_frame(1);
        s.insert(key(0, 0, 3), "a".to_owned());
        s.insert(key(1, 0, 3), "b".to_owned());
        s.begin_frame(2);
        s.lookup(key(0, 0, 3)); // a used again
        s.insert(key(0, 1, 3), "c".to_owned());
        assert_eq!(s.ready_len(), 2);
        s.begin_frame(3);
        assert!(matches!(s.lookup(key(1, 0, 3)), Lookup::Missing)); // b went
        assert_eq!(s.lookup(key(0, 0, 3)), Lookup::Ready("a".to_owned()));
    }

    #[test]
    fn prefetched_tiles_survive_frames_that_do_not_ask_for_them() {
        let mut s: TileScheduler<String> = TileScheduler::new(8, 8);
        s.prefetch(key(0, 0, 0));
        s.begin_frame(1);
        s.begin_frame(2);
        s.begin_frame(3);
        assert_eq!(s.next_request(), Some(key(0, 0, 0)));
    }

    #[test]
    fn zoom_0_and_1_tiles_are_never_evicted() {
        let mut s = TileScheduler::new(2, 8);
        s.begin_frame(1);
        s.insert(key(0, 0, 0), "world".to_owned());
        s.insert(key(5, 5, 4), "a".to_owned());
        s.insert(key(6, 5, 4), "b".to_owned());
        assert_eq!(s.lookup(key(0, 0, 0)), Lookup::Ready("world".to_owned()));
        assert_eq!(s.ready_len(), 2);
    }

    #[test]
    fn styles_are_cached_apart() {
        let mut s = TileScheduler::new(8, 8);
        s.begin_frame(1);
        s.insert(key(0, 0, 0), "light".to_owned());
        let dark = TileKey {
            style: Style::Dark,
            ..key(0, 0, 0)
        };
        assert_eq!(s.lookup(dark), Lookup::Missing);
    }

    #[test]
    fn a_failed_tile_can_be_requested_again() {
        let mut s: TileScheduler<String> = TileScheduler::new(8, 8);
        s.begin_frame(1);
        s.lookup(key(0, 0, 0));
        s.sent(key(0, 0, 0));
        s.failed(key(0, 0, 0));
        s.begin_frame(2);
        s.lookup(key(0, 0, 0));
        assert_eq!(s.next_request(), Some(key(0, 0, 0)));
    }
}
