//! The one state the map, the timeline and the article pane share (cursor, window, playback,
//! selection, search), and the intents that change it.
//!
//! Views never mutate this: they return [`Intent`]s and the app applies them here, in one place,
//! so the three views cannot disagree. No egui in this file: the state machine is tested without
//! a UI (see the tests at the bottom). Intents carry what they need from the dataset (an article's
//! date, a place's coordinates), so `apply` needs no dataset either.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::coord::LatLon;
use crate::extract::ArticleIdx;
use crate::gazetteer::PlaceIdx;
use crate::index::{DayNum, EventFilter, TimeWindow, date_of, day_num};

/// How the time window follows the cursor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowMode {
    /// `cursor ± half_window_days`.
    #[default]
    Window,
    /// Everything up to and including the cursor.
    Cumulative,
}

/// A request for the map view, consumed by it on the next frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapRequest {
    /// Fit every place with events.
    FitAll,
    /// Fly to a place, zooming in if the map is far out.
    FlyTo(LatLon),
    /// Zoom in (positive) or out (negative) by this many levels.
    ZoomBy(f64),
    /// Show this centre and zoom at once (a scene shown, a step of the fly between scenes).
    SetView { center: LatLon, zoom: f64 },
    /// Bring the box `sw..ne` into view (an article's places): pan if it fits at the current
    /// zoom, zoom out if it does not, nothing if it is in view already.
    Reveal { sw: LatLon, ne: LatLon },
}

/// Everything a view may ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Select a place (or clear the selection): filters the articles, marks its events.
    SelectPlace(Option<PlaceIdx>),
    /// Select a place and fly the map to it (a click on a mention in the text).
    FocusPlace {
        place: PlaceIdx,
        at: LatLon,
    },
    /// Select an article; the cursor moves to `date` (its publication date, else its first event).
    SelectArticle {
        article: ArticleIdx,
        date: Option<NaiveDate>,
    },
    ClearArticle,
    /// Bring the box `sw..ne` into the map's view (the places of an article just selected).
    RevealArea {
        sw: LatLon,
        ne: LatLon,
    },
    /// Move the cursor to a day (clamped to the timeline).
    Seek(NaiveDate),
    /// Move the cursor into an interval (a date clicked in the text): to its middle day, with
    /// the timeline's view moved to show it.
    SeekInterval {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Show the days `from..=to` on the timeline (a zoom, a pan, a brushed range), clamped to
    /// the timeline and to at least [`MIN_TIMELINE_VIEW_DAYS`].
    ShowTimeline {
        from: DayNum,
        to: DayNum,
    },
    /// Show the whole timeline again.
    ResetTimeline,
    /// Move the cursor by a number of days (negative: back).
    StepDays(i32),
    SeekStart,
    SeekEnd,
    SetHalfWindow(u32),
    SetMode(WindowMode),
    TogglePlay,
    SetSpeed(f32),
    SetSearch(String),
    /// Show every event, or only those dated by their text (the switch "Publication-dated
    /// events"): one filter for the map, the timeline, the article list and the export.
    SetEventFilter(EventFilter),
    FitAll,
    /// Show or hide the event dataset's layer (ACLED, GDELT) beside the articles.
    ShowLayer(bool),
    /// Zoom the map by this many levels (negative: out).
    Zoom(f64),
    /// Time passed while playing (seconds); the cursor advances by `speed × dt` days.
    Advance {
        dt_secs: f32,
    },
    /// Put the map at this centre and zoom on its next frame.
    SetMapView {
        center: LatLon,
        zoom: f64,
    },
    /// Fan out the markers at one spot (a click on a marker that holds several places).
    OpenSpread(Spread),
    /// Fold fanned-out markers back (a click elsewhere, Esc, a zoom).
    CloseSpread,
}

/// Markers fanned out around a point (found and placed by [`crate::session::spread`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// The clicked marker's place: the legs start there.
    pub center: LatLon,
    /// The map zoom the spread was opened at.
    pub zoom: f64,
    /// The places fanned out: those with events in the window first (the busiest first), then
    /// the others; at most [`crate::session::spread::MAX_SPREAD_PLACES`].
    pub places: Vec<PlaceIdx>,
    /// Places under the marker left out beyond [`crate::session::spread::MAX_SPREAD_PLACES`].
    pub left_out: usize,
}

/// Playback speeds offered in the UI, in days per second.
pub const SPEEDS: [f32; 5] = [1.0, 3.0, 7.0, 14.0, 30.0];
pub const MAX_HALF_WINDOW_DAYS: u32 = 365;
/// The timeline zooms in to a week at most.
pub const MIN_TIMELINE_VIEW_DAYS: DayNum = 7;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// First and last day of the timeline (inclusive), `start <= end`.
    start: DayNum,
    end: DayNum,
    /// The days the timeline shows (inclusive), within `start..=end`.
    view: (DayNum, DayNum),
    cursor: DayNum,
    pub half_window_days: u32,
    pub mode: WindowMode,
    pub playing: bool,
    pub speed_days_per_sec: f32,
    /// Fractional days accumulated while playing.
    play_carry_days: f32,
    pub selected_place: Option<PlaceIdx>,
    pub selected_article: Option<ArticleIdx>,
    pub search: String,
    /// Which events the views count, list and export (see [`EventFilter`]).
    pub event_filter: EventFilter,
    /// For the map view to take on its next frame.
    pub map_request: Option<MapRequest>,
    /// Markers fanned out on the map, if any ([`crate::session::spread`]).
    pub spread: Option<Spread>,
    /// The event dataset's layer is hidden (its legend row unticked).
    pub hide_layer: bool,
}

impl AppState {
    /// A state over the timeline `range` (inclusive), the cursor at its end.
    pub fn new(range: (NaiveDate, NaiveDate)) -> Self {
        let (a, b) = (day_num(range.0), day_num(range.1));
        let (start, end) = (a.min(b), a.max(b));
        Self {
            start,
            end,
            view: (start, end),
            cursor: end,
            half_window_days: 7,
            mode: WindowMode::Window,
            playing: false,
            speed_days_per_sec: 7.0,
            play_carry_days: 0.0,
            selected_place: None,
            selected_article: None,
            search: String::new(),
            event_filter: EventFilter::All,
            map_request: None,
            spread: None,
            hide_layer: false,
        }
    }

    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (date_of(self.start), date_of(self.end))
    }

    pub fn range_days(&self) -> (DayNum, DayNum) {
        (self.start, self.end)
    }

    /// The days the timeline shows (inclusive): the whole timeline unless zoomed.
    pub fn timeline_view(&self) -> (DayNum, DayNum) {
        self.view
    }

    /// Whether the timeline shows less than all of it.
    pub fn timeline_zoomed(&self) -> bool {
        self.view != (self.start, self.end)
    }

    /// Sets the timeline's view to `from..=to`, widened to the minimum span and shifted or cut
    /// to fit the timeline.
    fn show_days(&mut self, from: DayNum, to: DayNum) {
        let (from, to) = (from.min(to), from.max(to));
        let full = self.end - self.start;
        let span = (to - from).max(MIN_TIMELINE_VIEW_DAYS - 1).min(full);
        let mid = from + (to - from) / 2;
        let from = (mid - span / 2).clamp(self.start, self.end - span);
        self.view = (from, from + span);
    }

    /// Pans the timeline's view, keeping its span, so that `day` is in it.
    fn keep_in_view(&mut self, day: DayNum) {
        let (from, to) = self.view;
        if day < from {
            self.show_days(day, day + (to - from));
        } else if day > to {
            self.show_days(day - (to - from), day);
        }
    }

    pub fn cursor(&self) -> NaiveDate {
        date_of(self.cursor)
    }

    pub fn cursor_day(&self) -> DayNum {
        self.cursor
    }

    /// The window the map and the article list show.
    pub fn window(&self) -> TimeWindow {
        match self.mode {
            WindowMode::Window => {
                let half = self.half_window_days as DayNum;
                TimeWindow {
                    from: self.cursor - half,
                    to: self.cursor + half,
                }
            }
            WindowMode::Cumulative => TimeWindow {
                from: DayNum::MIN,
                to: self.cursor,
            },
        }
    }

    fn seek_day(&mut self, day: DayNum) {
        self.cursor = day.clamp(self.start, self.end);
        self.play_carry_days = 0.0;
        self.keep_in_view(self.cursor);
    }

    /// Applies one intent. Returns whether anything changed.
    pub fn apply(&mut self, intent: Intent) -> bool {
        let before = self.clone();
        match intent {
            Intent::SelectPlace(place) => self.selected_place = place,
            Intent::FocusPlace { place, at } => {
                self.selected_place = Some(place);
                self.map_request = Some(MapRequest::FlyTo(at));
            }
            Intent::SelectArticle { article, date } => {
                self.selected_article = Some(article);
                if let Some(date) = date {
                    self.seek_day(day_num(date));
                }
            }
            Intent::ClearArticle => self.selected_article = None,
            Intent::RevealArea { sw, ne } => self.map_request = Some(MapRequest::Reveal { sw, ne }),
            Intent::Seek(date) => self.seek_day(day_num(date)),
            Intent::SeekInterval { from, to } => {
                let (from, to) = (day_num(from), day_num(to));
                let (lo, hi) = (from.min(to), from.max(to));
                self.seek_day(lo + (hi - lo) / 2);
                let (v_from, v_to) = self.view;
                if lo < v_from || hi > v_to {
                    self.show_days(lo.min(v_from), hi.max(v_to));
                }
            }
            Intent::ShowTimeline { from, to } => self.show_days(from, to),
            Intent::ResetTimeline => self.view = (self.start, self.end),
            Intent::StepDays(days) => self.seek_day(self.cursor.saturating_add(days)),
            Intent::SeekStart => self.seek_day(self.start),
            Intent::SeekEnd => self.seek_day(self.end),
            Intent::SetHalfWindow(days) => self.half_window_days = days.min(MAX_HALF_WINDOW_DAYS),
            Intent::SetMode(mode) => self.mode = mode,
            Intent::TogglePlay => {
                if self.playing {
                    self.playing = false;
                } else {
                    if self.cursor >= self.end {
                        self.cursor = self.start;
                    }
                    self.playing = true;
                    self.play_carry_days = 0.0;
                }
            }
            Intent::SetSpeed(speed) => {
                if speed.is_finite() && speed > 0.0 {
                    self.speed_days_per_sec = speed;
                }
            }
            Intent::SetSearch(text) => self.search = text,
            Intent::SetEventFilter(filter) => self.event_filter = filter,
            Intent::ShowLayer(show) => self.hide_layer = !show,
            Intent::FitAll => self.map_request = Some(MapRequest::FitAll),
            Intent::Zoom(levels) => self.map_request = Some(MapRequest::ZoomBy(levels)),
            Intent::SetMapView { center, zoom } => {
                self.map_request = Some(MapRequest::SetView { center, zoom });
            }
            Intent::OpenSpread(spread) => self.spread = Some(spread),
            Intent::CloseSpread => self.spread = None,
            Intent::Advance { dt_secs } => {
                if self.playing && dt_secs.is_finite() && dt_secs > 0.0 {
                    self.play_carry_days += dt_secs * self.speed_days_per_sec;
                    let whole = self.play_carry_days.floor();
                    self.play_carry_days -= whole;
                    self.cursor = (self.cursor + whole as DayNum).min(self.end);
                    self.keep_in_view(self.cursor);
                    if self.cursor >= self.end {
                        self.playing = false;
                        self.play_carry_days = 0.0;
                    }
                }
            }
        }
        *self != before
    }

    /// Restores the persisted view parts; the cursor is clamped to this data's timeline.
    pub fn restore(
        &mut self,
        cursor: Option<NaiveDate>,
        half_window_days: u32,
        mode: WindowMode,
        speed: f32,
    ) {
        if let Some(c) = cursor {
            self.seek_day(day_num(c));
        }
        self.apply(Intent::SetHalfWindow(half_window_days));
        self.mode = mode;
        self.apply(Intent::SetSpeed(speed));
    }
}

/// Parses what a user types into "Go to date": `2019-04-04`, `2019/4/4`, `4.4.2019`,
/// `20190404`, `4 April 2019`, `April 4, 2019`, `2019-04` or `April 2019` (first of the month).
pub fn parse_date_input(text: &str) -> Option<NaiveDate> {
    const FULL: [&str; 9] = [
        "%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d/%m/%Y", "%Y%m%d", "%d %B %Y", "%B %d %Y",
        "%d %b %Y", "%b %d %Y",
    ];
    let t = text.trim().replace(',', " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return None;
    }
    for f in FULL {
        // A short year ("0020") means the pattern matched the wrong shape.
        if let Ok(d) = NaiveDate::parse_from_str(&t, f)
            && (1000..=9999).contains(&d.year())
        {
            return Some(d);
        }
    }
    // Month precision: add a day and parse again.
    for f in ["%Y-%m", "%Y/%m", "%B %Y", "%b %Y", "%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&format!("1 {t}"), &format!("%d {f}"))
            && (1..=9999).contains(&d.year())
        {
            return Some(d.with_day(1).unwrap_or(d));
        }
    }
    None
}

/// After a rebuild that should not disturb the user (a date set, a place added): the cursor,
/// window and article selection carry over. Places are deselected when the gazetteer changed.
pub fn carry_view(old: &AppState, new: &mut AppState, same_places: bool) {
    new.apply(Intent::SetHalfWindow(old.half_window_days));
    new.apply(Intent::SetMode(old.mode));
    new.apply(Intent::Seek(old.cursor()));
    if old.timeline_zoomed() {
        let (from, to) = old.timeline_view();
        new.apply(Intent::ShowTimeline { from, to });
    }
    new.selected_article = old.selected_article;
    if same_places {
        new.selected_place = old.selected_place;
    }
    new.search.clone_from(&old.search);
    new.hide_layer = old.hide_layer;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn seeds_state() -> AppState {
        AppState::new((day("2019-04-01"), day("2020-02-29")))
    }

    #[test]
    fn a_new_state_starts_at_the_end_of_the_timeline() {
        let s = seeds_state();
        assert_eq!(s.cursor(), day("2020-02-29"));
        assert!(!s.playing);
    }

    #[test]
    fn steps_move_by_days_and_weeks_and_stop_at_the_ends() {
        let mut s = seeds_state();
        s.apply(Intent::Seek(day("2019-06-10")));
        s.apply(Intent::StepDays(1));
        assert_eq!(s.cursor(), day("2019-06-11"));
        s.apply(Intent::StepDays(-7));
        assert_eq!(s.cursor(), day("2019-06-04"));
        s.apply(Intent::StepDays(-1000));
        assert_eq!(s.cursor(), day("2019-04-01"));
        s.apply(Intent::StepDays(1000));
        assert_eq!(s.cursor(), day("2020-02-29"));
        s.apply(Intent::SeekStart);
        assert_eq!(s.cursor(), day("2019-04-01"));
        s.apply(Intent::SeekEnd);
        assert_eq!(s.cursor(), day("2020-02-29"));
    }

    #[test]
    fn seeking_outside_the_timeline_clamps() {
        let mut s = seeds_state();
        s.apply(Intent::Seek(day("2011-01-01")));
        assert_eq!(s.cursor(), day("2019-04-01"));
    }

    #[test]
    fn the_window_follows_the_cursor_or_accumulates() {
        let mut s = seeds_state();
        s.apply(Intent::Seek(day("2019-04-19")));
        s.apply(Intent::SetHalfWindow(3));
        assert_eq!(
            s.window(),
            TimeWindow::new(day("2019-04-16"), day("2019-04-22"))
        );
        s.apply(Intent::SetMode(WindowMode::Cumulative));
        assert_eq!(s.window(), TimeWindow::up_to(day("2019-04-19")));
        s.apply(Intent::SetHalfWindow(100_000));
        assert_eq!(s.half_window_days, MAX_HALF_WINDOW_DAYS);
    }

    #[test]
    fn playing_advances_by_speed_and_stops_at_the_end() {
        let mut s = seeds_state();
        s.apply(Intent::SeekStart);
        s.apply(Intent::SetSpeed(2.0));
        assert!(
            !s.apply(Intent::Advance { dt_secs: 1.0 }),
            "paused: nothing moves"
        );
        s.apply(Intent::TogglePlay);
        assert!(s.playing);
        // Fractions of a day accumulate across frames.
        for _ in 0..4 {
            s.apply(Intent::Advance { dt_secs: 0.125 });
        }
        assert_eq!(s.cursor(), day("2019-04-02"));
        s.apply(Intent::Advance { dt_secs: 1000.0 });
        assert_eq!(s.cursor(), day("2020-02-29"));
        assert!(!s.playing, "playback stops at the end");
    }

    #[test]
    fn play_at_the_end_restarts_from_the_start() {
        let mut s = seeds_state();
        s.apply(Intent::TogglePlay);
        assert!(s.playing);
        assert_eq!(s.cursor(), day("2019-04-01"));
        s.apply(Intent::TogglePlay);
        assert!(!s.playing);
    }

    #[test]
    fn selecting_an_article_moves_the_cursor_to_its_date() {
        let mut s = seeds_state();
        s.apply(Intent::SelectArticle {
            article: ArticleIdx(2),
            date: Some(day("2019-05-08")),
        });
        assert_eq!(s.selected_article, Some(ArticleIdx(2)));
        assert_eq!(s.cursor(), day("2019-05-08"));
        // An undated article keeps the cursor where it is.
        s.apply(Intent::SelectArticle {
            article: ArticleIdx(4),
            date: None,
        });
        assert_eq!(s.cursor(), day("2019-05-08"));
        s.apply(Intent::ClearArticle);
        assert_eq!(s.selected_article, None);
    }

    #[test]
    fn focusing_a_place_selects_it_and_asks_the_map_to_fly() {
        let mut s = seeds_state();
        let tripoli = LatLon::new(32.8872, 13.1913);
        s.apply(Intent::FocusPlace {
            place: PlaceIdx(7),
            at: tripoli,
        });
        assert_eq!(s.selected_place, Some(PlaceIdx(7)));
        assert_eq!(s.map_request, Some(MapRequest::FlyTo(tripoli)));
    }

    #[test]
    fn the_event_filter_is_one_value_set_by_an_intent() {
        let mut s = seeds_state();
        assert_eq!(s.event_filter, EventFilter::All);
        assert!(s.apply(Intent::SetEventFilter(EventFilter::DatedByText)));
        assert_eq!(s.event_filter, EventFilter::DatedByText);
        assert!(!s.apply(Intent::SetEventFilter(EventFilter::DatedByText)));
        s.apply(Intent::SetEventFilter(EventFilter::All));
        assert_eq!(s.event_filter, EventFilter::All);
    }

    #[test]
    fn the_timeline_view_zooms_to_a_week_at_least_and_stays_in_the_timeline() {
        let mut s = seeds_state();
        let (start, end) = s.range_days();
        assert_eq!(s.timeline_view(), (start, end));
        assert!(!s.timeline_zoomed());
        let may = day_num(day("2019-05-01"));
        s.apply(Intent::ShowTimeline {
            from: may,
            to: may + 30,
        });
        assert_eq!(s.timeline_view(), (may, may + 30));
        assert!(s.timeline_zoomed());
        s.apply(Intent::ShowTimeline {
            from: may,
            to: may + 1,
        });
        let (f, t) = s.timeline_view();
        assert_eq!(t - f + 1, MIN_TIMELINE_VIEW_DAYS);
        s.apply(Intent::ShowTimeline {
            from: start - 100,
            to: start - 50,
        });
        assert_eq!(s.timeline_view().0, start, "shifted into the timeline");
        s.apply(Intent::ShowTimeline {
            from: start - 1000,
            to: end + 1000,
        });
        assert_eq!(s.timeline_view(), (start, end), "cut to the timeline");
        s.apply(Intent::ShowTimeline {
            from: may,
            to: may + 30,
        });
        s.apply(Intent::ResetTimeline);
        assert_eq!(s.timeline_view(), (start, end));
    }

    #[test]
    fn the_timeline_view_follows_the_cursor_out_of_it() {
        let mut s = seeds_state();
        let may = day_num(day("2019-05-01"));
        s.apply(Intent::ShowTimeline {
            from: may,
            to: may + 30,
        });
        s.apply(Intent::Seek(day("2019-07-10")));
        let (f, t) = s.timeline_view();
        assert_eq!(t - f, 30, "same span");
        assert!((f..=t).contains(&s.cursor_day()));
    }

    #[test]
    fn a_date_clicked_in_the_text_puts_the_cursor_in_its_interval_and_in_view() {
        let mut s = seeds_state();
        let may = day_num(day("2019-05-01"));
        s.apply(Intent::ShowTimeline {
            from: may,
            to: may + 10,
        });
        s.apply(Intent::SeekInterval {
            from: day("2019-10-01"),
            to: day("2019-10-31"),
        });
        assert_eq!(s.cursor(), day("2019-10-16"));
        let (f, t) = s.timeline_view();
        assert!(f <= day_num(day("2019-10-01")) && t >= day_num(day("2019-10-31")));
    }

    #[test]
    fn bad_speeds_are_ignored() {
        let mut s = seeds_state();
        s.apply(Intent::SetSpeed(f32::NAN));
        s.apply(Intent::SetSpeed(-3.0));
        assert!((s.speed_days_per_sec - 7.0).abs() < f32::EPSILON);
    }

    #[test]
    fn typed_dates_parse_in_the_usual_shapes() {
        assert_eq!(parse_date_input("2019-04-04"), Some(day("2019-04-04")));
        assert_eq!(parse_date_input(" 2020/2/19 "), Some(day("2020-02-19")));
        assert_eq!(parse_date_input("4.4.2019"), Some(day("2019-04-04")));
        assert_eq!(parse_date_input("20190404"), Some(day("2019-04-04")));
        assert_eq!(parse_date_input("4 April 2019"), Some(day("2019-04-04")));
        assert_eq!(parse_date_input("April 4, 2019"), Some(day("2019-04-04")));
        assert_eq!(parse_date_input("2020-02"), Some(day("2020-02-01")));
        assert_eq!(parse_date_input("feb 2020"), Some(day("2020-02-01")));
        assert_eq!(parse_date_input("yesterday"), None);
        // Years past 9999 are no date (no export format or spreadsheet reads them).
        for far in [
            "12019-04-04",
            "+12019-04-04",
            "4 April 12019",
            "12019-04",
            "April 12019",
        ] {
            assert_eq!(parse_date_input(far), None, "{far}");
        }
        assert_eq!(parse_date_input(""), None);
    }
}
