//! Derived data, rebuilt only when its inputs change, never per frame.
//!
//! [`Model`] is built once per dataset (search text, publication days, bounds, timeline lanes).
//! [`Derived`] is what the views draw for the current state (markers with their counts in the
//! window, the article list, search hits, the selection's events); [`DerivedCache`] keys it by
//! `(dataset generation, window, selected place, selected article, search, event filter)` and
//! rebuilds it only when that key changes. When only the window changed (a scrub), it is updated in place: the
//! [`WindowCounts`] walk the events entering or leaving the window and the markers take their new
//! counts, with no per-place search and no allocation per marker.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::coord::LatLon;
use crate::extract::{ArticleIdx, WhenBasis};
use crate::gazetteer::{KindClass, PlaceIdx};
use crate::index::{DayNum, EventFilter, TimeWindow, WindowCounts, date_of};
use crate::session::dataset::Dataset;
use crate::session::layout::PlaceGrid;

use super::state::AppState;
use super::timeline::TimelineData;

/// A loaded dataset and what is computed once from it.
pub struct Model {
    pub dataset: Dataset,
    /// Distinguishes datasets loaded in one run, for cache keys.
    pub generation: u64,
    /// South-west and north-east corners of the places with events.
    pub bounds: Option<(LatLon, LatLon)>,
    pub timeline: TimelineData,
    /// The places that get a marker (with events and a valid coordinate), binned for viewport
    /// queries with their Web Mercator positions.
    pub grid: PlaceGrid,
    /// Per slot of `index.places()`, the position of its marker in `Derived::markers`
    /// (`None`: no marker, the place has no valid coordinate).
    marker_of_slot: Vec<Option<u32>>,
    /// Per entry of `grid` (in the grid's order), the position of its marker in
    /// `Derived::markers`: a viewport query reads it beside the grid instead of looking up
    /// each place's slot and marker (two scattered reads per place, ~90k places zoomed out).
    marker_of_entry: Vec<Option<u32>>,
    /// The inverse of `marker_of_entry`: per marker, its entry of `grid` (`u32::MAX` for none),
    /// where `Derived::keys` keeps its key.
    entry_of_marker: Vec<u32>,
    /// Per slot of `index.places()`, how its events were dated over all time (for the markers
    /// when publication-dated events are hidden).
    dating_of_slot: Vec<PlaceDating>,
}

/// A place's events over all time, as dated by the text or by publication only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceDating {
    /// Events dated only by their article's publication.
    pub publication: u32,
    /// First and last day of the events dated by the text (or carried).
    pub by_text: Option<(DayNum, DayNum)>,
}

impl PlaceDating {
    /// One pass over the index's events (once per dataset).
    fn of_slots(index: &crate::index::Index) -> Vec<PlaceDating> {
        let mut out = vec![PlaceDating::default(); index.places().len()];
        for e in index.dated_events() {
            let Some(d) = index.slot(e.place).and_then(|s| out.get_mut(s)) else {
                continue;
            };
            if e.publication_dated() {
                d.publication += 1;
            } else {
                d.by_text = Some(
                    d.by_text
                        .map_or((e.from, e.to), |(f, l)| (f.min(e.from), l.max(e.to))),
                );
            }
        }
        out
    }
}

impl Model {
    pub fn new(dataset: Dataset, generation: u64) -> Model {
        let places: Vec<(LatLon, KindClass, u32)> = dataset
            .index
            .places()
            .iter()
            .filter_map(|agg| {
                let place = dataset.gazetteer.places().get(agg.place.0 as usize)?;
                place.coord.is_valid().then_some((
                    place.coord,
                    place.kind.class(),
                    agg.total() as u32,
                ))
            })
            .collect();
        let bounds = events_bounds(&places);
        let timeline = TimelineData::build(&dataset);
        let gazetteer = dataset.gazetteer.places();
        let mut marker_of_slot = Vec::with_capacity(dataset.index.places().len());
        let mut next = 0u32;
        for agg in dataset.index.places() {
            let valid = gazetteer
                .get(agg.place.0 as usize)
                .is_some_and(|p| p.coord.is_valid());
            marker_of_slot.push(valid.then_some(next));
            next += u32::from(valid);
        }
        let grid = PlaceGrid::build(dataset.index.places().iter().filter_map(|agg| {
            let p = gazetteer.get(agg.place.0 as usize)?;
            p.coord.is_valid().then_some((agg.place, p.coord))
        }));
        let marker_of_entry = grid
            .entries()
            .iter()
            .map(|&place| {
                dataset
                    .index
                    .slot(place)
                    .and_then(|slot| marker_of_slot.get(slot).copied().flatten())
            })
            .collect::<Vec<Option<u32>>>();
        let mut entry_of_marker = vec![u32::MAX; next as usize];
        for (entry, marker) in marker_of_entry.iter().enumerate() {
            if let Some(at) = marker.and_then(|m| entry_of_marker.get_mut(m as usize)) {
                *at = u32::try_from(entry).unwrap_or(u32::MAX);
            }
        }
        let dating_of_slot = PlaceDating::of_slots(&dataset.index);
        Model {
            dataset,
            generation,
            bounds,
            timeline,
            grid,
            marker_of_slot,
            marker_of_entry,
            entry_of_marker,
            dating_of_slot,
        }
    }

    /// How the events at the place in `slot` were dated over all time.
    pub fn dating(&self, slot: usize) -> PlaceDating {
        self.dating_of_slot.get(slot).copied().unwrap_or_default()
    }

    /// The events at `place` overlapping `window`, by how they were dated: `[by a date in
    /// their sentence, carried from the preceding ones, by publication only]`. A walk over the
    /// place's events, for one hovered marker, not per frame for every place.
    pub fn dating_in(&self, place: PlaceIdx, window: TimeWindow) -> [u32; 3] {
        let index = &self.dataset.index;
        let mut out = [0u32; 3];
        let Some(agg) = index.place(place) else {
            return out;
        };
        for &i in index.place_events(agg) {
            let Some(e) = index.events.get(i as usize).filter(|e| e.overlaps(window)) else {
                continue;
            };
            match e.basis() {
                WhenBasis::Text => out[0] += 1,
                WhenBasis::Carried => out[1] += 1,
                WhenBasis::Publication => out[2] += 1,
                WhenBasis::Undated => {}
            }
        }
        out
    }

    /// Position in `Derived::markers` of the place's marker.
    pub fn marker_position(&self, place: PlaceIdx) -> Option<usize> {
        let slot = self.dataset.index.slot(place)?;
        self.marker_of_slot
            .get(slot)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// Position in `Derived::markers` of the marker of the place at `entry` of the grid
    /// ([`crate::session::layout::PlaceGrid::query_entries`]).
    #[inline]
    pub fn marker_of_entry(&self, entry: usize) -> Option<usize> {
        self.marker_of_entry
            .get(entry)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// The entry of `grid` of the marker at `marker` of `Derived::markers` (where
    /// `Derived::keys` keeps its key).
    #[inline]
    fn entry_of_marker(&self, marker: usize) -> Option<usize> {
        self.entry_of_marker
            .get(marker)
            .copied()
            .filter(|&e| e != u32::MAX)
            .map(|e| e as usize)
    }

    /// The place's name, or its index when the gazetteer does not know it (never panics).
    pub fn place_name(&self, place: PlaceIdx) -> String {
        self.dataset
            .gazetteer
            .places()
            .get(place.0 as usize)
            .map_or_else(|| format!("place #{}", place.0), |p| p.name.to_owned())
    }

    pub fn place_coord(&self, place: PlaceIdx) -> Option<LatLon> {
        self.dataset
            .gazetteer
            .places()
            .get(place.0 as usize)
            .map(|p| p.coord)
            .filter(|c| c.is_valid())
    }

    /// The date the cursor jumps to when the article is selected: its publication date, else the
    /// first dated event it reports.
    pub fn article_date(&self, article: ArticleIdx) -> Option<NaiveDate> {
        self.dataset.index.published(article).or_else(|| {
            self.dataset
                .extractions
                .get(article.0 as usize)
                .and_then(|x| x.events.iter().filter_map(|e| e.when).map(|w| w.from).min())
        })
    }

    /// The box of the places an article's events are at (see [`events_bounds`]), for the map to
    /// bring into view when the article is selected.
    pub fn article_bounds(&self, article: ArticleIdx) -> Option<(LatLon, LatLon)> {
        let x = self.dataset.extractions.get(article.0 as usize)?;
        let mut places: Vec<(LatLon, KindClass, u32)> = Vec::new();
        for e in &x.events {
            let Some(p) = self.dataset.gazetteer.places().get(e.place.0 as usize) else {
                continue;
            };
            if p.coord.is_valid() {
                places.push((p.coord, p.kind.class(), 1));
            }
        }
        events_bounds(&places)
    }

    /// Per article, whether its title or text contains `query`, ignoring case (Unicode simple
    /// case folding: "TRIPOLI", "tripoli" and "Tripoli" all match). Searched in parallel, once per
    /// query, each text unpacked for it ([`crate::corpus::Body`]): no lower-cased or plain copy
    /// of the corpus is kept (at a million events such a copy was as large as the texts; the
    /// search then takes about 130 ms, `examples/search_time.rs`).
    pub fn articles_matching(&self, query: &str) -> Vec<bool> {
        use rayon::prelude::*;
        let matcher = regex::RegexBuilder::new(&regex::escape(query))
            .case_insensitive(true)
            .build();
        let articles = &self.dataset.articles;
        match matcher {
            Ok(re) => articles
                .par_iter()
                .map(|a| re.is_match(&a.title) || re.is_match(&a.body.text()))
                .collect(),
            // Over the regex size limit (a query of thousands of characters): exact case only.
            Err(_) => articles
                .par_iter()
                .map(|a| a.title.contains(query) || a.body.text().contains(query))
                .collect(),
        }
    }

    /// Whether the place's name or one of its aliases contains `query_lower`.
    pub fn place_matches(&self, place: PlaceIdx, query_lower: &str) -> bool {
        self.dataset
            .gazetteer
            .places()
            .get(place.0 as usize)
            .is_some_and(|p| {
                p.name.to_lowercase().contains(query_lower)
                    || p.aliases
                        .iter()
                        .any(|a| a.to_lowercase().contains(query_lower))
            })
    }
}

/// The box the first view fits: where the corpus' events are, as its markers show them. Each
/// place counts once per event, so that the box holds the central 90 % of the events on each
/// axis: one passing mention of a far city does not zoom out the map, while a country the corpus
/// keeps naming (its marker sits at its centroid) is in view, as its marker is what a reader
/// sees of it.
pub fn events_bounds(places: &[(LatLon, KindClass, u32)]) -> Option<(LatLon, LatLon)> {
    let mut lats: Vec<(f64, u32)> = places.iter().map(|p| (p.0.lat, p.2.max(1))).collect();
    let mut lons: Vec<(f64, u32)> = places.iter().map(|p| (p.0.lon, p.2.max(1))).collect();
    let (lat_lo, lat_hi) = weighted_span(&mut lats)?;
    let (lon_lo, lon_hi) = weighted_span(&mut lons)?;
    Some((LatLon::new(lat_lo, lon_lo), LatLon::new(lat_hi, lon_hi)))
}

/// The 5th and 95th weighted percentiles of `values` (value, weight).
fn weighted_span(values: &mut [(f64, u32)]) -> Option<(f64, f64)> {
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: u64 = values.iter().map(|v| u64::from(v.1)).sum();
    if total == 0 {
        return None;
    }
    let at = |share: f64| {
        let target = (total as f64 * share).floor() as u64;
        let mut seen = 0;
        for v in values.iter() {
            seen += u64::from(v.1);
            if seen > target {
                return v.0;
            }
        }
        values.last().map_or(0.0, |v| v.0)
    };
    Some((at(0.05), at(0.95)))
}

/// One map marker: a place with events, and how it stands in the current state.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub place: PlaceIdx,
    /// Slot of the place in `index.places()` (and in the window counts).
    pub slot: u32,
    pub at: LatLon,
    pub name: String,
    pub class: KindClass,
    /// Events in the current window (those the event filter admits).
    pub count: u32,
    /// Of `count`, the events dated only by publication (0 while they are hidden).
    pub publication: u32,
    /// Events in the whole corpus (those the event filter admits).
    pub total: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub selected: bool,
    /// Mentioned by the selected article.
    pub in_article: bool,
    pub search_hit: bool,
}

impl Marker {
    /// Active markers have events in the window; the others are drawn faded.
    pub fn active(&self) -> bool {
        self.count > 0
    }

    /// Every event in the window is dated only by publication: the marker is drawn hollow.
    pub fn publication_only(&self) -> bool {
        self.count > 0 && self.publication >= self.count
    }

    /// Events in the window dated by the text (a date in the sentence, or carried).
    pub fn dated_by_text(&self) -> u32 {
        self.count.saturating_sub(self.publication)
    }

    /// Label and folding priority: events dated by the text weigh twice those dated by
    /// publication only, so a place the texts date wins a crowded spot over one they do not.
    pub fn priority(&self) -> f32 {
        f32::from(u8::from(self.selected)) * 1e6
            + f32::from(u8::from(self.in_article)) * 1e5
            + f32::from(u8::from(self.search_hit)) * 1e4
            + self.dated_by_text() as f32 * 10.0
            + self.publication as f32 * 5.0
            + self.total as f32 * 0.01
    }

    /// Worth a label: active, or singled out by the selection or the search.
    pub fn notable(&self) -> bool {
        self.active() || self.selected || self.in_article || self.search_hit
    }
}

/// What the marker layout reads of a marker: 16 bytes kept beside the markers (a [`Marker`] is
/// over 100), because a viewport query zoomed out reads tens of thousands of them per scrub
/// step, in the place grid's order, not the markers'.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MarkerKey {
    pub count: u32,
    pub dated_by_text: u32,
    pub priority: f32,
    /// Worth a label ([`Marker::notable`]).
    pub notable: bool,
    /// Never folded: selected, mentioned by the selected article, or a search hit.
    pub pinned: bool,
}

impl Marker {
    pub fn key(&self) -> MarkerKey {
        MarkerKey {
            count: self.count,
            dated_by_text: self.dated_by_text(),
            priority: self.priority(),
            notable: self.notable(),
            pinned: self.selected || self.in_article || self.search_hit,
        }
    }
}

/// The inputs [`Derived`] depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct DerivedKey {
    generation: u64,
    window: TimeWindow,
    place: Option<PlaceIdx>,
    article: Option<ArticleIdx>,
    search: String,
    filter: EventFilter,
}

impl DerivedKey {
    pub fn of(model: &Model, state: &AppState) -> DerivedKey {
        DerivedKey {
            generation: model.generation,
            window: state.window(),
            place: state.selected_place,
            article: state.selected_article,
            search: state.search.trim().to_lowercase(),
            filter: state.event_filter,
        }
    }
}

/// What the views draw for one state.
pub struct Derived {
    pub key: DerivedKey,
    /// Increases on every rebuild; caches downstream (label layout) key on it.
    pub revision: u64,
    /// One per place with events and a valid coordinate, in `index.places()` order (the map
    /// lays them out and picks its own draw order).
    pub markers: Vec<Marker>,
    /// [`Marker::key`] of each of `markers`, in the order of the place grid's entries
    /// (`keys[e]` is the key of the marker of entry `e`, see [`Model::marker_of_entry`]): a
    /// viewport query zoomed out reads tens of thousands of them per scrub step, and reads
    /// them in order instead of one scattered read per place.
    pub keys: Vec<MarkerKey>,
    /// Per marker (in `markers`' order), the `[count, publication]` it shows: a far move of
    /// the window reads these, 8 bytes a marker in order, to find the markers whose counts
    /// changed, and writes only those.
    shown_pairs: Vec<[u32; 2]>,
    pub max_count: u32,
    /// Every place's events in the window, moved along as the window moves (all of them, with
    /// the publication-dated ones counted apart; `key`'s filter says which the views show).
    pub counts: WindowCounts,
    /// The article list: in the window, at the selected place, matching the search.
    pub articles: Vec<ArticleIdx>,
    /// Articles matching the search anywhere in time (for the count shown next to the box).
    pub search_article_count: usize,
    /// Per article, whether it matches the search (empty without a search).
    search_matches: Vec<bool>,
    /// While a search is on: per marker slot, the window's events of the matching articles
    /// (`[events, publication-dated]`), which the markers count instead of `counts`.
    search_counts: Vec<[u32; 2]>,
    /// While a search or a place narrows the events: the timeline's per-day counts of the
    /// events let through (`[all, publication-dated]` per day of the timeline's range), drawn
    /// instead of the index's.
    pub per_day: Option<(Vec<u32>, Vec<u32>)>,
    /// The events the filter lets through in the window, on the map: the sum of the markers'
    /// counts (the selected place's alone when a place is selected).
    pub shown_events: u64,
    pub search_place_count: usize,
    /// Places the selected article mentions.
    pub article_places: BTreeSet<PlaceIdx>,
    /// Indices into `index.events` of the selected place's events.
    pub place_events: Vec<usize>,
    /// Indices into `index.events` of the selected article's events.
    pub article_events: Vec<usize>,
}

impl Derived {
    /// Builds everything for `state`; `counts` are the previous window's, reused and moved.
    pub fn build(
        model: &Model,
        state: &AppState,
        revision: u64,
        mut counts: WindowCounts,
    ) -> Derived {
        let key = DerivedKey::of(model, state);
        let ds = &model.dataset;
        let window = key.window;
        let filter = key.filter;
        let query = key.search.as_str();
        counts.update(&ds.index, window);

        let article_places: BTreeSet<PlaceIdx> = key
            .article
            .and_then(|a| ds.extractions.get(a.0 as usize))
            .map(|x| {
                x.places
                    .iter()
                    .filter(|m| !m.is_demonym())
                    .map(|m| m.place)
                    .collect()
            })
            .unwrap_or_default();

        let search_matches = if query.is_empty() {
            Vec::new()
        } else {
            model.articles_matching(query)
        };
        let matched = |a: ArticleIdx| search_matches.get(a.0 as usize).copied().unwrap_or(false);
        let search_on = !query.is_empty();
        let search_counts = if search_on {
            counts_of_matches(model, window, filter, &search_matches)
        } else {
            Vec::new()
        };
        // Over all time, per slot, the events of the matching articles: their number, first and
        // last day (for the markers' totals while a search is on).
        let mut search_totals: Vec<(u32, Option<(DayNum, DayNum)>)> = Vec::new();
        if search_on {
            search_totals = vec![(0, None); ds.index.places().len()];
            for e in ds.index.dated_events() {
                if !(filter.admits(e) && matched(e.article)) {
                    continue;
                }
                if let Some(t) = ds
                    .index
                    .slot(e.place)
                    .and_then(|s| search_totals.get_mut(s))
                {
                    t.0 += 1;
                    t.1 = Some(t.1.map_or((e.from, e.to), |(f, l)| (f.min(e.from), l.max(e.to))));
                }
            }
        }
        let mut markers = Vec::new();
        let mut search_place_count = 0;
        for (slot, agg) in ds.index.places().iter().enumerate() {
            let Some(place) = ds.gazetteer.places().get(agg.place.0 as usize) else {
                continue;
            };
            if !place.coord.is_valid() {
                continue;
            }
            let search_hit = !query.is_empty() && model.place_matches(agg.place, query);
            search_place_count += usize::from(search_hit);
            let dating = model.dating(slot);
            let total = agg.total() as u32;
            let (total, first, last) = match (search_totals.get(slot), filter) {
                (Some(&(n, days)), _) => (
                    n,
                    days.map(|(f, _)| date_of(f)),
                    days.map(|(_, l)| date_of(l)),
                ),
                (None, EventFilter::All) => (total, agg.first, agg.last),
                (None, EventFilter::DatedByText) => (
                    total.saturating_sub(dating.publication),
                    dating.by_text.map(|(f, _)| date_of(f)),
                    dating.by_text.map(|(_, l)| date_of(l)),
                ),
            };
            let [count, publication] = shown_counts(&counts, &search_counts, slot, filter);
            markers.push(Marker {
                place: agg.place,
                slot: slot as u32,
                at: place.coord,
                name: place.name.to_owned(),
                class: place.kind.class(),
                count,
                publication,
                total,
                first,
                last,
                selected: key.place == Some(agg.place),
                in_article: article_places.contains(&agg.place),
                search_hit,
            });
        }
        let max_count = markers.iter().map(|m| m.count).max().unwrap_or(0);
        let shown_pairs = markers.iter().map(|m| [m.count, m.publication]).collect();
        let mut keys = vec![MarkerKey::default(); model.grid.len()];
        for (i, m) in markers.iter().enumerate() {
            if let Some(k) = model.entry_of_marker(i).and_then(|e| keys.get_mut(e)) {
                *k = m.key();
            }
        }
        let shown_events = shown_events(&markers, key.place);
        let per_day = (search_on || key.place.is_some()).then(|| {
            filtered_per_day(model, |e| {
                filter.admits(e)
                    && (!search_on || matched(e.article))
                    && key.place.is_none_or(|p| e.place == p)
            })
        });
        let articles = articles_listed(model, &key, &search_matches);
        let search_article_count = search_matches.iter().filter(|&&m| m).count();

        let admitted = |i: &usize| ds.index.events.get(*i).is_some_and(|e| filter.admits(e));
        let place_events = match key.place.and_then(|p| ds.index.place(p)) {
            Some(agg) => ds
                .index
                .place_events(agg)
                .iter()
                .map(|&i| i as usize)
                .filter(admitted)
                .collect(),
            None => Vec::new(),
        };
        let mut article_events = match key.article {
            Some(a) => ds.index.events_of_article(a, &ds.extractions),
            None => Vec::new(),
        };
        article_events.retain(admitted);

        Derived {
            key,
            revision,
            markers,
            keys,
            shown_pairs,
            max_count,
            counts,
            articles,
            search_article_count,
            search_matches,
            search_counts,
            per_day,
            shown_events,
            search_place_count,
            article_places,
            place_events,
            article_events,
        }
    }

    /// Which events these data count and list.
    pub fn filter(&self) -> EventFilter {
        self.key.filter
    }

    /// Whether the filters in force (the date basis, the search, the selected place) let
    /// `event` through: the one test behind the map's counts, the timeline's bars, the article
    /// list and the export (the window is the caller's range).
    pub fn admits(&self, event: &crate::index::IndexedEvent) -> bool {
        self.key.filter.admits(event)
            && (self.key.search.is_empty()
                || self
                    .search_matches
                    .get(event.article.0 as usize)
                    .copied()
                    .unwrap_or(false))
            && self.key.place.is_none_or(|p| event.place == p)
    }

    /// The articles with a search hit, anywhere in time, by date (undated last): what Enter
    /// steps through.
    pub fn search_hits(&self, model: &Model) -> Vec<ArticleIdx> {
        let mut hits: Vec<ArticleIdx> = (0..self.search_matches.len())
            .filter(|&i| self.search_matches[i])
            .map(|i| ArticleIdx(i as u32))
            .collect();
        hits.sort_by_key(|&a| (model.article_date(a).is_none(), model.article_date(a), a.0));
        hits
    }

    /// The search in force (trimmed, lower case; empty: none).
    pub fn search(&self) -> &str {
        &self.key.search
    }

    pub fn marker(&self, place: PlaceIdx) -> Option<&Marker> {
        self.markers.iter().find(|m| m.place == place)
    }

    /// Moves to `key`, which differs from `self.key` in the window only: the counts walk the
    /// events entering or leaving the window, the markers take their new counts and the article
    /// list follows; the selection's events and the search counts stay.
    fn move_window(&mut self, model: &Model, key: DerivedKey, revision: u64) {
        self.counts.update(&model.dataset.index, key.window);
        if !key.search.is_empty() {
            self.search_counts =
                counts_of_matches(model, key.window, key.filter, &self.search_matches);
        }
        let filter = key.filter;
        // While a search is on, its counts are recounted whole: every marker is compared.
        let changed = if self.search_counts.is_empty() {
            self.counts.changed()
        } else {
            None
        };
        let (counts, search_counts) = (&self.counts, &self.search_counts);
        let (markers, keys, shown_pairs) =
            (&mut self.markers, &mut self.keys, &mut self.shown_pairs);
        // The largest count is kept unless the marker that had it shrank; the sum of the shown
        // counts moves by the changed markers' differences (the selected place is the same as
        // before: only the window moved).
        let (old_max, mut max_count, mut rescan) = (self.max_count, self.max_count, false);
        let mut shown = self.shown_events;
        // Marker `i` shows `new` instead of a count of `before`.
        let mut take = |i: usize, before: u32, new: [u32; 2]| {
            let Some(m) = markers.get_mut(i) else {
                return;
            };
            [m.count, m.publication] = new;
            // (A marker's key changes with its counts alone while the window moves.)
            if let Some(k) = model.entry_of_marker(i).and_then(|e| keys.get_mut(e)) {
                *k = m.key();
            }
            if key.place.is_none_or(|p| m.place == p) {
                shown = shown - u64::from(before) + u64::from(m.count);
            }
            rescan |= before == old_max && m.count < before;
            max_count = max_count.max(m.count);
        };
        // (The two walks below repeat one test: as one closure called from both, it was not
        // inlined, and a far move took 1.2M instructions more.)
        match changed {
            // Only the places whose counts moved (a scrub step touches a few of ~100k).
            Some(changed) => {
                for &slot in changed {
                    let Some(Some(i)) = model.marker_of_slot.get(slot as usize).copied() else {
                        continue;
                    };
                    let new = shown_counts(counts, search_counts, slot as usize, filter);
                    if let Some(pair) = shown_pairs.get_mut(i as usize).filter(|p| **p != new) {
                        take(i as usize, std::mem::replace(pair, new)[0], new);
                    }
                }
            }
            // A far move (or a search): every place's counts are read, in order, against what
            // its marker shows; zoomed out at 1M events a few thousand of 100k differ, and
            // only those markers (over 100 bytes each) are written.
            None => {
                for (slot, marker) in model.marker_of_slot.iter().enumerate() {
                    let Some(i) = *marker else {
                        continue;
                    };
                    let new = shown_counts(counts, search_counts, slot, filter);
                    if let Some(pair) = shown_pairs.get_mut(i as usize).filter(|p| **p != new) {
                        take(i as usize, std::mem::replace(pair, new)[0], new);
                    }
                }
            }
        }
        self.shown_events = shown;
        self.max_count = if rescan {
            self.shown_pairs.iter().map(|p| p[0]).max().unwrap_or(0)
        } else {
            max_count
        };
        self.articles = articles_listed(model, &key, &self.search_matches);
        self.key = key;
        self.revision = revision;
    }
}

/// The events in the window at `slot` and, of them, the publication-dated ones, as the markers
/// show them: of the articles matching the search while one is on (`search_counts`), and no
/// publication-dated ones while the filter hides them.
fn shown_counts(
    counts: &WindowCounts,
    search_counts: &[[u32; 2]],
    slot: usize,
    filter: EventFilter,
) -> [u32; 2] {
    let [all, publication] = if search_counts.is_empty() {
        [counts.count(slot), counts.publication(slot)]
    } else {
        search_counts.get(slot).copied().unwrap_or_default()
    };
    match filter {
        EventFilter::All => [all, publication],
        EventFilter::DatedByText => [all.saturating_sub(publication), 0],
    }
}

/// Per place slot, the events in `window` of the articles matching the search, and of them the
/// publication-dated ones: a walk over the window's events (only while a search is on).
fn counts_of_matches(
    model: &Model,
    window: TimeWindow,
    filter: EventFilter,
    matches: &[bool],
) -> Vec<[u32; 2]> {
    let index = &model.dataset.index;
    let mut out = vec![[0u32; 2]; index.places().len()];
    for i in index.events_matching(window, filter) {
        let Some(e) = index.events.get(i) else {
            continue;
        };
        if !matches.get(e.article.0 as usize).copied().unwrap_or(false) {
            continue;
        }
        if let Some(c) = index.slot(e.place).and_then(|s| out.get_mut(s)) {
            c[0] += 1;
            c[1] += u32::from(e.publication_dated());
        }
    }
    out
}

/// The events the map shows in the window: every marker's, or the selected place's alone.
fn shown_events(markers: &[Marker], place: Option<PlaceIdx>) -> u64 {
    markers
        .iter()
        .filter(|m| place.is_none_or(|p| m.place == p))
        .map(|m| u64::from(m.count))
        .sum()
}

/// The timeline's per-day counts (`[all, publication-dated]`, over the index's timeline range,
/// by start day, as [`crate::index::Index::per_day`]) of the dated events `admit` lets through.
fn filtered_per_day(
    model: &Model,
    admit: impl Fn(&crate::index::IndexedEvent) -> bool,
) -> (Vec<u32>, Vec<u32>) {
    let index = &model.dataset.index;
    let len = index.per_day().len();
    let (mut all, mut publication) = (vec![0u32; len], vec![0u32; len]);
    let Some(start) = index.timeline_range().map(|r| crate::index::day_num(r.0)) else {
        return (all, publication);
    };
    for e in index.dated_events().iter().filter(|e| admit(e)) {
        let Some(i) = usize::try_from(e.from - start).ok().filter(|&i| i < len) else {
            continue;
        };
        all[i] += 1;
        publication[i] += u32::from(e.publication_dated());
    }
    (all, publication)
}

/// The article list: in the window, at the selected place, matching the search.
fn articles_listed(model: &Model, key: &DerivedKey, search_matches: &[bool]) -> Vec<ArticleIdx> {
    let mut articles = model
        .dataset
        .index
        .articles_in(key.window, key.place, key.filter);
    if !key.search.is_empty() {
        articles.retain(|a| search_matches.get(a.0 as usize).copied().unwrap_or(false));
    }
    articles
}

/// Holds the current [`Derived`] and rebuilds it when its key changes.
#[derive(Default)]
pub struct DerivedCache {
    derived: Option<Derived>,
    rebuilds: u64,
}

impl DerivedCache {
    /// The derived data for this state, rebuilt only if the inputs changed since the last call.
    pub fn get(&mut self, model: &Model, state: &AppState) -> &Derived {
        let wanted = DerivedKey::of(model, state);
        match &mut self.derived {
            Some(d) if d.key == wanted => {}
            Some(d)
                if DerivedKey {
                    window: wanted.window,
                    ..d.key.clone()
                } == wanted =>
            {
                self.rebuilds += 1;
                d.move_window(model, wanted, self.rebuilds);
            }
            _ => {
                self.rebuilds += 1;
                // Same dataset: the counts move from the last window; else they start over.
                let counts = self
                    .derived
                    .take()
                    .filter(|d| d.key.generation == wanted.generation)
                    .map(|d| d.counts)
                    .unwrap_or_default();
                self.derived = Some(Derived::build(model, state, self.rebuilds, counts));
            }
        }
        self.derived
            .get_or_insert_with(|| Derived::build(model, state, 0, WindowCounts::default()))
    }

    pub fn current(&self) -> Option<&Derived> {
        self.derived.as_ref()
    }

    /// How many times the data was rebuilt (tests check that idle frames rebuild nothing).
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }
}

/// Byte ranges in `text` where `query` occurs, ignoring ASCII case. Non-ASCII queries are
/// matched by the search but not highlighted (lower-casing can change byte lengths).
pub fn find_ignoring_ascii_case(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let q = query.trim();
    if q.is_empty() || !q.is_ascii() {
        return Vec::new();
    }
    let (hay, needle) = (text.as_bytes(), q.as_bytes());
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if text.is_char_boundary(i) && hay[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            out.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// A small synthetic dataset for the session's tests (400 places, 30,000 events) and its
/// timeline range.
#[cfg(test)]
pub(crate) fn small_synthetic_model() -> (Model, (NaiveDate, NaiveDate)) {
    let places = crate::tools::synth::places(400, 11);
    let gazetteer = std::sync::Arc::new(crate::gazetteer::Gazetteer::from_places(places));
    let s = crate::tools::synth::events(gazetteer.places(), 30_000, 12);
    let index = crate::index::Index::build(&s.extractions, &s.published);
    let range = index.timeline_range().expect("dated");
    (
        crate::tools::perf::synthetic_model(gazetteer, s, index),
        range,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_the_window_gives_the_markers_a_rebuild_gives() {
        use crate::session::state::Intent;
        let (model, (a, b)) = small_synthetic_model();
        let mut state = AppState::new((a, b));
        let mut cache = DerivedCache::default();
        let days = (b - a).num_days();
        // Small steps, long jumps back and forth, window sizes, and the filter switched.
        let steps = [1, 1, 2, 30, -200, 3, 700, -5, 1, -900, 40];
        for (i, &step) in steps.iter().cycle().take(60).enumerate() {
            let day = (i as i64 * 97 + step * 3).rem_euclid(days.max(1));
            state.apply(Intent::SetHalfWindow([0, 3, 7, 30][i % 4]));
            state.apply(Intent::Seek(a + chrono::Days::new(day as u64)));
            if i == 30 {
                state.apply(Intent::SetEventFilter(EventFilter::DatedByText));
            }
            // A search narrows the counts for a while (every marker compared as the window
            // moves), then is cleared.
            if i == 20 {
                // ("Synthetic article 1", "... 10" to "... 19", "... 100" on: a part of them.)
                state.apply(Intent::SetSearch("article 1".to_owned()));
            }
            if i == 28 {
                state.apply(Intent::SetSearch(String::new()));
            }
            if i == 45 {
                // The sum of the shown counts follows one place while it is selected.
                let busiest = model
                    .dataset
                    .index
                    .places()
                    .iter()
                    .max_by_key(|p| p.total());
                state.apply(Intent::SelectPlace(busiest.map(|p| p.place)));
            }
            let moved = cache.get(&model, &state);
            let built = Derived::build(&model, &state, 0, WindowCounts::default());
            assert_eq!(moved.markers, built.markers, "step {i}");
            assert_eq!(moved.keys, built.keys, "step {i}");
            assert_eq!(moved.max_count, built.max_count, "step {i}");
            assert_eq!(moved.shown_events, built.shown_events, "step {i}");
            if i == 25 {
                let mut plain = state.clone();
                plain.apply(Intent::SetSearch(String::new()));
                let all = Derived::build(&model, &plain, 0, WindowCounts::default());
                assert!(
                    moved.shown_events < all.shown_events,
                    "the search narrows the counts"
                );
            }
        }
        assert!(cache.rebuilds() > 50);
    }

    #[test]
    fn the_first_view_holds_the_places_named_often_and_leaves_out_stray_mentions() {
        let tripoli = (LatLon::new(32.89, 13.19), KindClass::Settlement, 40);
        let misrata = (LatLon::new(32.38, 15.09), KindClass::Settlement, 20);
        let rome = (LatLon::new(41.9, 12.5), KindClass::Settlement, 20);
        let russia = (LatLon::new(61.5, 105.3), KindClass::Area, 30);
        let washington = (LatLon::new(38.9, -77.0), KindClass::Settlement, 1);
        let (sw, ne) =
            events_bounds(&[tripoli, misrata, rome, russia, washington]).expect("bounds");
        assert!(sw.lon > 0.0, "Washington's one mention is left out: {sw:?}");
        assert!(
            ne.lat >= 61.5 && ne.lon >= 105.3,
            "Russia, named 30 times, is in view: {ne:?}"
        );
        assert!(sw.lat <= 32.38 && ne.lat >= 41.9 && ne.lon >= 15.09);
        let far_country = (LatLon::new(61.5, 105.3), KindClass::Area, 1);
        let (_, ne) = events_bounds(&[tripoli, misrata, rome, far_country]).expect("bounds");
        assert!(ne.lat < 45.0, "a country named once is left out: {ne:?}");
        assert!(events_bounds(&[russia]).is_some());
        assert!(events_bounds(&[]).is_none());
    }

    #[test]
    fn articles_match_a_query_in_any_case_as_a_lower_cased_copy_would() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let model = Model::new(Dataset::load_bundled(root), 1);
        let articles = &model.dataset.articles;
        for query in [
            "tripoli",
            "TRIPOLI",
            "Haftar",
            "di maio",
            "al-watiya",
            "nowhere-at-all",
        ] {
            let q = query.to_lowercase();
            let expected: Vec<bool> = articles
                .iter()
                .map(|a| {
                    format!("{}\n{}", a.title, a.body.text())
                        .to_lowercase()
                        .contains(&q)
                })
                .collect();
            assert_eq!(model.articles_matching(query), expected, "{query}");
        }
        assert!(model.articles_matching("tripoli").iter().all(|&m| m));
        assert!(!model.articles_matching("nowhere-at-all").iter().any(|&m| m));
    }

    #[test]
    fn search_finds_every_occurrence_ignoring_case() {
        let text = "Haftar met haftar; HAFTAR’s forces";
        assert_eq!(
            find_ignoring_ascii_case(text, "haftar"),
            vec![0..6, 11..17, 19..25]
        );
        assert!(find_ignoring_ascii_case(text, "  ").is_empty());
        assert!(find_ignoring_ascii_case("Misrata", "misratah").is_empty());
    }
}
