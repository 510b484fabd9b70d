//! `WindowCounts`: every place's count of events in the current window, moved with the window
//! (the events crossing its edges walked, or the nearest checkpoint of the index copied).

use super::{Checkpoints, EventFilter, Index, TimeWindow};
use crate::gazetteer::PlaceIdx;

/// Every place's count of events overlapping a window, and how many of them are dated only by
/// publication, kept up to date as the window moves.
///
/// A count is `started - ended`: events at the place starting on or before the window's last day,
/// minus those ending before its first day. Moving the window walks only the events whose start
/// or end crosses its edges; when the nearest of the index's checkpoints is much closer than the
/// last window, the counts start from that checkpoint instead, so no step walks more than about
/// twice as many events as there are places. Each place keeps a pair `[events, publication-dated]`
/// side by side, so the split costs one more add in the same cache line, not a second walk.
#[derive(Clone, Debug, Default)]
pub struct WindowCounts {
    window: Option<TimeWindow>,
    /// Dated events starting on or before `window.to` (a prefix of the dated events).
    pub(super) started: PrefixCounts,
    /// Dated events ending before `window.from` (a prefix of `Index::by_end`).
    ended: PrefixCounts,
    /// The place slots whose counts the last [`WindowCounts::update`] may have changed, each
    /// once; `None` when it may have changed any (the counts started over or copied a
    /// checkpoint).
    changed: Option<Vec<u32>>,
    /// Per place slot, the number of the update that last listed it in `changed` (so each
    /// slot is listed once without clearing a flag per place).
    listed_in: Vec<u32>,
    /// Updates so far (the numbers in `listed_in`; 0 is never one).
    updates: u32,
}

/// Per-place counts of a prefix of an event order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct PrefixCounts {
    /// The prefix's length.
    len: usize,
    /// Its publication-dated events.
    publication: usize,
    /// Per place slot: `[events, publication-dated]`.
    per_place: Vec<[u32; 2]>,
}

impl WindowCounts {
    /// Counts for `window`, recounted from scratch.
    pub fn new(index: &Index, window: TimeWindow) -> WindowCounts {
        let mut counts = WindowCounts::default();
        counts.update(index, window);
        counts
    }

    /// The window the counts are for.
    pub fn window(&self) -> Option<TimeWindow> {
        self.window
    }

    /// Moves to `window`; returns whether anything was recomputed (false: same window).
    pub fn update(&mut self, index: &Index, window: TimeWindow) -> bool {
        let fresh = self.window.is_none() || self.started.per_place.len() != index.places.len();
        if self.window == Some(window) && !fresh {
            // Nothing moved: nothing changed.
            self.changed.get_or_insert_with(Vec::new).clear();
            return false;
        }
        if fresh {
            for prefix in [&mut self.started, &mut self.ended] {
                prefix.per_place.clear();
                prefix.per_place.resize(index.places.len(), [0, 0]);
                prefix.len = 0;
                prefix.publication = 0;
            }
            self.listed_in.clear();
            self.listed_in.resize(index.places.len(), 0);
        }
        self.updates = self.updates.wrapping_add(1);
        if self.updates == 0 {
            // After 2^32 updates: start the numbering over.
            self.listed_in.fill(0);
            self.updates = 1;
        }
        let mut changed = self.changed.take().unwrap_or_default();
        changed.clear();
        let mut tracker = Changes {
            slots: changed,
            listed_in: &mut self.listed_in,
            update: self.updates,
            all: fresh,
        };
        move_prefix(
            &mut self.started,
            index.started_by(window.to),
            fresh,
            &index.started_checkpoints,
            |i| index.slot_of_event(i),
            &mut tracker,
        );
        move_prefix(
            &mut self.ended,
            index.ended_before(window.from),
            fresh,
            &index.ended_checkpoints,
            |j| index.slot_of_event(index.by_end[j] as usize),
            &mut tracker,
        );
        self.changed = (!tracker.all).then_some(tracker.slots);
        self.window = Some(window);
        true
    }

    /// The place slots whose counts the last [`WindowCounts::update`] may have changed, each
    /// once, in no particular order; `None` when any may have (the counts started over, or a
    /// far move copied a checkpoint): then look at every slot.
    pub fn changed(&self) -> Option<&[u32]> {
        self.changed.as_deref()
    }

    /// `[events, publication-dated]` overlapping the window at the place in `slot`.
    fn pair(&self, slot: usize) -> [u32; 2] {
        match (
            self.started.per_place.get(slot),
            self.ended.per_place.get(slot),
        ) {
            (Some(s), Some(e)) => [s[0].saturating_sub(e[0]), s[1].saturating_sub(e[1])],
            _ => [0, 0],
        }
    }

    /// Events overlapping the window at the place in `slot` of [`Index::places`].
    pub fn count(&self, slot: usize) -> u32 {
        self.pair(slot)[0]
    }

    /// Of [`WindowCounts::count`], the events dated only by publication.
    pub fn publication(&self, slot: usize) -> u32 {
        self.pair(slot)[1]
    }

    /// Events `filter` admits overlapping the window at the place in `slot`.
    pub fn count_as(&self, slot: usize, filter: EventFilter) -> u32 {
        let [all, publication] = self.pair(slot);
        filter.count(all, publication)
    }

    /// Events overlapping the window at `place` (0 when it has none or is not indexed).
    pub fn count_of(&self, index: &Index, place: PlaceIdx) -> u32 {
        index.slot(place).map_or(0, |s| self.count(s))
    }

    /// Events overlapping the window, all places together.
    pub fn total(&self) -> u64 {
        self.started.len.saturating_sub(self.ended.len) as u64
    }

    /// Of [`WindowCounts::total`], the events dated only by publication.
    pub fn total_publication(&self) -> u64 {
        self.started
            .publication
            .saturating_sub(self.ended.publication) as u64
    }
}

/// The slots an update touches.
struct Changes<'a> {
    slots: Vec<u32>,
    listed_in: &'a mut Vec<u32>,
    update: u32,
    /// Any slot may have changed: `slots` is not kept.
    all: bool,
}

impl Changes<'_> {
    #[inline]
    fn touch(&mut self, slot: usize) {
        if self.all {
            return;
        }
        if let Some(mark) = self.listed_in.get_mut(slot)
            && *mark != self.update
        {
            *mark = self.update;
            self.slots.push(slot as u32);
        }
    }
}

/// Moves `prefix` (per-place counts of the first `prefix.len` events of an order) to the first
/// `to_len`: walks the events between, or copies the nearest checkpoint and walks from there
/// when that is shorter (always when `fresh`: `prefix` holds nothing yet). `event_at(i)` is the
/// place slot of the order's `i`th event and whether it is publication-dated.
fn move_prefix(
    prefix: &mut PrefixCounts,
    to_len: usize,
    fresh: bool,
    checkpoints: &Checkpoints,
    event_at: impl Fn(usize) -> (usize, bool),
    changes: &mut Changes<'_>,
) {
    let from_len = prefix.len;
    if let Some((cp_len, cp_publication, row)) = checkpoints.nearest(to_len) {
        // A copy of a row costs about as much as walking an eighth as many events (sequential
        // writes against scattered increments).
        if fresh || cp_len.abs_diff(to_len) + prefix.per_place.len() / 8 < from_len.abs_diff(to_len)
        {
            // A far move: listing the places it changes (comparing every place, then updating
            // most markers one by one) costs more than updating every marker in order.
            match row {
                Some(row) => prefix.per_place.copy_from_slice(row),
                None => prefix.per_place.fill([0, 0]),
            }
            changes.all = true;
            prefix.len = cp_len;
            prefix.publication = cp_publication;
        }
    }
    let counts = &mut prefix.per_place;
    let mut publication = prefix.publication;
    if to_len >= prefix.len {
        for i in prefix.len..to_len {
            let (slot, is_pub) = event_at(i);
            changes.touch(slot);
            let c = &mut counts[slot];
            c[0] += 1;
            c[1] += u32::from(is_pub);
            publication += usize::from(is_pub);
        }
    } else {
        for i in to_len..prefix.len {
            let (slot, is_pub) = event_at(i);
            changes.touch(slot);
            let c = &mut counts[slot];
            c[0] -= 1;
            c[1] -= u32::from(is_pub);
            publication -= usize::from(is_pub);
        }
    }
    prefix.len = to_len;
    prefix.publication = publication;
}
