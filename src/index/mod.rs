//! The index: compact event records sorted by time, each place's events, a per-day histogram,
//! the articles in publication order.
//!
//! Built once per change of data, never per frame. The events are held once, in the extractions;
//! the index keeps a 20-byte [`IndexedEvent`] per event (days as numbers, article, place, and the
//! event's position in its article's extraction, to reach the full [`Event`]).
//!
//! - Each place's events are one run of a vector shared by all places (no vector per place:
//!   most places have one or two events). A count for one place ([`Index::place_count_in`]) is a
//!   binary search and a walk over its events; the views keep every place's count in a
//!   [`WindowCounts`] instead (below), so no per-place day lists are kept for it.
//! - [`Index::events_in`] scans the dated events starting from `a - s` to `b`, where `s` is the
//!   longest span of a *short* event (at most [`LONG_SPAN_DAYS`]); the few long events ("in
//!   2019": a year) sit in their own list, so one of them does not make every query scan a year.
//! - [`Index::articles_in`] reads the articles in publication order (precomputed): the ones
//!   published in the window are a range found by binary search; in cumulative mode each
//!   article's first day (its publication or its earliest event, whichever is first) decides.
//! - A scrub moves the window a little at a time, so [`WindowCounts`] keeps every place's count
//!   for the last window and updates it from the events entering or leaving it: two binary
//!   searches (dated events are sorted by start, and [`Index`] keeps them in end order too), then
//!   a walk over the delta only. A long jump starts from the nearest checkpoint instead: the
//!   index keeps every place's started (ended) count every `K` events in start (end) order,
//!   `K` twice the number of places, so a jump costs a copy and a walk of at most `K / 2` events
//!   (the checkpoints take about 4 bytes per dated event per order, ~4 MB at a million).

use std::num::NonZeroU32;

use chrono::NaiveDate;

use crate::extract::dates::{Granularity, Interval};
use crate::extract::{ArticleExtraction, ArticleIdx, Event, WhenBasis};
use crate::gazetteer::PlaceIdx;

mod window_counts;
pub use window_counts::WindowCounts;

/// A day as a number (days since 0001-01-01, chrono's `num_days_from_ce`), cheap to compare.
pub type DayNum = i32;

pub fn day_num(date: NaiveDate) -> DayNum {
    use chrono::Datelike;
    date.num_days_from_ce()
}

pub fn date_of(day: DayNum) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// A place's position in [`Index::places`] (and in [`WindowCounts`]). Held as one more than the
/// position, so that `Option<PlaceSlot>` (`None`: the place has no events) takes 4 bytes: the
/// index keeps one per gazetteer position up to the largest place with events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PlaceSlot(NonZeroU32);

impl PlaceSlot {
    /// The slot at `position` (below the number of places with events, so within `u32`).
    fn new(position: usize) -> Self {
        PlaceSlot(NonZeroU32::MIN.saturating_add(position as u32))
    }

    fn get(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// The slot of an indexed event's place: every such place has one, given while the index is
/// built (a place without one is a bug, caught by the index's tests).
fn slot_index(slots: &[Option<PlaceSlot>], place: PlaceIdx) -> usize {
    let slot = slots.get(place.0 as usize).copied().flatten();
    debug_assert!(slot.is_some(), "an indexed event's place has a slot");
    slot.map_or(0, PlaceSlot::get)
}

/// Events spanning more days than this (`to - from`) are "long": kept apart for window scans.
pub const LONG_SPAN_DAYS: DayNum = 31;

/// A closed range of days shown by the map and the article list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeWindow {
    pub from: DayNum,
    pub to: DayNum,
}

impl TimeWindow {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            from: day_num(from),
            to: day_num(to),
        }
    }

    /// Everything up to and including `to` (the cumulative mode).
    pub fn up_to(to: NaiveDate) -> Self {
        Self {
            from: DayNum::MIN,
            to: day_num(to),
        }
    }

    pub fn contains_interval(&self, from: DayNum, to: DayNum) -> bool {
        from <= self.to && to >= self.from
    }
}

/// Which events the views count and list: all of them, or only those dated by their text (a
/// date in their sentence, or carried from the preceding ones), leaving out the events dated
/// only by their article's publication. One value held by the app's state and passed to every
/// query that takes it, so the map, the timeline, the article list and the export agree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EventFilter {
    #[default]
    All,
    DatedByText,
}

impl EventFilter {
    /// Whether the filter lets `event` through (undated events are not publication-dated:
    /// they pass, as the views list them apart anyway).
    pub fn admits(self, event: &IndexedEvent) -> bool {
        match self {
            EventFilter::All => true,
            EventFilter::DatedByText => !event.publication_dated(),
        }
    }

    /// Of `all` events of which `publication` are publication-dated, how many pass.
    pub fn count(self, all: u32, publication: u32) -> u32 {
        match self {
            EventFilter::All => all,
            EventFilter::DatedByText => all.saturating_sub(publication),
        }
    }
}

/// One event as the index holds it: a small `Copy` record, the full [`Event`] stays in its
/// article's extraction (see [`IndexedEvent::event`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexedEvent {
    /// First day; `DayNum::MAX` for an undated event.
    pub from: DayNum,
    /// Last day; `DayNum::MAX` for an undated event.
    pub to: DayNum,
    /// The article, which is also the position of its extraction in the extractions indexed.
    pub article: ArticleIdx,
    pub place: PlaceIdx,
    /// Position in its article's `ArticleExtraction::events` (the high bits), the interval's
    /// granularity and how it was obtained ([`Event::basis`]) in one word: see
    /// [`IndexedEvent::nth`], [`IndexedEvent::granularity`], [`IndexedEvent::basis`].
    packed: u32,
}

// 20 bytes: a million of them are the index's bulk.
const _: () = assert!(std::mem::size_of::<IndexedEvent>() == 20);

/// Bits of [`IndexedEvent::packed`] below the event's position: 3 for the granularity, 2 for the
/// basis.
const PACKED_LOW_BITS: u32 = 5;

/// Events of one article the index can hold: 2^27 (134 million). An article's text is at most
/// 20 MB (`read::MAX_ARTICLE_BYTES`), so it names far fewer places; an events file could list
/// more in one article, but not in memory (52 bytes an event, 7 GB).
pub const MAX_EVENTS_PER_ARTICLE: usize = 1 << (32 - PACKED_LOW_BITS);

impl IndexedEvent {
    fn new(
        days: (DayNum, DayNum),
        article: ArticleIdx,
        place: PlaceIdx,
        nth: usize,
        granularity: Granularity,
        basis: WhenBasis,
    ) -> IndexedEvent {
        debug_assert!(nth < MAX_EVENTS_PER_ARTICLE, "checked by Index::build");
        let granularity = match granularity {
            Granularity::Day => 0,
            Granularity::Week => 1,
            Granularity::Month => 2,
            Granularity::Year => 3,
            Granularity::Span => 4,
        };
        let basis = match basis {
            WhenBasis::Text => 0,
            WhenBasis::Carried => 1,
            WhenBasis::Publication => 2,
            WhenBasis::Undated => 3,
        };
        IndexedEvent {
            from: days.0,
            to: days.1,
            article,
            place,
            packed: ((nth as u32) << PACKED_LOW_BITS) | (granularity << 2) | basis,
        }
    }

    /// Position in its article's `ArticleExtraction::events`.
    pub fn nth(&self) -> u32 {
        self.packed >> PACKED_LOW_BITS
    }

    /// The interval's granularity (`Day` for an undated event, meaningless there).
    pub fn granularity(&self) -> Granularity {
        match (self.packed >> 2) & 0b111 {
            0 => Granularity::Day,
            1 => Granularity::Week,
            2 => Granularity::Month,
            3 => Granularity::Year,
            _ => Granularity::Span,
        }
    }

    /// How the interval was obtained ([`Event::basis`]).
    pub fn basis(&self) -> WhenBasis {
        match self.packed & 0b11 {
            0 => WhenBasis::Text,
            1 => WhenBasis::Carried,
            2 => WhenBasis::Publication,
            _ => WhenBasis::Undated,
        }
    }

    /// Dated only by its article's publication date: no date in its sentence, none carried.
    pub fn publication_dated(&self) -> bool {
        self.packed & 0b11 == 2
    }

    pub fn is_dated(&self) -> bool {
        self.from != DayNum::MAX
    }

    /// First and last day, if dated.
    pub fn days(&self) -> Option<(DayNum, DayNum)> {
        self.is_dated().then_some((self.from, self.to))
    }

    /// The event's interval, as [`Event::when`] has it.
    pub fn when(&self) -> Option<Interval> {
        self.is_dated().then(|| Interval {
            from: date_of(self.from),
            to: date_of(self.to),
            granularity: self.granularity(),
        })
    }

    /// Dated and overlapping `window`.
    pub fn overlaps(&self, window: TimeWindow) -> bool {
        self.is_dated() && window.contains_interval(self.from, self.to)
    }

    /// The full event, in the extractions the index was built from.
    pub fn event<'x>(&self, extractions: &'x [ArticleExtraction]) -> Option<&'x Event> {
        extractions
            .get(self.article.0 as usize)?
            .events
            .get(self.nth() as usize)
    }
}

/// What the index knows of one place. The place's events sit in one vector of the [`Index`]
/// shared by all places, each place's run at the offsets kept here ([`Index::place_events`]): a
/// place record holds no vector of its own, because most places have one or two events, and a
/// vector each (24 bytes of header, a heap block of at least 32 bytes) costs more than their
/// events (about 100,000 places at a million events).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceAgg {
    pub place: PlaceIdx,
    /// The place's events: `Index::place_events[events.0..events.1]` (indices into
    /// [`Index::events`], in time order: the dated ones first).
    events: (u32, u32),
    /// How many of them are dated.
    dated: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Distinct articles with an event at this place.
    pub articles: u32,
}

// Kept small: one per place with events.
const _: () = assert!(std::mem::size_of::<PlaceAgg>() == 28);

impl PlaceAgg {
    pub fn total(&self) -> usize {
        (self.events.1 - self.events.0) as usize
    }

    fn events_range(&self) -> std::ops::Range<usize> {
        self.events.0 as usize..self.events.1 as usize
    }
}

/// Per place slot, `[events, publication-dated]`.
type PlaceCounts = [[u32; 2]];

/// Every place's count of events in a prefix of an event order, and how many of them are
/// publication-dated, every `every` events.
#[derive(Clone, Debug, Default)]
struct Checkpoints {
    every: usize,
    /// Row `j - 1` (of `places` pairs `[events, publication-dated]`) holds the counts of the
    /// first `j * every` events, for `j >= 1`; the checkpoint `j = 0`, all zeros, is not stored
    /// (a row per place, 0.8 MB at a million events).
    rows: Vec<[u32; 2]>,
    /// Per checkpoint `j` (from 0), the publication-dated events of the prefix, all places
    /// together.
    publication: Vec<usize>,
    places: usize,
}

impl Checkpoints {
    /// `events` gives the place slot of each event of the order, in that order, and whether it
    /// is publication-dated.
    fn build(
        every: usize,
        places: usize,
        events: impl ExactSizeIterator<Item = (usize, bool)>,
    ) -> Self {
        let every = every.max(1);
        let n = events.len();
        let mut rows = Vec::with_capacity((n / every) * places);
        let mut publication = Vec::with_capacity(n / every + 1);
        let mut counts = vec![[0u32; 2]; places];
        let mut pubs = 0;
        for (i, (slot, is_pub)) in events.enumerate() {
            if i.is_multiple_of(every) {
                if i > 0 {
                    rows.extend_from_slice(&counts);
                }
                publication.push(pubs);
            }
            counts[slot][0] += 1;
            counts[slot][1] += u32::from(is_pub);
            pubs += usize::from(is_pub);
        }
        if n.is_multiple_of(every) {
            if n > 0 {
                rows.extend_from_slice(&counts);
            }
            publication.push(pubs);
        }
        Checkpoints {
            every,
            rows,
            publication,
            places,
        }
    }

    /// The checkpoint nearest to prefix length `len`: (its prefix length, its publication-dated
    /// events, its per-place counts: `None` for the empty prefix, all zeros).
    fn nearest(&self, len: usize) -> Option<(usize, usize, Option<&PlaceCounts>)> {
        if self.places == 0 {
            return None;
        }
        let j = ((len + self.every / 2) / self.every).min(self.publication.len().checked_sub(1)?);
        let row = match j.checked_sub(1) {
            Some(r) => Some(self.rows.get(r * self.places..(r + 1) * self.places)?),
            None => None,
        };
        Some((j * self.every, *self.publication.get(j)?, row))
    }
}

/// The index over a corpus' extractions.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Dated events sorted by (from, to, article, sentence start), then undated ones (by article
    /// and sentence start): the order of a stable sort of the extractions' events.
    pub events: Vec<IndexedEvent>,
    dated: usize,
    /// Dated events spanning more than [`LONG_SPAN_DAYS`] (indices into `events`), in order.
    long: Vec<u32>,
    /// Longest span of the other dated events, to bound window scans.
    short_max_span: DayNum,
    places: Vec<PlaceAgg>,
    /// Every place's events (indices into `events`), place by place in slot order, each place's
    /// in time order (see [`PlaceAgg`]).
    place_events: Vec<u32>,
    /// Slot in `places` of each place index (`None`: no events), dense: place indices are
    /// gazetteer positions, so small.
    slot_of_place: Vec<Option<PlaceSlot>>,
    /// Dated events (indices into `events`) sorted by end day: those that end before a day are
    /// a prefix.
    by_end: Vec<u32>,
    /// Per-place counts of the dated events in start order, every `K`.
    started_checkpoints: Checkpoints,
    /// Per-place counts of the dated events in end order (`by_end`), every `K`.
    ended_checkpoints: Checkpoints,
    /// Days the timeline spans (see [`Index::timeline_range`]).
    range: Option<(DayNum, DayNum)>,
    /// Events starting on each day of `range`.
    per_day: Vec<u32>,
    /// Of those, the publication-dated ones.
    per_day_publication: Vec<u32>,
    /// Publication days of the articles, by article index.
    published: Vec<Option<DayNum>>,
    /// Articles in publication order: dated ones by (day, index), then undated ones by index.
    by_publication: Vec<ArticleIdx>,
    /// Position of each article in `by_publication`, by article index.
    rank: Vec<u32>,
    /// Publication day of each article of `by_publication` (`DayNum::MAX`: undated).
    publication_days: Vec<DayNum>,
    /// How many articles are dated (they come first in `by_publication`).
    dated_articles: usize,
    /// Per article of `by_publication`: the first day a cumulative window must reach to list
    /// it, the earlier of its publication and its events' first start (`DayNum::MIN` for an
    /// undated article: always listed).
    first_day: Vec<DayNum>,
    /// No dated event ends, and no article is published, before this day: a window starting on
    /// or before it lists what a cumulative window does.
    earliest: DayNum,
}

impl Index {
    /// Builds the index; `published` gives each article's publication date, by article index.
    /// `extractions[i]` holds article `i`'s events (as a dataset keeps them).
    pub fn build(extractions: &[ArticleExtraction], published: &[Option<NaiveDate>]) -> Index {
        // An article's events past `MAX_EVENTS_PER_ARTICLE` are not indexed (none can be read
        // from a text; see there).
        fn held(x: &ArticleExtraction) -> &[Event] {
            &x.events[..x.events.len().min(MAX_EVENTS_PER_ARTICLE)]
        }
        let total: usize = extractions.iter().map(|x| held(x).len()).sum();
        let mut events: Vec<IndexedEvent> = Vec::with_capacity(total);
        for (a, x) in extractions.iter().enumerate() {
            for (nth, e) in held(x).iter().enumerate() {
                let (from, to, granularity) = e
                    .when
                    .map_or((DayNum::MAX, DayNum::MAX, Granularity::Day), |w| {
                        (day_num(w.from), day_num(w.to), w.granularity)
                    });
                events.push(IndexedEvent::new(
                    (from, to),
                    ArticleIdx(a as u32),
                    e.place,
                    nth,
                    granularity,
                    e.basis,
                ));
            }
        }
        // The order a stable sort by (from, to, article, sentence start) gives: undated events
        // (days MAX) last, ties kept in extraction order (`nth`, within one article). The
        // sentence is looked up only on ties of the rest.
        let sentence_start = |e: &IndexedEvent| {
            e.event(extractions)
                .map_or(u32::MAX, |full| full.sentence.start)
        };
        events.sort_unstable_by(|a, b| {
            (a.from, a.to, a.article)
                .cmp(&(b.from, b.to, b.article))
                .then_with(|| sentence_start(a).cmp(&sentence_start(b)))
                .then(a.nth().cmp(&b.nth()))
        });
        let dated = events.partition_point(IndexedEvent::is_dated);

        // Two passes: the first counts each place's events, which gives each place its run in
        // the shared vectors; the second writes every event into its place's run. Every
        // vector is allocated once at its final size.
        let max_place = events.iter().map(|e| e.place.0).max().unwrap_or(0) as usize;
        let mut slot_dense: Vec<Option<PlaceSlot>> = vec![None; max_place + 1];
        let mut places: Vec<PlaceAgg> = Vec::new();
        for event in &events {
            let slot = *slot_dense[event.place.0 as usize].get_or_insert_with(|| {
                places.push(PlaceAgg {
                    place: event.place,
                    events: (0, 0),
                    dated: 0,
                    first: None,
                    last: None,
                    articles: 0,
                });
                PlaceSlot::new(places.len() - 1)
            });
            let agg = &mut places[slot.get()];
            // Sizes for now; turned into offsets below.
            agg.events.1 += 1;
            agg.dated += u32::from(event.is_dated());
        }
        places.shrink_to_fit();
        // Each place's run starts where the previous one's ends; `.1` is the place's write
        // position while the runs are filled, and its end after.
        let mut all_at = 0u32;
        for agg in &mut places {
            let all = agg.events.1;
            agg.events = (all_at, all_at);
            all_at += all;
        }
        let mut place_events = vec![0u32; events.len()];
        let mut long = Vec::new();
        let mut short_max_span = 0;
        for (i, event) in events.iter().enumerate() {
            let agg = &mut places[slot_index(&slot_dense, event.place)];
            place_events[agg.events.1 as usize] = i as u32;
            agg.events.1 += 1;
            if let Some((from, to)) = event.days() {
                if to - from > LONG_SPAN_DAYS {
                    long.push(i as u32);
                } else {
                    short_max_span = short_max_span.max(to - from);
                }
            }
        }
        // Per article, the last place slot (plus one) that counted it: distinct articles per
        // place, one place at a time, without a set per place.
        let mut counted_at = vec![0u32; extractions.len()];
        for (slot, agg) in places.iter_mut().enumerate() {
            let run = &place_events[agg.events_range()];
            // The dated events come first, in start order.
            let dated_days = run[..agg.dated as usize]
                .iter()
                .map(|&i| &events[i as usize]);
            agg.first = run
                .first()
                .map(|&i| &events[i as usize])
                .filter(|e| e.is_dated())
                .map(|e| date_of(e.from));
            agg.last = dated_days.map(|e| e.to).max().map(date_of);
            for &i in &place_events[agg.events_range()] {
                let article = events[i as usize].article.0 as usize;
                if let Some(seen) = counted_at.get_mut(article)
                    && *seen != slot as u32 + 1
                {
                    *seen = slot as u32 + 1;
                    agg.articles += 1;
                }
            }
        }
        drop(counted_at);
        long.shrink_to_fit();

        let mut by_end: Vec<u32> = (0..dated as u32).collect();
        // Stable: ties stay in start order.
        by_end.sort_by_key(|&i| events[i as usize].to);
        // What the window queries' binary searches rely on.
        debug_assert!(
            events[..dated].is_sorted_by_key(|e| e.from),
            "dated events sorted by start day"
        );
        debug_assert!(
            by_end.is_sorted_by_key(|&i| events[i as usize].to),
            "the end order sorted by end day"
        );
        debug_assert!(
            places.iter().all(|p| {
                let run = &place_events[p.events_range()];
                let (dated, undated) = run.split_at(p.dated as usize);
                run.is_sorted()
                    && dated.iter().all(|&i| events[i as usize].is_dated())
                    && !undated.iter().any(|&i| events[i as usize].is_dated())
            }),
            "each place's events in time order, the dated ones first"
        );
        let every = 2 * places.len();
        let slot_of = |i: usize| {
            let e = &events[i];
            (slot_index(&slot_dense, e.place), e.publication_dated())
        };
        let started_checkpoints = Checkpoints::build(every, places.len(), (0..dated).map(slot_of));
        let ended_checkpoints = Checkpoints::build(
            every,
            places.len(),
            by_end.iter().map(|&i| slot_of(i as usize)),
        );

        let published: Vec<Option<DayNum>> = published.iter().map(|d| d.map(day_num)).collect();
        let range = timeline_range(&events[..dated], &published);
        let (per_day, per_day_publication) = match range {
            Some((start, end)) => {
                let mut counts = vec![0u32; (end - start + 1) as usize];
                let mut publication = vec![0u32; counts.len()];
                for e in &events[..dated] {
                    if (start..=end).contains(&e.from) {
                        counts[(e.from - start) as usize] += 1;
                        publication[(e.from - start) as usize] += u32::from(e.publication_dated());
                    }
                }
                (counts, publication)
            }
            None => (Vec::new(), Vec::new()),
        };

        let mut by_publication: Vec<ArticleIdx> =
            (0..published.len() as u32).map(ArticleIdx).collect();
        by_publication.sort_unstable_by_key(|a| {
            let p = published[a.0 as usize];
            (p.is_none(), p, a.0)
        });
        let mut rank = vec![0u32; published.len()];
        for (k, a) in by_publication.iter().enumerate() {
            rank[a.0 as usize] = k as u32;
        }
        let publication_days: Vec<DayNum> = by_publication
            .iter()
            .map(|a| published[a.0 as usize].unwrap_or(DayNum::MAX))
            .collect();
        debug_assert!(
            publication_days.is_sorted(),
            "articles in publication order, undated last"
        );
        let dated_articles = published.iter().filter(|p| p.is_some()).count();
        let mut first_start = vec![DayNum::MAX; published.len()];
        for e in &events[..dated] {
            if let Some(f) = first_start.get_mut(e.article.0 as usize) {
                *f = (*f).min(e.from);
            }
        }
        let first_day: Vec<DayNum> = by_publication
            .iter()
            .map(|a| match published[a.0 as usize] {
                Some(p) => p.min(first_start[a.0 as usize]),
                None => DayNum::MIN,
            })
            .collect();
        let earliest = events[..dated]
            .iter()
            .map(|e| e.to)
            .chain(published.iter().flatten().copied())
            .min()
            .unwrap_or(DayNum::MAX);

        Index {
            events,
            dated,
            long,
            short_max_span,
            places,
            place_events,
            slot_of_place: slot_dense,
            by_end,
            started_checkpoints,
            ended_checkpoints,
            range,
            per_day,
            per_day_publication,
            published,
            by_publication,
            rank,
            publication_days,
            dated_articles,
            first_day,
            earliest,
        }
    }

    /// The dated events (sorted by start).
    pub fn dated_events(&self) -> &[IndexedEvent] {
        &self.events[..self.dated]
    }

    /// The undated events, after the dated ones in [`Index::events`].
    pub fn undated_events(&self) -> &[IndexedEvent] {
        &self.events[self.dated..]
    }

    /// The full event of `events[i]`, in the extractions the index was built from.
    pub fn event<'x>(&self, i: usize, extractions: &'x [ArticleExtraction]) -> Option<&'x Event> {
        self.events.get(i)?.event(extractions)
    }

    /// Indices into [`Index::events`] of `article`'s events, in time order: a binary search per
    /// event of its extraction (the events are sorted by days, then article), no scan.
    pub fn events_of_article(
        &self,
        article: ArticleIdx,
        extractions: &[ArticleExtraction],
    ) -> Vec<usize> {
        let Some(x) = extractions.get(article.0 as usize) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = Vec::with_capacity(x.events.len());
        for (nth, e) in x.events.iter().enumerate() {
            let (from, to) = e.when.map_or((DayNum::MAX, DayNum::MAX), |w| {
                (day_num(w.from), day_num(w.to))
            });
            let key = (from, to, article);
            let lo = self
                .events
                .partition_point(|c| (c.from, c.to, c.article) < key);
            let found = self.events[lo..]
                .iter()
                .take_while(|c| (c.from, c.to, c.article) == key)
                .position(|c| c.nth() as usize == nth);
            out.extend(found.map(|k| lo + k));
        }
        out.sort_unstable();
        out
    }

    /// Every place with at least one event.
    pub fn places(&self) -> &[PlaceAgg] {
        &self.places
    }

    /// The events at the place of `agg` (indices into [`Index::events`]), in time order.
    pub fn place_events(&self, agg: &PlaceAgg) -> &[u32] {
        self.place_events
            .get(agg.events_range())
            .unwrap_or_default()
    }

    /// Events at the place of `agg` overlapping `window`: a binary search for those starting by
    /// its end, then a walk over them. For one place now and then; the views keep every
    /// place's count in a [`WindowCounts`], moved with the window.
    pub fn place_count_in(&self, agg: &PlaceAgg, window: TimeWindow) -> u32 {
        let dated = self
            .place_events(agg)
            .get(..agg.dated as usize)
            .unwrap_or_default();
        let day = |i: u32, f: fn(&IndexedEvent) -> DayNum| {
            self.events.get(i as usize).map_or(DayNum::MAX, f)
        };
        let started = dated.partition_point(|&i| day(i, |e| e.from) <= window.to);
        dated[..started]
            .iter()
            .filter(|&&i| day(i, |e| e.to) >= window.from)
            .count() as u32
    }

    pub fn place(&self, place: PlaceIdx) -> Option<&PlaceAgg> {
        self.slot(place).map(|slot| &self.places[slot])
    }

    /// Where the place sits in [`Index::places`] (and in [`WindowCounts::counts`]).
    pub fn slot(&self, place: PlaceIdx) -> Option<usize> {
        self.slot_of_place
            .get(place.0 as usize)
            .copied()
            .flatten()
            .map(PlaceSlot::get)
    }

    /// How many dated events start on or before `day`.
    fn started_by(&self, day: DayNum) -> usize {
        self.events[..self.dated].partition_point(|e| e.from <= day)
    }

    /// How many dated events end before `day`.
    fn ended_before(&self, day: DayNum) -> usize {
        self.by_end
            .partition_point(|&i| self.events[i as usize].to < day)
    }

    /// The place slot of `events[i]`, and whether it is publication-dated.
    fn slot_of_event(&self, i: usize) -> (usize, bool) {
        let e = &self.events[i];
        (
            slot_index(&self.slot_of_place, e.place),
            e.publication_dated(),
        )
    }

    /// The span the timeline shows: publication dates and the events near them. Background
    /// mentions far before the first publication ("in 2011") stay out, so they don't squash the
    /// timeline; they remain in the index and in cumulative mode.
    pub fn timeline_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.range.map(|(a, b)| (date_of(a), date_of(b)))
    }

    /// Events starting on each day of [`Index::timeline_range`].
    pub fn per_day(&self) -> &[u32] {
        &self.per_day
    }

    /// Of [`Index::per_day`], the publication-dated events on each day.
    pub fn per_day_publication(&self) -> &[u32] {
        &self.per_day_publication
    }

    pub fn published(&self, article: ArticleIdx) -> Option<NaiveDate> {
        self.published
            .get(article.0 as usize)
            .copied()
            .flatten()
            .map(date_of)
    }

    /// Indices of the dated events overlapping `window`, in time order (increasing).
    ///
    /// The long events that start before the short scan are listed first (they start earlier
    /// than anything it visits), then the scan from `window.from - short_max_span` to
    /// `window.to`.
    pub fn events_in(&self, window: TimeWindow) -> impl Iterator<Item = usize> + '_ {
        let dated = &self.events[..self.dated];
        // Short events that start before `window.from - short_max_span` cannot reach the window.
        let lo_day = window.from.saturating_sub(self.short_max_span);
        let lo = dated.partition_point(|e| e.from < lo_day);
        let hi = dated.partition_point(|e| e.from <= window.to);
        let long_before = self.long.partition_point(|&i| (i as usize) < lo);
        self.long[..long_before]
            .iter()
            .map(|&i| i as usize)
            .chain(lo..hi.max(lo))
            .filter(move |&i| dated[i].overlaps(window))
    }

    /// [`Index::events_in`], the events `filter` admits only.
    pub fn events_matching(
        &self,
        window: TimeWindow,
        filter: EventFilter,
    ) -> impl Iterator<Item = usize> + '_ {
        self.events_in(window)
            .filter(move |&i| filter.admits(&self.events[i]))
    }

    /// Per place, the number of events overlapping `window` (zero counts included): a walk over
    /// the places' events ([`Index::place_count_in`]); a scrub keeps a [`WindowCounts`] instead.
    pub fn counts_in(&self, window: TimeWindow) -> impl Iterator<Item = (PlaceIdx, u32)> + '_ {
        self.places
            .iter()
            .map(move |agg| (agg.place, self.place_count_in(agg, window)))
    }

    /// Articles with at least one event `filter` admits in `window` (at `place`, if given), or
    /// published in it, in publication order; undated articles with a matching undated event
    /// come last.
    pub fn articles_in(
        &self,
        window: TimeWindow,
        place: Option<PlaceIdx>,
        filter: EventFilter,
    ) -> Vec<ArticleIdx> {
        let rank_of = |e: &IndexedEvent| self.rank.get(e.article.0 as usize).copied();
        let Some(place) = place else {
            return self.articles_in_window(window, filter);
        };
        let Some(agg) = self.place(place) else {
            return Vec::new();
        };
        let mut ranks: Vec<u32> = self
            .place_events(agg)
            .iter()
            .map(|&i| &self.events[i as usize])
            .filter(|e| !e.is_dated() || e.overlaps(window))
            .filter(|e| filter.admits(e))
            .filter_map(rank_of)
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        ranks
            .iter()
            .map(|&r| self.by_publication[r as usize])
            .collect()
    }

    /// [`Index::articles_in`] without a place: published in the window (or undated), or with an
    /// event in it.
    fn articles_in_window(&self, window: TimeWindow, filter: EventFilter) -> Vec<ArticleIdx> {
        if window.from <= self.earliest {
            // Cumulative: an event overlaps iff it starts by `window.to`, an article is
            // published in the window iff by `window.to`. (The filter changes nothing here: a
            // publication-dated event starts on its article's publication day, which lists the
            // article anyway.)
            return self
                .by_publication
                .iter()
                .zip(&self.first_day)
                .filter(|&(_, &d)| d <= window.to)
                .map(|(&a, _)| a)
                .collect();
        }
        let dated_articles = &self.publication_days[..self.dated_articles];
        let plo = dated_articles.partition_point(|&d| d < window.from);
        let phi = dated_articles.partition_point(|&d| d <= window.to).max(plo);
        // Articles with an event in the window but published outside it (few: most events
        // are near their publication), as ranks.
        let mut others: Vec<u32> = self
            .events_matching(window, filter)
            .filter_map(|i| self.rank.get(self.events[i].article.0 as usize).copied())
            .filter(|&r| {
                let r = r as usize;
                r < plo || (phi..self.dated_articles).contains(&r)
            })
            .collect();
        others.sort_unstable();
        others.dedup();
        let split = others.partition_point(|&r| (r as usize) < plo);
        let (before, after) = others.split_at(split);
        let pick = |&r: &u32| self.by_publication[r as usize];
        let mut out = Vec::with_capacity(
            others.len() + (phi - plo) + (self.by_publication.len() - self.dated_articles),
        );
        out.extend(before.iter().map(pick));
        out.extend_from_slice(&self.by_publication[plo..phi]);
        out.extend(after.iter().map(pick));
        out.extend_from_slice(&self.by_publication[self.dated_articles..]);
        out
    }
}

/// Publication days, and event days no more than 62 days before the first publication.
fn timeline_range(
    dated: &[IndexedEvent],
    published: &[Option<DayNum>],
) -> Option<(DayNum, DayNum)> {
    let pub_min = published.iter().flatten().min().copied();
    let pub_max = published.iter().flatten().max().copied();
    let event_days = dated.iter().map(|e| (e.from, e.to));
    if let (Some(lo), Some(hi)) = (pub_min, pub_max) {
        let near_from = event_days
            .clone()
            .map(|(f, _)| f)
            .filter(|&f| f >= lo - 62)
            .min();
        let near_to = event_days.map(|(_, t)| t).filter(|&t| t <= hi + 31).max();
        Some((
            near_from.map_or(lo, |f| f.min(lo)),
            near_to.map_or(hi, |t| t.max(hi)),
        ))
    } else {
        let lo = event_days.clone().map(|(f, _)| f).min()?;
        let hi = event_days.map(|(_, t)| t).max()?;
        Some((lo, hi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::WhenBasis;
    use crate::tools::synth::SplitMix64;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn event(article: u32, place: u32, from: &str, to: &str) -> Event {
        Event {
            article: ArticleIdx(article),
            place: PlaceIdx(place),
            when: Some(Interval {
                from: day(from),
                to: day(to),
                granularity: Granularity::Span,
            }),
            basis: WhenBasis::Text,
            sentence: (0..1).into(),
            mention: (0..1).into(),
            date_mention: None,
        }
    }

    /// One extraction per article, as a dataset has them.
    fn extractions_of(events: Vec<Event>) -> Vec<ArticleExtraction> {
        let mut xs: Vec<ArticleExtraction> = Vec::new();
        for e in events {
            let a = e.article.0 as usize;
            if xs.len() <= a {
                xs.resize_with(a + 1, ArticleExtraction::default);
            }
            xs[a].events.push(e);
        }
        xs
    }

    fn index(events: Vec<Event>, published: &[&str]) -> Index {
        let published: Vec<_> = published.iter().map(|s| Some(day(s))).collect();
        Index::build(&extractions_of(events), &published)
    }

    #[test]
    fn a_place_counts_each_article_once_with_its_first_and_last_day() {
        // Article 0 names place 1, then place 2, then place 1 again: still one article there.
        let idx = index(
            vec![
                event(0, 1, "2019-04-01", "2019-04-02"),
                event(0, 2, "2019-04-03", "2019-04-03"),
                event(0, 1, "2019-04-05", "2019-04-30"),
                event(1, 1, "2019-04-04", "2019-04-04"),
                event(1, 2, "2019-03-30", "2019-03-30"),
            ],
            &["2019-04-28", "2019-05-08"],
        );
        let one = idx.place(PlaceIdx(1)).expect("place 1");
        assert_eq!((one.articles, one.total()), (2, 3));
        assert_eq!(one.first, Some(day("2019-04-01")));
        assert_eq!(one.last, Some(day("2019-04-30")));
        let two = idx.place(PlaceIdx(2)).expect("place 2");
        assert_eq!((two.articles, two.total()), (2, 2));
        assert_eq!(two.first, Some(day("2019-03-30")));
        assert_eq!(two.last, Some(day("2019-04-03")));
    }

    #[test]
    fn a_window_counts_events_that_overlap_it() {
        let idx = index(
            vec![
                event(0, 1, "2019-04-01", "2019-04-10"),
                event(0, 1, "2019-04-20", "2019-04-20"),
                event(1, 1, "2019-05-01", "2019-05-31"),
                event(1, 2, "2019-04-05", "2019-04-05"),
            ],
            &["2019-04-28", "2019-05-08"],
        );
        let count = |a: &str, b: &str| {
            idx.place(PlaceIdx(1))
                .map(|p| idx.place_count_in(p, TimeWindow::new(day(a), day(b))))
        };
        assert_eq!(count("2019-04-09", "2019-04-19"), Some(1));
        assert_eq!(count("2019-04-09", "2019-04-20"), Some(2));
        assert_eq!(count("2019-05-15", "2019-05-15"), Some(1));
        assert_eq!(count("2019-06-01", "2019-07-01"), Some(0));
        assert_eq!(
            idx.events_in(TimeWindow::new(day("2019-04-05"), day("2019-04-05")))
                .count(),
            2
        );
    }

    #[test]
    fn window_counts_agree_with_a_scan() {
        let mut events = Vec::new();
        for i in 0..200u32 {
            let from = day("2019-04-01") + chrono::Days::new(u64::from(i * 7 % 90));
            let to = from + chrono::Days::new(u64::from(i % 5) * 3);
            events.push(Event {
                when: Some(Interval {
                    from,
                    to,
                    granularity: Granularity::Span,
                }),
                ..event(i % 3, i % 4, "2019-04-01", "2019-04-01")
            });
        }
        let idx = index(events.clone(), &["2019-05-01", "2019-06-01", "2019-06-20"]);
        for start in 0..100u64 {
            let a = day("2019-03-25") + chrono::Days::new(start);
            let w = TimeWindow::new(a, a + chrono::Days::new(6));
            for agg in idx.places() {
                let scanned = events
                    .iter()
                    .filter(|e| e.place == agg.place)
                    .filter(|e| {
                        e.when
                            .is_some_and(|x| w.contains_interval(day_num(x.from), day_num(x.to)))
                    })
                    .count();
                assert_eq!(idx.place_count_in(agg, w) as usize, scanned);
            }
            let scanned_all = events
                .iter()
                .filter(|e| {
                    e.when
                        .is_some_and(|x| w.contains_interval(day_num(x.from), day_num(x.to)))
                })
                .count();
            assert_eq!(idx.events_in(w).count(), scanned_all);
        }
    }

    #[test]
    fn events_are_in_the_order_of_a_stable_sort_by_time_article_and_sentence() {
        let places = crate::tools::synth::places(50, 1);
        let s = crate::tools::synth::events(&places, 3_000, 2);
        let idx = Index::build(&s.extractions, &s.published);
        let mut expected: Vec<Event> = s
            .extractions
            .iter()
            .flat_map(|x| x.events.iter().cloned())
            .collect();
        let key = |e: &Event| e.when.map(|w| (day_num(w.from), day_num(w.to)));
        expected.sort_by(|a, b| match (key(a), key(b)) {
            (Some(x), Some(y)) => x
                .cmp(&y)
                .then(a.article.cmp(&b.article))
                .then(a.sentence.start.cmp(&b.sentence.start)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a
                .article
                .cmp(&b.article)
                .then(a.sentence.start.cmp(&b.sentence.start)),
        });
        let indexed: Vec<Event> = (0..idx.events.len())
            .filter_map(|i| idx.event(i, &s.extractions).cloned())
            .collect();
        assert_eq!(indexed, expected);
        for (i, e) in idx.events.iter().enumerate() {
            assert_eq!(idx.event(i, &s.extractions).and_then(|x| x.when), e.when());
        }
        assert!(idx.undated_events().iter().all(|e| e.when().is_none()));
        assert!(idx.dated_events().iter().all(IndexedEvent::is_dated));
    }

    #[test]
    fn window_counts_follow_the_window_as_it_moves_and_jumps() {
        let places = crate::tools::synth::places(300, 3);
        let s = crate::tools::synth::events(&places, 20_000, 4);
        let idx = Index::build(&s.extractions, &s.published);
        let (a, b) = idx.timeline_range().expect("dated");
        let (a, b) = (day_num(a), day_num(b));
        let check = |counts: &WindowCounts, w: TimeWindow| {
            for (slot, agg) in idx.places().iter().enumerate() {
                assert_eq!(counts.count(slot), idx.place_count_in(agg, w), "{w:?}");
                assert_eq!(counts.count_of(&idx, agg.place), idx.place_count_in(agg, w));
            }
            assert_eq!(counts.total(), idx.events_in(w).count() as u64);
        };
        let first = TimeWindow { from: a, to: a + 6 };
        let mut counts = WindowCounts::new(&idx, first);
        check(&counts, first);
        // Day steps forward and back, window resizes, jumps and the cumulative mode.
        let mut windows = Vec::new();
        for d in (a..b).step_by(3) {
            windows.push(TimeWindow {
                from: d,
                to: d + 14,
            });
        }
        for d in (a..b).rev().step_by(5) {
            windows.push(TimeWindow {
                from: d - 2,
                to: d + 1,
            });
        }
        windows.push(TimeWindow {
            from: DayNum::MIN,
            to: b,
        });
        windows.push(TimeWindow {
            from: DayNum::MIN,
            to: a + 40,
        });
        windows.push(TimeWindow {
            from: b + 10,
            to: b + 20,
        });
        windows.push(TimeWindow {
            from: a + 100,
            to: a + 100,
        });
        for w in windows {
            assert!(counts.update(&idx, w));
            assert!(!counts.update(&idx, w), "same window: nothing to do");
            check(&counts, w);
        }
    }

    #[test]
    fn window_counts_list_every_place_whose_count_moved_once() {
        let places = crate::tools::synth::places(300, 5);
        let s = crate::tools::synth::events(&places, 20_000, 6);
        let idx = Index::build(&s.extractions, &s.published);
        let mut counts = WindowCounts::default();
        let mut before: Vec<[u32; 2]> = Vec::new();
        let (mut listed_all, mut listed_some) = (0, 0);
        // Each random window, then the same a day later (a near move).
        let windows = random_windows(&idx, 300, 7).into_iter().flat_map(|w| {
            let next = TimeWindow {
                from: w.from.saturating_add(1),
                to: w.to.saturating_add(1),
            };
            [w, next]
        });
        for (i, w) in windows.enumerate() {
            counts.update(&idx, w);
            let now: Vec<[u32; 2]> = (0..idx.places().len())
                .map(|slot| [counts.count(slot), counts.publication(slot)])
                .collect();
            match counts.changed() {
                None => listed_all += 1,
                Some(changed) => {
                    assert!(i > 0, "the first update starts over");
                    listed_some += 1;
                    let listed: std::collections::HashSet<u32> = changed.iter().copied().collect();
                    assert_eq!(listed.len(), changed.len(), "each place once");
                    for (slot, (a, b)) in before.iter().zip(&now).enumerate() {
                        if a != b {
                            assert!(listed.contains(&(slot as u32)), "{w:?}: slot {slot}");
                        }
                    }
                }
            }
            assert!(!counts.update(&idx, w));
            assert_eq!(
                counts.changed(),
                Some(&[][..]),
                "same window: nothing changed"
            );
            before = now;
        }
        // Both kinds of move were seen: far ones that start from a checkpoint, near ones listed.
        assert!(
            listed_all > 0 && listed_some > 250,
            "{listed_all} far, {listed_some} listed"
        );
    }

    /// Random windows over a synthetic corpus (with year-long events): short and long ones,
    /// far jumps, the cumulative mode and windows before and after everything.
    fn random_windows(idx: &Index, n: usize, seed: u64) -> Vec<TimeWindow> {
        let (a, b) = idx.timeline_range().expect("dated");
        let (a, b) = (day_num(a), day_num(b));
        let mut rng = SplitMix64::new(seed);
        let mut windows: Vec<TimeWindow> = (0..n)
            .map(|_| {
                let from = a - 400 + rng.below((b - a + 500) as usize) as DayNum;
                let len = [0, 6, 14, 45, 400][rng.below(5)];
                if rng.chance(0.1) {
                    TimeWindow {
                        from: DayNum::MIN,
                        to: from,
                    }
                } else {
                    TimeWindow {
                        from,
                        to: from + len,
                    }
                }
            })
            .collect();
        windows.extend([
            TimeWindow {
                from: a - 5000,
                to: a - 4000,
            },
            TimeWindow {
                from: b + 4000,
                to: b + 5000,
            },
            TimeWindow {
                from: DayNum::MIN,
                to: a - 5000,
            },
            TimeWindow {
                from: DayNum::MIN,
                to: b + 5000,
            },
        ]);
        windows
    }

    #[test]
    fn events_in_lists_every_overlapping_event_once_in_time_order_long_ones_too() {
        let places = crate::tools::synth::places(200, 7);
        let s = crate::tools::synth::events(&places, 20_000, 8);
        let idx = Index::build(&s.extractions, &s.published);
        assert!(
            idx.dated_events()
                .iter()
                .any(|e| e.to - e.from > LONG_SPAN_DAYS),
            "the corpus has long events"
        );
        for w in random_windows(&idx, 300, 9) {
            let got: Vec<usize> = idx.events_in(w).collect();
            let scanned: Vec<usize> = (0..idx.events.len())
                .filter(|&i| idx.events[i].overlaps(w))
                .collect();
            assert_eq!(got, scanned, "{w:?}");
        }
    }

    /// `articles_in` the slow way: a flag per article from a scan of the extractions, sorted.
    fn articles_scanned(
        s: &crate::tools::synth::SyntheticEvents,
        w: TimeWindow,
        place: Option<PlaceIdx>,
        filter: EventFilter,
    ) -> Vec<ArticleIdx> {
        let published: Vec<Option<DayNum>> = s.published.iter().map(|d| d.map(day_num)).collect();
        let mut hit = vec![false; published.len()];
        for e in s.extractions.iter().flat_map(|x| &x.events) {
            if filter == EventFilter::DatedByText && e.basis == WhenBasis::Publication {
                continue;
            }
            let inside = match e.when {
                Some(x) => w.contains_interval(day_num(x.from), day_num(x.to)),
                None => place.is_some(),
            };
            if inside && place.is_none_or(|p| p == e.place) {
                hit[e.article.0 as usize] = true;
            }
        }
        if place.is_none() {
            for (h, p) in hit.iter_mut().zip(&published) {
                *h |= p.is_none_or(|d| w.from <= d && d <= w.to);
            }
        }
        let mut out: Vec<ArticleIdx> = (0..hit.len())
            .filter(|&i| hit[i])
            .map(|i| ArticleIdx(i as u32))
            .collect();
        out.sort_by_key(|a| {
            (
                published[a.0 as usize].is_none(),
                published[a.0 as usize],
                a.0,
            )
        });
        out
    }

    #[test]
    fn articles_in_agrees_with_a_scan_for_any_window_and_place() {
        let places = crate::tools::synth::places(100, 11);
        let s = crate::tools::synth::events(&places, 10_000, 12);
        let idx = Index::build(&s.extractions, &s.published);
        assert!(
            s.published.iter().any(Option::is_none),
            "undated articles too"
        );
        let busy = idx
            .places()
            .iter()
            .max_by_key(|p| p.total())
            .map(|p| p.place);
        let mut fewer_by_text = 0;
        for (k, w) in random_windows(&idx, 200, 13).into_iter().enumerate() {
            let place = if k % 2 == 0 {
                busy
            } else {
                idx.places().get(k % 7).map(|p| p.place)
            };
            for filter in [EventFilter::All, EventFilter::DatedByText] {
                assert_eq!(
                    idx.articles_in(w, None, filter),
                    articles_scanned(&s, w, None, filter),
                    "{w:?} {filter:?}"
                );
                assert_eq!(
                    idx.articles_in(w, place, filter),
                    articles_scanned(&s, w, place, filter),
                    "{w:?} {filter:?}"
                );
            }
            fewer_by_text += usize::from(
                idx.articles_in(w, place, EventFilter::DatedByText).len()
                    < idx.articles_in(w, place, EventFilter::All).len(),
            );
        }
        assert!(fewer_by_text > 0, "the filter drops articles somewhere");
        let w = TimeWindow::up_to(day("2100-01-01"));
        assert_eq!(
            idx.articles_in(w, Some(PlaceIdx(u32::MAX)), EventFilter::All),
            Vec::new()
        );
    }

    #[test]
    fn window_counts_match_a_recount_after_random_jumps_and_steps() {
        let places = crate::tools::synth::places(150, 21);
        let s = crate::tools::synth::events(&places, 30_000, 22);
        let idx = Index::build(&s.extractions, &s.published);
        let mut counts = WindowCounts::default();
        let mut rng = SplitMix64::new(23);
        for w in random_windows(&idx, 300, 24) {
            // A jump, then a few small steps from there.
            let mut w = w;
            for _ in 0..3 {
                counts.update(&idx, w);
                // Publication-dated events per slot, from a scan of the window's events.
                let mut publication = vec![0u32; idx.places().len()];
                for i in idx.events_in(w) {
                    let e = &idx.events[i];
                    if e.basis() == WhenBasis::Publication {
                        publication[idx.slot(e.place).expect("indexed")] += 1;
                    }
                }
                for (slot, agg) in idx.places().iter().enumerate() {
                    assert_eq!(counts.count(slot), idx.place_count_in(agg, w), "{w:?}");
                    assert_eq!(counts.publication(slot), publication[slot], "{w:?}");
                    assert_eq!(
                        counts.count_as(slot, EventFilter::DatedByText),
                        idx.place_count_in(agg, w) - publication[slot]
                    );
                }
                assert_eq!(counts.total(), idx.events_in(w).count() as u64, "{w:?}");
                assert_eq!(
                    counts.total_publication(),
                    u64::from(publication.iter().sum::<u32>()),
                    "{w:?}"
                );
                assert_eq!(
                    counts.total() - counts.total_publication(),
                    idx.events_matching(w, EventFilter::DatedByText).count() as u64
                );
                let step = rng.below(5) as DayNum - 2;
                w = TimeWindow {
                    from: w.from.saturating_add(step),
                    to: w.to + step,
                };
            }
            assert_eq!(
                WindowCounts::new(&idx, w).started,
                {
                    counts.update(&idx, w);
                    counts.started.clone()
                },
                "from scratch and moved agree"
            );
        }
    }

    #[test]
    fn an_articles_events_are_found_without_a_scan_in_time_order() {
        let places = crate::tools::synth::places(80, 31);
        let s = crate::tools::synth::events(&places, 5_000, 32);
        let idx = Index::build(&s.extractions, &s.published);
        for a in (0..s.extractions.len() as u32).map(ArticleIdx) {
            let scanned: Vec<usize> = (0..idx.events.len())
                .filter(|&i| idx.events[i].article == a)
                .collect();
            assert_eq!(idx.events_of_article(a, &s.extractions), scanned);
        }
        assert!(
            idx.events_of_article(ArticleIdx(u32::MAX), &s.extractions)
                .is_empty()
        );
    }

    #[test]
    fn publication_dated_events_are_counted_apart_by_place_day_and_filter() {
        let dated_by = |mut e: Event, basis: WhenBasis| {
            e.basis = basis;
            e
        };
        // Place 1: one event dated by its sentence, one carried; place 2: only the
        // publication date of article 0 (28 April).
        let idx = index(
            vec![
                event(0, 1, "2019-04-20", "2019-04-20"),
                dated_by(event(0, 1, "2019-04-27", "2019-04-27"), WhenBasis::Carried),
                dated_by(
                    event(0, 2, "2019-04-28", "2019-04-28"),
                    WhenBasis::Publication,
                ),
                dated_by(
                    event(0, 2, "2019-04-28", "2019-04-28"),
                    WhenBasis::Publication,
                ),
            ],
            &["2019-04-28"],
        );
        let w = TimeWindow::new(day("2019-04-19"), day("2019-04-30"));
        let counts = WindowCounts::new(&idx, w);
        let (one, two) = (
            idx.slot(PlaceIdx(1)).expect("1"),
            idx.slot(PlaceIdx(2)).expect("2"),
        );
        assert_eq!((counts.count(one), counts.publication(one)), (2, 0));
        assert_eq!((counts.count(two), counts.publication(two)), (2, 2));
        assert_eq!(counts.count_as(two, EventFilter::DatedByText), 0);
        assert_eq!(counts.count_as(two, EventFilter::All), 2);
        assert_eq!((counts.total(), counts.total_publication()), (4, 2));
        assert_eq!(idx.events_matching(w, EventFilter::DatedByText).count(), 2);
        // The histogram keeps the split per day.
        let (start, _) = idx.timeline_range().expect("dated");
        let on = |d: &str| (day_num(day(d)) - day_num(start)) as usize;
        assert_eq!(idx.per_day()[on("2019-04-28")], 2);
        assert_eq!(idx.per_day_publication()[on("2019-04-28")], 2);
        assert_eq!(idx.per_day_publication()[on("2019-04-27")], 0);
        // At place 2 the article is listed for its events only while they are shown.
        assert_eq!(
            idx.articles_in(w, Some(PlaceIdx(2)), EventFilter::All),
            vec![ArticleIdx(0)]
        );
        assert!(
            idx.articles_in(w, Some(PlaceIdx(2)), EventFilter::DatedByText)
                .is_empty()
        );
    }

    #[test]
    fn background_years_stay_off_the_timeline() {
        let idx = index(
            vec![
                event(0, 1, "2011-01-01", "2011-12-31"),
                event(0, 2, "2019-04-04", "2019-04-04"),
            ],
            &["2019-04-19"],
        );
        assert_eq!(
            idx.timeline_range(),
            Some((day("2019-04-04"), day("2019-04-19")))
        );
        assert_eq!(idx.per_day().iter().sum::<u32>(), 1);
        assert_eq!(
            idx.place(PlaceIdx(1))
                .map(|p| idx.place_count_in(p, TimeWindow::up_to(day("2019-04-19")))),
            Some(1)
        );
    }

    #[test]
    fn articles_follow_the_selected_place_and_window() {
        let idx = index(
            vec![
                event(0, 1, "2019-04-20", "2019-04-20"),
                event(1, 2, "2019-05-07", "2019-05-07"),
            ],
            &["2019-04-28", "2019-05-08"],
        );
        let april = TimeWindow::new(day("2019-04-01"), day("2019-04-30"));
        let any = EventFilter::All;
        assert_eq!(idx.articles_in(april, None, any), vec![ArticleIdx(0)]);
        assert_eq!(
            idx.articles_in(april, Some(PlaceIdx(2)), any),
            Vec::<ArticleIdx>::new()
        );
        let all = TimeWindow::up_to(day("2019-12-31"));
        assert_eq!(
            idx.articles_in(all, Some(PlaceIdx(2)), any),
            vec![ArticleIdx(1)]
        );
    }
}
