//! The index: events sorted by time, per-place sorted start/end days, a per-day histogram.
//!
//! Built once per change of data, never per frame. A time-window query per place is two binary
//! searches: the events overlapping `[a, b]` are those with `from <= b` minus those with `to < a`
//! (every event has `from <= to`), so counts never scan events.
//!
//! A scrub moves the window a little at a time, so [`WindowCounts`] keeps every place's count
//! for the last window and updates it from the events entering or leaving it: two binary searches
//! (dated events are sorted by start, and [`Index`] keeps them in end order too), then a walk
//! over the delta only. A long jump recounts per place (two binary searches each).

use chrono::NaiveDate;

use crate::extract::{ArticleExtraction, ArticleIdx, Event};
use crate::gazetteer::PlaceIdx;

/// A day as a number (days since 0001-01-01, chrono's `num_days_from_ce`), cheap to compare.
pub type DayNum = i32;

pub fn day_num(date: NaiveDate) -> DayNum {
    use chrono::Datelike;
    date.num_days_from_ce()
}

pub fn date_of(day: DayNum) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

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

/// What the index knows of one place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceAgg {
    pub place: PlaceIdx,
    /// Dated events' start days, sorted.
    froms: Vec<DayNum>,
    /// Dated events' end days, sorted.
    tos: Vec<DayNum>,
    /// All the place's events (indices into [`Index::events`]), in time order.
    pub events: Vec<u32>,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Distinct articles with an event at this place.
    pub articles: u32,
}

impl PlaceAgg {
    pub fn total(&self) -> usize {
        self.events.len()
    }

    /// Events at this place overlapping `window`: two binary searches.
    pub fn count_in(&self, window: TimeWindow) -> u32 {
        let started = self.froms.partition_point(|&d| d <= window.to);
        let ended_before = self.tos.partition_point(|&d| d < window.from);
        started.saturating_sub(ended_before) as u32
    }
}

/// The index over a corpus' extractions.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Dated events sorted by (from, to, article, sentence start), then undated ones.
    pub events: Vec<Event>,
    dated: usize,
    /// Longest dated interval in days, to bound window scans.
    max_span: DayNum,
    places: Vec<PlaceAgg>,
    /// Slot in `places` of each place index (`u32::MAX`: no events), dense: place indices are
    /// gazetteer positions, so small.
    slot_of_place: Vec<u32>,
    /// Dated events (indices into `events`) sorted by end day: those that end before a day are
    /// a prefix.
    by_end: Vec<u32>,
    /// Days the timeline spans (see [`Index::timeline_range`]).
    range: Option<(DayNum, DayNum)>,
    /// Events starting on each day of `range`.
    per_day: Vec<u32>,
    /// Publication days of the articles, by article index.
    published: Vec<Option<DayNum>>,
}

/// What [`Index::build`] sorts: field order is sort order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    undated: bool,
    from: DayNum,
    to: DayNum,
    article: u32,
    sentence_start: u32,
    /// Position in the extractions' order: ties keep it, as a stable sort would.
    at: u32,
}

impl Index {
    /// Builds the index; `published` gives each article's publication date, by article index.
    pub fn build(extractions: &[ArticleExtraction], published: &[Option<NaiveDate>]) -> Index {
        // Sort compact keys (day numbers computed once, not per comparison), then move the
        // events into that order. The original position breaks ties, so the order is the one a
        // stable sort by (from, to, article, sentence start) gives; undated events sort last.
        let total: usize = extractions.iter().map(|x| x.events.len()).sum();
        let mut keys: Vec<SortKey> = Vec::with_capacity(total);
        for e in extractions.iter().flat_map(|x| &x.events) {
            let (from, to) = e.when.map_or((DayNum::MAX, DayNum::MAX), |w| {
                (day_num(w.from), day_num(w.to))
            });
            keys.push(SortKey {
                undated: e.when.is_none(),
                from,
                to,
                article: e.article.0,
                // Saturating: a body over 4 GB only loses tie order past that point.
                sentence_start: u32::try_from(e.sentence.start).unwrap_or(u32::MAX),
                at: keys.len() as u32,
            });
        }
        keys.sort_unstable();
        // Where each extraction's events start in the flat order, to find a key's event.
        let mut starts: Vec<u32> = Vec::with_capacity(extractions.len());
        let mut n = 0u32;
        for x in extractions {
            starts.push(n);
            n += x.events.len() as u32;
        }
        let events: Vec<Event> = keys
            .iter()
            .map(|k| {
                let x = starts.partition_point(|&s| s <= k.at) - 1;
                extractions[x].events[(k.at - starts[x]) as usize].clone()
            })
            .collect();
        drop(starts);
        let dated = keys.partition_point(|k| !k.undated);
        let published: Vec<Option<DayNum>> = published.iter().map(|d| d.map(day_num)).collect();

        let mut places: Vec<PlaceAgg> = Vec::new();
        let max_place = events.iter().map(|e| e.place.0).max().unwrap_or(0) as usize;
        let mut slot_dense = vec![u32::MAX; max_place + 1];
        let mut max_span = 0;
        let mut article_sets: Vec<Vec<u32>> = Vec::new();
        for (i, (event, key)) in events.iter().zip(&keys).enumerate() {
            let dense = &mut slot_dense[event.place.0 as usize];
            if *dense == u32::MAX {
                *dense = places.len() as u32;
                places.push(PlaceAgg {
                    place: event.place,
                    froms: Vec::new(),
                    tos: Vec::new(),
                    events: Vec::new(),
                    first: None,
                    last: None,
                    articles: 0,
                });
                article_sets.push(Vec::new());
            }
            let slot = *dense as usize;
            let agg = &mut places[slot];
            agg.events.push(i as u32);
            article_sets[slot].push(event.article.0);
            if let Some(w) = event.when {
                let (from, to) = (key.from, key.to);
                max_span = max_span.max(to - from);
                agg.froms.push(from);
                agg.tos.push(to);
                agg.first = Some(agg.first.map_or(w.from, |f| f.min(w.from)));
                agg.last = Some(agg.last.map_or(w.to, |l| l.max(w.to)));
            }
        }
        for (agg, mut arts) in places.iter_mut().zip(article_sets) {
            // froms are already sorted (events are); tos need their own sort.
            agg.tos.sort_unstable();
            arts.sort_unstable();
            arts.dedup();
            agg.articles = arts.len() as u32;
            agg.froms.shrink_to_fit();
            agg.tos.shrink_to_fit();
            agg.events.shrink_to_fit();
        }

        let days: Vec<(DayNum, DayNum)> = keys[..dated].iter().map(|k| (k.from, k.to)).collect();
        drop(keys);
        let mut by_end: Vec<u32> = (0..dated as u32).collect();
        // Stable: ties stay in start order.
        by_end.sort_by_key(|&i| days[i as usize].1);
        let range = timeline_range(&days, &published);
        let per_day = match range {
            Some((start, end)) => {
                let mut counts = vec![0u32; (end - start + 1) as usize];
                for &(d, _) in &days {
                    if (start..=end).contains(&d) {
                        counts[(d - start) as usize] += 1;
                    }
                }
                counts
            }
            None => Vec::new(),
        };
        Index {
            events,
            dated,
            max_span,
            places,
            slot_of_place: slot_dense,
            by_end,
            range,
            per_day,
            published,
        }
    }

    /// The dated events (sorted by start), then the undated ones.
    pub fn dated_events(&self) -> &[Event] {
        &self.events[..self.dated]
    }

    pub fn undated_events(&self) -> &[Event] {
        &self.events[self.dated..]
    }

    /// Every place with at least one event.
    pub fn places(&self) -> &[PlaceAgg] {
        &self.places
    }

    pub fn place(&self, place: PlaceIdx) -> Option<&PlaceAgg> {
        self.slot(place).map(|slot| &self.places[slot])
    }

    /// Where the place sits in [`Index::places`] (and in [`WindowCounts::counts`]).
    pub fn slot(&self, place: PlaceIdx) -> Option<usize> {
        self.slot_of_place
            .get(place.0 as usize)
            .filter(|&&s| s != u32::MAX)
            .map(|&s| s as usize)
    }

    /// How many dated events start on or before `day`.
    fn started_by(&self, day: DayNum) -> usize {
        self.events[..self.dated]
            .partition_point(|e| e.when.is_some_and(|w| day_num(w.from) <= day))
    }

    /// How many dated events end before `day`.
    fn ended_before(&self, day: DayNum) -> usize {
        self.by_end.partition_point(|&i| {
            self.events[i as usize]
                .when
                .is_some_and(|w| day_num(w.to) < day)
        })
    }

    fn slot_of_event(&self, i: usize) -> usize {
        self.slot_of_place[self.events[i].place.0 as usize] as usize
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

    pub fn published(&self, article: ArticleIdx) -> Option<NaiveDate> {
        self.published
            .get(article.0 as usize)
            .copied()
            .flatten()
            .map(date_of)
    }

    /// Indices of the dated events overlapping `window`, in time order.
    pub fn events_in(&self, window: TimeWindow) -> impl Iterator<Item = usize> + '_ {
        let dated = &self.events[..self.dated];
        // Events that start before `window.from - max_span` cannot reach the window.
        let lo_day = window.from.saturating_sub(self.max_span);
        let lo = dated.partition_point(|e| e.when.is_some_and(|w| day_num(w.from) < lo_day));
        let hi = dated.partition_point(|e| e.when.is_some_and(|w| day_num(w.from) <= window.to));
        (lo..hi.max(lo)).filter(move |&i| {
            dated[i]
                .when
                .is_some_and(|w| window.contains_interval(day_num(w.from), day_num(w.to)))
        })
    }

    /// Per place, the number of events overlapping `window` (zero counts included).
    pub fn counts_in(&self, window: TimeWindow) -> impl Iterator<Item = (PlaceIdx, u32)> + '_ {
        self.places
            .iter()
            .map(move |agg| (agg.place, agg.count_in(window)))
    }

    /// Articles with at least one event in `window` (at `place`, if given), or published in it,
    /// in publication order; undated articles with a matching undated event come last.
    pub fn articles_in(&self, window: TimeWindow, place: Option<PlaceIdx>) -> Vec<ArticleIdx> {
        let mut hit = vec![false; self.published.len()];
        match place.and_then(|p| self.place(p)) {
            Some(agg) => {
                for &i in &agg.events {
                    let e = &self.events[i as usize];
                    let inside = match e.when {
                        Some(w) => window.contains_interval(day_num(w.from), day_num(w.to)),
                        None => true,
                    };
                    if inside && let Some(h) = hit.get_mut(e.article.0 as usize) {
                        *h = true;
                    }
                }
            }
            None if place.is_some() => {}
            None => {
                for i in self.events_in(window) {
                    if let Some(h) = hit.get_mut(self.events[i].article.0 as usize) {
                        *h = true;
                    }
                }
                for (h, p) in hit.iter_mut().zip(&self.published) {
                    if p.is_none_or(|d| window.from <= d && d <= window.to) {
                        *h = true;
                    }
                }
            }
        }
        let mut out: Vec<ArticleIdx> = hit
            .iter()
            .enumerate()
            .filter(|(_, h)| **h)
            .map(|(i, _)| ArticleIdx(i as u32))
            .collect();
        out.sort_by_key(|a| {
            (
                self.published[a.0 as usize].is_none(),
                self.published[a.0 as usize],
                a.0,
            )
        });
        out
    }
}

/// Every place's count of events overlapping a window, kept up to date as the window moves.
///
/// A count is `started - ended`: events at the place starting on or before the window's last day,
/// minus those ending before its first day. Moving the window walks only the events whose start
/// or end crosses its edges; a move that would walk more events than there are places recounts
/// every place instead (two binary searches each), so no step costs more than a full recount.
#[derive(Clone, Debug, Default)]
pub struct WindowCounts {
    window: Option<TimeWindow>,
    /// Dated events starting on or before `window.to` (a prefix of the dated events).
    started_len: usize,
    /// Dated events ending before `window.from` (a prefix of `Index::by_end`).
    ended_len: usize,
    started: Vec<u32>,
    ended: Vec<u32>,
    /// Events overlapping the window, all places together.
    total: u64,
}

impl WindowCounts {
    /// Counts for `window`, recounted from scratch.
    pub fn new(index: &Index, window: TimeWindow) -> WindowCounts {
        let mut counts = WindowCounts::default();
        counts.recount(index, window);
        counts
    }

    /// The window the counts are for.
    pub fn window(&self) -> Option<TimeWindow> {
        self.window
    }

    /// Moves to `window`; returns whether anything was recomputed (false: same window).
    pub fn update(&mut self, index: &Index, window: TimeWindow) -> bool {
        if self.window == Some(window) && self.started.len() == index.places.len() {
            return false;
        }
        if self.window.is_none() || self.started.len() != index.places.len() {
            self.recount(index, window);
            return true;
        }
        let started_len = index.started_by(window.to);
        let ended_len = index.ended_before(window.from);
        let walk = started_len.abs_diff(self.started_len) + ended_len.abs_diff(self.ended_len);
        if walk > index.places.len() {
            self.recount(index, window);
            return true;
        }
        for i in self.started_len.min(started_len)..self.started_len.max(started_len) {
            let s = index.slot_of_event(i);
            if started_len > self.started_len {
                self.started[s] += 1;
            } else {
                self.started[s] -= 1;
            }
        }
        for j in self.ended_len.min(ended_len)..self.ended_len.max(ended_len) {
            let s = index.slot_of_event(index.by_end[j] as usize);
            if ended_len > self.ended_len {
                self.ended[s] += 1;
            } else {
                self.ended[s] -= 1;
            }
        }
        self.started_len = started_len;
        self.ended_len = ended_len;
        self.total = started_len.saturating_sub(ended_len) as u64;
        self.window = Some(window);
        true
    }

    fn recount(&mut self, index: &Index, window: TimeWindow) {
        let places = index.places();
        self.started.clear();
        self.ended.clear();
        self.started.extend(
            places
                .iter()
                .map(|p| p.froms.partition_point(|&d| d <= window.to) as u32),
        );
        self.ended.extend(
            places
                .iter()
                .map(|p| p.tos.partition_point(|&d| d < window.from) as u32),
        );
        self.started_len = index.started_by(window.to);
        self.ended_len = index.ended_before(window.from);
        self.total = self.started_len.saturating_sub(self.ended_len) as u64;
        self.window = Some(window);
    }

    /// Events overlapping the window at the place in `slot` of [`Index::places`].
    pub fn count(&self, slot: usize) -> u32 {
        match (self.started.get(slot), self.ended.get(slot)) {
            (Some(s), Some(e)) => s.saturating_sub(*e),
            _ => 0,
        }
    }

    /// Events overlapping the window at `place` (0 when it has none or is not indexed).
    pub fn count_of(&self, index: &Index, place: PlaceIdx) -> u32 {
        index.slot(place).map_or(0, |s| self.count(s))
    }

    /// Events overlapping the window, all places together.
    pub fn total(&self) -> u64 {
        self.total
    }
}

/// Publication days, and event days no more than 62 days before the first publication.
/// `dated` holds the dated events' (from, to) days.
fn timeline_range(
    dated: &[(DayNum, DayNum)],
    published: &[Option<DayNum>],
) -> Option<(DayNum, DayNum)> {
    let pub_min = published.iter().flatten().min().copied();
    let pub_max = published.iter().flatten().max().copied();
    let event_days = dated.iter().copied();
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
    use crate::extract::dates::{Granularity, Interval};

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
            sentence: 0..1,
            mention: 0..1,
            date_mention: None,
        }
    }

    fn index(events: Vec<Event>, published: &[&str]) -> Index {
        let x = ArticleExtraction {
            events,
            ..Default::default()
        };
        let published: Vec<_> = published.iter().map(|s| Some(day(s))).collect();
        Index::build(&[x], &published)
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
                .map(|p| p.count_in(TimeWindow::new(day(a), day(b))))
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
                assert_eq!(agg.count_in(w) as usize, scanned);
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
        let places = crate::synth::places(50, 1);
        let s = crate::synth::events(&places, 3_000, 2);
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
        assert_eq!(idx.events, expected);
        assert!(idx.undated_events().iter().all(|e| e.when.is_none()));
    }

    #[test]
    fn window_counts_follow_the_window_as_it_moves_and_jumps() {
        let places = crate::synth::places(300, 3);
        let s = crate::synth::events(&places, 20_000, 4);
        let idx = Index::build(&s.extractions, &s.published);
        let (a, b) = idx.timeline_range().expect("dated");
        let (a, b) = (day_num(a), day_num(b));
        let check = |counts: &WindowCounts, w: TimeWindow| {
            for (slot, agg) in idx.places().iter().enumerate() {
                assert_eq!(counts.count(slot), agg.count_in(w), "{w:?}");
                assert_eq!(counts.count_of(&idx, agg.place), agg.count_in(w));
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
                .map(|p| p.count_in(TimeWindow::up_to(day("2019-04-19")))),
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
        assert_eq!(idx.articles_in(april, None), vec![ArticleIdx(0)]);
        assert_eq!(
            idx.articles_in(april, Some(PlaceIdx(2))),
            Vec::<ArticleIdx>::new()
        );
        let all = TimeWindow::up_to(day("2019-12-31"));
        assert_eq!(idx.articles_in(all, Some(PlaceIdx(2))), vec![ArticleIdx(1)]);
    }
}
